//! `/import`: contacts from a CSV file for admin and dpo, the page face of
//! `kith import contacts`. The upload is kept (sealed) while staff map its
//! columns, check it and import it; checks and imports run in the
//! background, and the run's page shows their progress, refreshing itself,
//! then the counts and each problem line with its reason. Files up to
//! 32 MiB; larger ones go through the CLI.

use super::form::StaffForm;
use super::session::{layout, Staff};
use super::templates::{code, link, rich};
use super::view::Layout;
use super::{render, render_status, PageError, PageResult};
use askama::Template;
use axum::extract::{DefaultBodyLimit, Multipart, Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect};
use axum::routing::get;
use axum::Router;
use kith_app::import::Target;
use kith_app::import_runs::{phase, RunOptions, RunView};
use kith_app::{App, AppError};
use kith_domain::{Channel, LawfulBasis, PurposeId};
use kith_i18n::{Arg, Tr};
use serde::Deserialize;
use uuid::Uuid;

/// The largest file the page takes.
const MAX_FILE: usize = 32 * 1024 * 1024;

pub(super) fn router() -> Router<App> {
    Router::new()
        .route("/import", get(page).post(upload).layer(DefaultBodyLimit::max(MAX_FILE + 64 * 1024)))
        .route("/import/{id}", get(run_page).post(act))
}

/// A run as the list shows it.
struct Listed {
    id: String,
    when: String,
    file: String,
    state: String,
}

#[derive(Template)]
#[template(path = "import.html")]
struct ImportPage {
    l: Layout,
    error: Option<String>,
    runs: Vec<Listed>,
    /// The introduction, with its code samples.
    intro: String,
}

/// A run's counts in words: "3 created, 1 updated, 0 skipped, 0 rejected".
fn counts(tr: &Tr, v: &RunView, dry: bool) -> String {
    let p = &v.run.progress;
    let id = if dry { "import-counts-dry" } else { "import-counts" };
    // Plain digits, as the CLI reports them.
    let n = |x: i64| Arg::Str(x.to_string());
    tr.ta(
        id,
        &[("created", n(p.created)), ("updated", n(p.updated)), ("skipped", n(p.skipped)), ("rejected", n(p.rejected))],
    )
}

/// In words, where a run stands.
fn state(tr: &Tr, v: &RunView) -> String {
    match v.run.phase.as_str() {
        _ if v.running && v.run.dry_run => tr.t("import-state-check-running"),
        _ if v.running => tr.t("import-state-import-running"),
        _ if v.interrupted => tr.t1("import-state-interrupted", "line", v.run.progress.last_line),
        phase::UPLOADED => tr.t("import-state-uploaded"),
        phase::CHECKED => tr.t1("import-state-checked", "counts", counts(tr, v, true)),
        phase::IMPORTED => tr.t1("import-state-imported", "counts", counts(tr, v, false)),
        phase::FAILED => tr.t("import-state-failed"),
        phase::DROPPED => tr.t("import-state-dropped"),
        _ => tr.t("import-state-discarded"),
    }
}

/// An outcome word of a problem line as the reader reads it.
fn outcome(tr: &Tr, word: &str) -> String {
    let id = format!("import-outcome-{}", word.replace(' ', "-"));
    if kith_i18n::has_message(&id) {
        tr.t(&id)
    } else {
        word.to_owned()
    }
}

async fn list_page(app: &App, s: &kith_app::sessions::Session, error: Option<String>) -> Result<ImportPage, PageError> {
    let runs = app.import_runs(&s.principal).await?;
    let tr = &s.tr;
    let intro = rich(
        tr,
        "import-intro",
        &[],
        &[("comma", code(",")), ("semicolon", code(";")), ("cli", code("kith import contacts"))],
    );
    Ok(ImportPage {
        l: layout(s, "privacy"),
        error,
        intro,
        runs: runs
            .iter()
            .map(|v| Listed {
                id: v.run.id.to_string(),
                when: tr.date_time(v.run.created_at),
                file: v.run.file_name.clone(),
                state: state(tr, v),
            })
            .collect(),
    })
}

async fn page(State(app): State<App>, Staff(s): Staff) -> PageResult {
    Ok(render(&list_page(&app, &s, None).await?))
}

