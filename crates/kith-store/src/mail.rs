//! The mail queue: messages to people, sealed under the recipient's key,
//! queued in the transaction of the change that caused them and claimed by
//! a sender with a lease, so each is sent once across servers and retried
//! after a crash. Without SMTP configured, messages rest here (status
//! `outbox`) for staff to read. Erasing the person erases their mail.

use crate::audit::{self, NewEntry};
use crate::db::{Exec, Row, Tx};
use crate::vault::{Place, SubjectKey};
use crate::{args, from_ms, now_ms, Ctx, Store, StoreError};
use kith_domain::SubjectId;
use std::collections::HashMap;
use uuid::Uuid;

/// A message. Its `Debug` shows no address or text.
#[derive(Clone, serde::Serialize, serde::Deserialize)]
pub struct Mail {
    pub to: String,
    pub subject: String,
    pub text: String,
    /// Extra headers (`List-Unsubscribe`…).
    pub headers: Vec<(String, String)>,
    /// File name, content type, body.
    #[serde(default)]
    pub attachments: Vec<(String, String, String)>,
    /// The purpose a consent request asks about: the sender checks again,
    /// just before sending, that the person may still be asked.
    #[serde(default)]
    pub asks_for: Option<kith_domain::PurposeId>,
}

impl std::fmt::Debug for Mail {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Mail(<personal>)")
    }
}

#[derive(Clone, Debug)]
pub struct NewMail {
    pub id: Uuid,
    pub subject: SubjectId,
    /// `confirm`, `receipt`, `consent_request`…
    pub kind: &'static str,
    pub mail: Mail,
}

/// A queued message's envelope (no personal data).
#[derive(Clone, Debug)]
pub struct MailRow {
    pub id: Uuid,
    pub subject: SubjectId,
    pub kind: String,
    /// `queued`, `sent`, `outbox`, `cancelled` or `failed`.
    pub status: String,
    pub attempts: i64,
    pub last_error: Option<String>,
    pub created_at: time::OffsetDateTime,
    pub sent_at: Option<time::OffsetDateTime>,
}

fn place(id: Uuid, subject: SubjectId) -> Place<'static> {
    Place { table: "mail_outbox", column: "sealed", row: id, subject }
}

const COLS: &str = "id, subject_id, kind, status, attempts, last_error, created_at, sent_at";

fn row(r: &Row) -> Result<MailRow, StoreError> {
    Ok(MailRow {
        id: r.get(0)?,
        subject: SubjectId(r.get(1)?),
        kind: r.get(2)?,
        status: r.get(3)?,
        attempts: r.get(4)?,
        last_error: r.get(5)?,
        created_at: from_ms(r.get(6)?),
        sent_at: r.get::<Option<i64>>(7)?.map(from_ms),
    })
}

/// Queues `mails` inside `tx`; `keys` holds each recipient's key.
pub(crate) async fn enqueue(
    tx: &mut Tx,
    keys: &HashMap<Uuid, SubjectKey>,
    mails: &[NewMail],
) -> Result<(), StoreError> {
    let now = now_ms();
    for m in mails {
        let key = keys.get(&m.subject.0).ok_or(StoreError::NotFound)?;
        let sealed = key.seal(&place(m.id, m.subject), &serde_json::to_vec(&m.mail).expect("mail serialises"));
        tx.execute(
            "INSERT INTO mail_outbox (id, subject_id, kind, sealed, status, attempts, next_at, lease_until, created_at) \
             VALUES ($1, $2, $3, $4, 'queued', 0, $5, 0, $5)",
            &args![m.id, m.subject.0, m.kind, sealed, now],
        )
        .await?;
    }
    Ok(())
}

/// A claimed message, opened for sending.
#[derive(Debug)]
pub struct Claimed {
    pub row: MailRow,
    pub mail: Mail,
}

