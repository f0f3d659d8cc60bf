//! The consent store's contract on SQLite and PostgreSQL: purposes and
//! notices, bases (upsert, "only if unset"), the chained ledger and its
//! materialised state, single-use tokens under concurrency, counts with
//! time applied in SQL, the mail queue's lease, and erasure.

use crate::engines::{ctx, on_both, stored_bytes};
use kith_domain::consent::BasisSource;
use kith_domain::{Channel, ConsentAction, ConsentMethod, ContactData, Email, LawfulBasis, PurposeId, SubjectId};
use kith_store::audit::Verdict;
use kith_store::consent::{BasisRecord, ConsentWrite, NewConsentEvent, SealedProof};
use kith_store::contacts::ContactInput;
use kith_store::mail::{Mail, NewMail};
use kith_store::purposes::{ConsentForm, PurposeInput, SubscriptionType};
use kith_store::{Engine, Store, StoreError};
use time::{Duration, OffsetDateTime};
use uuid::Uuid;

async fn contact(s: &Store, email: &str) -> SubjectId {
    let data = ContactData {
        first_name: Some("Giulia".into()),
        emails: vec![Email::parse(email).unwrap()],
        ..Default::default()
    };
    let c = ContactInput { id: SubjectId::new(), owner: None, company: None, tags: vec![], data, source: None };
    s.insert_contacts(&ctx(), std::slice::from_ref(&c), None).await.unwrap();
    c.id
}

async fn purpose(s: &Store, name: &str) -> PurposeId {
    let p = PurposeInput {
        id: PurposeId::new(),
        name: name.into(),
        description: "why".into(),
        default_basis: LawfulBasis::Consent,
        data_categories: vec!["contact".into()],
        retention: String::new(),
        rule: None,
        recipients: String::new(),
        direct_marketing: true,
    };
    s.insert_purpose(&ctx(), &p).await.unwrap();
    p.id
}

fn event(subject: SubjectId, purpose: PurposeId, action: ConsentAction, at: OffsetDateTime) -> NewConsentEvent {
    NewConsentEvent {
        id: Uuid::now_v7(),
        subject,
        purpose,
        action,
        channels: vec![Channel::Email],
        method: ConsentMethod::Api,
        at,
        until: None,
        notice: None,
        form: None,
        actor_user: None,
        gpc: false,
        request: None,
        proof: SealedProof {
            ip: Some("192.0.2.7".into()),
            affirmative_act: Some("ticked".into()),
            ..Default::default()
        },
    }
}

fn basis(purpose: PurposeId, b: LawfulBasis) -> BasisRecord {
    let now = OffsetDateTime::now_utc();
    BasisRecord {
        purpose,
        basis: b,
        source: BasisSource::Manual,
        source_name: None,
        lia_ref: None,
        effective_at: now,
        ends_at: None,
        set_by: None,
        set_at: now,
    }
}

