//! The contact list's "Consent & basis" panel: conditions on lawful basis,
//! consent state, permission to contact, restriction, objection, notice
//! version and review, added one at a time by a GET form (no script
//! needed: the server turns the chosen purpose, kind, basis, channel and
//! state into one condition and redirects to the list's address), shown as
//! chips with remove links, with the count of matching contacts; and the
//! consent badge columns (basis and email state per purpose).

use crate::pages::form::enc;
use crate::pages::names::word;
use kith_app::records::Standing;
use kith_domain::segment::{Condition, ConsentFilter, Segment, KEYS};
use kith_domain::{Channel, Invalid, LawfulBasis, PurposeId};
use kith_i18n::Tr;
use std::collections::HashMap;
use std::str::FromStr;

/// What the panel's "Add" form may add.
/// Each kind's words are the message `contacts-kind-<kind>` … see [`kinds`].
pub(super) const KINDS: [&str; 10] = [
    "may",
    "may_not",
    "basis",
    "consent",
    "objected",
    "objected_any",
    "old_notice",
    "restricted",
    "not_restricted",
    "review_due",
];

/// The kinds with their words, for the form's select.
pub(super) fn kinds(tr: &Tr) -> Vec<(&'static str, String)> {
    KINDS.iter().map(|k| (*k, word(tr, "cond", k))).collect()
}

/// The panel's "Add" fields as sent.
pub(super) struct Adding<'a> {
    pub kind: &'a str,
    pub purpose: &'a str,
    pub basis: &'a str,
    pub channel: &'a str,
    pub state: &'a str,
}

/// The condition the "Add" fields describe; errors name the field.
pub(super) fn condition(tr: &Tr, a: &Adding) -> Result<Condition, Invalid> {
    let mut inv = Invalid::default();
    let needs_purpose = !matches!(a.kind, "objected_any" | "restricted" | "not_restricted" | "review_due");
    let purpose = PurposeId::from_str(a.purpose.trim()).ok();
    if needs_purpose && purpose.is_none() {
        inv.push("add_purpose", tr.t("contacts-bulk-choose-purpose"));
    }
    let needs_channel = matches!(a.kind, "may" | "may_not" | "consent");
    let channel = Channel::parse(a.channel);
    if needs_channel && channel.is_none() {
        inv.push("add_channel", tr.t("contacts-list-choose-channel"));
    }
    let basis = match a.basis {
        "none" => Some(None),
        b => LawfulBasis::parse(b).map(Some),
    };
    if a.kind == "basis" && basis.is_none() {
        inv.push("add_basis", tr.t("contacts-list-choose-basis"));
    }
    let state = ConsentFilter::parse(a.state);
    if a.kind == "consent" && state.is_none() {
        inv.push("add_state", tr.t("contacts-list-choose-state"));
    }
    if !KINDS.contains(&a.kind) {
        inv.push("add", tr.t("contacts-list-choose-condition"));
    }
    inv.into_result()?;
    let (p, ch) = (purpose.unwrap_or_default(), channel.unwrap_or(Channel::Email));
    Ok(match a.kind {
        "may" | "may_not" => Condition::MayContact { purpose: p, channel: ch, allowed: a.kind == "may" },
        "basis" => Condition::Basis { purpose: p, basis: basis.flatten() },
        "consent" => Condition::Consent { purpose: p, channel: ch, state: state.unwrap_or(ConsentFilter::Given) },
        "objected" => Condition::Objected { purpose: Some(p) },
        "objected_any" => Condition::Objected { purpose: None },
        "old_notice" => Condition::OldNotice { purpose: p },
        "restricted" => Condition::Restricted(true),
        "not_restricted" => Condition::Restricted(false),
        _ => Condition::ReviewDue,
    })
}

/// A condition in words.
pub(super) fn label(tr: &Tr, c: &Condition, names: &HashMap<PurposeId, String>) -> String {
    let name = |p: &PurposeId| names.get(p).cloned().unwrap_or_else(|| tr.t("contacts-list-unknown-purpose"));
    let low = |s: String| lower(tr, s);
    match c {
        Condition::Basis { purpose, basis: Some(b) } => {
            tr.t2("contacts-chip-basis", "purpose", name(purpose), "basis", low(word(tr, "basis", b.as_str())))
        }
        Condition::Basis { purpose, basis: None } => tr.t1("contacts-chip-no-basis", "purpose", name(purpose)),
        Condition::Consent { purpose, channel, state } => tr.t3(
            "contacts-chip-consent",
            "purpose",
            name(purpose),
            "channel",
            word(tr, "channel", channel.as_str()),
            "state",
            low(word(tr, "state", state.as_str())),
        ),
        Condition::MayContact { purpose, channel, allowed } => tr.t2(
            if *allowed { "contacts-chip-may" } else { "contacts-chip-may-not" },
            "purpose",
            name(purpose),
            "channel",
            low(word(tr, "channel", channel.as_str())),
        ),
        Condition::Restricted(true) => tr.t("contacts-cond-restricted"),
        Condition::Restricted(false) => tr.t("contacts-cond-not-restricted"),
        Condition::Objected { purpose: Some(p) } => tr.t1("contacts-chip-objected", "purpose", name(p)),
        Condition::Objected { purpose: None } => tr.t("contacts-cond-objected-any"),
        Condition::OldNotice { purpose } => tr.t1("contacts-chip-old-notice", "purpose", name(purpose)),
        Condition::ReviewDue => tr.t("contacts-cond-review-due"),
    }
}

