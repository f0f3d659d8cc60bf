//! The contact list's "Consent & basis" panel: conditions on lawful basis,
//! consent state, permission to contact, restriction, objection, notice
//! version and review, added one at a time by a GET form (no script
//! needed: the server turns the chosen purpose, kind, basis, channel and
//! state into one condition and redirects to the list's address), shown as
//! chips with remove links, with the count of matching contacts; and the
//! consent badge columns (basis and email state per purpose).

use crate::pages::form::enc;
use kith_app::records::Standing;
use kith_domain::segment::{Condition, ConsentFilter, Segment, KEYS};
use kith_domain::{Channel, Invalid, LawfulBasis, PurposeId};
use std::collections::HashMap;
use std::str::FromStr;

/// What the panel's "Add" form may add.
pub(super) const KINDS: [(&str, &str); 10] = [
    ("may", "May be contacted (purpose, channel)"),
    ("may_not", "May not be contacted (purpose, channel)"),
    ("basis", "Lawful basis is (purpose, basis)"),
    ("consent", "Consent state is (purpose, channel, state)"),
    ("objected", "Objected to the purpose"),
    ("objected_any", "Objected to any purpose"),
    ("old_notice", "Consent under an older notice (purpose)"),
    ("restricted", "Processing restricted"),
    ("not_restricted", "Processing not restricted"),
    ("review_due", "Review due"),
];

/// The panel's "Add" fields as sent.
pub(super) struct Adding<'a> {
    pub kind: &'a str,
    pub purpose: &'a str,
    pub basis: &'a str,
    pub channel: &'a str,
    pub state: &'a str,
}

/// The condition the "Add" fields describe; errors name the field.
pub(super) fn condition(a: &Adding) -> Result<Condition, Invalid> {
    let mut inv = Invalid::default();
    let needs_purpose = !matches!(a.kind, "objected_any" | "restricted" | "not_restricted" | "review_due");
    let purpose = PurposeId::from_str(a.purpose.trim()).ok();
    if needs_purpose && purpose.is_none() {
        inv.push("add_purpose", "choose a purpose");
    }
    let needs_channel = matches!(a.kind, "may" | "may_not" | "consent");
    let channel = Channel::parse(a.channel);
    if needs_channel && channel.is_none() {
        inv.push("add_channel", "choose a channel");
    }
    let basis = match a.basis {
        "none" => Some(None),
        b => LawfulBasis::parse(b).map(Some),
    };
    if a.kind == "basis" && basis.is_none() {
        inv.push("add_basis", "choose a basis (or none)");
    }
    let state = ConsentFilter::parse(a.state);
    if a.kind == "consent" && state.is_none() {
        inv.push("add_state", "choose a consent state");
    }
    if !KINDS.iter().any(|(k, _)| *k == a.kind) {
        inv.push("add", "choose a condition");
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
pub(super) fn label(c: &Condition, names: &HashMap<PurposeId, String>) -> String {
    let name = |p: &PurposeId| names.get(p).cloned().unwrap_or_else(|| "an unknown purpose".into());
    match c {
        Condition::Basis { purpose, basis: Some(b) } => {
            format!("{}: basis {}", name(purpose), b.label().to_lowercase())
        }
        Condition::Basis { purpose, basis: None } => format!("{}: no lawful basis", name(purpose)),
        Condition::Consent { purpose, channel, state } => {
            format!("{}: {} consent {}", name(purpose), channel.label(), state.label().to_lowercase())
        }
        Condition::MayContact { purpose, channel, allowed: true } => {
            format!("{}: may contact by {}", name(purpose), channel.label().to_lowercase())
        }
        Condition::MayContact { purpose, channel, allowed: false } => {
            format!("{}: may not contact by {}", name(purpose), channel.label().to_lowercase())
        }
        Condition::Restricted(true) => "Processing restricted".into(),
        Condition::Restricted(false) => "Processing not restricted".into(),
        Condition::Objected { purpose: Some(p) } => format!("{}: objected", name(p)),
        Condition::Objected { purpose: None } => "Objected to any purpose".into(),
        Condition::OldNotice { purpose } => format!("{}: consent under an older notice", name(purpose)),
        Condition::ReviewDue => "Review due".into(),
    }
}

/// An active condition and the list's address without it.
pub(super) struct Chip {
    pub label: String,
    pub remove: String,
}

/// The chips of a segment; `rest` is the list's query without segment keys.
pub(super) fn chips(seg: &Segment, names: &HashMap<PurposeId, String>, rest: &str) -> Vec<Chip> {
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
            Chip { label: label(&seg.conditions[i], names), remove: format!("/contacts?{q}") }
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

pub(super) fn badge(s: Option<&Standing>) -> Badge {
    let Some(s) = s else { return Badge { text: "—".into(), class: "", title: "Unknown".into() } };
    let basis = s.basis.map_or("no basis".to_owned(), |b| b.label().to_lowercase());
    let class = match s.state {
        _ if s.may => "ok",
        ConsentFilter::Refused | ConsentFilter::Withdrawn => "no",
        ConsentFilter::Awaiting => "wait",
        _ => "",
    };
    let may = if s.may { "may be emailed" } else { "may not be emailed" };
    Badge {
        text: format!("{basis} · {}", s.state.label().to_lowercase()),
        class,
        title: format!("Basis: {basis}; email consent: {}; {may}", s.state.label().to_lowercase()),
    }
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
        let p = "00000000-0000-0000-0000-000000000007";
        let a = Adding { kind: "may", purpose: p, basis: "", channel: "email", state: "" };
        assert!(matches!(condition(&a), Ok(Condition::MayContact { allowed: true, .. })));
        let a = Adding { kind: "consent", purpose: "", basis: "", channel: "", state: "x" };
        let e = condition(&a).unwrap_err();
        let fields: Vec<&str> = e.0.iter().map(|f| f.field.as_str()).collect();
        assert_eq!(fields, ["add_purpose", "add_channel", "add_state"]);
        let a = Adding { kind: "review_due", purpose: "", basis: "", channel: "", state: "" };
        assert_eq!(condition(&a).unwrap(), Condition::ReviewDue);
    }
}
