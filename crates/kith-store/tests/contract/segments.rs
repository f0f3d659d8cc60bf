//! Segments on SQLite and PostgreSQL: the proof that a segment never
//! disagrees with a send. Random people get random bases (none included),
//! consent events (expiry and answer deadlines on both sides of the
//! instant asked about), restrictions and objections with every decision,
//! for a direct-marketing purpose and another; then for every purpose,
//! channel and condition the store's ids must be exactly those for which
//! the pure rules (`consent::fold`, `consent::may_contact`), fed the same
//! facts, say yes. Counts (the fast path and the general one) must agree.

use crate::engines::{ctx, on_both};
use kith_domain::consent::{fold, may_contact, BasisSource, ConsentFact, PermissionFacts};
use kith_domain::segment::{Condition, ConsentFilter, Segment};
use kith_domain::{
    Channel, ConsentAction, ConsentMethod, ConsentState, ContactData, LawfulBasis, ObjectionDecision, PurposeId,
    SubjectId,
};
use kith_store::consent::{BasisRecord, ConsentWrite, NewConsentEvent, SealedProof};
use kith_store::contacts::{ContactFilter, ContactInput};
use kith_store::purposes::PurposeInput;
use kith_store::segments::SegmentAt;
use kith_store::Store;
use std::collections::{BTreeMap, BTreeSet};
use time::{Duration, OffsetDateTime};
use uuid::Uuid;

/// A small seeded generator (xorshift): the same people on both engines.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
    fn pick<T: Copy>(&mut self, v: &[T]) -> T {
        v[self.below(v.len() as u64) as usize]
    }
}

/// What the test knows about one person, independently of the store.
#[derive(Default)]
struct Person {
    bases: BTreeMap<PurposeId, LawfulBasis>,
    events: BTreeMap<PurposeId, Vec<(ConsentFact, Option<Uuid>)>>,
    restricted: bool,
    objections: BTreeMap<PurposeId, ObjectionDecision>,
}

struct World {
    people: BTreeMap<SubjectId, Person>,
    purposes: Vec<(PurposeInput, bool)>,
    old_notice: Uuid,
    at: OffsetDateTime,
}

fn purpose_input(name: &str, dm: bool) -> PurposeInput {
    PurposeInput {
        id: PurposeId::new(),
        name: name.into(),
        description: "why".into(),
        default_basis: LawfulBasis::Consent,
        data_categories: vec!["contact".into()],
        retention: String::new(),
        rule: None,
        recipients: String::new(),
        direct_marketing: dm,
    }
}

fn basis_record(purpose: PurposeId, basis: LawfulBasis, at: OffsetDateTime) -> BasisRecord {
    BasisRecord {
        purpose,
        basis,
        source: BasisSource::Manual,
        source_name: None,
        lia_ref: None,
        effective_at: at,
        ends_at: None,
        set_by: None,
        set_at: at,
    }
}

async fn build(s: &Store, seed: u64, n: usize) -> World {
    let mut rng = Rng(seed);
    let at = OffsetDateTime::now_utc().replace_nanosecond(0).unwrap();
    let mins = |m: i64| at + Duration::minutes(m);
    let purposes = vec![(purpose_input("Newsletter", true), true), (purpose_input("Service notes", false), false)];
    for (p, _) in &purposes {
        s.insert_purpose(&ctx(), p).await.unwrap();
    }
    let old = s.insert_notice(&ctx(), "Privacy", "en", None, "v1").await.unwrap();
    let new = s.insert_notice(&ctx(), "Privacy", "en", None, "v2").await.unwrap();
    let other = s.insert_notice(&ctx(), "Cookies", "en", None, "only one").await.unwrap();
    let notices = [None, Some(old.id), Some(new.id), Some(other.id)];
    let bases = [
        None,
        Some(LawfulBasis::NotApplicable),
        Some(LawfulBasis::Consent),
        Some(LawfulBasis::Consent),
        Some(LawfulBasis::Contract),
        Some(LawfulBasis::LegitimateInterests),
    ];
    let actions = ConsentAction::ALL.to_vec();
    let decisions = ObjectionDecision::ALL.to_vec();
    let mut people = BTreeMap::new();
    let mut seq = 0i64;
    for i in 0..n {
        let data = ContactData { first_name: Some(format!("P{i}")), ..Default::default() };
        let c = ContactInput { id: SubjectId::new(), owner: None, company: None, tags: vec![], data, source: None };
        s.insert_contacts(&ctx(), std::slice::from_ref(&c), None).await.unwrap();
        let mut person = Person::default();
        for (p, _) in &purposes {
            if let Some(b) = rng.pick(&bases) {
                s.set_bases(&ctx(), &[c.id], &basis_record(p.id, b, at)).await.unwrap();
                person.bases.insert(p.id, b);
            }
            for _ in 0..rng.below(5) {
                let action = rng.pick(&actions);
                let mut channels: Vec<Channel> = Channel::ALL.iter().copied().filter(|_| rng.chance(50)).collect();
                if channels.is_empty() {
                    channels.push(rng.pick(Channel::ALL));
                }
                let when = mins(-(rng.below(300) as i64) - 1);
                // Deadlines before and after the instant asked about.
                let until = rng.chance(50).then(|| when + Duration::minutes(rng.below(600) as i64 + 1));
                let notice = rng.pick(&notices);
                let e = NewConsentEvent {
                    id: Uuid::now_v7(),
                    subject: c.id,
                    purpose: p.id,
                    action,
                    channels: channels.clone(),
                    method: ConsentMethod::Api,
                    at: when,
                    until,
                    notice,
                    form: None,
                    actor_user: None,
                    gpc: false,
                    request: None,
                    proof: SealedProof::default(),
                };
                let restricted_now = person.restricted;
                if restricted_now && matches!(action, ConsentAction::Given | ConsentAction::Requested) {
                    continue;
                }
                s.write_consent(&ctx(), ConsentWrite { events: vec![e], ..Default::default() }).await.unwrap();
                seq += 1;
                let fact = ConsentFact { seq, at: when, action, channels, until };
                person.events.entry(p.id).or_default().push((fact, notice));
            }
            if rng.chance(20) {
                let d = rng.pick(&decisions);
                s.set_objection(&ctx(), c.id, p.id, d, None).await.unwrap();
                person.objections.insert(p.id, d);
            }
        }
        if rng.chance(10) {
            s.set_restriction(&ctx(), c.id, true, None).await.unwrap();
            person.restricted = true;
        }
        people.insert(c.id, person);
    }
    World { people, purposes, old_notice: old.id, at }
}

