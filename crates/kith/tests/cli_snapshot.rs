//! A snapshot of `kith --help`, so a change to the command line (a
//! subcommand added, renamed or described anew) shows up as a diff in
//! `tests/snapshots/`. Review with `cargo insta review`.

use std::process::Command;

#[test]
fn help_text() {
    let out = Command::new(env!("CARGO_BIN_EXE_kith")).arg("--help").env("NO_COLOR", "1").output().expect("run kith");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    insta::assert_snapshot!("kith_help", String::from_utf8(out.stdout).expect("UTF-8"));
}
