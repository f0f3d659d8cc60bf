//! Newsletter campaigns end to end through a real SMTP server
//! (`scripts/smtp_sink.py`): a campaign to "may email for Newsletter"
//! reaches exactly those people; who withdraws, is restricted or objects
//! after scheduling is skipped with the reason; each mail has one-click
//! unsubscribe that works; a 5xx marks the address undeliverable and the
//! next campaign skips it; a sender aborted mid-campaign resumes without
//! sending anyone twice.

use super::smtp::{header_value, message_text, mime_parts, top_headers, SmtpSink};
use super::{id_of, link_token, newsletter_kit, ConsentApp, Kit, PUBLIC_URL};
use crate::harness::on_both;
use axum::http::{Method, StatusCode};
use kith_app::mailer::Transport;
use serde_json::{json, Value};
use std::collections::HashMap;
use std::time::Duration;

/// A tick this short takes one recipient at 600 a minute; a minute takes all.
const ONE: Duration = Duration::from_millis(100);
const ALL: Duration = Duration::from_secs(60);

async fn template(env: &ConsentApp) -> String {
    let body = json!({"name": "Monthly news", "kind": "newsletter", "texts": [
        {"language": "en", "subject": "News for {{first_name}}", "body": "Hello {{first_name}},\n\nThis month at Example S.r.l."},
    ]});
    id_of(&env.post("/templates", &body).await.expect(StatusCode::CREATED).json())
}

/// A contact who consented to the newsletter by email.
async fn consenting(env: &ConsentApp, kit: &Kit, first: &str, email: &str) -> String {
    let c = env.contact(json!({"first_name": first, "emails": [email]})).await;
    env.set_basis(&c, json!({"purpose_id": kit.purpose, "basis": "consent", "source": "manual"})).await;
    env.record(
        &c,
        json!({"purpose_id": kit.purpose, "action": "given", "channels": ["email"], "method": "paper",
               "notice_id": kit.notice, "affirmative_act": "ticked the box", "evidence_ref": "card 7"}),
    )
    .await;
    c
}

async fn campaign(env: &ConsentApp, kit: &Kit, tpl: &str, name: &str) -> String {
    let body = json!({"name": name, "subscription_type_id": kit.sub, "template_id": tpl});
    let c = env.post("/campaigns", &body).await.expect(StatusCode::CREATED).json();
    assert_eq!(c["status"], json!("draft"));
    id_of(&c)
}

async fn deliver_all(env: &ConsentApp, transport: &Transport) {
    while env.app.deliver_mail(transport).await.expect("deliver") > 0 {}
}

/// The delivery log as contact id → (status, reason).
async fn log(env: &ConsentApp, id: &str) -> HashMap<String, (String, String)> {
    let rows = env.get(&format!("/campaigns/{id}/recipients?limit=500")).await;
    rows.as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["contact_id"].as_str().unwrap().to_owned(),
                (r["status"].as_str().unwrap().to_owned(), r["reason"].as_str().unwrap_or("").to_owned()),
            )
        })
        .collect()
}

/// The newsletters the SMTP server received (consent receipts left out).
fn news(sink: &SmtpSink) -> Vec<String> {
    sink.messages()
        .into_iter()
        .filter(|m| header_value(&top_headers(m), "Subject").is_some_and(|s| s.starts_with("News for")))
        .collect()
}

