//! Consent requests with templates: each person's mail in their language,
//! the old free-text campaigns still working, the "Request consent" of
//! one contact with its reasons to skip, and the automatic request rule
//! for contacts entered by staff and imported.

use super::templates::request_template;
use super::{assert_refused, id_of, link_token, ConsentApp};
use crate::harness::{on_both, TestApp, PASSWORD};
use axum::http::{Method, StatusCode};
use kith_app::consent_requests::{AutoRuleFields, RequestOutcome};
use kith_app::import::ImportOptions;
use kith_app::Principal;
use kith_domain::{PurposeId, Role};
use serde_json::json;
use uuid::Uuid;

/// An Italian notice, and a contact whose latest consent event was given
/// under it: Kith writes to that contact in Italian.
async fn italian_contact(env: &ConsentApp, email: &str, first: &str) -> String {
    let other = env.purpose(&format!("Eventi {email}")).await;
    let body = json!({"name": format!("Informativa {email}"), "language": "it",
                      "body": "Example S.r.l. tratta il tuo indirizzo per inviarti ciò che chiedi."});
    let notice = id_of(&env.post("/notices", &body).await.expect(StatusCode::CREATED).json());
    let c = env.contact(json!({"first_name": first, "emails": [email]})).await;
    env.record(
        &c,
        json!({"purpose_id": other, "action": "given", "channels": ["email"], "method": "phone",
               "notice_id": notice, "affirmative_act": "said yes on the phone", "evidence_ref": "call 4411"}),
    )
    .await;
    c
}

#[tokio::test]
async fn a_campaign_with_a_template_writes_to_each_person_in_their_language() {
    on_both("a_campaign_with_a_template_writes_to_each_person_in_their_language", |t| async move {
        let env = ConsentApp::new(t);
        let purpose = env.purpose("Newsletter").await;
        let notice = env.notice("Newsletter notice").await;
        let template = id_of(
            &env.post("/templates", &request_template("Newsletter ask")).await.expect(StatusCode::CREATED).json(),
        );
        let giulia = italian_contact(&env, "giulia.bianchi@example.it", "Giulia").await;
        let tom = env.contact(json!({"first_name": "Tom", "emails": ["tom.baker@example.com"]})).await;

        let body = json!({"purpose_id": purpose, "notice_id": notice, "template_id": template, "wait_days": 14,
                          "selection": {"contact_ids": [giulia, tom]}});
        let r = env.post("/consent-campaigns", &body).await.expect(StatusCode::OK).json();
        assert_eq!(r, json!({"requested": 2, "skipped": 0}));

        let it = env.mails("consent_request", Some(&giulia)).await.pop().expect("Giulia's mail");
        assert_eq!(it.subject, "Giulia, possiamo scriverti?");
        assert!(it.text.starts_with("Gentile Giulia,\n\nvorremmo inviarti Newsletter."), "{}", it.text);
        let token = link_token(&it.text, "/c/");
        assert!(it.text.contains("Disiscriviti: http://kith.test/u/"), "{}", it.text);
        assert!(it.headers.iter().any(|(k, v)| k == "List-Unsubscribe" && v.starts_with("<http://kith.test/u/")));
        let en = env.mails("consent_request", Some(&tom)).await.pop().expect("Tom's mail");
        assert_eq!(en.subject, "Tom, may we write to you?");
        assert!(en.text.starts_with("Dear Tom,"), "{}", en.text);
        // The English text has no unsubscribe field: Kith adds the link.
        assert!(
            en.text.trim_end().lines().last().unwrap().starts_with("Unsubscribe: http://kith.test/u/"),
            "{}",
            en.text
        );

        // The link confirms: consent given.
        env.page(Method::POST, &format!("/c/{token}"), None, &[]).await.expect(StatusCode::OK);
        assert_eq!(env.permission(&giulia, &purpose, "email", None).await["allowed"], json!(true));

        // The campaign is recorded with its template.
        let recorded = env.app.campaigns(&Principal::cli()).await.unwrap();
        assert_eq!(recorded[0].template.map(|t| t.to_string()), Some(template.clone()));
        assert_eq!(recorded[0].name, "Newsletter ask");

        // A template that is not a consent request, or does not exist, is refused naming template_id.
        let mut news = request_template("Plain news");
        news["kind"] = json!("newsletter");
        let news = id_of(&env.post("/templates", &news).await.expect(StatusCode::CREATED).json());
        let bad = json!({"purpose_id": purpose, "notice_id": notice, "template_id": news, "wait_days": 14,
                         "selection": {"contact_ids": [tom]}});
        assert_refused(&env.post("/consent-campaigns", &bad).await, &["template_id"]);
        let bad = json!({"purpose_id": purpose, "notice_id": notice, "template_id": Uuid::now_v7(), "wait_days": 14,
                         "selection": {"contact_ids": [tom]}});
        assert_refused(&env.post("/consent-campaigns", &bad).await, &["template_id"]);
        // Without a template, the free text is still required.
        let bad =
            json!({"purpose_id": purpose, "notice_id": notice, "wait_days": 14, "selection": {"contact_ids": [tom]}});
        assert_refused(&env.post("/consent-campaigns", &bad).await, &["mail_subject", "mail_body"]);
    })
    .await;
}

