//! The field policy: which personal fields Kith may hold at all, why
//! (the purposes that need each), and of what kind. Minimisation by
//! construction: a value for a field the policy does not allow is refused
//! when it is written, whatever the path (API, staff pages, import, forms).

use crate::contact::ContactData;
use crate::{Invalid, PurposeId};
use std::collections::BTreeMap;

word_enum!(
    /// What kind of information a field holds.
    FieldCategory {
        Identity => "identity", "Identity",
        Contact => "contact", "Contact details",
        Professional => "professional", "Professional",
        Financial => "financial", "Financial",
        Demographic => "demographic", "Demographic",
        Preferences => "preferences", "Preferences",
        Other => "other", "Other",
    }
);

word_enum!(
    /// Special categories of personal data (GDPR Art. 9) and criminal
    /// records (Art. 10): refused unless the admin enables one with a
    /// written reason.
    SpecialCategory {
        Health => "health", "Health",
        Religion => "religion", "Religious or philosophical beliefs",
        PoliticalOpinion => "political_opinion", "Political opinions",
        EthnicOrigin => "ethnic_origin", "Racial or ethnic origin",
        TradeUnion => "trade_union", "Trade-union membership",
        Genetic => "genetic", "Genetic data",
        Biometric => "biometric", "Biometric data",
        SexLife => "sex_life", "Sex life or sexual orientation",
        Criminal => "criminal", "Criminal convictions and offences",
    }
);

word_enum!(
    /// The kind of value a custom field holds.
    FieldKind {
        Text => "text", "Text",
        Number => "number", "Number",
        Date => "date", "Date",
        Choice => "choice", "Single choice",
        MultiChoice => "multi_choice", "Multiple choice",
    }
);

/// The built-in personal fields, with their category.
pub const BUILT_IN: [(&str, &str, FieldCategory); 7] = [
    ("first_name", "First name", FieldCategory::Identity),
    ("last_name", "Last name", FieldCategory::Identity),
    ("emails", "Email addresses", FieldCategory::Contact),
    ("phones", "Phone numbers", FieldCategory::Contact),
    ("address", "Postal address", FieldCategory::Contact),
    ("job_title", "Job title", FieldCategory::Professional),
    ("notes", "Notes", FieldCategory::Other),
];

/// Prefix of custom fields' keys: `custom.<name>`.
pub const CUSTOM: &str = "custom.";

/// One field of the policy.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldDef {
    /// `first_name`… for built-ins, `custom.<name>` for custom fields.
    pub key: String,
    pub label: String,
    /// Custom fields only; built-ins have their own shapes.
    pub kind: Option<FieldKind>,
    pub category: FieldCategory,
    /// The purposes that need the field.
    pub purposes: Vec<PurposeId>,
    /// A special category, with the admin's written reason for holding it.
    pub special: Option<(SpecialCategory, String)>,
    /// Choices of a (multi) choice field.
    pub choices: Vec<String>,
    /// Kith may hold values for it.
    pub enabled: bool,
}

impl FieldDef {
    pub fn is_custom(&self) -> bool {
        self.key.starts_with(CUSTOM)
    }

    /// Checks a definition as the admin saves it.
    pub fn check(&self) -> Result<(), Invalid> {
        let mut inv = Invalid::default();
        if self.is_custom() {
            let name = &self.key[CUSTOM.len()..];
            if name.is_empty()
                || name.len() > 40
                || !name.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
                || !name.starts_with(|c: char| c.is_ascii_lowercase())
            {
                inv.push(
                    "key",
                    "a custom field's name is 1 to 40 lower-case letters, digits or _, starting with a letter",
                );
            }
            if self.kind.is_none() {
                inv.push("kind", "a custom field needs a kind");
            }
        } else if !BUILT_IN.iter().any(|(k, _, _)| *k == self.key) {
            inv.push("key", "is not a built-in field; custom fields start with custom.");
        }
        let label = self.label.trim();
        if label.is_empty() || label.chars().count() > 80 || label.chars().any(char::is_control) {
            inv.push("label", "must be 1 to 80 characters");
        }
        if self.enabled && self.purposes.is_empty() {
            inv.push("purposes", "a field no purpose needs cannot be enabled: name at least one purpose");
        }
        if let Some((_, reason)) = &self.special {
            let r = reason.trim();
            if r.chars().count() < 10 || r.chars().count() > 1000 {
                inv.push("special_reason", "a special category needs a written reason (10 to 1,000 characters)");
            }
            if !self.is_custom() {
                inv.push("special_category", "built-in fields are not special categories");
            }
        }
        match self.kind {
            Some(FieldKind::Choice | FieldKind::MultiChoice) => {
                if self.choices.is_empty() || self.choices.len() > 50 {
                    inv.push("choices", "a choice field needs 1 to 50 choices");
                }
                if self.choices.iter().any(|c| c.trim().is_empty() || c.chars().count() > 80 || c.contains(',')) {
                    inv.push("choices", "each choice is 1 to 80 characters without commas");
                }
            }
            _ if !self.choices.is_empty() => inv.push("choices", "only choice fields have choices"),
            _ => {}
        }
        inv.into_result()
    }

