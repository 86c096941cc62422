//! What the audit log records: one closed list of actions, so every line can be named in the
//! reader's language and filtered on.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

macro_rules! audit_actions {
    ($($variant:ident = $code:literal,)*) => {
        /// An action written to the audit log.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
        #[serde(rename_all = "snake_case")]
        pub enum AuditAction {
            $($variant,)*
        }

        impl AuditAction {
            /// Every action, in the order the filter lists them.
            pub const ALL: &[AuditAction] = &[$(AuditAction::$variant,)*];

            /// The code stored in the log and sent over the API.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(AuditAction::$variant => $code,)*
                }
            }

            pub fn parse(code: &str) -> Option<AuditAction> {
                match code {
                    $($code => Some(AuditAction::$variant),)*
                    _ => None,
                }
            }
        }
    };
}

audit_actions! {
    OrganizationCreated = "organization_created",
    PersonCreated = "person_created",
    PersonUpdated = "person_updated",
    PersonDeleted = "person_deleted",
    PersonSuspended = "person_suspended",
    PersonReactivated = "person_reactivated",
    PasswordInitialized = "password_initialized",
    RolesUpdated = "roles_updated",
    PlacedUnderCharge = "placed_under_charge",
    RemovedFromCharge = "removed_from_charge",
    InvitationSent = "invitation_sent",
    InvitationResent = "invitation_resent",
    InvitationExpired = "invitation_expired",
    InvitationConfirmed = "invitation_confirmed",
    OwnDetailsUpdated = "own_details_updated",
    OwnPasswordChanged = "own_password_changed",
    TwoFactorEnrolled = "two_factor_enrolled",
    TwoFactorDisabled = "two_factor_disabled",
    TwoFactorReset = "two_factor_reset",
    RoleCreated = "role_created",
    RoleUpdated = "role_updated",
    ContactCreated = "contact_created",
    ContactUpdated = "contact_updated",
    ContactDeleted = "contact_deleted",
    StructureCreated = "structure_created",
    StructureRenamed = "structure_renamed",
    StructureMoved = "structure_moved",
    StructureRemoved = "structure_removed",
    PrimaryManagerSet = "primary_manager_set",
    ServiceUserCreated = "service_user_created",
    ServiceUserUpdated = "service_user_updated",
    ServiceUserPasswordReset = "service_user_password_reset",
    TechnicalUserCreated = "technical_user_created",
    TechnicalUserPasswordReset = "technical_user_password_reset",
    ServiceUserPasswordRotated = "service_user_password_rotated",
    TechnicalUserPasswordRotated = "technical_user_password_rotated",
    PreviousPasswordEnded = "previous_password_ended",
    CredentialValidityChanged = "credential_validity_changed",
    CredentialReminderSent = "credential_reminder_sent",
    SignInAttacked = "sign_in_attacked",
    ProvisioningTokenIssued = "provisioning_token_issued",
    DocumentSettingsChanged = "document_settings_changed",
}

/// What a contact is kept for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ContactPurpose {
    Invoices,
    Technical,
    Contractual,
}

impl ContactPurpose {
    pub const ALL: [ContactPurpose; 3] = [
        ContactPurpose::Invoices,
        ContactPurpose::Technical,
        ContactPurpose::Contractual,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ContactPurpose::Invoices => "invoices",
            ContactPurpose::Technical => "technical",
            ContactPurpose::Contractual => "contractual",
        }
    }

    pub fn parse(s: &str) -> Option<ContactPurpose> {
        ContactPurpose::ALL.into_iter().find(|p| p.as_str() == s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_and_match_serde() {
        for a in AuditAction::ALL {
            assert_eq!(AuditAction::parse(a.as_str()), Some(*a));
            assert_eq!(
                serde_json::to_value(a).unwrap(),
                serde_json::Value::String(a.as_str().into())
            );
        }
        for p in ContactPurpose::ALL {
            assert_eq!(ContactPurpose::parse(p.as_str()), Some(p));
            assert_eq!(
                serde_json::to_value(p).unwrap(),
                serde_json::Value::String(p.as_str().into())
            );
        }
    }
}
