//! The master key and the files that hold data, through the real binary:
//! a server given another key refuses to start (SQLite and PostgreSQL), a
//! lost key file is never silently replaced, a contact sealed under a
//! foreign key does not fail the whole list, and the database, its WAL and
//! backups are readable by their owner only.

use crate::run::{kith, ok, refused, temp_dir};
use kith_domain::{ContactData, Email, SubjectId};
use kith_store::contacts::{ContactFilter, ContactInput, ContactSort};
use kith_store::{Ctx, Store, Vault};

fn person(email: &str) -> ContactInput {
    ContactInput {
        id: SubjectId::new(),
        owner: None,
        company: None,
        tags: vec![],
        data: ContactData {
            first_name: Some("Keyed".into()),
            emails: vec![Email::parse(email).unwrap()],
            ..Default::default()
        },
        source: None,
    }
}

fn ctx() -> Ctx {
    Ctx { actor: "cli".into(), request_id: "test".into(), token: None }
}

/// Adds a contact through the store with `vault`, bypassing the key check
/// (what a second server with its own key did before the check existed).
async fn add_contact(url: &str, vault: Vault, email: &str) {
    let s = Store::connect(url, vault).await.unwrap();
    s.insert_contacts(&ctx(), &[person(email)], None).await.unwrap();
    s.close().await;
}

#[tokio::test]
async fn sqlite_another_key_or_a_lost_key_file_is_refused() {
    let dir = temp_dir("keys");
    let password = [("KITH_PASSWORD", "a long passphrase for tests")];
    ok(&kith(&dir, &password, &["user", "add", "--email", "admin@example.com", "--role", "admin"]));
    let key_file = dir.join("master.key");
    let key = std::fs::read_to_string(&key_file).unwrap();
    let url = format!("sqlite:{}", dir.join("kith.db").display());
    add_contact(&url, Vault::from_encoded(&key).unwrap(), "own@example.com").await;

    // Another key, given in the environment: refused, naming where keys come from.
    let other = Vault::generate_encoded();
    let e = refused(&kith(&dir, &[("KITH_MASTER_KEY", &other)], &["user", "list"]));
    assert!(e.contains("KITH_MASTER_KEY") && e.contains("master.key"), "{e}");

    // The key file lost: refused, and no new key file appears.
    std::fs::rename(&key_file, dir.join("master.key.lost")).unwrap();
    let e = refused(&kith(&dir, &[], &["migrate"]));
    assert!(e.contains("KITH_MASTER_KEY") && e.contains("master.key") && e.contains("no key file was created"), "{e}");
    assert!(!key_file.exists(), "a new key file was created for a database holding sealed data");

    // The key back: Kith starts.
    std::fs::rename(dir.join("master.key.lost"), &key_file).unwrap();
    ok(&kith(&dir, &[], &["user", "list"]));

    // A contact sealed under a foreign key (written before the check
    // existed) is left out of lists, which still answer.
    add_contact(&url, Vault::from_encoded(&other).unwrap(), "foreign@example.com").await;
    let s = Store::connect(&url, Vault::from_encoded(&key).unwrap()).await.unwrap();
    let page = s.list_contacts(&ContactFilter::default(), ContactSort::CreatedAsc, None, 50).await.unwrap();
    assert_eq!(page.len(), 1, "the foreign row is skipped, the own row listed");
    assert_eq!(page[0].data.emails[0].as_str(), "own@example.com");
    assert!(s.find_by_email(&Email::parse("own@example.com").unwrap()).await.unwrap().len() == 1);
    s.close().await;

    // The files holding data are the owner's alone.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        ok(&kith(&dir, &[], &["backup", dir.join("copy.db").to_str().unwrap()]));
        for f in ["kith.db", "kith.db-wal", "kith.db-shm", "master.key", "copy.db"] {
            let p = dir.join(f);
            // SQLite removes its WAL and SHM when the last connection
            // closes; when they are there, they are private too.
            if f.starts_with("kith.db-") && !p.exists() {
                continue;
            }
            let mode = std::fs::metadata(&p).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o600, "{f} has mode {mode:o}");
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[tokio::test]
async fn a_database_made_world_readable_is_made_private_again() {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let dir = temp_dir("modes");
        ok(&kith(&dir, &[], &["migrate"]));
        let db = dir.join("kith.db");
        std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o644)).unwrap();
        ok(&kith(&dir, &[], &["migrate"]));
        assert_eq!(std::fs::metadata(&db).unwrap().permissions().mode() & 0o777, 0o600);
        let _ = std::fs::remove_dir_all(&dir);
    }
}

#[tokio::test]
async fn postgres_a_second_server_with_its_own_key_is_refused() {
    let admin_url =
        std::env::var("KITH_TEST_PG_URL").unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".into());
    let name = format!("kith_keys_{}", uuid::Uuid::now_v7().simple());
    let admin = Store::connect(&admin_url, Vault::from_key(&[1u8; 32])).await.expect("PostgreSQL at KITH_TEST_PG_URL");
    admin.raw_execute_no_tx(&format!("CREATE DATABASE {name}")).await.unwrap();
    let url = format!("{}/{name}", &admin_url[..admin_url.rfind('/').unwrap()]);
    let (a, b) = (temp_dir("pg-a"), temp_dir("pg-b"));
    // A data directory that does not exist yet is made (it holds the
    // erasure journal even when the key comes from the environment).
    let _ = std::fs::remove_dir_all(&a);
    let key = Vault::generate_encoded();
    let r = std::panic::catch_unwind(|| {
        ok(&kith(&a, &[("KITH_DATABASE_URL", &url), ("KITH_MASTER_KEY", &key)], &["migrate"]));
        assert!(a.is_dir(), "the data directory was not made");
        // A second server without KITH_MASTER_KEY: it has no key file and the
        // database holds a key check, so it refuses and creates none.
        let e = refused(&kith(&b, &[("KITH_DATABASE_URL", &url)], &["migrate"]));
        assert!(e.contains("KITH_MASTER_KEY"), "{e}");
        assert!(!b.join("master.key").exists());
        // A second server with a key of its own: refused.
        let other = Vault::generate_encoded();
        let e = refused(&kith(&b, &[("KITH_DATABASE_URL", &url), ("KITH_MASTER_KEY", &other)], &["user", "list"]));
        assert!(e.contains("does not open this database"), "{e}");
        // The same key: fine.
        ok(&kith(&b, &[("KITH_DATABASE_URL", &url), ("KITH_MASTER_KEY", &key)], &["user", "list"]));
    });
    let _ = admin.raw_execute_no_tx(&format!("DROP DATABASE {name} WITH (FORCE)")).await;
    let _ = (std::fs::remove_dir_all(&a), std::fs::remove_dir_all(&b));
    if let Err(e) = r {
        std::panic::resume_unwind(e);
    }
}
