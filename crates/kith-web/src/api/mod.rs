//! `/api/v1`: one module per resource, each exposing its routes.

pub mod admin;
pub mod affected;
pub mod audit;
pub mod authorisations;
pub mod breaches;
pub mod companies;
pub mod consent;
pub mod contacts;
pub mod deals;
pub mod dpia;
pub mod dsr;
pub mod evidence;
pub mod exports;
pub mod interactions;
pub mod jobs;
pub mod newsletters;
pub mod policy;
pub mod recipients;
pub mod retention;
pub mod rights;
pub mod ropa;
pub mod segments;
pub mod settings;
pub mod templates;
pub mod webhooks;

use crate::problem::Problem;
use kith_app::App;
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};
use utoipa_axum::router::OpenApiRouter;

#[derive(OpenApi)]
#[openapi(
    info(title = "Kith API", description = "The GDPR-native CRM. Personal data is encrypted per subject; every read and change is audited. Searches by personal values (email, phone, name) are POSTs so the values never appear in URLs."),
    servers((url = "/api/v1", description = "This server")),
    modifiers(&BearerAuth),
    security(("bearer" = [])),
    tags(
        (name = "contacts", description = "Contacts: the data subjects"),
        (name = "interactions", description = "Notes, calls, emails and meetings on a contact"),
        (name = "companies", description = "Organisations"),
        (name = "deals", description = "Deals in a pipeline of stages"),
        (name = "audit", description = "The tamper-evident audit trail"),
        (name = "admin", description = "Users, tokens and field visibility"),
        (name = "consent", description = "Purposes, lawful bases, the consent ledger, forms and the compliance summary"),
        (name = "rights", description = "Data-subject requests, restriction of processing and objection"),
        (name = "policy", description = "The field policy: which personal fields Kith may hold, and why"),
        (name = "retention", description = "Retention rules enforced by a sweep, legal holds and review reminders"),
        (name = "evidence", description = "The signed evidence pack for a supervisory authority (registers, logs with people pseudonymised, chain heads, a signed manifest) and the key that verifies it"),
        (name = "breaches", description = "Personal-data breaches (Art. 33-34): the register, the 72-hour clock, the risk and decisions, notices to the authority and to the people, and the people a breach affects, found from the data"),
        (name = "webhooks", description = "Webhooks (admin): endpoints, signed deliveries (Standard Webhooks) from a durable outbox, the delivery log, redelivery and a test ping"),
        (name = "campaigns", description = "Newsletter campaigns: a template sent to an audience for one subscription type, each person checked with may_contact when sent; schedule, pause, resume, cancel; the delivery log"),
        (name = "templates", description = "Mail templates: a subject and a body per language with merge fields ({{first_name}}, {{confirm_url}}…), a preview for a real contact, a test send to oneself"),
        (name = "registers", description = "Accountability: the record of processing (Art. 30) computed from the data, recipients and transfers (Art. 28, 44-49), impact assessments (Art. 35-36), persons authorised to process data: instructions, acknowledgements and training (Art. 29, 32(4))"),
    )
)]
struct ApiDoc;

struct BearerAuth;

impl Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .description(Some("An API token from `kith token create`."))
                    .build(),
            ),
        );
    }
}

/// The errors every authenticated route can answer with.
#[derive(utoipa::IntoResponses)]
pub enum Errors {
    /// The request is malformed: bad JSON, bad query string, bad id, bad cursor.
    #[response(status = 400, content_type = "application/problem+json")]
    BadRequest(#[to_schema] Problem),
    /// No valid bearer token.
    #[response(status = 401, content_type = "application/problem+json")]
    Unauthenticated(Problem),
    /// The caller's role may not do this; or (type
    /// `…/instructions-not-acknowledged`) the token's user has yet to
    /// acknowledge the current instructions (`POST /instructions/acknowledge`).
    #[response(status = 403, content_type = "application/problem+json")]
    Forbidden(Problem),
    /// No such record.
    #[response(status = 404, content_type = "application/problem+json")]
    NotFound(Problem),
    /// Fields failed validation; `errors` names them.
    #[response(status = 422, content_type = "application/problem+json")]
    Invalid(Problem),
    /// The request conflicts with the record's state: processing of the
    /// person is restricted (type `…/restricted`), a name is taken, or a
    /// concurrent change asks for a retry.
    #[response(status = 409, content_type = "application/problem+json")]
    Conflict(Problem),
}

/// Errors of routes that take a JSON body, on top of [`Errors`].
#[derive(utoipa::IntoResponses)]
pub enum BodyErrors {
    /// The body is larger than 1 MiB.
    #[response(status = 413, content_type = "application/problem+json")]
    TooLarge(Problem),
    /// The body is not sent as `application/json`.
    #[response(status = 415, content_type = "application/problem+json")]
    UnsupportedMediaType(Problem),
}

pub fn router() -> OpenApiRouter<App> {
    OpenApiRouter::with_openapi(ApiDoc::openapi())
        .merge(contacts::router())
        .merge(interactions::router())
        .merge(companies::router())
        .merge(deals::router())
        .merge(audit::router())
        .merge(admin::router())
        .merge(consent::router())
        .merge(rights::router())
        .merge(dsr::router())
        .merge(exports::router())
        .merge(retention::router())
        .merge(policy::router())
        .merge(settings::router())
        .merge(jobs::router())
        .merge(recipients::router())
        .merge(ropa::router())
        .merge(authorisations::router())
        .merge(dpia::router())
        .merge(evidence::router())
        .merge(breaches::router())
        .merge(affected::router())
        .merge(webhooks::router())
        .merge(templates::router())
        .merge(segments::router())
        .merge(newsletters::router())
}

/// `Some(x)` for a present value, `Some(None)` for an explicit `null`:
/// lets PATCH tell "clear" from "leave alone".
pub(crate) fn double_option<'de, D, T>(d: D) -> Result<Option<Option<T>>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: serde::Deserialize<'de>,
{
    serde::Deserialize::deserialize(d).map(Some)
}

/// Parses an RFC 3339 query timestamp into stored milliseconds.
pub(crate) fn parse_time(field: &str, v: Option<&str>) -> Result<Option<i64>, crate::problem::ApiError> {
    v.map(|s| {
        time::OffsetDateTime::parse(s, &time::format_description::well_known::Rfc3339)
            .map(kith_app::records::to_ms)
            .map_err(|_| {
                crate::problem::ApiError::invalid(vec![kith_domain::FieldError::new(
                    field,
                    "must be an RFC 3339 date-time such as 2026-01-31T09:00:00Z",
                )])
            })
    })
    .transpose()
}
