//! `kith bench`: creates N synthetic contacts (`--interactions` each, 2 by default) on an
//! empty database through the same batched path the API uses, measures
//! lookups, and does the same with an unencrypted baseline in a database of
//! its own on the same engine, printing medians side by side.

use crate::error::CliError;
use indicatif::{ProgressBar, ProgressStyle};
use kith_app::contacts::NewContact;
use kith_app::interactions::NewInteraction;
use kith_app::{App, Principal};
use kith_domain::{ContactData, Email, InteractionKind, Phone, Role, SubjectId};
use kith_store::baseline::PlainContact;
use kith_store::contacts::ContactFilter;
use kith_store::{Store, Vault};
use std::path::PathBuf;
use std::time::{Duration, Instant};

#[derive(clap::Args, Debug)]
pub struct BenchArgs {
    /// How many synthetic contacts to create.
    #[arg(long, default_value_t = 100_000)]
    pub contacts: usize,
    /// Interactions per contact.
    #[arg(long, default_value_t = 2, value_parser = clap::value_parser!(u32).range(0..=20))]
    pub interactions: u32,
    /// Contacts per batch (at most 1000, the API's batch limit).
    #[arg(long, default_value_t = 1000)]
    pub batch: usize,
    /// Lookups sampled per latency figure.
    #[arg(long, default_value_t = 2000)]
    pub samples: usize,
    /// A PostgreSQL server URL (`postgres://…/postgres`) to bench on instead
    /// of SQLite; two throwaway databases are created on it and dropped.
    #[arg(long)]
    pub postgres: Option<String>,
    /// Where the SQLite files go (a fresh temporary directory by default).
    #[arg(long)]
    pub dir: Option<PathBuf>,
    /// Benchmark the CSV import instead (`--contacts` rows, `kith import
    /// contacts` end to end against a plaintext load of the same file).
    #[arg(long)]
    pub import: bool,
    /// With `--import`: every row carries consent with its proof columns
    /// (`consent_at`, `consent_evidence`), imported under the consent basis.
    #[arg(long, requires = "import")]
    pub consent: bool,
    /// Benchmark a retention sweep instead (`--contacts` contacts, all
    /// expiring, against deleting as many plain rows).
    #[arg(long, conflicts_with = "import")]
    pub retention: bool,
    /// Keep the databases afterwards, for inspection.
    #[arg(long)]
    pub keep: bool,
}

const FIRST: [&str; 48] = [
    "Mario",
    "Giulia",
    "Luca",
    "Francesca",
    "Marco",
    "Chiara",
    "Alessandro",
    "Sara",
    "Matteo",
    "Elena",
    "Lorenzo",
    "Martina",
    "Élodie",
    "Camille",
    "Théo",
    "Léa",
    "Hugo",
    "Chloé",
    "Lukas",
    "Anna",
    "Jonas",
    "Lena",
    "Felix",
    "Marie",
    "Йорданка",
    "Георги",
    "Мария",
    "Иван",
    "Елена",
    "Димитър",
    "Lucía",
    "Javier",
    "Carmen",
    "Pablo",
    "Zofia",
    "Jakub",
    "Agnieszka",
    "Piotr",
    "Sofie",
    "Lars",
    "Ingrid",
    "Mikkel",
    "Joana",
    "Tiago",
    "Inês",
    "Ana",
    "Li",
    "Wei",
];
const LAST: [&str; 64] = [
    "Rossi",
    "Russo",
    "Ferrari",
    "Esposito",
    "Bianchi",
    "Romano",
    "Colombo",
    "Ricci",
    "Marino",
    "Greco",
    "Bruno",
    "Gallo",
    "Conti",
    "De Luca",
    "Mancini",
    "Costa",
    "Giordano",
    "Rizzo",
    "Lombardi",
    "Moretti",
    "Martin",
    "Bernard",
    "Dubois",
    "Thomas",
    "Robert",
    "Richard",
    "Petit",
    "Durand",
    "Leroy",
    "Moreau",
    "Müller",
    "Schmidt",
    "Schneider",
    "Fischer",
    "Weber",
    "Meyer",
    "Wagner",
    "Becker",
    "Schulz",
    "Hoffmann",
    "Петрова",
    "Иванов",
    "Георгиев",
    "Димитрова",
    "Николов",
    "Стоянова",
    "García",
    "Fernández",
    "González",
    "Rodríguez",
    "López",
    "Martínez",
    "Nowak",
    "Kowalski",
    "Wiśniewska",
    "Wójcik",
    "Jensen",
    "Nielsen",
    "Hansen",
    "Pedersen",
    "Silva",
    "Santos",
    "Ferreira",
    "Pereira",
];
const TITLES: [&str; 8] =
    ["Buyer", "Head of Purchasing", "CTO", "Office Manager", "Sales Director", "Engineer", "Founder", "Accountant"];

