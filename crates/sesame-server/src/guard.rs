//! What a wrong password costs, counted so that a guesser cannot turn it against the account's
//! owner: failures count per account and per source address. An address that keeps failing on
//! an account is slowed down, then refused on it; an address that fails on many accounts is
//! refused on all of them. An account that fails too often, from wherever, is refused from
//! every address except those it last signed in from, so the owner (or the payroll software)
//! keeps working while the attacker is shut out; its owner is told once, and the audit log
//! records it. Everything is in the database: every replica counts the same failures.

use std::net::IpAddr;
use std::time::Duration;

use crate::AppState;
use crate::error::ApiResult;
use crate::mail::AttackAlert;
use crate::store::{AuditRecord, Conn, Counter, Failures, Limit, to_time};
use sesame_core::api::AuditDetail;
use sesame_core::domain::AuditAction;

/// A new alert for the same account only after this long.
const ALERT_EVERY: i64 = 24 * 3600;
/// How many of an account's latest addresses keep working while it is attacked.
const KNOWN_SOURCES: i64 = 5;

/// The address as failures are counted: an IPv4 address, or the /64 network of an IPv6 one
/// (one household or office gets a whole /64, and one attacker can use all of it).
pub fn source_of(ip: IpAddr) -> String {
    match ip {
        IpAddr::V4(v4) => v4.to_string(),
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => v4.to_string(),
            None => {
                let s = v6.segments();
                format!("{:x}:{:x}:{:x}:{:x}::/64", s[0], s[1], s[2], s[3])
            }
        },
    }
}

/// One try of a password: the organization code (upper case), the user ID (lower case) and the
/// source address.
#[derive(Debug, Clone)]
pub struct Attempt {
    pub org: String,
    pub user: String,
    pub source: String,
}

/// The counters that concern one attempt, read before its password is checked.
#[derive(Debug, Clone, Copy)]
pub struct Standing {
    pair: Failures,
    account: Failures,
    source: Failures,
}

impl Attempt {
    /// An attempt as typed: the organization code and user ID are compared whatever their case.
    pub fn new(org_code: &str, user_id: &str, source: &str) -> Attempt {
        Attempt {
            org: org_code.trim().to_uppercase(),
            user: user_id.trim().to_lowercase(),
            source: source.to_owned(),
        }
    }

    fn pair(&self) -> Counter<'_> {
        Counter::Pair {
            org: &self.org,
            user: &self.user,
            source: &self.source,
        }
    }

    fn account(&self) -> Counter<'_> {
        Counter::Account {
            org: &self.org,
            user: &self.user,
        }
    }

    fn on_any_account(&self) -> Counter<'_> {
        Counter::Source {
            source: &self.source,
        }
    }

    pub async fn standing(&self, conn: &mut Conn) -> Result<Standing, sqlx::Error> {
        Ok(Standing {
            pair: conn.failures(self.pair()).await?,
            account: conn.failures(self.account()).await?,
            source: conn.failures(self.on_any_account()).await?,
        })
    }
}

impl Standing {
    /// Until when this attempt is refused without looking at the password, if it is.
    /// `known`: the account last signed in from this address.
    pub fn refused_until(&self, known: bool, t: i64) -> Option<i64> {
        let account = self.account.locked_at(t).filter(|_| !known);
        [self.pair.locked_at(t), self.source.locked_at(t), account]
            .into_iter()
            .flatten()
            .max()
    }

    /// How long to wait before answering: half a second per failure past `slow_after`, on
    /// this account from this address or from this address on any account, at most 3 s.
    pub fn delay(&self, state: &AppState, t: i64) -> Duration {
        let cfg = &state.config;
        let window = cfg.lock_secs;
        let over = (self.pair.recent(t, window) - cfg.slow_after + 1)
            .max(self.source.recent(t, window) - cfg.source_slow_after + 1)
            .clamp(0, 6);
        Duration::from_millis(over as u64 * 500)
    }
}

fn limits(state: &AppState) -> (Limit, Limit) {
    let cfg = &state.config;
    let account = Limit {
        after: cfg.lock_after,
        secs: cfg.lock_secs,
    };
    let source = Limit {
        after: cfg.source_lock_after,
        secs: cfg.lock_secs,
    };
    (account, source)
}

/// Counts a wrong password (or a wrong authentication code) and tells the owner once when
/// the account starts being refused to strangers. `target`: the account named, when there is
/// one (organization, account) and whether it last signed in from this address. Returns until
/// when this address is now refused, if it is.
pub async fn failed(
    state: &AppState,
    attempt: &Attempt,
    target: Option<(i64, i64, bool)>,
    t: i64,
) -> ApiResult<Option<i64>> {
    let (limit, source_limit) = limits(state);
    let mut tx = state.db.begin().await?;
    let (pair, _) = tx.count_failure(attempt.pair(), limit, t).await?;
    let (account, locked_now) = tx.count_failure(attempt.account(), limit, t).await?;
    let (source, _) = tx
        .count_failure(attempt.on_any_account(), source_limit, t)
        .await?;
    let fresh = account.alerted_at.is_none_or(|a| a <= t - ALERT_EVERY);
    if let (true, true, Some((org_id, account_id, _))) = (locked_now, fresh, target) {
        let until = account.locked_until.unwrap_or(t);
        alert(
            &mut tx,
            attempt,
            (org_id, account_id),
            until,
            state.config.lock_after,
        )
        .await?;
        tx.mark_alerted(attempt.account(), t).await?;
    }
    tx.commit().await?;
    let known = target.is_some_and(|(_, _, known)| known);
    let standing = Standing {
        pair,
        account,
        source,
    };
    Ok(standing.refused_until(known, t))
}

/// A right password: this address's failures on the account are forgotten, and the address
/// is remembered as one the account works from.
pub async fn succeeded(
    state: &AppState,
    attempt: &Attempt,
    account_id: i64,
    t: i64,
) -> ApiResult<()> {
    let mut tx = state.db.begin().await?;
    tx.clear_failures(attempt.pair(), t).await?;
    tx.clear_failures(attempt.account(), t).await?;
    tx.remember_source(account_id, &attempt.source, t, KNOWN_SOURCES)
        .await?;
    tx.commit().await?;
    Ok(())
}

/// The mail to whoever answers for the account, and the audit line, in one transaction.
async fn alert(
    conn: &mut Conn,
    attempt: &Attempt,
    (org_id, account_id): (i64, i64),
    until: i64,
    failures: i64,
) -> ApiResult<()> {
    let Some(alert) = AttackAlert::load(conn, org_id, account_id).await? else {
        return Ok(());
    };
    let recipients = alert.queue(conn, &attempt.source, failures, until).await?;
    conn.audit(AuditRecord {
        org_id: alert.org.id,
        actor_id: None,
        actor_label: "sesame",
        action: AuditAction::SignInAttacked,
        target_id: Some(account_id),
        target_label: &alert.login,
        detail: Some(AuditDetail::Attack {
            source: attempt.source.clone(),
            failures,
            until: to_time(until),
            recipients,
        }),
    })
    .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_ipv6_source_is_its_network_and_a_mapped_one_its_ipv4() {
        assert_eq!(source_of("127.0.0.2".parse().unwrap()), "127.0.0.2");
        assert_eq!(
            source_of("2001:db8:1:2:aaaa::1".parse().unwrap()),
            "2001:db8:1:2::/64"
        );
        assert_eq!(
            source_of("2001:db8:1:2:bbbb::9".parse().unwrap()),
            "2001:db8:1:2::/64"
        );
        assert_eq!(source_of("::ffff:10.0.0.7".parse().unwrap()), "10.0.0.7");
    }
}
