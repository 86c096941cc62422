//! The API accounts: service users, technical users, and the life of their passwords
//! (validity, rotation, health).

use super::*;

impl Client {
    pub async fn service_users(&self) -> ClientResult<Vec<ServiceUser>> {
        self.call::<(), _>(Method::GET, "/service-users", None)
            .await
    }

    pub async fn create_service_user(
        &self,
        new: &NewServiceUser,
    ) -> ClientResult<CreatedServiceUser> {
        self.call(Method::POST, "/service-users", Some(new)).await
    }

    pub async fn update_service_user(
        &self,
        id: i64,
        u: &ServiceUserUpdate,
    ) -> ClientResult<ServiceUser> {
        self.call(Method::PATCH, &format!("/service-users/{id}"), Some(u))
            .await
    }

    pub async fn reset_service_user_password(&self, id: i64) -> ClientResult<IssuedPassword> {
        self.call::<(), _>(Method::POST, &format!("/service-users/{id}/password"), None)
            .await
    }

    /// A new provisioning token for `/scim/v2`; the service user's previous one ends.
    pub async fn issue_provisioning_token(
        &self,
        id: i64,
    ) -> ClientResult<sesame_core::api::ProvisioningToken> {
        self.call::<(), _>(
            Method::POST,
            &format!("/service-users/{id}/provisioning-token"),
            None,
        )
        .await
    }

    pub async fn technical_user_of(&self, structure: i64) -> ClientResult<TechnicalUser> {
        self.call::<(), _>(
            Method::GET,
            &format!("/structures/{structure}/technical-user"),
            None,
        )
        .await
    }

    pub async fn create_technical_user(
        &self,
        structure: i64,
    ) -> ClientResult<CreatedTechnicalUser> {
        self.call::<(), _>(
            Method::POST,
            &format!("/structures/{structure}/technical-user"),
            None,
        )
        .await
    }

    pub async fn reset_technical_user_password(&self, id: i64) -> ClientResult<IssuedPassword> {
        self.call::<(), _>(
            Method::POST,
            &format!("/technical-users/{id}/password"),
            None,
        )
        .await
    }

    /// A new password while the current one keeps working for `grace_days`.
    pub async fn rotate_password(
        &self,
        kind: CredentialKind,
        id: i64,
        grace_days: i64,
    ) -> ClientResult<IssuedPassword> {
        self.call(
            Method::POST,
            &format!("{}/password/rotate", account_path(kind, id)),
            Some(&RotatePassword { grace_days }),
        )
        .await
    }

    /// Ends the previous password of a rotation now.
    pub async fn end_previous_password(
        &self,
        kind: CredentialKind,
        id: i64,
    ) -> ClientResult<serde_json::Value> {
        self.call::<(), _>(
            Method::DELETE,
            &format!("{}/password/previous", account_path(kind, id)),
            None,
        )
        .await
    }

    pub async fn technical_user(&self, id: i64) -> ClientResult<TechnicalUser> {
        self.call::<(), _>(Method::GET, &format!("/technical-users/{id}"), None)
            .await
    }

    pub async fn service_user(&self, id: i64) -> ClientResult<ServiceUser> {
        self.call::<(), _>(Method::GET, &format!("/service-users/{id}"), None)
            .await
    }

    pub async fn credential_validity(&self) -> ClientResult<CredentialValidity> {
        self.call::<(), _>(Method::GET, "/organization/credential-validity", None)
            .await
    }

    /// `None`: passwords issued from now on never expire.
    pub async fn set_credential_validity(
        &self,
        days: Option<i64>,
    ) -> ClientResult<CredentialValidity> {
        self.call(
            Method::PUT,
            "/organization/credential-validity",
            Some(&CredentialValidity { days }),
        )
        .await
    }

    /// The health view: every API credential the caller manages, kept by `filter`.
    pub async fn credential_health(
        &self,
        filter: Option<HealthFilter>,
    ) -> ClientResult<Vec<CredentialHealth>> {
        let query = serde_urlencoded_query(&HealthQuery { filter });
        self.call::<(), _>(Method::GET, &format!("/credentials{query}"), None)
            .await
    }
}
