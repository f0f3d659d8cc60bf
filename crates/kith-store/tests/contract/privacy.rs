//! Nothing personal is stored in clear, and a deletion leaves nothing.

use crate::engines::{ctx, on_both, stored_bytes};
use crate::fixtures::{input, person};
use kith_domain::{Email, InteractionId, InteractionKind};
use kith_store::interactions::InteractionInput;
use kith_store::Engine;

/// Nothing personal in clear anywhere; deletion leaves no copy of the key
/// or the sealed values, in the SQLite file and WAL or in PostgreSQL rows.
#[tokio::test]
async fn nothing_in_clear_and_deletion_leaves_nothing() {
    on_both(|s, dir| async move {
        let values = ["Gianmarco", "Bellavista", "gianmarco.bellavista@example.it", "+39 333 987 6543", "Quarantotto"];
        let mut data = person(values[0], values[1], values[2], values[3]);
        data.notes = Some(format!("prefers {}", values[4]));
        let c = input(data);
        let keep = input(person("Other", "Person", "other@example.com", "+39 02 1111 2222"));
        s.insert_contacts(&ctx(), &[c.clone(), keep.clone()], None).await.unwrap();
        let it = InteractionInput {
            id: InteractionId::new(),
            subject: c.id,
            kind: InteractionKind::Call,
            occurred_at: time::OffsetDateTime::now_utc(),
            author: None,
            body: "Quarantotto called back".into(),
        };
        s.insert_interactions(&ctx(), &[it], None).await.unwrap();
        let (wrapped, sealed) = s.raw_contact_bytes(c.id).await.unwrap().unwrap();

        let haystack = || stored_bytes(&s, &dir);
        let hex = |b: &[u8]| b.iter().map(|x| format!("{x:02x}")).collect::<String>();
        let contains = |hay: &[u8], needle: &[u8]| hay.windows(needle.len()).any(|w| w == needle);
        let hay = haystack().await;
        for v in values {
            assert!(!contains(&hay, v.as_bytes()), "a personal value is stored in clear");
            assert!(!contains(&hay, hex(v.as_bytes()).as_bytes()), "a personal value is stored in clear (hex)");
        }
        let present = |hay: &[u8], b: &[u8]| contains(hay, b) || contains(hay, hex(b).as_bytes());
        assert!(present(&hay, &wrapped), "the probe must see stored bytes, or the test proves nothing");

        s.delete_contact(&ctx(), c.id).await.unwrap();
        let hay = haystack().await;
        assert!(!present(&hay, &wrapped), "the subject key survives deletion");
        assert!(!present(&hay, &sealed), "the sealed record survives deletion");
        let subject_hex = hex(c.id.0.as_bytes());
        if s.engine() == Engine::Postgres {
            assert!(
                !contains(&hay, c.id.0.to_string().as_bytes())
                    || only_in_audit(&String::from_utf8_lossy(&hay), &c.id.0.to_string())
            );
        } else {
            let _ = subject_hex;
        }
        assert!(s.get_contact(c.id).await.unwrap().is_none());
        assert!(s.find_by_email(&Email::parse(values[2]).unwrap()).await.unwrap().is_empty());
        assert!(s.get_contact(keep.id).await.unwrap().is_some(), "the other contact is untouched");
    })
    .await;
}

/// On PostgreSQL, after deletion the subject id may only remain in the
/// audit trail (which holds ids, never values).
/// The id of an erased person may remain only in the audit trail and in
/// the `subject.erased` event for processors.
fn only_in_audit(dump: &str, id: &str) -> bool {
    dump.lines().filter(|l| l.contains(id)).all(|l| l.contains("\"action\"") || l.contains("\"subject.erased\""))
}
