//! Sign-in, sessions, temporary passwords, lock-out, API tokens and two-factor authentication,
//! over real HTTP.

use crate::support::{PASSWORD, backends};
use serde_json::json;
use sesame_client::ClientError;
use sesame_core::api::{ErrorCode, NewPerson};
use sesame_core::domain::{Language, Level, Scope, Status, StructureKind};
use sesame_server::Config;

fn code(e: &ClientError) -> ErrorCode {
    e.code().unwrap_or_else(|| panic!("an API error, got {e}"))
}

#[tokio::test]
async fn wrong_credentials_never_say_which_part_was_wrong() {
    for b in backends() {
        let s = crate::support::start(&b).await;
        let org = s.org("ALPHA", false).await;
        s.person(org, "zoe", Level::One, Some(PASSWORD)).await;
        let c = s.client();
        for (o, u, p) in [
            ("ALPHA", "zoe", "wrong-password-1"),
            ("NOPE", "zoe", PASSWORD),
            ("ALPHA", "nobody", PASSWORD),
        ] {
            let e = c.sign_in(o, u, p, None).await.unwrap_err();
            assert_eq!(
                (e.status(), code(&e)),
                (Some(401), ErrorCode::InvalidCredentials),
                "{o}/{u}"
            );
        }
        // Codes and user IDs are not case-sensitive.
        c.sign_in("alpha", "ZOE", PASSWORD, None).await.unwrap();
        s.stop().await;
    }
}

#[tokio::test]
async fn repeated_failures_are_slowed_then_locked_even_for_the_right_password() {
    for b in backends() {
        let config = Config {
            slow_after: 2,
            lock_after: 4,
            lock_secs: 600,
            ..Config::default()
        };
        let s = crate::support::start_with(&b, config).await;
        let org = s.org("ALPHA", false).await;
        s.person(org, "zoe", Level::One, Some(PASSWORD)).await;
        s.person(org, "sam", Level::One, Some(PASSWORD)).await;
        let c = s.client();
        for i in 1..=3 {
            let e = c
                .sign_in("ALPHA", "zoe", "wrong-password-1", None)
                .await
                .unwrap_err();
            assert_eq!(code(&e), ErrorCode::InvalidCredentials, "failure {i}");
        }
        let e = c
            .sign_in("ALPHA", "zoe", "wrong-password-1", None)
            .await
            .unwrap_err();
        assert_eq!(
            (e.status(), code(&e)),
            (Some(423), ErrorCode::AccountLocked)
        );
        let e = c.sign_in("ALPHA", "zoe", PASSWORD, None).await.unwrap_err();
        assert_eq!(
            code(&e),
            ErrorCode::AccountLocked,
            "the right password waits too"
        );
        match e {
            ClientError::Api { error, .. } => assert!(error.retry_after.unwrap() > 500),
            _ => unreachable!(),
        }
        // Someone else of the organization is not locked out.
        c.sign_in("ALPHA", "sam", PASSWORD, None).await.unwrap();
        s.stop().await;
    }
}

#[tokio::test]
async fn a_temporary_password_must_be_changed_before_anything_else() {
    for b in backends() {
        let s = crate::support::start(&b).await;
        let org = s.org("ALPHA", false).await;
        s.person(org, "boss", Level::One, Some(PASSWORD)).await;
        let admin = s.sign_in("ALPHA", "boss", PASSWORD).await;
        let created = admin
            .create_person(&NewPerson {
                last_name: "Tremblay".into(),
                first_name: "Marie".into(),
                user_id: "marie".into(),
                email: "marie@example.org".into(),
                phone: None,
                level: Level::One,
                language: Language::Fr,
                roles: vec!["billing".into()],
                is_contact: false,
            })
            .await
            .unwrap();
        let temp = created.temporary_password;
        let c = s.client();
        let session = c.sign_in("ALPHA", "marie", &temp, None).await.unwrap();
        assert!(session.me.must_change_password);
        let marie = c.with_token(Some(session.token));
        let e = marie.people(&Default::default()).await.unwrap_err();
        assert_eq!(
            (e.status(), code(&e)),
            (Some(403), ErrorCode::PasswordChangeRequired)
        );
        assert!(
            marie.me().await.unwrap().must_change_password,
            "the session itself stays readable"
        );
        assert_eq!(
            code(
                &marie
                    .change_password("not-the-one-1234", "a brand new password")
                    .await
                    .unwrap_err()
            ),
            ErrorCode::WrongPassword
        );
        assert_eq!(
            code(&marie.change_password(&temp, "short").await.unwrap_err()),
            ErrorCode::WeakPassword
        );
        marie
            .change_password(&temp, "a brand new password")
            .await
            .unwrap();
        assert_eq!(
            marie.people(&Default::default()).await.unwrap().items.len(),
            2
        );
        assert!(!marie.me().await.unwrap().must_change_password);
        // The temporary password is gone.
        assert_eq!(
            code(&c.sign_in("ALPHA", "marie", &temp, None).await.unwrap_err()),
            ErrorCode::InvalidCredentials
        );
        s.stop().await;
    }
}

