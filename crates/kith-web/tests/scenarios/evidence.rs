//! The evidence pack on SQLite and PostgreSQL: built through the API and
//! the Evidence page with every section, signed so that `verify` accepts
//! it and refuses it after any changed byte, a removed or added file or a
//! signature by another key; no name, email, phone, note or subject id in
//! any file; dpo and admin only; bad dates and purposes named as fields.

use crate::harness::{on_both, TestApp};
use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use kith_app::evidence::{archive, seal, verify};
use kith_domain::Role;
use kith_store::Engine;
use serde_json::{json, Value};
use uuid::Uuid;

const SECRETS: [&str; 8] = [
    "Ottilie",
    "Quast",
    "ottilie.quast@example.de",
    "+49 30 5550 7788",
    "5550 7788",
    "Leipzig fair",
    "called about her son",
    "Bruno Haselbach",
];

/// POSTs `/api/v1/evidence` with `token`: status, content type, bytes.
async fn pack_as(env: &TestApp, token: &str, body: Value) -> (StatusCode, String, Vec<u8>) {
    let req = Request::builder()
        .method(Method::POST)
        .uri("/api/v1/evidence")
        .header(header::AUTHORIZATION, format!("Bearer {token}"))
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from(body.to_string()))
        .unwrap();
    let (s, h, b) = env.respond(req).await;
    let ctype = h.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or("").to_owned();
    (s, ctype, b.to_vec())
}

fn uuid_lit(e: Engine, u: Uuid) -> String {
    match e {
        Engine::Sqlite => format!("X'{}'", u.simple()),
        _ => format!("'{u}'::uuid"),
    }
}

fn bytes_lit(e: Engine, b: &[u8]) -> String {
    let hex: String = b.iter().map(|b| format!("{b:02x}")).collect();
    match e {
        Engine::Sqlite => format!("X'{hex}'"),
        _ => format!("'\\x{hex}'::bytea"),
    }
}

fn sha(b: &[u8]) -> String {
    kith_app::registers::sha256_hex(b)
}

