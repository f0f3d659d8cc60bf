//! Newsletter campaigns in the store, on both engines: a draft and its
//! life, the audience written once per page, one recipient taken in one
//! transaction (queued once, refused when its consent facts changed), a
//! refused address marked undeliverable, and an erasure taking the
//! person's delivery-log rows and marks with it.

use crate::engines::{ctx, on_both};
use crate::fixtures::{input, person};
use kith_domain::newsletter::{CampaignStatus, RecipientStatus};
use kith_domain::{Channel, LawfulBasis, PurposeId};
use kith_store::mail::{Mail, NewMail};
use kith_store::newsletters::send::{Take, Taken};
use kith_store::newsletters::{NewsletterFields, StatusChange};
use kith_store::purposes::{PurposeInput, SubscriptionType};
use kith_store::StoreError;
use time::OffsetDateTime;
use uuid::Uuid;

#[tokio::test]
async fn a_campaign_queues_each_recipient_once_and_follows_the_outbox() {
    on_both(|s, _| async move {
        let purpose = PurposeId::new();
        let p = PurposeInput {
            id: purpose,
            name: "Newsletter".into(),
            description: "why".into(),
            default_basis: LawfulBasis::Consent,
            data_categories: vec![],
            retention: String::new(),
            rule: None,
            recipients: String::new(),
            direct_marketing: true,
        };
        s.insert_purpose(&ctx(), &p).await.unwrap();
        let sub = SubscriptionType {
            id: Uuid::now_v7(),
            name: "Monthly".into(),
            description: String::new(),
            purpose,
            channels: vec![Channel::Email],
        };
        s.insert_subscription_type(&ctx(), &sub).await.unwrap();
        let a = input(person("Ada", "Rossi", "ada@example.com", "+390612345678"));
        let b = input(person("Bruno", "Conti", "bruno@example.com", "+390612345679"));
        s.insert_contacts(&ctx(), &[a.clone(), b.clone()], None).await.unwrap();

        let id = Uuid::now_v7();
        let f = NewsletterFields {
            name: "March".into(),
            subscription_type: sub.id,
            purpose,
            template: Uuid::now_v7(),
            segment: None,
            audience: String::new(),
            rate_per_minute: 600,
        };
        s.insert_newsletter(&ctx(), id, &f, None).await.unwrap();
        s.update_newsletter(&ctx(), id, &NewsletterFields { name: "March news".into(), ..f.clone() }).await.unwrap();
        let frozen = format!("may={purpose}:email");
        let c = s
            .change_newsletter(&ctx(), id, |_| {
                Ok(StatusChange {
                    to: CampaignStatus::Scheduled,
                    schedule: Some((OffsetDateTime::now_utc(), frozen.clone())),
                    action: "campaign.schedule",
                })
            })
            .await
            .unwrap();
        assert_eq!(
            (c.status, c.name.as_str(), c.audience.as_str()),
            (CampaignStatus::Scheduled, "March news", frozen.as_str())
        );
        assert!(matches!(s.update_newsletter(&ctx(), id, &f).await, Err(StoreError::Conflict(_))));
        assert!(matches!(s.delete_newsletter(&ctx(), id).await, Err(StoreError::Conflict(_))));
        assert_eq!(s.due_newsletters(OffsetDateTime::now_utc()).await.unwrap(), vec![id]);
        assert!(s.start_newsletter(&ctx(), id).await.unwrap());
        assert!(!s.start_newsletter(&ctx(), id).await.unwrap(), "started once");

        // The audience page is written once: a second writer from the same position is refused.
        let mut ids = vec![a.id, b.id];
        ids.sort();
        assert!(s.add_newsletter_audience(&ctx(), id, None, &ids, true).await.unwrap());
        assert!(!s.add_newsletter_audience(&ctx(), id, None, &ids, true).await.unwrap());
        assert_eq!(s.pending_recipients(id, 10).await.unwrap(), ids);

        let c = s.newsletter(id).await.unwrap().unwrap();
        let mail = |to: &str| NewMail {
            id: Uuid::now_v7(),
            subject: a.id,
            kind: "newsletter",
            mail: Mail {
                to: to.into(),
                subject: "News".into(),
                text: "Hello".into(),
                headers: vec![],
                attachments: vec![],
                asks_for: None,
            },
        };
        let key = s.email_key(&a.data.emails[0]);
        let queue =
            |m: NewMail| Take::Queue { mail: Box::new(m), address_key: key.clone(), note: "Newsletter sent".into() };
        // Facts read before a change do not hold under the lock.
        assert_eq!(
            s.take_recipient(&ctx(), &c, a.id, "stale", queue(mail("ada@example.com"))).await.unwrap(),
            Taken::Changed
        );
        let seen = s.consent_stamp(a.id, purpose).await.unwrap();
        let m = mail("ada@example.com");
        let mail_id = m.id;
        assert_eq!(s.take_recipient(&ctx(), &c, a.id, &seen, queue(m)).await.unwrap(), Taken::Queued);
        assert_eq!(
            s.take_recipient(&ctx(), &c, a.id, &seen, queue(mail("ada@example.com"))).await.unwrap(),
            Taken::Gone,
            "queued once"
        );
        assert_eq!(s.mail_list(10).await.unwrap().iter().filter(|m| m.kind == "newsletter").count(), 1);
        let seen_b = s.consent_stamp(b.id, purpose).await.unwrap();
        let skip = Take::Skip("no email address".into());
        assert_eq!(
            s.take_recipient(&ctx(), &c, b.id, &seen_b, skip).await.unwrap(),
            Taken::Skipped("no email address".into())
        );
        assert!(s.finish_newsletter(&ctx(), id).await.unwrap());
        assert_eq!(s.newsletter(id).await.unwrap().unwrap().status, CampaignStatus::Done);

        // The mail server refuses the address for good.
        s.mail_refused(&ctx(), mail_id, Some(key.clone()), "5xx").await.unwrap();
        let log = s.newsletter_recipients(id, None, None, 10).await.unwrap();
        let of = |who| log.iter().find(|r| r.subject == who).unwrap();
        assert_eq!(of(a.id).status, RecipientStatus::Failed);
        assert_eq!((of(b.id).status, of(b.id).reason.as_deref()), (RecipientStatus::Skipped, Some("no email address")));
        assert_eq!(s.undeliverable_of(a.id).await.unwrap().len(), 1);
        let counts = s.newsletter_counts().await.unwrap()[&id];
        assert_eq!((counts.audience(), counts.failed, counts.skipped), (2, 1, 1));

        // Erasing Ada takes her log row and her undeliverable mark.
        s.delete_contact(&ctx(), a.id).await.unwrap();
        let log = s.newsletter_recipients(id, None, None, 10).await.unwrap();
        assert_eq!(log.iter().map(|r| r.subject).collect::<Vec<_>>(), vec![b.id]);
        assert!(s.undeliverable_of(a.id).await.unwrap().is_empty());
    })
    .await;
}
