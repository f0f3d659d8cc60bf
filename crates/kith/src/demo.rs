//! Demo data: fills an empty CRM with a few hundred fictitious records so a
//! newcomer sees a living CRM. Everything goes through the `kith_app` use
//! cases, so it is validated and audited like any other write: as the
//! command-line operator, except interactions, which the contacts' owners
//! (demo users) record, as an interaction's author must be a user. All names, addresses and numbers are invented: domains
//! are under `example.*`, phone numbers are in zero-filled ranges.
//!
//! The records come from a small seeded generator, so every run produces
//! the same data (only ids, timestamps and the demo passwords differ).

use crate::error::CliError;
use kith_app::companies::CompanyFields;
use kith_app::contacts::NewContact;
use kith_app::deals::DealFields;
use kith_app::interactions::NewInteraction;
use kith_app::{App, AppError, Principal};
use kith_domain::{Address, CompanyId, ContactData, Email, InteractionKind, Phone, Role, SubjectId};
use std::collections::HashSet;

/// What a seed did.
#[derive(Debug, Default)]
pub struct DemoSummary {
    /// Set when the CRM already held contacts: then nothing was added.
    pub existing_contacts: Option<i64>,
    pub companies: usize,
    pub contacts: usize,
    pub interactions: usize,
    pub deals: usize,
    /// Deals per pipeline stage, in pipeline order.
    pub deals_by_stage: Vec<(&'static str, usize)>,
    /// Stage moves made with `move_deal` (each one is in a deal's history).
    pub stage_moves: usize,
    pub users: Vec<DemoUser>,
    /// Consent events recorded (given, some later withdrawn).
    pub consents: usize,
    /// Data-subject requests filed (one overdue, one waiting, one done, one new).
    pub requests: usize,
}

/// A demo staff user and, if this seed created it, its password.
pub struct DemoUser {
    pub email: &'static str,
    pub role: Role,
    /// `None` when the user already existed (its password was left alone).
    pub password: Option<String>,
}

impl std::fmt::Debug for DemoUser {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "DemoUser({}, {}, <password redacted>)", self.email, self.role.as_str())
    }
}

const USERS: [(&str, Role); 4] = [
    ("demo-admin@kith.example", Role::Admin),
    ("demo-sales@kith.example", Role::Sales),
    ("demo-marketing@kith.example", Role::Marketing),
    ("demo-dpo@kith.example", Role::Dpo),
];

const STAGES: [&str; 6] = ["lead", "qualified", "proposal", "negotiation", "won", "lost"];
const TAGS: [(&str, u64); 5] = [("vip", 10), ("newsletter", 40), ("partner", 15), ("prospect", 30), ("event-2026", 20)];
const CONTACTS: usize = 300;
const DEALS: usize = 60;
const SEED: u64 = 0x4B17_4DE3_0C0F_FEE5;

/// Prints a seed's outcome to stdout (never to the log: it holds passwords).
pub fn print_summary(s: &DemoSummary, listen: &str) {
    if let Some(n) = s.existing_contacts {
        println!("demo data not added: the CRM already holds {n} contacts");
        return;
    }
    println!(
        "demo data added: {} companies, {} contacts, {} interactions, {} deals ({} stage moves)",
        s.companies, s.contacts, s.interactions, s.deals, s.stage_moves
    );
    let stages: Vec<String> = s.deals_by_stage.iter().map(|(k, n)| format!("{k} {n}")).collect();
    println!("deals by stage: {}", stages.join(", "));
    println!(
        "consent: 3 purposes, a notice, 2 subscription types, the public form /f/newsletter, {} consent events (receipts wait in the outbox)",
        s.consents
    );
    println!(
        "data-subject requests: {} in the queue (Privacy → Requests): one overdue, one waiting on the person, one completed",
        s.requests
    );
    println!("demo users (passwords are shown only now):");
    for u in &s.users {
        match &u.password {
            Some(pw) => println!("  {:<30} {:<10} {pw}", u.email, u.role.as_str()),
            None => println!("  {:<30} {:<10} (already existed; password unchanged)", u.email, u.role.as_str()),
        }
    }
    println!("Sign in at http://{listen}/login");
}

