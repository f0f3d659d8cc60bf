//! The sending side of a campaign: the audience written into the delivery
//! log page by page (resumable), and each recipient taken in ONE
//! transaction: the campaign and the contact locked, the person's consent
//! facts compared with those the caller decided on, then the mail queued in
//! the outbox, the recipient marked `queued` with the mail id and the
//! contact's timeline told — or the recipient `skipped` with a reason. A
//! crash leaves a recipient either pending (taken again) or queued with its
//! mail (never queued twice).

use super::{lock, Newsletter};
use crate::audit::{self, NewEntry};
use crate::contacts::{lock_contacts, Lock};
use crate::db::{values_placeholders, Exec, Value, MAX_PARAMS};
use crate::mail::NewMail;
use crate::vault::Place;
use crate::{args, from_ms, now_ms, Ctx, Store, StoreError};
use kith_domain::newsletter::{CampaignStatus, RecipientStatus};
use kith_domain::{InteractionKind, PurposeId, SubjectId};
use std::collections::BTreeSet;
use uuid::Uuid;

/// One line of the delivery log (no personal values).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecipientRow {
    pub subject: SubjectId,
    pub status: RecipientStatus,
    pub reason: Option<String>,
    pub mail_id: Option<Uuid>,
    pub updated_at: time::OffsetDateTime,
}

/// What to do with one recipient, decided by the caller.
#[derive(Debug)]
pub enum Take {
    /// Queue this mail; `address_key` is the keyed hash of its address
    /// (checked against `undeliverable` under the lock); `note` is the text
    /// of the interaction on the contact's timeline.
    Queue { mail: Box<NewMail>, address_key: Vec<u8>, note: String },
    /// Record the recipient skipped, with the reason in words.
    Skip(String),
}

/// What happened to one recipient.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Taken {
    Queued,
    Skipped(String),
    /// The person's consent facts changed since the caller read them:
    /// decide again.
    Changed,
    /// The campaign is no longer sending (paused, cancelled): stop.
    Stopped,
    /// The recipient is no longer pending (taken already, or erased).
    Gone,
}

/// A fingerprint of everything `may_contact` decides on for a person and a
/// purpose: the newest consent event, a restriction, objections, the basis.
/// Writers of these lock the contact, so under the contact's lock an equal
/// fingerprint means the decision still holds.
async fn stamp(c: &mut impl Exec, subject: Uuid, purpose: Uuid) -> Result<String, StoreError> {
    let seq: i64 =
        match c.fetch_optional("SELECT MAX(seq) FROM consent_events WHERE subject_id = $1", &args![subject]).await? {
            Some(r) => r.get::<Option<i64>>(0)?.unwrap_or(0),
            None => 0,
        };
    let restricted = c.fetch_optional("SELECT since FROM restrictions WHERE subject_id = $1", &args![subject]).await?;
    let restricted = match restricted {
        Some(r) => r.get::<i64>(0)?,
        None => 0,
    };
    let mut out = format!("e{seq};r{restricted}");
    let objections = c
        .fetch_all(
            "SELECT purpose_id, decision, at, decided_at FROM objections WHERE subject_id = $1 ORDER BY purpose_id",
            &args![subject],
        )
        .await?;
    for o in &objections {
        let (p, d, at, dec): (Uuid, String, i64, Option<i64>) = (o.get(0)?, o.get(1)?, o.get(2)?, o.get(3)?);
        out.push_str(&format!(";o{p}:{d}:{at}:{}", dec.unwrap_or(0)));
    }
    let basis = c
        .fetch_optional(
            "SELECT basis, set_at, effective_at FROM contact_bases WHERE subject_id = $1 AND purpose_id = $2",
            &args![subject, purpose],
        )
        .await?;
    if let Some(b) = basis {
        out.push_str(&format!(";b{}:{}:{}", b.get::<String>(0)?, b.get::<i64>(1)?, b.get::<i64>(2)?));
    }
    Ok(out)
}

impl Store {
    /// Campaigns the sender has work on at `now`: scheduled and due, or sending.
    pub async fn due_newsletters(&self, now: time::OffsetDateTime) -> Result<Vec<Uuid>, StoreError> {
        let rows = self
            .pools
            .read
            .conn()
            .await?
            .fetch_all(
                "SELECT id FROM campaigns WHERE status = 'sending' OR (status = 'scheduled' AND scheduled_at <= $1) \
                 ORDER BY scheduled_at, id",
                &args![crate::to_ms(now)],
            )
            .await?;
        rows.iter().map(|r| r.get(0)).collect()
    }

    /// A scheduled campaign whose time has come starts sending; true if it did.
    pub async fn start_newsletter(&self, ctx: &Ctx, id: Uuid) -> Result<bool, StoreError> {
        let mut tx = self.pools.write.begin().await?;
        let now = now_ms();
        let n = tx
            .execute(
                "UPDATE campaigns SET status = 'sending', started_at = COALESCE(started_at, $2), updated_at = $2 \
                 WHERE id = $1 AND status = 'scheduled' AND scheduled_at <= $2",
                &args![id, now],
            )
            .await?;
        if n == 1 {
            audit::append(&mut tx, ctx, &[NewEntry::object("campaign.start", "campaign", id)]).await?;
        }
        tx.commit().await?;
        Ok(n == 1)
    }

