//! `/contacts`: the data subjects.

use super::{double_option, parse_time, BodyErrors, Errors};
use crate::extract::{Auth, IdemHeader, Json, ListQuery, Path};
use crate::problem::ApiError;
use axum::extract::State;
use axum::http::StatusCode;
use kith_app::contacts::{ContactPatch, ContactQuery, NewContact};
use kith_app::records::{Contact, ContactFilter, ContactSort};
use kith_app::App;
use kith_domain::{
    Address, CompanyId, ContactData, Email, Field, FieldError, Invalid, Phone, SourceKind, SubjectId, UserId,
};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;
use uuid::Uuid;

#[path = "contacts_query.rs"]
mod query;
pub use query::{ContactList, ListParams, SearchIn, SortDto, SourceDto};

/// A postal address.
#[derive(Clone, Default, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AddressDto {
    #[schema(max_length = 200)]
    pub street: Option<String>,
    #[schema(max_length = 200)]
    pub postal_code: Option<String>,
    #[schema(max_length = 200)]
    pub city: Option<String>,
    #[schema(max_length = 200)]
    pub region: Option<String>,
    #[schema(max_length = 200)]
    pub country: Option<String>,
}

impl From<AddressDto> for Address {
    fn from(a: AddressDto) -> Self {
        Address { street: a.street, postal_code: a.postal_code, city: a.city, region: a.region, country: a.country }
    }
}

impl From<Address> for AddressDto {
    fn from(a: Address) -> Self {
        AddressDto { street: a.street, postal_code: a.postal_code, city: a.city, region: a.region, country: a.country }
    }
}

/// A contact as the caller's role may see it. Fields the role may not see
/// are absent and named in `hidden_fields`; empty fields are absent too.
#[derive(Serialize, ToSchema)]
pub struct ContactOut {
    pub id: Uuid,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub first_name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_name: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub emails: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub phones: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub address: Option<AddressDto>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub job_title: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
    pub owner_id: Option<Uuid>,
    pub company_id: Option<Uuid>,
    pub tags: Vec<String>,
    /// Custom fields the field policy allows, by name (without `custom.`).
    #[serde(skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub custom: std::collections::BTreeMap<String, String>,
    /// Personal fields the caller's role may not see.
    pub hidden_fields: Vec<String>,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: time::OffsetDateTime,
    #[serde(with = "time::serde::rfc3339")]
    pub updated_at: time::OffsetDateTime,
    /// Where the contact came from (absent for contacts older than provenance).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<SourceOut>,
    /// The field policy version (see `GET /field-policy/versions`) its
    /// fields were last written under; null if last written before the
    /// field policy existed.
    pub policy_version: Option<i64>,
    /// The language Kith writes to the person in (mail, notices), when
    /// known: the one chosen for them or that of the form or notice of
    /// their latest consent, else an import's. Given on a single contact
    /// (read, create, change), absent in lists.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
}

/// A contact's provenance.
#[derive(Serialize, ToSchema)]
pub struct SourceOut {
    /// manual, web_form, import or api.
    pub kind: String,
    /// The form, the file or the API token.
    pub reference: Option<String>,
    /// The form's page address, or the file's row.
    pub detail: Option<String>,
    /// Who created it (staff entry, import, API token owner).
    pub user_id: Option<Uuid>,
    #[serde(with = "time::serde::rfc3339")]
    pub at: time::OffsetDateTime,
}

pub(crate) fn contact_out(c: Contact, hidden: &[Field]) -> ContactOut {
    let d = c.data;
    ContactOut {
        id: c.id.0,
        first_name: d.first_name,
        last_name: d.last_name,
        emails: d.emails.into_iter().map(String::from).collect(),
        phones: d.phones.into_iter().map(String::from).collect(),
        address: d.address.map(Into::into),
        job_title: d.job_title,
        notes: d.notes,
        owner_id: c.owner.map(|u| u.0),
        company_id: c.company.map(|c| c.0),
        tags: c.tags,
        custom: d.custom,
        hidden_fields: hidden.iter().map(|f| f.as_str().to_owned()).collect(),
        created_at: c.created_at,
        updated_at: c.updated_at,
        source: c.source.map(|s| SourceOut {
            kind: s.kind.as_str().into(),
            reference: s.reference,
            detail: s.detail,
            user_id: s.user.map(|u| u.0),
            at: s.at,
        }),
        policy_version: c.policy_version,
        language: None,
    }
}

