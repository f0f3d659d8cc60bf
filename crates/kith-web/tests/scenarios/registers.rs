//! The accountability registers through the API, on SQLite and PostgreSQL:
//! a recipient in a third country is refused without a valid Chapter V
//! mechanism (naming the field) and accepted with one; who may read and
//! change; the record of processing versioned by its digest, as of a day,
//! exported; what an API integration received shown beside what is
//! declared; the access export naming recipients from the register.

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

fn warnings(ropa: &Value) -> Vec<String> {
    ropa["warnings"].as_array().unwrap().iter().map(|w| w["message"].as_str().unwrap().to_owned()).collect()
}

fn processor(name: &str, countries: &[&str], purposes: &[&str]) -> Value {
    json!({"legal_name": name, "role": "processor", "processing_countries": countries, "purpose_ids": purposes})
}

async fn recipients_and_transfers(env: TestApp) {
    let purpose = env
        .id("/purposes", json!({"name": "Newsletter", "description": "Monthly news", "default_basis": "consent"}))
        .await;
    // A third country without a mechanism: refused, naming the field, nothing stored.
    let p = env
        .call(
            Method::POST,
            "/recipients",
            Some(processor("Mailer Inc", &["IE", "US"], &[&purpose])),
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    assert_eq!(fields(&p), ["transfers.US.mechanism"], "{p}");
    assert_eq!(env.call(Method::GET, "/recipients", None, StatusCode::OK).await, json!([]));
    // US adequacy covers only certified organisations.
    let mut body = processor("Mailer Inc", &["IE", "US"], &[&purpose]);
    body["transfers"] = json!([{"country": "US", "mechanism": "adequacy"}]);
    let p = env.call(Method::POST, "/recipients", Some(body.clone()), StatusCode::UNPROCESSABLE_ENTITY).await;
    assert_eq!(fields(&p), ["transfers.US.mechanism"], "{p}");
    // A country Kith does not know, and an adequacy decision that does not exist.
    let mut bad = processor("X", &["XX", "IN"], &[]);
    bad["transfers"] = json!([{"country": "IN", "mechanism": "adequacy"}]);
    let p = env.call(Method::POST, "/recipients", Some(bad), StatusCode::UNPROCESSABLE_ENTITY).await;
    assert_eq!(fields(&p), ["processing_countries[0]"], "{p}");
    body["dpf_certified"] = json!(true);
    body["transfers"][0]["tia_ref"] = json!("TIA-1");
    let mailer = env.call(Method::POST, "/recipients", Some(body), StatusCode::CREATED).await;
    assert!(mailer["transfers"][0]["ground"].as_str().unwrap().contains("2023/1795"), "{mailer}");
    assert_eq!(mailer["purpose_ids"], json!([purpose]));
    assert!(mailer["reminders"].as_array().unwrap().iter().any(|r| r.as_str().unwrap().contains("agreement")));
    let mailer = mailer["id"].as_str().unwrap().to_owned();
    let transfers = env.call(Method::GET, "/transfers", None, StatusCode::OK).await;
    assert_eq!(transfers.as_array().unwrap().len(), 1);
    assert_eq!(transfers[0]["country"], json!("US"));

    // A sub-processor names a processor; not a plain recipient, not itself.
    let other =
        env.id("/recipients", json!({"legal_name": "Bank", "role": "recipient", "processing_countries": ["IT"]})).await;
    let sub = json!({"legal_name": "Cloud", "role": "sub_processor", "processing_countries": ["DE"]});
    let p = env.call(Method::POST, "/recipients", Some(sub.clone()), StatusCode::UNPROCESSABLE_ENTITY).await;
    assert_eq!(fields(&p), ["parent"]);
    let mut sub_of_bank = sub.clone();
    sub_of_bank["parent_id"] = json!(other);
    env.call(Method::POST, "/recipients", Some(sub_of_bank), StatusCode::CONFLICT).await;
    let mut sub_of_mailer = sub;
    sub_of_mailer["parent_id"] = json!(mailer);
    let cloud = env.id("/recipients", sub_of_mailer).await;
    // The processor cannot go while a sub-processor names it.
    env.call(Method::DELETE, &format!("/recipients/{mailer}"), None, StatusCode::CONFLICT).await;
    env.call(Method::DELETE, &format!("/recipients/{cloud}"), None, StatusCode::NO_CONTENT).await;

    // Readonly reads, cannot change; sales cannot read.
    let ro = env.token_for(Role::Readonly).await;
    env.call_as(&ro, Method::GET, "/recipients", None, StatusCode::OK).await;
    env.call_as(&ro, Method::GET, "/ropa", None, StatusCode::OK).await;
    env.call_as(&ro, Method::POST, "/recipients", Some(processor("Y", &["IT"], &[])), StatusCode::FORBIDDEN).await;
    let sales = env.token_for(Role::Sales).await;
    env.call_as(&sales, Method::GET, "/recipients", None, StatusCode::FORBIDDEN).await;
    env.call_as(&sales, Method::GET, "/ropa", None, StatusCode::FORBIDDEN).await;
}

async fn record_of_processing(env: TestApp) {
    let first = env.call(Method::GET, "/ropa", None, StatusCode::OK).await;
    let v1 = first["version"]["version"].as_i64().unwrap();
    // Reading again records nothing new.
    let again = env.call(Method::GET, "/ropa", None, StatusCode::OK).await;
    assert_eq!(again["version"], first["version"]);
    let purpose = env
        .id("/purposes", json!({"name": "Sales", "description": "Selling to customers", "default_basis": "contract"}))
        .await;
    let now = env.call(Method::GET, "/ropa", None, StatusCode::OK).await;
    assert_eq!(now["version"]["version"].as_i64().unwrap(), v1 + 1, "a new purpose is a new version");
    assert_ne!(now["version"]["sha256"], first["version"]["sha256"]);
    let activity = &now["record"]["activities"][0];
    assert_eq!(activity["purpose_id"], json!(purpose));
    assert_eq!(activity["lawful_basis"], json!("contract"));
    assert!(warnings(&now).iter().any(|w| w.contains("data-protection officer")), "{now}");

    // The controller and DPO, configured once.
    let c = json!({"name": "Torrefazione Rossi srl", "address": "Via Roma 1, Torino", "contact": "privacy@rossi.example",
                   "country": "IT", "dpo_name": "Studio Bianchi", "dpo_contact": "dpo@bianchi.example"});
    env.call(Method::PUT, "/ropa/controller", Some(c), StatusCode::OK).await;
    let p = env
        .call(
            Method::PUT,
            "/ropa/controller",
            Some(json!({"name": "", "country": "ZZ"})),
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    assert_eq!(fields(&p), ["country"]);
    let now = env.call(Method::GET, "/ropa", None, StatusCode::OK).await;
    assert_eq!(now["record"]["controller"]["dpo_name"], json!("Studio Bianchi"));
    assert!(!warnings(&now).iter().any(|w| w.contains("data-protection officer")));

    // Versions, newest first, each with its digest; as of a day.
    let versions = env.call(Method::GET, "/ropa/versions", None, StatusCode::OK).await;
    let versions = versions.as_array().unwrap();
    assert!(versions.len() >= 3);
    assert!(versions[0]["version"].as_i64() > versions[1]["version"].as_i64());
    let p = env.call(Method::GET, "/ropa?as_of=2001-01-01", None, StatusCode::UNPROCESSABLE_ENTITY).await;
    assert_eq!(fields(&p), ["as_of"]);
    env.call(Method::GET, "/ropa?as_of=yesterday", None, StatusCode::UNPROCESSABLE_ENTITY).await;
    let today = time::OffsetDateTime::now_utc().date().to_string();
    let as_of = env.call(Method::GET, &format!("/ropa?as_of={today}"), None, StatusCode::OK).await;
    assert_eq!(as_of["version"], now["version"]);

    // Exports.
    let p = env.call(Method::GET, "/ropa/export?format=pdf", None, StatusCode::UNPROCESSABLE_ENTITY).await;
    assert_eq!(fields(&p), ["format"]);
    let json = env.call(Method::GET, "/ropa/export?format=json", None, StatusCode::OK).await;
    assert_eq!(json["controller"]["name"], json!("Torrefazione Rossi srl"));
    let ld = env.call(Method::GET, "/ropa/export?format=jsonld", None, StatusCode::OK).await;
    assert_eq!(ld["dpv:hasProcess"][0]["@type"], json!("dpv:Process"));
    assert_eq!(ld["dpv:hasProcess"][0]["dpv:hasLegalBasis"], json!(["eu-gdpr:A6-1-b"]));
    assert_eq!(ld["dct:identifier"], json!(format!("sha256:{}", now["version"]["sha256"].as_str().unwrap())));

    // Art. 30(2).
    let bad = json!({"controller_name": "", "categories_of_processing": ""});
    let p = env.call(Method::POST, "/ropa/processing-for-others", Some(bad), StatusCode::UNPROCESSABLE_ENTITY).await;
    assert_eq!(fields(&p), ["controller_name", "categories_of_processing"]);
    let entry =
        json!({"controller_name": "Client spa", "categories_of_processing": "newsletter sending on their behalf"});
    let id = env.id("/ropa/processing-for-others", entry).await;
    let ld = env.call(Method::GET, "/ropa/export?format=json", None, StatusCode::OK).await;
    assert_eq!(ld["processing_for_others"][0]["controller_name"], json!("Client spa"));
    env.call(Method::DELETE, &format!("/ropa/processing-for-others/{id}"), None, StatusCode::NO_CONTENT).await;
}

async fn observed_beside_declared(env: TestApp) {
    let purpose = env
        .id("/purposes", json!({"name": "Newsletter", "description": "Monthly news", "default_basis": "consent"}))
        .await;
    let contact = env.id("/contacts", json!({"first_name": "Ada", "emails": ["ada@example.com"]})).await;
    // An integration reads a person's data: declared by no one.
    let (token_id, token) = {
        let t = env.call(Method::POST, "/tokens", Some(json!({"name": "Mail tool sync"})), StatusCode::CREATED).await;
        (t["id"].as_str().unwrap().to_owned(), t["secret"].as_str().unwrap().to_owned())
    };
    env.call_as(&token, Method::GET, &format!("/contacts/{contact}"), None, StatusCode::OK).await;
    let r = env.call(Method::GET, "/ropa", None, StatusCode::OK).await;
    let w = warnings(&r);
    assert!(
        w.iter()
            .any(|w| w.contains("Mail tool sync") && w.contains("1 person") && w.contains("linked to no recipient")),
        "{w:?}"
    );
    let sync = |r: &Value| {
        r["receipts"]
            .as_array()
            .unwrap()
            .iter()
            .find(|x| x["channel"].as_str().unwrap().contains("Mail tool sync"))
            .cloned()
            .unwrap()
    };
    assert_eq!(sync(&r)["count"], json!(1));

    // Linked to a recipient no purpose names: still a warning, a different one.
    let tool = env.id("/recipients", processor("MailTool GmbH", &["DE"], &[])).await;
    env.call(
        Method::PUT,
        &format!("/tokens/{token_id}/recipient"),
        Some(json!({"recipient_id": tool})),
        StatusCode::NO_CONTENT,
    )
    .await;
    let w = warnings(&env.call(Method::GET, "/ropa", None, StatusCode::OK).await);
    assert!(w.iter().any(|w| w.starts_with("MailTool GmbH received personal data of 1 person")), "{w:?}");
    // Declared for the purpose: the difference is gone.
    env.call(
        Method::PUT,
        &format!("/recipients/{tool}"),
        Some(processor("MailTool GmbH", &["DE"], &[&purpose])),
        StatusCode::OK,
    )
    .await;
    let r = env.call(Method::GET, "/ropa", None, StatusCode::OK).await;
    assert!(!warnings(&r).iter().any(|w| w.contains("MailTool GmbH received") || w.contains("Mail tool sync")), "{r}");
    assert_eq!(sync(&r)["recipient_id"], json!(tool));
    // A token that is not there, a recipient that is not there.
    let nil = uuid::Uuid::nil();
    env.call(
        Method::PUT,
        &format!("/tokens/{nil}/recipient"),
        Some(json!({"recipient_id": null})),
        StatusCode::NOT_FOUND,
    )
    .await;
    let p = env
        .call(
            Method::PUT,
            &format!("/tokens/{token_id}/recipient"),
            Some(json!({"recipient_id": nil})),
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    assert_eq!(fields(&p), ["recipient_id"]);

    // The access export names the purpose's recipients from the register.
    let doc = env.call(Method::GET, &format!("/contacts/{contact}/export"), None, StatusCode::OK).await;
    let text = doc.to_string();
    assert!(text.contains("MailTool GmbH (Processor (Art. 28))"), "{text}");
}

#[tokio::test]
async fn recipients_and_transfers_on_both_engines() {
    on_both("recipients", recipients_and_transfers).await;
}

#[tokio::test]
async fn record_of_processing_on_both_engines() {
    on_both("ropa", record_of_processing).await;
}

#[tokio::test]
async fn observed_beside_declared_on_both_engines() {
    on_both("observed", observed_beside_declared).await;
}
