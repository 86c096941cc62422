//! Files: a document's PDF built off the interface thread (for "Save as PDF…" in the print
//! dialog) and tables, saved through the native save dialog (rfd) or, where none can be shown,
//! in the documents folder, and opened with the system's viewer when asked. A password goes
//! into the PDF and nowhere else.

use std::path::{Path, PathBuf};

use crate::settings::Places;
use crate::spreadsheet::{SheetFormat, Table};
use sesame_documents::Paper;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Saved {
    /// Saved where the user chose.
    Chosen(PathBuf),
    /// No native dialog here: saved in the documents folder.
    InDocuments(PathBuf),
    Cancelled,
}

/// Builds `document`'s PDF off the interface thread, protected by `passphrase` when one is
/// given, and saves it.
pub async fn document(
    document: crate::printing::Document,
    paper: Paper,
    file_name: String,
    places: Places,
    passphrase: Option<String>,
) -> Result<Saved, String> {
    let bytes = tokio::task::spawn_blocking(move || {
        let pdf = document.pdf(paper)?;
        match passphrase {
            Some(p) => sesame_documents::protect(&pdf, &p),
            None => Ok(pdf),
        }
    })
    .await
    .map_err(|e| e.to_string())??;
    save(bytes, file_name, places).await
}

pub async fn save(bytes: Vec<u8>, file_name: String, places: Places) -> Result<Saved, String> {
    if places.native_dialogs {
        let extension = file_name
            .rsplit_once('.')
            .map(|(_, e)| e.to_owned())
            .unwrap_or_default();
        let chosen = rfd::AsyncFileDialog::new()
            .set_file_name(&file_name)
            .add_filter(extension.to_uppercase(), &[extension.as_str()])
            .set_directory(&places.documents)
            .save_file()
            .await;
        return match chosen {
            Some(handle) => {
                let path = handle.path().to_path_buf();
                tokio::fs::write(&path, bytes)
                    .await
                    .map_err(|e| format!("{}: {e}", path.display()))?;
                Ok(Saved::Chosen(path))
            }
            None => Ok(Saved::Cancelled),
        };
    }
    tokio::fs::create_dir_all(&places.documents)
        .await
        .map_err(|e| format!("{}: {e}", places.documents.display()))?;
    let path = free_name(&places.documents, &file_name);
    tokio::fs::write(&path, bytes)
        .await
        .map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(Saved::InDocuments(path))
}

/// An exported table, saved as the setting says: the system's save dialog offers that kind
/// first and the other beside it, and the extension of the name chosen decides. The file is
/// written off the interface thread (100,000 people make a large workbook).
pub async fn table(
    table: Table,
    format: SheetFormat,
    locale: crate::locale::Locale,
    places: Places,
) -> Result<Saved, String> {
    let default_name = format!("{}.{}", table.file, format.extension());
    let (mut path, chosen) = if places.native_dialogs {
        let mut dialog = rfd::AsyncFileDialog::new()
            .set_file_name(&default_name)
            .set_directory(&places.documents);
        let others = SheetFormat::ALL.into_iter().filter(|f| *f != format);
        for f in std::iter::once(format).chain(others) {
            dialog = dialog.add_filter(f.extension().to_uppercase(), &[f.extension()]);
        }
        match dialog.save_file().await {
            Some(handle) => (handle.path().to_path_buf(), true),
            None => return Ok(Saved::Cancelled),
        }
    } else {
        tokio::fs::create_dir_all(&places.documents)
            .await
            .map_err(|e| format!("{}: {e}", places.documents.display()))?;
        (free_name(&places.documents, &default_name), false)
    };
    // A name given without either extension gets the setting's.
    let format = match SheetFormat::of_name(&path.to_string_lossy()) {
        Some(asked) => asked,
        None => {
            let mut name = path.file_name().unwrap_or_default().to_os_string();
            name.push(format!(".{}", format.extension()));
            path.set_file_name(name);
            format
        }
    };
    let bytes = tokio::task::spawn_blocking(move || {
        crate::spreadsheet::bytes(locale, &table.sheet, format)
    })
    .await
    .map_err(|e| e.to_string())??;
    tokio::fs::write(&path, bytes)
        .await
        .map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(if chosen {
        Saved::Chosen(path)
    } else {
        Saved::InDocuments(path)
    })
}

