//! `kith audit …`: check the audit trail's hash chain, print its head.

use crate::config::{open_store, StoreArgs};
use crate::error::CliError;
use clap::Subcommand;
use kith_app::{App, Principal};
use kith_store::audit::Verdict;

#[derive(Subcommand, Debug)]
pub enum AuditCommand {
    /// Walk the chain; name the first entry edited, removed or reordered.
    Verify {
        #[command(flatten)]
        store: StoreArgs,
    },
    /// Print the chain head, to record outside Kith.
    Head {
        #[command(flatten)]
        store: StoreArgs,
    },
}

pub async fn run(command: AuditCommand) -> Result<(), CliError> {
    match command {
        AuditCommand::Verify { store } => {
            let app = App::new(open_store(&store, true).await?);
            match app.audit_verify(&Principal::cli()).await? {
                Verdict::Intact { entries } => {
                    println!("audit chain intact: {entries} entries verified");
                    Ok(())
                }
                Verdict::Broken { seq, reason } => {
                    Err(CliError::Other(format!("audit chain broken at entry {seq}: {reason}")))
                }
            }
        }
        AuditCommand::Head { store } => {
            let store = open_store(&store, true).await?;
            let (seq, hash) = store.audit_head().await?;
            println!("{seq}\t{hash}");
            Ok(())
        }
    }
}
