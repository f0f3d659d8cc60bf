//! Saved segments: a contact-list query under a name, its owner's, or
//! shared with the team.

use crate::audit::{self, NewEntry};
use crate::db::{Exec, Row};
use crate::{args, from_ms, now_ms, Ctx, Store, StoreError};
use kith_domain::UserId;
use uuid::Uuid;

/// A saved segment as stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SavedSegment {
    pub id: Uuid,
    pub name: String,
    /// The segment's conditions and plain list filters, as a query string.
    pub query: String,
    pub owner: UserId,
    /// Listed to every staff user, not only its owner.
    pub shared: bool,
    pub created_at: time::OffsetDateTime,
    pub updated_at: time::OffsetDateTime,
}

/// A segment's name, query and sharing, to create or replace.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SegmentWrite {
    pub name: String,
    pub query: String,
    pub shared: bool,
}

const COLS: &str = "id, name, query, owner_id, shared, created_at, updated_at";

fn decode(r: &Row) -> Result<SavedSegment, StoreError> {
    Ok(SavedSegment {
        id: r.get(0)?,
        name: r.get(1)?,
        query: r.get(2)?,
        owner: UserId(r.get(3)?),
        shared: r.get(4)?,
        created_at: from_ms(r.get(5)?),
        updated_at: from_ms(r.get(6)?),
    })
}

fn unique(e: StoreError) -> StoreError {
    match e {
        StoreError::Db(sqlx::Error::Database(d)) if d.is_unique_violation() => StoreError::Conflict("name"),
        e => e,
    }
}

impl Store {
    /// Saves a new segment owned by `owner`; `Conflict("name")` if the
    /// owner already has one of that name.
    pub async fn insert_segment(&self, ctx: &Ctx, owner: UserId, w: &SegmentWrite) -> Result<Uuid, StoreError> {
        let id = Uuid::now_v7();
        let now = now_ms();
        let mut tx = self.pools.write.begin().await?;
        tx.execute(
            &format!("INSERT INTO segments ({COLS}) VALUES ($1, $2, $3, $4, $5, $6, $7)"),
            &args![id, w.name.as_str(), w.query.as_str(), owner.0, w.shared, now, now],
        )
        .await
        .map_err(unique)?;
        audit::append(&mut tx, ctx, &[NewEntry::object("segment.create", "segment", id)]).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// Replaces a segment's name, query and sharing. The audit entry says
    /// `segment.share` when only the sharing changed.
    pub async fn update_segment(&self, ctx: &Ctx, id: Uuid, w: &SegmentWrite) -> Result<(), StoreError> {
        let mut tx = self.pools.write.begin().await?;
        let sql = match tx.engine() {
            crate::Engine::Sqlite => format!("SELECT {COLS} FROM segments WHERE id = $1"),
            crate::Engine::Postgres => format!("SELECT {COLS} FROM segments WHERE id = $1 FOR UPDATE"),
        };
        let old = decode(&tx.fetch_optional(&sql, &args![id]).await?.ok_or(StoreError::NotFound)?)?;
        tx.execute(
            "UPDATE segments SET name = $1, query = $2, shared = $3, updated_at = $4 WHERE id = $5",
            &args![w.name.as_str(), w.query.as_str(), w.shared, now_ms(), id],
        )
        .await
        .map_err(unique)?;
        let action = if old.name == w.name && old.query == w.query { "segment.share" } else { "segment.update" };
        audit::append(&mut tx, ctx, &[NewEntry::object(action, "segment", id)]).await?;
        tx.commit().await
    }

    pub async fn delete_segment(&self, ctx: &Ctx, id: Uuid) -> Result<(), StoreError> {
        let mut tx = self.pools.write.begin().await?;
        if tx.execute("DELETE FROM segments WHERE id = $1", &args![id]).await? == 0 {
            return Err(StoreError::NotFound);
        }
        audit::append(&mut tx, ctx, &[NewEntry::object("segment.delete", "segment", id)]).await?;
        tx.commit().await
    }

    /// One saved segment.
    pub async fn segment(&self, id: Uuid) -> Result<Option<SavedSegment>, StoreError> {
        let sql = format!("SELECT {COLS} FROM segments WHERE id = $1");
        self.pools.read.conn().await?.fetch_optional(&sql, &args![id]).await?.as_ref().map(decode).transpose()
    }

    /// The segments `user` owns and those shared with the team (with
    /// `everyone`, all segments), by name.
    pub async fn segments_for(&self, user: UserId, everyone: bool) -> Result<Vec<SavedSegment>, StoreError> {
        let sql = format!("SELECT {COLS} FROM segments WHERE owner_id = $1 OR shared = $2 OR $3");
        let rows = self.pools.read.conn().await?.fetch_all(&sql, &args![user.0, true, everyone]).await?;
        let mut out = rows.iter().map(decode).collect::<Result<Vec<_>, _>>()?;
        // Sorted here: the engines collate text differently.
        out.sort_by(|a, b| a.name.to_lowercase().cmp(&b.name.to_lowercase()).then(a.id.cmp(&b.id)));
        Ok(out)
    }

    /// How many segments `user` owns.
    pub async fn count_segments_of(&self, user: UserId) -> Result<i64, StoreError> {
        let mut c = self.pools.read.conn().await?;
        c.fetch_optional("SELECT COUNT(*) FROM segments WHERE owner_id = $1", &args![user.0])
            .await?
            .ok_or(StoreError::NotFound)?
            .get(0)
    }
}
