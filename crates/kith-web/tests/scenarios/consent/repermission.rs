//! Re-permission and the "done when": asking again exactly the
//! people who gave consent under an older notice (their consent valid
//! until they answer), and the DPO asking everyone without a basis for the
//! newsletter with a saved Italian template, from the filtered list.

use super::templates::request_template;
use super::{id_of, link_token, ConsentApp};
use crate::harness::{on_both, TestApp};
use axum::http::{Method, StatusCode};
use kith_app::mailer::Transport;
use kith_domain::Role;
use serde_json::json;

fn given(purpose: &str, notice: &str) -> serde_json::Value {
    json!({"purpose_id": purpose, "action": "given", "channels": ["email"], "method": "paper",
           "notice_id": notice, "affirmative_act": "signed the paper form", "evidence_ref": "scan 17"})
}

#[tokio::test]
async fn re_permission_asks_exactly_the_people_under_an_older_notice() {
    on_both("re_permission_asks_exactly_the_people_under_an_older_notice", |t| async move {
        let env = ConsentApp::new(t);
        let web: &TestApp = &env;
        let purpose = env.purpose("Newsletter").await;
        let v1 = env.notice("Newsletter notice").await;
        let template =
            id_of(&env.post("/templates", &request_template("Ask again")).await.expect(StatusCode::CREATED).json());
        let mut old = Vec::new();
        for (first, email) in [("Anna", "anna.riva@example.it"), ("Bruno", "bruno.sala@example.it")] {
            let c = env.contact(json!({"first_name": first, "emails": [email]})).await;
            env.record(&c, given(&purpose, &v1)).await;
            old.push(c);
        }
        let gone = env.contact(json!({"first_name": "Ezio", "emails": ["ezio.neri@example.it"]})).await;
        env.record(&gone, given(&purpose, &v1)).await;
        env.record(
            &gone,
            json!({"purpose_id": purpose, "action": "withdrawn", "channels": ["email"], "method": "phone"}),
        )
        .await;
        // The notice's second version; one person consents under it.
        let v2 = env.notice("Newsletter notice").await;
        let current = env.contact(json!({"first_name": "Carla", "emails": ["carla.fo@example.it"]})).await;
        env.record(&current, given(&purpose, &v2)).await;
        let _never = env.contact(json!({"first_name": "Dino", "emails": ["dino.po@example.it"]})).await;

        let dpo = web.sign_in_as(Role::Dpo).await;
        let page = web.get(&dpo, &format!("/privacy/purposes/{purpose}/requests")).await;
        assert_eq!(page.status, StatusCode::OK, "{}", page.body);
        assert!(page.body.contains("<strong>2</strong> contacts gave consent"), "{}", page.body);
        let ask = [("template", template.as_str()), ("notice", v2.as_str()), ("wait_days", "30")];
        let done = web.post(&dpo, &format!("/privacy/purposes/{purpose}/ask-again"), &ask).await;
        assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
        assert!(done.location().ends_with("asked=2&skipped=0"), "{}", done.location());
        assert!(web.get(&dpo, done.location()).await.body.contains("Their consent stays valid until they answer."));

        let asked: Vec<String> = env
            .outbox()
            .await
            .into_iter()
            .filter(|m| m["kind"] == json!("consent_request"))
            .map(|m| m["contact_id"].as_str().unwrap().to_owned())
            .collect();
        let (mut a, mut b) = (asked.clone(), old.clone());
        a.sort();
        b.sort();
        assert_eq!(a, b, "exactly the people under the older notice");
        // Their consent stays valid meanwhile, and the sender lets the request go.
        assert_eq!(env.permission(&old[0], &purpose, "email", None).await["allowed"], json!(true));
        env.app.deliver_mail(&Transport::Outbox).await.unwrap();
        assert!(env
            .outbox()
            .await
            .iter()
            .all(|m| m["kind"] != json!("consent_request") || m["status"] == json!("outbox")));

        // Anna confirms: consent under the new notice; she leaves the segment.
        let mail = env.mails("consent_request", Some(&old[0])).await.pop().unwrap();
        let token = link_token(&mail.text, "/c/");
        env.page(Method::POST, &format!("/c/{token}"), None, &[]).await.expect(StatusCode::OK);
        let events = env.consents(&old[0]).await;
        let last = events.iter().max_by_key(|e| e["seq"].as_i64()).unwrap();
        assert_eq!(
            (last["action"].as_str(), last["notice_id"].as_str()),
            (Some("given"), Some(v2.as_str())),
            "{events:?}"
        );
        let page = web.get(&dpo, &format!("/privacy/purposes/{purpose}/requests")).await;
        assert!(page.body.contains("<strong>1</strong> contact gave consent"), "{}", page.body);
        // Asking again now: Bruno's request still awaits his answer.
        let again = web.post(&dpo, &format!("/privacy/purposes/{purpose}/ask-again"), &ask).await;
        assert!(again.location().ends_with("asked=0&skipped=1"), "{}", again.location());
        // Without a template, nothing is sent and the page says what to choose.
        let bad = web.post(&dpo, &format!("/privacy/purposes/{purpose}/ask-again"), &[("notice", v2.as_str())]).await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", bad.body);
    })
    .await;
}