#[tokio::test]
async fn a_newsletter_reaches_exactly_those_who_may_be_emailed() {
    on_both("a_newsletter_reaches_exactly_those_who_may_be_emailed", |t| async move {
        let env = ConsentApp::new(t);
        let sink = SmtpSink::start_rejecting("bounce");
        let transport = Transport::from_url(Some(&sink.url())).expect("smtp transport");
        let kit = newsletter_kit(&env).await;
        let tpl = template(&env).await;
        let ada = consenting(&env, &kit, "Ada", "ada.rossi@example.com").await;
        let bruno = consenting(&env, &kit, "Bruno", "bruno.conti@example.com").await;
        let carla = consenting(&env, &kit, "Carla", "carla.ferri@example.com").await;
        let dario = consenting(&env, &kit, "Dario", "dario.galli@example.com").await;
        let fabio = consenting(&env, &kit, "Fabio", "fabio.bounce@example.com").await;
        let elena = env.contact(json!({"first_name": "Elena", "emails": ["elena.neri@example.com"]})).await;
        // Their consent receipts stay in the outbox: the SMTP server sees only the newsletter.
        env.deliver().await;

        // Bad input names the fields.
        let bad =
            json!({"name": " ", "subscription_type_id": kit.sub, "template_id": kit.notice, "rate_per_minute": 0});
        super::assert_refused(&env.post("/campaigns", &bad).await, &["name", "rate_per_minute", "template_id"]);

        let id = campaign(&env, &kit, &tpl, "March news").await;
        assert_eq!(env.get(&format!("/campaigns/{id}/audience")).await["audience"], json!(5));
        let c = env.post(&format!("/campaigns/{id}/schedule"), &json!({})).await.expect(StatusCode::OK).json();
        assert_eq!(c["status"], json!("scheduled"));
        assert!(c["query"].as_str().unwrap().contains(&format!("may={}:email", kit.purpose)), "{c}");
        // Scheduled: no longer editable.
        env.put(
            &format!("/campaigns/{id}"),
            &json!({"name": "x", "subscription_type_id": kit.sub, "template_id": tpl}),
        )
        .await
        .expect(StatusCode::CONFLICT);

        // The first recipient (Ada, the oldest id) goes; then the others change their minds.
        let run = env.app.send_newsletters(ONE).await.expect("send");
        assert_eq!((run.queued, run.skipped), (1, 0));
        env.record(
            &bruno,
            json!({"purpose_id": kit.purpose, "action": "withdrawn", "channels": ["email"], "method": "phone"}),
        )
        .await;
        env.put(&format!("/contacts/{carla}/restriction"), &json!({})).await.expect(StatusCode::OK);
        env.post(&format!("/contacts/{dario}/objections"), &json!({"purpose_id": kit.purpose}))
            .await
            .expect(StatusCode::CREATED);
        let run = env.app.send_newsletters(ALL).await.expect("send");
        assert_eq!((run.queued, run.skipped), (1, 3));
        deliver_all(&env, &transport).await;

        let l = log(&env, &id).await;
        assert_eq!(l.len(), 5, "{l:?}");
        assert!(!l.contains_key(&elena));
        assert_eq!(l[&ada].0, "sent");
        assert_eq!(l[&bruno].0, "skipped");
        assert!(l[&bruno].1.contains("withdrawn"), "{:?}", l[&bruno]);
        assert_eq!(l[&carla].0, "skipped");
        assert!(l[&carla].1.contains("restricted"), "{:?}", l[&carla]);
        assert_eq!(l[&dario].0, "skipped");
        assert!(l[&dario].1.contains("objected"), "{:?}", l[&dario]);
        assert_eq!(l[&fabio].0, "failed");
        assert!(l[&fabio].1.contains("undeliverable"), "{:?}", l[&fabio]);
        let c = env.get(&format!("/campaigns/{id}")).await;
        assert_eq!(c["status"], json!("done"));
        assert_eq!(
            c["counts"],
            json!({"audience": 5, "pending": 0, "queued": 0, "sent": 1, "failed": 1, "skipped": 3})
        );

        // Exactly one message arrived: Ada's, with every link and the headers.
        let mut got = news(&sink);
        assert_eq!(got.len(), 1, "only Ada's newsletter arrived");
        let raw = got.remove(0);
        let top = top_headers(&raw);
        assert!(header_value(&top, "To").unwrap().contains("ada.rossi@example.com"));
        assert_eq!(header_value(&top, "Subject").as_deref(), Some("News for Ada"));
        assert_eq!(header_value(&top, "List-Unsubscribe-Post").as_deref(), Some("List-Unsubscribe=One-Click"));
        let lu = header_value(&top, "List-Unsubscribe").expect("List-Unsubscribe");
        assert!(header_value(&top, "Message-ID").is_some_and(|m| m.ends_with("@example.com>")), "{top}");
        let text = message_text(&mime_parts(&raw));
        assert!(text.contains("Hello Ada,"), "{text}");
        assert!(text.contains(&format!("{PUBLIC_URL}/p/")), "{text}");
        assert!(text.contains(&format!("{PUBLIC_URL}/portal")), "{text}");
        let u = link_token(&lu, "/u/");
        assert!(text.contains(&format!("{PUBLIC_URL}/u/{u}")), "{text}");

        // Fabio's contact page says his address is undeliverable.
        let web: &crate::harness::TestApp = &env;
        let admin = web.sign_in_as(kith_domain::Role::Admin).await;
        let page = web.get(&admin, &format!("/contacts/{fabio}")).await;
        assert!(page.body.contains("id=\"undeliverable\""), "{}", page.body);
        assert!(!web.get(&admin, &format!("/contacts/{ada}")).await.body.contains("id=\"undeliverable\""));

        // The timeline says so.
        let items = env.get(&format!("/contacts/{ada}/interactions")).await;
        assert!(
            items["items"].as_array().unwrap().iter().any(|i| i["body"] == json!("Newsletter \"March news\" sent")),
            "{items}"
        );

        // One click unsubscribes Ada from the newsletter.
        env.page(Method::POST, &format!("/u/{u}"), Some("List-Unsubscribe=One-Click".into()), &[])
            .await
            .expect(StatusCode::OK);
        let p = env.permission(&ada, &kit.purpose, "email", None).await;
        assert_eq!((p["consent"].as_str(), p["allowed"].as_bool()), (Some("withdrawn"), Some(false)));

        // The next campaign: only Fabio may still be emailed, and his address is undeliverable.
        let next = campaign(&env, &kit, &tpl, "April news").await;
        env.post(&format!("/campaigns/{next}/schedule"), &json!({})).await.expect(StatusCode::OK);
        let c = env.post(&format!("/campaigns/{next}/pause"), &json!({})).await.expect(StatusCode::OK).json();
        assert_eq!(c["status"], json!("paused"));
        env.app.send_newsletters(ALL).await.expect("send");
        assert!(log(&env, &next).await.is_empty(), "a paused campaign sends nothing");
        let c = env.post(&format!("/campaigns/{next}/resume"), &json!({})).await.expect(StatusCode::OK).json();
        assert_eq!(c["status"], json!("scheduled"));
        let run = env.app.send_newsletters(ALL).await.expect("send");
        assert_eq!((run.queued, run.skipped), (0, 1));
        let l = log(&env, &next).await;
        assert_eq!(l.len(), 1, "{l:?}");
        assert_eq!(l[&fabio].0, "skipped");
        assert!(l[&fabio].1.contains("undeliverable"), "{:?}", l[&fabio]);
        assert_eq!(env.get(&format!("/campaigns/{next}")).await["status"], json!("done"));
        deliver_all(&env, &transport).await;
        assert_eq!(news(&sink).len(), 1, "nothing more was sent");

        // A done campaign cannot be cancelled or deleted; a draft can be.
        env.post(&format!("/campaigns/{next}/cancel"), &json!({})).await.expect(StatusCode::CONFLICT);
        env.api(Method::DELETE, &format!("/campaigns/{next}"), None).await.expect(StatusCode::CONFLICT);
        let draft = campaign(&env, &kit, &tpl, "May news").await;
        env.api(Method::DELETE, &format!("/campaigns/{draft}"), None).await.expect(StatusCode::NO_CONTENT);
        env.api(Method::GET, &format!("/campaigns/{draft}"), None).await.expect(StatusCode::NOT_FOUND);
        let list: Value = env.get("/campaigns").await;
        assert_eq!(list.as_array().unwrap().len(), 2);
    })
    .await;
}

