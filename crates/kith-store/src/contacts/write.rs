//! Writing contacts: sealed and indexed, created in batches, changed
//! one at a time under the row's lock with the change's details audited.

use super::index::{dedup_tags, index_buckets, insert_email_keys, insert_index, insert_tags};
use super::policy_gate::{changed_fields, policy_gate};
use super::row::{decode, place, source_place, COLS, FROM};
use super::{check_refs, Contact, ContactInput};
use crate::audit::{self, NewEntry};
use crate::db::{values_placeholders, Exec, Tx, MAX_PARAMS};
use crate::idempotency::{self, Claim};
use crate::{args, now_ms, Ctx, Store, StoreError};
use kith_domain::breach_query::{facet_country, facet_fields};
use kith_domain::{ContactData, SourceKind, SubjectId};
use uuid::Uuid;

/// New contacts sealed and indexed, ready to write.
pub struct PreparedBatch {
    pub(crate) items: Vec<ContactInput>,
    pub(crate) prepared: Vec<Prepared>,
}

impl PreparedBatch {
    pub fn items(&self) -> &[ContactInput] {
        &self.items
    }
}

/// A contact sealed and indexed, ready to write.
pub(crate) struct Prepared {
    id: SubjectId,
    wrapped: Option<Vec<u8>>,
    sealed: Vec<u8>,
    source_sealed: Option<Vec<u8>>,
    tags_json: String,
    buckets: Vec<i64>,
    /// The clear facets of the breach query (country code, fields held).
    country: Option<String>,
    fields: String,
}

impl Store {
    fn prepare(&self, c: &ContactInput, wrapped_key: Option<&[u8]>) -> Result<Prepared, StoreError> {
        let (key, wrapped) = match wrapped_key {
            Some(w) => (self.vault.unwrap_key(c.id, w)?, None),
            None => {
                let (k, w) = self.vault.new_subject_key(c.id);
                (k, Some(w))
            }
        };
        let plain = serde_json::to_vec(&c.data).map_err(|_| StoreError::Corrupt("contact data"))?;
        let source_sealed = match &c.source {
            Some(src) => Some(key.seal(
                &source_place(c.id),
                &serde_json::to_vec(src).map_err(|_| StoreError::Corrupt("contact source"))?,
            )),
            None => None,
        };
        Ok(Prepared {
            id: c.id,
            wrapped,
            source_sealed,
            sealed: key.seal(&place(c.id), &plain),
            tags_json: serde_json::to_string(&dedup_tags(&c.tags)).map_err(|_| StoreError::Corrupt("contact tags"))?,
            buckets: index_buckets(&self.vault, &c.data),
            country: facet_country(&c.data).map(|k| k.code().to_owned()),
            fields: facet_fields(&c.data),
        })
    }

    /// Creates contacts in one transaction: keys, sealed rows, index entries,
    /// tags and one audit entry each. Batches are written with multi-row
    /// statements; a single create is a batch of one.
    pub async fn insert_contacts(
        &self,
        ctx: &Ctx,
        items: &[ContactInput],
        claim: Option<&Claim>,
    ) -> Result<(), StoreError> {
        let mut tx = self.pools.write.begin().await?;
        if let Some(claim) = claim {
            idempotency::claim(&mut tx, claim, "contact", items[0].id.0).await?;
        }
        self.insert_contacts_in(&mut tx, ctx, items).await?;
        tx.commit().await
    }

    /// Seals and indexes new contacts ahead of writing them: the work that
    /// needs no database, done where it does not hold up the writer (an
    /// import prepares one batch while the one before is written).
    pub fn prepare_new(&self, items: Vec<ContactInput>) -> Result<PreparedBatch, StoreError> {
        let prepared = items.iter().map(|c| self.prepare(c, None)).collect::<Result<Vec<_>, _>>()?;
        Ok(PreparedBatch { items, prepared })
    }

    /// [`Store::insert_contacts`] inside a caller's transaction.
    pub(crate) async fn insert_contacts_in(
        &self,
        tx: &mut Tx,
        ctx: &Ctx,
        items: &[ContactInput],
    ) -> Result<(), StoreError> {
        let prepared = items.iter().map(|c| self.prepare(c, None)).collect::<Result<Vec<_>, _>>()?;
        self.insert_prepared_in(tx, ctx, items, &prepared).await
    }

