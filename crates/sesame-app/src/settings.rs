//! The app's settings, in the platform's config directory. Nothing secret is ever written here.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use sesame_core::domain::Language;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ThemeChoice {
    /// Follow the system's light or dark mode.
    #[default]
    System,
    Light,
    Dark,
    /// Black on white, strong colours: for low vision and bright rooms.
    HighContrastLight,
    /// White on black, strong colours.
    HighContrastDark,
}

use crate::locale::Locale;
pub use sesame_documents::Paper;

/// The theme choice as the pick list shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ThemeOption(pub ThemeChoice, pub Locale);

impl std::fmt::Display for ThemeOption {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let id = match self.0 {
            ThemeChoice::System => "theme-system",
            ThemeChoice::Light => "theme-light",
            ThemeChoice::Dark => "theme-dark",
            ThemeChoice::HighContrastLight => "theme-high-contrast-light",
            ThemeChoice::HighContrastDark => "theme-high-contrast-dark",
        };
        f.write_str(&self.1.t(id))
    }
}

impl ThemeOption {
    /// The choices, for a menu.
    pub fn all(l: Locale) -> Vec<ThemeOption> {
        [
            ThemeChoice::System,
            ThemeChoice::Light,
            ThemeChoice::Dark,
            ThemeChoice::HighContrastLight,
            ThemeChoice::HighContrastDark,
        ]
        .into_iter()
        .map(|t| ThemeOption(t, l))
        .collect()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// `None`: the operating system's language.
    pub language: Option<Language>,
    pub theme: ThemeChoice,
    /// The size of the interface in percent (100–200); `None` follows the operating system.
    pub scale: Option<u16>,
    /// Shared servers used before, most recent first.
    pub servers: Vec<String>,
    /// The certificate a person compared and accepted for a server no authority vouches for
    /// (its SHA-256 fingerprint), by the server's origin (`https://host:port`).
    pub pinned: std::collections::BTreeMap<String, String>,
    /// Where the app connected last: it connects there again at start (the first screen is
    /// shown again after "Change server").
    pub connection: Option<Connection>,
    /// `None`: Letter for en-US and fr-CA, A4 elsewhere.
    pub paper: Option<Paper>,
    /// The kind of file exports are saved as.
    pub sheet_format: crate::spreadsheet::SheetFormat,
    /// The last organization code and user ID (never a password).
    pub last_organization: String,
    pub last_user_id: String,
    /// The most accounts the user follow-up loads and searches itself; past it, the server
    /// answers each search (`None`: 100,000; no control sets it, the file may).
    pub held_people: Option<usize>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            language: None,
            theme: ThemeChoice::System,
            scale: None,
            servers: vec![],
            pinned: Default::default(),
            connection: None,
            paper: None,
            sheet_format: Default::default(),
            last_organization: String::new(),
            last_user_id: String::new(),
            held_people: None,
        }
    }
}

/// Where the app connects.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Connection {
    /// The embedded server, on this computer's own database.
    ThisComputer,
    /// The shared server used last (the first of `servers`).
    SharedServer,
}

/// The interface sizes offered, in percent.
pub const SCALES: [u16; 5] = [100, 125, 150, 175, 200];

/// An interface size as the menu shows it: "As the system" or a percentage.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ScaleOption(pub Option<u16>, pub Locale);

impl std::fmt::Display for ScaleOption {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.0 {
            None => f.write_str(&self.1.t("scale-system")),
            Some(p) => f.write_str(
                &self
                    .1
                    .t_with("scale-percent", &[("percent", &p.to_string())]),
            ),
        }
    }
}

impl ScaleOption {
    pub fn all(l: Locale) -> Vec<ScaleOption> {
        std::iter::once(ScaleOption(None, l))
            .chain(SCALES.map(|p| ScaleOption(Some(p), l)))
            .collect()
    }
}

/// Where Sesame keeps its files: settings in the config directory, the embedded server's
/// database in the data directory. `SESAME_HOME` puts both under one folder (tests, portable use).
#[derive(Debug, Clone)]
pub struct Places {
    pub config: PathBuf,
    pub data: PathBuf,
    /// Where PDFs go when no native save dialog can be shown.
    pub documents: PathBuf,
    /// A native save dialog can be shown (a desktop portal or zenity on Linux).
    pub native_dialogs: bool,
    /// The system's print service (CUPS's address), `None`: no printers, files only.
    pub print_service: Option<String>,
}

impl Places {
    pub fn of_this_system() -> Places {
        if let Some(home) = std::env::var_os("SESAME_HOME") {
            return Places {
                print_service: crate::printing::service_of_this_system(),
                ..Places::in_folder(&PathBuf::from(home))
            };
        }
        let documents = directories::UserDirs::new()
            .map(|u| u.document_dir().unwrap_or(u.home_dir()).to_path_buf())
            .unwrap_or_else(|| PathBuf::from("."));
        let native_dialogs = native_dialogs_available();
        let print_service = crate::printing::service_of_this_system();
        match directories::ProjectDirs::from("org", "Sesame", "Sesame") {
            Some(d) => Places {
                config: d.config_dir().to_path_buf(),
                data: d.data_dir().to_path_buf(),
                documents,
                native_dialogs,
                print_service,
            },
            None => Places {
                config: PathBuf::from("."),
                data: PathBuf::from("."),
                documents,
                native_dialogs,
                print_service,
            },
        }
    }

