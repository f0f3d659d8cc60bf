//! One code path over two engines.
//!
//! Queries are written once, with `$1` placeholders that SQLite and
//! PostgreSQL both understand, and run through [`Tx`] / [`Conn`], which bind
//! [`Value`]s on whichever engine is underneath and hand back [`Row`]s with
//! typed getters. This is the only module that names an engine; the dialect
//! arms are the connection settings below and the few helpers that expose
//! [`Engine`] for a statement the two spell differently.

use crate::StoreError;
use sqlx::pool::PoolConnection;
use sqlx::postgres::{PgConnectOptions, PgPoolOptions, PgRow};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteRow, SqliteSynchronous};
use sqlx::{Postgres, Sqlite};
use std::str::FromStr;
use std::time::Duration;
use uuid::Uuid;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Engine {
    Sqlite,
    Postgres,
}

#[derive(Clone, Debug)]
pub(crate) enum Pool {
    Sqlite(sqlx::SqlitePool),
    Pg(sqlx::PgPool),
}

/// A bound parameter.
#[derive(Clone, Debug)]
pub enum Value {
    I64(i64),
    OptI64(Option<i64>),
    Text(String),
    OptText(Option<String>),
    Blob(Vec<u8>),
    OptBlob(Option<Vec<u8>>),
    Uuid(Uuid),
    OptUuid(Option<Uuid>),
    Bool(bool),
}

macro_rules! value_from {
    ($($t:ty => $v:ident),* $(,)?) => {
        $(impl From<$t> for Value { fn from(x: $t) -> Self { Value::$v(x) } })*
    };
}
value_from!(i64 => I64, Option<i64> => OptI64, String => Text, Option<String> => OptText, Vec<u8> => Blob, Option<Vec<u8>> => OptBlob, Uuid => Uuid, Option<Uuid> => OptUuid, bool => Bool);

impl From<&str> for Value {
    fn from(s: &str) -> Self {
        Value::Text(s.to_owned())
    }
}

/// Builds an array of [`Value`]s from expressions convertible into them.
#[macro_export]
macro_rules! args {
    ($($e:expr),* $(,)?) => { [$($crate::db::Value::from($e)),*] };
}

/// Binds `args` in order; the same body for both engines' query types.
macro_rules! bind_values {
    ($q:expr, $args:expr) => {{
        let mut q = $q;
        for a in $args {
            q = match a {
                Value::I64(v) => q.bind(*v),
                Value::OptI64(v) => q.bind(*v),
                Value::Text(v) => q.bind(v.as_str()),
                Value::OptText(v) => q.bind(v.as_deref()),
                Value::Blob(v) => q.bind(v.as_slice()),
                Value::OptBlob(v) => q.bind(v.as_deref()),
                Value::Uuid(v) => q.bind(*v),
                Value::OptUuid(v) => q.bind(*v),
                Value::Bool(v) => q.bind(*v),
            };
        }
        q
    }};
}

/// A column type readable on both engines.
pub trait Col: Sized + Send
where
    Self: for<'r> sqlx::Decode<'r, Sqlite> + sqlx::Type<Sqlite>,
    Self: for<'r> sqlx::Decode<'r, Postgres> + sqlx::Type<Postgres>,
{
}
impl<T> Col for T
where
    T: Sized + Send,
    T: for<'r> sqlx::Decode<'r, Sqlite> + sqlx::Type<Sqlite>,
    T: for<'r> sqlx::Decode<'r, Postgres> + sqlx::Type<Postgres>,
{
}

/// A result row from either engine.
pub enum Row {
    Sqlite(SqliteRow),
    Pg(PgRow),
}

impl Row {
    pub fn get<T: Col>(&self, i: usize) -> Result<T, StoreError> {
        use sqlx::Row as _;
        Ok(match self {
            Row::Sqlite(r) => r.try_get(i)?,
            Row::Pg(r) => r.try_get(i)?,
        })
    }
}

/// Runs `$body` on whichever engine's connection `$self` holds, with `$wrap`
/// naming the matching [`Row`] constructor. The body is written once.
macro_rules! dispatch {
    ($self:ident, $conn:ident, $wrap:ident => $body:expr) => {
        match $self {
            Self::Sqlite($conn) => {
                let $wrap = Row::Sqlite;
                $body
            }
            Self::Pg($conn) => {
                let $wrap = Row::Pg;
                $body
            }
        }
    };
}

/// Runs statements; implemented by a transaction and by a pooled connection.
pub trait Exec: Send {
    fn engine(&self) -> Engine;
    fn execute(
        &mut self,
        sql: &str,
        args: &[Value],
    ) -> impl std::future::Future<Output = Result<u64, StoreError>> + Send;
    fn fetch_all(
        &mut self,
        sql: &str,
        args: &[Value],
    ) -> impl std::future::Future<Output = Result<Vec<Row>, StoreError>> + Send;
    fn fetch_optional(
        &mut self,
        sql: &str,
        args: &[Value],
    ) -> impl std::future::Future<Output = Result<Option<Row>, StoreError>> + Send;
}

