//! A contact's personal data and the checked values inside it.

use crate::error::Invalid;
use serde::{Deserialize, Serialize};
use std::fmt;

/// Longest free-text value we accept (notes, interaction bodies).
pub const MAX_TEXT: usize = 20_000;
/// Longest short value (names, titles, address lines).
pub const MAX_SHORT: usize = 200;
/// Most emails or phones one contact may hold.
pub const MAX_MULTI: usize = 10;

/// An email address, trimmed, checked for a deliverable shape (an unquoted
/// dot-atom local part, a domain that has an IDNA ASCII form), and kept as
/// typed: mail goes to the address as stored.
///
/// Two addresses are the same mailbox ([`Email::lookup_key`]) when their
/// domains have the same IDNA ASCII form and their local parts are equal
/// exactly, except at the mailbox providers known to ignore case
/// ([`CASE_INSENSITIVE_DOMAINS`]), where ASCII case is ignored. Nothing is
/// folded: `alicé@…` is not `alice@…`, and `…@exämple.com` is another domain.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Email(String);

/// Mailbox providers whose local parts are case-insensitive (they say so, and
/// deliver `Mario.Rossi@` and `mario.rossi@` to one mailbox). Elsewhere the
/// local part is compared exactly, as RFC 5321 leaves it to the receiver.
pub const CASE_INSENSITIVE_DOMAINS: &[&str] = &[
    "gmail.com",
    "googlemail.com",
    "outlook.com",
    "outlook.it",
    "outlook.fr",
    "outlook.de",
    "outlook.es",
    "hotmail.com",
    "hotmail.it",
    "hotmail.fr",
    "hotmail.de",
    "hotmail.es",
    "live.com",
    "live.it",
    "live.fr",
    "msn.com",
    "yahoo.com",
    "yahoo.it",
    "yahoo.fr",
    "yahoo.de",
    "yahoo.es",
    "icloud.com",
    "me.com",
    "mac.com",
    "proton.me",
    "protonmail.com",
    "gmx.com",
    "gmx.de",
    "gmx.net",
    "gmx.fr",
    "web.de",
    "t-online.de",
    "libero.it",
    "virgilio.it",
    "alice.it",
    "tin.it",
    "tiscali.it",
    "orange.fr",
    "wanadoo.fr",
    "free.fr",
    "sfr.fr",
    "laposte.net",
    "abv.bg",
    "mail.bg",
    "dir.bg",
];

/// Characters RFC 5322 allows unquoted in a local part besides letters,
/// digits and dots (letters and digits may be any script, RFC 6531).
const ATEXT: &str = "!#$%&'*+-/=?^_`{|}~";

