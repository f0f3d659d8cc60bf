//! Interactions, deals through the pipeline, and companies.

use super::{assert_problem, create_contact, delete, error_fields, get, id_of, ids, mario, patch_json, post_json};
use crate::harness::on_both;
use axum::http::StatusCode;
use serde_json::{json, Value};
use uuid::Uuid;

#[tokio::test]
async fn interactions_on_a_contact() {
    on_both("interactions_on_a_contact", |env| async move {
        let c = create_contact(&env, &env.token, mario()).await;
        let base = format!("/api/v1/contacts/{}/interactions", id_of(&c));
        let t = env.token.as_str();

        // Created out of order: the listing follows occurred_at, newest first.
        let mut made = Vec::new();
        for (when, body) in [
            ("2026-02-10T10:00:00Z", "Chiamata: interessato all'offerta."),
            ("2026-01-05T09:30:00Z", "Primo contatto alla fiera."),
            ("2026-03-01T15:00:00Z", "Riunione: firma prevista ad aprile."),
        ] {
            let r = post_json(&env, t, &base, &json!({"kind": "note", "occurred_at": when, "body": body})).await;
            assert_eq!(r.0, StatusCode::CREATED, "{}", r.2);
            assert_eq!(r.2["kind"], "note");
            assert_eq!(r.2["body"], body);
            assert_eq!(r.2["contact_id"], json!(id_of(&c)));
            assert_eq!(r.2["author_id"], json!(env.admin_id));
            made.push(id_of(&r.2));
        }
        let r = get(&env, t, &base).await;
        assert_eq!(r.0, StatusCode::OK, "{}", r.2);
        assert_eq!(ids(&r.2), vec![made[2].clone(), made[0].clone(), made[1].clone()], "newest first");

        // Paging by two.
        let p1 = get(&env, t, &format!("{base}?limit=2")).await;
        assert_eq!(ids(&p1.2), vec![made[2].clone(), made[0].clone()]);
        let cur = p1.2["next_cursor"].as_str().expect("cursor");
        let p2 = get(&env, t, &format!("{base}?limit=2&cursor={cur}")).await;
        assert_eq!(ids(&p2.2), vec![made[1].clone()]);

        let one = format!("{base}/{}", made[0]);
        let r = patch_json(&env, t, &one, &json!({"body": "Chiamata: vuole un preventivo.", "kind": "call"})).await;
        assert_eq!(r.0, StatusCode::OK, "{}", r.2);
        assert_eq!(r.2["body"], "Chiamata: vuole un preventivo.");
        assert_eq!(r.2["kind"], "call");
        assert_eq!(r.2["occurred_at"], "2026-02-10T10:00:00Z", "absent occurred_at stays");
        assert_eq!(get(&env, t, &one).await.2["body"], "Chiamata: vuole un preventivo.");

        assert_eq!(delete(&env, t, &one).await.0, StatusCode::NO_CONTENT);
        assert_problem(&get(&env, t, &one).await, StatusCode::NOT_FOUND);
        assert_problem(&delete(&env, t, &one).await, StatusCode::NOT_FOUND);
        assert_eq!(ids(&get(&env, t, &base).await.2), vec![made[2].clone(), made[1].clone()]);

        // An interaction is reachable only under its own contact.
        let other = create_contact(&env, t, json!({"last_name": "Verdi"})).await;
        let wrong = format!("/api/v1/contacts/{}/interactions/{}", id_of(&other), made[1]);
        assert_problem(&get(&env, t, &wrong).await, StatusCode::NOT_FOUND);

        // On an unknown contact.
        let unknown = format!("/api/v1/contacts/{}/interactions", Uuid::now_v7());
        assert_problem(
            &post_json(&env, t, &unknown, &json!({"kind": "note", "body": "x"})).await,
            StatusCode::NOT_FOUND,
        );
        assert_problem(&get(&env, t, &unknown).await, StatusCode::NOT_FOUND);

        // Bad input.
        assert_problem(
            &post_json(&env, t, &base, &json!({"kind": "fax", "body": "x"})).await,
            StatusCode::UNPROCESSABLE_ENTITY,
        );
        assert_problem(
            &post_json(&env, t, &base, &json!({"kind": "note", "body": ""})).await,
            StatusCode::UNPROCESSABLE_ENTITY,
        );
        assert_eq!(ids(&get(&env, t, &base).await.2).len(), 2);

        // Deleting the contact takes its interactions with it.
        assert_eq!(delete(&env, t, &format!("/api/v1/contacts/{}", id_of(&c))).await.0, StatusCode::NO_CONTENT);
        assert_problem(&get(&env, t, &base).await, StatusCode::NOT_FOUND);
    })
    .await;
}