macro_rules! impl_exec {
    ($t:ident) => {
        impl Exec for $t {
            fn engine(&self) -> Engine {
                match self {
                    Self::Sqlite(_) => Engine::Sqlite,
                    Self::Pg(_) => Engine::Postgres,
                }
            }

            async fn execute(&mut self, sql: &str, args: &[Value]) -> Result<u64, StoreError> {
                dispatch!(self, c, _wrap => {
                    let q = bind_values!(sqlx::query(sql), args);
                    Ok(q.execute(&mut **c).await?.rows_affected())
                })
            }

            async fn fetch_all(&mut self, sql: &str, args: &[Value]) -> Result<Vec<Row>, StoreError> {
                dispatch!(self, c, wrap => {
                    let q = bind_values!(sqlx::query(sql), args);
                    Ok(q.fetch_all(&mut **c).await?.into_iter().map(wrap).collect())
                })
            }

            async fn fetch_optional(&mut self, sql: &str, args: &[Value]) -> Result<Option<Row>, StoreError> {
                dispatch!(self, c, wrap => {
                    let q = bind_values!(sqlx::query(sql), args);
                    Ok(q.fetch_optional(&mut **c).await?.map(wrap))
                })
            }
        }
    };
}

/// A transaction. Dropped without [`Tx::commit`], it rolls back.
pub enum Tx {
    Sqlite(sqlx::Transaction<'static, Sqlite>),
    Pg(sqlx::Transaction<'static, Postgres>),
}

impl Tx {
    pub async fn commit(self) -> Result<(), StoreError> {
        match self {
            Tx::Sqlite(t) => t.commit().await?,
            Tx::Pg(t) => t.commit().await?,
        }
        Ok(())
    }
}

/// A pooled connection outside any transaction: for single-statement reads.
pub enum Conn {
    Sqlite(PoolConnection<Sqlite>),
    Pg(PoolConnection<Postgres>),
}

impl_exec!(Tx);
impl_exec!(Conn);

impl Pool {
    pub(crate) async fn begin(&self) -> Result<Tx, StoreError> {
        Ok(match self {
            // IMMEDIATE: take the write lock up front, so a transaction that
            // reads then writes never fails to upgrade (busy_timeout applies).
            Pool::Sqlite(p) => Tx::Sqlite(p.begin_with("BEGIN IMMEDIATE").await?),
            Pool::Pg(p) => Tx::Pg(p.begin().await?),
        })
    }

    pub(crate) async fn conn(&self) -> Result<Conn, StoreError> {
        Ok(match self {
            Pool::Sqlite(p) => Conn::Sqlite(p.acquire().await?),
            Pool::Pg(p) => Conn::Pg(p.acquire().await?),
        })
    }

    pub(crate) fn engine(&self) -> Engine {
        match self {
            Pool::Sqlite(_) => Engine::Sqlite,
            Pool::Pg(_) => Engine::Postgres,
        }
    }

    pub(crate) async fn close(&self) {
        match self {
            Pool::Sqlite(p) => p.close().await,
            Pool::Pg(p) => p.close().await,
        }
    }
}

/// The pools of one store: on SQLite a single writer connection (SQLite
/// allows one writer; a second would only wait on the lock) and a pool of
/// readers; on PostgreSQL one pool for both.
#[derive(Clone, Debug)]
pub(crate) struct Pools {
    pub write: Pool,
    pub read: Pool,
}

static SQLITE_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/sqlite");
static PG_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/postgres");

/// Creates a file readable by its owner only (0600), or makes an existing
/// one so. SQLite gives the WAL and shared-memory files the mode of the
/// database file, so creating that file first covers all three.
pub(crate) fn private_file(path: &std::path::Path, create: bool) -> Result<(), StoreError> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
        let err = |e: std::io::Error| StoreError::Config(format!("cannot make {} private: {e}", path.display()));
        if create && !path.exists() {
            std::fs::OpenOptions::new().write(true).create_new(true).mode(0o600).open(path).map_err(err)?;
        } else if path.exists() {
            std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600)).map_err(err)?;
        }
    }
    let _ = (path, create);
    Ok(())
}

/// The SQLite file and its WAL and shared-memory files, 0600.
fn private_files(db: &str) -> Result<(), StoreError> {
    if db.starts_with(':') || db.contains("mode=memory") {
        return Ok(());
    }
    let db = db.split('?').next().unwrap_or(db);
    private_file(std::path::Path::new(db), true)?;
    for suffix in ["-wal", "-shm"] {
        private_file(std::path::Path::new(&format!("{db}{suffix}")), false)?;
    }
    Ok(())
}

