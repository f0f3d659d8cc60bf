//! The storage contract, run on SQLite and on PostgreSQL (a throwaway
//! database per test at `KITH_TEST_PG_URL`, default the local server,
//! dropped afterwards). Every operation the application relies on is here,
//! erasure above all, so the two engines cannot drift apart. One test
//! binary: the runners live in `engines`, the shared data in `fixtures`.

mod engines;
mod fixtures;

mod affected;
mod audit;
mod breaches;
mod concurrency;
mod consent;
mod contacts;
mod erasure;
mod evidence;
mod imports;
mod newsletters;
mod notices;
mod policy;
mod privacy;
mod retention;
mod segments;
mod staff;
mod templates;
mod trend;
mod webhooks;
