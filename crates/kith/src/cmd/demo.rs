//! `kith demo`: fictitious demo data and demo users for an empty CRM.

use crate::config::{open_store, StoreArgs};
use crate::error::CliError;
use kith_app::App;

#[derive(clap::Args, Debug)]
pub struct DemoArgs {
    #[command(flatten)]
    pub store: StoreArgs,
    /// Address `kith serve` listens on (only used in the printed sign-in link).
    #[arg(long, env = "KITH_LISTEN", default_value = "127.0.0.1:8080")]
    pub listen: String,
}

pub async fn run(a: DemoArgs) -> Result<(), CliError> {
    let app = App::new(open_store(&a.store, true).await?);
    let summary = crate::demo::seed(&app).await?;
    crate::demo::print_summary(&summary, &a.listen);
    Ok(())
}
