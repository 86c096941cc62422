//! The small bilingual page behind an invitation link: the invited person confirms and
//! chooses a password; the account becomes active; the link works once and expires.

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use axum::{Form, Router};
use serde::Deserialize;

use super::AppState;
use super::auth::{hash_password, token_hash};
use super::store::{AuditRecord, Conn, OrganizationRow, PersonRow, now};
use sesame_core::domain::{AuditAction, Language, Status};
use sesame_core::i18n::texts;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/invitation/{token}", get(show).post(confirm))
        .route(STYLE_PATH, get(style))
}

/// The page's stylesheet, served apart: the page's policy allows its own styles only.
const STYLE_PATH: &str = "/invitation-style.css";

const STYLE: &str = "body{font-family:system-ui,sans-serif;max-width:34rem;margin:3rem auto;\
    padding:0 1rem;color:#1d2430}label{display:block;margin-top:1rem}\
    input{width:100%;padding:.5rem;font-size:1rem}\
    button{margin-top:1.5rem;padding:.6rem 1rem;font-size:1rem}.error{color:#b00020}\
    nav{text-align:right}";

async fn style() -> Response {
    (
        [
            (axum::http::header::CONTENT_TYPE, "text/css; charset=utf-8"),
            // Nothing secret in it: a browser may keep it for a day.
            (axum::http::header::CACHE_CONTROL, "public, max-age=86400"),
        ],
        STYLE,
    )
        .into_response()
}

#[derive(Deserialize)]
pub struct LangQuery {
    lang: Option<String>,
}

