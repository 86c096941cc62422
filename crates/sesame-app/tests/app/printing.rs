//! Printing for real: a letter and a batch go through the app's own print dialog to a printer
//! of the system's print service (CUPS here, with Debian's PDF printer, set up by
//! `.ci/printer.sh`), the pages that printer made are read back, and no other copy of the
//! password is left in the home or temporary folders.
//!
//! `SESAME_TEST_PRINTER` names the printer and `SESAME_TEST_PRINTED_DIR` the folder where it
//! writes what it printed; by default those `.ci/printer.sh` sets up (the test fails, saying
//! so, when that printer is not there).

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use crate::harness::Ui;

struct TestPrinter {
    name: String,
    printed: PathBuf,
}

fn test_printer() -> TestPrinter {
    let var = |name: &str, default: &str| std::env::var(name).unwrap_or_else(|_| default.into());
    let printer = TestPrinter {
        name: var("SESAME_TEST_PRINTER", "Sesame-PDF"),
        printed: PathBuf::from(var("SESAME_TEST_PRINTED_DIR", "/var/spool/cups-pdf/sesame")),
    };
    assert!(
        printer.printed.is_dir(),
        "no printer writes to {}: run .ci/printer.sh (CUPS and a PDF printer), or set \
         SESAME_TEST_PRINTER and SESAME_TEST_PRINTED_DIR",
        printer.printed.display()
    );
    printer
}

/// The print service the system names (CUPS's address).
fn service() -> Option<String> {
    sesame_app::printing::service_of_this_system()
}

/// The PDF the printer wrote for the job sent after `since` (CUPS-PDF names a file by the job's
/// title; the Windows and macOS test printers write one file, again for each job): the newest.
fn printed_since(dir: &Path, since: SystemTime) -> PathBuf {
    for _ in 0..120 {
        let newest = std::fs::read_dir(dir)
            .into_iter()
            .flatten()
            .flatten()
            .filter(|e| e.file_name().to_string_lossy().ends_with(".pdf"))
            .filter_map(|e| Some((e.metadata().ok()?.modified().ok()?, e.path())))
            .filter(|(t, _)| *t >= since)
            .max();
        if let Some((_, path)) = newest {
            return path;
        }
        std::thread::sleep(Duration::from_millis(250));
    }
    panic!("nothing printed in {}", dir.display());
}

/// The text of each page of a printed PDF.
fn pages_of(path: &Path) -> Vec<String> {
    let bytes = std::fs::read(path).unwrap();
    let pages = crate::pdf::read(&bytes).pages;
    (1..=pages)
        .map(|n| {
            let out = std::process::Command::new("pdftotext")
                .args(["-f", &n.to_string(), "-l", &n.to_string(), "-layout"])
                .arg(path)
                .arg("-")
                .output()
                .expect("pdftotext (Debian poppler-utils)");
            crate::pdf::squash(&String::from_utf8_lossy(&out.stdout))
        })
        .collect()
}

/// Every file under `dir` written since `since` (not following links; toolchains and build
/// folders left out) that holds `secret`: in its bytes, or in the text of a PDF.
fn copies_of(dir: &Path, since: SystemTime, secret: &str, found: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let path = e.path();
        let Ok(kind) = e.file_type() else { continue };
        let name = e.file_name().to_string_lossy().into_owned();
        if kind.is_dir() {
            let toolchains = [".cargo", ".rustup", ".pyenv", ".npm", "target", ".git"];
            if !toolchains.contains(&name.as_str()) {
                copies_of(&path, since, secret, found);
            }
            continue;
        }
        let recent = e
            .metadata()
            .is_ok_and(|m| m.len() < 50_000_000 && m.modified().is_ok_and(|t| t >= since));
        if !kind.is_file() || !recent {
            continue;
        }
        let Ok(bytes) = std::fs::read(&path) else {
            continue;
        };
        let raw = bytes.windows(secret.len()).any(|w| w == secret.as_bytes());
        let in_pdf = bytes.starts_with(b"%PDF")
            && std::process::Command::new("pdftotext")
                .arg(&path)
                .arg("-")
                .output()
                .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).contains(secret));
        if raw || in_pdf {
            found.push(path);
        }
    }
}

/// CUPS kept no document of a job printed since `since` in its spool (where the spool can be
/// read: as root, as CI runs). `.ci/printer.sh` sets `PreserveJobFiles No`, as the README asks
/// of an office's print server.
fn no_spooled_copy(since: SystemTime) {
    let Ok(entries) = std::fs::read_dir("/var/spool/cups") else {
        return;
    };
    let kept: Vec<_> = entries
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().starts_with('d'))
        .filter(|e| {
            e.metadata()
                .and_then(|m| m.modified())
                .is_ok_and(|t| t >= since)
        })
        .map(|e| e.path())
        .collect();
    assert!(kept.is_empty(), "the print service kept {kept:?}");
}

