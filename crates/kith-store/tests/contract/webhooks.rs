//! Webhooks on both engines: events derived from the audit log once (the
//! watermark), a delivery claimed by one of two concurrent senders, back-off
//! and giving up, redelivery; processor notices for an erasure, overdue,
//! and acknowledged once.

use crate::engines::{ctx, on_both};
use crate::fixtures::{input, person};
use kith_domain::geo::Country;
use kith_domain::policy::FieldCategory;
use kith_domain::recipients::{Agreement, Recipient, RecipientRole};
use kith_domain::webhooks::{EventType, ProcessorAction};
use kith_domain::RecipientId;
use kith_store::webhooks::EndpointInput;
use kith_store::{now_ms, StoreError};
use uuid::Uuid;

fn endpoint(events: Vec<EventType>, recipient: Option<RecipientId>) -> EndpointInput {
    EndpointInput {
        url: "https://hooks.example.com/kith".into(),
        description: "test".into(),
        events,
        recipient,
        active: true,
    }
}

pub fn processor(name: &str, contact: &str) -> Recipient {
    Recipient {
        legal_name: name.into(),
        role: RecipientRole::Processor,
        parent: None,
        privacy_contact: contact.into(),
        service: "newsletters".into(),
        purposes: vec![],
        categories: vec![FieldCategory::Contact],
        processing_countries: vec![Country::parse("IT").unwrap()],
        storage_countries: vec![],
        dpf_certified: false,
        transfers: vec![],
        agreement: Agreement::default(),
        breach_notice_hours: None,
        dsr_assistance: true,
        review_on: None,
        mail_relay: false,
    }
}

#[tokio::test]
async fn deliveries_are_claimed_once_backed_off_and_redelivered() {
    on_both(|s, _| async move {
        let hook = Uuid::now_v7();
        s.insert_webhook(&ctx(), hook, &endpoint(vec![EventType::ContactCreated], None), b"0123456789abcdef")
            .await
            .unwrap();
        assert_eq!(s.webhook_secret(hook).await.unwrap(), b"0123456789abcdef");
        let c = input(person("Ada", "Rossi", "ada@example.com", "+39 02 1234567"));
        s.insert_contacts(&ctx(), std::slice::from_ref(&c), None).await.unwrap();

        let d = s.dispatch_webhooks(&ctx(), 500, 86_400_000).await.unwrap();
        assert_eq!(d.deliveries, 1, "{d:?}");
        // The watermark moved with the deliveries: nothing twice.
        assert_eq!(s.dispatch_webhooks(&ctx(), 500, 86_400_000).await.unwrap().deliveries, 0);

        // Two senders at once: one gets it.
        let (a, b) = tokio::join!(s.claim_webhook_deliveries(10, 60_000), s.claim_webhook_deliveries(10, 60_000));
        let claimed: Vec<_> = a.unwrap().into_iter().chain(b.unwrap()).collect();
        assert_eq!(claimed.len(), 1);
        let one = &claimed[0];
        assert_eq!(one.delivery.event_type, "contact.created");
        assert_eq!(one.delivery.attempts, 1);
        let body: serde_json::Value = serde_json::from_str(&one.payload).unwrap();
        assert_eq!(body["type"], "contact.created");
        assert_eq!(body["data"]["subject_id"], c.id.to_string());
        assert!(!one.payload.contains("ada@example.com") && !one.payload.contains("Rossi"), "{}", one.payload);
        // Leased: nobody else gets it.
        assert!(s.claim_webhook_deliveries(10, 60_000).await.unwrap().is_empty());

        // Only the lease holder records an outcome.
        assert!(!s.webhook_delivered(one.delivery.id, one.lease - 1, 200, now_ms()).await.unwrap(), "stale lease");
        // A failed attempt backs off until its time.
        assert!(s
            .webhook_attempt_failed(one.delivery.id, one.lease, Some(503), "answered 503", Some(now_ms() + 1_500))
            .await
            .unwrap());
        assert!(s.claim_webhook_deliveries(10, 60_000).await.unwrap().is_empty());
        let log = s.webhook_deliveries(hook, 10).await.unwrap();
        assert_eq!((log[0].status.as_str(), log[0].last_status), ("pending", Some(503)));
        // The lease given back records nothing more.
        assert!(!s.webhook_attempt_failed(one.delivery.id, one.lease, None, "late", None).await.unwrap());
        tokio::time::sleep(std::time::Duration::from_millis(1_600)).await;
        let second = s.claim_webhook_deliveries(10, 60_000).await.unwrap().pop().expect("due again");
        assert_eq!(second.delivery.attempts, 2);
        // Given up: failed, with its reason.
        assert!(s
            .webhook_attempt_failed(one.delivery.id, second.lease, None, "could not connect", None)
            .await
            .unwrap());
        let log = s.webhook_deliveries(hook, 10).await.unwrap();
        assert_eq!((log[0].status.as_str(), log[0].last_error.as_deref()), ("failed", Some("could not connect")));

        // Redelivered by hand: pending again, from the first attempt, same webhook-id.
        s.redeliver_webhook(&ctx(), hook, one.delivery.id).await.unwrap();
        let again = s.claim_webhook_deliveries(10, 60_000).await.unwrap();
        assert_eq!(again.len(), 1);
        assert_eq!((again[0].delivery.attempts, again[0].delivery.event_id), (1, one.delivery.event_id));
        // A pending delivery is not redelivered twice at once.
        let e = s.redeliver_webhook(&ctx(), hook, one.delivery.id).await.unwrap_err();
        assert!(matches!(e, StoreError::Conflict(_)), "{e:?}");
        assert!(matches!(s.redeliver_webhook(&ctx(), hook, Uuid::now_v7()).await, Err(StoreError::NotFound)));
        assert!(s.webhook_delivered(one.delivery.id, again[0].lease, 204, now_ms()).await.unwrap());
        let log = s.webhook_deliveries(hook, 10).await.unwrap();
        assert_eq!((log[0].status.as_str(), log[0].last_status), ("delivered", Some(204)));
        assert!(log[0].delivered_at.is_some());

        // A paused endpoint's deliveries wait.
        let mut paused = endpoint(vec![EventType::ContactCreated], None);
        paused.active = false;
        s.update_webhook(&ctx(), hook, &paused).await.unwrap();
        let c2 = input(person("Bea", "Verdi", "bea@example.com", "+39 02 7654321"));
        s.insert_contacts(&ctx(), std::slice::from_ref(&c2), None).await.unwrap();
        assert_eq!(s.dispatch_webhooks(&ctx(), 500, 86_400_000).await.unwrap().deliveries, 1, "queued while paused");
        assert!(s.claim_webhook_deliveries(10, 60_000).await.unwrap().is_empty(), "not sent while paused");
        s.update_webhook(&ctx(), hook, &endpoint(vec![EventType::ContactCreated], None)).await.unwrap();
        let resumed = s.claim_webhook_deliveries(10, 60_000).await.unwrap();
        assert_eq!(resumed.len(), 1, "sent once active again");
        let body: serde_json::Value = serde_json::from_str(&resumed[0].payload).unwrap();
        assert_eq!(body["data"]["subject_id"], c2.id.to_string());

        s.delete_webhook(&ctx(), hook).await.unwrap();
        assert!(s.get_webhook(hook).await.unwrap().is_none());
        assert!(s.webhook_deliveries(hook, 10).await.unwrap().is_empty());
    })
    .await;
}

