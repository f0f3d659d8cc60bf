//! The deadline reminders: 24 and 4 hours before an open breach's 72-hour
//! deadline, a mail to every active dpo and admin. Each reminder is
//! claimed once across servers (the `breach_reminders` primary key, which
//! holds the deadline: a corrected aware at brings its own reminders)
//! before it is sent, so two servers never both send it; a claim whose
//! send failed is released, so the next run retries it.

use crate::mailer::Transport;
use crate::{App, Result};
use kith_domain::breach::clock;
use kith_i18n::Tr;
use time::{Duration, OffsetDateTime};

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
                let link = format!("{}/privacy/breaches/{}", self.settings.public_url.trim_end_matches('/'), o.id);
                let left = clock::time_left(at, now);
                let words = |tr: &Tr| reminder_mail(tr, &o.reference, &o.title, deadline, left, &link);
                if self.send_staff_mail(transport, words).await {
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
    /// A mail to every active dpo and admin through SMTP, each in their
    /// language (else the controller's default) with dates in their zone
    /// (else the server's). Staff are not
    /// data subjects, so the (per-person sealed) outbox cannot hold it:
    /// without SMTP the reminder is only logged, and the banner on every
    /// staff page carries the clock. Failures are logged without addresses.
    ///
    /// Returns false when the reminder did not leave: no staff address
    /// readable or valid, or an SMTP server that took none of them.
    async fn send_staff_mail(&self, transport: &Transport, words: impl Fn(&Tr) -> (String, String)) -> bool {
        use lettre::AsyncTransport;
        let Transport::Smtp(smtp) = transport else {
            tracing::info!("breach reminder due; no SMTP configured, the staff banner shows the clock");
            return true;
        };
        let to = match self.store.staff_readers(&["dpo", "admin"]).await {
            Ok(to) => to,
            Err(e) => {
                tracing::warn!(error = %e, "breach reminder: staff addresses unreadable");
                return false;
            }
        };
        let mut delivered = false;
        for reader in to {
            let tr = Tr::new(self.mail_lang(reader.language.as_deref()))
                .in_zone(reader.time_zone.as_deref().unwrap_or(&kith_i18n::server_zone()));
            let (subject, text) = words(&tr);
            let addr = reader.email;
            let built = (|| {
                lettre::Message::builder()
                    .from(self.settings.mail_from.parse().ok()?)
                    .to(addr.parse().ok()?)
                    .subject(subject)
                    .header(lettre::message::header::ContentType::TEXT_PLAIN)
                    .body(text)
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

/// A deadline reminder in the reader's words: subject and text, the
/// deadline in the reader's zone.
pub fn reminder_mail(
    tr: &Tr,
    reference: &str,
    title: &str,
    deadline: OffsetDateTime,
    left: Duration,
    link: &str,
) -> (String, String) {
    let mins = left.whole_minutes().abs();
    let id = if left.is_negative() { "reminders-breach-subject-overdue" } else { "reminders-breach-subject-left" };
    let subject = tr.t3(id, "reference", reference, "h", mins / 60, "m", mins % 60);
    let text = format!(
        "{}\n\n{}\n",
        tr.t3("reminders-breach-deadline", "reference", reference, "title", title, "deadline", tr.date_time(deadline)),
        tr.t1("reminders-breach-record", "link", link)
    );
    (subject, text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    #[test]
    fn reminders_speak_the_staff_members_language_and_zone() {
        let at = datetime!(2026-12-07 09:30 UTC);
        let link = "https://kith.example/privacy/breaches/1";
        let left = Duration::minutes(23 * 60 + 59);
        let (s, t) = reminder_mail(&Tr::new("en"), "BR-1", "Lost laptop", at, left, link);
        assert_eq!(s, "Breach BR-1: 23 h 59 min left to notify the authority");
        assert!(t.contains("breach BR-1 (Lost laptop)") && t.contains("(GDPR Art. 33(1))"), "{t}");
        assert!(t.ends_with(&format!("Record the decision and the notice: {link}\n")), "{t}");
        let (s, _) = reminder_mail(&Tr::new("en"), "BR-1", "x", at, -Duration::minutes(65), link);
        assert_eq!(s, "Breach BR-1: overdue by 1 h 5 min to notify the authority");
        let (s, t) = reminder_mail(&Tr::new("de").in_zone("Europe/Berlin"), "BR-1", "x", at, left, link);
        assert!(s.contains("BR-1") && t.contains("10:30") && t.contains("Art. 33"), "{s} {t}");
        for lang in kith_i18n::languages() {
            let (s, t) = reminder_mail(&Tr::new(lang), "BR-1", "Lost laptop", at, left, link);
            assert!(s.contains("BR-1") && s.contains("23") && s.contains("59"), "{lang}: {s}");
            assert!(t.contains("Lost laptop") && t.contains(link) && t.contains("09:30"), "{lang}: {t}");
        }
    }
}
