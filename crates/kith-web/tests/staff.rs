//! Staff accounts through the real router, on SQLite and PostgreSQL:
//! disabling, resets and own password changes (issue 13, item 4), the
//! growing lock-out and unlocking (item 10), and the password rule (item 12).

mod common;
#[path = "common/web.rs"]
mod web;

use axum::http::{Method, StatusCode};
use common::{on_postgres, on_sqlite, Env};
use kith_app::Principal;
use kith_domain::{Role, UserId};
use serde_json::{json, Value};
use web::{get, post, sign_in, try_sign_in, PASSWORD};

async fn add_user(env: &Env, role: Role) -> (UserId, String) {
    let email = format!("{}-{}@example.com", role.as_str(), uuid::Uuid::now_v7().simple());
    let u = env.app.add_user(&Principal::cli(), &email, role, PASSWORD).await.unwrap();
    (u.id, email)
}

/// The audit entries of this test's database, oldest first.
async fn audit(env: &Env) -> Vec<Value> {
    env.call(Method::GET, "/audit?limit=200", None, StatusCode::OK).await["items"].as_array().unwrap().clone()
}

fn has(entries: &[Value], action: &str, object: &str) -> bool {
    entries.iter().any(|e| e["action"] == action && e["object_id"] == object)
}

async fn disabling_ends_sessions_and_tokens_at_once(env: Env) {
    let (id, email) = add_user(&env, Role::Sales).await;
    let browser = sign_in(&env.router, &email, PASSWORD).await;
    let (token, secret) = env.app.create_token(&Principal::cli(), id, "sales laptop").await.unwrap();
    assert!(env.app.authenticate(&secret, "t".into()).await.is_ok());

    env.call(Method::POST, &format!("/users/{id}/disable"), None, StatusCode::NO_CONTENT).await;
    let r = get(&env.router, &browser, "/contacts").await;
    assert_eq!((r.status, r.location()), (StatusCode::SEE_OTHER, "/login"), "the session ended");
    assert!(env.app.authenticate(&secret, "t".into()).await.is_err(), "the token was revoked");
    assert_eq!(try_sign_in(&env.router, &email, PASSWORD).await.status, StatusCode::UNAUTHORIZED);
    let users = env.call(Method::GET, "/users", None, StatusCode::OK).await;
    let u = users.as_array().unwrap().iter().find(|u| u["id"] == id.to_string()).unwrap().clone();
    assert_eq!(u["disabled"], true);

    let entries = audit(&env).await;
    assert!(has(&entries, "user.disable", &id.to_string()));
    assert!(has(&entries, "token.revoke", &token.id.to_string()));
    assert!(!serde_json::to_string(&entries).unwrap().contains(&email), "ids only, never emails");

    // Enabled again: signing in works; the revoked token stays revoked.
    env.call(Method::POST, &format!("/users/{id}/enable"), None, StatusCode::NO_CONTENT).await;
    sign_in(&env.router, &email, PASSWORD).await;
    assert!(env.app.authenticate(&secret, "t".into()).await.is_err());
    assert!(has(&audit(&env).await, "user.enable", &id.to_string()));
}

#[tokio::test]
async fn disabling_ends_sessions_and_tokens_at_once_sqlite() {
    on_sqlite("staff-disable", disabling_ends_sessions_and_tokens_at_once).await;
}

#[tokio::test]
async fn disabling_ends_sessions_and_tokens_at_once_postgres() {
    on_postgres("staff_disable", disabling_ends_sessions_and_tokens_at_once).await;
}

