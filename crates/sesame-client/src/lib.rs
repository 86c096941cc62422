//! The typed HTTP client of the Sesame API (used by the desktop app and the tests).
//! Errors are `Clone`, so they travel in GUI messages.

mod accounts;
pub mod trust;

use reqwest::Method;
use serde::Serialize;
use serde::de::DeserializeOwned;

use sesame_core::api::*;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ClientError {
    /// The server could not be reached (or did not answer as a Sesame server).
    Unreachable(String),
    /// The server refused, with its error body.
    /// (The detail is boxed: errors travel inside every screen's `Action`.)
    Api {
        status: u16,
        error: Box<ErrorDetail>,
    },
}

impl ClientError {
    /// The session expired or was revoked: the person must sign in again (what they typed is
    /// kept), unlike any other refusal, which the screen shows.
    pub fn session_ended(&self) -> bool {
        matches!(
            self.code(),
            Some(ErrorCode::SessionExpired | ErrorCode::Unauthenticated)
        )
    }
    pub fn code(&self) -> Option<ErrorCode> {
        match self {
            ClientError::Api { error, .. } => Some(error.code),
            ClientError::Unreachable(_) => None,
        }
    }
    pub fn status(&self) -> Option<u16> {
        match self {
            ClientError::Api { status, .. } => Some(*status),
            ClientError::Unreachable(_) => None,
        }
    }
}

impl std::fmt::Display for ClientError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ClientError::Unreachable(e) => write!(f, "server unreachable: {e}"),
            ClientError::Api { status, error } => {
                write!(f, "{status} {}: {}", error.code.as_str(), error.message)
            }
        }
    }
}

pub type ClientResult<T> = Result<T, ClientError>;

#[derive(Debug, Clone)]
pub struct Client {
    http: reqwest::Client,
    /// The fingerprint of the certificate the server showed last (HTTPS).
    shown: std::sync::Arc<std::sync::Mutex<Option<String>>>,
    base: String,
    token: Option<String>,
    /// The refusal that ended this token's session, kept by whichever clone received it, for
    /// the app to notice once, whatever request met it.
    ended: std::sync::Arc<std::sync::Mutex<Option<ClientError>>>,
}

impl Client {
    /// `base` is the server's address, e.g. `http://127.0.0.1:8750`.
    pub fn new(base: &str) -> Client {
        Client::pinned(base, None)
    }

    /// A client that also believes the server's certificate of fingerprint `pin` (one a person
    /// compared and accepted), beside those the system's authorities vouch for.
    pub fn pinned(base: &str, pin: Option<String>) -> Client {
        let (http, shown) = trust::http(pin);
        Client {
            http,
            shown,
            base: base.trim_end_matches('/').to_owned(),
            token: None,
            ended: Default::default(),
        }
    }

    /// The fingerprint of the certificate the server showed last: what the person compares
    /// when the client did not believe it.
    pub fn shown_certificate(&self) -> Option<String> {
        self.shown.lock().ok()?.clone()
    }

    /// The same server with another session (its own end to notice).
    pub fn with_token(&self, token: Option<String>) -> Client {
        Client {
            token,
            ended: Default::default(),
            ..self.clone()
        }
    }

    /// The refusal that ended this client's session since the last call, if a request met one
    /// (expiry, revocation): the person signs in again. Taken once.
    pub fn take_session_end(&self) -> Option<ClientError> {
        self.ended.lock().ok()?.take()
    }

    /// The server's address.
    pub fn base(&self) -> &str {
        &self.base
    }

    pub fn token(&self) -> Option<&str> {
        self.token.as_deref()
    }

    /// Any call: `path` is under `/api/v1`. The building block of the typed methods.
    pub async fn call<B: Serialize + ?Sized, T: DeserializeOwned>(
        &self,
        method: Method,
        path: &str,
        body: Option<&B>,
    ) -> ClientResult<T> {
        let text = self.call_text(method, path, body).await?;
        let text = if text.is_empty() {
            "null".to_owned()
        } else {
            text
        };
        serde_json::from_str(&text)
            .map_err(|e| ClientError::Unreachable(format!("unexpected answer: {e}")))
    }

