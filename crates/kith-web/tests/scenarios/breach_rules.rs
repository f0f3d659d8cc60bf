//! The breach register's rules found in review, on SQLite and PostgreSQL:
//! the people's mail is exactly the drafted (hashed) text even when the
//! record changes before the send; a follow-up follows only a sent
//! authority notice; `sent_at` is bounded and an authority notice needs
//! the clock set first; "risk not high" only below a high risk; mails
//! resting in the outbox are not counted as sent; reminders follow a
//! corrected deadline and a failed send is retried.

use crate::harness::{on_both, TestApp};
use axum::http::{Method, StatusCode};
use kith_app::mailer::Transport;
use kith_store::Engine;
use serde_json::{json, Value};

fn fields(problem: &Value) -> Vec<String> {
    problem["errors"]
        .as_array()
        .map(|a| a.iter().map(|e| e["field"].as_str().unwrap().to_owned()).collect())
        .unwrap_or_default()
}

fn rfc(t: time::OffsetDateTime) -> String {
    t.format(&time::format_description::well_known::Rfc3339).unwrap()
}

fn hours_ago(h: i64) -> String {
    rfc(time::OffsetDateTime::now_utc() - time::Duration::hours(h))
}

async fn link(env: &TestApp, breach: &str, person: &str) {
    let lit = |u: &str| match env.engine() {
        Engine::Sqlite => format!("X'{}'", u.replace('-', "")),
        Engine::Postgres => format!("'{u}'"),
    };
    let sql = format!("INSERT INTO breach_affected (breach_id, subject_id) VALUES ({}, {})", lit(breach), lit(person));
    env.store.raw_execute(&sql).await.unwrap();
}

async fn drafted_text_is_sent(env: TestApp) {
    let b = json!({"reference": "BR-TEXT", "title": "Open bucket", "nature": ["confidentiality"],
        "consequences": "phishing", "measures": "closed the bucket"});
    let id = env.call(Method::POST, "/breaches", Some(b), StatusCode::CREATED).await["id"].as_str().unwrap().to_owned();
    let c = json!({"first_name": "Ada", "emails": ["ada@example.com"]});
    let ada =
        env.call(Method::POST, "/contacts", Some(c), StatusCode::CREATED).await["id"].as_str().unwrap().to_owned();
    link(&env, &id, &ada).await;
    let n = env
        .call(
            Method::POST,
            &format!("/breaches/{id}/notices"),
            Some(json!({"audience": "people"})),
            StatusCode::CREATED,
        )
        .await;
    let pid = n["id"].as_str().unwrap().to_owned();
    let drafted = n["body"]["mail"]["en"].clone();
    // The record changes after the draft: the mail must not.
    let p = json!({"consequences": "EDITED AFTER THE DRAFT", "measures": "EDITED TOO"});
    env.call(Method::PATCH, &format!("/breaches/{id}"), Some(p), StatusCode::OK).await;
    let s =
        env.call(Method::POST, &format!("/breaches/{id}/notices/{pid}/send"), Some(json!({})), StatusCode::OK).await;
    assert_eq!(s["queued"], 1);
    let row = env.store.mail_list(50).await.unwrap().into_iter().find(|m| m.kind == "breach").unwrap();
    let (_, mail) = env.store.mail_open(row.id).await.unwrap().unwrap();
    assert_eq!(mail.subject, drafted["subject"].as_str().unwrap());
    assert_eq!(mail.text, drafted["text"].as_str().unwrap(), "exactly the drafted, hashed text");
    assert!(!mail.text.contains("EDITED"));
    // Without SMTP the mail rests in the outbox: not counted as sent.
    env.app.deliver_mail(&Transport::Outbox).await.unwrap();
    let got = env.call(Method::GET, &format!("/breaches/{id}/notices/{pid}"), None, StatusCode::OK).await;
    assert_eq!(got["people_mails"], json!({"queued": 0, "outbox": 1, "sent": 0, "failed": 0}));
}

#[tokio::test]
async fn breach_people_mail_is_the_drafted_text_on_both_engines() {
    on_both("breach-drafted-text", drafted_text_is_sent).await;
}

