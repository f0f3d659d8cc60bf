//! The register of recipients: read by dpo, admin and readonly; changed by
//! dpo and admin. Every change makes a new version of the record of
//! processing.

use crate::{missing, App, AppError, Principal, Result};
use kith_domain::recipients::Recipient;
use kith_domain::{RecipientId, TokenId};
use kith_store::recipients::StoredRecipient;

impl App {
    pub async fn recipients(&self, p: &Principal) -> Result<Vec<StoredRecipient>> {
        p.require(p.role.can_read_registers(), "read the registers")?;
        Ok(self.store.recipients().await?)
    }

    pub async fn recipient(&self, p: &Principal, id: RecipientId) -> Result<StoredRecipient> {
        p.require(p.role.can_read_registers(), "read the registers")?;
        self.store.get_recipient(id).await?.ok_or(AppError::NotFound("recipient"))
    }

    /// Records a recipient; refused (naming the field) when a third
    /// country has no transfer mechanism.
    pub async fn create_recipient(&self, p: &Principal, r: Recipient) -> Result<RecipientId> {
        p.require(p.role.can_manage_privacy(), "change the registers")?;
        let r = r.check()?;
        let id = RecipientId::new();
        self.store.insert_recipient(&p.ctx(), id, &r).await?;
        self.register_changed("recipient.create").await;
        Ok(id)
    }

    pub async fn update_recipient(&self, p: &Principal, id: RecipientId, r: Recipient) -> Result<()> {
        p.require(p.role.can_manage_privacy(), "change the registers")?;
        let r = r.check()?;
        self.store.update_recipient(&p.ctx(), id, &r).await.map_err(|e| missing("recipient")(e.into()))?;
        self.register_changed("recipient.update").await;
        Ok(())
    }

    pub async fn delete_recipient(&self, p: &Principal, id: RecipientId) -> Result<()> {
        p.require(p.role.can_manage_privacy(), "change the registers")?;
        self.store.delete_recipient(&p.ctx(), id).await.map_err(|e| missing("recipient")(e.into()))?;
        self.register_changed("recipient.delete").await;
        Ok(())
    }

    /// Links an API token to the recipient whose integration uses it (or
    /// unlinks it): what the token reads counts as received by them.
    pub async fn set_token_recipient(
        &self,
        p: &Principal,
        token: TokenId,
        recipient: Option<RecipientId>,
    ) -> Result<()> {
        p.require(p.role.can_manage_privacy(), "change the registers")?;
        self.store.set_token_recipient(&p.ctx(), token, recipient).await.map_err(|e| missing("token")(e.into()))
    }
}
