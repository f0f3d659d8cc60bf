//! **Admin → Webhooks**: endpoints (the signing secret shown once when one
//! is created), an endpoint's settings and delivery log with redelivery
//! and a test ping.

use super::form::{Errors, NoFields, StaffForm};
use super::session::{layout, Staff};
use super::view::Layout;
use super::{render_status, Id, PageError, PageResult};
use askama::Template;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect};
use axum::routing::{get, post};
use axum::Router;
use kith_app::sessions::Session;
use kith_app::webhooks::{Endpoint, WebhookInput};
use kith_app::{App, AppError};
use kith_domain::webhooks::EventType;
use kith_i18n::Tr;
use serde::Deserialize;
use uuid::Uuid;

pub(super) fn router() -> Router<App> {
    Router::new()
        .route("/admin/webhooks", get(list).post(create))
        .route("/admin/webhooks/{id}", get(show).post(update))
        .route("/admin/webhooks/{id}/delete", post(remove))
        .route("/admin/webhooks/{id}/test", post(test))
        .route("/admin/webhooks/{id}/deliveries/{delivery}/redeliver", post(redeliver))
}

fn admin_only(s: &Session) -> Result<(), PageError> {
    if s.role().can_administer() {
        Ok(())
    } else {
        Err(AppError::Forbidden("manage webhooks").into())
    }
}

/// The form, as typed.
#[derive(Deserialize, Default, Clone)]
#[serde(default)]
struct WebhookForm {
    url: String,
    description: String,
    events: Vec<String>,
    recipient: String,
    active: Option<String>,
}

impl WebhookForm {
    fn of(e: &Endpoint) -> Self {
        WebhookForm {
            url: e.url.clone(),
            description: e.description.clone(),
            events: e.events.iter().map(|e| e.as_str().to_owned()).collect(),
            recipient: e.recipient.map(|r| r.to_string()).unwrap_or_default(),
            active: e.active.then(|| "on".into()),
        }
    }

    fn has(&self, event: &str) -> bool {
        self.events.iter().any(|e| e == event)
    }

    fn input(&self, tr: &Tr) -> Result<WebhookInput, Errors> {
        let recipient = match self.recipient.trim() {
            "" => None,
            r => Some(
                Uuid::parse_str(r)
                    .map_err(|_| Errors(vec![("recipient".into(), tr.t("admin-webhook-choose-recipient"))]))?,
            ),
        };
        Ok(WebhookInput {
            url: self.url.clone(),
            description: self.description.clone(),
            events: self.events.clone(),
            recipient,
            active: self.active.is_some(),
        })
    }
}

struct Row {
    id: String,
    url: String,
    description: String,
    events: String,
    active: bool,
}

