//! Consent request campaigns (the Zoho flow): ask existing contacts for
//! consent to a purpose by mail. Each contact gets a `requested` event
//! with an answer deadline and a double opt-in link; those who do not
//! answer in time show as "not responded" without anyone acting.

use crate::bulk::Selection;
use crate::purposes::text;
use crate::templates::Template;
use crate::tokens::{self, Claims, TokenKind};
use crate::{App, Principal, Result};
use kith_domain::consent::fold;
use kith_domain::template::{self, TemplateKind};
use kith_domain::{
    Channel, CompanyId, ConsentAction, ConsentMethod, ConsentState, Invalid, ObjectionDecision, PurposeId, SubjectId,
    UserId,
};
use kith_i18n::Tr;
use kith_store::consent::{ConsentEvent, ConsentWrite, NewConsentEvent, SealedProof};
use kith_store::mail::{Mail, NewMail};
use kith_store::purposes::{Campaign, Purpose};
use kith_store::Ctx;
use std::collections::HashMap;
use time::OffsetDateTime;
use uuid::Uuid;

#[derive(Clone, Debug)]
pub struct CampaignInput {
    pub purpose: PurposeId,
    /// The notice the request links to (the person sees it on the confirm page).
    pub notice: Uuid,
    /// Free text (without a template): the subject…
    pub mail_subject: String,
    /// …and the text; Kith appends the confirmation and unsubscribe links.
    pub mail_body: String,
    /// Days to answer before the request counts as not responded.
    pub wait_days: i64,
    /// A consent request template instead of the free text: each person
    /// gets its text in their language, merge fields filled in.
    pub template: Option<Uuid>,
    /// Re-permission: also ask people who gave consent under a notice other
    /// than `notice` (their consent stays valid until they answer).
    pub renew: bool,
}

/// When a request is checked, and what it may reach.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Asking {
    /// Before queuing a request: not who already answered on email, nor
    /// who awaits an answer.
    Queue,
    /// Before queuing a re-permission under `notice` (the current one):
    /// also who gave consent under another notice. Their consent stays as
    /// it is until they answer (a request never undoes consent given).
    Renew(Uuid),
    /// The sender, just before sending a queued request: who awaits an
    /// answer, and who gave consent before a re-permission request.
    Send,
}

/// What a campaign did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CampaignResult {
    pub requested: u64,
    /// No email, already consenting, already asked, or said no on email.
    pub skipped: u64,
}

/// What the request mail says.
#[derive(Clone, Debug)]
pub(crate) enum Content {
    Free { subject: String, body: String },
    Template(Template),
}

/// A checked request: to whom it is about, under which notice, saying what.
#[derive(Clone, Debug)]
pub(crate) struct Ask {
    pub purpose: Purpose,
    pub notice: Uuid,
    pub wait_days: i64,
    pub content: Content,
    /// A re-permission (see [`Asking::Renew`]).
    pub renew: bool,
}

/// "Unsubscribe", in the languages Kith's public pages speak.
impl App {
    /// Sends consent requests to the selected contacts (at most
    /// [`crate::bulk::MAX_BULK`]). Contacts who refused or withdrew on
    /// email are never asked again by a campaign.
    pub async fn run_campaign(&self, p: &Principal, sel: &Selection, c: &CampaignInput) -> Result<CampaignResult> {
        let ask = self.check_campaign(p, c).await?;
        let ids = self.selection_ids(p, sel).await?;
        let out = self.ask_for_consent(&p.ctx(), p.author(), &ask, ids).await?;
        self.record_campaign(&p.ctx(), p.author(), &ask, None, out).await?;
        Ok(out)
    }

