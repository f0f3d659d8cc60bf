use super::clock::{deadline, describe, reminders_due, time_left};
use super::notice::{authority_draft, late_without_reason, missing_items, Audience, DraftFacts, NoticeKind};
use super::risk::{risk_level, RiskLevel, RiskMethod};
use super::*;
use proptest::prelude::*;
use time::macros::datetime;
use time::Duration;

#[test]
fn references_are_checked() {
    assert_eq!(Reference::parse(" BR-2027/004 ").unwrap().as_str(), "BR-2027/004");
    assert!(Reference::parse("").is_err());
    assert!(Reference::parse("has space").is_err());
    assert!(Reference::parse(&"x".repeat(41)).is_err());
}

#[test]
fn the_deadline_is_72_hours_after_awareness() {
    let aware = datetime!(2027-03-01 10:00 UTC);
    assert_eq!(deadline(aware), datetime!(2027-03-04 10:00 UTC));
    assert_eq!(time_left(aware, datetime!(2027-03-04 09:00 UTC)), Duration::hours(1));
    assert_eq!(describe(Duration::minutes(41 * 60 + 12)), "41 h 12 min left");
    assert_eq!(describe(-Duration::minutes(185)), "overdue by 3 h 5 min");
}

#[test]
fn reminders_fall_due_24_and_4_hours_before() {
    let aware = datetime!(2027-03-01 10:00 UTC);
    assert!(reminders_due(aware, datetime!(2027-03-03 09:00 UTC)).is_empty());
    assert_eq!(reminders_due(aware, datetime!(2027-03-03 10:00 UTC)), vec![24]);
    assert_eq!(reminders_due(aware, datetime!(2027-03-04 07:00 UTC)), vec![24, 4]);
    assert!(reminders_due(aware, datetime!(2027-03-04 10:00 UTC)).is_empty(), "overdue: the banner says it");
}

#[test]
fn the_risk_matrix() {
    let m = RiskMethod::Matrix;
    assert_eq!(risk_level(m, 1, 1), Some(RiskLevel::Unlikely));
    assert_eq!(risk_level(m, 1, 2), Some(RiskLevel::Unlikely));
    assert_eq!(risk_level(m, 3, 2), Some(RiskLevel::Risk));
    assert_eq!(risk_level(m, 2, 4), Some(RiskLevel::High));
    assert_eq!(risk_level(m, 3, 3), Some(RiskLevel::High));
    assert_eq!(risk_level(m, 0, 3), None);
    assert_eq!(risk_level(m, 5, 3), None);
}

proptest! {
    #[test]
    fn risk_never_falls_when_a_score_rises(l in 1u8..=4, s in 1u8..=4) {
        let m = RiskMethod::Matrix;
        let here = risk_level(m, l, s).unwrap();
        if l < 4 { prop_assert!(risk_level(m, l + 1, s).unwrap() >= here); }
        if s < 4 { prop_assert!(risk_level(m, l, s + 1).unwrap() >= here); }
    }

    #[test]
    fn time_left_plus_now_is_the_deadline(mins in -10_000i64..10_000) {
        let aware = datetime!(2027-03-01 10:00 UTC);
        let now = aware + Duration::minutes(mins);
        prop_assert_eq!(now + time_left(aware, now), deadline(aware));
        prop_assert_eq!(describe(time_left(aware, now)).starts_with("overdue"), now > deadline(aware));
    }
}

#[test]
fn decisions_need_their_reasons() {
    let mut b = Breach::draft("Laptop stolen");
    b.authority_decision = AuthorityDecision::DoNotNotify;
    b.people_decision = PeopleDecision::DoNotTell;
    let e = b.clone().check().unwrap_err().to_string();
    assert!(e.contains("authority_reason") && e.contains("people_ground"), "{e}");
    b.authority_reason = "risk unlikely: the disk was encrypted".into();
    b.people_ground = Some(Art34Ground::Unintelligible);
    assert!(b.clone().check().unwrap_err().to_string().contains("people_ground"));
    b.values_sealed = true;
    assert_eq!(b.proposed_ground(), Some(Art34Ground::Unintelligible));
    assert!(b.clone().check().is_ok());
    b.master_key_exposed = true;
    assert_eq!(b.proposed_ground(), None);
    assert!(b.check().is_err());
}