    /// Checks (and normalises) a custom value: a number in plain decimal
    /// notation, a date as `YYYY-MM-DD`, choices among the field's.
    pub fn normalise(&self, value: &str) -> Result<String, String> {
        let v = value.trim();
        match self.kind {
            None | Some(FieldKind::Text) => {
                if v.chars().count() > 500 || v.chars().any(|c| c.is_control() && c != '\n') {
                    return Err("must be at most 500 characters without control characters".into());
                }
                Ok(v.to_owned())
            }
            Some(FieldKind::Number) => {
                let digits = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
                let unsigned = v.strip_prefix('-').unwrap_or(v);
                let ok = v.len() <= 30
                    && match unsigned.split_once('.') {
                        Some((whole, frac)) => digits(whole) && digits(frac),
                        None => digits(unsigned),
                    };
                if ok {
                    Ok(v.to_owned())
                } else {
                    Err("must be a number such as 42 or -3.5".into())
                }
            }
            Some(FieldKind::Date) => parse_date(v).ok_or_else(|| "must be a date such as 2026-01-31".into()),
            Some(FieldKind::Choice) => {
                self.choices.iter().find(|c| c.as_str() == v).cloned().ok_or_else(|| self.choice_error())
            }
            Some(FieldKind::MultiChoice) => {
                let mut picked = Vec::new();
                for part in v.split(',').map(str::trim).filter(|p| !p.is_empty()) {
                    let c = self.choices.iter().find(|c| c.as_str() == part).ok_or_else(|| self.choice_error())?;
                    if !picked.contains(c) {
                        picked.push(c.clone());
                    }
                }
                Ok(picked.join(", "))
            }
        }
    }

    fn choice_error(&self) -> String {
        format!("must be one of: {}", self.choices.join(", "))
    }
}

