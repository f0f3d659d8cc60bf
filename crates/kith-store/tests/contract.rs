//! The storage contract, run on SQLite and on PostgreSQL (a throwaway
//! database per test at `KITH_TEST_PG_URL`, default the local server,
//! dropped afterwards). Every operation the application relies on is here,
//! erasure above all, so the two engines cannot drift apart.

use kith_domain::{CompanyId, ContactData, Email, InteractionId, InteractionKind, Phone, Role, SubjectId, UserId};
use kith_store::audit::{AuditQuery, Verdict};
use kith_store::companies::CompanyInput;
use kith_store::contacts::{ContactFilter, ContactInput, ContactSort};
use kith_store::deals::DealInput;
use kith_store::idempotency::Claim;
use kith_store::interactions::InteractionInput;
use kith_store::staff::User;
use kith_store::{Ctx, Engine, Store, StoreError, Vault};
use std::future::Future;
use std::path::PathBuf;

fn vault() -> Vault {
    Vault::from_key(&[42u8; 32])
}

fn ctx() -> Ctx {
    Ctx { actor: "user:test".into(), request_id: "req-1".into(), token: None }
}

fn pg_admin_url() -> String {
    std::env::var("KITH_TEST_PG_URL").unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".into())
}

/// A fresh SQLite store in a temp dir; returns the dir to inspect and remove.
async fn sqlite_store() -> (Store, PathBuf) {
    let dir = std::env::temp_dir().join(format!("kith-contract-{}", uuid::Uuid::now_v7()));
    std::fs::create_dir_all(&dir).unwrap();
    let store = Store::connect(&format!("sqlite:{}", dir.join("kith.db").display()), vault()).await.unwrap();
    store.migrate().await.unwrap();
    (store, dir)
}

/// Runs `body` against a fresh store on each engine; the PostgreSQL
/// database is dropped even when the body panics.
async fn on_both<F, Fut>(body: F)
where
    F: Fn(Store, Option<PathBuf>) -> Fut,
    Fut: Future<Output = ()> + Send + 'static,
{
    let (store, dir) = sqlite_store().await;
    let r = tokio::spawn(body(store.clone(), Some(dir.clone()))).await;
    store.close().await;
    let _ = std::fs::remove_dir_all(&dir);
    if let Err(e) = r {
        std::panic::resume_unwind(e.into_panic());
    }

    let (store, db) = pg_store().await;
    let r = tokio::spawn(body(store.clone(), None)).await;
    store.close().await;
    drop_pg(&db).await;
    if let Err(e) = r {
        std::panic::resume_unwind(e.into_panic());
    }
}

async fn pg_store() -> (Store, String) {
    let name = format!("kith_test_{}", uuid::Uuid::now_v7().simple());
    let admin = Store::connect(&pg_admin_url(), vault()).await.expect("PostgreSQL at KITH_TEST_PG_URL");
    admin.raw_execute_no_tx(&format!("CREATE DATABASE {name}")).await.unwrap();
    admin.close().await;
    let url = db_url(&name);
    let store = Store::connect(&url, vault()).await.unwrap();
    store.migrate().await.unwrap();
    (store, name)
}

fn db_url(name: &str) -> String {
    let base = pg_admin_url();
    let cut = base.rfind('/').unwrap();
    format!("{}/{name}", &base[..cut])
}

async fn drop_pg(name: &str) {
    let admin = Store::connect(&pg_admin_url(), vault()).await.unwrap();
    let _ = admin.raw_execute_no_tx(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)")).await;
    admin.close().await;
}

fn person(first: &str, last: &str, email: &str, phone: &str) -> ContactData {
    ContactData {
        first_name: Some(first.into()),
        last_name: Some(last.into()),
        emails: vec![Email::parse(email).unwrap()],
        phones: vec![Phone::parse(phone).unwrap()],
        address: None,
        job_title: Some("Buyer".into()),
        notes: Some(format!("met {first} at the fair")),
        custom: Default::default(),
    }
}

fn input(data: ContactData) -> ContactInput {
    ContactInput { id: SubjectId::new(), owner: None, company: None, tags: vec![], data, source: None }
}

async fn add_user(s: &Store) -> UserId {
    let u = User {
        id: UserId::new(),
        email: format!("{}@example.com", uuid::Uuid::now_v7().simple()),
        role: Role::Sales,
        password_hash: "x".into(),
        created_at: time::OffsetDateTime::now_utc(),
        disabled: false,
        must_change_password: false,
        last_sign_in_at: None,
        second_factor: false,
    };
    s.insert_user(&ctx(), &u).await.unwrap();
    u.id
}

#[tokio::test]
async fn contact_round_trip_update_and_refs() {
    on_both(|s, _| async move {
        let owner = add_user(&s).await;
        let company =
            CompanyInput { id: CompanyId::new(), name: "Acme Srl".into(), domain: None, address: None, industry: None };
        s.insert_company(&ctx(), &company, None).await.unwrap();
        let mut c = input(person("Mario", "Rossi", "mario.rossi@example.it", "+39 06 1234 5678"));
        c.owner = Some(owner);
        c.company = Some(company.id);
        c.tags = vec!["vip".into(), "vip".into(), "lead".into()];
        s.insert_contacts(&ctx(), std::slice::from_ref(&c), None).await.unwrap();
        let got = s.get_contact(c.id).await.unwrap().unwrap();
        assert_eq!(got.data, c.data);
        assert_eq!(got.owner, Some(owner));
        assert_eq!(got.company, Some(company.id));
        assert_eq!(got.tags, vec!["lead", "vip"]);

        c.data.last_name = Some("Bianchi".into());
        c.tags = vec!["customer".into()];
        s.update_contact(&ctx(), &c).await.unwrap();
        let got = s.get_contact(c.id).await.unwrap().unwrap();
        assert_eq!(got.data.last_name.as_deref(), Some("Bianchi"));
        assert!(
            s.search_name("ros", &ContactFilter::default(), None, 10).await.unwrap().is_empty(),
            "old name left in the index"
        );
        assert_eq!(s.search_name("bian", &ContactFilter::default(), None, 10).await.unwrap().len(), 1);
        let by_tag = ContactFilter { tag: Some("customer".into()), ..Default::default() };
        assert_eq!(s.list_contacts(&by_tag, ContactSort::CreatedAsc, None, 10).await.unwrap().len(), 1);
        let old_tag = ContactFilter { tag: Some("vip".into()), ..Default::default() };
        assert!(s.list_contacts(&old_tag, ContactSort::CreatedAsc, None, 10).await.unwrap().is_empty());

        let mut bad = input(person("Anna", "Verdi", "anna@example.it", "+39 02 555 0101"));
        bad.owner = Some(UserId::new());
        assert!(matches!(s.insert_contacts(&ctx(), &[bad], None).await, Err(StoreError::MissingRef("owner_id"))));
        assert_eq!(s.count_contacts().await.unwrap(), 1, "a failed batch must write nothing");
    })
    .await;
}

