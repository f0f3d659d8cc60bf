//! The public consent form: a submission records the request and queues
//! the confirmation mail (double opt-in).

use super::{public_ctx, PublicForm, Submission, Visitor};
use crate::tokens::{self, Claims, TokenKind};
use crate::{App, AppError, Result};
use kith_domain::consent::fold;
use kith_domain::{ConsentAction, ConsentMethod, ConsentState, ContactData, Email, Invalid, Phone, SubjectId};
use kith_domain::{Provenance, SourceKind};
use kith_i18n::Tr;
use kith_store::consent::{ConsentWrite, NewConsentEvent, SealedProof};
use kith_store::contacts::ContactInput;
use kith_store::mail::{Mail, NewMail};
use time::OffsetDateTime;
use uuid::Uuid;

const FORM_WINDOW_MS: i64 = 15 * 60 * 1000;
const FORM_MAX_PER_CLIENT: i64 = 30;
const FORM_MAX_PER_EMAIL: i64 = 5;

impl App {
    /// An active form by its slug.
    pub async fn public_form(&self, slug: &str) -> Result<PublicForm> {
        // Only a well-formed slug reaches the database (a NUL would not).
        if slug.is_empty()
            || slug.len() > 60
            || !slug.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        {
            return Err(AppError::NotFound("form"));
        }
        let form = self.store.form_by_slug(slug).await?.filter(|f| f.active).ok_or(AppError::NotFound("form"))?;
        let all = self.store.subscription_types().await?;
        let subscriptions =
            form.subscriptions.iter().filter_map(|id| all.iter().find(|s| s.id == *id).cloned()).collect();
        let notice = self.store.get_notice(form.notice).await?.ok_or(AppError::NotFound("notice"))?;
        Ok(PublicForm { form, subscriptions, notice })
    }