impl Pools {
    /// `url` is `sqlite:PATH` (or a bare path) or `postgres://…`.
    pub(crate) async fn connect(url: &str) -> Result<Pools, StoreError> {
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            // Kith's queries are short and index-driven: parallel workers
            // and JIT compilation only add start-up time (tens of ms when
            // statistics are stale), so both are off for its sessions.
            let opts =
                PgConnectOptions::from_str(url)?.options([("max_parallel_workers_per_gather", "0"), ("jit", "off")]);
            let pool = PgPoolOptions::new()
                .max_connections(16)
                .acquire_timeout(Duration::from_secs(10))
                .connect_with(opts)
                .await?;
            return Ok(Pools { write: Pool::Pg(pool.clone()), read: Pool::Pg(pool) });
        }
        let path = url.strip_prefix("sqlite://").or_else(|| url.strip_prefix("sqlite:")).unwrap_or(url);
        private_files(path)?;
        let opts = SqliteConnectOptions::new()
            .filename(path)
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            // An acknowledged write survives power loss.
            .synchronous(SqliteSynchronous::Full)
            .foreign_keys(true)
            .busy_timeout(Duration::from_secs(10))
            // Deleted content is overwritten with zeros, not left in free pages.
            .pragma("secure_delete", "ON")
            .pragma("cache_size", "-131072")
            // Checkpoint every ~40 MB of WAL rather than 4 MB: a page changed
            // by several bulk transactions is copied back once. Erasure
            // still truncates the WAL at once.
            .pragma("wal_autocheckpoint", "10000")
            .pragma("temp_store", "MEMORY")
            // Reads through a shared memory map of the file, not a copy per
            // connection: a lookup that opens ~15 random candidates (the
            // blind index's deliberate coincidences) costs page faults in the
            // OS cache instead of read syscalls. 2 GiB is SQLite's default cap.
            .pragma("mmap_size", "2147418112");
        let write = SqlitePoolOptions::new()
            .max_connections(1)
            .acquire_timeout(Duration::from_secs(30))
            .connect_with(opts.clone())
            .await?;
        let read = SqlitePoolOptions::new()
            .max_connections(4)
            .acquire_timeout(Duration::from_secs(30))
            .connect_with(opts)
            .await?;
        Ok(Pools { write: Pool::Sqlite(write), read: Pool::Sqlite(read) })
    }

    pub(crate) async fn migrate(&self) -> Result<(), StoreError> {
        match &self.write {
            Pool::Sqlite(p) => SQLITE_MIGRATIONS.run(p).await?,
            Pool::Pg(p) => PG_MIGRATIONS.run(p).await?,
        }
        Ok(())
    }
}

/// One placeholder for parameter `n` (1-based). A dialect arm: SQLite gets
/// anonymous `?` because it resolves `$N` names by a linear scan per
/// parameter, which makes a statement of thousands of parameters quadratic
/// to prepare and to bind (measured: 85% of bulk-insert time).
fn placeholder(engine: Engine, n: usize, out: &mut String) {
    match engine {
        Engine::Sqlite => out.push('?'),
        Engine::Postgres => {
            out.push('$');
            out.push_str(&n.to_string());
        }
    }
}

/// Placeholders for a multi-row insert of `rows` rows of `cols` columns,
/// as the statement's only parameters: `($1,$2),($3,$4)` or `(?,?),(?,?)`.
pub(crate) fn values_placeholders(engine: Engine, rows: usize, cols: usize) -> String {
    let mut s = String::with_capacity(rows * cols * 5);
    let mut n = 1;
    for r in 0..rows {
        if r > 0 {
            s.push(',');
        }
        s.push('(');
        for c in 0..cols {
            if c > 0 {
                s.push(',');
            }
            placeholder(engine, n, &mut s);
            n += 1;
        }
        s.push(')');
    }
    s
}

/// Placeholders for `IN (…)` as the statement's only parameters.
pub(crate) fn list_placeholders(engine: Engine, n: usize) -> String {
    let mut s = String::with_capacity(n * 5);
    for i in 1..=n {
        if i > 1 {
            s.push(',');
        }
        placeholder(engine, i, &mut s);
    }
    s
}

/// Most bind parameters we put in one statement: below SQLite's 32,766 and
/// PostgreSQL's 65,535.
pub(crate) const MAX_PARAMS: usize = 30_000;

/// The ids as statement parameters.
pub(crate) fn ids_values(ids: &[uuid::Uuid]) -> Vec<Value> {
    ids.iter().map(|u| Value::Uuid(*u)).collect()
}

/// A statement with `{in}` replaced by the placeholders of `ids`, run in
/// chunks of at most [`MAX_PARAMS`] ids; the rows of every chunk.
pub(crate) async fn fetch_in(tx: &mut impl Exec, sql: &str, ids: &[uuid::Uuid]) -> Result<Vec<Row>, StoreError> {
    let mut out = Vec::new();
    for chunk in ids.chunks(MAX_PARAMS) {
        let q = sql.replace("{in}", &list_placeholders(tx.engine(), chunk.len()));
        out.extend(tx.fetch_all(&q, &ids_values(chunk)).await?);
    }
    Ok(out)
}
