//! The privacy overview's trend: per calendar month (UTC) of the last
//! twelve, consent given and withdrawn, and requests answered.

use crate::{App, Principal, Result};
use kith_domain::PurposeId;
use kith_store::consent::Trend;
use time::{Date, Month, OffsetDateTime, Time};

/// How many months the overview shows, the current one last.
pub const MONTHS: usize = 12;

/// The counts per month, oldest first, and the months they are for.
#[derive(Clone, Debug)]
pub struct MonthlyTrend {
    /// (year, month) per column, oldest first; the last is the current month.
    pub months: Vec<(i32, Month)>,
    pub counts: Trend,
}

/// The first instant (UTC) of `n` calendar months ending with the one
/// holding `now`, and the first instant of the next month: `n + 1`
/// boundaries, ascending.
pub fn month_bounds(now: OffsetDateTime, n: usize) -> Vec<OffsetDateTime> {
    let now = now.to_offset(time::UtcOffset::UTC);
    let (mut y, mut m) = (now.year(), now.month());
    // Step back n - 1 months, then walk forward n + 1 boundaries.
    for _ in 1..n {
        (y, m) = if m == Month::January { (y - 1, Month::December) } else { (y, m.previous()) };
    }
    let mut out = Vec::with_capacity(n + 1);
    for _ in 0..=n {
        let d = Date::from_calendar_date(y, m, 1).expect("the first of a month exists");
        out.push(d.with_time(Time::MIDNIGHT).assume_utc());
        (y, m) = if m == Month::December { (y + 1, Month::January) } else { (y, m.next()) };
    }
    out
}

impl App {
    /// The last [`MONTHS`] calendar months up to `now`: consent given and
    /// withdrawn (for `purpose`, or every purpose) and requests answered.
    pub async fn consent_trend(
        &self,
        _p: &Principal,
        purpose: Option<PurposeId>,
        now: OffsetDateTime,
    ) -> Result<MonthlyTrend> {
        let bounds = month_bounds(now, MONTHS);
        let counts = self.store.consent_trend(&bounds, purpose).await?;
        let months = bounds[..MONTHS].iter().map(|b| (b.year(), b.month())).collect();
        Ok(MonthlyTrend { months, counts })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    #[test]
    fn bounds_are_month_starts_across_a_year_end() {
        let b = month_bounds(datetime!(2026-02-14 10:00 UTC), 3);
        assert_eq!(
            b,
            vec![
                datetime!(2025-12-01 0:00 UTC),
                datetime!(2026-01-01 0:00 UTC),
                datetime!(2026-02-01 0:00 UTC),
                datetime!(2026-03-01 0:00 UTC)
            ]
        );
        let b = month_bounds(datetime!(2026-12-31 23:59:59 UTC), 12);
        assert_eq!((b.len(), b[0], b[12]), (13, datetime!(2026-01-01 0:00 UTC), datetime!(2027-01-01 0:00 UTC)));
    }

    #[test]
    fn an_offset_time_counts_in_its_utc_month() {
        let b = month_bounds(datetime!(2026-03-01 00:30 +02:00), 1);
        assert_eq!(b, vec![datetime!(2026-02-01 0:00 UTC), datetime!(2026-03-01 0:00 UTC)]);
    }
}
