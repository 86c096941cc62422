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

/// The passphrase that opens a protected PDF: 20 characters in five groups of four (about
/// 117 bits), read from the screen and given through another channel.
pub fn generate_passphrase() -> String {
    groups(5)
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
