//! A batch of rows decided against what Kith holds: new contacts to
//! write, matching ones updated, the suppressed rejected.

use super::row::Pending;
use super::{basis_source_name, describe, merge, ImportOptions, ImportReport, Outcome, ASK_AGAIN_TAG};
use crate::{App, AppError, Principal, Result};
use kith_domain::consent::BasisSource;
use kith_domain::crm_export::ClaimedBasis;
use kith_domain::{ConsentMethod, ContactData, Email, LawfulBasis, Provenance, PurposeId, SourceKind, SubjectId};
use kith_store::consent::{BasisRecord, ConsentWrite, NewConsentEvent};
use kith_store::contacts::ContactInput;
use kith_store::import::BatchExtras;
use std::collections::HashSet;

/// A batch decided: the contacts to create, their lines, the consent they
/// bring, their own bases and languages, and the lines that claimed
/// consent without its proof.
#[derive(Default)]
pub(super) struct Checked {
    pub(super) items: Vec<ContactInput>,
    pub(super) lines: Vec<u64>,
    pub(super) consents: Vec<NewConsentEvent>,
    pub(super) extras: BatchExtras,
    pub(super) claimed: HashSet<u64>,
}

/// The basis a row's lawful-basis column gives for `purpose`, from `export`.
fn row_basis(
    p: &Principal,
    purpose: PurposeId,
    export: &str,
    basis: LawfulBasis,
    now: time::OffsetDateTime,
) -> BasisRecord {
    BasisRecord {
        purpose,
        basis,
        source: BasisSource::Import,
        source_name: Some(format!("{} ({export})", basis_source_name())),
        // The old system's own assessment: the export is named as its source.
        lia_ref: (basis == LawfulBasis::LegitimateInterests).then(|| format!("{export}: assessment stated there")),
        effective_at: now,
        ends_at: None,
        set_by: p.author(),
        set_at: now,
    }
}

