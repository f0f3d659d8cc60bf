//! A breach's notices: the authority notice drafted from the record with
//! every Art. 33(3) item (initial, follow-up of the first, or bundled),
//! hashed as drafted; "send" records that the DPO submitted it (Kith does
//! not submit to the authority's portal). The people's notice (Art. 34)
//! is a mail to each person linked to the breach, in their language
//! (drafted and hashed in every shipped language), queued once per notice.

use super::people_mail::people_mail;
use crate::{missing, App, AppError, Principal, Result};
use kith_domain::breach::notice::{
    authority_draft, late_without_reason, missing_items, Audience, DraftFacts, NoticeKind,
};
use kith_domain::Invalid;
use kith_store::breaches::{NewNotice, PeopleMailStatus, StoredNotice, SENT_AT_LEEWAY};
use kith_store::mail::{Mail, NewMail};
use time::OffsetDateTime;
use uuid::Uuid;

/// How many people's mails are read and queued at once (one transaction).
pub const PEOPLE_PAGE: i64 = 500;

/// A notice as shown, with its people's mails read from the outbox.
#[derive(Clone, Debug)]
pub struct NoticeView {
    pub stored: StoredNotice,
    /// Lowercase hex of the content hash.
    pub hash_hex: String,
    pub people: PeopleMailStatus,
}

impl NoticeView {
    pub fn is_authority_sent(&self) -> bool {
        self.stored.audience == Audience::Authority && self.stored.sent_at.is_some()
    }

    /// The body as JSON.
    pub fn body(&self) -> serde_json::Value {
        serde_json::from_str(&self.stored.body).unwrap_or(serde_json::Value::Null)
    }
}

/// What to draft.
#[derive(Clone, Debug)]
pub struct NoticeRequest {
    pub audience: Audience,
    pub kind: NoticeKind,
    pub follows: Option<Uuid>,
    /// The supervisory authority it goes to, in words.
    pub authority: Option<String>,
    /// For a bundled notice: the other breaches it covers.
    pub bundled: Vec<Uuid>,
}

/// The JSON with its object keys sorted at every level: the canonical
/// form the content hash is taken of.
pub fn canonical(v: serde_json::Value) -> serde_json::Value {
    match v {
        serde_json::Value::Object(m) => {
            let mut pairs: Vec<(String, serde_json::Value)> = m.into_iter().collect();
            pairs.sort_by(|a, b| a.0.cmp(&b.0));
            serde_json::Value::Object(pairs.into_iter().map(|(k, v)| (k, canonical(v))).collect())
        }
        serde_json::Value::Array(a) => serde_json::Value::Array(a.into_iter().map(canonical).collect()),
        v => v,
    }
}

fn hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}

impl App {
    pub(crate) async fn breach_notice_views(&self, breach: Uuid) -> Result<Vec<NoticeView>> {
        let mut out = Vec::new();
        for n in self.store.breach_notices(breach).await? {
            let people = match n.audience {
                Audience::People => self.store.breach_people_mail_status(n.id).await?,
                Audience::Authority => PeopleMailStatus::default(),
            };
            out.push(NoticeView { hash_hex: hex(&n.content_hash), stored: n, people });
        }
        Ok(out)
    }

