//! `kith bench`'s arguments.

use std::path::PathBuf;

#[derive(clap::Args, Debug)]
pub struct BenchArgs {
    /// How many synthetic contacts to create.
    #[arg(long, default_value_t = 100_000)]
    pub contacts: usize,
    /// Interactions per contact.
    #[arg(long, default_value_t = 2, value_parser = clap::value_parser!(u32).range(0..=20))]
    pub interactions: u32,
    /// Contacts per batch (at most 1000, the API's batch limit).
    #[arg(long, default_value_t = 1000)]
    pub batch: usize,
    /// Lookups sampled per latency figure.
    #[arg(long, default_value_t = 2000)]
    pub samples: usize,
    /// A PostgreSQL server URL (`postgres://…/postgres`) to bench on instead
    /// of SQLite; two throwaway databases are created on it and dropped.
    #[arg(long)]
    pub postgres: Option<String>,
    /// Where the SQLite files go (a fresh temporary directory by default).
    #[arg(long)]
    pub dir: Option<PathBuf>,
    /// Benchmark the CSV import instead (`--contacts` rows, `kith import
    /// contacts` end to end against a plaintext load of the same file).
    #[arg(long)]
    pub import: bool,
    /// With `--import`: every row carries consent with its proof columns
    /// (`consent_at`, `consent_evidence`), imported under the consent basis.
    #[arg(long, requires = "import")]
    pub consent: bool,
    /// Benchmark a retention sweep instead (`--contacts` contacts, all
    /// expiring, against deleting as many plain rows).
    #[arg(long, conflicts_with = "import")]
    pub retention: bool,
    /// Benchmark the query for the people a breach affects instead
    /// (`--contacts` imported, a month of one user's audit entries): the
    /// actor-window, category × country and recipient queries, each beside
    /// a plain count of the same rows.
    #[arg(long, conflicts_with_all = ["import", "retention"])]
    pub affected: bool,
    /// Benchmark a segment instead (`--contacts` imported, with consent
    /// data for a newsletter): the count of "may email for the newsletter"
    /// and its first page of 50, each beside a plain scan of the contacts.
    #[arg(long, conflicts_with_all = ["import", "retention", "affected"])]
    pub segments: bool,
    /// Keep the databases afterwards, for inspection.
    #[arg(long)]
    pub keep: bool,
}
