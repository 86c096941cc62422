//! A list that renders only the rows in view: iced 0.14 has no virtualized list, and building
//! 100,000 rows per frame would take seconds. The scrollable holds a spacer above and below the
//! visible slice, so its scrollbar still measures the whole list.

use iced::widget::{Column, column, scrollable, space};
use iced::{Element, Length};

/// What the list knows of its viewport, kept by the screen that owns it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Window {
    pub offset: f32,
    pub height: f32,
}

impl Default for Window {
    fn default() -> Self {
        // Before the first scroll event, assume a tall window: a few rows too many cost nothing.
        Window {
            offset: 0.0,
            height: 1200.0,
        }
    }
}

impl Window {
    pub fn from_viewport(v: scrollable::Viewport) -> Window {
        Window {
            offset: v.absolute_offset().y,
            height: v.bounds().height,
        }
    }

    /// The rows to render: those in view, plus a few on each side for smooth scrolling.
    pub fn slice(&self, rows: usize, row_height: f32) -> std::ops::Range<usize> {
        let first = (self.offset / row_height).floor().max(0.0) as usize;
        let count = (self.height / row_height).ceil() as usize + 1;
        let start = first.saturating_sub(5).min(rows);
        let end = (first + count + 5).min(rows);
        start..end
    }
}

/// The scrollable list: `row(i)` builds row `i`; only the visible slice is built.
pub fn view<'a, M: 'a>(
    id: &'static str,
    rows: usize,
    row_height: f32,
    window: Window,
    row: impl Fn(usize) -> Element<'a, M>,
    on_scroll: impl Fn(scrollable::Viewport) -> M + 'a,
) -> Element<'a, M> {
    let range = window.slice(rows, row_height);
    let above = range.start as f32 * row_height;
    let below = (rows - range.end) as f32 * row_height;
    let items: Column<'a, M> = range
        .clone()
        .fold(column![space().height(above)], |c, i| c.push(row(i)));
    scrollable(items.push(space().height(below)).width(Length::Fill))
        .id(id)
        .on_scroll(on_scroll)
        .height(Length::Fill)
        .into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_rows_in_view_are_built() {
        let w = Window {
            offset: 36_000.0,
            height: 720.0,
        };
        let r = w.slice(100_000, 36.0);
        assert_eq!(r, 995..1026);
        assert!(r.len() < 40);
        assert_eq!(
            Window {
                offset: 0.0,
                height: 720.0
            }
            .slice(10, 36.0),
            0..10
        );
        assert_eq!(
            Window {
                offset: 1e9,
                height: 720.0
            }
            .slice(10, 36.0),
            10..10
        );
    }
}
