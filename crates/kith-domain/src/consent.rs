//! Lawful bases, the consent ledger's vocabulary, the fold that turns a
//! person's consent events into their current state, and the one rule that
//! answers "may we contact this person?".
//!
//! Everything here is pure: the store appends events and the app asks these
//! functions what they mean.

use crate::Invalid;

use time::OffsetDateTime;

word_enum!(
    /// Why processing for a purpose is lawful (GDPR Art. 6(1)).
    LawfulBasis {
        NotApplicable => "not_applicable", "Not applicable",
        Consent => "consent", "Consent",
        Contract => "contract", "Contract",
        LegalObligation => "legal_obligation", "Legal obligation",
        VitalInterests => "vital_interests", "Vital interests",
        PublicTask => "public_task", "Public task",
        LegitimateInterests => "legitimate_interests", "Legitimate interests",
    }
);

word_enum!(
    /// Where a basis assignment came from.
    BasisSource {
        WebForm => "web_form", "Web form",
        Import => "import", "Import",
        Manual => "manual", "Manual entry",
        ApiClient => "api_client", "API client",
    }
);

word_enum!(
    /// A way of reaching a person.
    Channel {
        Email => "email", "Email",
        Phone => "phone", "Phone",
        Sms => "sms", "SMS",
        Post => "post", "Post",
    }
);

word_enum!(
    /// What a consent event records.
    ConsentAction {
        Requested => "requested", "Requested",
        Given => "given", "Given",
        Refused => "refused", "Refused",
        Withdrawn => "withdrawn", "Withdrawn",
        Expired => "expired", "Expired",
    }
);

word_enum!(
    /// How the person expressed (or was asked for) their choice.
    ConsentMethod {
        WebForm => "web_form", "Web form",
        DoubleOptIn => "double_opt_in", "Double opt-in",
        Portal => "portal", "Privacy portal",
        Phone => "phone", "Phone",
        Paper => "paper", "Paper form",
        Import => "import", "Import",
        Api => "api", "API",
    }
);

/// Parses a comma-separated channel list (the stored form); `None` if any
/// part is unknown or the list is empty.
pub fn parse_channels(s: &str) -> Option<Vec<Channel>> {
    let v: Option<Vec<Channel>> = s.split(',').map(Channel::parse).collect();
    v.filter(|v| !v.is_empty())
}

/// The stored form of a channel list.
pub fn channels_text(channels: &[Channel]) -> String {
    channels.iter().map(|c| c.as_str()).collect::<Vec<_>>().join(",")
}

/// What the fold needs of one ledger event.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConsentFact {
    /// Ledger order: breaks ties between events at the same instant.
    pub seq: i64,
    pub at: OffsetDateTime,
    pub action: ConsentAction,
    pub channels: Vec<Channel>,
    /// For `given`: when the consent stops counting. For `requested`: the
    /// date by which an answer is expected.
    pub until: Option<OffsetDateTime>,
}

/// A person's consent for one purpose on one channel.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ConsentState {
    /// Nothing on record.
    None,
    /// Asked, no answer yet.
    Awaiting {
        since: OffsetDateTime,
        respond_by: Option<OffsetDateTime>,
        seq: i64,
    },
    /// Asked, and the waiting period passed without an answer.
    NotResponded {
        since: OffsetDateTime,
        seq: i64,
    },
    Given {
        at: OffsetDateTime,
        expires_at: Option<OffsetDateTime>,
        seq: i64,
    },
    Refused {
        at: OffsetDateTime,
        seq: i64,
    },
    Withdrawn {
        at: OffsetDateTime,
        seq: i64,
    },
    Expired {
        at: OffsetDateTime,
        seq: i64,
    },
}