impl World {
    fn state(&self, p: &Person, purpose: PurposeId, ch: Channel, at: OffsetDateTime) -> ConsentState {
        let facts: Vec<ConsentFact> =
            p.events.get(&purpose).map(|v| v.iter().map(|(f, _)| f.clone()).collect()).unwrap_or_default();
        fold(&facts, ch, at)
    }

    fn may(&self, p: &Person, purpose: PurposeId, ch: Channel, at: OffsetDateTime) -> bool {
        let dm = self.purposes.iter().find(|(pi, _)| pi.id == purpose).map(|(_, dm)| *dm).unwrap();
        may_contact(PermissionFacts {
            basis: p.bases.get(&purpose).copied().unwrap_or(LawfulBasis::NotApplicable),
            consent: self.state(p, purpose, ch, at),
            restricted: p.restricted,
            direct_marketing: dm,
            objection: p.objections.get(&purpose).copied(),
        })
        .allowed
    }

    fn expected(&self, c: &Condition, at: OffsetDateTime) -> BTreeSet<SubjectId> {
        self.people
            .iter()
            .filter(|(_, p)| match c {
                Condition::Basis { purpose, basis } => {
                    let has = p.bases.get(purpose).copied().filter(|b| *b != LawfulBasis::NotApplicable);
                    has == *basis
                }
                Condition::Consent { purpose, channel, state } => {
                    self.state(p, *purpose, *channel, at).as_str() == state.as_str()
                }
                Condition::MayContact { purpose, channel, allowed } => self.may(p, *purpose, *channel, at) == *allowed,
                Condition::Restricted(r) => p.restricted == *r,
                Condition::Objected { purpose: Some(pu) } => p.objections.contains_key(pu),
                Condition::Objected { purpose: None } => !p.objections.is_empty(),
                Condition::OldNotice { purpose } => Channel::ALL.iter().any(|ch| {
                    let ConsentState::Given { seq, .. } = self.state(p, *purpose, *ch, at) else { return false };
                    let events = p.events.get(purpose).unwrap();
                    events.iter().find(|(f, _)| f.seq == seq).is_some_and(|(_, n)| *n == Some(self.old_notice))
                }),
                Condition::ReviewDue => false,
            })
            .map(|(id, _)| *id)
            .collect()
    }
}

fn filter(conditions: Vec<Condition>, at: OffsetDateTime) -> ContactFilter {
    ContactFilter { segment: Some(SegmentAt { segment: Segment { conditions }, at }), ..Default::default() }
}

async fn ids(s: &Store, f: &ContactFilter) -> BTreeSet<SubjectId> {
    let mut out = BTreeSet::new();
    let mut after = None;
    loop {
        let page = s.segment_ids(f, after, 7).await.unwrap();
        after = page.last().map(|x| x.0);
        let done = page.len() < 7;
        out.extend(page);
        if done {
            return out;
        }
    }
}

/// Checks one condition alone, and its count both ways.
async fn check(s: &Store, w: &World, c: Condition, at: OffsetDateTime) {
    let f = filter(vec![c.clone()], at);
    let want = w.expected(&c, at);
    assert_eq!(ids(s, &f).await, want, "{c:?} at {at}");
    assert_eq!(s.count_matching(&f).await.unwrap(), want.len() as i64, "count of {c:?}");
    let general = ContactFilter { created_from: Some(0), ..f };
    assert_eq!(s.count_matching(&general).await.unwrap(), want.len() as i64, "general count of {c:?}");
}

