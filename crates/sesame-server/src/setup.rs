//! Creating an organization: `sesame-server init` and the app's first use. Refusals are a
//! typed [`SetupError`]: the command line prints its English text, the app translates it.

use super::auth::hash_password;
use super::store::{AuditRecord, Db, NewPersonRow};
use sesame_core::api::Role;
use sesame_core::domain::{
    AuditAction, FieldError, Language, Level, Status, generate_password, normalize_email,
    required_text, validate_user_id,
};

/// What [`create_organization`] creates.
#[derive(Debug, Clone)]
pub struct FirstOrganization {
    pub code: String,
    pub name: String,
    pub language: Language,
    pub public_service: bool,
    pub user_id: String,
    pub last_name: String,
    pub first_name: String,
    pub email: String,
}

/// The default roles catalogue of a new organization.
pub fn default_roles() -> Vec<Role> {
    [
        (
            "billing",
            "Billing",
            "Facturation",
            "Receives and pays the invoices.",
            "Reçoit et règle les factures.",
        ),
        (
            "payroll",
            "Payroll",
            "Paie",
            "Sends the pay files and reads the pay reports.",
            "Transmet les fichiers de paie et consulte les rapports de paie.",
        ),
        (
            "publication",
            "Publication",
            "Publication",
            "Publishes the organization's notices.",
            "Publie les avis de l’organisation.",
        ),
        (
            "technical",
            "Technical matters",
            "Questions techniques",
            "First contact for connections and integrations.",
            "Premier interlocuteur pour les connexions et les intégrations.",
        ),
        (
            "viewer",
            "Read only",
            "Lecture seule",
            "Reads everything, changes nothing.",
            "Consulte tout, ne modifie rien.",
        ),
    ]
    .into_iter()
    .map(|(c, en, fr, den, dfr)| Role {
        code: c.into(),
        name_en: en.into(),
        name_fr: fr.into(),
        description_en: den.into(),
        description_fr: dfr.into(),
    })
    .collect()
}

/// Why an organization could not be created.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SetupError {
    /// Every refused field, in the order of the form: `code`, `name`, `user_id`, `email`.
    InvalidFields(Vec<FieldError>),
    /// An organization with this code (upper case) already exists.
    CodeTaken(String),
    /// The temporary password could not be hashed.
    PasswordHash(String),
    /// The database refused or failed; its message.
    Database(String),
}

/// The code of a refused organization code (`FieldError::code`, field `code`).
pub const ORGANIZATION_CODE_REASON: &str = "organization_code";

impl SetupError {
    /// A field's name as the command line writes it.
    fn field_label(field: &str) -> &str {
        match field {
            "code" => "organization code",
            "name" => "organization name",
            "user_id" => "user ID",
            "email" => "email",
            other => other,
        }
    }

    /// A field error's reason in plain English.
    fn reason_text(code: &str) -> &str {
        match code {
            ORGANIZATION_CODE_REASON => "must be 2 to 20 letters or digits",
            "required" => "is required",
            "too_long" => "is too long",
            "invalid_characters" => "contains characters that are not allowed",
            "invalid_email" => "is not a valid email address",
            "user_id_length" => "must be 2 to 64 characters",
            "user_id_characters" => "may only hold letters, digits and . _ - @, without spaces",
            other => other,
        }
    }
}

impl std::fmt::Display for SetupError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SetupError::InvalidFields(errors) => {
                let list: Vec<String> = errors
                    .iter()
                    .map(|e| {
                        format!(
                            "the {} {}",
                            Self::field_label(&e.field),
                            Self::reason_text(&e.code)
                        )
                    })
                    .collect();
                write!(f, "invalid fields: {}", list.join("; "))
            }
            SetupError::CodeTaken(code) => {
                write!(f, "an organization with the code {code} already exists")
            }
            SetupError::PasswordHash(m) => write!(f, "the password could not be hashed: {m}"),
            SetupError::Database(m) => write!(f, "database error: {m}"),
        }
    }
}

impl std::error::Error for SetupError {}

impl From<sqlx::Error> for SetupError {
    fn from(e: sqlx::Error) -> Self {
        SetupError::Database(e.to_string())
    }
}

/// Hashes a password, a refusal becoming [`SetupError::PasswordHash`].
pub(crate) async fn hash(password: &str) -> Result<String, SetupError> {
    hash_password(password)
        .await
        .map_err(|e| SetupError::PasswordHash(e.detail.message))
}

/// Checks every field at once: the normalized code, name and email, or every refused field.
fn validate(o: &FirstOrganization) -> Result<(String, String, String), SetupError> {
    let mut errors = vec![];
    let code = o.code.trim().to_uppercase();
    if code.len() < 2 || code.len() > 20 || !code.chars().all(|c| c.is_ascii_alphanumeric()) {
        errors.push(FieldError::new("code", ORGANIZATION_CODE_REASON));
    }
    let name = required_text("name", &o.name, 120)
        .map_err(|e| errors.push(e))
        .ok();
    let _ = validate_user_id(&o.user_id).map_err(|e| errors.push(e));
    let email = normalize_email("email", &o.email)
        .map_err(|e| errors.push(e))
        .ok();
    match (name, email) {
        (Some(name), Some(email)) if errors.is_empty() => Ok((code, name, email)),
        _ => Err(SetupError::InvalidFields(errors)),
    }
}

/// Creates the organization and its first level-1 user; returns that user's temporary
/// password, to be shown once. Nothing is created when it fails.
pub async fn create_organization(db: &Db, o: &FirstOrganization) -> Result<String, SetupError> {
    let (code, name, email) = validate(o)?;
    let password = generate_password();
    let hash = hash(&password).await?;
    let mut tx = db.begin().await?;
    if tx.organization_by_code(&code).await?.is_some() {
        return Err(SetupError::CodeTaken(code));
    }
    let org_id = tx
        .insert_organization(&code, &name, o.language, o.public_service)
        .await?;
    for role in default_roles() {
        tx.insert_role(org_id, &role).await?;
    }
    let id = tx
        .insert_person(&NewPersonRow {
            org_id,
            user_id: o.user_id.trim().into(),
            last_name: o.last_name.trim().into(),
            first_name: o.first_name.trim().into(),
            email,
            phone: String::new(),
            level: Level::One,
            language: o.language,
            roles: vec![],
            is_contact: false,
            status: Status::Active,
            password_hash: Some(hash),
            password_temporary: true,
        })
        .await?;
    tx.audit(AuditRecord {
        org_id,
        actor_id: None,
        actor_label: "sesame-server init",
        action: AuditAction::OrganizationCreated,
        target_id: Some(id),
        target_label: o.user_id.trim(),
        detail: Some(sesame_core::api::AuditDetail::Organization {
            code: code.clone(),
            name: name.clone(),
        }),
    })
    .await?;
    tx.commit().await?;
    Ok(password)
}
