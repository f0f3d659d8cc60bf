//! Staff web sessions and sign-in throttling. The store keeps only hashes
//! of session secrets and of throttling keys.

use crate::audit::{self, NewEntry};
use crate::db::Exec;
use crate::{args, Ctx, Store, StoreError};
use kith_domain::{Role, UserId};

/// A live session: whose it is and its CSRF token.
#[derive(Clone)]
pub struct SessionUser {
    pub user: UserId,
    pub role: Role,
    pub email: String,
    pub csrf: String,
    /// An admin reset the password: nothing opens until it is changed.
    pub must_change_password: bool,
    /// The user enrolled a second factor.
    pub second_factor: bool,
    /// The language chosen on "My account" (`None`: the browser's).
    pub language: Option<String>,
    /// The IANA time zone chosen on "My account" (`None`: the server's).
    pub time_zone: Option<String>,
}

impl std::fmt::Debug for SessionUser {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "SessionUser({}, {})", self.user, self.role.as_str())
    }
}

/// The throttling state of one key after a failure was counted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Throttle {
    pub failures: i64,
    pub locked_until: i64,
}

/// Counters are kept at least this long after their last attempt, so a
/// growing lock-out ([`Backoff::forget_ms`] up to this) is not forgotten early.
pub const KEEP_COUNTERS_MS: i64 = 24 * 3600 * 1000;

/// A growing lock-out: see [`Store::count_attempt_backoff`].
#[derive(Clone, Copy, Debug)]
pub struct Backoff {
    pub free: i64,
    pub base_ms: i64,
    pub cap_ms: i64,
    /// At most [`KEEP_COUNTERS_MS`].
    pub forget_ms: i64,
}

impl Store {
    /// Starts a session (and audits the sign-in) in one transaction, records
    /// the user's last sign-in, and ends the second-factor challenge it
    /// completes, if any.
    #[expect(clippy::too_many_arguments, reason = "one row of a session, written once")]
    pub async fn insert_session(
        &self,
        ctx: &Ctx,
        token_hash: &[u8],
        user: UserId,
        csrf: &str,
        now: i64,
        expires_at: i64,
        challenge: Option<&[u8]>,
    ) -> Result<(), StoreError> {
        let mut tx = self.pools.write.begin().await?;
        if let Some(c) = challenge {
            let n = tx
                .execute(
                    "DELETE FROM sign_in_challenges WHERE token_hash = $1 AND user_id = $2",
                    &args![c.to_vec(), user.0],
                )
                .await?;
            if n == 0 {
                // Completed (or ended by a reset) at the same moment.
                return Err(StoreError::NotFound);
            }
        }
        tx.execute("UPDATE users SET last_sign_in_at = $1 WHERE id = $2", &args![now, user.0]).await?;
        tx.execute(
            "INSERT INTO web_sessions (token_hash, user_id, csrf, created_at, last_seen_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6)",
            &args![token_hash.to_vec(), user.0, csrf, now, now, expires_at],
        )
        .await?;
        // Expired sessions of anyone go at the same time: the table stays small.
        tx.execute("DELETE FROM web_sessions WHERE expires_at < $1", &args![now]).await?;
        audit::append(&mut tx, ctx, &[NewEntry::object("session.start", "user", user)]).await?;
        tx.commit().await
    }

