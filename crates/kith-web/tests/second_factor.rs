//! The second factor (TOTP) and API tokens as credentials, through the real
//! router on SQLite and PostgreSQL: enrolment, the second sign-in step,
//! recovery codes, `--require-2fa` (issue 13, second factor), and tokens
//! minted for oneself only and named in the audit trail (item 7).

mod common;
#[path = "common/web.rs"]
mod web;

use axum::http::{Method, StatusCode};
use common::{on_postgres, on_sqlite, Env};
use kith_app::Principal;
use kith_domain::Role;
use serde_json::{json, Value};
use web::{get, now_secs, post, second_step, sign_in, totp_code, try_sign_in, Browser, Resp, PASSWORD};

async fn add_user(env: &Env, role: Role) -> String {
    let email = format!("{}-{}@example.com", role.as_str(), uuid::Uuid::now_v7().simple());
    env.app.add_user(&Principal::cli(), &email, role, PASSWORD).await.unwrap();
    email
}

/// Enrols the browser's user; returns the secret and the recovery codes.
async fn enrol(router: &axum::Router, b: &Browser) -> (String, Vec<String>) {
    let r = post(router, b, "/account/second-factor/start", &[]).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert!(r.body.contains("src=\"data:image/svg+xml;base64,"), "a QR code");
    let secret = r.text_of("totp-secret").expect("the secret in text");
    let wrong = if totp_code(&secret, now_secs()) == "000000" { "111111" } else { "000000" };
    let bad = post(router, b, "/account/second-factor/confirm", &[("code", wrong)]).await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.body.contains("id=\"totp-secret\""), "the QR code stays for another try");
    let ok = post(router, b, "/account/second-factor/confirm", &[("code", &totp_code(&secret, now_secs()))]).await;
    assert_eq!(ok.status, StatusCode::OK, "{}", ok.body);
    let codes: Vec<String> =
        ok.body.split("<li><code>").skip(1).map(|s| s.split('<').next().unwrap().to_owned()).collect();
    assert_eq!(codes.len(), 10);
    (secret, codes)
}

fn session_of(r: &Resp) -> String {
    assert_eq!((r.status, r.location()), (StatusCode::SEE_OTHER, "/contacts"), "{}", r.body);
    r.cookie("kith_session").expect("session")
}

async fn enrol_then_sign_in_with_a_code(env: Env) {
    let email = add_user(&env, Role::Sales).await;
    let b = sign_in(&env.router, &email, PASSWORD).await;
    let (secret, codes) = enrol(&env.router, &b).await;
    assert!(get(&env.router, &b, "/account").await.body.contains("10 recovery codes left"));
    // The secret is sealed at rest: neither it nor its bytes are stored in clear.
    if env.store.engine() == kith_store::Engine::Postgres {
        let raw = web::base32_bytes(&secret);
        let all = env.store.raw_dump_pg().await.unwrap();
        assert!(!all.contains(&secret) && !contains_bytes(&all, &raw), "TOTP secret stored in clear");
    }

    // A password alone no longer signs in.
    let first = try_sign_in(&env.router, &email, PASSWORD).await;
    assert!(first.cookie("kith_session").is_none());
    assert_eq!(
        get(&env.router, &Browser { cookie: first.cookie("kith_2fa").unwrap(), csrf: String::new() }, "/contacts")
            .await
            .location(),
        "/login"
    );
    let wrong = second_step(&env.router, &first, "123456x").await;
    assert_eq!(wrong.status, StatusCode::UNAUTHORIZED);
    // A code is accepted once: replayed, it is refused.
    let code = totp_code(&secret, now_secs() + 30);
    let next = second_step(&env.router, &first, &code).await;
    let cookie = session_of(&next);
    assert_eq!(get(&env.router, &Browser { cookie, csrf: String::new() }, "/contacts").await.status, StatusCode::OK);
    let first = try_sign_in(&env.router, &email, PASSWORD).await;
    let replay = second_step(&env.router, &first, &code).await;
    assert_eq!(replay.status, StatusCode::UNAUTHORIZED, "a replayed code was accepted: {}", replay.body);

    // A recovery code signs in once.
    let first = try_sign_in(&env.router, &email, PASSWORD).await;
    session_of(&second_step(&env.router, &first, &codes[3].to_uppercase()).await);
    let first = try_sign_in(&env.router, &email, PASSWORD).await;
    assert_eq!(second_step(&env.router, &first, &codes[3]).await.status, StatusCode::UNAUTHORIZED);

    // Turning it off needs the password; a session alone cannot replace it.
    let b = web::browser(&env.router, next.cookie("kith_session").unwrap()).await;
    let r = post(&env.router, &b, "/account/second-factor/start", &[]).await;
    assert_eq!(r.status, StatusCode::CONFLICT, "a session replaced the factor without the password");
    let r = post(&env.router, &b, "/account/second-factor/disable", &[("current_password", "not-my-password")]).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    let r = post(&env.router, &b, "/account/second-factor/disable", &[("current_password", PASSWORD)]).await;
    assert_eq!(r.text_of("notice").as_deref(), Some("Second factor off."));
    sign_in(&env.router, &email, PASSWORD).await;
    let actions: Vec<String> = audit(&env).await.iter().map(|e| e["action"].as_str().unwrap().to_owned()).collect();
    for a in ["user.second_factor_enable", "user.recovery_code_use", "user.second_factor_disable"] {
        assert!(actions.iter().any(|x| x == a), "{a} audited");
    }
}

