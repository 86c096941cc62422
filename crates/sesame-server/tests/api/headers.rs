//! The headers of every class of response: nothing kept by a cache, no type sniffed, and the
//! invitation page under its strict policy (its own stylesheet only, its own form, no framing,
//! no referrer).

use crate::support::{PASSWORD, backends};
use sesame_core::domain::Level;

/// Every header of the response to `method path` (with `token` and a JSON `body`, if any).
async fn headers_of(
    url: &str,
    token: Option<&str>,
    method: &str,
    path: &str,
    body: Option<&str>,
) -> (u16, reqwest::header::HeaderMap, String) {
    let http = reqwest::Client::new();
    let mut req = http.request(method.parse().unwrap(), format!("{url}{path}"));
    if let Some(t) = token {
        req = req.bearer_auth(t);
    }
    if let Some(b) = body {
        req = req
            .header("content-type", "application/json")
            .body(b.to_owned());
    }
    let resp = req.send().await.unwrap();
    let status = resp.status().as_u16();
    let headers = resp.headers().clone();
    (status, headers, resp.text().await.unwrap())
}

/// A request (token, method, path, body) and the status it must get.
type Case<'a> = (Option<&'a str>, &'a str, String, Option<&'a str>, u16);

fn header<'a>(h: &'a reqwest::header::HeaderMap, name: &str) -> &'a str {
    h.get(name).map_or("", |v| v.to_str().unwrap())
}

#[tokio::test]
async fn no_response_is_kept_by_a_cache_and_the_invitation_page_is_locked_down() {
    let b = &backends()[0];
    let s = crate::support::start(b).await;
    let org = s.org("ALPHA", false).await;
    s.person(org, "admin", Level::One, Some(PASSWORD)).await;
    let bob = s.person(org, "bob", Level::Three, Some(PASSWORD)).await;
    let sign_in =
        format!(r#"{{"organization": "ALPHA", "user_id": "admin", "password": "{PASSWORD}"}}"#);
    let (st, _, body) = headers_of(&s.url(), None, "POST", "/api/v1/session", Some(&sign_in)).await;
    assert_eq!(st, 200, "{body}");
    let token: serde_json::Value = serde_json::from_str(&body).unwrap();
    let token = token["token"].as_str().unwrap().to_owned();
    let too_large = format!(r#"{{"x": "{}"}}"#, "a".repeat(70 * 1024));
    let cases: Vec<Case> = vec![
        // A token, a password: the secrets.
        (None, "POST", "/api/v1/session".into(), Some(&sign_in), 200),
        (
            Some(&token),
            "POST",
            format!("/api/v1/people/{bob}/password"),
            None,
            200,
        ),
        // People's data, and the errors.
        (Some(&token), "GET", "/api/v1/people".into(), None, 200),
        (None, "GET", "/api/v1/people".into(), None, 401),
        (Some(&token), "GET", "/api/v1/nowhere".into(), None, 404),
        (
            Some(&token),
            "POST",
            "/api/v1/invitations".into(),
            Some("{not json"),
            400,
        ),
        (
            Some(&token),
            "POST",
            "/api/v1/invitations".into(),
            Some(&too_large),
            413,
        ),
        (None, "GET", "/scim/v2/Users".into(), None, 401),
        (None, "GET", "/healthz".into(), None, 200),
        (None, "GET", "/metrics".into(), None, 200),
        // The invitation page (a link that leads nowhere), shown and posted to.
        (None, "GET", "/invitation/not-a-token".into(), None, 410),
        (None, "POST", "/invitation/not-a-token".into(), None, 415),
    ];
    for (token, method, path, body, want) in cases {
        let (st, h, text) = headers_of(&s.url(), token, method, &path, body).await;
        let at = format!("{method} {path}");
        assert_eq!(st, want, "{at}: {text}");
        assert_eq!(header(&h, "cache-control"), "no-store", "{at}");
        assert_eq!(header(&h, "x-content-type-options"), "nosniff", "{at}");
        if header(&h, "content-type").starts_with("text/html") {
            let csp = header(&h, "content-security-policy");
            for part in [
                "default-src 'none'",
                "style-src 'self'",
                "form-action 'self'",
                "frame-ancestors 'none'",
            ] {
                assert!(csp.contains(part), "{at}: {part} in {csp:?}");
            }
            assert_eq!(header(&h, "referrer-policy"), "no-referrer", "{at}");
            assert_eq!(header(&h, "x-frame-options"), "DENY", "{at}");
            // Its styles come from its own stylesheet, which the policy allows.
            assert!(!text.contains("<style"), "{at}: no inline styles");
            assert!(text.contains("/invitation-style.css"), "{at}: {text}");
        }
    }
    let (st, h, css) = headers_of(&s.url(), None, "GET", "/invitation-style.css", None).await;
    assert_eq!(st, 200);
    assert!(header(&h, "content-type").starts_with("text/css"));
    assert!(css.contains("font-family"));
    s.stop().await;
}
