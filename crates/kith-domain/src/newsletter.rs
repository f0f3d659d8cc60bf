//! Newsletter campaigns: their life (draft → scheduled → sending → done,
//! with pause, resume and cancel) and the delivery states of a recipient.
//! Pure words and rules; the sending is in the app.

use crate::Invalid;

word_enum!(
    /// Where a campaign is in its life.
    CampaignStatus {
        Draft => "draft", "Draft",
        Scheduled => "scheduled", "Scheduled",
        Sending => "sending", "Sending",
        Paused => "paused", "Paused",
        Done => "done", "Done",
        Cancelled => "cancelled", "Cancelled",
    }
);

word_enum!(
    /// One recipient's delivery state.
    RecipientStatus {
        Pending => "pending", "Pending",
        Queued => "queued", "Queued",
        Sent => "sent", "Sent",
        Failed => "failed", "Failed",
        Skipped => "skipped", "Skipped",
    }
);

word_enum!(
    /// What staff do to a campaign after creating it.
    CampaignAction {
        Schedule => "schedule", "Schedule",
        Pause => "pause", "Pause",
        Resume => "resume", "Resume",
        Cancel => "cancel", "Cancel",
    }
);

/// Messages per minute when none is given.
pub const DEFAULT_RATE: i64 = 600;
/// The most messages per minute a campaign may ask for.
pub const MAX_RATE: i64 = 60_000;

/// The status `action` moves a campaign in `from` to; `started`: whether
/// it has begun sending (a paused campaign resumes where it was).
pub fn transition(from: CampaignStatus, action: CampaignAction, started: bool) -> Result<CampaignStatus, String> {
    use CampaignAction as A;
    use CampaignStatus as S;
    match (from, action) {
        (S::Draft, A::Schedule) => Ok(S::Scheduled),
        (S::Scheduled | S::Sending, A::Pause) => Ok(S::Paused),
        (S::Paused, A::Resume) => Ok(if started { S::Sending } else { S::Scheduled }),
        (S::Draft | S::Scheduled | S::Sending | S::Paused, A::Cancel) => Ok(S::Cancelled),
        (s, a) => Err(format!("a campaign that is {} cannot be {}d", s.label().to_lowercase(), a.as_str())),
    }
}

/// Checks a campaign's name and rate.
pub fn check(name: &str, rate_per_minute: i64) -> Result<(), Invalid> {
    let mut inv = Invalid::default();
    let n = name.trim();
    if n.is_empty() || n.chars().count() > 200 {
        inv.push("name", "must be 1 to 200 characters");
    } else if let Some(p) = crate::line_problem(n) {
        inv.push("name", p);
    }
    if !(1..=MAX_RATE).contains(&rate_per_minute) {
        inv.push("rate_per_minute", format!("must be 1 to {MAX_RATE}"));
    }
    inv.into_result()
}

/// How many recipients a tick of `tick_ms` may take at `rate` per minute
/// (at least one, so a slow rate still moves).
pub fn batch_size(rate_per_minute: i64, tick_ms: i64) -> i64 {
    ((rate_per_minute * tick_ms) / 60_000).max(1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use CampaignAction as A;
    use CampaignStatus as S;

    #[test]
    fn the_life_of_a_campaign() {
        assert_eq!(transition(S::Draft, A::Schedule, false), Ok(S::Scheduled));
        assert_eq!(transition(S::Sending, A::Pause, true), Ok(S::Paused));
        assert_eq!(transition(S::Paused, A::Resume, true), Ok(S::Sending));
        assert_eq!(transition(S::Paused, A::Resume, false), Ok(S::Scheduled));
        assert_eq!(transition(S::Sending, A::Cancel, true), Ok(S::Cancelled));
        assert!(transition(S::Done, A::Cancel, true).is_err());
        assert!(transition(S::Cancelled, A::Resume, true).is_err());
        assert!(transition(S::Scheduled, A::Schedule, false).is_err());
    }

    #[test]
    fn names_and_rates_are_checked() {
        assert!(check("March news", 600).is_ok());
        let e = check(" ", 0).unwrap_err();
        let fields: Vec<_> = e.0.iter().map(|f| f.field.as_str()).collect();
        assert_eq!(fields, ["name", "rate_per_minute"]);
        assert!(check("a\nb", 10).is_err());
    }

    #[test]
    fn the_rate_sets_the_batch() {
        assert_eq!(batch_size(600, 5_000), 50);
        assert_eq!(batch_size(1, 5_000), 1);
        assert_eq!(batch_size(60_000, 1_000), 1_000);
    }
}
