//! Art. 14 notices: which people are owed one (their data came from an
//! import or a staff entry, not from them) and have not had it, and the
//! record of each notice sent, written in the transaction that queues its
//! mail, so a person gets it once however many senders race (the primary
//! key refuses a second). Also the automatic mode's setting and the
//! language an import gave a person.

use crate::audit::{self, NewEntry};
use crate::contacts::{lock_contacts, Contact, Lock};
use crate::db::{fetch_in, Exec, Value};
use crate::mail::{enqueue, NewMail};
use crate::{args, from_ms, now_ms, to_ms, Ctx, Store, StoreError};
use kith_domain::SubjectId;
use std::collections::{BTreeSet, HashMap};
use time::OffsetDateTime;
use uuid::Uuid;

/// The notice a person had.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Art14Notice {
    pub sent_at: OffsetDateTime,
    pub mail_id: Uuid,
    pub language: String,
    /// `import_run`, `auto` or `manual`.
    pub trigger: String,
}

/// Whether notices go out by themselves, and how many days after a
/// contact's creation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Art14Settings {
    pub auto: bool,
    pub after_days: i64,
}

impl Default for Art14Settings {
    fn default() -> Self {
        Art14Settings { auto: false, after_days: kith_domain::art14::DEFAULT_AFTER_DAYS }
    }
}

/// Which people owed a notice and not yet notified to look at.
#[derive(Clone, Copy, Debug)]
pub enum Art14Scope {
    /// The contacts an import run created.
    Run(Uuid),
    /// Contacts created in this window (the automatic mode).
    Created { from: OffsetDateTime, to: OffsetDateTime },
    /// One contact.
    One(SubjectId),
}

/// A person to notify: the contact and the language known for them (an
/// import's language column, else the form or notice of their latest
/// consent event).
#[derive(Debug)]
pub struct PersonToNotify {
    pub contact: Contact,
    pub language: Option<String>,
}

/// The people owed a notice who have not had it, `scope` narrowing them;
/// parameters from `$2` on are the scope's.
fn scope_sql(scope: &Art14Scope) -> (String, Vec<Value>) {
    let base = "FROM contacts c WHERE c.source_kind IN ('import', 'manual') \
                AND NOT EXISTS (SELECT 1 FROM art14_notices n WHERE n.subject_id = c.id)";
    match scope {
        // The contacts a pass of the run created share the audit actor and
        // request id of the pass's `import.run` entry, and come after it.
        Art14Scope::Run(run) => (
            format!(
                "{base} AND c.source_kind = 'import' AND c.id IN (SELECT a.subject_id FROM audit_log r JOIN audit_log a \
                 ON a.actor = r.actor AND a.request_id = r.request_id AND a.seq > r.seq WHERE r.object_type = 'import_run' \
                 AND r.object_id = $2 AND r.action = 'import.run' AND a.action = 'contact.create')"
            ),
            vec![Value::from(run.to_string())],
        ),
        Art14Scope::Created { from, to } => (
            format!("{base} AND c.created_at >= $2 AND c.created_at <= $3"),
            vec![Value::I64(to_ms(*from)), Value::I64(to_ms(*to))],
        ),
        Art14Scope::One(id) => (format!("{base} AND c.id = $2"), vec![Value::Uuid(id.0)]),
    }
}

impl Store {
    /// The language an import gave a person, if any.
    pub async fn contact_language(&self, id: SubjectId) -> Result<Option<String>, StoreError> {
        let mut c = self.pools.read.conn().await?;
        let r = c.fetch_optional("SELECT language FROM contact_languages WHERE subject_id = $1", &args![id.0]).await?;
        r.map(|r| r.get(0)).transpose()
    }

    /// The notice a person had, if any.
    pub async fn art14_notice(&self, id: SubjectId) -> Result<Option<Art14Notice>, StoreError> {
        let mut c = self.pools.read.conn().await?;
        let sql = "SELECT sent_at, mail_id, language, trigger_kind FROM art14_notices WHERE subject_id = $1";
        let Some(r) = c.fetch_optional(sql, &args![id.0]).await? else { return Ok(None) };
        Ok(Some(Art14Notice {
            sent_at: from_ms(r.get(0)?),
            mail_id: r.get(1)?,
            language: r.get(2)?,
            trigger: r.get(3)?,
        }))
    }

    /// The automatic mode's setting (off, 7 days, until changed).
    pub async fn art14_settings(&self) -> Result<Art14Settings, StoreError> {
        let mut c = self.pools.read.conn().await?;
        let r = c.fetch_optional("SELECT auto, after_days FROM art14_settings WHERE id = 1", &[]).await?;
        Ok(match r {
            Some(r) => Art14Settings { auto: r.get(0)?, after_days: r.get(1)? },
            None => Art14Settings::default(),
        })
    }

    /// Changes the automatic mode's setting; audited.
    pub async fn set_art14_settings(&self, ctx: &Ctx, s: Art14Settings) -> Result<(), StoreError> {
        let mut tx = self.pools.write.begin().await?;
        tx.execute(
            "INSERT INTO art14_settings (id, auto, after_days, updated_at) VALUES (1, $1, $2, $3) \
             ON CONFLICT (id) DO UPDATE SET auto = excluded.auto, after_days = excluded.after_days, \
             updated_at = excluded.updated_at",
            &args![s.auto, s.after_days, now_ms()],
        )
        .await?;
        let id = format!("{}:{}", if s.auto { "auto" } else { "off" }, s.after_days);
        audit::append(&mut tx, ctx, &[NewEntry::object("settings.art14", "settings", id)]).await?;
        tx.commit().await
    }