async fn nobody_disables_themselves_or_the_last_admin(env: Env) {
    let me = env.app.user_by_email(&Principal::cli(), "dpo@example.com").await.unwrap().id;
    let r = env.call(Method::POST, &format!("/users/{me}/disable"), None, StatusCode::CONFLICT).await;
    assert!(r["detail"].as_str().unwrap().contains("your own account"), "{r}");
    // Bad ids and unknown users are problems, never 500.
    env.call(Method::POST, "/users/not-a-uuid/disable", None, StatusCode::BAD_REQUEST).await;
    let nobody = uuid::Uuid::now_v7();
    env.call(Method::POST, &format!("/users/{nobody}/disable"), None, StatusCode::NOT_FOUND).await;
    env.call(Method::POST, &format!("/users/{nobody}/password-reset"), Some(json!({})), StatusCode::NOT_FOUND).await;
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
    let (other, _) = add_user(&env, Role::Admin).await;
    env.call(Method::POST, &format!("/users/{other}/disable"), None, StatusCode::NO_CONTENT).await;
    // A non-admin may not.
    let (_, sales) = add_user(&env, Role::Sales).await;
    let b = sign_in(&env.router, &sales, PASSWORD).await;
    assert_eq!(post(&env.router, &b, &format!("/admin/users/{other}/enable"), &[]).await.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn nobody_disables_themselves_or_the_last_admin_sqlite() {
    on_sqlite("staff-last-admin", nobody_disables_themselves_or_the_last_admin).await;
}

#[tokio::test]
async fn nobody_disables_themselves_or_the_last_admin_postgres() {
    on_postgres("staff_last_admin", nobody_disables_themselves_or_the_last_admin).await;
}

async fn a_reset_password_must_be_changed_at_next_sign_in(env: Env) {
    let (id, email) = add_user(&env, Role::Support).await;
    let before = sign_in(&env.router, &email, PASSWORD).await;
    let r = env.call(Method::POST, &format!("/users/{id}/password-reset"), Some(json!({})), StatusCode::OK).await;
    let temp = r["temporary_password"].as_str().unwrap().to_owned();
    assert_eq!(get(&env.router, &before, "/contacts").await.location(), "/login", "sessions ended");
    assert_eq!(try_sign_in(&env.router, &email, PASSWORD).await.status, StatusCode::UNAUTHORIZED);

    let b = sign_in(&env.router, &email, &temp).await;
    for path in ["/contacts", "/account", "/deals"] {
        let r = get(&env.router, &b, path).await;
        assert_eq!((r.status, r.location()), (StatusCode::SEE_OTHER, "/account/password"), "{path}");
    }
    let page = get(&env.router, &b, "/account/password").await;
    assert!(page.body.contains("id=\"must-change\""));
    // A common password is refused; so is a wrong temporary one.
    let weak = [("current_password", temp.as_str()), ("password", "password1234"), ("password_again", "password1234")];
    let r = post(&env.router, &b, "/account/password", &weak).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("common"), "{}", r.body);
    let new = "amber walnut cascade 42";
    let wrong = [("current_password", "not-it-at-all"), ("password", new), ("password_again", new)];
    assert_eq!(post(&env.router, &b, "/account/password", &wrong).await.status, StatusCode::UNPROCESSABLE_ENTITY);
    let ok = [("current_password", temp.as_str()), ("password", new), ("password_again", new)];
    let r = post(&env.router, &b, "/account/password", &ok).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert_eq!(get(&env.router, &b, "/contacts").await.status, StatusCode::OK, "free to work again");
    sign_in(&env.router, &email, new).await;
    let entries = audit(&env).await;
    assert!(has(&entries, "user.password_reset", &id.to_string()));
    assert!(has(&entries, "user.password_change", &id.to_string()));
    assert!(!serde_json::to_string(&entries).unwrap().contains(&temp));
}

#[tokio::test]
async fn a_reset_password_must_be_changed_at_next_sign_in_sqlite() {
    on_sqlite("staff-reset", a_reset_password_must_be_changed_at_next_sign_in).await;
}

#[tokio::test]
async fn a_reset_password_must_be_changed_at_next_sign_in_postgres() {
    on_postgres("staff_reset", a_reset_password_must_be_changed_at_next_sign_in).await;
}

async fn own_change_keeps_this_session_and_ends_the_others(env: Env) {
    let (_, email) = add_user(&env, Role::Marketing).await;
    let here = sign_in(&env.router, &email, PASSWORD).await;
    let elsewhere = sign_in(&env.router, &email, PASSWORD).await;
    let users = env.call(Method::GET, "/users", None, StatusCode::OK).await;
    let u = users.as_array().unwrap().iter().find(|u| u["email"] == email).unwrap().clone();
    assert!(u["last_sign_in_at"].is_string(), "last sign-in shown: {u}");
    let new = "violet harbour engine 7";
    let mismatch = [("current_password", PASSWORD), ("password", new), ("password_again", "something else")];
    assert_eq!(post(&env.router, &here, "/account/password", &mismatch).await.status, StatusCode::UNPROCESSABLE_ENTITY);
    let ok = [("current_password", PASSWORD), ("password", new), ("password_again", new)];
    let r = post(&env.router, &here, "/account/password", &ok).await;
    assert_eq!(r.text_of("notice").as_deref(), Some("Password changed. Your other sessions have ended."));
    assert_eq!(get(&env.router, &here, "/contacts").await.status, StatusCode::OK);
    assert_eq!(get(&env.router, &elsewhere, "/contacts").await.location(), "/login");
}

#[tokio::test]
async fn own_change_keeps_this_session_and_ends_the_others_sqlite() {
    on_sqlite("staff-own", own_change_keeps_this_session_and_ends_the_others).await;
}

#[tokio::test]
async fn own_change_keeps_this_session_and_ends_the_others_postgres() {
    on_postgres("staff_own", own_change_keeps_this_session_and_ends_the_others).await;
}

async fn lock_out_grows_and_an_admin_unlocks(env: Env) {
    let (id, email) = add_user(&env, Role::Sales).await;
    for i in 0..5 {
        assert_eq!(
            try_sign_in(&env.router, &email, "wrong-password-123").await.status,
            StatusCode::UNAUTHORIZED,
            "{i}"
        );
    }
    let r = try_sign_in(&env.router, &email, PASSWORD).await;
    assert_eq!(r.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(r.body.contains("seconds."), "a short wait first, not 15 minutes: {}", r.body);
    // The admin page shows it; unlocking lets the right password in at once.
    let admin = env.app.user_by_email(&Principal::cli(), "dpo@example.com").await.unwrap();
    let users = env.app.list_users(&Principal::cli()).await.unwrap();
    let locked = users.iter().find(|u| u.id == id).unwrap();
    assert!(env.app.locked_until(&Principal::cli(), locked).await.unwrap().is_some());
    let _ = admin;
    env.call(Method::POST, &format!("/users/{id}/unlock"), None, StatusCode::NO_CONTENT).await;
    sign_in(&env.router, &email, PASSWORD).await;
    assert!(has(&audit(&env).await, "user.unlock", &id.to_string()));

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
}

#[tokio::test]
async fn lock_out_grows_and_an_admin_unlocks_sqlite() {
    on_sqlite("staff-lock", lock_out_grows_and_an_admin_unlocks).await;
}

#[tokio::test]
async fn lock_out_grows_and_an_admin_unlocks_postgres() {
    on_postgres("staff_lock", lock_out_grows_and_an_admin_unlocks).await;
}

async fn common_passwords_are_refused_wherever_one_is_set(env: Env) {
    for bad in ["password1234", "Password1234!", "qwertyuiop123", "short"] {
        let body = json!({"email": "new.person@example.com", "role": "sales", "password": bad});
        let r = env.call(Method::POST, "/users", Some(body), StatusCode::UNPROCESSABLE_ENTITY).await;
        assert_eq!(r["errors"][0]["field"], "password", "{bad}: {r}");
    }
    let (id, email) = add_user(&env, Role::Sales).await;
    let e = env.app.set_password(&Principal::cli(), id, "iloveyou1234", false).await.unwrap_err();
    assert!(e.to_string().contains("password") || matches!(e, kith_app::AppError::Invalid(_)), "{e}");
    env.app.set_password(&Principal::cli(), id, "granite pelican mosaic", false).await.unwrap();
    // The admin page's form says why, next to the field; the meter asks the same rule.
    let admin = sign_in(&env.router, "dpo@example.com", PASSWORD).await;
    let r = post(
        &env.router,
        &admin,
        "/admin/users",
        &[("email", "x@example.com"), ("role", "sales"), ("password", "letmein12345")],
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.text_of("password-error").unwrap().contains("common"), "{}", r.body);
    let m = post(&env.router, &admin, "/account/password-strength", &[("password", "letmein12345")]).await;
    let v: Value = serde_json::from_str(&m.body).unwrap();
    assert_eq!(v["acceptable"], false);
    let m = post(&env.router, &admin, "/account/password-strength", &[("password", "granite pelican mosaic")]).await;
    let v: Value = serde_json::from_str(&m.body).unwrap();
    assert_eq!((v["acceptable"].clone(), v["score"].as_u64().unwrap() >= 3), (json!(true), true));
    let _ = email;
}

#[tokio::test]
async fn common_passwords_are_refused_wherever_one_is_set_sqlite() {
    on_sqlite("staff-common", common_passwords_are_refused_wherever_one_is_set).await;
}

#[tokio::test]
async fn common_passwords_are_refused_wherever_one_is_set_postgres() {
    on_postgres("staff_common", common_passwords_are_refused_wherever_one_is_set).await;
}
