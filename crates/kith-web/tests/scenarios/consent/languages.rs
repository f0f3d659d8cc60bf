//! The public pages in the reader's language: a form in its own language,
//! the preference centre and the privacy portal by `?lang=` or
//! `Accept-Language`, a switcher that keeps the place, and a language Kith
//! does not speak falling back safely. All data fictitious.

use super::{link_token, newsletter_kit, ConsentApp, Kit};
use crate::harness::{form_body, on_both};
use axum::http::{header, Method, StatusCode};
use kith_app::tokens::{sign, Claims, TokenKind};
use kith_domain::SubjectId;
use serde_json::json;
use time::OffsetDateTime;
use uuid::Uuid;

/// A form like the kit's, written in `lang`.
async fn form_in(env: &ConsentApp, kit: &Kit, slug: &str, lang: &str) {
    env.post(
        "/forms",
        &json!({
            "slug": slug,
            "title": format!("Form {lang}"),
            "fields": ["first_name", "phone"],
            "subscription_type_ids": [kit.sub],
            "notice_id": kit.notice,
            "third_parties": ["Partner Example S.p.A."],
            "button": "OK",
            "language": lang,
        }),
    )
    .await
    .expect(StatusCode::CREATED);
}

fn prefs_token(env: &ConsentApp, contact: &str) -> String {
    let c = Claims {
        subject: SubjectId(Uuid::parse_str(contact).unwrap()),
        scope: Uuid::nil(),
        expires: OffsetDateTime::now_utc().unix_timestamp() + 3600,
    };
    sign(env.app.store().vault(), TokenKind::Preferences, c)
}

