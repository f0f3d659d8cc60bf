//! Companies: organisations, not data subjects; stored in clear.

use crate::audit::{self, NewEntry};
use crate::db::{Exec, Row};
use crate::idempotency::{self, Claim};
use crate::{args, from_ms, now_ms, Ctx, Store, StoreError};
use kith_domain::normalize::fold;
use kith_domain::CompanyId;
use uuid::Uuid;

#[derive(Clone, Debug)]
pub struct Company {
    pub id: CompanyId,
    pub name: String,
    pub domain: Option<String>,
    pub address: Option<String>,
    pub industry: Option<String>,
    pub created_at: time::OffsetDateTime,
    pub updated_at: time::OffsetDateTime,
}

#[derive(Clone, Debug)]
pub struct CompanyInput {
    pub id: CompanyId,
    pub name: String,
    pub domain: Option<String>,
    pub address: Option<String>,
    pub industry: Option<String>,
}

const COLS: &str = "id, name, domain, address, industry, created_at, updated_at";

fn decode(r: &Row) -> Result<Company, StoreError> {
    Ok(Company {
        id: CompanyId(r.get(0)?),
        name: r.get(1)?,
        domain: r.get(2)?,
        address: r.get(3)?,
        industry: r.get(4)?,
        created_at: from_ms(r.get(5)?),
        updated_at: from_ms(r.get(6)?),
    })
}

fn like_prefix(q: &str) -> String {
    let mut s = String::new();
    for ch in fold(q).chars() {
        if matches!(ch, '%' | '_' | '\\') {
            s.push('\\');
        }
        s.push(ch);
    }
    s.push('%');
    s
}

impl Store {
    pub async fn insert_company(&self, ctx: &Ctx, c: &CompanyInput, claim: Option<&Claim>) -> Result<(), StoreError> {
        let now = now_ms();
        let mut tx = self.pools.write.begin().await?;
        if let Some(claim) = claim {
            idempotency::claim(&mut tx, claim, "company", c.id.0).await?;
        }
        tx.execute(
            "INSERT INTO companies (id, name, name_fold, domain, address, industry, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
            &args![
                c.id.0,
                c.name.as_str(),
                fold(&c.name),
                c.domain.clone(),
                c.address.clone(),
                c.industry.clone(),
                now,
                now
            ],
        )
        .await?;
        audit::append(&mut tx, ctx, &[NewEntry::object("company.create", "company", c.id)]).await?;
        tx.commit().await
    }

    pub async fn update_company(&self, ctx: &Ctx, c: &CompanyInput) -> Result<(), StoreError> {
        self.modify_company(ctx, c.id, |_| Ok::<_, StoreError>(c.clone())).await
    }

    /// Read-modify-write of one company in one transaction, the row locked
    /// first, so concurrent changes apply in turn.
    pub async fn modify_company<E, F>(&self, ctx: &Ctx, id: CompanyId, change: F) -> Result<(), E>
    where
        E: From<StoreError>,
        F: FnOnce(Company) -> Result<CompanyInput, E>,
    {
        let mut tx = self.pools.write.begin().await?;
        let n = tx.execute("UPDATE companies SET updated_at = updated_at WHERE id = $1", &args![id.0]).await?;
        if n == 0 {
            return Err(StoreError::NotFound.into());
        }
        let sql = format!("SELECT {COLS} FROM companies WHERE id = $1");
        let cur = decode(&tx.fetch_optional(&sql, &args![id.0]).await?.ok_or(StoreError::NotFound)?)?;
        let c = change(cur)?;
        if c.id != id {
            return Err(StoreError::Corrupt("a change must keep the company's id").into());
        }
        let n = tx
            .execute(
                "UPDATE companies SET name = $1, name_fold = $2, domain = $3, address = $4, industry = $5, updated_at = $6 WHERE id = $7",
                &args![c.name.as_str(), fold(&c.name), c.domain.clone(), c.address.clone(), c.industry.clone(), now_ms(), c.id.0],
            )
            .await?;
        if n == 0 {
            return Err(StoreError::NotFound.into());
        }
        audit::append(&mut tx, ctx, &[NewEntry::object("company.update", "company", c.id)]).await?;
        Ok(tx.commit().await?)
    }

