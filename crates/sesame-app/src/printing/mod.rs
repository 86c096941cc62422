//! Printing for real: a document (credential letters, a connection sheet) goes to one of the
//! system's printers, or is saved as a PDF. To a printer, the PDF is made in memory and
//! streamed to the print service, so no file holding a password is ever written by Sesame:
//! CUPS over IPP on Linux and macOS (`cups`), the print spooler on Windows (`spooler`). The
//! dialog that chooses is in [`dialog`].

pub mod dialog;

#[cfg(unix)]
mod cups;
#[cfg(windows)]
mod spooler;

use sesame_documents::{ConnectionInformation, CredentialLetter, Paper};

pub use dialog::Dialog;

/// What is to be printed.
#[derive(Debug, Clone)]
pub enum Document {
    Letters(Vec<CredentialLetter>),
    Connection(Box<ConnectionInformation>),
}

impl Document {
    /// The PDF, made off the interface thread by the caller.
    pub fn pdf(&self, paper: Paper) -> Result<Vec<u8>, String> {
        match self {
            Document::Letters(letters) => sesame_documents::credential_letters(letters, paper),
            Document::Connection(info) => sesame_documents::connection_information(info, paper),
        }
    }

    /// The language the document is written in (its passphrase's words are of that language).
    pub fn language(&self) -> sesame_core::domain::Language {
        match self {
            Document::Letters(letters) => sesame_documents::letters_title(letters)
                .map(|(_, language)| language)
                .unwrap_or(sesame_core::domain::Language::En),
            Document::Connection(info) => info.language,
        }
    }

    /// How many pages (one a letter).
    pub fn pages(&self) -> usize {
        match self {
            Document::Letters(letters) => letters.len(),
            Document::Connection(_) => 1,
        }
    }
}

/// A printer of the system's print service.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Printer {
    /// The queue's name (`Office-HP`).
    pub name: String,
    /// What the system calls it for people ("HP LaserJet, 2nd floor"), or the name.
    pub info: String,
    pub default: bool,
    /// It prints on both sides.
    pub two_sided: bool,
    /// It is stopped (paused or out of order), with the system's reason when it gives one.
    pub stopped: Option<String>,
}

/// How a job is printed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JobOptions {
    pub copies: u32,
    pub paper: Paper,
    pub two_sided: bool,
    /// The job's name in the queue: the file name, never a password.
    pub title: String,
}

/// A job the print service accepted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Job {
    /// The queue's name.
    pub printer: String,
    /// What people call the printer (its description).
    pub shown: String,
    pub id: i32,
}

/// Where a job stands, as the print service says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum JobState {
    /// In the queue, not started (or held).
    Waiting,
    Printing,
    Done,
    /// Cancelled or aborted, with the printer's reason.
    Failed(String),
}

impl JobState {
    pub fn is_final(&self) -> bool {
        matches!(self, JobState::Done | JobState::Failed(_))
    }
}

/// The print service to use: CUPS's address (`localhost:631`, or the `CUPS_SERVER` the system
/// names), `None` where the app has no printers (tests that save files, portable use).
pub fn service_of_this_system() -> Option<String> {
    if cfg!(unix) {
        let named = std::env::var("CUPS_SERVER")
            .ok()
            .filter(|s| !s.starts_with('/'));
        Some(named.unwrap_or_else(|| "localhost:631".into()))
    } else if cfg!(windows) {
        Some("spooler".into())
    } else {
        None
    }
}

/// The printers of `service`, the default first then by name; none when there is no service.
pub async fn printers(service: Option<String>) -> Result<Vec<Printer>, String> {
    let Some(service) = service else {
        return Ok(vec![]);
    };
    #[cfg(unix)]
    {
        let mut list = cups::printers(&service).await?;
        list.sort_by(|a, b| b.default.cmp(&a.default).then(a.info.cmp(&b.info)));
        Ok(list)
    }
    #[cfg(windows)]
    {
        let _ = service;
        let mut list = tokio::task::spawn_blocking(spooler::printers)
            .await
            .map_err(|e| e.to_string())?;
        list.sort_by(|a, b| b.default.cmp(&a.default).then(a.info.cmp(&b.info)));
        Ok(list)
    }
    #[cfg(not(any(unix, windows)))]
    {
        let _ = service;
        Ok(vec![])
    }
}

/// Makes `document`'s PDF in memory and sends it to `printer`; the bytes are dropped once the
/// service has them.
pub async fn print(
    service: String,
    (printer, shown): (String, String),
    document: Document,
    options: JobOptions,
) -> Result<Job, String> {
    let paper = options.paper;
    let pdf = tokio::task::spawn_blocking(move || document.pdf(paper))
        .await
        .map_err(|e| e.to_string())??;
    #[cfg(unix)]
    {
        let id = cups::print(&service, &printer, pdf, &options).await?;
        Ok(Job { printer, shown, id })
    }
    #[cfg(windows)]
    {
        let _ = service;
        let to = printer.clone();
        let id = tokio::task::spawn_blocking(move || spooler::print(&to, &pdf, &options))
            .await
            .map_err(|e| e.to_string())??;
        Ok(Job { printer, shown, id })
    }
    #[cfg(not(any(unix, windows)))]
    {
        let _ = (service, pdf, options, shown);
        Err(format!("{printer}: no print service"))
    }
}

/// The state of `job` once it differs from `known`, or its final state: asked every half second,
/// then every five once the state has stood for ten seconds (a printer that cannot be reached
/// keeps a job for as long as the print service retries).
pub async fn next_state(service: String, job: Job, known: JobState) -> (Job, JobState) {
    let asked_since = std::time::Instant::now();
    loop {
        #[cfg(unix)]
        let state = cups::job_state(&service, &job).await;
        #[cfg(windows)]
        let state = {
            let _ = &service;
            let (printer, id) = (job.printer.clone(), job.id);
            tokio::task::spawn_blocking(move || spooler::job_state(&printer, id))
                .await
                .map_err(|e| e.to_string())
                .and_then(|s| s)
        };
        #[cfg(not(any(unix, windows)))]
        let state: Result<JobState, String> = Err(service.clone());
        match state {
            Ok(s) if s != known || s.is_final() => return (job, s),
            Ok(_) => {}
            Err(e) => return (job, JobState::Failed(e)),
        }
        let every = if asked_since.elapsed() < std::time::Duration::from_secs(10) {
            500
        } else {
            5000
        };
        tokio::time::sleep(std::time::Duration::from_millis(every)).await;
    }
}
