//! Addresses a mail server refused permanently (an SMTP 5xx): kept as the
//! address's keyed hash beside the person, so campaigns skip them and the
//! contact page says so, without deleting the address itself.

use crate::audit::{self, NewEntry};
use crate::db::Exec;
use crate::{args, from_ms, now_ms, Ctx, Store, StoreError};
use kith_domain::SubjectId;
use uuid::Uuid;

/// One undeliverable address of a person (its key, not its value).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Undeliverable {
    pub address_key: Vec<u8>,
    pub at: time::OffsetDateTime,
    /// What the server said, as a class (`5xx`), never its text.
    pub code: String,
}

/// The delivery log's reason for a message the mail server refused for good.
pub const REFUSED: &str = "the mail server refused the address permanently (now marked undeliverable)";

impl Store {
    /// A queued message was refused permanently: it is failed (no retry),
    /// its address (`address_key`, see `Store::email_key`) is marked
    /// undeliverable for the person, and a campaign's delivery log says so;
    /// in one transaction.
    pub async fn mail_refused(
        &self,
        ctx: &Ctx,
        id: Uuid,
        address_key: Option<Vec<u8>>,
        code: &str,
    ) -> Result<(), StoreError> {
        let mut tx = self.pools.write.begin().await?;
        let now = now_ms();
        let r = tx
            .fetch_optional(
                "UPDATE mail_outbox SET status = 'failed', last_error = $2 WHERE id = $1 RETURNING subject_id",
                &args![id, "the SMTP server refused the message permanently"],
            )
            .await?;
        if let Some(r) = r {
            let subject = SubjectId(r.get(0)?);
            if let Some(key) = address_key {
                tx.execute(
                    "INSERT INTO undeliverable (subject_id, address_key, at, code) VALUES ($1, $2, $3, $4) \
                     ON CONFLICT DO NOTHING",
                    &args![subject.0, key, now, code],
                )
                .await?;
            }
            tx.execute(
                "UPDATE campaign_recipients SET status = 'failed', reason = $2, updated_at = $3 WHERE mail_id = $1",
                &args![id, REFUSED, now],
            )
            .await?;
            let e = NewEntry {
                action: "mail.undeliverable",
                subject: Some(subject),
                object_type: "mail",
                object_id: Some(id.to_string()),
            };
            audit::append(&mut tx, ctx, &[e]).await?;
        }
        tx.commit().await
    }

    /// A person's addresses marked undeliverable, newest first.
    pub async fn undeliverable_of(&self, subject: SubjectId) -> Result<Vec<Undeliverable>, StoreError> {
        let rows = self
            .pools
            .read
            .conn()
            .await?
            .fetch_all(
                "SELECT address_key, at, code FROM undeliverable WHERE subject_id = $1 ORDER BY at DESC",
                &args![subject.0],
            )
            .await?;
        rows.iter()
            .map(|r| Ok(Undeliverable { address_key: r.get(0)?, at: from_ms(r.get(1)?), code: r.get(2)? }))
            .collect()
    }
}
