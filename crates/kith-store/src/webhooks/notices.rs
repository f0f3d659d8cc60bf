//! Requests to processors (Art. 19): for each processor of the register
//! that receives personal data, an erasure, rectification, restriction or
//! lifted restriction is sent through the processor's webhook endpoint if
//! it has one, else by mail to its privacy contact; the processor's
//! acknowledgement is recorded once, audited, against the request.

use super::deliveries::enqueue;
use super::dispatch::envelope;
use crate::audit::{self, NewEntry};
use crate::db::{Exec, Row, Tx};
use crate::{args, from_ms, now_ms, Ctx, Store, StoreError};
use kith_domain::recipients::Recipient;
use kith_domain::webhooks::{EventType, ProcessorAction};
use kith_domain::SubjectId;
use serde_json::json;
use uuid::Uuid;

/// A processor of the register that receives personal data: role
/// processor or sub-processor, with a data category or a purpose.
#[derive(Clone, Debug)]
pub struct Processor {
    pub id: Uuid,
    pub name: String,
    /// The privacy contact address (may be empty).
    pub contact: String,
}

/// A request to a processor and where it stands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    pub id: Uuid,
    pub request_id: Option<Uuid>,
    pub recipient_id: Uuid,
    /// The recipient's legal name (empty once it left the register).
    pub recipient: String,
    pub action: ProcessorAction,
    pub subject: SubjectId,
    /// `webhook` or `mail`.
    pub channel: String,
    /// `pending`, `sent` or `failed`.
    pub status: String,
    pub attempts: i64,
    pub last_error: Option<String>,
    pub created_at: time::OffsetDateTime,
    pub sent_at: Option<time::OffsetDateTime>,
    pub due_at: time::OffsetDateTime,
    pub acknowledged_at: Option<time::OffsetDateTime>,
    /// How it was acknowledged: `link` (the button on the page the link
    /// opens, whether the link came by mail or in the webhook request).
    pub acknowledged_via: Option<String>,
}

impl Notice {
    /// Not acknowledged by its due date.
    pub fn overdue(&self, now: time::OffsetDateTime) -> bool {
        self.acknowledged_at.is_none() && self.due_at < now
    }
}

const COLS: &str = "n.id, n.request_id, n.recipient_id, r.legal_name, n.action, n.subject_id, n.channel, n.status, \
                    n.attempts, n.last_error, n.created_at, n.sent_at, n.due_at, n.acknowledged_at, n.acknowledged_via";
const FROM: &str = "processor_notices n LEFT JOIN recipients r ON r.id = n.recipient_id";

fn notice(r: &Row) -> Result<Notice, StoreError> {
    let action: String = r.get(4)?;
    Ok(Notice {
        id: r.get(0)?,
        request_id: r.get(1)?,
        recipient_id: r.get(2)?,
        recipient: r.get::<Option<String>>(3)?.unwrap_or_default(),
        action: ProcessorAction::parse(&action).ok_or(StoreError::Corrupt("processor notice action"))?,
        subject: SubjectId(r.get(5)?),
        channel: r.get(6)?,
        status: r.get(7)?,
        attempts: r.get(8)?,
        last_error: r.get(9)?,
        created_at: from_ms(r.get(10)?),
        sent_at: r.get::<Option<i64>>(11)?.map(from_ms),
        due_at: from_ms(r.get(12)?),
        acknowledged_at: r.get::<Option<i64>>(13)?.map(from_ms),
        acknowledged_via: r.get(14)?,
    })
}

/// The processors that receive personal data, by name.
pub(crate) async fn processors(tx: &mut Tx) -> Result<Vec<Processor>, StoreError> {
    let rows = tx
        .fetch_all(
            "SELECT r.id, r.legal_name, r.body, (SELECT COUNT(*) FROM purpose_recipients p WHERE p.recipient_id = r.id) \
             FROM recipients r WHERE r.role IN ('processor', 'sub_processor') ORDER BY r.legal_name, r.id",
            &[],
        )
        .await?;
    let mut out = Vec::new();
    for r in &rows {
        let body: Recipient =
            serde_json::from_str(&r.get::<String>(2)?).map_err(|_| StoreError::Corrupt("recipient body"))?;
        if body.categories.is_empty() && r.get::<i64>(3)? == 0 {
            continue;
        }
        out.push(Processor { id: r.get(0)?, name: r.get(1)?, contact: body.privacy_contact });
    }
    Ok(out)
}

