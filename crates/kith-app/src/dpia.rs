//! Data-protection impact assessments (Art. 35–36): the screening of every
//! purpose with the DPO's decision, and the assessments themselves, read
//! by dpo, admin and readonly and changed by dpo and admin. A signed-off
//! assessment is outdated as soon as what it assessed changes in the
//! record of processing; it says what changed.

use crate::{missing, App, AppError, Principal, Result};
use kith_domain::dpia::screening::{self, Decision, Screening};
use kith_domain::dpia::{changes, Change, Dpia, Reminder};
use kith_domain::geo::Country;
use kith_domain::ropa::{Activity, Record};
use kith_domain::{Invalid, PurposeId};
use kith_store::dpia::{StoredDecision, StoredDpia};
use kith_store::registers::RegisterVersion;
use uuid::Uuid;

/// One purpose's screening, with the DPO's decision and the assessments
/// that cover it.
#[derive(Clone, Debug)]
pub struct ScreeningRow {
    pub purpose_id: PurposeId,
    pub purpose: String,
    pub screening: Screening,
    pub decision: Option<StoredDecision>,
    /// Recipients outside the EEA added since the decision.
    pub new_third_countries: Vec<(String, Country)>,
    pub dpias: Vec<Uuid>,
}

/// An assessment as shown: with its purposes' names, whether it is
/// outdated and why, and the reminders.
#[derive(Clone, Debug)]
pub struct DpiaView {
    pub stored: StoredDpia,
    /// (id, name) of its purposes, as the record names them now.
    pub purposes: Vec<(PurposeId, String)>,
    /// What changed since sign-off; empty when current or not signed off.
    pub changes: Vec<Change>,
    pub reminders: Vec<Reminder>,
    /// The register version it is compared with.
    pub current_version: i64,
}

impl DpiaView {
    pub fn outdated(&self) -> bool {
        !self.changes.is_empty()
    }
}

/// The activities of `purposes` in `record`.
fn activities_of(record: &Record, purposes: &[PurposeId]) -> Vec<Activity> {
    record.activities.iter().filter(|a| purposes.contains(&a.purpose_id)).cloned().collect()
}

impl App {
    /// The current record of processing and its version.
    pub(crate) async fn current_record(&self) -> Result<(Record, RegisterVersion)> {
        let v = self.snapshot_register("catch_up").await?;
        let record: Record =
            serde_json::from_str(&v.body).map_err(|_| AppError::Conflict("register version unreadable".into()))?;
        Ok((record, v))
    }

    pub(crate) fn dpia_view(&self, stored: StoredDpia, record: &Record, version: i64) -> DpiaView {
        let today = time::OffsetDateTime::now_utc().date();
        let purposes = stored
            .dpia
            .purposes
            .iter()
            .map(|id| {
                let name = record.activities.iter().find(|a| a.purpose_id == *id).map(|a| a.name.clone());
                (*id, name.unwrap_or_else(|| "(purpose no longer in the record)".into()))
            })
            .collect();
        let changes = match &stored.sign_off {
            Some(s) => changes(&stored.dpia.purposes, &s.activities, &record.activities),
            None => Vec::new(),
        };
        let reminders = stored.dpia.reminders(stored.sign_off.is_some(), today);
        DpiaView { stored, purposes, changes, reminders, current_version: version }
    }

    /// Every purpose screened against the WP248 criteria Kith can see.
    pub async fn dpia_screening(&self, p: &Principal) -> Result<Vec<ScreeningRow>> {
        p.require(p.role.can_read_registers(), "read the registers")?;
        let (record, _) = self.current_record().await?;
        let counts = self.store.consent_counts(time::OffsetDateTime::now_utc()).await?;
        let (imports, matched) = self.store.import_activity().await?;
        let policy = self.store.field_policy().await?;
        let decisions = self.store.screening_decisions().await?;
        let dpias = self.store.dpias().await?;
        let mut out = Vec::new();
        for a in &record.activities {
            let people = counts.bases.get(&a.purpose_id).map_or(0, |b| b.values().sum());
            let s =
                screening::screen(&screening::Facts { activity: a, people, imports, matched, fields: &policy.fields });
            let decision = decisions.iter().find(|d| d.purpose_id == a.purpose_id).cloned();
            out.push(ScreeningRow {
                purpose_id: a.purpose_id,
                purpose: a.name.clone(),
                new_third_countries: decision.as_ref().map(|d| d.decision.new_third_countries(a)).unwrap_or_default(),
                decision,
                screening: s,
                dpias: dpias.iter().filter(|d| d.dpia.purposes.contains(&a.purpose_id)).map(|d| d.id).collect(),
            });
        }
        Ok(out)
    }

