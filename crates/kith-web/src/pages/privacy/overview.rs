//! The compliance overview: per purpose, contacts per basis and per
//! consent state.

use crate::pages::session::{layout, Staff};
use crate::pages::view::Layout;
use crate::pages::{render, PageResult};
use askama::Template;
use axum::extract::State;
use kith_app::App;
use kith_domain::{Channel, ConsentState, LawfulBasis};

/// A purpose's name, its counts per basis, and per channel its counts per state.
type OverviewRow = (String, Vec<i64>, Vec<(&'static str, Vec<i64>)>);

#[derive(Template)]
#[template(path = "privacy.html")]
struct Overview {
    l: Layout,
    contacts: i64,
    bases: Vec<&'static str>,
    states: Vec<&'static str>,
    rows: Vec<OverviewRow>,
    can_manage: bool,
}

pub(super) async fn overview(State(app): State<App>, Staff(s): Staff) -> PageResult {
    let sum = app.compliance_summary(&s.principal).await?;
    let rows = sum
        .purposes
        .into_iter()
        .map(|(pu, b, c)| {
            let chans = c
                .into_iter()
                .filter(|(ch, st)| *ch == Channel::Email || st.iter().any(|(k, n)| *k != "none" && *n > 0))
                .map(|(ch, st)| (ch.label(), st.into_iter().map(|(_, n)| n).collect()))
                .collect();
            (pu.name, b.into_iter().map(|(_, n)| n).collect(), chans)
        })
        .collect();
    Ok(render(&Overview {
        l: layout(&s, "privacy"),
        contacts: sum.contacts,
        bases: LawfulBasis::ALL.iter().map(|b| b.label()).collect(),
        states: ConsentState::NAMES.to_vec(),
        rows,
        can_manage: s.role().can_manage_privacy(),
    }))
}