/// A new contact. At least a name, an email or a phone.
#[derive(Clone, Default, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ContactIn {
    #[schema(max_length = 200)]
    pub first_name: Option<String>,
    #[schema(max_length = 200)]
    pub last_name: Option<String>,
    #[serde(default)]
    #[schema(max_items = 10)]
    pub emails: Vec<String>,
    #[serde(default)]
    #[schema(max_items = 10)]
    pub phones: Vec<String>,
    pub address: Option<AddressDto>,
    #[schema(max_length = 200)]
    pub job_title: Option<String>,
    #[schema(max_length = 20000)]
    pub notes: Option<String>,
    pub owner_id: Option<Uuid>,
    pub company_id: Option<Uuid>,
    #[serde(default)]
    #[schema(max_items = 50)]
    pub tags: Vec<String>,
    /// Values of custom fields by name (see `GET /field-policy`); each must
    /// be allowed by the field policy.
    #[serde(default)]
    pub custom: std::collections::BTreeMap<String, String>,
    /// The language Kith writes to the person in: one of the shipped
    /// languages (`en`, `it`, `fr`, `bg`, `de`, `es`); without it, the
    /// language of the form they answer, else the controller's default.
    #[schema(max_length = 35)]
    pub language: Option<String>,
}

/// `language` as a shipped language, or a field error.
pub(crate) fn parse_language(field: &str, v: Option<&str>, inv: &mut Invalid) -> Option<&'static str> {
    let v = v?;
    let l = kith_i18n::supported(v);
    if l.is_none() {
        inv.push(field, format!("must be one of {}", kith_i18n::languages().join(", ")));
    }
    l
}

pub(crate) fn parse_emails(field: &str, v: &[String], inv: &mut Invalid) -> Vec<Email> {
    v.iter().enumerate().filter_map(|(i, e)| inv.check(&format!("{field}[{i}]"), Email::parse(e))).collect()
}

pub(crate) fn parse_phones(field: &str, v: &[String], inv: &mut Invalid) -> Vec<Phone> {
    v.iter().enumerate().filter_map(|(i, p)| inv.check(&format!("{field}[{i}]"), Phone::parse(p))).collect()
}

impl ContactIn {
    pub(crate) fn into_new(self) -> Result<NewContact, Invalid> {
        let mut inv = Invalid::default();
        let emails = parse_emails("emails", &self.emails, &mut inv);
        let phones = parse_phones("phones", &self.phones, &mut inv);
        parse_language("language", self.language.as_deref(), &mut inv);
        inv.into_result()?;
        Ok(NewContact {
            owner: self.owner_id.map(UserId),
            company: self.company_id.map(CompanyId),
            tags: self.tags,
            data: ContactData {
                first_name: self.first_name,
                last_name: self.last_name,
                emails,
                phones,
                address: self.address.map(Into::into),
                job_title: self.job_title,
                notes: self.notes,
                custom: self.custom,
            },
            source: None,
        })
    }
}

/// A partial change: absent fields stay, `null` clears.
#[derive(Clone, Default, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ContactPatchIn {
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<String>, nullable, max_length = 200)]
    pub first_name: Option<Option<String>>,
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<String>, nullable, max_length = 200)]
    pub last_name: Option<Option<String>>,
    #[schema(max_items = 10)]
    pub emails: Option<Vec<String>>,
    #[schema(max_items = 10)]
    pub phones: Option<Vec<String>>,
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<AddressDto>, nullable)]
    pub address: Option<Option<AddressDto>>,
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<String>, nullable, max_length = 200)]
    pub job_title: Option<Option<String>>,
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<String>, nullable, max_length = 20000)]
    pub notes: Option<Option<String>>,
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<Uuid>, nullable)]
    pub owner_id: Option<Option<Uuid>>,
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<Uuid>, nullable)]
    pub company_id: Option<Option<Uuid>>,
    #[schema(max_items = 50)]
    pub tags: Option<Vec<String>>,
    /// Custom field values to set by name; an empty string removes one.
    pub custom: Option<std::collections::BTreeMap<String, String>>,
    /// The language Kith writes to the person in (see `ContactIn`).
    #[schema(max_length = 35)]
    pub language: Option<String>,
}

#[derive(Deserialize, Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct BatchIn {
    /// 1 to 1000 contacts, created all together or not at all.
    #[schema(min_items = 1, max_items = 1000)]
    pub contacts: Vec<ContactIn>,
}

#[derive(Serialize, ToSchema)]
pub struct BatchOut {
    pub ids: Vec<Uuid>,
}

pub fn router() -> OpenApiRouter<App> {
    OpenApiRouter::new()
        .routes(routes!(list_contacts, create_contact))
        .routes(routes!(create_contacts))
        .routes(routes!(search_contacts))
        .routes(routes!(get_contact, update_contact, delete_contact))
}

