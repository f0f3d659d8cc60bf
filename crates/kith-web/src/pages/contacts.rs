//! Contacts: the list (search, filters, sort, paging, columns, saved views,
//! bulk actions), a contact's page (details, edit in place, timeline,
//! quick-add, privacy panel) and the new-contact form.
//!
//! Search text is personal data, so it never goes into a URL: the list's
//! form is a POST; without search text it redirects to the shareable GET
//! address of the filters, with search text it answers with the results.

use super::form::{create_key, enc, form_token, non_blank, parse_uuid, Errors, NoFields, QueryForm, StaffForm};
use super::names;
use super::session::{layout, Staff};
use super::view::{self, contact_name, DealLine, Layout};
use super::Id;
use super::{render, render_status, PageError, PageResult};
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect};
use axum::routing::{get, post};
use axum::Router;
use kith_app::bulk::{BulkAction, Selection};
use kith_app::campaigns::CampaignInput;
use kith_app::consent::BasisAssignment;
use kith_app::contacts::{ContactPatch, ContactQuery, NewContact};
use kith_app::deletion::Deletion;
use kith_app::interactions::NewInteraction;
use kith_app::sessions::Session;
use kith_app::timeline::TimelineItem;
use kith_app::{App, AppError};
use kith_domain::consent::BasisSource;
use kith_domain::policy::{FieldKind, Policy, CUSTOM};
use kith_domain::{Address, CompanyId, ContactData, Email, Field, InteractionKind, Invalid, Phone, SubjectId, UserId};
use kith_domain::{LawfulBasis, PurposeId, SourceKind};
use records::{Contact, ContactFilter, ContactSort};
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use uuid::Uuid;

use kith_app::records;

const PAGE: i64 = 50;

pub(super) fn router() -> Router<App> {
    Router::new()
        .route("/contacts", get(list).post(search))
        .route("/contacts/new", get(new_page).post(create))
        .route("/contacts/bulk", post(bulk_preview))
        .route("/contacts/bulk/apply", post(bulk_apply))
        .route("/contacts/views", post(save_view))
        .route("/contacts/views/{id}/delete", post(delete_view))
        .route("/contacts/{id}", get(show).post(update))
        .route("/contacts/{id}/interactions", post(add_interaction))
        .route("/contacts/{id}/delete", post(delete))
}

// ---------------------------------------------------------------- the list

