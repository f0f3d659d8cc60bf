//! The evidence pack for a supervisory authority: one signed archive with
//! the record of processing as of a date (CSV, print HTML, DPV JSON-LD),
//! the DPIAs, the recipients with their agreements and transfers, consent
//! summarised per purpose with the notices' texts and hashes, the request
//! log, the breach register and its notices, retention runs, the heads of
//! the audit chain and the consent ledger, and a signed manifest.
//!
//! People appear only as pseudonyms (HMAC-SHA-256 under a key derived
//! from the master key, [`kith_store::Vault::evidence_pseudonym`]) and in
//! counts. The format is `docs/evidence-pack.md`.

pub mod archive;
pub mod seal;
mod sections;

pub use seal::{verify, Manifest, Verified, KEY_ID};

use crate::{App, AppError, Principal, Result};
use kith_domain::ropa::Record;
use kith_domain::Invalid;
use kith_store::audit::NewEntry;
use kith_store::registers::RegisterVersion;
use time::OffsetDateTime;
use uuid::Uuid;

/// Renders the print-ready HTML of a record (the staff pages' template,
/// which lives above this layer): record, version, the as-of day.
pub type PrintRegister = fn(Record, RegisterVersion, &str) -> std::result::Result<String, String>;

/// What to put in a pack. `as_of` defaults to now; `purposes` (names or
/// ids) restrict the purpose-bound sections (all when empty); `from` and
/// `to` restrict the event logs (requests received, consent events,
/// breaches, retention runs) to a period.
#[derive(Clone, Debug, Default)]
pub struct EvidenceRequest {
    pub as_of: Option<OffsetDateTime>,
    pub purposes: Vec<String>,
    pub from: Option<OffsetDateTime>,
    pub to: Option<OffsetDateTime>,
}

/// A pack made: its bytes and what its manifest says.
#[derive(Clone, Debug)]
pub struct Pack {
    pub id: Uuid,
    pub bytes: Vec<u8>,
    pub file_name: String,
}

/// The request, checked: the moments resolved and purposes looked up.
pub(crate) struct Scope {
    pub as_of: OffsetDateTime,
    pub from: Option<OffsetDateTime>,
    pub to: OffsetDateTime,
    /// (id, name); empty = every purpose.
    pub purposes: Vec<(kith_domain::PurposeId, String)>,
}

impl Scope {
    pub(crate) fn start_ms(&self) -> i64 {
        self.from.map(kith_store::to_ms).unwrap_or(i64::MIN / 2)
    }

    pub(crate) fn end_ms(&self) -> i64 {
        kith_store::to_ms(self.to)
    }

    pub(crate) fn as_of_ms(&self) -> i64 {
        kith_store::to_ms(self.as_of)
    }

    /// Whether a purpose is in scope.
    pub(crate) fn covers(&self, p: kith_domain::PurposeId) -> bool {
        self.purposes.is_empty() || self.purposes.iter().any(|(id, _)| *id == p)
    }

    pub(crate) fn json(&self) -> serde_json::Value {
        serde_json::json!({
            "purposes": self.purposes.iter().map(|(id, n)| serde_json::json!({"id": id, "name": n})).collect::<Vec<_>>(),
            "from": self.from.map(rfc3339),
            "to": rfc3339(self.to),
        })
    }
}

/// A day (YYYY-MM-DD, UTC) as a moment: its first millisecond, or with
/// `end` its last. `field` names the input in the error.
pub fn parse_day(field: &str, v: &str, end: bool) -> std::result::Result<OffsetDateTime, Invalid> {
    let bad = || Invalid::one(field, "must be a date such as 2026-06-30");
    let day =
        time::Date::parse(v.trim(), time::macros::format_description!("[year]-[month]-[day]")).map_err(|_| bad())?;
    if !end {
        return Ok(day.midnight().assume_utc());
    }
    let next = day.next_day().ok_or_else(bad)?;
    Ok(next.midnight().assume_utc() - time::Duration::milliseconds(1))
}

/// What the Evidence page shows besides its form.
#[derive(Clone, Debug)]
pub struct Overview {
    /// The RFC 7638 thumbprint of the signing key.
    pub thumbprint: String,
    /// (id, name) of every purpose, for the scope.
    pub purposes: Vec<(kith_domain::PurposeId, String)>,
}

pub(crate) fn rfc3339(t: OffsetDateTime) -> String {
    crate::receipts::rfc3339(t)
}

impl App {
    /// The public key that verifies evidence packs, as a JWK (published at
    /// `/.well-known/kith-evidence-key.json`).
    pub fn evidence_public_jwk(&self) -> serde_json::Value {
        crate::receipts::public_jwk(&self.store.vault().evidence_signer(), KEY_ID)
    }