/// A date written as `YYYY-MM-DD`, `DD/MM/YYYY`, `DD.MM.YYYY`, or as a
/// spreadsheet serial day number (1900 date system, as Excel exports it),
/// back as `YYYY-MM-DD`.
pub fn parse_date(v: &str) -> Option<String> {
    let v = v.trim();
    let ymd = |y: i32, m: u8, d: u8| {
        let month = time::Month::try_from(m).ok()?;
        let date = time::Date::from_calendar_date(y, month, d).ok()?;
        (1800..=2999).contains(&date.year()).then(|| date.to_string())
    };
    if let Some((y, rest)) = v.split_once('-') {
        let (m, d) = rest.split_once('-')?;
        return ymd(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
    }
    for sep in ['/', '.'] {
        if let Some((d, rest)) = v.split_once(sep) {
            let (m, y) = rest.split_once(sep)?;
            return ymd(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
        }
    }
    // Excel's day 1 is 1900-01-01 and it counts a 29 February 1900 that
    // never was: serials from 61 on are one day ahead.
    let serial: i64 = v.parse().ok().filter(|n| (61..=400_000).contains(n))?;
    let epoch = time::Date::from_calendar_date(1899, time::Month::December, 30).ok()?;
    let date = epoch.checked_add(time::Duration::days(serial))?;
    (1800..=2999).contains(&date.year()).then(|| date.to_string())
}

/// A moment written as RFC 3339 (`2024-03-01T09:30:00Z`), as
/// `YYYY-MM-DD HH:MM[:SS]` (taken as UTC), or as a date [`parse_date`]
/// reads (midnight UTC): the original times of records from other systems.
/// Years 1800 to 2999 in UTC, as for dates.
pub fn parse_time(v: &str) -> Option<time::OffsetDateTime> {
    use time::format_description::well_known::Rfc3339;
    let v = v.trim();
    if let Ok(t) = time::OffsetDateTime::parse(v, &Rfc3339) {
        let utc = t.checked_to_offset(time::UtcOffset::UTC)?;
        return (1800..=2999).contains(&utc.year()).then_some(utc);
    }
    let (date, clock) = match v.split_once([' ', 'T']) {
        Some((d, c)) => (d, Some(c.trim())),
        None => (v, None),
    };
    let date = time::Date::parse(&parse_date(date)?, time::macros::format_description!("[year]-[month]-[day]")).ok()?;
    let clock = match clock {
        None | Some("") => time::Time::MIDNIGHT,
        Some(c) => {
            let mut parts = c.split(':').map(|n| n.parse::<u8>().ok());
            let (h, m, s) = (parts.next()??, parts.next()??, parts.next().unwrap_or(Some(0))?);
            if parts.next().is_some() {
                return None;
            }
            time::Time::from_hms(h, m, s).ok()?
        }
    };
    Some(date.with_time(clock).assume_utc())
}

/// The whole policy at one version.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Policy {
    pub version: i64,
    pub fields: Vec<FieldDef>,
}

impl Policy {
    pub fn field(&self, key: &str) -> Option<&FieldDef> {
        self.fields.iter().find(|f| f.key == key)
    }

    fn allows(&self, key: &str) -> bool {
        self.field(key).is_some_and(|f| f.enabled)
    }

    /// Refuses values for fields the policy does not allow, naming each
    /// field and the policy; normalises custom values in place.
    pub fn check(&self, data: &mut ContactData) -> Result<(), Invalid> {
        self.check_written(data, |_| true)
    }

    /// [`Policy::check`] for the fields `written` names only (an edit
    /// checks what it writes; values already held stay as they are).
    pub fn check_written(&self, data: &mut ContactData, written: impl Fn(&str) -> bool) -> Result<(), Invalid> {
        let mut inv = Invalid::default();
        let refuse = |inv: &mut Invalid, key: &str| {
            inv.push(
                key,
                format!("the field policy (version {}) does not allow this field: Kith may not hold it", self.version),
            )
        };
        let filled = [
            ("first_name", data.first_name.is_some()),
            ("last_name", data.last_name.is_some()),
            ("emails", !data.emails.is_empty()),
            ("phones", !data.phones.is_empty()),
            ("address", data.address.is_some()),
            ("job_title", data.job_title.is_some()),
            ("notes", data.notes.is_some()),
        ];
        for (key, is_filled) in filled {
            if is_filled && written(key) && !self.allows(key) {
                refuse(&mut inv, key);
            }
        }
        let mut out = BTreeMap::new();
        for (name, value) in &data.custom {
            let key = format!("{CUSTOM}{name}");
            if !written(&key) {
                out.insert(name.clone(), value.clone());
                continue;
            }
            match self.field(&key).filter(|f| f.enabled) {
                None => refuse(&mut inv, &key),
                Some(def) => match def.normalise(value) {
                    Ok(v) if v.is_empty() => {}
                    Ok(v) => {
                        out.insert(name.clone(), v);
                    }
                    Err(m) => inv.push(&key, m),
                },
            }
        }
        data.custom = out;
        inv.into_result()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::contact::Email;
    use uuid::Uuid;

    fn def(key: &str, kind: Option<FieldKind>, enabled: bool) -> FieldDef {
        FieldDef {
            key: key.into(),
            label: key.into(),
            kind,
            category: FieldCategory::Other,
            purposes: vec![PurposeId(Uuid::from_u128(1))],
            special: None,
            choices: vec![],
            enabled,
        }
    }

    #[test]
    fn values_for_fields_not_allowed_are_refused_by_name() {
        let policy = Policy {
            version: 3,
            fields: vec![
                def("first_name", None, true),
                def("emails", None, true),
                def("phones", None, false),
                def("custom.shoe_size", Some(FieldKind::Number), true),
            ],
        };
        let mut ok = ContactData {
            first_name: Some("Ada".into()),
            emails: vec![Email::parse("ada@example.com").unwrap()],
            custom: BTreeMap::from([("shoe_size".into(), " 38.5 ".into())]),
            ..Default::default()
        };
        policy.check(&mut ok).unwrap();
        assert_eq!(ok.custom["shoe_size"], "38.5");
        let mut bad = ContactData {
            job_title: Some("CTO".into()),
            custom: BTreeMap::from([("religion".into(), "x".into()), ("shoe_size".into(), "big".into())]),
            ..Default::default()
        };
        let e = policy.check(&mut bad).unwrap_err();
        let fields: Vec<&str> = e.0.iter().map(|f| f.field.as_str()).collect();
        assert_eq!(fields, ["job_title", "custom.religion", "custom.shoe_size"]);
        assert!(e.0[0].message.contains("field policy (version 3)"));
    }

    #[test]
    fn definitions_need_a_purpose_and_special_categories_a_reason() {
        let mut d = def("custom.allergies", Some(FieldKind::Text), true);
        d.purposes.clear();
        assert!(d.check().unwrap_err().0.iter().any(|f| f.field == "purposes"));
        let mut d = def("custom.allergies", Some(FieldKind::Text), true);
        d.special = Some((SpecialCategory::Health, "short".into()));
        assert!(d.check().unwrap_err().0.iter().any(|f| f.field == "special_reason"));
        d.special = Some((SpecialCategory::Health, "Catering at our events must avoid allergens.".into()));
        d.check().unwrap();
        let mut d = def("first_name", None, true);
        d.special = Some((SpecialCategory::Health, "not a special category at all".into()));
        assert!(d.check().is_err());
        assert!(def("custom.Bad-Name", Some(FieldKind::Text), true).check().is_err());
        assert!(def("birthday", None, true).check().is_err());
    }

    #[test]
    fn choices_dates_and_numbers_normalise() {
        let mut d = def("custom.size", Some(FieldKind::MultiChoice), true);
        d.choices = vec!["S".into(), "M".into(), "L".into()];
        assert_eq!(d.normalise("L, S, L").unwrap(), "L, S");
        assert!(d.normalise("XL").is_err());
        let n = def("custom.n", Some(FieldKind::Number), true);
        for good in ["0", "-3.5", "42"] {
            assert!(n.normalise(good).is_ok(), "{good}");
        }
        for bad in ["", "-", "1e5", "3.", ".5", "1,5", "NaN"] {
            assert!(n.normalise(bad).is_err(), "{bad}");
        }
        assert_eq!(parse_date("2026-01-31").as_deref(), Some("2026-01-31"));
        assert_eq!(parse_date("31/01/2026").as_deref(), Some("2026-01-31"));
        assert_eq!(parse_date("31.01.2026").as_deref(), Some("2026-01-31"));
        // Excel serials: 45322 is 2024-01-31; 61 is 1900-03-01.
        assert_eq!(parse_date("45322").as_deref(), Some("2024-01-31"));
        assert_eq!(parse_date("61").as_deref(), Some("1900-03-01"));
        for bad in ["2026-02-30", "31/13/2026", "12", "yesterday", ""] {
            assert!(parse_date(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn original_times_are_read_in_the_usual_spellings() {
        let t = |v: &str| parse_time(v).map(|t| t.unix_timestamp());
        let nine_thirty = time::macros::datetime!(2024-03-01 09:30 UTC).unix_timestamp();
        assert_eq!(t("2024-03-01T09:30:00Z"), Some(nine_thirty));
        assert_eq!(t("2024-03-01T10:30:00+01:00"), Some(nine_thirty));
        assert_eq!(t("2024-03-01 09:30"), Some(nine_thirty));
        assert_eq!(t("01/03/2024 09:30:00"), Some(nine_thirty));
        assert_eq!(t("2024-03-01"), Some(nine_thirty - 9 * 3600 - 1800));
        assert_eq!(t("45352"), t("2024-03-01"), "a spreadsheet serial day");
        let far = ["9999-12-31T23:30:00-01:00", "0042-01-01T00:00:00Z", "3000-01-01T00:00:00Z"];
        for bad in ["2024-03-01 25:00", "2024-03-01 09:30:00:00", "yesterday", "", "2024-03-01 9"].iter().chain(&far) {
            assert!(parse_time(bad).is_none(), "{bad}");
        }
    }
}
