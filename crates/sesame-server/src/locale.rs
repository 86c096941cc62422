//! Error messages in the caller's language: `Accept-Language` (fr or en) first, else the
//! default language of the signed-in account's organization, else English.

use axum::extract::{Request, State};
use axum::http::header::{ACCEPT_LANGUAGE, AUTHORIZATION};
use axum::middleware::Next;
use axum::response::Response;

use crate::AppState;
use crate::auth::token_hash;
use crate::error::Refused;
use sesame_core::api::preferred_language;
use sesame_core::domain::Language;

/// Rewrites an error answer's messages in the language the caller reads.
pub async fn localize_errors(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let headers = req.headers();
    let asked = headers
        .get(ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .and_then(preferred_language);
    let token = headers
        .get(AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|h| h.strip_prefix("Bearer "))
        .map(|t| token_hash(t.trim()));
    let mut response = next.run(req).await;
    let Some(Refused(error)) = response.extensions_mut().remove::<Refused>() else {
        return response;
    };
    let lang = match (asked, error.language) {
        (Some(lang), _) | (None, Some(lang)) => lang,
        (None, None) => organization_language(&state, token).await,
    };
    if lang == Language::En {
        return response;
    }
    error.respond_in(lang)
}

/// The default language of the organization whose session the token opens; English when
/// there is none.
async fn organization_language(state: &AppState, token_hash: Option<String>) -> Language {
    let Some(hash) = token_hash else {
        return Language::En;
    };
    let Ok(mut conn) = state.db.read().await else {
        return Language::En;
    };
    match conn.session(&hash).await {
        Ok(Some(session)) => conn
            .organization(session.org_id)
            .await
            .map(|o| o.language())
            .unwrap_or_default(),
        _ => Language::En,
    }
}
