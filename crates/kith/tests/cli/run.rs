//! Running the real `kith` binary on a data directory of its own.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// Runs `kith ARGS --data-dir DIR` in an environment without Kith's
/// variables, but for `env`.
pub fn kith(dir: &Path, env: &[(&str, &str)], args: &[&str]) -> Output {
    let mut c = Command::new(env!("CARGO_BIN_EXE_kith"));
    c.args(args)
        .arg("--data-dir")
        .arg(dir)
        .env_remove("KITH_DATABASE_URL")
        .env_remove("KITH_MASTER_KEY")
        .env_remove("KITH_DATA_DIR")
        .env_remove("KITH_PASSWORD");
    for (k, v) in env {
        c.env(k, v);
    }
    c.output().expect("run kith")
}

/// The standard output of a run that must succeed.
#[track_caller]
pub fn ok(o: &Output) -> String {
    assert!(o.status.success(), "kith failed: {}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// The standard error of a run that must fail.
#[track_caller]
pub fn refused(o: &Output) -> String {
    assert!(!o.status.success(), "kith should have refused: {}", String::from_utf8_lossy(&o.stdout));
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A new empty directory under the system's temporary directory.
pub fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("kith-{name}-{}", uuid::Uuid::now_v7()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}