    /// Adds one page of the audience (`ids`, in subject-id order after
    /// `from`) to the delivery log as pending, and records where the next
    /// page starts (`None` with `done`: the audience is complete). False
    /// (nothing written) if the campaign is not sending or another sender
    /// wrote this page already.
    pub async fn add_newsletter_audience(
        &self,
        ctx: &Ctx,
        id: Uuid,
        from: Option<Uuid>,
        ids: &[SubjectId],
        done: bool,
    ) -> Result<bool, StoreError> {
        let mut tx = self.pools.write.begin().await?;
        let Some(c) = lock(&mut tx, id).await? else { return Ok(false) };
        let at: Option<Uuid> = tx
            .fetch_optional("SELECT audience_after FROM campaigns WHERE id = $1", &args![id])
            .await?
            .map_or(Ok(None), |r| r.get(0))?;
        if c.status != CampaignStatus::Sending || c.audience_done || at != from {
            return Ok(false);
        }
        let now = now_ms();
        for chunk in ids.chunks(MAX_PARAMS / 4) {
            let sql = format!(
                "INSERT INTO campaign_recipients (campaign_id, subject_id, status, updated_at) VALUES {} \
                 ON CONFLICT DO NOTHING",
                values_placeholders(tx.engine(), chunk.len(), 4)
            );
            let vals: Vec<Value> = chunk
                .iter()
                .flat_map(|s| [Value::Uuid(id), Value::Uuid(s.0), Value::Text("pending".into()), Value::I64(now)])
                .collect();
            tx.execute(&sql, &vals).await?;
        }
        let next = ids.last().map(|s| s.0).or(from);
        tx.execute(
            "UPDATE campaigns SET audience_after = $2, audience_done = $3 WHERE id = $1",
            &args![id, next, i64::from(done)],
        )
        .await?;
        audit::append(&mut tx, ctx, &[NewEntry::object("campaign.audience", "campaign", id)]).await?;
        tx.commit().await?;
        Ok(true)
    }

    /// Where writing the audience got to.
    pub async fn newsletter_audience_after(&self, id: Uuid) -> Result<Option<Uuid>, StoreError> {
        let mut c = self.pools.read.conn().await?;
        match c.fetch_optional("SELECT audience_after FROM campaigns WHERE id = $1", &args![id]).await? {
            Some(r) => r.get(0),
            None => Ok(None),
        }
    }

    /// Up to `limit` pending recipients, in subject-id order.
    pub async fn pending_recipients(&self, id: Uuid, limit: i64) -> Result<Vec<SubjectId>, StoreError> {
        let rows = self
            .pools
            .read
            .conn()
            .await?
            .fetch_all(
                "SELECT subject_id FROM campaign_recipients WHERE campaign_id = $1 AND status = 'pending' \
                 ORDER BY subject_id LIMIT $2",
                &args![id, limit],
            )
            .await?;
        rows.iter().map(|r| Ok(SubjectId(r.get(0)?))).collect()
    }

    /// The fingerprint of a person's consent facts for `purpose`, read now
    /// (before deciding), to hand back to [`Store::take_recipient`].
    pub async fn consent_stamp(&self, subject: SubjectId, purpose: PurposeId) -> Result<String, StoreError> {
        let mut tx = self.pools.write.begin().await?;
        let s = stamp(&mut tx, subject.0, purpose.0).await?;
        tx.commit().await?;
        Ok(s)
    }

