//! Sends queued mail: claims due messages with a lease, sends them through
//! SMTP (lettre) when configured or files them in the outbox when not,
//! retries failures with growing delays, and gives up after
//! [`MAX_ATTEMPTS`]. Errors recorded never contain addresses or text.
//! Staff read the queue (the outbox) with one-time links hidden.

use crate::{App, AppError, Principal, Result};
use kith_store::mail::{Claimed, Mail};
use lettre::message::header::ContentType;
use lettre::message::{Attachment, MultiPart, SinglePart};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use std::time::Duration;
use uuid::Uuid;

pub const MAX_ATTEMPTS: i64 = 8;
/// Longer than a whole claimed batch can take (20 messages × 20 s SMTP
/// timeout), so another server never reclaims mail still being sent.
const LEASE_MS: i64 = 600_000;

/// Where mail goes.
#[derive(Clone)]
pub enum Transport {
    /// SMTP via lettre, from a URL such as `smtp://host:25`,
    /// `smtp://user:pass@host:587?tls=required` or `smtps://host:465`.
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
    /// No SMTP: messages stay in the outbox for staff to read.
    Outbox,
}

impl Transport {
    pub fn from_url(url: Option<&str>) -> std::result::Result<Transport, String> {
        match url {
            None | Some("") => Ok(Transport::Outbox),
            Some(u) => AsyncSmtpTransport::<Tokio1Executor>::from_url(u)
                .map(|b| Transport::Smtp(b.timeout(Some(Duration::from_secs(20))).build()))
                .map_err(|e| format!("the SMTP URL is not valid: {e}")),
        }
    }
}

/// The message for mail `id`: its `Message-ID` comes from the id, so a
/// message sent twice (a crash after the server took it, before the queue
/// recorded it) carries the same one and receivers can drop the copy.
fn message(from: &str, id: Uuid, m: &Mail) -> std::result::Result<Message, &'static str> {
    let from: lettre::message::Mailbox = from.parse().map_err(|_| "the From address is not valid")?;
    let mut b = Message::builder()
        .message_id(Some(format!("<{id}@{}>", from.email.domain())))
        .from(from)
        .to(m.to.parse().map_err(|_| "the recipient address is not valid")?)
        .subject(m.subject.clone());
    for (name, value) in &m.headers {
        b = match name.as_str() {
            "List-Unsubscribe" => b.header(ListUnsubscribe(value.clone())),
            "List-Unsubscribe-Post" => b.header(ListUnsubscribePost(value.clone())),
            _ => b,
        };
    }
    let text = SinglePart::builder().header(ContentType::TEXT_PLAIN).body(m.text.clone());
    let r = if m.attachments.is_empty() {
        b.singlepart(text)
    } else {
        let mut mp = MultiPart::mixed().singlepart(text);
        for (name, ctype, body) in &m.attachments {
            let ct = ContentType::parse(ctype).map_err(|_| "an attachment's content type is not valid")?;
            mp = mp.singlepart(Attachment::new(name.clone()).body(body.clone(), ct));
        }
        b.multipart(mp)
    };
    r.map_err(|_| "the message could not be built")
}

/// A mail to a staff member (not a data subject, so never in the sealed
/// outbox): plain text, and an HTML alternative if given.
pub(crate) fn staff_message(
    from: &str,
    to: &str,
    subject: &str,
    text: &str,
    html: Option<&str>,
) -> std::result::Result<Message, &'static str> {
    let b = Message::builder()
        .from(from.parse().map_err(|_| "the From address is not valid")?)
        .to(to.parse().map_err(|_| "your address is not a valid recipient")?)
        .subject(subject.to_owned());
    let text = SinglePart::builder().header(ContentType::TEXT_PLAIN).body(text.to_owned());
    let r = match html {
        None => b.singlepart(text),
        Some(h) => b.multipart(
            MultiPart::alternative()
                .singlepart(text)
                .singlepart(SinglePart::builder().header(ContentType::TEXT_HTML).body(h.to_owned())),
        ),
    };
    r.map_err(|_| "the message could not be built")
}