#[tokio::test]
async fn lookups_by_email_phone_and_name_prefix() {
    on_both(|s, _| async move {
        let firsts = ["Mario", "Giulia", "Élodie", "Йорданка", "Li", "Anna"];
        let lasts = ["Rossi", "Rossini", "Durand", "Петрова", "Wei", "Rosa"];
        let mut batch = Vec::new();
        for i in 0..300 {
            let f = firsts[i % firsts.len()];
            let l = lasts[(i / firsts.len()) % lasts.len()];
            batch.push(input(person(f, l, &format!("p{i}@example.com"), &format!("+39 06 {:07}", i))));
        }
        s.insert_contacts(&ctx(), &batch, None).await.unwrap();

        // The domain's case does not matter; the local part is compared exactly.
        let e = s.find_by_email(&Email::parse("p17@EXAMPLE.com").unwrap()).await.unwrap();
        assert_eq!(e.len(), 1);
        assert_eq!(e[0].id, batch[17].id);
        assert!(s.find_by_email(&Email::parse("P17@example.com").unwrap()).await.unwrap().is_empty());
        assert!(s.find_by_email(&Email::parse("nobody@example.com").unwrap()).await.unwrap().is_empty());
        let p = s.find_by_phone(&Phone::parse("+39 060 000 042").unwrap()).await.unwrap();
        assert_eq!(p.len(), 1);
        assert_eq!(p[0].id, batch[42].id);

        let expect = |pred: &dyn Fn(&ContactData) -> bool| batch.iter().filter(|c| pred(&c.data)).count();
        let all = |q: &str| {
            let s = s.clone();
            let q = q.to_owned();
            async move {
                let mut out = Vec::new();
                let mut after = None;
                loop {
                    let page = s.search_name(&q, &ContactFilter::default(), after, 7).await.unwrap();
                    after = page.last().map(|c| c.id.0);
                    let n = page.len();
                    out.extend(page);
                    if n < 7 {
                        return out;
                    }
                }
            }
        };
        let ros = all("ros").await;
        assert_eq!(ros.len(), expect(&|d| ["Rossi", "Rossini", "Rosa"].contains(&d.last_name.as_deref().unwrap())));
        assert!(ros.windows(2).all(|w| w[0].id < w[1].id), "pages come in id order without repeats");
        assert_eq!(all("rossi").await.len(), expect(&|d| d.last_name.as_deref().unwrap().starts_with("Rossi")));
        assert_eq!(all("ROSSINI").await.len(), expect(&|d| d.last_name.as_deref() == Some("Rossini")));
        assert_eq!(all("elo").await.len(), expect(&|d| d.first_name.as_deref() == Some("Élodie")));
        assert_eq!(
            all("йор пет").await.len(),
            expect(&|d| d.first_name.as_deref() == Some("Йорданка") && d.last_name.as_deref() == Some("Петрова"))
        );
        assert_eq!(all("li").await.len(), expect(&|d| d.first_name.as_deref() == Some("Li")));
        assert_eq!(
            all("mar ros").await.len(),
            expect(&|d| d.first_name.as_deref() == Some("Mario") && d.last_name.as_deref().unwrap().starts_with("Ros"))
        );
        assert!(all("zzz").await.is_empty());
    })
    .await;
}

#[tokio::test]
async fn listing_pages_through_everything_once() {
    on_both(|s, _| async move {
        let owner = add_user(&s).await;
        let mut batch = Vec::new();
        for i in 0..57 {
            let mut c = input(person("Test", &format!("Person{i}"), &format!("t{i}@example.com"), "+39 06 1234 5678"));
            if i % 3 == 0 {
                c.owner = Some(owner);
                c.tags = vec!["third".into()];
            }
            batch.push(c);
        }
        s.insert_contacts(&ctx(), &batch, None).await.unwrap();
        for sort in
            [ContactSort::CreatedAsc, ContactSort::CreatedDesc, ContactSort::UpdatedAsc, ContactSort::UpdatedDesc]
        {
            let mut seen = Vec::new();
            let mut after = None;
            loop {
                let page = s.list_contacts(&ContactFilter::default(), sort, after, 10).await.unwrap();
                if let Some(last) = page.last() {
                    let key = match sort {
                        ContactSort::CreatedAsc | ContactSort::CreatedDesc => last.created_at,
                        _ => last.updated_at,
                    };
                    after = Some(kith_store::contacts::After { key: kith_store::to_ms(key), id: last.id.0 });
                }
                let n = page.len();
                seen.extend(page.into_iter().map(|c| c.id));
                if n < 10 {
                    break;
                }
            }
            let mut sorted = seen.clone();
            sorted.sort();
            sorted.dedup();
            assert_eq!(sorted.len(), 57, "{sort:?}: every contact exactly once");
            assert_eq!(seen.len(), 57);
        }
        let f = ContactFilter { owner: Some(owner), ..Default::default() };
        assert_eq!(s.list_contacts(&f, ContactSort::CreatedAsc, None, 100).await.unwrap().len(), 19);
        let f = ContactFilter { tag: Some("third".into()), ..Default::default() };
        assert_eq!(s.list_contacts(&f, ContactSort::CreatedAsc, None, 100).await.unwrap().len(), 19);
        let f = ContactFilter {
            created_from: Some(kith_store::to_ms(time::OffsetDateTime::now_utc()) + 60_000),
            ..Default::default()
        };
        assert!(s.list_contacts(&f, ContactSort::CreatedAsc, None, 100).await.unwrap().is_empty());
        let f = ContactFilter { owner: Some(owner), ..Default::default() };
        assert_eq!(s.search_name("test", &f, None, 100).await.unwrap().len(), 19, "filters apply to searches");
    })
    .await;
}

