//! Purposes and subscription types in every language people read them in:
//! the privacy roles write a name and description per language; forms, the
//! preference centre, the portal and receipts show the reader's, falling
//! back to the text the purpose was written in.

use crate::{App, AppError, Principal, Result};
use kith_domain::translation::Translation;
pub use kith_store::texts::{Text, TextOwner};
use std::collections::HashMap;
use uuid::Uuid;

impl App {
    /// Sets `owner` `id`'s name and description in `language`; an empty
    /// name and description remove that language's text.
    pub async fn set_text(
        &self,
        p: &Principal,
        owner: TextOwner,
        id: Uuid,
        language: &str,
        name: &str,
        description: &str,
    ) -> Result<()> {
        p.require(p.role.can_manage_privacy(), "translate purposes and subscription types")?;
        let Some(lang) = kith_i18n::supported(language).filter(|l| *l == language) else {
            return Err(kith_domain::Invalid::one(
                "language",
                format!("must be one of {}", kith_i18n::languages().join(", ")),
            )
            .into());
        };
        self.owner_exists(owner, id).await?;
        if name.trim().is_empty() && description.trim().is_empty() {
            return Ok(self.store.set_text(&p.ctx(), owner, id, lang, None).await?);
        }
        let t = Translation::parse(name, description)?;
        Ok(self.store.set_text(&p.ctx(), owner, id, lang, Some((&t.name, &t.description))).await?)
    }

    /// Every language's text of `owner` `id` (any signed-in role: it is
    /// what the public reads).
    pub async fn texts(&self, _p: &Principal, owner: TextOwner, id: Uuid) -> Result<Vec<Text>> {
        self.owner_exists(owner, id).await?;
        Ok(self.store.texts_of(owner, id).await?)
    }

    /// The texts of every `owner` of one kind in `language`, by id: for the
    /// public pages and mails (no principal: nothing personal).
    pub async fn texts_in(&self, owner: TextOwner, language: &str) -> Result<HashMap<Uuid, Text>> {
        Ok(self.store.texts_in(owner, language).await?)
    }

    async fn owner_exists(&self, owner: TextOwner, id: Uuid) -> Result<()> {
        let found = match owner {
            TextOwner::Purpose => self.store.get_purpose(kith_domain::PurposeId(id)).await?.is_some(),
            TextOwner::SubscriptionType => self.store.subscription_types().await?.iter().any(|s| s.id == id),
        };
        if found {
            Ok(())
        } else {
            Err(AppError::NotFound(owner.as_str()))
        }
    }
}
