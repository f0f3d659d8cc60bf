//! Storage of a contact import: which addresses Kith already holds (for a
//! whole batch at once) and the batch written with its lawful basis in one
//! transaction.

use crate::audit::{self, NewEntry};
use crate::consent::{upsert_bases, BasisRecord, NewConsentEvent};
use crate::db::{list_placeholders, Exec, Value, MAX_PARAMS};
use crate::{Ctx, Store, StoreError};
use kith_domain::consent::BasisSource;
use kith_domain::{Email, SubjectId};
use std::collections::HashMap;

use crate::contacts::PreparedBatch;

/// What else a batch's rows bring besides the contacts: each contact's own
/// lawful basis (from the file's lawful-basis column) and language.
#[derive(Clone, Debug, Default)]
pub struct BatchExtras {
    pub bases: Vec<(uuid::Uuid, BasisRecord)>,
    /// Lower-case language codes.
    pub languages: Vec<(uuid::Uuid, String)>,
}

/// Records languages given by an import (a later import's value wins).
pub(crate) async fn set_languages(
    tx: &mut crate::db::Tx,
    languages: &[(uuid::Uuid, String)],
    source: &str,
) -> Result<(), StoreError> {
    let now = crate::now_ms();
    for chunk in languages.chunks(MAX_PARAMS / 4) {
        let sql = format!(
            "INSERT INTO contact_languages (subject_id, language, source, set_at) VALUES {} \
             ON CONFLICT (subject_id) DO UPDATE SET language = excluded.language, source = excluded.source, \
             set_at = excluded.set_at",
            crate::db::values_placeholders(tx.engine(), chunk.len(), 4)
        );
        let vals: Vec<Value> = chunk
            .iter()
            .flat_map(|(id, l)| {
                [Value::Uuid(*id), Value::from(l.clone()), Value::from(source.to_owned()), Value::I64(now)]
            })
            .collect();
        tx.execute(&sql, &vals).await?;
    }
    Ok(())
}

impl Store {
    /// For each of `emails` that some contact already holds, the contacts
    /// holding it (by lookup key), found by their exact-match keys in a few
    /// statements.
    pub async fn emails_in_use(&self, emails: &[&Email]) -> Result<HashMap<String, Vec<SubjectId>>, StoreError> {
        let mut by_key: HashMap<Vec<u8>, String> = HashMap::new();
        for e in emails {
            by_key.insert(crate::contacts::email_key(&self.vault, e), e.lookup_key());
        }
        let keys: Vec<&Vec<u8>> = by_key.keys().collect();
        let mut found: HashMap<String, Vec<SubjectId>> = HashMap::new();
        let mut c = self.pools.read.conn().await?;
        for chunk in keys.chunks(MAX_PARAMS) {
            let sql = format!(
                "SELECT hash, subject_id FROM email_keys WHERE hash IN ({}) ORDER BY subject_id",
                list_placeholders(c.engine(), chunk.len())
            );
            let vals: Vec<Value> = chunk.iter().map(|h| Value::from((*h).clone())).collect();
            for r in c.fetch_all(&sql, &vals).await? {
                if let Some(k) = by_key.get(&r.get::<Vec<u8>>(0)?) {
                    found.entry(k.clone()).or_default().push(SubjectId(r.get(1)?));
                }
            }
        }
        Ok(found)
    }

    /// Writes one batch of imported contacts and, if given, their lawful
    /// basis and the consent they gave (with its proof, which makes consent
    /// their basis), each row's own basis and language (`extras`), in one
    /// transaction: all of the batch or none of it.
    #[allow(clippy::too_many_arguments)]
    pub async fn insert_import_batch(
        &self,
        ctx: &Ctx,
        pass: Option<(uuid::Uuid, uuid::Uuid)>,
        batch: &PreparedBatch,
        basis: Option<&BasisRecord>,
        consents: &[NewConsentEvent],
        basis_source: &str,
        extras: &BatchExtras,
    ) -> Result<(), StoreError> {
        let mut tx = self.pools.write.begin().await?;
        if let Some((run, pass)) = pass {
            crate::import_runs::hold_run(&mut tx, run, pass).await?;
        }
        if !consents.is_empty() {
            // The ledger head before the audit head, as every ledger append takes them.
            tx.execute("UPDATE consent_head SET seq = seq WHERE id = 1", &[]).await?;
        }
        let items = batch.items();
        self.insert_prepared_in(&mut tx, ctx, items, &batch.prepared).await?;
        if !consents.is_empty() {
            let source = (BasisSource::Import, Some(basis_source.to_owned()));
            self.append_consent_in(&mut tx, ctx, consents, Some(&source), &[]).await?;
        }
        if let Some(b) = basis {
            let rows: Vec<(uuid::Uuid, &BasisRecord)> = items.iter().map(|c| (c.id.0, b)).collect();
            upsert_bases(&mut tx, &rows, false).await?;
            let entries: Vec<NewEntry> = items
                .iter()
                .map(|c| NewEntry {
                    action: "basis.set",
                    subject: Some(c.id),
                    object_type: "purpose",
                    object_id: Some(b.purpose.to_string()),
                })
                .collect();
            audit::append(&mut tx, ctx, &entries).await?;
        }
        if !extras.bases.is_empty() {
            let rows: Vec<(uuid::Uuid, &BasisRecord)> = extras.bases.iter().map(|(id, b)| (*id, b)).collect();
            upsert_bases(&mut tx, &rows, false).await?;
            let entries: Vec<NewEntry> = extras
                .bases
                .iter()
                .map(|(id, b)| NewEntry {
                    action: "basis.set",
                    subject: Some(SubjectId(*id)),
                    object_type: "purpose",
                    object_id: Some(b.purpose.to_string()),
                })
                .collect();
            audit::append(&mut tx, ctx, &entries).await?;
        }
        set_languages(&mut tx, &extras.languages, "import").await?;
        if let Some((run, pass)) = pass {
            // Again at the end: the heartbeat is as fresh as the batch.
            crate::import_runs::hold_run(&mut tx, run, pass).await?;
        }
        tx.commit().await
    }
}

impl Store {
    /// Records the language Kith writes to each person in, given by staff
    /// or the demonstration data (`source` names which); one audit entry
    /// per person. Fails with `MissingRef("contact")` if one is missing.
    pub async fn set_contact_languages(
        &self,
        ctx: &Ctx,
        languages: &[(SubjectId, String)],
        source: &str,
    ) -> Result<(), StoreError> {
        let mut ids: Vec<uuid::Uuid> = languages.iter().map(|(s, _)| s.0).collect();
        ids.sort_unstable();
        ids.dedup();
        let mut tx = self.pools.write.begin().await?;
        let locked = crate::contacts::lock_contacts(&mut tx, &ids, crate::contacts::Lock::Write).await?;
        if locked.len() != ids.len() {
            return Err(StoreError::MissingRef("contact"));
        }
        let rows: Vec<(uuid::Uuid, String)> = languages.iter().map(|(s, l)| (s.0, l.clone())).collect();
        set_languages(&mut tx, &rows, source).await?;
        let entries: Vec<NewEntry> = ids.iter().map(|s| NewEntry::subject("contact.language", SubjectId(*s))).collect();
        audit::append(&mut tx, ctx, &entries).await?;
        tx.commit().await?;
        Ok(())
    }
}