    /// Everything under one folder, no native dialogs and no printers (tests).
    pub fn in_folder(home: &std::path::Path) -> Places {
        Places {
            config: home.join("config"),
            data: home.join("data"),
            documents: home.join("documents"),
            native_dialogs: false,
            print_service: None,
        }
    }

    pub fn settings_file(&self) -> PathBuf {
        self.config.join("settings.json")
    }

    /// Where "This computer" keeps its backups: 7 daily and 4 weekly.
    pub fn backups(&self) -> PathBuf {
        self.data.join("backups")
    }

    /// The embedded server's settings: its backups daily, and before it migrates.
    pub fn embedded_config(&self) -> sesame_server::Config {
        sesame_server::Config {
            backup: Some(sesame_server::backup::schedule::Schedule {
                dir: self.backups(),
                every: std::time::Duration::from_secs(24 * 3600),
                keep: 7,
                keep_weekly: 4,
            }),
            ..sesame_server::Config::default()
        }
    }

    pub fn database_url(&self) -> String {
        format!("sqlite:{}", self.data.join("sesame.db").display())
    }
}

impl Settings {
    /// The settings on disk; the defaults when there are none or they cannot be read.
    pub fn load(places: &Places) -> Settings {
        std::fs::read_to_string(places.settings_file())
            .ok()
            .and_then(|s| serde_json::from_str(&s).ok())
            .unwrap_or_default()
    }

    /// Written through a temporary file, so a crash never leaves half a file.
    pub fn save(&self, places: &Places) -> std::io::Result<()> {
        std::fs::create_dir_all(&places.config)?;
        let tmp = places.config.join("settings.json.tmp");
        std::fs::write(&tmp, serde_json::to_vec_pretty(self).unwrap_or_default())?;
        std::fs::rename(tmp, places.settings_file())
    }

    pub fn remember_server(&mut self, url: &str) {
        self.servers.retain(|s| s != url);
        self.servers.insert(0, url.to_owned());
        self.servers.truncate(8);
    }

    pub fn paper_for(&self, locale: &str) -> Paper {
        self.paper.unwrap_or_else(|| default_paper(locale))
    }
}

/// US Letter where it is the custom (the United States and Canada), A4 elsewhere.
pub fn default_paper(locale: &str) -> Paper {
    let l = locale.replace('_', "-").to_lowercase();
    if l.starts_with(sesame_core::i18n::keys::not_text("en-us"))
        || l.starts_with(sesame_core::i18n::keys::not_text("fr-ca"))
        || l.starts_with(sesame_core::i18n::keys::not_text("en-ca"))
    {
        Paper::Letter
    } else {
        Paper::A4
    }
}

/// On Linux, rfd's save dialog needs the desktop portal (over D-Bus) or zenity; without them it
/// answers "cancelled" at once, so Sesame saves in the documents folder instead and says where.
fn native_dialogs_available() -> bool {
    if !cfg!(target_os = "linux") {
        return true;
    }
    let zenity = std::env::var_os("PATH")
        .map(|p| std::env::split_paths(&p).any(|d| d.join("zenity").is_file()))
        .unwrap_or(false);
    zenity || std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some()
}

/// The operating system's language: French if it starts with "fr", English otherwise.
pub fn system_language() -> Language {
    match sys_locale::get_locale() {
        Some(l) if l.to_lowercase().starts_with("fr") => Language::Fr,
        _ => Language::En,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_round_trip_and_hold_no_secret() {
        let dir = std::env::temp_dir().join(format!("sesame_settings_{}", std::process::id()));
        let places = Places::in_folder(&dir);
        assert_eq!(Settings::load(&places), Settings::default());
        let mut s = Settings {
            language: Some(Language::Fr),
            ..Settings::default()
        };
        s.remember_server("https://a.example");
        s.remember_server("https://b.example");
        s.remember_server("https://a.example");
        s.save(&places).unwrap();
        let back = Settings::load(&places);
        assert_eq!(back.servers, ["https://a.example", "https://b.example"]);
        assert_eq!(back.language, Some(Language::Fr));
        let text = std::fs::read_to_string(places.settings_file()).unwrap();
        assert!(!text.contains("password") && !text.contains("token"));
        let _ = std::fs::remove_dir_all(dir);
    }

    #[test]
    fn paper_follows_the_locale() {
        assert_eq!(default_paper("en-US"), Paper::Letter);
        assert_eq!(default_paper("fr_CA"), Paper::Letter);
        assert_eq!(default_paper("fr-FR"), Paper::A4);
        assert_eq!(default_paper("en-GB"), Paper::A4);
    }
}
