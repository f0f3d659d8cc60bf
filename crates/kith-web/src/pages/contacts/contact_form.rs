//! The contact form, as posted by a contact's edit form and the
//! new-contact form, and what it asks the app to write.

use crate::pages::form::{non_blank, parse_uuid};
use kith_app::contacts::{ContactPatch, NewContact};
use kith_app::records::Contact;
use kith_domain::policy::{FieldKind, Policy, CUSTOM};
use kith_domain::{Address, CompanyId, ContactData, Email, Invalid, Phone, UserId};
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};

/// The contact form's values as typed. A field absent from the form (the
/// role may not see it, so it was not rendered) is left alone.
#[derive(Deserialize, Default, Clone)]
pub(super) struct ContactForm {
    pub(super) first_name: Option<String>,
    pub(super) last_name: Option<String>,
    pub(super) emails: Option<String>,
    pub(super) phones: Option<String>,
    pub(super) street: Option<String>,
    pub(super) postal_code: Option<String>,
    pub(super) city: Option<String>,
    pub(super) region: Option<String>,
    pub(super) country: Option<String>,
    pub(super) job_title: Option<String>,
    pub(super) notes: Option<String>,
    pub(super) owner: Option<String>,
    pub(super) company: Option<String>,
    pub(super) tags: Option<String>,
    /// Idempotency token of the new-contact form.
    #[serde(default)]
    pub(super) idem: String,
    /// Everything else posted: custom fields as `custom.<name>` and the
    /// values the edit form showed as `was.<name>` (see [`ContactForm::custom`]).
    #[serde(flatten)]
    pub(super) extra: BTreeMap<String, Posted>,
}

/// A posted value: one, or several for checkboxes sharing a name.
#[derive(Clone, Default, Debug)]
pub(super) struct Posted(Vec<String>);

impl<'de> Deserialize<'de> for Posted {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = Posted;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("text")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Posted, E> {
                Ok(Posted(vec![v.to_owned()]))
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Posted, A::Error> {
                let mut out = Vec::new();
                while let Some(v) = seq.next_element::<String>()? {
                    out.push(v);
                }
                Ok(Posted(out))
            }
        }
        d.deserialize_any(V)
    }
}

impl Posted {
    /// One value: as typed (browsers send line breaks as CRLF), or the
    /// ticked boxes of a multiple choice joined as the policy stores them
    /// (`a, b`; the hidden empty value that marks the field is skipped).
    fn text(&self) -> String {
        match self.0.as_slice() {
            [one] => one.replace("\r\n", "\n"),
            many => many.iter().map(|v| v.trim()).filter(|v| !v.is_empty()).collect::<Vec<_>>().join(", "),
        }
    }
}

impl ContactForm {
    pub(super) fn of(c: &Contact) -> Self {
        let d = &c.data;
        let a = d.address.clone().unwrap_or_default();
        ContactForm {
            first_name: d.first_name.clone(),
            last_name: d.last_name.clone(),
            emails: Some(d.emails.iter().map(|e| e.as_str()).collect::<Vec<_>>().join("\n")),
            phones: Some(d.phones.iter().map(|p| p.as_str()).collect::<Vec<_>>().join("\n")),
            street: a.street,
            postal_code: a.postal_code,
            city: a.city,
            region: a.region,
            country: a.country,
            job_title: d.job_title.clone(),
            notes: d.notes.clone(),
            owner: c.owner.map(|o| o.to_string()),
            company: c.company.map(|o| o.to_string()),
            tags: Some(c.tags.join(", ")),
            idem: String::new(),
            extra: d
                .custom
                .iter()
                .flat_map(|(k, v)| {
                    [(format!("{CUSTOM}{k}"), Posted(vec![v.clone()])), (format!("{WAS}{k}"), Posted(vec![v.clone()]))]
                })
                .collect(),
        }
    }

    /// A custom field's value as posted (or shown), if the form had it.
    pub(super) fn custom(&self, name: &str) -> Option<String> {
        self.extra.get(&format!("{CUSTOM}{name}")).map(Posted::text)
    }

    /// The value a custom field had when the edit form was shown.
    pub(super) fn was(&self, name: &str) -> Option<String> {
        self.extra.get(&format!("{WAS}{name}")).map(Posted::text)
    }

    /// The custom fields posted, by name.
    fn custom_names(&self) -> Vec<&str> {
        self.extra.keys().filter_map(|k| k.strip_prefix(CUSTOM)).collect()
    }

    /// The custom values an edit writes: those whose value changed since
    /// the form was shown (so a value nobody touched is neither re-checked
    /// nor re-ordered, and a change made meanwhile elsewhere is kept). An
    /// empty value removes one. Fields not on the form are left alone.
    fn custom_changes(&self, policy: &Policy) -> BTreeMap<String, String> {
        let mut out = BTreeMap::new();
        for name in self.custom_names() {
            let now = self.custom(name).unwrap_or_default();
            let kind = policy.field(&format!("{CUSTOM}{name}")).and_then(|f| f.kind);
            if self.was(name).is_some_and(|was| same_value(kind, &now, &was)) {
                continue;
            }
            out.insert(name.to_owned(), now);
        }
        out
    }

    fn v(o: &Option<String>) -> String {
        o.clone().unwrap_or_default()
    }

    fn lines(s: &str) -> impl Iterator<Item = &str> {
        s.split(['\n', ',', ';']).map(str::trim).filter(|l| !l.is_empty())
    }

