//! Error answers: every refused field at once, each with a stable code, and messages written
//! for people in the caller's language (`Accept-Language`, else the organization's language).

use serde_json::{Value, json};

use crate::support::{PASSWORD, TestServer, backends};
use sesame_core::domain::Level;

/// A request with an `Accept-Language` header: (status, body, Content-Language).
async fn ask(
    s: &TestServer,
    token: Option<&str>,
    language: Option<&str>,
    method: &str,
    path: &str,
    body: Value,
) -> (u16, Value, String) {
    let http = reqwest::Client::new();
    let mut req = http
        .request(method.parse().unwrap(), format!("{}{path}", s.url()))
        .json(&body);
    if let Some(t) = token {
        req = req.bearer_auth(t);
    }
    if let Some(l) = language {
        req = req.header("Accept-Language", l);
    }
    let resp = req.send().await.unwrap();
    let status = resp.status().as_u16();
    let content_language = resp
        .headers()
        .get("content-language")
        .map(|v| v.to_str().unwrap().to_owned())
        .unwrap_or_default();
    (status, resp.json().await.unwrap(), content_language)
}

fn fields(body: &Value) -> Vec<(String, String)> {
    body["error"]["errors"]
        .as_array()
        .unwrap_or_else(|| panic!("no list of fields in {body}"))
        .iter()
        .map(|e| {
            assert!(!e["message"].as_str().unwrap().is_empty(), "{e}");
            (
                e["field"].as_str().unwrap().to_owned(),
                e["code"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

#[tokio::test]
async fn every_refused_field_of_a_request_comes_in_one_answer() {
    for b in backends() {
        let s = crate::support::start(&b).await;
        let org = s.org("ALPHA", false).await;
        s.person(org, "admin", Level::One, Some(PASSWORD)).await;
        let c = s.sign_in("ALPHA", "admin", PASSWORD).await;
        let bad_person = json!({"last_name": " ", "first_name": "Léa", "user_id": "l",
            "email": "not an email", "phone": "abc", "level": "level_3", "roles": ["nope"]});
        let (st, body, _) = ask(
            &s,
            c.token(),
            Some("en"),
            "POST",
            "/api/v1/people",
            bad_person,
        )
        .await;
        assert_eq!(st, 422, "{body}");
        let expected = [
            ("last_name", "required"),
            ("user_id", "user_id_length"),
            ("email", "invalid_email"),
            ("phone", "invalid_phone"),
            ("roles", "unknown_role"),
        ];
        let expected: Vec<(String, String)> = expected
            .iter()
            .map(|(f, c)| (f.to_string(), c.to_string()))
            .collect();
        assert_eq!(fields(&body), expected);
        // Clients that read one field still find the first.
        assert_eq!(body["error"]["code"], "invalid_field");
        assert_eq!(body["error"]["field"], "last_name");
        assert_eq!(body["error"]["reason"], "required");
        assert_eq!(
            body["error"]["errors"][2]["message"],
            "Email: not a valid email address."
        );

        let bad_contact =
            json!({"last_name": "", "first_name": "", "email": "x@", "purpose": "invoices"});
        let (st, body, _) = ask(&s, c.token(), None, "POST", "/api/v1/contacts", bad_contact).await;
        assert_eq!(st, 422);
        let names: Vec<String> = fields(&body).into_iter().map(|f| f.0).collect();
        assert_eq!(names, ["last_name", "first_name", "email"]);

        let bad_invitation = json!({"email": "nobody", "also_contact": true, "roles": []});
        let (st, body, _) = ask(
            &s,
            c.token(),
            None,
            "POST",
            "/api/v1/invitations",
            bad_invitation,
        )
        .await;
        assert_eq!(st, 422);
        let names: Vec<String> = fields(&body).into_iter().map(|f| f.0).collect();
        assert_eq!(names, ["email", "contact_purpose"]);
        assert!(c.people(&Default::default()).await.unwrap().items.len() == 1);
        s.stop().await;
    }
}

#[tokio::test]
async fn messages_are_sentences_in_the_language_the_caller_reads() {
    for b in backends() {
        let s = crate::support::start(&b).await;
        // The test organizations speak French by default.
        let org = s.org("ALPHA", false).await;
        s.person(org, "admin", Level::One, Some(PASSWORD)).await;
        let c = s.sign_in("ALPHA", "admin", PASSWORD).await;
        let bad = json!({"last_name": "Roy", "first_name": "Léa", "user_id": "lea",
            "email": "lea@", "level": "level_3"});
        let path = "/api/v1/people";
        let (_, en, lang) = ask(
            &s,
            c.token(),
            Some("en-CA,en;q=0.9"),
            "POST",
            path,
            bad.clone(),
        )
        .await;
        assert_eq!(lang, "en");
        assert_eq!(en["error"]["message"], "Email: not a valid email address.");
        let (_, fr, lang) = ask(&s, c.token(), Some("fr-CA"), "POST", path, bad.clone()).await;
        assert_eq!(lang, "fr");
        assert_eq!(
            fr["error"]["message"],
            "Courriel\u{a0}: adresse courriel non valide."
        );
        assert_eq!(
            fr["error"]["errors"][0]["code"], "invalid_email",
            "codes do not change"
        );
        // Neither French nor English asked: the organization's default language.
        for asked in [None, Some("de-DE, es;q=0.5")] {
            let (_, body, lang) = ask(&s, c.token(), asked, "POST", path, bad.clone()).await;
            assert_eq!(
                (lang.as_str(), &body["error"]["message"]),
                ("fr", &fr["error"]["message"])
            );
        }
        // Refusals that name no field read as a sentence too.
        let (st, body, _) = ask(
            &s,
            c.token(),
            Some("fr"),
            "GET",
            "/api/v1/people/999999",
            json!(null),
        )
        .await;
        assert_eq!(st, 404);
        assert_eq!(
            body["error"]["message"],
            "Cette fiche n’existe plus ou ne vous est pas visible."
        );
        // Before any session, the organization named in the sign-in decides.
        let sign_in =
            json!({"organization": "ALPHA", "user_id": "admin", "password": "wrong password"});
        let (st, body, _) = ask(&s, None, None, "POST", "/api/v1/session", sign_in).await;
        assert_eq!(st, 401);
        assert_eq!(
            body["error"]["message"],
            "Le code d’organisation, l’identifiant ou le mot de passe est incorrect."
        );
        let (_, body, lang) = ask(&s, None, Some("en"), "GET", "/api/v1/people", json!(null)).await;
        assert_eq!(
            (lang.as_str(), body["error"]["message"].as_str()),
            ("en", Some("Please sign in."))
        );
        s.stop().await;
    }
}

#[tokio::test]
async fn a_body_must_be_an_object_even_when_every_field_is_optional() {
    for b in backends() {
        let s = crate::support::start(&b).await;
        let org = s.org("ALPHA", false).await;
        s.person(org, "admin", Level::One, Some(PASSWORD)).await;
        let c = s.sign_in("ALPHA", "admin", PASSWORD).await;
        let token = c.token().map(str::to_owned);
        // serde alone would read `[null]` as `{"days": null}`: never expiring passwords.
        for (method, path, body) in [
            (
                "PUT",
                "/api/v1/organization/credential-validity",
                json!([null]),
            ),
            ("PATCH", "/api/v1/me", json!([])),
        ] {
            let (status, answer, _) = ask(&s, token.as_deref(), None, method, path, body).await;
            assert_eq!(status, 400, "{method} {path}: {answer}");
            assert_eq!(answer["error"]["code"], "invalid_json", "{answer}");
        }
        // Nothing changed.
        let (_, validity) = s
            .raw(
                token.as_deref(),
                "GET",
                "/api/v1/organization/credential-validity",
                None,
            )
            .await;
        assert_eq!(validity["days"], 365, "{validity}");
        s.stop().await;
    }
}
