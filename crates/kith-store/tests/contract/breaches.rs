//! The breach register: history of every change, the locked awareness
//! moment and its correction, notices (late ones need a reason, sent ones
//! never change; a follow-up follows a sent authority notice; sent at is
//! bounded and needs the clock), people's mails queued once per notice (and
//! only for contacts), reminders once per deadline and released on failure.

use crate::engines::{ctx, on_both};
use crate::fixtures::{input, person};
use kith_domain::breach::notice::{Audience, NoticeKind};
use kith_domain::breach::{Breach, BreachStatus, Nature};
use kith_domain::SubjectId;
use kith_store::breaches::{Aware, NewNotice};
use kith_store::mail::{Mail, NewMail};
use kith_store::{Engine, Store, StoreError};
use time::{Duration, OffsetDateTime};
use uuid::Uuid;

fn aware(at: OffsetDateTime) -> Aware {
    Aware { at, by: None, evidence: "the processor's incident report".into() }
}

fn notice(breach: Uuid, kind: NoticeKind, follows: Option<Uuid>, audience: Audience) -> NewNotice {
    NewNotice {
        id: Uuid::now_v7(),
        breach_id: breach,
        audience,
        kind,
        follows,
        authority: Some("Garante".into()),
        body: "{}".into(),
        content_hash: vec![0; 32],
    }
}

/// Links a person to a breach as part B's frozen query would.
pub async fn link_affected(s: &Store, breach: Uuid, subject: SubjectId) {
    let lit = |u: Uuid| match s.engine() {
        Engine::Sqlite => format!("X'{}'", u.simple()),
        Engine::Postgres => format!("'{u}'"),
    };
    s.raw_execute(&format!(
        "INSERT INTO breach_affected (breach_id, subject_id) VALUES ({}, {})",
        lit(breach),
        lit(subject.0)
    ))
    .await
    .unwrap();
}

#[tokio::test]
async fn breaches_keep_their_history_and_lock_awareness() {
    on_both(|s, _| async move {
        let id = Uuid::now_v7();
        let at = OffsetDateTime::now_utc() - Duration::hours(5);
        let mut b = Breach::draft("Misdirected export");
        s.insert_breach(&ctx(), id, "BR-1", &b, None, None).await.unwrap();
        assert!(matches!(
            s.insert_breach(&ctx(), Uuid::now_v7(), "BR-1", &b, None, None).await,
            Err(StoreError::Conflict(_))
        ));
        b.nature = vec![Nature::Confidentiality];
        s.update_breach(&ctx(), id, &b, Some(&aware(at))).await.unwrap();
        let got = s.breach(id).await.unwrap().unwrap();
        assert_eq!(got.breach.nature, vec![Nature::Confidentiality]);
        assert_eq!(got.aware.unwrap().at.unix_timestamp(), at.unix_timestamp());
        // Locked: another moment through an update is refused.
        let later = aware(at + Duration::hours(1));
        assert!(matches!(s.update_breach(&ctx(), id, &b, Some(&later)).await, Err(StoreError::Conflict(_))));
        s.correct_aware_at(&ctx(), id, &later, "the first report was misdated").await.unwrap();
        let h = s.breach_history(id).await.unwrap();
        let changes: Vec<&str> = h.iter().map(|e| e.change.as_str()).collect();
        assert_eq!(changes, ["create", "aware_set", "update", "aware_correct"]);
        let c = &h[3].detail;
        assert_eq!(c["reason"], "the first report was misdated");
        assert_eq!(c["aware_at"]["old"].as_i64().unwrap() / 1000, at.unix_timestamp());
        assert_eq!(h[2].detail["nature"]["new"], serde_json::json!(["confidentiality"]));
        let open = s.open_breaches().await.unwrap();
        assert_eq!(open.len(), 1);
        b.status = BreachStatus::Closed;
        s.update_breach(&ctx(), id, &b, None).await.unwrap();
        assert!(s.breach(id).await.unwrap().unwrap().closed_at.is_some());
        assert!(s.open_breaches().await.unwrap().is_empty());
    })
    .await;
}

