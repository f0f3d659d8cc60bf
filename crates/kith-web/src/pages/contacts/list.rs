//! The contact list: search, filters, sort, paging and columns.

use super::choices::{companies, owners, Choice};
use super::segment_panel::{self as panel, Badge, Chip};
use crate::pages::form::{enc, non_blank, parse_uuid, Errors, QueryForm, StaffForm};
use crate::pages::names;
use crate::pages::session::{layout, Staff};
use crate::pages::view::{self, contact_name, Layout};
use crate::pages::{render_status, PageResult};
use askama::Template;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect};
use kith_app::contacts::ContactQuery;
use kith_app::records;
use kith_app::segments::segment_now;
use kith_app::sessions::Session;
use kith_app::{App, AppError};
use kith_domain::segment::{ConsentFilter, Segment};
use kith_domain::{Channel, CompanyId, Field, Invalid, LawfulBasis, PurposeId, SourceKind, SubjectId, UserId};
use records::{Contact, ContactFilter, ContactSort};
use serde::Deserialize;
use std::collections::HashMap;
use uuid::Uuid;

const PAGE: i64 = 50;

/// The list's parameters, as sent by its form or its address.
#[derive(Deserialize, Default, Clone, Debug)]
#[serde(default)]
pub(super) struct ListParams {
    pub(super) q: String,
    owner: String,
    tag: String,
    company: String,
    source: String,
    created_from: String,
    created_to: String,
    sort: String,
    cols: Vec<String>,
    cursor: String,
    notice: String,
    n: Option<u64>,
    // Segment conditions (each key may repeat; see kith_domain::segment).
    pub(super) basis: Vec<String>,
    pub(super) consent: Vec<String>,
    pub(super) may: Vec<String>,
    pub(super) may_not: Vec<String>,
    pub(super) restricted: Vec<String>,
    pub(super) objected: Vec<String>,
    pub(super) old_notice: Vec<String>,
    pub(super) review_due: Vec<String>,
    // The "Consent & basis" panel's fields for one more condition.
    add: String,
    add_purpose: String,
    add_basis: String,
    add_channel: String,
    add_state: String,
}

/// Columns a user can choose, in display order.
const COLUMNS: [(&str, &str, Option<Field>); 8] = [
    ("email", "Email", Some(Field::Emails)),
    ("phone", "Phone", Some(Field::Phones)),
    ("job_title", "Job title", Some(Field::JobTitle)),
    ("company", "Company", None),
    ("owner", "Owner", None),
    ("tags", "Tags", None),
    ("created", "Created", None),
    ("updated", "Updated", None),
];
const DEFAULT_COLS: [&str; 5] = ["email", "company", "owner", "tags", "created"];

impl ListParams {
    /// The segment's query-string pairs as sent.
    pub(super) fn segment_pairs(&self) -> Vec<(&'static str, &str)> {
        panel::raw_pairs([
            &self.basis,
            &self.consent,
            &self.may,
            &self.may_not,
            &self.restricted,
            &self.objected,
            &self.old_notice,
            &self.review_due,
        ])
    }

    /// The filter part as a query string: no search text, no cursor.
    pub(super) fn filter_query(&self) -> String {
        let mut parts = vec![self.plain_query()];
        parts.extend(self.segment_pairs().iter().map(|(k, v)| format!("{k}={}", enc(v))));
        parts.retain(|p| !p.is_empty());
        parts.join("&")
    }

    /// The filter part without the segment.
    fn plain_query(&self) -> String {
        let mut parts = Vec::new();
        for (k, v) in [
            ("owner", &self.owner),
            ("tag", &self.tag),
            ("company", &self.company),
            ("source", &self.source),
            ("created_from", &self.created_from),
            ("created_to", &self.created_to),
            ("sort", &self.sort),
        ] {
            if !v.trim().is_empty() {
                parts.push(format!("{k}={}", enc(v.trim())));
            }
        }
        for c in &self.cols {
            parts.push(format!("cols={}", enc(c)));
        }
        parts.join("&")
    }

    /// Any filter set (search text aside).
    fn has_filters(&self) -> bool {
        [&self.owner, &self.tag, &self.company, &self.source, &self.created_from, &self.created_to]
            .iter()
            .any(|v| !v.trim().is_empty())
            || !self.segment_pairs().is_empty()
    }

    fn is_filtered(&self) -> bool {
        self.has_filters() || !self.q.trim().is_empty()
    }

    fn sort(&self) -> ContactSort {
        match self.sort.as_str() {
            "created" => ContactSort::CreatedAsc,
            "updated" => ContactSort::UpdatedAsc,
            "-updated" => ContactSort::UpdatedDesc,
            _ => ContactSort::CreatedDesc,
        }
    }

