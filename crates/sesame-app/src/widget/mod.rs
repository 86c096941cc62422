//! Widgets shared by the screens: status badges, the 2FA shield, dialogs, the navigation
//! banner, field errors, and the virtual list of the user follow-up.

pub mod colors;
pub mod dropdown;
pub mod ellipsis;
pub mod focus;
pub mod icon;
pub mod measure;
pub mod reveal;
pub mod semantic;
pub mod veiled;
pub mod virtual_list;

pub use focus::Focus;
pub use semantic::{input, part, role, semantic};

use crate::a11y::{Role, Semantic};

use iced::widget::{button, checkbox, column, container, row, space, text};
use iced::{Alignment, Background, Border, Color, Element, Length, Theme};

use crate::locale::Locale;
use sesame_core::domain::Status;

/// The coloured badge of an account's status.
pub fn badge<'a, M: 'a>(locale: Locale, status: Status) -> Element<'a, M> {
    container(text(locale.status(status)).size(12))
        .padding([2, 8])
        .style(move |theme: &Theme| {
            let ink = colors::badge(theme, status);
            container::Style {
                background: Some(Background::Color(ink.background)),
                text_color: Some(ink.text),
                border: Border {
                    radius: 10.0.into(),
                    ..Border::default()
                },
                ..container::Style::default()
            }
        })
        .into()
}

/// A small rounded label: a role held by an account.
pub fn chip<'a, M: 'a>(label: String) -> Element<'a, M> {
    container(text(label).size(11).wrapping(text::Wrapping::None))
        .padding([1, 6])
        .style(|theme: &Theme| {
            let p = theme.extended_palette();
            container::Style {
                background: Some(Background::Color(p.background.weak.color)),
                text_color: Some(p.background.weak.text),
                border: Border {
                    radius: 8.0.into(),
                    width: 1.0,
                    color: p.background.strong.color,
                },
                ..container::Style::default()
            }
        })
        .into()
}

/// The green shield of a person who enrolled two-factor authentication.
pub fn shield<'a, M: 'a>(locale: Locale, enrolled: bool) -> Element<'a, M> {
    if enrolled {
        // The shield is drawn; the words beside it say it.
        let green = |theme: &Theme| text::Style {
            color: Some(colors::success_text(theme)),
        };
        row![
            icon::shield(13.0),
            text(locale.t("two-factor-on")).size(12).style(green)
        ]
        .spacing(4)
        .align_y(Alignment::Center)
        .into()
    } else {
        text(locale.t("two-factor-off"))
            .size(12)
            .style(|theme: &Theme| text::Style {
                color: Some(colors::muted_text(theme)),
            })
            .into()
    }
}

/// A field's error, in red under the field.
pub fn field_error<'a, M: 'a>(message: Option<&str>) -> Element<'a, M> {
    match message {
        Some(m) => text(m.to_owned())
            .size(13)
            .style(|theme: &Theme| text::Style {
                color: Some(colors::error_text(theme)),
            })
            .into(),
        None => space().height(0).into(),
    }
}

/// A form's error, `(field, message)`, as the field it concerns shows it.
pub fn error_for<'a>(errors: &'a [(String, String)], field: &str) -> Option<&'a str> {
    errors
        .iter()
        .find(|(f, _)| f == field)
        .map(|(_, m)| m.as_str())
}

/// A message band: an error (red) or a confirmation (green).
/// A message shown on a screen after an action: what was done, or why it failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub text: String,
    pub is_error: bool,
}

impl Notice {
    /// What was done.
    pub fn done(text: String) -> Notice {
        Notice {
            text,
            is_error: false,
        }
    }

    /// What failed, and why.
    pub fn failed(text: String) -> Notice {
        Notice {
            text,
            is_error: true,
        }
    }

    pub fn view<'a, M: 'a>(&self) -> Element<'a, M> {
        notice(&self.text, self.is_error)
    }
}

/// Where a screen shows its notice: always there, empty without one, so that a notice coming
/// or going does not shift the controls after it in the widget tree (a field being typed in
/// would lose the keyboard focus).
pub fn notice_slot<'a, M: 'a>(notice: Option<&Notice>) -> Element<'a, M> {
    match notice {
        Some(n) => container(n.view()).into(),
        None => container(space()).into(),
    }
}

