//! Accountability registers (Art. 30, 28, 44–49): the record of processing
//! computed from purposes, the field policy, recipients and retention rules,
//! versioned by the SHA-256 of its canonical JSON, with what Kith observes
//! shown beside what is declared.

pub mod formats;
mod observed;
mod recipients;

pub use observed::{ActivityFacts, Observed};

use crate::{App, AppError, Principal, Result};
use kith_domain::ropa::{self, Controller, ProcessorActivity, PurposeFacts, Record};
use kith_domain::Invalid;
use kith_store::registers::RegisterVersion;
use uuid::Uuid;

/// How this deployment protects data: the facts the technical and
/// organisational measures of the register are generated from. The binary
/// fills it from its configuration.
#[derive(Clone, Debug, Default, serde::Serialize, serde::Deserialize)]
pub struct Posture {
    /// The master key comes from the environment rather than a key file.
    pub key_from_env: bool,
    pub secure_cookies: bool,
    pub require_second_factor: bool,
    /// Host of the SMTP relay mail goes through, if any (no credentials).
    pub smtp_relay: Option<String>,
    pub engine: String,
    /// The controller as the server is configured (`--controller-*`):
    /// the register's controller until one is recorded on the register.
    #[serde(default)]
    pub controller_name: String,
    #[serde(default)]
    pub controller_email: String,
    #[serde(default)]
    pub controller_address: String,
}

/// The register as shown: the declared record, its version, what is
/// observed and the warnings where the two differ.
#[derive(Clone, Debug)]
pub struct Register {
    pub record: Record,
    pub version: RegisterVersion,
    pub observed: Observed,
    /// (purpose, warning): `None` for the register as a whole.
    pub warnings: Vec<(Option<kith_domain::PurposeId>, String)>,
}

/// A purpose's recipients as a person reads them in an access export
/// (Art. 15(1)(c), (2)): each with its role, and transfers out of the EEA
/// with their safeguard; the purpose's older free text when none is linked.
pub fn recipients_in_words(
    p: &kith_store::purposes::Purpose,
    all: &[kith_store::recipients::StoredRecipient],
) -> String {
    let linked: Vec<String> = all
        .iter()
        .filter(|r| r.recipient.purposes.contains(&p.id))
        .map(|r| {
            let mut s = format!("{} ({})", r.recipient.legal_name, r.recipient.role.label());
            for t in &r.recipient.transfers {
                s.push_str(&format!("; transferred to {} under {}", t.country.name(), t.ground()));
            }
            s
        })
        .collect();
    if linked.is_empty() {
        p.recipients.clone()
    } else {
        linked.join(" · ")
    }
}

/// SHA-256 of `body`, hex.
pub fn sha256_hex(body: &[u8]) -> String {
    ring::digest::digest(&ring::digest::SHA256, body).as_ref().iter().map(|b| format!("{b:02x}")).collect()
}

impl App {
    /// The controller's identity: as configured on the register, else from
    /// the server's settings (name, contact, address).
    pub async fn controller_identity(&self) -> Result<Controller> {
        if let Some(body) = self.store.controller_identity().await? {
            if let Ok(c) = serde_json::from_str::<Controller>(&body) {
                return Ok(c);
            }
        }
        // The serving configuration's controller, so every process (the
        // CLI's too) computes the same record.
        let stored = self.store.deployment_posture().await?.and_then(|b| serde_json::from_str::<Posture>(&b).ok());
        let s = &self.settings.controller;
        let (name, email, address) = match &stored {
            Some(p) if !p.controller_name.is_empty() => {
                (p.controller_name.clone(), p.controller_email.clone(), p.controller_address.clone())
            }
            _ => (s.name.clone(), s.email.clone(), s.address.clone()),
        };
        Ok(Controller {
            name,
            address,
            contact: email,
            subject_categories:
                "Customers, prospects and business contacts, and people who subscribed through public forms".into(),
            ..Controller::default()
        })
    }

    /// [`App::controller_identity`], for those who may read the registers.
    pub async fn read_controller_identity(&self, p: &Principal) -> Result<Controller> {
        p.require(p.role.can_read_registers(), "read the registers")?;
        self.controller_identity().await
    }