/// The list's parameters, as sent by its form or its address.
#[derive(Deserialize, Default, Clone, Debug)]
#[serde(default)]
struct ListParams {
    q: String,
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
    /// The filter part as a query string: no search text, no cursor.
    fn filter_query(&self) -> String {
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
    fn query(&self) -> Result<ContactQuery, Invalid> {
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
}

struct Choice {
    value: String,
    label: String,
    selected: bool,
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
}

/// Id → email of every staff member, and the owner choices.
async fn owners(app: &App, s: &Session, selected: &str) -> Result<(HashMap<Uuid, String>, Vec<Choice>), AppError> {
    let map = names::staff(app, &s.principal).await?;
    let choices = names::staff_choices(&map)
        .into_iter()
        .map(|(value, label)| Choice { selected: value == selected, value, label })
        .collect();
    Ok((map, choices))
}

/// The first companies by name, for choosing one (and names for display).
async fn companies(app: &App, s: &Session, selected: &str) -> Result<(HashMap<Uuid, String>, Vec<Choice>), AppError> {
    let page = app.list_companies(&s.principal, None, None, Some(kith_app::MAX_LIMIT)).await?;
    let listed: HashMap<Uuid, String> = page.items.iter().map(|c| (c.id.0, c.name.clone())).collect();
    let selected_id = Uuid::parse_str(selected).ok().map(CompanyId);
    let map = names::companies(app, &s.principal, selected_id.into_iter().collect(), &listed).await?;
    let mut choices: Vec<Choice> = map
        .iter()
        .map(|(id, name)| Choice { selected: id.to_string() == selected, value: id.to_string(), label: name.clone() })
        .collect();
    choices.sort_by_key(|c| c.label.to_lowercase());
    Ok((map, choices))
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

async fn list_page(app: &App, s: Session, p: ListParams) -> PageResult {
    let hidden = app.hidden_fields(&s.principal).await?;
    let (owner_map, owner_choices) = owners(app, &s, &p.owner).await?;
    let (company_map, company_choices) = companies(app, &s, &p.company).await?;
    let cols = p.columns(&hidden);
    let mut errors = Errors::default();
    let mut rows = Vec::new();
    let mut next_cursor = None;
    match p.query() {
        Err(inv) => errors = Errors::from_invalid(&inv),
        Ok(q) => match app.list_contacts(&s.principal, q).await {
            Ok(page) => {
                let company_map = names::companies(
                    app,
                    &s.principal,
                    page.items.iter().filter_map(|c| c.company).collect(),
                    &company_map,
                )
                .await?;
                rows = page.items.iter().map(|c| row(c, &owner_map, &company_map)).collect();
                next_cursor = page.next_cursor;
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
    let status = errors.status();
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
        ]),
        errors,
        next_cursor,
        first_run,
        purposes: app.purposes(&s.principal).await?.into_iter().map(|x| (x.id.to_string(), x.name)).collect(),
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
    }
}

async fn list(State(app): State<App>, Staff(s): Staff, QueryForm(mut p): QueryForm<ListParams>) -> PageResult {
    // Search text never arrives in an address.
    p.q.clear();
    list_page(&app, s, p).await
}

async fn search(State(app): State<App>, StaffForm { staff, form }: StaffForm<ListParams>) -> PageResult {
    if form.q.trim().is_empty() {
        let q = form.filter_query();
        let to = if q.is_empty() { "/contacts".to_owned() } else { format!("/contacts?{q}") };
        return Ok(Redirect::to(&to).into_response());
    }
    list_page(&app, staff, form).await
}

// ---------------------------------------------------------- saved views

#[derive(Deserialize)]
struct SaveView {
    #[serde(default)]
    name: String,
    #[serde(default)]
    filter: String,
}

async fn save_view(State(app): State<App>, StaffForm { staff, form }: StaffForm<SaveView>) -> PageResult {
    // Re-built from parsed parameters: whatever was posted, only filters,
    // sort and columns are kept.
    let params: ListParams = serde_html_form::from_str(&form.filter).map_err(|_| PageError::bad_form())?;
    let query = params.filter_query();
    app.save_view(&staff.principal, &form.name, &query).await?;
    let sep = if query.is_empty() { "" } else { "&" };
    Ok(Redirect::to(&format!("/contacts?{query}{sep}notice=view-saved")).into_response())
}

async fn delete_view(
    State(app): State<App>,
    Id(id): Id<Uuid>,
    StaffForm { staff, .. }: StaffForm<NoFields>,
) -> PageResult {
    app.delete_view(&staff.principal, id).await?;
    Ok(Redirect::to("/contacts?notice=view-deleted").into_response())
}

// --------------------------------------------------------- bulk actions

#[derive(Deserialize, Default)]
#[serde(default)]
struct BulkForm {
    /// `selected` rows or `all` matching the filter.
    scope: String,
    ids: Vec<String>,
    /// `assign_owner`, `add_tag` or `remove_tag`.
    action: String,
    owner: String,
    tag: String,
    /// The list's filter query string, and its search text if any.
    filter: String,
    q: String,
    /// For "Set lawful basis" and "Request consent".
    purpose: String,
    basis: String,
    source: String,
    source_name: String,
    lia_ref: String,
    effective: String,
    notice: String,
    mail_subject: String,
    mail_body: String,
    wait_days: String,
}

/// What a bulk form asks for: a change through the bulk mechanism, or a
/// consent request campaign to the same selection.
enum BulkPlan {
    Change(BulkAction),
    Campaign(CampaignInput),
}

impl BulkForm {
    /// The basis and campaign fields, carried to the confirming POST.
    fn carried(&self) -> Vec<(&'static str, &str)> {
        vec![
            ("purpose", &self.purpose),
            ("basis", &self.basis),
            ("source", &self.source),
            ("source_name", &self.source_name),
            ("lia_ref", &self.lia_ref),
            ("effective", &self.effective),
            ("notice", &self.notice),
            ("mail_subject", &self.mail_subject),
            ("mail_body", &self.mail_body),
            ("wait_days", &self.wait_days),
        ]
    }

    fn selection(&self) -> Result<Selection, PageError> {
        if self.scope == "all" {
            let mut p: ListParams = serde_html_form::from_str(&self.filter).map_err(|_| PageError::bad_form())?;
            p.q = self.q.clone();
            let q = p.query().map_err(AppError::Invalid)?;
            return Ok(Selection::Matching(Box::new(q)));
        }
        let ids = self
            .ids
            .iter()
            .map(|i| Uuid::parse_str(i).map(SubjectId))
            .collect::<Result<Vec<_>, _>>()
            .map_err(|_| PageError::bad_form())?;
        Ok(Selection::Ids(ids))
    }

    fn action(&self) -> Result<(BulkPlan, String), AppError> {
        let change = |a| Ok((BulkPlan::Change(a), String::new()));
        match self.action.as_str() {
            "assign_owner" => {
                let mut inv = Invalid::default();
                let owner = parse_uuid(&mut inv, "owner", &self.owner).map(UserId);
                inv.into_result()?;
                change(BulkAction::AssignOwner(owner))
            }
            "add_tag" => Ok((
                BulkPlan::Change(BulkAction::AddTag(self.tag.clone())),
                format!("add the tag “{}”", self.tag.trim()),
            )),
            "remove_tag" => Ok((
                BulkPlan::Change(BulkAction::RemoveTag(self.tag.clone())),
                format!("remove the tag “{}”", self.tag.trim()),
            )),
            "set_basis" => {
                let mut inv = Invalid::default();
                let purpose = parse_uuid(&mut inv, "purpose", &self.purpose).map(PurposeId);
                let basis = LawfulBasis::parse(&self.basis);
                if basis.is_none() {
                    inv.push("basis", "choose a lawful basis");
                }
                let source = BasisSource::parse(&self.source);
                if source.is_none() {
                    inv.push("source", "choose where the basis comes from");
                }
                let effective = match self.effective.trim() {
                    "" => None,
                    d => match time::Date::parse(d, time::macros::format_description!("[year]-[month]-[day]")) {
                        Ok(d) => Some(d.midnight().assume_utc()),
                        Err(_) => {
                            inv.push("effective", "must be a date such as 2026-01-31");
                            None
                        }
                    },
                };
                if purpose.is_none() {
                    inv.push("purpose", "choose a purpose");
                }
                inv.into_result()?;
                let (Some(purpose), Some(basis), Some(source)) = (purpose, basis, source) else {
                    return Err(Invalid::one("purpose", "choose a purpose").into());
                };
                let a = BasisAssignment {
                    purpose,
                    basis,
                    source,
                    source_name: non_blank(&self.source_name),
                    lia_ref: non_blank(&self.lia_ref),
                    effective_at: effective,
                    ends_at: None,
                };
                Ok((BulkPlan::Change(BulkAction::SetBasis(a)), format!("record the lawful basis “{}”", basis.label())))
            }
            "request_consent" => {
                let mut inv = Invalid::default();
                let purpose = parse_uuid(&mut inv, "purpose", &self.purpose).map(PurposeId);
                let notice = parse_uuid(&mut inv, "notice", &self.notice);
                let wait_days = self.wait_days.trim().parse::<i64>().unwrap_or(0);
                inv.into_result()?;
                let (Some(purpose), Some(notice)) = (purpose, notice) else {
                    return Err(Invalid::one("purpose", "choose a purpose and a notice").into());
                };
                let c = CampaignInput {
                    purpose,
                    notice,
                    mail_subject: self.mail_subject.clone(),
                    mail_body: self.mail_body.clone(),
                    wait_days,
                };
                Ok((
                    BulkPlan::Campaign(c),
                    "send a consent request by email (contacts without email, or who already answered, are skipped)"
                        .into(),
                ))
            }
            _ => Err(Invalid::one("action", "choose what to do").into()),
        }
    }
}

#[derive(Template)]
#[template(path = "bulk_confirm.html")]
struct BulkConfirm {
    l: Layout,
    count: u64,
    what: String,
    /// The form, carried on to the confirming POST.
    f: BulkForm,
}

async fn bulk_preview(State(app): State<App>, StaffForm { staff, form }: StaffForm<BulkForm>) -> PageResult {
    let sel = form.selection()?;
    let (plan, mut what) = form.action()?;
    let count = match &plan {
        BulkPlan::Change(action) => {
            if let BulkAction::AssignOwner(o) = action {
                let dir = names::staff(&app, &staff.principal).await?;
                what = match o {
                    None => "remove the owner".into(),
                    Some(o) => match dir.get(&o.0) {
                        Some(email) => format!("make {email} the owner"),
                        None => return Err(AppError::Invalid(Invalid::one("owner", "is not a valid choice")).into()),
                    },
                };
            }
            app.bulk_count(&staff.principal, &sel, action).await?
        }
        BulkPlan::Campaign(c) => app.campaign_count(&staff.principal, &sel, c).await?,
    };
    // Carried on re-built from parsed parameters, never echoed as posted.
    let filter = serde_html_form::from_str::<ListParams>(&form.filter).unwrap_or_default().filter_query();
    let page = BulkConfirm { l: layout(&staff, "contacts"), count, what, f: BulkForm { filter, ..form } };
    Ok(render(&page))
}

async fn bulk_apply(State(app): State<App>, StaffForm { staff, form }: StaffForm<BulkForm>) -> PageResult {
    let sel = form.selection()?;
    let (plan, _) = form.action()?;
    let params: ListParams = serde_html_form::from_str(&form.filter).unwrap_or_default();
    let q = params.filter_query();
    let sep = if q.is_empty() { "" } else { "&" };
    let (notice, n) = match plan {
        BulkPlan::Change(action) => ("bulk", app.bulk_apply(&staff.principal, &sel, &action).await?),
        BulkPlan::Campaign(c) => ("requested", app.run_campaign(&staff.principal, &sel, &c).await?.requested),
    };
    Ok(Redirect::to(&format!("/contacts?{q}{sep}notice={notice}&n={n}")).into_response())
}

// ------------------------------------------------------- one contact

/// The contact form's values as typed. A field absent from the form (the
/// role may not see it, so it was not rendered) is left alone.
#[derive(Deserialize, Default, Clone)]
struct ContactForm {
    first_name: Option<String>,
    last_name: Option<String>,
    emails: Option<String>,
    phones: Option<String>,
    street: Option<String>,
    postal_code: Option<String>,
    city: Option<String>,
    region: Option<String>,
    country: Option<String>,
    job_title: Option<String>,
    notes: Option<String>,
    owner: Option<String>,
    company: Option<String>,
    tags: Option<String>,
    /// Idempotency token of the new-contact form.
    #[serde(default)]
    idem: String,
    /// Everything else posted: custom fields as `custom.<name>` and the
    /// values the edit form showed as `was.<name>` (see [`ContactForm::custom`]).
    #[serde(flatten)]
    extra: BTreeMap<String, Posted>,
}

/// A posted value: one, or several for checkboxes sharing a name.
#[derive(Clone, Default, Debug)]
struct Posted(Vec<String>);

impl<'de> Deserialize<'de> for Posted {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = Posted;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("text")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Posted, E> {
                Ok(Posted(vec![v.to_owned()]))
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Posted, A::Error> {
                let mut out = Vec::new();
                while let Some(v) = seq.next_element::<String>()? {
                    out.push(v);
                }
                Ok(Posted(out))
            }
        }
        d.deserialize_any(V)
    }
}

impl Posted {
    /// One value: as typed (browsers send line breaks as CRLF), or the
    /// ticked boxes of a multiple choice joined as the policy stores them
    /// (`a, b`; the hidden empty value that marks the field is skipped).
    fn text(&self) -> String {
        match self.0.as_slice() {
            [one] => one.replace("\r\n", "\n"),
            many => many.iter().map(|v| v.trim()).filter(|v| !v.is_empty()).collect::<Vec<_>>().join(", "),
        }
    }
}

impl ContactForm {
    fn of(c: &Contact) -> Self {
        let d = &c.data;
        let a = d.address.clone().unwrap_or_default();
        ContactForm {
            first_name: d.first_name.clone(),
            last_name: d.last_name.clone(),
            emails: Some(d.emails.iter().map(|e| e.as_str()).collect::<Vec<_>>().join("\n")),
            phones: Some(d.phones.iter().map(|p| p.as_str()).collect::<Vec<_>>().join("\n")),
            street: a.street,
            postal_code: a.postal_code,
            city: a.city,
            region: a.region,
            country: a.country,
            job_title: d.job_title.clone(),
            notes: d.notes.clone(),
            owner: c.owner.map(|o| o.to_string()),
            company: c.company.map(|o| o.to_string()),
            tags: Some(c.tags.join(", ")),
            idem: String::new(),
            extra: d
                .custom
                .iter()
                .flat_map(|(k, v)| {
                    [(format!("{CUSTOM}{k}"), Posted(vec![v.clone()])), (format!("{WAS}{k}"), Posted(vec![v.clone()]))]
                })
                .collect(),
        }
    }

    /// A custom field's value as posted (or shown), if the form had it.
    fn custom(&self, name: &str) -> Option<String> {
        self.extra.get(&format!("{CUSTOM}{name}")).map(Posted::text)
    }

    /// The value a custom field had when the edit form was shown.
    fn was(&self, name: &str) -> Option<String> {
        self.extra.get(&format!("{WAS}{name}")).map(Posted::text)
    }

    /// The custom fields posted, by name.
    fn custom_names(&self) -> Vec<&str> {
        self.extra.keys().filter_map(|k| k.strip_prefix(CUSTOM)).collect()
    }

    /// The custom values an edit writes: those whose value changed since
    /// the form was shown (so a value nobody touched is neither re-checked
    /// nor re-ordered, and a change made meanwhile elsewhere is kept). An
    /// empty value removes one. Fields not on the form are left alone.
    fn custom_changes(&self, policy: &Policy) -> BTreeMap<String, String> {
        let mut out = BTreeMap::new();
        for name in self.custom_names() {
            let now = self.custom(name).unwrap_or_default();
            let kind = policy.field(&format!("{CUSTOM}{name}")).and_then(|f| f.kind);
            if self.was(name).is_some_and(|was| same_value(kind, &now, &was)) {
                continue;
            }
            out.insert(name.to_owned(), now);
        }
        out
    }

    fn v(o: &Option<String>) -> String {
        o.clone().unwrap_or_default()
    }

    fn lines(s: &str) -> impl Iterator<Item = &str> {
        s.split(['\n', ',', ';']).map(str::trim).filter(|l| !l.is_empty())
    }

    fn emails(&self, inv: &mut Invalid) -> Option<Vec<Email>> {
        let s = self.emails.as_deref()?;
        let mut out = Vec::new();
        for l in Self::lines(s) {
            match Email::parse(l) {
                Ok(e) => out.push(e),
                Err(_) => {
                    inv.push("emails", "each line must be an email address such as name@example.com");
                    return None;
                }
            }
        }
        Some(out)
    }

    fn phones(&self, inv: &mut Invalid) -> Option<Vec<Phone>> {
        let s = self.phones.as_deref()?;
        let mut out = Vec::new();
        for l in s.split(['\n', ';']).map(str::trim).filter(|l| !l.is_empty()) {
            match Phone::parse(l) {
                Ok(p) => out.push(p),
                Err(e) => {
                    inv.push("phones", e.0.first().map(|f| f.message.clone()).unwrap_or_default());
                    return None;
                }
            }
        }
        Some(out)
    }

    fn address(&self) -> Option<Option<Address>> {
        let parts = [&self.street, &self.postal_code, &self.city, &self.region, &self.country];
        if parts.iter().all(|p| p.is_none()) {
            return None;
        }
        let a = Address {
            street: self.street.as_deref().and_then(non_blank),
            postal_code: self.postal_code.as_deref().and_then(non_blank),
            city: self.city.as_deref().and_then(non_blank),
            region: self.region.as_deref().and_then(non_blank),
            country: self.country.as_deref().and_then(non_blank),
        };
        Some((!a.is_empty()).then_some(a))
    }

    fn tags(&self) -> Option<Vec<String>> {
        self.tags.as_deref().map(|t| t.split(',').map(str::trim).filter(|t| !t.is_empty()).map(String::from).collect())
    }

    fn ids(&self, inv: &mut Invalid) -> (Option<Option<UserId>>, Option<Option<CompanyId>>) {
        let owner = self.owner.as_deref().map(|o| parse_uuid(inv, "owner", o).map(UserId));
        let company = self.company.as_deref().map(|c| parse_uuid(inv, "company", c).map(CompanyId));
        (owner, company)
    }

    fn patch(&self, policy: &Policy) -> Result<ContactPatch, Invalid> {
        let mut inv = Invalid::default();
        let emails = self.emails(&mut inv);
        let phones = self.phones(&mut inv);
        let (owner, company) = self.ids(&mut inv);
        inv.into_result()?;
        let text = |o: &Option<String>| o.as_deref().map(non_blank);
        Ok(ContactPatch {
            owner,
            company,
            tags: self.tags(),
            first_name: text(&self.first_name),
            last_name: text(&self.last_name),
            emails,
            phones,
            address: self.address(),
            job_title: text(&self.job_title),
            notes: text(&self.notes),
            custom: Some(self.custom_changes(policy)).filter(|c| !c.is_empty()),
        })
    }

    /// A new contact; `may_edit` tells which custom fields the role may fill.
    fn new_contact(&self, may_edit: impl Fn(&str) -> bool) -> Result<NewContact, Invalid> {
        let mut inv = Invalid::default();
        let emails = self.emails(&mut inv).unwrap_or_default();
        let phones = self.phones(&mut inv).unwrap_or_default();
        let (owner, company) = self.ids(&mut inv);
        let mut custom = BTreeMap::new();
        for name in self.custom_names() {
            let v = self.custom(name).unwrap_or_default();
            if v.trim().is_empty() {
                continue;
            }
            if !may_edit(name) {
                inv.push(format!("{CUSTOM}{name}"), "your role may not change special-category fields");
                continue;
            }
            custom.insert(name.to_owned(), v);
        }
        inv.into_result()?;
        let text = |o: &Option<String>| o.as_deref().and_then(non_blank);
        Ok(NewContact {
            owner: owner.flatten(),
            company: company.flatten(),
            tags: self.tags().unwrap_or_default(),
            data: ContactData {
                first_name: text(&self.first_name),
                last_name: text(&self.last_name),
                emails,
                phones,
                address: self.address().flatten(),
                job_title: text(&self.job_title),
                notes: text(&self.notes),
                custom,
            },
            source: None,
        })
    }
}

/// Prefix of the hidden inputs holding the value a custom field had when
/// the edit form was shown.
const WAS: &str = "was.";

/// Whether two values of a custom field are the same: a multiple choice
/// compares its choices as a set, anything else its trimmed text.
fn same_value(kind: Option<FieldKind>, a: &str, b: &str) -> bool {
    match kind {
        Some(FieldKind::MultiChoice) => {
            fn set(s: &str) -> BTreeSet<&str> {
                s.split(',').map(str::trim).filter(|p| !p.is_empty()).collect()
            }
            set(a) == set(b)
        }
        _ => a.trim() == b.trim(),
    }
}

/// One choice of a (multiple) choice field's input.
struct CustomOption {
    value: String,
    selected: bool,
    /// Held, but no longer among the field's choices.
    stale: bool,
}

/// A custom field's input on the contact forms.
struct CustomInput {
    /// The name after `custom.` (lower-case letters, digits and `_`).
    name: String,
    label: String,
    /// `text`, `number`, `date`, `choice` or `multi_choice`.
    kind: &'static str,
    value: String,
    /// The value when the form was first shown (see [`ContactForm::custom_changes`]).
    was: String,
    /// Text holding line breaks, edited in a text area.
    multiline: bool,
    options: Vec<CustomOption>,
    /// A special category (Art. 9/10), named.
    special: Option<&'static str>,
    error: Option<String>,
}

/// Whether `role` sees (and so may edit) custom field `def`: special
/// categories only for the privacy roles, as in the app's reads.
fn custom_visible(role: kith_domain::Role, def: &kith_domain::policy::FieldDef) -> bool {
    def.special.is_none() || role.can_manage_privacy()
}

/// The inputs for the custom fields the policy allows and the role sees,
/// filled from the form.
fn custom_inputs(
    policy: &Policy,
    role: kith_domain::Role,
    f: &ContactForm,
    errors: &BTreeMap<String, String>,
) -> Vec<CustomInput> {
    policy
        .fields
        .iter()
        .filter(|d| d.enabled && d.is_custom() && custom_visible(role, d))
        .map(|d| {
            let name = d.key[CUSTOM.len()..].to_owned();
            let value = f.custom(&name).unwrap_or_default();
            let kind = d.kind.unwrap_or(FieldKind::Text);
            let options = match kind {
                FieldKind::Choice | FieldKind::MultiChoice => {
                    let held: Vec<&str> = if kind == FieldKind::Choice {
                        vec![value.trim()]
                    } else {
                        value.split(',').map(str::trim).collect()
                    };
                    let held: Vec<&str> = held.into_iter().filter(|v| !v.is_empty()).collect();
                    let mut o: Vec<CustomOption> = d
                        .choices
                        .iter()
                        .map(|c| CustomOption { value: c.clone(), selected: held.contains(&c.as_str()), stale: false })
                        .collect();
                    for h in held.iter().filter(|h| !d.choices.iter().any(|c| c == *h)) {
                        o.push(CustomOption { value: (*h).to_owned(), selected: true, stale: true });
                    }
                    o
                }
                _ => Vec::new(),
            };
            CustomInput {
                label: d.label.clone(),
                kind: kind.as_str(),
                was: f.was(&name).unwrap_or_default(),
                multiline: kind == FieldKind::Text && value.contains('\n'),
                options,
                special: d.special.as_ref().map(|(c, _)| c.label()),
                error: errors.get(&name).cloned(),
                value,
                name,
            }
        })
        .collect()
}

/// Errors about custom fields (`custom.<name>`), by name, apart from the
/// others.
fn split_errors(inv: &Invalid) -> (Errors, BTreeMap<String, String>) {
    let mut rest = Invalid::default();
    let mut custom = BTreeMap::new();
    for e in &inv.0 {
        match e.field.strip_prefix(CUSTOM) {
            Some(name) => {
                custom.entry(name.to_owned()).or_insert_with(|| e.message.clone());
            }
            None => rest.0.push(e.clone()),
        }
    }
    (Errors::from_invalid(&rest), custom)
}

/// The errors shown above a contact form: those about fields it does not
/// show, custom fields without an input included.
fn errors_above(
    errors: &Errors,
    rendered: &[&str],
    custom_errors: &BTreeMap<String, String>,
    inputs: &[CustomInput],
    policy: &Policy,
) -> Vec<String> {
    let mut out = errors.others(rendered);
    for (name, m) in custom_errors.iter().filter(|(n, _)| !inputs.iter().any(|i| &i.name == *n)) {
        let label = policy.field(&format!("{CUSTOM}{name}")).map(|f| f.label.clone());
        out.push(format!("{}: {m}", label.unwrap_or_else(|| name.replace('_', " "))));
    }
    out
}

/// Which personal fields the role sees (the others are not rendered at all).
#[derive(Clone, Copy)]
struct Vis {
    first_name: bool,
    last_name: bool,
    emails: bool,
    phones: bool,
    address: bool,
    job_title: bool,
    notes: bool,
    bodies: bool,
}

impl Vis {
    /// The form fields rendered for this role (errors about others are
    /// shown above the form).
    fn rendered(&self) -> Vec<&'static str> {
        let mut f = vec!["owner", "company", "tags"];
        for (on, name) in [
            (self.first_name, "first_name"),
            (self.last_name, "last_name"),
            (self.emails, "emails"),
            (self.phones, "phones"),
            (self.address, "address"),
            (self.job_title, "job_title"),
            (self.notes, "notes"),
        ] {
            if on {
                f.push(name);
            }
        }
        f
    }

    fn of(hidden: &[Field]) -> Self {
        let v = |f| !hidden.contains(&f);
        Vis {
            first_name: v(Field::FirstName),
            last_name: v(Field::LastName),
            emails: v(Field::Emails),
            phones: v(Field::Phones),
            address: v(Field::Address),
            job_title: v(Field::JobTitle),
            notes: v(Field::Notes),
            bodies: v(Field::InteractionBodies),
        }
    }
}

struct Shown {
    name: String,
    emails: Vec<String>,
    phones: Vec<String>,
    address: Vec<String>,
    job_title: String,
    notes: String,
    company: String,
    company_id: String,
    owner: String,
    tags: Vec<String>,
    created: String,
    updated: String,
    /// Where the contact came from, in words, with who and when.
    source: String,
    /// Custom fields: label and value.
    custom: Vec<(String, String)>,
    /// The field policy version the fields were last written under, in words.
    policy_version: String,
}

struct Event {
    /// RFC 3339, for `<time datetime>`.
    iso: String,
    when: String,
    kind: String,
    text: String,
    link: String,
}

#[derive(Template)]
#[template(path = "contact.html")]
struct ContactPage {
    l: Layout,
    id: String,
    c: Shown,
    vis: Vis,
    f: ContactForm,
    errors: Errors,
    other_errors: Vec<String>,
    /// Inputs for the custom fields the policy allows and the role sees.
    custom: Vec<CustomInput>,
    edit_open: bool,
    owners: Vec<Choice>,
    companies: Vec<Choice>,
    events: Vec<Event>,
    deals: Vec<DealLine>,
    note_kind: String,
    note_body: String,
    note_error: Option<String>,
    note_idem: String,
    notice: Option<String>,
    can_delete: bool,
    /// Deleting erases at once (otherwise it files an erasure request).
    deletes_directly: bool,
    privacy: super::privacy::Panel,
}

#[derive(Default)]
struct PageState {
    form: Option<ContactForm>,
    errors: Errors,
    /// Errors about custom fields, by name.
    custom_errors: BTreeMap<String, String>,
    /// Kind, text, idempotency token and error of a refused quick-add.
    note: Option<(String, String, String, String)>,
    notice: Option<String>,
}

async fn contact_page(app: &App, s: Session, id: SubjectId, st: PageState) -> PageResult {
    let p = &s.principal;
    let c = app.get_contact(p, id).await?;
    let hidden = app.hidden_fields(p).await?;
    let vis = Vis::of(&hidden);
    let policy = app.field_policy(p).await?;
    let f = st.form.unwrap_or_else(|| ContactForm::of(&c));
    let custom = custom_inputs(&policy, p.role, &f, &st.custom_errors);
    let (owner_map, owners) = owners(app, &s, f.owner.as_deref().unwrap_or("")).await?;
    let (company_map, companies) = companies(app, &s, f.company.as_deref().unwrap_or("")).await?;
    let stages = names::stages(app, p).await?;
    let stage_name = |k: &str| names::stage(&stages, k);
    let events = app
        .contact_timeline(p, id, 50)
        .await?
        .into_iter()
        .map(|e| match e {
            TimelineItem::Interaction(i) => Event {
                iso: view::iso(i.occurred_at),
                when: view::date_time(i.occurred_at),
                kind: i.kind.as_str().to_owned(),
                text: if vis.bodies { i.body } else { "(text hidden for your role)".into() },
                link: String::new(),
            },
            TimelineItem::DealStage { deal, title, change } => Event {
                iso: view::iso(change.changed_at),
                when: view::date_time(change.changed_at),
                kind: "deal".into(),
                text: match change.from {
                    Some(from) => format!("“{title}” moved from {} to {}", stage_name(&from), stage_name(&change.to)),
                    None => format!("“{title}” created in {}", stage_name(&change.to)),
                },
                link: format!("/deals/{deal}"),
            },
        })
        .collect();
    let deals = app
        .list_deals(p, records::DealFilter { contact: Some(id), ..Default::default() }, None, Some(20))
        .await?
        .items
        .into_iter()
        .map(|d| DealLine::of(d, &stages))
        .collect();
    let d = &c.data;
    let address = d
        .address
        .as_ref()
        .map(|a| {
            let line2 =
                [a.postal_code.as_deref(), a.city.as_deref()].into_iter().flatten().collect::<Vec<_>>().join(" ");
            [a.street.clone(), Some(line2), a.region.clone(), a.country.clone()]
                .into_iter()
                .flatten()
                .filter(|l| !l.trim().is_empty())
                .collect()
        })
        .unwrap_or_default();
    let shown = Shown {
        name: contact_name(d),
        emails: d.emails.iter().map(|e| e.as_str().to_owned()).collect(),
        phones: d.phones.iter().map(|p| p.as_str().to_owned()).collect(),
        address,
        job_title: d.job_title.clone().unwrap_or_default(),
        notes: d.notes.clone().unwrap_or_default(),
        custom: d
            .custom
            .iter()
            .map(|(k, v)| {
                let label = policy.field(&format!("{CUSTOM}{k}")).map(|f| f.label.clone());
                (label.unwrap_or_else(|| k.replace('_', " ")), v.clone())
            })
            .collect(),
        policy_version: match c.policy_version {
            Some(v) => format!("Fields last written under field policy version {v}"),
            None => "Fields collected before Kith kept a field policy".into(),
        },
        company: c.company.and_then(|co| company_map.get(&co.0).cloned()).unwrap_or_default(),
        company_id: c.company.map(|co| co.to_string()).unwrap_or_default(),
        owner: c.owner.and_then(|o| owner_map.get(&o.0).cloned()).unwrap_or_default(),
        tags: c.tags.clone(),
        created: view::date_time(c.created_at),
        updated: view::date_time(c.updated_at),
        source: match &c.source {
            Some(src) => {
                let by = src.user.and_then(|u| owner_map.get(&u.0).cloned());
                match by {
                    Some(who) => format!("{} — by {who}, {}", src.describe(), view::date_time(src.at)),
                    None => format!("{} — {}", src.describe(), view::date_time(src.at)),
                }
            }
            None => "Not recorded (created before Kith kept provenance)".into(),
        },
    };
    let (note_kind, note_body, note_idem, note_error) = match st.note {
        Some((k, b, i, e)) => (k, b, i, Some(e)),
        None => ("note".into(), String::new(), kith_app::new_secret(), None),
    };
    let form_ok = st.errors.is_empty() && st.custom_errors.is_empty();
    let status = if form_ok && note_error.is_none() { StatusCode::OK } else { StatusCode::UNPROCESSABLE_ENTITY };
    let page = ContactPage {
        l: layout(&s, "contacts"),
        id: id.to_string(),
        c: shown,
        vis,
        other_errors: errors_above(&st.errors, &vis.rendered(), &st.custom_errors, &custom, &policy),
        custom,
        edit_open: !form_ok,
        errors: st.errors,
        f,
        owners,
        companies,
        events,
        deals,
        note_kind,
        note_body,
        note_error,
        note_idem,
        notice: st.notice,
        can_delete: s.role().can_delete_contacts(),
        deletes_directly: s.role().can_manage_privacy() || app.deletes_directly(s.role()).await?,
        privacy: super::privacy::panel(app, &s.principal, id).await?,
    };
    Ok(render_status(status, &page))
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct Notice {
    notice: String,
}

async fn show(
    State(app): State<App>,
    Staff(s): Staff,
    Id(id): Id<Uuid>,
    QueryForm(n): QueryForm<Notice>,
) -> PageResult {
    let notice = match n.notice.as_str() {
        "saved" => Some("Changes saved.".to_owned()),
        "created" => Some("Contact created.".to_owned()),
        "added" => Some("Added to the timeline.".to_owned()),
        "erasure-requested" => Some(
            "An erasure request was filed in the register: the privacy team checks it and carries it out.".to_owned(),
        ),
        _ => None,
    };
    contact_page(&app, s, SubjectId(id), PageState { notice, ..Default::default() }).await
}

async fn update(
    State(app): State<App>,
    Id(id): Id<Uuid>,
    StaffForm { staff, form }: StaffForm<ContactForm>,
) -> PageResult {
    let id = SubjectId(id);
    let policy = app.field_policy(&staff.principal).await?;
    let result = match form.patch(&policy) {
        Ok(patch) => app.update_contact(&staff.principal, id, patch).await.map(|_| ()),
        Err(inv) => Err(AppError::Invalid(inv)),
    };
    // A change made meanwhile (a field the policy removed since the form was
    // shown): the form again, with what was typed and why.
    let result = result.map_err(|e| match e {
        AppError::Conflict(m) => AppError::Invalid(Invalid::one("", m)),
        e => e,
    });
    match result {
        Ok(()) => Ok(Redirect::to(&format!("/contacts/{id}?notice=saved")).into_response()),
        Err(AppError::Invalid(inv)) => {
            let (errors, custom_errors) = split_errors(&inv);
            let st = PageState { form: Some(form), errors, custom_errors, ..Default::default() };
            contact_page(&app, staff, id, st).await
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct NoteForm {
    kind: String,
    body: String,
    idem: String,
}

async fn add_interaction(
    State(app): State<App>,
    Id(id): Id<Uuid>,
    StaffForm { staff, form }: StaffForm<NoteForm>,
) -> PageResult {
    let id = SubjectId(id);
    let result = match InteractionKind::parse(&form.kind) {
        Some(kind) => app
            .create_interaction(
                &staff.principal,
                id,
                NewInteraction { kind, occurred_at: None, body: form.body.clone() },
                create_key(&form.idem, "interaction").as_ref(),
            )
            .await
            .map(|_| ()),
        None => Err(Invalid::one("kind", "choose note, call, email or meeting").into()),
    };
    match result {
        Ok(()) => Ok(Redirect::to(&format!("/contacts/{id}?notice=added#timeline")).into_response()),
        Err(AppError::Invalid(inv)) => {
            let msg = inv.0.iter().map(|f| f.message.clone()).collect::<Vec<_>>().join("; ");
            let st =
                PageState { note: Some((form.kind, form.body, form_token(&form.idem), msg)), ..Default::default() };
            contact_page(&app, staff, id, st).await
        }
        Err(e) => Err(e.into()),
    }
}

async fn delete(State(app): State<App>, Id(id): Id<Uuid>, StaffForm { staff, .. }: StaffForm<NoFields>) -> PageResult {
    match app.delete_contact(&staff.principal, SubjectId(id)).await? {
        Deletion::Erased => Ok(Redirect::to("/contacts?notice=deleted").into_response()),
        Deletion::Requested(_) => Ok(Redirect::to(&format!("/contacts/{id}?notice=erasure-requested")).into_response()),
    }
}

// ---------------------------------------------------------- new contact

#[derive(Template)]
#[template(path = "contact_new.html")]
struct NewPage {
    l: Layout,
    vis: Vis,
    f: ContactForm,
    errors: Errors,
    other_errors: Vec<String>,
    custom: Vec<CustomInput>,
    owners: Vec<Choice>,
    companies: Vec<Choice>,
}

async fn new_form(
    app: &App,
    s: Session,
    f: ContactForm,
    errors: Errors,
    custom_errors: BTreeMap<String, String>,
) -> PageResult {
    if !s.role().can_write_crm() {
        return Err(AppError::Forbidden("create contacts").into());
    }
    let hidden = app.hidden_fields(&s.principal).await?;
    let policy = app.field_policy(&s.principal).await?;
    let custom = custom_inputs(&policy, s.role(), &f, &custom_errors);
    let (_, owners) = owners(app, &s, f.owner.as_deref().unwrap_or("")).await?;
    let (_, companies) = companies(app, &s, f.company.as_deref().unwrap_or("")).await?;
    let status = if custom_errors.is_empty() { errors.status() } else { StatusCode::UNPROCESSABLE_ENTITY };
    let page = NewPage {
        l: layout(&s, "contacts"),
        vis: Vis::of(&hidden),
        other_errors: errors_above(&errors, &Vis::of(&hidden).rendered(), &custom_errors, &custom, &policy),
        custom,
        f,
        errors,
        owners,
        companies,
    };
    Ok(render_status(status, &page))
}

async fn new_page(State(app): State<App>, Staff(s): Staff) -> PageResult {
    let f = ContactForm { owner: Some(s.principal.user.to_string()), idem: form_token(""), ..Default::default() };
    new_form(&app, s, f, Errors::default(), BTreeMap::new()).await
}

async fn create(State(app): State<App>, StaffForm { staff, form }: StaffForm<ContactForm>) -> PageResult {
    let policy = app.field_policy(&staff.principal).await?;
    let role = staff.role();
    let may_edit = |name: &str| policy.field(&format!("{CUSTOM}{name}")).is_none_or(|d| custom_visible(role, d));
    let result = match form.new_contact(may_edit) {
        Ok(n) => app.create_contact(&staff.principal, n, create_key(&form.idem, "contact").as_ref()).await,
        Err(inv) => Err(AppError::Invalid(inv)),
    };
    match result {
        Ok(c) => Ok(Redirect::to(&format!("/contacts/{}?notice=created", c.id)).into_response()),
        Err(AppError::Invalid(inv)) => {
            let (errors, custom_errors) = split_errors(&inv);
            new_form(&app, staff, form, errors, custom_errors).await
        }
        Err(e) => Err(e.into()),
    }
}

impl ContactForm {
    /// For templates: a field's current text.
    fn val(&self, field: &str) -> String {
        let o = match field {
            "first_name" => &self.first_name,
            "last_name" => &self.last_name,
            "emails" => &self.emails,
            "phones" => &self.phones,
            "street" => &self.street,
            "postal_code" => &self.postal_code,
            "city" => &self.city,
            "region" => &self.region,
            "country" => &self.country,
            "job_title" => &self.job_title,
            "notes" => &self.notes,
            "tags" => &self.tags,
            _ => return String::new(),
        };
        Self::v(o)
    }
}