/// Runs a listing or search and renders the page for the caller's role.
async fn contact_page(app: &App, p: &kith_app::Principal, query: ContactQuery) -> Result<Json<ContactList>, ApiError> {
    let page = app.list_contacts(p, query).await?;
    let hidden = app.hidden_fields(p).await?;
    Ok(Json(ContactList {
        items: page.items.into_iter().map(|c| contact_out(c, &hidden)).collect(),
        next_cursor: page.next_cursor,
    }))
}

/// List contacts, filtered and sorted, a page at a time.
#[utoipa::path(get, path = "/contacts", tag = "contacts", params(ListParams),
    responses((status = 200, body = ContactList), Errors))]
async fn list_contacts(
    State(app): State<App>,
    Auth(p): Auth,
    ListQuery(q): ListQuery<ListParams>,
) -> Result<Json<ContactList>, ApiError> {
    let query = ContactQuery {
        filter: ContactFilter { segment: super::segments::checked(&app, q.segment_pairs()).await?, ..q.filter()? },
        sort: q.sort.unwrap_or_default().into(),
        cursor: q.cursor,
        limit: q.limit,
        ..Default::default()
    };
    contact_page(&app, &p, query).await
}

/// Find contacts by exact email or phone, or by name prefixes.
#[utoipa::path(post, path = "/contacts/search", tag = "contacts", request_body = SearchIn,
    responses((status = 200, body = ContactList), Errors, BodyErrors))]
async fn search_contacts(
    State(app): State<App>,
    Auth(p): Auth,
    Json(s): Json<SearchIn>,
) -> Result<Json<ContactList>, ApiError> {
    if s.q.is_none() && s.email.is_none() && s.phone.is_none() {
        return Err(ApiError::invalid(vec![FieldError::new("q", "give one of q, email or phone")]));
    }
    let lp = ListParams {
        owner: s.owner,
        tag: s.tag,
        company: s.company,
        source: s.source,
        created_from: s.created_from,
        created_to: s.created_to,
        updated_from: s.updated_from,
        updated_to: s.updated_to,
        sort: None,
        cursor: s.cursor,
        limit: s.limit,
        ..Default::default()
    };
    let query = ContactQuery {
        q: s.q,
        email: s.email,
        phone: s.phone,
        filter: lp.filter()?,
        sort: ContactSort::CreatedAsc,
        cursor: lp.cursor,
        limit: lp.limit,
    };
    contact_page(&app, &p, query).await
}

/// Create a contact. A retried request with the same `Idempotency-Key`
/// returns the contact created the first time.
#[utoipa::path(post, path = "/contacts", tag = "contacts", request_body = ContactIn,
    params(("Idempotency-Key" = Option<String>, Header, description = "Makes a retried create return the first result")),
    responses((status = 201, body = ContactOut), Errors, BodyErrors))]
async fn create_contact(
    State(app): State<App>,
    Auth(p): Auth,
    idem: IdemHeader,
    Json(body): Json<ContactIn>,
) -> Result<(StatusCode, Json<ContactOut>), ApiError> {
    let key = idem.key("/contacts", &body)?;
    let language = body.language.as_deref().and_then(kith_i18n::supported);
    let new = body.into_new()?;
    let c = app.create_contact(&p, new, key.as_ref()).await?;
    if let Some(l) = language {
        app.set_contact_languages(&p, &[(c.id, l.to_owned())]).await?;
    }
    Ok((StatusCode::CREATED, Json(one_out(&app, &p, c).await?)))
}

/// Create up to 1000 contacts in one transaction.
#[utoipa::path(post, path = "/contacts/batch", tag = "contacts", request_body = BatchIn,
    responses((status = 201, body = BatchOut), Errors, BodyErrors))]
async fn create_contacts(
    State(app): State<App>,
    Auth(p): Auth,
    Json(body): Json<BatchIn>,
) -> Result<(StatusCode, Json<BatchOut>), ApiError> {
    let mut inv = Invalid::default();
    let mut batch = Vec::with_capacity(body.contacts.len());
    let mut languages = Vec::with_capacity(body.contacts.len());
    for (i, c) in body.contacts.into_iter().enumerate() {
        languages.push(c.language.as_deref().and_then(kith_i18n::supported));
        if let Some(n) = inv.check(&format!("contacts[{i}]"), c.into_new()) {
            batch.push(n);
        }
    }
    inv.into_result()?;
    let ids = app.create_contacts(&p, batch).await?;
    let chosen: Vec<(SubjectId, String)> =
        ids.iter().zip(languages).filter_map(|(id, l)| Some((*id, l?.to_owned()))).collect();
    if !chosen.is_empty() {
        app.set_contact_languages(&p, &chosen).await?;
    }
    Ok((StatusCode::CREATED, Json(BatchOut { ids: ids.into_iter().map(|i| i.0).collect() })))
}

