//! `/purposes`, `/notices`, `/subscription-types`, `/forms`, bases and
//! consent on contacts, `/compliance/summary`, `/consent-campaigns`,
//! `/outbox`: lawful basis and the consent ledger.

use super::{parse_time, BodyErrors, Errors};
use crate::extract::{Auth, Json, Path, Query};
use crate::problem::ApiError;
use axum::extract::State;
use axum::http::StatusCode;
use kith_app::bulk::{BulkAction, Selection};
use kith_app::campaigns::CampaignInput;
use kith_app::consent::{BasisAssignment, ConsentInput, PurposeStanding};
use kith_app::contacts::ContactQuery;
use kith_app::purposes::{FormFields, NoticeFields, PurposeFields, SubscriptionFields};
use kith_app::records::ContactFilter;
use kith_app::records::{BasisRecord, ConsentEvent};
use kith_app::records::{ConsentForm, Notice, Purpose, SubscriptionType};
use kith_app::App;
use kith_domain::consent::BasisSource;
use kith_domain::{
    Channel, CompanyId, ConsentAction, ConsentMethod, FieldError, Invalid, LawfulBasis, PurposeId, SubjectId, UserId,
};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;
use uuid::Uuid;

type Rfc3339 = time::OffsetDateTime;

fn word<T: Copy>(
    inv: &mut Invalid,
    field: &str,
    v: &str,
    parse: fn(&str) -> Option<T>,
    all: &[T],
    name: fn(T) -> &'static str,
) -> Option<T> {
    let r = parse(v);
    if r.is_none() {
        let names: Vec<&str> = all.iter().map(|x| name(*x)).collect();
        inv.push(field, format!("must be one of {}", names.join(", ")));
    }
    r
}

fn basis(inv: &mut Invalid, field: &str, v: &str) -> Option<LawfulBasis> {
    word(inv, field, v, LawfulBasis::parse, LawfulBasis::ALL, LawfulBasis::as_str)
}

fn channels(inv: &mut Invalid, field: &str, v: &[String]) -> Vec<Channel> {
    v.iter().filter_map(|c| word(inv, field, c, Channel::parse, Channel::ALL, Channel::as_str)).collect()
}

fn time_field(inv: &mut Invalid, field: &str, v: Option<&str>) -> Option<Rfc3339> {
    match parse_time(field, v) {
        Ok(t) => t.map(kith_app::records::from_ms),
        Err(_) => {
            inv.push(field, "must be an RFC 3339 date-time such as 2026-01-31T09:00:00Z");
            None
        }
    }
}

fn done(inv: Invalid) -> Result<(), ApiError> {
    inv.into_result().map_err(|e| ApiError::invalid(e.0))
}

// ---------------------------------------------------------------- purposes

#[derive(Serialize, ToSchema)]
pub struct PurposeOut {
    pub id: Uuid,
    pub name: String,
    pub description: String,
    /// not_applicable, consent, contract, legal_obligation, vital_interests, public_task or legitimate_interests.
    pub default_basis: String,
    pub data_categories: Vec<String>,
    pub retention: String,
    /// The rule the retention sweep enforces; null: none.
    pub retention_rule: Option<RuleOut>,
    pub recipients: String,
    /// Direct marketing: an objection to it is absolute (Art. 21(3)).
    pub direct_marketing: bool,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: time::OffsetDateTime,
    #[serde(with = "time::serde::rfc3339")]
    pub updated_at: time::OffsetDateTime,
}

fn purpose_out(p: Purpose) -> PurposeOut {
    PurposeOut {
        id: p.id.0,
        name: p.name,
        description: p.description,
        default_basis: p.default_basis.as_str().into(),
        data_categories: p.data_categories,
        retention: p.retention,
        retention_rule: p.rule.map(|r| RuleOut {
            anchor: r.anchor.as_str().into(),
            period: i64::from(r.period.count),
            unit: r.period.unit.as_str().into(),
            disposal: r.disposal.as_str().into(),
            description: r.describe(),
        }),
        recipients: p.recipients,
        direct_marketing: p.direct_marketing,
        created_at: p.created_at,
        updated_at: p.updated_at,
    }
}

