//! The durable outbox of webhook deliveries, which is also their log.
//! A delivery is written in the transaction that derived its event; a
//! sender claims due rows with a lease (so each attempt happens on one
//! server, and a crashed sender's rows are retried when the lease runs
//! out), records the answer, and backs off; after the last attempt the row
//! is `failed` until an admin redelivers it.

use crate::audit::{self, NewEntry};
use crate::db::{Exec, Row, Tx};
use crate::{args, from_ms, now_ms, Ctx, Store, StoreError};
use kith_domain::webhooks::EventType;
use kith_domain::SubjectId;
use uuid::Uuid;

/// A delivery as the log shows it (no payload: it is sent, not shown).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Delivery {
    pub id: Uuid,
    pub endpoint_id: Uuid,
    /// The `webhook-id` header: the same on every attempt.
    pub event_id: Uuid,
    pub event_type: String,
    /// `pending`, `delivered` or `failed`.
    pub status: String,
    pub attempts: i64,
    pub next_at: time::OffsetDateTime,
    /// The HTTP status of the last answer, if one came.
    pub last_status: Option<i64>,
    /// Why the last attempt failed, in words without personal data.
    pub last_error: Option<String>,
    pub created_at: time::OffsetDateTime,
    pub delivered_at: Option<time::OffsetDateTime>,
}

/// A claimed delivery with what to send.
#[derive(Clone, Debug)]
pub struct Claimed {
    pub delivery: Delivery,
    pub payload: String,
    /// The lease this claim holds: recording the outcome needs it still
    /// to be the row's (a sender whose lease ran out records nothing).
    pub lease: i64,
}

const COLS: &str = "id, endpoint_id, event_id, event_type, status, attempts, next_at, last_status, last_error, \
                    created_at, delivered_at";

fn delivery(r: &Row) -> Result<Delivery, StoreError> {
    Ok(Delivery {
        id: r.get(0)?,
        endpoint_id: r.get(1)?,
        event_id: r.get(2)?,
        event_type: r.get(3)?,
        status: r.get(4)?,
        attempts: r.get(5)?,
        next_at: from_ms(r.get(6)?),
        last_status: r.get(7)?,
        last_error: r.get(8)?,
        created_at: from_ms(r.get(9)?),
        delivered_at: r.get::<Option<i64>>(10)?.map(from_ms),
    })
}

/// Queues one delivery inside `tx`; returns its id.
pub(crate) async fn enqueue(
    tx: &mut Tx,
    endpoint: Uuid,
    event_id: Uuid,
    event: EventType,
    subject: Option<SubjectId>,
    payload: &str,
) -> Result<Uuid, StoreError> {
    let id = Uuid::now_v7();
    let now = now_ms();
    tx.execute(
        "INSERT INTO webhook_deliveries (id, endpoint_id, event_id, event_type, subject_id, payload, status, attempts, \
         next_at, lease_until, created_at) VALUES ($1, $2, $3, $4, $5, $6, 'pending', 0, $7, 0, $7)",
        &args![id, endpoint, event_id, event.as_str(), subject.map(|s| s.0), payload, now],
    )
    .await?;
    Ok(id)
}

