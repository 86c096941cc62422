//! My account, for level 1: how the organization hands documents over — files protected by a
//! passphrase by default, and the API address its vendors are given on connection sheets.

use iced::widget::{column, row, text, text_input};
use iced::{Alignment, Element, Task};

use crate::locale::Locale;
use crate::widget::{self, Look, Notice, heading, labelled};
use sesame_client::{Client, ClientError};
use sesame_core::api::{DocumentSettings, Organization};

pub struct Documents {
    protect: bool,
    /// The public API address as typed (empty: the server's own).
    address: String,
    /// What the server holds, to tell whether something changed.
    saved: DocumentSettings,
    busy: bool,
    notice: Option<Notice>,
    /// Field errors from the server, by field.
    errors: Vec<(String, String)>,
}

#[derive(Debug, Clone)]
pub enum Message {
    Protect(bool),
    Address(String),
    Save,
    Saved(Result<Organization, ClientError>),
}

pub enum Action {
    None,
    Run(Task<Message>),
    /// Saved: who is signed in now holds this organization.
    Saved(Box<Organization>),
}

impl Documents {
    pub fn new(org: &Organization) -> Documents {
        Documents {
            protect: org.documents.protect_documents,
            address: org.documents.public_api_url.clone().unwrap_or_default(),
            saved: org.documents.clone(),
            busy: false,
            notice: None,
            errors: vec![],
        }
    }

    fn typed(&self) -> DocumentSettings {
        let address = self.address.trim();
        DocumentSettings {
            protect_documents: self.protect,
            public_api_url: (!address.is_empty()).then(|| address.to_owned()),
        }
    }

    /// Something typed or ticked is not saved yet.
    pub fn unsaved(&self) -> bool {
        self.typed() != self.saved
    }

    pub fn update(&mut self, m: Message, client: &Client, l: Locale) -> Action {
        match m {
            Message::Protect(on) => self.protect = on,
            Message::Address(a) => self.address = a,
            Message::Save => {
                self.busy = true;
                self.notice = None;
                let (c, settings) = (client.clone(), self.typed());
                return Action::Run(Task::perform(
                    async move { c.set_document_settings(&settings).await },
                    Message::Saved,
                ));
            }
            Message::Saved(Ok(org)) => {
                self.busy = false;
                self.errors.clear();
                *self = Documents {
                    notice: Some(Notice::done(l.t("documents-saved"))),
                    ..Documents::new(&org)
                };
                return Action::Saved(Box::new(org));
            }
            Message::Saved(Err(e)) => {
                self.busy = false;
                self.errors = crate::screen::refused_fields(&e, l);
                if self.errors.is_empty() {
                    self.notice = Some(Notice::failed(l.error(&e)));
                }
            }
        }
        Action::None
    }

    pub fn view<'a>(&'a self, l: Locale, server_address: Option<&str>) -> Element<'a, Message> {
        let error = self
            .errors
            .iter()
            .find(|(f, _)| f == "public_api_url")
            .map(|(_, m)| m.as_str());
        let address = text_input(server_address.unwrap_or(""), &self.address)
            .style(crate::widget::colors::field)
            .id("public-api-url")
            .on_input(Message::Address)
            .on_submit(Message::Save)
            .padding(8);
        let address = widget::input(l.t("field-public-api-url"), &self.address, address);
        let save = widget::button_for(
            Look::Primary,
            l.t("action-save"),
            (!self.busy && self.unsaved()).then_some(Message::Save),
        )
        .id("save-documents");
        column![
            heading(l.t("documents-heading")),
            widget::check(l.t("documents-protect"), self.protect, Message::Protect)
                .id("protect-documents"),
            labelled(l.t("field-public-api-url"), address, error),
            text(l.t("documents-address-help")).size(13),
            row![save].align_y(Alignment::Center),
            widget::notice_slot(self.notice.as_ref()),
        ]
        .spacing(10)
        .into()
    }
}
