//! `/breaches`: the breach register (Art. 33–34), its notices and the
//! 72-hour clock (dpo, admin). Part of the register's API; the people
//! affected are found under `/breaches/{id}/affected` (its own module).

mod dto;

pub use dto::*;

use super::{BodyErrors, Errors};
use crate::extract::{Auth, Json, Path};
use crate::problem::ApiError;
use axum::extract::State;
use axum::http::StatusCode;
use kith_app::breaches::notices::NoticeRequest;
use kith_app::breaches::NewBreach;
use kith_app::App;
use kith_domain::breach::notice::{Audience, NoticeKind};
use kith_domain::FieldError;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;
use uuid::Uuid;

#[utoipa::path(operation_id = "breaches_list", get, path = "/breaches", tag = "breaches", responses((status = 200, body = Vec<BreachOut>), Errors))]
async fn list(State(app): State<App>, Auth(p): Auth) -> Result<Json<Vec<BreachOut>>, ApiError> {
    Ok(Json(app.breaches(&p).await?.iter().map(breach_out).collect()))
}

#[utoipa::path(operation_id = "breaches_create", post, path = "/breaches", tag = "breaches", request_body = BreachIn, responses((status = 201, body = BreachOut), Errors, BodyErrors))]
async fn create(
    State(app): State<App>,
    Auth(p): Auth,
    Json(b): Json<BreachIn>,
) -> Result<(StatusCode, Json<BreachOut>), ApiError> {
    let (reference, breach, aware_at, aware_evidence) = record_of(b)?;
    let id = app.create_breach(&p, NewBreach { reference, breach, aware_at, aware_evidence }).await?;
    Ok((StatusCode::CREATED, Json(breach_out(&app.breach(&p, id).await?))))
}

#[utoipa::path(operation_id = "breaches_get", get, path = "/breaches/{id}", tag = "breaches", params(("id" = Uuid, Path)), responses((status = 200, body = BreachOut), Errors))]
async fn get(State(app): State<App>, Auth(p): Auth, Path(id): Path<Uuid>) -> Result<Json<BreachOut>, ApiError> {
    Ok(Json(breach_out(&app.breach(&p, id).await?)))
}

#[utoipa::path(operation_id = "breaches_update", patch, path = "/breaches/{id}", tag = "breaches", params(("id" = Uuid, Path)), request_body = BreachPatch, responses((status = 200, body = BreachOut), Errors, BodyErrors))]
async fn update(
    State(app): State<App>,
    Auth(p): Auth,
    Path(id): Path<Uuid>,
    Json(b): Json<BreachPatch>,
) -> Result<Json<BreachOut>, ApiError> {
    let cur = app.breach(&p, id).await?;
    let (_, breach, aware_at, aware_evidence) = record_of(patched(&cur, b))?;
    app.update_breach(&p, id, breach, aware_at, aware_evidence).await?;
    Ok(Json(breach_out(&app.breach(&p, id).await?)))
}

#[utoipa::path(operation_id = "breaches_correct_aware_at", post, path = "/breaches/{id}/aware-at", tag = "breaches", params(("id" = Uuid, Path)), request_body = AwareCorrectionIn, responses((status = 200, body = BreachOut), Errors, BodyErrors))]
async fn correct_aware_at(
    State(app): State<App>,
    Auth(p): Auth,
    Path(id): Path<Uuid>,
    Json(b): Json<AwareCorrectionIn>,
) -> Result<Json<BreachOut>, ApiError> {
    let mut inv = Vec::new();
    let at = time_of(&mut inv, "aware_at", Some(&b.aware_at));
    let Some(at) = at else {
        if inv.is_empty() {
            inv.push(FieldError::new("aware_at", "required"));
        }
        return Err(ApiError::invalid(inv));
    };
    app.correct_breach_aware_at(&p, id, at, b.evidence, b.reason).await?;
    Ok(Json(breach_out(&app.breach(&p, id).await?)))
}