    /// Records a campaign as sent (the list of past campaigns).
    pub(crate) async fn record_campaign(
        &self,
        ctx: &Ctx,
        author: Option<UserId>,
        ask: &Ask,
        name: Option<String>,
        out: CampaignResult,
    ) -> Result<()> {
        let (subject, body, template, default_name) = match &ask.content {
            Content::Free { subject, body } => (subject.clone(), body.clone(), None, subject.clone()),
            Content::Template(t) => {
                let x = self.template_for(t, None);
                (x.subject.clone(), x.body.clone(), Some(t.id), t.name.clone())
            }
        };
        let record = Campaign {
            id: Uuid::now_v7(),
            purpose: ask.purpose.id,
            name: name.unwrap_or(default_name),
            mail_subject: subject,
            mail_body: body,
            wait_days: ask.wait_days,
            created_by: author,
            created_at: OffsetDateTime::now_utc(),
            requested: out.requested as i64,
            skipped: out.skipped as i64,
            template,
        };
        self.store.insert_campaign(ctx, &record).await?;
        Ok(())
    }

    /// Queues a request to each of `ids` who may be asked (see
    /// [`App::may_request`]): a `requested` event and the mail, in batches
    /// of 200 per transaction.
    pub(crate) async fn ask_for_consent(
        &self,
        ctx: &Ctx,
        author: Option<UserId>,
        a: &Ask,
        ids: Vec<SubjectId>,
    ) -> Result<CampaignResult> {
        let now = OffsetDateTime::now_utc();
        let until = now + time::Duration::days(a.wait_days);
        let mut out = CampaignResult::default();
        let mut batch = ConsentWrite::default();
        let mut companies: HashMap<CompanyId, Option<String>> = HashMap::new();
        // The notice in each language: the latest version of the chosen
        // notice's name in that language, if there is one.
        let chosen = self.store.get_notice(a.notice).await?;
        let notices = self.store.notices().await?;
        let notice_in = |lang: &str| match &chosen {
            Some(c) if c.language != lang => notices
                .iter()
                .filter(|n| n.name == c.name && n.language == lang)
                .max_by_key(|n| n.version)
                .map_or(a.notice, |n| n.id),
            _ => a.notice,
        };
        for chunk in ids.chunks(500) {
            let languages = self.store.languages_of(chunk).await?;
            for &id in chunk {
                let Some(contact) = self.store.get_contact(id).await? else {
                    out.skipped += 1;
                    continue;
                };
                let Some(email) = contact.data.emails.first() else {
                    out.skipped += 1;
                    continue;
                };
                // A request in the person's language links to the notice in it.
                let notice = match &a.content {
                    Content::Template(t) => {
                        notice_in(&self.template_for(t, languages.get(&id).map(String::as_str)).language)
                    }
                    Content::Free { .. } => a.notice,
                };
                let when = if a.renew { Asking::Renew(notice) } else { Asking::Queue };
                if self.request_blocker(id, &a.purpose, now, when).await?.is_some() {
                    out.skipped += 1;
                    continue;
                }
                let request = Uuid::now_v7();
                let token = tokens::sign(
                    self.store.vault(),
                    TokenKind::Confirm,
                    Claims { subject: id, scope: request, expires: until.unix_timestamp() },
                );
                let confirm = format!("{}/c/{token}", self.settings.public_url);
                let unsubscribe = self.unsubscribe_link(id, a.purpose.id.0);
                // Kith's own words in the person's language.
                let tr = Tr::new(self.mail_lang(languages.get(&id).map(String::as_str)));
                let (subject, text) = match &a.content {
                    Content::Free { subject, body } => (
                        subject.trim().to_owned(),
                        format!(
                            "{}\n\n{}\n{confirm}\n\n{}\n{}\n",
                            body.trim(),
                            tr.t1("mail-request-confirm", "days", a.wait_days),
                            tr.t1("mail-request-manage", "link", self.preferences_link(id)),
                            tr.t1("mail-unsubscribe", "link", unsubscribe.as_str()),
                        ),
                    ),
                    Content::Template(t) => {
                        let company = match contact.company {
                            Some(c) => match companies.get(&c) {
                                Some(n) => n.clone(),
                                None => {
                                    let n = self.store.get_company(c).await?.map(|c| c.name);
                                    companies.insert(c, n.clone());
                                    n
                                }
                            },
                            None => None,
                        };
                        let mut f = self.fields_of(id, &contact, a.purpose.id.0, company, Some(a.purpose.name.clone()));
                        f.confirm_url = Some(confirm.clone());
                        f.unsubscribe_url = Some(unsubscribe.clone());
                        let x = self.template_for(t, languages.get(&id).map(String::as_str));
                        let mut subject = template::render_subject(&x.subject, &f);
                        if subject.is_empty() {
                            subject = a.purpose.name.clone();
                        }
                        let mut text = template::render_text(&x.body, &f);
                        if !template::check(&x.body).unwrap_or_default().contains(&"unsubscribe_url") {
                            let words = Tr::new(&x.language).t1("mail-unsubscribe", "link", unsubscribe.as_str());
                            text = format!("{}\n\n{words}\n", text.trim_end());
                        }
                        (subject, text)
                    }
                };
                batch.events.push(NewConsentEvent {
                    id: Uuid::now_v7(),
                    subject: id,
                    purpose: a.purpose.id,
                    action: ConsentAction::Requested,
                    channels: vec![Channel::Email],
                    method: ConsentMethod::DoubleOptIn,
                    at: now,
                    until: Some(until),
                    notice: Some(notice),
                    form: None,
                    actor_user: author,
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
                        subject,
                        text,
                        headers: vec![
                            ("List-Unsubscribe".into(), format!("<{unsubscribe}>")),
                            ("List-Unsubscribe-Post".into(), "List-Unsubscribe=One-Click".into()),
                        ],
                        attachments: vec![],
                        asks_for: Some(a.purpose.id),
                    },
                });
                out.requested += 1;
                if batch.events.len() >= 200 {
                    self.store.write_consent(ctx, std::mem::take(&mut batch)).await?;
                }
            }
        }
        if !batch.events.is_empty() {
            self.store.write_consent(ctx, batch).await?;
        }
        if out.requested > 0 {
            self.mail_wake.notify_one();
        }
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

