//! Public pages, for people without an account: consent forms (`/f/…`),
//! notices (`/n/…`), double opt-in confirmation (`/c/…`), the preference
//! centre (`/p/…`), one-click unsubscribe (`/u/…`, RFC 8058) and the
//! receipt-signing key. A GET never changes anything (mail scanners follow
//! links); every change is a POST. Answers never reveal whether an email
//! is known. Tokens stay out of logs: requests are logged by route template.

use super::address::{Params, Seg};
use super::form::Form;
use super::public_lang::{choose, Public};
use super::session::WebConfig;
use super::{render, render_status};
use askama::Template;
use axum::extract::{ConnectInfo, State};
use axum::http::{header, HeaderMap, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Extension, Json, Router};
use kith_app::public::{Confirmed, LinkError, Submission, Visitor};
use kith_app::texts::{Text, TextOwner};
use kith_app::{App, AppError};
use kith_domain::{Channel, ConsentAction, FieldError};
use std::collections::{BTreeSet, HashMap};
use std::net::SocketAddr;
use uuid::Uuid;

/// The reader at the address asked for: `?lang=` if Kith speaks it, else
/// `Accept-Language`, else English; the switcher keeps the address.
pub(super) fn here(uri: &Uri, explicit: Option<&str>, headers: &HeaderMap) -> Public {
    Public::at(choose(explicit, headers), uri.path(), uri.query())
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
    l: Public,
    title: &'a str,
    message: &'a str,
    error: bool,
}

/// A page that only says something: a title and one sentence.
pub(super) fn say(status: StatusCode, l: Public, title: &str, message: &str) -> Response {
    render_status(status, &Message { l, title, message, error: !status.is_success() })
}

/// The same, with the title and the sentence as message ids.
pub(super) fn say_ids(status: StatusCode, l: Public, title: &str, message: &str) -> Response {
    let (title, message) = (l.t(title), l.t(message));
    say(status, l, &title, &message)
}

/// An address that cannot be read (see `address.rs`): "not found" or "not
/// valid", in English (nothing else about the reader is known there).
pub(super) fn unreadable(status: StatusCode) -> Response {
    let l = Public::fixed(kith_i18n::DEFAULT);
    if status == StatusCode::NOT_FOUND {
        say_ids(status, l, "public-not-found-title", "public-not-found-text")
    } else {
        say_ids(status, l, "public-bad-address-title", "public-bad-address-text")
    }
}

fn link_error(l: Public, e: LinkError) -> Response {
    match e {
        LinkError::Invalid => {
            say_ids(StatusCode::NOT_FOUND, l, "public-invalid-link-title", "public-invalid-link-text")
        }
        LinkError::Expired => say_ids(StatusCode::GONE, l, "public-expired-link-title", "public-expired-link-text"),
        LinkError::App(e) => app_error(l, e),
    }
}

fn app_error(l: Public, e: AppError) -> Response {
    match e {
        AppError::NotFound(_) => say_ids(StatusCode::NOT_FOUND, l, "public-not-found-title", "public-not-found-text"),
        e => super::PageError::from(e).into_response(),
    }
}

#[derive(Template)]
#[template(path = "public_form.html")]
struct FormPage<'a> {
    l: Public,
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
    notice_version: String,
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

async fn show_form(State(app): State<App>, Seg(slug): Seg<String>, uri: Uri, headers: HeaderMap) -> Response {
    form_page(&app, &slug, &uri, &headers, StatusCode::OK, FormBody::default(), None).await
}

/// A form is read in its own language (its title and notice are written in
/// it), whatever the browser prefers, unless the person picked another with
/// the switcher (`?lang=`): then Kith's own words follow their choice.
fn form_reader(f: &kith_app::public::PublicForm, uri: &Uri) -> Public {
    own_or_chosen(&f.form.language, uri)
}

