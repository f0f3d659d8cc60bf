//! Public pages, for people without an account: consent forms (`/f/…`),
//! notices (`/n/…`), double opt-in confirmation (`/c/…`), the preference
//! centre (`/p/…`), one-click unsubscribe (`/u/…`, RFC 8058) and the
//! receipt-signing key. A GET never changes anything (mail scanners follow
//! links); every change is a POST. Answers never reveal whether an email
//! is known. Tokens stay out of logs: requests are logged by route template.

use super::address::{Params, Seg};
use super::form::Form;
use super::public_words::{words, Words};
use super::session::WebConfig;
use super::{render, render_status};
use askama::Template;
use axum::extract::{ConnectInfo, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Extension, Json, Router};
use kith_app::public::{Confirmed, LinkError, Submission, Visitor};
use kith_app::{App, AppError};
use kith_domain::Channel;
use std::collections::BTreeSet;
use std::net::SocketAddr;
use uuid::Uuid;

/// `?lang=` if given, else the first of `Accept-Language` we speak, else English.
fn language(q: Option<&str>, headers: &HeaderMap) -> &'static str {
    if let Some(l) = q {
        return if l == "it" { "it" } else { "en" };
    }
    let accept = headers.get(header::ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok()).unwrap_or("");
    for part in accept.split(',') {
        let tag = part.split(';').next().unwrap_or("").trim().to_ascii_lowercase();
        if tag.starts_with("it") {
            return "it";
        }
        if tag.starts_with("en") {
            return "en";
        }
    }
    "en"
}

fn visitor(cfg: &WebConfig, headers: &HeaderMap, peer: Option<SocketAddr>) -> (String, Visitor) {
    let client = cfg.client(headers, peer.map(|p| p.ip()));
    let ua = headers.get(header::USER_AGENT).and_then(|v| v.to_str().ok()).map(|s| s.chars().take(500).collect());
    let gpc = headers.get("sec-gpc").and_then(|v| v.to_str().ok()).is_some_and(|v| v.trim() == "1");
    // The proof records the address as throttling sees it (IPv6 by /64).
    (client.clone(), Visitor { ip: Some(client), user_agent: ua, gpc })
}

#[derive(Template)]
#[template(path = "public_message.html")]
struct Message<'a> {
    lang: &'a str,
    title: &'a str,
    message: &'a str,
    error: bool,
}

pub(super) fn message(status: StatusCode, lang: &str, title: &str, message: &str) -> Response {
    render_status(status, &Message { lang, title, message, error: !status.is_success() })
}

fn link_error(lang: &str, e: LinkError) -> Response {
    let w = words(lang);
    match e {
        LinkError::Invalid => message(StatusCode::NOT_FOUND, lang, w.invalid_link, w.invalid_text),
        LinkError::Expired => message(StatusCode::GONE, lang, w.expired_link, w.expired_text),
        LinkError::App(e) => app_error(lang, e),
    }
}

fn app_error(lang: &str, e: AppError) -> Response {
    match e {
        AppError::NotFound(_) => message(StatusCode::NOT_FOUND, lang, "Not found", "There is nothing at this address."),
        e => super::PageError::from(e).into_response(),
    }
}

#[derive(Template)]
#[template(path = "public_form.html")]
struct FormPage<'a> {
    lang: &'a str,
    w: &'a Words,
    title: &'a str,
    intro: &'a str,
    logo_url: Option<&'a str>,
    slug: &'a str,
    errors: Vec<String>,
    email: String,
    first_name: String,
    last_name: String,
    phone: String,
    asks_first: bool,
    asks_last: bool,
    asks_phone: bool,
    subscriptions: Vec<(Uuid, String, String)>,
    third_parties: String,
    gpc: bool,
    notice_href: String,
    notice_name: &'a str,
    notice_version: i64,
    button: &'a str,
}

#[derive(serde::Deserialize, Default)]
struct FormBody {
    #[serde(default)]
    email: String,
    first_name: Option<String>,
    last_name: Option<String>,
    phone: Option<String>,
    #[serde(default)]
    subscription: Vec<String>,
    share: Option<String>,
}

async fn show_form(State(app): State<App>, Seg(slug): Seg<String>, headers: HeaderMap) -> Response {
    form_page(&app, &slug, &headers, StatusCode::OK, FormBody::default(), vec![]).await
}

