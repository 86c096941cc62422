//! Invitations: a person created by email, status "invited", who confirms through a one-time
//! link to the server's invitation page.

use sesame_core::domain::AuditAction;
use std::collections::HashMap;

use axum::Json;
use axum::Router;
use axum::extract::State;
use axum::routing::{get, post};

use super::people::{check_roles, target_of};
use super::person_change::duplicate_user_id;
use super::{optional_text, record};
use crate::AppState;
use crate::auth::{Signed, token_hash};
use crate::error::{ApiError, ApiResult, Checks};
use crate::extract::{Body, Id};
use crate::mail;
use crate::store::{Conn, InvitationRow, NewPersonRow, PersonRow, now, to_time};
use sesame_core::api::{AuditDetail, ErrorBody, Invitation, NewInvitation, PeopleQuery};
use sesame_core::domain::rules::{Action, Actor};
use sesame_core::domain::{Level, Status, generate_token, normalize_email};

pub(crate) fn router() -> Router<AppState> {
    Router::new()
        .route(
            "/invitations",
            get(list_invitations).post(create_invitation),
        )
        .route("/invitations/{id}/resend", post(resend_invitation))
        .route("/invitations/{id}/expire", post(expire_invitation))
}

/// Sends a new link (closing earlier ones) and queues the mail, in the caller's transaction.
async fn send_link(
    state: &AppState,
    conn: &mut Conn,
    actor_label: &str,
    p: &PersonRow,
) -> ApiResult<InvitationRow> {
    let token = generate_token();
    let expires_at = now() + state.config.invitation_days * 86400;
    conn.insert_invitation(p.id, &token_hash(&token), expires_at)
        .await?;
    let org = conn.organization(p.org_id).await?;
    let link = format!(
        "{}/invitation/{token}",
        state.config.public_url.trim_end_matches('/')
    );
    mail::queue_invitation(conn, &org, p, actor_label, &link, expires_at).await?;
    Ok(InvitationRow {
        id: 0,
        account_id: p.id,
        sent_at: now(),
        expires_at,
        closed_at: None,
    })
}

fn api(p: &PersonRow, i: &InvitationRow) -> Invitation {
    Invitation {
        person_id: p.id,
        email: p.email.clone(),
        level: p.level(),
        roles: p.roles(),
        sent_at: to_time(i.sent_at),
        expires_at: to_time(i.expires_at),
        expired: i.closed_at.is_some() || i.expires_at <= now(),
    }
}

#[utoipa::path(post, path = "/api/v1/invitations", tag = "invitations", security(("bearer" = [])), request_body = NewInvitation,
    responses((status = 200, body = Invitation), (status = 403, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn create_invitation(
    State(state): State<AppState>,
    s: Signed,
    Body(req): Body<NewInvitation>,
) -> ApiResult<Json<Invitation>> {
    let level = req.level.unwrap_or(Level::NEW_PERSON);
    s.actor.may_create(level)?;
    let mut checks = Checks::default();
    let invited = check_invited(&mut checks, &req);
    let mut tx = state.db.begin().await?;
    let roles = checks.take(check_roles(&mut tx, s.actor.org_id, &req.roles).await?);
    checks.done()?;
    let email = invited.email.clone();
    let id = insert_invited(&mut tx, &s.actor, &req, level, invited, roles.clone()).await?;
    let p = tx
        .person(s.actor.org_id, id)
        .await?
        .ok_or_else(ApiError::not_found)?;
    let inv = send_link(&state, &mut tx, &s.user_id, &p).await?;
    record(
        &mut tx,
        &s,
        AuditAction::InvitationSent,
        Some((id, &email)),
        Some(AuditDetail::Person { level, roles }),
    )
    .await?;
    tx.commit().await?;
    Ok(Json(api(&p, &inv)))
}

/// An invitation's fields once checked (the refusals are in the `Checks`).
struct Invited {
    email: String,
    last_name: String,
    first_name: String,
    phone: String,
    /// The contact to record too, when the person is also a contact.
    contact: Option<sesame_core::api::Contact>,
}

/// Checks the invited person's fields, in the order of the form; the names may stay empty
/// (the invited person gives them), unless they are also a contact.
fn check_invited(checks: &mut Checks, req: &NewInvitation) -> Invited {
    let email = checks.take(normalize_email("email", &req.email));
    let last_name = checks.take(optional_text("last_name", req.last_name.as_deref(), 100));
    let first_name = checks.take(optional_text("first_name", req.first_name.as_deref(), 100));
    let phone = checks.take(super::phone(req.phone.as_deref()));
    // Someone who is also a contact needs what every contact has: names and a purpose.
    let contact = match (req.also_contact, req.contact_purpose) {
        (false, _) => None,
        (true, None) => {
            checks.refuse("contact_purpose", "required");
            None
        }
        (true, Some(purpose)) => {
            let mut contact_checks = Checks::default();
            let contact = super::contacts::checked_into(
                &mut contact_checks,
                &sesame_core::api::NewContact {
                    last_name: last_name.clone(),
                    first_name: first_name.clone(),
                    email: email.clone(),
                    phone: Some(phone.clone()),
                    purpose,
                },
                None,
            );
            // The contact's checks repeat the person's: only what they add counts.
            checks.merge(contact_checks);
            Some(contact)
        }
    };
    Invited {
        email,
        last_name,
        first_name,
        phone,
        contact,
    }
}

/// Records the invited person (status invited, no password yet), under the charge of a level-2
/// user who invites a level-3 user, and as a contact when asked; their id.
async fn insert_invited(
    tx: &mut Conn,
    actor: &Actor,
    req: &NewInvitation,
    level: Level,
    invited: Invited,
    roles: Vec<String>,
) -> ApiResult<i64> {
    // The email is the user ID until the person chooses otherwise.
    let id = tx
        .insert_person(&NewPersonRow {
            org_id: actor.org_id,
            user_id: invited.email.clone(),
            last_name: invited.last_name,
            first_name: invited.first_name,
            email: invited.email,
            phone: invited.phone,
            level,
            language: req.language,
            roles,
            is_contact: req.also_contact,
            status: Status::Invited,
            password_hash: None,
            password_temporary: false,
        })
        .await
        .map_err(|e| duplicate_user_id(e).with_field("email"))?;
    if let Some(manager) = actor.places_under_charge(level) {
        tx.link_under_charge(manager, id).await?;
    }
    if let Some(c) = invited.contact {
        tx.insert_contact(
            actor.org_id,
            &sesame_core::api::Contact {
                person_id: Some(id),
                ..c
            },
        )
        .await?;
    }
    Ok(id)
}

/// The invited people the actor sees, with their latest link.
#[utoipa::path(get, path = "/api/v1/invitations", tag = "invitations", security(("bearer" = [])),
    responses((status = 200, body = [Invitation]), (status = 403, body = ErrorBody)))]