#[tokio::test]
async fn notices_late_follow_ups_and_reminders() {
    on_both(|s, _| async move {
        let id = Uuid::now_v7();
        let at = OffsetDateTime::now_utc() - Duration::hours(80);
        s.insert_breach(&ctx(), id, "BR-2", &Breach::draft("Lost laptop"), Some(&aware(at)), None).await.unwrap();
        let first = notice(id, NoticeKind::Initial, None, Audience::Authority);
        s.insert_breach_notice(&ctx(), &first).await.unwrap();
        let now = OffsetDateTime::now_utc();
        let late = s.mark_breach_notice_sent(&ctx(), id, first.id, now, None, Some("  ")).await;
        assert!(matches!(late, Err(StoreError::Conflict(m)) if m.contains("Art. 33(1)")));
        s.mark_breach_notice_sent(&ctx(), id, first.id, now, None, Some("the processor told us on day 4"))
            .await
            .unwrap();
        let again = s.mark_breach_notice_sent(&ctx(), id, first.id, now, None, Some("x")).await;
        assert!(matches!(again, Err(StoreError::Conflict(_))), "a sent notice never changes");
        let follow = notice(id, NoticeKind::FollowUp, Some(first.id), Audience::Authority);
        s.insert_breach_notice(&ctx(), &follow).await.unwrap();
        s.mark_breach_notice_sent(&ctx(), id, follow.id, OffsetDateTime::now_utc(), None, None).await.unwrap();
        let stray = notice(id, NoticeKind::FollowUp, Some(Uuid::now_v7()), Audience::Authority);
        assert!(matches!(s.insert_breach_notice(&ctx(), &stray).await, Err(StoreError::MissingRef("follows"))));
        let ns = s.breach_notices(id).await.unwrap();
        assert_eq!(ns.len(), 2);
        assert_eq!(ns[1].follows, Some(first.id));
        assert_eq!(ns[0].delay_reason.as_deref(), Some("the processor told us on day 4"));
        assert!(s.open_breaches().await.unwrap()[0].notified);
        let deadline = at + Duration::hours(72);
        assert!(s.claim_breach_reminder(&ctx(), id, deadline, 24).await.unwrap());
        assert!(!s.claim_breach_reminder(&ctx(), id, deadline, 24).await.unwrap(), "once across servers");
        assert!(s.claim_breach_reminder(&ctx(), id, deadline, 4).await.unwrap());
        assert_eq!(s.latest_breach_count(id).await.unwrap(), None);
    })
    .await;
}

#[tokio::test]
async fn people_mails_are_queued_once_per_notice() {
    on_both(|s, _| async move {
        let id = Uuid::now_v7();
        s.insert_breach(&ctx(), id, "BR-3", &Breach::draft("Open bucket"), None, None).await.unwrap();
        let a = input(person("Ada", "Breach", "ada@example.com", "+39 02 1234 5678"));
        let b = input(person("Bea", "Breach", "bea@example.com", "+39 02 1234 5679"));
        s.insert_contacts(&ctx(), &[a.clone(), b.clone()], None).await.unwrap();
        link_affected(&s, id, a.id).await;
        link_affected(&s, id, b.id).await;
        let n = notice(id, NoticeKind::Initial, None, Audience::People);
        s.insert_breach_notice(&ctx(), &n).await.unwrap();
        let mail = |subject: SubjectId| NewMail {
            id: Uuid::now_v7(),
            subject,
            kind: "breach",
            mail: Mail {
                to: "x@example.com".into(),
                subject: "s".into(),
                text: "t".into(),
                headers: vec![],
                attachments: vec![],
                asks_for: None,
            },
        };
        let who = s.breach_people_to_tell(id, n.id).await.unwrap();
        assert_eq!(who.len(), 2);
        let mails: Vec<NewMail> = who.iter().map(|w| mail(*w)).collect();
        assert_eq!(s.queue_breach_people_mails(&ctx(), id, n.id, &mails).await.unwrap(), 2);
        assert!(s.breach_people_to_tell(id, n.id).await.unwrap().is_empty());
        // The same people again (a second send): nobody queued twice.
        let again: Vec<NewMail> = who.iter().map(|w| mail(*w)).collect();
        assert_eq!(s.queue_breach_people_mails(&ctx(), id, n.id, &again).await.unwrap(), 0);
        assert_eq!(s.breach_people_mail_status(n.id).await.unwrap().queued, 2);
        assert_eq!(s.mail_list(10).await.unwrap().len(), 2);
    })
    .await;
}

