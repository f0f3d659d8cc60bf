//! `kith bench --affected`: the people a breach affects, at `--contacts`
//! people imported through the real import (with a lawful basis), with a
//! month of audit entries by one user (10,000 records opened a day, fewer
//! below 100,000 contacts) beside the import's own: the actor-window
//! query, a category × country query and a recipient query, each timed
//! (count + breakdown + first page of 50 ids; median of 5) beside a plain
//! `COUNT(*)` over the same rows in the same run.
//!
//! The synthetic file has no address, so the country facet is set in bulk
//! after the import (spread over 10 countries by the id's last hex digit),
//! and two thirds of the bases are removed so the recipient's purpose
//! covers about a third of the people: the figures are about the query.

use super::args::BenchArgs;
use super::stats::median;
use super::target::{drop_target, target};
use crate::error::CliError;
use kith_app::import::ImportOptions;
use kith_app::purposes::PurposeFields;
use kith_app::{App, Principal};
use kith_domain::breach_query::{AffectedQuery, QueryInput};
use kith_domain::{LawfulBasis, Role};
use kith_store::affected::PlainScan;
use kith_store::audit::NewEntry;
use kith_store::contacts::ContactFilter;
use kith_store::{Ctx, Engine, Store, Vault};
use std::time::{Duration, Instant};
use uuid::Uuid;

const DAY_MS: i64 = 86_400_000;
const DAYS: i64 = 30;
const RUNS: usize = 5;

fn lit(engine: Engine, id: Uuid) -> String {
    match engine {
        Engine::Sqlite => format!("X'{}'", id.simple()),
        Engine::Postgres => format!("'{id}'"),
    }
}

/// The last hex digit of a contact's id, in SQL.
fn last_digit(engine: Engine, col: &str) -> String {
    match engine {
        Engine::Sqlite => format!("lower(substr(hex({col}), 32, 1))"),
        Engine::Postgres => format!("substr({col}::text, 36, 1)"),
    }
}

async fn time<F, Fut, T>(mut f: F) -> Result<(Duration, T), CliError>
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = Result<T, CliError>>,
{
    let mut times = Vec::with_capacity(RUNS);
    let mut last = None;
    for _ in 0..RUNS {
        let start = Instant::now();
        last = Some(f().await?);
        times.push(start.elapsed());
    }
    Ok((median(&mut times), last.expect("at least one run")))
}

