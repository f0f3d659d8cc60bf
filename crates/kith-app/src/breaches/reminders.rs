//! The deadline reminders: 24 and 4 hours before an open breach's 72-hour
//! deadline, a mail to every active dpo and admin. Each reminder is
//! claimed once across servers (the `breach_reminders` primary key, which
//! holds the deadline: a corrected aware at brings its own reminders)
//! before it is sent, so two servers never both send it; a claim whose
//! send failed is released, so the next run retries it.

use crate::mailer::Transport;
use crate::{App, Result};
use kith_domain::breach::clock;
use time::OffsetDateTime;

/// What a run of the reminders did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ReminderRun {
    /// Claimed and handed to SMTP (or, without SMTP, logged).
    pub sent: usize,
    /// The send failed: released for the next run.
    pub failed: usize,
    /// No SMTP configured: the reminders were only logged.
    pub no_smtp: bool,
}

impl std::fmt::Display for ReminderRun {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.no_smtp {
            write!(
                f,
                "{} breach reminder(s) due, logged only: no SMTP configured (the staff banner shows the clock)",
                self.sent
            )?;
        } else {
            write!(f, "{} breach reminder(s) sent", self.sent)?;
        }
        if self.failed > 0 {
            write!(f, "; {} failed, to retry on the next run", self.failed)?;
        }
        Ok(())
    }
}

impl App {
    /// Sends the reminders due now.
    pub async fn breach_reminders(&self, transport: &Transport) -> Result<ReminderRun> {
        let ctx = kith_store::Ctx {
            actor: "system:breach-reminders".into(),
            request_id: uuid::Uuid::now_v7().to_string(),
            token: None,
        };
        let now = OffsetDateTime::now_utc();
        let mut run = ReminderRun { no_smtp: !matches!(transport, Transport::Smtp(_)), ..ReminderRun::default() };
        for o in self.store.open_breaches().await? {
            let Some(at) = o.aware_at else { continue };
            if o.notified || o.breach.authority_decision == kith_domain::breach::AuthorityDecision::DoNotNotify {
                continue;
            }
            let deadline = clock::deadline(at);
            for hours in clock::reminders_due(at, now) {
                if !self.store.claim_breach_reminder(&ctx, o.id, deadline, hours).await? {
                    continue;
                }
                let subject = format!(
                    "Breach {}: {} to notify the authority",
                    o.reference,
                    clock::describe(clock::time_left(at, now))
                );
                let text = format!(
                    "The 72-hour deadline to notify the supervisory authority of breach {} ({}) is {} (GDPR Art. 33(1)).\n\n\
                     Record the decision and the notice: {}/privacy/breaches/{}\n",
                    o.reference,
                    o.title,
                    crate::receipts::rfc3339(deadline),
                    self.settings.public_url.trim_end_matches('/'),
                    o.id
                );
                if self.send_staff_mail(transport, &subject, &text).await {
                    run.sent += 1;
                } else {
                    self.store.release_breach_reminder(&ctx, o.id, deadline, hours).await?;
                    run.failed += 1;
                }
            }
        }
        Ok(run)
    }
}

impl App {
    /// A mail to every active dpo and admin through SMTP. Staff are not
    /// data subjects, so the (per-person sealed) outbox cannot hold it:
    /// without SMTP the reminder is only logged, and the banner on every
    /// staff page carries the clock. Failures are logged without addresses.
    ///
    /// Returns false when the reminder did not leave: no staff address
    /// readable or valid, or an SMTP server that took none of them.
    async fn send_staff_mail(&self, transport: &Transport, subject: &str, text: &str) -> bool {
        use lettre::AsyncTransport;
        let Transport::Smtp(smtp) = transport else {
            tracing::info!("breach reminder due; no SMTP configured, the staff banner shows the clock");
            return true;
        };
        let to = match self.store.staff_addresses(&["dpo", "admin"]).await {
            Ok(to) => to,
            Err(e) => {
                tracing::warn!(error = %e, "breach reminder: staff addresses unreadable");
                return false;
            }
        };
        let mut delivered = false;
        for addr in to {
            let built = (|| {
                lettre::Message::builder()
                    .from(self.settings.mail_from.parse().ok()?)
                    .to(addr.parse().ok()?)
                    .subject(subject.to_owned())
                    .header(lettre::message::header::ContentType::TEXT_PLAIN)
                    .body(text.to_owned())
                    .ok()
            })();
            let Some(m) = built else {
                tracing::warn!("breach reminder: a staff address or the From address is not valid");
                continue;
            };
            match smtp.send(m).await {
                Ok(_) => delivered = true,
                Err(_) => tracing::warn!("breach reminder: the SMTP server did not take a reminder"),
            }
        }
        delivered
    }
}
