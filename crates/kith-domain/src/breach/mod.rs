//! Personal-data breaches (GDPR Art. 33–34): the record of a breach with
//! its nature, numbers, risk and decisions ([`Breach`]), the 72-hour clock
//! ([`clock`]), the risk method ([`risk`]) and the notices drafted from the
//! record ([`notice`]). Free text here describes the breach, never a person.

pub mod clock;
pub mod notice;
pub mod risk;

use crate::geo::Country;
use crate::{Invalid, RecipientId};
use risk::{RiskLevel, RiskMethod};
use time::OffsetDateTime;

word_enum!(
    /// What the breach did to the data (any combination).
    Nature {
        Confidentiality => "confidentiality", "Confidentiality (disclosure or access)",
        Integrity => "integrity", "Integrity (alteration)",
        Availability => "availability", "Availability (loss or destruction)",
    }
);

word_enum!(
    /// Where a breach stands: open while it is being handled.
    BreachStatus {
        Open => "open", "Open",
        Closed => "closed", "Closed",
    }
);

word_enum!(
    /// Whether to notify the supervisory authority (Art. 33).
    AuthorityDecision {
        Undecided => "undecided", "Not decided yet",
        Notify => "notify", "Notify the authority",
        DoNotNotify => "do_not_notify", "Do not notify (risk unlikely)",
    }
);

word_enum!(
    /// Whether to tell the people (Art. 34).
    PeopleDecision {
        Undecided => "undecided", "Not decided yet",
        Tell => "tell", "Tell the people",
        DoNotTell => "do_not_tell", "Do not tell the people",
    }
);

word_enum!(
    /// Why the people need not be told: Art. 34(1) applies only to a high
    /// risk, and Art. 34(3) lists when even a high risk need not be told.
    Art34Ground {
        RiskNotHigh => "risk_not_high", "The risk to the people is not high (Art. 34(1) does not apply)",
        Unintelligible => "unintelligible", "(a) The data are unintelligible to whoever obtained them",
        MeasuresTaken => "measures_taken", "(b) Measures taken since removed the high risk",
        DisproportionateEffort => "disproportionate_effort", "(c) Disproportionate effort: a public notice instead",
    }
);

/// The reference of a breach (internal, such as `BR-2027-004`): 1 to 40
/// letters, digits, `-`, `_`, `.` or `/`.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Reference(String);

