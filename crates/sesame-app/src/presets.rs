//! Reproducible starts for trying things and for the tests, as in iced's `todos` example: each
//! preset boots the app on a fresh folder of its own (settings and an embedded server on a new
//! SQLite database), prepares the organization and signs in, so the app opens where the preset
//! says. `sesame --preset "demo as level 1"` runs one; `sesame --presets` lists them.

use std::path::PathBuf;
use std::sync::Arc;

use iced::Task;
use sesame_client::Client;
use sesame_core::api::Session;
use sesame_core::domain::Language;
use sesame_server::Running;
use sesame_server::demo::{DEMO_CODE, DEMO_PASSWORD, demo};
use sesame_server::setup::{FirstOrganization, create_organization};

use crate::app::{App, Message};
use crate::settings::Places;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Preset {
    /// The demo organization, signed in as `demo` (level 1).
    DemoLevelOne,
    /// The demo organization, signed in as `r.okafor` (level 2).
    DemoLevelTwo,
    /// A new organization with nothing in it, its first level-1 user signed in with the
    /// temporary password (so the app asks for a new one first).
    FreshOrganization,
}

/// The fresh organization's code and first user.
pub const FRESH_CODE: &str = "FRESH";
pub const FRESH_USER: &str = "first.admin";

impl Preset {
    pub const ALL: [Preset; 3] = [
        Preset::DemoLevelOne,
        Preset::DemoLevelTwo,
        Preset::FreshOrganization,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Preset::DemoLevelOne => "demo as level 1",
            Preset::DemoLevelTwo => "demo as level 2",
            Preset::FreshOrganization => "fresh organization",
        }
    }

    pub fn named(name: &str) -> Option<Preset> {
        Preset::ALL.into_iter().find(|p| p.name() == name)
    }

    /// The app on `home` (a new folder), with the task that prepares the preset.
    pub fn boot_in(self, home: PathBuf) -> (App, Task<Message>) {
        let places = Places::in_folder(&home);
        let (app, boot) = App::boot(places.clone());
        let prepare = Task::perform(prepare(self, places), |ready| {
            Message::PresetReady(Arc::new(ready))
        });
        (app, boot.chain(prepare))
    }

    /// The app on a new folder under the system's temporary directory.
    pub fn boot(self) -> (App, Task<Message>) {
        let suffix = &sesame_core::domain::generate_token()[..8];
        let home = std::env::temp_dir().join(format!("sesame-preset-{suffix}"));
        // Tried by a person: the system's printers too (tests boot in a folder without them).
        let (mut app, task) = self.boot_in(home);
        app.use_print_service(crate::printing::service_of_this_system());
        (app, task)
    }

    pub fn iced(self) -> iced::Preset<App, Message> {
        iced::Preset::new(self.name(), move || self.boot())
    }
}

/// What a preset hands to the app: its server, the client of that server (the app adds the
/// session's token), a signed-in session, and the password typed (a temporary one asks for a
/// change first).
#[derive(Debug)]
pub struct Ready {
    pub result: Result<(Arc<Running>, Client, Session, String), String>,
}

async fn prepare(preset: Preset, places: Places) -> Ready {
    Ready {
        result: prepared(preset, places).await,
    }
}

async fn prepared(
    preset: Preset,
    places: Places,
) -> Result<(Arc<Running>, Client, Session, String), String> {
    std::fs::create_dir_all(&places.data).map_err(|e| e.to_string())?;
    let url = places.database_url();
    let running = sesame_server::start(&url, "127.0.0.1:0", places.embedded_config())
        .await
        .map_err(|e| e.to_string())?;
    let (organization, user_id, password) = match preset {
        Preset::DemoLevelOne | Preset::DemoLevelTwo => {
            demo(&running.db).await.map_err(|e| e.to_string())?;
            let user = if preset == Preset::DemoLevelOne {
                "demo"
            } else {
                "r.okafor"
            };
            (DEMO_CODE, user, DEMO_PASSWORD.to_owned())
        }
        Preset::FreshOrganization => {
            let first = FirstOrganization {
                code: FRESH_CODE.into(),
                name: "Fresh organization".into(),
                language: Language::Fr,
                public_service: true,
                user_id: FRESH_USER.into(),
                last_name: "Admin".into(),
                first_name: "First".into(),
                email: "first.admin@fresh.example".into(),
            };
            let password = create_organization(&running.db, &first)
                .await
                .map_err(|e| e.to_string())?;
            (FRESH_CODE, FRESH_USER, password)
        }
    };
    let client = Client::new(&format!("http://{}", running.addr));
    let session = client
        .sign_in(organization, user_id, &password, None)
        .await
        .map_err(|e| format!("{e:?}"))?;
    Ok((Arc::new(running), client, session, password))
}
