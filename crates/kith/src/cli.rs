//! Subcommands: one per role the binary plays.

use crate::config::{open_store, StoreArgs};
use crate::error::CliError;
use clap::{Parser, Subcommand};
use kith_app::{App, Principal};
use kith_domain::{Role, TokenId};
use kith_store::audit::Verdict;

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
    Serve {
        #[command(flatten)]
        store: StoreArgs,
        /// Address to listen on.
        #[arg(long, env = "KITH_LISTEN", default_value = "127.0.0.1:8080")]
        listen: String,
        /// Seed fictitious demo data (and demo users) first if the CRM holds no contact.
        #[arg(long)]
        demo: bool,
        /// Kith is reached over HTTPS (e.g. behind a TLS proxy): session
        /// cookies get `Secure` and the `__Host-` prefix.
        #[arg(long, env = "KITH_SECURE_COOKIES")]
        secure_cookies: bool,
        /// A reverse proxy in front of Kith appends the client's address to
        /// `X-Forwarded-For`; sign-in throttling counts by that address.
        #[arg(long, env = "KITH_TRUST_FORWARDED_FOR")]
        trust_forwarded_for: bool,
        /// Admins and DPOs must sign in with a second factor (TOTP); without
        /// one they can sign in only to set it up. Recommended.
        #[arg(long = "require-2fa", env = "KITH_REQUIRE_2FA")]
        require_second_factor: bool,
        #[command(flatten)]
        mail: crate::config::MailArgs,
    },
    /// Fill an empty CRM with fictitious demo data and demo users; print their passwords once.
    Demo {
        #[command(flatten)]
        store: StoreArgs,
        /// Address `kith serve` listens on (only used in the printed sign-in link).
        #[arg(long, env = "KITH_LISTEN", default_value = "127.0.0.1:8080")]
        listen: String,
    },
    /// Apply pending database migrations and exit.
    Migrate {
        #[command(flatten)]
        store: StoreArgs,
    },
    /// Manage staff users.
    User {
        #[command(subcommand)]
        command: crate::users::UserCommand,
    },
    /// Manage API tokens.
    Token {
        #[command(subcommand)]
        command: TokenCommand,
    },
    /// Define and list purposes of processing.
    Purpose {
        #[command(subcommand)]
        command: PurposeCommand,
    },
    /// Import records from a file.
    Import {
        #[command(subcommand)]
        command: ImportCommand,
    },
    /// The retention sweep: dispose of data no purpose justifies any more.
    Retention {
        #[command(subcommand)]
        command: crate::retention::RetentionCommand,
    },
    /// Data-subject requests.
    Dsr {
        #[command(subcommand)]
        command: DsrCommand,
    },
    /// Write a consistent backup of the SQLite database while Kith runs.
    Backup {
        #[command(flatten)]
        store: StoreArgs,
        /// The backup file to create (must not exist).
        file: std::path::PathBuf,
    },
    /// Restore a backup (stop `kith serve` first), then erase again everyone
    /// erased since it was taken, from the erasure journal.
    Restore {
        #[command(flatten)]
        store: StoreArgs,
        /// The backup file (not needed with --reapply-only).
        file: Option<std::path::PathBuf>,
        /// Only re-apply the erasure journal (after a pg_restore).
        #[arg(long)]
        reapply_only: bool,
    },
    /// Check the consent ledger's hash chain.
    ConsentVerify {
        #[command(flatten)]
        store: StoreArgs,
    },
    /// Inspect the audit trail.
    Audit {
        #[command(subcommand)]
        command: AuditCommand,
    },
    /// Print the OpenAPI document.
    Openapi,
    /// Measure bulk create, lookups and size against an unencrypted baseline.
    Bench(crate::bench::BenchArgs),
}

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

#[derive(Subcommand, Debug)]
pub enum ImportCommand {
    /// Contacts from CSV: a dry run reports per line what would happen;
    /// a real run writes batches of 25,000 rows, each all or nothing.
    Contacts(crate::import::ImportArgs),
}

