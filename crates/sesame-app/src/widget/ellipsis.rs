//! A value in a narrow column: when it does not fit, it ends with "…" instead of being cut
//! mid-character, and the pointer over it shows it in full. iced 0.14's text has no ellipsis,
//! so the widget measures the value and finds the longest beginning that fits.

use iced::advanced::layout::{self, Layout};
use iced::advanced::renderer;
use iced::advanced::text::{self as core_text, Paragraph as _, paragraph};
use iced::advanced::widget::{self, Tree, Widget, tree};
use iced::advanced::{Renderer as _, overlay, text::Renderer as _};
use iced::{Border, Color, Element, Length, Pixels, Point, Rectangle, Size, Theme, Vector};
use iced::{alignment, mouse};

use crate::a11y::{Role, Semantic};

type Paragraph = <iced::Renderer as core_text::Renderer>::Paragraph;

pub struct Ellipsis {
    value: String,
    size: f32,
    color: Option<Color>,
}

/// A value shown in the width it is given, ending with "…" when it does not fit.
pub fn ellipsis(value: impl Into<String>, size: f32) -> Ellipsis {
    Ellipsis {
        value: value.into(),
        size,
        color: None,
    }
}

impl Ellipsis {
    pub fn color(mut self, color: Color) -> Self {
        self.color = Some(color);
        self
    }

    fn text<'a>(&self, content: &'a str, renderer: &iced::Renderer) -> core_text::Text<&'a str> {
        core_text::Text {
            content,
            bounds: Size::INFINITE,
            size: Pixels(self.size),
            line_height: core_text::LineHeight::default(),
            font: renderer.default_font(),
            align_x: core_text::Alignment::Left,
            align_y: alignment::Vertical::Top,
            shaping: core_text::Shaping::Advanced,
            wrapping: core_text::Wrapping::None,
        }
    }

    fn width_of(&self, content: &str, renderer: &iced::Renderer) -> f32 {
        Paragraph::with_text(self.text(content, renderer))
            .min_bounds()
            .width
    }

    /// The longest beginning of the value that fits in `room` with "…" after it.
    fn shortened(&self, room: f32, renderer: &iced::Renderer) -> String {
        let ends: Vec<usize> = self.value.char_indices().map(|(i, _)| i).skip(1).collect();
        let (mut low, mut high) = (0, ends.len());
        while low < high {
            let mid = (low + high).div_ceil(2);
            let candidate = format!("{}…", self.value[..ends[mid - 1]].trim_end());
            if self.width_of(&candidate, renderer) <= room {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        match low {
            0 => "…".to_owned(),
            n => format!("{}…", self.value[..ends[n - 1]].trim_end()),
        }
    }
}

#[derive(Default)]
struct State {
    shown: paragraph::Plain<Paragraph>,
    /// What was measured last, so that an unchanged cell costs nothing on the next layout.
    measured: Option<(String, f32)>,
    cut: bool,
    /// The whole value, for the pointer's tooltip.
    whole: paragraph::Plain<Paragraph>,
}

impl<M> Widget<M, Theme, iced::Renderer> for Ellipsis {
    fn tag(&self) -> tree::Tag {
        tree::Tag::of::<State>()
    }

    fn state(&self) -> tree::State {
        tree::State::new(State::default())
    }

    fn size(&self) -> Size<Length> {
        Size::new(Length::Fill, Length::Shrink)
    }

    fn layout(
        &mut self,
        tree: &mut Tree,
        renderer: &iced::Renderer,
        limits: &layout::Limits,
    ) -> layout::Node {
        let state = tree.state.downcast_mut::<State>();
        let room = limits.max().width;
        let key = (self.value.clone(), room);
        if state.measured.as_ref() != Some(&key) {
            let full = self.width_of(&self.value, renderer);
            state.cut = full > room;
            let shown = if state.cut {
                self.shortened(room, renderer)
            } else {
                self.value.clone()
            };
            let _ = state.shown.update(self.text(&shown, renderer));
            let _ = state.whole.update(self.text(&self.value, renderer));
            state.measured = Some(key);
        }
        let height = state.shown.min_bounds().height;
        layout::Node::new(limits.resolve(Length::Fill, Length::Shrink, Size::new(room, height)))
    }

    fn operate(
        &mut self,
        tree: &mut Tree,
        layout: Layout<'_>,
        _renderer: &iced::Renderer,
        operation: &mut dyn widget::Operation,
    ) {
        // Read whole, as the tooltip shows it; the audit learns how much of it is cut (or how
        // much room it leaves).
        let state = tree.state.downcast_ref::<State>();
        let bounds = layout.bounds();
        let mut info = Semantic::new(Role::Label).name(self.value.clone());
        info.cut_by = Some(state.whole.min_bounds().width - bounds.width);
        operation.custom(None, bounds, &mut info);
        // Found by its whole value, as a person reads it in the tooltip.
        operation.text(None, bounds, &self.value);
    }

    fn draw(
        &self,
        tree: &Tree,
        renderer: &mut iced::Renderer,
        _theme: &Theme,
        style: &renderer::Style,
        layout: Layout<'_>,
        _cursor: mouse::Cursor,
        viewport: &Rectangle,
    ) {
        let state = tree.state.downcast_ref::<State>();
        let bounds = layout.bounds();
        let height = state.shown.min_bounds().height;
        renderer.fill_paragraph(
            state.shown.raw(),
            Point::new(bounds.x, bounds.center_y() - height / 2.0),
            self.color.unwrap_or(style.text_color),
            *viewport,
        );
    }

    fn overlay<'b>(
        &'b mut self,
        tree: &'b mut Tree,
        layout: Layout<'b>,
        _renderer: &iced::Renderer,
        _viewport: &Rectangle,
        translation: Vector,
    ) -> Option<overlay::Element<'b, M, Theme, iced::Renderer>> {
        let state = tree.state.downcast_ref::<State>();
        state.cut.then(|| {
            overlay::Element::new(Box::new(Whole {
                paragraph: state.whole.raw(),
                below: layout.bounds() + translation,
            }))
        })
    }
}

