//! One row of the file: its values as contact data, and merged into a
//! contact already in Kith.

use super::consent::{RawConsent, RowConsent};
use super::{describe, Target};
use kith_domain::crm_export::{claimed_basis, language_code, ClaimedBasis, KNOWN_VALUES};
use kith_domain::{Address, ContactData, Email, Phone};

/// One parsed row on its way into a batch.
pub(super) struct Pending {
    pub(super) line: u64,
    pub(super) data: ContactData,
    pub(super) keys: Vec<String>,
    pub(super) consent: Option<RowConsent>,
    pub(super) extras: RowExtras,
}

/// What a row says beyond the contact's own fields: what the old CRM knew.
#[derive(Debug, Default)]
pub(super) struct RowExtras {
    /// The company's name, as written.
    pub(super) company: Option<String>,
    pub(super) created_in_source: Option<time::OffsetDateTime>,
    /// The lifecycle stage as a tag (`lifecycle:lead`).
    pub(super) lifecycle_tag: Option<String>,
    pub(super) basis: Option<ClaimedBasis>,
    /// A lower-case language code.
    pub(super) language: Option<String>,
}

/// The extra columns of a row, checked; why not, naming the column (no
/// value quoted).
fn extra(x: &mut RowExtras, t: &Target, v: &str) -> std::result::Result<(), String> {
    match t {
        Target::Company if x.company.is_none() => {
            if v.chars().count() > 200 || kith_domain::line_problem(v).is_some() {
                return Err("company: must be one line of at most 200 characters".into());
            }
            x.company = Some(v.to_owned());
        }
        Target::SourceCreatedAt if x.created_in_source.is_none() => {
            x.created_in_source = Some(kith_domain::policy::parse_time(v).ok_or_else(|| {
                "source_created_at: is not a date and time (2023-04-12 09:31, 2023-04-12T09:31:00Z)".to_owned()
            })?);
        }
        Target::LifecycleStage if x.lifecycle_tag.is_none() => {
            let tag = kith_store::contacts::normalise_tag(&format!("lifecycle:{v}"));
            if tag.chars().count() > 50 || tag.contains(',') || tag.chars().any(char::is_control) {
                return Err("lifecycle_stage: at most 40 characters, without commas".into());
            }
            x.lifecycle_tag = Some(tag);
        }
        Target::LawfulBasis if x.basis.is_none() => {
            x.basis = Some(claimed_basis(v).ok_or_else(|| {
                format!("lawful_basis: the value is not one Kith knows ({KNOWN_VALUES}); no basis is guessed")
            })?);
        }
        Target::Language if x.language.is_none() => {
            x.language =
                Some(language_code(v).ok_or_else(|| {
                    "language: is not a language code or name (en, it-IT, English, Italiano)".to_owned()
                })?);
        }
        _ => {}
    }
    Ok(())
}

fn set_text(slot: &mut Option<String>, v: &str) {
    if slot.is_none() && !v.is_empty() {
        *slot = Some(v.to_owned());
    }
}

/// A row's values as contact data, its consent columns and what else the
/// old system knew, or why not (no value quoted).
pub(super) fn row_data<'a>(
    row: &'a [String],
    targets: &[Option<Target>],
) -> std::result::Result<(ContactData, RawConsent<'a>, RowExtras), String> {
    let mut d = ContactData::default();
    let mut consent = RawConsent::default();
    let mut extras = RowExtras::default();
    let mut addr = Address::default();
    for (v, t) in row.iter().zip(targets) {
        let v = v.trim();
        let Some(t) = t else { continue };
        if v.is_empty() {
            continue;
        }
        match t {
            Target::FirstName => set_text(&mut d.first_name, v),
            Target::LastName => set_text(&mut d.last_name, v),
            Target::FullName => match v.rsplit_once(' ') {
                Some((first, last)) => {
                    set_text(&mut d.first_name, first.trim());
                    set_text(&mut d.last_name, last.trim());
                }
                None => set_text(&mut d.last_name, v),
            },
            Target::Email => {
                // Google and others put several addresses in one cell, " ::: " apart.
                for part in v.split(":::").map(str::trim).filter(|p| !p.is_empty()) {
                    let e = Email::parse(part).map_err(|_| "an email address is not valid".to_owned())?;
                    if !d.emails.iter().any(|x| x.lookup_key() == e.lookup_key()) {
                        d.emails.push(e);
                    }
                }
            }
            Target::Phone => {
                for part in v.split(":::").map(str::trim).filter(|p| !p.is_empty()) {
                    let p = Phone::parse(part).map_err(|_| "a phone number is not valid".to_owned())?;
                    if !d.phones.iter().any(|x| x.lookup_key() == p.lookup_key()) {
                        d.phones.push(p);
                    }
                }
            }
            Target::JobTitle => set_text(&mut d.job_title, v),
            Target::Notes => set_text(&mut d.notes, v),
            Target::Street => set_text(&mut addr.street, v),
            Target::PostalCode => set_text(&mut addr.postal_code, v),
            Target::City => set_text(&mut addr.city, v),
            Target::Region => set_text(&mut addr.region, v),
            Target::Country => set_text(&mut addr.country, v),
            // Checked and normalised (dates, numbers, choices) by the field policy.
            Target::Custom(name) => {
                d.custom.entry(name.clone()).or_insert_with(|| v.to_owned());
            }
            Target::ConsentAt => consent.at = consent.at.or(Some(v)),
            Target::ConsentEvidence => consent.evidence = consent.evidence.or(Some(v)),
            Target::ConsentAct => consent.act = consent.act.or(Some(v)),
            Target::ConsentChannels => consent.channels = consent.channels.or(Some(v)),
            Target::ConsentExpiresAt => consent.expires = consent.expires.or(Some(v)),
            Target::ConsentIp => consent.ip = consent.ip.or(Some(v)),
            Target::Company
            | Target::SourceCreatedAt
            | Target::LifecycleStage
            | Target::LawfulBasis
            | Target::Language => extra(&mut extras, t, v)?,
        }
    }
    if addr != Address::default() {
        d.address = Some(addr);
    }
    let d = d.tidy();
    d.validate().map_err(|inv| describe(&inv))?;
    Ok((d, consent, extras))
}

