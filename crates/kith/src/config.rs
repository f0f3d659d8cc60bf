//! Where Kith keeps its data and how it opens it.

use kith_store::{Store, Vault};
use std::path::{Path, PathBuf};

/// Settings shared by every subcommand that opens the store.
#[derive(clap::Args, Clone, Debug)]
pub struct StoreArgs {
    /// Directory for the SQLite file and the master key file.
    #[arg(long, env = "KITH_DATA_DIR", default_value = "kith-data")]
    pub data_dir: PathBuf,
    /// `sqlite:PATH` or `postgres://…`; defaults to `kith.db` in the data directory.
    #[arg(long, env = "KITH_DATABASE_URL", hide_env_values = true)]
    pub database_url: Option<String>,
}

/// Opens the store: creates the data directory and master key file if
/// needed (or takes the key from `KITH_MASTER_KEY`), connects, migrates.
pub async fn open_store(args: &StoreArgs, migrate: bool) -> Result<Store, String> {
    let vault = vault(&args.data_dir)?;
    let url = match &args.database_url {
        Some(u) => u.clone(),
        None => format!("sqlite:{}", args.data_dir.join("kith.db").display()),
    };
    let store = Store::connect(&url, vault).await.map_err(|e| format!("cannot open the database: {e}"))?;
    if migrate {
        store.migrate().await.map_err(|e| format!("cannot apply migrations: {e}"))?;
    }
    Ok(store)
}

fn vault(data_dir: &Path) -> Result<Vault, String> {
    if let Ok(k) = std::env::var("KITH_MASTER_KEY") {
        return Vault::from_encoded(&k).map_err(|e| format!("KITH_MASTER_KEY: {e}"));
    }
    create_private_dir(data_dir)?;
    Vault::load_or_create(&data_dir.join("master.key")).map_err(|e| e.to_string())
}

fn create_private_dir(dir: &Path) -> Result<(), String> {
    if dir.exists() {
        return Ok(());
    }
    let mut b = std::fs::DirBuilder::new();
    b.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut b, 0o700);
    b.create(dir).map_err(|e| format!("cannot create the data directory {}: {e}", dir.display()))
}
