//! Segments: the contacts that meet conditions about lawful basis, consent,
//! permission to contact, restriction, objection, notice version and review.
//!
//! A segment is a list of conditions that must all hold. It travels as
//! query-string pairs (so it shares a URL with the contact list's other
//! filters and can be saved as text); [`Segment::to_query`] is canonical
//! (sorted, without repeats), so equal segments have equal text. The store
//! turns each condition into SQL; the one rule it must agree with is
//! [`crate::consent::may_contact`].

use crate::consent::{Channel, LawfulBasis};
use crate::{Invalid, PurposeId};
use std::str::FromStr;

word_enum!(
    /// A consent state to look for, as [`crate::ConsentState::as_str`]
    /// spells it (`none`: nothing on record).
    ConsentFilter {
        None => "none", "No record",
        Awaiting => "awaiting", "Awaiting an answer",
        NotResponded => "not_responded", "Not responded",
        Given => "given", "Given",
        Refused => "refused", "Refused",
        Withdrawn => "withdrawn", "Withdrawn",
        Expired => "expired", "Expired",
    }
);

/// One condition a contact must meet.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Condition {
    /// The lawful basis recorded for a purpose; `None`: no basis (no row,
    /// or `not_applicable`).
    Basis { purpose: PurposeId, basis: Option<LawfulBasis> },
    /// The consent state for a purpose on a channel, at the instant asked about.
    Consent { purpose: PurposeId, channel: Channel, state: ConsentFilter },
    /// Whether [`crate::consent::may_contact`] allows contact.
    MayContact { purpose: PurposeId, channel: Channel, allowed: bool },
    /// Processing of the person is (or is not) restricted (Art. 18).
    Restricted(bool),
    /// The person objected (Art. 21) to a purpose (`None`: to any), whatever
    /// the decision.
    Objected { purpose: Option<PurposeId> },
    /// Consent given for the purpose under a notice older than the latest
    /// version of the same notice.
    OldNotice { purpose: PurposeId },
    /// The record's periodic review is due.
    ReviewDue,
}

/// The query-string keys a segment reads.
pub const KEYS: [&str; 8] =
    ["basis", "consent", "may", "may_not", "restricted", "objected", "old_notice", "review_due"];

impl Condition {
    /// The condition as one query-string pair.
    pub fn pair(&self) -> (&'static str, String) {
        match self {
            Condition::Basis { purpose, basis } => (
                "basis",
                format!(
                    "{purpose}:{}",
                    basis.filter(|b| *b != LawfulBasis::NotApplicable).map_or("none", |b| b.as_str())
                ),
            ),
            Condition::Consent { purpose, channel, state } => {
                ("consent", format!("{purpose}:{}:{}", channel.as_str(), state.as_str()))
            }
            Condition::MayContact { purpose, channel, allowed } => {
                (if *allowed { "may" } else { "may_not" }, format!("{purpose}:{}", channel.as_str()))
            }
            Condition::Restricted(r) => ("restricted", if *r { "1" } else { "0" }.into()),
            Condition::Objected { purpose } => ("objected", purpose.map_or("any".into(), |p| p.to_string())),
            Condition::OldNotice { purpose } => ("old_notice", purpose.to_string()),
            Condition::ReviewDue => ("review_due", "1".into()),
        }
    }

    /// Reads one pair; `Ok(None)` for a key that is not a segment's.
    pub fn from_pair(key: &str, value: &str) -> Result<Option<Condition>, Invalid> {
        if !KEYS.contains(&key) {
            return Ok(None);
        }
        let bad = |what: &str| Invalid::one(key, format!("must be {what}"));
        let parts: Vec<&str> = value.split(':').collect();
        let purpose = |s: &str, what: &str| PurposeId::from_str(s).map_err(|_| bad(what));
        let channel = |s: &str, what: &str| Channel::parse(s).ok_or_else(|| bad(what));
        let c = match (key, parts.as_slice()) {
            ("basis", [p, b]) => {
                const WHAT: &str = "<purpose id>:<basis or none>";
                let basis = match *b {
                    "none" | "not_applicable" => None,
                    b => Some(LawfulBasis::parse(b).ok_or_else(|| bad(WHAT))?),
                };
                Condition::Basis { purpose: purpose(p, WHAT)?, basis }
            }
            ("basis", _) => return Err(bad("<purpose id>:<basis or none>")),
            ("consent", [p, ch, s]) => {
                const WHAT: &str = "<purpose id>:<channel>:<consent state>";
                Condition::Consent {
                    purpose: purpose(p, WHAT)?,
                    channel: channel(ch, WHAT)?,
                    state: ConsentFilter::parse(s).ok_or_else(|| bad(WHAT))?,
                }
            }
            ("consent", _) => return Err(bad("<purpose id>:<channel>:<consent state>")),
            ("may" | "may_not", [p, ch]) => Condition::MayContact {
                purpose: purpose(p, "<purpose id>:<channel>")?,
                channel: channel(ch, "<purpose id>:<channel>")?,
                allowed: key == "may",
            },
            ("may" | "may_not", _) => return Err(bad("<purpose id>:<channel>")),
            ("restricted", ["1"]) => Condition::Restricted(true),
            ("restricted", ["0"]) => Condition::Restricted(false),
            ("restricted", _) => return Err(bad("1 or 0")),
            ("objected", ["any"]) => Condition::Objected { purpose: None },
            ("objected", [p]) => Condition::Objected { purpose: Some(purpose(p, "a purpose id or any")?) },
            ("objected", _) => return Err(bad("a purpose id or any")),
            ("old_notice", [p]) => Condition::OldNotice { purpose: purpose(p, "a purpose id")? },
            ("old_notice", _) => return Err(bad("a purpose id")),
            ("review_due", ["1"]) => Condition::ReviewDue,
            _ => return Err(bad("1")),
        };
        Ok(Some(c))
    }