#[tokio::test]
async fn interactions_and_deals() {
    on_both(|s, _| async move {
        let c = input(person("Mario", "Rossi", "mario@example.it", "+39 06 1234 5678"));
        s.insert_contacts(&ctx(), std::slice::from_ref(&c), None).await.unwrap();
        let base = time::OffsetDateTime::now_utc();
        let mut ids = Vec::new();
        for (i, kind) in
            [InteractionKind::Note, InteractionKind::Call, InteractionKind::Meeting].into_iter().enumerate()
        {
            let it = InteractionInput {
                id: InteractionId::new(),
                subject: c.id,
                kind,
                occurred_at: base + time::Duration::minutes(i as i64),
                author: None,
                body: format!("talked about order {i}"),
            };
            ids.push(it.id);
            s.insert_interactions(&ctx(), &[it], None).await.unwrap();
        }
        let list = s.list_interactions(c.id, None, 10).await.unwrap();
        assert_eq!(
            list.iter().map(|i| i.id).collect::<Vec<_>>(),
            ids.iter().rev().copied().collect::<Vec<_>>(),
            "newest first"
        );
        assert_eq!(list[0].body, "talked about order 2");
        let orphan = InteractionInput {
            id: InteractionId::new(),
            subject: SubjectId::new(),
            kind: InteractionKind::Note,
            occurred_at: base,
            author: None,
            body: "x".into(),
        };
        assert!(matches!(
            s.insert_interactions(&ctx(), &[orphan], None).await,
            Err(StoreError::MissingRef("contact_id"))
        ));

        let deal = DealInput {
            id: kith_domain::DealId::new(),
            title: "Fair stand 2027".into(),
            stage: "lead".into(),
            amount_minor: Some(250_000),
            currency: Some("EUR".into()),
            owner: None,
            company: None,
            contacts: vec![c.id],
        };
        s.insert_deal(&ctx(), &deal, None).await.unwrap();
        let mut moved = deal.clone();
        moved.stage = "won".into();
        s.update_deal(&ctx(), &moved).await.unwrap();
        let h = s.deal_history(deal.id).await.unwrap();
        assert_eq!(h.iter().map(|c| c.to.as_str()).collect::<Vec<_>>(), ["lead", "won"]);
        assert_eq!(h[1].from.as_deref(), Some("lead"));
        let mut bad = deal.clone();
        bad.stage = "nowhere".into();
        assert!(matches!(s.update_deal(&ctx(), &bad).await, Err(StoreError::MissingRef("stage"))));
        let got = s.get_deal(deal.id).await.unwrap().unwrap();
        assert_eq!(got.contacts, vec![c.id]);
        assert_eq!(got.stage, "won");

        // Deleting the contact takes its interactions and deal links with it.
        s.delete_contact(&ctx(), c.id).await.unwrap();
        assert!(s.get_interaction(ids[0]).await.unwrap().is_none());
        assert!(s.get_deal(deal.id).await.unwrap().unwrap().contacts.is_empty());
        assert!(matches!(s.delete_contact(&ctx(), c.id).await, Err(StoreError::NotFound)));
    })
    .await;
}

#[tokio::test]
async fn idempotency_claims_once() {
    on_both(|s, _| async move {
        let user = add_user(&s).await;
        let claim = Claim { user, key: "k-1".into(), request_hash: vec![1, 2, 3] };
        let a = input(person("Mario", "Rossi", "mario@example.it", "+39 06 1234 5678"));
        s.insert_contacts(&ctx(), std::slice::from_ref(&a), Some(&claim)).await.unwrap();
        let b = input(person("Mario", "Rossi", "mario@example.it", "+39 06 1234 5678"));
        assert!(matches!(s.insert_contacts(&ctx(), &[b], Some(&claim)).await, Err(StoreError::IdempotencyReplay)));
        assert_eq!(s.count_contacts().await.unwrap(), 1);
        let rec = s.idempotency_record(user, "k-1").await.unwrap().unwrap();
        assert_eq!(rec.resource_id, a.id.0);
        assert_eq!(rec.request_hash, vec![1, 2, 3]);
    })
    .await;
}

#[tokio::test]
async fn audit_chain_detects_edit_removal_and_reordering() {
    on_both(|s, _| async move {
        let batch: Vec<_> =
            (0..5).map(|i| input(person("A", "B", &format!("a{i}@example.com"), "+39 06 1234 5678"))).collect();
        s.insert_contacts(&ctx(), &batch, None).await.unwrap();
        s.audit(&ctx(), &[kith_store::audit::NewEntry::subject("contact.read", batch[0].id)]).await.unwrap();
        assert_eq!(s.audit_verify().await.unwrap(), Verdict::Intact { entries: 6 });
        let about =
            s.audit_entries(&AuditQuery { subject: Some(batch[0].id), limit: 10, ..Default::default() }).await.unwrap();
        assert_eq!(about.iter().map(|e| e.action.as_str()).collect::<Vec<_>>(), ["contact.create", "contact.read"]);

        s.raw_execute("UPDATE audit_log SET action = 'contact.delete' WHERE seq = 3").await.unwrap();
        assert!(matches!(s.audit_verify().await.unwrap(), Verdict::Broken { seq: 3, .. }));
        s.raw_execute("UPDATE audit_log SET action = 'contact.create' WHERE seq = 3").await.unwrap();
        assert_eq!(s.audit_verify().await.unwrap(), Verdict::Intact { entries: 6 });

        // Swap two entries' contents (a reordering).
        s.raw_execute("UPDATE audit_log SET seq = 100 WHERE seq = 2").await.unwrap();
        s.raw_execute("UPDATE audit_log SET seq = 2 WHERE seq = 4").await.unwrap();
        s.raw_execute("UPDATE audit_log SET seq = 4 WHERE seq = 100").await.unwrap();
        assert!(matches!(s.audit_verify().await.unwrap(), Verdict::Broken { seq: 2, .. }));
        s.raw_execute("UPDATE audit_log SET seq = 100 WHERE seq = 2").await.unwrap();
        s.raw_execute("UPDATE audit_log SET seq = 2 WHERE seq = 4").await.unwrap();
        s.raw_execute("UPDATE audit_log SET seq = 4 WHERE seq = 100").await.unwrap();
        assert_eq!(s.audit_verify().await.unwrap(), Verdict::Intact { entries: 6 });

        s.raw_execute("DELETE FROM audit_log WHERE seq = 5").await.unwrap();
        assert!(matches!(s.audit_verify().await.unwrap(), Verdict::Broken { seq: 6, .. }));
    })
    .await;
}

#[tokio::test]
async fn audit_tail_removal_is_detected() {
    on_both(|s, _| async move {
        let batch: Vec<_> =
            (0..3).map(|i| input(person("A", "B", &format!("a{i}@example.com"), "+39 06 1234 5678"))).collect();
        s.insert_contacts(&ctx(), &batch, None).await.unwrap();
        s.raw_execute("DELETE FROM audit_log WHERE seq = 3").await.unwrap();
        assert!(matches!(s.audit_verify().await.unwrap(), Verdict::Broken { .. }));
    })
    .await;
}

#[tokio::test]
async fn audit_rows_behind_the_head_are_detected() {
    on_both(|s, _| async move {
        let batch: Vec<_> = (0..2).map(|i| input(person("A", "B", &format!("a{i}@example.com"), "+39 06 1234 5678"))).collect();
        s.insert_contacts(&ctx(), &batch, None).await.unwrap();
        assert_eq!(s.audit_verify().await.unwrap(), Verdict::Intact { entries: 2 });
        let blob = if s.engine() == Engine::Sqlite { "x'00'" } else { "'\\x00'::bytea" };
        s.raw_execute(&format!(
            "INSERT INTO audit_log (seq, at, actor, action, subject_id, object_type, object_id, request_id, prev_hash, hash) \
             VALUES (3, 0, 'cli', 'contact.read', NULL, 'contact', NULL, 'r', {blob}, {blob})"
        ))
        .await
        .unwrap();
        assert_eq!(
            s.audit_verify().await.unwrap(),
            Verdict::Broken { seq: 3, reason: "this entry was inserted outside the chain" }
        );
    })
    .await;
}

