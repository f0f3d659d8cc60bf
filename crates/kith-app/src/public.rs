//! What people do without an account: submit a consent form, confirm by
//! the link in the mail (double opt-in), change their choices in the
//! preference centre, unsubscribe in one click. Nothing here tells a
//! visitor whether an email is known; every link carries a signed token.

use crate::tokens::{self, Claims, TokenError, TokenKind};
use crate::{App, AppError, Result};
use kith_domain::consent::{fold, BasisSource};
use kith_domain::{Channel, ConsentAction, ConsentMethod, ConsentState, ContactData, Email, Invalid, Phone, SubjectId};
use kith_domain::{Provenance, SourceKind};
use kith_store::consent::{ConsentEvent, ConsentWrite, NewConsentEvent, SealedProof};
use kith_store::contacts::ContactInput;
use kith_store::mail::{Mail, NewMail};
use kith_store::purposes::{ConsentForm, Notice, SubscriptionType};
use kith_store::Ctx;
use std::collections::BTreeSet;
use time::OffsetDateTime;
use uuid::Uuid;

/// What saving the preference centre did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SavedPreferences {
    /// Consent events recorded.
    pub recorded: usize,
    /// Subscriptions ticked but not given: the person never saw their
    /// notice here (they subscribe through the sign-up form that shows it),
    /// or their processing is restricted.
    pub not_given: Vec<String>,
}

/// The visitor's browser, as far as proof needs it. Sealed when stored.
#[derive(Clone, Debug, Default)]
pub struct Visitor {
    pub ip: Option<String>,
    pub user_agent: Option<String>,
    /// `Sec-GPC: 1` was sent.
    pub gpc: bool,
}

/// A public form, ready to render.
#[derive(Clone, Debug)]
pub struct PublicForm {
    pub form: ConsentForm,
    pub subscriptions: Vec<SubscriptionType>,
    pub notice: Notice,
}

#[derive(Clone, Debug, Default)]
pub struct Submission {
    pub email: String,
    pub first_name: Option<String>,
    pub last_name: Option<String>,
    pub phone: Option<String>,
    /// Subscription types ticked (all start unticked).
    pub subscriptions: Vec<Uuid>,
    /// The separate third-party sharing box was ticked.
    pub share: bool,
}

/// What confirming did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Confirmed {
    /// Consent recorded for this many purposes.
    Now(usize),
    /// The link was already used.
    Already,
}

/// The preference centre's view of one person.
#[derive(Clone, Debug)]
pub struct Preferences {
    pub subject: SubjectId,
    /// Per subscription type, per offered channel: subscribed now?
    pub items: Vec<(SubscriptionType, Vec<(Channel, bool)>)>,
    /// Per subscription type (same order), the notice a "yes" here cites.
    pub notices: Vec<Option<Notice>>,
    /// Receipts the person can download: (ledger seq, subscription name, action, time).
    pub receipts: Vec<(i64, String, ConsentAction, OffsetDateTime)>,
}

