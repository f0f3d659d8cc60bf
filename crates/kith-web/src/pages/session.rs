//! Signing in and out, and the signed-in staff member of a request.
//!
//! The session cookie holds a random secret (the database keeps only its
//! hash): `HttpOnly`, `SameSite=Lax`, and `Secure` with the `__Host-`
//! prefix when Kith is served over TLS. Every form carries the session's
//! CSRF token; the sign-in form carries a token of its own bound to a
//! short-lived cookie.

use super::form::{Form, StaffForm};
use super::lang::browser_reader;
use super::view::Layout;
use super::{render_status, PageError, PageResult};
use crate::extract::RequestId;
use askama::Template;
use axum::extract::{ConnectInfo, FromRequestParts, State};
use axum::http::request::Parts;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use axum::{Extension, Router};
use kith_app::sessions::{Session, SignInStep, SESSION_MAX_MS};
use kith_app::{App, AppError};
use kith_domain::Role;
use kith_i18n::Tr;
use serde::Deserialize;
use std::net::{IpAddr, SocketAddr};

/// Settings of the web pages.
#[derive(Clone, Copy, Debug, Default)]
pub struct WebConfig {
    /// Kith is reached over HTTPS (directly or through a proxy): cookies
    /// get `Secure` and the `__Host-` prefix.
    pub secure_cookies: bool,
    /// Kith sits behind a reverse proxy that appends the client's address
    /// to `X-Forwarded-For`: sign-in throttling per client uses the last
    /// address there instead of the proxy's own.
    pub trust_forwarded_for: bool,
    /// `admin` and `dpo` must have a second factor: without one they can
    /// sign in only to enrol (`kith serve --require-2fa`).
    pub require_second_factor: bool,
}

impl WebConfig {
    fn session_cookie(&self) -> &'static str {
        if self.secure_cookies {
            "__Host-kith_session"
        } else {
            "kith_session"
        }
    }

    fn login_cookie(&self) -> &'static str {
        if self.secure_cookies {
            "__Host-kith_login"
        } else {
            "kith_login"
        }
    }

    /// The client address sign-in throttling counts under: the peer, or the
    /// proxy's last `X-Forwarded-For` entry when trusted; IPv6 addresses by
    /// their /64, which one client usually holds whole.
    pub(crate) fn client(&self, headers: &HeaderMap, peer: Option<IpAddr>) -> String {
        let forwarded = || {
            headers
                .get_all("x-forwarded-for")
                .iter()
                .filter_map(|v| v.to_str().ok())
                .flat_map(|v| v.split(','))
                .last()
                .and_then(|a| a.trim().parse::<IpAddr>().ok())
        };
        let ip = if self.trust_forwarded_for { forwarded().or(peer) } else { peer };
        match ip {
            Some(IpAddr::V6(v6)) => {
                let s = v6.segments();
                format!("{:x}:{:x}:{:x}:{:x}::/64", s[0], s[1], s[2], s[3])
            }
            Some(ip) => ip.to_string(),
            None => "unknown".into(),
        }
    }

    /// The cookie of a sign-in awaiting its second factor.
    fn challenge_cookie(&self) -> &'static str {
        if self.secure_cookies {
            "__Host-kith_2fa"
        } else {
            "kith_2fa"
        }
    }

    /// The privacy portal's session cookie.
    pub(crate) fn portal_cookie(&self) -> &'static str {
        if self.secure_cookies {
            "__Host-kith_portal"
        } else {
            "kith_portal"
        }
    }

    pub(crate) fn cookie(&self, name: &str, value: &str, max_age_secs: i64, same_site: &str) -> HeaderValue {
        let secure = if self.secure_cookies { "; Secure" } else { "" };
        HeaderValue::from_str(&format!(
            "{name}={value}; Path=/; HttpOnly; SameSite={same_site}; Max-Age={max_age_secs}{secure}"
        ))
        .expect("cookie values are URL-safe base64")
    }
}

