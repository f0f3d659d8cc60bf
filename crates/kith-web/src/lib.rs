//! Kith's HTTP interface: `/api/v1` (JSON, OpenAPI 3.1 at
//! `/api/v1/openapi.json`, errors as RFC 9457 problem details).
//!
//! Handlers parse input into domain types, call one `kith_app` function with
//! the acting principal, and render the result.

pub mod api;
pub mod extract;
pub mod pages;
pub mod problem;
mod problem_lang;

use axum::extract::{DefaultBodyLimit, Request};
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::Router;
use kith_app::App;
use problem::ApiError;

/// Largest request body accepted, in bytes.
pub const BODY_LIMIT: usize = 1024 * 1024;

/// Gives every request a fresh id and returns it in `X-Request-Id`, so a
/// user can quote it. A client's own `X-Request-Id` is not reused: the id
/// goes into the immutable audit trail, where client text has no place.
async fn request_id(mut req: Request, next: Next) -> Response {
    let id = uuid::Uuid::now_v7().to_string();
    req.extensions_mut().insert(extract::RequestId(id.clone()));
    // The route template, never the raw path: a mistaken URL could hold anything.
    let method = req.method().clone();
    let path = req
        .extensions()
        .get::<axum::extract::MatchedPath>()
        .map(|m| m.as_str().to_owned())
        .unwrap_or_else(|| "(no route)".to_owned());
    let mut res = next.run(req).await;
    if let Some(v) = extract::request_id_header(&id) {
        res.headers_mut().insert("x-request-id", v);
    }
    res.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    res.headers_mut().insert("x-content-type-options", HeaderValue::from_static("nosniff"));
    tracing::info!(request.id = %id, %method, %path, status = res.status().as_u16(), "request");
    res
}

/// Requests no route takes: a problem for API clients, a page for people.
async fn fallback(uri: axum::http::Uri) -> Response {
    if uri.path().starts_with("/api/") {
        ApiError::not_found().into_response()
    } else {
        pages::not_found().into_response()
    }
}

async fn method_not_allowed(req: Request, next: Next) -> Response {
    let api = req.uri().path().starts_with("/api/");
    let res = next.run(req).await;
    if res.status() == StatusCode::METHOD_NOT_ALLOWED && !api {
        return pages::method_not_allowed().into_response();
    }
    if res.status() == StatusCode::METHOD_NOT_ALLOWED {
        return ApiError::new(
            StatusCode::METHOD_NOT_ALLOWED,
            "method-not-allowed",
            "Method not allowed",
            "This address does not accept this method.",
        )
        .say("problem-detail-method", vec![])
        .into_response();
    }
    res
}

async fn healthz() -> &'static str {
    "ok"
}

/// The whole HTTP application with default page settings.
pub fn router(app: App) -> Router {
    router_with(app, pages::WebConfig::default())
}

/// The whole HTTP application: the API and the staff pages.
pub fn router_with(app: App, config: pages::WebConfig) -> Router {
    let (api, openapi) = api::router().split_for_parts();
    let openapi_json = serde_json::to_string(&openapi).expect("the OpenAPI document serialises");
    Router::new()
        .nest("/api/v1", api)
        .route(
            "/api/v1/openapi.json",
            axum::routing::get(move || {
                let body = openapi_json.clone();
                async move { ([(header::CONTENT_TYPE, "application/json")], body) }
            }),
        )
        .route("/healthz", axum::routing::get(healthz))
        .merge(pages::router())
        .fallback(fallback)
        .layer(axum::middleware::from_fn(method_not_allowed))
        .layer(axum::middleware::from_fn(problem_lang::localize))
        .layer(axum::middleware::from_fn_with_state(app.clone(), pages::error_pages))
        .layer(axum::middleware::from_fn(pages::with_reader))
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .layer(axum::middleware::from_fn(pages::security_headers))
        .layer(axum::Extension(config))
        .layer(axum::middleware::from_fn(request_id))
        .with_state(app)
}

/// The OpenAPI document, for tests and `kith openapi`.
pub fn openapi() -> utoipa::openapi::OpenApi {
    api::router().split_for_parts().1
}
