//! `kith evidence pack` and `kith evidence verify` through the real binary:
//! a pack verifies with the deployment's key and with its published JWK,
//! and is refused (non-zero exit, what failed named) after a byte of it is
//! changed, or with another key; a bad date is a usage error (exit 2).

use crate::run::{kith, ok, refused, temp_dir};

#[test]
fn evidence_pack_verifies_and_any_change_is_refused() {
    let dir = temp_dir("evidence");
    ok(&kith(&dir, &[], &["migrate"]));
    let pack = dir.join("pack.zip");
    let pack_s = pack.to_str().unwrap();
    let out = ok(&kith(&dir, &[], &["evidence", "pack", pack_s]));
    assert!(out.contains("wrote") && out.contains("thumbprint"), "{out}");
    assert!(!dir.join("pack.zip.partial").exists());

    // With the deployment's own key (from the data directory).
    let out = ok(&kith(&dir, &[], &["evidence", "verify", pack_s]));
    assert!(out.contains("verified"), "{out}");

    // With the published JWK, as an auditor would.
    let vault = kith_store::Vault::load(&dir.join("master.key")).unwrap().unwrap();
    let jwk = kith_app::receipts::public_jwk(&vault.evidence_signer(), kith_app::evidence::KEY_ID);
    let key = dir.join("key.jwk");
    std::fs::write(&key, jwk.to_string()).unwrap();
    ok(&kith(&dir, &[], &["evidence", "verify", pack_s, "--key", key.to_str().unwrap()]));

    // Another key: refused.
    let other = ring::signature::Ed25519KeyPair::from_seed_unchecked(&[9u8; 32]).unwrap();
    let other_key = dir.join("other.jwk");
    std::fs::write(&other_key, kith_app::receipts::public_jwk(&other, "x").to_string()).unwrap();
    let o = kith(&dir, &[], &["evidence", "verify", pack_s, "--key", other_key.to_str().unwrap()]);
    assert!(refused(&o).contains("does not verify"));

    // One changed byte, at the start, the middle and the end: refused, exit 1.
    let bytes = std::fs::read(&pack).unwrap();
    for at in [10, bytes.len() / 2, bytes.len() - 3] {
        let mut b = bytes.clone();
        b[at] ^= 0x01;
        let changed = dir.join(format!("changed-{at}.zip"));
        std::fs::write(&changed, &b).unwrap();
        let o = kith(&dir, &[], &["evidence", "verify", changed.to_str().unwrap()]);
        assert_eq!(o.status.code(), Some(1), "byte {at}");
        assert!(refused(&o).contains("REJECTED"));
    }

    // A date that is not one: a usage error.
    let o = kith(&dir, &[], &["evidence", "pack", pack_s, "--as-of", "yesterday"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(refused(&o).contains("--as-of"));
}
