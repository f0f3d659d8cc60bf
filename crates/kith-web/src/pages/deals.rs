//! Deals: a pipeline board with a column per stage (a card moves by its
//! form, or by drag and drop where JavaScript runs), a list with totals per
//! stage, a deal's page with its stage history, and creating one.

use super::form::{create_key, enc, form_token, non_blank, Errors, QueryForm, StaffForm};
use super::names;
use super::session::{layout, Staff};
use super::view::{self, Layout};
use super::{render_status, Id, PageResult};
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect};
use axum::routing::{get, post};
use axum::Router;
use kith_app::deals::DealFields;
use kith_app::records::{Deal, DealFilter, Stage};
use kith_app::sessions::Session;
use kith_app::{App, AppError};
use kith_domain::{CompanyId, DealId, Invalid};
use serde::Deserialize;
use std::collections::HashMap;
use uuid::Uuid;

/// Cards shown per board column; the list shows the rest.
const CARDS: i64 = 30;

pub(super) fn router() -> Router<App> {
    Router::new()
        .route("/deals", get(board).post(create))
        .route("/deals/list", get(list))
        .route("/deals/{id}", get(show))
        .route("/deals/{id}/move", post(move_deal))
}

struct Card {
    id: String,
    title: String,
    amount: String,
    company: String,
    stage: String,
}

struct Column {
    key: String,
    name: String,
    count: i64,
    total: String,
    cards: Vec<Card>,
    more: bool,
}

struct StageChoice {
    key: String,
    name: String,
}

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
struct DealForm {
    idem: String,
    title: String,
    stage: String,
    amount: String,
    currency: String,
    company: String,
}

#[derive(Template)]
#[template(path = "deals_board.html")]
struct BoardPage {
    l: Layout,
    columns: Vec<Column>,
    stages: Vec<StageChoice>,
    companies: Vec<(String, String)>,
    f: DealForm,
    errors: Errors,
    notice: Option<String>,
}

/// "12,500.00 EUR + 3,000.00 CHF" for one stage.
fn totals_by_stage(tr: &kith_i18n::Tr, app_totals: &[kith_app::records::StageTotal]) -> HashMap<String, (i64, String)> {
    let mut out: HashMap<String, (i64, Vec<String>)> = HashMap::new();
    for t in app_totals {
        let e = out.entry(t.stage.clone()).or_default();
        e.0 += t.count;
        if t.currency.is_some() {
            e.1.push(names::amount(tr, Some(t.amount_minor), t.currency.as_deref()));
        }
    }
    out.into_iter().map(|(k, (n, v))| (k, (n, v.join(" + ")))).collect()
}

fn card(tr: &kith_i18n::Tr, d: Deal, companies: &HashMap<Uuid, String>) -> Card {
    Card {
        id: d.id.to_string(),
        amount: names::amount(tr, d.amount_minor, d.currency.as_deref()),
        company: d.company.and_then(|c| companies.get(&c.0).cloned()).unwrap_or_default(),
        stage: d.stage,
        title: d.title,
    }
}

async fn board_page(app: &App, s: Session, f: DealForm, errors: Errors, notice: Option<String>) -> PageResult {
    let p = &s.principal;
    let stages = app.stages(p).await?;
    let totals = totals_by_stage(&s.tr, &app.deal_totals(p).await?);
    let companies: Vec<(String, String)> = app
        .list_companies(p, None, None, Some(kith_app::MAX_LIMIT))
        .await?
        .items
        .into_iter()
        .map(|c| (c.id.to_string(), c.name))
        .collect();
    let known: HashMap<Uuid, String> =
        companies.iter().filter_map(|(id, n)| Uuid::parse_str(id).ok().map(|u| (u, n.clone()))).collect();
    let mut columns = Vec::new();
    for st in &stages {
        let deals = app.recent_deals(p, &st.key, CARDS).await?;
        let names = names::companies(app, p, deals.iter().filter_map(|d| d.company).collect(), &known).await?;
        let (count, total) = totals.get(&st.key).cloned().unwrap_or_default();
        columns.push(Column {
            key: st.key.clone(),
            name: super::names::stage_label(&st.key, &st.name),
            count,
            total,
            more: count > CARDS,
            cards: deals.into_iter().map(|d| card(&s.tr, d, &names)).collect(),
        });
    }
    let status = errors.status();
    let page = BoardPage { l: layout(&s, "deals"), columns, stages: choices(&stages), companies, f, errors, notice };
    Ok(render_status(status, &page))
}

