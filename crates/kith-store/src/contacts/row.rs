//! A contact's row: the columns read, opened into a [`Contact`], and the
//! filter as SQL.

use super::{Contact, ContactFilter};
use crate::db::{Row, Value};
use crate::vault::{Place, Vault};
use crate::{from_ms, StoreError};
use kith_domain::{CompanyId, SubjectId, UserId};
use uuid::Uuid;

pub(super) const COLS: &str =
    "c.id, c.owner_id, c.company_id, c.tags, c.sealed, c.created_at, c.updated_at, k.wrapped, c.source_sealed, \
     c.policy_version";
pub(super) const FROM: &str = "contacts c JOIN subject_keys k ON k.subject_id = c.id";
pub(super) const FROM_INDEX: &str =
    "blind_index b JOIN contacts c ON c.id = b.subject_id JOIN subject_keys k ON k.subject_id = c.id";

pub(super) fn source_place(id: SubjectId) -> Place<'static> {
    Place { table: "contacts", column: "source_sealed", row: id.0, subject: id }
}

pub(super) fn place(id: SubjectId) -> Place<'static> {
    Place { table: "contacts", column: "sealed", row: id.0, subject: id }
}

/// The contacts of a list of rows. A row that cannot be opened (sealed under
/// another master key, or damaged) is left out with a logged error naming
/// its id: one bad row must not fail a whole list.
pub(super) fn decode_rows(vault: &Vault, rows: &[Row]) -> Result<Vec<Contact>, StoreError> {
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

pub(super) fn decode(vault: &Vault, r: &Row) -> Result<Contact, StoreError> {
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

/// The filter as ` AND …` predicates on `contacts c`, parameters appended
/// to `vals` (numbered in order of appearance). `review_after`: how long a
/// review lasts (for the segment's "review due").
pub(crate) fn filter_sql(f: &ContactFilter, review_after: time::Duration, vals: &mut Vec<Value>, sql: &mut String) {
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
    if let Some(seg) = &f.segment {
        crate::segment_sql::segment_sql(seg, review_after, vals, sql);
    }
}
