//! Texts whose key is made from a value (`level-level_1`, `status-active` …): each such key is
//! built here from a typed value, and [`built_keys`] lists every key they can build, so the key
//! check reads them all. A literal that only looks like a key is marked with [`not_text`].

use crate::api::{CredentialKind, HealthFilter};
use crate::domain::{AuditAction, ContactPurpose, Language, Level, Status, StructureKind};

/// A text whose key is a prefix and the name of a value.
pub trait TextKey: Copy + Sized + 'static {
    /// What every key of this kind starts with.
    const PREFIX: &'static str;
    /// Every value, for the key check.
    fn every() -> Vec<Self>;
    fn name(self) -> &'static str;
    fn text_key(self) -> String {
        format!("{}-{}", Self::PREFIX, self.name())
    }
}

macro_rules! text_key {
    ($ty:ty, $prefix:expr) => {
        impl TextKey for $ty {
            const PREFIX: &'static str = $prefix;
            fn every() -> Vec<Self> {
                <$ty>::ALL.to_vec()
            }
            fn name(self) -> &'static str {
                self.as_str()
            }
        }
    };
}

text_key!(Level, "level");
text_key!(Status, "status");
text_key!(ContactPurpose, "purpose");
text_key!(AuditAction, "audit-action");
text_key!(Language, "language");
text_key!(StructureKind, "kind");
text_key!(HealthFilter, "health-filter");
text_key!(OutboxStatus, not_text("outbox-status"));
text_key!(CredentialKind, not_text("credential-kind"));

/// What a level allows, said in full (the sentence under a record's identity).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LevelAllows(pub Level);

impl TextKey for LevelAllows {
    const PREFIX: &'static str = not_text("level-allows");
    fn every() -> Vec<Self> {
        Level::ALL.into_iter().map(LevelAllows).collect()
    }
    fn name(self) -> &'static str {
        self.0.as_str()
    }
}

/// A month of the year, 1 to 12, in dates written out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Month(pub u8);

impl TextKey for Month {
    const PREFIX: &'static str = "month";
    fn every() -> Vec<Self> {
        (1..=12).map(Month).collect()
    }
    fn name(self) -> &'static str {
        const NAMES: [&str; 12] = [
            "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12",
        ];
        NAMES[usize::from(self.0.clamp(1, 12) - 1)]
    }
}

/// A mail's delivery status in the outbox, as the server writes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutboxStatus {
    Pending,
    Sent,
    Failed,
}

impl OutboxStatus {
    pub const ALL: [OutboxStatus; 3] = [
        OutboxStatus::Pending,
        OutboxStatus::Sent,
        OutboxStatus::Failed,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            OutboxStatus::Pending => "pending",
            OutboxStatus::Sent => "sent",
            OutboxStatus::Failed => "failed",
        }
    }

    pub fn parse(s: &str) -> Option<OutboxStatus> {
        OutboxStatus::ALL.into_iter().find(|x| x.as_str() == s)
    }
}

/// A mail the server writes: its subject's and its body's texts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mail {
    Invitation,
    TechnicalCreated,
    TechnicalReset,
    TechnicalRotated,
    CredentialReminder,
    UnderAttack,
}

impl Mail {
    pub const ALL: [Mail; 6] = [
        Mail::Invitation,
        Mail::TechnicalCreated,
        Mail::TechnicalReset,
        Mail::TechnicalRotated,
        Mail::CredentialReminder,
        Mail::UnderAttack,
    ];

    fn as_str(self) -> &'static str {
        match self {
            Mail::Invitation => "invitation",
            Mail::TechnicalCreated => not_text("technical-created"),
            Mail::TechnicalReset => not_text("technical-reset"),
            Mail::TechnicalRotated => not_text("technical-rotated"),
            Mail::CredentialReminder => not_text("credential-reminder"),
            Mail::UnderAttack => not_text("under-attack"),
        }
    }

    pub fn subject_key(self) -> String {
        format!("mail-{}-subject", self.as_str())
    }

    pub fn body_key(self) -> String {
        format!("mail-{}-body", self.as_str())
    }
}

/// Every key the kinds above can build.
pub fn built_keys() -> Vec<String> {
    fn all<K: TextKey>() -> Vec<String> {
        K::every().into_iter().map(TextKey::text_key).collect()
    }
    [
        all::<Level>(),
        all::<Status>(),
        all::<ContactPurpose>(),
        all::<AuditAction>(),
        all::<Language>(),
        all::<StructureKind>(),
        all::<HealthFilter>(),
        all::<OutboxStatus>(),
        all::<CredentialKind>(),
        all::<LevelAllows>(),
        all::<Month>(),
        Mail::ALL
            .into_iter()
            .flat_map(|m| [m.subject_key(), m.body_key()])
            .collect(),
    ]
    .concat()
}

/// A literal shaped like a text key that is not one (a locale tag, a program, a mail's kind):
/// the key check skips what is written inside it.
pub const fn not_text(s: &'static str) -> &'static str {
    s
}
