//! `kith retention …`: the retention sweep from the command line, with a
//! progress bar and a printed report, and its past runs.

use crate::config::{open_store, StoreArgs};
use crate::error::CliError;
use clap::Subcommand;
use kith_app::retention::Run;
use kith_app::{App, Principal};

#[derive(Subcommand, Debug)]
pub enum RetentionCommand {
    /// Dispose of everyone whose data no purpose justifies any more
    /// (delete or anonymise, as the rule says; legal holds and restrictions
    /// suspend it). Resumes an unfinished run; running it twice does
    /// nothing twice.
    Run {
        #[command(flatten)]
        store: StoreArgs,
        /// List who would go and why; change nothing.
        #[arg(long)]
        dry_run: bool,
    },
    /// Past runs, newest first.
    Runs {
        #[command(flatten)]
        store: StoreArgs,
    },
}

pub async fn run(cmd: RetentionCommand) -> Result<(), CliError> {
    match cmd {
        RetentionCommand::Run { store, dry_run } => {
            let app = App::new(open_store(&store, true).await?);
            let pb = indicatif::ProgressBar::new(0);
            pb.set_style(
                indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} contacts checked, {msg} ({eta})")
                    .map_err(CliError::other)?,
            );
            let verb = if dry_run { "would go" } else { "disposed of" };
            let run = app
                .run_retention(&Principal::cli(), dry_run, "cli", |p| {
                    pb.set_length(p.total);
                    pb.set_position(p.checked);
                    pb.set_message(format!("{} {verb}", p.disposed));
                })
                .await?;
            pb.finish_and_clear();
            print_run(&run);
            Ok(())
        }
        RetentionCommand::Runs { store } => {
            let app = App::new(open_store(&store, true).await?);
            for r in app.retention_runs(&Principal::cli(), 20).await? {
                println!(
                    "{}\t{}\t{}\t{}\tchecked {}\t{} {}",
                    r.id,
                    rfc3339(r.started_at),
                    if r.dry_run { "dry run" } else { "run" },
                    r.started_by,
                    r.checked,
                    r.report.disposed(),
                    match (r.dry_run, r.finished_at) {
                        (true, _) => "would go",
                        (false, Some(_)) => "disposed of",
                        (false, None) => "disposed of so far (unfinished: the next run resumes it)",
                    }
                );
            }
            Ok(())
        }
    }
}

fn print_run(run: &Run) {
    let r = &run.report;
    let verb = if run.dry_run { "would" } else { "did" };
    println!("retention {} {}: {} contacts checked", if run.dry_run { "dry run" } else { "run" }, run.id, run.checked);
    if r.rules.is_empty() {
        println!("  nothing to dispose of");
    }
    for c in r.rules.values() {
        println!("  {} ({}): {} {verb} {}", c.purpose, c.rule, c.count, c.disposal);
    }
    println!(
        "  kept: {}; suspended by a legal hold or restriction: {}; no purpose applies: {}; no rule: {}",
        r.kept, r.suspended, r.no_purpose, r.no_rule
    );
    if run.dry_run {
        for p in &r.would_go {
            println!(
                "  would go: contact {} — {} ({}), expired {}",
                p.contact_id,
                p.purpose,
                p.rule,
                rfc3339(p.expired_at)
            );
        }
        if (r.would_go.len() as u64) < r.disposed() {
            println!("  … {} more not listed", r.disposed() - r.would_go.len() as u64);
        }
    }
}

fn rfc3339(t: time::OffsetDateTime) -> String {
    t.format(&time::format_description::well_known::Rfc3339).unwrap_or_default()
}
