//! A shared server over HTTPS with a certificate of its own: the app shows its fingerprint to
//! compare, keeps it once accepted (the next start connects without asking), refuses another
//! certificate at the same address with the reason, and asks before plain HTTP leaves the
//! machine.

use crate::harness::Ui;
use sesame_server::tls::{Tls, fingerprint, make_own};

/// A Sesame server on `port` (0: any) serving HTTPS with the certificate made in `dir`.
pub async fn https_server(dir: &std::path::Path, port: u16) -> sesame_server::Running {
    let names = vec!["127.0.0.1".to_owned(), "localhost".to_owned()];
    make_own(dir, &names).unwrap();
    let db = format!("sqlite:{}", dir.join("sesame.db").display());
    let config = sesame_server::Config {
        tls: Some(Tls::own(dir)),
        ..sesame_server::Config::default()
    };
    sesame_server::start(&db, &format!("127.0.0.1:{port}"), config)
        .await
        .expect("the server starts")
}

/// A fingerprint as the dialog shows it: two lines of 16 pairs.
fn shown(fingerprint: &str) -> String {
    format!("{}\n{}", &fingerprint[..47], &fingerprint[48..])
}

pub fn folder(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("sesame_https_{}_{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[tokio::test(flavor = "multi_thread")]
async fn a_certificate_is_compared_once_kept_and_a_changed_one_refused() {
    let first = folder("first");
    let server = https_server(&first, 0).await;
    let url = server.url();
    let print = fingerprint(&Tls::own(&first).cert).unwrap();

    let mut ui = Ui::start("en").await;
    ui.click("A server").await;
    ui.type_in("server-url", &url).await;
    ui.click("Connect").await;
    // No authority vouches for it: its fingerprint, to compare with the administrator's.
    ui.expect("Check the server’s certificate");
    ui.expect(&shown(&print));
    ui.click("Cancel").await;
    assert!(!ui.sees(&shown(&print)), "declined: not connected");
    ui.click("Connect").await;
    ui.click("They match: trust this server").await;
    ui.expect("Sign in");
    assert!(ui.app.client().base().starts_with("https://"));

    // The next start connects there again, without asking.
    ui.restart().await;
    assert!(!ui.sees("Check the server’s certificate"));
    ui.expect("Sign in");

    // Another certificate at the same address is refused, and said why.
    let port = server.addr.port();
    server.stop().await;
    let second = folder("second");
    let other = https_server(&second, port).await;
    ui.restart().await;
    ui.expect("The server’s certificate changed");
    ui.expect(&shown(&print));
    ui.expect(&shown(&fingerprint(&Tls::own(&second).cert).unwrap()));
    assert!(!ui.sees("Sign in"));
    other.stop().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn plain_http_to_another_machine_is_asked_first() {
    let mut ui = Ui::start("fr").await;
    ui.click("Un serveur").await;
    // A documentation address (TEST-NET-1): nothing answers there.
    ui.type_in("server-url", "http://192.0.2.10:8750").await;
    ui.click("Se connecter").await;
    ui.expect("Se connecter sans chiffrement\u{a0}?");
    ui.click("Annuler").await;
    assert!(!ui.sees("Se connecter sans chiffrement\u{a0}?"));
    // An address without a scheme is tried over HTTPS.
    ui.replace_in("server-url", "sesame.invalid").await;
    ui.click("Se connecter").await;
    assert!(!ui.sees("Se connecter sans chiffrement\u{a0}?"));
    ui.expect("Aucun serveur Sesame ne répond à https://sesame.invalid. Vérifiez l’adresse et votre réseau, puis réessayez.");
}

/// The keyboard alone: the server's form takes the address typed as soon as it opens (the
/// focus on its field, not left on a button where the chosen card was).
#[tokio::test(flavor = "multi_thread")]
async fn the_server_form_takes_the_address_typed_at_once() {
    use iced::keyboard::key::Named;
    let mut ui = Ui::start("fr").await;
    for _ in 0..10 {
        let tree = ui.tree();
        if tree
            .focused()
            .is_some_and(|f| tree.nodes[f].name.starts_with("Un serveur"))
        {
            break;
        }
        ui.tab(false).await;
    }
    ui.press(Named::Enter).await;
    ui.type_keys("sesame.example.org").await;
    let tree = ui.tree();
    let focused = tree.focused().expect("a focus");
    assert_eq!(
        tree.nodes[focused].value.as_deref(),
        Some("sesame.example.org"),
        "{}",
        crate::accessibility::dump(&tree)
    );
}
