//! Suspension over real HTTP: a suspended person cannot sign in and gets no password nor
//! letter, alone or in a batch, until reactivated.

use crate::support::{PASSWORD, backends};
use sesame_core::api::{ErrorCode, RefusedPerson};
use sesame_core::domain::{Level, Status};

#[tokio::test]
async fn suspended_people_neither_sign_in_nor_get_letters_until_reactivated() {
    for b in backends() {
        let s = crate::support::start(&b).await;
        let org = s.org("ALPHA", false).await;
        s.person(org, "admin", Level::One, Some(PASSWORD)).await;
        let sam = s.person(org, "sam", Level::Two, Some(PASSWORD)).await;
        let zoe = s.person(org, "zoe", Level::Three, Some(PASSWORD)).await;
        let admin = s.sign_in("ALPHA", "admin", PASSWORD).await;
        s.sign_in("ALPHA", "zoe", PASSWORD).await;

        let rec = admin.suspend_person(zoe).await.unwrap();
        assert_eq!(rec.person.status, Status::Suspended);
        let refused = s.client().sign_in("ALPHA", "zoe", PASSWORD, None).await;
        assert_eq!(
            refused.unwrap_err().code(),
            Some(ErrorCode::AccountSuspended)
        );

        // One letter: refused with its own code.
        let e = admin.initialize_password(zoe).await.unwrap_err();
        assert_eq!(
            (e.status(), e.code()),
            (Some(409), Some(ErrorCode::PersonSuspended))
        );

        // A batch is all or none: it names who was refused and why, and changes nothing.
        let e = admin.initialize_passwords(&[sam, zoe]).await.unwrap_err();
        assert_eq!(
            (e.status(), e.code()),
            (Some(409), Some(ErrorCode::PersonSuspended))
        );
        let sesame_client::ClientError::Api { error, .. } = e else {
            panic!("an API refusal")
        };
        assert_eq!(
            error.refused,
            vec![RefusedPerson {
                id: zoe,
                user_id: Some("zoe".into()),
                code: ErrorCode::PersonSuspended
            }]
        );
        let sam_again = s.client().sign_in("ALPHA", "sam", PASSWORD, None).await;
        assert!(
            !sam_again.unwrap().me.must_change_password,
            "sam's password did not change"
        );

        let rec = admin.reactivate_person(zoe).await.unwrap();
        assert_eq!(rec.person.status, Status::Active);
        s.sign_in("ALPHA", "zoe", PASSWORD).await;
        let letters = admin.initialize_passwords(&[sam, zoe]).await.unwrap();
        assert_eq!(letters.len(), 2);
        s.stop().await;
    }
}
