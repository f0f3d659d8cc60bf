//! A HubSpot contacts export imported as a new user would: the company
//! found or created and linked, each person's lawful basis from HubSpot's
//! own column for the purpose chosen at import (a claimed consent without
//! proof is no basis, counted and listed to be asked again), the original
//! creation date in the provenance, the lifecycle stage as a tag and the
//! language kept. Zoho's and Salesforce's spellings too. All data fictitious.

use crate::harness::{on_both, Browser, TestApp};
use axum::http::StatusCode;
use kith_app::import::{ImportOptions, ASK_AGAIN_TAG};
use kith_app::Principal;
use kith_domain::{CompanyId, Email, LawfulBasis, PurposeId, Role};
use kith_store::companies::CompanyInput;
use kith_store::contacts::Contact;

/// A real-looking HubSpot export: its own header names and values.
pub const HUBSPOT: &str = include_str!("../../fixtures/hubspot-contacts.csv");

async fn purpose(env: &TestApp, s: &Browser, name: &str) -> PurposeId {
    let ok = [("name", name), ("description", "Selling to customers"), ("default_basis", "contract")];
    assert_eq!(env.post(s, "/privacy/purposes", &ok).await.status, StatusCode::SEE_OTHER);
    env.app.purposes(&Principal::cli()).await.unwrap().into_iter().find(|p| p.name == name).unwrap().id
}

async fn contact(env: &TestApp, email: &str) -> Contact {
    let found = env.store.find_by_email(&Email::parse(email).unwrap()).await.unwrap();
    assert_eq!(found.len(), 1, "{email}");
    found.into_iter().next().unwrap()
}

async fn basis(env: &TestApp, c: &Contact, purpose: PurposeId) -> Option<kith_store::consent::BasisRecord> {
    env.store.bases_of(c.id).await.unwrap().into_iter().find(|b| b.purpose == purpose)
}

/// What the HubSpot fixture must leave, whatever face imported it.
pub(crate) async fn assert_hubspot_imported(env: &TestApp, sales: PurposeId, existing: CompanyId) {
    let giulia = contact(env, "giulia.bianchi@example.it").await;
    let luca = contact(env, "luca.ferri@example.it").await;
    let tom = contact(env, "tom.baker@example.co.uk").await;
    let sara = contact(env, "sara.conti@example.it").await;
    let ken = contact(env, "ken.watanabe@example.com").await;
    let lena = contact(env, "lena.vogel@example.de").await;
    let marta = contact(env, "marta.rossi@example.it").await;
    assert!(env.store.find_by_email(&Email::parse("piotr.nowak@example.pl").unwrap()).await.unwrap().is_empty());
    // Companies: found whatever the case, created once for two people.
    assert_eq!(ken.company, Some(existing), "the company already in Kith is linked");
    assert!(giulia.company.is_some() && giulia.company == luca.company, "S.r.l. and S.R.L. are one company");
    assert!(tom.company.is_some() && tom.company == sara.company, "Acme Ltd and ACME LTD are one company");
    assert_ne!(giulia.company, tom.company);
    assert_eq!(lena.company, None);
    let companies = env.store.list_companies(None, None, 100).await.unwrap();
    assert_eq!(companies.len(), 3, "{companies:?}");
    assert!(companies.iter().any(|c| c.name == "Acme Ltd"), "created with the name as first written");
    // Bases for the purpose chosen at import.
    let li = basis(env, &giulia, sales).await.expect("legitimate interests");
    assert_eq!(li.basis, LawfulBasis::LegitimateInterests);
    assert!(li.lia_ref.as_deref().unwrap_or_default().contains("HubSpot export"), "{:?}", li.lia_ref);
    assert!(li.source_name.as_deref().unwrap_or_default().contains("HubSpot export"), "{:?}", li.source_name);
    assert_eq!(basis(env, &ken, sales).await.map(|b| b.basis), Some(LawfulBasis::LegitimateInterests));
    assert_eq!(basis(env, &tom, sales).await.map(|b| b.basis), Some(LawfulBasis::Contract));
    for (who, c) in
        [("lena (not applicable)", &lena), ("sara (consent claimed)", &sara), ("marta", &marta), ("luca", &luca)]
    {
        assert!(basis(env, c, sales).await.is_none(), "{who} has no basis");
    }
    // Consent claimed without proof: the segment to ask again.
    for c in [&sara, &marta] {
        assert!(c.tags.contains(&ASK_AGAIN_TAG.to_owned()), "{:?}", c.tags);
    }
    assert!(!giulia.tags.contains(&ASK_AGAIN_TAG.to_owned()));
    // Lifecycle stage as a tag, the creation date in the provenance, the language kept.
    assert!(giulia.tags.contains(&"lifecycle:lead".to_owned()) && tom.tags.contains(&"lifecycle:customer".to_owned()));
    let source = giulia.source.expect("provenance");
    let created = source.created_in_source.expect("the export's create date");
    assert_eq!((created.date().to_string(), created.hour(), created.minute()), ("2023-04-12".into(), 9, 31));
    assert!(source.describe().contains("created in the source on 2023-04-12"), "{}", source.describe());
    assert_eq!(env.store.contact_language(giulia.id).await.unwrap().as_deref(), Some("it"));
    assert_eq!(env.store.contact_language(tom.id).await.unwrap().as_deref(), Some("en"));
    assert_eq!(env.store.contact_language(luca.id).await.unwrap().as_deref(), Some("it"), "Italian - Italy");
    assert_eq!(env.store.contact_language(marta.id).await.unwrap(), None);
}

