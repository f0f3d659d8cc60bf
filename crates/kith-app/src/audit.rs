//! Reading and verifying the audit trail.

use crate::{check_limit, cursor, App, Page, Principal, Result};
use kith_domain::SubjectId;
use kith_store::audit::{AuditQuery, Entry, Verdict};

impl App {
    /// Entries about a subject or by an actor, oldest first. `dpo` and `admin` only.
    pub async fn audit_entries(
        &self,
        p: &Principal,
        subject: Option<SubjectId>,
        actor: Option<String>,
        cur: Option<&str>,
        limit: Option<i64>,
    ) -> Result<Page<Entry>> {
        p.require(p.role.can_read_audit(), "read the audit trail")?;
        let limit = check_limit(limit)?;
        let after = match cur {
            Some(c) => Some(cursor::int(&cursor::decode("audit", c, 1)?[0])?),
            None => None,
        };
        let items = self.store.audit_entries(&AuditQuery { subject, actor, after, limit }).await?;
        let next = (items.len() as i64 == limit)
            .then(|| items.last().map(|e| cursor::encode("audit", &[e.seq.to_string()])))
            .flatten();
        Ok(Page { items, next_cursor: next })
    }

    pub async fn audit_verify(&self, p: &Principal) -> Result<Verdict> {
        p.require(p.role.can_read_audit(), "verify the audit trail")?;
        Ok(self.store.audit_verify().await?)
    }
}

impl App {
    /// The personal values audit entry `seq` changed, before and after
    /// (dpo, admin). Opening them is itself audited.
    pub async fn audit_detail(&self, p: &Principal, seq: i64) -> Result<serde_json::Value> {
        p.require(p.role.can_read_audit(), "read the audit trail")?;
        let (subject, detail) =
            self.store.audit_detail(seq).await?.ok_or(crate::AppError::NotFound("change details"))?;
        // About the person, so their access log shows who opened it.
        let entry = kith_store::audit::NewEntry {
            action: "audit.detail",
            subject: Some(subject),
            object_type: "audit",
            object_id: Some(seq.to_string()),
        };
        self.store.audit(&p.ctx(), &[entry]).await?;
        Ok(detail)
    }

    /// Events queued for processors (Art. 19), oldest first (dpo, admin).
    pub async fn processor_events(
        &self,
        p: &Principal,
        after: Option<i64>,
        limit: Option<i64>,
    ) -> Result<Vec<kith_store::erasure::ProcessorEvent>> {
        p.require(p.role.can_read_audit(), "read processor events")?;
        Ok(self.store.processor_events(after.unwrap_or(0), check_limit(limit)?).await?)
    }
}
