//! What an anonymisation keeps of people a retention rule disposes of:
//! counts and months, no identifier (the `anonymised_records` table, kept
//! by every erasure).

use crate::db::{fetch_in, Exec, Tx};
use crate::{args, from_ms, now_ms, Store, StoreError};
use kith_domain::{PurposeId, SubjectId};
use std::collections::HashMap;
use uuid::Uuid;

/// What an anonymisation kept.
#[derive(Clone, Debug, serde::Serialize)]
pub struct AnonymisedRecord {
    pub purpose_id: Option<Uuid>,
    pub created_month: String,
    pub last_interaction_month: Option<String>,
    pub disposed_month: String,
    pub interactions: i64,
    pub deals: i64,
    pub deals_won: i64,
    pub source_kind: String,
}

fn month(ms: i64) -> String {
    let t = from_ms(ms);
    format!("{:04}-{:02}", t.year(), u8::from(t.month()))
}

impl Store {
    /// Inside a disposal, before the erasure: an anonymous record (counts,
    /// months, no identifier) for each person given, under the purpose
    /// whose rule disposed of them.
    pub(crate) async fn keep_anonymous_records(
        &self,
        tx: &mut Tx,
        anon: &[(SubjectId, PurposeId)],
    ) -> Result<(), StoreError> {
        if anon.is_empty() {
            return Ok(());
        }
        let ids: Vec<Uuid> = anon.iter().map(|(s, _)| s.0).collect();
        let mut base: HashMap<Uuid, (i64, String)> = HashMap::new();
        for r in fetch_in(tx, "SELECT id, created_at, source_kind FROM contacts WHERE id IN ({in})", &ids).await? {
            base.insert(r.get(0)?, (r.get(1)?, r.get(2)?));
        }
        let mut inter: HashMap<Uuid, (i64, Option<i64>)> = HashMap::new();
        for r in fetch_in(
            tx,
            "SELECT subject_id, COUNT(*), MAX(occurred_at) FROM interactions WHERE subject_id IN ({in}) GROUP BY subject_id",
            &ids,
        )
        .await?
        {
            inter.insert(r.get(0)?, (r.get(1)?, r.get(2)?));
        }
        let mut deals: HashMap<Uuid, (i64, i64)> = HashMap::new();
        for r in fetch_in(
            tx,
            "SELECT dc.subject_id, COUNT(*), CAST(SUM(CASE WHEN d.stage = 'won' THEN 1 ELSE 0 END) AS BIGINT) \
             FROM deal_contacts dc JOIN deals d ON d.id = dc.deal_id WHERE dc.subject_id IN ({in}) GROUP BY dc.subject_id",
            &ids,
        )
        .await?
        {
            deals.insert(r.get(0)?, (r.get(1)?, r.get(2)?));
        }
        let now = month(now_ms());
        // Rows in id order (not the audit's order), ids random.
        let mut anon = anon.to_vec();
        anon.sort_by_key(|(s, _)| s.0);
        for (subject, purpose) in anon {
            let Some((created, source)) = base.get(&subject.0) else { continue };
            let (n, last) = inter.get(&subject.0).copied().unwrap_or((0, None));
            let (deals, won) = deals.get(&subject.0).copied().unwrap_or((0, 0));
            tx.execute(
                "INSERT INTO anonymised_records (id, purpose_id, created_month, last_interaction_month, disposed_month, \
                 interactions, deals, deals_won, source_kind) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
                // A random id: a time-ordered one would tie the record to
                // the audit entry written in the same millisecond.
                &args![
                    Uuid::new_v4(),
                    Some(purpose.0),
                    month(*created),
                    last.map(month),
                    now.as_str(),
                    n,
                    deals,
                    won,
                    source.as_str()
                ],
            )
            .await?;
        }
        Ok(())
    }

    /// What anonymisations kept, latest months first.
    pub async fn anonymised_records(&self, limit: i64) -> Result<Vec<AnonymisedRecord>, StoreError> {
        let rows = self
            .pools
            .read
            .conn()
            .await?
            .fetch_all(
                "SELECT purpose_id, created_month, last_interaction_month, disposed_month, interactions, deals, deals_won, \
                 source_kind FROM anonymised_records ORDER BY disposed_month DESC LIMIT $1",
                &args![limit],
            )
            .await?;
        rows.iter()
            .map(|r| {
                Ok(AnonymisedRecord {
                    purpose_id: r.get(0)?,
                    created_month: r.get(1)?,
                    last_interaction_month: r.get(2)?,
                    disposed_month: r.get(3)?,
                    interactions: r.get(4)?,
                    deals: r.get(5)?,
                    deals_won: r.get(6)?,
                    source_kind: r.get(7)?,
                })
            })
            .collect()
    }
}
