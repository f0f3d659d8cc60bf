//! The people a breach affects (Art. 33(3)(a), 34): a query over the time
//! window, who accessed, data categories, recipient, country and source,
//! previewed (count, breakdown, authorities, the first page) or frozen into
//! the breach record. For dpo and admin. A preview opens the records of the
//! first page only (their names, audited as a list); the query itself reads
//! the clear facets, never a sealed value.

use crate::{App, AppError, Principal, Result};
use kith_domain::breach_query::{
    authorities, breakdown, fields_by_category, AffectedQuery, Breakdown, DataCategory, ACCESS_ACTIONS, MAX_PAGE,
};
use kith_domain::{Invalid, SubjectId};
pub use kith_store::affected::FrozenQuery;
use kith_store::affected::{Access, AffectedFilter, QueryRefs};
use kith_store::audit::NewEntry;
use uuid::Uuid;

/// A query's result: the breakdown with the authorities concerned, and the
/// first people (id, and the name when the caller asked for names).
#[derive(Clone, Debug)]
pub struct Affected {
    pub breakdown: Breakdown,
    pub first: Vec<(SubjectId, Option<String>)>,
}

impl App {
    async fn affected_allowed(&self, p: &Principal, breach: Uuid) -> Result<()> {
        p.require(p.role.can_manage_privacy(), "query the people a breach affects")?;
        if !self.store.breach_on_record(breach).await? {
            return Err(AppError::NotFound("breach"));
        }
        Ok(())
    }

    /// The query resolved against the field policy and checked against the
    /// records it names (a 422 naming the field when one names nothing).
    async fn affected_filter(&self, q: &AffectedQuery) -> Result<(AffectedFilter, Vec<(DataCategory, Vec<String>)>)> {
        let refs =
            QueryRefs { actor: q.actor, recipient: q.recipient.map(|r| r.0), import_run: q.import_run, form: q.form };
        let unknown = self.store.unknown_refs(&refs).await?;
        if !unknown.is_empty() {
            let mut inv = Invalid::default();
            for f in unknown {
                inv.push(f, "refers to a record that does not exist");
            }
            return Err(AppError::Invalid(inv));
        }
        let policy = self.store.field_policy().await?;
        let categories = fields_by_category(&policy.fields);
        let ms = |t: time::OffsetDateTime| kith_store::to_ms(t);
        let access = match (q.actor, q.from, q.to) {
            (Some(u), Some(from), Some(to)) => Some(Access {
                actor: format!("user:{u}"),
                from: ms(from),
                to: ms(to),
                actions: ACCESS_ACTIONS.to_vec(),
            }),
            _ => None,
        };
        let fields = (!q.categories.is_empty()).then(|| {
            let mut keys: Vec<String> = categories
                .iter()
                .filter(|(c, _)| q.categories.contains(c))
                .flat_map(|(_, keys)| keys.iter().cloned())
                .collect();
            keys.sort();
            keys.dedup();
            keys
        });
        let f = AffectedFilter {
            // Without an actor the window means "whose record existed in it".
            created_before: if access.is_none() { q.to.map(ms) } else { None },
            access,
            fields,
            recipient: q.recipient.map(|r| r.0),
            countries: q.countries.iter().map(|c| c.code().to_owned()).collect(),
            source_kind: q.source.map(|s| s.as_str().to_owned()),
            import_run: q.import_run,
            form: q.form,
        };
        Ok((f, categories))
    }

    async fn breakdown_of(
        &self,
        q: &AffectedQuery,
        groups: &[(Option<String>, String, i64)],
        categories: &[(DataCategory, Vec<String>)],
    ) -> Result<Breakdown> {
        let mut b = breakdown(groups, categories);
        let controller = self.controller_identity().await?;
        b.authorities = authorities(controller.country, &b.by_country, q.per_country);
        Ok(b)
    }

    /// Previews a query: the count, the breakdown by data category and
    /// country, the authorities concerned and the first `page` people (at
    /// most [`MAX_PAGE`]); with `names`, their names, opened one by one and
    /// audited as a list. Nothing is written to the breach record.
    pub async fn affected_preview(
        &self,
        p: &Principal,
        breach: Uuid,
        q: &AffectedQuery,
        page: i64,
        names: bool,
    ) -> Result<Affected> {
        self.affected_allowed(p, breach).await?;
        let (f, categories) = self.affected_filter(q).await?;
        let counted = self.store.affected_preview(&f, page.clamp(0, MAX_PAGE)).await?;
        let mut breakdown = self.breakdown_of(q, &counted.groups, &categories).await?;
        breakdown.not_indexed = counted.not_indexed;
        let mut first = Vec::with_capacity(counted.first.len());
        if names {
            let mut audit = Vec::new();
            for id in counted.first {
                let name = self.store.get_contact(id).await?.map(|c| {
                    let n = [c.data.first_name, c.data.last_name].into_iter().flatten().collect::<Vec<_>>().join(" ");
                    if n.trim().is_empty() {
                        "(no name)".to_owned()
                    } else {
                        n
                    }
                });
                if name.is_some() {
                    audit.push(NewEntry::subject("contact.list", id));
                }
                first.push((id, name));
            }
            self.store.audit(&p.ctx(), &audit).await?;
        } else {
            first = counted.first.into_iter().map(|id| (id, None)).collect();
        }
        Ok(Affected { breakdown, first })
    }

    /// Freezes a query into the breach record: the query, the count, the
    /// breakdown with the authorities and the SHA-256 of the sorted ids,
    /// and the people into the Art. 34 list, in one transaction audited
    /// `breach.affected`.
    pub async fn affected_freeze(&self, p: &Principal, breach: Uuid, q: &AffectedQuery) -> Result<FrozenQuery> {
        self.affected_allowed(p, breach).await?;
        let (f, categories) = self.affected_filter(q).await?;
        let controller = self.controller_identity().await?;
        let query =
            serde_json::to_string(q).map_err(|_| AppError::Conflict("the query could not be recorded".into()))?;
        let frozen = self
            .store
            .freeze_affected(&p.ctx(), breach, &f, &query, p.author(), |groups, not_indexed| {
                let mut b = breakdown(groups, &categories);
                b.not_indexed = not_indexed;
                b.authorities = authorities(controller.country, &b.by_country, q.per_country);
                serde_json::to_string(&b).map_err(|_| kith_store::StoreError::Corrupt("breakdown"))
            })
            .await
            .map_err(|e| match e {
                kith_store::StoreError::NotFound => AppError::NotFound("breach"),
                e => e.into(),
            })?;
        Ok(frozen)
    }

    /// The queries frozen into a breach record, newest first.
    pub async fn affected_queries(&self, p: &Principal, breach: Uuid) -> Result<Vec<FrozenQuery>> {
        self.affected_allowed(p, breach).await?;
        Ok(self.store.breach_queries(breach).await?)
    }

    /// The people the breach's frozen queries found (the Art. 34 list), by
    /// id, in id order after `after`.
    pub async fn affected_people(
        &self,
        p: &Principal,
        breach: Uuid,
        after: Option<Uuid>,
        limit: i64,
    ) -> Result<Vec<SubjectId>> {
        self.affected_allowed(p, breach).await?;
        Ok(self.store.breach_affected(breach, after, limit.clamp(1, 1000)).await?)
    }
}
