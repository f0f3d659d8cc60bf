//! The probe of issue 13, through the real router on both engines: look-alike
//! addresses get nothing, mail about a matched person goes to the address as
//! stored, and the portal covers every contact holding the verified address.

use crate::harness::{form_body, on_both, TestApp};
use axum::http::{header, Method, StatusCode};
use kith_app::Principal;
use kith_domain::Role;
use serde_json::json;

/// The portal mails queued so far: (to, text).
async fn portal_mails(env: &TestApp) -> Vec<(String, String)> {
    env.app.deliver_mail(&kith_app::mailer::Transport::Outbox).await.unwrap();
    let mut out = Vec::new();
    for m in env.app.outbox(&Principal::cli()).await.unwrap().into_iter().filter(|m| m.kind == "portal") {
        let (_, mail) = env.app.outbox_message(&Principal::cli(), m.id).await.unwrap();
        out.push((mail.to, mail.text));
    }
    out
}

/// Asks the portal for a link for `typed` and waits until the mail queue
/// has `want` portal mails (the link is queued after the answer).
async fn ask_link(env: &TestApp, typed: &str, want: usize) -> Vec<(String, String)> {
    let body = form_body(&[("email", typed), ("lang", "en")]);
    let (s, _, _) = env.page(Method::POST, "/portal", Some(&body), None).await;
    assert_eq!(s, StatusCode::OK, "{typed}");
    for _ in 0..50 {
        if portal_mails(env).await.len() >= want {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    // Give a mail that should not come a moment to show up.
    tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    portal_mails(env).await
}

#[tokio::test]
async fn look_alikes_get_nothing() {
    on_both("look-alike", |env| async move {
        let alice = env.id("/contacts", json!({"first_name": "Alice", "emails": ["alice.victim@example.com"]})).await;
        // A second record of Alice (imported twice) and someone at a provider
        // known to ignore case.
        let alice2 = env.id("/contacts", json!({"last_name": "Victim", "emails": ["alice.victim@example.com"]})).await;
        env.id("/contacts", json!({"first_name": "Mario", "emails": ["Mario.Rossi@Gmail.com"]})).await;

        for typed in ["alice.victim@exämple.com", "ALICE.VICTIM@EXAMPLE.COM", "alicé.victim@example.com"] {
            let mails = ask_link(&env, typed, 1).await;
            assert!(mails.is_empty(), "{typed} matched Alice: {mails:?}");
        }
        // Typed differently where the provider ignores case: the link goes to
        // the address as stored, never as typed.
        let mails = ask_link(&env, "mario.rossi@gmail.com", 1).await;
        assert_eq!(mails.len(), 1);
        assert_eq!(mails[0].0, "Mario.Rossi@Gmail.com");

        // Alice herself: one link, to her stored address; the portal shows both
        // of her records, and a request is filed for each.
        let mails = ask_link(&env, "alice.victim@EXAMPLE.com", 2).await;
        let to_alice: Vec<_> = mails.iter().filter(|(to, _)| to.starts_with("alice")).collect();
        assert_eq!(to_alice.len(), 1, "{mails:?}");
        assert_eq!(to_alice[0].0, "alice.victim@example.com");
        let text = &to_alice[0].1;
        let link = text[text.find("/portal/s/").unwrap()..].split_whitespace().next().unwrap().to_owned();
        // Staff reading the outbox never see the link itself.
        let dpo = env
            .app
            .add_user(&Principal::cli(), "privacy@example.com", Role::Dpo, "correct-horse-battery")
            .await
            .unwrap();
        let dpo = Principal { user: dpo.id, role: Role::Dpo, request_id: "t".into(), token: None };
        for m in env.app.outbox(&dpo).await.unwrap() {
            let (_, mail) = env.app.outbox_message(&dpo, m.id).await.unwrap();
            assert!(!mail.text.contains(&link) && mail.text.contains("[one-time link hidden]"), "{}", mail.text);
        }
        let (s, h, _) = env.page(Method::POST, &link, Some("lang=en"), None).await;
        assert_eq!(s, StatusCode::SEE_OTHER);
        let cookie = h[header::SET_COOKIE].to_str().unwrap().split(';').next().unwrap().to_owned();
        let (s, _, me) = env.page(Method::GET, "/portal/me?lang=en", None, Some(&cookie)).await;
        assert_eq!(s, StatusCode::OK);
        assert!(me.contains("Alice") && me.contains("Victim"), "both records are shown: {me}");
        assert!(!me.contains("Mario"), "{me}");
        let (s, _, _) =
            env.page(Method::POST, "/portal/me/request", Some("kind=erasure&note=&lang=en"), Some(&cookie)).await;
        assert!(s.is_success() || s.is_redirection(), "{s}");
        let queue = env.call(Method::GET, "/dsr", None, StatusCode::OK).await;
        for id in [&alice, &alice2] {
            let filed =
                queue.as_array().unwrap().iter().any(|d| d["contact_id"] == json!(id) && d["kind"] == "erasure");
            assert!(filed, "{id}: {queue}");
        }
        // Exports: one file per record.
        let (s, _, _) = env.page(Method::POST, "/portal/me/export", Some("format=json&lang=en"), Some(&cookie)).await;
        assert_eq!(s, StatusCode::SEE_OTHER);
        let (_, _, me) = env.page(Method::GET, "/portal/me?lang=en", None, Some(&cookie)).await;
        assert_eq!(me.matches("/portal/me/exports/").count(), 2, "{me}");
    })
    .await;
}

#[tokio::test]
async fn holds_and_restrictions_stop_deletion() {
    on_both("deletion", |env| async move {
        let sales = env.token_for(Role::Sales).await;
        let person = |name: &str| json!({"first_name": name, "emails": [format!("{name}@example.com")]});
        // Sales files an erasure request instead of deleting.
        let a = env.id("/contacts", person("anna")).await;
        let v = env.call_as(&sales, Method::DELETE, &format!("/contacts/{a}"), None, StatusCode::ACCEPTED).await;
        assert_eq!(v["status"], "received");
        env.call(Method::GET, &format!("/contacts/{a}"), None, StatusCode::OK).await;
        let again = env.call_as(&sales, Method::DELETE, &format!("/contacts/{a}"), None, StatusCode::ACCEPTED).await;
        assert_eq!(again["request_id"], v["request_id"], "asking again files no second request");
        let queue = env.call(Method::GET, "/dsr", None, StatusCode::OK).await;
        let filed = queue
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["id"] == v["request_id"])
            .expect("the request is in the register");
        assert_eq!(
            (filed["kind"].as_str(), filed["channel"].as_str(), filed["contact_id"].as_str()),
            (Some("erasure"), Some("staff"), Some(a.as_str()))
        );

        // A legal hold stops even the admin, and the answer names it.
        let b = env.id("/contacts", person("bruno")).await;
        let hold = json!({"reason": "evidence in case 42", "review_on": "2030-01-01"});
        env.call(Method::PUT, &format!("/contacts/{b}/legal-hold"), Some(hold), StatusCode::OK).await;
        let e = env.call(Method::DELETE, &format!("/contacts/{b}"), None, StatusCode::CONFLICT).await;
        assert!(e["detail"].as_str().unwrap().contains("legal hold"), "{e}");
        env.call(Method::GET, &format!("/contacts/{b}"), None, StatusCode::OK).await;

        // So does a restriction.
        let c = env.id("/contacts", person("carla")).await;
        env.call(Method::PUT, &format!("/contacts/{c}/restriction"), None, StatusCode::OK).await;
        let e = env.call(Method::DELETE, &format!("/contacts/{c}"), None, StatusCode::CONFLICT).await;
        assert!(e["detail"].as_str().unwrap().contains("restricted"), "{e}");
        env.call(Method::GET, &format!("/contacts/{c}"), None, StatusCode::OK).await;

        // The admin lets sales delete directly: then sales deletes, but not
        // under a hold either. Only sales and support can be given it.
        let e = env
            .call(
                Method::PUT,
                "/settings/direct-deletion",
                Some(json!({"roles": ["marketing"]})),
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await;
        assert!(e.to_string().contains("marketing"), "{e}");
        env.call_as(
            &sales,
            Method::PUT,
            "/settings/direct-deletion",
            Some(json!({"roles": ["sales"]})),
            StatusCode::FORBIDDEN,
        )
        .await;
        let v =
            env.call(Method::PUT, "/settings/direct-deletion", Some(json!({"roles": ["sales"]})), StatusCode::OK).await;
        assert_eq!(v["roles"], json!(["sales"]));
        env.call_as(&sales, Method::DELETE, &format!("/contacts/{b}"), None, StatusCode::CONFLICT).await;
        env.call_as(&sales, Method::DELETE, &format!("/contacts/{a}"), None, StatusCode::NO_CONTENT).await;
        env.call(Method::GET, &format!("/contacts/{a}"), None, StatusCode::NOT_FOUND).await;
    })
    .await;
}

#[tokio::test]
async fn requests_complete_only_when_done_and_dates_stay_in_the_past() {
    on_both("dsr-done", |env| async move {
        let a = env.id("/contacts", json!({"first_name": "Dora", "emails": ["dora@example.com"]})).await;
        // An interaction dated far ahead would postpone retention for ever.
        let e = env
            .call(
                Method::POST,
                &format!("/contacts/{a}/interactions"),
                Some(json!({"kind": "note", "occurred_at": "9999-12-31T00:00:00Z", "body": "later"})),
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await;
        assert!(e.to_string().contains("must not be in the future"), "{e}");
        env.call(
            Method::POST,
            &format!("/contacts/{a}/interactions"),
            Some(json!({"kind": "note", "occurred_at": "2026-01-02T10:00:00Z", "body": "met at the fair"})),
            StatusCode::CREATED,
        )
        .await;

        // Erasure, restriction and withdrawal requests cannot be marked done by hand.
        for kind in ["erasure", "restriction", "withdraw_consent"] {
            let id = env.id("/dsr", json!({"contact_id": a, "kind": kind, "channel": "email"})).await;
            let body = json!({"action": "status", "status": "completed", "reason": "done"});
            let e = env
                .call(Method::POST, &format!("/dsr/{id}/actions"), Some(body), StatusCode::UNPROCESSABLE_ENTITY)
                .await;
            assert!(e.to_string().contains("carrying it out"), "{kind}: {e}");
            let d = env.call(Method::GET, &format!("/dsr/{id}"), None, StatusCode::OK).await;
            assert_eq!(d["request"]["status"].as_str().or(d["status"].as_str()), Some("received"), "{d}");
        }
        env.app.deliver_mail(&kith_app::mailer::Transport::Outbox).await.unwrap();
        let dsr_mails =
            env.app.outbox(&Principal::cli()).await.unwrap().into_iter().filter(|m| m.kind == "dsr").count();
        assert_eq!(dsr_mails, 0, "nobody was told a request was completed");
        // A restriction request, verified and performed, completes with its outcome.
        let id = env.id("/dsr", json!({"contact_id": a, "kind": "restriction", "channel": "email"})).await;
        let body = json!({"action": "verified", "method": "replied from the address on file"});
        env.call(Method::POST, &format!("/dsr/{id}/actions"), Some(body), StatusCode::OK).await;
        env.call(Method::POST, &format!("/dsr/{id}/perform"), None, StatusCode::OK).await;
        let d = env.call(Method::GET, &format!("/dsr/{id}"), None, StatusCode::OK).await;
        assert!(d.to_string().contains("processing restricted"), "{d}");
    })
    .await;
}

#[tokio::test]
async fn undeliverable_addresses_and_multi_line_names_are_refused() {
    on_both("bad-input", |env| async move {
        for (body, field) in [
            (json!({"first_name": "Eve", "emails": ["eve;x@example.com"]}), "emails"),
            (json!({"first_name": "Eve", "emails": ["eve(x@example.com"]}), "emails"),
            (json!({"first_name": "Eve", "emails": ["eve\\x@example.com"]}), "emails"),
            (json!({"first_name": "Eve", "emails": ["eve:x@example.com"]}), "emails"),
            (json!({"first_name": "Eve\r\nBcc: all@example.com"}), "first_name"),
            (json!({"first_name": "Eve", "job_title": "Head\tof sales"}), "job_title"),
            (json!({"last_name": "Smith\u{202E}gnp.exe"}), "last_name"),
        ] {
            let e = env.call(Method::POST, "/contacts", Some(body.clone()), StatusCode::UNPROCESSABLE_ENTITY).await;
            assert!(e.to_string().contains(field), "{body}: {e}");
        }
        let e = env
            .call(
                Method::POST,
                "/companies",
                Some(json!({"name": "ACME\u{202E}gnp"})),
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await;
        assert!(e.to_string().contains("bidirectional"), "{e}");
        let v = env.call(Method::GET, "/contacts", None, StatusCode::OK).await;
        assert!(v["items"].as_array().unwrap().is_empty(), "nothing was created: {v}");
    })
    .await;
}

/// A consent form: a look-alike address creates a new contact of its own
/// (and Alice's record gets no request); Alice's own address in another
/// case at a provider that ignores case mails her stored address.
#[tokio::test]
async fn consent_forms_mail_the_stored_address() {
    on_both("form-lookalike", |env| async move {
        let purpose = env
            .id(
                "/purposes",
                json!({"name": "Newsletter", "description": "News", "default_basis": "consent",
                    "data_categories": ["contact details"]}),
            )
            .await;
        let notice = env
            .id("/notices", json!({"name": "Notice", "language": "en", "body": "We send news. Withdraw at any time."}))
            .await;
        let sub = env
            .id(
                "/subscription-types",
                json!({"name": "News", "description": "Monthly", "purpose_id": purpose, "channels": ["email"]}),
            )
            .await;
        env.id(
            "/forms",
            json!({"slug": "news", "title": "News", "fields": [], "subscription_type_ids": [sub], "notice_id": notice,
                "button": "Subscribe", "language": "en"}),
        )
        .await;
        let alice = env.id("/contacts", json!({"first_name": "Alice", "emails": ["Alice.Victim@GMail.com"]})).await;
        let submit = |typed: &str| form_body(&[("email", typed), ("subscription", sub.as_str())]);
        for typed in ["alice.victim@gmäil.com", "alice.victim@gmail.com"] {
            let (s, _, _) = env.page(Method::POST, "/f/news", Some(&submit(typed)), None).await;
            assert!(s.is_success() || s.is_redirection(), "{typed}: {s}");
        }
        env.app.deliver_mail(&kith_app::mailer::Transport::Outbox).await.unwrap();
        let mut to = Vec::new();
        for m in env.app.outbox(&Principal::cli()).await.unwrap().into_iter().filter(|m| m.kind == "confirm") {
            let (row, mail) = env.app.outbox_message(&Principal::cli(), m.id).await.unwrap();
            to.push((row.subject.to_string(), mail.to));
        }
        to.sort();
        // Alice's mail goes to her stored address; the look-alike's to itself,
        // about another (new) contact.
        assert_eq!(to.len(), 2, "{to:?}");
        assert!(to.contains(&(alice.clone(), "Alice.Victim@GMail.com".to_owned())), "{to:?}");
        assert!(to.iter().any(|(s, a)| s != &alice && a == "alice.victim@gmäil.com"), "{to:?}");
        // Nothing was given for Alice: she was only asked.
        let ledger = env.call(Method::GET, &format!("/contacts/{alice}/consents"), None, StatusCode::OK).await;
        assert!(!ledger.to_string().contains("\"given\""), "{ledger}");
    })
    .await;
}
