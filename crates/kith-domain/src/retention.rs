//! Retention: how long each purpose justifies keeping a person's data, and
//! what happens to it when the last purpose stops justifying it.
//!
//! A purpose *applies* to a person when a lawful basis is recorded for it
//! or a consent state exists. Each applicable purpose justifies keeping the
//! data until its rule's period has run from its anchor (the last
//! interaction, creation, the end of the contract, the withdrawal of
//! consent, the closing of the person's deals). An anchor that has not
//! happened yet (a contract without an end date, an open deal, consent still
//! in force) justifies keeping the data for now. A purpose also *lapses* —
//! consent withdrawn, refused or expired, a contract past its end — and a
//! lapsed purpose's period runs from the lapse at the latest. A purpose
//! with no rule justifies keeping while it is in force, and nothing after.
//!
//! When no applicable purpose justifies keeping the data any more, the rule
//! of the one that justified it longest applies. A legal hold or a
//! restriction (Art. 18) suspends it.

use crate::{Invalid, LawfulBasis, PurposeId};
use time::{Duration, OffsetDateTime};

word_enum!(
    /// The event a retention period runs from.
    Anchor {
        LastInteraction => "last_interaction", "the last interaction",
        Created => "created", "creation",
        ContractEnd => "contract_end", "the end of the contract",
        ConsentWithdrawn => "consent_withdrawn", "the withdrawal of consent",
        DealClosed => "deal_closed", "the closing of the person's deals",
    }
);

word_enum!(
    /// What happens to a person's data when its time is up.
    Disposal {
        Delete => "delete", "delete",
        Anonymise => "anonymise", "anonymise",
    }
);

word_enum!(
    /// The unit of a retention period.
    PeriodUnit {
        Days => "days", "days",
        Months => "months", "months",
        Years => "years", "years",
    }
);

/// Where periods that would run past year 9999 end.
const LAST: OffsetDateTime = time::macros::datetime!(9999-12-31 23:59:59 UTC);

/// A length of time in calendar units (a month after 31 January is the
/// last day of February). Zero means at once: the data goes at the first
/// sweep after the anchor.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Period {
    pub count: u32,
    pub unit: PeriodUnit,
}

/// The longest period a rule may name: a century.
const MAX_DAYS: u32 = 36_525;

impl Period {
    pub fn new(count: i64, unit: PeriodUnit) -> Result<Self, Invalid> {
        let max = match unit {
            PeriodUnit::Days => MAX_DAYS,
            PeriodUnit::Months => 1_200,
            PeriodUnit::Years => 100,
        };
        match u32::try_from(count) {
            Ok(c) if c <= max => Ok(Period { count: c, unit }),
            _ => Err(Invalid::one(
                "retention_period",
                format!("must be a whole number of {} from 0 (at once) to {max}", unit.label()),
            )),
        }
    }

    /// `t` plus this period.
    pub fn after(self, t: OffsetDateTime) -> OffsetDateTime {
        match self.unit {
            PeriodUnit::Days => t.checked_add(Duration::days(i64::from(self.count))).unwrap_or(LAST),
            PeriodUnit::Months => add_months(t, self.count),
            PeriodUnit::Years => add_months(t, self.count * 12),
        }
    }

    /// "2 years", "1 month", "no time".
    pub fn describe(self) -> String {
        let unit = self.unit.label();
        if self.count == 0 {
            "no time".to_owned()
        } else if self.count == 1 {
            format!("1 {}", unit.trim_end_matches('s'))
        } else {
            format!("{} {unit}", self.count)
        }
    }
}

fn add_months(t: OffsetDateTime, months: u32) -> OffsetDateTime {
    let total = i64::from(t.year()) * 12 + i64::from(u8::from(t.month()) - 1) + i64::from(months);
    let year = i32::try_from(total.div_euclid(12)).unwrap_or(i32::MAX).min(9999);
    let month = time::Month::try_from((total.rem_euclid(12) + 1) as u8).unwrap_or(time::Month::December);
    let day = t.day().min(month.length(year));
    match time::Date::from_calendar_date(year, month, day) {
        Ok(d) if total.div_euclid(12) <= 9999 => t.replace_date(d),
        _ => LAST,
    }
}

