use super::*;
use crate::Address;

fn data(country: Option<&str>) -> ContactData {
    ContactData {
        first_name: Some("Ada".into()),
        address: country.map(|c| Address { country: Some(c.into()), ..Address::default() }),
        ..ContactData::default()
    }
}

fn c(code: &str) -> Country {
    Country::parse(code).unwrap()
}

#[test]
fn the_country_facet_reads_codes_and_names_and_nothing_else() {
    assert_eq!(facet_country(&data(Some("it"))), Some(c("IT")));
    assert_eq!(facet_country(&data(Some(" France "))), Some(c("FR")));
    assert_eq!(facet_country(&data(Some("Atlantis"))), None);
    assert_eq!(facet_country(&data(None)), None);
}

#[test]
fn the_field_facet_names_fields_never_values() {
    let mut d = data(Some("IT"));
    d.custom.insert("loyalty".into(), "gold".into());
    let f = facet_fields(&d);
    assert_eq!(f, ",address,custom.loyalty,first_name,");
    assert!(!f.contains("Ada") && !f.contains("gold"));
    assert_eq!(facet_fields(&ContactData::default()), ",");
    assert_eq!(facet_keys(&f).collect::<Vec<_>>(), ["address", "custom.loyalty", "first_name"]);
}

#[test]
fn a_query_is_checked_field_by_field() {
    let bad = QueryInput {
        from: Some("2026-12-02".into()),
        to: Some("2026-12-01".into()),
        categories: vec!["gossip".into()],
        countries: vec!["XX".into()],
        source: Some("pigeon".into()),
        recipient: Some("nope".into()),
        ..QueryInput::default()
    };
    let e = AffectedQuery::check(&bad).unwrap_err();
    let fields: Vec<&str> = e.0.iter().map(|f| f.field.as_str()).collect();
    for f in ["to", "categories", "countries", "source", "recipient"] {
        assert!(fields.contains(&f), "{f} missing from {fields:?}");
    }
    let actor_alone = QueryInput { actor: Some(Uuid::nil().to_string()), ..QueryInput::default() };
    assert_eq!(AffectedQuery::check(&actor_alone).unwrap_err().0[0].field, "actor");
    let ok = QueryInput {
        from: Some("2026-12-01T00:00:00Z".into()),
        to: Some("2026-12-02".into()),
        categories: vec!["contact".into(), "health".into(), "contact".into()],
        countries: vec!["it".into()],
        source: Some("import".into()),
        ..QueryInput::default()
    };
    let q = AffectedQuery::check(&ok).unwrap();
    assert_eq!(q.categories.len(), 2);
    assert_eq!(q.countries, vec![c("IT")]);
    assert_eq!(q.source, Some(SourceKind::Import));
}

#[test]
fn the_breakdown_counts_a_person_once_per_category() {
    let cats = vec![
        (DataCategory::Field(FieldCategory::Identity), vec!["first_name".to_owned(), "last_name".to_owned()]),
        (DataCategory::Field(FieldCategory::Contact), vec!["emails".to_owned()]),
    ];
    let groups = vec![
        (Some("IT".to_owned()), ",emails,first_name,last_name,".to_owned(), 3),
        (Some("FR".to_owned()), ",emails,".to_owned(), 2),
        (None, ",".to_owned(), 1),
    ];
    let b = breakdown(&groups, &cats);
    assert_eq!(b.people, 6);
    assert_eq!(b.by_category[0], CategoryCount { category: cats[0].0, people: 3 });
    assert_eq!(b.by_category[1], CategoryCount { category: cats[1].0, people: 5 });
    assert_eq!(b.by_country[0], CountryCount { country: Some(c("IT")), people: 3 });
    assert_eq!(b.by_country[2], CountryCount { country: None, people: 1 });
}

#[test]
fn the_lead_authority_or_each_countrys() {
    let by = vec![
        CountryCount { country: Some(c("FR")), people: 5 },
        CountryCount { country: Some(c("IT")), people: 3 },
        CountryCount { country: Some(c("US")), people: 2 },
        CountryCount { country: None, people: 1 },
    ];
    // An Italian controller: the Garante leads, alone.
    let a = authorities(Some(c("IT")), &by, false);
    assert_eq!(a.len(), 1);
    assert!(a[0].lead && a[0].authority.country == "IT" && a[0].people == 3);
    // Forced: the lead, then every other EEA country's.
    let a = authorities(Some(c("IT")), &by, true);
    assert_eq!(a.iter().map(|x| x.authority.country).collect::<Vec<_>>(), ["IT", "FR"]);
    // No EU establishment: each affected EEA country's, no lead.
    for controller in [Some(c("US")), None] {
        let a = authorities(controller, &by, false);
        assert_eq!(a.iter().map(|x| (x.authority.country, x.lead)).collect::<Vec<_>>(), [("FR", false), ("IT", false)]);
    }
}

#[test]
fn access_actions_are_every_action_that_opens_or_exports_a_persons_values() {
    // The actions of the app that show, send out or unseal a person's values.
    let opening = [
        "contact.read",
        "contact.list",
        "contact.export",
        "segment.export",
        "export.create",
        "export.download",
        "consent.read",
        "consent.receipt",
        "interaction.read",
        "interaction.list",
        "mail.read",
        "audit.detail",
        "portal.view",
    ];
    for a in opening {
        assert!(crate::breach_query::ACCESS_ACTIONS.contains(&a), "{a} is missing from ACCESS_ACTIONS");
    }
    // Any action string in the app and store sources whose verb reads,
    // lists, exports, downloads, views or opens details must be listed too,
    // so a new one cannot be forgotten.
    let verbs = [".read", ".list", ".export", ".download", ".detail", ".view", ".receipt"];
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut dirs = vec![root.join("kith-app/src"), root.join("kith-store/src"), root.join("kith-web/src")];
    let mut seen = 0;
    while let Some(d) = dirs.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                dirs.push(p);
                continue;
            }
            if p.extension().is_none_or(|x| x != "rs") {
                continue;
            }
            let text = std::fs::read_to_string(&p).unwrap();
            for s in text.split('"').skip(1).step_by(2) {
                let action = s.len() < 40
                    && s.split_once('.').is_some_and(|(a, b)| {
                        !a.is_empty()
                            && !b.is_empty()
                            && s.chars().all(|c| c.is_ascii_lowercase() || c == '_' || c == '.')
                    });
                if action && verbs.iter().any(|v| s.ends_with(v)) {
                    seen += 1;
                    assert!(crate::breach_query::ACCESS_ACTIONS.contains(&s), "{s} ({}) opens values", p.display());
                }
            }
        }
    }
    assert!(seen > 0);
}
