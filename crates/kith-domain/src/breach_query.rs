//! Finding the people a breach affects (Art. 33(3)(a), 34): the query's
//! dimensions, checked; the facets a contact keeps in clear so a query over
//! a million people need not open every record; the breakdown of a result
//! by data category and country; and the supervisory authorities concerned.

use crate::geo::{authority_of, Authority, Country};
use crate::policy::{FieldCategory, FieldDef, SpecialCategory};
use crate::{ContactData, Invalid, RecipientId, SourceKind, UserId};
use std::collections::{BTreeMap, BTreeSet};
use time::OffsetDateTime;
use uuid::Uuid;

/// The audit actions that open or export a contact's values: what "user X
/// accessed these people" means. Every action of the app that shows, sends
/// out or unseals a person's values is here (`breach_query_tests` lists
/// them): reading and listing contacts, exports (made and downloaded), the
/// consent record and receipt, interactions, a queued mail's text
/// (`mail.read`), the sealed before/after values of an audit entry
/// (`audit.detail`), the self-service portal (`portal.view`) and a
/// segment's audience exported for an outside mailer (`segment.export`).
pub const ACCESS_ACTIONS: &[&str] = &[
    "contact.read",
    "contact.list",
    "contact.export",
    "segment.export",
    "export.create",
    "export.download",
    "consent.read",
    "consent.receipt",
    "interaction.read",
    "interaction.list",
    "mail.read",
    "audit.detail",
    "portal.view",
];

/// How many people a result page lists at most.
pub const MAX_PAGE: i64 = 200;

/// The country facet of a contact: the address's country as an ISO 3166-1
/// alpha-2 code (given as a code or as its English short name), none when
/// absent or not recognised.
pub fn facet_country(data: &ContactData) -> Option<Country> {
    let raw = data.address.as_ref()?.country.as_deref()?.trim();
    if raw.len() == 2 {
        if let Ok(c) = Country::parse(raw) {
            return Some(c);
        }
    }
    let folded = raw.to_lowercase();
    crate::geo::COUNTRIES.iter().find(|(_, n)| n.to_lowercase() == folded).and_then(|(c, _)| Country::parse(c).ok())
}

/// The field facet of a contact: the keys of the policy fields that hold a
/// value (never the values), sorted, each between commas (`,emails,first_name,`;
/// `,` when none), so one `LIKE '%,key,%'` finds a field.
pub fn facet_fields(data: &ContactData) -> String {
    let mut keys: BTreeSet<String> = BTreeSet::new();
    let some = |v: &Option<String>| v.as_deref().is_some_and(|s| !s.trim().is_empty());
    for (key, held) in [
        ("first_name", some(&data.first_name)),
        ("last_name", some(&data.last_name)),
        ("emails", !data.emails.is_empty()),
        ("phones", !data.phones.is_empty()),
        ("address", data.address.as_ref().is_some_and(|a| !a.is_empty())),
        ("job_title", some(&data.job_title)),
        ("notes", some(&data.notes)),
    ] {
        if held {
            keys.insert(key.to_owned());
        }
    }
    for (k, v) in &data.custom {
        if !v.trim().is_empty() {
            keys.insert(format!("{}{k}", crate::policy::CUSTOM));
        }
    }
    let mut s = String::from(",");
    for k in keys {
        s.push_str(&k);
        s.push(',');
    }
    s
}

/// The field keys of a stored field facet.
pub fn facet_keys(facet: &str) -> impl Iterator<Item = &str> {
    facet.split(',').filter(|k| !k.is_empty())
}

/// A data category a query can name: a field category of the policy or a
/// special category (Art. 9–10).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum DataCategory {
    Field(FieldCategory),
    Special(SpecialCategory),
}

impl DataCategory {
    pub fn parse(s: &str) -> Option<DataCategory> {
        FieldCategory::parse(s)
            .map(DataCategory::Field)
            .or_else(|| SpecialCategory::parse(s).map(DataCategory::Special))
    }

    pub fn as_str(self) -> &'static str {
        match self {
            DataCategory::Field(c) => c.as_str(),
            DataCategory::Special(c) => c.as_str(),
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            DataCategory::Field(c) => c.label(),
            DataCategory::Special(c) => c.label(),
        }
    }

    /// Every category, field categories first.
    pub fn all() -> Vec<DataCategory> {
        FieldCategory::ALL
            .iter()
            .map(|c| DataCategory::Field(*c))
            .chain(SpecialCategory::ALL.iter().map(|c| DataCategory::Special(*c)))
            .collect()
    }

    /// Whether a field of the policy is of this category.
    pub fn holds(self, f: &FieldDef) -> bool {
        match self {
            DataCategory::Field(c) => f.category == c,
            DataCategory::Special(c) => f.special.as_ref().is_some_and(|(s, _)| *s == c),
        }
    }
}