/// A purpose's retention rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rule {
    pub anchor: Anchor,
    pub period: Period,
    pub disposal: Disposal,
}

impl Rule {
    /// A rule; "at once" (a period of 0) only after the withdrawal of
    /// consent or the end of the contract, which every person must have
    /// for the rule to act. Never after creation, the last interaction or
    /// the closing of deals (people without deals run from their creation),
    /// where it would dispose of people as soon as they are added.
    pub fn new(anchor: Anchor, period: Period, disposal: Disposal) -> Result<Self, Invalid> {
        if period.count == 0 && matches!(anchor, Anchor::Created | Anchor::LastInteraction | Anchor::DealClosed) {
            return Err(Invalid::one(
                "retention_period",
                format!(
                    "must be at least 1 after {}: 0 would dispose of people as soon as they are added",
                    anchor.label()
                ),
            ));
        }
        Ok(Rule { anchor, period, disposal })
    }

    /// "2 years after the last interaction, then delete"; "at once after
    /// the withdrawal of consent, then delete".
    pub fn describe(&self) -> String {
        let after = if self.period.count == 0 { "at once".to_owned() } else { self.period.describe() };
        format!("{after} after {}, then {}", self.anchor.label(), self.disposal.label())
    }
}

/// What is known about one person for one purpose.
#[derive(Clone, Debug)]
pub struct PurposeFacts {
    pub purpose: PurposeId,
    pub rule: Option<Rule>,
    pub basis: LawfulBasis,
    /// The end of the contract (or of another basis), if one is recorded.
    pub basis_ends: Option<OffsetDateTime>,
    /// Consent is in force on at least one channel now.
    pub consent_in_force: bool,
    /// When consent last stopped counting (withdrawn, refused, expired),
    /// if it is not in force and ever stopped.
    pub consent_stopped: Option<OffsetDateTime>,
    /// Any consent state exists for the purpose.
    pub consent_on_record: bool,
}

/// What is known about one person.
#[derive(Clone, Debug)]
pub struct SubjectFacts {
    pub created: OffsetDateTime,
    pub last_interaction: Option<OffsetDateTime>,
    /// The person is linked to a deal that is not closed.
    pub open_deal: bool,
    /// When the latest of the person's closed deals closed.
    pub last_deal_closed: Option<OffsetDateTime>,
    /// A legal hold, with its review date.
    pub hold: Option<OffsetDateTime>,
    /// Processing is restricted (Art. 18): storage only, so no disposal.
    pub restricted: bool,
    pub purposes: Vec<PurposeFacts>,
}

/// Until when one purpose justifies keeping the data.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Until {
    /// For now: its anchor has not happened and it is in force.
    Open,
    At(OffsetDateTime),
}

/// The answer for one person.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// No purpose applies to the person: no rule can expire their data
    /// (listed for review instead).
    NoPurpose,
    /// Purposes apply but none has a rule: retention says nothing.
    NoRule,
    /// Kept: `until` is when the data would go (`None`: not yet known —
    /// an anchor has not happened), under `purpose`'s `rule`.
    Keep { until: Option<OffsetDateTime>, purpose: PurposeId, rule: Option<Rule> },
    /// Time is up, but a legal hold (with its review date) or a restriction
    /// suspends the disposal.
    Suspended { since: OffsetDateTime, purpose: PurposeId, rule: Rule, hold: Option<OffsetDateTime> },
    /// Time is up: dispose of the data as `rule` says.
    Expired { since: OffsetDateTime, purpose: PurposeId, rule: Rule },
}

impl PurposeFacts {
    fn applies(&self) -> bool {
        self.basis != LawfulBasis::NotApplicable || self.consent_on_record
    }

    /// Consent is what keeps the purpose going: its basis is consent, or
    /// no basis is recorded but a consent state is.
    fn rests_on_consent(&self) -> bool {
        match self.basis {
            LawfulBasis::Consent => true,
            LawfulBasis::NotApplicable => self.consent_on_record,
            _ => false,
        }
    }

