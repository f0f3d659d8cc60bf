//! The field policy through the API, on SQLite and PostgreSQL: values for
//! fields it does not allow are refused on every write path, naming the
//! field and the policy; a field no purpose needs cannot be enabled; a
//! special category needs a written reason; removing a field counts its
//! holders, then purges the values (the purge is audited without them);
//! each change is a version, and each contact records the version its
//! fields were written under.

use crate::harness::{on_both, TestApp};
use axum::http::{Method, StatusCode};
use kith_app::Principal;
use serde_json::{json, Value};
use uuid::Uuid;

fn fields(problem: &Value) -> Vec<String> {
    problem["errors"]
        .as_array()
        .map(|a| a.iter().map(|e| e["field"].as_str().unwrap().to_owned()).collect())
        .unwrap_or_default()
}

async fn scenario(env: TestApp) {
    let start = env.call(Method::GET, "/field-policy", None, StatusCode::OK).await;
    assert_eq!(start["version"], json!(1));
    assert_eq!(start["fields"].as_array().unwrap().len(), 7, "the built-in fields: {start}");
    let purpose = env
        .call(
            Method::POST,
            "/purposes",
            Some(json!({"name": "Events", "description": "Our events", "default_basis": "consent"})),
            StatusCode::CREATED,
        )
        .await["id"]
        .as_str()
        .unwrap()
        .to_owned();

    // A custom field no purpose needs cannot be enabled.
    let r = env
        .call(
            Method::PUT,
            "/field-policy/fields/custom.diet",
            Some(json!({"label": "Diet", "kind": "choice", "category": "preferences", "choices": ["vegetarian", "vegan", "none"], "enabled": true})),
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    assert_eq!(fields(&r), ["purposes"], "{r}");
    // A special category needs its written reason.
    let allergies = json!({"label": "Allergies", "kind": "text", "category": "other", "purpose_ids": [purpose],
                           "special_category": "health", "enabled": true});
    let r = env
        .call(
            Method::PUT,
            "/field-policy/fields/custom.allergies",
            Some(allergies.clone()),
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    assert_eq!(fields(&r), ["special_reason"], "{r}");
    let mut with_reason = allergies.clone();
    with_reason["special_reason"] = json!("Catering at our events must avoid what guests are allergic to.");
    env.call(Method::PUT, "/field-policy/fields/custom.allergies", Some(with_reason), StatusCode::OK).await;
    let p = env
        .call(
            Method::PUT,
            "/field-policy/fields/custom.diet",
            Some(json!({"label": "Diet", "kind": "choice", "category": "preferences", "choices": ["vegetarian", "vegan", "none"],
                        "purpose_ids": [purpose], "enabled": true})),
            StatusCode::OK,
        )
        .await;
    assert_eq!(p["version"], json!(3));

    // Writes: allowed values pass (normalised), others are refused by name.
    let c = env
        .call(
            Method::POST,
            "/contacts",
            Some(json!({"first_name": "Ada", "emails": ["ada@example.it"], "custom": {"diet": "vegan", "allergies": "peanuts"}})),
            StatusCode::CREATED,
        )
        .await;
    let id = c["id"].as_str().unwrap().to_owned();
    assert_eq!(c["custom"], json!({"allergies": "peanuts", "diet": "vegan"}), "{c}");
    // A role that does not see special categories cannot write one either, not even on creation.
    let sales = Principal {
        user: kith_domain::UserId(Uuid::nil()),
        role: kith_domain::Role::Sales,
        request_id: "policy-test".into(),
        token: None,
    };
    let mut data = kith_domain::ContactData { first_name: Some("Dora".into()), ..Default::default() };
    data.custom.insert("allergies".into(), "shellfish".into());
    let new = kith_app::contacts::NewContact { owner: None, company: None, tags: vec![], data, source: None };
    match env.app.create_contact(&sales, new, None).await {
        Err(kith_app::AppError::Invalid(inv)) => assert_eq!(inv.0[0].field, "custom.allergies", "{inv:?}"),
        other => panic!("a special category written by sales: {:?}", other.map(|c| c.id)),
    }
    assert_eq!(c["policy_version"], json!(3), "written under the policy of the moment: {c}");
    let r = env
        .call(
            Method::POST,
            "/contacts",
            Some(json!({"first_name": "Bea", "custom": {"religion": "x"}})),
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    assert_eq!(fields(&r), ["custom.religion"], "{r}");
    assert!(r.to_string().contains("field policy (version 3)"), "{r}");
    let r = env
        .call(
            Method::PATCH,
            &format!("/contacts/{id}"),
            Some(json!({"custom": {"diet": "carnivore"}})),
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    assert_eq!(fields(&r), ["custom.diet"], "{r}");
    env.call(Method::PATCH, &format!("/contacts/{id}"), Some(json!({"job_title": "Engineer"})), StatusCode::OK).await;
    let audit = env.call(Method::GET, &format!("/audit?subject={id}"), None, StatusCode::OK).await;
    let edit_seq =
        audit["items"].as_array().unwrap().iter().rev().find(|e| e["action"] == json!("contact.update")).unwrap()
            ["seq"]
            .as_i64()
            .unwrap();
    let changes = env.call(Method::GET, &format!("/audit/{edit_seq}/changes"), None, StatusCode::OK).await;
    assert!(changes.to_string().contains("Engineer"), "{changes}");
    let other = env
        .call(
            Method::POST,
            "/contacts",
            Some(json!({"first_name": "Cleo", "job_title": "Chef", "custom": {"diet": "none"}})),
            StatusCode::CREATED,
        )
        .await["id"]
        .as_str()
        .unwrap()
        .to_owned();

    // Disabling by saving is refused: removal counts, then purges.
    let r = env
        .call(
            Method::PUT,
            "/field-policy/fields/job_title",
            Some(json!({"label": "Job title", "category": "professional", "purpose_ids": [purpose], "enabled": false})),
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    assert_eq!(fields(&r), ["enabled"], "{r}");
    let count = env.call(Method::POST, "/field-policy/fields/job_title/remove", Some(json!({})), StatusCode::OK).await;
    assert_eq!(count, json!({"holders": 2, "purged": 0, "version": null}));
    let done = env
        .call(Method::POST, "/field-policy/fields/job_title/remove", Some(json!({"confirm": true})), StatusCode::OK)
        .await;
    assert_eq!(
        (done["holders"].as_u64(), done["purged"].as_u64(), done["version"].as_i64()),
        (Some(2), Some(2), Some(4)),
        "{done}"
    );
    for c in [&id, &other] {
        let v = env.call(Method::GET, &format!("/contacts/{c}"), None, StatusCode::OK).await;
        assert!(v.get("job_title").is_none(), "purged: {v}");
    }
    // The purge is audited, and keeps no before/after of the value.
    let audit = env.call(Method::GET, &format!("/audit?subject={id}"), None, StatusCode::OK).await;
    let purge = audit["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["action"] == json!("contact.field_purge"))
        .expect("purge entry")
        .clone();
    let seq = purge["seq"].as_i64().unwrap();
    env.call(Method::GET, &format!("/audit/{seq}/changes"), None, StatusCode::NOT_FOUND).await;
    // …and the earlier edit's details no longer hold the purged value.
    env.call(Method::GET, &format!("/audit/{edit_seq}/changes"), None, StatusCode::NOT_FOUND).await;
    // From now on the field is refused.
    let r = env
        .call(
            Method::PATCH,
            &format!("/contacts/{id}"),
            Some(json!({"job_title": "CTO"})),
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    assert_eq!(fields(&r), ["job_title"], "{r}");
    // A public form may not ask for a field the policy does not allow.
    let versions = env.call(Method::GET, "/field-policy/versions", None, StatusCode::OK).await;
    assert_eq!(versions.as_array().unwrap().len(), 4);
    assert!(versions[0]["change"].as_str().unwrap().contains("removed job_title"), "{versions}");
    assert!(versions[2]["change"].as_str().unwrap().contains("special category: health"), "{versions}");
    // Imports: a custom column mapped by name, its dates normalised (a
    // spreadsheet serial, a European date); a row filling a field the
    // policy does not allow is rejected, naming the field.
    env.call(
        Method::PUT,
        "/field-policy/fields/custom.member_since",
        Some(json!({"label": "Member since", "kind": "date", "category": "other", "purpose_ids": [purpose], "enabled": true})),
        StatusCode::OK,
    )
    .await;
    let csv = "First Name,Email,Member Since,Job Title\nGina,gina@example.it,45322,\nHugo,hugo@example.it,31/01/2020,\nIvo,ivo@example.it,,Chef\n";
    let opts = kith_app::import::ImportOptions {
        file_name: "members.csv".into(),
        mapping: vec![("Member Since".into(), kith_app::import::Target::parse("custom.member_since"))],
        ..Default::default()
    };
    let mut outcomes = Vec::new();
    let report = env
        .app
        .import_contacts(&Principal::cli(), csv.as_bytes(), &opts, |line, o| outcomes.push((line, format!("{o:?}"))))
        .await
        .unwrap();
    assert_eq!((report.created, report.rejected), (2, 1), "{outcomes:?}");
    assert!(
        outcomes.iter().any(|(l, o)| *l == 4 && o.contains("job_title") && o.contains("field policy")),
        "{outcomes:?}"
    );
    let found = env.call(Method::POST, "/contacts/search", Some(json!({"q": "gina@example.it"})), StatusCode::OK).await;
    assert_eq!(found["items"][0]["custom"]["member_since"], json!("2024-01-31"), "{found}");
    let found = env.call(Method::POST, "/contacts/search", Some(json!({"q": "hugo@example.it"})), StatusCode::OK).await;
    assert_eq!(found["items"][0]["custom"]["member_since"], json!("2020-01-31"), "{found}");
    // Each contact records the version its fields were written under.
    let store = env.app.store();
    assert_eq!(
        store.contact_policy_version(kith_domain::SubjectId(id.parse::<Uuid>().unwrap())).await.unwrap(),
        Some(4)
    );
    // …and the API shows it.
    let got = env.call(Method::GET, &format!("/contacts/{id}"), None, StatusCode::OK).await;
    assert_eq!(got["policy_version"], json!(4), "{got}");
}

#[tokio::test]
async fn field_policy_on_both_engines() {
    on_both("policy", scenario).await;
}