pub fn notice<'a, M: 'a>(message: &str, is_error: bool) -> Element<'a, M> {
    // Read out as it appears: at once when something failed.
    let role = if is_error { Role::Alert } else { Role::Status };
    let band = container(text(message.to_owned()))
        .padding(10)
        .width(Length::Fill)
        .style(move |theme: &Theme| {
            let ink = colors::notice(theme, is_error);
            container::Style {
                background: Some(Background::Color(ink.background)),
                text_color: Some(ink.text),
                border: Border {
                    radius: 6.0.into(),
                    ..Border::default()
                },
                ..container::Style::default()
            }
        });
    part(role, band)
}

/// A scrolled page or area: its scrollbar sits beside the content, never over the text or the
/// control at its right edge.
pub fn scroll<'a, M: 'a>(content: impl Into<Element<'a, M>>) -> iced::widget::Scrollable<'a, M> {
    iced::widget::scrollable(content).spacing(2)
}

/// A modal dialog over `base`: a title, a body and its buttons. Enter and Esc are handled by
/// the app (confirm and cancel).
pub fn dialog<'a, M: Clone + 'a>(
    base: Element<'a, M>,
    title: String,
    body: Element<'a, M>,
    buttons: Vec<Element<'a, M>>,
) -> Element<'a, M> {
    let card = container(
        column![
            part(Role::Heading, text(title.clone()).size(20)),
            body,
            row(buttons)
                .spacing(10)
                .align_y(Alignment::Center)
                .wrap()
                .vertical_spacing(10),
        ]
        .spacing(16)
        .max_width(520),
    )
    // Every dialog as wide as it may be (or the window): the card then sits on whole pixels,
    // so a field's focused border is drawn sharp, whatever the width of its texts.
    .width(Length::Fill)
    .max_width(568)
    .padding(24)
    .style(|theme: &Theme| container::Style {
        background: Some(Background::Color(theme.palette().background)),
        border: Border {
            radius: 10.0.into(),
            width: 1.0,
            color: Color::from_rgba8(0, 0, 0, 0.2),
        },
        ..container::Style::default()
    });
    let card = semantic(Semantic::new(Role::Dialog).name(title), card);
    // A dialog taller than the window (a large scale) scrolls, its buttons included.
    let veil = container(iced::widget::scrollable(
        container(card).center_x(Length::Fill),
    ))
    .center(Length::Fill)
    .style(|_: &Theme| container::Style {
        background: Some(Background::Color(Color::from_rgba8(0, 0, 0, 0.45))),
        ..container::Style::default()
    });
    iced::widget::stack![veiled::veiled(base), iced::widget::opaque(veil)].into()
}

/// How a confirmation's button looks: an ordinary step, or one that removes or withdraws.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Weight {
    Normal,
    Dangerous,
}

/// "Are you sure?": a title, one sentence, the way back (its label and message: *Cancel*, or
/// *Keep it* where cancelling is what is being confirmed) and *Confirm*.
pub fn confirm<'a, M: Clone + 'a>(
    base: Element<'a, M>,
    locale: Locale,
    title: String,
    body: String,
    (cancel_label, on_cancel): (&str, M),
    on_confirm: M,
    weight: Weight,
) -> Element<'a, M> {
    let yes = locale.t("action-confirm");
    dialog(
        base,
        title,
        text(body).into(),
        vec![
            secondary(locale.t(cancel_label), Some(on_cancel)),
            match weight {
                Weight::Normal => primary(yes, Some(on_confirm)),
                Weight::Dangerous => danger(yes, Some(on_confirm)),
            },
        ],
    )
}

/// How a button looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Look {
    /// Filled: the screen's main step.
    Primary,
    /// Outlined: the other steps.
    Secondary,
    /// Red: destroys something.
    Danger,
    /// Like a link: table cells and the banner.
    Link,
}

/// A button that Tab reaches and Enter or Space presses; give it an `id` to find it.
pub fn button_for<'a, M: Clone + 'a>(
    look: Look,
    label: String,
    on_press: Option<M>,
) -> Focus<'a, M> {
    let b = match look {
        // A link keeps its words on one line (the banner wraps between links instead).
        Look::Link => button(text(label).size(14).wrapping(text::Wrapping::None))
            .padding([2, 6])
            .style(button::text),
        Look::Primary => button(text(label)).padding([8, 16]),
        Look::Secondary => button(text(label))
            .padding([8, 16])
            .style(button::secondary),
        Look::Danger => button(text(label)).padding([8, 16]).style(button::danger),
    };
    let disabled = on_press.is_none();
    Focus::new(b.on_press_maybe(on_press.clone()))
        .on_activate(on_press)
        .disabled(disabled)
        .role(match look {
            Look::Link => Role::Link,
            _ => Role::Button,
        })
        .default_action(matches!(look, Look::Primary | Look::Danger))
}

