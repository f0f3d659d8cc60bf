//! Storage of a contact import: which addresses Kith already holds (for a
//! whole batch at once) and the batch written with its lawful basis in one
//! transaction.

use crate::audit::{self, NewEntry};
use crate::consent::{upsert_bases, BasisRecord};
use crate::db::{list_placeholders, Exec, Value, MAX_PARAMS};
use crate::vault::IndexKind;
use crate::{Ctx, Store, StoreError};
use kith_domain::Email;
use std::collections::{BTreeSet, HashSet};

use crate::contacts::ContactInput;

impl Store {
    /// The lookup keys of `emails` that some contact already holds: the
    /// candidates of all their blind-index buckets in a few statements,
    /// each opened and compared.
    pub async fn emails_in_use(&self, emails: &[&Email]) -> Result<HashSet<String>, StoreError> {
        let wanted: HashSet<String> = emails.iter().map(|e| e.lookup_key()).collect();
        let buckets: BTreeSet<i64> = wanted.iter().map(|k| self.vault.bucket(IndexKind::Email, k)).collect();
        let buckets: Vec<i64> = buckets.into_iter().collect();
        let mut found = HashSet::new();
        let mut c = self.pools.read.conn().await?;
        for chunk in buckets.chunks(MAX_PARAMS) {
            let sql = format!(
                "SELECT {} FROM {} WHERE b.bucket IN ({})",
                crate::contacts::COLS,
                crate::contacts::FROM_INDEX,
                list_placeholders(c.engine(), chunk.len())
            );
            let vals: Vec<Value> = chunk.iter().map(|b| Value::from(*b)).collect();
            for r in c.fetch_all(&sql, &vals).await? {
                let contact = crate::contacts::decode(&self.vault, &r)?;
                for e in &contact.data.emails {
                    let k = e.lookup_key();
                    if wanted.contains(&k) {
                        found.insert(k);
                    }
                }
            }
        }
        Ok(found)
    }

    /// Writes one batch of imported contacts and, if given, their lawful
    /// basis, in one transaction: all of the batch or none of it.
    pub async fn insert_import_batch(
        &self,
        ctx: &Ctx,
        items: &[ContactInput],
        basis: Option<&BasisRecord>,
    ) -> Result<(), StoreError> {
        let mut tx = self.pools.write.begin().await?;
        self.insert_contacts_in(&mut tx, ctx, items).await?;
        if let Some(b) = basis {
            let ids: Vec<uuid::Uuid> = items.iter().map(|c| c.id.0).collect();
            upsert_bases(&mut tx, &ids, b, false).await?;
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
        tx.commit().await
    }
}
