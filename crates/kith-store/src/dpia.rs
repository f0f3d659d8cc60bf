//! Data-protection impact assessments (Art. 35–36) with their purposes and
//! sign-off, and the DPO's screening decisions per purpose. Nothing here
//! is about a data subject.

use crate::audit::{self, NewEntry};
use crate::db::{Exec, Tx};
use crate::{args, now_ms, Ctx, Store, StoreError};
use kith_domain::dpia::screening::Decision;
use kith_domain::dpia::Dpia;
use kith_domain::ropa::Activity;
use kith_domain::{PurposeId, UserId};
use uuid::Uuid;

/// Who signed an assessment off, when, and what the register said then.
#[derive(Clone, Debug)]
pub struct SignOff {
    pub by: Option<UserId>,
    pub at: time::OffsetDateTime,
    /// The register version it was made against.
    pub register_version: i64,
    /// The activities of its purposes in that version.
    pub activities: Vec<Activity>,
}

/// An assessment as stored.
#[derive(Clone, Debug)]
pub struct StoredDpia {
    pub id: Uuid,
    pub dpia: Dpia,
    pub sign_off: Option<SignOff>,
    pub created_at: time::OffsetDateTime,
    pub updated_at: time::OffsetDateTime,
}

/// A screening decision as stored.
#[derive(Clone, Debug)]
pub struct StoredDecision {
    pub purpose_id: PurposeId,
    pub decision: Decision,
    pub decided_by: Option<UserId>,
    pub decided_at: time::OffsetDateTime,
}

/// The body column: the record without its purposes (they are links).
fn body(d: &Dpia) -> Result<String, StoreError> {
    let mut d = d.clone();
    d.purposes = Vec::new();
    serde_json::to_string(&d).map_err(|_| StoreError::Corrupt("dpia body"))
}

impl Store {
    /// Every assessment, newest first.
    pub async fn dpias(&self) -> Result<Vec<StoredDpia>, StoreError> {
        let mut c = self.pools.read.conn().await?;
        let rows = c
            .fetch_all(
                "SELECT id, body, signed_off_by, signed_off_at, register_version, signed_activities, created_at, \
                 updated_at FROM dpias ORDER BY created_at DESC, id DESC",
                &[],
            )
            .await?;
        let links = c.fetch_all("SELECT dpia_id, purpose_id FROM dpia_purposes", &[]).await?;
        let mut out = Vec::with_capacity(rows.len());
        for r in &rows {
            let id: Uuid = r.get(0)?;
            let mut dpia: Dpia =
                serde_json::from_str(&r.get::<String>(1)?).map_err(|_| StoreError::Corrupt("dpia body"))?;
            dpia.purposes = Vec::new();
            for l in &links {
                if l.get::<Uuid>(0)? == id {
                    dpia.purposes.push(PurposeId(l.get(1)?));
                }
            }
            dpia.purposes.sort();
            let sign_off = match (r.get::<Option<i64>>(3)?, r.get::<Option<i64>>(4)?) {
                (Some(at), Some(version)) => {
                    let acts: String = r.get::<Option<String>>(5)?.unwrap_or_else(|| "[]".into());
                    Some(SignOff {
                        by: r.get::<Option<Uuid>>(2)?.map(UserId),
                        at: crate::from_ms(at),
                        register_version: version,
                        activities: serde_json::from_str(&acts)
                            .map_err(|_| StoreError::Corrupt("dpia signed activities"))?,
                    })
                }
                _ => None,
            };
            out.push(StoredDpia {
                id,
                dpia,
                sign_off,
                created_at: crate::from_ms(r.get(6)?),
                updated_at: crate::from_ms(r.get(7)?),
            });
        }
        Ok(out)
    }

    pub async fn dpia(&self, id: Uuid) -> Result<Option<StoredDpia>, StoreError> {
        Ok(self.dpias().await?.into_iter().find(|d| d.id == id))
    }

