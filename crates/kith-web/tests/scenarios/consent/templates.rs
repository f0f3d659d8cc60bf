//! Mail templates over the API: create, read, change, delete, the
//! validation errors naming the text (`texts.it.body`), roles, and a
//! preview for a real contact that escapes every value.

use super::{array, assert_refused, id_of, ConsentApp};
use crate::harness::on_both;
use axum::http::{Method, StatusCode};
use kith_domain::Role;
use serde_json::{json, Value};

/// An Italian and English consent request template.
pub(super) fn request_template(name: &str) -> Value {
    json!({
        "name": name,
        "kind": "consent_request",
        "texts": [
            {"language": "en", "subject": "{{first_name|Hello}}, may we write to you?",
             "body": "Dear {{first_name|customer}},\n\n{{company}} would like to send you {{purpose}}.\nConfirm here: {{confirm_url}}"},
            {"language": "it", "subject": "{{first_name|Ciao}}, possiamo scriverti?",
             "body": "Gentile {{first_name|cliente}},\n\nvorremmo inviarti {{purpose}}.\nConferma qui: {{confirm_url}}\nDisiscriviti: {{unsubscribe_url}}"}
        ]
    })
}

#[tokio::test]
async fn templates_crud_validation_and_roles() {
    on_both("templates_crud_validation_and_roles", |t| async move {
        let env = ConsentApp::new(t);
        let created = env.post("/templates", &request_template("Ask again")).await.expect(StatusCode::CREATED).json();
        let id = id_of(&created);
        assert_eq!(created["kind"], json!("consent_request"));
        assert_eq!(created["texts"][0]["language"], json!("en"), "English first: {created}");
        assert_eq!(created["texts"][1]["language"], json!("it"));
        let used: Vec<&str> = created["fields_used"].as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect();
        assert_eq!(used, ["first_name", "company", "purpose", "confirm_url", "unsubscribe_url"]);

        // Validation names the text and the field.
        let mut bad = request_template("Broken");
        bad["texts"][1]["body"] = json!("Ciao {{frist_name}} {{confirm_url}}");
        let r = env.post("/templates", &bad).await;
        assert_refused(&r, &["texts.it.body"]);
        assert!(r.text().contains("{{frist_name}}"), "{}", r.text());
        let mut bad = request_template("Broken");
        bad["texts"][0]["subject"] = json!("Hello {{first_name");
        assert_refused(&env.post("/templates", &bad).await, &["texts.en.subject"]);
        let mut bad = request_template("Broken");
        bad["texts"][1]["body"] = json!("Senza link di conferma");
        let r = env.post("/templates", &bad).await;
        assert_refused(&r, &["texts.it.body"]);
        assert!(r.text().contains("confirm_url"), "{}", r.text());
        let mut bad = request_template("Broken");
        bad["texts"][1]["language"] = json!("xx");
        assert_refused(&env.post("/templates", &bad).await, &["texts.1.language"]);
        let mut bad = request_template("Broken");
        bad["texts"][1]["language"] = json!("en");
        assert_refused(&env.post("/templates", &bad).await, &["texts.en"]);
        assert_refused(
            &env.post("/templates", &json!({"name": "", "kind": "newsletter", "texts": []})).await,
            &["name", "texts"],
        );
        assert_refused(&env.post("/templates", &json!({"name": "x", "kind": "poster", "texts": []})).await, &["kind"]);
        let mut bad = request_template("Broken");
        bad["texts"][0]["subject"] = json!("Two\nlines {{confirm_url}}");
        assert_refused(&env.post("/templates", &bad).await, &["texts.en.subject"]);
        env.post("/templates", &request_template("Ask again")).await.expect(StatusCode::CONFLICT);

        // Read, change, list.
        assert_eq!(env.get(&format!("/templates/{id}")).await["name"], json!("Ask again"));
        let mut changed = request_template("Ask again, politely");
        changed["kind"] = json!("newsletter");
        changed["texts"] = json!([{"language": "de", "subject": "Neuigkeiten", "body": "Hallo {{first_name}}"}]);
        let r = env.put(&format!("/templates/{id}"), &changed).await.expect(StatusCode::OK).json();
        assert_eq!(r["name"], json!("Ask again, politely"));
        assert_eq!(r["texts"], json!([{"language": "de", "subject": "Neuigkeiten", "body": "Hallo {{first_name}}"}]));
        let list = array(env.get("/templates").await);
        assert_eq!(list.len(), 1);
        env.put(&format!("/templates/{}", uuid::Uuid::now_v7()), &changed).await.expect(StatusCode::NOT_FOUND);

        // Roles: marketing changes templates; sales reads them; readonly does neither.
        let marketing = env.token_for(Role::Marketing).await;
        let m = env
            .call_as(
                &marketing,
                Method::POST,
                "/templates",
                Some(request_template("By marketing")),
                StatusCode::CREATED,
            )
            .await;
        let sales = env.token_for(Role::Sales).await;
        env.call_as(&sales, Method::GET, "/templates", None, StatusCode::OK).await;
        env.call_as(&sales, Method::POST, "/templates", Some(request_template("By sales")), StatusCode::FORBIDDEN)
            .await;
        let readonly = env.token_for(Role::Readonly).await;
        env.call_as(&readonly, Method::GET, "/templates", None, StatusCode::FORBIDDEN).await;

        // Delete.
        env.api(Method::DELETE, &format!("/templates/{}", id_of(&m)), None).await.expect(StatusCode::NO_CONTENT);
        env.api(Method::DELETE, &format!("/templates/{}", id_of(&m)), None).await.expect(StatusCode::NOT_FOUND);
        let actions: Vec<String> =
            env.audit().await.iter().map(|e| e["action"].as_str().unwrap_or_default().to_owned()).collect();
        for a in ["template.create", "template.update", "template.delete"] {
            assert!(actions.iter().any(|x| x == a), "{a} audited");
        }
    })
    .await;
}

