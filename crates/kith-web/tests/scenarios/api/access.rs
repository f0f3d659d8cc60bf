//! Who may do what: authentication, roles, field visibility, administration
//! and the audit trail.

use super::{
    assert_problem, content_type, count_contacts, create_contact, delete, error_fields, get, id_of, mario, parse,
    patch_json, post_json, put_json, raw, request, search, send_raw, Resp,
};
use crate::harness::on_both;
use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use kith_app::Principal;
use kith_domain::Role;
use serde_json::{json, Value};

#[tokio::test]
async fn authentication_failures_are_401_with_challenge() {
    on_both("authentication_failures_are_401_with_challenge", |env| async move {
        let before = count_contacts(&env).await;
        let assert_401 = |r: &Resp| {
            assert_problem(r, StatusCode::UNAUTHORIZED);
            assert_eq!(r.1.get(header::WWW_AUTHENTICATE).and_then(|v| v.to_str().ok()), Some("Bearer"));
        };
        assert_401(&raw(&env, Method::GET, "/api/v1/contacts", None, None, Vec::new()).await);
        assert_401(&get(&env, "kith_not-a-real-token", "/api/v1/contacts").await);
        assert_401(&get(&env, "not-even-prefixed", "/api/v1/contacts").await);
        let basic = Request::builder()
            .uri("/api/v1/contacts")
            .header(header::AUTHORIZATION, "Basic YWRtaW46cGFzc3dvcmQ=")
            .body(Body::empty())
            .expect("request");
        let (s, h, b) = send_raw(&env, basic).await;
        assert_401(&(s, h, parse(&b)));
        assert_401(&post_json(&env, "kith_nope", "/api/v1/contacts", &mario()).await);

        // A revoked token stops working at once.
        let sales = env.token_for(Role::Sales).await;
        assert_eq!(get(&env, &sales, "/api/v1/contacts").await.0, StatusCode::OK);
        let tokens = get(&env, &sales, "/api/v1/tokens").await;
        assert_eq!(tokens.0, StatusCode::OK, "{}", tokens.2);
        let token_id = tokens.2[0]["id"].as_str().expect("token id").to_owned();
        assert_eq!(tokens.2.as_array().map(Vec::len), Some(1), "a non-admin sees only its own tokens");
        assert_eq!(delete(&env, &sales, &format!("/api/v1/tokens/{token_id}")).await.0, StatusCode::NO_CONTENT);
        assert_401(&get(&env, &sales, "/api/v1/contacts").await);
        assert_401(&post_json(&env, &sales, "/api/v1/contacts", &mario()).await);

        // Revoking through the app (as the CLI does) works the same.
        let (uid, _) = env.add_user(Role::Support).await;
        let (_, tok) = env.app.create_token(&Principal::cli(), uid, "t").await.expect("token");
        assert_eq!(get(&env, &tok, "/api/v1/contacts").await.0, StatusCode::OK);
        let list = env.app.list_tokens(&Principal::cli(), Some(uid)).await.expect("tokens");
        env.app.revoke_token(&Principal::cli(), list[0].id).await.expect("revoke");
        assert_401(&get(&env, &tok, "/api/v1/contacts").await);

        // The health check needs no token.
        let (s, _, b) = send_raw(&env, Request::builder().uri("/healthz").body(Body::empty()).expect("request")).await;
        assert_eq!((s, b.as_slice()), (StatusCode::OK, b"ok".as_slice()));

        assert_eq!(count_contacts(&env).await, before);
    })
    .await;
}

#[tokio::test]
async fn readonly_reads_but_cannot_write() {
    on_both("readonly_reads_but_cannot_write", |env| async move {
        let c = create_contact(&env, &env.token, mario()).await;
        let ro = env.token_for(Role::Readonly).await;
        let path = format!("/api/v1/contacts/{}", id_of(&c));
        assert_eq!(get(&env, &ro, &path).await.2, c);
        assert_problem(
            &post_json(&env, &ro, "/api/v1/contacts", &json!({"last_name": "Verdi"})).await,
            StatusCode::FORBIDDEN,
        );
        assert_problem(&patch_json(&env, &ro, &path, &json!({"last_name": "Verdi"})).await, StatusCode::FORBIDDEN);
        assert_problem(&delete(&env, &ro, &path).await, StatusCode::FORBIDDEN);
        assert_problem(
            &post_json(&env, &ro, "/api/v1/companies", &json!({"name": "Rossi S.r.l."})).await,
            StatusCode::FORBIDDEN,
        );
        assert_problem(
            &post_json(&env, &ro, "/api/v1/deals", &json!({"title": "Fornitura"})).await,
            StatusCode::FORBIDDEN,
        );
        assert_eq!(get(&env, &env.token, &path).await.2, c, "nothing changed");
        assert_eq!(count_contacts(&env).await, 1);
    })
    .await;
}

