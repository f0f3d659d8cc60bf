//! The compliance overview: per purpose, contacts per basis and per
//! consent state, each count a link to the segment it counts, drawn as
//! inline SVG bars beside the tables; and the monthly trend of consent
//! given, withdrawn and requests answered (all purposes, or one chosen
//! with `?trend=<purpose id>`).

use super::chart::{self, Part, Series, Tone};
use crate::pages::policy::word;
use crate::pages::session::{layout, Staff};
use crate::pages::view::Layout;
use crate::pages::{render, PageResult};
use askama::Template;
use axum::extract::{Query, State};
use kith_app::trend::MonthlyTrend;
use kith_app::App;
use kith_domain::segment::{Condition, ConsentFilter, Segment};
use kith_domain::{Channel, LawfulBasis, PurposeId};
use kith_i18n::Tr;
use std::str::FromStr;

/// One number on the overview and the contact list it counts.
pub(crate) struct Cell {
    pub label: String,
    pub n: i64,
    pub href: String,
    tone: Tone,
}

/// One channel's consent states.
struct ChannelRow {
    label: String,
    cells: Vec<Cell>,
    chart: String,
}

/// One purpose on the overview.
struct PurposeView {
    name: String,
    bases: Vec<Cell>,
    basis_chart: String,
    channels: Vec<ChannelRow>,
}

/// One month of the trend, for the table.
struct MonthRow {
    label: String,
    given: i64,
    withdrawn: i64,
    answered: i64,
}

#[derive(Template)]
#[template(path = "privacy.html")]
struct Overview {
    l: Layout,
    contacts: i64,
    bases: Vec<String>,
    states: Vec<String>,
    rows: Vec<PurposeView>,
    can_manage: bool,
    /// The Art. 14 automatic mode and the people overdue (for admin, dpo).
    art14: Option<kith_app::art14::Art14Overview>,
    /// (purpose id, name, selected) for the trend's selector.
    trend_options: Vec<(String, String, bool)>,
    /// The purpose the trend is about, by name; `None`: every purpose.
    trend_of: Option<String>,
    /// Set when `?trend=` named no purpose.
    trend_error: Option<String>,
    trend_chart: String,
    months: Vec<MonthRow>,
}

/// The link to the contacts meeting one condition.
pub(crate) fn segment_href(c: Condition) -> String {
    format!("/contacts?{}", Segment { conditions: vec![c] }.to_query())
}

/// The label shown for a basis ("not applicable" is counted as no basis).
fn basis_label(tr: &Tr, b: LawfulBasis) -> String {
    if b == LawfulBasis::NotApplicable {
        tr.t("privacy-no-basis")
    } else {
        word(tr, "privacy-basis", b.as_str())
    }
}

/// A pattern per basis; no basis is the hollow one.
fn basis_tone(b: LawfulBasis) -> Tone {
    Tone(match b {
        LawfulBasis::NotApplicable => 7,
        LawfulBasis::Consent => 0,
        LawfulBasis::Contract => 1,
        LawfulBasis::LegalObligation => 2,
        LawfulBasis::VitalInterests => 3,
        LawfulBasis::PublicTask => 4,
        LawfulBasis::LegitimateInterests => 6,
    })
}

/// A pattern per consent state; no record is the hollow one.
fn state_tone(s: ConsentFilter) -> Tone {
    Tone(match s {
        ConsentFilter::None => 7,
        ConsentFilter::Given => 0,
        ConsentFilter::Awaiting => 4,
        ConsentFilter::NotResponded => 3,
        ConsentFilter::Refused => 2,
        ConsentFilter::Withdrawn => 5,
        ConsentFilter::Expired => 6,
    })
}

fn parts(cells: &[Cell]) -> Vec<Part> {
    cells.iter().map(|c| Part { label: c.label.clone(), count: c.n, href: c.href.clone(), tone: c.tone }).collect()
}

fn month_label(tr: &Tr, y: i32, m: time::Month) -> String {
    let month = tr.t(&format!("privacy-month-{}", u8::from(m)));
    tr.t2("privacy-month-label", "month", month, "year", y.to_string())
}