/// A CRM with everything the pack reads: purposes, a notice, people with
/// consent, a request with a note, a recipient, a DPIA, a breach with a
/// notice and people linked to it. Returns the contacts' ids.
async fn seed(env: &TestApp) -> Vec<String> {
    let purpose = env
        .id("/purposes", json!({"name": "Newsletter", "description": "Monthly news", "default_basis": "consent"}))
        .await;
    env.id("/purposes", json!({"name": "Events", "description": "Invitations", "default_basis": "consent"})).await;
    let notice = env
        .id("/notices", json!({"name": "Newsletter notice", "language": "en", "body": "We send news monthly."}))
        .await;
    let mut ids = Vec::new();
    for (first, last, email) in
        [("Ottilie", "Quast", "ottilie.quast@example.de"), ("Bruno", "Haselbach", "b.h@example.at")]
    {
        let c = env
            .id(
                "/contacts",
                json!({"first_name": first, "last_name": last, "emails": [email], "phones": ["+49 30 5550 7788"]}),
            )
            .await;
        env.call(
            Method::POST,
            &format!("/contacts/{c}/consents"),
            Some(json!({"purpose_id": purpose, "action": "given", "channels": ["email"], "method": "api",
                        "affirmative_act": "ticked the box at the Leipzig fair", "notice_id": notice,
                        "evidence_ref": "Leipzig fair sheet 12"})),
            StatusCode::CREATED,
        )
        .await;
        ids.push(c);
    }
    env.id(
        "/dsr",
        json!({"contact_id": ids[0], "kind": "access", "channel": "phone", "note": "Ottilie called about her son"}),
    )
    .await;
    let mut r = json!({"legal_name": "Mailer GmbH", "role": "processor", "processing_countries": ["DE"], "purpose_ids": [purpose]});
    r["agreement"] = json!({"version": "2", "reference": "DPA-2026-07"});
    env.call(Method::POST, "/recipients", Some(r), StatusCode::CREATED).await;
    let risk = json!({"source": "staff", "threat": "list leaks", "impact": "spam",
                      "inherent": {"severity": 2, "likelihood": 2}, "residual": {"severity": 1, "likelihood": 1}});
    env.id("/dpias", json!({"title": "Newsletter DPIA", "purpose_ids": [purpose], "risks": [risk]})).await;
    // A breach as the breach register stores it (migration 0019).
    let e = env.engine();
    let (b, n) = (Uuid::now_v7(), Uuid::now_v7());
    let now = kith_store::now_ms();
    let notice_body = r#"{"nature":"a laptop was stolen","people":2}"#;
    for sql in [
        format!(
            "INSERT INTO breaches (id, reference, title, body, aware_at, status, created_at, updated_at) VALUES \
             ({}, 'BR-2026-001', 'Stolen laptop', '{{\"nature\":\"stolen laptop\"}}', {now}, 'notified', {now}, {now})",
            uuid_lit(e, b)
        ),
        format!(
            "INSERT INTO breach_history (breach_id, seq, at, actor, change, detail) VALUES \
             ({}, 1, {now}, 'user:{}', 'breach.create', '{{}}')",
            uuid_lit(e, b),
            env.admin_id
        ),
        format!(
            "INSERT INTO breach_notices (id, breach_id, audience, kind, body, content_hash, sent_at, created_at) VALUES \
             ({}, {}, 'authority', 'initial', '{notice_body}', {}, {now}, {now})",
            uuid_lit(e, n),
            uuid_lit(e, b),
            bytes_lit(e, ring::digest::digest(&ring::digest::SHA256, notice_body.as_bytes()).as_ref())
        ),
    ] {
        env.store.raw_execute(&sql).await.unwrap();
    }
    for c in &ids {
        let c = Uuid::parse_str(c).unwrap();
        env.store
            .raw_execute(&format!(
                "INSERT INTO breach_affected (breach_id, subject_id) VALUES ({}, {})",
                uuid_lit(e, b),
                uuid_lit(e, c)
            ))
            .await
            .unwrap();
        env.store
            .raw_execute(&format!(
                "INSERT INTO breach_notice_people (notice_id, subject_id, status, at) VALUES ({}, {}, 'sent', {now})",
                uuid_lit(e, n),
                uuid_lit(e, c)
            ))
            .await
            .unwrap();
    }
    ids
}

fn file<'a>(files: &'a [(String, Vec<u8>)], path: &str) -> &'a [u8] {
    &files.iter().find(|(n, _)| n == path).unwrap_or_else(|| panic!("{path} missing")).1
}

fn json_of(files: &[(String, Vec<u8>)], path: &str) -> Value {
    serde_json::from_slice(file(files, path)).unwrap()
}

