//! `kith user …` through the real binary: add, list with last sign-in and
//! state, set-password (the password rule applies), disable, enable, unlock.

use crate::run::{kith, ok, temp_dir};

#[test]
fn the_operator_manages_staff_accounts_from_the_command_line() {
    let dir = temp_dir("cli-users");
    let email = "leni.hartmann@example.de";
    ok(&kith(
        &dir,
        &[("KITH_PASSWORD", "harbour lantern quartz")],
        &["user", "add", "--email", email, "--role", "sales"],
    ));
    ok(&kith(
        &dir,
        &[("KITH_PASSWORD", "granite pelican mosaic")],
        &["user", "add", "--email", "boss@example.de", "--role", "admin"],
    ));
    let list = ok(&kith(&dir, &[], &["user", "list"]));
    let line = list.lines().find(|l| l.contains(email)).expect("listed");
    assert!(line.ends_with("\tnever\t-"), "{line}");

    // A common password is refused with the reason; a good one is set.
    let out = kith(&dir, &[("KITH_PASSWORD", "password1234")], &["user", "set-password", "--email", email]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("common"), "{}", String::from_utf8_lossy(&out.stderr));
    ok(&kith(
        &dir,
        &[("KITH_PASSWORD", "violet orchard compass")],
        &["user", "set-password", "--email", email, "--temporary"],
    ));
    ok(&kith(&dir, &[], &["user", "disable", "--email", email]));
    let list = ok(&kith(&dir, &[], &["user", "list"]));
    let line = list.lines().find(|l| l.contains(email)).unwrap();
    assert!(line.ends_with("\tdisabled,must-change-password"), "{line}");
    ok(&kith(&dir, &[], &["user", "enable", "--email", email]));
    ok(&kith(&dir, &[], &["user", "unlock", "--email", email]));
    let list = ok(&kith(&dir, &[], &["user", "list"]));
    assert!(list.lines().find(|l| l.contains(email)).unwrap().ends_with("\tmust-change-password"));
    let out = kith(&dir, &[], &["user", "disable", "--email", "nobody@example.de"]);
    assert!(!out.status.success());
    let _ = std::fs::remove_dir_all(&dir);
}
