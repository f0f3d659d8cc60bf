//! Deals in a pipeline of stages. Every stage change is recorded.

use crate::audit::{self, NewEntry};
use crate::db::{list_placeholders, values_placeholders, Exec, Row, Tx, Value};
use crate::idempotency::{self, Claim};
use crate::{args, from_ms, now_ms, Ctx, Store, StoreError};
use kith_domain::{CompanyId, DealId, SubjectId, UserId};
use std::collections::{BTreeSet, HashMap};
use uuid::Uuid;

#[derive(Clone, Debug)]
pub struct Stage {
    pub key: String,
    pub name: String,
    pub position: i64,
    pub closed: bool,
}

#[derive(Clone, Debug)]
pub struct Deal {
    pub id: DealId,
    pub title: String,
    pub stage: String,
    pub amount_minor: Option<i64>,
    pub currency: Option<String>,
    pub owner: Option<UserId>,
    pub company: Option<CompanyId>,
    pub contacts: Vec<SubjectId>,
    pub created_at: time::OffsetDateTime,
    pub updated_at: time::OffsetDateTime,
}

#[derive(Clone, Debug)]
pub struct DealInput {
    pub id: DealId,
    pub title: String,
    pub stage: String,
    pub amount_minor: Option<i64>,
    pub currency: Option<String>,
    pub owner: Option<UserId>,
    pub company: Option<CompanyId>,
    pub contacts: Vec<SubjectId>,
}

#[derive(Clone, Debug)]
pub struct StageChange {
    pub from: Option<String>,
    pub to: String,
    pub changed_by: String,
    pub changed_at: time::OffsetDateTime,
}

#[derive(Clone, Debug, Default)]
pub struct DealFilter {
    pub stage: Option<String>,
    pub owner: Option<UserId>,
    pub company: Option<CompanyId>,
    pub contact: Option<SubjectId>,
    pub created_from: Option<i64>,
    pub created_to: Option<i64>,
    pub updated_from: Option<i64>,
    pub updated_to: Option<i64>,
}

const COLS: &str =
    "d.id, d.title, d.stage, d.amount_minor, d.currency, d.owner_id, d.company_id, d.created_at, d.updated_at";

fn decode(r: &Row) -> Result<Deal, StoreError> {
    Ok(Deal {
        id: DealId(r.get(0)?),
        title: r.get(1)?,
        stage: r.get(2)?,
        amount_minor: r.get(3)?,
        currency: r.get(4)?,
        owner: r.get::<Option<Uuid>>(5)?.map(UserId),
        company: r.get::<Option<Uuid>>(6)?.map(CompanyId),
        contacts: Vec::new(),
        created_at: from_ms(r.get(7)?),
        updated_at: from_ms(r.get(8)?),
    })
}

async fn check_stage(tx: &mut Tx, stage: &str) -> Result<(), StoreError> {
    tx.fetch_optional("SELECT key FROM deal_stages WHERE key = $1", &args![stage])
        .await?
        .ok_or(StoreError::MissingRef("stage"))?;
    Ok(())
}

async fn set_contacts(tx: &mut Tx, deal: DealId, contacts: &[SubjectId]) -> Result<(), StoreError> {
    tx.execute("DELETE FROM deal_contacts WHERE deal_id = $1", &args![deal.0]).await?;
    let ids: Vec<Uuid> = contacts.iter().map(|c| c.0).collect::<BTreeSet<_>>().into_iter().collect();
    if ids.is_empty() {
        return Ok(());
    }
    let sql = format!("SELECT COUNT(*) FROM contacts WHERE id IN ({})", list_placeholders(tx.engine(), ids.len()));
    let vals: Vec<Value> = ids.iter().map(|u| Value::Uuid(*u)).collect();
    let n: i64 = tx.fetch_optional(&sql, &vals).await?.ok_or(StoreError::NotFound)?.get(0)?;
    if n != ids.len() as i64 {
        return Err(StoreError::MissingRef("contact_ids"));
    }
    let sql = format!(
        "INSERT INTO deal_contacts (deal_id, subject_id) VALUES {}",
        values_placeholders(tx.engine(), ids.len(), 2)
    );
    let vals: Vec<Value> = ids.iter().flat_map(|s| [Value::Uuid(deal.0), Value::Uuid(*s)]).collect();
    tx.execute(&sql, &vals).await?;
    Ok(())
}