pub(super) async fn overview(
    State(app): State<App>,
    Staff(s): Staff,
    Query(params): Query<Vec<(String, String)>>,
) -> PageResult {
    let tr = &s.tr;
    let sum = app.compliance_summary(&s.principal).await?;
    let asked = params.iter().find(|(k, _)| k == "trend").map(|(_, v)| v.trim()).filter(|v| !v.is_empty());
    let chosen =
        asked.and_then(|v| PurposeId::from_str(v).ok()).filter(|id| sum.purposes.iter().any(|p| p.0.id == *id));
    let trend_error = (asked.is_some() && chosen.is_none()).then(|| tr.t("privacy-trend-unknown"));
    let trend_options =
        sum.purposes.iter().map(|(pu, _, _)| (pu.id.to_string(), pu.name.clone(), Some(pu.id) == chosen)).collect();
    let trend_of = chosen.and_then(|id| sum.purposes.iter().find(|p| p.0.id == id)).map(|p| p.0.name.clone());
    let rows = sum
        .purposes
        .into_iter()
        .enumerate()
        .map(|(i, (pu, b, c))| {
            let bases: Vec<Cell> = b
                .into_iter()
                .map(|(basis, n)| Cell {
                    label: basis_label(tr, basis),
                    n,
                    href: segment_href(Condition::Basis { purpose: pu.id, basis: Some(basis) }),
                    tone: basis_tone(basis),
                })
                .collect();
            let basis_chart = chart::stacked_bar(
                &format!("b{i}"),
                &tr.t1("privacy-chart-basis", "purpose", &pu.name),
                &parts(&bases),
                &tr.t("privacy-chart-empty"),
            );
            let channels = c
                .into_iter()
                .filter(|(ch, st)| *ch == Channel::Email || st.iter().any(|(k, n)| *k != "none" && *n > 0))
                .map(|(ch, st)| {
                    let cells: Vec<Cell> = st
                        .into_iter()
                        .filter_map(|(k, n)| ConsentFilter::parse(k).map(|f| (f, n)))
                        .map(|(f, n)| Cell {
                            label: word(tr, "privacy-state", f.as_str()),
                            n,
                            href: segment_href(Condition::Consent { purpose: pu.id, channel: ch, state: f }),
                            tone: state_tone(f),
                        })
                        .collect();
                    let label = word(tr, "privacy-channel", ch.as_str());
                    let chart = chart::stacked_bar(
                        &format!("c{i}{}", ch.as_str()),
                        &tr.t2("privacy-chart-consent", "purpose", &pu.name, "channel", &label),
                        &parts(&cells),
                        &tr.t("privacy-chart-empty"),
                    );
                    ChannelRow { label, cells, chart }
                })
                .collect();
            PurposeView { name: pu.name, bases, basis_chart, channels }
        })
        .collect();
    let t = app.consent_trend(&s.principal, chosen, time::OffsetDateTime::now_utc()).await?;
    let (trend_chart, months) = trend_view(tr, &t, trend_of.as_deref());
    Ok(render(&Overview {
        l: layout(&s, "privacy"),
        contacts: sum.contacts,
        bases: LawfulBasis::ALL.iter().map(|b| basis_label(tr, *b)).collect(),
        states: ConsentFilter::ALL.iter().map(|f| word(tr, "privacy-state", f.as_str())).collect(),
        rows,
        can_manage: s.role().can_manage_privacy(),
        art14: if s.role().can_manage_privacy() { Some(app.art14_overview(&s.principal).await?) } else { None },
        trend_options,
        trend_of,
        trend_error,
        trend_chart,
        months,
    }))
}

/// The trend's chart and its table rows.
fn trend_view(tr: &Tr, t: &MonthlyTrend, of: Option<&str>) -> (String, Vec<MonthRow>) {
    let labels: Vec<String> = t.months.iter().map(|(y, m)| month_label(tr, *y, *m)).collect();
    let title = match of {
        Some(name) => tr.t1("privacy-chart-trend", "purpose", name),
        None => tr.t("privacy-chart-trend-all"),
    };
    let series = [
        Series { label: tr.t("privacy-consent-given"), values: t.counts.given.clone(), tone: Tone(0) },
        Series { label: tr.t("privacy-consent-withdrawn"), values: t.counts.withdrawn.clone(), tone: Tone(5) },
        Series { label: tr.t("privacy-requests-answered"), values: t.counts.answered.clone(), tone: Tone(1) },
    ];
    let svg = chart::monthly_bars("trend", &title, &labels, &series, &tr.t("privacy-chart-nothing"));
    let at = |v: &[i64], i: usize| v.get(i).copied().unwrap_or(0);
    let rows = labels
        .into_iter()
        .enumerate()
        .map(|(i, label)| MonthRow {
            label,
            given: at(&t.counts.given, i),
            withdrawn: at(&t.counts.withdrawn, i),
            answered: at(&t.counts.answered, i),
        })
        .collect();
    (svg, rows)
}