/// Sends the open print dialog's document to the test printer; returns when the job is done.
async fn print_to(ui: &mut Ui, printer: &TestPrinter) {
    use sesame_app::app::{Message, Printing};
    use sesame_app::printing::dialog::{self, Choice, Destination};
    let dialog = ui
        .app
        .print_dialog_open()
        .expect("the print dialog is open");
    if *dialog.destination() != Destination::Printer(printer.name.clone()) {
        let choose = dialog::Message::Destination(Choice::printer(&printer.name));
        ui.deliver(vec![Message::Printing(Printing::Dialog(choose))])
            .await;
    }
    ui.click_id("print-confirm").await;
    assert!(ui.app.print_dialog_open().is_none());
}

#[tokio::test(flavor = "multi_thread")]
async fn a_letter_and_a_batch_go_to_the_printer_and_leave_no_copy_of_the_password() {
    let printer = test_printer();
    // Any copy of a password would be written after this.
    let started = SystemTime::now();
    let mut ui = Ui::demo_as("fr", "demo").await;
    ui.app.use_print_service(service());
    ui.click("Suivi des utilisateurs").await;
    ui.click_id("options-zoe").await;
    ui.click("Initialiser le mot de passe").await;
    ui.click("Confirmer").await;
    let password = ui.shown_password().expect("shown once");
    let since = SystemTime::now();
    ui.click("Imprimer la lettre").await;
    // The printers of the system, the default first; to a printer no passphrase is asked.
    let destination = ui.menu_value("print-destination").unwrap_or_default();
    assert_ne!(
        destination, "Enregistrer en PDF…",
        "a printer is preselected"
    );
    // `.ci/printer.sh` makes its printer the default (elsewhere it may not be).
    if std::env::var_os("SESAME_TEST_PRINTER").is_none() {
        assert!(destination.ends_with("(par défaut)"), "{destination}");
    }
    ui.expect("Le document part directement à l’imprimante\u{a0}: aucun fichier contenant le mot de passe n’est écrit sur cet ordinateur.");
    assert!(!ui.sees("Protéger le PDF par une phrase secrète"));
    print_to(&mut ui, &printer).await;
    let toast = ui.app.toast().unwrap_or_default().to_owned();
    assert!(toast.starts_with("Imprimé sur «\u{a0}"), "{toast}");
    let printed = printed_since(&printer.printed, since);
    no_spooled_copy(since);
    let pages = pages_of(&printed);
    assert_eq!(pages.len(), 1);
    // (The PostScript round trip of this PDF printer drops the "Ł" from the text it keeps; the
    // page shows it.)
    for e in [
        password.as_str(),
        "Zoë",
        "ukasiewicz-Ñúñez",
        "Identifiant zoe",
    ] {
        assert!(pages[0].contains(e), "{e:?} not in {}", pages[0]);
    }
    ui.click("Fermer").await;

    // A batch: one holder a page, in the order of the selection.
    ui.click_id("tick-zoe").await;
    ui.click_id("tick-aegir").await;
    ui.click("Imprimer 2 lettres").await;
    ui.click("Confirmer").await;
    let since = SystemTime::now();
    print_to(&mut ui, &printer).await;
    let printed_batch = printed_since(&printer.printed, since);
    no_spooled_copy(since);
    let pages = pages_of(&printed_batch);
    assert_eq!(pages.len(), 2, "one page a letter");
    // Each letter in its holder's language: Zoë reads French, Ægir English.
    let holders = ["Identifiant zoe", "User ID aegir"];
    for (page, holder) in pages.iter().zip(holders) {
        assert!(page.contains(holder), "{holder} not on {page}");
        let other = holders.iter().find(|h| **h != holder).unwrap();
        assert!(!page.contains(other), "{other} also on {page}");
    }

    // No other copy of the first password: not in the home folder, not in the temporary one.
    let mut found = vec![];
    for dir in [
        std::env::temp_dir(),
        std::env::var_os("HOME")
            .map(PathBuf::from)
            .unwrap_or_default(),
        ui.home.clone(),
    ] {
        copies_of(&dir, started, &password, &mut found);
    }
    found.retain(|p| !p.starts_with(&printer.printed));
    assert!(found.is_empty(), "copies of the password: {found:?}");
    for p in [&printed, &printed_batch] {
        let _ = std::fs::remove_file(p);
    }
}
