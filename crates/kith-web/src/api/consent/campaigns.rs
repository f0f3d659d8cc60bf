//! `/consent-campaigns`: asking existing contacts for consent by mail.

use super::selection::{selection, SelectionIn};
use crate::api::{BodyErrors, Errors};
use crate::extract::{Auth, Json};
use crate::problem::ApiError;
use axum::extract::State;
use kith_app::campaigns::CampaignInput;
use kith_app::App;
use kith_domain::PurposeId;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CampaignIn {
    pub purpose_id: Uuid,
    pub notice_id: Uuid,
    /// Free text (required without `template_id`): the subject…
    #[serde(default)]
    pub mail_subject: String,
    /// …and the text; Kith appends the confirmation and unsubscribe links.
    #[serde(default)]
    pub mail_body: String,
    /// A consent request template (it must hold `{{confirm_url}}`): each
    /// person gets its text in their language, instead of the free text.
    #[serde(default)]
    pub template_id: Option<Uuid>,
    /// Re-permission: also ask people who gave consent under another notice
    /// than `notice_id` (pick them with `filter.segment` `old_notice=<purpose id>`); their
    /// consent stays valid until they answer.
    #[serde(default)]
    pub renew: bool,
    /// Days to answer before "not responded" (1–365).
    pub wait_days: i64,
    pub selection: SelectionIn,
}

#[derive(Serialize, ToSchema)]
pub struct CampaignOut {
    pub requested: u64,
    pub skipped: u64,
}

/// Ask existing contacts for consent by mail (double opt-in), with free text or a template (`template_id`).
#[utoipa::path(post, path = "/consent-campaigns", tag = "consent", request_body = CampaignIn, responses((status = 200, body = CampaignOut), Errors, BodyErrors))]
pub(super) async fn campaign(
    State(app): State<App>,
    Auth(p): Auth,
    Json(b): Json<CampaignIn>,
) -> Result<Json<CampaignOut>, ApiError> {
    let sel = selection(&app, b.selection).await?;
    let c = CampaignInput {
        purpose: PurposeId(b.purpose_id),
        notice: b.notice_id,
        mail_subject: b.mail_subject,
        mail_body: b.mail_body,
        wait_days: b.wait_days,
        template: b.template_id,
        renew: b.renew,
    };
    let r = app.run_campaign(&p, &sel, &c).await?;
    Ok(Json(CampaignOut { requested: r.requested, skipped: r.skipped }))
}
