//! Demo data: fills an empty CRM with a few hundred fictitious records so a
//! newcomer sees a living CRM. Everything goes through the `kith_app` use
//! cases, so it is validated and audited like any other write: as the
//! command-line operator, except interactions, which the contacts' owners
//! (demo users) record, as an interaction's author must be a user. All
//! names, addresses and numbers are invented: domains are under
//! `example.*`, phone numbers are in zero-filled ranges.
//!
//! The records come from a small seeded generator, so every run produces
//! the same data (only ids, timestamps and the demo passwords differ).

mod breaches;
mod companies;
mod consent;
mod cultures;
mod deals;
mod interactions;
mod marketing;
mod people;
mod registers;
mod requests;
mod summary;
mod users;

pub use summary::{print_summary, DemoSummary, DemoUser};

use crate::error::CliError;
use crate::rng::Rng;
use kith_app::{App, Principal};

const SEED: u64 = 0x4B17_4DE3_0C0F_FEE5;

/// Seeds an empty CRM; does nothing if it holds any contact.
pub async fn seed(app: &App) -> Result<DemoSummary, CliError> {
    let existing = app.store().count_contacts().await.map_err(CliError::store("cannot count contacts"))?;
    if existing > 0 {
        return Ok(DemoSummary { existing_contacts: Some(existing), ..Default::default() });
    }
    let p = Principal::cli();
    let mut rng = Rng::new(SEED);
    let (owners, users) = users::seed_users(app, &p).await?;
    let companies = companies::seed_companies(app, &p).await?;
    let contacts = people::seed_contacts(app, &p, &mut rng, &owners, &companies).await?;
    let interactions = interactions::seed_interactions(app, &mut rng, &owners, &contacts).await?;
    let deals = deals::seed_deals(app, &p, &mut rng, &owners, &companies, &contacts).await?;
    Ok(DemoSummary {
        existing_contacts: None,
        companies: companies.len(),
        contacts: contacts.ids.len(),
        interactions,
        deals: deals.deals,
        deals_by_stage: deals.by_stage,
        stage_moves: deals.stage_moves,
        users,
        consents: consent::seed_consent(app, &p).await?,
        templates: marketing::seed_marketing(app, &p, admin(&owners)?, &contacts).await?,
        requests: requests::seed_requests(app, &p, &contacts.ids).await?,
        recipients: registers::seed_registers(app, &p).await?,
        breaches: breaches::seed_breaches(app, &p).await?,
    })
}

/// The demo's admin, who owns what must belong to a staff user (segments).
fn admin(owners: &users::Owners) -> Result<&Principal, CliError> {
    owners
        .0
        .iter()
        .find(|o| o.role == kith_domain::Role::Admin)
        .ok_or_else(|| CliError::Config("demo data: no admin among the demo users".into()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use deals::STAGES;
    use kith_app::contacts::ContactQuery;
    use kith_app::App;
    use kith_store::deals::DealFilter;

    /// A temp dir removed on drop, even when the test fails.
    struct TempDir(std::path::PathBuf);

    impl Drop for TempDir {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn demo_seeds_an_empty_crm_once() {
        let dir = TempDir(std::env::temp_dir().join(format!("kith-demo-{}", uuid::Uuid::now_v7())));
        std::fs::create_dir_all(&dir.0).expect("temp dir");
        let url = format!("sqlite:{}", dir.0.join("kith.db").display());
        let store = kith_store::Store::connect(&url, kith_store::Vault::from_key(&[7u8; 32])).await.expect("connect");
        store.migrate().await.expect("migrate");
        let app = App::new(store);
        let p = Principal::cli();

        let s = seed(&app).await.expect("seed");
        assert!(s.existing_contacts.is_none());
        assert!(s.contacts >= 300 && s.companies >= 40 && s.deals >= 60, "{s:?}");
        assert!(s.interactions >= s.contacts && s.stage_moves > 0, "{s:?}");
        assert_eq!(s.users.len(), 4);
        assert!(s.users.iter().all(|u| u.password.as_ref().is_some_and(|pw| pw.len() == 43)), "256-bit passwords");
        assert_eq!(app.store().count_contacts().await.expect("count"), s.contacts as i64);
        let companies = app.list_companies(&p, None, None, Some(200)).await.expect("companies");
        assert!(companies.items.len() >= 40);

        let mut deals = 0;
        let mut with_history = 0;
        for stage in STAGES {
            let f = DealFilter { stage: Some(stage.into()), ..Default::default() };
            let page = app.list_deals(&p, f, None, Some(200)).await.expect("deals");
            assert!(!page.items.is_empty(), "no deal in stage {stage}");
            for d in &page.items {
                if app.deal_history(&p, d.id).await.expect("history").len() > 1 {
                    with_history += 1;
                }
            }
            deals += page.items.len();
        }
        assert!(deals >= 60);
        assert!(with_history > 0);

        let q = ContactQuery { q: Some("Цветелина".into()), limit: Some(200), ..Default::default() };
        let found = app.list_contacts(&p, q).await.expect("search").items;
        assert!(found.iter().any(|c| c.data.first_name.as_deref() == Some("Цветелина")));
        let q = ContactQuery { q: Some("Петро".into()), limit: Some(200), ..Default::default() };
        let found = app.list_contacts(&p, q).await.expect("search").items;
        assert!(found.iter().any(|c| c.data.last_name.as_deref() == Some("Петров")));

        let again = seed(&app).await.expect("second seed");
        assert_eq!(again.existing_contacts, Some(s.contacts as i64));
        assert_eq!(again.contacts + again.companies + again.deals, 0);
        assert_eq!(app.store().count_contacts().await.expect("count"), s.contacts as i64);
        let companies_after = app.list_companies(&p, None, None, Some(200)).await.expect("companies");
        assert_eq!(companies_after.items.len(), companies.items.len());
        app.store().close().await;
    }
}
