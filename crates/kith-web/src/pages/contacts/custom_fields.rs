//! The custom fields' inputs on the contact forms, and their errors.

use super::contact_form::ContactForm;
use crate::pages::form::Errors;
use kith_domain::policy::{FieldKind, Policy, CUSTOM};
use kith_domain::Invalid;
use std::collections::BTreeMap;

/// One choice of a (multiple) choice field's input.
pub(super) struct CustomOption {
    pub(super) value: String,
    pub(super) selected: bool,
    /// Held, but no longer among the field's choices.
    pub(super) stale: bool,
}

/// A custom field's input on the contact forms.
pub(super) struct CustomInput {
    /// The name after `custom.` (lower-case letters, digits and `_`).
    pub(super) name: String,
    pub(super) label: String,
    /// `text`, `number`, `date`, `choice` or `multi_choice`.
    pub(super) kind: &'static str,
    pub(super) value: String,
    /// The value when the form was first shown (see [`ContactForm::custom_changes`]).
    pub(super) was: String,
    /// Text holding line breaks, edited in a text area.
    pub(super) multiline: bool,
    pub(super) options: Vec<CustomOption>,
    /// A special category (Art. 9/10), named.
    pub(super) special: Option<String>,
    pub(super) error: Option<String>,
}

/// Whether `role` sees (and so may edit) custom field `def`: special
/// categories only for the privacy roles, as in the app's reads.
pub(super) fn custom_visible(role: kith_domain::Role, def: &kith_domain::policy::FieldDef) -> bool {
    def.special.is_none() || role.can_manage_privacy()
}

/// The inputs for the custom fields the policy allows and the role sees,
/// filled from the form.
pub(super) fn custom_inputs(
    tr: &kith_i18n::Tr,
    policy: &Policy,
    role: kith_domain::Role,
    f: &ContactForm,
    errors: &BTreeMap<String, String>,
) -> Vec<CustomInput> {
    policy
        .fields
        .iter()
        .filter(|d| d.enabled && d.is_custom() && custom_visible(role, d))
        .map(|d| {
            let name = d.key[CUSTOM.len()..].to_owned();
            let value = f.custom(&name).unwrap_or_default();
            let kind = d.kind.unwrap_or(FieldKind::Text);
            let options = match kind {
                FieldKind::Choice | FieldKind::MultiChoice => {
                    let held: Vec<&str> = if kind == FieldKind::Choice {
                        vec![value.trim()]
                    } else {
                        value.split(',').map(str::trim).collect()
                    };
                    let held: Vec<&str> = held.into_iter().filter(|v| !v.is_empty()).collect();
                    let mut o: Vec<CustomOption> = d
                        .choices
                        .iter()
                        .map(|c| CustomOption { value: c.clone(), selected: held.contains(&c.as_str()), stale: false })
                        .collect();
                    for h in held.iter().filter(|h| !d.choices.iter().any(|c| c == *h)) {
                        o.push(CustomOption { value: (*h).to_owned(), selected: true, stale: true });
                    }
                    o
                }
                _ => Vec::new(),
            };
            CustomInput {
                label: d.label.clone(),
                kind: kind.as_str(),
                was: f.was(&name).unwrap_or_default(),
                multiline: kind == FieldKind::Text && value.contains('\n'),
                options,
                special: d.special.as_ref().map(|(c, _)| crate::pages::names::word(tr, "special", c.as_str())),
                error: errors.get(&name).cloned(),
                value,
                name,
            }
        })
        .collect()
}

/// Errors about custom fields (`custom.<name>`), by name, apart from the
/// others.
pub(super) fn split_errors(inv: &Invalid) -> (Errors, BTreeMap<String, String>) {
    let mut rest = Invalid::default();
    let mut custom = BTreeMap::new();
    for e in &inv.0 {
        match e.field.strip_prefix(CUSTOM) {
            Some(name) => {
                custom.entry(name.to_owned()).or_insert_with(|| e.message.clone());
            }
            None => rest.0.push(e.clone()),
        }
    }
    (Errors::from_invalid(&rest), custom)
}

/// The errors shown above a contact form: those about fields it does not
/// show, custom fields without an input included.
pub(super) fn errors_above(
    errors: &Errors,
    rendered: &[&str],
    custom_errors: &BTreeMap<String, String>,
    inputs: &[CustomInput],
    policy: &Policy,
) -> Vec<String> {
    let mut out = errors.others(rendered);
    for (name, m) in custom_errors.iter().filter(|(n, _)| !inputs.iter().any(|i| &i.name == *n)) {
        let label = policy.field(&format!("{CUSTOM}{name}")).map(|f| f.label.clone());
        out.push(format!("{}: {m}", label.unwrap_or_else(|| name.replace('_', " "))));
    }
    out
}
