//! Contacts, their interactions and deals, lookups, listing and bulk changes.

use crate::engines::{ctx, on_both};
use crate::fixtures::{add_user, input, person};
use kith_domain::{CompanyId, ContactData, Email, InteractionId, InteractionKind, Phone, SubjectId, UserId};
use kith_store::audit::Verdict;
use kith_store::companies::CompanyInput;
use kith_store::contacts::{ContactFilter, ContactInput, ContactSort};
use kith_store::deals::DealInput;
use kith_store::interactions::InteractionInput;
use kith_store::{Store, StoreError};

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