#[tokio::test]
async fn an_erasure_asks_processors_and_the_acknowledgement_is_recorded_once() {
    on_both(|s, _| async move {
        let by_mail = RecipientId(Uuid::now_v7());
        s.insert_recipient(&ctx(), by_mail, &processor("Mailer Srl", "privacy@mailer.example")).await.unwrap();
        let by_hook = RecipientId(Uuid::now_v7());
        s.insert_recipient(&ctx(), by_hook, &processor("Hooked SpA", "")).await.unwrap();
        let hook = Uuid::now_v7();
        s.insert_webhook(&ctx(), hook, &endpoint(vec![EventType::SubjectErased], Some(by_hook)), b"secret-bytes-16!")
            .await
            .unwrap();
        let c = input(person("Carla", "Neri", "carla@example.com", "+39 02 1111111"));
        s.insert_contacts(&ctx(), std::slice::from_ref(&c), None).await.unwrap();
        s.delete_contact(&ctx(), c.id).await.unwrap();

        // Due in the past: overdue at once.
        let d = s.dispatch_webhooks(&ctx(), 500, -1000).await.unwrap();
        assert_eq!(d.notices, 2, "{d:?}");
        // subject.erased to the subscribed endpoint, and the processor's request.
        let claimed = s.claim_webhook_deliveries(10, 60_000).await.unwrap();
        let mut types: Vec<_> = claimed.iter().map(|c| c.delivery.event_type.clone()).collect();
        types.sort();
        assert_eq!(types, ["processor.request", "subject.erased"]);
        let req = claimed.iter().find(|c| c.delivery.event_type == "processor.request").unwrap();
        // Due counted from the sending (here: already past).
        assert!(s.webhook_delivered(req.delivery.id, req.lease, 200, now_ms() - 1000).await.unwrap());
        // Upkeep: old delivered rows go, except one carrying a processor request.
        let erased = claimed.iter().find(|c| c.delivery.event_type == "subject.erased").unwrap();
        assert!(s.webhook_delivered(erased.delivery.id, erased.lease, 200, now_ms()).await.unwrap());
        assert_eq!(s.purge_webhook_deliveries(now_ms() - 86_400_000).await.unwrap(), 0, "not old yet");
        assert_eq!(s.purge_webhook_deliveries(now_ms() + 1).await.unwrap(), 1);
        let left = s.webhook_deliveries(hook, 10).await.unwrap();
        assert_eq!(left.iter().map(|d| d.event_type.as_str()).collect::<Vec<_>>(), ["processor.request"]);

        let overdue = s.overdue_processor_notices(10).await.unwrap();
        assert_eq!(overdue.len(), 2);
        let hooked = overdue.iter().find(|n| n.recipient_id == by_hook.0).unwrap();
        assert_eq!((hooked.channel.as_str(), hooked.status.as_str()), ("webhook", "sent"));
        assert_eq!((hooked.action, hooked.subject), (ProcessorAction::Erasure, c.id));
        let mailed = overdue.iter().find(|n| n.recipient_id == by_mail.0).unwrap();
        assert_eq!((mailed.channel.as_str(), mailed.status.as_str()), ("mail", "pending"));

        // The mail notice is claimed once, with the register's contact.
        let (a, b) = tokio::join!(s.claim_processor_mail(10, 60_000), s.claim_processor_mail(10, 60_000));
        let mails: Vec<_> = a.unwrap().into_iter().chain(b.unwrap()).collect();
        assert_eq!(mails.len(), 1);
        assert_eq!(mails[0].to, "privacy@mailer.example");
        assert_eq!(mails[0].notice.attempts, 0, "a claim is not an attempt");
        // Waiting for a mail server does not use up attempts.
        assert!(s
            .processor_notice_failed(mails[0].notice.id, mails[0].lease, "waiting", Some(now_ms() - 1), false)
            .await
            .unwrap());
        let mails = s.claim_processor_mail(10, 60_000).await.unwrap();
        assert_eq!(mails[0].notice.attempts, 0, "waiting is not an attempt");
        assert!(!s.processor_notice_sent(mails[0].notice.id, mails[0].lease + 1, now_ms()).await.unwrap());
        let due = now_ms() + 86_400_000;
        assert!(s.processor_notice_sent(mails[0].notice.id, mails[0].lease, due).await.unwrap());
        let sent = s.processor_notice(mails[0].notice.id).await.unwrap().unwrap();
        assert_eq!((sent.attempts, sent.due_at.unix_timestamp()), (1, due / 1000), "due from the sending");

        assert!(s.acknowledge_processor_notice(&ctx(), mailed.id, "link").await.unwrap());
        assert!(!s.acknowledge_processor_notice(&ctx(), mailed.id, "link").await.unwrap(), "recorded once");
        assert!(matches!(
            s.acknowledge_processor_notice(&ctx(), Uuid::now_v7(), "link").await,
            Err(StoreError::NotFound)
        ));
        let n = s.processor_notice(mailed.id).await.unwrap().unwrap();
        assert!(n.acknowledged_at.is_some() && n.sent_at.is_some());
        let overdue = s.overdue_processor_notices(10).await.unwrap();
        assert_eq!(overdue.iter().map(|n| n.recipient_id).collect::<Vec<_>>(), [by_hook.0], "sent: due later");
        let acks = s
            .audit_entries(&kith_store::audit::AuditQuery { limit: 500, ..Default::default() })
            .await
            .unwrap()
            .into_iter()
            .filter(|e| e.action == "processor.acknowledge")
            .count();
        assert_eq!(acks, 1);
    })
    .await;
}