    /// The app's query, or the fields that are not valid.
    pub(super) fn query(&self) -> Result<ContactQuery, Invalid> {
        let mut inv = Invalid::default();
        let filter = ContactFilter {
            owner: parse_uuid(&mut inv, "owner", &self.owner).map(UserId),
            company: parse_uuid(&mut inv, "company", &self.company).map(CompanyId),
            tag: non_blank(&self.tag).map(|t| records::normalise_tag(&t)),
            source: match non_blank(&self.source) {
                Some(v) => match SourceKind::parse(&v) {
                    Some(k) => Some(k),
                    None => {
                        inv.push("source", "choose a source from the list");
                        None
                    }
                },
                None => None,
            },
            created_from: parse_day(&mut inv, "created_from", &self.created_from, 0),
            // "to" is inclusive of its day.
            created_to: parse_day(&mut inv, "created_to", &self.created_to, 86_400_000),
            segment: inv.check("", Segment::parse_pairs(self.segment_pairs())).and_then(segment_now),
            ..Default::default()
        };
        inv.into_result()?;
        Ok(ContactQuery {
            q: non_blank(&self.q),
            filter,
            sort: self.sort(),
            cursor: non_blank(&self.cursor),
            limit: Some(PAGE),
            ..Default::default()
        })
    }

    fn columns(&self, hidden: &[Field]) -> Cols {
        let chosen: Vec<&str> =
            if self.cols.is_empty() { DEFAULT_COLS.to_vec() } else { self.cols.iter().map(String::as_str).collect() };
        let on = |k: &str| {
            chosen.contains(&k) && COLUMNS.iter().any(|(c, _, f)| *c == k && f.is_none_or(|f| !hidden.contains(&f)))
        };
        Cols {
            email: on("email"),
            phone: on("phone"),
            job_title: on("job_title"),
            company: on("company"),
            owner: on("owner"),
            tags: on("tags"),
            created: on("created"),
            updated: on("updated"),
        }
    }
}

fn parse_day(inv: &mut Invalid, field: &str, v: &str, plus_ms: i64) -> Option<i64> {
    let v = v.trim();
    if v.is_empty() {
        return None;
    }
    let fmt = time::macros::format_description!("[year]-[month]-[day]");
    match time::Date::parse(v, &fmt) {
        Ok(d) if (1900..=9999).contains(&d.year()) => {
            Some(records::to_ms(d.with_hms(0, 0, 0).expect("midnight").assume_utc()) + plus_ms)
        }
        _ => {
            inv.push(field, "must be a date such as 2026-01-31");
            None
        }
    }
}

#[derive(Default, Clone, Copy)]
struct Cols {
    email: bool,
    phone: bool,
    job_title: bool,
    company: bool,
    owner: bool,
    tags: bool,
    created: bool,
    updated: bool,
}

struct Row {
    id: String,
    name: String,
    email: String,
    phone: String,
    job_title: String,
    company: String,
    company_id: String,
    owner: String,
    tags: Vec<String>,
    created: String,
    updated: String,
    /// One per chosen consent column.
    badges: Vec<Badge>,
}

struct ColumnChoice {
    key: &'static str,
    label: &'static str,
    checked: bool,
}

struct ViewLink {
    id: String,
    name: String,
    href: String,
}

#[derive(Template)]
#[template(path = "contacts.html")]
struct ListPage {
    l: Layout,
    p: ListParams,
    rows: Vec<Row>,
    cols: Cols,
    column_choices: Vec<ColumnChoice>,
    owners: Vec<Choice>,
    companies: Vec<Choice>,
    /// (value, label) of each contact source.
    sources: Vec<(&'static str, &'static str)>,
    sorts: Vec<Choice>,
    views: Vec<ViewLink>,
    errors: Errors,
    /// Errors about what the form does not show (a stale cursor, say).
    other_errors: Vec<String>,
    notice: Option<String>,
    next_cursor: Option<String>,
    filter_query: String,
    searching: bool,
    filtered: bool,
    filters_set: bool,
    /// Nothing at all in the CRM yet.
    first_run: bool,
    /// For the bulk "Set lawful basis" and "Request consent" actions.
    purposes: Vec<(String, String)>,
    notices: Vec<(String, String)>,
    /// The "Consent & basis" panel: active conditions, what may be added.
    chips: Vec<Chip>,
    /// How many contacts match the filters, in words (none while searching).
    match_count: Option<String>,
    kinds: &'static [(&'static str, &'static str)],
    bases: Vec<(&'static str, &'static str)>,
    channels: Vec<(&'static str, &'static str)>,
    states: Vec<(&'static str, &'static str)>,
    /// The list's filters as hidden fields, for the panel's form.
    hidden: Vec<(String, String)>,
    /// The segment's pairs, carried by the search form.
    segment_hidden: Vec<(String, String)>,
    /// Consent badge columns: the purposes' names; and the choices.
    badge_cols: Vec<String>,
    badge_choices: Vec<(String, String, bool)>,
}

