//! Extractors whose failures are problem responses, and the caller's
//! identity.

use crate::problem::ApiError;
use axum::extract::{FromRequest, FromRequestParts};
use axum::http::request::Parts;
use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};
use kith_app::{App, IdempotencyKey, Principal};

/// A JSON object body. Like `axum::Json`, but a body that is not an object
/// (serde would read an array positionally into a struct) is refused, and
/// every failure is a problem response.
pub struct Json<T>(pub T);

impl<T: serde::de::DeserializeOwned, S: Send + Sync> FromRequest<S> for Json<T> {
    type Rejection = ApiError;

    async fn from_request(req: axum::extract::Request, state: &S) -> Result<Self, Self::Rejection> {
        let json_type = req
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .map(|v| v.split(';').next().unwrap_or("").trim().to_ascii_lowercase())
            .is_some_and(|m| m == "application/json" || (m.starts_with("application/") && m.ends_with("+json")));
        if !json_type {
            return Err(ApiError::from(axum::extract::rejection::JsonRejection::MissingJsonContentType(
                Default::default(),
            )));
        }
        let bytes = axum::body::Bytes::from_request(req, state).await.map_err(|e| {
            if e.status() == axum::http::StatusCode::PAYLOAD_TOO_LARGE {
                ApiError::new(
                    axum::http::StatusCode::PAYLOAD_TOO_LARGE,
                    "too-large",
                    "Body too large",
                    format!("The request body is larger than {} bytes.", crate::BODY_LIMIT),
                )
                .say("problem-detail-too-large", vec![("bytes", kith_i18n::Arg::Num(crate::BODY_LIMIT as f64))])
            } else {
                ApiError::bad_request("The request body could not be read.").say("problem-detail-unreadable", vec![])
            }
        })?;
        match bytes.iter().find(|b| !b.is_ascii_whitespace()) {
            Some(b'{') => {}
            _ if serde_json::from_slice::<serde::de::IgnoredAny>(&bytes).is_err() => {
                return Err(ApiError::bad_request("The body is not valid JSON (or not valid UTF-8).")
                    .say("problem-detail-json", vec![]))
            }
            _ => {
                return Err(ApiError::new(
                    axum::http::StatusCode::UNPROCESSABLE_ENTITY,
                    "validation",
                    "Invalid input",
                    "The body must be a JSON object.",
                )
                .say("problem-detail-object", vec![]))
            }
        }
        if has_nul(&bytes) {
            return Err(nul_error());
        }
        axum::Json::<T>::from_bytes(&bytes).map(|j| Json(j.0)).map_err(ApiError::from)
    }
}

impl<T: serde::Serialize> IntoResponse for Json<T> {
    fn into_response(self) -> Response {
        axum::Json(self.0).into_response()
    }
}

#[derive(FromRequestParts)]
#[from_request(via(axum::extract::Path), rejection(ApiError))]
pub struct Path<T>(pub T);

/// A query string. `%00` is refused: no text field may hold NUL (PostgreSQL
/// cannot store it, and it is never meaningful in a CRM).
pub struct Query<T>(pub T);

impl<T: serde::de::DeserializeOwned, S: Send + Sync> FromRequestParts<S> for Query<T> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        if parts.uri.query().is_some_and(|q| q.contains("%00")) {
            return Err(nul_error());
        }
        let axum::extract::Query(v) = axum::extract::Query::<T>::from_request_parts(parts, state).await?;
        Ok(Query(v))
    }
}

/// A query string whose keys may repeat (`basis=…&basis=…`), read into
/// `Vec` fields; otherwise like [`Query`].
pub struct ListQuery<T>(pub T);

impl<T: serde::de::DeserializeOwned, S: Send + Sync> FromRequestParts<S> for ListQuery<T> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        let q = parts.uri.query().unwrap_or("");
        if q.contains("%00") {
            return Err(nul_error());
        }
        serde_html_form::from_str(q).map(ListQuery).map_err(|e| {
            // The plain reader names the field in its message; ask it first.
            match axum::extract::Query::<T>::try_from_uri(&parts.uri) {
                Err(r) => ApiError::from(r),
                Ok(_) => ApiError::bad_request(format!(
                    "The query string is not valid: {}",
                    crate::problem::without_values(&e.to_string())
                )),
            }
        })
    }
}

