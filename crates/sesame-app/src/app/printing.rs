//! Printing, as the app carries it out for every screen: a document to print opens the print
//! dialog (over any screen, holding the focus like every dialog);
//! a job sent is followed under the banner until the printer is done with it.

use iced::Task;

use super::{App, Message, Toast};
use crate::printing::dialog::{self, Action};
use crate::printing::{self as service, Document, Job, JobState};

/// What the app hears of printing.
#[derive(Debug, Clone)]
pub enum Printing {
    Dialog(dialog::Message),
    Sent(String, Result<Job, String>),
    State(Job, JobState),
}

impl App {
    /// Opens the print dialog for `document`; the printers are asked in the background.
    pub(super) fn print_dialog(&mut self, document: Document, file: String) -> Task<Message> {
        let protect = self.protect_by_default();
        // The focus goes to the dialog and back to the control that opened it as for every
        // dialog (the app's eyes, `a11y::eyes`).
        self.printing = Some(dialog::Dialog::new(document, file, self.paper(), protect));
        let service = self.places.print_service.clone();
        Task::perform(service::printers(service), |r| {
            Message::Printing(Printing::Dialog(dialog::Message::Printers(r)))
        })
    }

    /// Files are protected unless the organization says otherwise.
    fn protect_by_default(&self) -> bool {
        self.me()
            .map(|me| me.organization.documents.protect_documents)
            .unwrap_or(true)
    }

    pub(super) fn on_printing(&mut self, m: Printing) -> Task<Message> {
        match m {
            Printing::Dialog(m) => {
                let Some(d) = self.printing.as_mut() else {
                    return Task::none();
                };
                let action = d.update(m, self.locale);
                self.on_print_action(action)
            }
            Printing::Sent(_, Ok(job)) => {
                self.job_toast(&job.shown.clone(), &JobState::Waiting);
                self.follow(job, JobState::Waiting)
            }
            Printing::Sent(printer, Err(reason)) => {
                let text = self.locale.t_with(
                    "print-send-failed",
                    &[("printer", &printer), ("reason", &reason)],
                );
                self.toast = Some(Toast::failed(text));
                Task::none()
            }
            Printing::State(job, state) => {
                self.job_toast(&job.shown.clone(), &state);
                if state.is_final() {
                    Task::none()
                } else {
                    self.follow(job, state)
                }
            }
        }
    }

    /// What the dialog asked; a closed dialog gives the focus back (the app's eyes).
    fn on_print_action(&mut self, action: Action) -> Task<Message> {
        match action {
            Action::None => Task::none(),
            Action::Copy(text) => self.copy(text),
            Action::Cancel => {
                self.printing = None;
                Task::none()
            }
            Action::Print {
                printer,
                document,
                options,
            } => {
                let service = self.places.print_service.clone().unwrap_or_default();
                let to = printer.1.clone();
                let send = Task::perform(service::print(service, printer, document, options), {
                    move |r| Message::Printing(Printing::Sent(to.clone(), r))
                });
                self.printing = None;
                send
            }
            Action::Save {
                document,
                file,
                paper,
                passphrase,
            } => {
                let places = self.places.clone();
                let save = Task::perform(
                    crate::print::document(document, paper, file, places, passphrase),
                    Message::Printed,
                );
                self.printing = None;
                save
            }
        }
    }

    /// Asks the print service for the job's next state.
    fn follow(&self, job: Job, known: JobState) -> Task<Message> {
        let service = self.places.print_service.clone().unwrap_or_default();
        Task::perform(service::next_state(service, job, known), |(job, state)| {
            Message::Printing(Printing::State(job, state))
        })
    }

    fn job_toast(&mut self, printer: &str, state: &JobState) {
        let l = self.locale;
        let said = |key: &str| l.t_with(key, &[("printer", printer)]);
        self.toast = Some(match state {
            JobState::Waiting => Toast::said(said("print-job-sent")),
            JobState::Printing => Toast::said(said("print-job-printing")),
            JobState::Done => Toast::said(said("print-job-done")),
            JobState::Failed(reason) => Toast::failed(l.t_with(
                "print-job-failed",
                &[("printer", printer), ("reason", reason)],
            )),
        });
    }

    /// Prints through `service` (CUPS's address) from now on: tests that print for real.
    pub fn use_print_service(&mut self, service: Option<String>) {
        self.places.print_service = service;
    }

    /// The open print dialog (tests read the passphrase it proposes).
    pub fn print_dialog_open(&self) -> Option<&dialog::Dialog> {
        self.printing.as_ref()
    }
}
