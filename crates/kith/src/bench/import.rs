//! `kith bench --import`: the CSV import end to end (parse, validate, check
//! duplicates and suppression, seal, index, write with provenance) against
//! a plaintext load of the same file into plain tables of the same engine,
//! both in one run.

use super::args::BenchArgs;
use super::people::people_iter;
use super::target::{drop_target, target};
use crate::error::CliError;
use kith_app::import::{ConsentImport, ImportOptions};
use kith_app::purposes::NoticeFields;
use kith_app::{App, Principal};
use kith_domain::{Channel, LawfulBasis};
use kith_store::baseline::PlainContact;
use kith_store::{Store, Vault};
use std::io::Write;
use std::time::Instant;

/// Peak resident memory of this process so far, in MiB (Linux).
fn peak_rss_mib() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib / 1024.0)
}

/// Writes `n` synthetic people as a CSV with common export headers; returns its path.
pub(super) fn people_csv(tmp: &std::path::Path, n: usize) -> Result<std::path::PathBuf, CliError> {
    write_csv(tmp, n, false)
}

/// The same people; with `consent`, each row also carries its consent's
/// original time and record (the proof columns of a consent import).
fn write_csv(tmp: &std::path::Path, n: usize, consent: bool) -> Result<std::path::PathBuf, CliError> {
    let file = tmp.join("contacts.csv");
    write_rows(&file, n, consent).map_err(CliError::io(format!("cannot write {}", file.display())))?;
    Ok(file)
}

fn write_rows(file: &std::path::Path, n: usize, consent: bool) -> std::io::Result<()> {
    let mut w = std::io::BufWriter::new(std::fs::File::create(file)?);
    let proof = if consent { ",Opt-in Date,Consent Ref" } else { "" };
    writeln!(w, "First Name,Last Name,Email,Phone,Job Title{proof}")?;
    for (i, p) in people_iter(n).enumerate() {
        write!(w, "{},{},{},{},{}", p.first, p.last, p.email, p.phone, p.title)?;
        if consent {
            write!(w, ",2025-0{}-1{} 09:30,signup-{i}", 1 + i % 9, i % 10)?;
        }
        writeln!(w)?;
    }
    w.flush()
}

/// A purpose under consent and the notice people saw, and the options
/// that import every row's consent under them.
async fn consent_options(app: &App, opts: &mut ImportOptions) -> Result<(), CliError> {
    let p = Principal::cli();
    let purpose = app.create_purpose(&p, super::consent::newsletter()).await?;
    let n =
        NoticeFields { name: "Sign-up form".into(), language: "en".into(), url: None, body: "Benchmark notice".into() };
    let notice = app.create_notice(&p, n).await?;
    opts.basis = Some((purpose.id, LawfulBasis::Consent));
    opts.consent = Some(ConsentImport {
        notice: Some(notice.id),
        channels: vec![Channel::Email],
        affirmative_act: Some("ticked the newsletter box on the sign-up form".into()),
    });
    Ok(())
}

pub async fn run(args: &BenchArgs, tmp: &std::path::Path) -> Result<(), CliError> {
    let n = args.contacts;
    let engine = if args.postgres.is_some() { "PostgreSQL" } else { "SQLite" };
    let with = if args.consent { ", each with consent and its proof" } else { "" };
    println!("kith bench --import: {n} rows of CSV on {engine}{with}");
    let file = write_csv(tmp, n, args.consent)?;
    let rss_before = peak_rss_mib();

    // Kith: `kith import contacts` without its progress bar.
    let t = target(args, tmp, "import").await?;
    let store = Store::connect(&t.db_url, Vault::from_key(&[7u8; 32])).await?;
    store.migrate().await?;
    let app = App::new(store.clone());
    let mut opts = ImportOptions { file_name: "contacts.csv".into(), ..Default::default() };
    if args.consent {
        consent_options(&app, &mut opts).await?;
    }
    let input = std::fs::File::open(&file).map_err(CliError::io(format!("cannot open {}", file.display())))?;
    let start = Instant::now();
    let report = app.import_contacts(&Principal::cli(), std::io::BufReader::new(input), &opts, |_, _| {}).await?;
    let kith_wall = start.elapsed();
    let rss_after = peak_rss_mib();
    if args.consent {
        // Every row's consent is in the ledger, and the chain holds.
        match store.consent_verify().await? {
            kith_store::audit::Verdict::Intact { entries } if entries == n as i64 => {}
            v => return Err(CliError::Other(format!("the consent ledger after importing {n} rows: {v:?}"))),
        }
    }
    store.close().await;
    drop_target(&t, args.keep).await;
    if report.created != n as u64 {
        return Err(CliError::Other(format!(
            "the import created {} of {n} rows ({} rejected)",
            report.created, report.rejected
        )));
    }

    // Baseline: the same file parsed and written in plain tables, as many rows per transaction.
    let bt = target(args, tmp, "import_base").await?;
    let bstore = Store::connect(&bt.db_url, Vault::from_key(&[7u8; 32])).await?;
    bstore.baseline_create().await?;
    let start = Instant::now();
    let mut reader = csv::Reader::from_path(&file).map_err(CliError::other)?;
    let batch = kith_app::import::BATCH;
    let mut rows = Vec::with_capacity(batch);
    for rec in reader.records() {
        let r = rec.map_err(CliError::other)?;
        rows.push(PlainContact {
            id: uuid::Uuid::now_v7(),
            first_name: r[0].to_owned(),
            last_name: r[1].to_owned(),
            email: r[2].to_owned(),
            phone: r[3].to_owned(),
            job_title: r[4].to_owned(),
            notes: String::new(),
        });
        if rows.len() == batch {
            bstore.baseline_insert(&rows).await?;
            rows.clear();
        }
    }
    if !rows.is_empty() {
        bstore.baseline_insert(&rows).await?;
    }
    let base_wall = start.elapsed();
    bstore.close().await;
    drop_target(&bt, args.keep).await;
    if !args.keep {
        let _ = std::fs::remove_dir_all(tmp);
    }

    let rate = |d: std::time::Duration| n as f64 / d.as_secs_f64();
    println!("{:<44} {:>14} {:>14} {:>8}", "figure (whole run)", "kith", "baseline", "ratio");
    println!(
        "{:<44} {:>14.0} {:>14.0} {:>7.2}x",
        if args.consent { "CSV import with consent, rows/s" } else { "CSV import, rows/s" },
        rate(kith_wall),
        rate(base_wall),
        rate(base_wall) / rate(kith_wall)
    );
    if let (Some(a), Some(b)) = (rss_before, rss_after) {
        println!("peak memory before the import {a:.0} MiB, after {b:.0} MiB (the file is streamed)");
    }
    println!("(baseline: the same CSV parsed and inserted in plain tables, {batch} rows per transaction)");
    // The target is set for the default engine and a plain import only.
    if args.postgres.is_none() && !args.consent {
        println!(
            "target (issue #6, SQLite at 10^6): import >= 20,000 rows/s: {}",
            if rate(kith_wall) >= 20_000.0 { "met" } else { "NOT met" }
        );
    }
    Ok(())
}
