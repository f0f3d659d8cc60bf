//! The privacy portal at `/portal`: sign in by a one-time link mailed to
//! the address, see one's data, download it, file requests, in any shipped
//! language (`?lang=`, else `Accept-Language`; every page can switch). The session is a signed,
//! HttpOnly, SameSite=Strict cookie, so other sites cannot post as the
//! person; a GET never changes anything.

use super::address::{Params, Seg};
use super::form::Form;
use super::public::here;
use super::public_lang::{choose, Public};
use super::session::{cookie, WebConfig};
use super::{render, render_status};
use askama::Template;
use axum::extract::{ConnectInfo, State};
use axum::http::{header, HeaderMap, StatusCode, Uri};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Extension, Router};
use kith_app::export::ExportFormat;
use kith_app::portal::{PORTAL_KINDS, SESSION_MINUTES};
use kith_app::public::LinkError;
use kith_app::{App, AppError};
use kith_domain::dsr::{DsrKind, DsrStatus};
use std::net::SocketAddr;

pub(super) fn router() -> Router<App> {
    Router::new()
        .route("/portal", get(start).post(send_link))
        .route("/portal/s/{token}", get(link_page).post(sign_in))
        .route("/portal/me", get(me))
        .route("/portal/me/export", post(export))
        .route("/portal/me/exports/{id}", get(download))
        .route("/portal/me/request", post(file))
        .route("/portal/sign-out", post(sign_out))
}

fn kind_label(l: &Public, k: DsrKind) -> String {
    l.t(&format!("portal-kind-{}", k.as_str().replace('_', "-")))
}

fn status_label(l: &Public, s: DsrStatus) -> String {
    l.t(&format!("portal-status-{}", s.as_str().replace('_', "-")))
}

/// What is wrong with a request, in the reader's words.
fn problem(l: &Public, e: &kith_domain::FieldError) -> String {
    l.t(match e.field.as_str() {
        "kind" => "portal-problem-kind",
        _ if e.message.contains("corrected") => "portal-problem-rectification",
        _ => "portal-problem-note",
    })
}

#[derive(serde::Deserialize, Default)]
#[serde(default)]
struct LangQ {
    lang: Option<String>,
    /// Set after an export file was prepared.
    ready: Option<String>,
}

#[derive(Template)]
#[template(path = "portal_start.html")]
struct Start<'a> {
    l: Public,
    title: String,
    message: Option<&'a str>,
}

/// The start page with `message` on top (a status, an error).
fn start_page(status: StatusCode, l: Public, message: Option<&str>) -> Response {
    render_status(status, &Start { title: l.t("portal-title"), l, message })
}

async fn start(Params(q): Params<LangQ>, uri: Uri, headers: HeaderMap) -> Response {
    start_page(StatusCode::OK, here(&uri, q.lang.as_deref(), &headers), None)
}

#[derive(serde::Deserialize, Default)]
#[serde(default)]
struct EmailForm {
    email: String,
    lang: Option<String>,
}

async fn send_link(
    State(app): State<App>,
    Extension(cfg): Extension<WebConfig>,
    headers: HeaderMap,
    connect: Option<Extension<ConnectInfo<SocketAddr>>>,
    Form { form }: Form<EmailForm>,
) -> Response {
    let lang = choose(form.lang.as_deref(), &headers);
    let l = Public::at(lang, "/portal", None);
    let client = cfg.client(&headers, connect.map(|c| c.0 .0.ip()));
    match app.portal_request_link(&form.email, &client, lang).await {
        // The same answer whether or not the address is known.
        Ok(()) => {
            let sent = l.t("portal-sent");
            start_page(StatusCode::OK, l, Some(&sent))
        }
        Err(AppError::Invalid(_)) => {
            let intro = l.t("portal-intro");
            start_page(StatusCode::UNPROCESSABLE_ENTITY, l, Some(&intro))
        }
        Err(e) => super::PageError::from(e).into_response(),
    }
}

#[derive(Template)]
#[template(path = "portal_link.html")]
struct LinkPage<'a> {
    l: Public,
    title: String,
    token: &'a str,
}

