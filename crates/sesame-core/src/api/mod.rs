//! Request and response types shared by the server and the client: the wire format of
//! `/api/v1`. Request bodies refuse unknown fields.

mod accounts;
mod audit;
mod error;
pub mod import;
mod organization;
mod people;
mod records;

pub use accounts::*;
pub use audit::{AuditDetail, FieldChange, ScopeDetail, StructureRef};
pub use error::{ErrorBody, ErrorCode, ErrorDetail, RefusedPerson};
pub use organization::*;
pub use people::*;
pub use records::*;

/// Timestamps travel as RFC 3339 strings.
pub type Timestamp = time::OffsetDateTime;

/// Where the API lives under the server's address.
pub const API_PREFIX: &str = "/api/v1";
