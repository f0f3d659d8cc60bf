//! Art. 14 notices: people whose data came from an import or a staff entry
//! (not from themselves) are told, once, in their language, who holds their
//! data, why and on what basis, where it came from and what their rights
//! are, with the portal link. Sent from an import's page (its people who
//! have not had it), from a contact's page, or by the job within the month
//! Art. 14(3)(a) allows; each notice is recorded on the contact in the
//! transaction that queues its mail.

use crate::letters::art14::mail;
use crate::{App, Principal, Result};
use kith_domain::art14::{owed, NoticeFacts, NoticePurpose, MONTH_DAYS};
use kith_domain::{Invalid, SubjectId};
use kith_store::art14::{Art14Notice, Art14Scope, Art14Settings, PersonToNotify};
use kith_store::mail::{Mail, NewMail};
use kith_store::Ctx;
use time::{Duration, OffsetDateTime};
use uuid::Uuid;

/// People queued per transaction.
pub const PAGE: i64 = 500;

/// What a sending did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Sent {
    /// Notices recorded and their mail queued.
    pub queued: usize,
    /// People owed one who have no email address: not sent, counted.
    pub no_address: usize,
    /// People owed one whose processing is restricted (Art. 18): not sent,
    /// counted.
    pub restricted: usize,
}

/// What the privacy overview shows of Art. 14.
#[derive(Clone, Copy, Debug)]
pub struct Art14Overview {
    pub settings: Art14Settings,
    /// People owed a notice, older than a month, who never had it.
    pub overdue: i64,
}

/// The categories of data a contact holds, for the notice.
fn categories(p: &PersonToNotify) -> Vec<&'static str> {
    let d = &p.contact.data;
    let mut out = Vec::new();
    if d.first_name.is_some() || d.last_name.is_some() {
        out.push("name");
    }
    if !d.emails.is_empty() {
        out.push("email");
    }
    if !d.phones.is_empty() {
        out.push("phone");
    }
    if d.address.is_some() {
        out.push("address");
    }
    if d.job_title.is_some() {
        out.push("job_title");
    }
    if p.contact.company.is_some() {
        out.push("company");
    }
    out
}

impl App {
    /// How many people an import run created who are owed the notice and
    /// have not had it (admin, dpo).
    pub async fn art14_run_pending(&self, p: &Principal, run: Uuid) -> Result<i64> {
        p.require(p.role.can_manage_privacy(), "send Art. 14 notices")?;
        Ok(self.store.art14_pending(Art14Scope::Run(run)).await?)
    }

    /// Sends the notice to the people an import run created who have not
    /// had it (admin, dpo), in pages of [`PAGE`].
    pub async fn send_art14_for_run(&self, p: &Principal, run: Uuid) -> Result<Sent> {
        p.require(p.role.can_manage_privacy(), "send Art. 14 notices")?;
        self.send_art14(&p.ctx(), Art14Scope::Run(run), "import_run").await
    }

    /// Sends the notice to one contact owed it (admin, dpo): refused for a
    /// person whose data came from them, or who had it.
    pub async fn send_art14_to(&self, p: &Principal, id: SubjectId) -> Result<Sent> {
        p.require(p.role.can_manage_privacy(), "send Art. 14 notices")?;
        let c = self.store.get_contact(id).await?.ok_or(crate::AppError::NotFound("contact"))?;
        if !c.source.as_ref().is_some_and(|s| owed(s.kind)) {
            return Err(crate::AppError::Conflict(
                "this person's data came from them (a web form or the portal): Art. 14 does not apply".into(),
            ));
        }
        if self.store.art14_notice(id).await?.is_some() {
            return Err(crate::AppError::Conflict("this person had the Art. 14 notice already".into()));
        }
        let sent = self.send_art14(&p.ctx(), Art14Scope::One(id), "manual").await?;
        if sent.no_address > 0 {
            return Err(Invalid::one("email", "the contact has no email address to send the notice to").into());
        }
        Ok(sent)
    }

    /// Whether a contact is owed the notice (its data did not come from
    /// the person), and the notice it had, if any (for the contact page,
    /// which has read the contact already).
    pub async fn art14_standing(&self, _p: &Principal, id: SubjectId) -> Result<(bool, Option<Art14Notice>)> {
        let c = self.store.get_contact(id).await?.ok_or(crate::AppError::NotFound("contact"))?;
        if !c.source.as_ref().is_some_and(|s| owed(s.kind)) {
            return Ok((false, None));
        }
        Ok((true, self.store.art14_notice(id).await?))
    }

