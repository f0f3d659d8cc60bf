//! Newsletter campaigns: one message (a saved template) to an audience (a
//! saved segment or a contact-list filter) for one subscription type,
//! scheduled, then sent by the `campaign-send` job ([`send`]) at the
//! campaign's rate, each person checked with `may_contact` at the moment of
//! sending. "May email for the campaign's purpose" is always part of the
//! audience. Marketing and admins run campaigns.

pub mod send;

use crate::segments::SegmentQuery;
use crate::templates::Rendered;
use crate::{App, AppError, Principal, Result};
use kith_domain::newsletter::{self, CampaignAction, CampaignStatus, RecipientStatus};
use kith_domain::segment::Condition;
use kith_domain::template::TemplateKind;
use kith_domain::{Channel, Invalid, SubjectId};
use kith_store::newsletters::send::RecipientRow;
pub use kith_store::newsletters::{Newsletter, NewsletterCounts};
use kith_store::newsletters::{NewsletterFields, StatusChange};
use kith_store::StoreError;
use time::OffsetDateTime;
use uuid::Uuid;

/// What staff give for a campaign.
#[derive(Clone, Debug, Default)]
pub struct NewsletterInput {
    pub name: String,
    pub subscription_type: Uuid,
    pub template: Uuid,
    /// A saved segment as the audience…
    pub segment: Option<Uuid>,
    /// …or a contact-list filter (query text, as the contacts list spells
    /// it); neither: everyone who may be emailed for the purpose.
    pub query: Option<String>,
    pub rate_per_minute: Option<i64>,
}

/// A campaign with its delivery counts.
#[derive(Clone, Debug)]
pub struct NewsletterView {
    pub campaign: Newsletter,
    pub counts: NewsletterCounts,
}

/// Largest page of the delivery log.
pub const MAX_LOG_PAGE: i64 = 500;

impl App {
    fn may_see_campaigns(p: &Principal) -> Result<()> {
        p.require(p.role.can_send_campaigns() || p.role.can_manage_privacy(), "see newsletter campaigns")
    }

    async fn check_newsletter(&self, p: &Principal, i: &NewsletterInput) -> Result<NewsletterFields> {
        let rate = i.rate_per_minute.unwrap_or(newsletter::DEFAULT_RATE);
        let mut inv = Invalid::default();
        inv.check("", newsletter::check(&i.name, rate));
        let types = self.store.subscription_types().await?;
        let st = types.iter().find(|t| t.id == i.subscription_type);
        match st {
            None => inv.push("subscription_type_id", "refers to a subscription type that does not exist"),
            Some(t) if !t.channels.contains(&Channel::Email) => {
                inv.push("subscription_type_id", "is not offered by email")
            }
            Some(_) => {}
        }
        match self.store.template(i.template).await? {
            None => inv.push("template_id", "refers to a template that does not exist"),
            Some(t) if t.kind != TemplateKind::Newsletter => inv.push("template_id", "is not a newsletter template"),
            Some(_) => {}
        }
        let query = match (&i.segment, &i.query) {
            (Some(_), Some(q)) if !q.trim().is_empty() => {
                inv.push("query", "give a saved segment or a filter, not both");
                String::new()
            }
            (Some(s), _) => {
                if let Err(e) = self.get_segment(p, *s).await {
                    match e {
                        AppError::NotFound(_) | AppError::Forbidden(_) => {
                            inv.push("segment_id", "refers to a saved segment that does not exist")
                        }
                        e => return Err(e),
                    }
                }
                String::new()
            }
            (None, q) => match SegmentQuery::parse(q.as_deref().unwrap_or("")) {
                Ok(q) => q.to_query(),
                Err(e) => {
                    inv.check("query", Err::<(), _>(e));
                    String::new()
                }
            },
        };
        inv.into_result()?;
        let st = st.expect("checked above");
        Ok(NewsletterFields {
            name: i.name.trim().to_owned(),
            subscription_type: st.id,
            purpose: st.purpose,
            template: i.template,
            segment: i.segment,
            audience: query,
            rate_per_minute: rate,
        })
    }