#[utoipa::path(operation_id = "breaches_notices", get, path = "/breaches/{id}/notices", tag = "breaches", params(("id" = Uuid, Path)), responses((status = 200, body = Vec<BreachNoticeOut>), Errors))]
async fn notices(
    State(app): State<App>,
    Auth(p): Auth,
    Path(id): Path<Uuid>,
) -> Result<Json<Vec<BreachNoticeOut>>, ApiError> {
    Ok(Json(app.breach(&p, id).await?.notices.iter().map(notice_out).collect()))
}

#[utoipa::path(operation_id = "breaches_draft_notice", post, path = "/breaches/{id}/notices", tag = "breaches", params(("id" = Uuid, Path)), request_body = BreachNoticeIn, responses((status = 201, body = BreachNoticeOut), Errors, BodyErrors))]
async fn draft_notice(
    State(app): State<App>,
    Auth(p): Auth,
    Path(id): Path<Uuid>,
    Json(b): Json<BreachNoticeIn>,
) -> Result<(StatusCode, Json<BreachNoticeOut>), ApiError> {
    let mut inv = Vec::new();
    let audience = Audience::parse(b.audience.trim());
    if audience.is_none() {
        inv.push(FieldError::new("audience", "one of authority, people"));
    }
    let kind = match b.kind.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        None => Some(if b.follows.is_some() { NoticeKind::FollowUp } else { NoticeKind::Initial }),
        Some(k) => NoticeKind::parse(k),
    };
    if kind.is_none() {
        inv.push(FieldError::new("kind", "one of initial, follow_up, bundled"));
    }
    let (Some(audience), Some(kind)) = (audience, kind) else { return Err(ApiError::invalid(inv)) };
    let r = NoticeRequest { audience, kind, follows: b.follows, authority: b.authority, bundled: b.bundled };
    let notice = app.draft_breach_notice(&p, id, r).await?;
    Ok((StatusCode::CREATED, Json(notice_out(&app.breach_notice(&p, id, notice).await?))))
}

#[utoipa::path(operation_id = "breaches_notice", get, path = "/breaches/{id}/notices/{notice}", tag = "breaches", params(("id" = Uuid, Path), ("notice" = Uuid, Path)), responses((status = 200, body = BreachNoticeOut), Errors))]
async fn notice(
    State(app): State<App>,
    Auth(p): Auth,
    Path((id, notice)): Path<(Uuid, Uuid)>,
) -> Result<Json<BreachNoticeOut>, ApiError> {
    Ok(Json(notice_out(&app.breach_notice(&p, id, notice).await?)))
}

#[utoipa::path(operation_id = "breaches_send_notice", post, path = "/breaches/{id}/notices/{notice}/send", tag = "breaches", params(("id" = Uuid, Path), ("notice" = Uuid, Path)), request_body = BreachNoticeSendIn, responses((status = 200, body = BreachSendOut), Errors, BodyErrors))]
async fn send_notice(
    State(app): State<App>,
    Auth(p): Auth,
    Path((id, notice)): Path<(Uuid, Uuid)>,
    Json(b): Json<BreachNoticeSendIn>,
) -> Result<Json<BreachSendOut>, ApiError> {
    let mut inv = Vec::new();
    let sent_at = time_of(&mut inv, "sent_at", b.sent_at.as_deref());
    if !inv.is_empty() {
        return Err(ApiError::invalid(inv));
    }
    let queued = app.send_breach_notice(&p, id, notice, sent_at, b.delay_reason).await?;
    Ok(Json(BreachSendOut { queued, notice: notice_out(&app.breach_notice(&p, id, notice).await?) }))
}

pub fn router() -> OpenApiRouter<App> {
    OpenApiRouter::new()
        .routes(routes!(list, create))
        .routes(routes!(get, update))
        .routes(routes!(correct_aware_at))
        .routes(routes!(notices, draft_notice))
        .routes(routes!(notice))
        .routes(routes!(send_notice))
}
