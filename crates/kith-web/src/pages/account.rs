//! My account: one's own password, language and time zone, second factor
//! and API tokens. A user
//! whose password an admin reset sees only the password form until they
//! change it; where the server requires a second factor of admins and
//! DPOs, those without one see only this page until they enrol.

use super::form::{Errors, NoFields, StaffForm};
use super::session::{layout, must_enrol, session_secret, Staff, WebConfig};
use super::view::Layout;
use super::{render_status, Id, PageError, PageResult};
use askama::Template;
use axum::extract::State;
use axum::http::{header, HeaderMap};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Extension, Router};
use kith_app::sessions::Session;
use kith_app::{App, AppError};
use kith_domain::TokenId;
use serde::Deserialize;
use uuid::Uuid;

pub(super) fn router() -> Router<App> {
    Router::new()
        .route("/account", get(account))
        .route("/account/password", get(password_page).post(change_password))
        .route("/account/password-strength", post(password_strength))
        .route("/account/second-factor/start", post(start_second_factor))
        .route("/account/second-factor/confirm", post(confirm_second_factor))
        .route("/account/second-factor/disable", post(disable_second_factor))
        .route("/account/locale", post(set_locale))
        .route("/account/tokens", post(create_token))
        .route("/account/tokens/{id}/revoke", post(revoke_token))
}

struct TokenRow {
    id: String,
    name: String,
    created: String,
    revoked: String,
}

/// The enrolment under way: what the authenticator app needs.
struct Enrolling {
    qr: String,
    secret: String,
}

