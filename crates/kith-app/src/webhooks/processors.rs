//! Requests to processors (Art. 19) and their acknowledgements. Which
//! processors: every recipient of the register with the role processor or
//! sub-processor that receives personal data (a data category or a
//! purpose). A processor with a webhook endpoint gets a signed
//! `processor.request` carrying an acknowledgement link; the others get a
//! mail to their privacy contact with the same link. The link's page
//! (`/ack/{token}`) shows a button: a GET never records (mail scanners
//! follow links), a POST does, once.

use crate::mailer::Transport;
use crate::public::LinkError;
use crate::tokens::{self, Claims, TokenKind};
use crate::{App, AppError, Principal, Result};
use kith_store::webhooks::notices::{MailNotice, Notice};
use uuid::Uuid;

/// How long an acknowledgement link stays valid after the due date.
const LINK_DAYS_AFTER_DUE: i64 = 365;
/// Mails claimed at once, each given at most `MAIL_TIMEOUT`: the lease
/// outlasts the batch (10 × 30 s) with room to spare.
const MAIL_BATCH: i64 = 10;
const MAIL_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(30);
const MAIL_LEASE_MS: i64 = 600_000;
const MAIL_ATTEMPTS: i64 = 8;

impl App {
    /// The acknowledgement link of a notice due at `due_ms`.
    pub(crate) fn ack_url(&self, n: &Notice, due_ms: i64) -> String {
        let expires = due_ms / 1000 + LINK_DAYS_AFTER_DUE * 24 * 3600;
        let token = tokens::sign(
            self.store.vault(),
            TokenKind::ProcessorAck,
            Claims { subject: n.subject, scope: n.id, expires },
        );
        format!("{}/ack/{token}", self.settings.public_url.trim_end_matches('/'))
    }

    /// A `processor.request` body with its acknowledgement link and the
    /// date to acknowledge by (`due_ms`, counted from this sending) added.
    pub(crate) async fn with_ack_url(&self, payload: &str, due_ms: i64) -> Result<String> {
        let mut v: serde_json::Value = serde_json::from_str(payload)
            .map_err(|_| AppError::Internal(kith_store::StoreError::Corrupt("webhook payload")))?;
        let notice = v["data"]["notice_id"].as_str().and_then(|s| Uuid::parse_str(s).ok());
        if let Some(n) = match notice {
            Some(id) => self.store.processor_notice(id).await?,
            None => None,
        } {
            v["data"]["ack_url"] = serde_json::Value::String(self.ack_url(&n, due_ms));
            v["data"]["acknowledge_by"] =
                serde_json::Value::String(crate::receipts::rfc3339(kith_store::from_ms(due_ms)));
        }
        Ok(v.to_string())
    }