/// Read a contact.
#[utoipa::path(get, path = "/contacts/{id}", tag = "contacts", params(("id" = Uuid, Path)),
    responses((status = 200, body = ContactOut), Errors))]
async fn get_contact(
    State(app): State<App>,
    Auth(p): Auth,
    Path(id): Path<Uuid>,
) -> Result<Json<ContactOut>, ApiError> {
    let c = app.get_contact(&p, SubjectId(id)).await?;
    Ok(Json(one_out(&app, &p, c).await?))
}

/// Change some of a contact's fields.
#[utoipa::path(patch, path = "/contacts/{id}", tag = "contacts", params(("id" = Uuid, Path)), request_body = ContactPatchIn,
    responses((status = 200, body = ContactOut), Errors, BodyErrors))]
async fn update_contact(
    State(app): State<App>,
    Auth(p): Auth,
    Path(id): Path<Uuid>,
    Json(b): Json<ContactPatchIn>,
) -> Result<Json<ContactOut>, ApiError> {
    let mut inv = Invalid::default();
    let emails = b.emails.as_deref().map(|v| parse_emails("emails", v, &mut inv));
    let phones = b.phones.as_deref().map(|v| parse_phones("phones", v, &mut inv));
    let language = parse_language("language", b.language.as_deref(), &mut inv);
    inv.into_result()?;
    let only_language = b.language.is_some()
        && b.first_name.is_none()
        && b.last_name.is_none()
        && b.emails.is_none()
        && b.phones.is_none()
        && b.address.is_none()
        && b.job_title.is_none()
        && b.notes.is_none()
        && b.owner_id.is_none()
        && b.company_id.is_none()
        && b.tags.is_none()
        && b.custom.is_none();
    let patch = ContactPatch {
        owner: b.owner_id.map(|o| o.map(UserId)),
        company: b.company_id.map(|c| c.map(CompanyId)),
        tags: b.tags,
        first_name: b.first_name,
        last_name: b.last_name,
        emails,
        phones,
        address: b.address.map(|a| a.map(Into::into)),
        job_title: b.job_title,
        notes: b.notes,
        custom: b.custom,
    };
    let c = match language {
        // Only the language: the contact itself does not change.
        Some(_) if only_language => app.get_contact(&p, SubjectId(id)).await?,
        _ => app.update_contact(&p, SubjectId(id), patch).await?,
    };
    if let Some(l) = language {
        app.set_contact_languages(&p, &[(c.id, l.to_owned())]).await?;
    }
    Ok(Json(one_out(&app, &p, c).await?))
}

/// One contact as the caller may see it, with the language Kith writes
/// to them in.
async fn one_out(app: &App, p: &kith_app::Principal, c: Contact) -> Result<ContactOut, ApiError> {
    let hidden = app.hidden_fields(p).await?;
    let language = app.person_language(c.id).await?;
    Ok(ContactOut { language, ..contact_out(c, &hidden) })
}

/// An erasure request filed instead of deleting.
#[derive(Serialize, ToSchema)]
pub struct DeletionRequested {
    /// The erasure request in the register (`/dsr/{id}`).
    pub request_id: Uuid,
    pub status: String,
}

/// Delete a contact: its key, personal data, interactions and index entries
/// go in one transaction, and the database is scrubbed (204). Roles other
/// than admin and dpo file an erasure request instead (202), unless the
/// admin lets their role delete directly (`/settings/direct-deletion`). A
/// contact under a legal hold or a restriction is not deleted (409).
#[utoipa::path(delete, path = "/contacts/{id}", tag = "contacts", params(("id" = Uuid, Path)),
    responses((status = 204, description = "Deleted"), (status = 202, description = "An erasure request was filed", body = DeletionRequested), Errors))]
async fn delete_contact(
    State(app): State<App>,
    Auth(p): Auth,
    Path(id): Path<Uuid>,
) -> Result<axum::response::Response, ApiError> {
    use axum::response::IntoResponse;
    Ok(match app.delete_contact(&p, SubjectId(id)).await? {
        kith_app::deletion::Deletion::Erased => StatusCode::NO_CONTENT.into_response(),
        kith_app::deletion::Deletion::Requested(request_id) => {
            (StatusCode::ACCEPTED, Json(DeletionRequested { request_id, status: "received".into() })).into_response()
        }
    })
}
