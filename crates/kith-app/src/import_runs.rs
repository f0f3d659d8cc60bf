//! Imports from the upload page, run in the background: the file is kept
//! sealed until it is imported, discarded or a day old; its columns are
//! mapped before anything runs; a check or an import runs as a task whose
//! progress (bytes read, counts, last line written) is saved every second,
//! so any server can show it and an interrupted import resumes after the
//! last line written.

use crate::import::{map_headers, ConsentImport, ImportOptions, Outcome, Target};
use crate::{App, AppError, Principal, Result};
use kith_domain::{Channel, Invalid, LawfulBasis, PurposeId};
pub use kith_store::import_runs::{phase, ImportRun, Progress, RunLine};
use serde::{Deserialize, Serialize};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use time::{Duration, OffsetDateTime};
use uuid::Uuid;

/// A running pass whose heartbeat is older than this has stopped.
pub const STALE: Duration = Duration::seconds(30);
/// Uploaded files are dropped after this.
pub const KEEP_FILE: Duration = Duration::hours(24);
/// Lines kept per pass besides the created ones.
pub const MAX_LINES: usize = 1000;

/// What staff chose for a file, stored with it (no personal data: column
/// names, field names, ids and the wording of the consent act).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RunOptions {
    /// Every column, in order, and the field it goes to (`None`: ignored).
    pub mapping: Vec<(String, Option<String>)>,
    pub purpose: Option<PurposeId>,
    pub basis: Option<LawfulBasis>,
    pub notice: Option<Uuid>,
    pub channels: Vec<Channel>,
    pub affirmative_act: Option<String>,
}

impl RunOptions {
    /// The import's options for a pass over `file_name`.
    fn import(&self, file_name: &str, dry_run: bool, resume_after_line: u64) -> Result<ImportOptions> {
        let mut mapping = Vec::with_capacity(self.mapping.len());
        for (h, t) in &self.mapping {
            let t =
                match t {
                    Some(name) => Some(Target::parse(name).ok_or_else(|| {
                        Invalid::one("mapping", format!("the column {h:?} names no field Kith imports"))
                    })?),
                    None => None,
                };
            mapping.push((h.clone(), t));
        }
        let basis = match (self.purpose, self.basis) {
            (Some(p), Some(b)) => Some((p, b)),
            (None, None) => None,
            _ => return Err(Invalid::one("basis", "choose a purpose and a lawful basis, or neither").into()),
        };
        Ok(ImportOptions {
            file_name: file_name.to_owned(),
            dry_run,
            mapping,
            basis,
            consent: (self.basis == Some(LawfulBasis::Consent)).then(|| ConsentImport {
                notice: self.notice,
                channels: self.channels.clone(),
                affirmative_act: self.affirmative_act.clone().filter(|a| !a.trim().is_empty()),
            }),
            resume_after_line,
            batch: 0,
        })
    }

    fn to_json(&self) -> String {
        serde_json::to_string(self).expect("options serialise")
    }

    /// The options stored with a run.
    pub fn of(run: &ImportRun) -> RunOptions {
        serde_json::from_str(&run.options).unwrap_or_default()
    }
}

/// A run as the page shows it.
#[derive(Clone, Debug)]
pub struct RunView {
    pub run: ImportRun,
    pub options: RunOptions,
    /// Running now (a heartbeat within [`STALE`]).
    pub running: bool,
    /// Was running, but its heartbeat stopped: resumable if the file is kept.
    pub interrupted: bool,
    pub lines: Vec<RunLine>,
}

/// The imports running in this process.
pub(crate) type Running = Arc<Mutex<std::collections::HashMap<Uuid, Arc<Live>>>>;

/// Counts as rows are decided, shared with the task that saves them and
/// with the page.
#[derive(Default)]
pub(crate) struct Live {
    read: AtomicU64,
    progress: Mutex<Progress>,
    lines: Mutex<Vec<RunLine>>,
}

/// Counts the bytes the import reads.
struct Counting<R> {
    inner: R,
    live: Arc<Live>,
}

impl<R: std::io::Read> std::io::Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.live.read.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

impl Live {
    fn snapshot(&self) -> Progress {
        let mut p = *self.progress.lock().unwrap_or_else(|e| e.into_inner());
        p.read_bytes += self.read.load(Ordering::Relaxed) as i64;
        p
    }
}

