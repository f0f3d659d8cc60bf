//! The privacy overview on both engines: every count links to the segment
//! it counts and the contact list shows the same number; the charts are
//! inline SVG with titles and labels; the 12-month trend matches the
//! seeded ledger events and answered requests.

use crate::harness::{on_both, Resp, TestApp};
use axum::http::StatusCode;
use kith_app::trend::month_bounds;
use kith_domain::consent::BasisSource;
use kith_domain::dsr::{DsrChannel, DsrKind, DsrStatus};
use kith_domain::{Channel, ConsentAction, ConsentMethod, ContactData, Email, LawfulBasis, PurposeId, Role, SubjectId};
use kith_store::consent::{BasisRecord, ConsentWrite, NewConsentEvent, SealedProof};
use kith_store::contacts::ContactInput;
use kith_store::dsr::Dsr;
use kith_store::purposes::PurposeInput;
use kith_store::{Ctx, Store};
use time::{Duration, OffsetDateTime};
use uuid::Uuid;

fn ctx() -> Ctx {
    Ctx { actor: "user:test".into(), request_id: "req-1".into(), token: None }
}

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

async fn people(s: &Store, n: usize) -> Vec<SubjectId> {
    let list: Vec<ContactInput> = (0..n)
        .map(|i| ContactInput {
            id: SubjectId::new(),
            owner: None,
            company: None,
            tags: vec![],
            data: ContactData {
                first_name: Some(format!("Person{i}")),
                emails: vec![Email::parse(&format!("p{i}@example.it")).unwrap()],
                ..Default::default()
            },
            source: None,
        })
        .collect();
    s.insert_contacts(&ctx(), &list, None).await.unwrap();
    list.into_iter().map(|c| c.id).collect()
}

async fn basis(s: &Store, who: &[SubjectId], purpose: PurposeId, b: LawfulBasis) {
    let now = OffsetDateTime::now_utc();
    let r = BasisRecord {
        purpose,
        basis: b,
        source: BasisSource::Manual,
        source_name: None,
        lia_ref: None,
        effective_at: now,
        ends_at: None,
        set_by: None,
        set_at: now,
    };
    s.set_bases(&ctx(), who, &r).await.unwrap();
}

/// (purpose, action, channels, at, until)
type Ev = (PurposeId, ConsentAction, Vec<Channel>, OffsetDateTime, Option<OffsetDateTime>);

