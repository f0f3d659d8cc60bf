//! Where a benchmark's databases live: a SQLite file in the bench
//! directory, or a throwaway database on a PostgreSQL server, dropped after.

use super::args::BenchArgs;
use crate::error::CliError;
use kith_store::{Store, Vault};
use std::path::PathBuf;

pub(super) struct Target {
    pub(super) db_url: String,
    cleanup: Option<(String, String)>,
    file: Option<PathBuf>,
}

pub(super) async fn target(args: &BenchArgs, dir: &std::path::Path, tag: &str) -> Result<Target, CliError> {
    match &args.postgres {
        Some(admin) => {
            let name = format!("kith_bench_{tag}_{}", uuid::Uuid::now_v7().simple());
            let a = Store::connect(admin, Vault::from_key(&[0u8; 32])).await?;
            a.raw_execute_no_tx(&format!("CREATE DATABASE {name}")).await?;
            a.close().await;
            let cut =
                admin.rfind('/').ok_or_else(|| CliError::Usage("the PostgreSQL URL needs a database name".into()))?;
            Ok(Target { db_url: format!("{}/{name}", &admin[..cut]), cleanup: Some((admin.clone(), name)), file: None })
        }
        None => {
            let file = dir.join(format!("{tag}.db"));
            Ok(Target { db_url: format!("sqlite:{}", file.display()), cleanup: None, file: Some(file) })
        }
    }
}

pub(super) async fn size(store: &Store, t: &Target) -> Result<u64, CliError> {
    match &t.file {
        Some(f) => {
            store.checkpoint().await?;
            Ok(std::fs::metadata(f).map(|m| m.len()).unwrap_or(0))
        }
        None => Ok(store.pg_database_size().await? as u64),
    }
}

/// PostgreSQL: what autovacuum does after a bulk load (sets hint bits and
/// the visibility map, gathers statistics), done at once so lookups are not
/// measured against a table nobody has vacuumed yet. Untimed.
pub(super) async fn vacuum(store: &Store, args: &BenchArgs) -> Result<(), CliError> {
    if args.postgres.is_some() {
        store.raw_execute_no_tx("VACUUM (ANALYZE)").await?;
    }
    Ok(())
}

pub(super) async fn drop_target(t: &Target, keep: bool) {
    if keep {
        println!("kept: {}", t.db_url);
        return;
    }
    if let Some((admin, name)) = &t.cleanup {
        if let Ok(a) = Store::connect(admin, Vault::from_key(&[0u8; 32])).await {
            let _ = a.raw_execute_no_tx(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)")).await;
            a.close().await;
        }
    }
}
