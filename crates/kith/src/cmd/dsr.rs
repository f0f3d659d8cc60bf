//! `kith dsr …`: the data-subject request queue at the command line.

use crate::config::{open_store, StoreArgs};
use crate::error::CliError;
use clap::Subcommand;
use kith_app::{App, Principal};

#[derive(Subcommand, Debug)]
pub enum DsrCommand {
    /// Open requests by due date (id, due date, flag, kind, status, contact).
    List {
        #[command(flatten)]
        store: StoreArgs,
        /// Only overdue requests and those due within 7 days.
        #[arg(long)]
        due_soon: bool,
    },
}

pub async fn run(command: DsrCommand) -> Result<(), CliError> {
    match command {
        DsrCommand::List { store, due_soon } => {
            let app = App::new(open_store(&store, true).await?);
            let list = app.dsr_queue(&Principal::cli(), due_soon).await?;
            if list.is_empty() {
                println!("no open requests{}", if due_soon { " due within 7 days or overdue" } else { "" });
            }
            for v in list {
                let flag = if v.overdue {
                    "OVERDUE"
                } else if v.paused {
                    "paused"
                } else if v.due_within_7_days {
                    "due-soon"
                } else {
                    "-"
                };
                println!(
                    "{}\t{}\t{flag}\t{}\t{}\t{}",
                    v.dsr.id,
                    v.due_at.date(),
                    v.dsr.kind.as_str(),
                    v.dsr.status.as_str(),
                    v.dsr.subject
                );
            }
            Ok(())
        }
    }
}