#[derive(Template)]
#[template(path = "admin_webhooks.html")]
struct ListPage {
    l: Layout,
    rows: Vec<Row>,
    f: WebhookForm,
    errors: Errors,
    /// The new endpoint's URL and secret, shown this once.
    created: Option<(String, String)>,
    events: Vec<(&'static str, String)>,
    recipients: Vec<(String, String)>,
}

/// The events an endpoint may subscribe to: code and what it tells.
fn event_choices(tr: &Tr) -> Vec<(&'static str, String)> {
    EventType::subscribable()
        .map(|e| (e.as_str(), tr.t(&format!("admin-event-{}", e.as_str().replace('.', "-")))))
        .collect()
}

async fn processor_choices(app: &App, s: &Session) -> Vec<(String, String)> {
    app.recipients(&s.principal)
        .await
        .unwrap_or_default()
        .into_iter()
        .map(|r| {
            let role = s.tr.t(&format!("admin-recipient-role-{}", r.recipient.role.as_str().replace('_', "-")));
            (r.id.to_string(), s.tr.t2("admin-webhook-processor-choice", "name", r.recipient.legal_name, "role", role))
        })
        .collect()
}

async fn list_page(
    app: &App,
    s: Session,
    f: WebhookForm,
    errors: Errors,
    created: Option<(String, String)>,
) -> PageResult {
    admin_only(&s)?;
    let rows = app
        .webhooks(&s.principal)
        .await?
        .into_iter()
        .map(|e| Row {
            id: e.id.to_string(),
            url: e.url,
            description: e.description,
            events: e.events.iter().map(|e| e.as_str()).collect::<Vec<_>>().join(", "),
            active: e.active,
        })
        .collect();
    let recipients = processor_choices(app, &s).await;
    let status = errors.status();
    let events = event_choices(&s.tr);
    let page = ListPage { l: layout(&s, "admin"), rows, f, errors, created, events, recipients };
    Ok(render_status(status, &page))
}

async fn list(State(app): State<App>, Staff(s): Staff) -> PageResult {
    let f = WebhookForm { active: Some("on".into()), ..WebhookForm::default() };
    list_page(&app, s, f, Errors::default(), None).await
}

async fn create(State(app): State<App>, StaffForm { staff, form }: StaffForm<WebhookForm>) -> PageResult {
    admin_only(&staff)?;
    let input = match form.input(&staff.tr) {
        Ok(i) => i,
        Err(e) => return list_page(&app, staff, form, e, None).await,
    };
    match app.create_webhook(&staff.principal, input).await {
        Ok((e, secret)) => {
            list_page(&app, staff, WebhookForm::default(), Errors::default(), Some((e.url, secret))).await
        }
        Err(AppError::Invalid(inv)) => list_page(&app, staff, form, Errors::from_invalid(&inv), None).await,
        Err(e) => Err(e.into()),
    }
}

struct DeliveryRow {
    id: String,
    event: String,
    created: String,
    /// `pending`, `delivered` or `failed`.
    status: String,
    status_text: String,
    attempts: i64,
    answer: String,
    error: String,
    next: String,
}

#[derive(Template)]
#[template(path = "admin_webhook.html")]
struct ShowPage {
    l: Layout,
    id: String,
    f: WebhookForm,
    errors: Errors,
    message: Option<String>,
    deliveries: Vec<DeliveryRow>,
    events: Vec<(&'static str, String)>,
    recipients: Vec<(String, String)>,
}

async fn show_page(
    app: &App,
    s: Session,
    id: Uuid,
    f: Option<WebhookForm>,
    errors: Errors,
    message: Option<String>,
) -> PageResult {
    admin_only(&s)?;
    let e = app.webhook(&s.principal, id).await?;
    let deliveries = app
        .webhook_deliveries(&s.principal, id, Some(100))
        .await?
        .into_iter()
        .map(|d| DeliveryRow {
            id: d.id.to_string(),
            event: d.event_type,
            created: s.tr.date_time(d.created_at),
            next: if d.status == "pending" { s.tr.date_time(d.next_at) } else { String::new() },
            status_text: match d.status.as_str() {
                "pending" => s.tr.t("admin-delivery-pending"),
                "delivered" => s.tr.t("admin-delivery-delivered"),
                "failed" => s.tr.t("admin-delivery-failed"),
                other => other.to_owned(),
            },
            status: d.status,
            attempts: d.attempts,
            answer: d.last_status.map(|s| s.to_string()).unwrap_or_default(),
            error: d.last_error.unwrap_or_default(),
        })
        .collect();
    let recipients = processor_choices(app, &s).await;
    let status = errors.status();
    let page = ShowPage {
        l: layout(&s, "admin"),
        id: id.to_string(),
        f: f.unwrap_or_else(|| WebhookForm::of(&e)),
        errors,
        message,
        deliveries,
        events: event_choices(&s.tr),
        recipients,
    };
    Ok(render_status(status, &page))
}

async fn show(State(app): State<App>, Staff(s): Staff, Id(id): Id<Uuid>) -> PageResult {
    show_page(&app, s, id, None, Errors::default(), None).await
}

async fn update(
    State(app): State<App>,
    Id(id): Id<Uuid>,
    StaffForm { staff, form }: StaffForm<WebhookForm>,
) -> PageResult {
    admin_only(&staff)?;
    let input = match form.input(&staff.tr) {
        Ok(i) => i,
        Err(e) => return show_page(&app, staff, id, Some(form), e, None).await,
    };
    match app.update_webhook(&staff.principal, id, input).await {
        Ok(_) => {
            let message = Some(staff.tr.t("admin-webhook-saved"));
            show_page(&app, staff, id, None, Errors::default(), message).await
        }
        Err(AppError::Invalid(inv)) => show_page(&app, staff, id, Some(form), Errors::from_invalid(&inv), None).await,
        Err(e) => Err(e.into()),
    }
}

async fn remove(State(app): State<App>, Id(id): Id<Uuid>, StaffForm { staff, .. }: StaffForm<NoFields>) -> PageResult {
    admin_only(&staff)?;
    app.delete_webhook(&staff.principal, id).await?;
    Ok(Redirect::to("/admin/webhooks").into_response())
}

async fn test(State(app): State<App>, Id(id): Id<Uuid>, StaffForm { staff, .. }: StaffForm<NoFields>) -> PageResult {
    admin_only(&staff)?;
    app.test_webhook(&staff.principal, id).await?;
    let message = Some(staff.tr.t("admin-webhook-ping-queued"));
    show_page(&app, staff, id, None, Errors::default(), message).await
}

async fn redeliver(
    State(app): State<App>,
    Id((id, delivery)): Id<(Uuid, Uuid)>,
    StaffForm { staff, .. }: StaffForm<NoFields>,
) -> PageResult {
    admin_only(&staff)?;
    app.redeliver_webhook(&staff.principal, id, delivery).await?;
    let message = Some(staff.tr.t("admin-webhook-requeued"));
    show_page(&app, staff, id, None, Errors::default(), message).await
}
