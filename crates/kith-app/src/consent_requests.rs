//! Consent requests beyond a campaign to a selection: to one contact (the
//! "Request consent" button, with the reason when the contact may not be
//! asked), re-permission of everyone who gave consent under an older
//! notice, and automatically to new contacts entered by staff or imported
//! without a basis for a purpose (a rule per purpose, run by a job).

use crate::bulk::Selection;
use crate::campaigns::{Ask, Asking, CampaignInput, CampaignResult, Content};
use crate::contacts::ContactQuery;
use crate::segments::segment_now;
use crate::{App, AppError, Principal, Result};
use kith_domain::segment::{Condition, Segment};
use kith_domain::{Invalid, PurposeId, SubjectId};
use kith_store::auto_requests::{AutoRule, AutoRuleInput};
use kith_store::contacts::ContactFilter;
use kith_store::Ctx;
use time::{Duration, OffsetDateTime};
use uuid::Uuid;

/// What asking one contact did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RequestOutcome {
    /// The request is queued.
    Sent,
    /// Not asked, and why (words for staff; no personal data).
    Skipped(&'static str),
}

/// A purpose's automatic request rule, as a user sets it.
#[derive(Clone, Debug)]
pub struct AutoRuleFields {
    pub purpose: PurposeId,
    pub template: Uuid,
    pub notice: Uuid,
    pub wait_days: i64,
    pub enabled: bool,
}

/// What a run of the automatic requests did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct AutoRun {
    pub rules: usize,
    pub requested: u64,
    pub skipped: u64,
}

impl std::fmt::Display for AutoRun {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} rule(s): {} request(s) queued, {} contact(s) skipped", self.rules, self.requested, self.skipped)
    }
}

/// The contacts who gave consent for `purpose` under an older notice.
fn old_notice(purpose: PurposeId) -> ContactQuery {
    let segment = segment_now(Segment { conditions: vec![Condition::OldNotice { purpose }] });
    ContactQuery { filter: ContactFilter { segment, ..Default::default() }, ..Default::default() }
}

/// How far back each scan looks again, so a contact whose transaction
/// committed after a scan passed its creation time is still found (a
/// contact asked already is awaiting an answer, and skipped).
const OVERLAP: Duration = Duration::minutes(10);
const PAGE: i64 = 500;

impl App {
    /// Asks one contact for consent (the contact page's button): skipped,
    /// with the reason, when the contact has no email or may not be asked.
    pub async fn request_consent(&self, p: &Principal, id: SubjectId, c: &CampaignInput) -> Result<RequestOutcome> {
        let ask = self.check_campaign(p, c).await?;
        let contact = self.store.get_contact(id).await?.ok_or(AppError::NotFound("contact"))?;
        if contact.data.emails.is_empty() {
            return Ok(RequestOutcome::Skipped("the contact has no email address"));
        }
        let when = if ask.renew { Asking::Renew(ask.notice) } else { Asking::Queue };
        if let Some(why) = self.request_blocker(id, &ask.purpose, OffsetDateTime::now_utc(), when).await? {
            return Ok(RequestOutcome::Skipped(why));
        }
        let out = self.ask_for_consent(&p.ctx(), p.author(), &ask, vec![id]).await?;
        Ok(if out.requested == 1 {
            RequestOutcome::Sent
        } else {
            RequestOutcome::Skipped("the contact may no longer be asked")
        })
    }

    /// How many contacts gave consent for `purpose` under a notice older
    /// than the newest version of the same notice (the segment `old_notice`).
    pub async fn old_notice_count(&self, p: &Principal, purpose: PurposeId) -> Result<i64> {
        self.require_purpose(purpose).await?;
        self.count_contacts(p, &old_notice(purpose).filter).await
    }

    /// Re-permission: asks everyone who gave consent for `c.purpose` under
    /// an older notice to consent again under `c.notice` (the current one).
    /// Their consent stays valid until they answer; confirming records
    /// consent under the new notice.
    pub async fn ask_again(&self, p: &Principal, c: &CampaignInput) -> Result<CampaignResult> {
        let c = CampaignInput { renew: true, ..c.clone() };
        self.run_campaign(p, &Selection::Matching(Box::new(old_notice(c.purpose))), &c).await
    }

