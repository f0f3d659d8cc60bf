//! Snapshots of the public contracts of `/api/v1`: the OpenAPI document,
//! one problem body of each kind, and the access export
//! (`kith-access-export/1`). A change to any of them shows up as a diff in
//! `tests/scenarios/snapshots/`; review it with `cargo insta review` (or rewrite with
//! `INSTA_UPDATE=always cargo test`). A missing or different snapshot fails
//! the test. Ids and times are replaced before snapshotting, so the
//! snapshots are the same on every run. All data here is fictitious.

use crate::harness::{on_sqlite, TestApp};
use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use axum::response::IntoResponse;
use kith_app::AppError;
use kith_domain::Role;
use serde_json::{json, Value};
use tower::ServiceExt;
use uuid::Uuid;

// ------------------------------------------------------------------ helpers

/// Status, the headers a client acts on, and the pretty body of a response.
async fn render(res: axum::response::Response) -> String {
    let mut out = format!("HTTP {}\n", res.status());
    for name in [header::CONTENT_TYPE, header::WWW_AUTHENTICATE, header::RETRY_AFTER] {
        if let Some(v) = res.headers().get(&name) {
            out.push_str(&format!("{name}: {}\n", v.to_str().unwrap()));
        }
    }
    let bytes = axum::body::to_bytes(res.into_body(), usize::MAX).await.unwrap();
    let body: Value = serde_json::from_slice(&bytes).expect("a JSON body");
    out.push('\n');
    out.push_str(&serde_json::to_string_pretty(&body).unwrap());
    out
}

/// Sends a request to `/api/v1{path}` with the given token, content type and raw body.
async fn send(
    env: &TestApp,
    method: Method,
    path: &str,
    token: Option<&str>,
    ct: Option<&str>,
    body: Vec<u8>,
) -> String {
    let mut b = Request::builder().method(method).uri(format!("/api/v1{path}"));
    if let Some(t) = token {
        b = b.header(header::AUTHORIZATION, format!("Bearer {t}"));
    }
    if let Some(ct) = ct {
        b = b.header(header::CONTENT_TYPE, ct);
    }
    let res = env.router.clone().oneshot(b.body(Body::from(body)).unwrap()).await.unwrap();
    render(res).await
}

async fn json_as(env: &TestApp, token: &str, method: Method, path: &str, body: Value) -> String {
    send(env, method, path, Some(token), Some("application/json"), body.to_string().into_bytes()).await
}

/// Replaces every UUID with `[id N]` (numbered by first appearance, so the
/// same id reads the same throughout) and every RFC 3339 time with `[time]`.
fn redact(v: &mut Value, ids: &mut Vec<String>) {
    match v {
        Value::String(s) => {
            if time::OffsetDateTime::parse(s, &time::format_description::well_known::Rfc3339).is_ok() {
                *s = "[time]".to_owned();
            } else {
                *s = redact_ids(s, ids);
            }
        }
        Value::Array(a) => a.iter_mut().for_each(|x| redact(x, ids)),
        Value::Object(o) => o.values_mut().for_each(|x| redact(x, ids)),
        _ => {}
    }
}

