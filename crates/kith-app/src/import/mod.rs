//! Importing contacts from CSV: streamed in batches (memory bounded by the
//! batch, plus 8 bytes per distinct address for the in-file duplicate
//! check), columns mapped by header (the exports of HubSpot, Salesforce,
//! Zoho and Google Contacts are recognised), a dry run that says per row
//! what would happen and why, and a real run that writes each batch in one
//! transaction with its provenance and lawful basis.
//!
//! Rows are reported by line number and a reason that never repeats a
//! value from the file.

mod batch;
mod consent;
mod file;
mod mapping;
mod plan;
mod row;
mod run;

pub use consent::ConsentImport;
pub use file::headers;
pub use mapping::{detect, map_headers, Target};
pub use plan::ImportPlan;
pub use row::merge;

use kith_domain::{Invalid, LawfulBasis, PurposeId};

/// The tag of people an imported file said had consented, without the
/// proof of it: the segment of a campaign asking them again.
pub const ASK_AGAIN_TAG: &str = "consent-claimed-ask-again";

/// Rows per transaction.
pub const BATCH: usize = 25_000;
/// Rows per transaction when consent is imported with them (at 10⁵ rows on
/// SQLite, 1,000 gave 15,800 rows/s and 5,000 gave 19,100).
pub const CONSENT_BATCH: usize = 5_000;

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
    /// The purpose the file's lawful-basis column (HubSpot's "Legal basis
    /// for processing contact's data", Zoho's "Data Processing Basis",
    /// Salesforce's "Legal Basis") is about; required with that column.
    pub basis_purpose: Option<PurposeId>,
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

/// What happened (or would happen) to one row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Every line up to this one is done (written, in a real run): an
    /// import stopped after it resumes after it. Not a row of its own.
    Through,
    Created,
    /// The row just reported as created claimed consent without its proof:
    /// no basis was recorded for it, and it is tagged [`ASK_AGAIN_TAG`].
    /// Not a row of its own.
    ConsentClaimed,
    /// A contact matching by email was updated; the fields that changed.
    Updated(String),
    /// Already in Kith (an address matches); left as it is.
    Skipped(String),
    Rejected(String),
}

impl Outcome {
    /// A row's outcome (not a marker such as [`Outcome::Through`]).
    pub fn is_row(&self) -> bool {
        !matches!(self, Outcome::Through | Outcome::ConsentClaimed)
    }

    /// In words, for reports: what happened to the row (or would, in a dry
    /// run), and why; `Through` is no row and has no words.
    pub fn words(&self, dry_run: bool) -> (&'static str, &str) {
        match self {
            Outcome::Through | Outcome::ConsentClaimed => ("", ""),
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
    /// Created rows whose file claimed consent without its proof: they got
    /// no basis for the purpose, and are tagged [`ASK_AGAIN_TAG`].
    pub consent_claimed: u64,
    pub dry_run: bool,
}

/// What a basis set by an import names as its source: not the file's
/// name, which can name a person and would sit in clear beside the basis
/// (each contact's sealed provenance names the file and line).
fn basis_source_name() -> String {
    format!("CSV import of {}", time::OffsetDateTime::now_utc().date())
}

/// The fields an error names and its messages; never the values.
fn describe(inv: &Invalid) -> String {
    inv.0.iter().map(|e| format!("{}: {}", e.field, e.message)).collect::<Vec<_>>().join("; ")
}
