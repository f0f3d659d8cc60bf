//! Privacy → Field policy: which personal fields Kith may hold and why;
//! add or change a field, remove one after seeing how many contacts hold it.

use super::form::StaffForm;
use super::session::{layout, Staff};
use super::view::{self, Layout};
use super::{render_status, PageResult};
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect};
use axum::routing::{get, post};
use axum::Router;
use kith_app::sessions::Session;
use kith_app::{App, AppError};
use kith_domain::policy::{FieldCategory, FieldDef, FieldKind, SpecialCategory, CUSTOM};
use kith_domain::PurposeId;
use kith_i18n::Tr;
use serde::Deserialize;
use uuid::Uuid;

/// Words for a closed vocabulary on the privacy pages: the message
/// `<prefix>-<stored spelling>` (underscores read as dashes).
pub(crate) fn word(tr: &Tr, prefix: &str, stored: &str) -> String {
    tr.t(&format!("{prefix}-{}", stored.replace('_', "-")))
}

/// A retention rule in the reader's words: "2 years after creation, then
/// delete".
pub(crate) fn rule_words(tr: &Tr, r: &kith_domain::retention::Rule) -> String {
    let after = word(tr, "privacy-after", r.anchor.as_str());
    let disposal = word(tr, "privacy-disposal", r.disposal.as_str());
    if r.period.count == 0 {
        return tr.t2("privacy-rule-at-once", "after", after, "disposal", disposal);
    }
    let period = tr.t2("privacy-period", "unit", r.period.unit.as_str(), "count", r.period.count);
    tr.t3("privacy-rule", "period", period, "after", after, "disposal", disposal)
}

pub(super) fn router() -> Router<App> {
    Router::new().route("/privacy/fields", get(page).post(save)).route("/privacy/fields/remove", post(remove))
}

/// One field as the page lists it.
struct Line {
    key: String,
    label: String,
    kind: String,
    category: String,
    purposes: String,
    special: String,
    enabled: bool,
}