#[tokio::test]
async fn setup_records_version_and_collide_on_both_engines() {
    on_both(|s, _| async move {
        let p = purpose(&s, "Newsletter").await;
        let dup = PurposeInput {
            id: PurposeId::new(),
            name: "Newsletter".into(),
            description: "x".into(),
            default_basis: LawfulBasis::Consent,
            data_categories: vec![],
            retention: String::new(),
            rule: None,
            recipients: String::new(),
            direct_marketing: false,
        };
        assert!(matches!(s.insert_purpose(&ctx(), &dup).await, Err(StoreError::Conflict("name"))));
        let n1 = s.insert_notice(&ctx(), "Privacy", "en", None, "v1 text").await.unwrap();
        let n2 = s.insert_notice(&ctx(), "Privacy", "en", None, "v2 text").await.unwrap();
        assert_eq!((n1.version, n2.version), (1, 2));
        assert_ne!(n1.sha256, n2.sha256);
        let sub = SubscriptionType {
            id: Uuid::now_v7(),
            name: "Monthly".into(),
            description: String::new(),
            purpose: p,
            channels: vec![Channel::Email, Channel::Sms],
        };
        s.insert_subscription_type(&ctx(), &sub).await.unwrap();
        let again = SubscriptionType { id: Uuid::now_v7(), name: "Other".into(), ..sub.clone() };
        assert!(
            matches!(s.insert_subscription_type(&ctx(), &again).await, Err(StoreError::Conflict(_))),
            "one per purpose"
        );
        assert_eq!(s.subscription_types().await.unwrap()[0].channels, vec![Channel::Email, Channel::Sms]);
        let mut f = ConsentForm {
            id: Uuid::now_v7(),
            slug: "news".into(),
            title: "News".into(),
            intro: String::new(),
            logo_url: None,
            fields: vec!["first_name".into()],
            subscriptions: vec![sub.id],
            notice: n2.id,
            third_parties: vec![],
            button: "Go".into(),
            language: "en".into(),
            active: true,
        };
        s.save_form(&ctx(), &f).await.unwrap();
        f.title = "News, renamed".into();
        f.active = false;
        s.save_form(&ctx(), &f).await.unwrap();
        let back = s.form_by_slug("news").await.unwrap().unwrap();
        assert_eq!((back.title.as_str(), back.active), ("News, renamed", false));
    })
    .await;
}

#[tokio::test]
async fn ledger_state_bases_tokens_and_counts_on_both_engines() {
    on_both(|s, _| async move {
        let p = purpose(&s, "Newsletter").await;
        let a = contact(&s, "giulia@example.it").await;
        let b = contact(&s, "marco@example.it").await;
        let now = OffsetDateTime::now_utc();
        // a: requested then given (consent becomes the basis); b: given with an expiry already past.
        let mut given_b = event(b, p, ConsentAction::Given, now - Duration::hours(2));
        given_b.until = Some(now - Duration::hours(1));
        let w = ConsentWrite {
            events: vec![
                event(a, p, ConsentAction::Requested, now - Duration::minutes(5)),
                event(a, p, ConsentAction::Given, now),
                given_b,
            ],
            consent_becomes_basis: Some((BasisSource::WebForm, Some("news".into()))),
            ..Default::default()
        };
        let seqs = s.write_consent(&ctx(), w).await.unwrap();
        assert_eq!(seqs, vec![1, 2, 3]);
        let ev = s.consent_events(a).await.unwrap();
        assert_eq!(ev.len(), 2);
        assert_eq!(ev[0].proof.as_ref().unwrap().ip.as_deref(), Some("192.0.2.7"));
        assert_eq!(s.consent_event(3).await.unwrap().unwrap().subject, b);
        assert!(s.consent_event(99).await.unwrap().is_none());
        assert_eq!(s.bases_of(a).await.unwrap()[0].basis, LawfulBasis::Consent);
        // "Only if unset" does not replace a recorded basis; a plain set does.
        s.set_bases(&ctx(), &[b], &basis(p, LawfulBasis::Contract)).await.unwrap();
        let w = ConsentWrite {
            events: vec![event(b, p, ConsentAction::Given, now)],
            consent_becomes_basis: Some((BasisSource::WebForm, None)),
            ..Default::default()
        };
        s.write_consent(&ctx(), w).await.unwrap();
        assert_eq!(s.bases_of(b).await.unwrap()[0].basis, LawfulBasis::Contract);
        assert!(matches!(
            s.set_bases(&ctx(), &[SubjectId::new()], &basis(p, LawfulBasis::Contract)).await,
            Err(StoreError::MissingRef(_))
        ));
        // Counts: b's latest given has no expiry, so both are given now;
        // at a time before b's second event b still counts as given (expired later).
        let c = s.consent_counts(now).await.unwrap();
        assert_eq!(c.contacts, 2);
        assert_eq!(c.consent[&p]["email"]["given"], 2);
        assert_eq!(c.bases[&p]["consent"], 1);
        assert_eq!(c.bases[&p]["contract"], 1);
        // A single-use token spent twice at once: one wins, the other writes nothing.
        let token = b"token-1".to_vec();
        let mk = |s: Store| {
            let token = token.clone();
            async move {
                let w = ConsentWrite {
                    events: vec![event(a, p, ConsentAction::Withdrawn, OffsetDateTime::now_utc())],
                    spend_token: Some((token, kith_store::now_ms() + 60_000)),
                    ..Default::default()
                };
                s.write_consent(&ctx(), w).await
            }
        };
        let (r1, r2) = tokio::join!(tokio::spawn(mk(s.clone())), tokio::spawn(mk(s.clone())));
        let results = [r1.unwrap(), r2.unwrap()];
        assert_eq!(results.iter().filter(|r| r.is_ok()).count(), 1, "{results:?}");
        assert!(results.iter().any(|r| matches!(r, Err(StoreError::Conflict("used token")))));
        assert_eq!(s.consent_events(a).await.unwrap().len(), 3);
        let c = s.consent_counts(OffsetDateTime::now_utc()).await.unwrap();
        assert_eq!(c.consent[&p]["email"]["withdrawn"], 1);
        assert!(matches!(s.consent_verify().await.unwrap(), Verdict::Intact { entries: 5 }));
        // Time applied in SQL: an awaiting request past its deadline counts as not responded.
        let d = contact(&s, "dario@example.it").await;
        let mut req = event(d, p, ConsentAction::Requested, now - Duration::days(3));
        req.until = Some(now - Duration::days(1));
        s.write_consent(&ctx(), ConsentWrite { events: vec![req], ..Default::default() }).await.unwrap();
        let c = s.consent_counts(OffsetDateTime::now_utc()).await.unwrap();
        assert_eq!(c.consent[&p]["email"]["not_responded"], 1);
        assert_eq!(c.consent[&p]["email"].get("awaiting"), None);
        let c = s.consent_counts(now - Duration::days(2)).await.unwrap();
        assert_eq!(c.consent[&p]["email"]["awaiting"], 1);
        // Tampering is detected.
        s.raw_execute("UPDATE consent_events SET channels = 'sms' WHERE seq = 2").await.unwrap();
        assert!(matches!(s.consent_verify().await.unwrap(), Verdict::Broken { seq: 2, .. }));
    })
    .await;
}

