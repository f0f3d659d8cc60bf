//! Lawful bases and the consent ledger end to end, through the real router
//! on SQLite and on PostgreSQL: the API's
//! refusals and transitions, signed receipts, the public double opt-in
//! form with its outbox, the preference centre, one-click unsubscribe,
//! campaigns, the compliance summary, the ledger's hash chain, and a real
//! SMTP round trip through `scripts/smtp_sink.py`.
//!
//! Every person, address and company here is fictitious.

mod campaigns;
mod forms;
mod languages;
mod ledger;
mod mail_languages;
mod newsletters;
mod receipts;
mod repermission;
mod rights;
mod segments;
pub(crate) mod smtp;
mod template_pages;
mod template_requests;
mod templates;
mod texts;

use crate::harness::{form_body, TestApp};
use axum::body::Body;
use axum::http::{header, HeaderMap, Method, Request, StatusCode};
use axum::Router;
use kith_app::mailer::Transport;
use kith_app::records::Mail;
use kith_app::{Principal, Settings};
use serde_json::{json, Value};
use time::OffsetDateTime;
use tower::ServiceExt;
use uuid::Uuid;

/// Where links in mail point (see [`ConsentApp::new`]).
const PUBLIC_URL: &str = "http://kith.test";

/// A [`TestApp`] whose mail links point at [`PUBLIC_URL`], with the calls
/// the consent scenarios make as the admin.
struct ConsentApp(TestApp);

impl ConsentApp {
    fn new(t: TestApp) -> ConsentApp {
        ConsentApp(t.with_settings(Settings { public_url: PUBLIC_URL.into(), ..Default::default() }))
    }
}

impl std::ops::Deref for ConsentApp {
    type Target = TestApp;

    fn deref(&self) -> &TestApp {
        &self.0
    }
}

/// A response, body kept raw (pages are compared byte for byte).
struct Resp {
    status: StatusCode,
    headers: HeaderMap,
    body: Vec<u8>,
}

impl Resp {
    fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    fn json(&self) -> Value {
        serde_json::from_slice(&self.body).unwrap_or_else(|e| panic!("response is not JSON ({e}): {}", self.text()))
    }

    fn content_type(&self) -> &str {
        self.headers.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or("")
    }

    /// Asserts the status, showing the body when it differs.
    #[track_caller]
    fn expect(self, status: StatusCode) -> Self {
        assert_eq!(self.status, status, "unexpected status; body: {}", self.text());
        self
    }
}

impl ConsentApp {
    async fn send(&self, req: Request<Body>) -> Resp {
        let (status, headers, body) = self.respond(req).await;
        Resp { status, headers, body: body.to_vec() }
    }

    /// An API call as the admin; `body` is sent as JSON.
    async fn api(&self, method: Method, path: &str, body: Option<&Value>) -> Resp {
        let mut b = Request::builder()
            .method(method)
            .uri(format!("/api/v1{path}"))
            .header(header::AUTHORIZATION, format!("Bearer {}", self.token));
        let body = match body {
            Some(v) => {
                b = b.header(header::CONTENT_TYPE, "application/json");
                Body::from(serde_json::to_vec(v).expect("json"))
            }
            None => Body::empty(),
        };
        self.send(b.body(body).expect("request")).await
    }

    async fn get(&self, path: &str) -> Value {
        self.api(Method::GET, path, None).await.expect(StatusCode::OK).json()
    }

    async fn post(&self, path: &str, body: &Value) -> Resp {
        self.api(Method::POST, path, Some(body)).await
    }

    async fn put(&self, path: &str, body: &Value) -> Resp {
        self.api(Method::PUT, path, Some(body)).await
    }

    /// A public page as a browser asks for it: no credentials, a form body
    /// if given, and any extra headers.
    async fn page(&self, method: Method, path: &str, form: Option<String>, extra: &[(&str, &str)]) -> Resp {
        self.send(page_request(method, path, form, extra)).await
    }

    // ---- consent setup (admin)

    async fn purpose(&self, name: &str) -> String {
        let body = json!({
            "name": name,
            "description": format!("{name}: what we send and why"),
            "default_basis": "consent",
            "data_categories": ["contact details"],
        });
        id_of(&self.post("/purposes", &body).await.expect(StatusCode::CREATED).json())
    }

