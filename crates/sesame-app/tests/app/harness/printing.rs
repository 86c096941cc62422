//! The print dialog, as a person goes through it: where these tests print, there is no
//! printer (the app's places name no print service), so the dialog offers "Save as PDF…".

use super::Ui;

impl Ui {
    /// In the open print dialog: protection as `protect` says, then Save; returns the
    /// passphrase that opens the file when protected (the one the dialog showed).
    pub async fn save_printed(&mut self, protect: bool) -> Option<String> {
        let dialog = self
            .app
            .print_dialog_open()
            .expect("the print dialog is open");
        let passphrase = dialog.proposed().to_owned();
        if dialog.protecting() != protect {
            self.click_id("protect-pdf").await;
        }
        if protect {
            self.expect(&passphrase);
        }
        self.click_id("print-confirm").await;
        assert!(self.app.print_dialog_open().is_none(), "the dialog closed");
        let toast = self.app.toast().unwrap_or_default();
        assert!(!toast.contains("could not"), "{toast}");
        protect.then_some(passphrase)
    }
}

/// A protected PDF opened with `passphrase` as a reader would: its pages and its text (spaces
/// squashed). Opening it without the passphrase must fail. qpdf opens it (poppler's
/// command-line tools take passwords of 32 bytes at most; a passphrase of words is longer).
pub fn protected_pdf(path: &std::path::Path, passphrase: &str) -> (usize, String) {
    assert!(path.exists(), "{} saved", path.display());
    let plain = std::process::Command::new("pdftotext")
        .arg(path)
        .arg("-")
        .output()
        .expect("pdftotext (Debian poppler-utils)");
    assert!(
        !plain.status.success(),
        "{} opens without its passphrase",
        path.display()
    );
    let bytes = decrypted(path, passphrase).expect("the passphrase opens it");
    let read = crate::pdf::read(&bytes);
    (read.pages, crate::pdf::squash(&read.text))
}

/// The PDF at `path` decrypted by qpdf with `passphrase`, `None` when it does not open it.
pub fn decrypted(path: &std::path::Path, passphrase: &str) -> Option<Vec<u8>> {
    let out = std::process::Command::new("qpdf")
        .arg(format!("--password={passphrase}"))
        .arg("--decrypt")
        .arg(path)
        .arg("-")
        .output()
        .expect("qpdf (Debian qpdf)");
    out.status.success().then_some(out.stdout)
}
