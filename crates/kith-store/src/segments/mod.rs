//! Segments in SQL: each [`Condition`] as a predicate on the contact list's
//! `contacts c`, evaluated at an instant, and the ids of a segment for
//! senders and exports. Saved segments are in [`saved`].
//!
//! Every predicate reads a table kept current in the transaction of each
//! write (`consent_state`, `contact_bases`, `restrictions`, `objections`,
//! `contact_permissions`), never the ledger: a count over a million people
//! is an index range, not a replay. Time alone changes two consent states
//! (given → expired, awaiting → not responded) and ends permissions that
//! rest on expiring consent; the predicates apply `until_at` against the
//! instant asked about, as `consent_counts` does.

mod saved;

pub use crate::segment_sql::SegmentAt;
pub use saved::{SavedSegment, SegmentWrite};

use crate::contacts::ContactFilter;
use crate::db::{Exec, Value};
use crate::{Store, StoreError};
use kith_domain::segment::ConsentFilter;
use kith_domain::{Channel, LawfulBasis, PurposeId, SubjectId};
use std::collections::HashMap;
use uuid::Uuid;

/// Where a person stands for one purpose on one channel, at an instant:
/// what a list's consent badge shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Standing {
    pub subject: SubjectId,
    /// `None`: no basis (no row, or not applicable).
    pub basis: Option<LawfulBasis>,
    pub state: ConsentFilter,
    /// What `may_contact` decides (read from `contact_permissions`).
    pub may: bool,
}

impl Store {
    /// The ids of the contacts passing `filter` (segment included), in id
    /// order after `after`, at most `limit`: for senders and exports, which
    /// open each person themselves. Nothing is decrypted here.
    pub async fn segment_ids(
        &self,
        filter: &ContactFilter,
        after: Option<Uuid>,
        limit: i64,
    ) -> Result<Vec<SubjectId>, StoreError> {
        self.matching_ids(filter, after, limit).await
    }

    /// Those of `ids` that pass `filter` (for lookups that find candidates
    /// by a blind index and must still honour a segment).
    pub async fn filter_ids(&self, filter: &ContactFilter, ids: &[SubjectId]) -> Result<Vec<SubjectId>, StoreError> {
        let mut out = Vec::new();
        for chunk in ids.chunks(500) {
            let mut vals: Vec<Value> = chunk.iter().map(|s| Value::Uuid(s.0)).collect();
            let list = (1..=chunk.len()).map(|i| format!("${i}")).collect::<Vec<_>>().join(",");
            let mut sql = format!("SELECT c.id FROM contacts c WHERE c.id IN ({list})");
            crate::contacts::filter_sql(filter, self.review_after, &mut vals, &mut sql);
            let rows = self.pools.read.conn().await?.fetch_all(&sql, &vals).await?;
            for r in rows {
                out.push(SubjectId(r.get(0)?));
            }
        }
        out.sort_by_key(|s| s.0);
        Ok(out)
    }

    /// Recomputes who may be contacted for everyone (after facts were
    /// written in bulk outside the store's write paths, as benchmarks do).
    pub async fn rebuild_permissions(&self) -> Result<(), StoreError> {
        let mut tx = self.pools.write.begin().await?;
        crate::permissions::rebuild_all(&mut tx).await?;
        tx.commit().await
    }

    /// The language of the notice each of `ids` answered under, for the
    /// purpose and channel (where their consent state rests on a notice).
    pub async fn notice_languages(
        &self,
        purpose: PurposeId,
        channel: Channel,
        ids: &[SubjectId],
    ) -> Result<HashMap<SubjectId, String>, StoreError> {
        let mut out = HashMap::new();
        for chunk in ids.chunks(500) {
            let mut vals: Vec<Value> = vec![purpose.0.into(), channel.as_str().into()];
            vals.extend(chunk.iter().map(|s| Value::Uuid(s.0)));
            let list = (3..3 + chunk.len()).map(|i| format!("${i}")).collect::<Vec<_>>().join(",");
            let sql = format!(
                "SELECT cs.subject_id, n.language FROM consent_state cs JOIN notices n ON n.id = cs.notice_id \
                 WHERE cs.purpose_id = $1 AND cs.channel = $2 AND cs.subject_id IN ({list})"
            );
            for r in self.pools.read.conn().await?.fetch_all(&sql, &vals).await? {
                out.insert(SubjectId(r.get(0)?), r.get(1)?);
            }
        }
        Ok(out)
    }

    /// The contacts of `ids` that exist, opened (a row that cannot be opened
    /// is left out and logged), in id order.
    pub async fn contacts_by_ids(&self, ids: &[SubjectId]) -> Result<Vec<crate::contacts::Contact>, StoreError> {
        let ids: Vec<Uuid> = ids.iter().map(|s| s.0).collect();
        let mut out = self.contacts_in(&ids).await?;
        out.sort_by_key(|c| c.id.0);
        Ok(out)
    }

    /// The standing of each of `ids` for `purpose` on `channel` at `at`.
    pub async fn standings(
        &self,
        purpose: PurposeId,
        channel: Channel,
        ids: &[SubjectId],
        at: time::OffsetDateTime,
    ) -> Result<Vec<Standing>, StoreError> {
        let now = crate::to_ms(at);
        let mut out = Vec::new();
        for chunk in ids.chunks(500) {
            let mut vals: Vec<Value> = vec![purpose.0.into(), channel.as_str().into()];
            vals.extend(chunk.iter().map(|s| Value::Uuid(s.0)));
            let list = (3..3 + chunk.len()).map(|i| format!("${i}")).collect::<Vec<_>>().join(",");
            let sql = format!(
                "SELECT c.id, b.basis, cs.state, cs.until_at, m.subject_id, m.until_at FROM contacts c \
                 LEFT JOIN contact_bases b ON b.subject_id = c.id AND b.purpose_id = $1 \
                 LEFT JOIN consent_state cs ON cs.subject_id = c.id AND cs.purpose_id = $1 AND cs.channel = $2 \
                 LEFT JOIN contact_permissions m ON m.subject_id = c.id AND m.purpose_id = $1 AND m.channel = $2 \
                 WHERE c.id IN ({list})"
            );
            for r in self.pools.read.conn().await?.fetch_all(&sql, &vals).await? {
                let basis = r.get::<Option<String>>(1)?.as_deref().and_then(LawfulBasis::parse);
                let until: Option<i64> = r.get(3)?;
                let passed = until.is_some_and(|u| u <= now);
                let state = match r.get::<Option<String>>(2)?.as_deref() {
                    None => ConsentFilter::None,
                    Some("given") if passed => ConsentFilter::Expired,
                    Some("awaiting") if passed => ConsentFilter::NotResponded,
                    Some(s) => ConsentFilter::parse(s).ok_or(StoreError::Corrupt("consent state"))?,
                };
                let may = r.get::<Option<Uuid>>(4)?.is_some() && r.get::<Option<i64>>(5)?.is_none_or(|u| u > now);
                out.push(Standing {
                    subject: SubjectId(r.get(0)?),
                    basis: basis.filter(|b| *b != LawfulBasis::NotApplicable),
                    state,
                    may,
                });
            }
        }
        Ok(out)
    }
}