    /// Every campaign with its counts, newest first.
    pub async fn newsletters(&self, p: &Principal) -> Result<Vec<NewsletterView>> {
        Self::may_see_campaigns(p)?;
        let mut counts = self.store.newsletter_counts().await?;
        Ok(self
            .store
            .newsletters()
            .await?
            .into_iter()
            .map(|c| NewsletterView { counts: counts.remove(&c.id).unwrap_or_default(), campaign: c })
            .collect())
    }

    pub async fn newsletter(&self, p: &Principal, id: Uuid) -> Result<NewsletterView> {
        Self::may_see_campaigns(p)?;
        let campaign = self.store.newsletter(id).await?.ok_or(AppError::NotFound("campaign"))?;
        let counts = self.store.newsletter_counts().await?.remove(&id).unwrap_or_default();
        Ok(NewsletterView { campaign, counts })
    }

    /// Records a draft.
    pub async fn create_newsletter(&self, p: &Principal, i: &NewsletterInput) -> Result<NewsletterView> {
        p.require(p.role.can_send_campaigns(), "create a newsletter campaign")?;
        let f = self.check_newsletter(p, i).await?;
        let id = Uuid::now_v7();
        self.store.insert_newsletter(&p.ctx(), id, &f, p.author().map(|u| u.0)).await?;
        self.newsletter(p, id).await
    }

    /// Changes a draft.
    pub async fn update_newsletter(&self, p: &Principal, id: Uuid, i: &NewsletterInput) -> Result<NewsletterView> {
        p.require(p.role.can_send_campaigns(), "change a newsletter campaign")?;
        let f = self.check_newsletter(p, i).await?;
        self.store.update_newsletter(&p.ctx(), id, &f).await.map_err(|e| crate::missing("campaign")(e.into()))?;
        self.newsletter(p, id).await
    }

    /// Deletes a draft.
    pub async fn delete_newsletter(&self, p: &Principal, id: Uuid) -> Result<()> {
        p.require(p.role.can_send_campaigns(), "delete a newsletter campaign")?;
        self.store.delete_newsletter(&p.ctx(), id).await.map_err(|e| crate::missing("campaign")(e.into()))
    }

    /// The audience's query text, frozen: the saved segment's conditions
    /// (as they read now) or the filter given, always with "may email for
    /// the campaign's purpose".
    async fn frozen_audience(&self, p: &Principal, c: &Newsletter) -> Result<SegmentQuery> {
        let mut q = match c.segment {
            Some(s) => {
                let saved = self.get_segment(p, s).await.map_err(crate::missing("segment"))?;
                SegmentQuery::parse(&saved.query)
                    .map_err(|_| AppError::Conflict("the saved segment cannot be read".into()))?
            }
            None => SegmentQuery::parse(&c.audience)
                .map_err(|_| AppError::Conflict("the campaign's audience cannot be read".into()))?,
        };
        q.segment.conditions.push(Condition::MayContact { purpose: c.purpose, channel: Channel::Email, allowed: true });
        q.segment = q.segment.canonical();
        Ok(q)
    }

    /// How many people the campaign would go to now (its audience with
    /// "may email for the purpose"); sending checks each again.
    pub async fn newsletter_audience_count(&self, p: &Principal, id: Uuid) -> Result<i64> {
        let c = self.newsletter(p, id).await?.campaign;
        let q = match c.status {
            CampaignStatus::Draft => self.frozen_audience(p, &c).await?,
            _ => SegmentQuery::parse(&c.audience)
                .map_err(|_| AppError::Conflict("the campaign's audience cannot be read".into()))?,
        };
        Ok(self.store.count_matching(&q.filter()).await?)
    }

