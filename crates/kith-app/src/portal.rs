//! The privacy portal: a person signs in with a one-time link mailed to
//! their address (valid 15 minutes, single use; the answer is the same
//! whether the address is known), sees what Kith holds about them,
//! downloads it, and files requests — each one a DSR in the register at
//! once, with identity taken as verified by the mailed link.

use crate::dsr::DsrView;
use crate::public::LinkError;
use crate::purposes::text;
use crate::tokens::{self, Claims, TokenKind};
use crate::{App, AppError, Result};
use kith_domain::dsr::{DsrChannel, DsrKind, DsrStatus};
use kith_domain::{Email, Invalid, SubjectId};
use kith_store::audit::NewEntry;
use kith_store::dsr::{Change, Dsr};
use kith_store::mail::{Mail, NewMail};
use kith_store::Ctx;
use time::{Duration, OffsetDateTime};
use uuid::Uuid;

const LINK_MINUTES: i64 = 15;
/// How long a portal visit lasts after signing in.
pub const SESSION_MINUTES: i64 = 30;
const WINDOW_MS: i64 = 15 * 60 * 1000;
const MAX_PER_CLIENT: i64 = 20;
const MAX_PER_EMAIL: i64 = 3;
/// Export files a person may prepare per window.
const MAX_EXPORTS: i64 = 5;

/// Requests a person may file from the portal.
pub const PORTAL_KINDS: [DsrKind; 6] = [
    DsrKind::Rectification,
    DsrKind::Erasure,
    DsrKind::Restriction,
    DsrKind::Objection,
    DsrKind::Information,
    DsrKind::AutomatedDecisionReview,
];

fn ctx() -> Ctx {
    Ctx { actor: "public:portal".into(), request_id: Uuid::now_v7().to_string(), token: None }
}

/// What a signed-in person sees: every contact holding the address they
/// proved they read (two records of one person are both theirs).
#[derive(Clone, Debug)]
pub struct PortalView {
    pub people: Vec<PortalRecord>,
    /// Prepared export files not yet expired, of every record.
    pub exports: Vec<crate::export::ExportFile>,
    pub requests: Vec<DsrView>,
}

/// One contact record of the signed-in person.
#[derive(Clone, Debug)]
pub struct PortalRecord {
    pub subject: SubjectId,
    pub export: serde_json::Value,
    /// Its preference centre, to change or withdraw consents.
    pub preferences_link: String,
}

/// A portal sign-in names the address it was mailed to, by its exact-match
/// key, in the token's scope: the session covers every contact holding it.
fn address_scope(key: &[u8]) -> Uuid {
    let mut b = [0u8; 16];
    b.copy_from_slice(&key[..16]);
    Uuid::from_bytes(b)
}

impl App {
    /// Mails a sign-in link if the address belongs to a contact. Answers
    /// the same either way; rate-limited per client and per address.
    pub async fn portal_request_link(&self, email: &str, client: &str, lang: &str) -> Result<()> {
        let email = Email::parse(email.trim()).map_err(|_| Invalid::one("email", "must be an email address"))?;
        let vault = self.store.vault();
        let limits = [
            (vault.keyed_hash("portal-client", client), MAX_PER_CLIENT),
            (vault.keyed_hash("portal-email", &email.lookup_key()), MAX_PER_EMAIL),
        ];
        self.throttle(&limits, WINDOW_MS).await?;
        // The lookup and the mail happen after the answer, so its timing
        // does not tell whether the address is known.
        let app = self.clone();
        let lang = lang.to_owned();
        tokio::spawn(async move {
            if let Err(e) = app.send_portal_link(&email, &lang).await {
                tracing::error!(error = %e, "could not queue a portal sign-in link");
            }
        });
        Ok(())
    }