    async fn notice(&self, name: &str) -> String {
        let body = json!({
            "name": name,
            "language": "en",
            "url": "https://privacy.example.com/notice",
            "body": "Example S.r.l. uses your email address to send what you ask for. You may withdraw at any time.",
        });
        id_of(&self.post("/notices", &body).await.expect(StatusCode::CREATED).json())
    }

    async fn contact(&self, body: Value) -> String {
        id_of(&self.post("/contacts", &body).await.expect(StatusCode::CREATED).json())
    }

    async fn set_basis(&self, contact: &str, body: Value) {
        self.put(&format!("/contacts/{contact}/bases"), &body).await.expect(StatusCode::NO_CONTENT);
    }

    /// Records a consent event; returns its ledger sequence number.
    async fn record(&self, contact: &str, body: Value) -> i64 {
        let r = self.post(&format!("/contacts/{contact}/consents"), &body).await.expect(StatusCode::CREATED);
        r.json()["seq"].as_i64().expect("seq")
    }

    async fn consents(&self, contact: &str) -> Vec<Value> {
        array(self.get(&format!("/contacts/{contact}/consents")).await)
    }

    /// The one permission row for `purpose` on `channel`, optionally at a time.
    async fn permission(&self, contact: &str, purpose: &str, channel: &str, at: Option<&str>) -> Value {
        let mut path = format!("/contacts/{contact}/permissions?purpose_id={purpose}&channel={channel}");
        if let Some(at) = at {
            path.push_str(&format!("&at={at}"));
        }
        let rows = array(self.get(&path).await);
        assert_eq!(rows.len(), 1, "one row per purpose and channel: {rows:?}");
        rows.into_iter().next().unwrap()
    }

    async fn summary_of(&self, purpose: &str) -> Value {
        let s = self.get("/compliance/summary").await;
        let all = s["purposes"].as_array().expect("purposes").clone();
        let mut p = all.into_iter().find(|p| p["purpose_id"] == json!(purpose)).expect("purpose in the summary");
        p["contacts"] = s["contacts"].clone();
        p
    }

    async fn outbox(&self) -> Vec<Value> {
        array(self.get("/outbox").await)
    }

    /// Files every due message in the outbox (no SMTP).
    async fn deliver(&self) -> usize {
        self.app.deliver_mail(&Transport::Outbox).await.expect("deliver")
    }

    /// Every message of `kind` (to `contact`, if given), opened, oldest first.
    async fn mails(&self, kind: &str, contact: Option<&str>) -> Vec<Mail> {
        let mut rows: Vec<Value> = self
            .outbox()
            .await
            .into_iter()
            .filter(|m| m["kind"] == json!(kind) && contact.is_none_or(|c| m["contact_id"] == json!(c)))
            .collect();
        rows.sort_by_key(|m| m["id"].as_str().unwrap_or_default().to_owned());
        let mut out = Vec::new();
        for r in rows {
            let id = Uuid::parse_str(r["id"].as_str().unwrap()).unwrap();
            out.push(self.app.outbox_message(&Principal::cli(), id).await.expect("open mail").1);
        }
        out
    }
}

/// A request from a spawned task, which must own its router.
async fn send_owned(router: Router, req: Request<Body>) -> Resp {
    let res = router.oneshot(req).await.expect("infallible router");
    let (parts, body) = res.into_parts();
    let bytes = axum::body::to_bytes(body, usize::MAX).await.expect("body");
    Resp { status: parts.status, headers: parts.headers, body: bytes.to_vec() }
}

fn page_request(method: Method, path: &str, form: Option<String>, extra: &[(&str, &str)]) -> Request<Body> {
    let mut b = Request::builder().method(method).uri(path).header(header::USER_AGENT, "ConsentTest/1.0");
    for (k, v) in extra {
        b = b.header(*k, *v);
    }
    let body = match form {
        Some(f) => {
            b = b.header(header::CONTENT_TYPE, "application/x-www-form-urlencoded");
            Body::from(f)
        }
        None => Body::empty(),
    };
    b.body(body).expect("request")
}

fn id_of(v: &Value) -> String {
    v["id"].as_str().unwrap_or_else(|| panic!("no id in {v}")).to_owned()
}

fn array(v: Value) -> Vec<Value> {
    v.as_array().unwrap_or_else(|| panic!("not an array: {v}")).clone()
}

/// RFC 3339, whole seconds, UTC (`…Z`: safe in a query string).
fn rfc3339(t: OffsetDateTime) -> String {
    t.replace_nanosecond(0).unwrap().format(&time::format_description::well_known::Rfc3339).unwrap()
}

