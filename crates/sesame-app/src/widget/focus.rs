//! Keyboard focus for controls that iced leaves to the mouse (buttons, checkboxes, pick lists):
//! `Focus` wraps one, takes part in Tab and Shift+Tab like a text field, draws a focus ring,
//! and turns Enter and Space (and, for a menu, the arrows) into the control's own action.

use iced::advanced::layout::{self, Layout};
use iced::advanced::renderer;
use iced::advanced::widget::operation::{Focusable, Operation};
use iced::advanced::widget::{self, Tree, Widget, tree};
use iced::advanced::{Clipboard, Shell, overlay};
use iced::keyboard::{self, Key, key::Named};
use iced::{Background, Border, Color, Element, Event, Length, Rectangle, Size, Theme, Vector};
use iced::{mouse, touch};

use crate::a11y::{Role, Semantic};

/// What Enter and Space do on the focused control.
enum Activate<M> {
    /// Send this message (a button's press, a checkbox's toggle).
    Publish(M),
    /// Press the control itself where it lies, as a click would (opens a pick list).
    Press,
}

pub struct Focus<'a, M> {
    content: Element<'a, M>,
    id: Option<widget::Id>,
    activate: Option<Activate<M>>,
    on_up: Option<M>,
    on_down: Option<M>,
    /// What the control says, for those that do not tell it to operations (a pick list's
    /// value): screen readers' and tests' way to find it.
    label: Option<String>,
    /// A disabled control: Tab passes it by.
    disabled: bool,
    /// A check box: Space ticks it, and Enter is left to the form (it goes on, as in every
    /// dialog people know).
    space_only: bool,
    /// What it is to a screen reader (a button, a link, a check box, a menu).
    role: Role,
    /// Its name, when its texts do not say it (a menu's: the label of its form line).
    name: Option<String>,
    checked: Option<bool>,
    /// The action Enter takes in its dialog or form.
    default: bool,
}

#[derive(Debug, Default)]
struct State {
    focused: bool,
    /// What it reported last; the screen reader's press lands here.
    semantic: Semantic,
}

impl Focusable for State {
    fn is_focused(&self) -> bool {
        self.focused
    }

    fn focus(&mut self) {
        self.focused = true;
    }

    fn unfocus(&mut self) {
        self.focused = false;
    }
}

