//! Logging. Log lines carry ids, never personal values: see docs/LOGGING.md.

/// Sets up logging to stderr: `KITH_LOG` if set, else `default` (a
/// benchmark logs at `warn`, so its table is not drowned in request lines).
pub fn init(default: &str) {
    let filter = tracing_subscriber::EnvFilter::try_from_env("KITH_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new(default));
    let _ = tracing_subscriber::fmt().with_env_filter(filter).with_writer(std::io::stderr).try_init();
}
