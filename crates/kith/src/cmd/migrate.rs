//! `kith migrate`: apply pending migrations and exit.

use crate::config::{open_store, StoreArgs};
use crate::error::CliError;

#[derive(clap::Args, Debug)]
pub struct MigrateArgs {
    #[command(flatten)]
    pub store: StoreArgs,
}

pub async fn run(a: MigrateArgs) -> Result<(), CliError> {
    open_store(&a.store, true).await?;
    println!("migrations applied");
    Ok(())
}
