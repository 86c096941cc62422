//! The one folding of text for search and sorting, used by the server's index, the server's
//! queries and the app's own search, so that all three agree on what matches.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Lowercase, accents removed, every Latin script: "Nguyễn Thị Đào", "Işıl", "Łukasiewicz"
/// and "nguyen thi dao", "isil", "lukasiewicz" find each other.
///
/// Compatibility decomposition (NFKD) splits a letter from its marks (é, ș, ơ, İ) and undoes
/// ligatures and width variants (ﬁ, ｆ); the marks are dropped. Letters with no decomposition
/// (ł, ø, æ, œ, ß, đ, ı, þ, …) are mapped by [`undecomposed`].
pub fn fold_for_search(text: &str) -> String {
    // Most user IDs and emails are ASCII: spare them the decomposition.
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(text.len());
    for c in text.nfkd().filter(|c| !is_combining_mark(*c)) {
        for c in c.to_lowercase() {
            match undecomposed(c) {
                Some(s) => out.push_str(s),
                None => out.push(c),
            }
        }
    }
    out
}

/// The lowercase letters that Unicode does not decompose into a base letter and marks, written
/// as a reader without the letter on their keyboard would type them; and the typographic
/// apostrophe and hyphens, which names carry as often as their plain forms.
fn undecomposed(c: char) -> Option<&'static str> {
    Some(match c {
        'ł' | 'ŀ' | 'ƚ' => "l",
        'ø' | 'ǿ' | 'ɔ' => "o",
        'æ' | 'ǽ' => "ae",
        'œ' => "oe",
        'ß' => "ss",
        'đ' | 'ð' | 'ɖ' => "d",
        'ı' | 'ɨ' => "i",
        'þ' => "th",
        'ħ' => "h",
        'ŧ' => "t",
        'ŋ' => "n",
        'ƀ' => "b",
        'ǥ' => "g",
        'ʉ' => "u",
        'ƶ' => "z",
        'ɛ' => "e",
        '\u{2019}' | '\u{2018}' | '\u{02bc}' => "'",
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' => "-",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::fold_for_search as fold;

    #[test]
    fn french() {
        assert_eq!(fold("Éloïse Côté-Lætitia"), "eloise cote-laetitia");
        assert_eq!(fold("Cœur d’Œuvre Ça"), "coeur d'oeuvre ca");
    }

    #[test]
    fn vietnamese() {
        assert_eq!(fold("Nguyễn Thị Ánh Đào"), "nguyen thi anh dao");
        assert_eq!(fold("Trương Phạm Hồ Ngọc Ư"), "truong pham ho ngoc u");
    }

    #[test]
    fn turkish_and_azerbaijani() {
        assert_eq!(fold("Işıl Şahin Öztürk"), "isil sahin ozturk");
        assert_eq!(fold("İNCE Iğdır ĞÜ"), "ince igdir gu");
    }

    #[test]
    fn polish() {
        assert_eq!(
            fold("Łukasz Wałęsa Żółć Źdźbło"),
            "lukasz walesa zolc zdzblo"
        );
    }

    #[test]
    fn nordic_and_icelandic() {
        assert_eq!(fold("Søren Ærø Åsa Øvergård"), "soren aero asa overgard");
        assert_eq!(fold("Þórður Guðmundsson"), "thordur gudmundsson");
    }

    #[test]
    fn german() {
        assert_eq!(fold("Straße Müller GROẞ"), "strasse muller gross");
    }

    #[test]
    fn croatian_serbian_slovenian() {
        assert_eq!(
            fold("Đurđević Šimić Čačić Ćosić Žnidaršič"),
            "durdevic simic cacic cosic znidarsic"
        );
    }

    #[test]
    fn romanian_comma_and_cedilla() {
        assert_eq!(fold("Ștefan Țiriac Ăă Îî Ââ"), "stefan tiriac aa ii aa");
        // The older cedilla forms, still common in typed data.
        assert_eq!(fold("Şerban Ţepeş"), "serban tepes");
    }

    #[test]
    fn czech_slovak_hungarian() {
        assert_eq!(fold("Dvořák Šťastný Ľubomír Ĺ"), "dvorak stastny lubomir l");
        assert_eq!(fold("Erdős Győző Ű"), "erdos gyozo u");
    }

    #[test]
    fn baltic_maltese_and_spanish() {
        assert_eq!(
            fold("Ąžuolas Žemaitė Ģirts Ķēniņš"),
            "azuolas zemaite girts kenins"
        );
        assert_eq!(fold("Ħal Ġużè Ċ"), "hal guze c");
        assert_eq!(
            fold("Núñez Zoë Łukasiewicz-Ñúñez"),
            "nunez zoe lukasiewicz-nunez"
        );
    }

    #[test]
    fn ligatures_and_wide_forms_are_plain_letters() {
        assert_eq!(fold("ﬁnn Ｓｅｓａｍｅ"), "finn sesame");
    }

    #[test]
    fn other_scripts_are_lowercased_and_kept() {
        assert_eq!(fold("Ελένη"), "ελενη");
        assert_eq!(fold("Борис"), "борис");
    }

    #[test]
    fn folding_is_stable() {
        for text in ["Nguyễn Đào", "Işıl", "Straße", "Ærø", "Ștefan", "ﬁnn"] {
            assert_eq!(fold(&fold(text)), fold(text), "{text}");
        }
    }
}
