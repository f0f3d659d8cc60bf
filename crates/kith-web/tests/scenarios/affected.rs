//! The people a breach affects through the API, on SQLite and PostgreSQL:
//! a preview (count, breakdown, authorities, first ids), a freeze recorded
//! with its hash and people, who accessed (the audit trail), 404 for an
//! unknown breach, 422 naming the field, 403 for sales.

use crate::harness::{on_both, TestApp};
use axum::http::{Method, StatusCode};
use kith_domain::Role;
use serde_json::{json, Value};
use uuid::Uuid;

fn fields(problem: &Value) -> Vec<String> {
    problem["errors"]
        .as_array()
        .map(|a| a.iter().map(|e| e["field"].as_str().unwrap().to_owned()).collect())
        .unwrap_or_default()
}

/// A breach recorded through the register's API.
async fn new_breach(env: &TestApp) -> Uuid {
    let b = env
        .call(
            Method::POST,
            "/breaches",
            Some(json!({"reference": format!("BR-{}", Uuid::now_v7().simple()), "title": "Lost laptop", "nature": ["confidentiality"]})),
            StatusCode::CREATED,
        )
        .await;
    b["id"].as_str().unwrap().parse().unwrap()
}

async fn contact(env: &TestApp, first: &str, country: &str) -> String {
    env.id("/contacts", json!({"first_name": first, "emails": [format!("{}@example.it", first.to_lowercase())], "address": {"country": country}}))
        .await
}

async fn preview_and_freeze(env: TestApp) {
    let breach = new_breach(&env).await;
    let path = format!("/breaches/{breach}/affected");
    let (a, b, c) =
        (contact(&env, "Ada", "IT").await, contact(&env, "Bruno", "FR").await, contact(&env, "Carla", "US").await);

    // A preview of everyone, with no controller country: each EEA country's authority.
    let all = env.call(Method::POST, &path, Some(json!({})), StatusCode::OK).await;
    assert_eq!(all["people"], json!(3), "{all}");
    assert_eq!(all["first"].as_array().unwrap().len(), 3);
    assert!(all["frozen"].is_null());
    let countries: Vec<&str> =
        all["authorities"].as_array().unwrap().iter().map(|x| x["country"].as_str().unwrap()).collect();
    assert_eq!(countries.len(), 2);
    assert!(countries.contains(&"IT") && countries.contains(&"FR"), "{all}");
    let contact_cat = all["by_category"].as_array().unwrap().iter().find(|x| x["category"] == "contact").unwrap();
    assert_eq!(contact_cat["people"], json!(3));
    // Nothing was written: no frozen query.
    assert_eq!(env.call(Method::GET, &path, None, StatusCode::OK).await, json!([]));

    // An Italian controller: the Garante leads; forced, the others follow.
    let ctl = json!({"name": "Torrefazione Rossi srl", "country": "IT"});
    env.call(Method::PUT, "/ropa/controller", Some(ctl), StatusCode::OK).await;
    let it = env.call(Method::POST, &path, Some(json!({"countries": ["IT", "FR"]})), StatusCode::OK).await;
    assert_eq!(it["people"], json!(2));
    assert_eq!(it["authorities"].as_array().unwrap().len(), 1, "{it}");
    assert_eq!(it["authorities"][0]["name"], json!("Garante per la protezione dei dati personali"));
    assert_eq!(it["authorities"][0]["lead"], json!(true));
    let forced = env
        .call(Method::POST, &path, Some(json!({"countries": ["IT", "FR"], "per_country": true})), StatusCode::OK)
        .await;
    assert_eq!(forced["authorities"].as_array().unwrap().len(), 2);

    // Who accessed: a DPO opens Bruno's record today.
    let (dpo_id, _) = env.add_user(Role::Dpo).await;
    let dpo = env.app.create_token(&kith_app::Principal::cli(), dpo_id, "dpo").await.unwrap().1;
    env.call_as(&dpo, Method::GET, &format!("/contacts/{b}"), None, StatusCode::OK).await;
    let window = json!({"from": "2000-01-01", "to": "2999-01-01", "actor": dpo_id.to_string()});
    let seen = env.call(Method::POST, &path, Some(window.clone()), StatusCode::OK).await;
    assert_eq!(seen["people"], json!(1), "{seen}");
    assert_eq!(seen["first"], json!([b]));

    // Freeze: 201, recorded with its hash; the people form the Art. 34 list.
    let mut body = json!({"countries": ["IT", "FR"], "freeze": true});
    let frozen = env.call_as(&dpo, Method::POST, &path, Some(body.clone()), StatusCode::CREATED).await;
    assert_eq!(frozen["frozen"]["people"], json!(2), "{frozen}");
    assert_eq!(frozen["frozen"]["result_hash"].as_str().unwrap().len(), 64);
    assert_eq!(frozen["frozen"]["query"]["countries"], json!(["IT", "FR"]));
    assert_eq!(frozen["frozen"]["breakdown"]["authorities"][0]["authority"]["country"], json!("IT"));
    let mut expected = vec![a.clone(), b.clone()];
    expected.sort();
    let listed = env.call(Method::GET, &format!("{path}/people"), None, StatusCode::OK).await;
    assert_eq!(listed, json!(expected));
    let history = env.call(Method::GET, &path, None, StatusCode::OK).await;
    assert_eq!(history.as_array().unwrap().len(), 1);
    assert!(env
        .audit()
        .await
        .iter()
        .any(|e| e["action"] == "breach.affected" && e["object_id"] == json!(breach.to_string())));
    // Erasing Ada unlinks her; the frozen count stays.
    env.call(Method::DELETE, &format!("/contacts/{a}"), None, StatusCode::NO_CONTENT).await;
    let listed = env.call(Method::GET, &format!("{path}/people"), None, StatusCode::OK).await;
    assert_eq!(listed, json!([b]));
    assert_eq!(env.call(Method::GET, &path, None, StatusCode::OK).await[0]["people"], json!(2));
    assert!(!listed.as_array().unwrap().contains(&json!(c)), "the US contact was not in the query");

    // An unknown breach: 404 problem.
    let p = env
        .call(Method::POST, &format!("/breaches/{}/affected", Uuid::now_v7()), Some(json!({})), StatusCode::NOT_FOUND)
        .await;
    assert!(p["title"].is_string() || p["detail"].is_string(), "{p}");
    // Invalid input: 422 naming each field.
    let bad = json!({"from": "2026-12-02", "to": "2026-12-01", "categories": ["gossip"], "countries": ["ZZ"]});
    let p = env.call(Method::POST, &path, Some(bad), StatusCode::UNPROCESSABLE_ENTITY).await;
    assert_eq!(fields(&p), ["to", "categories", "countries"], "{p}");
    let ghost = json!({"from": "2026-12-01", "to": "2026-12-02", "actor": Uuid::now_v7().to_string()});
    let p = env.call(Method::POST, &path, Some(ghost), StatusCode::UNPROCESSABLE_ENTITY).await;
    assert_eq!(fields(&p), ["actor"]);
    body["limit"] = json!(5000);
    let p = env.call(Method::POST, &path, Some(body), StatusCode::UNPROCESSABLE_ENTITY).await;
    assert_eq!(fields(&p), ["limit"]);
    // Sales may not.
    let sales = env.token_for(Role::Sales).await;
    env.call_as(&sales, Method::POST, &path, Some(json!({})), StatusCode::FORBIDDEN).await;
    env.call_as(&sales, Method::GET, &path, None, StatusCode::FORBIDDEN).await;
}