#[derive(Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PurposeIn {
    #[schema(min_length = 1, max_length = 100)]
    pub name: String,
    #[schema(min_length = 1, max_length = 2000)]
    pub description: String,
    /// not_applicable, consent, contract, legal_obligation, vital_interests, public_task or legitimate_interests.
    pub default_basis: String,
    #[serde(default)]
    pub data_categories: Vec<String>,
    /// Retention in words, as shown to people (the access export quotes it).
    #[serde(default)]
    pub retention: String,
    /// The rule the retention sweep enforces; absent or null: none.
    #[serde(default)]
    pub retention_rule: Option<RuleIn>,
    /// Recipients (processors, third parties) in words.
    #[serde(default)]
    pub recipients: String,
    /// Direct marketing: an objection to it is absolute (Art. 21(3)).
    #[serde(default)]
    pub direct_marketing: bool,
}

/// A retention rule: keep for `period` `unit` after `anchor`, then `disposal`.
#[derive(Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RuleIn {
    /// last_interaction, created, contract_end, consent_withdrawn or deal_closed.
    pub anchor: String,
    #[schema(minimum = 0, maximum = 36525)]
    pub period: i64,
    /// days, months or years.
    pub unit: String,
    /// delete or anonymise.
    pub disposal: String,
}

#[derive(Serialize, ToSchema)]
pub struct RuleOut {
    pub anchor: String,
    pub period: i64,
    pub unit: String,
    pub disposal: String,
    /// The rule in words.
    pub description: String,
}

fn purpose_fields(b: PurposeIn) -> Result<PurposeFields, ApiError> {
    let mut inv = Invalid::default();
    let default_basis = basis(&mut inv, "default_basis", &b.default_basis);
    let rule = match &b.retention_rule {
        None => None,
        Some(r) => inv
            .check(
                "retention_rule",
                kith_app::retention::rule_from(Some(&r.anchor), Some(r.period), Some(&r.unit), Some(&r.disposal)),
            )
            .flatten(),
    };
    done(inv)?;
    Ok(PurposeFields {
        name: b.name,
        description: b.description,
        default_basis: default_basis.unwrap_or(LawfulBasis::NotApplicable),
        data_categories: b.data_categories,
        retention: b.retention,
        rule,
        recipients: b.recipients,
        direct_marketing: b.direct_marketing,
    })
}

/// Every purpose.
#[utoipa::path(get, path = "/purposes", tag = "consent", responses((status = 200, body = Vec<PurposeOut>), Errors))]
async fn list_purposes(State(app): State<App>, Auth(p): Auth) -> Result<Json<Vec<PurposeOut>>, ApiError> {
    Ok(Json(app.purposes(&p).await?.into_iter().map(purpose_out).collect()))
}

/// Define a purpose (admin, dpo).
#[utoipa::path(post, path = "/purposes", tag = "consent", request_body = PurposeIn, responses((status = 201, body = PurposeOut), (status = 409, description = "Name taken", body = crate::problem::Problem, content_type = "application/problem+json"), Errors, BodyErrors))]
async fn create_purpose(
    State(app): State<App>,
    Auth(p): Auth,
    Json(b): Json<PurposeIn>,
) -> Result<(StatusCode, Json<PurposeOut>), ApiError> {
    let f = purpose_fields(b)?;
    Ok((StatusCode::CREATED, Json(purpose_out(app.create_purpose(&p, f).await?))))
}

#[utoipa::path(get, path = "/purposes/{id}", tag = "consent", params(("id" = Uuid, Path)), responses((status = 200, body = PurposeOut), Errors))]
async fn get_purpose(
    State(app): State<App>,
    Auth(p): Auth,
    Path(id): Path<Uuid>,
) -> Result<Json<PurposeOut>, ApiError> {
    Ok(Json(purpose_out(app.get_purpose(&p, PurposeId(id)).await?)))
}

