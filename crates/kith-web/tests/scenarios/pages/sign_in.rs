//! Signing in and out: the session cookie, throttling, and the form tokens.

use crate::harness::{form_body, on_both, Browser, PASSWORD};
use axum::http::{Method, StatusCode};
use kith_domain::Role;

#[tokio::test]
async fn signed_out_visitors_are_sent_to_sign_in() {
    on_both("signed_out_visitors_are_sent_to_sign_in", |env| async move {
        for path in ["/contacts", "/companies", "/deals", "/audit", "/admin/users", "/contacts/new"] {
            let r = env.send(Method::GET, path, None, None).await;
            assert_eq!(r.status, StatusCode::SEE_OTHER, "{path}");
            assert_eq!(r.location(), "/login", "{path}");
        }
        let r = env.send(Method::GET, "/contacts", Some("kith_session=forged"), None).await;
        assert_eq!(r.location(), "/login");
        let login = env.send(Method::GET, "/login", None, None).await;
        assert_eq!(login.status, StatusCode::OK);
        assert!(login.body.contains("<label for=\"email\">Email</label>"));
    })
    .await;
}

#[tokio::test]
async fn sign_in_sets_a_hardened_cookie_and_sign_out_ends_the_session() {
    on_both("sign_in_sets_a_hardened_cookie_and_sign_out_ends_the_session", |env| async move {
        let email = env.add_user(Role::Sales).await.1;
        let r = env.try_sign_in(&email, PASSWORD).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        assert_eq!(r.location(), "/contacts");
        let c = r.set_cookie("kith_session").unwrap();
        assert!(c.contains("HttpOnly") && c.contains("SameSite=Lax") && c.contains("Path=/"), "{c}");
        assert!(!c.contains("Secure"), "no TLS, no Secure: {c}");
        let cookie = c.split(';').next().unwrap().to_owned();
        let page = env.send(Method::GET, "/contacts", Some(&cookie), None).await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(page.body.contains(&email));
        let s = Browser { cookie: cookie.clone(), csrf: page.csrf() };
        let out = env.post(&s, "/logout", &[]).await;
        assert_eq!(out.location(), "/login");
        let after = env.send(Method::GET, "/contacts", Some(&cookie), None).await;
        assert_eq!(after.location(), "/login", "the old cookie no longer works");
    })
    .await;
}

#[tokio::test]
async fn cookies_are_secure_behind_tls() {
    on_both("cookies_are_secure_behind_tls", |env| async move {
        let env = env.with_web(kith_web::pages::WebConfig { secure_cookies: true, ..Default::default() });
        let email = env.add_user(Role::Sales).await.1;
        let r = env.try_sign_in(&email, PASSWORD).await;
        let c = r.set_cookie("__Host-kith_session").expect("__Host- cookie");
        assert!(c.contains("; Secure"), "{c}");
    })
    .await;
}

#[tokio::test]
async fn bad_credentials_do_not_reveal_whether_the_email_exists() {
    on_both("bad_credentials_do_not_reveal_whether_the_email_exists", |env| async move {
        let email = env.add_user(Role::Sales).await.1;
        let wrong = env.try_sign_in(&email, "not-the-password").await;
        let unknown = env.try_sign_in("nobody-here@example.com", "not-the-password").await;
        assert_eq!(wrong.status, StatusCode::UNAUTHORIZED);
        assert_eq!(unknown.status, StatusCode::UNAUTHORIZED);
        let msg = "The email or the password is not correct.";
        assert!(wrong.body.contains(msg) && unknown.body.contains(msg));
        assert!(wrong.cookie("kith_session").is_none());
    })
    .await;
}

#[tokio::test]
async fn repeated_failures_lock_the_account_out() {
    on_both("repeated_failures_lock_the_account_out", |env| async move {
        let email = env.add_user(Role::Sales).await.1;
        for i in 0..5 {
            let r = env.try_sign_in(&email, "wrong-password-123").await;
            assert_eq!(r.status, StatusCode::UNAUTHORIZED, "attempt {i}");
        }
        let sixth = env.try_sign_in(&email, "wrong-password-123").await;
        assert_eq!(sixth.status, StatusCode::TOO_MANY_REQUESTS);
        // Even the right password is refused while locked.
        let right = env.try_sign_in(&email, PASSWORD).await;
        assert_eq!(right.status, StatusCode::TOO_MANY_REQUESTS);
        assert!(right.body.contains("Too many failed attempts"));
        assert!(right.cookie("kith_session").is_none());
        // Another account is not affected.
        let other = env.add_user(Role::Sales).await.1;
        assert_eq!(env.try_sign_in(&other, PASSWORD).await.status, StatusCode::SEE_OTHER);
    })
    .await;
}

#[tokio::test]
async fn sign_in_without_its_form_token_is_refused() {
    on_both("sign_in_without_its_form_token_is_refused", |env| async move {
        let email = env.add_user(Role::Sales).await.1;
        let body = form_body(&[("email", &email), ("password", PASSWORD), ("csrf", "guess")]);
        let r = env.send(Method::POST, "/login", Some("kith_login=other"), Some(body)).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN);
        assert!(r.cookie("kith_session").is_none());
    })
    .await;
}

#[tokio::test]
async fn forms_without_the_session_token_change_nothing() {
    on_both("forms_without_the_session_token_change_nothing", |env| async move {
        let s = env.sign_in_as(Role::Sales).await;
        let before = env.app.store().count_contacts().await.unwrap();
        for csrf in ["", "wrong"] {
            let body = form_body(&[("csrf", csrf), ("last_name", "Forgiato")]);
            let r = env.send(Method::POST, "/contacts/new", Some(&s.cookie), Some(body)).await;
            assert_eq!(r.status, StatusCode::FORBIDDEN);
            assert!(r.body.contains("The form has expired"));
        }
        assert_eq!(env.app.store().count_contacts().await.unwrap(), before);
    })
    .await;
}
