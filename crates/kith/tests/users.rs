//! `kith user …` through the real binary: add, list with last sign-in and
//! state, set-password (the password rule applies), disable, enable, unlock.

use std::path::Path;
use std::process::{Command, Output};

fn kith(dir: &Path, password: Option<&str>, args: &[&str]) -> Output {
    let mut c = Command::new(env!("CARGO_BIN_EXE_kith"));
    c.args(args)
        .arg("--data-dir")
        .arg(dir)
        .env_remove("KITH_DATABASE_URL")
        .env_remove("KITH_MASTER_KEY")
        .env_remove("KITH_DATA_DIR")
        .env_remove("KITH_PASSWORD");
    if let Some(p) = password {
        c.env("KITH_PASSWORD", p);
    }
    c.output().expect("run kith")
}

fn ok(out: Output) -> String {
    assert!(out.status.success(), "failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn the_operator_manages_staff_accounts_from_the_command_line() {
    let dir = std::env::temp_dir().join(format!("kith-cli-users-{}", uuid::Uuid::now_v7()));
    std::fs::create_dir_all(&dir).unwrap();
    let email = "leni.hartmann@example.de";
    ok(kith(&dir, Some("harbour lantern quartz"), &["user", "add", "--email", email, "--role", "sales"]));
    ok(kith(&dir, Some("granite pelican mosaic"), &["user", "add", "--email", "boss@example.de", "--role", "admin"]));
    let list = ok(kith(&dir, None, &["user", "list"]));
    let line = list.lines().find(|l| l.contains(email)).expect("listed");
    assert!(line.ends_with("\tnever\t-"), "{line}");

    // A common password is refused with the reason; a good one is set.
    let out = kith(&dir, Some("password1234"), &["user", "set-password", "--email", email]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("common"), "{}", String::from_utf8_lossy(&out.stderr));
    ok(kith(&dir, Some("violet orchard compass"), &["user", "set-password", "--email", email, "--temporary"]));
    ok(kith(&dir, None, &["user", "disable", "--email", email]));
    let list = ok(kith(&dir, None, &["user", "list"]));
    let line = list.lines().find(|l| l.contains(email)).unwrap();
    assert!(line.ends_with("\tdisabled,must-change-password"), "{line}");
    ok(kith(&dir, None, &["user", "enable", "--email", email]));
    ok(kith(&dir, None, &["user", "unlock", "--email", email]));
    let list = ok(kith(&dir, None, &["user", "list"]));
    assert!(list.lines().find(|l| l.contains(email)).unwrap().ends_with("\tmust-change-password"));
    let out = kith(&dir, None, &["user", "disable", "--email", "nobody@example.de"]);
    assert!(!out.status.success());
    let _ = std::fs::remove_dir_all(&dir);
}