    /// The DPO records whether a purpose needs an assessment, and why.
    pub async fn decide_screening(
        &self,
        p: &Principal,
        purpose: PurposeId,
        required: bool,
        reason: String,
    ) -> Result<()> {
        p.require(p.role.can_manage_privacy(), "change the registers")?;
        let (record, _) = self.current_record().await?;
        let a = record.activities.iter().find(|a| a.purpose_id == purpose).ok_or(AppError::NotFound("purpose"))?;
        let d = Decision { required, reason, third_countries: screening::third_countries(a) }.check()?;
        self.store
            .set_screening_decision(&p.ctx(), purpose, &d, p.author())
            .await
            .map_err(|e| missing("purpose")(e.into()))
    }

    pub async fn dpias(&self, p: &Principal) -> Result<Vec<DpiaView>> {
        p.require(p.role.can_read_registers(), "read the registers")?;
        let (record, v) = self.current_record().await?;
        Ok(self.store.dpias().await?.into_iter().map(|d| self.dpia_view(d, &record, v.version)).collect())
    }

    pub async fn dpia(&self, p: &Principal, id: Uuid) -> Result<DpiaView> {
        p.require(p.role.can_read_registers(), "read the registers")?;
        let d = self.store.dpia(id).await?.ok_or(AppError::NotFound("impact assessment"))?;
        let (record, v) = self.current_record().await?;
        Ok(self.dpia_view(d, &record, v.version))
    }

    pub async fn create_dpia(&self, p: &Principal, d: Dpia) -> Result<Uuid> {
        p.require(p.role.can_manage_privacy(), "change the registers")?;
        let d = d.check()?;
        let id = Uuid::now_v7();
        self.store.insert_dpia(&p.ctx(), id, &d).await?;
        Ok(id)
    }

    /// Replaces an assessment; returns whether its sign-off was withdrawn
    /// (what was assessed changed, not just the follow-up).
    pub async fn update_dpia(&self, p: &Principal, id: Uuid, d: Dpia) -> Result<bool> {
        p.require(p.role.can_manage_privacy(), "change the registers")?;
        let d = d.check()?;
        self.store.update_dpia(&p.ctx(), id, &d).await.map_err(|e| missing("impact assessment")(e.into()))
    }

    /// Signs an assessment off against the current register version. A
    /// residual risk that stays high is not refused: the assessment then
    /// reminds that the authority must be consulted (Art. 36(1)).
    pub async fn sign_off_dpia(&self, p: &Principal, id: Uuid) -> Result<DpiaView> {
        p.require(p.role.can_manage_privacy(), "sign impact assessments off")?;
        let d = self.store.dpia(id).await?.ok_or(AppError::NotFound("impact assessment"))?;
        d.dpia.ready_for_sign_off()?;
        let (record, v) = self.current_record().await?;
        let missing_purposes: Vec<&PurposeId> =
            d.dpia.purposes.iter().filter(|id| !record.activities.iter().any(|a| a.purpose_id == **id)).collect();
        if !missing_purposes.is_empty() {
            return Err(Invalid::one("purposes", "a purpose is no longer in the record of processing").into());
        }
        let acts = activities_of(&record, &d.dpia.purposes);
        self.store
            .sign_off_dpia(&p.ctx(), id, &d.dpia, p.author(), v.version, &acts)
            .await
            .map_err(|e| missing("impact assessment")(e.into()))?;
        self.dpia(p, id).await
    }
}

/// The assessment as a JSON document: the record, its sign-off and the
/// register version it was made against, whether it is outdated and why.
pub fn to_json(v: &DpiaView) -> serde_json::Value {
    let s = &v.stored;
    let rfc = |t: time::OffsetDateTime| t.format(&time::format_description::well_known::Rfc3339).unwrap_or_default();
    let mut dpia = serde_json::to_value(&s.dpia).unwrap_or(serde_json::Value::Null);
    if let Some(o) = dpia.as_object_mut() {
        o.remove("purposes");
    }
    serde_json::json!({
        "id": s.id,
        "assessment": dpia,
        "purposes": v.purposes.iter().map(|(id, name)| serde_json::json!({"id": id, "name": name})).collect::<Vec<_>>(),
        "residual_risk_high": s.dpia.residual_high(),
        "sign_off": s.sign_off.as_ref().map(|o| serde_json::json!({
            "by": o.by,
            "at": rfc(o.at),
            "register_version": o.register_version,
            "activities": o.activities,
        })),
        "outdated": v.outdated(),
        "changes": v.changes,
        "compared_with_register_version": v.current_version,
        "reminders": v.reminders.iter().map(Reminder::describe).collect::<Vec<_>>(),
        "created_at": rfc(s.created_at),
        "updated_at": rfc(s.updated_at),
    })
}
