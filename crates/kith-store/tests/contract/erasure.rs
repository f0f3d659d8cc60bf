//! The erasure's contract on SQLite and on PostgreSQL (a throwaway database
//! per test at `KITH_TEST_PG_URL`, default the local server): no table that
//! can name a person escapes the erasure's catalogue, and the erasure
//! journal is written before the commit.

use crate::engines::{ctx, on_both, sqlite_at, temp_dir};
use kith_domain::{ContactData, Email, SubjectId};
use kith_store::backup::JOURNAL_FILE;
use kith_store::contacts::ContactInput;
use kith_store::erasure::{ERASED, KEPT};
use kith_store::StoreError;
use std::collections::BTreeSet;
use std::path::Path;

fn person(first: &str, email: &str) -> ContactInput {
    ContactInput {
        id: SubjectId::new(),
        owner: None,
        company: None,
        tags: vec![],
        data: ContactData {
            first_name: Some(first.into()),
            emails: vec![Email::parse(email).unwrap()],
            ..Default::default()
        },
        source: None,
    }
}

/// The journal's lines for `id`, as `(mark)` in order (two-field lines read "done").
fn marks(journal: &Path, id: SubjectId) -> Vec<String> {
    std::fs::read_to_string(journal)
        .unwrap_or_default()
        .lines()
        .filter(|l| l.starts_with(&id.0.to_string()))
        .map(|l| l.split('\t').nth(2).unwrap_or("done").to_string())
        .collect()
}

/// What a crash leaves: the journal without the `done` lines of `id`.
fn forget_done(journal: &Path, id: SubjectId) {
    let text = std::fs::read_to_string(journal).unwrap();
    let kept: String = text
        .lines()
        .filter(|l| !(l.starts_with(&id.0.to_string()) && l.ends_with("\tdone")))
        .map(|l| format!("{l}\n"))
        .collect();
    std::fs::write(journal, kept).unwrap();
}

/// An intent written just before a commit that never happened.
fn intent_only(journal: &Path, id: SubjectId) {
    use std::io::Write;
    let mut f = std::fs::OpenOptions::new().create(true).append(true).open(journal).unwrap();
    writeln!(f, "{}\t{}\tintent", id.0, time::OffsetDateTime::now_utc().unix_timestamp() * 1000).unwrap();
}

#[tokio::test]
async fn no_table_that_names_a_person_escapes_the_erasure() {
    on_both(|s, _| async move {
        let tables = s.catalog_tables().await.unwrap();
        let erased: BTreeSet<&str> = ERASED.iter().map(|e| e.table).collect();
        let kept: BTreeSet<&str> = KEPT.iter().map(|(t, _)| *t).collect();
        assert!(erased.is_disjoint(&kept), "a table is both erased and kept: {:?}", erased.intersection(&kept));
        for t in erased.iter().chain(&kept) {
            assert!(tables.contains_key(*t), "the erasure catalogue names {t}, which the schema does not have");
        }
        for e in ERASED {
            assert!(tables[e.table].contains(e.column), "{} has no column {}", e.table, e.column);
        }
        assert!(KEPT.iter().all(|(_, why)| !why.is_empty()), "every kept table says why");
        let naming = s.tables_naming_people().await.unwrap();
        assert!(naming.contains("interactions") && naming.contains("audit_log"), "the catalog probe finds nothing");
        let escaped: Vec<&String> =
            naming.iter().filter(|t| !erased.contains(t.as_str()) && !kept.contains(t.as_str())).collect();
        assert!(
            escaped.is_empty(),
            "tables that can name a person are neither erased nor kept by the erasure: {escaped:?}; add each to \
             kith_store::erasure::ERASED or KEPT (with the reason)"
        );
    })
    .await;
}

