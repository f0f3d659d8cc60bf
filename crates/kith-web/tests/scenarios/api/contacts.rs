//! Contacts through the API: create, read, change, delete, list, filter and search.

use super::{
    assert_problem, content_type, count_contacts, create_contact, delete, error_fields, get, id_of, ids, list_all,
    mario, names, parse, patch_json, post_json, request, search, send_raw, strip_nulls,
};
use crate::harness::on_both;
use axum::http::{Method, StatusCode};
use kith_app::Principal;
use kith_domain::Role;
use serde_json::{json, Value};
use std::collections::HashSet;
use std::time::Duration;
use uuid::Uuid;

#[tokio::test]
async fn contact_create_get_patch_delete() {
    on_both("contact_create_get_patch_delete", |env| async move {
        let created = create_contact(&env, &env.token, mario()).await;
        let id = id_of(&created);
        assert!(Uuid::parse_str(&id).is_ok());
        assert_eq!(created["first_name"], "Mario");
        assert_eq!(created["last_name"], "Rossi");
        assert_eq!(created["emails"], json!(["Mario.Rossi@Example.com"]));
        assert_eq!(created["phones"], json!(["+39 06 1234 5678"]));
        assert_eq!(created["address"]["city"], "Roma");
        assert_eq!(created["job_title"], "Direttore commerciale");
        let mut tags: Vec<&str> = created["tags"].as_array().expect("tags").iter().filter_map(Value::as_str).collect();
        tags.sort_unstable();
        assert_eq!(tags, vec!["roma", "vip"], "tags are folded to lower case");
        assert_eq!(created["hidden_fields"], json!([]));
        assert!(created["created_at"].is_string() && created["updated_at"].is_string());
        // Written under the field policy the migration starts with.
        assert_eq!(created["policy_version"], json!(1));

        let path = format!("/api/v1/contacts/{id}");
        let got = get(&env, &env.token, &path).await;
        assert_eq!(got.0, StatusCode::OK);
        assert_eq!(content_type(&got.1), "application/json");
        assert_eq!(got.2, created, "GET returns what POST returned");

        // One field changed; absent fields stay.
        let p = patch_json(&env, &env.token, &path, &json!({"job_title": "Amministratore delegato"})).await;
        assert_eq!(p.0, StatusCode::OK, "{}", p.2);
        assert_eq!(p.2["job_title"], "Amministratore delegato");
        for k in ["first_name", "last_name", "emails", "phones", "address", "notes", "tags", "created_at"] {
            assert_eq!(p.2[k], created[k], "absent `{k}` must be left alone");
        }

        // `null` clears; absent still leaves alone.
        let p = patch_json(&env, &env.token, &path, &json!({"notes": null, "address": null})).await;
        assert_eq!(p.0, StatusCode::OK, "{}", p.2);
        let obj = p.2.as_object().expect("object");
        assert!(!obj.contains_key("notes"), "null clears notes: {}", p.2);
        assert!(!obj.contains_key("address"), "null clears address: {}", p.2);
        assert_eq!(p.2["job_title"], "Amministratore delegato");
        assert_eq!(p.2["first_name"], "Mario");
        assert_eq!(p.2["phones"], created["phones"]);

        // The change is persisted.
        let got = get(&env, &env.token, &path).await;
        assert_eq!(got.2, p.2);

        let d = delete(&env, &env.token, &path).await;
        assert_eq!(d.0, StatusCode::NO_CONTENT);
        assert_eq!(d.2, Value::Null, "204 has no body");

        let gone = get(&env, &env.token, &path).await;
        assert_problem(&gone, StatusCode::NOT_FOUND);
        assert_problem(&delete(&env, &env.token, &path).await, StatusCode::NOT_FOUND);
        assert_eq!(count_contacts(&env).await, 0);
    })
    .await;
}

#[tokio::test]
async fn contact_list_pages_through_all_exactly_once_and_sorts() {
    on_both("contact_list_pages_through_all_exactly_once_and_sorts", |env| async move {
        let mut created = Vec::new();
        for i in 0..7 {
            let c =
                create_contact(&env, &env.token, json!({"first_name": format!("Persona{i}"), "last_name": "Esempio"}))
                    .await;
            created.push(id_of(&c));
            // Distinct creation milliseconds make the order unambiguous.
            tokio::time::sleep(Duration::from_millis(3)).await;
        }

        let (all, pages) = list_all(&env, &env.token, "", 3).await;
        assert!(pages >= 3, "7 contacts at 3 per page take at least 3 pages, got {pages}");
        assert_eq!(all.len(), 7, "each contact exactly once: {all:?}");
        assert_eq!(all.iter().collect::<HashSet<_>>().len(), 7, "no duplicates");
        assert_eq!(all, created, "default order is creation order");

        let (desc, _) = list_all(&env, &env.token, "sort=-created", 2).await;
        let mut rev = created.clone();
        rev.reverse();
        assert_eq!(desc, rev, "sort=-created is newest first");

        // A page of exactly the default size has a cursor only if more may follow.
        let r = get(&env, &env.token, "/api/v1/contacts?limit=200").await;
        assert_eq!(ids(&r.2).len(), 7);
        assert!(r.2["next_cursor"].is_null());
    })
    .await;
}

