//! Saved views of the contact list: a user's named filters, sort and columns.

use crate::{App, AppError, Principal, Result};
use kith_domain::Invalid;
use kith_store::views::SavedView;

/// Most views one user may keep.
pub const MAX_VIEWS: usize = 50;

impl App {
    /// Saves (or replaces) the caller's view called `name`. `query` is the
    /// list's query string; the web layer builds it from parsed filters, so
    /// it never holds search text.
    pub async fn save_view(&self, p: &Principal, name: &str, query: &str) -> Result<uuid::Uuid> {
        let name = name.trim();
        let mut inv = Invalid::default();
        if name.is_empty() || name.chars().count() > 60 || name.chars().any(char::is_control) {
            inv.push("name", "must be 1 to 60 characters");
        }
        if query.len() > 2000 || query.chars().any(char::is_control) {
            inv.push("query", "is too long");
        }
        inv.into_result()?;
        let existing = self.store.list_views(p.user).await?;
        if existing.len() >= MAX_VIEWS && !existing.iter().any(|v| v.name == name) {
            return Err(AppError::Conflict(format!("you already keep {MAX_VIEWS} views; delete one first")));
        }
        Ok(self.store.save_view(&p.ctx(), p.user, name, query).await?)
    }

    pub async fn list_views(&self, p: &Principal) -> Result<Vec<SavedView>> {
        Ok(self.store.list_views(p.user).await?)
    }

    pub async fn delete_view(&self, p: &Principal, id: uuid::Uuid) -> Result<()> {
        self.store.delete_view(&p.ctx(), p.user, id).await.map_err(AppError::from).map_err(crate::missing("view"))
    }
}
