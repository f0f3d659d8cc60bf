//! Processor propagation (Art. 19) on both engines: an erasure request
//! carried out sends a signed `processor.request` to the processor's
//! endpoint and waits for a processor without one (no mail server here);
//! the processor acknowledges through the link in its request — the GET
//! records nothing, the POST records it once — and the request's page shows
//! it; an overdue acknowledgement is flagged in the queue.

use crate::harness::on_both;
use crate::webhooks::{receiver, settings, verify, DEV};
use axum::body::Body;
use axum::http::{Method, Request, StatusCode};
use kith_app::mailer::Transport;
use serde_json::json;

fn processor(name: &str, contact: &str) -> serde_json::Value {
    json!({"legal_name": name, "role": "processor", "privacy_contact": contact,
           "processing_countries": ["IT"], "data_categories": ["contact"], "service": "newsletters"})
}

#[tokio::test]
async fn a_processor_acknowledges_an_erasure_through_its_link() {
    on_both("webhooks_processor_ack", |env| async move {
        let env = env.with_settings(settings(DEV));
        let (url, got, _) = receiver().await;
        let hooked = env.id("/recipients", processor("Hooked SpA", "privacy@hooked.example")).await;
        env.id("/recipients", processor("Mailer Srl", "privacy@mailer.example")).await;
        let created = env
            .call(Method::POST, "/webhooks", Some(json!({"url": url, "recipient_id": hooked})), StatusCode::CREATED)
            .await;
        let secret = created["secret"].as_str().unwrap().to_owned();

        let c = env.id("/contacts", json!({"first_name": "Teresa", "emails": ["teresa.riva@example.it"]})).await;
        let dsr = env.id("/dsr", json!({"contact_id": c, "kind": "erasure", "channel": "email"})).await;
        env.call(
            Method::POST,
            &format!("/dsr/{dsr}/actions"),
            Some(json!({"action": "verified", "method": "reply from the address on file"})),
            StatusCode::OK,
        )
        .await;
        env.call(Method::POST, &format!("/dsr/{dsr}/perform"), None, StatusCode::OK).await;
        env.app.run_webhooks(&Transport::Outbox).await.unwrap();

        let requests = got.of_type("processor.request");
        assert_eq!(requests.len(), 1, "{:?}", got.all());
        let raw = got.all().into_iter().find(|(_, b)| b.contains("processor.request")).unwrap();
        assert!(verify(&secret, &raw.0, &raw.1, time::OffsetDateTime::now_utc().unix_timestamp()));
        let data = &requests[0].1["data"];
        assert_eq!((data["action"].clone(), data["subject_id"].clone()), (json!("erasure"), json!(c)));
        assert_eq!(data["request_id"], dsr.as_str());
        // Acknowledge by: counted from this sending (30 days by default).
        let by = time::OffsetDateTime::parse(
            data["acknowledge_by"].as_str().unwrap(),
            &time::format_description::well_known::Rfc3339,
        )
        .unwrap();
        assert!((by - time::OffsetDateTime::now_utc() - time::Duration::days(30)).abs() < time::Duration::minutes(5));
        let ack_url = data["ack_url"].as_str().unwrap().to_owned();
        let ack_path = ack_url.strip_prefix("http://kith.test").expect("a link on the public address").to_owned();
        assert!(!raw.1.contains("teresa") && !raw.1.contains("Teresa"), "no personal values: {}", raw.1);

        let notices =
            || async { env.call(Method::GET, &format!("/dsr/{dsr}/processor-notices"), None, StatusCode::OK).await };
        let n = notices().await;
        assert_eq!(n.as_array().unwrap().len(), 2, "{n}");
        let by = |n: &serde_json::Value, name: &str| {
            n.as_array().unwrap().iter().find(|x| x["recipient"] == name).unwrap().clone()
        };
        assert_eq!(by(&n, "Hooked SpA")["status"], "sent");
        // Without a mail server the mailed request waits, and says why.
        let waiting = by(&n, "Mailer Srl");
        assert_eq!((waiting["channel"].clone(), waiting["status"].clone()), (json!("mail"), json!("pending")));
        assert!(waiting["last_error"].as_str().unwrap().contains("no mail server"), "{waiting}");

        // The link's page records nothing; its button does, once.
        let page = |method: Method, path: &str| {
            env.respond(Request::builder().method(method).uri(path).body(Body::empty()).unwrap())
        };
        let (s, _, body) = page(Method::GET, &ack_path).await;
        assert_eq!(s, StatusCode::OK);
        let body = String::from_utf8_lossy(&body).to_string();
        assert!(body.contains("I confirm it is done") && body.contains(&c), "{body}");
        assert!(by(&notices().await, "Hooked SpA")["acknowledged_at"].is_null(), "a GET records nothing");
        let (s, _, body) = page(Method::POST, &ack_path).await;
        assert_eq!(s, StatusCode::OK);
        assert!(String::from_utf8_lossy(&body).contains("Acknowledgement recorded"));
        let (_, _, body) = page(Method::POST, &ack_path).await;
        assert!(String::from_utf8_lossy(&body).contains("Already acknowledged"));
        assert!(by(&notices().await, "Hooked SpA")["acknowledged_at"].is_string());
        // A tampered link is refused.
        let (s, _, _) = page(Method::GET, &format!("{}x", ack_path.trim_end_matches('A'))).await;
        assert_eq!(s, StatusCode::NOT_FOUND);

        // The request's page shows who acknowledged and who did not.
        let admin = env.sign_in(crate::harness::ADMIN_EMAIL, crate::harness::PASSWORD).await;
        let r = env.get(&admin, &format!("/dsr/{dsr}")).await;
        assert_eq!(r.status, StatusCode::OK);
        assert!(r.body.contains("Processors told (Art. 19)"), "{}", r.body);
        assert!(r.body.contains("Hooked SpA") && r.body.contains("acknowledged "), "{}", r.body);
        assert!(r.body.contains("Mailer Srl") && r.body.contains("not yet sent"), "{}", r.body);
        let audit = env.audit().await;
        assert_eq!(audit.iter().filter(|e| e["action"] == "processor.acknowledge").count(), 1);
    })
    .await;
}

