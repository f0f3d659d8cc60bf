//! `kith bench --segments`: a segment over `--contacts` people imported
//! through the real import, with realistic consent data for a newsletter
//! (about half may be emailed): (a) the count of "may email for the
//! newsletter" and (b) its first page of 50 rows (ids and opened rows, as
//! the list shows them), each a median of 7 beside a plain scan of the
//! same table in the same run (`COUNT(*)` of every contact; the first 50
//! contacts with no filter, opened alike).
//!
//! Bases, consent states, restrictions and objections are written in bulk
//! by SQL after the import, spread by the id's last hex digits, and the
//! permission table is then rebuilt from them (timed and shown): the
//! figures are about reading.

use super::args::BenchArgs;
use super::stats::median;
use super::target::{drop_target, target, vacuum};
use crate::error::CliError;
use kith_app::import::ImportOptions;
use kith_app::{App, Principal};
use kith_domain::segment::{Condition, Segment};
use kith_domain::Channel;
use kith_store::contacts::{ContactFilter, ContactSort};
use kith_store::segments::SegmentAt;
use kith_store::{Engine, Store, Vault};
use std::time::{Duration, Instant};

const RUNS: usize = 7;

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

/// Hex digit `i` (1-based, of 32) of an id column, lower case.
fn digit(engine: Engine, col: &str, i: usize) -> String {
    match engine {
        Engine::Sqlite => format!("lower(substr(hex({col}), {i}, 1))"),
        // The text form has four dashes before the last 12 digits.
        Engine::Postgres => format!("substr(replace({col}::text, '-', ''), {i}, 1)"),
    }
}

/// Writes the consent facts in bulk: bases (10/16 consent, 2/16 legitimate
/// interests, 1/16 not applicable, 3/16 none), email consent states
/// (8/16 given, 1/16 given but expired, 1/16 given until later, 2/16
/// awaiting, 1/16 refused, 1/16 withdrawn, 2/16 none), 1/256 restricted,
/// 1/256 objecting (pending).
async fn facts(store: &Store, purpose: uuid::Uuid) -> Result<(), CliError> {
    let e = store.engine();
    let id = match e {
        Engine::Sqlite => format!("X'{}'", purpose.simple()),
        Engine::Postgres => format!("'{purpose}'::uuid"),
    };
    let (d32, d31) = (digit(e, "id", 32), digit(e, "id", 31));
    let now = kith_store::to_ms(time::OffsetDateTime::now_utc());
    let year = 365 * 86_400_000i64;
    let sql = [
        format!(
            "INSERT INTO contact_bases (subject_id, purpose_id, basis, source, source_name, lia_ref, effective_at, set_by, set_at) \
             SELECT id, {id}, CASE WHEN {d32} IN ('a','b') THEN 'legitimate_interests' WHEN {d32} = 'c' THEN 'not_applicable' \
             ELSE 'consent' END, 'import', 'bench', 'LIA-1', 0, NULL, 0 FROM contacts WHERE {d32} NOT IN ('d','e','f')"
        ),
        format!(
            "INSERT INTO consent_state (subject_id, purpose_id, channel, state, since, until_at) \
             SELECT id, {id}, 'email', CASE WHEN {d31} IN ('a','b') THEN 'awaiting' WHEN {d31} = 'c' THEN 'refused' \
             WHEN {d31} = 'd' THEN 'withdrawn' ELSE 'given' END, {now}, \
             CASE WHEN {d31} = '8' THEN {past} WHEN {d31} = '9' THEN {later} WHEN {d31} IN ('a','b') THEN {later} ELSE NULL END \
             FROM contacts WHERE {d31} NOT IN ('e','f')",
            past = now - 1,
            later = now + year
        ),
        format!("INSERT INTO restrictions (subject_id, since, set_by) SELECT id, {now}, NULL FROM contacts WHERE {d31} = 'f' AND {d32} = 'f'"),
        format!(
            "INSERT INTO objections (subject_id, purpose_id, at, decision, decided_at, decided_by) \
             SELECT id, {id}, {now}, 'pending', NULL, NULL FROM contacts WHERE {d31} = 'f' AND {d32} = 'e'"
        ),
    ];
    for s in sql {
        store.raw_execute(&s).await?;
    }
    Ok(())
}

