//! The record of processing for machines: CSV in the column order of the
//! CNIL's register template, and JSON-LD in the W3C Data Privacy Vocabulary
//! (DPV 2.x with its `eu-gdpr:` extension; the profile is
//! `docs/ropa-dpv.md`). Pure functions of a [`Record`] and its version.

use kith_domain::policy::FieldCategory;
use kith_domain::recipients::{Mechanism, RecipientRole};
use kith_domain::ropa::{Activity, Record};
use kith_domain::LawfulBasis;
use kith_store::registers::RegisterVersion;
use serde_json::{json, Value};

/// The CSV columns, in the order of the CNIL register template ("fiche de
/// registre": treatment, actors, purpose, data, people, recipients,
/// transfers, retention, security).
pub const CSV_COLUMNS: [&str; 16] = [
    "Processing activity",
    "Reference",
    "Register version",
    "Version date",
    "Controller",
    "Representative",
    "Data-protection officer",
    "Purpose",
    "Lawful basis",
    "Categories of personal data",
    "Special categories (Art. 9 condition)",
    "Categories of data subjects",
    "Recipients",
    "Transfers outside the EEA",
    "Retention",
    "Security measures",
];

/// A cell a spreadsheet would run as a formula starts with a quote.
fn cell(s: &str) -> String {
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_owned()
    }
}

fn categories(a: &Activity) -> String {
    a.data_categories
        .iter()
        .map(|c| format!("{}: {}", c.category.label(), c.fields.join(", ")))
        .collect::<Vec<_>>()
        .join("; ")
}

fn recipients(a: &Activity) -> String {
    a.recipients
        .iter()
        .map(|r| {
            let countries: Vec<&str> = r.countries.iter().map(|c| c.code()).collect();
            format!("{} ({}; {})", r.legal_name, r.role.label(), countries.join(", "))
        })
        .collect::<Vec<_>>()
        .join("; ")
}

fn transfers(a: &Activity) -> String {
    a.transfers
        .iter()
        .map(|t| {
            let tia = if t.tia_ref.is_empty() { String::new() } else { format!(", TIA {}", t.tia_ref) };
            format!("{} → {} ({}){tia}", t.recipient, t.country.name(), t.ground)
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// The record as CSV, one row per activity.
pub fn to_csv(r: &Record, v: &RegisterVersion) -> String {
    let mut w = csv::WriterBuilder::new().quote_style(csv::QuoteStyle::Always).from_writer(Vec::new());
    let _ = w.write_record(CSV_COLUMNS);
    let controller = [&r.controller.name, &r.controller.address, &r.controller.contact]
        .iter()
        .filter(|s| !s.is_empty())
        .map(|s| s.as_str())
        .collect::<Vec<_>>()
        .join(", ");
    let dpo = [&r.controller.dpo_name, &r.controller.dpo_contact]
        .iter()
        .filter(|s| !s.is_empty())
        .map(|s| s.as_str())
        .collect::<Vec<_>>()
        .join(", ");
    for a in &r.activities {
        let special = a
            .special_categories
            .iter()
            .map(|s| format!("{} ({}): {}", s.category.label(), s.field, s.condition))
            .collect::<Vec<_>>()
            .join("; ");
        let retention = match &a.retention_rule {
            Some(rule) => format!("{} (enforced: {rule})", a.retention),
            None => a.retention.clone(),
        };
        let row = [
            a.name.clone(),
            a.purpose_id.to_string(),
            v.version.to_string(),
            v.created_at.date().to_string(),
            controller.clone(),
            r.controller.representative.clone(),
            dpo.clone(),
            a.description.clone(),
            a.lawful_basis.label().to_owned(),
            categories(a),
            special,
            a.subject_categories.clone(),
            recipients(a),
            transfers(a),
            retention,
            r.measures.join("; "),
        ];
        let _ = w.write_record(row.iter().map(|s| cell(s)));
    }
    String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
}

/// The JSON-LD context, inline (no document is fetched to read the export).
pub fn context() -> Value {
    json!({
        "dpv": "https://w3id.org/dpv#",
        "eu-gdpr": "https://w3id.org/dpv/legal/eu/gdpr#",
        "pd": "https://w3id.org/dpv/pd#",
        "loc": "https://w3id.org/dpv/loc#",
        "dct": "http://purl.org/dc/terms/",
        "xsd": "http://www.w3.org/2001/XMLSchema#",
        "dct:created": { "@type": "xsd:date" },
        "dpv:hasPurpose": { "@type": "@id" },
        "dpv:hasLegalBasis": { "@type": "@id" },
        "dpv:hasThirdCountry": { "@type": "@id" },
        "dpv:hasLocation": { "@type": "@id" }
    })
}

/// The GDPR article a lawful basis is (DPV `eu-gdpr:` concept).
pub fn basis_iri(b: LawfulBasis) -> Option<&'static str> {
    Some(match b {
        LawfulBasis::Consent => "eu-gdpr:A6-1-a",
        LawfulBasis::Contract => "eu-gdpr:A6-1-b",
        LawfulBasis::LegalObligation => "eu-gdpr:A6-1-c",
        LawfulBasis::VitalInterests => "eu-gdpr:A6-1-d",
        LawfulBasis::PublicTask => "eu-gdpr:A6-1-e",
        LawfulBasis::LegitimateInterests => "eu-gdpr:A6-1-f",
        LawfulBasis::NotApplicable => return None,
    })
}

fn category_iri(c: FieldCategory) -> &'static str {
    match c {
        FieldCategory::Identity => "pd:Identifying",
        FieldCategory::Contact => "pd:Contact",
        FieldCategory::Professional => "pd:Professional",
        FieldCategory::Financial => "pd:Financial",
        FieldCategory::Demographic => "pd:Demographic",
        FieldCategory::Preferences => "pd:Preference",
        FieldCategory::Other => "dpv:PersonalData",
    }
}

fn role_type(r: RecipientRole) -> &'static str {
    match r {
        RecipientRole::Processor => "dpv:DataProcessor",
        RecipientRole::SubProcessor => "dpv:DataSubProcessor",
        RecipientRole::JointController => "dpv:JointDataControllers",
        RecipientRole::Other => "dpv:Recipient",
    }
}

