//! Roles over consent work, restriction and objections, and opt-outs that
//! outlive requests and any basis.

use super::{array, id_of, newsletter_kit, signup, ConsentApp, Resp};
use crate::harness::on_both;
use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use kith_domain::Role;
use serde_json::{json, Value};
use time::OffsetDateTime;
use uuid::Uuid;

/// An API call with another user's token.
async fn as_user(env: &ConsentApp, role: Role, method: Method, path: &str, body: Option<&Value>) -> Resp {
    let token = env.token_for(role).await;
    let mut b = Request::builder()
        .method(method)
        .uri(format!("/api/v1{path}"))
        .header(header::AUTHORIZATION, format!("Bearer {token}"));
    let body = match body {
        Some(v) => {
            b = b.header(header::CONTENT_TYPE, "application/json");
            Body::from(serde_json::to_vec(v).expect("json"))
        }
        None => Body::empty(),
    };
    env.send(b.body(body).expect("request")).await
}

#[tokio::test]
async fn roles_gate_consent_setup_recording_and_the_outbox() {
    on_both("roles_gate_consent_setup_recording_and_the_outbox", |t| async move {
        let env = ConsentApp::new(t);
        let purpose = env.purpose("Newsletter").await;
        let c = env.contact(json!({"first_name": "Nadia", "emails": ["nadia.rossi@example.it"]})).await;
        let new_purpose = json!({"name": "Other", "description": "x", "default_basis": "contract"});
        for role in [Role::Sales, Role::Marketing, Role::Support, Role::Readonly] {
            as_user(&env, role, Method::POST, "/purposes", Some(&new_purpose)).await.expect(StatusCode::FORBIDDEN);
            as_user(&env, role, Method::GET, "/outbox", None).await.expect(StatusCode::FORBIDDEN);
            as_user(&env, role, Method::GET, "/forms", None).await.expect(StatusCode::FORBIDDEN);
        }
        as_user(&env, Role::Dpo, Method::POST, "/purposes", Some(&new_purpose)).await.expect(StatusCode::CREATED);
        let given = json!({"purpose_id": purpose, "action": "withdrawn", "channels": ["email"], "method": "phone"});
        as_user(&env, Role::Readonly, Method::POST, &format!("/contacts/{c}/consents"), Some(&given))
            .await
            .expect(StatusCode::FORBIDDEN);
        let basis = json!({"purpose_id": purpose, "basis": "contract", "source": "manual"});
        as_user(&env, Role::Readonly, Method::PUT, &format!("/contacts/{c}/bases"), Some(&basis))
            .await
            .expect(StatusCode::FORBIDDEN);
        assert!(env.consents(&c).await.is_empty(), "nothing was recorded by a refused role");
        // Everyone may read permissions and the summary (no personal data).
        as_user(&env, Role::Readonly, Method::GET, &format!("/contacts/{c}/permissions"), None)
            .await
            .expect(StatusCode::OK);
        as_user(&env, Role::Readonly, Method::GET, "/compliance/summary", None).await.expect(StatusCode::OK);
        as_user(&env, Role::Marketing, Method::POST, &format!("/contacts/{c}/consents"), Some(&given))
            .await
            .expect(StatusCode::CREATED);
    })
    .await;
}

