//! The breach register (Art. 33–34): breaches with their history, their
//! notices, the people's mails of a notice and the deadline reminders.
//! No table here holds a person's values; the people's mails go through
//! the mail outbox, sealed under each person's key.

use crate::audit::{self, NewEntry};
use crate::db::{Exec, Row, Tx};
use crate::mail::{enqueue, NewMail};
use crate::{args, from_ms, now_ms, Ctx, Store, StoreError};
use kith_domain::breach::notice::{Audience, NoticeKind};
use kith_domain::breach::{Breach, BreachStatus};
use kith_domain::UserId;
use time::OffsetDateTime;
use uuid::Uuid;

/// When the controller became aware, who recorded it and on what evidence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Aware {
    pub at: OffsetDateTime,
    pub by: Option<UserId>,
    pub evidence: String,
}

/// A breach as stored.
#[derive(Clone, Debug)]
pub struct StoredBreach {
    pub id: Uuid,
    pub reference: String,
    pub breach: Breach,
    pub aware: Option<Aware>,
    pub closed_at: Option<OffsetDateTime>,
    pub created_by: Option<UserId>,
    pub created_at: OffsetDateTime,
    pub updated_at: OffsetDateTime,
}

/// One line of a breach's history.
#[derive(Clone, Debug)]
pub struct HistoryEntry {
    pub seq: i64,
    pub at: OffsetDateTime,
    pub actor: String,
    pub change: String,
    /// JSON: the old and new values, the reason of a correction.
    pub detail: serde_json::Value,
}

/// A notice as stored; `body` is the JSON as drafted and hashed.
#[derive(Clone, Debug)]
pub struct StoredNotice {
    pub id: Uuid,
    pub breach_id: Uuid,
    pub audience: Audience,
    pub kind: NoticeKind,
    pub follows: Option<Uuid>,
    pub authority: Option<String>,
    pub body: String,
    pub content_hash: Vec<u8>,
    pub sent_at: Option<OffsetDateTime>,
    pub sent_by: Option<UserId>,
    pub delay_reason: Option<String>,
    pub created_at: OffsetDateTime,
}

/// A notice to record (drafted and hashed by the caller).
#[derive(Clone, Debug)]
pub struct NewNotice {
    pub id: Uuid,
    pub breach_id: Uuid,
    pub audience: Audience,
    pub kind: NoticeKind,
    pub follows: Option<Uuid>,
    pub authority: Option<String>,
    pub body: String,
    pub content_hash: Vec<u8>,
}

/// An open breach for the banner and the reminders.
#[derive(Clone, Debug)]
pub struct OpenBreach {
    pub id: Uuid,
    pub reference: String,
    pub title: String,
    pub aware_at: Option<OffsetDateTime>,
    /// An authority notice was recorded as sent.
    pub notified: bool,
    pub breach: Breach,
}

fn body(b: &Breach) -> Result<String, StoreError> {
    serde_json::to_string(b).map_err(|_| StoreError::Corrupt("breach body"))
}

fn parse_body(s: &str) -> Result<Breach, StoreError> {
    serde_json::from_str(s).map_err(|_| StoreError::Corrupt("breach body"))
}

const COLS: &str =
    "id, reference, body, aware_at, aware_by, aware_evidence, closed_at, created_by, created_at, updated_at";

fn breach_row(r: &Row) -> Result<StoredBreach, StoreError> {
    let aware = match r.get::<Option<i64>>(3)? {
        Some(at) => Some(Aware {
            at: from_ms(at),
            by: r.get::<Option<Uuid>>(4)?.map(UserId),
            evidence: r.get::<Option<String>>(5)?.unwrap_or_default(),
        }),
        None => None,
    };
    Ok(StoredBreach {
        id: r.get(0)?,
        reference: r.get(1)?,
        breach: parse_body(&r.get::<String>(2)?)?,
        aware,
        closed_at: r.get::<Option<i64>>(6)?.map(from_ms),
        created_by: r.get::<Option<Uuid>>(7)?.map(UserId),
        created_at: from_ms(r.get(8)?),
        updated_at: from_ms(r.get(9)?),
    })
}

const NOTICE_COLS: &str = "id, breach_id, audience, kind, follows, authority, body, content_hash, sent_at, sent_by, \
                           delay_reason, created_at";

fn notice_row(r: &Row) -> Result<StoredNotice, StoreError> {
    Ok(StoredNotice {
        id: r.get(0)?,
        breach_id: r.get(1)?,
        audience: Audience::parse(&r.get::<String>(2)?).ok_or(StoreError::Corrupt("notice audience"))?,
        kind: NoticeKind::parse(&r.get::<String>(3)?).ok_or(StoreError::Corrupt("notice kind"))?,
        follows: r.get(4)?,
        authority: r.get(5)?,
        body: r.get(6)?,
        content_hash: r.get(7)?,
        sent_at: r.get::<Option<i64>>(8)?.map(from_ms),
        sent_by: r.get::<Option<Uuid>>(9)?.map(UserId),
        delay_reason: r.get(10)?,
        created_at: from_ms(r.get(11)?),
    })
}

