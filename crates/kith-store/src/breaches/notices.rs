//! A breach's notices, the people's mails of a notice, the frozen count
//! read for the page, the reminders and the open breaches for the banner.

use super::{lock, ms, notice_row, parse_body, OpenBreach, StoredNotice, NOTICE_COLS};
use crate::audit::{self, NewEntry};
use crate::db::{fetch_in, Exec};
use crate::{args, from_ms, now_ms, Ctx, Store, StoreError};
use kith_domain::breach::notice::late_without_reason;
use kith_domain::{SubjectId, UserId};
use std::collections::BTreeSet;
use time::OffsetDateTime;
use uuid::Uuid;

use super::{enqueue, NewMail, NewNotice};

/// How the people's mails of a notice stand, read from the outbox.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PeopleMailStatus {
    pub queued: i64,
    pub sent: i64,
    pub failed: i64,
}

impl Store {
    /// Records a drafted notice. A follow-up must follow a notice of the
    /// same breach.
    pub async fn insert_breach_notice(&self, ctx: &Ctx, n: &NewNotice) -> Result<(), StoreError> {
        let mut tx = self.pools.write.begin().await?;
        lock(&mut tx, n.breach_id).await?;
        if let Some(f) = n.follows {
            let same = tx
                .fetch_optional(
                    "SELECT id FROM breach_notices WHERE id = $1 AND breach_id = $2",
                    &args![f, n.breach_id],
                )
                .await?;
            if same.is_none() {
                return Err(StoreError::MissingRef("follows"));
            }
        }
        tx.execute(
            "INSERT INTO breach_notices (id, breach_id, audience, kind, follows, authority, body, content_hash, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
            &args![
                n.id,
                n.breach_id,
                n.audience.as_str(),
                n.kind.as_str(),
                n.follows,
                n.authority.clone(),
                n.body.as_str(),
                n.content_hash.clone(),
                now_ms()
            ],
        )
        .await?;
        let detail = serde_json::json!({"notice": n.id, "audience": n.audience.as_str(), "kind": n.kind.as_str()});
        super::history(&mut tx, ctx, n.breach_id, "notice_draft", detail).await?;
        audit::append(&mut tx, ctx, &[NewEntry::object("breach.notice", "breach_notice", n.id)]).await?;
        tx.commit().await
    }

    /// A breach's notices, oldest first.
    pub async fn breach_notices(&self, breach: Uuid) -> Result<Vec<StoredNotice>, StoreError> {
        let mut c = self.pools.read.conn().await?;
        let rows = c
            .fetch_all(
                &format!("SELECT {NOTICE_COLS} FROM breach_notices WHERE breach_id = $1 ORDER BY created_at, id"),
                &args![breach],
            )
            .await?;
        rows.iter().map(notice_row).collect()
    }

    /// Records that a notice was sent (the DPO submitted it to the
    /// authority, or its mails were queued): once; a sent notice is never
    /// changed. An authority notice sent after the deadline needs
    /// `delay_reason` (Art. 33(1)), checked under the breach's lock.
    pub async fn mark_breach_notice_sent(
        &self,
        ctx: &Ctx,
        breach: Uuid,
        notice: Uuid,
        sent_at: OffsetDateTime,
        by: Option<UserId>,
        delay_reason: Option<&str>,
    ) -> Result<(), StoreError> {
        let mut tx = self.pools.write.begin().await?;
        let b = lock(&mut tx, breach).await?;
        let n = tx
            .fetch_optional(
                &format!("SELECT {NOTICE_COLS} FROM breach_notices WHERE id = $1 AND breach_id = $2"),
                &args![notice, breach],
            )
            .await?
            .ok_or(StoreError::NotFound)?;
        let n = notice_row(&n)?;
        if n.sent_at.is_some() {
            return Err(StoreError::Conflict("this notice was sent already: a sent notice never changes"));
        }
        let reason = delay_reason.map(str::trim).filter(|r| !r.is_empty());
        if late_without_reason(n.audience, n.kind, b.aware.as_ref().map(|a| a.at), sent_at, reason.unwrap_or("")) {
            return Err(StoreError::Conflict(
                "sent after the 72-hour deadline: give the reason for the delay (Art. 33(1))",
            ));
        }
        tx.execute(
            "UPDATE breach_notices SET sent_at = $2, sent_by = $3, delay_reason = $4 WHERE id = $1",
            &args![notice, ms(sent_at), by.map(|u| u.0), reason.map(str::to_owned)],
        )
        .await?;
        let detail = serde_json::json!({"notice": notice, "sent_at": ms(sent_at), "delay_reason": reason});
        super::history(&mut tx, ctx, breach, "notice_sent", detail).await?;
        audit::append(&mut tx, ctx, &[NewEntry::object("breach.notice_sent", "breach_notice", notice)]).await?;
        tx.commit().await
    }

