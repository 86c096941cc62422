//! How a server's certificate is named to people: its SHA-256 fingerprint, 32 pairs of
//! hexadecimal digits separated by colons (as browsers and OpenSSL print it). The server prints
//! it for its administrator; the app shows it to the person who compares the two.

use sha2::{Digest, Sha256};

/// The fingerprint of a certificate (DER).
pub fn fingerprint(der: &[u8]) -> String {
    Sha256::digest(der)
        .iter()
        .map(|b| format!("{b:02X}"))
        .collect::<Vec<_>>()
        .join(":")
}

#[cfg(test)]
mod tests {
    #[test]
    fn reads_as_openssl_prints_it() {
        // SHA-256 of the empty input.
        assert_eq!(
            super::fingerprint(b""),
            "E3:B0:C4:42:98:FC:1C:14:9A:FB:F4:C8:99:6F:B9:24:27:AE:41:E4:64:9B:93:4C:A4:95:99:1B:78:52:B8:55"
        );
    }
}