#[tokio::test]
async fn mail_is_claimed_once_retried_and_erased_with_the_person_on_both_engines() {
    on_both(|s, dir| async move {
        let p = purpose(&s, "Newsletter").await;
        let a = contact(&s, "giulia@example.it").await;
        let mail = |n: u8| NewMail {
            id: Uuid::now_v7(),
            subject: a,
            kind: "confirm",
            mail: Mail {
                to: "giulia@example.it".into(),
                subject: format!("Confirm {n}"),
                text: "Zanzibar-secret-text".into(),
                headers: vec![],
                attachments: vec![],
                asks_for: None,
            },
        };
        let w = ConsentWrite {
            events: vec![event(a, p, ConsentAction::Requested, OffsetDateTime::now_utc())],
            mails: vec![mail(1), mail(2)],
            ..Default::default()
        };
        s.write_consent(&ctx(), w).await.unwrap();
        // Two senders at once: each message is claimed by exactly one.
        let (x, y) = tokio::join!(s.claim_mail(10, 60_000), s.claim_mail(10, 60_000));
        let (x, y) = (x.unwrap(), y.unwrap());
        assert_eq!(x.len() + y.len(), 2, "every message claimed once");
        let claimed: Vec<_> = x.into_iter().chain(y).collect();
        assert_eq!(claimed[0].mail.text, "Zanzibar-secret-text");
        assert!(s.claim_mail(10, 60_000).await.unwrap().is_empty(), "leased messages are not claimed again");
        s.mail_done(&ctx(), claimed[0].row.id, "sent").await.unwrap();
        s.mail_failed(claimed[1].row.id, "the SMTP server could not be reached or refused for now", Some(0))
            .await
            .unwrap();
        let again = s.claim_mail(10, 60_000).await.unwrap();
        assert_eq!(again.len(), 1, "a failed message is retried when due");
        assert_eq!(again[0].row.attempts, 2);
        let rows = s.mail_list(10).await.unwrap();
        assert!(rows.iter().any(|r| r.status == "sent"));
        // Erasure takes queued mail, bases and cached state with it; the ledger stays verifiable, its proof unreadable.
        s.set_bases(&ctx(), &[a], &basis(p, LawfulBasis::Consent)).await.unwrap();
        assert!(s.set_restriction(&ctx(), a, true, None).await.unwrap());
        assert!(!s.set_restriction(&ctx(), a, true, None).await.unwrap(), "already restricted");
        assert_eq!(s.count_restricted(&[a, SubjectId::new()]).await.unwrap(), 1);
        s.set_objection(&ctx(), a, p, kith_domain::ObjectionDecision::Pending, None).await.unwrap();
        s.set_objection(&ctx(), a, p, kith_domain::ObjectionDecision::Upheld, None).await.unwrap();
        let o = s.objections_of(a).await.unwrap();
        assert_eq!((o.len(), o[0].decision), (1, kith_domain::ObjectionDecision::Upheld));
        assert!(o[0].decided_at.is_some());
        s.delete_contact(&ctx(), a).await.unwrap();
        assert!(s.restricted_since(a).await.unwrap().is_none());
        assert!(s.objections_of(a).await.unwrap().is_empty());
        assert!(s.mail_list(10).await.unwrap().is_empty());
        assert!(s.bases_of(a).await.unwrap().is_empty());
        assert_eq!(s.consent_counts(OffsetDateTime::now_utc()).await.unwrap().consent.get(&p), None);
        let ev = s.consent_events(a).await.unwrap();
        assert_eq!(ev.len(), 1);
        assert!(ev[0].proof.is_none(), "the key is gone, so is the proof");
        assert!(matches!(s.consent_verify().await.unwrap(), Verdict::Intact { entries: 1 }));
        if s.engine() == Engine::Sqlite {
            let bytes = stored_bytes(&s, &dir).await;
            assert!(!bytes.windows(20).any(|w| w == b"Zanzibar-secret-text"), "mail text found in clear");
        } else {
            let dump = s.raw_dump_pg().await.unwrap();
            assert!(!dump.contains("Zanzibar") && !dump.contains("giulia@example.it"));
        }
    })
    .await;
}

