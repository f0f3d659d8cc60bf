//! Importing contacts from CSV: streamed in batches (memory bounded by the
//! batch, plus 8 bytes per distinct address for the in-file duplicate
//! check), columns mapped by header (the exports of HubSpot, Salesforce,
//! Zoho and Google Contacts are recognised), a dry run that says per row
//! what would happen and why, and a real run that writes each batch in one
//! transaction with its provenance and lawful basis.
//!
//! Rows are reported by line number and a reason that never repeats a
//! value from the file.

use crate::{App, AppError, Principal, Result};
use kith_domain::consent::{check_event, BasisSource, ProofCheck};
use kith_domain::{
    Address, Channel, ConsentAction, ConsentMethod, ContactData, Email, Invalid, LawfulBasis, Phone, Provenance,
    PurposeId, SourceKind, SubjectId,
};
use kith_store::consent::{BasisRecord, ConsentWrite, NewConsentEvent, SealedProof};
use kith_store::contacts::ContactInput;
use std::collections::HashSet;
use std::io::Read;

/// Rows per transaction.
pub const BATCH: usize = 25_000;
/// Rows per transaction when consent is imported with them (at 10⁵ rows on
/// SQLite, 1,000 gave 15,800 rows/s and 5,000 gave 19,100).
pub const CONSENT_BATCH: usize = 5_000;

/// Where a column's values go.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    /// A custom field of the field policy, by name (`custom.<name>`).
    Custom(String),
    FirstName,
    LastName,
    /// "First Last" in one column, split at the last space.
    FullName,
    Email,
    Phone,
    JobTitle,
    Street,
    PostalCode,
    City,
    Region,
    Country,
    Notes,
    /// When the person gave the consent being imported (its original time).
    ConsentAt,
    /// The original system's record of the consent.
    ConsentEvidence,
    /// What the person did to consent, in words.
    ConsentAct,
    /// The channels consented to (`email`, `phone`, `sms`, `post`).
    ConsentChannels,
    /// When the consent expires.
    ConsentExpiresAt,
    /// The address the consent was given from.
    ConsentIp,
}

