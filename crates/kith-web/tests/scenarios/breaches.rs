//! The breach register through the API, on SQLite and PostgreSQL: a
//! breach recorded; aware at locked once set and corrected only with a
//! reason kept in the history; a late authority notice refused without a
//! reason for the delay and accepted with one; a follow-up referencing the
//! first; the people's mails queued once per notice; sales refused; bad
//! input a 4xx problem naming the field.

use crate::harness::{on_both, TestApp};
use axum::http::{Method, StatusCode};
use kith_domain::Role;
use kith_store::Engine;
use serde_json::{json, Value};

fn fields(problem: &Value) -> Vec<String> {
    problem["errors"]
        .as_array()
        .map(|a| a.iter().map(|e| e["field"].as_str().unwrap().to_owned()).collect())
        .unwrap_or_default()
}

fn hours_ago(h: i64) -> String {
    let t = time::OffsetDateTime::now_utc() - time::Duration::hours(h);
    t.format(&time::format_description::well_known::Rfc3339).unwrap()
}

async fn record_lock_and_correct(env: TestApp) {
    let b = env
        .call(
            Method::POST,
            "/breaches",
            Some(json!({
                "reference": "BR-2027-001", "title": "Export sent to the wrong customer",
                "nature": ["confidentiality"], "aware_at": hours_ago(3),
                "aware_evidence": "the customer phoned back", "likelihood": 2, "severity": 4,
                "values_sealed": true
            })),
            StatusCode::CREATED,
        )
        .await;
    let id = b["id"].as_str().unwrap().to_owned();
    assert_eq!(b["risk_level"], "high");
    assert_eq!(b["proposed_people_ground"], "unintelligible");
    let left = b["minutes_left"].as_i64().unwrap();
    assert!((68 * 60..=69 * 60).contains(&left), "{left}");
    assert!(b["clock"].as_str().unwrap().ends_with("left"));
    // The same reference again: a conflict.
    let again = json!({"reference": "BR-2027-001", "title": "x"});
    env.call(Method::POST, "/breaches", Some(again), StatusCode::CONFLICT).await;
    // Locked: a PATCH with another moment is refused, the record is unchanged.
    let p = json!({"aware_at": hours_ago(10), "aware_evidence": "x"});
    env.call(Method::PATCH, &format!("/breaches/{id}"), Some(p), StatusCode::CONFLICT).await;
    // A PATCH of the record keeps the rest.
    let p = json!({"cause": "a wrong address in the export job", "authority_decision": "notify"});
    let b = env.call(Method::PATCH, &format!("/breaches/{id}"), Some(p), StatusCode::OK).await;
    assert_eq!(b["record"]["cause"], "a wrong address in the export job");
    assert_eq!(b["record"]["nature"], json!(["confidentiality"]));
    // Correction without a reason: 422 naming it; with one: kept in the history.
    let c = json!({"aware_at": hours_ago(5), "evidence": "the log shows it earlier", "reason": " "});
    let e =
        env.call(Method::POST, &format!("/breaches/{id}/aware-at"), Some(c), StatusCode::UNPROCESSABLE_ENTITY).await;
    assert_eq!(fields(&e), ["reason"]);
    let c = json!({"aware_at": hours_ago(5), "evidence": "the log shows it earlier", "reason": "misread the log"});
    let b = env.call(Method::POST, &format!("/breaches/{id}/aware-at"), Some(c), StatusCode::OK).await;
    let h = b["history"].as_array().unwrap();
    let last = h.last().unwrap();
    assert_eq!(last["change"], "aware_correct");
    assert_eq!(last["detail"]["reason"], "misread the log");
    assert!(last["detail"]["aware_at"]["old"].is_i64());
    assert!(h.iter().any(|e| e["change"] == "update" && e["detail"]["cause"]["old"] == ""));
    let actions: Vec<String> = env.audit().await.iter().map(|e| e["action"].as_str().unwrap().to_owned()).collect();
    for a in ["breach.create", "breach.update", "breach.aware_correct"] {
        assert!(actions.iter().any(|x| x == a), "{a} audited");
    }
    // Bad input: a 4xx problem naming the field.
    let bad =
        json!({"reference": "has spaces", "title": "", "nature": ["fire"], "likelihood": 9, "aware_at": "yesterday"});
    let e = env.call(Method::POST, "/breaches", Some(bad), StatusCode::UNPROCESSABLE_ENTITY).await;
    assert_eq!(fields(&e), ["nature[0]", "aware_at"]);
    let bad = json!({"reference": "has spaces", "title": "", "likelihood": 9});
    let e = env.call(Method::POST, "/breaches", Some(bad), StatusCode::UNPROCESSABLE_ENTITY).await;
    let f = fields(&e);
    for want in ["reference", "title", "likelihood"] {
        assert!(f.iter().any(|x| x == want), "{want} in {f:?}");
    }
    // Sales may not see or change the register.
    let sales = env.token_for(Role::Sales).await;
    env.call_as(&sales, Method::GET, "/breaches", None, StatusCode::FORBIDDEN).await;
    env.call_as(&sales, Method::GET, &format!("/breaches/{id}"), None, StatusCode::FORBIDDEN).await;
    let dpo = env.token_for(Role::Dpo).await;
    let list = env.call_as(&dpo, Method::GET, "/breaches", None, StatusCode::OK).await;
    assert_eq!(list.as_array().unwrap().len(), 1);
}

