//! Lawful bases and the consent ledger end to end, through the real router
//! (`kith_web::router_with`) on a fresh SQLite store per test: the API's
//! refusals and transitions, signed receipts, the public double opt-in
//! form with its outbox, the preference centre, one-click unsubscribe,
//! campaigns, the compliance summary, the ledger's hash chain, and a real
//! SMTP round trip through `scripts/smtp_sink.py`.
//!
//! Every person, address and company here is fictitious.

use axum::body::Body;
use axum::http::{header, HeaderMap, Method, Request, StatusCode};
use axum::Router;
use base64::engine::general_purpose::{STANDARD as B64_STD, URL_SAFE_NO_PAD as B64};
use base64::Engine as _;
use kith_app::mailer::Transport;
use kith_app::records::Mail;
use kith_app::records::Verdict;
use kith_app::{App, Principal};
use kith_domain::Role;
use serde_json::{json, Value};
use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};
use time::OffsetDateTime;
use tower::ServiceExt;
use uuid::Uuid;

/// Where links in mail point (see [`setup`]).
const PUBLIC_URL: &str = "http://kith.test";

// ------------------------------------------------------------------ world

/// One test's world: a store in its own temp dir (removed on drop, even
/// when the test fails), the app, the router and an admin's API token.
struct Env {
    dir: PathBuf,
    app: App,
    router: Router,
    admin: String,
}