/// Creates one notice inside `tx`: through `endpoint` (a signed
/// `processor.request` delivery) if the processor has one, else by mail.
#[allow(clippy::too_many_arguments)]
pub(crate) async fn create(
    tx: &mut Tx,
    p: &Processor,
    endpoint: Option<Uuid>,
    request: Option<Uuid>,
    action: ProcessorAction,
    subject: SubjectId,
    at_ms: i64,
    ack_ms: i64,
) -> Result<Uuid, StoreError> {
    let id = Uuid::now_v7();
    let now = now_ms();
    // Until it is sent: due `ack_ms` after its creation (so a request that
    // cannot be sent shows as overdue too); once sent, `ack_ms` after that.
    let due = now + ack_ms;
    let (channel, delivery, status, error) = match endpoint {
        Some(e) => {
            let data = json!({
                "notice_id": id.to_string(),
                "action": action.as_str(),
                "subject_id": subject.to_string(),
                "request_id": request.map(|r| r.to_string()),
            });
            let payload = envelope(EventType::ProcessorRequest, from_ms(at_ms), data);
            let d = enqueue(tx, e, Uuid::now_v7(), EventType::ProcessorRequest, Some(subject), &payload).await?;
            ("webhook", Some(d), "pending", None)
        }
        None if p.contact.trim().is_empty() => {
            ("mail", None, "failed", Some("the recipient has no privacy contact address in the register"))
        }
        None => ("mail", None, "pending", None),
    };
    tx.execute(
        "INSERT INTO processor_notices (id, request_id, recipient_id, action, subject_id, channel, delivery_id, status, \
         attempts, next_at, lease_until, last_error, created_at, due_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 0, $9, 0, $10, $9, $11)",
        &args![id, request, p.id, action.as_str(), subject.0, channel, delivery, status, now, error.map(str::to_owned), due],
    )
    .await?;
    Ok(id)
}

/// The webhook carrying a processor request gave up (inside `tx`): the
/// request goes by mail instead when the processor has a privacy contact
/// (pending, from its first attempt), else it failed.
pub(crate) async fn webhook_gave_up(tx: &mut Tx, delivery: Uuid, error: &str) -> Result<(), StoreError> {
    let rows = tx
        .fetch_all(
            "SELECT n.id, r.body FROM processor_notices n LEFT JOIN recipients r ON r.id = n.recipient_id \
             WHERE n.delivery_id = $1 AND n.sent_at IS NULL",
            &args![delivery],
        )
        .await?;
    for r in &rows {
        let id: Uuid = r.get(0)?;
        let contact = r
            .get::<Option<String>>(1)?
            .and_then(|b| serde_json::from_str::<Recipient>(&b).ok())
            .map(|b| b.privacy_contact)
            .unwrap_or_default();
        if contact.trim().is_empty() {
            tx.execute(
                "UPDATE processor_notices SET status = 'failed', last_error = $1 WHERE id = $2",
                &args![error, id],
            )
            .await?;
        } else {
            tx.execute(
                "UPDATE processor_notices SET channel = 'mail', delivery_id = NULL, status = 'pending', attempts = 0, \
                 next_at = $1, lease_until = 0, last_error = $2 WHERE id = $3",
                &args![now_ms(), "the webhook gave up; sent by mail instead", id],
            )
            .await?;
        }
    }
    Ok(())
}

/// A mail notice claimed for sending, with where it goes.
#[derive(Clone, Debug)]
pub struct MailNotice {
    pub notice: Notice,
    /// The lease this claim holds (see [`Store::processor_notice_sent`]).
    pub lease: i64,
    /// The recipient's privacy contact (a role address, not a data subject's).
    pub to: String,
}

impl Store {
    /// Claims up to `limit` mail notices due for sending, for `lease_ms`.
    /// A claim is not an attempt: `attempts` counts mails handed to a mail
    /// server ([`Store::processor_notice_failed`] with `attempted`).
    pub async fn claim_processor_mail(&self, limit: i64, lease_ms: i64) -> Result<Vec<MailNotice>, StoreError> {
        let now = now_ms();
        let mut tx = self.pools.write.begin().await?;
        let lock = match tx.engine() {
            crate::Engine::Postgres => " FOR UPDATE SKIP LOCKED",
            crate::Engine::Sqlite => "",
        };
        let sql = format!(
            "UPDATE processor_notices SET lease_until = $1 WHERE id IN \
             (SELECT id FROM processor_notices WHERE channel = 'mail' AND status = 'pending' AND next_at <= $2 \
              AND lease_until <= $2 ORDER BY next_at LIMIT $3{lock}) RETURNING id"
        );
        let lease = now + lease_ms;
        let ids: Vec<Uuid> =
            tx.fetch_all(&sql, &args![lease, now, limit]).await?.iter().map(|r| r.get(0)).collect::<Result<_, _>>()?;
        let mut out = Vec::new();
        for id in ids {
            let sql = format!("SELECT {COLS}, r.body FROM {FROM} WHERE n.id = $1");
            let Some(r) = tx.fetch_optional(&sql, &args![id]).await? else { continue };
            let body: Option<String> = r.get(15)?;
            let to = body
                .and_then(|b| serde_json::from_str::<Recipient>(&b).ok())
                .map(|b| b.privacy_contact)
                .unwrap_or_default();
            out.push(MailNotice { notice: notice(&r)?, lease, to });
        }
        tx.commit().await?;
        Ok(out)
    }

