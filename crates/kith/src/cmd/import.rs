//! `kith import contacts FILE.csv`: the CLI face of `App::import_contacts`,
//! with a progress bar over the file's bytes and a per-line report.

use crate::cmd::parse::{parse_basis, parse_channel};
use crate::config::{open_store, StoreArgs};
use crate::error::CliError;
use kith_app::import::{ConsentImport, ImportOptions, Target};
use kith_app::{App, Principal};
use std::io::Write;
use std::path::PathBuf;

#[derive(clap::Subcommand, Debug)]
pub enum ImportCommand {
    /// Contacts from CSV: a dry run reports per line what would happen;
    /// a real run writes batches of 25,000 rows, each all or nothing.
    Contacts(ImportArgs),
}

#[derive(clap::Args, Debug)]
pub struct ImportArgs {
    #[command(flatten)]
    pub store: StoreArgs,
    /// The CSV file (UTF-8 with or without BOM, `,` or `;`, quoted newlines, CRLF).
    pub file: PathBuf,
    /// Report what would be created, updated, skipped or rejected, and why; write nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// Map a column by its header: `"Header=field"` (fields: first_name, last_name, full_name, email,
    /// phone, job_title, street, postal_code, city, region, country, notes, custom.<name>, company,
    /// source_created_at, lifecycle_stage, lawful_basis, language, and for consent consent_at,
    /// consent_evidence, consent_act, consent_channels, consent_expires_at, consent_ip; `-` ignores
    /// the column). Unmapped headers are recognised by name (HubSpot,
    /// Salesforce, Zoho, Google Contacts).
    #[arg(long = "map", value_name = "HEADER=FIELD")]
    pub map: Vec<String>,
    /// The purpose (name or id) whose lawful basis every imported contact gets; with --basis.
    #[arg(long, requires = "basis")]
    pub purpose: Option<String>,
    /// The lawful basis for --purpose. Consent is imported only with its proof: --notice, and per
    /// row its original time (consent_at) and record (consent_evidence).
    #[arg(long, requires = "purpose", value_parser = parse_basis)]
    pub basis: Option<kith_domain::LawfulBasis>,
    /// The purpose (name or id) the file's lawful-basis column is about (HubSpot's "Legal basis for
    /// processing contact's data", Zoho's "Data Processing Basis", Salesforce's "Legal Basis"):
    /// contract, legitimate interests… are recorded per row; a claimed consent without proof is not
    /// (those people are counted and tagged consent-claimed-ask-again).
    #[arg(long)]
    pub basis_purpose: Option<String>,
    /// With --basis consent: the id of the notice the people saw when they consented.
    #[arg(long)]
    pub notice: Option<uuid::Uuid>,
    /// With --basis consent: the channels consented to, where the file has no consent_channels column.
    #[arg(long, value_delimiter = ',', value_parser = parse_channel)]
    pub consent_channels: Vec<kith_domain::Channel>,
    /// With --basis consent: what the people did to consent, where the file has no consent_act column
    /// (for example "ticked the unticked newsletter box on the old site").
    #[arg(long)]
    pub consent_act: Option<String>,
    /// Skip every line up to this one (to resume an interrupted import; the
    /// line it got to is printed at the end, and in the error if it stops).
    #[arg(long, default_value_t = 0)]
    pub resume_after_line: u64,
    /// Rows per transaction.
    #[arg(long, default_value_t = kith_app::import::BATCH as u32, value_parser = clap::value_parser!(u32).range(1..=100_000))]
    pub batch: u32,
    /// Write every line's outcome here as CSV (line, outcome, reason).
    #[arg(long)]
    pub report: Option<PathBuf>,
}

fn parse_map(items: &[String]) -> Result<Vec<(String, Option<Target>)>, CliError> {
    items
        .iter()
        .map(|m| {
            let (h, f) =
                m.rsplit_once('=').ok_or_else(|| CliError::Usage(format!("--map {m:?}: write HEADER=FIELD")))?;
            let t = match f.trim() {
                "-" => None,
                f => Some(
                    Target::parse(f)
                        .ok_or_else(|| CliError::Usage(format!("--map {m:?}: {f:?} is not a field Kith imports")))?,
                ),
            };
            Ok((h.trim().to_owned(), t))
        })
        .collect()
}

pub async fn run(command: ImportCommand) -> Result<(), CliError> {
    match command {
        ImportCommand::Contacts(args) => contacts(args).await,
    }
}

