//! Translations of what people read about purposes and subscription types:
//! a name and a description per language. None of it is personal data.

use crate::audit::{self, NewEntry};
use crate::db::Exec;
use crate::{args, now_ms, Ctx, Store, StoreError};
use std::collections::HashMap;
use uuid::Uuid;

/// What a text translates.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextOwner {
    Purpose,
    SubscriptionType,
}

impl TextOwner {
    pub fn as_str(self) -> &'static str {
        match self {
            TextOwner::Purpose => "purpose",
            TextOwner::SubscriptionType => "subscription_type",
        }
    }
}

/// One language's name and description.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Text {
    pub language: String,
    pub name: String,
    pub description: String,
}

impl Store {
    /// Sets (or, with `None`, removes) the text of `owner` `id` in `language`.
    pub async fn set_text(
        &self,
        ctx: &Ctx,
        owner: TextOwner,
        id: Uuid,
        language: &str,
        text: Option<(&str, &str)>,
    ) -> Result<(), StoreError> {
        let mut tx = self.pools.write.begin().await?;
        tx.execute(
            "DELETE FROM texts WHERE owner_kind = $1 AND owner_id = $2 AND language = $3",
            &args![owner.as_str(), id, language.to_owned()],
        )
        .await?;
        if let Some((name, description)) = text {
            tx.execute(
                "INSERT INTO texts (owner_kind, owner_id, language, name, description, updated_at) VALUES ($1, $2, $3, $4, $5, $6)",
                &args![owner.as_str(), id, language.to_owned(), name.to_owned(), description.to_owned(), now_ms()],
            )
            .await?;
        }
        let action = if text.is_some() { "text.set" } else { "text.remove" };
        audit::append(&mut tx, ctx, &[NewEntry::object(action, owner.as_str(), id)]).await?;
        tx.commit().await
    }

    /// Every language's text of `owner` `id`, by language.
    pub async fn texts_of(&self, owner: TextOwner, id: Uuid) -> Result<Vec<Text>, StoreError> {
        let rows = self
            .pools
            .read
            .conn()
            .await?
            .fetch_all(
                "SELECT language, name, description FROM texts WHERE owner_kind = $1 AND owner_id = $2 ORDER BY language",
                &args![owner.as_str(), id],
            )
            .await?;
        rows.iter().map(|r| Ok(Text { language: r.get(0)?, name: r.get(1)?, description: r.get(2)? })).collect()
    }

    /// The texts of every `owner` of one kind in `language`, by id.
    pub async fn texts_in(&self, owner: TextOwner, language: &str) -> Result<HashMap<Uuid, Text>, StoreError> {
        let rows = self
            .pools
            .read
            .conn()
            .await?
            .fetch_all(
                "SELECT owner_id, language, name, description FROM texts WHERE owner_kind = $1 AND language = $2",
                &args![owner.as_str(), language.to_owned()],
            )
            .await?;
        rows.iter()
            .map(|r| Ok((r.get(0)?, Text { language: r.get(1)?, name: r.get(2)?, description: r.get(3)? })))
            .collect()
    }
}
