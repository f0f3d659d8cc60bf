//! Privacy → a breach → affected people (Art. 33(3)(a), 34): the query
//! builder (every dimension), the result (count, breakdown by category and
//! country, the authorities concerned, the first page of people with their
//! names, opened for that page only), a Freeze button, and the queries
//! already frozen into the breach record with their hashes. dpo and admin.

use super::breach_notices::word;
use super::form::{Errors, StaffForm};
use super::session::{layout, Staff};
use super::view::Layout;
use super::{render_status, Id, PageResult};
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::get;
use axum::Router;
use kith_app::{App, AppError};
use kith_domain::breach_query::{AffectedQuery, DataCategory, QueryInput};
use kith_domain::SourceKind;
use serde::Deserialize;
use uuid::Uuid;

pub(super) fn router() -> Router<App> {
    Router::new().route("/privacy/breaches/{id}/affected", get(page).post(run))
}

/// How many people the page lists (names opened for these only).
const PAGE: i64 = 50;

/// The form as sent, kept to show it again.
#[derive(Deserialize, Default, Clone)]
#[serde(default)]
struct QueryForm {
    from: String,
    to: String,
    actor: String,
    categories: Vec<String>,
    recipient: String,
    countries: String,
    source: String,
    import_run: String,
    form: String,
    per_country: Option<String>,
    freeze: Option<String>,
}

impl QueryForm {
    fn input(&self) -> QueryInput {
        let opt = |s: &str| Some(s.trim().to_owned()).filter(|s| !s.is_empty());
        QueryInput {
            from: opt(&self.from),
            to: opt(&self.to),
            actor: opt(&self.actor),
            categories: self.categories.clone(),
            recipient: opt(&self.recipient),
            countries: self.countries.split([',', ' ']).map(str::to_owned).filter(|c| !c.trim().is_empty()).collect(),
            source: opt(&self.source),
            import_run: opt(&self.import_run),
            form: opt(&self.form),
            per_country: self.per_country.is_some(),
        }
    }
}

/// A row of a breakdown table: what, how many.
struct Count {
    what: String,
    people: i64,
}

struct AuthorityRow {
    name: String,
    country: String,
    website: String,
    lead: bool,
    people: i64,
}

struct Person {
    id: String,
    name: String,
}

struct Outcome {
    people: i64,
    /// Contacts without facets yet: the result may miss them.
    not_indexed: i64,
    by_category: Vec<Count>,
    by_country: Vec<Count>,
    authorities: Vec<AuthorityRow>,
    first: Vec<Person>,
}

struct Frozen {
    at: String,
    people: i64,
    hash: String,
    query: String,
}

#[derive(Template)]
#[template(path = "breach_affected.html")]
struct AffectedPage {
    l: Layout,
    breach: String,
    f: QueryForm,
    categories: Vec<(String, String)>,
    sources: Vec<(String, String)>,
    recipients: Vec<(String, String)>,
    /// (id, label) of the staff, import runs and consent forms to choose
    /// from; empty when the role may not list them (the id is typed then).
    actors: Vec<(String, String)>,
    runs: Vec<(String, String)>,
    forms: Vec<(String, String)>,
    result: Option<Outcome>,
    frozen: Vec<Frozen>,
    errors: Errors,
    notice: String,
}

impl AffectedPage {
    fn checked(&self, category: &str) -> bool {
        self.f.categories.iter().any(|c| c == category)
    }
}