#[tokio::test]
async fn affected_people_preview_freeze_and_refusals_on_both_engines() {
    on_both("affected", preview_and_freeze).await;
}

async fn the_page(env: TestApp) {
    let breach = new_breach(&env).await;
    let path = format!("/privacy/breaches/{breach}/affected");
    let ada = contact(&env, "Ada", "IT").await;
    contact(&env, "Bruno", "FR").await;
    let dpo = env.sign_in_as(Role::Dpo).await;
    let r = env.get(&dpo, &path).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("No query is frozen yet"));
    // A preview: the count, the breakdown, the first people by name.
    let r = env.post(&dpo, &path, &[("countries", "IT"), ("categories", "identity")]).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert!(r.body.contains("Result: 1 person"), "{}", r.body);
    assert!(r.body.contains(&format!("/contacts/{ada}")) && r.body.contains("Ada"));
    assert!(r.body.contains("Italy (IT)"));
    // The recipient dimension says it reads today's consent, not the breach's.
    assert!(r.body.contains("as they stand today"));
    assert!(!r.body.contains("Not yet indexed"));
    // Contacts without facets yet (an older server wrote them): the result says so.
    env.store.raw_execute("UPDATE contacts SET facet_country = NULL, facet_fields = NULL").await.unwrap();
    let r = env.post(&dpo, &path, &[("countries", "IT")]).await;
    assert!(r.body.contains("Result: 0 people") && r.body.contains("Not yet indexed: 2 contacts"), "{}", r.body);
    assert_eq!(env.store.fill_facets().await.unwrap(), 2);
    let r = env.post(&dpo, &path, &[("countries", "IT")]).await;
    assert!(r.body.contains("Result: 1 person") && !r.body.contains("Not yet indexed"), "{}", r.body);
    // Invalid: the field is named, nothing run.
    let r = env.post(&dpo, &path, &[("countries", "ZZ"), ("from", "2026-12-02"), ("to", "2026-12-01")]).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("not an ISO 3166-1 alpha-2 country code") && !r.body.contains("Result:"));
    // Freeze: listed with its hash.
    let r = env.post(&dpo, &path, &[("countries", "IT, FR"), ("freeze", "1")]).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert!(r.body.contains("Frozen into the breach record: 2 people."), "{}", r.body);
    assert!(!r.body.contains("No query is frozen yet"));
    // Sales may not see it; an unknown breach is not found.
    let sales = env.sign_in_as(Role::Sales).await;
    assert_eq!(env.get(&sales, &path).await.status, StatusCode::FORBIDDEN);
    assert_eq!(
        env.get(&dpo, &format!("/privacy/breaches/{}/affected", Uuid::now_v7())).await.status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn affected_people_page_on_both_engines() {
    on_both("affected-page", the_page).await;
}
