//! `kith token …`: the operator's API-token tool.

use crate::config::{open_store, StoreArgs};
use crate::error::CliError;
use clap::Subcommand;
use kith_app::{App, Principal};
use kith_domain::TokenId;

#[derive(Subcommand, Debug)]
pub enum TokenCommand {
    /// Create an API token for a user and print it once. The operator's
    /// tool (it needs the data directory): staff mint their own tokens on
    /// My account or through the API, and cannot mint one for anyone else.
    Create {
        #[command(flatten)]
        store: StoreArgs,
        #[arg(long)]
        email: String,
        #[arg(long)]
        name: String,
    },
    /// Revoke a token by id.
    Revoke {
        #[command(flatten)]
        store: StoreArgs,
        id: TokenId,
    },
    /// List tokens (never their secrets).
    List {
        #[command(flatten)]
        store: StoreArgs,
    },
}

pub async fn run(command: TokenCommand) -> Result<(), CliError> {
    let p = Principal::cli();
    match command {
        TokenCommand::Create { store, email, name } => {
            let app = App::new(open_store(&store, true).await?);
            let user = app.user_by_email(&p, &email).await?;
            let (t, secret) = app.create_token(&p, user.id, &name).await?;
            eprintln!("token {} created; it is shown only now:", t.id);
            println!("{secret}");
        }
        TokenCommand::Revoke { store, id } => {
            let app = App::new(open_store(&store, true).await?);
            app.revoke_token(&p, id).await?;
            println!("token {id} revoked");
        }
        TokenCommand::List { store } => {
            let app = App::new(open_store(&store, true).await?);
            for t in app.list_tokens(&p, None).await? {
                let state = if t.revoked_at.is_some() { "revoked" } else { "active" };
                println!("{}\t{}\t{}\t{}", t.id, t.user, state, t.name);
            }
        }
    }
    Ok(())
}
