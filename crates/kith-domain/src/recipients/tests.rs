use super::*;
use time::macros::date;

fn c(s: &str) -> Country {
    Country::parse(s).unwrap()
}

fn processor(countries: &[&str]) -> Recipient {
    Recipient {
        legal_name: " Mail Relay SpA ".into(),
        role: RecipientRole::Processor,
        parent: None,
        privacy_contact: "privacy@relay.example".into(),
        service: "email delivery".into(),
        purposes: vec![],
        categories: vec![FieldCategory::Contact],
        processing_countries: countries.iter().map(|s| c(s)).collect(),
        storage_countries: vec![],
        dpf_certified: false,
        transfers: vec![],
        agreement: Agreement::default(),
        breach_notice_hours: Some(24),
        dsr_assistance: true,
        review_on: None,
        mail_relay: false,
    }
}

fn fields(r: Result<Recipient, Invalid>) -> Vec<String> {
    r.err().map(|e| e.0.into_iter().map(|f| f.field).collect()).unwrap_or_default()
}

#[test]
fn an_eea_processor_needs_no_transfer() {
    let r = processor(&["IT", "DE"]).check().unwrap();
    assert_eq!(r.legal_name, "Mail Relay SpA");
    assert!(r.third_countries().is_empty());
}

#[test]
fn a_third_country_without_a_mechanism_is_refused_naming_the_field() {
    assert_eq!(fields(processor(&["IT", "IN"]).check()), vec!["transfers.IN.mechanism"]);
}

#[test]
fn a_storage_country_counts_too() {
    let mut r = processor(&["FR"]);
    r.storage_countries = vec![c("SG")];
    assert_eq!(fields(r.check()), vec!["transfers.SG.mechanism"]);
}

fn transfer(country: &str, mechanism: Mechanism) -> Transfer {
    Transfer {
        country: c(country),
        mechanism,
        scc_module: None,
        derogation: None,
        reason: String::new(),
        tia_ref: String::new(),
    }
}

#[test]
fn adequacy_holds_only_where_the_commission_decided_it() {
    let mut r = processor(&["JP"]);
    r.transfers = vec![transfer("JP", Mechanism::Adequacy)];
    let ok = r.check().unwrap();
    assert!(ok.transfers[0].ground().contains("2019/419"));

    let mut r = processor(&["IN"]);
    r.transfers = vec![transfer("IN", Mechanism::Adequacy)];
    assert_eq!(fields(r.check()), vec!["transfers.IN.mechanism"]);
}

#[test]
fn the_us_adequacy_needs_dpf_certification() {
    let mut r = processor(&["US"]);
    r.transfers = vec![transfer("US", Mechanism::Adequacy)];
    assert_eq!(fields(r.clone().check()), vec!["transfers.US.mechanism"]);
    r.dpf_certified = true;
    assert!(r.check().is_ok());
}

#[test]
fn scc_needs_a_module_and_derogations_a_point_and_reason() {
    let mut r = processor(&["US", "BR"]);
    r.transfers = vec![transfer("US", Mechanism::Scc), transfer("BR", Mechanism::Derogation)];
    assert_eq!(
        fields(r.clone().check()),
        vec!["transfers.US.scc_module", "transfers.BR.derogation", "transfers.BR.reason"]
    );
    r.transfers[0].scc_module = Some(2);
    r.transfers[1].derogation = Some(Derogation::Contract);
    r.transfers[1].reason = "hotel booking the person asked for".into();
    let ok = r.check().unwrap();
    assert_eq!(ok.transfers[0].country.code(), "BR", "sorted by country");
    assert!(ok.transfers[1].ground().contains("Module 2"));
}

#[test]
fn transfers_to_eea_or_unlisted_countries_are_refused() {
    let mut r = processor(&["IT"]);
    r.transfers = vec![transfer("FR", Mechanism::Bcr), transfer("CA", Mechanism::Bcr)];
    assert_eq!(fields(r.check()), vec!["transfers.FR", "transfers.CA"]);
}

#[test]
fn sub_processors_name_their_parent_and_only_they_do() {
    let mut r = processor(&["IT"]);
    r.role = RecipientRole::SubProcessor;
    assert_eq!(fields(r.clone().check()), vec!["parent"]);
    r.parent = Some(RecipientId::new());
    assert!(r.clone().check().is_ok());
    r.role = RecipientRole::Processor;
    assert_eq!(fields(r.check()), vec!["parent"]);
}

#[test]
fn names_and_dates_are_checked() {
    let mut r = processor(&[]);
    r.legal_name = "  ".into();
    r.agreement.signed_on = Some(date!(2026 - 01 - 10));
    r.agreement.expires_on = Some(date!(2025 - 01 - 10));
    r.agreement.items = ["a".to_owned(), "z".to_owned()].into();
    assert_eq!(
        fields(r.check()),
        vec!["legal_name", "processing_countries", "agreement.expires_on", "agreement.items"]
    );
    let mut r = processor(&["IT"]);
    r.service = "line\u{202E}break".into();
    assert_eq!(fields(r.check()), vec!["service"]);
}

#[test]
fn reminders_warn_60_days_ahead() {
    let today = date!(2026 - 12 - 04);
    let mut r = processor(&["IT"]);
    assert_eq!(r.reminders(today), vec![Reminder::NoAgreement]);
    r.agreement.signed_on = Some(date!(2024 - 01 - 01));
    r.agreement.items = DPA_ITEMS.iter().map(|(k, _)| (*k).to_owned()).collect();
    r.agreement.expires_on = Some(date!(2027 - 01 - 31));
    assert_eq!(r.reminders(today), vec![Reminder::AgreementExpiring(date!(2027 - 01 - 31))]);
    r.agreement.expires_on = Some(date!(2027 - 03 - 01));
    r.review_on = Some(today);
    assert_eq!(r.reminders(today), vec![Reminder::ReviewDue(today)]);
    r.agreement.expires_on = Some(date!(2026 - 12 - 01));
    r.review_on = None;
    assert_eq!(r.reminders(today), vec![Reminder::AgreementExpired(date!(2026 - 12 - 01))]);
}
