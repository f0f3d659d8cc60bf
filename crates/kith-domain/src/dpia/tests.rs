use super::screening::{screen, Criterion, Decision, Facts, Outcome, LARGE_SCALE};
use super::*;
use crate::geo::Country;
use crate::policy::{FieldCategory, FieldDef, SpecialCategory};
use crate::recipients::{Mechanism, RecipientRole};
use crate::ropa::{Activity, CategoryLine, RecipientLine, SpecialLine, TransferLine};
use crate::{LawfulBasis, RecipientId};

fn activity(name: &str) -> Activity {
    Activity {
        purpose_id: PurposeId::new(),
        name: name.into(),
        description: format!("{name} description"),
        lawful_basis: LawfulBasis::Contract,
        special_categories: vec![],
        subject_categories: "customers".into(),
        data_categories: vec![CategoryLine {
            category: FieldCategory::Contact,
            fields: vec!["Email addresses".into()],
        }],
        recipients: vec![],
        transfers: vec![],
        retention: "2 years".into(),
        retention_rule: Some("2 years after the last interaction".into()),
        direct_marketing: false,
    }
}

fn recipient(name: &str, country: &str) -> RecipientLine {
    RecipientLine {
        id: RecipientId::new(),
        legal_name: name.into(),
        role: RecipientRole::Processor,
        countries: vec![Country::parse(country).unwrap()],
        parent: None,
    }
}

fn facts(a: &Activity, people: i64, imports: i64) -> Facts<'_> {
    Facts { activity: a, people, imports, matched: 0, fields: &[] }
}

fn outcome(s: &screening::Screening, c: Criterion) -> Outcome {
    s.findings.iter().find(|f| f.criterion == c).unwrap().outcome
}

#[test]
fn a_plain_purpose_is_not_likely_to_need_an_assessment() {
    let a = activity("Sales");
    let s = screen(&facts(&a, 120, 0));
    assert!(!s.likely_required);
    assert!(s.reasons.is_empty());
    assert_eq!(outcome(&s, Criterion::Scoring), Outcome::NotObserved, "Kith holds no scores: it says so");
    assert_eq!(outcome(&s, Criterion::Vulnerable), Outcome::NotObserved, "Kith holds no ages: it says so");
    assert_eq!(outcome(&s, Criterion::LargeScale), Outcome::NotMet);
}

#[test]
fn two_criteria_met_suggest_an_assessment_with_the_reasons() {
    let mut a = activity("Events");
    a.special_categories =
        vec![SpecialLine { category: SpecialCategory::Health, field: "Diet".into(), condition: "catering".into() }];
    let s = screen(&facts(&a, LARGE_SCALE, 0));
    assert_eq!(outcome(&s, Criterion::Sensitive), Outcome::Met);
    assert_eq!(outcome(&s, Criterion::LargeScale), Outcome::Met);
    assert!(s.likely_required);
    assert_eq!(s.reasons.len(), 2);
    assert!(s.reasons[0].contains("Diet (Health)"));
    assert!(s.reasons[1].contains("WP248 names no number"));
    let one = screen(&facts(&a, LARGE_SCALE - 1, 0));
    assert!(!one.likely_required, "one criterion alone is not enough");
}

#[test]
fn imports_financial_fields_and_third_countries_are_criteria() {
    let mut a = activity("Billing");
    a.recipients = vec![recipient("Hosting srl", "IT"), recipient("Mailer Inc.", "US")];
    let fin = FieldDef {
        key: "custom.iban".into(),
        label: "IBAN".into(),
        kind: None,
        category: FieldCategory::Financial,
        purposes: vec![a.purpose_id],
        special: None,
        choices: vec![],
        enabled: true,
    };
    let fields = [fin];
    let s = screen(&Facts { activity: &a, people: 10, imports: 2, matched: 7, fields: &fields });
    assert_eq!(outcome(&s, Criterion::Sensitive), Outcome::Met);
    assert_eq!(outcome(&s, Criterion::Matching), Outcome::Met);
    assert_eq!(outcome(&s, Criterion::Transfers), Outcome::Met);
    let t = s.findings.iter().find(|f| f.criterion == Criterion::Transfers).unwrap();
    assert!(t.reason.contains("Mailer Inc. (United States"), "{}", t.reason);
    assert!(!t.reason.contains("Hosting"), "a recipient in the EEA is no transfer");
    assert!(s.likely_required);
}

#[test]
fn a_decision_needs_a_reason_and_spots_new_third_country_recipients() {
    let mut a = activity("Newsletter");
    a.recipients = vec![recipient("Mailer Inc.", "US")];
    let seen = screening::third_countries(&a);
    assert!(Decision { required: false, reason: "short".into(), third_countries: vec![] }.check().is_err());
    let d = Decision { required: false, reason: " Small list, no profiling. ".into(), third_countries: seen }
        .check()
        .unwrap();
    assert_eq!(d.reason, "Small list, no profiling.");
    assert!(d.new_third_countries(&a).is_empty());
    a.recipients.push(recipient("Analytics Ltd", "IN"));
    assert_eq!(d.new_third_countries(&a), vec![("Analytics Ltd".to_owned(), Country::parse("IN").unwrap())]);
}