fn notice_text(p: &ListParams) -> Option<String> {
    let n = p.n.unwrap_or(0);
    match p.notice.as_str() {
        "bulk" => Some(format!("{n} contact{} changed.", if n == 1 { "" } else { "s" })),
        "requested" => Some(format!("Consent requested from {n} contact{}.", if n == 1 { "" } else { "s" })),
        "deleted" => Some("The contact and all its personal data were deleted.".into()),
        "view-saved" => Some("View saved.".into()),
        "view-deleted" => Some("View deleted.".into()),
        _ => None,
    }
}

async fn list_page(app: &App, s: Session, p: ListParams, added: Option<Invalid>) -> PageResult {
    let hidden = app.hidden_fields(&s.principal).await?;
    let all_purposes: Vec<(PurposeId, String)> =
        app.purposes(&s.principal).await?.into_iter().map(|x| (x.id, x.name)).collect();
    let names: HashMap<PurposeId, String> = all_purposes.iter().cloned().collect();
    let badge_purposes = panel::badge_purposes(&p.cols, &all_purposes);
    let (owner_map, owner_choices) = owners(app, &s, &p.owner).await?;
    let (company_map, company_choices) = companies(app, &s, &p.company).await?;
    let cols = p.columns(&hidden);
    let mut errors = Errors::default();
    let mut rows = Vec::new();
    let mut next_cursor = None;
    let mut match_count = None;
    let mut chips = Vec::new();
    let checked = match p.query() {
        Ok(q) => match &q.filter.segment {
            Some(seg) => app.check_segment(&seg.segment).await.map(|_| q),
            None => Ok(q),
        },
        Err(inv) => Err(AppError::Invalid(inv)),
    };
    match checked {
        Err(AppError::Invalid(inv)) => errors = Errors::from_invalid(&inv),
        Err(e) => return Err(e.into()),
        Ok(q) => match app.list_contacts(&s.principal, q.clone()).await {
            Ok(page) => {
                let company_map = names::companies(
                    app,
                    &s.principal,
                    page.items.iter().filter_map(|c| c.company).collect(),
                    &company_map,
                )
                .await?;
                rows = page.items.iter().map(|c| row(c, &owner_map, &company_map)).collect::<Vec<Row>>();
                next_cursor = page.next_cursor;
                let ids: Vec<SubjectId> = page.items.iter().map(|c| c.id).collect();
                for (purpose, _) in &badge_purposes {
                    let st = app.standings(&s.principal, *purpose, Channel::Email, &ids).await?;
                    for (r, id) in rows.iter_mut().zip(&ids) {
                        r.badges.push(panel::badge(st.iter().find(|x| x.subject == *id)));
                    }
                }
                if let Some(seg) = &q.filter.segment {
                    chips = panel::chips(&seg.segment, &names, &p.plain_query());
                }
                // Counted beside a segment only: a plain filter's count would
                // scan every contact on each page view.
                if q.filter.segment.is_some() && p.q.trim().is_empty() {
                    let n = app.count_contacts(&s.principal, &q.filter).await?;
                    match_count = Some(if n == 1 { "1 contact matches".into() } else { format!("{n} contacts match") });
                }
            }
            Err(AppError::Invalid(inv)) => errors = Errors::from_invalid(&inv),
            Err(e) => return Err(e.into()),
        },
    }
    let first_run = rows.is_empty() && !p.is_filtered() && p.cursor.is_empty() && errors.is_empty();
    let chosen = if p.cols.is_empty() { DEFAULT_COLS.iter().map(|c| c.to_string()).collect() } else { p.cols.clone() };
    let column_choices = COLUMNS
        .iter()
        .filter(|(_, _, f)| f.is_none_or(|f| !hidden.contains(&f)))
        .map(|(k, label, _)| ColumnChoice { key: k, label, checked: chosen.iter().any(|c| c == k) })
        .collect();
    let sort = if p.sort.is_empty() { "-created" } else { p.sort.as_str() };
    let sorts = [
        ("-created", "Newest first"),
        ("created", "Oldest first"),
        ("-updated", "Recently changed"),
        ("updated", "Least recently changed"),
    ]
    .into_iter()
    .map(|(v, l)| Choice { value: v.into(), label: l.into(), selected: v == sort })
    .collect();
    let views = app
        .list_views(&s.principal)
        .await?
        .into_iter()
        .map(|v| ViewLink { id: v.id.to_string(), href: format!("/contacts?{}", v.query), name: v.name })
        .collect();
    if let Some(inv) = added {
        errors.0.extend(Errors::from_invalid(&inv).0);
    }
    let status = errors.status();
    let hidden = kith_domain::segment::decode_query(&p.filter_query()).unwrap_or_default();
    let segment_hidden = p.segment_pairs().iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
    let badge_choices = all_purposes
        .iter()
        .map(|(id, n)| {
            let key = format!("purpose:{id}");
            let on = p.cols.contains(&key);
            (key, format!("Consent: {n}"), on)
        })
        .collect();
    let page = ListPage {
        l: layout(&s, "contacts"),
        sources: SourceKind::ALL.iter().map(|k| (k.as_str(), k.label())).collect(),
        notice: notice_text(&p),
        filter_query: p.filter_query(),
        searching: !p.q.trim().is_empty(),
        filtered: p.is_filtered(),
        filters_set: p.has_filters(),
        p,
        rows,
        cols,
        column_choices,
        owners: owner_choices,
        companies: company_choices,
        sorts,
        views,
        other_errors: errors.others(&[
            "q",
            "email",
            "phone",
            "owner",
            "company",
            "source",
            "created_from",
            "created_to",
            "add",
            "add_purpose",
            "add_basis",
            "add_channel",
            "add_state",
        ]),
        errors,
        next_cursor,
        first_run,
        chips,
        match_count,
        kinds: &panel::KINDS,
        bases: std::iter::once(("none", "No basis"))
            .chain(
                LawfulBasis::ALL.iter().filter(|b| **b != LawfulBasis::NotApplicable).map(|b| (b.as_str(), b.label())),
            )
            .collect(),
        channels: Channel::ALL.iter().map(|c| (c.as_str(), c.label())).collect(),
        states: ConsentFilter::ALL.iter().map(|c| (c.as_str(), c.label())).collect(),
        hidden,
        segment_hidden,
        badge_cols: badge_purposes.iter().map(|(_, n)| n.clone()).collect(),
        badge_choices,
        purposes: all_purposes.iter().map(|(id, n)| (id.to_string(), n.clone())).collect(),
        notices: app
            .notices(&s.principal)
            .await?
            .into_iter()
            .map(|n| (n.id.to_string(), format!("{} v{}", n.name, n.version)))
            .collect(),
    };
    Ok(render_status(status, &page))
}