impl Email {
    pub fn parse(s: &str) -> Result<Self, Invalid> {
        let s = s.trim();
        let bad = |m: &str| Err(Invalid::one("", m));
        if s.is_empty() || s.len() > 254 {
            return bad("must be an email address of at most 254 characters");
        }
        let Some((local, domain)) = s.rsplit_once('@') else {
            return bad("must contain one @");
        };
        if local.is_empty() || local.len() > 64 || local.contains('@') {
            return bad("the part before @ must be 1 to 64 characters without @");
        }
        if s.chars().any(|c| c.is_whitespace() || c.is_control() || c == '"' || c == '<' || c == '>' || c == ',') {
            return bad("must not contain spaces, quotes, angle brackets or commas");
        }
        if !local.chars().all(|c| c.is_alphanumeric() || c == '.' || ATEXT.contains(c))
            || local.starts_with('.')
            || local.ends_with('.')
            || local.contains("..")
        {
            return bad("the part before @ may hold letters, digits, dots (not first, last or doubled) and !#$%&'*+-/=?^_`{|}~ only");
        }
        let labels: Vec<&str> = domain.split('.').collect();
        if labels.len() < 2
            || labels.iter().any(|l| l.is_empty() || l.len() > 63 || l.starts_with('-') || l.ends_with('-'))
            || !domain.chars().all(|c| c.is_alphanumeric() || c == '-' || c == '.')
            || ascii_domain(domain).is_none()
        {
            return bad("the domain after @ is not valid");
        }
        Ok(Self(s.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The key equal mailboxes share (see [`Email`]): the local part as
    /// typed (ASCII case ignored only at [`CASE_INSENSITIVE_DOMAINS`]), `@`,
    /// the domain's IDNA ASCII form.
    pub fn lookup_key(&self) -> String {
        let (local, domain) = self.parts();
        if CASE_INSENSITIVE_DOMAINS.contains(&domain.as_str()) {
            format!("{}@{domain}", local.to_ascii_lowercase())
        } else {
            format!("{local}@{domain}")
        }
    }

    /// The key of the suppression list (erased people who had unsubscribed):
    /// the whole address folded (case, accents, compatibility forms), as
    /// before the matching rules changed. A block list errs on the side of
    /// blocking, and entries made under the old key keep matching.
    pub fn block_key(&self) -> String {
        crate::normalize::fold(&self.0)
    }

    /// The key of a staff sign-in name: case ignored in the whole address
    /// (a password is checked as well), no accents or marks folded.
    pub fn account_key(&self) -> String {
        let (local, domain) = self.parts();
        format!("{}@{domain}", local.to_lowercase())
    }

    /// The local part and the domain's IDNA ASCII form (lower-cased as is
    /// for a stored address written before domains were checked so).
    fn parts(&self) -> (&str, String) {
        let (local, domain) = self.0.rsplit_once('@').unwrap_or((&self.0, ""));
        (local, ascii_domain(domain).unwrap_or_else(|| domain.to_lowercase()))
    }
}

/// The IDNA (UTS #46) ASCII form of a domain, lower-cased; `None` when it has none.
fn ascii_domain(domain: &str) -> Option<String> {
    let a = idna::domain_to_ascii_cow(domain.as_bytes(), idna::AsciiDenyList::STD3).ok()?;
    (!a.is_empty() && a.len() <= 253).then(|| a.into_owned())
}

/// Reading back (serde): the address as stored, under the rules it was
/// written with. Earlier versions accepted addresses today's `parse`
/// refuses (`a..b@`, `;`, domains IDNA rejects); refusing them on read
/// would make those people unreadable, so only the shape is checked.
/// Input from people and clients always goes through [`Email::parse`].
impl TryFrom<String> for Email {
    type Error = Invalid;
    fn try_from(s: String) -> Result<Self, Invalid> {
        match s.rsplit_once('@') {
            Some((l, d)) if !l.is_empty() && !d.is_empty() && s.len() <= 320 => Ok(Self(s)),
            _ => Err(Invalid::one("", "a stored email address must contain @")),
        }
    }
}

impl From<Email> for String {
    fn from(e: Email) -> String {
        e.0
    }
}

impl fmt::Debug for Email {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Email(<redacted>)")
    }
}

/// A telephone number as written, checked to hold 5 to 15 digits with only
/// the usual separators. Its lookup key is `+` (if given) and the digits.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Phone(String);

impl Phone {
    pub fn parse(s: &str) -> Result<Self, Invalid> {
        let s = s.trim();
        let bad = |m: &str| Err(Invalid::one("", m));
        if s.len() > 40 {
            return bad("must be at most 40 characters");
        }
        let mut chars = s.chars().peekable();
        if chars.peek() == Some(&'+') {
            chars.next();
        }
        if !chars.all(|c| c.is_ascii_digit() || matches!(c, ' ' | '-' | '.' | '(' | ')' | '/')) {
            return bad("may hold only digits, a leading +, spaces, dots, dashes, slashes and parentheses");
        }
        let digits = s.chars().filter(char::is_ascii_digit).count();
        if !(5..=15).contains(&digits) {
            return bad("must have between 5 and 15 digits");
        }
        Ok(Self(s.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn lookup_key(&self) -> String {
        let mut k = String::new();
        if self.0.starts_with('+') {
            k.push('+');
        }
        k.extend(self.0.chars().filter(char::is_ascii_digit));
        k
    }
}

impl TryFrom<String> for Phone {
    type Error = Invalid;
    fn try_from(s: String) -> Result<Self, Invalid> {
        Self::parse(&s)
    }
}

impl From<Phone> for String {
    fn from(p: Phone) -> String {
        p.0
    }
}

impl fmt::Debug for Phone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Phone(<redacted>)")
    }
}

/// A postal address. Every part is personal data.
#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Address {
    pub street: Option<String>,
    pub postal_code: Option<String>,
    pub city: Option<String>,
    pub region: Option<String>,
    pub country: Option<String>,
}

impl fmt::Debug for Address {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Address(<redacted>)")
    }
}

impl Address {
    pub fn validate(&self) -> Result<(), Invalid> {
        let mut inv = Invalid::default();
        for (name, v) in [
            ("street", &self.street),
            ("postal_code", &self.postal_code),
            ("city", &self.city),
            ("region", &self.region),
            ("country", &self.country),
        ] {
            inv.check(name, check_short(v.as_deref()));
        }
        inv.into_result()
    }

