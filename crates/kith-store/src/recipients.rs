//! The register of recipients: processors, sub-processors, joint
//! controllers and other recipients, the purposes they serve, and the API
//! tokens their integrations use. Nothing here is about a data subject.

use crate::audit::{self, NewEntry};
use crate::db::{Exec, Tx};
use crate::{args, now_ms, Ctx, Store, StoreError};
use kith_domain::recipients::{Recipient, RecipientRole};
use kith_domain::{PurposeId, RecipientId, TokenId};
use uuid::Uuid;

/// A recipient as stored.
#[derive(Clone, Debug)]
pub struct StoredRecipient {
    pub id: RecipientId,
    pub recipient: Recipient,
    /// Made from a purpose's free text when registers arrived: to complete.
    pub needs_review: bool,
    /// The API tokens its integrations use.
    pub tokens: Vec<TokenId>,
    pub created_at: time::OffsetDateTime,
    pub updated_at: time::OffsetDateTime,
}

impl Store {
    /// Every recipient, by legal name.
    pub async fn recipients(&self) -> Result<Vec<StoredRecipient>, StoreError> {
        let mut c = self.pools.read.conn().await?;
        let rows = c.fetch_all("SELECT id, body, needs_review, created_at, updated_at FROM recipients", &[]).await?;
        let links = c.fetch_all("SELECT recipient_id, purpose_id FROM purpose_recipients", &[]).await?;
        let tokens = c
            .fetch_all(
                "SELECT recipient_id, id FROM api_tokens WHERE recipient_id IS NOT NULL AND revoked_at IS NULL",
                &[],
            )
            .await?;
        let mut out = Vec::with_capacity(rows.len());
        for r in &rows {
            let id: Uuid = r.get(0)?;
            let body: String = r.get(1)?;
            let mut recipient: Recipient =
                serde_json::from_str(&body).map_err(|_| StoreError::Corrupt("recipient body"))?;
            recipient.purposes = Vec::new();
            for l in &links {
                if l.get::<Uuid>(0)? == id {
                    recipient.purposes.push(PurposeId(l.get(1)?));
                }
            }
            recipient.purposes.sort();
            let mut toks = Vec::new();
            for t in &tokens {
                if t.get::<Uuid>(0)? == id {
                    toks.push(TokenId(t.get(1)?));
                }
            }
            out.push(StoredRecipient {
                id: RecipientId(id),
                recipient,
                needs_review: r.get(2)?,
                tokens: toks,
                created_at: crate::from_ms(r.get(3)?),
                updated_at: crate::from_ms(r.get(4)?),
            });
        }
        out.sort_by(|a, b| {
            let (x, y) = (&a.recipient.legal_name, &b.recipient.legal_name);
            x.to_lowercase().cmp(&y.to_lowercase()).then_with(|| x.cmp(y)).then_with(|| a.id.cmp(&b.id))
        });
        Ok(out)
    }

    pub async fn get_recipient(&self, id: RecipientId) -> Result<Option<StoredRecipient>, StoreError> {
        Ok(self.recipients().await?.into_iter().find(|r| r.id == id))
    }

    /// Records a new recipient (checked by the caller) with its purposes.
    pub async fn insert_recipient(&self, ctx: &Ctx, id: RecipientId, r: &Recipient) -> Result<(), StoreError> {
        let mut tx = self.pools.write.begin().await?;
        check_refs(&mut tx, id, r).await?;
        let now = now_ms();
        tx.execute(
            "INSERT INTO recipients (id, legal_name, role, parent_id, body, mail_relay, needs_review, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8)",
            &args![id.0, r.legal_name.as_str(), r.role.as_str(), r.parent.map(|p| p.0), body(r)?, r.mail_relay, false, now],
        )
        .await?;
        link_purposes(&mut tx, id, &r.purposes).await?;
        audit::append(&mut tx, ctx, &[NewEntry::object("recipient.create", "recipient", id.0)]).await?;
        tx.commit().await
    }

