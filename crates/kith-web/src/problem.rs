//! Errors as RFC 9457 problem details. Every failure a client can cause is
//! a 4xx with a readable message; internal detail is logged (without
//! personal data), never shown.

use axum::extract::rejection::{JsonRejection, PathRejection, QueryRejection};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use kith_app::AppError;
use kith_domain::FieldError;
use serde::Serialize;
use utoipa::ToSchema;

/// RFC 9457 problem details.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Problem {
    /// A URI naming the kind of problem.
    #[serde(rename = "type")]
    pub kind: String,
    /// Short summary of the kind of problem.
    pub title: String,
    /// The HTTP status code.
    pub status: u16,
    /// What went wrong in this case, for a human.
    pub detail: String,
    /// For validation problems: each offending field and what is wrong with it.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[schema(value_type = Vec<FieldErrorDoc>)]
    pub errors: Vec<FieldError>,
}

/// One offending field.
#[derive(Serialize, ToSchema)]
pub struct FieldErrorDoc {
    pub field: String,
    pub message: String,
}

#[derive(Debug)]
pub struct ApiError {
    status: StatusCode,
    slug: &'static str,
    title: &'static str,
    detail: String,
    errors: Vec<FieldError>,
    /// The detail as a message of the catalogue, for readers of other
    /// languages (`Accept-Language`); `None` keeps the English detail.
    detail_msg: Option<Box<DetailMsg>>,
}

/// A problem's detail as a message id and its variables.
pub(crate) type DetailMsg = (&'static str, Vec<(&'static str, kith_i18n::Arg)>);

impl ApiError {
    pub fn new(status: StatusCode, slug: &'static str, title: &'static str, detail: impl Into<String>) -> Self {
        ApiError { status, slug, title, detail: detail.into(), errors: Vec::new(), detail_msg: None }
    }

    /// The same problem whose detail other languages read as message `id`.
    pub(crate) fn say(mut self, id: &'static str, args: Vec<(&'static str, kith_i18n::Arg)>) -> Self {
        self.detail_msg = Some(Box::new((id, args)));
        self
    }

    pub fn not_found() -> Self {
        Self::new(StatusCode::NOT_FOUND, "not-found", "Not found", "There is nothing at this address.")
            .say("problem-detail-no-address", vec![])
    }

    pub fn invalid(errors: Vec<FieldError>) -> Self {
        let names: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        let detail = format!("Some fields are not valid: {}.", names.join(", "));
        ApiError {
            status: StatusCode::UNPROCESSABLE_ENTITY,
            slug: "validation",
            title: "Invalid input",
            detail_msg: Some(Box::new((
                "problem-detail-fields",
                vec![("fields", kith_i18n::Arg::Str(names.join(", ")))],
            ))),
            detail,
            errors,
        }
    }

    /// The status this problem is answered with.
    pub fn status(&self) -> StatusCode {
        self.status
    }

    pub fn bad_request(detail: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, "bad-request", "Bad request", detail)
    }
}

