//! Interactions with a contact: notes, calls, emails, meetings. The body is
//! personal data, sealed under the subject's key.

use crate::audit::{self, NewEntry};
use crate::db::{values_placeholders, Exec, Row, Value, MAX_PARAMS};
use crate::idempotency::{self, Claim};
use crate::vault::{Place, SubjectKey};
use crate::{args, from_ms, now_ms, Ctx, Store, StoreError};
use kith_domain::{InteractionId, InteractionKind, SubjectId, UserId};
use std::collections::HashMap;
use uuid::Uuid;

#[derive(Clone)]
pub struct Interaction {
    pub id: InteractionId,
    pub subject: SubjectId,
    pub kind: InteractionKind,
    pub occurred_at: time::OffsetDateTime,
    pub author: Option<UserId>,
    pub body: String,
    pub created_at: time::OffsetDateTime,
    pub updated_at: time::OffsetDateTime,
}

impl std::fmt::Debug for Interaction {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Interaction({}, subject {}, body <redacted>)", self.id, self.subject)
    }
}

#[derive(Clone)]
pub struct InteractionInput {
    pub id: InteractionId,
    pub subject: SubjectId,
    pub kind: InteractionKind,
    pub occurred_at: time::OffsetDateTime,
    pub author: Option<UserId>,
    pub body: String,
}

impl std::fmt::Debug for InteractionInput {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "InteractionInput({}, subject {})", self.id, self.subject)
    }
}

fn place(id: InteractionId, subject: SubjectId) -> Place<'static> {
    Place { table: "interactions", column: "sealed_body", row: id.0, subject }
}

const COLS: &str =
    "i.id, i.subject_id, i.kind, i.occurred_at, i.author_id, i.sealed_body, i.created_at, i.updated_at, k.wrapped";
const FROM: &str = "interactions i JOIN subject_keys k ON k.subject_id = i.subject_id";

impl Store {
    fn decode_interaction(&self, r: &Row, key: Option<&SubjectKey>) -> Result<Interaction, StoreError> {
        let id = InteractionId(r.get(0)?);
        let subject = SubjectId(r.get(1)?);
        let owned;
        let key = match key {
            Some(k) => k,
            None => {
                owned = self.vault.unwrap_key(subject, &r.get::<Vec<u8>>(8)?)?;
                &owned
            }
        };
        let body = key.open(&place(id, subject), &r.get::<Vec<u8>>(5)?)?;
        let kind: String = r.get(2)?;
        Ok(Interaction {
            id,
            subject,
            kind: InteractionKind::parse(&kind).ok_or(StoreError::Corrupt("interaction kind"))?,
            occurred_at: from_ms(r.get(3)?),
            author: r.get::<Option<Uuid>>(4)?.map(UserId),
            body: String::from_utf8(body).map_err(|_| StoreError::Corrupt("interaction body"))?,
            created_at: from_ms(r.get(6)?),
            updated_at: from_ms(r.get(7)?),
        })
    }

    /// Records interactions (possibly about many subjects) in one transaction.
    pub async fn insert_interactions(
        &self,
        ctx: &Ctx,
        items: &[InteractionInput],
        claim: Option<&Claim>,
    ) -> Result<(), StoreError> {
        let mut tx = self.pools.write.begin().await?;
        if let Some(claim) = claim {
            idempotency::claim(&mut tx, claim, "interaction", items[0].id.0).await?;
        }
        // One key fetch for all the subjects of the batch.
        let mut subjects: Vec<Uuid> = items.iter().map(|i| i.subject.0).collect();
        subjects.sort_unstable();
        subjects.dedup();
        // Locked (as every writer about a person does), then checked for a
        // restriction placed a moment before.
        if crate::contacts::lock_contacts(&mut tx, &subjects, crate::contacts::Lock::Write).await?.len()
            != subjects.len()
        {
            return Err(StoreError::MissingRef("contact_id"));
        }
        crate::rights::refuse_restricted(&mut tx, &subjects).await?;
        let mut keys: HashMap<Uuid, SubjectKey> = HashMap::new();
        for chunk in subjects.chunks(MAX_PARAMS) {
            let sql = format!(
                "SELECT subject_id, wrapped FROM subject_keys WHERE subject_id IN ({})",
                crate::db::list_placeholders(tx.engine(), chunk.len())
            );
            let vals: Vec<Value> = chunk.iter().map(|u| Value::Uuid(*u)).collect();
            for r in tx.fetch_all(&sql, &vals).await? {
                let s: Uuid = r.get(0)?;
                keys.insert(s, self.vault.unwrap_key(SubjectId(s), &r.get::<Vec<u8>>(1)?)?);
            }
        }
        if keys.len() != subjects.len() {
            return Err(StoreError::MissingRef("contact_id"));
        }
        crate::contacts::check_refs(&mut tx, items.iter().filter_map(|i| i.author), []).await?;
        let now = now_ms();
        for chunk in items.chunks(MAX_PARAMS / 8) {
            let sql = format!(
                "INSERT INTO interactions (id, subject_id, kind, occurred_at, author_id, sealed_body, created_at, updated_at) VALUES {}",
                values_placeholders(tx.engine(), chunk.len(), 8)
            );
            let mut vals = Vec::with_capacity(chunk.len() * 8);
            for i in chunk {
                let sealed = keys[&i.subject.0].seal(&place(i.id, i.subject), i.body.as_bytes());
                vals.extend(args![
                    i.id.0,
                    i.subject.0,
                    i.kind.as_str(),
                    crate::to_ms(i.occurred_at),
                    i.author.map(|a| a.0),
                    sealed,
                    now,
                    now
                ]);
            }
            tx.execute(&sql, &vals).await?;
        }
        let audit: Vec<NewEntry> = items
            .iter()
            .map(|i| NewEntry {
                action: "interaction.create",
                subject: Some(i.subject),
                object_type: "interaction",
                object_id: Some(i.id.to_string()),
            })
            .collect();
        audit::append(&mut tx, ctx, &audit).await?;
        tx.commit().await
    }