#[tokio::test]
async fn deals_move_through_the_pipeline() {
    on_both("deals_move_through_the_pipeline", |env| async move {
        let t = env.token.as_str();
        let c = create_contact(&env, t, mario()).await;
        let stages = get(&env, t, "/api/v1/pipeline/stages").await;
        assert_eq!(stages.0, StatusCode::OK);
        let keys: Vec<&str> = stages.2.as_array().expect("stages").iter().filter_map(|s| s["key"].as_str()).collect();
        assert!(keys.contains(&"lead") && keys.contains(&"qualified") && keys.contains(&"won"), "{keys:?}");

        let body = json!({"title": "Fornitura uffici Rossi", "contact_ids": [id_of(&c)],
            "amount_minor": 150000, "currency": "eur"});
        let r = post_json(&env, t, "/api/v1/deals", &body).await;
        assert_eq!(r.0, StatusCode::CREATED, "{}", r.2);
        assert_eq!(r.2["stage"], "lead");
        assert_eq!(r.2["currency"], "EUR");
        assert_eq!(r.2["amount_minor"], 150000);
        assert_eq!(r.2["contact_ids"], json!([id_of(&c)]));
        let deal = id_of(&r.2);
        let other = post_json(&env, t, "/api/v1/deals", &json!({"title": "Rinnovo Verdi"})).await;
        assert_eq!(other.0, StatusCode::CREATED);

        let mv = format!("/api/v1/deals/{deal}/move");
        let r = post_json(&env, t, &mv, &json!({"stage": "qualified"})).await;
        assert_eq!(r.0, StatusCode::OK, "{}", r.2);
        assert_eq!(r.2["stage"], "qualified");
        let r = post_json(&env, t, &mv, &json!({"stage": "won"})).await;
        assert_eq!(r.2["stage"], "won");

        let r = post_json(&env, t, &mv, &json!({"stage": "sognato"})).await;
        assert_problem(&r, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(error_fields(&r.2), vec!["stage"]);
        assert_eq!(get(&env, t, &format!("/api/v1/deals/{deal}")).await.2["stage"], "won", "unchanged");

        let h = get(&env, t, &format!("/api/v1/deals/{deal}/history")).await;
        assert_eq!(h.0, StatusCode::OK, "{}", h.2);
        let to: Vec<&str> = h.2.as_array().expect("history").iter().filter_map(|c| c["to"].as_str()).collect();
        assert_eq!(to, vec!["lead", "qualified", "won"]);
        assert_eq!(h.2[0]["from"], Value::Null);
        assert_eq!(h.2[1]["from"], "lead");
        assert_eq!(h.2[2]["from"], "qualified");
        assert_eq!(h.2[2]["changed_by"], json!(format!("user:{}", env.admin_id)));

        let r = get(&env, t, "/api/v1/deals?stage=won").await;
        assert_eq!(ids(&r.2), vec![deal.clone()]);
        let r = get(&env, t, "/api/v1/deals?stage=lead").await;
        assert_eq!(ids(&r.2), vec![id_of(&other.2)]);
        let r = get(&env, t, &format!("/api/v1/deals?contact={}", id_of(&c))).await;
        assert_eq!(ids(&r.2), vec![deal.clone()]);

        // Bad deals.
        let r = post_json(&env, t, "/api/v1/deals", &json!({"title": "X", "stage": "sognato"})).await;
        assert_problem(&r, StatusCode::UNPROCESSABLE_ENTITY);
        let r = post_json(&env, t, "/api/v1/deals", &json!({"title": "X", "contact_ids": [Uuid::now_v7()]})).await;
        assert_problem(&r, StatusCode::UNPROCESSABLE_ENTITY);
        let r = post_json(&env, t, "/api/v1/deals", &json!({"title": "X", "amount_minor": 100})).await;
        assert_problem(&r, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(error_fields(&r.2), vec!["currency"]);
        assert_problem(
            &post_json(&env, t, &format!("/api/v1/deals/{}/move", Uuid::now_v7()), &json!({"stage": "won"})).await,
            StatusCode::NOT_FOUND,
        );
        assert_eq!(ids(&get(&env, t, "/api/v1/deals").await.2).len(), 2);

        let r = patch_json(
            &env,
            t,
            &format!("/api/v1/deals/{deal}"),
            &json!({"title": "Fornitura uffici Rossi 2026", "amount_minor": null, "currency": null}),
        )
        .await;
        assert_eq!(r.0, StatusCode::OK, "{}", r.2);
        assert_eq!(r.2["amount_minor"], Value::Null);
        assert_eq!(r.2["stage"], "won");
        assert_eq!(delete(&env, t, &format!("/api/v1/deals/{deal}")).await.0, StatusCode::NO_CONTENT);
        assert_problem(&get(&env, t, &format!("/api/v1/deals/{deal}")).await, StatusCode::NOT_FOUND);
    })
    .await;
}

#[tokio::test]
async fn companies_crud_and_prefix_search() {
    on_both("companies_crud_and_prefix_search", |env| async move {
        let t = env.token.as_str();
        let mut made = Vec::new();
        for (name, domain) in [
            ("Rossi Costruzioni S.p.A.", "Rossi-Costruzioni.example.it"),
            ("Bianchi SRL", "bianchi.example.it"),
            ("Électricité Durand", "durand.example.com"),
        ] {
            let r = post_json(
                &env,
                t,
                "/api/v1/companies",
                &json!({"name": name, "domain": domain, "industry": "Edilizia"}),
            )
            .await;
            assert_eq!(r.0, StatusCode::CREATED, "{}", r.2);
            assert_eq!(r.2["name"], name);
            assert_eq!(r.2["domain"], domain.to_lowercase());
            made.push(id_of(&r.2));
        }
        let list = |q: &'static str| {
            let env = &env;
            async move {
                let r = get(env, &env.token, &format!("/api/v1/companies{q}")).await;
                assert_eq!(r.0, StatusCode::OK, "{}", r.2);
                ids(&r.2)
            }
        };
        assert_eq!(list("").await.len(), 3);
        assert_eq!(list("?q=ros").await, vec![made[0].clone()]);
        assert_eq!(list("?q=BIAN").await, vec![made[1].clone()]);
        assert_eq!(list("?q=elec").await, vec![made[2].clone()], "accent-insensitive");
        assert_eq!(list("?q=verdi").await, Vec::<String>::new());

        let path = format!("/api/v1/companies/{}", made[1]);
        let r = patch_json(&env, t, &path, &json!({"industry": "Logistica", "domain": null})).await;
        assert_eq!(r.0, StatusCode::OK, "{}", r.2);
        assert_eq!(r.2["industry"], "Logistica");
        assert_eq!(r.2["domain"], Value::Null);
        assert_eq!(r.2["name"], "Bianchi SRL", "absent name stays");
        assert_eq!(get(&env, t, &path).await.2, r.2);

        let r =
            post_json(&env, t, "/api/v1/companies", &json!({"name": "Senza dominio", "domain": "not a domain"})).await;
        assert_problem(&r, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(error_fields(&r.2), vec!["domain"]);
        assert_problem(
            &post_json(&env, t, "/api/v1/companies", &json!({"name": "  "})).await,
            StatusCode::UNPROCESSABLE_ENTITY,
        );

        // Deleting a company leaves its contacts, without a company.
        let c = create_contact(&env, t, json!({"last_name": "Bianchi", "company_id": made[1]})).await;
        assert_eq!(c["company_id"], json!(made[1]));
        assert_eq!(delete(&env, t, &path).await.0, StatusCode::NO_CONTENT);
        assert_problem(&get(&env, t, &path).await, StatusCode::NOT_FOUND);
        assert_eq!(list("").await.len(), 2);
        let c = get(&env, t, &format!("/api/v1/contacts/{}", id_of(&c))).await;
        assert_eq!(c.0, StatusCode::OK);
        assert_eq!(c.2["company_id"], Value::Null);
    })
    .await;
}

#[tokio::test]
async fn company_names_with_separators_page_correctly() {
    on_both("company_names_with_separators_page_correctly", |env| async move {
        for n in ["A|B", "A|C", "A|D"] {
            assert_eq!(
                post_json(&env, &env.token, "/api/v1/companies", &json!({"name": n})).await.0,
                StatusCode::CREATED
            );
        }
        let first = get(&env, &env.token, "/api/v1/companies?limit=2").await;
        assert_eq!(first.0, StatusCode::OK);
        let cursor = first.2["next_cursor"].as_str().expect("a next page").to_owned();
        let next = get(&env, &env.token, &format!("/api/v1/companies?limit=2&cursor={cursor}")).await;
        assert_eq!(next.0, StatusCode::OK, "{}", next.2);
        assert_eq!(next.2["items"][0]["name"], "A|D");
    })
    .await;
}