    /// The people linked to a breach (found by a frozen query) who have
    /// not had this notice's mail yet.
    pub async fn breach_people_to_tell(&self, breach: Uuid, notice: Uuid) -> Result<Vec<SubjectId>, StoreError> {
        let mut c = self.pools.read.conn().await?;
        let rows = c
            .fetch_all(
                "SELECT a.subject_id FROM breach_affected a WHERE a.breach_id = $1 AND NOT EXISTS \
                 (SELECT 1 FROM breach_notice_people p WHERE p.notice_id = $2 AND p.subject_id = a.subject_id) \
                 ORDER BY a.subject_id",
                &args![breach, notice],
            )
            .await?;
        rows.iter().map(|r| Ok(SubjectId(r.get(0)?))).collect()
    }

    /// Queues each person's mail of a people notice with its row in
    /// `breach_notice_people`, in one transaction: a person who has a row
    /// already (or was erased meanwhile) is skipped. Returns how many
    /// mails were queued.
    pub async fn queue_breach_people_mails(
        &self,
        ctx: &Ctx,
        breach: Uuid,
        notice: Uuid,
        mails: &[NewMail],
    ) -> Result<usize, StoreError> {
        let mut tx = self.pools.write.begin().await?;
        lock(&mut tx, breach).await?;
        let ids: Vec<Uuid> = mails.iter().map(|m| m.subject.0).collect();
        let mut live = BTreeSet::new();
        for r in fetch_in(&mut tx, "SELECT subject_id FROM subject_keys WHERE subject_id IN ({in})", &ids).await? {
            live.insert(r.get::<Uuid>(0)?);
        }
        let keys = crate::keys::subject_keys(self, &mut tx, &live).await?;
        let now = now_ms();
        let mut queued = Vec::new();
        for m in mails.iter().filter(|m| live.contains(&m.subject.0)) {
            let n = tx
                .execute(
                    "INSERT INTO breach_notice_people (notice_id, subject_id, status, outbox_id, at) \
                     VALUES ($1, $2, 'queued', $3, $4) ON CONFLICT DO NOTHING",
                    &args![notice, m.subject.0, m.id, now],
                )
                .await?;
            if n == 1 {
                queued.push(m.clone());
            }
        }
        enqueue(&mut tx, &keys, &queued).await?;
        let mut entries = vec![NewEntry::object("breach.notify_people", "breach_notice", notice)];
        for m in &queued {
            entries.push(NewEntry {
                action: "mail.queue",
                subject: Some(m.subject),
                object_type: "mail",
                object_id: Some(m.id.to_string()),
            });
        }
        super::history(
            &mut tx,
            ctx,
            breach,
            "people_mails",
            serde_json::json!({"notice": notice, "queued": queued.len()}),
        )
        .await?;
        audit::append(&mut tx, ctx, &entries).await?;
        tx.commit().await?;
        Ok(queued.len())
    }

    /// How a notice's people mails stand, read from the outbox (a mail
    /// gone with an erased person is not counted).
    pub async fn breach_people_mail_status(&self, notice: Uuid) -> Result<PeopleMailStatus, StoreError> {
        let mut c = self.pools.read.conn().await?;
        let rows = c
            .fetch_all(
                "SELECT m.status, COUNT(*) FROM breach_notice_people p JOIN mail_outbox m ON m.id = p.outbox_id \
                 WHERE p.notice_id = $1 GROUP BY m.status",
                &args![notice],
            )
            .await?;
        let mut s = PeopleMailStatus::default();
        for r in rows {
            let n: i64 = r.get(1)?;
            match r.get::<String>(0)?.as_str() {
                "sent" | "outbox" => s.sent += n,
                "failed" | "cancelled" => s.failed += n,
                _ => s.queued += n,
            }
        }
        Ok(s)
    }

