//! The contacts benchmark's table: Kith beside the baseline, each figure
//! with its ratio, and the targets met or not.

use super::consent::Figures;
use super::pages::PageTiming;
use super::stats::{median, p95, us};
use std::time::Duration;

/// What one side of the comparison measured.
pub(super) struct Side {
    /// Contacts per second, median batch.
    pub(super) create_median: f64,
    pub(super) create_wall: Duration,
    pub(super) inter_wall: Duration,
    pub(super) email: Vec<Duration>,
    pub(super) prefix: Vec<Duration>,
    pub(super) read: Vec<Duration>,
    pub(super) export: Vec<Duration>,
    pub(super) erase: Vec<Duration>,
    /// Bytes on disk.
    pub(super) size: u64,
}

/// What only Kith's side measures.
pub(super) struct Extras {
    /// A read through the app, with its audit entry.
    pub(super) audited: Vec<Duration>,
    /// Contacts the name-prefix searches returned, all together.
    pub(super) prefix_found: usize,
    pub(super) pages: Vec<PageTiming>,
    pub(super) compliance: Figures,
}

pub(super) fn print(n: usize, per: usize, samples: usize, ours: Side, extras: Extras, base: Side) {
    let Side {
        create_median,
        create_wall,
        inter_wall,
        email: mut email_t,
        prefix: mut prefix_t,
        read: mut read_t,
        export: mut export_t,
        erase: mut erase_t,
        size: ours_size,
    } = ours;
    let Side {
        create_median: base_median,
        create_wall: base_wall,
        inter_wall: base_inter_wall,
        email: mut b_email,
        prefix: mut b_prefix,
        read: mut b_read,
        export: mut b_export,
        erase: mut b_erase,
        size: base_size,
    } = base;
    let Extras { audited: mut audited_t, prefix_found, pages, compliance } = extras;
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
}
