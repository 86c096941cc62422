//! Field checks and the derived forms of names used for search and sorting.

use serde::{Deserialize, Serialize};

use super::folding::fold_for_search;

/// A refused field: which one, and a stable code the client turns into a localized message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    pub field: String,
    pub code: String,
}

impl FieldError {
    pub fn new(field: &str, code: &str) -> Self {
        FieldError {
            field: field.into(),
            code: code.into(),
        }
    }
}

/// Trimmed text of 1..=max characters with no control characters.
pub fn required_text(field: &str, value: &str, max: usize) -> Result<String, FieldError> {
    let v = value.trim();
    if v.is_empty() {
        return Err(FieldError::new(field, "required"));
    }
    if v.chars().count() > max {
        return Err(FieldError::new(field, "too_long"));
    }
    if v.chars().any(char::is_control) {
        return Err(FieldError::new(field, "invalid_characters"));
    }
    Ok(v.to_string())
}

/// A plausible address (something@domain.tld), lowercased. Delivery is the real check.
pub fn normalize_email(field: &str, value: &str) -> Result<String, FieldError> {
    let v = value.trim().to_lowercase();
    if v.chars().count() > 254 {
        return Err(FieldError::new(field, "too_long"));
    }
    let ok = match v.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !v.chars().any(|c| c.is_whitespace() || c.is_control())
                && !domain.contains('@')
        }
        None => false,
    };
    if ok {
        Ok(v)
    } else {
        Err(FieldError::new(field, "invalid_email"))
    }
}

/// Sort key of a person: last name, then first name, accent-insensitive; the email for
/// someone invited who has no name yet.
pub fn sort_key(last_name: &str, first_name: &str, email: &str) -> String {
    if last_name.trim().is_empty() && first_name.trim().is_empty() {
        return fold_for_search(email);
    }
    format!(
        "{}\u{1}{}",
        fold_for_search(last_name),
        fold_for_search(first_name)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails_are_checked_and_lowercased() {
        assert_eq!(
            normalize_email("email", " Zoe@Example.ORG ").unwrap(),
            "zoe@example.org"
        );
        assert!(normalize_email("email", "zoe@example").is_err());
        assert!(normalize_email("email", "zoe example.org").is_err());
        assert!(normalize_email("email", "@example.org").is_err());
    }

    #[test]
    fn required_text_trims_and_limits() {
        assert_eq!(required_text("n", "  Zoë ", 10).unwrap(), "Zoë");
        assert_eq!(required_text("n", "   ", 10).unwrap_err().code, "required");
        assert_eq!(
            required_text("n", "abcdefghijk", 10).unwrap_err().code,
            "too_long"
        );
    }
}
