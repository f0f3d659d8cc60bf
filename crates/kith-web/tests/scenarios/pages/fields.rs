//! The field policy page and custom fields on the contact page.

use super::contact;
use crate::harness::on_both;
use axum::http::StatusCode;
use kith_app::Principal;
use kith_domain::Role;

/// The field policy page: a field without a purpose is refused with the
/// reason, one with a purpose is added; removing a field shows how many
/// contacts hold it before purging; marketing is kept out.
#[tokio::test]
async fn field_policy_page_adds_and_removes_fields() {
    on_both("field_policy_page_adds_and_removes_fields", |env| async move {
        let dpo = env.sign_in_as(Role::Dpo).await;
        let page = env.get(&dpo, "/privacy/fields").await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(page.body.contains("no purpose named yet"), "{}", page.body);
        let ok = [("name", "Events"), ("description", "Our events"), ("default_basis", "consent")];
        assert_eq!(env.post(&dpo, "/privacy/purposes", &ok).await.location(), "/privacy/setup");
        let purpose = env.app.purposes(&Principal::cli()).await.unwrap()[0].id.to_string();
        let field = |purpose: &str| {
            vec![
                ("key", "shoe_size".to_owned()),
                ("label", "Shoe size".to_owned()),
                ("kind", "number".to_owned()),
                ("category", "preferences".to_owned()),
                ("purpose", purpose.to_owned()),
                ("enabled", "yes".to_owned()),
            ]
        };
        let form = field("");
        let pairs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let bad = env.post(&dpo, "/privacy/fields", &pairs).await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(bad.body.contains("a field no purpose needs cannot be enabled"), "{}", bad.body);
        let form = field(&purpose);
        let pairs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
        assert_eq!(env.post(&dpo, "/privacy/fields", &pairs).await.location(), "/privacy/fields");
        assert!(env.get(&dpo, "/privacy/fields").await.body.contains("custom.shoe_size"));

        contact(&env, "Ada", "Lovelace", None, &[]).await;
        let count = env.post(&dpo, "/privacy/fields/remove", &[("key", "last_name")]).await;
        assert!(count.body.contains("<strong>1</strong> contact(s) hold a value"), "{}", count.body);
        let done = env.post(&dpo, "/privacy/fields/remove", &[("key", "last_name"), ("confirm", "yes")]).await;
        assert!(done.body.contains("Removed last_name: 1 value(s) purged"), "{}", done.body);
        let mk = env.sign_in_as(Role::Marketing).await;
        assert_eq!(env.get(&mk, "/privacy/fields").await.status, StatusCode::FORBIDDEN);
    })
    .await;
}

