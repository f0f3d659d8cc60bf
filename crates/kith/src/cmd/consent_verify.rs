//! `kith consent-verify`: check the consent ledger's hash chain.

use crate::config::{open_store, StoreArgs};
use crate::error::CliError;
use kith_store::audit::Verdict;

#[derive(clap::Args, Debug)]
pub struct ConsentVerifyArgs {
    #[command(flatten)]
    pub store: StoreArgs,
}

pub async fn run(a: ConsentVerifyArgs) -> Result<(), CliError> {
    let store = open_store(&a.store, true).await?;
    match store.consent_verify().await? {
        Verdict::Intact { entries } => {
            println!("consent ledger intact: {entries} events");
            Ok(())
        }
        Verdict::Broken { seq, reason } => {
            Err(CliError::Other(format!("consent ledger broken at event {seq}: {reason}")))
        }
    }
}
