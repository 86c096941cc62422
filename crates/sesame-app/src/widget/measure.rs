//! How wide a text is drawn, measured as the renderer lays it out: what a layout shares out
//! (the follow-up's columns) and what the audit checks texts against.

/// How wide `text` is drawn at `size` in the app's font (a value is measured once).
pub fn text_width(text: &str, size: f32) -> f32 {
    use iced::advanced::text::{self as core_text, Paragraph as _};
    type Paragraph = <iced::Renderer as core_text::Renderer>::Paragraph;
    thread_local! {
        static MEASURED: std::cell::RefCell<std::collections::HashMap<(String, u32), f32>> =
            Default::default();
    }
    let key = (text.to_owned(), size.to_bits());
    if let Some(w) = MEASURED.with_borrow(|m| m.get(&key).copied()) {
        return w;
    }
    let width = Paragraph::with_text(core_text::Text {
        content: text,
        bounds: iced::Size::INFINITE,
        size: iced::Pixels(size),
        line_height: core_text::LineHeight::default(),
        font: iced::Font::DEFAULT,
        align_x: core_text::Alignment::Left,
        align_y: iced::alignment::Vertical::Top,
        shaping: core_text::Shaping::Advanced,
        wrapping: core_text::Wrapping::None,
    })
    .min_bounds()
    .width;
    MEASURED.with_borrow_mut(|m| {
        // A long session scrolls through many values: keep the memory bounded.
        if m.len() > 20_000 {
            m.clear();
        }
        m.insert(key, width);
    });
    width
}
