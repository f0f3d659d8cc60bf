//! Data-subject requests: register, verify, assign, move through their
//! statuses (the clock pauses while the person is asked), extend once,
//! perform what the right needs, and tell the person when it is done.

use crate::purposes::text;
use crate::{missing, App, AppError, Principal, Result};
use kith_domain::dsr::{check_transition, due_at, DsrChannel, DsrKind, DsrStatus, MAX_EXTENSION_MONTHS};
use kith_domain::{Invalid, SubjectId, UserId};
use kith_i18n::ToArg;
use kith_store::dsr::{Change, Dsr, Step};
use kith_store::mail::{Mail, NewMail};
use time::{Duration, OffsetDateTime};
use uuid::Uuid;

/// A request as the queue shows it: with its clock.
#[derive(Clone, Debug)]
pub struct DsrView {
    pub dsr: Dsr,
    pub due_at: OffsetDateTime,
    /// The clock stands still (the person was asked for something).
    pub paused: bool,
    pub overdue: bool,
    pub due_within_7_days: bool,
}

#[derive(Clone, Debug)]
pub struct NewDsr {
    pub subject: SubjectId,
    pub kind: DsrKind,
    pub channel: DsrChannel,
    /// When it reached the controller (defaults to now; not in the future).
    pub received_at: Option<OffsetDateTime>,
    pub note: Option<String>,
}

/// What an operator does to a request.
#[derive(Clone, Debug)]
pub enum DsrAction {
    /// Move to a status; a rejection needs `reason`.
    Status {
        to: DsrStatus,
        reason: Option<String>,
    },
    /// Identity verified (or not needed), and how.
    Verified {
        method: String,
    },
    /// Extend by 1 or 2 months, once, with a reason (the person is told).
    Extend {
        months: u8,
        reason: String,
    },
    Assign(Option<UserId>),
    Note(String),
}

fn check_note(inv: &mut Invalid, field: &str, v: &Option<String>) {
    if let Some(n) = v {
        text(inv, field, n, 1, 2000, true);
    }
}

impl App {
    fn dsr_view(&self, dsr: Dsr, changes: &[(OffsetDateTime, DsrStatus)], now: OffsetDateTime) -> DsrView {
        let due = due_at(dsr.received_at, changes, dsr.extension_months, now);
        let open = !dsr.status.is_final();
        DsrView {
            paused: open && dsr.status.pauses_clock(),
            overdue: open && due < now,
            due_within_7_days: open && due >= now && due - now <= Duration::days(7),
            due_at: due,
            dsr,
        }
    }

    pub(crate) async fn with_dsr_clocks(&self, list: Vec<Dsr>) -> Result<Vec<DsrView>> {
        let ids: Vec<Uuid> = list.iter().map(|d| d.id).collect();
        let changes = self.store.dsr_status_changes(&ids).await?;
        let now = OffsetDateTime::now_utc();
        Ok(list
            .into_iter()
            .map(|d| {
                let mine: Vec<(OffsetDateTime, DsrStatus)> =
                    changes.iter().filter(|c| c.0 == d.id).map(|c| (c.1, c.2)).collect();
                self.dsr_view(d, &mine, now)
            })
            .collect())
    }

    /// Registers a request. Any staff member who records consent may take
    /// one down (it arrives by phone, letter, email); the person's own come
    /// through the portal.
    pub async fn create_dsr(&self, p: &Principal, n: NewDsr) -> Result<DsrView> {
        p.require(p.role.can_record_consent(), "register data-subject requests")?;
        let mut inv = Invalid::default();
        check_note(&mut inv, "note", &n.note);
        let now = OffsetDateTime::now_utc();
        if n.received_at.is_some_and(|t| t > now + Duration::minutes(5)) {
            inv.push("received_at", "must not be in the future");
        }
        if n.received_at.is_some_and(|t| t < now - Duration::days(3650)) {
            inv.push("received_at", "must be within the last ten years");
        }
        inv.into_result()?;
        let d = Dsr {
            id: Uuid::now_v7(),
            subject: n.subject,
            kind: n.kind,
            channel: n.channel,
            received_at: n.received_at.unwrap_or(now),
            status: DsrStatus::Received,
            verified: if n.channel == DsrChannel::Portal { "verified".into() } else { "unverified".into() },
            verification_method: (n.channel == DsrChannel::Portal)
                .then(|| "signed-in to the portal by a link mailed to the address".into()),
            extension_months: 0,
            extension_reason: None,
            assigned_to: None,
            outcome: None,
            created_at: now,
            updated_at: now,
        };
        self.store
            .insert_dsr(&p.ctx(), &d, n.note.as_deref(), p.author())
            .await
            .map_err(AppError::from)
            .map_err(missing("contact"))?;
        self.get_dsr(p, d.id).await.map(|(v, _)| v)
    }