impl Drop for Env {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

async fn setup() -> Env {
    let dir = std::env::temp_dir().join(format!("kith-web-consent-{}", Uuid::now_v7()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let url = format!("sqlite:{}", dir.join("kith.db").display());
    let store = kith_store::Store::connect(&url, kith_store::Vault::from_key(&[9u8; 32])).await.expect("connect");
    store.migrate().await.expect("migrate");
    let app = App::new(store).with_settings(kith_app::Settings { public_url: PUBLIC_URL.into(), ..Default::default() });
    let admin = app
        .add_user(&Principal::cli(), "dpo-admin@example.com", Role::Admin, "correct-horse-battery")
        .await
        .expect("admin");
    let (_, token) = app.create_token(&Principal::cli(), admin.id, "consent tests").await.expect("token");
    let router = kith_web::router_with(app.clone(), kith_web::pages::WebConfig::default());
    Env { dir, app, router, admin: token }
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

impl Env {
    async fn send(&self, req: Request<Body>) -> Resp {
        send(&self.router, req).await
    }

    /// An API call as the admin; `body` is sent as JSON.
    async fn api(&self, method: Method, path: &str, body: Option<&Value>) -> Resp {
        let mut b = Request::builder()
            .method(method)
            .uri(format!("/api/v1{path}"))
            .header(header::AUTHORIZATION, format!("Bearer {}", self.admin));
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

async fn send(router: &Router, req: Request<Body>) -> Resp {
    let res = router.clone().oneshot(req).await.expect("infallible router");
    let (parts, body) = res.into_parts();
    let bytes = axum::body::to_bytes(body, usize::MAX).await.expect("body");
    Resp { status: parts.status, headers: parts.headers, body: bytes.to_vec() }
}

/// [`send`] for a spawned task, which must own its router.
async fn send_owned(router: Router, req: Request<Body>) -> Resp {
    send(&router, req).await
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

fn form_body(fields: &[(&str, &str)]) -> String {
    fields.iter().map(|(k, v)| format!("{}={}", enc(k), enc(v))).collect::<Vec<_>>().join("&")
}

fn enc(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
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

// ------------------------------------------------------ a consent form

/// A purpose with a notice, a subscription type on email and a public form.
struct Kit {
    purpose: String,
    notice: String,
    sub: String,
    slug: &'static str,
}

async fn newsletter_kit(env: &Env) -> Kit {
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
async fn newest_confirm_contact(env: &Env) -> String {
    let rows = env.outbox().await;
    let mut confirms: Vec<&Value> = rows.iter().filter(|m| m["kind"] == json!("confirm")).collect();
    confirms.sort_by_key(|m| m["id"].as_str().unwrap_or_default().to_owned());
    confirms.last().expect("a confirmation mail")["contact_id"].as_str().unwrap().to_owned()
}

/// Submits the form for `email`, confirms by the mailed link; returns the contact id.
async fn subscribe_and_confirm(env: &Env, kit: &Kit, email: &str) -> String {
    env.page(Method::POST, &format!("/f/{}", kit.slug), Some(signup(kit, email)), &[]).await.expect(StatusCode::OK);
    let contact = newest_confirm_contact(env).await;
    env.deliver().await;
    let mail = env.mails("confirm", Some(&contact)).await.pop().expect("confirmation mail");
    let token = link_token(&mail.text, "/c/");
    env.page(Method::POST, &format!("/c/{token}"), None, &[]).await.expect(StatusCode::OK);
    contact
}

// ------------------------------------------------------- receipts (JWS)

/// Verifies a compact EdDSA JWS with the raw Ed25519 public key `pk`;
/// returns the payload's JSON if the signature holds.
fn verify_jws(jws: &str, pk: &[u8]) -> Option<Value> {
    let mut parts = jws.split('.');
    let (h, p, s) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() {
        return None;
    }
    let sig = B64.decode(s).ok()?;
    let input = format!("{h}.{p}");
    ring::signature::UnparsedPublicKey::new(&ring::signature::ED25519, pk).verify(input.as_bytes(), &sig).ok()?;
    serde_json::from_slice(&B64.decode(p).ok()?).ok()
}

/// The receipt-signing key as published at the well-known address.
async fn receipt_key(env: &Env) -> Vec<u8> {
    let r = env.page(Method::GET, "/.well-known/kith-receipt-key.json", None, &[]).await.expect(StatusCode::OK);
    let jwk = r.json();
    assert_eq!(
        (jwk["kty"].as_str(), jwk["crv"].as_str(), jwk["alg"].as_str()),
        (Some("OKP"), Some("Ed25519"), Some("EdDSA"))
    );
    let pk = B64.decode(jwk["x"].as_str().expect("x")).expect("x is base64url");
    assert_eq!(pk.len(), 32, "an Ed25519 public key");
    pk
}

// ================================================================= tests

/// Every refusal of `POST /contacts/{id}/consents` and `PUT …/bases` is a
/// 422 problem naming the offending field, and nothing reaches the ledger
/// or the bases. Fields are compared with any leading dot removed: see
/// `proof_refusals_name_the_field_exactly` for the exact spelling.
#[tokio::test]
async fn refusals_are_422_problems_and_write_nothing() {
    let env = setup().await;
    let purpose = env.purpose("Newsletter").await;
    let notice = env.notice("Newsletter notice").await;
    let c = env
        .contact(json!({"first_name": "Giulia", "last_name": "Bianchi", "emails": ["giulia.bianchi@example.it"]}))
        .await;
    let path = format!("/contacts/{c}/consents");
    let given = |extra: Value| {
        let mut b = json!({"purpose_id": purpose, "action": "given", "channels": ["email"], "method": "api",
                           "affirmative_act": "ticked the unticked newsletter box",
                           "notice_id": notice, "evidence_ref": "client record 4711"});
        b.as_object_mut().unwrap().extend(extra.as_object().unwrap().clone());
        b
    };
    let cases: Vec<(&str, Value, Vec<&str>)> = vec![
        ("given without an affirmative act", given(json!({"affirmative_act": null})), vec!["affirmative_act"]),
        ("given with a blank affirmative act", given(json!({"affirmative_act": "   "})), vec!["affirmative_act"]),
        ("given from a pre-ticked box", given(json!({"pre_ticked": true})), vec!["pre_ticked"]),
        (
            "given by web form without a notice",
            given(json!({"method": "web_form", "notice_id": null})),
            vec!["notice_id"],
        ),
        (
            "given by another system's web form without its record",
            given(json!({"method": "web_form", "evidence_ref": null})),
            vec!["evidence_ref"],
        ),
        (
            "given by phone without evidence",
            given(json!({"method": "phone", "evidence_ref": null})),
            vec!["evidence_ref"],
        ),
        (
            "given through the API without notice or evidence",
            given(json!({"notice_id": null, "evidence_ref": null})),
            vec!["notice_id", "evidence_ref"],
        ),
        (
            "imported without its original proof",
            given(json!({"method": "import", "notice_id": null, "evidence_ref": null})),
            vec!["notice_id", "evidence_ref", "at"],
        ),
        (
            "given in the future",
            given(json!({"at": rfc3339(OffsetDateTime::now_utc() + time::Duration::days(1))})),
            vec!["at"],
        ),
        ("expiring before it was given", given(json!({"at": ago(60), "expires_at": ago(120)})), vec!["expires_at"]),
        ("given with no channel", given(json!({"channels": []})), vec!["channels"]),
    ];
    for (what, body, fields) in &cases {
        let r = env.post(&path, body).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{what}: {}", r.text());
        assert_eq!(r.content_type(), "application/problem+json", "{what}");
        let mut named: Vec<String> = r.json()["errors"]
            .as_array()
            .unwrap_or_else(|| panic!("{what}: no errors"))
            .iter()
            .map(|e| e["field"].as_str().unwrap().to_owned())
            .collect();
        named.sort_unstable();
        named.dedup();
        let mut want = fields.clone();
        want.sort_unstable();
        assert_eq!(named, want, "{what}: {}", r.text());
    }

    // Refusals decided before the proof rules: exact field names.
    let kith_only = given(json!({"method": "double_opt_in", "notice_id": notice}));
    assert_refused(&env.post(&path, &kith_only).await, &["method"]);
    assert_refused(&env.post(&path, &given(json!({"method": "portal", "notice_id": notice}))).await, &["method"]);
    assert_refused(&env.post(&path, &given(json!({"channels": ["fax"]}))).await, &["channels"]);
    assert_refused(&env.post(&path, &given(json!({"action": "maybe"}))).await, &["action"]);
    assert_refused(&env.post(&path, &given(json!({"method": "carrier_pigeon"}))).await, &["method"]);
    assert_refused(&env.post(&path, &given(json!({"at": "yesterday"}))).await, &["at"]);
    assert_refused(&env.post(&path, &given(json!({"notice_id": Uuid::now_v7()}))).await, &["notice_id"]);
    assert_refused(&env.post(&path, &given(json!({"purpose_id": Uuid::now_v7()}))).await, &["purpose_id"]);

    // Bases: legitimate interests need the assessment; words must be known.
    let bases = format!("/contacts/{c}/bases");
    let basis = |b: &str, extra: Value| {
        let mut v = json!({"purpose_id": purpose, "basis": b, "source": "manual"});
        v.as_object_mut().unwrap().extend(extra.as_object().unwrap().clone());
        v
    };
    assert_refused(&env.put(&bases, &basis("legitimate_interests", json!({}))).await, &["lia_ref"]);
    assert_refused(&env.put(&bases, &basis("vibes", json!({}))).await, &["basis"]);
    assert_refused(&env.put(&bases, &basis("contract", json!({"source": "telepathy"}))).await, &["source"]);
    assert_refused(&env.put(&bases, &basis("contract", json!({"source": "import"}))).await, &["source_name"]);
    let bulk = bulk_basis(
        json!({"contact_ids": [c]}),
        json!({"purpose_id": purpose, "basis": "legitimate_interests", "source": "manual"}),
        false,
    );
    assert_refused(&env.post("/bases/bulk", &bulk).await, &["lia_ref"]);

    // Nothing was written.
    assert!(env.consents(&c).await.is_empty(), "a refused event reached the ledger");
    assert!(array(env.get(&format!("/contacts/{c}/bases")).await).is_empty(), "a refused basis was stored");
    let p = env.permission(&c, &purpose, "email", None).await;
    assert_eq!(
        (p["basis"].as_str(), p["consent"].as_str(), p["allowed"].as_bool()),
        (Some("not_applicable"), Some("none"), Some(false))
    );
    assert_eq!(env.app.store().consent_verify().await.unwrap(), Verdict::Intact { entries: 0 });
}

/// The proof rules' refusals name the field as the API documents it
/// (`affirmative_act`, `notice_id`…), like every other validation error.
#[tokio::test]
async fn proof_refusals_name_the_field_exactly() {
    let env = setup().await;
    let purpose = env.purpose("Newsletter").await;
    let c = env.contact(json!({"first_name": "Giulia", "emails": ["giulia.bianchi@example.it"]})).await;
    let path = format!("/contacts/{c}/consents");
    let body = json!({"purpose_id": purpose, "action": "given", "channels": ["email"], "method": "paper",
                      "evidence_ref": "scan 12"});
    assert_refused(&env.post(&path, &body).await, &["affirmative_act"]);
    let body = json!({"purpose_id": purpose, "action": "given", "channels": ["email"], "method": "import",
                      "affirmative_act": "signed the paper form"});
    assert_refused(&env.post(&path, &body).await, &["notice_id", "evidence_ref", "at"]);
}

/// requested → given → withdrawn with consent as the basis; another basis
/// allows contact without consent until the person withdraws on that
/// channel; consent past its expiry is expired, and `?at=` looks back.
#[tokio::test]
async fn transitions_decide_who_may_be_contacted() {
    let env = setup().await;
    let news = env.purpose("Newsletter").await;
    let notice = env.notice("Newsletter notice").await;
    let c = env
        .contact(json!({"first_name": "Marco", "last_name": "Neri", "emails": ["marco.neri@example.it"], "phones": ["+39 02 1234 5678"]}))
        .await;
    env.set_basis(&c, json!({"purpose_id": news, "basis": "consent", "source": "manual"})).await;

    let state = |p: &Value| (p["consent"].as_str().unwrap().to_owned(), p["allowed"].as_bool().unwrap());
    let p = env.permission(&c, &news, "email", None).await;
    assert_eq!(state(&p), ("none".into(), false));
    assert_eq!(p["basis"], json!("consent"));

    let requested = env
        .record(&c, json!({"purpose_id": news, "action": "requested", "channels": ["email"], "method": "web_form", "notice_id": notice}))
        .await;
    assert_eq!(state(&env.permission(&c, &news, "email", None).await), ("awaiting".into(), false));

    let given = env
        .record(
            &c,
            json!({"purpose_id": news, "action": "given", "channels": ["email"], "method": "web_form", "evidence_ref": "form system submission 881",
                            "notice_id": notice, "affirmative_act": "ticked the unticked newsletter box"}),
        )
        .await;
    let p = env.permission(&c, &news, "email", None).await;
    assert_eq!(state(&p), ("given".into(), true));
    assert!(p["reason"].as_str().unwrap().contains(&format!("ledger event {given}")), "{p}");
    // Consent on email says nothing about the phone.
    assert_eq!(state(&env.permission(&c, &news, "phone", None).await), ("none".into(), false));

    let withdrawn = env
        .record(&c, json!({"purpose_id": news, "action": "withdrawn", "channels": ["email"], "method": "api"}))
        .await;
    let p = env.permission(&c, &news, "email", None).await;
    assert_eq!(state(&p), ("withdrawn".into(), false));
    assert!(p["reason"].as_str().unwrap().contains("withdrawn"), "{p}");
    assert!(requested < given && given < withdrawn, "ledger order");
    let events = env.consents(&c).await;
    assert_eq!(actions(&events), ["requested", "given", "withdrawn"]);
    assert_eq!(events[1]["proof"]["affirmative_act"], json!("ticked the unticked newsletter box"));
    assert_eq!(events[1]["notice_id"], json!(notice));

    // A contract allows contact without consent…
    let service = env.purpose("Service updates").await;
    env.set_basis(&c, json!({"purpose_id": service, "basis": "contract", "source": "manual"})).await;
    for ch in ["email", "phone"] {
        let p = env.permission(&c, &service, ch, None).await;
        assert_eq!(state(&p), ("none".into(), true), "{ch}: {p}");
        assert_eq!(p["reason"], json!("lawful basis: contract"));
    }
    // …until the person withdraws on a channel: that channel only.
    env.record(&c, json!({"purpose_id": service, "action": "withdrawn", "channels": ["phone"], "method": "phone"}))
        .await;
    let p = env.permission(&c, &service, "phone", None).await;
    assert_eq!(state(&p), ("withdrawn".into(), false));
    assert!(p["reason"].as_str().unwrap().contains("withdrawn"), "{p}");
    assert_eq!(state(&env.permission(&c, &service, "email", None).await), ("none".into(), true));

    // Consent given two hours ago that expired an hour ago.
    let events_p = env.purpose("Events").await;
    env.set_basis(&c, json!({"purpose_id": events_p, "basis": "consent", "source": "manual"})).await;
    env.record(
        &c,
        json!({"purpose_id": events_p, "action": "given", "channels": ["email"], "method": "paper",
               "evidence_ref": "scanned form 2024-117", "affirmative_act": "signed the events box on the paper form",
               "at": ago(120), "expires_at": ago(60)}),
    )
    .await;
    let p = env.permission(&c, &events_p, "email", None).await;
    assert_eq!(state(&p), ("expired".into(), false));
    let then = env.permission(&c, &events_p, "email", Some(&ago(90))).await;
    assert_eq!(state(&then), ("given".into(), true));
    let before = env.permission(&c, &events_p, "email", Some(&ago(150))).await;
    assert_eq!(state(&before), ("none".into(), false));
    // Nobody acted: the expiry is not a ledger event.
    assert_eq!(actions(&env.consents(&c).await).len(), 5);
    let s = env.summary_of(&events_p).await;
    assert_eq!(s["consent"]["email"]["expired"], json!(1), "{s}");
    assert_eq!(s["consent"]["email"]["given"], json!(0), "{s}");
}

/// Records a `given` through the API for a new contact with an email;
/// returns (contact, purpose, seq of the `given`, seq of the `requested` before it).
async fn given_through_the_api(env: &Env) -> (String, String, i64, i64) {
    let purpose = env.purpose("Newsletter").await;
    let notice = env.notice("Newsletter notice").await;
    let c = env.contact(json!({"first_name": "Sara", "emails": ["sara.gallo@example.it"]})).await;
    let requested = env
        .record(
            &c,
            json!({"purpose_id": purpose, "action": "requested", "channels": ["email"], "method": "web_form", "notice_id": notice}),
        )
        .await;
    let given = env
        .record(
            &c,
            json!({"purpose_id": purpose, "action": "given", "channels": ["email"], "method": "web_form", "evidence_ref": "form system submission 881",
                   "notice_id": notice, "affirmative_act": "ticked the unticked newsletter box",
                   "third_parties": ["Partner Example S.p.A."]}),
        )
        .await;
    (c, purpose, given, requested)
}

/// Checks a receipt (`{receipt, jws}`) against the ledger event it is
/// about and the published key, and that a changed payload fails.
async fn assert_receipt_verifies(env: &Env, r: &Value, event: &Value, contact: &str) {
    let receipt = &r["receipt"];
    assert_eq!(receipt["version"], json!("KI-CR-v1.1.0"));
    assert_eq!(receipt["consentReceiptID"], event["id"]);
    assert_eq!(receipt["piiPrincipalId"], json!(contact));
    assert_eq!(receipt["collectionMethod"], event["method"]);
    assert_eq!(receipt["kith"]["event"], event["action"]);
    assert_eq!(receipt["services"][0]["purposes"][0]["thirdPartyDisclosure"], json!(true));

    let pk = receipt_key(env).await;
    assert_eq!(receipt["publicKey"].as_str().map(|x| B64.decode(x).unwrap()), Some(pk.clone()));
    let jws = r["jws"].as_str().expect("jws");
    let header: Value = serde_json::from_slice(&B64.decode(jws.split('.').next().unwrap()).unwrap()).unwrap();
    assert_eq!((header["alg"].as_str(), header["kid"].as_str()), (Some("EdDSA"), Some("kith-receipt-1")));
    let payload = verify_jws(jws, &pk).expect("the receipt's signature verifies with the published key");
    assert_eq!(&payload, receipt, "the JWS payload is the receipt");

    // One character of the payload changed: the signature no longer holds.
    let (h, rest) = jws.split_once('.').unwrap();
    let (p, s) = rest.split_once('.').unwrap();
    let mut forged = p.as_bytes().to_vec();
    let i = forged.len() / 2;
    forged[i] = if forged[i] == b'A' { b'B' } else { b'A' };
    let forged = format!("{h}.{}.{s}", String::from_utf8(forged).unwrap());
    assert!(verify_jws(&forged, &pk).is_none(), "a tampered receipt verified");
    // Nor does another key verify the original.
    let mut other = pk.clone();
    other[0] ^= 1;
    assert!(verify_jws(jws, &other).is_none(), "verified with the wrong key");
}

/// Recording a `given` mails the person a Kantara v1.1 receipt, signed
/// with Ed25519 as a compact JWS that verifies with the key published at
/// `/.well-known/kith-receipt-key.json` — and only while unchanged.
#[tokio::test]
async fn mailed_receipts_are_signed_and_verify_with_the_published_key() {
    let env = setup().await;
    let (c, _, seq, _) = given_through_the_api(&env).await;
    let event = env.consents(&c).await.into_iter().find(|e| e["seq"] == json!(seq)).unwrap();
    env.deliver().await;
    let mails = env.mails("receipt", Some(&c)).await;
    assert_eq!(mails.len(), 1, "one receipt, for the `given` only");
    assert_eq!(mails[0].to, "sara.gallo@example.it");
    let (name, ctype, body) = &mails[0].attachments[0];
    assert_eq!((name.as_str(), ctype.as_str()), ("consent-receipt.json", "application/json"));
    let r: Value = serde_json::from_str(body).expect("the attachment is JSON");
    assert_receipt_verifies(&env, &r, &event, &c).await;
}

/// Staff download a receipt through the API, the person from the
/// preference centre; only `given` and `withdrawn` events have one.
#[tokio::test]
async fn receipts_download_through_the_api_and_the_preference_centre() {
    let env = setup().await;
    let (c, purpose, seq, requested) = given_through_the_api(&env).await;
    let event = env.consents(&c).await.into_iter().find(|e| e["seq"] == json!(seq)).unwrap();
    let r = env.get(&format!("/contacts/{c}/consents/{seq}/receipt")).await;
    assert_receipt_verifies(&env, &r, &event, &c).await;
    assert_eq!(r["receipt"]["policyUrl"], json!("https://privacy.example.com/notice"));
    assert_eq!(r["receipt"]["kith"]["purposeId"], json!(purpose));

    env.api(Method::GET, &format!("/contacts/{c}/consents/{requested}/receipt"), None)
        .await
        .expect(StatusCode::NOT_FOUND);
    let other = env.contact(json!({"first_name": "Paolo"})).await;
    env.api(Method::GET, &format!("/contacts/{other}/consents/{seq}/receipt"), None)
        .await
        .expect(StatusCode::NOT_FOUND);

    env.deliver().await;
    let prefs = link_token(&env.mails("receipt", Some(&c)).await[0].text, "/p/");
    let r = env.page(Method::GET, &format!("/p/{prefs}/receipts/{seq}"), None, &[]).await.expect(StatusCode::OK);
    assert!(r.headers[header::CONTENT_DISPOSITION].to_str().unwrap().contains("consent-receipt.json"));
    assert_receipt_verifies(&env, &r.json(), &event, &c).await;
}

/// The public form's double opt-in: an unticked box, the same answer for
/// known and unknown addresses, a link mailed, a GET that changes nothing,
/// a forged link refused, a confirmation that counts once however often it
/// is pressed, consent and basis recorded, a receipt mailed, GPC kept.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn double_opt_in_round_trip_through_the_outbox() {
    let env = setup().await;
    let kit = newsletter_kit(&env).await;
    let form_path = format!("/f/{}", kit.slug);

    // The box starts unticked.
    let page = env.page(Method::GET, &form_path, None, &[]).await.expect(StatusCode::OK).text();
    let value = format!("value=\"{}\"", kit.sub);
    let at = page.find(&value).unwrap_or_else(|| panic!("the subscription box is missing:\n{page}"));
    let tag_start = page[..at].rfind('<').unwrap();
    let tag = &page[tag_start..at + page[at..].find('>').unwrap()];
    assert!(tag.contains("type=\"checkbox\"") && tag.contains("name=\"subscription\""), "{tag}");
    assert!(!tag.contains("checked"), "the subscription box is pre-ticked: {tag}");
    assert!(!page.contains("checked"), "a box on the form is pre-ticked:\n{page}");
    assert!(page.contains("Partner Example S.p.A."), "the sharing box names the third party");

    // Submitting: "check your inbox", the same bytes whether the address is new or known.
    let gpc = [("sec-gpc", "1")];
    let first = env
        .page(Method::POST, &form_path, Some(signup(&kit, "lucia.verdi@example.it")), &gpc)
        .await
        .expect(StatusCode::OK);
    assert!(first.text().contains("Check your inbox"), "{}", first.text());
    let contact = newest_confirm_contact(&env).await;
    let again = env
        .page(Method::POST, &form_path, Some(signup(&kit, "lucia.verdi@example.it")), &gpc)
        .await
        .expect(StatusCode::OK);
    assert_eq!(first.body, again.body, "the answer tells whether the address was known");
    assert_eq!(newest_confirm_contact(&env).await, contact, "a known address gets no second contact");
    // The new contact records the form it came from (provenance).
    let created = env.get(&format!("/contacts/{contact}")).await;
    assert_eq!(created["source"]["kind"], json!("web_form"), "{created}");
    assert_eq!(created["source"]["reference"], json!(kit.slug));
    assert!(created["source"]["detail"].as_str().unwrap().ends_with(&form_path), "{created}");
    let not_an_address = env.page(Method::POST, &form_path, Some(signup(&kit, "not-an-address")), &[]).await;
    assert_eq!(not_an_address.status, StatusCode::UNPROCESSABLE_ENTITY);

    let ledger = env.consents(&contact).await;
    assert_eq!(actions(&ledger), ["requested", "requested"]);
    for e in &ledger {
        assert_eq!(e["method"], json!("web_form"));
        assert_eq!(e["gpc"], json!(true), "Sec-GPC: 1 is recorded: {e}");
        assert_eq!(e["notice_id"], json!(kit.notice));
        assert_eq!(e["proof"]["third_parties"], json!(["Partner Example S.p.A."]));
        assert_eq!(e["proof"]["user_agent"], json!("ConsentTest/1.0"));
    }
    let awaiting = env.permission(&contact, &kit.purpose, "email", None).await;
    assert_eq!((awaiting["consent"].as_str(), awaiting["allowed"].as_bool()), (Some("awaiting"), Some(false)));

    // Nothing but the confirmation request goes out.
    assert_eq!(env.deliver().await, 2);
    let kinds: Vec<Value> = env.outbox().await.iter().map(|m| json!([m["kind"], m["status"]])).collect();
    assert_eq!(kinds, [json!(["confirm", "outbox"]), json!(["confirm", "outbox"])]);
    let mail = env.mails("confirm", Some(&contact)).await.pop().unwrap();
    assert_eq!(mail.to, "lucia.verdi@example.it");
    assert!(mail.text.contains(&format!("{PUBLIC_URL}/c/")), "{}", mail.text);
    let token = link_token(&mail.text, "/c/");

    // Opening the link (as a mail scanner would) changes nothing.
    let confirm_path = format!("/c/{token}");
    let shown = env.page(Method::GET, &confirm_path, None, &[]).await.expect(StatusCode::OK).text();
    assert!(shown.contains(&format!("action=\"/c/{token}\"")), "{shown}");
    assert_eq!(env.consents(&contact).await.len(), 2);
    assert_eq!(env.permission(&contact, &kit.purpose, "email", None).await["consent"], json!("awaiting"));

    // A forged link is refused, by GET and by POST, and records nothing.
    for m in [Method::GET, Method::POST] {
        let r = env.page(m, &format!("/c/{}", tampered(&token)), None, &[]).await.expect(StatusCode::NOT_FOUND);
        assert!(r.content_type().starts_with("text/html"), "{}", r.content_type());
        assert!(r.text().contains("This link is not valid"), "{}", r.text());
    }
    assert_eq!(env.consents(&contact).await.len(), 2);

    // Confirming twice at the same moment records consent once.
    let (a, b) = tokio::join!(
        tokio::spawn(send_owned(env.router.clone(), page_request(Method::POST, &confirm_path, None, &[]))),
        tokio::spawn(send_owned(env.router.clone(), page_request(Method::POST, &confirm_path, None, &[]))),
    );
    let (a, b) = (a.unwrap(), b.unwrap());
    assert_eq!((a.status, b.status), (StatusCode::OK, StatusCode::OK), "{} / {}", a.text(), b.text());
    let ledger = env.consents(&contact).await;
    assert_eq!(actions(&ledger), ["requested", "requested", "given"], "one confirmation, one `given`");
    let given = &ledger[2];
    assert_eq!(given["method"], json!("double_opt_in"));
    assert_eq!(given["gpc"], json!(true), "the request's GPC signal carries over to the answer");
    assert_eq!(given["request_ref"], ledger[1]["request_ref"]);
    // A third press later says "already".
    let later = env.page(Method::POST, &confirm_path, None, &[]).await.expect(StatusCode::OK);
    assert!(later.text().contains("already used"), "{}", later.text());
    assert_eq!(env.consents(&contact).await.len(), 3);

    let p = env.permission(&contact, &kit.purpose, "email", None).await;
    assert_eq!(
        (p["basis"].as_str(), p["consent"].as_str(), p["allowed"].as_bool()),
        (Some("consent"), Some("given"), Some(true))
    );
    let bases = array(env.get(&format!("/contacts/{contact}/bases")).await);
    assert_eq!(bases.len(), 1);
    assert_eq!((bases[0]["basis"].as_str(), bases[0]["source"].as_str()), (Some("consent"), Some("web_form")));
    assert_eq!(bases[0]["source_name"], json!(kit.slug));

    // The receipt is queued (once) and carries a signed receipt of the `given`.
    let queued: Vec<Value> = env.outbox().await.into_iter().filter(|m| m["kind"] == json!("receipt")).collect();
    assert_eq!(queued.len(), 1, "{queued:?}");
    assert_eq!(queued[0]["status"], json!("queued"));
    assert_eq!(queued[0]["contact_id"], json!(contact));
    env.deliver().await;
    let receipt_mail = env.mails("receipt", Some(&contact)).await.pop().unwrap();
    let (name, ctype, body) = &receipt_mail.attachments[0];
    assert_eq!((name.as_str(), ctype.as_str()), ("consent-receipt.json", "application/json"));
    let attached: Value = serde_json::from_str(body).unwrap();
    let payload =
        verify_jws(attached["jws"].as_str().unwrap(), &receipt_key(&env).await).expect("mailed receipt verifies");
    assert_eq!(payload["consentReceiptID"], given["id"]);
    assert_eq!(payload["kith"]["globalPrivacyControl"], json!(true));
    assert!(receipt_mail.text.contains(&format!("{PUBLIC_URL}/p/")), "{}", receipt_mail.text);

    // Submitting again once subscribed asks nothing and mails nothing.
    let third = env
        .page(Method::POST, &form_path, Some(signup(&kit, "lucia.verdi@example.it")), &gpc)
        .await
        .expect(StatusCode::OK);
    assert_eq!(third.body, first.body);
    assert_eq!(env.consents(&contact).await.len(), 3);
    assert_eq!(env.outbox().await.iter().filter(|m| m["kind"] == json!("confirm")).count(), 2);
}

/// Someone who submits the form twice gets two mails; pressing Confirm in
/// the first one must record their consent (or at least not claim it did).
#[tokio::test]
async fn confirming_the_first_of_two_mails_records_consent() {
    let env = setup().await;
    let kit = newsletter_kit(&env).await;
    let form_path = format!("/f/{}", kit.slug);
    for _ in 0..2 {
        let body = signup(&kit, "pietro.ricci@example.com");
        env.page(Method::POST, &form_path, Some(body), &[]).await.expect(StatusCode::OK);
    }
    let contact = newest_confirm_contact(&env).await;
    env.deliver().await;
    let first = env.mails("confirm", Some(&contact)).await.remove(0);
    let token = link_token(&first.text, "/c/");
    let r = env.page(Method::POST, &format!("/c/{token}"), None, &[]).await.expect(StatusCode::OK);
    let p = env.permission(&contact, &kit.purpose, "email", None).await;
    assert_eq!(
        (p["consent"].as_str(), p["allowed"].as_bool()),
        (Some("given"), Some(true)),
        "the page said: {}",
        r.text()
    );
}

/// The transitions only time or a client makes: a request nobody answered
/// by its date counts as not responded; an explicit `expired` event ends
/// consent; a `refused` answers a request.
#[tokio::test]
async fn not_responded_expired_and_refused_through_the_api() {
    let env = setup().await;
    let purpose = env.purpose("Events").await;
    let notice = env.notice("Events notice").await;
    let c = env.contact(json!({"first_name": "Bruno", "emails": ["bruno.conti@example.it"]})).await;
    env.record(
        &c,
        json!({"purpose_id": purpose, "action": "requested", "channels": ["email"], "method": "phone",
               "evidence_ref": "call 5512", "at": ago(2 * 24 * 60), "expires_at": ago(24 * 60)}),
    )
    .await;
    let p = env.permission(&c, &purpose, "email", None).await;
    assert_eq!((p["consent"].as_str(), p["allowed"].as_bool()), (Some("not_responded"), Some(false)), "{p}");
    assert_eq!(env.summary_of(&purpose).await["consent"]["email"]["not_responded"], json!(1));

    env.record(
        &c,
        json!({"purpose_id": purpose, "action": "given", "channels": ["email"], "method": "api",
               "notice_id": notice, "affirmative_act": "replied yes to the invitation", "evidence_ref": "crm 77"}),
    )
    .await;
    assert_eq!(env.permission(&c, &purpose, "email", None).await["consent"], json!("given"));
    env.record(&c, json!({"purpose_id": purpose, "action": "expired", "channels": ["email"], "method": "api"})).await;
    let p = env.permission(&c, &purpose, "email", None).await;
    assert_eq!((p["consent"].as_str(), p["allowed"].as_bool()), (Some("expired"), Some(false)), "{p}");

    let other = env.contact(json!({"first_name": "Sara", "emails": ["sara.villa@example.it"]})).await;
    env.record(
        &other,
        json!({"purpose_id": purpose, "action": "requested", "channels": ["email"], "method": "paper", "evidence_ref": "letter 3"}),
    )
    .await;
    env.record(&other, json!({"purpose_id": purpose, "action": "refused", "channels": ["email"], "method": "paper"}))
        .await;
    let p = env.permission(&other, &purpose, "email", None).await;
    assert_eq!((p["consent"].as_str(), p["allowed"].as_bool()), (Some("refused"), Some(false)), "{p}");
    assert_eq!(actions(&env.consents(&other).await), ["requested", "refused"]);
}

/// "Unsubscribe from all" withdraws on every channel the person had said
/// yes to, not only email; one-click unsubscribe from a mail covers email.
#[tokio::test]
async fn unsubscribe_from_all_covers_every_channel() {
    let env = setup().await;
    let purpose = env.purpose("Catalogue").await;
    let notice = env.notice("Catalogue notice").await;
    env.post(
        "/subscription-types",
        &json!({"name": "Printed catalogue", "description": "Twice a year", "purpose_id": purpose, "channels": ["email", "post", "sms"]}),
    )
    .await
    .expect(StatusCode::CREATED);
    let c = env.contact(json!({"first_name": "Marta", "emails": ["marta.galli@example.it"]})).await;
    env.record(
        &c,
        json!({"purpose_id": purpose, "action": "given", "channels": ["email", "post", "sms"], "method": "paper",
               "notice_id": notice, "affirmative_act": "signed the catalogue card", "evidence_ref": "scan 2026-118"}),
    )
    .await;
    for ch in ["email", "post", "sms"] {
        assert_eq!(env.permission(&c, &purpose, ch, None).await["allowed"], json!(true), "{ch}");
    }
    env.deliver().await;
    let receipt = env.mails("receipt", Some(&c)).await.pop().expect("receipt mail");
    let prefs = link_token(&receipt.text, "/p/");
    env.page(Method::POST, &format!("/p/{prefs}/unsubscribe-all"), None, &[]).await.expect(StatusCode::OK);
    for ch in ["email", "post", "sms"] {
        let p = env.permission(&c, &purpose, ch, None).await;
        assert_eq!((p["consent"].as_str(), p["allowed"].as_bool()), (Some("withdrawn"), Some(false)), "{ch}");
    }
    let ledger = env.consents(&c).await;
    assert_eq!(actions(&ledger), ["given", "withdrawn"]);
    // A withdrawal yields its receipt too.
    env.deliver().await;
    assert_eq!(env.mails("receipt", Some(&c)).await.len(), 2, "a receipt for the given and one for the withdrawal");
}

/// The preference centre from the receipt's link: unsubscribe from all,
/// subscribe again; one-click unsubscribe from a campaign mail's
/// `List-Unsubscribe` header, idempotent; forged tokens refused.
#[tokio::test]
async fn preference_centre_and_one_click_unsubscribe() {
    let env = setup().await;
    let kit = newsletter_kit(&env).await;
    let contact = subscribe_and_confirm(&env, &kit, "anna.russo@example.it").await;
    assert_eq!(env.permission(&contact, &kit.purpose, "email", None).await["allowed"], json!(true));
    env.deliver().await;
    let receipt = env.mails("receipt", Some(&contact)).await.pop().expect("receipt mail");
    let prefs = link_token(&receipt.text, "/p/");
    let prefs_path = format!("/p/{prefs}");

    // The centre shows the subscription ticked.
    let page = env.page(Method::GET, &prefs_path, None, &[]).await.expect(StatusCode::OK).text();
    assert!(page.contains(&format!("value=\"{}:email\" checked", kit.sub)), "{page}");

    // Unsubscribe from all: withdrawn, not allowed, a receipt for it.
    env.page(Method::POST, &format!("{prefs_path}/unsubscribe-all"), None, &[]).await.expect(StatusCode::OK);
    let p = env.permission(&contact, &kit.purpose, "email", None).await;
    assert_eq!((p["consent"].as_str(), p["allowed"].as_bool()), (Some("withdrawn"), Some(false)));
    let ledger = env.consents(&contact).await;
    assert_eq!(actions(&ledger), ["requested", "given", "withdrawn"]);
    assert_eq!(ledger[2]["method"], json!("portal"));
    let page = env.page(Method::GET, &prefs_path, None, &[]).await.expect(StatusCode::OK).text();
    assert!(page.contains(&format!("value=\"{}:email\">", kit.sub)), "unticked now: {page}");
    // Again: nothing left to withdraw.
    env.page(Method::POST, &format!("{prefs_path}/unsubscribe-all"), None, &[]).await.expect(StatusCode::OK);
    assert_eq!(env.consents(&contact).await.len(), 3);

    // Ticking the box again in the centre gives consent again (method portal).
    let form = form_body(&[("sub", &format!("{}:email", kit.sub))]);
    env.page(Method::POST, &prefs_path, Some(form), &[]).await.expect(StatusCode::OK);
    let ledger = env.consents(&contact).await;
    assert_eq!(actions(&ledger), ["requested", "given", "withdrawn", "given"]);
    assert_eq!(ledger[3]["method"], json!("portal"));
    assert_eq!(ledger[3]["notice_id"], json!(kit.notice), "under the notice the person saw");
    assert_eq!(env.permission(&contact, &kit.purpose, "email", None).await["allowed"], json!(true));
    // Saving with nothing ticked withdraws.
    env.page(Method::POST, &prefs_path, Some(String::new()), &[]).await.expect(StatusCode::OK);
    assert_eq!(env.permission(&contact, &kit.purpose, "email", None).await["consent"], json!("withdrawn"));
    assert_eq!(env.consents(&contact).await.len(), 5);

    // A subscription whose notice the person never saw is not given from the
    // centre, and the page says so instead of "saved".
    let events = env.purpose("Events").await;
    let other = env
        .post(
            "/subscription-types",
            &json!({"name": "Event invitations", "description": "Fairs and dinners", "purpose_id": events, "channels": ["email"]}),
        )
        .await
        .expect(StatusCode::CREATED)
        .json();
    let form = form_body(&[("sub", &format!("{}:email", id_of(&other)))]);
    let page = env.page(Method::POST, &prefs_path, Some(form), &[]).await.expect(StatusCode::OK).text();
    assert!(page.contains("Not subscribed") && page.contains("Event invitations"), "{page}");
    assert!(!page.contains("Your choices are saved."), "{page}");
    assert_eq!(env.consents(&contact).await.len(), 5, "nothing recorded for the unseen notice");

    // Forged preference links: a 404 page, nothing recorded.
    let forged = tampered(&prefs);
    for (m, path) in [
        (Method::GET, format!("/p/{forged}")),
        (Method::POST, format!("/p/{forged}/unsubscribe-all")),
        (Method::GET, "/p/not-a-token".to_owned()),
    ] {
        let r = env.page(m, &path, None, &[]).await.expect(StatusCode::NOT_FOUND);
        assert!(r.text().contains("This link is not valid"), "{}", r.text());
    }
    // A confirmation token is not a preference token.
    let confirm = env.mails("confirm", Some(&contact)).await.pop().unwrap();
    let c_token = link_token(&confirm.text, "/c/");
    env.page(Method::GET, &format!("/p/{c_token}"), None, &[]).await.expect(StatusCode::NOT_FOUND);
    assert_eq!(env.consents(&contact).await.len(), 5);

    // One-click unsubscribe from a campaign mail.
    let other = env.contact(json!({"first_name": "Bruno", "emails": ["bruno.conti@example.com"]})).await;
    let campaign = json!({"purpose_id": kit.purpose, "notice_id": kit.notice, "mail_subject": "May we keep writing?",
                          "mail_body": "We would like to send you our newsletter.", "wait_days": 14,
                          "selection": {"contact_ids": [other]}});
    let r = env.post("/consent-campaigns", &campaign).await.expect(StatusCode::OK).json();
    assert_eq!(r, json!({"requested": 1, "skipped": 0}));
    env.deliver().await;
    let mail = env.mails("consent_request", Some(&other)).await.pop().expect("campaign mail");
    let header = |name: &str| mail.headers.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone());
    assert_eq!(header("List-Unsubscribe-Post").as_deref(), Some("List-Unsubscribe=One-Click"));
    let list_unsubscribe = header("List-Unsubscribe").expect("List-Unsubscribe header");
    let u = link_token(&list_unsubscribe, "/u/");
    assert_eq!(list_unsubscribe, format!("<{PUBLIC_URL}/u/{u}>"));
    assert_eq!(env.permission(&other, &kit.purpose, "email", None).await["consent"], json!("awaiting"));

    let unsubscribe_path = format!("/u/{u}");
    // The page a person opens changes nothing.
    env.page(Method::GET, &unsubscribe_path, None, &[]).await.expect(StatusCode::OK);
    assert_eq!(env.consents(&other).await.len(), 1);
    let one_click = || Some("List-Unsubscribe=One-Click".to_owned());
    let r = env.page(Method::POST, &unsubscribe_path, one_click(), &[]).await.expect(StatusCode::OK);
    assert!(r.text().contains("You are unsubscribed"), "{}", r.text());
    let p = env.permission(&other, &kit.purpose, "email", None).await;
    assert_eq!((p["consent"].as_str(), p["allowed"].as_bool()), (Some("withdrawn"), Some(false)));
    assert_eq!(actions(&env.consents(&other).await), ["requested", "withdrawn"]);
    // Idempotent: a second click is fine and records nothing more.
    env.page(Method::POST, &unsubscribe_path, one_click(), &[]).await.expect(StatusCode::OK);
    assert_eq!(env.consents(&other).await.len(), 2);
    env.page(Method::POST, &format!("/u/{}", tampered(&u)), one_click(), &[]).await.expect(StatusCode::NOT_FOUND);
    // A campaign never asks again someone who said no.
    let r = env.post("/consent-campaigns", &campaign).await.expect(StatusCode::OK).json();
    assert_eq!(r, json!({"requested": 0, "skipped": 1}));
}

/// A campaign asks every selected contact with an email, counts the rest
/// as skipped, and the summary shows them awaiting; a bulk basis previews
/// its count without writing, then writes.
#[tokio::test]
async fn campaign_summary_and_bulk_basis() {
    let env = setup().await;
    let purpose = env.purpose("Product news").await;
    let notice = env.notice("Product news notice").await;
    let mut tagged = Vec::new();
    for (first, email) in [
        ("Elena", "elena.ferri@example.it"),
        ("Luca", "luca.moretti@example.com"),
        ("Chiara", "chiara.fontana@example.it"),
    ] {
        tagged.push(env.contact(json!({"first_name": first, "emails": [email], "tags": ["x"]})).await);
    }
    let no_email = env.contact(json!({"first_name": "Davide", "phones": ["+39 06 555 0101"], "tags": ["x"]})).await;
    let untagged = env.contact(json!({"first_name": "Irene", "emails": ["irene.costa@example.it"]})).await;

    let campaign = json!({"purpose_id": purpose, "notice_id": notice, "mail_subject": "Keep hearing from us?",
                          "mail_body": "Confirm to keep receiving product news.", "wait_days": 1,
                          "selection": {"filter": {"tag": "x"}}});
    let r = env.post("/consent-campaigns", &campaign).await.expect(StatusCode::OK).json();
    assert_eq!(r, json!({"requested": 3, "skipped": 1}));

    let s = env.summary_of(&purpose).await;
    assert_eq!(s["contacts"], json!(5));
    assert_eq!(s["consent"]["email"]["awaiting"], json!(3), "{s}");
    assert_eq!(s["consent"]["email"]["none"], json!(2), "{s}");
    assert_eq!(s["consent"]["phone"]["awaiting"], json!(0), "{s}");
    for c in &tagged {
        let p = env.permission(c, &purpose, "email", None).await;
        assert_eq!(p["consent"], json!("awaiting"));
        let e = env.consents(c).await;
        assert_eq!((e.len(), e[0]["method"].as_str()), (1, Some("double_opt_in")));
        let until =
            OffsetDateTime::parse(e[0]["until"].as_str().unwrap(), &time::format_description::well_known::Rfc3339)
                .unwrap();
        let days = (until - OffsetDateTime::now_utc()).whole_hours();
        assert!((23..=24).contains(&days), "answer expected within a day: {}", e[0]["until"]);
    }
    assert!(env.consents(&no_email).await.is_empty());
    assert!(env.consents(&untagged).await.is_empty());
    let queued: Vec<Value> = env.outbox().await.into_iter().filter(|m| m["kind"] == json!("consent_request")).collect();
    assert_eq!(queued.len(), 3);
    assert!(queued.iter().all(|m| m["status"] == json!("queued")));

    // Before the mail goes out, one of them says no by other means: their
    // request is cancelled at the sender, not delivered.
    env.record(
        &tagged[1],
        json!({"purpose_id": purpose, "action": "refused", "channels": ["email"], "method": "phone"}),
    )
    .await;
    assert_eq!(env.permission(&tagged[1], &purpose, "email", None).await["consent"], json!("refused"));
    // One of them agrees through the link in the mail: given, consent becomes the basis.
    env.deliver().await;
    let status_of = |m: &Vec<Value>, c: &str| {
        m.iter()
            .find(|m| m["kind"] == json!("consent_request") && m["contact_id"] == json!(c))
            .map(|m| m["status"].as_str().unwrap_or_default().to_owned())
    };
    let after = env.outbox().await;
    assert_eq!(status_of(&after, &tagged[1]).as_deref(), Some("cancelled"), "{after:?}");
    assert_eq!(status_of(&after, &tagged[0]).as_deref(), Some("outbox"));
    assert!(env.mails("consent_request", Some(&tagged[1])).await.len() == 1, "the row stays, marked cancelled");
    let mail = env.mails("consent_request", Some(&tagged[0])).await.pop().expect("campaign mail");
    assert_eq!(mail.to, "elena.ferri@example.it");
    assert!(mail.text.starts_with("Confirm to keep receiving product news."), "{}", mail.text);
    let token = link_token(&mail.text, "/c/");
    env.page(Method::POST, &format!("/c/{token}"), None, &[]).await.expect(StatusCode::OK);
    let p = env.permission(&tagged[0], &purpose, "email", None).await;
    assert_eq!(
        (p["basis"].as_str(), p["consent"].as_str(), p["allowed"].as_bool()),
        (Some("consent"), Some("given"), Some(true))
    );
    let s = env.summary_of(&purpose).await;
    assert_eq!(
        (s["consent"]["email"]["awaiting"].clone(), s["consent"]["email"]["given"].clone()),
        (json!(1), json!(1)),
        "{s}"
    );
    assert_eq!(s["bases"]["consent"], json!(1), "{s}");

    // Asking again skips those already asked or consenting.
    let r = env.post("/consent-campaigns", &campaign).await.expect(StatusCode::OK).json();
    assert_eq!(r, json!({"requested": 0, "skipped": 4}));
    // Invalid campaigns are refused.
    let mut bad = campaign.clone();
    bad["wait_days"] = json!(0);
    assert_refused(&env.post("/consent-campaigns", &bad).await, &["wait_days"]);

    // Bulk basis: the dry run counts, changes nothing.
    let before = env.summary_of(&purpose).await["bases"].clone();
    assert_eq!((before["consent"].clone(), before["not_applicable"].clone()), (json!(1), json!(4)), "{before}");
    let li =
        json!({"purpose_id": purpose, "basis": "legitimate_interests", "source": "manual", "lia_ref": "LIA-2025-07"});
    let r = env.post("/bases/bulk", &bulk_basis(json!({"filter": {"tag": "x"}}), li.clone(), true)).await;
    let r = r.expect(StatusCode::OK).json();
    assert_eq!(r, json!({"count": 4}));
    assert_eq!(env.summary_of(&purpose).await["bases"], before, "a dry run changed the bases");
    assert!(array(env.get(&format!("/contacts/{no_email}/bases")).await).is_empty());
    let r = env.post("/bases/bulk", &bulk_basis(json!({"filter": {"tag": "x"}}), li, false)).await;
    let r = r.expect(StatusCode::OK).json();
    assert_eq!(r, json!({"count": 4}));
    let s = env.summary_of(&purpose).await;
    let after = &s["bases"];
    assert_eq!(
        (after["legitimate_interests"].clone(), after["consent"].clone(), after["not_applicable"].clone()),
        (json!(4), json!(0), json!(1)),
        "{s}"
    );
    let b = array(env.get(&format!("/contacts/{no_email}/bases")).await);
    assert_eq!((b[0]["basis"].as_str(), b[0]["lia_ref"].as_str()), (Some("legitimate_interests"), Some("LIA-2025-07")));
    // Legitimate interests allow the phone call nobody consented to.
    let p = env.permission(&no_email, &purpose, "phone", None).await;
    assert_eq!(
        (p["allowed"].as_bool(), p["reason"].as_str()),
        (Some(true), Some("lawful basis: legitimate interests"))
    );

    // By ids, and for a contact that does not exist: nothing written.
    let by_id = bulk_basis(
        json!({"contact_ids": [untagged]}),
        json!({"purpose_id": purpose, "basis": "contract", "source": "manual"}),
        false,
    );
    assert_eq!(env.post("/bases/bulk", &by_id).await.expect(StatusCode::OK).json(), json!({"count": 1}));
    let missing = bulk_basis(
        json!({"contact_ids": [untagged, Uuid::now_v7()]}),
        json!({"purpose_id": purpose, "basis": "public_task", "source": "manual"}),
        false,
    );
    assert!(env.post("/bases/bulk", &missing).await.status.is_client_error());
    let s = env.summary_of(&purpose).await;
    assert_eq!(
        (s["bases"]["contract"].clone(), s["bases"]["public_task"].clone(), s["bases"]["not_applicable"].clone()),
        (json!(1), json!(0), json!(0))
    );
}

/// The ledger's hash chain holds after every kind of write above, and a
/// changed row breaks it.
#[tokio::test]
async fn ledger_chain_is_intact_until_a_row_is_changed() {
    let env = setup().await;
    let kit = newsletter_kit(&env).await;
    // A campaign first, so that ledger event 1 is a `requested`.
    let c = env.contact(json!({"first_name": "Franco", "emails": ["franco.gatti@example.com"], "tags": ["x"]})).await;
    let campaign = json!({"purpose_id": kit.purpose, "notice_id": kit.notice, "mail_subject": "Newsletter?",
                          "mail_body": "Shall we write?", "wait_days": 3, "selection": {"filter": {"tag": "x"}}});
    env.post("/consent-campaigns", &campaign).await.expect(StatusCode::OK);
    env.record(
        &c,
        json!({"purpose_id": kit.purpose, "action": "given", "channels": ["email"], "method": "phone",
                          "evidence_ref": "call recording 2025-0042", "affirmative_act": "said yes on the phone"}),
    )
    .await;
    let subscriber = subscribe_and_confirm(&env, &kit, "teresa.longo@example.it").await;
    env.deliver().await;
    let prefs = link_token(&env.mails("receipt", Some(&subscriber)).await[0].text, "/p/");
    env.page(Method::POST, &format!("/p/{prefs}/unsubscribe-all"), None, &[]).await.expect(StatusCode::OK);

    let total = env.consents(&c).await.len() + env.consents(&subscriber).await.len();
    assert_eq!(total, 5);
    assert_eq!(env.consents(&c).await[0]["seq"], json!(1));
    assert_eq!(env.consents(&c).await[0]["action"], json!("requested"));
    let store = env.app.store();
    assert_eq!(store.consent_verify().await.unwrap(), Verdict::Intact { entries: 5 });

    let n = store.raw_execute("UPDATE consent_events SET action = 'given' WHERE seq = 1").await.unwrap();
    assert_eq!(n, 1);
    match store.consent_verify().await.unwrap() {
        Verdict::Broken { seq, .. } => assert_eq!(seq, 1, "the changed row is the one named"),
        v => panic!("tampering went unnoticed: {v:?}"),
    }
}

// ------------------------------------------------------------ real SMTP

const SMTP_SINK: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../scripts/smtp_sink.py");

/// `scripts/smtp_sink.py` running on a free port; killed (and its
/// directory removed) on drop, also when the test panics.
struct SmtpSink {
    child: Child,
    dir: PathBuf,
    port: u16,
}

impl Drop for SmtpSink {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// A Python that can import aiosmtpd: `$KITH_TEST_PYTHON`, then Debian's
/// `/usr/bin/python3` (where python3-aiosmtpd installs, even when another
/// python3 comes first on PATH), then `python3`.
fn python_with_aiosmtpd() -> String {
    let mut tried = Vec::new();
    let candidates = std::env::var("KITH_TEST_PYTHON").into_iter().chain(["/usr/bin/python3".into(), "python3".into()]);
    for py in candidates {
        let ok = Command::new(&py)
            .args(["-c", "import aiosmtpd.controller"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        if ok {
            return py;
        }
        tried.push(py);
    }
    panic!(
        "the SMTP round-trip test needs python3 with aiosmtpd, and none of {tried:?} has it: \
         install Debian's python3-aiosmtpd (`apt-get install python3-aiosmtpd`; scripts/test.sh installs it), \
         or point KITH_TEST_PYTHON at a python3 that can `import aiosmtpd`"
    );
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").expect("bind").local_addr().unwrap().port()
}

impl SmtpSink {
    fn start() -> SmtpSink {
        let python = python_with_aiosmtpd();
        let dir = std::env::temp_dir().join(format!("kith-smtp-sink-{}", Uuid::now_v7()));
        let mail_dir = dir.join("mail");
        std::fs::create_dir_all(&mail_dir).expect("sink dir");
        let log = std::fs::File::create(dir.join("sink.log")).expect("sink log");
        let port = free_port();
        let mut child = Command::new(&python)
            .arg(SMTP_SINK)
            .arg(&mail_dir)
            .arg(port.to_string())
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::from(log))
            .spawn()
            .unwrap_or_else(|e| panic!("could not start {python} {SMTP_SINK}: {e}"));
        let stdout = child.stdout.take().expect("stdout");
        let sink = SmtpSink { child, dir, port };
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines() {
                let Ok(line) = line else { break };
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match rx.recv_timeout(left) {
                Ok(line) if line.trim() == "ready" => return sink,
                Ok(_) => {}
                Err(_) => panic!(
                    "smtp_sink.py did not print \"ready\" within 30 s; its log:\n{}",
                    std::fs::read_to_string(sink.dir.join("sink.log")).unwrap_or_default()
                ),
            }
        }
    }

    fn url(&self) -> String {
        format!("smtp://127.0.0.1:{}", self.port)
    }

    /// The raw messages received so far, in arrival order.
    fn messages(&self) -> Vec<String> {
        let mut files: Vec<(u64, PathBuf)> = std::fs::read_dir(self.dir.join("mail"))
            .expect("sink dir")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter_map(|p| {
                let n = p.file_name()?.to_str()?.strip_suffix(".eml")?.parse().ok()?;
                Some((n, p))
            })
            .collect();
        files.sort();
        files.into_iter().map(|(_, p)| std::fs::read_to_string(p).expect("read .eml")).collect()
    }

    /// Waits (a few seconds at most) until `n` messages have arrived.
    async fn wait_for(&self, n: usize) -> Vec<String> {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let m = self.messages();
            if m.len() >= n || Instant::now() > deadline {
                assert_eq!(m.len(), n, "messages received by the SMTP sink");
                return m;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }
}

/// One MIME part: its header block and its decoded body.
struct Part {
    headers: String,
    body: String,
}

impl Part {
    /// A header's value, continuation lines unfolded.
    fn header(&self, name: &str) -> Option<String> {
        header_value(&self.headers, name)
    }
}

/// A raw message's own header block.
fn top_headers(raw: &str) -> String {
    let raw = raw.replace("\r\n", "\n");
    raw.split("\n\n").next().unwrap_or_default().to_owned()
}

/// A header's value in a header block, continuation lines unfolded.
fn header_value(headers: &str, name: &str) -> Option<String> {
    let mut out: Option<String> = None;
    let mut in_it = false;
    for line in headers.lines() {
        if line.starts_with([' ', '\t']) {
            if in_it {
                out.as_mut().unwrap().push_str(line.trim_start());
            }
            continue;
        }
        in_it = false;
        if let Some((k, v)) = line.split_once(':') {
            if out.is_none() && k.trim().eq_ignore_ascii_case(name) {
                out = Some(v.trim().to_owned());
                in_it = true;
            }
        }
    }
    out
}

/// The leaf parts of a raw message (the message itself if not multipart),
/// bodies decoded from base64 or quoted-printable.
fn mime_parts(raw: &str) -> Vec<Part> {
    let raw = raw.replace("\r\n", "\n");
    let (headers, body) = raw.split_once("\n\n").unwrap_or((raw.as_str(), ""));
    let ctype = header_value(headers, "Content-Type").unwrap_or_default();
    if ctype.to_ascii_lowercase().starts_with("multipart/") {
        let boundary = ctype
            .split(';')
            .filter_map(|p| p.trim().strip_prefix("boundary="))
            .next()
            .expect("multipart boundary")
            .trim_matches('"')
            .to_owned();
        let delimiter = format!("--{boundary}");
        return body
            .split(&delimiter)
            .skip(1)
            .take_while(|p| !p.starts_with("--"))
            .flat_map(|p| mime_parts(p.strip_prefix('\n').unwrap_or(p)))
            .collect();
    }
    let encoding = header_value(headers, "Content-Transfer-Encoding").unwrap_or_default().to_ascii_lowercase();
    let body = match encoding.as_str() {
        "base64" => {
            let compact: String = body.chars().filter(|c| !c.is_whitespace()).collect();
            String::from_utf8(B64_STD.decode(compact).expect("base64 body")).expect("utf-8 body")
        }
        "quoted-printable" => quoted_printable(body),
        _ => body.to_owned(),
    };
    vec![Part { headers: headers.to_owned(), body }]
}

fn quoted_printable(s: &str) -> String {
    let s = s.replace("=\n", "");
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'=' && i + 2 < b.len() {
            if let Some(v) = std::str::from_utf8(&b[i + 1..i + 3]).ok().and_then(|h| u8::from_str_radix(h, 16).ok()) {
                out.push(v);
                i += 3;
                continue;
            }
        }
        out.push(b[i]);
        i += 1;
    }
    String::from_utf8(out).expect("utf-8 body")
}

fn message_text(parts: &[Part]) -> String {
    parts
        .iter()
        .find(|p| p.header("Content-Type").is_some_and(|t| t.starts_with("text/plain")))
        .map(|p| p.body.clone())
        .expect("a text/plain part")
}

/// The double opt-in through a real SMTP server: the confirmation mail
/// arrives, its link works through the router, and the receipt arrives
/// with its signed attachment.
#[tokio::test]
async fn double_opt_in_over_real_smtp() {
    let sink = SmtpSink::start();
    let env = setup().await;
    let transport = Transport::from_url(Some(&sink.url())).expect("smtp transport");
    let kit = newsletter_kit(&env).await;

    env.page(Method::POST, &format!("/f/{}", kit.slug), Some(signup(&kit, "giorgio.marino@example.it")), &[])
        .await
        .expect(StatusCode::OK);
    let contact = newest_confirm_contact(&env).await;
    assert_eq!(env.app.deliver_mail(&transport).await.expect("deliver"), 1);
    let sent = env.outbox().await;
    assert_eq!(sent[0]["status"], json!("sent"), "{sent:?}");

    let raw = sink.wait_for(1).await.remove(0);
    let parts = mime_parts(&raw);
    let top = top_headers(&raw);
    assert_eq!(header_value(&top, "To").as_deref(), Some("giorgio.marino@example.it"));
    assert_eq!(header_value(&top, "From").as_deref(), Some("Kith <no-reply@example.com>"));
    assert_eq!(header_value(&top, "Subject").as_deref(), Some("Please confirm your subscription"));
    let text = message_text(&parts);
    let token = link_token(&text, "/c/");
    assert!(text.contains(&format!("{PUBLIC_URL}/c/{token}")), "{text}");

    env.page(Method::POST, &format!("/c/{token}"), None, &[]).await.expect(StatusCode::OK);
    assert_eq!(env.permission(&contact, &kit.purpose, "email", None).await["allowed"], json!(true));
    assert_eq!(env.app.deliver_mail(&transport).await.expect("deliver"), 1);

    let raw = sink.wait_for(2).await.remove(1);
    let top = top_headers(&raw);
    assert_eq!(header_value(&top, "To").as_deref(), Some("giorgio.marino@example.it"));
    assert_eq!(header_value(&top, "Subject").as_deref(), Some("Your consent receipt: Newsletter"));
    let parts = mime_parts(&raw);
    assert!(message_text(&parts).contains(&format!("{PUBLIC_URL}/p/")), "the receipt links to the preference centre");
    let attachment = parts
        .iter()
        .find(|p| p.header("Content-Disposition").is_some_and(|d| d.contains("filename=\"consent-receipt.json\"")))
        .unwrap_or_else(|| panic!("no consent-receipt.json attachment in:\n{raw}"));
    assert!(attachment.header("Content-Type").unwrap_or_default().starts_with("application/json"));
    let receipt: Value = serde_json::from_str(&attachment.body).expect("the attachment is JSON");
    let payload =
        verify_jws(receipt["jws"].as_str().unwrap(), &receipt_key(&env).await).expect("the mailed receipt verifies");
    assert_eq!(payload, receipt["receipt"]);
    assert_eq!(payload["kith"]["event"], json!("given"));
    assert_eq!(payload["piiPrincipalId"], json!(contact));
    assert!(env.outbox().await.iter().all(|m| m["status"] == json!("sent")));
    drop(sink);
}

/// An API call with another user's token.
async fn as_user(env: &Env, role: Role, method: Method, path: &str, body: Option<&Value>) -> Resp {
    let u = env
        .app
        .add_user(&Principal::cli(), &format!("{}@example.com", Uuid::now_v7().simple()), role, "correct-horse-battery")
        .await
        .expect("user");
    let (_, token) = env.app.create_token(&Principal::cli(), u.id, "role test").await.expect("token");
    let mut b = Request::builder()
        .method(method)
        .uri(format!("/api/v1{path}"))
        .header(header::AUTHORIZATION, format!("Bearer {token}"));
    let body = match body {
        Some(v) => {
            b = b.header(header::CONTENT_TYPE, "application/json");
            Body::from(serde_json::to_vec(v).expect("json"))
        }
        None => Body::empty(),
    };
    env.send(b.body(body).expect("request")).await
}

#[tokio::test]
async fn roles_gate_consent_setup_recording_and_the_outbox() {
    let env = setup().await;
    let purpose = env.purpose("Newsletter").await;
    let c = env.contact(json!({"first_name": "Nadia", "emails": ["nadia.rossi@example.it"]})).await;
    let new_purpose = json!({"name": "Other", "description": "x", "default_basis": "contract"});
    for role in [Role::Sales, Role::Marketing, Role::Support, Role::Readonly] {
        as_user(&env, role, Method::POST, "/purposes", Some(&new_purpose)).await.expect(StatusCode::FORBIDDEN);
        as_user(&env, role, Method::GET, "/outbox", None).await.expect(StatusCode::FORBIDDEN);
        as_user(&env, role, Method::GET, "/forms", None).await.expect(StatusCode::FORBIDDEN);
    }
    as_user(&env, Role::Dpo, Method::POST, "/purposes", Some(&new_purpose)).await.expect(StatusCode::CREATED);
    let given = json!({"purpose_id": purpose, "action": "withdrawn", "channels": ["email"], "method": "phone"});
    as_user(&env, Role::Readonly, Method::POST, &format!("/contacts/{c}/consents"), Some(&given))
        .await
        .expect(StatusCode::FORBIDDEN);
    let basis = json!({"purpose_id": purpose, "basis": "contract", "source": "manual"});
    as_user(&env, Role::Readonly, Method::PUT, &format!("/contacts/{c}/bases"), Some(&basis))
        .await
        .expect(StatusCode::FORBIDDEN);
    assert!(env.consents(&c).await.is_empty(), "nothing was recorded by a refused role");
    // Everyone may read permissions and the summary (no personal data).
    as_user(&env, Role::Readonly, Method::GET, &format!("/contacts/{c}/permissions"), None)
        .await
        .expect(StatusCode::OK);
    as_user(&env, Role::Readonly, Method::GET, "/compliance/summary", None).await.expect(StatusCode::OK);
    as_user(&env, Role::Marketing, Method::POST, &format!("/contacts/{c}/consents"), Some(&given))
        .await
        .expect(StatusCode::CREATED);
}

#[tokio::test]
async fn restriction_blocks_everything_but_storage_and_objections_feed_permissions() {
    let env = setup().await;
    let news = id_of(
        &env.post(
            "/purposes",
            &json!({"name": "Newsletter", "description": "Monthly news", "default_basis": "consent", "direct_marketing": true}),
        )
        .await
        .expect(StatusCode::CREATED)
        .json(),
    );
    let events = id_of(
        &env.post(
            "/purposes",
            &json!({"name": "Events", "description": "Fair invitations", "default_basis": "legitimate_interests"}),
        )
        .await
        .expect(StatusCode::CREATED)
        .json(),
    );
    let notice = env.notice("Notice").await;
    let c =
        env.contact(json!({"first_name": "Ottavia", "emails": ["ottavia.greco@example.it"], "tags": ["fair"]})).await;
    let given = json!({"purpose_id": news, "action": "given", "channels": ["email"], "method": "web_form", "evidence_ref": "form system submission 881",
                       "notice_id": notice, "affirmative_act": "ticked the box"});
    env.record(&c, given.clone()).await;
    env.set_basis(
        &c,
        json!({"purpose_id": events, "basis": "legitimate_interests", "source": "manual", "lia_ref": "LIA-7"}),
    )
    .await;
    assert_eq!(env.permission(&c, &news, "email", None).await["allowed"], json!(true));
    assert_eq!(env.permission(&c, &events, "post", None).await["allowed"], json!(true));

    // Restricted: reads still work, every kind of processing is refused with a problem naming it.
    let r = env.put(&format!("/contacts/{c}/restriction"), &json!({})).await.expect(StatusCode::OK).json();
    assert_eq!(r["restricted"], json!(true));
    let restricted = |r: Resp| {
        let r = r.expect(StatusCode::CONFLICT);
        let p = r.json();
        assert!(p["type"].as_str().unwrap().ends_with("/restricted"), "{p}");
        assert!(p["detail"].as_str().unwrap().contains("Art. 18"), "{p}");
    };
    env.get(&format!("/contacts/{c}")).await;
    restricted(env.api(Method::PATCH, &format!("/contacts/{c}"), Some(&json!({"job_title": "Buyer"}))).await);
    restricted(env.post(&format!("/contacts/{c}/interactions"), &json!({"kind": "note", "body": "Called."})).await);
    restricted(
        env.put(
            &format!("/contacts/{c}/bases"),
            &json!({"purpose_id": events, "basis": "contract", "source": "manual"}),
        )
        .await,
    );
    restricted(env.post(&format!("/contacts/{c}/consents"), &given).await);
    let bulk = json!({"selection": {"filter": {"tag": "fair"}},
                      "basis": {"purpose_id": events, "basis": "contract", "source": "manual"}});
    let b = env.post("/bases/bulk", &bulk).await.expect(StatusCode::CONFLICT).json();
    assert!(b["detail"].as_str().unwrap().contains("restricted"), "{b}");
    for (purpose, channel) in [(&news, "email"), (&events, "post")] {
        let p = env.permission(&c, purpose, channel, None).await;
        assert_eq!(p["allowed"], json!(false));
        assert!(p["reason"].as_str().unwrap().contains("restricted"), "{p}");
    }
    // The person may still withdraw; no receipt is mailed while restricted.
    let before = env.deliver().await;
    let withdrawn = json!({"purpose_id": news, "action": "withdrawn", "channels": ["email"], "method": "phone"});
    env.record(&c, withdrawn).await;
    assert_eq!(env.deliver().await, 0, "nothing is sent to a restricted person (had {before} before)");
    // Only admin and dpo restrict or lift.
    as_user(&env, Role::Sales, Method::POST, &format!("/contacts/{c}/restriction/lift"), None)
        .await
        .expect(StatusCode::FORBIDDEN);
    let r = env.api(Method::POST, &format!("/contacts/{c}/restriction/lift"), None).await.expect(StatusCode::OK).json();
    assert_eq!(r["restricted"], json!(false));
    env.api(Method::PATCH, &format!("/contacts/{c}"), Some(&json!({"job_title": "Buyer"})))
        .await
        .expect(StatusCode::OK);

    // Objection to direct marketing is absolute; to legitimate interests it waits for a decision.
    env.record(&c, given.clone()).await;
    assert_eq!(env.permission(&c, &news, "email", None).await["allowed"], json!(true));
    env.post(&format!("/contacts/{c}/objections"), &json!({"purpose_id": news})).await.expect(StatusCode::CREATED);
    let p = env.permission(&c, &news, "email", None).await;
    assert_eq!(p["allowed"], json!(false));
    assert!(p["reason"].as_str().unwrap().contains("direct marketing"), "{p}");
    env.put(&format!("/contacts/{c}/objections/{news}"), &json!({"decision": "overridden"}))
        .await
        .expect(StatusCode::OK);
    assert_eq!(env.permission(&c, &news, "email", None).await["allowed"], json!(false), "no override for marketing");
    env.post(&format!("/contacts/{c}/objections"), &json!({"purpose_id": events})).await.expect(StatusCode::CREATED);
    assert_eq!(env.permission(&c, &events, "post", None).await["allowed"], json!(false), "pending stops processing");
    env.put(&format!("/contacts/{c}/objections/{events}"), &json!({"decision": "pending"}))
        .await
        .expect(StatusCode::UNPROCESSABLE_ENTITY);
    as_user(
        &env,
        Role::Marketing,
        Method::PUT,
        &format!("/contacts/{c}/objections/{events}"),
        Some(&json!({"decision": "overridden"})),
    )
    .await
    .expect(StatusCode::FORBIDDEN);
    env.put(&format!("/contacts/{c}/objections/{events}"), &json!({"decision": "overridden"}))
        .await
        .expect(StatusCode::OK);
    assert_eq!(env.permission(&c, &events, "post", None).await["allowed"], json!(true));
    env.put(&format!("/contacts/{c}/objections/{events}"), &json!({"decision": "upheld"})).await.expect(StatusCode::OK);
    assert_eq!(env.permission(&c, &events, "post", None).await["allowed"], json!(false));
    let list = array(env.get(&format!("/contacts/{c}/objections")).await);
    assert_eq!(list.len(), 2);
    // Deciding on an objection that was never made is a 404.
    let other = env.purpose("Other").await;
    env.put(&format!("/contacts/{c}/objections/{other}"), &json!({"decision": "upheld"}))
        .await
        .expect(StatusCode::NOT_FOUND);
}

/// A "no" stays a "no": unsubscribing records a withdrawal whatever the
/// state was, and a stranger typing the address into the form afterwards
/// cannot turn it back into a "may contact".
#[tokio::test]
async fn an_opt_out_outlives_requests_and_any_basis() {
    let env = setup().await;
    let kit = newsletter_kit(&env).await;
    let c = env.contact(json!({"first_name": "Rosa", "emails": ["rosa.villa@example.it"]})).await;
    // Legitimate interests, no consent event at all: contact allowed.
    env.set_basis(
        &c,
        json!({"purpose_id": kit.purpose, "basis": "legitimate_interests", "source": "manual", "lia_ref": "LIA-1"}),
    )
    .await;
    assert_eq!(env.permission(&c, &kit.purpose, "email", None).await["allowed"], json!(true));
    // Unsubscribe from all, from a state of "none": a withdrawal is recorded and wins over the basis.
    let token = kith_app::tokens::sign(
        env.app.store().vault(),
        kith_app::tokens::TokenKind::Preferences,
        kith_app::tokens::Claims {
            subject: kith_domain::SubjectId(Uuid::parse_str(&c).unwrap()),
            scope: Uuid::nil(),
            expires: OffsetDateTime::now_utc().unix_timestamp() + 3600,
        },
    );
    env.page(Method::POST, &format!("/p/{token}/unsubscribe-all"), Some(String::new()), &[])
        .await
        .expect(StatusCode::OK);
    let p = env.permission(&c, &kit.purpose, "email", None).await;
    assert_eq!((p["consent"].clone(), p["allowed"].clone()), (json!("withdrawn"), json!(false)), "{p}");
    // Someone submits the public form with her address: still a "no" until she confirms herself.
    env.page(Method::POST, &format!("/f/{}", kit.slug), Some(signup(&kit, "rosa.villa@example.it")), &[])
        .await
        .expect(StatusCode::OK);
    let p = env.permission(&c, &kit.purpose, "email", None).await;
    assert_eq!((p["consent"].clone(), p["allowed"].clone()), (json!("withdrawn"), json!(false)), "{p}");
    // She confirms from the mail: now she said yes herself.
    env.deliver().await;
    let mail = env.mails("confirm", Some(&c)).await.pop().expect("a confirmation mail");
    let at = mail.text.find("/c/").expect("a confirmation link");
    let link: String = mail.text[at..].split_whitespace().next().unwrap().to_owned();
    env.page(Method::POST, &link, Some(String::new()), &[]).await.expect(StatusCode::OK);
    let p = env.permission(&c, &kit.purpose, "email", None).await;
    assert_eq!((p["consent"].clone(), p["allowed"].clone()), (json!("given"), json!(true)), "{p}");
}
