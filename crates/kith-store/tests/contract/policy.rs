//! The field policy: writes recheck it, and a removal and a write take turns.

use crate::engines::{ctx, on_both, on_postgres};
use crate::fixtures::{input, person};
use kith_store::StoreError;

/// The policy as committed is checked again inside the writing
/// transaction: a field removed after the app checked is refused, on
/// creation and on a change that writes it, while changes that leave it
/// alone pass; each write records the policy version.
#[tokio::test]
async fn writes_recheck_the_committed_field_policy_on_both_engines() {
    on_both(|s, _| async move {
        let kept = input(person("Ada", "Rossi", "ada.rossi@example.it", "+39 02 555 0100"));
        s.insert_contacts(&ctx(), std::slice::from_ref(&kept), None).await.unwrap();
        let mut policy = s.field_policy().await.unwrap();
        let notes = policy.fields.iter_mut().find(|f| f.key == "notes").unwrap();
        notes.enabled = false;
        let off = notes.clone();
        let version = s.save_field(&ctx(), &off, "notes off").await.unwrap();
        assert_eq!(version, 2);
        let c = input(person("Bea", "Verdi", "bea.verdi@example.it", "+39 02 555 0101"));
        assert!(matches!(
            s.insert_contacts(&ctx(), std::slice::from_ref(&c), None).await,
            Err(StoreError::Conflict(m)) if m.contains("field policy")
        ));
        // A change that does not write the notes passes (the purge removes them).
        let mut renamed = kept.clone();
        renamed.data.first_name = Some("Adele".into());
        s.update_contact(&ctx(), &renamed).await.unwrap();
        assert_eq!(s.contact_policy_version(kept.id).await.unwrap(), Some(2));
        let mut noted = renamed.clone();
        noted.data.notes = Some("a new note".into());
        assert!(matches!(s.update_contact(&ctx(), &noted).await, Err(StoreError::Conflict(_))));
    })
    .await;
}

/// PostgreSQL (READ COMMITTED): a write reads the policy rows of the fields
/// it writes `FOR SHARE`, so a removal in flight and the write take turns.
/// A write arriving while the removal is uncommitted waits for it, then is
/// refused; a removal arriving while a write holds the lock waits for the
/// write to commit (so the purge that follows the removal sees its value).
#[tokio::test]
async fn a_field_removal_and_a_write_take_turns_on_postgres() {
    use sqlx::Connection;
    use std::time::Duration;
    on_postgres(|s, url| async move {
            let kept = input(person("Ada", "Rossi", "ada.rossi@example.it", "+39 02 555 0100"));
            s.insert_contacts(&ctx(), std::slice::from_ref(&kept), None).await.unwrap();
            let mut other = sqlx::PgConnection::connect(&url).await.unwrap();

            // A removal of `notes` updated its row but has not committed yet.
            sqlx::query("BEGIN").execute(&mut other).await.unwrap();
            sqlx::query("UPDATE field_policy SET enabled = FALSE WHERE key = 'notes'").execute(&mut other).await.unwrap();
            let mut noted = kept.clone();
            noted.data.notes = Some("written during the removal".into());
            let write = tokio::spawn({
                let s = s.clone();
                async move { s.update_contact(&ctx(), &noted).await }
            });
            tokio::time::sleep(Duration::from_millis(300)).await;
            assert!(!write.is_finished(), "the write waits for the removal in flight");
            sqlx::query("INSERT INTO field_policy_versions (version, at, actor, change, snapshot) VALUES (2, 0, 'test', 'removed notes', '[]')")
                .execute(&mut other)
                .await
                .unwrap();
            sqlx::query("COMMIT").execute(&mut other).await.unwrap();
            assert!(
                matches!(write.await.unwrap(), Err(StoreError::Conflict(m)) if m.contains("field policy")),
                "refused once the removal committed"
            );
            let now = s.get_contact(kept.id).await.unwrap().unwrap();
            assert_eq!(now.data.notes, kept.data.notes, "nothing written");

            // A write holds its share lock on `job_title`; a removal waits for it.
            sqlx::query("BEGIN").execute(&mut other).await.unwrap();
            sqlx::query("SELECT key FROM field_policy WHERE key = 'job_title' FOR SHARE")
                .execute(&mut other)
                .await
                .unwrap();
            let mut off = s.field_policy().await.unwrap().field("job_title").unwrap().clone();
            off.enabled = false;
            let removal = tokio::spawn({
                let s = s.clone();
                async move { s.save_field(&ctx(), &off, "removed job_title").await }
            });
            tokio::time::sleep(Duration::from_millis(300)).await;
            assert!(!removal.is_finished(), "the removal waits for the write in flight");
            sqlx::query("COMMIT").execute(&mut other).await.unwrap();
            assert_eq!(removal.await.unwrap().unwrap(), 3);
            other.close().await.unwrap();
    })
    .await;
}