macro_rules! text_header {
    ($t:ident, $name:literal) => {
        #[derive(Clone)]
        struct $t(String);
        impl lettre::message::header::Header for $t {
            fn name() -> lettre::message::header::HeaderName {
                lettre::message::header::HeaderName::new_from_ascii_str($name)
            }
            fn parse(s: &str) -> std::result::Result<Self, Box<dyn std::error::Error + Send + Sync>> {
                Ok($t(s.to_owned()))
            }
            fn display(&self) -> lettre::message::header::HeaderValue {
                lettre::message::header::HeaderValue::new(Self::name(), self.0.clone())
            }
        }
    };
}
text_header!(ListUnsubscribe, "List-Unsubscribe");
text_header!(ListUnsubscribePost, "List-Unsubscribe-Post");

/// Delay before retry `attempt` (1-based): 30 s, 1 min, 2 min… capped at 2 h.
fn backoff_ms(attempt: i64) -> i64 {
    (30_000i64 << (attempt - 1).clamp(0, 12)).min(2 * 3600 * 1000)
}

impl App {
    /// Sends what is due now; returns how many messages were handled.
    pub async fn deliver_mail(&self, transport: &Transport) -> Result<usize> {
        let claimed = self.store.claim_mail(20, LEASE_MS).await?;
        let n = claimed.len();
        let ctx = kith_store::Ctx {
            actor: "system:mailer".into(),
            request_id: uuid::Uuid::now_v7().to_string(),
            token: None,
        };
        for Claimed { row, mail } in claimed {
            // A consent request waits in the queue; the person may have
            // answered, objected or been restricted since it was queued.
            if let Some(purpose) = mail.asks_for {
                let still = match self.store.get_purpose(purpose).await? {
                    Some(p) => self.may_request(row.subject, &p, time::OffsetDateTime::now_utc(), true).await?,
                    None => false,
                };
                if !still {
                    tracing::info!(mail.id = %row.id, "consent request cancelled: the person may no longer be asked");
                    self.store.mail_done(&ctx, row.id, "cancelled").await?;
                    continue;
                }
            }
            match transport {
                Transport::Outbox => self.store.mail_done(&ctx, row.id, "outbox").await?,
                Transport::Smtp(smtp) => {
                    let mut permanent = false;
                    let result = match message(&self.settings.mail_from, row.id, &mail) {
                        Ok(m) => smtp.send(m).await.map(|_| ()).map_err(|e| {
                            // lettre's error text can quote the server's reply, which may echo the address.
                            permanent = e.is_permanent();
                            if permanent {
                                "the SMTP server refused the message permanently"
                            } else {
                                "the SMTP server could not be reached or refused for now"
                            }
                        }),
                        Err(e) => Err(e),
                    };
                    match result {
                        Ok(()) => self.store.mail_done(&ctx, row.id, "sent").await?,
                        // A 5xx: no retry; the address is marked undeliverable
                        // for the person (campaigns skip it), not deleted.
                        Err(_) if permanent => {
                            tracing::warn!(mail.id = %row.id, "mail refused permanently; address marked undeliverable");
                            let key = kith_domain::Email::parse(&mail.to).ok().map(|e| self.store.email_key(&e));
                            self.store.mail_refused(&ctx, row.id, key, "5xx").await?;
                        }
                        Err(e) => {
                            let retry =
                                (row.attempts < MAX_ATTEMPTS).then(|| kith_store::now_ms() + backoff_ms(row.attempts));
                            tracing::warn!(mail.id = %row.id, attempts = row.attempts, error = e, "mail not sent");
                            self.store.mail_failed(row.id, e, retry).await?;
                        }
                    }
                }
            }
        }
        Ok(n + self.deliver_parting(transport, &ctx).await?)
    }