/// A link inside a page's text: like [`link`], but its words go onto more lines when the
/// room runs out (the banner's links keep one line and wrap between each other instead).
pub fn text_link<'a, M: Clone + 'a>(label: String, on_press: Option<M>) -> Element<'a, M> {
    let b = button(text(label).size(14))
        .padding([2, 6])
        .style(button::text);
    Focus::new(b.on_press_maybe(on_press.clone()))
        .disabled(on_press.is_none())
        .on_activate(on_press)
        .role(Role::Link)
        .into()
}

/// A primary (filled) button.
pub fn primary<'a, M: Clone + 'a>(label: String, on_press: Option<M>) -> Element<'a, M> {
    button_for(Look::Primary, label, on_press).into()
}

/// A secondary (outlined) button.
pub fn secondary<'a, M: Clone + 'a>(label: String, on_press: Option<M>) -> Element<'a, M> {
    button_for(Look::Secondary, label, on_press).into()
}

/// A button that destroys something.
pub fn danger<'a, M: Clone + 'a>(label: String, on_press: Option<M>) -> Element<'a, M> {
    button_for(Look::Danger, label, on_press).into()
}

/// A link-like button, for table cells and the banner.
pub fn link<'a, M: Clone + 'a>(label: String, on_press: Option<M>) -> Element<'a, M> {
    button_for(Look::Link, label, on_press).into()
}

/// A section heading of a form.
pub fn heading<'a, M: 'a>(label: String) -> Element<'a, M> {
    let mut info = Semantic::new(Role::Heading);
    info.level = 2;
    semantic(info, text(label).size(18)).into()
}

/// A screen's title read out but not shown: in a small window the banner's menu shows where
/// the person is.
pub fn title_read<'a, M: 'a>(label: String) -> Element<'a, M> {
    let mut info = Semantic::new(Role::Heading).name(label);
    info.level = 1;
    semantic(info, space().height(0)).into()
}

/// A screen's (or a step's) title: where the person is.
pub fn title<'a, M: 'a>(label: String) -> Element<'a, M> {
    let mut info = Semantic::new(Role::Heading);
    info.level = 1;
    semantic(info, text(label).size(26)).into()
}

/// A labelled form line.
pub fn labelled<'a, M: 'a>(
    label: String,
    field: impl Into<Element<'a, M>>,
    error: Option<&str>,
) -> Element<'a, M> {
    let line = column![
        text(label.clone()).size(13),
        field.into(),
        field_error(error)
    ]
    .spacing(4);
    let mut info = Semantic::label(label);
    info.invalid = error.map(str::to_owned);
    semantic(info, line).into()
}

/// A labelled text field.
pub fn field<'a, M: Clone + 'a>(
    label: String,
    value: &str,
    on_input: impl Fn(String) -> M + 'a,
) -> Element<'a, M> {
    text_field(label, value, false, on_input)
}

/// A labelled field whose text is hidden (a password).
pub fn secret_field<'a, M: Clone + 'a>(
    label: String,
    value: &str,
    on_input: impl Fn(String) -> M + 'a,
) -> Element<'a, M> {
    text_field(label, value, true, on_input)
}

fn text_field<'a, M: Clone + 'a>(
    label: String,
    value: &str,
    secure: bool,
    on_input: impl Fn(String) -> M + 'a,
) -> Element<'a, M> {
    let input = iced::widget::text_input("", value)
        .style(crate::widget::colors::field)
        .secure(secure)
        .on_input(on_input)
        .padding(8);
    let mut info = Semantic::new(if secure {
        Role::PasswordInput
    } else {
        Role::TextInput
    });
    info.value = Some(value.to_owned());
    labelled(label, semantic(info, input), None)
}

/// A large choice on a light card, for the start screen and "Your file".
pub fn tile(theme: &Theme, status: button::Status) -> button::Style {
    let hovered = matches!(status, button::Status::Hovered | button::Status::Pressed);
    let (background, border) = colors::card(theme, hovered);
    button::Style {
        background: Some(Background::Color(background)),
        text_color: theme.extended_palette().background.base.text,
        border: Border {
            radius: 10.0.into(),
            width: 1.0,
            color: border,
        },
        ..button::Style::default()
    }
}

/// A large choice: a title and a line of detail on a card (start screen, "Your file").
pub fn choice<'a, M: Clone + 'a>(title: String, detail: String, on_press: M) -> Element<'a, M> {
    let b = button(
        column![text(title).size(20), text(detail).size(14)]
            .spacing(6)
            .width(Length::Fill),
    )
    .padding(20)
    .width(Length::Fill)
    .style(tile)
    .on_press(on_press.clone());
    Focus::new(b).on_activate(Some(on_press)).into()
}

