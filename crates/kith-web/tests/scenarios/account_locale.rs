//! My account's language and time zone, and the pages that follow the
//! reader's language: a staff member's choice, else the browser's.

use crate::harness::{on_both, TestApp};
use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use kith_domain::Role;

/// A page opened with an `Accept-Language` header (and a cookie, if any).
async fn open(env: &TestApp, path: &str, cookie: Option<&str>, accept: &str) -> (StatusCode, String) {
    let mut req = Request::builder().method(Method::GET).uri(path).header(header::ACCEPT_LANGUAGE, accept);
    if let Some(c) = cookie {
        req = req.header(header::COOKIE, c);
    }
    let (status, _, bytes) = env.respond(req.body(Body::empty()).unwrap()).await;
    (status, String::from_utf8_lossy(&bytes).into_owned())
}

#[tokio::test]
async fn account_language_and_zone_put_the_pages_in_french() {
    on_both("account_language_and_zone_put_the_pages_in_french", |env| async move {
        let b = env.sign_in_as(Role::Sales).await;
        let before = env.get(&b, "/account").await;
        assert!(before.body.contains("Language and time zone") && before.body.contains("lang=\"en\""));
        assert!(before.body.contains(">Français</option>"), "languages by their own names");
        let r = env.post(&b, "/account/locale", &[("language", "fr"), ("time_zone", "Europe/Paris")]).await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.body);
        assert!(r.body.contains("<html lang=\"fr\">"), "{}", r.body);
        assert_eq!(r.text_of("notice").as_deref(), Some("Langue et fuseau horaire enregistrés."));
        assert!(r.body.contains("<option selected>Europe/Paris</option>"));
        assert!(r.body.contains("value=\"fr\" lang=\"fr\" selected"));
        // Every page after, whatever the browser says; errors too.
        let (_, contacts) = open(&env, "/contacts", Some(&b.cookie), "de").await;
        assert!(contacts.contains("Se déconnecter") && contacts.contains("Mon compte"), "{contacts}");
        let (status, missing) = open(&env, "/dsr/00000000-0000-4000-8000-000000000000", Some(&b.cookie), "de").await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        assert!(missing.contains("<h1>Introuvable</h1>") && missing.contains("Erreur 404."), "{missing}");
        // Back to the browser's language and the server's zone.
        let r = env.post(&b, "/account/locale", &[("language", ""), ("time_zone", "")]).await;
        assert_eq!(r.status, StatusCode::OK);
        assert!(r.body.contains("<html lang=\"en\">"), "no Accept-Language: English");
        let (_, page) = open(&env, "/account", Some(&b.cookie), "it-IT,it;q=0.9").await;
        assert!(page.contains("Il mio account"), "{page}");
    })
    .await;
}

#[tokio::test]
async fn account_locale_refuses_a_bad_zone_and_changes_nothing() {
    on_both("account_locale_refuses_a_bad_zone_and_changes_nothing", |env| async move {
        let b = env.sign_in_as(Role::Support).await;
        let r = env.post(&b, "/account/locale", &[("language", "fr"), ("time_zone", "Mars/Olympus_Mons")]).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(
            r.text_of("time_zone-error").as_deref(),
            Some("Choose a time zone from the list, such as Europe/Rome.")
        );
        let r = env.post(&b, "/account/locale", &[("language", "xx"), ("time_zone", "Europe/Paris")]).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.text_of("language-error").is_some(), "{}", r.body);
        let page = env.get(&b, "/account").await;
        assert!(page.body.contains("<html lang=\"en\">") && !page.body.contains("<option selected>"), "unchanged");
        let bad_csrf = env
            .send(Method::POST, "/account/locale", Some(&b.cookie), Some("csrf=nope&language=fr&time_zone=".into()))
            .await;
        assert_eq!(bad_csrf.status, StatusCode::FORBIDDEN);
        assert!(env.get(&b, "/account").await.body.contains("<html lang=\"en\">"));
    })
    .await;
}

#[tokio::test]
async fn login_and_error_pages_follow_the_browsers_language() {
    on_both("login_and_error_pages_follow_the_browsers_language", |env| async move {
        let (_, login) = open(&env, "/login", None, "de-AT, de;q=0.9, en;q=0.5").await;
        assert!(login.contains("<html lang=\"de\">") && login.contains("Bei Kith anmelden"), "{login}");
        let (status, page) = open(&env, "/no/such/page", None, "it").await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        assert!(page.contains("<html lang=\"it\">") && page.contains("Non trovato"), "{page}");
        let (_, page) = open(&env, "/no/such/page", None, "ja").await;
        assert!(page.contains("<h1>Not found</h1>"), "a language Kith does not speak: English");
    })
    .await;
}
