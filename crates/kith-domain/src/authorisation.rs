//! Persons authorised to process personal data (Art. 29, 32(4)): the
//! instructions staff act on — a versioned text the admin publishes,
//! never edited — each staff member's acknowledgement of them, and their
//! training records. A staff member who has not acknowledged the current
//! instructions may not open personal data until they do.

use crate::{Invalid, Role, UserId};
use time::{Date, Duration, OffsetDateTime};

/// The shortest and longest instructions accepted, in characters.
pub const INSTRUCTIONS_MIN: usize = 20;
pub const INSTRUCTIONS_MAX: usize = 20_000;
/// A training expiring within this many days is a reminder.
pub const EXPIRING_DAYS: i64 = 30;

/// One published version of the instructions. Published versions are
/// never edited: a change is a new version.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Instructions {
    /// 1, 2, 3… in order of publication.
    pub version: i64,
    pub text: String,
    pub published_at: OffsetDateTime,
    /// The admin who published it (none for the command-line operator).
    pub published_by: Option<UserId>,
    /// SHA-256 of the text (UTF-8), hex: what an acknowledgement is of.
    pub sha256: String,
}

/// Checks the text of new instructions: line endings made `\n`, outer
/// blank space trimmed, 20 to 20,000 characters, no control characters
/// other than line breaks and tabs. Returns the text as it will be stored.
pub fn check_instructions_text(text: &str) -> Result<String, Invalid> {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let text = text.trim().to_owned();
    let n = text.chars().count();
    if n < INSTRUCTIONS_MIN {
        return Err(Invalid::one("text", format!("at least {INSTRUCTIONS_MIN} characters")));
    }
    if n > INSTRUCTIONS_MAX {
        return Err(Invalid::one("text", format!("at most {INSTRUCTIONS_MAX} characters")));
    }
    if text.chars().any(|c| c.is_control() && c != '\n' && c != '\t') {
        return Err(Invalid::one("text", "must not contain control characters"));
    }
    Ok(text)
}

/// A training a staff member completed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Training {
    pub course: String,
    pub completed_on: Date,
    /// When a refresher is due; none for a course that does not expire.
    pub expires_on: Option<Date>,
}

impl Training {
    /// Checks a training record on `today`: the course named (1 to 200
    /// characters, one line), completed no later than today, expiring
    /// after it was completed.
    pub fn check(course: &str, completed_on: Date, expires_on: Option<Date>, today: Date) -> Result<Training, Invalid> {
        let mut inv = Invalid::default();
        let course = course.trim().to_owned();
        let n = course.chars().count();
        if n == 0 {
            inv.push("course", "required");
        } else if n > 200 {
            inv.push("course", "at most 200 characters");
        } else if let Some(problem) = crate::contact::line_problem(&course) {
            inv.push("course", problem);
        }
        if completed_on > today {
            inv.push("completed_on", "cannot be in the future");
        }
        if expires_on.is_some_and(|e| e <= completed_on) {
            inv.push("expires_on", "must be after the day the training was completed");
        }
        inv.into_result().map(|()| Training { course, completed_on, expires_on })
    }

    /// Where this training stands on `today`.
    pub fn status(&self, today: Date) -> TrainingStatus {
        match self.expires_on {
            None => TrainingStatus::Current,
            Some(e) if e < today => TrainingStatus::Expired,
            Some(e) if e <= today + Duration::days(EXPIRING_DAYS) => TrainingStatus::Expiring,
            Some(_) => TrainingStatus::Current,
        }
    }
}

word_enum!(
    /// Where a staff member stands with the instructions.
    AckStatus {
        Current => "current", "acknowledged the current instructions",
        Older => "older", "acknowledged an older version only",
        Never => "never", "never acknowledged",
        NotRequired => "not_required", "no instructions published",
    }
);

word_enum!(
    /// Where a staff member (or one course) stands with training; the
    /// order is from best to worst.
    TrainingStatus {
        Current => "current", "trained",
        Expiring => "expiring", "expiring within 30 days",
        Expired => "expired", "expired",
        None => "none", "no training recorded",
    }
);