    /// Drafts a notice from the record as it is now and records it with
    /// the SHA-256 of its canonical JSON. A follow-up names the notice it
    /// follows; an initial or bundled one names none.
    pub async fn draft_breach_notice(&self, p: &Principal, id: Uuid, r: NoticeRequest) -> Result<Uuid> {
        p.require(p.role.can_manage_privacy(), "keep the breach register")?;
        let b = self.store.breach(id).await?.ok_or(AppError::NotFound("breach"))?;
        let mut inv = Invalid::default();
        match (r.kind, r.follows) {
            (NoticeKind::FollowUp, None) => inv.push("follows", "a follow-up names the notice it follows"),
            (NoticeKind::Initial | NoticeKind::Bundled, Some(_)) => {
                inv.push("follows", "only a follow-up follows another notice")
            }
            (NoticeKind::FollowUp, Some(f)) => {
                // Only a follow-up of a sent authority notice is exempt
                // from the delay reason (the store checks it again under
                // the breach's lock).
                let first = self.store.breach_notices(id).await?.into_iter().find(|n| n.id == f);
                match first {
                    None => inv.push("follows", "not a notice of this breach"),
                    Some(n) if n.audience != Audience::Authority || n.sent_at.is_none() => {
                        inv.push("follows", "a follow-up follows an authority notice of this breach already sent")
                    }
                    Some(_) => {}
                }
            }
            _ => {}
        }
        if r.kind == NoticeKind::Bundled && (r.bundled.is_empty() || r.audience != Audience::Authority) {
            inv.push("bundled", "a bundled authority notice names the other breaches it covers");
        }
        let authority = r.authority.map(|a| a.trim().to_owned()).filter(|a| !a.is_empty());
        if authority.as_ref().is_some_and(|a| a.chars().count() > 200 || a.chars().any(char::is_control)) {
            inv.push("authority", "one line of at most 200 characters");
        }
        let mut bundled = Vec::new();
        for (i, other) in r.bundled.iter().enumerate() {
            match self.store.breach(*other).await? {
                Some(o) if o.id != id => bundled.push(o.reference),
                _ => inv.push(format!("bundled[{i}]"), "not another breach of this register"),
            }
        }
        inv.into_result()?;
        let controller = self.controller_identity().await?;
        let body = match r.audience {
            Audience::Authority => {
                let mut recipients = Vec::new();
                for rid in &b.breach.recipients {
                    if let Some(rec) = self.store.get_recipient(*rid).await? {
                        recipients.push(rec.recipient.legal_name);
                    }
                }
                let facts = DraftFacts {
                    reference: &b.reference,
                    aware_at: b.aware.as_ref().map(|a| a.at),
                    controller: &controller.name,
                    dpo_name: &controller.dpo_name,
                    dpo_contact: &controller.dpo_contact,
                    people_found: self.store.latest_breach_count(id).await?.map(|c| c.0),
                    recipients,
                    bundled,
                };
                let draft = authority_draft(&b.breach, &facts);
                let mut v = serde_json::to_value(&draft).map_err(|_| AppError::Conflict("draft".into()))?;
                v["missing"] = serde_json::json!(missing_items(&draft));
                v
            }
            Audience::People => {
                let mut langs = serde_json::Map::new();
                for &l in kith_i18n::languages() {
                    let tr = kith_i18n::Tr::new(l);
                    let (subject, text) =
                        people_mail(&tr, &b.breach, &controller.name, &controller.dpo_name, &controller.dpo_contact);
                    langs.insert(l.into(), serde_json::json!({"subject": subject, "text": text}));
                }
                serde_json::json!({"reference": b.reference, "mail": langs})
            }
        };
        let body = canonical(body).to_string();
        let hash = ring::digest::digest(&ring::digest::SHA256, body.as_bytes()).as_ref().to_vec();
        let n = NewNotice {
            id: Uuid::now_v7(),
            breach_id: id,
            audience: r.audience,
            kind: r.kind,
            follows: r.follows,
            authority,
            body,
            content_hash: hash,
        };
        self.store.insert_breach_notice(&p.ctx(), &n).await.map_err(|e| missing("breach")(e.into()))?;
        Ok(n.id)
    }

    pub async fn breach_notice(&self, p: &Principal, id: Uuid, notice: Uuid) -> Result<NoticeView> {
        p.require(p.role.can_manage_privacy(), "keep the breach register")?;
        self.breach_notice_views(id)
            .await?
            .into_iter()
            .find(|n| n.stored.id == notice)
            .ok_or(AppError::NotFound("notice"))
    }

