//! The Art. 14 notice: what a person whose data Kith did not get from them
//! (an import, a staff member's entry) is told once, in their language
//! (the words are kith-app's `letters::art14`): who the controller is, the purposes and
//! their bases, the categories of data, where the data came from, how long
//! it is kept, and their rights with the portal link and the right to
//! complain to a supervisory authority.

use crate::ropa::Controller;
use crate::{LawfulBasis, Provenance, SourceKind};

/// The latest an Art. 14 notice may be sent after the data was obtained
/// (Art. 14(3)(a): "within a reasonable period … at the latest within one
/// month"), in days.
pub const MONTH_DAYS: i64 = 30;
/// Days after a contact's creation the automatic mode sends by default.
pub const DEFAULT_AFTER_DAYS: i64 = 7;

/// Whether a contact from this source is owed an Art. 14 notice: its data
/// did not come from the person (an import or a staff entry). Web forms and
/// the portal are the person's own (Art. 13 applies there).
pub fn owed(kind: SourceKind) -> bool {
    matches!(kind, SourceKind::Import | SourceKind::Manual)
}

/// One purpose as the notice states it.
#[derive(Clone, Debug)]
pub struct NoticePurpose {
    pub name: String,
    pub basis: LawfulBasis,
    /// The purpose's description (the legitimate interest pursued, for that basis).
    pub description: String,
    /// How long the data is kept for it, in words.
    pub retention: String,
    /// Who receives the data.
    pub recipients: String,
}

/// What the notice is built from.
#[derive(Clone, Debug)]
pub struct NoticeFacts<'a> {
    pub controller: &'a Controller,
    pub purposes: &'a [NoticePurpose],
    /// Where the data came from.
    pub source: Option<&'a Provenance>,
    /// The categories of data held (`name`, `email`, `phone`, `address`,
    /// `job_title`, `company`).
    pub categories: &'a [&'static str],
    /// The privacy portal's address.
    pub portal: &'a str,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn imports_and_staff_entries_are_owed_a_notice() {
        assert!(owed(SourceKind::Import) && owed(SourceKind::Manual) && !owed(SourceKind::WebForm));
    }
}