impl Target {
    pub const ALL: [(&'static str, Target); 18] = [
        ("first_name", Target::FirstName),
        ("last_name", Target::LastName),
        ("full_name", Target::FullName),
        ("email", Target::Email),
        ("phone", Target::Phone),
        ("job_title", Target::JobTitle),
        ("street", Target::Street),
        ("postal_code", Target::PostalCode),
        ("city", Target::City),
        ("region", Target::Region),
        ("country", Target::Country),
        ("notes", Target::Notes),
        ("consent_at", Target::ConsentAt),
        ("consent_evidence", Target::ConsentEvidence),
        ("consent_act", Target::ConsentAct),
        ("consent_channels", Target::ConsentChannels),
        ("consent_expires_at", Target::ConsentExpiresAt),
        ("consent_ip", Target::ConsentIp),
    ];

    /// Part of a consent's proof rather than of the contact.
    pub fn is_consent(&self) -> bool {
        matches!(
            self,
            Target::ConsentAt
                | Target::ConsentEvidence
                | Target::ConsentAct
                | Target::ConsentChannels
                | Target::ConsentExpiresAt
                | Target::ConsentIp
        )
    }

    /// A field's name, or `custom.<name>` for a custom field.
    pub fn parse(s: &str) -> Option<Target> {
        if let Some(name) = s.strip_prefix(kith_domain::policy::CUSTOM).filter(|n| !n.is_empty()) {
            return Some(Target::Custom(name.to_owned()));
        }
        Self::ALL.iter().find(|(n, _)| *n == s).map(|(_, t)| t.clone())
    }

    pub fn name(&self) -> String {
        match self {
            Target::Custom(n) => format!("{}{n}", kith_domain::policy::CUSTOM),
            t => Self::ALL.iter().find(|(_, x)| x == t).map(|(n, _)| (*n).to_owned()).unwrap_or_default(),
        }
    }
}

/// The field a header names, if Kith knows it: lower case, letters and
/// digits only, so "E-mail 1 - Value" (Google), "Email Address" and
/// "MailingCity" (Salesforce) all match.
pub fn detect(header: &str) -> Option<Target> {
    let h: String = header.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect();
    Some(match h.as_str() {
        "firstname" | "givenname" | "first" | "nome" | "vorname" | "prenom" => Target::FirstName,
        "lastname" | "familyname" | "surname" | "last" | "cognome" | "nachname" | "nom" => Target::LastName,
        "name" | "fullname" | "contactname" | "displayname" => Target::FullName,
        "email" | "emailaddress" | "email1" | "email1value" | "primaryemail" | "workemail" | "email2value"
        | "secondaryemail" | "mail" => Target::Email,
        "phone" | "phonenumber" | "mobile" | "mobilephone" | "mobilephonenumber" | "phone1value" | "phone2value"
        | "businessphone" | "workphone" | "telefono" | "cellulare" => Target::Phone,
        "jobtitle" | "title" | "organization1title" | "position" | "ruolo" => Target::JobTitle,
        "street" | "streetaddress" | "mailingstreet" | "address1street" | "address" | "indirizzo" => Target::Street,
        "zip"
        | "zipcode"
        | "postalcode"
        | "postcode"
        | "mailingpostalcode"
        | "mailingzip"
        | "address1postalcode"
        | "mailingzippostalcode"
        | "zippostalcode"
        | "cap" => Target::PostalCode,
        "city" | "mailingcity" | "address1city" | "town" | "citta" => Target::City,
        "state" | "region" | "stateregion" | "mailingstate" | "address1region" | "province" | "provincia" => {
            Target::Region
        }
        "country" | "mailingcountry" | "countryregion" | "address1country" | "paese" => Target::Country,
        "notes" | "note" | "description" | "comments" => Target::Notes,
        "consentat" | "consentgivenat" | "consentdate" | "consenttimestamp" | "consenttime" | "optindate"
        | "optintimestamp" | "gdprconsentdate" => Target::ConsentAt,
        "consentevidence" | "consentref" | "consentreference" | "consentrecord" | "consentid" | "optinid" => {
            Target::ConsentEvidence
        }
        "consentact" | "affirmativeact" | "consentaction" => Target::ConsentAct,
        "consentchannels" | "consentchannel" | "optinchannel" | "optinchannels" => Target::ConsentChannels,
        "consentexpiresat" | "consentexpires" | "consentexpiry" | "consentuntil" => Target::ConsentExpiresAt,
        "consentip" | "optinip" | "consentipaddress" => Target::ConsentIp,
        _ => return None,
    })
}

/// What the caller chose for the whole import.
#[derive(Clone, Debug, Default)]
pub struct ImportOptions {
    /// The file's name, recorded as each contact's source.
    pub file_name: String,
    /// Report what would happen; write nothing.
    pub dry_run: bool,
    /// Explicit `header=field` choices; other headers are detected.
    pub mapping: Vec<(String, Option<Target>)>,
    /// The lawful basis every imported contact gets for a purpose. With
    /// consent, each row must carry its proof (see [`ConsentImport`]).
    pub basis: Option<(PurposeId, LawfulBasis)>,
    /// What a consent import states once for the whole file.
    pub consent: Option<ConsentImport>,
    /// Skip data rows up to this line (to resume an interrupted import).
    pub resume_after_line: u64,
    /// Rows per transaction; 0 means [`BATCH`].
    pub batch: usize,
    /// The page's run and the pass running it: each batch's transaction
    /// first checks that the pass still holds the run, so a pass that lost
    /// it (resumed elsewhere, or its file dropped by an erasure) writes
    /// nothing more.
    pub pass: Option<(uuid::Uuid, uuid::Uuid)>,
}

/// Consent imported from a file: what holds for every row, chosen at
/// import; each row brings its original time and record (`consent_at`,
/// `consent_evidence` columns) and may bring its own act, channels, expiry
/// and IP address.
#[derive(Clone, Debug, Default)]
pub struct ConsentImport {
    /// The notice (privacy text) the people saw when they consented.
    pub notice: Option<uuid::Uuid>,
    /// The channels consented to, where the file has no column for them.
    pub channels: Vec<Channel>,
    /// What the people did to consent, where the file has no column for it.
    pub affirmative_act: Option<String>,
}

/// One row's consent, checked.
#[derive(Clone, Debug)]
struct RowConsent {
    at: time::OffsetDateTime,
    until: Option<time::OffsetDateTime>,
    channels: Vec<Channel>,
    act: String,
    evidence: String,
    ip: Option<String>,
}

/// A row's consent columns as written.
#[derive(Debug, Default)]
struct RawConsent<'a> {
    at: Option<&'a str>,
    evidence: Option<&'a str>,
    act: Option<&'a str>,
    channels: Option<&'a str>,
    expires: Option<&'a str>,
    ip: Option<&'a str>,
}

impl ConsentImport {
    /// A row's consent with its proof, or why not (naming columns, never values).
    fn row(&self, raw: &RawConsent<'_>, now: time::OffsetDateTime) -> std::result::Result<RowConsent, String> {
        let time = |v: Option<&str>, column: &str| {
            v.map(|v| {
                kith_domain::policy::parse_time(v)
                    .ok_or_else(|| format!("{column}: is not a date and time (2024-03-01T09:30:00Z, 01/03/2024 09:30)"))
            })
            .transpose()
        };
        let at = time(raw.at, "consent_at")?;
        let until = time(raw.expires, "consent_expires_at")?;
        let channels = match raw.channels {
            Some(v) => {
                let mut chs = Vec::new();
                for w in v.split([',', ';', '|', ' ']).map(str::trim).filter(|w| !w.is_empty()) {
                    let ch = Channel::parse(&w.to_lowercase())
                        .ok_or_else(|| "consent_channels: name email, phone, sms or post".to_owned())?;
                    if !chs.contains(&ch) {
                        chs.push(ch);
                    }
                }
                chs
            }
            None => self.channels.clone(),
        };
        let act = raw.act.map(str::to_owned).or_else(|| self.affirmative_act.clone());
        if let Some(ip) = raw.ip {
            ip.parse::<std::net::IpAddr>().map_err(|_| "consent_ip: is not an IP address".to_owned())?;
        }
        let too_long = |v: Option<&str>, max: usize| v.is_some_and(|v| v.chars().count() > max);
        if too_long(act.as_deref(), 500) {
            return Err("consent_act: at most 500 characters".into());
        }
        if too_long(raw.evidence, 200) {
            return Err("consent_evidence: at most 200 characters".into());
        }
        let check = ProofCheck {
            method: Some(ConsentMethod::Import),
            has_notice: self.notice.is_some(),
            affirmative_act: act.as_deref(),
            pre_ticked: false,
            evidence_ref: raw.evidence,
            channels: &channels,
            at,
            until,
        };
        check_event(ConsentAction::Given, &check, now).map_err(|inv| {
            inv.0
                .iter()
                .map(|e| {
                    let column = match e.field.as_str() {
                        "at" => "consent_at",
                        "evidence_ref" => "consent_evidence",
                        "affirmative_act" => "consent_act",
                        "channels" => "consent_channels",
                        "expires_at" => "consent_expires_at",
                        f => f,
                    };
                    format!("{column}: {}", e.message)
                })
                .collect::<Vec<_>>()
                .join("; ")
        })?;
        let (Some(at), Some(act), Some(evidence)) = (at, act, raw.evidence) else {
            return Err("consent_at: imported consent must carry the original time it was given".into());
        };
        Ok(RowConsent {
            at,
            until,
            channels,
            act: act.trim().to_owned(),
            evidence: evidence.trim().to_owned(),
            ip: raw.ip.map(str::to_owned),
        })
    }