    pub async fn get_interaction(&self, id: InteractionId) -> Result<Option<Interaction>, StoreError> {
        let sql = format!("SELECT {COLS} FROM {FROM} WHERE i.id = $1");
        let row = self.pools.read.conn().await?.fetch_optional(&sql, &args![id.0]).await?;
        row.map(|r| self.decode_interaction(&r, None)).transpose()
    }

    /// A subject's interactions, newest first, before the given (time, id).
    pub async fn list_interactions(
        &self,
        subject: SubjectId,
        before: Option<(i64, Uuid)>,
        limit: i64,
    ) -> Result<Vec<Interaction>, StoreError> {
        let mut sql = format!("SELECT {COLS} FROM {FROM} WHERE i.subject_id = $1");
        let mut vals = args![subject.0].to_vec();
        if let Some((t, id)) = before {
            vals.push(t.into());
            vals.push(id.into());
            sql.push_str(" AND (i.occurred_at, i.id) < ($2, $3)");
        }
        vals.push(limit.into());
        sql.push_str(&format!(" ORDER BY i.occurred_at DESC, i.id DESC LIMIT ${}", vals.len()));
        let rows = self.pools.read.conn().await?.fetch_all(&sql, &vals).await?;
        let mut key: Option<SubjectKey> = None;
        let mut out = Vec::with_capacity(rows.len());
        for r in &rows {
            if key.is_none() {
                key = Some(self.vault.unwrap_key(subject, &r.get::<Vec<u8>>(8)?)?);
            }
            out.push(self.decode_interaction(r, key.as_ref())?);
        }
        Ok(out)
    }

    pub async fn update_interaction(&self, ctx: &Ctx, i: &InteractionInput) -> Result<(), StoreError> {
        self.modify_interaction(ctx, i.subject, i.id, |_| Ok::<_, StoreError>(i.clone())).await
    }

    /// Read-modify-write of one interaction of `subject` in one transaction,
    /// the row locked first, so concurrent changes apply in turn.
    pub async fn modify_interaction<E, F>(
        &self,
        ctx: &Ctx,
        subject: SubjectId,
        id: InteractionId,
        change: F,
    ) -> Result<(), E>
    where
        E: From<StoreError>,
        F: FnOnce(Interaction) -> Result<InteractionInput, E>,
    {
        let mut tx = self.pools.write.begin().await?;
        let n = tx
            .execute(
                "UPDATE interactions SET updated_at = updated_at WHERE id = $1 AND subject_id = $2",
                &args![id.0, subject.0],
            )
            .await?;
        if n == 0 {
            return Err(StoreError::NotFound.into());
        }
        let sql = format!("SELECT {COLS} FROM {FROM} WHERE i.id = $1");
        let row = tx.fetch_optional(&sql, &args![id.0]).await?.ok_or(StoreError::NotFound)?;
        let key = self.vault.unwrap_key(subject, &row.get::<Vec<u8>>(8)?)?;
        let i = change(self.decode_interaction(&row, Some(&key))?)?;
        if i.id != id || i.subject != subject {
            return Err(StoreError::Corrupt("a change must keep the interaction's id and subject").into());
        }
        let sealed = key.seal(&place(i.id, i.subject), i.body.as_bytes());
        tx.execute(
            "UPDATE interactions SET kind = $1, occurred_at = $2, sealed_body = $3, updated_at = $4 WHERE id = $5",
            &args![i.kind.as_str(), crate::to_ms(i.occurred_at), sealed, now_ms(), i.id.0],
        )
        .await?;
        audit::append(
            &mut tx,
            ctx,
            &[NewEntry {
                action: "interaction.update",
                subject: Some(i.subject),
                object_type: "interaction",
                object_id: Some(i.id.to_string()),
            }],
        )
        .await?;
        Ok(tx.commit().await?)
    }

    pub async fn delete_interaction(&self, ctx: &Ctx, id: InteractionId) -> Result<(), StoreError> {
        let mut tx = self.pools.write.begin().await?;
        let subject: Uuid = tx
            .fetch_optional("SELECT subject_id FROM interactions WHERE id = $1", &args![id.0])
            .await?
            .ok_or(StoreError::NotFound)?
            .get(0)?;
        tx.execute("DELETE FROM interactions WHERE id = $1", &args![id.0]).await?;
        audit::append(
            &mut tx,
            ctx,
            &[NewEntry {
                action: "interaction.delete",
                subject: Some(SubjectId(subject)),
                object_type: "interaction",
                object_id: Some(id.to_string()),
            }],
        )
        .await?;
        tx.commit().await?;
        self.scrub_after_erasure().await;
        Ok(())
    }
}
