//! Newsletter campaigns: the campaign records and their life (draft,
//! scheduled, sending, paused, done, cancelled). The sending side (the
//! audience, the delivery log, one recipient queued per transaction) is in
//! [`send`]; addresses a mail server refused for good in [`bounce`].
//! Nothing here holds a person's values: recipients are subject ids.

pub mod bounce;
pub mod send;

use crate::audit::{self, NewEntry};
use crate::db::{Exec, Row, Tx};
use crate::{args, from_ms, now_ms, to_ms, Ctx, Store, StoreError};
use kith_domain::newsletter::{CampaignStatus, RecipientStatus};
use kith_domain::PurposeId;
use std::collections::HashMap;
use uuid::Uuid;

/// A campaign as stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Newsletter {
    pub id: Uuid,
    pub name: String,
    pub subscription_type: Uuid,
    pub purpose: PurposeId,
    /// Always `email` for now.
    pub channel: String,
    pub template: Uuid,
    /// The saved segment the audience came from, if any.
    pub segment: Option<Uuid>,
    /// The audience's filter (JSON, read by the app); frozen at scheduling.
    pub audience: String,
    pub status: CampaignStatus,
    pub scheduled_at: Option<time::OffsetDateTime>,
    pub rate_per_minute: i64,
    /// Whether the whole audience is in the delivery log.
    pub audience_done: bool,
    pub created_by: Option<Uuid>,
    pub created_at: time::OffsetDateTime,
    pub updated_at: time::OffsetDateTime,
    pub started_at: Option<time::OffsetDateTime>,
    pub finished_at: Option<time::OffsetDateTime>,
}

/// What staff set on a draft.
#[derive(Clone, Debug)]
pub struct NewsletterFields {
    pub name: String,
    pub subscription_type: Uuid,
    pub purpose: PurposeId,
    pub template: Uuid,
    pub segment: Option<Uuid>,
    pub audience: String,
    pub rate_per_minute: i64,
}

/// Recipients per delivery state.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct NewsletterCounts {
    pub pending: i64,
    pub queued: i64,
    pub sent: i64,
    pub failed: i64,
    pub skipped: i64,
}

impl NewsletterCounts {
    /// Everyone in the delivery log.
    pub fn audience(&self) -> i64 {
        self.pending + self.queued + self.sent + self.failed + self.skipped
    }
}

const COLS: &str = "id, name, subscription_type_id, purpose_id, channel, template_id, segment_id, segment_query, \
     status, scheduled_at, rate_per_minute, audience_done, created_by, created_at, updated_at, started_at, finished_at";

fn row(r: &Row) -> Result<Newsletter, StoreError> {
    let status: String = r.get(8)?;
    Ok(Newsletter {
        id: r.get(0)?,
        name: r.get(1)?,
        subscription_type: r.get(2)?,
        purpose: PurposeId(r.get(3)?),
        channel: r.get(4)?,
        template: r.get(5)?,
        segment: r.get(6)?,
        audience: r.get(7)?,
        status: CampaignStatus::parse(&status).ok_or(StoreError::Corrupt("campaign status"))?,
        scheduled_at: r.get::<Option<i64>>(9)?.map(from_ms),
        rate_per_minute: r.get(10)?,
        audience_done: r.get::<i64>(11)? != 0,
        created_by: r.get(12)?,
        created_at: from_ms(r.get(13)?),
        updated_at: from_ms(r.get(14)?),
        started_at: r.get::<Option<i64>>(15)?.map(from_ms),
        finished_at: r.get::<Option<i64>>(16)?.map(from_ms),
    })
}

/// Locks a campaign's row (an update that changes nothing locks it on both
/// engines) and reads it; `None` if there is no such campaign.
pub(crate) async fn lock(tx: &mut Tx, id: Uuid) -> Result<Option<Newsletter>, StoreError> {
    if tx.execute("UPDATE campaigns SET updated_at = updated_at WHERE id = $1", &args![id]).await? == 0 {
        return Ok(None);
    }
    let sql = format!("SELECT {COLS} FROM campaigns WHERE id = $1");
    tx.fetch_optional(&sql, &args![id]).await?.as_ref().map(row).transpose()
}

/// A campaign's new status, and what comes with it.
#[derive(Clone, Debug)]
pub struct StatusChange {
    pub to: CampaignStatus,
    /// Scheduling: when, and the audience's filter frozen now.
    pub schedule: Option<(time::OffsetDateTime, String)>,
    /// The audit action (`campaign.schedule`…).
    pub action: &'static str,
}

impl Store {
    /// Records a draft.
    pub async fn insert_newsletter(
        &self,
        ctx: &Ctx,
        id: Uuid,
        f: &NewsletterFields,
        created_by: Option<Uuid>,
    ) -> Result<(), StoreError> {
        let mut tx = self.pools.write.begin().await?;
        let now = now_ms();
        tx.execute(
            "INSERT INTO campaigns (id, name, subscription_type_id, purpose_id, channel, template_id, segment_id, \
             segment_query, status, rate_per_minute, audience_done, created_by, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, 'email', $5, $6, $7, 'draft', $8, 0, $9, $10, $10)",
            &args![
                id,
                f.name.as_str(),
                f.subscription_type,
                f.purpose.0,
                f.template,
                f.segment,
                f.audience.as_str(),
                f.rate_per_minute,
                created_by,
                now
            ],
        )
        .await?;
        audit::append(&mut tx, ctx, &[NewEntry::object("campaign.create", "campaign", id)]).await?;
        tx.commit().await
    }