#[tokio::test]
async fn sessions_end_at_sign_out_expiry_and_suspension() {
    for b in backends() {
        let s = crate::support::start_with(
            &b,
            Config {
                session_hours: 0,
                ..Config::default()
            },
        )
        .await;
        let org = s.org("ALPHA", false).await;
        s.person(org, "zoe", Level::One, Some(PASSWORD)).await;
        let c = s.sign_in("ALPHA", "zoe", PASSWORD).await;
        tokio::time::sleep(std::time::Duration::from_millis(1100)).await;
        assert_eq!(code(&c.me().await.unwrap_err()), ErrorCode::SessionExpired);
        s.stop().await;

        let s = crate::support::start(&b).await;
        let org = s.org("ALPHA", false).await;
        s.person(org, "zoe", Level::One, Some(PASSWORD)).await;
        let sam = s.person(org, "sam", Level::Two, Some(PASSWORD)).await;
        let zoe = s.sign_in("ALPHA", "zoe", PASSWORD).await;
        let sam_session = s.sign_in("ALPHA", "sam", PASSWORD).await;
        zoe.sign_out().await.unwrap();
        assert_eq!(
            code(&zoe.me().await.unwrap_err()),
            ErrorCode::Unauthenticated
        );
        let admin = s.sign_in("ALPHA", "zoe", PASSWORD).await;
        let (st, _) = s
            .raw(
                admin.token(),
                "POST",
                &format!("/api/v1/people/{sam}/suspend"),
                None,
            )
            .await;
        assert_eq!(st, 200);
        assert_eq!(
            code(&sam_session.me().await.unwrap_err()),
            ErrorCode::Unauthenticated,
            "suspension signs out"
        );
        assert_eq!(
            code(
                &s.client()
                    .sign_in("ALPHA", "sam", PASSWORD, None)
                    .await
                    .unwrap_err()
            ),
            ErrorCode::AccountSuspended
        );
        let (st, _) = s
            .raw(
                admin.token(),
                "POST",
                &format!("/api/v1/people/{sam}/reactivate"),
                None,
            )
            .await;
        assert_eq!(st, 200);
        s.sign_in("ALPHA", "sam", PASSWORD).await;
        s.stop().await;
    }
}

