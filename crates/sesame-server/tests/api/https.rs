//! HTTPS: the server's own certificate made once and kept, its fingerprint the one a client
//! sees, a renewed certificate taken without a restart, browsers told to stay on HTTPS, and
//! plain HTTP refused on an address other machines reach.

use std::time::Duration;

use crate::support::backends;
use sesame_server::Config;
use sesame_server::tls::{Choice, Tls, fingerprint, make_own};

/// A client that trusts the certificate in `cert` (PEM) only, and tells what it was shown.
fn trusting(cert: &std::path::Path) -> reqwest::Client {
    let pem = std::fs::read(cert).unwrap();
    reqwest::Client::builder()
        .tls_certs_only([reqwest::Certificate::from_pem(&pem).unwrap()])
        .tls_info(true)
        .build()
        .unwrap()
}

/// The fingerprint of the certificate the server at `url` shows `client`, and the HSTS header.
async fn shown(client: &reqwest::Client, url: &str) -> (String, String) {
    let resp = client.get(format!("{url}/healthz")).send().await.unwrap();
    assert_eq!(resp.status(), 200);
    let info = resp.extensions().get::<reqwest::tls::TlsInfo>().unwrap();
    let der = info.peer_certificate().unwrap();
    let hsts = resp
        .headers()
        .get("strict-transport-security")
        .map(|v| v.to_str().unwrap().to_owned())
        .unwrap_or_default();
    (sesame_server::tls::fingerprint_of(der), hsts)
}

#[tokio::test]
async fn the_server_speaks_https_with_its_own_certificate_and_takes_a_renewed_one() {
    let dir = tempdir();
    let names = vec!["127.0.0.1".to_owned(), "localhost".to_owned()];
    assert!(make_own(&dir, &names).unwrap(), "made at the first start");
    let own = Tls::own(&dir);
    let first = fingerprint(&own.cert).unwrap();
    assert!(!make_own(&dir, &names).unwrap(), "kept at the next");
    assert_eq!(fingerprint(&own.cert).unwrap(), first);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&own.key).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600, "the key is the server's alone");
    }
    // Served from copies, which are then replaced (a renewal).
    let served = tempdir();
    let tls = Tls {
        cert: served.join("cert.pem"),
        key: served.join("key.pem"),
    };
    std::fs::copy(&own.cert, &tls.cert).unwrap();
    std::fs::copy(&own.key, &tls.key).unwrap();
    let b = &backends()[0];
    let config = Config {
        tls: Some(tls.clone()),
        tls_poll: Duration::from_millis(100),
        ..Config::default()
    };
    let s = crate::support::start_with(b, config).await;
    assert!(s.url().starts_with("https://"), "{}", s.url());
    let (seen, hsts) = shown(&trusting(&own.cert), &s.url()).await;
    assert_eq!(
        seen, first,
        "the fingerprint printed is the one clients see"
    );
    assert!(hsts.starts_with("max-age="), "{hsts:?}");
    // A client that does not trust it is refused: no silent fallback.
    let stranger = reqwest::Client::builder().build().unwrap();
    assert!(
        stranger
            .get(format!("{}/healthz", s.url()))
            .send()
            .await
            .is_err()
    );
    // Plain HTTP on the HTTPS port gets nothing.
    let plain = s.url().replace("https://", "http://");
    let answered = reqwest::get(format!("{plain}/healthz")).await;
    assert!(answered.map_or(true, |r| !r.status().is_success()));

    // The app's client: not believed until the person accepts the fingerprint it was shown;
    // then believed; a certificate other than the accepted one is refused.
    let unknown = sesame_client::Client::new(&s.url());
    assert!(
        unknown.health().await.is_err(),
        "no authority vouches for it"
    );
    assert_eq!(unknown.shown_certificate().as_deref(), Some(first.as_str()));
    let pinned = sesame_client::Client::pinned(&s.url(), Some(first.clone()));
    pinned
        .health()
        .await
        .expect("the accepted certificate is believed");
    let other = "00:".repeat(31) + "00";
    let changed = sesame_client::Client::pinned(&s.url(), Some(other));
    assert!(
        changed.health().await.is_err(),
        "another certificate is refused"
    );

    let renewed = tempdir();
    make_own(&renewed, &names).unwrap();
    let next = fingerprint(&Tls::own(&renewed).cert).unwrap();
    assert_ne!(next, first);
    std::fs::copy(Tls::own(&renewed).key, &tls.key).unwrap();
    std::fs::copy(Tls::own(&renewed).cert, &tls.cert).unwrap();
    let client = trusting(&Tls::own(&renewed).cert);
    let mut seen = String::new();
    for _ in 0..50 {
        tokio::time::sleep(Duration::from_millis(100)).await;
        if let Ok(r) = client.get(format!("{}/healthz", s.url())).send().await {
            let info = r.extensions().get::<reqwest::tls::TlsInfo>().unwrap();
            seen = sesame_server::tls::fingerprint_of(info.peer_certificate().unwrap());
            break;
        }
    }
    assert_eq!(
        seen, next,
        "the renewed certificate is served without a restart"
    );
    s.stop().await;
}

#[test]
fn plain_http_is_refused_where_other_machines_reach_it_unless_allowed() {
    let plain = || Choice::default();
    assert_eq!(plain().choose("127.0.0.1:8750", "").unwrap(), None);
    assert_eq!(plain().choose("[::1]:8750", "").unwrap(), None);
    assert_eq!(plain().choose("localhost:8750", "").unwrap(), None);
    for listen in ["0.0.0.0:8750", "192.168.1.20:8750", "[::]:8750"] {
        let refused = plain().choose(listen, "").unwrap_err();
        assert!(refused.contains("--tls-cert"), "{refused}");
        let allowed = Choice {
            allow_plain_http: true,
            ..Choice::default()
        };
        assert_eq!(allowed.choose(listen, "").unwrap(), None);
    }
    // The server's own certificate, for the public URL's host by default.
    let dir = tempdir();
    let own = Choice {
        self_signed: Some(dir.clone()),
        ..Choice::default()
    };
    let tls = own
        .choose("0.0.0.0:8750", "https://sesame.example.org")
        .unwrap()
        .unwrap();
    assert_eq!(tls, Tls::own(&dir));
    let pem = std::fs::read_to_string(&tls.cert).unwrap();
    assert!(pem.starts_with("-----BEGIN CERTIFICATE-----"));
}

fn tempdir() -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "sesame-tls-{}-{}",
        std::process::id(),
        COUNTER.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

static COUNTER: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