#[tokio::test]
async fn breach_follow_ups_and_sent_at_are_checked_under_the_lock() {
    on_both(|s, _| async move {
        let id = Uuid::now_v7();
        s.insert_breach(&ctx(), id, "BR-4", &Breach::draft("Lost phone"), None, None).await.unwrap();
        let first = notice(id, NoticeKind::Initial, None, Audience::Authority);
        s.insert_breach_notice(&ctx(), &first).await.unwrap();
        let people = notice(id, NoticeKind::Initial, None, Audience::People);
        s.insert_breach_notice(&ctx(), &people).await.unwrap();
        // Following a people notice, or an authority notice not sent: refused.
        for f in [people.id, first.id] {
            let n = notice(id, NoticeKind::FollowUp, Some(f), Audience::Authority);
            assert!(matches!(s.insert_breach_notice(&ctx(), &n).await, Err(StoreError::Conflict(_))));
        }
        let orphan = notice(id, NoticeKind::FollowUp, None, Audience::Authority);
        assert!(matches!(s.insert_breach_notice(&ctx(), &orphan).await, Err(StoreError::MissingRef("follows"))));
        let now = OffsetDateTime::now_utc();
        // No aware at: an authority notice cannot be recorded as sent.
        let r = s.mark_breach_notice_sent(&ctx(), id, first.id, now, None, None).await;
        assert!(matches!(r, Err(StoreError::Conflict(m)) if m.contains("aware at")), "{r:?}");
        let mut b = Breach::draft("Lost phone");
        b.nature = vec![Nature::Confidentiality];
        s.update_breach(&ctx(), id, &b, Some(&aware(now - Duration::hours(1)))).await.unwrap();
        for at in [now - Duration::hours(1), now + Duration::hours(1)] {
            let r = s.mark_breach_notice_sent(&ctx(), id, first.id, at, None, None).await;
            assert!(matches!(r, Err(StoreError::Conflict(m)) if m.contains("sent at")), "{r:?}");
        }
        assert!(!s.open_breaches().await.unwrap()[0].notified);
        s.mark_breach_notice_sent(&ctx(), id, first.id, OffsetDateTime::now_utc(), None, None).await.unwrap();
        let follow = notice(id, NoticeKind::FollowUp, Some(first.id), Audience::Authority);
        s.insert_breach_notice(&ctx(), &follow).await.unwrap();
    })
    .await;
}

#[tokio::test]
async fn breach_reminders_are_per_deadline_and_released_on_failure() {
    on_both(|s, _| async move {
        let id = Uuid::now_v7();
        let at = OffsetDateTime::now_utc() - Duration::hours(50);
        s.insert_breach(&ctx(), id, "BR-5", &Breach::draft("Open port"), Some(&aware(at)), None).await.unwrap();
        let first = at + Duration::hours(72);
        assert!(s.claim_breach_reminder(&ctx(), id, first, 24).await.unwrap());
        // A corrected aware at: a new deadline, its reminder claimed anew.
        let corrected = first - Duration::hours(19);
        assert!(s.claim_breach_reminder(&ctx(), id, corrected, 24).await.unwrap());
        assert!(!s.claim_breach_reminder(&ctx(), id, corrected, 24).await.unwrap());
        // The send failed: released, so the next run claims it again.
        s.release_breach_reminder(&ctx(), id, corrected, 24).await.unwrap();
        assert!(s.claim_breach_reminder(&ctx(), id, corrected, 24).await.unwrap());
        assert!(!s.claim_breach_reminder(&ctx(), id, first, 24).await.unwrap(), "the other deadline's stays");
    })
    .await;
}

