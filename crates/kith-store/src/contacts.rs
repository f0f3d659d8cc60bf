//! Contacts: the data subjects. Personal fields are one sealed value per
//! contact; owner, company, tags and times stay in clear for filtering.

use crate::audit::{self, NewEntry};
use crate::db::{fetch_in, list_placeholders, values_placeholders, Engine, Exec, Row, Tx, Value, MAX_PARAMS};
use crate::idempotency::{self, Claim};
use crate::vault::{IndexKind, Place, Vault};
use crate::{args, ct_eq, from_ms, now_ms, Ctx, Store, StoreError};
use kith_domain::normalize::prefix;
use kith_domain::{CompanyId, ContactData, Email, Phone, Provenance, SourceKind, SubjectId, UserId};
use std::collections::BTreeSet;
use uuid::Uuid;

/// A contact as stored, personal data opened.
#[derive(Clone, Debug)]
pub struct Contact {
    pub id: SubjectId,
    pub owner: Option<UserId>,
    pub company: Option<CompanyId>,
    pub tags: Vec<String>,
    pub data: ContactData,
    pub created_at: time::OffsetDateTime,
    pub updated_at: time::OffsetDateTime,
    /// Where it came from (none for contacts older than provenance).
    pub source: Option<Provenance>,
    /// The field policy version its fields were last written under (none:
    /// last written before the policy existed).
    pub policy_version: Option<i64>,
}

/// A contact to create (or the new state of one to update).
#[derive(Clone, Debug)]
pub struct ContactInput {
    pub id: SubjectId,
    pub owner: Option<UserId>,
    pub company: Option<CompanyId>,
    pub tags: Vec<String>,
    pub data: ContactData,
    /// Where it came from: set when created, never changed by an update.
    pub source: Option<Provenance>,
}

#[derive(Clone, Debug, Default)]
pub struct ContactFilter {
    pub source: Option<SourceKind>,
    pub owner: Option<UserId>,
    pub tag: Option<String>,
    pub company: Option<CompanyId>,
    pub created_from: Option<i64>,
    pub created_to: Option<i64>,
    pub updated_from: Option<i64>,
    pub updated_to: Option<i64>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ContactSort {
    #[default]
    CreatedAsc,
    CreatedDesc,
    UpdatedAsc,
    UpdatedDesc,
}

/// Where a page starts: after the row with this sort value and id.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct After {
    pub key: i64,
    pub id: Uuid,
}

const COLS: &str =
    "c.id, c.owner_id, c.company_id, c.tags, c.sealed, c.created_at, c.updated_at, k.wrapped, c.source_sealed, \
     c.policy_version";
const FROM: &str = "contacts c JOIN subject_keys k ON k.subject_id = c.id";
const FROM_INDEX: &str =
    "blind_index b JOIN contacts c ON c.id = b.subject_id JOIN subject_keys k ON k.subject_id = c.id";

fn source_place(id: SubjectId) -> Place<'static> {
    Place { table: "contacts", column: "source_sealed", row: id.0, subject: id }
}

fn place(id: SubjectId) -> Place<'static> {
    Place { table: "contacts", column: "sealed", row: id.0, subject: id }
}

/// The contacts of a list of rows. A row that cannot be opened (sealed under
/// another master key, or damaged) is left out with a logged error naming
/// its id: one bad row must not fail a whole list.
fn decode_rows(vault: &Vault, rows: &[Row]) -> Result<Vec<Contact>, StoreError> {
    let mut out = Vec::with_capacity(rows.len());
    for r in rows {
        match decode(vault, r) {
            Ok(c) => out.push(c),
            Err(e @ (StoreError::Crypto | StoreError::Corrupt(_))) => {
                let id: Option<Uuid> = r.get(0).ok();
                tracing::error!(contact.id = ?id, error = %e, "a contact could not be opened; left out of the list");
            }
            Err(e) => return Err(e),
        }
    }
    Ok(out)
}

