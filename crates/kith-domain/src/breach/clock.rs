//! The 72-hour clock of Art. 33(1): the deadline runs from the moment the
//! controller became aware of the breach. It is computed, never stored.

use time::{Duration, OffsetDateTime};

/// Hours the controller has to notify the supervisory authority.
pub const NOTIFY_WITHIN_HOURS: i64 = 72;

/// The hours before the deadline at which the DPO and admins are reminded.
pub const REMINDER_HOURS: [i64; 2] = [24, 4];

/// The Art. 33(1) deadline: aware at + 72 hours.
pub fn deadline(aware_at: OffsetDateTime) -> OffsetDateTime {
    aware_at + Duration::hours(NOTIFY_WITHIN_HOURS)
}

/// Time left until the deadline at `now`; negative when overdue.
pub fn time_left(aware_at: OffsetDateTime, now: OffsetDateTime) -> Duration {
    deadline(aware_at) - now
}

/// The reminders due at `now` (hours before the deadline), before the
/// deadline itself: a reminder whose moment has passed but whose deadline
/// has not is still due (a server that was down catches up).
pub fn reminders_due(aware_at: OffsetDateTime, now: OffsetDateTime) -> Vec<i64> {
    let left = time_left(aware_at, now);
    if left <= Duration::ZERO {
        return Vec::new();
    }
    REMINDER_HOURS.iter().copied().filter(|h| left <= Duration::hours(*h)).collect()
}

/// The clock in words: "41 h 12 min left" or "overdue by 3 h 5 min".
pub fn describe(left: Duration) -> String {
    let mins = left.whole_minutes().abs();
    let (h, m) = (mins / 60, mins % 60);
    if left < Duration::ZERO {
        format!("overdue by {h} h {m} min")
    } else {
        format!("{h} h {m} min left")
    }
}

/// Whether a notice sent at `sent_at` is late for a breach `aware_at`.
pub fn is_late(aware_at: OffsetDateTime, sent_at: OffsetDateTime) -> bool {
    sent_at > deadline(aware_at)
}