    /// Records a new assessment (checked by the caller) with its purposes.
    pub async fn insert_dpia(&self, ctx: &Ctx, id: Uuid, d: &Dpia) -> Result<(), StoreError> {
        let mut tx = self.pools.write.begin().await?;
        check_purposes(&mut tx, &d.purposes).await?;
        let now = now_ms();
        tx.execute(
            "INSERT INTO dpias (id, title, body, created_at, updated_at) VALUES ($1, $2, $3, $4, $4)",
            &args![id, d.title.as_str(), body(d)?, now],
        )
        .await?;
        link_purposes(&mut tx, id, &d.purposes).await?;
        audit::append(&mut tx, ctx, &[NewEntry::object("dpia.create", "dpia", id)]).await?;
        tx.commit().await
    }

    /// Replaces an assessment. When what was assessed changed (not just
    /// the follow-up: measures' progress, consultation, next review) its
    /// sign-off is withdrawn, in the same transaction; returns whether it was.
    pub async fn update_dpia(&self, ctx: &Ctx, id: Uuid, d: &Dpia) -> Result<bool, StoreError> {
        let mut tx = self.pools.write.begin().await?;
        if tx.execute("UPDATE dpias SET updated_at = updated_at WHERE id = $1", &args![id]).await? == 0 {
            return Err(StoreError::NotFound);
        }
        check_purposes(&mut tx, &d.purposes).await?;
        let row = tx
            .fetch_optional("SELECT body, signed_off_at FROM dpias WHERE id = $1", &args![id])
            .await?
            .ok_or(StoreError::NotFound)?;
        let mut old: Dpia =
            serde_json::from_str(&row.get::<String>(0)?).map_err(|_| StoreError::Corrupt("dpia body"))?;
        let mut purposes: Vec<PurposeId> = Vec::new();
        for l in tx.fetch_all("SELECT purpose_id FROM dpia_purposes WHERE dpia_id = $1", &args![id]).await? {
            purposes.push(PurposeId(l.get(0)?));
        }
        purposes.sort();
        old.purposes = purposes;
        let withdraw = row.get::<Option<i64>>(1)?.is_some() && old.assessment_differs(d);
        tx.execute(
            "UPDATE dpias SET title = $2, body = $3, updated_at = $4 WHERE id = $1",
            &args![id, d.title.as_str(), body(d)?, now_ms()],
        )
        .await?;
        tx.execute("DELETE FROM dpia_purposes WHERE dpia_id = $1", &args![id]).await?;
        link_purposes(&mut tx, id, &d.purposes).await?;
        let mut entries = vec![NewEntry::object("dpia.update", "dpia", id)];
        if withdraw {
            tx.execute(
                "UPDATE dpias SET signed_off_by = NULL, signed_off_at = NULL, register_version = NULL, \
                 signed_activities = NULL WHERE id = $1",
                &args![id],
            )
            .await?;
            entries.push(NewEntry::object("dpia.sign_off_withdrawn", "dpia", id));
        }
        audit::append(&mut tx, ctx, &entries).await?;
        tx.commit().await?;
        Ok(withdraw)
    }

    /// Signs an assessment off against a register version, pinning the
    /// activities of its purposes then. `expect` is the body the caller
    /// checked as ready: a change made meanwhile is a conflict.
    pub async fn sign_off_dpia(
        &self,
        ctx: &Ctx,
        id: Uuid,
        expect: &Dpia,
        by: Option<UserId>,
        version: i64,
        activities: &[Activity],
    ) -> Result<(), StoreError> {
        let acts = serde_json::to_string(activities).map_err(|_| StoreError::Corrupt("dpia signed activities"))?;
        let mut tx = self.pools.write.begin().await?;
        if tx.execute("UPDATE dpias SET updated_at = updated_at WHERE id = $1", &args![id]).await? == 0 {
            return Err(StoreError::NotFound);
        }
        let row =
            tx.fetch_optional("SELECT body FROM dpias WHERE id = $1", &args![id]).await?.ok_or(StoreError::NotFound)?;
        let mut linked = Vec::new();
        for l in tx.fetch_all("SELECT purpose_id FROM dpia_purposes WHERE dpia_id = $1", &args![id]).await? {
            linked.push(l.get::<Uuid>(0)?);
        }
        linked.sort();
        let mut expected: Vec<Uuid> = expect.purposes.iter().map(|p| p.0).collect();
        expected.sort();
        if row.get::<String>(0)? != body(expect)? || linked != expected {
            return Err(StoreError::Conflict("the assessment changed meanwhile; read it again before signing off"));
        }
        tx.execute(
            "UPDATE dpias SET signed_off_by = $2, signed_off_at = $3, register_version = $4, signed_activities = $5 \
             WHERE id = $1",
            &args![id, by.map(|u| u.0), now_ms(), version, acts],
        )
        .await?;
        audit::append(&mut tx, ctx, &[NewEntry::object("dpia.sign_off", "dpia", id)]).await?;
        tx.commit().await
    }