async fn record_stage(tx: &mut Tx, ctx: &Ctx, deal: DealId, from: Option<&str>, to: &str) -> Result<(), StoreError> {
    tx.execute(
        "INSERT INTO deal_stage_changes (id, deal_id, from_stage, to_stage, changed_by, changed_at) VALUES ($1, $2, $3, $4, $5, $6)",
        &args![Uuid::now_v7(), deal.0, from.map(str::to_owned), to, ctx.actor.as_str(), now_ms()],
    )
    .await?;
    Ok(())
}

impl Store {
    pub async fn stages(&self) -> Result<Vec<Stage>, StoreError> {
        let rows = self
            .pools
            .read
            .conn()
            .await?
            .fetch_all("SELECT key, name, position, closed FROM deal_stages ORDER BY position", &[])
            .await?;
        rows.iter()
            .map(|r| Ok(Stage { key: r.get(0)?, name: r.get(1)?, position: r.get(2)?, closed: r.get(3)? }))
            .collect()
    }

    pub async fn insert_deal(&self, ctx: &Ctx, d: &DealInput, claim: Option<&Claim>) -> Result<(), StoreError> {
        let now = now_ms();
        let mut tx = self.pools.write.begin().await?;
        if let Some(claim) = claim {
            idempotency::claim(&mut tx, claim, "deal", d.id.0).await?;
        }
        check_stage(&mut tx, &d.stage).await?;
        crate::contacts::check_refs(&mut tx, d.owner, d.company).await?;
        tx.execute(
            "INSERT INTO deals (id, title, stage, amount_minor, currency, owner_id, company_id, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
            &args![d.id.0, d.title.as_str(), d.stage.as_str(), d.amount_minor, d.currency.clone(), d.owner.map(|u| u.0), d.company.map(|c| c.0), now, now],
        )
        .await?;
        set_contacts(&mut tx, d.id, &d.contacts).await?;
        record_stage(&mut tx, ctx, d.id, None, &d.stage).await?;
        audit::append(&mut tx, ctx, &[NewEntry::object("deal.create", "deal", d.id)]).await?;
        tx.commit().await
    }

    /// Replaces a deal's fields; a change of stage is recorded.
    pub async fn update_deal(&self, ctx: &Ctx, d: &DealInput) -> Result<(), StoreError> {
        self.modify_deal(ctx, d.id, |_| Ok::<_, StoreError>(d.clone())).await
    }

    /// Read-modify-write of one deal in one transaction, the row locked
    /// first: concurrent changes apply in turn, and the stage history
    /// records the stage the deal really left.
    pub async fn modify_deal<E, F>(&self, ctx: &Ctx, id: DealId, change: F) -> Result<(), E>
    where
        E: From<StoreError>,
        F: FnOnce(Deal) -> Result<DealInput, E>,
    {
        let mut tx = self.pools.write.begin().await?;
        let n = tx.execute("UPDATE deals SET updated_at = updated_at WHERE id = $1", &args![id.0]).await?;
        if n == 0 {
            return Err(StoreError::NotFound.into());
        }
        let sql = format!("SELECT {COLS} FROM deals d WHERE d.id = $1");
        let mut cur = decode(&tx.fetch_optional(&sql, &args![id.0]).await?.ok_or(StoreError::NotFound)?)?;
        for r in tx
            .fetch_all("SELECT subject_id FROM deal_contacts WHERE deal_id = $1 ORDER BY subject_id", &args![id.0])
            .await?
        {
            cur.contacts.push(SubjectId(r.get(0)?));
        }
        let old_stage = cur.stage.clone();
        let old_contacts = cur.contacts.clone();
        let d = change(cur)?;
        if d.id != id {
            return Err(StoreError::Corrupt("a change must keep the deal's id").into());
        }
        check_stage(&mut tx, &d.stage).await?;
        crate::contacts::check_refs(&mut tx, d.owner, d.company).await?;
        tx.execute(
            "UPDATE deals SET title = $1, stage = $2, amount_minor = $3, currency = $4, owner_id = $5, company_id = $6, updated_at = $7 WHERE id = $8",
            &args![d.title.as_str(), d.stage.as_str(), d.amount_minor, d.currency.clone(), d.owner.map(|u| u.0), d.company.map(|c| c.0), now_ms(), d.id.0],
        )
        .await?;
        let mut new_contacts: Vec<SubjectId> = d.contacts.clone();
        new_contacts.sort();
        new_contacts.dedup();
        // Rewrite the links only when they change: a stage move must not
        // fail because a linked contact is being erased at that moment.
        if new_contacts != old_contacts {
            set_contacts(&mut tx, d.id, &d.contacts).await?;
        }
        let mut audit = vec![NewEntry::object("deal.update", "deal", d.id)];
        if old_stage != d.stage {
            record_stage(&mut tx, ctx, d.id, Some(&old_stage), &d.stage).await?;
            audit.push(NewEntry::object("deal.stage_change", "deal", d.id));
        }
        audit::append(&mut tx, ctx, &audit).await?;
        Ok(tx.commit().await?)
    }

