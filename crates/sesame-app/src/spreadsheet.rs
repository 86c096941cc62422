//! CSV files as the reader's spreadsheet program opens them: UTF-8 with a byte-order mark (so
//! accents survive), the header in the user's language, and the separator of that language —
//! `;` in French, where the comma is the decimal mark, `,` in English.

use crate::locale::Locale;
use sesame_core::domain::Language;

/// A CSV file: `header` holds text keys, `rows` the cells as shown.
pub fn csv(l: Locale, header: &[&str], rows: impl IntoIterator<Item = Vec<String>>) -> Vec<u8> {
    let mut out = "\u{feff}".as_bytes().to_vec();
    {
        let mut w = csv::WriterBuilder::new()
            .delimiter(separator(l.language))
            .from_writer(&mut out);
        let _ = w.write_record(header.iter().map(|id| l.t(id)));
        for row in rows {
            let _ = w.write_record(row);
        }
        let _ = w.flush();
    }
    out
}

fn separator(language: Language) -> u8 {
    match language {
        Language::Fr => b';',
        Language::En => b',',
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_files_separate_with_semicolons_and_quote_what_needs_it() {
        let fr = Locale::new(Language::Fr);
        let bytes = csv(
            fr,
            &["column-last-name", "column-phone"],
            [vec!["Tremblay; fils".into(), "418 555-0100".into()]],
        );
        let text = String::from_utf8(bytes).unwrap();
        assert_eq!(
            text,
            "\u{feff}Nom;Téléphone\n\"Tremblay; fils\";418 555-0100\n"
        );
        let en = csv(
            Locale::new(Language::En),
            &["column-last-name"],
            [vec!["A, B".into()]],
        );
        assert_eq!(
            String::from_utf8(en).unwrap(),
            "\u{feff}Last name\n\"A, B\"\n"
        );
    }
}
