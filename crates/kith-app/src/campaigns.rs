//! Consent request campaigns (the Zoho flow): ask existing contacts for
//! consent to a purpose by mail. Each contact gets a `requested` event
//! with an answer deadline and a double opt-in link; those who do not
//! answer in time show as "not responded" without anyone acting.

use crate::bulk::Selection;
use crate::purposes::text;
use crate::tokens::{self, Claims, TokenKind};
use crate::{App, Principal, Result};
use kith_domain::consent::fold;
use kith_domain::{
    Channel, ConsentAction, ConsentMethod, ConsentState, Invalid, ObjectionDecision, PurposeId, SubjectId,
};
use kith_store::consent::{ConsentWrite, NewConsentEvent, SealedProof};
use kith_store::mail::{Mail, NewMail};
use kith_store::purposes::{Campaign, Purpose};
use time::OffsetDateTime;
use uuid::Uuid;

#[derive(Clone, Debug)]
pub struct CampaignInput {
    pub purpose: PurposeId,
    /// The notice the request links to (the person sees it on the confirm page).
    pub notice: Uuid,
    pub mail_subject: String,
    /// The mail's text; Kith appends the confirmation and unsubscribe links.
    pub mail_body: String,
    /// Days to answer before the request counts as not responded.
    pub wait_days: i64,
}

/// What a campaign did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CampaignResult {
    pub requested: u64,
    /// No email, already consenting, already asked, or said no on email.
    pub skipped: u64,
}

impl App {
    /// Sends consent requests to the selected contacts (at most
    /// [`crate::bulk::MAX_BULK`]). Contacts who refused or withdrew on
    /// email are never asked again by a campaign.
    pub async fn run_campaign(&self, p: &Principal, sel: &Selection, c: &CampaignInput) -> Result<CampaignResult> {
        self.check_campaign(p, c).await?;
        let purpose = self.store.get_purpose(c.purpose).await?.ok_or(crate::AppError::NotFound("purpose"))?;
        let ids = self.selection_ids(p, sel).await?;
        let now = OffsetDateTime::now_utc();
        let until = now + time::Duration::days(c.wait_days);
        let mut out = CampaignResult::default();
        let mut batch = ConsentWrite::default();
        for id in ids {
            let Some(contact) = self.store.get_contact(id).await? else {
                out.skipped += 1;
                continue;
            };
            let Some(email) = contact.data.emails.first() else {
                out.skipped += 1;
                continue;
            };
            if !self.may_request(id, &purpose, now, false).await? {
                out.skipped += 1;
                continue;
            }
            let request = Uuid::now_v7();
            let token = tokens::sign(
                self.store.vault(),
                TokenKind::Confirm,
                Claims { subject: id, scope: request, expires: until.unix_timestamp() },
            );
            let unsubscribe = self.unsubscribe_link(id, c.purpose.0);
            batch.events.push(NewConsentEvent {
                id: Uuid::now_v7(),
                subject: id,
                purpose: c.purpose,
                action: ConsentAction::Requested,
                channels: vec![Channel::Email],
                method: ConsentMethod::DoubleOptIn,
                at: now,
                until: Some(until),
                notice: Some(c.notice),
                form: None,
                actor_user: p.author(),
                gpc: false,
                request: Some(request),
                proof: SealedProof {
                    evidence_ref: Some(format!("consent request mail, request {request}")),
                    ..Default::default()
                },
            });
            batch.mails.push(NewMail {
                id: Uuid::now_v7(),
                subject: id,
                kind: "consent_request",
                mail: Mail {
                    to: email.as_str().to_owned(),
                    subject: c.mail_subject.trim().to_owned(),
                    text: format!(
                        "{}\n\nTo agree, open this link and press \"Confirm\" (valid {} days):\n{}/c/{token}\n\nManage your choices: {}\nUnsubscribe: {unsubscribe}\n",
                        c.mail_body.trim(),
                        c.wait_days,
                        self.settings.public_url,
                        self.preferences_link(id),
                    ),
                    headers: vec![
                        ("List-Unsubscribe".into(), format!("<{unsubscribe}>")),
                        ("List-Unsubscribe-Post".into(), "List-Unsubscribe=One-Click".into()),
                    ],
                    attachments: vec![],
                    asks_for: Some(c.purpose),
                },
            });
            out.requested += 1;
            if batch.events.len() >= 200 {
                self.store.write_consent(&p.ctx(), std::mem::take(&mut batch)).await?;
            }
        }
        if !batch.events.is_empty() {
            self.store.write_consent(&p.ctx(), batch).await?;
        }
        self.mail_wake.notify_one();
        let record = Campaign {
            id: Uuid::now_v7(),
            purpose: c.purpose,
            name: c.mail_subject.trim().to_owned(),
            mail_subject: c.mail_subject.trim().to_owned(),
            mail_body: c.mail_body.trim().to_owned(),
            wait_days: c.wait_days,
            created_by: p.author(),
            created_at: now,
            requested: out.requested as i64,
            skipped: out.skipped as i64,
        };
        self.store.insert_campaign(&p.ctx(), &record).await?;
        Ok(out)
    }

