//! Bulk actions on contacts: one mechanism for "these rows" and "all
//! matching the filter", with a count to confirm before anything changes.
//! Later actions (GDPR ones) plug in as new [`BulkAction`]s.

use crate::consent::BasisAssignment;
use crate::contacts::{check_tags, ContactQuery, MAX_TAGS};
use crate::{App, AppError, Principal, Result};
use kith_domain::{Invalid, SubjectId, UserId};
use kith_store::contacts::BulkChange;

/// Most contacts one bulk action may change.
pub const MAX_BULK: usize = 50_000;

/// Which contacts a bulk action applies to.
#[derive(Clone, Debug)]
pub enum Selection {
    /// Rows picked one by one.
    Ids(Vec<SubjectId>),
    /// Every contact the list query finds (its cursor and limit ignored).
    Matching(Box<ContactQuery>),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BulkAction {
    AssignOwner(Option<UserId>),
    AddTag(String),
    RemoveTag(String),
    /// Records a lawful basis for a purpose on every selected contact.
    SetBasis(BasisAssignment),
}

/// What applying an action writes.
enum Plan {
    Contacts(BulkChange),
    Basis(BasisAssignment),
}

impl BulkAction {
    fn plan(&self) -> Result<Plan> {
        Ok(match self {
            BulkAction::AssignOwner(o) => Plan::Contacts(BulkChange::SetOwner(*o)),
            BulkAction::AddTag(t) => Plan::Contacts(BulkChange::AddTag(one_tag(t)?)),
            BulkAction::RemoveTag(t) => Plan::Contacts(BulkChange::RemoveTag(one_tag(t)?)),
            BulkAction::SetBasis(a) => {
                a.check()?;
                Plan::Basis(a.clone())
            }
        })
    }

    fn allowed(&self, p: &Principal) -> Result<()> {
        match self {
            BulkAction::SetBasis(_) => p.require(p.role.can_record_consent(), "set lawful bases"),
            _ => p.require(p.role.can_write_crm(), "change contacts"),
        }
    }
}

fn one_tag(t: &str) -> Result<String> {
    check_tags(&[t.to_owned()])
        .map_err(|_| AppError::from(Invalid::one("tag", "must be 1 to 50 characters")))
        .map(|mut v| v.remove(0))
}

impl App {
    /// How many contacts the selection holds (what the confirmation
    /// states; picked ids of contacts that do not exist are not counted).
    /// Refuses, before anything is confirmed, an action that is not valid
    /// or a selection larger than [`MAX_BULK`].
    pub async fn bulk_count(&self, p: &Principal, sel: &Selection, action: &BulkAction) -> Result<u64> {
        action.allowed(p)?;
        if let Plan::Basis(a) = action.plan()? {
            self.require_purpose(a.purpose).await?;
        }
        let n = match sel {
            Selection::Ids(ids) => self.existing(ids).await?.len(),
            Selection::Matching(q) if !is_search(q) => self.store.count_matching(&q.filter).await? as usize,
            Selection::Matching(q) => self.resolve(p, q).await?.len(),
        };
        too_many(n)?;
        Ok(n as u64)
    }

    /// Applies `action` to every contact of the selection in one
    /// transaction (all or nothing); returns how many changed.
    pub async fn bulk_apply(&self, p: &Principal, sel: &Selection, action: &BulkAction) -> Result<u64> {
        action.allowed(p)?;
        let plan = action.plan()?;
        let ids = self.selection_ids(p, sel).await?;
        self.none_restricted(&ids).await?;
        match plan {
            Plan::Contacts(change) => Ok(self.store.bulk_change_contacts(&p.ctx(), &ids, &change, MAX_TAGS).await?),
            Plan::Basis(a) => {
                self.require_purpose(a.purpose).await?;
                self.store.set_bases(&p.ctx(), &ids, &a.record(p)).await.map_err(|e| match e {
                    kith_store::StoreError::MissingRef(_) => {
                        AppError::Conflict("a selected contact was deleted at the same moment; retry".into())
                    }
                    e => e.into(),
                })
            }
        }
    }

    /// The contacts a selection holds, sorted (so concurrent bulk changes
    /// lock rows in the same order), at least one and at most [`MAX_BULK`].
    pub(crate) async fn selection_ids(&self, p: &Principal, sel: &Selection) -> Result<Vec<SubjectId>> {
        let ids = match sel {
            Selection::Ids(ids) => dedup(ids),
            Selection::Matching(q) => dedup(&self.resolve(p, q).await?),
        };
        if ids.is_empty() {
            return Err(Invalid::one("selection", "select at least one contact").into());
        }
        too_many(ids.len())?;
        Ok(ids)
    }

    /// The picked ids that name existing contacts, sorted and without
    /// repeats: what a confirmation counts (a contact deleted since the
    /// list was shown, or an id that never was one, is not counted).
    pub(crate) async fn existing(&self, ids: &[SubjectId]) -> Result<Vec<SubjectId>> {
        let ids = dedup(ids);
        too_many(ids.len())?;
        Ok(self.store.existing_ids(&ids).await?)
    }

    /// The ids a query selects, at most `MAX_BULK + 1` (one more tells
    /// "too many").
    async fn resolve(&self, p: &Principal, q: &ContactQuery) -> Result<Vec<SubjectId>> {
        let q = ContactQuery { cursor: None, limit: None, ..q.clone() };
        if is_search(&q) {
            let vis = self.field_visibility().await?;
            let (found, _) = self.find_contacts(&vis, p.role, &q, MAX_BULK + 1).await?;
            return Ok(found.into_iter().map(|c| c.id).collect());
        }
        let mut out = Vec::new();
        let mut after = None;
        loop {
            let page = self.store.matching_ids(&q.filter, after, 5_000).await?;
            let done = page.len() < 5_000;
            after = page.last().map(|s| s.0);
            out.extend(page);
            if done || out.len() > MAX_BULK {
                return Ok(out);
            }
        }
    }
}

fn too_many(n: usize) -> Result<()> {
    if n > MAX_BULK {
        return Err(Invalid::one("selection", format!("at most {MAX_BULK} contacts at once; narrow the filter")).into());
    }
    Ok(())
}

fn is_search(q: &ContactQuery) -> bool {
    q.q.as_deref().is_some_and(|s| !s.trim().is_empty()) || q.email.is_some() || q.phone.is_some()
}

fn dedup(ids: &[SubjectId]) -> Vec<SubjectId> {
    let mut v = ids.to_vec();
    v.sort_by_key(|s| s.0);
    v.dedup();
    v
}
