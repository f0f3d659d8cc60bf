//! Kith's storage: SQLite or PostgreSQL through one code path ([`db`]), the
//! vault ([`vault`]), and the audit chain ([`audit`]).
//!
//! Nothing here knows who is asking or whether they may: the `app` layer
//! decides that and hands the store an audit [`Ctx`] so every change and its
//! audit entry commit in one transaction.

// Module order, lowest first: a module uses (by path, or by calling a
// `Store` method defined there) only modules on lines above its own, and
// the crate root. Keep it so: no module cycle.
//   db, vault
//   audit, baseline, idempotency, jobs, keycheck, keys, permissions, segment_sql
//   accounts, affected, companies, dpia, exports, import_runs, mail, policy, purposes,
//     recipients, registers, rights, sessions, settings, staff, views
//   authorisations, breaches, contacts, dsr
//   consent, deals, erasure, interactions, newsletters, segments
//   backup, import, retention, webhooks
//   evidence

pub mod accounts;
pub mod affected;
pub mod art14;
pub mod audit;
pub mod authorisations;
pub mod auto_requests;
pub mod backup;
pub mod baseline;
pub mod breaches;
pub mod companies;
pub mod consent;
pub mod contacts;
pub mod db;
pub mod deals;
pub mod dpia;
pub mod dsr;
pub mod erasure;
pub mod evidence;
pub mod exports;
pub mod idempotency;
pub mod import;
pub mod import_runs;
pub mod interactions;
pub mod jobs;
pub mod keycheck;
mod keys;
pub mod mail;
pub mod newsletters;
pub mod parting;
mod permissions;
pub mod policy;
pub mod purposes;
pub mod recipients;
pub mod registers;
pub mod retention;
pub mod rights;
mod segment_sql;
pub mod segments;
pub mod sessions;
pub mod settings;
pub mod staff;
pub mod templates;
pub mod texts;
pub mod vault;
pub mod views;
pub mod webhooks;

use std::sync::Arc;