/// Replace a purpose's definition (admin, dpo).
#[utoipa::path(put, path = "/purposes/{id}", tag = "consent", params(("id" = Uuid, Path)), request_body = PurposeIn, responses((status = 200, body = PurposeOut), (status = 409, description = "Name taken", body = crate::problem::Problem, content_type = "application/problem+json"), Errors, BodyErrors))]
async fn update_purpose(
    State(app): State<App>,
    Auth(p): Auth,
    Path(id): Path<Uuid>,
    Json(b): Json<PurposeIn>,
) -> Result<Json<PurposeOut>, ApiError> {
    let f = purpose_fields(b)?;
    Ok(Json(purpose_out(app.update_purpose(&p, PurposeId(id), f).await?)))
}

// ----------------------------------------------------------------- notices

#[derive(Serialize, ToSchema)]
pub struct NoticeOut {
    pub id: Uuid,
    pub name: String,
    pub version: i64,
    pub language: String,
    pub url: Option<String>,
    pub body: String,
    /// SHA-256 of the exact body, hex.
    pub sha256: String,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: time::OffsetDateTime,
}

fn hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}

fn notice_out(n: Notice) -> NoticeOut {
    NoticeOut {
        id: n.id,
        name: n.name,
        version: n.version,
        language: n.language,
        url: n.url,
        body: n.body,
        sha256: hex(&n.sha256),
        created_at: n.created_at,
    }
}

#[derive(Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NoticeIn {
    /// Publishing under an existing name adds its next version.
    #[schema(min_length = 1, max_length = 100)]
    pub name: String,
    /// en or it.
    pub language: String,
    pub url: Option<String>,
    #[schema(min_length = 1, max_length = 50000)]
    pub body: String,
}

/// Every notice version, newest version first per name.
#[utoipa::path(get, path = "/notices", tag = "consent", responses((status = 200, body = Vec<NoticeOut>), Errors))]
async fn list_notices(State(app): State<App>, Auth(p): Auth) -> Result<Json<Vec<NoticeOut>>, ApiError> {
    Ok(Json(app.notices(&p).await?.into_iter().map(notice_out).collect()))
}

/// Publish a notice version (never edited afterwards; admin, dpo).
#[utoipa::path(post, path = "/notices", tag = "consent", request_body = NoticeIn, responses((status = 201, body = NoticeOut), (status = 409, description = "Published concurrently; retry", body = crate::problem::Problem, content_type = "application/problem+json"), Errors, BodyErrors))]
async fn create_notice(
    State(app): State<App>,
    Auth(p): Auth,
    Json(b): Json<NoticeIn>,
) -> Result<(StatusCode, Json<NoticeOut>), ApiError> {
    let f = NoticeFields { name: b.name, language: b.language, url: b.url, body: b.body };
    Ok((StatusCode::CREATED, Json(notice_out(app.create_notice(&p, f).await?))))
}

// ------------------------------------------------------ subscription types

#[derive(Serialize, ToSchema)]
pub struct SubscriptionTypeOut {
    pub id: Uuid,
    pub name: String,
    pub description: String,
    pub purpose_id: Uuid,
    pub channels: Vec<String>,
}

fn sub_out(s: SubscriptionType) -> SubscriptionTypeOut {
    SubscriptionTypeOut {
        id: s.id,
        name: s.name,
        description: s.description,
        purpose_id: s.purpose.0,
        channels: s.channels.iter().map(|c| c.as_str().into()).collect(),
    }
}

#[derive(Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SubscriptionTypeIn {
    #[schema(min_length = 1, max_length = 100)]
    pub name: String,
    #[serde(default)]
    pub description: String,
    /// One subscription type per purpose.
    pub purpose_id: Uuid,
    /// email, phone, sms, post.
    pub channels: Vec<String>,
}

#[utoipa::path(get, path = "/subscription-types", tag = "consent", responses((status = 200, body = Vec<SubscriptionTypeOut>), Errors))]
async fn list_subscription_types(
    State(app): State<App>,
    Auth(_p): Auth,
) -> Result<Json<Vec<SubscriptionTypeOut>>, ApiError> {
    Ok(Json(app.subscription_types().await?.into_iter().map(sub_out).collect()))
}

