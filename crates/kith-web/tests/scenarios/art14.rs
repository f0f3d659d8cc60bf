//! Art. 14 notices: sent once, in the person's language, from an import's
//! page (confirmation, then queued), from a contact's page, or by the job
//! within the month; the overdue reported; never to people whose data came
//! from them; erased with the person. All data fictitious.

use crate::harness::{on_both, Browser, TestApp};
use axum::http::StatusCode;
use kith_app::contacts::NewContact;
use kith_app::mailer::Transport;
use kith_app::Principal;
use kith_domain::{ContactData, Email, Provenance, Role, SourceKind, SubjectId};
use kith_store::Engine;

async fn settled(env: &TestApp, s: &Browser, path: &str) -> String {
    for _ in 0..200 {
        let page = env.get(s, path).await;
        if !page.body.contains("http-equiv=\"refresh\"") {
            return page.body;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    panic!("the import did not finish");
}

async fn by_email(env: &TestApp, email: &str) -> SubjectId {
    env.store.find_by_email(&Email::parse(email).unwrap()).await.unwrap()[0].id
}

fn sql_id(env: &TestApp, id: uuid::Uuid) -> String {
    match env.engine() {
        Engine::Sqlite => format!("X'{}'", id.simple()),
        Engine::Postgres => format!("'{id}'"),
    }
}

#[tokio::test]
async fn an_import_runs_people_get_the_notice_once_in_their_language() {
    on_both("an_import_runs_people_get_the_notice_once_in_their_language", |env| async move {
        let dpo = env.sign_in_as(Role::Dpo).await;
        let ok = [
            ("name", "Sales follow-up"),
            ("description", "offering our products"),
            ("default_basis", "legitimate_interests"),
        ];
        assert_eq!(env.post(&dpo, "/privacy/purposes", &ok).await.status, StatusCode::SEE_OTHER);
        let csv = "First Name,Email,Phone Number,Preferred language\n\
                   Giulia,giulia.bianchi@example.it,,Italian\n\
                   Tom,tom.baker@example.co.uk,,\n\
                   Nadia,,+39 333 123 4567,it\n";
        let run = env.app.upload_import(&Principal::cli(), "fiera.csv", csv.as_bytes()).await.unwrap();
        let path = format!("/import/{run}");
        let cols = [("col", "first_name"), ("col", "email"), ("col", "phone"), ("col", "language"), ("mode", "import")];
        assert_eq!(env.post(&dpo, &path, &cols).await.status, StatusCode::SEE_OTHER);
        let body = settled(&env, &dpo, &path).await;
        assert!(body.contains("3 created"), "{body}");
        assert!(body.contains("Send the Art. 14 notice to the 3 people of this run who have not had it"), "{body}");
        let giulia = by_email(&env, "giulia.bianchi@example.it").await;
        let page = env.get(&dpo, &format!("/contacts/{giulia}")).await.body;
        assert!(page.contains("Art. 14 notice not sent") && page.contains("Send the Art. 14 notice"), "{page}");
        // A confirmation first; sales may not send.
        let confirm = env.get(&dpo, &format!("{path}/art14")).await.body;
        assert!(confirm.contains("to <strong>3</strong> people") && confirm.contains("Send to 3 people"), "{confirm}");
        let sales = env.sign_in_as(Role::Sales).await;
        assert_eq!(env.post(&sales, &format!("{path}/art14"), &[]).await.status, StatusCode::FORBIDDEN);
        // Two senders at once: each person once (the record's key refuses a second).
        let (cli1, cli2) = (Principal::cli(), Principal::cli());
        let (a, b) = tokio::join!(env.app.send_art14_for_run(&cli1, run), env.app.send_art14_for_run(&cli2, run));
        let (a, b) = (a.unwrap(), b.unwrap());
        assert_eq!(a.queued + b.queued, 2, "{a:?} {b:?}");
        assert_eq!((a.no_address, b.no_address), (1, 1), "Nadia has no address");
        let r = env.post(&dpo, &format!("{path}/art14"), &[]).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        let after = env.get(&dpo, r.location()).await.body;
        assert!(after.contains("0 notice(s) queued. 1 person(s) have no email address: not sent."), "{after}");
        assert!(after.contains("Send the Art. 14 notice to the 1 person of this run"), "{after}");
        let mails: Vec<_> = env.store.mail_list(50).await.unwrap().into_iter().filter(|m| m.kind == "art14").collect();
        assert_eq!(mails.len(), 2);
        let notice = env.store.art14_notice(giulia).await.unwrap().expect("recorded");
        assert_eq!((notice.language.as_str(), notice.trigger.as_str()), ("it", "import_run"));
        let mail_of = |id: uuid::Uuid| {
            let env = &env;
            async move { env.store.mail_open(id).await.unwrap().unwrap().1 }
        };
        let it = mail_of(notice.mail_id).await;
        assert_eq!(it.to, "giulia.bianchi@example.it");
        assert!(
            it.text.contains("Garante") && it.text.contains("Sales follow-up") && it.text.contains("\"fiera.csv\""),
            "{}",
            it.text
        );
        assert!(it.text.contains("/portal"), "{}", it.text);
        let tom = by_email(&env, "tom.baker@example.co.uk").await;
        let en = mail_of(env.store.art14_notice(tom).await.unwrap().unwrap().mail_id).await;
        assert!(en.text.contains("supervisory authority") && en.text.contains("legitimate interests"), "{}", en.text);
        let page = env.get(&dpo, &format!("/contacts/{giulia}")).await.body;
        assert!(
            page.contains("Art. 14 notice sent on") && page.contains("from the import&#39;s page, in Italian"),
            "{page}"
        );
        // Sent once: by hand too it is refused.
        let again = env.app.send_art14_to(&Principal::cli(), giulia).await;
        assert!(matches!(again, Err(kith_app::AppError::Conflict(_))), "{again:?}");
        // Erased with the person.
        env.app.delete_contact(&Principal::cli(), giulia).await.unwrap();
        assert_eq!(env.store.art14_notice(giulia).await.unwrap(), None);
    })
    .await;
}

async fn staff_contact(env: &TestApp, email: &str, kind: SourceKind) -> SubjectId {
    let source = (kind != SourceKind::Manual).then(|| Provenance {
        kind,
        reference: Some("newsletter".into()),
        detail: None,
        user: None,
        at: time::OffsetDateTime::now_utc(),
        created_in_source: None,
    });
    let data = ContactData {
        first_name: Some("Test".into()),
        emails: vec![Email::parse(email).unwrap()],
        ..Default::default()
    };
    env.app.create_contact(&Principal::cli(), NewContact { data, source, ..Default::default() }, None).await.unwrap().id
}

#[tokio::test]
async fn the_job_sends_within_the_month_and_the_overdue_are_reported() {
    on_both("the_job_sends_within_the_month_and_the_overdue_are_reported", |env| async move {
        let dpo = env.sign_in_as(Role::Dpo).await;
        let due = staff_contact(&env, "due@example.it", SourceKind::Manual).await;
        let young = staff_contact(&env, "young@example.it", SourceKind::Manual).await;
        let old = staff_contact(&env, "old@example.it", SourceKind::Manual).await;
        let own = staff_contact(&env, "own@example.it", SourceKind::WebForm).await;
        let day = 24 * 3600 * 1000i64;
        let now = kith_store::now_ms();
        for (id, days) in [(due, 10), (young, 2), (old, 40), (own, 10)] {
            let sql =
                format!("UPDATE contacts SET created_at = {} WHERE id = {}", now - days * day, sql_id(&env, id.0));
            env.store.raw_execute(&sql).await.unwrap();
        }
        // Off by default: the job sends nothing.
        let run = env.app.run_job(kith_app::jobs::Job::Art14Notices, &Transport::Outbox).await.unwrap();
        assert_eq!(run, Some((true, "off".to_owned())));
        let overview = env.get(&dpo, "/privacy").await.body;
        assert!(overview.contains("Overdue: 1 person has been in Kith for more than a month"), "{overview}");
        // The setting: days within the month only.
        let bad = env.post(&dpo, "/privacy/art14", &[("auto", "on"), ("after_days", "45")]).await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", bad.body);
        let r = env.post(&dpo, "/privacy/art14", &[("auto", "on"), ("after_days", "7")]).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let out = env.app.art14_auto().await.unwrap();
        assert_eq!(out, "1 notice(s) queued, 0 without an address, restricted: 0");
        assert_eq!(env.store.art14_notice(due).await.unwrap().unwrap().trigger, "auto");
        for (who, id) in
            [("too young", young), ("older than a month: overdue, for staff", old), ("from the person", own)]
        {
            assert_eq!(env.store.art14_notice(id).await.unwrap(), None, "{who}");
        }
        assert_eq!(
            env.app.art14_auto().await.unwrap(),
            "0 notice(s) queued, 0 without an address, restricted: 0",
            "once"
        );
        // Staff send the overdue one by hand; the person's own data never gets one.
        assert_eq!(env.app.send_art14_to(&Principal::cli(), old).await.unwrap().queued, 1);
        assert_eq!(env.store.art14_notice(old).await.unwrap().unwrap().trigger, "manual");
        assert!(env.get(&dpo, "/privacy").await.body.contains("Overdue: none."));
        let refused = env.app.send_art14_to(&Principal::cli(), own).await;
        assert!(matches!(refused, Err(kith_app::AppError::Conflict(_))), "{refused:?}");
        let page = env.get(&dpo, &format!("/contacts/{own}")).await.body;
        assert!(!page.contains("Art. 14 notice"), "{page}");
    })
    .await;
}
