//! The record of processing activities (Art. 30), computed: one activity
//! per purpose, each Art. 30(1) item taken from what Kith already holds
//! (purposes, the field policy, the register of recipients, retention
//! rules, the live configuration). [`declare`] is a pure function of those,
//! so the same inputs always give the same record and the same digest.

use crate::geo::Country;
use crate::policy::{FieldCategory, FieldDef, SpecialCategory};
use crate::recipients::{Recipient, RecipientRole};
use crate::{Invalid, LawfulBasis, PurposeId, RecipientId};
use std::collections::BTreeMap;

/// The controller, its representative and its DPO (Art. 30(1)(a)):
/// configured once, shown on the register, notices and receipts.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Controller {
    pub name: String,
    pub address: String,
    /// A role address or phone for privacy matters.
    pub contact: String,
    pub country: Option<Country>,
    /// The Art. 27 representative, when the controller is outside the EU.
    pub representative: String,
    pub dpo_name: String,
    pub dpo_contact: String,
    /// The people the CRM is about (Art. 30(1)(c)), in words.
    pub subject_categories: String,
}

impl Controller {
    /// Checks and trims; the name is required.
    pub fn check(mut self) -> Result<Controller, Invalid> {
        let mut inv = Invalid::default();
        for (field, v, min, max) in [
            ("name", &mut self.name, 1, 200),
            ("address", &mut self.address, 0, 500),
            ("contact", &mut self.contact, 0, 200),
            ("representative", &mut self.representative, 0, 500),
            ("dpo_name", &mut self.dpo_name, 0, 200),
            ("dpo_contact", &mut self.dpo_contact, 0, 200),
            ("subject_categories", &mut self.subject_categories, 0, 500),
        ] {
            *v = v.trim().to_owned();
            let n = v.chars().count();
            if n < min {
                inv.push(field, "required");
            } else if n > max {
                inv.push(field, format!("at most {max} characters"));
            } else if let Some(p) = crate::contact::line_problem(v) {
                inv.push(field, p);
            }
        }
        inv.into_result().map(|()| self)
    }
}

/// A purpose as the register needs it.
#[derive(Clone, Debug)]
pub struct PurposeFacts {
    pub id: PurposeId,
    pub name: String,
    pub description: String,
    pub basis: LawfulBasis,
    pub direct_marketing: bool,
    /// The retention period in words, as people are told it.
    pub retention: String,
    /// The rule the sweep enforces, in words.
    pub rule: Option<String>,
}

/// Everything [`declare`] computes from.
pub struct Inputs<'a> {
    pub controller: &'a Controller,
    pub purposes: &'a [PurposeFacts],
    pub fields: &'a [FieldDef],
    pub recipients: &'a [(RecipientId, Recipient)],
    /// Technical and organisational measures, from the live configuration.
    pub measures: &'a [String],
    pub processing_for_others: &'a [ProcessorActivity],
}

/// Art. 30(2): processing carried out on behalf of another controller.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ProcessorActivity {
    pub controller_name: String,
    pub controller_contact: String,
    pub representative: String,
    pub categories_of_processing: String,
    /// Transfers to third countries and their safeguards, in words.
    pub transfers: String,
    pub measures: String,
}

impl ProcessorActivity {
    pub fn check(mut self) -> Result<ProcessorActivity, Invalid> {
        let mut inv = Invalid::default();
        for (field, v, min, max) in [
            ("controller_name", &mut self.controller_name, 1, 200),
            ("controller_contact", &mut self.controller_contact, 0, 200),
            ("representative", &mut self.representative, 0, 500),
            ("categories_of_processing", &mut self.categories_of_processing, 1, 2000),
            ("transfers", &mut self.transfers, 0, 2000),
            ("measures", &mut self.measures, 0, 2000),
        ] {
            *v = v.trim().to_owned();
            let n = v.chars().count();
            if n < min {
                inv.push(field, "required");
            } else if n > max {
                inv.push(field, format!("at most {max} characters"));
            } else if v.chars().any(|c| c.is_control() && c != '\n' && c != '\r') {
                inv.push(field, "control characters are not allowed");
            }
        }
        inv.into_result().map(|()| self)
    }
}

/// The record of processing: what the controller declares.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Record {
    pub controller: Controller,
    pub activities: Vec<Activity>,
    pub measures: Vec<String>,
    pub processing_for_others: Vec<ProcessorActivity>,
}

/// One processing activity: a purpose with every Art. 30(1) item.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Activity {
    pub purpose_id: PurposeId,
    pub name: String,
    pub description: String,
    pub lawful_basis: LawfulBasis,
    /// Special categories held for this purpose, with the Art. 9 condition.
    pub special_categories: Vec<SpecialLine>,
    pub subject_categories: String,
    pub data_categories: Vec<CategoryLine>,
    pub recipients: Vec<RecipientLine>,
    pub transfers: Vec<TransferLine>,
    pub retention: String,
    pub retention_rule: Option<String>,
    pub direct_marketing: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct SpecialLine {
    pub category: SpecialCategory,
    pub field: String,
    /// The admin's written reason (the Art. 9(2) condition).
    pub condition: String,
}

