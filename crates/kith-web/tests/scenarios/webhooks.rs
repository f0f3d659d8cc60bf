//! Webhooks end to end on both engines, against a real HTTP receiver on
//! 127.0.0.1 (the server runs with allow-private and allow-http, as
//! `kith serve --webhook-allow-private --webhook-allow-http` would): signed
//! events verified by an independent implementation of the Standard
//! Webhooks check, delivery after a restart, redelivery, a test ping, the
//! log; private destinations refused without the flag (no request made);
//! a processor acknowledging an erasure through its link, shown on the
//! request's page.

use crate::harness::on_both;
use axum::http::{HeaderMap, Method, StatusCode};
use base64::engine::general_purpose::STANDARD as B64;
use base64::Engine as _;
use kith_app::mailer::Transport;
use kith_app::webhooks::WebhookSettings;
use kith_app::{App, Settings};
use kith_domain::webhooks::TargetPolicy;
use serde_json::{json, Value};
use std::sync::atomic::{AtomicU16, Ordering};
use std::sync::{Arc, Mutex};

/// What the receiver got: headers and body of each request.
#[derive(Clone, Default)]
pub struct Received(Arc<Mutex<Vec<(HeaderMap, String)>>>);

impl Received {
    pub fn all(&self) -> Vec<(HeaderMap, String)> {
        self.0.lock().unwrap().clone()
    }

    pub fn of_type(&self, t: &str) -> Vec<(HeaderMap, Value)> {
        self.all()
            .into_iter()
            .map(|(h, b)| (h, serde_json::from_str::<Value>(&b).unwrap()))
            .filter(|(_, v)| v["type"] == t)
            .collect()
    }
}

/// A receiver on 127.0.0.1: its URL, what it got, and the status it answers.
pub async fn receiver() -> (String, Received, Arc<AtomicU16>) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let got = Received::default();
    let answer = Arc::new(AtomicU16::new(200));
    let (g, a) = (got.clone(), answer.clone());
    let app = axum::Router::new().route(
        "/hook",
        axum::routing::post(move |headers: HeaderMap, body: String| {
            let (g, a) = (g.clone(), a.clone());
            async move {
                g.0.lock().unwrap().push((headers, body));
                StatusCode::from_u16(a.load(Ordering::SeqCst)).unwrap()
            }
        }),
    );
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    (format!("http://{addr}/hook"), got, answer)
}

/// The Standard Webhooks check, written from the specification (not
/// Kith's code): HMAC-SHA256 under the base64-decoded secret of
/// `{webhook-id}.{webhook-timestamp}.{body}`, one of the space-separated
/// `v1,<base64>` signatures, the timestamp within five minutes.
pub fn verify(secret: &str, headers: &HeaderMap, body: &str, now: i64) -> bool {
    let h = |n: &str| headers.get(n).and_then(|v| v.to_str().ok()).unwrap_or("").to_owned();
    let Ok(key) = B64.decode(secret.strip_prefix("whsec_").unwrap_or(secret)) else { return false };
    let (id, ts) = (h("webhook-id"), h("webhook-timestamp"));
    let Ok(t) = ts.parse::<i64>() else { return false };
    if (now - t).abs() > 300 {
        return false;
    }
    let key = ring::hmac::Key::new(ring::hmac::HMAC_SHA256, &key);
    let mac = ring::hmac::sign(&key, format!("{id}.{ts}.{body}").as_bytes());
    let want = format!("v1,{}", B64.encode(mac.as_ref()));
    h("webhook-signature").split(' ').any(|s| s == want)
}