    /// Schedules a draft for `at` (now if none): its audience is frozen now.
    pub async fn schedule_newsletter(
        &self,
        p: &Principal,
        id: Uuid,
        at: Option<OffsetDateTime>,
    ) -> Result<NewsletterView> {
        p.require(p.role.can_send_campaigns(), "schedule a newsletter campaign")?;
        let c = self.newsletter(p, id).await?.campaign;
        newsletter::transition(c.status, CampaignAction::Schedule, false).map_err(AppError::Conflict)?;
        if self.store.template(c.template).await?.is_none() {
            return Err(AppError::Conflict("the campaign's template was deleted; choose another".into()));
        }
        let now = OffsetDateTime::now_utc();
        let at = at.unwrap_or(now);
        if at < now - time::Duration::minutes(5) || at > now + time::Duration::days(366) {
            return Err(Invalid::one("at", "must be now or within the coming year").into());
        }
        let frozen = self.frozen_audience(p, &c).await?.to_query();
        self.store
            .change_newsletter(&p.ctx(), id, |c| {
                newsletter::transition(c.status, CampaignAction::Schedule, false)
                    .map_err(|_| StoreError::Conflict("the campaign changed at the same moment; reload it"))?;
                Ok(StatusChange {
                    to: CampaignStatus::Scheduled,
                    schedule: Some((at, frozen)),
                    action: "campaign.schedule",
                })
            })
            .await?;
        self.mail_wake.notify_one();
        self.newsletter(p, id).await
    }

    /// Pauses, resumes or cancels a campaign.
    pub async fn act_on_newsletter(&self, p: &Principal, id: Uuid, action: CampaignAction) -> Result<NewsletterView> {
        p.require(p.role.can_send_campaigns(), "run a newsletter campaign")?;
        if action == CampaignAction::Schedule {
            return self.schedule_newsletter(p, id, None).await;
        }
        let c = self.newsletter(p, id).await?.campaign;
        newsletter::transition(c.status, action, c.started_at.is_some()).map_err(AppError::Conflict)?;
        let audit = match action {
            CampaignAction::Pause => "campaign.pause",
            CampaignAction::Resume => "campaign.resume",
            _ => "campaign.cancel",
        };
        self.store
            .change_newsletter(&p.ctx(), id, |c| {
                let to = newsletter::transition(c.status, action, c.started_at.is_some())
                    .map_err(|_| StoreError::Conflict("the campaign changed at the same moment; reload it"))?;
                Ok(StatusChange { to, schedule: None, action: audit })
            })
            .await?;
        self.newsletter(p, id).await
    }

    /// A page of the delivery log: ids, states and reasons, no personal values.
    pub async fn newsletter_log(
        &self,
        p: &Principal,
        id: Uuid,
        status: Option<RecipientStatus>,
        after: Option<Uuid>,
        limit: i64,
    ) -> Result<Vec<RecipientRow>> {
        self.newsletter(p, id).await?;
        if !(1..=MAX_LOG_PAGE).contains(&limit) {
            return Err(Invalid::one("limit", format!("must be 1 to {MAX_LOG_PAGE}")).into());
        }
        Ok(self.store.newsletter_recipients(id, status, after, limit).await?)
    }

    /// The campaign's mail for a real contact, as staff may see it (see
    /// [`App::preview_template`]).
    pub async fn preview_newsletter(&self, p: &Principal, id: Uuid, contact: SubjectId) -> Result<Rendered> {
        p.require(p.role.can_send_campaigns(), "preview a newsletter campaign")?;
        let c = self.newsletter(p, id).await?.campaign;
        self.preview_template(p, c.template, contact, None).await
    }

    /// The campaign's mail with sample values, to the signed-in user.
    pub async fn test_send_newsletter(&self, p: &Principal, id: Uuid) -> Result<String> {
        p.require(p.role.can_send_campaigns(), "send a test of a newsletter campaign")?;
        let c = self.newsletter(p, id).await?.campaign;
        self.test_send_template(p, c.template, None).await
    }

    /// When a mail server refused one of the person's addresses for good
    /// (campaigns skip such an address); newest first.
    pub async fn undeliverable(
        &self,
        _p: &Principal,
        subject: SubjectId,
    ) -> Result<Vec<kith_store::newsletters::bounce::Undeliverable>> {
        Ok(self.store.undeliverable_of(subject).await?)
    }
}