#[tokio::test]
async fn service_and_technical_users_use_the_token_endpoint_only() {
    for b in backends() {
        let s = crate::support::start(&b).await;
        let org = s.org("ALPHA", false).await;
        let manager = s.person(org, "boss", Level::Two, Some(PASSWORD)).await;
        let hash = sesame_server::auth::hash_password(PASSWORD).await.unwrap();
        let mut tx = s.db.begin().await.unwrap();
        let st = tx
            .insert_structure(org, None, StructureKind::Company, "Company")
            .await
            .unwrap();
        tx.set_primary_manager(st, 1, Some(manager)).await.unwrap();
        tx.insert_technical_user(org, st, "TECH000001", Language::En, &hash)
            .await
            .unwrap();
        tx.insert_service_user(
            org,
            "PAIE2026",
            "Payroll",
            Status::Active,
            Language::Fr,
            &hash,
            &Scope::everything(),
        )
        .await
        .unwrap();
        tx.commit().await.unwrap();
        let c = s.client();
        for user in ["PAIE2026", "TECH000001"] {
            let e = c.sign_in("ALPHA", user, PASSWORD, None).await.unwrap_err();
            assert_eq!(
                (e.status(), code(&e)),
                (Some(403), ErrorCode::InteractiveSignInRefused),
                "{user}"
            );
            let t = c.api_token("ALPHA", user, PASSWORD).await.unwrap();
            let api = c.with_token(Some(t.token));
            assert_eq!(
                api.structures().await.unwrap().len(),
                1,
                "{user} reads its scope"
            );
            assert_eq!(
                code(&api.me().await.unwrap_err()),
                ErrorCode::InteractiveSignInRefused
            );
        }
        let e = c.api_token("ALPHA", "boss", PASSWORD).await.unwrap_err();
        assert_eq!(code(&e), ErrorCode::NotAnApiAccount);
        s.stop().await;
    }
}

#[tokio::test]
async fn two_factor_enrollment_sign_in_and_reset() {
    for b in backends() {
        let s = crate::support::start(&b).await;
        let org = s.org("ALPHA", false).await;
        s.person(org, "boss", Level::One, Some(PASSWORD)).await;
        let zoe_id = s.person(org, "zoe", Level::Two, Some(PASSWORD)).await;
        let zoe = s.sign_in("ALPHA", "zoe", PASSWORD).await;
        let (st, enrollment) = s
            .raw(zoe.token(), "POST", "/api/v1/me/two-factor", None)
            .await;
        assert_eq!(st, 200);
        assert!(
            enrollment["otpauth_uri"]
                .as_str()
                .unwrap()
                .starts_with("otpauth://totp/")
        );
        let secret = enrollment["secret"].as_str().unwrap().to_owned();
        let totp = |secret: &str| {
            let bytes = totp_rs::Secret::Encoded(secret.into()).to_bytes().unwrap();
            totp_rs::TOTP::new(
                totp_rs::Algorithm::SHA1,
                6,
                1,
                30,
                bytes,
                None,
                "zoe".into(),
            )
            .unwrap()
            .generate_current()
            .unwrap()
        };
        let (st, body) = s
            .raw(
                zoe.token(),
                "POST",
                "/api/v1/me/two-factor/confirm",
                Some(json!({"code": "000000"})),
            )
            .await;
        assert_eq!(
            (st, body["error"]["code"].as_str()),
            (422, Some("invalid_two_factor_code"))
        );
        let (st, me) = s
            .raw(
                zoe.token(),
                "POST",
                "/api/v1/me/two-factor/confirm",
                Some(json!({"code": totp(&secret)})),
            )
            .await;
        assert_eq!((st, me["two_factor"].as_bool()), (200, Some(true)));
        let c = s.client();
        assert_eq!(
            code(&c.sign_in("ALPHA", "zoe", PASSWORD, None).await.unwrap_err()),
            ErrorCode::TwoFactorRequired
        );
        assert_eq!(
            code(
                &c.sign_in("ALPHA", "zoe", PASSWORD, Some("123456"))
                    .await
                    .unwrap_err()
            ),
            ErrorCode::InvalidTwoFactorCode
        );
        c.sign_in("ALPHA", "zoe", PASSWORD, Some(&totp(&secret)))
            .await
            .unwrap();
        // The list shows the shield; an administrator resets it.
        let admin = s.sign_in("ALPHA", "boss", PASSWORD).await;
        assert!(admin.person(zoe_id).await.unwrap().person.two_factor);
        let (st, rec) = s
            .raw(
                admin.token(),
                "DELETE",
                &format!("/api/v1/people/{zoe_id}/two-factor"),
                None,
            )
            .await;
        assert_eq!((st, rec["two_factor"].as_bool()), (200, Some(false)));
        c.sign_in("ALPHA", "zoe", PASSWORD, None).await.unwrap();
        s.stop().await;
    }
}