/// Where to write a file named `file_name`: chosen in the system's save dialog (`None` when
/// cancelled), or a free name in `documents` when no dialog can be shown.
pub async fn choose_path(
    file_name: &str,
    documents: &Path,
    native_dialogs: bool,
) -> Result<Option<PathBuf>, String> {
    if native_dialogs {
        let chosen = rfd::AsyncFileDialog::new()
            .set_file_name(file_name)
            .set_directory(documents)
            .save_file()
            .await;
        return Ok(chosen.map(|h| h.path().to_path_buf()));
    }
    tokio::fs::create_dir_all(documents)
        .await
        .map_err(|e| format!("{}: {e}", documents.display()))?;
    Ok(Some(free_name(documents, file_name)))
}

/// A file chosen in the system's open dialog, among those ending in `extensions` (`None`:
/// cancelled).
pub async fn pick_file(
    kind: &'static str,
    extensions: &'static [&'static str],
    dir: PathBuf,
) -> Option<PathBuf> {
    rfd::AsyncFileDialog::new()
        .add_filter(kind, extensions)
        .set_directory(dir)
        .pick_file()
        .await
        .map(|h| h.path().to_path_buf())
}

/// Today in this computer's time, as file names carry it: `2026-12-06`.
pub fn today() -> String {
    let t = time::OffsetDateTime::now_utc().to_offset(crate::locale::local_offset());
    format!("{:04}-{:02}-{:02}", t.year(), u8::from(t.month()), t.day())
}

/// `name.pdf`, or `name (2).pdf` … when taken: nothing already saved is overwritten.
fn free_name(dir: &Path, file_name: &str) -> PathBuf {
    let first = dir.join(file_name);
    if !first.exists() {
        return first;
    }
    let (stem, ext) = file_name.rsplit_once('.').unwrap_or((file_name, "pdf"));
    (2..)
        .map(|n| dir.join(format!("{stem} ({n}).{ext}")))
        .find(|p| !p.exists())
        .unwrap_or(first)
}

/// Opens a file with the system's viewer. Blocks up to a few seconds: an opener that ends
/// with a failure in that time (none installed, or no application for the file) is an error,
/// one still running has started the viewer.
pub fn open_with_system(path: &Path) -> Result<(), String> {
    // Without a display, xdg-open falls back to a text browser in a terminal (lynx asks
    // "Download, or Cancel?" and counts as a success): no viewer can show the file there.
    let unix_desktop = cfg!(all(unix, not(target_os = "macos")));
    if unix_desktop
        && std::env::var_os("DISPLAY").is_none()
        && std::env::var_os("WAYLAND_DISPLAY").is_none()
    {
        return Err("no display".into());
    }
    let mut command = if cfg!(target_os = "windows") {
        let mut c = std::process::Command::new("cmd");
        c.args(["/C", "start", ""]);
        c
    } else if cfg!(target_os = "macos") {
        std::process::Command::new("open")
    } else {
        std::process::Command::new(sesame_core::i18n::keys::not_text("xdg-open"))
    };
    let mut child = command
        .arg(path)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .map_err(|e| e.to_string())?;
    let until = std::time::Instant::now() + std::time::Duration::from_secs(3);
    loop {
        match child.try_wait().map_err(|e| e.to_string())? {
            Some(status) if status.success() => return Ok(()),
            Some(status) => return Err(status.to_string()),
            None if std::time::Instant::now() >= until => {
                // The viewer runs on; someone must still collect its exit.
                std::thread::spawn(move || child.wait());
                return Ok(());
            }
            None => std::thread::sleep(std::time::Duration::from_millis(50)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn saving_never_overwrites_an_earlier_file() {
        let dir = std::env::temp_dir().join(format!("sesame_free_name_{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("letter.pdf"), b"x").unwrap();
        std::fs::write(dir.join("letter (2).pdf"), b"x").unwrap();
        assert_eq!(free_name(&dir, "letter.pdf"), dir.join("letter (3).pdf"));
        assert_eq!(free_name(&dir, "other.pdf"), dir.join("other.pdf"));
        let _ = std::fs::remove_dir_all(dir);
    }
}
