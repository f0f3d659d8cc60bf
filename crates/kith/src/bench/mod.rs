//! `kith bench`: Kith's figures beside an unencrypted baseline in a
//! database of its own on the same engine, both in one run: by default
//! contacts created, looked up, shown, exported and erased (`contacts`);
//! with `--import` the CSV import (`import`); with `--retention` a
//! retention sweep (`retention`); with `--affected` the query for the
//! people a breach affects (`affected`); with `--segments` a segment's
//! count and first page (`segments`).

mod affected;
mod args;
mod baseline;
pub mod consent;
mod contacts;
pub mod import;
pub mod pages;
mod people;
mod report;
pub mod retention;
mod segments;
mod stats;
mod target;

pub use args::BenchArgs;

use crate::error::CliError;

pub async fn run(args: BenchArgs) -> Result<(), CliError> {
    if args.contacts < args.batch.max(1) || args.batch == 0 || args.batch > kith_app::contacts::MAX_BATCH {
        return Err(CliError::Usage("--contacts must be at least --batch, and --batch 1 to 1000".into()));
    }
    let tmp =
        args.dir.clone().unwrap_or_else(|| std::env::temp_dir().join(format!("kith-bench-{}", uuid::Uuid::now_v7())));
    std::fs::create_dir_all(&tmp).map_err(CliError::io(format!("cannot create {}", tmp.display())))?;
    if args.import {
        return import::run(&args, &tmp).await;
    }
    if args.affected {
        return affected::run(&args, &tmp).await;
    }
    if args.segments {
        return segments::run(&args, &tmp).await;
    }
    if args.retention {
        return retention::run(&args, &tmp).await;
    }
    contacts::run(&args, &tmp).await
}
