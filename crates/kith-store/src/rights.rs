//! Restriction (Art. 18) and objection (Art. 21) per person: facts the
//! permission check and every write path consult.

use crate::audit::{self, NewEntry};
use crate::db::{list_placeholders, Exec, Value, MAX_PARAMS};
use crate::{args, from_ms, now_ms, Ctx, Store, StoreError};
use kith_domain::{ObjectionDecision, PurposeId, SubjectId, UserId};
use uuid::Uuid;

#[derive(Clone, Debug)]
pub struct Objection {
    pub purpose: PurposeId,
    pub at: time::OffsetDateTime,
    pub decision: ObjectionDecision,
    pub decided_at: Option<time::OffsetDateTime>,
    pub decided_by: Option<UserId>,
}

/// Refuses (with [`StoreError::Restricted`]) when any of `ids` is
/// restricted. Called inside the writing transaction after the contacts
/// were locked: a restriction takes the same lock (`set_restriction`), so
/// one placed a moment before the write is seen, and none can be placed
/// while the write is under way. The one place every write path checks.
pub(crate) async fn refuse_restricted(tx: &mut crate::db::Tx, ids: &[Uuid]) -> Result<(), StoreError> {
    let rows = crate::db::fetch_in(tx, "SELECT subject_id FROM restrictions WHERE subject_id IN ({in})", ids).await?;
    if rows.is_empty() {
        Ok(())
    } else {
        Err(StoreError::Restricted)
    }
}

impl Store {
    /// Restricts a person (`on`) or lifts the restriction; returns whether
    /// anything changed. Audited either way it changes.
    pub async fn set_restriction(
        &self,
        ctx: &Ctx,
        subject: SubjectId,
        on: bool,
        by: Option<UserId>,
    ) -> Result<bool, StoreError> {
        let mut tx = self.pools.write.begin().await?;
        let n = tx.execute("UPDATE contacts SET updated_at = updated_at WHERE id = $1", &args![subject.0]).await?;
        if n == 0 {
            return Err(StoreError::NotFound);
        }
        let changed = if on {
            tx.execute(
                "INSERT INTO restrictions (subject_id, since, set_by) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
                &args![subject.0, now_ms(), by.map(|u| u.0)],
            )
            .await?
        } else {
            tx.execute("DELETE FROM restrictions WHERE subject_id = $1", &args![subject.0]).await?
        };
        if changed > 0 {
            crate::permissions::refresh(&mut tx, &[subject.0]).await?;
            let action = if on { "restriction.set" } else { "restriction.lift" };
            audit::append(&mut tx, ctx, &[NewEntry::subject(action, subject)]).await?;
        }
        tx.commit().await?;
        Ok(changed > 0)
    }

    /// Since when the person is restricted, if they are.
    pub async fn restricted_since(&self, subject: SubjectId) -> Result<Option<time::OffsetDateTime>, StoreError> {
        let r = self
            .pools
            .read
            .conn()
            .await?
            .fetch_optional("SELECT since FROM restrictions WHERE subject_id = $1", &args![subject.0])
            .await?;
        r.map(|r| r.get::<i64>(0).map(from_ms)).transpose()
    }

    /// How many of `subjects` are restricted.
    pub async fn count_restricted(&self, subjects: &[SubjectId]) -> Result<i64, StoreError> {
        let mut c = self.pools.read.conn().await?;
        let mut n = 0;
        for chunk in subjects.chunks(MAX_PARAMS) {
            let sql = format!(
                "SELECT COUNT(*) FROM restrictions WHERE subject_id IN ({})",
                list_placeholders(c.engine(), chunk.len())
            );
            let vals: Vec<Value> = chunk.iter().map(|s| Value::Uuid(s.0)).collect();
            n += c.fetch_optional(&sql, &vals).await?.ok_or(StoreError::NotFound)?.get::<i64>(0)?;
        }
        Ok(n)
    }

    /// Records an objection, or the operator's decision on it.
    pub async fn set_objection(
        &self,
        ctx: &Ctx,
        subject: SubjectId,
        purpose: PurposeId,
        decision: ObjectionDecision,
        by: Option<UserId>,
    ) -> Result<(), StoreError> {
        let mut tx = self.pools.write.begin().await?;
        let n = tx.execute("UPDATE contacts SET updated_at = updated_at WHERE id = $1", &args![subject.0]).await?;
        if n == 0 {
            return Err(StoreError::NotFound);
        }
        let now = now_ms();
        let decided = (decision != ObjectionDecision::Pending).then_some(now);
        tx.execute(
            "INSERT INTO objections (subject_id, purpose_id, at, decision, decided_at, decided_by) VALUES ($1, $2, $3, $4, $5, $6) \
             ON CONFLICT (subject_id, purpose_id) DO UPDATE SET decision = excluded.decision, decided_at = excluded.decided_at, \
             decided_by = excluded.decided_by",
            &args![subject.0, purpose.0, now, decision.as_str(), decided, by.map(|u| u.0)],
        )
        .await?;
        crate::permissions::refresh(&mut tx, &[subject.0]).await?;
        let entry = NewEntry {
            action: "objection.record",
            subject: Some(subject),
            object_type: "purpose",
            object_id: Some(purpose.to_string()),
        };
        audit::append(&mut tx, ctx, &[entry]).await?;
        tx.commit().await
    }

    pub async fn objections_of(&self, subject: SubjectId) -> Result<Vec<Objection>, StoreError> {
        let rows = self
            .pools
            .read
            .conn()
            .await?
            .fetch_all(
                "SELECT purpose_id, at, decision, decided_at, decided_by FROM objections WHERE subject_id = $1",
                &args![subject.0],
            )
            .await?;
        rows.iter()
            .map(|r| {
                let d: String = r.get(2)?;
                Ok(Objection {
                    purpose: PurposeId(r.get(0)?),
                    at: from_ms(r.get(1)?),
                    decision: ObjectionDecision::parse(&d).ok_or(StoreError::Corrupt("objection decision"))?,
                    decided_at: r.get::<Option<i64>>(3)?.map(from_ms),
                    decided_by: r.get::<Option<Uuid>>(4)?.map(UserId),
                })
            })
            .collect()
    }
}
