//! The demo's breach register: one closed breach, notified within the 72
//! hours with its authority notice, and one open breach whose clock is
//! running (aware a few hours ago), so the staff banner shows it.

use crate::error::CliError;
use kith_app::breaches::notices::NoticeRequest;
use kith_app::breaches::NewBreach;
use kith_app::{App, Principal};
use kith_domain::breach::notice::{Audience, NoticeKind};
use kith_domain::breach::{AuthorityDecision, Breach, BreachStatus, Nature, PeopleDecision};
use time::{Duration, OffsetDateTime};

/// Seeds the two breaches; returns how many it recorded.
pub(super) async fn seed_breaches(app: &App, p: &Principal) -> Result<usize, CliError> {
    let err = |what: &'static str| CliError::app(what);
    let now = OffsetDateTime::now_utc();

    // Aware 30 hours ago and notified now: a notice cannot be recorded as
    // sent before it was drafted, so the demo does not backdate one.
    let aware = now - Duration::hours(30);
    let mut closed = Breach::draft("Newsletter export e-mailed to the wrong agency");
    closed.nature = vec![Nature::Confidentiality];
    closed.occurred_from = Some(aware - Duration::hours(3));
    closed.occurred_to = Some(aware - Duration::hours(3));
    closed.detected_at = Some(aware - Duration::hours(1));
    closed.cause = "A staff member picked the wrong address when sending an export.".into();
    closed.systems = "CSV export, staff mailbox".into();
    closed.data_categories = vec!["Identity".into(), "Contact details".into()];
    closed.approx_records = Some(420);
    closed.approx_people = Some(420);
    closed.people_categories = "Newsletter subscribers".into();
    closed.consequences = "Unwanted mail; a small risk of phishing using the names.".into();
    closed.likelihood = Some(2);
    closed.severity = Some(2);
    closed.measures = "The agency confirmed deletion in writing; exports now need a second pair of eyes.".into();
    closed.dpo_view = "Notify the authority as a precaution; no need to tell the people.".into();
    closed.authority_decision = AuthorityDecision::Notify;
    closed.people_decision = PeopleDecision::DoNotTell;
    closed.people_ground = Some(kith_domain::breach::Art34Ground::MeasuresTaken);
    closed.people_reason = "The recipient deleted the file unopened (written confirmation).".into();
    let new = NewBreach {
        reference: "BR-DEMO-001".into(),
        breach: closed.clone(),
        aware_at: Some(aware),
        aware_evidence: "The agency replied that it received the file.".into(),
    };
    let id = app.create_breach(p, new).await.map_err(err("demo data: cannot record a breach"))?;
    let r = NoticeRequest {
        audience: Audience::Authority,
        kind: NoticeKind::Initial,
        follows: None,
        authority: Some("The supervisory authority".into()),
        bundled: vec![],
    };
    let notice = app.draft_breach_notice(p, id, r).await.map_err(err("demo data: cannot draft a breach notice"))?;
    app.send_breach_notice(p, id, notice, None, String::new())
        .await
        .map_err(err("demo data: cannot record a breach notice as sent"))?;
    closed.status = BreachStatus::Closed;
    app.update_breach(p, id, closed, None, String::new()).await.map_err(err("demo data: cannot close a breach"))?;

    let mut open = Breach::draft("Shared helpdesk login used from an unknown address");
    open.nature = vec![Nature::Confidentiality, Nature::Integrity];
    open.detected_at = Some(now - Duration::hours(6));
    open.cause = "Under investigation: a helpdesk account's password may have been reused elsewhere.".into();
    open.systems = "Helpdesk integration".into();
    open.people_categories = "Customers with open tickets".into();
    open.values_sealed = true;
    let new = NewBreach {
        reference: "BR-DEMO-002".into(),
        breach: open,
        aware_at: Some(now - Duration::hours(5)),
        aware_evidence: "The helpdesk's security team confirmed the unknown sign-in.".into(),
    };
    app.create_breach(p, new).await.map_err(err("demo data: cannot record a breach"))?;
    Ok(2)
}
