//! `/recipients` and `/transfers`: the register of processors,
//! sub-processors, joint controllers and other recipients, and their
//! transfers out of the EEA (read: dpo, admin, readonly; change: dpo, admin).

use super::{BodyErrors, Errors};
use crate::extract::{Auth, Json, Path};
use crate::problem::ApiError;
use axum::extract::State;
use axum::http::StatusCode;
use kith_app::records::StoredRecipient;
use kith_app::App;
use kith_domain::geo::Country;
use kith_domain::policy::FieldCategory;
use kith_domain::recipients::{Agreement, Derogation, Mechanism, Recipient, RecipientRole, DPA_ITEMS};
use kith_domain::{FieldError, PurposeId, RecipientId, TokenId};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;
use uuid::Uuid;

#[derive(Deserialize, ToSchema, Clone)]
#[serde(deny_unknown_fields)]
pub struct TransferIn {
    /// ISO 3166-1 alpha-2 code of a country outside the EEA.
    pub country: String,
    /// adequacy, scc, bcr or derogation.
    pub mechanism: String,
    /// The SCC module (1 to 4) when the mechanism is scc.
    #[serde(default)]
    pub scc_module: Option<u8>,
    /// The Art. 49(1) point (a to g) when the mechanism is derogation.
    #[serde(default)]
    pub derogation: Option<String>,
    /// Why the derogation applies.
    #[serde(default)]
    pub reason: String,
    /// Where the transfer impact assessment is kept.
    #[serde(default)]
    pub tia_ref: String,
}

/// A transfer as recorded, with its legal ground in words.
#[derive(Serialize, ToSchema, Clone)]
pub struct TransferDetail {
    pub country: String,
    pub mechanism: String,
    pub scc_module: Option<u8>,
    pub derogation: Option<String>,
    pub reason: String,
    pub tia_ref: String,
    /// The mechanism and its instrument in words (e.g. the adequacy decision and its date).
    pub ground: String,
}

