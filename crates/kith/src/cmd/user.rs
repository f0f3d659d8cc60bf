//! `kith user …`: the operator's staff management at the command line.
//! Whoever runs these holds the data directory (and so the master key);
//! each change is audited as `cli`.

use crate::cmd::parse::parse_role;
use crate::config::{open_store, StoreArgs};
use crate::error::CliError;
use clap::Subcommand;
use kith_app::{App, Principal};
use kith_domain::Role;

#[derive(Subcommand, Debug)]
pub enum UserCommand {
    /// Add a user. The password comes from KITH_PASSWORD or a prompt.
    Add {
        #[command(flatten)]
        store: StoreArgs,
        #[arg(long)]
        email: String,
        /// admin, dpo, sales, marketing, support or readonly.
        #[arg(long, value_parser = parse_role)]
        role: Role,
    },
    /// List users: id, role, email, last sign-in, state.
    List {
        #[command(flatten)]
        store: StoreArgs,
    },
    /// Disable a user: their sessions end and their API tokens are revoked at once.
    Disable {
        #[command(flatten)]
        store: StoreArgs,
        #[arg(long)]
        email: String,
    },
    /// Enable a disabled user.
    Enable {
        #[command(flatten)]
        store: StoreArgs,
        #[arg(long)]
        email: String,
    },
    /// Set a user's password (from KITH_PASSWORD or a prompt); their
    /// sessions end and their API tokens are revoked.
    SetPassword {
        #[command(flatten)]
        store: StoreArgs,
        #[arg(long)]
        email: String,
        /// The user must choose a new password at next sign-in.
        #[arg(long)]
        temporary: bool,
    },
    /// Let a locked-out user sign in again at once.
    Unlock {
        #[command(flatten)]
        store: StoreArgs,
        #[arg(long)]
        email: String,
    },
}

/// The password to set: `KITH_PASSWORD`, or typed twice at a prompt.
pub(crate) fn password() -> Result<String, CliError> {
    if let Ok(p) = std::env::var("KITH_PASSWORD") {
        return Ok(p);
    }
    let p = rpassword::prompt_password("Password: ").map_err(CliError::io("cannot read the password"))?;
    let again = rpassword::prompt_password("Again: ").map_err(CliError::io("cannot read the password"))?;
    if p != again {
        return Err(CliError::Usage("the passwords differ".into()));
    }
    Ok(p)
}

pub async fn run(command: UserCommand) -> Result<(), CliError> {
    let p = Principal::cli();
    match command {
        UserCommand::Add { store, email, role } => {
            let app = App::new(open_store(&store, true).await?);
            let pw = password()?;
            let u = app.add_user(&p, &email, role, &pw).await?;
            println!("added user {} ({})", u.id, u.role.as_str());
        }
        UserCommand::List { store } => {
            let app = App::new(open_store(&store, true).await?);
            for u in app.list_users(&p).await? {
                let last = u
                    .last_sign_in_at
                    .and_then(|t| t.format(&time::format_description::well_known::Rfc3339).ok())
                    .unwrap_or_else(|| "never".into());
                let mut state = Vec::new();
                if u.disabled {
                    state.push("disabled");
                }
                if u.must_change_password {
                    state.push("must-change-password");
                }
                if u.second_factor {
                    state.push("2fa");
                }
                if app.locked_until(&p, &u).await?.is_some() {
                    state.push("locked");
                }
                let state = if state.is_empty() { "-".to_owned() } else { state.join(",") };
                println!("{}\t{}\t{}\t{last}\t{state}", u.id, u.role.as_str(), u.email);
            }
        }
        UserCommand::Disable { store, email } => {
            let app = App::new(open_store(&store, true).await?);
            let u = app.user_by_email(&p, &email).await?;
            app.disable_user(&p, u.id).await?;
            println!("user {} disabled; their sessions ended and their API tokens were revoked", u.id);
        }
        UserCommand::Enable { store, email } => {
            let app = App::new(open_store(&store, true).await?);
            let u = app.user_by_email(&p, &email).await?;
            app.enable_user(&p, u.id).await?;
            println!("user {} enabled", u.id);
        }
        UserCommand::SetPassword { store, email, temporary } => {
            let app = App::new(open_store(&store, true).await?);
            let u = app.user_by_email(&p, &email).await?;
            let pw = password()?;
            app.set_password(&p, u.id, &pw, temporary).await?;
            let then = if temporary { "; they must change it at next sign-in" } else { "" };
            println!("password of user {} set; their sessions ended and their API tokens were revoked{then}", u.id);
        }
        UserCommand::Unlock { store, email } => {
            let app = App::new(open_store(&store, true).await?);
            let u = app.user_by_email(&p, &email).await?;
            app.unlock_user(&p, u.id).await?;
            println!("user {} unlocked", u.id);
        }
    }
    Ok(())
}
