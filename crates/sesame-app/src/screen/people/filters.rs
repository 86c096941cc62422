//! The filters' choices in their pick lists, each written in the user's language.

use crate::locale::Locale;
use sesame_core::domain::{Level, Status};

/// "All levels" or one level, for the filter's pick list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LevelFilter(pub Option<Level>, pub Locale);
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StatusFilter(pub Option<Status>, pub Locale);

impl std::fmt::Display for LevelFilter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.0 {
            Some(l) => f.write_str(&self.1.level(l)),
            None => f.write_str(&self.1.t("filter-all-levels")),
        }
    }
}

/// "All roles" or one role, for the filter's pick list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoleFilter(pub Option<String>, pub String);

impl std::fmt::Display for RoleFilter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.1)
    }
}

/// "With or without 2FA", "With 2FA", "Without 2FA".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TwoFactorFilter(pub Option<bool>, pub Locale);

impl std::fmt::Display for TwoFactorFilter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.1.t(match self.0 {
            None => "filter-two-factor-any",
            Some(true) => "filter-two-factor-with",
            Some(false) => "filter-two-factor-without",
        }))
    }
}

impl std::fmt::Display for StatusFilter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.0 {
            Some(s) => f.write_str(&self.1.status(s)),
            None => f.write_str(&self.1.t("filter-all-statuses")),
        }
    }
}
