//! Tab moves the focus, and the page scrolls so that the focused control can be seen: iced
//! moves the focus only, which leaves a keyboard user typing into a field below the window's
//! edge (at 200 % scale, on a 700-pixel screen, most forms are taller than the window).

use iced::Rectangle;
use iced::Task;
use iced::advanced::widget::Id;
use iced::advanced::widget::operation::{Focusable, Operation, Outcome, Scrollable};
use iced::widget::scrollable::AbsoluteOffset;

/// Room kept between the focused control and the scrolled area's edge.
const MARGIN: f32 = 16.0;

/// The focus to the next control (Tab), brought into view: within the open dialog, if any.
pub fn focus_next<T: Send + 'static>() -> Task<T> {
    crate::a11y::focus::step(false)
}

/// The focus to the previous control (Shift+Tab), brought into view.
pub fn focus_previous<T: Send + 'static>() -> Task<T> {
    crate::a11y::focus::step(true)
}

/// The focus to the control `id`, brought into view.
pub fn focus<T: Send + 'static>(id: impl Into<iced::widget::Id>) -> Task<T> {
    iced::widget::operation::focus(id).chain(reveal_focused())
}

/// Scrolls the innermost scrollable area holding the focused control just enough to show it.
pub fn reveal_focused<T: Send + 'static>() -> Task<T> {
    iced::advanced::widget::operate(Find::default())
}

/// [`reveal_focused`] as an operation, to chain after one that moves the focus.
pub fn reveal_operation<T: Send + 'static>() -> Box<dyn Operation<T>> {
    Box::new(Find::default())
}

/// Scrolls the innermost scrollable area holding the container `id` just enough to show it
/// (what just appeared under the field being typed in, such as search results).
pub fn show<T: Send + 'static>(id: impl Into<Id>) -> Task<T> {
    iced::advanced::widget::operate(Find {
        container: Some(id.into()),
        ..Find::default()
    })
}

/// Scrolls the areas around the text of rank `n` (among the texts operations visit) to show
/// it: what the screen reader reads without moving the focus.
pub fn show_text<T: Send + 'static>(n: usize) -> Task<T> {
    iced::advanced::widget::operate(Find {
        text: Some(n),
        ..Find::default()
    })
}

/// Where the focused control is: the scrollable area around it (its rank among the areas, in
/// the order operations meet them) and the offset that shows it.
#[derive(Debug, Clone, Copy)]
struct Target {
    rank: usize,
    offset: f32,
}

#[derive(Debug, Clone, Copy)]
struct Area {
    rank: usize,
    bounds: Rectangle,
    content: Rectangle,
    scrolled: f32,
}

#[derive(Default)]
struct Find {
    /// The container to show; `None`: the focused control (or the text below).
    container: Option<Id>,
    /// The text to show, by its rank among the texts visited.
    text: Option<usize>,
    texts: usize,
    areas: usize,
    /// The scrollable areas around the widget being visited, innermost last.
    around: Vec<Area>,
    /// An area met by `scrollable`, entered by the `traverse` that follows it.
    entering: Option<Area>,
    /// What to scroll, innermost first.
    targets: Vec<Target>,
}

impl<T: Send + 'static> Operation<T> for Find {
    fn traverse(&mut self, operate: &mut dyn FnMut(&mut dyn Operation<T>)) {
        let entered = self.entering.take();
        if let Some(area) = entered {
            self.around.push(area);
        }
        operate(self);
        if entered.is_some() {
            self.around.pop();
        }
    }

    fn scrollable(
        &mut self,
        _id: Option<&Id>,
        bounds: Rectangle,
        content: Rectangle,
        translation: iced::Vector,
        _state: &mut dyn Scrollable,
    ) {
        self.entering = Some(Area {
            rank: self.areas,
            bounds,
            content,
            scrolled: translation.y,
        });
        self.areas += 1;
    }

    fn container(&mut self, id: Option<&Id>, bounds: Rectangle) {
        if self.container.is_some() && id == self.container.as_ref() {
            self.aim(bounds);
        }
    }

    fn text(&mut self, _id: Option<&Id>, bounds: Rectangle, _text: &str) {
        if self.text == Some(self.texts) {
            self.aim(bounds);
        }
        self.texts += 1;
    }

    fn focusable(&mut self, _id: Option<&Id>, bounds: Rectangle, state: &mut dyn Focusable) {
        if self.container.is_none() && self.text.is_none() && state.is_focused() {
            self.aim(bounds);
        }
    }

    fn finish(&self) -> Outcome<T> {
        if self.targets.is_empty() {
            return Outcome::None;
        }
        Outcome::Chain(Box::new(Scroll {
            targets: self.targets.clone(),
            areas: 0,
        }))
    }
}

impl Find {
    /// The offsets of the areas around `bounds` that show them, innermost first: a row in a
    /// list that is itself in a page that scrolls (a small window) brings both along.
    fn aim(&mut self, bounds: Rectangle) {
        // Where the control is drawn in the frame of the area being considered.
        let mut y = bounds.y;
        for area in self.around.iter().rev() {
            // The control's place in the area's content, and what the area shows of it now.
            let top = y - area.content.y;
            let bottom = top + bounds.height;
            let (shown_top, shown_bottom) = (area.scrolled, area.scrolled + area.bounds.height);
            let offset = if top - MARGIN < shown_top {
                Some((top - MARGIN).max(0.0))
            } else if bottom + MARGIN > shown_bottom {
                Some(bottom + MARGIN - area.bounds.height)
            } else {
                None
            };
            if let Some(offset) = offset {
                self.targets.push(Target {
                    rank: area.rank,
                    offset,
                });
            }
            y -= offset.unwrap_or(area.scrolled);
        }
    }
}

/// Scrolls each area of the targets' ranks to its offset.
struct Scroll {
    targets: Vec<Target>,
    areas: usize,
}

impl<T: Send + 'static> Operation<T> for Scroll {
    fn traverse(&mut self, operate: &mut dyn FnMut(&mut dyn Operation<T>)) {
        operate(self);
    }

    fn scrollable(
        &mut self,
        _id: Option<&Id>,
        _bounds: Rectangle,
        _content: Rectangle,
        _translation: iced::Vector,
        state: &mut dyn Scrollable,
    ) {
        if let Some(target) = self.targets.iter().find(|t| t.rank == self.areas) {
            state.scroll_to(AbsoluteOffset {
                x: None,
                y: Some(target.offset),
            });
        }
        self.areas += 1;
    }
}