    /// The session's user if the session exists, has not expired, has been
    /// used within `idle_ms`, and its user is not disabled. Refreshes its
    /// last use at most once a minute (a write per page view would serialise
    /// every page behind the one SQLite writer).
    pub async fn session_user(
        &self,
        token_hash: &[u8],
        now: i64,
        idle_ms: i64,
    ) -> Result<Option<SessionUser>, StoreError> {
        let row = self
            .pools
            .read
            .conn()
            .await?
            .fetch_optional(
                "SELECT u.id, u.role, u.email, s.csrf, s.last_seen_at, u.must_change_password, u.totp_sealed IS NOT NULL, u.language, u.time_zone \
                 FROM web_sessions s JOIN users u ON u.id = s.user_id \
                 WHERE s.token_hash = $1 AND s.expires_at > $2 AND s.last_seen_at > $3 AND u.disabled = $4",
                &args![token_hash.to_vec(), now, now - idle_ms, false],
            )
            .await?;
        let Some(r) = row else { return Ok(None) };
        let role: String = r.get(1)?;
        let last_seen: i64 = r.get(4)?;
        if now - last_seen > 60_000 {
            let mut tx = self.pools.write.begin().await?;
            tx.execute(
                "UPDATE web_sessions SET last_seen_at = $1 WHERE token_hash = $2",
                &args![now, token_hash.to_vec()],
            )
            .await?;
            tx.commit().await?;
        }
        Ok(Some(SessionUser {
            user: UserId(r.get(0)?),
            role: Role::parse(&role).ok_or(StoreError::Corrupt("user role"))?,
            email: r.get(2)?,
            csrf: r.get(3)?,
            must_change_password: r.get(5)?,
            second_factor: r.get(6)?,
            language: r.get(7)?,
            time_zone: r.get(8)?,
        }))
    }

    /// Ends a session; audited when there was one.
    pub async fn delete_session(&self, ctx: &Ctx, token_hash: &[u8]) -> Result<(), StoreError> {
        let mut tx = self.pools.write.begin().await?;
        let row = tx
            .fetch_optional("SELECT user_id FROM web_sessions WHERE token_hash = $1", &args![token_hash.to_vec()])
            .await?;
        if let Some(r) = row {
            let user = UserId(r.get(0)?);
            tx.execute("DELETE FROM web_sessions WHERE token_hash = $1", &args![token_hash.to_vec()]).await?;
            audit::append(&mut tx, ctx, &[NewEntry::object("session.end", "user", user)]).await?;
        }
        tx.commit().await
    }

    /// Counts an attempt (a sign-in before its password is checked, a public
    /// form submission) for `key` before acting on it,
    /// so attempts running in parallel cannot all pass a check made before
    /// any of them is counted. The row is locked for the transaction (on
    /// PostgreSQL by the first `UPDATE`; SQLite writes one at a time), so
    /// concurrent counts add up. While the key is locked nothing changes;
    /// attempts older than `window_ms` start a new window; going over `max`
    /// locks the key for `lock_ms`. The caller refuses when
    /// `locked_until > now`.
    pub async fn count_attempt(
        &self,
        key_hash: &[u8],
        now: i64,
        window_ms: i64,
        max: i64,
        lock_ms: i64,
    ) -> Result<Throttle, StoreError> {
        let key = key_hash.to_vec();
        let mut tx = self.pools.write.begin().await?;
        // Creates the row or locks the existing one, in one statement.
        tx.execute(
            "INSERT INTO attempt_counters (key_hash, failures, window_start, locked_until) VALUES ($1, 0, $2, 0) \
             ON CONFLICT (key_hash) DO UPDATE SET failures = attempt_counters.failures",
            &args![key.clone(), now],
        )
        .await?;
        let r = tx
            .fetch_optional(
                "SELECT failures, window_start, locked_until FROM attempt_counters WHERE key_hash = $1",
                &args![key.clone()],
            )
            .await?
            .ok_or(StoreError::NotFound)?;
        let (failures, start, locked_until): (i64, i64, i64) = (r.get(0)?, r.get(1)?, r.get(2)?);
        if locked_until > now {
            tx.commit().await?;
            return Ok(Throttle { failures, locked_until });
        }
        let (failures, start) = if now - start < window_ms { (failures + 1, start) } else { (1, now) };
        let locked_until = if failures > max { now + lock_ms } else { 0 };
        // A lock starts a fresh window for when it ends.
        let (failures, start) = if locked_until > 0 { (0, locked_until) } else { (failures, start) };
        tx.execute(
            "UPDATE attempt_counters SET failures = $1, window_start = $2, locked_until = $3 WHERE key_hash = $4",
            &args![failures, start, locked_until, key],
        )
        .await?;
        tx.commit().await?;
        // Forget keys whose window and lock-out are both over, so the table
        // holds only what can still matter however many emails are tried.
        // Its own transaction: it must not hold other keys' rows while this
        // key's row is locked.
        let mut tx = self.pools.write.begin().await?;
        tx.execute(
            "DELETE FROM attempt_counters WHERE window_start < $1 AND locked_until < $2",
            &args![now - window_ms.max(KEEP_COUNTERS_MS), now],
        )
        .await?;
        tx.commit().await?;
        Ok(Throttle { failures, locked_until })
    }

