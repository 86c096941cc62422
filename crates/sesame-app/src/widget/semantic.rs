//! A widget says what it is to the screen reader and the audit: `semantic(info, content)`
//! draws `content` unchanged and reports `info` (a role, a name, a state) before it, so that
//! what `content` holds is read as its children.

use iced::advanced::input_method;
use iced::advanced::layout::{self, Layout};
use iced::advanced::renderer;
use iced::advanced::widget::{self, Operation, Tree, Widget, tree};
use iced::advanced::{Clipboard, Shell, overlay};
use iced::{Element, Event, Length, Rectangle, Size, Theme, Vector, mouse};

use crate::a11y::{Role, Semantic};

pub struct Semantics<'a, M> {
    content: Element<'a, M>,
    info: Semantic,
    id: Option<widget::Id>,
}

/// `content`, reported as `info`.
pub fn semantic<'a, M: 'a>(info: Semantic, content: impl Into<Element<'a, M>>) -> Semantics<'a, M> {
    Semantics {
        content: content.into(),
        info,
        id: None,
    }
}

/// `content` as a node of `role` named `name`.
pub fn role<'a, M: 'a>(
    role: Role,
    name: impl Into<String>,
    content: impl Into<Element<'a, M>>,
) -> Element<'a, M> {
    semantic(Semantic::new(role).name(name), content).into()
}

/// `content` as a node of `role`, named by the texts it holds.
pub fn part<'a, M: 'a>(role: Role, content: impl Into<Element<'a, M>>) -> Element<'a, M> {
    semantic(Semantic::new(role), content).into()
}

impl<'a, M> Semantics<'a, M> {
    pub fn id(mut self, id: impl Into<widget::Id>) -> Self {
        self.id = Some(id.into());
        self
    }
}

/// What the wrapper keeps between frames: text the screen reader set, to type on the next event.
#[derive(Default)]
struct Pending(Option<String>);

impl<'a, M: 'a> Widget<M, Theme, iced::Renderer> for Semantics<'a, M> {
    fn tag(&self) -> tree::Tag {
        tree::Tag::of::<Pending>()
    }

    fn state(&self) -> tree::State {
        tree::State::new(Pending::default())
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

    fn size_hint(&self) -> Size<Length> {
        self.content.as_widget().size_hint()
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
        operation.custom(self.id.as_ref(), layout.bounds(), &mut self.info);
        // Kept with the widget's state: the view may be built again before the next event.
        if let Some(text) = self.info.fill.take() {
            tree.state.downcast_mut::<Pending>().0 = Some(text);
        }
        operation.traverse(&mut |operation| {
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
        let content = self.content.as_widget_mut();
        let inner = &mut tree.children[0];
        // The screen reader set the field's text: it replaces what the field holds, as if
        // typed (the field was focused first), so the screen hears of it as of any typing.
        if let Some(text) = tree.state.downcast_mut::<Pending>().0.take() {
            content.operate(inner, layout, renderer, &mut SelectAll);
            let typed = Event::InputMethod(input_method::Event::Commit(text));
            content.update(
                inner, &typed, layout, cursor, renderer, clipboard, shell, viewport,
            );
        }
        content.update(
            inner, event, layout, cursor, renderer, clipboard, shell, viewport,
        );
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

/// Selects the whole text of the fields it visits (what typing then replaces).
struct SelectAll;

impl Operation for SelectAll {
    fn traverse(&mut self, operate: &mut dyn FnMut(&mut dyn Operation)) {
        operate(self);
    }

    fn text_input(
        &mut self,
        _id: Option<&widget::Id>,
        _bounds: Rectangle,
        state: &mut dyn widget::operation::TextInput,
    ) {
        state.select_all();
    }
}

impl<'a, M: 'a> From<Semantics<'a, M>> for Element<'a, M> {
    fn from(s: Semantics<'a, M>) -> Self {
        Element::new(s)
    }
}

/// A text field named `name` for a screen reader (one whose words show only as its
/// placeholder), holding `value`.
pub fn input<'a, M: 'a>(
    name: String,
    value: &str,
    field: impl Into<Element<'a, M>>,
) -> Element<'a, M> {
    let mut info = Semantic::new(Role::TextInput).name(name);
    info.value = Some(value.to_owned());
    semantic(info, field).into()
}