    /// Mails the link to the address **as stored** on the contact, never as
    /// typed: a look-alike typed address that matched would get nothing.
    async fn send_portal_link(&self, email: &Email, lang: &str) -> Result<()> {
        let vault = self.store.vault();
        let Some(contact) = self.store.find_by_email(email).await?.into_iter().next() else { return Ok(()) };
        let Some(stored) = contact.data.emails.iter().find(|e| e.lookup_key() == email.lookup_key()) else {
            return Ok(());
        };
        let expires = OffsetDateTime::now_utc() + Duration::minutes(LINK_MINUTES);
        let token = tokens::sign(
            vault,
            TokenKind::PortalLink,
            Claims {
                subject: contact.id,
                scope: address_scope(&self.store.email_key(stored)),
                expires: expires.unix_timestamp(),
            },
        );
        let link = format!("{}/portal/s/{token}", self.settings.public_url);
        // The language of the page the person asked from.
        let tr = kith_i18n::Tr::new(self.mail_lang(Some(lang)));
        let subject = tr.t("mail-portal-subject");
        let text = format!(
            "{}\n{link}\n\n{}\n",
            tr.t1("mail-portal-open", "minutes", LINK_MINUTES),
            tr.t("mail-portal-ignore")
        );
        let m = NewMail {
            id: Uuid::now_v7(),
            subject: contact.id,
            kind: "portal",
            mail: Mail {
                to: stored.as_str().to_owned(),
                subject,
                text,
                headers: vec![],
                attachments: vec![],
                asks_for: None,
            },
        };
        self.store.queue_mail(&ctx(), m).await?;
        self.mail_wake.notify_one();
        Ok(())
    }

    /// Spends a sign-in link and returns the session token for the cookie.
    pub async fn portal_sign_in(&self, link_token: &str) -> std::result::Result<String, LinkError> {
        let now = OffsetDateTime::now_utc();
        let c = tokens::verify(self.store.vault(), TokenKind::PortalLink, link_token, now.unix_timestamp())?;
        self.store.get_contact(c.subject).await?.ok_or(LinkError::Invalid)?;
        if !self.store.spend_token(&c.use_id(TokenKind::PortalLink), c.expires * 1000).await? {
            return Err(LinkError::Invalid);
        }
        self.store.audit(&ctx(), &[NewEntry::subject("portal.sign_in", c.subject)]).await?;
        let expires = now + Duration::minutes(SESSION_MINUTES);
        Ok(tokens::sign(
            self.store.vault(),
            TokenKind::PortalSession,
            // The address's scope: signing out revokes this session (and one
            // of the same address started in the same second).
            Claims { subject: c.subject, scope: c.scope, expires: expires.unix_timestamp() },
        ))
    }

    /// Checks a sign-in link without spending it (the page a GET shows).
    pub fn portal_check_link(&self, link_token: &str) -> std::result::Result<(), LinkError> {
        tokens::verify(
            self.store.vault(),
            TokenKind::PortalLink,
            link_token,
            OffsetDateTime::now_utc().unix_timestamp(),
        )?;
        Ok(())
    }

    /// The contacts a session cookie covers: every one still holding the
    /// address the sign-in link was mailed to (the linked one first).
    pub async fn portal_person(&self, session: &str) -> std::result::Result<Vec<SubjectId>, LinkError> {
        let c = tokens::verify(
            self.store.vault(),
            TokenKind::PortalSession,
            session,
            OffsetDateTime::now_utc().unix_timestamp(),
        )?;
        if self.store.token_used(&c.use_id(TokenKind::PortalSession)).await? {
            return Err(LinkError::Invalid);
        }
        let mut ids: Vec<SubjectId> =
            self.store.find_by_email_key(c.scope.as_bytes()).await?.into_iter().map(|x| x.id).collect();
        if ids.is_empty() {
            return Err(LinkError::Invalid);
        }
        if let Some(i) = ids.iter().position(|s| *s == c.subject) {
            ids.swap(0, i);
        }
        Ok(ids)
    }

    /// Ends a portal session on the server: its cookie no longer works,
    /// even if a copy of it survives.
    pub async fn portal_sign_out(&self, session: &str) -> Result<()> {
        let now = OffsetDateTime::now_utc().unix_timestamp();
        if let Ok(c) = tokens::verify(self.store.vault(), TokenKind::PortalSession, session, now) {
            self.store.spend_token(&c.use_id(TokenKind::PortalSession), c.expires * 1000).await?;
        }
        Ok(())
    }