fn choices(stages: &[Stage]) -> Vec<StageChoice> {
    stages
        .iter()
        .map(|s| StageChoice { key: s.key.clone(), name: super::names::stage_label(&s.key, &s.name) })
        .collect()
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct Notice {
    notice: String,
}

async fn board(State(app): State<App>, Staff(s): Staff, QueryForm(n): QueryForm<Notice>) -> PageResult {
    let notice = (n.notice == "moved").then(|| s.tr.t("deals-moved"));
    board_page(
        &app,
        s,
        DealForm { idem: form_token(""), stage: "lead".into(), currency: "EUR".into(), ..Default::default() },
        Errors::default(),
        notice,
    )
    .await
}

/// "1234.5" or "1,234.50" into minor units.
fn parse_amount(tr: &kith_i18n::Tr, s: &str) -> Result<Option<i64>, Invalid> {
    let t: String = s.trim().chars().filter(|c| *c != ',' && *c != ' ' && *c != '\'').collect();
    if t.is_empty() {
        return Ok(None);
    }
    let bad = || Invalid::one("amount_minor", tr.t("deals-bad-amount"));
    let (units, cents) = match t.split_once('.') {
        Some((u, c)) if c.len() <= 2 && c.chars().all(|ch| ch.is_ascii_digit()) => (u, format!("{c:0<2}")),
        Some(_) => return Err(bad()),
        None => (t.as_str(), "00".to_owned()),
    };
    if units.is_empty() || units.len() > 16 || !units.chars().all(|c| c.is_ascii_digit()) {
        return Err(bad());
    }
    let u: i64 = units.parse().map_err(|_| bad())?;
    let c: i64 = cents.parse().map_err(|_| bad())?;
    Ok(Some(u * 100 + c))
}

async fn create(State(app): State<App>, StaffForm { staff, form }: StaffForm<DealForm>) -> PageResult {
    let parsed = (|| {
        let mut inv = Invalid::default();
        let amount = inv.check("amount_minor", parse_amount(&staff.tr, &form.amount)).flatten();
        let company = match non_blank(&form.company) {
            None => None,
            Some(c) => match Uuid::parse_str(&c) {
                Ok(u) => Some(CompanyId(u)),
                Err(_) => {
                    inv.push("company_id", staff.tr.t("deals-bad-company"));
                    None
                }
            },
        };
        inv.into_result()?;
        Ok::<_, Invalid>(DealFields {
            title: form.title.clone(),
            stage: non_blank(&form.stage),
            amount_minor: amount,
            currency: if amount.is_some() { non_blank(&form.currency) } else { None },
            owner: Some(staff.principal.user),
            company,
            contacts: Vec::new(),
        })
    })();
    let result = match parsed {
        Ok(fields) => app.create_deal(&staff.principal, fields, create_key(&form.idem, "deal").as_ref()).await,
        Err(inv) => Err(AppError::Invalid(inv)),
    };
    match result {
        Ok(d) => Ok(Redirect::to(&format!("/deals/{}", d.id)).into_response()),
        Err(AppError::Invalid(inv)) => {
            let form = DealForm { idem: form_token(&form.idem), ..form };
            board_page(&app, staff, form, Errors::from_invalid(&inv), None).await
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct MoveForm {
    stage: String,
    /// Where to go back to: `board` or `deal`.
    back: String,
}

async fn move_deal(
    State(app): State<App>,
    Id(id): Id<Uuid>,
    StaffForm { staff, form }: StaffForm<MoveForm>,
) -> PageResult {
    let stages = app.stages(&staff.principal).await?;
    if !stages.iter().any(|s| s.key == form.stage) {
        return Err(AppError::Invalid(Invalid::one("stage", staff.tr.t("deals-bad-stage"))).into());
    }
    app.move_deal(&staff.principal, DealId(id), form.stage).await?;
    let to = if form.back == "deal" { format!("/deals/{id}") } else { "/deals?notice=moved".to_owned() };
    Ok(Redirect::to(&to).into_response())
}

// ------------------------------------------------------------- the list

#[derive(Deserialize, Default)]
#[serde(default)]
struct ListParams {
    stage: String,
    cursor: String,
}

struct TotalRow {
    name: String,
    count: i64,
    total: String,
}

#[derive(Template)]
#[template(path = "deals_list.html")]
struct ListPage {
    l: Layout,
    stage: String,
    stages: Vec<StageChoice>,
    totals: Vec<TotalRow>,
    rows: Vec<Card>,
    stage_names: HashMap<String, String>,
    next: Option<String>,
    errors: Errors,
}

async fn list(State(app): State<App>, Staff(s): Staff, QueryForm(q): QueryForm<ListParams>) -> PageResult {
    let p = &s.principal;
    let stages = app.stages(p).await?;
    let totals_map = totals_by_stage(&s.tr, &app.deal_totals(p).await?);
    let totals = stages
        .iter()
        .map(|st| {
            let (count, total) = totals_map.get(&st.key).cloned().unwrap_or_default();
            TotalRow { name: super::names::stage_label(&st.key, &st.name), count, total }
        })
        .collect();
    let stage = non_blank(&q.stage).filter(|k| stages.iter().any(|s| &s.key == k));
    let mut errors = Errors::default();
    let (rows, next) = match app
        .list_deals(
            p,
            DealFilter { stage: stage.clone(), ..Default::default() },
            non_blank(&q.cursor).as_deref(),
            Some(50),
        )
        .await
    {
        Ok(page) => {
            let names =
                names::companies(&app, p, page.items.iter().filter_map(|d| d.company).collect(), &HashMap::new())
                    .await?;
            let next = page
                .next_cursor
                .map(|c| format!("/deals/list?stage={}&cursor={}", enc(stage.as_deref().unwrap_or("")), enc(&c)));
            (page.items.into_iter().map(|d| card(&s.tr, d, &names)).collect(), next)
        }
        Err(AppError::Invalid(inv)) => {
            errors = Errors::from_invalid(&inv);
            (Vec::new(), None)
        }
        Err(e) => return Err(e.into()),
    };
    let page = ListPage {
        l: layout(&s, "deals"),
        stage: stage.unwrap_or_default(),
        stage_names: stages.iter().map(|s| (s.key.clone(), super::names::stage_label(&s.key, &s.name))).collect(),
        stages: choices(&stages),
        totals,
        rows,
        next,
        errors,
    };
    let status = page.errors.status();
    Ok(render_status(status, &page))
}

impl ListPage {
    fn stage_name(&self, key: &str) -> String {
        self.stage_names.get(key).cloned().unwrap_or_else(|| key.to_owned())
    }
}

// ------------------------------------------------------------- one deal

struct HistoryRow {
    iso: String,
    when: String,
    from: String,
    to: String,
}

#[derive(Template)]
#[template(path = "deal.html")]
struct DealPage {
    l: Layout,
    id: String,
    title: String,
    stage: String,
    stage_name: String,
    amount: String,
    company: String,
    company_id: String,
    contacts: Vec<(String, String)>,
    history: Vec<HistoryRow>,
    stages: Vec<StageChoice>,
}

async fn show(State(app): State<App>, Staff(s): Staff, Id(id): Id<Uuid>) -> PageResult {
    let p = &s.principal;
    let d = app.get_deal(p, DealId(id)).await?;
    let stages = app.stages(p).await?;
    let name = |k: &str| {
        stages
            .iter()
            .find(|s| s.key == k)
            .map(|s| super::names::stage_label(&s.key, &s.name))
            .unwrap_or_else(|| k.to_owned())
    };
    let history = app
        .deal_history(p, d.id)
        .await?
        .into_iter()
        .rev()
        .map(|h| HistoryRow {
            iso: view::iso(h.changed_at),
            when: s.tr.date_time(h.changed_at),
            from: h.from.as_deref().map(name).unwrap_or_default(),
            to: name(&h.to),
        })
        .collect();
    let mut contacts = Vec::new();
    for c in d.contacts.iter().take(20) {
        if let Ok(c) = app.get_contact(p, *c).await {
            contacts.push((c.id.to_string(), view::contact_name_tr(&s.tr, &c.data)));
        }
    }
    let company = match d.company {
        Some(c) => app.get_company(p, c).await.map(|c| c.name).unwrap_or_default(),
        None => String::new(),
    };
    let page = DealPage {
        l: layout(&s, "deals"),
        id: d.id.to_string(),
        stage_name: name(&d.stage),
        stage: d.stage,
        amount: names::amount(&s.tr, d.amount_minor, d.currency.as_deref()),
        company,
        company_id: d.company.map(|c| c.to_string()).unwrap_or_default(),
        title: d.title,
        contacts,
        history,
        stages: choices(&stages),
    };
    Ok(render_status(StatusCode::OK, &page))
}

#[cfg(test)]
mod tests {
    #[test]
    fn amounts_parse_to_minor_units() {
        let tr = kith_i18n::Tr::default();
        assert_eq!(super::parse_amount(&tr, "12500").unwrap(), Some(1_250_000));
        assert_eq!(super::parse_amount(&tr, "12,500.5").unwrap(), Some(1_250_050));
        assert_eq!(super::parse_amount(&tr, " ").unwrap(), None);
        for bad in ["-5", "1.234", "abc", "1e5", "99999999999999999"] {
            assert!(super::parse_amount(&tr, bad).is_err(), "{bad}");
        }
    }
}