#[tokio::test]
async fn contact_list_filters() {
    on_both("contact_list_filters", |env| async move {
        let (sales_id, _) = env.add_user(Role::Sales).await;
        let a = create_contact(&env, &env.token, json!({"first_name": "Mario", "last_name": "Rossi", "tags": ["vip"]}))
            .await;
        let b = create_contact(
            &env,
            &env.token,
            json!({"first_name": "Luigi", "last_name": "Verdi", "owner_id": sales_id}),
        )
        .await;
        assert_eq!(b["owner_id"], json!(sales_id.to_string()));
        tokio::time::sleep(Duration::from_millis(20)).await;
        let boundary =
            time::OffsetDateTime::now_utc().format(&time::format_description::well_known::Rfc3339).expect("format");
        tokio::time::sleep(Duration::from_millis(20)).await;
        let c = create_contact(
            &env,
            &env.token,
            json!({"first_name": "Élodie", "last_name": "Durand", "tags": ["VIP", "fr"], "owner_id": sales_id}),
        )
        .await;
        let d = create_contact(&env, &env.token, json!({"first_name": "Йорданка", "last_name": "Петрова"})).await;

        let q = |s: &str| format!("/api/v1/contacts?{s}");
        let r = get(&env, &env.token, &q("tag=vip")).await;
        assert_eq!(r.0, StatusCode::OK, "{}", r.2);
        assert_eq!(ids(&r.2), vec![id_of(&a), id_of(&c)]);
        let r = get(&env, &env.token, &q("tag=VIP")).await;
        assert_eq!(ids(&r.2), vec![id_of(&a), id_of(&c)], "tag filter is case-insensitive");
        let r = get(&env, &env.token, &q("tag=fr")).await;
        assert_eq!(ids(&r.2), vec![id_of(&c)]);
        let r = get(&env, &env.token, &q("tag=nessuno")).await;
        assert_eq!(ids(&r.2), Vec::<String>::new());

        let r = get(&env, &env.token, &q(&format!("owner={sales_id}"))).await;
        assert_eq!(ids(&r.2), vec![id_of(&b), id_of(&c)]);
        let r = get(&env, &env.token, &q(&format!("owner={}", env.admin_id))).await;
        assert_eq!(ids(&r.2), Vec::<String>::new());

        let r = get(&env, &env.token, &q(&format!("created_from={boundary}"))).await;
        assert_eq!(r.0, StatusCode::OK, "{}", r.2);
        assert_eq!(ids(&r.2), vec![id_of(&c), id_of(&d)]);
        let r = get(&env, &env.token, &q(&format!("created_to={boundary}"))).await;
        assert_eq!(ids(&r.2), vec![id_of(&a), id_of(&b)]);

        // Filters combine.
        let r =
            get(&env, &env.token, &q(&format!("tag=vip&owner={sales_id}&created_from={boundary}&sort=-created"))).await;
        assert_eq!(ids(&r.2), vec![id_of(&c)]);

        // A malformed date is a validation problem naming the parameter.
        let r = get(&env, &env.token, &q("created_from=yesterday")).await;
        assert_problem(&r, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(error_fields(&r.2), vec!["created_from"]);
    })
    .await;
}

#[tokio::test]
async fn contact_search() {
    on_both("contact_search", |env| async move {
        let mario = create_contact(&env, &env.token, mario()).await;
        let elodie = create_contact(
            &env,
            &env.token,
            json!({"first_name": "Élodie", "last_name": "Durand", "emails": ["elodie.durand@example.com"]}),
        )
        .await;
        let jordanka = create_contact(
            &env,
            &env.token,
            json!({"first_name": "Йорданка", "last_name": "Петрова", "phones": ["+359 2 987 6543"]}),
        )
        .await;
        let marco = create_contact(&env, &env.token, json!({"first_name": "Marco", "last_name": "Bianchi"})).await;
        let rosa = create_contact(
            &env,
            &env.token,
            json!({"first_name": "Rosa", "last_name": "Verdi", "phones": ["+390612345679"]}),
        )
        .await;
        let t = env.token.as_str();
        let found = |v: &Value| ids(v);

        // Exact email via `email` and via `q`; staff may type it in capitals
        // (the lower-case form is tried too), but accents are never folded.
        assert_eq!(found(&search(&env, t, json!({"email": "mario.rossi@example.com"})).await), vec![id_of(&mario)]);
        assert_eq!(found(&search(&env, t, json!({"q": "MARIO.ROSSI@EXAMPLE.COM"})).await), vec![id_of(&mario)]);
        assert_eq!(found(&search(&env, t, json!({"email": "Elodie.Durand@Example.COM"})).await), vec![id_of(&elodie)]);
        assert!(found(&search(&env, t, json!({"email": "élodie.durand@example.com"})).await).is_empty());

        // Phone written differently.
        assert_eq!(found(&search(&env, t, json!({"phone": "+390612345678"})).await), vec![id_of(&mario)]);
        assert_eq!(found(&search(&env, t, json!({"q": "+39-06-1234-5678"})).await), vec![id_of(&mario)]);
        assert_eq!(found(&search(&env, t, json!({"phone": "+35929876543"})).await), vec![id_of(&jordanka)]);

        // Name prefixes, case- and accent-insensitive.
        let r = search(&env, t, json!({"q": "ros"})).await;
        assert_eq!(found(&r), vec![id_of(&mario), id_of(&rosa)], "{:?}", names(&r));
        assert_eq!(r["items"][0]["first_name"], "Mario");
        assert_eq!(r["items"][0]["last_name"], "Rossi");
        assert_eq!(found(&search(&env, t, json!({"q": "Rossi"})).await), vec![id_of(&mario)]);
        assert_eq!(found(&search(&env, t, json!({"q": "elo"})).await), vec![id_of(&elodie)]);
        assert_eq!(found(&search(&env, t, json!({"q": "ÉLO"})).await), vec![id_of(&elodie)]);
        assert_eq!(found(&search(&env, t, json!({"q": "йор"})).await), vec![id_of(&jordanka)]);
        assert_eq!(found(&search(&env, t, json!({"q": "ЙОРДАНКА петр"})).await), vec![id_of(&jordanka)]);

        // Every word must match.
        assert_eq!(found(&search(&env, t, json!({"q": "mar ros"})).await), vec![id_of(&mario)]);
        assert_eq!(found(&search(&env, t, json!({"q": "mar"})).await), vec![id_of(&mario), id_of(&marco)]);

        // Non-matches are empty, not errors.
        for body in [
            json!({"q": "zzzz"}),
            json!({"q": "mar ver"}),
            json!({"email": "nessuno@example.it"}),
            json!({"phone": "+39 02 0000 0000"}),
        ] {
            let r = search(&env, t, body.clone()).await;
            assert_eq!(found(&r), Vec::<String>::new(), "{body} should find nothing");
            assert!(r["next_cursor"].is_null());
        }

        // Filters apply to searches too.
        let tagged = search(&env, t, json!({"q": "ros", "tag": "vip"})).await;
        assert_eq!(found(&tagged), vec![id_of(&mario)]);

        // A search needs something to search for.
        assert_problem(
            &post_json(&env, t, "/api/v1/contacts/search", &json!({})).await,
            StatusCode::UNPROCESSABLE_ENTITY,
        );
        // A malformed email is rejected, not silently unmatched.
        let r = post_json(&env, t, "/api/v1/contacts/search", &json!({"email": "not an email"})).await;
        assert_problem(&r, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(error_fields(&r.2), vec!["email"]);
    })
    .await;
}

#[tokio::test]
async fn markup_and_non_latin_text_round_trips_exactly() {
    on_both("markup_and_non_latin_text_round_trips_exactly", |env| async move {
        let t = env.token.as_str();
        let body = json!({
            "first_name": "<script>alert(1)</script>",
            "last_name": "Петрова-Ñúñez d'Àngelo",
            "job_title": "Direttrice però già più \"brava\" & <b>lead</b>",
            "notes": "Línea 1\nРед 2\t\u{1F600} 'quote' \\ backslash",
            "address": {"street": "ул. „Витоша“ 15", "city": "София", "country": "BG"},
            "emails": ["élodie.durand@exemple.example.com"],
            "tags": ["<i>x</i>"]
        });
        let c = create_contact(&env, t, body.clone()).await;
        for k in ["first_name", "last_name", "job_title", "notes", "address", "emails"] {
            assert_eq!(strip_nulls(&c[k]), body[k], "{k} round-trips on create");
        }
        let (s, h, raw_body) =
            send_raw(&env, request(Method::GET, &format!("/api/v1/contacts/{}", id_of(&c)), Some(t), None, Vec::new()))
                .await;
        assert_eq!(s, StatusCode::OK);
        assert_eq!(content_type(&h), "application/json", "never served as HTML");
        assert_eq!(h.get("x-content-type-options").and_then(|v| v.to_str().ok()), Some("nosniff"));
        let got = parse(&raw_body);
        for k in ["first_name", "last_name", "job_title", "notes", "address", "emails"] {
            assert_eq!(strip_nulls(&got[k]), body[k], "{k} round-trips on read");
        }
        assert_eq!(got["tags"], json!(["<i>x</i>"]));
        let found = search(&env, t, json!({"q": "петрова"})).await;
        assert_eq!(ids(&found), vec![id_of(&c)]);
        assert_eq!(found["items"][0]["first_name"], "<script>alert(1)</script>");
    })
    .await;
}

#[tokio::test]
async fn nul_characters_and_blank_searches_are_refused() {
    on_both("nul_characters_and_blank_searches_are_refused", |env| async move {
        let before = count_contacts(&env).await;
        let r = post_json(&env, &env.token, "/api/v1/contacts", &json!({"first_name": "Ma\u{0}rio"})).await;
        assert_problem(&r, StatusCode::UNPROCESSABLE_ENTITY);
        let r = post_json(&env, &env.token, "/api/v1/companies", &json!({"name": "Acme\u{0}"})).await;
        assert_problem(&r, StatusCode::UNPROCESSABLE_ENTITY);
        let r = get(&env, &env.token, "/api/v1/contacts?tag=vip%00").await;
        assert_problem(&r, StatusCode::UNPROCESSABLE_ENTITY);
        let r = get(&env, &env.token, "/api/v1/deals?stage=lead%00").await;
        assert_problem(&r, StatusCode::UNPROCESSABLE_ENTITY);
        // An escaped backslash followed by "u0000" is ordinary text.
        let r = post_json(&env, &env.token, "/api/v1/contacts", &json!({"last_name": "back\\u0000slash"})).await;
        assert_eq!(r.0, StatusCode::CREATED, "{}", r.2);
        assert_eq!(r.2["last_name"], "back\\u0000slash");
        assert_eq!(count_contacts(&env).await, before + 1);

        let r = post_json(&env, &env.token, "/api/v1/contacts/search", &json!({"q": "   "})).await;
        assert_problem(&r, StatusCode::UNPROCESSABLE_ENTITY);
    })
    .await;
}

#[tokio::test]
async fn every_contact_knows_its_source_and_the_list_filters_by_it() {
    on_both("every_contact_knows_its_source_and_the_list_filters_by_it", |env| async move {
        let (_, secret) = env.app.create_token(&Principal::cli(), env.admin_id, "shop sync").await.unwrap();
        let (s, _, c) = post_json(
            &env,
            &secret,
            "/api/v1/contacts",
            &json!({"first_name": "Rosa", "emails": ["rosa.b@example.it"]}),
        )
        .await;
        assert_eq!(s, StatusCode::CREATED, "{c}");
        assert_eq!(c["source"]["kind"], json!("api"));
        assert_eq!(c["source"]["reference"], json!("shop sync"), "the API token's name");
        assert_eq!(c["source"]["user_id"], json!(env.admin_id));
        // One created by the CLI counts as a manual entry.
        let n = kith_app::contacts::NewContact {
            data: kith_domain::ContactData { first_name: Some("Piero".into()), ..Default::default() },
            ..Default::default()
        };
        let manual = env.app.create_contact(&Principal::cli(), n, None).await.unwrap();
        let (_, _, m) = get(&env, &env.token, &format!("/api/v1/contacts/{}", manual.id.0)).await;
        assert_eq!(m["source"]["kind"], json!("manual"));
        let (_, _, list) = get(&env, &env.token, "/api/v1/contacts?source=api").await;
        let ids: Vec<&Value> = list["items"].as_array().unwrap().iter().map(|x| &x["id"]).collect();
        assert_eq!(ids, vec![&c["id"]]);
        let (_, _, list) = get(&env, &env.token, "/api/v1/contacts?source=manual").await;
        assert_eq!(list["items"].as_array().unwrap().len(), 1);
        let (s, _, p) = get(&env, &env.token, "/api/v1/contacts?source=fax").await;
        assert!(s.is_client_error() && p["type"].is_string(), "{s} {p}");
        // The access export states it.
        let (_, _, doc) =
            get(&env, &env.token, &format!("/api/v1/contacts/{}/export", c["id"].as_str().unwrap())).await;
        assert_eq!(doc["contact"]["source"]["description"], json!("API: shop sync"));
    })
    .await;
}