    pub(crate) async fn check_campaign(&self, p: &Principal, c: &CampaignInput) -> Result<Ask> {
        p.require(p.role.can_record_consent(), "send consent requests")?;
        let mut inv = Invalid::default();
        if c.template.is_none() {
            text(&mut inv, "mail_subject", &c.mail_subject, 1, 200, false);
            text(&mut inv, "mail_body", &c.mail_body, 1, 10_000, true);
        }
        if !(1..=365).contains(&c.wait_days) {
            inv.push("wait_days", "must be 1 to 365");
        }
        inv.into_result()?;
        let purpose = self.require_purpose(c.purpose).await?;
        if self.store.get_notice(c.notice).await?.is_none() {
            return Err(Invalid::one("notice_id", "refers to a notice that does not exist").into());
        }
        let content = match c.template {
            None => Content::Free { subject: c.mail_subject.clone(), body: c.mail_body.clone() },
            Some(id) => Content::Template(self.request_template(id).await?),
        };
        Ok(Ask { purpose, notice: c.notice, wait_days: c.wait_days, content, renew: c.renew })
    }

    /// A template fit to ask for consent: a consent request whose every
    /// text holds `{{confirm_url}}` (errors name `template_id`).
    pub(crate) async fn request_template(&self, id: Uuid) -> Result<Template> {
        let t = self
            .store
            .template(id)
            .await?
            .ok_or_else(|| Invalid::one("template_id", "refers to a template that does not exist"))?;
        if t.kind != TemplateKind::ConsentRequest {
            return Err(Invalid::one("template_id", "is not a consent request template").into());
        }
        if t.texts.is_empty() {
            return Err(Invalid::one("template_id", "the template has no text").into());
        }
        for x in &t.texts {
            if !template::check(&x.body).unwrap_or_default().contains(&"confirm_url") {
                return Err(Invalid::one(
                    "template_id",
                    format!(
                        "the template's text texts.{}.body has no {{{{confirm_url}}}}: the person could not answer",
                        x.language
                    ),
                )
                .into());
            }
        }
        Ok(t)
    }

