//! Templates and consent requests on the pages, as a new user clicks
//! them: write a template (and see what to correct), preview it with a
//! contact, request consent from all contacts matching a filter with an
//! Italian template, the contact page's "Request consent", and a test mail
//! to oneself through a real SMTP server.

use super::smtp::{header_value, message_text, mime_parts, top_headers, SmtpSink};
use super::templates::request_template;
use super::{id_of, ConsentApp};
use crate::harness::{on_both, TestApp};
use axum::http::{Method, StatusCode};
use kith_app::mailer::Transport;
use kith_domain::Role;
use serde_json::json;

/// Text as a page shows it, HTML character references decoded.
fn unescape(s: &str) -> String {
    [("&#60;", "<"), ("&#62;", ">"), ("&#34;", "\""), ("&#39;", "'"), ("&quot;", "\""), ("&lt;", "<"), ("&gt;", ">")]
        .iter()
        .fold(s.to_owned(), |acc, (from, to)| acc.replace(from, to))
        .replace("&#38;", "&")
        .replace("&amp;", "&")
}

#[tokio::test]
async fn marketing_writes_previews_and_corrects_a_template_on_the_pages() {
    on_both("marketing_writes_previews_and_corrects_a_template_on_the_pages", |t| async move {
        let env = ConsentApp::new(t);
        let web: &TestApp = &env;
        let ugo = env
            .contact(json!({"first_name": "Ugo <b>", "last_name": "Ferri", "emails": ["ugo.ferri@example.it"]}))
            .await;
        let m = web.sign_in_as(Role::Marketing).await;
        let home = web.get(&m, "/contacts").await;
        assert!(home.body.contains("href=\"/templates\""), "marketing sees Templates in the menu");
        let sales = web.sign_in_as(Role::Sales).await;
        assert!(!web.get(&sales, "/contacts").await.body.contains("href=\"/templates\""));
        assert_eq!(web.get(&sales, "/templates/new").await.status, StatusCode::FORBIDDEN);

        let list = web.get(&m, "/templates").await;
        assert_eq!(list.status, StatusCode::OK);
        assert!(list.body.contains("No template yet"), "{}", list.body);
        let form = web.get(&m, "/templates/new").await;
        assert!(form.body.contains("name=\"body_it\""), "one section per language");
        assert!(form.body.contains("{{confirm_url}}"), "the merge fields are listed");

        // A mistake is shown beside the Italian body, the text kept.
        let fields = [
            ("name", "Richiesta"),
            ("kind", "consent_request"),
            ("subject_it", "Ciao {{first_name}}"),
            ("body_it", "Gentile {{nome}}, conferma: {{confirm_url}}"),
        ];
        let bad = web.post(&m, "/templates", &fields).await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(bad.body.contains("unknown merge field {{nome}}"), "{}", bad.body);
        assert!(bad.body.contains("Gentile {{nome}}, conferma: {{confirm_url}}</textarea>"), "the text is kept");

        let fields = [
            ("name", "Richiesta"),
            ("kind", "consent_request"),
            ("subject_it", "Ciao {{first_name}}"),
            ("body_it", "Gentile {{first_name}},\n\nconferma: {{confirm_url}}"),
        ];
        let saved = web.post(&m, "/templates", &fields).await;
        assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
        let path = saved.location().split('?').next().unwrap().to_owned();
        let page = web.get(&m, saved.location()).await;
        assert!(page.body.contains("The template was saved."));

        // Preview: search a contact, choose it, see the mail with values escaped.
        let found = web.post(&m, &format!("{path}/preview"), &[("q", "Ugo")]).await;
        assert_eq!(found.status, StatusCode::OK, "{}", found.body);
        assert!(
            unescape(&found.body).contains(&format!("<option value=\"{ugo}\">Ugo <b> Ferri</option>")),
            "{}",
            found.body
        );
        let shown = web.post(&m, &format!("{path}/preview"), &[("q", "Ugo"), ("contact", &ugo)]).await;
        assert_eq!(shown.status, StatusCode::OK, "{}", shown.body);
        assert_eq!(
            shown.text_of("preview-subject").map(|t| unescape(&t)).as_deref(),
            Some("Ciao Ugo <b>"),
            "{}",
            shown.body
        );
        let html = shown.text_of("preview-html").map(|t| unescape(&t)).unwrap_or_default();
        assert!(html.starts_with("<p>Gentile Ugo &lt;b&gt;,</p>"), "the HTML source, its value escaped: {html}");
        assert!(shown.body.contains("/c/[one-time link hidden]"));

        // No SMTP configured: the test send says so.
        let sent = web.post(&m, &format!("{path}/test-send"), &[("language", "it")]).await;
        assert_eq!(sent.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", sent.body);
        assert!(sent.body.contains("no SMTP server is configured"), "{}", sent.body);

        // Delete.
        let gone = web.post(&m, &format!("{path}/delete"), &[]).await;
        assert_eq!(gone.status, StatusCode::SEE_OTHER);
        assert!(web.get(&m, "/templates?deleted=1").await.body.contains("The template was deleted."));
    })
    .await;
}

/// The DPO asks every contact matching a filter with a saved Italian
/// template: the list's button, the choices, the count, the send; the
/// Italian-language contact gets the Italian text. Then one contact from
/// its own page, and the reason when it may not be asked.
#[tokio::test]
async fn the_dpo_requests_consent_from_all_matching_with_an_italian_template() {
    on_both("the_dpo_requests_consent_from_all_matching_with_an_italian_template", |t| async move {
        let env = ConsentApp::new(t);
        let web: &TestApp = &env;
        let purpose = env.purpose("Newsletter").await;
        let notice = env.notice("Newsletter notice").await;
        let template = id_of(
            &env.post("/templates", &request_template("Newsletter ask")).await.expect(StatusCode::CREATED).json(),
        );
        let it_notice = id_of(
            &env.post("/notices", &json!({"name": "Informativa", "language": "it", "body": "Testo dell'informativa."}))
                .await
                .expect(StatusCode::CREATED)
                .json(),
        );
        let events = env.purpose("Eventi").await;
        let giulia = env
            .contact(json!({"first_name": "Giulia", "emails": ["giulia.conti@example.it"], "tags": ["fiera"]}))
            .await;
        env.record(
            &giulia,
            json!({"purpose_id": events, "action": "given", "channels": ["email"], "method": "paper",
                   "notice_id": it_notice, "affirmative_act": "signed the form", "evidence_ref": "scan 2026-17"}),
        )
        .await;
        let tom =
            env.contact(json!({"first_name": "Tom", "emails": ["tom.reed@example.com"], "tags": ["fiera"]})).await;
        env.contact(json!({"first_name": "Other", "emails": ["other@example.com"]})).await;

        let dpo = web.sign_in_as(Role::Dpo).await;
        let list = web.get(&dpo, "/contacts?tag=fiera").await;
        assert!(list.body.contains("Request consent from all matching"), "{}", list.body);
        let choose = web
            .post(&dpo, "/contacts/request-consent", &[("filter", "tag=fiera"), ("q", ""), ("purpose", &purpose)])
            .await;
        assert_eq!(choose.status, StatusCode::OK, "{}", choose.body);
        assert!(choose.body.contains("Newsletter ask (en, it)"), "{}", choose.body);
        let fields = [
            ("scope", "all"),
            ("action", "request_consent"),
            ("filter", "tag=fiera"),
            ("q", ""),
            ("purpose", purpose.as_str()),
            ("template", template.as_str()),
            ("notice", notice.as_str()),
            ("wait_days", "30"),
        ];
        let confirm = web.post(&dpo, "/contacts/bulk", &fields).await;
        assert_eq!(confirm.status, StatusCode::OK, "{}", confirm.body);
        assert!(confirm.body.contains("<strong>2</strong> contacts"), "{}", confirm.body);
        assert!(confirm.body.contains("Send to 2 contacts"));
        assert!(confirm.body.contains(&format!("name=\"template\" value=\"{template}\"")), "the template is carried");
        let done = web.post(&dpo, "/contacts/bulk/apply", &fields).await;
        assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
        assert!(done.location().contains("notice=requested&n=2"), "{}", done.location());

        let it = env.mails("consent_request", Some(&giulia)).await.pop().expect("Giulia's mail");
        assert_eq!(it.subject, "Giulia, possiamo scriverti?");
        assert!(it.text.starts_with("Gentile Giulia,"), "{}", it.text);
        let en = env.mails("consent_request", Some(&tom)).await.pop().expect("Tom's mail");
        assert!(en.text.starts_with("Dear Tom,"), "{}", en.text);

        // One contact, from its page.
        let ada = env.contact(json!({"first_name": "Ada", "emails": ["ada.riva@example.it"]})).await;
        let page = web.get(&dpo, &format!("/contacts/{ada}")).await;
        assert!(page.body.contains(&format!("href=\"/contacts/{ada}/request-consent\"")), "the button");
        let form = web.get(&dpo, &format!("/contacts/{ada}/request-consent")).await;
        assert_eq!(form.status, StatusCode::OK, "{}", form.body);
        let one = [
            ("purpose", purpose.as_str()),
            ("template", template.as_str()),
            ("notice", notice.as_str()),
            ("wait_days", "10"),
        ];
        let sent = web.post(&dpo, &format!("/contacts/{ada}/request-consent"), &one).await;
        assert_eq!(sent.status, StatusCode::OK, "{}", sent.body);
        assert!(sent.text_of("request-sent").is_some(), "{}", sent.body);
        let again = web.post(&dpo, &format!("/contacts/{ada}/request-consent"), &one).await;
        assert!(again.text_of("request-skipped").is_some_and(|t| t.contains("awaits")), "{}", again.body);
        let bad = web.post(&dpo, &format!("/contacts/{ada}/request-consent"), &[("purpose", purpose.as_str())]).await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", bad.body);
        assert_eq!(env.mails("consent_request", Some(&ada)).await.len(), 1);
        // A readonly user sees no button and may not ask.
        let ro = web.sign_in_as(Role::Readonly).await;
        assert_eq!(web.get(&ro, &format!("/contacts/{ada}/request-consent")).await.status, StatusCode::FORBIDDEN);
    })
    .await;
}

/// A test of a template to oneself goes through a real SMTP server, with
/// sample values (no contact's data) and an HTML alternative.
#[tokio::test]
async fn a_test_send_reaches_a_real_smtp_server() {
    on_both("a_test_send_reaches_a_real_smtp_server", |t| async move {
        let sink = SmtpSink::start();
        let mut t = t;
        t.app = t.app.clone().with_staff_mail(Transport::from_url(Some(&sink.url())).expect("smtp"));
        let env = ConsentApp::new(t);
        let id = id_of(&env.post("/templates", &request_template("Test me")).await.expect(StatusCode::CREATED).json());
        let r =
            env.post(&format!("/templates/{id}/test-send"), &json!({"language": "it"})).await.expect(StatusCode::OK);
        assert_eq!(r.json()["sent_to"], json!("admin@example.com"));
        let raw = sink.wait_for(1).await.remove(0);
        let top = top_headers(&raw);
        assert_eq!(header_value(&top, "To").as_deref(), Some("admin@example.com"));
        assert_eq!(header_value(&top, "Subject").as_deref(), Some("[Test] Ada, possiamo scriverti?"));
        let parts = mime_parts(&raw);
        let text = message_text(&parts);
        assert!(text.starts_with("Gentile Ada,"), "{text}");
        assert!(text.contains("/c/sample"), "sample links, not a person's: {text}");
        let html = parts
            .iter()
            .find(|p| p.header("Content-Type").is_some_and(|t| t.starts_with("text/html")))
            .expect("an HTML alternative");
        assert!(html.body.starts_with("<p>Gentile Ada,</p>"), "{}", html.body);
        let audited = env.audit().await.into_iter().any(|e| e["action"] == json!("template.test_send"));
        assert!(audited);
        env.api(Method::POST, &format!("/templates/{id}/test-send"), Some(&json!({"language": "fr"})))
            .await
            .expect(StatusCode::UNPROCESSABLE_ENTITY);
        drop(sink);
    })
    .await;
}