pub use db::Engine;
pub use vault::Vault;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database error")]
    Db(#[from] sqlx::Error),
    #[error("database migration failed")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error("a sealed value failed to open (wrong master key or tampered data)")]
    Crypto,
    #[error("{0}")]
    Config(String),
    #[error("not found")]
    NotFound,
    /// A referenced record (named by the field) does not exist.
    #[error("{0} refers to a record that does not exist")]
    MissingRef(&'static str),
    #[error("conflict: {0}")]
    Conflict(&'static str),
    /// The idempotency key was already used by an earlier request.
    #[error("idempotency key already used")]
    IdempotencyReplay,
    #[error("stored data is corrupt: {0}")]
    Corrupt(&'static str),
    /// A person's processing is restricted (Art. 18): only storage.
    #[error("processing of a contact is restricted")]
    Restricted,
    /// The erasure journal could not be written before an erasure
    /// committed, so the erasure was rolled back.
    #[error("the erasure journal could not be written, so nothing was erased: {0}")]
    Journal(#[source] std::io::Error),
}

/// What a storage error means to its caller, decided here, where sqlx
/// lives, instead of by each caller inspecting database error codes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Failure {
    /// The database is too busy (the pool timed out, SQLite stayed busy):
    /// the request may be retried later.
    Busy,
    /// Two transactions touched the same rows at once (a deadlock or a
    /// serialisation failure): retrying the request is safe.
    Retry,
    /// A reference was checked before writing, so a foreign-key violation
    /// means a related record changed at the same moment.
    RelatedChanged,
    /// A uniqueness constraint: the record exists already.
    Duplicate,
    /// Anything else: an internal error.
    Other,
}

impl StoreError {
    /// How the caller should treat this error (see [`Failure`]).
    pub fn failure(&self) -> Failure {
        let StoreError::Db(e) = self else { return Failure::Other };
        match e {
            sqlx::Error::PoolTimedOut => Failure::Busy,
            sqlx::Error::Database(d) if d.is_foreign_key_violation() => Failure::RelatedChanged,
            sqlx::Error::Database(d) if d.is_unique_violation() => Failure::Duplicate,
            // PostgreSQL: deadlock detected, serialization failure.
            sqlx::Error::Database(d) if matches!(d.code().as_deref(), Some("40P01" | "40001")) => Failure::Retry,
            // SQLite: SQLITE_BUSY and SQLITE_LOCKED (and their extended codes).
            sqlx::Error::Database(d)
                if d.code().and_then(|c| c.parse::<i32>().ok()).is_some_and(|c| matches!(c & 0xff, 5 | 6)) =>
            {
                Failure::Busy
            }
            _ => Failure::Other,
        }
    }
}

/// Who acts and in which request: recorded in the audit entry of each change.
#[derive(Clone, Debug)]
pub struct Ctx {
    /// `user:<id>` for staff, `cli` or `system` otherwise. Never a name or email.
    pub actor: String,
    pub request_id: String,
    /// The API token the request came with, if any: recorded beside the
    /// actor, so an entry tells which credential acted.
    pub token: Option<AuditToken>,
}

/// An API token as audit entries name it: its id and the name its owner gave it.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct AuditToken {
    pub id: uuid::Uuid,
    pub name: String,
}

/// The store: pools plus the vault.
#[derive(Clone, Debug)]
pub struct Store {
    pub(crate) pools: db::Pools,
    pub(crate) vault: Arc<Vault>,
    /// Where erasures are journalled (see [`erasure::journal`]).
    pub(crate) journal: Option<Arc<std::path::PathBuf>>,
    /// How long a record's review lasts: a segment's "review due" finds
    /// records last reviewed (or created) longer ago than this.
    pub(crate) review_after: time::Duration,
}

impl Store {
    /// Connects (creating the SQLite file if needed). Does not migrate.
    pub async fn connect(url: &str, vault: Vault) -> Result<Store, StoreError> {
        Ok(Store {
            pools: db::Pools::connect(url).await?,
            vault: Arc::new(vault),
            journal: None,
            review_after: time::Duration::days(365),
        })
    }

    /// Applies pending migrations. Safe to run from several servers at once
    /// on PostgreSQL (the migrator takes an advisory lock).
    /// Then checks the master key against the database's key check value
    /// (recording it on first use) and recomputes email keys if needed.
    pub async fn migrate(&self) -> Result<(), StoreError> {
        self.pools.migrate().await?;
        self.check_master_key(true).await?;
        self.backfill_email_keys().await?;
        self.backfill_recipients().await
    }

    /// Applies pending migrations only: no key check, nothing sealed.
    pub async fn migrate_schema(&self) -> Result<(), StoreError> {
        self.pools.migrate().await
    }

    /// Sets how long a record's review lasts (the app's setting).
    pub fn with_review_after(mut self, review_after: time::Duration) -> Store {
        self.review_after = review_after;
        self
    }

    pub fn engine(&self) -> Engine {
        self.pools.write.engine()
    }

    pub fn vault(&self) -> &Vault {
        &self.vault
    }

    pub async fn close(&self) {
        self.pools.write.close().await;
        self.pools.read.close().await;
    }

    /// SQLite: moves the WAL into the database file and truncates the WAL to
    /// zero bytes, so deleted content is gone from both. No-op on PostgreSQL.
    pub async fn checkpoint(&self) -> Result<(), StoreError> {
        use db::Exec;
        if self.engine() == Engine::Sqlite {
            let mut c = self.pools.write.conn().await?;
            // A reader still using old WAL frames makes it report busy (a
            // result row, not an error): retry briefly.
            // Each attempt may itself wait up to the busy timeout: few attempts.
            for attempt in 0..3 {
                let row = c.fetch_optional("PRAGMA wal_checkpoint(TRUNCATE)", &[]).await?;
                let busy: i64 = match row {
                    Some(r) => r.get(0)?,
                    None => 0,
                };
                if busy == 0 {
                    return Ok(());
                }
                if attempt == 2 {
                    return Err(StoreError::Config("the WAL checkpoint stayed busy".into()));
                }
                tokio::time::sleep(std::time::Duration::from_millis(50)).await;
            }
        }
        Ok(())
    }

    /// After a committed erasure: scrub, and if that fails, log it (the
    /// deletion itself stands; the next checkpoint finishes the scrub).
    pub(crate) async fn scrub_after_erasure(&self) {
        if let Err(e) = self.checkpoint().await {
            tracing::error!(error = %e, "checkpoint after erasure failed; deleted bytes may remain in the WAL until the next checkpoint");
        }
    }
}

/// The latest and earliest moments stored: a time whose offset puts it
/// past them in UTC (`9999-12-31T23:30:00-01:00` is in year 10000) is
/// stored as the nearest, so that reading it back never fails.
const MAX_MS: i64 = 253_402_300_799_999;
const MIN_MS: i64 = -377_705_116_800_000;

/// Unix milliseconds of a time, as stored (within the years -9999..=9999 UTC).
pub fn to_ms(t: time::OffsetDateTime) -> i64 {
    i64::try_from(t.unix_timestamp_nanos() / 1_000_000).unwrap_or(MAX_MS).clamp(MIN_MS, MAX_MS)
}

/// A stored time back as a UTC date-time. Values past the representable
/// years (written before [`to_ms`] clamped them) read as the nearest
/// moment, never as 1970.
pub fn from_ms(ms: i64) -> time::OffsetDateTime {
    time::OffsetDateTime::from_unix_timestamp_nanos(i128::from(ms.clamp(MIN_MS, MAX_MS)) * 1_000_000)
        .unwrap_or(time::OffsetDateTime::UNIX_EPOCH)
}

/// Now, in stored milliseconds.
pub fn now_ms() -> i64 {
    to_ms(time::OffsetDateTime::now_utc())
}

/// Constant-time equality: for lookup candidates and secrets.
pub fn ct_eq(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// Escape hatches for tests that tamper with or inspect storage directly, to
/// prove that tampering is detected and that nothing is stored in clear.
/// Kith itself never calls them.
#[doc(hidden)]
pub mod testing {
    use crate::db::Exec;
    use crate::{Store, StoreError};

    impl Store {
        /// Runs one statement as given.
        pub async fn raw_execute(&self, sql: &str) -> Result<u64, StoreError> {
            let mut tx = self.pools.write.begin().await?;
            let n = tx.execute(sql, &[]).await?;
            tx.commit().await?;
            Ok(n)
        }

        /// Runs one statement outside a transaction (`CREATE DATABASE`…).
        pub async fn raw_execute_no_tx(&self, sql: &str) -> Result<u64, StoreError> {
            self.pools.write.conn().await?.execute(sql, &[]).await
        }

        /// PostgreSQL: every row of every table as JSON text (bytea as hex).
        pub async fn raw_dump_pg(&self) -> Result<String, StoreError> {
            let mut c = self.pools.read.conn().await?;
            let tables =
                c.fetch_all("SELECT tablename::text FROM pg_tables WHERE schemaname = current_schema()", &[]).await?;
            let mut out = String::new();
            for t in tables {
                let name: String = t.get(0)?;
                let sql = format!("SELECT row_to_json(t)::text FROM \"{name}\" t");
                for r in c.fetch_all(&sql, &[]).await? {
                    out.push_str(&r.get::<String>(0)?);
                    out.push('\n');
                }
            }
            Ok(out)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{from_ms, to_ms};
    use time::macros::datetime;

    /// A time past year 9999 in UTC once read back as 1970, so a far
    /// expiry made a consent or a contract long lapsed.
    #[test]
    fn stored_times_read_back_and_far_ones_stay_far() {
        let t = datetime!(2026-11-26 13:05:07.123 UTC);
        assert_eq!(from_ms(to_ms(t)), t);
        let past_9999 = datetime!(9999-12-31 23:30 -01:00);
        assert_eq!(from_ms(to_ms(past_9999)), datetime!(9999-12-31 23:59:59.999 UTC));
        let before = datetime!(-9999-01-01 00:30 +01:00);
        assert_eq!(from_ms(to_ms(before)), datetime!(-9999-01-01 00:00 UTC));
        // Values stored before the clamp read as the nearest moment.
        assert_eq!(from_ms(253_402_302_600_000), datetime!(9999-12-31 23:59:59.999 UTC));
        assert_eq!(from_ms(i64::MIN), datetime!(-9999-01-01 00:00 UTC));
    }
}