    /// Takes a form submission: creates the contact if the email is new
    /// (an existing contact's data is never overwritten from a public
    /// form), records `requested` for each ticked subscription and queues
    /// the confirmation mail — nothing else is sent to the address until
    /// the person confirms. The answer is the same whether the email was
    /// known or not. Rate-limited per client address and per email.
    pub async fn submit_form(&self, slug: &str, s: Submission, client: &str, v: Visitor) -> Result<()> {
        let f = self.public_form(slug).await?;
        let mut inv = Invalid::default();
        let email = inv.check("email", Email::parse(s.email.trim()));
        let phone = match s.phone.as_deref().map(str::trim).filter(|p| !p.is_empty()) {
            Some(p) if f.form.fields.iter().any(|x| x == "phone") => inv.check("phone", Phone::parse(p)),
            _ => None,
        };
        if s.subscriptions.is_empty() {
            inv.push("subscriptions", "tick at least one subscription to subscribe");
        }
        if s.subscriptions.iter().any(|id| !f.subscriptions.iter().any(|x| x.id == *id)) {
            inv.push("subscriptions", "this form does not offer that subscription");
        }
        let asks = |field: &str| f.form.fields.iter().any(|x| x == field);
        let name = |v: &Option<String>, field: &str| {
            v.as_ref().map(|s| s.trim().to_owned()).filter(|s| !s.is_empty() && asks(field))
        };
        let data = ContactData {
            first_name: name(&s.first_name, "first_name"),
            last_name: name(&s.last_name, "last_name"),
            emails: email.clone().into_iter().collect(),
            phones: phone.into_iter().collect(),
            ..Default::default()
        };
        if let Err(e) = data.validate() {
            for fe in e.0.into_iter().filter(|fe| fe.field != "emails") {
                inv.push(fe.field, fe.message);
            }
        }
        inv.into_result()?;
        let email = email.expect("checked above");
        self.throttle_form(client, &email).await?;
        let ctx = public_ctx("form");
        // A new person is created in the transaction that records the
        // request: a crash leaves either both or neither.
        // Mail about a known person goes to their address as stored, never
        // as typed (another mailbox could match a look-alike address).
        let (subject, new_contact, to) = match self.store.find_by_email(&email).await?.into_iter().next() {
            Some(c) => {
                let Some(stored) = c.data.emails.iter().find(|e| e.lookup_key() == email.lookup_key()) else {
                    return Ok(());
                };
                (c.id, None, stored.clone())
            }
            None => {
                // The form only asks for allowed fields (checked when it is
                // saved); one the policy has removed since is not kept.
                let mut data = data;
                let policy = self.store.field_policy().await?;
                if let Err(inv) = policy.check(&mut data) {
                    for e in inv.0 {
                        crate::policy::clear(&mut data, &e.field);
                    }
                }
                let id = SubjectId::new();
                let source = Provenance {
                    kind: SourceKind::WebForm,
                    reference: Some(f.form.slug.clone()),
                    detail: Some(format!("{}/f/{}", self.settings.public_url, f.form.slug)),
                    user: None,
                    at: time::OffsetDateTime::now_utc(),
                    created_in_source: None,
                };
                let input = ContactInput { id, owner: None, company: None, tags: vec![], data, source: Some(source) };
                (id, Some(input), email.clone())
            }
        };
        if new_contact.is_none() && self.store.restricted_since(subject).await?.is_some() {
            // Restricted: nothing but storage, and the same answer as always.
            return Ok(());
        }
        let events = if new_contact.is_some() { vec![] } else { self.store.consent_events(subject).await? };
        let now = OffsetDateTime::now_utc();
        let until = now + time::Duration::days(self.settings.confirm_days);
        let request = Uuid::now_v7();
        let third_parties = if s.share { f.form.third_parties.clone() } else { vec![] };
        let mut new = Vec::new();
        for sub in f.subscriptions.iter().filter(|x| s.subscriptions.contains(&x.id)) {
            let facts: Vec<_> = events.iter().filter(|e| e.purpose == sub.purpose).map(|e| e.fact()).collect();
            // Already subscribed on every channel: nothing to ask.
            if sub.channels.iter().all(|c| matches!(fold(&facts, *c, now), ConsentState::Given { .. })) {
                continue;
            }
            new.push(NewConsentEvent {
                id: Uuid::now_v7(),
                subject,
                purpose: sub.purpose,
                action: ConsentAction::Requested,
                channels: sub.channels.clone(),
                method: ConsentMethod::WebForm,
                at: now,
                until: Some(until),
                notice: Some(f.notice.id),
                form: Some(f.form.id),
                actor_user: None,
                gpc: v.gpc,
                request: Some(request),
                proof: SealedProof {
                    affirmative_act: Some(format!(
                        "ticked \"{}\" (unticked by default) and submitted the form",
                        sub.name
                    )),
                    evidence_ref: Some(format!("form {}", f.form.slug)),
                    third_parties: third_parties.clone(),
                    ip: v.ip.clone(),
                    user_agent: v.user_agent.clone(),
                    purpose: None,
                },
            });
        }
        if new.is_empty() {
            return Ok(());
        }
        let token = tokens::sign(
            self.store.vault(),
            TokenKind::Confirm,
            Claims { subject, scope: request, expires: until.unix_timestamp() },
        );
        let names: Vec<&str> = f
            .subscriptions
            .iter()
            .filter(|x| new.iter().any(|e| e.purpose == x.purpose))
            .map(|x| x.name.as_str())
            .collect();
        // The language of the form the person just used.
        let tr = Tr::new(self.mail_lang(Some(&f.form.language)));
        let mail = NewMail {
            id: Uuid::now_v7(),
            subject,
            kind: "confirm",
            mail: Mail {
                to: to.as_str().to_owned(),
                subject: tr.t("mail-confirm-subject"),
                text: confirm_text(
                    &tr,
                    &names.join(", "),
                    &format!("{}/c/{token}", self.settings.public_url),
                    self.settings.confirm_days,
                ),
                headers: vec![],
                attachments: vec![],
                asks_for: None,
            },
        };
        match self
            .store
            .write_consent(&ctx, ConsentWrite { events: new, mails: vec![mail], new_contact, ..Default::default() })
            .await
        {
            // Restricted since the check above (the store checks again under
            // the contact's lock): nothing but storage, and the same answer.
            Err(kith_store::StoreError::Restricted) => return Ok(()),
            r => r?,
        };
        self.mail_wake.notify_one();
        Ok(())
    }

    async fn throttle_form(&self, client: &str, email: &Email) -> Result<()> {
        let vault = self.store.vault();
        let limits = [
            (vault.keyed_hash("form-client", client), FORM_MAX_PER_CLIENT),
            (vault.keyed_hash("form-email", &email.lookup_key()), FORM_MAX_PER_EMAIL),
        ];
        self.throttle(&limits, FORM_WINDOW_MS).await
    }
}

fn confirm_text(tr: &Tr, names: &str, link: &str, days: i64) -> String {
    format!(
        "{}\n\n{}\n{link}\n\n{}\n",
        tr.t1("mail-confirm-asked", "names", names),
        tr.t1("mail-confirm-link", "days", days),
        tr.t("mail-confirm-ignore"),
    )
}
