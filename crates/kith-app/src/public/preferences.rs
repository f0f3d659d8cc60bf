//! The preference centre and unsubscribing: choices changed, withdrawn
//! on every channel, or on email in one click; receipts to download.

use super::{public_ctx, LinkError, Preferences, SavedPreferences, Visitor};
use crate::tokens::TokenKind;
use crate::App;
use kith_domain::consent::{fold, BasisSource};
use kith_domain::{Channel, ConsentAction, ConsentMethod, ConsentState, SubjectId};
use kith_store::consent::{ConsentEvent, ConsentWrite, NewConsentEvent, SealedProof};
use kith_store::purposes::{Notice, SubscriptionType};
use std::collections::BTreeSet;
use time::OffsetDateTime;
use uuid::Uuid;

impl App {
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
