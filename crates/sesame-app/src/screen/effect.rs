//! What a screen asks of the app, the same for every screen: each screen's `Action` is an
//! [`Effect`], with what is its own alone in [`Effect::Own`], and the app carries the common
//! effects out in one place.
//!
//! A session's end is not among them: the client notices it on whichever request met it, and
//! the app sends the person to sign in again before the screen hears of the failure.

use iced::Task;
use sesame_documents::{ConnectionInformation, CredentialLetter};

pub enum Effect<M, O = std::convert::Infallible> {
    None,
    /// Work in the background whose answers come back to the screen.
    Run(Task<M>),
    /// Onto the clipboard (the app says so under the banner).
    Copy(String),
    /// Credential letters to print (the print dialog: a printer, or one PDF named `file`).
    Print {
        letters: Vec<CredentialLetter>,
        file: String,
    },
    /// A technical user's connection information, as [`Effect::Print`] does letters.
    Export {
        info: Box<ConnectionInformation>,
        file: String,
    },
    /// A table the screen made, saved as a workbook or CSV (the setting; the save dialog lets
    /// the person choose).
    Save(Box<crate::spreadsheet::Table>),
    /// Back to "Your file".
    Home,
    /// The person confirmed leaving what they had typed: the app goes where they were going (a
    /// banner link, Sign out, closing the window).
    Left,
    /// What only this screen asks (a role changed, signed in …).
    Own(O),
}

impl<M, O> Effect<M, O> {
    /// Letters to print.
    pub fn print(letters: Vec<CredentialLetter>, file: String) -> Effect<M, O> {
        Effect::Print { letters, file }
    }

    /// What only this screen asks, or else the common effect (with nothing of its own left).
    pub fn own(self) -> Result<O, Effect<M>>
    where
        M: Send + 'static,
    {
        self.split(|m| m)
    }

    /// The same effect for a screen nested in another (the record in the user follow-up).
    pub fn map<N: Send + 'static, P>(
        self,
        f: impl Fn(M) -> N + Send + 'static,
        own: impl FnOnce(O) -> P,
    ) -> Effect<N, P>
    where
        M: Send + 'static,
    {
        match self.split(f) {
            Ok(o) => Effect::Own(own(o)),
            Err(common) => common,
        }
    }

    /// The screen's own outcome, or the common effect with its messages turned by `f`.
    fn split<N: Send + 'static, P>(
        self,
        f: impl Fn(M) -> N + Send + 'static,
    ) -> Result<O, Effect<N, P>>
    where
        M: Send + 'static,
    {
        Err(match self {
            Effect::Own(o) => return Ok(o),
            Effect::None => Effect::None,
            Effect::Run(t) => Effect::Run(t.map(f)),
            Effect::Copy(s) => Effect::Copy(s),
            Effect::Print { letters, file } => Effect::Print { letters, file },
            Effect::Export { info, file } => Effect::Export { info, file },
            Effect::Save(table) => Effect::Save(table),
            Effect::Home => Effect::Home,
            Effect::Left => Effect::Left,
        })
    }
}

impl<M, O> From<Task<M>> for Effect<M, O> {
    fn from(t: Task<M>) -> Effect<M, O> {
        Effect::Run(t)
    }
}