/// The sender is aborted mid-campaign (the future dropped at whatever await
/// it was in, as a crash would leave it), then started again: every person
/// gets the newsletter exactly once.
#[tokio::test]
async fn an_aborted_sender_resumes_without_sending_twice() {
    on_both("an_aborted_sender_resumes_without_sending_twice", |t| async move {
        let env = ConsentApp::new(t);
        let sink = SmtpSink::start();
        let transport = Transport::from_url(Some(&sink.url())).expect("smtp transport");
        let kit = newsletter_kit(&env).await;
        let tpl = template(&env).await;
        let mut people = Vec::new();
        for i in 0..8 {
            people.push(consenting(&env, &kit, &format!("Person{i}"), &format!("person{i}@example.com")).await);
        }
        env.deliver().await;
        let id = campaign(&env, &kit, &tpl, "Crash news").await;
        env.post(&format!("/campaigns/{id}/schedule"), &json!({})).await.expect(StatusCode::OK);

        let (app, tr) = (env.app.clone(), transport.clone());
        let sender = tokio::spawn(async move {
            loop {
                app.send_newsletters(ONE).await.expect("send");
                app.deliver_mail(&tr).await.expect("deliver");
            }
        });
        // Abort once some, not all, have arrived.
        let deadline = std::time::Instant::now() + Duration::from_secs(20);
        while sink.messages().len() < 3 {
            assert!(std::time::Instant::now() < deadline, "the sender sent nothing");
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
        sender.abort();
        let _ = sender.await;
        assert!(sink.messages().len() < 8, "aborted mid-campaign");

        // Started again, it finishes.
        for _ in 0..50 {
            env.app.send_newsletters(ONE).await.expect("send");
            deliver_all(&env, &transport).await;
            if env.get(&format!("/campaigns/{id}")).await["status"] == json!("done") {
                break;
            }
        }
        let c = env.get(&format!("/campaigns/{id}")).await;
        assert_eq!(c["status"], json!("done"), "{c}");
        // Everyone was queued exactly once. A mail the aborted sender had
        // claimed stays under its lease (10 minutes) and is then retried:
        // at most that one is not sent yet.
        let (sent, queued) = (c["counts"]["sent"].as_i64().unwrap(), c["counts"]["queued"].as_i64().unwrap());
        assert_eq!((sent + queued, c["counts"]["audience"].as_i64().unwrap()), (8, 8), "{c}");
        assert!(queued <= 1, "{c}");
        let got = news(&sink);
        let mut to: Vec<String> = got.iter().map(|m| header_value(&top_headers(m), "To").unwrap()).collect();
        to.sort();
        to.dedup();
        assert_eq!(to.len(), got.len(), "nobody got it twice: {to:?}");
        assert!(got.len() as i64 >= sent, "every mail marked sent arrived");
    })
    .await;
}

/// Marketing on the pages: the menu, the list, a draft with its audience
/// counted, bad input shown, scheduling, the job sending, the counts and
/// the delivery log with names; pause and cancel. Sales may not.
#[tokio::test]
async fn marketing_runs_a_campaign_on_the_pages() {
    on_both("marketing_runs_a_campaign_on_the_pages", |t| async move {
        let env = ConsentApp::new(t);
        let web: &crate::harness::TestApp = &env;
        let kit = newsletter_kit(&env).await;
        let tpl = template(&env).await;
        consenting(&env, &kit, "Ada", "ada.rossi@example.com").await;
        consenting(&env, &kit, "Bruno", "bruno.conti@example.com").await;
        env.contact(json!({"first_name": "Elena", "emails": ["elena.neri@example.com"]})).await;

        let sales = web.sign_in_as(kith_domain::Role::Sales).await;
        assert!(!web.get(&sales, "/contacts").await.body.contains("href=\"/campaigns\""));
        assert_eq!(web.get(&sales, "/campaigns/new").await.status, StatusCode::FORBIDDEN);
        assert_eq!(web.get(&sales, "/campaigns").await.status, StatusCode::FORBIDDEN);

        let m = web.sign_in_as(kith_domain::Role::Marketing).await;
        assert!(web.get(&m, "/contacts").await.body.contains("href=\"/campaigns\""), "marketing sees Campaigns");
        let list = web.get(&m, "/campaigns").await;
        assert_eq!(list.status, StatusCode::OK);
        assert!(list.body.contains("No campaign yet"), "{}", list.body);
        let form = web.get(&m, "/campaigns/new").await;
        assert!(form.body.contains("Monthly newsletter") && form.body.contains("Monthly news"), "{}", form.body);

        let bad = web
            .post(
                &m,
                "/campaigns",
                &[("name", ""), ("subscription_type", &kit.sub), ("template", &tpl), ("when", "draft"), ("rate", "0")],
            )
            .await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(bad.body.contains("rate_per_minute: must be 1 to 60000"), "{}", bad.body);

        let fields = [
            ("name", "June news"),
            ("subscription_type", kit.sub.as_str()),
            ("template", tpl.as_str()),
            ("when", "draft"),
            ("rate", "600"),
        ];
        let r = web.post(&m, "/campaigns", &fields).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let page_path = r.location().to_owned();
        let page = web.get(&m, &page_path).await;
        assert!(page.body.contains("2 people may be emailed for Newsletter"), "{}", page.body);

        let id = page_path.trim_start_matches("/campaigns/").to_owned();
        let r = web.post(&m, &format!("/campaigns/{id}/schedule"), &[("when", "now")]).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        env.app.send_newsletters(ALL).await.expect("send");
        let page = web.get(&m, &page_path).await;
        assert!(page.body.contains("data-status=\"done\""), "{}", page.body);
        assert!(
            page.body.contains("<td>2</td><td>2</td><td>0</td><td>0</td><td>0</td>"),
            "audience 2, queued 2: {}",
            page.body
        );
        assert!(page.body.contains(">Ada</a>") && page.body.contains(">Bruno</a>"), "{}", page.body);
        assert!(!page.body.contains("Elena"));
        let list = web.get(&m, "/campaigns").await;
        assert!(list.body.contains("June news"), "{}", list.body);

        // Another campaign, scheduled for later, paused and cancelled.
        let later = [
            ("name", "July news"),
            ("subscription_type", kit.sub.as_str()),
            ("template", tpl.as_str()),
            ("when", "at"),
            ("at", "2099-01-01T10:00"),
            ("rate", "60"),
        ];
        let r = web.post(&m, "/campaigns", &later).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        let page_path = r.location().to_owned();
        let page = web.get(&m, &page_path).await;
        assert!(page.body.contains("Saved as a draft: at: must be now or within the coming year"), "{}", page.body);
        let id = page_path.split('?').next().unwrap().trim_start_matches("/campaigns/").to_owned();
        let r = web.post(&m, &format!("/campaigns/{id}/schedule"), &[("when", "at"), ("at", "2030-01-01T10:00")]).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
        let soon = (time::OffsetDateTime::now_utc() + time::Duration::days(2))
            .format(time::macros::format_description!("[year]-[month]-[day]T[hour]:[minute]"))
            .unwrap();
        let r = web.post(&m, &format!("/campaigns/{id}/schedule"), &[("when", "at"), ("at", &soon)]).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        assert_eq!(web.post(&m, &format!("/campaigns/{id}/pause"), &[]).await.status, StatusCode::SEE_OTHER);
        assert!(web.get(&m, &format!("/campaigns/{id}")).await.body.contains("data-status=\"paused\""));
        assert_eq!(web.post(&m, &format!("/campaigns/{id}/cancel"), &[]).await.status, StatusCode::SEE_OTHER);
        let page = web.get(&m, &format!("/campaigns/{id}")).await;
        assert!(page.body.contains("data-status=\"cancelled\""), "{}", page.body);
        // Nothing left to do on a cancelled campaign.
        assert_eq!(web.post(&m, &format!("/campaigns/{id}/resume"), &[]).await.status, StatusCode::CONFLICT);
    })
    .await;
}
