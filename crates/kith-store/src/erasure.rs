//! What an erasure leaves behind on purpose, with no personal data in it:
//! the suppression list (keyed hashes of the addresses of erased people who
//! had unsubscribed) and the events that tell processors (Art. 19).

use crate::db::{list_placeholders, Exec, Tx, Value, MAX_PARAMS};
use crate::{args, from_ms, now_ms, Store, StoreError};
use kith_domain::{Email, SubjectId};
use uuid::Uuid;

/// The keyed-hash label of suppressed addresses.
const SUPPRESSION: &str = "suppression-email";

/// An event for processors.
#[derive(Clone, Debug, serde::Serialize)]
pub struct ProcessorEvent {
    pub id: Uuid,
    /// e.g. `subject.erased`.
    pub kind: String,
    pub subject_id: Uuid,
    #[serde(with = "time::serde::rfc3339")]
    pub at: time::OffsetDateTime,
    #[serde(with = "time::serde::rfc3339::option")]
    pub delivered_at: Option<time::OffsetDateTime>,
}

pub(crate) async fn queue_processor_event(tx: &mut Tx, kind: &str, subject: SubjectId) -> Result<(), StoreError> {
    tx.execute(
        "INSERT INTO processor_events (id, kind, subject_id, at) VALUES ($1, $2, $3, $4)",
        &args![Uuid::now_v7(), kind, subject.0, now_ms()],
    )
    .await?;
    Ok(())
}

impl Store {
    /// Inside an erasure, before the key goes: if the person had
    /// unsubscribed from (or refused, or withdrawn) email on any purpose,
    /// keep keyed hashes of their addresses.
    pub(crate) async fn suppress_if_unsubscribed(&self, tx: &mut Tx, id: SubjectId) -> Result<(), StoreError> {
        let opted_out = tx
            .fetch_optional(
                "SELECT 1 FROM consent_state WHERE subject_id = $1 AND channel = 'email' AND state IN ('withdrawn', 'refused') LIMIT 1",
                &args![id.0],
            )
            .await?
            .is_some();
        if !opted_out {
            return Ok(());
        }
        let Some(c) = self.contact_in(tx, id).await? else { return Ok(()) };
        for e in &c.data.emails {
            tx.execute(
                "INSERT INTO suppressions (hash, created_at) VALUES ($1, $2) ON CONFLICT DO NOTHING",
                &args![self.vault.keyed_hash(SUPPRESSION, &e.lookup_key()), now_ms()],
            )
            .await?;
        }
        Ok(())
    }

    /// Which of `emails` belong to erased people who had unsubscribed (by index).
    pub async fn suppressed(&self, emails: &[&Email]) -> Result<Vec<usize>, StoreError> {
        let hashes: Vec<Vec<u8>> = emails.iter().map(|e| self.vault.keyed_hash(SUPPRESSION, &e.lookup_key())).collect();
        let mut c = self.pools.read.conn().await?;
        let mut found = std::collections::HashSet::new();
        for chunk in hashes.chunks(MAX_PARAMS) {
            let sql =
                format!("SELECT hash FROM suppressions WHERE hash IN ({})", list_placeholders(c.engine(), chunk.len()));
            let vals: Vec<Value> = chunk.iter().map(|h| Value::from(h.clone())).collect();
            for r in c.fetch_all(&sql, &vals).await? {
                found.insert(r.get::<Vec<u8>>(0)?);
            }
        }
        Ok(hashes.iter().enumerate().filter(|(_, h)| found.contains(*h)).map(|(i, _)| i).collect())
    }

    /// Processor events, oldest first, after `after` (an event id).
    pub async fn processor_events(&self, after: Option<Uuid>, limit: i64) -> Result<Vec<ProcessorEvent>, StoreError> {
        let rows = self
            .pools
            .read
            .conn()
            .await?
            .fetch_all(
                "SELECT id, kind, subject_id, at, delivered_at FROM processor_events WHERE id > $1 ORDER BY id LIMIT $2",
                &args![after.unwrap_or(Uuid::nil()), limit],
            )
            .await?;
        rows.iter()
            .map(|r| {
                Ok(ProcessorEvent {
                    id: r.get(0)?,
                    kind: r.get(1)?,
                    subject_id: r.get(2)?,
                    at: from_ms(r.get(3)?),
                    delivered_at: r.get::<Option<i64>>(4)?.map(from_ms),
                })
            })
            .collect()
    }
}
