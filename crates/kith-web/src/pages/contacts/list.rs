//! The contact list: search, filters, sort, paging and columns.

use super::choices::{companies, owners, Choice};
use super::segment_panel::{self as panel, Badge, Chip};
use crate::pages::form::{enc, non_blank, parse_uuid, Errors, QueryForm, StaffForm};
use crate::pages::names;
use crate::pages::session::{layout, Staff};
use crate::pages::view::{contact_name_tr, Layout};
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
/// Each column's heading is the message `contacts-col-<key>`.
const COLUMNS: [(&str, Option<Field>); 8] = [
    ("email", Some(Field::Emails)),
    ("phone", Some(Field::Phones)),
    ("job_title", Some(Field::JobTitle)),
    ("company", None),
    ("owner", None),
    ("tags", None),
    ("created", None),
    ("updated", None),
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
    pub(super) fn query(&self, tr: &kith_i18n::Tr) -> Result<ContactQuery, Invalid> {
        let mut inv = Invalid::default();
        let filter = ContactFilter {
            owner: parse_uuid(&mut inv, "owner", &self.owner).map(UserId),
            company: parse_uuid(&mut inv, "company", &self.company).map(CompanyId),
            tag: non_blank(&self.tag).map(|t| records::normalise_tag(&t)),
            source: match non_blank(&self.source) {
                Some(v) => match SourceKind::parse(&v) {
                    Some(k) => Some(k),
                    None => {
                        inv.push("source", tr.t("contacts-list-choose-source"));
                        None
                    }
                },
                None => None,
            },
            created_from: parse_day(tr, &mut inv, "created_from", &self.created_from, 0),
            // "to" is inclusive of its day.
            created_to: parse_day(tr, &mut inv, "created_to", &self.created_to, 86_400_000),
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
            chosen.contains(&k) && COLUMNS.iter().any(|(c, f)| *c == k && f.is_none_or(|f| !hidden.contains(&f)))
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

fn parse_day(tr: &kith_i18n::Tr, inv: &mut Invalid, field: &str, v: &str, plus_ms: i64) -> Option<i64> {
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
            inv.push(field, tr.t("contacts-bad-date"));
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
    label: String,
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
    sources: Vec<(&'static str, String)>,
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
    kinds: Vec<(&'static str, String)>,
    bases: Vec<(&'static str, String)>,
    channels: Vec<(&'static str, String)>,
    states: Vec<(&'static str, String)>,
    /// The list's filters as hidden fields, for the panel's form.
    hidden: Vec<(String, String)>,
    /// The segment's pairs, carried by the search form.
    segment_hidden: Vec<(String, String)>,
    /// Consent badge columns: the purposes' names; and the choices.
    badge_cols: Vec<String>,
    badge_choices: Vec<(String, String, bool)>,
}

fn notice_text(tr: &kith_i18n::Tr, p: &ListParams) -> Option<String> {
    let n = p.n.unwrap_or(0);
    match p.notice.as_str() {
        "bulk" => Some(tr.t1("contacts-list-changed", "n", n)),
        "requested" => Some(tr.t1("contacts-list-requested", "n", n)),
        "deleted" => Some(tr.t("contacts-list-deleted")),
        "view-saved" => Some(tr.t("contacts-list-view-saved")),
        "view-deleted" => Some(tr.t("contacts-list-view-deleted")),
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
    let checked = match p.query(&s.tr) {
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
                rows = page.items.iter().map(|c| row(&s.tr, c, &owner_map, &company_map)).collect::<Vec<Row>>();
                next_cursor = page.next_cursor;
                let ids: Vec<SubjectId> = page.items.iter().map(|c| c.id).collect();
                for (purpose, _) in &badge_purposes {
                    let st = app.standings(&s.principal, *purpose, Channel::Email, &ids).await?;
                    for (r, id) in rows.iter_mut().zip(&ids) {
                        r.badges.push(panel::badge(&s.tr, st.iter().find(|x| x.subject == *id)));
                    }
                }
                if let Some(seg) = &q.filter.segment {
                    chips = panel::chips(&s.tr, &seg.segment, &names, &p.plain_query());
                }
                // Counted beside a segment only: a plain filter's count would
                // scan every contact on each page view.
                if q.filter.segment.is_some() && p.q.trim().is_empty() {
                    let n = app.count_contacts(&s.principal, &q.filter).await?;
                    match_count = Some(s.tr.t1("contacts-list-match-count", "n", n));
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
        .filter(|(_, f)| f.is_none_or(|f| !hidden.contains(&f)))
        .map(|(k, _)| ColumnChoice {
            key: k,
            label: names::word(&s.tr, "col", k),
            checked: chosen.iter().any(|c| c == k),
        })
        .collect();
    let sort = if p.sort.is_empty() { "-created" } else { p.sort.as_str() };
    let sorts = [
        ("-created", "contacts-sort-newest"),
        ("created", "contacts-sort-oldest"),
        ("-updated", "contacts-sort-recently-changed"),
        ("updated", "contacts-sort-least-recently-changed"),
    ]
    .into_iter()
    .map(|(v, id)| Choice { value: v.into(), label: s.tr.t(id), selected: v == sort })
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
            (key, s.tr.t1("contacts-list-consent-col", "purpose", n), on)
        })
        .collect();
    let page = ListPage {
        l: layout(&s, "contacts"),
        sources: SourceKind::ALL.iter().map(|k| (k.as_str(), names::word(&s.tr, "source", k.as_str()))).collect(),
        notice: notice_text(&s.tr, &p),
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
        kinds: panel::kinds(&s.tr),
        bases: std::iter::once(("none", s.tr.t("contacts-list-no-basis")))
            .chain(
                LawfulBasis::ALL
                    .iter()
                    .filter(|b| **b != LawfulBasis::NotApplicable)
                    .map(|b| (b.as_str(), names::word(&s.tr, "basis", b.as_str()))),
            )
            .collect(),
        channels: Channel::ALL.iter().map(|c| (c.as_str(), names::word(&s.tr, "channel", c.as_str()))).collect(),
        states: ConsentFilter::ALL.iter().map(|c| (c.as_str(), names::word(&s.tr, "state", c.as_str()))).collect(),
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

fn row(tr: &kith_i18n::Tr, c: &Contact, owners: &HashMap<Uuid, String>, companies: &HashMap<Uuid, String>) -> Row {
    Row {
        id: c.id.to_string(),
        name: contact_name_tr(tr, &c.data),
        email: c.data.emails.first().map(|e| e.as_str().to_owned()).unwrap_or_default(),
        phone: c.data.phones.first().map(|p| p.as_str().to_owned()).unwrap_or_default(),
        job_title: c.data.job_title.clone().unwrap_or_default(),
        company: c.company.and_then(|co| companies.get(&co.0).cloned()).unwrap_or_default(),
        company_id: c.company.map(|co| co.to_string()).unwrap_or_default(),
        owner: c.owner.and_then(|o| owners.get(&o.0).cloned()).unwrap_or_default(),
        tags: c.tags.clone(),
        created: tr.date(c.created_at),
        updated: tr.date(c.updated_at),
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
        match panel::condition(&s.tr, &adding) {
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