    /// The automatic mode's setting and the people overdue (admin, dpo).
    pub async fn art14_overview(&self, p: &Principal) -> Result<Art14Overview> {
        p.require(p.role.can_manage_privacy(), "see Art. 14 notices")?;
        let settings = self.store.art14_settings().await?;
        let month_ago = OffsetDateTime::now_utc() - Duration::days(MONTH_DAYS);
        Ok(Art14Overview { settings, overdue: self.store.art14_overdue(month_ago).await? })
    }

    /// Turns the automatic mode on or off, sending `after_days` (1 to 30)
    /// after a contact's creation (admin, dpo).
    pub async fn set_art14_settings(&self, p: &Principal, auto: bool, after_days: i64) -> Result<()> {
        p.require(p.role.can_manage_privacy(), "change Art. 14 notices")?;
        if !(1..=MONTH_DAYS).contains(&after_days) {
            return Err(Invalid::one(
                "after_days",
                format!("1 to {MONTH_DAYS} days: the notice is due within a month (Art. 14(3)(a))"),
            )
            .into());
        }
        Ok(self.store.set_art14_settings(&p.ctx(), Art14Settings { auto, after_days }).await?)
    }

    /// The job: when the automatic mode is on, sends the notice to people
    /// owed it whose contact is between `after_days` and a month old. It
    /// never sends late by itself: older people are reported as overdue.
    pub async fn art14_auto(&self) -> Result<String> {
        let s = self.store.art14_settings().await?;
        if !s.auto {
            return Ok("off".into());
        }
        let now = OffsetDateTime::now_utc();
        let scope = Art14Scope::Created {
            from: now - Duration::days(MONTH_DAYS),
            to: now - Duration::days(s.after_days.clamp(0, MONTH_DAYS)),
        };
        let ctx = Ctx { actor: "system:art14-notices".into(), request_id: Uuid::now_v7().to_string(), token: None };
        let sent = self.send_art14(&ctx, scope, "auto").await?;
        Ok(format!(
            "{} notice(s) queued, {} without an address, restricted: {}",
            sent.queued, sent.no_address, sent.restricted
        ))
    }

    /// Builds each person's notice in their language and records it with
    /// its mail, a page at a time.
    async fn send_art14(&self, ctx: &Ctx, scope: Art14Scope, trigger: &'static str) -> Result<Sent> {
        let controller = self.controller_identity().await?;
        let purposes = self.store.purposes().await?;
        let portal = format!("{}/portal", self.settings.public_url);
        let mut sent = Sent::default();
        let mut after = None;
        loop {
            let (people, next) = self.store.art14_page(scope, after, PAGE).await?;
            let mut mails = Vec::with_capacity(people.len());
            for person in &people {
                let Some(to) = person.contact.data.emails.first() else {
                    sent.no_address += 1;
                    continue;
                };
                // The person's own bases; without any, the purposes Kith is used for.
                let bases = self.store.bases_of(person.contact.id).await?;
                let stated: Vec<NoticePurpose> = purposes
                    .iter()
                    .filter_map(|pu| {
                        let basis = if bases.is_empty() {
                            pu.default_basis
                        } else {
                            bases.iter().find(|b| b.purpose == pu.id)?.basis
                        };
                        Some(NoticePurpose {
                            name: pu.name.clone(),
                            basis,
                            description: pu.description.clone(),
                            retention: pu.retention.clone(),
                            recipients: pu.recipients.clone(),
                        })
                    })
                    .collect();
                let lang = self.mail_lang(person.language.as_deref());
                let cats = categories(person);
                let facts = NoticeFacts {
                    controller: &controller,
                    purposes: &stated,
                    source: person.contact.source.as_ref(),
                    categories: &cats,
                    portal: &portal,
                };
                let (subject, text) = mail(&kith_i18n::Tr::new(lang), &facts);
                let m = Mail {
                    to: to.as_str().to_owned(),
                    subject,
                    text,
                    headers: vec![],
                    attachments: vec![],
                    asks_for: None,
                };
                mails.push((
                    NewMail { id: Uuid::now_v7(), subject: person.contact.id, kind: "art14", mail: m },
                    lang.to_owned(),
                ));
            }
            let (queued, restricted) = self.store.record_art14_notices(ctx, trigger, &mails).await?;
            sent.queued += queued;
            sent.restricted += restricted;
            match next {
                Some(n) => after = Some(n),
                None => break,
            }
        }
        if sent.queued > 0 {
            self.mail_wake.notify_one();
        }
        Ok(sent)
    }
}