async fn contacts(args: ImportArgs) -> Result<(), CliError> {
    let app = App::new(open_store(&args.store, true).await?);
    let p = Principal::cli();
    let purposes =
        if args.purpose.is_some() || args.basis_purpose.is_some() { app.purposes(&p).await? } else { vec![] };
    let purpose = |name: &str| {
        purposes
            .iter()
            .find(|x| x.name == *name || x.id.to_string() == *name)
            .map(|x| x.id)
            .ok_or_else(|| CliError::Usage(format!("no purpose is named {name:?} (see `kith purpose list`)")))
    };
    let basis = match (&args.purpose, args.basis) {
        (Some(name), Some(b)) => Some((purpose(name)?, b)),
        _ => None,
    };
    let basis_purpose = args.basis_purpose.as_deref().map(purpose).transpose()?;
    let consent = basis.is_some_and(|(_, b)| b == kith_domain::LawfulBasis::Consent);
    if !consent && (args.notice.is_some() || !args.consent_channels.is_empty() || args.consent_act.is_some()) {
        return Err(CliError::Usage("--notice, --consent-channels and --consent-act go with --basis consent".into()));
    }
    let opts = ImportOptions {
        file_name: args.file.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default(),
        dry_run: args.dry_run,
        mapping: parse_map(&args.map)?,
        basis,
        consent: consent.then(|| ConsentImport {
            notice: args.notice,
            channels: args.consent_channels.clone(),
            affirmative_act: args.consent_act.clone(),
        }),
        basis_purpose,
        resume_after_line: args.resume_after_line,
        batch: args.batch as usize,
        pass: None,
    };
    let file = std::fs::File::open(&args.file).map_err(CliError::io(format!("cannot open {}", args.file.display())))?;
    let len = file.metadata().map(|m| m.len()).unwrap_or(0);
    let pb = indicatif::ProgressBar::new(len);
    pb.set_style(
        indicatif::ProgressStyle::with_template("{bar:40} {bytes}/{total_bytes} {msg} ({eta})")
            .map_err(CliError::other)?,
    );
    let mut report_file = match &args.report {
        Some(path) => {
            let what = format!("cannot create {}", path.display());
            let mut f = std::fs::File::create(path).map_err(CliError::io(what.clone()))?;
            writeln!(f, "line,outcome,reason").map_err(CliError::io(what))?;
            Some(std::io::BufWriter::new(f))
        }
        None => None,
    };
    let mut problems = Vec::new();
    let mut write_err = None;
    let result = app
        .import_contacts(&p, pb.wrap_read(file), &opts, |line, o| {
            if !o.is_row() {
                return;
            }
            let (word, why) = o.words(opts.dry_run);
            if !why.is_empty() && problems.len() < 20 {
                problems.push(format!("line {line}: {word}: {why}"));
            }
            if let Some(f) = report_file.as_mut() {
                if let Err(e) = writeln!(f, "{line},{word},\"{}\"", why.replace('"', "\"\"")) {
                    write_err.get_or_insert(e);
                }
            }
        })
        .await;
    pb.finish_and_clear();
    if let Some(f) = report_file.as_mut() {
        f.flush().map_err(CliError::io("writing the report failed"))?;
    }
    if let Some(e) = write_err {
        return Err(CliError::io("writing the report failed")(e));
    }
    let r = result?;
    println!("columns:");
    for (h, t) in &r.mapping {
        println!("  {h:30} -> {}", t.as_ref().map(Target::name).unwrap_or_else(|| "(ignored)".into()));
    }
    for line in &problems {
        println!("{line}");
    }
    let (created, updated) = if r.dry_run { ("would be created", "would be updated") } else { ("created", "updated") };
    println!("{} {created}, {} {updated}, {} skipped, {} rejected", r.created, r.updated, r.skipped, r.rejected);
    if r.consent_claimed > 0 {
        println!("consent claimed without proof — ask again: {}", r.consent_claimed);
        println!(
            "  no basis was recorded for them; they are tagged {} (kith contacts, or /contacts?tag={})",
            kith_app::import::ASK_AGAIN_TAG,
            kith_app::import::ASK_AGAIN_TAG
        );
    }
    if !r.dry_run && r.last_line > 0 {
        println!("done up to line {} (to resume, --resume-after-line {})", r.last_line, r.last_line);
    }
    Ok(())
}
