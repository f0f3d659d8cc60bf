//! Data-protection impact assessments (GDPR Art. 35–36): the screening of
//! each purpose against the WP248 criteria Kith can see ([`screening`]),
//! the assessment itself with risks scored on the CNIL 1–4 scale before
//! and after measures, and what changed in the record of processing since
//! an assessment was signed off ([`changes`]). Nothing here is about a
//! data subject: an assessment is about a processing activity.

mod changes;
pub mod screening;

pub use changes::{changes, Change};

use crate::{Invalid, PurposeId};
use time::Date;

// Days as `YYYY-MM-DD` in the stored and exported JSON.
time::serde::format_description!(day, Date, "[year]-[month]-[day]");

word_enum!(
    /// Where a measure stands.
    MeasureStatus {
        Planned => "planned", "Planned",
        InProgress => "in_progress", "In progress",
        Done => "done", "Done",
    }
);

/// The CNIL scale shared by severity and likelihood.
pub const LEVELS: [(u8, &str); 4] = [(1, "Negligible"), (2, "Limited"), (3, "Significant"), (4, "Maximum")];

/// The CNIL word for a level (1 to 4).
pub fn level_label(n: u8) -> &'static str {
    LEVELS.iter().find(|(l, _)| *l == n).map_or("—", |(_, w)| w)
}

/// Severity and likelihood, each 1 (negligible) to 4 (maximum).
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Score {
    pub severity: u8,
    pub likelihood: u8,
}

impl Score {
    /// High, as the CNIL method reads its map: severity and likelihood
    /// both significant or maximum.
    pub fn is_high(self) -> bool {
        self.severity >= 3 && self.likelihood >= 3
    }
}

/// A feared event: who or what causes it, what happens, what it does to
/// the people, scored before (inherent) and after (residual) the measures.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Risk {
    /// The risk source (an outsider, an employee, a processor…).
    pub source: String,
    /// The threat: what could happen to the data.
    pub threat: String,
    /// The impact on the people if it happens.
    pub impact: String,
    pub inherent: Score,
    pub residual: Score,
}

/// A measure that lowers a risk, with who owns it (a role or team) and when.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Measure {
    pub text: String,
    /// A role or team, not a person's name.
    pub owner: String,
    #[serde(with = "day::option", default)]
    pub due_on: Option<Date>,
    pub status: MeasureStatus,
}

/// Prior consultation of the supervisory authority (Art. 36).
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Consultation {
    #[serde(with = "day::option", default)]
    pub asked_on: Option<Date>,
    #[serde(with = "day::option", default)]
    pub answered_on: Option<Date>,
    /// The authority's reference or advice, in words.
    pub outcome: String,
}

/// An assessment as the DPO edits it. Who signed it off, and against
/// which register version, is kept beside it by the store.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Dpia {
    pub title: String,
    /// The purposes (processing activities) it assesses.
    pub purposes: Vec<PurposeId>,
    /// Art. 35(7)(a): the processing and its purposes.
    pub description: String,
    /// Art. 35(7)(b): necessity and proportionality.
    pub necessity: String,
    /// Art. 35(7)(c).
    pub risks: Vec<Risk>,
    /// Art. 35(7)(d).
    pub measures: Vec<Measure>,
    /// Art. 35(2): the DPO's advice.
    pub dpo_opinion: String,
    /// Whether the controller followed it (`None`: not decided yet).
    pub opinion_followed: Option<bool>,
    /// Why it was not followed, or how it was.
    pub opinion_note: String,
    /// Art. 35(9): the people's views were sought.
    pub views_sought: bool,
    /// Their views, or why they were not sought.
    pub views: String,
    #[serde(with = "day::option", default)]
    pub next_review: Option<Date>,
    pub consultation: Consultation,
}

use crate::error::{text, LONG, SHORT};

fn level(inv: &mut Invalid, field: &str, v: u8) {
    if !(1..=4).contains(&v) {
        inv.push(field, "from 1 (negligible) to 4 (maximum)");
    }
}

impl Dpia {
    /// A draft with only a title and its purposes.
    pub fn draft(title: &str, purposes: Vec<PurposeId>) -> Dpia {
        Dpia {
            title: title.to_owned(),
            purposes,
            description: String::new(),
            necessity: String::new(),
            risks: Vec::new(),
            measures: Vec::new(),
            dpo_opinion: String::new(),
            opinion_followed: None,
            opinion_note: String::new(),
            views_sought: false,
            views: String::new(),
            next_review: None,
            consultation: Consultation::default(),
        }
    }

