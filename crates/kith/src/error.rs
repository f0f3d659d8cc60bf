//! The binary's one error type: what failed, said so an operator can act
//! on it, and the exit code it ends the process with.
//!
//! Messages name what was being done, ids and file names, never a person's
//! values: the store's and the app's errors hold none (see docs/LOGGING.md),
//! and the contexts added here are literals.

use kith_app::AppError;
use kith_store::StoreError;

/// Why a subcommand failed.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    /// The command line asks for something that cannot be done as asked
    /// (options that do not go together, a value that is not one of the
    /// allowed ones, a file that is not there).
    #[error("{0}")]
    Usage(String),
    /// The configuration does not fit (the master key, the database URL,
    /// the SMTP URL).
    #[error("{0}")]
    Config(String),
    /// The store failed; `doing` says at what, where the store's words do not.
    #[error("{}{source}", context(*.doing))]
    Store { doing: Option<&'static str>, source: StoreError },
    /// A use case refused or failed; invalid fields are named one by one.
    #[error("{}{}", context(*.doing), app_message(.source))]
    App { doing: Option<&'static str>, source: AppError },
    /// Reading or writing a file, a socket or the terminal failed.
    #[error("{what}: {source}")]
    Io { what: String, source: std::io::Error },
    /// Anything else (a benchmark's or the demo data's own checks).
    #[error("{0}")]
    Other(String),
}

impl CliError {
    /// The process's exit code: 2 when the operator's input or
    /// configuration is at fault (as for clap's own usage errors), 1 otherwise.
    pub fn exit_code(&self) -> u8 {
        match self {
            CliError::Usage(_) | CliError::Config(_) => 2,
            _ => 1,
        }
    }

    /// A store error, said with what was being done.
    pub fn store(doing: &'static str) -> impl FnOnce(StoreError) -> CliError {
        move |source| CliError::Store { doing: Some(doing), source }
    }

    /// A use case's error, said with what was being done.
    pub fn app(doing: &'static str) -> impl FnOnce(AppError) -> CliError {
        move |source| CliError::App { doing: Some(doing), source }
    }

    /// An I/O error, said with what was being done (and on which file).
    pub fn io(what: impl Into<String>) -> impl FnOnce(std::io::Error) -> CliError {
        let what = what.into();
        move |source| CliError::Io { what, source }
    }

    /// Any other failure, by its own words.
    pub fn other(e: impl std::fmt::Display) -> CliError {
        CliError::Other(e.to_string())
    }
}

impl From<StoreError> for CliError {
    fn from(source: StoreError) -> CliError {
        CliError::Store { doing: None, source }
    }
}

impl From<AppError> for CliError {
    fn from(source: AppError) -> CliError {
        CliError::App { doing: None, source }
    }
}

fn context(doing: Option<&'static str>) -> String {
    doing.map(|d| format!("{d}: ")).unwrap_or_default()
}

/// An app error as the command line says it: each invalid field with its
/// reason, anything else by its own words.
fn app_message(e: &AppError) -> String {
    match e {
        AppError::Invalid(inv) => {
            inv.0.iter().map(|f| format!("{}: {}", f.field, f.message)).collect::<Vec<_>>().join("; ")
        }
        e => e.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_keep_their_words_and_codes_say_whose_fault() {
        let e = CliError::Usage("name the backup file to restore".into());
        assert_eq!(e.to_string(), "name the backup file to restore");
        assert_eq!(e.exit_code(), 2);
        assert_eq!(CliError::Config("KITH_MASTER_KEY: bad".into()).exit_code(), 2);
        let e = CliError::store("backup failed")(StoreError::NotFound);
        assert_eq!(e.to_string(), "backup failed: not found");
        assert_eq!(e.exit_code(), 1);
        assert_eq!(CliError::from(StoreError::NotFound).to_string(), "not found");
        assert_eq!(CliError::from(AppError::NotFound("user")).to_string(), "user not found");
        let e = CliError::app("demo data: cannot add a user")(AppError::NotFound("user"));
        assert_eq!(e.to_string(), "demo data: cannot add a user: user not found");
        let mut inv = kith_domain::Invalid::one("email", "is not valid");
        inv.push("role", "is missing");
        assert_eq!(CliError::from(AppError::Invalid(inv)).to_string(), "email: is not valid; role: is missing");
        let e = CliError::io("cannot open x.csv")(std::io::Error::other("gone"));
        assert_eq!(e.to_string(), "cannot open x.csv: gone");
    }
}