pub(super) fn router() -> Router<App> {
    Router::new()
        .route("/login", get(login_page).post(login))
        .route("/login/code", get(code_page).post(code))
        .route("/logout", axum::routing::post(logout))
}

fn config(parts: &Parts) -> WebConfig {
    parts.extensions.get::<WebConfig>().copied().unwrap_or_default()
}

pub(crate) fn cookie<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|c| c.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
}

/// The signed-in staff member; anyone else is sent to the sign-in page.
pub(crate) struct Staff(pub Session);

impl FromRequestParts<App> for Staff {
    type Rejection = PageError;

    async fn from_request_parts(parts: &mut Parts, app: &App) -> Result<Self, PageError> {
        let request_id = parts.extensions.get::<RequestId>().map(|r| r.0.clone()).unwrap_or_default();
        let cfg = config(parts);
        let secret = cookie(&parts.headers, cfg.session_cookie()).ok_or(AppError::Unauthenticated)?;
        let mut s = app.session(secret, request_id).await?;
        s.tr = super::lang::staff_reader(s.language.as_deref(), s.time_zone.as_deref(), &parts.headers);
        super::lang::set_reader(&s.tr);
        let path = parts.uri.path();
        // A temporary password opens nothing but its change…
        if s.must_change_password && !PASSWORD_PATHS.contains(&path) {
            return Err(PageError::redirect("/account/password"));
        }
        // …and where a second factor is required, its enrolment comes first.
        if must_enrol(cfg, &s) && !PASSWORD_PATHS.contains(&path) && !ENROL_PATHS.contains(&path) {
            return Err(PageError::redirect("/account"));
        }
        // …and then the current instructions must be acknowledged before
        // any page that can show personal data (Art. 29).
        if !instructions_open(path) && app.needs_acknowledgement(&s.principal).await?.is_some() {
            return Err(PageError::redirect("/account/instructions"));
        }
        // The 72-hour clocks of open breaches, on every page (dpo, admin).
        s.breach_clocks = app
            .breach_clocks(&s.principal)
            .await?
            .into_iter()
            .map(|c| kith_app::sessions::BannerClock {
                id: c.id.to_string(),
                reference: c.reference,
                text: super::breach_notices::clock_text(&s.tr, Some(c.time_left)),
                overdue: c.overdue,
            })
            .collect();
        Ok(Staff(s))
    }
}

/// What a user who has yet to acknowledge the current instructions may
/// open: their own account (where the instructions are) and signing out.
fn instructions_open(path: &str) -> bool {
    path == "/account" || path.starts_with("/account/") || path == "/logout"
}

/// What a user whose password was reset may open.
const PASSWORD_PATHS: [&str; 3] = ["/account/password", "/account/password-strength", "/logout"];
/// What an admin or dpo without the required second factor may open.
const ENROL_PATHS: [&str; 3] = ["/account", "/account/second-factor/start", "/account/second-factor/confirm"];

/// The server requires a second factor of this user's role, and they have none.
pub(crate) fn must_enrol(cfg: WebConfig, s: &Session) -> bool {
    cfg.require_second_factor && matches!(s.role(), Role::Admin | Role::Dpo) && !s.second_factor
}

/// The session cookie's secret of a request (to keep that session when a
/// password changes).
pub(crate) fn session_secret(cfg: WebConfig, headers: &HeaderMap) -> &str {
    cookie(headers, cfg.session_cookie()).unwrap_or("")
}

#[derive(Template)]
#[template(path = "login.html")]
struct LoginPage {
    tr: kith_i18n::Tr,
    csrf: String,
    email: String,
    error: Option<String>,
}

fn login_form(cfg: WebConfig, tr: Tr, status: StatusCode, email: String, error: Option<String>) -> Response {
    let token = kith_app::new_secret();
    let mut res = render_status(status, &LoginPage { tr, csrf: token.clone(), email, error });
    res.headers_mut().append(header::SET_COOKIE, cfg.cookie(cfg.login_cookie(), &token, 3600, "Strict"));
    res
}