#[derive(Deserialize)]
pub struct ConfirmForm {
    password: String,
    password_repeat: String,
    #[serde(default)]
    lang: Option<String>,
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

/// The invitation behind a token, if it still works.
async fn open_invitation(
    conn: &mut Conn,
    token: &str,
) -> Result<Option<(PersonRow, OrganizationRow)>, sqlx::Error> {
    let Some(inv) = conn.invitation_by_token(&token_hash(token)).await? else {
        return Ok(None);
    };
    if inv.closed_at.is_some() || inv.expires_at <= now() {
        return Ok(None);
    }
    let Some(org_id) = conn.account_org(inv.account_id).await? else {
        return Ok(None);
    };
    let Some(person) = conn.person(org_id, inv.account_id).await? else {
        return Ok(None);
    };
    if person.status() != Status::Invited {
        return Ok(None);
    }
    let org = conn.organization(org_id).await?;
    Ok(Some((person, org)))
}

fn page(lang: Language, token: &str, body: &str) -> Html<String> {
    let t = texts();
    let other = match lang {
        Language::En => "fr",
        Language::Fr => "en",
    };
    Html(format!(
        "<!doctype html><html lang=\"{lang}\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{title}</title>\
         <link rel=\"stylesheet\" href=\"{STYLE_PATH}\"></head><body><nav><a href=\"/invitation/{token}?lang={other}\" lang=\"{other}\">{switch}</a></nav>{body}</body></html>",
        lang = lang.as_str(),
        title = escape(&t.get(lang, "page-title", &[])),
        token = escape(token),
        switch = escape(&t.get(lang, "page-switch-language", &[])),
    ))
}

fn form(
    lang: Language,
    token: &str,
    person: &PersonRow,
    org: &OrganizationRow,
    error: Option<&str>,
) -> Html<String> {
    let t = texts();
    let get = |id: &str| escape(&t.get(lang, id, &[]));
    let error = error
        .map(|e| {
            format!(
                "<p class=\"error\" role=\"alert\">{}</p>",
                escape(&t.get(lang, e, &[]))
            )
        })
        .unwrap_or_default();
    let body = format!(
        "<h1>{heading}</h1><p>{intro}</p><p>{user_id}</p>{error}\
         <form method=\"post\"><input type=\"hidden\" name=\"lang\" value=\"{lang}\">\
         <label>{pw}<input type=\"password\" name=\"password\" autocomplete=\"new-password\" required minlength=\"{min}\" maxlength=\"{max}\"></label>\
         <label>{pw2}<input type=\"password\" name=\"password_repeat\" autocomplete=\"new-password\" required minlength=\"{min}\" maxlength=\"{max}\"></label>\
         <p>{rule}</p><button type=\"submit\">{confirm}</button></form>",
        heading = escape(&t.get(lang, "page-heading", &[("organization", &org.name)])),
        intro = escape(&t.get(lang, "page-intro", &[("email", &person.email)])),
        user_id = escape(&t.get(lang, "page-user-id", &[("user_id", &person.user_id)])),
        min = sesame_core::domain::PASSWORD_LENGTH.start(),
        max = sesame_core::domain::PASSWORD_LENGTH.end(),
        lang = lang.as_str(),
        pw = get("page-password"),
        pw2 = get("page-password-repeat"),
        rule = get("page-password-rule"),
        confirm = get("page-confirm"),
    );
    page(lang, token, &body)
}

/// A used, expired or withdrawn link: 410 Gone, with a page that says what to do.
fn invalid(lang: Language, token: &str) -> Response {
    let t = texts();
    let html = page(
        lang,
        token,
        &format!(
            "<h1>{}</h1><p>{}</p>",
            escape(&t.get(lang, "page-invalid-heading", &[])),
            escape(&t.get(lang, "page-invalid-text", &[]))
        ),
    );
    (StatusCode::GONE, html).into_response()
}

fn chosen(lang: Option<&str>, person: Option<&PersonRow>) -> Language {
    lang.and_then(Language::parse)
        .or(person.map(PersonRow::language))
        .unwrap_or_default()
}

async fn show(
    State(state): State<AppState>,
    Path(token): Path<String>,
    Query(q): Query<LangQuery>,
) -> Response {
    let found = match state.db.read().await {
        Ok(mut conn) => open_invitation(&mut conn, &token).await.ok().flatten(),
        Err(_) => None,
    };
    match found {
        Some((person, org)) => form(
            chosen(q.lang.as_deref(), Some(&person)),
            &token,
            &person,
            &org,
            None,
        )
        .into_response(),
        None => invalid(chosen(q.lang.as_deref(), None), &token),
    }
}

async fn confirm(
    State(state): State<AppState>,
    Path(token): Path<String>,
    Form(f): Form<ConfirmForm>,
) -> Response {
    let Ok(mut tx) = state.db.begin().await else {
        return invalid(chosen(f.lang.as_deref(), None), &token);
    };
    let Some((person, org)) = open_invitation(&mut tx, &token).await.ok().flatten() else {
        return invalid(chosen(f.lang.as_deref(), None), &token);
    };
    let lang = chosen(f.lang.as_deref(), Some(&person));
    if f.password != f.password_repeat {
        let page = form(lang, &token, &person, &org, Some("page-error-mismatch"));
        return (StatusCode::UNPROCESSABLE_ENTITY, page).into_response();
    }
    if super::auth::check_new_password(&f.password, &person.user_id).is_err() {
        let page = form(lang, &token, &person, &org, Some("page-error-weak"));
        return (StatusCode::UNPROCESSABLE_ENTITY, page).into_response();
    }
    let Ok(hash) = hash_password(&f.password).await else {
        return invalid(lang, &token);
    };
    let done: Result<(), sqlx::Error> = async {
        tx.set_password(person.id, &hash, false).await?;
        tx.set_status(person.id, Status::Active).await?;
        tx.close_invitations(person.id).await?;
        tx.audit(AuditRecord {
            org_id: org.id,
            actor_id: Some(person.id),
            actor_label: &person.user_id,
            action: AuditAction::InvitationConfirmed,
            target_id: Some(person.id),
            target_label: &person.user_id,
            detail: None,
        })
        .await?;
        tx.commit().await
    }
    .await;
    if done.is_err() {
        return invalid(lang, &token);
    }
    let t = texts();
    page(
        lang,
        &token,
        &format!(
            "<h1>{}</h1><p>{}</p>",
            escape(&t.get(lang, "page-done-heading", &[])),
            escape(&t.get(
                lang,
                "page-done-text",
                &[("code", &org.code), ("user_id", &person.user_id)]
            ))
        ),
    )
    .into_response()
}
