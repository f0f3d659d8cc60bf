//! The erasure journal: backups that do not bring the erased back.
//!
//! A file beside the data, append-only, one line per person and step:
//! `<id>\t<unix ms>\t<mark>`, ids and times only. Every erasure appends an
//! `intent` line for its people and flushes it to disk **before** its
//! transaction commits (if it cannot, the erasure fails and nothing is
//! erased), then a `done` line after. A backup taken before an erasure
//! still holds the person, so a restore copies the backup into place and
//! erases again everyone the journal names ([`Store::reapply_erasures`]).
//! Lines of two fields, written before marks existed, count as `done`.
//!
//! **An intent without its done** means the process stopped (or the commit
//! failed) between the two: the erasure may or may not have committed.
//! * A restore erases the person anyway. Nothing else ran on the database
//!   since the crash (it would have settled the intent, below), and the
//!   erasure had passed every check under the contact's lock: the backup
//!   being restored knows no newer fact that should keep the person.
//! * A start of the server ([`Store::settle_erasure_journal`]) settles the
//!   live database's pending intents first: a person no longer there was
//!   erased (`done`); a person still there was not — the transaction
//!   rolled back — and the intent is voided (`void`), so that a later
//!   restore does not erase someone whose erasure never happened (and who
//!   may since have been put under a legal hold).
//!
//! The latest mark of an id wins. The journal is never truncated; the
//! guarantee holds as long as it outlives the backups (see README, Backups).

use crate::db::fetch_in;
use crate::{Ctx, Store, StoreError};
use kith_domain::SubjectId;
use std::collections::{BTreeSet, HashMap};
use std::io::Write;
use std::path::{Path, PathBuf};
use uuid::Uuid;

/// The journal's name in the data directory.
pub const JOURNAL_FILE: &str = "erasure-journal";

/// A journal line's step.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mark {
    /// The erasure is about to commit.
    Intent,
    /// It committed.
    Done,
    /// It did not commit (found at start-up with the person still there).
    Void,
}

impl Mark {
    fn as_str(self) -> &'static str {
        match self {
            Mark::Intent => "intent",
            Mark::Done => "done",
            Mark::Void => "void",
        }
    }
}

/// Appends one line per subject and flushes the file to disk.
pub(crate) fn append(path: &Path, mark: Mark, subjects: &[SubjectId]) -> std::io::Result<()> {
    let now = crate::now_ms();
    let text: String = subjects.iter().map(|s| format!("{}\t{now}\t{}\n", s.0, mark.as_str())).collect();
    let mut opts = std::fs::OpenOptions::new();
    opts.create(true).append(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut opts, 0o600);
    let mut f = opts.open(path)?;
    f.write_all(text.as_bytes())?;
    f.sync_all()
}

/// The journal's ids in first-seen order, each with its latest mark.
fn read(path: &Path) -> Result<Vec<(Uuid, Mark)>, StoreError> {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(StoreError::Config(format!("cannot read the erasure journal: {e}"))),
    };
    let mut order = Vec::new();
    let mut latest: HashMap<Uuid, Mark> = HashMap::new();
    for line in text.lines() {
        let mut fields = line.split('\t');
        let Some(id) = fields.next().and_then(|s| Uuid::parse_str(s).ok()) else { continue };
        let mark = match fields.nth(1) {
            None | Some("done") => Mark::Done,
            Some("intent") => Mark::Intent,
            Some("void") => Mark::Void,
            Some(_) => continue,
        };
        if latest.insert(id, mark).is_none() {
            order.push(id);
        }
    }
    Ok(order.into_iter().map(|id| (id, latest[&id])).collect())
}

impl Store {
    /// Journal erasures to `path` from now on.
    pub fn with_erasure_journal(mut self, path: PathBuf) -> Store {
        self.journal = Some(std::sync::Arc::new(path));
        self
    }

    /// Settles the journal's pending intents against this database, which
    /// must be the live one the erasures ran on: run it when the server
    /// starts, before it serves, and never on a database just restored from
    /// a backup (a restore erases pending intents; see the module). Returns
    /// how many intents were voided.
    pub async fn settle_erasure_journal(&self) -> Result<usize, StoreError> {
        let Some(path) = &self.journal else { return Ok(0) };
        let pending: Vec<Uuid> =
            read(path)?.into_iter().filter(|(_, m)| *m == Mark::Intent).map(|(id, _)| id).collect();
        if pending.is_empty() {
            return Ok(0);
        }
        let mut c = self.pools.read.conn().await?;
        let present: BTreeSet<Uuid> = fetch_in(&mut c, "SELECT id FROM contacts WHERE id IN ({in})", &pending)
            .await?
            .iter()
            .map(|r| r.get(0))
            .collect::<Result<_, _>>()?;
        let (void, done): (Vec<Uuid>, Vec<Uuid>) = pending.into_iter().partition(|id| present.contains(id));
        let as_ids = |v: Vec<Uuid>| v.into_iter().map(SubjectId).collect::<Vec<_>>();
        let write = |mark, ids: Vec<Uuid>| {
            if ids.is_empty() {
                return Ok(());
            }
            append(path, mark, &as_ids(ids)).map_err(StoreError::Journal)
        };
        let voided = void.len();
        write(Mark::Done, done)?;
        write(Mark::Void, void)?;
        if voided > 0 {
            tracing::warn!(voided, "erasures journalled but never committed were voided in the erasure journal");
        }
        Ok(voided)
    }

    /// Erases again every subject the journal names (done or pending, not
    /// voided) that this database still holds, after a restore; returns
    /// how many.
    pub async fn reapply_erasures(&self, ctx: &Ctx, journal: &Path) -> Result<usize, StoreError> {
        let mut n = 0;
        for (id, mark) in read(journal)? {
            if mark == Mark::Void {
                continue;
            }
            match self.delete_contact(ctx, SubjectId(id)).await {
                Ok(()) => n += 1,
                Err(StoreError::NotFound) => {}
                Err(e) => return Err(e),
            }
        }
        self.checkpoint().await?;
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_latest_mark_wins_and_old_lines_count_as_done() {
        let dir = std::env::temp_dir().join(format!("kith-journal-{}", Uuid::now_v7()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join(JOURNAL_FILE);
        let (old, pending, voided, redone) = (Uuid::now_v7(), Uuid::now_v7(), Uuid::now_v7(), Uuid::now_v7());
        std::fs::write(&path, format!("{old}\t1\n")).unwrap();
        append(&path, Mark::Intent, &[SubjectId(pending), SubjectId(voided), SubjectId(redone)]).unwrap();
        append(&path, Mark::Void, &[SubjectId(voided), SubjectId(redone)]).unwrap();
        append(&path, Mark::Intent, &[SubjectId(redone)]).unwrap();
        append(&path, Mark::Done, &[SubjectId(redone)]).unwrap();
        std::fs::OpenOptions::new().append(true).open(&path).unwrap().write_all(b"garbage\n").unwrap();
        assert_eq!(
            read(&path).unwrap(),
            vec![(old, Mark::Done), (pending, Mark::Intent), (voided, Mark::Void), (redone, Mark::Done)]
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