    /// The queue: open requests by due date; `due_soon` keeps the overdue
    /// and those due within 7 days.
    pub async fn dsr_queue(&self, p: &Principal, due_soon: bool) -> Result<Vec<DsrView>> {
        p.require(p.role.can_read_audit(), "read the request register")?;
        let mut v = self.with_dsr_clocks(self.store.open_dsrs().await?).await?;
        if due_soon {
            v.retain(|d| d.overdue || d.due_within_7_days);
        }
        v.sort_by_key(|d| d.due_at);
        Ok(v)
    }

    /// Every request about a person, newest first.
    pub async fn dsrs_of(&self, p: &Principal, subject: SubjectId) -> Result<Vec<DsrView>> {
        p.require(p.role.can_record_consent() || p.role.can_read_audit(), "read requests")?;
        self.with_dsr_clocks(self.store.dsrs_of(subject).await?).await
    }

    pub async fn get_dsr(&self, p: &Principal, id: Uuid) -> Result<(DsrView, Vec<Step>)> {
        p.require(p.role.can_record_consent() || p.role.can_read_audit(), "read requests")?;
        let d = self.store.get_dsr(id).await?.ok_or(AppError::NotFound("request"))?;
        let steps = self.store.dsr_steps(&d).await?;
        let mut v = self.with_dsr_clocks(vec![d]).await?;
        Ok((v.remove(0), steps))
    }

    /// Applies an operator's action (admin, dpo). Completing or extending
    /// a request mails the person (if they have an email).
    ///
    /// Erasure, restriction and withdrawal requests are completed only by
    /// carrying them out ([`App::perform_dsr`], after the identity was
    /// verified): marking one "completed" by hand is refused, so the person
    /// is never told a request was done that was not.
    pub async fn act_on_dsr(&self, p: &Principal, id: Uuid, a: DsrAction) -> Result<DsrView> {
        p.require(p.role.can_manage_privacy(), "handle data-subject requests")?;
        if let DsrAction::Status { to: DsrStatus::Completed, .. } = a {
            let d = self.store.get_dsr(id).await?.ok_or(AppError::NotFound("request"))?;
            if matches!(d.kind, DsrKind::Erasure | DsrKind::Restriction | DsrKind::WithdrawConsent) {
                return Err(Invalid::one(
                    "status",
                    format!(
                        "a {} request is completed by carrying it out (Perform), after the person's identity is verified",
                        d.kind.label().to_lowercase()
                    ),
                )
                .into());
            }
        }
        self.apply_dsr_action(p, id, a).await
    }

    /// [`App::act_on_dsr`] without the one-step rule (for `perform_dsr`).
    async fn apply_dsr_action(&self, p: &Principal, id: Uuid, a: DsrAction) -> Result<DsrView> {
        let mut inv = Invalid::default();
        let mut change = Change { actor: p.author(), ..Change::default() };
        match &a {
            DsrAction::Status { to, reason } => {
                check_note(&mut inv, "reason", reason);
                change.status = Some(*to);
                change.action = "status";
                if matches!(to, DsrStatus::Rejected | DsrStatus::Completed) {
                    change.outcome = reason.clone();
                }
                change.note = reason.clone();
            }
            DsrAction::Verified { method } => {
                text(&mut inv, "method", method, 1, 200, false);
                change.verified = Some(("verified".into(), Some(method.trim().to_owned())));
                change.action = "verified";
            }
            DsrAction::Extend { months, reason } => {
                if !(1..=MAX_EXTENSION_MONTHS).contains(months) {
                    inv.push("months", "must be 1 or 2");
                }
                text(&mut inv, "reason", reason, 1, 2000, true);
                change.extension = Some((*months, reason.trim().to_owned()));
                change.action = "extended";
                change.note = Some(reason.trim().to_owned());
            }
            DsrAction::Assign(u) => {
                change.assigned_to = Some(*u);
                change.action = "assigned";
            }
            DsrAction::Note(n) => {
                text(&mut inv, "note", n, 1, 2000, true);
                change.action = "note";
                change.note = Some(n.trim().to_owned());
            }
        }
        inv.into_result()?;
        let current = self.store.get_dsr(id).await?.ok_or(AppError::NotFound("request"))?;
        change.mail = self.dsr_mail(&current, &a).await?;
        let a2 = a.clone();
        self.store
            .change_dsr(&p.ctx(), id, change, move |d: &Dsr| -> Result<()> {
                match &a2 {
                    DsrAction::Status { to, reason } => check_transition(d.status, *to, reason.as_deref())?,
                    DsrAction::Extend { .. } if d.extension_months > 0 => {
                        return Err(Invalid::one("months", "a request can be extended only once").into())
                    }
                    _ if d.status.is_final() => {
                        return Err(
                            Invalid::one("status", format!("the request is already {}", d.status.as_str())).into()
                        )
                    }
                    _ => {}
                }
                Ok(())
            })
            .await
            .map_err(missing("request"))?;
        self.mail_wake.notify_one();
        self.get_dsr(p, id).await.map(|(v, _)| v)
    }