/// An existing contact's data with a file row merged in, and the names of
/// the fields that changed.
pub fn merge(current: &ContactData, row: &ContactData) -> (ContactData, Vec<&'static str>) {
    let mut d = current.clone();
    let mut changed = Vec::new();
    let set = |slot: &mut Option<String>, v: &Option<String>, name: &'static str, changed: &mut Vec<&'static str>| {
        if v.is_some() && slot != v {
            *slot = v.clone();
            changed.push(name);
        }
    };
    set(&mut d.first_name, &row.first_name, "first_name", &mut changed);
    set(&mut d.last_name, &row.last_name, "last_name", &mut changed);
    set(&mut d.job_title, &row.job_title, "job_title", &mut changed);
    set(&mut d.notes, &row.notes, "notes", &mut changed);
    let before = (d.emails.len(), d.phones.len());
    for e in &row.emails {
        if !d.emails.iter().any(|x| x.lookup_key() == e.lookup_key()) {
            d.emails.push(e.clone());
        }
    }
    for ph in &row.phones {
        if !d.phones.iter().any(|x| x.lookup_key() == ph.lookup_key()) {
            d.phones.push(ph.clone());
        }
    }
    let mut custom_changed = false;
    for (k, v) in &row.custom {
        if d.custom.get(k) != Some(v) {
            d.custom.insert(k.clone(), v.clone());
            custom_changed = true;
        }
    }
    if custom_changed {
        changed.push("custom fields");
    }
    if d.emails.len() != before.0 {
        changed.push("emails");
    }
    if d.phones.len() != before.1 {
        changed.push("phones");
    }
    if let Some(a) = &row.address {
        let mut addr = d.address.clone().unwrap_or_default();
        for (slot, v) in [
            (&mut addr.street, &a.street),
            (&mut addr.postal_code, &a.postal_code),
            (&mut addr.city, &a.city),
            (&mut addr.region, &a.region),
            (&mut addr.country, &a.country),
        ] {
            if v.is_some() {
                *slot = v.clone();
            }
        }
        if d.address.as_ref() != Some(&addr) {
            d.address = Some(addr);
            changed.push("address");
        }
    }
    (d, changed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_row_merges_into_a_contact_naming_the_changed_fields() {
        let email = |s: &str| Email::parse(s).unwrap();
        let current = ContactData {
            first_name: Some("Lia".into()),
            job_title: Some("Buyer".into()),
            emails: vec![email("lia@gmail.com")],
            ..Default::default()
        };
        // At a provider known to ignore case, LIA@ is lia@ (elsewhere the
        // local part is compared exactly: see `Email`).
        let row = ContactData {
            first_name: Some("Lia".into()),
            job_title: Some("Head of purchasing".into()),
            emails: vec![email("LIA@gmail.com"), email("lia.work@example.it")],
            ..Default::default()
        };
        let (merged, fields) = merge(&current, &row);
        assert_eq!(fields, vec!["job_title", "emails"]);
        assert_eq!(merged.emails.len(), 2, "the same address in another case is not added twice");
        assert_eq!(merged.first_name.as_deref(), Some("Lia"));
        let (_, none) = merge(&merged, &row);
        assert!(none.is_empty(), "merging again changes nothing");
    }

    #[test]
    fn a_row_becomes_contact_data_or_a_reason_without_values() {
        let t = [Some(Target::FullName), Some(Target::Email), None];
        let row = |a: &str, b: &str| vec![a.to_owned(), b.to_owned(), "ignored".to_owned()];
        let (d, _, _) = row_data(&row("Maria Grazia Rossi", "m.rossi@example.it ::: m.rossi@EXAMPLE.it"), &t).unwrap();
        assert_eq!((d.first_name.as_deref(), d.last_name.as_deref()), (Some("Maria Grazia"), Some("Rossi")));
        assert_eq!(d.emails.len(), 1, "the same address twice is kept once");
        let why = row_data(&row("Mario", "not-an-address"), &t).unwrap_err();
        assert!(!why.contains("not-an-address"), "{why}");
    }
}
