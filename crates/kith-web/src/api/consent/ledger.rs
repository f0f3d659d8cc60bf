//! The consent ledger on a contact: recording events with their proof,
//! reading them, and signed receipts.

use super::input::{channels, done, time_field, word};
use crate::api::{BodyErrors, Errors};
use crate::extract::{Auth, Json, Path};
use crate::problem::ApiError;
use axum::extract::State;
use axum::http::StatusCode;
use kith_app::consent::ConsentInput;
use kith_app::records::ConsentEvent;
use kith_app::App;
use kith_domain::{ConsentAction, ConsentMethod, Invalid, PurposeId, SubjectId};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

#[derive(Serialize, ToSchema)]
pub struct ConsentEventOut {
    pub seq: i64,
    pub id: Uuid,
    pub purpose_id: Uuid,
    pub action: String,
    pub channels: Vec<String>,
    pub method: String,
    #[serde(with = "time::serde::rfc3339")]
    pub at: time::OffsetDateTime,
    /// Expiry of a `given`, answer deadline of a `requested`.
    #[serde(with = "time::serde::rfc3339::option")]
    pub until: Option<time::OffsetDateTime>,
    pub notice_id: Option<Uuid>,
    pub form_id: Option<Uuid>,
    pub actor_user_id: Option<Uuid>,
    pub gpc: bool,
    pub request_ref: Option<Uuid>,
    /// Null once the person was erased.
    pub proof: Option<ProofOut>,
    #[serde(with = "time::serde::rfc3339")]
    pub recorded_at: time::OffsetDateTime,
}

#[derive(Serialize, ToSchema)]
pub struct ProofOut {
    pub affirmative_act: Option<String>,
    pub evidence_ref: Option<String>,
    pub third_parties: Vec<String>,
    pub ip: Option<String>,
    pub user_agent: Option<String>,
}

fn event_out(e: ConsentEvent) -> ConsentEventOut {
    ConsentEventOut {
        seq: e.seq,
        id: e.id,
        purpose_id: e.purpose.0,
        action: e.action.as_str().into(),
        channels: e.channels.iter().map(|c| c.as_str().into()).collect(),
        method: e.method.as_str().into(),
        at: e.at,
        until: e.until,
        notice_id: e.notice,
        form_id: e.form,
        actor_user_id: e.actor_user.map(|u| u.0),
        gpc: e.gpc,
        request_ref: e.request,
        proof: e.proof.map(|p| ProofOut {
            affirmative_act: p.affirmative_act,
            evidence_ref: p.evidence_ref,
            third_parties: p.third_parties,
            ip: p.ip,
            user_agent: p.user_agent,
        }),
        recorded_at: e.recorded_at,
    }
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ConsentIn {
    pub purpose_id: Uuid,
    /// requested, given, refused, withdrawn or expired.
    pub action: String,
    /// email, phone, sms, post.
    pub channels: Vec<String>,
    /// web_form, phone, paper, import or api (double_opt_in and portal are Kith's own).
    pub method: String,
    /// When it happened (RFC 3339; required for imports).
    pub at: Option<String>,
    pub expires_at: Option<String>,
    pub notice_id: Option<Uuid>,
    pub form_id: Option<Uuid>,
    /// What the person did to say yes (required for `given`).
    pub affirmative_act: Option<String>,
    /// Consent from a pre-ticked box is refused.
    #[serde(default)]
    pub pre_ticked: bool,
    /// Call recording, scanned form, original record.
    pub evidence_ref: Option<String>,
    #[serde(default)]
    pub third_parties: Vec<String>,
    pub ip: Option<String>,
    pub user_agent: Option<String>,
    #[serde(default)]
    pub gpc: bool,
}

#[derive(Serialize, ToSchema)]
pub struct SeqOut {
    /// The event's place in the ledger.
    pub seq: i64,
}

/// Record a consent event with its proof.
#[utoipa::path(post, path = "/contacts/{id}/consents", tag = "consent", params(("id" = Uuid, Path)), request_body = ConsentIn, responses((status = 201, body = SeqOut), Errors, BodyErrors))]
pub(super) async fn record_consent(
    State(app): State<App>,
    Auth(p): Auth,
    Path(id): Path<Uuid>,
    Json(b): Json<ConsentIn>,
) -> Result<(StatusCode, Json<SeqOut>), ApiError> {
    let mut inv = Invalid::default();
    let action = word(&mut inv, "action", &b.action, ConsentAction::parse, ConsentAction::ALL, ConsentAction::as_str);
    let method = word(&mut inv, "method", &b.method, ConsentMethod::parse, ConsentMethod::ALL, ConsentMethod::as_str);
    let ch = channels(&mut inv, "channels", &b.channels);
    let at = time_field(&mut inv, "at", b.at.as_deref());
    let expires_at = time_field(&mut inv, "expires_at", b.expires_at.as_deref());
    done(inv)?;
    let c = ConsentInput {
        purpose: Some(PurposeId(b.purpose_id)),
        action,
        channels: ch,
        method,
        at,
        expires_at,
        notice: b.notice_id,
        form: b.form_id,
        affirmative_act: b.affirmative_act,
        pre_ticked: b.pre_ticked,
        evidence_ref: b.evidence_ref,
        third_parties: b.third_parties,
        ip: b.ip,
        user_agent: b.user_agent,
        gpc: b.gpc,
    };
    let seq = app.record_consent(&p, SubjectId(id), c).await?;
    Ok((StatusCode::CREATED, Json(SeqOut { seq })))
}

/// The contact's consent ledger, oldest first (reading proof is audited).
#[utoipa::path(get, path = "/contacts/{id}/consents", tag = "consent", params(("id" = Uuid, Path)), responses((status = 200, body = Vec<ConsentEventOut>), Errors))]
pub(super) async fn list_consents(
    State(app): State<App>,
    Auth(p): Auth,
    Path(id): Path<Uuid>,
) -> Result<Json<Vec<ConsentEventOut>>, ApiError> {
    Ok(Json(app.consent_history(&p, SubjectId(id)).await?.into_iter().map(event_out).collect()))
}

#[derive(Serialize, ToSchema)]
pub struct ReceiptOut {
    /// Kantara Consent Receipt v1.1 fields.
    #[schema(value_type = Object)]
    pub receipt: serde_json::Value,
    /// Compact JWS (EdDSA) whose payload is the receipt; key at /.well-known/kith-receipt-key.json.
    pub jws: String,
}

/// The signed consent receipt of a `given` or `withdrawn` event.
#[utoipa::path(get, path = "/contacts/{id}/consents/{seq}/receipt", tag = "consent", params(("id" = Uuid, Path), ("seq" = i64, Path)), responses((status = 200, body = ReceiptOut), Errors))]
pub(super) async fn receipt(
    State(app): State<App>,
    Auth(p): Auth,
    Path((id, seq)): Path<(Uuid, i64)>,
) -> Result<Json<ReceiptOut>, ApiError> {
    let r = app.consent_receipt(&p, SubjectId(id), seq).await?;
    Ok(Json(ReceiptOut { receipt: r.receipt, jws: r.jws }))
}
