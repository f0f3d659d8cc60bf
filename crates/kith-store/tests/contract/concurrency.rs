//! Several writers at once: idempotency claims, two servers on one database, concurrent changes.

use crate::engines::{ctx, on_both, on_postgres, vault};
use crate::fixtures::{add_user, input, person};
use kith_store::audit::Verdict;
use kith_store::contacts::ContactInput;
use kith_store::idempotency::Claim;
use kith_store::{Engine, Store, StoreError};

#[tokio::test]
async fn idempotency_claims_once() {
    on_both(|s, _| async move {
        let user = add_user(&s).await;
        let claim = Claim { user, key: "k-1".into(), request_hash: vec![1, 2, 3] };
        let a = input(person("Mario", "Rossi", "mario@example.it", "+39 06 1234 5678"));
        s.insert_contacts(&ctx(), std::slice::from_ref(&a), Some(&claim)).await.unwrap();
        let b = input(person("Mario", "Rossi", "mario@example.it", "+39 06 1234 5678"));
        assert!(matches!(s.insert_contacts(&ctx(), &[b], Some(&claim)).await, Err(StoreError::IdempotencyReplay)));
        assert_eq!(s.count_contacts().await.unwrap(), 1);
        let rec = s.idempotency_record(user, "k-1").await.unwrap().unwrap();
        assert_eq!(rec.resource_id, a.id.0);
        assert_eq!(rec.request_hash, vec![1, 2, 3]);
    })
    .await;
}

/// Two stores (as two servers would be) on one PostgreSQL database:
/// concurrent writes from both keep one intact audit chain and see each
/// other's data.
#[tokio::test]
async fn two_servers_share_one_postgres() {
    on_postgres(|a, url| async move {
        let b = Store::connect(&url, vault()).await.unwrap();
        b.migrate().await.unwrap();
        let mut tasks = Vec::new();
        for i in 0..20 {
            let s = if i % 2 == 0 { a.clone() } else { b.clone() };
            tasks.push(tokio::spawn(async move {
                let batch: Vec<_> = (0..5)
                    .map(|j| input(person("Par", "Allel", &format!("p{i}-{j}@example.com"), "+39 06 1234 5678")))
                    .collect();
                s.insert_contacts(&ctx(), &batch, None).await.unwrap();
                batch[0].id
            }));
        }
        let mut ids = Vec::new();
        for t in tasks {
            ids.push(t.await.unwrap());
        }
        assert_eq!(a.count_contacts().await.unwrap(), 100);
        for id in ids {
            assert!(a.get_contact(id).await.unwrap().is_some());
            assert!(b.get_contact(id).await.unwrap().is_some());
        }
        assert_eq!(b.audit_verify().await.unwrap(), Verdict::Intact { entries: 100 });
        assert_eq!(a.engine(), Engine::Postgres);
        b.close().await;
    })
    .await;
}

/// Concurrent read-modify-writes of one contact apply in turn: none is lost.
#[tokio::test]
async fn concurrent_changes_are_not_lost() {
    on_both(|s, _| async move {
        let c = input(person("Mario", "Rossi", "mario@example.it", "+39 06 1234 5678"));
        s.insert_contacts(&ctx(), std::slice::from_ref(&c), None).await.unwrap();
        let mut tasks = Vec::new();
        for i in 0..10 {
            let (s, id) = (s.clone(), c.id);
            tasks.push(tokio::spawn(async move {
                s.modify_contact(&ctx(), id, |mut cur| {
                    cur.tags.push(format!("t{i}"));
                    Ok::<_, StoreError>(ContactInput {
                        id,
                        owner: cur.owner,
                        company: cur.company,
                        tags: cur.tags,
                        data: cur.data,
                        source: None,
                    })
                })
                .await
            }));
        }
        for t in tasks {
            t.await.unwrap().unwrap();
        }
        let got = s.get_contact(c.id).await.unwrap().unwrap();
        assert_eq!(got.tags.len(), 10, "every concurrent change survives: {:?}", got.tags);
    })
    .await;
}
