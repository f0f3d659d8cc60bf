//! The confirmation of an erasure to the person erased: queued in the
//! erasure's transaction (before the key goes), delivered by the mail job,
//! deleted as soon as delivered or after its days; only for an erasure the
//! person asked for. Over a real SMTP server too. All data fictitious.

use crate::consent::smtp::{header_value, message_text, mime_parts, top_headers, SmtpSink};
use crate::harness::{on_both, TestApp};
use axum::http::{Method, StatusCode};
use kith_app::mailer::Transport;
use kith_domain::{Role, SubjectId};
use kith_store::mail::{Mail, NewMail};
use kith_store::Engine;
use serde_json::json;

/// A contact with `email`, and its erasure request verified: (contact, request).
async fn erasure_request(env: &TestApp, email: &str) -> (String, String) {
    let c = env.id("/contacts", json!({"first_name": "Erminia", "last_name": "Galli", "emails": [email]})).await;
    let id = env.id("/dsr", json!({"contact_id": c, "kind": "erasure", "channel": "email"})).await;
    env.call(
        Method::POST,
        &format!("/dsr/{id}/actions"),
        Some(json!({"action": "verified", "method": "reply from the address on file"})),
        StatusCode::OK,
    )
    .await;
    (c, id)
}

#[tokio::test]
async fn an_erasure_asked_for_is_confirmed_and_the_confirmation_goes_when_its_days_pass() {
    on_both("an_erasure_asked_for_is_confirmed_and_the_confirmation_goes_when_its_days_pass", |env| async move {
        let email = "erminia.galli@example.it";
        let (c, id) = erasure_request(&env, email).await;
        env.call(Method::POST, &format!("/dsr/{id}/perform"), None, StatusCode::OK).await;
        env.call(Method::GET, &format!("/contacts/{c}"), None, StatusCode::NOT_FOUND).await;
        let waiting = env.store.parting_list().await.unwrap();
        assert_eq!(waiting.len(), 1);
        // No SMTP: it rests for staff to read, like other mail.
        env.app.deliver_mail(&Transport::Outbox).await.unwrap();
        let dpo = env.sign_in_as(Role::Dpo).await;
        let outbox = env.get(&dpo, "/outbox").await.body;
        assert!(outbox.contains("Confirmations of erasures") && outbox.contains(">outbox<"), "{outbox}");
        let opened = env.get(&dpo, &format!("/outbox/parting/{}", waiting[0].id)).await.body;
        assert!(opened.contains(email) && opened.contains(&format!("request {id}")), "{opened}");
        assert!(opened.contains("register of requests") && opened.contains("last mail"), "{opened}");
        let sales = env.sign_in_as(Role::Sales).await;
        assert_eq!(env.get(&sales, &format!("/outbox/parting/{}", waiting[0].id)).await.status, StatusCode::FORBIDDEN);
        // It names no one: no subject id on the row, no address in the audit trail or in clear on disk.
        let trail = serde_json::to_string(&env.audit().await).unwrap();
        assert!(!trail.contains(email));
        assert!(trail.contains("mail.parting_queue"), "{trail}");
        let bytes = env.stored_bytes().await;
        assert!(!bytes.windows(email.len()).any(|w| w == email.as_bytes()), "the address is stored sealed only");
        // After its days it is deleted, sent or not.
        let old = kith_store::now_ms() - 8 * 24 * 3600 * 1000;
        env.store.raw_execute(&format!("UPDATE parting_mail SET created_at = {old}")).await.unwrap();
        env.app.deliver_mail(&Transport::Outbox).await.unwrap();
        assert!(env.store.parting_list().await.unwrap().is_empty());
        // Staff deleting (not the person asking) sends nothing.
        let other = env.id("/contacts", json!({"first_name": "Ugo", "emails": ["ugo.neri@example.it"]})).await;
        env.call(Method::DELETE, &format!("/contacts/{other}"), None, StatusCode::NO_CONTENT).await;
        assert!(env.store.parting_list().await.unwrap().is_empty(), "a deletion by staff is not confirmed by mail");
        // A person without an address: nothing to send.
        let c = env.id("/contacts", json!({"first_name": "Senza", "phones": ["+39 333 765 4321"]})).await;
        let id = env.id("/dsr", json!({"contact_id": c, "kind": "erasure", "channel": "phone"})).await;
        env.call(
            Method::POST,
            &format!("/dsr/{id}/actions"),
            Some(json!({"action": "verified", "method": "call back"})),
            StatusCode::OK,
        )
        .await;
        env.call(Method::POST, &format!("/dsr/{id}/perform"), None, StatusCode::OK).await;
        assert!(env.store.parting_list().await.unwrap().is_empty());
    })
    .await;
}

/// Over a real SMTP server: the confirmation arrives, its row is gone, and
/// no further mail to the address is possible.
fn test_ctx() -> kith_store::Ctx {
    kith_store::Ctx { actor: "user:test".into(), request_id: "req-1".into(), token: None }
}

/// A mail to the person.
fn note(subject: SubjectId) -> NewMail {
    let mail = Mail {
        to: "fosca.villa@example.it".into(),
        subject: "News".into(),
        text: "Hello".into(),
        headers: vec![],
        attachments: vec![],
        asks_for: None,
    };
    NewMail { id: uuid::Uuid::now_v7(), subject, kind: "note", mail }
}

#[tokio::test]
async fn an_erasure_confirmation_arrives_over_real_smtp_and_is_the_last_mail() {
    on_both("an_erasure_confirmation_arrives_over_real_smtp_and_is_the_last_mail", |env| async move {
        let sink = SmtpSink::start();
        let transport = Transport::from_url(Some(&sink.url())).expect("smtp transport");
        let email = "fosca.villa@example.it";
        let (c, id) = erasure_request(&env, email).await;
        let subject = SubjectId(uuid::Uuid::parse_str(&c).unwrap());
        // Mail queued to the person before the erasure goes with them.
        env.store.queue_mail(&test_ctx(), note(subject)).await.unwrap();
        env.call(Method::POST, &format!("/dsr/{id}/perform"), None, StatusCode::OK).await;
        assert!(
            env.store.mail_list(50).await.unwrap().iter().all(|m| m.subject != subject),
            "their queued mail is erased"
        );
        assert_eq!(env.app.deliver_mail(&transport).await.unwrap(), 1);
        let raw = sink.wait_for(1).await.remove(0);
        let top = top_headers(&raw);
        assert_eq!(header_value(&top, "To").as_deref(), Some(email));
        assert!(header_value(&top, "Subject").unwrap_or_default().contains("your data has been erased"), "{top}");
        let text = message_text(&mime_parts(&raw));
        assert!(text.contains(&format!("request {id}")) && text.contains("consent ledger"), "{text}");
        assert!(env.store.parting_list().await.unwrap().is_empty(), "deleted once delivered");
        // Nothing more can reach the address: the person is gone.
        assert_eq!(env.app.deliver_mail(&transport).await.unwrap(), 0);
        assert!(env.store.queue_mail(&test_ctx(), note(subject)).await.is_err(), "no key, no mail");
        assert_eq!(sink.messages().len(), 1);
        if env.engine() == Engine::Sqlite {
            // On PostgreSQL a dump reads live rows only; SQLite's file and WAL are scrubbed by the erasure.
            let bytes = env.stored_bytes().await;
            assert!(!bytes.windows(email.len()).any(|w| w == email.as_bytes()));
        }
    })
    .await;
}
