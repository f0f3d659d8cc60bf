//! DPIAs and staff authorisations, on SQLite and PostgreSQL: the screening
//! Kith proposes and the DPO's decision; a DPIA refused sign-off until its
//! items are there, then signed off and shown outdated with what changed
//! when a recipient in a third country is added to its purpose; staff
//! instructions that hold back a page and a token until acknowledged.

use crate::harness::{on_both, TestApp};
use axum::http::{Method, StatusCode};
use kith_domain::Role;
use serde_json::{json, Value};

fn fields(problem: &Value) -> Vec<String> {
    problem["errors"]
        .as_array()
        .map(|a| a.iter().map(|e| e["field"].as_str().unwrap().to_owned()).collect())
        .unwrap_or_default()
}

async fn dpia(env: TestApp) {
    let purpose = env
        .id(
            "/purposes",
            json!({"name": "Events", "description": "Trade-fair invitations", "default_basis": "legitimate_interests"}),
        )
        .await;
    // Screening: one row per purpose, a decision recorded with its reason.
    let s = env.call(Method::GET, "/dpias/screening", None, StatusCode::OK).await;
    let row = s.as_array().unwrap().iter().find(|r| r["purpose_id"] == json!(purpose)).unwrap().clone();
    assert!(row["findings"].as_array().unwrap().len() >= 4, "{row}");
    assert_eq!(row["decision"], Value::Null);
    let p = env
        .call(
            Method::PUT,
            &format!("/dpias/screening/{purpose}"),
            Some(json!({"required": true, "reason": "short"})),
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    assert_eq!(fields(&p), ["reason"]);
    let decided = env
        .call(
            Method::PUT,
            &format!("/dpias/screening/{purpose}"),
            Some(json!({"required": true, "reason": "new tracking of badge scans at fairs"})),
            StatusCode::OK,
        )
        .await;
    assert_eq!(decided["decision"]["required"], json!(true));

    // A draft with a bad score is refused naming the field.
    let risk = |sev: u8| {
        json!({"source": "staff", "threat": "badge list leaks", "impact": "unwanted contact",
                                "inherent": {"severity": sev, "likelihood": 2}, "residual": {"severity": 1, "likelihood": 1}})
    };
    let bad = json!({"title": "Badge scans", "purpose_ids": [purpose], "risks": [risk(9)]});
    let p = env.call(Method::POST, "/dpias", Some(bad), StatusCode::UNPROCESSABLE_ENTITY).await;
    assert_eq!(fields(&p), ["risks[0].inherent.severity"], "{p}");
    let id = env.id("/dpias", json!({"title": "Badge scans", "purpose_ids": [purpose], "risks": [risk(3)]})).await;
    // Sign-off waits for the Art. 35(7) items, the DPO's advice and the views.
    let p = env.call(Method::POST, &format!("/dpias/{id}/sign-off"), None, StatusCode::UNPROCESSABLE_ENTITY).await;
    assert!(fields(&p).contains(&"description".to_owned()) && fields(&p).contains(&"dpo_opinion".to_owned()), "{p}");
    let full = json!({
        "title": "Badge scans", "purpose_ids": [purpose],
        "description": "Scanning visitors' badges at our stand to send invitations.",
        "necessity": "Only name and company are scanned; kept one year.",
        "risks": [risk(3)],
        "measures": [{"text": "Scanner app without export", "owner": "Marketing lead", "due_on": "2027-01-31", "status": "planned"}],
        "dpo_opinion": "Proceed with the measures.", "opinion_followed": true,
        "views_sought": false, "views": "Not sought: the trade-fair organiser informs visitors.",
        "next_review": "2027-12-01"
    });
    env.call(Method::PUT, &format!("/dpias/{id}"), Some(full), StatusCode::OK).await;
    let signed = env.call(Method::POST, &format!("/dpias/{id}/sign-off"), None, StatusCode::OK).await;
    assert!(signed["sign_off"]["register_version"].as_i64().unwrap() >= 1);
    assert_eq!(signed["outdated"], json!(false));

    // A processor in the US is added to the purpose: the DPIA is outdated and says why.
    let recipient = json!({"legal_name": "ScanCo Inc", "role": "processor", "processing_countries": ["US"], "purpose_ids": [purpose],
                           "transfers": [{"country": "US", "mechanism": "scc", "scc_module": 2}]});
    env.call(Method::POST, "/recipients", Some(recipient), StatusCode::CREATED).await;
    let d = env.call(Method::GET, &format!("/dpias/{id}"), None, StatusCode::OK).await;
    assert_eq!(d["outdated"], json!(true), "{d}");
    let what: Vec<&str> = d["changes"].as_array().unwrap().iter().map(|c| c["what"].as_str().unwrap()).collect();
    assert!(what.iter().any(|w| w.contains("ScanCo Inc")), "{what:?}");

    // Exports, roles.
    let p =
        env.call(Method::GET, &format!("/dpias/{id}/export?format=pdf"), None, StatusCode::UNPROCESSABLE_ENTITY).await;
    assert_eq!(fields(&p), ["format"]);
    let ro = env.token_for(Role::Readonly).await;
    env.call_as(&ro, Method::GET, &format!("/dpias/{id}"), None, StatusCode::OK).await;
    env.call_as(&ro, Method::POST, &format!("/dpias/{id}/sign-off"), None, StatusCode::FORBIDDEN).await;
    let sales = env.token_for(Role::Sales).await;
    env.call_as(&sales, Method::GET, "/dpias", None, StatusCode::FORBIDDEN).await;
}

async fn instructions(env: TestApp) {
    let sales = env.token_for(Role::Sales).await;
    // Nothing published: nobody is held back.
    env.call_as(&sales, Method::GET, "/contacts", None, StatusCode::OK).await;
    let p = env
        .call(Method::POST, "/instructions", Some(json!({"text": "too short"})), StatusCode::UNPROCESSABLE_ENTITY)
        .await;
    assert_eq!(fields(&p), ["text"]);
    let text = "Open personal data only for the task at hand; never export it to private devices.";
    let v = env.call(Method::POST, "/instructions", Some(json!({"text": text})), StatusCode::CREATED).await;
    assert_eq!(v["version"], json!(1));
    env.call_as(&sales, Method::POST, "/instructions", Some(json!({"text": text})), StatusCode::FORBIDDEN).await;
    // The admin who published is held to them too.
    env.call(Method::GET, "/contacts", None, StatusCode::FORBIDDEN).await;
    env.call(Method::POST, "/instructions/acknowledge", Some(json!({"version": 1})), StatusCode::NO_CONTENT).await;

    // The token is held back until its user acknowledges; the instructions stay readable.
    let p = env.call_as(&sales, Method::GET, "/contacts", None, StatusCode::FORBIDDEN).await;
    assert!(p["type"].as_str().unwrap().ends_with("/instructions-not-acknowledged"), "{p}");
    let l = env.call_as(&sales, Method::GET, "/instructions", None, StatusCode::OK).await;
    assert_eq!(l["to_acknowledge"], json!(1));
    env.call_as(&sales, Method::POST, "/instructions/acknowledge", Some(json!({"version": 2})), StatusCode::CONFLICT)
        .await;
    env.call_as(&sales, Method::POST, "/instructions/acknowledge", Some(json!({"version": 1})), StatusCode::NO_CONTENT)
        .await;
    env.call_as(&sales, Method::GET, "/contacts", None, StatusCode::OK).await;

    // Pages too: a signed-in user is sent to the instructions first.
    let b = env.sign_in_as(Role::Marketing).await;
    let r = env.get(&b, "/contacts").await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(r.location(), "/account/instructions");
    assert_eq!(env.get(&b, "/account").await.status, StatusCode::OK);

    // Training, and the register.
    let reg = env.call(Method::GET, "/staff-authorisations", None, StatusCode::OK).await;
    let user =
        reg["staff"].as_array().unwrap().iter().find(|u| u["role"] == json!("sales")).unwrap()["user_id"].clone();
    let user = user.as_str().unwrap();
    let bad = json!({"course": "GDPR basics", "completed_on": "2026-01-10", "expires_on": "2025-01-10"});
    let p = env
        .call(
            Method::POST,
            &format!("/staff-authorisations/{user}/training"),
            Some(bad),
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    assert_eq!(fields(&p), ["expires_on"], "{p}");
    let ok = json!({"course": "GDPR basics", "completed_on": "2026-01-10", "expires_on": "2028-01-10"});
    env.call(Method::POST, &format!("/staff-authorisations/{user}/training"), Some(ok), StatusCode::CREATED).await;
    let reg = env.call(Method::GET, "/staff-authorisations", None, StatusCode::OK).await;
    let row = reg["staff"].as_array().unwrap().iter().find(|u| u["user_id"].as_str() == Some(user)).unwrap().clone();
    assert_eq!(row["acknowledged_version"], json!(1), "{row}");
    assert_eq!(row["trainings"].as_array().unwrap().len(), 1);
    let ro = env.token_for(Role::Readonly).await;
    // Readonly reads the register once they acknowledged too.
    env.call_as(&ro, Method::POST, "/instructions/acknowledge", Some(json!({"version": 1})), StatusCode::NO_CONTENT)
        .await;
    env.call_as(&ro, Method::GET, "/staff-authorisations", None, StatusCode::OK).await;
    env.call_as(&sales, Method::GET, "/staff-authorisations", None, StatusCode::FORBIDDEN).await;
}

#[tokio::test]
async fn dpia_on_both_engines() {
    on_both("dpia", dpia).await;
}

#[tokio::test]
async fn staff_instructions_on_both_engines() {
    on_both("instructions", instructions).await;
}