    /// Checks and trims a draft: a title and at least one purpose; every
    /// level from 1 to 4; a measure has its text; dates in order. Fields
    /// are named as in the API (`risks[0].residual.severity`).
    pub fn check(mut self) -> Result<Dpia, Invalid> {
        let mut inv = Invalid::default();
        text(&mut inv, "title", &mut self.title, 1, SHORT);
        if self.title.chars().any(char::is_control) {
            inv.push("title", "must be one line");
        }
        self.purposes.sort();
        self.purposes.dedup();
        if self.purposes.is_empty() {
            inv.push("purposes", "name at least one purpose the assessment is about");
        }
        text(&mut inv, "description", &mut self.description, 0, LONG);
        text(&mut inv, "necessity", &mut self.necessity, 0, LONG);
        text(&mut inv, "dpo_opinion", &mut self.dpo_opinion, 0, LONG);
        text(&mut inv, "opinion_note", &mut self.opinion_note, 0, LONG);
        text(&mut inv, "views", &mut self.views, 0, LONG);
        text(&mut inv, "consultation.outcome", &mut self.consultation.outcome, 0, LONG);
        if self.risks.len() > 100 {
            inv.push("risks", "at most 100 risks");
        }
        for (i, r) in self.risks.iter_mut().enumerate() {
            text(&mut inv, &format!("risks[{i}].source"), &mut r.source, 1, 1000);
            text(&mut inv, &format!("risks[{i}].threat"), &mut r.threat, 1, 2000);
            text(&mut inv, &format!("risks[{i}].impact"), &mut r.impact, 1, 2000);
            for (name, s) in [("inherent", r.inherent), ("residual", r.residual)] {
                level(&mut inv, &format!("risks[{i}].{name}.severity"), s.severity);
                level(&mut inv, &format!("risks[{i}].{name}.likelihood"), s.likelihood);
            }
        }
        if self.measures.len() > 200 {
            inv.push("measures", "at most 200 measures");
        }
        for (i, m) in self.measures.iter_mut().enumerate() {
            text(&mut inv, &format!("measures[{i}].text"), &mut m.text, 1, 2000);
            text(&mut inv, &format!("measures[{i}].owner"), &mut m.owner, 0, SHORT);
        }
        if self.opinion_followed == Some(false) && self.opinion_note.is_empty() {
            inv.push("opinion_note", "say why the DPO's advice was not followed");
        }
        if let (Some(a), Some(b)) = (self.consultation.asked_on, self.consultation.answered_on) {
            if b < a {
                inv.push("consultation.answered_on", "the answer comes after the request");
            }
        }
        if self.consultation.answered_on.is_some() && self.consultation.asked_on.is_none() {
            inv.push("consultation.asked_on", "give the day the authority was consulted");
        }
        inv.into_result().map(|()| self)
    }

    /// What a sign-off needs on top of [`Dpia::check`]: every Art. 35(7)
    /// item, the DPO's advice and whether it was followed, the people's
    /// views or why they were not sought, and a next review date.
    pub fn ready_for_sign_off(&self) -> Result<(), Invalid> {
        let mut inv = Invalid::default();
        for (field, v) in [
            ("description", &self.description),
            ("necessity", &self.necessity),
            ("dpo_opinion", &self.dpo_opinion),
            ("views", &self.views),
        ] {
            if v.trim().is_empty() {
                inv.push(field, "required before sign-off");
            }
        }
        if self.risks.is_empty() {
            inv.push("risks", "assess at least one risk before sign-off");
        }
        if self.opinion_followed.is_none() {
            inv.push("opinion_followed", "say whether the DPO's advice was followed");
        }
        if self.next_review.is_none() {
            inv.push("next_review", "set the next review date");
        }
        inv.into_result()
    }

    /// Some risk stays high after the measures: the authority must be
    /// consulted before the processing starts (Art. 36(1)).
    pub fn residual_high(&self) -> bool {
        self.risks.iter().any(|r| r.residual.is_high())
    }

    /// The highest inherent and residual score (by severity × likelihood).
    pub fn worst(&self) -> Option<(Score, Score)> {
        let key = |s: Score| (u16::from(s.severity) * u16::from(s.likelihood), s.severity);
        let i = self.risks.iter().map(|r| r.inherent).max_by_key(|s| key(*s))?;
        let r = self.risks.iter().map(|r| r.residual).max_by_key(|s| key(*s))?;
        Some((i, r))
    }

    /// The assessed parts differ (as opposed to follow-up: measures'
    /// progress, the consultation, the next review): a sign-off no
    /// longer covers `other`.
    pub fn assessment_differs(&self, other: &Dpia) -> bool {
        let strip = |d: &Dpia| {
            let mut d = d.clone();
            for m in &mut d.measures {
                m.status = MeasureStatus::Planned;
                m.due_on = None;
                m.owner = String::new();
            }
            d.consultation = Consultation::default();
            d.next_review = None;
            d
        };
        strip(self) != strip(other)
    }

    /// What the DPO should act on, given whether it is signed off.
    pub fn reminders(&self, signed_off: bool, today: Date) -> Vec<Reminder> {
        let mut out = Vec::new();
        if !signed_off {
            out.push(Reminder::NotSignedOff);
        }
        if signed_off && self.residual_high() && self.consultation.asked_on.is_none() {
            out.push(Reminder::ConsultationNeeded);
        }
        if self.consultation.asked_on.is_some() && self.consultation.answered_on.is_none() {
            out.push(Reminder::ConsultationPending);
        }
        if let Some(d) = self.next_review.filter(|d| *d <= today) {
            out.push(Reminder::ReviewDue(d));
        }
        let late =
            self.measures.iter().filter(|m| m.status != MeasureStatus::Done && m.due_on.is_some_and(|d| d < today));
        let late = late.count();
        if late > 0 {
            out.push(Reminder::MeasuresLate(late));
        }
        out
    }
}

/// Something the DPO should act on about an assessment.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reminder {
    NotSignedOff,
    /// A residual risk stays high and the authority was not consulted.
    ConsultationNeeded,
    ConsultationPending,
    ReviewDue(Date),
    MeasuresLate(usize),
}

impl Reminder {
    pub fn describe(&self) -> String {
        match self {
            Reminder::NotSignedOff => "not signed off yet".into(),
            Reminder::ConsultationNeeded => {
                "a residual risk stays high: consult the supervisory authority before the processing starts (Art. 36(1))".into()
            }
            Reminder::ConsultationPending => "the supervisory authority has not answered yet (Art. 36(2))".into(),
            Reminder::ReviewDue(d) => format!("review due since {d}"),
            Reminder::MeasuresLate(1) => "1 measure is past its due date".into(),
            Reminder::MeasuresLate(n) => format!("{n} measures are past their due date"),
        }
    }
}

#[cfg(test)]
mod tests;
