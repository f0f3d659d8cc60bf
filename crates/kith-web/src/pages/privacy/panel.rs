//! The privacy panel on a contact's page: badges, lawful bases, the
//! consent history, restriction, objections, requests and retention.

use crate::pages::view;
use kith_app::consent::PurposeStanding;
use kith_app::{App, AppError, Principal};
use kith_domain::{Channel, ConsentAction, ConsentState, LawfulBasis, SubjectId};

/// One badge: a CSS class (`ok`, `no`, `wait`) and its words.
pub(crate) struct Badge {
    pub class: &'static str,
    pub text: String,
}

pub(crate) struct PanelRow {
    pub purpose: String,
    pub basis: String,
    pub detail: String,
    pub badges: Vec<Badge>,
}

/// One ledger event as the contact page lists it.
pub(crate) struct HistoryRow {
    pub seq: i64,
    pub when: String,
    pub iso: String,
    pub purpose: String,
    pub action: &'static str,
    pub channels: String,
    pub method: &'static str,
    pub receipt: bool,
}

/// What the contact page shows in its privacy panel.
#[derive(Default)]
pub(crate) struct Panel {
    pub rows: Vec<PanelRow>,
    pub purposes: Vec<(String, String)>,
    pub can_record: bool,
    /// Newest first.
    pub history: Vec<HistoryRow>,
    /// When processing was restricted (Art. 18), if it is.
    pub restricted_since: Option<String>,
    /// May restrict, lift, and decide on objections.
    pub can_manage: bool,
    /// Purpose id, purpose name, decision words, still pending.
    pub objections: Vec<(String, String, &'static str, bool)>,
    /// The person's data-subject requests, newest first.
    pub requests: Vec<crate::pages::dsr::Line>,
    pub dsr_kinds: Vec<(&'static str, &'static str)>,
    pub dsr_channels: Vec<(&'static str, &'static str)>,
    /// When the data expires and why, in words (none for roles that may not see it).
    pub retention: Option<String>,
    /// The legal hold's reason and review date.
    pub hold: Option<(String, String)>,
    /// Last reviewed, and whether a review is due.
    pub reviewed: Option<(String, bool)>,
    pub can_review: bool,
    /// The Art. 14 notice in words, for a person whose data did not come
    /// from them; and whether the viewer may send it now.
    pub art14: Option<String>,
    pub art14_can_send: bool,
}

fn badge(ch: Channel, purpose: &str, state: ConsentState, allowed: bool) -> Option<Badge> {
    let verb = match ch {
        Channel::Email => "email",
        Channel::Phone => "call",
        Channel::Sms => "text",
        Channel::Post => "write",
    };
    Some(match state {
        ConsentState::Refused { .. } | ConsentState::Withdrawn { .. } => {
            Badge { class: "no", text: format!("Do not {verb}: {purpose}") }
        }
        ConsentState::Awaiting { since, .. } => {
            Badge { class: "wait", text: format!("{}: {purpose} — awaiting since {}", ch.label(), view::date(since)) }
        }
        ConsentState::NotResponded { .. } => {
            Badge { class: "no", text: format!("{}: {purpose} — not responded", ch.label()) }
        }
        ConsentState::Expired { .. } => {
            Badge { class: "no", text: format!("{}: {purpose} — consent expired", ch.label()) }
        }
        _ if allowed => Badge { class: "ok", text: format!("{}: {purpose} ✓", ch.label()) },
        _ => return None,
    })
}

pub(crate) async fn panel(app: &App, p: &Principal, id: SubjectId) -> Result<Panel, AppError> {
    let standing = app.permissions(p, id, time::OffsetDateTime::now_utc()).await?;
    let purposes: Vec<(String, String)> =
        standing.iter().map(|s| (s.purpose.id.to_string(), s.purpose.name.clone())).collect();
    let staff = crate::pages::names::staff(app, p).await?;
    let rows = standing
        .into_iter()
        .map(|PurposeStanding { purpose, basis, channels }| {
            let badges =
                channels.into_iter().filter_map(|(ch, st, d)| badge(ch, &purpose.name, st, d.allowed)).collect();
            let (b, detail) = match basis {
                Some(b) => (
                    b.basis.label().to_owned(),
                    format!(
                        "{} {}{}, since {}, set by {}",
                        b.source.label(),
                        b.source_name.map(|n| format!("“{n}”")).unwrap_or_default(),
                        b.lia_ref.map(|r| format!(", assessment {r}")).unwrap_or_default(),
                        view::date(b.effective_at),
                        b.set_by.and_then(|u| staff.get(&u.0).cloned()).unwrap_or_else(|| "the system".into()),
                    ),
                ),
                None => (LawfulBasis::NotApplicable.label().to_owned(), String::new()),
            };
            PanelRow { purpose: purpose.name, basis: b, detail, badges }
        })
        .collect();
    let names: std::collections::HashMap<String, String> = purposes.iter().cloned().collect();
    let history = app
        .consent_timeline(p, id)
        .await?
        .into_iter()
        .rev()
        .map(|e| HistoryRow {
            seq: e.seq,
            when: view::date_time(e.at),
            iso: view::iso(e.at),
            purpose: names.get(&e.purpose.to_string()).cloned().unwrap_or_default(),
            action: e.action.label(),
            channels: e.channels.iter().map(|c| c.label()).collect::<Vec<_>>().join(", "),
            method: e.method.label(),
            receipt: matches!(e.action, ConsentAction::Given | ConsentAction::Withdrawn),
        })
        .collect();
    let objections = app
        .objections(p, id)
        .await?
        .into_iter()
        .map(|o| {
            let name = names.get(&o.purpose.to_string()).cloned().unwrap_or_default();
            (o.purpose.to_string(), name, o.decision.label(), o.decision == kith_domain::ObjectionDecision::Pending)
        })
        .collect();
    let standing = match app.retention_of(p, id).await {
        Ok(s) => Some(s),
        Err(AppError::Forbidden(_)) => None,
        Err(e) => return Err(e),
    };
    let now = time::OffsetDateTime::now_utc();
    let (owed, notice) = app.art14_standing(p, id).await?;
    let art14 = owed.then(|| match &notice {
        Some(n) => format!(
            "Art. 14 notice sent on {} ({}, in {})",
            view::date_time(n.sent_at),
            match n.trigger.as_str() {
                "import_run" => "from the import's page",
                "auto" => "automatically",
                _ => "by staff",
            },
            if n.language == "it" { "Italian" } else { "English" }
        ),
        None => "Art. 14 notice not sent".to_owned(),
    });
    Ok(Panel {
        art14,
        art14_can_send: owed && notice.is_none() && p.role.can_manage_privacy(),
        retention: standing.as_ref().map(|s| s.explain()),
        hold: standing.as_ref().and_then(|s| s.hold.as_ref()).map(|h| (h.reason.clone(), view::date(h.review_on))),
        reviewed: standing
            .as_ref()
            .and_then(|s| s.reviewed_at.map(|r| (view::date(r), s.review_due.is_some_and(|d| d <= now)))),
        can_review: p.role.can_write_crm(),
        rows,
        purposes,
        can_record: p.role.can_record_consent(),
        history,
        restricted_since: app.restricted_since(id).await?.map(view::date_time),
        can_manage: p.role.can_manage_privacy(),
        objections,
        requests: if p.role.can_record_consent() || p.role.can_read_audit() {
            app.dsrs_of(p, id).await?.iter().map(crate::pages::dsr::line).collect()
        } else {
            vec![]
        },
        dsr_kinds: kith_domain::dsr::DsrKind::ALL.iter().map(|k| (k.as_str(), k.label())).collect(),
        dsr_channels: kith_domain::dsr::DsrChannel::ALL
            .iter()
            .filter(|c| **c != kith_domain::dsr::DsrChannel::Portal)
            .map(|c| (c.as_str(), c.label()))
            .collect(),
    })
}