    /// Like [`Client::call`], returning the body as text (CSV export).
    pub async fn call_text<B: Serialize + ?Sized>(
        &self,
        method: Method,
        path: &str,
        body: Option<&B>,
    ) -> ClientResult<String> {
        let mut req = self
            .http
            .request(method, format!("{}{API_PREFIX}{path}", self.base));
        if let Some(t) = &self.token {
            req = req.bearer_auth(t);
        }
        if let Some(b) = body {
            req = req.json(b);
        }
        let resp = req
            .send()
            .await
            .map_err(|e| ClientError::Unreachable(e.to_string()))?;
        let status = resp.status();
        let text = resp
            .text()
            .await
            .map_err(|e| ClientError::Unreachable(e.to_string()))?;
        if status.is_success() {
            return Ok(text);
        }
        let e = match serde_json::from_str::<ErrorBody>(&text) {
            Ok(b) => ClientError::Api {
                status: status.as_u16(),
                error: Box::new(b.error),
            },
            Err(_) => ClientError::Unreachable(format!("{status}: {text}")),
        };
        if self.token.is_some()
            && e.session_ended()
            && let Ok(mut ended) = self.ended.lock()
        {
            *ended = Some(e.clone());
        }
        Err(e)
    }

    pub async fn health(&self) -> ClientResult<()> {
        let resp = self
            .http
            .get(format!("{}/healthz", self.base))
            .send()
            .await
            .map_err(|e| ClientError::Unreachable(e.to_string()))?;
        if resp.status().is_success() {
            Ok(())
        } else {
            Err(ClientError::Unreachable(resp.status().to_string()))
        }
    }

    pub async fn sign_in(
        &self,
        organization: &str,
        user_id: &str,
        password: &str,
        totp: Option<&str>,
    ) -> ClientResult<Session> {
        let body = SignIn {
            organization: organization.into(),
            user_id: user_id.into(),
            password: password.into(),
            totp: totp.map(str::to_owned),
        };
        self.call(Method::POST, "/session", Some(&body)).await
    }

    pub async fn api_token(
        &self,
        organization: &str,
        user_id: &str,
        password: &str,
    ) -> ClientResult<ApiToken> {
        let body = TokenRequest {
            organization: organization.into(),
            user_id: user_id.into(),
            password: password.into(),
        };
        self.call(Method::POST, "/token", Some(&body)).await
    }

    pub async fn sign_out(&self) -> ClientResult<()> {
        self.call::<(), ()>(Method::DELETE, "/session", None).await
    }

    pub async fn me(&self) -> ClientResult<Me> {
        self.call::<(), _>(Method::GET, "/session", None).await
    }

    pub async fn change_password(&self, current: &str, new: &str) -> ClientResult<()> {
        let body = ChangePassword {
            current_password: current.into(),
            new_password: new.into(),
        };
        self.call(Method::POST, "/me/password", Some(&body)).await
    }

    pub async fn update_me(&self, u: &MyDetailsUpdate) -> ClientResult<Me> {
        self.call(Method::PATCH, "/me", Some(u)).await
    }

    pub async fn roles(&self) -> ClientResult<Vec<Role>> {
        self.call::<(), _>(Method::GET, "/roles", None).await
    }

    pub async fn people(&self, q: &PeopleQuery) -> ClientResult<PeoplePage> {
        let query = serde_urlencoded_query(q);
        self.call::<(), _>(Method::GET, &format!("/people{query}"), None)
            .await
    }

    /// Every visible person, page after page (`page` rows a request).
    pub async fn all_people(&self, page: u32) -> ClientResult<Vec<PersonSummary>> {
        let mut q = PeopleQuery {
            limit: Some(page),
            ..Default::default()
        };
        let mut out = vec![];
        loop {
            let p = self.people(&q).await?;
            out.extend(p.items);
            match p.next_cursor {
                Some(c) => q.cursor = Some(c),
                None => return Ok(out),
            }
        }
    }

    pub async fn person(&self, id: i64) -> ClientResult<PersonRecord> {
        self.call::<(), _>(Method::GET, &format!("/people/{id}"), None)
            .await
    }

    pub async fn create_person(&self, p: &NewPerson) -> ClientResult<CreatedPerson> {
        self.call(Method::POST, "/people", Some(p)).await
    }

    pub async fn update_person(&self, id: i64, u: &PersonUpdate) -> ClientResult<PersonRecord> {
        self.call(Method::PATCH, &format!("/people/{id}"), Some(u))
            .await
    }

    pub async fn delete_person(&self, id: i64) -> ClientResult<()> {
        self.call::<(), ()>(Method::DELETE, &format!("/people/{id}"), None)
            .await
    }

    pub async fn initialize_password(&self, id: i64) -> ClientResult<OneTimePassword> {
        self.call::<(), _>(Method::POST, &format!("/people/{id}/password"), None)
            .await
    }

    /// Temporary passwords for several people at once (all or none).
    pub async fn initialize_passwords(
        &self,
        ids: &[i64],
    ) -> ClientResult<Vec<InitializedPassword>> {
        self.call(
            Method::POST,
            "/people/passwords",
            Some(&BatchInitialize { ids: ids.to_vec() }),
        )
        .await
    }

