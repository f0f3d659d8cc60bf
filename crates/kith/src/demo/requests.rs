//! Demo data-subject requests, so a newcomer sees the queue work: one
//! overdue, one waiting on the person, one completed, one just received.

use crate::error::CliError;
use kith_app::dsr::{DsrAction, NewDsr};
use kith_app::{App, Principal};
use kith_domain::dsr::{DsrChannel, DsrKind, DsrStatus};
use kith_domain::SubjectId;
use time::{Duration, OffsetDateTime};

/// Files the demo requests on the first contacts of `ids`; returns how many.
pub(super) async fn seed_requests(app: &App, p: &Principal, ids: &[SubjectId]) -> Result<usize, CliError> {
    const FAIL: &str = "demo data: cannot file a request";
    let now = OffsetDateTime::now_utc();
    let plan = [
        // Received 40 days ago and never answered: overdue.
        (DsrKind::Access, DsrChannel::Email, 40, None, "Asks for a copy of everything we hold."),
        // The person was asked for proof of identity: the clock stands still.
        (
            DsrKind::Rectification,
            DsrChannel::Letter,
            12,
            Some(DsrStatus::WaitingOnSubject),
            "Says the job title is wrong; we asked for a signed copy of the letter.",
        ),
        // Answered with the export.
        (DsrKind::Portability, DsrChannel::Phone, 20, Some(DsrStatus::Completed), "Wants the data for a new supplier."),
        // Just in.
        (DsrKind::Erasure, DsrChannel::Email, 0, None, "Asks to be forgotten."),
    ];
    let mut n = 0;
    for ((kind, channel, days_ago, status, note), subject) in plan.into_iter().zip(ids.iter().skip(3)) {
        let d = app
            .create_dsr(
                p,
                NewDsr {
                    subject: *subject,
                    kind,
                    channel,
                    received_at: Some(now - Duration::days(days_ago)),
                    note: Some(note.into()),
                },
            )
            .await
            .map_err(CliError::app(FAIL))?;
        if let Some(to) = status {
            let method = "called back on the number on file".to_owned();
            app.act_on_dsr(p, d.dsr.id, DsrAction::Verified { method }).await.map_err(CliError::app(FAIL))?;
            let reason = match to {
                DsrStatus::Completed => Some("export sent by post on a USB key".to_owned()),
                _ => Some("asked for a signed copy of the letter".to_owned()),
            };
            app.act_on_dsr(p, d.dsr.id, DsrAction::Status { to, reason }).await.map_err(CliError::app(FAIL))?;
        }
        n += 1;
    }
    Ok(n)
}
