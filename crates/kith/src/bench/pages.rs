//! Page timings for `kith bench`: staff pages requested through the real
//! router (session cookie, audit, rendering) on the benchmark's data, each
//! beside the store reads it needs, measured in the same run.

use super::stats::median;
use crate::error::CliError;
use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use kith_app::companies::CompanyFields;
use kith_app::deals::DealFields;
use kith_app::{App, Principal};
use kith_domain::SubjectId;
use kith_store::contacts::{ContactFilter, ContactSort};
use std::time::{Duration, Instant};
use tower::ServiceExt;

/// One page's figure: its median, and the median of its bare store reads.
pub struct PageTiming {
    pub name: &'static str,
    pub page: Duration,
    pub reads: Option<Duration>,
}

async fn fetch(
    router: &axum::Router,
    cookie: &str,
    method: Method,
    uri: &str,
    body: Option<String>,
) -> Result<String, CliError> {
    fetch_in(router, cookie, method, uri, body, "en").await
}

/// [`fetch`] for a reader of `lang` (`Accept-Language`).
async fn fetch_in(
    router: &axum::Router,
    cookie: &str,
    method: Method,
    uri: &str,
    body: Option<String>,
    lang: &str,
) -> Result<String, CliError> {
    let mut req =
        Request::builder().method(method).uri(uri).header(header::COOKIE, cookie).header(header::ACCEPT_LANGUAGE, lang);
    if body.is_some() {
        req = req.header(header::CONTENT_TYPE, "application/x-www-form-urlencoded");
    }
    let req = req.body(body.map(Body::from).unwrap_or_default()).map_err(CliError::other)?;
    let res = router.clone().oneshot(req).await.map_err(CliError::other)?;
    let status = res.status();
    let bytes = axum::body::to_bytes(res.into_body(), usize::MAX).await.map_err(CliError::other)?;
    if status != StatusCode::OK {
        return Err(CliError::Other(format!("{uri} answered {status}")));
    }
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// Seeds a few companies and deals, signs in as `email`, and times the
/// main pages `samples` times each.
pub async fn measure(
    app: &App,
    p: &Principal,
    email: &str,
    password: &str,
    ids: &[SubjectId],
    last_names: &[&str],
    samples: usize,
) -> Result<Vec<PageTiming>, CliError> {
    let mut companies = Vec::new();
    for i in 0..100 {
        let f = CompanyFields { name: format!("Bench Company {i:03} S.r.l."), ..Default::default() };
        companies.push(app.create_company(p, f, None).await?.id);
    }
    let stages = ["lead", "qualified", "proposal", "negotiation", "won", "lost"];
    for i in 0..1200 {
        let f = DealFields {
            title: format!("Bench deal {i}"),
            stage: Some(stages[i % stages.len()].into()),
            amount_minor: Some(100_000 + i as i64 * 1_000),
            currency: Some("EUR".into()),
            company: Some(companies[i % companies.len()]),
            contacts: vec![ids[i * 7 % ids.len()]],
            ..Default::default()
        };
        app.create_deal(p, f, None).await?;
    }
    let kith_app::sessions::SignInStep::Done(signed) = app.sign_in(email, password, "bench", "bench".into()).await?
    else {
        return Err(CliError::Other("the bench user has a second factor".into()));
    };
    let cookie = format!("kith_session={}", signed.secret);
    let router = kith_web::router(app.clone());
    let first = fetch(&router, &cookie, Method::GET, "/contacts", None).await?;
    let csrf = first
        .split("name=\"csrf\" value=\"")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .ok_or_else(|| CliError::Other("no csrf field on the contacts page".into()))?
        .to_owned();
    let store = app.store();
    let mut out = Vec::new();
    let mut rng = 12345u64;
    let mut pick = |n: usize| {
        rng = rng.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        ((rng >> 33) as usize) % n
    };

    // Contacts list, first page of 50, newest first.
    let (mut page, mut reads) = (Vec::new(), Vec::new());
    for _ in 0..samples {
        let t = Instant::now();
        fetch(&router, &cookie, Method::GET, "/contacts", None).await?;
        page.push(t.elapsed());
        let t = Instant::now();
        store.list_contacts(&ContactFilter::default(), ContactSort::CreatedDesc, None, 50).await?;
        reads.push(t.elapsed());
    }
    out.push(PageTiming { name: "contacts list (50 rows)", page: median(&mut page), reads: Some(median(&mut reads)) });

    // Name-prefix search through the list's form.
    let (mut page, mut reads) = (Vec::new(), Vec::new());
    for _ in 0..samples {
        let q: String = last_names[pick(last_names.len())].chars().take(3).collect();
        let body = format!("csrf={csrf}&q={}", q.bytes().map(|b| format!("%{b:02X}")).collect::<String>());
        let t = Instant::now();
        fetch(&router, &cookie, Method::POST, "/contacts", Some(body)).await?;
        page.push(t.elapsed());
        let t = Instant::now();
        store.search_name(&q, &ContactFilter::default(), None, 50).await?;
        reads.push(t.elapsed());
    }
    out.push(PageTiming {
        name: "contacts search, name prefix",
        page: median(&mut page),
        reads: Some(median(&mut reads)),
    });

    // A contact's page: details, timeline, deals.
    let (mut page, mut reads) = (Vec::new(), Vec::new());
    for _ in 0..samples {
        let id = ids[pick(ids.len())];
        let t = Instant::now();
        fetch(&router, &cookie, Method::GET, &format!("/contacts/{id}"), None).await?;
        page.push(t.elapsed());
        let t = Instant::now();
        store.get_contact(id).await?;
        store.list_interactions(id, None, 50).await?;
        reads.push(t.elapsed());
    }
    out.push(PageTiming { name: "contact page", page: median(&mut page), reads: Some(median(&mut reads)) });

    for (name, uri) in [
        ("pipeline board (6 stages x 30 cards)", "/deals"),
        ("deals list with totals", "/deals/list"),
        ("companies list", "/companies"),
        ("audit page (100 entries)", "/audit"),
    ] {
        let mut page = Vec::new();
        for _ in 0..samples {
            let t = Instant::now();
            fetch(&router, &cookie, Method::GET, uri, None).await?;
            page.push(t.elapsed());
        }
        out.push(PageTiming { name, page: median(&mut page), reads: None });
    }

    // The same pages for a Bulgarian and a German reader: every word comes
    // from the catalogue, so a language must cost what English costs.
    let contact = format!("/contacts/{}", ids[0]);
    for (name, uri, lang) in [
        ("contacts list, in Bulgarian", "/contacts", "bg"),
        ("contact page, in Bulgarian", contact.as_str(), "bg"),
        ("pipeline board, in German", "/deals", "de"),
        ("contact page, in English (same contact)", contact.as_str(), "en"),
    ] {
        let mut page = Vec::new();
        for _ in 0..samples {
            let t = Instant::now();
            fetch_in(&router, &cookie, Method::GET, uri, None, lang).await?;
            page.push(t.elapsed());
        }
        out.push(PageTiming { name, page: median(&mut page), reads: None });
    }
    Ok(out)
}