async fn notices(env: TestApp) {
    let b = env
        .call(
            Method::POST,
            "/breaches",
            Some(json!({"reference": "BR-LATE", "title": "Lost backup tape", "nature": ["availability"],
                        "aware_at": hours_ago(80), "aware_evidence": "inventory check"})),
            StatusCode::CREATED,
        )
        .await;
    let id = b["id"].as_str().unwrap().to_owned();
    assert!(b["clock"].as_str().unwrap().starts_with("overdue by 8 h"));
    let n = env
        .call(
            Method::POST,
            &format!("/breaches/{id}/notices"),
            Some(json!({"audience": "authority", "authority": "Garante"})),
            StatusCode::CREATED,
        )
        .await;
    let first = n["id"].as_str().unwrap().to_owned();
    assert_eq!(n["kind"], "initial");
    assert_eq!(n["body"]["reference"], "BR-LATE");
    assert_eq!(n["body"]["nature"], json!(["availability"]));
    assert!(n["body"]["missing"].as_array().unwrap().iter().any(|m| m.as_str().unwrap().contains("DPO")));
    let hash = n["content_hash"].as_str().unwrap().to_owned();
    assert_eq!(hash.len(), 64);
    let send = format!("/breaches/{id}/notices/{first}/send");
    let e = env.call(Method::POST, &send, Some(json!({})), StatusCode::UNPROCESSABLE_ENTITY).await;
    assert_eq!(fields(&e), ["delay_reason"]);
    let ok = json!({"delay_reason": "the tape's loss was confirmed only on day 3"});
    let s = env.call(Method::POST, &send, Some(ok.clone()), StatusCode::OK).await;
    assert!(s["notice"]["sent_at"].is_string());
    assert_eq!(s["notice"]["content_hash"], hash.as_str(), "the hash is of what was drafted and sent");
    env.call(Method::POST, &send, Some(ok), StatusCode::CONFLICT).await;
    // A follow-up references the first and needs no delay reason.
    let f = json!({"audience": "authority", "follows": first});
    let f = env.call(Method::POST, &format!("/breaches/{id}/notices"), Some(f), StatusCode::CREATED).await;
    assert_eq!(f["kind"], "follow_up");
    assert_eq!(f["follows"], first.as_str());
    let fid = f["id"].as_str().unwrap();
    env.call(Method::POST, &format!("/breaches/{id}/notices/{fid}/send"), Some(json!({})), StatusCode::OK).await;
    let bad = json!({"audience": "authority", "kind": "follow_up"});
    let e =
        env.call(Method::POST, &format!("/breaches/{id}/notices"), Some(bad), StatusCode::UNPROCESSABLE_ENTITY).await;
    assert_eq!(fields(&e), ["follows"]);
    let got = env.call(Method::GET, &format!("/breaches/{id}/notices/{first}"), None, StatusCode::OK).await;
    assert_eq!(got["delay_reason"], "the tape's loss was confirmed only on day 3");
    let b = env.call(Method::GET, &format!("/breaches/{id}"), None, StatusCode::OK).await;
    assert_eq!(b["notified"], true);
    assert_eq!(b["notices"].as_array().unwrap().len(), 2);

    // The people: two linked (as part B's frozen query would), mailed once.
    let mut people = Vec::new();
    for (first_name, email) in [("Ada", "ada@example.com"), ("Bea", "bea@example.com")] {
        let c = json!({"first_name": first_name, "emails": [email]});
        people.push(
            env.call(Method::POST, "/contacts", Some(c), StatusCode::CREATED).await["id"].as_str().unwrap().to_owned(),
        );
    }
    // Bea's latest consent was given on an Italian notice: her mail is in Italian.
    let purpose = env
        .id("/purposes", json!({"name": "Newsletter", "description": "Monthly news", "default_basis": "consent"}))
        .await;
    let notice =
        env.id("/notices", json!({"name": "Informativa", "language": "it", "body": "Scriviamo ogni mese."})).await;
    let consent = json!({"purpose_id": purpose, "action": "given", "channels": ["email"], "method": "web_form",
        "notice_id": notice, "affirmative_act": "ticked the box", "evidence_ref": "form 1"});
    env.call(Method::POST, &format!("/contacts/{}/consents", people[1]), Some(consent), StatusCode::CREATED).await;
    let lit = |u: &str| match env.engine() {
        Engine::Sqlite => format!("X'{}'", u.replace('-', "")),
        Engine::Postgres => format!("'{u}'"),
    };
    for p in &people {
        let sql = format!("INSERT INTO breach_affected (breach_id, subject_id) VALUES ({}, {})", lit(&id), lit(p));
        env.store.raw_execute(&sql).await.unwrap();
    }
    let n = env
        .call(
            Method::POST,
            &format!("/breaches/{id}/notices"),
            Some(json!({"audience": "people"})),
            StatusCode::CREATED,
        )
        .await;
    assert!(n["body"]["mail"]["it"]["subject"].as_str().unwrap().contains("violazione"));
    let pid = n["id"].as_str().unwrap();
    let send = format!("/breaches/{id}/notices/{pid}/send");
    let s = env.call(Method::POST, &send, Some(json!({})), StatusCode::OK).await;
    assert_eq!(s["queued"], 2);
    assert_eq!(s["notice"]["people_mails"]["queued"], 2);
    let s = env.call(Method::POST, &send, Some(json!({})), StatusCode::OK).await;
    assert_eq!(s["queued"], 0, "nobody is queued twice for one notice");
    let mut subjects = Vec::new();
    for row in env.store.mail_list(50).await.unwrap().into_iter().filter(|m| m.kind == "breach") {
        let (row, mail) = env.store.mail_open(row.id).await.unwrap().unwrap();
        subjects.push((row.subject.0.to_string(), mail.subject));
    }
    subjects.sort();
    let lang_of = |who: &str| subjects.iter().find(|(s, _)| s == who).map(|(_, m)| m.clone()).unwrap();
    assert!(lang_of(&people[0]).contains("a breach of your personal data"), "{subjects:?}");
    assert!(lang_of(&people[1]).contains("violazione dei tuoi dati personali"), "{subjects:?}");
    let actions: Vec<String> = env.audit().await.iter().map(|e| e["action"].as_str().unwrap().to_owned()).collect();
    for a in ["breach.notice", "breach.notice_sent", "breach.notify_people"] {
        assert!(actions.iter().any(|x| x == a), "{a} audited");
    }
}

