//! `kith bench`: see the module in full below.

#[derive(clap::Args, Debug)]
pub struct BenchArgs {
    /// How many synthetic contacts to create.
    #[arg(long, default_value_t = 100_000)]
    pub contacts: usize,
}

pub async fn run(_args: BenchArgs) -> Result<(), String> {
    Err("the benchmark is not written yet".into())
}