impl App {
    /// Keeps an uploaded file (sealed) for mapping, checking and importing;
    /// its columns are read and mapped at once (admin, dpo).
    pub async fn upload_import(&self, p: &Principal, file_name: &str, file: &[u8]) -> Result<Uuid> {
        p.require(p.role.can_manage_privacy(), "import contacts")?;
        let name: String = file_name.trim().chars().take(200).collect();
        if file.is_empty() {
            return Err(Invalid::one("file", "the file is empty: choose a CSV file").into());
        }
        let headers = crate::import::headers(file)?;
        let options = RunOptions {
            mapping: map_headers(&headers, &[]).into_iter().map(|(h, t)| (h, t.as_ref().map(Target::name))).collect(),
            ..Default::default()
        };
        let now = OffsetDateTime::now_utc();
        self.store.discard_import_files(&p.ctx(), None, now - KEEP_FILE, now - STALE).await?;
        let id = Uuid::now_v7();
        self.store
            .insert_import_run(
                &p.ctx(),
                id,
                p.author(),
                if name.is_empty() { "upload.csv" } else { &name },
                file,
                &options.to_json(),
            )
            .await?;
        Ok(id)
    }

    /// A run with the lines of its latest pass (admin, dpo).
    pub async fn import_run(&self, p: &Principal, id: Uuid) -> Result<RunView> {
        p.require(p.role.can_manage_privacy(), "import contacts")?;
        let run = self.store.import_run(id).await?.ok_or(AppError::NotFound("import"))?;
        let lines = self.store.import_run_lines(id, MAX_LINES as i64).await?;
        let mut v = view(run, lines);
        // Running here: the counts as they are, not as last saved.
        if let Some(live) = self.imports.lock().unwrap_or_else(|e| e.into_inner()).get(&id) {
            v.run.progress = live.snapshot();
            v.running = true;
            v.interrupted = false;
        }
        Ok(v)
    }

    /// The newest runs (admin, dpo).
    pub async fn import_runs(&self, p: &Principal) -> Result<Vec<RunView>> {
        p.require(p.role.can_manage_privacy(), "import contacts")?;
        Ok(self.store.import_runs(20).await?.into_iter().map(|r| view(r, vec![])).collect())
    }

    /// Drops a run's file (admin, dpo); refused while it runs.
    pub async fn discard_import(&self, p: &Principal, id: Uuid) -> Result<()> {
        p.require(p.role.can_manage_privacy(), "import contacts")?;
        let now = OffsetDateTime::now_utc();
        let run = self.store.import_run(id).await?.ok_or(AppError::NotFound("import"))?;
        if !run.has_file {
            return Ok(());
        }
        if self.store.discard_import_files(&p.ctx(), Some(id), now + Duration::seconds(1), now - STALE).await? == 0 {
            return Err(AppError::Conflict("the import is running: wait for it to finish".into()));
        }
        Ok(())
    }

    /// Starts a check (`dry_run`) or an import of a kept file with
    /// `options`, in the background; `resume` continues an interrupted
    /// import after its last line written. Options that cannot work are
    /// refused before anything starts.
    pub async fn start_import(
        &self,
        p: &Principal,
        id: Uuid,
        dry_run: bool,
        options: RunOptions,
        resume: bool,
    ) -> Result<()> {
        p.require(p.role.can_manage_privacy(), "import contacts")?;
        let run = self.store.import_run(id).await?.ok_or(AppError::NotFound("import"))?;
        if !run.has_file {
            return Err(AppError::Conflict("the file is no longer kept: upload it again".into()));
        }
        // An interrupted check starts again; an interrupted import resumes
        // after its last line written, with the options it ran with.
        let dry_run = if resume { run.dry_run } else { dry_run };
        let resume = resume && !run.dry_run;
        let options = if resume { RunOptions::of(&run) } else { options };
        let resume_after = if resume { run.progress.last_line.max(0) as u64 } else { 0 };
        let import_opts = options.import(&run.file_name, dry_run, resume_after)?;
        let now = OffsetDateTime::now_utc();
        if !self.store.claim_import_run(&p.ctx(), id, dry_run, &options.to_json(), resume, now - STALE).await? {
            return Err(AppError::Conflict("the import is running already".into()));
        }
        let base = if resume { run.progress } else { Progress::default() };
        let (app, p) = (self.clone(), p.clone());
        tokio::spawn(async move { app.run_import(&p, id, import_opts, options, base).await });
        Ok(())
    }

