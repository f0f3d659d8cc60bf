//! `kith evidence pack|verify`: the signed evidence pack for a supervisory
//! authority, and its offline check (docs/evidence-pack.md).

use crate::config::{open_store, StoreArgs};
use crate::error::CliError;
use clap::{Args, Subcommand};
use kith_app::evidence::{self, parse_day, EvidenceRequest};
use kith_app::{App, Principal};
use std::path::PathBuf;

#[derive(Subcommand, Debug)]
pub enum EvidenceCommand {
    /// Build the signed evidence pack (a ZIP file): registers as of a day,
    /// DPIAs, recipients, consent per purpose with the notices, the request
    /// log (people pseudonymised), breaches, retention runs, chain heads.
    Pack(PackArgs),
    /// Check a pack offline: every file's SHA-256, no file added or
    /// removed, the signature, the archive's exact layout. Exits non-zero
    /// on any change.
    Verify(VerifyArgs),
}

#[derive(Args, Debug)]
pub struct PackArgs {
    #[command(flatten)]
    store: StoreArgs,
    /// Where to write the pack.
    file: PathBuf,
    /// The day the pack states things as of (YYYY-MM-DD, UTC); default now.
    #[arg(long)]
    as_of: Option<String>,
    /// Restrict the purpose-bound sections to this purpose (name or id); repeatable.
    #[arg(long = "purpose")]
    purposes: Vec<String>,
    /// First day of the period of the logs (requests, consent events, breaches, retention runs).
    #[arg(long)]
    from: Option<String>,
    /// Last day of that period (default: the as-of day).
    #[arg(long)]
    to: Option<String>,
}

#[derive(Args, Debug)]
pub struct VerifyArgs {
    /// The pack to check.
    file: PathBuf,
    /// The controller's published key (the JWK of
    /// /.well-known/kith-evidence-key.json). Without it: this deployment's
    /// key if the master key is at hand (KITH_MASTER_KEY or the data
    /// directory's key file), else the key inside the pack, with a warning.
    #[arg(long)]
    key: Option<PathBuf>,
    /// Data directory holding the master key file (for the key above).
    #[arg(long, env = "KITH_DATA_DIR")]
    data_dir: Option<PathBuf>,
}

fn day(flag: &str, v: &Option<String>, end: bool) -> Result<Option<time::OffsetDateTime>, CliError> {
    v.as_deref()
        .map(|d| {
            parse_day(flag, d, end).map_err(|_| CliError::Usage(format!("--{flag} {d}: a date such as 2026-06-30")))
        })
        .transpose()
}

pub async fn run(command: EvidenceCommand) -> Result<(), CliError> {
    match command {
        EvidenceCommand::Pack(a) => pack(a).await,
        EvidenceCommand::Verify(a) => verify(a),
    }
}

async fn pack(a: PackArgs) -> Result<(), CliError> {
    let req = EvidenceRequest {
        as_of: day("as-of", &a.as_of, true)?,
        purposes: a.purposes.clone(),
        from: day("from", &a.from, false)?,
        to: day("to", &a.to, true)?,
    };
    let app = App::new(open_store(&a.store, true).await?);
    let pack = app
        .evidence_pack(&Principal::cli(), &req, kith_web::pages::register_print_for_pack)
        .await
        .map_err(CliError::app("cannot build the evidence pack"))?;
    let tmp = a.file.with_extension("zip.partial");
    std::fs::write(&tmp, &pack.bytes).map_err(CliError::io(format!("cannot write {}", tmp.display())))?;
    std::fs::rename(&tmp, &a.file).map_err(CliError::io(format!("cannot write {}", a.file.display())))?;
    println!(
        "wrote {} (pack {}, {} bytes, SHA-256 {}); key thumbprint {}",
        a.file.display(),
        pack.id,
        pack.bytes.len(),
        kith_app::registers::sha256_hex(&pack.bytes),
        app.evidence_key_thumbprint()
    );
    Ok(())
}

/// The key to check against: `--key`, else this deployment's, else none
/// (the pack's own).
fn trusted_key(a: &VerifyArgs) -> Result<Option<Vec<u8>>, CliError> {
    if let Some(path) = &a.key {
        let jwk = std::fs::read(path).map_err(CliError::io(format!("cannot read {}", path.display())))?;
        return evidence::seal::key_of_jwk(&jwk).map(Some).map_err(|e| CliError::Usage(format!("--key: {e}")));
    }
    let vault = match std::env::var("KITH_MASTER_KEY") {
        Ok(k) => {
            Some(kith_store::Vault::from_encoded(&k).map_err(|e| CliError::Config(format!("KITH_MASTER_KEY: {e}")))?)
        }
        Err(_) => match &a.data_dir {
            Some(d) => kith_store::Vault::load(&d.join("master.key"))?,
            None => None,
        },
    };
    Ok(vault.map(|v| evidence::seal::public_key(&v.evidence_signer())))
}

fn verify(a: VerifyArgs) -> Result<(), CliError> {
    let bytes = std::fs::read(&a.file).map_err(CliError::io(format!("cannot read {}", a.file.display())))?;
    let key = trusted_key(&a)?;
    let v = evidence::verify(&bytes, key.as_deref())
        .map_err(|why| CliError::Other(format!("evidence pack {} REJECTED: {why}", a.file.display())))?;
    let m = &v.manifest;
    println!(
        "evidence pack {} verified: {} files, each with its SHA-256; the archive is byte for byte as made; \
         signed by key {} (thumbprint {})",
        a.file.display(),
        m.files.len(),
        m.key_id,
        v.key_thumbprint
    );
    println!(
        "pack {} of {}, as of {}, made {} by Kith {}",
        m.pack_id, m.controller, m.as_of, m.generated_at, m.kith_version
    );
    if !v.key_trusted {
        eprintln!(
            "warning: no key given, so the signature was checked with the key inside the pack: compare the \
             thumbprint above with the controller's published /.well-known/kith-evidence-key.json, or pass --key"
        );
    }
    Ok(())
}
