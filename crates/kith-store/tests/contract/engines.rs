//! Where a contract runs: a fresh SQLite database in a scratch directory,
//! or a throwaway PostgreSQL database at `KITH_TEST_PG_URL` (default the
//! local server), dropped afterwards even when the contract panics.

use kith_store::{Ctx, Engine, Store, Vault};
use std::future::Future;
use std::path::{Path, PathBuf};
use uuid::Uuid;

pub fn vault() -> Vault {
    Vault::from_key(&[42u8; 32])
}

pub fn ctx() -> Ctx {
    Ctx { actor: "user:test".into(), request_id: "req-1".into(), token: None }
}

fn pg_admin_url() -> String {
    std::env::var("KITH_TEST_PG_URL").unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".into())
}

/// A new empty scratch directory under the system's temporary directory.
pub fn temp_dir() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("kith-contract-{}", Uuid::now_v7()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// A migrated SQLite store whose database is `dir/kith.db`.
pub async fn sqlite_at(dir: &Path) -> Store {
    let store = Store::connect(&format!("sqlite:{}", dir.join("kith.db").display()), vault()).await.unwrap();
    store.migrate().await.unwrap();
    store
}

/// A migrated store on a new PostgreSQL database; returns the database's name.
async fn pg_store() -> (Store, String) {
    let name = format!("kith_test_{}", Uuid::now_v7().simple());
    let admin = Store::connect(&pg_admin_url(), vault()).await.expect("PostgreSQL at KITH_TEST_PG_URL");
    admin.raw_execute_no_tx(&format!("CREATE DATABASE {name}")).await.unwrap();
    admin.close().await;
    let store = Store::connect(&db_url(&name), vault()).await.unwrap();
    store.migrate().await.unwrap();
    (store, name)
}

fn db_url(name: &str) -> String {
    let base = pg_admin_url();
    let cut = base.rfind('/').unwrap();
    format!("{}/{name}", &base[..cut])
}

async fn drop_pg(name: &str) {
    let admin = Store::connect(&pg_admin_url(), vault()).await.unwrap();
    let _ = admin.raw_execute_no_tx(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)")).await;
    admin.close().await;
}

/// Runs `body` against a fresh store on each engine, SQLite first, with a
/// scratch directory (on SQLite it also holds `kith.db`); the PostgreSQL
/// database is dropped even when the body panics.
pub async fn on_both<F, Fut>(body: F)
where
    F: Fn(Store, PathBuf) -> Fut,
    Fut: Future<Output = ()> + Send + 'static,
{
    let dir = temp_dir();
    let store = sqlite_at(&dir).await;
    let r = tokio::spawn(body(store.clone(), dir.clone())).await;
    store.close().await;
    let _ = std::fs::remove_dir_all(&dir);
    if let Err(e) = r {
        std::panic::resume_unwind(e.into_panic());
    }

    let dir = temp_dir();
    let (store, db) = pg_store().await;
    let r = tokio::spawn(body(store.clone(), dir.clone())).await;
    store.close().await;
    drop_pg(&db).await;
    let _ = std::fs::remove_dir_all(&dir);
    if let Err(e) = r {
        std::panic::resume_unwind(e.into_panic());
    }
}

/// Runs `body` against a fresh PostgreSQL store, given the database's URL
/// too (to open more connections); the database is dropped even when the
/// body panics.
pub async fn on_postgres<F, Fut>(body: F)
where
    F: FnOnce(Store, String) -> Fut,
    Fut: Future<Output = ()> + Send + 'static,
{
    let (store, db) = pg_store().await;
    let r = tokio::spawn(body(store.clone(), db_url(&db))).await;
    store.close().await;
    drop_pg(&db).await;
    if let Err(e) = r {
        std::panic::resume_unwind(e.into_panic());
    }
}

/// Every byte the database holds: on SQLite the database file and its WAL
/// in `dir`, on PostgreSQL a dump of every row.
pub async fn stored_bytes(s: &Store, dir: &Path) -> Vec<u8> {
    match s.engine() {
        Engine::Sqlite => {
            let mut all = std::fs::read(dir.join("kith.db")).unwrap();
            all.extend(std::fs::read(dir.join("kith.db-wal")).unwrap_or_default());
            all
        }
        Engine::Postgres => s.raw_dump_pg().await.unwrap().into_bytes(),
    }
}