/// Create a subscription type (admin, dpo).
#[utoipa::path(post, path = "/subscription-types", tag = "consent", request_body = SubscriptionTypeIn, responses((status = 201, body = SubscriptionTypeOut), (status = 409, description = "Name or purpose taken", body = crate::problem::Problem, content_type = "application/problem+json"), Errors, BodyErrors))]
async fn create_subscription_type(
    State(app): State<App>,
    Auth(p): Auth,
    Json(b): Json<SubscriptionTypeIn>,
) -> Result<(StatusCode, Json<SubscriptionTypeOut>), ApiError> {
    let mut inv = Invalid::default();
    let ch = channels(&mut inv, "channels", &b.channels);
    done(inv)?;
    let f =
        SubscriptionFields { name: b.name, description: b.description, purpose: PurposeId(b.purpose_id), channels: ch };
    Ok((StatusCode::CREATED, Json(sub_out(app.create_subscription_type(&p, f).await?))))
}

// ------------------------------------------------------------------- forms

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
async fn list_forms(State(app): State<App>, Auth(p): Auth) -> Result<Json<Vec<FormOut>>, ApiError> {
    Ok(Json(app.consent_forms(&p).await?.into_iter().map(form_out).collect()))
}

/// Create a public consent form (admin, dpo).
#[utoipa::path(post, path = "/forms", tag = "consent", request_body = FormIn, responses((status = 201, body = FormOut), (status = 409, description = "Slug taken", body = crate::problem::Problem, content_type = "application/problem+json"), Errors, BodyErrors))]
async fn create_form(
    State(app): State<App>,
    Auth(p): Auth,
    Json(b): Json<FormIn>,
) -> Result<(StatusCode, Json<FormOut>), ApiError> {
    Ok((StatusCode::CREATED, Json(form_out(app.save_form(&p, None, form_fields(b)).await?))))
}

/// Replace a consent form (admin, dpo).
#[utoipa::path(put, path = "/forms/{id}", tag = "consent", params(("id" = Uuid, Path)), request_body = FormIn, responses((status = 200, body = FormOut), (status = 409, description = "Slug taken", body = crate::problem::Problem, content_type = "application/problem+json"), Errors, BodyErrors))]
async fn update_form(
    State(app): State<App>,
    Auth(p): Auth,
    Path(id): Path<Uuid>,
    Json(b): Json<FormIn>,
) -> Result<Json<FormOut>, ApiError> {
    Ok(Json(form_out(app.save_form(&p, Some(id), form_fields(b)).await?)))
}

// ------------------------------------------------------------------ bases

#[derive(Serialize, ToSchema)]
pub struct BasisOut {
    pub purpose_id: Uuid,
    pub basis: String,
    /// web_form, import, manual or api_client.
    pub source: String,
    pub source_name: Option<String>,
    pub lia_ref: Option<String>,
    #[serde(with = "time::serde::rfc3339")]
    pub effective_at: time::OffsetDateTime,
    /// When the contract (or other basis) ends, if known.
    #[serde(with = "time::serde::rfc3339::option")]
    pub ends_at: Option<time::OffsetDateTime>,
    pub set_by: Option<Uuid>,
    #[serde(with = "time::serde::rfc3339")]
    pub set_at: time::OffsetDateTime,
}

fn basis_out(b: BasisRecord) -> BasisOut {
    BasisOut {
        purpose_id: b.purpose.0,
        basis: b.basis.as_str().into(),
        source: b.source.as_str().into(),
        source_name: b.source_name,
        lia_ref: b.lia_ref,
        effective_at: b.effective_at,
        ends_at: b.ends_at,
        set_by: b.set_by.map(|u| u.0),
        set_at: b.set_at,
    }
}

#[derive(Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct BasisIn {
    pub purpose_id: Uuid,
    pub basis: String,
    /// web_form, import, manual or api_client.
    pub source: String,
    /// The form, file or API client (required unless manual).
    pub source_name: Option<String>,
    /// Reference to the legitimate-interest assessment (required for legitimate_interests).
    pub lia_ref: Option<String>,
    /// RFC 3339; defaults to now.
    pub effective_at: Option<String>,
    /// RFC 3339: when the contract (or other basis) ends, if known — the
    /// anchor of retention rules that run from the end of the contract.
    pub ends_at: Option<String>,
}

