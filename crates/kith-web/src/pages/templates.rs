//! Templates: mail templates with a subject and a body per language (one
//! plain section each, no script), the merge fields they may use, a
//! preview against a contact chosen from a list or a search, and a test
//! send to oneself (marketing, dpo, admin change them).

use super::form::{NoFields, StaffForm};
use super::session::{layout, Staff};
use super::view::Layout;
use super::{render, render_status, Id, PageResult};
use axum::extract::State;
use axum::response::{IntoResponse, Redirect};
use axum::routing::{get, post};
use axum::Router;
use kith_app::contacts::ContactQuery;
use kith_app::sessions::Session;
use kith_app::templates::{Rendered, Template, TemplateInput};
use kith_app::{App, AppError};
use kith_domain::template::{TemplateKind, TemplateText, FIELDS, LANGUAGES};
use kith_domain::{Invalid, SubjectId};
use kith_i18n::{language_name, Arg, Tr};
use serde::Deserialize;
use uuid::Uuid;

pub(super) fn router() -> Router<App> {
    Router::new()
        .route("/templates", get(list).post(create))
        .route("/templates/new", get(new))
        .route("/templates/{id}", get(edit).post(update))
        .route("/templates/{id}/delete", post(delete))
        .route("/templates/{id}/preview", post(preview))
        .route("/templates/{id}/test-send", post(test_send))
}

/// A message some of whose variables are markup (a link, a code sample):
/// the words are escaped, the markup goes in as given. Templates show it
/// with `|safe`.
pub(crate) fn rich(tr: &Tr, id: &str, words: &[(&str, Arg)], markup: &[(&str, String)]) -> String {
    let mark = |i: usize| format!("\u{e000}{i}\u{e001}");
    let mut args: Vec<(&str, Arg)> = words.to_vec();
    args.extend(markup.iter().enumerate().map(|(i, (k, _))| (*k, Arg::Str(mark(i)))));
    let mut out = escape(&tr.ta(id, &args));
    for (i, (_, html)) in markup.iter().enumerate() {
        out = out.replace(&mark(i), html);
    }
    out
}

/// Text made safe to put in HTML.
pub(crate) fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A code sample as markup, for [`rich`].
pub(crate) fn code(s: &str) -> String {
    format!("<code>{}</code>", escape(s))
}

/// A link as markup, for [`rich`].
pub(crate) fn link(href: &str, text: &str) -> String {
    format!("<a href=\"{}\">{}</a>", escape(href), escape(text))
}

/// A template kind as the reader reads it.
fn kind_name(tr: &Tr, k: TemplateKind) -> String {
    tr.t(&format!("templates-kind-{}", k.as_str().replace('_', "-")))
}

/// The form as posted: one subject and body per language.
#[derive(Deserialize, Default, Clone)]
#[serde(default)]
struct TemplateForm {
    name: String,
    kind: String,
    subject_en: String,
    body_en: String,
    subject_it: String,
    body_it: String,
    subject_fr: String,
    body_fr: String,
    subject_bg: String,
    body_bg: String,
    subject_de: String,
    body_de: String,
    subject_es: String,
    body_es: String,
}

/// One language's section of the form.
struct Section {
    lang: &'static str,
    label: String,
    subject: String,
    body: String,
    subject_error: Option<String>,
    body_error: Option<String>,
}

impl TemplateForm {
    fn of(t: &Template) -> Self {
        let mut f = TemplateForm { name: t.name.clone(), kind: t.kind.as_str().into(), ..Default::default() };
        for x in &t.texts {
            if let Some((s, b)) = f.slot(&x.language) {
                *s = x.subject.clone();
                *b = x.body.clone();
            }
        }
        f
    }

    fn slot(&mut self, lang: &str) -> Option<(&mut String, &mut String)> {
        Some(match lang {
            "en" => (&mut self.subject_en, &mut self.body_en),
            "it" => (&mut self.subject_it, &mut self.body_it),
            "fr" => (&mut self.subject_fr, &mut self.body_fr),
            "bg" => (&mut self.subject_bg, &mut self.body_bg),
            "de" => (&mut self.subject_de, &mut self.body_de),
            "es" => (&mut self.subject_es, &mut self.body_es),
            _ => return None,
        })
    }

