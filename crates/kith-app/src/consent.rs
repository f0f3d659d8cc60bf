//! Lawful bases and consent on contacts: set a basis (one or in bulk),
//! record a consent event with its proof, read the ledger, ask
//! [`may_contact`] per purpose and channel, and count it all.

use crate::purposes::text;
use crate::{missing, App, AppError, Principal, Result};
use kith_domain::consent::{check_event, may_contact, BasisSource, Decision, PermissionFacts, ProofCheck};
use kith_domain::{Channel, ConsentAction, ConsentMethod, ConsentState, Invalid, LawfulBasis, PurposeId, SubjectId};
use kith_store::consent::{BasisRecord, ConsentEvent, ConsentWrite, Counts, NewConsentEvent, SealedProof};
use kith_store::mail::NewMail;
use kith_store::purposes::Purpose;
use time::OffsetDateTime;
use uuid::Uuid;

/// A basis to set on one or many contacts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BasisAssignment {
    pub purpose: PurposeId,
    pub basis: LawfulBasis,
    pub source: BasisSource,
    pub source_name: Option<String>,
    pub lia_ref: Option<String>,
    /// When the basis took effect; now if absent.
    pub effective_at: Option<OffsetDateTime>,
    /// When the contract (or other basis) ends, if known: the anchor of
    /// retention rules that run from the end of the contract.
    pub ends_at: Option<OffsetDateTime>,
}

impl BasisAssignment {
    pub(crate) fn check(&self) -> Result<()> {
        let mut inv = Invalid::default();
        if let Some(n) = &self.source_name {
            text(&mut inv, "source_name", n, 1, 200, false);
        } else if self.source != BasisSource::Manual {
            inv.push("source_name", "name the form, file or API client the basis came from");
        }
        match &self.lia_ref {
            Some(r) => text(&mut inv, "lia_ref", r, 1, 200, false),
            None if self.basis == LawfulBasis::LegitimateInterests => {
                inv.push("lia_ref", "legitimate interests need a reference to the assessment (LIA)")
            }
            None => {}
        }
        if self.effective_at.is_some_and(|t| t > OffsetDateTime::now_utc() + time::Duration::minutes(5)) {
            inv.push("effective_at", "must not be in the future");
        }
        if let Some(end) = self.ends_at {
            if self.basis == LawfulBasis::NotApplicable {
                inv.push("ends_at", "a basis that does not apply has no end");
            } else if self.effective_at.is_some_and(|e| end <= e) {
                inv.push("ends_at", "must be after the basis took effect");
            }
        }
        inv.into_result().map_err(Into::into)
    }

    pub(crate) fn record(&self, p: &Principal) -> BasisRecord {
        let now = OffsetDateTime::now_utc();
        BasisRecord {
            purpose: self.purpose,
            basis: self.basis,
            source: self.source,
            source_name: self.source_name.as_ref().map(|s| s.trim().to_owned()),
            lia_ref: self.lia_ref.as_ref().map(|s| s.trim().to_owned()),
            effective_at: self.effective_at.unwrap_or(now),
            ends_at: self.ends_at,
            set_by: p.author(),
            set_at: now,
        }
    }
}

/// A consent event as staff or an API client records it.
#[derive(Clone, Debug, Default)]
pub struct ConsentInput {
    pub purpose: Option<PurposeId>,
    pub action: Option<ConsentAction>,
    pub channels: Vec<Channel>,
    pub method: Option<ConsentMethod>,
    /// When it happened (defaults to now; required for imports).
    pub at: Option<OffsetDateTime>,
    pub expires_at: Option<OffsetDateTime>,
    pub notice: Option<Uuid>,
    pub form: Option<Uuid>,
    pub affirmative_act: Option<String>,
    pub pre_ticked: bool,
    pub evidence_ref: Option<String>,
    pub third_parties: Vec<String>,
    pub ip: Option<String>,
    pub user_agent: Option<String>,
    pub gpc: bool,
}

