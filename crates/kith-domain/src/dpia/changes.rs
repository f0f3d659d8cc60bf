//! What changed in the record of processing since an assessment was
//! signed off: the activities of its purposes then, against now.

use crate::ropa::Activity;
use crate::PurposeId;
use std::collections::BTreeSet;

/// One difference, about one purpose.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Change {
    pub purpose_id: PurposeId,
    /// The purpose's name (as signed off, or as now for a new one).
    pub purpose: String,
    /// What changed, in words.
    pub what: String,
}

fn set<T: Ord>(v: impl IntoIterator<Item = T>) -> BTreeSet<T> {
    v.into_iter().collect()
}

/// "added X; removed Y", or `None` when the sets are equal.
fn delta(then: &BTreeSet<String>, now: &BTreeSet<String>) -> Option<String> {
    let added: Vec<&str> = now.difference(then).map(String::as_str).collect();
    let removed: Vec<&str> = then.difference(now).map(String::as_str).collect();
    let mut parts = Vec::new();
    if !added.is_empty() {
        parts.push(format!("added {}", added.join(", ")));
    }
    if !removed.is_empty() {
        parts.push(format!("removed {}", removed.join(", ")));
    }
    (!parts.is_empty()).then(|| parts.join("; "))
}

/// The differences between the activities of `purposes` as signed off
/// (`then`) and as declared now (`now`). Empty: the assessment still
/// describes the processing.
pub fn changes(purposes: &[PurposeId], then: &[Activity], now: &[Activity]) -> Vec<Change> {
    let mut out = Vec::new();
    for id in purposes {
        let (t, n) = (then.iter().find(|a| a.purpose_id == *id), now.iter().find(|a| a.purpose_id == *id));
        let (t, n) = match (t, n) {
            (None, None) => continue,
            (Some(t), None) => {
                out.push(Change {
                    purpose_id: *id,
                    purpose: t.name.clone(),
                    what: "the purpose is no longer in the record of processing".into(),
                });
                continue;
            }
            (None, Some(n)) => {
                out.push(Change {
                    purpose_id: *id,
                    purpose: n.name.clone(),
                    what: "the purpose was not in the record when the assessment was signed off".into(),
                });
                continue;
            }
            (Some(t), Some(n)) => (t, n),
        };
        let mut push = |what: String| out.push(Change { purpose_id: *id, purpose: t.name.clone(), what });
        if t.name != n.name {
            push(format!("renamed to \u{201c}{}\u{201d}", n.name));
        }
        if t.description != n.description {
            push("the description of the purpose changed".into());
        }
        if t.lawful_basis != n.lawful_basis {
            push(format!("lawful basis: {} → {}", t.lawful_basis.label(), n.lawful_basis.label()));
        }
        let fields = |a: &Activity| {
            set(a
                .data_categories
                .iter()
                .flat_map(|c| c.fields.iter().map(move |f| format!("{f} ({})", c.category.label()))))
        };
        if let Some(d) = delta(&fields(t), &fields(n)) {
            push(format!("personal data: {d}"));
        }
        let special =
            |a: &Activity| set(a.special_categories.iter().map(|s| format!("{} ({})", s.category.label(), s.field)));
        if let Some(d) = delta(&special(t), &special(n)) {
            push(format!("special categories: {d}"));
        } else if t.special_categories != n.special_categories {
            push("the Art. 9(2) condition of a special category changed".into());
        }
        let recipients =
            |a: &Activity| set(a.recipients.iter().map(|r| format!("{} ({})", r.legal_name, r.role.label())));
        if let Some(d) = delta(&recipients(t), &recipients(n)) {
            push(format!("recipients: {d}"));
        }
        let countries = |a: &Activity| {
            set(a
                .recipients
                .iter()
                .flat_map(|r| r.countries.iter().map(move |c| format!("{} in {}", r.legal_name, c.name()))))
        };
        if let Some(d) = delta(&countries(t), &countries(n)) {
            push(format!("where recipients process or store the data: {d}"));
        }
        let transfers = |a: &Activity| {
            set(a.transfers.iter().map(|x| format!("{} → {} under {}", x.recipient, x.country.name(), x.ground)))
        };
        if let Some(d) = delta(&transfers(t), &transfers(n)) {
            push(format!("transfers outside the EEA: {d}"));
        }
        if t.retention != n.retention || t.retention_rule != n.retention_rule {
            let rule = |a: &Activity| a.retention_rule.clone().unwrap_or_else(|| "no rule enforced".into());
            push(format!("retention: {} ({}) → {} ({})", t.retention, rule(t), n.retention, rule(n)));
        }
        if t.direct_marketing != n.direct_marketing {
            push(if n.direct_marketing {
                "now used for direct marketing".into()
            } else {
                "no longer used for direct marketing".into()
            });
        }
    }
    out
}
