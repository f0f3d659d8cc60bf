//! `kith bench --retention`: a sweep that expires every contact (`--contacts`
//! of them, imported with a contract basis whose end lies two years back,
//! under a rule "1 year after the end of the contract, then delete"),
//! through the Art. 17 erasure a page at a time, against deleting the same
//! number of rows from plain tables in pages of the same size, in one run.

use super::args::BenchArgs;
use super::people::people_iter;
use super::target::{drop_target, target};
use crate::error::CliError;
use kith_app::import::ImportOptions;
use kith_app::purposes::PurposeFields;
use kith_app::{App, Principal};
use kith_domain::retention::{Anchor, Disposal, Period, PeriodUnit, Rule};
use kith_domain::LawfulBasis;
use kith_store::baseline::PlainContact;
use kith_store::{Store, Vault};
use std::time::Instant;

pub async fn run(args: &BenchArgs, tmp: &std::path::Path) -> Result<(), CliError> {
    let n = args.contacts;
    let engine = if args.postgres.is_some() { "PostgreSQL" } else { "SQLite" };
    println!("kith bench --retention: a sweep expiring {n} contacts on {engine}");
    let file = super::import::people_csv(tmp, n)?;
    let t = target(args, tmp, "retention").await?;
    let store = Store::connect(&t.db_url, Vault::from_key(&[7u8; 32])).await?;
    store.migrate().await?;
    let app = App::new(store.clone());
    let p = Principal::cli();
    let rule = Rule {
        anchor: Anchor::ContractEnd,
        period: Period { count: 1, unit: PeriodUnit::Years },
        disposal: Disposal::Delete,
    };
    let purpose = app
        .create_purpose(
            &p,
            PurposeFields {
                name: "Customer service".into(),
                description: "Support for customers".into(),
                default_basis: LawfulBasis::Contract,
                data_categories: vec!["contact".into()],
                retention: rule.describe(),
                rule: Some(rule),
                recipients: String::new(),
                direct_marketing: false,
            },
        )
        .await?;
    let opts = ImportOptions {
        file_name: "contacts.csv".into(),
        basis: Some((purpose.id, LawfulBasis::Contract)),
        ..Default::default()
    };
    let input = std::fs::File::open(&file).map_err(CliError::io(format!("cannot open {}", file.display())))?;
    app.import_contacts(&p, std::io::BufReader::new(input), &opts, |_, _| {}).await?;
    // Every contract ended two years ago (set in bulk: the figure is about the sweep).
    let ended = kith_store::to_ms(time::OffsetDateTime::now_utc() - time::Duration::days(730));
    store.raw_execute(&format!("UPDATE contact_bases SET ends_at = {ended}")).await?;
    store.checkpoint().await?;

    let start = Instant::now();
    let run = app.run_retention(&p, false, "cli", |_| {}).await?;
    let kith_wall = start.elapsed();
    let disposed = run.report.disposed();
    let left = store.count_contacts().await?;
    store.close().await;
    drop_target(&t, args.keep).await;
    if disposed != n as u64 || left != 0 {
        return Err(CliError::Other(format!("the sweep disposed of {disposed} of {n} contacts ({left} left)")));
    }

    // Baseline: the same number of plain rows deleted, a page per transaction.
    let bt = target(args, tmp, "retention_base").await?;
    let bstore = Store::connect(&bt.db_url, Vault::from_key(&[7u8; 32])).await?;
    bstore.baseline_create().await?;
    let page = kith_app::retention::PAGE as usize;
    let mut ids = Vec::with_capacity(n);
    let mut rows = Vec::with_capacity(page);
    for pp in people_iter(n) {
        let id = uuid::Uuid::now_v7();
        ids.push(id);
        rows.push(PlainContact {
            id,
            first_name: pp.first.to_string(),
            last_name: pp.last.to_string(),
            email: pp.email.clone(),
            phone: pp.phone.clone(),
            job_title: pp.title.to_string(),
            notes: String::new(),
        });
        if rows.len() == page {
            bstore.baseline_insert(&rows).await?;
            rows.clear();
        }
    }
    if !rows.is_empty() {
        bstore.baseline_insert(&rows).await?;
    }
    let start = Instant::now();
    for chunk in ids.chunks(page) {
        bstore.baseline_delete_many(chunk).await?;
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
        "retention sweep, contacts disposed of/s",
        rate(kith_wall),
        rate(base_wall),
        rate(base_wall) / rate(kith_wall)
    );
    println!(
        "(kith: facts read and rules decided per page of {page}, each page erased in one transaction — keys, rows, \
         index entries, audit entries, processor events, progress — then checkpointed; baseline: plain rows deleted, \
         {page} per transaction)"
    );
    println!(
        "target (issue #6, 10^5 expiring): >= 5,000 contacts/s: {}",
        if rate(kith_wall) >= 5_000.0 { "met" } else { "NOT met" }
    );
    Ok(())
}