#[derive(Subcommand, Debug)]
pub enum PurposeCommand {
    /// List purposes with their default basis.
    List {
        #[command(flatten)]
        store: StoreArgs,
    },
    /// Define a purpose.
    Add {
        #[command(flatten)]
        store: StoreArgs,
        #[arg(long)]
        name: String,
        #[arg(long)]
        description: String,
        /// not_applicable, consent, contract, legal_obligation, vital_interests, public_task or legitimate_interests.
        #[arg(long, value_parser = parse_basis)]
        default_basis: kith_domain::LawfulBasis,
        /// Data categories, comma-separated.
        #[arg(long, value_delimiter = ',')]
        categories: Vec<String>,
        #[arg(long, default_value = "")]
        retention: String,
        #[arg(long, default_value = "")]
        recipients: String,
        /// The purpose is direct marketing (an objection to it is absolute).
        #[arg(long)]
        direct_marketing: bool,
    },
    /// Set or clear a purpose's retention rule.
    SetRule(crate::retention::SetRuleArgs),
}

pub(crate) fn parse_basis(s: &str) -> Result<kith_domain::LawfulBasis, CliError> {
    kith_domain::LawfulBasis::parse(s).ok_or_else(|| {
        let all: Vec<&str> = kith_domain::LawfulBasis::ALL.iter().map(|b| b.as_str()).collect();
        CliError::Usage(format!("must be one of {}", all.join(", ")))
    })
}

#[derive(Subcommand, Debug)]
pub enum TokenCommand {
    /// Create an API token for a user and print it once. The operator's
    /// tool (it needs the data directory): staff mint their own tokens on
    /// My account or through the API, and cannot mint one for anyone else.
    Create {
        #[command(flatten)]
        store: StoreArgs,
        #[arg(long)]
        email: String,
        #[arg(long)]
        name: String,
    },
    /// Revoke a token by id.
    Revoke {
        #[command(flatten)]
        store: StoreArgs,
        id: TokenId,
    },
    /// List tokens (never their secrets).
    List {
        #[command(flatten)]
        store: StoreArgs,
    },
}

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

pub(crate) fn parse_role(s: &str) -> Result<Role, CliError> {
    Role::parse(s)
        .ok_or_else(|| CliError::Usage("must be one of admin, dpo, sales, marketing, support, readonly".into()))
}

