//! Campaigns, the compliance summary and bases set in bulk.

use super::{array, assert_refused, bulk_basis, link_token, ConsentApp};
use crate::harness::on_both;
use axum::http::{Method, StatusCode};
use serde_json::{json, Value};
use time::OffsetDateTime;
use uuid::Uuid;

/// A campaign asks every selected contact with an email, counts the rest
/// as skipped, and the summary shows them awaiting; a bulk basis previews
/// its count without writing, then writes.
#[tokio::test]
async fn campaign_summary_and_bulk_basis() {
    on_both("campaign_summary_and_bulk_basis", |t| async move {
        let env = ConsentApp::new(t);
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
    })
    .await;
}
