//! Screening: does a purpose need an assessment? The criteria of the
//! Article 29 Working Party's guidelines (WP248 rev.01) that Kith can see
//! in its own data, computed per purpose; two or more met suggest an
//! assessment is likely required (the guidelines' rule of thumb). The DPO
//! decides and records why ([`Decision`]).

use crate::geo::Country;
use crate::policy::{FieldCategory, FieldDef, SpecialCategory};
use crate::ropa::Activity;
use crate::{Invalid, PurposeId};

/// WP248 names no number for "large scale"; Kith counts people holding a
/// basis for the purpose and calls this many or more large. Say so.
pub const LARGE_SCALE: i64 = 10_000;

word_enum!(
    /// The criteria Kith screens for.
    Criterion {
        Scoring => "evaluation_scoring", "Evaluation or scoring, automated decisions (WP248 1–2)",
        Monitoring => "systematic_monitoring", "Systematic monitoring (WP248 3)",
        Sensitive => "sensitive_data", "Special categories or highly personal data (WP248 4)",
        LargeScale => "large_scale", "Data processed on a large scale (WP248 5)",
        Matching => "matching_datasets", "Matching or combining datasets (WP248 6)",
        Vulnerable => "vulnerable_subjects", "Vulnerable data subjects, children (WP248 7)",
        Transfers => "third_country_transfers", "Transfers outside the EEA",
    }
);

word_enum!(
    /// What Kith can say about a criterion.
    Outcome {
        Met => "met", "Met",
        NotMet => "not_met", "Not met",
        NotObserved => "not_observed", "Not observable by Kith",
    }
);

/// The facts of one purpose the screening reads.
#[derive(Clone, Debug)]
pub struct Facts<'a> {
    pub activity: &'a Activity,
    /// People holding a lawful basis for the purpose now.
    pub people: i64,
    /// Import runs that wrote to the CRM (not dry runs), and how many
    /// records they matched with existing ones.
    pub imports: i64,
    pub matched: i64,
    /// The field policy, for the purpose's fields.
    pub fields: &'a [FieldDef],
}

/// One criterion's result and why.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Finding {
    pub criterion: Criterion,
    pub outcome: Outcome,
    pub reason: String,
}

/// The screening of one purpose.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Screening {
    pub purpose_id: PurposeId,
    pub findings: Vec<Finding>,
    /// Two or more criteria met.
    pub likely_required: bool,
    /// The criteria met, in words.
    pub reasons: Vec<String>,
}

fn plural(n: i64, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// Screens one purpose.
pub fn screen(f: &Facts<'_>) -> Screening {
    let a = f.activity;
    let mut findings = Vec::new();
    let mut add = |criterion, outcome, reason: String| findings.push(Finding { criterion, outcome, reason });
    add(
        Criterion::Scoring,
        Outcome::NotObserved,
        "Kith computes no score, profile or automated decision; check integrations that read the data".into(),
    );
    add(
        Criterion::Monitoring,
        Outcome::NotObserved,
        "Kith records no tracking or behaviour; check what the purpose itself does".into(),
    );
    let special: Vec<String> =
        a.special_categories.iter().map(|s| format!("{} ({})", s.field, s.category.label())).collect();
    let financial: Vec<&str> = f
        .fields
        .iter()
        .filter(|d| d.enabled && d.purposes.contains(&a.purpose_id) && d.category == FieldCategory::Financial)
        .filter(|d| d.special.is_none())
        .map(|d| d.label.as_str())
        .collect();
    let criminal = a.special_categories.iter().any(|s| s.category == SpecialCategory::Criminal);
    if !special.is_empty() {
        let what = if criminal { "Art. 9 or 10 data" } else { "Art. 9 data" };
        add(
            Criterion::Sensitive,
            Outcome::Met,
            format!("the field policy holds {what} for it: {}", special.join(", ")),
        );
    } else if !financial.is_empty() {
        add(Criterion::Sensitive, Outcome::Met, format!("financial data, highly personal: {}", financial.join(", ")));
    } else {
        add(Criterion::Sensitive, Outcome::NotMet, "no special category or financial field names this purpose".into());
    }
    let people = plural(f.people, "person holds", "people hold");
    if f.people >= LARGE_SCALE {
        add(
            Criterion::LargeScale,
            Outcome::Met,
            format!("{people} a basis for it (Kith's threshold: {LARGE_SCALE}; WP248 names no number)"),
        );
    } else {
        add(
            Criterion::LargeScale,
            Outcome::NotMet,
            format!("{people} a basis for it, under Kith's threshold of {LARGE_SCALE} (WP248 names no number)"),
        );
    }
    if f.imports > 0 {
        add(
            Criterion::Matching,
            Outcome::Met,
            format!(
                "{} combined outside lists with the CRM, {} matched to existing contacts (imports are not recorded per purpose)",
                plural(f.imports, "import", "imports"),
                plural(f.matched, "record", "records")
            ),
        );
    } else {
        add(Criterion::Matching, Outcome::NotMet, "no import wrote to the CRM in the imports kept".into());
    }
    add(
        Criterion::Vulnerable,
        Outcome::NotObserved,
        "Kith holds no age or date of birth; say whether children or other vulnerable people are concerned".into(),
    );
    let third: Vec<String> = third_countries(a).iter().map(|(r, c)| format!("{r} ({})", c.name())).collect();
    if third.is_empty() {
        add(Criterion::Transfers, Outcome::NotMet, "no recipient of this purpose is outside the EEA".into());
    } else {
        add(Criterion::Transfers, Outcome::Met, third.join(", "));
    }
    let reasons: Vec<String> = findings
        .iter()
        .filter(|f| f.outcome == Outcome::Met)
        .map(|f| format!("{}: {}", f.criterion.label(), f.reason))
        .collect();
    Screening { purpose_id: a.purpose_id, likely_required: reasons.len() >= 2, reasons, findings }
}

/// The (recipient, country) pairs of a purpose outside the EEA, sorted.
pub fn third_countries(a: &Activity) -> Vec<(String, Country)> {
    let mut v: Vec<(String, Country)> = a
        .recipients
        .iter()
        .flat_map(|r| r.countries.iter().filter(|c| !c.in_eea()).map(move |c| (r.legal_name.clone(), *c)))
        .collect();
    v.sort();
    v.dedup();
    v
}

/// The DPO's decision about a purpose.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Decision {
    pub required: bool,
    pub reason: String,
    /// The recipients outside the EEA when decided (recipient, country):
    /// one added since is new and worth a second look.
    pub third_countries: Vec<(String, Country)>,
}

impl Decision {
    pub fn check(mut self) -> Result<Decision, Invalid> {
        self.reason = self.reason.trim().to_owned();
        let n = self.reason.chars().count();
        if n < 10 {
            return Err(Invalid::one("reason", "say why (at least 10 characters)"));
        }
        if n > 5000 {
            return Err(Invalid::one("reason", "at most 5000 characters"));
        }
        if self.reason.chars().any(|c| c.is_control() && c != '\n' && c != '\r') {
            return Err(Invalid::one("reason", "control characters are not allowed"));
        }
        Ok(self)
    }

    /// Recipients outside the EEA the purpose has now that it had not
    /// when the decision was made.
    pub fn new_third_countries(&self, a: &Activity) -> Vec<(String, Country)> {
        third_countries(a).into_iter().filter(|x| !self.third_countries.contains(x)).collect()
    }
}