impl serde::Serialize for DataCategory {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// The keys of the policy's fields of each category (categories with no
/// field are left out).
pub fn fields_by_category(fields: &[FieldDef]) -> Vec<(DataCategory, Vec<String>)> {
    DataCategory::all()
        .into_iter()
        .map(|c| (c, fields.iter().filter(|f| c.holds(f)).map(|f| f.key.clone()).collect::<Vec<_>>()))
        .filter(|(_, keys)| !keys.is_empty())
        .collect()
}

/// A query for the people a breach affects. Every dimension is optional;
/// they combine with AND.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct AffectedQuery {
    /// The time window (start inclusive, end exclusive).
    #[serde(with = "time::serde::rfc3339::option")]
    pub from: Option<OffsetDateTime>,
    #[serde(with = "time::serde::rfc3339::option")]
    pub to: Option<OffsetDateTime>,
    /// With a window: the people whose record this user opened or exported
    /// in it (the audit trail). Without: the people whose record existed.
    pub actor: Option<UserId>,
    /// People with a value in a field of one of these categories.
    pub categories: Vec<DataCategory>,
    /// People with a basis or a given consent for a purpose this recipient
    /// receives data for.
    pub recipient: Option<RecipientId>,
    /// People whose address is in one of these countries.
    pub countries: Vec<Country>,
    /// How the contact entered Kith.
    pub source: Option<SourceKind>,
    /// The people an import run created or updated.
    pub import_run: Option<Uuid>,
    /// The people who answered through this consent form.
    pub form: Option<Uuid>,
    /// List each affected country's authority even when the controller has
    /// a lead authority.
    pub per_country: bool,
}

/// A query as a client sends it: words, checked by [`AffectedQuery::check`].
#[derive(Clone, Debug, Default)]
pub struct QueryInput {
    pub from: Option<String>,
    pub to: Option<String>,
    pub actor: Option<String>,
    pub categories: Vec<String>,
    pub recipient: Option<String>,
    pub countries: Vec<String>,
    pub source: Option<String>,
    pub import_run: Option<String>,
    pub form: Option<String>,
    pub per_country: bool,
}

fn blank(v: &Option<String>) -> Option<&str> {
    v.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

fn uuid_of(inv: &mut Invalid, field: &str, v: &Option<String>) -> Option<Uuid> {
    let s = blank(v)?;
    match Uuid::parse_str(s) {
        Ok(u) => Some(u),
        Err(_) => {
            inv.push(field, "must be an id (UUID)");
            None
        }
    }
}

impl AffectedQuery {
    /// Checks a query: times in RFC 3339 (or a date, taken as midnight UTC),
    /// the end after the start, an actor only with a whole window, known
    /// categories, sources and ISO country codes, ids that are UUIDs.
    /// Whether the ids name existing things is the caller's check.
    pub fn check(i: &QueryInput) -> Result<AffectedQuery, Invalid> {
        let mut inv = Invalid::default();
        let time_of = |field: &str, v: &Option<String>, inv: &mut Invalid| {
            let s = blank(v)?;
            let t = crate::policy::parse_time(s);
            if t.is_none() {
                inv.push(field, "must be a date or an RFC 3339 time");
            }
            t
        };
        let from = time_of("from", &i.from, &mut inv);
        let to = time_of("to", &i.to, &mut inv);
        if let (Some(f), Some(t)) = (from, to) {
            if t <= f {
                inv.push("to", "the window must end after it starts");
            }
        }
        let actor = uuid_of(&mut inv, "actor", &i.actor).map(UserId);
        if actor.is_some() && (from.is_none() || to.is_none()) {
            inv.push("actor", "who accessed needs a window with a start and an end");
        }
        let mut categories = Vec::new();
        for c in i.categories.iter().map(|c| c.trim()).filter(|c| !c.is_empty()) {
            match DataCategory::parse(c) {
                Some(c) if !categories.contains(&c) => categories.push(c),
                Some(_) => {}
                None => inv.push("categories", "unknown data category"),
            }
        }
        let mut countries = Vec::new();
        for c in i.countries.iter().map(|c| c.trim()).filter(|c| !c.is_empty()) {
            match Country::parse(c) {
                Ok(c) if !countries.contains(&c) => countries.push(c),
                Ok(_) => {}
                Err(_) => inv.push("countries", "not an ISO 3166-1 alpha-2 country code"),
            }
        }
        let source = match blank(&i.source) {
            Some(s) => match SourceKind::parse(s) {
                Some(k) => Some(k),
                None => {
                    inv.push("source", "unknown source (manual, web_form, import, api)");
                    None
                }
            },
            None => None,
        };
        let recipient = uuid_of(&mut inv, "recipient", &i.recipient).map(RecipientId);
        let import_run = uuid_of(&mut inv, "import_run", &i.import_run);
        let form = uuid_of(&mut inv, "form", &i.form);
        inv.into_result()?;
        Ok(AffectedQuery {
            from,
            to,
            actor,
            categories,
            recipient,
            countries,
            source,
            import_run,
            form,
            per_country: i.per_country,
        })
    }
}

/// How many people of a result hold data of a category.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct CategoryCount {
    pub category: DataCategory,
    pub people: i64,
}