/// Seeds an empty CRM; does nothing if it holds any contact.
pub async fn seed(app: &App) -> Result<DemoSummary, CliError> {
    let existing = app.store().count_contacts().await.map_err(CliError::store("cannot count contacts"))?;
    if existing > 0 {
        return Ok(DemoSummary { existing_contacts: Some(existing), ..Default::default() });
    }
    let p = Principal::cli();
    let mut rng = Rng(SEED);
    let mut summary = DemoSummary::default();

    let mut owners: Vec<Principal> = Vec::new();
    for (email, role) in USERS {
        let password = new_password();
        let (id, password) = match app.add_user(&p, email, role, &password).await {
            Ok(u) => (u.id, Some(password)),
            Err(AppError::Conflict(_)) => {
                (app.user_by_email(&p, email).await.map_err(CliError::app("demo data: cannot find a user"))?.id, None)
            }
            Err(e) => return Err(CliError::app("demo data: cannot add a user")(e)),
        };
        if role.can_write_crm() {
            owners.push(Principal { user: id, role, request_id: uuid::Uuid::now_v7().to_string(), token: None });
        }
        summary.users.push(DemoUser { email, role, password });
    }
    // An owner: its index in `owners`.
    let owner = |rng: &mut Rng, sales_pct: u64| -> usize {
        let r = rng.range(0, 99);
        let role = if r < sales_pct {
            Role::Sales
        } else if r < sales_pct + (100 - sales_pct) / 2 {
            Role::Marketing
        } else {
            Role::Admin
        };
        owners.iter().position(|o| o.role == role).unwrap_or(0)
    };

    let mut companies: Vec<(CompanyId, &DemoCompany)> = Vec::new();
    for c in &COMPANIES {
        let fields = CompanyFields {
            name: c.name.into(),
            domain: c.domain.map(Into::into),
            address: c.address.map(Into::into),
            industry: Some(c.industry.into()),
        };
        let made =
            app.create_company(&p, fields, None).await.map_err(CliError::app("demo data: cannot create a company"))?;
        companies.push((made.id, c));
    }
    summary.companies = companies.len();

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
        let o = owner(&mut rng, 50);
        contact_owner.push(o);
        // Demo contacts are fictitious; they are labelled as imported from the demo set.
        let source = kith_domain::Provenance {
            kind: kith_domain::SourceKind::Import,
            reference: Some("kith demo (fictitious data)".into()),
            detail: Some(format!("row {}", i + 1)),
            user: None,
            at: time::OffsetDateTime::now_utc(),
        };
        batch.push(NewContact {
            owner: Some(owners[o].user),
            company: company.map(|k| companies[k].0),
            tags,
            data,
            source: Some(source),
        });
        contact_company.push(company);
    }
    let mut contact_ids: Vec<SubjectId> = Vec::with_capacity(batch.len());
    let mut rest = batch;
    while !rest.is_empty() {
        let tail = rest.split_off(rest.len().min(100));
        contact_ids
            .extend(app.create_contacts(&p, rest).await.map_err(CliError::app("demo data: cannot create contacts"))?);
        rest = tail;
    }
    summary.contacts = contact_ids.len();

    // 1 to 5 interactions per contact, over the past year, recorded by the
    // contact's owner (the operator at the command line is no user, so an
    // interaction could not name it as its author).
    let now = time::OffsetDateTime::now_utc();
    let mut by_owner: Vec<Vec<(SubjectId, NewInteraction)>> = vec![Vec::new(); owners.len()];
    for (id, o) in contact_ids.iter().zip(&contact_owner) {
        for _ in 0..rng.range(1, 5) {
            let (kind, bodies) = match rng.below(4) {
                0 => (InteractionKind::Note, &NOTE_BODIES),
                1 => (InteractionKind::Call, &CALL_BODIES),
                2 => (InteractionKind::Email, &EMAIL_BODIES),
                _ => (InteractionKind::Meeting, &MEETING_BODIES),
            };
            let ago = time::Duration::minutes(rng.range(30, 365 * 24 * 60) as i64);
            by_owner[*o]
                .push((*id, NewInteraction { kind, occurred_at: Some(now - ago), body: (*rng.pick(bodies)).into() }));
        }
    }
    for (author, mut items) in owners.iter().zip(by_owner) {
        summary.interactions += items.len();
        while !items.is_empty() {
            let tail = items.split_off(items.len().min(500));
            app.create_interactions(author, items)
                .await
                .map_err(CliError::app("demo data: cannot record interactions"))?;
            items = tail;
        }
    }

    // Deals: ten per stage; most of them created as leads and walked through
    // the pipeline with `move_deal`, so their history shows the way they came.
    let with_people: Vec<usize> = (0..companies.len()).filter(|&k| contact_company.contains(&Some(k))).collect();
    if with_people.is_empty() {
        return Err(CliError::Other("demo data: no company got any contact".into()));
    }
    let mut by_stage = [0; STAGES.len()];
    for i in 0..DEALS {
        let target = i % STAGES.len();
        let path: Vec<&str> = match STAGES[target] {
            "won" => STAGES[..5].to_vec(),
            "lost" => {
                let mut p = STAGES[..=rng.below(4)].to_vec();
                p.push("lost");
                p
            }
            _ => STAGES[..=target].to_vec(),
        };
        let start = if rng.chance(60) { 0 } else { path.len() - 1 };
        let k = *rng.pick(&with_people);
        let (company_id, company) = companies[k];
        let mut people: Vec<SubjectId> =
            (0..contact_ids.len()).filter(|&j| contact_company[j] == Some(k)).map(|j| contact_ids[j]).collect();
        rng.shuffle(&mut people);
        people.truncate(rng.range(1, 3) as usize);
        let fields = DealFields {
            title: format!("{} – {}", rng.pick(&DEAL_TITLES), company.short),
            stage: Some(path[start].into()),
            amount_minor: Some(rng.range(15, 2500) as i64 * 100 * 100),
            currency: Some("EUR".into()),
            owner: Some(owners[owner(&mut rng, 70)].user),
            company: Some(company_id),
            contacts: people,
        };
        let deal = app.create_deal(&p, fields, None).await.map_err(CliError::app("demo data: cannot create a deal"))?;
        for stage in &path[start + 1..] {
            app.move_deal(&p, deal.id, (*stage).into())
                .await
                .map_err(CliError::app("demo data: cannot move a deal"))?;
            summary.stage_moves += 1;
        }
        summary.deals += 1;
        by_stage[target] += 1;
    }
    summary.deals_by_stage = STAGES.into_iter().zip(by_stage).collect();
    summary.consents = seed_consent(app, &p).await?;
    summary.requests = crate::demo_requests::seed_requests(app, &p, &contact_ids).await?;
    Ok(summary)
}