/// The reader of a page written in `own` language: `?lang=` if the person
/// chose one Kith speaks, else `own`; the switcher keeps the address.
fn own_or_chosen(own: &str, uri: &Uri) -> Public {
    let chosen = uri
        .query()
        .unwrap_or("")
        .split('&')
        .filter_map(|p| p.strip_prefix("lang="))
        .find_map(kith_i18n::supported)
        .or_else(|| kith_i18n::supported(own))
        .unwrap_or(kith_i18n::DEFAULT);
    Public::at(chosen, uri.path(), uri.query())
}

/// What is wrong with a field of the form, in the reader's words.
fn problem(l: &Public, e: &FieldError) -> String {
    let (field, id) = match (e.field.as_str(), e.message.as_str()) {
        ("email" | "emails", _) => ("email", "public-problem-email"),
        ("phone" | "phones", _) => ("phone", "public-problem-phone"),
        (f @ ("first_name" | "last_name"), _) => (f, "public-problem-name"),
        ("subscriptions", m) if m.starts_with("tick") => ("subscriptions", "public-problem-no-subscription"),
        ("subscriptions", _) => ("subscriptions", "public-problem-unknown-subscription"),
        (f, _) => (f, "public-problem-other"),
    };
    let name = match field {
        "email" => l.t("public-form-email"),
        "phone" => l.t("public-form-phone"),
        "first_name" => l.t("public-form-first-name"),
        "last_name" => l.t("public-form-last-name"),
        "subscriptions" => l.t("public-form-subscriptions"),
        f => super::view::field_label(l, f),
    };
    l.t2("public-form-fix", "field", name, "problem", l.t(id))
}

async fn form_page(
    app: &App,
    slug: &str,
    uri: &Uri,
    headers: &HeaderMap,
    status: StatusCode,
    b: FormBody,
    errors: Option<Vec<FieldError>>,
) -> Response {
    let f = match app.public_form(slug).await {
        Ok(f) => f,
        Err(e) => return app_error(here(uri, None, headers), e),
    };
    let l = form_reader(&f, uri);
    let texts = app.texts_in(TextOwner::SubscriptionType, l.lang()).await.unwrap_or_default();
    let has = |x: &str| f.form.fields.iter().any(|y| y == x);
    let page = FormPage {
        errors: errors.unwrap_or_default().iter().map(|e| problem(&l, e)).collect(),
        l,
        title: &f.form.title,
        intro: &f.form.intro,
        logo_url: f.form.logo_url.as_deref(),
        slug: &f.form.slug,
        email: b.email,
        first_name: b.first_name.unwrap_or_default(),
        last_name: b.last_name.unwrap_or_default(),
        phone: b.phone.unwrap_or_default(),
        asks_first: has("first_name"),
        asks_last: has("last_name"),
        asks_phone: has("phone"),
        subscriptions: f
            .subscriptions
            .iter()
            .map(|s| {
                let (name, description) = in_language(&texts, s.id, &s.name, &s.description);
                (s.id, name, description)
            })
            .collect(),
        third_parties: f.form.third_parties.join(", "),
        gpc: headers.get("sec-gpc").is_some_and(|v| v.as_bytes() == b"1"),
        notice_href: notice_href(&f.notice),
        notice_name: &f.notice.name,
        notice_version: f.notice.version.to_string(),
        button: &f.form.button,
    };
    render_status(status, &page)
}

async fn submit_form(
    State(app): State<App>,
    Extension(cfg): Extension<WebConfig>,
    Seg(slug): Seg<String>,
    uri: Uri,
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
            let l = match app.public_form(&slug).await {
                Ok(f) => form_reader(&f, &uri),
                Err(_) => here(&uri, None, &headers),
            };
            say_ids(StatusCode::OK, l, "public-check-inbox-title", "public-check-inbox-text")
        }
        Err(AppError::Invalid(inv)) => {
            form_page(&app, &slug, &uri, &headers, StatusCode::UNPROCESSABLE_ENTITY, b, Some(inv.0)).await
        }
        Err(e) => app_error(here(&uri, None, &headers), e),
    }
}

#[derive(Template)]
#[template(path = "public_notice.html")]
struct NoticePage<'a> {
    l: Public,
    title: &'a str,
    version: String,
    sha: String,
    body: &'a str,
}