    /// Records that a notice was sent. An authority notice: the DPO
    /// submitted it at `sent_at` (after the deadline only with a reason).
    /// A people notice: each linked person's mail is queued now, once per
    /// notice (sending again queues only people added since). Returns how
    /// many mails were queued.
    pub async fn send_breach_notice(
        &self,
        p: &Principal,
        id: Uuid,
        notice: Uuid,
        sent_at: Option<OffsetDateTime>,
        delay_reason: String,
    ) -> Result<usize> {
        p.require(p.role.can_manage_privacy(), "keep the breach register")?;
        let b = self.store.breach(id).await?.ok_or(AppError::NotFound("breach"))?;
        let n = self.breach_notice(p, id, notice).await?;
        let now = OffsetDateTime::now_utc();
        let sent_at = sent_at.unwrap_or(now);
        let delay_reason = delay_reason.trim().to_owned();
        let mut inv = Invalid::default();
        if sent_at > now + SENT_AT_LEEWAY {
            inv.push("sent_at", "cannot be in the future");
        } else if n.stored.sent_at.is_none() && sent_at < n.stored.created_at {
            inv.push("sent_at", "cannot be before the notice was drafted");
        }
        if n.stored.audience == Audience::Authority && b.aware.is_none() {
            inv.push("aware_at", "set when the controller became aware first: the 72-hour clock runs from it");
        }
        if delay_reason.chars().count() > 2000 {
            inv.push("delay_reason", "at most 2000 characters");
        }
        let aware = b.aware.as_ref().map(|a| a.at);
        if n.stored.sent_at.is_none()
            && late_without_reason(n.stored.audience, n.stored.kind, aware, sent_at, &delay_reason)
        {
            inv.push("delay_reason", "sent after the 72-hour deadline: give the reason for the delay (Art. 33(1))");
        }
        inv.into_result()?;
        let reason = (!delay_reason.is_empty()).then_some(delay_reason.as_str());
        let mut queued = 0;
        if n.stored.audience == Audience::People {
            queued = self.queue_people_mails(p, &n, id, notice).await?;
        } else if n.stored.sent_at.is_some() {
            return Err(AppError::Conflict("this notice was sent already: a sent notice never changes".into()));
        }
        if n.stored.sent_at.is_none() {
            self.store
                .mark_breach_notice_sent(&p.ctx(), id, notice, sent_at, p.author(), reason)
                .await
                .map_err(|e| missing("notice")(e.into()))?;
        }
        Ok(queued)
    }

    /// Queues the people's mails with exactly the text drafted and hashed
    /// in the notice body, in each person's language (see
    /// [`App::mail_lang`]); a notice drafted before that language was
    /// shipped falls back to the controller's default language, then to
    /// English.
    async fn queue_people_mails(&self, p: &Principal, n: &NoticeView, id: Uuid, notice: Uuid) -> Result<usize> {
        let body = n.body();
        let in_lang = |lang: &str| {
            let m = &body["mail"][lang];
            Some((m["subject"].as_str()?.to_owned(), m["text"].as_str()?.to_owned()))
        };
        let drafted = |lang: &str| -> Result<(String, String)> {
            in_lang(lang)
                .or_else(|| in_lang(self.mail_lang(None)))
                .or_else(|| in_lang(kith_i18n::DEFAULT))
                .ok_or_else(|| AppError::Conflict(format!("the notice has no drafted mail in \"{lang}\"")))
        };
        // Pages of people in subject-id order, each read in a few
        // statements and queued in its own transaction.
        let mut after = None;
        let mut queued = 0;
        loop {
            let (people, next) = self.store.breach_people_page(id, notice, after, PEOPLE_PAGE).await?;
            let ids: Vec<_> = people.iter().map(|p| p.subject).collect();
            let mut languages = self.store.languages_of(&ids).await?;
            let mut mails = Vec::with_capacity(people.len());
            for person in people {
                let Some(to) = person.email else { continue };
                let known = languages.remove(&person.subject).or(person.language);
                let (subject, text) = drafted(self.mail_lang(known.as_deref()))?;
                mails.push(NewMail {
                    id: Uuid::now_v7(),
                    subject: person.subject,
                    kind: "breach",
                    mail: Mail { to, subject, text, headers: vec![], attachments: vec![], asks_for: None },
                });
            }
            if !mails.is_empty() {
                queued += self.store.queue_breach_people_mails(&p.ctx(), id, notice, &mails).await?;
            }
            match next {
                Some(n) => after = Some(n),
                None => break,
            }
        }
        if queued > 0 {
            self.mail_wake.notify_one();
        }
        Ok(queued)
    }
}
