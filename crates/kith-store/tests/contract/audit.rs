//! The audit chain: any edit, removal, reordering or cut is detected.

use crate::engines::{ctx, on_both};
use crate::fixtures::{input, person};
use kith_store::audit::{AuditQuery, Verdict};
use kith_store::Engine;

#[tokio::test]
async fn audit_chain_detects_edit_removal_and_reordering() {
    on_both(|s, _| async move {
        let batch: Vec<_> =
            (0..5).map(|i| input(person("A", "B", &format!("a{i}@example.com"), "+39 06 1234 5678"))).collect();
        s.insert_contacts(&ctx(), &batch, None).await.unwrap();
        s.audit(&ctx(), &[kith_store::audit::NewEntry::subject("contact.read", batch[0].id)]).await.unwrap();
        assert_eq!(s.audit_verify().await.unwrap(), Verdict::Intact { entries: 6 });
        let about =
            s.audit_entries(&AuditQuery { subject: Some(batch[0].id), limit: 10, ..Default::default() }).await.unwrap();
        assert_eq!(about.iter().map(|e| e.action.as_str()).collect::<Vec<_>>(), ["contact.create", "contact.read"]);

        s.raw_execute("UPDATE audit_log SET action = 'contact.delete' WHERE seq = 3").await.unwrap();
        assert!(matches!(s.audit_verify().await.unwrap(), Verdict::Broken { seq: 3, .. }));
        s.raw_execute("UPDATE audit_log SET action = 'contact.create' WHERE seq = 3").await.unwrap();
        assert_eq!(s.audit_verify().await.unwrap(), Verdict::Intact { entries: 6 });

        // Swap two entries' contents (a reordering).
        s.raw_execute("UPDATE audit_log SET seq = 100 WHERE seq = 2").await.unwrap();
        s.raw_execute("UPDATE audit_log SET seq = 2 WHERE seq = 4").await.unwrap();
        s.raw_execute("UPDATE audit_log SET seq = 4 WHERE seq = 100").await.unwrap();
        assert!(matches!(s.audit_verify().await.unwrap(), Verdict::Broken { seq: 2, .. }));
        s.raw_execute("UPDATE audit_log SET seq = 100 WHERE seq = 2").await.unwrap();
        s.raw_execute("UPDATE audit_log SET seq = 2 WHERE seq = 4").await.unwrap();
        s.raw_execute("UPDATE audit_log SET seq = 4 WHERE seq = 100").await.unwrap();
        assert_eq!(s.audit_verify().await.unwrap(), Verdict::Intact { entries: 6 });

        s.raw_execute("DELETE FROM audit_log WHERE seq = 5").await.unwrap();
        assert!(matches!(s.audit_verify().await.unwrap(), Verdict::Broken { seq: 6, .. }));
    })
    .await;
}

#[tokio::test]
async fn audit_tail_removal_is_detected() {
    on_both(|s, _| async move {
        let batch: Vec<_> =
            (0..3).map(|i| input(person("A", "B", &format!("a{i}@example.com"), "+39 06 1234 5678"))).collect();
        s.insert_contacts(&ctx(), &batch, None).await.unwrap();
        s.raw_execute("DELETE FROM audit_log WHERE seq = 3").await.unwrap();
        assert!(matches!(s.audit_verify().await.unwrap(), Verdict::Broken { .. }));
    })
    .await;
}

#[tokio::test]
async fn audit_rows_behind_the_head_are_detected() {
    on_both(|s, _| async move {
        let batch: Vec<_> = (0..2).map(|i| input(person("A", "B", &format!("a{i}@example.com"), "+39 06 1234 5678"))).collect();
        s.insert_contacts(&ctx(), &batch, None).await.unwrap();
        assert_eq!(s.audit_verify().await.unwrap(), Verdict::Intact { entries: 2 });
        let blob = if s.engine() == Engine::Sqlite { "x'00'" } else { "'\\x00'::bytea" };
        s.raw_execute(&format!(
            "INSERT INTO audit_log (seq, at, actor, action, subject_id, object_type, object_id, request_id, prev_hash, hash) \
             VALUES (3, 0, 'cli', 'contact.read', NULL, 'contact', NULL, 'r', {blob}, {blob})"
        ))
        .await
        .unwrap();
        assert_eq!(
            s.audit_verify().await.unwrap(),
            Verdict::Broken { seq: 3, reason: "this entry was inserted outside the chain" }
        );
    })
    .await;
}
