//! `/segments`: saved segments of the contact list (conditions on basis,
//! consent, permission to contact, restriction, objection, notice and
//! review, with plain list filters), their counts, and the audience export
//! for an outside mailer.

use super::{BodyErrors, Errors};
use crate::extract::{Auth, Json, Path, Query};
use crate::problem::ApiError;
use axum::extract::State;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use kith_app::records::SegmentAt;
use kith_app::segments::{AudienceMember, SavedSegment, MAX_AUDIENCE, MAX_AUDIENCE_PAGE};
use kith_app::App;
use kith_domain::segment::Segment;
use kith_domain::{Channel, FieldError, PurposeId};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;
use uuid::Uuid;

/// A saved segment.
#[derive(Serialize, ToSchema)]
pub struct SegmentOut {
    pub id: Uuid,
    pub name: String,
    /// The conditions and list filters as a query string: the same keys
    /// `GET /contacts` reads (`basis`, `consent`, `may`, `may_not`,
    /// `restricted`, `objected`, `old_notice`, `review_due`, `owner`, `tag`,
    /// `company`, `source`).
    pub query: String,
    pub owner_id: Uuid,
    /// Listed to the whole team, not only to its owner.
    pub shared: bool,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: time::OffsetDateTime,
    #[serde(with = "time::serde::rfc3339")]
    pub updated_at: time::OffsetDateTime,
}

fn out(s: SavedSegment) -> SegmentOut {
    SegmentOut {
        id: s.id,
        name: s.name,
        query: s.query,
        owner_id: s.owner.0,
        shared: s.shared,
        created_at: s.created_at,
        updated_at: s.updated_at,
    }
}

/// A segment to save: a name, and the contact list's query string.
#[derive(Deserialize, Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SegmentIn {
    #[schema(min_length = 1, max_length = 60)]
    pub name: String,
    /// E.g. `may=<purpose id>:email&tag=vip`. At least one condition or filter.
    #[schema(max_length = 4000)]
    pub query: String,
    /// Share it with the team (its owner or an admin).
    #[serde(default)]
    pub shared: bool,
}

#[derive(Serialize, ToSchema)]
pub struct SegmentList {
    pub items: Vec<SegmentOut>,
}

#[derive(Serialize, ToSchema)]
pub struct SegmentCount {
    /// Contacts in the segment now.
    pub count: i64,
}

/// What an audience export is for.
#[derive(Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct AudienceParams {
    /// The purpose the outside mailer sends for.
    pub purpose: Uuid,
    /// email, phone, sms or post.
    #[param(inline)]
    pub channel: ChannelDto,
    /// csv (every person, up to 50,000) or json (a page; the default).
    #[param(inline)]
    pub format: Option<FormatDto>,
    /// JSON: the `next_after` of the previous page.
    pub after: Option<Uuid>,
    /// JSON: people per page (default 100).
    #[param(minimum = 1, maximum = 1000)]
    pub limit: Option<i64>,
}

#[derive(Clone, Copy, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ChannelDto {
    Email,
    Phone,
    Sms,
    Post,
}

impl From<ChannelDto> for Channel {
    fn from(c: ChannelDto) -> Self {
        match c {
            ChannelDto::Email => Channel::Email,
            ChannelDto::Phone => Channel::Phone,
            ChannelDto::Sms => Channel::Sms,
            ChannelDto::Post => Channel::Post,
        }
    }
}

#[derive(Clone, Copy, Deserialize, ToSchema, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum FormatDto {
    Csv,
    Json,
}

/// One person of an audience.
#[derive(Serialize, ToSchema)]
pub struct AudienceMemberOut {
    pub id: Uuid,
    pub email: Option<String>,
    /// For the phone and sms channels.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    pub first_name: Option<String>,
    /// The language of the notice the person answered under, if known.
    pub language: Option<String>,
    /// The person's own one-click unsubscribe link for the purpose: put it
    /// in the mail (and its `List-Unsubscribe` header).
    pub unsubscribe_link: String,
    /// The person's own preference centre.
    pub preferences_link: String,
}

fn member(m: AudienceMember) -> AudienceMemberOut {
    AudienceMemberOut {
        id: m.id.0,
        email: m.email,
        phone: m.phone,
        first_name: m.first_name,
        language: m.language,
        unsubscribe_link: m.unsubscribe_link,
        preferences_link: m.preferences_link,
    }
}

/// A page of an audience.
#[derive(Serialize, ToSchema)]
pub struct AudienceOut {
    pub items: Vec<AudienceMemberOut>,
    /// Pass as `after` for the next page; absent on the last.
    pub next_after: Option<Uuid>,
}

/// A segment's query text read into a filter part evaluated now; errors
/// name `field` and the key.
pub(crate) fn parse_segment(field: &str, q: &str) -> Result<Option<SegmentAt>, ApiError> {
    let pairs = kith_domain::segment::decode_query(q)
        .ok_or_else(|| ApiError::invalid(vec![FieldError::new(field, "is not a query string")]))?;
    let seg = Segment::parse_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str()))).map_err(|inv| {
        ApiError::invalid(
            inv.0.into_iter().map(|f| FieldError::new(format!("{field}.{}", f.field), f.message)).collect(),
        )
    })?;
    Ok(kith_app::segments::segment_now(seg))
}

/// The segment of a list's query pairs, checked (purposes must exist),
/// evaluated now.
pub(crate) async fn checked(app: &App, pairs: Vec<(&str, &str)>) -> Result<Option<SegmentAt>, ApiError> {
    let seg = Segment::parse_pairs(pairs)?;
    app.check_segment(&seg).await?;
    Ok(kith_app::segments::segment_now(seg))
}