/// How many people of a result live in a country (none: unknown).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct CountryCount {
    pub country: Option<Country>,
    pub people: i64,
}

/// An authority concerned by a breach, and why.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Concerned {
    pub authority: Authority,
    /// The lead authority (the controller's establishment), not one of the
    /// per-country list.
    pub lead: bool,
    /// The affected people in its country.
    pub people: i64,
}

/// A result's breakdown: by data category, by country, and the
/// authorities concerned.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct Breakdown {
    pub people: i64,
    pub by_category: Vec<CategoryCount>,
    pub by_country: Vec<CountryCount>,
    pub authorities: Vec<Concerned>,
    /// How many contacts had no facets yet when it was computed (written
    /// before the facets existed or by an older server, and not filled
    /// yet): the result may miss some of them.
    pub not_indexed: i64,
}

/// Folds the groups a store counted (country, field facet, people) into the
/// breakdown: a person counts in each category one of their fields is of.
pub fn breakdown(groups: &[(Option<String>, String, i64)], categories: &[(DataCategory, Vec<String>)]) -> Breakdown {
    let mut by_country: BTreeMap<Option<Country>, i64> = BTreeMap::new();
    let mut by_cat: BTreeMap<DataCategory, i64> = BTreeMap::new();
    let mut people = 0;
    for (country, fields, n) in groups {
        people += n;
        let c = country.as_deref().and_then(|c| Country::parse(c).ok());
        *by_country.entry(c).or_default() += n;
        let keys: BTreeSet<&str> = facet_keys(fields).collect();
        for (cat, cat_keys) in categories {
            if cat_keys.iter().any(|k| keys.contains(k.as_str())) {
                *by_cat.entry(*cat).or_default() += n;
            }
        }
    }
    let mut by_country: Vec<CountryCount> =
        by_country.into_iter().map(|(country, people)| CountryCount { country, people }).collect();
    by_country.sort_by(|a, b| b.people.cmp(&a.people).then(a.country.cmp(&b.country)));
    Breakdown {
        people,
        by_category: by_cat.into_iter().map(|(category, people)| CategoryCount { category, people }).collect(),
        by_country,
        authorities: Vec::new(),
        not_indexed: 0,
    }
}

/// The authorities concerned (Art. 55–56): the lead authority, that of the
/// controller's EEA establishment, when it has one; otherwise (no EU
/// establishment: the controller's country is outside the EEA or unknown),
/// or when `per_country` forces it, the authority of each EEA country with
/// affected people, most people first.
pub fn authorities(controller: Option<Country>, by_country: &[CountryCount], per_country: bool) -> Vec<Concerned> {
    let lead = controller.and_then(|c| authority_of(c.code()));
    let mut out = Vec::new();
    if let Some(a) = lead {
        let people = by_country.iter().filter(|c| c.country == controller).map(|c| c.people).sum();
        out.push(Concerned { authority: *a, lead: true, people });
    }
    if lead.is_none() || per_country {
        for c in by_country {
            let Some(a) = c.country.and_then(|k| authority_of(k.code())) else { continue };
            if lead.is_some_and(|l| l.country == a.country) {
                continue;
            }
            out.push(Concerned { authority: *a, lead: false, people: c.people });
        }
    }
    out
}

#[cfg(test)]
#[path = "breach_query_tests.rs"]
mod tests;
