use super::*;
use crate::recipients::{Mechanism, Transfer};

fn purpose(name: &str, basis: LawfulBasis) -> PurposeFacts {
    PurposeFacts {
        id: PurposeId::new(),
        name: name.into(),
        description: format!("{name} description"),
        basis,
        direct_marketing: false,
        retention: "2 years after the last contact".into(),
        rule: Some("2 years after the last interaction, then erased".into()),
    }
}

fn field(key: &str, label: &str, category: FieldCategory, purposes: &[PurposeId]) -> FieldDef {
    FieldDef {
        key: key.into(),
        label: label.into(),
        kind: None,
        category,
        purposes: purposes.to_vec(),
        special: None,
        choices: vec![],
        enabled: true,
    }
}

fn recipient(name: &str, countries: &[&str], purposes: &[PurposeId]) -> Recipient {
    Recipient {
        legal_name: name.into(),
        role: RecipientRole::Processor,
        parent: None,
        privacy_contact: String::new(),
        service: String::new(),
        purposes: purposes.to_vec(),
        categories: vec![],
        processing_countries: countries.iter().map(|c| Country::parse(c).unwrap()).collect(),
        storage_countries: vec![],
        dpf_certified: true,
        transfers: vec![],
        agreement: Default::default(),
        breach_notice_hours: None,
        dsr_assistance: false,
        review_on: None,
        mail_relay: false,
    }
}

#[test]
fn each_purpose_becomes_an_activity_with_its_categories_recipients_and_transfers() {
    let sales = purpose("Sales", LawfulBasis::Contract);
    let news = purpose("Newsletter", LawfulBasis::Consent);
    let fields = vec![
        field("emails", "Email addresses", FieldCategory::Contact, &[sales.id, news.id]),
        field("first_name", "First name", FieldCategory::Identity, &[sales.id]),
        field("job_title", "Job title", FieldCategory::Professional, &[]),
    ];
    let mut us = recipient("Mailer Inc.", &["US"], &[news.id]);
    us.transfers = vec![Transfer {
        country: Country::parse("US").unwrap(),
        mechanism: Mechanism::Adequacy,
        scc_module: None,
        derogation: None,
        reason: String::new(),
        tia_ref: "TIA-7".into(),
    }];
    let recipients =
        vec![(RecipientId::new(), us), (RecipientId::new(), recipient("Hosting srl", &["IT"], &[sales.id, news.id]))];
    let controller =
        Controller { name: "Acme srl".into(), subject_categories: "customers".into(), ..Default::default() };
    let purposes = vec![sales.clone(), news.clone()];
    let inputs = Inputs {
        controller: &controller,
        purposes: &purposes,
        fields: &fields,
        recipients: &recipients,
        measures: &["per-person encryption".to_owned()],
        processing_for_others: &[],
    };
    let r = declare(&inputs);
    assert_eq!(r.activities.iter().map(|a| a.name.as_str()).collect::<Vec<_>>(), ["Newsletter", "Sales"]);
    let n = &r.activities[0];
    assert_eq!(
        n.data_categories,
        vec![CategoryLine { category: FieldCategory::Contact, fields: vec!["Email addresses".into()] }]
    );
    assert_eq!(n.recipients.iter().map(|r| r.legal_name.as_str()).collect::<Vec<_>>(), ["Hosting srl", "Mailer Inc."]);
    assert_eq!(n.transfers.len(), 1);
    assert!(n.transfers[0].ground.contains("2023/1795"));
    let s = &r.activities[1];
    assert_eq!(s.data_categories.len(), 2, "identity and contact; the unused job title is not declared");
    assert!(s.transfers.is_empty());
    assert_eq!(declare(&inputs), r, "the same inputs give the same record");
    assert!(gaps(&r).iter().any(|(p, g)| p.is_none() && g.contains("data-protection officer")));
}

#[test]
fn gaps_name_missing_items() {
    let mut p = purpose("Events", LawfulBasis::LegitimateInterests);
    p.rule = None;
    let mut f = field("custom.diet", "Diet", FieldCategory::Other, &[p.id]);
    f.special = Some((SpecialCategory::Health, "allergies for catering at events".into()));
    let controller = Controller::default();
    let purposes = vec![p.clone()];
    let fields = vec![f];
    let r = declare(&Inputs {
        controller: &controller,
        purposes: &purposes,
        fields: &fields,
        recipients: &[],
        measures: &[],
        processing_for_others: &[],
    });
    assert_eq!(r.activities[0].special_categories.len(), 1);
    let g: Vec<String> = gaps(&r).into_iter().map(|(_, g)| g).collect();
    assert!(g.iter().any(|g| g.contains("controller's name")));
    assert!(g.iter().any(|g| g.contains("no retention rule")));
    assert!(g.iter().any(|g| g.contains("Art. 9(2)")));
}

#[test]
fn controller_and_art_30_2_entries_are_checked() {
    assert!(Controller { name: " ".into(), ..Default::default() }.check().is_err());
    let c = Controller { name: " Acme srl ".into(), ..Default::default() }.check().unwrap();
    assert_eq!(c.name, "Acme srl");
    let e = ProcessorActivity::default().check().unwrap_err();
    let fields: Vec<String> = e.0.into_iter().map(|f| f.field).collect();
    assert_eq!(fields, ["controller_name", "categories_of_processing"]);
}
