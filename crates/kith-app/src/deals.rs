//! Deals and the pipeline.

use crate::{check_limit, cursor, idempotent, App, AppError, IdempotencyKey, Page, Principal, Result};
use kith_domain::{CompanyId, DealId, Invalid, SubjectId, UserId};
use kith_store::deals::{Deal, DealFilter, DealInput, Stage, StageChange};

/// Largest deal amount in minor units (ten trillion euros): sums of many
/// deals stay exact.
pub const MAX_AMOUNT_MINOR: i64 = 1_000_000_000_000_000;

#[derive(Clone, Debug, Default)]
pub struct DealFields {
    pub title: String,
    pub stage: Option<String>,
    pub amount_minor: Option<i64>,
    pub currency: Option<String>,
    pub owner: Option<UserId>,
    pub company: Option<CompanyId>,
    pub contacts: Vec<SubjectId>,
}

#[derive(Clone, Debug, Default)]
pub struct DealPatch {
    pub title: Option<String>,
    pub stage: Option<String>,
    pub amount_minor: Option<Option<i64>>,
    pub currency: Option<Option<String>>,
    pub owner: Option<Option<UserId>>,
    pub company: Option<Option<CompanyId>>,
    pub contacts: Option<Vec<SubjectId>>,
}

fn validate(d: &DealInput) -> Result<()> {
    let mut inv = Invalid::default();
    let t = d.title.trim();
    if t.is_empty() || t.chars().count() > 200 || t.chars().any(char::is_control) {
        inv.push("title", "must be 1 to 200 characters");
    }
    if let Some(c) = &d.currency {
        if c.len() != 3 || !c.chars().all(|ch| ch.is_ascii_uppercase()) {
            inv.push("currency", "must be a three-letter ISO 4217 code such as EUR");
        }
    }
    if d.amount_minor.is_some_and(|a| a < 0) {
        inv.push("amount_minor", "must not be negative");
    }
    if d.amount_minor.is_some_and(|a| a > MAX_AMOUNT_MINOR) {
        inv.push("amount_minor", "must be at most 10^15 minor units");
    }
    if d.amount_minor.is_some() && d.currency.is_none() {
        inv.push("currency", "is required with an amount");
    }
    if d.contacts.len() > 100 {
        inv.push("contact_ids", "at most 100 contacts per deal");
    }
    inv.into_result().map_err(Into::into)
}

impl App {
    pub async fn stages(&self, _p: &Principal) -> Result<Vec<Stage>> {
        Ok(self.store.stages().await?)
    }

    pub async fn create_deal(&self, p: &Principal, f: DealFields, idem: Option<&IdempotencyKey>) -> Result<Deal> {
        p.require(p.role.can_write_crm(), "create deals")?;
        let input = DealInput {
            id: DealId::new(),
            title: f.title.trim().to_owned(),
            stage: f.stage.unwrap_or_else(|| "lead".into()),
            amount_minor: f.amount_minor,
            currency: f.currency.map(|c| c.trim().to_uppercase()),
            owner: f.owner,
            company: f.company,
            contacts: f.contacts,
        };
        validate(&input)?;
        let ctx = p.ctx();
        let id = idempotent(self, p, idem, "deal", |claim| async move {
            self.store.insert_deal(&ctx, &input, claim.as_ref()).await.map(|_| input.id.0)
        })
        .await?;
        self.get_deal(p, DealId(id)).await
    }

    pub async fn get_deal(&self, _p: &Principal, id: DealId) -> Result<Deal> {
        self.store.get_deal(id).await?.ok_or(AppError::NotFound("deal"))
    }

    pub async fn deal_history(&self, p: &Principal, id: DealId) -> Result<Vec<StageChange>> {
        self.get_deal(p, id).await?;
        Ok(self.store.deal_history(id).await?)
    }

    pub async fn update_deal(&self, p: &Principal, id: DealId, patch: DealPatch) -> Result<Deal> {
        p.require(p.role.can_write_crm(), "change deals")?;
        self.store
            .modify_deal(&p.ctx(), id, |cur| {
                let input = DealInput {
                    id,
                    title: patch.title.map(|t| t.trim().to_owned()).unwrap_or(cur.title),
                    stage: patch.stage.unwrap_or(cur.stage),
                    amount_minor: patch.amount_minor.unwrap_or(cur.amount_minor),
                    currency: patch.currency.map(|c| c.map(|c| c.trim().to_uppercase())).unwrap_or(cur.currency),
                    owner: patch.owner.unwrap_or(cur.owner),
                    company: patch.company.unwrap_or(cur.company),
                    contacts: patch.contacts.unwrap_or(cur.contacts),
                };
                validate(&input)?;
                Ok::<_, AppError>(input)
            })
            .await
            .map_err(crate::missing("deal"))?;
        self.get_deal(p, id).await
    }

    /// Moves a deal to another stage (recorded in its history).
    pub async fn move_deal(&self, p: &Principal, id: DealId, stage: String) -> Result<Deal> {
        self.update_deal(p, id, DealPatch { stage: Some(stage), ..Default::default() }).await
    }

    pub async fn delete_deal(&self, p: &Principal, id: DealId) -> Result<()> {
        p.require(p.role.can_write_crm(), "delete deals")?;
        self.store.delete_deal(&p.ctx(), id).await.map_err(AppError::from).map_err(crate::missing("deal"))
    }

    pub async fn list_deals(
        &self,
        _p: &Principal,
        f: DealFilter,
        cur: Option<&str>,
        limit: Option<i64>,
    ) -> Result<Page<Deal>> {
        let limit = check_limit(limit)?;
        let after = match cur {
            Some(c) => Some(cursor::uuid(&cursor::decode("deals", c, 1)?[0])?),
            None => None,
        };
        let items = self.store.list_deals(&f, after, limit).await?;
        let next = (items.len() as i64 == limit)
            .then(|| items.last().map(|d| cursor::encode("deals", &[d.id.to_string()])))
            .flatten();
        Ok(Page { items, next_cursor: next })
    }
}

impl App {
    /// The `limit` most recently changed deals of a stage (for the board).
    pub async fn recent_deals(&self, _p: &Principal, stage: &str, limit: i64) -> Result<Vec<Deal>> {
        Ok(self.store.recent_deals(stage, limit.clamp(1, crate::MAX_LIMIT)).await?)
    }

    /// Count and amount of deals per stage and currency.
    pub async fn deal_totals(&self, _p: &Principal) -> Result<Vec<kith_store::deals::StageTotal>> {
        Ok(self.store.deal_totals().await?)
    }
}