async fn show_notice(State(app): State<App>, Seg(id): Seg<Uuid>, uri: Uri, headers: HeaderMap) -> Response {
    match app.public_notice(id).await {
        // A notice is read in the language it is written in.
        Ok(Some(n)) => render(&NoticePage {
            l: own_or_chosen(&n.language, &uri),
            title: &n.name,
            version: n.version.to_string(),
            sha: n.sha256.iter().map(|b| format!("{b:02x}")).collect(),
            body: &n.body,
        }),
        Ok(None) => app_error(here(&uri, None, &headers), AppError::NotFound("notice")),
        Err(e) => app_error(here(&uri, None, &headers), e),
    }
}

#[derive(serde::Deserialize)]
struct LangQuery {
    lang: Option<String>,
}

#[derive(Template)]
#[template(path = "public_confirm.html")]
struct ConfirmPage<'a> {
    l: Public,
    title: String,
    token: &'a str,
    /// The notice the consent will cite: link, name and version.
    notice: Option<(String, String, String)>,
}

/// Where a notice is read: its published address, or Kith's own page.
fn notice_href(n: &kith_app::records::Notice) -> String {
    n.url.clone().unwrap_or_else(|| format!("/n/{}", n.id))
}

async fn show_confirm(
    State(app): State<App>,
    Seg(token): Seg<String>,
    Params(q): Params<LangQuery>,
    uri: Uri,
    headers: HeaderMap,
) -> Response {
    let l = here(&uri, q.lang.as_deref(), &headers);
    match app.check_confirm(&token).await {
        Ok(n) => render(&ConfirmPage {
            title: l.t("public-confirm-title"),
            l,
            token: &token,
            notice: n.map(|n| (notice_href(&n), n.name.clone(), n.version.to_string())),
        }),
        Err(e) => link_error(l, e),
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
    let l = Public::at(choose(b.lang.as_deref(), &headers), &format!("/c/{token}"), None);
    let (_, v) = visitor(&cfg, &headers, connect.map(|c| c.0 .0));
    match app.confirm(&token, v).await {
        Ok(Confirmed::Now(_)) => say_ids(StatusCode::OK, l, "public-confirmed-title", "public-confirmed-text"),
        Ok(Confirmed::Already) => say_ids(StatusCode::OK, l, "public-confirmed-title", "public-confirmed-already"),
        Err(e) => link_error(l, e),
    }
}

#[derive(Template)]
#[template(path = "public_prefs.html")]
struct PrefsPage<'a> {
    l: Public,
    title: String,
    token: &'a str,
    saved: Option<String>,
    items: Vec<PrefItem>,
    receipts: Vec<(i64, String, String, String)>,
}

