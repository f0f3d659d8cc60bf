//! The privacy portal at `/portal`: sign in by a one-time link mailed to
//! the address, see one's data, download it, file requests. English and
//! Italian (from `Accept-Language`, switchable). The session is a signed,
//! HttpOnly, SameSite=Strict cookie, so other sites cannot post as the
//! person; a GET never changes anything.

use super::address::{Params, Seg};
use super::form::Form;
use super::session::{cookie, WebConfig};
use super::{render, render_status};
use askama::Template;
use axum::extract::{ConnectInfo, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Extension, Router};
use kith_app::export::ExportFormat;
use kith_app::portal::{PORTAL_KINDS, SESSION_MINUTES};
use kith_app::public::LinkError;
use kith_app::{App, AppError};
use kith_domain::dsr::DsrKind;
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

struct Words {
    title: &'static str,
    intro: &'static str,
    email: &'static str,
    send: &'static str,
    sent: &'static str,
    sign_in: &'static str,
    sign_in_text: &'static str,
    invalid: &'static str,
    expired: &'static str,
    your_data: &'static str,
    download: &'static str,
    download_csv: &'static str,
    files: &'static str,
    until: &'static str,
    prepared: &'static str,
    consents: &'static str,
    manage: &'static str,
    requests: &'static str,
    none: &'static str,
    file: &'static str,
    what: &'static str,
    details: &'static str,
    submit: &'static str,
    filed: &'static str,
    sign_out: &'static str,
    other: &'static str,
}

const EN: Words = Words {
    title: "Your privacy",
    intro: "Enter your email address: we send you a link to see the data we hold about you, download it, and make requests.",
    email: "Email",
    send: "Send me a sign-in link",
    sent: "If the address is in our records, a sign-in link is on its way. It works once, for 15 minutes.",
    sign_in: "Sign in",
    sign_in_text: "Press the button to sign in to the privacy portal.",
    invalid: "This link is not valid or was already used. Ask for a new one.",
    expired: "This link has expired. Ask for a new one.",
    your_data: "The data we hold about you",
    download: "Prepare all of it as JSON",
    download_csv: "Prepare all of it as CSV files (zip)",
    files: "Your files (each is deleted automatically when it expires):",
    until: "available until",
    prepared: "Your file is ready below.",
    consents: "Your consents and subscriptions",
    manage: "Change or withdraw them",
    requests: "Your requests",
    none: "No requests yet.",
    file: "Make a request",
    what: "What do you ask for?",
    details: "Details (what to correct, what you object to…)",
    submit: "Send the request",
    filed: "Your request is registered. We answer within one month.",
    sign_out: "Sign out",
    other: "Italiano",
};

const IT: Words = Words {
    title: "La tua privacy",
    intro: "Inserisci il tuo indirizzo email: ti inviamo un link per vedere i dati che conserviamo su di te, scaricarli e fare richieste.",
    email: "Email",
    send: "Inviami un link di accesso",
    sent: "Se l'indirizzo è nei nostri archivi, ti arriverà un link di accesso. Vale una volta sola, per 15 minuti.",
    sign_in: "Accedi",
    sign_in_text: "Premi il pulsante per accedere al portale privacy.",
    invalid: "Questo link non è valido o è già stato usato. Chiedine uno nuovo.",
    expired: "Questo link è scaduto. Chiedine uno nuovo.",
    your_data: "I dati che conserviamo su di te",
    download: "Prepara tutti i dati in JSON",
    download_csv: "Prepara tutti i dati in file CSV (zip)",
    files: "I tuoi file (ciascuno viene cancellato automaticamente alla scadenza):",
    until: "disponibile fino al",
    prepared: "Il file è pronto qui sotto.",
    consents: "I tuoi consensi e iscrizioni",
    manage: "Modificali o revocali",
    requests: "Le tue richieste",
    none: "Nessuna richiesta.",
    file: "Fai una richiesta",
    what: "Che cosa chiedi?",
    details: "Dettagli (cosa correggere, a cosa ti opponi…)",
    submit: "Invia la richiesta",
    filed: "La tua richiesta è registrata. Rispondiamo entro un mese.",
    sign_out: "Esci",
    other: "English",
};

