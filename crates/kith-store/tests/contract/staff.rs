//! Staff sessions, sign-in attempts and saved views.

use crate::engines::{ctx, on_both};
use crate::fixtures::add_user;
use kith_domain::Role;
use kith_store::StoreError;

#[tokio::test]
async fn web_sessions_expire_and_end() {
    on_both(|s, _| async move {
        let user = add_user(&s).await;
        let (hash, now) = (vec![7u8; 32], 1_000_000_000_000i64);
        s.insert_session(&ctx(), &hash, user, "csrf-token", now, now + 10_000, None).await.unwrap();
        let got = s.session_user(&hash, now + 1, 5_000).await.unwrap().expect("live session");
        assert_eq!((got.user, got.csrf.as_str(), got.role), (user, "csrf-token", Role::Sales));
        assert!(s.session_user(&[8u8; 32], now + 1, 5_000).await.unwrap().is_none(), "unknown secret");
        assert!(s.session_user(&hash, now + 6_000, 5_000).await.unwrap().is_none(), "idle too long");
        assert!(s.session_user(&hash, now + 10_001, 60_000).await.unwrap().is_none(), "past its end");
        s.delete_session(&ctx(), &hash).await.unwrap();
        assert!(s.session_user(&hash, now + 1, 5_000).await.unwrap().is_none(), "signed out");
        // Deleting an unknown session is not an error.
        s.delete_session(&ctx(), &hash).await.unwrap();
    })
    .await;
}

#[tokio::test]
async fn sign_in_attempts_lock_after_the_limit_even_in_parallel() {
    on_both(|s, _| async move {
        let key = vec![1u8; 32];
        let now = 5_000_000i64;
        for i in 1..=3 {
            let t = s.count_attempt(&key, now + i, 60_000, 3, 900_000).await.unwrap();
            assert_eq!((t.failures, t.locked_until), (i, 0));
        }
        let t = s.count_attempt(&key, now + 4, 60_000, 3, 900_000).await.unwrap();
        assert_eq!(t.locked_until, now + 4 + 900_000, "the 4th attempt over a limit of 3 locks");
        let t = s.count_attempt(&key, now + 5, 60_000, 3, 900_000).await.unwrap();
        assert_eq!(t.locked_until, now + 4 + 900_000, "a locked key stays locked, not longer");
        // After the lock, counting starts afresh.
        let t = s.count_attempt(&key, now + 4 + 900_001, 60_000, 3, 900_000).await.unwrap();
        assert_eq!((t.failures, t.locked_until), (1, 0));
        s.forgive_attempt(&key).await.unwrap();
        let t = s.count_attempt(&key, now + 4 + 900_002, 60_000, 3, 900_000).await.unwrap();
        assert_eq!(t.failures, 1, "a forgiven attempt no longer counts");
        // A window that has passed starts a new count.
        let t = s.count_attempt(&key, now + 4 + 900_002 + 60_000, 60_000, 3, 900_000).await.unwrap();
        assert_eq!((t.failures, t.locked_until), (1, 0));
        s.clear_attempts(&key).await.unwrap();
        // 20 attempts at once on a fresh key: exactly 3 pass, none is lost.
        let fresh = vec![2u8; 32];
        let mut tasks = Vec::new();
        for _ in 0..20 {
            let (s, k) = (s.clone(), fresh.clone());
            tasks.push(tokio::spawn(async move {
                s.count_attempt(&k, now + 10, 60_000, 3, 900_000).await.unwrap().locked_until == 0
            }));
        }
        let mut passed = 0;
        for t in tasks {
            passed += usize::from(t.await.unwrap());
        }
        assert_eq!(passed, 3);
    })
    .await;
}

#[tokio::test]
async fn saved_views_belong_to_their_user() {
    on_both(|s, _| async move {
        let (a, b) = (add_user(&s).await, add_user(&s).await);
        let id = s.save_view(&ctx(), a, "VIP", "tag=vip").await.unwrap();
        s.save_view(&ctx(), a, "VIP", "tag=vip&sort=-updated").await.unwrap();
        let views = s.list_views(a).await.unwrap();
        assert_eq!(views.len(), 1, "same name replaces");
        assert_eq!(views[0].query, "tag=vip&sort=-updated");
        assert!(s.list_views(b).await.unwrap().is_empty());
        assert!(matches!(s.delete_view(&ctx(), b, views[0].id).await, Err(StoreError::NotFound)), "not b's");
        assert_eq!(views[0].id, id, "replaced in place");
        s.delete_view(&ctx(), a, id).await.unwrap();
        assert!(s.list_views(a).await.unwrap().is_empty());
        // Saving one name many times at once (a double click) never fails.
        let mut tasks = Vec::new();
        for i in 0..8 {
            let s = s.clone();
            tasks.push(tokio::spawn(async move { s.save_view(&ctx(), a, "Twice", &format!("tag=t{i}")).await }));
        }
        for t in tasks {
            t.await.unwrap().unwrap();
        }
        assert_eq!(s.list_views(a).await.unwrap().len(), 1);
    })
    .await;
}
