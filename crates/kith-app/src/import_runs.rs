//! Imports from the upload page, run in the background: the file is kept
//! sealed until it is imported, discarded, a day old or a contact is
//! erased; its columns are mapped before anything runs; a check or an import runs as a task whose
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
    /// The purpose the file's lawful-basis column is about.
    #[serde(default)]
    pub basis_purpose: Option<PurposeId>,
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
            basis_purpose: self.basis_purpose,
            resume_after_line,
            batch: 0,
            pass: None,
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
    counts: Mutex<Counts>,
    lines: Mutex<Vec<RunLine>>,
}

/// The counts of a pass: as they are, and as far as it is done (what a
/// resumed pass starts from).
#[derive(Default)]
struct Counts {
    now: Progress,
    done: Progress,
    /// Outcomes of lines after `done.last_line`: (line, which count).
    pending: Vec<(i64, Kind)>,
}

#[derive(Clone, Copy)]
enum Kind {
    Created,
    Updated,
    Skipped,
    Rejected,
    ConsentClaimed,
}

fn add(p: &mut Progress, k: Kind) {
    match k {
        Kind::Created => p.created += 1,
        Kind::Updated => p.updated += 1,
        Kind::Skipped => p.skipped += 1,
        Kind::Rejected => p.rejected += 1,
        Kind::ConsentClaimed => p.consent_claimed += 1,
    }
}

impl Counts {
    fn outcome(&mut self, line: i64, k: Kind) {
        add(&mut self.now, k);
        self.pending.push((line, k));
    }

    /// Every line up to `line` is done.
    fn through(&mut self, line: i64) {
        let mut done = self.done;
        self.pending.retain(|(l, k)| {
            if *l <= line {
                add(&mut done, *k);
            }
            *l > line
        });
        done.last_line = done.last_line.max(line);
        self.done = done;
        self.now.last_line = done.last_line;
    }
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
    fn counts(&self) -> std::sync::MutexGuard<'_, Counts> {
        self.counts.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The counts as they are, for the page.
    fn snapshot(&self) -> Progress {
        Progress { read_bytes: self.read.load(Ordering::Relaxed) as i64, ..self.counts().now }
    }

    /// The counts as far as the pass is done, for the store.
    fn done(&self) -> Progress {
        Progress { read_bytes: self.read.load(Ordering::Relaxed) as i64, ..self.counts().done }
    }

    fn on_row(&self, line: u64, o: &Outcome, dry_run: bool) {
        let line = line as i64;
        let kind = match o {
            Outcome::Through => return self.counts().through(line),
            Outcome::Created => return self.counts().outcome(line, Kind::Created),
            Outcome::ConsentClaimed => return self.counts().outcome(line, Kind::ConsentClaimed),
            Outcome::Updated(_) => Kind::Updated,
            Outcome::Skipped(_) => Kind::Skipped,
            Outcome::Rejected(_) => Kind::Rejected,
        };
        self.counts().outcome(line, kind);
        let mut lines = self.lines.lock().unwrap_or_else(|e| e.into_inner());
        if lines.len() < MAX_LINES {
            let (word, why) = o.words(dry_run);
            lines.push(RunLine { line, outcome: word.into(), reason: why.into() });
        }
    }
}

/// Takes a pass off this process's list however it ends (a panic too).
struct Listed {
    imports: Running,
    id: Uuid,
}

impl Drop for Listed {
    fn drop(&mut self) {
        self.imports.lock().unwrap_or_else(|e| e.into_inner()).remove(&self.id);
    }
}