impl App {
    /// Decides each row of a batch against the suppression list and the
    /// contacts already in Kith; returns the contacts to write and their lines.
    pub(super) async fn check_batch(
        &self,
        p: &Principal,
        opts: &ImportOptions,
        batch: Vec<Pending>,
        row_basis_for: Option<(PurposeId, &'static str)>,
        report: &mut ImportReport,
        on_row: &mut impl FnMut(u64, &Outcome),
    ) -> Result<Checked> {
        let emails: Vec<&Email> = batch.iter().flat_map(|r| r.data.emails.iter()).collect();
        let suppressed: HashSet<String> =
            self.store.suppressed(&emails).await?.into_iter().map(|i| emails[i].lookup_key()).collect();
        let in_use = self.store.emails_in_use(&emails).await?;
        let now = time::OffsetDateTime::now_utc();
        let mut fresh = Vec::with_capacity(batch.len());
        let mut out = Checked::default();
        let consent = match (opts.basis, &opts.consent) {
            (Some((purpose, LawfulBasis::Consent)), Some(c)) => Some((purpose, c)),
            _ => None,
        };
        for r in batch {
            if r.keys.iter().any(|k| suppressed.contains(k)) {
                report.rejected += 1;
                on_row(
                    r.line,
                    &Outcome::Rejected(
                        "the address belongs to a person erased after unsubscribing (suppression list)".into(),
                    ),
                );
            } else if r.keys.iter().any(|k| in_use.contains_key(k)) {
                let mut holders: Vec<SubjectId> =
                    r.keys.iter().filter_map(|k| in_use.get(k)).flatten().copied().collect();
                holders.sort_unstable();
                holders.dedup();
                let outcome = match holders.as_slice() {
                    [one] => {
                        let c = consent.zip(r.consent.as_ref()).map(|((purpose, c), rc)| c.event(p, purpose, *one, rc));
                        self.update_from_row(p, opts, *one, &r.data, c).await?
                    }
                    _ => Outcome::Rejected("the addresses belong to several contacts in Kith: merge them first".into()),
                };
                match &outcome {
                    Outcome::Updated(_) => report.updated += 1,
                    Outcome::Skipped(_) => report.skipped += 1,
                    _ => report.rejected += 1,
                }
                on_row(r.line, &outcome);
            } else {
                fresh.push(r);
            }
        }
        // The companies the new rows name: found by name, or created once
        // (not in a dry run).
        let names: Vec<String> = fresh.iter().filter_map(|r| r.extras.company.clone()).collect();
        let companies = if opts.dry_run || names.is_empty() {
            Default::default()
        } else {
            self.store.companies_by_name(&p.ctx(), &names).await?
        };
        for r in fresh {
            let source = Provenance {
                kind: SourceKind::Import,
                reference: Some(opts.file_name.clone()),
                detail: Some(format!("line {}", r.line)),
                user: p.author(),
                at: now,
                created_in_source: r.extras.created_in_source,
            };
            let id = kith_domain::SubjectId::new();
            if let (Some((purpose, c)), Some(rc)) = (consent, r.consent.as_ref()) {
                out.consents.push(c.event(p, purpose, id, rc));
            }
            let mut tags: Vec<String> = r.extras.lifecycle_tag.into_iter().collect();
            if let (Some((purpose, export)), Some(claimed)) = (row_basis_for, r.extras.basis) {
                match claimed {
                    ClaimedBasis::Basis(b) => out.extras.bases.push((id.0, row_basis(p, purpose, export, b, now))),
                    // Consent without its proof is not consent: no basis, and
                    // the person is in the segment to ask again.
                    ClaimedBasis::Consent => {
                        tags.push(ASK_AGAIN_TAG.to_owned());
                        out.claimed.insert(r.line);
                    }
                    ClaimedBasis::None => {}
                }
            }
            if let Some(l) = r.extras.language {
                out.extras.languages.push((id.0, l));
            }
            let company =
                r.extras.company.as_deref().and_then(|n| companies.get(&kith_domain::normalize::fold(n.trim())));
            out.items.push(ContactInput {
                id,
                owner: None,
                company: company.copied(),
                tags,
                data: r.data,
                source: Some(source),
            });
            out.lines.push(r.line);
        }
        Ok(out)
    }

    /// A row matching one contact by email updates it: the file's values
    /// win for the fields it fills, addresses and phones are added, and the
    /// consent it carries is recorded. A restricted person is left alone.
    /// Audited with before and after.
    async fn update_from_row(
        &self,
        p: &Principal,
        opts: &ImportOptions,
        id: SubjectId,
        row: &ContactData,
        consent: Option<NewConsentEvent>,
    ) -> Result<Outcome> {
        let restricted = || Outcome::Skipped("processing of this contact is restricted (GDPR Art. 18)".into());
        if self.store.restricted_since(id).await?.is_some() {
            return Ok(restricted());
        }
        let Some(current) = self.store.get_contact(id).await? else {
            return Ok(Outcome::Skipped("the contact was deleted meanwhile".into()));
        };
        let (merged, mut fields) = merge(&current.data, row);
        // The same imported consent (same purpose, same original time) is on
        // record already: an import run again, or resumed, adds it once.
        let consent = match consent {
            Some(e) => {
                let on_record = self.store.consent_events(id).await?.iter().any(|x| {
                    x.purpose == e.purpose && x.method == ConsentMethod::Import && x.action == e.action && x.at == e.at
                });
                (!on_record).then_some(e)
            }
            None => None,
        };
        if fields.is_empty() && consent.is_none() {
            return Ok(Outcome::Skipped("already in Kith with the same values".into()));
        }
        if let Err(inv) = merged.validate() {
            return Ok(Outcome::Rejected(format!("merged with the contact in Kith: {}", describe(&inv))));
        }
        let gone = || Outcome::Skipped("the contact was deleted meanwhile".into());
        if !opts.dry_run && !fields.is_empty() {
            let updated = self
                .store
                .modify_contact(&p.ctx(), id, |c| {
                    let (data, _) = merge(&c.data, row);
                    Ok::<_, AppError>(ContactInput {
                        id: c.id,
                        owner: c.owner,
                        company: c.company,
                        tags: c.tags,
                        data,
                        source: None,
                    })
                })
                .await;
            match updated {
                Err(AppError::NotFound(_)) => return Ok(gone()),
                // Restricted since the check above: the store checks again under the lock.
                Err(AppError::Restricted) => return Ok(restricted()),
                r => r?,
            }
        }
        if let Some(event) = consent {
            if !opts.dry_run {
                let w = ConsentWrite {
                    events: vec![event],
                    consent_becomes_basis: Some((BasisSource::Import, Some(basis_source_name()))),
                    ..Default::default()
                };
                match self.store.write_consent(&p.ctx(), w).await {
                    Err(kith_store::StoreError::NotFound) => return Ok(gone()),
                    Err(kith_store::StoreError::Restricted) => return Ok(restricted()),
                    r => r?,
                };
            }
            fields.push("consent");
        }
        Ok(Outcome::Updated(fields.join(", ")))
    }
}
