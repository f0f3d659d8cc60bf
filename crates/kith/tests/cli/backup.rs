//! A backup taken before an erasure and restored after it does not bring
//! the person back: `kith backup`, erase, `kith restore` through the real
//! binary, then the restored database file and WAL are searched for the
//! person's values and their key.

use crate::run::{kith, ok, temp_dir};
use kith_domain::{ContactData, Email, Phone, SubjectId};
use kith_store::contacts::ContactInput;
use kith_store::{Ctx, Store, Vault};
use std::path::Path;

const NAME: &str = "Zebulon-Quixotic";
const EMAIL: &str = "zebulon.quixotic@example.it";
const PHONE: &str = "+39 02 5550 9876";

async fn open(dir: &Path) -> Store {
    let vault = Vault::load_or_create(&dir.join("master.key")).unwrap();
    let s = Store::connect(&format!("sqlite:{}", dir.join("kith.db").display()), vault)
        .await
        .unwrap()
        .with_erasure_journal(dir.join(kith_store::backup::JOURNAL_FILE));
    s.migrate().await.unwrap();
    s
}

fn files_contain(paths: &[std::path::PathBuf], needle: &[u8]) -> bool {
    paths.iter().filter_map(|p| std::fs::read(p).ok()).any(|b| b.windows(needle.len()).any(|w| w == needle))
}

#[tokio::test]
async fn a_restored_backup_does_not_resurrect_the_erased() {
    let dir = temp_dir("backup");
    ok(&kith(&dir, &[], &["migrate"]));
    let ctx = Ctx { actor: "cli".into(), request_id: "test".into(), token: None };
    let (gone, stays) = (SubjectId::new(), SubjectId::new());
    let key_before;
    {
        let s = open(&dir).await;
        let person = |id, first: &str, email: &str, phone: &str| ContactInput {
            id,
            owner: None,
            company: None,
            tags: vec![],
            data: ContactData {
                first_name: Some(first.into()),
                emails: vec![Email::parse(email).unwrap()],
                phones: vec![Phone::parse(phone).unwrap()],
                ..Default::default()
            },
            source: None,
        };
        s.insert_contacts(
            &ctx,
            &[person(gone, NAME, EMAIL, PHONE), person(stays, "Ada", "ada@example.com", "+44 20 7946 0000")],
            None,
        )
        .await
        .unwrap();
        key_before = s.raw_contact_bytes(gone).await.unwrap().expect("sealed row and key").1;
        s.close().await;
    }
    let backup = dir.join("before-erasure.kithbak");
    let out = ok(&kith(&dir, &[], &["backup", backup.to_str().unwrap()]));
    assert!(out.contains("backup written"), "{out}");
    assert!(
        files_contain(std::slice::from_ref(&backup), &key_before),
        "the backup holds the person's wrapped key (it was taken before)"
    );
    {
        let s = open(&dir).await;
        s.delete_contact(&ctx, gone).await.unwrap();
        s.close().await;
    }
    let journal = std::fs::read_to_string(dir.join(kith_store::backup::JOURNAL_FILE)).unwrap();
    assert!(journal.contains(&gone.0.to_string()) && !journal.contains(EMAIL), "the journal names ids only");
    let out = ok(&kith(&dir, &[], &["restore", backup.to_str().unwrap()]));
    assert!(out.contains("1 person(s) erased after the backup was taken were erased again"), "{out}");
    let s = open(&dir).await;
    assert!(s.get_contact(gone).await.unwrap().is_none(), "the erased person came back");
    assert!(s.get_contact(stays).await.unwrap().is_some(), "the others are restored");
    s.close().await;
    let live = [dir.join("kith.db"), dir.join("kith.db-wal"), dir.join(kith_store::backup::JOURNAL_FILE)];
    for needle in [NAME.as_bytes(), EMAIL.as_bytes(), PHONE.as_bytes(), key_before.as_slice()] {
        assert!(!files_contain(&live, needle), "found {:?} in the restored data", String::from_utf8_lossy(needle));
    }
    // Restoring the old backup again is just as safe.
    ok(&kith(&dir, &[], &["restore", backup.to_str().unwrap()]));
    let s = open(&dir).await;
    assert!(s.get_contact(gone).await.unwrap().is_none());
    s.close().await;
    std::fs::remove_dir_all(&dir).unwrap();
}
