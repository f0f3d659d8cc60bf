//! The register of data-subject requests and their steps. Notes are sealed
//! under the person's key; the rest holds no personal data, so the register
//! survives an erasure as the controller's proof of handling it.

use crate::audit::{self, NewEntry};
use crate::db::{Exec, Row, Tx};
use crate::mail::{self, NewMail};
use crate::vault::Place;
use crate::{args, from_ms, now_ms, to_ms, Ctx, Store, StoreError};
use kith_domain::dsr::{DsrChannel, DsrKind, DsrStatus};
use kith_domain::{SubjectId, UserId};
use std::collections::BTreeSet;
use uuid::Uuid;

#[derive(Clone, Debug)]
pub struct Dsr {
    pub id: Uuid,
    pub subject: SubjectId,
    pub kind: DsrKind,
    pub channel: DsrChannel,
    pub received_at: time::OffsetDateTime,
    pub status: DsrStatus,
    /// `unverified`, `verified` or `not_needed`.
    pub verified: String,
    pub verification_method: Option<String>,
    pub extension_months: u8,
    pub extension_reason: Option<String>,
    pub assigned_to: Option<UserId>,
    /// The rejection reason or what was done (no personal data).
    pub outcome: Option<String>,
    pub created_at: time::OffsetDateTime,
    pub updated_at: time::OffsetDateTime,
}

#[derive(Clone, Debug)]
pub struct Step {
    pub at: time::OffsetDateTime,
    pub actor: Option<UserId>,
    /// `received`, `status`, `verified`, `extended`, `assigned`, `note`, `performed`…
    pub action: String,
    pub status: Option<DsrStatus>,
    /// `None` if there was none, or the person's key is gone.
    pub note: Option<String>,
}

/// A change to a request, written with its step in one transaction.
#[derive(Clone, Debug, Default)]
pub struct Change {
    pub status: Option<DsrStatus>,
    pub verified: Option<(String, Option<String>)>,
    pub extension: Option<(u8, String)>,
    pub assigned_to: Option<Option<UserId>>,
    pub outcome: Option<String>,
    pub action: &'static str,
    pub note: Option<String>,
    pub actor: Option<UserId>,
    /// Mail to the person (a confirmation, an extension notice).
    pub mail: Option<NewMail>,
}

const COLS: &str =
    "id, subject_id, kind, channel, received_at, status, verified, verification_method, extension_months, \
                    extension_reason, assigned_to, outcome, created_at, updated_at";

fn decode(r: &Row) -> Result<Dsr, StoreError> {
    let (kind, channel, status): (String, String, String) = (r.get(2)?, r.get(3)?, r.get(5)?);
    Ok(Dsr {
        id: r.get(0)?,
        subject: SubjectId(r.get(1)?),
        kind: DsrKind::parse(&kind).ok_or(StoreError::Corrupt("dsr kind"))?,
        channel: DsrChannel::parse(&channel).ok_or(StoreError::Corrupt("dsr channel"))?,
        received_at: from_ms(r.get(4)?),
        status: DsrStatus::parse(&status).ok_or(StoreError::Corrupt("dsr status"))?,
        verified: r.get(6)?,
        verification_method: r.get(7)?,
        extension_months: r.get::<i64>(8)?.clamp(0, 2) as u8,
        extension_reason: r.get(9)?,
        assigned_to: r.get::<Option<Uuid>>(10)?.map(UserId),
        outcome: r.get(11)?,
        created_at: from_ms(r.get(12)?),
        updated_at: from_ms(r.get(13)?),
    })
}

fn place(step: Uuid, subject: SubjectId) -> Place<'static> {
    Place { table: "dsr_steps", column: "sealed_note", row: step, subject }
}

