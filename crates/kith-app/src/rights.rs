//! Restriction (Art. 18) and objection (Art. 21). A restricted person is
//! stored and nothing else: edits, interactions, bases, consent given or
//! requested, bulk actions and mail are refused with [`AppError::Restricted`]
//! until the restriction is lifted. An objection feeds `may_contact`.

use crate::{missing, App, AppError, Principal, Result};
use kith_domain::{ObjectionDecision, PurposeId, SubjectId};
use kith_store::rights::Objection;

impl App {
    /// Restricts processing of a person (admin, dpo).
    pub async fn restrict(&self, p: &Principal, subject: SubjectId) -> Result<bool> {
        p.require(p.role.can_manage_privacy(), "restrict processing")?;
        self.store
            .set_restriction(&p.ctx(), subject, true, p.author())
            .await
            .map_err(AppError::from)
            .map_err(missing("contact"))
    }

    /// Lifts a restriction (admin, dpo); recorded in the audit trail.
    pub async fn lift_restriction(&self, p: &Principal, subject: SubjectId) -> Result<bool> {
        p.require(p.role.can_manage_privacy(), "lift a restriction")?;
        self.store
            .set_restriction(&p.ctx(), subject, false, p.author())
            .await
            .map_err(AppError::from)
            .map_err(missing("contact"))
    }

    pub async fn restricted_since(&self, subject: SubjectId) -> Result<Option<time::OffsetDateTime>> {
        Ok(self.store.restricted_since(subject).await?)
    }

    /// Records that a person objects to a purpose (any staff who records
    /// consent may take it down); an objection to direct marketing stops
    /// it at once, others wait for the operator's decision.
    pub async fn record_objection(&self, p: &Principal, subject: SubjectId, purpose: PurposeId) -> Result<()> {
        p.require(p.role.can_record_consent(), "record objections")?;
        self.require_purpose(purpose).await?;
        self.store
            .set_objection(&p.ctx(), subject, purpose, ObjectionDecision::Pending, p.author())
            .await
            .map_err(AppError::from)
            .map_err(missing("contact"))
    }

    /// The operator's decision on an objection (admin, dpo).
    pub async fn decide_objection(
        &self,
        p: &Principal,
        subject: SubjectId,
        purpose: PurposeId,
        decision: ObjectionDecision,
    ) -> Result<()> {
        p.require(p.role.can_manage_privacy(), "decide on objections")?;
        let existing = self.store.objections_of(subject).await?;
        if !existing.iter().any(|o| o.purpose == purpose) {
            return Err(AppError::NotFound("objection"));
        }
        self.store
            .set_objection(&p.ctx(), subject, purpose, decision, p.author())
            .await
            .map_err(AppError::from)
            .map_err(missing("contact"))
    }

    pub async fn objections(&self, _p: &Principal, subject: SubjectId) -> Result<Vec<Objection>> {
        Ok(self.store.objections_of(subject).await?)
    }

    /// Refuses anything but storage for a restricted person.
    pub(crate) async fn unrestricted(&self, subject: SubjectId) -> Result<()> {
        match self.store.restricted_since(subject).await? {
            Some(_) => Err(AppError::Restricted),
            None => Ok(()),
        }
    }

    /// Refuses a bulk action that would touch a restricted person.
    pub(crate) async fn none_restricted(&self, subjects: &[SubjectId]) -> Result<()> {
        match self.store.count_restricted(subjects).await? {
            0 => Ok(()),
            n => Err(AppError::Conflict(format!(
                "{n} of the selected contacts {} restricted (GDPR Art. 18): leave {} out of the selection",
                if n == 1 { "is" } else { "are" },
                if n == 1 { "it" } else { "them" }
            ))),
        }
    }
}

impl App {
    /// Why erasing the person may be wrong or only partly possible (Art.
    /// 17(3)): purposes that rest on a legal obligation or a contract, and
    /// deals still open. Shown to the operator before erasing; the operator
    /// erases anyway or rejects the request with the reason (admin, dpo).
    pub async fn erasure_exceptions(&self, p: &Principal, subject: SubjectId) -> Result<Vec<String>> {
        p.require(p.role.can_manage_privacy(), "handle data-subject requests")?;
        if self.store.get_contact(subject).await?.is_none() {
            return Err(AppError::NotFound("contact"));
        }
        let purposes = self.store.purposes().await?;
        let name = |id: PurposeId| purposes.iter().find(|x| x.id == id).map(|x| x.name.clone()).unwrap_or_default();
        let mut out = Vec::new();
        for b in self.store.bases_of(subject).await? {
            match b.basis {
                kith_domain::LawfulBasis::LegalObligation => out.push(format!(
                    "{}: processed under a legal obligation — records the law requires must be kept (Art. 17(3)(b))",
                    name(b.purpose)
                )),
                kith_domain::LawfulBasis::Contract => out.push(format!(
                    "{}: processed for a contract — check whether the contract still runs",
                    name(b.purpose)
                )),
                _ => {}
            }
        }
        let f = kith_store::deals::DealFilter { contact: Some(subject), ..Default::default() };
        let (mut open, mut after) = (0, None);
        loop {
            let page = self.store.list_deals(&f, after, 200).await?;
            open += page.iter().filter(|d| d.stage != "won" && d.stage != "lost").count();
            if page.len() < 200 {
                break;
            }
            after = page.last().map(|d| d.id.0);
        }
        if open > 0 {
            out.push(format!("{open} open deal(s) with this person — an ongoing contract may need their data"));
        }
        if let Some(h) = self.store.hold_of(subject).await? {
            out.push(format!(
                "a legal hold is in place (review on {}) — data needed for legal claims may be kept (Art. 17(3)(e))",
                h.review_on.date()
            ));
        }
        Ok(out)
    }
}