#[tokio::test]
async fn overdue_acknowledgements_are_flagged_in_the_queue() {
    on_both("webhooks_processor_overdue", |env| async move {
        let mut s = settings(DEV);
        s.webhooks.ack_days = 1;
        let env = env.with_settings(s);
        env.id("/recipients", processor("Slow Srl", "privacy@slow.example")).await;
        let c = env.id("/contacts", json!({"first_name": "Luca", "emails": ["luca@example.it"]})).await;
        let dsr = env.id("/dsr", json!({"contact_id": c, "kind": "restriction", "channel": "email"})).await;
        env.call(
            Method::POST,
            &format!("/dsr/{dsr}/actions"),
            Some(json!({"action": "verified", "method": "portal"})),
            StatusCode::OK,
        )
        .await;
        env.call(Method::POST, &format!("/dsr/{dsr}/perform"), None, StatusCode::OK).await;
        env.app.run_webhooks(&Transport::Outbox).await.unwrap();
        let n = env.call(Method::GET, &format!("/dsr/{dsr}/processor-notices"), None, StatusCode::OK).await;
        assert_eq!(n[0]["action"], "restriction", "{n}");
        assert_eq!(n[0]["overdue"], false);
        // Two days later nobody has acknowledged.
        env.store.raw_execute("UPDATE processor_notices SET due_at = due_at - 172800000").await.unwrap();
        let n = env.call(Method::GET, &format!("/dsr/{dsr}/processor-notices"), None, StatusCode::OK).await;
        assert_eq!(n[0]["overdue"], true);
        let admin = env.sign_in(crate::harness::ADMIN_EMAIL, crate::harness::PASSWORD).await;
        let q = env.get(&admin, "/dsr").await;
        assert!(q.body.contains("Processors yet to acknowledge") && q.body.contains("Slow Srl"), "{}", q.body);
        assert!(q.body.contains(&format!("/dsr/{dsr}")));
    })
    .await;
}