#[tokio::test]
async fn one_contact_is_asked_or_told_why_not() {
    on_both("one_contact_is_asked_or_told_why_not", |t| async move {
        let env = ConsentApp::new(t);
        let purpose = env.purpose("Newsletter").await;
        let notice = env.notice("Newsletter notice").await;
        let template = env.post("/templates", &request_template("Ask one")).await.expect(StatusCode::CREATED).json();
        let (template, notice_id) = (Uuid::parse_str(&id_of(&template)).unwrap(), Uuid::parse_str(&notice).unwrap());
        let input = kith_app::campaigns::CampaignInput {
            purpose: PurposeId(Uuid::parse_str(&purpose).unwrap()),
            notice: notice_id,
            mail_subject: String::new(),
            mail_body: String::new(),
            wait_days: 7,
            template: Some(template),
            renew: false,
        };
        let ask = |c: String| {
            let input = input.clone();
            let app = env.app.clone();
            async move {
                let id = kith_domain::SubjectId(Uuid::parse_str(&c).unwrap());
                app.request_consent(&Principal::cli(), id, &input).await.unwrap()
            }
        };
        let ada = env.contact(json!({"first_name": "Ada", "emails": ["ada.conti@example.it"]})).await;
        assert_eq!(ask(ada.clone()).await, RequestOutcome::Sent);
        assert!(matches!(ask(ada.clone()).await, RequestOutcome::Skipped(w) if w.contains("awaits")));
        let phone_only = env.contact(json!({"first_name": "Bruno", "phones": ["+39 06 555 0199"]})).await;
        assert!(matches!(ask(phone_only).await, RequestOutcome::Skipped(w) if w.contains("no email")));
        let no = env.contact(json!({"first_name": "Carla", "emails": ["carla.neri@example.it"]})).await;
        env.record(&no, json!({"purpose_id": purpose, "action": "refused", "channels": ["email"], "method": "phone"}))
            .await;
        assert!(matches!(ask(no).await, RequestOutcome::Skipped(w) if w.contains("never asked again")));
        let yes = env.contact(json!({"first_name": "Dario", "emails": ["dario.galli@example.it"]})).await;
        env.record(
            &yes,
            json!({"purpose_id": purpose, "action": "given", "channels": ["email"], "method": "phone",
                   "affirmative_act": "said yes", "evidence_ref": "call 4412"}),
        )
        .await;
        assert!(matches!(ask(yes).await, RequestOutcome::Skipped(w) if w.contains("already given")));
        assert_eq!(env.mails("consent_request", None).await.len(), 1, "only Ada was asked");
    })
    .await;
}

