//! `/templates`: mail templates (a subject and a body per language, with
//! merge fields), a preview for a real contact, and a test send to
//! oneself. Read: roles that manage templates or send consent requests;
//! change: marketing, dpo, admin.

use super::{BodyErrors, Errors};
use crate::extract::{Auth, Json, Path};
use crate::problem::ApiError;
use axum::extract::State;
use axum::http::StatusCode;
use kith_app::templates::{Rendered, Template, TemplateInput};
use kith_app::App;
use kith_domain::template::{check, TemplateKind, TemplateText};
use kith_domain::{FieldError, SubjectId};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;
use uuid::Uuid;

/// A template's subject and body in one language.
#[derive(Serialize, Deserialize, ToSchema, Clone)]
#[serde(deny_unknown_fields)]
pub struct TemplateTextIo {
    /// en, it, fr, bg, de or es.
    pub language: String,
    /// One line; merge fields allowed (`{{first_name}}`).
    #[schema(max_length = 200)]
    pub subject: String,
    /// Plain text (paragraphs separated by a blank line); merge fields
    /// allowed. A consent request must hold `{{confirm_url}}`.
    #[schema(max_length = 20000)]
    pub body: String,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TemplateIn {
    #[schema(max_length = 100)]
    pub name: String,
    /// newsletter, consent_request or notice.
    pub kind: String,
    /// One text per language, at least one.
    pub texts: Vec<TemplateTextIo>,
}

#[derive(Serialize, ToSchema)]
pub struct TemplateOut {
    pub id: Uuid,
    pub name: String,
    /// newsletter, consent_request or notice.
    pub kind: String,
    /// English first.
    pub texts: Vec<TemplateTextIo>,
    /// The merge fields the texts use.
    pub fields_used: Vec<String>,
    pub created_by: Option<Uuid>,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: time::OffsetDateTime,
    #[serde(with = "time::serde::rfc3339")]
    pub updated_at: time::OffsetDateTime,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PreviewIn {
    /// The contact whose values fill the merge fields.
    pub contact: Uuid,
    /// The text to show; by default the contact's language (else English, else the first).
    #[serde(default)]
    pub language: Option<String>,
}

/// A template filled in for one person.
#[derive(Serialize, ToSchema)]
pub struct RenderedOut {
    /// The language of the text used.
    pub language: String,
    pub subject: String,
    pub text: String,
    /// The HTML body: the text in paragraphs, every value escaped.
    pub html: String,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TestSendIn {
    /// The text to send; by default English, else the first.
    #[serde(default)]
    pub language: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct TestSendOut {
    /// Your own address, where the test went.
    pub sent_to: String,
}

pub(crate) fn template_out(t: Template) -> TemplateOut {
    let mut fields_used: Vec<String> = Vec::new();
    for x in &t.texts {
        for text in [&x.subject, &x.body] {
            for f in check(text).unwrap_or_default() {
                if !fields_used.iter().any(|u| u == f) {
                    fields_used.push(f.to_owned());
                }
            }
        }
    }
    TemplateOut {
        id: t.id,
        name: t.name,
        kind: t.kind.as_str().to_owned(),
        texts: t
            .texts
            .into_iter()
            .map(|x| TemplateTextIo { language: x.language, subject: x.subject, body: x.body })
            .collect(),
        fields_used,
        created_by: t.created_by.map(|u| u.0),
        created_at: t.created_at,
        updated_at: t.updated_at,
    }
}

fn input(b: TemplateIn) -> Result<TemplateInput, ApiError> {
    let kind = TemplateKind::parse(b.kind.trim()).ok_or_else(|| {
        ApiError::invalid(vec![FieldError::new("kind", "must be one of newsletter, consent_request, notice")])
    })?;
    Ok(TemplateInput {
        name: b.name,
        kind,
        texts: b
            .texts
            .into_iter()
            .map(|x| TemplateText { language: x.language, subject: x.subject, body: x.body })
            .collect(),
    })
}

pub(crate) fn rendered_out(r: Rendered) -> RenderedOut {
    RenderedOut { language: r.language, subject: r.subject, text: r.text, html: r.html }
}

/// Every template, by name.
#[utoipa::path(operation_id = "templates_list", get, path = "/templates", tag = "templates", responses((status = 200, body = Vec<TemplateOut>), Errors))]
async fn list(State(app): State<App>, Auth(p): Auth) -> Result<Json<Vec<TemplateOut>>, ApiError> {
    Ok(Json(app.templates(&p).await?.into_iter().map(template_out).collect()))
}

/// Save a template (marketing, dpo, admin). An unknown merge field, an unbalanced `{{`, or a consent request without `{{confirm_url}}` is a 422 naming the text (`texts.it.body`).
#[utoipa::path(operation_id = "templates_create", post, path = "/templates", tag = "templates", request_body = TemplateIn, responses((status = 201, body = TemplateOut), Errors, BodyErrors))]
async fn create(
    State(app): State<App>,
    Auth(p): Auth,
    Json(b): Json<TemplateIn>,
) -> Result<(StatusCode, Json<TemplateOut>), ApiError> {
    let t = app.create_template(&p, input(b)?).await?;
    Ok((StatusCode::CREATED, Json(template_out(t))))
}

#[utoipa::path(operation_id = "templates_get", get, path = "/templates/{id}", tag = "templates", params(("id" = Uuid, Path)), responses((status = 200, body = TemplateOut), Errors))]
async fn get(State(app): State<App>, Auth(p): Auth, Path(id): Path<Uuid>) -> Result<Json<TemplateOut>, ApiError> {
    Ok(Json(template_out(app.template(&p, id).await?)))
}

/// Replace a template's name, kind and texts.
#[utoipa::path(operation_id = "templates_update", put, path = "/templates/{id}", tag = "templates", params(("id" = Uuid, Path)), request_body = TemplateIn, responses((status = 200, body = TemplateOut), Errors, BodyErrors))]
async fn update(
    State(app): State<App>,
    Auth(p): Auth,
    Path(id): Path<Uuid>,
    Json(b): Json<TemplateIn>,
) -> Result<Json<TemplateOut>, ApiError> {
    Ok(Json(template_out(app.update_template(&p, id, input(b)?).await?)))
}

/// Delete a template (refused with 409 while an automatic consent request rule uses it; campaigns keep their own copy of what they sent).
#[utoipa::path(operation_id = "templates_delete", delete, path = "/templates/{id}", tag = "templates", params(("id" = Uuid, Path)), responses((status = 204, description = "Deleted"), Errors))]
async fn remove(State(app): State<App>, Auth(p): Auth, Path(id): Path<Uuid>) -> Result<StatusCode, ApiError> {
    app.delete_template(&p, id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// The template filled in for a real contact (an audited read of the contact; links that act as the person are hidden).
#[utoipa::path(operation_id = "templates_preview", post, path = "/templates/{id}/preview", tag = "templates", params(("id" = Uuid, Path)), request_body = PreviewIn, responses((status = 200, body = RenderedOut), Errors, BodyErrors))]
async fn preview(
    State(app): State<App>,
    Auth(p): Auth,
    Path(id): Path<Uuid>,
    Json(b): Json<PreviewIn>,
) -> Result<Json<RenderedOut>, ApiError> {
    let r = app.preview_template(&p, id, SubjectId(b.contact), b.language.as_deref()).await?;
    Ok(Json(rendered_out(r)))
}

/// Send the template, filled in with sample values, to your own address through SMTP (409 when no SMTP server is configured).
#[utoipa::path(operation_id = "templates_test_send", post, path = "/templates/{id}/test-send", tag = "templates", params(("id" = Uuid, Path)), request_body = TestSendIn, responses((status = 200, body = TestSendOut), Errors, BodyErrors))]
async fn test_send(
    State(app): State<App>,
    Auth(p): Auth,
    Path(id): Path<Uuid>,
    Json(b): Json<TestSendIn>,
) -> Result<Json<TestSendOut>, ApiError> {
    let sent_to = app.test_send_template(&p, id, b.language.as_deref()).await?;
    Ok(Json(TestSendOut { sent_to }))
}

pub fn router() -> OpenApiRouter<App> {
    OpenApiRouter::new()
        .routes(routes!(list, create))
        .routes(routes!(get, update, remove))
        .routes(routes!(preview))
        .routes(routes!(test_send))
}