fn every_condition(w: &World) -> Vec<Condition> {
    let mut all =
        vec![Condition::Restricted(true), Condition::Restricted(false), Condition::Objected { purpose: None }];
    for (p, _) in &w.purposes {
        let purpose = p.id;
        all.push(Condition::Basis { purpose, basis: None });
        for b in LawfulBasis::ALL.iter().filter(|b| **b != LawfulBasis::NotApplicable) {
            all.push(Condition::Basis { purpose, basis: Some(*b) });
        }
        all.push(Condition::Objected { purpose: Some(purpose) });
        all.push(Condition::OldNotice { purpose });
        for channel in Channel::ALL.iter().copied() {
            for allowed in [true, false] {
                all.push(Condition::MayContact { purpose, channel, allowed });
            }
            for state in ConsentFilter::ALL.iter().copied() {
                all.push(Condition::Consent { purpose, channel, state });
            }
        }
    }
    all
}

#[tokio::test]
async fn a_segment_never_disagrees_with_the_rule_a_send_uses() {
    on_both(|s, _| async move {
        let mut w = build(&s, 0x5eed_1234_abcd_0001, 60).await;
        let conditions = every_condition(&w);
        // The people are varied enough to tell a wrong predicate from a right one.
        let n = w.people.len();
        let varied = conditions.iter().filter(|c| (1..n).contains(&w.expected(c, w.at).len())).count();
        assert!(
            varied * 4 >= conditions.len() * 3,
            "only {varied} of {} conditions split the people",
            conditions.len()
        );
        // Now, and later (consent expired, answers overdue, in SQL alone).
        for at in [w.at, w.at + Duration::minutes(240), w.at + Duration::days(30)] {
            for c in &conditions {
                check(&s, &w, c.clone(), at).await;
            }
        }
        // Conditions together: the intersection, counted either way.
        let mut rng = Rng(99);
        for _ in 0..40 {
            let a = rng.pick(&conditions.iter().collect::<Vec<_>>()).clone();
            let b = rng.pick(&conditions.iter().collect::<Vec<_>>()).clone();
            let f = filter(vec![a.clone(), b.clone()], w.at);
            let want: BTreeSet<SubjectId> = w.expected(&a, w.at).intersection(&w.expected(&b, w.at)).copied().collect();
            assert_eq!(ids(&s, &f).await, want, "{a:?} and {b:?}");
            assert_eq!(s.count_matching(&f).await.unwrap(), want.len() as i64);
        }
        // The facts change through every path the rule reads: a restriction
        // lifted, a purpose becoming direct marketing, a new basis, a decision.
        let (mut service, _) = w.purposes[1].clone();
        service.direct_marketing = true;
        s.update_purpose(&ctx(), &service).await.unwrap();
        w.purposes[1].1 = true;
        let ids_now: Vec<SubjectId> = w.people.keys().copied().collect();
        for (i, id) in ids_now.iter().enumerate() {
            let p = w.people.get_mut(id).unwrap();
            if p.restricted && i % 2 == 0 {
                s.set_restriction(&ctx(), *id, false, None).await.unwrap();
                p.restricted = false;
            }
            if i % 5 == 0 {
                let purpose = w.purposes[0].0.id;
                s.set_bases(&ctx(), &[*id], &basis_record(purpose, LawfulBasis::Contract, w.at)).await.unwrap();
                p.bases.insert(purpose, LawfulBasis::Contract);
            }
            if i % 7 == 0 {
                let purpose = w.purposes[1].0.id;
                s.set_objection(&ctx(), *id, purpose, ObjectionDecision::Overridden, None).await.unwrap();
                p.objections.insert(purpose, ObjectionDecision::Overridden);
            }
        }
        for c in conditions.iter().filter(|c| matches!(c, Condition::MayContact { .. })) {
            check(&s, &w, c.clone(), w.at).await;
        }
    })
    .await;
}

#[tokio::test]
async fn review_due_follows_the_review_period() {
    on_both(|s, _| async move {
        let w = build(&s, 7, 3).await;
        let due = |at| filter(vec![Condition::ReviewDue], at);
        assert_eq!(s.count_matching(&due(w.at)).await.unwrap(), 0);
        assert_eq!(s.count_matching(&due(w.at + Duration::days(366))).await.unwrap(), 3);
        let one = *w.people.keys().next().unwrap();
        let short = s.clone().with_review_after(Duration::days(30));
        let forty_days = Duration::days(40).whole_milliseconds() as i64;
        s.raw_execute(&format!("UPDATE contacts SET created_at = created_at - {forty_days}")).await.unwrap();
        let now = OffsetDateTime::now_utc();
        assert_eq!(short.count_matching(&due(now)).await.unwrap(), 3);
        assert_eq!(s.count_matching(&due(now)).await.unwrap(), 0, "a year's period is not over");
        short.mark_reviewed(&ctx(), one).await.unwrap();
        assert_eq!(short.count_matching(&due(now)).await.unwrap(), 2);
        assert!(short.filter_ids(&due(now), &[one]).await.unwrap().is_empty(), "reviewed just now");
    })
    .await;
}