    pub fn is_empty(&self) -> bool {
        [&self.street, &self.postal_code, &self.city, &self.region, &self.country].iter().all(|v| v.is_none())
    }
}

/// Everything personal about a contact: sealed as one value under the
/// subject's key. Non-personal attributes (owner, company, tags) live
/// outside it so they can be filtered on.
#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContactData {
    pub first_name: Option<String>,
    pub last_name: Option<String>,
    #[serde(default)]
    pub emails: Vec<Email>,
    #[serde(default)]
    pub phones: Vec<Phone>,
    pub address: Option<Address>,
    pub job_title: Option<String>,
    pub notes: Option<String>,
    /// Values of the custom fields the field policy allows, by name
    /// (without the `custom.` prefix), normalised by the policy.
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub custom: std::collections::BTreeMap<String, String>,
}

impl fmt::Debug for ContactData {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("ContactData(<redacted>)")
    }
}

/// Bidirectional embeddings, overrides and isolates: they make text read
/// otherwise than it is stored ("Trojan Source").
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Why `s` is not an acceptable one-line value (a name, a title), if it is
/// not: line breaks, tabs, other control characters, bidirectional overrides.
pub fn line_problem(s: &str) -> Option<&'static str> {
    if s.chars().any(char::is_control) {
        Some("must be one line without tabs or control characters")
    } else if s.chars().any(is_bidi_control) {
        Some("must not contain bidirectional override characters (U+202A–U+202E, U+2066–U+2069)")
    } else {
        None
    }
}

/// A one-line value: no line breaks, tabs or other control characters.
fn check_short(v: Option<&str>) -> Result<(), Invalid> {
    match v {
        Some(s) if s.chars().any(char::is_control) => {
            Err(Invalid::one("", "must be one line without tabs or control characters"))
        }
        _ => check_text(v, MAX_SHORT),
    }
}

fn check_text(v: Option<&str>, max: usize) -> Result<(), Invalid> {
    match v {
        Some(s) if s.chars().count() > max => Err(Invalid::one("", format!("must be at most {max} characters"))),
        Some(s) if s.chars().any(is_bidi_control) => {
            Err(Invalid::one("", "must not contain bidirectional override characters (U+202A–U+202E, U+2066–U+2069)"))
        }
        Some(s) if s.chars().any(|c| c.is_control() && c != '\n' && c != '\r' && c != '\t') => {
            Err(Invalid::one("", "must not contain control characters"))
        }
        _ => Ok(()),
    }
}

impl ContactData {
    /// Checks lengths and that the contact can be told apart from nobody:
    /// at least a name, an email or a phone.
    pub fn validate(&self) -> Result<(), Invalid> {
        let mut inv = Invalid::default();
        inv.check("first_name", check_short(self.first_name.as_deref()));
        inv.check("last_name", check_short(self.last_name.as_deref()));
        inv.check("job_title", check_short(self.job_title.as_deref()));
        inv.check("notes", check_text(self.notes.as_deref(), MAX_TEXT));
        if let Some(a) = &self.address {
            inv.check("address", a.validate());
        }
        if self.emails.len() > MAX_MULTI {
            inv.push("emails", format!("at most {MAX_MULTI} emails"));
        }
        if self.phones.len() > MAX_MULTI {
            inv.push("phones", format!("at most {MAX_MULTI} phones"));
        }
        if self.custom.len() > 100 {
            inv.push("custom", "at most 100 custom fields");
        }
        let blank = |v: &Option<String>| v.as_deref().is_none_or(|s| s.trim().is_empty());
        if blank(&self.first_name) && blank(&self.last_name) && self.emails.is_empty() && self.phones.is_empty() {
            inv.push("last_name", "a contact needs a name, an email or a phone");
        }
        inv.into_result()
    }

    /// Empty strings mean "not given".
    pub fn tidy(mut self) -> Self {
        for v in [&mut self.first_name, &mut self.last_name, &mut self.job_title, &mut self.notes] {
            if v.as_deref().is_some_and(|s| s.trim().is_empty()) {
                *v = None;
            }
        }
        if let Some(a) = &mut self.address {
            for v in [&mut a.street, &mut a.postal_code, &mut a.city, &mut a.region, &mut a.country] {
                if v.as_deref().is_some_and(|s| s.trim().is_empty()) {
                    *v = None;
                }
            }
            if a.is_empty() {
                self.address = None;
            }
        }
        self.custom.retain(|_, v| !v.trim().is_empty());
        self
    }