/// Purposes, a notice, subscription types, a public form, bases by tag and
/// consent given (on the old website form) by the contacts tagged
/// `newsletter`, some of whom later withdrew.
async fn seed_consent(app: &App, p: &Principal) -> Result<usize, CliError> {
    use kith_app::bulk::{BulkAction, Selection};
    use kith_app::consent::{BasisAssignment, ConsentInput};
    use kith_app::contacts::ContactQuery;
    use kith_app::purposes::{FormFields, NoticeFields, PurposeFields, SubscriptionFields};
    use kith_domain::consent::BasisSource;
    use kith_domain::{Channel, ConsentAction, ConsentMethod, LawfulBasis};
    let purpose = |name: &str, description: &str, basis: LawfulBasis, cats: &[&str]| PurposeFields {
        name: name.into(),
        description: description.into(),
        default_basis: basis,
        data_categories: cats.iter().map(|c| (*c).to_owned()).collect(),
        retention: "2 years after the last interaction".into(),
        rule: Some(kith_domain::retention::Rule {
            anchor: kith_domain::retention::Anchor::LastInteraction,
            period: kith_domain::retention::Period { count: 2, unit: kith_domain::retention::PeriodUnit::Years },
            disposal: kith_domain::retention::Disposal::Delete,
        }),
        recipients: "Mail delivery provider (processor)".into(),
        direct_marketing: basis != LawfulBasis::Contract,
    };
    let news = app
        .create_purpose(
            p,
            purpose(
                "Newsletter",
                "A monthly email about our products.",
                LawfulBasis::Consent,
                &["contact", "identity"],
            ),
        )
        .await
        .map_err(CliError::app("demo data: cannot add a purpose"))?;
    let service = app
        .create_purpose(
            p,
            purpose(
                "Customer service",
                "Answering customers about their orders.",
                LawfulBasis::Contract,
                &["contact", "identity", "orders"],
            ),
        )
        .await
        .map_err(CliError::app("demo data: cannot add a purpose"))?;
    let events = app
        .create_purpose(
            p,
            purpose(
                "Event invitations",
                "Invitations to our trade-fair stands.",
                LawfulBasis::LegitimateInterests,
                &["contact", "professional"],
            ),
        )
        .await
        .map_err(CliError::app("demo data: cannot add a purpose"))?;
    let notice = app
        .create_notice(
            p,
            NoticeFields {
                name: "Privacy notice".into(),
                language: "en".into(),
                url: None,
                body: "Demo Controller processes your name and email to send what you ask for. You can withdraw at any time from the link in every message.".into(),
            },
        )
        .await
        .map_err(CliError::app("demo data: cannot publish a notice"))?;
    let sub = |name: &str, purpose, channels: Vec<Channel>| SubscriptionFields {
        name: name.into(),
        description: String::new(),
        purpose,
        channels,
    };
    let monthly = app
        .create_subscription_type(p, sub("Monthly newsletter", news.id, vec![Channel::Email]))
        .await
        .map_err(CliError::app("demo data: cannot add a subscription type"))?;
    let invites = app
        .create_subscription_type(p, sub("Event invitations", events.id, vec![Channel::Email, Channel::Post]))
        .await
        .map_err(CliError::app("demo data: cannot add a subscription type"))?;
    let form = FormFields {
        slug: "newsletter".into(),
        title: "Stay in touch".into(),
        intro: "Choose what you would like to receive. Nothing is ticked for you.".into(),
        logo_url: None,
        fields: vec!["first_name".into(), "last_name".into()],
        subscriptions: vec![monthly.id, invites.id],
        notice: notice.id,
        third_parties: vec!["Fiera Partner S.r.l.".into()],
        button: "Subscribe".into(),
        language: "en".into(),
        active: true,
    };
    app.save_form(p, None, form).await.map_err(CliError::app("demo data: cannot create a form"))?;
    let by_tag = |tag: &str| {
        let mut q = ContactQuery::default();
        q.filter.tag = Some(tag.into());
        Selection::Matching(Box::new(q))
    };
    let basis = |purpose, basis, lia: Option<&str>| {
        BulkAction::SetBasis(BasisAssignment {
            purpose,
            basis,
            source: BasisSource::Import,
            source_name: Some("crm-export-2025.csv".into()),
            lia_ref: lia.map(str::to_owned),
            effective_at: None,
            ends_at: None,
        })
    };
    for (tag, action) in [
        ("partner", basis(service.id, LawfulBasis::Contract, None)),
        ("vip", basis(service.id, LawfulBasis::Contract, None)),
        ("event-2026", basis(events.id, LawfulBasis::LegitimateInterests, Some("LIA-2026-03"))),
        ("newsletter", basis(news.id, LawfulBasis::Consent, None)),
    ] {
        app.bulk_apply(p, &by_tag(tag), &action)
            .await
            .map_err(CliError::app("demo data: cannot set a lawful basis"))?;
    }
    let mut q = ContactQuery::default();
    q.filter.tag = Some("newsletter".into());
    let ids = app.store().matching_ids(&q.filter, None, 1000).await.map_err(CliError::store("demo data"))?;
    let given_at = time::OffsetDateTime::now_utc() - time::Duration::days(200);
    let mut n = 0;
    for (i, id) in ids.iter().enumerate() {
        let c = ConsentInput {
            purpose: Some(news.id),
            action: Some(ConsentAction::Given),
            channels: vec![Channel::Email],
            method: Some(ConsentMethod::WebForm),
            at: Some(given_at),
            notice: Some(notice.id),
            affirmative_act: Some("ticked the unticked newsletter box on the 2025 website form".into()),
            evidence_ref: Some(format!("website form submission {}", 20_250_000 + i)),
            ..Default::default()
        };
        app.record_consent(p, *id, c).await.map_err(CliError::app("demo data: cannot record consent"))?;
        n += 1;
        if i % 7 == 3 {
            let w = ConsentInput {
                purpose: Some(news.id),
                action: Some(ConsentAction::Withdrawn),
                channels: vec![Channel::Email],
                method: Some(ConsentMethod::Api),
                at: Some(given_at + time::Duration::days(90)),
                ..Default::default()
            };
            app.record_consent(p, *id, w).await.map_err(CliError::app("demo data: cannot record a withdrawal"))?;
            n += 1;
        }
    }
    Ok(n)
}