    /// One pass, saving progress every second and the outcome at the end.
    async fn run_import(&self, p: &Principal, id: Uuid, opts: ImportOptions, mut options: RunOptions, base: Progress) {
        let live = Arc::new(Live { progress: Mutex::new(Progress { read_bytes: 0, ..base }), ..Default::default() });
        self.imports.lock().unwrap_or_else(|e| e.into_inner()).insert(id, live.clone());
        let ticker = {
            let (store, live) = (self.store.clone(), live.clone());
            tokio::spawn(async move {
                let mut every = tokio::time::interval(std::time::Duration::from_secs(1));
                loop {
                    every.tick().await;
                    // A failed save only delays the progress shown.
                    let _ = store.save_import_progress(id, &live.snapshot()).await;
                }
            })
        };
        let result = match self.store.import_run_file(id).await {
            Ok(Some(file)) => {
                let input = Counting { inner: std::io::Cursor::new(file), live: live.clone() };
                let dry_run = opts.dry_run;
                self.import_contacts(p, input, &opts, |line, o| {
                    let mut pr = live.progress.lock().unwrap_or_else(|e| e.into_inner());
                    let (word, why) = match o {
                        Outcome::Created => {
                            pr.created += 1;
                            pr.last_line = pr.last_line.max(line as i64);
                            return;
                        }
                        Outcome::Updated(w) => {
                            pr.updated += 1;
                            (if dry_run { "would update" } else { "updated" }, w)
                        }
                        Outcome::Skipped(w) => {
                            pr.skipped += 1;
                            ("skipped", w)
                        }
                        Outcome::Rejected(w) => {
                            pr.rejected += 1;
                            ("rejected", w)
                        }
                    };
                    let mut lines = live.lines.lock().unwrap_or_else(|e| e.into_inner());
                    if lines.len() < MAX_LINES {
                        lines.push(RunLine { line: line as i64, outcome: word.into(), reason: why.clone() });
                    }
                })
                .await
            }
            Ok(None) => Err(AppError::Conflict("the file is no longer kept: upload it again".into())),
            Err(e) => Err(e.into()),
        };
        ticker.abort();
        let mut progress = live.snapshot();
        let (phase, error) = match result {
            Ok(report) => {
                options.mapping =
                    report.mapping.iter().map(|(h, t)| (h.clone(), t.as_ref().map(Target::name))).collect();
                progress.last_line = progress.last_line.max(report.last_line as i64);
                (if opts.dry_run { phase::CHECKED } else { phase::IMPORTED }, None)
            }
            Err(AppError::Invalid(inv)) => {
                (phase::FAILED, Some(inv.0.iter().map(|e| e.message.clone()).collect::<Vec<_>>().join("; ")))
            }
            Err(AppError::Conflict(m)) => (phase::FAILED, Some(m)),
            Err(e) => {
                tracing::warn!(run = %id, error = %e, "import stopped");
                (phase::FAILED, Some("the import stopped on an internal error; resume it to continue".to_owned()))
            }
        };
        let mut lines = std::mem::take(&mut *live.lines.lock().unwrap_or_else(|e| e.into_inner()));
        lines.sort_by_key(|l| l.line);
        if let Err(e) =
            self.store.finish_import_run(id, &progress, phase, error.as_deref(), &options.to_json(), &lines).await
        {
            // The heartbeat stops: the page shows the run as interrupted, resumable.
            tracing::warn!(run = %id, error = %e, "saving the end of an import failed");
        }
        self.imports.lock().unwrap_or_else(|e| e.into_inner()).remove(&id);
    }
}

fn view(run: ImportRun, lines: Vec<RunLine>) -> RunView {
    let alive = run.heartbeat > OffsetDateTime::now_utc() - STALE;
    let is_running = run.phase == phase::RUNNING;
    RunView {
        options: RunOptions::of(&run),
        running: is_running && alive,
        interrupted: is_running && !alive,
        run,
        lines,
    }
}