async fn login_page(State(app): State<App>, Extension(cfg): Extension<WebConfig>, headers: HeaderMap) -> Response {
    // Already signed in: straight to work.
    if let Some(secret) = cookie(&headers, cfg.session_cookie()) {
        if app.session(secret, String::new()).await.is_ok() {
            return Redirect::to("/contacts").into_response();
        }
    }
    login_form(cfg, browser_reader(&headers), StatusCode::OK, String::new(), None)
}

#[derive(Deserialize)]
struct LoginForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    csrf: String,
}

async fn login(
    State(app): State<App>,
    Extension(cfg): Extension<WebConfig>,
    Extension(RequestId(request_id)): Extension<RequestId>,
    headers: HeaderMap,
    connect: Option<Extension<ConnectInfo<SocketAddr>>>,
    form: Form<LoginForm>,
) -> Response {
    let f = form.form;
    let tr = browser_reader(&headers);
    let expected = cookie(&headers, cfg.login_cookie()).unwrap_or("");
    if f.csrf.is_empty() || !kith_app::records::ct_eq(expected.as_bytes(), f.csrf.as_bytes()) {
        let error = Some(tr.t("signin-form-expired"));
        return login_form(cfg, tr, StatusCode::FORBIDDEN, f.email, error);
    }
    let client = cfg.client(&headers, connect.map(|c| c.0 .0.ip()));
    match app.sign_in(&f.email, &f.password, &client, request_id).await {
        Ok(SignInStep::Done(signed)) => signed_in(cfg, &signed.secret),
        Ok(SignInStep::SecondFactor { challenge }) => {
            let mut res = Redirect::to("/login/code").into_response();
            let max_age = kith_app::twofactor::CHALLENGE_MS / 1000;
            res.headers_mut()
                .append(header::SET_COOKIE, cfg.cookie(cfg.challenge_cookie(), &challenge, max_age, "Strict"));
            res
        }
        Err(AppError::Unauthenticated) => {
            let error = Some(tr.t("signin-wrong"));
            login_form(cfg, tr, StatusCode::UNAUTHORIZED, f.email, error)
        }
        Err(AppError::TooManyAttempts { retry_after_secs }) => {
            let error = Some(super::try_again(&tr, retry_after_secs));
            login_form(cfg, tr, StatusCode::TOO_MANY_REQUESTS, f.email, error)
        }
        Err(e) => PageError::from(e).into_response(),
    }
}

/// Sets the session cookie, clears the sign-in ones, and opens the CRM.
fn signed_in(cfg: WebConfig, secret: &str) -> Response {
    let mut res = Redirect::to("/contacts").into_response();
    let h = res.headers_mut();
    h.append(header::SET_COOKIE, cfg.cookie(cfg.session_cookie(), secret, SESSION_MAX_MS / 1000, "Lax"));
    h.append(header::SET_COOKIE, cfg.cookie(cfg.login_cookie(), "", 0, "Strict"));
    h.append(header::SET_COOKIE, cfg.cookie(cfg.challenge_cookie(), "", 0, "Strict"));
    res
}

#[derive(Template)]
#[template(path = "login_code.html")]
struct CodePage {
    tr: kith_i18n::Tr,
    csrf: String,
    error: Option<String>,
}

fn code_form(cfg: WebConfig, tr: Tr, status: StatusCode, error: Option<String>) -> Response {
    let token = kith_app::new_secret();
    let mut res = render_status(status, &CodePage { tr, csrf: token.clone(), error });
    res.headers_mut().append(header::SET_COOKIE, cfg.cookie(cfg.login_cookie(), &token, 3600, "Strict"));
    res
}

/// The second step of signing in: the code of the user's authenticator app.
async fn code_page(Extension(cfg): Extension<WebConfig>, headers: HeaderMap) -> Response {
    if cookie(&headers, cfg.challenge_cookie()).is_none() {
        return Redirect::to("/login").into_response();
    }
    code_form(cfg, browser_reader(&headers), StatusCode::OK, None)
}

