//! Consent requests with templates: "Request consent from all matching"
//! from the contacts list (choose, then the bulk confirmation with the
//! count), the "Request consent" button on a contact's page, and on a
//! purpose's requests page the automatic request rule and re-permission.

use super::form::{parse_uuid, StaffForm};
use super::session::{layout, Staff};
use super::templates::{link, rich};
use super::view::Layout;
use super::{render, render_status, Id, PageResult};
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect};
use axum::routing::{get, post};
use axum::Router;
use kith_app::campaigns::CampaignInput;
use kith_app::consent_requests::{AutoRuleFields, RequestOutcome};
use kith_app::sessions::Session;
use kith_app::{App, AppError};
use kith_domain::template::TemplateKind;
use kith_domain::{Invalid, PurposeId, SubjectId};
use kith_i18n::{Arg, Tr};
use serde::Deserialize;
use uuid::Uuid;

pub(super) fn router() -> Router<App> {
    Router::new()
        .route("/contacts/request-consent", post(choose_all))
        .route("/contacts/{id}/request-consent", get(one_page).post(one_send))
        .route("/privacy/purposes/{id}/requests", get(purpose_page))
        .route("/privacy/purposes/{id}/auto-requests", post(save_rule))
        .route("/privacy/purposes/{id}/ask-again", post(ask_again))
}

/// What the choosing forms offer: id and words.
struct Choices {
    purposes: Vec<(String, String)>,
    templates: Vec<(String, String)>,
    /// The newest version of each notice.
    notices: Vec<(String, String)>,
}

async fn choices(app: &App, s: &Session) -> Result<Choices, AppError> {
    let p = &s.principal;
    let purposes = app.purposes(p).await?.into_iter().map(|x| (x.id.to_string(), x.name)).collect();
    let templates = app
        .templates(p)
        .await?
        .into_iter()
        .filter(|t| t.kind == TemplateKind::ConsentRequest)
        .map(|t| {
            let langs = t.texts.iter().map(|x| x.language.as_str()).collect::<Vec<_>>().join(", ");
            (t.id.to_string(), format!("{} ({langs})", t.name))
        })
        .collect();
    let mut notices: Vec<(String, String)> = Vec::new();
    let mut seen: Vec<String> = Vec::new();
    // Newest version first per name (the store's order).
    for n in app.notices(p).await? {
        if !seen.contains(&n.name) {
            seen.push(n.name.clone());
            notices.push((n.id.to_string(), format!("{} v{} ({})", n.name, n.version, n.language)));
        }
    }
    Ok(Choices { purposes, templates, notices })
}

/// The list's filter and search, carried from the contacts list.
#[derive(Deserialize, Default)]
#[serde(default)]
struct FromList {
    filter: String,
    q: String,
    purpose: String,
}

#[derive(Template)]
#[template(path = "request_consent_all.html")]
struct ChooseAll {
    l: Layout,
    filter: String,
    q: String,
    purpose: String,
    c: Choices,
    /// "There is no consent request template yet: write one." with its link.
    write_one: String,
    /// Where purposes and notices are set up, with the link.
    setup: String,
}

/// "There is no consent request template yet: write one." with its link.
fn write_one(tr: &Tr) -> String {
    rich(
        tr,
        "templates-req-no-template-link",
        &[],
        &[("link", link("/templates/new", &tr.t("templates-req-write-one")))],
    )
}

/// Step one of "Request consent from all matching": purpose, template,
/// notice and days to answer; the next step is the bulk confirmation
/// (with the count), then the campaign.
async fn choose_all(State(app): State<App>, StaffForm { staff, form }: StaffForm<FromList>) -> PageResult {
    staff.principal.role.can_record_consent().then_some(()).ok_or(AppError::Forbidden("send consent requests"))?;
    let c = choices(&app, &staff).await?;
    let tr = &staff.tr;
    let page = ChooseAll {
        l: layout(&staff, "contacts"),
        filter: form.filter,
        q: form.q,
        purpose: form.purpose,
        c,
        write_one: write_one(tr),
        setup: rich(
            tr,
            "templates-req-setup",
            &[],
            &[("link", link("/privacy/setup", &tr.t("templates-req-privacy")))],
        ),
    };
    Ok(render(&page))
}

/// A request form as posted.
#[derive(Deserialize, Default)]
#[serde(default)]
struct RequestForm {
    purpose: String,
    template: String,
    notice: String,
    wait_days: String,
}