    /// Deletes a company; its contacts and deals keep existing without it.
    pub async fn delete_company(&self, ctx: &Ctx, id: CompanyId) -> Result<(), StoreError> {
        let mut tx = self.pools.write.begin().await?;
        tx.execute("UPDATE contacts SET company_id = NULL WHERE company_id = $1", &args![id.0]).await?;
        tx.execute("UPDATE deals SET company_id = NULL WHERE company_id = $1", &args![id.0]).await?;
        let n = tx.execute("DELETE FROM companies WHERE id = $1", &args![id.0]).await?;
        if n == 0 {
            return Err(StoreError::NotFound);
        }
        audit::append(&mut tx, ctx, &[NewEntry::object("company.delete", "company", id)]).await?;
        tx.commit().await
    }

    pub async fn get_company(&self, id: CompanyId) -> Result<Option<Company>, StoreError> {
        let sql = format!("SELECT {COLS} FROM companies WHERE id = $1");
        let row = self.pools.read.conn().await?.fetch_optional(&sql, &args![id.0]).await?;
        row.map(|r| decode(&r)).transpose()
    }

    /// The companies an import names, by folded name (case- and
    /// accent-insensitive): each found, or created once (audited as
    /// `company.create`), in one transaction. The oldest company wins
    /// where several share a name.
    pub async fn companies_by_name(
        &self,
        ctx: &Ctx,
        names: &[String],
    ) -> Result<std::collections::HashMap<String, CompanyId>, StoreError> {
        let mut wanted: std::collections::BTreeMap<String, String> = std::collections::BTreeMap::new();
        for n in names {
            let n = n.trim();
            if !n.is_empty() {
                wanted.entry(fold(n)).or_insert_with(|| n.to_owned());
            }
        }
        let mut found = std::collections::HashMap::new();
        if wanted.is_empty() {
            return Ok(found);
        }
        let mut tx = self.pools.write.begin().await?;
        let folds: Vec<&String> = wanted.keys().collect();
        for chunk in folds.chunks(crate::db::MAX_PARAMS) {
            let sql = format!(
                "SELECT name_fold, id FROM companies WHERE name_fold IN ({}) ORDER BY created_at DESC, id DESC",
                crate::db::list_placeholders(tx.engine(), chunk.len())
            );
            let vals: Vec<crate::db::Value> = chunk.iter().map(|f| (*f).clone().into()).collect();
            for r in tx.fetch_all(&sql, &vals).await? {
                found.insert(r.get::<String>(0)?, CompanyId(r.get(1)?));
            }
        }
        let now = now_ms();
        let mut entries = Vec::new();
        for (f, name) in &wanted {
            if found.contains_key(f) {
                continue;
            }
            let id = CompanyId::new();
            tx.execute(
                "INSERT INTO companies (id, name, name_fold, domain, address, industry, created_at, updated_at) \
                 VALUES ($1, $2, $3, NULL, NULL, NULL, $4, $4)",
                &args![id.0, name.as_str(), f.as_str(), now],
            )
            .await?;
            entries.push(NewEntry::object("company.create", "company", id));
            found.insert(f.clone(), id);
        }
        if entries.is_empty() {
            return Ok(found);
        }
        audit::append(&mut tx, ctx, &entries).await?;
        tx.commit().await?;
        Ok(found)
    }

    /// Companies in name order (then id), optionally those whose name starts
    /// with `q` (case- and accent-insensitive), after the given (name, id).
    pub async fn list_companies(
        &self,
        q: Option<&str>,
        after: Option<(String, Uuid)>,
        limit: i64,
    ) -> Result<Vec<Company>, StoreError> {
        let mut sql = format!("SELECT {COLS} FROM companies WHERE 1 = 1");
        let mut vals = Vec::new();
        if let Some(q) = q {
            vals.push(like_prefix(q).into());
            sql.push_str(&format!(" AND name_fold LIKE ${} ESCAPE '\\'", vals.len()));
        }
        if let Some((name, id)) = after {
            vals.push(name.into());
            vals.push(id.into());
            sql.push_str(&format!(" AND (name_fold, id) > (${}, ${})", vals.len() - 1, vals.len()));
        }
        vals.push(limit.into());
        sql.push_str(&format!(" ORDER BY name_fold, id LIMIT ${}", vals.len()));
        let rows = self.pools.read.conn().await?.fetch_all(&sql, &vals).await?;
        rows.iter().map(decode).collect()
    }
}

/// The folded name used as the companies' sort and cursor key.
pub fn sort_key(name: &str) -> String {
    fold(name)
}
