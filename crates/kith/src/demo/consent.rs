//! The demo's consent: purposes, a notice, subscription types, the public
//! form, lawful bases by tag, and consent given and withdrawn.

use crate::error::CliError;
use kith_app::bulk::{BulkAction, Selection};
use kith_app::consent::{BasisAssignment, ConsentInput};
use kith_app::contacts::ContactQuery;
use kith_app::purposes::{FormFields, NoticeFields, PurposeFields, SubscriptionFields};
use kith_app::{App, Principal};
use kith_domain::consent::BasisSource;
use kith_domain::{Channel, ConsentAction, ConsentMethod, LawfulBasis};

/// Purposes, a notice, subscription types, a public form, bases by tag and
/// consent given (on the old website form) by the contacts tagged
/// `newsletter`, some of whom later withdrew.
pub(super) async fn seed_consent(app: &App, p: &Principal) -> Result<usize, CliError> {
    let purpose = |name: &str, description: &str, basis: LawfulBasis, cats: &[&str]| PurposeFields {
        name: name.into(),
        description: description.into(),
        default_basis: basis,
        data_categories: cats.iter().map(|c| (*c).to_owned()).collect(),
        retention: "2 years after the last interaction".into(),
        rule: Some(kith_domain::retention::Rule {
            anchor: kith_domain::retention::Anchor::LastInteraction,
            period: kith_domain::retention::Period { count: 2, unit: kith_domain::retention::PeriodUnit::Years },
            disposal: kith_domain::retention::Disposal::Delete,
        }),
        // Recipients are in the register (demo/registers.rs).
        recipients: String::new(),
        direct_marketing: basis != LawfulBasis::Contract,
    };
    let news = app
        .create_purpose(
            p,
            purpose(
                "Newsletter",
                "A monthly email about our products.",
                LawfulBasis::Consent,
                &["contact", "identity"],
            ),
        )
        .await
        .map_err(CliError::app("demo data: cannot add a purpose"))?;
    let service = app
        .create_purpose(
            p,
            purpose(
                "Customer service",
                "Answering customers about their orders.",
                LawfulBasis::Contract,
                &["contact", "identity", "orders"],
            ),
        )
        .await
        .map_err(CliError::app("demo data: cannot add a purpose"))?;
    let events = app
        .create_purpose(
            p,
            purpose(
                "Event invitations",
                "Invitations to our trade-fair stands.",
                LawfulBasis::LegitimateInterests,
                &["contact", "professional"],
            ),
        )
        .await
        .map_err(CliError::app("demo data: cannot add a purpose"))?;
    let notice = app
        .create_notice(
            p,
            NoticeFields {
                name: "Privacy notice".into(),
                language: "en".into(),
                url: None,
                body: "Demo Controller processes your name and email to send what you ask for. You can withdraw at any time from the link in every message.".into(),
            },
        )
        .await
        .map_err(CliError::app("demo data: cannot publish a notice"))?;
    let sub = |name: &str, purpose, channels: Vec<Channel>| SubscriptionFields {
        name: name.into(),
        description: String::new(),
        purpose,
        channels,
    };
    let monthly = app
        .create_subscription_type(p, sub("Monthly newsletter", news.id, vec![Channel::Email]))
        .await
        .map_err(CliError::app("demo data: cannot add a subscription type"))?;
    let invites = app
        .create_subscription_type(p, sub("Event invitations", events.id, vec![Channel::Email, Channel::Post]))
        .await
        .map_err(CliError::app("demo data: cannot add a subscription type"))?;
    let form = FormFields {
        slug: "newsletter".into(),
        title: "Stay in touch".into(),
        intro: "Choose what you would like to receive. Nothing is ticked for you.".into(),
        logo_url: None,
        fields: vec!["first_name".into(), "last_name".into()],
        subscriptions: vec![monthly.id, invites.id],
        notice: notice.id,
        third_parties: vec!["Fiera Partner S.r.l.".into()],
        button: "Subscribe".into(),
        language: "en".into(),
        active: true,
    };
    app.save_form(p, None, form).await.map_err(CliError::app("demo data: cannot create a form"))?;
    let by_tag = |tag: &str| {
        let mut q = ContactQuery::default();
        q.filter.tag = Some(tag.into());
        Selection::Matching(Box::new(q))
    };
    let basis = |purpose, basis, lia: Option<&str>| {
        BulkAction::SetBasis(BasisAssignment {
            purpose,
            basis,
            source: BasisSource::Import,
            source_name: Some("crm-export-2025.csv".into()),
            lia_ref: lia.map(str::to_owned),
            effective_at: None,
            ends_at: None,
        })
    };
    for (tag, action) in [
        ("partner", basis(service.id, LawfulBasis::Contract, None)),
        ("vip", basis(service.id, LawfulBasis::Contract, None)),
        ("event-2026", basis(events.id, LawfulBasis::LegitimateInterests, Some("LIA-2026-03"))),
        ("newsletter", basis(news.id, LawfulBasis::Consent, None)),
    ] {
        app.bulk_apply(p, &by_tag(tag), &action)
            .await
            .map_err(CliError::app("demo data: cannot set a lawful basis"))?;
    }
    let mut q = ContactQuery::default();
    q.filter.tag = Some("newsletter".into());
    let ids = app.store().matching_ids(&q.filter, None, 1000).await.map_err(CliError::store("demo data"))?;
    let given_at = time::OffsetDateTime::now_utc() - time::Duration::days(200);
    let mut n = 0;
    for (i, id) in ids.iter().enumerate() {
        let c = ConsentInput {
            purpose: Some(news.id),
            action: Some(ConsentAction::Given),
            channels: vec![Channel::Email],
            method: Some(ConsentMethod::WebForm),
            at: Some(given_at),
            notice: Some(notice.id),
            affirmative_act: Some("ticked the unticked newsletter box on the 2025 website form".into()),
            evidence_ref: Some(format!("website form submission {}", 20_250_000 + i)),
            ..Default::default()
        };
        app.record_consent(p, *id, c).await.map_err(CliError::app("demo data: cannot record consent"))?;
        n += 1;
        if i % 7 == 3 {
            let w = ConsentInput {
                purpose: Some(news.id),
                action: Some(ConsentAction::Withdrawn),
                channels: vec![Channel::Email],
                method: Some(ConsentMethod::Api),
                at: Some(given_at + time::Duration::days(90)),
                ..Default::default()
            };
            app.record_consent(p, *id, w).await.map_err(CliError::app("demo data: cannot record a withdrawal"))?;
            n += 1;
        }
    }
    Ok(n)
}