    /// Replaces a recipient's record and purposes; clears "needs review".
    pub async fn update_recipient(&self, ctx: &Ctx, id: RecipientId, r: &Recipient) -> Result<(), StoreError> {
        let mut tx = self.pools.write.begin().await?;
        check_refs(&mut tx, id, r).await?;
        if r.role != RecipientRole::Processor && r.role != RecipientRole::SubProcessor {
            let children =
                tx.fetch_optional("SELECT id FROM recipients WHERE parent_id = $1 LIMIT 1", &args![id.0]).await?;
            if children.is_some() {
                return Err(StoreError::Conflict("sub-processors name this recipient as their processor"));
            }
        }
        let n = tx
            .execute(
                "UPDATE recipients SET legal_name = $2, role = $3, parent_id = $4, body = $5, mail_relay = $6, \
                 needs_review = $7, updated_at = $8 WHERE id = $1",
                &args![
                    id.0,
                    r.legal_name.as_str(),
                    r.role.as_str(),
                    r.parent.map(|p| p.0),
                    body(r)?,
                    r.mail_relay,
                    false,
                    now_ms()
                ],
            )
            .await?;
        if n == 0 {
            return Err(StoreError::NotFound);
        }
        tx.execute("DELETE FROM purpose_recipients WHERE recipient_id = $1", &args![id.0]).await?;
        link_purposes(&mut tx, id, &r.purposes).await?;
        audit::append(&mut tx, ctx, &[NewEntry::object("recipient.update", "recipient", id.0)]).await?;
        tx.commit().await
    }

    /// Removes a recipient no sub-processor names; its purpose links and
    /// token links go with it (register versions keep what was declared).
    pub async fn delete_recipient(&self, ctx: &Ctx, id: RecipientId) -> Result<(), StoreError> {
        let mut tx = self.pools.write.begin().await?;
        let children =
            tx.fetch_optional("SELECT id FROM recipients WHERE parent_id = $1 LIMIT 1", &args![id.0]).await?;
        if children.is_some() {
            return Err(StoreError::Conflict("sub-processors name this recipient as their processor"));
        }
        tx.execute("DELETE FROM purpose_recipients WHERE recipient_id = $1", &args![id.0]).await?;
        tx.execute("UPDATE api_tokens SET recipient_id = NULL WHERE recipient_id = $1", &args![id.0]).await?;
        let n = tx.execute("DELETE FROM recipients WHERE id = $1", &args![id.0]).await?;
        if n == 0 {
            return Err(StoreError::NotFound);
        }
        audit::append(&mut tx, ctx, &[NewEntry::object("recipient.delete", "recipient", id.0)]).await?;
        tx.commit().await
    }

    /// Says which recipient's integration uses an API token (or none).
    pub async fn set_token_recipient(
        &self,
        ctx: &Ctx,
        token: TokenId,
        recipient: Option<RecipientId>,
    ) -> Result<(), StoreError> {
        let mut tx = self.pools.write.begin().await?;
        if let Some(r) = recipient {
            if tx.fetch_optional("SELECT id FROM recipients WHERE id = $1", &args![r.0]).await?.is_none() {
                return Err(StoreError::MissingRef("recipient_id"));
            }
        }
        let n = tx
            .execute(
                "UPDATE api_tokens SET recipient_id = $2 WHERE id = $1 AND revoked_at IS NULL",
                &args![token.0, recipient.map(|r| r.0)],
            )
            .await?;
        if n == 0 {
            return Err(StoreError::NotFound);
        }
        audit::append(&mut tx, ctx, &[NewEntry::object("token.recipient", "token", token.0)]).await?;
        tx.commit().await
    }

    /// The recipients each purpose names.
    pub async fn purpose_recipients(&self, purpose: PurposeId) -> Result<Vec<RecipientId>, StoreError> {
        let rows = self
            .pools
            .read
            .conn()
            .await?
            .fetch_all("SELECT recipient_id FROM purpose_recipients WHERE purpose_id = $1", &args![purpose.0])
            .await?;
        rows.iter().map(|r| Ok(RecipientId(r.get(0)?))).collect()
    }

