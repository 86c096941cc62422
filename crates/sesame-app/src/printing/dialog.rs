//! The print dialog: the system's printers (the default first) and "Save as PDF…"; copies,
//! paper and both sides for a printer; a passphrase for a file — proposed by Sesame in the
//! document's language and shown once with Copy, or the person's own.

use iced::widget::{column, container, row, text, text_input};
use iced::{Alignment, Element};

use super::{Document, JobOptions, Printer};
use crate::locale::Locale;
use crate::widget::{self, Look, labelled, notice};
use sesame_documents::Paper;

/// The shortest passphrase a person may choose.
pub const OWN_PASSPHRASE_MIN: usize = 12;

/// Where the document goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Destination {
    Printer(String),
    File,
}

/// A line of the destination menu.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    pub destination: Destination,
    label: String,
}

impl Choice {
    /// The printer named `name` (its queue's name), as the menu offers it.
    pub fn printer(name: &str) -> Choice {
        Choice {
            destination: Destination::Printer(name.to_owned()),
            label: name.to_owned(),
        }
    }
}

impl std::fmt::Display for Choice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.label)
    }
}

/// A paper size, named in the interface's language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PaperChoice(Paper, String);

impl std::fmt::Display for PaperChoice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.1)
    }
}

#[derive(Debug, Clone)]
pub enum Message {
    Printers(Result<Vec<Printer>, String>),
    Destination(Choice),
    Copies(String),
    Paper(PaperChoice),
    TwoSided(bool),
    Protect(bool),
    Own(bool),
    Typed(String),
    CopyPassphrase,
    Confirm,
    Cancel,
}

/// What the app does once the dialog has spoken.
pub enum Action {
    None,
    Copy(String),
    Cancel,
    Print {
        /// The queue's name and what people call it.
        printer: (String, String),
        document: Document,
        options: JobOptions,
    },
    Save {
        document: Document,
        file: String,
        paper: Paper,
        passphrase: Option<String>,
    },
}

pub struct Dialog {
    document: Document,
    file: String,
    /// `None` while the print service is asked.
    printers: Option<Vec<Printer>>,
    unreachable: Option<String>,
    destination: Destination,
    copies: String,
    paper: Paper,
    two_sided: bool,
    protect: bool,
    own: bool,
    proposed: String,
    typed: String,
    errors: Vec<(String, String)>,
}

impl Dialog {
    /// `protect`: the organization's default for files.
    pub fn new(document: Document, file: String, paper: Paper, protect: bool) -> Dialog {
        let proposed = sesame_core::domain::generate_passphrase(document.language());
        Dialog {
            document,
            file,
            printers: None,
            unreachable: None,
            destination: Destination::File,
            copies: "1".into(),
            paper,
            two_sided: false,
            protect,
            own: false,
            proposed,
            typed: String::new(),
            errors: vec![],
        }
    }

    fn printer(&self) -> Option<&Printer> {
        let Destination::Printer(name) = &self.destination else {
            return None;
        };
        self.printers.iter().flatten().find(|p| &p.name == name)
    }

    pub fn update(&mut self, message: Message, l: Locale) -> Action {
        match message {
            Message::Printers(Ok(list)) => {
                if let Some(first) = list.first() {
                    self.destination = Destination::Printer(first.name.clone());
                }
                self.printers = Some(list);
            }
            Message::Printers(Err(e)) => {
                self.printers = Some(vec![]);
                self.unreachable = Some(e);
            }
            Message::Destination(c) => {
                self.destination = c.destination;
                self.errors.clear();
            }
            Message::Copies(typed) => {
                self.copies = typed.chars().filter(char::is_ascii_digit).take(2).collect();
            }
            Message::Paper(p) => self.paper = p.0,
            Message::TwoSided(on) => self.two_sided = on,
            Message::Protect(on) => self.protect = on,
            Message::Own(on) => self.own = on,
            Message::Typed(s) => self.typed = s,
            Message::CopyPassphrase => return Action::Copy(self.proposed.clone()),
            Message::Cancel => return Action::Cancel,
            Message::Confirm => return self.confirm(l),
        }
        Action::None
    }