    pub async fn delete_deal(&self, ctx: &Ctx, id: DealId) -> Result<(), StoreError> {
        let mut tx = self.pools.write.begin().await?;
        let n = tx.execute("UPDATE deals SET updated_at = updated_at WHERE id = $1", &args![id.0]).await?;
        if n == 0 {
            return Err(StoreError::NotFound);
        }
        tx.execute("DELETE FROM deal_contacts WHERE deal_id = $1", &args![id.0]).await?;
        tx.execute("DELETE FROM deal_stage_changes WHERE deal_id = $1", &args![id.0]).await?;
        let n = tx.execute("DELETE FROM deals WHERE id = $1", &args![id.0]).await?;
        if n == 0 {
            return Err(StoreError::NotFound);
        }
        audit::append(&mut tx, ctx, &[NewEntry::object("deal.delete", "deal", id)]).await?;
        tx.commit().await
    }

    pub async fn get_deal(&self, id: DealId) -> Result<Option<Deal>, StoreError> {
        let mut deals = self.deals_where("d.id = $1", args![id.0].to_vec(), 1).await?;
        Ok(deals.pop())
    }

    /// Deals in creation order after `after`, filtered.
    pub async fn list_deals(&self, f: &DealFilter, after: Option<Uuid>, limit: i64) -> Result<Vec<Deal>, StoreError> {
        let mut cond = String::from("1 = 1");
        let mut vals: Vec<Value> = Vec::new();
        let mut add = |c: &str, v: Value, cond: &mut String| {
            vals.push(v);
            cond.push_str(&c.replace('?', &format!("${}", vals.len())));
        };
        if let Some(s) = &f.stage {
            add(" AND d.stage = ?", s.as_str().into(), &mut cond);
        }
        if let Some(o) = f.owner {
            add(" AND d.owner_id = ?", o.0.into(), &mut cond);
        }
        if let Some(c) = f.company {
            add(" AND d.company_id = ?", c.0.into(), &mut cond);
        }
        if let Some(c) = f.contact {
            add(
                " AND EXISTS (SELECT 1 FROM deal_contacts x WHERE x.deal_id = d.id AND x.subject_id = ?)",
                c.0.into(),
                &mut cond,
            );
        }
        for (col, op, v) in [
            ("created_at", ">=", f.created_from),
            ("created_at", "<", f.created_to),
            ("updated_at", ">=", f.updated_from),
            ("updated_at", "<", f.updated_to),
        ] {
            if let Some(v) = v {
                add(&format!(" AND d.{col} {op} ?"), v.into(), &mut cond);
            }
        }
        if let Some(a) = after {
            add(" AND d.id > ?", a.into(), &mut cond);
        }
        self.deals_where(&cond, vals, limit).await
    }

    /// The `limit` most recently changed deals in a stage, newest first.
    pub async fn recent_deals(&self, stage: &str, limit: i64) -> Result<Vec<Deal>, StoreError> {
        self.deals_where_ordered("d.stage = $1", args![stage].to_vec(), "d.updated_at DESC, d.id DESC", limit).await
    }