#[tokio::test]
async fn restriction_blocks_everything_but_storage_and_objections_feed_permissions() {
    on_both("restriction_blocks_everything_but_storage_and_objections_feed_permissions", |t| async move {
        let env = ConsentApp::new(t);
    let news = id_of(
        &env.post(
            "/purposes",
            &json!({"name": "Newsletter", "description": "Monthly news", "default_basis": "consent", "direct_marketing": true}),
        )
        .await
        .expect(StatusCode::CREATED)
        .json(),
    );
    let events = id_of(
        &env.post(
            "/purposes",
            &json!({"name": "Events", "description": "Fair invitations", "default_basis": "legitimate_interests"}),
        )
        .await
        .expect(StatusCode::CREATED)
        .json(),
    );
    let notice = env.notice("Notice").await;
    let c =
        env.contact(json!({"first_name": "Ottavia", "emails": ["ottavia.greco@example.it"], "tags": ["fair"]})).await;
    let given = json!({"purpose_id": news, "action": "given", "channels": ["email"], "method": "web_form", "evidence_ref": "form system submission 881",
                       "notice_id": notice, "affirmative_act": "ticked the box"});
    env.record(&c, given.clone()).await;
    env.set_basis(
        &c,
        json!({"purpose_id": events, "basis": "legitimate_interests", "source": "manual", "lia_ref": "LIA-7"}),
    )
    .await;
    assert_eq!(env.permission(&c, &news, "email", None).await["allowed"], json!(true));
    assert_eq!(env.permission(&c, &events, "post", None).await["allowed"], json!(true));

    // Restricted: reads still work, every kind of processing is refused with a problem naming it.
    let r = env.put(&format!("/contacts/{c}/restriction"), &json!({})).await.expect(StatusCode::OK).json();
    assert_eq!(r["restricted"], json!(true));
    let restricted = |r: Resp| {
        let r = r.expect(StatusCode::CONFLICT);
        let p = r.json();
        assert!(p["type"].as_str().unwrap().ends_with("/restricted"), "{p}");
        assert!(p["detail"].as_str().unwrap().contains("Art. 18"), "{p}");
    };
    env.get(&format!("/contacts/{c}")).await;
    restricted(env.api(Method::PATCH, &format!("/contacts/{c}"), Some(&json!({"job_title": "Buyer"}))).await);
    restricted(env.post(&format!("/contacts/{c}/interactions"), &json!({"kind": "note", "body": "Called."})).await);
    restricted(
        env.put(
            &format!("/contacts/{c}/bases"),
            &json!({"purpose_id": events, "basis": "contract", "source": "manual"}),
        )
        .await,
    );
    restricted(env.post(&format!("/contacts/{c}/consents"), &given).await);
    let bulk = json!({"selection": {"filter": {"tag": "fair"}},
                      "basis": {"purpose_id": events, "basis": "contract", "source": "manual"}});
    let b = env.post("/bases/bulk", &bulk).await.expect(StatusCode::CONFLICT).json();
    assert!(b["detail"].as_str().unwrap().contains("restricted"), "{b}");
    for (purpose, channel) in [(&news, "email"), (&events, "post")] {
        let p = env.permission(&c, purpose, channel, None).await;
        assert_eq!(p["allowed"], json!(false));
        assert!(p["reason"].as_str().unwrap().contains("restricted"), "{p}");
    }
    // The person may still withdraw; no receipt is mailed while restricted.
    let before = env.deliver().await;
    let withdrawn = json!({"purpose_id": news, "action": "withdrawn", "channels": ["email"], "method": "phone"});
    env.record(&c, withdrawn).await;
    assert_eq!(env.deliver().await, 0, "nothing is sent to a restricted person (had {before} before)");
    // Only admin and dpo restrict or lift.
    as_user(&env, Role::Sales, Method::POST, &format!("/contacts/{c}/restriction/lift"), None)
        .await
        .expect(StatusCode::FORBIDDEN);
    let r = env.api(Method::POST, &format!("/contacts/{c}/restriction/lift"), None).await.expect(StatusCode::OK).json();
    assert_eq!(r["restricted"], json!(false));
    env.api(Method::PATCH, &format!("/contacts/{c}"), Some(&json!({"job_title": "Buyer"})))
        .await
        .expect(StatusCode::OK);

    // Objection to direct marketing is absolute; to legitimate interests it waits for a decision.
    env.record(&c, given.clone()).await;
    assert_eq!(env.permission(&c, &news, "email", None).await["allowed"], json!(true));
    env.post(&format!("/contacts/{c}/objections"), &json!({"purpose_id": news})).await.expect(StatusCode::CREATED);
    let p = env.permission(&c, &news, "email", None).await;
    assert_eq!(p["allowed"], json!(false));
    assert!(p["reason"].as_str().unwrap().contains("direct marketing"), "{p}");
    env.put(&format!("/contacts/{c}/objections/{news}"), &json!({"decision": "overridden"}))
        .await
        .expect(StatusCode::OK);
    assert_eq!(env.permission(&c, &news, "email", None).await["allowed"], json!(false), "no override for marketing");
    env.post(&format!("/contacts/{c}/objections"), &json!({"purpose_id": events})).await.expect(StatusCode::CREATED);
    assert_eq!(env.permission(&c, &events, "post", None).await["allowed"], json!(false), "pending stops processing");
    env.put(&format!("/contacts/{c}/objections/{events}"), &json!({"decision": "pending"}))
        .await
        .expect(StatusCode::UNPROCESSABLE_ENTITY);
    as_user(
        &env,
        Role::Marketing,
        Method::PUT,
        &format!("/contacts/{c}/objections/{events}"),
        Some(&json!({"decision": "overridden"})),
    )
    .await
    .expect(StatusCode::FORBIDDEN);
    env.put(&format!("/contacts/{c}/objections/{events}"), &json!({"decision": "overridden"}))
        .await
        .expect(StatusCode::OK);
    assert_eq!(env.permission(&c, &events, "post", None).await["allowed"], json!(true));
    env.put(&format!("/contacts/{c}/objections/{events}"), &json!({"decision": "upheld"})).await.expect(StatusCode::OK);
    assert_eq!(env.permission(&c, &events, "post", None).await["allowed"], json!(false));
    let list = array(env.get(&format!("/contacts/{c}/objections")).await);
    assert_eq!(list.len(), 2);
    // Deciding on an objection that was never made is a 404.
    let other = env.purpose("Other").await;
    env.put(&format!("/contacts/{c}/objections/{other}"), &json!({"decision": "upheld"}))
        .await
        .expect(StatusCode::NOT_FOUND);
    })
    .await;
}