    /// The ledger event of a row's consent for `subject`.
    fn event(&self, p: &Principal, purpose: PurposeId, subject: SubjectId, c: &RowConsent) -> NewConsentEvent {
        let mut channels = c.channels.clone();
        channels.sort();
        NewConsentEvent {
            id: uuid::Uuid::now_v7(),
            subject,
            purpose,
            action: ConsentAction::Given,
            channels,
            method: ConsentMethod::Import,
            at: c.at,
            until: c.until,
            notice: self.notice,
            form: None,
            actor_user: p.author(),
            gpc: false,
            request: None,
            proof: SealedProof {
                affirmative_act: Some(c.act.clone()),
                evidence_ref: Some(c.evidence.clone()),
                third_parties: vec![],
                ip: c.ip.clone(),
                user_agent: None,
                purpose: None,
            },
        }
    }
}

/// An import checked before its first row (see [`App::plan_import`]).
pub struct ImportPlan<'a> {
    policy: kith_domain::policy::Policy,
    /// With the consent basis: its purpose and what holds for every row.
    consent: Option<(PurposeId, &'a ConsentImport)>,
    /// Any other basis, as every imported contact gets it.
    basis: Option<BasisRecord>,
    /// Every column and where it goes.
    pub mapping: Vec<(String, Option<Target>)>,
}

/// What happened (or would happen) to one row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Every line up to this one is done (written, in a real run): an
    /// import stopped after it resumes after it. Not a row of its own.
    Through,
    Created,
    /// A contact matching by email was updated; the fields that changed.
    Updated(String),
    /// Already in Kith (an address matches); left as it is.
    Skipped(String),
    Rejected(String),
}

impl Outcome {
    /// In words, for reports: what happened to the row (or would, in a dry
    /// run), and why; `Through` is no row and has no words.
    pub fn words(&self, dry_run: bool) -> (&'static str, &str) {
        match self {
            Outcome::Through => ("", ""),
            Outcome::Created => (if dry_run { "would create" } else { "created" }, ""),
            Outcome::Updated(fields) => (if dry_run { "would update" } else { "updated" }, fields),
            Outcome::Skipped(why) => ("skipped", why),
            Outcome::Rejected(why) => ("rejected", why),
        }
    }
}

/// The end of an import.
#[derive(Clone, Debug, Default)]
pub struct ImportReport {
    pub mapping: Vec<(String, Option<Target>)>,
    pub created: u64,
    pub updated: u64,
    pub skipped: u64,
    pub rejected: u64,
    /// Every line up to this one is done (written, in a real run): resume after it.
    pub last_line: u64,
    pub dry_run: bool,
}

/// One parsed row on its way into a batch.
struct Pending {
    line: u64,
    data: ContactData,
    keys: Vec<String>,
    consent: Option<RowConsent>,
}

/// Counts the newlines a reader passes through, so a record's line number
/// comes from its byte offset (the CSV reader's own line counts differ
/// between LF and CRLF files and skip blank lines).
struct Lines<R> {
    inner: R,
    state: std::sync::Arc<std::sync::Mutex<LineState>>,
}

#[derive(Default)]
struct LineState {
    read: u64,
    /// Offsets of newlines read but not yet passed by a record.
    pending: std::collections::VecDeque<u64>,
    /// Newlines before the first pending one.
    passed: u64,
    /// A carriage return just read: a line end unless a `\n` follows
    /// (files saved as "CSV (Macintosh)" end lines with `\r` alone).
    cr_at: Option<u64>,
}

impl LineState {
    /// The 1-based line of the byte at `offset` (offsets never go back).
    fn line_of(&mut self, offset: u64) -> u64 {
        while self.pending.front().is_some_and(|n| *n < offset) {
            self.pending.pop_front();
            self.passed += 1;
        }
        self.passed + 1
    }
}

