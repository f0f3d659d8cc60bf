//! The public form's double opt-in through the outbox, the preference
//! centre, one-click unsubscribe and unsubscribing from everything.

use super::receipts::{receipt_key, verify_jws};
use super::{
    actions, array, id_of, link_token, newest_confirm_contact, newsletter_kit, page_request, send_owned, signup,
    subscribe_and_confirm, tampered, ConsentApp, PUBLIC_URL,
};
use crate::harness::{form_body, on_both};
use axum::http::{Method, StatusCode};
use serde_json::{json, Value};

/// The public form's double opt-in: an unticked box, the same answer for
/// known and unknown addresses, a link mailed, a GET that changes nothing,
/// a forged link refused, a confirmation that counts once however often it
/// is pressed, consent and basis recorded, a receipt mailed, GPC kept.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn double_opt_in_round_trip_through_the_outbox() {
    on_both("double_opt_in_round_trip_through_the_outbox", |t| async move {
        let env = ConsentApp::new(t);
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
    })
    .await;
}

/// Someone who submits the form twice gets two mails; pressing Confirm in
/// the first one must record their consent (or at least not claim it did).
#[tokio::test]
async fn confirming_the_first_of_two_mails_records_consent() {
    on_both("confirming_the_first_of_two_mails_records_consent", |t| async move {
        let env = ConsentApp::new(t);
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
    })
    .await;
}

/// The preference centre from the receipt's link: unsubscribe from all,
/// subscribe again; one-click unsubscribe from a campaign mail's
/// `List-Unsubscribe` header, idempotent; forged tokens refused.
#[tokio::test]
async fn preference_centre_and_one_click_unsubscribe() {
    on_both("preference_centre_and_one_click_unsubscribe", |t| async move {
        let env = ConsentApp::new(t);
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
    })
    .await;
}

/// "Unsubscribe from all" withdraws on every channel the person had said
/// yes to, not only email; one-click unsubscribe from a mail covers email.
#[tokio::test]
async fn unsubscribe_from_all_covers_every_channel() {
    on_both("unsubscribe_from_all_covers_every_channel", |t| async move {
        let env = ConsentApp::new(t);
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
    })
    .await;
}
