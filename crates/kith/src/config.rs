//! Where Kith keeps its data and how it opens it.

use crate::error::CliError;
use kith_store::{Store, StoreError, Vault};
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

/// Opens the store: creates the data directory if needed, takes the master
/// key from `KITH_MASTER_KEY` or the key file, connects, migrates, and checks
/// the key against the database (see `kith_store::keycheck`). A key file is
/// created only for a database that holds nothing sealed yet.
pub async fn open_store(args: &StoreArgs, migrate: bool) -> Result<Store, CliError> {
    // The data directory holds the erasure journal whatever the database
    // (an erasure whose journal entry cannot be written does not happen).
    create_private_dir(&args.data_dir)?;
    let key_file = args.data_dir.join("master.key");
    let (vault, new_key) = vault(&args.data_dir, &key_file)?;
    let url = match &args.database_url {
        Some(u) => u.clone(),
        None => format!("sqlite:{}", args.data_dir.join("kith.db").display()),
    };
    let store = Store::connect(&url, vault)
        .await
        .map_err(CliError::store("cannot open the database"))?
        .with_erasure_journal(args.data_dir.join(kith_store::backup::JOURNAL_FILE));
    if let Some(encoded) = new_key {
        store.migrate_schema().await.map_err(CliError::store("cannot apply migrations"))?;
        if store.holds_sealed_data().await.map_err(CliError::store("cannot read the database"))? {
            return Err(CliError::Config(format!(
                "the database holds data sealed under a master key, but KITH_MASTER_KEY is not set and the key \
                 file {} does not exist: restore the key file (or set KITH_MASTER_KEY) instead of starting with a \
                 new key; no key file was created",
                key_file.display()
            )));
        }
        kith_store::Vault::write_key_file(&key_file, &encoded)?;
    }
    if migrate {
        store.migrate().await.map_err(CliError::store("cannot apply migrations"))?;
    } else {
        store.check_master_key(false).await.map_err(|e| match e {
            // The key does not fit the database.
            StoreError::Config(why) => CliError::Config(why),
            e => e.into(),
        })?;
    }
    Ok(store)
}

/// The SQLite file of the data directory, if the store is the embedded one.
pub fn sqlite_file(args: &StoreArgs) -> Result<PathBuf, CliError> {
    match &args.database_url {
        None => Ok(args.data_dir.join("kith.db")),
        Some(u) if u.starts_with("sqlite:") => Ok(PathBuf::from(u.trim_start_matches("sqlite://").trim_start_matches("sqlite:"))),
        Some(_) => Err(CliError::Config("kith backup and kith restore work on the embedded SQLite database; on PostgreSQL use pg_dump and pg_restore, then `kith restore --reapply-only` (see README, Backups)".into())),
    }
}

/// The master key, and its encoded form when it is new (its key file is
/// written once the database is known to hold nothing sealed).
fn vault(data_dir: &Path, key_file: &Path) -> Result<(Vault, Option<String>), CliError> {
    if let Ok(k) = std::env::var("KITH_MASTER_KEY") {
        return Ok((Vault::from_encoded(&k).map_err(|e| CliError::Config(format!("KITH_MASTER_KEY: {e}")))?, None));
    }
    create_private_dir(data_dir)?;
    match Vault::load(key_file)? {
        Some(v) => Ok((v, None)),
        None => {
            let encoded = Vault::generate_encoded();
            Ok((Vault::from_encoded(&encoded)?, Some(encoded)))
        }
    }
}

fn create_private_dir(dir: &Path) -> Result<(), CliError> {
    if dir.exists() {
        return Ok(());
    }
    let mut b = std::fs::DirBuilder::new();
    b.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut b, 0o700);
    b.create(dir).map_err(CliError::io(format!("cannot create the data directory {}", dir.display())))
}

/// Mail and public-page settings of `kith serve`.
#[derive(clap::Args, Clone, Debug)]
pub struct MailArgs {
    /// Address people use to reach Kith's public pages (links in mail);
    /// defaults to http://<listen address>.
    #[arg(long, env = "KITH_PUBLIC_URL")]
    pub public_url: Option<String>,
    /// SMTP server, e.g. `smtp://mail.example.com:587?tls=required` or
    /// `smtps://user:pass@mail.example.com`; without it mail stays in the
    /// outbox (staff read it on the Outbox page).
    #[arg(long, env = "KITH_SMTP_URL", hide_env_values = true)]
    pub smtp_url: Option<String>,
    /// The From of mail Kith sends.
    #[arg(long, env = "KITH_MAIL_FROM", default_value = "Kith <no-reply@example.com>")]
    pub mail_from: String,
    /// Days a prepared access/portability export file is kept before it is
    /// deleted automatically.
    #[arg(long, env = "KITH_EXPORT_DAYS", default_value_t = 30, value_parser = clap::value_parser!(i64).range(1..=365))]
    pub export_days: i64,
    /// The controller named in consent receipts.
    #[arg(long, env = "KITH_CONTROLLER_NAME", default_value = "Example Controller")]
    pub controller_name: String,
    #[arg(long, env = "KITH_CONTROLLER_EMAIL", default_value = "privacy@example.com")]
    pub controller_email: String,
    #[arg(long, env = "KITH_CONTROLLER_ADDRESS", default_value = "")]
    pub controller_address: String,
    /// The controller's default language: Kith writes to people whose
    /// language it does not know, and to processors, in it.
    #[arg(long, env = "KITH_LANGUAGE", default_value = "en", value_parser = shipped_language)]
    pub language: String,
    /// Days after which a contact not reviewed is listed for its owner
    /// ("is this still accurate and needed?").
    #[arg(long, env = "KITH_REVIEW_DAYS", default_value_t = 365, value_parser = clap::value_parser!(i64).range(7..=3650))]
    pub review_days: i64,
    /// Do not run the daily retention sweep in this server (run
    /// `kith retention run` from a scheduler instead).
    #[arg(long, env = "KITH_NO_RETENTION_SWEEP")]
    pub no_retention_sweep: bool,
    /// Show one-time links (sign-in, confirmation, preferences) to staff
    /// reading the outbox, for demonstrations and tests without a mail
    /// server (`--demo` implies it). Never in production: whoever reads
    /// such a link can act as the person.
    #[arg(long, env = "KITH_OUTBOX_SHOWS_LINKS")]
    pub outbox_shows_links: bool,
}

impl MailArgs {
    pub fn settings(&self, listen: &str) -> kith_app::Settings {
        kith_app::Settings {
            public_url: self
                .public_url
                .clone()
                .unwrap_or_else(|| format!("http://{listen}"))
                .trim_end_matches('/')
                .to_owned(),
            mail_from: self.mail_from.clone(),
            controller: kith_app::Controller {
                name: self.controller_name.clone(),
                email: self.controller_email.clone(),
                address: self.controller_address.clone(),
            },
            language: kith_i18n::supported(&self.language).unwrap_or(kith_i18n::DEFAULT),
            export_days: self.export_days,
            review_after: time::Duration::days(self.review_days),
            outbox_shows_links: self.outbox_shows_links,
            ..kith_app::Settings::default()
        }
    }
}

fn shipped_language(v: &str) -> Result<String, String> {
    kith_i18n::supported(v)
        .map(str::to_owned)
        .ok_or_else(|| format!("must be one of {}", kith_i18n::languages().join(", ")))
}
