//! The `campaign-send` job: for each campaign that is due, writes its
//! audience into the delivery log (pages of [`AUDIENCE_PAGE`], resumable),
//! then takes up to `rate × tick` pending recipients. Each is decided at
//! that moment — `may_contact` for the campaign's purpose on email, an
//! address, not undeliverable — and queued (mail in the outbox, recipient
//! `queued`, a line on the timeline) or skipped with the reason, in one
//! transaction (`Store::take_recipient`). The outbox delivers; its lease
//! sends each mail once, except for a crash between the SMTP server's
//! acceptance and the database update, which sends it again with the same
//! `Message-ID` (receivers drop the duplicate).

use crate::templates::Rendered;
use crate::{App, AppError, Result};
use kith_domain::newsletter::{batch_size, CampaignStatus};
use kith_domain::Channel;
use kith_i18n::Tr;
use kith_store::mail::{Mail, NewMail};
use kith_store::newsletters::send::{Take, Taken};
use kith_store::newsletters::Newsletter;
use kith_store::templates::Template;
use std::time::{Duration, Instant};
use time::OffsetDateTime;
use uuid::Uuid;

/// How often the job runs.
pub const TICK: Duration = Duration::from_secs(5);
/// People written into the delivery log per transaction.
pub const AUDIENCE_PAGE: i64 = 500;
/// A run stops taking recipients after this long (the job's lease is longer).
const MAX_RUN: Duration = Duration::from_secs(60);

/// What a run did, in counts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SendRun {
    pub queued: u64,
    pub skipped: u64,
}

impl std::fmt::Display for SendRun {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} campaign mail(s) queued, {} recipient(s) skipped", self.queued, self.skipped)
    }
}

fn ctx() -> kith_store::Ctx {
    kith_store::Ctx { actor: "system:campaigns".into(), request_id: Uuid::now_v7().to_string(), token: None }
}

impl App {
    /// One run of the sender: every due campaign, a tick's worth each.
    pub async fn send_newsletters(&self, tick: Duration) -> Result<SendRun> {
        let started = Instant::now();
        let ctx = ctx();
        let mut run = SendRun::default();
        for id in self.store.due_newsletters(OffsetDateTime::now_utc()).await? {
            self.store.start_newsletter(&ctx, id).await?;
            let Some(c) = self.store.newsletter(id).await? else { continue };
            if c.status != CampaignStatus::Sending {
                continue;
            }
            self.write_audience(&ctx, &c).await?;
            let Some(template) = self.store.template(c.template).await? else {
                tracing::warn!(campaign.id = %id, "a sending campaign's template is gone; it waits");
                continue;
            };
            let purpose = self.store.get_purpose(c.purpose).await?.ok_or(AppError::NotFound("purpose"))?;
            let limit = batch_size(c.rate_per_minute, tick.as_millis() as i64);
            for subject in self.store.pending_recipients(id, limit).await? {
                match self.send_one(&ctx, &c, &template, &purpose.name, subject).await? {
                    Taken::Queued => run.queued += 1,
                    Taken::Skipped(_) => run.skipped += 1,
                    Taken::Stopped => break,
                    Taken::Changed | Taken::Gone => {}
                }
                if started.elapsed() > MAX_RUN {
                    break;
                }
            }
            self.store.finish_newsletter(&ctx, id).await?;
        }
        if run.queued > 0 {
            self.mail_wake.notify_one();
        }
        Ok(run)
    }

    /// Writes the rest of a campaign's audience into the delivery log.
    async fn write_audience(&self, ctx: &kith_store::Ctx, c: &Newsletter) -> Result<()> {
        if c.audience_done {
            return Ok(());
        }
        let q = crate::segments::SegmentQuery::parse(&c.audience)
            .map_err(|_| AppError::Conflict("the campaign's audience cannot be read".into()))?;
        let filter = q.filter();
        let mut after = self.store.newsletter_audience_after(c.id).await?;
        loop {
            let ids = self.store.segment_ids(&filter, after, AUDIENCE_PAGE).await?;
            let done = (ids.len() as i64) < AUDIENCE_PAGE;
            if !self.store.add_newsletter_audience(ctx, c.id, after, &ids, done).await? || done {
                return Ok(());
            }
            after = ids.last().map(|s| s.0);
        }
    }

    /// Decides and takes one recipient; decides again if the person's
    /// consent facts changed in between (at most a few times).
    async fn send_one(
        &self,
        ctx: &kith_store::Ctx,
        c: &Newsletter,
        template: &Template,
        purpose_name: &str,
        subject: kith_domain::SubjectId,
    ) -> Result<Taken> {
        for _ in 0..3 {
            let seen = self.store.consent_stamp(subject, c.purpose).await?;
            let now = OffsetDateTime::now_utc();
            let take = match self.store.get_contact(subject).await? {
                None => Take::Skip("the contact no longer exists".into()),
                Some(contact) => {
                    let d = self.may_contact(subject, Channel::Email, c.purpose, now).await?;
                    match contact.data.emails.first() {
                        _ if !d.allowed => {
                            Take::Skip(format!("may not be emailed for {purpose_name}: {}", d.explain()))
                        }
                        None => Take::Skip("no email address".into()),
                        Some(email) => {
                            let company = match contact.company {
                                Some(co) => self.store.get_company(co).await?.map(|co| co.name),
                                None => None,
                            };
                            let fields =
                                self.fields_of(subject, &contact, c.purpose.0, company, Some(purpose_name.to_owned()));
                            let lang = self.person_language(subject).await?;
                            let r = Rendered::of(self.template_for(template, lang.as_deref()), &fields);
                            let unsubscribe = fields.unsubscribe_url.clone().unwrap_or_default();
                            let links = Links {
                                unsubscribe: &unsubscribe,
                                preferences: fields.preferences_url.as_deref().unwrap_or_default(),
                                portal: fields.portal_url.as_deref().unwrap_or_default(),
                                tr: Tr::new(&r.language),
                            };
                            Take::Queue {
                                address_key: self.store.email_key(email),
                                note: format!("Newsletter \"{}\" sent", c.name),
                                mail: Box::new(NewMail {
                                    id: Uuid::now_v7(),
                                    subject,
                                    kind: "newsletter",
                                    mail: Mail {
                                        to: email.as_str().to_owned(),
                                        subject: r.subject.clone(),
                                        text: format!("{}{}", r.text.trim_end(), links.text()),
                                        headers: vec![
                                            ("List-Unsubscribe".into(), format!("<{unsubscribe}>")),
                                            ("List-Unsubscribe-Post".into(), "List-Unsubscribe=One-Click".into()),
                                        ],
                                        attachments: vec![],
                                        asks_for: None,
                                    },
                                }),
                            }
                        }
                    }
                }
            };
            match self.store.take_recipient(ctx, c, subject, &seen, take).await? {
                Taken::Changed => continue,
                t => return Ok(t),
            }
        }
        Ok(Taken::Changed)
    }
}

/// The links every campaign mail ends with, whatever its template says,
/// in the language of the text the person got.
struct Links<'a> {
    unsubscribe: &'a str,
    preferences: &'a str,
    portal: &'a str,
    tr: Tr,
}

impl Links<'_> {
    fn text(&self) -> String {
        format!(
            "\n\n--\n{}\n{}\n{}\n",
            self.tr.t1("mail-unsubscribe", "link", self.unsubscribe),
            self.tr.t1("mail-footer-preferences", "link", self.preferences),
            self.tr.t1("mail-footer-portal", "link", self.portal),
        )
    }
}
