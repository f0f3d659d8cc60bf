//! What is posted on a contact's page: an edit, a quick-added note, a
//! deletion.

use super::contact_form::ContactForm;
use super::custom_fields::split_errors;
use super::detail::{contact_page, PageState};
use crate::pages::form::{create_key, form_token, NoFields, StaffForm};
use crate::pages::{Id, PageResult};
use axum::extract::State;
use axum::response::{IntoResponse, Redirect};
use kith_app::deletion::Deletion;
use kith_app::interactions::NewInteraction;
use kith_app::{App, AppError};
use kith_domain::{InteractionKind, Invalid, SubjectId};
use serde::Deserialize;
use uuid::Uuid;

pub(super) async fn update(
    State(app): State<App>,
    Id(id): Id<Uuid>,
    StaffForm { staff, form }: StaffForm<ContactForm>,
) -> PageResult {
    let id = SubjectId(id);
    let policy = app.field_policy(&staff.principal).await?;
    let result = match form.patch(&staff.tr, &policy) {
        Ok(patch) => app.update_contact(&staff.principal, id, patch).await.map(|_| ()),
        Err(inv) => Err(AppError::Invalid(inv)),
    };
    // A change made meanwhile (a field the policy removed since the form was
    // shown): the form again, with what was typed and why.
    let result = result.map_err(|e| match e {
        AppError::Conflict(m) => AppError::Invalid(Invalid::one("", m)),
        e => e,
    });
    match result {
        Ok(()) => Ok(Redirect::to(&format!("/contacts/{id}?notice=saved")).into_response()),
        Err(AppError::Invalid(inv)) => {
            let (errors, custom_errors) = split_errors(&inv);
            let st = PageState { form: Some(form), errors, custom_errors, ..Default::default() };
            contact_page(&app, staff, id, st).await
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub(super) struct NoteForm {
    kind: String,
    body: String,
    idem: String,
}

pub(super) async fn add_interaction(
    State(app): State<App>,
    Id(id): Id<Uuid>,
    StaffForm { staff, form }: StaffForm<NoteForm>,
) -> PageResult {
    let id = SubjectId(id);
    let result = match InteractionKind::parse(&form.kind) {
        Some(kind) => app
            .create_interaction(
                &staff.principal,
                id,
                NewInteraction { kind, occurred_at: None, body: form.body.clone() },
                create_key(&form.idem, "interaction").as_ref(),
            )
            .await
            .map(|_| ()),
        None => Err(Invalid::one("kind", staff.tr.t("contacts-choose-kind")).into()),
    };
    match result {
        Ok(()) => Ok(Redirect::to(&format!("/contacts/{id}?notice=added#timeline")).into_response()),
        Err(AppError::Invalid(inv)) => {
            let msg = inv.0.iter().map(|f| f.message.clone()).collect::<Vec<_>>().join("; ");
            let st =
                PageState { note: Some((form.kind, form.body, form_token(&form.idem), msg)), ..Default::default() };
            contact_page(&app, staff, id, st).await
        }
        Err(e) => Err(e.into()),
    }
}

pub(super) async fn delete(
    State(app): State<App>,
    Id(id): Id<Uuid>,
    StaffForm { staff, .. }: StaffForm<NoFields>,
) -> PageResult {
    match app.delete_contact(&staff.principal, SubjectId(id)).await? {
        Deletion::Erased => Ok(Redirect::to("/contacts?notice=deleted").into_response()),
        Deletion::Requested(_) => Ok(Redirect::to(&format!("/contacts/{id}?notice=erasure-requested")).into_response()),
    }
}
