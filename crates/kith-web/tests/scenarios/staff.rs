//! Staff accounts through the real router, on SQLite and PostgreSQL:
//! disabling, resets and own password changes (issue 13, item 4), the
//! growing lock-out and unlocking (item 10), and the password rule (item 12).

use crate::harness::{on_both, ADMIN_EMAIL, PASSWORD};
use axum::http::{Method, StatusCode};
use kith_app::Principal;
use kith_domain::Role;
use serde_json::{json, Value};

fn has(entries: &[Value], action: &str, object: &str) -> bool {
    entries.iter().any(|e| e["action"] == action && e["object_id"] == object)
}

#[tokio::test]
async fn disabling_ends_sessions_and_tokens_at_once() {
    on_both("staff-disable", |env| async move {
        let (id, email) = env.add_user(Role::Sales).await;
        let browser = env.sign_in(&email, PASSWORD).await;
        let (token, secret) = env.app.create_token(&Principal::cli(), id, "sales laptop").await.unwrap();
        assert!(env.app.authenticate(&secret, "t".into()).await.is_ok());

        env.call(Method::POST, &format!("/users/{id}/disable"), None, StatusCode::NO_CONTENT).await;
        let r = env.get(&browser, "/contacts").await;
        assert_eq!((r.status, r.location()), (StatusCode::SEE_OTHER, "/login"), "the session ended");
        assert!(env.app.authenticate(&secret, "t".into()).await.is_err(), "the token was revoked");
        assert_eq!(env.try_sign_in(&email, PASSWORD).await.status, StatusCode::UNAUTHORIZED);
        let users = env.call(Method::GET, "/users", None, StatusCode::OK).await;
        let u = users.as_array().unwrap().iter().find(|u| u["id"] == id.to_string()).unwrap().clone();
        assert_eq!(u["disabled"], true);

        let entries = env.audit().await;
        assert!(has(&entries, "user.disable", &id.to_string()));
        assert!(has(&entries, "token.revoke", &token.id.to_string()));
        assert!(!serde_json::to_string(&entries).unwrap().contains(&email), "ids only, never emails");

        // Enabled again: signing in works; the revoked token stays revoked.
        env.call(Method::POST, &format!("/users/{id}/enable"), None, StatusCode::NO_CONTENT).await;
        env.sign_in(&email, PASSWORD).await;
        assert!(env.app.authenticate(&secret, "t".into()).await.is_err());
        assert!(has(&env.audit().await, "user.enable", &id.to_string()));
    })
    .await;
}

