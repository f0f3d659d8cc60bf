//! Companies found or created by name for an import, Art. 14 notices
//! recorded once with their mail, and the parting mail of an erasure:
//! sealed, naming no one, deleted once delivered or expired.

use crate::engines::{ctx, on_both, stored_bytes};
use crate::fixtures::{input, person};
use kith_store::art14::{Art14Scope, Art14Settings};
use kith_store::mail::{Mail, NewMail};

fn mail(to: &str, subject: kith_domain::SubjectId) -> NewMail {
    let m = Mail {
        to: to.into(),
        subject: "Notice".into(),
        text: "How we have your details".into(),
        headers: vec![],
        attachments: vec![],
        asks_for: None,
    };
    NewMail { id: uuid::Uuid::now_v7(), subject, kind: "art14", mail: m }
}

#[tokio::test]
async fn companies_named_by_an_import_are_found_or_created_once() {
    on_both(|s, _| async move {
        let names = |v: &[&str]| v.iter().map(|n| n.to_string()).collect::<Vec<_>>();
        let first = s.companies_by_name(&ctx(), &names(&["Acme Ltd", "ACME LTD", "Società Àlfa"])).await.unwrap();
        assert_eq!(first.len(), 2, "{first:?}");
        let again = s.companies_by_name(&ctx(), &names(&["acme ltd", "societa alfa", " "])).await.unwrap();
        assert_eq!(again.get("acme ltd"), first.get("acme ltd"), "found, not created again");
        assert_eq!(again.get("societa alfa"), first.get("societa alfa"), "accents folded");
        let all = s.list_companies(None, None, 10).await.unwrap();
        assert_eq!(all.len(), 2);
        assert!(all.iter().any(|c| c.name == "Acme Ltd"), "created as first written");
    })
    .await;
}

#[tokio::test]
async fn an_art14_notice_is_recorded_once_with_its_mail_and_erased_with_the_person() {
    on_both(|s, _| async move {
        let a = input(person("Olga", "Ferri", "olga.ferri@example.it", "+39 02 5550 3001"));
        let b = input(person("Piero", "Sala", "piero.sala@example.it", "+39 02 5550 3002"));
        s.insert_contacts(&ctx(), &[a.clone(), b.clone()], None).await.unwrap();
        let id = match s.engine() {
            kith_store::Engine::Sqlite => format!("X'{}'", a.id.0.simple()),
            kith_store::Engine::Postgres => format!("'{}'", a.id.0),
        };
        let sql = format!(
            "INSERT INTO contact_languages (subject_id, language, source, set_at) VALUES ({id}, 'it', 'import', 0)"
        );
        s.raw_execute(&sql).await.unwrap();
        assert_eq!(s.art14_settings().await.unwrap(), Art14Settings { auto: false, after_days: 7 });
        s.set_art14_settings(&ctx(), Art14Settings { auto: true, after_days: 3 }).await.unwrap();
        assert_eq!(s.art14_settings().await.unwrap(), Art14Settings { auto: true, after_days: 3 });
        let now = time::OffsetDateTime::now_utc();
        let scope = Art14Scope::Created { from: now - time::Duration::days(1), to: now + time::Duration::days(1) };
        assert_eq!(s.art14_pending(scope).await.unwrap(), 2);
        let (people, next) = s.art14_page(scope, None, 1).await.unwrap();
        assert_eq!((people.len(), next.is_some()), (1, true));
        let (all, _) = s.art14_page(scope, None, 10).await.unwrap();
        let lang = all.iter().find(|p| p.contact.id == a.id).unwrap().language.clone();
        assert_eq!(lang.as_deref(), Some("it"));
        // Two senders at once: one notice, one mail.
        let m1 = vec![(mail("olga.ferri@example.it", a.id), "it".to_owned())];
        let m2 = vec![(mail("olga.ferri@example.it", a.id), "it".to_owned())];
        let c = ctx();
        let (x, y) = tokio::join!(s.record_art14_notices(&c, "auto", &m1), s.record_art14_notices(&c, "manual", &m2));
        assert_eq!(x.unwrap().0 + y.unwrap().0, 1);
        assert_eq!(s.mail_list(10).await.unwrap().len(), 1);
        assert_eq!(s.art14_pending(scope).await.unwrap(), 1);
        assert_eq!(s.art14_overdue(now + time::Duration::days(1)).await.unwrap(), 1, "Piero never had it");
        assert!(s.art14_notice(a.id).await.unwrap().is_some());
        s.delete_contact(&ctx(), a.id).await.unwrap();
        assert_eq!(s.art14_notice(a.id).await.unwrap(), None);
        assert_eq!(s.contact_language(a.id).await.unwrap(), None);
        // An erased person gets nothing queued.
        let gone = vec![(mail("olga.ferri@example.it", a.id), "it".to_owned())];
        assert_eq!(s.record_art14_notices(&ctx(), "manual", &gone).await.unwrap(), (0, 0));
        // A restricted person (Art. 18) is refused and counted apart.
        s.set_restriction(&ctx(), b.id, true, None).await.unwrap();
        let held = vec![(mail("piero.sala@example.it", b.id), "en".to_owned())];
        assert_eq!(s.record_art14_notices(&ctx(), "manual", &held).await.unwrap(), (0, 1));
        assert_eq!(s.art14_notice(b.id).await.unwrap(), None, "no notice recorded");
        assert!(s.mail_list(10).await.unwrap().is_empty(), "no mail queued (Olga's went with her)");
        s.set_restriction(&ctx(), b.id, false, None).await.unwrap();
        assert_eq!(s.record_art14_notices(&ctx(), "manual", &held).await.unwrap(), (1, 0));
    })
    .await;
}