#[tokio::test]
async fn breach_mail_rows_name_only_contacts_and_outbox_is_not_sent() {
    on_both(|s, _| async move {
        let id = Uuid::now_v7();
        s.insert_breach(&ctx(), id, "BR-6", &Breach::draft("Misdirected mail"), None, None).await.unwrap();
        let n = notice(id, NoticeKind::Initial, None, Audience::People);
        s.insert_breach_notice(&ctx(), &n).await.unwrap();
        // A row naming no contact is refused by the reference.
        let lit = |u: Uuid| match s.engine() {
            Engine::Sqlite => format!("X'{}'", u.simple()),
            Engine::Postgres => format!("'{u}'"),
        };
        let stray = s
            .raw_execute(&format!(
                "INSERT INTO breach_notice_people (notice_id, subject_id, status, at) VALUES ({}, {}, 'queued', 0)",
                lit(n.id),
                lit(Uuid::now_v7())
            ))
            .await;
        assert!(stray.is_err(), "breach_notice_people.subject_id references contacts");
        let a = input(person("Cleo", "Breach", "cleo@example.com", "+39 02 1234 5670"));
        s.insert_contacts(&ctx(), std::slice::from_ref(&a), None).await.unwrap();
        link_affected(&s, id, a.id).await;
        let m = NewMail {
            id: Uuid::now_v7(),
            subject: a.id,
            kind: "breach",
            mail: Mail {
                to: "cleo@example.com".into(),
                subject: "s".into(),
                text: "t".into(),
                headers: vec![],
                attachments: vec![],
                asks_for: None,
            },
        };
        assert_eq!(s.queue_breach_people_mails(&ctx(), id, n.id, std::slice::from_ref(&m)).await.unwrap(), 1);
        // No SMTP: the mail rests in the outbox, which is not "sent".
        s.mail_done(&ctx(), m.id, "outbox").await.unwrap();
        let st = s.breach_people_mail_status(n.id).await.unwrap();
        assert_eq!((st.queued, st.outbox, st.sent, st.failed), (0, 1, 0, 0));
    })
    .await;
}

#[tokio::test]
async fn breach_people_are_read_in_pages_resuming_after_the_last() {
    on_both(|s, _| async move {
        let id = Uuid::now_v7();
        s.insert_breach(&ctx(), id, "BR-7", &Breach::draft("Shared folder"), None, None).await.unwrap();
        let people: Vec<_> = (0..3)
            .map(|i| input(person("Page", "Breach", &format!("page{i}@example.com"), "+39 02 1234 5600")))
            .collect();
        s.insert_contacts(&ctx(), &people, None).await.unwrap();
        for p in &people {
            link_affected(&s, id, p.id).await;
        }
        let n = notice(id, NoticeKind::Initial, None, Audience::People);
        s.insert_breach_notice(&ctx(), &n).await.unwrap();
        let mut ids: Vec<Uuid> = people.iter().map(|p| p.id.0).collect();
        ids.sort();
        let (first, next) = s.breach_people_page(id, n.id, None, 2).await.unwrap();
        let got: Vec<Uuid> = first.iter().map(|p| p.subject.0).collect();
        assert_eq!(got, ids[..2], "in subject-id order");
        assert!(first.iter().all(|p| p.email.as_deref().is_some_and(|e| e.starts_with("page"))));
        assert_eq!(next.map(|n| n.0), Some(ids[1]));
        let (rest, next) = s.breach_people_page(id, n.id, next, 2).await.unwrap();
        assert_eq!(rest.iter().map(|p| p.subject.0).collect::<Vec<_>>(), ids[2..]);
        assert_eq!(next, None, "the last page");
    })
    .await;
}
