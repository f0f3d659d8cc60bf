//! The `kith` binary's library: configuration, start-up, subcommands and the
//! benchmark. `main` only parses and calls in, so tests can start the real
//! server on port 0.

pub mod bench;
pub mod bench_consent;
pub mod bench_import;
pub mod bench_pages;
pub mod bench_retention;
pub mod cli;
pub mod cmd;
pub mod config;
pub mod demo;
pub mod error;
mod rng;
pub mod server;
pub mod telemetry;

// The subcommands' modules under their former paths.
pub use cmd::{import, retention, user as users};
