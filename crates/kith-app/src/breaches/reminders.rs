//! The deadline reminders: 24 and 4 hours before an open breach's 72-hour
//! deadline, a mail to every active dpo and admin. Each reminder is
//! claimed once across servers (the `breach_reminders` primary key) before
//! it is sent, so two servers never both send it.

use crate::mailer::Transport;
use crate::{App, Result};
use kith_domain::breach::clock;
use time::OffsetDateTime;

impl App {
    /// Sends the reminders due now; returns how many were claimed.
    pub async fn breach_reminders(&self, transport: &Transport) -> Result<usize> {
        let ctx = kith_store::Ctx {
            actor: "system:breach-reminders".into(),
            request_id: uuid::Uuid::now_v7().to_string(),
            token: None,
        };
        let now = OffsetDateTime::now_utc();
        let mut claimed = 0;
        for o in self.store.open_breaches().await? {
            let Some(at) = o.aware_at else { continue };
            if o.notified || o.breach.authority_decision == kith_domain::breach::AuthorityDecision::DoNotNotify {
                continue;
            }
            for hours in clock::reminders_due(at, now) {
                if !self.store.claim_breach_reminder(&ctx, o.id, hours).await? {
                    continue;
                }
                claimed += 1;
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
                    crate::receipts::rfc3339(clock::deadline(at)),
                    self.settings.public_url.trim_end_matches('/'),
                    o.id
                );
                self.send_staff_mail(transport, &subject, &text).await;
            }
        }
        Ok(claimed)
    }
}

impl App {
    /// A mail to every active dpo and admin through SMTP. Staff are not
    /// data subjects, so the (per-person sealed) outbox cannot hold it:
    /// without SMTP the reminder is only logged, and the banner on every
    /// staff page carries the clock. Failures are logged without addresses.
    async fn send_staff_mail(&self, transport: &Transport, subject: &str, text: &str) {
        use lettre::AsyncTransport;
        let Transport::Smtp(smtp) = transport else {
            tracing::info!("breach reminder due; no SMTP configured, the staff banner shows the clock");
            return;
        };
        let to = match self.store.staff_addresses(&["dpo", "admin"]).await {
            Ok(to) => to,
            Err(e) => {
                tracing::warn!(error = %e, "breach reminder: staff addresses unreadable");
                return;
            }
        };
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
            if smtp.send(m).await.is_err() {
                tracing::warn!("breach reminder: the SMTP server did not take a reminder");
            }
        }
    }
}
