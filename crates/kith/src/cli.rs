//! The command line: one subcommand per role the binary plays. Each one's
//! arguments and work live in `cmd/<name>.rs`; this file parses and
//! dispatches.

use crate::cmd;
use crate::error::CliError;
use clap::{Parser, Subcommand};

#[derive(Parser, Debug)]
#[command(name = "kith", version, about = "Kith, the GDPR-native CRM")]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

impl Cli {
    /// The log filter when `KITH_LOG` is not set: `warn` for benchmarks
    /// (their table stays readable), `info` otherwise.
    pub fn log_default(&self) -> &'static str {
        match self.command {
            Command::Bench(_) => "warn",
            _ => "info,sqlx=warn",
        }
    }
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Apply migrations and serve the API and the staff pages.
    Serve(cmd::serve::ServeArgs),
    /// Fill an empty CRM with fictitious demo data and demo users; print their passwords once.
    Demo(cmd::demo::DemoArgs),
    /// Apply pending database migrations and exit.
    Migrate(cmd::migrate::MigrateArgs),
    /// Manage staff users.
    User {
        #[command(subcommand)]
        command: cmd::user::UserCommand,
    },
    /// Manage API tokens.
    Token {
        #[command(subcommand)]
        command: cmd::token::TokenCommand,
    },
    /// Define and list purposes of processing.
    Purpose {
        #[command(subcommand)]
        command: cmd::purpose::PurposeCommand,
    },
    /// Import records from a file.
    Import {
        #[command(subcommand)]
        command: cmd::import::ImportCommand,
    },
    /// The retention sweep: dispose of data no purpose justifies any more.
    Retention {
        #[command(subcommand)]
        command: cmd::retention::RetentionCommand,
    },
    /// Data-subject requests.
    Dsr {
        #[command(subcommand)]
        command: cmd::dsr::DsrCommand,
    },
    /// The breach register (GDPR Art. 33-34) and its 72-hour clocks.
    Breach {
        #[command(subcommand)]
        command: cmd::breach::BreachCommand,
    },
    /// The record of processing activities (GDPR Art. 30).
    Ropa {
        #[command(subcommand)]
        command: cmd::ropa::RopaCommand,
    },
    /// The signed evidence pack for a supervisory authority, and its check.
    Evidence {
        #[command(subcommand)]
        command: cmd::evidence::EvidenceCommand,
    },
    /// Write a consistent backup of the SQLite database while Kith runs.
    Backup(cmd::backup::BackupArgs),
    /// Restore a backup (stop `kith serve` first), then erase again everyone
    /// erased since it was taken, from the erasure journal.
    Restore(cmd::restore::RestoreArgs),
    /// Check the consent ledger's hash chain.
    ConsentVerify(cmd::consent_verify::ConsentVerifyArgs),
    /// Inspect the audit trail.
    Audit {
        #[command(subcommand)]
        command: cmd::audit::AuditCommand,
    },
    /// Print the OpenAPI document.
    Openapi,
    /// Measure bulk create, lookups and size against an unencrypted baseline.
    Bench(crate::bench::BenchArgs),
}

pub async fn run(cli: Cli) -> Result<(), CliError> {
    match cli.command {
        Command::Serve(a) => cmd::serve::run(a).await,
        Command::Demo(a) => cmd::demo::run(a).await,
        Command::Migrate(a) => cmd::migrate::run(a).await,
        Command::User { command } => cmd::user::run(command).await,
        Command::Token { command } => cmd::token::run(command).await,
        Command::Purpose { command } => cmd::purpose::run(command).await,
        Command::Import { command } => cmd::import::run(command).await,
        Command::Retention { command } => cmd::retention::run(command).await,
        Command::Dsr { command } => cmd::dsr::run(command).await,
        Command::Breach { command } => cmd::breach::run(command).await,
        Command::Ropa { command } => cmd::ropa::run(command).await,
        Command::Evidence { command } => cmd::evidence::run(command).await,
        Command::Backup(a) => cmd::backup::run(a).await,
        Command::Restore(a) => cmd::restore::run(a).await,
        Command::ConsentVerify(a) => cmd::consent_verify::run(a).await,
        Command::Audit { command } => cmd::audit::run(command).await,
        Command::Openapi => cmd::openapi::run(),
        Command::Bench(args) => crate::bench::run(args).await,
    }
}
