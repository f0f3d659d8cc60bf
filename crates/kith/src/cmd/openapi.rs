//! `kith openapi`: print the OpenAPI document.

use crate::error::CliError;

pub fn run() -> Result<(), CliError> {
    println!("{}", serde_json::to_string_pretty(&kith_web::openapi()).map_err(CliError::other)?);
    Ok(())
}
