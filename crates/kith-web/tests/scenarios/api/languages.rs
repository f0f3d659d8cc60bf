//! Problem details follow `Accept-Language`: the title and detail in the
//! reader's language, the `type` slug and the field names unchanged.

use super::{parse, send_raw};
use crate::harness::on_sqlite;
use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use serde_json::Value;

fn asked(method: Method, path: &str, token: &str, lang: Option<&str>, body: &str) -> Request<Body> {
    let mut b = Request::builder()
        .method(method)
        .uri(path)
        .header(header::AUTHORIZATION, format!("Bearer {token}"))
        .header(header::CONTENT_TYPE, "application/json");
    if let Some(l) = lang {
        b = b.header(header::ACCEPT_LANGUAGE, l);
    }
    b.body(Body::from(body.to_owned())).expect("request")
}

#[tokio::test]
async fn problems_speak_the_readers_language() {
    on_sqlite("problems_speak_the_readers_language", |env| async move {
        let nobody = format!("/api/v1/contacts/{}", uuid::Uuid::now_v7());
        let (s, h, b) = send_raw(&env, asked(Method::GET, &nobody, &env.token, Some("fr-FR, en;q=0.5"), "")).await;
        let p: Value = parse(&b);
        assert_eq!(s, StatusCode::NOT_FOUND);
        assert_eq!(p["type"], "https://kith.invalid/problems/not-found", "the slug stays");
        assert_eq!(p["title"], "Introuvable");
        assert!(p["detail"].as_str().unwrap().starts_with("Aucun élément"), "{p}");
        assert_eq!(h.get(header::CONTENT_LANGUAGE).and_then(|v| v.to_str().ok()), Some("fr"));
        assert_eq!(h.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()), Some("application/problem+json"));

        // Without the header (or in a language Kith does not speak): English, as before.
        for lang in [None, Some("ja")] {
            let (_, h, b) = send_raw(&env, asked(Method::GET, &nobody, &env.token, lang, "")).await;
            assert_eq!(parse(&b)["title"], "Not found");
            assert!(h.get(header::CONTENT_LANGUAGE).is_none());
        }

        // A validation problem in German: the field names stay the API's.
        let body = r#"{"emails": ["not an address"]}"#;
        let (s, _, b) = send_raw(&env, asked(Method::POST, "/api/v1/contacts", &env.token, Some("de"), body)).await;
        let p = parse(&b);
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(p["title"], "Ungültige Eingabe");
        assert!(p["detail"].as_str().unwrap().starts_with("Einige Felder sind ungültig: emails"), "{p}");
        assert_eq!(p["errors"][0]["field"].as_str().map(|f| f.starts_with("emails")), Some(true), "{p}");

        // Bulgarian for a body that is not JSON.
        let (s, _, b) = send_raw(&env, asked(Method::POST, "/api/v1/contacts", &env.token, Some("bg"), "{nope")).await;
        assert_eq!(s, StatusCode::BAD_REQUEST);
        assert_eq!(parse(&b)["detail"], "Тялото не е валиден JSON (или не е валиден UTF-8).");
    })
    .await;
}