    /// The confirmation of an erasure the person asked for, to their
    /// address (none without one): what was erased and when, the request's
    /// reference, what is kept and why, in their language.
    async fn parting_mail(&self, d: &Dsr) -> Result<Option<Mail>> {
        let Some(contact) = self.store.get_contact(d.subject).await? else { return Ok(None) };
        let Some(email) = contact.data.emails.first() else { return Ok(None) };
        // The shared lookup (the form they answered, staff's choice, else
        // the import's column), else the controller's language.
        let tr = self.mail_reader(d.subject).await?;
        let controller = self.controller_identity().await?.name;
        let (subject, text) = crate::letters::erasure::confirmation(
            &tr,
            &controller,
            &d.id.to_string(),
            &tr.date(d.received_at),
            &tr.date_time(OffsetDateTime::now_utc()),
        );
        Ok(Some(Mail {
            to: email.as_str().to_owned(),
            subject,
            text,
            headers: vec![],
            attachments: vec![],
            asks_for: None,
        }))
    }

    /// The mail an action owes the person: a confirmation when the request
    /// is completed or rejected, a notice when it is extended.
    async fn dsr_mail(&self, d: &Dsr, a: &DsrAction) -> Result<Option<NewMail>> {
        if !matches!(
            a,
            DsrAction::Status { to: DsrStatus::Completed | DsrStatus::Rejected, .. } | DsrAction::Extend { .. }
        ) {
            return Ok(None);
        }
        let Some(contact) = self.store.get_contact(d.subject).await? else { return Ok(None) };
        let Some(email) = contact.data.emails.first() else { return Ok(None) };
        let tr = self.mail_reader(d.subject).await?;
        let kind = tr.t(&format!("mail-dsr-kind-{}", d.kind.as_str().replace('_', "-")));
        let received = tr.date_time(d.received_at);
        let text = match a {
            DsrAction::Status { to: DsrStatus::Completed, reason } => {
                let done = tr.date_time(OffsetDateTime::now_utc());
                let mut t = tr.t3("mail-dsr-completed", "kind", kind.as_str(), "received", received, "done", done);
                if let Some(r) = reason {
                    t.push_str("\n\n");
                    t.push_str(&tr.t1("mail-dsr-done-what", "what", r.as_str()));
                }
                format!("{t}\n")
            }
            DsrAction::Status { reason, .. } => format!(
                "{}\n\n{}\n",
                tr.t3(
                    "mail-dsr-rejected",
                    "kind",
                    kind.as_str(),
                    "received",
                    received,
                    "reason",
                    reason.clone().unwrap_or_default()
                ),
                tr.t("mail-dsr-complaint"),
            ),
            DsrAction::Extend { months, reason } => format!(
                "{}\n",
                tr.ta(
                    "mail-dsr-extended",
                    &[
                        ("kind", kind.as_str().to_arg()),
                        ("received", received.to_arg()),
                        ("months", months.to_arg()),
                        ("reason", reason.as_str().to_arg()),
                    ]
                )
            ),
            _ => return Ok(None),
        };
        Ok(Some(NewMail {
            id: Uuid::now_v7(),
            subject: d.subject,
            kind: "dsr",
            mail: Mail {
                to: email.as_str().to_owned(),
                subject: tr.t1("mail-dsr-subject", "kind", kind),
                text,
                headers: vec![],
                attachments: vec![],
                asks_for: None,
            },
        }))
    }
}

