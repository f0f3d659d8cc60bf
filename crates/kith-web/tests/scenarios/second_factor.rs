//! The second factor (TOTP) and API tokens as credentials, through the real
//! router on SQLite and PostgreSQL: enrolment, the second sign-in step,
//! recovery codes, `--require-2fa` (issue 13, second factor), and tokens
//! minted for oneself only and named in the audit trail (item 7).

use crate::harness::totp::{base32_bytes, now_secs, totp_code};
use crate::harness::{on_both, Browser, Resp, TestApp, ADMIN_EMAIL, PASSWORD};
use axum::http::{Method, StatusCode};
use kith_app::Principal;
use kith_domain::Role;
use serde_json::json;

/// Enrols the browser's user; returns the secret and the recovery codes.
async fn enrol(env: &TestApp, b: &Browser) -> (String, Vec<String>) {
    let r = env.post(b, "/account/second-factor/start", &[]).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert!(r.body.contains("src=\"data:image/svg+xml;base64,"), "a QR code");
    let secret = r.text_of("totp-secret").expect("the secret in text");
    let wrong = if totp_code(&secret, now_secs()) == "000000" { "111111" } else { "000000" };
    let bad = env.post(b, "/account/second-factor/confirm", &[("code", wrong)]).await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.body.contains("id=\"totp-secret\""), "the QR code stays for another try");
    let ok = env.post(b, "/account/second-factor/confirm", &[("code", &totp_code(&secret, now_secs()))]).await;
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

#[tokio::test]
async fn enrol_then_sign_in_with_a_code() {
    on_both("tfa-enrol", |env| async move {
        let email = env.add_user(Role::Sales).await.1;
        let b = env.sign_in(&email, PASSWORD).await;
        let (secret, codes) = enrol(&env, &b).await;
        assert!(env.get(&b, "/account").await.body.contains("10 recovery codes left"));
        // The secret is sealed at rest: neither it nor its bytes are stored in clear.
        if env.store.engine() == kith_store::Engine::Postgres {
            let raw = base32_bytes(&secret);
            let all = env.store.raw_dump_pg().await.unwrap();
            assert!(!all.contains(&secret) && !contains_bytes(&all, &raw), "TOTP secret stored in clear");
        }

        // A password alone no longer signs in.
        let first = env.try_sign_in(&email, PASSWORD).await;
        assert!(first.cookie("kith_session").is_none());
        assert_eq!(
            env.get(&Browser { cookie: first.cookie("kith_2fa").unwrap(), csrf: String::new() }, "/contacts")
                .await
                .location(),
            "/login"
        );
        let wrong = env.second_step(&first, "123456x").await;
        assert_eq!(wrong.status, StatusCode::UNAUTHORIZED);
        // A code is accepted once: replayed, it is refused.
        let code = totp_code(&secret, now_secs() + 30);
        let next = env.second_step(&first, &code).await;
        let cookie = session_of(&next);
        assert_eq!(env.get(&Browser { cookie, csrf: String::new() }, "/contacts").await.status, StatusCode::OK);
        let first = env.try_sign_in(&email, PASSWORD).await;
        let replay = env.second_step(&first, &code).await;
        assert_eq!(replay.status, StatusCode::UNAUTHORIZED, "a replayed code was accepted: {}", replay.body);

        // A recovery code signs in once.
        let first = env.try_sign_in(&email, PASSWORD).await;
        session_of(&env.second_step(&first, &codes[3].to_uppercase()).await);
        let first = env.try_sign_in(&email, PASSWORD).await;
        assert_eq!(env.second_step(&first, &codes[3]).await.status, StatusCode::UNAUTHORIZED);

        // Turning it off needs the password; a session alone cannot replace it.
        let b = env.browser(next.cookie("kith_session").unwrap()).await;
        let r = env.post(&b, "/account/second-factor/start", &[]).await;
        assert_eq!(r.status, StatusCode::CONFLICT, "a session replaced the factor without the password");
        let r = env.post(&b, "/account/second-factor/disable", &[("current_password", "not-my-password")]).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        let r = env.post(&b, "/account/second-factor/disable", &[("current_password", PASSWORD)]).await;
        assert_eq!(r.text_of("notice").as_deref(), Some("Second factor off."));
        env.sign_in(&email, PASSWORD).await;
        let actions: Vec<String> = env.audit().await.iter().map(|e| e["action"].as_str().unwrap().to_owned()).collect();
        for a in ["user.second_factor_enable", "user.recovery_code_use", "user.second_factor_disable"] {
            assert!(actions.iter().any(|x| x == a), "{a} audited");
        }
    })
    .await;
}

fn contains_bytes(hay: &str, needle: &[u8]) -> bool {
    let hex: String = needle.iter().map(|b| format!("{b:02x}")).collect();
    hay.contains(&hex) || hay.as_bytes().windows(needle.len()).any(|w| w == needle)
}

