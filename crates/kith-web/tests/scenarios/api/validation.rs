//! Bad input is a problem that names the field and changes nothing; an
//! idempotency key replays the first create.

use super::{
    assert_problem, content_type, count_contacts, create_contact, delete, error_fields, get, id_of, mario, parse,
    patch_json, post_json, put_json, raw, send_raw,
};
use crate::harness::on_both;
use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use kith_domain::Role;
use serde_json::{json, Value};
use uuid::Uuid;

#[tokio::test]
async fn malformed_bodies_are_problems_and_change_nothing() {
    on_both("malformed_bodies_are_problems_and_change_nothing", |env| async move {
        create_contact(&env, &env.token, mario()).await;
        let before = count_contacts(&env).await;
        let t = Some(env.token.as_str());
        let json_ct = Some("application/json");
        let post = |ct: Option<&'static str>, body: Vec<u8>| raw(&env, Method::POST, "/api/v1/contacts", t, ct, body);

        // Unknown field.
        let r = post(json_ct, br#"{"first_name":"Mario","favourite_colour":"blu"}"#.to_vec()).await;
        assert_problem(&r, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.2["detail"].as_str().unwrap_or_default().contains("favourite_colour"), "{}", r.2);

        // Wrong type.
        assert_problem(&post(json_ct, br#"{"first_name":42}"#.to_vec()).await, StatusCode::UNPROCESSABLE_ENTITY);
        assert_problem(
            &post(json_ct, br#"{"emails":"mario@example.com"}"#.to_vec()).await,
            StatusCode::UNPROCESSABLE_ENTITY,
        );
        assert_problem(&post(json_ct, br#"[]"#.to_vec()).await, StatusCode::UNPROCESSABLE_ENTITY);

        // Malformed JSON.
        assert_problem(&post(json_ct, br#"{"first_name":"Mario""#.to_vec()).await, StatusCode::BAD_REQUEST);
        assert_problem(&post(json_ct, b"first_name=Mario".to_vec()).await, StatusCode::BAD_REQUEST);

        // Invalid UTF-8 inside a string.
        assert_problem(&post(json_ct, b"{\"first_name\":\"Mar\xff\xfeio\"}".to_vec()).await, StatusCode::BAD_REQUEST);

        // Over 1 MiB.
        let mut big = br#"{"first_name":"Mario","notes":""#.to_vec();
        big.extend(std::iter::repeat_n(b'a', kith_web::BODY_LIMIT + 10));
        big.extend(br#""}"#);
        assert_problem(&post(json_ct, big).await, StatusCode::PAYLOAD_TOO_LARGE);

        // Missing or wrong content type.
        assert_problem(&post(None, br#"{"first_name":"Mario"}"#.to_vec()).await, StatusCode::UNSUPPORTED_MEDIA_TYPE);
        assert_problem(
            &post(Some("text/plain"), br#"{"first_name":"Mario"}"#.to_vec()).await,
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
        );

        // A contact needs at least a name, an email or a phone.
        let r = post(json_ct, br#"{"job_title":"Consulente"}"#.to_vec()).await;
        assert_problem(&r, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(!error_fields(&r.2).is_empty());

        assert_eq!(count_contacts(&env).await, before, "no bad request created a contact");
    })
    .await;
}

#[tokio::test]
async fn wrong_type_detail_does_not_echo_the_value() {
    on_both("wrong_type_detail_does_not_echo_the_value", |env| async move {
        for body in [
            json!({"emails": "mario.rossi@example.com"}),
            json!({"tags": "Rossi-riservato"}),
            json!({"first_name": "Mario", "address": "Via Segreta 13, Roma"}),
        ] {
            let r = post_json(&env, &env.token, "/api/v1/contacts", &body).await;
            assert_problem(&r, StatusCode::UNPROCESSABLE_ENTITY);
            let detail = r.2["detail"].as_str().expect("detail");
            for secret in ["mario.rossi", "Rossi-riservato", "Segreta"] {
                assert!(!detail.contains(secret), "detail echoes `{secret}`: {detail}");
            }
            // Still useful: it names the field.
            let field = body.as_object().and_then(|o| o.keys().find(|k| *k != "first_name")).expect("field").clone();
            assert!(detail.contains(&field), "detail should name `{field}`: {detail}");
        }
        assert_eq!(count_contacts(&env).await, 0);
    })
    .await;
}

#[tokio::test]
async fn wrong_type_detail_does_not_echo_a_value_with_quotes() {
    on_both("wrong_type_detail_does_not_echo_a_value_with_quotes", |env| async move {
        let r = post_json(&env, &env.token, "/api/v1/contacts", &json!({"tags": "Ros\"si riservato"})).await;
        assert_problem(&r, StatusCode::UNPROCESSABLE_ENTITY);
        let detail = r.2["detail"].as_str().expect("detail");
        assert!(!detail.contains("riservato"), "detail echoes part of the value: {detail}");
        assert!(detail.contains("tags"), "detail should still name the field: {detail}");
    })
    .await;
}

#[tokio::test]
async fn unknown_variant_detail_does_not_echo_the_value() {
    on_both("unknown_variant_detail_does_not_echo_the_value", |env| async move {
        let c = create_contact(&env, &env.token, json!({"last_name": "Rossi"})).await;
        let path = format!("/api/v1/contacts/{}/interactions", id_of(&c));
        let r = post_json(&env, &env.token, &path, &json!({"kind": "Mario Rossi 3331234567", "body": "x"})).await;
        assert_problem(&r, StatusCode::UNPROCESSABLE_ENTITY);
        let detail = r.2["detail"].as_str().expect("detail");
        assert!(!detail.contains("3331234567"), "detail echoes the value: {detail}");
    })
    .await;
}

#[tokio::test]
async fn invalid_email_or_phone_names_the_field() {
    on_both("invalid_email_or_phone_names_the_field", |env| async move {
        let r = post_json(
            &env,
            &env.token,
            "/api/v1/contacts",
            &json!({"last_name": "Rossi", "emails": ["mario@example.com", "mario at example"]}),
        )
        .await;
        assert_problem(&r, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(error_fields(&r.2), vec!["emails[1]"]);
        assert!(!r.2["detail"].as_str().unwrap_or_default().contains("mario at example"));

        let r = post_json(
            &env,
            &env.token,
            "/api/v1/contacts",
            &json!({"last_name": "Rossi", "phones": ["chiamami"], "emails": ["@example.com"]}),
        )
        .await;
        assert_problem(&r, StatusCode::UNPROCESSABLE_ENTITY);
        let fields = error_fields(&r.2);
        assert!(fields.contains(&"phones[0]".to_owned()) && fields.contains(&"emails[0]".to_owned()), "{fields:?}");
        assert!(r.2["errors"][0]["message"].is_string());
        assert_eq!(count_contacts(&env).await, 0);

        // A PATCH with a bad phone changes nothing.
        let c = create_contact(&env, &env.token, mario()).await;
        let path = format!("/api/v1/contacts/{}", id_of(&c));
        let r = patch_json(
            &env,
            &env.token,
            &path,
            &json!({"first_name": "Mariano", "phones": ["+39 06 1234 5678", "12"]}),
        )
        .await;
        assert_problem(&r, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(error_fields(&r.2), vec!["phones[1]"]);
        assert_eq!(get(&env, &env.token, &path).await.2, c);
    })
    .await;
}

#[tokio::test]
async fn bad_and_unknown_ids() {
    on_both("bad_and_unknown_ids", |env| async move {
        let t = env.token.as_str();
        for path in
            ["/api/v1/contacts/not-a-uuid", "/api/v1/contacts/123", "/api/v1/deals/x/history", "/api/v1/companies/%20"]
        {
            assert_problem(&get(&env, t, path).await, StatusCode::BAD_REQUEST);
        }
        assert_problem(
            &patch_json(&env, t, "/api/v1/contacts/nope", &json!({"first_name": "Mario"})).await,
            StatusCode::BAD_REQUEST,
        );
        assert_problem(&delete(&env, t, "/api/v1/contacts/nope").await, StatusCode::BAD_REQUEST);

        let unknown = Uuid::now_v7();
        for path in [
            format!("/api/v1/contacts/{unknown}"),
            format!("/api/v1/contacts/{unknown}/interactions"),
            format!("/api/v1/companies/{unknown}"),
            format!("/api/v1/deals/{unknown}"),
            format!("/api/v1/deals/{unknown}/history"),
        ] {
            assert_problem(&get(&env, t, &path).await, StatusCode::NOT_FOUND);
        }
        let path = format!("/api/v1/contacts/{unknown}");
        assert_problem(&patch_json(&env, t, &path, &json!({"first_name": "Mario"})).await, StatusCode::NOT_FOUND);
        assert_problem(&delete(&env, t, &path).await, StatusCode::NOT_FOUND);

        // Unknown routes and methods are problems too.
        assert_problem(&get(&env, t, "/api/v1/nothing-here").await, StatusCode::NOT_FOUND);
        assert_problem(&put_json(&env, t, "/api/v1/contacts", &json!({})).await, StatusCode::METHOD_NOT_ALLOWED);
        assert_eq!(count_contacts(&env).await, 0);
    })
    .await;
}

#[tokio::test]
async fn bad_cursor_and_limit() {
    on_both("bad_cursor_and_limit", |env| async move {
        for i in 0..3 {
            create_contact(&env, &env.token, json!({"last_name": format!("Rossi{i}")})).await;
        }
        let t = env.token.as_str();
        for cursor in ["garbage!!", "Zm9vfGJhcg", "bm90LWEtY3Vyc29y"] {
            let r = get(&env, t, &format!("/api/v1/contacts?cursor={cursor}")).await;
            assert!(r.0.is_client_error(), "cursor {cursor}: {} {}", r.0, r.2);
            assert_eq!(content_type(&r.1), "application/problem+json");
        }
        // A cursor from one order is refused by another.
        let first = get(&env, t, "/api/v1/contacts?limit=1").await;
        let c = first.2["next_cursor"].as_str().expect("cursor").to_owned();
        let r = get(&env, t, &format!("/api/v1/contacts?limit=1&sort=-created&cursor={c}")).await;
        assert!(r.0.is_client_error(), "{} {}", r.0, r.2);
        let r = post_json(&env, t, "/api/v1/contacts/search", &json!({"q": "rossi", "cursor": c})).await;
        assert!(r.0.is_client_error(), "{} {}", r.0, r.2);

        for limit in ["0", "1000", "-1", "201"] {
            let r = get(&env, t, &format!("/api/v1/contacts?limit={limit}")).await;
            assert_problem(&r, StatusCode::UNPROCESSABLE_ENTITY);
            assert_eq!(error_fields(&r.2), vec!["limit"], "limit={limit}");
        }
        assert_eq!(get(&env, t, "/api/v1/contacts?limit=200").await.0, StatusCode::OK);
        assert_problem(&get(&env, t, "/api/v1/contacts?limit=abc").await, StatusCode::BAD_REQUEST);
        assert_problem(&get(&env, t, "/api/v1/contacts?colour=blu").await, StatusCode::BAD_REQUEST);
        let r = post_json(&env, t, "/api/v1/contacts/search", &json!({"q": "rossi", "limit": 0})).await;
        assert_problem(&r, StatusCode::UNPROCESSABLE_ENTITY);
    })
    .await;
}

#[tokio::test]
async fn idempotency_key_replays_the_first_create() {
    on_both("idempotency_key_replays_the_first_create", |env| async move {
        let send = |key: &'static str, body: Value| {
            let req = Request::builder()
                .method(Method::POST)
                .uri("/api/v1/contacts")
                .header(header::AUTHORIZATION, format!("Bearer {}", env.token))
                .header(header::CONTENT_TYPE, "application/json")
                .header("idempotency-key", key)
                .body(Body::from(serde_json::to_vec(&body).expect("json")))
                .expect("request");
            let env = &env;
            async move {
                let (s, h, b) = send_raw(env, req).await;
                (s, h, parse(&b))
            }
        };
        let first = send("crea-mario-1", mario()).await;
        assert_eq!(first.0, StatusCode::CREATED, "{}", first.2);
        let again = send("crea-mario-1", mario()).await;
        assert_eq!(again.0, StatusCode::CREATED, "{}", again.2);
        assert_eq!(id_of(&again.2), id_of(&first.2));
        assert_eq!(count_contacts(&env).await, 1);

        let other = send("crea-mario-1", json!({"first_name": "Mario", "last_name": "Bianchi"})).await;
        assert_problem(&other, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(count_contacts(&env).await, 1);

        // Another key creates another contact.
        let second = send("crea-mario-2", mario()).await;
        assert_eq!(second.0, StatusCode::CREATED);
        assert_ne!(id_of(&second.2), id_of(&first.2));
        assert_eq!(count_contacts(&env).await, 2);

        // A key is per user: another user's identical key is independent.
        let sales = env.token_for(Role::Sales).await;
        let req = Request::builder()
            .method(Method::POST)
            .uri("/api/v1/contacts")
            .header(header::AUTHORIZATION, format!("Bearer {sales}"))
            .header(header::CONTENT_TYPE, "application/json")
            .header("idempotency-key", "crea-mario-1")
            .body(Body::from(serde_json::to_vec(&mario()).expect("json")))
            .expect("request");
        let (s, _, b) = send_raw(&env, req).await;
        assert_eq!(s, StatusCode::CREATED);
        assert_ne!(id_of(&parse(&b)), id_of(&first.2));

        // An unusable key is a validation problem.
        let bad = send(" ", mario()).await;
        assert_problem(&bad, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(count_contacts(&env).await, 3);
    })
    .await;
}