async fn form_page(
    app: &App,
    slug: &str,
    headers: &HeaderMap,
    status: StatusCode,
    b: FormBody,
    errors: Vec<String>,
) -> Response {
    let f = match app.public_form(slug).await {
        Ok(f) => f,
        Err(e) => return app_error("en", e),
    };
    let lang = f.form.language.as_str();
    let has = |x: &str| f.form.fields.iter().any(|y| y == x);
    let page = FormPage {
        lang,
        w: words(lang),
        title: &f.form.title,
        intro: &f.form.intro,
        logo_url: f.form.logo_url.as_deref(),
        slug: &f.form.slug,
        errors,
        email: b.email,
        first_name: b.first_name.unwrap_or_default(),
        last_name: b.last_name.unwrap_or_default(),
        phone: b.phone.unwrap_or_default(),
        asks_first: has("first_name"),
        asks_last: has("last_name"),
        asks_phone: has("phone"),
        subscriptions: f.subscriptions.iter().map(|s| (s.id, s.name.clone(), s.description.clone())).collect(),
        third_parties: f.form.third_parties.join(", "),
        gpc: headers.get("sec-gpc").is_some_and(|v| v.as_bytes() == b"1"),
        notice_href: notice_href(&f.notice),
        notice_name: &f.notice.name,
        notice_version: f.notice.version,
        button: &f.form.button,
    };
    render_status(status, &page)
}

async fn submit_form(
    State(app): State<App>,
    Extension(cfg): Extension<WebConfig>,
    Seg(slug): Seg<String>,
    headers: HeaderMap,
    connect: Option<Extension<ConnectInfo<SocketAddr>>>,
    Form { form: b }: Form<FormBody>,
) -> Response {
    let (client, v) = visitor(&cfg, &headers, connect.map(|c| c.0 .0));
    let mut subs = Vec::new();
    for s in &b.subscription {
        match Uuid::parse_str(s) {
            Ok(u) => subs.push(u),
            Err(_) => return super::PageError::bad_form().into_response(),
        }
    }
    let s = Submission {
        email: b.email.clone(),
        first_name: b.first_name.clone(),
        last_name: b.last_name.clone(),
        phone: b.phone.clone(),
        subscriptions: subs,
        share: b.share.as_deref() == Some("yes"),
    };
    match app.submit_form(&slug, s, &client, v).await {
        Ok(()) => {
            let lang = app.public_form(&slug).await.map(|f| f.form.language).unwrap_or_else(|_| "en".into());
            let w = words(&lang);
            message(StatusCode::OK, &lang, w.check_inbox, w.check_inbox_text)
        }
        Err(AppError::Invalid(inv)) => {
            let lang = app.public_form(&slug).await.map(|f| f.form.language).unwrap_or_else(|_| "en".into());
            let w = words(&lang);
            let errors =
                inv.0.iter().map(|e| format!("{} — {}: {}", w.fix, super::view::label(&e.field), e.message)).collect();
            form_page(&app, &slug, &headers, StatusCode::UNPROCESSABLE_ENTITY, b, errors).await
        }
        Err(e) => app_error("en", e),
    }
}

#[derive(Template)]
#[template(path = "public_notice.html")]
struct NoticePage<'a> {
    lang: &'a str,
    title: &'a str,
    version: i64,
    sha: String,
    body: &'a str,
}

async fn show_notice(State(app): State<App>, Seg(id): Seg<Uuid>) -> Response {
    match app.public_notice(id).await {
        Ok(Some(n)) => render(&NoticePage {
            lang: &n.language,
            title: &n.name,
            version: n.version,
            sha: n.sha256.iter().map(|b| format!("{b:02x}")).collect(),
            body: &n.body,
        }),
        Ok(None) => app_error("en", AppError::NotFound("notice")),
        Err(e) => app_error("en", e),
    }
}

#[derive(serde::Deserialize)]
struct LangQuery {
    lang: Option<String>,
}

#[derive(Template)]
#[template(path = "public_confirm.html")]
struct ConfirmPage<'a> {
    lang: &'a str,
    title: &'a str,
    message: &'a str,
    token: &'a str,
    button: &'a str,
    /// The notice the consent will cite: words, link, name and version.
    notice: Option<(&'a str, String, String, i64)>,
}

/// Where a notice is read: its published address, or Kith's own page.
fn notice_href(n: &kith_app::records::Notice) -> String {
    n.url.clone().unwrap_or_else(|| format!("/n/{}", n.id))
}