    /// The texts filled in (a language with neither subject nor body is left out).
    fn texts(&self) -> Vec<TemplateText> {
        let mut f = self.clone();
        LANGUAGES
            .iter()
            .filter_map(|l| {
                let (s, b) = f.slot(l)?;
                (!s.trim().is_empty() || !b.trim().is_empty()).then(|| TemplateText {
                    language: (*l).to_owned(),
                    subject: s.clone(),
                    body: b.clone(),
                })
            })
            .collect()
    }

    fn input(&self, tr: &Tr) -> Result<TemplateInput, Invalid> {
        let kind =
            TemplateKind::parse(&self.kind).ok_or_else(|| Invalid::one("kind", tr.t("templates-choose-kind")))?;
        Ok(TemplateInput { name: self.name.clone(), kind, texts: self.texts() })
    }

    fn sections(&self, inv: Option<&Invalid>) -> Vec<Section> {
        let mut f = self.clone();
        let err = |field: String| inv.and_then(|i| i.0.iter().find(|e| e.field == field)).map(|e| e.message.clone());
        LANGUAGES
            .iter()
            .filter_map(|l| {
                let (s, b) = f.slot(l)?;
                Some(Section {
                    lang: l,
                    label: language_name(l),
                    subject: s.clone(),
                    body: b.clone(),
                    subject_error: err(format!("texts.{l}.subject")),
                    body_error: err(format!("texts.{l}.body")),
                })
            })
            .collect()
    }
}

/// A template as the list shows it.
struct Line {
    id: String,
    name: String,
    kind: String,
    languages: String,
}

#[derive(askama::Template)]
#[template(path = "mail_templates.html")]
struct ListPage {
    l: Layout,
    lines: Vec<Line>,
    can_change: bool,
    notice: Option<String>,
    /// The introduction, with its merge-field example.
    intro: String,
}

/// A contact to preview with: id, name shown.
struct Choice {
    id: String,
    name: String,
}