    /// Suspends a person: they cannot sign in and their sessions end at once.
    pub async fn suspend_person(&self, id: i64) -> ClientResult<PersonRecord> {
        self.call::<(), _>(Method::POST, &format!("/people/{id}/suspend"), None)
            .await
    }

    pub async fn reactivate_person(&self, id: i64) -> ClientResult<PersonRecord> {
        self.call::<(), _>(Method::POST, &format!("/people/{id}/reactivate"), None)
            .await
    }

    pub async fn update_roles(&self, id: i64, roles: &[String]) -> ClientResult<PersonRecord> {
        self.call(
            Method::PUT,
            &format!("/people/{id}/roles"),
            Some(&RolesUpdate {
                roles: roles.to_vec(),
            }),
        )
        .await
    }

    /// The same roles for several people, all or none.
    pub async fn update_roles_of(
        &self,
        ids: &[i64],
        roles: &[String],
    ) -> ClientResult<Vec<PersonSummary>> {
        let body = BatchRoles {
            ids: ids.to_vec(),
            roles: roles.to_vec(),
        };
        self.call(Method::PUT, "/people/roles", Some(&body)).await
    }

    /// What a person sees (a page of `q`) and may do; for oneself, or by a level-1 user.
    pub async fn reach(&self, id: i64, q: &PeopleQuery) -> ClientResult<ReachPreview> {
        let query = serde_urlencoded_query(q);
        self.call::<(), _>(Method::GET, &format!("/people/{id}/reach{query}"), None)
            .await
    }

    /// Decides (`dry_run`) or applies an import of people; see `api::import`.
    pub async fn import_people(
        &self,
        request: &import::ImportRequest,
    ) -> ClientResult<import::ImportReport> {
        self.call(Method::POST, "/people/import", Some(request))
            .await
    }

    pub async fn structures(&self) -> ClientResult<Vec<Structure>> {
        self.call::<(), _>(Method::GET, "/structures", None).await
    }

    /// A company (`parent_id` absent) or a structure level under a parent.
    pub async fn create_structure(&self, new: &NewStructure) -> ClientResult<Structure> {
        self.call(Method::POST, "/structures", Some(new)).await
    }

    /// `version` is the one read: a stale one gets `stale_version` and changes nothing.
    pub async fn rename_structure(
        &self,
        id: i64,
        version: i64,
        name: &str,
    ) -> ClientResult<Structure> {
        let body = RenameStructure {
            version,
            name: name.into(),
        };
        self.call(Method::PUT, &format!("/structures/{id}/name"), Some(&body))
            .await
    }

    /// Under another structure, or to the top of the tree (a company) with `None`.
    pub async fn move_structure(
        &self,
        id: i64,
        version: i64,
        parent_id: Option<i64>,
    ) -> ClientResult<Structure> {
        let body = MoveStructure { version, parent_id };
        self.call(
            Method::PUT,
            &format!("/structures/{id}/parent"),
            Some(&body),
        )
        .await
    }

    /// A level-1 or level-2 person, or `None` to leave the structure without one.
    pub async fn set_primary_manager(
        &self,
        id: i64,
        version: i64,
        person_id: Option<i64>,
    ) -> ClientResult<Structure> {
        let body = SetPrimaryManager { version, person_id };
        self.call(
            Method::PUT,
            &format!("/structures/{id}/primary-manager"),
            Some(&body),
        )
        .await
    }

    /// Refused while something holds it; the error's `held_by` says what.
    pub async fn remove_structure(&self, id: i64) -> ClientResult<()> {
        self.call::<(), ()>(Method::DELETE, &format!("/structures/{id}"), None)
            .await
    }

    pub async fn connected_users(&self, id: i64) -> ClientResult<ConnectedUsers> {
        self.call::<(), _>(
            Method::GET,
            &format!("/structures/{id}/connected-users"),
            None,
        )
        .await
    }

    pub async fn outbox(&self) -> ClientResult<Vec<OutboxMessage>> {
        self.call::<(), _>(Method::GET, "/outbox", None).await
    }

    pub async fn organization(&self) -> ClientResult<Organization> {
        self.call::<(), _>(Method::GET, "/organization", None).await
    }

    /// How the organization hands documents over (level 1); returns the organization.
    pub async fn set_document_settings(
        &self,
        settings: &sesame_core::api::DocumentSettings,
    ) -> ClientResult<Organization> {
        self.call(Method::PUT, "/organization/documents", Some(settings))
            .await
    }

    pub async fn create_role(&self, r: &NewRole) -> ClientResult<Role> {
        self.call(Method::POST, "/roles", Some(r)).await
    }

