//! Confirming a double opt-in by the link in the mail.

use super::{public_ctx, Confirmed, LinkError, Visitor};
use crate::tokens::TokenKind;
use crate::App;
use kith_domain::consent::{fold, BasisSource};
use kith_domain::{Channel, ConsentAction, ConsentMethod, ConsentState};
use kith_store::consent::{ConsentWrite, NewConsentEvent, SealedProof};
use kith_store::purposes::Notice;
use time::OffsetDateTime;
use uuid::Uuid;

impl App {
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
            // Consent already given counts as an answer, unless it was given
            // before this request under another notice: a re-permission,
            // answered by consent under the request's notice.
            let consenting = |ch: Channel| match fold(&facts, ch, now) {
                ConsentState::Given { seq, .. } => {
                    let under = events.iter().find(|e| e.seq == seq).and_then(|e| e.notice);
                    !(seq < r.seq && r.notice.is_some() && under != r.notice)
                }
                _ => false,
            };
            let pending: Vec<Channel> =
                r.channels.iter().copied().filter(|ch| !consenting(*ch) && !answered(*ch)).collect();
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
}