struct PrefItem {
    id: Uuid,
    name: String,
    description: String,
    channels: Vec<(&'static str, String, bool)>,
    /// The notice a "yes" here cites (link, name, version); none: only unsubscribing is possible.
    notice: Option<(String, String, String)>,
}

fn channel_name(l: &Public, c: Channel) -> String {
    l.t(&format!("public-channel-{}", c.as_str()))
}

/// A subscription type's name and description in the reader's language if
/// the privacy team wrote one, else as written.
fn in_language(texts: &HashMap<Uuid, Text>, id: Uuid, name: &str, description: &str) -> (String, String) {
    match texts.get(&id) {
        Some(t) => {
            (t.name.clone(), if t.description.is_empty() { description.to_owned() } else { t.description.clone() })
        }
        None => (name.to_owned(), description.to_owned()),
    }
}

fn action_name(l: &Public, a: ConsentAction) -> String {
    l.t(&format!("public-action-{}", a.as_str()))
}

/// The preference centre in `lang`; `saved` is a message to show on top.
async fn prefs_page(app: &App, token: &str, lang: &str, saved: Option<String>) -> Response {
    let l = Public::at(lang, &format!("/p/{token}"), None);
    let texts = app.texts_in(TextOwner::SubscriptionType, l.lang()).await.unwrap_or_default();
    match app.preferences(token).await {
        Ok(p) => render(&PrefsPage {
            title: l.t("public-prefs-title"),
            token,
            saved,
            items: p
                .items
                .into_iter()
                .zip(p.notices)
                .map(|((s, ch), n)| PrefItem {
                    id: s.id,
                    name: in_language(&texts, s.id, &s.name, &s.description).0,
                    description: in_language(&texts, s.id, &s.name, &s.description).1,
                    channels: ch.into_iter().map(|(c, on)| (c.as_str(), channel_name(&l, c), on)).collect(),
                    notice: n.map(|n| (notice_href(&n), n.name.clone(), n.version.to_string())),
                })
                .collect(),
            receipts: p.receipts.into_iter().map(|(seq, n, a, at)| (seq, n, action_name(&l, a), l.date(at))).collect(),
            l,
        }),
        Err(e) => link_error(l, e),
    }
}

async fn show_prefs(
    State(app): State<App>,
    Seg(token): Seg<String>,
    Params(q): Params<LangQuery>,
    headers: HeaderMap,
) -> Response {
    prefs_page(&app, &token, choose(q.lang.as_deref(), &headers), None).await
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
    let lang = choose(b.lang.as_deref(), &headers);
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
    let tr = kith_i18n::Tr::new(lang);
    match app.save_preferences(&token, &wanted, v).await {
        Ok(r) if r.not_given.is_empty() => prefs_page(&app, &token, lang, Some(tr.t("public-prefs-saved"))).await,
        Ok(r) => {
            let msg = tr.t1("public-prefs-not-given", "names", r.not_given.join(", "));
            prefs_page(&app, &token, lang, Some(msg)).await
        }
        Err(e) => link_error(Public::at(lang, &format!("/p/{token}"), None), e),
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
    let lang = choose(b.lang.as_deref(), &headers);
    let (_, v) = visitor(&cfg, &headers, connect.map(|c| c.0 .0));
    match app.unsubscribe_all(&token, v).await {
        Ok(_) => prefs_page(&app, &token, lang, Some(kith_i18n::t(lang, "public-prefs-unsubscribed"))).await,
        Err(e) => link_error(Public::at(lang, &format!("/p/{token}"), None), e),
    }
}

async fn prefs_receipt(
    State(app): State<App>,
    Seg((token, seq)): Seg<(String, i64)>,
    uri: Uri,
    headers: HeaderMap,
) -> Response {
    match app.public_receipt(&token, seq).await {
        Ok(r) => {
            ([(header::CONTENT_DISPOSITION, "attachment; filename=\"consent-receipt.json\"")], Json(r)).into_response()
        }
        Err(e) => link_error(here(&uri, None, &headers), e),
    }
}

#[derive(Template)]
#[template(path = "public_unsubscribe.html")]
struct UnsubscribePage<'a> {
    l: Public,
    title: String,
    token: &'a str,
}

async fn show_unsubscribe(
    State(app): State<App>,
    Seg(token): Seg<String>,
    Params(q): Params<LangQuery>,
    uri: Uri,
    headers: HeaderMap,
) -> Response {
    let l = here(&uri, q.lang.as_deref(), &headers);
    if let Err(e) = app.check_unsubscribe(&token).await {
        return link_error(l, e);
    }
    render(&UnsubscribePage { title: l.t("public-unsubscribe-title"), l, token: &token })
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
    let l = Public::at(choose(q.lang.as_deref(), &headers), &format!("/u/{token}"), None);
    let (_, v) = visitor(&cfg, &headers, connect.map(|c| c.0 .0));
    match app.one_click_unsubscribe(&token, v).await {
        Ok(_) => say_ids(StatusCode::OK, l, "public-unsubscribe-title", "public-prefs-unsubscribed"),
        Err(e) => link_error(l, e),
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

#[cfg(test)]
mod tests {
    use kith_domain::{Channel, ConsentAction};

    #[test]
    fn every_channel_and_consent_action_has_words() {
        for c in Channel::ALL {
            assert!(kith_i18n::has_message(&format!("public-channel-{}", c.as_str())), "{c:?}");
        }
        for a in ConsentAction::ALL {
            assert!(kith_i18n::has_message(&format!("public-action-{}", a.as_str())), "{a:?}");
        }
    }
}