pub async fn list_invitations(
    State(state): State<AppState>,
    s: Signed,
) -> ApiResult<Json<Vec<Invitation>>> {
    if !s.actor.has_user_list() {
        return Err(ApiError::forbidden());
    }
    let mut conn = state.db.read().await?;
    let query = PeopleQuery {
        status: Some(Status::Invited),
        limit: Some(crate::store::MAX_PAGE),
        ..Default::default()
    };
    let (people, _) = conn
        .people_page(s.actor.org_id, s.actor.visibility(), &query)
        .await?
        .map_err(|_| ApiError::field("cursor", "invalid_value"))?;
    let latest: HashMap<i64, InvitationRow> = conn
        .latest_invitations(s.actor.org_id)
        .await?
        .into_iter()
        .map(|i| (i.account_id, i))
        .collect();
    Ok(Json(
        people
            .iter()
            .filter_map(|p| latest.get(&p.id).map(|i| api(p, i)))
            .collect(),
    ))
}

async fn invited_target(conn: &mut Conn, actor: &Actor, id: i64) -> ApiResult<PersonRow> {
    let (target, p) = target_of(conn, actor, id).await?;
    actor.may(Action::ManageInvitation, &target)?;
    Ok(p)
}

#[utoipa::path(post, path = "/api/v1/invitations/{id}/resend", tag = "invitations", security(("bearer" = [])), params(("id" = i64, Path, description = "The invited person's id")),
    responses((status = 200, body = Invitation), (status = 404, body = ErrorBody)))]
pub async fn resend_invitation(
    State(state): State<AppState>,
    s: Signed,
    Id(id): Id<i64>,
) -> ApiResult<Json<Invitation>> {
    let mut tx = state.db.begin().await?;
    let p = invited_target(&mut tx, &s.actor, id).await?;
    let inv = send_link(&state, &mut tx, &s.user_id, &p).await?;
    record(
        &mut tx,
        &s,
        AuditAction::InvitationResent,
        Some((id, &p.email)),
        None,
    )
    .await?;
    tx.commit().await?;
    Ok(Json(api(&p, &inv)))
}

#[utoipa::path(post, path = "/api/v1/invitations/{id}/expire", tag = "invitations", security(("bearer" = [])), params(("id" = i64, Path, description = "The invited person's id")),
    responses((status = 200, body = Invitation), (status = 404, body = ErrorBody)))]
pub async fn expire_invitation(
    State(state): State<AppState>,
    s: Signed,
    Id(id): Id<i64>,
) -> ApiResult<Json<Invitation>> {
    let mut tx = state.db.begin().await?;
    let p = invited_target(&mut tx, &s.actor, id).await?;
    tx.close_invitations(id).await?;
    record(
        &mut tx,
        &s,
        AuditAction::InvitationExpired,
        Some((id, &p.email)),
        None,
    )
    .await?;
    let latest = tx
        .latest_invitations(s.actor.org_id)
        .await?
        .into_iter()
        .find(|i| i.account_id == id);
    tx.commit().await?;
    let inv = latest.ok_or_else(ApiError::not_found)?;
    Ok(Json(api(&p, &inv)))
}