async fn follow_ups_and_sent_at(env: TestApp) {
    let b = json!({"reference": "BR-RULES", "title": "Stolen laptop", "nature": ["confidentiality"]});
    let id = env.call(Method::POST, "/breaches", Some(b), StatusCode::CREATED).await["id"].as_str().unwrap().to_owned();
    let notices = format!("/breaches/{id}/notices");
    let draft = |v: Value| {
        let env = &env;
        let notices = notices.clone();
        async move {
            env.call(Method::POST, &notices, Some(v), StatusCode::CREATED).await["id"].as_str().unwrap().to_owned()
        }
    };
    let first = draft(json!({"audience": "authority", "authority": "Garante"})).await;
    let people = draft(json!({"audience": "people"})).await;
    // No clock yet: an authority notice cannot be recorded as sent.
    let send = format!("{notices}/{first}/send");
    let e = env.call(Method::POST, &send, Some(json!({})), StatusCode::UNPROCESSABLE_ENTITY).await;
    assert_eq!(fields(&e), ["aware_at"]);
    // A follow-up of a people notice, or of an authority notice not sent: refused.
    for follows in [&people, &first] {
        let f = json!({"audience": "authority", "kind": "follow_up", "follows": follows});
        let e = env.call(Method::POST, &notices, Some(f), StatusCode::UNPROCESSABLE_ENTITY).await;
        assert_eq!(fields(&e), ["follows"]);
    }
    let p = json!({"aware_at": hours_ago(80), "aware_evidence": "the thief's ransom mail"});
    env.call(Method::PATCH, &format!("/breaches/{id}"), Some(p), StatusCode::OK).await;
    // sent_at before the draft, or in the future: refused, naming sent_at.
    let future = rfc(time::OffsetDateTime::now_utc() + time::Duration::hours(1));
    for at in [hours_ago(2), future] {
        let s = json!({"sent_at": at, "delay_reason": "found late"});
        let e = env.call(Method::POST, &send, Some(s), StatusCode::UNPROCESSABLE_ENTITY).await;
        assert_eq!(fields(&e), ["sent_at"]);
    }
    let b = env.call(Method::GET, &format!("/breaches/{id}"), None, StatusCode::OK).await;
    assert_eq!(b["notified"], false, "nothing sent yet: the banner stays");
    env.call(Method::POST, &send, Some(json!({"delay_reason": "found late"})), StatusCode::OK).await;
    let f = json!({"audience": "authority", "kind": "follow_up", "follows": first});
    let fid = draft(f).await;
    env.call(Method::POST, &format!("{notices}/{fid}/send"), Some(json!({})), StatusCode::OK).await;
    // "Risk not high": refused at a high risk, accepted below it.
    let high =
        json!({"people_decision": "do_not_tell", "people_ground": "risk_not_high", "likelihood": 4, "severity": 4});
    let e = env.call(Method::PATCH, &format!("/breaches/{id}"), Some(high), StatusCode::UNPROCESSABLE_ENTITY).await;
    assert_eq!(fields(&e), ["people_ground"]);
    let low =
        json!({"people_decision": "do_not_tell", "people_ground": "risk_not_high", "likelihood": 1, "severity": 2});
    let b = env.call(Method::PATCH, &format!("/breaches/{id}"), Some(low), StatusCode::OK).await;
    assert_eq!(b["record"]["people_ground"], "risk_not_high");
}

#[tokio::test]
async fn breach_follow_ups_sent_at_and_risk_not_high_on_both_engines() {
    on_both("breach-rules", follow_ups_and_sent_at).await;
}

/// A corrected aware at brings the reminders of the new deadline; a send
/// the SMTP server refuses leaves the reminder unclaimed for the next run.
async fn reminders_follow_the_deadline(env: TestApp) {
    let b = json!({"reference": "BR-R", "title": "x", "aware_at": hours_ago(50), "aware_evidence": "e"});
    let id = env.call(Method::POST, "/breaches", Some(b), StatusCode::CREATED).await["id"].as_str().unwrap().to_owned();
    let run = env.app.breach_reminders(&Transport::Outbox).await.unwrap();
    assert_eq!((run.sent, run.failed, run.no_smtp), (1, 0, true), "the 24-hour one");
    assert!(run.to_string().contains("no SMTP configured"), "{run}");
    assert_eq!(env.app.breach_reminders(&Transport::Outbox).await.unwrap().sent, 0);
    // Corrected: aware 69 h ago, a new deadline with both reminders due.
    let c = json!({"aware_at": hours_ago(69), "evidence": "the log shows it earlier", "reason": "misread the log"});
    env.call(Method::POST, &format!("/breaches/{id}/aware-at"), Some(c), StatusCode::OK).await;
    // SMTP on a closed port: nothing leaves, nothing stays claimed.
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let closed = Transport::from_url(Some(&format!("smtp://127.0.0.1:{port}"))).unwrap();
    let run = env.app.breach_reminders(&closed).await.unwrap();
    assert_eq!((run.sent, run.failed), (0, 2), "{run}");
    assert!(run.to_string().contains("retry"), "{run}");
    let run = env.app.breach_reminders(&Transport::Outbox).await.unwrap();
    assert_eq!(run.sent, 2, "retried for the new deadline");
    assert_eq!(env.app.breach_reminders(&Transport::Outbox).await.unwrap().sent, 0);
}

#[tokio::test]
async fn breach_reminders_follow_a_corrected_deadline_on_both_engines() {
    on_both("breach-reminder-retry", reminders_follow_the_deadline).await;
}

