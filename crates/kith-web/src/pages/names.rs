//! Names shown for ids: companies, pipeline stages, staff.

use kith_app::{App, AppError, Principal};
use kith_domain::CompanyId;
use std::collections::HashMap;
use uuid::Uuid;

/// `known` plus the names of `ids` it lacks (one read each).
pub(crate) async fn companies(
    app: &App,
    p: &Principal,
    ids: Vec<CompanyId>,
    known: &HashMap<Uuid, String>,
) -> Result<HashMap<Uuid, String>, AppError> {
    let mut names = known.clone();
    for id in ids {
        if let std::collections::hash_map::Entry::Vacant(e) = names.entry(id.0) {
            if let Ok(c) = app.get_company(p, id).await {
                e.insert(c.name);
            }
        }
    }
    Ok(names)
}

/// Stage key → display name.
pub(crate) async fn stages(app: &App, p: &Principal) -> Result<HashMap<String, String>, AppError> {
    Ok(app.stages(p).await?.into_iter().map(|s| (s.key, s.name)).collect())
}

/// The display name of a stage key (the key itself if unknown).
/// A stage's name as configured; the six stages Kith starts with, while
/// they keep their English names, in the reader's language.
pub(crate) fn stage(names: &HashMap<String, String>, key: &str) -> String {
    stage_label(key, names.get(key).map_or(key, String::as_str))
}

/// The stage `key` named `name`, as [`stage`] shows it.
pub(crate) fn stage_label(key: &str, name: &str) -> String {
    match (key, name) {
        ("lead", "Lead")
        | ("qualified", "Qualified")
        | ("proposal", "Proposal")
        | ("negotiation", "Negotiation")
        | ("won", "Won")
        | ("lost", "Lost") => super::lang::reader().t(&format!("stage-{key}")),
        _ => name.to_owned(),
    }
}

/// Staff user id → email.
pub(crate) async fn staff(app: &App, p: &Principal) -> Result<HashMap<Uuid, String>, AppError> {
    Ok(app.staff_directory(p).await?.into_iter().map(|(id, email, _)| (id.0, email)).collect())
}

/// (id, email) of every staff member, by email: for a select.
pub(crate) fn staff_choices(staff: &HashMap<Uuid, String>) -> Vec<(String, String)> {
    let mut v: Vec<(String, String)> = staff.iter().map(|(id, e)| (id.to_string(), e.clone())).collect();
    v.sort_by(|a, b| a.1.cmp(&b.1));
    v
}

/// An amount in minor units in the reader's format (`€12,500.00`,
/// `12.500,00 €`); without a currency, the number alone; none: empty.
pub(crate) fn amount(tr: &kith_i18n::Tr, minor: Option<impl Into<i128>>, currency: Option<&str>) -> String {
    match minor.map(Into::into) {
        None => String::new(),
        Some(m) => tr.money(m, currency.unwrap_or("")).trim().to_owned(),
    }
}

/// A closed-vocabulary word (a lawful basis, a channel, a consent state…)
/// in the reader's language: the message `contacts-<kind>-<value>`.
pub(crate) fn word(tr: &kith_i18n::Tr, kind: &str, value: &str) -> String {
    tr.t(&format!("contacts-{kind}-{}", value.replace('_', "-")))
}

#[cfg(test)]
mod tests {
    use kith_domain::consent::BasisSource;
    use kith_domain::dsr::{DsrChannel, DsrKind};
    use kith_domain::policy::SpecialCategory;
    use kith_domain::segment::ConsentFilter;
    use kith_domain::{Channel, ConsentAction, ConsentMethod, LawfulBasis, ObjectionDecision, SourceKind};

    /// Every word the pages look up by kind and value has its message.
    #[test]
    fn every_word_has_a_message() {
        let mut words: Vec<(&str, &str)> = Vec::new();
        words.extend(LawfulBasis::ALL.iter().map(|v| ("basis", v.as_str())));
        words.extend(BasisSource::ALL.iter().map(|v| ("bsource", v.as_str())));
        words.extend(Channel::ALL.iter().map(|v| ("channel", v.as_str())));
        words.extend(ConsentAction::ALL.iter().map(|v| ("action", v.as_str())));
        words.extend(ConsentMethod::ALL.iter().map(|v| ("method", v.as_str())));
        words.extend(ObjectionDecision::ALL.iter().map(|v| ("decision", v.as_str())));
        words.extend(ConsentFilter::ALL.iter().map(|v| ("state", v.as_str())));
        words.extend(SourceKind::ALL.iter().map(|v| ("source", v.as_str())));
        words.extend(DsrKind::ALL.iter().map(|v| ("dsr", v.as_str())));
        words.extend(DsrChannel::ALL.iter().map(|v| ("dsr-channel", v.as_str())));
        words.extend(SpecialCategory::ALL.iter().map(|v| ("special", v.as_str())));
        words.extend(["note", "call", "email", "meeting"].map(|v| ("event", v)));
        words.extend(
            ["email", "phone", "job_title", "company", "owner", "tags", "created", "updated"].map(|v| ("col", v)),
        );
        words.extend(crate::pages::contacts::segment_kinds().iter().map(|v| ("cond", *v)));
        for l in kith_i18n::languages() {
            words.push(("language", l));
        }
        let missing: Vec<String> = words
            .iter()
            .map(|(k, v)| format!("contacts-{k}-{}", v.replace('_', "-")))
            .filter(|id| !kith_i18n::has_message(id))
            .collect();
        assert!(missing.is_empty(), "{missing:?}");
    }
}
