//! Contacts, deals, saved views and administration on the staff pages:
//! escaping, field visibility, bulk actions, readable errors.

use super::{contact, save_visibility};
use crate::harness::{on_both, Resp, PASSWORD};
use axum::http::{header, Method, StatusCode};
use kith_app::Principal;
use kith_domain::Role;
use uuid::Uuid;

#[tokio::test]
async fn pages_escape_names_and_send_a_strict_csp() {
    on_both("pages_escape_names_and_send_a_strict_csp", |env| async move {
        let s = env.sign_in_as(Role::Admin).await;
        let id = contact(&env, "<script>alert(1)</script>", "<img src=x onerror=alert(2)>", None, &["<b>"]).await;
        for path in ["/contacts".to_owned(), format!("/contacts/{id}"), format!("/audit?subject={id}")] {
            let r = env.get(&s, &path).await;
            assert_eq!(r.status, StatusCode::OK, "{path}");
            assert!(!r.body.contains("<script>alert"), "{path} holds the raw script");
            assert!(!r.body.contains("<img src=x"), "{path} holds the raw img");
            assert!(!r.body.contains("<b>"), "{path} holds the raw tag");
            if !path.starts_with("/audit") {
                assert!(
                    r.body.contains("&lt;script&gt;alert(1)&lt;/script&gt;") || r.body.contains("&#60;script&#62;"),
                    "{path}"
                );
            }
            let csp = r.headers.get(header::CONTENT_SECURITY_POLICY).unwrap().to_str().unwrap();
            assert!(csp.contains("script-src 'self'") && csp.contains("default-src 'none'") && !csp.contains("unsafe"));
            assert_eq!(r.headers.get(header::X_FRAME_OPTIONS).unwrap(), "DENY");
        }
    })
    .await;
}

#[tokio::test]
async fn marketing_sees_no_phone_number_anywhere() {
    on_both("marketing_sees_no_phone_number_anywhere", |env| async move {
        let id = contact(&env, "Ilaria", "Fontanarosa", Some("+39 06 5550 1234"), &[]).await;
        let admin = env.sign_in_as(Role::Admin).await;
        let seen = env.get(&admin, &format!("/contacts/{id}")).await;
        assert!(seen.body.contains("+39 06 5550 1234"), "admin sees the phone");
        let m = env.sign_in_as(Role::Marketing).await;
        for path in
            [format!("/contacts/{id}"), "/contacts?cols=phone&cols=email".to_owned(), format!("/contacts/{id}#edit")]
        {
            let r = env.get(&m, &path).await;
            assert_eq!(r.status, StatusCode::OK);
            assert!(r.body.contains("Fontanarosa"));
            // (`value="phone"` of the column chooser; a request's "phone call" channel is not a phone number.)
            for needle in ["5550 1234", "55501234", "name=\"phones\"", ">Phone<", "name=\"cols\" value=\"phone\""] {
                assert!(!r.body.contains(needle), "{path} shows {needle}");
            }
        }
        // Saving the edit form as marketing leaves the hidden phone alone.
        let r = env
            .post(&m, &format!("/contacts/{id}"), &[("first_name", "Ilaria"), ("last_name", "Fontanarosa-Bruni")])
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let c = env.app.get_contact(&Principal::cli(), kith_domain::SubjectId(id)).await.unwrap();
        assert_eq!(c.data.phones.len(), 1);
        assert_eq!(c.data.last_name.as_deref(), Some("Fontanarosa-Bruni"));
    })
    .await;
}