/// A fresh password: 128 random bits as 32 hex digits. A v7 UUID (the only
/// kind this crate can make) carries a timestamp and a counter, but its last
/// 32 bits are fresh randomness on every call: four of them are used.
/// 256 random bits from the system's generator, URL-safe base64.
fn new_password() -> String {
    kith_app::new_secret()
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

/// splitmix64: small, fast, and the same sequence on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    /// Uniform in `lo..=hi`.
    fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.next() % (hi - lo + 1)
    }
    fn chance(&mut self, pct: u64) -> bool {
        self.next() % 100 < pct
    }
    fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len())]
    }
    fn weighted(&mut self, weights: &[u64]) -> usize {
        let mut r = self.next() % weights.iter().sum::<u64>();
        for (i, w) in weights.iter().enumerate() {
            if r < *w {
                return i;
            }
            r -= w;
        }
        weights.len() - 1
    }
    fn shuffle<T>(&mut self, xs: &mut [T]) {
        for i in (1..xs.len()).rev() {
            xs.swap(i, self.below(i + 1));
        }
    }
}

/// Where people come from: names, places and number formats.
#[derive(Clone, Copy)]
struct Culture {
    weight: u64,
    tld: &'static str,
    country: &'static str,
    male: &'static [&'static str],
    female: &'static [&'static str],
    surnames: &'static [&'static str],
    /// Appended to a surname for a woman (Петров → Петрова).
    feminine_suffix: &'static str,
    /// City, postal code, region.
    cities: &'static [(&'static str, &'static str, Option<&'static str>)],
    streets: &'static [&'static str],
    /// "12 rue …" rather than "Via … 12".
    number_first: bool,
    phone: fn(u32) -> String,
}

const IT: usize = 0;
const BG: usize = 1;
const DE: usize = 2;
const FR: usize = 3;
const ES: usize = 4;

fn phone_it(n: u32) -> String {
    format!("+39 06 0000 {:04}", n % 10_000)
}
fn phone_bg(n: u32) -> String {
    format!("+359 2 000 {:04}", n % 10_000)
}
fn phone_de(n: u32) -> String {
    format!("+49 30 0000 {:04}", n % 10_000)
}
fn phone_fr(n: u32) -> String {
    let n = n % 10_000;
    format!("+33 1 99 00 {:02} {:02}", n / 100, n % 100)
}
fn phone_es(n: u32) -> String {
    format!("+34 91 000 {:04}", n % 10_000)
}