async fn show_confirm(
    State(app): State<App>,
    Seg(token): Seg<String>,
    Params(q): Params<LangQuery>,
    headers: HeaderMap,
) -> Response {
    let lang = language(q.lang.as_deref(), &headers);
    let w = words(lang);
    match app.check_confirm(&token).await {
        Ok(n) => render(&ConfirmPage {
            lang,
            title: w.confirm_title,
            message: w.confirm_text,
            token: &token,
            button: w.confirm_button,
            notice: n.map(|n| (w.notice, notice_href(&n), n.name.clone(), n.version)),
        }),
        Err(e) => link_error(lang, e),
    }
}

#[derive(serde::Deserialize, Default)]
#[serde(default)]
struct LangBody {
    lang: Option<String>,
}

async fn confirm(
    State(app): State<App>,
    Extension(cfg): Extension<WebConfig>,
    Seg(token): Seg<String>,
    headers: HeaderMap,
    connect: Option<Extension<ConnectInfo<SocketAddr>>>,
    Form { form: b }: Form<LangBody>,
) -> Response {
    let lang = language(b.lang.as_deref(), &headers);
    let w = words(lang);
    let (_, v) = visitor(&cfg, &headers, connect.map(|c| c.0 .0));
    match app.confirm(&token, v).await {
        Ok(Confirmed::Now(_)) => message(StatusCode::OK, lang, w.confirmed, w.confirmed_text),
        Ok(Confirmed::Already) => message(StatusCode::OK, lang, w.confirmed, w.already),
        Err(e) => link_error(lang, e),
    }
}

#[derive(Template)]
#[template(path = "public_prefs.html")]
struct PrefsPage<'a> {
    lang: &'a str,
    w: &'a Words,
    title: &'a str,
    token: &'a str,
    saved: Option<&'a str>,
    items: Vec<PrefItem>,
    receipts: Vec<(i64, String, &'static str, String)>,
    other_lang: &'a str,
}

struct PrefItem {
    id: Uuid,
    name: String,
    description: String,
    channels: Vec<(&'static str, &'static str, bool)>,
    /// The notice a "yes" here cites (link, name, version); none: only unsubscribing is possible.
    notice: Option<(String, String, i64)>,
}

async fn prefs_page(app: &App, token: &str, lang: &str, saved: Option<&str>) -> Response {
    let w = words(lang);
    match app.preferences(token).await {
        Ok(p) => render(&PrefsPage {
            lang,
            w,
            title: w.prefs_title,
            token,
            saved,
            items: p
                .items
                .into_iter()
                .zip(p.notices)
                .map(|((s, ch), n)| PrefItem {
                    id: s.id,
                    name: s.name,
                    description: s.description,
                    channels: ch.into_iter().map(|(c, on)| (c.as_str(), c.label(), on)).collect(),
                    notice: n.map(|n| (notice_href(&n), n.name.clone(), n.version)),
                })
                .collect(),
            receipts: p
                .receipts
                .into_iter()
                .map(|(seq, n, a, at)| (seq, n, a.label(), super::view::date(at)))
                .collect(),
            other_lang: if lang == "it" { "en" } else { "it" },
        }),
        Err(e) => link_error(lang, e),
    }
}

async fn show_prefs(
    State(app): State<App>,
    Seg(token): Seg<String>,
    Params(q): Params<LangQuery>,
    headers: HeaderMap,
) -> Response {
    let lang = language(q.lang.as_deref(), &headers);
    prefs_page(&app, &token, lang, None).await
}

#[derive(serde::Deserialize)]
struct PrefsBody {
    #[serde(default)]
    sub: Vec<String>,
    lang: Option<String>,
}

async fn save_prefs(
    State(app): State<App>,
    Extension(cfg): Extension<WebConfig>,
    Seg(token): Seg<String>,
    headers: HeaderMap,
    connect: Option<Extension<ConnectInfo<SocketAddr>>>,
    Form { form: b }: Form<PrefsBody>,
) -> Response {
    let lang = language(b.lang.as_deref(), &headers);
    let (_, v) = visitor(&cfg, &headers, connect.map(|c| c.0 .0));
    let mut wanted = BTreeSet::new();
    for s in &b.sub {
        let parsed = s.split_once(':').and_then(|(id, ch)| Some((Uuid::parse_str(id).ok()?, Channel::parse(ch)?)));
        match parsed {
            Some(p) => {
                wanted.insert(p);
            }
            None => return super::PageError::bad_form().into_response(),
        }
    }
    match app.save_preferences(&token, &wanted, v).await {
        Ok(r) if r.not_given.is_empty() => prefs_page(&app, &token, lang, Some(words(lang).saved)).await,
        Ok(r) => {
            let msg = format!("{} {}", words(lang).not_given, r.not_given.join(", "));
            prefs_page(&app, &token, lang, Some(&msg)).await
        }
        Err(e) => link_error(lang, e),
    }
}