#[tokio::test]
async fn marketing_does_not_see_phones_or_address() {
    on_both("marketing_does_not_see_phones_or_address", |env| async move {
        let c = create_contact(&env, &env.token, mario()).await;
        let id = id_of(&c);
        let mk = env.token_for(Role::Marketing).await;
        let assert_redacted = |v: &Value| {
            let o = v.as_object().expect("contact");
            assert!(!o.contains_key("phones"), "phones leaked: {v}");
            assert!(!o.contains_key("address"), "address leaked: {v}");
            let hidden = &v["hidden_fields"];
            assert!(
                hidden.as_array().is_some_and(|h| h.contains(&json!("phones")) && h.contains(&json!("address"))),
                "{v}"
            );
            assert_eq!(v["first_name"], "Mario");
            assert_eq!(v["emails"], json!(["Mario.Rossi@Example.com"]));
            assert_eq!(v["id"], json!(id));
        };
        let path = format!("/api/v1/contacts/{id}");
        let r = get(&env, &mk, &path).await;
        assert_eq!(r.0, StatusCode::OK);
        assert_redacted(&r.2);
        let r = get(&env, &mk, "/api/v1/contacts").await;
        assert_eq!(r.2["items"].as_array().map(Vec::len), Some(1));
        assert_redacted(&r.2["items"][0]);
        let r = search(&env, &mk, json!({"q": "ross"})).await;
        assert_eq!(r["items"].as_array().map(Vec::len), Some(1));
        assert_redacted(&r["items"][0]);
        let raw_body = serde_json::to_string(&get(&env, &mk, &path).await.2).expect("json");
        assert!(!raw_body.contains("1234") && !raw_body.contains("Via Roma"), "{raw_body}");

        // It may not overwrite what it cannot see, in a PATCH or a create.
        let r = patch_json(&env, &mk, &path, &json!({"phones": ["+39 333 000 0000"]})).await;
        assert_problem(&r, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(error_fields(&r.2), vec!["phones"]);
        let r = patch_json(&env, &mk, &path, &json!({"address": null})).await;
        assert_problem(&r, StatusCode::UNPROCESSABLE_ENTITY);
        let r =
            post_json(&env, &mk, "/api/v1/contacts", &json!({"last_name": "Verdi", "phones": ["+39 333 000 0000"]}))
                .await;
        assert_problem(&r, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(get(&env, &env.token, &path).await.2, c, "nothing changed");
        // Visible fields it may change.
        let r = patch_json(&env, &mk, &path, &json!({"job_title": "Responsabile acquisti"})).await;
        assert_eq!(r.0, StatusCode::OK, "{}", r.2);
        assert_redacted(&r.2);
        let full = get(&env, &env.token, &path).await.2;
        assert_eq!(full["phones"], c["phones"], "a marketing PATCH keeps the hidden phones");
        assert_eq!(full["address"], c["address"], "a marketing PATCH keeps the hidden address");

        // An admin makes phones visible to marketing.
        let r = put_json(
            &env,
            &env.token,
            "/api/v1/field-visibility",
            &json!({"role": "marketing", "field": "phones", "visible": true}),
        )
        .await;
        assert_eq!(r.0, StatusCode::OK, "{}", r.2);
        assert_eq!(r.2["roles"]["marketing"]["phones"], true);
        assert_eq!(r.2["roles"]["marketing"]["address"], false);
        let r = get(&env, &mk, &path).await;
        assert_eq!(r.2["phones"], json!(["+39 06 1234 5678"]));
        assert_eq!(r.2["hidden_fields"], json!(["address"]));
        assert!(!r.2.as_object().expect("object").contains_key("address"));
    })
    .await;
}

#[tokio::test]
async fn marketing_cannot_look_up_contacts_by_hidden_phone() {
    on_both("marketing_cannot_look_up_contacts_by_hidden_phone", |env| async move {
        create_contact(&env, &env.token, mario()).await;
        let mk = env.token_for(Role::Marketing).await;
        let r = post_json(&env, &mk, "/api/v1/contacts/search", &json!({"phone": "+390612345678"})).await;
        let refused = r.0.is_client_error();
        let empty = r.0 == StatusCode::OK && r.2["items"].as_array().is_some_and(Vec::is_empty);
        assert!(refused || empty, "marketing found a contact by a phone it may not see: {}", r.2);
    })
    .await;
}

#[tokio::test]
async fn only_admins_administer() {
    on_both("only_admins_administer", |env| async move {
        let r = get(&env, &env.token, "/api/v1/users").await;
        assert_eq!(r.0, StatusCode::OK, "{}", r.2);
        let users = r.2.as_array().expect("users");
        assert!(users.iter().any(|u| u["email"] == "admin@example.com" && u["role"] == "admin"));
        assert!(users.iter().all(|u| u.get("password_hash").is_none() && u.get("password").is_none()));
        assert_eq!(get(&env, &env.token, "/api/v1/field-visibility").await.0, StatusCode::OK);

        for role in [Role::Dpo, Role::Sales, Role::Marketing, Role::Support, Role::Readonly] {
            let t = env.token_for(role).await;
            let who = role.as_str();
            assert_problem(&get(&env, &t, "/api/v1/users").await, StatusCode::FORBIDDEN);
            let email = format!("new-{who}@example.com");
            let body = json!({"email": email, "role": "admin", "password": "correct-horse-battery"});
            assert_problem(&post_json(&env, &t, "/api/v1/users", &body).await, StatusCode::FORBIDDEN);
            assert_problem(&get(&env, &t, "/api/v1/field-visibility").await, StatusCode::FORBIDDEN);
            let r = put_json(
                &env,
                &t,
                "/api/v1/field-visibility",
                &json!({"role": "marketing", "field": "phones", "visible": true}),
            )
            .await;
            assert_problem(&r, StatusCode::FORBIDDEN);
            let body = json!({"name": "altrui", "user_id": env.admin_id});
            assert_problem(&post_json(&env, &t, "/api/v1/tokens", &body).await, StatusCode::FORBIDDEN);
        }
        let r = get(&env, &env.token, "/api/v1/field-visibility").await;
        assert_eq!(r.2["roles"]["marketing"]["phones"], false, "no forbidden PUT took effect");

        // Admin creates a user; a duplicate is a conflict; a bad field name is 422.
        let body = json!({"email": "luigi.verdi@example.it", "role": "sales", "password": "correct-horse-battery"});
        let r = post_json(&env, &env.token, "/api/v1/users", &body).await;
        assert_eq!(r.0, StatusCode::CREATED, "{}", r.2);
        assert_eq!(r.2["role"], "sales");
        assert_problem(&post_json(&env, &env.token, "/api/v1/users", &body).await, StatusCode::CONFLICT);
        let r = put_json(
            &env,
            &env.token,
            "/api/v1/field-visibility",
            &json!({"role": "marketing", "field": "shoe_size", "visible": true}),
        )
        .await;
        assert_problem(&r, StatusCode::UNPROCESSABLE_ENTITY);
    })
    .await;
}

#[tokio::test]
async fn audit_is_for_dpo_and_admin() {
    on_both("audit_is_for_dpo_and_admin", |env| async move {
        let c = create_contact(&env, &env.token, mario()).await;
        let q = format!("/api/v1/audit?subject={}", id_of(&c));
        let dpo = env.token_for(Role::Dpo).await;
        let r = get(&env, &dpo, &q).await;
        assert_eq!(r.0, StatusCode::OK, "{}", r.2);
        assert!(!r.2["items"].as_array().expect("items").is_empty());
        let r = get(&env, &dpo, "/api/v1/audit/verify").await;
        assert_eq!(r.0, StatusCode::OK);
        assert_eq!(r.2["intact"], true);
        for role in [Role::Sales, Role::Marketing, Role::Support, Role::Readonly] {
            let t = env.token_for(role).await;
            assert_problem(&get(&env, &t, &q).await, StatusCode::FORBIDDEN);
            assert_problem(&get(&env, &t, "/api/v1/audit/verify").await, StatusCode::FORBIDDEN);
        }
    })
    .await;
}

#[tokio::test]
async fn audit_records_create_read_update_without_personal_data() {
    on_both("audit_records_create_read_update_without_personal_data", |env| async move {
        let req = request(
            Method::POST,
            "/api/v1/contacts",
            Some(&env.token),
            Some("application/json"),
            serde_json::to_vec(&mario()).expect("json"),
        );
        let (mut parts, body) = req.into_parts();
        parts.headers.insert("x-request-id", "richiesta-42".parse().expect("header"));
        let (s, h, b) = send_raw(&env, Request::from_parts(parts, body)).await;
        assert_eq!(s, StatusCode::CREATED);
        // The server makes its own id (client text never enters the audit trail).
        let our_id = h.get("x-request-id").and_then(|v| v.to_str().ok()).expect("request id").to_owned();
        assert_ne!(our_id, "richiesta-42");
        let id = id_of(&parse(&b));
        let path = format!("/api/v1/contacts/{id}");
        let r = get(&env, &env.token, &path).await;
        assert_eq!(r.0, StatusCode::OK);
        assert!(r.1.get("x-request-id").is_some(), "every response carries a request id");
        assert_eq!(patch_json(&env, &env.token, &path, &json!({"last_name": "Rossini"})).await.0, StatusCode::OK);

        let (s, h, raw_body) = send_raw(
            &env,
            request(Method::GET, &format!("/api/v1/audit?subject={id}"), Some(&env.token), None, Vec::new()),
        )
        .await;
        assert_eq!(s, StatusCode::OK);
        assert_eq!(content_type(&h), "application/json");
        let text = String::from_utf8(raw_body).expect("utf-8");
        // (Digits alone could occur in ids by chance; these fragments cannot.)
        for personal in [
            "Mario",
            "Rossi",
            "mario.rossi",
            "Example.com",
            "+39",
            "06 1234",
            "Via Roma",
            "Direttore",
            "VIP",
            "mattina",
        ] {
            assert!(
                !text.to_lowercase().contains(&personal.to_lowercase()),
                "audit JSON contains `{personal}`: {text}"
            );
        }
        let v = parse(text.as_bytes());
        let items = v["items"].as_array().expect("items");
        let actions: Vec<&str> = items.iter().filter_map(|e| e["action"].as_str()).collect();
        let pos = |a: &str| actions.iter().position(|x| *x == a).unwrap_or_else(|| panic!("no {a} in {actions:?}"));
        assert!(pos("contact.create") < pos("contact.read"), "{actions:?}");
        assert!(pos("contact.read") < pos("contact.update"), "{actions:?}");
        let actor = format!("user:{}", env.admin_id);
        for e in items {
            assert_eq!(e["actor"], json!(actor), "{e}");
            assert_eq!(e["subject_id"], json!(id), "{e}");
        }
        assert_eq!(
            items[pos("contact.create")]["request_id"],
            json!(our_id),
            "the response's request id is in the entry"
        );
        let seqs: Vec<i64> = items.iter().filter_map(|e| e["seq"].as_i64()).collect();
        assert!(seqs.windows(2).all(|w| w[0] < w[1]), "oldest first: {seqs:?}");

        // By user: the same actor filter.
        let r = get(&env, &env.token, &format!("/api/v1/audit?user={}", env.admin_id)).await;
        assert_eq!(r.0, StatusCode::OK);
        assert!(r.2["items"].as_array().expect("items").iter().all(|e| e["actor"] == json!(actor)));
        assert!(r.2["items"].as_array().expect("items").len() >= 3);

        let r = get(&env, &env.token, "/api/v1/audit/verify").await;
        assert_eq!(r.0, StatusCode::OK, "{}", r.2);
        assert_eq!(r.2["intact"], true, "{}", r.2);
        assert!(r.2["entries_checked"].as_i64().unwrap_or(0) >= 3, "{}", r.2);
        assert!(r.2["broken_at"].is_null());
    })
    .await;
}