/// A word inside a sentence: lower case, except in German, whose nouns
/// keep their capital.
fn lower(tr: &Tr, s: String) -> String {
    if tr.lang() == "de" {
        s
    } else {
        s.to_lowercase()
    }
}

/// An active condition and the list's address without it.
pub(super) struct Chip {
    pub label: String,
    pub remove: String,
}

/// The chips of a segment; `rest` is the list's query without segment keys.
pub(super) fn chips(tr: &Tr, seg: &Segment, names: &HashMap<PurposeId, String>, rest: &str) -> Vec<Chip> {
    let pairs = seg.pairs();
    pairs
        .iter()
        .enumerate()
        .map(|(i, _)| {
            let others: Vec<String> = pairs
                .iter()
                .enumerate()
                .filter(|(j, _)| *j != i)
                .map(|(_, (k, v))| format!("{k}={}", enc(v)))
                .collect();
            let q =
                [rest.to_owned(), others.join("&")].into_iter().filter(|s| !s.is_empty()).collect::<Vec<_>>().join("&");
            Chip { label: label(tr, &seg.conditions[i], names), remove: format!("/contacts?{q}") }
        })
        .collect()
}

/// The raw segment pairs of a list's parameters, keys in [`KEYS`] order.
pub(super) fn raw_pairs(values: [&Vec<String>; 8]) -> Vec<(&'static str, &str)> {
    KEYS.iter().zip(values).flat_map(|(k, v)| v.iter().map(move |x| (*k, x.as_str()))).collect()
}

/// A consent badge: the basis and the email consent state, coloured by
/// whether the person may be emailed for the purpose.
pub(super) struct Badge {
    pub text: String,
    /// `ok` (may be emailed), `no` (refused or withdrawn), `wait`
    /// (awaiting an answer) or empty.
    pub class: &'static str,
    pub title: String,
}

pub(super) fn badge(tr: &Tr, s: Option<&Standing>) -> Badge {
    let Some(s) = s else { return Badge { text: "—".into(), class: "", title: tr.t("contacts-badge-unknown") } };
    let basis = s.basis.map_or(tr.t("contacts-badge-no-basis"), |b| lower(tr, word(tr, "basis", b.as_str())));
    let state = lower(tr, word(tr, "state", s.state.as_str()));
    let class = match s.state {
        _ if s.may => "ok",
        ConsentFilter::Refused | ConsentFilter::Withdrawn => "no",
        ConsentFilter::Awaiting => "wait",
        _ => "",
    };
    let title = if s.may { "contacts-badge-title-may" } else { "contacts-badge-title-may-not" };
    Badge { text: format!("{basis} · {state}"), class, title: tr.t2(title, "basis", &basis, "state", &state) }
}

/// The purposes of `purpose:<id>` column keys that name a known purpose.
pub(super) fn badge_purposes(cols: &[String], known: &[(PurposeId, String)]) -> Vec<(PurposeId, String)> {
    cols.iter()
        .filter_map(|c| c.strip_prefix("purpose:"))
        .filter_map(|id| PurposeId::from_str(id).ok())
        .filter_map(|id| known.iter().find(|(k, _)| *k == id).cloned())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_add_fields_make_one_condition_or_name_what_is_missing() {
        let tr = Tr::default();
        let p = "00000000-0000-0000-0000-000000000007";
        let a = Adding { kind: "may", purpose: p, basis: "", channel: "email", state: "" };
        assert!(matches!(condition(&tr, &a), Ok(Condition::MayContact { allowed: true, .. })));
        let a = Adding { kind: "consent", purpose: "", basis: "", channel: "", state: "x" };
        let e = condition(&tr, &a).unwrap_err();
        let fields: Vec<&str> = e.0.iter().map(|f| f.field.as_str()).collect();
        assert_eq!(fields, ["add_purpose", "add_channel", "add_state"]);
        let a = Adding { kind: "review_due", purpose: "", basis: "", channel: "", state: "" };
        assert_eq!(condition(&tr, &a).unwrap(), Condition::ReviewDue);
    }
}