fn risk(inherent: (u8, u8), residual: (u8, u8)) -> Risk {
    Risk {
        source: "An outsider".into(),
        threat: "Reads the list".into(),
        impact: "Spam and phishing".into(),
        inherent: Score { severity: inherent.0, likelihood: inherent.1 },
        residual: Score { severity: residual.0, likelihood: residual.1 },
    }
}

#[test]
fn the_check_names_each_bad_field() {
    let mut d = Dpia::draft(" ", vec![]);
    d.risks = vec![risk((5, 2), (2, 0))];
    d.measures = vec![Measure { text: " ".into(), owner: "IT".into(), due_on: None, status: MeasureStatus::Planned }];
    d.opinion_followed = Some(false);
    let e = d.check().unwrap_err();
    let fields: Vec<&str> = e.0.iter().map(|f| f.field.as_str()).collect();
    assert_eq!(
        fields,
        [
            "title",
            "purposes",
            "risks[0].inherent.severity",
            "risks[0].residual.likelihood",
            "measures[0].text",
            "opinion_note"
        ]
    );
}

#[test]
fn sign_off_needs_every_item_and_high_residual_risk_asks_for_consultation() {
    let mut d = Dpia::draft("Newsletter", vec![PurposeId::new()]).check().unwrap();
    let e = d.ready_for_sign_off().unwrap_err();
    assert_eq!(e.0.len(), 7, "{e:?}");
    d.description = "Monthly newsletter".into();
    d.necessity = "Consent, minimal data".into();
    d.dpo_opinion = "Proceed".into();
    d.opinion_followed = Some(true);
    d.views = "Not sought: a survey would cost more than the risk".into();
    d.next_review = Some(time::macros::date!(2027 - 01 - 01));
    d.risks = vec![risk((4, 4), (3, 3))];
    assert!(d.ready_for_sign_off().is_ok());
    assert!(d.residual_high());
    let today = time::macros::date!(2026 - 06 - 01);
    assert!(d.reminders(true, today).contains(&Reminder::ConsultationNeeded), "a reminder, not a refusal");
    assert!(!d.reminders(false, today).contains(&Reminder::ConsultationNeeded));
    d.risks = vec![risk((4, 4), (4, 2))];
    assert!(!d.residual_high(), "likelihood 2 is not high");
    assert_eq!(d.worst(), Some((Score { severity: 4, likelihood: 4 }, Score { severity: 4, likelihood: 2 })));
}

#[test]
fn follow_up_does_not_change_the_assessment() {
    let mut d = Dpia::draft("X", vec![PurposeId::new()]);
    d.measures =
        vec![Measure { text: "Encrypt".into(), owner: "IT".into(), due_on: None, status: MeasureStatus::Planned }];
    let mut e = d.clone();
    e.measures[0].status = MeasureStatus::Done;
    e.consultation.asked_on = Some(time::macros::date!(2026 - 01 - 01));
    e.next_review = Some(time::macros::date!(2027 - 01 - 01));
    assert!(!d.assessment_differs(&e));
    e.necessity = "changed".into();
    assert!(d.assessment_differs(&e));
}

#[test]
fn changes_list_what_moved_since_sign_off() {
    let a = activity("Newsletter");
    let gone = activity("Old");
    let mut now = a.clone();
    now.lawful_basis = LawfulBasis::Consent;
    now.recipients = vec![recipient("Mailer Inc.", "US")];
    now.transfers = vec![TransferLine {
        recipient: "Mailer Inc.".into(),
        country: Country::parse("US").unwrap(),
        mechanism: Mechanism::Scc,
        ground: "SCC".into(),
        tia_ref: String::new(),
    }];
    now.data_categories[0].fields.push("Phone numbers".into());
    now.retention_rule = None;
    let ids = [a.purpose_id, gone.purpose_id];
    let c = changes(&ids, &[a.clone(), gone.clone()], std::slice::from_ref(&now));
    let what: Vec<&str> = c.iter().map(|c| c.what.as_str()).collect();
    assert!(what.iter().any(|w| w.starts_with("lawful basis: Contract")), "{what:?}");
    assert!(what.iter().any(|w| w.starts_with("personal data: added Phone numbers")), "{what:?}");
    assert!(what.iter().any(|w| w.starts_with("recipients: added Mailer Inc.")), "{what:?}");
    assert!(what.iter().any(|w| w.contains("Mailer Inc. in United States")), "{what:?}");
    assert!(what.iter().any(|w| w.starts_with("transfers outside the EEA: added")), "{what:?}");
    assert!(what.iter().any(|w| w.starts_with("retention:") && w.contains("no rule enforced")), "{what:?}");
    assert!(c.iter().any(|c| c.purpose == "Old" && c.what.contains("no longer in the record")));
    assert!(changes(&ids, &[a.clone(), gone.clone()], &[a, gone]).is_empty(), "nothing changed, nothing listed");
}

#[test]
fn days_are_written_as_iso_dates_and_read_back() {
    let mut d = Dpia::draft("X", vec![PurposeId::new()]);
    d.next_review = Some(time::macros::date!(2027 - 03 - 31));
    let json = serde_json::to_string(&d).unwrap();
    assert!(json.contains("\"next_review\":\"2027-03-31\""), "{json}");
    assert_eq!(serde_json::from_str::<Dpia>(&json).unwrap(), d);
}
