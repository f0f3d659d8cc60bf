//! Erasure is real, and the access export is whole.
//!
//! One person with distinctive values goes through the API — contact,
//! interactions, a consent by phone and its withdrawal, a request with a
//! note, prepared export files — next to a second person. The export of
//! the first holds every value created for them and none of the second's.
//! A backup is taken, the person is erased through their request, and then
//! the raw bytes of the database file, WAL, master key file, erasure
//! journal, the server's log (captured at debug level), and a database
//! restored from the backup are searched for every distinctive value and
//! for the person's wrapped key: zero hits. On PostgreSQL, after the
//! erasure no row of any table holds the values in clear, and no key that
//! opens them is left.

use crate::harness::{log, on_both, on_postgres, TestApp};
use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use kith_app::{App, Principal};
use kith_domain::SubjectId;
use kith_store::{Store, Vault};
use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use uuid::Uuid;

/// Values that appear nowhere but in what is created for the person.
const A_FIRST: &str = "Ottoline-Zephyrine";
const A_LAST: &str = "Quarrington-Vasquez";
const A_EMAIL: &str = "ottoline.zephyrine@example.it";
const A_PHONE: &str = "+39 02 5550 7316";
const A_PHONE_DIGITS: &str = "390255507316";
const A_TITLE: &str = "Chief Xylophonist";
const A_NOTE: &str = "Discussed the glockenspiel tender";
const A_CALL: &str = "Promised a marimba catalogue";
const A_EVIDENCE: &str = "rec-ZX-44817";
const A_DSR_NOTE: &str = "Wants everything gone by Friday";
const A_DEAL: &str = "Vibraphone refit 7731";

const B_FIRST: &str = "Bartholomew-Yannick";
const B_EMAIL: &str = "bartholomew.yannick@example.de";
const B_NOTE: &str = "Talked about the harpsichord";

fn a_values() -> Vec<&'static str> {
    vec![A_FIRST, A_LAST, A_EMAIL, A_PHONE, A_TITLE, A_NOTE, A_CALL, A_EVIDENCE, A_DSR_NOTE]
}

/// Calls `/api/v1{path}` as the admin; the status and the raw body.
async fn raw(env: &TestApp, method: Method, path: &str, body: Option<Value>) -> (StatusCode, Vec<u8>) {
    let mut b = Request::builder()
        .method(method)
        .uri(format!("/api/v1{path}"))
        .header(header::AUTHORIZATION, format!("Bearer {}", env.token));
    let body = match body {
        Some(v) => {
            b = b.header(header::CONTENT_TYPE, "application/json");
            Body::from(v.to_string())
        }
        None => Body::empty(),
    };
    let (status, _, bytes) = env.respond(b.body(body).unwrap()).await;
    (status, bytes.to_vec())
}

/// Registers A's erasure request, with a note; returns its id.
async fn erasure_request(env: &TestApp, a: &str) -> String {
    let body = json!({"contact_id": a, "kind": "erasure", "channel": "email", "note": A_DSR_NOTE});
    let r = env.call(Method::POST, "/dsr", Some(body), StatusCode::CREATED).await;
    r["id"].as_str().unwrap().to_owned()
}

/// Verifies the requester and performs the erasure; returns the answer.
async fn perform_erasure(env: &TestApp, dsr: &str) -> Value {
    let verified = json!({"action": "verified", "method": "reply from the address on file"});
    env.call(Method::POST, &format!("/dsr/{dsr}/actions"), Some(verified), StatusCode::OK).await;
    env.call(Method::POST, &format!("/dsr/{dsr}/perform"), None, StatusCode::OK).await
}