/// Nothing personal in clear anywhere; deletion leaves no copy of the key
/// or the sealed values, in the SQLite file and WAL or in PostgreSQL rows.
#[tokio::test]
async fn nothing_in_clear_and_deletion_leaves_nothing() {
    on_both(|s, dir| async move {
        let values = ["Gianmarco", "Bellavista", "gianmarco.bellavista@example.it", "+39 333 987 6543", "Quarantotto"];
        let mut data = person(values[0], values[1], values[2], values[3]);
        data.notes = Some(format!("prefers {}", values[4]));
        let c = input(data);
        let keep = input(person("Other", "Person", "other@example.com", "+39 02 1111 2222"));
        s.insert_contacts(&ctx(), &[c.clone(), keep.clone()], None).await.unwrap();
        let it = InteractionInput {
            id: InteractionId::new(),
            subject: c.id,
            kind: InteractionKind::Call,
            occurred_at: time::OffsetDateTime::now_utc(),
            author: None,
            body: "Quarantotto called back".into(),
        };
        s.insert_interactions(&ctx(), &[it], None).await.unwrap();
        let (wrapped, sealed) = s.raw_contact_bytes(c.id).await.unwrap().unwrap();

        let haystack = || async {
            match &dir {
                Some(d) => {
                    let mut all = std::fs::read(d.join("kith.db")).unwrap();
                    if let Ok(w) = std::fs::read(d.join("kith.db-wal")) {
                        all.extend(w);
                    }
                    all
                }
                None => s.raw_dump_pg().await.unwrap().into_bytes(),
            }
        };
        let hex = |b: &[u8]| b.iter().map(|x| format!("{x:02x}")).collect::<String>();
        let contains = |hay: &[u8], needle: &[u8]| hay.windows(needle.len()).any(|w| w == needle);
        let hay = haystack().await;
        for v in values {
            assert!(!contains(&hay, v.as_bytes()), "a personal value is stored in clear");
            assert!(!contains(&hay, hex(v.as_bytes()).as_bytes()), "a personal value is stored in clear (hex)");
        }
        let present = |hay: &[u8], b: &[u8]| contains(hay, b) || contains(hay, hex(b).as_bytes());
        assert!(present(&hay, &wrapped), "the probe must see stored bytes, or the test proves nothing");

        s.delete_contact(&ctx(), c.id).await.unwrap();
        let hay = haystack().await;
        assert!(!present(&hay, &wrapped), "the subject key survives deletion");
        assert!(!present(&hay, &sealed), "the sealed record survives deletion");
        let subject_hex = hex(c.id.0.as_bytes());
        if dir.is_none() {
            assert!(
                !contains(&hay, c.id.0.to_string().as_bytes())
                    || only_in_audit(&String::from_utf8_lossy(&hay), &c.id.0.to_string())
            );
        } else {
            let _ = subject_hex;
        }
        assert!(s.get_contact(c.id).await.unwrap().is_none());
        assert!(s.find_by_email(&Email::parse(values[2]).unwrap()).await.unwrap().is_empty());
        assert!(s.get_contact(keep.id).await.unwrap().is_some(), "the other contact is untouched");
    })
    .await;
}

/// On PostgreSQL, after deletion the subject id may only remain in the
/// audit trail (which holds ids, never values).
/// The id of an erased person may remain only in the audit trail and in
/// the `subject.erased` event for processors.
fn only_in_audit(dump: &str, id: &str) -> bool {
    dump.lines().filter(|l| l.contains(id)).all(|l| l.contains("\"action\"") || l.contains("\"subject.erased\""))
}

/// Two stores (as two servers would be) on one PostgreSQL database:
/// concurrent writes from both keep one intact audit chain and see each
/// other's data.
#[tokio::test]
async fn two_servers_share_one_postgres() {
    let (a, name) = pg_store().await;
    let b = Store::connect(&db_url(&name), vault()).await.unwrap();
    b.migrate().await.unwrap();
    let r = tokio::spawn({
        let (a, b) = (a.clone(), b.clone());
        async move {
            let mut tasks = Vec::new();
            for i in 0..20 {
                let s = if i % 2 == 0 { a.clone() } else { b.clone() };
                tasks.push(tokio::spawn(async move {
                    let batch: Vec<_> = (0..5)
                        .map(|j| input(person("Par", "Allel", &format!("p{i}-{j}@example.com"), "+39 06 1234 5678")))
                        .collect();
                    s.insert_contacts(&ctx(), &batch, None).await.unwrap();
                    batch[0].id
                }));
            }
            let mut ids = Vec::new();
            for t in tasks {
                ids.push(t.await.unwrap());
            }
            assert_eq!(a.count_contacts().await.unwrap(), 100);
            for id in ids {
                assert!(a.get_contact(id).await.unwrap().is_some());
                assert!(b.get_contact(id).await.unwrap().is_some());
            }
            assert_eq!(b.audit_verify().await.unwrap(), Verdict::Intact { entries: 100 });
            assert_eq!(a.engine(), Engine::Postgres);
        }
    })
    .await;
    a.close().await;
    b.close().await;
    drop_pg(&name).await;
    if let Err(e) = r {
        std::panic::resume_unwind(e.into_panic());
    }
}

/// Concurrent read-modify-writes of one contact apply in turn: none is lost.
#[tokio::test]
async fn concurrent_changes_are_not_lost() {
    on_both(|s, _| async move {
        let c = input(person("Mario", "Rossi", "mario@example.it", "+39 06 1234 5678"));
        s.insert_contacts(&ctx(), std::slice::from_ref(&c), None).await.unwrap();
        let mut tasks = Vec::new();
        for i in 0..10 {
            let (s, id) = (s.clone(), c.id);
            tasks.push(tokio::spawn(async move {
                s.modify_contact(&ctx(), id, |mut cur| {
                    cur.tags.push(format!("t{i}"));
                    Ok::<_, StoreError>(ContactInput {
                        id,
                        owner: cur.owner,
                        company: cur.company,
                        tags: cur.tags,
                        data: cur.data,
                        source: None,
                    })
                })
                .await
            }));
        }
        for t in tasks {
            t.await.unwrap().unwrap();
        }
        let got = s.get_contact(c.id).await.unwrap().unwrap();
        assert_eq!(got.tags.len(), 10, "every concurrent change survives: {:?}", got.tags);
    })
    .await;
}

#[tokio::test]
async fn web_sessions_expire_and_end() {
    on_both(|s, _| async move {
        let user = add_user(&s).await;
        let (hash, now) = (vec![7u8; 32], 1_000_000_000_000i64);
        s.insert_session(&ctx(), &hash, user, "csrf-token", now, now + 10_000, None).await.unwrap();
        let got = s.session_user(&hash, now + 1, 5_000).await.unwrap().expect("live session");
        assert_eq!((got.user, got.csrf.as_str(), got.role), (user, "csrf-token", Role::Sales));
        assert!(s.session_user(&[8u8; 32], now + 1, 5_000).await.unwrap().is_none(), "unknown secret");
        assert!(s.session_user(&hash, now + 6_000, 5_000).await.unwrap().is_none(), "idle too long");
        assert!(s.session_user(&hash, now + 10_001, 60_000).await.unwrap().is_none(), "past its end");
        s.delete_session(&ctx(), &hash).await.unwrap();
        assert!(s.session_user(&hash, now + 1, 5_000).await.unwrap().is_none(), "signed out");
        // Deleting an unknown session is not an error.
        s.delete_session(&ctx(), &hash).await.unwrap();
    })
    .await;
}

