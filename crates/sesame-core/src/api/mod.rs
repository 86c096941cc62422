//! Request and response types shared by the server and the client: the wire format of
//! `/api/v1`. Request bodies refuse unknown fields.

mod accounts;
mod audit;
mod error;
mod organization;
mod people;
mod records;

pub use accounts::*;
pub use audit::{AuditDetail, FieldChange, ScopeDetail, StructureRef};
pub use error::{
    ErrorBody, ErrorCode, ErrorDetail, FieldIssue, RefusedPerson, field_message, preferred_language,
};
pub use organization::*;
pub use people::*;
pub use records::*;

/// Timestamps travel as RFC 3339 strings.
pub type Timestamp = time::OffsetDateTime;

/// Where the API lives under the server's address.
pub const API_PREFIX: &str = "/api/v1";
