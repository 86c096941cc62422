//! Reaching a shared server safely: HTTPS unless said otherwise; plain HTTP to another machine
//! only after the person is told what would cross the network in clear; a certificate that no
//! authority vouches for shown by its fingerprint, for the person to compare with the one their
//! administrator gives, then kept (trust on first use); a certificate other than the one kept,
//! refused with the reason.

use iced::Element;
use iced::Task;
use iced::widget::{column, text};

use super::{Action, Connected, Message, Start, normalize_url};
use crate::locale::Locale;
use sesame_client::Client;

/// What is asked before connecting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Question {
    /// `http://` to another machine.
    PlainHttp,
    /// A certificate no authority vouches for, seen for the first time.
    Certificate { fingerprint: String },
    /// A certificate other than the one accepted before: refused.
    Changed { kept: String, shown: String },
}

impl Start {
    pub(super) fn on_remote(&mut self, message: Message, locale: Locale) -> Action {
        match message {
            Message::Connect => self.connect(),
            Message::AcceptPlainHttp => {
                self.plain_accepted = Some(self.url.clone());
                self.question = None;
                self.connect()
            }
            Message::TrustCertificate => {
                if let Some(Question::Certificate { fingerprint }) = self.question.take() {
                    self.pinned.insert(origin(&self.url), fingerprint);
                }
                self.connect()
            }
            Message::Decline => {
                self.question = None;
                Action::None
            }
            // The administrator replaced the certificate: compared like a first one.
            Message::CompareNew => {
                if let Some(Question::Changed { shown, .. }) = self.question.take() {
                    self.question = Some(Question::Certificate { fingerprint: shown });
                }
                Action::None
            }
            Message::Reached(Ok(())) => {
                self.busy = false;
                let origin = origin(&self.url);
                let pin = self.pinned.get(&origin).cloned();
                Action::Own(Connected {
                    client: Client::pinned(&self.url, pin.clone()),
                    server: Some(self.url.clone()),
                    pinned: pin.map(|p| (origin, p)),
                    embedded: None,
                    organization: String::new(),
                    user_id: String::new(),
                    password: String::new(),
                })
            }
            Message::Reached(Err(_)) => {
                self.busy = false;
                self.question = self.certificate_question();
                if self.question.is_none() {
                    self.error = Some(locale.t_with("start-unreachable", &[("url", &self.url)]));
                }
                Action::None
            }
            _ => Action::None,
        }
    }

    /// Tries the server, once plain HTTP to another machine was accepted if it is that.
    fn connect(&mut self) -> Action {
        // Also when the app reconnects at start: what is asked shows on the server's form.
        self.mode = super::Mode::Remote;
        let url = normalize_url(&self.url);
        self.url = url.clone();
        self.error = None;
        if url.starts_with("http://")
            && !loopback(&url)
            && self.plain_accepted.as_deref() != Some(url.as_str())
        {
            self.question = Some(Question::PlainHttp);
            return Action::None;
        }
        self.busy = true;
        let client = Client::pinned(&url, self.pinned.get(&origin(&url)).cloned());
        self.trying = Some(client.clone());
        Action::Run(Task::perform(
            async move { client.health().await },
            Message::Reached,
        ))
    }

    /// After a failure: a certificate to compare, or one that changed.
    fn certificate_question(&self) -> Option<Question> {
        let shown = self.trying.as_ref()?.shown_certificate()?;
        match self.pinned.get(&origin(&self.url)) {
            // The kept certificate was shown, and the failure is something else.
            Some(kept) if *kept == shown => None,
            Some(kept) => Some(Question::Changed {
                kept: kept.clone(),
                shown,
            }),
            None => Some(Question::Certificate { fingerprint: shown }),
        }
    }

    /// The question over the form.
    pub(super) fn ask<'a>(
        &'a self,
        question: &'a Question,
        base: Element<'a, Message>,
        locale: Locale,
    ) -> Element<'a, Message> {
        let t = |id: &str| locale.t(id);
        let url = [("url", self.url.as_str())];
        let (title, body, buttons): (String, Element<'a, Message>, Vec<Element<'a, Message>>) =
            match question {
                Question::PlainHttp => (
                    t("trust-plain-title"),
                    text(locale.t_with("trust-plain-body", &url)).into(),
                    vec![
                        crate::widget::secondary(t("action-cancel"), Some(Message::Decline)),
                        crate::widget::danger(
                            t("trust-plain-accept"),
                            Some(Message::AcceptPlainHttp),
                        ),
                    ],
                ),
                Question::Certificate { fingerprint } => (
                    t("trust-certificate-title"),
                    column![
                        text(locale.t_with("trust-certificate-body", &url)),
                        crate::widget::labelled(
                            t("trust-fingerprint"),
                            text(two_lines(fingerprint)).font(iced::Font::MONOSPACE),
                            None,
                        ),
                        text(t("trust-certificate-compare")),
                    ]
                    .spacing(12)
                    .into(),
                    vec![
                        crate::widget::secondary(t("action-cancel"), Some(Message::Decline)),
                        crate::widget::primary(
                            t("trust-certificate-accept"),
                            Some(Message::TrustCertificate),
                        ),
                    ],
                ),
                Question::Changed { kept, shown } => (
                    t("trust-changed-title"),
                    column![
                        text(locale.t_with("trust-changed-body", &url)),
                        crate::widget::labelled(
                            t("trust-changed-kept"),
                            text(two_lines(kept)).font(iced::Font::MONOSPACE),
                            None,
                        ),
                        crate::widget::labelled(
                            t("trust-changed-shown"),
                            text(two_lines(shown)).font(iced::Font::MONOSPACE),
                            None,
                        ),
                    ]
                    .spacing(12)
                    .into(),
                    vec![
                        crate::widget::primary(t("action-close"), Some(Message::Decline)),
                        crate::widget::secondary(
                            t("trust-changed-compare"),
                            Some(Message::CompareNew),
                        ),
                    ],
                ),
            };
        crate::widget::dialog(base, title, body, buttons)
    }
}

/// A fingerprint on two lines of 16 pairs: it fits a dialog at any scale, and is read out
/// (and compared) half by half.
fn two_lines(fingerprint: &str) -> String {
    let pairs: Vec<&str> = fingerprint.split(':').collect();
    let (first, second) = pairs.split_at(pairs.len().div_ceil(2));
    format!("{}\n{}", first.join(":"), second.join(":"))
}

/// `https://host:port` of an address (what a certificate is accepted for).
pub fn origin(url: &str) -> String {
    let (scheme, rest) = url.split_once("://").unwrap_or(("https", url));
    let host = rest.split('/').next().unwrap_or_default();
    format!("{scheme}://{host}")
}

/// Whether the address is this machine (plain HTTP never leaves it): the same test as the
/// server's for the API address it gives vendors.
fn loopback(url: &str) -> bool {
    sesame_core::domain::address::is_this_computer_only(url)
}

#[cfg(test)]
mod tests {
    #[test]
    fn loopback_is_this_machine_only() {
        for url in [
            "http://127.0.0.1:8750",
            "http://localhost",
            "http://[::1]:80/x",
        ] {
            assert!(super::loopback(url), "{url}");
        }
        for url in ["http://192.168.1.2:8750", "http://sesame.example.org"] {
            assert!(!super::loopback(url), "{url}");
        }
        assert_eq!(
            super::origin("https://a.example:8750/x/y"),
            "https://a.example:8750"
        );
    }
}
