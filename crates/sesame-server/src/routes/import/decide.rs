//! Deciding every row of an import by the rules of a single creation or update: the same
//! field checks, the same `Actor` decisions, against the organization as it is now.

use std::collections::{HashMap, HashSet};

use crate::error::ApiError;
use crate::routes::person_change::{changed_fields, merge_contact};
use crate::routes::phone;
use crate::store::{Conn, NewPersonRow, PersonFields, PersonRow};
use sesame_core::api::import::{
    ImportColumn as Col, ImportDelivery, ImportProblem, ImportRow, parse_language, parse_level,
    parse_roles, parse_yes_no,
};
use sesame_core::api::{ErrorCode, FieldChange};
use sesame_core::domain::rules::{Action, Actor, Target};
use sesame_core::domain::{
    Language, Level, Status, normalize_email, required_text, validate_user_id,
};

/// An existing person the row changes.
pub(crate) struct Update {
    pub before: PersonRow,
    pub fields: PersonFields,
    /// The new roles, when they change.
    pub roles: Option<Vec<String>>,
    pub changes: Vec<FieldChange>,
}

pub(crate) enum Kind {
    Create(Box<NewPersonRow>),
    Update(Box<Update>),
    Unchanged(i64),
    Refused(Vec<ImportProblem>),
}

pub(crate) struct Decided {
    pub line: u32,
    pub user_id: String,
    pub key: String,
    pub kind: Kind,
    /// The manager's user ID key, when the row places the person under someone's charge
    /// they are not under yet.
    pub manager: Option<String>,
    pub changed: Vec<Col>,
}

impl Decided {
    pub fn refused(&self) -> bool {
        matches!(self.kind, Kind::Refused(_))
    }
    /// The level and target the person will have once the row is applied.
    fn planned(
        &self,
        actor: &Actor,
        existing: &HashMap<String, (Target, PersonRow)>,
    ) -> Option<Target> {
        match &self.kind {
            Kind::Create(p) => Some(Target {
                // Not an account yet: an id no account has, so it is never "oneself".
                id: -i64::from(self.line) - 1,
                org_id: p.org_id,
                level: p.level,
                status: p.status,
                under_charge: actor.places_under_charge(p.level).is_some(),
                active_level_one: 0,
                two_factor: false,
            }),
            Kind::Update(u) => existing.get(&self.key).map(|(t, _)| Target {
                level: u.fields.level,
                ..t.clone()
            }),
            Kind::Unchanged(_) => existing.get(&self.key).map(|(t, _)| t.clone()),
            Kind::Refused(_) => None,
        }
    }
}

fn problem(column: Col, e: impl Into<ApiError>) -> ImportProblem {
    let e = e.into();
    ImportProblem {
        column,
        code: e.detail.code,
        reason: e.detail.reason,
    }
}

fn invalid(column: Col, reason: &str) -> ImportProblem {
    ImportProblem {
        column,
        code: ErrorCode::InvalidField,
        reason: Some(reason.into()),
    }
}

/// What the rows are checked against, read once for the whole file.
pub(crate) struct Context<'a> {
    pub actor: &'a Actor,
    pub roles: HashSet<String>,
    pub default_language: Language,
    pub delivery: ImportDelivery,
    pub existing: HashMap<String, (Target, PersonRow)>,
}