fn decode(vault: &Vault, r: &Row) -> Result<Contact, StoreError> {
    let id = SubjectId(r.get(0)?);
    let key = vault.unwrap_key(id, &r.get::<Vec<u8>>(7)?)?;
    let plain = key.open(&place(id), &r.get::<Vec<u8>>(4)?)?;
    let data = serde_json::from_slice(&plain).map_err(|_| StoreError::Corrupt("contact data"))?;
    let source = match r.get::<Option<Vec<u8>>>(8)? {
        Some(sealed) => Some(
            serde_json::from_slice(&key.open(&source_place(id), &sealed)?)
                .map_err(|_| StoreError::Corrupt("contact source"))?,
        ),
        None => None,
    };
    let tags: String = r.get(3)?;
    Ok(Contact {
        id,
        owner: r.get::<Option<Uuid>>(1)?.map(UserId),
        company: r.get::<Option<Uuid>>(2)?.map(CompanyId),
        tags: serde_json::from_str(&tags).map_err(|_| StoreError::Corrupt("contact tags"))?,
        data,
        created_at: from_ms(r.get(5)?),
        updated_at: from_ms(r.get(6)?),
        source,
        policy_version: r.get(9)?,
    })
}

/// The blind-index buckets of a contact's data, sorted and without repeats.
/// Email addresses are found through their exact-match keys instead
/// (`email_keys`).
pub fn index_buckets(vault: &Vault, data: &ContactData) -> Vec<i64> {
    let mut b = BTreeSet::new();
    for p in &data.phones {
        b.insert(vault.bucket(IndexKind::Phone, &p.lookup_key()));
    }
    for w in data.name_words() {
        b.insert(vault.bucket(IndexKind::Name3, prefix(&w, 3)));
        if w.chars().count() >= 5 {
            b.insert(vault.bucket(IndexKind::Name5, prefix(&w, 5)));
        }
    }
    b.into_iter().collect()
}

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
}

fn filter_sql(f: &ContactFilter, vals: &mut Vec<Value>, sql: &mut String) {
    let mut add = |cond: &str, v: Value, sql: &mut String| {
        vals.push(v);
        sql.push_str(&cond.replace('?', &format!("${}", vals.len())));
    };
    if let Some(o) = f.owner {
        add(" AND c.owner_id = ?", o.0.into(), sql);
    }
    if let Some(k) = f.source {
        add(" AND c.source_kind = ?", k.as_str().into(), sql);
    }
    if let Some(c) = f.company {
        add(" AND c.company_id = ?", c.0.into(), sql);
    }
    if let Some(t) = &f.tag {
        add(
            " AND EXISTS (SELECT 1 FROM contact_tags t WHERE t.subject_id = c.id AND t.tag = ?)",
            t.as_str().into(),
            sql,
        );
    }
    if let Some(v) = f.created_from {
        add(" AND c.created_at >= ?", v.into(), sql);
    }
    if let Some(v) = f.created_to {
        add(" AND c.created_at < ?", v.into(), sql);
    }
    if let Some(v) = f.updated_from {
        add(" AND c.updated_at >= ?", v.into(), sql);
    }
    if let Some(v) = f.updated_to {
        add(" AND c.updated_at < ?", v.into(), sql);
    }
}

/// Checks that every referenced owner and company exists.
pub(crate) async fn check_refs(
    tx: &mut Tx,
    owners: impl IntoIterator<Item = UserId>,
    companies: impl IntoIterator<Item = CompanyId>,
) -> Result<(), StoreError> {
    for (table, field, ids) in [
        ("users", "owner_id", owners.into_iter().map(|u| u.0).collect::<BTreeSet<_>>()),
        ("companies", "company_id", companies.into_iter().map(|c| c.0).collect::<BTreeSet<_>>()),
    ] {
        let ids: Vec<Uuid> = ids.into_iter().collect();
        for chunk in ids.chunks(MAX_PARAMS) {
            let sql =
                format!("SELECT COUNT(*) FROM {table} WHERE id IN ({})", list_placeholders(tx.engine(), chunk.len()));
            let vals: Vec<Value> = chunk.iter().map(|u| Value::Uuid(*u)).collect();
            let n: i64 = tx.fetch_optional(&sql, &vals).await?.ok_or(StoreError::NotFound)?.get(0)?;
            if n != chunk.len() as i64 {
                return Err(StoreError::MissingRef(field));
            }
        }
    }
    Ok(())
}

async fn insert_index(tx: &mut Tx, entries: &mut [(i64, Uuid)]) -> Result<(), StoreError> {
    // Sorted, so the B-tree is walked in order and each page touched once.
    entries.sort_unstable();
    for chunk in entries.chunks(MAX_PARAMS / 2) {
        let sql = format!(
            "INSERT INTO blind_index (bucket, subject_id) VALUES {} ON CONFLICT DO NOTHING",
            values_placeholders(tx.engine(), chunk.len(), 2)
        );
        let vals: Vec<Value> = chunk.iter().flat_map(|(b, s)| [Value::I64(*b), Value::Uuid(*s)]).collect();
        tx.execute(&sql, &vals).await?;
    }
    Ok(())
}

