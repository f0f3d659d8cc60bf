//! What an erasure leaves behind on purpose, with no personal data in it:
//! the suppression list (keyed hashes of the addresses of erased people who
//! had unsubscribed) and the events that tell processors (Art. 19). Both
//! are written inside the erasure's transaction (see [`super`]).

use crate::db::{list_placeholders, Exec, Tx, Value, MAX_PARAMS};
use crate::{args, from_ms, now_ms, Store, StoreError};
use kith_domain::{Email, SubjectId};
use uuid::Uuid;

/// The keyed-hash label of suppressed addresses.
const SUPPRESSION: &str = "suppression-email";

/// An event for processors.
#[derive(Clone, Debug, serde::Serialize)]
pub struct ProcessorEvent {
    /// Events are read in this order (the erasure's audit sequence number).
    pub seq: i64,
    pub id: Uuid,
    /// e.g. `subject.erased`.
    pub kind: String,
    pub subject_id: Uuid,
    #[serde(with = "time::serde::rfc3339")]
    pub at: time::OffsetDateTime,
}

/// Queues an event under `seq`, the sequence number of the audit entry the
/// same transaction appended.
pub(crate) async fn queue_processor_event(
    tx: &mut Tx,
    seq: i64,
    kind: &str,
    subject: SubjectId,
) -> Result<(), StoreError> {
    tx.execute(
        "INSERT INTO processor_events (seq, id, kind, subject_id, at) VALUES ($1, $2, $3, $4, $5)",
        &args![seq, Uuid::now_v7(), kind, subject.0, now_ms()],
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
        // The erasure must not depend on opening the person's data: if it
        // cannot be opened, the erasure goes ahead without the suppression.
        let c = match self.contact_in(tx, id).await {
            Ok(Some(c)) => c,
            Ok(None) => return Ok(()),
            Err(StoreError::Crypto | StoreError::Corrupt(_)) => {
                tracing::warn!(
                    "a contact's data could not be opened during its erasure; no suppression entry was kept"
                );
                return Ok(());
            }
            Err(e) => return Err(e),
        };
        for e in &c.data.emails {
            tx.execute(
                "INSERT INTO suppressions (hash, created_at) VALUES ($1, $2) ON CONFLICT DO NOTHING",
                &args![self.vault.keyed_hash(SUPPRESSION, &e.block_key()), now_ms()],
            )
            .await?;
        }
        Ok(())
    }

    /// Which of `emails` belong to erased people who had unsubscribed (by index).
    pub async fn suppressed(&self, emails: &[&Email]) -> Result<Vec<usize>, StoreError> {
        let hashes: Vec<Vec<u8>> = emails.iter().map(|e| self.vault.keyed_hash(SUPPRESSION, &e.block_key())).collect();
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

    /// Processor events in order, after sequence number `after`.
    pub async fn processor_events(&self, after: i64, limit: i64) -> Result<Vec<ProcessorEvent>, StoreError> {
        let rows = self
            .pools
            .read
            .conn()
            .await?
            .fetch_all(
                "SELECT seq, id, kind, subject_id, at FROM processor_events WHERE seq > $1 ORDER BY seq LIMIT $2",
                &args![after, limit],
            )
            .await?;
        rows.iter()
            .map(|r| {
                Ok(ProcessorEvent {
                    seq: r.get(0)?,
                    id: r.get(1)?,
                    kind: r.get(2)?,
                    subject_id: r.get(3)?,
                    at: from_ms(r.get(4)?),
                })
            })
            .collect()
    }
}
