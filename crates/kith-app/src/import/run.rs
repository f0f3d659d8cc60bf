//! The run of an import: rows read, checked and batched, each batch
//! sealed while the one before is written.

use super::file::{newlines, open_csv};
use super::row::{row_data, Pending};
use super::{
    basis_source_name, describe, ImportOptions, ImportPlan, ImportReport, Outcome, Target, BATCH, CONSENT_BATCH,
};
use crate::{App, AppError, Principal, Result};
use kith_domain::Invalid;
use std::collections::HashSet;
use std::io::Read;

impl App {
    /// Imports contacts from CSV (admin, dpo). `on_row` hears every row's
    /// outcome by line number, as it is decided (in a real run, once its
    /// batch is written).
    pub async fn import_contacts<R: Read + Send>(
        &self,
        p: &Principal,
        input: R,
        opts: &ImportOptions,
        mut on_row: impl FnMut(u64, &Outcome) + Send,
    ) -> Result<ImportReport> {
        let (mut reader, lines, headers) = open_csv(input)?;
        let ImportPlan { policy, consent, basis, row_basis, mapping } = self.plan_import(p, opts, &headers).await?;
        let targets: Vec<Option<Target>> = mapping.iter().map(|(_, t)| t.clone()).collect();
        let now = time::OffsetDateTime::now_utc();
        let mut report = ImportReport { mapping: mapping.clone(), dry_run: opts.dry_run, ..Default::default() };
        // Keyed hashes of the addresses seen so far in the file.
        let mut seen: HashSet<u64> = HashSet::new();
        let batch_size = if opts.batch == 0 { BATCH } else { opts.batch };
        // A consent batch holds the ledger and audit heads while it is
        // written: smaller transactions keep other writers waiting less
        // (5,000 rows hold them about a quarter of a second).
        let batch_size = if consent.is_some() { batch_size.min(CONSENT_BATCH) } else { batch_size };
        let mut batch: Vec<Pending> = Vec::with_capacity(batch_size);
        let mut record = csv::ByteRecord::new();
        let mut writing: Option<Writing> = None;
        let mut read_since_yield = 0u32;
        // The line of the last record read (a batch covers the lines up to it).
        let mut last_read = opts.resume_after_line;
        let run: Result<()> = async {
            loop {
                // Reading and checking rows is plain computation: let the
                // server's other tasks (pages, the progress saver) run now and then.
                read_since_yield += 1;
                if read_since_yield == 1024 {
                    read_since_yield = 0;
                    tokio::task::yield_now().await;
                }
                // The line a record ends on: the one holding the byte before the reader's position.
                let end_line = |reader: &csv::Reader<_>| {
                    lines.lock().unwrap_or_else(|e| e.into_inner()).line_of(reader.position().byte().saturating_sub(1))
                };
                let more = match reader.read_byte_record(&mut record) {
                    Ok(more) => more,
                    // Byte records of a flexible reader fail only when the file
                    // cannot be read; the batches before stand, resumable.
                    Err(_) => {
                        let line = end_line(&reader);
                        return Err(Invalid::one(
                            "file",
                            format!(
                                "could not be read after line {line}; {} rows were imported before it",
                                report.created
                            ),
                        )
                        .into());
                    }
                };
                if more {
                    let inner_newlines = record.iter().map(newlines).sum::<u64>();
                    let line = end_line(&reader).saturating_sub(inner_newlines);
                    if record.iter().all(|f| f.iter().all(u8::is_ascii_whitespace)) {
                        continue;
                    }
                    // Lines a resumed import already did are only read for the
                    // addresses they took, so that a later line repeating one is
                    // rejected as in a run that was never interrupted.
                    let done_before = line <= opts.resume_after_line;
                    if !done_before {
                        last_read = line;
                    }
                    let fields: std::result::Result<Vec<String>, _> =
                        record.iter().map(|f| String::from_utf8(f.to_vec())).collect();
                    let outcome = match fields {
                        Err(_) => Some("the line is not valid UTF-8".to_owned()),
                        Ok(fields) => match row_data(&fields, &targets).and_then(|(mut d, raw, extras)| {
                            policy.check(&mut d).map_err(|inv| describe(&inv))?;
                            let c = consent.map(|(_, c)| c.row(&raw, now)).transpose()?;
                            Ok((d, c, extras))
                        }) {
                            Err(why) => Some(why),
                            Ok((data, row_consent, extras)) => {
                                let keys: Vec<String> = data.emails.iter().map(|e| e.lookup_key()).collect();
                                let hashes: Vec<u64> = keys
                                    .iter()
                                    .map(|k| {
                                        let h = self.store.vault().keyed_hash("import-duplicate", k);
                                        u64::from_be_bytes(h[..8].try_into().expect("HMAC-SHA256 is 32 bytes"))
                                    })
                                    .collect();
                                if hashes.iter().any(|h| seen.contains(h)) {
                                    Some("the same email address is on an earlier line of the file".to_owned())
                                } else {
                                    seen.extend(hashes);
                                    if !done_before {
                                        batch.push(Pending { line, data, keys, consent: row_consent, extras });
                                    }
                                    None
                                }
                            }
                        },
                    };
                    if let Some(why) = outcome.filter(|_| !done_before) {
                        report.rejected += 1;
                        on_row(line, &Outcome::Rejected(why));
                    }
                }
                if batch.len() >= batch_size || (!more && !batch.is_empty()) {
                    // A pass that lost its run updates no one (the batch's own
                    // transaction checks again for the contacts it creates).
                    if let Some((run, pass)) = opts.pass {
                        if !self.store.import_pass_holds(run, pass).await? {
                            return Err(AppError::Conflict(
                                "the import no longer holds its file: it was resumed elsewhere or dropped".into(),
                            ));
                        }
                    }
                    let checked = self
                        .check_batch(p, opts, std::mem::take(&mut batch), row_basis, &mut report, &mut on_row)
                        .await?;
                    let (items, lines, consents, extras, claimed) =
                        (checked.items, checked.lines, checked.consents, checked.extras, checked.claimed);
                    // Sealed and indexed before waiting for the batch being written
                    // (on a blocking thread, not holding up the server's tasks), so
                    // one batch is written while the next is read, checked and sealed.
                    let prepared = if opts.dry_run || items.is_empty() {
                        None
                    } else {
                        let store = self.store.clone();
                        let batch = tokio::task::spawn_blocking(move || store.prepare_new(items))
                            .await
                            .map_err(|_| AppError::Unavailable)??;
                        Some(batch)
                    };
                    finish(&mut writing, &mut report, &mut on_row).await?;
                    let write = prepared.map(|batch| {
                        let (store, ctx, basis, pass) = (self.store.clone(), p.ctx(), basis.clone(), opts.pass);
                        let source = basis_source_name();
                        tokio::spawn(async move {
                            store
                                .insert_import_batch(&ctx, pass, &batch, basis.as_ref(), &consents, &source, &extras)
                                .await
                        })
                    });
                    writing = Some((write, lines, claimed, last_read));
                }
                if !more {
                    break;
                }
            }
            Ok(())
        }
        .await;
        // Whatever stopped the run, the batch being written is waited for,
        // so the count and the last line done are true.
        let end = finish(&mut writing, &mut report, &mut on_row).await;
        match run.and(end) {
            Ok(()) => Ok(report),
            Err(e) if report.created == 0 || report.dry_run => Err(e),
            Err(e) => Err(AppError::Conflict(format!(
                "the import stopped ({e}) after {} contacts were written; every line up to {} is done: resume after that line",
                report.created, report.last_line
            ))),
        }
    }
}

/// A batch being written (none in a dry run), its lines, those that claimed
/// consent without proof, and the last line it covers.
type Writing =
    (Option<tokio::task::JoinHandle<std::result::Result<(), kith_store::StoreError>>>, Vec<u64>, HashSet<u64>, u64);

/// Waits for the batch being written, then reports its lines as created.
async fn finish(
    writing: &mut Option<Writing>,
    report: &mut ImportReport,
    on_row: &mut impl FnMut(u64, &Outcome),
) -> Result<()> {
    let Some((write, lines, claimed, through)) = writing.take() else { return Ok(()) };
    if let Some(w) = write {
        w.await.map_err(|_| AppError::Unavailable)??;
    }
    for l in &lines {
        on_row(*l, &Outcome::Created);
        if claimed.contains(l) {
            on_row(*l, &Outcome::ConsentClaimed);
        }
    }
    report.consent_claimed += claimed.len() as u64;
    report.created += lines.len() as u64;
    report.last_line = report.last_line.max(through);
    on_row(through, &Outcome::Through);
    Ok(())
}