    /// How many contacts a campaign would consider (before skipping those
    /// without email or already answered): what the confirmation states.
    pub async fn campaign_count(&self, p: &Principal, sel: &Selection, c: &CampaignInput) -> Result<u64> {
        self.check_campaign(p, c).await?;
        let ids = self.selection_ids(p, sel).await?;
        let n = match sel {
            Selection::Ids(_) => self.existing(&ids).await?.len(),
            Selection::Matching(_) => ids.len(),
        };
        Ok(n as u64)
    }

    async fn check_campaign(&self, p: &Principal, c: &CampaignInput) -> Result<()> {
        p.require(p.role.can_record_consent(), "send consent requests")?;
        let mut inv = Invalid::default();
        text(&mut inv, "mail_subject", &c.mail_subject, 1, 200, false);
        text(&mut inv, "mail_body", &c.mail_body, 1, 10_000, true);
        if !(1..=365).contains(&c.wait_days) {
            inv.push("wait_days", "must be 1 to 365");
        }
        inv.into_result()?;
        self.require_purpose(c.purpose).await?;
        if self.store.get_notice(c.notice).await?.is_none() {
            return Err(Invalid::one("notice_id", "refers to a notice that does not exist").into());
        }
        Ok(())
    }

    /// Whether a consent request for `purpose` may go to the person at
    /// `now`: processing is not restricted, no objection stops it (any
    /// objection to direct marketing; a pending or upheld one otherwise),
    /// and on email the person has neither said yes nor no. `queued`: the
    /// request is already on the ledger, so "awaiting an answer" is its own
    /// state and does not stop it (the sender asks this again before
    /// sending; the campaign asks it before queuing).
    pub(crate) async fn may_request(
        &self,
        id: SubjectId,
        purpose: &Purpose,
        now: OffsetDateTime,
        queued: bool,
    ) -> Result<bool> {
        if self.store.restricted_since(id).await?.is_some() {
            return Ok(false);
        }
        let objected = self.store.objections_of(id).await?.into_iter().any(|o| {
            o.purpose == purpose.id
                && (purpose.direct_marketing
                    || matches!(o.decision, ObjectionDecision::Pending | ObjectionDecision::Upheld))
        });
        if objected {
            return Ok(false);
        }
        let events = self.store.consent_events(id).await?;
        let facts: Vec<_> = events.iter().filter(|e| e.purpose == purpose.id).map(|e| e.fact()).collect();
        Ok(match fold(&facts, Channel::Email, now) {
            ConsentState::None | ConsentState::NotResponded { .. } | ConsentState::Expired { .. } => true,
            ConsentState::Awaiting { .. } => queued,
            ConsentState::Given { .. } | ConsentState::Refused { .. } | ConsentState::Withdrawn { .. } => false,
        })
    }

    /// Past campaigns, newest first.
    pub async fn campaigns(&self, _p: &Principal) -> Result<Vec<Campaign>> {
        Ok(self.store.campaigns(100).await?)
    }
}