impl<R: Read> Read for Lines<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        let mut st = self.state.lock().unwrap_or_else(|e| e.into_inner());
        let base = st.read;
        for (i, b) in buf[..n].iter().enumerate() {
            let at = base + i as u64;
            if *b == b'\n' {
                st.cr_at = None;
                st.pending.push_back(at);
                continue;
            }
            if let Some(cr) = st.cr_at.take() {
                st.pending.push_back(cr);
            }
            if *b == b'\r' {
                st.cr_at = Some(at);
            }
        }
        st.read += n as u64;
        Ok(n)
    }
}

fn sniff_delimiter(head: &[u8]) -> u8 {
    let first_line = head.split(|b| *b == b'\n').next().unwrap_or(head);
    let count = |d: u8| {
        let mut quoted = false;
        first_line
            .iter()
            .filter(|b| {
                if **b == b'"' {
                    quoted = !quoted;
                }
                !quoted && **b == d
            })
            .count()
    };
    if count(b';') > count(b',') {
        b';'
    } else {
        b','
    }
}

/// The reader type of an import: the file with its head put back, lines counted.
type CsvReader<R> = csv::Reader<Lines<std::io::Chain<std::io::Cursor<Vec<u8>>, R>>>;
/// Where the reader's newlines are tracked.
type LineTracker = std::sync::Arc<std::sync::Mutex<LineState>>;

/// A CSV reader over `input` (separator sniffed, UTF-8 byte-order mark
/// dropped), the line tracker it feeds, and the file's column names.
fn open_csv<R: Read>(mut input: R) -> Result<(CsvReader<R>, LineTracker, Vec<String>)> {
    let mut head = vec![0u8; 64 * 1024];
    let mut n = 0;
    while n < head.len() {
        let got = input.read(&mut head[n..]).map_err(|_| Invalid::one("file", "the file could not be read"))?;
        if got == 0 {
            break;
        }
        n += got;
    }
    head.truncate(n);
    let start = if head.starts_with(&[0xEF, 0xBB, 0xBF]) { 3 } else { 0 };
    let delimiter = sniff_delimiter(&head[start..]);
    let lines = std::sync::Arc::new(std::sync::Mutex::new(LineState::default()));
    let stream = Lines { inner: std::io::Cursor::new(head[start..].to_vec()).chain(input), state: lines.clone() };
    let mut reader =
        csv::ReaderBuilder::new().delimiter(delimiter).flexible(true).has_headers(true).from_reader(stream);
    let headers: Vec<String> = reader
        .byte_headers()
        .map_err(|_| Invalid::one("file", "the file's first line (the column names) could not be read"))?
        .iter()
        .map(|h| String::from_utf8_lossy(h).trim().to_owned())
        .collect();
    Ok((reader, lines, headers))
}

/// The column names of a CSV file (the upload page's mapping step).
pub fn headers<R: Read>(input: R) -> Result<Vec<String>> {
    Ok(open_csv(input)?.2)
}

/// Where each column goes: the explicit choice for its header, else the
/// field its name is recognised as.
/// A choice given for every column in order (the upload page's) applies
/// by position, so columns with the same or no name each keep their own.
pub fn map_headers(headers: &[String], explicit: &[(String, Option<Target>)]) -> Vec<(String, Option<Target>)> {
    let by_position =
        explicit.len() == headers.len() && explicit.iter().zip(headers).all(|((n, _), h)| n.eq_ignore_ascii_case(h));
    headers
        .iter()
        .enumerate()
        .map(|(i, h)| {
            let chosen = if by_position {
                Some(&explicit[i])
            } else {
                explicit.iter().find(|(name, _)| name.eq_ignore_ascii_case(h))
            };
            match chosen {
                Some((_, t)) => (h.clone(), t.clone()),
                None => (h.clone(), detect(h)),
            }
        })
        .collect()
}

/// What a basis set by an import names as its source: not the file's
/// name, which can name a person and would sit in clear beside the basis
/// (each contact's sealed provenance names the file and line).
fn basis_source_name() -> String {
    format!("CSV import of {}", time::OffsetDateTime::now_utc().date())
}

/// Line ends in a field: `\n`, `\r\n`, or `\r` alone.
fn newlines(field: &[u8]) -> u64 {
    let lone_cr =
        field.windows(2).filter(|w| w[0] == b'\r' && w[1] != b'\n').count() + usize::from(field.last() == Some(&b'\r'));
    (field.iter().filter(|b| **b == b'\n').count() + lone_cr) as u64
}

fn set_text(slot: &mut Option<String>, v: &str) {
    if slot.is_none() && !v.is_empty() {
        *slot = Some(v.to_owned());
    }
}

/// A row's values as contact data and its consent columns, or why not (no
/// value quoted).
fn row_data<'a>(
    row: &'a [String],
    targets: &[Option<Target>],
) -> std::result::Result<(ContactData, RawConsent<'a>), String> {
    let mut d = ContactData::default();
    let mut consent = RawConsent::default();
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
        }
    }
    if addr != Address::default() {
        d.address = Some(addr);
    }
    let d = d.tidy();
    d.validate().map_err(|inv| describe(&inv))?;
    Ok((d, consent))
}