async fn show(
    app: &App,
    s: &kith_app::sessions::Session,
    breach: Uuid,
    f: QueryForm,
    result: Option<Outcome>,
    errors: Errors,
    notice: String,
) -> PageResult {
    let tr = &s.tr;
    let frozen = app
        .affected_queries(&s.principal, breach)
        .await?
        .into_iter()
        .map(|q| Frozen {
            at: tr.date_time(q.frozen_at),
            people: q.people,
            hash: q.result_hash.iter().map(|b| format!("{b:02x}")).collect(),
            query: q.query,
        })
        .collect();
    let recipients =
        app.recipients(&s.principal).await?.into_iter().map(|r| (r.id.0.to_string(), r.recipient.legal_name)).collect();
    let actors = app
        .list_users(&s.principal)
        .await
        .map(|us| us.into_iter().map(|u| (u.id.0.to_string(), format!("{} ({})", u.email, u.role.as_str()))).collect())
        .unwrap_or_default();
    let runs = app
        .import_runs(&s.principal)
        .await
        .map(|rs| {
            rs.into_iter()
                .map(|r| {
                    let label = format!("{} — {}", tr.date_time(r.run.created_at), r.run.file_name);
                    (r.run.id.to_string(), label)
                })
                .collect()
        })
        .unwrap_or_default();
    let forms = app
        .consent_forms(&s.principal)
        .await
        .map(|fs| fs.into_iter().map(|f| (f.id.to_string(), format!("{} (/f/{})", f.title, f.slug))).collect())
        .unwrap_or_default();
    let page = AffectedPage {
        actors,
        runs,
        forms,
        l: layout(s, "privacy"),
        breach: breach.to_string(),
        f,
        categories: DataCategory::all().into_iter().map(|c| (c.as_str().to_owned(), category(tr, c))).collect(),
        sources: SourceKind::ALL.iter().map(|k| (k.as_str().to_owned(), word(tr, "source", k.as_str()))).collect(),
        recipients,
        result,
        frozen,
        errors,
        notice,
    };
    let status = if page.errors.is_empty() { StatusCode::OK } else { page.errors.status() };
    Ok(render_status(status, &page))
}

/// A data category in the reader's words.
fn category(tr: &kith_i18n::Tr, c: DataCategory) -> String {
    match c {
        DataCategory::Field(f) => word(tr, "category", f.as_str()),
        DataCategory::Special(s) => word(tr, "special", s.as_str()),
    }
}

async fn page(State(app): State<App>, Staff(s): Staff, Id(id): Id<Uuid>) -> PageResult {
    show(&app, &s, id, QueryForm::default(), None, Errors::default(), String::new()).await
}

async fn run(State(app): State<App>, Id(id): Id<Uuid>, StaffForm { staff, form }: StaffForm<QueryForm>) -> PageResult {
    let p = &staff.principal;
    let q = match AffectedQuery::check(&form.input()) {
        Ok(q) => q,
        Err(inv) => return show(&app, &staff, id, form, None, Errors::from_invalid(&inv), String::new()).await,
    };
    let mut notice = String::new();
    if form.freeze.is_some() {
        match app.affected_freeze(p, id, &q).await {
            Ok(f) => notice = staff.tr.t1("breaches-affected-frozen-notice", "n", f.people),
            Err(AppError::Invalid(inv)) => {
                return show(&app, &staff, id, form, None, Errors::from_invalid(&inv), String::new()).await
            }
            Err(e) => return Err(e.into()),
        }
    }
    let r = match app.affected_preview(p, id, &q, PAGE, true).await {
        Ok(r) => r,
        Err(AppError::Invalid(inv)) => {
            return show(&app, &staff, id, form, None, Errors::from_invalid(&inv), String::new()).await
        }
        Err(e) => return Err(e.into()),
    };
    let b = r.breakdown;
    let result = Outcome {
        people: b.people,
        not_indexed: b.not_indexed,
        by_category: b
            .by_category
            .iter()
            .map(|c| Count { what: category(&staff.tr, c.category), people: c.people })
            .collect(),
        by_country: b
            .by_country
            .iter()
            .map(|c| Count {
                what: c
                    .country
                    .map(|k| format!("{} ({})", k.name(), k.code()))
                    .unwrap_or_else(|| staff.tr.t("breaches-affected-unknown")),
                people: c.people,
            })
            .collect(),
        authorities: b
            .authorities
            .iter()
            .map(|a| AuthorityRow {
                name: a.authority.name.into(),
                country: a.authority.country.into(),
                website: a.authority.website.into(),
                lead: a.lead,
                people: a.people,
            })
            .collect(),
        first: r
            .first
            .into_iter()
            .map(|(id, name)| Person {
                id: id.to_string(),
                name: name.unwrap_or_else(|| staff.tr.t("breaches-affected-gone")),
            })
            .collect(),
    };
    show(&app, &staff, id, form, Some(result), Errors::default(), notice).await
}