pub async fn run(cli: Cli) -> Result<(), CliError> {
    match cli.command {
        Command::Serve { store, listen, demo, secure_cookies, trust_forwarded_for, require_second_factor, mail } => {
            let store = open_store(&store, true).await?;
            // Before serving, on the live database: erasures journalled but
            // never committed (a crash in between) are voided, or marked done.
            store.settle_erasure_journal().await.map_err(CliError::store("cannot settle the erasure journal"))?;
            let transport =
                kith_app::mailer::Transport::from_url(mail.smtp_url.as_deref()).map_err(CliError::Config)?;
            let mut settings = mail.settings(&listen);
            settings.outbox_shows_links |= demo;
            let app = App::new(store.clone()).with_settings(settings);
            let seeded = if demo { Some(crate::demo::seed(&app).await?) } else { None };
            let jobs = kith_app::jobs::Job::all(!mail.no_retention_sweep);
            tokio::spawn(app.clone().run_scheduler(jobs, transport, crate::server::shutdown_signal()));
            let web = kith_web::pages::WebConfig { secure_cookies, trust_forwarded_for, require_second_factor };
            let server = crate::server::Server::bind(&listen, app, web).await?;
            tracing::info!(addr = %server.local_addr(), "kith is listening");
            println!("Kith is listening on http://{}", server.local_addr());
            if let Some(summary) = seeded {
                crate::demo::print_summary(&summary, &server.local_addr().to_string());
            }
            server.run(crate::server::shutdown_signal()).await
        }
        Command::Import { command: ImportCommand::Contacts(args) } => crate::import::run(args).await,
        Command::Purpose { command: PurposeCommand::List { store } } => {
            let app = App::new(open_store(&store, true).await?);
            for p in app.purposes(&Principal::cli()).await? {
                println!("{}\t{}\t{}", p.id, p.default_basis.as_str(), p.name);
            }
            Ok(())
        }
        Command::Purpose {
            command:
                PurposeCommand::Add {
                    store,
                    name,
                    description,
                    default_basis,
                    categories,
                    retention,
                    recipients,
                    direct_marketing,
                },
        } => {
            let app = App::new(open_store(&store, true).await?);
            let f = kith_app::purposes::PurposeFields {
                name,
                description,
                default_basis,
                data_categories: categories,
                retention,
                rule: None,
                recipients,
                direct_marketing,
            };
            let p = app.create_purpose(&Principal::cli(), f).await?;
            println!("added purpose {}", p.id);
            Ok(())
        }
        Command::Purpose { command: PurposeCommand::SetRule(a) } => crate::retention::set_rule(a).await,
        Command::Retention { command } => crate::retention::run(command).await,
        Command::Dsr { command: DsrCommand::List { store, due_soon } } => {
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
        Command::Backup { store, file } => {
            let s = open_store(&store, true).await?;
            s.backup_to(&file).await.map_err(CliError::store("backup failed"))?;
            println!("backup written to {}", file.display());
            Ok(())
        }
        Command::Restore { store, file, reapply_only } => {
            if !reapply_only {
                let file = file.ok_or_else(|| CliError::Usage("name the backup file to restore".into()))?;
                let target = crate::config::sqlite_file(&store)?;
                if !file.is_file() {
                    return Err(CliError::Usage(format!("{} is not a file", file.display())));
                }
                let tmp = target.with_extension("db.restoring");
                std::fs::copy(&file, &tmp).map_err(CliError::io("cannot copy the backup"))?;
                for ext in ["db-wal", "db-shm"] {
                    let _ = std::fs::remove_file(target.with_extension(ext));
                }
                std::fs::rename(&tmp, &target).map_err(CliError::io("cannot put the backup in place"))?;
            }
            let s = open_store(&store, true).await?;
            let journal = store.data_dir.join(kith_store::backup::JOURNAL_FILE);
            let ctx = kith_store::Ctx {
                actor: "system:restore".into(),
                request_id: uuid::Uuid::now_v7().to_string(),
                token: None,
            };
            let n = s.reapply_erasures(&ctx, &journal).await.map_err(CliError::store("re-applying erasures failed"))?;
            println!("restored; {n} person(s) erased after the backup was taken were erased again");
            Ok(())
        }
        Command::ConsentVerify { store } => {
            let store = open_store(&store, true).await?;
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
        Command::Demo { store, listen } => {
            let app = App::new(open_store(&store, true).await?);
            let summary = crate::demo::seed(&app).await?;
            crate::demo::print_summary(&summary, &listen);
            Ok(())
        }
        Command::Migrate { store } => {
            open_store(&store, true).await?;
            println!("migrations applied");
            Ok(())
        }
        Command::User { command } => crate::users::run(command).await,
        Command::Token { command: TokenCommand::Create { store, email, name } } => {
            let app = App::new(open_store(&store, true).await?);
            let p = Principal::cli();
            let user = app.user_by_email(&p, &email).await?;
            let (t, secret) = app.create_token(&p, user.id, &name).await?;
            eprintln!("token {} created; it is shown only now:", t.id);
            println!("{secret}");
            Ok(())
        }
        Command::Token { command: TokenCommand::Revoke { store, id } } => {
            let app = App::new(open_store(&store, true).await?);
            app.revoke_token(&Principal::cli(), id).await?;
            println!("token {id} revoked");
            Ok(())
        }
        Command::Token { command: TokenCommand::List { store } } => {
            let app = App::new(open_store(&store, true).await?);
            for t in app.list_tokens(&Principal::cli(), None).await? {
                let state = if t.revoked_at.is_some() { "revoked" } else { "active" };
                println!("{}\t{}\t{}\t{}", t.id, t.user, state, t.name);
            }
            Ok(())
        }
        Command::Audit { command: AuditCommand::Verify { store } } => {
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
        Command::Audit { command: AuditCommand::Head { store } } => {
            let store = open_store(&store, true).await?;
            let (seq, hash) = store.audit_head().await?;
            println!("{seq}\t{hash}");
            Ok(())
        }
        Command::Openapi => {
            println!("{}", serde_json::to_string_pretty(&kith_web::openapi()).map_err(CliError::other)?);
            Ok(())
        }
        Command::Bench(args) => crate::bench::run(args).await,
    }
}
