//! Form bodies: parsed with `serde_html_form` (repeated fields become
//! lists), NUL refused, and for signed-in pages the session's CSRF token
//! checked before anything else happens.

use super::session::Staff;
use super::PageError;
use axum::extract::{FromRequest, FromRequestParts, Request};
use kith_app::sessions::Session;
use kith_app::App;
use serde::de::DeserializeOwned;

/// The pairs of a form body; refuses bodies that are too large, not
/// decodable, or hold a NUL anywhere.
async fn pairs(req: Request) -> Result<(Vec<(String, String)>, axum::body::Bytes), PageError> {
    let bytes = axum::body::to_bytes(req.into_body(), crate::BODY_LIMIT).await.map_err(|_| PageError::bad_form())?;
    let pairs: Vec<(String, String)> = serde_html_form::from_bytes(&bytes).map_err(|_| PageError::bad_form())?;
    if pairs.iter().any(|(k, v)| k.contains('\0') || v.contains('\0')) {
        return Err(PageError::check("errors-nul-text"));
    }
    Ok((pairs, bytes))
}

fn decode<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, PageError> {
    serde_html_form::from_bytes(bytes).map_err(|_| PageError::bad_form())
}

/// A form from a page nobody needs to be signed in for (sign-in).
pub(crate) struct Form<T> {
    pub form: T,
}

impl<T: DeserializeOwned, S: Send + Sync> FromRequest<S> for Form<T> {
    type Rejection = PageError;

    async fn from_request(req: Request, _: &S) -> Result<Self, PageError> {
        let (_, bytes) = pairs(req).await?;
        Ok(Form { form: decode(&bytes)? })
    }
}

/// A form posted by a signed-in staff member, its CSRF token checked.
pub(crate) struct StaffForm<T> {
    pub staff: Session,
    pub form: T,
}

impl<T: DeserializeOwned> FromRequest<App> for StaffForm<T> {
    type Rejection = PageError;

    async fn from_request(req: Request, app: &App) -> Result<Self, PageError> {
        let (mut parts, body) = req.into_parts();
        let Staff(staff) = Staff::from_request_parts(&mut parts, app).await?;
        let (fields, bytes) = pairs(Request::from_parts(parts, body)).await?;
        let token = fields.iter().find(|(k, _)| k == "csrf").map(|(_, v)| v.as_str()).unwrap_or("");
        if !staff.csrf_matches(token) {
            return Err(PageError::msg(
                axum::http::StatusCode::FORBIDDEN,
                "errors-form-expired-title",
                "errors-form-expired-text",
            ));
        }
        Ok(StaffForm { staff, form: decode(&bytes)? })
    }
}

/// A query string parsed like a form (repeated keys become lists).
pub(crate) struct QueryForm<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequestParts<S> for QueryForm<T> {
    type Rejection = PageError;

    async fn from_request_parts(parts: &mut axum::http::request::Parts, _: &S) -> Result<Self, PageError> {
        let q = parts.uri.query().unwrap_or("");
        let pairs: Vec<(String, String)> = serde_html_form::from_str(q).map_err(|_| bad_query())?;
        if pairs.iter().any(|(k, v)| k.contains('\0') || v.contains('\0')) {
            return Err(bad_query());
        }
        serde_html_form::from_str(q).map(QueryForm).map_err(|_| bad_query())
    }
}

fn bad_query() -> PageError {
    PageError::msg(axum::http::StatusCode::BAD_REQUEST, "errors-bad-address-title", "errors-bad-address-text")
}

/// Field errors by field name (the part before any `.` or `[`), for
/// showing each next to its input.
#[derive(Default, Debug)]
pub(crate) struct Errors(pub Vec<(String, String)>);

impl Errors {
    /// The domain's errors in the words of the request's reader.
    pub fn from_invalid(inv: &kith_domain::Invalid) -> Self {
        let tr = super::lang::reader();
        Errors(
            inv.0
                .iter()
                .map(|f| {
                    let key = f.field.split(['.', '[']).next().unwrap_or("").to_owned();
                    let message = super::field_words::field_message(&tr, &f.message);
                    let msg = if key == f.field {
                        message
                    } else {
                        format!("{}: {message}", super::view::field_label(&tr, &f.field[key.len() + 1..]))
                    };
                    (key, msg)
                })
                .collect(),
        )
    }

    pub fn get(&self, field: &str) -> Option<&str> {
        self.0.iter().find(|(k, _)| k == field).map(|(_, m)| m.as_str())
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// 200 for a clean page, 422 for one showing what to correct.
    pub fn status(&self) -> axum::http::StatusCode {
        if self.is_empty() {
            axum::http::StatusCode::OK
        } else {
            axum::http::StatusCode::UNPROCESSABLE_ENTITY
        }
    }

    /// Every error, each as a sentence (for forms that list them together).
    pub fn all(&self) -> Vec<String> {
        self.others(&[])
    }

    /// Errors about fields the form does not show, each as a sentence.
    pub fn others(&self, shown: &[&str]) -> Vec<String> {
        self.0
            .iter()
            .filter(|(k, _)| !shown.contains(&k.as_str()))
            .map(|(k, m)| match k.as_str() {
                "cursor" => super::lang::reader().t("errors-link-out-of-date"),
                // About the form as a whole (a conflict with a change made meanwhile).
                "" => m.clone(),
                _ => format!("{}: {m}", super::view::field_label(&super::lang::reader(), k)),
            })
            .collect()
    }
}

/// Percent-encodes a query-string value.
pub(crate) fn enc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => out.push(b as char),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// Blank means absent.
pub(crate) fn non_blank(s: &str) -> Option<String> {
    let t = s.trim();
    (!t.is_empty()).then(|| t.to_owned())
}

/// A form with no fields but its CSRF token.
#[derive(serde::Deserialize)]
pub(crate) struct NoFields {}

/// An id chosen in a form or an address; a malformed one is a field error.
pub(crate) fn parse_uuid(inv: &mut kith_domain::Invalid, field: &str, v: &str) -> Option<uuid::Uuid> {
    let v = v.trim();
    if v.is_empty() {
        return None;
    }
    match uuid::Uuid::parse_str(v) {
        Ok(u) => Some(u),
        Err(_) => {
            inv.push(field, "is not a valid choice");
            None
        }
    }
}

/// The idempotency key of a create form: a random token rendered into the
/// form, so a double submit (or a resubmit after Back) creates one record.
pub(crate) fn create_key(token: &str, what: &str) -> Option<kith_app::IdempotencyKey> {
    let token = token.trim();
    if token.is_empty() {
        return None;
    }
    kith_app::IdempotencyKey::new(token, &[b"page", what.as_bytes()]).ok()
}

/// The token for a freshly rendered create form, or the one it was posted with.
pub(crate) fn form_token(posted: &str) -> String {
    if posted.trim().is_empty() {
        kith_app::new_secret()
    } else {
        posted.to_owned()
    }
}