#[tokio::test]
async fn a_parting_mail_outlives_the_key_sealed_and_goes_once_delivered() {
    on_both(|s, dir| async move {
        let a = input(person("Rina", "Costa", "rina.costa@example.it", "+39 02 5550 3003"));
        s.insert_contacts(&ctx(), std::slice::from_ref(&a), None).await.unwrap();
        let parting = mail("rina.costa@example.it", a.id).mail;
        s.erase_on_request(&ctx(), a.id, Some(&parting)).await.unwrap();
        assert!(s.get_contact(a.id).await.unwrap().is_none());
        let stored = stored_bytes(&s, &dir).await;
        assert!(!stored.windows(11).any(|w| w == b"rina.costa@"), "sealed, not in clear");
        let claimed = s.claim_parting(10, 60_000, true).await.unwrap();
        assert_eq!(claimed.len(), 1);
        assert_eq!(claimed[0].1.to, "rina.costa@example.it");
        assert!(s.claim_parting(10, 60_000, true).await.unwrap().is_empty(), "leased");
        s.parting_sent(&ctx(), claimed[0].0.id).await.unwrap();
        assert!(s.parting_list().await.unwrap().is_empty(), "deleted once delivered");
        // Failing: retried, then deleted after the last attempt.
        let b = input(person("Sara", "Gallo", "sara.gallo@example.it", "+39 02 5550 3004"));
        s.insert_contacts(&ctx(), std::slice::from_ref(&b), None).await.unwrap();
        s.erase_on_request(&ctx(), b.id, Some(&mail("sara.gallo@example.it", b.id).mail)).await.unwrap();
        for attempt in 1..=kith_store::parting::MAX_PARTING_ATTEMPTS {
            let c = s.claim_parting(10, 60_000, true).await.unwrap();
            assert_eq!(c.len(), 1, "attempt {attempt}");
            s.parting_failed(c[0].0.id, "refused for now", Some(0)).await.unwrap();
        }
        assert!(s.parting_list().await.unwrap().is_empty(), "deleted after the last attempt");
        // Parked for staff without SMTP, then SMTP is configured: sent after all.
        let d = input(person("Ugo", "Neri", "ugo.neri@example.it", "+39 02 5550 3005"));
        s.insert_contacts(&ctx(), std::slice::from_ref(&d), None).await.unwrap();
        s.erase_on_request(&ctx(), d.id, Some(&mail("ugo.neri@example.it", d.id).mail)).await.unwrap();
        let c = s.claim_parting(10, 0, false).await.unwrap();
        assert_eq!(c.len(), 1);
        s.parting_to_outbox(&ctx(), c[0].0.id).await.unwrap();
        assert!(s.claim_parting(10, 0, false).await.unwrap().is_empty(), "still no SMTP: stays for staff");
        let c = s.claim_parting(10, 60_000, true).await.unwrap();
        assert_eq!(c.len(), 1, "SMTP now: the parked one is claimed");
        assert_eq!(c[0].1.to, "ugo.neri@example.it");
    })
    .await;
}