fn link_error(l: Public, e: LinkError) -> Response {
    let (status, id) = match e {
        LinkError::Expired => (StatusCode::GONE, "portal-expired"),
        LinkError::Invalid => (StatusCode::NOT_FOUND, "portal-invalid"),
        LinkError::App(e) => return super::PageError::from(e).into_response(),
    };
    let text = l.t(id);
    start_page(status, l, Some(&text))
}

async fn link_page(
    State(app): State<App>,
    Seg(token): Seg<String>,
    Params(q): Params<LangQ>,
    uri: Uri,
    headers: HeaderMap,
) -> Response {
    let l = here(&uri, q.lang.as_deref(), &headers);
    match app.portal_check_link(&token) {
        Ok(()) => render(&LinkPage { title: l.t("portal-sign-in"), l, token: &token }),
        Err(e) => link_error(l, e),
    }
}

async fn sign_in(
    State(app): State<App>,
    Extension(cfg): Extension<WebConfig>,
    Seg(token): Seg<String>,
    headers: HeaderMap,
    Form { form }: Form<LangQ>,
) -> Response {
    let lang = choose(form.lang.as_deref(), &headers);
    match app.portal_sign_in(&token).await {
        Ok(session) => {
            let mut res = Redirect::to(&format!("/portal/me?lang={lang}")).into_response();
            res.headers_mut()
                .append(header::SET_COOKIE, cfg.cookie(cfg.portal_cookie(), &session, SESSION_MINUTES * 60, "Strict"));
            res
        }
        Err(e) => link_error(Public::at(lang, "/portal", None), e),
    }
}

#[derive(Template)]
#[template(path = "portal_me.html")]
struct Me<'a> {
    l: Public,
    title: String,
    notice: Option<&'a str>,
    /// Per contact record holding the address: (the data, its preference centre).
    records: Vec<(String, String)>,
    requests: Vec<(String, String, String)>,
    /// (id, format, available until)
    files: Vec<(String, String, String)>,
    kinds: Vec<(&'static str, String)>,
}

fn session<'a>(cfg: &WebConfig, headers: &'a HeaderMap) -> &'a str {
    cookie(headers, cfg.portal_cookie()).unwrap_or("")
}

async fn me_page(app: &App, cfg: &WebConfig, headers: &HeaderMap, l: Public, notice: Option<&str>) -> Response {
    match app.portal_view(session(cfg, headers)).await {
        Ok(v) => {
            let records = v
                .people
                .iter()
                .map(|p| {
                    let data = serde_json::to_string_pretty(&serde_json::json!({
                        "contact": p.export["contact"],
                        "lawful_bases": p.export["lawful_bases"],
                        "interactions": p.export["interactions"],
                        "deals": p.export["deals"],
                    }))
                    .unwrap_or_default();
                    (data, p.preferences_link.clone())
                })
                .collect();
            render(&Me {
                title: l.t("portal-title"),
                notice,
                records,
                requests: v
                    .requests
                    .iter()
                    .map(|r| (l.date(r.dsr.received_at), kind_label(&l, r.dsr.kind), status_label(&l, r.dsr.status)))
                    .collect(),
                files: v
                    .exports
                    .iter()
                    .map(|f| (f.id.to_string(), f.format.to_uppercase(), l.date(f.expires_at)))
                    .collect(),
                kinds: PORTAL_KINDS.iter().map(|k| (k.as_str(), kind_label(&l, *k))).collect(),
                l,
            })
        }
        Err(_) => Redirect::to(&format!("/portal?lang={}", l.lang())).into_response(),
    }
}

async fn me(
    State(app): State<App>,
    Extension(cfg): Extension<WebConfig>,
    Params(q): Params<LangQ>,
    uri: Uri,
    headers: HeaderMap,
) -> Response {
    let l = here(&uri, q.lang.as_deref(), &headers);
    let notice = q.ready.is_some().then(|| l.t("portal-prepared"));
    me_page(&app, &cfg, &headers, l, notice.as_deref()).await
}