#[derive(Deserialize)]
struct CodeForm {
    #[serde(default)]
    code: String,
    #[serde(default)]
    csrf: String,
}

async fn code(
    State(app): State<App>,
    Extension(cfg): Extension<WebConfig>,
    Extension(RequestId(request_id)): Extension<RequestId>,
    headers: HeaderMap,
    form: Form<CodeForm>,
) -> Response {
    let f = form.form;
    let Some(challenge) = cookie(&headers, cfg.challenge_cookie()) else {
        return Redirect::to("/login").into_response();
    };
    let tr = browser_reader(&headers);
    let expected = cookie(&headers, cfg.login_cookie()).unwrap_or("");
    if f.csrf.is_empty() || !kith_app::records::ct_eq(expected.as_bytes(), f.csrf.as_bytes()) {
        let error = Some(tr.t("signin-code-form-expired"));
        return code_form(cfg, tr, StatusCode::FORBIDDEN, error);
    }
    match app.complete_sign_in(challenge, &f.code, request_id).await {
        Ok(signed) => signed_in(cfg, &signed.secret),
        Err(AppError::Invalid(_)) => {
            let error = Some(tr.t("signin-code-wrong"));
            code_form(cfg, tr, StatusCode::UNAUTHORIZED, error)
        }
        Err(AppError::TooManyAttempts { retry_after_secs }) => {
            let error = Some(super::try_again(&tr, retry_after_secs));
            code_form(cfg, tr, StatusCode::TOO_MANY_REQUESTS, error)
        }
        Err(AppError::Unauthenticated) => {
            let mut res = Redirect::to("/login").into_response();
            res.headers_mut().append(header::SET_COOKIE, cfg.cookie(cfg.challenge_cookie(), "", 0, "Strict"));
            res
        }
        Err(e) => PageError::from(e).into_response(),
    }
}

async fn logout(
    State(app): State<App>,
    Extension(cfg): Extension<WebConfig>,
    headers: HeaderMap,
    StaffForm { staff, .. }: StaffForm<super::form::NoFields>,
) -> PageResult {
    if let Some(secret) = cookie(&headers, cfg.session_cookie()) {
        app.sign_out(&staff.principal, secret).await?;
    }
    let mut res = Redirect::to("/login").into_response();
    res.headers_mut().append(header::SET_COOKIE, cfg.cookie(cfg.session_cookie(), "", 0, "Lax"));
    Ok(res)
}

/// The page frame for a signed-in staff member.
pub(crate) fn layout(s: &Session, nav: &'static str) -> Layout {
    Layout {
        email: s.email.clone(),
        role: s.role().as_str(),
        csrf: s.csrf().to_owned(),
        nav,
        can_audit: s.role().can_read_audit(),
        can_manage_privacy: s.role().can_manage_privacy(),
        is_admin: s.role().can_administer(),
        can_write: s.role().can_write_crm(),
        breach_clocks: s.breach_clocks.clone(),
        tr: s.tr.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clients_are_counted_by_address_and_ipv6_by_64() {
        let h = HeaderMap::new();
        let cfg = WebConfig::default();
        assert_eq!(cfg.client(&h, Some("192.0.2.7".parse().unwrap())), "192.0.2.7");
        assert_eq!(cfg.client(&h, Some("2001:db8:1:2:aaaa::1".parse().unwrap())), "2001:db8:1:2::/64");
        assert_eq!(cfg.client(&h, None), "unknown");
        let mut h = HeaderMap::new();
        h.insert("x-forwarded-for", HeaderValue::from_static("198.51.100.1, 203.0.113.9"));
        let proxy = Some("10.0.0.1".parse().unwrap());
        assert_eq!(cfg.client(&h, proxy), "10.0.0.1", "not trusted by default");
        let trusting = WebConfig { trust_forwarded_for: true, ..cfg };
        assert_eq!(trusting.client(&h, proxy), "203.0.113.9", "the entry the proxy added");
    }
}
