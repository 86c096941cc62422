//! Icons drawn as vector shapes, so that they look the same on every system (an emoji depends
//! on the fonts installed, and shows as an empty box where none has it).

use iced::widget::canvas::{self, Frame, Geometry, LineCap, Path, Stroke};
use iced::{Element, Point, Rectangle, Renderer, Theme, mouse};

/// The shield of an account protected by two-factor authentication: filled, with a tick, in
/// the theme's colour for what is protected.
pub fn shield<'a, M: 'a>(size: f32) -> Element<'a, M> {
    canvas::Canvas::new(Shield)
        .width(size * 0.85)
        .height(size)
        .into()
}

struct Shield;

impl<M> canvas::Program<M> for Shield {
    type State = ();

    fn draw(
        &self,
        _state: &(),
        renderer: &Renderer,
        theme: &Theme,
        bounds: Rectangle,
        _cursor: mouse::Cursor,
    ) -> Vec<Geometry> {
        let mut frame = Frame::new(renderer, bounds.size());
        let (w, h) = (bounds.width, bounds.height);
        let outline = Path::new(|p| {
            p.move_to(Point::new(w / 2.0, 0.0));
            p.line_to(Point::new(w, h * 0.18));
            p.line_to(Point::new(w, h * 0.48));
            p.quadratic_curve_to(Point::new(w, h * 0.85), Point::new(w / 2.0, h));
            p.quadratic_curve_to(Point::new(0.0, h * 0.85), Point::new(0.0, h * 0.48));
            p.line_to(Point::new(0.0, h * 0.18));
            p.close();
        });
        let color = super::colors::success_text(theme);
        frame.fill(&outline, color);
        let tick = Path::new(|p| {
            p.move_to(Point::new(w * 0.27, h * 0.5));
            p.line_to(Point::new(w * 0.45, h * 0.68));
            p.line_to(Point::new(w * 0.75, h * 0.32));
        });
        frame.stroke(
            &tick,
            Stroke::default()
                .with_color(theme.extended_palette().background.base.color)
                .with_width((w / 7.0).max(1.5))
                .with_line_cap(LineCap::Round),
        );
        vec![frame.into_geometry()]
    }
}