impl<'a, M: Clone + 'a> Focus<'a, M> {
    pub fn new(content: impl Into<Element<'a, M>>) -> Self {
        Focus {
            content: content.into(),
            id: None,
            activate: None,
            on_up: None,
            on_down: None,
            label: None,
            disabled: false,
            space_only: false,
            role: Role::Button,
            name: None,
            checked: None,
            default: false,
        }
    }

    /// The action Enter takes in its dialog or form: a dialog that opens focuses it.
    pub fn default_action(mut self, default: bool) -> Self {
        self.default = default;
        self
    }

    /// What it is to a screen reader (a button by default).
    pub fn role(mut self, role: Role) -> Self {
        self.role = role;
        self
    }

    /// Its name for a screen reader, when its texts do not say it.
    pub fn name(mut self, name: impl Into<String>) -> Self {
        self.name = Some(name.into());
        self
    }

    /// A check box, ticked or not.
    pub fn checked(mut self, checked: bool) -> Self {
        self.role = Role::CheckBox;
        self.checked = Some(checked);
        self
    }

    /// Space alone activates it (a check box); Enter goes to the form.
    pub fn space_only(mut self) -> Self {
        self.space_only = true;
        self
    }

    /// Takes the control out of the Tab order (a disabled button). One that held the focus
    /// when it became disabled keeps it, so that Tab goes on from there.
    pub fn disabled(mut self, disabled: bool) -> Self {
        self.disabled = disabled;
        self
    }

    /// Enter and Space send `message` (nothing when `None`, as for a disabled button).
    pub fn on_activate(mut self, message: Option<M>) -> Self {
        self.activate = message.map(Activate::Publish);
        self
    }

    /// Enter and Space press the control, as a click does.
    pub fn press_on_activate(mut self) -> Self {
        self.activate = Some(Activate::Press);
        self
    }

    /// The arrows step to the previous and the next value.
    pub fn on_arrows(mut self, up: Option<M>, down: Option<M>) -> Self {
        self.on_up = up;
        self.on_down = down;
        self
    }

    pub fn id(mut self, id: impl Into<widget::Id>) -> Self {
        self.id = Some(id.into());
        self
    }

    pub fn label(mut self, label: impl Into<String>) -> Self {
        self.label = Some(label.into());
        self
    }

    /// Sends a press and a release of the left button at the control's centre to the control.
    fn press(
        &mut self,
        tree: &mut Tree,
        layout: Layout<'_>,
        renderer: &iced::Renderer,
        clipboard: &mut dyn Clipboard,
        shell: &mut Shell<'_, M>,
        viewport: &Rectangle,
    ) {
        let at = mouse::Cursor::Available(layout.bounds().center());
        for event in [
            mouse::Event::ButtonPressed(mouse::Button::Left),
            mouse::Event::ButtonReleased(mouse::Button::Left),
        ] {
            self.content.as_widget_mut().update(
                &mut tree.children[0],
                &Event::Mouse(event),
                layout,
                at,
                renderer,
                clipboard,
                shell,
                viewport,
            );
        }
    }

    /// What a key does on the focused control; `None` when it does not use the key.
    fn key(&mut self, key: &Key) -> Option<KeyUse<M>> {
        match key.as_ref() {
            Key::Named(Named::Enter) if self.space_only => None,
            // F4 opens a menu's list, as on every system.
            Key::Named(Named::F4) if matches!(self.activate, Some(Activate::Press)) => {
                Some(KeyUse::Press)
            }
            Key::Named(Named::Enter | Named::Space) => match &self.activate {
                Some(Activate::Publish(m)) => Some(KeyUse::Publish(m.clone())),
                Some(Activate::Press) => Some(KeyUse::Press),
                None => None,
            },
            Key::Named(Named::ArrowUp) => self.on_up.clone().map(KeyUse::Publish),
            Key::Named(Named::ArrowDown) => self.on_down.clone().map(KeyUse::Publish),
            _ => None,
        }
    }
}

enum KeyUse<M> {
    Publish(M),
    Press,
}

