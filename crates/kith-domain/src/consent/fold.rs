//! The fold: a person's consent events turned into their state on one
//! channel, at a moment or before time is applied.

use super::{Channel, ConsentAction};
use time::OffsetDateTime;

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::consent::tests::t;
    use crate::consent::{may_contact, LawfulBasis, PermissionFacts};
    use proptest::prelude::*;

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
}
