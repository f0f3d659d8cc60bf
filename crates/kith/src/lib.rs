//! The `kith` binary's library: configuration, start-up, subcommands and the
//! benchmark. `main` only parses and calls in, so tests can start the real
//! server on port 0.

pub mod bench;
pub mod cli;
pub mod cmd;
pub mod config;
pub mod demo;
pub mod error;
mod rng;
pub mod server;
pub mod telemetry;

// Modules under their former paths.
pub use bench::{consent as bench_consent, import as bench_import, pages as bench_pages, retention as bench_retention};
pub use cmd::{import, retention, user as users};
