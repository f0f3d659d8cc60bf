//! May we contact this person? The one rule, and its reasons in words.

use super::{ConsentState, LawfulBasis};

word_enum!(
    /// Where an objection (Art. 21) stands.
    ObjectionDecision {
        Pending => "pending", "Awaiting a decision",
        Upheld => "upheld", "Upheld: processing stopped",
        Overridden => "overridden", "Overridden: compelling legitimate grounds recorded",
    }
);

/// What is known about a person for one purpose, to decide on contact.
#[derive(Clone, Copy, Debug)]
pub struct PermissionFacts {
    pub basis: LawfulBasis,
    /// The consent state on the channel asked about, already evaluated at the time asked about.
    pub consent: ConsentState,
    /// Processing of the person is restricted (Art. 18): only storage.
    pub restricted: bool,
    /// The purpose is direct marketing (an objection to it is absolute).
    pub direct_marketing: bool,
    /// The person objected to processing for this purpose (Art. 21).
    pub objection: Option<ObjectionDecision>,
}

impl PermissionFacts {
    /// Facts with no restriction and no objection.
    pub fn plain(basis: LawfulBasis, consent: ConsentState) -> Self {
        PermissionFacts { basis, consent, restricted: false, direct_marketing: false, objection: None }
    }
}

/// Why contact is or is not allowed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reason {
    /// No lawful basis is recorded for the purpose.
    NoBasis,
    /// Consent is the basis and the person gave it (ledger event `seq`).
    ConsentGiven { seq: i64 },
    /// Consent is the basis and it is not (or no longer) given.
    NoConsent { state: &'static str, seq: Option<i64> },
    /// Another basis allows it.
    Basis(LawfulBasis),
    /// Another basis would allow it, but the person refused or withdrew on this channel.
    OptedOut { state: &'static str, seq: i64 },
    /// Processing of the person is restricted (Art. 18).
    Restricted,
    /// The person objected (Art. 21): to direct marketing, which stops it
    /// at once, or to legitimate-interest processing awaiting or upheld by
    /// the operator's decision.
    Objected { direct_marketing: bool, decision: ObjectionDecision },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Decision {
    pub allowed: bool,
    pub reason: Reason,
}

impl Decision {
    /// The reason in words (no personal data).
    pub fn explain(&self) -> String {
        match self.reason {
            Reason::NoBasis => "no lawful basis is recorded for this purpose".into(),
            Reason::ConsentGiven { seq } => format!("consent given (ledger event {seq})"),
            Reason::NoConsent { state, seq: Some(seq) } => {
                format!("consent is the basis but its state is {state} (ledger event {seq})")
            }
            Reason::NoConsent { state, seq: None } => format!("consent is the basis but its state is {state}"),
            Reason::Basis(b) => format!("lawful basis: {}", b.label().to_lowercase()),
            Reason::OptedOut { state, seq } => {
                format!("the person's consent state on this channel is {state} (ledger event {seq})")
            }
            Reason::Restricted => "processing of this person is restricted (Art. 18): storage only".into(),
            Reason::Objected { direct_marketing: true, .. } => {
                "the person objected to direct marketing (Art. 21(3)): it stops".into()
            }
            Reason::Objected { decision, .. } => {
                format!("the person objected to this processing (Art. 21(1)); objection {}", decision.as_str())
            }
        }
    }
}

/// May we contact this person, for this purpose, on this channel? The one
/// rule behind every send, badge and export. A refusal or withdrawal on the
/// channel wins over any other basis: a person who said no is not called.
/// Restriction and objection win over everything.
pub fn may_contact(f: PermissionFacts) -> Decision {
    let deny = |reason| Decision { allowed: false, reason };
    if f.restricted {
        return deny(Reason::Restricted);
    }
    match f.objection {
        Some(decision) if f.direct_marketing => return deny(Reason::Objected { direct_marketing: true, decision }),
        Some(decision @ (ObjectionDecision::Pending | ObjectionDecision::Upheld)) => {
            return deny(Reason::Objected { direct_marketing: false, decision })
        }
        _ => {}
    }
    match (f.basis, f.consent) {
        (_, ConsentState::Refused { seq, .. } | ConsentState::Withdrawn { seq, .. })
            if f.basis != LawfulBasis::NotApplicable =>
        {
            deny(if f.basis == LawfulBasis::Consent {
                Reason::NoConsent { state: f.consent.as_str(), seq: Some(seq) }
            } else {
                Reason::OptedOut { state: f.consent.as_str(), seq }
            })
        }
        (LawfulBasis::NotApplicable, _) => deny(Reason::NoBasis),
        (LawfulBasis::Consent, ConsentState::Given { seq, .. }) => {
            Decision { allowed: true, reason: Reason::ConsentGiven { seq } }
        }
        (LawfulBasis::Consent, s) => deny(Reason::NoConsent { state: s.as_str(), seq: s.seq() }),
        (b, _) => Decision { allowed: true, reason: Reason::Basis(b) },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::consent::tests::t;

    #[test]
    fn an_opt_out_beats_other_bases() {
        let withdrawn = ConsentState::Withdrawn { at: t(0), seq: 4 };
        let d = may_contact(PermissionFacts::plain(LawfulBasis::LegitimateInterests, withdrawn));
        assert_eq!(d, Decision { allowed: false, reason: Reason::OptedOut { state: "withdrawn", seq: 4 } });
        let d = may_contact(PermissionFacts::plain(LawfulBasis::Contract, ConsentState::None));
        assert!(d.allowed);
        assert_eq!(d.explain(), "lawful basis: contract");
        let d = may_contact(PermissionFacts::plain(LawfulBasis::NotApplicable, ConsentState::None));
        assert_eq!(d.reason, Reason::NoBasis);
    }

    #[test]
    fn restriction_and_objection_win_over_everything() {
        let given = ConsentState::Given { at: t(0), expires_at: None, seq: 1 };
        let base = PermissionFacts::plain(LawfulBasis::Consent, given);
        assert!(may_contact(base).allowed);
        let r = may_contact(PermissionFacts { restricted: true, ..base });
        assert_eq!(r.reason, Reason::Restricted);
        // An objection to direct marketing is absolute, whatever was decided.
        for d in ObjectionDecision::ALL {
            let f = PermissionFacts { direct_marketing: true, objection: Some(*d), ..base };
            assert!(!may_contact(f).allowed, "{d:?}");
        }
        // To legitimate interests: stops while pending or upheld, resumes if overridden.
        let li = PermissionFacts::plain(LawfulBasis::LegitimateInterests, ConsentState::None);
        assert!(!may_contact(PermissionFacts { objection: Some(ObjectionDecision::Pending), ..li }).allowed);
        assert!(!may_contact(PermissionFacts { objection: Some(ObjectionDecision::Upheld), ..li }).allowed);
        assert!(may_contact(PermissionFacts { objection: Some(ObjectionDecision::Overridden), ..li }).allowed);
    }
}