impl ConsentState {
    /// The stored and wire spelling.
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::None => "none",
            Self::Awaiting { .. } => "awaiting",
            Self::NotResponded { .. } => "not_responded",
            Self::Given { .. } => "given",
            Self::Refused { .. } => "refused",
            Self::Withdrawn { .. } => "withdrawn",
            Self::Expired { .. } => "expired",
        }
    }

    /// Every spelling of [`ConsentState::as_str`].
    pub const NAMES: [&'static str; 7] =
        ["none", "awaiting", "not_responded", "given", "refused", "withdrawn", "expired"];

    /// The ledger event this state rests on, if any.
    pub fn seq(&self) -> Option<i64> {
        match *self {
            Self::None => None,
            Self::Awaiting { seq, .. }
            | Self::NotResponded { seq, .. }
            | Self::Given { seq, .. }
            | Self::Refused { seq, .. }
            | Self::Withdrawn { seq, .. }
            | Self::Expired { seq, .. } => Some(seq),
        }
    }

    /// The state as it stands at `at`: consent past its expiry has expired,
    /// a request past its answer date has gone unanswered. Nobody needs to act.
    pub fn at(self, at: OffsetDateTime) -> ConsentState {
        match self {
            Self::Given { expires_at: Some(e), seq, .. } if e <= at => Self::Expired { at: e, seq },
            Self::Awaiting { since, respond_by: Some(r), seq } if r <= at => Self::NotResponded { since, seq },
            s => s,
        }
    }

    /// The time the state began (for display and for the materialised table).
    pub fn since(&self) -> Option<OffsetDateTime> {
        match *self {
            Self::None => None,
            Self::Awaiting { since, .. } | Self::NotResponded { since, .. } => Some(since),
            Self::Given { at, .. }
            | Self::Refused { at, .. }
            | Self::Withdrawn { at, .. }
            | Self::Expired { at, .. } => Some(at),
        }
    }

    /// The deadline after which [`ConsentState::at`] changes the state.
    pub fn until(&self) -> Option<OffsetDateTime> {
        match *self {
            Self::Given { expires_at, .. } => expires_at,
            Self::Awaiting { respond_by, .. } => respond_by,
            _ => None,
        }
    }

    fn step(self, e: &ConsentFact) -> ConsentState {
        let now = self.at(e.at);
        match e.action {
            // A new request undoes neither consent the person gave nor a
            // "no" they said: only their own answer changes those (anyone
            // can type an address into a form).
            ConsentAction::Requested => match now {
                Self::Given { .. } | Self::Refused { .. } | Self::Withdrawn { .. } => now,
                _ => Self::Awaiting { since: e.at, respond_by: e.until, seq: e.seq },
            },
            ConsentAction::Given => Self::Given { at: e.at, expires_at: e.until, seq: e.seq },
            ConsentAction::Refused => Self::Refused { at: e.at, seq: e.seq },
            ConsentAction::Withdrawn => Self::Withdrawn { at: e.at, seq: e.seq },
            // Only consent can expire; on anything else the event says nothing new.
            ConsentAction::Expired => match now {
                Self::Given { .. } => Self::Expired { at: e.at, seq: e.seq },
                s => s,
            },
        }
    }
}

/// The state on `channel` after every event up to and including `at`,
/// evaluated at `at`. Events may come in any order; the ledger order
/// (time, then sequence) is restored here.
pub fn fold(events: &[ConsentFact], channel: Channel, at: OffsetDateTime) -> ConsentState {
    let mut relevant: Vec<&ConsentFact> =
        events.iter().filter(|e| e.at <= at && e.channels.contains(&channel)).collect();
    relevant.sort_by_key(|e| (e.at, e.seq));
    relevant.into_iter().fold(ConsentState::None, |s, e| s.step(e)).at(at)
}

/// The state after every event, before time is applied: what the store
/// keeps to count states quickly (it applies [`ConsentState::at`] in SQL).
pub fn fold_all(events: &[ConsentFact], channel: Channel) -> ConsentState {
    let mut relevant: Vec<&ConsentFact> = events.iter().filter(|e| e.channels.contains(&channel)).collect();
    relevant.sort_by_key(|e| (e.at, e.seq));
    relevant.into_iter().fold(ConsentState::None, |s, e| s.step(e))
}