    /// Records a mail notice sent, if `lease` is still the claim's (else
    /// `false`): due for acknowledgement at `due_at` (told in the mail).
    pub async fn processor_notice_sent(&self, id: Uuid, lease: i64, due_at: i64) -> Result<bool, StoreError> {
        let mut c = self.pools.write.conn().await?;
        let n = c
            .execute(
                "UPDATE processor_notices SET status = 'sent', sent_at = $1, due_at = $2, lease_until = 0, \
                 attempts = attempts + 1, last_error = NULL WHERE id = $3 AND lease_until = $4 AND status = 'pending'",
                &args![now_ms(), due_at, id, lease],
            )
            .await?;
        Ok(n > 0)
    }

    /// Records a mail notice not sent, if `lease` is still the claim's:
    /// retry at `retry_at` or give up. `attempted`: a mail server was
    /// tried (counted); otherwise the notice only waited (no mail server
    /// yet) and keeps its attempts.
    pub async fn processor_notice_failed(
        &self,
        id: Uuid,
        lease: i64,
        error: &str,
        retry_at: Option<i64>,
        attempted: bool,
    ) -> Result<bool, StoreError> {
        let mut c = self.pools.write.conn().await?;
        let add = i64::from(attempted);
        let n = match retry_at {
            Some(at) => {
                c.execute(
                    "UPDATE processor_notices SET next_at = $1, lease_until = 0, last_error = $2, attempts = attempts + $3 \
                     WHERE id = $4 AND lease_until = $5 AND status = 'pending'",
                    &args![at, error, add, id, lease],
                )
                .await?
            }
            None => {
                c.execute(
                    "UPDATE processor_notices SET status = 'failed', lease_until = 0, last_error = $1, \
                     attempts = attempts + $2 WHERE id = $3 AND lease_until = $4 AND status = 'pending'",
                    &args![error, add, id, lease],
                )
                .await?
            }
        };
        Ok(n > 0)
    }

    pub async fn processor_notice(&self, id: Uuid) -> Result<Option<Notice>, StoreError> {
        let sql = format!("SELECT {COLS} FROM {FROM} WHERE n.id = $1");
        self.pools.read.conn().await?.fetch_optional(&sql, &args![id]).await?.as_ref().map(notice).transpose()
    }

    /// Records the processor's acknowledgement, once: `true` if this call
    /// recorded it, `false` if it was recorded before. Audited.
    pub async fn acknowledge_processor_notice(&self, ctx: &Ctx, id: Uuid, via: &str) -> Result<bool, StoreError> {
        let mut tx = self.pools.write.begin().await?;
        let r = tx
            .fetch_optional(
                "UPDATE processor_notices SET acknowledged_at = $1, acknowledged_via = $2 \
                 WHERE id = $3 AND acknowledged_at IS NULL RETURNING subject_id",
                &args![now_ms(), via, id],
            )
            .await?;
        let Some(r) = r else {
            return match tx.fetch_optional("SELECT id FROM processor_notices WHERE id = $1", &args![id]).await? {
                Some(_) => Ok(false),
                None => Err(StoreError::NotFound),
            };
        };
        let entry = NewEntry {
            action: "processor.acknowledge",
            subject: Some(SubjectId(r.get(0)?)),
            object_type: "processor_notice",
            object_id: Some(id.to_string()),
        };
        audit::append(&mut tx, ctx, &[entry]).await?;
        tx.commit().await?;
        Ok(true)
    }

    /// The notices sent for a request, by recipient.
    pub async fn processor_notices_of(&self, request: Uuid) -> Result<Vec<Notice>, StoreError> {
        let sql = format!("SELECT {COLS} FROM {FROM} WHERE n.request_id = $1 ORDER BY r.legal_name, n.created_at");
        self.pools.read.conn().await?.fetch_all(&sql, &args![request]).await?.iter().map(notice).collect()
    }

    /// Notices not acknowledged by their due date, oldest due first.
    pub async fn overdue_processor_notices(&self, limit: i64) -> Result<Vec<Notice>, StoreError> {
        let sql = format!(
            "SELECT {COLS} FROM {FROM} WHERE n.acknowledged_at IS NULL AND n.due_at < $1 ORDER BY n.due_at LIMIT $2"
        );
        self.pools.read.conn().await?.fetch_all(&sql, &args![now_ms(), limit]).await?.iter().map(notice).collect()
    }
}