#[tokio::test]
async fn sign_in_attempts_lock_after_the_limit_even_in_parallel() {
    on_both(|s, _| async move {
        let key = vec![1u8; 32];
        let now = 5_000_000i64;
        for i in 1..=3 {
            let t = s.count_attempt(&key, now + i, 60_000, 3, 900_000).await.unwrap();
            assert_eq!((t.failures, t.locked_until), (i, 0));
        }
        let t = s.count_attempt(&key, now + 4, 60_000, 3, 900_000).await.unwrap();
        assert_eq!(t.locked_until, now + 4 + 900_000, "the 4th attempt over a limit of 3 locks");
        let t = s.count_attempt(&key, now + 5, 60_000, 3, 900_000).await.unwrap();
        assert_eq!(t.locked_until, now + 4 + 900_000, "a locked key stays locked, not longer");
        // After the lock, counting starts afresh.
        let t = s.count_attempt(&key, now + 4 + 900_001, 60_000, 3, 900_000).await.unwrap();
        assert_eq!((t.failures, t.locked_until), (1, 0));
        s.forgive_attempt(&key).await.unwrap();
        let t = s.count_attempt(&key, now + 4 + 900_002, 60_000, 3, 900_000).await.unwrap();
        assert_eq!(t.failures, 1, "a forgiven attempt no longer counts");
        // A window that has passed starts a new count.
        let t = s.count_attempt(&key, now + 4 + 900_002 + 60_000, 60_000, 3, 900_000).await.unwrap();
        assert_eq!((t.failures, t.locked_until), (1, 0));
        s.clear_attempts(&key).await.unwrap();
        // 20 attempts at once on a fresh key: exactly 3 pass, none is lost.
        let fresh = vec![2u8; 32];
        let mut tasks = Vec::new();
        for _ in 0..20 {
            let (s, k) = (s.clone(), fresh.clone());
            tasks.push(tokio::spawn(async move {
                s.count_attempt(&k, now + 10, 60_000, 3, 900_000).await.unwrap().locked_until == 0
            }));
        }
        let mut passed = 0;
        for t in tasks {
            passed += usize::from(t.await.unwrap());
        }
        assert_eq!(passed, 3);
    })
    .await;
}

#[tokio::test]
async fn saved_views_belong_to_their_user() {
    on_both(|s, _| async move {
        let (a, b) = (add_user(&s).await, add_user(&s).await);
        let id = s.save_view(&ctx(), a, "VIP", "tag=vip").await.unwrap();
        s.save_view(&ctx(), a, "VIP", "tag=vip&sort=-updated").await.unwrap();
        let views = s.list_views(a).await.unwrap();
        assert_eq!(views.len(), 1, "same name replaces");
        assert_eq!(views[0].query, "tag=vip&sort=-updated");
        assert!(s.list_views(b).await.unwrap().is_empty());
        assert!(matches!(s.delete_view(&ctx(), b, views[0].id).await, Err(StoreError::NotFound)), "not b's");
        assert_eq!(views[0].id, id, "replaced in place");
        s.delete_view(&ctx(), a, id).await.unwrap();
        assert!(s.list_views(a).await.unwrap().is_empty());
        // Saving one name many times at once (a double click) never fails.
        let mut tasks = Vec::new();
        for i in 0..8 {
            let s = s.clone();
            tasks.push(tokio::spawn(async move { s.save_view(&ctx(), a, "Twice", &format!("tag=t{i}")).await }));
        }
        for t in tasks {
            t.await.unwrap().unwrap();
        }
        assert_eq!(s.list_views(a).await.unwrap().len(), 1);
    })
    .await;
}

#[tokio::test]
async fn bulk_changes_touch_only_the_selection_and_keep_tags_consistent() {
    on_both(|s, _| async move {
        use kith_store::contacts::BulkChange;
        let owner = add_user(&s).await;
        let mut cs = Vec::new();
        for i in 0..5 {
            let mut c = input(person("Anna", &format!("Bulk{i}"), &format!("a{i}@example.it"), "+39 06 555 0000"));
            c.tags = if i < 3 { vec!["prospect".into()] } else { vec![] };
            cs.push(c);
        }
        s.insert_contacts(&ctx(), &cs, None).await.unwrap();
        let prospects = ContactFilter { tag: Some("prospect".into()), ..Default::default() };
        assert_eq!(s.count_matching(&prospects).await.unwrap(), 3);
        let ids = s.matching_ids(&prospects, None, 2).await.unwrap();
        let rest = s.matching_ids(&prospects, Some(ids[1].0), 10).await.unwrap();
        assert_eq!(ids.len() + rest.len(), 3, "paged once each");
        let sel: Vec<SubjectId> = cs.iter().take(2).map(|c| c.id).collect();
        assert_eq!(s.bulk_change_contacts(&ctx(), &sel, &BulkChange::AddTag("vip".into()), 50).await.unwrap(), 2);
        assert_eq!(
            s.bulk_change_contacts(&ctx(), &sel, &BulkChange::AddTag("vip".into()), 50).await.unwrap(),
            0,
            "idempotent"
        );
        let vip = ContactFilter { tag: Some("vip".into()), ..Default::default() };
        assert_eq!(s.count_matching(&vip).await.unwrap(), 2, "the tag index follows");
        let c0 = s.get_contact(cs[0].id).await.unwrap().unwrap();
        assert_eq!(c0.tags, vec!["prospect".to_owned(), "vip".to_owned()]);
        assert_eq!(c0.data, cs[0].data, "personal data untouched");
        let all: Vec<SubjectId> = cs.iter().map(|c| c.id).collect();
        assert_eq!(
            s.bulk_change_contacts(&ctx(), &all, &BulkChange::RemoveTag("prospect".into()), 50).await.unwrap(),
            3
        );
        assert_eq!(s.count_matching(&prospects).await.unwrap(), 0);
        assert_eq!(s.bulk_change_contacts(&ctx(), &all, &BulkChange::SetOwner(Some(owner)), 50).await.unwrap(), 5);
        let mine = ContactFilter { owner: Some(owner), ..Default::default() };
        assert_eq!(s.count_matching(&mine).await.unwrap(), 5);
        let ghost = BulkChange::SetOwner(Some(UserId::new()));
        assert!(matches!(s.bulk_change_contacts(&ctx(), &all, &ghost, 50).await, Err(StoreError::MissingRef(_))));
        assert_eq!(s.count_matching(&mine).await.unwrap(), 5, "a refused change changes nothing");
        // A contact at the tag limit is left alone.
        assert_eq!(s.bulk_change_contacts(&ctx(), &all, &BulkChange::AddTag("x".into()), 1).await.unwrap(), 3);
        // The lookups still work after bulk changes.
        assert_eq!(s.find_by_email(&Email::parse("a4@example.it").unwrap()).await.unwrap().len(), 1);
        assert!(matches!(s.audit_verify().await.unwrap(), Verdict::Intact { .. }));
    })
    .await;
}

