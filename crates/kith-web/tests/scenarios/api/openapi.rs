//! The OpenAPI document describes the API the router serves.

use super::{content_type, parse, send_raw};
use crate::harness::{on_both, TestApp};
use axum::body::Body;
use axum::http::{Request, StatusCode};
use serde_json::Value;

/// Every (method, path) the tests above send, as templates.
const EXERCISED: &[(&str, &str)] = &[
    ("get", "/api/v1/contacts"),
    ("post", "/api/v1/contacts"),
    ("post", "/api/v1/contacts/search"),
    ("get", "/api/v1/contacts/{id}"),
    ("patch", "/api/v1/contacts/{id}"),
    ("delete", "/api/v1/contacts/{id}"),
    ("get", "/api/v1/contacts/{id}/interactions"),
    ("post", "/api/v1/contacts/{id}/interactions"),
    ("get", "/api/v1/contacts/{id}/interactions/{interaction_id}"),
    ("patch", "/api/v1/contacts/{id}/interactions/{interaction_id}"),
    ("delete", "/api/v1/contacts/{id}/interactions/{interaction_id}"),
    ("get", "/api/v1/companies"),
    ("post", "/api/v1/companies"),
    ("get", "/api/v1/companies/{id}"),
    ("patch", "/api/v1/companies/{id}"),
    ("delete", "/api/v1/companies/{id}"),
    ("get", "/api/v1/pipeline/stages"),
    ("get", "/api/v1/deals"),
    ("post", "/api/v1/deals"),
    ("get", "/api/v1/deals/{id}"),
    ("patch", "/api/v1/deals/{id}"),
    ("delete", "/api/v1/deals/{id}"),
    ("post", "/api/v1/deals/{id}/move"),
    ("get", "/api/v1/deals/{id}/history"),
    ("get", "/api/v1/audit"),
    ("get", "/api/v1/audit/verify"),
    ("get", "/api/v1/users"),
    ("post", "/api/v1/users"),
    ("get", "/api/v1/tokens"),
    ("post", "/api/v1/tokens"),
    ("delete", "/api/v1/tokens/{id}"),
    ("get", "/api/v1/field-visibility"),
    ("put", "/api/v1/field-visibility"),
];

async fn openapi_document(env: &TestApp) -> Value {
    let (s, h, b) =
        send_raw(env, Request::builder().uri("/api/v1/openapi.json").body(Body::empty()).expect("request")).await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(content_type(&h), "application/json");
    parse(&b)
}

#[tokio::test]
async fn openapi_document_describes_the_api() {
    on_both("openapi_document_describes_the_api", |env| async move {
        let doc = openapi_document(&env).await;
        assert!(doc["openapi"].as_str().is_some_and(|v| v.starts_with("3.1")), "{}", doc["openapi"]);
        let paths = doc["paths"].as_object().expect("paths");
        // Paths are documented relative to /api/v1 (see the ignored test below).
        let missing: Vec<String> = EXERCISED
            .iter()
            .filter(|(method, full)| {
                let relative = full.strip_prefix("/api/v1").expect("prefix");
                paths.get(relative).and_then(|i| i.get(*method)).is_none()
            })
            .map(|(method, full)| format!("{} {full}", method.to_uppercase()))
            .collect();
        assert!(
            missing.is_empty(),
            "not in the OpenAPI document: {missing:?}; it has {:?}",
            paths.keys().collect::<Vec<_>>()
        );
        assert!(doc["components"]["securitySchemes"]["bearer"].is_object());
        for (method, full) in EXERCISED {
            let op = &paths[full.strip_prefix("/api/v1").expect("prefix")][*method];
            assert!(op["responses"]["401"].is_object(), "{method} {full} documents no 401");
        }
        let version = &doc["components"]["schemas"]["ContactOut"]["properties"]["policy_version"];
        assert!(version.to_string().contains("integer") && version.to_string().contains("null"), "{version}");
        // The document matches what `kith_web::openapi()` returns.
        assert_eq!(doc, serde_json::to_value(kith_web::openapi()).expect("json"));
    })
    .await;
}

#[tokio::test]
async fn openapi_paths_resolve_to_the_served_urls() {
    on_both("openapi_paths_resolve_to_the_served_urls", |env| async move {
        let doc = openapi_document(&env).await;
        let paths = doc["paths"].as_object().expect("paths");
        let server = doc["servers"][0]["url"].as_str().unwrap_or("");
        let missing: Vec<String> = EXERCISED
            .iter()
            .filter(|(method, full)| {
                // Documented in full, or relative to a server URL ending in /api/v1.
                let relative = full.strip_prefix("/api/v1").expect("prefix");
                let item =
                    paths.get(*full).or_else(|| server.ends_with("/api/v1").then(|| paths.get(relative)).flatten());
                item.and_then(|i| i.get(*method)).is_none()
            })
            .map(|(method, full)| format!("{} {full}", method.to_uppercase()))
            .collect();
        assert!(
            missing.is_empty(),
            "served but not resolvable from the document (servers: {}): {missing:?}",
            doc["servers"]
        );
    })
    .await;
}