    /// Sends the confirmations of erasures: each deleted once delivered,
    /// after its last failed attempt, or (unsent, for staff to read when
    /// there is no SMTP) after its days.
    async fn deliver_parting(&self, transport: &Transport, ctx: &kith_store::Ctx) -> Result<usize> {
        let claimed = self.store.claim_parting(20, LEASE_MS, matches!(transport, Transport::Smtp(_))).await?;
        let n = claimed.len();
        for (row, mail) in claimed {
            match transport {
                Transport::Outbox => self.store.parting_to_outbox(ctx, row.id).await?,
                Transport::Smtp(smtp) => {
                    // (error, permanent): a permanent refusal is not retried,
                    // so the sealed address is deleted at once.
                    let result = match message(&self.settings.mail_from, row.id, &mail) {
                        Ok(m) => smtp.send(m).await.map(|_| ()).map_err(|e| {
                            if e.is_permanent() {
                                ("the SMTP server refused the message permanently", true)
                            } else {
                                ("the SMTP server could not be reached or refused for now", false)
                            }
                        }),
                        Err(e) => Err((e, true)),
                    };
                    match result {
                        Ok(()) => self.store.parting_sent(ctx, row.id).await?,
                        Err((e, permanent)) => {
                            tracing::warn!(mail.id = %row.id, attempts = row.attempts, error = e, "parting mail not sent");
                            let retry = (!permanent && row.attempts < kith_store::parting::MAX_PARTING_ATTEMPTS)
                                .then(|| kith_store::now_ms() + backoff_ms(row.attempts));
                            self.store.parting_failed(row.id, e, retry).await?;
                        }
                    }
                }
            }
        }
        Ok(n)
    }
}

impl App {
    /// The confirmations of erasures waiting (admin, dpo): envelopes only.
    pub async fn parting_outbox(&self, p: &Principal) -> Result<Vec<kith_store::parting::PartingRow>> {
        p.require(p.role.can_manage_privacy(), "read the outbox")?;
        Ok(self.store.parting_list().await?)
    }

    /// One confirmation of an erasure, opened (admin, dpo; audited): the
    /// way staff send it by hand when there is no SMTP, before it expires.
    pub async fn parting_message(&self, p: &Principal, id: Uuid) -> Result<Mail> {
        p.require(p.role.can_manage_privacy(), "read the outbox")?;
        let (_, mail) = self.store.parting_open(id).await?.ok_or(AppError::NotFound("message"))?;
        self.store
            .audit(&p.ctx(), &[kith_store::audit::NewEntry::object("mail.parting_read", "parting_mail", id)])
            .await?;
        Ok(mail)
    }

    /// The newest messages' envelopes (admin, dpo).
    pub async fn outbox(&self, p: &Principal) -> Result<Vec<kith_store::mail::MailRow>> {
        p.require(p.role.can_manage_privacy(), "read the outbox")?;
        Ok(self.store.mail_list(200).await?)
    }

    /// One message, opened (admin, dpo; audited).
    pub async fn outbox_message(
        &self,
        p: &Principal,
        id: Uuid,
    ) -> Result<(kith_store::mail::MailRow, kith_store::mail::Mail)> {
        p.require(p.role.can_manage_privacy(), "read the outbox")?;
        let (row, mut mail) = self.store.mail_open(id).await?.ok_or(AppError::NotFound("message"))?;
        self.store.audit(&p.ctx(), &[kith_store::audit::NewEntry::subject("mail.read", row.subject)]).await?;
        // Staff never see a usable link that acts as the person (the operator
        // at the command line holds the key and could make one anyway).
        if !self.settings.outbox_shows_links && !p.is_cli() {
            // (A receipt attached with a link loses its signature's
            // validity in this view; the person's copy is intact.)
            mail.text = hide_links(&mail.text);
            for (_, v) in &mut mail.headers {
                *v = hide_links(v);
            }
            for (_, _, body) in &mut mail.attachments {
                *body = hide_links(body);
            }
        }
        Ok((row, mail))
    }
}