/// The "done when": the DPO opens the contacts without a basis for
/// the newsletter (the overview's "no basis"), and requests consent from
/// all of them with a saved Italian template.
#[tokio::test]
async fn the_dpo_asks_everyone_without_a_basis_with_an_italian_template() {
    on_both("the_dpo_asks_everyone_without_a_basis_with_an_italian_template", |t| async move {
        let env = ConsentApp::new(t);
        let web: &TestApp = &env;
        let purpose = env.purpose("Newsletter").await;
        let notice = env.notice("Newsletter notice").await;
        let italian = json!({"name": "Richiesta newsletter", "kind": "consent_request", "texts": [
            {"language": "it", "subject": "{{first_name|Ciao}}, ti scriviamo ancora?",
             "body": "Gentile {{first_name|cliente}},\n\nconferma qui: {{confirm_url}}"}]});
        let template = id_of(&env.post("/templates", &italian).await.expect(StatusCode::CREATED).json());
        let a = env.contact(json!({"first_name": "Lia", "emails": ["lia.sorrentino@example.it"]})).await;
        let b = env.contact(json!({"first_name": "Gino", "emails": ["gino.ferro@example.it"]})).await;
        let with_basis = env.contact(json!({"first_name": "Pia", "emails": ["pia.lodi@example.it"]})).await;
        env.set_basis(&with_basis, json!({"purpose_id": purpose, "basis": "contract", "source": "manual"})).await;

        let dpo = web.sign_in_as(Role::Dpo).await;
        let list = web.get(&dpo, &format!("/contacts?basis={purpose}:none")).await;
        assert_eq!(list.status, StatusCode::OK, "{}", list.body);
        assert!(list.body.contains("Request consent from all matching"));
        let filter = format!("basis={purpose}%3Anone");
        assert!(list.body.contains(&filter), "the list carries its segment: {}", list.body);
        let choose = web.post(&dpo, "/contacts/request-consent", &[("filter", &filter), ("q", "")]).await;
        assert!(choose.body.contains("Richiesta newsletter (it)"), "{}", choose.body);
        let fields = [
            ("scope", "all"),
            ("action", "request_consent"),
            ("filter", filter.as_str()),
            ("q", ""),
            ("purpose", purpose.as_str()),
            ("template", template.as_str()),
            ("notice", notice.as_str()),
            ("wait_days", "30"),
        ];
        let confirm = web.post(&dpo, "/contacts/bulk", &fields).await;
        assert!(confirm.body.contains("<strong>2</strong> contacts"), "{}", confirm.body);
        let done = web.post(&dpo, "/contacts/bulk/apply", &fields).await;
        assert!(done.location().contains("notice=requested&n=2"), "{}", done.location());
        for c in [&a, &b] {
            let m = env.mails("consent_request", Some(c)).await.pop().expect("a request");
            assert!(m.subject.ends_with(", ti scriviamo ancora?"), "{}", m.subject);
            assert!(m.text.starts_with("Gentile "), "{}", m.text);
        }
        assert!(env.mails("consent_request", Some(&with_basis)).await.is_empty());
    })
    .await;
}