    /// The purpose the condition is about, if one.
    pub fn purpose(&self) -> Option<PurposeId> {
        match self {
            Condition::Basis { purpose, .. }
            | Condition::Consent { purpose, .. }
            | Condition::MayContact { purpose, .. }
            | Condition::OldNotice { purpose } => Some(*purpose),
            Condition::Objected { purpose } => *purpose,
            Condition::Restricted(_) | Condition::ReviewDue => None,
        }
    }
}

/// Conditions that must all hold (none: every contact).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Segment {
    pub conditions: Vec<Condition>,
}

/// Most conditions one segment may hold.
pub const MAX_CONDITIONS: usize = 20;

impl Segment {
    /// Reads the segment's keys from query-string pairs (already decoded);
    /// other keys are left for the caller. Errors name the key. The result
    /// is canonical (see [`Segment::canonical`]).
    pub fn parse_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Result<Segment, Invalid> {
        let mut inv = Invalid::default();
        let mut conditions = Vec::new();
        for (k, v) in pairs {
            match Condition::from_pair(k, v) {
                Ok(Some(c)) => conditions.push(c),
                Ok(None) => {}
                Err(e) => inv.0.extend(e.0),
            }
        }
        let s = Segment { conditions }.canonical();
        if s.conditions.len() > MAX_CONDITIONS {
            inv.push("segment", format!("at most {MAX_CONDITIONS} conditions"));
        }
        inv.into_result()?;
        Ok(s)
    }

    /// The same conditions in the order of their query text, without
    /// repeats, "no basis" always spelled `None`.
    pub fn canonical(&self) -> Segment {
        let mut v: Vec<(&'static str, String, Condition)> = self
            .conditions
            .iter()
            .map(|c| {
                let c = match c {
                    Condition::Basis { purpose, basis: Some(LawfulBasis::NotApplicable) } => {
                        Condition::Basis { purpose: *purpose, basis: None }
                    }
                    c => c.clone(),
                };
                let (k, v) = c.pair();
                (k, v, c)
            })
            .collect();
        v.sort_by(|a, b| (a.0, &a.1).cmp(&(b.0, &b.1)));
        v.dedup_by(|a, b| a.0 == b.0 && a.1 == b.1);
        Segment { conditions: v.into_iter().map(|(_, _, c)| c).collect() }
    }

    /// The query-string pairs, canonical.
    pub fn pairs(&self) -> Vec<(&'static str, String)> {
        self.canonical().conditions.iter().map(Condition::pair).collect()
    }

    /// The canonical query text (`key=value&…`, values need no escaping:
    /// ids, slugs, digits and `:`); empty for no conditions.
    pub fn to_query(&self) -> String {
        self.pairs().iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join("&")
    }

    pub fn is_empty(&self) -> bool {
        self.conditions.is_empty()
    }

    /// The purposes the conditions name (each once).
    pub fn purposes(&self) -> Vec<PurposeId> {
        let mut v: Vec<PurposeId> = self.conditions.iter().filter_map(Condition::purpose).collect();
        v.sort();
        v.dedup();
        v
    }
}

/// Splits a query string (`a=1&b=x%20y`) into decoded pairs (`+` is a
/// space); `None` if an escape is not valid UTF-8 or not hex.
pub fn decode_query(text: &str) -> Option<Vec<(String, String)>> {
    fn dec(s: &str) -> Option<String> {
        let b = s.as_bytes();
        let mut out = Vec::with_capacity(b.len());
        let mut i = 0;
        while i < b.len() {
            match b[i] {
                b'+' => out.push(b' '),
                b'%' => {
                    let h = std::str::from_utf8(b.get(i + 1..i + 3)?).ok()?;
                    out.push(u8::from_str_radix(h, 16).ok()?);
                    i += 2;
                }
                c => out.push(c),
            }
            i += 1;
        }
        String::from_utf8(out).ok()
    }
    text.split('&')
        .filter(|s| !s.is_empty())
        .map(|kv| {
            let (k, v) = kv.split_once('=').unwrap_or((kv, ""));
            Some((dec(k)?, dec(v)?))
        })
        .collect()
}

/// A query-string value escaped: letters, digits and `-._~:` stay.
pub fn encode_component(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b':') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn split(q: &str) -> Vec<(&str, &str)> {
        q.split('&').filter(|s| !s.is_empty()).map(|kv| kv.split_once('=').unwrap_or((kv, ""))).collect()
    }