pub fn router() -> OpenApiRouter<App> {
    OpenApiRouter::new()
        .routes(routes!(list_segments, create_segment))
        .routes(routes!(get_segment, update_segment, delete_segment))
        .routes(routes!(count_segment))
        .routes(routes!(segment_audience))
}

/// The segments the caller may use: their own and those shared with the
/// team (an admin sees all).
#[utoipa::path(operation_id = "segments_list_segments", get, path = "/segments", tag = "contacts",
    responses((status = 200, body = SegmentList), Errors))]
async fn list_segments(State(app): State<App>, Auth(p): Auth) -> Result<Json<SegmentList>, ApiError> {
    Ok(Json(SegmentList { items: app.segments(&p).await?.into_iter().map(out).collect() }))
}

/// Save a segment (owned by the caller).
#[utoipa::path(operation_id = "segments_create_segment", post, path = "/segments", tag = "contacts", request_body = SegmentIn,
    responses((status = 201, body = SegmentOut), Errors, BodyErrors))]
async fn create_segment(
    State(app): State<App>,
    Auth(p): Auth,
    Json(b): Json<SegmentIn>,
) -> Result<(StatusCode, Json<SegmentOut>), ApiError> {
    let s = app.create_segment(&p, &b.name, &b.query, b.shared).await?;
    Ok((StatusCode::CREATED, Json(out(s))))
}

#[utoipa::path(operation_id = "segments_get_segment", get, path = "/segments/{id}", tag = "contacts", params(("id" = Uuid, Path)),
    responses((status = 200, body = SegmentOut), Errors))]
async fn get_segment(
    State(app): State<App>,
    Auth(p): Auth,
    Path(id): Path<Uuid>,
) -> Result<Json<SegmentOut>, ApiError> {
    Ok(Json(out(app.get_segment(&p, id).await?)))
}

/// Replace a segment's name, query and sharing (its owner or an admin).
#[utoipa::path(operation_id = "segments_update_segment", put, path = "/segments/{id}", tag = "contacts", params(("id" = Uuid, Path)),
    request_body = SegmentIn, responses((status = 200, body = SegmentOut), Errors, BodyErrors))]
async fn update_segment(
    State(app): State<App>,
    Auth(p): Auth,
    Path(id): Path<Uuid>,
    Json(b): Json<SegmentIn>,
) -> Result<Json<SegmentOut>, ApiError> {
    Ok(Json(out(app.update_segment(&p, id, &b.name, &b.query, b.shared).await?)))
}

#[utoipa::path(operation_id = "segments_delete_segment", delete, path = "/segments/{id}", tag = "contacts", params(("id" = Uuid, Path)),
    responses((status = 204, description = "Deleted"), Errors))]
async fn delete_segment(State(app): State<App>, Auth(p): Auth, Path(id): Path<Uuid>) -> Result<StatusCode, ApiError> {
    app.delete_segment(&p, id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// How many contacts the segment holds now.
#[utoipa::path(operation_id = "segments_count_segment", get, path = "/segments/{id}/count", tag = "contacts", params(("id" = Uuid, Path)),
    responses((status = 200, body = SegmentCount), Errors))]
async fn count_segment(
    State(app): State<App>,
    Auth(p): Auth,
    Path(id): Path<Uuid>,
) -> Result<Json<SegmentCount>, ApiError> {
    Ok(Json(SegmentCount { count: app.segment_count(&p, id).await? }))
}

/// The people of the segment who may be contacted for `purpose` on
/// `channel` (the rule every send of Kith's uses), with each person's own
/// unsubscribe and preferences links, for an outside mailer to honour
/// Kith's choices. People with no address on the channel are left out.
/// Admin and DPO; every export is audited.
#[utoipa::path(operation_id = "segments_segment_audience", get, path = "/segments/{id}/audience", tag = "contacts",
    params(("id" = Uuid, Path), AudienceParams),
    responses((status = 200, description = "The audience: JSON (a page) or CSV (everyone, up to 50,000)",
        content((AudienceOut = "application/json"), (String = "text/csv"))), Errors))]
async fn segment_audience(
    State(app): State<App>,
    Auth(p): Auth,
    Path(id): Path<Uuid>,
    Query(q): Query<AudienceParams>,
) -> Result<Response, ApiError> {
    let csv = q.format == Some(FormatDto::Csv);
    if csv && (q.after.is_some() || q.limit.is_some()) {
        return Err(ApiError::invalid(vec![FieldError::new(
            "format",
            "a CSV export holds everyone: no after or limit",
        )]));
    }
    let limit = match q.limit {
        None => 100,
        Some(l) if (1..=MAX_AUDIENCE_PAGE).contains(&l) => l,
        Some(_) => return Err(ApiError::invalid(vec![FieldError::new("limit", "must be between 1 and 1000")])),
    };
    let limit = if csv { MAX_AUDIENCE } else { limit };
    let a = app.segment_audience(&p, id, PurposeId(q.purpose), q.channel.into(), q.after, limit).await?;
    if !csv {
        let items = a.members.into_iter().map(member).collect();
        return Ok(Json(AudienceOut { items, next_after: a.next_after }).into_response());
    }
    let body = kith_app::segments::audience_csv(&a);
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8"),
            (header::CONTENT_DISPOSITION, "attachment; filename=\"audience.csv\""),
        ],
        body,
    )
        .into_response())
}