static CULTURES: [Culture; 5] = [
    Culture {
        weight: 35,
        tld: "example.it",
        country: "Italia",
        male: &[
            "Niccolò",
            "Gianluca",
            "Mattia",
            "Lorenzo",
            "Alessandro",
            "Davide",
            "Tommaso",
            "Gabriele",
            "Riccardo",
            "Andrea",
            "Federico",
            "Salvatore",
        ],
        female: &[
            "Ilaria",
            "Caterina",
            "Giulia",
            "Chiara",
            "Federica",
            "Martina",
            "Beatrice",
            "Elisa",
            "Sofia",
            "Noemi",
            "Francesca",
            "Rosalba",
        ],
        surnames: &[
            "De Santis",
            "Bellè",
            "Rossi",
            "Esposito",
            "Colombo",
            "Ricci",
            "Marino",
            "Greco",
            "Bruno",
            "Gallo",
            "Conti",
            "De Luca",
            "Mancini",
            "Costa",
            "Giordano",
            "Rizzo",
            "Lombardi",
            "Moretti",
            "Fontana",
            "Caruso",
            "D'Angelo",
            "Lucà",
            "Santoro",
            "Parisi",
            "Sanò",
            "Cantù",
        ],
        feminine_suffix: "",
        cities: &[
            ("Roma", "00185", Some("RM")),
            ("Milano", "20121", Some("MI")),
            ("Bologna", "40121", Some("BO")),
            ("Torino", "10121", Some("TO")),
            ("Firenze", "50122", Some("FI")),
            ("Napoli", "80133", Some("NA")),
        ],
        streets: &[
            "Via Fittizia",
            "Via dei Mille Finti",
            "Corso Immaginario",
            "Piazza dell'Esempio",
            "Viale Inventato",
        ],
        number_first: false,
        phone: phone_it,
    },
    Culture {
        weight: 25,
        tld: "example.bg",
        country: "България",
        male: &["Иван", "Георги", "Димитър", "Николай", "Стоян", "Петър", "Христо", "Тодор", "Калоян", "Борислав"],
        female: &[
            "Мария",
            "Цветелина",
            "Елена",
            "Десислава",
            "Радостина",
            "Йорданка",
            "Гергана",
            "Милена",
            "Надежда",
            "Виолета",
        ],
        surnames: &[
            "Петров",
            "Георгиев",
            "Димитров",
            "Иванов",
            "Стоянов",
            "Николов",
            "Тодоров",
            "Христов",
            "Колев",
            "Ангелов",
            "Попов",
            "Маринов",
        ],
        feminine_suffix: "а",
        cities: &[
            ("София", "1000", None),
            ("Пловдив", "4000", None),
            ("Варна", "9000", None),
            ("Бургас", "8000", None),
            ("Русе", "7000", None),
        ],
        streets: &["ул. „Измислена“", "бул. „Примерен“", "ул. „Несъществуваща“", "ул. „Въображаема“"],
        number_first: false,
        phone: phone_bg,
    },
    Culture {
        weight: 15,
        tld: "example.org",
        country: "Deutschland",
        male: &["Jürgen", "Lukas", "Maximilian", "Jörg", "Felix", "Tobias", "Matthias"],
        female: &["Anneliese", "Sophie", "Lena", "Käthe", "Hannah", "Jana", "Ute"],
        surnames: &[
            "Müller",
            "Schäfer",
            "Weiß",
            "Köhler",
            "Hoffmann",
            "Becker",
            "Schröder",
            "Fuchs",
            "Groß",
            "Zimmermann",
        ],
        feminine_suffix: "",
        cities: &[
            ("Berlin", "10115", None),
            ("München", "80331", None),
            ("Hamburg", "20095", None),
            ("Köln", "50667", None),
            ("Leipzig", "04109", None),
        ],
        streets: &["Musterstraße", "Beispielweg", "Erfundene Allee", "Am Platzhalter"],
        number_first: false,
        phone: phone_de,
    },
    Culture {
        weight: 13,
        tld: "example.com",
        country: "France",
        male: &["Benoît", "Théo", "François", "Jérôme", "Gaël", "Loïc"],
        female: &["Élodie", "Chloé", "Amélie", "Hélène", "Camille", "Léa"],
        surnames: &["Lefèvre", "Dubois", "Moreau", "Girard", "Rousseau", "Fournier", "Mercier", "Bonnet", "Faure"],
        feminine_suffix: "",
        cities: &[
            ("Paris", "75011", None),
            ("Lyon", "69002", None),
            ("Marseille", "13001", None),
            ("Toulouse", "31000", None),
            ("Nantes", "44000", None),
        ],
        streets: &["rue Imaginaire", "avenue Fictive", "boulevard de l'Exemple", "place Inventée"],
        number_first: true,
        phone: phone_fr,
    },
    Culture {
        weight: 12,
        tld: "example.com",
        country: "España",
        male: &["José", "Álvaro", "Sergio", "Jesús", "Íñigo", "Andrés"],
        female: &["Lucía", "María José", "Inés", "Nuria", "Pilar", "Begoña"],
        surnames: &[
            "García",
            "Fernández",
            "López",
            "Martínez",
            "Sánchez",
            "Pérez",
            "Gómez",
            "Muñoz",
            "Núñez",
            "Ibáñez",
        ],
        feminine_suffix: "",
        cities: &[
            ("Madrid", "28001", None),
            ("Barcelona", "08001", None),
            ("Valencia", "46001", None),
            ("Sevilla", "41001", None),
            ("Bilbao", "48001", None),
        ],
        streets: &["Calle Ficticia", "Avenida del Ejemplo", "Plaza Inventada", "Paseo Imaginario"],
        number_first: false,
        phone: phone_es,
    },
];

/// Always seeded, so the examples in the docs and the test find them.
const SHOWCASE: [(usize, &str, &str); 10] = [
    (BG, "Иван", "Петров"),
    (BG, "Мария", "Георгиева"),
    (BG, "Цветелина", "Димитрова"),
    (IT, "Niccolò", "Lucà"),
    (IT, "Caterina", "De Santis"),
    (IT, "Mattia", "Bellè"),
    (IT, "Ilaria", "D'Angelo"),
    (DE, "Jürgen", "Weiß"),
    (FR, "Élodie", "Lefèvre"),
    (ES, "Lucía", "Núñez"),
];

struct DemoCompany {
    culture: usize,
    name: &'static str,
    short: &'static str,
    domain: Option<&'static str>,
    industry: &'static str,
    address: Option<&'static str>,
}

const fn co(
    culture: usize,
    name: &'static str,
    short: &'static str,
    domain: Option<&'static str>,
    industry: &'static str,
    address: Option<&'static str>,
) -> DemoCompany {
    DemoCompany { culture, name, short, domain, industry, address }
}

