//! Every event type an endpoint can subscribe to is produced by the write
//! it stands for, through the API, and reaches a real receiver signed —
//! with ids and states, never the person's values (both engines).

use crate::harness::on_both;
use crate::webhooks::{notice, receiver, settings, verify, DEV};
use axum::http::{Method, StatusCode};
use kith_app::mailer::Transport;
use kith_domain::webhooks::EventType;
use serde_json::json;

#[tokio::test]
async fn every_event_type_is_produced_by_its_write() {
    on_both("webhooks_every_event", |env| async move {
        let env = env.with_settings(settings(DEV));
        let (url, got, _) = receiver().await;
        let all: Vec<&str> = EventType::subscribable().map(|e| e.as_str()).collect();
        let created =
            env.call(Method::POST, "/webhooks", Some(json!({"url": url, "events": all})), StatusCode::CREATED).await;
        let secret = created["secret"].as_str().unwrap().to_owned();

        let purpose = env
            .id(
                "/purposes",
                json!({"name": "News", "description": "Monthly news", "default_basis": "consent",
                                    "data_categories": ["contact details"]}),
            )
            .await;
        let sub = env
            .id(
                "/subscription-types",
                json!({"name": "News", "description": "Monthly", "purpose_id": purpose, "channels": ["email"]}),
            )
            .await;
        let notice = notice(&env).await;
        let c = env.id("/contacts", json!({"first_name": "Renata", "emails": ["renata.sala@example.it"]})).await;
        env.call(Method::PATCH, &format!("/contacts/{c}"), Some(json!({"first_name": "Renata Maria"})), StatusCode::OK)
            .await;
        env.call(
            Method::POST,
            &format!("/contacts/{c}/consents"),
            Some(json!({"purpose_id": purpose, "action": "given", "channels": ["email"], "method": "api",
                        "affirmative_act": "said yes on the phone", "evidence_ref": "call 12", "notice_id": notice})),
            StatusCode::CREATED,
        )
        .await;
        env.call(
            Method::POST,
            &format!("/contacts/{c}/objections"),
            Some(json!({"purpose_id": purpose})),
            StatusCode::CREATED,
        )
        .await;
        env.call(Method::PUT, &format!("/contacts/{c}/restriction"), None, StatusCode::OK).await;
        env.call(Method::POST, &format!("/contacts/{c}/restriction/lift"), None, StatusCode::OK).await;
        let dsr = env.id("/dsr", json!({"contact_id": c, "kind": "access", "channel": "email"})).await;
        env.call(
            Method::POST,
            &format!("/dsr/{dsr}/actions"),
            Some(json!({"action": "status", "status": "completed", "reason": "export sent"})),
            StatusCode::OK,
        )
        .await;
        env.call(Method::DELETE, &format!("/contacts/{c}"), None, StatusCode::NO_CONTENT).await;
        let breach = env
            .id("/breaches", json!({"reference": "BR-HOOK", "title": "Lost laptop", "nature": ["confidentiality"]}))
            .await;
        env.app.run_webhooks(&Transport::Outbox).await.unwrap();

        let now = time::OffsetDateTime::now_utc().unix_timestamp();
        for (headers, body) in got.all() {
            assert!(verify(&secret, &headers, &body, now), "unsigned: {body}");
            assert!(!body.contains("Renata") && !body.contains("renata"), "personal value in {body}");
        }
        for t in &all {
            assert!(!got.of_type(t).is_empty(), "no {t} event: {:?}", got.all());
        }
        // The state as of the event, though the person was erased before dispatch.
        let consent = &got.of_type("consent.changed")[0].1;
        assert_eq!(
            (consent["data"]["state"].clone(), consent["data"]["action"].clone()),
            (json!("given"), json!("given"))
        );
        let sub_event = &got.of_type("subscription.changed")[0].1;
        assert_eq!(sub_event["data"]["subscription_type_id"], sub.as_str());
        assert_eq!(got.of_type("subject.objected")[0].1["data"]["purpose_id"], purpose.as_str());
        let done = &got.of_type("dsr.completed")[0].1;
        assert_eq!((done["data"]["request_id"].clone(), done["data"]["kind"].clone()), (json!(dsr), json!("access")));
        assert_eq!(got.of_type("dsr.completed").len(), 1, "completed once");
        assert_eq!(got.of_type("subject.erased")[0].1["data"]["subject_id"], c.as_str());
        assert_eq!(got.of_type("breach.recorded")[0].1["data"]["breach_id"], breach.as_str());
    })
    .await;
}

#[tokio::test]
async fn a_field_purged_from_contacts_is_a_contact_update() {
    on_both("webhooks_field_purge", |env| async move {
        let env = env.with_settings(settings(DEV));
        let (url, got, _) = receiver().await;
        env.call(
            Method::POST,
            "/webhooks",
            Some(json!({"url": url, "events": ["contact.updated"]})),
            StatusCode::CREATED,
        )
        .await;
        let c = env.id("/contacts", json!({"first_name": "Nora", "job_title": "Chef"})).await;
        env.app.run_webhooks(&Transport::Outbox).await.unwrap();
        assert!(got.of_type("contact.updated").is_empty());
        let done = env
            .call(Method::POST, "/field-policy/fields/job_title/remove", Some(json!({"confirm": true})), StatusCode::OK)
            .await;
        assert_eq!(done["purged"], 1, "{done}");
        env.app.run_webhooks(&Transport::Outbox).await.unwrap();
        let updated = got.of_type("contact.updated");
        assert_eq!(updated.len(), 1, "{:?}", got.all());
        assert_eq!(updated[0].1["data"]["subject_id"], c.as_str());
    })
    .await;
}