#[derive(Serialize, Deserialize, ToSchema, Clone, Default)]
#[serde(deny_unknown_fields)]
pub struct AgreementIo {
    #[serde(default)]
    pub version: String,
    /// YYYY-MM-DD.
    #[serde(default)]
    pub signed_on: Option<String>,
    /// YYYY-MM-DD.
    #[serde(default)]
    pub expires_on: Option<String>,
    /// A link to the signed document, or where it is filed.
    #[serde(default)]
    pub reference: String,
    /// The Art. 28(3) points covered: a to h.
    #[serde(default)]
    pub items: Vec<String>,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RecipientIn {
    pub legal_name: String,
    /// processor, sub_processor, joint_controller or recipient.
    pub role: String,
    /// The processor a sub-processor works for.
    #[serde(default)]
    pub parent_id: Option<Uuid>,
    #[serde(default)]
    pub privacy_contact: String,
    #[serde(default)]
    pub service: String,
    /// Purposes whose data it receives.
    #[serde(default)]
    pub purpose_ids: Vec<Uuid>,
    /// identity, contact, professional, financial, demographic, preferences, other.
    #[serde(default)]
    pub data_categories: Vec<String>,
    /// ISO 3166-1 alpha-2 codes.
    pub processing_countries: Vec<String>,
    #[serde(default)]
    pub storage_countries: Vec<String>,
    /// Certified under the EU–US Data Privacy Framework.
    #[serde(default)]
    pub dpf_certified: bool,
    /// One per country outside the EEA among the processing and storage countries.
    #[serde(default)]
    pub transfers: Vec<TransferIn>,
    #[serde(default)]
    pub agreement: AgreementIo,
    #[serde(default)]
    pub breach_notice_hours: Option<u32>,
    #[serde(default)]
    pub dsr_assistance: bool,
    /// YYYY-MM-DD.
    #[serde(default)]
    pub review_on: Option<String>,
    /// The SMTP relay Kith sends mail through.
    #[serde(default)]
    pub mail_relay: bool,
}

#[derive(Serialize, ToSchema)]
pub struct RecipientOut {
    pub id: Uuid,
    pub legal_name: String,
    pub role: String,
    pub parent_id: Option<Uuid>,
    pub privacy_contact: String,
    pub service: String,
    pub purpose_ids: Vec<Uuid>,
    pub data_categories: Vec<String>,
    pub processing_countries: Vec<String>,
    pub storage_countries: Vec<String>,
    pub dpf_certified: bool,
    pub transfers: Vec<TransferDetail>,
    pub agreement: AgreementIo,
    pub breach_notice_hours: Option<u32>,
    pub dsr_assistance: bool,
    pub review_on: Option<String>,
    pub mail_relay: bool,
    /// Carried over from a purpose's free text: to be completed.
    pub needs_review: bool,
    /// API tokens its integrations use.
    pub token_ids: Vec<Uuid>,
    /// Expiring agreement, review due, missing Art. 28(3) points.
    pub reminders: Vec<String>,
}

fn date(inv: &mut Vec<FieldError>, field: &str, v: Option<&str>) -> Option<time::Date> {
    let v = v.map(str::trim).filter(|s| !s.is_empty())?;
    match time::Date::parse(v, time::macros::format_description!("[year]-[month]-[day]")) {
        Ok(d) => Some(d),
        Err(_) => {
            inv.push(FieldError::new(field, "must be a date such as 2027-06-30"));
            None
        }
    }
}

fn countries(inv: &mut Vec<FieldError>, field: &str, v: &[String]) -> Vec<Country> {
    let mut out = Vec::new();
    for (i, c) in v.iter().enumerate() {
        match Country::parse(c) {
            Ok(c) => out.push(c),
            Err(_) => inv.push(FieldError::new(format!("{field}[{i}]"), "not an ISO 3166-1 alpha-2 country code")),
        }
    }
    out
}

/// The request as a domain record; malformed values named by field.
pub(crate) fn recipient_of(b: RecipientIn) -> Result<Recipient, ApiError> {
    let mut inv = Vec::new();
    let role = RecipientRole::parse(&b.role).unwrap_or_else(|| {
        inv.push(FieldError::new("role", "one of processor, sub_processor, joint_controller, recipient"));
        RecipientRole::Other
    });
    let mut categories = Vec::new();
    for c in &b.data_categories {
        match FieldCategory::parse(c) {
            Some(c) => categories.push(c),
            None => inv.push(FieldError::new("data_categories", "unknown data category")),
        }
    }
    let processing_countries = countries(&mut inv, "processing_countries", &b.processing_countries);
    let storage_countries = countries(&mut inv, "storage_countries", &b.storage_countries);
    let mut transfers = Vec::new();
    for (i, t) in b.transfers.iter().enumerate() {
        let Ok(country) = Country::parse(&t.country) else {
            inv.push(FieldError::new(format!("transfers[{i}].country"), "not an ISO 3166-1 alpha-2 country code"));
            continue;
        };
        let Some(mechanism) = Mechanism::parse(&t.mechanism) else {
            inv.push(FieldError::new(
                format!("transfers.{}.mechanism", country.code()),
                "one of adequacy, scc, bcr, derogation",
            ));
            continue;
        };
        let derogation = match t.derogation.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
            None => None,
            Some(d) => match Derogation::parse(d) {
                Some(d) => Some(d),
                None => {
                    inv.push(FieldError::new(
                        format!("transfers.{}.derogation", country.code()),
                        "a letter from a to g",
                    ));
                    None
                }
            },
        };
        transfers.push(kith_domain::recipients::Transfer {
            country,
            mechanism,
            scc_module: t.scc_module,
            derogation,
            reason: t.reason.clone(),
            tia_ref: t.tia_ref.clone(),
        });
    }
    let agreement = Agreement {
        version: b.agreement.version.clone(),
        signed_on: date(&mut inv, "agreement.signed_on", b.agreement.signed_on.as_deref()),
        expires_on: date(&mut inv, "agreement.expires_on", b.agreement.expires_on.as_deref()),
        reference: b.agreement.reference.clone(),
        items: b.agreement.items.iter().map(|s| s.trim().to_owned()).collect(),
    };
    let review_on = date(&mut inv, "review_on", b.review_on.as_deref());
    if !inv.is_empty() {
        return Err(ApiError::invalid(inv));
    }
    Ok(Recipient {
        legal_name: b.legal_name,
        role,
        parent: b.parent_id.map(RecipientId),
        privacy_contact: b.privacy_contact,
        service: b.service,
        purposes: b.purpose_ids.into_iter().map(PurposeId).collect(),
        categories,
        processing_countries,
        storage_countries,
        dpf_certified: b.dpf_certified,
        transfers,
        agreement,
        breach_notice_hours: b.breach_notice_hours,
        dsr_assistance: b.dsr_assistance,
        review_on,
        mail_relay: b.mail_relay,
    })
}

