//! The field policy: the admin declares which personal fields Kith may
//! hold and why; every write is checked against it; removing a field
//! purges its values from every contact.

use crate::{App, AppError, Principal, Result};
use kith_domain::policy::{FieldDef, Policy, CUSTOM};
use kith_domain::{Invalid, SubjectId};
use kith_store::contacts::ContactInput;
use kith_store::policy::PolicyVersion;

/// Contacts opened per page when counting or purging a field's values.
const PAGE: i64 = 500;

/// What removing a field did (or, unconfirmed, would do).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Removal {
    /// Contacts holding a value for the field.
    pub holders: u64,
    /// Values purged (0 unless confirmed).
    pub purged: u64,
    /// The policy version the removal made (none unless confirmed).
    pub version: Option<i64>,
}

fn holds(data: &kith_domain::ContactData, key: &str) -> bool {
    match key {
        "first_name" => data.first_name.is_some(),
        "last_name" => data.last_name.is_some(),
        "emails" => !data.emails.is_empty(),
        "phones" => !data.phones.is_empty(),
        "address" => data.address.is_some(),
        "job_title" => data.job_title.is_some(),
        "notes" => data.notes.is_some(),
        k => k.strip_prefix(CUSTOM).is_some_and(|n| data.custom.contains_key(n)),
    }
}

/// Empties `key` (a built-in field or `custom.<name>`).
pub(crate) fn clear(data: &mut kith_domain::ContactData, key: &str) {
    match key {
        "first_name" => data.first_name = None,
        "last_name" => data.last_name = None,
        "emails" => data.emails.clear(),
        "phones" => data.phones.clear(),
        "address" => data.address = None,
        "job_title" => data.job_title = None,
        "notes" => data.notes = None,
        k => {
            if let Some(n) = k.strip_prefix(CUSTOM) {
                data.custom.remove(n);
            }
        }
    }
}

impl App {
    /// The policy now (any staff member may read it).
    pub async fn field_policy(&self, _p: &Principal) -> Result<Policy> {
        self.register_changed("policy.field").await;
        Ok(self.store.field_policy().await?)
    }

    /// Its versions, newest first.
    pub async fn policy_versions(&self, p: &Principal) -> Result<Vec<PolicyVersion>> {
        p.require(p.role.can_manage_privacy(), "see the field policy's history")?;
        Ok(self.store.policy_versions(100).await?)
    }

    /// Adds or changes a field (admin, dpo). Enabling needs a purpose that
    /// exists; a special category needs its written reason. A field is
    /// turned off with [`App::remove_field`], which purges its values.
    pub async fn save_field(&self, p: &Principal, f: FieldDef) -> Result<Policy> {
        p.require(p.role.can_manage_privacy(), "change the field policy")?;
        f.check()?;
        let purposes = self.store.purposes().await?;
        if let Some(missing) = f.purposes.iter().find(|id| !purposes.iter().any(|p| p.id == **id)) {
            return Err(Invalid::one("purposes", format!("refers to a purpose that does not exist ({missing})")).into());
        }
        let current = self.store.field_policy().await?;
        let before = current.field(&f.key);
        if before.is_some_and(|b| b.enabled) && !f.enabled {
            return Err(Invalid::one(
                "enabled",
                "to stop holding a field, remove it: Kith counts and purges the values it holds first",
            )
            .into());
        }
        if before.is_some_and(|b| b.kind != f.kind) {
            return Err(Invalid::one("kind", "a field's kind cannot change; add a new field").into());
        }
        let change = format!(
            "{} {}{}",
            if before.is_some() { "changed" } else { "added" },
            f.key,
            f.special.as_ref().map(|(s, _)| format!(" (special category: {})", s.as_str())).unwrap_or_default()
        );
        self.store.save_field(&p.ctx(), &f, &change).await.map_err(|e| match e {
            kith_store::StoreError::Conflict(m) => AppError::Conflict(m.into()),
            e => e.into(),
        })?;
        Ok(self.store.field_policy().await?)
    }

    /// Removes a field from the policy. Unconfirmed, it only counts the
    /// contacts holding a value for it. Confirmed, it turns the field off
    /// (a new version: no new values are accepted from then on) and purges
    /// the values from every contact, re-sealed, each purge audited without
    /// the value.
    pub async fn remove_field(&self, p: &Principal, key: &str, confirm: bool) -> Result<Removal> {
        p.require(p.role.can_manage_privacy(), "change the field policy")?;
        let policy = self.store.field_policy().await?;
        let def = policy.field(key).cloned().ok_or(AppError::NotFound("field"))?;
        if !confirm {
            return Ok(Removal { holders: self.scan(key, false, p).await?.0, purged: 0, version: None });
        }
        let version = if def.enabled {
            let off = FieldDef { enabled: false, ..def };
            Some(self.store.save_field(&p.ctx(), &off, &format!("removed {key}; its values purged")).await.map_err(
                |e| match e {
                    kith_store::StoreError::Conflict(m) => AppError::Conflict(m.into()),
                    e => e.into(),
                },
            )?)
        } else {
            None
        };
        let (holders, purged) = self.scan(key, true, p).await?;
        self.register_changed("policy.field").await;
        Ok(Removal { holders, purged, version })
    }

    /// Opens every contact: counts those holding `key`, and purges it if asked.
    async fn scan(&self, key: &str, purge: bool, p: &Principal) -> Result<(u64, u64)> {
        let (mut holders, mut purged, mut after) = (0u64, 0u64, None);
        loop {
            let ids = self.store.contact_ids_after(after, PAGE).await?;
            let Some(last) = ids.last() else { break };
            after = Some(last.0);
            for id in &ids {
                let Some(c) = self.store.get_contact(*id).await? else { continue };
                if !holds(&c.data, key) {
                    continue;
                }
                holders += 1;
                if purge && self.purge_one(p, *id, key).await? {
                    purged += 1;
                }
            }
            if (ids.len() as i64) < PAGE {
                break;
            }
        }
        Ok((holders, purged))
    }

    async fn purge_one(&self, p: &Principal, id: SubjectId, key: &str) -> Result<bool> {
        let mut changed = false;
        let r = self
            .store
            .modify_contact_as(&p.ctx(), id, "contact.field_purge", Some(key), |c| {
                let mut data = c.data;
                changed = holds(&data, key);
                clear(&mut data, key);
                Ok::<_, AppError>(ContactInput {
                    id,
                    owner: c.owner,
                    company: c.company,
                    tags: c.tags,
                    data,
                    source: None,
                })
            })
            .await;
        match r {
            Ok(()) => Ok(changed),
            // Erased meanwhile: nothing left to purge.
            Err(AppError::NotFound(_)) => Ok(false),
            Err(e) => Err(e),
        }
    }
}