fn ago(minutes: i64) -> String {
    rfc3339(OffsetDateTime::now_utc() - time::Duration::minutes(minutes))
}

/// The token of the first `{PUBLIC_URL}{prefix}<token>` link in `text`.
#[track_caller]
fn link_token(text: &str, prefix: &str) -> String {
    let start = format!("{PUBLIC_URL}{prefix}");
    let at = text.find(&start).unwrap_or_else(|| panic!("no {start}… link in:\n{text}")) + start.len();
    text[at..].split(|c: char| c.is_whitespace() || c == '>' || c == '"').next().unwrap().to_owned()
}

/// `token` with one character of its payload changed.
fn tampered(token: &str) -> String {
    let mut b = token.as_bytes().to_vec();
    b[3] = if b[3] == b'A' { b'B' } else { b'A' };
    String::from_utf8(b).unwrap()
}

fn actions(events: &[Value]) -> Vec<&str> {
    events.iter().map(|e| e["action"].as_str().unwrap()).collect()
}

/// A `POST /bases/bulk` body: which contacts, the basis (as for
/// `PUT /contacts/{id}/bases`), and whether only to count.
fn bulk_basis(selection: Value, basis: Value, dry_run: bool) -> Value {
    json!({"selection": selection, "basis": basis, "dry_run": dry_run})
}

/// Asserts an RFC 9457 validation problem whose `errors` name exactly `fields`.
#[track_caller]
fn assert_refused(r: &Resp, fields: &[&str]) {
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "expected 422; body: {}", r.text());
    assert_eq!(r.content_type(), "application/problem+json", "body: {}", r.text());
    let body = r.json();
    assert_eq!(body["status"], json!(422), "{body}");
    let mut named: Vec<&str> = body["errors"]
        .as_array()
        .unwrap_or_else(|| panic!("no errors in {body}"))
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    named.sort_unstable();
    let mut want = fields.to_vec();
    want.sort_unstable();
    assert_eq!(named, want, "fields named by the problem: {body}");
}

/// A purpose with a notice, a subscription type on email and a public form.
struct Kit {
    purpose: String,
    notice: String,
    sub: String,
    slug: &'static str,
}

async fn newsletter_kit(env: &ConsentApp) -> Kit {
    let purpose = env.purpose("Newsletter").await;
    let notice = env.notice("Newsletter notice").await;
    let sub = env
        .post(
            "/subscription-types",
            &json!({"name": "Monthly newsletter", "description": "News from Example S.r.l.", "purpose_id": purpose, "channels": ["email"]}),
        )
        .await
        .expect(StatusCode::CREATED)
        .json();
    let slug = "newsletter";
    env.post(
        "/forms",
        &json!({
            "slug": slug,
            "title": "Stay in touch",
            "fields": ["first_name"],
            "subscription_type_ids": [id_of(&sub)],
            "notice_id": notice,
            "third_parties": ["Partner Example S.p.A."],
            "button": "Subscribe",
            "language": "en",
        }),
    )
    .await
    .expect(StatusCode::CREATED);
    Kit { purpose, notice, sub: id_of(&sub), slug }
}

fn signup(kit: &Kit, email: &str) -> String {
    form_body(&[("email", email), ("first_name", "Lucia"), ("subscription", &kit.sub), ("share", "yes")])
}

/// The contact a form submission created: the recipient of the newest confirmation mail.
async fn newest_confirm_contact(env: &ConsentApp) -> String {
    let rows = env.outbox().await;
    let mut confirms: Vec<&Value> = rows.iter().filter(|m| m["kind"] == json!("confirm")).collect();
    confirms.sort_by_key(|m| m["id"].as_str().unwrap_or_default().to_owned());
    confirms.last().expect("a confirmation mail")["contact_id"].as_str().unwrap().to_owned()
}

/// Submits the form for `email`, confirms by the mailed link; returns the contact id.
async fn subscribe_and_confirm(env: &ConsentApp, kit: &Kit, email: &str) -> String {
    env.page(Method::POST, &format!("/f/{}", kit.slug), Some(signup(kit, email)), &[]).await.expect(StatusCode::OK);
    let contact = newest_confirm_contact(env).await;
    env.deliver().await;
    let mail = env.mails("confirm", Some(&contact)).await.pop().expect("confirmation mail");
    let token = link_token(&mail.text, "/c/");
    env.page(Method::POST, &format!("/c/{token}"), None, &[]).await.expect(StatusCode::OK);
    contact
}