#[tokio::test]
async fn deal_totals_per_stage_and_currency() {
    on_both(|s, _| async move {
        let deal = |title: &str, stage: &str, amount: Option<i64>, cur: Option<&str>| DealInput {
            id: kith_domain::DealId::new(),
            title: title.into(),
            stage: stage.into(),
            amount_minor: amount,
            currency: cur.map(String::from),
            owner: None,
            company: None,
            contacts: vec![],
        };
        for d in [
            deal("a", "lead", Some(10_000_000_000), Some("EUR")),
            deal("b", "lead", Some(250), Some("EUR")),
            deal("c", "lead", Some(100), Some("CHF")),
            deal("d", "won", None, None),
            deal("e", "won", Some(i64::MAX), Some("EUR")),
            deal("f", "won", Some(i64::MAX), Some("EUR")),
        ] {
            s.insert_deal(&ctx(), &d, None).await.unwrap();
        }
        let t = s.deal_totals().await.unwrap();
        let find = |st: &str, c: Option<&str>| {
            t.iter().find(|x| x.stage == st && x.currency.as_deref() == c).map(|x| (x.count, x.amount_minor))
        };
        assert_eq!(find("lead", Some("EUR")), Some((2, 10_000_000_250)));
        assert_eq!(find("lead", Some("CHF")), Some((1, 100)));
        assert_eq!(find("won", None), Some((1, 0)));
        assert_eq!(find("won", Some("EUR")), Some((2, 2 * i128::from(i64::MAX))), "no overflow");
        assert_eq!(t.len(), 4);
        assert_eq!(t.last().unwrap().currency, None, "no currency last");
    })
    .await;
}

/// Exact-match email keys follow every change of a contact's addresses,
/// are given once to contacts older than them, and go with the contact.
#[tokio::test]
async fn email_keys_follow_changes_backfill_once_and_go_with_erasure() {
    on_both(|s, _| async move {
        let a = input(person("Liliana", "Conte", "liliana.conte@example.it", "+39 02 4444 1111"));
        let b = input(person("Oreste", "Galli", "oreste.galli@example.it", "+39 02 4444 2222"));
        s.insert_contacts(&ctx(), &[a.clone(), b.clone()], None).await.unwrap();
        let email = |e: &str| Email::parse(e).unwrap();
        let (la, lb, new) =
            (email("liliana.conte@example.it"), email("oreste.galli@example.it"), email("l.conte@example.it"));
        let in_use = |s: Store, list: Vec<Email>| async move {
            let refs: Vec<&Email> = list.iter().collect();
            let mut v: Vec<String> = s.emails_in_use(&refs).await.unwrap().into_keys().collect();
            v.sort();
            v
        };
        assert_eq!(in_use(s.clone(), vec![la.clone(), new.clone()]).await, vec![la.lookup_key()]);
        // A change of address moves the key.
        s.modify_contact(&ctx(), a.id, |c| {
            let mut data = c.data;
            data.emails = vec![new.clone()];
            Ok::<_, StoreError>(ContactInput { id: c.id, owner: None, company: None, tags: vec![], data, source: None })
        })
        .await
        .unwrap();
        assert_eq!(in_use(s.clone(), vec![la.clone(), new.clone()]).await, vec![new.lookup_key()]);
        // As if the contacts predated the keys: the next migrate gives them back, once.
        s.raw_execute("DELETE FROM email_keys").await.unwrap();
        s.raw_execute("UPDATE email_keys_backfill SET done = 0").await.unwrap();
        assert!(in_use(s.clone(), vec![lb.clone()]).await.is_empty());
        s.migrate().await.unwrap();
        assert_eq!(in_use(s.clone(), vec![lb.clone(), new.clone()]).await.len(), 2);
        // Erasure takes them.
        s.delete_contact(&ctx(), b.id).await.unwrap();
        assert!(in_use(s.clone(), vec![lb.clone()]).await.is_empty());
    })
    .await;
}

/// The policy as committed is checked again inside the writing
/// transaction: a field removed after the app checked is refused, on
/// creation and on a change that writes it, while changes that leave it
/// alone pass; each write records the policy version.
#[tokio::test]
async fn writes_recheck_the_committed_field_policy_on_both_engines() {
    on_both(|s, _| async move {
        let kept = input(person("Ada", "Rossi", "ada.rossi@example.it", "+39 02 555 0100"));
        s.insert_contacts(&ctx(), std::slice::from_ref(&kept), None).await.unwrap();
        let mut policy = s.field_policy().await.unwrap();
        let notes = policy.fields.iter_mut().find(|f| f.key == "notes").unwrap();
        notes.enabled = false;
        let off = notes.clone();
        let version = s.save_field(&ctx(), &off, "notes off").await.unwrap();
        assert_eq!(version, 2);
        let c = input(person("Bea", "Verdi", "bea.verdi@example.it", "+39 02 555 0101"));
        assert!(matches!(
            s.insert_contacts(&ctx(), std::slice::from_ref(&c), None).await,
            Err(StoreError::Conflict(m)) if m.contains("field policy")
        ));
        // A change that does not write the notes passes (the purge removes them).
        let mut renamed = kept.clone();
        renamed.data.first_name = Some("Adele".into());
        s.update_contact(&ctx(), &renamed).await.unwrap();
        assert_eq!(s.contact_policy_version(kept.id).await.unwrap(), Some(2));
        let mut noted = renamed.clone();
        noted.data.notes = Some("a new note".into());
        assert!(matches!(s.update_contact(&ctx(), &noted).await, Err(StoreError::Conflict(_))));
    })
    .await;
}