    pub async fn set_controller_identity(&self, p: &Principal, c: Controller) -> Result<Controller> {
        p.require(p.role.can_manage_privacy(), "change the registers")?;
        let c = c.check()?;
        let body = serde_json::to_string(&c).map_err(|_| AppError::Invalid(Invalid::one("", "cannot be stored")))?;
        self.store.set_controller_identity(&p.ctx(), &body).await?;
        self.register_changed("controller.update").await;
        Ok(c)
    }

    pub async fn processor_activities(&self, p: &Principal) -> Result<Vec<(Uuid, ProcessorActivity)>> {
        p.require(p.role.can_read_registers(), "read the registers")?;
        self.load_processor_activities().await
    }

    async fn load_processor_activities(&self) -> Result<Vec<(Uuid, ProcessorActivity)>> {
        let mut out = Vec::new();
        for a in self.store.processor_activities().await? {
            if let Ok(v) = serde_json::from_str::<ProcessorActivity>(&a.body) {
                out.push((a.id, v));
            }
        }
        Ok(out)
    }

    /// Adds (no `id`) or replaces an Art. 30(2) entry.
    pub async fn save_processor_activity(&self, p: &Principal, id: Option<Uuid>, a: ProcessorActivity) -> Result<Uuid> {
        p.require(p.role.can_manage_privacy(), "change the registers")?;
        let a = a.check()?;
        let id = match id {
            Some(id) => {
                if !self.load_processor_activities().await?.iter().any(|(i, _)| *i == id) {
                    return Err(AppError::NotFound("processing activity"));
                }
                id
            }
            None => Uuid::now_v7(),
        };
        let body = serde_json::to_string(&a).map_err(|_| AppError::Invalid(Invalid::one("", "cannot be stored")))?;
        self.store.save_processor_activity(&p.ctx(), id, &body).await?;
        self.register_changed("processing_for_others.save").await;
        Ok(id)
    }

    pub async fn delete_processor_activity(&self, p: &Principal, id: Uuid) -> Result<()> {
        p.require(p.role.can_manage_privacy(), "change the registers")?;
        self.store
            .delete_processor_activity(&p.ctx(), id)
            .await
            .map_err(|e| crate::missing("processing activity")(e.into()))?;
        self.register_changed("processing_for_others.delete").await;
        Ok(())
    }

    /// The declared record as the data says it is now.
    pub(crate) async fn declared_record(&self) -> Result<Record> {
        let controller = self.controller_identity().await?;
        let purposes: Vec<PurposeFacts> = self
            .store
            .purposes()
            .await?
            .into_iter()
            .map(|p| PurposeFacts {
                id: p.id,
                name: p.name,
                description: p.description,
                basis: p.default_basis,
                direct_marketing: p.direct_marketing,
                retention: p.retention,
                rule: p.rule.map(|r| r.describe()),
            })
            .collect();
        let policy = self.store.field_policy().await?;
        let recipients: Vec<_> = self.store.recipients().await?.into_iter().map(|r| (r.id, r.recipient)).collect();
        let others: Vec<ProcessorActivity> =
            self.load_processor_activities().await?.into_iter().map(|(_, a)| a).collect();
        let measures = self.measures().await?;
        Ok(ropa::declare(&ropa::Inputs {
            controller: &controller,
            purposes: &purposes,
            fields: &policy.fields,
            recipients: &recipients,
            measures: &measures,
            processing_for_others: &others,
        }))
    }

    /// Records a new register version if what is declared changed. Called
    /// after every change to what the register is computed from, and when
    /// the register is read (so a change made elsewhere, or a crash between
    /// a change and its version, is caught up before anyone sees it).
    pub async fn snapshot_register(&self, cause: &str) -> Result<RegisterVersion> {
        for _ in 0..5 {
            let based_on = self.store.latest_register_version().await?.map(|v| v.version);
            let record = self.declared_record().await?;
            let body =
                serde_json::to_string(&record).map_err(|_| AppError::Conflict("register not serialisable".into()))?;
            let digest = sha256_hex(body.as_bytes());
            if let Some(v) = self.store.record_register_version(cause, &digest, &body, based_on).await? {
                return Ok(v);
            }
        }
        Err(AppError::Conflict("the record of processing changed too often at once; try again".into()))
    }