/// The Chapter V article a transfer rests on.
fn transfer_iri(m: Mechanism) -> &'static str {
    match m {
        Mechanism::Adequacy => "eu-gdpr:A45-3",
        Mechanism::Scc => "eu-gdpr:A46-2-c",
        Mechanism::Bcr => "eu-gdpr:A47-1",
        Mechanism::Derogation => "eu-gdpr:A49-1",
    }
}

/// The record as DPV JSON-LD: one `dpv:Process` per activity.
pub fn to_jsonld(r: &Record, v: &RegisterVersion) -> Value {
    let c = &r.controller;
    let mut controller = json!({
        "@id": "urn:kith:controller",
        "@type": "dpv:DataController",
        "dpv:hasName": c.name,
    });
    if !c.address.is_empty() {
        controller["dpv:hasAddress"] = json!(c.address);
    }
    if !c.contact.is_empty() {
        controller["dct:description"] = json!(format!("Privacy contact: {}", c.contact));
    }
    if !c.representative.is_empty() {
        controller["dpv:hasRepresentative"] = json!({ "@type": "dpv:Representative", "dpv:hasName": c.representative });
    }
    if !c.dpo_name.is_empty() || !c.dpo_contact.is_empty() {
        controller["dpv:hasDataProtectionOfficer"] = json!({
            "@type": "dpv:DataProtectionOfficer",
            "dpv:hasName": c.dpo_name,
            "dct:description": format!("Contact: {}", c.dpo_contact),
        });
    }
    let measures: Vec<Value> = r
        .measures
        .iter()
        .map(|m| json!({ "@type": "dpv:TechnicalOrganisationalMeasure", "dct:description": m }))
        .collect();
    let processes: Vec<Value> = r.activities.iter().map(|a| process(a, &measures)).collect();
    json!({
        "@context": context(),
        "@id": format!("urn:kith:ropa:version:{}", v.version),
        "dct:title": format!("Record of processing activities of {}", c.name),
        "dct:created": v.created_at.date().to_string(),
        "dct:identifier": format!("sha256:{}", v.sha256),
        "dpv:hasDataController": controller,
        "dpv:hasProcess": processes,
    })
}

fn process(a: &Activity, measures: &[Value]) -> Value {
    let mut bases: Vec<Value> = basis_iri(a.lawful_basis).map(|b| json!(b)).into_iter().collect();
    for t in &a.transfers {
        let iri = json!(transfer_iri(t.mechanism));
        if !bases.contains(&iri) {
            bases.push(iri);
        }
    }
    let mut data: Vec<Value> = a
        .data_categories
        .iter()
        .map(|c| json!({ "@type": category_iri(c.category), "dct:description": c.fields.join(", ") }))
        .collect();
    for s in &a.special_categories {
        data.push(json!({
            "@type": "dpv:SpecialCategoryPersonalData",
            "dct:description": format!("{} ({}): {}", s.category.label(), s.field, s.condition),
        }));
    }
    let recipients: Vec<Value> = a
        .recipients
        .iter()
        .map(|r| {
            json!({
                "@id": format!("urn:kith:recipient:{}", r.id),
                "@type": role_type(r.role),
                "dpv:hasName": r.legal_name,
                "dpv:hasLocation": r.countries.iter().map(|c| format!("loc:{}", c.code())).collect::<Vec<_>>(),
            })
        })
        .collect();
    let processors: Vec<Value> = a
        .recipients
        .iter()
        .filter(|r| matches!(r.role, RecipientRole::Processor | RecipientRole::SubProcessor))
        .map(|r| json!({ "@id": format!("urn:kith:recipient:{}", r.id) }))
        .collect();
    let third: std::collections::BTreeSet<String> =
        a.transfers.iter().map(|t| format!("loc:{}", t.country.code())).collect();
    json!({
        "@id": format!("urn:kith:activity:{}", a.purpose_id),
        "@type": "dpv:Process",
        "dct:title": a.name,
        "dpv:hasPurpose": {
            "@id": format!("urn:kith:purpose:{}", a.purpose_id),
            "@type": "dpv:Purpose",
            "dct:description": a.description,
        },
        "dpv:hasLegalBasis": bases,
        "dpv:hasPersonalData": data,
        "dpv:hasDataSubject": { "@type": "dpv:DataSubject", "dct:description": a.subject_categories },
        "dpv:hasRecipient": recipients,
        "dpv:hasDataProcessor": processors,
        "dpv:hasThirdCountry": third,
        "dpv:hasStorageCondition": {
            "@type": "dpv:StorageDuration",
            "dct:description": match &a.retention_rule {
                Some(rule) => format!("{} (enforced: {rule})", a.retention),
                None => a.retention.clone(),
            },
        },
        "dpv:hasTechnicalOrganisationalMeasure": measures,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_cells_are_defused() {
        assert_eq!(cell("=HYPERLINK(1)"), "'=HYPERLINK(1)");
        assert_eq!(cell("Sales"), "Sales");
    }

    #[test]
    fn every_basis_but_not_applicable_is_an_article() {
        for b in LawfulBasis::ALL {
            assert_eq!(basis_iri(*b).is_none(), *b == LawfulBasis::NotApplicable);
        }
    }
}