    /// When the purpose stopped being in force, if it has.
    fn lapsed(&self, now: OffsetDateTime) -> Option<OffsetDateTime> {
        let ended = self.basis_ends.filter(|e| *e <= now);
        let consent_gone = self.consent_stopped.filter(|_| self.rests_on_consent() && !self.consent_in_force);
        match (ended, consent_gone) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        }
    }

    fn until(&self, s: &SubjectFacts, now: OffsetDateTime) -> Until {
        let lapsed = self.lapsed(now);
        let Some(rule) = self.rule else {
            return lapsed.map_or(Until::Open, Until::At);
        };
        let anchor = match rule.anchor {
            Anchor::Created => Some(s.created),
            Anchor::LastInteraction => Some(s.last_interaction.map_or(s.created, |t| t.max(s.created))),
            Anchor::ContractEnd => self.basis_ends,
            // The withdrawal counts only where consent is what the purpose
            // rests on; under another basis (a contract, say) an old
            // withdrawal ends nothing, and the purpose's own lapse stands in.
            Anchor::ConsentWithdrawn => {
                self.consent_stopped.filter(|_| self.rests_on_consent() && !self.consent_in_force)
            }
            Anchor::DealClosed if s.open_deal => None,
            Anchor::DealClosed => Some(s.last_deal_closed.unwrap_or(s.created)),
        };
        let from = match (anchor, lapsed) {
            (Some(a), Some(l)) => Some(a.min(l)),
            (a, l) => a.or(l),
        };
        from.map_or(Until::Open, |t| Until::At(rule.period.after(t)))
    }
}