fn lang(q: Option<&str>, headers: &HeaderMap) -> &'static str {
    match q {
        Some("it") => "it",
        Some(_) => "en",
        None => {
            let accept = headers.get(header::ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok()).unwrap_or("");
            let first = accept
                .split(',')
                .map(|p| p.split(';').next().unwrap_or("").trim().to_ascii_lowercase())
                .find(|t| t.starts_with("it") || t.starts_with("en"));
            if first.is_some_and(|t| t.starts_with("it")) {
                "it"
            } else {
                "en"
            }
        }
    }
}

fn words(lang: &str) -> &'static Words {
    if lang == "it" {
        &IT
    } else {
        &EN
    }
}

fn kind_label(k: DsrKind, lang: &str) -> &'static str {
    match (lang, k) {
        ("it", DsrKind::Rectification) => "Rettifica dei miei dati (art. 16)",
        ("it", DsrKind::Erasure) => "Cancellazione dei miei dati (art. 17)",
        ("it", DsrKind::Restriction) => "Limitazione del trattamento (art. 18)",
        ("it", DsrKind::Objection) => "Opposizione al trattamento (art. 21)",
        ("it", DsrKind::Information) => "Informazioni sul trattamento (art. 13–15)",
        ("it", DsrKind::AutomatedDecisionReview) => "Revisione umana di una decisione automatizzata (art. 22)",
        ("it", DsrKind::Access) => "Accesso (art. 15)",
        _ => k.label(),
    }
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
    lang: &'a str,
    w: &'a Words,
    title: &'a str,
    message: Option<&'a str>,
    other_lang: &'a str,
}

async fn start(Params(q): Params<LangQ>, headers: HeaderMap) -> Response {
    let l = lang(q.lang.as_deref(), &headers);
    let w = words(l);
    render(&Start { lang: l, w, title: w.title, message: None, other_lang: if l == "it" { "en" } else { "it" } })
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
    let l = lang(form.lang.as_deref(), &headers);
    let w = words(l);
    let client = cfg.client(&headers, connect.map(|c| c.0 .0.ip()));
    let page = |status, message| {
        render_status(
            status,
            &Start {
                lang: l,
                w,
                title: w.title,
                message: Some(message),
                other_lang: if l == "it" { "en" } else { "it" },
            },
        )
    };
    match app.portal_request_link(&form.email, &client, l).await {
        // The same answer whether or not the address is known.
        Ok(()) => page(StatusCode::OK, w.sent),
        Err(AppError::Invalid(_)) => page(StatusCode::UNPROCESSABLE_ENTITY, w.intro),
        Err(e) => super::PageError::from(e).into_response(),
    }
}

#[derive(Template)]
#[template(path = "portal_link.html")]
struct LinkPage<'a> {
    lang: &'a str,
    w: &'a Words,
    title: &'a str,
    token: &'a str,
}

fn link_error(l: &str, e: LinkError) -> Response {
    let w = words(l);
    match e {
        LinkError::Expired => message(StatusCode::GONE, l, w.expired),
        LinkError::Invalid => message(StatusCode::NOT_FOUND, l, w.invalid),
        LinkError::App(e) => super::PageError::from(e).into_response(),
    }
}

fn message(status: StatusCode, l: &str, text: &str) -> Response {
    let w = words(l);
    render_status(
        status,
        &Start { lang: l, w, title: w.title, message: Some(text), other_lang: if l == "it" { "en" } else { "it" } },
    )
}