impl RequestForm {
    fn input(&self, tr: &Tr) -> Result<CampaignInput, Invalid> {
        let mut inv = Invalid::default();
        let purpose = parse_uuid(&mut inv, "purpose", &self.purpose).map(PurposeId);
        let template = parse_uuid(&mut inv, "template", &self.template);
        let notice = parse_uuid(&mut inv, "notice", &self.notice);
        let wait_days = self.wait_days.trim().parse::<i64>().unwrap_or(0);
        if purpose.is_none() {
            inv.push("purpose", tr.t("templates-req-choose-purpose"));
        }
        if template.is_none() {
            inv.push("template", tr.t("templates-req-choose-template"));
        }
        if notice.is_none() {
            inv.push("notice", tr.t("templates-req-choose-notice"));
        }
        inv.into_result()?;
        let (Some(purpose), Some(notice)) = (purpose, notice) else {
            return Err(Invalid::one("purpose", tr.t("templates-req-choose-purpose")));
        };
        Ok(CampaignInput {
            purpose,
            notice,
            mail_subject: String::new(),
            mail_body: String::new(),
            wait_days,
            template,
            renew: false,
        })
    }
}

#[derive(Template)]
#[template(path = "request_consent_one.html")]
struct OnePage {
    l: Layout,
    id: String,
    name: String,
    c: Choices,
    /// What the last request did, or what to correct.
    sent: Option<String>,
    skipped: Option<String>,
    errors: Vec<String>,
    write_one: String,
}

async fn one_form(
    app: &App,
    s: &Session,
    id: SubjectId,
    sent: Option<String>,
    skipped: Option<String>,
    errors: Vec<String>,
) -> PageResult {
    s.principal.role.can_record_consent().then_some(()).ok_or(AppError::Forbidden("send consent requests"))?;
    let contact = app.get_contact(&s.principal, id).await?;
    let c = choices(app, s).await?;
    let status = if errors.is_empty() { StatusCode::OK } else { StatusCode::UNPROCESSABLE_ENTITY };
    let page = OnePage {
        l: layout(s, "contacts"),
        id: id.to_string(),
        name: super::view::contact_name_tr(&s.tr, &contact.data),
        c,
        sent,
        skipped,
        errors,
        write_one: write_one(&s.tr),
    };
    Ok(render_status(status, &page))
}

async fn one_page(State(app): State<App>, Staff(s): Staff, Id(id): Id<Uuid>) -> PageResult {
    one_form(&app, &s, SubjectId(id), None, None, Vec::new()).await
}

fn sentences(tr: &Tr, inv: &Invalid) -> Vec<String> {
    inv.0.iter().map(|f| format!("{}: {}", super::view::field_label(tr, &f.field), f.message)).collect()
}

async fn one_send(
    State(app): State<App>,
    Id(id): Id<Uuid>,
    StaffForm { staff, form }: StaffForm<RequestForm>,
) -> PageResult {
    let id = SubjectId(id);
    let r = match form.input(&staff.tr) {
        Ok(c) => app.request_consent(&staff.principal, id, &c).await,
        Err(e) => Err(e.into()),
    };
    match r {
        Ok(RequestOutcome::Sent) => {
            let msg = staff.tr.t("templates-req-queued");
            one_form(&app, &staff, id, Some(msg), None, Vec::new()).await
        }
        Ok(RequestOutcome::Skipped(why)) => {
            one_form(&app, &staff, id, None, Some(staff.tr.t1("templates-req-not-sent", "why", why)), Vec::new()).await
        }
        Err(AppError::Invalid(inv)) => one_form(&app, &staff, id, None, None, sentences(&staff.tr, &inv)).await,
        Err(e) => Err(e.into()),
    }
}

#[derive(Template)]
#[template(path = "purpose_requests.html")]
struct PurposePage {
    l: Layout,
    id: String,
    name: String,
    c: Choices,
    /// The rule as set (template id, notice id, days, on), if any.
    rule: Option<(String, String, i64, bool)>,
    /// Contacts who gave consent under an older notice.
    old_notice: i64,
    notice: Option<String>,
    errors: Vec<String>,
    /// What the rule needs, with links to write and publish.
    auto_needs: String,
    /// How many gave consent under an older notice, with a link to them.
    old_count: String,
}

