//! What the API scenario tests share: an app with an admin's API token
//! behind the real router, and throwaway SQLite and PostgreSQL databases.
// Each test file is its own crate and uses part of this.
#![allow(dead_code)]

use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use axum::Router;
use kith_app::{App, Principal};
use kith_domain::Role;
use kith_store::{Store, Vault};
use serde_json::Value;
use std::future::Future;
use tower::ServiceExt;
use uuid::Uuid;

pub struct Env {
    pub app: App,
    pub store: Store,
    pub router: Router,
    pub token: String,
}

impl Env {
    /// Migrates `store` and signs an admin in with an API token.
    pub async fn new(store: Store) -> Env {
        store.migrate().await.unwrap();
        let app = App::new(store.clone());
        let u = app.add_user(&Principal::cli(), "dpo@example.com", Role::Admin, "correct-horse-battery").await.unwrap();
        let token = app.create_token(&Principal::cli(), u.id, "scenario test").await.unwrap().1;
        let router = kith_web::router(app.clone());
        Env { app, store, router, token }
    }

    /// Calls `/api/v1{path}`, asserts the status, returns the JSON body (null if none).
    pub async fn call(&self, method: Method, path: &str, body: Option<Value>, want: StatusCode) -> Value {
        self.call_as(&self.token.clone(), method, path, body, want).await
    }

    /// A new staff member of `role` and an API token of theirs.
    pub async fn token_for(&self, role: Role) -> String {
        let email = format!("{}-{}@example.com", role.as_str(), Uuid::now_v7().simple());
        let u = self.app.add_user(&Principal::cli(), &email, role, "correct-horse-battery").await.unwrap();
        self.app.create_token(&Principal::cli(), u.id, "scenario test").await.unwrap().1
    }

    /// [`Env::call`] with another API token.
    pub async fn call_as(
        &self,
        token: &str,
        method: Method,
        path: &str,
        body: Option<Value>,
        want: StatusCode,
    ) -> Value {
        let mut b = Request::builder()
            .method(method.clone())
            .uri(format!("/api/v1{path}"))
            .header(header::AUTHORIZATION, format!("Bearer {token}"));
        let body = match body {
            Some(v) => {
                b = b.header(header::CONTENT_TYPE, "application/json");
                Body::from(v.to_string())
            }
            None => Body::empty(),
        };
        let res = self.router.clone().oneshot(b.body(body).unwrap()).await.unwrap();
        let status = res.status();
        let bytes = axum::body::to_bytes(res.into_body(), usize::MAX).await.unwrap();
        let v = serde_json::from_slice(&bytes).unwrap_or(Value::Null);
        assert_eq!(status, want, "{method} {path}: {v}");
        v
    }

    /// POSTs `body` to `path`, expects 201, returns the new id.
    pub async fn id(&self, path: &str, body: Value) -> String {
        self.call(Method::POST, path, Some(body), StatusCode::CREATED).await["id"].as_str().unwrap().to_owned()
    }
}

/// A page request through `router`: method, path, form body, cookie;
/// returns the status, the headers and the body as text.
pub async fn page(
    router: &Router,
    method: Method,
    path: &str,
    form: Option<&str>,
    cookie: Option<&str>,
) -> (StatusCode, axum::http::HeaderMap, String) {
    let mut b = Request::builder().method(method).uri(path);
    if let Some(c) = cookie {
        b = b.header(header::COOKIE, c);
    }
    let body = match form {
        Some(f) => {
            b = b.header(header::CONTENT_TYPE, "application/x-www-form-urlencoded");
            Body::from(f.to_owned())
        }
        None => Body::empty(),
    };
    let res = router.clone().oneshot(b.body(body).unwrap()).await.unwrap();
    let (parts, body) = res.into_parts();
    let bytes = axum::body::to_bytes(body, usize::MAX).await.unwrap();
    (parts.status, parts.headers, String::from_utf8_lossy(&bytes).into_owned())
}

/// Runs `scenario` on a fresh SQLite database in a temporary directory.
pub async fn on_sqlite<F, Fut>(name: &str, scenario: F)
where
    F: FnOnce(Env) -> Fut,
    Fut: Future<Output = ()>,
{
    let dir = std::env::temp_dir().join(format!("kith-{name}-{}", Uuid::now_v7()));
    std::fs::create_dir_all(&dir).unwrap();
    let store = Store::connect(&format!("sqlite:{}", dir.join("kith.db").display()), Vault::from_key(&[5u8; 32]))
        .await
        .unwrap();
    scenario(Env::new(store).await).await;
    let _ = std::fs::remove_dir_all(&dir);
}

/// Runs `scenario` on a throwaway database at `KITH_TEST_PG_URL`, dropped
/// afterwards even if the scenario panics.
pub async fn on_postgres<F, Fut>(name: &str, scenario: F)
where
    F: FnOnce(Env) -> Fut + Send + 'static,
    Fut: Future<Output = ()> + Send,
{
    let admin_url =
        std::env::var("KITH_TEST_PG_URL").unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".into());
    let db = format!("kith_{name}_{}", Uuid::now_v7().simple());
    let admin = Store::connect(&admin_url, Vault::from_key(&[5u8; 32])).await.expect("PostgreSQL at KITH_TEST_PG_URL");
    admin.raw_execute_no_tx(&format!("CREATE DATABASE {db}")).await.unwrap();
    let url = format!("{}/{db}", &admin_url[..admin_url.rfind('/').unwrap()]);
    let store = Store::connect(&url, Vault::from_key(&[5u8; 32])).await.unwrap();
    let r = tokio::spawn({
        let store = store.clone();
        async move { scenario(Env::new(store).await).await }
    })
    .await;
    store.close().await;
    let _ = admin.raw_execute_no_tx(&format!("DROP DATABASE {db} WITH (FORCE)")).await;
    if let Err(e) = r {
        std::panic::resume_unwind(e.into_panic());
    }
}