fn assignment(b: &BasisIn) -> Result<BasisAssignment, ApiError> {
    let mut inv = Invalid::default();
    let l = basis(&mut inv, "basis", &b.basis);
    let s = word(&mut inv, "source", &b.source, BasisSource::parse, BasisSource::ALL, BasisSource::as_str);
    let at = time_field(&mut inv, "effective_at", b.effective_at.as_deref());
    let ends_at = time_field(&mut inv, "ends_at", b.ends_at.as_deref());
    done(inv)?;
    Ok(BasisAssignment {
        purpose: PurposeId(b.purpose_id),
        basis: l.unwrap_or(LawfulBasis::NotApplicable),
        source: s.unwrap_or(BasisSource::Manual),
        source_name: b.source_name.clone(),
        lia_ref: b.lia_ref.clone(),
        effective_at: at,
        ends_at,
    })
}

/// Set the lawful basis of a contact for a purpose.
#[utoipa::path(put, path = "/contacts/{id}/bases", tag = "consent", params(("id" = Uuid, Path)), request_body = BasisIn, responses((status = 204, description = "Recorded"), Errors, BodyErrors))]
async fn set_basis(
    State(app): State<App>,
    Auth(p): Auth,
    Path(id): Path<Uuid>,
    Json(b): Json<BasisIn>,
) -> Result<StatusCode, ApiError> {
    app.set_basis(&p, SubjectId(id), &assignment(&b)?).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SelectionIn {
    /// Contacts picked one by one…
    pub contact_ids: Option<Vec<Uuid>>,
    /// …or every contact matching these filters.
    pub filter: Option<FilterIn>,
}

#[derive(Deserialize, ToSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct FilterIn {
    pub owner_id: Option<Uuid>,
    pub tag: Option<String>,
    pub company_id: Option<Uuid>,
    pub created_from: Option<String>,
    pub created_to: Option<String>,
}

