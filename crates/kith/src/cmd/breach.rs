//! `kith breach …`: the breach register at the command line.

use crate::config::{open_store, StoreArgs};
use crate::error::CliError;
use clap::Subcommand;
use kith_app::{App, Principal};

#[derive(Subcommand, Debug)]
pub enum BreachCommand {
    /// Every breach (reference, status, aware at, deadline, time left, notified).
    List {
        #[command(flatten)]
        store: StoreArgs,
    },
}

pub async fn run(command: BreachCommand) -> Result<(), CliError> {
    match command {
        BreachCommand::List { store } => {
            let app = App::new(open_store(&store, true).await?);
            let list = app.breaches(&Principal::cli()).await?;
            if list.is_empty() {
                println!("no breaches recorded");
            }
            let rfc =
                |t: time::OffsetDateTime| t.format(&time::format_description::well_known::Rfc3339).unwrap_or_default();
            for v in list {
                let open = v.stored.breach.status == kith_domain::breach::BreachStatus::Open;
                let left = if v.notified || !open { "-".to_owned() } else { v.clock() };
                println!(
                    "{}\t{}\t{}\t{}\t{}\t{}",
                    v.stored.reference,
                    v.stored.breach.status.as_str(),
                    v.stored.aware.as_ref().map(|a| rfc(a.at)).unwrap_or_else(|| "-".into()),
                    v.deadline.map(rfc).unwrap_or_else(|| "-".into()),
                    left,
                    if v.notified { "notified" } else { "not-notified" }
                );
            }
            Ok(())
        }
    }
}