    fn arb_purpose() -> impl Strategy<Value = PurposeId> {
        prop::sample::select(vec![1u128, 2, 3]).prop_map(|n| PurposeId(uuid::Uuid::from_u128(n)))
    }

    fn arb_condition() -> impl Strategy<Value = Condition> {
        let ch = || prop::sample::select(Channel::ALL.to_vec());
        prop_oneof![
            (arb_purpose(), prop::option::of(prop::sample::select(LawfulBasis::ALL.to_vec())))
                .prop_map(|(purpose, basis)| Condition::Basis { purpose, basis }),
            (arb_purpose(), ch(), prop::sample::select(ConsentFilter::ALL.to_vec()))
                .prop_map(|(purpose, channel, state)| Condition::Consent { purpose, channel, state }),
            (arb_purpose(), ch(), any::<bool>()).prop_map(|(purpose, channel, allowed)| Condition::MayContact {
                purpose,
                channel,
                allowed
            }),
            any::<bool>().prop_map(Condition::Restricted),
            prop::option::of(arb_purpose()).prop_map(|purpose| Condition::Objected { purpose }),
            arb_purpose().prop_map(|purpose| Condition::OldNotice { purpose }),
            Just(Condition::ReviewDue),
        ]
    }

    proptest! {
        #[test]
        fn the_query_text_round_trips(conditions in prop::collection::vec(arb_condition(), 0..12)) {
            let s = Segment { conditions };
            let q = s.to_query();
            let back = Segment::parse_pairs(split(&q)).unwrap();
            prop_assert_eq!(&back, &s.canonical());
            prop_assert_eq!(back.to_query(), q.clone());
            // Canonical: order and repeats do not change the text.
            let mut shuffled = s.conditions.clone();
            shuffled.reverse();
            shuffled.extend(s.conditions.iter().cloned());
            prop_assert_eq!(Segment { conditions: shuffled }.to_query(), q);
        }
    }

    #[test]
    fn query_text_decodes_and_encodes() {
        let pairs = decode_query("tag=caf%C3%A9+bar&x&basis=a:b").unwrap();
        assert_eq!(pairs[0], ("tag".into(), "café bar".into()));
        assert_eq!(pairs[1], ("x".into(), "".into()));
        assert_eq!(decode_query("a=%zz"), None);
        assert_eq!(encode_component("café bar&x"), "caf%C3%A9%20bar%26x");
        assert_eq!(decode_query(&format!("t={}", encode_component("a+b é&="))).unwrap()[0].1, "a+b é&=");
    }

    #[test]
    fn other_keys_are_left_alone_and_errors_name_the_key() {
        let p = "00000000-0000-0000-0000-000000000001";
        let may = format!("{p}:email");
        let s = Segment::parse_pairs([("tag", "vip"), ("may", may.as_str()), ("sort", "-created")]).unwrap();
        assert_eq!(
            s.conditions,
            vec![Condition::MayContact {
                purpose: PurposeId(uuid::Uuid::from_u128(1)),
                channel: Channel::Email,
                allowed: true
            }]
        );
        assert_eq!(s.to_query(), format!("may={p}:email"));
        for (k, v) in [
            ("basis", "x:consent"),
            ("basis", "00000000-0000-0000-0000-000000000001:maybe"),
            ("consent", "00000000-0000-0000-0000-000000000001:fax:given"),
            ("may_not", "00000000-0000-0000-0000-000000000001"),
            ("restricted", "yes"),
            ("objected", ""),
            ("old_notice", "any"),
            ("review_due", "0"),
        ] {
            let e = Segment::parse_pairs([(k, v)]).unwrap_err();
            assert_eq!(e.0[0].field, k, "{k}={v}");
        }
        let not_applicable = format!("{p}:not_applicable");
        let s = Segment::parse_pairs([("basis", not_applicable.as_str())]).unwrap();
        assert_eq!(s.to_query(), format!("basis={p}:none"));
        assert!(Segment::parse_pairs([("q", "x")]).unwrap().is_empty());
    }
}
