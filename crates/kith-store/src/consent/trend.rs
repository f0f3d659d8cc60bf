//! The overview's monthly trend: consent given and withdrawn (ledger
//! events) and data-subject requests answered, counted per period.
//!
//! The periods are given as boundaries (calendar months are the caller's
//! business: the store has no calendar); the bucket of each row is a
//! `CASE` over those boundaries, so one aggregate query per table counts
//! every period on both engines without date functions.

use crate::db::{Exec, Value};
use crate::{to_ms, Store, StoreError};
use kith_domain::PurposeId;

/// Counts per period, in the order of the boundaries.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Trend {
    /// Consent events `given` (one per event, whatever its channels).
    pub given: Vec<i64>,
    /// Consent events `withdrawn`.
    pub withdrawn: Vec<i64>,
    /// Requests whose status became completed or rejected (answered).
    pub answered: Vec<i64>,
}

/// Most periods one call may count.
pub const MAX_PERIODS: usize = 36;

/// `CASE WHEN at < $2 THEN 0 … END`: the period of `at`, for boundaries
/// bound as `$1..=$n+1` (the query's `WHERE` keeps `at` inside them).
fn bucket(periods: usize) -> String {
    let mut s = String::from("CAST(CASE");
    for i in 0..periods {
        s.push_str(&format!(" WHEN at < ${} THEN {i}", i + 2));
    }
    s.push_str(" END AS BIGINT)");
    s
}

impl Store {
    /// Counts per period `[bounds[i], bounds[i+1])`: consent given and
    /// withdrawn (for one purpose, or all), and requests answered (all:
    /// a request is not about one purpose).
    pub async fn consent_trend(
        &self,
        bounds: &[time::OffsetDateTime],
        purpose: Option<PurposeId>,
    ) -> Result<Trend, StoreError> {
        let periods = bounds.len().saturating_sub(1);
        let mut out = Trend { given: vec![0; periods], withdrawn: vec![0; periods], answered: vec![0; periods] };
        if periods == 0 || periods > MAX_PERIODS || bounds.windows(2).any(|w| w[0] >= w[1]) {
            return Ok(out);
        }
        let mut params: Vec<Value> = bounds.iter().map(|b| Value::from(to_ms(*b))).collect();
        let last = periods + 1;
        let b = bucket(periods);
        let mut c = self.pools.read.conn().await?;
        let filter = if let Some(p) = purpose {
            params.push(Value::from(p.0));
            format!(" AND purpose_id = ${}", last + 1)
        } else {
            String::new()
        };
        let sql = format!(
            "SELECT {b} AS m, action, COUNT(*) FROM consent_events \
             WHERE at >= $1 AND at < ${last} AND action IN ('given', 'withdrawn'){filter} GROUP BY m, action"
        );
        for r in c.fetch_all(&sql, &params).await? {
            let (m, action, n): (i64, String, i64) = (r.get(0)?, r.get(1)?, r.get(2)?);
            let Some(slot) = usize::try_from(m).ok().filter(|m| *m < periods) else { continue };
            match action.as_str() {
                "given" => out.given[slot] = n,
                "withdrawn" => out.withdrawn[slot] = n,
                _ => {}
            }
        }
        params.truncate(last);
        let sql = format!(
            "SELECT {b} AS m, COUNT(DISTINCT request_id) FROM dsr_steps \
             WHERE at >= $1 AND at < ${last} AND status IN ('completed', 'rejected') GROUP BY m"
        );
        for r in c.fetch_all(&sql, &params).await? {
            let (m, n): (i64, i64) = (r.get(0)?, r.get(1)?);
            if let Some(slot) = usize::try_from(m).ok().filter(|m| *m < periods) {
                out.answered[slot] = n;
            }
        }
        Ok(out)
    }
}