#[derive(serde::Deserialize, Default)]
#[serde(default)]
struct ExportForm {
    format: String,
    lang: Option<String>,
}

async fn export(
    State(app): State<App>,
    Extension(cfg): Extension<WebConfig>,
    headers: HeaderMap,
    Form { form }: Form<ExportForm>,
) -> Response {
    let l = choose(form.lang.as_deref(), &headers);
    let Some(format @ (ExportFormat::Json | ExportFormat::Csv)) = ExportFormat::parse(&form.format) else {
        return super::PageError::bad_form().into_response();
    };
    match app.portal_prepare_export(session(&cfg, &headers), format).await {
        // Redirect after the POST, so reloading the page prepares nothing more.
        Ok(_) => Redirect::to(&format!("/portal/me?lang={l}&ready=1")).into_response(),
        Err(LinkError::App(e)) => super::PageError::from(e).into_response(),
        Err(_) => Redirect::to("/portal").into_response(),
    }
}

async fn download(
    State(app): State<App>,
    Extension(cfg): Extension<WebConfig>,
    Seg(id): Seg<String>,
    headers: HeaderMap,
) -> Response {
    let Ok(id) = uuid::Uuid::parse_str(&id) else {
        return super::PageError::from(AppError::NotFound("export")).into_response();
    };
    match app.portal_download(session(&cfg, &headers), id).await {
        Ok((f, bytes)) => super::dsr::file_response(&f, bytes),
        Err(LinkError::App(e)) => super::PageError::from(e).into_response(),
        Err(_) => Redirect::to("/portal").into_response(),
    }
}

#[derive(serde::Deserialize, Default)]
#[serde(default)]
struct RequestForm {
    kind: String,
    note: String,
    lang: Option<String>,
}

async fn file(
    State(app): State<App>,
    Extension(cfg): Extension<WebConfig>,
    headers: HeaderMap,
    Form { form }: Form<RequestForm>,
) -> Response {
    let l = Public::at(choose(form.lang.as_deref(), &headers), "/portal/me", None);
    let Some(kind) = DsrKind::parse(&form.kind) else { return super::PageError::bad_form().into_response() };
    let note = Some(form.note.trim().to_owned()).filter(|n| !n.is_empty());
    match app.portal_file(session(&cfg, &headers), kind, note).await {
        Ok(()) => {
            let filed = l.t("portal-filed");
            me_page(&app, &cfg, &headers, l, Some(&filed)).await
        }
        Err(LinkError::App(AppError::Invalid(inv))) => {
            let msg = inv.0.iter().map(|e| problem(&l, e)).collect::<Vec<_>>().join("; ");
            me_page(&app, &cfg, &headers, l, Some(&msg)).await
        }
        Err(LinkError::App(e)) => super::PageError::from(e).into_response(),
        Err(_) => Redirect::to("/portal").into_response(),
    }
}

async fn sign_out(
    State(app): State<App>,
    Extension(cfg): Extension<WebConfig>,
    headers: HeaderMap,
    Form { form }: Form<LangQ>,
) -> Response {
    if let Err(e) = app.portal_sign_out(session(&cfg, &headers)).await {
        return super::PageError::from(e).into_response();
    }
    let lang = choose(form.lang.as_deref(), &headers);
    let mut res = Redirect::to(&format!("/portal?lang={lang}")).into_response();
    res.headers_mut().append(header::SET_COOKIE, cfg.cookie(cfg.portal_cookie(), "", 0, "Strict"));
    res
}

#[cfg(test)]
mod tests {
    use kith_domain::dsr::{DsrKind, DsrStatus};

    #[test]
    fn every_kind_and_status_of_request_has_words() {
        for k in DsrKind::ALL {
            assert!(kith_i18n::has_message(&format!("portal-kind-{}", k.as_str().replace('_', "-"))), "{k:?}");
        }
        for s in DsrStatus::ALL {
            assert!(kith_i18n::has_message(&format!("portal-status-{}", s.as_str().replace('_', "-"))), "{s:?}");
        }
    }
}