    async fn deals_where(&self, cond: &str, vals: Vec<Value>, limit: i64) -> Result<Vec<Deal>, StoreError> {
        self.deals_where_ordered(cond, vals, "d.id", limit).await
    }

    async fn deals_where_ordered(
        &self,
        cond: &str,
        mut vals: Vec<Value>,
        order: &str,
        limit: i64,
    ) -> Result<Vec<Deal>, StoreError> {
        vals.push(limit.into());
        let sql = format!("SELECT {COLS} FROM deals d WHERE {cond} ORDER BY {order} LIMIT ${}", vals.len());
        let mut conn = self.pools.read.conn().await?;
        let rows = conn.fetch_all(&sql, &vals).await?;
        let mut deals: Vec<Deal> = rows.iter().map(decode).collect::<Result<_, _>>()?;
        if deals.is_empty() {
            return Ok(deals);
        }
        let sql = format!(
            "SELECT deal_id, subject_id FROM deal_contacts WHERE deal_id IN ({}) ORDER BY subject_id",
            list_placeholders(conn.engine(), deals.len())
        );
        let ids: Vec<Value> = deals.iter().map(|d| Value::Uuid(d.id.0)).collect();
        let mut links: HashMap<Uuid, Vec<SubjectId>> = HashMap::new();
        for r in conn.fetch_all(&sql, &ids).await? {
            links.entry(r.get(0)?).or_default().push(SubjectId(r.get(1)?));
        }
        for d in &mut deals {
            d.contacts = links.remove(&d.id.0).unwrap_or_default();
        }
        Ok(deals)
    }

    pub async fn deal_history(&self, id: DealId) -> Result<Vec<StageChange>, StoreError> {
        let rows = self
            .pools
            .read
            .conn()
            .await?
            .fetch_all(
                "SELECT from_stage, to_stage, changed_by, changed_at FROM deal_stage_changes WHERE deal_id = $1 ORDER BY changed_at, id",
                &args![id.0],
            )
            .await?;
        rows.iter()
            .map(|r| {
                Ok(StageChange {
                    from: r.get(0)?,
                    to: r.get(1)?,
                    changed_by: r.get(2)?,
                    changed_at: from_ms(r.get(3)?),
                })
            })
            .collect()
    }
}

/// Deals in one stage and currency: how many and their summed amount.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StageTotal {
    pub stage: String,
    pub currency: Option<String>,
    pub count: i64,
    pub amount_minor: i128,
}

/// Amounts are summed in two parts so no sum can overflow 64 bits (SQLite
/// raises an error on overflow, PostgreSQL's cast back to BIGINT fails).
const SPLIT: i64 = 1_000_000_000;

impl Store {
    /// Count and amount of deals per stage and currency (one grouped scan),
    /// ordered by stage key and currency, deals without one last.
    pub async fn deal_totals(&self) -> Result<Vec<StageTotal>, StoreError> {
        let rows = self
            .pools
            .read
            .conn()
            .await?
            .fetch_all(
                &format!(
                    "SELECT stage, currency, COUNT(*), \
                     CAST(COALESCE(SUM(amount_minor / {SPLIT}), 0) AS BIGINT), \
                     CAST(COALESCE(SUM(amount_minor % {SPLIT}), 0) AS BIGINT) \
                     FROM deals GROUP BY stage, currency"
                ),
                &[],
            )
            .await?;
        let mut out = rows
            .iter()
            .map(|r| {
                let (high, low): (i64, i64) = (r.get(3)?, r.get(4)?);
                Ok(StageTotal {
                    stage: r.get(0)?,
                    currency: r.get(1)?,
                    count: r.get(2)?,
                    amount_minor: i128::from(high) * i128::from(SPLIT) + i128::from(low),
                })
            })
            .collect::<Result<Vec<_>, StoreError>>()?;
        // Sorted here: the engines order NULL and text differently.
        out.sort_by(|a, b| {
            (&a.stage, a.currency.is_none(), &a.currency).cmp(&(&b.stage, b.currency.is_none(), &b.currency))
        });
        Ok(out)
    }
}
