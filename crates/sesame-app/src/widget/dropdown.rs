//! A drop-down list that the keyboard drives as well as the mouse. iced's pick list opens only
//! under the pointer and its open list ignores keys; this one, once open (a click, or Space or
//! F4 through `Focus`), moves its highlight with the arrows, Home and End or the first letter
//! of a value, takes the highlighted value with Enter or Space, and closes with Esc or Tab.

use iced::advanced::layout::{self, Layout};
use iced::advanced::text::{self, Paragraph as _, Renderer as _, Text};
use iced::advanced::widget::{Tree, Widget, tree};
use iced::advanced::{Clipboard, Shell, overlay, renderer};
use iced::keyboard::{self, Key, key::Named};
use iced::widget::overlay::menu::{self, Menu};
use iced::{
    Border, Color, Element, Event, Length, Padding, Pixels, Point, Rectangle, Size, Theme, Vector,
};
use iced::{alignment, mouse, touch};

const TEXT_SIZE: f32 = 14.0;
const PADDING: Padding = Padding {
    top: 5.0,
    right: 10.0,
    bottom: 5.0,
    left: 10.0,
};

type Paragraph = <iced::Renderer as text::Renderer>::Paragraph;

thread_local! {
    /// Set when Esc closed an open list, so that the same key does not also cancel the screen.
    static ESCAPE_TAKEN: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Whether the last Esc only closed an open list (asking clears it). The app's shortcuts see
/// every key after the widgets did, and text fields take Esc too, so "captured" cannot tell.
pub fn escape_taken() -> bool {
    ESCAPE_TAKEN.replace(false)
}

/// Whether the drop-down whose widget state is `tree` shows its list (`None`: not a
/// drop-down): what a screen reader hears as "expanded".
pub fn is_open(tree: &Tree) -> Option<bool> {
    (tree.tag == tree::Tag::of::<State>()).then(|| tree.state.downcast_ref::<State>().open)
}

pub struct Dropdown<'a, T, M> {
    options: Vec<T>,
    selected: Option<T>,
    placeholder: String,
    on_select: Box<dyn Fn(T) -> M + 'a>,
    menu_class: <Theme as menu::Catalog>::Class<'a>,
}

#[derive(Default)]
struct State {
    open: bool,
    /// The highlighted value of the open list (the pointer's or the arrows').
    hovered: Option<usize>,
    menu: menu::State,
    /// Whether it was drawn lit (hovered or open), to redraw when that changes.
    last_lit: Option<bool>,
}

impl<'a, T, M> Dropdown<'a, T, M>
where
    T: ToString + PartialEq + Clone + 'a,
{
    pub fn new(
        options: Vec<T>,
        selected: Option<T>,
        placeholder: String,
        on_select: impl Fn(T) -> M + 'a,
    ) -> Self {
        Dropdown {
            options,
            selected,
            placeholder,
            on_select: Box::new(on_select),
            menu_class: <Theme as menu::Catalog>::default(),
        }
    }

    fn selected_index(&self) -> Option<usize> {
        let selected = self.selected.as_ref()?;
        self.options.iter().position(|o| o == selected)
    }

    /// What a key does to the open list; `None` leaves the key to others.
    fn key(&self, state: &mut State, key: &Key, typed: Option<&str>) -> Option<Option<M>> {
        let last = self.options.len().checked_sub(1)?;
        let at = state.hovered.filter(|i| *i <= last);
        let to = |i: usize| Some(i.min(last));
        match key.as_ref() {
            Key::Named(Named::ArrowDown) => state.hovered = at.map_or(Some(0), |i| to(i + 1)),
            Key::Named(Named::ArrowUp) => {
                state.hovered = at.map_or(Some(last), |i| to(i.saturating_sub(1)))
            }
            Key::Named(Named::Home | Named::PageUp) => state.hovered = Some(0),
            Key::Named(Named::End | Named::PageDown) => state.hovered = Some(last),
            Key::Named(Named::Enter | Named::Space) => {
                state.open = false;
                return Some(
                    at.and_then(|i| self.options.get(i))
                        .cloned()
                        .map(&self.on_select),
                );
            }
            Key::Named(Named::Escape) => {
                state.open = false;
                ESCAPE_TAKEN.set(true);
            }
            Key::Named(Named::Tab) => {
                state.open = false;
                return None;
            }
            _ => state.hovered = self.starting_with(typed?, at).or(state.hovered),
        }
        Some(None)
    }

    /// The next value after `from` whose label starts with `typed`, ignoring case.
    fn starting_with(&self, typed: &str, from: Option<usize>) -> Option<usize> {
        let typed = typed.trim().to_lowercase();
        if typed.is_empty() {
            return None;
        }
        let n = self.options.len();
        let start = from.map_or(0, |i| i + 1);
        (0..n).map(|k| (start + k) % n).find(|&i| {
            self.options[i]
                .to_string()
                .to_lowercase()
                .starts_with(&typed)
        })
    }

    fn label(&self) -> (String, bool) {
        match &self.selected {
            Some(s) => (s.to_string(), true),
            None => (self.placeholder.clone(), false),
        }
    }
}

