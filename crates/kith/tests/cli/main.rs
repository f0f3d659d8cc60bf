//! The `kith` binary end to end: each module runs the real binary (through
//! `run`) on a data directory of its own. One test binary for the crate.

mod run;

mod backup;
mod crm_import;
mod demo;
mod evidence;
mod help;
mod import;
mod keys;
mod users;
