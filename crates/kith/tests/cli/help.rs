//! `kith --help` describes every subcommand with its own words, and a
//! snapshot of it shows a change to the command line (a subcommand added,
//! renamed or described anew) as a diff in `tests/cli/snapshots/`. Review
//! with `cargo insta review`.

use std::process::Command;

#[test]
fn every_subcommand_has_its_own_description() {
    let out = Command::new(env!("CARGO_BIN_EXE_kith")).arg("--help").output().expect("run kith");
    assert!(out.status.success());
    let help = String::from_utf8_lossy(&out.stdout);
    let line = |name: &str| {
        help.lines()
            .find(|l| l.trim_start().starts_with(&format!("{name} ")))
            .unwrap_or_else(|| panic!("no line for {name}: {help}"))
            .to_owned()
    };
    assert!(line("dsr").contains("Data-subject requests"), "{help}");
    assert!(line("retention").contains("retention sweep"), "{help}");
    // Every subcommand line says something.
    let commands = help.split("Commands:").nth(1).unwrap().split("Options:").next().unwrap();
    for l in commands.lines().filter(|l| !l.trim().is_empty()) {
        assert!(l.split_whitespace().count() > 1, "a subcommand without a description: {l:?}");
    }
}

#[test]
fn benchmarks_log_at_warn_unless_asked() {
    use clap::Parser;
    let bench = kith::cli::Cli::try_parse_from(["kith", "bench", "--contacts", "10"]).unwrap();
    assert_eq!(bench.log_default(), "warn");
    let serve = kith::cli::Cli::try_parse_from(["kith", "serve"]).unwrap();
    assert!(serve.log_default().starts_with("info"));
}

#[test]
fn help_text() {
    let out = Command::new(env!("CARGO_BIN_EXE_kith")).arg("--help").env("NO_COLOR", "1").output().expect("run kith");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    insta::assert_snapshot!("kith_help", String::from_utf8(out.stdout).expect("UTF-8"));
}
