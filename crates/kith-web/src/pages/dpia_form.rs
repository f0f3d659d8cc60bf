//! The impact assessment's form: one section posted at a time (general,
//! risks, measures, opinion, consultation) over the stored record, risks
//! and measures as repeated rows with a spare one, so the page needs no
//! JavaScript.

use super::form::non_blank;
use kith_domain::dpia::{Consultation, Dpia, Measure, MeasureStatus, Risk, Score};
use kith_domain::{Invalid, PurposeId};
use serde::Deserialize;
use uuid::Uuid;

/// The form as posted (and as shown again after an error).
#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub(super) struct DpiaForm {
    /// Which section was posted: general, risks, measures, opinion, consultation.
    pub section: String,
    pub title: String,
    pub purposes: Vec<String>,
    pub description: String,
    pub necessity: String,
    pub r_source: Vec<String>,
    pub r_threat: Vec<String>,
    pub r_impact: Vec<String>,
    pub r_is: Vec<String>,
    pub r_il: Vec<String>,
    pub r_rs: Vec<String>,
    pub r_rl: Vec<String>,
    pub m_text: Vec<String>,
    pub m_owner: Vec<String>,
    pub m_due: Vec<String>,
    pub m_status: Vec<String>,
    pub dpo_opinion: String,
    /// "", "yes" or "no".
    pub opinion_followed: String,
    pub opinion_note: String,
    pub views_sought: String,
    pub views: String,
    pub next_review: String,
    pub asked_on: String,
    pub answered_on: String,
    pub outcome: String,
}

/// One risk row of the form.
#[derive(Clone, Default)]
pub(super) struct RiskRow {
    pub source: String,
    pub threat: String,
    pub impact: String,
    pub is: String,
    pub il: String,
    pub rs: String,
    pub rl: String,
}

/// One measure row of the form.
#[derive(Clone, Default)]
pub(super) struct MeasureRow {
    pub text: String,
    pub owner: String,
    pub due: String,
    pub status: String,
}

fn day(d: Option<time::Date>) -> String {
    d.map(|d| d.to_string()).unwrap_or_default()
}

fn at(v: &[String], i: usize) -> String {
    v.get(i).cloned().unwrap_or_default()
}

impl DpiaForm {
    pub fn of(d: &Dpia) -> Self {
        let n = |f: fn(&Risk) -> u8| d.risks.iter().map(|r| f(r).to_string()).collect();
        DpiaForm {
            section: String::new(),
            title: d.title.clone(),
            purposes: d.purposes.iter().map(|p| p.to_string()).collect(),
            description: d.description.clone(),
            necessity: d.necessity.clone(),
            r_source: d.risks.iter().map(|r| r.source.clone()).collect(),
            r_threat: d.risks.iter().map(|r| r.threat.clone()).collect(),
            r_impact: d.risks.iter().map(|r| r.impact.clone()).collect(),
            r_is: n(|r| r.inherent.severity),
            r_il: n(|r| r.inherent.likelihood),
            r_rs: n(|r| r.residual.severity),
            r_rl: n(|r| r.residual.likelihood),
            m_text: d.measures.iter().map(|m| m.text.clone()).collect(),
            m_owner: d.measures.iter().map(|m| m.owner.clone()).collect(),
            m_due: d.measures.iter().map(|m| day(m.due_on)).collect(),
            m_status: d.measures.iter().map(|m| m.status.as_str().to_owned()).collect(),
            dpo_opinion: d.dpo_opinion.clone(),
            opinion_followed: match d.opinion_followed {
                Some(true) => "yes".into(),
                Some(false) => "no".into(),
                None => String::new(),
            },
            opinion_note: d.opinion_note.clone(),
            views_sought: if d.views_sought { "yes".into() } else { String::new() },
            views: d.views.clone(),
            next_review: day(d.next_review),
            asked_on: day(d.consultation.asked_on),
            answered_on: day(d.consultation.answered_on),
            outcome: d.consultation.outcome.clone(),
        }
    }

    /// `self` (the stored record) with the posted section taken from `p`.
    pub fn merge(mut self, p: DpiaForm) -> DpiaForm {
        match p.section.as_str() {
            "general" => {
                self.title = p.title;
                self.purposes = p.purposes;
                self.description = p.description;
                self.necessity = p.necessity;
            }
            "risks" => {
                self.r_source = p.r_source;
                self.r_threat = p.r_threat;
                self.r_impact = p.r_impact;
                self.r_is = p.r_is;
                self.r_il = p.r_il;
                self.r_rs = p.r_rs;
                self.r_rl = p.r_rl;
            }
            "measures" => {
                self.m_text = p.m_text;
                self.m_owner = p.m_owner;
                self.m_due = p.m_due;
                self.m_status = p.m_status;
            }
            "opinion" => {
                self.dpo_opinion = p.dpo_opinion;
                self.opinion_followed = p.opinion_followed;
                self.opinion_note = p.opinion_note;
                self.views_sought = p.views_sought;
                self.views = p.views;
                self.next_review = p.next_review;
            }
            "consultation" => {
                self.asked_on = p.asked_on;
                self.answered_on = p.answered_on;
                self.outcome = p.outcome;
            }
            _ => {}
        }
        self.section = p.section;
        self
    }