fn line(content: &str, font: iced::Font) -> Text<&str> {
    Text {
        content,
        bounds: Size::new(f32::INFINITY, f32::INFINITY),
        size: Pixels(TEXT_SIZE),
        line_height: text::LineHeight::default(),
        font,
        align_x: text::Alignment::Default,
        align_y: alignment::Vertical::Center,
        shaping: text::Shaping::Advanced,
        wrapping: text::Wrapping::None,
    }
}

impl<'a, T, M> Widget<M, Theme, iced::Renderer> for Dropdown<'a, T, M>
where
    T: ToString + PartialEq + Clone + 'a,
    M: Clone + 'a,
{
    fn tag(&self) -> tree::Tag {
        tree::Tag::of::<State>()
    }

    fn state(&self) -> tree::State {
        tree::State::new(State::default())
    }

    fn size(&self) -> Size<Length> {
        Size::new(Length::Shrink, Length::Shrink)
    }

    fn layout(
        &mut self,
        _tree: &mut Tree,
        renderer: &iced::Renderer,
        limits: &layout::Limits,
    ) -> layout::Node {
        let font = renderer.default_font();
        // As wide as the longest value, so that no choice is ever cut; the arrow after it.
        let widest = self
            .options
            .iter()
            .map(ToString::to_string)
            .chain(std::iter::once(self.placeholder.clone()))
            .map(|label| Paragraph::with_text(line(&label, font)).min_width())
            .fold(0.0, f32::max);
        let height = text::LineHeight::default().to_absolute(Pixels(TEXT_SIZE)).0;
        let intrinsic = Size::new(widest.ceil() + TEXT_SIZE + PADDING.left, height);
        layout::Node::new(
            limits
                .shrink(PADDING)
                .resolve(Length::Shrink, Length::Shrink, intrinsic)
                .expand(PADDING),
        )
    }

    fn update(
        &mut self,
        tree: &mut Tree,
        event: &Event,
        layout: Layout<'_>,
        cursor: mouse::Cursor,
        _renderer: &iced::Renderer,
        _clipboard: &mut dyn Clipboard,
        shell: &mut Shell<'_, M>,
        _viewport: &Rectangle,
    ) {
        let selected = self.selected_index();
        let state = tree.state.downcast_mut::<State>();
        match event {
            Event::Mouse(mouse::Event::ButtonPressed(mouse::Button::Left))
            | Event::Touch(touch::Event::FingerPressed { .. }) => {
                // A click the open list did not take landed outside it: it closes.
                if state.open {
                    state.open = false;
                    shell.capture_event();
                } else if cursor.is_over(layout.bounds()) {
                    state.open = true;
                    state.hovered = selected;
                    shell.capture_event();
                }
            }
            Event::Keyboard(keyboard::Event::KeyPressed {
                key,
                text,
                modifiers,
                ..
            }) if state.open && !modifiers.command() => {
                if let Some(chosen) = self.key(state, key, text.as_deref()) {
                    if let Some(message) = chosen {
                        shell.publish(message);
                    }
                    shell.capture_event();
                    shell.request_redraw();
                }
            }
            _ => {}
        }
        let state = tree.state.downcast_mut::<State>();
        let lit = state.open || cursor.is_over(layout.bounds());
        if let Event::Window(iced::window::Event::RedrawRequested(_)) = event {
            state.last_lit = Some(lit);
        } else if state.last_lit.is_some_and(|last| last != lit) {
            shell.request_redraw();
        }
    }

    fn mouse_interaction(
        &self,
        _tree: &Tree,
        layout: Layout<'_>,
        cursor: mouse::Cursor,
        _viewport: &Rectangle,
        _renderer: &iced::Renderer,
    ) -> mouse::Interaction {
        if cursor.is_over(layout.bounds()) {
            mouse::Interaction::Pointer
        } else {
            mouse::Interaction::default()
        }
    }

    fn draw(
        &self,
        tree: &Tree,
        renderer: &mut iced::Renderer,
        theme: &Theme,
        _style: &renderer::Style,
        layout: Layout<'_>,
        cursor: mouse::Cursor,
        viewport: &Rectangle,
    ) {
        use iced::advanced::Renderer as _;
        let state = tree.state.downcast_ref::<State>();
        let bounds = layout.bounds();
        let look = look(theme, state.open || cursor.is_over(bounds));
        renderer.fill_quad(
            renderer::Quad {
                bounds,
                border: Border {
                    color: look.border,
                    width: 1.0,
                    radius: 2.0.into(),
                },
                ..renderer::Quad::default()
            },
            look.background,
        );
        let font = renderer.default_font();
        let arrow = iced::Renderer::ARROW_DOWN_ICON.to_string();
        let at_right = Point::new(bounds.x + bounds.width - PADDING.right, bounds.center_y());
        renderer.fill_text(
            Text {
                font: iced::Renderer::ICON_FONT,
                align_x: text::Alignment::Right,
                shaping: text::Shaping::Basic,
                bounds: Size::new(bounds.width, bounds.height),
                ..line(&arrow, font)
            }
            .with_content(arrow.clone()),
            at_right,
            look.text,
            *viewport,
        );
        let (label, chosen) = self.label();
        renderer.fill_text(
            Text {
                bounds: Size::new(bounds.width - PADDING.x(), bounds.height),
                ..line(&label, font)
            }
            .with_content(label.clone()),
            Point::new(bounds.x + PADDING.left, bounds.center_y()),
            if chosen { look.text } else { look.placeholder },
            *viewport,
        );
    }

    fn overlay<'b>(
        &'b mut self,
        tree: &'b mut Tree,
        layout: Layout<'b>,
        _renderer: &iced::Renderer,
        viewport: &Rectangle,
        translation: Vector,
    ) -> Option<overlay::Element<'b, M, Theme, iced::Renderer>> {
        let state = tree.state.downcast_mut::<State>();
        if !state.open {
            return None;
        }
        let bounds = layout.bounds();
        let on_select = &self.on_select;
        let open = &mut state.open;
        let menu = Menu::new(
            &mut state.menu,
            &self.options,
            &mut state.hovered,
            move |option| {
                *open = false;
                on_select(option)
            },
            None,
            &self.menu_class,
        )
        .width(bounds.width)
        .padding(PADDING)
        .text_size(TEXT_SIZE)
        .text_shaping(text::Shaping::Advanced);
        Some(menu.overlay(
            layout.position() + translation,
            *viewport,
            bounds.height,
            Length::Shrink,
        ))
    }
}

/// How the closed drop-down is drawn: iced's pick list look, with a placeholder that reads
/// (checked with every text colour in `colors`' tests).
pub struct Look {
    pub text: Color,
    pub placeholder: Color,
    pub background: Color,
    pub border: Color,
}

/// The drop-down's colours in `theme`; `lit` when hovered or open (its border then shows it).
pub fn look(theme: &Theme, lit: bool) -> Look {
    let p = theme.extended_palette();
    Look {
        text: p.background.weak.text,
        // The muted grey falls just under 4.5:1 on this background: the placeholder is a
        // sentence ("Choose…") in the text colour.
        placeholder: p.background.weak.text,
        background: p.background.weak.color,
        border: if lit {
            p.primary.strong.color
        } else {
            p.background.strong.color
        },
    }
}

impl<'a, T, M> From<Dropdown<'a, T, M>> for Element<'a, M>
where
    T: ToString + PartialEq + Clone + 'a,
    M: Clone + 'a,
{
    fn from(dropdown: Dropdown<'a, T, M>) -> Self {
        Element::new(dropdown)
    }
}