    /// Writes contacts [`Store::prepare_new`] prepared, inside a caller's transaction.
    pub(crate) async fn insert_prepared_in(
        &self,
        tx: &mut Tx,
        ctx: &Ctx,
        items: &[ContactInput],
        prepared: &[Prepared],
    ) -> Result<(), StoreError> {
        let now = now_ms();
        let tx = &mut *tx;
        check_refs(tx, items.iter().filter_map(|c| c.owner), items.iter().filter_map(|c| c.company)).await?;

        for chunk in prepared.chunks(MAX_PARAMS / 3) {
            let sql = format!(
                "INSERT INTO subject_keys (subject_id, kek_id, wrapped) VALUES {}",
                values_placeholders(tx.engine(), chunk.len(), 3)
            );
            let mut vals = Vec::with_capacity(chunk.len() * 3);
            for p in chunk {
                vals.extend(args![p.id.0, self.vault.kek_id(), p.wrapped.clone().unwrap_or_default()]);
            }
            tx.execute(&sql, &vals).await?;
        }
        let writes: Vec<(&ContactData, Option<&ContactData>)> = items.iter().map(|c| (&c.data, None)).collect();
        let version = policy_gate(tx, &writes).await?;
        for (chunk, inputs) in prepared.chunks(MAX_PARAMS / 12).zip(items.chunks(MAX_PARAMS / 12)) {
            let sql = format!(
                "INSERT INTO contacts (id, owner_id, company_id, tags, sealed, created_at, updated_at, source_kind, source_sealed, \
                 policy_version, facet_country, facet_fields) VALUES {}",
                values_placeholders(tx.engine(), chunk.len(), 12)
            );
            let mut vals = Vec::with_capacity(chunk.len() * 12);
            for (p, c) in chunk.iter().zip(inputs) {
                vals.extend(args![
                    p.id.0,
                    c.owner.map(|u| u.0),
                    c.company.map(|c| c.0),
                    p.tags_json.clone(),
                    p.sealed.clone(),
                    now,
                    now,
                    c.source.as_ref().map(|s| s.kind).unwrap_or(SourceKind::Manual).as_str(),
                    p.source_sealed.clone(),
                    version,
                    p.country.clone(),
                    p.fields.clone()
                ]);
            }
            tx.execute(&sql, &vals).await?;
        }
        let mut entries: Vec<(i64, Uuid)> =
            prepared.iter().flat_map(|p| p.buckets.iter().map(move |b| (*b, p.id.0))).collect();
        insert_index(tx, &mut entries).await?;
        let datas: Vec<(Uuid, &ContactData)> = items.iter().map(|c| (c.id.0, &c.data)).collect();
        insert_email_keys(tx, &self.vault, &datas).await?;
        let tags: Vec<(Uuid, String)> =
            items.iter().flat_map(|c| dedup_tags(&c.tags).into_iter().map(move |t| (c.id.0, t))).collect();
        let tag_refs: Vec<(Uuid, &str)> = tags.iter().map(|(s, t)| (*s, t.as_str())).collect();
        insert_tags(tx, &tag_refs).await?;
        let audit: Vec<NewEntry> = items.iter().map(|c| NewEntry::subject("contact.create", c.id)).collect();
        audit::append(tx, ctx, &audit).await
    }

    /// Replaces a contact's owner, company, tags and personal data; re-seals
    /// and re-indexes it.
    pub async fn update_contact(&self, ctx: &Ctx, c: &ContactInput) -> Result<(), StoreError> {
        self.modify_contact(ctx, c.id, |_| Ok::<_, StoreError>(c.clone())).await
    }

    /// Read-modify-write of one contact in one transaction: the row is
    /// locked first, `change` gets the current state and returns the new
    /// one, so concurrent changes apply one after the other and none is lost.
    pub async fn modify_contact<E, F>(&self, ctx: &Ctx, id: SubjectId, change: F) -> Result<(), E>
    where
        E: From<StoreError>,
        F: FnOnce(Contact) -> Result<ContactInput, E>,
    {
        self.modify_contact_as(ctx, id, "contact.update", None, change).await
    }