/// The exact-match key of an address (see `email_keys`).
pub(crate) fn email_key(vault: &Vault, e: &Email) -> Vec<u8> {
    vault.keyed_hash("email-key-v2", &e.lookup_key())[..16].to_vec()
}

/// The staff search key of an address: case ignored, nothing folded (see
/// `Email::account_key`). Kept in `email_keys` beside the exact key, under
/// another label, so the two never meet.
fn search_key(vault: &Vault, e: &Email) -> Vec<u8> {
    vault.keyed_hash("email-search", &e.account_key())[..16].to_vec()
}

/// Writes the exact-match and search keys of `contacts`' addresses.
async fn insert_email_keys(tx: &mut Tx, vault: &Vault, contacts: &[(Uuid, &ContactData)]) -> Result<(), StoreError> {
    let mut rows: Vec<(Vec<u8>, Uuid)> = contacts
        .iter()
        .flat_map(|(id, d)| {
            d.emails.iter().flat_map(move |e| [(email_key(vault, e), *id), (search_key(vault, e), *id)])
        })
        .collect();
    rows.sort_unstable();
    rows.dedup();
    for chunk in rows.chunks(MAX_PARAMS / 2) {
        let sql = format!(
            "INSERT INTO email_keys (hash, subject_id) VALUES {} ON CONFLICT DO NOTHING",
            values_placeholders(tx.engine(), chunk.len(), 2)
        );
        let vals: Vec<Value> = chunk.iter().flat_map(|(h, s)| [Value::from(h.clone()), Value::Uuid(*s)]).collect();
        tx.execute(&sql, &vals).await?;
    }
    Ok(())
}

async fn insert_tags(tx: &mut Tx, tags: &[(Uuid, &str)]) -> Result<(), StoreError> {
    for chunk in tags.chunks(MAX_PARAMS / 2) {
        let sql = format!(
            "INSERT INTO contact_tags (subject_id, tag) VALUES {}",
            values_placeholders(tx.engine(), chunk.len(), 2)
        );
        let vals: Vec<Value> = chunk.iter().flat_map(|(s, t)| [Value::Uuid(*s), Value::from(*t)]).collect();
        tx.execute(&sql, &vals).await?;
    }
    Ok(())
}

