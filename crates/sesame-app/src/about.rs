//! The application icon (the window's too) and the About dialog: version, licence and the
//! licence of the bundled fonts.

use iced::widget::{column, container, text};
use iced::{Element, Font, Length};

use super::locale::Locale;

/// The 256-pixel icon, rendered from resources/icons/app.sesame.Sesame.svg.
const ICON_PNG: &[u8] = include_bytes!("../../../resources/icons/app.sesame.Sesame-256.png");

/// The DejaVu fonts' licence: the PDF letters embed those fonts.
pub const FONT_LICENCE: &str = include_str!("../../../resources/fonts/LICENSE-DejaVu.txt");

/// The icon decoded to RGBA: (pixels, width, height).
pub fn icon_rgba() -> Option<(Vec<u8>, u32, u32)> {
    let mut decoder = png::Decoder::new(std::io::Cursor::new(ICON_PNG));
    decoder.set_transformations(png::Transformations::EXPAND | png::Transformations::STRIP_16);
    let mut reader = decoder.read_info().ok()?;
    let mut pixels = vec![0; reader.output_buffer_size()?];
    let info = reader.next_frame(&mut pixels).ok()?;
    pixels.truncate(info.buffer_size());
    let rgba = match info.color_type {
        png::ColorType::Rgba => pixels,
        png::ColorType::Rgb => pixels
            .chunks_exact(3)
            .flat_map(|p| [p[0], p[1], p[2], 255])
            .collect(),
        _ => return None,
    };
    Some((rgba, info.width, info.height))
}

/// The window's icon (taskbar, window switcher, title bar where the system shows one).
pub fn window_icon() -> Option<iced::window::Icon> {
    let (rgba, width, height) = icon_rgba()?;
    iced::window::icon::from_rgba(rgba, width, height).ok()
}

/// The body of the About dialog.
pub fn view<'a, M: 'a>(l: Locale) -> Element<'a, M> {
    column![
        text(l.t_with("about-version", &[("version", env!("CARGO_PKG_VERSION"))])).size(15),
        text(l.t("about-purpose")).size(14),
        text(l.t("about-licence")).size(14),
        text(l.t("about-fonts")).size(14),
        container(
            crate::widget::scroll(text(FONT_LICENCE).size(11).font(Font::MONOSPACE))
                .height(Length::Fixed(160.0))
        )
        .padding(8)
        .style(container::rounded_box),
    ]
    .spacing(10)
    .into()
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_icon_decodes_to_256_square_pixels() {
        let (rgba, w, h) = super::icon_rgba().expect("the bundled PNG decodes");
        assert_eq!((w, h), (256, 256));
        assert_eq!(rgba.len(), 256 * 256 * 4);
        assert!(super::window_icon().is_some());
        assert!(super::FONT_LICENCE.contains("Bitstream"));
    }
}