    /// The RFC 7638 thumbprint of the evidence key (what staff read out to
    /// an auditor comparing keys).
    pub fn evidence_key_thumbprint(&self) -> String {
        seal::thumbprint(&seal::public_key(&self.store.vault().evidence_signer()))
    }

    /// This deployment's evidence public key, raw (for [`verify`]).
    pub fn evidence_public_key(&self) -> Vec<u8> {
        seal::public_key(&self.store.vault().evidence_signer())
    }

    /// The Evidence page's facts (dpo, admin).
    pub async fn evidence_overview(&self, p: &Principal) -> Result<Overview> {
        p.require(p.role.can_manage_privacy(), "build evidence packs")?;
        let purposes = self.store.purposes().await?.into_iter().map(|p| (p.id, p.name)).collect();
        Ok(Overview { thumbprint: self.evidence_key_thumbprint(), purposes })
    }

    /// Builds a signed evidence pack (dpo, admin). The audit entry
    /// `evidence.pack` names the pack's id, never what is in it, and is
    /// written first, so the audit head the pack records covers it.
    pub async fn evidence_pack(&self, p: &Principal, req: &EvidenceRequest, print: PrintRegister) -> Result<Pack> {
        p.require(p.role.can_manage_privacy(), "build evidence packs")?;
        // The register catches up first, so a pack as of now holds the record as it is now.
        self.snapshot_register("catch_up").await?;
        let scope = self.evidence_scope(req).await?;
        let id = Uuid::now_v7();
        self.store.audit(&p.ctx(), &[NewEntry::object("evidence.pack", "evidence_pack", id)]).await?;
        let files = self.evidence_files(&scope, print).await?;
        let controller = self.controller_identity().await?.name;
        let generated_at = OffsetDateTime::now_utc();
        let manifest = Manifest {
            format: seal::FORMAT.to_owned(),
            pack_id: id,
            generated_at: rfc3339(generated_at),
            as_of: rfc3339(scope.as_of),
            scope: scope.json(),
            controller,
            kith_version: env!("CARGO_PKG_VERSION").to_owned(),
            key_id: KEY_ID.to_owned(),
            files: vec![],
        };
        let bytes = seal::seal(&self.store.vault().evidence_signer(), manifest, files)
            .map_err(|e| AppError::Conflict(format!("the evidence pack could not be made: {e}")))?;
        let day = scope.as_of.date();
        Ok(Pack { id, bytes, file_name: format!("kith-evidence-{day}.zip") })
    }

    /// Checks the request: `as_of` not in the future (a day's end is taken
    /// as now), `from` before `to`, `to` not after `as_of`, purposes known.
    async fn evidence_scope(&self, req: &EvidenceRequest) -> Result<Scope> {
        let now = OffsetDateTime::now_utc();
        let mut inv = Invalid::default();
        let as_of = match req.as_of {
            Some(t) if t.date() > now.date() => {
                inv.push("as_of", "must not be after today");
                now
            }
            Some(t) => t.min(now),
            None => now,
        };
        let to = req.to.map(|t| t.min(as_of)).unwrap_or(as_of);
        if let Some(from) = req.from {
            if from > to {
                inv.push("from", "must be before the end of the period (and the as-of date)");
            }
        }
        let all = self.store.purposes().await?;
        let mut purposes = Vec::new();
        for want in &req.purposes {
            let want = want.trim();
            match all.iter().find(|p| p.name == want || p.id.0.to_string() == want) {
                Some(p) if !purposes.iter().any(|(id, _)| *id == p.id) => purposes.push((p.id, p.name.clone())),
                Some(_) => {}
                None => inv.push("purposes", "names a purpose that does not exist"),
            }
        }
        if !inv.0.is_empty() {
            return Err(AppError::Invalid(inv));
        }
        Ok(Scope { as_of, from: req.from, to, purposes })
    }

    /// A pseudonym for a data subject in a pack.
    pub(crate) fn subject_pseudonym(&self, id: Uuid) -> String {
        self.store.vault().evidence_pseudonym("subject", id.as_bytes())
    }

    /// An actor as packs name it: staff pseudonymised, `cli` and `system` as they are.
    pub(crate) fn actor_pseudonym(&self, actor: &str) -> String {
        match actor.strip_prefix("user:").and_then(|u| Uuid::parse_str(u).ok()) {
            Some(u) => format!("staff:{}", self.store.vault().evidence_pseudonym("staff", u.as_bytes())),
            None if matches!(actor, "cli" | "system" | "schedule") => actor.to_owned(),
            None => format!("other:{}", self.store.vault().evidence_pseudonym("actor", actor.as_bytes())),
        }
    }
}