async fn pack_is_complete_signed_and_pseudonymous(env: TestApp) {
    let contacts = seed(&env).await;
    let (s, ctype, bytes) = pack_as(&env, &env.token, json!({})).await;
    assert_eq!((s, ctype.as_str()), (StatusCode::OK, "application/zip"), "{}", String::from_utf8_lossy(&bytes));
    let key = env.app.evidence_public_key();
    let v = verify(&bytes, Some(&key)).expect("the pack verifies");
    assert!(v.key_trusted);
    let files = archive::read(&bytes).unwrap();
    for path in [
        "manifest.json",
        "manifest.jws",
        "README.txt",
        "evidence-key.json",
        "register/version.json",
        "register/record-of-processing.csv",
        "register/record-of-processing.html",
        "register/record-of-processing.jsonld",
        "register/record-of-processing.json",
        "dpias/dpias.json",
        "recipients/recipients.json",
        "recipients/recipients.csv",
        "consent/purposes.json",
        "consent/notices.json",
        "requests/requests.csv",
        "requests/requests.json",
        "breaches/breaches.json",
        "retention/runs.json",
        "chains/heads.json",
    ] {
        assert!(files.iter().any(|(n, _)| n == path), "{path} missing from the pack");
    }
    // Sections hold what was seeded.
    let purposes = json_of(&files, "consent/purposes.json");
    let news = purposes.as_array().unwrap().iter().find(|p| p["name"] == "Newsletter").unwrap();
    assert_eq!(news["ledger_events_in_period"][0]["action"], "given");
    assert_eq!(
        (news["ledger_events_in_period"][0]["events"].clone(), news["ledger_events_in_period"][0]["people"].clone()),
        (json!(2), json!(2))
    );
    let notices = json_of(&files, "consent/notices.json");
    let text = file(&files, notices[0]["text"].as_str().unwrap());
    assert_eq!(sha(text), notices[0]["sha256"], "the notice text hashes to its recorded SHA-256");
    let requests = json_of(&files, "requests/requests.json");
    let person = requests[0]["person"].as_str().unwrap();
    assert_eq!(person.len(), 32);
    assert_eq!(requests[0]["kind"], "access");
    assert!(requests[0]["due_at"].as_str().is_some());
    let breaches = json_of(&files, "breaches/breaches.json");
    assert_eq!(
        (breaches[0]["reference"].clone(), breaches[0]["people_affected"].clone()),
        (json!("BR-2026-001"), json!(2))
    );
    assert!(breaches[0]["history"][0]["actor"].as_str().unwrap().starts_with("staff:"));
    let bn = &breaches[0]["notices"][0];
    assert_eq!(bn["people_mailed"], 2);
    assert_eq!(sha(file(&files, bn["body"].as_str().unwrap())), bn["content_sha256"]);
    assert!(String::from_utf8_lossy(file(&files, "recipients/recipients.csv")).contains("DPA-2026-07"));
    assert_eq!(json_of(&files, "dpias/dpias.json")[0]["assessment"]["title"], "Newsletter DPIA");
    assert!(String::from_utf8_lossy(file(&files, "register/record-of-processing.csv")).contains("Newsletter"));
    // The chain heads: the audit head now covers the pack's own audit entry.
    let heads = json_of(&files, "chains/heads.json");
    let (seq, hash) = env.store.audit_head().await.unwrap();
    assert_eq!(
        (heads["audit_chain"]["at_generation"]["seq"].clone(), heads["audit_chain"]["at_generation"]["hash"].clone()),
        (json!(seq), json!(hash))
    );
    assert!(env.audit().await.iter().any(|e| e["action"] == "evidence.pack" && e["subject_id"].is_null()));
    // No personal value, and no subject id, anywhere in the archive.
    let all = String::from_utf8_lossy(&bytes).to_lowercase();
    for secret in SECRETS {
        assert!(!all.contains(&secret.to_lowercase()), "{secret:?} is in the pack");
    }
    for c in &contacts {
        let u = Uuid::parse_str(c).unwrap();
        assert!(!all.contains(&u.to_string()) && !all.contains(&u.simple().to_string()), "a subject id is in the pack");
    }
    // The published key is the one that verifies.
    let (s, _, jwk) =
        env.respond(Request::get("/.well-known/kith-evidence-key.json").body(Body::empty()).unwrap()).await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(seal::key_of_jwk(&jwk).unwrap(), key);
    assert_eq!(file(&files, "evidence-key.json"), {
        let mut j = serde_json::to_vec_pretty(&serde_json::from_slice::<Value>(&jwk).unwrap()).unwrap();
        j.push(b'\n');
        j
    });
    let k = env.call(Method::GET, "/evidence/key", None, StatusCode::OK).await;
    assert_eq!(k["thumbprint"], v.key_thumbprint);
}

#[tokio::test]
async fn evidence_pack_is_complete_signed_and_pseudonymous() {
    on_both("evidence_pack_is_complete_signed_and_pseudonymous", pack_is_complete_signed_and_pseudonymous).await;
}

