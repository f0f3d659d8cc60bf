//! Import runs: the uploaded file sealed, one pass at a time, dropped by an erasure.

use crate::engines::{ctx, on_both, stored_bytes};
use crate::fixtures::{add_user, input, person};
use kith_store::audit::AuditQuery;
use kith_store::StoreError;

/// An uploaded import: its file sealed (nothing of it in clear), one pass
/// at a time, progress saved, the file dropped once imported, and a
/// discard that leaves imported runs alone.
#[tokio::test]
async fn import_runs_keep_the_file_sealed_and_run_one_pass_at_a_time() {
    use kith_store::import_runs::{phase, Progress, RunLine};
    on_both(|s, dir| async move {
        let user = add_user(&s).await;
        let file = b"Email,Name\nottavia.brambilla@example.it,Ottavia Brambilla\n";
        let id = uuid::Uuid::now_v7();
        s.insert_import_run(&ctx(), id, Some(user), "fiera-brambilla.csv", file, "{\"col\":\"Brambilla\"}")
            .await
            .unwrap();
        let stored = stored_bytes(&s, &dir).await;
        for clear in ["Brambilla", "brambilla", "fiera-"] {
            assert!(!stored.windows(clear.len()).any(|w| w == clear.as_bytes()), "{clear} is stored in clear");
        }
        // The run's id is in its audit entry, in clear: the probe sees what was just written.
        let probe = id.to_string();
        assert!(stored.windows(probe.len()).any(|w| w == probe.as_bytes()), "the probe must see stored rows");
        let run = s.import_run(id).await.unwrap().unwrap();
        assert_eq!((run.phase.as_str(), run.has_file, run.file_bytes), (phase::UPLOADED, true, file.len() as i64));
        assert_eq!((run.file_name.as_str(), run.options.as_str()), ("fiera-brambilla.csv", "{\"col\":\"Brambilla\"}"));
        assert_eq!(s.import_run_file(id).await.unwrap().as_deref(), Some(&file[..]));

        let now = time::OffsetDateTime::now_utc();
        let stale = now - time::Duration::seconds(30);
        let first = s.claim_import_run(&ctx(), id, true, "{\"a\":1}", false, stale).await.unwrap().expect("claimed");
        assert!(s.claim_import_run(&ctx(), id, false, "{}", false, stale).await.unwrap().is_none(), "one at a time");
        // A pass whose heartbeat stopped can be taken over; the old pass may then write nothing.
        let later = now + time::Duration::seconds(1);
        let pass = s.claim_import_run(&ctx(), id, false, "{}", true, later).await.unwrap().expect("taken over");
        let p = Progress {
            read_bytes: 10,
            created: 1,
            updated: 0,
            skipped: 0,
            rejected: 1,
            last_line: 2,
            consent_claimed: 1,
        };
        assert!(!s.save_import_progress(id, first, &p).await.unwrap(), "the old pass lost the run");
        assert!(!s.finish_import_run(id, first, &p, phase::FAILED, Some("x"), "{}", &[]).await.unwrap());
        assert!(s.save_import_progress(id, pass, &p).await.unwrap());
        assert_eq!(s.import_run(id).await.unwrap().unwrap().progress, p);
        let lines = vec![
            RunLine { line: 3, outcome: "rejected".into(), reason: "an email address is not valid".into() },
            RunLine { line: 3, outcome: "rejected".into(), reason: "a line twice is kept once".into() },
        ];
        assert!(s.finish_import_run(id, pass, &p, phase::IMPORTED, None, "{\"b\":2}", &lines).await.unwrap());
        let run = s.import_run(id).await.unwrap().unwrap();
        // The options go with the file: a file without a header line puts a person's data there.
        assert_eq!((run.phase.as_str(), run.has_file, run.options.as_str()), (phase::IMPORTED, false, ""));
        assert!(run.finished_at.is_some());
        assert_eq!(s.import_run_lines(id, 10).await.unwrap(), lines[..1]);
        assert_eq!(s.import_run_file(id).await.unwrap(), None, "an imported file is dropped");
        assert!(
            s.claim_import_run(&ctx(), id, true, "{}", false, stale).await.unwrap().is_none(),
            "nothing runs without a file"
        );

        // Old uploads are discarded; a running one is not, unless its heartbeat stopped.
        let other = uuid::Uuid::now_v7();
        s.insert_import_run(&ctx(), other, None, "b.csv", file, "{}").await.unwrap();
        assert!(s.claim_import_run(&ctx(), other, true, "{}", false, stale).await.unwrap().is_some());
        let later = time::OffsetDateTime::now_utc() + time::Duration::seconds(5);
        assert_eq!(s.discard_import_files(&ctx(), None, later, stale).await.unwrap(), 0, "it is running");
        assert_eq!(s.discard_import_files(&ctx(), None, later, later).await.unwrap(), 1);
        let run = s.import_run(other).await.unwrap().unwrap();
        assert_eq!((run.phase.as_str(), run.has_file, run.options.as_str()), (phase::DISCARDED, false, ""));
        assert_eq!(s.import_runs(10).await.unwrap().len(), 2);
        // Run records go after their time, with their lines; a kept file's run stays.
        let kept = uuid::Uuid::now_v7();
        s.insert_import_run(&ctx(), kept, None, "c.csv", file, "{}").await.unwrap();
        let later = time::OffsetDateTime::now_utc() + time::Duration::seconds(5);
        assert_eq!(s.purge_import_runs(&ctx(), later).await.unwrap(), 2);
        assert!(s.import_run(id).await.unwrap().is_none() && s.import_run_lines(id, 10).await.unwrap().is_empty());
        assert_eq!(s.import_runs(10).await.unwrap().len(), 1);
    })
    .await;
}

