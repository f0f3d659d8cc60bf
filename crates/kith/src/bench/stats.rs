//! The benchmarks' figures: medians, percentiles, microseconds, and the
//! progress bar shown while they are gathered.

use indicatif::{ProgressBar, ProgressStyle};
use std::time::Duration;

pub(super) fn median(v: &mut [Duration]) -> Duration {
    v.sort_unstable();
    v[v.len() / 2]
}

pub(super) fn p95(v: &mut [Duration]) -> Duration {
    v.sort_unstable();
    v[(v.len() * 95 / 100).min(v.len() - 1)]
}

pub(super) fn us(d: Duration) -> String {
    format!("{:.0} µs", d.as_secs_f64() * 1e6)
}

pub(super) fn bar(n: usize, what: &str) -> ProgressBar {
    let pb = ProgressBar::new(n as u64);
    pb.set_style(
        ProgressStyle::with_template("{msg:>14} {bar:40} {pos}/{len} {per_sec} eta {eta}").expect("valid template"),
    );
    pb.set_message(what.to_owned());
    pb
}
