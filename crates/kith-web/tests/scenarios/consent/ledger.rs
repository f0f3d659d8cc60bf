//! The consent ledger through the API: refusals that write nothing,
//! transitions that decide who may be contacted, requests that expire or
//! are refused, and the ledger's hash chain.

use super::{
    actions, ago, array, assert_refused, bulk_basis, link_token, newsletter_kit, rfc3339, subscribe_and_confirm,
    ConsentApp,
};
use crate::harness::on_both;
use axum::http::{Method, StatusCode};
use kith_app::records::Verdict;
use serde_json::{json, Value};
use time::OffsetDateTime;
use uuid::Uuid;

/// Every refusal of `POST /contacts/{id}/consents` and `PUT …/bases` is a
/// 422 problem naming the offending field, and nothing reaches the ledger
/// or the bases. Fields are compared with any leading dot removed: see
/// `proof_refusals_name_the_field_exactly` for the exact spelling.
#[tokio::test]
async fn refusals_are_422_problems_and_write_nothing() {
    on_both("refusals_are_422_problems_and_write_nothing", |t| async move {
        let env = ConsentApp::new(t);
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
    })
    .await;
}

/// The proof rules' refusals name the field as the API documents it
/// (`affirmative_act`, `notice_id`…), like every other validation error.
#[tokio::test]
async fn proof_refusals_name_the_field_exactly() {
    on_both("proof_refusals_name_the_field_exactly", |t| async move {
        let env = ConsentApp::new(t);
        let purpose = env.purpose("Newsletter").await;
        let c = env.contact(json!({"first_name": "Giulia", "emails": ["giulia.bianchi@example.it"]})).await;
        let path = format!("/contacts/{c}/consents");
        let body = json!({"purpose_id": purpose, "action": "given", "channels": ["email"], "method": "paper",
                      "evidence_ref": "scan 12"});
        assert_refused(&env.post(&path, &body).await, &["affirmative_act"]);
        let body = json!({"purpose_id": purpose, "action": "given", "channels": ["email"], "method": "import",
                      "affirmative_act": "signed the paper form"});
        assert_refused(&env.post(&path, &body).await, &["notice_id", "evidence_ref", "at"]);
    })
    .await;
}

/// requested → given → withdrawn with consent as the basis; another basis
/// allows contact without consent until the person withdraws on that
/// channel; consent past its expiry is expired, and `?at=` looks back.
#[tokio::test]
async fn transitions_decide_who_may_be_contacted() {
    on_both("transitions_decide_who_may_be_contacted", |t| async move {
        let env = ConsentApp::new(t);
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
    })
    .await;
}

/// The transitions only time or a client makes: a request nobody answered
/// by its date counts as not responded; an explicit `expired` event ends
/// consent; a `refused` answers a request.
#[tokio::test]
async fn not_responded_expired_and_refused_through_the_api() {
    on_both("not_responded_expired_and_refused_through_the_api", |t| async move {
        let env = ConsentApp::new(t);
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
    })
    .await;
}

/// The ledger's hash chain holds after every kind of write above, and a
/// changed row breaks it.
#[tokio::test]
async fn ledger_chain_is_intact_until_a_row_is_changed() {
    on_both("ledger_chain_is_intact_until_a_row_is_changed", |t| async move {
        let env = ConsentApp::new(t);
        let kit = newsletter_kit(&env).await;
        // A campaign first, so that ledger event 1 is a `requested`.
        let c =
            env.contact(json!({"first_name": "Franco", "emails": ["franco.gatti@example.com"], "tags": ["x"]})).await;
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
    })
    .await;
}
