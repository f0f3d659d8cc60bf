//! Data-subject requests (GDPR Art. 12–22): their kinds, the statuses a
//! request moves through, and the clock — one month from receipt, paused
//! while the person is asked for proof of identity or for more
//! information, extendable once by up to two further months.

use crate::Invalid;

use time::{Duration, Month, OffsetDateTime};

word_enum!(
    /// What the person asks for.
    DsrKind {
        Access => "access", "Access (Art. 15)",
        Portability => "portability", "Portability (Art. 20)",
        Rectification => "rectification", "Rectification (Art. 16)",
        Erasure => "erasure", "Erasure (Art. 17)",
        Restriction => "restriction", "Restriction (Art. 18)",
        Objection => "objection", "Objection (Art. 21)",
        WithdrawConsent => "withdraw_consent", "Withdraw consent (Art. 7(3))",
        Information => "information", "Information (Art. 13–15)",
        AutomatedDecisionReview => "automated_decision_review", "Review of an automated decision (Art. 22)",
    }
);

word_enum!(
    /// How the request arrived.
    DsrChannel {
        Portal => "portal", "Privacy portal",
        Email => "email", "Email",
        Phone => "phone", "Call",
        Letter => "letter", "Letter",
        Staff => "staff", "Staff",
    }
);

word_enum!(
    DsrStatus {
        Received => "received", "Received",
        Verifying => "verifying", "Verifying identity",
        InProgress => "in_progress", "In progress",
        WaitingOnSubject => "waiting_on_subject", "Waiting on the person",
        Completed => "completed", "Completed",
        Rejected => "rejected", "Rejected",
        Withdrawn => "withdrawn", "Withdrawn",
    }
);

impl DsrStatus {
    /// The request is over; nothing moves it again.
    pub fn is_final(self) -> bool {
        matches!(self, Self::Completed | Self::Rejected | Self::Withdrawn)
    }

    /// The clock stands still: the person was asked for something.
    pub fn pauses_clock(self) -> bool {
        matches!(self, Self::Verifying | Self::WaitingOnSubject)
    }
}

/// Checks a status change: final statuses are final, and a rejection
/// carries its reason.
pub fn check_transition(from: DsrStatus, to: DsrStatus, reason: Option<&str>) -> Result<(), Invalid> {
    if from.is_final() {
        return Err(Invalid::one("status", format!("the request is already {}", from.as_str())));
    }
    if from == to {
        return Err(Invalid::one("status", format!("the request is already {}", from.as_str())));
    }
    if to == DsrStatus::Received {
        return Err(Invalid::one("status", "a request cannot go back to received"));
    }
    if to == DsrStatus::Rejected && reason.is_none_or(|r| r.trim().is_empty()) {
        return Err(Invalid::one("reason", "a rejection must state its reason"));
    }
    Ok(())
}

/// `t` plus `months` calendar months; a day the target month lacks becomes
/// its last day (31 January + 1 month = 28 or 29 February).
pub fn add_months(t: OffsetDateTime, months: u8) -> OffsetDateTime {
    let total = t.month() as i32 - 1 + i32::from(months);
    let year = t.year() + total.div_euclid(12);
    let month = Month::try_from((total.rem_euclid(12) + 1) as u8).expect("1..=12");
    let last = month.length(year);
    let date = time::Date::from_calendar_date(year, month, t.day().min(last)).expect("a valid day");
    t.replace_date(date)
}

/// Most months a deadline may be extended by (Art. 12(3)).
pub const MAX_EXTENSION_MONTHS: u8 = 2;

/// When a request is due: one month (plus any extension) after receipt,
/// pushed back by every period its status paused the clock. `changes` are
/// the status changes in time order.
pub fn due_at(
    received: OffsetDateTime,
    changes: &[(OffsetDateTime, DsrStatus)],
    extension_months: u8,
    now: OffsetDateTime,
) -> OffsetDateTime {
    let mut paused = Duration::ZERO;
    let mut paused_since: Option<OffsetDateTime> = None;
    for (at, status) in changes {
        match (paused_since, status.pauses_clock()) {
            (None, true) => paused_since = Some(*at),
            (Some(since), false) => {
                paused += *at - since;
                paused_since = None;
            }
            _ => {}
        }
    }
    if let Some(since) = paused_since {
        paused += (now - since).max(Duration::ZERO);
    }
    add_months(received, 1 + extension_months.min(MAX_EXTENSION_MONTHS)) + paused
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use time::macros::datetime;

    #[test]
    fn one_month_is_a_calendar_month() {
        assert_eq!(add_months(datetime!(2026-01-31 10:00 UTC), 1), datetime!(2026-02-28 10:00 UTC));
        assert_eq!(add_months(datetime!(2028-01-31 10:00 UTC), 1), datetime!(2028-02-29 10:00 UTC));
        assert_eq!(add_months(datetime!(2026-11-25 09:30 UTC), 1), datetime!(2026-12-25 09:30 UTC));
        assert_eq!(add_months(datetime!(2026-12-15 00:00 UTC), 3), datetime!(2027-03-15 00:00 UTC));
    }

    #[test]
    fn the_clock_pauses_while_the_person_is_asked() {
        let r = datetime!(2026-03-01 09:00 UTC);
        let changes = [
            (datetime!(2026-03-02 09:00 UTC), DsrStatus::Verifying),
            (datetime!(2026-03-12 09:00 UTC), DsrStatus::InProgress),
        ];
        let now = datetime!(2026-03-20 09:00 UTC);
        assert_eq!(due_at(r, &changes, 0, now), datetime!(2026-04-11 09:00 UTC));
        // Still paused: the pause so far counts.
        let open = [(datetime!(2026-03-02 09:00 UTC), DsrStatus::WaitingOnSubject)];
        assert_eq!(due_at(r, &open, 0, datetime!(2026-03-05 09:00 UTC)), datetime!(2026-04-04 09:00 UTC));
        // Extended by two months, never more.
        assert_eq!(due_at(r, &[], 2, now), datetime!(2026-06-01 09:00 UTC));
        assert_eq!(due_at(r, &[], 9, now), datetime!(2026-06-01 09:00 UTC));
    }

    #[test]
    fn transitions() {
        assert!(check_transition(DsrStatus::Received, DsrStatus::Verifying, None).is_ok());
        assert!(check_transition(DsrStatus::Completed, DsrStatus::InProgress, None).is_err());
        assert!(check_transition(DsrStatus::InProgress, DsrStatus::Rejected, None).is_err());
        assert!(check_transition(DsrStatus::InProgress, DsrStatus::Rejected, Some("manifestly unfounded")).is_ok());
        assert!(check_transition(DsrStatus::InProgress, DsrStatus::Received, None).is_err());
    }

    proptest! {
        #[test]
        fn pauses_only_ever_push_the_deadline_back(steps in prop::collection::vec((0i64..10_000, prop::sample::select(DsrStatus::ALL.to_vec())), 0..12)) {
            let r = datetime!(2026-01-10 12:00 UTC);
            let mut changes: Vec<(OffsetDateTime, DsrStatus)> = steps.iter().map(|(m, s)| (r + Duration::minutes(*m), *s)).collect();
            changes.sort_by_key(|c| c.0);
            let now = r + Duration::minutes(20_000);
            let due = due_at(r, &changes, 0, now);
            prop_assert!(due >= add_months(r, 1));
            let paused_at_most = changes.iter().any(|c| c.1.pauses_clock());
            prop_assert!(paused_at_most || due == add_months(r, 1));
            prop_assert!(due <= add_months(r, 1) + (now - r));
        }
    }
}