/// The fields an error names and its messages; never the values.
fn describe(inv: &Invalid) -> String {
    inv.0.iter().map(|e| format!("{}: {}", e.field, e.message)).collect::<Vec<_>>().join("; ")
}

impl App {
    /// What an import of a file with these columns will do, or why it
    /// cannot (admin, dpo): the policy, the consent and basis chosen (the
    /// purpose and notice exist), and the mapping, which must fill a name,
    /// an email or a phone, and the proof of consent with the consent basis.
    /// Nothing is read or written.
    pub async fn plan_import<'a>(
        &self,
        p: &Principal,
        opts: &'a ImportOptions,
        headers: &[String],
    ) -> Result<ImportPlan<'a>> {
        p.require(p.role.can_manage_privacy(), "import contacts")?;
        let policy = self.store.field_policy().await?;
        // Consent comes with its proof, or not at all.
        let consent = match (opts.basis, &opts.consent) {
            (Some((purpose, LawfulBasis::Consent)), Some(c)) => {
                self.store.get_purpose(purpose).await?.ok_or(AppError::NotFound("purpose"))?;
                match c.notice {
                    Some(n) if self.store.get_notice(n).await?.is_some() => {}
                    Some(_) => return Err(Invalid::one("notice", "refers to a notice that does not exist").into()),
                    None => {
                        return Err(Invalid::one("notice", "imported consent must name the notice the people saw").into())
                    }
                }
                Some((purpose, c))
            }
            (Some((_, LawfulBasis::Consent)), None) => {
                return Err(Invalid::one(
                    "basis",
                    "consent is imported only with its proof: name the notice the people saw, and map the consent_at and consent_evidence columns",
                )
                .into())
            }
            _ => None,
        };
        let basis = match opts.basis.filter(|(_, b)| *b != LawfulBasis::Consent) {
            Some((purpose, basis)) => {
                self.store.get_purpose(purpose).await?.ok_or(AppError::NotFound("purpose"))?;
                let now = time::OffsetDateTime::now_utc();
                Some(BasisRecord {
                    purpose,
                    basis,
                    source: kith_domain::consent::BasisSource::Import,
                    source_name: Some(basis_source_name()),
                    lia_ref: None,
                    effective_at: now,
                    ends_at: None,
                    set_by: p.author(),
                    set_at: now,
                })
            }
            None => None,
        };
        let mapping = map_headers(headers, &opts.mapping);
        if !mapping.iter().any(|(_, t)| {
            matches!(t, Some(Target::Email | Target::Phone | Target::FirstName | Target::LastName | Target::FullName))
        }) {
            return Err(Invalid::one(
                "mapping",
                "no column holds a name, an email or a phone: map one with header=field",
            )
            .into());
        }
        let mapped = |t: Target| mapping.iter().any(|(_, m)| m.as_ref() == Some(&t));
        match consent {
            Some((_, c)) => {
                let mut missing = Vec::new();
                if !mapped(Target::ConsentAt) {
                    missing.push("consent_at (when each person consented)");
                }
                if !mapped(Target::ConsentEvidence) {
                    missing.push("consent_evidence (the original record of it)");
                }
                if !mapped(Target::ConsentAct) && c.affirmative_act.as_deref().is_none_or(|a| a.trim().is_empty()) {
                    missing.push("consent_act, or say once what the people did to consent");
                }
                if !mapped(Target::ConsentChannels) && c.channels.is_empty() {
                    missing.push("consent_channels, or choose the channels consented to");
                }
                if !missing.is_empty() {
                    return Err(Invalid::one(
                        "mapping",
                        format!("imported consent needs its proof: map {}", missing.join("; ")),
                    )
                    .into());
                }
            }
            None => {
                if let Some((h, _)) = mapping.iter().find(|(_, t)| t.as_ref().is_some_and(Target::is_consent)) {
                    return Err(Invalid::one(
                        "mapping",
                        format!(
                            "the column {h:?} is part of a consent's proof: import consent with the basis consent, or map the column to - to ignore it"
                        ),
                    )
                    .into());
                }
            }
        }
        Ok(ImportPlan { policy, consent, basis, mapping })
    }

    /// Imports contacts from CSV (admin, dpo). `on_row` hears every row's
    /// outcome by line number, as it is decided (in a real run, once its
    /// batch is written).
    pub async fn import_contacts<R: Read + Send>(
        &self,
        p: &Principal,
        input: R,
        opts: &ImportOptions,
        mut on_row: impl FnMut(u64, &Outcome) + Send,
    ) -> Result<ImportReport> {
        let (mut reader, lines, headers) = open_csv(input)?;
        let ImportPlan { policy, consent, basis, mapping } = self.plan_import(p, opts, &headers).await?;
        let targets: Vec<Option<Target>> = mapping.iter().map(|(_, t)| t.clone()).collect();
        let now = time::OffsetDateTime::now_utc();
        let mut report = ImportReport { mapping: mapping.clone(), dry_run: opts.dry_run, ..Default::default() };
        // Keyed hashes of the addresses seen so far in the file.
        let mut seen: HashSet<u64> = HashSet::new();
        let batch_size = if opts.batch == 0 { BATCH } else { opts.batch };
        // A consent batch holds the ledger and audit heads while it is
        // written: smaller transactions keep other writers waiting less
        // (5,000 rows hold them about a quarter of a second).
        let batch_size = if consent.is_some() { batch_size.min(CONSENT_BATCH) } else { batch_size };
        let mut batch: Vec<Pending> = Vec::with_capacity(batch_size);
        let mut record = csv::ByteRecord::new();
        let mut writing: Option<Writing> = None;
        let mut read_since_yield = 0u32;
        // The line of the last record read (a batch covers the lines up to it).
        let mut last_read = opts.resume_after_line;
        let run: Result<()> = async {
            loop {
                // Reading and checking rows is plain computation: let the
                // server's other tasks (pages, the progress saver) run now and then.
                read_since_yield += 1;
                if read_since_yield == 1024 {
                    read_since_yield = 0;
                    tokio::task::yield_now().await;
                }
                // The line a record ends on: the one holding the byte before the reader's position.
                let end_line = |reader: &csv::Reader<_>| {
                    lines.lock().unwrap_or_else(|e| e.into_inner()).line_of(reader.position().byte().saturating_sub(1))
                };
                let more = match reader.read_byte_record(&mut record) {
                    Ok(more) => more,
                    // Byte records of a flexible reader fail only when the file
                    // cannot be read; the batches before stand, resumable.
                    Err(_) => {
                        let line = end_line(&reader);
                        return Err(Invalid::one(
                            "file",
                            format!(
                                "could not be read after line {line}; {} rows were imported before it",
                                report.created
                            ),
                        )
                        .into());
                    }
                };
                if more {
                    let inner_newlines = record.iter().map(newlines).sum::<u64>();
                    let line = end_line(&reader).saturating_sub(inner_newlines);
                    if record.iter().all(|f| f.iter().all(u8::is_ascii_whitespace)) {
                        continue;
                    }
                    // Lines a resumed import already did are only read for the
                    // addresses they took, so that a later line repeating one is
                    // rejected as in a run that was never interrupted.
                    let done_before = line <= opts.resume_after_line;
                    if !done_before {
                        last_read = line;
                    }
                    let fields: std::result::Result<Vec<String>, _> =
                        record.iter().map(|f| String::from_utf8(f.to_vec())).collect();
                    let outcome = match fields {
                        Err(_) => Some("the line is not valid UTF-8".to_owned()),
                        Ok(fields) => match row_data(&fields, &targets).and_then(|(mut d, raw)| {
                            policy.check(&mut d).map_err(|inv| describe(&inv))?;
                            let c = consent.map(|(_, c)| c.row(&raw, now)).transpose()?;
                            Ok((d, c))
                        }) {
                            Err(why) => Some(why),
                            Ok((data, row_consent)) => {
                                let keys: Vec<String> = data.emails.iter().map(|e| e.lookup_key()).collect();
                                let hashes: Vec<u64> = keys
                                    .iter()
                                    .map(|k| {
                                        let h = self.store.vault().keyed_hash("import-duplicate", k);
                                        u64::from_be_bytes(h[..8].try_into().expect("HMAC-SHA256 is 32 bytes"))
                                    })
                                    .collect();
                                if hashes.iter().any(|h| seen.contains(h)) {
                                    Some("the same email address is on an earlier line of the file".to_owned())
                                } else {
                                    seen.extend(hashes);
                                    if !done_before {
                                        batch.push(Pending { line, data, keys, consent: row_consent });
                                    }
                                    None
                                }
                            }
                        },
                    };
                    if let Some(why) = outcome.filter(|_| !done_before) {
                        report.rejected += 1;
                        on_row(line, &Outcome::Rejected(why));
                    }
                }
                if batch.len() >= batch_size || (!more && !batch.is_empty()) {
                    // A pass that lost its run updates no one (the batch's own
                    // transaction checks again for the contacts it creates).
                    if let Some((run, pass)) = opts.pass {
                        if !self.store.import_pass_holds(run, pass).await? {
                            return Err(AppError::Conflict(
                                "the import no longer holds its file: it was resumed elsewhere or dropped".into(),
                            ));
                        }
                    }
                    let (items, lines, consents) =
                        self.check_batch(p, opts, std::mem::take(&mut batch), &mut report, &mut on_row).await?;
                    // Sealed and indexed before waiting for the batch being written
                    // (on a blocking thread, not holding up the server's tasks), so
                    // one batch is written while the next is read, checked and sealed.
                    let prepared = if opts.dry_run || items.is_empty() {
                        None
                    } else {
                        let store = self.store.clone();
                        let batch = tokio::task::spawn_blocking(move || store.prepare_new(items))
                            .await
                            .map_err(|_| AppError::Unavailable)??;
                        Some(batch)
                    };
                    finish(&mut writing, &mut report, &mut on_row).await?;
                    let write = prepared.map(|batch| {
                        let (store, ctx, basis, pass) = (self.store.clone(), p.ctx(), basis.clone(), opts.pass);
                        let source = basis_source_name();
                        tokio::spawn(async move {
                            store.insert_import_batch(&ctx, pass, &batch, basis.as_ref(), &consents, &source).await
                        })
                    });
                    writing = Some((write, lines, last_read));
                }
                if !more {
                    break;
                }
            }
            Ok(())
        }
        .await;
        // Whatever stopped the run, the batch being written is waited for,
        // so the count and the last line done are true.
        let end = finish(&mut writing, &mut report, &mut on_row).await;
        match run.and(end) {
            Ok(()) => Ok(report),
            Err(e) if report.created == 0 || report.dry_run => Err(e),
            Err(e) => Err(AppError::Conflict(format!(
                "the import stopped ({e}) after {} contacts were written; every line up to {} is done: resume after that line",
                report.created, report.last_line
            ))),
        }
    }

    /// Decides each row of a batch against the suppression list and the
    /// contacts already in Kith; returns the contacts to write and their lines.
    async fn check_batch(
        &self,
        p: &Principal,
        opts: &ImportOptions,
        batch: Vec<Pending>,
        report: &mut ImportReport,
        on_row: &mut impl FnMut(u64, &Outcome),
    ) -> Result<(Vec<ContactInput>, Vec<u64>, Vec<NewConsentEvent>)> {
        let emails: Vec<&Email> = batch.iter().flat_map(|r| r.data.emails.iter()).collect();
        let suppressed: HashSet<String> =
            self.store.suppressed(&emails).await?.into_iter().map(|i| emails[i].lookup_key()).collect();
        let in_use = self.store.emails_in_use(&emails).await?;
        let now = time::OffsetDateTime::now_utc();
        let mut items = Vec::with_capacity(batch.len());
        let mut lines = Vec::with_capacity(batch.len());
        let mut consents = Vec::new();
        let consent = match (opts.basis, &opts.consent) {
            (Some((purpose, LawfulBasis::Consent)), Some(c)) => Some((purpose, c)),
            _ => None,
        };
        for r in batch {
            if r.keys.iter().any(|k| suppressed.contains(k)) {
                report.rejected += 1;
                on_row(
                    r.line,
                    &Outcome::Rejected(
                        "the address belongs to a person erased after unsubscribing (suppression list)".into(),
                    ),
                );
            } else if r.keys.iter().any(|k| in_use.contains_key(k)) {
                let mut holders: Vec<SubjectId> =
                    r.keys.iter().filter_map(|k| in_use.get(k)).flatten().copied().collect();
                holders.sort_unstable();
                holders.dedup();
                let outcome = match holders.as_slice() {
                    [one] => {
                        let c = consent.zip(r.consent.as_ref()).map(|((purpose, c), rc)| c.event(p, purpose, *one, rc));
                        self.update_from_row(p, opts, *one, &r.data, c).await?
                    }
                    _ => Outcome::Rejected("the addresses belong to several contacts in Kith: merge them first".into()),
                };
                match &outcome {
                    Outcome::Updated(_) => report.updated += 1,
                    Outcome::Skipped(_) => report.skipped += 1,
                    _ => report.rejected += 1,
                }
                on_row(r.line, &outcome);
            } else {
                let source = Provenance {
                    kind: SourceKind::Import,
                    reference: Some(opts.file_name.clone()),
                    detail: Some(format!("line {}", r.line)),
                    user: p.author(),
                    at: now,
                };
                let id = kith_domain::SubjectId::new();
                if let (Some((purpose, c)), Some(rc)) = (consent, r.consent.as_ref()) {
                    consents.push(c.event(p, purpose, id, rc));
                }
                items.push(ContactInput {
                    id,
                    owner: None,
                    company: None,
                    tags: vec![],
                    data: r.data,
                    source: Some(source),
                });
                lines.push(r.line);
            }
        }
        Ok((items, lines, consents))
    }

    /// A row matching one contact by email updates it: the file's values
    /// win for the fields it fills, addresses and phones are added, and the
    /// consent it carries is recorded. A restricted person is left alone.
    /// Audited with before and after.
    async fn update_from_row(
        &self,
        p: &Principal,
        opts: &ImportOptions,
        id: SubjectId,
        row: &ContactData,
        consent: Option<NewConsentEvent>,
    ) -> Result<Outcome> {
        let restricted = || Outcome::Skipped("processing of this contact is restricted (GDPR Art. 18)".into());
        if self.store.restricted_since(id).await?.is_some() {
            return Ok(restricted());
        }
        let Some(current) = self.store.get_contact(id).await? else {
            return Ok(Outcome::Skipped("the contact was deleted meanwhile".into()));
        };
        let (merged, mut fields) = merge(&current.data, row);
        // The same imported consent (same purpose, same original time) is on
        // record already: an import run again, or resumed, adds it once.
        let consent = match consent {
            Some(e) => {
                let on_record = self.store.consent_events(id).await?.iter().any(|x| {
                    x.purpose == e.purpose && x.method == ConsentMethod::Import && x.action == e.action && x.at == e.at
                });
                (!on_record).then_some(e)
            }
            None => None,
        };
        if fields.is_empty() && consent.is_none() {
            return Ok(Outcome::Skipped("already in Kith with the same values".into()));
        }
        if let Err(inv) = merged.validate() {
            return Ok(Outcome::Rejected(format!("merged with the contact in Kith: {}", describe(&inv))));
        }
        let gone = || Outcome::Skipped("the contact was deleted meanwhile".into());
        if !opts.dry_run && !fields.is_empty() {
            let updated = self
                .store
                .modify_contact(&p.ctx(), id, |c| {
                    let (data, _) = merge(&c.data, row);
                    Ok::<_, AppError>(ContactInput {
                        id: c.id,
                        owner: c.owner,
                        company: c.company,
                        tags: c.tags,
                        data,
                        source: None,
                    })
                })
                .await;
            match updated {
                Err(AppError::NotFound(_)) => return Ok(gone()),
                // Restricted since the check above: the store checks again under the lock.
                Err(AppError::Restricted) => return Ok(restricted()),
                r => r?,
            }
        }
        if let Some(event) = consent {
            if !opts.dry_run {
                let w = ConsentWrite {
                    events: vec![event],
                    consent_becomes_basis: Some((BasisSource::Import, Some(basis_source_name()))),
                    ..Default::default()
                };
                match self.store.write_consent(&p.ctx(), w).await {
                    Err(kith_store::StoreError::NotFound) => return Ok(gone()),
                    Err(kith_store::StoreError::Restricted) => return Ok(restricted()),
                    r => r?,
                };
            }
            fields.push("consent");
        }
        Ok(Outcome::Updated(fields.join(", ")))
    }
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