impl Context<'_> {
    pub async fn load<'a>(
        conn: &mut Conn,
        actor: &'a Actor,
        delivery: ImportDelivery,
        rows: &[ImportRow],
    ) -> Result<Context<'a>, ApiError> {
        let mut keys: Vec<String> = rows
            .iter()
            .flat_map(|r| [r.user_id.as_deref(), r.under_charge_of.as_deref()])
            .flatten()
            .map(|k| k.trim().to_lowercase())
            .filter(|k| !k.is_empty())
            .collect();
        keys.sort_unstable();
        keys.dedup();
        let reach = actor.reach.map(|r| r.person_id).unwrap_or(0);
        let org = conn.organization(actor.org_id).await?;
        Ok(Context {
            actor,
            roles: conn
                .roles(actor.org_id)
                .await?
                .into_iter()
                .map(|r| r.code)
                .collect(),
            default_language: Language::parse(&org.default_language).unwrap_or_default(),
            delivery,
            existing: conn.people_by_user_ids(actor.org_id, &keys, reach).await?,
        })
    }

    /// Every row decided; managers named by the file are checked once every row is known.
    pub async fn decide_all(
        &self,
        conn: &mut Conn,
        rows: &[ImportRow],
    ) -> Result<Vec<Decided>, ApiError> {
        let mut seen = HashSet::new();
        let mut out: Vec<Decided> = rows.iter().map(|r| self.decide(r, &mut seen)).collect();
        // A manager refused in one round may refuse the rows under them in the next.
        loop {
            // Everyone as they will be: the people the file does not touch, then its rows.
            let mut planned: HashMap<String, Target> = self
                .existing
                .iter()
                .map(|(k, (t, _))| (k.clone(), t.clone()))
                .collect();
            for d in &out {
                match d.planned(self.actor, &self.existing) {
                    Some(t) => planned.insert(d.key.clone(), t),
                    None => planned.remove(&d.key),
                };
            }
            let mut changed = false;
            for (d, row) in out.iter_mut().zip(rows) {
                if d.refused() {
                    continue;
                }
                if let Some(p) = self.manager_problem(conn, d, row, &planned).await? {
                    d.kind = Kind::Refused(vec![p]);
                    changed = true;
                }
            }
            if !changed {
                return Ok(out);
            }
        }
    }

    /// Checks the row's "under the charge of" as linking would; records the link to make.
    async fn manager_problem(
        &self,
        conn: &mut Conn,
        d: &mut Decided,
        row: &ImportRow,
        planned: &HashMap<String, Target>,
    ) -> Result<Option<ImportProblem>, ApiError> {
        let Some(key) = filled(&row.under_charge_of).map(str::to_lowercase) else {
            return Ok(None);
        };
        let Some(manager) = planned.get(&key).filter(|m| self.actor.sees(m)) else {
            return Ok(Some(invalid(Col::UnderChargeOf, "unknown_user")));
        };
        let Some(sub) = d.planned(self.actor, &self.existing) else {
            return Ok(None);
        };
        if let Err(r) = self.actor.may_link(manager, &sub) {
            return Ok(Some(problem(Col::UnderChargeOf, r)));
        }
        let already = match &d.kind {
            Kind::Create(_) => false,
            _ => conn
                .managers_of(sub.id)
                .await?
                .iter()
                .any(|m| m.user_id_key == key),
        };
        if !already {
            d.manager = Some(key);
            d.changed.push(Col::UnderChargeOf);
            if let Kind::Unchanged(id) = d.kind {
                let (_, before) = &self.existing[&d.key];
                d.kind = Kind::Update(Box::new(Update {
                    before: before.clone(),
                    fields: fields_of(before),
                    roles: None,
                    changes: vec![],
                }));
                debug_assert_eq!(before.id, id);
            }
        }
        Ok(None)
    }

    fn decide(&self, row: &ImportRow, seen: &mut HashSet<String>) -> Decided {
        let user_id = row.user_id.as_deref().unwrap_or("").trim().to_owned();
        let key = user_id.to_lowercase();
        let mut problems = vec![];
        if let Err(e) = validate_user_id(&user_id) {
            problems.push(problem(Col::UserId, e));
        } else if !seen.insert(key.clone()) {
            problems.push(problem(Col::UserId, duplicate()));
        }
        let level = match filled(&row.level).map(parse_level) {
            Some(Some(l)) => Some(l),
            Some(None) => {
                problems.push(invalid(Col::Level, "invalid_value"));
                None
            }
            None => None,
        };
        let language = match filled(&row.language) {
            Some(l) => parse_language(l).or_else(|| {
                problems.push(invalid(Col::Language, "invalid_value"));
                None
            }),
            None => None,
        };
        let is_contact = filled(&row.also_contact).and_then(|c| {
            parse_yes_no(c).or_else(|| {
                problems.push(invalid(Col::AlsoContact, "invalid_value"));
                None
            })
        });
        let roles = filled(&row.roles).map(|r| self.roles(r, &mut problems));
        let mut decided = Decided {
            line: row.line,
            user_id: user_id.clone(),
            key: key.clone(),
            kind: Kind::Refused(vec![]),
            manager: None,
            changed: vec![],
        };
        let existing = self
            .existing
            .get(&key)
            .filter(|_| problems.iter().all(|p| p.column != Col::UserId));
        let kind = match existing {
            Some((target, before)) => self.update(
                row,
                target,
                before,
                level,
                language,
                is_contact,
                roles,
                &mut problems,
                &mut decided.changed,
            ),
            None => self.create(
                row,
                &user_id,
                level,
                language,
                is_contact,
                roles,
                &mut problems,
            ),
        };
        decided.kind = if problems.is_empty() {
            kind
        } else {
            Kind::Refused(problems)
        };
        decided
    }

    fn roles(&self, text: &str, problems: &mut Vec<ImportProblem>) -> Vec<String> {
        let mut roles = parse_roles(text);
        roles.sort();
        roles.dedup();
        if roles.len() > 50 {
            problems.push(invalid(Col::Roles, "too_long"));
        } else if roles.iter().any(|r| !self.roles.contains(r)) {
            problems.push(invalid(Col::Roles, "unknown_role"));
        }
        roles
    }

    #[allow(clippy::too_many_arguments)]
    fn create(
        &self,
        row: &ImportRow,
        user_id: &str,
        level: Option<Level>,
        language: Option<Language>,
        is_contact: Option<bool>,
        roles: Option<Vec<String>>,
        problems: &mut Vec<ImportProblem>,
    ) -> Kind {
        let mut text = |column: Col, value: Option<&str>| match required_text(
            field(column),
            value.unwrap_or(""),
            100,
        ) {
            Ok(v) => v,
            Err(e) => {
                problems.push(problem(column, e));
                String::new()
            }
        };
        let last_name = text(Col::LastName, row.last_name.as_deref());
        let first_name = text(Col::FirstName, row.first_name.as_deref());
        let email =
            normalize_email("email", row.email.as_deref().unwrap_or("")).unwrap_or_else(|e| {
                problems.push(problem(Col::Email, e));
                String::new()
            });
        let phone = phone(filled(&row.phone)).unwrap_or_else(|e| {
            problems.push(problem(Col::Phone, e));
            String::new()
        });
        let level = match level {
            Some(l) => {
                if let Err(r) = self.actor.may_create(l) {
                    problems.push(problem(Col::Level, r));
                }
                l
            }
            None => {
                if filled(&row.level).is_none() {
                    problems.push(invalid(Col::Level, "required"));
                }
                Level::Three
            }
        };
        let invited = self.delivery == ImportDelivery::Invitation;
        Kind::Create(Box::new(NewPersonRow {
            org_id: self.actor.org_id,
            user_id: user_id.to_owned(),
            last_name,
            first_name,
            email,
            phone,
            level,
            language: language.unwrap_or(self.default_language),
            roles: roles.unwrap_or_default(),
            is_contact: is_contact.unwrap_or(false),
            status: if invited {
                Status::Invited
            } else {
                Status::Active
            },
            password_hash: None,
            password_temporary: false,
        }))
    }

    #[allow(clippy::too_many_arguments)]
    fn update(
        &self,
        row: &ImportRow,
        target: &Target,
        before: &PersonRow,
        level: Option<Level>,
        language: Option<Language>,
        is_contact: Option<bool>,
        roles: Option<Vec<String>>,
        problems: &mut Vec<ImportProblem>,
        changed: &mut Vec<Col>,
    ) -> Kind {
        // Someone the importer does not see is, to them, a user ID already taken.
        if !self.actor.sees(target) {
            problems.push(problem(Col::UserId, duplicate()));
            return Kind::Refused(vec![]);
        }
        if let Err(r) = self.actor.may(Action::Modify, target) {
            problems.push(problem(Col::UserId, r));
            return Kind::Refused(vec![]);
        }
        let mut checks = crate::error::Checks::default();
        let contact = merge_contact(
            &mut checks,
            before,
            filled(&row.last_name),
            filled(&row.first_name),
            filled(&row.email),
            filled(&row.phone),
        );
        if let Err(e) = checks.done() {
            let column = column_of(e.detail.field.as_deref());
            problems.push(problem(column, e));
            return Kind::Refused(vec![]);
        }
        let level = level.unwrap_or(before.level());
        if let Err(r) = self.actor.may_set_level(target, level) {
            problems.push(problem(Col::Level, r));
        }
        let roles = roles.filter(|r| *r != before.roles());
        if roles.is_some()
            && let Err(r) = self.actor.may(Action::UpdateRoles, target)
        {
            problems.push(problem(Col::Roles, r));
        }
        let fields = PersonFields {
            user_id: before.user_id.clone(),
            last_name: contact.last_name,
            first_name: contact.first_name,
            email: contact.email,
            phone: contact.phone,
            level,
            language: language.unwrap_or(before.language()),
            is_contact: is_contact.unwrap_or(before.is_contact),
        };
        let changes = changed_fields(before, &fields);
        changed.extend(changes.iter().map(column_of_change));
        if roles.is_some() {
            changed.push(Col::Roles);
        }
        if changed.is_empty() {
            return Kind::Unchanged(before.id);
        }
        Kind::Update(Box::new(Update {
            before: before.clone(),
            fields,
            roles,
            changes,
        }))
    }
}

