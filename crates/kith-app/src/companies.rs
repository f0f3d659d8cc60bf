//! Companies (not personal data).

use crate::cursor;
use crate::{check_limit, idempotent, App, AppError, IdempotencyKey, Page, Principal, Result};
use kith_domain::{CompanyId, Invalid};
use kith_store::companies::{sort_key, Company, CompanyInput};

#[derive(Clone, Debug, Default)]
pub struct CompanyFields {
    pub name: String,
    pub domain: Option<String>,
    pub address: Option<String>,
    pub industry: Option<String>,
}

#[derive(Clone, Debug, Default)]
pub struct CompanyPatch {
    pub name: Option<String>,
    pub domain: Option<Option<String>>,
    pub address: Option<Option<String>>,
    pub industry: Option<Option<String>>,
}

fn validate(f: &CompanyFields) -> Result<()> {
    let mut inv = Invalid::default();
    let name = f.name.trim();
    if name.is_empty() || name.chars().count() > 200 || kith_domain::normalize::fold(name).len() > 1000 {
        inv.push("name", "must be 1 to 200 characters");
    } else if let Some(why) = kith_domain::line_problem(name) {
        inv.push("name", why);
    }
    if let Some(i) = &f.industry {
        if let Some(why) = kith_domain::line_problem(i) {
            inv.push("industry", why);
        }
    }
    if let Some(d) = &f.domain {
        let ok = d.len() <= 253
            && d.contains('.')
            && d.split('.')
                .all(|l| !l.is_empty() && l.len() <= 63 && l.chars().all(|c| c.is_alphanumeric() || c == '-'));
        if !ok {
            inv.push("domain", "must be a domain name such as example.com");
        }
    }
    for (n, v, max) in [("address", &f.address, 500), ("industry", &f.industry, 100)] {
        if v.as_ref().is_some_and(|s| s.chars().count() > max) {
            inv.push(n, format!("must be at most {max} characters"));
        }
    }
    for (n, v) in [
        ("name", Some(&f.name)),
        ("domain", f.domain.as_ref()),
        ("address", f.address.as_ref()),
        ("industry", f.industry.as_ref()),
    ] {
        if v.is_some_and(|s| s.chars().any(char::is_control)) {
            inv.push(n, "must not contain control characters");
        }
    }
    inv.into_result().map_err(Into::into)
}

fn blank_to_none(v: Option<String>) -> Option<String> {
    v.map(|s| s.trim().to_owned()).filter(|s| !s.is_empty())
}

impl App {
    pub async fn create_company(
        &self,
        p: &Principal,
        f: CompanyFields,
        idem: Option<&IdempotencyKey>,
    ) -> Result<Company> {
        p.require(p.role.can_write_crm(), "create companies")?;
        let f = CompanyFields {
            name: f.name.trim().to_owned(),
            domain: blank_to_none(f.domain).map(|d| d.to_lowercase()),
            address: blank_to_none(f.address),
            industry: blank_to_none(f.industry),
        };
        validate(&f)?;
        let input = CompanyInput {
            id: CompanyId::new(),
            name: f.name,
            domain: f.domain,
            address: f.address,
            industry: f.industry,
        };
        let ctx = p.ctx();
        let id = idempotent(self, p, idem, "company", |claim| async move {
            self.store.insert_company(&ctx, &input, claim.as_ref()).await.map(|_| input.id.0)
        })
        .await?;
        self.get_company(p, CompanyId(id)).await
    }

    pub async fn get_company(&self, _p: &Principal, id: CompanyId) -> Result<Company> {
        self.store.get_company(id).await?.ok_or(AppError::NotFound("company"))
    }

    pub async fn update_company(&self, p: &Principal, id: CompanyId, patch: CompanyPatch) -> Result<Company> {
        p.require(p.role.can_write_crm(), "change companies")?;
        self.store
            .modify_company(&p.ctx(), id, |cur| {
                let f = CompanyFields {
                    name: patch.name.map(|n| n.trim().to_owned()).unwrap_or(cur.name),
                    domain: patch.domain.map(|d| blank_to_none(d).map(|d| d.to_lowercase())).unwrap_or(cur.domain),
                    address: patch.address.map(blank_to_none).unwrap_or(cur.address),
                    industry: patch.industry.map(blank_to_none).unwrap_or(cur.industry),
                };
                validate(&f)?;
                Ok::<_, AppError>(CompanyInput {
                    id,
                    name: f.name,
                    domain: f.domain,
                    address: f.address,
                    industry: f.industry,
                })
            })
            .await
            .map_err(crate::missing("company"))?;
        self.get_company(p, id).await
    }

    pub async fn delete_company(&self, p: &Principal, id: CompanyId) -> Result<()> {
        p.require(p.role.can_write_crm(), "delete companies")?;
        self.store.delete_company(&p.ctx(), id).await.map_err(AppError::from).map_err(crate::missing("company"))
    }

    pub async fn list_companies(
        &self,
        _p: &Principal,
        q: Option<&str>,
        cur: Option<&str>,
        limit: Option<i64>,
    ) -> Result<Page<Company>> {
        let limit = check_limit(limit)?;
        if q.is_some_and(|q| q.chars().count() > 200) {
            return Err(Invalid::one("q", "must be at most 200 characters").into());
        }
        let after = match cur {
            Some(c) => {
                let parts = cursor::decode("companies", c, 2)?;
                Some((parts[0].clone(), cursor::uuid(&parts[1])?))
            }
            None => None,
        };
        let items = self.store.list_companies(q.map(str::trim).filter(|s| !s.is_empty()), after, limit).await?;
        let next = (items.len() as i64 == limit)
            .then(|| items.last().map(|c| cursor::encode("companies", &[sort_key(&c.name), c.id.to_string()])))
            .flatten();
        Ok(Page { items, next_cursor: next })
    }
}
