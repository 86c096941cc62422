//! Headers every response carries: nothing the server says is kept by a cache (sessions,
//! tokens, passwords and people's data all pass through it), and the one HTML page (the
//! invitation, whose address holds its token) may load only its own stylesheet, post only to
//! itself, be framed by nobody and leak no address to another site.

use axum::extract::Request;
use axum::http::{HeaderMap, HeaderValue, header};
use axum::middleware::Next;
use axum::response::Response;
use sesame_core::i18n::keys::not_text;

/// What the invitation page may do: its own stylesheet, its own form, nothing else.
pub const PAGE_POLICY: &str = "default-src 'none'; style-src 'self'; form-action 'self'; \
     frame-ancestors 'none'; base-uri 'none'";

/// Sets the headers on every response (a route may choose its own `Cache-Control`: the
/// invitation page's stylesheet, which holds nothing secret, is cached).
pub async fn secure(request: Request, next: Next) -> Response {
    let mut response = next.run(request).await;
    set(response.headers_mut());
    response
}

/// [`secure`], and browsers told to come back over HTTPS only, for a year.
pub async fn secure_https(request: Request, next: Next) -> Response {
    let mut response = next.run(request).await;
    set(response.headers_mut());
    response.headers_mut().insert(
        header::STRICT_TRANSPORT_SECURITY,
        HeaderValue::from_static("max-age=31536000"),
    );
    response
}

fn set(headers: &mut HeaderMap) {
    headers
        .entry(header::CACHE_CONTROL)
        .or_insert(HeaderValue::from_static(not_text("no-store")));
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    if is_html(headers) {
        headers.insert(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(PAGE_POLICY),
        );
        headers.insert(
            header::REFERRER_POLICY,
            HeaderValue::from_static(not_text("no-referrer")),
        );
        headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    }
}

fn is_html(headers: &HeaderMap) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"))
}