/// An erasure drops every kept upload (running or not), so that resuming
/// an import of a file uploaded before it cannot bring the person back; a
/// pass running on one no longer holds its run. Runs without a file stay.
#[tokio::test]
async fn an_erasure_drops_kept_uploads() {
    use kith_store::import_runs::{phase, Progress};
    on_both(|s, _| async move {
        let file = b"Email,Name\nruaridh.macleod@example.org,Ruaridh MacLeod\n";
        let (idle, running) = (uuid::Uuid::now_v7(), uuid::Uuid::now_v7());
        s.insert_import_run(&ctx(), idle, None, "idle.csv", file, "{}").await.unwrap();
        s.insert_import_run(&ctx(), running, None, "running.csv", file, "{}").await.unwrap();
        let stale = time::OffsetDateTime::now_utc() - time::Duration::seconds(30);
        let pass = s.claim_import_run(&ctx(), running, false, "{}", false, stale).await.unwrap().expect("claimed");
        // The pass holding its run writes its batches; another writes nothing.
        let batch = |first: &str| {
            s.prepare_new(vec![input(person(first, "Nicolson", &format!("{first}@example.org"), "+44 1851 700 200"))])
                .unwrap()
        };
        s.insert_import_batch(
            &ctx(),
            Some((running, pass)),
            &batch("iona"),
            None,
            &[],
            "CSV import",
            &Default::default(),
        )
        .await
        .unwrap();
        let intruder = Some((running, uuid::Uuid::now_v7()));
        let refused = s
            .insert_import_batch(&ctx(), intruder, &batch("morag"), None, &[], "CSV import", &Default::default())
            .await;
        assert!(matches!(refused, Err(StoreError::Conflict(_))), "{refused:?}");
        assert_eq!(s.count_contacts().await.unwrap(), 1);

        let c = input(person("Ruaridh", "MacLeod", "ruaridh.macleod@example.org", "+44 1851 700 123"));
        s.insert_contacts(&ctx(), std::slice::from_ref(&c), None).await.unwrap();
        s.delete_contact(&ctx(), c.id).await.unwrap();

        for id in [idle, running] {
            let run = s.import_run(id).await.unwrap().unwrap();
            assert_eq!((run.phase.as_str(), run.has_file, run.options.as_str()), (phase::DROPPED, false, ""));
            assert_eq!(s.import_run_file(id).await.unwrap(), None);
        }
        assert!(!s.save_import_progress(running, pass, &Progress::default()).await.unwrap(), "the pass lost its run");
        let late = s
            .insert_import_batch(
                &ctx(),
                Some((running, pass)),
                &batch("ruaridh"),
                None,
                &[],
                "CSV import",
                &Default::default(),
            )
            .await;
        assert!(matches!(late, Err(StoreError::Conflict(_))), "a batch after the drop writes nothing: {late:?}");
        assert_eq!(s.count_contacts().await.unwrap(), 1);
        assert!(s.claim_import_run(&ctx(), running, false, "{}", true, stale).await.unwrap().is_none(), "no resume");
        // Each drop is in the audit trail, without the file's name.
        let drops = s.audit_entries(&AuditQuery { limit: 100, ..Default::default() }).await.unwrap();
        let drops = drops.iter().filter(|e| e.action == "import.drop").count();
        assert_eq!(drops, 2);
        // The retention sweep's disposal is an erasure too.
        let later = uuid::Uuid::now_v7();
        s.insert_import_run(&ctx(), later, None, "later.csv", file, "{}").await.unwrap();
        let iona = s.find_by_email(&kith_domain::Email::parse("iona@example.org").unwrap()).await.unwrap()[0].id;
        let purpose = kith_domain::PurposeId(uuid::Uuid::now_v7());
        let item = [kith_store::retention::Disposal { subject: iona, purpose, anonymise: false }];
        let go =
            kith_store::retention::Recheck { rules: &[], now: time::OffsetDateTime::now_utc(), expired: &|_| true };
        let none = None::<kith_store::retention::RunProgress<'_, fn(&[kith_domain::SubjectId]) -> String>>;
        assert_eq!(s.dispose(&ctx(), &item, &go, none).await.unwrap().gone, vec![iona]);
        let run = s.import_run(later).await.unwrap().unwrap();
        assert_eq!((run.phase.as_str(), run.has_file), (phase::DROPPED, false));
    })
    .await;
}
