//! Personal data written through the API is never stored in clear: the raw
//! bytes of the SQLite file and its WAL, and every row of every PostgreSQL
//! table, are searched for the values. Deleting the contact through the API
//! leaves neither its key nor its sealed data behind.

use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use kith_app::{App, Principal};
use kith_domain::{Role, SubjectId};
use kith_store::{Store, Vault};
use serde_json::{json, Value};
use tower::ServiceExt;

const VALUES: [&str; 7] = [
    "Ottavia",
    "Quartararo",
    "ottavia.quartararo@example.it",
    "+39 347 555 0199",
    "Via dei Sette Nani 7",
    "Castelfiorito",
    "allergica ai crostacei",
];

async fn call(
    router: &axum::Router,
    token: &str,
    method: Method,
    path: &str,
    body: Option<Value>,
) -> (StatusCode, Value) {
    let mut req = Request::builder().method(method).uri(path).header(header::AUTHORIZATION, format!("Bearer {token}"));
    let body = match body {
        Some(b) => {
            req = req.header(header::CONTENT_TYPE, "application/json");
            Body::from(serde_json::to_vec(&b).unwrap())
        }
        None => Body::empty(),
    };
    let res = router.clone().oneshot(req.body(body).unwrap()).await.unwrap();
    let status = res.status();
    let bytes = axum::body::to_bytes(res.into_body(), usize::MAX).await.unwrap();
    (status, if bytes.is_empty() { Value::Null } else { serde_json::from_slice(&bytes).unwrap() })
}

/// Writes the values through the API; returns the contact id.
async fn write_through_api(store: &Store) -> (axum::Router, String, SubjectId) {
    let app = App::new(store.clone());
    let admin =
        app.add_user(&Principal::cli(), "admin@example.com", Role::Admin, "correct-horse-battery").await.unwrap();
    let (_, token) = app.create_token(&Principal::cli(), admin.id, "t").await.unwrap();
    let router = kith_web::router(app);
    let (s, c) = call(
        &router,
        &token,
        Method::POST,
        "/api/v1/contacts",
        Some(json!({
            "first_name": VALUES[0], "last_name": VALUES[1], "emails": [VALUES[2]], "phones": [VALUES[3]],
            "address": {"street": VALUES[4], "city": VALUES[5]}, "notes": "no notes"
        })),
    )
    .await;
    assert_eq!(s, StatusCode::CREATED, "{c}");
    let id = c["id"].as_str().unwrap().to_owned();
    let (s, _) = call(
        &router,
        &token,
        Method::POST,
        &format!("/api/v1/contacts/{id}/interactions"),
        Some(json!({"kind": "note", "body": format!("Mentioned she is {}", VALUES[6])})),
    )
    .await;
    assert_eq!(s, StatusCode::CREATED);
    let (s, found) =
        call(&router, &token, Method::POST, "/api/v1/contacts/search", Some(json!({"q": VALUES[2]}))).await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(found["items"][0]["last_name"], VALUES[1], "the value is there, readable through the API");
    (router, token, SubjectId(id.parse().unwrap()))
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

fn hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}

fn assert_no_values(hay: &[u8]) {
    for v in VALUES {
        for form in [v.to_owned(), v.to_lowercase(), hex(v.as_bytes())] {
            assert!(!contains(hay, form.as_bytes()), "a personal value is stored in clear");
        }
    }
}

#[tokio::test]
async fn sqlite_file_and_wal_hold_no_personal_value() {
    let dir = std::env::temp_dir().join(format!("kith-privacy-{}", uuid::Uuid::now_v7()));
    std::fs::create_dir_all(&dir).unwrap();
    let store = Store::connect(&format!("sqlite:{}", dir.join("kith.db").display()), Vault::from_key(&[3u8; 32]))
        .await
        .unwrap();
    store.migrate().await.unwrap();
    let (router, token, id) = write_through_api(&store).await;
    let bytes = || {
        let mut all = std::fs::read(dir.join("kith.db")).unwrap();
        all.extend(std::fs::read(dir.join("kith.db-wal")).unwrap_or_default());
        all
    };
    let before = bytes();
    assert!(before.len() > 100_000, "the probe reads the real files");
    assert_no_values(&before);

    let (wrapped, sealed) = store.raw_contact_bytes(id).await.unwrap().unwrap();
    assert!(contains(&before, &wrapped) && contains(&before, &sealed), "the probe sees stored bytes");
    let (s, _) = call(&router, &token, Method::DELETE, &format!("/api/v1/contacts/{}", id.0), None).await;
    assert_eq!(s, StatusCode::NO_CONTENT);
    let after = bytes();
    assert!(!contains(&after, &wrapped), "the subject key survives deletion in the file or WAL");
    assert!(!contains(&after, &sealed), "the sealed record survives deletion in the file or WAL");
    assert_no_values(&after);
    store.close().await;
    std::fs::remove_dir_all(&dir).unwrap();
}

#[tokio::test]
async fn postgres_rows_hold_no_personal_value() {
    let admin_url =
        std::env::var("KITH_TEST_PG_URL").unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".into());
    let name = format!("kith_privacy_{}", uuid::Uuid::now_v7().simple());
    let admin = Store::connect(&admin_url, Vault::from_key(&[3u8; 32])).await.expect("PostgreSQL at KITH_TEST_PG_URL");
    admin.raw_execute_no_tx(&format!("CREATE DATABASE {name}")).await.unwrap();
    let url = format!("{}/{name}", &admin_url[..admin_url.rfind('/').unwrap()]);
    let store = Store::connect(&url, Vault::from_key(&[3u8; 32])).await.unwrap();
    let r = tokio::spawn({
        let store = store.clone();
        async move {
            store.migrate().await.unwrap();
            let (router, token, id) = write_through_api(&store).await;
            let dump = store.raw_dump_pg().await.unwrap();
            assert!(dump.contains(&id.0.to_string()), "the probe reads the real rows");
            assert_no_values(dump.as_bytes());
            let (wrapped, _) = store.raw_contact_bytes(id).await.unwrap().unwrap();
            assert!(dump.contains(&hex(&wrapped)));
            let (s, _) = call(&router, &token, Method::DELETE, &format!("/api/v1/contacts/{}", id.0), None).await;
            assert_eq!(s, StatusCode::NO_CONTENT);
            let dump = store.raw_dump_pg().await.unwrap();
            assert!(!dump.contains(&hex(&wrapped)), "the subject key survives deletion");
            assert_no_values(dump.as_bytes());
        }
    })
    .await;
    store.close().await;
    let _ = admin.raw_execute_no_tx(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)")).await;
    admin.close().await;
    if let Err(e) = r {
        std::panic::resume_unwind(e.into_panic());
    }
}
