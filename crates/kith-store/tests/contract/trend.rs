//! The overview's monthly trend on SQLite and PostgreSQL: consent given
//! and withdrawn per period (all purposes or one), requests answered per
//! period, rows outside the periods and other actions not counted.

use crate::engines::{ctx, on_both};
use crate::fixtures::{input, person};
use kith_domain::dsr::{DsrChannel, DsrKind, DsrStatus};
use kith_domain::{Channel, ConsentAction, ConsentMethod, LawfulBasis, PurposeId, SubjectId};
use kith_store::consent::{ConsentWrite, NewConsentEvent, SealedProof, Trend};
use kith_store::dsr::Dsr;
use kith_store::purposes::PurposeInput;
use kith_store::{to_ms, Store};
use time::macros::datetime;
use time::OffsetDateTime;
use uuid::Uuid;

async fn purpose(s: &Store, name: &str) -> PurposeId {
    let p = PurposeInput {
        id: PurposeId::new(),
        name: name.into(),
        description: "why".into(),
        default_basis: LawfulBasis::Consent,
        data_categories: vec![],
        retention: String::new(),
        rule: None,
        recipients: String::new(),
        direct_marketing: true,
    };
    s.insert_purpose(&ctx(), &p).await.unwrap();
    p.id
}

async fn events(s: &Store, subject: SubjectId, list: &[(PurposeId, ConsentAction, OffsetDateTime)]) {
    let events = list
        .iter()
        .map(|(purpose, action, at)| NewConsentEvent {
            id: Uuid::now_v7(),
            subject,
            purpose: *purpose,
            action: *action,
            channels: vec![Channel::Email, Channel::Sms],
            method: ConsentMethod::Api,
            at: *at,
            until: None,
            notice: None,
            form: None,
            actor_user: None,
            gpc: false,
            request: None,
            proof: SealedProof::default(),
        })
        .collect();
    s.write_consent(&ctx(), ConsentWrite { events, ..Default::default() }).await.unwrap();
}

async fn dsr(s: &Store, subject: SubjectId, status: DsrStatus) {
    let now = OffsetDateTime::now_utc();
    let d = Dsr {
        id: Uuid::now_v7(),
        subject,
        kind: DsrKind::Access,
        channel: DsrChannel::Email,
        received_at: now,
        status,
        verified: "not_needed".into(),
        verification_method: None,
        extension_months: 0,
        extension_reason: None,
        assigned_to: None,
        outcome: None,
        created_at: now,
        updated_at: now,
    };
    s.insert_dsr(&ctx(), &d, None, None).await.unwrap();
}

#[tokio::test]
async fn counts_per_period_on_both_engines() {
    on_both(|s, _| async move {
        let news = purpose(&s, "Newsletter").await;
        let events_p = purpose(&s, "Events").await;
        let a = input(person("Ada", "Rossi", "ada@example.com", "+390612345678"));
        let b = input(person("Bruno", "Bianchi", "bruno@example.com", "+390612345679"));
        s.insert_contacts(&ctx(), &[a.clone(), b.clone()], None).await.unwrap();
        let bounds = [
            datetime!(2026-01-01 0:00 UTC),
            datetime!(2026-02-01 0:00 UTC),
            datetime!(2026-03-01 0:00 UTC),
            datetime!(2026-04-01 0:00 UTC),
        ];
        use ConsentAction::*;
        events(
            &s,
            a.id,
            &[
                (news, Requested, datetime!(2025-12-30 10:00 UTC)),
                (news, Given, datetime!(2025-12-31 23:59:59.999 UTC)), // before the first period
                (news, Withdrawn, datetime!(2026-01-01 0:00 UTC)),     // the first instant counts
                (news, Given, datetime!(2026-01-20 9:00 UTC)),
                (news, Refused, datetime!(2026-02-03 9:00 UTC)), // not counted
                (news, Given, datetime!(2026-03-31 23:59:59.999 UTC)),
            ],
        )
        .await;
        events(
            &s,
            b.id,
            &[
                (events_p, Given, datetime!(2026-01-05 9:00 UTC)),
                (events_p, Withdrawn, datetime!(2026-03-02 9:00 UTC)),
                (events_p, Given, datetime!(2026-04-01 0:00 UTC)), // the end is excluded
            ],
        )
        .await;
        // Requests: one completed, its step moved into February; one
        // rejected and one still open, both now (outside the periods).
        dsr(&s, a.id, DsrStatus::Completed).await;
        s.raw_execute(&format!("UPDATE dsr_steps SET at = {}", to_ms(datetime!(2026-02-10 12:00 UTC)))).await.unwrap();
        dsr(&s, b.id, DsrStatus::Rejected).await;
        dsr(&s, b.id, DsrStatus::InProgress).await;

        let all = s.consent_trend(&bounds, None).await.unwrap();
        assert_eq!(all, Trend { given: vec![2, 0, 1], withdrawn: vec![1, 0, 1], answered: vec![0, 1, 0] });
        let only = s.consent_trend(&bounds, Some(news)).await.unwrap();
        assert_eq!(only, Trend { given: vec![1, 0, 1], withdrawn: vec![1, 0, 0], answered: vec![0, 1, 0] });

        // The current month holds the rejected request (answered too).
        let now = OffsetDateTime::now_utc();
        let this_month = [now - time::Duration::days(40), now + time::Duration::days(1)];
        let t = s.consent_trend(&this_month, None).await.unwrap();
        assert_eq!(t.answered, vec![1]);

        // Nothing to count, or boundaries that are not ascending: zeros.
        let none = s.consent_trend(&bounds, Some(PurposeId::new())).await.unwrap();
        assert_eq!(none.given, vec![0, 0, 0]);
        let bad = s.consent_trend(&[bounds[1], bounds[0]], None).await.unwrap();
        assert_eq!(bad, Trend { given: vec![0], withdrawn: vec![0], answered: vec![0] });
        assert_eq!(s.consent_trend(&[], None).await.unwrap(), Trend::default());
    })
    .await;
}