/// PostgreSQL (READ COMMITTED): a write reads the policy rows of the fields
/// it writes `FOR SHARE`, so a removal in flight and the write take turns.
/// A write arriving while the removal is uncommitted waits for it, then is
/// refused; a removal arriving while a write holds the lock waits for the
/// write to commit (so the purge that follows the removal sees its value).
#[tokio::test]
async fn a_field_removal_and_a_write_take_turns_on_postgres() {
    use sqlx::Connection;
    use std::time::Duration;
    let (s, db) = pg_store().await;
    let r = tokio::spawn({
        let s = s.clone();
        let url = db_url(&db);
        async move {
            let kept = input(person("Ada", "Rossi", "ada.rossi@example.it", "+39 02 555 0100"));
            s.insert_contacts(&ctx(), std::slice::from_ref(&kept), None).await.unwrap();
            let mut other = sqlx::PgConnection::connect(&url).await.unwrap();

            // A removal of `notes` updated its row but has not committed yet.
            sqlx::query("BEGIN").execute(&mut other).await.unwrap();
            sqlx::query("UPDATE field_policy SET enabled = FALSE WHERE key = 'notes'").execute(&mut other).await.unwrap();
            let mut noted = kept.clone();
            noted.data.notes = Some("written during the removal".into());
            let write = tokio::spawn({
                let s = s.clone();
                async move { s.update_contact(&ctx(), &noted).await }
            });
            tokio::time::sleep(Duration::from_millis(300)).await;
            assert!(!write.is_finished(), "the write waits for the removal in flight");
            sqlx::query("INSERT INTO field_policy_versions (version, at, actor, change, snapshot) VALUES (2, 0, 'test', 'removed notes', '[]')")
                .execute(&mut other)
                .await
                .unwrap();
            sqlx::query("COMMIT").execute(&mut other).await.unwrap();
            assert!(
                matches!(write.await.unwrap(), Err(StoreError::Conflict(m)) if m.contains("field policy")),
                "refused once the removal committed"
            );
            let now = s.get_contact(kept.id).await.unwrap().unwrap();
            assert_eq!(now.data.notes, kept.data.notes, "nothing written");

            // A write holds its share lock on `job_title`; a removal waits for it.
            sqlx::query("BEGIN").execute(&mut other).await.unwrap();
            sqlx::query("SELECT key FROM field_policy WHERE key = 'job_title' FOR SHARE")
                .execute(&mut other)
                .await
                .unwrap();
            let mut off = s.field_policy().await.unwrap().field("job_title").unwrap().clone();
            off.enabled = false;
            let removal = tokio::spawn({
                let s = s.clone();
                async move { s.save_field(&ctx(), &off, "removed job_title").await }
            });
            tokio::time::sleep(Duration::from_millis(300)).await;
            assert!(!removal.is_finished(), "the removal waits for the write in flight");
            sqlx::query("COMMIT").execute(&mut other).await.unwrap();
            assert_eq!(removal.await.unwrap().unwrap(), 3);
            other.close().await.unwrap();
        }
    })
    .await;
    s.close().await;
    drop_pg(&db).await;
    if let Err(e) = r {
        std::panic::resume_unwind(e.into_panic());
    }
}

/// An uploaded import: its file sealed (nothing of it in clear), one pass
/// at a time, progress saved, the file dropped once imported, and a
/// discard that leaves imported runs alone.
#[tokio::test]
async fn import_runs_keep_the_file_sealed_and_run_one_pass_at_a_time() {
    use kith_store::import_runs::{phase, Progress, RunLine};
    on_both(|s, dir| async move {
        let user = add_user(&s).await;
        let file = b"Email,Name\nottavia.brambilla@example.it,Ottavia Brambilla\n";
        let id = uuid::Uuid::now_v7();
        s.insert_import_run(&ctx(), id, Some(user), "fiera-brambilla.csv", file, "{\"col\":\"Brambilla\"}")
            .await
            .unwrap();
        let stored = match &dir {
            Some(d) => {
                let mut all = std::fs::read(d.join("kith.db")).unwrap();
                all.extend(std::fs::read(d.join("kith.db-wal")).unwrap_or_default());
                all
            }
            None => s.raw_dump_pg().await.unwrap().into_bytes(),
        };
        for clear in ["Brambilla", "brambilla", "fiera-"] {
            assert!(!stored.windows(clear.len()).any(|w| w == clear.as_bytes()), "{clear} is stored in clear");
        }
        // The run's id is in its audit entry, in clear: the probe sees what was just written.
        let probe = id.to_string();
        assert!(stored.windows(probe.len()).any(|w| w == probe.as_bytes()), "the probe must see stored rows");
        let run = s.import_run(id).await.unwrap().unwrap();
        assert_eq!((run.phase.as_str(), run.has_file, run.file_bytes), (phase::UPLOADED, true, file.len() as i64));
        assert_eq!((run.file_name.as_str(), run.options.as_str()), ("fiera-brambilla.csv", "{\"col\":\"Brambilla\"}"));
        assert_eq!(s.import_run_file(id).await.unwrap().as_deref(), Some(&file[..]));

        let now = time::OffsetDateTime::now_utc();
        let stale = now - time::Duration::seconds(30);
        let first = s.claim_import_run(&ctx(), id, true, "{\"a\":1}", false, stale).await.unwrap().expect("claimed");
        assert!(s.claim_import_run(&ctx(), id, false, "{}", false, stale).await.unwrap().is_none(), "one at a time");
        // A pass whose heartbeat stopped can be taken over; the old pass may then write nothing.
        let later = now + time::Duration::seconds(1);
        let pass = s.claim_import_run(&ctx(), id, false, "{}", true, later).await.unwrap().expect("taken over");
        let p = Progress { read_bytes: 10, created: 1, updated: 0, skipped: 0, rejected: 1, last_line: 2 };
        assert!(!s.save_import_progress(id, first, &p).await.unwrap(), "the old pass lost the run");
        assert!(!s.finish_import_run(id, first, &p, phase::FAILED, Some("x"), "{}", &[]).await.unwrap());
        assert!(s.save_import_progress(id, pass, &p).await.unwrap());
        assert_eq!(s.import_run(id).await.unwrap().unwrap().progress, p);
        let lines = vec![
            RunLine { line: 3, outcome: "rejected".into(), reason: "an email address is not valid".into() },
            RunLine { line: 3, outcome: "rejected".into(), reason: "a line twice is kept once".into() },
        ];
        assert!(s.finish_import_run(id, pass, &p, phase::IMPORTED, None, "{\"b\":2}", &lines).await.unwrap());
        let run = s.import_run(id).await.unwrap().unwrap();
        // The options go with the file: a file without a header line puts a person's data there.
        assert_eq!((run.phase.as_str(), run.has_file, run.options.as_str()), (phase::IMPORTED, false, ""));
        assert!(run.finished_at.is_some());
        assert_eq!(s.import_run_lines(id, 10).await.unwrap(), lines[..1]);
        assert_eq!(s.import_run_file(id).await.unwrap(), None, "an imported file is dropped");
        assert!(
            s.claim_import_run(&ctx(), id, true, "{}", false, stale).await.unwrap().is_none(),
            "nothing runs without a file"
        );

        // Old uploads are discarded; a running one is not, unless its heartbeat stopped.
        let other = uuid::Uuid::now_v7();
        s.insert_import_run(&ctx(), other, None, "b.csv", file, "{}").await.unwrap();
        assert!(s.claim_import_run(&ctx(), other, true, "{}", false, stale).await.unwrap().is_some());
        let later = time::OffsetDateTime::now_utc() + time::Duration::seconds(5);
        assert_eq!(s.discard_import_files(&ctx(), None, later, stale).await.unwrap(), 0, "it is running");
        assert_eq!(s.discard_import_files(&ctx(), None, later, later).await.unwrap(), 1);
        let run = s.import_run(other).await.unwrap().unwrap();
        assert_eq!((run.phase.as_str(), run.has_file, run.options.as_str()), (phase::DISCARDED, false, ""));
        assert_eq!(s.import_runs(10).await.unwrap().len(), 2);
        // Run records go after their time, with their lines; a kept file's run stays.
        let kept = uuid::Uuid::now_v7();
        s.insert_import_run(&ctx(), kept, None, "c.csv", file, "{}").await.unwrap();
        let later = time::OffsetDateTime::now_utc() + time::Duration::seconds(5);
        assert_eq!(s.purge_import_runs(&ctx(), later).await.unwrap(), 2);
        assert!(s.import_run(id).await.unwrap().is_none() && s.import_run_lines(id, 10).await.unwrap().is_empty());
        assert_eq!(s.import_runs(10).await.unwrap().len(), 1);
    })
    .await;
}