/// The top-level fields that differ between two records: `{field: {old, new}}`.
fn diff(old: &Breach, new: &Breach) -> serde_json::Value {
    let (a, b) = (serde_json::to_value(old).unwrap_or_default(), serde_json::to_value(new).unwrap_or_default());
    let mut out = serde_json::Map::new();
    if let (Some(a), Some(b)) = (a.as_object(), b.as_object()) {
        for (k, nv) in b {
            let ov = a.get(k).cloned().unwrap_or(serde_json::Value::Null);
            if &ov != nv {
                out.insert(k.clone(), serde_json::json!({"old": ov, "new": nv}));
            }
        }
    }
    serde_json::Value::Object(out)
}

async fn lock(tx: &mut Tx, id: Uuid) -> Result<StoredBreach, StoreError> {
    if tx.execute("UPDATE breaches SET updated_at = updated_at WHERE id = $1", &args![id]).await? == 0 {
        return Err(StoreError::NotFound);
    }
    let r = tx
        .fetch_optional(&format!("SELECT {COLS} FROM breaches WHERE id = $1"), &args![id])
        .await?
        .ok_or(StoreError::NotFound)?;
    breach_row(&r)
}

async fn history(tx: &mut Tx, ctx: &Ctx, id: Uuid, change: &str, detail: serde_json::Value) -> Result<(), StoreError> {
    let seq: i64 = tx
        .fetch_optional("SELECT COALESCE(MAX(seq), 0) FROM breach_history WHERE breach_id = $1", &args![id])
        .await?
        .ok_or(StoreError::NotFound)?
        .get(0)?;
    tx.execute(
        "INSERT INTO breach_history (breach_id, seq, at, actor, change, detail) VALUES ($1, $2, $3, $4, $5, $6)",
        &args![id, seq + 1, now_ms(), ctx.actor.as_str(), change, detail.to_string()],
    )
    .await?;
    Ok(())
}

async fn check_recipients(tx: &mut Tx, b: &Breach) -> Result<(), StoreError> {
    for r in &b.recipients {
        if tx.fetch_optional("SELECT id FROM recipients WHERE id = $1", &args![r.0]).await?.is_none() {
            return Err(StoreError::MissingRef("recipients"));
        }
    }
    Ok(())
}

use crate::to_ms as ms;

impl Store {
    /// Every breach, newest first.
    pub async fn breaches(&self) -> Result<Vec<StoredBreach>, StoreError> {
        let mut c = self.pools.read.conn().await?;
        let rows = c.fetch_all(&format!("SELECT {COLS} FROM breaches ORDER BY created_at DESC, id DESC"), &[]).await?;
        rows.iter().map(breach_row).collect()
    }

    pub async fn breach(&self, id: Uuid) -> Result<Option<StoredBreach>, StoreError> {
        let mut c = self.pools.read.conn().await?;
        c.fetch_optional(&format!("SELECT {COLS} FROM breaches WHERE id = $1"), &args![id])
            .await?
            .map(|r| breach_row(&r))
            .transpose()
    }

    /// Records a new breach (checked by the caller); a taken reference is
    /// a conflict.
    pub async fn insert_breach(
        &self,
        ctx: &Ctx,
        id: Uuid,
        reference: &str,
        b: &Breach,
        aware: Option<&Aware>,
        by: Option<UserId>,
    ) -> Result<(), StoreError> {
        let mut tx = self.pools.write.begin().await?;
        check_recipients(&mut tx, b).await?;
        if tx.fetch_optional("SELECT id FROM breaches WHERE reference = $1", &args![reference]).await?.is_some() {
            return Err(StoreError::Conflict("a breach with this reference exists"));
        }
        let now = now_ms();
        tx.execute(
            "INSERT INTO breaches (id, reference, title, body, detected_at, aware_at, aware_by, aware_evidence, status, \
             closed_at, created_by, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12)",
            &args![
                id,
                reference,
                b.title.as_str(),
                body(b)?,
                b.detected_at.map(ms),
                aware.map(|a| ms(a.at)),
                aware.and_then(|a| a.by.map(|u| u.0)),
                aware.map(|a| a.evidence.clone()),
                b.status.as_str(),
                (b.status == BreachStatus::Closed).then_some(now),
                by.map(|u| u.0),
                now
            ],
        )
        .await?;
        let detail = serde_json::json!({"reference": reference, "aware_at": aware.map(|a| ms(a.at))});
        history(&mut tx, ctx, id, "create", detail).await?;
        audit::append(&mut tx, ctx, &[NewEntry::object("breach.create", "breach", id)]).await?;
        tx.commit().await
    }