    /// Every wrong field named at once; else the job or the file.
    fn confirm(&mut self, l: Locale) -> Action {
        self.errors.clear();
        let copies = self
            .copies
            .parse::<u32>()
            .ok()
            .filter(|n| (1..=99).contains(n));
        let to_printer = self.printer().map(|p| (p.name.clone(), p.info.clone()));
        if to_printer.is_some() && copies.is_none() {
            self.errors
                .push(("copies".into(), l.t("print-copies-invalid")));
        }
        let own_short = self.typed.chars().count() < OWN_PASSPHRASE_MIN;
        if to_printer.is_none() && self.protect && self.own && own_short {
            let min = OWN_PASSPHRASE_MIN.to_string();
            let message = l.t_with("print-passphrase-short", &[("count", &min)]);
            self.errors.push(("passphrase".into(), message));
        }
        if !self.errors.is_empty() {
            return Action::None;
        }
        match to_printer {
            Some(printer) => Action::Print {
                printer,
                document: self.document.clone(),
                options: JobOptions {
                    copies: copies.unwrap_or(1),
                    paper: self.paper,
                    two_sided: self.two_sided && self.printer().is_some_and(|p| p.two_sided),
                    title: self.file.trim_end_matches(".pdf").to_owned(),
                },
            },
            None => Action::Save {
                document: self.document.clone(),
                file: self.file.clone(),
                paper: self.paper,
                passphrase: self.protect.then(|| {
                    if self.own {
                        self.typed.clone()
                    } else {
                        self.proposed.clone()
                    }
                }),
            },
        }
    }

    /// The passphrase proposed (tests read it as the person reads it on screen).
    pub fn proposed(&self) -> &str {
        &self.proposed
    }

    /// Where the document would go.
    pub fn destination(&self) -> &Destination {
        &self.destination
    }

    /// A file would be protected.
    pub fn protecting(&self) -> bool {
        self.protect
    }

    fn error(&self, field: &str) -> Option<&str> {
        self.errors
            .iter()
            .find(|(f, _)| f == field)
            .map(|(_, m)| m.as_str())
    }

    fn choices(&self, l: Locale) -> Vec<Choice> {
        let printers = self.printers.iter().flatten().map(|p| Choice {
            destination: Destination::Printer(p.name.clone()),
            label: if p.default {
                l.t_with("print-default-printer", &[("name", &p.info)])
            } else {
                p.info.clone()
            },
        });
        let file = Choice {
            destination: Destination::File,
            label: l.t("print-save-pdf"),
        };
        printers.chain(std::iter::once(file)).collect()
    }