/// The sweep decides on facts it read a moment before; the disposing
/// transaction reads them again under the contact's lock and decides
/// again with the same rule. A contract renewed in between keeps the
/// person; once it has ended again, they go.
#[tokio::test]
async fn a_disposal_decides_again_on_facts_changed_since_the_sweep_read_them() {
    use kith_domain::retention::{evaluate, Anchor, Disposal as Dispose, Period, PeriodUnit, Rule, Verdict};
    use kith_store::retention::{Disposal, FactsOf, Recheck, RunProgress};
    on_both(|s, _| async move {
        let rule = Rule::new(Anchor::ContractEnd, Period::new(1, PeriodUnit::Years).unwrap(), Dispose::Delete).unwrap();
        let p = PurposeInput {
            id: PurposeId::new(),
            name: "Customer service".into(),
            description: "Support".into(),
            default_basis: LawfulBasis::Contract,
            data_categories: vec!["contact".into()],
            retention: String::new(),
            rule: Some(rule),
            recipients: String::new(),
            direct_marketing: false,
        };
        s.insert_purpose(&ctx(), &p).await.unwrap();
        let c = contact(&s, "giulia.ferri@example.it").await;
        let now = OffsetDateTime::now_utc();
        let ended = BasisRecord { ends_at: Some(now - Duration::days(730)), ..basis(p.id, LawfulBasis::Contract) };
        s.set_bases(&ctx(), &[c], &ended).await.unwrap();
        let rules = [(p.id, Some(rule))];
        // The sweep reads the facts: the contract ended two years ago.
        let read = s.retention_facts(FactsOf::One(c), &rules, now).await.unwrap();
        assert!(matches!(evaluate(&read[0].1, now), Verdict::Expired { .. }));
        // Meanwhile the contract is renewed, without an end.
        s.set_bases(&ctx(), &[c], &basis(p.id, LawfulBasis::Contract)).await.unwrap();
        let expired =
            move |f: &kith_domain::retention::SubjectFacts| matches!(evaluate(f, now), Verdict::Expired { .. });
        let recheck = Recheck { rules: &rules, now, expired: &expired };
        let item = [Disposal { subject: c, purpose: p.id, anonymise: false }];
        let none = || None::<RunProgress<'_, fn(&[SubjectId]) -> String>>;
        let done = s.dispose(&ctx(), &item, &recheck, none()).await.unwrap();
        assert_eq!((done.gone.len(), done.held, done.kept), (0, 0, 1), "the renewed contract keeps them");
        assert!(s.get_contact(c).await.unwrap().is_some());
        // It ends again: now they go.
        s.set_bases(&ctx(), &[c], &ended).await.unwrap();
        let done = s.dispose(&ctx(), &item, &recheck, none()).await.unwrap();
        assert_eq!(done.gone, vec![c]);
        assert!(s.get_contact(c).await.unwrap().is_none());
    })
    .await;
}