    /// Takes one pending recipient of a sending campaign in one transaction
    /// (see the module's text). `seen` is the [`Store::consent_stamp`] read
    /// before the caller decided.
    pub async fn take_recipient(
        &self,
        ctx: &Ctx,
        c: &Newsletter,
        subject: SubjectId,
        seen: &str,
        take: Take,
    ) -> Result<Taken, StoreError> {
        let mut tx = self.pools.write.begin().await?;
        match lock(&mut tx, c.id).await? {
            Some(now) if now.status == CampaignStatus::Sending => {}
            _ => return Ok(Taken::Stopped),
        }
        if lock_contacts(&mut tx, &[subject.0], Lock::Write).await?.is_empty() {
            return Ok(Taken::Gone);
        }
        if stamp(&mut tx, subject.0, c.purpose.0).await? != seen {
            return Ok(Taken::Changed);
        }
        let take = match take {
            Take::Queue { address_key, .. }
                if tx
                    .fetch_optional(
                        "SELECT 1 FROM undeliverable WHERE subject_id = $1 AND address_key = $2",
                        &args![subject.0, address_key.clone()],
                    )
                    .await?
                    .is_some() =>
            {
                Take::Skip("address undeliverable: a mail server refused it permanently".into())
            }
            t => t,
        };
        let now = now_ms();
        let (status, reason, mail_id) = match &take {
            Take::Queue { mail, .. } => ("queued", None, Some(mail.id)),
            Take::Skip(r) => ("skipped", Some(r.clone()), None),
        };
        let n = tx
            .execute(
                "UPDATE campaign_recipients SET status = $3, reason = $4, mail_id = $5, updated_at = $6 \
                 WHERE campaign_id = $1 AND subject_id = $2 AND status = 'pending'",
                &args![c.id, subject.0, status, reason.clone(), mail_id, now],
            )
            .await?;
        if n == 0 {
            return Ok(Taken::Gone);
        }
        let out = match take {
            Take::Queue { mail, note, .. } => {
                let keys = crate::keys::subject_keys(self, &mut tx, &BTreeSet::from([subject.0])).await?;
                crate::mail::enqueue(&mut tx, &keys, std::slice::from_ref(&*mail)).await?;
                let iid = Uuid::now_v7();
                let place = Place { table: "interactions", column: "sealed_body", row: iid, subject };
                let sealed = keys[&subject.0].seal(&place, note.as_bytes());
                tx.execute(
                    "INSERT INTO interactions (id, subject_id, kind, occurred_at, author_id, sealed_body, created_at, updated_at) \
                     VALUES ($1, $2, $3, $4, NULL, $5, $4, $4)",
                    &args![iid, subject.0, InteractionKind::Email.as_str(), now, sealed],
                )
                .await?;
                let entries = [
                    NewEntry {
                        action: "campaign.send",
                        subject: Some(subject),
                        object_type: "campaign",
                        object_id: Some(c.id.to_string()),
                    },
                    NewEntry {
                        action: "mail.queue",
                        subject: Some(subject),
                        object_type: "mail",
                        object_id: Some(mail.id.to_string()),
                    },
                    NewEntry {
                        action: "interaction.create",
                        subject: Some(subject),
                        object_type: "interaction",
                        object_id: Some(iid.to_string()),
                    },
                ];
                audit::append(&mut tx, ctx, &entries).await?;
                Taken::Queued
            }
            Take::Skip(reason) => {
                let e = NewEntry {
                    action: "campaign.skip",
                    subject: Some(subject),
                    object_type: "campaign",
                    object_id: Some(c.id.to_string()),
                };
                audit::append(&mut tx, ctx, &[e]).await?;
                Taken::Skipped(reason)
            }
        };
        tx.commit().await?;
        Ok(out)
    }

    /// A sending campaign whose whole audience is written and taken is
    /// done; true if it became so now.
    pub async fn finish_newsletter(&self, ctx: &Ctx, id: Uuid) -> Result<bool, StoreError> {
        let mut tx = self.pools.write.begin().await?;
        let Some(c) = lock(&mut tx, id).await? else { return Ok(false) };
        if c.status != CampaignStatus::Sending || !c.audience_done {
            return Ok(false);
        }
        let pending = tx
            .fetch_optional(
                "SELECT 1 FROM campaign_recipients WHERE campaign_id = $1 AND status = 'pending' LIMIT 1",
                &args![id],
            )
            .await?;
        if pending.is_some() {
            return Ok(false);
        }
        let now = now_ms();
        tx.execute(
            "UPDATE campaigns SET status = 'done', finished_at = $2, updated_at = $2 WHERE id = $1",
            &args![id, now],
        )
        .await?;
        audit::append(&mut tx, ctx, &[NewEntry::object("campaign.done", "campaign", id)]).await?;
        tx.commit().await?;
        Ok(true)
    }

    /// The delivery log: a page in subject-id order after `after`.
    pub async fn newsletter_recipients(
        &self,
        id: Uuid,
        status: Option<RecipientStatus>,
        after: Option<Uuid>,
        limit: i64,
    ) -> Result<Vec<RecipientRow>, StoreError> {
        let mut sql = String::from(
            "SELECT subject_id, status, reason, mail_id, updated_at FROM campaign_recipients WHERE campaign_id = $1",
        );
        let mut vals = args![id].to_vec();
        if let Some(s) = status {
            vals.push(s.as_str().into());
            sql.push_str(&format!(" AND status = ${}", vals.len()));
        }
        if let Some(a) = after {
            vals.push(a.into());
            sql.push_str(&format!(" AND subject_id > ${}", vals.len()));
        }
        vals.push(limit.into());
        sql.push_str(&format!(" ORDER BY subject_id LIMIT ${}", vals.len()));
        let rows = self.pools.read.conn().await?.fetch_all(&sql, &vals).await?;
        rows.iter()
            .map(|r| {
                Ok(RecipientRow {
                    subject: SubjectId(r.get(0)?),
                    status: RecipientStatus::parse(&r.get::<String>(1)?)
                        .ok_or(StoreError::Corrupt("campaign recipient status"))?,
                    reason: r.get(2)?,
                    mail_id: r.get(3)?,
                    updated_at: from_ms(r.get(4)?),
                })
            })
            .collect()
    }
}
