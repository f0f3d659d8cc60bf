//! The privacy panel on a contact's page: badges, lawful bases, the
//! consent history, restriction, objections, requests and retention.

use crate::pages::names::word;
use crate::pages::view;
use kith_app::consent::PurposeStanding;
use kith_app::{App, AppError, Principal};
use kith_domain::{Channel, ConsentAction, ConsentState, SubjectId};
use kith_i18n::Tr;

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
    pub action: String,
    pub channels: String,
    pub method: String,
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
    pub objections: Vec<(String, String, String, bool)>,
    /// The person's data-subject requests, newest first.
    pub requests: Vec<crate::pages::dsr::Line>,
    pub dsr_kinds: Vec<(&'static str, String)>,
    pub dsr_channels: Vec<(&'static str, String)>,
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

fn badge(tr: &Tr, ch: Channel, purpose: &str, state: ConsentState, allowed: bool) -> Option<Badge> {
    let channel = word(tr, "channel", ch.as_str());
    let text = |id: &str| tr.t2(id, "channel", &channel, "purpose", purpose);
    Some(match state {
        ConsentState::Refused { .. } | ConsentState::Withdrawn { .. } => {
            let id = match ch {
                Channel::Email => "contacts-badge-no-email",
                Channel::Phone => "contacts-badge-no-phone",
                Channel::Sms => "contacts-badge-no-sms",
                Channel::Post => "contacts-badge-no-post",
            };
            Badge { class: "no", text: tr.t1(id, "purpose", purpose) }
        }
        ConsentState::Awaiting { since, .. } => Badge {
            class: "wait",
            text: tr.t3("contacts-badge-awaiting", "channel", &channel, "purpose", purpose, "date", tr.date(since)),
        },
        ConsentState::NotResponded { .. } => Badge { class: "no", text: text("contacts-badge-not-responded") },
        ConsentState::Expired { .. } => Badge { class: "no", text: text("contacts-badge-expired") },
        _ if allowed => Badge { class: "ok", text: text("contacts-badge-ok") },
        _ => return None,
    })
}

pub(crate) async fn panel(app: &App, p: &Principal, tr: &Tr, id: SubjectId) -> Result<Panel, AppError> {
    let standing = app.permissions(p, id, time::OffsetDateTime::now_utc()).await?;
    let purposes: Vec<(String, String)> =
        standing.iter().map(|s| (s.purpose.id.to_string(), s.purpose.name.clone())).collect();
    let staff = crate::pages::names::staff(app, p).await?;
    let rows = standing
        .into_iter()
        .map(|PurposeStanding { purpose, basis, channels }| {
            let badges =
                channels.into_iter().filter_map(|(ch, st, d)| badge(tr, ch, &purpose.name, st, d.allowed)).collect();
            let (b, detail) = match basis {
                Some(b) => {
                    let source = word(tr, "bsource", b.source.as_str());
                    let source = match b.source_name {
                        Some(n) => tr.t2("contacts-basis-source-named", "source", source, "name", n),
                        None => source,
                    };
                    let who =
                        b.set_by.and_then(|u| staff.get(&u.0).cloned()).unwrap_or_else(|| tr.t("contacts-the-system"));
                    let since = tr.date(b.effective_at);
                    let detail = match b.lia_ref {
                        Some(r) => tr.ta(
                            "contacts-basis-detail-lia",
                            &[
                                ("source", kith_i18n::Arg::Str(source)),
                                ("lia", kith_i18n::Arg::Str(r)),
                                ("date", kith_i18n::Arg::Str(since)),
                                ("who", kith_i18n::Arg::Str(who)),
                            ],
                        ),
                        None => tr.t3("contacts-basis-detail", "source", source, "date", since, "who", who),
                    };
                    (word(tr, "basis", b.basis.as_str()), detail)
                }
                None => (word(tr, "basis", "not_applicable"), String::new()),
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
            when: tr.date_time(e.at),
            iso: view::iso(e.at),
            purpose: names.get(&e.purpose.to_string()).cloned().unwrap_or_default(),
            action: word(tr, "action", e.action.as_str()),
            channels: e.channels.iter().map(|c| word(tr, "channel", c.as_str())).collect::<Vec<_>>().join(", "),
            method: word(tr, "method", e.method.as_str()),
            receipt: matches!(e.action, ConsentAction::Given | ConsentAction::Withdrawn),
        })
        .collect();
    let objections = app
        .objections(p, id)
        .await?
        .into_iter()
        .map(|o| {
            let name = names.get(&o.purpose.to_string()).cloned().unwrap_or_default();
            let decision = word(tr, "decision", o.decision.as_str());
            (o.purpose.to_string(), name, decision, o.decision == kith_domain::ObjectionDecision::Pending)
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
        Some(n) => {
            let how = match n.trigger.as_str() {
                "import_run" => tr.t("contacts-art14-from-import"),
                "auto" => tr.t("contacts-art14-automatically"),
                _ => tr.t("contacts-art14-by-staff"),
            };
            let language = match kith_i18n::supported(&n.language) {
                Some(l) => tr.t(&format!("contacts-language-{l}")),
                None => n.language.clone(),
            };
            tr.t3("contacts-art14-sent", "date", tr.date_time(n.sent_at), "how", how, "language", language)
        }
        None => tr.t("contacts-art14-not-sent"),
    });
    Ok(Panel {
        art14,
        art14_can_send: owed && notice.is_none() && p.role.can_manage_privacy(),
        retention: standing.as_ref().map(|s| super::standing::explain(tr, s)),
        hold: standing.as_ref().and_then(|s| s.hold.as_ref()).map(|h| (h.reason.clone(), tr.date(h.review_on))),
        reviewed: standing
            .as_ref()
            .and_then(|s| s.reviewed_at.map(|r| (tr.date(r), s.review_due.is_some_and(|d| d <= now)))),
        can_review: p.role.can_write_crm(),
        rows,
        purposes,
        can_record: p.role.can_record_consent(),
        history,
        restricted_since: app.restricted_since(id).await?.map(|t| tr.date_time(t)),
        can_manage: p.role.can_manage_privacy(),
        objections,
        requests: if p.role.can_record_consent() || p.role.can_read_audit() {
            app.dsrs_of(p, id).await?.iter().map(crate::pages::dsr::line).collect()
        } else {
            vec![]
        },
        dsr_kinds: kith_domain::dsr::DsrKind::ALL.iter().map(|k| (k.as_str(), word(tr, "dsr", k.as_str()))).collect(),
        dsr_channels: kith_domain::dsr::DsrChannel::ALL
            .iter()
            .filter(|c| **c != kith_domain::dsr::DsrChannel::Portal)
            .map(|c| (c.as_str(), word(tr, "dsr-channel", c.as_str())))
            .collect(),
    })
}
