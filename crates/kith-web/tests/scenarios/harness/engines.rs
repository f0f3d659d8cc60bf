//! Where a scenario runs: a fresh SQLite database in a temporary directory,
//! or a throwaway database at `KITH_TEST_PG_URL` (default the local
//! server). Either is removed afterwards, even when the scenario panics.

use super::TestApp;
use kith_store::{Store, Vault};
use std::future::Future;
use std::path::PathBuf;
use uuid::Uuid;

fn vault() -> Vault {
    Vault::from_key(&[5u8; 32])
}

fn scratch_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("kith-{name}-{}", Uuid::now_v7()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Runs `scenario` on SQLite, then on PostgreSQL.
pub async fn on_both<F, Fut>(name: &str, scenario: F)
where
    F: Fn(TestApp) -> Fut,
    Fut: Future<Output = ()> + Send + 'static,
{
    on_sqlite(name, &scenario).await;
    on_postgres(name, scenario).await;
}

/// Runs `scenario` on a fresh SQLite database in a temporary directory.
pub async fn on_sqlite<F, Fut>(name: &str, scenario: F)
where
    F: FnOnce(TestApp) -> Fut,
    Fut: Future<Output = ()> + Send + 'static,
{
    let dir = scratch_dir(name);
    let url = format!("sqlite:{}", dir.join("kith.db").display());
    let store = Store::connect(&url, vault()).await.expect("SQLite");
    let r = run(store.clone(), dir.clone(), scenario).await;
    store.close().await;
    let _ = std::fs::remove_dir_all(&dir);
    resume(name, "SQLite", r);
}

/// Runs `scenario` on a throwaway database at `KITH_TEST_PG_URL`.
pub async fn on_postgres<F, Fut>(name: &str, scenario: F)
where
    F: FnOnce(TestApp) -> Fut,
    Fut: Future<Output = ()> + Send + 'static,
{
    let admin_url =
        std::env::var("KITH_TEST_PG_URL").unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".into());
    // Short enough for PostgreSQL's 63-byte names, unique by the id.
    let tag: String = name.chars().filter(char::is_ascii_alphanumeric).take(20).collect::<String>().to_lowercase();
    let db = format!("kith_{tag}_{}", Uuid::now_v7().simple());
    let admin = Store::connect(&admin_url, vault()).await.expect("PostgreSQL at KITH_TEST_PG_URL");
    admin.raw_execute_no_tx(&format!("CREATE DATABASE {db}")).await.unwrap();
    let url = format!("{}/{db}", &admin_url[..admin_url.rfind('/').unwrap()]);
    let store = Store::connect(&url, vault()).await.unwrap();
    let dir = scratch_dir(name);
    let r = run(store.clone(), dir.clone(), scenario).await;
    store.close().await;
    let _ = admin.raw_execute_no_tx(&format!("DROP DATABASE IF EXISTS {db} WITH (FORCE)")).await;
    admin.close().await;
    let _ = std::fs::remove_dir_all(&dir);
    resume(name, "PostgreSQL", r);
}

/// Sets the world up and runs the scenario, each in a task of its own so
/// that a panic comes back here for the clean-up.
async fn run<F, Fut>(store: Store, dir: PathBuf, scenario: F) -> Result<(), tokio::task::JoinError>
where
    F: FnOnce(TestApp) -> Fut,
    Fut: Future<Output = ()> + Send + 'static,
{
    let t = tokio::spawn(TestApp::new(store, dir)).await?;
    tokio::spawn(scenario(t)).await
}

fn resume(name: &str, engine: &str, r: Result<(), tokio::task::JoinError>) {
    if let Err(e) = r {
        eprintln!("scenario {name} failed on {engine}");
        std::panic::resume_unwind(e.into_panic());
    }
}