async fn verify_rejects_every_change(env: TestApp) {
    seed(&env).await;
    let (_, _, bytes) = pack_as(&env, &env.token, json!({})).await;
    let key = env.app.evidence_public_key();
    verify(&bytes, Some(&key)).unwrap();
    // A changed byte anywhere: every byte of the headers and the end, and
    // about a thousand spread over the rest.
    let n = bytes.len();
    let step = (n / 1000).max(1);
    let positions: Vec<usize> = (0..n).filter(|i| *i < 400 || *i + 600 > n || i % step == 0).collect();
    for i in positions {
        let mut b = bytes.clone();
        b[i] ^= 0x20;
        assert!(verify(&b, Some(&key)).is_err(), "byte {i} of {n} changed and the pack still verified");
    }
    let files = archive::read(&bytes).unwrap();
    // A file removed, a file added, a file changed with the archive remade.
    let without: Vec<_> = files.iter().filter(|(n, _)| n != "requests/requests.csv").cloned().collect();
    let e = verify(&archive::write(&without).unwrap(), Some(&key)).unwrap_err();
    assert!(e.contains("requests/requests.csv") && e.contains("missing"), "{e}");
    let mut added = files.clone();
    added.push(("extra.txt".into(), b"added later".to_vec()));
    let e = verify(&archive::write(&added).unwrap(), Some(&key)).unwrap_err();
    assert!(e.contains("extra.txt") && e.contains("not listed"), "{e}");
    let mut changed = files.clone();
    changed.iter_mut().find(|(n, _)| n == "breaches/breaches.json").unwrap().1 = b"[]\n".to_vec();
    let e = verify(&archive::write(&changed).unwrap(), Some(&key)).unwrap_err();
    assert!(e.contains("breaches/breaches.json") && e.contains("SHA-256"), "{e}");
    // Re-signed with another key (manifest and digests made anew): refused
    // with the controller's key, and with the key inside the pack.
    let manifest: seal::Manifest = serde_json::from_slice(&files[0].1).unwrap();
    let other = ring::signature::Ed25519KeyPair::from_seed_unchecked(&[7u8; 32]).unwrap();
    let mut forged_files = changed[2..].to_vec();
    let resigned = seal::seal(&other, manifest.clone(), forged_files.clone()).unwrap();
    assert!(verify(&resigned, Some(&key)).unwrap_err().contains("does not verify"));
    assert!(verify(&resigned, None).is_err());
    // ... even with the other key's JWK put inside: only the given key counts.
    forged_files.iter_mut().find(|(n, _)| n == seal::KEY_FILE).unwrap().1 =
        serde_json::to_vec_pretty(&kith_app::receipts::public_jwk(&other, seal::KEY_ID)).unwrap();
    let resigned = seal::seal(&other, manifest, forged_files).unwrap();
    assert!(verify(&resigned, Some(&key)).is_err());
    let self_signed = verify(&resigned, None).unwrap();
    assert!(!self_signed.key_trusted, "a pack checked with its own key is never reported as trusted");
    assert_ne!(self_signed.key_thumbprint, env.app.evidence_key_thumbprint());
}

#[tokio::test]
async fn evidence_verify_rejects_every_change() {
    on_both("evidence_verify_rejects_every_change", verify_rejects_every_change).await;
}