impl From<AppError> for ApiError {
    /// Status and slug come from the one classification (`AppError::status`,
    /// `AppError::slug`); the title and detail are the API's words.
    fn from(e: AppError) -> Self {
        let status = StatusCode::from_u16(e.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let slug = e.slug();
        use kith_i18n::Arg;
        let (title, detail, msg): (&'static str, String, Option<DetailMsg>) = match e {
            AppError::Invalid(inv) => return ApiError::invalid(inv.0),
            AppError::Unauthenticated => (
                "Authentication required",
                "Send a valid API token as `Authorization: Bearer <token>`.".into(),
                Some(("problem-detail-unauthenticated", vec![])),
            ),
            AppError::Forbidden(action) => (
                "Forbidden",
                e.to_string(),
                Some(("problem-detail-forbidden", vec![("action", Arg::Str(action.into()))])),
            ),
            AppError::NotFound(what) => (
                "Not found",
                format!("No {what} with this id exists."),
                Some(("problem-detail-not-found", vec![("what", Arg::Str(what.into()))])),
            ),
            AppError::Conflict(msg) => ("Conflict", msg, None),
            AppError::Restricted => {
                ("Processing restricted", e.to_string(), Some(("problem-detail-restricted", vec![])))
            }
            AppError::IdempotencyMismatch => {
                ("Idempotency key reused", e.to_string(), Some(("problem-detail-idempotency", vec![])))
            }
            AppError::TooManyAttempts { retry_after_secs } => (
                "Too many attempts",
                format!("Too many failed attempts; retry in {retry_after_secs} seconds."),
                Some(("problem-detail-too-many", vec![("seconds", Arg::Num(retry_after_secs as f64))])),
            ),
            AppError::Unavailable => (
                "Service busy",
                "The server is too busy to take this request now; retry shortly.".into(),
                Some(("problem-detail-unavailable", vec![])),
            ),
            AppError::Internal(source) => {
                tracing::error!(error = %error_chain(&source), "internal error");
                (
                    "Internal error",
                    "Something went wrong on our side. The request id identifies it in the server log.".into(),
                    Some(("problem-detail-internal", vec![])),
                )
            }
        };
        let mut err = ApiError::new(status, slug, title, detail);
        err.detail_msg = msg.map(Box::new);
        err
    }
}

/// An error and its sources, for the log (store errors hold no personal data).
pub(crate) fn error_chain(e: &(dyn std::error::Error + 'static)) -> String {
    let mut chain = e.to_string();
    let mut cur = e.source();
    while let Some(c) = cur {
        chain.push_str(": ");
        chain.push_str(&c.to_string());
        cur = c.source();
    }
    chain
}

/// Serde's messages quote the offending value (`invalid type: string
/// "Mario"`, ``unknown variant `Mario` ``), and values may be personal data.
/// Keep the location (field path, line, column), the kind of error and what
/// was expected; drop the value.
pub(crate) fn without_values(msg: &str) -> String {
    const PREFIXES: [&str; 2] =
        ["Failed to deserialize the JSON body into the target type: ", "Failed to deserialize query string: "];
    let msg = PREFIXES.iter().find_map(|p| msg.strip_prefix(p)).unwrap_or(msg);
    // "path: inner at line 1 column 5": the path holds our field names and indices.
    let (path, inner) = match msg.split_once(": ") {
        Some((p, i)) if p.chars().all(|c| c.is_alphanumeric() || "._[]".contains(c)) => (Some(p), i),
        _ => (None, msg),
    };
    let (inner, at) = match inner.rfind(" at line ") {
        Some(i) if inner[i..].chars().all(|c| c.is_ascii_alphanumeric() || c == ' ') => (&inner[..i], &inner[i..]),
        _ => (inner, ""),
    };
    const KINDS: [&str; 7] = [
        "unknown field",
        "unknown variant",
        "invalid type",
        "invalid value",
        "invalid length",
        "missing field",
        "duplicate field",
    ];
    let described = match KINDS.iter().find(|k| inner.starts_with(*k)) {
        // These name one of our own fields, never a value.
        Some(&k) if k == "missing field" || k == "duplicate field" => inner.to_owned(),
        Some(&k) => match inner.rfind(", expected ") {
            Some(i) => format!("{k}, {}", &inner[i + 2..]),
            None => k.to_owned(),
        },
        None => "invalid value".to_owned(),
    };
    match path {
        Some(p) => format!("{p}: {described}{at}"),
        None => format!("{described}{at}"),
    }
}

impl From<kith_domain::Invalid> for ApiError {
    fn from(e: kith_domain::Invalid) -> Self {
        ApiError::invalid(e.0)
    }
}

impl From<JsonRejection> for ApiError {
    fn from(r: JsonRejection) -> Self {
        match r {
            JsonRejection::JsonDataError(e) => ApiError::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                "validation",
                "Invalid input",
                format!("The JSON body does not match the expected shape: {}", without_values(&e.body_text())),
            )
            .say("problem-detail-shape", vec![("what", kith_i18n::Arg::Str(without_values(&e.body_text())))]),
            JsonRejection::JsonSyntaxError(_) => {
                ApiError::bad_request("The body is not valid JSON (or not valid UTF-8).")
                    .say("problem-detail-json", vec![])
            }
            JsonRejection::MissingJsonContentType(_) => ApiError::new(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "unsupported-media-type",
                "Unsupported media type",
                "Send the body as JSON with `Content-Type: application/json`.",
            )
            .say("problem-detail-media-type", vec![]),
            JsonRejection::BytesRejection(b) if b.status() == StatusCode::PAYLOAD_TOO_LARGE => ApiError::new(
                StatusCode::PAYLOAD_TOO_LARGE,
                "too-large",
                "Body too large",
                format!("The request body is larger than {} bytes.", crate::BODY_LIMIT),
            )
            .say("problem-detail-too-large", vec![("bytes", kith_i18n::Arg::Num(crate::BODY_LIMIT as f64))]),
            other => ApiError::bad_request(format!("The request body could not be read ({}).", other.status())),
        }
    }
}

impl From<QueryRejection> for ApiError {
    fn from(r: QueryRejection) -> Self {
        ApiError::bad_request(format!("The query string is not valid: {}", without_values(&r.body_text())))
            .say("problem-detail-query", vec![("what", kith_i18n::Arg::Str(without_values(&r.body_text())))])
    }
}

impl From<PathRejection> for ApiError {
    fn from(_: PathRejection) -> Self {
        ApiError::bad_request("An id in the address is not a valid UUID.").say("problem-detail-uuid", vec![])
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = Problem {
            kind: format!("https://kith.invalid/problems/{}", self.slug),
            title: self.title.to_owned(),
            status: self.status.as_u16(),
            detail: self.detail,
            errors: self.errors,
        };
        let words =
            crate::problem_lang::Words { slug: self.slug, detail: self.detail_msg.map(|d| *d), problem: body.clone() };
        let mut res = (self.status, axum::Json(body)).into_response();
        res.extensions_mut().insert(words);
        res.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
        if self.status == StatusCode::UNAUTHORIZED {
            res.headers_mut().insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
        }
        res
    }
}

#[cfg(test)]
mod tests {
    use super::without_values;

    #[test]
    fn drops_values_keeps_shape() {
        assert_eq!(
            without_values("first_name: invalid type: string \"Ma\\\"rio\", expected u32 at line 1 column 20"),
            "first_name: invalid type, expected u32 at line 1 column 20"
        );
        assert_eq!(
            without_values("kind: unknown variant `Mario Rossi`, expected one of `note`, `call`"),
            "kind: unknown variant, expected one of `note`, `call`"
        );
        assert_eq!(
            without_values("owner_id: UUID parsing failed: invalid character: found `M` at 1"),
            "owner_id: invalid value"
        );
        assert_eq!(
            without_values("missing field `name` at line 1 column 2"),
            "missing field `name` at line 1 column 2"
        );
        assert!(!without_values("x: unknown field `Mario`, expected one of `a`").contains("Mario"));
    }
}