#[track_caller]
fn has_all(page: &str, words: &[&str]) {
    for w in words {
        assert!(page.contains(w), "{w:?} missing from:\n{page}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_form_speaks_its_own_language_bulgarian_and_german() {
    on_both("a_form_speaks_its_own_language_bulgarian_and_german", |t| async move {
        let env = ConsentApp::new(t);
        let kit = newsletter_kit(&env).await;
        form_in(&env, &kit, "bg-news", "bg").await;
        form_in(&env, &kit, "de-news", "de").await;

        // The form's language wins over the browser's.
        let en = [("accept-language", "en")];
        let bg = env.page(Method::GET, "/f/bg-news", None, &en).await.expect(StatusCode::OK).text();
        has_all(
            &bg,
            &[
                "<html lang=\"bg\">",
                "Имейл",
                "Телефон",
                "Какво бихте искали да получавате?",
                "Как използваме Вашите данни:",
            ],
        );
        assert!(!bg.contains("What would you like"), "{bg}");
        let de = env.page(Method::GET, "/f/de-news", None, &en).await.expect(StatusCode::OK).text();
        has_all(
            &de,
            &[
                "<html lang=\"de\">",
                "E-Mail",
                "Vorname",
                "Was möchten Sie erhalten?",
                "Ja, Sie dürfen meine Daten weitergeben an: Partner Example S.p.A.",
            ],
        );

        // Errors and the answer in the form's language too.
        let bad = form_body(&[("email", "kein-adresse"), ("subscription", &kit.sub)]);
        let r = env.page(Method::POST, "/f/de-news", Some(bad), &en).await.expect(StatusCode::UNPROCESSABLE_ENTITY);
        has_all(&r.text(), &["Bitte prüfen — E-Mail: muss eine E-Mail-Adresse sein"]);
        let none = form_body(&[("email", "ivana.petrova@example.com")]);
        let r = env.page(Method::POST, "/f/bg-news", Some(none), &en).await.expect(StatusCode::UNPROCESSABLE_ENTITY);
        has_all(&r.text(), &["Моля, проверете — Абонаменти: отбележете поне един абонамент"]);
        let ok = form_body(&[("email", "ivana.petrova@example.com"), ("subscription", &kit.sub)]);
        let r = env.page(Method::POST, "/f/bg-news", Some(ok), &en).await.expect(StatusCode::OK);
        has_all(&r.text(), &["<html lang=\"bg\">", "Проверете пощата си"]);
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_preference_centre_speaks_bulgarian_and_german_and_switches_in_place() {
    on_both("the_preference_centre_speaks_bulgarian_and_german_and_switches_in_place", |t| async move {
        let env = ConsentApp::new(t);
        let kit = newsletter_kit(&env).await;
        let contact = env.contact(json!({"first_name": "Ivana", "emails": ["ivana.petrova@example.com"]})).await;
        let token = prefs_token(&env, &contact);
        let path = format!("/p/{token}");

        // Accept-Language chooses when nothing else does.
        let bg = env.page(Method::GET, &path, None, &[("accept-language", "ja, bg;q=0.9, en;q=0.5")]).await;
        let bg = bg.expect(StatusCode::OK).text();
        has_all(&bg, &["<html lang=\"bg\">", "Вашите предпочитания за имейли", "Запазване на избора ми", "Имейл"]);
        // Every language by its own name, each keeping the place.
        for (code, name) in
            [("en", "English"), ("it", "Italiano"), ("fr", "Français"), ("de", "Deutsch"), ("es", "Español")]
        {
            let href = format!("href=\"{path}?lang={code}\"");
            has_all(&bg, &[href.as_str(), name]);
        }
        assert!(bg.contains("aria-current=\"true\">Български"), "{bg}");

        // ?lang= wins over Accept-Language, and posting keeps the language.
        let de = env.page(Method::GET, &format!("{path}?lang=de"), None, &[("accept-language", "bg")]).await;
        has_all(
            &de.expect(StatusCode::OK).text(),
            &["<html lang=\"de\">", "Ihre E-Mail-Einstellungen", "Alle abbestellen"],
        );
        let want = format!("{}:email", kit.sub);
        let body = form_body(&[("sub", &want), ("lang", "de")]);
        let saved = env.page(Method::POST, &path, Some(body), &[]).await.expect(StatusCode::OK).text();
        assert!(saved.contains("Ihre") && saved.contains("<html lang=\"de\">"), "{saved}");
        let gone = env.page(Method::POST, &format!("{path}/unsubscribe-all"), Some("lang=bg".into()), &[]).await;
        let gone = gone.expect(StatusCode::OK).text();
        let href = format!("href=\"{path}?lang=de\"");
        has_all(&gone, &["Отписахте се.", href.as_str()]);
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_portal_speaks_bulgarian_and_german() {
    on_both("the_portal_speaks_bulgarian_and_german", |t| async move {
        let env = ConsentApp::new(t);
        env.contact(json!({"first_name": "Jana", "emails": ["jana.koch@example.com"]})).await;

        let start = env.page(Method::GET, "/portal", None, &[("accept-language", "bg-BG")]).await;
        has_all(
            &start.expect(StatusCode::OK).text(),
            &["<html lang=\"bg\">", "Вашата поверителност", "Изпратете ми връзка за вход"],
        );
        let sent = env
            .page(Method::POST, "/portal", Some(form_body(&[("email", "jana.koch@example.com"), ("lang", "de")])), &[])
            .await
            .expect(StatusCode::OK)
            .text();
        has_all(&sent, &["<html lang=\"de\">", "Wenn die Adresse bei uns gespeichert ist"]);

        // Sign in by the mailed link; the portal follows the language asked for.
        let mut mails = Vec::new();
        for _ in 0..100 {
            env.deliver().await;
            mails = env.mails("portal", None).await;
            if !mails.is_empty() {
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(20)).await;
        }
        let token = link_token(&mails.pop().expect("a sign-in mail").text, "/portal/s/");
        let link = env.page(Method::GET, &format!("/portal/s/{token}?lang=de"), None, &[]).await;
        has_all(&link.expect(StatusCode::OK).text(), &["Anmelden", "name=\"lang\" value=\"de\""]);
        let signed = env.page(Method::POST, &format!("/portal/s/{token}"), Some("lang=de".into()), &[]).await;
        let signed = signed.expect(StatusCode::SEE_OTHER);
        assert_eq!(signed.headers[header::LOCATION], "/portal/me?lang=de");
        let cookie = signed.headers[header::SET_COOKIE].to_str().unwrap().split(';').next().unwrap().to_owned();
        let me = env.page(Method::GET, "/portal/me?lang=de", None, &[("cookie", cookie.as_str())]).await;
        has_all(
            &me.expect(StatusCode::OK).text(),
            &[
                "Die Daten, die wir über Sie gespeichert haben",
                "Löschung meiner Daten (Art. 17)",
                "href=\"/portal/me?lang=bg\"",
            ],
        );
        let me = env.page(Method::GET, "/portal/me?lang=bg", None, &[("cookie", cookie.as_str())]).await;
        has_all(
            &me.expect(StatusCode::OK).text(),
            &["Данните, които съхраняваме за Вас", "Изтриване на данните ми (чл. 17)"],
        );
        let filed = form_body(&[("kind", "rectification"), ("note", ""), ("lang", "bg")]);
        let r = env.page(Method::POST, "/portal/me/request", Some(filed), &[("cookie", cookie.as_str())]).await;
        has_all(&r.expect(StatusCode::OK).text(), &["посочете какво трябва да се коригира"]);
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_language_kith_does_not_speak_falls_back_safely() {
    on_both("a_language_kith_does_not_speak_falls_back_safely", |t| async move {
        let env = ConsentApp::new(t);
        let contact = env.contact(json!({"first_name": "Ola", "emails": ["ola.nordmann@example.com"]})).await;
        let token = prefs_token(&env, &contact);
        for path in [format!("/p/{token}?lang=xx"), "/portal?lang=xx".into(), "/u/garbage?lang=xx".into()] {
            let page = env.page(Method::GET, &path, None, &[]).await.text();
            assert!(page.contains("<html lang=\"en\">"), "{path}: {page}");
            let de = env.page(Method::GET, &path, None, &[("accept-language", "de-CH, xx")]).await.text();
            assert!(de.contains("<html lang=\"de\">"), "{path}: {de}");
        }
        // Nothing but a shipped language code reaches the page.
        let evil = "/portal?lang=%22%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E";
        let page = env.page(Method::GET, evil, None, &[]).await.expect(StatusCode::OK).text();
        assert!(!page.contains("<script>") && !page.contains("alert(1)"), "{page}");
        assert!(page.contains("name=\"lang\" value=\"en\""), "{page}");
        let posted = env.page(Method::POST, &format!("/p/{token}"), Some("lang=xx".into()), &[]).await;
        let posted = posted.expect(StatusCode::OK).text();
        assert!(posted.contains("<html lang=\"en\">"), "{posted}");
    })
    .await;
}
