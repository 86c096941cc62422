//! The server's "now". Every time the server reads goes through [`now`], which follows the
//! [`Clock`] of the request or task being served: the real time, shifted by an offset that a
//! test moves forward instead of sleeping.

use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};

/// A clock that reads the system's time plus an offset. Clones share the offset, so the test
/// that built a server's [`crate::Config`] keeps a handle to its clock.
#[derive(Debug, Clone, Default)]
pub struct Clock {
    offset: Arc<AtomicI64>,
}

tokio::task_local! {
    static CURRENT: Clock;
}

fn system_now() -> i64 {
    time::OffsetDateTime::now_utc().unix_timestamp()
}

impl Clock {
    /// Now on this clock, in Unix seconds.
    pub fn now(&self) -> i64 {
        system_now() + self.offset.load(Ordering::Relaxed)
    }

    /// Moves this clock (and every clone of it) forward by `secs`.
    pub fn advance(&self, secs: i64) {
        self.offset.fetch_add(secs, Ordering::Relaxed);
    }

    pub fn advance_days(&self, days: i64) {
        self.advance(days * 86_400);
    }

    /// Runs `f` with this clock as [`now`]'s.
    pub async fn scope<F: std::future::Future>(&self, f: F) -> F::Output {
        CURRENT.scope(self.clone(), f).await
    }
}

/// Now, in Unix seconds, on the clock of the request or task being served (the system's
/// time outside one).
pub fn now() -> i64 {
    CURRENT
        .try_with(Clock::now)
        .unwrap_or_else(|_| system_now())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_scoped_clock_moves_now_and_nothing_else() {
        let clock = Clock::default();
        clock.advance_days(400);
        let inside = clock.scope(async { now() }).await;
        assert!(inside - now() >= 400 * 86_400 - 5);
        assert!((now() - system_now()).abs() <= 1);
    }
}