    /// A purpose's automatic request rule, if one was ever set (dpo, admin).
    pub async fn auto_rule(&self, p: &Principal, purpose: PurposeId) -> Result<Option<AutoRule>> {
        p.require(p.role.can_manage_privacy(), "configure automatic consent requests")?;
        Ok(self.store.auto_rule(purpose).await?)
    }

    /// Sets a purpose's automatic request rule (dpo, admin): switched on,
    /// it asks contacts created from then on; never those created before.
    pub async fn save_auto_rule(&self, p: &Principal, r: AutoRuleFields) -> Result<()> {
        p.require(p.role.can_manage_privacy(), "configure automatic consent requests")?;
        if !(1..=365).contains(&r.wait_days) {
            return Err(Invalid::one("wait_days", "must be 1 to 365").into());
        }
        self.require_purpose(r.purpose).await?;
        self.request_template(r.template).await?;
        if self.store.get_notice(r.notice).await?.is_none() {
            return Err(Invalid::one("notice_id", "refers to a notice that does not exist").into());
        }
        let input = AutoRuleInput {
            purpose: r.purpose,
            template: r.template,
            notice: r.notice,
            wait_days: r.wait_days,
            enabled: r.enabled,
            by: p.author(),
        };
        Ok(self.store.save_auto_rule(&p.ctx(), &input).await?)
    }

    /// The newest version of the notice `id` is a version of (requests link
    /// to the notice as it is now).
    pub(crate) async fn current_notice(&self, id: Uuid) -> Result<Uuid> {
        let all = self.store.notices().await?;
        let Some(name) = all.iter().find(|n| n.id == id).map(|n| n.name.clone()) else { return Ok(id) };
        Ok(all.iter().filter(|n| n.name == name).max_by_key(|n| n.version).map_or(id, |n| n.id))
    }

    /// The job: for each rule switched on, asks the contacts created since
    /// its last scan (entered by staff or imported, with no basis for the
    /// purpose), then moves the scan forward. A run cut short is run again:
    /// contacts asked already are awaiting an answer and skipped.
    pub async fn run_auto_requests(&self) -> Result<AutoRun> {
        let ctx = Ctx { actor: "system:consent-requests".into(), request_id: Uuid::now_v7().to_string(), token: None };
        let mut run = AutoRun::default();
        for rule in self.store.enabled_auto_rules().await? {
            let to = OffsetDateTime::now_utc();
            let Some(purpose) = self.store.get_purpose(rule.purpose).await? else { continue };
            let template = match self.request_template(rule.template).await {
                Ok(t) => t,
                Err(e) => {
                    tracing::warn!(purpose.id = %rule.purpose, error = %e, "automatic consent requests: the rule's template cannot ask; skipped");
                    continue;
                }
            };
            run.rules += 1;
            let ask = Ask {
                purpose,
                notice: self.current_notice(rule.notice).await?,
                wait_days: rule.wait_days,
                content: Content::Template(template),
                renew: false,
            };
            let from = (rule.scanned_to - OVERLAP).max(rule.enabled_at);
            let mut cursor = (from, None);
            let mut out = CampaignResult::default();
            loop {
                let page = self.store.auto_request_candidates(rule.purpose, cursor, to, PAGE).await?;
                let Some(last) = page.last() else { break };
                cursor = (last.1, Some(last.0));
                let full = page.len() as i64 == PAGE;
                let ids = page.into_iter().map(|(id, _)| id).collect();
                let r = self.ask_for_consent(&ctx, None, &ask, ids).await?;
                out.requested += r.requested;
                out.skipped += r.skipped;
                if !full {
                    break;
                }
            }
            self.store.advance_auto_rule(rule.purpose, rule.scanned_to, to).await?;
            if out.requested > 0 {
                let name = match &ask.content {
                    Content::Template(t) => format!("Automatic request: {}", t.name),
                    Content::Free { subject, .. } => subject.clone(),
                };
                self.record_campaign(&ctx, None, &ask, Some(name), out).await?;
            }
            run.requested += out.requested;
            run.skipped += out.skipped;
        }
        Ok(run)
    }
}