async fn upload(State(app): State<App>, Staff(s): Staff, mut mp: Multipart) -> PageResult {
    if !s.role().can_manage_privacy() {
        return Err(AppError::Forbidden("import contacts").into());
    }
    let tr = s.tr.clone();
    let bad = |m: &str| PageError::new(StatusCode::BAD_REQUEST, "The upload could not be read", tr.t(m));
    let (mut csrf_ok, mut file, mut name) = (false, None, String::new());
    while let Some(field) = mp.next_field().await.map_err(|_| bad("import-send-again"))? {
        let field_name = field.name().unwrap_or("").to_owned();
        // The token comes first in the form: nothing is read before it matches.
        if field_name != "csrf" && !csrf_ok {
            return Err(PageError::new(StatusCode::FORBIDDEN, "Forbidden", tr.t("import-expired")));
        }
        match field_name.as_str() {
            "csrf" => csrf_ok = s.csrf_matches(&field.text().await.map_err(|_| bad("import-send-again"))?),
            "file" => {
                name = field.file_name().unwrap_or("upload.csv").to_owned();
                let bytes = field.bytes().await.map_err(|_| {
                    PageError::new(StatusCode::PAYLOAD_TOO_LARGE, "The file is too large", tr.t("import-too-large"))
                })?;
                file = Some(bytes);
            }
            _ => {}
        }
    }
    if !csrf_ok {
        return Err(PageError::new(StatusCode::FORBIDDEN, "Forbidden", tr.t("import-expired")));
    }
    let bytes = file.unwrap_or_default();
    match app.upload_import(&s.principal, &name, &bytes).await {
        Ok(id) => Ok(Redirect::to(&format!("/import/{id}")).into_response()),
        Err(AppError::Invalid(inv)) => {
            let msg = inv.0.iter().map(|e| sentence(&e.message)).collect::<Vec<_>>().join(" ");
            Ok(render_status(StatusCode::UNPROCESSABLE_ENTITY, &list_page(&app, &s, Some(msg)).await?))
        }
        Err(e) => Err(e.into()),
    }
}

/// A message as a sentence: a capital first letter and a full stop.
fn sentence(m: &str) -> String {
    let mut c = m.chars();
    let first = c.next().map(|f| f.to_uppercase().collect::<String>()).unwrap_or_default();
    format!("{first}{}.", c.as_str().trim_end_matches('.'))
}

/// One column of the mapping form.
struct Column {
    header: String,
    chosen: String,
}