impl Store {
    /// Queues one delivery to `endpoint` in a transaction of its own (a
    /// test ping); audited.
    pub async fn queue_webhook(
        &self,
        ctx: &Ctx,
        endpoint: Uuid,
        event: EventType,
        payload: &str,
    ) -> Result<Uuid, StoreError> {
        let mut tx = self.pools.write.begin().await?;
        if tx.fetch_optional("SELECT id FROM webhook_endpoints WHERE id = $1", &args![endpoint]).await?.is_none() {
            return Err(StoreError::NotFound);
        }
        let id = enqueue(&mut tx, endpoint, Uuid::now_v7(), event, None, payload).await?;
        audit::append(&mut tx, ctx, &[NewEntry::object("webhook.test", "webhook", endpoint)]).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// Claims up to `limit` due deliveries of active endpoints for
    /// `lease_ms`: another sender skips them until the lease runs out.
    pub async fn claim_webhook_deliveries(&self, limit: i64, lease_ms: i64) -> Result<Vec<Claimed>, StoreError> {
        let now = now_ms();
        let mut tx = self.pools.write.begin().await?;
        let lock = match tx.engine() {
            crate::Engine::Postgres => " FOR UPDATE SKIP LOCKED",
            crate::Engine::Sqlite => "",
        };
        let sql = format!(
            "UPDATE webhook_deliveries SET lease_until = $1, attempts = attempts + 1 WHERE id IN \
             (SELECT id FROM webhook_deliveries WHERE status = 'pending' AND next_at <= $2 AND lease_until <= $2 \
              AND endpoint_id IN (SELECT id FROM webhook_endpoints WHERE active = $4) \
              ORDER BY next_at LIMIT $3{lock}) \
             RETURNING {COLS}, payload"
        );
        let lease = now + lease_ms;
        let rows = tx.fetch_all(&sql, &args![lease, now, limit, true]).await?;
        tx.commit().await?;
        rows.iter().map(|r| Ok(Claimed { delivery: delivery(r)?, payload: r.get(11)?, lease })).collect()
    }

    /// Records a delivery answered with a 2xx, if `lease` is still the
    /// claim's (else another sender has it: `false`, nothing recorded):
    /// done, and the processor notice it carried (if any) counts as sent,
    /// due for acknowledgement at `due_at` (told to the processor in it).
    pub async fn webhook_delivered(&self, id: Uuid, lease: i64, status: i64, due_at: i64) -> Result<bool, StoreError> {
        let now = now_ms();
        let mut tx = self.pools.write.begin().await?;
        let n = tx
            .execute(
                "UPDATE webhook_deliveries SET status = 'delivered', delivered_at = $1, last_status = $2, \
                 last_error = NULL, lease_until = 0 WHERE id = $3 AND lease_until = $4 AND status = 'pending'",
                &args![now, status, id, lease],
            )
            .await?;
        if n == 0 {
            return Ok(false);
        }
        tx.execute(
            "UPDATE processor_notices SET status = 'sent', sent_at = $1, due_at = $2, last_error = NULL \
             WHERE delivery_id = $3 AND sent_at IS NULL",
            &args![now, due_at, id],
        )
        .await?;
        tx.commit().await?;
        Ok(true)
    }

    /// Records a failed attempt, if `lease` is still the claim's: retry at
    /// `retry_at`, or give up (`None`, status `failed`). `error` must hold
    /// no personal data. A processor request given up on through the
    /// webhook falls back to mail when the processor has a privacy contact.
    pub async fn webhook_attempt_failed(
        &self,
        id: Uuid,
        lease: i64,
        status: Option<i64>,
        error: &str,
        retry_at: Option<i64>,
    ) -> Result<bool, StoreError> {
        let mut tx = self.pools.write.begin().await?;
        let n = match retry_at {
            Some(at) => {
                tx.execute(
                    "UPDATE webhook_deliveries SET next_at = $1, lease_until = 0, last_status = $2, last_error = $3 \
                     WHERE id = $4 AND lease_until = $5 AND status = 'pending'",
                    &args![at, status, error, id, lease],
                )
                .await?
            }
            None => {
                let n = tx
                    .execute(
                        "UPDATE webhook_deliveries SET status = 'failed', lease_until = 0, last_status = $1, \
                         last_error = $2 WHERE id = $3 AND lease_until = $4 AND status = 'pending'",
                        &args![status, error, id, lease],
                    )
                    .await?;
                if n > 0 {
                    super::notices::webhook_gave_up(&mut tx, id, error).await?;
                }
                n
            }
        };
        if n == 0 {
            return Ok(false);
        }
        tx.commit().await?;
        Ok(true)
    }

    /// Gives back a claimed delivery that was not attempted (its endpoint
    /// had its turn this run, or did not answer): due again at `next_at`,
    /// its attempt not counted.
    pub async fn webhook_release(&self, id: Uuid, lease: i64, next_at: i64) -> Result<bool, StoreError> {
        let mut c = self.pools.write.conn().await?;
        let n = c
            .execute(
                "UPDATE webhook_deliveries SET next_at = $1, lease_until = 0, attempts = attempts - 1 \
                 WHERE id = $2 AND lease_until = $3 AND status = 'pending'",
                &args![next_at, id, lease],
            )
            .await?;
        Ok(n > 0)
    }

    /// Upkeep: deletes delivered and failed deliveries created before
    /// `before` (ms), except those carrying a processor request (its
    /// notice refers to them); how many.
    pub async fn purge_webhook_deliveries(&self, before: i64) -> Result<u64, StoreError> {
        let mut c = self.pools.write.conn().await?;
        c.execute(
            "DELETE FROM webhook_deliveries WHERE status IN ('delivered', 'failed') AND created_at < $1 \
             AND NOT EXISTS (SELECT 1 FROM processor_notices n WHERE n.delivery_id = webhook_deliveries.id)",
            &args![before],
        )
        .await
    }

    /// An endpoint's deliveries, newest first.
    pub async fn webhook_deliveries(&self, endpoint: Uuid, limit: i64) -> Result<Vec<Delivery>, StoreError> {
        let sql = format!(
            "SELECT {COLS} FROM webhook_deliveries WHERE endpoint_id = $1 ORDER BY created_at DESC, id DESC LIMIT $2"
        );
        self.pools.read.conn().await?.fetch_all(&sql, &args![endpoint, limit]).await?.iter().map(delivery).collect()
    }

    /// Sends a delivery again from the start (the same `webhook-id`): an
    /// admin's manual redelivery of a failed or delivered one. Audited.
    pub async fn redeliver_webhook(&self, ctx: &Ctx, endpoint: Uuid, id: Uuid) -> Result<(), StoreError> {
        let mut tx = self.pools.write.begin().await?;
        let n = tx
            .execute(
                "UPDATE webhook_deliveries SET status = 'pending', attempts = 0, next_at = $1, lease_until = 0, \
                 delivered_at = NULL WHERE id = $2 AND endpoint_id = $3 AND status <> 'pending'",
                &args![now_ms(), id, endpoint],
            )
            .await?;
        if n == 0 {
            let found = tx
                .fetch_optional(
                    "SELECT id FROM webhook_deliveries WHERE id = $1 AND endpoint_id = $2",
                    &args![id, endpoint],
                )
                .await?;
            return Err(match found {
                Some(_) => StoreError::Conflict("the delivery is still pending: it is sent at its next attempt"),
                None => StoreError::NotFound,
            });
        }
        tx.execute(
            "UPDATE processor_notices SET status = 'pending', last_error = NULL WHERE delivery_id = $1 AND sent_at IS NULL",
            &args![id],
        )
        .await?;
        audit::append(&mut tx, ctx, &[NewEntry::object("webhook.redeliver", "webhook_delivery", id)]).await?;
        tx.commit().await
    }
}