static COMPANIES: [DemoCompany; 42] = [
    co(
        IT,
        "Fictitious Trattoria Rossi S.r.l.",
        "Trattoria Rossi",
        Some("trattoria-rossi.example.it"),
        "Hospitality",
        Some("Via dei Fittizi 14, 00184 Roma"),
    ),
    co(
        IT,
        "Fictitious Cantina Bellè S.p.A.",
        "Cantina Bellè",
        Some("cantina-belle.example.it"),
        "Wine & beverages",
        Some("Strada del Vino Finto 3, 37029 San Pietro in Cariano (VR)"),
    ),
    co(
        IT,
        "Fictitious Caffè Lucà & Figli S.n.c.",
        "Caffè Lucà",
        Some("caffe-luca.example.it"),
        "Food & beverages",
        Some("Corso Immaginario 88, 10121 Torino"),
    ),
    co(
        IT,
        "Fictitious Tessitura Colombo S.r.l.",
        "Tessitura Colombo",
        Some("tessitura-colombo.example.it"),
        "Textiles",
        Some("Via Inventata 7, 22100 Como"),
    ),
    co(
        IT,
        "Fictitious Officine Meccaniche Gallo S.p.A.",
        "Officine Gallo",
        Some("officine-gallo.example.it"),
        "Manufacturing",
        Some("Via dell'Esempio 120, 40132 Bologna"),
    ),
    co(
        IT,
        "Fictitious Studio Legale De Santis",
        "Studio De Santis",
        Some("studio-desantis.example.it"),
        "Legal services",
        Some("Piazza Fittizia 2, 20121 Milano"),
    ),
    co(
        IT,
        "Fictitious Pasticceria Esposito S.r.l.",
        "Pasticceria Esposito",
        Some("pasticceria-esposito.example.it"),
        "Food",
        Some("Via Finta 45, 80134 Napoli"),
    ),
    co(
        IT,
        "Fictitious Agenzia Viaggi Marino S.r.l.",
        "Viaggi Marino",
        Some("viaggi-marino.example.it"),
        "Travel",
        Some("Lungomare Immaginario 9, 90133 Palermo"),
    ),
    co(
        IT,
        "Fictitious Frantoio Greco Società Agricola",
        "Frantoio Greco",
        Some("frantoio-greco.example.it"),
        "Agriculture",
        Some("Contrada Esempio 1, 70056 Molfetta (BA)"),
    ),
    co(
        IT,
        "Fictitious Tipografia Moretti S.r.l.",
        "Tipografia Moretti",
        Some("tipografia-moretti.example.it"),
        "Printing",
        Some("Via Fittizia 31, 50122 Firenze"),
    ),
    co(
        IT,
        "Fictitious Informatica Conti S.r.l.",
        "Informatica Conti",
        Some("informatica-conti.example.it"),
        "Software",
        Some("Via Inventata 200, 35131 Padova"),
    ),
    co(
        IT,
        "Fictitious Hotel Fontana S.r.l.",
        "Hotel Fontana",
        Some("hotel-fontana.example.it"),
        "Hospitality",
        Some("Via del Lago Finto 5, 38066 Riva del Garda (TN)"),
    ),
    co(
        IT,
        "Fictitious Ceramiche Santoro S.r.l.",
        "Ceramiche Santoro",
        Some("ceramiche-santoro.example.it"),
        "Ceramics",
        Some("Via delle Fornaci Finte 12, 41049 Sassuolo (MO)"),
    ),
    co(
        IT,
        "Fictitious Gelateria Parisi S.n.c.",
        "Gelateria Parisi",
        Some("gelateria-parisi.example.it"),
        "Food",
        Some("Via Esempio 6, 16121 Genova"),
    ),
    co(IT, "Fictitious Associazione Culturale Il Ponte", "Il Ponte", None, "Non-profit", None),
    co(
        BG,
        "Фиктивна Винарна Мелник ЕООД",
        "Винарна Мелник",
        Some("vinarna-melnik.example.bg"),
        "Wine & beverages",
        Some("ул. „Измислена“ 12, 2820 Мелник"),
    ),
    co(
        BG,
        "Fictitious Sofia Logistics EOOD",
        "Sofia Logistics",
        Some("sofia-logistics.example.bg"),
        "Logistics",
        Some("бул. „Примерен“ 101, 1000 София"),
    ),
    co(
        BG,
        "Фиктивна Розова Долина ООД",
        "Розова Долина",
        Some("rozova-dolina.example.bg"),
        "Cosmetics",
        Some("ул. „Розова“ 3, 6100 Казанлък"),
    ),
    co(
        BG,
        "Fictitious Plovdiv Print OOD",
        "Plovdiv Print",
        Some("plovdiv-print.example.bg"),
        "Printing",
        Some("ул. „Несъществуваща“ 8, 4000 Пловдив"),
    ),
    co(
        BG,
        "Фиктивна Пекарна Петрови ЕТ",
        "Пекарна Петрови",
        Some("pekarna-petrovi.example.bg"),
        "Food",
        Some("ул. „Примерна“ 27, 9000 Варна"),
    ),
    co(
        BG,
        "Fictitious Black Sea Hotels AD",
        "Black Sea Hotels",
        Some("blacksea-hotels.example.bg"),
        "Hospitality",
        Some("ул. „Морска“ 1, 8000 Бургас"),
    ),
    co(
        BG,
        "Фиктивна Софтуерна Къща Стоянов ООД",
        "Софтуерна Къща Стоянов",
        Some("softuer-stoyanov.example.bg"),
        "Software",
        Some("бул. „Измислен“ 55, 1700 София"),
    ),
    co(
        BG,
        "Fictitious Rila Mineral Water AD",
        "Rila Mineral Water",
        Some("rila-water.example.bg"),
        "Beverages",
        Some("2630 Рила"),
    ),
    co(
        BG,
        "Фиктивна Мебелна Фабрика Иванов ЕООД",
        "Мебели Иванов",
        Some("mebeli-ivanov.example.bg"),
        "Furniture",
        Some("ул. „Дървена“ 4, 5000 Велико Търново"),
    ),
    co(
        BG,
        "Fictitious Balkan Tours EOOD",
        "Balkan Tours",
        Some("balkan-tours.example.bg"),
        "Travel",
        Some("ул. „Туристическа“ 19, 1000 София"),
    ),
    co(BG, "Фиктивно Читалище Светлина", "Читалище Светлина", None, "Non-profit", None),
    co(
        DE,
        "Fictitious Bäckerei Müller GmbH",
        "Bäckerei Müller",
        Some("baeckerei-mueller.example.org"),
        "Food",
        Some("Beispielstraße 5, 80331 München"),
    ),
    co(
        DE,
        "Fictitious Schäfer Maschinenbau GmbH & Co. KG",
        "Schäfer Maschinenbau",
        Some("schaefer-maschinenbau.example.org"),
        "Manufacturing",
        Some("Musterweg 12, 70173 Stuttgart"),
    ),
    co(
        DE,
        "Fictitious Weiß & Köhler Steuerberatung",
        "Weiß & Köhler",
        Some("weiss-koehler.example.org"),
        "Accounting",
        Some("Erfundene Allee 3, 10115 Berlin"),
    ),
    co(
        DE,
        "Fictitious Hoffmann Logistik AG",
        "Hoffmann Logistik",
        Some("hoffmann-logistik.example.org"),
        "Logistics",
        Some("Hafenstraße 99, 20457 Hamburg"),
    ),
    co(
        DE,
        "Fictitious Brauerei Fuchs GmbH",
        "Brauerei Fuchs",
        Some("brauerei-fuchs.example.org"),
        "Beverages",
        Some("Brauhausgasse 1, 96047 Bamberg"),
    ),
    co(
        DE,
        "Fictitious Zimmermann Software GmbH",
        "Zimmermann Software",
        Some("zimmermann-software.example.org"),
        "Software",
        Some("Musterplatz 7, 50667 Köln"),
    ),
    co(
        FR,
        "Fictitious Boulangerie Lefèvre SARL",
        "Boulangerie Lefèvre",
        Some("boulangerie-lefevre.example.com"),
        "Food",
        Some("12 rue Imaginaire, 75011 Paris"),
    ),
    co(
        FR,
        "Fictitious Domaine Moreau SAS",
        "Domaine Moreau",
        Some("domaine-moreau.example.com"),
        "Wine & beverages",
        Some("4 chemin des Vignes Fictives, 21200 Beaune"),
    ),
    co(
        FR,
        "Fictitious Atelier Rousseau SARL",
        "Atelier Rousseau",
        Some("atelier-rousseau.example.com"),
        "Design",
        Some("8 place de l'Exemple, 69002 Lyon"),
    ),
    co(
        FR,
        "Fictitious Fournier Conseil SAS",
        "Fournier Conseil",
        Some("fournier-conseil.example.com"),
        "Consulting",
        Some("27 avenue Fictive, 33000 Bordeaux"),
    ),
    co(
        FR,
        "Fictitious Hôtel Bonnet SARL",
        "Hôtel Bonnet",
        Some("hotel-bonnet.example.com"),
        "Hospitality",
        Some("3 quai Inventé, 06000 Nice"),
    ),
    co(
        ES,
        "Fictitious Bodegas García S.L.",
        "Bodegas García",
        Some("bodegas-garcia.example.com"),
        "Wine & beverages",
        Some("Calle Ficticia 10, 26001 Logroño"),
    ),
    co(
        ES,
        "Fictitious Tapas Núñez S.L.",
        "Tapas Núñez",
        Some("tapas-nunez.example.com"),
        "Hospitality",
        Some("Calle Inventada 22, 41001 Sevilla"),
    ),
    co(
        ES,
        "Fictitious Construcciones Ibáñez S.A.",
        "Construcciones Ibáñez",
        Some("construcciones-ibanez.example.com"),
        "Construction",
        Some("Avenida del Ejemplo 150, 28001 Madrid"),
    ),
    co(
        ES,
        "Fictitious Aceites Muñoz S.L.",
        "Aceites Muñoz",
        Some("aceites-munoz.example.com"),
        "Agriculture",
        Some("Camino Falso 2, 23001 Jaén"),
    ),
    co(
        ES,
        "Fictitious Diseño López S.L.",
        "Diseño López",
        Some("diseno-lopez.example.com"),
        "Design",
        Some("Carrer Fictici 45, 08001 Barcelona"),
    ),
];

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

