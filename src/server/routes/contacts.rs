//! Contacts: people kept for communication (invoices, technical matters), not accounts.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;

use super::{optional_text, phone, record};
use crate::api::{Contact, ErrorBody, NewContact};
use crate::domain::{normalize_email, required_text};
use crate::server::AppState;
use crate::server::auth::Signed;
use crate::server::error::{ApiError, ApiResult};
use crate::server::extract::{Body, Id};

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

#[utoipa::path(post, path = "/api/v1/contacts", tag = "contacts", security(("bearer" = [])), request_body = NewContact,
    responses((status = 200, body = Contact), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn create_contact(
    State(state): State<AppState>,
    s: Signed,
    Body(req): Body<NewContact>,
) -> ApiResult<Json<Contact>> {
    s.actor.may_manage_contacts()?;
    let c = Contact {
        id: 0,
        last_name: required_text("last_name", &req.last_name, 100)?,
        first_name: required_text("first_name", &req.first_name, 100)?,
        email: normalize_email("email", &req.email)?,
        phone: Some(phone(req.phone.as_deref())?).filter(|p| !p.is_empty()),
        purpose: optional_text("purpose", Some(&req.purpose), 200)?,
        person_id: None,
    };
    let mut tx = state.db.begin().await?;
    let id = tx
        .insert_contact(
            s.actor.org_id,
            &c.last_name,
            &c.first_name,
            &c.email,
            c.phone.as_deref().unwrap_or(""),
            &c.purpose,
            None,
        )
        .await?;
    record(
        &mut tx,
        &s,
        "contact_created",
        None,
        format!("{} {} <{}>", c.first_name, c.last_name, c.email),
    )
    .await?;
    tx.commit().await?;
    Ok(Json(Contact { id, ..c }))
}

#[utoipa::path(delete, path = "/api/v1/contacts/{id}", tag = "contacts", security(("bearer" = [])), params(("id" = i64, Path)),
    responses((status = 204), (status = 404, body = ErrorBody)))]
pub async fn delete_contact(
    State(state): State<AppState>,
    s: Signed,
    Id(id): Id<i64>,
) -> ApiResult<StatusCode> {
    s.actor.may_manage_contacts()?;
    let mut tx = state.db.begin().await?;
    if !tx.delete_contact(s.actor.org_id, id).await? {
        return Err(ApiError::not_found());
    }
    record(
        &mut tx,
        &s,
        "contact_deleted",
        None,
        format!("contact #{id}"),
    )
    .await?;
    tx.commit().await?;
    Ok(StatusCode::NO_CONTENT)
}