/// A raw NUL byte, or a `\u0000` escape that is not itself escaped.
fn has_nul(body: &[u8]) -> bool {
    if body.contains(&0) {
        return true;
    }
    let pat = b"\\u0000";
    let mut i = 0;
    while let Some(pos) = body[i..].windows(pat.len()).position(|w| w.eq_ignore_ascii_case(pat)) {
        let at = i + pos;
        let backslashes = body[..at].iter().rev().take_while(|b| **b == b'\\').count();
        if backslashes % 2 == 0 {
            return true;
        }
        i = at + 1;
    }
    false
}

fn nul_error() -> ApiError {
    ApiError::new(
        axum::http::StatusCode::UNPROCESSABLE_ENTITY,
        "validation",
        "Invalid input",
        "Text must not contain NUL characters.",
    )
    .say("problem-detail-nul", vec![])
}

/// The request id: set by [`crate::request_id`] on every request.
#[derive(Clone, Debug)]
pub struct RequestId(pub String);

/// The authenticated caller.
pub struct Auth(pub Principal);

impl FromRequestParts<App> for Auth {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, app: &App) -> Result<Self, Self::Rejection> {
        let request_id = parts.extensions.get::<RequestId>().map(|r| r.0.clone()).unwrap_or_default();
        let token = parts
            .headers
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .map(str::trim)
            .ok_or(kith_app::AppError::Unauthenticated)?;
        let p = app.authenticate(token, request_id).await?;
        let path = parts.uri.path();
        let path = path.strip_prefix("/api/v1").unwrap_or(path);
        if !INSTRUCTION_PATHS.contains(&path) {
            if let Some(version) = app.needs_acknowledgement(&p).await? {
                return Err(not_acknowledged(version));
            }
        }
        Ok(Auth(p))
    }
}

/// What a token whose user has not acknowledged the current instructions
/// may still call: reading them and acknowledging them.
const INSTRUCTION_PATHS: [&str; 2] = ["/instructions", "/instructions/acknowledge"];

/// The refusal of a request whose user has yet to acknowledge the current
/// instructions (Art. 29): nothing else is served until they do.
fn not_acknowledged(version: i64) -> ApiError {
    ApiError::new(
        axum::http::StatusCode::FORBIDDEN,
        "instructions-not-acknowledged",
        "Instructions not acknowledged",
        format!(
            "Version {version} of the instructions for processing personal data was published and this token's user has \
             not acknowledged it. Read it (GET /api/v1/instructions) and acknowledge it (POST \
             /api/v1/instructions/acknowledge with {{\"version\": {version}}}), or sign in to the pages and do it there."
        ),
    )
}

/// The `Idempotency-Key` header, if sent.
pub struct IdemHeader(pub Option<String>);

impl<S: Send + Sync> FromRequestParts<S> for IdemHeader {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        match parts.headers.get("idempotency-key") {
            None => Ok(IdemHeader(None)),
            Some(v) => v
                .to_str()
                .map(|s| IdemHeader(Some(s.to_owned())))
                .map_err(|_| ApiError::bad_request("The Idempotency-Key header must be visible ASCII.")),
        }
    }
}

impl IdemHeader {
    /// The key bound to this request: method, route and body.
    pub fn key(&self, route: &str, body: &impl serde::Serialize) -> Result<Option<IdempotencyKey>, ApiError> {
        let Some(k) = &self.0 else { return Ok(None) };
        let body = serde_json::to_vec(body).map_err(|_| ApiError::bad_request("The body cannot be read."))?;
        Ok(Some(IdempotencyKey::new(k, &[b"POST", route.as_bytes(), &body])?))
    }
}

pub(crate) fn request_id_header(id: &str) -> Option<HeaderValue> {
    HeaderValue::from_str(id).ok()
}

#[cfg(test)]
mod tests {
    #[test]
    fn finds_nul_escapes_but_not_escaped_backslashes() {
        assert!(super::has_nul(br#"{"a":"x\u0000y"}"#));
        assert!(super::has_nul(br#"{"a":"x\U0000"}"#));
        assert!(!super::has_nul(br#"{"a":"x\\u0000y"}"#));
        assert!(super::has_nul(br#"{"a":"x\\\u0000y"}"#));
        assert!(!super::has_nul(br#"{"a":"plain"}"#));
    }
}
