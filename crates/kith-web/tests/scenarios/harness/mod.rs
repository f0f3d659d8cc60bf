//! The one test harness: a [`TestApp`] (store, app, real router, an admin
//! and their API token) on a throwaway SQLite or PostgreSQL database
//! (`engines`), the pages as a browser uses them (`browser`), TOTP codes
//! (`totp`) and a capture of the log (`log`).

mod browser;
mod engines;
pub mod log;
pub mod totp;

pub use browser::{form_body, Browser, Resp};
pub use engines::{on_both, on_postgres, on_sqlite};

use axum::body::{Body, Bytes};
use axum::http::{header, HeaderMap, Method, Request, StatusCode};
use axum::Router;
use kith_app::{App, Principal, Settings};
use kith_domain::{Role, UserId};
use kith_store::{Engine, Store};
use kith_web::pages::WebConfig;
use serde_json::Value;
use std::path::PathBuf;
use tower::ServiceExt;
use uuid::Uuid;

/// The password of every staff member the harness adds.
pub const PASSWORD: &str = "correct-horse-battery";
/// The admin every [`TestApp`] starts with.
pub const ADMIN_EMAIL: &str = "admin@example.com";

/// One scenario's world: a migrated store, the app over it, the real
/// router, and an admin with an API token.
pub struct TestApp {
    pub store: Store,
    pub app: App,
    pub router: Router,
    /// The admin's API token.
    pub token: String,
    pub admin_id: UserId,
    /// A scratch directory of the scenario's own (on SQLite it holds `kith.db`).
    pub dir: PathBuf,
    web: WebConfig,
}

impl TestApp {
    /// Migrates `store` and adds an admin with an API token.
    pub async fn new(store: Store, dir: PathBuf) -> TestApp {
        store.migrate().await.expect("migrate");
        let app = App::new(store.clone());
        let admin = app.add_user(&Principal::cli(), ADMIN_EMAIL, Role::Admin, PASSWORD).await.expect("admin");
        let token = app.create_token(&Principal::cli(), admin.id, "scenario test").await.expect("token").1;
        let web = WebConfig::default();
        let router = kith_web::router_with(app.clone(), web);
        TestApp { store, app, router, token, admin_id: admin.id, dir, web }
    }

    /// The same world with the app's settings replaced.
    pub fn with_settings(mut self, settings: Settings) -> TestApp {
        self.app = self.app.with_settings(settings);
        self.router = kith_web::router_with(self.app.clone(), self.web);
        self
    }

    /// The same world behind a router with another web configuration.
    pub fn with_web(mut self, web: WebConfig) -> TestApp {
        self.web = web;
        self.router = kith_web::router_with(self.app.clone(), web);
        self
    }

    pub fn engine(&self) -> Engine {
        self.store.engine()
    }

    /// Sends `req` through the router; the status, headers and body.
    pub async fn respond(&self, req: Request<Body>) -> (StatusCode, HeaderMap, Bytes) {
        let res = self.router.clone().oneshot(req).await.expect("infallible router");
        let (parts, body) = res.into_parts();
        let bytes = axum::body::to_bytes(body, usize::MAX).await.expect("body");
        (parts.status, parts.headers, bytes)
    }

    /// Calls `/api/v1{path}` as the admin, asserts the status, returns the
    /// JSON body (null if none).
    pub async fn call(&self, method: Method, path: &str, body: Option<Value>, want: StatusCode) -> Value {
        self.call_as(&self.token, method, path, body, want).await
    }

    /// [`TestApp::call`] with another API token.
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
        let (status, _, bytes) = self.respond(b.body(body).unwrap()).await;
        let v = serde_json::from_slice(&bytes).unwrap_or(Value::Null);
        assert_eq!(status, want, "{method} {path}: {v}");
        v
    }

    /// POSTs `body` to `path` as the admin, expects 201, returns the new id.
    pub async fn id(&self, path: &str, body: Value) -> String {
        self.call(Method::POST, path, Some(body), StatusCode::CREATED).await["id"].as_str().unwrap().to_owned()
    }

    /// The audit trail's entries (up to 200), as the API lists them.
    pub async fn audit(&self) -> Vec<Value> {
        self.call(Method::GET, "/audit?limit=200", None, StatusCode::OK).await["items"].as_array().unwrap().clone()
    }

    /// A new staff member of `role` with [`PASSWORD`]: their id and email.
    pub async fn add_user(&self, role: Role) -> (UserId, String) {
        let email = format!("{}-{}@example.com", role.as_str(), Uuid::now_v7().simple());
        let u = self.app.add_user(&Principal::cli(), &email, role, PASSWORD).await.expect("user");
        (u.id, email)
    }

    /// A new staff member of `role` and an API token of theirs.
    pub async fn token_for(&self, role: Role) -> String {
        let (id, _) = self.add_user(role).await;
        self.app.create_token(&Principal::cli(), id, "scenario test").await.expect("token").1
    }

    /// Every byte the database holds: on SQLite the database file and its
    /// WAL, on PostgreSQL a dump of every row.
    pub async fn stored_bytes(&self) -> Vec<u8> {
        match self.engine() {
            Engine::Sqlite => {
                let mut all = std::fs::read(self.dir.join("kith.db")).unwrap();
                all.extend(std::fs::read(self.dir.join("kith.db-wal")).unwrap_or_default());
                all
            }
            Engine::Postgres => self.store.raw_dump_pg().await.unwrap().into_bytes(),
        }
    }
}