impl Reference {
    pub fn parse(s: &str) -> Result<Reference, Invalid> {
        let s = s.trim();
        if s.is_empty() || s.chars().count() > 40 {
            return Err(Invalid::one("reference", "1 to 40 characters"));
        }
        if !s.chars().all(|c| c.is_ascii_alphanumeric() || "-_./".contains(c)) {
            return Err(Invalid::one("reference", "letters, digits, '-', '_', '.' or '/' only"));
        }
        Ok(Reference(s.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for Reference {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        Reference::parse(&s).map_err(|e| e.to_string())
    }
}

impl From<Reference> for String {
    fn from(r: Reference) -> String {
        r.0
    }
}

impl std::fmt::Display for Reference {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// The record of a breach as the DPO edits it. When the controller became
/// aware (the clock's start) is kept beside it, locked once set.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Breach {
    pub title: String,
    /// The supervisory authorities' case references.
    #[serde(default)]
    pub authority_refs: Vec<String>,
    /// When it began and ended; `None`: unknown.
    #[serde(with = "time::serde::rfc3339::option", default)]
    pub occurred_from: Option<OffsetDateTime>,
    #[serde(with = "time::serde::rfc3339::option", default)]
    pub occurred_to: Option<OffsetDateTime>,
    #[serde(with = "time::serde::rfc3339::option", default)]
    pub detected_at: Option<OffsetDateTime>,
    #[serde(default)]
    pub nature: Vec<Nature>,
    #[serde(default)]
    pub cause: String,
    /// The systems involved, in words.
    #[serde(default)]
    pub systems: String,
    /// The recipients involved, from the recipient register.
    #[serde(default)]
    pub recipients: Vec<RecipientId>,
    /// Data categories, as the field policy names its fields.
    #[serde(default)]
    pub data_categories: Vec<String>,
    /// Special categories (Art. 9–10), by their slug.
    #[serde(default)]
    pub special_categories: Vec<String>,
    #[serde(default)]
    pub approx_records: Option<u64>,
    #[serde(default)]
    pub approx_people: Option<u64>,
    /// Categories of people (customers, prospects…), in words.
    #[serde(default)]
    pub people_categories: String,
    #[serde(default)]
    pub countries: Vec<Country>,
    /// Likely consequences for the people (Art. 33(3)(c)).
    #[serde(default)]
    pub consequences: String,
    #[serde(default = "default_method")]
    pub risk_method: RiskMethod,
    #[serde(default)]
    pub likelihood: Option<u8>,
    #[serde(default)]
    pub severity: Option<u8>,
    /// Measures taken or proposed (Art. 33(3)(d)).
    #[serde(default)]
    pub measures: String,
    #[serde(default)]
    pub dpo_view: String,
    #[serde(default = "undecided_authority")]
    pub authority_decision: AuthorityDecision,
    #[serde(default)]
    pub authority_reason: String,
    #[serde(default = "undecided_people")]
    pub people_decision: PeopleDecision,
    #[serde(default)]
    pub people_ground: Option<Art34Ground>,
    #[serde(default)]
    pub people_reason: String,
    /// The affected values were sealed (encrypted at rest).
    #[serde(default)]
    pub values_sealed: bool,
    /// The master key was exposed too.
    #[serde(default)]
    pub master_key_exposed: bool,
    #[serde(default = "open")]
    pub status: BreachStatus,
}

fn default_method() -> RiskMethod {
    RiskMethod::Matrix
}
fn undecided_authority() -> AuthorityDecision {
    AuthorityDecision::Undecided
}
fn undecided_people() -> PeopleDecision {
    PeopleDecision::Undecided
}
fn open() -> BreachStatus {
    BreachStatus::Open
}

/// When the controller became aware of the breach: the clock's start.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Awareness {
    pub at: OffsetDateTime,
    /// What made the controller reasonably certain.
    pub evidence: String,
}

use crate::error::{text, LONG, SHORT};

/// Checks the evidence of an awareness moment.
pub fn check_evidence(mut evidence: String) -> Result<String, Invalid> {
    let mut inv = Invalid::default();
    text(&mut inv, "aware_evidence", &mut evidence, 1, LONG);
    inv.into_result().map(|()| evidence)
}

impl Breach {
    /// An open breach with only a title.
    pub fn draft(title: &str) -> Breach {
        empty_record(title)
    }

    /// Checks and trims the record; fields are named as in the API.
    pub fn check(mut self) -> Result<Breach, Invalid> {
        let mut inv = Invalid::default();
        text(&mut inv, "title", &mut self.title, 1, SHORT);
        if self.title.contains(['\n', '\r']) {
            inv.push("title", "must be one line");
        }
        if self.authority_refs.len() > 20 {
            inv.push("authority_refs", "at most 20 references");
        }
        for (i, r) in self.authority_refs.iter_mut().enumerate() {
            text(&mut inv, &format!("authority_refs[{i}]"), r, 1, SHORT);
        }
        for (field, v) in [
            ("cause", &mut self.cause),
            ("systems", &mut self.systems),
            ("people_categories", &mut self.people_categories),
            ("consequences", &mut self.consequences),
            ("measures", &mut self.measures),
            ("dpo_view", &mut self.dpo_view),
            ("authority_reason", &mut self.authority_reason),
            ("people_reason", &mut self.people_reason),
        ] {
            text(&mut inv, field, v, 0, LONG);
        }
        if let (Some(a), Some(b)) = (self.occurred_from, self.occurred_to) {
            if b < a {
                inv.push("occurred_to", "the end comes after the start");
            }
        }
        for (field, list) in
            [("data_categories", &mut self.data_categories), ("special_categories", &mut self.special_categories)]
        {
            for v in list.iter_mut() {
                *v = v.trim().to_owned();
            }
            list.retain(|v| !v.is_empty());
            list.sort();
            list.dedup();
            if list.len() > 100 || list.iter().any(|v| v.chars().count() > SHORT) {
                inv.push(field, "at most 100 names of at most 200 characters");
            }
        }
        self.nature.sort();
        self.nature.dedup();
        self.recipients.sort();
        self.recipients.dedup();
        self.countries.sort_by(|a, b| a.code().cmp(b.code()));
        self.countries.dedup();
        for (field, v) in [("likelihood", self.likelihood), ("severity", self.severity)] {
            if v.is_some_and(|v| !(1..=4).contains(&v)) {
                inv.push(field, "from 1 (negligible) to 4 (maximum)");
            }
        }
        if self.authority_decision == AuthorityDecision::DoNotNotify && self.authority_reason.is_empty() {
            inv.push("authority_reason", "say why the authority is not notified (e.g. the risk is unlikely)");
        }
        match self.people_decision {
            PeopleDecision::DoNotTell if self.people_ground.is_none() => {
                inv.push("people_ground", "give the ground for not telling the people (risk not high, or Art. 34(3))");
            }
            PeopleDecision::DoNotTell => {}
            _ => self.people_ground = None,
        }
        if self.people_ground == Some(Art34Ground::Unintelligible) && !self.unintelligible_holds() {
            inv.push(
                "people_ground",
                "ground (a) holds only when the values were sealed and the master key was not exposed",
            );
        }
        if self.people_ground == Some(Art34Ground::RiskNotHigh)
            && self.risk_level().is_none_or(|l| l == RiskLevel::High)
        {
            inv.push(
                "people_ground",
                "\"risk not high\" holds only when likelihood and severity give a risk level below high",
            );
        }
        let needs_reason = |g: Art34Ground| !matches!(g, Art34Ground::Unintelligible | Art34Ground::RiskNotHigh);
        if self.people_ground.is_some_and(needs_reason) && self.people_reason.is_empty() {
            inv.push("people_reason", "describe the measures or the public notice");
        }
        inv.into_result().map(|()| self)
    }

    /// The risk level by the record's method, when both scores are given.
    pub fn risk_level(&self) -> Option<RiskLevel> {
        risk::risk_level(self.risk_method, self.likelihood?, self.severity?)
    }

    /// Art. 34(3)(a) can be argued: the affected values were sealed and
    /// the master key was not exposed.
    pub fn unintelligible_holds(&self) -> bool {
        self.values_sealed && !self.master_key_exposed
    }

    /// The ground Kith proposes for not telling the people, from the
    /// facts recorded: (a) when the data stay unintelligible.
    pub fn proposed_ground(&self) -> Option<Art34Ground> {
        self.unintelligible_holds().then_some(Art34Ground::Unintelligible)
    }
}

fn empty_record(title: &str) -> Breach {
    Breach {
        title: title.to_owned(),
        authority_refs: Vec::new(),
        occurred_from: None,
        occurred_to: None,
        detected_at: None,
        nature: Vec::new(),
        cause: String::new(),
        systems: String::new(),
        recipients: Vec::new(),
        data_categories: Vec::new(),
        special_categories: Vec::new(),
        approx_records: None,
        approx_people: None,
        people_categories: String::new(),
        countries: Vec::new(),
        consequences: String::new(),
        risk_method: RiskMethod::Matrix,
        likelihood: None,
        severity: None,
        measures: String::new(),
        dpo_view: String::new(),
        authority_decision: AuthorityDecision::Undecided,
        authority_reason: String::new(),
        people_decision: PeopleDecision::Undecided,
        people_ground: None,
        people_reason: String::new(),
        values_sealed: false,
        master_key_exposed: false,
        status: BreachStatus::Open,
    }
}

#[cfg(test)]
mod tests;