fn dedup_tags(tags: &[String]) -> Vec<String> {
    tags.iter().cloned().collect::<BTreeSet<_>>().into_iter().collect()
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
        for (chunk, inputs) in prepared.chunks(MAX_PARAMS / 10).zip(items.chunks(MAX_PARAMS / 10)) {
            let sql = format!(
                "INSERT INTO contacts (id, owner_id, company_id, tags, sealed, created_at, updated_at, source_kind, source_sealed, \
                 policy_version) VALUES {}",
                values_placeholders(tx.engine(), chunk.len(), 10)
            );
            let mut vals = Vec::with_capacity(chunk.len() * 10);
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
                    version
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
                "UPDATE contacts SET owner_id = $1, company_id = $2, tags = $3, sealed = $4, updated_at = $5, policy_version = $7 \
                 WHERE id = $6",
                &args![
                    c.owner.map(|u| u.0),
                    c.company.map(|c| c.0),
                    p.tags_json,
                    p.sealed,
                    now_ms(),
                    c.id.0,
                    version
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

/// How strongly [`lock_contacts`] locks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Lock {
    /// For a write about the people (the lock an `UPDATE` takes).
    Write,
    /// For their erasure: on PostgreSQL also waits for writes that only
    /// reference them (an interaction, a deal link: a foreign key takes a
    /// KEY SHARE lock, which a write lock does not conflict with).
    Erase,
}

/// Locks the contacts `ids` (sorted and distinct) and returns those that
/// exist. On PostgreSQL the rows are locked in id order whatever plan
/// reads them, so two bulk writers cannot deadlock; SQLite has one writer
/// at a time, and the `UPDATE` only finds the rows.
pub(crate) async fn lock_contacts(tx: &mut Tx, ids: &[Uuid], lock: Lock) -> Result<Vec<Uuid>, StoreError> {
    let sql = match (tx.engine(), lock) {
        (Engine::Sqlite, _) => "UPDATE contacts SET updated_at = updated_at WHERE id IN ({in}) RETURNING id",
        (Engine::Postgres, Lock::Write) => "SELECT id FROM contacts WHERE id IN ({in}) ORDER BY id FOR NO KEY UPDATE",
        (Engine::Postgres, Lock::Erase) => "SELECT id FROM contacts WHERE id IN ({in}) ORDER BY id FOR UPDATE",
    };
    fetch_in(tx, sql, ids).await?.iter().map(|r| r.get(0)).collect()
}

/// The field policy's current version (0 before any was recorded), after
/// checking inside the writing transaction that the policy as committed
/// still allows what each write adds (`after`, against `before` if it is a
/// change): the app checked it just before, and a field removed in between
/// must not slip past the purge.
///
/// On PostgreSQL (READ COMMITTED) reading the policy is not enough: a
/// removal could commit after this read and before the write commits, and
/// its purge, which starts after the removal commits, could scan the
/// contact before the write is visible. So the policy rows of the fields
/// written are read `FOR SHARE`. A removal turns a field off by updating
/// its row (`Store::save_field`), which waits for these share locks: either
/// the write commits first and the purge (after the removal) sees its
/// value, or the removal commits first and this read waits for it and
/// sees the field off. The version is read after the lock, so it is the
/// version the check ran against. SQLite runs one writer at a time
/// (`BEGIN IMMEDIATE`), so there the read alone is enough. Callers run the
/// gate before appending to the audit chain: the removal takes the audit
/// head after its policy row, so the two never wait on each other in a cycle.
async fn policy_gate(tx: &mut Tx, writes: &[(&ContactData, Option<&ContactData>)]) -> Result<i64, StoreError> {
    // The fields each update changes; a creation writes whatever it fills,
    // checked against every field (without diffing it against nothing:
    // imports create 25,000 contacts per transaction).
    let written: Vec<Option<BTreeSet<String>>> = writes
        .iter()
        .map(|(after, before)| {
            before.map(|b| {
                changed_fields(b, after)
                    .and_then(|d| serde_json::from_str::<serde_json::Map<String, serde_json::Value>>(&d).ok())
                    .map(|m| m.into_iter().map(|(k, _)| k).collect())
                    .unwrap_or_default()
            })
        })
        .collect();
    let lock = match tx.engine() {
        Engine::Postgres => " FOR SHARE",
        Engine::Sqlite => "",
    };
    let mut fields = Vec::new();
    if written.iter().any(Option::is_none) {
        let sql = format!("SELECT {} FROM field_policy ORDER BY key{lock}", crate::policy::COLS);
        for r in tx.fetch_all(&sql, &[]).await? {
            fields.push(crate::policy::field(&r)?);
        }
    } else {
        let keys: Vec<String> =
            written.iter().flatten().flatten().cloned().collect::<BTreeSet<_>>().into_iter().collect();
        for chunk in keys.chunks(MAX_PARAMS) {
            let sql = format!(
                "SELECT {} FROM field_policy WHERE key IN ({}) ORDER BY key{lock}",
                crate::policy::COLS,
                list_placeholders(tx.engine(), chunk.len())
            );
            let vals: Vec<Value> = chunk.iter().map(|k| Value::from(k.as_str())).collect();
            for r in tx.fetch_all(&sql, &vals).await? {
                fields.push(crate::policy::field(&r)?);
            }
        }
    }
    let r = tx.fetch_optional("SELECT MAX(version) FROM field_policy_versions", &[]).await?;
    let version = match r {
        Some(r) => r.get::<Option<i64>>(0)?.unwrap_or(0),
        None => 0,
    };
    let policy = kith_domain::policy::Policy { version, fields };
    for ((after, _), changed) in writes.iter().zip(&written) {
        let mut probe = (*after).clone();
        policy
            .check_written(&mut probe, |k| changed.as_ref().is_none_or(|c| c.contains(k)))
            .map_err(|_| StoreError::Conflict("the field policy changed meanwhile; check the fields and try again"))?;
    }
    Ok(version)
}

/// The personal fields that differ between two states of a contact, as a
/// JSON object `{"field": {"before": …, "after": …}}`; `None` if none do.
fn changed_fields(before: &ContactData, after: &ContactData) -> Option<String> {
    let (Ok(serde_json::Value::Object(b)), Ok(serde_json::Value::Object(a))) =
        (serde_json::to_value(before), serde_json::to_value(after))
    else {
        return None;
    };
    // Custom fields are compared one by one (`custom.<name>`), so a field's
    // values can be purged from the details without touching the others.
    let flatten = |mut m: serde_json::Map<String, serde_json::Value>| {
        if let Some(serde_json::Value::Object(custom)) = m.remove("custom") {
            for (k, v) in custom {
                m.insert(format!("{}{k}", kith_domain::policy::CUSTOM), v);
            }
        }
        m
    };
    let (b, a) = (flatten(b), flatten(a));
    let mut out = serde_json::Map::new();
    for k in b.keys().chain(a.keys()).collect::<BTreeSet<_>>() {
        let (x, y) = (b.get(k).unwrap_or(&serde_json::Value::Null), a.get(k).unwrap_or(&serde_json::Value::Null));
        if x != y {
            out.insert(k.clone(), serde_json::json!({"before": x, "after": y}));
        }
    }
    (!out.is_empty()).then(|| serde_json::Value::Object(out).to_string())
}

impl Store {
    /// Gives contacts created before `email_keys` existed their keys, once
    /// (a page of 500 contacts per transaction; safe to interrupt).
    pub(crate) async fn backfill_email_keys(&self) -> Result<(), StoreError> {
        let mut c = self.pools.read.conn().await?;
        let done: i64 = match c.fetch_optional("SELECT done FROM email_keys_backfill", &[]).await? {
            Some(r) => r.get(0)?,
            None => return Ok(()),
        };
        drop(c);
        if done != 0 {
            return Ok(());
        }
        let mut after = Uuid::nil();
        loop {
            let mut tx = self.pools.write.begin().await?;
            // Lock the page first (as every writer does), so a contact
            // changed by another server meanwhile is read as changed.
            let page = tx
                .fetch_all("SELECT id FROM contacts WHERE id > $1 ORDER BY id LIMIT 500", &args![after])
                .await?
                .iter()
                .map(|r| r.get::<Uuid>(0))
                .collect::<Result<Vec<_>, _>>()?;
            if let (Some(first), Some(last)) = (page.first(), page.last()) {
                tx.execute(
                    "UPDATE contacts SET updated_at = updated_at WHERE id >= $1 AND id <= $2",
                    &args![*first, *last],
                )
                .await?;
            }
            let sql = format!("SELECT {COLS} FROM {FROM} WHERE c.id > $1 ORDER BY c.id LIMIT 500");
            let rows = tx.fetch_all(&sql, &args![after]).await?;
            let contacts = decode_rows(&self.vault, &rows)?;
            let datas: Vec<(Uuid, &ContactData)> = contacts.iter().map(|c| (c.id.0, &c.data)).collect();
            insert_email_keys(&mut tx, &self.vault, &datas).await?;
            let last = match rows.last() {
                Some(r) => Some(r.get::<Uuid>(0)?),
                None => None,
            };
            if last.is_none() {
                tx.execute("UPDATE email_keys_backfill SET done = 1", &[]).await?;
            }
            tx.commit().await?;
            match last {
                Some(l) => after = l,
                None => return Ok(()),
            }
        }
    }

    /// One contact, read inside a transaction.
    pub(crate) async fn contact_in(&self, tx: &mut Tx, id: SubjectId) -> Result<Option<Contact>, StoreError> {
        let sql = format!("SELECT {COLS} FROM {FROM} WHERE c.id = $1");
        tx.fetch_optional(&sql, &args![id.0]).await?.map(|r| decode(&self.vault, &r)).transpose()
    }

    /// One contact, in one statement.
    pub async fn get_contact(&self, id: SubjectId) -> Result<Option<Contact>, StoreError> {
        let sql = format!("SELECT {COLS} FROM {FROM} WHERE c.id = $1");
        let row = self.pools.read.conn().await?.fetch_optional(&sql, &args![id.0]).await?;
        row.map(|r| decode(&self.vault, &r)).transpose()
    }

    /// A page of contacts in the given order.
    pub async fn list_contacts(
        &self,
        filter: &ContactFilter,
        sort: ContactSort,
        after: Option<After>,
        limit: i64,
    ) -> Result<Vec<Contact>, StoreError> {
        let (col, dir, cmp) = match sort {
            ContactSort::CreatedAsc => ("c.created_at", "ASC", ">"),
            ContactSort::CreatedDesc => ("c.created_at", "DESC", "<"),
            ContactSort::UpdatedAsc => ("c.updated_at", "ASC", ">"),
            ContactSort::UpdatedDesc => ("c.updated_at", "DESC", "<"),
        };
        let mut sql = format!("SELECT {COLS} FROM {FROM} WHERE 1 = 1");
        let mut vals = Vec::new();
        filter_sql(filter, &mut vals, &mut sql);
        if let Some(a) = after {
            vals.push(a.key.into());
            vals.push(a.id.into());
            sql.push_str(&format!(" AND ({col}, c.id) {cmp} (${}, ${})", vals.len() - 1, vals.len()));
        }
        vals.push(limit.into());
        sql.push_str(&format!(" ORDER BY {col} {dir}, c.id {dir} LIMIT ${}", vals.len()));
        let rows = self.pools.read.conn().await?.fetch_all(&sql, &vals).await?;
        decode_rows(&self.vault, &rows)
    }

    /// The exact-match key of an address (16 bytes; see `email_keys`).
    pub fn email_key(&self, email: &Email) -> Vec<u8> {
        email_key(&self.vault, email)
    }

    /// Contacts holding this address in any case (a staff search; never the
    /// ground for mail about a person).
    pub async fn find_by_email_any_case(&self, email: &Email) -> Result<Vec<Contact>, StoreError> {
        let want = email.account_key();
        Ok(self
            .contacts_by_key(&search_key(&self.vault, email))
            .await?
            .into_iter()
            .filter(|c| c.data.emails.iter().any(|e| ct_eq(e.account_key().as_bytes(), want.as_bytes())))
            .collect())
    }

    async fn contacts_by_key(&self, key: &[u8]) -> Result<Vec<Contact>, StoreError> {
        let sql = format!(
            "SELECT {COLS} FROM email_keys e JOIN contacts c ON c.id = e.subject_id JOIN subject_keys k ON k.subject_id = c.id \
             WHERE e.hash = $1 ORDER BY c.id LIMIT 500"
        );
        let rows = self.pools.read.conn().await?.fetch_all(&sql, &args![key.to_vec()]).await?;
        decode_rows(&self.vault, &rows)
    }

    /// Contacts holding an address whose exact-match key is `key`, each
    /// opened and its addresses' keys compared.
    pub async fn find_by_email_key(&self, key: &[u8]) -> Result<Vec<Contact>, StoreError> {
        let found = self.contacts_by_key(key).await?;
        Ok(found.into_iter().filter(|c| c.data.emails.iter().any(|e| ct_eq(&email_key(&self.vault, e), key))).collect())
    }

    /// Contacts holding this email: one statement through its exact-match
    /// key, then each opened and compared.
    pub async fn find_by_email(&self, email: &Email) -> Result<Vec<Contact>, StoreError> {
        let key = email.lookup_key();
        Ok(self
            .contacts_by_key(&email_key(&self.vault, email))
            .await?
            .into_iter()
            .filter(|c| c.data.emails.iter().any(|e| ct_eq(e.lookup_key().as_bytes(), key.as_bytes())))
            .collect())
    }

    pub async fn find_by_phone(&self, phone: &Phone) -> Result<Vec<Contact>, StoreError> {
        let key = phone.lookup_key();
        let found = self.by_bucket(self.vault.bucket(IndexKind::Phone, &key)).await?;
        Ok(found
            .into_iter()
            .filter(|c| c.data.phones.iter().any(|p| ct_eq(p.lookup_key().as_bytes(), key.as_bytes())))
            .collect())
    }

    async fn by_bucket(&self, bucket: i64) -> Result<Vec<Contact>, StoreError> {
        // One page (500) covers the ~15 coincidences expected at 10^6.
        self.scan_bucket(bucket, &ContactFilter::default(), None, usize::MAX, 500, |_| true).await
    }

    /// Walks one blind-index bucket in subject-id order (so the planner
    /// walks the bucket's index range and joins per row, even on fresh
    /// statistics — PostgreSQL picked a hash join over all contacts after a
    /// bulk load), `page` rows per statement, opening each candidate and
    /// keeping those `keep` accepts, until `limit` are kept or the bucket
    /// ends.
    async fn scan_bucket(
        &self,
        bucket: i64,
        filter: &ContactFilter,
        after: Option<Uuid>,
        limit: usize,
        page: i64,
        keep: impl Fn(&Contact) -> bool,
    ) -> Result<Vec<Contact>, StoreError> {
        let mut out = Vec::new();
        let mut cursor = after;
        loop {
            let mut sql = format!("SELECT {COLS} FROM {FROM_INDEX} WHERE b.bucket = $1");
            let mut vals = args![bucket].to_vec();
            filter_sql(filter, &mut vals, &mut sql);
            if let Some(a) = cursor {
                vals.push(a.into());
                sql.push_str(&format!(" AND b.subject_id > ${}", vals.len()));
            }
            vals.push(page.into());
            sql.push_str(&format!(" ORDER BY b.subject_id LIMIT ${}", vals.len()));
            let rows = self.pools.read.conn().await?.fetch_all(&sql, &vals).await?;
            for r in &rows {
                cursor = Some(r.get(0)?);
                let Some(c) = decode_rows(&self.vault, std::slice::from_ref(r))?.pop() else { continue };
                if keep(&c) {
                    out.push(c);
                    if out.len() == limit {
                        return Ok(out);
                    }
                }
            }
            if (rows.len() as i64) < page {
                return Ok(out);
            }
        }
    }

    /// Contacts having, for every word of `query`, a name word starting with
    /// it (folded: case- and accent-insensitive), in id (creation) order,
    /// after `after`, at most `limit`. Candidates come from the prefix index
    /// of the query's longest word and are opened in chunks until enough
    /// match.
    pub async fn search_name(
        &self,
        query: &str,
        filter: &ContactFilter,
        after: Option<Uuid>,
        limit: usize,
    ) -> Result<Vec<Contact>, StoreError> {
        let words = kith_domain::normalize::words(query);
        let Some(longest) = words.iter().max_by_key(|w| w.chars().count()) else {
            return Ok(Vec::new());
        };
        let bucket = if longest.chars().count() >= 5 {
            self.vault.bucket(IndexKind::Name5, prefix(longest, 5))
        } else {
            self.vault.bucket(IndexKind::Name3, prefix(longest, 3))
        };
        let matches = |c: &Contact| {
            let names = c.data.name_words();
            words.iter().all(|q| {
                // A short query word matches short whole words and prefixes alike.
                names.iter().any(|n| n.starts_with(q.as_str()))
            })
        };
        let chunk = (limit * 2).clamp(16, 500) as i64;
        self.scan_bucket(bucket, filter, after, limit, chunk, matches).await
    }

    /// The raw stored bytes of a contact's key and sealed row: for tests that
    /// prove erasure leaves no copy behind.
    pub async fn raw_contact_bytes(&self, id: SubjectId) -> Result<Option<(Vec<u8>, Vec<u8>)>, StoreError> {
        let sql = format!("SELECT k.wrapped, c.sealed FROM {FROM} WHERE c.id = $1");
        let row = self.pools.read.conn().await?.fetch_optional(&sql, &args![id.0]).await?;
        row.map(|r| Ok((r.get(0)?, r.get(1)?))).transpose()
    }

    /// How many contacts exist.
    pub async fn count_contacts(&self) -> Result<i64, StoreError> {
        self.pools
            .read
            .conn()
            .await?
            .fetch_optional("SELECT COUNT(*) FROM contacts", &[])
            .await?
            .ok_or(StoreError::NotFound)?
            .get(0)
    }
}

/// Folds a tag for storage: trimmed, lower-cased.
pub fn normalise_tag(t: &str) -> String {
    t.trim().to_lowercase()
}

/// A change to the non-personal attributes of many contacts at once.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BulkChange {
    SetOwner(Option<UserId>),
    AddTag(String),
    RemoveTag(String),
}

impl Store {
    /// How many contacts pass the filter.
    pub async fn count_matching(&self, filter: &ContactFilter) -> Result<i64, StoreError> {
        let mut sql = String::from("SELECT COUNT(*) FROM contacts c WHERE 1 = 1");
        let mut vals = Vec::new();
        filter_sql(filter, &mut vals, &mut sql);
        self.pools.read.conn().await?.fetch_optional(&sql, &vals).await?.ok_or(StoreError::NotFound)?.get(0)
    }

    /// Ids of the contacts passing the filter, in id order after `after`.
    pub async fn matching_ids(
        &self,
        filter: &ContactFilter,
        after: Option<Uuid>,
        limit: i64,
    ) -> Result<Vec<SubjectId>, StoreError> {
        let mut sql = String::from("SELECT c.id FROM contacts c WHERE 1 = 1");
        let mut vals = Vec::new();
        filter_sql(filter, &mut vals, &mut sql);
        if let Some(a) = after {
            vals.push(a.into());
            sql.push_str(&format!(" AND c.id > ${}", vals.len()));
        }
        vals.push(limit.into());
        sql.push_str(&format!(" ORDER BY c.id LIMIT ${}", vals.len()));
        let rows = self.pools.read.conn().await?.fetch_all(&sql, &vals).await?;
        rows.iter().map(|r| Ok(SubjectId(r.get(0)?))).collect()
    }

    /// Those of `ids` that name an existing contact, in id order.
    pub async fn existing_ids(&self, ids: &[SubjectId]) -> Result<Vec<SubjectId>, StoreError> {
        let ids: Vec<Uuid> = ids.iter().map(|s| s.0).collect();
        let mut c = self.pools.read.conn().await?;
        let rows = fetch_in(&mut c, "SELECT id FROM contacts WHERE id IN ({in})", &ids).await?;
        let mut out = rows.iter().map(|r| Ok(SubjectId(r.get(0)?))).collect::<Result<Vec<_>, StoreError>>()?;
        out.sort_by_key(|s| s.0);
        Ok(out)
    }

    /// Applies one change of owner or tags to many contacts in one
    /// transaction (rows locked first, as in `modify_contact`): all or
    /// nothing. Personal data is not touched, so nothing is re-sealed. A tag
    /// is not added to a contact that already has `max_tags`. Returns how
    /// many contacts changed; each changed one gets an audit entry.
    pub async fn bulk_change_contacts(
        &self,
        ctx: &Ctx,
        ids: &[SubjectId],
        change: &BulkChange,
        max_tags: usize,
    ) -> Result<u64, StoreError> {
        let mut tx = self.pools.write.begin().await?;
        if let BulkChange::SetOwner(owner) = change {
            check_refs(&mut tx, *owner, None).await?;
        }
        let now = now_ms();
        let mut changed = Vec::new();
        let mut ids: Vec<Uuid> = ids.iter().map(|s| s.0).collect();
        ids.sort_unstable();
        ids.dedup();
        let ids = lock_contacts(&mut tx, &ids, Lock::Write).await?;
        let rows = fetch_in(&mut tx, "SELECT id, owner_id, tags FROM contacts WHERE id IN ({in})", &ids).await?;
        for r in rows {
            let id: Uuid = r.get(0)?;
            let owner: Option<Uuid> = r.get(1)?;
            let tags: Vec<String> =
                serde_json::from_str(&r.get::<String>(2)?).map_err(|_| StoreError::Corrupt("contact tags"))?;
            match change {
                BulkChange::SetOwner(o) => {
                    if owner != o.map(|u| u.0) {
                        tx.execute(
                            "UPDATE contacts SET owner_id = $1, updated_at = $2 WHERE id = $3",
                            &args![o.map(|u| u.0), now, id],
                        )
                        .await?;
                        changed.push(SubjectId(id));
                    }
                }
                BulkChange::AddTag(t) | BulkChange::RemoveTag(t) => {
                    let add = matches!(change, BulkChange::AddTag(_));
                    // Contacts already holding as many tags as allowed keep theirs.
                    if tags.contains(t) == add || (add && tags.len() >= max_tags) {
                        continue;
                    }
                    let mut new: Vec<String> = tags.into_iter().filter(|x| x != t).collect();
                    if add {
                        new.push(t.clone());
                    }
                    let json =
                        serde_json::to_string(&dedup_tags(&new)).map_err(|_| StoreError::Corrupt("contact tags"))?;
                    tx.execute("UPDATE contacts SET tags = $1, updated_at = $2 WHERE id = $3", &args![json, now, id])
                        .await?;
                    if add {
                        insert_tags(&mut tx, &[(id, t.as_str())]).await?;
                    } else {
                        tx.execute(
                            "DELETE FROM contact_tags WHERE subject_id = $1 AND tag = $2",
                            &args![id, t.as_str()],
                        )
                        .await?;
                    }
                    changed.push(SubjectId(id));
                }
            }
        }
        let audit: Vec<NewEntry> = changed.iter().map(|s| NewEntry::subject("contact.bulk_update", *s)).collect();
        audit::append(&mut tx, ctx, &audit).await?;
        tx.commit().await?;
        Ok(changed.len() as u64)
    }
}