#[derive(Template)]
#[template(path = "account.html")]
struct AccountPage {
    l: Layout,
    /// Only the password form (a reset password must be changed first).
    forced: bool,
    /// The server requires a second factor of this user, who has none.
    must_enrol: bool,
    second_factor: bool,
    recovery_left: i64,
    enrolling: Option<Enrolling>,
    /// Recovery codes just made: shown this once.
    codes: Vec<String>,
    tokens: Vec<TokenRow>,
    created: Option<(String, String)>,
    token_name: String,
    errors: Errors,
    /// Errors about no field of the page, as sentences.
    others: Vec<String>,
    notice: Option<String>,
    /// The shipped languages: code, own name, chosen.
    languages: Vec<(&'static str, String, bool)>,
    /// Every time zone, and whether it is the one chosen.
    zones: Vec<(String, bool)>,
    server_zone: String,
}

/// What else a render of the page shows.
#[derive(Default)]
struct Extra {
    enrolment: Option<kith_app::twofactor::Enrolment>,
    codes: Vec<String>,
    created: Option<(String, String)>,
    token_name: String,
    errors: Errors,
    notice: Option<String>,
}

async fn page(app: &App, cfg: WebConfig, s: &Session, x: Extra) -> PageResult {
    let forced = s.must_change_password;
    let state = app.second_factor(&s.principal).await?;
    let enrolment = match x.enrolment {
        Some(e) => Some(e),
        None if !x.errors.is_empty() || forced => None,
        None => app.pending_enrolment(&s.principal, &s.email).await?,
    };
    let enrolling = enrolment.map(|e| Enrolling { qr: e.qr_data_url(), secret: e.secret_base32 });
    let tokens = if forced { Vec::new() } else { app.list_tokens(&s.principal, Some(s.principal.user)).await? };
    let tokens = tokens
        .into_iter()
        .map(|t| TokenRow {
            id: t.id.to_string(),
            name: t.name,
            created: s.tr.date(t.created_at),
            revoked: t.revoked_at.map(|r| s.tr.date(r)).unwrap_or_default(),
        })
        .collect();
    let status = x.errors.status();
    let p = AccountPage {
        l: layout(s, "account"),
        forced,
        must_enrol: must_enrol(cfg, s),
        second_factor: state.sealed.is_some(),
        recovery_left: state.recovery_left,
        enrolling,
        codes: x.codes,
        tokens,
        created: x.created,
        token_name: x.token_name,
        others: x.errors.others(&[
            "current_password",
            "password",
            "password_again",
            "code",
            "name",
            "language",
            "time_zone",
        ]),
        errors: x.errors,
        notice: x.notice,
        languages: kith_i18n::languages()
            .iter()
            .map(|&c| (c, kith_i18n::language_name(c), s.language.as_deref() == Some(c)))
            .collect(),
        zones: kith_i18n::zones()
            .into_iter()
            .map(|z| {
                let chosen = s.time_zone.as_deref() == Some(z.as_str());
                (z, chosen)
            })
            .collect(),
        server_zone: kith_i18n::server_zone(),
    };
    Ok(render_status(status, &p))
}

async fn account(State(app): State<App>, Extension(cfg): Extension<WebConfig>, Staff(s): Staff) -> PageResult {
    page(&app, cfg, &s, Extra::default()).await
}

async fn password_page(State(app): State<App>, Extension(cfg): Extension<WebConfig>, Staff(s): Staff) -> PageResult {
    if !s.must_change_password {
        return Ok(Redirect::to("/account").into_response());
    }
    page(&app, cfg, &s, Extra::default()).await
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct PasswordForm {
    current_password: String,
    password: String,
    password_again: String,
}

async fn change_password(
    State(app): State<App>,
    Extension(cfg): Extension<WebConfig>,
    headers: HeaderMap,
    StaffForm { staff, form }: StaffForm<PasswordForm>,
) -> PageResult {
    if form.password != form.password_again {
        let errors = Errors(vec![("password_again".into(), staff.tr.t("account-password-mismatch"))]);
        return page(&app, cfg, &staff, Extra { errors, ..Default::default() }).await;
    }
    let secret = session_secret(cfg, &headers);
    match app.change_own_password(&staff.principal, &form.current_password, &form.password, secret).await {
        Ok(()) => {
            // The page as it is now: no longer forced.
            let s = app.session(secret, staff.principal.request_id.clone()).await?;
            let notice = Some(s.tr.t("account-password-changed"));
            page(&app, cfg, &s, Extra { notice, ..Default::default() }).await
        }
        Err(AppError::Invalid(inv)) => {
            page(&app, cfg, &staff, Extra { errors: Errors::from_invalid(&inv), ..Default::default() }).await
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct StrengthForm {
    password: String,
    /// The email of the user the password is for (the add-user form), if not the caller.
    email: String,
}

/// The strength meter's question: the same rule the server applies.
async fn password_strength(StaffForm { staff, form }: StaffForm<StrengthForm>) -> Response {
    let email = if form.email.trim().is_empty() { staff.email.clone() } else { form.email.trim().to_owned() };
    let related = kith_app::passwords::related_words(&email);
    let related: Vec<&str> = related.iter().map(String::as_str).collect();
    let s = kith_app::passwords::strength(&form.password, &related);
    let body = serde_json::json!({ "score": s.score, "acceptable": s.acceptable, "message": s.message });
    ([(header::CONTENT_TYPE, "application/json")], body.to_string()).into_response()
}

async fn start_second_factor(
    State(app): State<App>,
    Extension(cfg): Extension<WebConfig>,
    StaffForm { staff, .. }: StaffForm<NoFields>,
) -> PageResult {
    let e = app.start_enrolment(&staff.principal, &staff.email).await?;
    page(&app, cfg, &staff, Extra { enrolment: Some(e), ..Default::default() }).await
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct CodeForm {
    code: String,
}

async fn confirm_second_factor(
    State(app): State<App>,
    Extension(cfg): Extension<WebConfig>,
    StaffForm { staff, form }: StaffForm<CodeForm>,
) -> PageResult {
    match app.confirm_enrolment(&staff.principal, &form.code).await {
        Ok(codes) => {
            let s = app.session_again(&staff).await?;
            let notice = Some(s.tr.t("account-2fa-on-notice"));
            page(&app, cfg, &s, Extra { codes, notice, ..Default::default() }).await
        }
        Err(AppError::Invalid(inv)) => {
            let enrolment = app.pending_enrolment(&staff.principal, &staff.email).await?;
            let x = Extra { enrolment, errors: Errors::from_invalid(&inv), ..Default::default() };
            page(&app, cfg, &staff, x).await
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct DisableForm {
    current_password: String,
}

async fn disable_second_factor(
    State(app): State<App>,
    Extension(cfg): Extension<WebConfig>,
    StaffForm { staff, form }: StaffForm<DisableForm>,
) -> PageResult {
    if cfg.require_second_factor && matches!(staff.role(), kith_domain::Role::Admin | kith_domain::Role::Dpo) {
        return Err(PageError::msg(axum::http::StatusCode::CONFLICT, "errors-not-done-title", "account-2fa-required"));
    }
    match app.disable_second_factor(&staff.principal, &form.current_password).await {
        Ok(()) => {
            let s = app.session_again(&staff).await?;
            let notice = Some(s.tr.t("account-2fa-off-notice"));
            page(&app, cfg, &s, Extra { notice, ..Default::default() }).await
        }
        Err(AppError::Invalid(inv)) => {
            page(&app, cfg, &staff, Extra { errors: Errors::from_invalid(&inv), ..Default::default() }).await
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct LocaleForm {
    language: String,
    time_zone: String,
}

/// Saves one's language and time zone ("" for the browser's language, the
/// server's zone); the page answers in the new choice.
async fn set_locale(
    State(app): State<App>,
    Extension(cfg): Extension<WebConfig>,
    headers: HeaderMap,
    StaffForm { staff, form }: StaffForm<LocaleForm>,
) -> PageResult {
    match app.set_my_locale(&staff.principal, &form.language, &form.time_zone).await {
        Ok(()) => {
            let mut s = staff.clone();
            let zone = form.time_zone.trim();
            s.language = kith_i18n::supported(form.language.trim()).map(str::to_owned);
            s.time_zone = (!zone.is_empty()).then(|| zone.to_owned());
            s.tr = super::lang::staff_reader(s.language.as_deref(), s.time_zone.as_deref(), &headers);
            let notice = Some(s.tr.t("account-locale-saved"));
            page(&app, cfg, &s, Extra { notice, ..Default::default() }).await
        }
        Err(AppError::Invalid(inv)) => {
            // The domain's words are English: say it in the reader's.
            let errors = inv
                .0
                .iter()
                .map(|f| {
                    let id = if f.field == "language" { "account-language-invalid" } else { "account-zone-invalid" };
                    (f.field.clone(), staff.tr.t(id))
                })
                .collect();
            page(&app, cfg, &staff, Extra { errors: Errors(errors), ..Default::default() }).await
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct NewToken {
    name: String,
}

async fn create_token(
    State(app): State<App>,
    Extension(cfg): Extension<WebConfig>,
    StaffForm { staff, form }: StaffForm<NewToken>,
) -> PageResult {
    match app.create_token(&staff.principal, staff.principal.user, &form.name).await {
        Ok((t, secret)) => {
            page(&app, cfg, &staff, Extra { created: Some((t.name, secret)), ..Default::default() }).await
        }
        Err(AppError::Invalid(inv)) => {
            let x = Extra { token_name: form.name, errors: Errors::from_invalid(&inv), ..Default::default() };
            page(&app, cfg, &staff, x).await
        }
        Err(e) => Err(e.into()),
    }
}

async fn revoke_token(
    State(app): State<App>,
    Id(id): Id<Uuid>,
    StaffForm { staff, .. }: StaffForm<NoFields>,
) -> PageResult {
    let mine = app.list_tokens(&staff.principal, Some(staff.principal.user)).await?;
    if !mine.iter().any(|t| t.id.0 == id && t.user == staff.principal.user) {
        return Err(PageError::not_found());
    }
    app.revoke_token(&staff.principal, TokenId(id)).await?;
    Ok(Redirect::to("/account").into_response())
}

/// Re-reads a session after a change to its user (second factor on or off).
trait SessionAgain {
    async fn session_again(&self, s: &Session) -> Result<Session, PageError>;
}

impl SessionAgain for App {
    async fn session_again(&self, s: &Session) -> Result<Session, PageError> {
        let mut fresh = s.clone();
        let state = self.second_factor(&s.principal).await?;
        fresh.second_factor = state.sealed.is_some();
        Ok(fresh)
    }
}
