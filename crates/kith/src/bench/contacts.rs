//! `kith bench` (the default): contacts created in batches through the
//! same path the API uses, their interactions, lookups, staff pages, the
//! compliance summary and the rights of access and erasure, on Kith and on
//! an unencrypted baseline in a database of its own on the same engine.

use super::args::BenchArgs;
use super::people::{people, Person};
use super::report::{Extras, Side};
use super::stats::{bar, median};
use super::target::{drop_target, size, target, vacuum};
use crate::error::CliError;
use crate::rng::Rng;
use kith_app::contacts::NewContact;
use kith_app::interactions::NewInteraction;
use kith_app::{App, Principal};
use kith_domain::{ContactData, Email, InteractionKind, Phone, Role, SubjectId};
use kith_store::contacts::ContactFilter;
use kith_store::{Store, Vault};
use std::path::Path;
use std::time::Instant;

pub(super) async fn run(args: &BenchArgs, tmp: &Path) -> Result<(), CliError> {
    let n = args.contacts;
    let engine = if args.postgres.is_some() { "PostgreSQL" } else { "SQLite" };
    let per = args.interactions as usize;
    println!("kith bench: {n} contacts, {per} interactions each, batches of {}, on {engine}", args.batch);
    let people = people(n);
    let samples = args.samples.min(n);
    // Rights: an access export and an erasure of contacts picked at random.
    let rights_samples = samples.clamp(1, 50);
    // One sequence for both sides' picks, Kith's first.
    let mut rng = Rng::new(7);
    let (ours, extras) = kith(args, tmp, &people, samples, rights_samples, &mut rng).await?;
    let base = super::baseline::measure(args, tmp, &people, samples, rights_samples, &mut rng).await?;
    if args.dir.is_none() && !args.keep {
        let _ = std::fs::remove_dir_all(tmp);
    }
    super::report::print(n, per, samples, ours, extras, base);
    Ok(())
}

/// Kith's side: create, record interactions, look up, read pages, then
/// export and erase (last, since erasing changes the data).
async fn kith(
    args: &BenchArgs,
    tmp: &Path,
    people: &[Person],
    samples: usize,
    rights_samples: usize,
    rng: &mut Rng,
) -> Result<(Side, Extras), CliError> {
    let n = args.contacts;
    let per = args.interactions as usize;
    let ours = target(args, tmp, "kith").await?;
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
    vacuum(&store, args).await?;

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
    let pages = super::pages::measure(
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
    let compliance = super::consent::measure(&app, &store, &p).await?;
    // Rights: an access export and an erasure (with its checkpoint) of
    // contacts picked at random, last, since erasing changes the data.
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
    Ok((
        Side {
            create_median,
            create_wall,
            inter_wall,
            email: email_t,
            prefix: prefix_t,
            read: read_t,
            export: export_t,
            erase: erase_t,
            size: ours_size,
        },
        Extras { audited: audited_t, prefix_found, pages, compliance },
    ))
}
