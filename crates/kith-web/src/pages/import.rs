//! `/import`: contacts from a CSV file for admin and dpo, the page face of
//! `kith import contacts`. A check (dry run) first, then the import; the
//! result lists the column mapping, the counts and each problem line with
//! its reason. Files up to 32 MiB; larger ones go through the CLI.

use super::session::{layout, Staff};
use super::view::Layout;
use super::{render, render_status, PageError, PageResult};
use askama::Template;
use axum::extract::{DefaultBodyLimit, Multipart, State};
use axum::http::StatusCode;
use axum::routing::get;
use axum::Router;
use kith_app::import::{ImportOptions, Outcome, Target};
use kith_app::{App, AppError};
use kith_domain::{LawfulBasis, PurposeId};

/// The largest file the page takes.
const MAX_FILE: usize = 32 * 1024 * 1024;
/// Lines shown on the page besides the created ones (the CLI's `--report` has them all).
const MAX_SHOWN: usize = 200;

pub(super) fn router() -> Router<App> {
    Router::new().route("/import", get(page).post(upload).layer(DefaultBodyLimit::max(MAX_FILE + 64 * 1024)))
}

struct Result_ {
    dry_run: bool,
    file: String,
    mapping: Vec<(String, String)>,
    created: u64,
    updated: u64,
    skipped: u64,
    rejected: u64,
    problems: Vec<(u64, &'static str, String)>,
    more: usize,
    last_line: u64,
}

#[derive(Template)]
#[template(path = "import.html")]
struct ImportPage {
    l: Layout,
    purposes: Vec<(String, String)>,
    bases: Vec<(&'static str, &'static str)>,
    error: Option<String>,
    result: Option<Result_>,
}

async fn form(app: &App, s: &kith_app::sessions::Session) -> Result<ImportPage, PageError> {
    if !s.role().can_manage_privacy() {
        return Err(AppError::Forbidden("import contacts").into());
    }
    let purposes = app.purposes(&s.principal).await?;
    Ok(ImportPage {
        l: layout(s, "privacy"),
        purposes: purposes.into_iter().map(|p| (p.id.to_string(), p.name)).collect(),
        bases: LawfulBasis::ALL
            .iter()
            .filter(|b| !matches!(b, LawfulBasis::NotApplicable | LawfulBasis::Consent))
            .map(|b| (b.as_str(), b.label()))
            .collect(),
        error: None,
        result: None,
    })
}

async fn page(State(app): State<App>, Staff(s): Staff) -> PageResult {
    Ok(render(&form(&app, &s).await?))
}

async fn upload(State(app): State<App>, Staff(s): Staff, mut mp: Multipart) -> PageResult {
    let mut page = form(&app, &s).await?;
    let bad = |m: &str| PageError::new(StatusCode::BAD_REQUEST, "The upload could not be read", m.to_owned());
    let (mut csrf_ok, mut file, mut name) = (false, None, String::new());
    let (mut purpose, mut basis, mut dry_run) = (String::new(), String::new(), true);
    while let Some(field) = mp.next_field().await.map_err(|_| bad("Send the form again."))? {
        let field_name = field.name().unwrap_or("").to_owned();
        // The token comes first in the form: nothing is read before it matches.
        if field_name != "csrf" && !csrf_ok {
            return Err(PageError::new(StatusCode::FORBIDDEN, "Forbidden", "The form has expired; reload the page."));
        }
        match field_name.as_str() {
            "csrf" => csrf_ok = s.csrf_matches(&field.text().await.map_err(|_| bad("Send the form again."))?),
            "file" => {
                name = field.file_name().unwrap_or("upload.csv").chars().take(200).collect();
                let bytes = field.bytes().await.map_err(|_| {
                    PageError::new(
                        StatusCode::PAYLOAD_TOO_LARGE,
                        "The file is too large",
                        "The page takes files up to 32 MiB; import larger ones with `kith import contacts`.",
                    )
                })?;
                file = Some(bytes);
            }
            "purpose" => purpose = field.text().await.unwrap_or_default(),
            "basis" => basis = field.text().await.unwrap_or_default(),
            "mode" => dry_run = field.text().await.unwrap_or_default() != "import",
            _ => {}
        }
    }
    let Some(bytes) = file.filter(|b| !b.is_empty()) else {
        page.error = Some("Choose a CSV file.".into());
        return Ok(render_status(StatusCode::UNPROCESSABLE_ENTITY, &page));
    };
    let basis = match (purpose.trim(), basis.trim()) {
        ("", _) => None,
        (p, b) => match (uuid::Uuid::parse_str(p).ok().map(PurposeId), LawfulBasis::parse(b)) {
            (Some(p), Some(b)) => Some((p, b)),
            _ => {
                page.error = Some("Choose a purpose and a lawful basis, or neither.".into());
                return Ok(render_status(StatusCode::UNPROCESSABLE_ENTITY, &page));
            }
        },
    };
    let opts = ImportOptions { file_name: name.clone(), dry_run, basis, ..Default::default() };
    let mut problems = Vec::new();
    let mut more = 0;
    let run = app
        .import_contacts(&s.principal, std::io::Cursor::new(bytes), &opts, |line, o| {
            let (word, why) = match o {
                Outcome::Created => return,
                Outcome::Updated(w) => (if dry_run { "would update" } else { "updated" }, w),
                Outcome::Skipped(w) => ("skipped", w),
                Outcome::Rejected(w) => ("rejected", w),
            };
            if problems.len() < MAX_SHOWN {
                problems.push((line, word, why.clone()));
            } else {
                more += 1;
            }
        })
        .await;
    match run {
        Ok(r) => {
            problems.sort_by_key(|p| p.0);
            page.result = Some(Result_ {
                dry_run: r.dry_run,
                file: name,
                mapping: r
                    .mapping
                    .iter()
                    .map(|(h, t)| (h.clone(), t.as_ref().map(Target::name).unwrap_or_else(|| "(ignored)".into())))
                    .collect(),
                created: r.created,
                updated: r.updated,
                skipped: r.skipped,
                rejected: r.rejected,
                problems,
                more,
                last_line: r.last_line,
            });
            Ok(render(&page))
        }
        Err(AppError::Invalid(inv)) => {
            page.error = Some(inv.0.iter().map(|e| e.message.clone()).collect::<Vec<_>>().join("; "));
            Ok(render_status(StatusCode::UNPROCESSABLE_ENTITY, &page))
        }
        Err(e) => Err(e.into()),
    }
}