/// What performing a request did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Performed {
    /// The person was erased; the request is completed; the confirmation
    /// to them (if they had an address) is the parting mail, queued in the
    /// erasure's transaction.
    Erased,
    Restricted,
    /// This many consent events recorded as withdrawn.
    Withdrawn(usize),
}

impl App {
    /// Does what a request of kind erasure, restriction or withdraw-consent
    /// asks, in one click (admin, dpo), records it as a step and completes
    /// the request. Identity must be verified first. Access and portability
    /// are answered with the export; objection and rectification need the
    /// operator's judgement on the contact page.
    pub async fn perform_dsr(&self, p: &Principal, id: Uuid) -> Result<Performed> {
        p.require(p.role.can_manage_privacy(), "handle data-subject requests")?;
        let d = self.store.get_dsr(id).await?.ok_or(AppError::NotFound("request"))?;
        if d.status.is_final() {
            return Err(Invalid::one("status", format!("the request is already {}", d.status.as_str())).into());
        }
        if d.verified != "verified" {
            return Err(Invalid::one("verified", "verify the person's identity first").into());
        }
        let (done, outcome) = match d.kind {
            DsrKind::Erasure => {
                if self.store.hold_of(d.subject).await?.is_some() {
                    return Err(AppError::Conflict(
                        "the contact is under a legal hold (Art. 17(3)(e)): release the hold to erase, or reject the request giving the hold as the reason".into(),
                    ));
                }
                // Erased first (the hold checked again under the contact's
                // lock), then completed: the register never says "erased"
                // of a person who is not. A person already gone (a perform
                // cut short between the two) completes the request.
                let parting = self.parting_mail(&d).await?;
                match self.store.erase_on_request(&p.ctx(), d.subject, parting.as_ref()).await {
                    Ok(()) | Err(kith_store::StoreError::NotFound) => {}
                    Err(e) => return Err(AppError::from(e)),
                }
                let finish = Change {
                    status: Some(DsrStatus::Completed),
                    outcome: Some("erased: key destroyed, rows and index entries deleted, file scrubbed".into()),
                    action: "performed",
                    actor: p.author(),
                    ..Change::default()
                };
                self.store
                    .change_dsr(&p.ctx(), id, finish, |d: &Dsr| -> Result<()> {
                        check_transition(d.status, DsrStatus::Completed, None).map_err(Into::into)
                    })
                    .await?;
                self.mail_wake.notify_one();
                return Ok(Performed::Erased);
            }
            DsrKind::Restriction => {
                self.restrict(p, d.subject).await?;
                (Performed::Restricted, "processing restricted".to_owned())
            }
            DsrKind::WithdrawConsent => {
                let n = self.withdraw_everything(p, d.subject).await?;
                (Performed::Withdrawn(n), format!("{n} consent(s) withdrawn"))
            }
            _ => {
                return Err(Invalid::one(
                    "kind",
                    "this kind of request is answered with the export or decided on the contact page",
                )
                .into())
            }
        };
        self.apply_dsr_action(p, id, DsrAction::Status { to: DsrStatus::Completed, reason: Some(outcome) }).await?;
        Ok(done)
    }

    /// Records `withdrawn` on every purpose and channel the person has
    /// given or is being asked for.
    async fn withdraw_everything(&self, p: &Principal, subject: SubjectId) -> Result<usize> {
        let now = OffsetDateTime::now_utc();
        let events = self.store.consent_events(subject).await?;
        let mut n = 0;
        for purpose in self.store.purposes().await? {
            let facts: Vec<_> = events.iter().filter(|e| e.purpose == purpose.id).map(|e| e.fact()).collect();
            let channels: Vec<kith_domain::Channel> = kith_domain::Channel::ALL
                .iter()
                .copied()
                .filter(|ch| {
                    matches!(
                        kith_domain::consent::fold(&facts, *ch, now),
                        kith_domain::ConsentState::Given { .. } | kith_domain::ConsentState::Awaiting { .. }
                    )
                })
                .collect();
            if channels.is_empty() {
                continue;
            }
            let c = crate::consent::ConsentInput {
                purpose: Some(purpose.id),
                action: Some(kith_domain::ConsentAction::Withdrawn),
                channels,
                method: Some(kith_domain::ConsentMethod::Api),
                evidence_ref: Some("data-subject request: withdraw consent".into()),
                ..Default::default()
            };
            self.record_consent(p, subject, c).await?;
            n += 1;
        }
        Ok(n)
    }
}
