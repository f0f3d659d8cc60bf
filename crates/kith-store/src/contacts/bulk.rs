//! Changes to many contacts at once: owner and tags, never personal data.

use super::index::{dedup_tags, insert_tags};
use super::row::filter_sql;
use super::{check_refs, lock_contacts, ContactFilter, Lock};
use crate::audit::{self, NewEntry};
use crate::db::{fetch_in, Exec};
use crate::{args, now_ms, Ctx, Store, StoreError};
use kith_domain::{SubjectId, UserId};
use uuid::Uuid;

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
        // A segment alone is counted from its own index range.
        if let Some(seg) = filter.segment.as_ref().filter(|_| filter.segment_only()) {
            if let Some((sql, vals)) = crate::segment_sql::count_sql(seg, self.review_after) {
                let mut c = self.pools.read.conn().await?;
                return c.fetch_optional(&sql, &vals).await?.ok_or(StoreError::NotFound)?.get(0);
            }
        }
        let mut sql = String::from("SELECT COUNT(*) FROM contacts c WHERE 1 = 1");
        let mut vals = Vec::new();
        filter_sql(filter, self.review_after, &mut vals, &mut sql);
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
        filter_sql(filter, self.review_after, &mut vals, &mut sql);
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