fn selection(s: SelectionIn) -> Result<Selection, ApiError> {
    match (s.contact_ids, s.filter) {
        (Some(ids), None) => Ok(Selection::Ids(ids.into_iter().map(SubjectId).collect())),
        (None, Some(f)) => {
            let filter = ContactFilter {
                owner: f.owner_id.map(UserId),
                tag: f.tag,
                company: f.company_id.map(CompanyId),
                created_from: parse_time("filter.created_from", f.created_from.as_deref())?,
                created_to: parse_time("filter.created_to", f.created_to.as_deref())?,
                ..Default::default()
            };
            Ok(Selection::Matching(Box::new(ContactQuery { filter, ..Default::default() })))
        }
        _ => Err(ApiError::invalid(vec![FieldError::new("selection", "give either contact_ids or filter")])),
    }
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct BulkBasisIn {
    pub selection: SelectionIn,
    /// The basis to record on each selected contact.
    pub basis: BasisIn,
    /// Only count the contacts; change nothing.
    #[serde(default)]
    pub dry_run: bool,
}

#[derive(Serialize, ToSchema)]
pub struct CountOut {
    pub count: u64,
}

/// Set a basis on many contacts at once (≤ 50,000, all or nothing); `dry_run` previews the count.
#[utoipa::path(post, path = "/bases/bulk", tag = "consent", request_body = BulkBasisIn, responses((status = 200, body = CountOut), (status = 409, description = "A contact changed at the same moment; retry", body = crate::problem::Problem, content_type = "application/problem+json"), Errors, BodyErrors))]
async fn bulk_basis(
    State(app): State<App>,
    Auth(p): Auth,
    Json(b): Json<BulkBasisIn>,
) -> Result<Json<CountOut>, ApiError> {
    let action = BulkAction::SetBasis(assignment(&b.basis)?);
    let sel = selection(b.selection)?;
    let count =
        if b.dry_run { app.bulk_count(&p, &sel, &action).await? } else { app.bulk_apply(&p, &sel, &action).await? };
    Ok(Json(CountOut { count }))
}

// ---------------------------------------------------------------- consent

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
async fn record_consent(
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
async fn list_consents(
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
async fn receipt(
    State(app): State<App>,
    Auth(p): Auth,
    Path((id, seq)): Path<(Uuid, i64)>,
) -> Result<Json<ReceiptOut>, ApiError> {
    let r = app.consent_receipt(&p, SubjectId(id), seq).await?;
    Ok(Json(ReceiptOut { receipt: r.receipt, jws: r.jws }))
}

#[derive(Serialize, ToSchema)]
pub struct PermissionOut {
    pub purpose_id: Uuid,
    pub purpose: String,
    pub basis: String,
    pub channel: String,
    /// none, awaiting, not_responded, given, refused, withdrawn or expired.
    pub consent: String,
    pub allowed: bool,
    pub reason: String,
}

#[derive(Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct PermissionParams {
    pub purpose_id: Option<Uuid>,
    /// email, phone, sms or post.
    pub channel: Option<String>,
    /// RFC 3339; defaults to now.
    pub at: Option<String>,
}

/// May we contact this person? Per purpose and channel: allowed or not, and why.
#[utoipa::path(get, path = "/contacts/{id}/permissions", tag = "consent", params(("id" = Uuid, Path), PermissionParams), responses((status = 200, body = Vec<PermissionOut>), Errors))]
async fn permissions(
    State(app): State<App>,
    Auth(p): Auth,
    Path(id): Path<Uuid>,
    Query(q): Query<PermissionParams>,
) -> Result<Json<Vec<PermissionOut>>, ApiError> {
    let mut inv = Invalid::default();
    let channel =
        q.channel.as_deref().and_then(|c| word(&mut inv, "channel", c, Channel::parse, Channel::ALL, Channel::as_str));
    let at = time_field(&mut inv, "at", q.at.as_deref());
    done(inv)?;
    let standing = app.permissions(&p, SubjectId(id), at.unwrap_or_else(Rfc3339::now_utc)).await?;
    let mut out = Vec::new();
    for PurposeStanding { purpose, basis, channels } in standing {
        if q.purpose_id.is_some_and(|x| x != purpose.id.0) {
            continue;
        }
        for (ch, state, d) in channels {
            if channel.is_some_and(|c| c != ch) {
                continue;
            }
            out.push(PermissionOut {
                purpose_id: purpose.id.0,
                purpose: purpose.name.clone(),
                basis: basis.as_ref().map(|b| b.basis).unwrap_or(LawfulBasis::NotApplicable).as_str().into(),
                channel: ch.as_str().into(),
                consent: state.as_str().into(),
                allowed: d.allowed,
                reason: d.explain(),
            });
        }
    }
    Ok(Json(out))
}

/// The contact's lawful bases (purposes without one are not applicable).
#[utoipa::path(get, path = "/contacts/{id}/bases", tag = "consent", params(("id" = Uuid, Path)), responses((status = 200, body = Vec<BasisOut>), Errors))]
async fn list_bases(
    State(app): State<App>,
    Auth(p): Auth,
    Path(id): Path<Uuid>,
) -> Result<Json<Vec<BasisOut>>, ApiError> {
    let s = app.permissions(&p, SubjectId(id), Rfc3339::now_utc()).await?;
    Ok(Json(s.into_iter().filter_map(|s| s.basis).map(basis_out).collect()))
}

// ----------------------------------------------------------- summary & co

#[derive(Serialize, ToSchema)]
pub struct SummaryOut {
    pub contacts: i64,
    pub purposes: Vec<PurposeSummaryOut>,
}

#[derive(Serialize, ToSchema)]
pub struct PurposeSummaryOut {
    pub purpose_id: Uuid,
    pub name: String,
    /// Contacts per lawful basis (not_applicable = none recorded).
    pub bases: std::collections::BTreeMap<String, i64>,
    /// Per channel, contacts per consent state.
    pub consent: std::collections::BTreeMap<String, std::collections::BTreeMap<String, i64>>,
}

/// Per purpose: contacts per basis and per consent state.
#[utoipa::path(get, path = "/compliance/summary", tag = "consent", responses((status = 200, body = SummaryOut), Errors))]
async fn summary(State(app): State<App>, Auth(p): Auth) -> Result<Json<SummaryOut>, ApiError> {
    let s = app.compliance_summary(&p).await?;
    Ok(Json(SummaryOut {
        contacts: s.contacts,
        purposes: s
            .purposes
            .into_iter()
            .map(|(pu, b, c)| PurposeSummaryOut {
                purpose_id: pu.id.0,
                name: pu.name,
                bases: b.into_iter().map(|(k, v)| (k.as_str().to_owned(), v)).collect(),
                consent: c
                    .into_iter()
                    .map(|(ch, m)| (ch.as_str().to_owned(), m.into_iter().map(|(k, v)| (k.to_owned(), v)).collect()))
                    .collect(),
            })
            .collect(),
    }))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CampaignIn {
    pub purpose_id: Uuid,
    pub notice_id: Uuid,
    pub mail_subject: String,
    pub mail_body: String,
    /// Days to answer before "not responded" (1–365).
    pub wait_days: i64,
    pub selection: SelectionIn,
}

#[derive(Serialize, ToSchema)]
pub struct CampaignOut {
    pub requested: u64,
    pub skipped: u64,
}

/// Ask existing contacts for consent by mail (double opt-in).
#[utoipa::path(post, path = "/consent-campaigns", tag = "consent", request_body = CampaignIn, responses((status = 200, body = CampaignOut), Errors, BodyErrors))]
async fn campaign(
    State(app): State<App>,
    Auth(p): Auth,
    Json(b): Json<CampaignIn>,
) -> Result<Json<CampaignOut>, ApiError> {
    let sel = selection(b.selection)?;
    let c = CampaignInput {
        purpose: PurposeId(b.purpose_id),
        notice: b.notice_id,
        mail_subject: b.mail_subject,
        mail_body: b.mail_body,
        wait_days: b.wait_days,
    };
    let r = app.run_campaign(&p, &sel, &c).await?;
    Ok(Json(CampaignOut { requested: r.requested, skipped: r.skipped }))
}

#[derive(Serialize, ToSchema)]
pub struct MailOut {
    pub id: Uuid,
    pub contact_id: Uuid,
    pub kind: String,
    /// queued, sent, outbox, cancelled (a consent request the person may no longer receive) or failed.
    pub status: String,
    pub attempts: i64,
    pub last_error: Option<String>,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: time::OffsetDateTime,
}

/// The newest 200 queued or sent messages, envelopes only (admin, dpo).
#[utoipa::path(get, path = "/outbox", tag = "consent", responses((status = 200, body = Vec<MailOut>), Errors))]
async fn outbox(State(app): State<App>, Auth(p): Auth) -> Result<Json<Vec<MailOut>>, ApiError> {
    Ok(Json(
        app.outbox(&p)
            .await?
            .into_iter()
            .map(|m| MailOut {
                id: m.id,
                contact_id: m.subject.0,
                kind: m.kind,
                status: m.status,
                attempts: m.attempts,
                last_error: m.last_error,
                created_at: m.created_at,
            })
            .collect(),
    ))
}

pub fn router() -> OpenApiRouter<App> {
    OpenApiRouter::new()
        .routes(routes!(list_purposes, create_purpose))
        .routes(routes!(get_purpose, update_purpose))
        .routes(routes!(list_notices, create_notice))
        .routes(routes!(list_subscription_types, create_subscription_type))
        .routes(routes!(list_forms, create_form))
        .routes(routes!(update_form))
        .routes(routes!(list_bases, set_basis))
        .routes(routes!(bulk_basis))
        .routes(routes!(list_consents, record_consent))
        .routes(routes!(receipt))
        .routes(routes!(permissions))
        .routes(routes!(summary))
        .routes(routes!(campaign))
        .routes(routes!(outbox))
}
