//! Mail templates: a name, a kind, and a subject and body per language.
//! None of it is personal data (merge fields are filled in when a mail is
//! made, and the mail is sealed under the person's key then).

use crate::audit::{self, NewEntry};
use crate::db::{fetch_in, Exec, Row, Tx};
use crate::{args, from_ms, now_ms, Ctx, Store, StoreError};
pub use kith_domain::template::{TemplateKind, TemplateText};
use kith_domain::{SubjectId, UserId};
use std::collections::HashMap;
use uuid::Uuid;

/// A template as stored, its texts in language order (English first).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Template {
    pub id: Uuid,
    pub name: String,
    pub kind: TemplateKind,
    pub texts: Vec<TemplateText>,
    /// Who made it (none: the command line).
    pub created_by: Option<UserId>,
    pub created_at: time::OffsetDateTime,
    pub updated_at: time::OffsetDateTime,
}

const COLS: &str = "id, name, kind, created_by, created_at, updated_at";

fn template(r: &Row) -> Result<Template, StoreError> {
    let kind: String = r.get(2)?;
    Ok(Template {
        id: r.get(0)?,
        name: r.get(1)?,
        kind: TemplateKind::parse(&kind).ok_or(StoreError::Corrupt("template kind"))?,
        texts: Vec::new(),
        created_by: r.get::<Option<Uuid>>(3)?.map(UserId),
        created_at: from_ms(r.get(4)?),
        updated_at: from_ms(r.get(5)?),
    })
}

/// English first, then the order of [`kith_domain::template::LANGUAGES`].
fn language_rank(l: &str) -> usize {
    kith_domain::template::LANGUAGES.iter().position(|x| *x == l).unwrap_or(usize::MAX)
}

fn unique(e: StoreError) -> StoreError {
    match e {
        StoreError::Db(sqlx::Error::Database(d)) if d.is_unique_violation() => StoreError::Conflict("name"),
        e => e,
    }
}

async fn write_texts(tx: &mut Tx, t: &Template) -> Result<(), StoreError> {
    tx.execute("DELETE FROM mail_template_texts WHERE template_id = $1", &args![t.id]).await?;
    for x in &t.texts {
        tx.execute(
            "INSERT INTO mail_template_texts (template_id, language, subject, body) VALUES ($1, $2, $3, $4)",
            &args![t.id, x.language.as_str(), x.subject.as_str(), x.body.as_str()],
        )
        .await
        .map_err(|e| match e {
            StoreError::Db(sqlx::Error::Database(d)) if d.is_unique_violation() => {
                StoreError::Conflict("a language may have only one text")
            }
            e => e,
        })?;
    }
    Ok(())
}

/// The templates of `rows`, each with its texts.
async fn with_texts(c: &mut impl Exec, rows: &[Row], one: Option<Uuid>) -> Result<Vec<Template>, StoreError> {
    let mut out = rows.iter().map(template).collect::<Result<Vec<_>, _>>()?;
    let texts = match one {
        Some(id) => {
            c.fetch_all(
                "SELECT template_id, language, subject, body FROM mail_template_texts WHERE template_id = $1",
                &args![id],
            )
            .await?
        }
        None => c.fetch_all("SELECT template_id, language, subject, body FROM mail_template_texts", &[]).await?,
    };
    for r in &texts {
        let id: Uuid = r.get(0)?;
        if let Some(t) = out.iter_mut().find(|t| t.id == id) {
            t.texts.push(TemplateText { language: r.get(1)?, subject: r.get(2)?, body: r.get(3)? });
        }
    }
    for t in &mut out {
        t.texts.sort_by_key(|x| (language_rank(&x.language), x.language.clone()));
    }
    Ok(out)
}

impl Store {
    /// Records a new template (checked by the caller) with its texts.
    pub async fn insert_template(&self, ctx: &Ctx, t: &Template) -> Result<(), StoreError> {
        let mut tx = self.pools.write.begin().await?;
        let now = now_ms();
        tx.execute(
            &format!("INSERT INTO mail_templates ({COLS}) VALUES ($1, $2, $3, $4, $5, $5)"),
            &args![t.id, t.name.as_str(), t.kind.as_str(), t.created_by.map(|u| u.0), now],
        )
        .await
        .map_err(unique)?;
        write_texts(&mut tx, t).await?;
        audit::append(&mut tx, ctx, &[NewEntry::object("template.create", "template", t.id)]).await?;
        tx.commit().await
    }