fn transfer_out(t: &kith_domain::recipients::Transfer) -> TransferDetail {
    TransferDetail {
        country: t.country.code().to_owned(),
        mechanism: t.mechanism.as_str().to_owned(),
        scc_module: t.scc_module,
        derogation: t.derogation.map(|d| d.as_str().to_owned()),
        reason: t.reason.clone(),
        tia_ref: t.tia_ref.clone(),
        ground: t.ground(),
    }
}

pub(crate) fn recipient_out(s: StoredRecipient) -> RecipientOut {
    let today = time::OffsetDateTime::now_utc().date();
    let reminders = s.recipient.reminders(today).iter().map(|r| r.describe()).collect();
    let r = s.recipient;
    let codes = |v: &[Country]| v.iter().map(|c| c.code().to_owned()).collect();
    RecipientOut {
        id: s.id.0,
        legal_name: r.legal_name,
        role: r.role.as_str().to_owned(),
        parent_id: r.parent.map(|p| p.0),
        privacy_contact: r.privacy_contact,
        service: r.service,
        purpose_ids: r.purposes.iter().map(|p| p.0).collect(),
        data_categories: r.categories.iter().map(|c| c.as_str().to_owned()).collect(),
        processing_countries: codes(&r.processing_countries),
        storage_countries: codes(&r.storage_countries),
        dpf_certified: r.dpf_certified,
        transfers: r.transfers.iter().map(transfer_out).collect(),
        agreement: AgreementIo {
            version: r.agreement.version,
            signed_on: r.agreement.signed_on.map(|d| d.to_string()),
            expires_on: r.agreement.expires_on.map(|d| d.to_string()),
            reference: r.agreement.reference,
            items: r.agreement.items.into_iter().filter(|i| DPA_ITEMS.iter().any(|(k, _)| k == i)).collect(),
        },
        breach_notice_hours: r.breach_notice_hours,
        dsr_assistance: r.dsr_assistance,
        review_on: r.review_on.map(|d| d.to_string()),
        mail_relay: r.mail_relay,
        needs_review: s.needs_review,
        token_ids: s.tokens.iter().map(|t| t.0).collect(),
        reminders,
    }
}

/// Every recipient, by legal name, with its reminders.
#[utoipa::path(operation_id = "recipients_list", get, path = "/recipients", tag = "registers", responses((status = 200, body = Vec<RecipientOut>), Errors))]
async fn list(State(app): State<App>, Auth(p): Auth) -> Result<Json<Vec<RecipientOut>>, ApiError> {
    Ok(Json(app.recipients(&p).await?.into_iter().map(recipient_out).collect()))
}

#[utoipa::path(operation_id = "recipients_get", get, path = "/recipients/{id}", tag = "registers", params(("id" = Uuid, Path)), responses((status = 200, body = RecipientOut), Errors))]
async fn get(State(app): State<App>, Auth(p): Auth, Path(id): Path<Uuid>) -> Result<Json<RecipientOut>, ApiError> {
    Ok(Json(recipient_out(app.recipient(&p, RecipientId(id)).await?)))
}