#[tokio::test]
async fn nobody_disables_themselves_or_the_last_admin() {
    on_both("staff-last-admin", |env| async move {
        let me = env.app.user_by_email(&Principal::cli(), ADMIN_EMAIL).await.unwrap().id;
        let r = env.call(Method::POST, &format!("/users/{me}/disable"), None, StatusCode::CONFLICT).await;
        assert!(r["detail"].as_str().unwrap().contains("your own account"), "{r}");
        // Bad ids and unknown users are problems, never 500.
        env.call(Method::POST, "/users/not-a-uuid/disable", None, StatusCode::BAD_REQUEST).await;
        let nobody = uuid::Uuid::now_v7();
        env.call(Method::POST, &format!("/users/{nobody}/disable"), None, StatusCode::NOT_FOUND).await;
        env.call(Method::POST, &format!("/users/{nobody}/password-reset"), Some(json!({})), StatusCode::NOT_FOUND)
            .await;
        env.call(
            Method::POST,
            &format!("/users/{me}/password-reset"),
            Some(json!({"x": 1})),
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
        // The operator cannot disable the last enabled admin either.
        let e = env.app.disable_user(&Principal::cli(), me).await.unwrap_err();
        assert!(e.to_string().contains("last enabled admin"), "{e}");
        // With a second admin, one admin may disable the other.
        let (other, _) = env.add_user(Role::Admin).await;
        env.call(Method::POST, &format!("/users/{other}/disable"), None, StatusCode::NO_CONTENT).await;
        // A non-admin may not.
        let (_, sales) = env.add_user(Role::Sales).await;
        let b = env.sign_in(&sales, PASSWORD).await;
        assert_eq!(env.post(&b, &format!("/admin/users/{other}/enable"), &[]).await.status, StatusCode::FORBIDDEN);
    })
    .await;
}

#[tokio::test]
async fn a_reset_password_must_be_changed_at_next_sign_in() {
    on_both("staff-reset", |env| async move {
        let (id, email) = env.add_user(Role::Support).await;
        let before = env.sign_in(&email, PASSWORD).await;
        let r = env.call(Method::POST, &format!("/users/{id}/password-reset"), Some(json!({})), StatusCode::OK).await;
        let temp = r["temporary_password"].as_str().unwrap().to_owned();
        assert_eq!(env.get(&before, "/contacts").await.location(), "/login", "sessions ended");
        assert_eq!(env.try_sign_in(&email, PASSWORD).await.status, StatusCode::UNAUTHORIZED);

        let b = env.sign_in(&email, &temp).await;
        for path in ["/contacts", "/account", "/deals"] {
            let r = env.get(&b, path).await;
            assert_eq!((r.status, r.location()), (StatusCode::SEE_OTHER, "/account/password"), "{path}");
        }
        let page = env.get(&b, "/account/password").await;
        assert!(page.body.contains("id=\"must-change\""));
        // A common password is refused; so is a wrong temporary one.
        let weak =
            [("current_password", temp.as_str()), ("password", "password1234"), ("password_again", "password1234")];
        let r = env.post(&b, "/account/password", &weak).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.body.contains("common"), "{}", r.body);
        let new = "amber walnut cascade 42";
        let wrong = [("current_password", "not-it-at-all"), ("password", new), ("password_again", new)];
        assert_eq!(env.post(&b, "/account/password", &wrong).await.status, StatusCode::UNPROCESSABLE_ENTITY);
        let ok = [("current_password", temp.as_str()), ("password", new), ("password_again", new)];
        let r = env.post(&b, "/account/password", &ok).await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.body);
        assert_eq!(env.get(&b, "/contacts").await.status, StatusCode::OK, "free to work again");
        env.sign_in(&email, new).await;
        let entries = env.audit().await;
        assert!(has(&entries, "user.password_reset", &id.to_string()));
        assert!(has(&entries, "user.password_change", &id.to_string()));
        assert!(!serde_json::to_string(&entries).unwrap().contains(&temp));
    })
    .await;
}

#[tokio::test]
async fn own_change_keeps_this_session_and_ends_the_others() {
    on_both("staff-own", |env| async move {
        let (_, email) = env.add_user(Role::Marketing).await;
        let here = env.sign_in(&email, PASSWORD).await;
        let elsewhere = env.sign_in(&email, PASSWORD).await;
        let users = env.call(Method::GET, "/users", None, StatusCode::OK).await;
        let u = users.as_array().unwrap().iter().find(|u| u["email"] == email).unwrap().clone();
        assert!(u["last_sign_in_at"].is_string(), "last sign-in shown: {u}");
        let new = "violet harbour engine 7";
        let mismatch = [("current_password", PASSWORD), ("password", new), ("password_again", "something else")];
        assert_eq!(env.post(&here, "/account/password", &mismatch).await.status, StatusCode::UNPROCESSABLE_ENTITY);
        let ok = [("current_password", PASSWORD), ("password", new), ("password_again", new)];
        let r = env.post(&here, "/account/password", &ok).await;
        assert_eq!(r.text_of("notice").as_deref(), Some("Password changed. Your other sessions have ended."));
        assert_eq!(env.get(&here, "/contacts").await.status, StatusCode::OK);
        assert_eq!(env.get(&elsewhere, "/contacts").await.location(), "/login");
    })
    .await;
}