#[test]
fn the_verifier_accepts_the_specification_vector() {
    let mut h = HeaderMap::new();
    h.insert("webhook-id", "msg_p5jXN8AQM9LWM0D4loKWxJek".parse().unwrap());
    h.insert("webhook-timestamp", "1614265330".parse().unwrap());
    h.insert("webhook-signature", "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=".parse().unwrap());
    let secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    assert!(verify(secret, &h, r#"{"test": 2432232314}"#, 1614265330));
    assert!(!verify(secret, &h, r#"{"test": 2432232315}"#, 1614265330));
    assert!(!verify(secret, &h, r#"{"test": 2432232314}"#, 1614265330 + 3600), "too old");
}

pub fn settings(policy: TargetPolicy) -> Settings {
    Settings {
        public_url: "http://kith.test".into(),
        webhooks: WebhookSettings { policy, ack_days: 30, hosts: Vec::new() },
        ..Default::default()
    }
}

/// A privacy notice to name in consent recorded through the API.
pub async fn notice(env: &crate::harness::TestApp) -> String {
    env.id("/notices", json!({"name": "Notice", "language": "en", "body": "We send news. Withdraw at any time."})).await
}

pub const DEV: TargetPolicy = TargetPolicy { allow_http: true, allow_private: true };

fn now() -> i64 {
    time::OffsetDateTime::now_utc().unix_timestamp()
}

async fn run(app: &App) -> String {
    app.run_webhooks(&Transport::Outbox).await.unwrap().to_string()
}

#[tokio::test]
async fn a_receiver_gets_signed_consent_events_even_after_a_restart() {
    on_both("webhooks_receiver", |env| async move {
        let env = env.with_settings(settings(DEV));
        let (url, got, _) = receiver().await;
        let created = env
            .call(
                Method::POST,
                "/webhooks",
                Some(
                    json!({"url": url, "description": "CRM mirror", "events": ["consent.changed", "contact.created"]}),
                ),
                StatusCode::CREATED,
            )
            .await;
        let hook = created["id"].as_str().unwrap().to_owned();
        let secret = created["secret"].as_str().unwrap().to_owned();
        assert!(secret.starts_with("whsec_"), "{created}");
        // The secret is shown once: not in the endpoint afterwards.
        let shown = env.call(Method::GET, &format!("/webhooks/{hook}"), None, StatusCode::OK).await;
        assert!(shown.get("secret").is_none() && !shown.to_string().contains(&secret));

        let purpose = env
            .id(
                "/purposes",
                json!({"name": "Newsletter", "description": "Monthly news", "default_basis": "consent",
                             "data_categories": ["contact details"]}),
            )
            .await;
        let notice = notice(&env).await;
        let c = env.id("/contacts", json!({"first_name": "Giulia", "emails": ["giulia.bianchi@example.it"]})).await;
        env.call(
            Method::POST,
            &format!("/contacts/{c}/consents"),
            Some(json!({"purpose_id": purpose, "action": "given", "channels": ["email"], "method": "api",
                        "affirmative_act": "ticked the newsletter box", "evidence_ref": "call 4711", "notice_id": notice})),
            StatusCode::CREATED,
        )
        .await;
        let outcome = run(&env.app).await;
        assert!(outcome.contains("2 delivered"), "{outcome}");
        let consent = got.of_type("consent.changed");
        assert_eq!(consent.len(), 1, "{:?}", got.all());
        let (headers, body) = &consent[0];
        let raw = got.all().into_iter().find(|(_, b)| b.contains("consent.changed")).unwrap().1;
        assert!(verify(&secret, headers, &raw, now()), "signature does not verify: {headers:?}");
        assert!(!verify("whsec_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=", headers, &raw, now()));
        assert_eq!(body["data"]["subject_id"], c.as_str());
        assert_eq!(body["data"]["purpose_id"], purpose.as_str());
        assert_eq!((body["data"]["channel"].clone(), body["data"]["state"].clone()), (json!("email"), json!("given")));
        assert!(!raw.contains("giulia") && !raw.contains("Giulia"), "no personal values: {raw}");
        assert_eq!(got.of_type("contact.created").len(), 1);

        // A server queues an event and stops before sending it; the next
        // server (a new App over the same database) delivers it.
        env.call(
            Method::POST,
            &format!("/contacts/{c}/consents"),
            Some(json!({"purpose_id": purpose, "action": "withdrawn", "channels": ["email"], "method": "api",
                        "notice_id": notice})),
            StatusCode::CREATED,
        )
        .await;
        let sys = kith_store::Ctx { actor: "system:test".into(), request_id: "r".into(), token: None };
        assert_eq!(env.store.dispatch_webhooks(&sys, 500, 86_400_000).await.unwrap().deliveries, 1);
        let restarted = App::new(env.store.clone()).with_settings(settings(DEV));
        run(&restarted).await;
        let consent = got.of_type("consent.changed");
        assert_eq!(consent.len(), 2);
        assert_eq!(consent[1].1["data"]["state"], "withdrawn");

        // The log shows each delivery with its answer; redelivery sends the
        // same webhook-id again; a ping reaches the receiver.
        let log = env.call(Method::GET, &format!("/webhooks/{hook}/deliveries"), None, StatusCode::OK).await;
        let log = log.as_array().unwrap();
        assert_eq!(log.len(), 3, "{log:?}");
        assert!(log.iter().all(|d| d["status"] == "delivered" && d["last_status"] == 200), "{log:?}");
        let first = log.iter().find(|d| d["event_type"] == "consent.changed").unwrap();
        let path = format!("/webhooks/{hook}/deliveries/{}/redeliver", first["id"].as_str().unwrap());
        env.call(Method::POST, &path, None, StatusCode::ACCEPTED).await;
        run(&env.app).await;
        let ids: Vec<String> = got
            .all()
            .iter()
            .map(|(h, _)| h.get("webhook-id").unwrap().to_str().unwrap().to_owned())
            .filter(|id| id == first["event_id"].as_str().unwrap())
            .collect();
        assert_eq!(ids.len(), 2, "redelivered with the same webhook-id");
        env.call(Method::POST, &format!("/webhooks/{hook}/test"), None, StatusCode::ACCEPTED).await;
        run(&env.app).await;
        assert_eq!(got.of_type("ping").len(), 1);

        // Admin only; bad input names the field.
        let sales = env.token_for(kith_domain::Role::Sales).await;
        env.call_as(&sales, Method::GET, "/webhooks", None, StatusCode::FORBIDDEN).await;
        let bad = env
            .call(
                Method::POST,
                "/webhooks",
                Some(json!({"url": url, "events": ["gossip"]})),
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await;
        assert_eq!(bad["errors"][0]["field"], "events", "{bad}");
        env.call(Method::DELETE, &format!("/webhooks/{hook}"), None, StatusCode::NO_CONTENT).await;
        env.call(Method::GET, &format!("/webhooks/{hook}"), None, StatusCode::NOT_FOUND).await;
    })
    .await;
}

#[tokio::test]
async fn private_destinations_are_refused_without_the_flag() {
    on_both("webhooks_private_refused", |env| async move {
        let (url, got, _) = receiver().await;
        let port = url.split(':').nth(2).unwrap().split('/').next().unwrap().to_owned();
        let mut s = settings(TargetPolicy { allow_http: true, allow_private: false });
        // A public-looking name whose DNS answer is this machine.
        s.webhooks.hosts = vec![("hooks.example.net".into(), vec!["127.0.0.1".parse().unwrap()])];
        let env = env.with_settings(s);
        // Literal private addresses are refused at registration.
        for hostile in [
            url.clone(),
            format!("http://[::1]:{port}/hook"),
            format!("http://2130706433:{port}/hook"),
            "http://169.254.169.254/latest/meta-data/".into(),
            "http://10.0.0.1/".into(),
            "http://localhost/".into(),
            "https://user:secret@hooks.example.net/".into(),
            "gopher://hooks.example.net/".into(),
        ] {
            let v = env
                .call(
                    Method::POST,
                    "/webhooks",
                    Some(json!({"url": hostile, "events": ["contact.created"]})),
                    StatusCode::UNPROCESSABLE_ENTITY,
                )
                .await;
            assert_eq!(v["errors"][0]["field"], "url", "{hostile}: {v}");
        }
        // A name is checked by its addresses when delivering: refused, failed
        // with the reason, and no request reaches the receiver.
        let hook = env
            .id(
                "/webhooks",
                json!({"url": format!("http://hooks.example.net:{port}/hook"), "events": ["contact.created"]}),
            )
            .await;
        env.id("/contacts", json!({"first_name": "Marco", "emails": ["marco@example.it"]})).await;
        run(&env.app).await;
        let log = env.call(Method::GET, &format!("/webhooks/{hook}/deliveries"), None, StatusCode::OK).await;
        assert_eq!(log[0]["status"], "failed", "{log}");
        let err = log[0]["last_error"].as_str().unwrap();
        assert!(err.contains("refused") && err.contains("loopback"), "{err}");
        assert!(got.all().is_empty(), "no request was made");
        // Without --webhook-allow-http, plain http is refused.
        let strict = env.with_settings(settings(TargetPolicy::default()));
        let v = strict
            .call(
                Method::POST,
                "/webhooks",
                Some(json!({"url": "http://hooks.example.net/", "events": ["contact.created"]})),
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await;
        assert_eq!(v["errors"][0]["field"], "url");
    })
    .await;
}