#[test]
fn breach_people_need_not_be_told_when_the_risk_is_not_high() {
    let mut b = Breach::draft("Misdirected invoice");
    b.people_decision = PeopleDecision::DoNotTell;
    b.people_ground = Some(Art34Ground::RiskNotHigh);
    // Unscored: the level is unknown, so "not high" cannot be claimed.
    assert!(b.clone().check().unwrap_err().to_string().contains("people_ground"));
    b.likelihood = Some(4);
    b.severity = Some(4);
    assert_eq!(b.risk_level(), Some(RiskLevel::High));
    let e = b.clone().check().unwrap_err().to_string();
    assert!(e.contains("people_ground"), "refused at a high risk: {e}");
    b.likelihood = Some(1);
    b.severity = Some(2);
    assert_eq!(b.risk_level(), Some(RiskLevel::Unlikely));
    assert!(b.clone().check().is_ok(), "no Art. 34(3) ground or reason needed below high");
    b.likelihood = Some(2);
    b.severity = Some(3);
    assert_eq!(b.risk_level(), Some(RiskLevel::Risk));
    assert!(b.check().is_ok());
}

#[test]
fn check_trims_sorts_and_names_fields() {
    let mut b = Breach::draft("  Misdirected mail  ");
    b.nature = vec![Nature::Integrity, Nature::Confidentiality, Nature::Integrity];
    b.likelihood = Some(5);
    b.occurred_from = Some(datetime!(2027-03-02 10:00 UTC));
    b.occurred_to = Some(datetime!(2027-03-01 10:00 UTC));
    let e = b.clone().check().unwrap_err().to_string();
    assert!(e.contains("likelihood") && e.contains("occurred_to"), "{e}");
    b.likelihood = Some(2);
    b.occurred_to = None;
    let b = b.check().unwrap();
    assert_eq!(b.title, "Misdirected mail");
    assert_eq!(b.nature, vec![Nature::Confidentiality, Nature::Integrity]);
}

#[test]
fn the_authority_draft_carries_every_art_33_3_item() {
    let mut b = Breach::draft("Mail sent to the wrong list");
    let facts = DraftFacts {
        reference: "BR-1",
        aware_at: Some(datetime!(2027-03-01 10:00 UTC)),
        controller: "Acme",
        dpo_name: "",
        dpo_contact: "",
        people_found: None,
        recipients: vec![],
        bundled: vec![],
    };
    let d = authority_draft(&b, &facts);
    assert_eq!(d.deadline.as_deref(), Some("2027-03-04T10:00:00Z"));
    assert_eq!(missing_items(&d).len(), 8);
    assert!(missing_items(&d).contains(&"the categories of people concerned"), "Art. 33(3)(a)");
    b.nature = vec![Nature::Confidentiality];
    b.approx_people = Some(120);
    b.approx_records = Some(240);
    b.data_categories = vec!["email".into()];
    b.consequences = "phishing".into();
    b.measures = "recalled the mail".into();
    b.people_categories = "newsletter subscribers".into();
    let facts = DraftFacts { dpo_name: "Dana", dpo_contact: "dpo@acme.example", ..facts };
    assert!(missing_items(&authority_draft(&b, &facts)).is_empty());
}

#[test]
fn late_authority_notices_need_a_reason() {
    let aware = Some(datetime!(2027-03-01 10:00 UTC));
    let late = datetime!(2027-03-04 10:01 UTC);
    let (a, i) = (Audience::Authority, NoticeKind::Initial);
    assert!(late_without_reason(a, i, aware, late, " "));
    assert!(!late_without_reason(a, i, aware, late, "the processor told us late"));
    assert!(!late_without_reason(a, i, aware, datetime!(2027-03-04 10:00 UTC), ""));
    assert!(!late_without_reason(a, NoticeKind::FollowUp, aware, late, ""));
    assert!(!late_without_reason(Audience::People, i, aware, late, ""));
}