#[derive(askama::Template)]
#[template(path = "mail_template_edit.html")]
struct EditPage {
    l: Layout,
    /// Empty for a new template.
    id: String,
    f: TemplateForm,
    sections: Vec<Section>,
    kinds: Vec<(&'static str, String)>,
    fields: Vec<(&'static str, String)>,
    /// The texts with merge-field examples in them.
    help: String,
    fields_help: String,
    /// Errors not shown beside a field.
    others: Vec<String>,
    name_error: Option<String>,
    kind_error: Option<String>,
    has_errors: bool,
    can_change: bool,
    /// Preview: contacts to choose from, the search typed, the result.
    choices: Vec<Choice>,
    q: String,
    chosen: String,
    languages: Vec<(&'static str, String)>,
    language: String,
    rendered: Option<Rendered>,
    notice: Option<String>,
}

fn may_change(s: &Session) -> bool {
    s.role().can_manage_templates()
}

async fn list(State(app): State<App>, Staff(s): Staff, q: axum::extract::RawQuery) -> PageResult {
    let lines = app
        .templates(&s.principal)
        .await?
        .into_iter()
        .map(|t| Line {
            id: t.id.to_string(),
            name: t.name,
            kind: kind_name(&s.tr, t.kind),
            languages: t.texts.iter().map(|x| language_name(&x.language)).collect::<Vec<_>>().join(", "),
        })
        .collect();
    let notice = match q.0.as_deref() {
        Some("deleted=1") => Some(s.tr.t("templates-deleted")),
        _ => None,
    };
    let bulk = Arg::Str(s.tr.t("templates-req-all-title"));
    let intro = rich(&s.tr, "templates-intro", &[("bulk", bulk)], &[("field", code("{{first_name}}"))]);
    Ok(render(&ListPage { l: layout(&s, "templates"), lines, can_change: may_change(&s), notice, intro }))
}

/// The preview's contact choices: those matching `q`, or the first of the list.
async fn choices(app: &App, s: &Session, q: &str) -> Result<Vec<Choice>, AppError> {
    let query =
        ContactQuery { q: (!q.trim().is_empty()).then(|| q.trim().to_owned()), limit: Some(20), ..Default::default() };
    let page = match app.list_contacts(&s.principal, query).await {
        Ok(p) => p,
        // A search the list refuses (too short…) shows no choice, not an error page.
        Err(AppError::Invalid(_)) => return Ok(Vec::new()),
        Err(e) => return Err(e),
    };
    Ok(page
        .items
        .into_iter()
        .map(|c| {
            let name = [c.data.first_name.as_deref(), c.data.last_name.as_deref()]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(" ");
            let name = match (name.is_empty(), c.data.emails.first()) {
                (false, _) => name,
                (true, Some(e)) => e.as_str().to_owned(),
                (true, None) => s.tr.t("contact-no-name"),
            };
            Choice { id: c.id.to_string(), name }
        })
        .collect())
}

struct Extra {
    inv: Option<Invalid>,
    q: String,
    chosen: String,
    language: String,
    rendered: Option<Rendered>,
    notice: Option<String>,
}

impl Extra {
    fn none() -> Extra {
        Extra {
            inv: None,
            q: String::new(),
            chosen: String::new(),
            language: String::new(),
            rendered: None,
            notice: None,
        }
    }
}

async fn form_page(app: &App, s: &Session, id: Option<Uuid>, f: TemplateForm, x: Extra) -> PageResult {
    if id.is_none() && !may_change(s) {
        return Err(AppError::Forbidden("manage mail templates").into());
    }
    let beside = |f: &str| {
        f == "name"
            || f == "kind"
            || LANGUAGES.iter().any(|l| f == format!("texts.{l}.subject") || f == format!("texts.{l}.body"))
    };
    let message = |f: &str| x.inv.as_ref().and_then(|i| i.0.iter().find(|e| e.field == f)).map(|e| e.message.clone());
    let (name_error, kind_error) = (message("name"), message("kind"));
    let others = x
        .inv
        .as_ref()
        .map(|i| {
            i.0.iter()
                .filter(|e| !beside(&e.field))
                .map(|e| if e.field.is_empty() { e.message.clone() } else { format!("{}: {}", e.field, e.message) })
                .collect()
        })
        .unwrap_or_default();
    let choices = match id {
        Some(_) => choices(app, s, &x.q).await?,
        None => Vec::new(),
    };
    let has_errors = x.inv.is_some();
    let page = EditPage {
        l: layout(s, "templates"),
        id: id.map(|i| i.to_string()).unwrap_or_default(),
        sections: f.sections(x.inv.as_ref()),
        f,
        kinds: TemplateKind::ALL.iter().map(|k| (k.as_str(), kind_name(&s.tr, *k))).collect(),
        fields: FIELDS.iter().map(|(n, _)| (*n, s.tr.t(&format!("templates-field-{}", n.replace('_', "-"))))).collect(),
        help: rich(&s.tr, "templates-help", &[], &[("field", code("{{confirm_url}}"))]),
        fields_help: rich(
            &s.tr,
            "templates-fields-help",
            &[],
            &[("plain", code("{{name}}")), ("fallback", code("{{name|fallback}}"))],
        ),
        others,
        name_error,
        kind_error,
        has_errors,
        can_change: may_change(s),
        choices,
        q: x.q,
        chosen: x.chosen,
        languages: LANGUAGES.iter().map(|l| (*l, language_name(l))).collect(),
        language: x.language,
        rendered: x.rendered,
        notice: x.notice,
    };
    let status = if has_errors { axum::http::StatusCode::UNPROCESSABLE_ENTITY } else { axum::http::StatusCode::OK };
    Ok(render_status(status, &page))
}

async fn new(State(app): State<App>, Staff(s): Staff) -> PageResult {
    let f = TemplateForm { kind: "consent_request".into(), ..Default::default() };
    form_page(&app, &s, None, f, Extra::none()).await
}

fn invalid_of(e: AppError) -> Result<Invalid, AppError> {
    match e {
        AppError::Invalid(inv) => Ok(inv),
        AppError::Conflict(m) => Ok(Invalid::one("", m)),
        e => Err(e),
    }
}

async fn create(State(app): State<App>, StaffForm { staff, form }: StaffForm<TemplateForm>) -> PageResult {
    let r = match form.input(&staff.tr) {
        Ok(i) => app.create_template(&staff.principal, i).await,
        Err(e) => Err(e.into()),
    };
    match r {
        Ok(t) => Ok(Redirect::to(&format!("/templates/{}?saved=1", t.id)).into_response()),
        Err(e) => {
            let inv = invalid_of(e)?;
            form_page(&app, &staff, None, form, Extra { inv: Some(inv), ..Extra::none() }).await
        }
    }
}

async fn edit(State(app): State<App>, Staff(s): Staff, Id(id): Id<Uuid>, q: axum::extract::RawQuery) -> PageResult {
    let t = app.template(&s.principal, id).await?;
    let notice = match q.0.as_deref() {
        Some("saved=1") => Some(s.tr.t("templates-saved")),
        _ => None,
    };
    form_page(&app, &s, Some(id), TemplateForm::of(&t), Extra { notice, ..Extra::none() }).await
}

async fn update(
    State(app): State<App>,
    Id(id): Id<Uuid>,
    StaffForm { staff, form }: StaffForm<TemplateForm>,
) -> PageResult {
    let r = match form.input(&staff.tr) {
        Ok(i) => app.update_template(&staff.principal, id, i).await,
        Err(e) => Err(e.into()),
    };
    match r {
        Ok(t) => Ok(Redirect::to(&format!("/templates/{}?saved=1", t.id)).into_response()),
        Err(e) => {
            let inv = invalid_of(e)?;
            form_page(&app, &staff, Some(id), form, Extra { inv: Some(inv), ..Extra::none() }).await
        }
    }
}

async fn delete(State(app): State<App>, Id(id): Id<Uuid>, StaffForm { staff, .. }: StaffForm<NoFields>) -> PageResult {
    match app.delete_template(&staff.principal, id).await {
        Ok(()) => Ok(Redirect::to("/templates?deleted=1").into_response()),
        Err(AppError::Conflict(m)) => {
            let t = app.template(&staff.principal, id).await?;
            let x = Extra { inv: Some(Invalid::one("", m)), ..Extra::none() };
            form_page(&app, &staff, Some(id), TemplateForm::of(&t), x).await
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct PreviewForm {
    /// A search to narrow the contacts listed.
    q: String,
    /// The contact chosen (empty: only search).
    contact: String,
    /// A language, or empty for the contact's own.
    language: String,
}

async fn preview(
    State(app): State<App>,
    Id(id): Id<Uuid>,
    StaffForm { staff, form }: StaffForm<PreviewForm>,
) -> PageResult {
    let t = app.template(&staff.principal, id).await?;
    let mut x =
        Extra { q: form.q.clone(), chosen: form.contact.clone(), language: form.language.clone(), ..Extra::none() };
    if let Some(c) = Some(form.contact.trim()).filter(|c| !c.is_empty()) {
        let contact = Uuid::parse_str(c)
            .map(SubjectId)
            .map_err(|_| AppError::from(Invalid::one("contact", staff.tr.t("templates-not-a-choice"))));
        let lang = Some(form.language.trim()).filter(|l| !l.is_empty());
        let r = match contact {
            Ok(c) => app.preview_template(&staff.principal, id, c, lang).await,
            Err(e) => Err(e),
        };
        match r {
            Ok(r) => x.rendered = Some(r),
            Err(e) => x.inv = Some(invalid_of(e)?),
        }
    }
    form_page(&app, &staff, Some(id), TemplateForm::of(&t), x).await
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct TestSendForm {
    language: String,
}

async fn test_send(
    State(app): State<App>,
    Id(id): Id<Uuid>,
    StaffForm { staff, form }: StaffForm<TestSendForm>,
) -> PageResult {
    let t = app.template(&staff.principal, id).await?;
    let lang = Some(form.language.trim()).filter(|l| !l.is_empty());
    let x = match app.test_send_template(&staff.principal, id, lang).await {
        Ok(to) => Extra { notice: Some(staff.tr.t1("templates-test-sent", "to", to)), ..Extra::none() },
        Err(e) => Extra { inv: Some(invalid_of(e)?), ..Extra::none() },
    };
    form_page(&app, &staff, Some(id), TemplateForm::of(&t), x).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rich_text_escapes_words_and_keeps_its_markup() {
        let tr = Tr::new("en");
        let out = rich(&tr, "templates-test-help", &[], &[("email", code("a<b>@example.com"))]);
        assert_eq!(
            out,
            "Sent to <code>a&lt;b&gt;@example.com</code> through the mail server, filled in with sample values \
             (no contact&#39;s data)."
        );
        let it =
            rich(&Tr::new("it"), "templates-req-old-count", &[("n", Arg::Num(1.0))], &[("count", "<b>1</b>".into())]);
        assert!(it.starts_with("<b>1</b> contatto ha dato"), "{it}");
    }

    #[test]
    fn plurals_and_text_after_them_render_in_every_language() {
        for lang in kith_i18n::languages() {
            let out = Tr::new(lang).t2("templates-req-asked", "asked", 3, "skipped", 1);
            assert!(out.contains('3') && out.contains('1') && out.len() > 40, "{lang}: {out}");
        }
    }
}