async fn unsubscribe_all(
    State(app): State<App>,
    Extension(cfg): Extension<WebConfig>,
    Seg(token): Seg<String>,
    headers: HeaderMap,
    connect: Option<Extension<ConnectInfo<SocketAddr>>>,
    Form { form: b }: Form<LangBody>,
) -> Response {
    let lang = language(b.lang.as_deref(), &headers);
    let (_, v) = visitor(&cfg, &headers, connect.map(|c| c.0 .0));
    match app.unsubscribe_all(&token, v).await {
        Ok(_) => prefs_page(&app, &token, lang, Some(words(lang).unsubscribed)).await,
        Err(e) => link_error(lang, e),
    }
}

async fn prefs_receipt(State(app): State<App>, Seg((token, seq)): Seg<(String, i64)>) -> Response {
    match app.public_receipt(&token, seq).await {
        Ok(r) => {
            ([(header::CONTENT_DISPOSITION, "attachment; filename=\"consent-receipt.json\"")], Json(r)).into_response()
        }
        Err(e) => link_error("en", e),
    }
}

#[derive(Template)]
#[template(path = "public_unsubscribe.html")]
struct UnsubscribePage<'a> {
    lang: &'a str,
    title: &'a str,
    message: &'a str,
    token: &'a str,
    button: &'a str,
}

async fn show_unsubscribe(
    State(app): State<App>,
    Seg(token): Seg<String>,
    Params(q): Params<LangQuery>,
    headers: HeaderMap,
) -> Response {
    let lang = language(q.lang.as_deref(), &headers);
    let w = words(lang);
    if let Err(e) = app.check_unsubscribe(&token).await {
        return link_error(lang, e);
    }
    render(&UnsubscribePage {
        lang,
        title: w.unsubscribe_title,
        message: w.unsubscribe_text,
        token: &token,
        button: w.unsubscribe_button,
    })
}

/// RFC 8058: mail clients POST `List-Unsubscribe=One-Click` here; a person
/// pressing the page's button posts an empty form. Both unsubscribe.
async fn one_click(
    State(app): State<App>,
    Extension(cfg): Extension<WebConfig>,
    Seg(token): Seg<String>,
    headers: HeaderMap,
    connect: Option<Extension<ConnectInfo<SocketAddr>>>,
    Params(q): Params<LangQuery>,
) -> Response {
    // The body is not read: RFC 8058 clients may send it url-encoded or as
    // multipart, and either way it says only "List-Unsubscribe=One-Click".
    let lang = language(q.lang.as_deref(), &headers);
    let (_, v) = visitor(&cfg, &headers, connect.map(|c| c.0 .0));
    match app.one_click_unsubscribe(&token, v).await {
        Ok(_) => message(StatusCode::OK, lang, words(lang).unsubscribe_title, words(lang).unsubscribed),
        Err(e) => link_error(lang, e),
    }
}

async fn receipt_key(State(app): State<App>) -> Response {
    Json(app.receipt_public_jwk()).into_response()
}

/// The public key that verifies evidence packs (a JWK), for auditors.
async fn evidence_key(State(app): State<App>) -> Response {
    Json(app.evidence_public_jwk()).into_response()
}

pub fn router() -> Router<App> {
    Router::new()
        .route("/f/{slug}", get(show_form).post(submit_form))
        .route("/n/{id}", get(show_notice))
        .route("/c/{token}", get(show_confirm).post(confirm))
        .route("/p/{token}", get(show_prefs).post(save_prefs))
        .route("/p/{token}/unsubscribe-all", axum::routing::post(unsubscribe_all))
        .route("/p/{token}/receipts/{seq}", get(prefs_receipt))
        .route("/u/{token}", get(show_unsubscribe).post(one_click))
        .route("/.well-known/kith-receipt-key.json", get(receipt_key))
        .route("/.well-known/kith-evidence-key.json", get(evidence_key))
}
