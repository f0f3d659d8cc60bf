//! The demo's people: the showcase names, then generated ones spread over
//! the cultures, most of them working for a company of their country.

use super::companies::DemoCompany;
use super::cultures::{CULTURES, SHOWCASE};
use super::users::Owners;
use crate::error::CliError;
use crate::rng::Rng;
use kith_app::contacts::NewContact;
use kith_app::{App, Principal};
use kith_domain::{Address, CompanyId, ContactData, Email, Phone, SubjectId};
use std::collections::HashSet;

const CONTACTS: usize = 300;
const TAGS: [(&str, u64); 5] = [("vip", 10), ("newsletter", 40), ("partner", 15), ("prospect", 30), ("event-2026", 20)];

/// The contacts made, each with the company (its index) it works for and
/// its owner (an index into the owners).
pub(super) struct Contacts {
    pub(super) ids: Vec<SubjectId>,
    pub(super) company: Vec<Option<usize>>,
    pub(super) owner: Vec<usize>,
    /// The language Kith writes to each in (from their culture).
    pub(super) language: Vec<&'static str>,
}

/// Generates and creates the demo contacts, a hundred per batch.
pub(super) async fn seed_contacts(
    app: &App,
    p: &Principal,
    rng: &mut Rng,
    owners: &Owners,
    companies: &[(CompanyId, &'static DemoCompany)],
) -> Result<Contacts, CliError> {
    // People: a few fixed ones first (so the showcase names always exist),
    // then generated ones.
    let mut people: Vec<(usize, String, String)> =
        SHOWCASE.iter().map(|(cult, first, last)| (*cult, (*first).to_owned(), (*last).to_owned())).collect();
    while people.len() < CONTACTS {
        let cult = rng.weighted(&CULTURES.map(|c| c.weight));
        let c = &CULTURES[cult];
        let female = rng.chance(50);
        let first = if female { rng.pick(c.female) } else { rng.pick(c.male) };
        let last = rng.pick(c.surnames);
        let last = if female { format!("{last}{}", c.feminine_suffix) } else { (*last).to_owned() };
        people.push((cult, (*first).to_owned(), last));
    }

    let mut used_emails = HashSet::new();
    let mut batch = Vec::new();
    let mut contact_company = Vec::new();
    let mut contact_owner = Vec::new();
    let mut contact_language = Vec::new();
    for (i, (cult, first, last)) in people.into_iter().enumerate() {
        let c = &CULTURES[cult];
        let mine: Vec<usize> = (0..companies.len()).filter(|&k| companies[k].1.culture == cult).collect();
        let company = (rng.chance(85) && !mine.is_empty()).then(|| *rng.pick(&mine));
        let domain = company.and_then(|k| companies[k].1.domain).unwrap_or(c.tld);
        let mut emails = Vec::new();
        if rng.chance(95) {
            let (f, l) = (ascii(&first), ascii(&last));
            let local =
                if rng.chance(25) { format!("{}.{l}", f.chars().next().unwrap_or('x')) } else { format!("{f}.{l}") };
            emails.push(unique_email(&mut used_emails, &local, domain)?);
            if company.is_some() && rng.chance(10) {
                emails.push(unique_email(&mut used_emails, &format!("{f}{l}"), c.tld)?);
            }
        }
        let mut phones = vec![parse_phone((c.phone)(i as u32))?];
        if rng.chance(20) {
            phones.push(parse_phone((c.phone)(5000 + i as u32))?);
        }
        let address = rng.chance(35).then(|| {
            let (city, postal, region) = *rng.pick(c.cities);
            let (street, number) = (rng.pick(c.streets), rng.range(1, 180));
            Address {
                street: Some(if c.number_first { format!("{number} {street}") } else { format!("{street} {number}") }),
                postal_code: Some(postal.into()),
                city: Some(city.into()),
                region: region.map(Into::into),
                country: Some(c.country.into()),
            }
        });
        let data = ContactData {
            first_name: Some(first),
            last_name: Some(last),
            emails,
            phones,
            address,
            job_title: rng.chance(90).then(|| (*rng.pick(&JOB_TITLES)).to_owned()),
            notes: rng.chance(25).then(|| (*rng.pick(&CONTACT_NOTES)).to_owned()),
            custom: Default::default(),
        };
        let tags = TAGS.iter().filter(|(_, pct)| rng.chance(*pct)).map(|(t, _)| (*t).to_owned()).collect();
        let o = owners.pick(rng, 50);
        contact_owner.push(o);
        // Demo contacts are fictitious; they are labelled as imported from the demo set.
        let source = kith_domain::Provenance {
            kind: kith_domain::SourceKind::Import,
            reference: Some("kith demo (fictitious data)".into()),
            detail: Some(format!("row {}", i + 1)),
            user: None,
            at: time::OffsetDateTime::now_utc(),
            created_in_source: None,
        };
        batch.push(NewContact {
            owner: Some(owners.0[o].user),
            company: company.map(|k| companies[k].0),
            tags,
            data,
            source: Some(source),
        });
        contact_company.push(company);
        contact_language.push(match c.country {
            "Italia" => "it",
            "France" => "fr",
            "България" => "bg",
            "Deutschland" => "de",
            "España" => "es",
            _ => "en",
        });
    }
    let mut contact_ids: Vec<SubjectId> = Vec::with_capacity(batch.len());
    let mut rest = batch;
    while !rest.is_empty() {
        let tail = rest.split_off(rest.len().min(100));
        contact_ids
            .extend(app.create_contacts(p, rest).await.map_err(CliError::app("demo data: cannot create contacts"))?);
        rest = tail;
    }
    Ok(Contacts { ids: contact_ids, company: contact_company, owner: contact_owner, language: contact_language })
}

fn parse_phone(s: String) -> Result<Phone, CliError> {
    Phone::parse(&s).map_err(|_| CliError::Other(format!("demo data: bad phone number {s}")))
}

fn unique_email(used: &mut HashSet<String>, local: &str, domain: &str) -> Result<Email, CliError> {
    let mut candidate = format!("{local}@{domain}");
    let mut n = 2;
    while !used.insert(candidate.clone()) {
        candidate = format!("{local}{n}@{domain}");
        n += 1;
    }
    Email::parse(&candidate).map_err(|_| CliError::Other(format!("demo data: bad email address {candidate}")))
}

/// A name as the ASCII of an email address: Cyrillic transliterated,
/// umlauts spelled out, other accents dropped, spaces and apostrophes gone.
fn ascii(name: &str) -> String {
    let mut out = String::new();
    for ch in name.to_lowercase().chars() {
        let t = match ch {
            'а' | 'ъ' => "a",
            'б' => "b",
            'в' => "v",
            'г' => "g",
            'д' => "d",
            'е' => "e",
            'ж' => "zh",
            'з' => "z",
            'и' => "i",
            'й' | 'ь' => "y",
            'к' => "k",
            'л' => "l",
            'м' => "m",
            'н' => "n",
            'о' => "o",
            'п' => "p",
            'р' => "r",
            'с' => "s",
            'т' => "t",
            'у' => "u",
            'ф' => "f",
            'х' => "h",
            'ц' => "ts",
            'ч' => "ch",
            'ш' => "sh",
            'щ' => "sht",
            'ю' => "yu",
            'я' => "ya",
            'ä' => "ae",
            'ö' => "oe",
            'ü' => "ue",
            'ß' => "ss",
            _ => {
                out.extend(kith_domain::normalize::fold(&ch.to_string()).chars().filter(char::is_ascii_alphanumeric));
                continue;
            }
        };
        out.push_str(t);
    }
    out
}

const JOB_TITLES: [&str; 16] = [
    "Owner",
    "Managing Director",
    "Head of Purchasing",
    "Procurement Specialist",
    "Sales Manager",
    "Marketing Manager",
    "Office Manager",
    "CFO",
    "Operations Director",
    "IT Manager",
    "Head Chef",
    "Sommelier",
    "Logistics Coordinator",
    "Accountant",
    "Brand Manager",
    "Store Manager",
];

const CONTACT_NOTES: [&str; 8] = [
    "Prefers email over phone calls.",
    "Speaks English and German; Italian for small talk.",
    "Assistant handles scheduling; copy her on invitations.",
    "Met at the Fictitious Expo 2025.",
    "Decision maker for orders above 10,000 EUR.",
    "Говори английски и немски.",
    "Not available in August.",
    "Referred by a partner agency.",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_transliterates() {
        assert_eq!(ascii("Цветелина"), "tsvetelina");
        assert_eq!(ascii("Niccolò"), "niccolo");
        assert_eq!(ascii("D'Angelo"), "dangelo");
        assert_eq!(ascii("Weiß"), "weiss");
        assert_eq!(ascii("Müller"), "mueller");
        assert_eq!(ascii("María José"), "mariajose");
    }
}