/// The whole value, under the cut one while the pointer is over it.
struct Whole<'a> {
    paragraph: &'a Paragraph,
    below: Rectangle,
}

impl<M> overlay::Overlay<M, Theme, iced::Renderer> for Whole<'_> {
    fn layout(&mut self, _renderer: &iced::Renderer, bounds: Size) -> layout::Node {
        let size = self.paragraph.min_bounds().expand([16.0, 8.0]);
        let x = self.below.x.min(bounds.width - size.width).max(0.0);
        let y = self.below.y + self.below.height + 2.0;
        layout::Node::new(size).move_to(Point::new(x, y))
    }

    fn draw(
        &self,
        renderer: &mut iced::Renderer,
        theme: &Theme,
        _style: &renderer::Style,
        layout: Layout<'_>,
        cursor: mouse::Cursor,
    ) {
        // Only while the pointer is over the cut value.
        if !cursor.is_over(self.below) {
            return;
        }
        let bounds = layout.bounds();
        let palette = theme.extended_palette();
        renderer.with_layer(bounds, |renderer| {
            renderer.fill_quad(
                renderer::Quad {
                    bounds,
                    border: Border {
                        color: palette.background.strong.color,
                        width: 1.0,
                        radius: 4.0.into(),
                    },
                    ..renderer::Quad::default()
                },
                palette.background.base.color,
            );
            renderer.fill_paragraph(
                self.paragraph,
                Point::new(bounds.x + 8.0, bounds.y + 4.0),
                palette.background.base.text,
                bounds,
            );
        });
    }
}

impl<'a, M: 'a> From<Ellipsis> for Element<'a, M> {
    fn from(e: Ellipsis) -> Self {
        Element::new(e)
    }
}