async fn roles_and_bad_input(env: TestApp) {
    seed(&env).await;
    let sales = env.token_for(Role::Sales).await;
    let readonly = env.token_for(Role::Readonly).await;
    let dpo = env.token_for(Role::Dpo).await;
    for t in [&sales, &readonly] {
        assert_eq!(pack_as(&env, t, json!({})).await.0, StatusCode::FORBIDDEN);
    }
    let (s, _, bytes) = pack_as(&env, &dpo, json!({"purposes": ["Newsletter"], "from": "2000-01-01"})).await;
    assert_eq!(s, StatusCode::OK);
    let files = archive::read(&bytes).unwrap();
    let purposes = json_of(&files, "consent/purposes.json");
    assert_eq!(purposes.as_array().unwrap().len(), 1, "restricted to the purpose asked for");
    assert!(!files.iter().any(|(n, _)| n == "register/record-of-processing.json"));
    let m: seal::Manifest = serde_json::from_slice(&files[0].1).unwrap();
    assert_eq!(m.scope["purposes"][0]["name"], "Newsletter");
    // Before anything existed: empty logs, no register version.
    let (s, _, old) = pack_as(&env, &dpo, json!({"as_of": "2001-01-01"})).await;
    assert_eq!(s, StatusCode::OK);
    let old = archive::read(&old).unwrap();
    assert_eq!(json_of(&old, "register/version.json")["version"], Value::Null);
    assert_eq!(json_of(&old, "breaches/breaches.json"), json!([]));
    assert_eq!(json_of(&old, "requests/requests.json"), json!([]));
    assert_eq!(json_of(&old, "chains/heads.json")["audit_chain"]["as_of"]["seq"], 0);
    // A request received 40 days ago (registered today), as of 35 days ago:
    // in the log, received then, not yet due, nothing from after the moment.
    let now = time::OffsetDateTime::now_utc();
    let c = env.id("/contacts", json!({"first_name": "Ottilie"})).await;
    let received = (now - time::Duration::days(40)).format(&time::format_description::well_known::Rfc3339).unwrap();
    env.id("/dsr", json!({"contact_id": c, "kind": "access", "channel": "email", "received_at": received})).await;
    let day = (now - time::Duration::days(35)).date().to_string();
    let (s, _, past) = pack_as(&env, &dpo, json!({"as_of": day})).await;
    assert_eq!(s, StatusCode::OK);
    let reqs = json_of(&archive::read(&past).unwrap(), "requests/requests.json");
    assert_eq!(reqs.as_array().unwrap().len(), 1, "{reqs}");
    assert_eq!((reqs[0]["status"].clone(), reqs[0]["completed_at"].clone()), (json!("received"), Value::Null));
    assert_eq!(reqs[0]["overdue"], false);
    for (body, field) in [
        (json!({"as_of": "yesterday"}), "as_of"),
        (json!({"as_of": "2999-01-01"}), "as_of"),
        (json!({"from": "2026-02-30"}), "from"),
        (json!({"to": "9999-12-31"}), "to"),
        (json!({"from": "2026-03-01", "to": "2026-02-01"}), "from"),
        (json!({"purposes": ["No such purpose"]}), "purposes"),
    ] {
        let (s, _, b) = pack_as(&env, &env.token, body.clone()).await;
        let p: Value = serde_json::from_slice(&b).unwrap();
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{body}: {p}");
        assert_eq!(p["errors"][0]["field"], field, "{body}: {p}");
    }
    // The page: dpo sees it and downloads a pack; sales may not; a bad date is shown.
    let b = env.sign_in_as(Role::Dpo).await;
    let page = env.get(&b, "/privacy/evidence").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains(&env.app.evidence_key_thumbprint()));
    let r = env.post(&b, "/privacy/evidence", &[("as_of", ""), ("from", ""), ("to", "")]).await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.headers[header::CONTENT_TYPE], "application/zip");
    assert!(r.body.starts_with("PK"));
    let r = env.post(&b, "/privacy/evidence", &[("as_of", "31/12/2025")]).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("must be a date"));
    let r = env.send(Method::POST, "/privacy/evidence", Some(&b.cookie), Some("as_of=".into())).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "no CSRF token, no pack");
    let s = env.sign_in_as(Role::Sales).await;
    assert_eq!(env.get(&s, "/privacy/evidence").await.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn evidence_roles_and_bad_input() {
    on_both("evidence_roles_and_bad_input", roles_and_bad_input).await;
}