fn redact_ids(s: &str, ids: &mut Vec<String>) -> String {
    let mut out = String::new();
    let mut rest = s;
    while !rest.is_empty() {
        if let Some(candidate) = rest.get(..36) {
            if Uuid::try_parse(candidate).is_ok() {
                let key = candidate.to_ascii_lowercase();
                let n = match ids.iter().position(|k| *k == key) {
                    Some(i) => i + 1,
                    None => {
                        ids.push(key);
                        ids.len()
                    }
                };
                out.push_str(&format!("[id {n}]"));
                rest = &rest[36..];
                continue;
            }
        }
        let c = rest.chars().next().unwrap();
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    out
}

fn pretty_redacted(mut v: Value) -> String {
    redact(&mut v, &mut Vec::new());
    serde_json::to_string_pretty(&v).unwrap()
}

// ---------------------------------------------------------------- OpenAPI

#[tokio::test]
async fn openapi_document() {
    let doc = serde_json::to_value(kith_web::openapi()).unwrap();
    // The served document is the same one.
    on_sqlite("snap-openapi", |env| async move {
        let req = Request::builder().uri("/api/v1/openapi.json").body(Body::empty()).unwrap();
        let res = env.router.clone().oneshot(req).await.unwrap();
        assert_eq!(res.status(), StatusCode::OK);
        let bytes = axum::body::to_bytes(res.into_body(), usize::MAX).await.unwrap();
        let served: Value = serde_json::from_slice(&bytes).unwrap();
        assert_eq!(served, doc, "/api/v1/openapi.json is kith_web::openapi()");
        insta::assert_snapshot!("openapi", serde_json::to_string_pretty(&doc).unwrap());
    })
    .await;
}

// --------------------------------------------------------------- problems

#[tokio::test]
async fn problem_bodies() {
    on_sqlite("snap-problems", |env| async move {
        let admin = env.token.clone();
        let nobody = Uuid::nil();

        // 400: the body is not JSON.
        let r = send(
            &env,
            Method::POST,
            "/contacts",
            Some(&admin),
            Some("application/json"),
            br#"{"first_name":"Mario""#.to_vec(),
        )
        .await;
        insta::assert_snapshot!("problem_400_bad_json", r);

        // 400: an id in the address is not a UUID.
        let r = send(&env, Method::GET, "/contacts/not-a-uuid", Some(&admin), None, Vec::new()).await;
        insta::assert_snapshot!("problem_400_bad_path_id", r);

        // 400: a query string that does not parse.
        let r = send(&env, Method::GET, "/contacts?limit=many", Some(&admin), None, Vec::new()).await;
        insta::assert_snapshot!("problem_400_bad_query", r);

        // 401: no token, and a token that is not one.
        let r = send(&env, Method::GET, "/contacts", None, None, Vec::new()).await;
        let forged = send(&env, Method::GET, "/contacts", Some("kith_not-a-real-token"), None, Vec::new()).await;
        assert_eq!(r, forged, "no token and a false token get one answer");
        insta::assert_snapshot!("problem_401_unauthenticated", r);

        // 403: readonly may not create users.
        let ro = env.token_for(Role::Readonly).await;
        let body = json!({"email": "new.user@example.com", "role": "admin", "password": "correct-horse-battery"});
        let r = json_as(&env, &ro, Method::POST, "/users", body).await;
        insta::assert_snapshot!("problem_403_forbidden", r);

        // 404: a record that does not exist, and an address no route takes.
        let r = send(&env, Method::GET, &format!("/contacts/{nobody}"), Some(&admin), None, Vec::new()).await;
        insta::assert_snapshot!("problem_404_no_record", r);
        let r = send(&env, Method::GET, "/no-such-thing", Some(&admin), None, Vec::new()).await;
        insta::assert_snapshot!("problem_404_no_route", r);

        // 405: a method the address does not accept.
        let r = send(&env, Method::PUT, "/contacts", Some(&admin), None, Vec::new()).await;
        insta::assert_snapshot!("problem_405_method_not_allowed", r);

        // 409: a name that is taken.
        let body = json!({"email": "luigi.verdi@example.it", "role": "sales", "password": "correct-horse-battery"});
        env.call(Method::POST, "/users", Some(body.clone()), StatusCode::CREATED).await;
        let r = json_as(&env, &admin, Method::POST, "/users", body).await;
        insta::assert_snapshot!("problem_409_conflict", r);

        // 409: processing of the person is restricted (Art. 18).
        let c = env.id("/contacts", json!({"first_name": "Paola", "last_name": "Conti"})).await;
        env.call(Method::PUT, &format!("/contacts/{c}/restriction"), None, StatusCode::OK).await;
        let r = json_as(&env, &admin, Method::PATCH, &format!("/contacts/{c}"), json!({"job_title": "Buyer"})).await;
        insta::assert_snapshot!("problem_409_restricted", r);

        // 413: a body over the limit.
        let mut big = br#"{"first_name":"Mario","notes":""#.to_vec();
        big.extend(std::iter::repeat_n(b'a', kith_web::BODY_LIMIT + 10));
        big.extend(br#""}"#);
        let r = send(&env, Method::POST, "/contacts", Some(&admin), Some("application/json"), big).await;
        insta::assert_snapshot!("problem_413_too_large", r);

        // 415: a body that is not sent as JSON.
        let r = send(
            &env,
            Method::POST,
            "/contacts",
            Some(&admin),
            Some("text/plain"),
            br#"{"first_name":"Mario"}"#.to_vec(),
        )
        .await;
        insta::assert_snapshot!("problem_415_unsupported_media_type", r);

        // 422: fields that fail validation, each named in `errors`.
        let body = json!({"last_name": "Rossi", "emails": ["mario at example"], "phones": ["call me"]});
        let r = json_as(&env, &admin, Method::POST, "/contacts", body).await;
        insta::assert_snapshot!("problem_422_invalid_fields", r);

        // 422: JSON of the wrong shape (the value is never echoed).
        let body = json!({"first_name": "Mario", "favourite_colour": "blu"});
        let r = json_as(&env, &admin, Method::POST, "/contacts", body).await;
        insta::assert_snapshot!("problem_422_wrong_shape", r);

        // 422: an idempotency key reused for another body.
        let with_key = |body: Value| {
            Request::builder()
                .method(Method::POST)
                .uri("/api/v1/contacts")
                .header(header::AUTHORIZATION, format!("Bearer {admin}"))
                .header(header::CONTENT_TYPE, "application/json")
                .header("idempotency-key", "snapshot-key-1")
                .body(Body::from(body.to_string()))
                .unwrap()
        };
        let first = env.router.clone().oneshot(with_key(json!({"first_name": "Anna"}))).await.unwrap();
        assert_eq!(first.status(), StatusCode::CREATED);
        let r = render(env.router.clone().oneshot(with_key(json!({"first_name": "Bruno"}))).await.unwrap()).await;
        insta::assert_snapshot!("problem_422_idempotency_key_reused", r);
    })
    .await;
}

/// Kinds the API maps but no `/api/v1` request provokes on demand: too many
/// attempts (today only sign-in and the public forms throttle, as pages),
/// a busy server and an internal error. Rendered from the error itself.
#[tokio::test]
async fn problem_bodies_not_provoked_through_the_router() {
    let r = |e: AppError| render(kith_web::problem::ApiError::from(e).into_response());
    insta::assert_snapshot!(
        "problem_429_too_many_attempts",
        r(AppError::TooManyAttempts { retry_after_secs: 900 }).await
    );
    insta::assert_snapshot!("problem_503_unavailable", r(AppError::Unavailable).await);
}

// ------------------------------------------------------------ access export

#[tokio::test]
async fn access_export_document() {
    on_sqlite("snap-export", |env| async move {
        let c = env
            .id(
                "/contacts",
                json!({
                    "first_name": "Mario",
                    "last_name": "Rossi",
                    "emails": ["mario.rossi@example.com"],
                    "phones": ["+39 06 1234 5678"],
                    "address": {"street": "Via Roma 1", "postal_code": "00184", "city": "Roma", "country": "IT"},
                    "job_title": "Direttore commerciale",
                    "notes": "Prefers calls in the morning.",
                    "tags": ["VIP"]
                }),
            )
            .await;
        env.id(
            &format!("/contacts/{c}/interactions"),
            json!({"kind": "call", "body": "Asked about the spring catalogue.", "occurred_at": "2025-03-03T10:00:00Z"}),
        )
        .await;
        env.id(
            "/deals",
            json!({"title": "Office supplies", "contact_ids": [c], "amount_minor": 150000, "currency": "EUR"}),
        )
        .await;
        let purpose = env
            .id(
                "/purposes",
                json!({
                    "name": "Newsletter",
                    "description": "A monthly letter about new products",
                    "default_basis": "consent",
                    "data_categories": ["contact details"],
                }),
            )
            .await;
        let notice = env
            .id(
                "/notices",
                json!({
                    "name": "Newsletter notice",
                    "language": "en",
                    "url": "https://privacy.example.com/notice",
                    "body": "Example S.r.l. uses your email address to send the newsletter. You may withdraw at any time.",
                }),
            )
            .await;
        env.call(
            Method::POST,
            &format!("/contacts/{c}/consents"),
            Some(json!({
                "purpose_id": purpose, "action": "given", "channels": ["email"], "method": "api",
                "affirmative_act": "ticked the unticked newsletter box",
                "notice_id": notice, "evidence_ref": "client record 4711",
            })),
            StatusCode::CREATED,
        )
        .await;
        env.id(
            "/dsr",
            json!({"contact_id": c, "kind": "access", "channel": "email", "note": "Asked for a copy of his data."}),
        )
        .await;

        let access = env.call(Method::GET, &format!("/contacts/{c}/export"), None, StatusCode::OK).await;
        assert_eq!(access["format"], "kith-access-export/1");
        insta::assert_snapshot!("access_export", pretty_redacted(access));
        let portability =
            env.call(Method::GET, &format!("/contacts/{c}/export?kind=portability"), None, StatusCode::OK).await;
        insta::assert_snapshot!("portability_export", pretty_redacted(portability));
    })
    .await;
}