pub async fn run(args: &BenchArgs, tmp: &std::path::Path) -> Result<(), CliError> {
    let n = args.contacts;
    let engine_name = if args.postgres.is_some() { "PostgreSQL" } else { "SQLite" };
    println!("kith bench --segments: \"may email for the newsletter\" among {n} contacts on {engine_name}");
    let file = super::import::people_csv(tmp, n)?;
    let t = target(args, tmp, "segments").await?;
    let store = Store::connect(&t.db_url, Vault::from_key(&[7u8; 32])).await?;
    store.migrate().await?;
    let app = App::new(store.clone());
    let p = Principal::cli();
    let purpose = app.create_purpose(&p, super::consent::newsletter()).await?;
    let opts = ImportOptions { file_name: "contacts.csv".into(), ..Default::default() };
    let input = std::fs::File::open(&file).map_err(CliError::io(format!("cannot open {}", file.display())))?;
    let start = Instant::now();
    app.import_contacts(&p, std::io::BufReader::new(input), &opts, |_, _| {}).await?;
    println!("  loaded {n} contacts through the import in {:.1} s", start.elapsed().as_secs_f64());
    facts(&store, purpose.id.0).await?;
    let start = Instant::now();
    store.rebuild_permissions().await?;
    println!(
        "  permissions rebuilt from bases, consent, restrictions and objections in {:.1} s",
        start.elapsed().as_secs_f64()
    );
    store.checkpoint().await?;
    vacuum(&store, args).await?;

    let segment = Segment {
        conditions: vec![Condition::MayContact { purpose: purpose.id, channel: Channel::Email, allowed: true }],
    };
    let filter = ContactFilter { segment: Some(SegmentAt::now(segment)), ..Default::default() };
    let plain = ContactFilter::default();
    let (count, people) = time(|| async { Ok(store.count_matching(&filter).await?) }).await?;
    let (count_base, all) = time(|| async { Ok(store.count_contacts().await?) }).await?;
    let (page, rows) =
        time(|| async { Ok(store.list_contacts(&filter, ContactSort::CreatedDesc, None, 50).await?.len()) }).await?;
    let (page_base, base_rows) =
        time(|| async { Ok(store.list_contacts(&plain, ContactSort::CreatedDesc, None, 50).await?.len()) }).await?;
    // The same count through the general path (a plain filter beside the segment).
    let mixed = ContactFilter { created_from: Some(0), ..filter.clone() };
    let (count_mixed, _) = time(|| async { Ok(store.count_matching(&mixed).await?) }).await?;
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!("\n  figure, median of {RUNS}                           | rows     | Kith       | plain scan (same run)");
    println!(
        "  (a) count of \"may email for the newsletter\"     | {people:>8} | {:>7.1} ms | {:>7.1} ms (COUNT(*) of all {all} contacts)",
        ms(count),
        ms(count_base)
    );
    println!(
        "  (b) its first page of 50 (ids + opened rows)    | {rows:>8} | {:>7.1} ms | {:>7.1} ms (first {base_rows} of all contacts, opened)",
        ms(page),
        ms(page_base)
    );
    println!("  (a') the count beside a plain filter (general) | {people:>8} | {:>7.1} ms |", ms(count_mixed));
    let ok = |d: Duration, max: f64| if ms(d) <= max { "met" } else { "NOT met" };
    println!(
        "\n  targets (10⁶ contacts, SQLite): count <= 300 ms: {}; first page <= 50 ms: {}",
        ok(count, 300.0),
        ok(page, 50.0)
    );
    store.close().await;
    drop_target(&t, args.keep).await;
    if !args.keep {
        let _ = std::fs::remove_dir_all(tmp);
    }
    Ok(())
}