/// Why a public link was refused.
#[derive(Debug, thiserror::Error)]
pub enum LinkError {
    #[error("this link is not valid")]
    Invalid,
    #[error("this link has expired")]
    Expired,
    #[error(transparent)]
    App(#[from] AppError),
}

impl From<TokenError> for LinkError {
    fn from(e: TokenError) -> Self {
        match e {
            TokenError::Invalid => LinkError::Invalid,
            TokenError::Expired => LinkError::Expired,
        }
    }
}

impl From<kith_store::StoreError> for LinkError {
    fn from(e: kith_store::StoreError) -> Self {
        LinkError::App(e.into())
    }
}

/// Public pages act as nobody in particular.
fn public_ctx(what: &str) -> Ctx {
    Ctx { actor: format!("public:{what}"), request_id: Uuid::now_v7().to_string(), token: None }
}

const FORM_WINDOW_MS: i64 = 15 * 60 * 1000;
const FORM_MAX_PER_CLIENT: i64 = 30;
const FORM_MAX_PER_EMAIL: i64 = 5;

impl App {
    /// An active form by its slug.
    /// A published notice, for anyone to read (notices are public).
    pub async fn public_notice(&self, id: Uuid) -> Result<Option<Notice>> {
        Ok(self.store.get_notice(id).await?)
    }

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
        let mail = NewMail {
            id: Uuid::now_v7(),
            subject,
            kind: "confirm",
            mail: Mail {
                to: to.as_str().to_owned(),
                subject: confirm_subject(&f.form.language).to_owned(),
                text: confirm_text(
                    &f.form.language,
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

    fn claims(&self, kind: TokenKind, token: &str) -> std::result::Result<Claims, LinkError> {
        Ok(tokens::verify(self.store.vault(), kind, token, OffsetDateTime::now_utc().unix_timestamp())?)
    }

    /// Checks a confirmation link without changing anything (the page the
    /// link opens; a GET never changes state).
    /// Returns the notice the request named, which the page shows: the
    /// consent recorded on confirmation cites it.
    pub async fn check_confirm(&self, token: &str) -> std::result::Result<Option<Notice>, LinkError> {
        let c = self.claims(TokenKind::Confirm, token)?;
        self.store.get_contact(c.subject).await?.ok_or(LinkError::Invalid)?;
        let events = self.store.consent_events(c.subject).await?;
        let notice = events.iter().filter(|e| e.request == Some(c.scope)).find_map(|e| e.notice);
        Ok(match notice {
            Some(n) => self.store.get_notice(n).await?,
            None => None,
        })
    }

    /// Confirms a double opt-in: records `given` (method `double_opt_in`)
    /// for each purpose of the request still awaiting it, spends the token
    /// in the same transaction (so two confirmations at once record one
    /// `given`), makes consent the basis where none was recorded, and mails
    /// the receipts.
    pub async fn confirm(&self, token: &str, v: Visitor) -> std::result::Result<Confirmed, LinkError> {
        let c = self.claims(TokenKind::Confirm, token)?;
        let subject = c.subject;
        self.store.get_contact(subject).await?.ok_or(LinkError::Invalid)?;
        self.unrestricted(subject).await?;
        let events = self.store.consent_events(subject).await?;
        let now = OffsetDateTime::now_utc();
        let mut given = Vec::new();
        let mut form_name = None;
        for r in events.iter().filter(|e| e.action == ConsentAction::Requested && e.request == Some(c.scope)) {
            let facts: Vec<_> = events.iter().filter(|e| e.purpose == r.purpose).map(|e| e.fact()).collect();
            // Channels the request still waits on: not already consenting, and
            // no answer (given, refused, withdrawn) recorded since the request.
            // A second submission does not void the first mail's link.
            let answered = |ch: Channel| {
                events.iter().any(|e| {
                    e.purpose == r.purpose
                        && e.seq > r.seq
                        && e.channels.contains(&ch)
                        && matches!(e.action, ConsentAction::Given | ConsentAction::Refused | ConsentAction::Withdrawn)
                })
            };
            let pending: Vec<Channel> = r
                .channels
                .iter()
                .copied()
                .filter(|ch| !matches!(fold(&facts, *ch, now), ConsentState::Given { .. }) && !answered(*ch))
                .collect();
            if pending.is_empty() {
                continue;
            }
            if let Some(f) = r.form {
                form_name = self.store.get_form(f).await?.map(|f| f.slug);
            }
            let proof = r.proof.clone().unwrap_or_default();
            given.push(NewConsentEvent {
                id: Uuid::now_v7(),
                subject,
                purpose: r.purpose,
                action: ConsentAction::Given,
                channels: pending,
                method: ConsentMethod::DoubleOptIn,
                at: now,
                until: None,
                notice: r.notice,
                form: r.form,
                actor_user: None,
                gpc: r.gpc || v.gpc,
                request: Some(c.scope),
                proof: SealedProof {
                    affirmative_act: Some(
                        "pressed Confirm on the page opened from the link mailed to the address".into(),
                    ),
                    evidence_ref: Some(format!("confirmation of request {}", c.scope)),
                    third_parties: proof.third_parties,
                    ip: v.ip.clone(),
                    user_agent: v.user_agent.clone(),
                    // The wording the person saw when they asked.
                    purpose: proof.purpose,
                },
            });
        }
        let refs: Vec<&NewConsentEvent> = given.iter().collect();
        let mails = self.receipt_mails(subject, &refs).await?;
        let n = given.len();
        let w = ConsentWrite {
            events: given,
            spend_token: Some((c.use_id(TokenKind::Confirm), c.expires * 1000)),
            consent_becomes_basis: Some((BasisSource::WebForm, form_name.or(Some("double opt-in".into())))),
            mails,
            new_contact: None,
        };
        match self.store.write_consent(&public_ctx("confirm"), w).await {
            Ok(_) => {
                self.mail_wake.notify_one();
                Ok(if n == 0 { Confirmed::Already } else { Confirmed::Now(n) })
            }
            Err(kith_store::StoreError::Conflict("used token")) => Ok(Confirmed::Already),
            Err(e) => Err(e.into()),
        }
    }

    /// The preference centre for the person a token names.
    pub async fn preferences(&self, token: &str) -> std::result::Result<Preferences, LinkError> {
        let c = self.claims(TokenKind::Preferences, token)?;
        self.store.get_contact(c.subject).await?.ok_or(LinkError::Invalid)?;
        let subs = self.store.subscription_types().await?;
        let events = self.store.consent_events(c.subject).await?;
        let now = OffsetDateTime::now_utc();
        let items = subs
            .iter()
            .map(|s| {
                let facts: Vec<_> = events.iter().filter(|e| e.purpose == s.purpose).map(|e| e.fact()).collect();
                let chans = s
                    .channels
                    .iter()
                    .map(|ch| (*ch, matches!(fold(&facts, *ch, now), ConsentState::Given { .. })))
                    .collect();
                (s.clone(), chans)
            })
            .collect();
        let receipts = events
            .iter()
            .filter(|e| matches!(e.action, ConsentAction::Given | ConsentAction::Withdrawn))
            .filter_map(|e| {
                subs.iter().find(|s| s.purpose == e.purpose).map(|s| (e.seq, s.name.clone(), e.action, e.at))
            })
            .collect();
        let all_notices = self.store.notices().await?;
        let notices = subs.iter().map(|s| current_notice(&events, s, &all_notices).cloned()).collect();
        Ok(Preferences { notices, subject: c.subject, items, receipts })
    }

    /// Saves the preference centre: `wanted` lists (subscription type,
    /// channel) pairs ticked. Unticked subscriptions are withdrawn, newly
    /// ticked ones given (method `portal`, under the latest version of the
    /// notice the person last saw for it). A subscription whose notice the
    /// person never saw (or any, while restricted) is not given: its name is
    /// returned, so the page says so instead of "saved".
    pub async fn save_preferences(
        &self,
        token: &str,
        wanted: &BTreeSet<(Uuid, Channel)>,
        v: Visitor,
    ) -> std::result::Result<SavedPreferences, LinkError> {
        let prefs = self.preferences(token).await?;
        let events = self.store.consent_events(prefs.subject).await?;
        let notices = self.store.notices().await?;
        // A restricted person may withdraw, not give.
        let restricted = self.store.restricted_since(prefs.subject).await?.is_some();
        let now = OffsetDateTime::now_utc();
        let mut new = Vec::new();
        let mut not_given = Vec::new();
        for (s, chans) in &prefs.items {
            let give: Vec<Channel> =
                chans.iter().filter(|(c, on)| !on && wanted.contains(&(s.id, *c))).map(|(c, _)| *c).collect();
            let take: Vec<Channel> =
                chans.iter().filter(|(c, on)| *on && !wanted.contains(&(s.id, *c))).map(|(c, _)| *c).collect();
            let notice = current_notice(&events, s, &notices).map(|n| n.id);
            for (action, channels) in [(ConsentAction::Given, give), (ConsentAction::Withdrawn, take)] {
                if channels.is_empty() {
                    continue;
                }
                if action == ConsentAction::Given && (notice.is_none() || restricted) {
                    not_given.push(s.name.clone());
                    continue;
                }
                new.push(self.portal_event(prefs.subject, s, action, channels, notice, &v, now));
            }
        }
        let recorded = self.write_portal(prefs.subject, new, "preferences").await?;
        Ok(SavedPreferences { recorded, not_given })
    }

    /// The preference centre's "unsubscribe from all": withdraws on every
    /// channel of every subscription (email, phone, SMS, post).
    pub async fn unsubscribe_all(&self, token: &str, v: Visitor) -> std::result::Result<usize, LinkError> {
        let c = self.claims(TokenKind::Preferences, token)?;
        self.withdraw(c.subject, None, Channel::ALL, v, "preferences").await
    }

    /// Checks a one-click unsubscribe link without changing anything (the
    /// page the link opens): it must be genuine and name a contact.
    pub async fn check_unsubscribe(&self, token: &str) -> std::result::Result<(), LinkError> {
        let c = self.claims(TokenKind::Unsubscribe, token)?;
        self.store.get_contact(c.subject).await?.ok_or(LinkError::Invalid)?;
        Ok(())
    }

    /// RFC 8058 one-click unsubscribe: withdraws consent on email for the
    /// token's purpose (or all, for a nil scope). Idempotent.
    pub async fn one_click_unsubscribe(&self, token: &str, v: Visitor) -> std::result::Result<usize, LinkError> {
        let c = self.claims(TokenKind::Unsubscribe, token)?;
        let scope = (!c.scope.is_nil()).then_some(kith_domain::PurposeId(c.scope));
        self.withdraw(c.subject, scope, &[Channel::Email], v, "unsubscribe").await
    }

    /// Records a withdrawal on each of `channels` (those the purpose's
    /// subscription covers, and email) where the person has not already
    /// said no.
    async fn withdraw(
        &self,
        subject: SubjectId,
        purpose: Option<kith_domain::PurposeId>,
        channels: &[Channel],
        v: Visitor,
        what: &str,
    ) -> std::result::Result<usize, LinkError> {
        self.store.get_contact(subject).await?.ok_or(LinkError::Invalid)?;
        let events = self.store.consent_events(subject).await?;
        let subs = self.store.subscription_types().await?;
        let now = OffsetDateTime::now_utc();
        let mut new = Vec::new();
        // One purpose, or every subscribable or direct-marketing one.
        let in_scope = |p: &kith_store::purposes::Purpose| match purpose {
            Some(x) => x == p.id,
            None => p.direct_marketing || subs.iter().any(|s| s.purpose == p.id),
        };
        for p in self.store.purposes().await?.into_iter().filter(in_scope) {
            let facts: Vec<_> = events.iter().filter(|e| e.purpose == p.id).map(|e| e.fact()).collect();
            let s = subs.iter().find(|s| s.purpose == p.id).cloned().unwrap_or(SubscriptionType {
                id: Uuid::nil(),
                name: p.name.clone(),
                description: String::new(),
                purpose: p.id,
                channels: vec![Channel::Email],
            });
            // Whatever the state — none, awaiting, expired, not responded —
            // "unsubscribe" is recorded, so no other basis reaches the person.
            let gone: Vec<Channel> = channels
                .iter()
                .copied()
                .filter(|c| {
                    let state = fold(&facts, *c, now);
                    // Email and the subscription's channels always; any other
                    // channel where consent was recorded (by staff, say).
                    (*c == Channel::Email || s.channels.contains(c) || state != ConsentState::None)
                        && !matches!(state, ConsentState::Refused { .. } | ConsentState::Withdrawn { .. })
                })
                .collect();
            if !gone.is_empty() {
                new.push(self.portal_event(subject, &s, ConsentAction::Withdrawn, gone, None, &v, now));
            }
        }
        self.write_portal(subject, new, what).await
    }

    #[allow(clippy::too_many_arguments)]
    fn portal_event(
        &self,
        subject: SubjectId,
        s: &SubscriptionType,
        action: ConsentAction,
        channels: Vec<Channel>,
        notice: Option<Uuid>,
        v: &Visitor,
        now: OffsetDateTime,
    ) -> NewConsentEvent {
        let act = match action {
            ConsentAction::Given => format!("ticked \"{}\" in the preference centre and saved", s.name),
            _ => format!("unsubscribed from \"{}\" through a personal link", s.name),
        };
        NewConsentEvent {
            id: Uuid::now_v7(),
            subject,
            purpose: s.purpose,
            action,
            channels,
            method: ConsentMethod::Portal,
            at: now,
            until: None,
            notice,
            form: None,
            actor_user: None,
            gpc: v.gpc,
            request: None,
            proof: SealedProof {
                affirmative_act: Some(act),
                evidence_ref: None,
                third_parties: vec![],
                ip: v.ip.clone(),
                user_agent: v.user_agent.clone(),
                purpose: None,
            },
        }
    }

    async fn write_portal(
        &self,
        subject: SubjectId,
        new: Vec<NewConsentEvent>,
        what: &str,
    ) -> std::result::Result<usize, LinkError> {
        if new.is_empty() {
            return Ok(0);
        }
        let refs: Vec<&NewConsentEvent> = new.iter().collect();
        let mails = self.receipt_mails(subject, &refs).await?;
        let n = new.len();
        let w = ConsentWrite {
            events: new,
            consent_becomes_basis: Some((BasisSource::WebForm, Some("preference centre".into()))),
            mails,
            ..Default::default()
        };
        self.store.write_consent(&public_ctx(what), w).await?;
        self.mail_wake.notify_one();
        Ok(n)
    }

    /// A receipt the person downloads from the preference centre.
    pub async fn public_receipt(
        &self,
        token: &str,
        seq: i64,
    ) -> std::result::Result<crate::receipts::Receipt, LinkError> {
        let c = self.claims(TokenKind::Preferences, token)?;
        Ok(self.receipt_for(c.subject, seq).await?)
    }
}

/// The notice of the person's latest event about a subscription's purpose.
/// The notice a consent given in the preference centre cites: the latest
/// version of the notice (same name and language) the person last saw for
/// the subscription's purpose — the one the page links to. None if the
/// person never saw one: then the centre cannot record a "yes".
pub(crate) fn current_notice<'a>(
    events: &[ConsentEvent],
    s: &SubscriptionType,
    notices: &'a [Notice],
) -> Option<&'a Notice> {
    let seen = events.iter().rev().filter(|e| e.purpose == s.purpose).find_map(|e| e.notice)?;
    let seen = notices.iter().find(|n| n.id == seen)?;
    notices.iter().filter(|n| n.name == seen.name && n.language == seen.language).max_by_key(|n| n.version)
}

fn confirm_subject(lang: &str) -> &'static str {
    match lang {
        "it" => "Conferma la tua iscrizione",
        _ => "Please confirm your subscription",
    }
}

fn confirm_text(lang: &str, names: &str, link: &str, days: i64) -> String {
    match lang {
        "it" => format!(
            "Hai chiesto di ricevere: {names}.\n\nPer confermare apri questo link e premi \"Conferma\" (valido {days} giorni):\n{link}\n\nSe non sei stato tu, ignora questo messaggio: senza conferma non ti scriveremo più.\n"
        ),
        _ => format!(
            "You asked to receive: {names}.\n\nTo confirm, open this link and press \"Confirm\" (valid for {days} days):\n{link}\n\nIf this was not you, ignore this message: without confirmation we will not write to you again.\n"
        ),
    }
}