    /// Whether a consent request for `purpose` may go to the person at
    /// `now` (see [`App::request_blocker`]); `queued`: asked by the sender
    /// of a request already on the ledger.
    pub(crate) async fn may_request(
        &self,
        id: SubjectId,
        purpose: &Purpose,
        now: OffsetDateTime,
        queued: bool,
    ) -> Result<bool> {
        let when = if queued { Asking::Send } else { Asking::Queue };
        Ok(self.request_blocker(id, purpose, now, when).await?.is_none())
    }

    /// Why a consent request for `purpose` may not go to the person at
    /// `now`, if it may not: processing is restricted, an objection stops
    /// it (any objection to direct marketing; a pending or upheld one
    /// otherwise), or on email the person has already said yes or no (see
    /// [`Asking`] for a re-permission, and for the sender).
    pub(crate) async fn request_blocker(
        &self,
        id: SubjectId,
        purpose: &Purpose,
        now: OffsetDateTime,
        when: Asking,
    ) -> Result<Option<&'static str>> {
        if self.store.restricted_since(id).await?.is_some() {
            return Ok(Some("processing of this contact is restricted (Art. 18)"));
        }
        let objected = self.store.objections_of(id).await?.into_iter().any(|o| {
            o.purpose == purpose.id
                && (purpose.direct_marketing
                    || matches!(o.decision, ObjectionDecision::Pending | ObjectionDecision::Upheld))
        });
        if objected {
            return Ok(Some("the contact objected to this purpose"));
        }
        let events = self.store.consent_events(id).await?;
        let mine: Vec<&ConsentEvent> = events.iter().filter(|e| e.purpose == purpose.id).collect();
        let facts: Vec<_> = mine.iter().map(|e| e.fact()).collect();
        // Requests on email made after ledger event `seq`.
        let requests_after = |seq: i64| {
            mine.iter().filter(move |e| {
                e.seq > seq && e.action == ConsentAction::Requested && e.channels.contains(&Channel::Email)
            })
        };
        Ok(match (fold(&facts, Channel::Email, now), when) {
            (ConsentState::None | ConsentState::NotResponded { .. } | ConsentState::Expired { .. }, _) => None,
            (ConsentState::Awaiting { .. }, Asking::Send) => None,
            (ConsentState::Awaiting { .. }, _) => Some("a request already awaits the contact's answer"),
            (ConsentState::Given { seq, .. }, when) => {
                let given_under = mine.iter().find(|e| e.seq == seq).and_then(|e| e.notice);
                match when {
                    Asking::Renew(notice) if given_under == Some(notice) => {
                        Some("the contact gave consent under this notice already")
                    }
                    Asking::Renew(notice) if requests_after(seq).any(|r| r.notice == Some(notice)) => {
                        Some("a request already awaits the contact's answer")
                    }
                    Asking::Renew(_) => None,
                    // The sender lets a re-permission go: a request made
                    // after the consent, under another notice.
                    Asking::Send if requests_after(seq).any(|r| r.notice.is_some() && r.notice != given_under) => None,
                    _ => Some("the contact has already given consent on email"),
                }
            }
            (ConsentState::Refused { .. } | ConsentState::Withdrawn { .. }, _) => {
                Some("the contact refused or withdrew consent on email, and is never asked again")
            }
        })
    }

    /// Past campaigns, newest first.
    pub async fn campaigns(&self, _p: &Principal) -> Result<Vec<Campaign>> {
        Ok(self.store.campaigns(100).await?)
    }
}