#[tokio::test]
async fn wrong_codes_make_the_next_attempt_wait_and_a_reset_may_clear_it() {
    on_both("tfa-throttle", |env| async move {
        let email = env.add_user(Role::Support).await.1;
        let b = env.sign_in(&email, PASSWORD).await;
        let (secret, _) = enrol(&env, &b).await;
        let first = env.try_sign_in(&email, PASSWORD).await;
        for _ in 0..5 {
            assert_eq!(env.second_step(&first, "000000x").await.status, StatusCode::UNAUTHORIZED);
        }
        let r = env.second_step(&first, &totp_code(&secret, now_secs() + 30)).await;
        assert_eq!(r.status, StatusCode::TOO_MANY_REQUESTS, "{}", r.body);
        // An admin's reset keeps the second factor unless asked to clear it.
        let id = env.app.user_by_email(&Principal::cli(), &email).await.unwrap().id;
        let temp =
            env.call(Method::POST, &format!("/users/{id}/password-reset"), Some(json!({})), StatusCode::OK).await;
        let temp = temp["temporary_password"].as_str().unwrap().to_owned();
        assert_eq!(env.try_sign_in(&email, &temp).await.location(), "/login/code");
        let body = json!({"clear_second_factor": true});
        let temp = env.call(Method::POST, &format!("/users/{id}/password-reset"), Some(body), StatusCode::OK).await;
        let temp = temp["temporary_password"].as_str().unwrap().to_owned();
        let r = env.try_sign_in(&email, &temp).await;
        assert_eq!(r.location(), "/contacts", "the lost factor is gone");
        let users = env.call(Method::GET, "/users", None, StatusCode::OK).await;
        let u = users.as_array().unwrap().iter().find(|u| u["email"] == email).unwrap().clone();
        assert_eq!((u["second_factor"].clone(), u["must_change_password"].clone()), (json!(false), json!(true)));
    })
    .await;
}

#[tokio::test]
async fn require_2fa_confines_admins_and_dpos_to_enrolment() {
    on_both("tfa-required", |env| async move {
        let cfg = kith_web::pages::WebConfig { require_second_factor: true, ..Default::default() };
        let env = env.with_web(cfg);
        let dpo = env.add_user(Role::Dpo).await.1;
        let r = env.try_sign_in(&dpo, PASSWORD).await;
        let cookie = session_of(&r);
        for path in ["/contacts", "/audit", "/dsr", "/admin/users"] {
            let r = env.send(Method::GET, path, Some(&cookie), None).await;
            assert_eq!((r.status, r.location()), (StatusCode::SEE_OTHER, "/account"), "{path}");
        }
        let b = env.browser(cookie).await;
        assert!(env.get(&b, "/account").await.body.contains("id=\"must-enrol\""));
        let (secret, _) = enrol(&env, &b).await;
        assert_eq!(env.get(&b, "/audit").await.status, StatusCode::OK, "enrolled: free to work");
        let r = env.post(&b, "/account/second-factor/disable", &[("current_password", PASSWORD)]).await;
        assert_eq!(r.status, StatusCode::CONFLICT, "required: it cannot be turned off");
        let first = env.try_sign_in(&dpo, PASSWORD).await;
        session_of(&env.second_step(&first, &totp_code(&secret, now_secs() + 30)).await);
        // Other roles and API tokens are not affected.
        let sales = env.add_user(Role::Sales).await.1;
        let s = env.sign_in(&sales, PASSWORD).await;
        assert_eq!(env.get(&s, "/contacts").await.status, StatusCode::OK);
        env.call(Method::GET, "/contacts", None, StatusCode::OK).await;
    })
    .await;
}

#[tokio::test]
async fn tokens_are_minted_for_oneself_and_named_in_the_audit_trail() {
    on_both("tok-audit", |env| async move {
        let dpo_email = env.add_user(Role::Dpo).await.1;
        let dpo = env.app.user_by_email(&Principal::cli(), &dpo_email).await.unwrap().id;
        // The admin cannot mint a token that acts as the DPO.
        let body = json!({"name": "impersonation", "user_id": dpo});
        let r = env.call(Method::POST, "/tokens", Some(body), StatusCode::FORBIDDEN).await;
        assert!(r["detail"].as_str().unwrap().contains("other users"), "{r}");
        // Staff mint their own on My account; the admin may revoke them.
        let support_email = env.add_user(Role::Support).await.1;
        let dpo = env.app.user_by_email(&Principal::cli(), &support_email).await.unwrap().id;
        let b = env.sign_in(&support_email, PASSWORD).await;
        let r = env.post(&b, "/account/tokens", &[("name", "dpo reports")]).await;
        let secret = r.text_of("new-token").expect("shown once");
        let tokens = env.call(Method::GET, "/tokens", None, StatusCode::OK).await;
        let t = tokens.as_array().unwrap().iter().find(|t| t["name"] == "dpo reports").unwrap().clone();
        let tid = t["id"].as_str().unwrap().to_owned();

        // A request made with the token is audited with the token beside its user.
        let body = json!({"first_name": "Ottavia", "emails": ["ottavia@example.it"]});
        let c = env.call_as(&secret, Method::POST, "/contacts", Some(body), StatusCode::CREATED).await;
        let c = c["id"].as_str().unwrap().to_owned();
        let entries = env.audit().await;
        let e = entries.iter().find(|e| e["action"] == "contact.create" && e["subject_id"] == c.as_str()).unwrap();
        assert_eq!(
            (e["actor"].as_str().unwrap(), e["token_id"].as_str().unwrap()),
            (format!("user:{dpo}").as_str(), tid.as_str())
        );
        assert_eq!(e["token_name"], "dpo reports");
        let page = env.get(&env.sign_in(ADMIN_EMAIL, PASSWORD).await, &format!("/audit?user={dpo}")).await;
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
        env.call_as(&secret, Method::GET, "/contacts", None, StatusCode::UNAUTHORIZED).await;
        // The admin's tokens page makes tokens for the admin only.
        let admin = env.sign_in(ADMIN_EMAIL, PASSWORD).await;
        let page = env.get(&admin, "/admin/tokens").await;
        assert!(!page.body.contains("name=\"user\""), "no choice of user");
    })
    .await;
}
