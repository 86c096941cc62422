//! How an organization hands documents over: files protected by default, and the API address
//! vendors are given — set by level 1 alone, never this computer's own address.

use crate::support::{PASSWORD, backends, start_with};
use serde_json::json;
use sesame_core::domain::Level;
use sesame_server::Config;

#[tokio::test]
async fn level_1_sets_the_document_settings_and_the_api_address_is_one_vendors_reach() {
    for b in backends() {
        // A server reached at its public name, as behind a reverse proxy.
        let config = Config {
            public_url: "https://sesame.alpha.example".into(),
            ..Config::default()
        };
        let s = start_with(&b, config).await;
        let org = s.org("ALPHA", false).await;
        s.person(org, "admin", Level::One, Some(PASSWORD)).await;
        s.person(org, "deputy", Level::Two, Some(PASSWORD)).await;
        let admin = s.sign_in("ALPHA", "admin", PASSWORD).await;
        let admin = admin.token().unwrap().to_owned();
        let a = Some(admin.as_str());
        let deputy = s.sign_in("ALPHA", "deputy", PASSWORD).await;
        let deputy = deputy.token().unwrap().to_owned();
        let d = Some(deputy.as_str());

        // A new organization protects files, and gives the server's own address.
        let (st, o) = s.raw(a, "GET", "/api/v1/organization", None).await;
        assert_eq!(st, 200, "{o}");
        assert_eq!(o["documents"]["protect_documents"], true);
        assert_eq!(o["api_address"], "https://sesame.alpha.example/api/v1");
        let right = |me: serde_json::Value| me["rights"]["set_document_settings"] == true;
        assert!(right(s.raw(a, "GET", "/api/v1/me", None).await.1));
        assert!(!right(s.raw(d, "GET", "/api/v1/me", None).await.1));

        let path = "/api/v1/organization/documents";
        let own = |url: &str| json!({"protect_documents": false, "public_api_url": url});
        // Level 2 may not; nothing changes.
        let (st, e) = s
            .raw(d, "PUT", path, Some(own("https://x.example/api/v1")))
            .await;
        assert_eq!(st, 403, "{e}");
        // This computer's own address and what is not a web address: refused, by field.
        for (url, reason) in [
            ("http://127.0.0.1:36323/api/v1", "loopback_address"),
            ("http://[::1]/api/v1", "loopback_address"),
            ("sesame.alpha.example", "invalid_url"),
            ("https://sesame.alpha.example/api/v1?x=1", "invalid_url"),
        ] {
            let (st, e) = s.raw(a, "PUT", path, Some(own(url))).await;
            assert_eq!(st, 422, "{url}: {e}");
            let fields = e["error"]["errors"].as_array().unwrap();
            assert_eq!(fields[0]["field"], "public_api_url", "{e}");
            assert_eq!(fields[0]["code"], reason, "{e}");
        }
        let (_, o) = s.raw(a, "GET", "/api/v1/organization", None).await;
        assert_eq!(o["documents"]["protect_documents"], true, "nothing changed");

        let (st, o) = s
            .raw(
                a,
                "PUT",
                path,
                Some(own("https://api.alpha.example/sesame/api/v1/")),
            )
            .await;
        assert_eq!(st, 200, "{o}");
        assert_eq!(o["api_address"], "https://api.alpha.example/sesame/api/v1");
        assert_eq!(o["documents"]["protect_documents"], false);
        // Whoever is signed in holds it.
        let (_, me) = s.raw(d, "GET", "/api/v1/me", None).await;
        let org = &me["organization"];
        assert_eq!(
            org["api_address"],
            "https://api.alpha.example/sesame/api/v1"
        );
        let (_, log) = s
            .raw(
                a,
                "GET",
                "/api/v1/audit?action=document_settings_changed",
                None,
            )
            .await;
        assert_eq!(log["items"].as_array().unwrap().len(), 1, "{log}");

        // Emptied: the server's own address again.
        let reset = json!({"protect_documents": true, "public_api_url": ""});
        let (_, o) = s.raw(a, "PUT", path, Some(reset)).await;
        assert_eq!(o["documents"]["public_api_url"], serde_json::Value::Null);
        assert_eq!(o["api_address"], "https://sesame.alpha.example/api/v1");
    }
}

#[tokio::test]
async fn a_server_known_only_by_a_loopback_address_gives_vendors_no_address() {
    for b in backends() {
        let s = crate::support::start(&b).await;
        let org = s.org("ALPHA", false).await;
        s.person(org, "admin", Level::One, Some(PASSWORD)).await;
        let admin = s.sign_in("ALPHA", "admin", PASSWORD).await;
        let admin = admin.token().unwrap().to_owned();
        let (_, o) = s
            .raw(Some(&admin), "GET", "/api/v1/organization", None)
            .await;
        assert_eq!(o["api_address"], serde_json::Value::Null, "{o}");
    }
}
