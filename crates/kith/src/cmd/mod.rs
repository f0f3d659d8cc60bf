//! One module per subcommand: its arguments (their doc comments are its
//! `--help`) and the function that runs it. `kith bench` is the `bench`
//! module's own.

pub mod audit;
pub mod backup;
pub mod breach;
pub mod consent_verify;
pub mod demo;
pub mod dsr;
pub mod evidence;
pub mod import;
pub mod migrate;
pub mod openapi;
mod parse;
pub mod purpose;
pub mod restore;
pub mod retention;
pub mod ropa;
pub mod serve;
pub mod token;
pub mod user;