/// An erasure drops every kept upload (running or not), so that resuming
/// an import of a file uploaded before it cannot bring the person back; a
/// pass running on one no longer holds its run. Runs without a file stay.
#[tokio::test]
async fn an_erasure_drops_kept_uploads() {
    use kith_store::import_runs::{phase, Progress};
    on_both(|s, _dir| async move {
        let file = b"Email,Name\nruaridh.macleod@example.org,Ruaridh MacLeod\n";
        let (idle, running) = (uuid::Uuid::now_v7(), uuid::Uuid::now_v7());
        s.insert_import_run(&ctx(), idle, None, "idle.csv", file, "{}").await.unwrap();
        s.insert_import_run(&ctx(), running, None, "running.csv", file, "{}").await.unwrap();
        let stale = time::OffsetDateTime::now_utc() - time::Duration::seconds(30);
        let pass = s.claim_import_run(&ctx(), running, false, "{}", false, stale).await.unwrap().expect("claimed");
        // The pass holding its run writes its batches; another writes nothing.
        let batch = |first: &str| {
            s.prepare_new(vec![input(person(first, "Nicolson", &format!("{first}@example.org"), "+44 1851 700 200"))])
                .unwrap()
        };
        s.insert_import_batch(&ctx(), Some((running, pass)), &batch("iona"), None, &[], "CSV import").await.unwrap();
        let intruder = Some((running, uuid::Uuid::now_v7()));
        let refused = s.insert_import_batch(&ctx(), intruder, &batch("morag"), None, &[], "CSV import").await;
        assert!(matches!(refused, Err(StoreError::Conflict(_))), "{refused:?}");
        assert_eq!(s.count_contacts().await.unwrap(), 1);

        let c = input(person("Ruaridh", "MacLeod", "ruaridh.macleod@example.org", "+44 1851 700 123"));
        s.insert_contacts(&ctx(), std::slice::from_ref(&c), None).await.unwrap();
        s.delete_contact(&ctx(), c.id).await.unwrap();

        for id in [idle, running] {
            let run = s.import_run(id).await.unwrap().unwrap();
            assert_eq!((run.phase.as_str(), run.has_file, run.options.as_str()), (phase::DROPPED, false, ""));
            assert_eq!(s.import_run_file(id).await.unwrap(), None);
        }
        assert!(!s.save_import_progress(running, pass, &Progress::default()).await.unwrap(), "the pass lost its run");
        let late =
            s.insert_import_batch(&ctx(), Some((running, pass)), &batch("ruaridh"), None, &[], "CSV import").await;
        assert!(matches!(late, Err(StoreError::Conflict(_))), "a batch after the drop writes nothing: {late:?}");
        assert_eq!(s.count_contacts().await.unwrap(), 1);
        assert!(s.claim_import_run(&ctx(), running, false, "{}", true, stale).await.unwrap().is_none(), "no resume");
        // Each drop is in the audit trail, without the file's name.
        let drops = s.audit_entries(&AuditQuery { limit: 100, ..Default::default() }).await.unwrap();
        let drops = drops.iter().filter(|e| e.action == "import.drop").count();
        assert_eq!(drops, 2);
        // The retention sweep's disposal is an erasure too.
        let later = uuid::Uuid::now_v7();
        s.insert_import_run(&ctx(), later, None, "later.csv", file, "{}").await.unwrap();
        let iona = s.find_by_email(&kith_domain::Email::parse("iona@example.org").unwrap()).await.unwrap()[0].id;
        let purpose = kith_domain::PurposeId(uuid::Uuid::now_v7());
        let item = [kith_store::retention::Disposal { subject: iona, purpose, anonymise: false }];
        let go =
            kith_store::retention::Recheck { rules: &[], now: time::OffsetDateTime::now_utc(), expired: &|_| true };
        let none = None::<kith_store::retention::RunProgress<'_, fn(&[kith_domain::SubjectId]) -> String>>;
        assert_eq!(s.dispose(&ctx(), &item, &go, none).await.unwrap().gone, vec![iona]);
        let run = s.import_run(later).await.unwrap().unwrap();
        assert_eq!((run.phase.as_str(), run.has_file), (phase::DROPPED, false));
    })
    .await;
}

/// A disposal decides again, on the facts read under the contacts' locks:
/// someone no longer expired is kept, someone held is suspended, and only
/// the rest are erased.
#[tokio::test]
async fn a_disposal_decides_again_under_its_locks() {
    use kith_store::retention::{Disposal, Recheck, RunProgress};
    on_both(|s, _| async move {
        let people = [
            input(person("Aoife", "Byrne", "aoife@example.ie", "+353 1 555 0101")),
            input(person("Cian", "Doyle", "cian@example.ie", "+353 1 555 0102")),
            input(person("Niamh", "Walsh", "niamh@example.ie", "+353 1 555 0103")),
        ];
        s.insert_contacts(&ctx(), &people, None).await.unwrap();
        let (aoife, cian, niamh) = (people[0].id, people[1].id, people[2].id);
        let review = time::OffsetDateTime::now_utc() + time::Duration::days(30);
        s.set_hold(&ctx(), niamh, "case 12", review, None).await.unwrap();
        let purpose = kith_domain::PurposeId(uuid::Uuid::now_v7());
        let items: Vec<Disposal> =
            [aoife, cian, niamh].iter().map(|&subject| Disposal { subject, purpose, anonymise: false }).collect();
        let (rules, now) = ([], time::OffsetDateTime::now_utc());
        let none = || None::<RunProgress<'_, fn(&[kith_domain::SubjectId]) -> String>>;
        // Both changed since the sweep read them: the domain keeps them now.
        let keep = Recheck { rules: &rules, now, expired: &|_| false };
        let done = s.dispose(&ctx(), &items[..2], &keep, none()).await.unwrap();
        assert_eq!((done.gone.len(), done.held, done.kept), (0, 0, 2), "nobody expired any more: both kept");
        assert!(s.get_contact(aoife).await.unwrap().is_some());
        // Expired after all: gone, except Niamh, whose hold suspends it.
        let go = Recheck { rules: &rules, now, expired: &|_| true };
        let done = s.dispose(&ctx(), &items, &go, none()).await.unwrap();
        let mut gone = done.gone.clone();
        gone.sort_by_key(|g| g.0);
        let mut want = vec![aoife, cian];
        want.sort_by_key(|g| g.0);
        assert_eq!(gone, want);
        assert_eq!((done.held, done.kept), (1, 0), "the hold suspends Niamh's disposal");
        assert!(s.get_contact(aoife).await.unwrap().is_none() && s.get_contact(niamh).await.unwrap().is_some());
    })
    .await;
}
