//! A breach's notices, the people's mails of a notice, the frozen count
//! read for the page, the reminders and the open breaches for the banner.

use super::{lock, ms, notice_row, parse_body, OpenBreach, StoredNotice, NOTICE_COLS};
use crate::audit::{self, NewEntry};
use crate::db::{fetch_in, Exec};
use crate::{args, from_ms, now_ms, Ctx, Store, StoreError};
use kith_domain::breach::notice::{late_without_reason, Audience, NoticeKind};
use kith_domain::{SubjectId, UserId};
use std::collections::{BTreeSet, HashMap};
use time::OffsetDateTime;
use uuid::Uuid;

use super::{enqueue, NewMail, NewNotice};

/// How far in the future a recorded `sent_at` may be (clocks differ).
pub const SENT_AT_LEEWAY: time::Duration = time::Duration::minutes(5);

/// How the people's mails of a notice stand, read from the outbox.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PeopleMailStatus {
    /// Waiting for the sender.
    pub queued: i64,
    /// Resting in the outbox because no SMTP is configured: not sent.
    pub outbox: i64,
    pub sent: i64,
    pub failed: i64,
}

/// A person to write a people notice to: the first address, if any, and
/// the language of the form or notice of their latest consent event.
#[derive(Clone, Debug)]
pub struct PersonToTell {
    pub subject: SubjectId,
    pub email: Option<String>,
    pub language: Option<String>,
}

/// A staff member to mail: the address, and the language and time zone
/// chosen on "My account", if any.
#[derive(Clone, Debug)]
pub struct StaffReader {
    pub email: String,
    pub language: Option<String>,
    pub time_zone: Option<String>,
}