impl Store {
    /// Queues one message to a person in a transaction of its own.
    pub async fn queue_mail(&self, ctx: &Ctx, m: NewMail) -> Result<(), StoreError> {
        let mut tx = self.pools.write.begin().await?;
        let keys = crate::keys::subject_keys(self, &mut tx, &std::collections::BTreeSet::from([m.subject.0])).await?;
        enqueue(&mut tx, &keys, std::slice::from_ref(&m)).await?;
        let entry = NewEntry {
            action: "mail.queue",
            subject: Some(m.subject),
            object_type: "mail",
            object_id: Some(m.id.to_string()),
        };
        audit::append(&mut tx, ctx, &[entry]).await?;
        tx.commit().await
    }

    /// Spends a single-use token; false if it was spent before.
    pub async fn spend_token(&self, id: &[u8], expires_ms: i64) -> Result<bool, StoreError> {
        let mut c = self.pools.write.conn().await?;
        let n = c
            .execute(
                "INSERT INTO used_tokens (id, used_at, expires_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
                &args![id.to_vec(), now_ms(), expires_ms],
            )
            .await?;
        Ok(n == 1)
    }

    /// Forgets spent tokens past their expiry (they no longer verify anyway).
    pub async fn purge_used_tokens(&self) -> Result<u64, StoreError> {
        let mut c = self.pools.write.conn().await?;
        c.execute("DELETE FROM used_tokens WHERE expires_at < $1", &args![now_ms()]).await
    }

    /// Whether a single-use token was already spent (or revoked).
    pub async fn token_used(&self, id: &[u8]) -> Result<bool, StoreError> {
        let mut c = self.pools.read.conn().await?;
        Ok(c.fetch_optional("SELECT 1 FROM used_tokens WHERE id = $1", &args![id.to_vec()]).await?.is_some())
    }

    /// Claims up to `limit` due messages for `lease_ms`: another sender
    /// skips them until the lease runs out (a crashed sender's mail is
    /// retried then).
    pub async fn claim_mail(&self, limit: i64, lease_ms: i64) -> Result<Vec<Claimed>, StoreError> {
        let now = now_ms();
        let mut tx = self.pools.write.begin().await?;
        // The one statement the engines spell differently: PostgreSQL skips
        // rows another sender holds; SQLite has a single writer anyway.
        let lock = match tx.engine() {
            crate::Engine::Postgres => " FOR UPDATE SKIP LOCKED",
            crate::Engine::Sqlite => "",
        };
        let sql = format!(
            "UPDATE mail_outbox SET lease_until = $1, attempts = attempts + 1 WHERE id IN \
             (SELECT id FROM mail_outbox WHERE status = 'queued' AND next_at <= $2 AND lease_until <= $2 ORDER BY next_at LIMIT $3{lock}) \
             RETURNING {COLS}, sealed"
        );
        let rows = tx.fetch_all(&sql, &args![now + lease_ms, now, limit]).await?;
        let mut out = Vec::with_capacity(rows.len());
        for r in &rows {
            let mr = row(r)?;
            let sealed: Vec<u8> = r.get(8)?;
            let Some(k) = tx
                .fetch_optional("SELECT wrapped FROM subject_keys WHERE subject_id = $1", &args![mr.subject.0])
                .await?
            else {
                continue;
            };
            // A message that cannot be opened (sealed under another key,
            // damaged) is failed with a logged error naming its id, instead
            // of blocking every other message at each turn.
            let opened = self
                .vault
                .unwrap_key(mr.subject, &k.get::<Vec<u8>>(0)?)
                .and_then(|key| key.open(&place(mr.id, mr.subject), &sealed))
                .and_then(|plain| serde_json::from_slice::<Mail>(&plain).map_err(|_| StoreError::Corrupt("mail")));
            match opened {
                Ok(mail) => out.push(Claimed { row: mr, mail }),
                Err(e) => {
                    tracing::error!(mail.id = %mr.id, error = %e, "a queued mail could not be opened; marked failed");
                    tx.execute(
                        "UPDATE mail_outbox SET status = 'failed', last_error = 'could not be opened' WHERE id = $1",
                        &args![mr.id],
                    )
                    .await?;
                }
            }
        }
        tx.commit().await?;
        Ok(out)
    }

