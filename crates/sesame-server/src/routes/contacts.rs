//! Contacts: people kept for communication (invoices, technical or contractual matters). A
//! contact may also be a user: the entry then points to the account.

use axum::Json;
use axum::Router;
use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::{get, put};

use super::{phone, record};
use crate::AppState;
use crate::auth::Signed;
use crate::error::{ApiError, ApiResult, Checks};
use crate::extract::{Body, Id};
use sesame_core::api::{AuditDetail, Contact, ErrorBody, NewContact};
use sesame_core::domain::{AuditAction, normalize_email, required_text};

pub(crate) fn router() -> Router<AppState> {
    Router::new()
        .route("/contacts", get(list_contacts).post(create_contact))
        .route("/contacts/{id}", put(update_contact).delete(delete_contact))
}

#[utoipa::path(get, path = "/api/v1/contacts", tag = "contacts", security(("bearer" = [])),
    responses((status = 200, body = [Contact]), (status = 403, body = ErrorBody)))]
pub async fn list_contacts(
    State(state): State<AppState>,
    s: Signed,
) -> ApiResult<Json<Vec<Contact>>> {
    s.actor.may_manage_contacts()?;
    let mut conn = state.db.read().await?;
    Ok(Json(conn.contacts(s.actor.org_id).await?))
}

/// The checked values of a request, as a contact with no id yet.
pub(crate) fn checked(req: &NewContact, person_id: Option<i64>) -> ApiResult<Contact> {
    let mut checks = Checks::default();
    let contact = checked_into(&mut checks, req, person_id);
    checks.done()?;
    Ok(contact)
}

/// [`checked`], noting each refused field in `checks`.
pub(crate) fn checked_into(
    checks: &mut Checks,
    req: &NewContact,
    person_id: Option<i64>,
) -> Contact {
    Contact {
        id: 0,
        last_name: checks.take(required_text("last_name", &req.last_name, 100)),
        first_name: checks.take(required_text("first_name", &req.first_name, 100)),
        email: checks.take(normalize_email("email", &req.email)),
        phone: Some(checks.take(phone(req.phone.as_deref()))).filter(|p| !p.is_empty()),
        purpose: Some(req.purpose),
        person_id,
    }
}

fn detail(c: &Contact) -> Option<AuditDetail> {
    Some(AuditDetail::Contact {
        name: format!("{} {}", c.first_name, c.last_name)
            .trim()
            .to_owned(),
        email: c.email.clone(),
    })
}

#[utoipa::path(post, path = "/api/v1/contacts", tag = "contacts", security(("bearer" = [])), request_body = NewContact,
    responses((status = 200, body = Contact), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn create_contact(
    State(state): State<AppState>,
    s: Signed,
    Body(req): Body<NewContact>,
) -> ApiResult<Json<Contact>> {
    s.actor.may_manage_contacts()?;
    let c = checked(&req, None)?;
    let mut tx = state.db.begin().await?;
    let id = tx.insert_contact(s.actor.org_id, &c).await?;
    record(&mut tx, &s, AuditAction::ContactCreated, None, detail(&c)).await?;
    tx.commit().await?;
    Ok(Json(Contact { id, ..c }))
}

/// Replaces a contact's values. A negative id names a user marked "also a contact" who has no
/// entry yet: the entry is created, linked to the account.
#[utoipa::path(put, path = "/api/v1/contacts/{id}", tag = "contacts", security(("bearer" = [])), params(("id" = i64, Path)), request_body = NewContact,
    responses((status = 200, body = Contact), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn update_contact(
    State(state): State<AppState>,
    s: Signed,
    Id(id): Id<i64>,
    Body(req): Body<NewContact>,
) -> ApiResult<Json<Contact>> {
    s.actor.may_manage_contacts()?;
    let mut tx = state.db.begin().await?;
    let c = if id < 0 {
        let person = tx
            .person(s.actor.org_id, -id)
            .await?
            .filter(|p| p.is_contact)
            .ok_or_else(ApiError::not_found)?;
        let c = checked(&req, Some(person.id))?;
        let new_id = tx.insert_contact(s.actor.org_id, &c).await?;
        Contact { id: new_id, ..c }
    } else {
        let account = tx
            .contact_account(s.actor.org_id, id)
            .await?
            .ok_or_else(ApiError::not_found)?;
        let c = Contact {
            id,
            ..checked(&req, account)?
        };
        tx.update_contact(s.actor.org_id, &c).await?;
        c
    };
    record(&mut tx, &s, AuditAction::ContactUpdated, None, detail(&c)).await?;
    tx.commit().await?;
    Ok(Json(c))
}

/// Removes a contact; a user who was also a contact stays a user, no longer marked as one.
#[utoipa::path(delete, path = "/api/v1/contacts/{id}", tag = "contacts", security(("bearer" = [])), params(("id" = i64, Path)),
    responses((status = 204), (status = 404, body = ErrorBody)))]
pub async fn delete_contact(
    State(state): State<AppState>,
    s: Signed,
    Id(id): Id<i64>,
) -> ApiResult<StatusCode> {
    s.actor.may_manage_contacts()?;
    let mut tx = state.db.begin().await?;
    // Named in the log as it was, since nothing of it remains afterwards.
    let gone = tx
        .contacts(s.actor.org_id)
        .await?
        .into_iter()
        .find(|c| c.id == id);
    let found = if id < 0 {
        tx.unmark_contact(s.actor.org_id, -id).await?
    } else {
        match tx.contact_account(s.actor.org_id, id).await? {
            None => false,
            Some(account) => {
                if let Some(a) = account {
                    tx.unmark_contact(s.actor.org_id, a).await?;
                }
                tx.delete_contact(s.actor.org_id, id).await?
            }
        }
    };
    if !found {
        return Err(ApiError::not_found());
    }
    record(
        &mut tx,
        &s,
        AuditAction::ContactDeleted,
        None,
        gone.as_ref().and_then(detail),
    )
    .await?;
    tx.commit().await?;
    Ok(StatusCode::NO_CONTENT)
}
