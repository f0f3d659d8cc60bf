//! Saved views of the contact list, per user.

use crate::audit::{self, NewEntry};
use crate::db::Exec;
use crate::{args, Ctx, Store, StoreError};
use kith_domain::UserId;
use uuid::Uuid;

#[derive(Clone, Debug)]
pub struct SavedView {
    pub id: Uuid,
    pub name: String,
    /// Filters, sort and columns as a query string.
    pub query: String,
}

impl Store {
    /// Saves a view under a name, replacing the user's view of that name.
    pub async fn save_view(&self, ctx: &Ctx, user: UserId, name: &str, query: &str) -> Result<Uuid, StoreError> {
        let mut tx = self.pools.write.begin().await?;
        // One statement, so two saves of the same name at once (a double
        // click) cannot both insert.
        let id: Uuid = tx
            .fetch_optional(
                "INSERT INTO saved_views (id, user_id, name, query, created_at) VALUES ($1, $2, $3, $4, $5) \
                 ON CONFLICT (user_id, name) DO UPDATE SET query = excluded.query, created_at = excluded.created_at \
                 RETURNING id",
                &args![Uuid::now_v7(), user.0, name, query, crate::now_ms()],
            )
            .await?
            .ok_or(StoreError::NotFound)?
            .get(0)?;
        audit::append(&mut tx, ctx, &[NewEntry::object("view.save", "view", id)]).await?;
        tx.commit().await?;
        Ok(id)
    }

    pub async fn list_views(&self, user: UserId) -> Result<Vec<SavedView>, StoreError> {
        let rows = self
            .pools
            .read
            .conn()
            .await?
            .fetch_all("SELECT id, name, query FROM saved_views WHERE user_id = $1", &args![user.0])
            .await?;
        let mut views = rows
            .iter()
            .map(|r| Ok(SavedView { id: r.get(0)?, name: r.get(1)?, query: r.get(2)? }))
            .collect::<Result<Vec<_>, StoreError>>()?;
        // Sorted here: the engines collate text differently.
        views.sort_by(|a, b| a.name.to_lowercase().cmp(&b.name.to_lowercase()).then_with(|| a.name.cmp(&b.name)));
        Ok(views)
    }

    /// Deletes one of the user's views.
    pub async fn delete_view(&self, ctx: &Ctx, user: UserId, id: Uuid) -> Result<(), StoreError> {
        let mut tx = self.pools.write.begin().await?;
        let n = tx.execute("DELETE FROM saved_views WHERE id = $1 AND user_id = $2", &args![id, user.0]).await?;
        if n == 0 {
            return Err(StoreError::NotFound);
        }
        audit::append(&mut tx, ctx, &[NewEntry::object("view.delete", "view", id)]).await?;
        tx.commit().await
    }
}