#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct CategoryLine {
    pub category: FieldCategory,
    /// Labels of the enabled fields of this category the purpose needs.
    pub fields: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct RecipientLine {
    pub id: RecipientId,
    pub legal_name: String,
    pub role: RecipientRole,
    pub countries: Vec<Country>,
    pub parent: Option<RecipientId>,
}

#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct TransferLine {
    pub recipient: String,
    pub country: Country,
    pub mechanism: crate::recipients::Mechanism,
    /// The mechanism and its instrument, in words.
    pub ground: String,
    pub tia_ref: String,
}

/// The record the inputs declare. Activities follow the purposes' order
/// by name; lists inside are sorted, so the canonical JSON is stable.
pub fn declare(i: &Inputs<'_>) -> Record {
    let mut purposes: Vec<&PurposeFacts> = i.purposes.iter().collect();
    purposes.sort_by(|a, b| a.name.to_lowercase().cmp(&b.name.to_lowercase()).then(a.id.cmp(&b.id)));
    let activities = purposes
        .into_iter()
        .map(|p| {
            let fields: Vec<&FieldDef> = i.fields.iter().filter(|f| f.enabled && f.purposes.contains(&p.id)).collect();
            let mut cats: BTreeMap<FieldCategory, Vec<String>> = BTreeMap::new();
            let mut special = Vec::new();
            for f in &fields {
                cats.entry(f.category).or_default().push(f.label.clone());
                if let Some((c, reason)) = &f.special {
                    special.push(SpecialLine { category: *c, field: f.label.clone(), condition: reason.clone() });
                }
            }
            let mut recipients = Vec::new();
            let mut transfers = Vec::new();
            for (id, r) in i.recipients.iter().filter(|(_, r)| r.purposes.contains(&p.id)) {
                recipients.push(RecipientLine {
                    id: *id,
                    legal_name: r.legal_name.clone(),
                    role: r.role,
                    countries: r.countries().into_iter().collect(),
                    parent: r.parent,
                });
                for t in &r.transfers {
                    transfers.push(TransferLine {
                        recipient: r.legal_name.clone(),
                        country: t.country,
                        mechanism: t.mechanism,
                        ground: t.ground(),
                        tia_ref: t.tia_ref.clone(),
                    });
                }
            }
            recipients.sort_by(|a, b| a.legal_name.cmp(&b.legal_name).then(a.id.cmp(&b.id)));
            transfers.sort_by(|a, b| a.recipient.cmp(&b.recipient).then(a.country.cmp(&b.country)));
            special.sort_by(|a, b| a.field.cmp(&b.field));
            Activity {
                purpose_id: p.id,
                name: p.name.clone(),
                description: p.description.clone(),
                lawful_basis: p.basis,
                special_categories: special,
                subject_categories: i.controller.subject_categories.clone(),
                data_categories: cats
                    .into_iter()
                    .map(|(category, mut fields)| {
                        fields.sort();
                        CategoryLine { category, fields }
                    })
                    .collect(),
                recipients,
                transfers,
                retention: p.retention.clone(),
                retention_rule: p.rule.clone(),
                direct_marketing: p.direct_marketing,
            }
        })
        .collect();
    Record {
        controller: i.controller.clone(),
        activities,
        measures: i.measures.to_vec(),
        processing_for_others: i.processing_for_others.to_vec(),
    }
}

/// What the declared record lacks, per activity (`None` for the whole
/// record): gaps an authority would ask about.
pub fn gaps(r: &Record) -> Vec<(Option<PurposeId>, String)> {
    let mut out = Vec::new();
    if r.controller.name.is_empty() {
        out.push((None, "the controller's name is not configured (Art. 30(1)(a))".to_owned()));
    }
    if r.controller.dpo_name.is_empty() && r.controller.dpo_contact.is_empty() {
        out.push((None, "no data-protection officer contact is configured (Art. 30(1)(a), 37(7))".to_owned()));
    }
    for a in &r.activities {
        let at = Some(a.purpose_id);
        if a.data_categories.is_empty() {
            out.push((at, "no field of the field policy names this purpose (Art. 30(1)(c))".to_owned()));
        }
        if a.retention_rule.is_none() {
            out.push((at, "no retention rule is enforced for this purpose (Art. 30(1)(f))".to_owned()));
        }
        if !a.special_categories.is_empty() && a.lawful_basis == LawfulBasis::LegitimateInterests {
            out.push((
                at,
                "special categories held under legitimate interests: Art. 9(2) needs its own condition".to_owned(),
            ));
        }
        for rl in &a.recipients {
            if rl.countries.is_empty() {
                out.push((at, format!("recipient \u{201c}{}\u{201d}: countries not declared", rl.legal_name)));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests;