/// Paths of Kith's public pages whose next segment is a token acting as the
/// person: confirmation, preferences (and receipts under it), unsubscribe,
/// portal sign-in.
const TOKEN_PATHS: [&str; 4] = ["/c/", "/p/", "/u/", "/portal/s/"];

/// `text` with the token of every link to a token path replaced by a
/// placeholder, whatever the link's host (mail queued under an earlier
/// public address is covered too): the mail as staff may read it.
pub fn hide_links(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("://") {
        let (before, from) = rest.split_at(at + 3);
        out.push_str(before);
        // The host runs to the first '/', or the link ends first.
        let host_end = from.find(|c: char| c == '/' || c.is_whitespace() || matches!(c, '>' | '"' | '\'' | ')'));
        let Some(h) = host_end.filter(|h| from[*h..].starts_with('/')) else {
            rest = from;
            continue;
        };
        out.push_str(&from[..h]);
        let path = &from[h..];
        match TOKEN_PATHS.iter().find(|p| path.starts_with(*p)) {
            Some(p) => {
                out.push_str(p);
                out.push_str("[one-time link hidden]");
                let token_end = path[p.len()..]
                    .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_' || c == '.'))
                    .map_or(path.len(), |i| p.len() + i);
                rest = &path[token_end..];
            }
            None => rest = path,
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_acting_as_the_person_are_hidden() {
        let t = "Confirm: https://crm.example.com/c/AbC-12_x.y9\nPortal <https://crm.example.com/portal/s/Zz9>\nNotice: https://crm.example.com/n/3";
        let h = hide_links(t);
        assert_eq!(
            h,
            "Confirm: https://crm.example.com/c/[one-time link hidden]\nPortal <https://crm.example.com/portal/s/[one-time link hidden]>\nNotice: https://crm.example.com/n/3"
        );
        assert_eq!(
            hide_links("https://crm.example.com/p/tok/receipts/1"),
            "https://crm.example.com/p/[one-time link hidden]/receipts/1"
        );
        // Another host (mail queued before the public address changed), a bare host, no link.
        assert_eq!(hide_links("http://old:8080/u/t0k"), "http://old:8080/u/[one-time link hidden]");
        assert_eq!(hide_links("see http://host and ://"), "see http://host and ://");
    }

    #[test]
    fn backoff_grows_and_is_capped() {
        assert_eq!(backoff_ms(1), 30_000);
        assert_eq!(backoff_ms(2), 60_000);
        assert_eq!(backoff_ms(20), 2 * 3600 * 1000);
    }

    #[test]
    fn messages_carry_unsubscribe_headers_and_attachments() {
        let m = Mail {
            to: "ada@example.com".into(),
            subject: "Hello".into(),
            text: "Body".into(),
            headers: vec![
                ("List-Unsubscribe".into(), "<https://crm.example.com/u/t>".into()),
                ("List-Unsubscribe-Post".into(), "List-Unsubscribe=One-Click".into()),
            ],
            attachments: vec![("r.json".into(), "application/json".into(), "{}".into())],
            asks_for: None,
        };
        let raw =
            String::from_utf8(message("Kith <no-reply@example.com>", Uuid::nil(), &m).unwrap().formatted()).unwrap();
        assert!(raw.contains("List-Unsubscribe: <https://crm.example.com/u/t>"));
        assert!(raw.contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click"));
        assert!(raw.contains("filename=\"r.json\""));
        assert!(raw.contains(&format!("Message-ID: <{}@example.com>", Uuid::nil())));
        assert!(
            message("Kith <no-reply@example.com>", Uuid::nil(), &Mail { to: "not an address".into(), ..m }).is_err()
        );
    }
}
