//! The window's frame as the renderer draws it, for the checks made on its pixels.

use super::Ui;

impl Ui {
    /// The window's frame as drawn in `theme` (the renderer's own pixels).
    pub fn frame(&mut self, theme: &iced::Theme) -> Frame {
        use iced::advanced::renderer::Headless as _;
        use iced::theme::Base as _;
        let (size, scale) = (self.window.size, self.window.scale);
        self.in_window(|ui, renderer| {
            let base = theme.base();
            // Widgets take the look of their state (focused, hovered) at a redraw, as in the
            // running app.
            let _ = ui.update(
                &[redraw()],
                iced::mouse::Cursor::Unavailable,
                renderer,
                &mut iced::advanced::clipboard::Null,
                &mut vec![],
            );
            ui.draw(
                renderer,
                theme,
                &iced::advanced::renderer::Style {
                    text_color: base.text_color,
                },
                iced::mouse::Cursor::Unavailable,
            );
            let (width, height) = (
                (size.width * scale).round() as u32,
                (size.height * scale).round() as u32,
            );
            let rgba =
                renderer.screenshot(iced::Size::new(width, height), scale, base.background_color);
            Frame {
                rgba,
                width,
                height,
                scale,
            }
        })
    }
}

/// A frame's pixels (RGBA), with the scale that maps the app's units to them.
pub struct Frame {
    pub rgba: Vec<u8>,
    pub width: u32,
    pub height: u32,
    pub scale: f32,
}

impl Frame {
    /// The colour at the point `(x, y)` in the app's units, if it is in the frame.
    pub fn at(&self, x: f32, y: f32) -> Option<[u8; 3]> {
        let (px, py) = ((x * self.scale).floor(), (y * self.scale).floor());
        if px < 0.0 || py < 0.0 || px >= self.width as f32 || py >= self.height as f32 {
            return None;
        }
        let i = 4 * (py as usize * self.width as usize + px as usize);
        Some([self.rgba[i], self.rgba[i + 1], self.rgba[i + 2]])
    }
}

/// The event of a redraw: widgets take the look of their state, and act on what operations
/// told them (a screen reader's press).
pub(super) fn redraw() -> iced::Event {
    iced::Event::Window(iced::window::Event::RedrawRequested(
        iced::time::Instant::now(),
    ))
}