#[derive(Template)]
#[template(path = "fields.html")]
struct Page {
    l: Layout,
    version: i64,
    errors: Vec<String>,
    fields: Vec<Line>,
    purposes: Vec<(String, String)>,
    kinds: Vec<(&'static str, String)>,
    categories: Vec<(&'static str, String)>,
    specials: Vec<(&'static str, String)>,
    /// After a count: the field, its label and how many contacts hold it.
    confirm: Option<(String, String, u64)>,
    notice: Option<String>,
}

async fn show(
    app: &App,
    s: &Session,
    status: StatusCode,
    errors: Vec<String>,
    confirm: Option<(String, String, u64)>,
    notice: Option<String>,
) -> PageResult {
    if !s.role().can_manage_privacy() {
        return Err(AppError::Forbidden("change the field policy").into());
    }
    let tr = &s.tr;
    let policy = app.field_policy(&s.principal).await?;
    let purposes = app.purposes(&s.principal).await?;
    let name = |id: &PurposeId| purposes.iter().find(|p| p.id == *id).map(|p| p.name.clone()).unwrap_or_default();
    let fields = policy
        .fields
        .iter()
        .map(|f| Line {
            key: f.key.clone(),
            label: f.label.clone(),
            kind: f.kind.map_or_else(|| tr.t("privacy-fields-built-in"), |k| word(tr, "privacy-kind", k.as_str())),
            category: word(tr, "privacy-category", f.category.as_str()),
            purposes: f.purposes.iter().map(name).collect::<Vec<_>>().join(", "),
            special: f
                .special
                .as_ref()
                .map(|(c, r)| {
                    tr.t2(
                        "privacy-fields-special-reason",
                        "category",
                        word(tr, "privacy-special", c.as_str()),
                        "reason",
                        r,
                    )
                })
                .unwrap_or_default(),
            enabled: f.enabled,
        })
        .collect();
    let page = Page {
        l: layout(s, "privacy"),
        version: policy.version,
        errors,
        fields,
        purposes: purposes.iter().map(|p| (p.id.to_string(), p.name.clone())).collect(),
        kinds: FieldKind::ALL.iter().map(|k| (k.as_str(), word(tr, "privacy-kind", k.as_str()))).collect(),
        categories: FieldCategory::ALL.iter().map(|k| (k.as_str(), word(tr, "privacy-category", k.as_str()))).collect(),
        specials: SpecialCategory::ALL.iter().map(|k| (k.as_str(), word(tr, "privacy-special", k.as_str()))).collect(),
        confirm,
        notice,
    };
    Ok(render_status(status, &page))
}

async fn page(State(app): State<App>, Staff(s): Staff) -> PageResult {
    show(&app, &s, StatusCode::OK, vec![], None, None).await
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct FieldForm {
    /// A built-in key, or a custom field's name.
    key: String,
    label: String,
    kind: String,
    category: String,
    /// A purpose that needs the field, added to those already named (one
    /// per save).
    purpose: String,
    special: String,
    special_reason: String,
    choices: String,
    /// `yes` when ticked.
    enabled: String,
}

async fn save(State(app): State<App>, StaffForm { staff, form }: StaffForm<FieldForm>) -> PageResult {
    let current = app.field_policy(&staff.principal).await?;
    let key = form.key.trim();
    let key = if kith_domain::policy::BUILT_IN.iter().any(|(k, _, _)| *k == key) || key.starts_with(CUSTOM) {
        key.to_owned()
    } else {
        format!("{CUSTOM}{key}")
    };
    let existing = current.field(&key).cloned();
    let mut purposes = existing.as_ref().map(|f| f.purposes.clone()).unwrap_or_default();
    if let Ok(p) = Uuid::parse_str(form.purpose.trim()) {
        if !purposes.contains(&PurposeId(p)) {
            purposes.push(PurposeId(p));
        }
    }
    let def = FieldDef {
        label: if form.label.trim().is_empty() {
            existing.as_ref().map(|f| f.label.clone()).unwrap_or_default()
        } else {
            form.label.clone()
        },
        kind: existing.as_ref().map_or_else(|| FieldKind::parse(&form.kind), |f| f.kind),
        category: FieldCategory::parse(&form.category).unwrap_or(FieldCategory::Other),
        purposes,
        special: SpecialCategory::parse(&form.special).map(|s| (s, form.special_reason.clone())),
        choices: form.choices.split(',').map(str::trim).filter(|c| !c.is_empty()).map(str::to_owned).collect(),
        enabled: form.enabled == "yes",
        key,
    };
    match app.save_field(&staff.principal, def).await {
        Ok(_) => Ok(Redirect::to("/privacy/fields").into_response()),
        Err(AppError::Invalid(inv)) => {
            let msgs =
                inv.0.iter().map(|e| format!("{}: {}", view::field_label(&staff.tr, &e.field), e.message)).collect();
            show(&app, &staff, StatusCode::UNPROCESSABLE_ENTITY, msgs, None, None).await
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct RemoveForm {
    key: String,
    /// `yes` once the count was shown.
    confirm: String,
}

async fn remove(State(app): State<App>, StaffForm { staff, form }: StaffForm<RemoveForm>) -> PageResult {
    let confirm = form.confirm == "yes";
    let r = app.remove_field(&staff.principal, &form.key, confirm).await?;
    if confirm {
        let note = match r.version {
            Some(v) => staff.tr.t3("privacy-fields-removed", "field", &form.key, "n", r.purged, "version", v),
            None => staff.tr.t2("privacy-fields-removed-same", "field", &form.key, "n", r.purged),
        };
        return show(&app, &staff, StatusCode::OK, vec![], None, Some(note)).await;
    }
    let label = app.field_policy(&staff.principal).await?.field(&form.key).map(|f| f.label.clone()).unwrap_or_default();
    show(&app, &staff, StatusCode::OK, vec![], Some((form.key, label, r.holders)), None).await
}