    /// The dialog's title, body and buttons (the app lays it over the page).
    pub fn parts<'a>(
        &'a self,
        l: Locale,
    ) -> (String, Element<'a, Message>, Vec<Element<'a, Message>>) {
        let choices = self.choices(l);
        let selected = choices
            .iter()
            .find(|c| c.destination == self.destination)
            .cloned();
        let destination =
            widget::menu(choices, selected, Message::Destination).id("print-destination");
        let mut body = column![
            text(l.t_count("print-pages", "count", self.document.pages())),
            labelled(l.t("print-destination"), destination, None),
        ]
        .spacing(12);
        if self.printers.is_none() {
            body = body.push(text(l.t("print-looking")));
        } else if let Some(reason) = &self.unreachable {
            body = body.push(notice(
                &l.t_with("print-service-unreachable", &[("reason", reason)]),
                false,
            ));
        } else if self.printers.as_ref().is_some_and(Vec::is_empty) {
            body = body.push(text(l.t("print-no-printers")));
        }
        body = body.push(self.paper_menu(l));
        body = match self.printer() {
            Some(p) => body.push(self.printer_options(p, l)),
            None => body.push(self.file_options(l)),
        };
        let confirm = match self.printer() {
            Some(_) => l.t("print-action"),
            None => l.t("print-action-save"),
        };
        (
            l.t("print-title"),
            body.into(),
            vec![
                widget::button_for(Look::Secondary, l.t("action-cancel"), Some(Message::Cancel))
                    .id("print-cancel")
                    .into(),
                widget::button_for(Look::Primary, confirm, Some(Message::Confirm))
                    .id("print-confirm")
                    .into(),
            ],
        )
    }

    fn paper_menu<'a>(&'a self, l: Locale) -> Element<'a, Message> {
        let papers: Vec<PaperChoice> = [(Paper::A4, "paper-a4"), (Paper::Letter, "paper-letter")]
            .into_iter()
            .map(|(p, key)| PaperChoice(p, l.t(key)))
            .collect();
        let selected = papers.iter().find(|p| p.0 == self.paper).cloned();
        let menu = widget::menu(papers, selected, Message::Paper).id("print-paper");
        labelled(l.t("print-paper"), menu, None)
    }

    fn printer_options<'a>(&'a self, p: &Printer, l: Locale) -> Element<'a, Message> {
        let copies = text_input("", &self.copies)
            .style(crate::widget::colors::field)
            .id("print-copies")
            .on_input(Message::Copies)
            .on_submit(Message::Confirm)
            .padding(8)
            .width(80);
        let mut c = column![labelled(
            l.t("print-copies"),
            widget::input(l.t("print-copies"), &self.copies, copies),
            self.error("copies")
        )]
        .spacing(12);
        if p.two_sided {
            c = c.push(
                widget::check(l.t("print-two-sided"), self.two_sided, Message::TwoSided)
                    .id("print-two-sided"),
            );
        }
        if let Some(reason) = &p.stopped {
            let said = if reason.trim().is_empty() {
                l.t("print-stopped-no-reason")
            } else {
                l.t_with("print-stopped", &[("reason", reason)])
            };
            c = c.push(notice(&said, true));
        }
        c.push(text(l.t("print-straight"))).into()
    }

    fn file_options<'a>(&'a self, l: Locale) -> Element<'a, Message> {
        let protect =
            widget::check(l.t("protect-pdf"), self.protect, Message::Protect).id("protect-pdf");
        let mut c = column![protect].spacing(12);
        if !self.protect {
            return c.push(notice(&l.t("print-unprotected"), true)).into();
        }
        c = c.push(
            widget::check(l.t("print-own-passphrase"), self.own, Message::Own)
                .id("print-own-passphrase"),
        );
        if self.own {
            let field = text_input("", &self.typed)
                .style(crate::widget::colors::field)
                .secure(true)
                .id("print-passphrase")
                .on_input(Message::Typed)
                .on_submit(Message::Confirm)
                .padding(8);
            let mut info = crate::a11y::Semantic::new(crate::a11y::Role::PasswordInput)
                .name(l.t("print-passphrase"));
            info.value = Some(self.typed.clone());
            let field = widget::semantic(info, field);
            return c
                .push(labelled(
                    l.t("print-passphrase"),
                    field,
                    self.error("passphrase"),
                ))
                .into();
        }
        let words = container(
            text(self.proposed.clone())
                .size(18)
                .font(iced::Font::MONOSPACE),
        )
        .padding(8);
        c.push(text(l.t("print-proposed")))
            .push(
                row![
                    words,
                    widget::button_for(
                        Look::Secondary,
                        l.t("action-copy"),
                        Some(Message::CopyPassphrase)
                    )
                    .id("print-copy-passphrase")
                ]
                .spacing(10)
                .align_y(Alignment::Center)
                .wrap(),
            )
            .push(notice(&l.t("protect-passphrase-notice"), false))
            .into()
    }
}