impl Store {
    async fn add_step(
        &self,
        tx: &mut Tx,
        d: &Dsr,
        action: &str,
        status: Option<DsrStatus>,
        note: Option<&str>,
        actor: Option<UserId>,
    ) -> Result<(), StoreError> {
        let id = Uuid::now_v7();
        let sealed = match note {
            Some(n) => {
                let key = crate::keys::subject_keys(self, tx, &BTreeSet::from([d.subject.0])).await?;
                Some(key[&d.subject.0].seal(&place(id, d.subject), n.as_bytes()))
            }
            None => None,
        };
        tx.execute(
            "INSERT INTO dsr_steps (id, request_id, at, actor_user, action, status, sealed_note) VALUES ($1, $2, $3, $4, $5, $6, $7)",
            &args![id, d.id, now_ms(), actor.map(|u| u.0), action, status.map(|s| s.as_str().to_owned()), sealed],
        )
        .await?;
        Ok(())
    }

    /// Registers a request (the contact must exist) with its first step.
    pub async fn insert_dsr(
        &self,
        ctx: &Ctx,
        d: &Dsr,
        note: Option<&str>,
        actor: Option<UserId>,
    ) -> Result<(), StoreError> {
        let mut tx = self.pools.write.begin().await?;
        let n = tx.execute("UPDATE contacts SET updated_at = updated_at WHERE id = $1", &args![d.subject.0]).await?;
        if n == 0 {
            return Err(StoreError::NotFound);
        }
        tx.execute(
            &format!("INSERT INTO dsr_requests ({COLS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13)"),
            &args![
                d.id,
                d.subject.0,
                d.kind.as_str(),
                d.channel.as_str(),
                to_ms(d.received_at),
                d.status.as_str(),
                d.verified.as_str(),
                d.verification_method.clone(),
                i64::from(d.extension_months),
                d.extension_reason.clone(),
                d.assigned_to.map(|u| u.0),
                d.outcome.clone(),
                now_ms()
            ],
        )
        .await?;
        self.add_step(&mut tx, d, "received", Some(d.status), note, actor).await?;
        audit::append(
            &mut tx,
            ctx,
            &[NewEntry {
                action: "dsr.create",
                subject: Some(d.subject),
                object_type: "dsr",
                object_id: Some(d.id.to_string()),
            }],
        )
        .await?;
        tx.commit().await
    }

    /// Applies `change` under a row lock; `check` sees the request as it is
    /// and may refuse. Returns the request as changed.
    pub async fn change_dsr<E, F>(&self, ctx: &Ctx, id: Uuid, change: Change, check: F) -> Result<Dsr, E>
    where
        E: From<StoreError>,
        F: FnOnce(&Dsr) -> Result<(), E>,
    {
        let mut tx = self.pools.write.begin().await?;
        let n = tx.execute("UPDATE dsr_requests SET updated_at = updated_at WHERE id = $1", &args![id]).await?;
        if n == 0 {
            return Err(StoreError::NotFound.into());
        }
        let sql = format!("SELECT {COLS} FROM dsr_requests WHERE id = $1");
        let mut d = decode(&tx.fetch_optional(&sql, &args![id]).await?.ok_or(StoreError::NotFound)?)?;
        check(&d)?;
        if let Some(s) = change.status {
            d.status = s;
        }
        if let Some((v, m)) = change.verified.clone() {
            d.verified = v;
            d.verification_method = m;
        }
        if let Some((months, reason)) = change.extension.clone() {
            d.extension_months = months;
            d.extension_reason = Some(reason);
        }
        if let Some(a) = change.assigned_to {
            d.assigned_to = a;
        }
        if change.outcome.is_some() {
            d.outcome = change.outcome.clone();
        }
        tx.execute(
            "UPDATE dsr_requests SET status = $1, verified = $2, verification_method = $3, extension_months = $4, \
             extension_reason = $5, assigned_to = $6, outcome = $7, updated_at = $8 WHERE id = $9",
            &args![
                d.status.as_str(),
                d.verified.as_str(),
                d.verification_method.clone(),
                i64::from(d.extension_months),
                d.extension_reason.clone(),
                d.assigned_to.map(|u| u.0),
                d.outcome.clone(),
                now_ms(),
                id
            ],
        )
        .await?;
        self.add_step(&mut tx, &d, change.action, change.status, change.note.as_deref(), change.actor).await?;
        if let Some(m) = &change.mail {
            let keys = crate::keys::subject_keys(self, &mut tx, &BTreeSet::from([d.subject.0])).await?;
            mail::enqueue(&mut tx, &keys, std::slice::from_ref(m)).await?;
        }
        let entry = NewEntry {
            action: "dsr.change",
            subject: Some(d.subject),
            object_type: "dsr",
            object_id: Some(id.to_string()),
        };
        audit::append(&mut tx, ctx, &[entry]).await?;
        tx.commit().await?;
        Ok(d)
    }