/// A batch being written (none in a dry run), its lines, and the last line it covers.
type Writing = (Option<tokio::task::JoinHandle<std::result::Result<(), kith_store::StoreError>>>, Vec<u64>, u64);

/// Waits for the batch being written, then reports its lines as created.
async fn finish(
    writing: &mut Option<Writing>,
    report: &mut ImportReport,
    on_row: &mut impl FnMut(u64, &Outcome),
) -> Result<()> {
    let Some((write, lines, through)) = writing.take() else { return Ok(()) };
    if let Some(w) = write {
        w.await.map_err(|_| AppError::Unavailable)??;
    }
    for l in &lines {
        on_row(*l, &Outcome::Created);
    }
    report.created += lines.len() as u64;
    report.last_line = report.last_line.max(through);
    on_row(through, &Outcome::Through);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_of_common_exports_are_recognised() {
        for (h, t) in [
            ("First Name", Target::FirstName),
            ("Given Name", Target::FirstName),
            ("Last Name", Target::LastName),
            ("Family Name", Target::LastName),
            ("E-mail 1 - Value", Target::Email),
            ("Email Address", Target::Email),
            ("Phone 1 - Value", Target::Phone),
            ("Mobile Phone", Target::Phone),
            ("MailingCity", Target::City),
            ("Mailing Zip/Postal Code", Target::PostalCode),
            ("Organization 1 - Title", Target::JobTitle),
            ("Job Title", Target::JobTitle),
        ] {
            assert_eq!(detect(h), Some(t), "{h}");
        }
        assert_eq!(detect("Lead Score"), None);
    }

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
    fn lines_end_with_lf_crlf_or_a_lone_cr() {
        let file = b"a\rb\r\nc\nd\re";
        let state = std::sync::Arc::new(std::sync::Mutex::new(LineState::default()));
        let mut r = Lines { inner: &file[..], state: state.clone() };
        std::io::copy(&mut r, &mut std::io::sink()).unwrap();
        let mut st = state.lock().unwrap();
        let lines: Vec<u64> = [0, 2, 5, 7, 9].iter().map(|o| st.line_of(*o)).collect();
        assert_eq!(lines, [1, 2, 3, 4, 5], "a, b, c, d and e each start a line");
        assert_eq!(newlines(b"x\ry\r\nz\n"), 3);
    }

    #[test]
    fn columns_chosen_in_order_keep_their_own_choice_whatever_their_names() {
        let headers: Vec<String> = ["Email", "", "", "Date"].iter().map(|h| (*h).to_owned()).collect();
        let chosen = vec![
            ("Email".to_owned(), Some(Target::Email)),
            (String::new(), Some(Target::ConsentAt)),
            (String::new(), Some(Target::ConsentEvidence)),
            ("Date".to_owned(), None),
        ];
        let m = map_headers(&headers, &chosen);
        assert_eq!(m, chosen, "two unnamed columns keep different fields");
        // By name (the CLI's --map), an unnamed header takes the first choice for it.
        let by_name = map_headers(&headers, &chosen[1..2]);
        assert_eq!(by_name[2].1, Some(Target::ConsentAt));
    }

    #[test]
    fn the_separator_is_sniffed_outside_quotes() {
        assert_eq!(sniff_delimiter(b"name;email\nA;b@example.com"), b';');
        assert_eq!(sniff_delimiter(b"\"a;b;c\",email\n"), b',');
    }

    #[test]
    fn a_row_becomes_contact_data_or_a_reason_without_values() {
        let t = [Some(Target::FullName), Some(Target::Email), None];
        let row = |a: &str, b: &str| vec![a.to_owned(), b.to_owned(), "ignored".to_owned()];
        let (d, _) = row_data(&row("Maria Grazia Rossi", "m.rossi@example.it ::: m.rossi@EXAMPLE.it"), &t).unwrap();
        assert_eq!((d.first_name.as_deref(), d.last_name.as_deref()), (Some("Maria Grazia"), Some("Rossi")));
        assert_eq!(d.emails.len(), 1, "the same address twice is kept once");
        let why = row_data(&row("Mario", "not-an-address"), &t).unwrap_err();
        assert!(!why.contains("not-an-address"), "{why}");
    }
}