    pub async fn update_role(&self, code: &str, r: &RoleUpdate) -> ClientResult<Role> {
        let code = url::form_urlencoded::byte_serialize(code.as_bytes()).collect::<String>();
        self.call(Method::PUT, &format!("/roles/{code}"), Some(r))
            .await
    }

    pub async fn invitations(&self) -> ClientResult<Vec<Invitation>> {
        self.call::<(), _>(Method::GET, "/invitations", None).await
    }

    pub async fn invite(&self, i: &NewInvitation) -> ClientResult<Invitation> {
        self.call(Method::POST, "/invitations", Some(i)).await
    }

    pub async fn resend_invitation(&self, person: i64) -> ClientResult<Invitation> {
        self.call::<(), _>(Method::POST, &format!("/invitations/{person}/resend"), None)
            .await
    }

    pub async fn cancel_invitation(&self, person: i64) -> ClientResult<Invitation> {
        self.call::<(), _>(Method::POST, &format!("/invitations/{person}/expire"), None)
            .await
    }

    pub async fn contacts(&self) -> ClientResult<Vec<Contact>> {
        self.call::<(), _>(Method::GET, "/contacts", None).await
    }

    pub async fn create_contact(&self, c: &NewContact) -> ClientResult<Contact> {
        self.call(Method::POST, "/contacts", Some(c)).await
    }

    pub async fn update_contact(&self, id: i64, c: &NewContact) -> ClientResult<Contact> {
        self.call(Method::PUT, &format!("/contacts/{id}"), Some(c))
            .await
    }

    pub async fn delete_contact(&self, id: i64) -> ClientResult<()> {
        self.call::<(), ()>(Method::DELETE, &format!("/contacts/{id}"), None)
            .await
    }

    pub async fn audit(&self, q: &AuditQuery) -> ClientResult<AuditPage> {
        let query = serde_urlencoded_query(q);
        self.call::<(), _>(Method::GET, &format!("/audit{query}"), None)
            .await
    }

    /// Starts enrolling the signed-in person in two-factor authentication.
    pub async fn start_two_factor(&self) -> ClientResult<TwoFactorEnrollment> {
        self.call::<(), _>(Method::POST, "/me/two-factor", None)
            .await
    }

    /// Confirms the enrollment with a current code; from then on sign-in asks for one.
    pub async fn confirm_two_factor(&self, code: &str) -> ClientResult<Me> {
        let body = TwoFactorCode { code: code.into() };
        self.call(Method::POST, "/me/two-factor/confirm", Some(&body))
            .await
    }

    pub async fn disable_two_factor(&self, code: &str) -> ClientResult<()> {
        let body = TwoFactorCode { code: code.into() };
        self.call(Method::DELETE, "/me/two-factor", Some(&body))
            .await
    }

    /// An administrator removes someone's second factor (they lost their phone).
    /// Suspends (`true`) or reactivates (`false`) a person.
    pub async fn set_suspended(&self, person: i64, suspend: bool) -> ClientResult<PersonRecord> {
        if suspend {
            self.suspend_person(person).await
        } else {
            self.reactivate_person(person).await
        }
    }

    pub async fn reset_two_factor(&self, person: i64) -> ClientResult<PersonRecord> {
        self.call::<(), _>(
            Method::DELETE,
            &format!("/people/{person}/two-factor"),
            None,
        )
        .await
    }
}

/// `?a=1&b=x` from a query struct (empty when every field is absent).
fn account_path(kind: CredentialKind, id: i64) -> String {
    match kind {
        CredentialKind::ServiceUser => format!("/service-users/{id}"),
        CredentialKind::TechnicalUser => format!("/technical-users/{id}"),
    }
}

fn serde_urlencoded_query<T: Serialize>(q: &T) -> String {
    let value = serde_json::to_value(q).unwrap_or_default();
    let mut url = url::Url::parse("http://x/").expect("static URL");
    {
        let mut pairs = url.query_pairs_mut();
        if let Some(map) = value.as_object() {
            for (k, v) in map {
                match v {
                    serde_json::Value::Null => {}
                    serde_json::Value::String(s) => {
                        pairs.append_pair(k, s);
                    }
                    other => {
                        pairs.append_pair(k, &other.to_string());
                    }
                }
            }
        }
    }
    url.query()
        .filter(|q| !q.is_empty())
        .map(|q| format!("?{q}"))
        .unwrap_or_default()
}

/// rustls needs a process-wide crypto provider; ring is the one this build ships.
pub fn install_crypto() {
    let _ = rustls::crypto::ring::default_provider().install_default();
}