#[tokio::test]
async fn create_find_edit_and_note_a_contact() {
    on_both("create_find_edit_and_note_a_contact", |env| async move {
        let s = env.sign_in_as(Role::Sales).await;
        let r = env
            .post(
                &s,
                "/contacts/new",
                &[("first_name", "Niccolò"), ("last_name", "Bellè"), ("emails", "niccolo.belle@example.it")],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let page = r.location().split('?').next().unwrap().to_owned();
        // Search by name prefix, without accents and in another case: a POST.
        let found = env.post(&s, "/contacts", &[("q", "NICC")]).await;
        assert_eq!(found.status, StatusCode::OK);
        assert!(found.body.contains(&format!("href=\"{page}\"")), "prefix search finds the contact");
        // A search text in the address is ignored (never used, never echoed).
        let r = env.get(&s, "/contacts?q=Zzzz").await;
        assert!(!r.body.contains("Zzzz"));
        // Invalid email: 422, the error next to the field, nothing changed.
        let bad = env.post(&s, &page, &[("first_name", "Niccolò"), ("emails", "not-an-email")]).await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(bad.body.contains("id=\"emails-error\""));
        assert!(bad.body.contains("Nothing was saved"));
        let id = Uuid::parse_str(page.trim_start_matches("/contacts/")).unwrap();
        let c = env.app.get_contact(&Principal::cli(), kith_domain::SubjectId(id)).await.unwrap();
        assert_eq!(c.data.emails[0].as_str(), "niccolo.belle@example.it");
        // Quick-add a call; it shows in the timeline.
        let r = env
            .post(
                &s,
                &format!("{page}/interactions"),
                &[("kind", "call"), ("body", "Chiamata: interessato all'offerta")],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        let shown = env.get(&s, &page).await;
        assert!(
            shown.body.contains("Chiamata: interessato all&#39;offerta")
                || shown.body.contains("Chiamata: interessato all&#x27;offerta")
        );
        // An empty note is refused next to its field.
        let r = env.post(&s, &format!("{page}/interactions"), &[("kind", "note"), ("body", "  ")]).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.body.contains("id=\"body-error\""));
        // The privacy panel is there, waiting for its badges.
        assert!(shown.body.contains("id=\"privacy\""));
    })
    .await;
}

#[tokio::test]
async fn bulk_actions_state_the_count_and_change_exactly_the_selection() {
    on_both("bulk_actions_state_the_count_and_change_exactly_the_selection", |env| async move {
        let s = env.sign_in_as(Role::Sales).await;
        let a = contact(&env, "Anna", "Uno", None, &["prospect"]).await;
        let b = contact(&env, "Bruno", "Due", None, &["prospect"]).await;
        let c = contact(&env, "Carla", "Tre", None, &[]).await;
        let ids = [("ids", a.to_string()), ("ids", b.to_string())];
        let mut fields: Vec<(&str, &str)> =
            vec![("scope", "selected"), ("action", "add_tag"), ("tag", "VIP"), ("filter", ""), ("q", "")];
        fields.extend(ids.iter().map(|(k, v)| (*k, v.as_str())));
        let preview = env.post(&s, "/contacts/bulk", &fields).await;
        assert_eq!(preview.status, StatusCode::OK);
        assert!(preview.body.contains("<strong>2</strong> contacts"), "{}", preview.body);
        let tags = |id| {
            let app = env.app.clone();
            async move { app.get_contact(&Principal::cli(), kith_domain::SubjectId(id)).await.unwrap().tags }
        };
        assert!(!tags(a).await.contains(&"vip".to_owned()), "preview changes nothing");
        let done = env.post(&s, "/contacts/bulk/apply", &fields).await;
        assert_eq!(done.status, StatusCode::SEE_OTHER);
        assert!(done.location().contains("notice=bulk&n=2"), "{}", done.location());
        assert!(tags(a).await.contains(&"vip".to_owned()) && tags(b).await.contains(&"vip".to_owned()));
        assert!(!tags(c).await.contains(&"vip".to_owned()));
        // All matching a filter: the tag filter selects a and b.
        let all =
            [("scope", "all"), ("action", "remove_tag"), ("tag", "prospect"), ("filter", "tag=prospect"), ("q", "")];
        let preview = env.post(&s, "/contacts/bulk", &all).await;
        assert!(preview.body.contains("<strong>2</strong> contacts"));
        env.post(&s, "/contacts/bulk/apply", &all).await;
        assert!(!tags(a).await.contains(&"prospect".to_owned()) && !tags(b).await.contains(&"prospect".to_owned()));
        // Assign an owner to everything matching a name search.
        let owner = env.app.staff_directory(&Principal::cli()).await.unwrap()[0].0.to_string();
        let by_name =
            [("scope", "all"), ("action", "assign_owner"), ("owner", owner.as_str()), ("filter", ""), ("q", "carl")];
        let preview = env.post(&s, "/contacts/bulk", &by_name).await;
        assert!(preview.body.contains("<strong>1</strong> contact."), "{}", preview.body);
        // Readonly staff cannot.
        let ro = env.sign_in_as(Role::Readonly).await;
        let r = env.post(&ro, "/contacts/bulk", &fields).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN);
    })
    .await;
}

