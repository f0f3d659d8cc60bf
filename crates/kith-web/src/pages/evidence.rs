//! Privacy → Evidence: what the signed evidence pack holds, its as-of day
//! and scope, a Build button that downloads it, the signing key's
//! thumbprint and how an auditor verifies the pack (dpo, admin).

use super::form::{Errors, StaffForm};
use super::session::{layout, Staff};
use super::view::Layout;
use super::{render_status, PageResult};
use askama::Template;
use axum::extract::State;
use axum::http::header;
use axum::response::IntoResponse;
use axum::routing::get;
use axum::Router;
use kith_app::evidence::{parse_day, EvidenceRequest};
use kith_app::records::RegisterVersion;
use kith_app::{App, AppError};
use kith_domain::ropa::Record;
use kith_domain::Invalid;
use serde::Deserialize;

pub(super) fn router() -> Router<App> {
    Router::new().route("/privacy/evidence", get(page).post(build))
}

/// The record's print view as the pack holds it.
pub fn register_print_for_pack(record: Record, version: RegisterVersion, as_of: &str) -> Result<String, String> {
    super::registers::print_html(record, version, as_of).map_err(|e| e.to_string())
}

#[derive(Template)]
#[template(path = "evidence.html")]
struct EvidencePage {
    l: Layout,
    thumbprint: String,
    /// (id, name, checked)
    purposes: Vec<(String, String, bool)>,
    as_of: String,
    from: String,
    to: String,
    errors: Errors,
}

#[derive(Deserialize, Default)]
struct BuildForm {
    #[serde(default)]
    as_of: String,
    #[serde(default)]
    from: String,
    #[serde(default)]
    to: String,
    #[serde(default)]
    purposes: Vec<String>,
}

async fn show(app: &App, s: &kith_app::sessions::Session, f: BuildForm, errors: Errors) -> PageResult {
    let o = app.evidence_overview(&s.principal).await?;
    let page = EvidencePage {
        l: layout(s, "privacy"),
        thumbprint: o.thumbprint,
        purposes: o
            .purposes
            .into_iter()
            .map(|(id, name)| {
                let id = id.0.to_string();
                let checked = f.purposes.contains(&id);
                (id, name, checked)
            })
            .collect(),
        as_of: f.as_of,
        from: f.from,
        to: f.to,
        errors,
    };
    Ok(render_status(page.errors.status(), &page))
}

async fn page(State(app): State<App>, Staff(s): Staff) -> PageResult {
    show(&app, &s, BuildForm::default(), Errors::default()).await
}

fn day(inv: &mut Invalid, field: &str, v: &str, end: bool) -> Option<time::OffsetDateTime> {
    let v = v.trim();
    if v.is_empty() {
        return None;
    }
    match parse_day(field, v, end) {
        Ok(t) => Some(t),
        Err(e) => {
            inv.0.extend(e.0);
            None
        }
    }
}

/// Builds the pack and sends it as a download; a bad date or purpose
/// shows the page again with the error next to its field.
async fn build(State(app): State<App>, StaffForm { staff, form }: StaffForm<BuildForm>) -> PageResult {
    let mut inv = Invalid::default();
    let req = EvidenceRequest {
        as_of: day(&mut inv, "as_of", &form.as_of, true),
        from: day(&mut inv, "from", &form.from, false),
        to: day(&mut inv, "to", &form.to, true),
        purposes: form.purposes.clone(),
    };
    if !inv.0.is_empty() {
        return show(&app, &staff, form, Errors::from_invalid(&inv)).await;
    }
    match app.evidence_pack(&staff.principal, &req, register_print_for_pack).await {
        Ok(pack) => {
            let name = format!("attachment; filename=\"{}\"", pack.file_name);
            Ok((
                [(header::CONTENT_TYPE, "application/zip".to_owned()), (header::CONTENT_DISPOSITION, name)],
                pack.bytes,
            )
                .into_response())
        }
        Err(AppError::Invalid(inv)) => show(&app, &staff, form, Errors::from_invalid(&inv)).await,
        Err(e) => Err(e.into()),
    }
}