#[tokio::test]
async fn lock_out_grows_and_an_admin_unlocks() {
    on_both("staff-lock", |env| async move {
        let (id, email) = env.add_user(Role::Sales).await;
        for i in 0..5 {
            assert_eq!(env.try_sign_in(&email, "wrong-password-123").await.status, StatusCode::UNAUTHORIZED, "{i}");
        }
        let r = env.try_sign_in(&email, PASSWORD).await;
        assert_eq!(r.status, StatusCode::TOO_MANY_REQUESTS);
        assert!(r.body.contains("seconds."), "a short wait first, not 15 minutes: {}", r.body);
        // The admin page shows it; unlocking lets the right password in at once.
        let admin = env.app.user_by_email(&Principal::cli(), ADMIN_EMAIL).await.unwrap();
        let users = env.app.list_users(&Principal::cli()).await.unwrap();
        let locked = users.iter().find(|u| u.id == id).unwrap();
        assert!(env.app.locked_until(&Principal::cli(), locked).await.unwrap().is_some());
        let _ = admin;
        env.call(Method::POST, &format!("/users/{id}/unlock"), None, StatusCode::NO_CONTENT).await;
        env.sign_in(&email, PASSWORD).await;
        assert!(has(&env.audit().await, "user.unlock", &id.to_string()));

        // The wait doubles with each further failure, up to 15 minutes.
        use kith_app::sessions::ACCOUNT_BACKOFF as B;
        let key = b"growth-test-key".to_vec();
        let mut now = 1_000_000_000_000i64;
        let mut waits = Vec::new();
        for _ in 0..12 {
            let t = env.store.count_attempt_backoff(&key, now, B).await.unwrap();
            assert_eq!(t.locked_until, 0, "an attempt after the wait goes ahead");
            let until = env.store.locked_until(&key, now).await.unwrap().unwrap_or(now);
            waits.push((until - now) / 1000);
            // Too early: refused, and the wait does not move.
            if until > now {
                let early = env.store.count_attempt_backoff(&key, now + 1, B).await.unwrap();
                assert_eq!(early.locked_until, until);
            }
            now = until + 1;
        }
        assert_eq!(waits, [0, 0, 0, 0, 15, 30, 60, 120, 240, 480, 900, 900]);
    })
    .await;
}

#[tokio::test]
async fn common_passwords_are_refused_wherever_one_is_set() {
    on_both("staff-common", |env| async move {
        for bad in ["password1234", "Password1234!", "qwertyuiop123", "short"] {
            let body = json!({"email": "new.person@example.com", "role": "sales", "password": bad});
            let r = env.call(Method::POST, "/users", Some(body), StatusCode::UNPROCESSABLE_ENTITY).await;
            assert_eq!(r["errors"][0]["field"], "password", "{bad}: {r}");
        }
        let (id, email) = env.add_user(Role::Sales).await;
        let e = env.app.set_password(&Principal::cli(), id, "iloveyou1234", false).await.unwrap_err();
        assert!(e.to_string().contains("password") || matches!(e, kith_app::AppError::Invalid(_)), "{e}");
        env.app.set_password(&Principal::cli(), id, "granite pelican mosaic", false).await.unwrap();
        // The admin page's form says why, next to the field; the meter asks the same rule.
        let admin = env.sign_in(ADMIN_EMAIL, PASSWORD).await;
        let r = env
            .post(
                &admin,
                "/admin/users",
                &[("email", "x@example.com"), ("role", "sales"), ("password", "letmein12345")],
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.text_of("password-error").unwrap().contains("common"), "{}", r.body);
        let m = env.post(&admin, "/account/password-strength", &[("password", "letmein12345")]).await;
        let v: Value = serde_json::from_str(&m.body).unwrap();
        assert_eq!(v["acceptable"], false);
        let m = env.post(&admin, "/account/password-strength", &[("password", "granite pelican mosaic")]).await;
        let v: Value = serde_json::from_str(&m.body).unwrap();
        assert_eq!((v["acceptable"].clone(), v["score"].as_u64().unwrap() >= 3), (json!(true), true));
        let _ = email;
    })
    .await;
}
