//! Bulk actions on the list's selection: owner, tags, lawful basis, and
//! consent requests, each shown for confirmation first.

use super::list::ListParams;
use crate::pages::form::{non_blank, parse_uuid, StaffForm};
use crate::pages::names;
use crate::pages::session::layout;
use crate::pages::view::Layout;
use crate::pages::{render, PageError, PageResult};
use askama::Template;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect};
use kith_app::bulk::{BulkAction, Selection};
use kith_app::campaigns::CampaignInput;
use kith_app::consent::BasisAssignment;
use kith_app::{App, AppError};
use kith_domain::consent::BasisSource;
use kith_domain::{Invalid, LawfulBasis, PurposeId, SubjectId, UserId};
use serde::Deserialize;
use uuid::Uuid;

#[derive(Deserialize, Default)]
#[serde(default)]
pub(super) struct BulkForm {
    /// `selected` rows or `all` matching the filter.
    scope: String,
    ids: Vec<String>,
    /// `assign_owner`, `add_tag` or `remove_tag`.
    action: String,
    owner: String,
    tag: String,
    /// The list's filter query string, and its search text if any.
    filter: String,
    q: String,
    /// For "Set lawful basis" and "Request consent".
    purpose: String,
    basis: String,
    source: String,
    source_name: String,
    lia_ref: String,
    effective: String,
    notice: String,
    mail_subject: String,
    mail_body: String,
    wait_days: String,
    /// A consent request template (instead of the subject and text).
    template: String,
}

/// What a bulk form asks for: a change through the bulk mechanism, or a
/// consent request campaign to the same selection.
enum BulkPlan {
    Change(BulkAction),
    Campaign(CampaignInput),
}

impl BulkForm {
    /// The basis and campaign fields, carried to the confirming POST.
    fn carried(&self) -> Vec<(&'static str, &str)> {
        vec![
            ("purpose", &self.purpose),
            ("basis", &self.basis),
            ("source", &self.source),
            ("source_name", &self.source_name),
            ("lia_ref", &self.lia_ref),
            ("effective", &self.effective),
            ("notice", &self.notice),
            ("mail_subject", &self.mail_subject),
            ("mail_body", &self.mail_body),
            ("wait_days", &self.wait_days),
            ("template", &self.template),
        ]
    }

    async fn selection(&self, app: &App, tr: &kith_i18n::Tr) -> Result<Selection, PageError> {
        if self.scope == "all" {
            let mut p: ListParams = serde_html_form::from_str(&self.filter).map_err(|_| PageError::bad_form())?;
            p.q = self.q.clone();
            let q = p.query(tr).map_err(AppError::Invalid)?;
            // A condition about a purpose that does not exist would match
            // everyone (`NOT EXISTS`): refuse it rather than act on all.
            if let Some(seg) = &q.filter.segment {
                app.check_segment(&seg.segment).await?;
            }
            return Ok(Selection::Matching(Box::new(q)));
        }
        let ids = self
            .ids
            .iter()
            .map(|i| Uuid::parse_str(i).map(SubjectId))
            .collect::<Result<Vec<_>, _>>()
            .map_err(|_| PageError::bad_form())?;
        Ok(Selection::Ids(ids))
    }