    /// The risk rows: those filled in, plus a spare one.
    pub fn risk_rows(&self) -> Vec<RiskRow> {
        let mut rows: Vec<RiskRow> = (0..self.r_source.len())
            .map(|i| RiskRow {
                source: at(&self.r_source, i),
                threat: at(&self.r_threat, i),
                impact: at(&self.r_impact, i),
                is: at(&self.r_is, i),
                il: at(&self.r_il, i),
                rs: at(&self.r_rs, i),
                rl: at(&self.r_rl, i),
            })
            .filter(|r| ![&r.source, &r.threat, &r.impact].iter().all(|t| t.trim().is_empty()))
            .collect();
        rows.push(RiskRow::default());
        rows
    }

    /// The measure rows: those filled in, plus a spare one.
    pub fn measure_rows(&self) -> Vec<MeasureRow> {
        let mut rows: Vec<MeasureRow> = (0..self.m_text.len())
            .map(|i| MeasureRow {
                text: at(&self.m_text, i),
                owner: at(&self.m_owner, i),
                due: at(&self.m_due, i),
                status: at(&self.m_status, i),
            })
            .filter(|m| ![&m.text, &m.owner, &m.due].iter().all(|t| t.trim().is_empty()))
            .collect();
        rows.push(MeasureRow { status: "planned".into(), ..Default::default() });
        rows
    }

    /// The form as a domain record; malformed values named by field.
    pub fn parse(&self, tr: &kith_i18n::Tr) -> Result<Dpia, Invalid> {
        let mut inv = Invalid::default();
        let mut date = |field: &str, v: &str| {
            let v = v.trim();
            if v.is_empty() {
                return None;
            }
            let d = time::Date::parse(v, time::macros::format_description!("[year]-[month]-[day]")).ok();
            if d.is_none() {
                inv.push(field, tr.t1("dpia-err-date", "example", "2027-06-30"));
            }
            d
        };
        let mut measures = Vec::new();
        let rows = self.measure_rows();
        for (i, m) in rows.iter().take(rows.len() - 1).enumerate() {
            measures.push(Measure {
                text: m.text.clone(),
                owner: m.owner.clone(),
                due_on: date(&format!("measures[{i}].due_on"), &m.due),
                status: MeasureStatus::parse(m.status.trim()).unwrap_or(MeasureStatus::Planned),
            });
        }
        let next_review = date("next_review", &self.next_review);
        let asked_on = date("consultation.asked_on", &self.asked_on);
        let answered_on = date("consultation.answered_on", &self.answered_on);
        let mut risks = Vec::new();
        let rows = self.risk_rows();
        for (i, r) in rows.iter().take(rows.len() - 1).enumerate() {
            let mut level = |name: &str, v: &str| match v.trim().parse::<u8>() {
                Ok(n) => n,
                Err(_) => {
                    inv.push(format!("risks[{i}].{name}"), tr.t("dpia-err-level"));
                    1
                }
            };
            risks.push(Risk {
                source: r.source.clone(),
                threat: r.threat.clone(),
                impact: r.impact.clone(),
                inherent: Score {
                    severity: level("inherent.severity", &r.is),
                    likelihood: level("inherent.likelihood", &r.il),
                },
                residual: Score {
                    severity: level("residual.severity", &r.rs),
                    likelihood: level("residual.likelihood", &r.rl),
                },
            });
        }
        let mut purposes = Vec::new();
        for p in &self.purposes {
            match Uuid::parse_str(p.trim()) {
                Ok(u) => purposes.push(PurposeId(u)),
                Err(_) => inv.push("purposes", tr.t("dpia-err-choice")),
            }
        }
        inv.into_result()?;
        Ok(Dpia {
            title: self.title.clone(),
            purposes,
            description: self.description.clone(),
            necessity: self.necessity.clone(),
            risks,
            measures,
            dpo_opinion: self.dpo_opinion.clone(),
            opinion_followed: match self.opinion_followed.as_str() {
                "yes" => Some(true),
                "no" => Some(false),
                _ => None,
            },
            opinion_note: self.opinion_note.clone(),
            views_sought: non_blank(&self.views_sought).is_some(),
            views: self.views.clone(),
            next_review,
            consultation: Consultation { asked_on, answered_on, outcome: self.outcome.clone() },
        })
    }
}