    /// The language of the form or notice of a person's latest consent event.
    pub async fn latest_consent_language(&self, subject: SubjectId) -> Result<Option<String>, StoreError> {
        let mut c = self.pools.read.conn().await?;
        let r = c
            .fetch_optional(
                "SELECT COALESCE(f.language, n.language) FROM consent_events e \
                 LEFT JOIN consent_forms f ON f.id = e.form_id LEFT JOIN notices n ON n.id = e.notice_id \
                 WHERE e.subject_id = $1 ORDER BY e.seq DESC LIMIT 1",
                &args![subject.0],
            )
            .await?;
        Ok(match r {
            Some(r) => r.get::<Option<String>>(0)?,
            None => None,
        })
    }

    /// The latest frozen count of affected people (part B's queries), and when.
    pub async fn latest_breach_count(&self, breach: Uuid) -> Result<Option<(i64, OffsetDateTime)>, StoreError> {
        let mut c = self.pools.read.conn().await?;
        let r = c
            .fetch_optional(
                "SELECT people, frozen_at FROM breach_queries WHERE breach_id = $1 ORDER BY frozen_at DESC, id DESC LIMIT 1",
                &args![breach],
            )
            .await?;
        r.map(|r| Ok((r.get(0)?, from_ms(r.get(1)?)))).transpose()
    }

    /// Open breaches, with whether an authority notice was sent.
    pub async fn open_breaches(&self) -> Result<Vec<OpenBreach>, StoreError> {
        let mut c = self.pools.read.conn().await?;
        let rows = c
            .fetch_all(
                "SELECT b.id, b.reference, b.title, b.aware_at, b.body, (SELECT COUNT(*) FROM breach_notices n \
                 WHERE n.breach_id = b.id AND n.audience = 'authority' AND n.sent_at IS NOT NULL) \
                 FROM breaches b WHERE b.status = 'open' ORDER BY b.aware_at, b.reference",
                &[],
            )
            .await?;
        rows.iter()
            .map(|r| {
                Ok(OpenBreach {
                    id: r.get(0)?,
                    reference: r.get(1)?,
                    title: r.get(2)?,
                    aware_at: r.get::<Option<i64>>(3)?.map(from_ms),
                    breach: parse_body(&r.get::<String>(4)?)?,
                    notified: r.get::<i64>(5)? > 0,
                })
            })
            .collect()
    }

    /// Claims a deadline reminder: true once across servers (the primary
    /// key), false when it was claimed before.
    pub async fn claim_breach_reminder(&self, ctx: &Ctx, breach: Uuid, hours_before: i64) -> Result<bool, StoreError> {
        let mut tx = self.pools.write.begin().await?;
        let n = tx
            .execute(
                "INSERT INTO breach_reminders (breach_id, hours_before, sent_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
                &args![breach, hours_before, now_ms()],
            )
            .await?;
        if n == 0 {
            return Ok(false);
        }
        audit::append(&mut tx, ctx, &[NewEntry::object("breach.reminder", "breach", breach)]).await?;
        tx.commit().await?;
        Ok(true)
    }

    /// The e-mail addresses of active staff with one of `roles`.
    pub async fn staff_addresses(&self, roles: &[&str]) -> Result<Vec<String>, StoreError> {
        let mut c = self.pools.read.conn().await?;
        let rows = c.fetch_all("SELECT email, role, disabled FROM users ORDER BY email", &[]).await?;
        let mut out = Vec::new();
        for r in rows {
            let role: String = r.get(1)?;
            let disabled: bool = r.get(2)?;
            if !disabled && roles.contains(&role.as_str()) {
                out.push(r.get(0)?);
            }
        }
        Ok(out)
    }
}