fn contains_bytes(hay: &str, needle: &[u8]) -> bool {
    let hex: String = needle.iter().map(|b| format!("{b:02x}")).collect();
    hay.contains(&hex) || hay.as_bytes().windows(needle.len()).any(|w| w == needle)
}

async fn audit(env: &Env) -> Vec<Value> {
    env.call(Method::GET, "/audit?limit=200", None, StatusCode::OK).await["items"].as_array().unwrap().clone()
}

#[tokio::test]
async fn enrol_then_sign_in_with_a_code_sqlite() {
    on_sqlite("tfa-enrol", enrol_then_sign_in_with_a_code).await;
}

#[tokio::test]
async fn enrol_then_sign_in_with_a_code_postgres() {
    on_postgres("tfa_enrol", enrol_then_sign_in_with_a_code).await;
}

async fn wrong_codes_make_the_next_attempt_wait_and_a_reset_may_clear_it(env: Env) {
    let email = add_user(&env, Role::Support).await;
    let b = sign_in(&env.router, &email, PASSWORD).await;
    let (secret, _) = enrol(&env.router, &b).await;
    let first = try_sign_in(&env.router, &email, PASSWORD).await;
    for _ in 0..5 {
        assert_eq!(second_step(&env.router, &first, "000000x").await.status, StatusCode::UNAUTHORIZED);
    }
    let r = second_step(&env.router, &first, &totp_code(&secret, now_secs() + 30)).await;
    assert_eq!(r.status, StatusCode::TOO_MANY_REQUESTS, "{}", r.body);
    // An admin's reset keeps the second factor unless asked to clear it.
    let id = env.app.user_by_email(&Principal::cli(), &email).await.unwrap().id;
    let temp = env.call(Method::POST, &format!("/users/{id}/password-reset"), Some(json!({})), StatusCode::OK).await;
    let temp = temp["temporary_password"].as_str().unwrap().to_owned();
    assert_eq!(try_sign_in(&env.router, &email, &temp).await.location(), "/login/code");
    let body = json!({"clear_second_factor": true});
    let temp = env.call(Method::POST, &format!("/users/{id}/password-reset"), Some(body), StatusCode::OK).await;
    let temp = temp["temporary_password"].as_str().unwrap().to_owned();
    let r = try_sign_in(&env.router, &email, &temp).await;
    assert_eq!(r.location(), "/contacts", "the lost factor is gone");
    let users = env.call(Method::GET, "/users", None, StatusCode::OK).await;
    let u = users.as_array().unwrap().iter().find(|u| u["email"] == email).unwrap().clone();
    assert_eq!((u["second_factor"].clone(), u["must_change_password"].clone()), (json!(false), json!(true)));
}

#[tokio::test]
async fn wrong_codes_make_the_next_attempt_wait_and_a_reset_may_clear_it_sqlite() {
    on_sqlite("tfa-throttle", wrong_codes_make_the_next_attempt_wait_and_a_reset_may_clear_it).await;
}

#[tokio::test]
async fn wrong_codes_make_the_next_attempt_wait_and_a_reset_may_clear_it_postgres() {
    on_postgres("tfa_throttle", wrong_codes_make_the_next_attempt_wait_and_a_reset_may_clear_it).await;
}

async fn require_2fa_confines_admins_and_dpos_to_enrolment(env: Env) {
    let cfg = kith_web::pages::WebConfig { require_second_factor: true, ..Default::default() };
    let router = kith_web::router_with(env.app.clone(), cfg);
    let dpo = add_user(&env, Role::Dpo).await;
    let r = try_sign_in(&router, &dpo, PASSWORD).await;
    let cookie = session_of(&r);
    for path in ["/contacts", "/audit", "/dsr", "/admin/users"] {
        let r = web::send(&router, Method::GET, path, Some(&cookie), None).await;
        assert_eq!((r.status, r.location()), (StatusCode::SEE_OTHER, "/account"), "{path}");
    }
    let b = web::browser(&router, cookie).await;
    assert!(get(&router, &b, "/account").await.body.contains("id=\"must-enrol\""));
    let (secret, _) = enrol(&router, &b).await;
    assert_eq!(get(&router, &b, "/audit").await.status, StatusCode::OK, "enrolled: free to work");
    let r = post(&router, &b, "/account/second-factor/disable", &[("current_password", PASSWORD)]).await;
    assert_eq!(r.status, StatusCode::CONFLICT, "required: it cannot be turned off");
    let first = try_sign_in(&router, &dpo, PASSWORD).await;
    session_of(&second_step(&router, &first, &totp_code(&secret, now_secs() + 30)).await);
    // Other roles and API tokens are not affected.
    let sales = add_user(&env, Role::Sales).await;
    let s = sign_in(&router, &sales, PASSWORD).await;
    assert_eq!(get(&router, &s, "/contacts").await.status, StatusCode::OK);
    env.call(Method::GET, "/contacts", None, StatusCode::OK).await;
}

