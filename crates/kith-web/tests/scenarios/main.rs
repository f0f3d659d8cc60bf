//! Kith's HTTP scenarios, black-box through the real router: the API, the
//! staff pages and the public pages. One test binary for the crate (one
//! link of the whole app); the world each scenario runs in, on SQLite and
//! on PostgreSQL, is in `harness`. All personal data here is fictitious.

mod harness;

mod account_locale;
mod accountability;
mod affected;
mod api;
mod art14;
mod breach_rules;
mod breaches;
mod consent;
mod contracts;
mod dsr;
mod erasure;
mod evidence;
mod fence;
mod jobs;
mod pages;
mod parting;
mod policy;
mod privacy;
mod registers;
mod retention;
mod second_factor;
mod security;
mod small_fixes;
mod staff;
mod webhooks;
mod webhooks_events;
mod webhooks_pages;
mod webhooks_processors;