    /// Replaces a template's name, kind and texts. Refuses to make a
    /// template an automatic consent request rule uses into another kind.
    pub async fn update_template(&self, ctx: &Ctx, t: &Template) -> Result<(), StoreError> {
        let mut tx = self.pools.write.begin().await?;
        // Lock the row first (the idiom for one row on both engines).
        let n = tx.execute("UPDATE mail_templates SET updated_at = updated_at WHERE id = $1", &args![t.id]).await?;
        if n == 0 {
            return Err(StoreError::NotFound);
        }
        if t.kind != TemplateKind::ConsentRequest && used_by_rule(&mut tx, t.id).await? {
            return Err(StoreError::Conflict(
                "an automatic consent request rule uses this template, so it must stay a consent request",
            ));
        }
        tx.execute(
            "UPDATE mail_templates SET name = $2, kind = $3, updated_at = $4 WHERE id = $1",
            &args![t.id, t.name.as_str(), t.kind.as_str(), now_ms()],
        )
        .await
        .map_err(unique)?;
        write_texts(&mut tx, t).await?;
        audit::append(&mut tx, ctx, &[NewEntry::object("template.update", "template", t.id)]).await?;
        tx.commit().await
    }

    /// Deletes a template, unless an automatic consent request rule uses
    /// it. Campaigns that used it keep their own copy of what was sent.
    pub async fn delete_template(&self, ctx: &Ctx, id: Uuid) -> Result<(), StoreError> {
        let mut tx = self.pools.write.begin().await?;
        let n = tx.execute("UPDATE mail_templates SET updated_at = updated_at WHERE id = $1", &args![id]).await?;
        if n == 0 {
            return Err(StoreError::NotFound);
        }
        if used_by_rule(&mut tx, id).await? {
            return Err(StoreError::Conflict(
                "an automatic consent request rule uses this template; choose another template there first",
            ));
        }
        tx.execute("DELETE FROM mail_template_texts WHERE template_id = $1", &args![id]).await?;
        tx.execute("DELETE FROM mail_templates WHERE id = $1", &args![id]).await?;
        audit::append(&mut tx, ctx, &[NewEntry::object("template.delete", "template", id)]).await?;
        tx.commit().await
    }

    pub async fn template(&self, id: Uuid) -> Result<Option<Template>, StoreError> {
        let mut c = self.pools.read.conn().await?;
        let sql = format!("SELECT {COLS} FROM mail_templates WHERE id = $1");
        let Some(row) = c.fetch_optional(&sql, &args![id]).await? else { return Ok(None) };
        Ok(with_texts(&mut c, &[row], Some(id)).await?.pop())
    }

    /// Every template, by name.
    pub async fn templates(&self) -> Result<Vec<Template>, StoreError> {
        let mut c = self.pools.read.conn().await?;
        let rows = c.fetch_all(&format!("SELECT {COLS} FROM mail_templates ORDER BY name, id"), &[]).await?;
        with_texts(&mut c, &rows, None).await
    }
}

impl Store {
    /// Each person's language as Kith knows it: the latest of the language
    /// of the form or notice of their latest consent event and a language
    /// chosen for them (by staff, or by the person in the portal); else the
    /// language an import's column gave them (persons with none are left
    /// out). Read for many at once, as a campaign needs it.
    pub async fn languages_of(&self, ids: &[SubjectId]) -> Result<HashMap<SubjectId, String>, StoreError> {
        let mut c = self.pools.read.conn().await?;
        let ids: Vec<Uuid> = ids.iter().map(|s| s.0).collect();
        let sql = "SELECT e.subject_id, e.seq, COALESCE(f.language, n.language), e.recorded_at FROM consent_events e \
                   LEFT JOIN consent_forms f ON f.id = e.form_id LEFT JOIN notices n ON n.id = e.notice_id \
                   WHERE e.subject_id IN ({in})";
        let mut latest: HashMap<SubjectId, (i64, Option<String>, i64)> = HashMap::new();
        for r in fetch_in(&mut c, sql, &ids).await? {
            let (who, seq, lang, at): (Uuid, i64, Option<String>, i64) = (r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?);
            if latest.get(&SubjectId(who)).is_none_or(|(s, _, _)| *s < seq) {
                latest.insert(SubjectId(who), (seq, lang, at));
            }
        }
        let mut out: HashMap<SubjectId, (String, i64)> =
            latest.into_iter().filter_map(|(k, (_, l, at))| Some((k, (l?, at)))).collect();
        // A language chosen for the person wins over an older consent
        // event's; an import's column only fills a gap.
        let sql = "SELECT subject_id, language, source, set_at FROM contact_languages WHERE subject_id IN ({in})";
        for r in fetch_in(&mut c, sql, &ids).await? {
            let (who, lang, source, at): (Uuid, String, String, i64) = (r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?);
            let e = out.entry(SubjectId(who)).or_insert((lang.clone(), i64::MIN));
            if source != "import" && at >= e.1 {
                *e = (lang, at);
            }
        }
        Ok(out.into_iter().map(|(k, (l, _))| (k, l)).collect())
    }
}

async fn used_by_rule(tx: &mut Tx, id: Uuid) -> Result<bool, StoreError> {
    Ok(tx.fetch_optional("SELECT 1 FROM consent_auto_rules WHERE template_id = $1", &args![id]).await?.is_some())
}