/// A company already in Kith, named in capitals.
pub(crate) async fn existing_company(env: &TestApp) -> CompanyId {
    let id = CompanyId::new();
    let c = CompanyInput { id, name: "EXISTING CO".into(), domain: None, address: None, industry: None };
    env.store
        .insert_company(
            &kith_store::Ctx { actor: "user:test".into(), request_id: "req-1".into(), token: None },
            &c,
            None,
        )
        .await
        .unwrap();
    id
}

async fn settled(env: &TestApp, s: &Browser, path: &str) -> String {
    for _ in 0..200 {
        let page = env.get(s, path).await;
        if !page.body.contains("http-equiv=\"refresh\"") {
            return page.body;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    panic!("the import did not finish");
}

#[tokio::test]
async fn a_hubspot_export_keeps_company_basis_date_stage_and_language_through_the_page() {
    on_both("a_hubspot_export_keeps_company_basis_date_stage_and_language_through_the_page", |env| async move {
        let dpo = env.sign_in_as(Role::Dpo).await;
        let sales = purpose(&env, &dpo, "Sales follow-up").await;
        let existing = existing_company(&env).await;
        let run = env.app.upload_import(&Principal::cli(), "hubspot-contacts.csv", HUBSPOT.as_bytes()).await.unwrap();
        let path = format!("/import/{run}");
        let page = env.get(&dpo, &path).await.body;
        for chosen in ["company", "source_created_at", "lifecycle_stage", "lawful_basis", "language"] {
            assert!(page.contains(&format!("<option value=\"{chosen}\" selected>")), "{chosen} recognised: {page}");
        }
        let cols: Vec<String> =
            kith_app::import_runs::RunOptions::of(&env.store.import_run(run).await.unwrap().unwrap())
                .mapping
                .into_iter()
                .map(|(_, t)| t.unwrap_or_default())
                .collect();
        let mut form: Vec<(&str, &str)> = cols.iter().map(|c| ("col", c.as_str())).collect();
        // The lawful-basis column needs its purpose: refused before anything starts.
        form.push(("mode", "check"));
        let r = env.post(&dpo, &path, &form).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
        assert!(r.body.contains("holds each person&#39;s lawful basis: choose the purpose"), "{}", r.body);
        let sales_id = sales.to_string();
        form.push(("basis_purpose", sales_id.as_str()));
        assert_eq!(env.post(&dpo, &path, &form).await.status, StatusCode::SEE_OTHER);
        let body = settled(&env, &dpo, &path).await;
        assert!(body.contains("7 would be created, 0 would be updated, 0 skipped, 1 rejected"), "{body}");
        assert!(body.contains("Consent claimed without proof — ask again: 2"), "{body}");
        assert!(
            body.contains("<td class=\"num\">7</td><td>rejected</td><td>lawful_basis: the value is not one Kith knows"),
            "{body}"
        );
        assert!(!body.contains("Because we said so"), "a reason repeats no value");
        assert_eq!(env.store.list_companies(None, None, 100).await.unwrap().len(), 1, "a check creates no company");
        form.retain(|(k, _)| *k != "mode");
        form.push(("mode", "import"));
        assert_eq!(env.post(&dpo, &path, &form).await.status, StatusCode::SEE_OTHER);
        let body = settled(&env, &dpo, &path).await;
        assert!(body.contains("7 created, 0 updated, 0 skipped, 1 rejected"), "{body}");
        assert!(body.contains("Consent claimed without proof — ask again: 2"), "{body}");
        let link = format!("href=\"/contacts?tag={ASK_AGAIN_TAG}\"");
        assert!(body.contains(&link), "{body}");
        assert_eq!(env.store.import_run(run).await.unwrap().unwrap().progress.consent_claimed, 2);
        assert_hubspot_imported(&env, sales, existing).await;
        // The link lists exactly those people.
        let list = env.get(&dpo, &format!("/contacts?tag={ASK_AGAIN_TAG}")).await.body;
        assert!(
            list.contains(">Sara Conti<") && list.contains(">Marta Rossi<") && !list.contains(">Giulia Bianchi<"),
            "{list}"
        );
    })
    .await;
}

async fn import(env: &TestApp, csv: &str, purpose: PurposeId) -> kith_app::import::ImportReport {
    let opts = ImportOptions { file_name: "export.csv".into(), basis_purpose: Some(purpose), ..Default::default() };
    env.app.import_contacts(&Principal::cli(), csv.as_bytes(), &opts, |_, _| {}).await.unwrap()
}

#[tokio::test]
async fn zoho_and_salesforce_spellings_map_to_bases_and_unknown_values_are_not_guessed() {
    on_both("zoho_and_salesforce_spellings_map_to_bases_and_unknown_values_are_not_guessed", |env| async move {
        let dpo = env.sign_in_as(Role::Dpo).await;
        let support = purpose(&env, &dpo, "Support").await;
        let zoho = "First Name,Last Name,Email,Account Name,Created Time,Data Processing Basis,Language\n\
                    Ada,Lovelace,ada@example.org,Engines Ltd,2022-03-01 10:00:00,Legitimate Interests,English\n\
                    Carl,Gauss,carl@example.org,,2022-03-02,Contract,de\n\
                    Emmy,Noether,emmy@example.org,,,Legal Obligation,\n\
                    Sofia,Kovalevskaya,sofia@example.org,,,Consent - Obtained,\n\
                    Alan,Turing,alan@example.org,,,Maybe later,\n";
        let r = import(&env, zoho, support).await;
        assert_eq!((r.created, r.rejected, r.consent_claimed), (4, 1, 1));
        let b = |email: &'static str| {
            let env = &env;
            async move { basis(env, &contact(env, email).await, support).await }
        };
        let ada = b("ada@example.org").await.unwrap();
        assert_eq!(ada.basis, LawfulBasis::LegitimateInterests);
        assert!(ada.lia_ref.unwrap().contains("Zoho export"));
        assert_eq!(b("carl@example.org").await.unwrap().basis, LawfulBasis::Contract);
        assert_eq!(b("emmy@example.org").await.unwrap().basis, LawfulBasis::LegalObligation);
        assert!(b("sofia@example.org").await.is_none());
        let salesforce = "FirstName,LastName,Email,Legal Basis,CreatedDate\n\
                          Grace,Hopper,grace@example.org,Legitimate Interest,2021-07-01T08:00:00Z\n\
                          Hedy,Lamarr,hedy@example.org,Consent,2021-07-02T08:00:00Z\n";
        let r = import(&env, salesforce, support).await;
        assert_eq!((r.created, r.consent_claimed), (2, 1));
        assert!(b("grace@example.org").await.unwrap().lia_ref.unwrap().contains("Salesforce export"));
        // A lawful-basis column without the purpose it is for is refused.
        let opts = ImportOptions { file_name: "x.csv".into(), ..Default::default() };
        let err = env.app.import_contacts(&Principal::cli(), salesforce.as_bytes(), &opts, |_, _| {}).await;
        assert!(format!("{err:?}").contains("basis_purpose"), "{err:?}");
    })
    .await;
}
