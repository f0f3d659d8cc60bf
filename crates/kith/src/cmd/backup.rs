//! `kith backup`: a consistent copy of the SQLite database while Kith runs.

use crate::config::{open_store, StoreArgs};
use crate::error::CliError;
use std::path::PathBuf;

#[derive(clap::Args, Debug)]
pub struct BackupArgs {
    #[command(flatten)]
    pub store: StoreArgs,
    /// The backup file to create (must not exist).
    pub file: PathBuf,
}

pub async fn run(a: BackupArgs) -> Result<(), CliError> {
    let s = open_store(&a.store, true).await?;
    s.backup_to(&a.file).await.map_err(CliError::store("backup failed"))?;
    println!("backup written to {}", a.file.display());
    Ok(())
}
