//! Black-box tests of `/api/v1` through the real router, on SQLite and on
//! PostgreSQL: requests as a client sends them, and the helpers to read the
//! answers. All personal data here is fictitious.

mod access;
mod contacts;
mod languages;
mod openapi;
mod records;
mod validation;

use crate::harness::TestApp;
use axum::body::Body;
use axum::http::{header, HeaderMap, Method, Request, StatusCode};
use serde_json::{json, Value};

type Resp = (StatusCode, HeaderMap, Value);

/// Sends one request; returns status, headers and the raw body.
async fn send_raw(env: &TestApp, req: Request<Body>) -> (StatusCode, HeaderMap, Vec<u8>) {
    let (status, headers, bytes) = env.respond(req).await;
    (status, headers, bytes.to_vec())
}

fn parse(bytes: &[u8]) -> Value {
    if bytes.is_empty() {
        Value::Null
    } else {
        serde_json::from_slice(bytes)
            .unwrap_or_else(|e| panic!("response is not JSON ({e}): {}", String::from_utf8_lossy(bytes)))
    }
}

fn request(
    method: Method,
    path: &str,
    token: Option<&str>,
    content_type: Option<&str>,
    body: Vec<u8>,
) -> Request<Body> {
    let mut b = Request::builder().method(method).uri(path);
    if let Some(t) = token {
        b = b.header(header::AUTHORIZATION, format!("Bearer {t}"));
    }
    if let Some(ct) = content_type {
        b = b.header(header::CONTENT_TYPE, ct);
    }
    b.body(Body::from(body)).expect("request")
}

async fn raw(
    env: &TestApp,
    method: Method,
    path: &str,
    token: Option<&str>,
    content_type: Option<&str>,
    body: Vec<u8>,
) -> Resp {
    let (s, h, b) = send_raw(env, request(method, path, token, content_type, body)).await;
    (s, h, parse(&b))
}

async fn json_call(env: &TestApp, method: Method, token: &str, path: &str, body: &Value) -> Resp {
    raw(env, method, path, Some(token), Some("application/json"), serde_json::to_vec(body).expect("json")).await
}

async fn get(env: &TestApp, token: &str, path: &str) -> Resp {
    raw(env, Method::GET, path, Some(token), None, Vec::new()).await
}

async fn post_json(env: &TestApp, token: &str, path: &str, body: &Value) -> Resp {
    json_call(env, Method::POST, token, path, body).await
}

async fn patch_json(env: &TestApp, token: &str, path: &str, body: &Value) -> Resp {
    json_call(env, Method::PATCH, token, path, body).await
}

async fn put_json(env: &TestApp, token: &str, path: &str, body: &Value) -> Resp {
    json_call(env, Method::PUT, token, path, body).await
}

async fn delete(env: &TestApp, token: &str, path: &str) -> Resp {
    raw(env, Method::DELETE, path, Some(token), None, Vec::new()).await
}

fn content_type(h: &HeaderMap) -> &str {
    h.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or("")
}

/// Asserts an RFC 9457 problem with this status.
#[track_caller]
fn assert_problem(r: &Resp, status: StatusCode) {
    assert_eq!(r.0, status, "unexpected status; body: {}", r.2);
    assert_eq!(content_type(&r.1), "application/problem+json", "body: {}", r.2);
    assert_eq!(r.2["status"], json!(status.as_u16()), "body: {}", r.2);
    for k in ["type", "title", "detail"] {
        assert!(r.2[k].is_string(), "problem lacks `{k}`: {}", r.2);
    }
}

/// The `field` names of a validation problem's `errors`.
fn error_fields(body: &Value) -> Vec<String> {
    body["errors"]
        .as_array()
        .map(|a| a.iter().map(|e| e["field"].as_str().unwrap_or_default().to_owned()).collect())
        .unwrap_or_default()
}

async fn create_contact(env: &TestApp, token: &str, body: Value) -> Value {
    let r = post_json(env, token, "/api/v1/contacts", &body).await;
    assert_eq!(r.0, StatusCode::CREATED, "create failed: {}", r.2);
    r.2
}

fn id_of(v: &Value) -> String {
    v["id"].as_str().unwrap_or_else(|| panic!("no id in {v}")).to_owned()
}

fn ids(list: &Value) -> Vec<String> {
    list["items"].as_array().unwrap_or_else(|| panic!("no items in {list}")).iter().map(id_of).collect()
}

/// Every contact id, paging through `GET /contacts` with `query` (which
/// may be empty) and asserting each page is well-formed.
async fn list_all(env: &TestApp, token: &str, query: &str, limit: usize) -> (Vec<String>, usize) {
    let mut out = Vec::new();
    let mut pages = 0;
    let mut cursor: Option<String> = None;
    loop {
        let mut path = format!("/api/v1/contacts?limit={limit}");
        if !query.is_empty() {
            path.push('&');
            path.push_str(query);
        }
        if let Some(c) = &cursor {
            path.push_str(&format!("&cursor={c}"));
        }
        let r = get(env, token, &path).await;
        assert_eq!(r.0, StatusCode::OK, "{path}: {}", r.2);
        let page = ids(&r.2);
        assert!(page.len() <= limit, "page larger than limit");
        out.extend(page);
        pages += 1;
        assert!(pages < 100, "paging does not end");
        match r.2["next_cursor"].as_str() {
            Some(c) => cursor = Some(c.to_owned()),
            None => return (out, pages),
        }
    }
}

async fn count_contacts(env: &TestApp) -> usize {
    list_all(env, &env.token, "", 200).await.0.len()
}

fn mario() -> Value {
    json!({
        "first_name": "Mario",
        "last_name": "Rossi",
        "emails": ["Mario.Rossi@Example.com"],
        "phones": ["+39 06 1234 5678"],
        "address": {"street": "Via Roma 1", "postal_code": "00184", "city": "Roma", "country": "IT"},
        "job_title": "Direttore commerciale",
        "notes": "Preferisce essere contattato di mattina.",
        "tags": ["VIP", "Roma"]
    })
}

async fn search(env: &TestApp, token: &str, body: Value) -> Value {
    let r = post_json(env, token, "/api/v1/contacts/search", &body).await;
    assert_eq!(r.0, StatusCode::OK, "search {body}: {}", r.2);
    r.2
}

/// `v` without `null` members (the API writes absent address parts as `null`).
fn strip_nulls(v: &Value) -> Value {
    match v {
        Value::Object(o) => {
            Value::Object(o.iter().filter(|(_, v)| !v.is_null()).map(|(k, v)| (k.clone(), strip_nulls(v))).collect())
        }
        other => other.clone(),
    }
}

fn names(list: &Value) -> Vec<String> {
    list["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|c| format!("{} {}", c["first_name"].as_str().unwrap_or(""), c["last_name"].as_str().unwrap_or("")))
        .collect()
}