/// A restriction placed after the app checked (the app's check is skipped
/// here) still stops every write that would process the person: the store
/// checks it under the contact's lock. Withdrawals are still recorded, and
/// a purge (which only removes) still runs.
#[tokio::test]
async fn the_store_refuses_processing_a_restricted_person_on_both_engines() {
    on_both(|s, _| async move {
        let who = contact(&s, "restricted@example.com").await;
        let newsletter = purpose(&s, "Newsletter").await;
        let now = OffsetDateTime::now_utc();
        s.set_restriction(&ctx(), who, true, None).await.unwrap();

        let given =
            ConsentWrite { events: vec![event(who, newsletter, ConsentAction::Given, now)], ..Default::default() };
        assert!(matches!(s.write_consent(&ctx(), given).await, Err(StoreError::Restricted)));
        let asked =
            ConsentWrite { events: vec![event(who, newsletter, ConsentAction::Requested, now)], ..Default::default() };
        assert!(matches!(s.write_consent(&ctx(), asked).await, Err(StoreError::Restricted)));
        let withdrawn =
            ConsentWrite { events: vec![event(who, newsletter, ConsentAction::Withdrawn, now)], ..Default::default() };
        s.write_consent(&ctx(), withdrawn).await.expect("a withdrawal is recorded");

        let r = s
            .modify_contact(&ctx(), who, |mut c| {
                c.data.job_title = Some("Buyer".into());
                Ok::<_, StoreError>(ContactInput {
                    id: c.id,
                    owner: c.owner,
                    company: c.company,
                    tags: c.tags,
                    data: c.data,
                    source: None,
                })
            })
            .await;
        assert!(matches!(r, Err(StoreError::Restricted)), "{r:?}");

        let note = kith_store::interactions::InteractionInput {
            id: kith_domain::InteractionId::new(),
            subject: who,
            kind: kith_domain::InteractionKind::Note,
            occurred_at: now,
            author: None,
            body: "called".into(),
        };
        assert!(matches!(
            s.insert_interactions(&ctx(), std::slice::from_ref(&note), None).await,
            Err(StoreError::Restricted)
        ));

        // Lifted: the same writes go through.
        s.set_restriction(&ctx(), who, false, None).await.unwrap();
        s.insert_interactions(&ctx(), &[note], None).await.unwrap();
        let given =
            ConsentWrite { events: vec![event(who, newsletter, ConsentAction::Given, now)], ..Default::default() };
        s.write_consent(&ctx(), given).await.unwrap();
    })
    .await;
}