#[tokio::test]
async fn an_erasure_that_cannot_be_journalled_erases_nothing() {
    on_both(|s, dir| async move {
        let c = person("Ines", "ines@example.com");
        s.insert_contacts(&ctx(), std::slice::from_ref(&c), None).await.unwrap();
        // A directory where the journal file should be: the append fails.
        let journal = dir.join(JOURNAL_FILE);
        std::fs::create_dir_all(&journal).unwrap();
        let broken = s.clone().with_erasure_journal(journal.clone());
        let err = broken.delete_contact(&ctx(), c.id).await.unwrap_err();
        assert!(matches!(err, StoreError::Journal(_)), "{err:?}");
        let msg = err.to_string();
        assert!(msg.contains("erasure journal") && msg.contains("nothing was erased"), "{msg}");
        assert!(s.get_contact(c.id).await.unwrap().is_some(), "the contact was erased without its journal entry");
        assert!(s.raw_contact_bytes(c.id).await.unwrap().is_some(), "its key and sealed record stay");
        assert!(s.processor_events(0, 10).await.unwrap().is_empty(), "no processor was told");

        // Once the journal can be written, the erasure goes through, intent then done.
        std::fs::remove_dir(&journal).unwrap();
        broken.delete_contact(&ctx(), c.id).await.unwrap();
        assert!(s.get_contact(c.id).await.unwrap().is_none());
        assert_eq!(marks(&journal, c.id), ["intent", "done"]);
        let text = std::fs::read_to_string(&journal).unwrap();
        assert!(!text.contains("Ines") && !text.contains("ines@"), "the journal holds ids and times only");
    })
    .await;
}

#[tokio::test]
async fn the_start_settles_pending_intents_against_the_live_database() {
    on_both(|s, dir| async move {
        let journal = dir.join(JOURNAL_FILE);
        let s = s.with_erasure_journal(journal.clone());
        let (committed, rolled_back) = (person("Ana", "ana@example.com"), person("Bea", "bea@example.com"));
        s.insert_contacts(&ctx(), &[committed.clone(), rolled_back.clone()], None).await.unwrap();
        s.delete_contact(&ctx(), committed.id).await.unwrap();
        forget_done(&journal, committed.id);
        intent_only(&journal, rolled_back.id);
        assert_eq!(s.settle_erasure_journal().await.unwrap(), 1);
        assert_eq!(marks(&journal, committed.id), ["intent", "done"]);
        assert_eq!(marks(&journal, rolled_back.id), ["intent", "void"]);
        // Settled: nothing more to do, and a void intent is not re-applied.
        assert_eq!(s.settle_erasure_journal().await.unwrap(), 0);
        assert_eq!(s.reapply_erasures(&ctx(), &journal).await.unwrap(), 0);
        assert!(s.get_contact(rolled_back.id).await.unwrap().is_some());
    })
    .await;
}

/// A crash between the commit and the `done` line leaves an intent: a
/// restore of an older backup erases the person again. An intent whose
/// transaction never committed is erased too if nothing settled it (the
/// server never started again on the live database), and kept once the
/// start settled it.
#[tokio::test]
async fn a_restore_reapplies_erasures_that_crashed_before_their_done_line() {
    let dir = temp_dir();
    let journal = dir.join(JOURNAL_FILE);
    let live = sqlite_at(&dir).await.with_erasure_journal(journal.clone());
    let (crashed, never, stays) =
        (person("Cleo", "cleo@example.com"), person("Dora", "dora@example.com"), person("Eva", "eva@example.com"));
    live.insert_contacts(&ctx(), &[crashed.clone(), never.clone(), stays.clone()], None).await.unwrap();
    let backup = dir.join("before.kithbak");
    live.backup_to(&backup).await.unwrap();
    live.delete_contact(&ctx(), crashed.id).await.unwrap();
    forget_done(&journal, crashed.id);
    intent_only(&journal, never.id);

    let restore = |name: &str| {
        let (backup, at) = (backup.clone(), dir.join(name));
        async move {
            std::fs::create_dir_all(&at).unwrap();
            std::fs::copy(&backup, at.join("kith.db")).unwrap();
            sqlite_at(&at).await
        }
    };
    // Restored before any start settled the journal: both intents are erased.
    let r = restore("restored-unsettled").await;
    assert_eq!(r.reapply_erasures(&ctx(), &journal).await.unwrap(), 2);
    assert!(r.get_contact(crashed.id).await.unwrap().is_none(), "the erased person came back");
    assert!(r.get_contact(never.id).await.unwrap().is_none());
    assert!(r.get_contact(stays.id).await.unwrap().is_some());
    r.close().await;

    // The live server started (settling), then the backup is restored.
    assert_eq!(live.settle_erasure_journal().await.unwrap(), 1);
    live.close().await;
    let r = restore("restored-settled").await;
    assert_eq!(r.reapply_erasures(&ctx(), &journal).await.unwrap(), 1);
    assert!(r.get_contact(crashed.id).await.unwrap().is_none(), "the erased person came back");
    assert!(r.get_contact(never.id).await.unwrap().is_some(), "an erasure that never committed was applied");
    r.close().await;
    std::fs::remove_dir_all(&dir).unwrap();
}
