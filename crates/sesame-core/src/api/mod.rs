//! Request and response types shared by the server and the client: the wire format of
//! `/api/v1`. Request bodies refuse unknown fields.

mod accounts;
mod audit;
mod error;
pub mod import;
mod organization;
mod people;
mod records;

pub use accounts::{
    CreatedServiceUser, CreatedTechnicalUser, CredentialHealth, CredentialKind, CredentialValidity,
    DEFAULT_GRACE_DAYS, DEFAULT_VALIDITY_DAYS, HealthFilter, HealthQuery, IssuedPassword,
    MAX_GRACE_DAYS, MAX_VALIDITY_DAYS, NewServiceUser, PasswordValidity, ProvisioningToken,
    RotatePassword, ServiceUser, ServiceUserUpdate, TechnicalUser,
};
pub use audit::{AuditDetail, FieldChange, ScopeDetail, StructureRef};
pub use error::{
    ErrorBody, ErrorCode, ErrorDetail, FieldIssue, RefusedPerson, field_message, preferred_language,
};
pub use organization::{
    ApiToken, ConnectedAccount, ConnectedPerson, ConnectedUsers, ConnectedVia, DocumentSettings,
    Me, MoveStructure, NewRole, NewStructure, Organization, PersonRef, RenameStructure, Role,
    RoleUpdate, Session, SetPrimaryManager, SignIn, Structure, StructureHolders, TokenRequest,
};
pub use people::{
    BatchInitialize, BatchRoles, ChangePassword, CreatedPerson, InitializedPassword,
    MyDetailsUpdate, NewPerson, OneTimePassword, PeoplePage, PeopleQuery, PeopleSort, PersonRecord,
    PersonSummary, PersonUpdate, ReachPreview, RolesUpdate, TwoFactorCode, TwoFactorEnrollment,
};
pub use records::{
    AuditEntry, AuditPage, AuditQuery, Contact, Invitation, NewContact, NewInvitation,
    OutboxMessage,
};

/// Timestamps travel as RFC 3339 strings.
pub type Timestamp = time::OffsetDateTime;

/// Where the API lives under the server's address.
pub const API_PREFIX: &str = "/api/v1";

/// Whole numbers also when a client writes them `1.0`: JSON does not tell the two apart, and
/// JSON Schema counts `1.0` as an integer.
pub mod whole {
    use serde::Deserialize;
    use serde::de::{Deserializer, Error};

    fn whole<E: Error>(n: serde_json::Number) -> Result<i64, E> {
        n.as_i64()
            .or_else(|| {
                n.as_f64()
                    .filter(|f| f.fract() == 0.0 && f.abs() < 9.0e15)
                    .map(|f| f as i64)
            })
            .ok_or_else(|| E::custom(format!("invalid value: {n}, expected a whole number")))
    }

    pub fn number<'de, D: Deserializer<'de>>(d: D) -> Result<i64, D::Error> {
        whole(serde_json::Number::deserialize(d)?)
    }

    /// A whole number that fits 32 bits without sign (a line of a file).
    pub fn unsigned<'de, D: Deserializer<'de>>(d: D) -> Result<u32, D::Error> {
        let n = whole(serde_json::Number::deserialize(d)?)?;
        u32::try_from(n).map_err(|_| D::Error::custom(format!("invalid value: {n}, out of range")))
    }

    pub fn list<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<i64>, D::Error> {
        Vec::<serde_json::Number>::deserialize(d)?
            .into_iter()
            .map(whole)
            .collect()
    }

    /// A field that may be `null` but, when present, is told apart from absent:
    /// `Some(None)` for `null`, `Some(Some(n))` for a number (absent: `None` by `default`).
    pub fn present_optional<'de, D: Deserializer<'de>>(
        d: D,
    ) -> Result<Option<Option<i64>>, D::Error> {
        optional(d).map(Some)
    }

    pub fn optional<'de, D: Deserializer<'de>>(d: D) -> Result<Option<i64>, D::Error> {
        Option::<serde_json::Number>::deserialize(d)?
            .map(whole)
            .transpose()
    }
}

#[cfg(test)]
mod tests {
    #[derive(serde::Deserialize)]
    struct V {
        #[serde(deserialize_with = "super::whole::number")]
        v: i64,
    }

    #[test]
    fn whole_numbers_written_as_floats_are_read_exactly() {
        let read = |t: &str| serde_json::from_str::<V>(t).map(|x| x.v).ok();
        assert_eq!(read(r#"{"v": 2142472987215479.0}"#), Some(2142472987215479));
        assert_eq!(read(r#"{"v": 7}"#), Some(7));
        assert_eq!(read(r#"{"v": -3.00}"#), Some(-3));
        assert_eq!(read(r#"{"v": 1.5}"#), None);
    }
}
