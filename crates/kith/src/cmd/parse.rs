//! Value parsers of the subcommands' arguments: a bad value is a usage
//! error that lists the allowed ones.

use crate::error::CliError;
use kith_domain::{Channel, LawfulBasis, Role};

pub(crate) fn parse_role(s: &str) -> Result<Role, CliError> {
    Role::parse(s)
        .ok_or_else(|| CliError::Usage("must be one of admin, dpo, sales, marketing, support, readonly".into()))
}

pub(crate) fn parse_basis(s: &str) -> Result<LawfulBasis, CliError> {
    LawfulBasis::parse(s).ok_or_else(|| {
        let all: Vec<&str> = LawfulBasis::ALL.iter().map(|b| b.as_str()).collect();
        CliError::Usage(format!("must be one of {}", all.join(", ")))
    })
}

pub(crate) fn parse_channel(s: &str) -> Result<Channel, CliError> {
    Channel::parse(s.trim()).ok_or_else(|| CliError::Usage("must be email, phone, sms or post".into()))
}
