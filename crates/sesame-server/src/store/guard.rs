//! Failed sign-ins, counted per account and per source address, and the addresses each account
//! last signed in from. Kept in the database, so that every replica counts the same failures.

use super::{Conn, on_conn};

/// One counter of failed sign-ins (see the 0007 migration for the three kinds).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Counter<'a> {
    /// One address on one account.
    Pair {
        org: &'a str,
        user: &'a str,
        source: &'a str,
    },
    /// One account, from every address.
    Account { org: &'a str, user: &'a str },
    /// One address, on every account.
    Source { source: &'a str },
}

impl<'a> Counter<'a> {
    fn key(self) -> (&'a str, &'a str, &'a str) {
        match self {
            Counter::Pair { org, user, source } => (org, user, source),
            Counter::Account { org, user } => (org, user, ""),
            Counter::Source { source } => ("", "", source),
        }
    }
}

/// The state of one counter.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, sqlx::FromRow)]
pub struct Failures {
    pub failures: i64,
    pub last_failure_at: i64,
    pub locked_until: Option<i64>,
    pub alerted_at: Option<i64>,
}

impl Failures {
    /// Locked at `t`: until when.
    pub fn locked_at(&self, t: i64) -> Option<i64> {
        self.locked_until.filter(|u| *u > t)
    }

    /// Failures still counting at `t` (those of the last `window` seconds).
    pub fn recent(&self, t: i64, window: i64) -> i64 {
        if self.last_failure_at >= t - window {
            self.failures
        } else {
            0
        }
    }
}

/// How many failures lock a counter, and for how long; failures older than `secs` are forgotten.
#[derive(Debug, Clone, Copy)]
pub struct Limit {
    pub after: i64,
    pub secs: i64,
}

impl Conn {
    pub async fn failures(&mut self, counter: Counter<'_>) -> Result<Failures, sqlx::Error> {
        let (org, user, source) = counter.key();
        on_conn!(self, c => {
            sqlx::query_as::<_, Failures>(
                "SELECT failures, last_failure_at, locked_until, alerted_at FROM sign_in_failures \
                 WHERE org_code = $1 AND user_id_key = $2 AND source = $3",
            )
            .bind(org)
            .bind(user)
            .bind(source)
            .fetch_optional(&mut *c)
            .await
            .map(Option::unwrap_or_default)
        })
    }

    /// Counts one more failure at `t`. At `limit.after` failures the counter locks for
    /// `limit.secs` and starts again from zero; returns its state and whether it locked now.
    pub async fn count_failure(
        &mut self,
        counter: Counter<'_>,
        limit: Limit,
        t: i64,
    ) -> Result<(Failures, bool), sqlx::Error> {
        let (org, user, source) = counter.key();
        on_conn!(self, c => {
            let mut row = sqlx::query_as::<_, Failures>(
                "INSERT INTO sign_in_failures (org_code, user_id_key, source, failures, last_failure_at) \
                 VALUES ($1, $2, $3, 1, $4) \
                 ON CONFLICT (org_code, user_id_key, source) DO UPDATE SET \
                 failures = CASE WHEN sign_in_failures.last_failure_at < $5 THEN 1 \
                 ELSE sign_in_failures.failures + 1 END, last_failure_at = $4 \
                 RETURNING failures, last_failure_at, locked_until, alerted_at",
            )
            .bind(org)
            .bind(user)
            .bind(source)
            .bind(t)
            .bind(t - limit.secs)
            .fetch_one(&mut *c)
            .await?;
            if row.failures < limit.after {
                return Ok((row, false));
            }
            sqlx::query(
                "UPDATE sign_in_failures SET locked_until = $1, failures = 0 \
                 WHERE org_code = $2 AND user_id_key = $3 AND source = $4",
            )
            .bind(t + limit.secs)
            .bind(org)
            .bind(user)
            .bind(source)
            .execute(&mut *c)
            .await?;
            row.locked_until = Some(t + limit.secs);
            row.failures = 0;
            Ok((row, true))
        })
    }

    /// Forgets a counter's failures; a lock in force stays, and so does the time of the last
    /// alert (one mail per attack, however often the owner signs in meanwhile).
    pub async fn clear_failures(
        &mut self,
        counter: Counter<'_>,
        t: i64,
    ) -> Result<(), sqlx::Error> {
        let (org, user, source) = counter.key();
        on_conn!(self, c => {
            sqlx::query(
                "UPDATE sign_in_failures SET failures = 0 \
                 WHERE org_code = $1 AND user_id_key = $2 AND source = $3",
            )
            .bind(org)
            .bind(user)
            .bind(source)
            .execute(&mut *c)
            .await?;
            sqlx::query(
                "DELETE FROM sign_in_failures WHERE org_code = $1 AND user_id_key = $2 \
                 AND source = $3 AND alerted_at IS NULL AND (locked_until IS NULL OR locked_until <= $4)",
            )
            .bind(org)
            .bind(user)
            .bind(source)
            .bind(t)
            .execute(&mut *c)
            .await?;
        });
        Ok(())
    }

    /// Notes that the owner was told, at `t`, that the account is being attacked.
    pub async fn mark_alerted(&mut self, counter: Counter<'_>, t: i64) -> Result<(), sqlx::Error> {
        let (org, user, source) = counter.key();
        on_conn!(self, c => {
            sqlx::query(
                "UPDATE sign_in_failures SET alerted_at = $1 \
                 WHERE org_code = $2 AND user_id_key = $3 AND source = $4",
            )
            .bind(t)
            .bind(org)
            .bind(user)
            .bind(source)
            .execute(&mut *c)
            .await?;
        });
        Ok(())
    }

    /// Whether the account last signed in from `source`.
    pub async fn known_source(
        &mut self,
        account_id: i64,
        source: &str,
    ) -> Result<bool, sqlx::Error> {
        on_conn!(self, c => {
            sqlx::query_scalar::<_, i64>(
                "SELECT COUNT(*) FROM sign_in_sources WHERE account_id = $1 AND source = $2",
            )
            .bind(account_id)
            .bind(source)
            .fetch_one(&mut *c)
            .await
            .map(|n| n > 0)
        })
    }

    /// Remembers a successful sign-in from `source`; only the `keep` latest addresses stay.
    pub async fn remember_source(
        &mut self,
        account_id: i64,
        source: &str,
        t: i64,
        keep: i64,
    ) -> Result<(), sqlx::Error> {
        on_conn!(self, c => {
            sqlx::query(
                "INSERT INTO sign_in_sources (account_id, source, last_success_at) VALUES ($1, $2, $3) \
                 ON CONFLICT (account_id, source) DO UPDATE SET last_success_at = $3",
            )
            .bind(account_id)
            .bind(source)
            .bind(t)
            .execute(&mut *c)
            .await?;
            sqlx::query(
                "DELETE FROM sign_in_sources WHERE account_id = $1 AND source NOT IN \
                 (SELECT source FROM sign_in_sources WHERE account_id = $1 \
                 ORDER BY last_success_at DESC, source LIMIT $2)",
            )
            .bind(account_id)
            .bind(keep)
            .execute(&mut *c)
            .await?;
        });
        Ok(())
    }
}