#[tokio::test]
async fn saved_views_keep_filters_but_never_search_text() {
    on_both("saved_views_keep_filters_but_never_search_text", |env| async move {
        let s = env.sign_in_as(Role::Sales).await;
        let r = env
            .post(&s, "/contacts/views", &[("name", "Prospects"), ("filter", "tag=prospect&cols=phone&q=Rossi")])
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        let list = env.get(&s, "/contacts").await;
        assert!(list.body.contains("href=\"/contacts?tag=prospect&#38;cols=phone\">Prospects</a>"), "{}", list.body);
        assert!(!list.body.contains("Rossi"));
        // Another user does not see it.
        let other = env.sign_in_as(Role::Sales).await;
        assert!(!env.get(&other, "/contacts").await.body.contains("Prospects"));
    })
    .await;
}

#[tokio::test]
async fn deals_move_across_stages_through_plain_forms() {
    on_both("deals_move_across_stages_through_plain_forms", |env| async move {
        let s = env.sign_in_as(Role::Sales).await;
        let r = env
            .post(
                &s,
                "/deals",
                &[("title", "Fornitura caffè"), ("stage", "lead"), ("amount", "12,500.50"), ("currency", "EUR")],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let deal = r.location().to_owned();
        for stage in ["qualified", "won"] {
            let r = env.post(&s, &format!("{deal}/move"), &[("stage", stage), ("back", "board")]).await;
            assert_eq!(r.location(), "/deals?notice=moved");
        }
        let page = env.get(&s, &deal).await;
        assert!(page.body.contains("<dd id=\"deal-stage\">Won</dd>"));
        assert!(page.body.contains("Lead → Qualified") && page.body.contains("Qualified → Won"));
        let list = env.get(&s, "/deals/list").await;
        assert!(list.body.contains("€12,500.50"));
        // A stage that does not exist is refused and changes nothing.
        let r = env.post(&s, &format!("{deal}/move"), &[("stage", "heaven")]).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        // A bad amount is shown next to its field.
        let r = env.post(&s, "/deals", &[("title", "X"), ("amount", "12.345")]).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.body.contains("must be an amount"));
    })
    .await;
}

#[tokio::test]
async fn audit_and_admin_pages_are_for_their_roles() {
    on_both("audit_and_admin_pages_are_for_their_roles", |env| async move {
        let sales = env.sign_in_as(Role::Sales).await;
        for path in ["/audit", "/admin/users", "/admin/fields", "/admin/tokens"] {
            let r = env.get(&sales, path).await;
            assert_eq!(r.status, StatusCode::FORBIDDEN, "{path}");
            assert!(r.body.contains("Not allowed"));
        }
        let dpo = env.sign_in_as(Role::Dpo).await;
        let audit = env.get(&dpo, "/audit").await;
        assert_eq!(audit.status, StatusCode::OK);
        assert!(audit.body.contains("session.start"));
        let v = env.post(&dpo, "/audit/verify", &[]).await;
        assert!(v.body.contains("The chain is intact"), "{}", v.body);
        assert_eq!(env.get(&dpo, "/admin/users").await.status, StatusCode::FORBIDDEN);
    })
    .await;
}

#[tokio::test]
async fn admin_creates_a_token_shown_once_and_changes_visibility() {
    on_both("admin_creates_a_token_shown_once_and_changes_visibility", |env| async move {
        let admin = env.sign_in_as(Role::Admin).await;
        let users = env.app.staff_directory(&Principal::cli()).await.unwrap();
        let uid = users[0].0.to_string();
        let r = env.post(&admin, "/admin/tokens", &[("user", uid.as_str()), ("name", "newsletter sync")]).await;
        assert_eq!(r.status, StatusCode::OK);
        let at = r.body.find("id=\"new-token\">").expect("token shown") + 15;
        let token = r.body[at..].split('<').next().unwrap().to_owned();
        assert!(token.starts_with("kith_"));
        assert!(!env.get(&admin, "/admin/tokens").await.body.contains(&token), "shown only once");
        assert!(env.app.authenticate(&token, "t".into()).await.is_ok());
        // Field matrix: hide emails from support.
        let r = save_visibility(&env, &admin, (Role::Support, kith_domain::Field::Emails)).await;
        assert!(r.body.contains("Saved: 1 change."), "{}", r.body);
        let hidden = env.app.field_visibility_matrix(&Principal::cli()).await.unwrap();
        assert!(!hidden.visible(Role::Support, kith_domain::Field::Emails));
        // Add a user; a duplicate email is shown next to the field.
        let r = env
            .post(
                &admin,
                "/admin/users",
                &[("email", "new.colleague@example.com"), ("role", "support"), ("password", PASSWORD)],
            )
            .await;
        assert!(r.body.contains("User added."));
        let r = env
            .post(
                &admin,
                "/admin/users",
                &[("email", "new.colleague@example.com"), ("role", "support"), ("password", PASSWORD)],
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.body.contains("already exists"));
    })
    .await;
}