pub async fn run(args: &BenchArgs, tmp: &std::path::Path) -> Result<(), CliError> {
    let n = args.contacts;
    let engine_name = if args.postgres.is_some() { "PostgreSQL" } else { "SQLite" };
    println!("kith bench --affected: the people a breach affects among {n} contacts on {engine_name}");
    let file = super::import::people_csv(tmp, n)?;
    let t = target(args, tmp, "affected").await?;
    let store = Store::connect(&t.db_url, Vault::from_key(&[7u8; 32])).await?;
    store.migrate().await?;
    let engine = store.engine();
    let app = App::new(store.clone());
    let p = Principal::cli();
    let purpose = app
        .create_purpose(
            &p,
            PurposeFields {
                name: "Customer service".into(),
                description: "Support for customers".into(),
                default_basis: LawfulBasis::Contract,
                data_categories: vec!["contact".into()],
                retention: String::new(),
                rule: None,
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
    let start = Instant::now();
    app.import_contacts(&p, std::io::BufReader::new(input), &opts, |_, _| {}).await?;
    println!("  loaded {n} contacts through the import in {:.1} s", start.elapsed().as_secs_f64());

    // Countries by the id's last hex digit; a third of the bases kept.
    let d = last_digit(engine, "id");
    store
        .raw_execute(&format!(
            "UPDATE contacts SET facet_country = CASE WHEN {d} IN ('0','1','2','3') THEN 'IT' WHEN {d} IN ('4','5','6') THEN 'FR' \
             WHEN {d} IN ('7','8') THEN 'DE' WHEN {d} = '9' THEN 'ES' WHEN {d} = 'a' THEN 'NL' WHEN {d} = 'b' THEN 'PL' \
             WHEN {d} = 'c' THEN 'US' WHEN {d} = 'd' THEN 'BG' WHEN {d} = 'e' THEN 'IE' ELSE NULL END"
        ))
        .await?;
    let ds = last_digit(engine, "subject_id");
    store.raw_execute(&format!("DELETE FROM contact_bases WHERE {ds} NOT IN ('0','1','2','3','4')")).await?;
    let recipient = Uuid::now_v7();
    store
        .raw_execute(&format!(
            "INSERT INTO recipients (id, legal_name, role, parent_id, body, mail_relay, needs_review, created_at, updated_at) \
             VALUES ({}, 'Helpdesk SaaS', 'processor', NULL, '{{}}', FALSE, FALSE, 0, 0)",
            lit(engine, recipient)
        ))
        .await?;
    store
        .raw_execute(&format!(
            "INSERT INTO purpose_recipients (purpose_id, recipient_id) VALUES ({}, {})",
            lit(engine, purpose.id.0),
            lit(engine, recipient)
        ))
        .await?;
    let breach = Uuid::now_v7();
    store
        .raw_execute(&format!(
            "INSERT INTO breaches (id, reference, title, body, status, created_at, updated_at) \
             VALUES ({}, 'BENCH-1', 'Bench breach', '{{}}', 'open', 0, 0)",
            lit(engine, breach)
        ))
        .await?;

    // A month of one user's reads: `per_day` records opened each day.
    let user = app.add_user(&p, "bench.dpo@example.test", Role::Dpo, "a long bench password 1").await?.id;
    let actor = format!("user:{user}");
    let ids = store.matching_ids(&ContactFilter::default(), None, n as i64).await?;
    let per_day = (n / 10).min(10_000);
    let start = Instant::now();
    for day in 0..DAYS {
        let ctx = Ctx { actor: actor.clone(), request_id: format!("bench-day-{day}"), token: None };
        let t0 = kith_store::to_ms(time::OffsetDateTime::now_utc()) - 1;
        let offset = (day as usize * 7919) % ids.len();
        let entries: Vec<NewEntry> = (0..per_day)
            .map(|i| {
                NewEntry::subject(
                    if i % 10 == 0 { "contact.export" } else { "contact.read" },
                    ids[(offset + i * 97) % ids.len()],
                )
            })
            .collect();
        for chunk in entries.chunks(5000) {
            store.audit(&ctx, chunk).await?;
        }
        if day > 0 {
            store
                .raw_execute(&format!(
                    "UPDATE audit_log SET at = at - {} WHERE actor = '{actor}' AND at >= {t0}",
                    day * DAY_MS
                ))
                .await?;
        }
    }
    println!(
        "  audit trail: {} entries by the user over {DAYS} days ({per_day} a day) beside the import's, written in {:.1} s",
        per_day as i64 * DAYS,
        start.elapsed().as_secs_f64()
    );
    store.checkpoint().await?;

    let now = kith_store::to_ms(time::OffsetDateTime::now_utc());
    let iso =
        |ms: i64| kith_store::from_ms(ms).format(&time::format_description::well_known::Rfc3339).unwrap_or_default();
    let (from, to) = (now - DAY_MS / 2, now + DAY_MS / 2);
    let queries = [
        (
            "who accessed: the user, one day",
            QueryInput {
                from: Some(iso(from)),
                to: Some(iso(to)),
                actor: Some(user.to_string()),
                ..Default::default()
            },
            PlainScan::AuditOf { actor: actor.clone(), from, to },
            "COUNT(*) of the user's audit entries that day",
        ),
        (
            "professional data × IT, FR",
            QueryInput {
                categories: vec!["professional".into()],
                countries: vec!["IT".into(), "FR".into()],
                ..Default::default()
            },
            PlainScan::Contacts,
            "COUNT(*) of every contact row",
        ),
        (
            "a recipient's purposes",
            QueryInput { recipient: Some(recipient.to_string()), ..Default::default() },
            PlainScan::Bases,
            "COUNT(*) of every lawful-basis row",
        ),
    ];
    println!("\n  query (count + breakdown + first 50 ids), median of {RUNS}   | people   | Kith     | plain scan (same run)");
    let mut worst = Duration::ZERO;
    for (name, input, scan, scan_name) in queries {
        let q = AffectedQuery::check(&input).map_err(|e| CliError::Other(format!("bench query: {e}")))?;
        let (kith, result) = time(|| async { Ok(app.affected_preview(&p, breach, &q, 50, false).await?) }).await?;
        let (plain, rows) = time(|| async { Ok(store.plain_scan(&scan).await?) }).await?;
        worst = worst.max(kith);
        println!(
            "  {name:<55} | {:>8} | {:>7.1} ms | {:>7.1} ms ({scan_name}: {rows})",
            result.breakdown.people,
            kith.as_secs_f64() * 1000.0,
            plain.as_secs_f64() * 1000.0
        );
    }
    println!("\n  slowest query: {:.0} ms (target: under 2,000 ms at 10⁶ contacts)", worst.as_secs_f64() * 1000.0);
    store.close().await;
    drop_target(&t, args.keep).await;
    Ok(())
}