/// Everything of person A (and a person B beside them); returns their ids.
async fn populate(env: &TestApp) -> (String, String) {
    let purpose = env
            .call(
                Method::POST,
                "/purposes",
                Some(json!({"name": "Newsletter", "description": "News", "default_basis": "consent", "data_categories": ["contact details"]})),
                StatusCode::CREATED,
            )
            .await["id"]
            .as_str()
            .unwrap()
            .to_owned();
    let notice = env
            .call(
                Method::POST,
                "/notices",
                Some(json!({"name": "Privacy notice", "language": "en", "url": "https://privacy.example.com/n", "body": "We send news; withdraw at any time."})),
                StatusCode::CREATED,
            )
            .await["id"]
            .as_str()
            .unwrap()
            .to_owned();
    let a = env
            .call(
                Method::POST,
                "/contacts",
                Some(json!({"first_name": A_FIRST, "last_name": A_LAST, "emails": [A_EMAIL], "phones": [A_PHONE], "job_title": A_TITLE})),
                StatusCode::CREATED,
            )
            .await["id"]
            .as_str()
            .unwrap()
            .to_owned();
    let b = env
        .call(Method::POST, "/contacts", Some(json!({"first_name": B_FIRST, "emails": [B_EMAIL]})), StatusCode::CREATED)
        .await["id"]
        .as_str()
        .unwrap()
        .to_owned();
    for (c, kind, body) in [(&a, "note", A_NOTE), (&a, "call", A_CALL), (&b, "note", B_NOTE)] {
        env.call(
            Method::POST,
            &format!("/contacts/{c}/interactions"),
            Some(json!({"kind": kind, "body": body})),
            StatusCode::CREATED,
        )
        .await;
    }
    env.call(Method::POST, "/deals", Some(json!({"title": A_DEAL, "contact_ids": [a]})), StatusCode::CREATED).await;
    let given = json!({"purpose_id": purpose, "action": "given", "channels": ["email"], "method": "phone",
            "notice_id": notice, "evidence_ref": A_EVIDENCE, "affirmative_act": "said yes on the phone"});
    env.call(Method::POST, &format!("/contacts/{a}/consents"), Some(given), StatusCode::CREATED).await;
    let withdrawn = json!({"purpose_id": purpose, "action": "withdrawn", "channels": ["email"], "method": "phone", "evidence_ref": A_EVIDENCE});
    env.call(Method::POST, &format!("/contacts/{a}/consents"), Some(withdrawn), StatusCode::CREATED).await;
    (a, b)
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

fn read_all(paths: &[PathBuf]) -> Vec<(PathBuf, Vec<u8>)> {
    paths.iter().filter_map(|p| std::fs::read(p).ok().map(|b| (p.clone(), b))).collect()
}

fn assert_absent(files: &[(PathBuf, Vec<u8>)], needles: &[&[u8]]) {
    for (p, bytes) in files {
        for n in needles {
            assert!(!contains(bytes, n), "{} still holds {:?}", p.display(), String::from_utf8_lossy(n));
        }
    }
}

fn sqlite_url(dir: &Path) -> String {
    format!("sqlite:{}", dir.join("kith.db").display())
}

/// SQLite only: the probe reads the files a server leaves on its disk (the
/// database, its WAL, the key file, the journal, a backup and its restore).
#[tokio::test]
async fn the_access_export_is_whole_and_erasure_leaves_nothing_readable() {
    let dir = std::env::temp_dir().join(format!("kith-erasure-{}", Uuid::now_v7()));
    std::fs::create_dir_all(&dir).unwrap();
    let log_path = dir.join("kith.log");
    let _capture = log::capture(&log_path);

    let key_file = dir.join("master.key");
    let journal = dir.join(kith_store::backup::JOURNAL_FILE);
    let open = |d: &Path| {
        let (url, key, journal) = (sqlite_url(d), key_file.clone(), journal.clone());
        async move {
            Store::connect(&url, Vault::load_or_create(&key).unwrap()).await.unwrap().with_erasure_journal(journal)
        }
    };
    let env = TestApp::new(open(&dir).await, dir.clone()).await;
    let (a, b) = populate(&env).await;
    let dsr = erasure_request(&env, &a).await;

    // The access export holds everything created for A, nothing of B.
    let doc = env.call(Method::GET, &format!("/contacts/{a}/export"), None, StatusCode::OK).await;
    let text = doc.to_string();
    for v in a_values().into_iter().chain([A_DEAL]) {
        let v = if v == A_PHONE { A_PHONE_DIGITS } else { v };
        assert!(text.replace(' ', "").contains(&v.replace(' ', "")), "the export lacks {v:?}");
    }
    for v in [B_FIRST, B_EMAIL, B_NOTE, b.as_str()] {
        assert!(!text.contains(v), "the export of A holds B's {v:?}");
    }
    assert_eq!(doc["interactions"].as_array().unwrap().len(), 2);
    assert_eq!(doc["deals"].as_array().unwrap().len(), 1);
    assert_eq!(doc["consent_events"].as_array().unwrap().len(), 2);
    assert_eq!(doc["requests"].as_array().unwrap().len(), 1);
    assert!(doc["access_log"].as_array().unwrap().iter().any(|e| e["action"] == json!("contact.create")));

    // Prepared files: JSON and a zip of CSVs, sealed at rest.
    let json_file = env
        .call(Method::POST, &format!("/contacts/{a}/exports"), Some(json!({"format": "json"})), StatusCode::CREATED)
        .await;
    let csv_file = env
        .call(Method::POST, &format!("/contacts/{a}/exports"), Some(json!({"format": "csv"})), StatusCode::CREATED)
        .await;
    let (s, zip_bytes) = raw(&env, Method::GET, &format!("/exports/{}", csv_file["id"].as_str().unwrap()), None).await;
    assert_eq!(s, StatusCode::OK);
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(zip_bytes)).unwrap();
    let mut all_csv = String::new();
    for i in 0..zip.len() {
        use std::io::Read;
        zip.by_index(i).unwrap().read_to_string(&mut all_csv).unwrap();
    }
    for v in [A_FIRST, A_EMAIL, A_NOTE, A_CALL, A_EVIDENCE, A_DSR_NOTE] {
        assert!(all_csv.contains(v), "the CSV export lacks {v:?}");
    }
    assert!(!all_csv.contains(B_FIRST) && !all_csv.contains(B_NOTE));
    env.store.checkpoint().await.unwrap();
    let db = std::fs::read(dir.join("kith.db")).unwrap();
    assert!(!contains(&db, A_NOTE.as_bytes()), "export files are sealed at rest");
    assert_eq!(
        env.call(Method::GET, &format!("/contacts/{a}/exports"), None, StatusCode::OK).await.as_array().unwrap().len(),
        2
    );
    let wrapped = env.store.raw_contact_bytes(SubjectId(Uuid::parse_str(&a).unwrap())).await.unwrap().expect("a key").1;

    // Back up, then erase through the request.
    let backup = dir.join("before.kithbak");
    env.store.backup_to(&backup).await.unwrap();
    assert!(contains(&std::fs::read(&backup).unwrap(), &wrapped), "the search finds the key where it is");
    let done = perform_erasure(&env, &dsr).await;
    assert_eq!(done["performed"], json!("erased"));
    env.call(Method::GET, &format!("/contacts/{a}"), None, StatusCode::NOT_FOUND).await;
    env.call(Method::GET, &format!("/exports/{}", json_file["id"].as_str().unwrap()), None, StatusCode::NOT_FOUND)
        .await;
    // The register keeps the request, without its note.
    let reg = env.call(Method::GET, &format!("/dsr/{dsr}"), None, StatusCode::OK).await;
    assert!(!reg.to_string().contains(A_DSR_NOTE));
    // Processors are told; an address that had unsubscribed is suppressed.
    let events = env.call(Method::GET, "/processor-events", None, StatusCode::OK).await;
    assert!(events
        .as_array()
        .unwrap()
        .iter()
        .any(|e| e["kind"] == json!("subject.erased") && e["contact_id"] == json!(a)));
    let again = env
        .call(
            Method::POST,
            "/contacts",
            Some(json!({"first_name": "Again", "emails": [A_EMAIL]})),
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    assert_eq!(again["errors"][0]["field"], json!("emails"), "{again}");
    assert!(!again.to_string().contains(A_EMAIL), "the refusal does not echo the address");
    // The block list errs on the side of blocking: the same address in
    // capitals (another mailbox by the exact rule) is refused too.
    env.call(
        Method::POST,
        "/contacts",
        Some(json!({"first_name": "Again", "emails": [A_EMAIL.to_uppercase()]})),
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await;
    let onto_b = env
        .call(
            Method::PATCH,
            &format!("/contacts/{b}"),
            Some(json!({"emails": [B_EMAIL, A_EMAIL]})),
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    assert_eq!(onto_b["errors"][0]["field"], json!("emails"), "nor given to another contact: {onto_b}");
    env.call(Method::GET, &format!("/contacts/{b}"), None, StatusCode::OK).await;
    env.store.close().await;

    // Restore the backup taken before the erasure into a fresh directory.
    let restored = dir.join("restored");
    std::fs::create_dir_all(&restored).unwrap();
    std::fs::copy(&backup, restored.join("kith.db")).unwrap();
    {
        let s = Store::connect(&sqlite_url(&restored), Vault::load_or_create(&key_file).unwrap()).await.unwrap();
        s.migrate().await.unwrap();
        let ctx = kith_store::Ctx { actor: "cli".into(), request_id: "restore".into(), token: None };
        assert_eq!(s.reapply_erasures(&ctx, &journal).await.unwrap(), 1);
        assert!(s.get_contact(SubjectId(Uuid::parse_str(&a).unwrap())).await.unwrap().is_none());
        assert!(s.get_contact(SubjectId(Uuid::parse_str(&b).unwrap())).await.unwrap().is_some());
        s.close().await;
    }

    let files = read_all(&[
        dir.join("kith.db"),
        dir.join("kith.db-wal"),
        dir.join("kith.db-shm"),
        key_file.clone(),
        journal.clone(),
        log_path.clone(),
        restored.join("kith.db"),
        restored.join("kith.db-wal"),
    ]);
    assert!(files.iter().any(|(p, b)| p == &log_path && b.len() > 1000), "the log was captured");
    let mut needles: Vec<&[u8]> = a_values().iter().map(|v| v.as_bytes()).collect();
    needles.push(A_PHONE_DIGITS.as_bytes());
    needles.push(&wrapped);
    assert_absent(&files, &needles);
    let _ = std::fs::remove_dir_all(&dir);
}

#[tokio::test]
async fn rectification_expiry_exceptions_and_spreadsheet_safety() {
    on_both("rights", |env| async move {
        let c = env
            .call(
                Method::POST,
                "/contacts",
                Some(json!({"first_name": "Mirella", "last_name": "Fontanesi", "emails": ["mirella.f@example.it"],
                    "job_title": "=HYPERLINK(\"http://x.example\")"})),
                StatusCode::CREATED,
            )
            .await["id"]
            .as_str()
            .unwrap()
            .to_owned();

        // Rectification: the change's before and after are kept sealed, shown to the dpo.
        env.call(Method::PATCH, &format!("/contacts/{c}"), Some(json!({"last_name": "Fontana"})), StatusCode::OK).await;
        let audit = env.call(Method::GET, &format!("/audit?subject={c}"), None, StatusCode::OK).await;
        let update =
            audit["items"].as_array().unwrap().iter().find(|e| e["action"] == json!("contact.update")).unwrap();
        assert!(!update.to_string().contains("Fontan"), "the audit entry itself holds no personal value");
        let seq = update["seq"].as_i64().unwrap();
        let changes = env.call(Method::GET, &format!("/audit/{seq}/changes"), None, StatusCode::OK).await;
        assert_eq!(changes, json!({"last_name": {"before": "Fontanesi", "after": "Fontana"}}));
        let create_seq = audit["items"][0]["seq"].as_i64().unwrap();
        env.call(Method::GET, &format!("/audit/{create_seq}/changes"), None, StatusCode::NOT_FOUND).await;
        assert!(!contains(&env.stored_bytes().await, b"Fontanesi"), "the before value is sealed at rest");

        // CSV: a value that looks like a formula is neutralised.
        let f = env
            .call(Method::POST, &format!("/contacts/{c}/exports"), Some(json!({"format": "csv"})), StatusCode::CREATED)
            .await;
        let (_, bytes) = raw(&env, Method::GET, &format!("/exports/{}", f["id"].as_str().unwrap()), None).await;
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        let mut contact_csv = String::new();
        std::io::Read::read_to_string(&mut zip.by_name("contact.csv").unwrap(), &mut contact_csv).unwrap();
        assert!(contact_csv.contains("'=HYPERLINK"), "{contact_csv}");
        assert!(!contact_csv.contains(",=HYPERLINK") && !contact_csv.contains("\"=HYPERLINK"), "{contact_csv}");
        // Bad requests for files change nothing.
        let bad = env
            .call(
                Method::POST,
                &format!("/contacts/{c}/exports"),
                Some(json!({"format": "pdf"})),
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await;
        assert_eq!(bad["errors"][0]["field"], json!("format"));
        env.call(Method::GET, &format!("/exports/{}", Uuid::now_v7()), None, StatusCode::NOT_FOUND).await;
        assert_eq!(
            env.call(Method::GET, &format!("/contacts/{c}/exports"), None, StatusCode::OK)
                .await
                .as_array()
                .unwrap()
                .len(),
            1
        );

        // Files expire: with a zero-day setting a new file is gone at once and purged.
        let short =
            App::new(env.store.clone()).with_settings(kith_app::Settings { export_days: 0, ..Default::default() });
        let p = Principal::cli();
        short
            .prepare_export(&p, SubjectId(Uuid::parse_str(&c).unwrap()), false, kith_app::export::ExportFormat::Json)
            .await
            .unwrap();
        assert_eq!(short.purge_expired_exports().await.unwrap(), 1);
        assert_eq!(
            env.call(Method::GET, &format!("/contacts/{c}/exports"), None, StatusCode::OK)
                .await
                .as_array()
                .unwrap()
                .len(),
            1
        );

        // Exceptions to erasure: a contract basis and an open deal.
        let purpose = env
            .call(
                Method::POST,
                "/purposes",
                Some(json!({"name": "Orders", "description": "Orders", "default_basis": "contract",
                    "data_categories": ["contact details"]})),
                StatusCode::CREATED,
            )
            .await["id"]
            .as_str()
            .unwrap()
            .to_owned();
        assert!(env
            .call(Method::GET, &format!("/contacts/{c}/erasure-exceptions"), None, StatusCode::OK)
            .await
            .as_array()
            .unwrap()
            .is_empty());
        let basis = json!({"purpose_id": purpose, "basis": "contract", "source": "manual"});
        env.call(Method::PUT, &format!("/contacts/{c}/bases"), Some(basis), StatusCode::NO_CONTENT).await;
        env.call(Method::POST, "/deals", Some(json!({"title": "Order 42", "contact_ids": [c]})), StatusCode::CREATED)
            .await;
        let ex = env.call(Method::GET, &format!("/contacts/{c}/erasure-exceptions"), None, StatusCode::OK).await;
        let ex: Vec<&str> = ex.as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect();
        assert_eq!(ex.len(), 2, "{ex:?}");
        assert!(ex[0].starts_with("Orders: processed for a contract") && ex[1].contains("1 open deal"), "{ex:?}");

        // A person who never unsubscribed is not suppressed after erasure.
        env.call(Method::DELETE, &format!("/contacts/{c}"), None, StatusCode::NO_CONTENT).await;
        env.call(Method::GET, &format!("/audit/{seq}/changes"), None, StatusCode::NOT_FOUND).await;
        env.call(
            Method::POST,
            "/contacts",
            Some(json!({"first_name": "Mirella", "emails": ["mirella.f@example.it"]})),
            StatusCode::CREATED,
        )
        .await;
    })
    .await;
}

/// PostgreSQL only: the probe reads every row of every table.
#[tokio::test]
async fn on_postgres_no_row_keeps_the_erased_person_or_their_key() {
    on_postgres("erasure", |env| async move {
        let (a, _) = populate(&env).await;
        let dsr = erasure_request(&env, &a).await;
        env.call(Method::POST, &format!("/contacts/{a}/exports"), Some(json!({"format": "csv"})), StatusCode::CREATED)
            .await;
        env.call(
            Method::PATCH,
            &format!("/contacts/{a}"),
            Some(json!({"job_title": "Xylophone tuner"})),
            StatusCode::OK,
        )
        .await;
        let wrapped = env.store.raw_contact_bytes(SubjectId(Uuid::parse_str(&a).unwrap())).await.unwrap().unwrap().1;
        let hex = |b: &[u8]| b.iter().map(|x| format!("{x:02x}")).collect::<String>();
        let before = env.store.raw_dump_pg().await.unwrap();
        assert!(before.contains(&hex(&wrapped)), "the probe reads the real rows");
        perform_erasure(&env, &dsr).await;
        let after = env.store.raw_dump_pg().await.unwrap();
        assert!(!after.contains(&hex(&wrapped)), "the person's key survives the erasure");
        for v in a_values().into_iter().chain(["Xylophone tuner", A_PHONE_DIGITS]) {
            assert!(!after.contains(v), "a row still holds {v:?} in clear");
            assert!(!after.contains(&hex(v.as_bytes())), "a row still holds {v:?} (hex)");
        }
    })
    .await;
}