    /// [`Store::modify_contact`], audited as `action`. With `purge` naming
    /// a field (`job_title`, `custom.<name>`), the change's before and after
    /// are not kept, and the field is also removed from the person's earlier
    /// change details: a purge must not keep what it purges.
    pub async fn modify_contact_as<E, F>(
        &self,
        ctx: &Ctx,
        id: SubjectId,
        action: &'static str,
        purge: Option<&str>,
        change: F,
    ) -> Result<(), E>
    where
        E: From<StoreError>,
        F: FnOnce(Contact) -> Result<ContactInput, E>,
    {
        let mut tx = self.pools.write.begin().await?;
        let n = tx.execute("UPDATE contacts SET updated_at = updated_at WHERE id = $1", &args![id.0]).await?;
        if n == 0 {
            return Err(StoreError::NotFound.into());
        }
        // A purge only removes, which a restriction allows; nothing else does.
        if purge.is_none() {
            crate::rights::refuse_restricted(&mut tx, &[id.0]).await?;
        }
        let sql = format!("SELECT {COLS} FROM {FROM} WHERE c.id = $1");
        let row = tx.fetch_optional(&sql, &args![id.0]).await?.ok_or(StoreError::NotFound)?;
        let wrapped: Vec<u8> = row.get(7)?;
        let before = decode(&self.vault, &row)?;
        let before_data = before.data.clone();
        let c = change(before)?;
        if c.id != id {
            return Err(StoreError::Corrupt("a change must keep the contact's id").into());
        }
        check_refs(&mut tx, c.owner, c.company).await?;
        let p = self.prepare(&c, Some(&wrapped))?;
        // A purge only removes: it is not gated (the field is already off).
        let gated: Vec<(&ContactData, Option<&ContactData>)> =
            if purge.is_none() { vec![(&c.data, Some(&before_data))] } else { vec![] };
        let version = policy_gate(&mut tx, &gated).await?;
        let n = tx
            .execute(
                "UPDATE contacts SET owner_id = $1, company_id = $2, tags = $3, sealed = $4, updated_at = $5, policy_version = $7, \
                 facet_country = $8, facet_fields = $9 WHERE id = $6",
                &args![
                    c.owner.map(|u| u.0),
                    c.company.map(|c| c.0),
                    p.tags_json,
                    p.sealed,
                    now_ms(),
                    c.id.0,
                    version,
                    p.country,
                    p.fields
                ],
            )
            .await?;
        if n == 0 {
            return Err(StoreError::NotFound.into());
        }
        tx.execute("DELETE FROM blind_index WHERE subject_id = $1", &args![c.id.0]).await?;
        let mut entries: Vec<(i64, Uuid)> = p.buckets.iter().map(|b| (*b, c.id.0)).collect();
        insert_index(&mut tx, &mut entries).await?;
        tx.execute("DELETE FROM email_keys WHERE subject_id = $1", &args![c.id.0]).await?;
        insert_email_keys(&mut tx, &self.vault, &[(c.id.0, &c.data)]).await?;
        tx.execute("DELETE FROM contact_tags WHERE subject_id = $1", &args![c.id.0]).await?;
        let tags = dedup_tags(&c.tags);
        let tag_refs: Vec<(Uuid, &str)> = tags.iter().map(|t| (c.id.0, t.as_str())).collect();
        insert_tags(&mut tx, &tag_refs).await?;
        let seq = audit::append_seq(&mut tx, ctx, &[NewEntry::subject(action, c.id)]).await?;
        let key = self.vault.unwrap_key(c.id, &wrapped)?;
        match purge {
            None => {
                if let Some(diff) = changed_fields(&before_data, &c.data) {
                    let sealed = key.seal(&crate::audit::detail_place(seq, c.id), diff.as_bytes());
                    tx.execute(
                        "INSERT INTO audit_details (seq, subject_id, sealed) VALUES ($1, $2, $3)",
                        &args![seq, c.id.0, sealed],
                    )
                    .await?;
                }
            }
            Some(field) => {
                let rows =
                    tx.fetch_all("SELECT seq, sealed FROM audit_details WHERE subject_id = $1", &args![c.id.0]).await?;
                for r in rows {
                    let old_seq: i64 = r.get(0)?;
                    let place = crate::audit::detail_place(old_seq, c.id);
                    let plain = key.open(&place, &r.get::<Vec<u8>>(1)?)?;
                    let mut v: serde_json::Map<String, serde_json::Value> =
                        serde_json::from_slice(&plain).map_err(|_| StoreError::Corrupt("change details"))?;
                    if v.remove(field).is_none() {
                        continue;
                    }
                    if v.is_empty() {
                        tx.execute("DELETE FROM audit_details WHERE seq = $1", &args![old_seq]).await?;
                    } else {
                        let sealed = key.seal(&place, serde_json::Value::Object(v).to_string().as_bytes());
                        tx.execute("UPDATE audit_details SET sealed = $1 WHERE seq = $2", &args![sealed, old_seq])
                            .await?;
                    }
                }
            }
        }
        Ok(tx.commit().await?)
    }
}