impl Store {
    /// Records a drafted notice. A follow-up must follow an authority
    /// notice of the same breach that was already sent (checked under the
    /// breach's lock): only then is it exempt from the delay reason.
    pub async fn insert_breach_notice(&self, ctx: &Ctx, n: &NewNotice) -> Result<(), StoreError> {
        let mut tx = self.pools.write.begin().await?;
        lock(&mut tx, n.breach_id).await?;
        if n.kind == NoticeKind::FollowUp && n.follows.is_none() {
            return Err(StoreError::MissingRef("follows"));
        }
        if let Some(f) = n.follows {
            let same = tx
                .fetch_optional(
                    "SELECT audience, sent_at FROM breach_notices WHERE id = $1 AND breach_id = $2",
                    &args![f, n.breach_id],
                )
                .await?
                .ok_or(StoreError::MissingRef("follows"))?;
            if same.get::<String>(0)? != Audience::Authority.as_str() || same.get::<Option<i64>>(1)?.is_none() {
                return Err(StoreError::Conflict("a follow-up follows an authority notice already sent"));
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
        if sent_at < n.created_at || sent_at > OffsetDateTime::now_utc() + SENT_AT_LEEWAY {
            return Err(StoreError::Conflict("sent at: not before the notice was drafted, nor in the future"));
        }
        if n.audience == Audience::Authority && b.aware.is_none() {
            return Err(StoreError::Conflict("set aware at first: the 72-hour clock runs from it"));
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

    /// A page of the people linked to a breach who have not had this
    /// notice's mail, in subject-id order after `after`, at most `limit`,
    /// with their address and language read for the whole page at once.
    /// The second value is where the next page starts (`None`: the last).
    pub async fn breach_people_page(
        &self,
        breach: Uuid,
        notice: Uuid,
        after: Option<SubjectId>,
        limit: i64,
    ) -> Result<(Vec<PersonToTell>, Option<SubjectId>), StoreError> {
        let mut c = self.pools.read.conn().await?;
        let rows = c
            .fetch_all(
                "SELECT a.subject_id FROM breach_affected a WHERE a.breach_id = $1 AND a.subject_id > $3 AND NOT EXISTS \
                 (SELECT 1 FROM breach_notice_people p WHERE p.notice_id = $2 AND p.subject_id = a.subject_id) \
                 ORDER BY a.subject_id LIMIT $4",
                &args![breach, notice, after.map_or(Uuid::nil(), |a| a.0), limit],
            )
            .await?;
        let ids = rows.iter().map(|r| r.get::<Uuid>(0)).collect::<Result<Vec<Uuid>, _>>()?;
        let next = (ids.len() as i64 == limit).then(|| ids.last().copied().map(SubjectId)).flatten();
        let mut languages: HashMap<Uuid, (i64, Option<String>)> = HashMap::new();
        let sql = "SELECT e.subject_id, e.seq, COALESCE(f.language, n.language) FROM consent_events e \
                   LEFT JOIN consent_forms f ON f.id = e.form_id LEFT JOIN notices n ON n.id = e.notice_id \
                   WHERE e.subject_id IN ({in})";
        for r in fetch_in(&mut c, sql, &ids).await? {
            let (who, seq, lang): (Uuid, i64, Option<String>) = (r.get(0)?, r.get(1)?, r.get(2)?);
            if languages.get(&who).is_none_or(|(s, _)| *s < seq) {
                languages.insert(who, (seq, lang));
            }
        }
        drop(c);
        let mut emails: HashMap<Uuid, Option<String>> = HashMap::new();
        for contact in self.contacts_in(&ids).await? {
            emails.insert(contact.id.0, contact.data.emails.first().map(|e| e.as_str().to_owned()));
        }
        let people = ids
            .iter()
            .filter_map(|id| {
                Some(PersonToTell {
                    subject: SubjectId(*id),
                    email: emails.remove(id)?,
                    language: languages.remove(id).and_then(|(_, l)| l),
                })
            })
            .collect();
        Ok((people, next))
    }

    /// Queues each person's mail of a people notice with its row in
    /// `breach_notice_people`, in one transaction (the caller passes a page
    /// of about 500, so the write lock is held briefly): a person who has a row
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
                "sent" => s.sent += n,
                "outbox" => s.outbox += n,
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

    /// Claims a deadline reminder for one deadline (a corrected aware at
    /// is a new deadline): true once across servers (the primary key),
    /// false when it was claimed before.
    pub async fn claim_breach_reminder(
        &self,
        ctx: &Ctx,
        breach: Uuid,
        deadline: OffsetDateTime,
        hours_before: i64,
    ) -> Result<bool, StoreError> {
        let mut tx = self.pools.write.begin().await?;
        let n = tx
            .execute(
                "INSERT INTO breach_reminders (breach_id, deadline, hours_before, sent_at) VALUES ($1, $2, $3, $4) \
                 ON CONFLICT DO NOTHING",
                &args![breach, ms(deadline), hours_before, now_ms()],
            )
            .await?;
        if n == 0 {
            return Ok(false);
        }
        audit::append(&mut tx, ctx, &[NewEntry::object("breach.reminder", "breach", breach)]).await?;
        tx.commit().await?;
        Ok(true)
    }

    /// Releases a claimed reminder whose send failed, so the next run
    /// retries it.
    pub async fn release_breach_reminder(
        &self,
        ctx: &Ctx,
        breach: Uuid,
        deadline: OffsetDateTime,
        hours_before: i64,
    ) -> Result<(), StoreError> {
        let mut tx = self.pools.write.begin().await?;
        tx.execute(
            "DELETE FROM breach_reminders WHERE breach_id = $1 AND deadline = $2 AND hours_before = $3",
            &args![breach, ms(deadline), hours_before],
        )
        .await?;
        audit::append(&mut tx, ctx, &[NewEntry::object("breach.reminder_release", "breach", breach)]).await?;
        tx.commit().await
    }

    /// The e-mail addresses of active staff with one of `roles`.
    pub async fn staff_addresses(&self, roles: &[&str]) -> Result<Vec<String>, StoreError> {
        Ok(self.staff_readers(roles).await?.into_iter().map(|r| r.email).collect())
    }

    /// Active staff with one of `roles`, with the language and time zone
    /// they chose (none: the controller's default, the server's zone), to
    /// write to each in their own words.
    pub async fn staff_readers(&self, roles: &[&str]) -> Result<Vec<StaffReader>, StoreError> {
        let mut c = self.pools.read.conn().await?;
        let rows =
            c.fetch_all("SELECT email, role, disabled, language, time_zone FROM users ORDER BY email", &[]).await?;
        let mut out = Vec::new();
        for r in rows {
            let role: String = r.get(1)?;
            let disabled: bool = r.get(2)?;
            if !disabled && roles.contains(&role.as_str()) {
                out.push(StaffReader { email: r.get(0)?, language: r.get(3)?, time_zone: r.get(4)? });
            }
        }
        Ok(out)
    }
}