    /// Every screening decision.
    pub async fn screening_decisions(&self) -> Result<Vec<StoredDecision>, StoreError> {
        let rows = self
            .pools
            .read
            .conn()
            .await?
            .fetch_all("SELECT purpose_id, body, decided_by, decided_at FROM screening_decisions", &[])
            .await?;
        rows.iter()
            .map(|r| {
                Ok(StoredDecision {
                    purpose_id: PurposeId(r.get(0)?),
                    decision: serde_json::from_str(&r.get::<String>(1)?)
                        .map_err(|_| StoreError::Corrupt("screening decision"))?,
                    decided_by: r.get::<Option<Uuid>>(2)?.map(UserId),
                    decided_at: crate::from_ms(r.get(3)?),
                })
            })
            .collect()
    }

    /// Records (or replaces) the DPO's decision about a purpose.
    pub async fn set_screening_decision(
        &self,
        ctx: &Ctx,
        purpose: PurposeId,
        d: &Decision,
        by: Option<UserId>,
    ) -> Result<(), StoreError> {
        let body = serde_json::to_string(d).map_err(|_| StoreError::Corrupt("screening decision"))?;
        let mut tx = self.pools.write.begin().await?;
        check_purposes(&mut tx, &[purpose]).await?;
        tx.execute(
            "INSERT INTO screening_decisions (purpose_id, required, body, decided_by, decided_at) \
             VALUES ($1, $2, $3, $4, $5) ON CONFLICT (purpose_id) DO UPDATE SET required = excluded.required, \
             body = excluded.body, decided_by = excluded.decided_by, decided_at = excluded.decided_at",
            &args![purpose.0, d.required, body, by.map(|u| u.0), now_ms()],
        )
        .await?;
        audit::append(&mut tx, ctx, &[NewEntry::object("dpia.screening_decision", "purpose", purpose.0)]).await?;
        tx.commit().await
    }

    /// Imports that wrote to the CRM among those kept (not dry runs), and
    /// how many records they matched with existing contacts.
    pub async fn import_activity(&self) -> Result<(i64, i64), StoreError> {
        let r = self
            .pools
            .read
            .conn()
            .await?
            .fetch_optional(
                "SELECT COUNT(*), CAST(COALESCE(SUM(updated), 0) AS BIGINT) FROM import_runs \
                 WHERE dry_run = FALSE AND finished_at IS NOT NULL AND created + updated > 0",
                &[],
            )
            .await?
            .ok_or(StoreError::NotFound)?;
        Ok((r.get(0)?, r.get(1)?))
    }
}

async fn check_purposes(tx: &mut Tx, purposes: &[PurposeId]) -> Result<(), StoreError> {
    for p in purposes {
        if tx.fetch_optional("SELECT id FROM purposes WHERE id = $1", &args![p.0]).await?.is_none() {
            return Err(StoreError::MissingRef("purposes"));
        }
    }
    Ok(())
}

async fn link_purposes(tx: &mut Tx, id: Uuid, purposes: &[PurposeId]) -> Result<(), StoreError> {
    for p in purposes {
        tx.execute(
            "INSERT INTO dpia_purposes (dpia_id, purpose_id) VALUES ($1, $2) ON CONFLICT DO NOTHING",
            &args![id, p.0],
        )
        .await?;
    }
    Ok(())
}