async fn consent(s: &Store, who: SubjectId, list: Vec<Ev>) {
    let events = list
        .into_iter()
        .map(|(purpose, action, channels, at, until)| NewConsentEvent {
            id: Uuid::now_v7(),
            subject: who,
            purpose,
            action,
            channels,
            method: ConsentMethod::Api,
            at,
            until,
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

async fn answered(s: &Store, who: SubjectId, status: DsrStatus) {
    let now = OffsetDateTime::now_utc();
    let d = Dsr {
        id: Uuid::now_v7(),
        subject: who,
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

/// Every `<a class="count" href="…" …>N</a>` on the page: (href, N).
fn counts(body: &str) -> Vec<(String, i64)> {
    body.split(r#"<a class="count" href=""#)
        .skip(1)
        .map(|rest| {
            let href = rest[..rest.find('"').unwrap()].replace("&amp;", "&").replace("&#x2f;", "/");
            let after = &rest[rest.find('>').unwrap() + 1..];
            (href, after[..after.find("</a>").unwrap()].parse().unwrap())
        })
        .collect()
}

/// The number the contact list says matches ("N contacts match").
fn listed(r: &Resp) -> i64 {
    let at = r.body.find(r#"<p role="status"><strong>"#).unwrap_or_else(|| panic!("no count: {}", r.body));
    let rest = &r.body[at + r#"<p role="status"><strong>"#.len()..];
    rest[..rest.find(' ').unwrap()].parse().unwrap()
}

/// The trend table's rows: (month, given, withdrawn, answered).
fn trend_rows(body: &str) -> Vec<(String, i64, i64, i64)> {
    let table = &body[body.find(r#"<table id="trend-table">"#).unwrap()..];
    let table = &table[..table.find("</table>").unwrap()];
    table
        .split(r#"<tr><th scope="row">"#)
        .skip(1)
        .map(|row| {
            let month = row[..row.find('<').unwrap()].to_owned();
            let n: Vec<i64> = row.split("<td>").skip(1).map(|c| c[..c.find('<').unwrap()].parse().unwrap()).collect();
            (month, n[0], n[1], n[2])
        })
        .collect()
}

async fn seed(env: &TestApp) -> (PurposeId, PurposeId) {
    let s = &env.store;
    let news = purpose(s, "Newsletter <weekly>").await;
    let events = purpose(s, "Events").await;
    let p = people(s, 7).await;
    let now = OffsetDateTime::now_utc();
    let months_ago = |m: i64| now - Duration::days(31 * m);
    basis(s, &p[0..2], news, LawfulBasis::Consent).await;
    basis(s, &p[2..3], news, LawfulBasis::LegitimateInterests).await;
    basis(s, &p[3..4], news, LawfulBasis::NotApplicable).await; // counted as no basis
    basis(s, &p[0..7], events, LawfulBasis::Contract).await;
    use ConsentAction::*;
    let (email, both) = (vec![Channel::Email], vec![Channel::Email, Channel::Sms]);
    consent(s, p[0], vec![(news, Given, both.clone(), months_ago(3), None)]).await;
    consent(
        s,
        p[1],
        vec![(news, Given, email.clone(), months_ago(5), None), (news, Withdrawn, email.clone(), months_ago(1), None)],
    )
    .await;
    // Expired, not responded (deadlines past), awaiting (deadline ahead), refused.
    consent(s, p[2], vec![(news, Given, email.clone(), months_ago(4), Some(now - Duration::days(2)))]).await;
    consent(s, p[3], vec![(news, Requested, email.clone(), now - Duration::days(40), Some(now - Duration::days(9)))])
        .await;
    consent(s, p[4], vec![(news, Requested, email.clone(), now - Duration::hours(2), Some(now + Duration::days(20)))])
        .await;
    consent(s, p[5], vec![(news, Refused, email.clone(), now - Duration::hours(1), None)]).await;
    // Events: given now; one given 14 months ago (outside the window).
    consent(s, p[6], vec![(events, Given, email.clone(), now - Duration::minutes(5), None)]).await;
    consent(s, p[5], vec![(events, Given, both, now - Duration::days(430), None)]).await;
    answered(s, p[0], DsrStatus::Completed).await;
    answered(s, p[1], DsrStatus::Rejected).await;
    answered(s, p[2], DsrStatus::InProgress).await;
    (news, events)
}

#[tokio::test]
async fn every_overview_count_opens_a_list_of_that_many() {
    on_both("every_overview_count_opens_a_list_of_that_many", |env| async move {
        let (news, events) = seed(&env).await;
        let dpo = env.sign_in_as(Role::Dpo).await;
        let page = env.get(&dpo, "/privacy").await;
        assert_eq!(page.status, StatusCode::OK, "{}", page.body);
        let links = counts(&page.body);
        // Per purpose: 7 bases; Newsletter has email and SMS rows, Events email and SMS (14 months ago still stands).
        assert!(links.len() >= 2 * 7 + 2 * 7, "{links:?}");
        for (href, n) in &links {
            let list = env.get(&dpo, href).await;
            assert_eq!(list.status, StatusCode::OK, "{href}: {}", list.body);
            assert_eq!(listed(&list), *n, "{href}");
        }
        // The DPO's click: "no basis" under Newsletter.
        let no_basis = format!("/contacts?basis={news}:none");
        let (_, n) = links.iter().find(|(h, _)| *h == no_basis).expect("no-basis link");
        assert_eq!(*n, 4, "three without a row, one not applicable");
        assert_eq!(listed(&env.get(&dpo, &no_basis).await), 4);
        let shown = |q: String| links.iter().find(|(h, _)| *h == format!("/contacts?{q}")).map(|(_, n)| *n);
        assert_eq!(shown(format!("basis={news}:consent")), Some(2));
        assert_eq!(shown(format!("basis={events}:contract")), Some(7));
        assert_eq!(shown(format!("consent={news}:email:given")), Some(1));
        assert_eq!(shown(format!("consent={news}:email:withdrawn")), Some(1));
        assert_eq!(shown(format!("consent={news}:email:expired")), Some(1));
        assert_eq!(shown(format!("consent={news}:email:not_responded")), Some(1));
        assert_eq!(shown(format!("consent={news}:email:awaiting")), Some(1));
        assert_eq!(shown(format!("consent={news}:email:refused")), Some(1));
        assert_eq!(shown(format!("consent={news}:email:none")), Some(1));
        assert_eq!(shown(format!("consent={news}:sms:given")), Some(1));

        // Charts: inline SVG, titled, labelled, escaped, parts linking to the same segments.
        let b = &page.body;
        assert!(b.contains("<svg"), "svg");
        assert!(b.contains("<title>Newsletter &lt;weekly&gt;: lawful basis</title>"), "{b}");
        assert!(b.contains("<title>Newsletter &lt;weekly&gt;: consent by Email</title>"));
        assert!(b.contains("<title>Newsletter &lt;weekly&gt;: consent by SMS</title>"));
        assert!(b.contains(&format!(r#"<a href="/contacts?basis={news}:none" aria-label="No basis: 4">"#)), "{b}");
        assert!(b.contains("No basis: 4</text>"));
        assert!(!b.contains("<weekly>"));
        let svgs: Vec<&str> = b.split("<svg").skip(1).map(|x| &x[..x.find("</svg>").unwrap()]).collect();
        assert_eq!(svgs.len(), 2 * 3 + 1, "per purpose a basis bar and one per channel shown, and the trend");
        assert!(svgs.iter().all(|x| !x.contains("<script") && !x.contains(" onclick=") && x.contains("<title>")));
        assert!(b.contains("<title>Last 12 months: every purpose</title>"));
        page_trend(&env, &dpo, news).await;
    })
    .await;
}

async fn page_trend(env: &TestApp, dpo: &crate::harness::Browser, news: PurposeId) {
    let now = OffsetDateTime::now_utc();
    let bounds = month_bounds(now, 12);
    let month_of = |t: OffsetDateTime| bounds.windows(2).position(|w| w[0] <= t && t < w[1]);
    let ago = |m: i64| now - Duration::days(31 * m);
    // Expected given / withdrawn per month, all purposes and Newsletter only.
    let mut all = vec![(0i64, 0i64, 0i64); 12];
    let mut only = vec![(0i64, 0i64, 0i64); 12];
    for (t, news_too) in [(ago(3), true), (ago(5), true), (ago(4), true), (now - Duration::minutes(5), false)] {
        if let Some(m) = month_of(t) {
            all[m].0 += 1;
            if news_too {
                only[m].0 += 1;
            }
        }
    }
    let w = month_of(ago(1)).unwrap();
    all[w].1 += 1;
    only[w].1 += 1;
    all[11].2 = 2; // completed and rejected now; in progress not counted
    only[11].2 = 2;
    let page = env.get(dpo, "/privacy").await;
    let rows = trend_rows(&page.body);
    assert_eq!(rows.len(), 12);
    let got: Vec<(i64, i64, i64)> = rows.iter().map(|r| (r.1, r.2, r.3)).collect();
    assert_eq!(got, all, "{rows:?}");
    let last = &rows[11].0;
    assert!(last.ends_with(&now.year().to_string()), "{last}");
    let one = env.get(dpo, &format!("/privacy?trend={news}")).await;
    assert_eq!(one.status, StatusCode::OK);
    let got: Vec<(i64, i64, i64)> = trend_rows(&one.body).iter().map(|r| (r.1, r.2, r.3)).collect();
    assert_eq!(got, only);
    assert!(one.body.contains(&format!(r#"<option value="{news}" selected>"#)));
    assert!(one.body.contains("<title>Last 12 months: Newsletter &lt;weekly&gt;</title>"));
    // A wrong purpose is a readable message, and the overall trend.
    for bad in ["not-a-uuid", "00000000-0000-0000-0000-000000000000"] {
        let r = env.get(dpo, &format!("/privacy?trend={bad}")).await;
        assert_eq!(r.status, StatusCode::OK);
        assert!(r.body.contains("That purpose does not exist"), "{}", r.body);
        let got: Vec<(i64, i64, i64)> = trend_rows(&r.body).iter().map(|r| (r.1, r.2, r.3)).collect();
        assert_eq!(got, all);
    }
}
