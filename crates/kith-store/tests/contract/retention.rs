//! The retention sweep's disposal decides again under its locks.

use crate::engines::{ctx, on_both};
use crate::fixtures::{input, person};

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
