//! The lookup rows beside each contact: blind-index buckets (phones,
//! name prefixes), the keys of its email addresses, and its tags.

use super::row::{decode_rows, COLS, FROM};
use crate::db::{values_placeholders, Exec, Tx, Value, MAX_PARAMS};
use crate::vault::{IndexKind, Vault};
use crate::{args, Store, StoreError};
use kith_domain::normalize::prefix;
use kith_domain::{ContactData, Email};
use std::collections::BTreeSet;
use uuid::Uuid;

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

pub(super) async fn insert_index(tx: &mut Tx, entries: &mut [(i64, Uuid)]) -> Result<(), StoreError> {
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
pub(super) fn search_key(vault: &Vault, e: &Email) -> Vec<u8> {
    vault.keyed_hash("email-search", &e.account_key())[..16].to_vec()
}

/// Writes the exact-match and search keys of `contacts`' addresses.
pub(super) async fn insert_email_keys(
    tx: &mut Tx,
    vault: &Vault,
    contacts: &[(Uuid, &ContactData)],
) -> Result<(), StoreError> {
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

pub(super) async fn insert_tags(tx: &mut Tx, tags: &[(Uuid, &str)]) -> Result<(), StoreError> {
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

pub(super) fn dedup_tags(tags: &[String]) -> Vec<String> {
    tags.iter().cloned().collect::<BTreeSet<_>>().into_iter().collect()
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
}