/// A "no" stays a "no": unsubscribing records a withdrawal whatever the
/// state was, and a stranger typing the address into the form afterwards
/// cannot turn it back into a "may contact".
#[tokio::test]
async fn an_opt_out_outlives_requests_and_any_basis() {
    on_both("an_opt_out_outlives_requests_and_any_basis", |t| async move {
        let env = ConsentApp::new(t);
        let kit = newsletter_kit(&env).await;
        let c = env.contact(json!({"first_name": "Rosa", "emails": ["rosa.villa@example.it"]})).await;
        // Legitimate interests, no consent event at all: contact allowed.
        env.set_basis(
            &c,
            json!({"purpose_id": kit.purpose, "basis": "legitimate_interests", "source": "manual", "lia_ref": "LIA-1"}),
        )
        .await;
        assert_eq!(env.permission(&c, &kit.purpose, "email", None).await["allowed"], json!(true));
        // Unsubscribe from all, from a state of "none": a withdrawal is recorded and wins over the basis.
        let token = kith_app::tokens::sign(
            env.app.store().vault(),
            kith_app::tokens::TokenKind::Preferences,
            kith_app::tokens::Claims {
                subject: kith_domain::SubjectId(Uuid::parse_str(&c).unwrap()),
                scope: Uuid::nil(),
                expires: OffsetDateTime::now_utc().unix_timestamp() + 3600,
            },
        );
        env.page(Method::POST, &format!("/p/{token}/unsubscribe-all"), Some(String::new()), &[])
            .await
            .expect(StatusCode::OK);
        let p = env.permission(&c, &kit.purpose, "email", None).await;
        assert_eq!((p["consent"].clone(), p["allowed"].clone()), (json!("withdrawn"), json!(false)), "{p}");
        // Someone submits the public form with her address: still a "no" until she confirms herself.
        env.page(Method::POST, &format!("/f/{}", kit.slug), Some(signup(&kit, "rosa.villa@example.it")), &[])
            .await
            .expect(StatusCode::OK);
        let p = env.permission(&c, &kit.purpose, "email", None).await;
        assert_eq!((p["consent"].clone(), p["allowed"].clone()), (json!("withdrawn"), json!(false)), "{p}");
        // She confirms from the mail: now she said yes herself.
        env.deliver().await;
        let mail = env.mails("confirm", Some(&c)).await.pop().expect("a confirmation mail");
        let at = mail.text.find("/c/").expect("a confirmation link");
        let link: String = mail.text[at..].split_whitespace().next().unwrap().to_owned();
        env.page(Method::POST, &link, Some(String::new()), &[]).await.expect(StatusCode::OK);
        let p = env.permission(&c, &kit.purpose, "email", None).await;
        assert_eq!((p["consent"].clone(), p["allowed"].clone()), (json!("given"), json!(true)), "{p}");
    })
    .await;
}
