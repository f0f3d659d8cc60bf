//! `kith purpose …`: define and list purposes of processing, and set a
//! purpose's retention rule.

use crate::cmd::parse::parse_basis;
use crate::config::{open_store, StoreArgs};
use crate::error::CliError;
use clap::{Args, Subcommand};
use kith_app::purposes::PurposeFields;
use kith_app::retention::rule_from;
use kith_app::{App, Principal};
use kith_domain::{LawfulBasis, PurposeId};

#[derive(Subcommand, Debug)]
pub enum PurposeCommand {
    /// List purposes with their default basis.
    List {
        #[command(flatten)]
        store: StoreArgs,
    },
    /// Define a purpose.
    Add {
        #[command(flatten)]
        store: StoreArgs,
        #[arg(long)]
        name: String,
        #[arg(long)]
        description: String,
        /// not_applicable, consent, contract, legal_obligation, vital_interests, public_task or legitimate_interests.
        #[arg(long, value_parser = parse_basis)]
        default_basis: LawfulBasis,
        /// Data categories, comma-separated.
        #[arg(long, value_delimiter = ',')]
        categories: Vec<String>,
        #[arg(long, default_value = "")]
        retention: String,
        #[arg(long, default_value = "")]
        recipients: String,
        /// The purpose is direct marketing (an objection to it is absolute).
        #[arg(long)]
        direct_marketing: bool,
    },
    /// Set or clear a purpose's retention rule.
    SetRule(SetRuleArgs),
}

/// `kith purpose set-rule`: a purpose's retention rule.
#[derive(Args, Debug)]
pub struct SetRuleArgs {
    #[command(flatten)]
    pub store: StoreArgs,
    /// The purpose's id (see `kith purpose list`).
    #[arg(long)]
    pub id: uuid::Uuid,
    /// last_interaction, created, contract_end, consent_withdrawn or deal_closed.
    #[arg(long, required_unless_present = "clear")]
    pub after: Option<String>,
    /// How many units to keep the data after the anchor.
    #[arg(long, required_unless_present = "clear")]
    pub keep_for: Option<i64>,
    /// days, months or years.
    #[arg(long, default_value = "years")]
    pub unit: String,
    /// delete or anonymise.
    #[arg(long, required_unless_present = "clear")]
    pub then: Option<String>,
    /// Remove the rule instead.
    #[arg(long, conflicts_with_all = ["after", "keep_for", "then"])]
    pub clear: bool,
}

pub async fn run(command: PurposeCommand) -> Result<(), CliError> {
    match command {
        PurposeCommand::List { store } => {
            let app = App::new(open_store(&store, true).await?);
            for p in app.purposes(&Principal::cli()).await? {
                println!("{}\t{}\t{}", p.id, p.default_basis.as_str(), p.name);
            }
        }
        PurposeCommand::Add {
            store,
            name,
            description,
            default_basis,
            categories,
            retention,
            recipients,
            direct_marketing,
        } => {
            let app = App::new(open_store(&store, true).await?);
            let f = PurposeFields {
                name,
                description,
                default_basis,
                data_categories: categories,
                retention,
                rule: None,
                recipients,
                direct_marketing,
            };
            let p = app.create_purpose(&Principal::cli(), f).await?;
            println!("added purpose {}", p.id);
        }
        PurposeCommand::SetRule(a) => set_rule(a).await?,
    }
    Ok(())
}

async fn set_rule(a: SetRuleArgs) -> Result<(), CliError> {
    let app = App::new(open_store(&a.store, true).await?);
    let rule = if a.clear {
        None
    } else {
        rule_from(a.after.as_deref(), a.keep_for, Some(&a.unit), a.then.as_deref())
            .map_err(|e| CliError::Usage(e.to_string()))?
    };
    let p = app.set_purpose_rule(&Principal::cli(), PurposeId(a.id), rule).await?;
    match p.rule {
        Some(r) => println!("{}: {}", p.name, r.describe()),
        None => println!("{}: no retention rule", p.name),
    }
    Ok(())
}