/// Decides, at `now`, whether a person's data is kept and until when.
pub fn evaluate(s: &SubjectFacts, now: OffsetDateTime) -> Verdict {
    let applicable: Vec<&PurposeFacts> = s.purposes.iter().filter(|p| p.applies()).collect();
    if applicable.is_empty() {
        return Verdict::NoPurpose;
    }
    if applicable.iter().all(|p| p.rule.is_none()) {
        return Verdict::NoRule;
    }
    // The purpose that keeps the data longest (an open one beats any date);
    // among equals, one with a rule, then the first.
    let mut longest: Option<(Until, &PurposeFacts)> = None;
    for p in &applicable {
        let u = p.until(s, now);
        let better = match longest {
            None => true,
            Some((best, bp)) => match (u, best) {
                (Until::Open, Until::At(_)) => true,
                (Until::At(a), Until::At(b)) => a > b || (a == b && bp.rule.is_none() && p.rule.is_some()),
                (Until::Open, Until::Open) => bp.rule.is_none() && p.rule.is_some(),
                (Until::At(_), Until::Open) => false,
            },
        };
        if better {
            longest = Some((u, p));
        }
    }
    let Some((until, keeper)) = longest else { return Verdict::NoPurpose };
    // The rule that applies when the last purpose lapses: the keeper's, or
    // if it has none, that of the rule-bearing purpose lasting longest.
    let ruled = keeper.rule.map(|r| (keeper.purpose, r)).or_else(|| {
        applicable
            .iter()
            .filter_map(|p| p.rule.map(|r| (p, r)))
            .max_by_key(|(p, _)| match p.until(s, now) {
                Until::Open => OffsetDateTime::new_utc(time::Date::MAX, time::Time::MIDNIGHT),
                Until::At(t) => t,
            })
            .map(|(p, r)| (p.purpose, r))
    });
    let Some((purpose, rule)) = ruled else { return Verdict::NoRule };
    match until {
        Until::Open => Verdict::Keep { until: None, purpose: keeper.purpose, rule: keeper.rule },
        Until::At(t) if t > now => Verdict::Keep { until: Some(t), purpose, rule: Some(rule) },
        Until::At(since) if s.hold.is_some() || s.restricted => {
            Verdict::Suspended { since, purpose, rule, hold: s.hold }
        }
        Until::At(since) => Verdict::Expired { since, purpose, rule },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use uuid::Uuid;

    fn day(n: i64) -> OffsetDateTime {
        OffsetDateTime::from_unix_timestamp(1_700_000_000).unwrap() + Duration::days(n)
    }

    fn rule(anchor: Anchor, days: i64, disposal: Disposal) -> Rule {
        Rule { anchor, period: Period::new(days, PeriodUnit::Days).unwrap(), disposal }
    }

    fn purpose(n: u128, rule: Option<Rule>, basis: LawfulBasis) -> PurposeFacts {
        PurposeFacts {
            purpose: PurposeId(Uuid::from_u128(n)),
            rule,
            basis,
            basis_ends: None,
            consent_in_force: false,
            consent_stopped: None,
            consent_on_record: false,
        }
    }

    fn subject(purposes: Vec<PurposeFacts>) -> SubjectFacts {
        SubjectFacts {
            created: day(0),
            last_interaction: None,
            open_deal: false,
            last_deal_closed: None,
            hold: None,
            restricted: false,
            purposes,
        }
    }

    #[test]
    fn periods_are_calendar_periods() {
        let jan31 = time::macros::datetime!(2027-01-31 10:00 UTC);
        assert_eq!(
            Period::new(1, PeriodUnit::Months).unwrap().after(jan31),
            time::macros::datetime!(2027-02-28 10:00 UTC)
        );
        assert_eq!(
            Period::new(2, PeriodUnit::Years).unwrap().after(jan31),
            time::macros::datetime!(2029-01-31 10:00 UTC)
        );
        assert_eq!(
            Period::new(10, PeriodUnit::Days).unwrap().after(jan31),
            time::macros::datetime!(2027-02-10 10:00 UTC)
        );
        // Past year 9999 a period ends at the last representable moment, never panics.
        let far = time::macros::datetime!(9999-12-31 00:00 UTC);
        assert_eq!(Period::new(36_525, PeriodUnit::Days).unwrap().after(far), LAST);
        assert_eq!(Period::new(100, PeriodUnit::Years).unwrap().after(far), LAST);
        assert!(Period::new(-1, PeriodUnit::Days).is_err());
        assert_eq!(Period::new(0, PeriodUnit::Months).unwrap().after(jan31), jan31);
        let at_once = rule(Anchor::ConsentWithdrawn, 0, Disposal::Delete);
        assert_eq!(at_once.describe(), "at once after the withdrawal of consent, then delete");
        let zero = Period::new(0, PeriodUnit::Days).unwrap();
        assert!(Rule::new(Anchor::Created, zero, Disposal::Delete).is_err());
        assert!(Rule::new(Anchor::LastInteraction, zero, Disposal::Delete).is_err());
        assert!(Rule::new(Anchor::DealClosed, zero, Disposal::Delete).is_err());
        assert!(Rule::new(Anchor::ContractEnd, zero, Disposal::Anonymise).is_ok());
        assert!(Period::new(101, PeriodUnit::Years).is_err());
        assert_eq!(Period::new(1, PeriodUnit::Years).unwrap().describe(), "1 year");
        let r = rule(Anchor::LastInteraction, 30, Disposal::Anonymise);
        assert_eq!(r.describe(), "30 days after the last interaction, then anonymise");
    }

    #[test]
    fn nothing_applies_without_a_basis_or_consent() {
        let s = subject(vec![purpose(1, Some(rule(Anchor::Created, 1, Disposal::Delete)), LawfulBasis::NotApplicable)]);
        assert_eq!(evaluate(&s, day(100)), Verdict::NoPurpose);
        let s = subject(vec![purpose(1, None, LawfulBasis::Contract)]);
        assert_eq!(evaluate(&s, day(100)), Verdict::NoRule);
    }

    #[test]
    fn last_interaction_anchor_runs_from_the_latest_interaction() {
        let mut s = subject(vec![purpose(
            1,
            Some(rule(Anchor::LastInteraction, 30, Disposal::Delete)),
            LawfulBasis::LegitimateInterests,
        )]);
        s.last_interaction = Some(day(10));
        assert!(matches!(evaluate(&s, day(39)), Verdict::Keep { until: Some(t), .. } if t == day(40)));
        assert!(matches!(evaluate(&s, day(40)), Verdict::Expired { since, .. } if since == day(40)));
        s.hold = Some(day(400));
        assert!(matches!(evaluate(&s, day(41)), Verdict::Suspended { hold: Some(_), .. }));
        s.hold = None;
        s.restricted = true;
        assert!(matches!(evaluate(&s, day(41)), Verdict::Suspended { hold: None, .. }));
    }

    #[test]
    fn any_purpose_still_justifying_keeps_the_data() {
        let mut contract = purpose(2, Some(rule(Anchor::ContractEnd, 365, Disposal::Anonymise)), LawfulBasis::Contract);
        let news = purpose(1, Some(rule(Anchor::Created, 10, Disposal::Delete)), LawfulBasis::LegitimateInterests);
        // The contract has no end date yet: kept for now.
        let s = subject(vec![news.clone(), contract.clone()]);
        assert!(matches!(evaluate(&s, day(500)), Verdict::Keep { until: None, .. }));
        // It ends on day 100: kept a year after that, then anonymised (the contract's rule).
        contract.basis_ends = Some(day(100));
        let s = subject(vec![news, contract]);
        assert!(matches!(evaluate(&s, day(200)), Verdict::Keep { until: Some(t), .. } if t == day(465)));
        match evaluate(&s, day(465)) {
            Verdict::Expired { rule, purpose, .. } => {
                assert_eq!(rule.disposal, Disposal::Anonymise);
                assert_eq!(purpose, PurposeId(Uuid::from_u128(2)));
            }
            v => panic!("{v:?}"),
        }
    }

    #[test]
    fn withdrawn_consent_lapses_its_purpose() {
        let mut p = purpose(1, Some(rule(Anchor::ConsentWithdrawn, 30, Disposal::Delete)), LawfulBasis::Consent);
        p.consent_on_record = true;
        p.consent_in_force = true;
        let s = subject(vec![p.clone()]);
        assert!(matches!(evaluate(&s, day(1000)), Verdict::Keep { until: None, .. }));
        p.consent_in_force = false;
        p.consent_stopped = Some(day(50));
        let s = subject(vec![p.clone()]);
        assert!(matches!(evaluate(&s, day(79)), Verdict::Keep { until: Some(t), .. } if t == day(80)));
        assert!(matches!(evaluate(&s, day(80)), Verdict::Expired { .. }));
        // A purpose without a rule, in force, keeps the data but its
        // (absent) rule is not the one applied: the other purpose's is.
        let other = purpose(2, None, LawfulBasis::LegitimateInterests);
        let s = subject(vec![p.clone(), other]);
        assert!(matches!(evaluate(&s, day(80)), Verdict::Keep { until: None, .. }));
        // Lapsed without a rule: it justified keeping only until its lapse.
        let mut other = purpose(2, None, LawfulBasis::Contract);
        other.basis_ends = Some(day(60));
        let s = subject(vec![p, other]);
        assert!(matches!(evaluate(&s, day(80)), Verdict::Expired { since, .. } if since == day(80)));
    }

    /// Found by `keep_until_is_the_expiry`: a purpose resting on a
    /// contract, whose rule runs from the withdrawal of consent, and an
    /// old consent for it withdrawn before the contract ends. The
    /// withdrawal ends nothing while the contract runs; the period runs
    /// from the contract's end, and the date never moves once known.
    #[test]
    fn a_withdrawal_ends_nothing_under_a_contract() {
        let mut p = purpose(1, Some(rule(Anchor::ConsentWithdrawn, 135, Disposal::Anonymise)), LawfulBasis::Contract);
        p.basis_ends = Some(day(400));
        p.consent_stopped = Some(day(111));
        let s = subject(vec![p.clone()]);
        assert!(matches!(evaluate(&s, day(0)), Verdict::Keep { until: None, .. }));
        assert!(matches!(evaluate(&s, day(300)), Verdict::Keep { until: None, .. }), "a current customer is kept");
        assert!(matches!(evaluate(&s, day(400)), Verdict::Keep { until: Some(t), .. } if t == day(535)));
        assert!(matches!(evaluate(&s, day(535)), Verdict::Expired { since, .. } if since == day(535)));
        // Where consent is the basis, the withdrawal is the anchor.
        p.basis = LawfulBasis::Consent;
        p.consent_on_record = true;
        let s = subject(vec![p]);
        assert!(matches!(evaluate(&s, day(246)), Verdict::Expired { since, .. } if since == day(246)));
    }

    #[test]
    fn open_deals_hold_the_deal_anchor() {
        let mut s =
            subject(vec![purpose(1, Some(rule(Anchor::DealClosed, 10, Disposal::Anonymise)), LawfulBasis::Contract)]);
        s.open_deal = true;
        s.last_deal_closed = Some(day(5));
        assert!(matches!(evaluate(&s, day(100)), Verdict::Keep { until: None, .. }));
        s.open_deal = false;
        assert!(matches!(evaluate(&s, day(100)), Verdict::Expired { since, .. } if since == day(15)));
    }

    fn arb_purpose() -> impl Strategy<Value = PurposeFacts> {
        (
            0u128..4,
            proptest::option::of((0usize..5, 0i64..400, any::<bool>())),
            0usize..LawfulBasis::ALL.len(),
            proptest::option::of(0i64..500),
            any::<bool>(),
            proptest::option::of(0i64..500),
            any::<bool>(),
        )
            .prop_map(|(n, r, b, ends, in_force, stopped, on_record)| PurposeFacts {
                purpose: PurposeId(Uuid::from_u128(n)),
                rule: r.map(|(a, d, del)| {
                    rule(Anchor::ALL[a], d, if del { Disposal::Delete } else { Disposal::Anonymise })
                }),
                basis: LawfulBasis::ALL[b],
                basis_ends: ends.map(day),
                consent_in_force: in_force,
                consent_stopped: stopped.map(day),
                consent_on_record: on_record,
            })
    }

    fn arb_subject() -> impl Strategy<Value = SubjectFacts> {
        (
            proptest::collection::vec(arb_purpose(), 0..4),
            proptest::option::of(0i64..500),
            any::<bool>(),
            proptest::option::of(0i64..500),
            any::<bool>(),
        )
            .prop_map(|(purposes, last, open_deal, closed, hold)| SubjectFacts {
                created: day(0),
                last_interaction: last.map(day),
                open_deal,
                last_deal_closed: closed.map(day),
                hold: hold.then(|| day(900)),
                restricted: false,
                purposes,
            })
    }

    fn gone(v: &Verdict) -> bool {
        matches!(v, Verdict::Expired { .. } | Verdict::Suspended { .. })
    }

    proptest! {
        /// Time only moves a person towards expiry: once expired (or
        /// suspended), later evaluations never keep them again, and a hold
        /// never turns into a disposal.
        #[test]
        fn expiry_is_monotonic(s in arb_subject(), a in 0i64..1500, b in 0i64..1500) {
            let (early, late) = (day(a.min(b)), day(a.max(b)));
            if gone(&evaluate(&s, early)) {
                prop_assert!(gone(&evaluate(&s, late)));
            }
            if s.hold.is_some() {
                prop_assert!(!matches!(evaluate(&s, late), Verdict::Expired { .. }), "a hold was disposed of");
            }
        }

        /// Adding a purpose that is in force and has no end can only keep data longer.
        #[test]
        fn another_open_purpose_keeps(s in arb_subject(), at in 0i64..1500) {
            let mut more = s.clone();
            more.purposes.push(purpose(9, None, LawfulBasis::LegitimateInterests));
            prop_assert!(!gone(&evaluate(&more, day(at))), "an open purpose did not keep the data");
        }

        /// A kept verdict's date is in the future and is when it expires.
        #[test]
        fn keep_until_is_the_expiry(s in arb_subject(), at in 0i64..1500) {
            let mut s = s;
            s.hold = None;
            if let Verdict::Keep { until: Some(t), .. } = evaluate(&s, day(at)) {
                prop_assert!(t > day(at));
                prop_assert!(matches!(evaluate(&s, t), Verdict::Expired { .. }), "not expired at its date");
            }
        }
    }
}