    /// After a change the register is computed from: records the new
    /// version. The change itself has committed, so a failure here is
    /// logged, not returned; the next read of the register records it.
    pub(crate) async fn register_changed(&self, cause: &str) {
        if let Err(e) = self.snapshot_register(cause).await {
            tracing::warn!(cause, error = %e, "register version not recorded now; the next read records it");
        }
    }

    /// The register now, with what is observed and the warnings.
    pub async fn register(&self, p: &Principal) -> Result<Register> {
        p.require(p.role.can_read_registers(), "read the registers")?;
        let version = self.snapshot_register("catch_up").await?;
        let record: Record = serde_json::from_str(&version.body)
            .map_err(|_| AppError::Conflict("register version unreadable".into()))?;
        let observed = self.observe(&record).await?;
        let mut warnings = ropa::gaps(&record);
        warnings.extend(observed.warnings.iter().cloned());
        Ok(Register { record, version, observed, warnings })
    }

    /// The declared record as it stood at `at` (no observations: those are
    /// of today).
    pub async fn register_as_of(&self, p: &Principal, at: time::OffsetDateTime) -> Result<(Record, RegisterVersion)> {
        p.require(p.role.can_read_registers(), "read the registers")?;
        self.snapshot_register("catch_up").await?;
        let v = self
            .store
            .register_version_as_of(at)
            .await?
            .ok_or_else(|| AppError::Invalid(Invalid::one("as_of", "the register has no version that old")))?;
        let record =
            serde_json::from_str(&v.body).map_err(|_| AppError::Conflict("register version unreadable".into()))?;
        Ok((record, v))
    }

    pub async fn register_versions(&self, p: &Principal) -> Result<Vec<RegisterVersion>> {
        p.require(p.role.can_read_registers(), "read the registers")?;
        self.snapshot_register("catch_up").await?;
        Ok(self.store.register_versions().await?)
    }

    /// `kith serve` records its configuration, so the register's measures
    /// are the serving configuration's in every process (the CLI's too).
    pub async fn record_posture(&self) -> Result<()> {
        let body = serde_json::to_string(&self.settings.posture).unwrap_or_default();
        self.store.set_deployment_posture(&body).await?;
        self.register_changed("configuration").await;
        Ok(())
    }

    /// The technical and organisational measures (Art. 32), in words, from
    /// the serving configuration (this process's when none is recorded).
    pub async fn measures(&self) -> Result<Vec<String>> {
        let stored = self.store.deployment_posture().await?.and_then(|b| serde_json::from_str::<Posture>(&b).ok());
        let s = stored.as_ref().unwrap_or(&self.settings.posture);
        let mut m = vec![
            "Every personal value is encrypted with AES-256-GCM under a key of its own per person; the person's key is wrapped by the master key, and erasing the person destroys their key. Kept in clear, to find the people a breach affects: the country code of the address and which fields hold a value (never the values)".to_owned(),
            format!(
                "The master key is kept {}, apart from the database",
                if s.key_from_env { "in the server's environment (KITH_MASTER_KEY)" } else { "in a key file readable only by the service account (mode 0600)" }
            ),
            "Every read, change and export of personal data is recorded in a hash-chained audit trail (tampering is detected by `kith audit verify`)".to_owned(),
            "Consent is recorded in an append-only, hash-chained ledger with the notice version shown".to_owned(),
            "Access by role (admin, dpo, sales, marketing, support, readonly) with field-level visibility per role".to_owned(),
            "Backups hold personal values only sealed under each person's key; erasures are journalled so a restored backup cannot bring an erased person back".to_owned(),
            "Retention rules are enforced by a scheduled sweep; legal holds and restrictions suspend disposal".to_owned(),
        ];
        m.push(if s.secure_cookies {
            "Staff sessions only over HTTPS (Secure, __Host- cookies)".to_owned()
        } else {
            "Staff session cookies are not marked Secure: Kith is not configured as served over HTTPS".to_owned()
        });
        m.push(if s.require_second_factor {
            "Admins and DPOs must sign in with a second factor (TOTP)".to_owned()
        } else {
            "A second factor (TOTP) is available to staff but not required".to_owned()
        });
        if !s.engine.is_empty() {
            m.push(format!("Data is stored in {}", s.engine));
        }
        Ok(m)
    }
}