    /// Replaces the record, appending the changed fields to the history.
    /// `aware` sets when the controller became aware if it was not set; a
    /// different moment once set is a conflict (correct it with a reason).
    pub async fn update_breach(
        &self,
        ctx: &Ctx,
        id: Uuid,
        b: &Breach,
        aware: Option<&Aware>,
    ) -> Result<(), StoreError> {
        let mut tx = self.pools.write.begin().await?;
        let old = lock(&mut tx, id).await?;
        check_recipients(&mut tx, b).await?;
        let mut entries = vec![NewEntry::object("breach.update", "breach", id)];
        if let Some(a) = aware {
            match &old.aware {
                Some(o) if ms(o.at) != ms(a.at) => {
                    return Err(StoreError::Conflict(
                        "aware at is locked once set: correct it with a reason (POST /breaches/{id}/aware-at)",
                    ))
                }
                Some(_) => {}
                None => {
                    tx.execute(
                        "UPDATE breaches SET aware_at = $2, aware_by = $3, aware_evidence = $4 WHERE id = $1",
                        &args![id, ms(a.at), a.by.map(|u| u.0), a.evidence.as_str()],
                    )
                    .await?;
                    history(
                        &mut tx,
                        ctx,
                        id,
                        "aware_set",
                        serde_json::json!({"aware_at": {"old": null, "new": ms(a.at)}}),
                    )
                    .await?;
                    entries.push(NewEntry::object("breach.aware_set", "breach", id));
                }
            }
        }
        let changes = diff(&old.breach, b);
        let now = now_ms();
        let closed_at = match (old.breach.status, b.status) {
            (_, BreachStatus::Open) => None,
            (BreachStatus::Closed, BreachStatus::Closed) => old.closed_at.map(ms),
            (BreachStatus::Open, BreachStatus::Closed) => Some(now),
        };
        tx.execute(
            "UPDATE breaches SET title = $2, body = $3, detected_at = $4, status = $5, closed_at = $6, updated_at = $7 \
             WHERE id = $1",
            &args![id, b.title.as_str(), body(b)?, b.detected_at.map(ms), b.status.as_str(), closed_at, now],
        )
        .await?;
        if changes.as_object().is_some_and(|m| !m.is_empty()) {
            history(&mut tx, ctx, id, "update", changes).await?;
        }
        audit::append(&mut tx, ctx, &entries).await?;
        tx.commit().await
    }

    /// Corrects when the controller became aware: needs it set before; the
    /// old value and the reason go to the history.
    pub async fn correct_aware_at(&self, ctx: &Ctx, id: Uuid, new: &Aware, reason: &str) -> Result<(), StoreError> {
        let mut tx = self.pools.write.begin().await?;
        let old = lock(&mut tx, id).await?;
        let Some(o) = old.aware else {
            return Err(StoreError::Conflict("aware at is not set yet: set it on the record"));
        };
        tx.execute(
            "UPDATE breaches SET aware_at = $2, aware_by = $3, aware_evidence = $4, updated_at = $5 WHERE id = $1",
            &args![id, ms(new.at), new.by.map(|u| u.0), new.evidence.as_str(), now_ms()],
        )
        .await?;
        let detail = serde_json::json!({
            "aware_at": {"old": ms(o.at), "new": ms(new.at)},
            "aware_evidence": {"old": o.evidence, "new": new.evidence},
            "aware_by": {"old": o.by.map(|u| u.0), "new": new.by.map(|u| u.0)},
            "reason": reason,
        });
        history(&mut tx, ctx, id, "aware_correct", detail).await?;
        audit::append(&mut tx, ctx, &[NewEntry::object("breach.aware_correct", "breach", id)]).await?;
        tx.commit().await
    }

    /// A breach's history, oldest first.
    pub async fn breach_history(&self, id: Uuid) -> Result<Vec<HistoryEntry>, StoreError> {
        let mut c = self.pools.read.conn().await?;
        let rows = c
            .fetch_all(
                "SELECT seq, at, actor, change, detail FROM breach_history WHERE breach_id = $1 ORDER BY seq",
                &args![id],
            )
            .await?;
        rows.iter()
            .map(|r| {
                Ok(HistoryEntry {
                    seq: r.get(0)?,
                    at: from_ms(r.get(1)?),
                    actor: r.get(2)?,
                    change: r.get(3)?,
                    detail: serde_json::from_str(&r.get::<String>(4)?)
                        .map_err(|_| StoreError::Corrupt("breach history"))?,
                })
            })
            .collect()
    }
}

pub use notices::{PeopleMailStatus, PersonToTell, StaffReader, SENT_AT_LEEWAY};

mod notices;