    /// Once: each distinct free-text `recipients` of a purpose becomes a
    /// register entry marked "needs review", linked to those purposes.
    pub(crate) async fn backfill_recipients(&self) -> Result<(), StoreError> {
        let mut tx = self.pools.write.begin().await?;
        // Claim the marker first: a second server starting at the same time
        // waits on its key, then finds it taken and does nothing.
        let claimed = tx
            .execute("INSERT INTO recipients_backfill (id, done) VALUES (1, 1) ON CONFLICT (id) DO NOTHING", &[])
            .await?;
        if claimed == 0 {
            return tx.commit().await;
        }
        let rows = tx.fetch_all("SELECT id, recipients FROM purposes", &[]).await?;
        let mut made: Vec<(String, RecipientId)> = Vec::new();
        for r in &rows {
            let purpose: Uuid = r.get(0)?;
            let text: String = r.get(1)?;
            let name: String = text.trim().chars().take(200).filter(|c| !c.is_control()).collect();
            if name.is_empty() {
                continue;
            }
            let id = match made.iter().find(|(n, _)| *n == name) {
                Some((_, id)) => *id,
                None => {
                    let id = RecipientId::new();
                    let rec = migrated(&name);
                    let now = now_ms();
                    tx.execute(
                        "INSERT INTO recipients (id, legal_name, role, parent_id, body, mail_relay, needs_review, created_at, updated_at) \
                         VALUES ($1, $2, $3, NULL, $4, $5, $6, $7, $7)",
                        &args![id.0, name.as_str(), rec.role.as_str(), body(&rec)?, false, true, now],
                    )
                    .await?;
                    made.push((name, id));
                    id
                }
            };
            link_purposes(&mut tx, id, &[PurposeId(purpose)]).await?;
        }
        tx.commit().await
    }
}

/// The record a purpose's free text becomes: an "other recipient" with
/// nothing else known yet.
fn migrated(name: &str) -> Recipient {
    Recipient {
        legal_name: name.to_owned(),
        role: RecipientRole::Other,
        parent: None,
        privacy_contact: String::new(),
        service: String::new(),
        purposes: Vec::new(),
        categories: Vec::new(),
        processing_countries: Vec::new(),
        storage_countries: Vec::new(),
        dpf_certified: false,
        transfers: Vec::new(),
        agreement: Default::default(),
        breach_notice_hours: None,
        dsr_assistance: false,
        review_on: None,
        mail_relay: false,
    }
}

/// The body column: the record without its purposes (they are links).
fn body(r: &Recipient) -> Result<String, StoreError> {
    let mut r = r.clone();
    r.purposes = Vec::new();
    serde_json::to_string(&r).map_err(|_| StoreError::Corrupt("recipient body"))
}

/// The parent is a processor or sub-processor other than the recipient
/// itself (and not one of its own sub-processors); the purposes exist.
async fn check_refs(tx: &mut Tx, id: RecipientId, r: &Recipient) -> Result<(), StoreError> {
    if let Some(parent) = r.parent {
        let mut at = Some(parent);
        let mut hops = 0;
        while let Some(p) = at {
            if p == id || hops > 16 {
                return Err(StoreError::Conflict("a sub-processor cannot work for itself, even through others"));
            }
            let row = tx.fetch_optional("SELECT role, parent_id FROM recipients WHERE id = $1", &args![p.0]).await?;
            let Some(row) = row else { return Err(StoreError::MissingRef("parent")) };
            if p == parent {
                let role: String = row.get(0)?;
                if role != RecipientRole::Processor.as_str() && role != RecipientRole::SubProcessor.as_str() {
                    return Err(StoreError::Conflict("the parent of a sub-processor must be a processor"));
                }
            }
            at = row.get::<Option<Uuid>>(1)?.map(RecipientId);
            hops += 1;
        }
    }
    for p in &r.purposes {
        if tx.fetch_optional("SELECT id FROM purposes WHERE id = $1", &args![p.0]).await?.is_none() {
            return Err(StoreError::MissingRef("purposes"));
        }
    }
    Ok(())
}

async fn link_purposes(tx: &mut Tx, id: RecipientId, purposes: &[PurposeId]) -> Result<(), StoreError> {
    for p in purposes {
        tx.execute(
            "INSERT INTO purpose_recipients (purpose_id, recipient_id) VALUES ($1, $2) ON CONFLICT DO NOTHING",
            &args![p.0, id.0],
        )
        .await?;
    }
    Ok(())
}