const NOTE_BODIES: [&str; 6] = [
    "Prefers to be contacted in the morning.",
    "Asked for the updated price list for next quarter.",
    "Budget approval expected after the board meeting.",
    "Interested in the loyalty programme; follow up in two weeks.",
    "Moved to a new office; delivery address to be confirmed.",
    "Mentioned a competitor's offer, about 10% cheaper.",
];

const CALL_BODIES: [&str; 6] = [
    "Intro call: walked through the catalogue, asked for samples.",
    "Short call about the delayed delivery; apologised and rescheduled.",
    "Discussed volumes for the summer season.",
    "Called to confirm the meeting; left a voicemail.",
    "Negotiated payment terms: 60 days agreed in principle.",
    "Обаждане: иска оферта до края на месеца.",
];

const EMAIL_BODIES: [&str; 6] = [
    "Sent the quote and the product sheet.",
    "Received the signed NDA.",
    "Follow-up after the trade fair, with the brochure attached.",
    "Newsletter feedback: monthly is enough.",
    "Shared the invoice copy requested by accounting.",
    "Inviata la proposta aggiornata con i nuovi prezzi.",
];

const MEETING_BODIES: [&str; 6] = [
    "Met at their office; toured the production line.",
    "Lunch meeting: discussed a pilot at two locations.",
    "Demo of the new range; very positive on quality.",
    "Quarterly review: satisfied, wants faster delivery.",
    "Met at the Fictitious Expo 2026, stand B12.",
    "Workshop with their team on the onboarding plan.",
];