    /// Replaces a draft's fields; a campaign past its draft is a conflict.
    pub async fn update_newsletter(&self, ctx: &Ctx, id: Uuid, f: &NewsletterFields) -> Result<(), StoreError> {
        let mut tx = self.pools.write.begin().await?;
        let c = lock(&mut tx, id).await?.ok_or(StoreError::NotFound)?;
        if c.status != CampaignStatus::Draft {
            return Err(StoreError::Conflict("only a draft campaign can be changed"));
        }
        tx.execute(
            "UPDATE campaigns SET name = $2, subscription_type_id = $3, purpose_id = $4, template_id = $5, \
             segment_id = $6, segment_query = $7, rate_per_minute = $8, updated_at = $9 WHERE id = $1",
            &args![
                id,
                f.name.as_str(),
                f.subscription_type,
                f.purpose.0,
                f.template,
                f.segment,
                f.audience.as_str(),
                f.rate_per_minute,
                now_ms()
            ],
        )
        .await?;
        audit::append(&mut tx, ctx, &[NewEntry::object("campaign.update", "campaign", id)]).await?;
        tx.commit().await
    }

    /// Deletes a draft (nothing was sent, so nothing is kept).
    pub async fn delete_newsletter(&self, ctx: &Ctx, id: Uuid) -> Result<(), StoreError> {
        let mut tx = self.pools.write.begin().await?;
        let c = lock(&mut tx, id).await?.ok_or(StoreError::NotFound)?;
        if c.status != CampaignStatus::Draft {
            return Err(StoreError::Conflict("only a draft campaign can be deleted"));
        }
        tx.execute("DELETE FROM campaign_recipients WHERE campaign_id = $1", &args![id]).await?;
        tx.execute("DELETE FROM campaigns WHERE id = $1", &args![id]).await?;
        audit::append(&mut tx, ctx, &[NewEntry::object("campaign.delete", "campaign", id)]).await?;
        tx.commit().await
    }

    /// Moves a campaign to `change.to` if `check` (given its current state)
    /// allows it, under the campaign's lock; returns the campaign as it is now.
    pub async fn change_newsletter(
        &self,
        ctx: &Ctx,
        id: Uuid,
        check: impl FnOnce(&Newsletter) -> Result<StatusChange, StoreError> + Send,
    ) -> Result<Newsletter, StoreError> {
        let mut tx = self.pools.write.begin().await?;
        let c = lock(&mut tx, id).await?.ok_or(StoreError::NotFound)?;
        let change = check(&c)?;
        let now = now_ms();
        let finished = matches!(change.to, CampaignStatus::Cancelled | CampaignStatus::Done).then_some(now);
        match &change.schedule {
            Some((at, audience)) => {
                tx.execute(
                    "UPDATE campaigns SET status = $2, scheduled_at = $3, segment_query = $4, updated_at = $5 WHERE id = $1",
                    &args![id, change.to.as_str(), to_ms(*at), audience.as_str(), now],
                )
                .await?
            }
            None => {
                tx.execute(
                    "UPDATE campaigns SET status = $2, finished_at = COALESCE(finished_at, $3), updated_at = $4 WHERE id = $1",
                    &args![id, change.to.as_str(), finished, now],
                )
                .await?
            }
        };
        if change.to == CampaignStatus::Cancelled {
            // Those not yet taken are not sent; the log says so.
            tx.execute(
                "UPDATE campaign_recipients SET status = 'skipped', reason = 'the campaign was cancelled', updated_at = $2 \
                 WHERE campaign_id = $1 AND status = 'pending'",
                &args![id, now],
            )
            .await?;
        }
        audit::append(&mut tx, ctx, &[NewEntry::object(change.action, "campaign", id)]).await?;
        let sql = format!("SELECT {COLS} FROM campaigns WHERE id = $1");
        let out = row(&tx.fetch_optional(&sql, &args![id]).await?.ok_or(StoreError::NotFound)?)?;
        tx.commit().await?;
        Ok(out)
    }

    pub async fn newsletter(&self, id: Uuid) -> Result<Option<Newsletter>, StoreError> {
        let sql = format!("SELECT {COLS} FROM campaigns WHERE id = $1");
        self.pools.read.conn().await?.fetch_optional(&sql, &args![id]).await?.as_ref().map(row).transpose()
    }

    /// Every campaign, newest first.
    pub async fn newsletters(&self) -> Result<Vec<Newsletter>, StoreError> {
        let sql = format!("SELECT {COLS} FROM campaigns ORDER BY created_at DESC, id DESC");
        self.pools.read.conn().await?.fetch_all(&sql, &[]).await?.iter().map(row).collect()
    }

    /// Recipients per state, per campaign (campaigns without any are absent).
    pub async fn newsletter_counts(&self) -> Result<HashMap<Uuid, NewsletterCounts>, StoreError> {
        let rows = self
            .pools
            .read
            .conn()
            .await?
            .fetch_all(
                "SELECT campaign_id, status, COUNT(*) FROM campaign_recipients GROUP BY campaign_id, status",
                &[],
            )
            .await?;
        let mut out: HashMap<Uuid, NewsletterCounts> = HashMap::new();
        for r in &rows {
            let c = out.entry(r.get(0)?).or_default();
            let n: i64 = r.get(2)?;
            match RecipientStatus::parse(&r.get::<String>(1)?) {
                Some(RecipientStatus::Pending) => c.pending = n,
                Some(RecipientStatus::Queued) => c.queued = n,
                Some(RecipientStatus::Sent) => c.sent = n,
                Some(RecipientStatus::Failed) => c.failed = n,
                Some(RecipientStatus::Skipped) => c.skipped = n,
                None => return Err(StoreError::Corrupt("campaign recipient status")),
            }
        }
        Ok(out)
    }
}
