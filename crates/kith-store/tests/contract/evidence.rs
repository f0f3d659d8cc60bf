//! The evidence pack's reads: chain heads as of a moment, breaches with
//! counts (never who), retention runs of a period, and the pseudonyms.

use crate::engines::{ctx, on_both, vault};
use crate::fixtures::{input, person};
use kith_store::evidence::Head;
use kith_store::{now_ms, Engine};
use uuid::Uuid;

fn uuid_lit(e: Engine, u: Uuid) -> String {
    match e {
        Engine::Sqlite => format!("X'{}'", u.simple()),
        _ => format!("'{u}'::uuid"),
    }
}

#[tokio::test]
async fn heads_as_of_a_moment_and_now() {
    on_both(|s, _| async move {
        let genesis = Head { seq: 0, hash: "0".repeat(64) };
        let h = s.evidence_heads(now_ms()).await.unwrap();
        assert_eq!((h.audit_now.clone(), h.audit_as_of.clone()), (genesis.clone(), genesis.clone()));
        assert_eq!((h.consent_now, h.consent_as_of), (genesis.clone(), genesis.clone()));
        let before = now_ms() - 1;
        let batch: Vec<_> =
            (0..3).map(|i| input(person("A", "B", &format!("h{i}@example.com"), "+39 06 1234 5678"))).collect();
        s.insert_contacts(&ctx(), &batch, None).await.unwrap();
        let h = s.evidence_heads(now_ms()).await.unwrap();
        let (seq, hash) = s.audit_head().await.unwrap();
        assert_eq!(h.audit_now, Head { seq, hash: hash.clone() });
        assert_eq!(h.audit_as_of, Head { seq, hash }, "as of now the last entry is the head");
        assert_eq!(s.evidence_heads(before).await.unwrap().audit_as_of, genesis, "nothing was written before");
    })
    .await;
}

#[tokio::test]
async fn breaches_are_read_with_counts_and_runs_by_period() {
    on_both(|s, _| async move {
        let e = s.engine();
        let (b, n) = (Uuid::now_v7(), Uuid::now_v7());
        // A contact: `breach_notice_people` references `contacts`.
        let who = input(person("E", "Vidence", "evidence@example.com", "+39 06 1234 5679"));
        s.insert_contacts(&ctx(), std::slice::from_ref(&who), None).await.unwrap();
        let subject = who.id.0;
        let now = now_ms();
        for sql in [
            format!(
                "INSERT INTO breaches (id, reference, title, body, status, created_at, updated_at) VALUES \
                 ({}, 'BR-1', 'Lost USB stick', '{{}}', 'open', {now}, {now})",
                uuid_lit(e, b)
            ),
            format!(
                "INSERT INTO breach_history (breach_id, seq, at, actor, change, detail) VALUES ({}, 1, {now}, 'cli', 'breach.create', '{{}}')",
                uuid_lit(e, b)
            ),
            format!(
                "INSERT INTO breach_history (breach_id, seq, at, actor, change, detail) VALUES ({}, 2, {}, 'cli', 'breach.update', '{{}}')",
                uuid_lit(e, b),
                now + 60_000
            ),
            format!("INSERT INTO breach_affected (breach_id, subject_id) VALUES ({}, {})", uuid_lit(e, b), uuid_lit(e, subject)),
            format!(
                "INSERT INTO breach_notices (id, breach_id, audience, kind, body, content_hash, created_at) VALUES \
                 ({}, {}, 'people', 'initial', '{{}}', {}, {now})",
                uuid_lit(e, n),
                uuid_lit(e, b),
                match e {
                    Engine::Sqlite => "X'0102'".to_owned(),
                    _ => "'\\x0102'::bytea".to_owned(),
                }
            ),
            format!(
                "INSERT INTO breach_notice_people (notice_id, subject_id, status, at) VALUES ({}, {}, 'sent', {now})",
                uuid_lit(e, n),
                uuid_lit(e, subject)
            ),
        ] {
            s.raw_execute(&sql).await.unwrap();
        }
        let list = s.evidence_breaches(now).await.unwrap();
        assert_eq!(list.len(), 1);
        let br = &list[0];
        assert_eq!((br.reference.as_str(), br.affected), ("BR-1", 1));
        assert_eq!(br.history.len(), 1, "history after the moment is left out");
        assert_eq!((br.notices[0].people, br.notices[0].content_hash.as_str()), (1, "0102"));
        assert!(s.evidence_breaches(now - 1).await.unwrap().is_empty(), "not recorded yet then");

        let run = s.start_run(true, "cli").await.unwrap();
        let runs = s.evidence_retention_runs(now - 1000, now_ms()).await.unwrap();
        assert_eq!(runs.iter().map(|r| r.id).collect::<Vec<_>>(), [run]);
        assert!(s.evidence_retention_runs(0, now - 1000).await.unwrap().is_empty());
        assert!(s.evidence_requests(i64::MIN / 2, now_ms()).await.unwrap().is_empty());
    })
    .await;
}

#[test]
fn pseudonyms_are_stable_keyed_and_kind_separated() {
    let (v, other) = (vault(), kith_store::Vault::from_key(&[3u8; 32]));
    let id = Uuid::now_v7();
    let p = v.evidence_pseudonym("subject", id.as_bytes());
    assert_eq!(p.len(), 32);
    assert!(p.bytes().all(|b| b.is_ascii_hexdigit()));
    assert_eq!(p, v.evidence_pseudonym("subject", id.as_bytes()));
    assert_ne!(p, v.evidence_pseudonym("staff", id.as_bytes()));
    assert_ne!(p, other.evidence_pseudonym("subject", id.as_bytes()));
    assert!(!p.contains(&id.simple().to_string()[..8]));
}