/// What a role gives access to, in words: the scope of the authorisation
/// (the field visibility may hide some fields further).
pub fn role_scope(role: Role) -> &'static str {
    match role {
        Role::Admin => "all personal data; staff accounts, API tokens and settings",
        Role::Dpo => "all personal data; privacy settings, requests, registers and the audit trail",
        Role::Sales | Role::Marketing | Role::Support => {
            "contacts, companies, interactions and deals: reading and changing"
        }
        Role::Readonly => "contacts, companies and deals, and the registers: reading only",
    }
}

/// The status of a staff member given the current instructions' version
/// (none if never published) and the latest version they acknowledged.
pub fn ack_status(current: Option<i64>, acknowledged: Option<i64>) -> AckStatus {
    match (current, acknowledged) {
        (None, _) => AckStatus::NotRequired,
        (Some(_), None) => AckStatus::Never,
        (Some(c), Some(a)) if a >= c => AckStatus::Current,
        (Some(_), Some(_)) => AckStatus::Older,
    }
}

/// The version a staff member must acknowledge before opening personal
/// data, if any.
pub fn needs_acknowledgement(current: Option<i64>, acknowledged: Option<i64>) -> Option<i64> {
    match ack_status(current, acknowledged) {
        AckStatus::Older | AckStatus::Never => current,
        AckStatus::Current | AckStatus::NotRequired => None,
    }
}

/// Each course's latest record (a refresher supersedes the earlier
/// completion of the same course, names compared without case), by course.
pub fn latest_per_course(trainings: &[Training]) -> Vec<&Training> {
    let mut out: Vec<&Training> = Vec::new();
    for t in trainings {
        let key = t.course.to_lowercase();
        match out.iter_mut().find(|o| o.course.to_lowercase() == key) {
            Some(o) if (t.completed_on, t.expires_on) > (o.completed_on, o.expires_on) => *o = t,
            Some(_) => {}
            None => out.push(t),
        }
    }
    out.sort_by_key(|t| t.course.to_lowercase());
    out
}

/// A staff member's training status on `today`: the worst of their
/// courses' latest records, or [`TrainingStatus::None`] without any.
pub fn training_status(trainings: &[Training], today: Date) -> TrainingStatus {
    latest_per_course(trainings).iter().map(|t| t.status(today)).max().unwrap_or(TrainingStatus::None)
}