#[derive(Template)]
#[template(path = "import_run.html")]
struct RunPage {
    l: Layout,
    id: String,
    file: String,
    size: String,
    when: String,
    state: String,
    running: bool,
    interrupted: bool,
    /// An import that stopped (interrupted or failed) after finishing some lines.
    resumable: bool,
    has_file: bool,
    dry_run: bool,
    /// The counts in words (what would be done, for a check).
    counts: String,
    finished: bool,
    failed: Option<String>,
    /// Percent of the file read.
    percent: i64,
    last_line: i64,
    lines: Vec<(i64, String, String)>,
    more_lines: bool,
    more_lines_text: String,
    /// The consent-claimed line, with its link and tag.
    claimed: String,
    help: Help,
    error: Option<String>,
    columns: Vec<Column>,
    targets: Vec<String>,
    purposes: Vec<(String, String)>,
    purpose: String,
    bases: Vec<(&'static str, String)>,
    basis: String,
    notices: Vec<(String, String)>,
    notice: String,
    channels: Vec<(&'static str, String, bool)>,
    act: String,
    /// The purpose of the file's lawful-basis column.
    basis_purpose: String,
    /// Rows whose file claimed consent without proof.
    consent_claimed: i64,
    /// The Art. 14 notice panel (an import that created contacts).
    art14: Option<super::art14::RunNotice>,
    /// What sending the notices just did, in words.
    art14_sent: Option<String>,
}

/// The mapping form's explanations, with their code samples.
struct Help {
    columns: String,
    file_basis: String,
    consent: String,
    channels: String,
    act: String,
}

impl Help {
    fn of(tr: &Tr) -> Help {
        Help {
            columns: rich(
                tr,
                "import-columns-help",
                &[],
                &[("custom", code("custom.")), ("consent", code("consent_"))],
            ),
            file_basis: rich(tr, "import-file-basis-help", &[], &[("column", code("lawful_basis"))]),
            consent: rich(
                tr,
                "import-consent-help",
                &[],
                &[("at", code("consent_at")), ("evidence", code("consent_evidence"))],
            ),
            channels: rich(tr, "import-channels", &[], &[("column", code("consent_channels"))]),
            act: rich(tr, "import-act", &[], &[("column", code("consent_act"))]),
        }
    }
}

async fn run_view(
    app: &App,
    s: &kith_app::sessions::Session,
    v: RunView,
    chosen: Option<RunOptions>,
    error: Option<String>,
) -> Result<RunPage, PageError> {
    let o = chosen.unwrap_or_else(|| v.options.clone());
    let p = v.run.progress;
    let purposes = app.purposes(&s.principal).await?;
    let notices = app.notices(&s.principal).await?;
    let policy = app.field_policy(&s.principal).await?;
    let art14 = super::art14::run_notice(app, s, &v).await?;
    let percent = if v.run.file_bytes > 0 { (p.read_bytes * 100 / v.run.file_bytes).clamp(0, 100) } else { 0 };
    let tr = &s.tr;
    let ask_again = format!("/contacts?tag={}", kith_app::import::ASK_AGAIN_TAG);
    let claimed = rich(
        tr,
        if v.run.dry_run { "import-claimed-dry" } else { "import-claimed" },
        &[("n", Arg::Str(tr.number(i128::from(p.consent_claimed))))],
        &[("link", link(&ask_again, &tr.t("import-claimed-link"))), ("tag", code(kith_app::import::ASK_AGAIN_TAG))],
    );
    let size = format!("{:.1}", v.run.file_bytes as f64 / 1024.0).replace('.', &tr.t("fmt-decimal"));
    Ok(RunPage {
        l: layout(s, "privacy"),
        id: v.run.id.to_string(),
        file: v.run.file_name.clone(),
        size: tr.t1("import-size", "size", size),
        when: tr.date_time(v.run.created_at),
        state: state(tr, &v),
        counts: counts(tr, &v, v.run.dry_run),
        running: v.running,
        interrupted: v.interrupted,
        resumable: v.run.has_file
            && !v.run.dry_run
            && v.run.progress.last_line > 0
            && (v.interrupted || v.run.phase == phase::FAILED),
        has_file: v.run.has_file,
        dry_run: v.run.dry_run,
        finished: matches!(v.run.phase.as_str(), phase::CHECKED | phase::IMPORTED | phase::FAILED),
        failed: (v.run.phase == phase::FAILED).then(|| v.run.error.clone().unwrap_or_default()),
        percent,
        last_line: p.last_line,
        more_lines: v.lines.len() >= kith_app::import_runs::MAX_LINES,
        more_lines_text: rich(tr, "import-more-lines", &[], &[("flag", code("--report"))]),
        claimed,
        help: Help::of(tr),
        lines: v.lines.into_iter().map(|l| (l.line, outcome(tr, &l.outcome), l.reason)).collect(),
        error,
        columns: o
            .mapping
            .iter()
            .map(|(h, t)| Column { header: h.clone(), chosen: t.clone().unwrap_or_default() })
            .collect(),
        targets: Target::ALL
            .iter()
            .map(|(n, _)| (*n).to_owned())
            .chain(policy.fields.iter().filter(|f| f.enabled && f.is_custom()).map(|f| f.key.clone()))
            .collect(),
        purposes: purposes.into_iter().map(|p| (p.id.to_string(), p.name)).collect(),
        purpose: o.purpose.map(|p| p.to_string()).unwrap_or_default(),
        bases: LawfulBasis::ALL
            .iter()
            .filter(|b| **b != LawfulBasis::NotApplicable)
            .map(|b| (b.as_str(), tr.t(&format!("import-basis-{}", b.as_str().replace('_', "-")))))
            .collect(),
        basis: o.basis.map(|b| b.as_str().to_owned()).unwrap_or_default(),
        notices: notices
            .into_iter()
            .map(|n| (n.id.to_string(), format!("{} (v{}, {})", n.name, n.version, n.language)))
            .collect(),
        notice: o.notice.map(|n| n.to_string()).unwrap_or_default(),
        channels: Channel::ALL
            .iter()
            .map(|c| (c.as_str(), tr.t(&format!("import-channel-{}", c.as_str())), o.channels.contains(c)))
            .collect(),
        act: o.affirmative_act.clone().unwrap_or_default(),
        basis_purpose: o.basis_purpose.map(|p| p.to_string()).unwrap_or_default(),
        consent_claimed: p.consent_claimed,
        art14,
        art14_sent: None,
    })
}

fn run_id(id: &str) -> Result<Uuid, PageError> {
    Uuid::parse_str(id).map_err(|_| AppError::NotFound("import").into())
}

/// What sending the Art. 14 notices did, carried back in the address.
#[derive(Deserialize, Default)]
#[serde(default)]
struct Sent {
    art14: String,
    no_address: String,
    restricted: String,
}

async fn run_page(
    State(app): State<App>,
    Staff(s): Staff,
    Path(id): Path<String>,
    axum::extract::Query(sent): axum::extract::Query<Sent>,
) -> PageResult {
    let v = app.import_run(&s.principal, run_id(&id)?).await?;
    let mut page = run_view(&app, &s, v, None, None).await?;
    let tr = &s.tr;
    page.art14_sent = sent.art14.parse::<u64>().ok().map(|n| {
        let without = sent.no_address.parse::<u64>().unwrap_or(0);
        let restricted = sent.restricted.parse::<u64>().unwrap_or(0);
        let mut out = vec![tr.t1("import-art14-queued", "n", n)];
        if without > 0 {
            out.push(tr.t1("import-art14-no-address", "n", without));
        }
        if restricted > 0 {
            out.push(tr.t1("import-art14-restricted", "n", restricted));
        }
        out.join(" ")
    });
    Ok(render(&page))
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct RunForm {
    mode: String,
    /// One per column, in order: a field name, or empty to ignore the column.
    col: Vec<String>,
    purpose: String,
    basis: String,
    notice: String,
    channel: Vec<String>,
    act: String,
    basis_purpose: String,
}

impl RunForm {
    /// The options as chosen, or why they cannot be read.
    fn options(&self, tr: &Tr, stored: &RunOptions) -> Result<RunOptions, String> {
        if self.col.len() != stored.mapping.len() {
            return Err(tr.t("import-columns-changed"));
        }
        let mut mapping = Vec::with_capacity(self.col.len());
        for ((h, _), c) in stored.mapping.iter().zip(&self.col) {
            let t = match c.trim() {
                "" => None,
                f => Some(Target::parse(f).ok_or_else(|| tr.t1("import-unknown-field", "column", h))?.name()),
            };
            mapping.push((h.clone(), t));
        }
        let purpose = match self.purpose.trim() {
            "" => None,
            p => Some(PurposeId(Uuid::parse_str(p).map_err(|_| tr.t("import-choose-purpose"))?)),
        };
        let basis = match self.basis.trim() {
            "" => None,
            b => Some(LawfulBasis::parse(b).ok_or_else(|| tr.t("import-choose-basis"))?),
        };
        let notice = match self.notice.trim() {
            "" => None,
            n => Some(Uuid::parse_str(n).map_err(|_| tr.t("import-choose-notice"))?),
        };
        let channels = self
            .channel
            .iter()
            .map(|c| Channel::parse(c).ok_or_else(|| tr.t("import-choose-channels")))
            .collect::<Result<Vec<_>, _>>()?;
        let act = self.act.trim();
        let basis_purpose = match self.basis_purpose.trim() {
            "" => None,
            p => Some(PurposeId(Uuid::parse_str(p).map_err(|_| tr.t("import-choose-purpose"))?)),
        };
        Ok(RunOptions {
            basis_purpose,
            mapping,
            purpose,
            basis,
            notice,
            channels,
            affirmative_act: (!act.is_empty()).then(|| act.chars().take(500).collect()),
        })
    }
}

async fn act(
    State(app): State<App>,
    Path(id): Path<String>,
    StaffForm { staff: s, form }: StaffForm<RunForm>,
) -> PageResult {
    let id = run_id(&id)?;
    let v = app.import_run(&s.principal, id).await?;
    let done = Redirect::to(&format!("/import/{id}")).into_response();
    if form.mode == "discard" {
        app.discard_import(&s.principal, id).await?;
        return Ok(done);
    }
    if !v.run.has_file {
        let msg = s.tr.t("import-gone");
        return Ok(render_status(StatusCode::CONFLICT, &run_view(&app, &s, v, None, Some(msg)).await?));
    }
    let chosen = match form.options(&s.tr, &v.options) {
        Ok(o) => o,
        Err(msg) => {
            return Ok(render_status(StatusCode::UNPROCESSABLE_ENTITY, &run_view(&app, &s, v, None, Some(msg)).await?))
        }
    };
    let (dry_run, resume) = match form.mode.as_str() {
        "check" => (true, false),
        "import" => (false, false),
        "resume" => (v.run.dry_run, true),
        _ => {
            let msg = s.tr.t("import-choose-mode");
            return Ok(render_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                &run_view(&app, &s, v, Some(chosen), Some(msg)).await?,
            ));
        }
    };
    match app.start_import(&s.principal, id, dry_run, chosen.clone(), resume).await {
        Ok(()) => Ok(done),
        Err(AppError::Invalid(inv)) => {
            let msg = inv.0.iter().map(|e| sentence(&e.message)).collect::<Vec<_>>().join(" ");
            Ok(render_status(StatusCode::UNPROCESSABLE_ENTITY, &run_view(&app, &s, v, Some(chosen), Some(msg)).await?))
        }
        Err(AppError::Conflict(msg)) => {
            Ok(render_status(StatusCode::CONFLICT, &run_view(&app, &s, v, Some(chosen), Some(msg)).await?))
        }
        Err(e) => Err(e.into()),
    }
}
