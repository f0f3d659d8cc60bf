//! Automatic consent requests: per purpose, an optional rule that asks new
//! contacts entered by staff or imported, without a basis for the purpose,
//! for consent with a template. A job scans contacts created since the
//! rule's `scanned_to` and moves it forward; the consent ledger (a request
//! awaiting an answer is not asked again) makes a rescan harmless.

use crate::audit::{self, NewEntry};
use crate::db::Exec;
use crate::{args, from_ms, now_ms, to_ms, Ctx, Store, StoreError};
use kith_domain::template::TemplateKind;
use kith_domain::{PurposeId, SubjectId, UserId};
use uuid::Uuid;

/// A purpose's rule as stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AutoRule {
    pub purpose: PurposeId,
    pub template: Uuid,
    /// The notice the requests link to (its newest version is used).
    pub notice: Uuid,
    pub wait_days: i64,
    pub enabled: bool,
    /// When it was last switched on: older contacts are never asked by it.
    pub enabled_at: time::OffsetDateTime,
    /// Contacts created up to here were considered.
    pub scanned_to: time::OffsetDateTime,
    pub created_by: Option<UserId>,
    pub updated_at: time::OffsetDateTime,
}

/// A rule to save (its scan position is the store's business).
#[derive(Clone, Debug)]
pub struct AutoRuleInput {
    pub purpose: PurposeId,
    pub template: Uuid,
    pub notice: Uuid,
    pub wait_days: i64,
    pub enabled: bool,
    pub by: Option<UserId>,
}

const COLS: &str =
    "purpose_id, template_id, notice_id, wait_days, enabled, scanned_to, created_by, updated_at, enabled_at";

fn rule(r: &crate::db::Row) -> Result<AutoRule, StoreError> {
    Ok(AutoRule {
        purpose: PurposeId(r.get(0)?),
        template: r.get(1)?,
        notice: r.get(2)?,
        wait_days: r.get(3)?,
        enabled: r.get(4)?,
        scanned_to: from_ms(r.get(5)?),
        created_by: r.get::<Option<Uuid>>(6)?.map(UserId),
        updated_at: from_ms(r.get(7)?),
        enabled_at: from_ms(r.get(8)?),
    })
}

impl Store {
    /// Creates or replaces a purpose's rule. Switching it on (a new rule,
    /// or one that was off) starts its scan now: contacts created before
    /// are never asked by it. The template must be a consent request.
    pub async fn save_auto_rule(&self, ctx: &Ctx, r: &AutoRuleInput) -> Result<(), StoreError> {
        let mut tx = self.pools.write.begin().await?;
        if tx.fetch_optional("SELECT 1 FROM purposes WHERE id = $1", &args![r.purpose.0]).await?.is_none() {
            return Err(StoreError::MissingRef("purpose_id"));
        }
        if tx.fetch_optional("SELECT 1 FROM notices WHERE id = $1", &args![r.notice]).await?.is_none() {
            return Err(StoreError::MissingRef("notice_id"));
        }
        // Lock the template so it cannot change kind or go meanwhile.
        tx.execute("UPDATE mail_templates SET updated_at = updated_at WHERE id = $1", &args![r.template]).await?;
        let kind = tx.fetch_optional("SELECT kind FROM mail_templates WHERE id = $1", &args![r.template]).await?;
        match kind {
            None => return Err(StoreError::MissingRef("template_id")),
            Some(k) if k.get::<String>(0)? != TemplateKind::ConsentRequest.as_str() => {
                return Err(StoreError::Conflict("the template is not a consent request template"));
            }
            Some(_) => {}
        }
        let now = now_ms();
        let old = tx
            .fetch_optional(
                "SELECT enabled, scanned_to, enabled_at FROM consent_auto_rules WHERE purpose_id = $1",
                &args![r.purpose.0],
            )
            .await?;
        let (scanned_to, enabled_at) = match old {
            Some(o) if o.get::<bool>(0)? => (o.get::<i64>(1)?, o.get::<i64>(2)?),
            _ => (now, now),
        };
        tx.execute(
            &format!(
                "INSERT INTO consent_auto_rules ({COLS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) \
                 ON CONFLICT (purpose_id) DO UPDATE SET template_id = $2, notice_id = $3, wait_days = $4, \
                 enabled = $5, scanned_to = $6, updated_at = $8, enabled_at = $9"
            ),
            &args![
                r.purpose.0,
                r.template,
                r.notice,
                r.wait_days,
                r.enabled,
                scanned_to,
                r.by.map(|u| u.0),
                now,
                enabled_at
            ],
        )
        .await?;
        audit::append(&mut tx, ctx, &[NewEntry::object("consent_auto_rule.save", "purpose", r.purpose)]).await?;
        tx.commit().await
    }

    pub async fn auto_rule(&self, purpose: PurposeId) -> Result<Option<AutoRule>, StoreError> {
        let sql = format!("SELECT {COLS} FROM consent_auto_rules WHERE purpose_id = $1");
        self.pools.read.conn().await?.fetch_optional(&sql, &args![purpose.0]).await?.as_ref().map(rule).transpose()
    }

    /// The rules switched on.
    pub async fn enabled_auto_rules(&self) -> Result<Vec<AutoRule>, StoreError> {
        let sql = format!("SELECT {COLS} FROM consent_auto_rules WHERE enabled = $1 ORDER BY purpose_id");
        self.pools.read.conn().await?.fetch_all(&sql, &args![true]).await?.iter().map(rule).collect()
    }

    /// Contacts created after `from` (or at `from` with an id after
    /// `after`) and up to `to`, entered by staff or imported, with no
    /// lawful basis recorded for `purpose`: at most `limit`, in (creation
    /// time, id) order, each with its creation time (the next page's start).
    pub async fn auto_request_candidates(
        &self,
        purpose: PurposeId,
        from: (time::OffsetDateTime, Option<SubjectId>),
        to: time::OffsetDateTime,
        limit: i64,
    ) -> Result<Vec<(SubjectId, time::OffsetDateTime)>, StoreError> {
        let rows = self
            .pools
            .read
            .conn()
            .await?
            .fetch_all(
                "SELECT c.id, c.created_at FROM contacts c WHERE c.source_kind IN ('manual', 'import') \
                 AND (c.created_at > $1 OR (c.created_at = $1 AND c.id > $5)) AND c.created_at <= $2 AND NOT EXISTS \
                 (SELECT 1 FROM contact_bases b WHERE b.subject_id = c.id AND b.purpose_id = $3 AND b.basis <> 'not_applicable') \
                 ORDER BY c.created_at, c.id LIMIT $4",
                &args![to_ms(from.0), to_ms(to), purpose.0, limit, from.1.map_or(Uuid::max(), |s| s.0)],
            )
            .await?;
        rows.iter().map(|r| Ok((SubjectId(r.get(0)?), from_ms(r.get(1)?)))).collect()
    }

    /// Moves a rule's scan forward to `to` (never back; a rule switched
    /// off or on again meanwhile keeps its own position). Bookkeeping of
    /// the job, like its run record: not an audited change.
    pub async fn advance_auto_rule(
        &self,
        purpose: PurposeId,
        seen: time::OffsetDateTime,
        to: time::OffsetDateTime,
    ) -> Result<(), StoreError> {
        let mut c = self.pools.write.conn().await?;
        c.execute(
            "UPDATE consent_auto_rules SET scanned_to = $3 WHERE purpose_id = $1 AND enabled = $4 \
             AND scanned_to = $2 AND scanned_to < $3",
            &args![purpose.0, to_ms(seen), to_ms(to), true],
        )
        .await?;
        Ok(())
    }
}
