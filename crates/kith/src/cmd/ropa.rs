//! `kith ropa export`: the record of processing activities (Art. 30) as a
//! file, for the DPO or an authority.

use crate::config::{open_store, StoreArgs};
use crate::error::CliError;
use clap::{Args, Subcommand, ValueEnum};
use kith_app::registers::formats;
use kith_app::{App, Principal};
use std::io::Write;

#[derive(Subcommand, Debug)]
pub enum RopaCommand {
    /// Write the record of processing to standard output (or --out FILE).
    Export(ExportArgs),
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum Format {
    /// A print-ready document.
    Html,
    /// CSV in the column order of the CNIL register template.
    Csv,
    /// The declared record as Kith stores its versions.
    Json,
    /// W3C Data Privacy Vocabulary (DPV 2.x, eu-gdpr); see docs/ropa-dpv.md.
    Jsonld,
}

#[derive(Args, Debug)]
pub struct ExportArgs {
    #[command(flatten)]
    store: StoreArgs,
    #[arg(long, value_enum)]
    format: Format,
    /// The record as it stood at the end of this day (YYYY-MM-DD, UTC).
    #[arg(long)]
    as_of: Option<String>,
    /// Write to this file instead of standard output.
    #[arg(long)]
    out: Option<std::path::PathBuf>,
}

pub async fn run(command: RopaCommand) -> Result<(), CliError> {
    let RopaCommand::Export(a) = command;
    let app = App::new(open_store(&a.store, true).await?);
    let p = Principal::cli();
    let (record, version) = match a.as_of.as_deref() {
        Some(d) => {
            let day = time::Date::parse(d.trim(), time::macros::format_description!("[year]-[month]-[day]"))
                .map_err(|_| CliError::Usage(format!("--as-of {d}: a date such as 2026-06-30")))?;
            let end = day.next_day().unwrap_or(day).midnight().assume_utc() - time::Duration::milliseconds(1);
            app.register_as_of(&p, end).await?
        }
        None => {
            let r = app.register(&p).await?;
            (r.record, r.version)
        }
    };
    let body = match a.format {
        Format::Csv => formats::to_csv(&record, &version),
        Format::Json => version.body.clone(),
        Format::Jsonld => formats::to_jsonld(&record, &version).to_string(),
        Format::Html => kith_web::pages::register_print_html(record, version, a.as_of.as_deref().unwrap_or(""))
            .map_err(|e| CliError::Other(format!("the document could not be rendered: {e}")))?,
    };
    match &a.out {
        Some(path) => std::fs::write(path, body)
            .map_err(|source| CliError::Io { what: format!("cannot write {}", path.display()), source })?,
        None => std::io::stdout()
            .write_all(body.as_bytes())
            .map_err(|source| CliError::Io { what: "cannot write to standard output".into(), source })?,
    }
    Ok(())
}