#[tokio::test]
async fn require_2fa_confines_admins_and_dpos_to_enrolment_sqlite() {
    on_sqlite("tfa-required", require_2fa_confines_admins_and_dpos_to_enrolment).await;
}

#[tokio::test]
async fn require_2fa_confines_admins_and_dpos_to_enrolment_postgres() {
    on_postgres("tfa_required", require_2fa_confines_admins_and_dpos_to_enrolment).await;
}

async fn tokens_are_minted_for_oneself_and_named_in_the_audit_trail(env: Env) {
    let dpo_email = add_user(&env, Role::Dpo).await;
    let dpo = env.app.user_by_email(&Principal::cli(), &dpo_email).await.unwrap().id;
    // The admin cannot mint a token that acts as the DPO.
    let body = json!({"name": "impersonation", "user_id": dpo});
    let r = env.call(Method::POST, "/tokens", Some(body), StatusCode::FORBIDDEN).await;
    assert!(r["detail"].as_str().unwrap().contains("other users"), "{r}");
    // Staff mint their own on My account; the admin may revoke them.
    let support_email = add_user(&env, Role::Support).await;
    let dpo = env.app.user_by_email(&Principal::cli(), &support_email).await.unwrap().id;
    let b = sign_in(&env.router, &support_email, PASSWORD).await;
    let r = post(&env.router, &b, "/account/tokens", &[("name", "dpo reports")]).await;
    let secret = r.text_of("new-token").expect("shown once");
    let tokens = env.call(Method::GET, "/tokens", None, StatusCode::OK).await;
    let t = tokens.as_array().unwrap().iter().find(|t| t["name"] == "dpo reports").unwrap().clone();
    let tid = t["id"].as_str().unwrap().to_owned();

    // A request made with the token is audited with the token beside its user.
    let dpo_env = Env { app: env.app.clone(), store: env.store.clone(), router: env.router.clone(), token: secret };
    let c = dpo_env.id("/contacts", json!({"first_name": "Ottavia", "emails": ["ottavia@example.it"]})).await;
    let entries = audit(&env).await;
    let e = entries.iter().find(|e| e["action"] == "contact.create" && e["subject_id"] == c.as_str()).unwrap();
    assert_eq!(
        (e["actor"].as_str().unwrap(), e["token_id"].as_str().unwrap()),
        (format!("user:{dpo}").as_str(), tid.as_str())
    );
    assert_eq!(e["token_name"], "dpo reports");
    let page =
        get(&env.router, &sign_in(&env.router, "dpo@example.com", PASSWORD).await, &format!("/audit?user={dpo}")).await;
    assert!(page.body.contains(&format!("via API token dpo reports ({tid})")), "{}", page.body);
    // Entries with and without a token chain together and verify…
    assert_eq!(env.call(Method::GET, "/audit/verify", None, StatusCode::OK).await["intact"], true);
    // …and the token's name is covered by the hash.
    env.store
        .raw_execute("UPDATE audit_log SET token_name = 'someone else' WHERE token_name IS NOT NULL")
        .await
        .unwrap();
    let v = env.call(Method::GET, "/audit/verify", None, StatusCode::OK).await;
    assert_eq!(v["intact"], false, "{v}");
    env.store
        .raw_execute("UPDATE audit_log SET token_name = 'dpo reports' WHERE token_name IS NOT NULL")
        .await
        .unwrap();

    env.call(Method::DELETE, &format!("/tokens/{tid}"), None, StatusCode::NO_CONTENT).await;
    dpo_env.call(Method::GET, "/contacts", None, StatusCode::UNAUTHORIZED).await;
    // The admin's tokens page makes tokens for the admin only.
    let admin = sign_in(&env.router, "dpo@example.com", PASSWORD).await;
    let page = get(&env.router, &admin, "/admin/tokens").await;
    assert!(!page.body.contains("name=\"user\""), "no choice of user");
}

#[tokio::test]
async fn tokens_are_minted_for_oneself_and_named_in_the_audit_trail_sqlite() {
    on_sqlite("tok-audit", tokens_are_minted_for_oneself_and_named_in_the_audit_trail).await;
}

#[tokio::test]
async fn tokens_are_minted_for_oneself_and_named_in_the_audit_trail_postgres() {
    on_postgres("tok_audit", tokens_are_minted_for_oneself_and_named_in_the_audit_trail).await;
}
