//! Passwords and tokens from the operating system's secure random source.

use base64::Engine;

/// No 0/O, 1/l/I: a temporary password is read from paper and typed by hand.
const ALPHABET: &[u8] = b"ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

fn random_bytes(n: usize) -> Vec<u8> {
    let mut buf = vec![0u8; n];
    getrandom::fill(&mut buf).expect("the operating system's random source is unavailable");
    buf
}

/// 16 characters in four groups of four (about 93 bits), e.g. `Kq7m-Xp3r-Tz9w-Hd4n`.
pub fn generate_password() -> String {
    groups(4)
}

/// Words in a passphrase: 2,048 words a list, 11 bits each, 88 bits in all.
pub const PASSPHRASE_WORDS: usize = 8;

/// The passphrase that opens a protected PDF: [`PASSPHRASE_WORDS`] words of BIP-39's list in
/// `language` (lists made to be told apart by their first four letters), without accents so
/// that any keyboard types them, joined by dashes: `orange-piscine-valeur-…`. Read from the
/// screen and given through another channel.
pub fn generate_passphrase(language: super::Language) -> String {
    let list = passphrase_words(language);
    let mut words = Vec::with_capacity(PASSPHRASE_WORDS);
    while words.len() < PASSPHRASE_WORDS {
        for pair in random_bytes(32).chunks(2) {
            // 11 bits of 16: a uniform index among 2,048 with no rejection needed.
            let index = (u16::from_le_bytes([pair[0], pair[1]]) & 0x07ff) as usize;
            if words.len() < PASSPHRASE_WORDS {
                words.push(super::fold_for_search(list[index]));
            }
        }
    }
    words.join("-")
}

fn passphrase_words(language: super::Language) -> &'static [&'static str; 2048] {
    match language {
        super::Language::En => bip39::Language::English.word_list(),
        super::Language::Fr => bip39::Language::French.word_list(),
    }
}

/// `n` groups of four characters of [`ALPHABET`], joined by dashes.
fn groups(n: usize) -> String {
    let len = 4 * n;
    let mut chars = Vec::with_capacity(len);
    // Rejection sampling keeps every character equally likely.
    let limit = 256 - (256 % ALPHABET.len());
    while chars.len() < len {
        for b in random_bytes(32) {
            if (b as usize) < limit && chars.len() < len {
                chars.push(ALPHABET[b as usize % ALPHABET.len()] as char);
            }
        }
    }
    chars
        .chunks(4)
        .map(|c| c.iter().collect::<String>())
        .collect::<Vec<_>>()
        .join("-")
}

/// An opaque bearer token (256 bits, URL-safe).
pub fn generate_token() -> String {
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(random_bytes(32))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_have_the_documented_shape_and_differ() {
        let a = generate_password();
        let b = generate_password();
        assert_eq!(a.len(), 19);
        assert_eq!(a.matches('-').count(), 3);
        assert!(a.chars().all(|c| c == '-' || ALPHABET.contains(&(c as u8))));
        assert_ne!(a, b);
    }

    #[test]
    fn passphrases_are_eight_words_of_the_language_worth_88_bits() {
        use crate::domain::{Language, fold_for_search};
        for language in [Language::En, Language::Fr] {
            let list = passphrase_words(language);
            // Folding the accents away must not make two words one: each keeps its 11 bits.
            let folded: std::collections::HashSet<String> =
                list.iter().map(|w| fold_for_search(w)).collect();
            assert_eq!(folded.len(), 2048, "{language:?}");
            let p = generate_passphrase(language);
            let words: Vec<&str> = p.split('-').collect();
            assert_eq!(words.len(), PASSPHRASE_WORDS);
            assert!(
                words.iter().all(|w| folded.contains(*w) && w.is_ascii()),
                "{p}"
            );
            assert_ne!(p, generate_passphrase(language));
        }
        const { assert!(PASSPHRASE_WORDS * 11 >= 80) };
        // The lists differ: a French document gets French words.
        assert!(passphrase_words(Language::Fr).contains(&"abeille"));
        assert!(!passphrase_words(Language::En).contains(&"abeille"));
    }

    #[test]
    fn tokens_are_long_and_distinct() {
        assert!(generate_token().len() >= 43);
        assert_ne!(generate_token(), generate_token());
    }
}

/// The length a password people choose must have, in characters.
pub const PASSWORD_LENGTH: std::ops::RangeInclusive<usize> = 12..=128;

/// Is this a password a person may choose: long enough, not too long, not their user ID?
pub fn acceptable_password(password: &str, user_id: &str) -> bool {
    PASSWORD_LENGTH.contains(&password.chars().count())
        && !password.trim().eq_ignore_ascii_case(user_id.trim())
}

/// Long enough to be worth sending to the server (which decides, with [`acceptable_password`]).
pub fn long_enough_password(password: &str) -> bool {
    password.chars().count() >= *PASSWORD_LENGTH.start()
}

#[cfg(test)]
mod password_policy {
    use super::*;

    #[test]
    fn a_chosen_password_has_12_to_128_characters_and_is_not_the_user_id() {
        assert!(acceptable_password("correct horse", "marie"));
        assert!(
            !acceptable_password("short pass1", "marie"),
            "11 characters"
        );
        assert!(
            acceptable_password("çàéèùïôêëüœ€", "marie"),
            "characters, not bytes"
        );
        assert!(!acceptable_password(&"x".repeat(129), "marie"));
        assert!(!acceptable_password("Marie.Tremblay", "marie.tremblay"));
        assert!(long_enough_password("twelve chars") && !long_enough_password("eleven char"));
    }
}