/// Record a recipient. A country outside the EEA without a valid Chapter V mechanism is refused (422 naming `transfers.<country>.mechanism`).
#[utoipa::path(operation_id = "recipients_create", post, path = "/recipients", tag = "registers", request_body = RecipientIn, responses((status = 201, body = RecipientOut), Errors, BodyErrors))]
async fn create(
    State(app): State<App>,
    Auth(p): Auth,
    Json(b): Json<RecipientIn>,
) -> Result<(StatusCode, Json<RecipientOut>), ApiError> {
    let id = app.create_recipient(&p, recipient_of(b)?).await?;
    Ok((StatusCode::CREATED, Json(recipient_out(app.recipient(&p, id).await?))))
}

/// Replace a recipient's entry (its purposes included).
#[utoipa::path(operation_id = "recipients_update", put, path = "/recipients/{id}", tag = "registers", params(("id" = Uuid, Path)), request_body = RecipientIn, responses((status = 200, body = RecipientOut), Errors, BodyErrors))]
async fn update(
    State(app): State<App>,
    Auth(p): Auth,
    Path(id): Path<Uuid>,
    Json(b): Json<RecipientIn>,
) -> Result<Json<RecipientOut>, ApiError> {
    app.update_recipient(&p, RecipientId(id), recipient_of(b)?).await?;
    Ok(Json(recipient_out(app.recipient(&p, RecipientId(id)).await?)))
}

/// Remove a recipient no sub-processor names (earlier register versions keep it).
#[utoipa::path(operation_id = "recipients_remove", delete, path = "/recipients/{id}", tag = "registers", params(("id" = Uuid, Path)), responses((status = 204, description = "Removed"), Errors))]
async fn remove(State(app): State<App>, Auth(p): Auth, Path(id): Path<Uuid>) -> Result<StatusCode, ApiError> {
    app.delete_recipient(&p, RecipientId(id)).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Serialize, ToSchema)]
pub struct TransferOut {
    pub recipient_id: Uuid,
    pub recipient: String,
    #[serde(flatten)]
    pub transfer: TransferDetail,
}

/// Every transfer out of the EEA, by recipient and country.
#[utoipa::path(operation_id = "recipients_transfers", get, path = "/transfers", tag = "registers", responses((status = 200, body = Vec<TransferOut>), Errors))]
async fn transfers(State(app): State<App>, Auth(p): Auth) -> Result<Json<Vec<TransferOut>>, ApiError> {
    let mut out = Vec::new();
    for r in app.recipients(&p).await? {
        for t in &r.recipient.transfers {
            out.push(TransferOut {
                recipient_id: r.id.0,
                recipient: r.recipient.legal_name.clone(),
                transfer: transfer_out(t),
            });
        }
    }
    Ok(Json(out))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TokenRecipientIn {
    /// The recipient whose integration uses the token, or null.
    pub recipient_id: Option<Uuid>,
}

/// Say which recipient's integration uses an API token: what it reads counts as received by that recipient in the register.
#[utoipa::path(operation_id = "recipients_token_recipient", put, path = "/tokens/{id}/recipient", tag = "registers", params(("id" = Uuid, Path)), request_body = TokenRecipientIn, responses((status = 204, description = "Linked"), Errors, BodyErrors))]
async fn token_recipient(
    State(app): State<App>,
    Auth(p): Auth,
    Path(id): Path<Uuid>,
    Json(b): Json<TokenRecipientIn>,
) -> Result<StatusCode, ApiError> {
    app.set_token_recipient(&p, TokenId(id), b.recipient_id.map(RecipientId)).await?;
    Ok(StatusCode::NO_CONTENT)
}

pub fn router() -> OpenApiRouter<App> {
    OpenApiRouter::new()
        .routes(routes!(list, create))
        .routes(routes!(get, update, remove))
        .routes(routes!(transfers))
        .routes(routes!(token_recipient))
}