    /// Mails the processor requests due; how many left.
    pub(crate) async fn mail_processor_notices(&self, transport: &Transport) -> Result<usize> {
        let claimed = self.store.claim_processor_mail(MAIL_BATCH, MAIL_LEASE_MS).await?;
        let mut sent = 0;
        for MailNotice { notice, lease, to } in claimed {
            let wait = kith_store::now_ms() + 3600 * 1000;
            let Transport::Smtp(smtp) = transport else {
                // No mail server: the request waits (the DSR page shows it
                // unsent), without using up its attempts.
                self.store
                    .processor_notice_failed(
                        notice.id,
                        lease,
                        "no mail server is configured; waiting",
                        Some(wait),
                        false,
                    )
                    .await?;
                continue;
            };
            let Ok(from) = self.settings.mail_from.parse::<lettre::message::Mailbox>() else {
                // The server's configuration, not the notice, is at fault: it waits.
                tracing::error!("the configured sender address (mail_from) is not a valid address");
                self.store
                    .processor_notice_failed(
                        notice.id,
                        lease,
                        "the server's sender address (mail_from) is not a valid address; waiting",
                        Some(wait),
                        false,
                    )
                    .await?;
                continue;
            };
            let due = kith_store::now_ms() + self.ack_ms();
            // Processors read the controller's default language.
            let tr = self.controller_reader();
            let action = tr.t(&format!("mail-processor-action-{}", notice.action.as_str().replace('_', "-")));
            let subject = tr.t1("mail-processor-subject", "action", action.as_str());
            let reference = notice.request_id.map(|r| r.to_string()).unwrap_or_else(|| notice.id.to_string());
            let text = format!(
                "{}\n\n{}\n{}\n{}\n{}\n\n{}\n{}\n",
                tr.t1("mail-processor-intro", "controller", self.settings.controller.name.as_str()),
                tr.t1("mail-processor-action", "action", action),
                tr.t1("mail-processor-person", "id", notice.subject.to_string()),
                tr.t1("mail-processor-reference", "reference", reference),
                tr.t1("mail-processor-due", "due", tr.date_time(kith_store::from_ms(due))),
                tr.t("mail-processor-ack"),
                self.ack_url(&notice, due),
            );
            let built = (|| {
                lettre::Message::builder()
                    .from(from)
                    .to(to.parse().ok()?)
                    .subject(subject)
                    .header(lettre::message::header::ContentType::TEXT_PLAIN)
                    .body(text)
                    .ok()
            })();
            let Some(m) = built else {
                self.store
                    .processor_notice_failed(
                        notice.id,
                        lease,
                        "the recipient's privacy contact is not a valid address",
                        None,
                        false,
                    )
                    .await?;
                continue;
            };
            use lettre::AsyncTransport;
            match tokio::time::timeout(MAIL_TIMEOUT, smtp.send(m)).await {
                Ok(Ok(_)) => {
                    if self.store.processor_notice_sent(notice.id, lease, due).await? {
                        sent += 1;
                    }
                }
                _ => {
                    let attempt = notice.attempts + 1;
                    let retry = (attempt < MAIL_ATTEMPTS).then(|| kith_store::now_ms() + super::backoff_ms(attempt, 0));
                    self.store
                        .processor_notice_failed(
                            notice.id,
                            lease,
                            "the SMTP server did not take the message",
                            retry,
                            true,
                        )
                        .await?;
                }
            }
        }
        Ok(sent)
    }

    fn ack_claims(&self, token: &str) -> std::result::Result<Claims, LinkError> {
        let now = time::OffsetDateTime::now_utc().unix_timestamp();
        Ok(tokens::verify(self.store.vault(), TokenKind::ProcessorAck, token, now)?)
    }

    /// The notice an acknowledgement link stands for (public: the link is
    /// the credential).
    pub async fn processor_notice_by_link(&self, token: &str) -> std::result::Result<Notice, LinkError> {
        let c = self.ack_claims(token)?;
        match self.store.processor_notice(c.scope).await.map_err(AppError::from)? {
            Some(n) if n.subject == c.subject => Ok(n),
            _ => Err(LinkError::Invalid),
        }
    }

    /// Records the processor's acknowledgement through its link: `true`
    /// if recorded now, `false` if it was before.
    pub async fn acknowledge_processor_notice(&self, token: &str) -> std::result::Result<bool, LinkError> {
        let n = self.processor_notice_by_link(token).await?;
        let ctx = kith_store::Ctx {
            actor: format!("recipient:{}", n.recipient_id),
            request_id: Uuid::now_v7().to_string(),
            token: None,
        };
        Ok(self.store.acknowledge_processor_notice(&ctx, n.id, "link").await.map_err(AppError::from)?)
    }

    /// The requests sent to processors for a data-subject request.
    pub async fn processor_notices(&self, p: &Principal, request: Uuid) -> Result<Vec<Notice>> {
        p.require(p.role.can_record_consent() || p.role.can_read_audit(), "read requests")?;
        Ok(self.store.processor_notices_of(request).await?)
    }

    /// Requests processors have not acknowledged by their due date.
    pub async fn overdue_processor_notices(&self, p: &Principal) -> Result<Vec<Notice>> {
        p.require(p.role.can_read_audit(), "read the request register")?;
        Ok(self.store.overdue_processor_notices(200).await?)
    }
}