/// Custom fields on the contact page: an input of its kind for each field
/// the policy allows (special categories only for the privacy roles);
/// values set, shown, refused with a readable message that keeps the
/// input and changes nothing, cleared by emptying; a multiple choice
/// round-trips exactly; a role that cannot see a field cannot wipe it;
/// the page names the policy version the fields were last written under.
#[tokio::test]
async fn custom_fields_are_edited_on_the_contact_page() {
    on_both("custom_fields_are_edited_on_the_contact_page", |env| async move {
        use kith_domain::policy::{FieldCategory, FieldDef, FieldKind, SpecialCategory};
        let dpo = env.sign_in_as(Role::Dpo).await;
        let ok = [("name", "Events"), ("description", "Our events"), ("default_basis", "consent")];
        assert_eq!(env.post(&dpo, "/privacy/purposes", &ok).await.location(), "/privacy/setup");
        let purpose = env.app.purposes(&Principal::cli()).await.unwrap()[0].id;
        let fields = [
            ("custom.member_since", "Member since", FieldKind::Date, vec![], None),
            ("custom.diet", "Diet", FieldKind::Choice, vec!["vegetarian", "vegan", "none"], None),
            ("custom.sizes", "Sizes", FieldKind::MultiChoice, vec!["S", "M", "L"], None),
            (
                "custom.allergies",
                "Allergies",
                FieldKind::Text,
                vec![],
                Some((SpecialCategory::Health, "Catering at our events must avoid allergens.".to_owned())),
            ),
        ];
        for (key, label, kind, choices, special) in fields {
            let def = FieldDef {
                key: key.into(),
                label: label.into(),
                kind: Some(kind),
                category: FieldCategory::Preferences,
                purposes: vec![purpose],
                special,
                choices: choices.into_iter().map(String::from).collect(),
                enabled: true,
            };
            env.app.save_field(&Principal::cli(), def).await.expect("field saved");
        }
        let id = contact(&env, "Ada", "Lovelace", None, &[]).await;
        let page = format!("/contacts/{id}");
        let custom = || async {
            env.app.get_contact(&Principal::cli(), kith_domain::SubjectId(id)).await.unwrap().data.custom.clone()
        };
        let sales = env.sign_in_as(Role::Sales).await;
        let shown = env.get(&sales, &page).await;
        assert!(shown.body.contains("Fields last written under field policy version 5"), "{}", shown.body);
        for needle in [
            "type=\"date\" id=\"custom-member_since\" name=\"custom.member_since\" value=\"\"",
            "<select id=\"custom-diet\" name=\"custom.diet\"",
            "<option value=\"vegan\">vegan</option>",
            "type=\"checkbox\" name=\"custom.sizes\" value=\"M\">",
        ] {
            assert!(shown.body.contains(needle), "{needle} in {}", shown.body);
        }
        assert!(!shown.body.contains("custom.allergies"), "a special category is not shown to sales");

        // Set through the form.
        let r = env
            .post(
                &sales,
                &page,
                &[
                    ("custom.member_since", "2024-02-29"),
                    ("custom.diet", "vegan"),
                    ("custom.sizes", ""),
                    ("custom.sizes", "S"),
                    ("custom.sizes", "L"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let shown = env.get(&sales, &page).await;
        for needle in [
            "<dt>Member since</dt><dd>2024-02-29</dd>",
            "<dt>Diet</dt><dd>vegan</dd>",
            "<dt>Sizes</dt><dd>S, L</dd>",
            "<option value=\"vegan\" selected>",
            "value=\"L\" checked>",
            "name=\"was.member_since\" value=\"2024-02-29\"",
        ] {
            assert!(shown.body.contains(needle), "{needle} in {}", shown.body);
        }
        assert!(shown.body.contains("value=\"M\">"), "M is not ticked");

        // A bad date and an unknown choice: readable messages next to the
        // inputs, the input kept, nothing changed.
        let bad = env
            .post(
                &sales,
                &page,
                &[
                    ("first_name", "Adele"),
                    ("custom.member_since", "2024-02-30"),
                    ("was.member_since", "2024-02-29"),
                    ("custom.diet", "carnivore"),
                    ("was.diet", "vegan"),
                ],
            )
            .await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", bad.body);
        for needle in [
            "Nothing was saved",
            "id=\"custom-member_since-error\">must be a date such as 2026-01-31</span>",
            "value=\"2024-02-30\"",
            "id=\"custom-diet-error\">must be one of: vegetarian, vegan, none</span>",
            "<option value=\"carnivore\" selected>carnivore (no longer a choice)</option>",
            "value=\"Adele\"",
        ] {
            assert!(bad.body.contains(needle), "{needle} in {}", bad.body);
        }
        let c = env.app.get_contact(&Principal::cli(), kith_domain::SubjectId(id)).await.unwrap();
        assert_eq!(c.data.first_name.as_deref(), Some("Ada"), "nothing changed");
        assert_eq!(c.data.custom.get("member_since").map(String::as_str), Some("2024-02-29"));

        // The privacy roles see (and admin, who may also write, edits) the
        // special category; sales, saving the form without it, leaves it
        // alone, and may not empty it.
        let shown = env.get(&dpo, &page).await;
        assert!(shown.body.contains("<dt>Member since</dt>"), "{}", shown.body);
        let admin = env.sign_in_as(Role::Admin).await;
        let shown = env.get(&admin, &page).await;
        assert!(shown.body.contains("name=\"custom.allergies\""), "{}", shown.body);
        assert!(shown.body.contains("(special category: Health)"));
        let r = env.post(&admin, &page, &[("custom.allergies", "peanuts"), ("was.allergies", "")]).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let r = env.post(&sales, &page, &[("first_name", "Ada"), ("custom.diet", "none"), ("was.diet", "vegan")]).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        assert_eq!(custom().await.get("allergies").map(String::as_str), Some("peanuts"));
        let r = env.post(&sales, &page, &[("custom.allergies", "")]).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.body.contains("Allergies: your role may not change special-category fields"), "{}", r.body);
        assert_eq!(custom().await.get("allergies").map(String::as_str), Some("peanuts"));

        // A multiple choice stored in another order (through the API, say)
        // comes back unchanged when the form is saved as shown.
        let patch = kith_app::contacts::ContactPatch {
            custom: Some([("sizes".to_owned(), "L, S".to_owned())].into()),
            ..Default::default()
        };
        env.app.update_contact(&Principal::cli(), kith_domain::SubjectId(id), patch).await.unwrap();
        let shown = env.get(&sales, &page).await;
        assert!(shown.body.contains("name=\"was.sizes\" value=\"L, S\""), "{}", shown.body);
        let as_shown = [("custom.sizes", ""), ("custom.sizes", "S"), ("custom.sizes", "L"), ("was.sizes", "L, S")];
        assert_eq!(env.post(&sales, &page, &as_shown).await.status, StatusCode::SEE_OTHER);
        assert_eq!(custom().await.get("sizes").map(String::as_str), Some("L, S"));

        // Emptying an input removes the value; the others stay.
        let r = env
            .post(
                &sales,
                &page,
                &[("custom.member_since", ""), ("was.member_since", "2024-02-29"), ("custom.sizes", "")],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let now = custom().await;
        assert_eq!(now.get("member_since"), None);
        assert_eq!(now.get("sizes"), None);
        assert_eq!(now.get("diet").map(String::as_str), Some("none"));
        assert!(!env.get(&sales, &page).await.body.contains("<dt>Member since</dt>"));

        // The new-contact form has the same inputs.
        let form = env.get(&sales, "/contacts/new").await;
        assert!(form.body.contains("name=\"custom.member_since\""), "{}", form.body);
        let r = env
            .post(
                &sales,
                "/contacts/new",
                &[("first_name", "Bruno"), ("custom.diet", "vegetarian"), ("custom.member_since", "")],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let created = env.get(&sales, r.location().split('?').next().unwrap()).await;
        assert!(created.body.contains("<dt>Diet</dt><dd>vegetarian</dd>"), "{}", created.body);
        let r = env.post(&sales, "/contacts/new", &[("first_name", "Carla"), ("custom.member_since", "someday")]).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.body.contains("id=\"custom-member_since-error\">must be a date such as 2026-01-31"), "{}", r.body);
    })
    .await;
}
