use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::text::FieldError;

/// Administrative reach of a person. The order of the variants is the order of power:
/// level 1 first, level 3 last.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, ToSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    #[serde(rename = "level_1")]
    One,
    /// Level 2 with approval: public-service employers only.
    #[serde(rename = "level_2_approval")]
    TwoWithApproval,
    #[serde(rename = "level_2")]
    Two,
    #[serde(rename = "level_3")]
    Three,
}

impl Level {
    pub const ALL: [Level; 4] = [Level::One, Level::TwoWithApproval, Level::Two, Level::Three];

    /// A new person's level until someone chooses another: the users an office creates most.
    pub const NEW_PERSON: Level = Level::Three;

    /// Stored form: sorts like the levels themselves.
    pub fn code(self) -> i64 {
        match self {
            Level::One => 10,
            Level::TwoWithApproval => 20,
            Level::Two => 21,
            Level::Three => 30,
        }
    }

    pub fn from_code(code: i64) -> Option<Level> {
        Level::ALL.into_iter().find(|l| l.code() == code)
    }

    /// 1, 2 or 3: approval does not change the rank.
    pub fn rank(self) -> u8 {
        match self {
            Level::One => 1,
            Level::TwoWithApproval | Level::Two => 2,
            Level::Three => 3,
        }
    }

    pub fn is_level_two(self) -> bool {
        self.rank() == 2
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Level::One => "level_1",
            Level::TwoWithApproval => "level_2_approval",
            Level::Two => "level_2",
            Level::Three => "level_3",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// An invitation was sent; becomes active when the person confirms.
    Invited,
    Active,
    /// Cannot sign in; nothing is deleted.
    Suspended,
}

impl Status {
    pub const ALL: [Status; 3] = [Status::Invited, Status::Active, Status::Suspended];

    pub fn as_str(self) -> &'static str {
        match self {
            Status::Invited => "invited",
            Status::Active => "active",
            Status::Suspended => "suspended",
        }
    }
    pub fn parse(s: &str) -> Option<Status> {
        match s {
            "invited" => Some(Status::Invited),
            "active" => Some(Status::Active),
            "suspended" => Some(Status::Suspended),
            _ => None,
        }
    }
}

/// Communication language: letters and emails to or about an account use it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Language {
    #[default]
    En,
    Fr,
}

impl Language {
    pub const ALL: [Language; 2] = [Language::En, Language::Fr];
    pub fn as_str(self) -> &'static str {
        match self {
            Language::En => "en",
            Language::Fr => "fr",
        }
    }
    pub fn parse(s: &str) -> Option<Language> {
        match s {
            "en" => Some(Language::En),
            "fr" => Some(Language::Fr),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum AccountKind {
    /// A human user: signs in to the desktop app.
    Person,
    /// API only, with a user code and a scope of companies and structure levels.
    ServiceUser,
    /// API only, attached to a structure; acts with the rights of its primary manager.
    TechnicalUser,
}

impl AccountKind {
    pub fn as_str(self) -> &'static str {
        match self {
            AccountKind::Person => "person",
            AccountKind::ServiceUser => "service_user",
            AccountKind::TechnicalUser => "technical_user",
        }
    }
    pub fn parse(s: &str) -> Option<AccountKind> {
        match s {
            "person" => Some(AccountKind::Person),
            "service_user" => Some(AccountKind::ServiceUser),
            "technical_user" => Some(AccountKind::TechnicalUser),
            _ => None,
        }
    }
    pub fn is_api_only(self) -> bool {
        self != AccountKind::Person
    }
}

/// A service user's code: 6 to 10 ASCII letters or digits.
pub fn validate_user_code(code: &str) -> Result<(), FieldError> {
    let len = code.chars().count();
    if !(6..=10).contains(&len) {
        return Err(FieldError::new("user_code", "user_code_length"));
    }
    if !code.chars().all(|c| c.is_ascii_alphanumeric()) {
        return Err(FieldError::new("user_code", "user_code_characters"));
    }
    Ok(())
}

/// A person's user ID: 2 to 64 characters, letters, digits and `. _ - @`, no spaces.
pub fn validate_user_id(user_id: &str) -> Result<(), FieldError> {
    let len = user_id.chars().count();
    if !(2..=64).contains(&len) {
        return Err(FieldError::new("user_id", "user_id_length"));
    }
    if !user_id
        .chars()
        .all(|c| c.is_alphanumeric() || matches!(c, '.' | '_' | '-' | '@'))
    {
        return Err(FieldError::new("user_id", "user_id_characters"));
    }
    Ok(())
}

/// A language by its own name (the same in every interface language).
impl std::fmt::Display for Language {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Language::En => "English",
            Language::Fr => "Français",
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_codes_are_six_to_ten_ascii_letters_or_digits() {
        assert!(validate_user_code("PAIE01").is_ok());
        assert!(validate_user_code("ABCDEFGHIJ").is_ok());
        assert_eq!(
            validate_user_code("ABCDE").unwrap_err().code,
            "user_code_length"
        );
        assert_eq!(
            validate_user_code("ABCDEFGHIJK").unwrap_err().code,
            "user_code_length"
        );
        assert_eq!(
            validate_user_code("PAIE-01").unwrap_err().code,
            "user_code_characters"
        );
        assert_eq!(
            validate_user_code("PAIÉ001").unwrap_err().code,
            "user_code_characters"
        );
    }

    #[test]
    fn level_codes_round_trip_and_sort_by_power() {
        for l in Level::ALL {
            assert_eq!(Level::from_code(l.code()), Some(l));
        }
        assert!(Level::One.code() < Level::TwoWithApproval.code());
        assert!(Level::Two.code() < Level::Three.code());
        assert_eq!(Level::TwoWithApproval.rank(), Level::Two.rank());
    }

    #[test]
    fn user_ids_refuse_spaces() {
        assert!(validate_user_id("marie.tremblay").is_ok());
        assert!(validate_user_id("marie tremblay").is_err());
        assert!(validate_user_id("m").is_err());
    }
}
