//! Mail in the person's language: a contact's language set by staff
//! through the API, a Bulgarian form's double opt-in and receipt in
//! Bulgarian, and the receipt naming the notice's language.

use super::{id_of, link_token, newest_confirm_contact, ConsentApp};
use crate::harness::{form_body, on_both};
use axum::http::{Method, StatusCode};
use serde_json::json;

/// A notice in `language`.
async fn notice_in(env: &ConsentApp, name: &str, language: &str) -> String {
    let body = json!({
        "name": name,
        "language": language,
        "url": "https://privacy.example.com/notice",
        "body": "Example S.r.l. uses your email address to send what you ask for. You may withdraw at any time.",
    });
    id_of(&env.post("/notices", &body).await.expect(StatusCode::CREATED).json())
}

/// Staff set a contact's language on create and change it later (only
/// shipped languages); the receipt of a consent recorded for them comes
/// in that language and names the notice's language.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_contacts_language_is_set_by_staff_and_their_receipt_comes_in_it() {
    on_both("a_contacts_language_is_set_by_staff_and_their_receipt_comes_in_it", |t| async move {
        let env = ConsentApp::new(t);
        let purpose = env.purpose("Newsletter").await;
        let notice = notice_in(&env, "Известие за бюлетина", "bg").await;
        let refused = env.post("/contacts", &json!({"first_name": "Ivan", "language": "xx"})).await;
        super::assert_refused(&refused, &["language"]);
        let c =
            env.contact(json!({"first_name": "Иван", "emails": ["ivan.petrov@example.bg"], "language": "de"})).await;
        assert_eq!(env.get(&format!("/contacts/{c}")).await["language"], json!("de"));
        let patched = env
            .api(Method::PATCH, &format!("/contacts/{c}"), Some(&json!({"language": "bg-BG"})))
            .await
            .expect(StatusCode::OK)
            .json();
        assert_eq!(patched["language"], json!("bg"), "{patched}");
        assert_eq!(patched["first_name"], json!("Иван"), "a language-only change leaves the contact as it was");
        env.record(
            &c,
            json!({"purpose_id": purpose, "action": "given", "channels": ["email"], "method": "web_form",
                   "evidence_ref": "form system submission 90", "notice_id": notice,
                   "affirmative_act": "ticked the unticked newsletter box"}),
        )
        .await;
        env.deliver().await;
        let mail = env.mails("receipt", Some(&c)).await.pop().expect("a receipt mail");
        assert_eq!(mail.subject, "Разписка за Вашето съгласие: Newsletter");
        assert!(mail.text.contains("Дадохте съгласието си за „Newsletter“ (имейл)"), "{}", mail.text);
        assert!(!mail.text.contains("You gave"), "{}", mail.text);
        let attached: serde_json::Value = serde_json::from_str(&mail.attachments[0].2).expect("receipt json");
        let payload = super::receipts::verify_jws(
            attached["jws"].as_str().expect("jws"),
            &super::receipts::receipt_key(&env).await,
        )
        .expect("the receipt verifies");
        assert_eq!(payload["language"], json!("bg"), "the receipt names the notice's language");
    })
    .await;
}

/// Someone who signs up on a Bulgarian form gets the double opt-in in
/// Bulgarian, is written to in Bulgarian from then on (their receipt),
/// and their contact shows the language.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_bulgarian_form_sends_the_double_opt_in_and_the_receipt_in_bulgarian() {
    on_both("a_bulgarian_form_sends_the_double_opt_in_and_the_receipt_in_bulgarian", |t| async move {
        let env = ConsentApp::new(t);
        let purpose = env.purpose("Бюлетин").await;
        let notice = notice_in(&env, "Известие за бюлетина", "bg").await;
        let sub = env
            .post(
                "/subscription-types",
                &json!({"name": "Месечен бюлетин", "description": "Новини от Example S.r.l.", "purpose_id": purpose, "channels": ["email"]}),
            )
            .await
            .expect(StatusCode::CREATED)
            .json();
        env.post(
            "/forms",
            &json!({
                "slug": "byuletin",
                "title": "Да останем във връзка",
                "fields": ["first_name"],
                "subscription_type_ids": [id_of(&sub)],
                "notice_id": notice,
                "button": "Абонирай ме",
                "language": "bg",
            }),
        )
        .await
        .expect(StatusCode::CREATED);
        let body = form_body(&[("email", "maria.ivanova@example.bg"), ("first_name", "Мария"), ("subscription", &id_of(&sub))]);
        env.page(Method::POST, "/f/byuletin", Some(body), &[]).await.expect(StatusCode::OK);
        let contact = newest_confirm_contact(&env).await;
        env.deliver().await;
        let mail = env.mails("confirm", Some(&contact)).await.pop().expect("confirmation mail");
        assert_eq!(mail.subject, "Моля, потвърдете абонамента си");
        assert!(mail.text.contains("Поискахте да получавате: Месечен бюлетин."), "{}", mail.text);
        assert!(mail.text.contains("(валидна 7 дни)"), "{}", mail.text);
        let token = link_token(&mail.text, "/c/");
        env.page(Method::POST, &format!("/c/{token}"), None, &[]).await.expect(StatusCode::OK);
        env.deliver().await;
        let receipt = env.mails("receipt", Some(&contact)).await.pop().expect("a receipt mail");
        assert!(receipt.subject.starts_with("Разписка за Вашето съгласие"), "{}", receipt.subject);
        assert!(receipt.text.contains("Можете да промените избора си по всяко време"), "{}", receipt.text);
        assert_eq!(env.get(&format!("/contacts/{contact}")).await["language"], json!("bg"));
    })
    .await;
}