/// SplitMix64: a small deterministic generator, so every run makes the same data.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn pick<'a>(&mut self, from: &[&'a str]) -> &'a str {
        from[(self.next() % from.len() as u64) as usize]
    }
}

pub(crate) struct Person {
    pub(crate) first: &'static str,
    pub(crate) last: &'static str,
    pub(crate) email: String,
    pub(crate) phone: String,
    pub(crate) title: &'static str,
}

fn ascii_slug(s: &str) -> String {
    kith_domain::normalize::fold(s).chars().filter(|c| c.is_ascii_alphanumeric()).collect()
}

pub(crate) fn people(n: usize) -> Vec<Person> {
    people_iter(n).collect()
}

/// The same people as [`people`], one at a time (constant memory).
pub(crate) fn people_iter(n: usize) -> impl Iterator<Item = Person> {
    let mut rng = Rng(0x4b17_4b17);
    (0..n).map(move |i| {
        let first = rng.pick(&FIRST);
        let last = rng.pick(&LAST);
        let (f, l) = (ascii_slug(first), ascii_slug(last));
        let local = if f.is_empty() || l.is_empty() { format!("contact{i}") } else { format!("{f}.{l}{i}") };
        Person {
            first,
            last,
            email: format!("{local}@example-{}.test", i % 97),
            phone: format!("+39 3{:02} {:07}", rng.next() % 100, i),
            title: rng.pick(&TITLES),
        }
    })
}

fn median(v: &mut [Duration]) -> Duration {
    v.sort_unstable();
    v[v.len() / 2]
}

fn p95(v: &mut [Duration]) -> Duration {
    v.sort_unstable();
    v[(v.len() * 95 / 100).min(v.len() - 1)]
}

fn us(d: Duration) -> String {
    format!("{:.0} µs", d.as_secs_f64() * 1e6)
}

fn bar(n: usize, what: &str) -> ProgressBar {
    let pb = ProgressBar::new(n as u64);
    pb.set_style(
        ProgressStyle::with_template("{msg:>14} {bar:40} {pos}/{len} {per_sec} eta {eta}").expect("valid template"),
    );
    pb.set_message(what.to_owned());
    pb
}

pub(crate) struct Target {
    pub(crate) db_url: String,
    cleanup: Option<(String, String)>,
    file: Option<PathBuf>,
}

pub(crate) async fn target(args: &BenchArgs, dir: &std::path::Path, tag: &str) -> Result<Target, CliError> {
    match &args.postgres {
        Some(admin) => {
            let name = format!("kith_bench_{tag}_{}", uuid::Uuid::now_v7().simple());
            let a = Store::connect(admin, Vault::from_key(&[0u8; 32])).await?;
            a.raw_execute_no_tx(&format!("CREATE DATABASE {name}")).await?;
            a.close().await;
            let cut =
                admin.rfind('/').ok_or_else(|| CliError::Usage("the PostgreSQL URL needs a database name".into()))?;
            Ok(Target { db_url: format!("{}/{name}", &admin[..cut]), cleanup: Some((admin.clone(), name)), file: None })
        }
        None => {
            let file = dir.join(format!("{tag}.db"));
            Ok(Target { db_url: format!("sqlite:{}", file.display()), cleanup: None, file: Some(file) })
        }
    }
}

async fn size(store: &Store, t: &Target) -> Result<u64, CliError> {
    match &t.file {
        Some(f) => {
            store.checkpoint().await?;
            Ok(std::fs::metadata(f).map(|m| m.len()).unwrap_or(0))
        }
        None => Ok(store.pg_database_size().await? as u64),
    }
}