/// The proof a new consent event carries (the checkable part of it).
#[derive(Clone, Debug, Default)]
pub struct ProofCheck<'a> {
    pub method: Option<ConsentMethod>,
    /// The notice (privacy text) the person saw, by id.
    pub has_notice: bool,
    /// What the person did, in words ("ticked the unticked newsletter box").
    pub affirmative_act: Option<&'a str>,
    /// The box was ticked before the person touched it.
    pub pre_ticked: bool,
    /// Call-recording id, scanned form, original system's record…
    pub evidence_ref: Option<&'a str>,
    pub channels: &'a [Channel],
    pub at: Option<OffsetDateTime>,
    pub until: Option<OffsetDateTime>,
}

/// The rules every new ledger event must pass. A `given` needs an
/// affirmative act on record, never a pre-ticked box; consent collected
/// online names the notice shown; consent by phone or paper names its
/// evidence; imported consent carries all of its original proof.
pub fn check_event(action: ConsentAction, p: &ProofCheck<'_>, now: OffsetDateTime) -> Result<(), Invalid> {
    let mut inv = Invalid::default();
    if p.channels.is_empty() {
        inv.push("channels", "must name at least one channel");
    }
    let Some(method) = p.method else {
        inv.push("method", "is required");
        return inv.into_result();
    };
    if let Some(at) = p.at {
        if at > now + time::Duration::minutes(5) {
            inv.push("at", "must not be in the future");
        }
    }
    let at = p.at.unwrap_or(now);
    if let Some(u) = p.until {
        if u <= at {
            inv.push(
                if action == ConsentAction::Requested { "respond_by" } else { "expires_at" },
                "must be after the event",
            );
        }
    }
    let blank = |s: Option<&str>| s.is_none_or(|s| s.trim().is_empty());
    match action {
        ConsentAction::Given => {
            if p.pre_ticked {
                inv.push("pre_ticked", "consent from a pre-ticked box is not consent");
            }
            if blank(p.affirmative_act) {
                inv.push(
                    "affirmative_act",
                    "consent needs the person's affirmative act on record (what they did to say yes)",
                );
            }
            if matches!(method, ConsentMethod::WebForm | ConsentMethod::DoubleOptIn | ConsentMethod::Portal)
                && !p.has_notice
            {
                inv.push("notice_id", "consent given online must name the notice the person saw");
            }
            if method == ConsentMethod::Api {
                if !p.has_notice {
                    inv.push("notice_id", "consent recorded through the API must name the notice the person saw");
                }
                if blank(p.evidence_ref) {
                    inv.push(
                        "evidence_ref",
                        "consent recorded through the API must name its evidence (the client's record)",
                    );
                }
            }
            if matches!(method, ConsentMethod::Phone | ConsentMethod::Paper) && blank(p.evidence_ref) {
                inv.push("evidence_ref", "consent by phone or on paper must name its evidence (recording, scan)");
            }
            if method == ConsentMethod::Import {
                if !p.has_notice {
                    inv.push("notice_id", "imported consent must carry the notice the person saw");
                }
                if blank(p.evidence_ref) {
                    inv.push("evidence_ref", "imported consent must carry the original record's reference");
                }
                if p.at.is_none() {
                    inv.push("at", "imported consent must carry the original time it was given");
                }
            }
        }
        ConsentAction::Requested => {
            if !matches!(method, ConsentMethod::WebForm | ConsentMethod::DoubleOptIn) && blank(p.evidence_ref) {
                inv.push("evidence_ref", "a request sent outside Kith must name its evidence");
            }
        }
        ConsentAction::Refused | ConsentAction::Withdrawn | ConsentAction::Expired => {}
    }
    inv.into_result()
}

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
    use proptest::prelude::*;
    use time::Duration;

    fn t(min: i64) -> OffsetDateTime {
        OffsetDateTime::from_unix_timestamp(1_700_000_000).unwrap() + Duration::minutes(min)
    }

    fn ev(seq: i64, min: i64, action: ConsentAction, until: Option<i64>) -> ConsentFact {
        ConsentFact { seq, at: t(min), action, channels: vec![Channel::Email], until: until.map(t) }
    }

    fn arb_event() -> impl Strategy<Value = ConsentFact> {
        (
            0i64..1000,
            0i64..100,
            prop::sample::select(ConsentAction::ALL.to_vec()),
            prop::collection::vec(prop::sample::select(Channel::ALL.to_vec()), 1..3),
            prop::option::of(1i64..50),
        )
            .prop_map(|(seq, min, action, channels, d)| ConsentFact {
                seq,
                at: t(min),
                action,
                channels,
                until: d.map(|d| t(min + d)),
            })
    }

    fn unique_seqs(mut v: Vec<ConsentFact>) -> Vec<ConsentFact> {
        for (i, e) in v.iter_mut().enumerate() {
            e.seq = i as i64;
        }
        v
    }

    proptest! {
        #[test]
        fn order_of_input_does_not_matter(evs in prop::collection::vec(arb_event(), 0..20), shift in 0usize..20, q in 0i64..200) {
            let evs = unique_seqs(evs);
            let mut rotated = evs.clone();
            if !rotated.is_empty() { let n = shift % rotated.len(); rotated.rotate_left(n); rotated.reverse(); }
            for c in Channel::ALL {
                prop_assert_eq!(fold(&evs, *c, t(q)), fold(&rotated, *c, t(q)));
            }
        }

        #[test]
        fn later_events_do_not_change_the_past(evs in prop::collection::vec(arb_event(), 0..20), q in 0i64..120) {
            let evs = unique_seqs(evs);
            let past: Vec<ConsentFact> = evs.iter().filter(|e| e.at <= t(q)).cloned().collect();
            prop_assert_eq!(fold(&evs, Channel::Email, t(q)), fold(&past, Channel::Email, t(q)));
        }

        #[test]
        fn a_decisive_last_event_decides(evs in prop::collection::vec(arb_event(), 0..20), last in prop::sample::select(vec![ConsentAction::Given, ConsentAction::Refused, ConsentAction::Withdrawn])) {
            let mut evs = unique_seqs(evs);
            evs.push(ConsentFact { seq: 10_000, at: t(150), action: last, channels: vec![Channel::Phone], until: None });
            let s = fold(&evs, Channel::Phone, t(150));
            prop_assert_eq!(s.as_str(), last.as_str());
            prop_assert_eq!(s.seq(), Some(10_000));
        }

        #[test]
        fn other_channels_are_untouched(evs in prop::collection::vec(arb_event(), 0..20), q in 0i64..200) {
            let evs = unique_seqs(evs);
            let only_sms: Vec<ConsentFact> = evs.iter().filter(|e| e.channels.contains(&Channel::Sms)).cloned().collect();
            prop_assert_eq!(fold(&evs, Channel::Sms, t(q)), fold(&only_sms, Channel::Sms, t(q)));
        }

        #[test]
        fn the_stored_fold_agrees_with_the_timed_fold(evs in prop::collection::vec(arb_event(), 0..20)) {
            // What the store keeps (fold_all, evaluated later with `at`) is the
            // timed fold once every event lies in the past.
            let evs = unique_seqs(evs);
            for q in [100i64, 120, 160, 500] {
                prop_assert_eq!(fold_all(&evs, Channel::Email).at(t(q)), fold(&evs, Channel::Email, t(q)));
            }
        }

        #[test]
        fn a_request_never_turns_a_no_into_a_yes(evs in prop::collection::vec(arb_event(), 0..20), basis in prop::sample::select(LawfulBasis::ALL.to_vec())) {
            let evs = unique_seqs(evs);
            let before = fold(&evs, Channel::Email, t(200));
            let mut asked = evs.clone();
            asked.push(ConsentFact { seq: 10_000, at: t(150), action: ConsentAction::Requested, channels: vec![Channel::Email], until: Some(t(400)) });
            let after = fold(&asked, Channel::Email, t(200));
            let allowed = |s| may_contact(PermissionFacts::plain(basis, s)).allowed;
            prop_assert!(allowed(before) || !allowed(after), "{before:?} -> {after:?}");
        }

        #[test]
        fn consent_is_never_allowed_without_given(evs in prop::collection::vec(arb_event(), 0..20), q in 0i64..200) {
            let evs = unique_seqs(evs);
            let s = fold(&evs, Channel::Email, t(q));
            let d = may_contact(PermissionFacts::plain(LawfulBasis::Consent, s));
            prop_assert_eq!(d.allowed, matches!(s, ConsentState::Given { .. }));
            let n = may_contact(PermissionFacts::plain(LawfulBasis::NotApplicable, s));
            prop_assert!(!n.allowed);
        }
    }

    #[test]
    fn consent_expires_without_anyone_acting() {
        let evs = [ev(1, 0, ConsentAction::Given, Some(60))];
        assert!(matches!(fold(&evs, Channel::Email, t(59)), ConsentState::Given { .. }));
        assert_eq!(fold(&evs, Channel::Email, t(60)), ConsentState::Expired { at: t(60), seq: 1 });
    }

    #[test]
    fn unanswered_requests_become_not_responded() {
        let evs = [ev(1, 0, ConsentAction::Requested, Some(30))];
        assert!(matches!(fold(&evs, Channel::Email, t(10)), ConsentState::Awaiting { .. }));
        assert_eq!(fold(&evs, Channel::Email, t(31)), ConsentState::NotResponded { since: t(0), seq: 1 });
        // Asking again after consent was given leaves the consent standing…
        let evs = [ev(1, 0, ConsentAction::Given, None), ev(2, 5, ConsentAction::Requested, Some(30))];
        assert!(matches!(fold(&evs, Channel::Email, t(40)), ConsentState::Given { seq: 1, .. }));
        // …but not once it expired.
        let evs = [ev(1, 0, ConsentAction::Given, Some(3)), ev(2, 5, ConsentAction::Requested, Some(30))];
        assert!(matches!(fold(&evs, Channel::Email, t(6)), ConsentState::Awaiting { seq: 2, .. }));
    }

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

    #[test]
    fn given_needs_an_affirmative_act_and_its_proof() {
        let now = t(0);
        let chans = [Channel::Email];
        let base = ProofCheck {
            method: Some(ConsentMethod::WebForm),
            has_notice: true,
            affirmative_act: Some("ticked the newsletter box"),
            channels: &chans,
            ..Default::default()
        };
        assert!(check_event(ConsentAction::Given, &base, now).is_ok());
        let fields = |p: &ProofCheck<'_>| {
            check_event(ConsentAction::Given, p, now).unwrap_err().0.into_iter().map(|e| e.field).collect::<Vec<_>>()
        };
        assert_eq!(fields(&ProofCheck { pre_ticked: true, ..base.clone() }), ["pre_ticked"]);
        assert_eq!(fields(&ProofCheck { affirmative_act: Some("  "), ..base.clone() }), ["affirmative_act"]);
        assert_eq!(fields(&ProofCheck { has_notice: false, ..base.clone() }), ["notice_id"]);
        assert_eq!(
            fields(&ProofCheck { method: Some(ConsentMethod::Phone), has_notice: false, ..base.clone() }),
            ["evidence_ref"]
        );
        assert_eq!(
            fields(&ProofCheck { method: Some(ConsentMethod::Import), has_notice: false, ..base.clone() }),
            ["notice_id", "evidence_ref", "at"]
        );
        assert_eq!(fields(&ProofCheck { channels: &[], ..base.clone() }), ["channels"]);
        assert_eq!(fields(&ProofCheck { at: Some(t(60)), ..base.clone() }), ["at"]);
        assert_eq!(fields(&ProofCheck { until: Some(t(-1)), ..base.clone() }), ["expires_at"]);
        // Withdrawing never needs anything but a method and a channel.
        let bare = ProofCheck { method: Some(ConsentMethod::Api), channels: &chans, ..Default::default() };
        assert!(check_event(ConsentAction::Withdrawn, &bare, now).is_ok());
    }

    #[test]
    fn channel_lists_round_trip() {
        assert_eq!(parse_channels("email,sms"), Some(vec![Channel::Email, Channel::Sms]));
        assert_eq!(parse_channels(""), None);
        assert_eq!(parse_channels("email,fax"), None);
        assert_eq!(channels_text(&[Channel::Phone, Channel::Post]), "phone,post");
    }
}