    /// The plan, and the message id of its summary with its `x` variable.
    fn action(&self, tr: &kith_i18n::Tr) -> Result<(BulkPlan, &'static str, String), AppError> {
        let change = |a| Ok((BulkPlan::Change(a), "contacts-bulk-will-remove-owner", String::new()));
        match self.action.as_str() {
            "assign_owner" => {
                let mut inv = Invalid::default();
                let owner = parse_uuid(&mut inv, "owner", &self.owner).map(UserId);
                inv.into_result()?;
                change(BulkAction::AssignOwner(owner))
            }
            "add_tag" => Ok((
                BulkPlan::Change(BulkAction::AddTag(self.tag.clone())),
                "contacts-bulk-will-add-tag",
                self.tag.trim().to_owned(),
            )),
            "remove_tag" => Ok((
                BulkPlan::Change(BulkAction::RemoveTag(self.tag.clone())),
                "contacts-bulk-will-remove-tag",
                self.tag.trim().to_owned(),
            )),
            "set_basis" => {
                let mut inv = Invalid::default();
                let purpose = parse_uuid(&mut inv, "purpose", &self.purpose).map(PurposeId);
                let basis = LawfulBasis::parse(&self.basis);
                if basis.is_none() {
                    inv.push("basis", tr.t("contacts-bulk-choose-basis"));
                }
                let source = BasisSource::parse(&self.source);
                if source.is_none() {
                    inv.push("source", tr.t("contacts-bulk-choose-source"));
                }
                let effective = match self.effective.trim() {
                    "" => None,
                    d => match time::Date::parse(d, time::macros::format_description!("[year]-[month]-[day]")) {
                        Ok(d) => Some(d.midnight().assume_utc()),
                        Err(_) => {
                            inv.push("effective", tr.t("contacts-bad-date"));
                            None
                        }
                    },
                };
                if purpose.is_none() {
                    inv.push("purpose", tr.t("contacts-bulk-choose-purpose"));
                }
                inv.into_result()?;
                let (Some(purpose), Some(basis), Some(source)) = (purpose, basis, source) else {
                    return Err(Invalid::one("purpose", tr.t("contacts-bulk-choose-purpose")).into());
                };
                let a = BasisAssignment {
                    purpose,
                    basis,
                    source,
                    source_name: non_blank(&self.source_name),
                    lia_ref: non_blank(&self.lia_ref),
                    effective_at: effective,
                    ends_at: None,
                };
                Ok((
                    BulkPlan::Change(BulkAction::SetBasis(a)),
                    "contacts-bulk-will-set-basis",
                    names::word(tr, "basis", basis.as_str()),
                ))
            }
            "request_consent" => {
                let mut inv = Invalid::default();
                let purpose = parse_uuid(&mut inv, "purpose", &self.purpose).map(PurposeId);
                let notice = parse_uuid(&mut inv, "notice", &self.notice);
                let template = parse_uuid(&mut inv, "template", &self.template);
                let wait_days = self.wait_days.trim().parse::<i64>().unwrap_or(0);
                inv.into_result()?;
                let (Some(purpose), Some(notice)) = (purpose, notice) else {
                    return Err(Invalid::one("purpose", tr.t("contacts-bulk-choose-purpose-notice")).into());
                };
                let c = CampaignInput {
                    purpose,
                    notice,
                    mail_subject: self.mail_subject.clone(),
                    mail_body: self.mail_body.clone(),
                    wait_days,
                    template,
                    renew: false,
                };
                Ok((BulkPlan::Campaign(c), "contacts-bulk-will-request-consent", String::new()))
            }
            _ => Err(Invalid::one("action", tr.t("contacts-bulk-choose-action")).into()),
        }
    }
}

#[derive(Template)]
#[template(path = "bulk_confirm.html")]
struct BulkConfirm {
    l: Layout,
    count: u64,
    what: String,
    /// The form, carried on to the confirming POST.
    f: BulkForm,
}

pub(super) async fn bulk_preview(State(app): State<App>, StaffForm { staff, form }: StaffForm<BulkForm>) -> PageResult {
    let sel = form.selection(&app, &staff.tr).await?;
    let (plan, mut id, mut x) = form.action(&staff.tr)?;
    let count = match &plan {
        BulkPlan::Change(action) => {
            if let BulkAction::AssignOwner(o) = action {
                let dir = names::staff(&app, &staff.principal).await?;
                match o {
                    None => id = "contacts-bulk-will-remove-owner",
                    Some(o) => match dir.get(&o.0) {
                        Some(email) => {
                            id = "contacts-bulk-will-assign-owner";
                            x = email.clone();
                        }
                        None => {
                            let inv = Invalid::one("owner", staff.tr.t("contacts-bad-choice"));
                            return Err(AppError::Invalid(inv).into());
                        }
                    },
                }
            }
            app.bulk_count(&staff.principal, &sel, action).await?
        }
        BulkPlan::Campaign(c) => app.campaign_count(&staff.principal, &sel, c).await?,
    };
    // Carried on re-built from parsed parameters, never echoed as posted.
    let filter = serde_html_form::from_str::<ListParams>(&form.filter).unwrap_or_default().filter_query();
    // The message holds markup (the count in bold); the tag or email is escaped.
    let what = staff.tr.t2(id, "n", count, "x", escape(&x));
    let page = BulkConfirm { l: layout(&staff, "contacts"), count, what, f: BulkForm { filter, ..form } };
    Ok(render(&page))
}

pub(super) async fn bulk_apply(State(app): State<App>, StaffForm { staff, form }: StaffForm<BulkForm>) -> PageResult {
    let sel = form.selection(&app, &staff.tr).await?;
    let (plan, _, _) = form.action(&staff.tr)?;
    let params: ListParams = serde_html_form::from_str(&form.filter).unwrap_or_default();
    let q = params.filter_query();
    let sep = if q.is_empty() { "" } else { "&" };
    let (notice, n) = match plan {
        BulkPlan::Change(action) => ("bulk", app.bulk_apply(&staff.principal, &sel, &action).await?),
        BulkPlan::Campaign(c) => ("requested", app.run_campaign(&staff.principal, &sel, &c).await?.requested),
    };
    Ok(Redirect::to(&format!("/contacts?{q}{sep}notice={notice}&n={n}")).into_response())
}

/// Text made safe to sit inside markup.
fn escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;").replace('\'', "&#39;")
}