/// PostgreSQL: what autovacuum does after a bulk load (sets hint bits and
/// the visibility map, gathers statistics), done at once so lookups are not
/// measured against a table nobody has vacuumed yet. Untimed.
pub(crate) async fn vacuum(store: &Store, args: &BenchArgs) -> Result<(), CliError> {
    if args.postgres.is_some() {
        store.raw_execute_no_tx("VACUUM (ANALYZE)").await?;
    }
    Ok(())
}

pub(crate) async fn drop_target(t: &Target, keep: bool) {
    if keep {
        println!("kept: {}", t.db_url);
        return;
    }
    if let Some((admin, name)) = &t.cleanup {
        if let Ok(a) = Store::connect(admin, Vault::from_key(&[0u8; 32])).await {
            let _ = a.raw_execute_no_tx(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)")).await;
            a.close().await;
        }
    }
}

pub async fn run(args: BenchArgs) -> Result<(), CliError> {
    if args.contacts < args.batch.max(1) || args.batch == 0 || args.batch > kith_app::contacts::MAX_BATCH {
        return Err(CliError::Usage("--contacts must be at least --batch, and --batch 1 to 1000".into()));
    }
    let tmp =
        args.dir.clone().unwrap_or_else(|| std::env::temp_dir().join(format!("kith-bench-{}", uuid::Uuid::now_v7())));
    std::fs::create_dir_all(&tmp).map_err(CliError::io(format!("cannot create {}", tmp.display())))?;
    if args.import {
        return crate::bench_import::run(&args, &tmp).await;
    }
    if args.retention {
        return crate::bench_retention::run(&args, &tmp).await;
    }
    let n = args.contacts;
    let engine = if args.postgres.is_some() { "PostgreSQL" } else { "SQLite" };
    let per = args.interactions as usize;
    println!("kith bench: {n} contacts, {per} interactions each, batches of {}, on {engine}", args.batch);
    let people = people(n);

    // Kith.
    let ours = target(&args, &tmp, "kith").await?;
    let store = Store::connect(&ours.db_url, Vault::from_key(&[9u8; 32])).await?;
    store.migrate().await?;
    let app = App::new(store.clone());
    let admin = app.add_user(&Principal::cli(), "bench@example.com", Role::Admin, "bench-password-1234").await?;
    let p = Principal { user: admin.id, role: Role::Admin, request_id: "bench".into(), token: None };
    let mut ids: Vec<SubjectId> = Vec::with_capacity(n);
    let mut batch_times = Vec::new();
    let pb = bar(n, "kith create");
    let start = Instant::now();
    // Two batches in flight, as two API clients would have: one is sealed
    // and indexed while the other is written.
    let mut in_flight = std::collections::VecDeque::new();
    let mut last_done = start;
    for chunk in people.chunks(args.batch) {
        let batch: Vec<NewContact> = chunk
            .iter()
            .map(|x| NewContact {
                data: ContactData {
                    first_name: Some(x.first.into()),
                    last_name: Some(x.last.into()),
                    emails: vec![Email::parse(&x.email).expect("generated emails are valid")],
                    phones: vec![Phone::parse(&x.phone).expect("generated phones are valid")],
                    job_title: Some(x.title.into()),
                    notes: Some("Met at the trade fair; interested in the spring catalogue.".into()),
                    address: None,
                    custom: Default::default(),
                },
                ..Default::default()
            })
            .collect();
        let (app, p) = (app.clone(), p.clone());
        in_flight.push_back(tokio::spawn(async move { app.create_contacts(&p, batch).await }));
        if in_flight.len() == 2 {
            let got = in_flight.pop_front().expect("two in flight").await.map_err(CliError::other)??;
            // Per contact, the time since the previous batch completed.
            batch_times.push(last_done.elapsed() / got.len() as u32);
            last_done = Instant::now();
            pb.inc(got.len() as u64);
            ids.extend(got);
        }
    }
    for h in in_flight {
        let got = h.await.map_err(CliError::other)??;
        batch_times.push(last_done.elapsed() / got.len() as u32);
        last_done = Instant::now();
        pb.inc(got.len() as u64);
        ids.extend(got);
    }
    let create_wall = start.elapsed();
    pb.finish_and_clear();
    let create_median = 1.0 / median(&mut batch_times).as_secs_f64();

    let pb = bar(n, "interactions");
    let start = Instant::now();
    for chunk in ids.chunks(args.batch) {
        let items: Vec<_> = chunk
            .iter()
            .flat_map(|id| {
                (0..per).map(|k| {
                    let (kind, body) = if k % 2 == 0 {
                        (InteractionKind::Call, "Called about the spring order; follow up next week.")
                    } else {
                        (InteractionKind::Note, "Sent the catalogue and price list.")
                    };
                    (*id, NewInteraction { kind, occurred_at: None, body: body.into() })
                })
            })
            .collect();
        for part in items.chunks(2000) {
            app.create_interactions(&p, part.to_vec()).await?;
        }
        pb.inc(chunk.len() as u64);
    }
    let inter_wall = start.elapsed();
    pb.finish_and_clear();
    vacuum(&store, &args).await?;

    let mut rng = Rng(7);
    let samples = args.samples.min(n);
    let mut email_t = Vec::with_capacity(samples);
    for _ in 0..samples {
        let i = (rng.next() % n as u64) as usize;
        let e = Email::parse(&people[i].email).expect("valid");
        let t = Instant::now();
        let found = store.find_by_email(&e).await?;
        email_t.push(t.elapsed());
        if found.len() != 1 || found[0].id != ids[i] {
            return Err(CliError::Other("email lookup returned the wrong contact".into()));
        }
    }
    let mut prefix_t = Vec::with_capacity(samples);
    let mut prefix_found = 0usize;
    for _ in 0..samples {
        let i = (rng.next() % n as u64) as usize;
        let q: String = people[i].last.chars().take(3).collect();
        let t = Instant::now();
        let found = store.search_name(&q, &ContactFilter::default(), None, 50).await?;
        prefix_t.push(t.elapsed());
        prefix_found += found.len();
        if found.is_empty() {
            return Err(CliError::Other("name prefix search found nothing".into()));
        }
    }
    let mut read_t = Vec::with_capacity(samples);
    for _ in 0..samples {
        let i = (rng.next() % n as u64) as usize;
        let t = Instant::now();
        let c = store.get_contact(ids[i]).await?;
        read_t.push(t.elapsed());
        if c.is_none() {
            return Err(CliError::Other("read found nothing".into()));
        }
    }
    // The audited read a user gets through the API: read plus an audit append.
    let mut audited_t = Vec::with_capacity(samples / 4);
    for _ in 0..samples / 4 {
        let i = (rng.next() % n as u64) as usize;
        let t = Instant::now();
        app.get_contact(&p, ids[i]).await?;
        audited_t.push(t.elapsed());
    }
    let ours_size = size(&store, &ours).await?;
    let pb = bar(1, "pages");
    let last_names: Vec<&str> = people.iter().map(|x| x.last).collect();
    let pages = crate::bench_pages::measure(
        &app,
        &p,
        "bench@example.com",
        "bench-password-1234",
        &ids,
        &last_names,
        (samples / 10).max(20),
    )
    .await?;
    pb.finish_and_clear();
    let compliance = crate::bench_consent::measure(&app, &store, &p).await?;
    // Rights: an access export and an erasure (with its checkpoint) of
    // contacts picked at random, last, since erasing changes the data.
    let rights_samples = samples.clamp(1, 50);
    let mut export_t = Vec::with_capacity(rights_samples);
    let mut erase_t = Vec::with_capacity(rights_samples);
    let cli = kith_app::Principal::cli();
    let mut erased = std::collections::HashSet::new();
    for _ in 0..rights_samples {
        let i = (rng.next() % n as u64) as usize;
        if !erased.insert(i) {
            continue;
        }
        let t = Instant::now();
        app.access_export(&cli, ids[i], false).await?;
        export_t.push(t.elapsed());
        let t = Instant::now();
        store
            .delete_contact(&kith_store::Ctx { actor: "cli".into(), request_id: "bench".into(), token: None }, ids[i])
            .await?;
        erase_t.push(t.elapsed());
    }
    store.close().await;
    drop_target(&ours, args.keep).await;

    // Baseline.
    let base = target(&args, &tmp, "baseline").await?;
    let bstore = Store::connect(&base.db_url, Vault::from_key(&[9u8; 32])).await?;
    bstore.baseline_create().await?;
    let plain_ids: Vec<uuid::Uuid> = (0..n).map(|_| uuid::Uuid::now_v7()).collect();
    let mut base_batch = Vec::new();
    let pb = bar(n, "baseline");
    let start = Instant::now();
    for (chunk, idc) in people.chunks(args.batch).zip(plain_ids.chunks(args.batch)) {
        let rows: Vec<PlainContact> = chunk
            .iter()
            .zip(idc)
            .map(|(x, id)| PlainContact {
                id: *id,
                first_name: x.first.into(),
                last_name: x.last.into(),
                email: x.email.clone(),
                phone: x.phone.clone(),
                job_title: x.title.into(),
                notes: "Met at the trade fair; interested in the spring catalogue.".into(),
            })
            .collect();
        let t = Instant::now();
        bstore.baseline_insert(&rows).await?;
        base_batch.push(t.elapsed() / chunk.len() as u32);
        pb.inc(chunk.len() as u64);
    }
    let base_wall = start.elapsed();
    pb.finish_and_clear();
    let base_median = 1.0 / median(&mut base_batch).as_secs_f64();
    let start = Instant::now();
    for chunk in plain_ids.chunks(args.batch) {
        let rows: Vec<PlainContact> = chunk
            .iter()
            .map(|id| PlainContact {
                id: *id,
                first_name: String::new(),
                last_name: String::new(),
                email: String::new(),
                phone: String::new(),
                job_title: String::new(),
                notes: String::new(),
            })
            .collect();
        bstore.baseline_insert_interactions(&rows, per).await?;
    }
    let base_inter_wall = start.elapsed();
    vacuum(&bstore, &args).await?;
    let mut b_email = Vec::new();
    let mut b_prefix = Vec::new();
    let mut b_read = Vec::new();
    for _ in 0..samples {
        let i = (rng.next() % n as u64) as usize;
        let t = Instant::now();
        bstore.baseline_by_email(&people[i].email).await?;
        b_email.push(t.elapsed());
        let q: String = people[i].last.chars().take(3).collect();
        let t = Instant::now();
        bstore.baseline_by_last_name_prefix(&q, 50).await?;
        b_prefix.push(t.elapsed());
        let t = Instant::now();
        bstore.baseline_get(plain_ids[i]).await?;
        b_read.push(t.elapsed());
    }
    let mut b_export = Vec::with_capacity(rights_samples);
    let mut b_erase = Vec::with_capacity(rights_samples);
    let mut gone = std::collections::HashSet::new();
    for _ in 0..rights_samples {
        let i = (rng.next() % n as u64) as usize;
        if !gone.insert(i) {
            continue;
        }
        let t = Instant::now();
        bstore.baseline_export(plain_ids[i]).await?;
        b_export.push(t.elapsed());
        let t = Instant::now();
        bstore.baseline_delete(plain_ids[i]).await?;
        b_erase.push(t.elapsed());
    }
    let base_size = size(&bstore, &base).await?;
    bstore.close().await;
    drop_target(&base, args.keep).await;
    if args.dir.is_none() && !args.keep {
        let _ = std::fs::remove_dir_all(&tmp);
    }

    let rate = |d: Duration, k: usize| k as f64 / d.as_secs_f64();
    println!();
    println!("{:<44} {:>14} {:>14} {:>8}", "figure (medians unless noted)", "kith", "baseline", "ratio");
    let row = |name: &str, a: String, b: String, r: f64| println!("{name:<44} {a:>14} {b:>14} {r:>7.2}x");
    row(
        "bulk create, contacts/s (median batch)",
        format!("{create_median:.0}"),
        format!("{base_median:.0}"),
        base_median / create_median,
    );
    row(
        "bulk create, contacts/s (whole run)",
        format!("{:.0}", rate(create_wall, n)),
        format!("{:.0}", rate(base_wall, n)),
        rate(base_wall, n) / rate(create_wall, n),
    );
    row(
        "interactions, per s (whole run)",
        format!("{:.0}", rate(inter_wall, per * n)),
        format!("{:.0}", rate(base_inter_wall, per * n)),
        rate(base_inter_wall, per * n) / rate(inter_wall, per * n),
    );
    let lat = |name: &str, a: &mut Vec<Duration>, b: &mut Vec<Duration>| {
        let (ma, mb) = (median(a), median(b));
        row(name, us(ma), us(mb), ma.as_secs_f64() / mb.as_secs_f64());
    };
    lat("email lookup p50", &mut email_t, &mut b_email);
    lat("name-prefix search, first 50, p50", &mut prefix_t, &mut b_prefix);
    lat("single contact read p50", &mut read_t, &mut b_read);
    println!("{:<44} {:>14} {:>14}", "email lookup p95", us(p95(&mut email_t)), us(p95(&mut b_email)));
    println!("{:<44} {:>14} {:>14}", "name-prefix search p95", us(p95(&mut prefix_t)), us(p95(&mut b_prefix)));
    println!("{:<44} {:>14} {:>14}", "audited read via app (read + audit) p50", us(median(&mut audited_t)), "-");
    println!(
        "{:<44} {:>14} {:>14} {:>7.2}x",
        "database size per contact (bytes)",
        ours_size / n as u64,
        base_size / n as u64,
        ours_size as f64 / base_size.max(1) as f64
    );
    println!("(name-prefix searches returned {:.1} contacts on average)", prefix_found as f64 / samples as f64);
    println!();
    println!("{:<44} {:>14} {:>14}", "staff page through the router, p50", "page", "store reads");
    for t in &pages {
        println!("{:<44} {:>14} {:>14}", t.name, us(t.page), t.reads.map(us).unwrap_or_else(|| "-".into()));
    }
    println!();
    let verdict = |ok: bool| if ok { "met" } else { "NOT met" };
    println!("targets (issue #2, SQLite at 10^6):");
    println!("  bulk create >= 20,000/s (median batch): {}", verdict(create_median >= 20_000.0));
    println!("  bulk create within 4x of baseline:      {}", verdict(base_median / create_median <= 4.0));
    println!(
        "  email lookup p50 <= 0.2 ms:             {}",
        verdict(median(&mut email_t) <= Duration::from_micros(200))
    );
    println!(
        "  single read p50 <= 0.2 ms:              {}",
        verdict(median(&mut read_t) <= Duration::from_micros(200))
    );
    println!(
        "  name-prefix p50 <= 5 ms:                {}",
        verdict(median(&mut prefix_t) <= Duration::from_millis(5))
    );
    println!();
    println!(
        "{:<44} {:>14} {:>14} {:>7.2}x",
        format!("compliance summary ({} with a basis), p50", compliance.with_basis),
        us(compliance.summary),
        us(compliance.count_all),
        compliance.summary.as_secs_f64() / compliance.count_all.as_secs_f64()
    );
    println!("(baseline: SELECT COUNT(*) FROM contacts)");
    println!(
        "{:<44} {:>14} {:>14} {:>7.2}x",
        "access export of one person, p50",
        us(median(&mut export_t)),
        us(median(&mut b_export)),
        median(&mut export_t).as_secs_f64() / median(&mut b_export).as_secs_f64()
    );
    println!(
        "{:<44} {:>14} {:>14} {:>7.2}x",
        "erasure of one person incl. checkpoint, p50",
        us(median(&mut erase_t)),
        us(median(&mut b_erase)),
        median(&mut erase_t).as_secs_f64() / median(&mut b_erase).as_secs_f64()
    );
    println!("(baselines: the plaintext row and its interactions read; deleted without scrub)");
    println!("targets (issue #3, pages at 10^5):");
    for t in &pages {
        println!("  {:<38} {}", format!("{} < 50 ms:", t.name), verdict(t.page < Duration::from_millis(50)));
    }
    println!("targets (issue #4, at 10^6):");
    println!("  compliance summary < 1 s:               {}", verdict(compliance.summary < Duration::from_secs(1)));
    println!("targets (issue #5, at 10^6 with 5 interactions each — this run: {n} with {per} each):");
    println!(
        "  access export p50 <= 50 ms:             {}",
        verdict(median(&mut export_t) <= Duration::from_millis(50))
    );
    println!(
        "  erasure p50 <= 50 ms incl. checkpoint:  {}",
        verdict(median(&mut erase_t) <= Duration::from_millis(50))
    );
    Ok(())
}