/// A processor without an endpoint is mailed through a real SMTP server
/// (aiosmtpd, as the consent round trip uses); it acknowledges through the
/// link in the mail.
#[tokio::test]
async fn a_mailed_processor_acknowledges_through_the_link_in_its_mail() {
    on_both("webhooks_processor_mail", |env| async move {
        let sink = crate::consent::smtp::SmtpSink::start();
        let smtp = Transport::from_url(Some(&sink.url())).unwrap();
        let env = env.with_settings(settings(DEV));
        env.id("/recipients", processor("Mailer Srl", "privacy@mailer.example")).await;
        let c = env.id("/contacts", json!({"first_name": "Piero", "emails": ["piero.galli@example.it"]})).await;
        let dsr = env.id("/dsr", json!({"contact_id": c, "kind": "erasure", "channel": "letter"})).await;
        env.call(
            Method::POST,
            &format!("/dsr/{dsr}/actions"),
            Some(json!({"action": "verified", "method": "signed letter"})),
            StatusCode::OK,
        )
        .await;
        env.call(Method::POST, &format!("/dsr/{dsr}/perform"), None, StatusCode::OK).await;
        let run = env.app.run_webhooks(&smtp).await.unwrap();
        assert_eq!(run.mailed, 1, "{run}");
        let mails = sink.wait_for(1).await;
        assert!(mails[0].contains("privacy@mailer.example"));
        let body: String = crate::consent::smtp::mime_parts(&mails[0]).into_iter().map(|p| p.body).collect();
        assert!(body.contains("Erase the person") && body.contains(&c) && body.contains(&dsr), "{body}");
        assert!(!body.contains("Piero") && !body.contains("piero"), "no personal values: {body}");
        let at = body.find("http://kith.test/ack/").expect("the acknowledgement link");
        let link: String = body[at..].chars().take_while(|c| !c.is_whitespace()).collect();
        let path = link.strip_prefix("http://kith.test").unwrap().to_owned();

        let n = env.call(Method::GET, &format!("/dsr/{dsr}/processor-notices"), None, StatusCode::OK).await;
        assert_eq!((n[0]["channel"].clone(), n[0]["status"].clone()), (json!("mail"), json!("sent")), "{n}");
        let send =
            |m: Method| env.respond(Request::builder().method(m).uri(path.as_str()).body(Body::empty()).unwrap());
        assert_eq!(send(Method::GET).await.0, StatusCode::OK);
        assert!(env.call(Method::GET, &format!("/dsr/{dsr}/processor-notices"), None, StatusCode::OK).await[0]
            ["acknowledged_at"]
            .is_null());
        assert_eq!(send(Method::POST).await.0, StatusCode::OK);
        let n = env.call(Method::GET, &format!("/dsr/{dsr}/processor-notices"), None, StatusCode::OK).await;
        assert!(n[0]["acknowledged_at"].is_string(), "{n}");
        // Sent once: the next run mails nothing.
        assert_eq!(env.app.run_webhooks(&smtp).await.unwrap().mailed, 0);
    })
    .await;
}

#[tokio::test]
async fn a_change_is_not_filed_under_a_rejected_request() {
    on_both("webhooks_processor_rejected", |env| async move {
        let env = env.with_settings(settings(DEV));
        env.id("/recipients", processor("Mailer Srl", "privacy@mailer.example")).await;
        let c = env.id("/contacts", json!({"first_name": "Ugo", "emails": ["ugo.bassi@example.it"]})).await;
        let old = env.id("/dsr", json!({"contact_id": c, "kind": "restriction", "channel": "email"})).await;
        env.call(
            Method::POST,
            &format!("/dsr/{old}/actions"),
            Some(json!({"action": "status", "status": "rejected", "reason": "manifestly unfounded"})),
            StatusCode::OK,
        )
        .await;
        // Restricted later, by hand, for another reason: not that request's doing.
        env.call(Method::PUT, &format!("/contacts/{c}/restriction"), None, StatusCode::OK).await;
        let run = env.app.run_webhooks(&Transport::Outbox).await.unwrap();
        assert_eq!(run.notices, 1, "{run}");
        let n = env.call(Method::GET, &format!("/dsr/{old}/processor-notices"), None, StatusCode::OK).await;
        assert_eq!(n.as_array().unwrap().len(), 0, "filed under the rejected request: {n}");
    })
    .await;
}

/// An invalid sender address is the server's configuration problem: the
/// request waits (said so), it is not failed as if the processor's address
/// were wrong.
#[tokio::test]
async fn an_invalid_sender_address_leaves_the_request_waiting() {
    on_both("webhooks_processor_bad_from", |env| async move {
        let mut s = settings(DEV);
        s.mail_from = "not an address".into();
        let env = env.with_settings(s);
        let smtp = Transport::from_url(Some("smtp://127.0.0.1:9")).unwrap();
        env.id("/recipients", processor("Mailer Srl", "privacy@mailer.example")).await;
        let c = env.id("/contacts", json!({"first_name": "Olga", "emails": ["olga@example.it"]})).await;
        let dsr = env.id("/dsr", json!({"contact_id": c, "kind": "restriction", "channel": "email"})).await;
        env.call(
            Method::POST,
            &format!("/dsr/{dsr}/actions"),
            Some(json!({"action": "verified", "method": "portal"})),
            StatusCode::OK,
        )
        .await;
        env.call(Method::POST, &format!("/dsr/{dsr}/perform"), None, StatusCode::OK).await;
        env.app.run_webhooks(&smtp).await.unwrap();
        let n = env.call(Method::GET, &format!("/dsr/{dsr}/processor-notices"), None, StatusCode::OK).await;
        assert_eq!(n[0]["status"], "pending", "{n}");
        assert!(n[0]["last_error"].as_str().unwrap().contains("mail_from"), "{n}");
    })
    .await;
}