#[tokio::test]
async fn bad_input_gets_a_readable_page_never_a_500() {
    on_both("bad_input_gets_a_readable_page_never_a_500", |env| async move {
        let s = env.sign_in_as(Role::Admin).await;
        let cases: Vec<Resp> = vec![
            env.get(&s, "/contacts/not-a-uuid").await,
            env.get(&s, &format!("/contacts/{}", Uuid::now_v7())).await,
            env.get(&s, "/contacts?owner=nope&created_from=31-01-2026").await,
            env.get(&s, "/contacts?cursor=garbage").await,
            env.get(&s, "/nowhere").await,
            env.post(&s, "/contacts/new", &[("last_name", "a\0b")]).await,
            env.send(Method::POST, "/contacts/new", Some(&s.cookie), Some("%%%".into())).await,
            env.get(&s, "/deals/list?cursor=%FF").await,
            env.get(&s, "/audit?subject=123").await,
            env.get(&s, "/contacts/bulk").await,
            env.get(&s, "/logout").await,
        ];
        for r in cases {
            assert!(r.status.is_client_error(), "{} {}", r.status, r.body);
            assert!(r.body.contains("<html"), "an HTML page: {}", r.body);
            assert!(!r.body.contains("panicked"));
        }
        let filters = env.get(&s, "/contacts?owner=nope&created_from=31-01-2026").await;
        assert!(filters.body.contains("must be a date such as 2026-01-31"));
        let stale = env.get(&s, "/contacts?cursor=garbage").await;
        assert!(stale.body.contains("This page link is out of date"), "the reason is shown");
        // A bulk action that cannot succeed is refused before its confirmation.
        let bad_tag = [("scope", "all"), ("action", "add_tag"), ("tag", " "), ("filter", ""), ("q", "")];
        let r = env.post(&s, "/contacts/bulk", &bad_tag).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.body.contains("must be 1 to 50 characters"));
        // Amounts too large to add up are refused, and the board still renders.
        let r = env.post(&s, "/deals", &[("title", "Troppo"), ("amount", "99999999999999")]).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.body.contains("at most 10^15"));
        assert_eq!(env.get(&s, "/deals").await.status, StatusCode::OK);
    })
    .await;
}

#[tokio::test]
async fn double_submits_create_one_record() {
    on_both("double_submits_create_one_record", |env| async move {
        let s = env.sign_in_as(Role::Sales).await;
        let form = env.get(&s, "/contacts/new").await;
        let at = form.body.find("name=\"idem\" value=\"").expect("an idempotency token") + 19;
        let idem = form.body[at..].split('"').next().unwrap().to_owned();
        let before = env.app.store().count_contacts().await.unwrap();
        let first = env.post(&s, "/contacts/new", &[("idem", &idem), ("last_name", "Doppio")]).await;
        let again = env.post(&s, "/contacts/new", &[("idem", &idem), ("last_name", "Doppio")]).await;
        assert_eq!(first.location(), again.location(), "the second submit lands on the same contact");
        assert_eq!(env.app.store().count_contacts().await.unwrap(), before + 1);
        // A role that may not read interaction texts gets no quick-add box and
        // cannot write one either.
        let admin = env.sign_in_as(Role::Admin).await;
        save_visibility(&env, &admin, (Role::Sales, kith_domain::Field::InteractionBodies)).await;
        let page = first.location().split('?').next().unwrap().to_owned();
        let shown = env.get(&s, &page).await;
        assert!(!shown.body.contains("Add to the timeline"), "no quick-add");
        let r = env.post(&s, &format!("{page}/interactions"), &[("kind", "note"), ("body", "blind")]).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    })
    .await;
}

#[tokio::test]
async fn empty_states_say_what_to_do_next() {
    on_both("empty_states_say_what_to_do_next", |env| async move {
        let s = env.sign_in_as(Role::Sales).await;
        let empty = env.get(&s, "/contacts").await.body;
        assert!(empty.contains("No contacts yet") && empty.contains("an admin or the DPO imports files"), "{empty}");
        let dpo = env.sign_in_as(Role::Dpo).await;
        assert!(env.get(&dpo, "/contacts").await.body.contains("<a href=\"/import\">Import contacts</a>"));
        assert!(env.get(&s, "/companies").await.body.contains("No companies yet"));
        assert!(env.get(&s, "/contacts?tag=none").await.body.contains("No contacts match"));
    })
    .await;
}