/// The fields of a person as they are (an update that only links them under charge).
fn fields_of(p: &PersonRow) -> PersonFields {
    PersonFields {
        user_id: p.user_id.clone(),
        last_name: p.last_name.clone(),
        first_name: p.first_name.clone(),
        email: p.email.clone(),
        phone: p.phone.clone(),
        level: p.level(),
        language: p.language(),
        is_contact: p.is_contact,
    }
}

fn duplicate() -> ApiError {
    ApiError::new(
        axum::http::StatusCode::CONFLICT,
        ErrorCode::DuplicateUserId,
        "user ID taken",
    )
}

/// A cell with something in it: an empty cell leaves an existing person's value as it is,
/// and gives a new person the default.
fn filled(cell: &Option<String>) -> Option<&str> {
    cell.as_deref().map(str::trim).filter(|c| !c.is_empty())
}

fn field(column: Col) -> &'static str {
    match column {
        Col::LastName => "last_name",
        Col::FirstName => "first_name",
        _ => "",
    }
}

fn column_of(field: Option<&str>) -> Col {
    match field {
        Some("last_name") => Col::LastName,
        Some("first_name") => Col::FirstName,
        Some("email") => Col::Email,
        _ => Col::Phone,
    }
}

fn column_of_change(c: &FieldChange) -> Col {
    match c {
        FieldChange::LastName { .. } => Col::LastName,
        FieldChange::FirstName { .. } => Col::FirstName,
        FieldChange::Email { .. } => Col::Email,
        FieldChange::Phone { .. } => Col::Phone,
        FieldChange::Level { .. } => Col::Level,
        FieldChange::Language { .. } => Col::Language,
        FieldChange::IsContact { .. } => Col::AlsoContact,
        _ => Col::UserId,
    }
}