/// One purpose's standing for a contact.
#[derive(Clone, Debug)]
pub struct PurposeStanding {
    pub purpose: Purpose,
    pub basis: Option<BasisRecord>,
    /// Per channel: consent state now and the contact decision.
    pub channels: Vec<(Channel, ConsentState, Decision)>,
}

/// Contacts per consent state name, on one channel.
pub type StateCounts = Vec<(&'static str, i64)>;

/// One purpose in the compliance overview.
pub type PurposeCounts = (Purpose, Vec<(LawfulBasis, i64)>, Vec<(Channel, StateCounts)>);

/// The compliance overview.
#[derive(Clone, Debug)]
pub struct Summary {
    pub contacts: i64,
    pub purposes: Vec<PurposeCounts>,
}

fn proof_text(inv: &mut Invalid, field: &str, v: &Option<String>, max: usize) {
    if let Some(s) = v {
        text(inv, field, s, 1, max, false);
    }
}

impl App {
    /// Sets a purpose's basis on one contact.
    pub async fn set_basis(&self, p: &Principal, subject: SubjectId, a: &BasisAssignment) -> Result<()> {
        p.require(p.role.can_record_consent(), "set lawful bases")?;
        a.check()?;
        self.unrestricted(subject).await?;
        self.require_purpose(a.purpose).await?;
        self.store.set_bases(&p.ctx(), &[subject], &a.record(p)).await.map_err(|e| match e {
            kith_store::StoreError::MissingRef(_) => AppError::NotFound("contact"),
            e => e.into(),
        })?;
        Ok(())
    }

    /// Records a consent event about a contact on behalf of staff or an API
    /// client. Kith's own flows (double opt-in, preference centre, portal)
    /// record theirs themselves: their methods are refused here.
    pub async fn record_consent(&self, p: &Principal, subject: SubjectId, c: ConsentInput) -> Result<i64> {
        p.require(p.role.can_record_consent(), "record consent")?;
        let now = OffsetDateTime::now_utc();
        let mut inv = Invalid::default();
        let purpose = c.purpose.ok_or(()).map_err(|_| inv.push("purpose_id", "is required")).ok();
        let action = c.action.ok_or(()).map_err(|_| inv.push("action", "is required")).ok();
        if matches!(c.method, Some(ConsentMethod::DoubleOptIn | ConsentMethod::Portal)) {
            inv.push("method", "double_opt_in and portal events are recorded by Kith's own pages");
        }
        proof_text(&mut inv, "affirmative_act", &c.affirmative_act, 500);
        proof_text(&mut inv, "evidence_ref", &c.evidence_ref, 200);
        proof_text(&mut inv, "ip", &c.ip, 64);
        proof_text(&mut inv, "user_agent", &c.user_agent, 500);
        if c.third_parties.len() > 20 {
            inv.push("third_parties", "at most 20");
        }
        for t in &c.third_parties {
            text(&mut inv, "third_parties", t, 1, 200, false);
        }
        if let Some(action) = action {
            let check = ProofCheck {
                method: c.method,
                has_notice: c.notice.is_some(),
                affirmative_act: c.affirmative_act.as_deref(),
                pre_ticked: c.pre_ticked,
                evidence_ref: c.evidence_ref.as_deref(),
                channels: &c.channels,
                at: c.at,
                until: c.expires_at,
            };
            inv.check("", check_event(action, &check, now));
            // Kith's own forms record `given` only by double opt-in: a web
            // form reported here is another system's, and its record is the proof.
            if action == ConsentAction::Given
                && c.method == Some(ConsentMethod::WebForm)
                && c.evidence_ref.as_deref().is_none_or(|e| e.trim().is_empty())
            {
                inv.push(
                    "evidence_ref",
                    "consent from a web form outside Kith must name its evidence (that system's record of the submission)",
                );
            }
        }
        inv.into_result()?;
        let (Some(purpose), Some(action), Some(method)) = (purpose, action, c.method) else {
            return Err(Invalid::one("action", "is required").into());
        };
        self.require_purpose(purpose).await?;
        // A restricted person's refusals and withdrawals are still recorded;
        // nothing that would lead to processing is.
        if matches!(action, ConsentAction::Given | ConsentAction::Requested) {
            self.unrestricted(subject).await?;
        }
        if let Some(n) = c.notice {
            if self.store.get_notice(n).await?.is_none() {
                return Err(Invalid::one("notice_id", "refers to a notice that does not exist").into());
            }
        }
        let mut channels = c.channels.clone();
        channels.sort();
        channels.dedup();
        let event = NewConsentEvent {
            id: Uuid::now_v7(),
            subject,
            purpose,
            action,
            channels,
            method,
            at: c.at.unwrap_or(now),
            until: c.expires_at,
            notice: c.notice,
            form: c.form,
            actor_user: p.author(),
            gpc: c.gpc,
            request: None,
            proof: SealedProof {
                affirmative_act: c.affirmative_act.map(|s| s.trim().to_owned()),
                evidence_ref: c.evidence_ref.map(|s| s.trim().to_owned()),
                third_parties: c.third_parties,
                ip: c.ip,
                user_agent: c.user_agent,
                purpose: None,
            },
        };
        let mails = self.receipt_mails(subject, &[&event]).await?;
        // Consent given where no basis is recorded makes consent the basis.
        let w = ConsentWrite {
            events: vec![event],
            mails,
            consent_becomes_basis: Some((BasisSource::Manual, None)),
            ..Default::default()
        };
        let seqs = self.store.write_consent(&p.ctx(), w).await.map_err(AppError::from).map_err(missing("contact"))?;
        self.mail_wake.notify_one();
        Ok(seqs[0])
    }

    /// The contact's ledger, oldest first. Reading proof is audited.
    pub async fn consent_history(&self, p: &Principal, subject: SubjectId) -> Result<Vec<ConsentEvent>> {
        p.require(p.role.can_record_consent() || p.role.can_read_audit(), "read consent proof")?;
        self.store.get_contact(subject).await?.ok_or(AppError::NotFound("contact"))?;
        let events = self.store.consent_events(subject).await?;
        self.store.audit(&p.ctx(), &[kith_store::audit::NewEntry::subject("consent.read", subject)]).await?;
        Ok(events)
    }

    /// The contact's ledger without its sealed proof (what a page lists;
    /// the proof itself is read through [`App::consent_history`], audited).
    pub async fn consent_timeline(&self, _p: &Principal, subject: SubjectId) -> Result<Vec<ConsentEvent>> {
        let mut events = self.store.consent_events(subject).await?;
        for e in &mut events {
            e.proof = None;
        }
        Ok(events)
    }

    /// Per purpose: basis, and per channel the consent state at `at` and
    /// whether contact is allowed — [`may_contact`] for every pair.
    pub async fn permissions(
        &self,
        _p: &Principal,
        subject: SubjectId,
        at: OffsetDateTime,
    ) -> Result<Vec<PurposeStanding>> {
        self.store.get_contact(subject).await?.ok_or(AppError::NotFound("contact"))?;
        self.standing(subject, at).await
    }

    pub(crate) async fn standing(&self, subject: SubjectId, at: OffsetDateTime) -> Result<Vec<PurposeStanding>> {
        let purposes = self.store.purposes().await?;
        let bases = self.store.bases_of(subject).await?;
        let events = self.store.consent_events(subject).await?;
        let restricted = self.store.restricted_since(subject).await?.is_some();
        let objections = self.store.objections_of(subject).await?;
        Ok(purposes
            .into_iter()
            .map(|purpose| {
                let basis = bases.iter().find(|b| b.purpose == purpose.id).cloned();
                let facts: Vec<_> = events.iter().filter(|e| e.purpose == purpose.id).map(|e| e.fact()).collect();
                let channels = Channel::ALL
                    .iter()
                    .map(|ch| {
                        let state = kith_domain::consent::fold(&facts, *ch, at);
                        let d = may_contact(PermissionFacts {
                            basis: basis.as_ref().map(|b| b.basis).unwrap_or(LawfulBasis::NotApplicable),
                            consent: state,
                            restricted,
                            direct_marketing: purpose.direct_marketing,
                            objection: objections.iter().find(|o| o.purpose == purpose.id).map(|o| o.decision),
                        });
                        (*ch, state, d)
                    })
                    .collect();
                PurposeStanding { purpose, basis, channels }
            })
            .collect())
    }

    /// The one question every send asks.
    pub async fn may_contact(
        &self,
        subject: SubjectId,
        channel: Channel,
        purpose: PurposeId,
        at: OffsetDateTime,
    ) -> Result<Decision> {
        let s = self.standing(subject, at).await?;
        let st = s.into_iter().find(|s| s.purpose.id == purpose).ok_or(AppError::NotFound("purpose"))?;
        Ok(st.channels.into_iter().find(|(c, _, _)| *c == channel).map(|(_, _, d)| d).expect("every channel is listed"))
    }

    /// Counts per purpose: contacts per basis (not applicable = no basis
    /// recorded) and per channel contacts per consent state.
    pub async fn compliance_summary(&self, _p: &Principal) -> Result<Summary> {
        let purposes = self.store.purposes().await?;
        let Counts { contacts, bases, consent } = self.store.consent_counts(OffsetDateTime::now_utc()).await?;
        let out = purposes
            .into_iter()
            .map(|pu| {
                let b = bases.get(&pu.id);
                let recorded: i64 = b
                    .map(|m| m.iter().filter(|(k, _)| k.as_str() != "not_applicable").map(|(_, v)| v).sum())
                    .unwrap_or(0);
                let basis_counts = LawfulBasis::ALL
                    .iter()
                    .map(|l| {
                        let n = if *l == LawfulBasis::NotApplicable {
                            contacts - recorded
                        } else {
                            b.and_then(|m| m.get(l.as_str())).copied().unwrap_or(0)
                        };
                        (*l, n)
                    })
                    .collect();
                let c = consent.get(&pu.id);
                let chans = Channel::ALL
                    .iter()
                    .map(|ch| {
                        let m = c.and_then(|m| m.get(ch.as_str()));
                        let known: i64 = m.map(|m| m.values().sum()).unwrap_or(0);
                        let states = ConsentState::NAMES
                            .iter()
                            .map(|s| {
                                let n = if *s == "none" {
                                    contacts - known
                                } else {
                                    m.and_then(|m| m.get(*s)).copied().unwrap_or(0)
                                };
                                (*s, n)
                            })
                            .collect();
                        (*ch, states)
                    })
                    .collect();
                (pu, basis_counts, chans)
            })
            .collect();
        Ok(Summary { contacts, purposes: out })
    }

    /// Receipt mails for `given` and `withdrawn` events, to the contact's
    /// first email (none if the contact has no email).
    pub(crate) async fn receipt_mails(&self, subject: SubjectId, events: &[&NewConsentEvent]) -> Result<Vec<NewMail>> {
        let wanted: Vec<&&NewConsentEvent> =
            events.iter().filter(|e| matches!(e.action, ConsentAction::Given | ConsentAction::Withdrawn)).collect();
        if wanted.is_empty() || self.store.restricted_since(subject).await?.is_some() {
            return Ok(vec![]);
        }
        let Some(contact) = self.store.get_contact(subject).await? else { return Err(AppError::NotFound("contact")) };
        let Some(email) = contact.data.emails.first() else { return Ok(vec![]) };
        let mut out = Vec::new();
        for e in wanted {
            let purpose = self.require_purpose(e.purpose).await?;
            let notice = match e.notice {
                Some(n) => self.store.get_notice(n).await?,
                None => None,
            };
            // The person's language; else that of the notice they saw.
            let known = self.person_language(subject).await?.or_else(|| notice.as_ref().map(|n| n.language.clone()));
            let tr = kith_i18n::Tr::new(self.mail_lang(known.as_deref()));
            out.push(self.receipt_mail(&tr, subject, email.as_str(), &purpose, e, notice.as_ref()));
        }
        Ok(out)
    }
}