async fn purpose_form(
    app: &App,
    s: &Session,
    id: PurposeId,
    notice: Option<String>,
    errors: Vec<String>,
) -> PageResult {
    let purpose = app.get_purpose(&s.principal, id).await?;
    let rule = app
        .auto_rule(&s.principal, id)
        .await?
        .map(|r| (r.template.to_string(), r.notice.to_string(), r.wait_days, r.enabled));
    let c = choices(app, s).await?;
    let status = if errors.is_empty() { StatusCode::OK } else { StatusCode::UNPROCESSABLE_ENTITY };
    let old_notice = app.old_notice_count(&s.principal, id).await?;
    let tr = &s.tr;
    let auto_needs = rich(
        tr,
        "templates-req-auto-needs",
        &[],
        &[
            ("write", link("/templates/new", &tr.t("templates-req-write-one"))),
            ("publish", link("/privacy/setup", &tr.t("templates-req-publish-one"))),
        ],
    );
    let count = [("count", format!("<strong>{}</strong>", tr.number(i128::from(old_notice))))];
    let old_count = if old_notice > 0 {
        let see = link(&format!("/contacts?old_notice={id}"), &tr.t("templates-req-see-them"));
        rich(
            tr,
            "templates-req-old-count-see",
            &[("n", Arg::Num(old_notice as f64))],
            &[count[0].clone(), ("link", see)],
        )
    } else {
        rich(tr, "templates-req-old-count", &[("n", Arg::Num(old_notice as f64))], &count)
    };
    let page = PurposePage {
        l: layout(s, "privacy"),
        id: id.to_string(),
        name: purpose.name,
        c,
        rule,
        old_notice,
        notice,
        errors,
        auto_needs,
        old_count,
    };
    Ok(render_status(status, &page))
}

async fn purpose_page(
    State(app): State<App>,
    Staff(s): Staff,
    Id(id): Id<Uuid>,
    q: axum::extract::RawQuery,
) -> PageResult {
    let notice = match q.0.as_deref() {
        Some("saved=1") => Some(s.tr.t("templates-req-rule-saved")),
        Some(q) if q.starts_with("asked=") => {
            let n = |k: &str| {
                q.split('&').find_map(|kv| kv.strip_prefix(k)).and_then(|v| v.parse::<u64>().ok()).unwrap_or(0)
            };
            Some(s.tr.t2("templates-req-asked", "asked", n("asked="), "skipped", n("skipped=")))
        }
        _ => None,
    };
    purpose_form(&app, &s, PurposeId(id), notice, Vec::new()).await
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct RuleForm {
    template: String,
    notice: String,
    wait_days: String,
    enabled: String,
}

async fn save_rule(
    State(app): State<App>,
    Id(id): Id<Uuid>,
    StaffForm { staff, form }: StaffForm<RuleForm>,
) -> PageResult {
    let purpose = PurposeId(id);
    let mut inv = Invalid::default();
    let template = parse_uuid(&mut inv, "template", &form.template);
    let notice = parse_uuid(&mut inv, "notice", &form.notice);
    let r = match (inv.into_result(), template, notice) {
        (Ok(()), Some(template), Some(notice)) => {
            let f = AutoRuleFields {
                purpose,
                template,
                notice,
                wait_days: form.wait_days.trim().parse().unwrap_or(0),
                enabled: form.enabled == "yes",
            };
            app.save_auto_rule(&staff.principal, f).await
        }
        (Err(inv), _, _) => Err(inv.into()),
        _ => Err(Invalid::one("template", staff.tr.t("templates-req-choose-both")).into()),
    };
    match r {
        Ok(()) => Ok(Redirect::to(&format!("/privacy/purposes/{id}/requests?saved=1")).into_response()),
        Err(AppError::Invalid(inv)) => purpose_form(&app, &staff, purpose, None, sentences(&staff.tr, &inv)).await,
        Err(AppError::Conflict(m)) => purpose_form(&app, &staff, purpose, None, vec![m]).await,
        Err(e) => Err(e.into()),
    }
}

/// Re-permission: everyone who gave consent under an older notice is asked
/// again under the chosen (current) notice.
async fn ask_again(
    State(app): State<App>,
    Id(id): Id<Uuid>,
    StaffForm { staff, form }: StaffForm<RequestForm>,
) -> PageResult {
    let purpose = PurposeId(id);
    let form = RequestForm { purpose: id.to_string(), ..form };
    let r = match form.input(&staff.tr) {
        Ok(c) => app.ask_again(&staff.principal, &c).await,
        Err(e) => Err(e.into()),
    };
    match r {
        Ok(out) => Ok(Redirect::to(&format!(
            "/privacy/purposes/{id}/requests?asked={}&skipped={}",
            out.requested, out.skipped
        ))
        .into_response()),
        Err(AppError::Invalid(inv)) => purpose_form(&app, &staff, purpose, None, sentences(&staff.tr, &inv)).await,
        Err(AppError::Conflict(m)) => purpose_form(&app, &staff, purpose, None, vec![m]).await,
        Err(e) => Err(e.into()),
    }
}
