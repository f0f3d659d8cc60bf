//! The demo's deals: ten per stage; most of them created as leads and
//! walked through the pipeline with `move_deal`, so their history shows the
//! way they came.

use super::companies::DemoCompany;
use super::people::Contacts;
use super::users::Owners;
use crate::error::CliError;
use crate::rng::Rng;
use kith_app::deals::DealFields;
use kith_app::{App, Principal};
use kith_domain::{CompanyId, SubjectId};

pub(super) const STAGES: [&str; 6] = ["lead", "qualified", "proposal", "negotiation", "won", "lost"];
const DEALS: usize = 60;

/// What the deals came to.
pub(super) struct Deals {
    pub(super) deals: usize,
    pub(super) stage_moves: usize,
    /// Deals per stage, in pipeline order.
    pub(super) by_stage: Vec<(&'static str, usize)>,
}

/// Creates the deals, each on a company with people and one to three of them.
pub(super) async fn seed_deals(
    app: &App,
    p: &Principal,
    rng: &mut Rng,
    owners: &Owners,
    companies: &[(CompanyId, &'static DemoCompany)],
    contacts: &Contacts,
) -> Result<Deals, CliError> {
    let (contact_ids, contact_company) = (&contacts.ids, &contacts.company);
    let (mut deals, mut stage_moves) = (0, 0);
    let with_people: Vec<usize> = (0..companies.len()).filter(|&k| contact_company.contains(&Some(k))).collect();
    if with_people.is_empty() {
        return Err(CliError::Other("demo data: no company got any contact".into()));
    }
    let mut by_stage = [0; STAGES.len()];
    for i in 0..DEALS {
        let target = i % STAGES.len();
        let path: Vec<&str> = match STAGES[target] {
            "won" => STAGES[..5].to_vec(),
            "lost" => {
                let mut p = STAGES[..=rng.below(4)].to_vec();
                p.push("lost");
                p
            }
            _ => STAGES[..=target].to_vec(),
        };
        let start = if rng.chance(60) { 0 } else { path.len() - 1 };
        let k = *rng.pick(&with_people);
        let (company_id, company) = companies[k];
        let mut people: Vec<SubjectId> =
            (0..contact_ids.len()).filter(|&j| contact_company[j] == Some(k)).map(|j| contact_ids[j]).collect();
        rng.shuffle(&mut people);
        people.truncate(rng.range(1, 3) as usize);
        let fields = DealFields {
            title: format!("{} – {}", rng.pick(&DEAL_TITLES), company.short),
            stage: Some(path[start].into()),
            amount_minor: Some(rng.range(15, 2500) as i64 * 100 * 100),
            currency: Some("EUR".into()),
            owner: Some(owners.0[owners.pick(rng, 70)].user),
            company: Some(company_id),
            contacts: people,
        };
        let deal = app.create_deal(p, fields, None).await.map_err(CliError::app("demo data: cannot create a deal"))?;
        for stage in &path[start + 1..] {
            app.move_deal(p, deal.id, (*stage).into()).await.map_err(CliError::app("demo data: cannot move a deal"))?;
            stage_moves += 1;
        }
        deals += 1;
        by_stage[target] += 1;
    }
    Ok(Deals { deals, stage_moves, by_stage: STAGES.into_iter().zip(by_stage).collect() })
}

const DEAL_TITLES: [&str; 12] = [
    "Annual supply contract",
    "Espresso machines for three locations",
    "Website relaunch",
    "Catering for the summer event",
    "CRM onboarding and training",
    "Packaging redesign",
    "Delivery van leasing",
    "Wine list partnership",
    "Trade fair stand 2026",
    "Loyalty programme pilot",
    "ERP licences (50 seats)",
    "Maintenance contract 2026",
];