/// What the DPO should act on about one staff member, in words.
pub fn reminders(current: Option<i64>, acknowledged: Option<i64>, trainings: &[Training], today: Date) -> Vec<String> {
    let mut out = Vec::new();
    match (ack_status(current, acknowledged), current, acknowledged) {
        (AckStatus::Never, Some(c), _) => out.push(format!("has not acknowledged the instructions (version {c})")),
        (AckStatus::Older, Some(c), Some(a)) => {
            out.push(format!("acknowledged version {a}, not the current version {c}"))
        }
        _ => {}
    }
    let latest = latest_per_course(trainings);
    if latest.is_empty() {
        out.push("no training recorded".to_owned());
    }
    for t in latest {
        match (t.status(today), t.expires_on) {
            (TrainingStatus::Expired, Some(e)) => out.push(format!("training “{}” expired on {e}", t.course)),
            (TrainingStatus::Expiring, Some(e)) => out.push(format!("training “{}” expires on {e}", t.course)),
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    const TODAY: Date = date!(2026 - 03 - 10);

    fn t(course: &str, done: Date, exp: Option<Date>) -> Training {
        Training { course: course.into(), completed_on: done, expires_on: exp }
    }

    #[test]
    fn instructions_text_is_checked_and_normalised() {
        assert_eq!(
            check_instructions_text("  Only process what your task needs.\r\nAsk the DPO.  ").unwrap(),
            "Only process what your task needs.\nAsk the DPO."
        );
        assert_eq!(check_instructions_text("too short").unwrap_err().0[0].field, "text");
        assert!(check_instructions_text(&"x".repeat(INSTRUCTIONS_MAX)).is_ok());
        assert!(check_instructions_text(&"x".repeat(INSTRUCTIONS_MAX + 1)).is_err());
        assert!(check_instructions_text("Twenty characters and a bell \u{7}").is_err());
        assert!(check_instructions_text("Tabs\tand\nline breaks are fine here").is_ok());
        // Twenty characters counted as characters, not bytes.
        assert!(check_instructions_text(&"é".repeat(20)).is_ok());
    }

    #[test]
    fn training_is_checked() {
        let ok = Training::check(" GDPR basics ", date!(2026 - 01 - 01), Some(date!(2027 - 01 - 01)), TODAY).unwrap();
        assert_eq!(ok.course, "GDPR basics");
        let e = Training::check("", TODAY, Some(TODAY), TODAY).unwrap_err();
        let fields: Vec<_> = e.0.iter().map(|f| f.field.as_str()).collect();
        assert_eq!(fields, ["course", "expires_on"]);
        assert_eq!(
            Training::check("x", TODAY + Duration::days(1), None, TODAY).unwrap_err().0[0].field,
            "completed_on"
        );
        assert!(Training::check(&"c".repeat(201), TODAY, None, TODAY).is_err());
        assert!(Training::check("two\nlines", TODAY, None, TODAY).is_err());
        assert!(Training::check("no expiry", TODAY, None, TODAY).is_ok());
    }

    #[test]
    fn acknowledgement_status() {
        assert_eq!(ack_status(None, None), AckStatus::NotRequired);
        assert_eq!(ack_status(None, Some(1)), AckStatus::NotRequired);
        assert_eq!(ack_status(Some(2), None), AckStatus::Never);
        assert_eq!(ack_status(Some(2), Some(1)), AckStatus::Older);
        assert_eq!(ack_status(Some(2), Some(2)), AckStatus::Current);
        assert_eq!(needs_acknowledgement(None, None), None, "nobody is blocked before anything is published");
        assert_eq!(needs_acknowledgement(Some(3), Some(2)), Some(3));
        assert_eq!(needs_acknowledgement(Some(3), None), Some(3));
        assert_eq!(needs_acknowledgement(Some(3), Some(3)), None);
    }

    #[test]
    fn training_status_is_the_worst_latest_course() {
        assert_eq!(training_status(&[], TODAY), TrainingStatus::None);
        let current = t("Basics", date!(2026 - 01 - 01), Some(date!(2027 - 01 - 01)));
        let soon = t("Security", date!(2025 - 04 - 01), Some(TODAY + Duration::days(EXPIRING_DAYS)));
        let gone = t("Phishing", date!(2024 - 01 - 01), Some(TODAY - Duration::days(1)));
        let forever = t("Induction", date!(2020 - 01 - 01), None);
        assert_eq!(training_status(&[current.clone(), forever.clone()], TODAY), TrainingStatus::Current);
        assert_eq!(training_status(&[current.clone(), soon.clone()], TODAY), TrainingStatus::Expiring);
        assert_eq!(training_status(&[current.clone(), soon, gone.clone()], TODAY), TrainingStatus::Expired);
        // Expiring today is still expiring; the day after, expired.
        assert_eq!(t("x", date!(2025 - 01 - 01), Some(TODAY)).status(TODAY), TrainingStatus::Expiring);
        // A refresher of the same course supersedes the lapsed record.
        let refreshed = t("phishing", date!(2026 - 03 - 01), Some(date!(2027 - 03 - 01)));
        assert_eq!(training_status(&[gone.clone(), refreshed], TODAY), TrainingStatus::Current);
        assert_eq!(latest_per_course(&[gone, current, forever]).len(), 3);
    }

    #[test]
    fn reminders_name_what_is_due() {
        let gone = t("Phishing", date!(2024 - 01 - 01), Some(date!(2025 - 01 - 01)));
        let r = reminders(Some(2), Some(1), &[gone], TODAY);
        assert_eq!(
            r,
            ["acknowledged version 1, not the current version 2", "training “Phishing” expired on 2025-01-01"]
        );
        assert_eq!(reminders(Some(1), None, &[], TODAY)[0], "has not acknowledged the instructions (version 1)");
        assert_eq!(reminders(None, None, &[], TODAY), ["no training recorded"]);
        let fine = t("Basics", date!(2026 - 01 - 01), None);
        assert!(reminders(Some(1), Some(1), &[fine], TODAY).is_empty());
    }
}