/// "Temporary password created": the password of `name`, shown once, with Copy, Print letter
/// and Close (closing forgets it).
pub fn password_dialog<'a, M: Clone + 'a>(
    base: Element<'a, M>,
    locale: Locale,
    name: &str,
    password: &str,
    on: [M; 3],
) -> Element<'a, M> {
    let t = |id: &str| locale.t(id);
    let [copy, print, close] = on;
    dialog(
        base,
        t("temporary-password-created"),
        column![
            text(locale.t_with("dialog-password-for", &[("name", name)])),
            container(
                text(password.to_owned())
                    .size(24)
                    .font(iced::Font::MONOSPACE)
            )
            .padding(10),
            text(t("password-shown-once")).size(13),
        ]
        .spacing(10)
        .into(),
        vec![
            secondary(t("action-copy"), Some(copy)),
            button_for(Look::Secondary, t("action-print-letter"), Some(print))
                .id("print-letter")
                .into(),
            primary(t("action-close"), Some(close)),
        ],
    )
}

/// A choice among values, kept by keyboard too: Tab reaches it, the arrows step through the
/// values, Space or F4 opens the list, where the arrows, Home, End or a first letter move and
/// Enter takes the value; Enter on the closed menu goes on as the form's default. Give it an
/// `id` to find it.
pub fn menu<'a, T, M>(
    options: Vec<T>,
    selected: Option<T>,
    on_select: impl Fn(T) -> M + Clone + 'a,
) -> Focus<'a, M>
where
    T: ToString + PartialEq + Clone + 'a,
    M: Clone + 'a,
{
    menu_with(options, selected, String::new(), on_select)
}

/// A `menu` that shows `placeholder` while nothing is chosen.
pub fn menu_with<'a, T, M>(
    options: Vec<T>,
    selected: Option<T>,
    placeholder: String,
    on_select: impl Fn(T) -> M + Clone + 'a,
) -> Focus<'a, M>
where
    T: ToString + PartialEq + Clone + 'a,
    M: Clone + 'a,
{
    let at = selected
        .as_ref()
        .and_then(|s| options.iter().position(|o| o == s));
    let step = |to: Option<usize>| to.and_then(|i| options.get(i)).cloned().map(&on_select);
    let up = step(at.and_then(|i| i.checked_sub(1)));
    let down = step(Some(at.map_or(0, |i| i + 1)));
    let label = selected
        .as_ref()
        .map_or_else(|| placeholder.clone(), T::to_string);
    let list = dropdown::Dropdown::new(options, selected, placeholder, on_select);
    // Space or F4 opens the list; Enter is left to the form (it confirms, as the default
    // button does), not to reopen the list just closed.
    Focus::new(list)
        .role(Role::ComboBox)
        .press_on_activate()
        .space_only()
        .on_arrows(up, down)
        .label(label)
}

/// A checkbox that Tab reaches and Space or Enter ticks.
pub fn check<'a, M: Clone + 'a>(
    label: String,
    checked: bool,
    on_toggle: impl Fn(bool) -> M + 'a,
) -> Focus<'a, M> {
    let toggled = on_toggle(!checked);
    Focus::new(checkbox(checked).label(label).on_toggle(on_toggle))
        .on_activate(Some(toggled))
        .space_only()
        .checked(checked)
}

/// [`check`], or a box shown disabled when `enabled` is false (the server would refuse it).
pub fn check_when<'a, M: Clone + 'a>(
    label: String,
    checked: bool,
    enabled: bool,
    on_toggle: impl Fn(bool) -> M + 'a,
) -> Focus<'a, M> {
    if enabled {
        check(label, checked, on_toggle)
    } else {
        Focus::new(checkbox(checked).label(label))
            .on_activate(None)
            .checked(checked)
            .disabled(true)
    }
}

/// A control with its keyboard shortcut shown under the pointer ("Ctrl+S"), where people
/// look for it.
pub fn with_shortcut<'a, M: 'a>(
    control: impl Into<Element<'a, M>>,
    keys: &'static str,
) -> Element<'a, M> {
    iced::widget::tooltip(
        control,
        container(text(keys).size(12))
            .padding([3, 8])
            .style(container::rounded_box),
        iced::widget::tooltip::Position::Top,
    )
    .into()
}

/// A widget's id handed to a helper that sets it (`.id(…)` names the others): written this way,
/// the text key check knows it is not a text.
pub const fn widget_id(id: &'static str) -> &'static str {
    id
}
