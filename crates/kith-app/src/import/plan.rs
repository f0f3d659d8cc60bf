//! An import checked before its first row is read.

use super::{basis_source_name, map_headers, ConsentImport, ImportOptions, Target};
use crate::{App, AppError, Principal, Result};
use kith_domain::{Invalid, LawfulBasis, PurposeId};
use kith_store::consent::BasisRecord;

/// An import checked before its first row (see [`App::plan_import`]).
pub struct ImportPlan<'a> {
    pub(super) policy: kith_domain::policy::Policy,
    /// With the consent basis: its purpose and what holds for every row.
    pub(super) consent: Option<(PurposeId, &'a ConsentImport)>,
    /// Any other basis, as every imported contact gets it.
    pub(super) basis: Option<BasisRecord>,
    /// With a lawful-basis column: the purpose it is about, and the export
    /// it comes from ("HubSpot export"), named as the source of the
    /// legitimate-interest assessments it claims.
    pub(super) row_basis: Option<(PurposeId, &'static str)>,
    /// Every column and where it goes.
    pub mapping: Vec<(String, Option<Target>)>,
}

impl App {
    /// What an import of a file with these columns will do, or why it
    /// cannot (admin, dpo): the policy, the consent and basis chosen (the
    /// purpose and notice exist), and the mapping, which must fill a name,
    /// an email or a phone, and the proof of consent with the consent basis.
    /// Nothing is read or written.
    pub async fn plan_import<'a>(
        &self,
        p: &Principal,
        opts: &'a ImportOptions,
        headers: &[String],
    ) -> Result<ImportPlan<'a>> {
        p.require(p.role.can_manage_privacy(), "import contacts")?;
        let policy = self.store.field_policy().await?;
        // Consent comes with its proof, or not at all.
        let consent = match (opts.basis, &opts.consent) {
            (Some((purpose, LawfulBasis::Consent)), Some(c)) => {
                self.store.get_purpose(purpose).await?.ok_or(AppError::NotFound("purpose"))?;
                match c.notice {
                    Some(n) if self.store.get_notice(n).await?.is_some() => {}
                    Some(_) => return Err(Invalid::one("notice", "refers to a notice that does not exist").into()),
                    None => {
                        return Err(Invalid::one("notice", "imported consent must name the notice the people saw").into())
                    }
                }
                Some((purpose, c))
            }
            (Some((_, LawfulBasis::Consent)), None) => {
                return Err(Invalid::one(
                    "basis",
                    "consent is imported only with its proof: name the notice the people saw, and map the consent_at and consent_evidence columns",
                )
                .into())
            }
            _ => None,
        };
        let basis = match opts.basis.filter(|(_, b)| *b != LawfulBasis::Consent) {
            Some((purpose, basis)) => {
                self.store.get_purpose(purpose).await?.ok_or(AppError::NotFound("purpose"))?;
                let now = time::OffsetDateTime::now_utc();
                Some(BasisRecord {
                    purpose,
                    basis,
                    source: kith_domain::consent::BasisSource::Import,
                    source_name: Some(basis_source_name()),
                    lia_ref: None,
                    effective_at: now,
                    ends_at: None,
                    set_by: p.author(),
                    set_at: now,
                })
            }
            None => None,
        };
        let mapping = map_headers(headers, &opts.mapping);
        if !mapping.iter().any(|(_, t)| {
            matches!(t, Some(Target::Email | Target::Phone | Target::FirstName | Target::LastName | Target::FullName))
        }) {
            return Err(Invalid::one(
                "mapping",
                "no column holds a name, an email or a phone: map one with header=field",
            )
            .into());
        }
        let mapped = |t: Target| mapping.iter().any(|(_, m)| m.as_ref() == Some(&t));
        match consent {
            Some((_, c)) => {
                let mut missing = Vec::new();
                if !mapped(Target::ConsentAt) {
                    missing.push("consent_at (when each person consented)");
                }
                if !mapped(Target::ConsentEvidence) {
                    missing.push("consent_evidence (the original record of it)");
                }
                if !mapped(Target::ConsentAct) && c.affirmative_act.as_deref().is_none_or(|a| a.trim().is_empty()) {
                    missing.push("consent_act, or say once what the people did to consent");
                }
                if !mapped(Target::ConsentChannels) && c.channels.is_empty() {
                    missing.push("consent_channels, or choose the channels consented to");
                }
                if !missing.is_empty() {
                    return Err(Invalid::one(
                        "mapping",
                        format!("imported consent needs its proof: map {}", missing.join("; ")),
                    )
                    .into());
                }
            }
            None => {
                if let Some((h, _)) = mapping.iter().find(|(_, t)| t.as_ref().is_some_and(Target::is_consent)) {
                    return Err(Invalid::one(
                        "mapping",
                        format!(
                            "the column {h:?} is part of a consent's proof: import consent with the basis consent, or map the column to - to ignore it"
                        ),
                    )
                    .into());
                }
            }
        }
        let row_basis = match (mapping.iter().find(|(_, t)| *t == Some(Target::LawfulBasis)), opts.basis_purpose) {
            (Some((header, _)), Some(purpose)) => {
                self.store.get_purpose(purpose).await?.ok_or(AppError::NotFound("purpose"))?;
                if opts.basis.is_some_and(|(p, _)| p == purpose) {
                    return Err(Invalid::one(
                        "basis_purpose",
                        "the file's lawful-basis column and the basis chosen for every row are for the same purpose: choose one",
                    )
                    .into());
                }
                Some((purpose, kith_domain::crm_export::export_name(header)))
            }
            (Some((header, _)), None) => {
                return Err(Invalid::one(
                    "basis_purpose",
                    format!(
                        "the column {header:?} holds each person's lawful basis: choose the purpose it is for, or map the column to - to ignore it"
                    ),
                )
                .into())
            }
            (None, Some(_)) => {
                return Err(Invalid::one(
                    "basis_purpose",
                    "no column holds a lawful basis: map one to lawful_basis, or choose no purpose for it",
                )
                .into())
            }
            (None, None) => None,
        };
        Ok(ImportPlan { policy, consent, basis, row_basis, mapping })
    }
}