    /// How many people in `scope` are owed a notice and have not had it.
    pub async fn art14_pending(&self, scope: Art14Scope) -> Result<i64, StoreError> {
        let (sql, vals) = scope_sql(&scope);
        // `$1` is unused here: bound to keep the scope's numbering.
        let sql = format!("SELECT COUNT(*) {sql} AND c.id <> $1");
        let mut c = self.pools.read.conn().await?;
        let r = c.fetch_optional(&sql, &[vec![Value::Uuid(Uuid::nil())], vals].concat()).await?;
        r.map_or(Ok(0), |r| r.get(0))
    }

    /// People owed a notice who never had it although their contact is
    /// older than `created_before` (a month: Art. 14(3)(a)).
    pub async fn art14_overdue(&self, created_before: OffsetDateTime) -> Result<i64, StoreError> {
        let (sql, vals) = scope_sql(&Art14Scope::Created { from: OffsetDateTime::UNIX_EPOCH, to: created_before });
        let sql = format!("SELECT COUNT(*) {sql} AND c.id <> $1");
        let mut c = self.pools.read.conn().await?;
        let r = c.fetch_optional(&sql, &[vec![Value::Uuid(Uuid::nil())], vals].concat()).await?;
        r.map_or(Ok(0), |r| r.get(0))
    }

    /// A page of the people in `scope` owed a notice and not yet notified,
    /// in id order after `after`, at most `limit`, with the language known
    /// for each; and where the next page starts (`None`: the last).
    pub async fn art14_page(
        &self,
        scope: Art14Scope,
        after: Option<SubjectId>,
        limit: i64,
    ) -> Result<(Vec<PersonToNotify>, Option<SubjectId>), StoreError> {
        let (sql, vals) = scope_sql(&scope);
        let n = vals.len() + 2;
        let sql = format!("SELECT c.id {sql} AND c.id > $1 ORDER BY c.id LIMIT ${n}");
        let mut c = self.pools.read.conn().await?;
        let params = [vec![Value::Uuid(after.map_or(Uuid::nil(), |a| a.0))], vals, vec![Value::I64(limit)]].concat();
        let ids = c.fetch_all(&sql, &params).await?.iter().map(|r| r.get::<Uuid>(0)).collect::<Result<Vec<_>, _>>()?;
        let next = (ids.len() as i64 == limit).then(|| ids.last().copied().map(SubjectId)).flatten();
        drop(c);
        // The one lookup every mail to a person uses (the erasure confirmation too).
        let subjects: Vec<SubjectId> = ids.iter().copied().map(SubjectId).collect();
        let mut languages: HashMap<Uuid, String> =
            self.languages_of(&subjects).await?.into_iter().map(|(k, v)| (k.0, v)).collect();
        let mut people: Vec<PersonToNotify> = self
            .contacts_in(&ids)
            .await?
            .into_iter()
            .map(|contact| {
                let language = languages.remove(&contact.id.0);
                PersonToNotify { contact, language }
            })
            .collect();
        people.sort_by_key(|p| p.contact.id);
        Ok((people, next))
    }

    /// Records each person's notice and queues its mail, in one
    /// transaction (the caller passes a page of about 500): a person who
    /// had one already, or was erased meanwhile, is skipped. `trigger`:
    /// `import_run`, `auto` or `manual`. A restricted person (Art. 18) is
    /// skipped too, seen under the contacts' lock so a restriction placed a
    /// moment before holds. Returns the mails queued and the people skipped
    /// as restricted.
    pub async fn record_art14_notices(
        &self,
        ctx: &Ctx,
        trigger: &'static str,
        mails: &[(NewMail, String)],
    ) -> Result<(usize, usize), StoreError> {
        if mails.is_empty() {
            return Ok((0, 0));
        }
        let mut tx = self.pools.write.begin().await?;
        let ids: Vec<Uuid> = mails.iter().map(|(m, _)| m.subject.0).collect();
        // Contacts first, as every write to a person takes them: an erasure
        // waits, or went first and the person is skipped.
        let live: BTreeSet<Uuid> = lock_contacts(&mut tx, &ids, Lock::Write).await?.into_iter().collect();
        let live_ids: Vec<Uuid> = live.iter().copied().collect();
        let mut restricted = BTreeSet::new();
        for r in fetch_in(&mut tx, "SELECT subject_id FROM restrictions WHERE subject_id IN ({in})", &live_ids).await? {
            restricted.insert(r.get::<Uuid>(0)?);
        }
        let live: BTreeSet<Uuid> = live.difference(&restricted).copied().collect();
        let keys = crate::keys::subject_keys(self, &mut tx, &live).await?;
        let now = now_ms();
        let mut queued = Vec::new();
        for (m, lang) in mails.iter().filter(|(m, _)| keys.contains_key(&m.subject.0)) {
            let n = tx
                .execute(
                    "INSERT INTO art14_notices (subject_id, sent_at, mail_id, language, trigger_kind) \
                     VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING",
                    &args![m.subject.0, now, m.id, lang.as_str(), trigger],
                )
                .await?;
            if n == 1 {
                queued.push(m.clone());
            }
        }
        enqueue(&mut tx, &keys, &queued).await?;
        let mut entries = Vec::with_capacity(queued.len() * 2);
        for m in &queued {
            entries.push(NewEntry {
                action: "art14.notice",
                subject: Some(m.subject),
                object_type: "contact",
                object_id: Some(m.subject.to_string()),
            });
            entries.push(NewEntry {
                action: "mail.queue",
                subject: Some(m.subject),
                object_type: "mail",
                object_id: Some(m.id.to_string()),
            });
        }
        audit::append(&mut tx, ctx, &entries).await?;
        tx.commit().await?;
        Ok((queued.len(), restricted.len()))
    }
}