impl<'a, M: Clone + 'a> Widget<M, Theme, iced::Renderer> for Focus<'a, M> {
    fn tag(&self) -> tree::Tag {
        tree::Tag::of::<State>()
    }

    fn state(&self) -> tree::State {
        tree::State::new(State::default())
    }

    fn children(&self) -> Vec<Tree> {
        vec![Tree::new(&self.content)]
    }

    fn diff(&self, tree: &mut Tree) {
        tree.diff_children(std::slice::from_ref(&self.content));
    }

    fn size(&self) -> Size<Length> {
        self.content.as_widget().size()
    }

    fn layout(
        &mut self,
        tree: &mut Tree,
        renderer: &iced::Renderer,
        limits: &layout::Limits,
    ) -> layout::Node {
        self.content
            .as_widget_mut()
            .layout(&mut tree.children[0], renderer, limits)
    }

    fn operate(
        &mut self,
        tree: &mut Tree,
        layout: Layout<'_>,
        renderer: &iced::Renderer,
        operation: &mut dyn Operation,
    ) {
        let state = tree.state.downcast_mut::<State>();
        state.semantic = Semantic {
            role: Some(self.role),
            name: self.name.clone(),
            value: (self.role == Role::ComboBox)
                .then(|| self.label.clone())
                .flatten(),
            checked: self.checked,
            expanded: super::dropdown::is_open(&tree.children[0]),
            disabled: self.disabled,
            pressed: state.semantic.pressed,
            default: self.default,
            ..Semantic::default()
        };
        let bounds = layout.bounds();
        operation.custom(self.id.as_ref(), bounds, &mut state.semantic);
        if !self.disabled || state.focused {
            operation.focusable(self.id.as_ref(), bounds, state);
        }
        operation.traverse(&mut |operation| {
            if let Some(label) = &self.label {
                operation.text(self.id.as_ref(), bounds, label);
            }
            self.content.as_widget_mut().operate(
                &mut tree.children[0],
                layout,
                renderer,
                operation,
            );
        });
    }

    fn update(
        &mut self,
        tree: &mut Tree,
        event: &Event,
        layout: Layout<'_>,
        cursor: mouse::Cursor,
        renderer: &iced::Renderer,
        clipboard: &mut dyn Clipboard,
        shell: &mut Shell<'_, M>,
        viewport: &Rectangle,
    ) {
        // A click focuses the control it lands on, and takes the focus from the others.
        if let Event::Mouse(mouse::Event::ButtonPressed(_))
        | Event::Touch(touch::Event::FingerPressed { .. }) = event
        {
            let state = tree.state.downcast_mut::<State>();
            state.focused = cursor.is_over(layout.bounds());
        }
        self.content.as_widget_mut().update(
            &mut tree.children[0],
            event,
            layout,
            cursor,
            renderer,
            clipboard,
            shell,
            viewport,
        );
        // The screen reader pressed it (its default action): as Enter would, on any event.
        let state = tree.state.downcast_mut::<State>();
        if std::mem::take(&mut state.semantic.pressed) && !self.disabled {
            let enter = Key::Named(if self.space_only {
                Named::Space
            } else {
                Named::Enter
            });
            match self.key(&enter) {
                Some(KeyUse::Publish(m)) => shell.publish(m),
                Some(KeyUse::Press) => {
                    self.press(tree, layout, renderer, clipboard, shell, viewport)
                }
                None => {}
            }
            return;
        }
        let Event::Keyboard(keyboard::Event::KeyPressed { key, modifiers, .. }) = event else {
            return;
        };
        let state = tree.state.downcast_ref::<State>();
        if !state.focused || shell.is_event_captured() || modifiers.command() {
            return;
        }
        match self.key(key) {
            Some(KeyUse::Publish(m)) => shell.publish(m),
            Some(KeyUse::Press) => self.press(tree, layout, renderer, clipboard, shell, viewport),
            None => return,
        }
        shell.capture_event();
    }

    fn mouse_interaction(
        &self,
        tree: &Tree,
        layout: Layout<'_>,
        cursor: mouse::Cursor,
        viewport: &Rectangle,
        renderer: &iced::Renderer,
    ) -> mouse::Interaction {
        self.content.as_widget().mouse_interaction(
            &tree.children[0],
            layout,
            cursor,
            viewport,
            renderer,
        )
    }

    fn draw(
        &self,
        tree: &Tree,
        renderer: &mut iced::Renderer,
        theme: &Theme,
        style: &renderer::Style,
        layout: Layout<'_>,
        cursor: mouse::Cursor,
        viewport: &Rectangle,
    ) {
        self.content.as_widget().draw(
            &tree.children[0],
            renderer,
            theme,
            style,
            layout,
            cursor,
            viewport,
        );
        if tree.state.downcast_ref::<State>().focused {
            ring(renderer, theme, layout.bounds());
        }
    }

    fn overlay<'b>(
        &'b mut self,
        tree: &'b mut Tree,
        layout: Layout<'b>,
        renderer: &iced::Renderer,
        viewport: &Rectangle,
        translation: Vector,
    ) -> Option<overlay::Element<'b, M, Theme, iced::Renderer>> {
        self.content.as_widget_mut().overlay(
            &mut tree.children[0],
            layout,
            renderer,
            viewport,
            translation,
        )
    }
}

/// The focus ring: two pixels just outside the control, in the colour the theme gives focus.
fn ring(renderer: &mut iced::Renderer, theme: &Theme, bounds: Rectangle) {
    use iced::advanced::Renderer as _;
    renderer.fill_quad(
        renderer::Quad {
            bounds: bounds.expand(2.0),
            border: Border {
                color: focus_color(theme),
                width: 2.0,
                radius: 5.0.into(),
            },
            ..renderer::Quad::default()
        },
        Background::Color(Color::TRANSPARENT),
    );
}

/// The focus ring's colour (see `colors`: at least 3:1 against the page and the banner).
pub fn focus_color(theme: &Theme) -> Color {
    super::colors::focus(theme)
}

impl<'a, M: Clone + 'a> From<Focus<'a, M>> for Element<'a, M> {
    fn from(focus: Focus<'a, M>) -> Self {
        Element::new(focus)
    }
}