/// A preview fills in a real contact's values, every one escaped in the
/// HTML, in the contact's language (or the one asked for); it is an
/// audited read of the contact, and links acting as the person are hidden.
#[tokio::test]
async fn preview_escapes_values_and_is_audited() {
    on_both("preview_escapes_values_and_is_audited", |t| async move {
        let env = ConsentApp::new(t);
        let company =
            env.post("/companies", &json!({"name": "Rossi & <Figli>"})).await.expect(StatusCode::CREATED).json();
        let contact = env
            .contact(json!({"first_name": "<script>alert(1)</script>", "emails": ["mario.rossi@example.it"],
                            "company_id": id_of(&company)}))
            .await;
        let id =
            id_of(&env.post("/templates", &request_template("Preview me")).await.expect(StatusCode::CREATED).json());
        let r = env
            .post(&format!("/templates/{id}/preview"), &json!({"contact": contact}))
            .await
            .expect(StatusCode::OK)
            .json();
        assert_eq!(r["language"], json!("en"), "no consent event: English");
        let html = r["html"].as_str().unwrap();
        assert!(!html.contains("<script>"), "{html}");
        assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "{html}");
        assert!(html.contains("Rossi &amp; &lt;Figli&gt;"), "{html}");
        assert!(html.starts_with("<p>Dear "), "{html}");
        assert!(r["text"].as_str().unwrap().contains("Dear <script>alert(1)</script>,"), "text is plain text");
        assert!(r["text"].as_str().unwrap().contains("/c/[one-time link hidden]"), "{}", r["text"]);
        assert_eq!(r["subject"], json!("<script>alert(1)</script>, may we write to you?"));

        let it = env
            .post(&format!("/templates/{id}/preview"), &json!({"contact": contact, "language": "it"}))
            .await
            .expect(StatusCode::OK)
            .json();
        assert!(it["text"].as_str().unwrap().starts_with("Gentile "), "{it}");
        assert_refused(
            &env.post(&format!("/templates/{id}/preview"), &json!({"contact": contact, "language": "fr"})).await,
            &["language"],
        );
        assert_refused(
            &env.post(&format!("/templates/{id}/preview"), &json!({"contact": uuid::Uuid::now_v7()})).await,
            &["contact"],
        );
        let audited = env
            .audit()
            .await
            .into_iter()
            .any(|e| e["action"] == json!("template.preview") && e["subject_id"] == json!(contact));
        assert!(audited, "the preview is an audited read");
        // Without SMTP, a test send is refused with a reason.
        let r = env.post(&format!("/templates/{id}/test-send"), &json!({})).await.expect(StatusCode::CONFLICT);
        assert!(r.text().contains("SMTP"), "{}", r.text());
    })
    .await;
}