/// A person whose language is German (set by staff) gets the Art. 34
/// notice in German, drafted and hashed in every shipped language; a
/// person with no language known gets the controller's default.
async fn people_notice_in_the_persons_language(env: TestApp) {
    let b = json!({"reference": "BR-DE", "title": "Lost backup", "nature": ["availability"],
        "consequences": "Ihre Bestellungen", "measures": "Wiederhergestellt"});
    let id = env.call(Method::POST, "/breaches", Some(b), StatusCode::CREATED).await["id"].as_str().unwrap().to_owned();
    let mut people = Vec::new();
    for c in [
        json!({"first_name": "Jonas", "emails": ["jonas.becker@example.de"], "language": "de"}),
        json!({"first_name": "Ada", "emails": ["ada@example.com"]}),
    ] {
        let who =
            env.call(Method::POST, "/contacts", Some(c), StatusCode::CREATED).await["id"].as_str().unwrap().to_owned();
        link(&env, &id, &who).await;
        people.push(who);
    }
    let n = env
        .call(
            Method::POST,
            &format!("/breaches/{id}/notices"),
            Some(json!({"audience": "people"})),
            StatusCode::CREATED,
        )
        .await;
    let mail = n["body"]["mail"].as_object().unwrap();
    let mut langs: Vec<&str> = mail.keys().map(String::as_str).collect();
    langs.sort_unstable();
    assert_eq!(langs, ["bg", "de", "en", "es", "fr", "it"], "drafted in every language");
    let pid = n["id"].as_str().unwrap();
    let s =
        env.call(Method::POST, &format!("/breaches/{id}/notices/{pid}/send"), Some(json!({})), StatusCode::OK).await;
    assert_eq!(s["queued"], 2);
    let mut got = Vec::new();
    for row in env.store.mail_list(50).await.unwrap().into_iter().filter(|m| m.kind == "breach") {
        let (row, m) = env.store.mail_open(row.id).await.unwrap().unwrap();
        got.push((row.subject.0.to_string(), m));
    }
    let of = |who: &str| got.iter().find(|(s, _)| s == who).map(|(_, m)| m).unwrap();
    let de = of(&people[0]);
    assert_eq!(de.subject, mail["de"]["subject"].as_str().unwrap(), "exactly the drafted German text");
    assert_eq!(de.text, mail["de"]["text"].as_str().unwrap());
    assert!(de.subject.contains("Verletzung des Schutzes Ihrer personenbezogenen Daten"), "{}", de.subject);
    assert!(de.text.contains("Datenschutzbeauftragten") && de.text.contains("Wiederhergestellt"), "{}", de.text);
    assert!(!de.text.contains("We are writing"), "{}", de.text);
    assert_eq!(of(&people[1]).subject, mail["en"]["subject"].as_str().unwrap(), "the default language");
}

#[tokio::test]
async fn breach_people_notice_in_german_on_both_engines() {
    on_both("breach-people-german", people_notice_in_the_persons_language).await;
}

/// The deadline reminder reaches each dpo and admin in their own language,
/// the deadline in their time zone (else the controller's default language).
async fn reminders_in_the_staff_members_language(env: TestApp) {
    use crate::consent::smtp::{header_value, message_text, mime_parts, top_headers, SmtpSink};
    let (de_id, de_email) = env.add_user(kith_domain::Role::Dpo).await;
    let (_, en_email) = env.add_user(kith_domain::Role::Admin).await;
    let ctx = kith_store::Ctx { actor: "test".into(), request_id: "test".into(), token: None };
    env.store.set_user_locale(&ctx, de_id, Some("de"), Some("Europe/Berlin")).await.unwrap();
    let b =
        json!({"reference": "BR-LANG", "title": "Offener Speicher", "aware_at": hours_ago(50), "aware_evidence": "e"});
    env.call(Method::POST, "/breaches", Some(b), StatusCode::CREATED).await;
    let sink = SmtpSink::start();
    let transport = Transport::from_url(Some(&sink.url())).unwrap();
    let run = env.app.breach_reminders(&transport).await.unwrap();
    assert_eq!((run.sent, run.failed), (1, 0), "{run}");
    // Every active dpo and admin gets one (the harness has its own too).
    let mut raws = Vec::new();
    for _ in 0..200 {
        raws = sink.messages();
        if [&de_email, &en_email].iter().all(|w| raws.iter().any(|m| m.contains(w.as_str()))) {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    let to = |who: &str| {
        raws.iter()
            .find(|m| header_value(&top_headers(m), "To").is_some_and(|t| t.contains(who)))
            .map(|m| message_text(&mime_parts(m)))
            .unwrap_or_else(|| panic!("no reminder to {who}"))
    };
    let de = to(&de_email);
    assert!(
        de.contains("Die 72-Stunden-Frist") && de.contains("BR-LANG") && de.contains("Art. 33 Abs. 1 DSGVO"),
        "{de}"
    );
    assert!(de.contains("CET") || de.contains("CEST"), "the deadline in Berlin's time: {de}");
    let en = to(&en_email);
    assert!(en.contains("The 72-hour deadline to notify the supervisory authority of breach BR-LANG"), "{en}");
}

#[tokio::test]
async fn breach_reminders_in_the_staff_members_language_on_both_engines() {
    on_both("breach-reminder-language", reminders_in_the_staff_members_language).await;
}
