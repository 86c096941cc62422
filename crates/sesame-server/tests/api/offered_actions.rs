//! What the server offers is what it accepts: as every demo reader, on every person they see,
//! each action offered with the person succeeds (each on a fresh demo of its own) and each
//! action not offered is refused.

use serde_json::{Value, json};
use tokio::task::JoinSet;

use crate::support::{Backend, TestServer, backends, start};
use sesame_core::domain::Level;
use sesame_core::domain::rules::{Action, ServiceUserAction, StructureAction};
use sesame_server::demo::{self, DEMO_CODE, DEMO_PASSWORD};

const READERS: [&str; 5] = ["demo", "admin.en", "c.gagnon", "r.okafor", "zoe"];

/// How many trials on fresh demos run at once.
const AT_ONCE: usize = 6;

async fn demo_server(b: &Backend) -> TestServer {
    let s = start(b).await;
    assert!(demo::demo(&s.db).await.unwrap());
    s
}

async fn token(s: &TestServer, user_id: &str) -> String {
    let c = s.sign_in(DEMO_CODE, user_id, DEMO_PASSWORD).await;
    c.token().expect("signed in").to_owned()
}

/// The people `token`'s reader sees, each as their record shows them (the listing's rows are
/// checked to carry the same actions); a reader without a list sees their own record.
async fn seen(s: &TestServer, token: &str) -> Vec<Value> {
    let (status, page) = s
        .raw(Some(token), "GET", "/api/v1/people?limit=5000", None)
        .await;
    let ids: Vec<i64> = match status {
        200 => page["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["id"].as_i64().unwrap())
            .collect(),
        _ => {
            let (_, me) = s.raw(Some(token), "GET", "/api/v1/me", None).await;
            vec![me["id"].as_i64().expect("my id")]
        }
    };
    let mut people = vec![];
    for id in ids {
        let (status, rec) = s
            .raw(Some(token), "GET", &format!("/api/v1/people/{id}"), None)
            .await;
        assert_eq!(status, 200, "the record of {id}");
        if let Some(row) = page["items"]
            .as_array()
            .and_then(|items| items.iter().find(|p| p["id"] == id))
        {
            assert_eq!(
                row["actions"], rec["actions"],
                "list and record agree on {id}"
            );
        }
        people.push(rec);
    }
    people
}

fn offers(p: &Value, action: Action) -> bool {
    let name = serde_json::to_value(action).unwrap();
    p["actions"].as_array().unwrap().contains(&name)
}

fn level(p: &Value) -> Level {
    serde_json::from_value(p["level"].clone()).unwrap()
}

/// The request that takes `action` on `p`; `None` when nothing can be tried (a link with
/// nobody the reader manages who could be placed under `p`).
fn request(action: Action, p: &Value, people: &[Value]) -> Option<(&'static str, String, Value)> {
    let id = p["id"].as_i64().unwrap();
    let person = format!("/api/v1/people/{id}");
    let version = p["version"].clone();
    Some(match action {
        Action::See => return None,
        Action::PreviewReach => ("GET", format!("{person}/reach"), Value::Null),
        Action::Modify => (
            "PATCH",
            person,
            json!({"version": version, "phone": "+1 514 555 0142"}),
        ),
        Action::ModifyIdentity => {
            let user_id = format!("{}.x", p["user_id"].as_str().unwrap());
            (
                "PATCH",
                person,
                json!({"version": version, "user_id": user_id}),
            )
        }
        Action::Delete => ("DELETE", person, Value::Null),
        Action::InitializePassword => ("POST", format!("{person}/password"), Value::Null),
        Action::UpdateRoles => (
            "PUT",
            format!("{person}/roles"),
            json!({"roles": p["roles"]}),
        ),
        Action::Suspend => ("POST", format!("{person}/suspend"), Value::Null),
        Action::Reactivate => ("POST", format!("{person}/reactivate"), Value::Null),
        Action::ResetTwoFactor => ("DELETE", format!("{person}/two-factor"), Value::Null),
        Action::ManageInvitation => (
            "POST",
            format!("/api/v1/invitations/{id}/resend"),
            Value::Null,
        ),
        Action::LinkUnderCharge => {
            let sub = people
                .iter()
                .find(|x| level(x).rank() > level(p).rank() && offers(x, Action::ModifyIdentity))?;
            (
                "PUT",
                format!("{person}/under-charge/{}", sub["id"]),
                Value::Null,
            )
        }
    })
}

async fn take(s: &TestServer, token: &str, (method, path, body): (&str, String, Value)) -> u16 {
    let body = (!body.is_null()).then_some(body);
    s.raw(Some(token), method, &path, body).await.0
}

/// Takes each offered action on a fresh demo of its own, a few at once; what went wrong.
async fn offered_trials<T, F, Fut>(b: &Backend, trials: Vec<T>, trial: F) -> Vec<String>
where
    T: Send + 'static,
    F: Fn(Backend, T) -> Fut,
    Fut: std::future::Future<Output = String> + Send + 'static,
{
    let mut wrong = vec![];
    let mut trials = trials.into_iter().peekable();
    while trials.peek().is_some() {
        let mut set = JoinSet::new();
        for t in trials.by_ref().take(AT_ONCE) {
            set.spawn(trial(b.clone(), t));
        }
        while let Some(outcome) = set.join_next().await {
            wrong.extend(Some(outcome.unwrap()).filter(|o| !o.is_empty()));
        }
    }
    wrong
}

/// An action not offered, tried on the shared demo: it must be refused.
fn refused_or_said(status: u16, what: impl FnOnce() -> String) -> Option<String> {
    (!matches!(status, 403 | 404 | 409 | 422))
        .then(|| format!("{} not offered, answered {status}", what()))
}

/// One offered action on a fresh demo: it must succeed.
async fn offered_succeeds(b: Backend, reader: &'static str, id: i64, action: Action) -> String {
    let s = demo_server(&b).await;
    let t = token(&s, reader).await;
    let people = seen(&s, &t).await;
    let p = people.iter().find(|p| p["id"] == id).expect("seen again");
    let outcome = match request(action, p, &people) {
        None => String::new(),
        Some(r) => {
            let status = take(&s, &t, r).await;
            if matches!(status, 200 | 204) {
                String::new()
            } else {
                format!(
                    "{reader}: {action:?} on {} offered, answered {status}",
                    p["user_id"]
                )
            }
        }
    };
    s.stop().await;
    outcome
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_offered_action_succeeds_and_every_other_is_refused() {
    for b in backends() {
        let s = demo_server(&b).await;
        let mut wrong = vec![];
        let mut trials = vec![];
        let mut refused = 0;
        for reader in READERS {
            let t = token(&s, reader).await;
            let people = seen(&s, &t).await;
            assert!(!people.is_empty(), "{reader} sees someone");
            for p in &people {
                for action in Action::ALL.into_iter().filter(|a| *a != Action::See) {
                    let id = p["id"].as_i64().unwrap();
                    if offers(p, action) {
                        trials.push((reader, id, action));
                        continue;
                    }
                    // Refused, so nothing changes: tried on the same demo.
                    let Some(r) = request(action, p, &people) else {
                        continue;
                    };
                    let status = take(&s, &t, r).await;
                    refused += 1;
                    wrong.extend(refused_or_said(status, || {
                        format!("{reader}: {action:?} on {}", p["user_id"])
                    }));
                }
            }
        }
        let offered = trials.len();
        wrong.extend(
            offered_trials(&b, trials, |b, (reader, id, action)| {
                offered_succeeds(b, reader, id, action)
            })
            .await,
        );
        assert!(wrong.is_empty(), "{}:\n{}", b.name(), wrong.join("\n"));
        // The demo gives every kind of answer something to try.
        assert!(
            offered > 100 && refused > 100,
            "{offered} offered, {refused} refused"
        );
        s.stop().await;
    }
}

/// The request that takes `action` on structure `st` (as the readers' list shows it).
fn structure_request(action: StructureAction, st: &Value) -> (&'static str, String, Value) {
    let id = st["id"].as_i64().unwrap();
    let path = format!("/api/v1/structures/{id}");
    let version = st["version"].clone();
    match action {
        StructureAction::Rename => (
            "PUT",
            format!("{path}/name"),
            json!({"version": version, "name": "Renamed by the test"}),
        ),
        // Where it is already: a move that is always possible when moving is.
        StructureAction::Move => (
            "PUT",
            format!("{path}/parent"),
            json!({"version": version, "parent_id": st["parent_id"]}),
        ),
        StructureAction::Remove => ("DELETE", path, Value::Null),
        StructureAction::NamePrimaryManager => (
            "PUT",
            format!("{path}/primary-manager"),
            json!({"version": version, "person_id": st["primary_manager"]["id"]}),
        ),
        StructureAction::CreateTechnicalUser => {
            ("POST", format!("{path}/technical-user"), Value::Null)
        }
        StructureAction::ManageTechnicalUser => (
            "POST",
            format!(
                "/api/v1/technical-users/{}/password",
                st["technical_user_id"]
            ),
            Value::Null,
        ),
    }
}

const STRUCTURE_ACTIONS: [StructureAction; 6] = [
    StructureAction::Rename,
    StructureAction::Move,
    StructureAction::Remove,
    StructureAction::NamePrimaryManager,
    StructureAction::CreateTechnicalUser,
    StructureAction::ManageTechnicalUser,
];

async fn structures(s: &TestServer, token: &str) -> Vec<Value> {
    match s.raw(Some(token), "GET", "/api/v1/structures", None).await {
        (200, Value::Array(list)) => list,
        _ => vec![],
    }
}

/// One offered action on a structure, on a fresh demo: it must succeed.
async fn offered_structure_action(
    b: Backend,
    reader: &'static str,
    id: i64,
    action: StructureAction,
) -> String {
    let s = demo_server(&b).await;
    let t = token(&s, reader).await;
    let list = structures(&s, &t).await;
    let st = list.iter().find(|x| x["id"] == id).expect("listed again");
    let status = take(&s, &t, structure_request(action, st)).await;
    s.stop().await;
    match status {
        200 | 204 => String::new(),
        _ => format!(
            "{reader}: {action:?} on {} offered, answered {status}",
            st["name"]
        ),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_offered_structure_action_succeeds_and_every_other_is_refused() {
    for b in backends() {
        let s = demo_server(&b).await;
        let (mut wrong, mut trials, mut refused) = (vec![], vec![], 0);
        for reader in READERS {
            let t = token(&s, reader).await;
            for st in structures(&s, &t).await {
                let id = st["id"].as_i64().unwrap();
                for action in STRUCTURE_ACTIONS {
                    let name = serde_json::to_value(action).unwrap();
                    if st["actions"].as_array().unwrap().contains(&name) {
                        trials.push((reader, id, action));
                        continue;
                    }
                    let status = take(&s, &t, structure_request(action, &st)).await;
                    refused += 1;
                    wrong.extend(refused_or_said(status, || {
                        format!("{reader}: {action:?} on {}", st["name"])
                    }));
                }
            }
        }
        let offered = trials.len();
        wrong.extend(
            offered_trials(&b, trials, |b, (reader, id, action)| {
                offered_structure_action(b, reader, id, action)
            })
            .await,
        );
        assert!(wrong.is_empty(), "{}:\n{}", b.name(), wrong.join("\n"));
        assert!(
            offered > 10 && refused > 10,
            "{offered} offered, {refused} refused"
        );
        s.stop().await;
    }
}

/// The request that takes `action` on service user `su`.
fn service_user_request(action: ServiceUserAction, su: &Value) -> (&'static str, String, Value) {
    let path = format!("/api/v1/service-users/{}", su["id"]);
    match action {
        ServiceUserAction::Modify => (
            "PATCH",
            path,
            json!({"version": su["version"], "application": su["application"]}),
        ),
        ServiceUserAction::ResetPassword => ("POST", format!("{path}/password"), Value::Null),
        ServiceUserAction::RotatePassword => (
            "POST",
            format!("{path}/password/rotate"),
            json!({"grace_days": 7}),
        ),
        ServiceUserAction::EndPreviousPassword => {
            ("DELETE", format!("{path}/password/previous"), Value::Null)
        }
        ServiceUserAction::IssueProvisioningToken => {
            ("POST", format!("{path}/provisioning-token"), Value::Null)
        }
    }
}

const SERVICE_USER_ACTIONS: [ServiceUserAction; 5] = [
    ServiceUserAction::Modify,
    ServiceUserAction::ResetPassword,
    ServiceUserAction::RotatePassword,
    ServiceUserAction::EndPreviousPassword,
    ServiceUserAction::IssueProvisioningToken,
];

/// One offered action on a service user, on a fresh demo: it must succeed.
async fn offered_service_user_action(
    b: Backend,
    reader: &'static str,
    su: Value,
    action: ServiceUserAction,
) -> String {
    let s = demo_server(&b).await;
    let t = token(&s, reader).await;
    let status = take(&s, &t, service_user_request(action, &su)).await;
    s.stop().await;
    match status {
        200 | 204 => String::new(),
        _ => format!(
            "{reader}: {action:?} on {} offered, answered {status}",
            su["user_code"]
        ),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_offered_service_user_action_succeeds_and_every_other_is_refused() {
    for b in backends() {
        let s = demo_server(&b).await;
        let demo = token(&s, "demo").await;
        let (_, all) = s
            .raw(Some(&demo), "GET", "/api/v1/service-users", None)
            .await;
        let all = all.as_array().expect("level 1 lists them").clone();
        let (mut wrong, mut trials, mut refused) = (vec![], vec![], 0);
        for reader in READERS {
            let t = token(&s, reader).await;
            let (_, seen) = s.raw(Some(&t), "GET", "/api/v1/service-users", None).await;
            for su in &all {
                // What this reader's own list says of it (nothing when they do not see it).
                let mine = seen
                    .as_array()
                    .and_then(|l| l.iter().find(|x| x["id"] == su["id"]));
                for action in SERVICE_USER_ACTIONS {
                    let name = serde_json::to_value(action).unwrap();
                    if mine.is_some_and(|m| m["actions"].as_array().unwrap().contains(&name)) {
                        trials.push((reader, su.clone(), action));
                        continue;
                    }
                    let status = take(&s, &t, service_user_request(action, su)).await;
                    refused += 1;
                    wrong.extend(refused_or_said(status, || {
                        format!("{reader}: {action:?} on {}", su["user_code"])
                    }));
                }
            }
        }
        let offered = trials.len();
        wrong.extend(
            offered_trials(&b, trials, |b, (reader, su, action)| {
                offered_service_user_action(b, reader, su, action)
            })
            .await,
        );
        assert!(wrong.is_empty(), "{}:\n{}", b.name(), wrong.join("\n"));
        assert!(
            offered >= 8 && refused >= 8,
            "{offered} offered, {refused} refused"
        );
        s.stop().await;
    }
}
