//! `kith import contacts` on a real-looking HubSpot export: the purpose of
//! its lawful-basis column chosen with `--basis-purpose`; companies,
//! bases, the creation date, the lifecycle stage and the language kept;
//! claimed consent without proof counted and tagged to ask again.

use crate::run::{kith, temp_dir};
use kith_domain::{Email, LawfulBasis};
use kith_store::{Store, Vault};

const HUBSPOT: &[u8] = include_bytes!("../../../kith-web/tests/fixtures/hubspot-contacts.csv");

#[tokio::test]
async fn a_hubspot_export_keeps_what_the_old_crm_knew() {
    let dir = temp_dir("crm-import");
    let file = dir.join("hubspot-contacts.csv");
    std::fs::write(&file, HUBSPOT).unwrap();
    let f = file.to_str().unwrap();
    let run = |args: &[&str]| {
        let out = kith(&dir, &[], args);
        let text = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
        (out.status.success(), text)
    };
    let (ok, out) =
        run(&["purpose", "add", "--name", "Sales follow-up", "--description", "Offers", "--default-basis", "contract"]);
    assert!(ok, "{out}");
    // The lawful-basis column needs its purpose.
    let (ok, out) = run(&["import", "contacts", f, "--dry-run"]);
    assert!(!ok && out.contains("holds each person's lawful basis: choose the purpose"), "{out}");
    let (ok, out) = run(&["import", "contacts", f, "--basis-purpose", "Sales follow-up"]);
    assert!(ok, "{out}");
    assert!(out.contains("7 created, 0 updated, 0 skipped, 1 rejected"), "{out}");
    assert!(out.contains("consent claimed without proof — ask again: 2"), "{out}");
    assert!(out.contains("consent-claimed-ask-again"), "{out}");
    assert!(out.contains("line 7: rejected: lawful_basis: the value is not one Kith knows"), "{out}");
    for (header, field) in
        [("Company Name", "company"), ("Create Date", "source_created_at"), ("Preferred language", "language")]
    {
        assert!(out.lines().any(|l| l.contains(header) && l.trim_end().ends_with(field)), "{header}: {out}");
    }
    let vault = Vault::load_or_create(&dir.join("master.key")).unwrap();
    let s = Store::connect(&format!("sqlite:{}", dir.join("kith.db").display()), vault).await.unwrap();
    let one = |email: &'static str| {
        let s = &s;
        async move { s.find_by_email(&Email::parse(email).unwrap()).await.unwrap().remove(0) }
    };
    let (giulia, luca, tom, sara) = (
        one("giulia.bianchi@example.it").await,
        one("luca.ferri@example.it").await,
        one("tom.baker@example.co.uk").await,
        one("sara.conti@example.it").await,
    );
    assert!(giulia.company.is_some() && giulia.company == luca.company && tom.company == sara.company);
    assert_eq!(s.list_companies(None, None, 10).await.unwrap().len(), 3, "Bianchi Tessuti, Acme, Existing Co");
    let basis = |c: &kith_store::contacts::Contact| {
        let s = &s;
        let id = c.id;
        async move { s.bases_of(id).await.unwrap().into_iter().next() }
    };
    let li = basis(&giulia).await.unwrap();
    assert_eq!(li.basis, LawfulBasis::LegitimateInterests);
    assert!(li.lia_ref.unwrap().contains("HubSpot export"));
    assert_eq!(basis(&tom).await.unwrap().basis, LawfulBasis::Contract);
    assert!(basis(&sara).await.is_none(), "consent claimed without proof is no basis");
    assert!(
        sara.tags.contains(&"consent-claimed-ask-again".to_owned())
            && sara.tags.contains(&"lifecycle:subscriber".to_owned())
    );
    assert_eq!(giulia.source.unwrap().created_in_source.unwrap().date().to_string(), "2023-04-12");
    assert_eq!(s.contact_language(giulia.id).await.unwrap().as_deref(), Some("it"));
    s.close().await;
}
