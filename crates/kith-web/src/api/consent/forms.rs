//! `/forms`: the public consent forms.

use crate::api::{BodyErrors, Errors};
use crate::extract::{Auth, Json, Path};
use crate::problem::ApiError;
use axum::extract::State;
use axum::http::StatusCode;
use kith_app::purposes::FormFields;
use kith_app::records::ConsentForm;
use kith_app::App;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

#[derive(Serialize, ToSchema)]
pub struct FormOut {
    pub id: Uuid,
    /// The public page is /f/{slug}.
    pub slug: String,
    pub title: String,
    pub intro: String,
    pub logo_url: Option<String>,
    pub fields: Vec<String>,
    pub subscription_type_ids: Vec<Uuid>,
    pub notice_id: Uuid,
    pub third_parties: Vec<String>,
    pub button: String,
    pub language: String,
    pub active: bool,
}

fn form_out(f: ConsentForm) -> FormOut {
    FormOut {
        id: f.id,
        slug: f.slug,
        title: f.title,
        intro: f.intro,
        logo_url: f.logo_url,
        fields: f.fields,
        subscription_type_ids: f.subscriptions,
        notice_id: f.notice,
        third_parties: f.third_parties,
        button: f.button,
        language: f.language,
        active: f.active,
    }
}

#[derive(Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct FormIn {
    /// Lowercase letters, digits and dashes.
    pub slug: String,
    pub title: String,
    #[serde(default)]
    pub intro: String,
    pub logo_url: Option<String>,
    /// Besides the email: first_name, last_name, phone.
    #[serde(default)]
    pub fields: Vec<String>,
    /// Offered as separate, unticked boxes.
    pub subscription_type_ids: Vec<Uuid>,
    pub notice_id: Uuid,
    /// Named in a separate, unticked sharing box.
    #[serde(default)]
    pub third_parties: Vec<String>,
    pub button: String,
    /// en or it.
    pub language: String,
    #[serde(default = "yes")]
    pub active: bool,
}

fn yes() -> bool {
    true
}

fn form_fields(b: FormIn) -> FormFields {
    FormFields {
        slug: b.slug,
        title: b.title,
        intro: b.intro,
        logo_url: b.logo_url,
        fields: b.fields,
        subscriptions: b.subscription_type_ids,
        notice: b.notice_id,
        third_parties: b.third_parties,
        button: b.button,
        language: b.language,
        active: b.active,
    }
}

#[utoipa::path(get, path = "/forms", tag = "consent", responses((status = 200, body = Vec<FormOut>), Errors))]
pub(super) async fn list_forms(State(app): State<App>, Auth(p): Auth) -> Result<Json<Vec<FormOut>>, ApiError> {
    Ok(Json(app.consent_forms(&p).await?.into_iter().map(form_out).collect()))
}

/// Create a public consent form (admin, dpo).
#[utoipa::path(post, path = "/forms", tag = "consent", request_body = FormIn, responses((status = 201, body = FormOut), (status = 409, description = "Slug taken", body = crate::problem::Problem, content_type = "application/problem+json"), Errors, BodyErrors))]
pub(super) async fn create_form(
    State(app): State<App>,
    Auth(p): Auth,
    Json(b): Json<FormIn>,
) -> Result<(StatusCode, Json<FormOut>), ApiError> {
    Ok((StatusCode::CREATED, Json(form_out(app.save_form(&p, None, form_fields(b)).await?))))
}

/// Replace a consent form (admin, dpo).
#[utoipa::path(put, path = "/forms/{id}", tag = "consent", params(("id" = Uuid, Path)), request_body = FormIn, responses((status = 200, body = FormOut), (status = 409, description = "Slug taken", body = crate::problem::Problem, content_type = "application/problem+json"), Errors, BodyErrors))]
pub(super) async fn update_form(
    State(app): State<App>,
    Auth(p): Auth,
    Path(id): Path<Uuid>,
    Json(b): Json<FormIn>,
) -> Result<Json<FormOut>, ApiError> {
    Ok(Json(form_out(app.save_form(&p, Some(id), form_fields(b)).await?)))
}
