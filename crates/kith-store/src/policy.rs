//! The field policy's storage: its fields, its versions, and the purge of
//! a removed field's values from every contact that holds one.

use crate::audit::{self, NewEntry};
use crate::db::{Exec, Row};
use crate::{args, now_ms, Ctx, Store, StoreError};
use kith_domain::policy::{FieldCategory, FieldDef, FieldKind, Policy, SpecialCategory};
use kith_domain::{PurposeId, SubjectId};
use uuid::Uuid;

/// One version of the policy as recorded.
#[derive(Clone, Debug)]
pub struct PolicyVersion {
    pub version: i64,
    pub at: time::OffsetDateTime,
    /// `user:<id>`, `cli` or `migration`.
    pub actor: String,
    /// What changed, in words (field keys and settings; no personal data).
    pub change: String,
}

pub(crate) const COLS: &str = "key, label, kind, category, purposes, special, special_reason, choices, enabled";

pub(crate) fn field(r: &Row) -> Result<FieldDef, StoreError> {
    let bad = |what| move |_| StoreError::Corrupt(what);
    let kind: Option<String> = r.get(2)?;
    let category: String = r.get(3)?;
    let purposes: Vec<Uuid> = serde_json::from_str(&r.get::<String>(4)?).map_err(bad("policy purposes"))?;
    let special: Option<String> = r.get(5)?;
    let reason: Option<String> = r.get(6)?;
    Ok(FieldDef {
        key: r.get(0)?,
        label: r.get(1)?,
        kind: kind.map(|k| FieldKind::parse(&k).ok_or(StoreError::Corrupt("field kind"))).transpose()?,
        category: FieldCategory::parse(&category).ok_or(StoreError::Corrupt("field category"))?,
        purposes: purposes.into_iter().map(PurposeId).collect(),
        special: match special {
            Some(s) => Some((
                SpecialCategory::parse(&s).ok_or(StoreError::Corrupt("special category"))?,
                reason.unwrap_or_default(),
            )),
            None => None,
        },
        choices: serde_json::from_str(&r.get::<String>(7)?).map_err(bad("field choices"))?,
        enabled: r.get(8)?,
    })
}

fn snapshot(p: &[FieldDef]) -> String {
    let v: Vec<serde_json::Value> = p
        .iter()
        .map(|f| {
            serde_json::json!({
                "key": f.key, "label": f.label, "kind": f.kind.map(|k| k.as_str()), "category": f.category.as_str(),
                "purposes": f.purposes.iter().map(|p| p.0).collect::<Vec<_>>(),
                "special": f.special.as_ref().map(|(s, r)| serde_json::json!({"category": s.as_str(), "reason": r})),
                "choices": f.choices, "enabled": f.enabled,
            })
        })
        .collect();
    serde_json::Value::Array(v).to_string()
}

impl Store {
    /// The policy now: every field and the current version.
    pub async fn field_policy(&self) -> Result<Policy, StoreError> {
        let mut c = self.pools.read.conn().await?;
        let version = c
            .fetch_optional("SELECT MAX(version) FROM field_policy_versions", &[])
            .await?
            .map(|r| r.get::<Option<i64>>(0))
            .transpose()?
            .flatten()
            .unwrap_or(0);
        let rows = c.fetch_all(&format!("SELECT {COLS} FROM field_policy ORDER BY key"), &[]).await?;
        Ok(Policy { version, fields: rows.iter().map(field).collect::<Result<_, _>>()? })
    }

