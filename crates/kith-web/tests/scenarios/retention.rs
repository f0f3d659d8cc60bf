//! Retention through the API, on SQLite and PostgreSQL: a purpose's rule
//! expires people whose data no purpose justifies any more; the dry run
//! lists them and changes nothing; the real run disposes of them through
//! the Art. 17 erasure (anonymising where the rule says so), honours legal
//! holds and restrictions, keeps anyone another purpose still justifies,
//! and a second run does nothing twice. Only one run at a time.

use crate::harness::{on_both, TestApp};
use axum::http::{Method, StatusCode};
use serde_json::json;
use uuid::Uuid;

async fn contact(env: &TestApp, name: &str) -> String {
    env.id("/contacts", json!({"first_name": name, "emails": [format!("{}@example.it", name.to_lowercase())]})).await
}

async fn exists(env: &TestApp, id: &str) -> bool {
    env.app.store().get_contact(kith_domain::SubjectId(id.parse().unwrap())).await.unwrap().is_some()
}

fn ago(days: i64) -> String {
    (time::OffsetDateTime::now_utc() - time::Duration::days(days))
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap()
}

async fn scenario(env: TestApp) {
    // Newsletter: 30 days after consent is withdrawn, delete.
    let news = env
        .id(
            "/purposes",
            json!({"name": "Newsletter", "description": "News", "default_basis": "consent",
                   "retention_rule": {"anchor": "consent_withdrawn", "period": 30, "unit": "days", "disposal": "delete"}}),
        )
        .await;
    // Customer service: 1 year after the contract ends, anonymise.
    let service = env
        .id(
            "/purposes",
            json!({"name": "Customer service", "description": "Support", "default_basis": "contract",
                   "retention_rule": {"anchor": "contract_end", "period": 1, "unit": "years", "disposal": "anonymise"}}),
        )
        .await;
    let p = env.call(Method::GET, &format!("/purposes/{news}"), None, StatusCode::OK).await;
    assert_eq!(
        p["retention_rule"]["description"],
        json!("30 days after the withdrawal of consent, then delete"),
        "{p}"
    );
    // A rule that is not one is refused, naming the field.
    let bad = env
        .call(
            Method::POST,
            "/purposes",
            Some(json!({"name": "Bad", "description": "x", "default_basis": "consent",
                        "retention_rule": {"anchor": "whenever", "period": 0, "unit": "days", "disposal": "delete"}})),
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    let fields: Vec<&str> = bad["errors"].as_array().unwrap().iter().map(|e| e["field"].as_str().unwrap()).collect();
    assert!(fields.contains(&"retention_rule.retention_anchor"), "{bad}");
    // A period of 0 is "at once": the first sweep after the anchor disposes.
    let at_once = env
        .id(
            "/purposes",
            json!({"name": "Event invitations", "description": "Invitations", "default_basis": "consent",
                   "retention_rule": {"anchor": "consent_withdrawn", "period": 0, "unit": "days", "disposal": "delete"}}),
        )
        .await;
    let p = env.call(Method::GET, &format!("/purposes/{at_once}"), None, StatusCode::OK).await;
    assert_eq!(
        p["retention_rule"]["description"],
        json!("at once after the withdrawal of consent, then delete"),
        "{p}"
    );
    let negative = env
        .call(
            Method::POST,
            "/purposes",
            Some(json!({"name": "Bad", "description": "x", "default_basis": "consent",
                        "retention_rule": {"anchor": "created", "period": -1, "unit": "days", "disposal": "delete"}})),
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    assert!(negative.to_string().contains("from 0 (at once) to 36525"), "{negative}");
    // Not after creation: everyone would go as soon as they are added.
    let from_creation = env
        .call(
            Method::POST,
            "/purposes",
            Some(json!({"name": "Bad", "description": "x", "default_basis": "consent",
                        "retention_rule": {"anchor": "created", "period": 0, "unit": "days", "disposal": "delete"}})),
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    assert!(from_creation.to_string().contains("must be at least 1 after creation"), "{from_creation}");

    let notice = env.id("/notices", json!({"name": "N", "language": "en", "body": "text"})).await;
    let withdrew = |c: &str, days: i64| {
        let c = c.to_owned();
        let (news, notice) = (news.clone(), notice.clone());
        async move {
            (
                c.clone(),
                json!({"purpose_id": news, "action": "given", "channels": ["email"], "method": "paper", "at": ago(days + 100),
                       "notice_id": notice, "evidence_ref": "card 7", "affirmative_act": "signed the card"}),
                json!({"purpose_id": news, "action": "withdrawn", "channels": ["email"], "method": "paper", "at": ago(days), "evidence_ref": "letter 8"}),
            )
        }
    };
    // Gone: withdrew 60 days ago.
    let gone = contact(&env, "Alda").await;
    // Recent: withdrew 10 days ago: 20 days left.
    let recent = contact(&env, "Bice").await;
    // Held: withdrew 60 days ago, but under a legal hold.
    let held = contact(&env, "Carla").await;
    // Both: withdrew 60 days ago, but their contract runs (no end date).
    let both = contact(&env, "Dario").await;
    // Former customer: contract ended 2 years ago: anonymised.
    let former = contact(&env, "Elio").await;
    // Nobody: no purpose applies.
    let nobody = contact(&env, "Fede").await;
    for (c, days) in [(&gone, 60), (&recent, 10), (&held, 60), (&both, 60)] {
        let (c, given, withdrawn) = withdrew(c, days).await;
        env.call(Method::POST, &format!("/contacts/{c}/consents"), Some(given), StatusCode::CREATED).await;
        env.call(Method::POST, &format!("/contacts/{c}/consents"), Some(withdrawn), StatusCode::CREATED).await;
    }
    env.call(
        Method::PUT,
        &format!("/contacts/{both}/bases"),
        Some(json!({"purpose_id": service, "basis": "contract", "source": "manual"})),
        StatusCode::NO_CONTENT,
    )
    .await;
    env.call(
        Method::PUT,
        &format!("/contacts/{former}/bases"),
        Some(json!({"purpose_id": service, "basis": "contract", "source": "manual", "effective_at": ago(1000), "ends_at": ago(730)})),
        StatusCode::NO_CONTENT,
    )
    .await;
    env.call(
        Method::POST,
        &format!("/contacts/{former}/interactions"),
        Some(json!({"kind": "call", "body": "renewal talk"})),
        StatusCode::CREATED,
    )
    .await;
    let review_on = (time::OffsetDateTime::now_utc() + time::Duration::days(90)).date().to_string();
    let h = env
        .call(
            Method::PUT,
            &format!("/contacts/{held}/legal-hold"),
            Some(json!({"reason": "evidence in case 2026-114", "review_on": review_on})),
            StatusCode::OK,
        )
        .await;
    assert_eq!(h["status"], json!("suspended"), "{h}");
    assert_eq!(h["legal_hold"]["reason"], json!("evidence in case 2026-114"));
    // A hold in the past is refused.
    env.call(
        Method::PUT,
        &format!("/contacts/{held}/legal-hold"),
        Some(json!({"reason": "x", "review_on": "2020-01-01"})),
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await;

    // What staff see on each contact.
    let r = env.call(Method::GET, &format!("/contacts/{recent}/retention"), None, StatusCode::OK).await;
    assert_eq!((r["status"].as_str(), r["purpose"].as_str()), (Some("keep"), Some("Newsletter")), "{r}");
    assert!(r["explanation"].as_str().unwrap().starts_with("Expires on "), "{r}");
    let r = env.call(Method::GET, &format!("/contacts/{gone}/retention"), None, StatusCode::OK).await;
    assert_eq!(r["status"], json!("expired"), "{r}");
    let r = env.call(Method::GET, &format!("/contacts/{both}/retention"), None, StatusCode::OK).await;
    assert_eq!((r["status"].as_str(), r["expires_at"].as_str()), (Some("keep"), None), "{r}");
    let r = env.call(Method::GET, &format!("/contacts/{nobody}/retention"), None, StatusCode::OK).await;
    assert_eq!(r["status"], json!("no_purpose"), "{r}");

    // The dry run lists who would go and why, and changes nothing.
    let dry = env.call(Method::POST, "/retention/runs", Some(json!({"dry_run": true})), StatusCode::OK).await;
    let listed: Vec<&str> =
        dry["would_go"].as_array().unwrap().iter().map(|p| p["contact_id"].as_str().unwrap()).collect();
    let mut want = vec![gone.as_str(), former.as_str()];
    want.sort();
    let mut got = listed.clone();
    got.sort();
    assert_eq!(got, want, "{dry}");
    assert_eq!(dry["rules"][&news]["count"], json!(1));
    assert_eq!(dry["rules"][&service]["count"], json!(1));
    assert_eq!(dry["rules"][&service]["disposal"], json!("anonymise"));
    assert_eq!((dry["suspended"].as_u64(), dry["no_purpose"].as_u64()), (Some(1), Some(1)), "{dry}");
    assert_eq!(dry["checked"], json!(6));
    assert!(exists(&env, &gone).await && exists(&env, &former).await);

    // The real run: the two go, through the Art. 17 erasure.
    let run = env.call(Method::POST, "/retention/runs", Some(json!({})), StatusCode::OK).await;
    assert_eq!(run["dry_run"], json!(false));
    assert!(run["finished_at"].is_string(), "{run}");
    assert_eq!((run["rules"][&news]["count"].as_u64(), run["rules"][&service]["count"].as_u64()), (Some(1), Some(1)));
    assert!(!exists(&env, &gone).await && !exists(&env, &former).await);
    for c in [&recent, &held, &both, &nobody] {
        assert!(exists(&env, c).await, "{c} must be kept");
    }
    env.call(Method::GET, &format!("/contacts/{gone}"), None, StatusCode::NOT_FOUND).await;
    // Processors hear of both erasures.
    let events = env.call(Method::GET, "/processor-events", None, StatusCode::OK).await;
    let erased: Vec<&str> = events
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["kind"] == json!("subject.erased"))
        .map(|e| e["contact_id"].as_str().unwrap())
        .collect();
    assert!(erased.contains(&gone.as_str()) && erased.contains(&former.as_str()), "{events}");
    // The anonymised one left counts and months only.
    let anon = env.store.anonymised_records(10).await.unwrap();
    assert_eq!(anon.len(), 1, "only the anonymised person leaves a record");
    assert_eq!((anon[0].interactions, anon[0].source_kind.as_str()), (1, "api"));
    assert_eq!(anon[0].created_month.len(), 7, "a month, not a day");
    // The audit trail names the disposal, not the person.
    let audit = env.call(Method::GET, &format!("/audit?subject={gone}"), None, StatusCode::OK).await;
    assert!(audit.to_string().contains("retention.delete"), "{audit}");

    // Running again does nothing twice.
    let again = env.call(Method::POST, "/retention/runs", Some(json!({})), StatusCode::OK).await;
    assert_eq!(again["rules"], json!({}), "{again}");
    assert_eq!(again["checked"], json!(4));

    // An erasure request names the hold as an exception (Art. 17(3)(e)).
    let ex = env.call(Method::GET, &format!("/contacts/{held}/erasure-exceptions"), None, StatusCode::OK).await;
    assert!(ex.to_string().contains("legal hold"), "{ex}");
    // Releasing the hold lets the next run dispose of the held person.
    let r = env.call(Method::POST, &format!("/contacts/{held}/legal-hold/release"), None, StatusCode::OK).await;
    assert_eq!(r["status"], json!("expired"));
    // A restriction (Art. 18) suspends it too.
    env.call(Method::PUT, &format!("/contacts/{held}/restriction"), None, StatusCode::OK).await;
    let r = env.call(Method::GET, &format!("/contacts/{held}/retention"), None, StatusCode::OK).await;
    assert_eq!(r["status"], json!("suspended"), "{r}");
    env.call(Method::POST, &format!("/contacts/{held}/restriction/lift"), None, StatusCode::OK).await;
    env.call(Method::POST, "/retention/runs", Some(json!({})), StatusCode::OK).await;
    assert!(!exists(&env, &held).await);

    // One run at a time: a held lease makes another run a 409.
    assert!(env.store.try_lease("retention", Uuid::now_v7(), 60_000).await.unwrap());
    env.call(Method::POST, "/retention/runs", Some(json!({"dry_run": true})), StatusCode::CONFLICT).await;
    let runs = env.call(Method::GET, "/retention/runs", None, StatusCode::OK).await;
    assert_eq!(runs.as_array().unwrap().len(), 4, "{runs}");

    // Reviews: a fresh contact is not due; marking reviewed is recorded.
    let r = env.call(Method::POST, &format!("/contacts/{nobody}/reviewed"), None, StatusCode::OK).await;
    assert!(r["reviewed_at"].is_string() && r["review_due_at"].is_string(), "{r}");
    assert_eq!(env.call(Method::GET, "/reviews", None, StatusCode::OK).await, json!([]));
}

#[tokio::test]
async fn retention_on_both_engines() {
    on_both("retention", scenario).await;
}
