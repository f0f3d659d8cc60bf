//! Webhooks: the endpoints an admin registered (their signing secrets
//! sealed under the master key), the durable outbox of deliveries claimed
//! with a lease ([`deliveries`]), the dispatcher that derives events from
//! the audit log ([`dispatch`]), and the requests to processors (Art. 19)
//! with their acknowledgements ([`notices`]).

pub mod deliveries;
pub mod dispatch;
pub mod notices;

use crate::audit::{self, NewEntry};
use crate::db::{Exec, Row};
use crate::{args, from_ms, now_ms, Ctx, Store, StoreError};
use kith_domain::webhooks::EventType;
use kith_domain::RecipientId;
use uuid::Uuid;

/// The purpose the endpoint secrets are sealed for.
const SECRET_PURPOSE: &str = "webhook-secret";

/// An endpoint as stored (the secret stays sealed).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Endpoint {
    pub id: Uuid,
    pub url: String,
    pub description: String,
    pub events: Vec<EventType>,
    /// The recipient of the register this endpoint belongs to.
    pub recipient: Option<RecipientId>,
    pub active: bool,
    pub created_at: time::OffsetDateTime,
    pub updated_at: time::OffsetDateTime,
}

/// What an admin sets on an endpoint.
#[derive(Clone, Debug)]
pub struct EndpointInput {
    pub url: String,
    pub description: String,
    pub events: Vec<EventType>,
    pub recipient: Option<RecipientId>,
    pub active: bool,
}

const COLS: &str = "id, url, description, events, recipient_id, active, created_at, updated_at";

fn endpoint(r: &Row) -> Result<Endpoint, StoreError> {
    let events: Vec<String> =
        serde_json::from_str(&r.get::<String>(3)?).map_err(|_| StoreError::Corrupt("webhook events"))?;
    Ok(Endpoint {
        id: r.get(0)?,
        url: r.get(1)?,
        description: r.get(2)?,
        events: events.iter().filter_map(|e| EventType::parse(e)).collect(),
        recipient: r.get::<Option<Uuid>>(4)?.map(RecipientId),
        active: r.get(5)?,
        created_at: from_ms(r.get(6)?),
        updated_at: from_ms(r.get(7)?),
    })
}

fn events_text(events: &[EventType]) -> String {
    serde_json::to_string(&events.iter().map(|e| e.as_str()).collect::<Vec<_>>()).expect("strings serialise")
}

impl Store {
    /// Records an endpoint with its secret sealed.
    pub async fn insert_webhook(
        &self,
        ctx: &Ctx,
        id: Uuid,
        e: &EndpointInput,
        secret: &[u8],
    ) -> Result<(), StoreError> {
        let sealed = self.vault.seal_secret(SECRET_PURPOSE, id, secret);
        let mut tx = self.pools.write.begin().await?;
        if let Some(r) = e.recipient {
            check_recipient(&mut tx, r).await?;
        }
        let now = now_ms();
        tx.execute(
            &format!(
                "INSERT INTO webhook_endpoints ({COLS}, secret_sealed) VALUES ($1, $2, $3, $4, $5, $6, $7, $7, $8)"
            ),
            &args![
                id,
                e.url.as_str(),
                e.description.as_str(),
                events_text(&e.events),
                e.recipient.map(|r| r.0),
                e.active,
                now,
                sealed
            ],
        )
        .await?;
        audit::append(&mut tx, ctx, &[NewEntry::object("webhook.create", "webhook", id)]).await?;
        tx.commit().await
    }

    /// Replaces an endpoint's settings (the secret stays).
    pub async fn update_webhook(&self, ctx: &Ctx, id: Uuid, e: &EndpointInput) -> Result<(), StoreError> {
        let mut tx = self.pools.write.begin().await?;
        if let Some(r) = e.recipient {
            check_recipient(&mut tx, r).await?;
        }
        let n = tx
            .execute(
                "UPDATE webhook_endpoints SET url = $2, description = $3, events = $4, recipient_id = $5, active = $6, \
                 updated_at = $7 WHERE id = $1",
                &args![
                    id,
                    e.url.as_str(),
                    e.description.as_str(),
                    events_text(&e.events),
                    e.recipient.map(|r| r.0),
                    e.active,
                    now_ms()
                ],
            )
            .await?;
        if n == 0 {
            return Err(StoreError::NotFound);
        }
        audit::append(&mut tx, ctx, &[NewEntry::object("webhook.update", "webhook", id)]).await?;
        tx.commit().await
    }

    /// Removes an endpoint and its delivery log (the audit trail keeps
    /// that it existed). Processor notices sent through it keep their
    /// acknowledgement state.
    pub async fn delete_webhook(&self, ctx: &Ctx, id: Uuid) -> Result<(), StoreError> {
        let mut tx = self.pools.write.begin().await?;
        let found = tx.fetch_optional("SELECT id FROM webhook_endpoints WHERE id = $1", &args![id]).await?;
        if found.is_none() {
            return Err(StoreError::NotFound);
        }
        tx.execute(
            "UPDATE processor_notices SET delivery_id = NULL WHERE delivery_id IN \
             (SELECT id FROM webhook_deliveries WHERE endpoint_id = $1)",
            &args![id],
        )
        .await?;
        tx.execute("DELETE FROM webhook_deliveries WHERE endpoint_id = $1", &args![id]).await?;
        tx.execute("DELETE FROM webhook_endpoints WHERE id = $1", &args![id]).await?;
        audit::append(&mut tx, ctx, &[NewEntry::object("webhook.delete", "webhook", id)]).await?;
        tx.commit().await
    }

    /// Every endpoint, oldest first.
    pub async fn webhooks(&self) -> Result<Vec<Endpoint>, StoreError> {
        let sql = format!("SELECT {COLS} FROM webhook_endpoints ORDER BY created_at, id");
        self.pools.read.conn().await?.fetch_all(&sql, &[]).await?.iter().map(endpoint).collect()
    }

    pub async fn get_webhook(&self, id: Uuid) -> Result<Option<Endpoint>, StoreError> {
        let sql = format!("SELECT {COLS} FROM webhook_endpoints WHERE id = $1");
        self.pools.read.conn().await?.fetch_optional(&sql, &args![id]).await?.as_ref().map(endpoint).transpose()
    }

    /// An endpoint's signing secret, opened (for signing a delivery).
    pub async fn webhook_secret(&self, id: Uuid) -> Result<Vec<u8>, StoreError> {
        let r = self
            .pools
            .read
            .conn()
            .await?
            .fetch_optional("SELECT secret_sealed FROM webhook_endpoints WHERE id = $1", &args![id])
            .await?
            .ok_or(StoreError::NotFound)?;
        self.vault.open_secret(SECRET_PURPOSE, id, &r.get::<Vec<u8>>(0)?)
    }
}

async fn check_recipient(tx: &mut crate::db::Tx, r: RecipientId) -> Result<(), StoreError> {
    match tx.fetch_optional("SELECT id FROM recipients WHERE id = $1", &args![r.0]).await? {
        Some(_) => Ok(()),
        None => Err(StoreError::MissingRef("recipient_id")),
    }
}
