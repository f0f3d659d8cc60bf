//! The contacts benchmark's baseline: the same people as plain rows in
//! plain tables (no sealing, no keyed index, no audit), measured the same way.

use super::args::BenchArgs;
use super::people::Person;
use super::report::Side;
use super::stats::{bar, median};
use super::target::{drop_target, size, target, vacuum};
use crate::error::CliError;
use crate::rng::Rng;
use kith_store::baseline::PlainContact;
use kith_store::{Store, Vault};
use std::path::Path;
use std::time::Instant;

/// The baseline's side, its picks continuing `rng`'s sequence.
pub(super) async fn measure(
    args: &BenchArgs,
    tmp: &Path,
    people: &[Person],
    samples: usize,
    rights_samples: usize,
    rng: &mut Rng,
) -> Result<Side, CliError> {
    let n = args.contacts;
    let per = args.interactions as usize;
    let base = target(args, tmp, "baseline").await?;
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
    vacuum(&bstore, args).await?;
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
    Ok(Side {
        create_median: base_median,
        create_wall: base_wall,
        inter_wall: base_inter_wall,
        email: b_email,
        prefix: b_prefix,
        read: b_read,
        export: b_export,
        erase: b_erase,
        size: base_size,
    })
}