    fn emails(&self, tr: &kith_i18n::Tr, inv: &mut Invalid) -> Option<Vec<Email>> {
        let s = self.emails.as_deref()?;
        let mut out = Vec::new();
        for l in Self::lines(s) {
            match Email::parse(l) {
                Ok(e) => out.push(e),
                Err(_) => {
                    inv.push("emails", tr.t("contacts-bad-emails"));
                    return None;
                }
            }
        }
        Some(out)
    }

    fn phones(&self, inv: &mut Invalid) -> Option<Vec<Phone>> {
        let s = self.phones.as_deref()?;
        let mut out = Vec::new();
        for l in s.split(['\n', ';']).map(str::trim).filter(|l| !l.is_empty()) {
            match Phone::parse(l) {
                Ok(p) => out.push(p),
                Err(e) => {
                    inv.push("phones", e.0.first().map(|f| f.message.clone()).unwrap_or_default());
                    return None;
                }
            }
        }
        Some(out)
    }

    fn address(&self) -> Option<Option<Address>> {
        let parts = [&self.street, &self.postal_code, &self.city, &self.region, &self.country];
        if parts.iter().all(|p| p.is_none()) {
            return None;
        }
        let a = Address {
            street: self.street.as_deref().and_then(non_blank),
            postal_code: self.postal_code.as_deref().and_then(non_blank),
            city: self.city.as_deref().and_then(non_blank),
            region: self.region.as_deref().and_then(non_blank),
            country: self.country.as_deref().and_then(non_blank),
        };
        Some((!a.is_empty()).then_some(a))
    }

    fn tags(&self) -> Option<Vec<String>> {
        self.tags.as_deref().map(|t| t.split(',').map(str::trim).filter(|t| !t.is_empty()).map(String::from).collect())
    }

    fn ids(&self, inv: &mut Invalid) -> (Option<Option<UserId>>, Option<Option<CompanyId>>) {
        let owner = self.owner.as_deref().map(|o| parse_uuid(inv, "owner", o).map(UserId));
        let company = self.company.as_deref().map(|c| parse_uuid(inv, "company", c).map(CompanyId));
        (owner, company)
    }

    pub(super) fn patch(&self, tr: &kith_i18n::Tr, policy: &Policy) -> Result<ContactPatch, Invalid> {
        let mut inv = Invalid::default();
        let emails = self.emails(tr, &mut inv);
        let phones = self.phones(&mut inv);
        let (owner, company) = self.ids(&mut inv);
        inv.into_result()?;
        let text = |o: &Option<String>| o.as_deref().map(non_blank);
        Ok(ContactPatch {
            owner,
            company,
            tags: self.tags(),
            first_name: text(&self.first_name),
            last_name: text(&self.last_name),
            emails,
            phones,
            address: self.address(),
            job_title: text(&self.job_title),
            notes: text(&self.notes),
            custom: Some(self.custom_changes(policy)).filter(|c| !c.is_empty()),
        })
    }

    /// A new contact; `may_edit` tells which custom fields the role may fill.
    pub(super) fn new_contact(
        &self,
        tr: &kith_i18n::Tr,
        may_edit: impl Fn(&str) -> bool,
    ) -> Result<NewContact, Invalid> {
        let mut inv = Invalid::default();
        let emails = self.emails(tr, &mut inv).unwrap_or_default();
        let phones = self.phones(&mut inv).unwrap_or_default();
        let (owner, company) = self.ids(&mut inv);
        let mut custom = BTreeMap::new();
        for name in self.custom_names() {
            let v = self.custom(name).unwrap_or_default();
            if v.trim().is_empty() {
                continue;
            }
            if !may_edit(name) {
                inv.push(format!("{CUSTOM}{name}"), tr.t("contacts-special-not-allowed"));
                continue;
            }
            custom.insert(name.to_owned(), v);
        }
        inv.into_result()?;
        let text = |o: &Option<String>| o.as_deref().and_then(non_blank);
        Ok(NewContact {
            owner: owner.flatten(),
            company: company.flatten(),
            tags: self.tags().unwrap_or_default(),
            data: ContactData {
                first_name: text(&self.first_name),
                last_name: text(&self.last_name),
                emails,
                phones,
                address: self.address().flatten(),
                job_title: text(&self.job_title),
                notes: text(&self.notes),
                custom,
            },
            source: None,
        })
    }
}

/// Prefix of the hidden inputs holding the value a custom field had when
/// the edit form was shown.
const WAS: &str = "was.";

/// Whether two values of a custom field are the same: a multiple choice
/// compares its choices as a set, anything else its trimmed text.
fn same_value(kind: Option<FieldKind>, a: &str, b: &str) -> bool {
    match kind {
        Some(FieldKind::MultiChoice) => {
            fn set(s: &str) -> BTreeSet<&str> {
                s.split(',').map(str::trim).filter(|p| !p.is_empty()).collect()
            }
            set(a) == set(b)
        }
        _ => a.trim() == b.trim(),
    }
}

impl ContactForm {
    /// For templates: a field's current text.
    pub(super) fn val(&self, field: &str) -> String {
        let o = match field {
            "first_name" => &self.first_name,
            "last_name" => &self.last_name,
            "emails" => &self.emails,
            "phones" => &self.phones,
            "street" => &self.street,
            "postal_code" => &self.postal_code,
            "city" => &self.city,
            "region" => &self.region,
            "country" => &self.country,
            "job_title" => &self.job_title,
            "notes" => &self.notes,
            "tags" => &self.tags,
            _ => return String::new(),
        };
        Self::v(o)
    }
}