/// The automatic rule asks new contacts entered by staff (on the page) or
/// imported, with an email and no basis for the purpose; not contacts from
/// before the rule, not API clients' contacts, not those with a basis; and
/// a second run asks nobody twice.
#[tokio::test]
async fn the_automatic_rule_asks_staff_entered_and_imported_contacts() {
    on_both("the_automatic_rule_asks_staff_entered_and_imported_contacts", |t| async move {
        let env = ConsentApp::new(t);
        let purpose = env.purpose("Newsletter").await;
        let notice = env.notice("Newsletter notice").await;
        let template =
            id_of(&env.post("/templates", &request_template("Welcome ask")).await.expect(StatusCode::CREATED).json());
        let before = env.contact(json!({"first_name": "Prima", "emails": ["prima@example.it"]})).await;
        let _ = before;
        tokio::time::sleep(std::time::Duration::from_millis(5)).await;

        // The DPO switches the rule on, on the purpose's requests page.
        let web: &TestApp = &env;
        let (_, dpo_email) = env.add_user(Role::Dpo).await;
        let dpo = web.sign_in(&dpo_email, PASSWORD).await;
        let page = web.get(&dpo, &format!("/privacy/purposes/{purpose}/requests")).await;
        assert_eq!(page.status, StatusCode::OK, "{}", page.body);
        let saved = web
            .post(
                &dpo,
                &format!("/privacy/purposes/{purpose}/auto-requests"),
                &[("template", &template), ("notice", &notice), ("wait_days", "21"), ("enabled", "yes")],
            )
            .await;
        assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
        let page = web.get(&dpo, saved.location()).await;
        assert!(page.body.contains("The automatic request rule was saved."), "{}", page.body);
        assert!(page.body.contains("name=\"enabled\" value=\"yes\" checked"), "{}", page.body);
        // Sales may not configure it.
        let sales = web.sign_in_as(Role::Sales).await;
        let refused = web
            .post(
                &sales,
                &format!("/privacy/purposes/{purpose}/auto-requests"),
                &[("template", &template), ("notice", &notice), ("wait_days", "21")],
            )
            .await;
        assert_eq!(refused.status, StatusCode::FORBIDDEN);

        // A staff member enters a contact on the page.
        let staff = web.sign_in_as(Role::Sales).await;
        let made = web
            .post(
                &staff,
                "/contacts/new",
                &[("first_name", "Marta"), ("last_name", "Sala"), ("emails", "marta.sala@example.it")],
            )
            .await;
        assert_eq!(made.status, StatusCode::SEE_OTHER, "{}", made.body);
        let marta = made.location().trim_start_matches("/contacts/").split(['?', '/']).next().unwrap().to_owned();
        // An import creates two; one gets a basis for the purpose in the import.
        let csv = "first_name,last_name,email\nNico,Villa,nico.villa@example.it\n";
        let opts = ImportOptions { file_name: "fiera.csv".into(), ..Default::default() };
        let report = env
            .app
            .import_contacts(&Principal::cli(), std::io::Cursor::new(csv), &opts, |_, _| {})
            .await
            .expect("import");
        assert_eq!(report.created, 1);
        let based = ImportOptions {
            file_name: "clienti.csv".into(),
            basis: Some((PurposeId(Uuid::parse_str(&purpose).unwrap()), kith_domain::LawfulBasis::Contract)),
            ..Default::default()
        };
        let csv = "first_name,email\nOlga,olga.riva@example.it\n";
        env.app.import_contacts(&Principal::cli(), std::io::Cursor::new(csv), &based, |_, _| {}).await.expect("import");
        // An API client's contact is not "entered by staff or imported".
        let by_api = env.contact(json!({"first_name": "Api", "emails": ["api.client@example.it"]})).await;

        let run = env.app.run_auto_requests().await.expect("run");
        assert_eq!((run.rules, run.requested), (1, 2), "{run:?}");
        let asked: Vec<String> = env
            .outbox()
            .await
            .into_iter()
            .filter(|m| m["kind"] == json!("consent_request"))
            .map(|m| m["contact_id"].as_str().unwrap().to_owned())
            .collect();
        assert_eq!(asked.len(), 2, "{asked:?}");
        assert!(asked.contains(&marta), "the staff-entered contact is asked");
        assert!(!asked.contains(&by_api));
        let mail = env.mails("consent_request", Some(&marta)).await.pop().unwrap();
        assert_eq!(mail.subject, "Marta, may we write to you?");
        let events = env.consents(&marta).await;
        assert_eq!(events[0]["action"], json!("requested"));

        // Run again (the job every minute): nobody is asked twice.
        let again = env.app.run_auto_requests().await.expect("run");
        assert_eq!(again.requested, 0, "{again:?}");
        assert_eq!(env.mails("consent_request", None).await.len(), 2);
        // The job is one of the server's jobs, and the run is recorded as a campaign.
        let out =
            env.app.run_job(kith_app::jobs::Job::ConsentRequests, &kith_app::mailer::Transport::Outbox).await.unwrap();
        assert!(out.is_some_and(|(ok, o)| ok && o.contains("0 request(s) queued")));
        let recorded = env.app.campaigns(&Principal::cli()).await.unwrap();
        assert_eq!(recorded.iter().filter(|c| c.name == "Automatic request: Welcome ask").count(), 1);
        assert_eq!(recorded[0].requested, 2);

        // A rule with a template that cannot ask is refused naming it.
        let mut news = request_template("Plain news");
        news["kind"] = json!("newsletter");
        let news = id_of(&env.post("/templates", &news).await.expect(StatusCode::CREATED).json());
        let r = env
            .app
            .save_auto_rule(
                &Principal::cli(),
                AutoRuleFields {
                    purpose: PurposeId(Uuid::parse_str(&purpose).unwrap()),
                    template: Uuid::parse_str(&news).unwrap(),
                    notice: Uuid::parse_str(&notice).unwrap(),
                    wait_days: 5,
                    enabled: true,
                },
            )
            .await;
        assert!(matches!(r, Err(kith_app::AppError::Invalid(i)) if i.0[0].field == "template_id"));
        // The template a rule uses cannot be deleted.
        env.api(Method::DELETE, &format!("/templates/{template}"), None).await.expect(StatusCode::CONFLICT);
    })
    .await;
}