    /// Counts a sign-in attempt for `key` with a lock-out that grows: the
    /// first `free` attempts within `forget_ms` of each other pass freely;
    /// from then on each attempt that is let through locks the key for
    /// `base_ms` doubled per further attempt, at most `cap_ms`, so the next
    /// one waits (a success clears the key). Counted before acting, under
    /// the row lock, like [`Store::count_attempt`]: attempts sent in
    /// parallel past the free ones are let through one per lock.
    pub async fn count_attempt_backoff(&self, key_hash: &[u8], now: i64, b: Backoff) -> Result<Throttle, StoreError> {
        let key = key_hash.to_vec();
        let mut tx = self.pools.write.begin().await?;
        tx.execute(
            "INSERT INTO attempt_counters (key_hash, failures, window_start, locked_until) VALUES ($1, 0, $2, 0) \
             ON CONFLICT (key_hash) DO UPDATE SET failures = attempt_counters.failures",
            &args![key.clone(), now],
        )
        .await?;
        let r = tx
            .fetch_optional(
                "SELECT failures, window_start, locked_until FROM attempt_counters WHERE key_hash = $1",
                &args![key.clone()],
            )
            .await?
            .ok_or(StoreError::NotFound)?;
        let (failures, last, locked_until): (i64, i64, i64) = (r.get(0)?, r.get(1)?, r.get(2)?);
        if locked_until > now {
            tx.commit().await?;
            return Ok(Throttle { failures, locked_until });
        }
        // `window_start` holds the last attempt: a quiet spell forgets them.
        let failures = if now - last < b.forget_ms { failures + 1 } else { 1 };
        let locked_until = match failures - b.free {
            n if n < 0 => 0,
            n => now + b.base_ms.saturating_mul(1i64 << n.min(30)).min(b.cap_ms),
        };
        tx.execute(
            "UPDATE attempt_counters SET failures = $1, window_start = $2, locked_until = $3 WHERE key_hash = $4",
            &args![failures, now, locked_until, key],
        )
        .await?;
        tx.commit().await?;
        // This attempt goes ahead: the lock it set is for the next one.
        Ok(Throttle { failures, locked_until: 0 })
    }

    /// Takes back one counted attempt of `key` (a sign-in from a client
    /// address that succeeded should not count against that address).
    pub async fn forgive_attempt(&self, key_hash: &[u8]) -> Result<(), StoreError> {
        let mut tx = self.pools.write.begin().await?;
        tx.execute(
            "UPDATE attempt_counters SET failures = failures - 1 WHERE key_hash = $1 AND failures > 0",
            &args![key_hash.to_vec()],
        )
        .await?;
        tx.commit().await
    }

    /// Forgets the failures of `key` (after a successful sign-in).
    pub async fn clear_attempts(&self, key_hash: &[u8]) -> Result<(), StoreError> {
        let mut tx = self.pools.write.begin().await?;
        tx.execute("DELETE FROM attempt_counters WHERE key_hash = $1", &args![key_hash.to_vec()]).await?;
        tx.commit().await
    }
}