#[tokio::test]
async fn a_processor_request_the_webhook_gave_up_on_goes_by_mail() {
    on_both(|s, _| async move {
        let with_contact = RecipientId(Uuid::now_v7());
        s.insert_recipient(&ctx(), with_contact, &processor("Hooked SpA", "privacy@hooked.example")).await.unwrap();
        let hook = Uuid::now_v7();
        s.insert_webhook(&ctx(), hook, &endpoint(vec![], Some(with_contact)), b"secret-bytes-16!").await.unwrap();
        let c = input(person("Dario", "Fo", "dario@example.com", "+39 02 2222222"));
        s.insert_contacts(&ctx(), std::slice::from_ref(&c), None).await.unwrap();
        s.delete_contact(&ctx(), c.id).await.unwrap();
        assert_eq!(s.dispatch_webhooks(&ctx(), 500, 86_400_000).await.unwrap().notices, 1);
        assert!(s.claim_processor_mail(10, 60_000).await.unwrap().is_empty(), "by webhook first");
        let d = s.claim_webhook_deliveries(10, 60_000).await.unwrap().pop().unwrap();
        assert!(s.webhook_attempt_failed(d.delivery.id, d.lease, None, "could not connect", None).await.unwrap());
        let mails = s.claim_processor_mail(10, 60_000).await.unwrap();
        assert_eq!(mails.len(), 1, "fell back to mail");
        assert_eq!((mails[0].notice.channel.as_str(), mails[0].to.as_str()), ("mail", "privacy@hooked.example"));
    })
    .await;
}