    /// The words of both names, folded, for the name-prefix index.
    pub fn name_words(&self) -> Vec<String> {
        let mut w = Vec::new();
        for n in [&self.first_name, &self.last_name].into_iter().flatten() {
            w.extend(crate::normalize::words(n));
        }
        w
    }
}

/// Kinds of interaction with a contact.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InteractionKind {
    Note,
    Call,
    Email,
    Meeting,
}

impl InteractionKind {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Note => "note",
            Self::Call => "call",
            Self::Email => "email",
            Self::Meeting => "meeting",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "note" => Self::Note,
            "call" => Self::Call,
            "email" => Self::Email,
            "meeting" => Self::Meeting,
            _ => return None,
        })
    }
}

/// Checks an interaction body or other free text about a person.
pub fn validate_body(body: &str) -> Result<(), Invalid> {
    if body.trim().is_empty() {
        return Err(Invalid::one("body", "must not be empty"));
    }
    check_text(Some(body), MAX_TEXT).map_err(|e| {
        Invalid(
            e.0.into_iter()
                .map(|mut f| {
                    f.field = "body".into();
                    f
                })
                .collect(),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails() {
        assert!(Email::parse("mario.rossi@example.it").is_ok());
        assert_eq!(Email::parse(" Mario@Example.IT ").unwrap().lookup_key(), "Mario@example.it");
        assert_eq!(Email::parse(" Mario@GMail.com ").unwrap().lookup_key(), "mario@gmail.com");
        assert_eq!(Email::parse("Mario@Example.IT").unwrap().account_key(), "mario@example.it");
        for bad in ["", "a", "a@b", "@example.com", "a b@example.com", "a@-x.com", "a@ex..com", "a@b@c.com"] {
            assert!(Email::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn look_alike_addresses_are_other_mailboxes() {
        let key = |s: &str| Email::parse(s).unwrap().lookup_key();
        let alice = key("alice.victim@example.com");
        assert_ne!(key("alice.victim@exämple.com"), alice);
        assert_eq!(key("alice.victim@exämple.com"), "alice.victim@xn--exmple-cua.com");
        assert_ne!(key("ALICE.VICTIM@EXAMPLE.COM"), alice);
        assert_ne!(key("alicé.victim@example.com"), alice);
        // The domain's case and Unicode form do not make another mailbox.
        assert_eq!(key("alice.victim@EXAMPLE.com"), alice);
        assert_eq!(key("ivan@пример.bg"), key("ivan@ПРИМЕР.bg"));
        assert_eq!(key("ivan@пример.bg"), "ivan@xn--e1afmkfd.bg");
    }

    #[test]
    fn addresses_stored_under_older_rules_still_read() {
        for old in ["a..b@example.com", "x;y@example.com", "z@exa_mple.com"] {
            assert!(Email::parse(old).is_err());
            let e: Email = serde_json::from_str(&format!("\"{old}\"")).expect(old);
            assert!(e.lookup_key().contains('@') && e.account_key().contains('@'));
        }
        assert!(serde_json::from_str::<Email>("\"no-at-sign\"").is_err());
    }

    #[test]
    fn undeliverable_local_parts_are_refused() {
        for bad in [
            "a;b@example.com",
            "a(b@example.com",
            "a\\b@example.com",
            "a:b@example.com",
            ".a@example.com",
            "a.@example.com",
            "a..b@example.com",
            "a@exa_mple.com",
        ] {
            assert!(Email::parse(bad).is_err(), "{bad}");
        }
        for good in
            ["o'brien@example.ie", "a+tag@example.com", "jörg@example.de", "иван@example.bg", "a_b-c@example.com"]
        {
            assert!(Email::parse(good).is_ok(), "{good}");
        }
    }

    #[test]
    fn phones() {
        assert_eq!(Phone::parse("+39 06 1234 5678").unwrap().lookup_key(), "+390612345678");
        assert_eq!(Phone::parse("(030) 123-456").unwrap().lookup_key(), "030123456");
        for bad in ["", "12", "call me", "+1234567890123456", "+39 06 12a4"] {
            assert!(Phone::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn contact_needs_an_identifier() {
        assert!(ContactData::default().validate().is_err());
        let c = ContactData { last_name: Some("Rossi".into()), ..Default::default() };
        assert!(c.validate().is_ok());
    }

    #[test]
    fn debug_redacts() {
        let c = ContactData { last_name: Some("Rossi".into()), ..Default::default() };
        assert!(!format!("{c:?}").contains("Rossi"));
        assert!(!format!("{:?}", Email::parse("a@b.io").unwrap()).contains("a@b"));
    }
}