fn row(c: &Contact, owners: &HashMap<Uuid, String>, companies: &HashMap<Uuid, String>) -> Row {
    Row {
        id: c.id.to_string(),
        name: contact_name(&c.data),
        email: c.data.emails.first().map(|e| e.as_str().to_owned()).unwrap_or_default(),
        phone: c.data.phones.first().map(|p| p.as_str().to_owned()).unwrap_or_default(),
        job_title: c.data.job_title.clone().unwrap_or_default(),
        company: c.company.and_then(|co| companies.get(&co.0).cloned()).unwrap_or_default(),
        company_id: c.company.map(|co| co.to_string()).unwrap_or_default(),
        owner: c.owner.and_then(|o| owners.get(&o.0).cloned()).unwrap_or_default(),
        tags: c.tags.clone(),
        created: view::date(c.created_at),
        updated: view::date(c.updated_at),
        badges: Vec::new(),
    }
}

pub(super) async fn list(
    State(app): State<App>,
    Staff(s): Staff,
    QueryForm(mut p): QueryForm<ListParams>,
) -> PageResult {
    // Search text never arrives in an address.
    p.q.clear();
    if !p.add.is_empty() {
        let adding = panel::Adding {
            kind: &p.add,
            purpose: &p.add_purpose,
            basis: &p.add_basis,
            channel: &p.add_channel,
            state: &p.add_state,
        };
        match panel::condition(&adding) {
            Ok(c) => {
                let mut seg = Segment::parse_pairs(p.segment_pairs()).unwrap_or_default();
                seg.conditions.push(c);
                let q = [p.plain_query(), seg.to_query()].into_iter().filter(|x| !x.is_empty()).collect::<Vec<_>>();
                return Ok(Redirect::to(&format!("/contacts?{}", q.join("&"))).into_response());
            }
            Err(inv) => return list_page(&app, s, p, Some(inv)).await,
        }
    }
    list_page(&app, s, p, None).await
}

pub(super) async fn search(State(app): State<App>, StaffForm { staff, form }: StaffForm<ListParams>) -> PageResult {
    if form.q.trim().is_empty() {
        let q = form.filter_query();
        let to = if q.is_empty() { "/contacts".to_owned() } else { format!("/contacts?{q}") };
        return Ok(Redirect::to(&to).into_response());
    }
    list_page(&app, staff, form, None).await
}
