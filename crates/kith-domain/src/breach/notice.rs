//! Notices drafted from the record: to the supervisory authority with
//! every Art. 33(3) item. The people's mail (Art. 34(2)) is worded in
//! every language from the catalogue by `kith-app`. Pure: the caller
//! hashes and stores what it drafts.

use super::{clock, Breach};
use time::OffsetDateTime;

word_enum!(
    /// Who a notice is for.
    Audience {
        Authority => "authority", "The supervisory authority (Art. 33)",
        People => "people", "The people affected (Art. 34)",
    }
);

word_enum!(
    /// Initial, a follow-up of the first (phased, Art. 33(4)), or one
    /// notice covering several similar breaches (bundled).
    NoticeKind {
        Initial => "initial", "Initial",
        FollowUp => "follow_up", "Follow-up",
        Bundled => "bundled", "Bundled",
    }
);

/// What the draft needs beside the record.
#[derive(Clone, Debug)]
pub struct DraftFacts<'a> {
    pub reference: &'a str,
    pub aware_at: Option<OffsetDateTime>,
    pub controller: &'a str,
    pub dpo_name: &'a str,
    pub dpo_contact: &'a str,
    /// The people counted by the latest frozen query, if any.
    pub people_found: Option<i64>,
    /// Names of the recipients involved, from the register.
    pub recipients: Vec<String>,
    /// Other breach references this notice bundles.
    pub bundled: Vec<String>,
}

/// The authority notice: every Art. 33(3) item, from the record.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct AuthorityDraft {
    pub reference: String,
    pub authority_refs: Vec<String>,
    pub controller: String,
    /// Art. 33(3)(b).
    pub dpo: DpoContact,
    /// Art. 33(3)(a): the nature, categories and approximate numbers.
    pub nature: Vec<String>,
    pub description: String,
    pub cause: String,
    pub systems: String,
    pub recipients: Vec<String>,
    pub data_categories: Vec<String>,
    pub special_categories: Vec<String>,
    pub people_categories: String,
    pub approx_people: Option<u64>,
    pub approx_records: Option<u64>,
    pub people_found: Option<i64>,
    pub countries: Vec<String>,
    pub occurred_from: Option<String>,
    pub occurred_to: Option<String>,
    pub detected_at: Option<String>,
    pub aware_at: Option<String>,
    pub deadline: Option<String>,
    /// Art. 33(3)(c).
    pub consequences: String,
    pub risk_method: String,
    pub risk_level: Option<String>,
    /// Art. 33(3)(d).
    pub measures: String,
    pub people_decision: String,
    pub bundled: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct DpoContact {
    pub name: String,
    pub contact: String,
}

fn rfc(t: OffsetDateTime) -> String {
    t.format(&time::format_description::well_known::Rfc3339).unwrap_or_default()
}

/// Drafts the authority notice from the record as it is.
pub fn authority_draft(b: &Breach, f: &DraftFacts<'_>) -> AuthorityDraft {
    AuthorityDraft {
        reference: f.reference.to_owned(),
        authority_refs: b.authority_refs.clone(),
        controller: f.controller.to_owned(),
        dpo: DpoContact { name: f.dpo_name.to_owned(), contact: f.dpo_contact.to_owned() },
        nature: b.nature.iter().map(|n| n.as_str().to_owned()).collect(),
        description: b.title.clone(),
        cause: b.cause.clone(),
        systems: b.systems.clone(),
        recipients: f.recipients.clone(),
        data_categories: b.data_categories.clone(),
        special_categories: b.special_categories.clone(),
        people_categories: b.people_categories.clone(),
        approx_people: b.approx_people,
        approx_records: b.approx_records,
        people_found: f.people_found,
        countries: b.countries.iter().map(|c| c.code().to_owned()).collect(),
        occurred_from: b.occurred_from.map(rfc),
        occurred_to: b.occurred_to.map(rfc),
        detected_at: b.detected_at.map(rfc),
        aware_at: f.aware_at.map(rfc),
        deadline: f.aware_at.map(|a| rfc(clock::deadline(a))),
        consequences: b.consequences.clone(),
        risk_method: b.risk_method.as_str().to_owned(),
        risk_level: b.risk_level().map(|l| l.as_str().to_owned()),
        measures: b.measures.clone(),
        people_decision: b.people_decision.as_str().to_owned(),
        bundled: f.bundled.clone(),
    }
}

/// The Art. 33(3) items the draft still lacks (words for the DPO).
pub fn missing_items(d: &AuthorityDraft) -> Vec<&'static str> {
    let mut out = Vec::new();
    if d.nature.is_empty() {
        out.push("the nature of the breach");
    }
    if d.approx_people.is_none() && d.people_found.is_none() {
        out.push("the approximate number of people");
    }
    if d.approx_records.is_none() {
        out.push("the approximate number of records");
    }
    if d.data_categories.is_empty() {
        out.push("the categories of data");
    }
    if d.people_categories.trim().is_empty() {
        out.push("the categories of people concerned");
    }
    if d.dpo.name.is_empty() || d.dpo.contact.is_empty() {
        out.push("the DPO's name and contact (Registers → Controller)");
    }
    if d.consequences.is_empty() {
        out.push("the likely consequences");
    }
    if d.measures.is_empty() {
        out.push("the measures taken or proposed");
    }
    out
}

/// Why a notice cannot be recorded as sent (Art. 33(1)): the authority
/// notice sent after the deadline needs a reason for the delay; a
/// follow-up carries on the first and is exempt.
pub fn late_without_reason(
    audience: Audience,
    kind: NoticeKind,
    aware_at: Option<OffsetDateTime>,
    sent_at: OffsetDateTime,
    delay_reason: &str,
) -> bool {
    audience == Audience::Authority
        && kind != NoticeKind::FollowUp
        && aware_at.is_some_and(|a| clock::is_late(a, sent_at))
        && delay_reason.trim().is_empty()
}