    /// Marks a claimed message done: `sent` by SMTP, kept in the `outbox`,
    /// or `cancelled` (the person may no longer be asked).
    pub async fn mail_done(&self, ctx: &Ctx, id: Uuid, status: &'static str) -> Result<(), StoreError> {
        let mut tx = self.pools.write.begin().await?;
        let r = tx
            .fetch_optional(
                "UPDATE mail_outbox SET status = $1, sent_at = $2, last_error = NULL WHERE id = $3 RETURNING subject_id",
                &args![status, now_ms(), id],
            )
            .await?;
        if let Some(r) = r {
            let entry = NewEntry {
                action: match status {
                    "sent" => "mail.sent",
                    "cancelled" => "mail.cancelled",
                    _ => "mail.outbox",
                },
                subject: Some(SubjectId(r.get(0)?)),
                object_type: "mail",
                object_id: Some(id.to_string()),
            };
            audit::append(&mut tx, ctx, &[entry]).await?;
            // A campaign's delivery log follows its mail (no row: not a campaign mail).
            let (to, reason) = match status {
                "sent" => ("sent", None),
                "cancelled" => ("failed", Some("the mail was cancelled before sending")),
                _ => ("queued", None),
            };
            tx.execute(
                "UPDATE campaign_recipients SET status = $2, reason = $3, updated_at = $4 WHERE mail_id = $1",
                &args![id, to, reason.map(str::to_owned), now_ms()],
            )
            .await?;
        }
        tx.commit().await
    }

    /// Records a failed attempt: retry at `retry_at`, or give up (`None`).
    /// `error` must not contain personal data.
    pub async fn mail_failed(&self, id: Uuid, error: &str, retry_at: Option<i64>) -> Result<(), StoreError> {
        let mut tx = self.pools.write.begin().await?;
        match retry_at {
            Some(at) => {
                tx.execute(
                    "UPDATE mail_outbox SET next_at = $1, lease_until = 0, last_error = $2 WHERE id = $3",
                    &args![at, error, id],
                )
                .await?
            }
            None => {
                tx.execute(
                    "UPDATE mail_outbox SET status = 'failed', last_error = $1 WHERE id = $2",
                    &args![error, id],
                )
                .await?;
                // A campaign's delivery log follows its mail.
                tx.execute(
                    "UPDATE campaign_recipients SET status = 'failed', reason = $2, updated_at = $3 WHERE mail_id = $1",
                    &args![id, "the mail could not be delivered; Kith gave up after its retries", now_ms()],
                )
                .await?
            }
        };
        tx.commit().await
    }

    /// The newest messages first, envelopes only.
    pub async fn mail_list(&self, limit: i64) -> Result<Vec<MailRow>, StoreError> {
        let sql = format!("SELECT {COLS} FROM mail_outbox ORDER BY created_at DESC, id DESC LIMIT $1");
        self.pools.read.conn().await?.fetch_all(&sql, &args![limit]).await?.iter().map(row).collect()
    }

    /// One message, opened.
    pub async fn mail_open(&self, id: Uuid) -> Result<Option<(MailRow, Mail)>, StoreError> {
        let sql = format!(
            "SELECT {COLS}, m.sealed, k.wrapped FROM mail_outbox m JOIN subject_keys k ON k.subject_id = m.subject_id WHERE m.id = $1"
        )
        .replace("SELECT id, subject_id", "SELECT m.id, m.subject_id");
        let Some(r) = self.pools.read.conn().await?.fetch_optional(&sql, &args![id]).await? else { return Ok(None) };
        let mr = row(&r)?;
        let key = self.vault.unwrap_key(mr.subject, &r.get::<Vec<u8>>(9)?)?;
        let mail: Mail = serde_json::from_slice(&key.open(&place(mr.id, mr.subject), &r.get::<Vec<u8>>(8)?)?)
            .map_err(|_| StoreError::Corrupt("mail"))?;
        Ok(Some((mr, mail)))
    }
}