    /// Everything the person sees (reading is audited as their own access).
    pub async fn portal_view(&self, session: &str) -> std::result::Result<PortalView, LinkError> {
        let subjects = self.portal_person(session).await?;
        let mut view = PortalView { people: vec![], exports: vec![], requests: vec![] };
        let mut dsrs = Vec::new();
        for &subject in &subjects {
            let export = self.export_document(subject, false).await?;
            view.people.push(PortalRecord { subject, export, preferences_link: self.preferences_link(subject) });
            dsrs.extend(self.store.dsrs_of(subject).await?);
            view.exports.extend(self.store.exports_of(subject).await?);
        }
        dsrs.sort_by_key(|d| std::cmp::Reverse(d.received_at));
        view.requests = self.with_dsr_clocks(dsrs).await?;
        let entries: Vec<NewEntry> = subjects.iter().map(|s| NewEntry::subject("portal.view", *s)).collect();
        self.store.audit(&ctx(), &entries).await?;
        Ok(view)
    }

    /// The person asks for their data: an access request per record,
    /// registered and completed at once with an export file each, which
    /// they download from the portal (sealed at rest, deleted after the
    /// configured days).
    pub async fn portal_prepare_export(
        &self,
        session: &str,
        format: crate::export::ExportFormat,
    ) -> std::result::Result<Vec<crate::export::ExportFile>, LinkError> {
        let subjects = self.portal_person(session).await?;
        let key = self.store.vault().keyed_hash("portal-export", &subjects[0].to_string());
        self.throttle(&[(key, MAX_EXPORTS)], WINDOW_MS).await?;
        let mut files = Vec::new();
        for subject in subjects {
            files.push(self.portal_export_one(subject, format).await?);
        }
        Ok(files)
    }

    async fn portal_export_one(
        &self,
        subject: SubjectId,
        format: crate::export::ExportFormat,
    ) -> Result<crate::export::ExportFile> {
        let d = self.portal_dsr(subject, DsrKind::Access, None).await?;
        let f = self.write_export(&ctx(), subject, false, format).await?;
        let done = Change {
            status: Some(DsrStatus::Completed),
            outcome: Some(format!(
                "export prepared for the person in the portal, kept {} days",
                self.settings.export_days
            )),
            action: "performed",
            ..Change::default()
        };
        self.store.change_dsr(&ctx(), d.id, done, |_| Ok::<(), AppError>(())).await?;
        Ok(f)
    }

    /// One of the person's own export files.
    pub async fn portal_download(
        &self,
        session: &str,
        id: Uuid,
    ) -> std::result::Result<(crate::export::ExportFile, Vec<u8>), LinkError> {
        let mut owned = false;
        for subject in self.portal_person(session).await? {
            owned |= self.store.exports_of(subject).await?.iter().any(|f| f.id == id);
        }
        if !owned {
            return Err(AppError::NotFound("export").into());
        }
        Ok(self.store.open_export(&ctx(), id).await?.ok_or(AppError::NotFound("export"))?)
    }

    /// Files a request from the portal (what to correct, what to object to…).
    pub async fn portal_file(
        &self,
        session: &str,
        kind: DsrKind,
        note: Option<String>,
    ) -> std::result::Result<(), LinkError> {
        let subjects = self.portal_person(session).await?;
        if !PORTAL_KINDS.contains(&kind) {
            return Err(AppError::from(Invalid::one("kind", "this request is not filed here")).into());
        }
        let mut inv = Invalid::default();
        if let Some(n) = &note {
            text(&mut inv, "note", n, 1, 2000, true);
        }
        if kind == DsrKind::Rectification && note.as_deref().is_none_or(|n| n.trim().is_empty()) {
            inv.push("note", "say what should be corrected");
        }
        inv.into_result().map_err(AppError::from)?;
        for subject in subjects {
            self.portal_dsr(subject, kind, note.clone()).await?;
        }
        Ok(())
    }

    async fn portal_dsr(&self, subject: SubjectId, kind: DsrKind, note: Option<String>) -> Result<Dsr> {
        let now = OffsetDateTime::now_utc();
        let d = Dsr {
            id: Uuid::now_v7(),
            subject,
            kind,
            channel: DsrChannel::Portal,
            received_at: now,
            status: DsrStatus::Received,
            verified: "verified".into(),
            verification_method: Some("signed in to the portal with a one-time link mailed to the address".into()),
            extension_months: 0,
            extension_reason: None,
            assigned_to: None,
            outcome: None,
            created_at: now,
            updated_at: now,
        };
        self.store.insert_dsr(&ctx(), &d, note.as_deref(), None).await?;
        Ok(d)
    }
}