#[tokio::test]
async fn breach_record_lock_and_correction_on_both_engines() {
    on_both("breach-record", record_lock_and_correct).await;
}

#[tokio::test]
async fn breach_notices_on_both_engines() {
    on_both("breach-notices", notices).await;
}

/// The pages: a DPO records a breach through the form, the banner shows
/// its clock on another staff page and on the Privacy overview, the
/// decision is saved, a notice drafted, printed and recorded as sent;
/// sales sees neither the banner nor the register.
async fn pages(env: TestApp) {
    let dpo = env.sign_in_as(Role::Dpo).await;
    let aware = (time::OffsetDateTime::now_utc() - time::Duration::hours(2))
        .format(time::macros::format_description!("[year]-[month]-[day]T[hour]:[minute]"))
        .unwrap();
    let bad = env.post(&dpo, "/privacy/breaches", &[("reference", "no spaces allowed"), ("title", "x")]).await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    let r = env
        .post(
            &dpo,
            "/privacy/breaches",
            &[
                ("reference", "BR-PAGE-1"),
                ("title", "Laptop stolen from a car"),
                ("aware_at", &aware),
                ("aware_evidence", "police report"),
                ("nature", "confidentiality"),
                ("authority_decision", "undecided"),
                ("people_decision", "undecided"),
                ("status", "open"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let page = r.location().to_owned();
    let contacts = env.get(&dpo, "/contacts").await;
    assert!(contacts.body.contains("breach-banner") && contacts.body.contains("BR-PAGE-1"), "banner on staff pages");
    assert!(contacts.body.contains("69 h"), "about 70 hours left");
    let privacy = env.get(&dpo, "/privacy").await;
    assert!(privacy.body.contains("breach-banner") && privacy.body.contains("/privacy/breaches\">Breaches"));
    let r = env
        .post(
            &dpo,
            &page,
            &[
                ("reference", "BR-PAGE-1"),
                ("title", "Laptop stolen from a car"),
                ("nature", "confidentiality"),
                ("likelihood", "2"),
                ("severity", "3"),
                ("consequences", "phishing"),
                ("authority_decision", "notify"),
                ("people_decision", "undecided"),
                ("status", "open"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let shown = env.get(&dpo, &page).await;
    assert!(shown.body.contains("A risk (Likelihood"), "risk derived on the page");
    assert!(shown.body.contains("Find the affected people"));
    let r = env.post(&dpo, &format!("{page}/notices"), &[("audience", "authority"), ("authority", "Garante")]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let shown = env.get(&dpo, &page).await;
    let notice = shown.body.split("/notices/").nth(1).unwrap().split('/').next().unwrap().to_owned();
    let print = env.get(&dpo, &format!("{page}/notices/{notice}/print")).await;
    assert!(print.body.contains("Likely consequences") && print.body.contains("phishing"));
    let r = env.post(&dpo, &format!("{page}/notices/{notice}/send"), &[("sent_at", ""), ("delay_reason", "")]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let contacts = env.get(&dpo, "/contacts").await;
    assert!(!contacts.body.contains("breach-banner"), "notified: the clock no longer runs");
    // A people notice prints its mail in every drafted language.
    let r = env.post(&dpo, &format!("{page}/notices"), &[("audience", "people")]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let shown = env.get(&dpo, &page).await;
    let mut printed = Vec::new();
    let mut ids: Vec<&str> = shown.body.split("/notices/").skip(1).filter_map(|s| s.get(..36)).collect();
    ids.retain(|id| uuid::Uuid::parse_str(id).is_ok());
    ids.dedup();
    for id in ids {
        printed.push(env.get(&dpo, &format!("{page}/notices/{id}/print")).await.body);
    }
    let people = printed.iter().find(|b| b.contains("Mail (English): subject")).expect("the people notice printed");
    for name in ["Italiano", "Français", "Български", "Deutsch", "Español"] {
        assert!(people.contains(&format!("Mail ({name}): text")), "{name}");
    }
    let sales = env.sign_in_as(Role::Sales).await;
    assert_eq!(env.get(&sales, "/privacy/breaches").await.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn breach_pages_on_both_engines() {
    on_both("breach-pages", pages).await;
}

/// The reminders 24 h and 4 h before the deadline fire once, however
/// often the job runs (two servers running it at once included).
async fn reminders(env: TestApp) {
    for (reference, hours) in [("BR-R-50", 50), ("BR-R-69", 69), ("BR-R-10", 10), ("BR-R-80", 80)] {
        let b = json!({"reference": reference, "title": "x", "aware_at": hours_ago(hours), "aware_evidence": "e"});
        env.call(Method::POST, "/breaches", Some(b), StatusCode::CREATED).await;
    }
    let transport = kith_app::mailer::Transport::Outbox;
    let (a, b) = tokio::join!(env.app.breach_reminders(&transport), env.app.breach_reminders(&transport));
    // 50 h in: the 24-hour one; 69 h in: both; 10 h in: none yet; 80 h: overdue, the banner says it.
    assert_eq!(a.unwrap().sent + b.unwrap().sent, 3);
    assert_eq!(env.app.breach_reminders(&transport).await.unwrap().sent, 0, "each reminder fires once");
    let run = env.app.run_job(kith_app::jobs::Job::BreachReminders, &transport).await.unwrap();
    let said = "0 breach reminder(s) due, logged only: no SMTP configured (the staff banner shows the clock)";
    assert_eq!(run, Some((true, said.into())));
}

#[tokio::test]
async fn breach_reminders_fire_once_on_both_engines() {
    on_both("breach-reminders", reminders).await;
}