    /// Saves one field (added or changed), as a new version of the policy.
    /// Returns the new version.
    pub async fn save_field(&self, ctx: &Ctx, f: &FieldDef, change: &str) -> Result<i64, StoreError> {
        let mut tx = self.pools.write.begin().await?;
        // The next version number; two saves racing for it are told apart by
        // the versions' primary key below (the second gets a 409 and retries).
        let version: i64 = tx
            .fetch_optional("SELECT MAX(version) FROM field_policy_versions", &[])
            .await?
            .map(|r| r.get::<Option<i64>>(0))
            .transpose()?
            .flatten()
            .unwrap_or(0)
            + 1;
        let purposes: Vec<Uuid> = f.purposes.iter().map(|p| p.0).collect();
        tx.execute(
            &format!(
                "INSERT INTO field_policy ({COLS}, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) \
                 ON CONFLICT (key) DO UPDATE SET label = excluded.label, kind = excluded.kind, category = excluded.category, \
                 purposes = excluded.purposes, special = excluded.special, special_reason = excluded.special_reason, \
                 choices = excluded.choices, enabled = excluded.enabled, updated_at = excluded.updated_at"
            ),
            &args![
                f.key.as_str(),
                f.label.trim(),
                f.kind.map(|k| k.as_str().to_owned()),
                f.category.as_str(),
                serde_json::to_string(&purposes).expect("ids serialise"),
                f.special.as_ref().map(|(s, _)| s.as_str().to_owned()),
                f.special.as_ref().map(|(_, r)| r.trim().to_owned()),
                serde_json::to_string(&f.choices).expect("choices serialise"),
                f.enabled,
                now_ms()
            ],
        )
        .await?;
        let rows = tx.fetch_all(&format!("SELECT {COLS} FROM field_policy ORDER BY key"), &[]).await?;
        let all: Vec<FieldDef> = rows.iter().map(field).collect::<Result<_, _>>()?;
        // Two saves racing for the same number: the second fails on the key and retries.
        tx.execute(
            "INSERT INTO field_policy_versions (version, at, actor, change, snapshot) VALUES ($1, $2, $3, $4, $5)",
            &args![version, now_ms(), ctx.actor.as_str(), change, snapshot(&all)],
        )
        .await
        .map_err(|e| match e {
            StoreError::Db(sqlx::Error::Database(d)) if d.is_unique_violation() => {
                StoreError::Conflict("the field policy changed meanwhile; try again")
            }
            e => e,
        })?;
        audit::append(&mut tx, ctx, &[NewEntry::object("policy.field", "field", &f.key)]).await?;
        tx.commit().await?;
        Ok(version)
    }

    /// The policy's versions, newest first.
    pub async fn policy_versions(&self, limit: i64) -> Result<Vec<PolicyVersion>, StoreError> {
        let rows = self
            .pools
            .read
            .conn()
            .await?
            .fetch_all(
                "SELECT version, at, actor, change FROM field_policy_versions ORDER BY version DESC LIMIT $1",
                &args![limit],
            )
            .await?;
        rows.iter()
            .map(|r| {
                Ok(PolicyVersion {
                    version: r.get(0)?,
                    at: crate::from_ms(r.get(1)?),
                    actor: r.get(2)?,
                    change: r.get(3)?,
                })
            })
            .collect()
    }

    /// Ids of a page of contacts after `after`, for scans that open each.
    pub async fn contact_ids_after(&self, after: Option<Uuid>, limit: i64) -> Result<Vec<SubjectId>, StoreError> {
        let mut c = self.pools.read.conn().await?;
        let rows = match after {
            Some(a) => {
                c.fetch_all("SELECT id FROM contacts WHERE id > $1 ORDER BY id LIMIT $2", &args![a, limit]).await?
            }
            None => c.fetch_all("SELECT id FROM contacts ORDER BY id LIMIT $1", &args![limit]).await?,
        };
        rows.iter().map(|r| Ok(SubjectId(r.get(0)?))).collect()
    }

    /// The policy version a contact's fields were last written under
    /// (none: before the policy existed).
    pub async fn contact_policy_version(&self, id: SubjectId) -> Result<Option<i64>, StoreError> {
        let mut c = self.pools.read.conn().await?;
        let r = c.fetch_optional("SELECT policy_version FROM contacts WHERE id = $1", &args![id.0]).await?;
        Ok(r.map(|r| r.get::<Option<i64>>(0)).transpose()?.flatten())
    }
}
