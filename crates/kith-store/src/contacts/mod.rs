//! Contacts: the data subjects. Personal fields are one sealed value per
//! contact; owner, company, tags and times stay in clear for filtering.

mod bulk;
mod facets;
mod index;
mod policy_gate;
mod read;
mod row;
mod write;

pub use bulk::BulkChange;
pub(crate) use index::email_key;
pub use index::index_buckets;
pub(crate) use row::filter_sql;
pub use write::PreparedBatch;

use crate::db::{fetch_in, list_placeholders, Engine, Exec, Tx, Value, MAX_PARAMS};
use crate::StoreError;
use kith_domain::{CompanyId, ContactData, Provenance, SourceKind, SubjectId, UserId};
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

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ContactFilter {
    pub source: Option<SourceKind>,
    pub owner: Option<UserId>,
    pub tag: Option<String>,
    pub company: Option<CompanyId>,
    pub created_from: Option<i64>,
    pub created_to: Option<i64>,
    pub updated_from: Option<i64>,
    pub updated_to: Option<i64>,
    /// Conditions on basis, consent, permission, restriction, objection,
    /// notice and review (see [`crate::segments`]).
    pub segment: Option<crate::segment_sql::SegmentAt>,
}

impl ContactFilter {
    /// Whether the filter holds a segment and nothing else.
    pub fn segment_only(&self) -> bool {
        self.segment.is_some() && ContactFilter { segment: None, ..self.clone() } == ContactFilter::default()
    }
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

/// Folds a tag for storage: trimmed, lower-cased.
pub fn normalise_tag(t: &str) -> String {
    t.trim().to_lowercase()
}