    pub async fn get_dsr(&self, id: Uuid) -> Result<Option<Dsr>, StoreError> {
        let sql = format!("SELECT {COLS} FROM dsr_requests WHERE id = $1");
        self.pools.read.conn().await?.fetch_optional(&sql, &args![id]).await?.as_ref().map(decode).transpose()
    }

    /// Requests not yet final (the queue), oldest first.
    pub async fn open_dsrs(&self) -> Result<Vec<Dsr>, StoreError> {
        let sql = format!(
            "SELECT {COLS} FROM dsr_requests WHERE status NOT IN ('completed', 'rejected', 'withdrawn') ORDER BY received_at LIMIT 5000"
        );
        self.pools.read.conn().await?.fetch_all(&sql, &[]).await?.iter().map(decode).collect()
    }

    /// Every request about one person, newest first.
    pub async fn dsrs_of(&self, subject: SubjectId) -> Result<Vec<Dsr>, StoreError> {
        let sql = format!("SELECT {COLS} FROM dsr_requests WHERE subject_id = $1 ORDER BY received_at DESC");
        self.pools.read.conn().await?.fetch_all(&sql, &args![subject.0]).await?.iter().map(decode).collect()
    }

    /// A request's steps, oldest first, notes opened while the key exists.
    pub async fn dsr_steps(&self, d: &Dsr) -> Result<Vec<Step>, StoreError> {
        let mut c = self.pools.read.conn().await?;
        let key = match c
            .fetch_optional("SELECT wrapped FROM subject_keys WHERE subject_id = $1", &args![d.subject.0])
            .await?
        {
            Some(r) => Some(self.vault.unwrap_key(d.subject, &r.get::<Vec<u8>>(0)?)?),
            None => None,
        };
        let rows = c
            .fetch_all(
                "SELECT id, at, actor_user, action, status, sealed_note FROM dsr_steps WHERE request_id = $1 ORDER BY at, id",
                &args![d.id],
            )
            .await?;
        rows.iter()
            .map(|r| {
                let id: Uuid = r.get(0)?;
                let status: Option<String> = r.get(4)?;
                let sealed: Option<Vec<u8>> = r.get(5)?;
                let note = match (sealed, &key) {
                    (Some(s), Some(k)) => Some(
                        String::from_utf8(k.open(&place(id, d.subject), &s)?)
                            .map_err(|_| StoreError::Corrupt("dsr note"))?,
                    ),
                    _ => None,
                };
                Ok(Step {
                    at: from_ms(r.get(1)?),
                    actor: r.get::<Option<Uuid>>(2)?.map(UserId),
                    action: r.get(3)?,
                    status: status.as_deref().and_then(DsrStatus::parse),
                    note,
                })
            })
            .collect()
    }

    /// The status changes of requests, for their clocks: (request, time, status), in time order.
    pub async fn dsr_status_changes(
        &self,
        ids: &[Uuid],
    ) -> Result<Vec<(Uuid, time::OffsetDateTime, DsrStatus)>, StoreError> {
        let mut out = Vec::new();
        let mut c = self.pools.read.conn().await?;
        for chunk in ids.chunks(crate::db::MAX_PARAMS) {
            let sql = format!(
                "SELECT request_id, at, status FROM dsr_steps WHERE status IS NOT NULL AND request_id IN ({}) ORDER BY at, id",
                crate::db::list_placeholders(c.engine(), chunk.len())
            );
            let vals: Vec<crate::db::Value> = chunk.iter().map(|u| crate::db::Value::Uuid(*u)).collect();
            for r in c.fetch_all(&sql, &vals).await? {
                let s: String = r.get(2)?;
                if let Some(s) = DsrStatus::parse(&s) {
                    out.push((r.get(0)?, from_ms(r.get(1)?), s));
                }
            }
        }
        Ok(out)
    }
}
