//! Icons drawn as vector shapes, so that they look the same on every system (an emoji depends
//! on the fonts installed, and shows as an empty box where none has it).

use iced::widget::canvas::{self, Frame, Geometry, LineCap, Path, Stroke};
use iced::{Color, Element, Point, Rectangle, Renderer, Theme, mouse};

/// The shield of an account protected by two-factor authentication: filled, with a tick.
pub fn shield<'a, M: 'a>(color: Color, size: f32) -> Element<'a, M> {
    canvas::Canvas::new(Shield { color })
        .width(size * 0.85)
        .height(size)
        .into()
}

struct Shield {
    color: Color,
}

impl<M> canvas::Program<M> for Shield {
    type State = ();

    fn draw(
        &self,
        _state: &(),
        renderer: &Renderer,
        _theme: &Theme,
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
        frame.fill(&outline, self.color);
        let tick = Path::new(|p| {
            p.move_to(Point::new(w * 0.27, h * 0.5));
            p.line_to(Point::new(w * 0.45, h * 0.68));
            p.line_to(Point::new(w * 0.75, h * 0.32));
        });
        frame.stroke(
            &tick,
            Stroke::default()
                .with_color(Color::WHITE)
                .with_width((w / 7.0).max(1.5))
                .with_line_cap(LineCap::Round),
        );
        vec![frame.into_geometry()]
    }
}