impl App {
    /// Keeps an uploaded file (sealed) for mapping, checking and importing;
    /// its columns are read and mapped at once (admin, dpo). Only the base
    /// name of `file_name` is kept: some browsers send the client's path.
    pub async fn upload_import(&self, p: &Principal, file_name: &str, file: &[u8]) -> Result<Uuid> {
        p.require(p.role.can_manage_privacy(), "import contacts")?;
        let base = file_name.rsplit(['/', '\\']).next().unwrap_or_default();
        let name: String = base.trim().chars().take(200).collect();
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
    /// `options`, in the background; `resume` continues an interrupted or
    /// failed import after the last line it finished. Options that cannot
    /// work (a purpose, a notice or a mapping) are refused before anything
    /// starts.
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
        if self.imports.lock().unwrap_or_else(|e| e.into_inner()).contains_key(&id) {
            return Err(AppError::Conflict("the import is running already".into()));
        }
        // An interrupted check starts again; an import resumes after the
        // last line it finished, with the options it ran with.
        let dry_run = if resume { run.dry_run } else { dry_run };
        let resume = resume && !run.dry_run;
        let options = if resume { RunOptions::of(&run) } else { options };
        let resume_after = if resume { run.progress.last_line.max(0) as u64 } else { 0 };
        let mut import_opts = options.import(&run.file_name, dry_run, resume_after)?;
        // The checks the pass makes before its first row: what cannot work
        // is refused here, not later.
        let headers: Vec<String> = options.mapping.iter().map(|(h, _)| h.clone()).collect();
        self.plan_import(p, &import_opts, &headers).await?;
        let now = OffsetDateTime::now_utc();
        let Some(pass) =
            self.store.claim_import_run(&p.ctx(), id, dry_run, &options.to_json(), resume, now - STALE).await?
        else {
            return Err(AppError::Conflict("the import is running already".into()));
        };
        import_opts.pass = Some((id, pass));
        let base = if resume { run.progress } else { Progress::default() };
        let live = Arc::new(Live::default());
        {
            let mut c = live.counts();
            c.now = Progress { read_bytes: 0, ..base };
            c.done = c.now;
        }
        self.imports.lock().unwrap_or_else(|e| e.into_inner()).insert(id, live.clone());
        let listed = Listed { imports: self.imports.clone(), id };
        let (app, p) = (self.clone(), p.clone());
        tokio::spawn(async move {
            let _listed = listed;
            app.run_import(&p, id, pass, import_opts, options, live).await
        });
        Ok(())
    }

    /// One pass: the import in a task of its own (a panic in it ends the
    /// pass as failed), its progress saved every second, its end recorded.
    /// A pass that no longer holds the run (another server resumed it after
    /// this one's saves stalled, or it was discarded) stops.
    async fn run_import(
        &self,
        p: &Principal,
        id: Uuid,
        pass: Uuid,
        opts: ImportOptions,
        mut options: RunOptions,
        live: Arc<Live>,
    ) {
        let dry_run = opts.dry_run;
        let mut job = {
            let (app, p, opts, live) = (self.clone(), p.clone(), opts.clone(), live.clone());
            tokio::spawn(async move {
                let Some(file) = app.store.import_run_file(id).await? else {
                    return Err(AppError::Conflict("the file is no longer kept: upload it again".into()));
                };
                let input = Counting { inner: std::io::Cursor::new(file), live: live.clone() };
                app.import_contacts(&p, input, &opts, |line, o| live.on_row(line, o, dry_run)).await
            })
        };
        let mut every = tokio::time::interval(std::time::Duration::from_secs(1));
        let result = loop {
            tokio::select! {
                r = &mut job => break r,
                _ = every.tick() => {
                    // A failed save only delays the progress shown.
                    if let Ok(false) = self.store.save_import_progress(id, pass, &live.done()).await {
                        job.abort();
                        tracing::warn!(run = %id, "an import pass lost its run to another and stopped");
                        return;
                    }
                }
            }
        };
        let (phase, error) = match result {
            Ok(Ok(report)) => {
                options.mapping =
                    report.mapping.iter().map(|(h, t)| (h.clone(), t.as_ref().map(Target::name))).collect();
                (if dry_run { phase::CHECKED } else { phase::IMPORTED }, None)
            }
            Ok(Err(AppError::Invalid(inv))) => {
                (phase::FAILED, Some(inv.0.iter().map(|e| e.message.clone()).collect::<Vec<_>>().join("; ")))
            }
            Ok(Err(AppError::Conflict(m))) => (phase::FAILED, Some(m)),
            Ok(Err(AppError::NotFound(what))) => (phase::FAILED, Some(format!("the {what} no longer exists"))),
            Ok(Err(e)) => {
                tracing::warn!(run = %id, error = %e, "import stopped");
                (phase::FAILED, Some("the import stopped on an internal error; resume it to continue".to_owned()))
            }
            Err(_) => {
                tracing::warn!(run = %id, "import task panicked");
                (phase::FAILED, Some("the import stopped on an internal error; resume it to continue".to_owned()))
            }
        };
        // A finished pass is done throughout; a failed one as far as it got.
        let progress = if phase == phase::FAILED { live.done() } else { live.snapshot() };
        let lines = std::mem::take(&mut *live.lines.lock().unwrap_or_else(|e| e.into_inner()));
        match self
            .store
            .finish_import_run(id, pass, &progress, phase, error.as_deref(), &options.to_json(), &lines)
            .await
        {
            Ok(true) => {}
            Ok(false) => tracing::warn!(run = %id, "an import pass ended after losing its run"),
            // The heartbeat stops: the page shows the run as interrupted, resumable.
            Err(e) => tracing::warn!(run = %id, error = %e, "saving the end of an import failed"),
        }
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