const DEAL_TITLES: [&str; 12] = [
    "Annual supply contract",
    "Espresso machines for three locations",
    "Website relaunch",
    "Catering for the summer event",
    "CRM onboarding and training",
    "Packaging redesign",
    "Delivery van leasing",
    "Wine list partnership",
    "Trade fair stand 2026",
    "Loyalty programme pilot",
    "ERP licences (50 seats)",
    "Maintenance contract 2026",
];

#[cfg(test)]
mod tests {
    use super::*;
    use kith_app::contacts::ContactQuery;
    use kith_store::deals::DealFilter;

    /// A temp dir removed on drop, even when the test fails.
    struct TempDir(std::path::PathBuf);

    impl Drop for TempDir {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }

    #[test]
    fn ascii_transliterates() {
        assert_eq!(ascii("Цветелина"), "tsvetelina");
        assert_eq!(ascii("Niccolò"), "niccolo");
        assert_eq!(ascii("D'Angelo"), "dangelo");
        assert_eq!(ascii("Weiß"), "weiss");
        assert_eq!(ascii("Müller"), "mueller");
        assert_eq!(ascii("María José"), "mariajose");
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn demo_seeds_an_empty_crm_once() {
        let dir = TempDir(std::env::temp_dir().join(format!("kith-demo-{}", uuid::Uuid::now_v7())));
        std::fs::create_dir_all(&dir.0).expect("temp dir");
        let url = format!("sqlite:{}", dir.0.join("kith.db").display());
        let store = kith_store::Store::connect(&url, kith_store::Vault::from_key(&[7u8; 32])).await.expect("connect");
        store.migrate().await.expect("migrate");
        let app = App::new(store);
        let p = Principal::cli();

        let s = seed(&app).await.expect("seed");
        assert!(s.existing_contacts.is_none());
        assert!(s.contacts >= 300 && s.companies >= 40 && s.deals >= 60, "{s:?}");
        assert!(s.interactions >= s.contacts && s.stage_moves > 0, "{s:?}");
        assert_eq!(s.users.len(), 4);
        assert!(s.users.iter().all(|u| u.password.as_ref().is_some_and(|pw| pw.len() == 43)), "256-bit passwords");
        assert_eq!(app.store().count_contacts().await.expect("count"), s.contacts as i64);
        let companies = app.list_companies(&p, None, None, Some(200)).await.expect("companies");
        assert!(companies.items.len() >= 40);

        let mut deals = 0;
        let mut with_history = 0;
        for stage in STAGES {
            let f = DealFilter { stage: Some(stage.into()), ..Default::default() };
            let page = app.list_deals(&p, f, None, Some(200)).await.expect("deals");
            assert!(!page.items.is_empty(), "no deal in stage {stage}");
            for d in &page.items {
                if app.deal_history(&p, d.id).await.expect("history").len() > 1 {
                    with_history += 1;
                }
            }
            deals += page.items.len();
        }
        assert!(deals >= 60);
        assert!(with_history > 0);

        let q = ContactQuery { q: Some("Цветелина".into()), limit: Some(200), ..Default::default() };
        let found = app.list_contacts(&p, q).await.expect("search").items;
        assert!(found.iter().any(|c| c.data.first_name.as_deref() == Some("Цветелина")));
        let q = ContactQuery { q: Some("Петро".into()), limit: Some(200), ..Default::default() };
        let found = app.list_contacts(&p, q).await.expect("search").items;
        assert!(found.iter().any(|c| c.data.last_name.as_deref() == Some("Петров")));

        let again = seed(&app).await.expect("second seed");
        assert_eq!(again.existing_contacts, Some(s.contacts as i64));
        assert_eq!(again.contacts + again.companies + again.deals, 0);
        assert_eq!(app.store().count_contacts().await.expect("count"), s.contacts as i64);
        let companies_after = app.list_companies(&p, None, None, Some(200)).await.expect("companies");
        assert_eq!(companies_after.items.len(), companies.items.len());
        app.store().close().await;
    }
}