async fn link_page(
    State(app): State<App>,
    Seg(token): Seg<String>,
    Params(q): Params<LangQ>,
    headers: HeaderMap,
) -> Response {
    let l = lang(q.lang.as_deref(), &headers);
    match app.portal_check_link(&token) {
        Ok(()) => render(&LinkPage { lang: l, w: words(l), title: words(l).sign_in, token: &token }),
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
    let l = lang(form.lang.as_deref(), &headers);
    match app.portal_sign_in(&token).await {
        Ok(session) => {
            let mut res = Redirect::to(&format!("/portal/me?lang={l}")).into_response();
            res.headers_mut()
                .append(header::SET_COOKIE, cfg.cookie(cfg.portal_cookie(), &session, SESSION_MINUTES * 60, "Strict"));
            res
        }
        Err(e) => link_error(l, e),
    }
}

#[derive(Template)]
#[template(path = "portal_me.html")]
struct Me<'a> {
    lang: &'a str,
    w: &'a Words,
    title: &'a str,
    notice: Option<&'a str>,
    /// Per contact record holding the address: (the data, its preference centre).
    records: Vec<(String, String)>,
    requests: Vec<(String, &'static str, String)>,
    /// (id, format, available until)
    files: Vec<(String, String, String)>,
    kinds: Vec<(&'static str, &'static str)>,
    other_lang: &'a str,
}

fn session<'a>(cfg: &WebConfig, headers: &'a HeaderMap) -> &'a str {
    cookie(headers, cfg.portal_cookie()).unwrap_or("")
}

async fn me_page(app: &App, cfg: &WebConfig, headers: &HeaderMap, l: &str, notice: Option<&str>) -> Response {
    let w = words(l);
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
                lang: l,
                w,
                title: w.title,
                notice,
                records,
                requests: v
                    .requests
                    .iter()
                    .map(|r| {
                        (
                            super::view::date(r.dsr.received_at),
                            kind_label(r.dsr.kind, l),
                            r.dsr.status.label().to_owned(),
                        )
                    })
                    .collect(),
                files: v
                    .exports
                    .iter()
                    .map(|f| (f.id.to_string(), f.format.to_uppercase(), super::view::date(f.expires_at)))
                    .collect(),
                kinds: PORTAL_KINDS.iter().map(|k| (k.as_str(), kind_label(*k, l))).collect(),
                other_lang: if l == "it" { "en" } else { "it" },
            })
        }
        Err(_) => Redirect::to(&format!("/portal?lang={l}")).into_response(),
    }
}

async fn me(
    State(app): State<App>,
    Extension(cfg): Extension<WebConfig>,
    Params(q): Params<LangQ>,
    headers: HeaderMap,
) -> Response {
    let l = lang(q.lang.as_deref(), &headers);
    let notice = q.ready.is_some().then_some(words(l).prepared);
    me_page(&app, &cfg, &headers, l, notice).await
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
    let l = lang(form.lang.as_deref(), &headers);
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
    let l = lang(form.lang.as_deref(), &headers);
    let Some(kind) = DsrKind::parse(&form.kind) else { return super::PageError::bad_form().into_response() };
    let note = Some(form.note.trim().to_owned()).filter(|n| !n.is_empty());
    match app.portal_file(session(&cfg, &headers), kind, note).await {
        Ok(()) => me_page(&app, &cfg, &headers, l, Some(words(l).filed)).await,
        Err(LinkError::App(AppError::Invalid(inv))) => {
            let msg = inv.0.iter().map(|e| e.message.clone()).collect::<Vec<_>>().join("; ");
            me_page(&app, &cfg, &headers, l, Some(&msg)).await
        }
        Err(LinkError::App(e)) => super::PageError::from(e).into_response(),
        Err(_) => Redirect::to("/portal").into_response(),
    }
}

async fn sign_out(State(app): State<App>, Extension(cfg): Extension<WebConfig>, headers: HeaderMap) -> Response {
    if let Err(e) = app.portal_sign_out(session(&cfg, &headers)).await {
        return super::PageError::from(e).into_response();
    }
    let mut res = Redirect::to("/portal").into_response();
    res.headers_mut().append(header::SET_COOKIE, cfg.cookie(cfg.portal_cookie(), "", 0, "Strict"));
    res
}
