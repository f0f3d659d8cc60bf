//! Privacy work on the staff pages: bases, consent forms and purposes,
//! restriction and objections, requests, export files, retention.

use super::contact;
use crate::harness::on_both;
use axum::http::{header, Method, StatusCode};
use kith_app::Principal;
use kith_domain::Role;
use uuid::Uuid;

#[tokio::test]
async fn privacy_setup_bulk_basis_consent_requests_and_badges() {
    on_both("privacy_setup_bulk_basis_consent_requests_and_badges", |env| async move {
        use kith_domain::{Channel, LawfulBasis, PurposeId};
        let dpo = env.sign_in_as(Role::Dpo).await;
        // Setup through the pages: a purpose, a notice; refusals re-show the page.
        let r = env
            .post(&dpo, "/privacy/purposes", &[("name", ""), ("description", "x"), ("default_basis", "consent")])
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.body.contains("name: must be 1 to 100 characters"), "{}", r.body);
        let ok = [
            ("name", "Newsletter"),
            ("description", "Monthly news"),
            ("default_basis", "consent"),
            ("categories", "contact"),
        ];
        assert_eq!(env.post(&dpo, "/privacy/purposes", &ok).await.location(), "/privacy/setup");
        let dup = env.post(&dpo, "/privacy/purposes", &ok).await;
        assert_eq!(dup.status, StatusCode::CONFLICT, "{}", dup.body);
        let notice = [("name", "Privacy notice"), ("language", "en"), ("url", ""), ("body", "We write monthly.")];
        assert_eq!(env.post(&dpo, "/privacy/notices", &notice).await.location(), "/privacy/setup");
        let purpose = env.app.purposes(&Principal::cli()).await.unwrap()[0].id;
        let notice_id = env.app.notices(&Principal::cli()).await.unwrap()[0].id;
        // Marketing may not set up consent.
        let mk = env.sign_in_as(Role::Marketing).await;
        assert_eq!(env.get(&mk, "/privacy/setup").await.status, StatusCode::FORBIDDEN);
        assert_eq!(env.get(&mk, "/outbox").await.status, StatusCode::FORBIDDEN);

        // Bulk "Set lawful basis" on a tag filter: preview counts, changes nothing; apply records.
        let a = contact(&env, "Anna", "Uno", None, &["club"]).await;
        let b = contact(&env, "Bruno", "Due", None, &["club"]).await;
        let c = contact(&env, "Carla", "Tre", None, &[]).await;
        let pid = purpose.to_string();
        let basis = [
            ("scope", "all"),
            ("action", "set_basis"),
            ("filter", "tag=club"),
            ("q", ""),
            ("purpose", pid.as_str()),
            ("basis", "legitimate_interests"),
            ("source", "manual"),
            ("lia_ref", "LIA-2026-01"),
            ("effective", "2026-01-31"),
        ];
        let preview = env.post(&mk, "/contacts/bulk", &basis).await;
        assert!(preview.body.contains("<strong>2</strong> contacts"), "{}", preview.body);
        let standing = |id: Uuid| {
            let app = env.app.clone();
            async move {
                app.permissions(&Principal::cli(), kith_domain::SubjectId(id), time::OffsetDateTime::now_utc())
                    .await
                    .unwrap()
                    .remove(0)
            }
        };
        assert!(standing(a).await.basis.is_none(), "the preview changed nothing");
        let done = env.post(&mk, "/contacts/bulk/apply", &basis).await;
        assert!(done.location().contains("notice=bulk&n=2"), "{}", done.location());
        let s = standing(a).await;
        assert_eq!(s.basis.as_ref().map(|b| b.basis), Some(LawfulBasis::LegitimateInterests));
        assert_eq!(s.basis.unwrap().effective_at.date().to_string(), "2026-01-31");
        assert!(standing(b).await.basis.is_some() && standing(c).await.basis.is_none());
        // Without the assessment reference, legitimate interests are refused.
        let mut no_lia = basis.to_vec();
        no_lia.retain(|(k, _)| *k != "lia_ref");
        assert_eq!(env.post(&mk, "/contacts/bulk", &no_lia).await.status, StatusCode::UNPROCESSABLE_ENTITY);

        // Bulk "Request consent" on ticked rows: a and c get a request by mail.
        let nid = notice_id.to_string();
        let (sa, sc) = (a.to_string(), c.to_string());
        let req = [
            ("scope", "selected"),
            ("ids", sa.as_str()),
            ("ids", sc.as_str()),
            ("action", "request_consent"),
            ("filter", ""),
            ("q", ""),
            ("purpose", pid.as_str()),
            ("notice", nid.as_str()),
            ("mail_subject", "May we keep writing?"),
            ("mail_body", "Line one.\nLine two."),
            ("wait_days", "14"),
        ];
        let preview = env.post(&mk, "/contacts/bulk", &req).await;
        assert!(preview.body.contains("Send to 2 contacts"), "{}", preview.body);
        let done = env.post(&mk, "/contacts/bulk/apply", &req).await;
        assert!(done.location().contains("notice=requested&n=2"), "{}", done.location());
        assert_eq!(env.app.campaigns(&Principal::cli()).await.unwrap()[0].requested, 2);

        // The contact page shows the request as a badge; the privacy page counts it.
        let page = env.get(&mk, &format!("/contacts/{a}")).await;
        assert!(page.body.contains("class=\"badge wait\">Email: Newsletter — awaiting since"), "{}", page.body);
        assert!(page.body.contains("Legitimate interests"));
        let overview = env.get(&mk, "/privacy").await;
        assert_eq!(overview.status, StatusCode::OK);
        assert!(overview.body.contains("<h2>Newsletter</h2>"));

        // Staff record consent given by phone with its evidence; the badge turns ✓.
        let by_phone = [
            ("purpose", pid.as_str()),
            ("action", "given"),
            ("method", "phone"),
            ("channel", "email"),
            ("affirmative_act", "said yes when asked on the phone"),
            ("evidence_ref", "call-2026-0042"),
        ];
        let missing = env.post(&mk, &format!("/contacts/{c}/consent"), &by_phone[..5]).await;
        assert_eq!(missing.status, StatusCode::UNPROCESSABLE_ENTITY, "no evidence, no consent");
        assert_eq!(env.post(&mk, &format!("/contacts/{c}/consent"), &by_phone).await.status, StatusCode::SEE_OTHER);
        let d = env.app.may_contact(
            kith_domain::SubjectId(c),
            Channel::Email,
            PurposeId(purpose.0),
            time::OffsetDateTime::now_utc(),
        );
        // Carla had no basis recorded: her consent became the basis.
        assert!(d.await.unwrap().allowed);
        assert_eq!(standing(c).await.basis.map(|b| b.basis), Some(LawfulBasis::Consent));
        // Setting another basis by hand works too, and an opt-out still wins over it.
        let set = [("purpose", pid.as_str()), ("basis", "contract"), ("lia_ref", "")];
        assert_eq!(env.post(&mk, &format!("/contacts/{c}/basis"), &set).await.status, StatusCode::SEE_OTHER);
        assert_eq!(standing(c).await.basis.map(|b| b.basis), Some(LawfulBasis::Contract));
        let page = env.get(&mk, &format!("/contacts/{c}")).await;
        assert!(page.body.contains("class=\"badge ok\">Email: Newsletter ✓"), "{}", page.body);
        // The history lists the event (without its proof) with a receipt link that downloads the signed receipt.
        assert!(page.body.contains("Newsletter: Given (Email; Phone)"), "{}", page.body);
        assert!(!page.body.contains("call-2026-0042"), "proof is not shown on the page");
        let at = page.body.find(&format!("/contacts/{c}/receipts/")).expect("a receipt link");
        let link: String = page.body[at..].split('"').next().unwrap().to_owned();
        let receipt = env.get(&mk, &link).await;
        assert_eq!(receipt.status, StatusCode::OK);
        assert!(
            receipt.body.contains("\"version\":\"KI-CR-v1.1.0\"") && receipt.body.contains("\"jws\":\"ey"),
            "{}",
            receipt.body
        );

        // The outbox (DPO) lists the queued requests; opening one shows the link.
        env.app.deliver_mail(&kith_app::mailer::Transport::Outbox).await.unwrap();
        let outbox = env.get(&dpo, "/outbox").await;
        assert!(outbox.body.contains("consent_request"), "{}", outbox.body);
        let id = env
            .app
            .outbox(&Principal::cli())
            .await
            .unwrap()
            .into_iter()
            .find(|m| m.kind == "consent_request")
            .unwrap()
            .id;
        let msg = env.get(&dpo, &format!("/outbox/{id}")).await;
        assert!(msg.body.contains("Line one.\nLine two.") && msg.body.contains("/c/"), "{}", msg.body);
    })
    .await;
}

#[tokio::test]
async fn consent_forms_and_purposes_are_edited_in_place() {
    on_both("consent_forms_and_purposes_are_edited_in_place", |env| async move {
        let admin = env.sign_in_as(Role::Admin).await;
        let ok =
            [("name", "Newsletter"), ("description", "Monthly news"), ("default_basis", "consent"), ("categories", "")];
        env.post(&admin, "/privacy/purposes", &ok).await;
        let notice = [("name", "Privacy notice"), ("language", "en"), ("url", ""), ("body", "We write monthly.")];
        env.post(&admin, "/privacy/notices", &notice).await;
        let purpose = env.app.purposes(&Principal::cli()).await.unwrap()[0].id.to_string();
        let sub = [("name", "Monthly"), ("description", ""), ("purpose", purpose.as_str()), ("channel", "email")];
        assert_eq!(env.post(&admin, "/privacy/subscriptions", &sub).await.location(), "/privacy/setup");
        let sub_id = env.app.subscription_types().await.unwrap()[0].id.to_string();
        let notice_id = env.app.notices(&Principal::cli()).await.unwrap()[0].id.to_string();
        let mut form = vec![
            ("slug", "news"),
            ("title", "Stay in touch"),
            ("intro", ""),
            ("sub", sub_id.as_str()),
            ("notice", notice_id.as_str()),
            ("third_parties", ""),
            ("button", "Subscribe"),
            ("language", "it"),
        ];
        assert_eq!(env.post(&admin, "/privacy/forms", &form).await.location(), "/privacy/setup");
        let public = env.send(Method::GET, "/f/news", None, None).await;
        assert_eq!(public.status, StatusCode::OK);
        assert!(public.body.contains("lang=\"it\"") && public.body.contains("Cosa vuoi ricevere?"), "{}", public.body);
        // Edit: deactivate (no "active" field) — the public page stops answering.
        let id = env.app.consent_forms(&Principal::cli()).await.unwrap()[0].id;
        let edit = env.get(&admin, &format!("/privacy/forms/{id}")).await;
        assert!(edit.body.contains("value=\"news\"") && edit.body.contains(" checked> Active"), "{}", edit.body);
        assert_eq!(env.post(&admin, &format!("/privacy/forms/{id}"), &form).await.location(), "/privacy/setup");
        assert_eq!(env.send(Method::GET, "/f/news", None, None).await.status, StatusCode::NOT_FOUND);
        form.push(("active", "yes"));
        form[0] = ("slug", "BAD SLUG");
        let bad = env.post(&admin, &format!("/privacy/forms/{id}"), &form).await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(bad.body.contains("value=\"BAD SLUG\""), "what was typed is kept");
        // Purposes are edited in place; a refused edit keeps what was typed.
        let pid = env.app.purposes(&Principal::cli()).await.unwrap()[0].id;
        let page = env.get(&admin, &format!("/privacy/purposes/{pid}")).await;
        assert!(page.body.contains("value=\"Newsletter\""));
        let renamed = [("name", "Monthly newsletter"), ("description", "News"), ("default_basis", "consent")];
        assert_eq!(env.post(&admin, &format!("/privacy/purposes/{pid}"), &renamed).await.location(), "/privacy/setup");
        assert_eq!(env.app.purposes(&Principal::cli()).await.unwrap()[0].name, "Monthly newsletter");
        let empty = [("name", "  "), ("description", "News"), ("default_basis", "consent")];
        assert_eq!(
            env.post(&admin, &format!("/privacy/purposes/{pid}"), &empty).await.status,
            StatusCode::UNPROCESSABLE_ENTITY
        );
        // Sales may not edit purposes.
        let sales = env.sign_in_as(Role::Sales).await;
        assert_eq!(env.get(&sales, &format!("/privacy/purposes/{pid}")).await.status, StatusCode::FORBIDDEN);
        assert_eq!(env.post(&sales, &format!("/privacy/purposes/{pid}"), &renamed).await.status, StatusCode::FORBIDDEN);
    })
    .await;
}

#[tokio::test]
async fn restriction_and_objections_from_the_contact_page() {
    on_both("restriction_and_objections_from_the_contact_page", |env| async move {
        let dpo = env.sign_in_as(Role::Dpo).await;
        let sales = env.sign_in_as(Role::Sales).await;
        let ok = [("name", "Events"), ("description", "Fair invitations"), ("default_basis", "legitimate_interests")];
        env.post(&dpo, "/privacy/purposes", &ok).await;
        let purpose = env.app.purposes(&Principal::cli()).await.unwrap()[0].id.to_string();
        let c = contact(&env, "Ottavia", "Greco", None, &[]).await;
        let page = format!("/contacts/{c}");
        // Sales cannot restrict; the DPO can, and the page says so.
        assert_eq!(
            env.post(&sales, &format!("{page}/restriction"), &[("restrict", "on")]).await.status,
            StatusCode::FORBIDDEN
        );
        assert_eq!(
            env.post(&dpo, &format!("{page}/restriction"), &[("restrict", "on")]).await.status,
            StatusCode::SEE_OTHER
        );
        let shown = env.get(&sales, &page).await;
        assert!(shown.body.contains("Processing restricted</strong> since"), "{}", shown.body);
        let note =
            env.post(&sales, &format!("{page}/interactions"), &[("kind", "note"), ("body", "Called back")]).await;
        assert_eq!(note.status, StatusCode::CONFLICT);
        assert!(note.body.contains("Processing restricted") && note.body.contains("Art. 18"), "{}", note.body);
        // Lifted: notes work again.
        env.post(&dpo, &format!("{page}/restriction"), &[("restrict", "off")]).await;
        let note =
            env.post(&sales, &format!("{page}/interactions"), &[("kind", "note"), ("body", "Called back")]).await;
        assert_eq!(note.status, StatusCode::SEE_OTHER);
        // An objection taken down by sales waits for the DPO's decision.
        assert_eq!(
            env.post(&sales, &format!("{page}/objections"), &[("purpose", purpose.as_str())]).await.status,
            StatusCode::SEE_OTHER
        );
        assert!(env.get(&dpo, &page).await.body.contains("Events: Awaiting a decision"));
        let decide = format!("{page}/objections/{purpose}");
        assert_eq!(env.post(&sales, &decide, &[("decision", "upheld")]).await.status, StatusCode::FORBIDDEN);
        assert_eq!(env.post(&dpo, &decide, &[("decision", "upheld")]).await.status, StatusCode::SEE_OTHER);
        assert!(env.get(&dpo, &page).await.body.contains("Events: Upheld: processing stopped"));
    })
    .await;
}

#[tokio::test]
async fn requests_are_registered_from_the_contact_page_and_handled_from_the_queue() {
    on_both("requests_are_registered_from_the_contact_page_and_handled_from_the_queue", |env| async move {
        let support = env.sign_in_as(Role::Support).await;
        let dpo = env.sign_in_as(Role::Dpo).await;
        let c = contact(&env, "Teresa", "Riva", None, &[]).await;
        let r = env
            .post(
                &support,
                &format!("/contacts/{c}/dsr"),
                &[("kind", "erasure"), ("channel", "letter"), ("note", "Letter of 3 May")],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        let page = r.location().to_owned();
        assert!(page.starts_with("/dsr/"), "{page}");
        let contact_page = env.get(&support, &format!("/contacts/{c}")).await;
        assert!(contact_page.body.contains("Erasure (Art. 17)</a> — Received"), "{}", contact_page.body);
        // Support cannot see the queue; the DPO sees it, and acts.
        assert_eq!(env.get(&support, "/dsr").await.status, StatusCode::FORBIDDEN);
        let q = env.get(&dpo, "/dsr").await;
        assert!(q.body.contains("Erasure (Art. 17)"), "{}", q.body);
        let act = format!("{page}/act");
        assert_eq!(
            env.post(&support, &act, &[("action", "status"), ("status", "in_progress")]).await.status,
            StatusCode::FORBIDDEN
        );
        assert_eq!(
            env.post(&dpo, &act, &[("action", "status"), ("status", "waiting_on_subject")]).await.status,
            StatusCode::SEE_OTHER
        );
        let shown = env.get(&dpo, &page).await;
        assert!(shown.body.contains("clock paused") && shown.body.contains("Letter of 3 May"), "{}", shown.body);
        let refused = env.post(&dpo, &act, &[("action", "status"), ("status", "rejected"), ("reason", "")]).await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(refused.body.contains("a rejection must state its reason"), "{}", refused.body);
        env.post(
            &dpo,
            &act,
            &[("action", "status"), ("status", "rejected"), ("reason", "Identity could not be verified")],
        )
        .await;
        assert!(env.get(&dpo, "/dsr").await.body.contains("No open requests."));
    })
    .await;
}

#[tokio::test]
async fn export_files_erasure_exceptions_and_change_details_on_staff_pages() {
    on_both("export_files_erasure_exceptions_and_change_details_on_staff_pages", |env| async move {
        let dpo = env.sign_in_as(Role::Dpo).await;
        let sales = env.sign_in_as(Role::Sales).await;
        let c = contact(&env, "Gemma", "Lombardi", None, &[]).await;
        let contact_page = env.get(&sales, &format!("/contacts/{c}")).await;
        assert!(contact_page.body.contains("<dd id=\"source\">Entered by staff"), "{}", contact_page.body);
        // An access request is answered with a prepared file.
        let r = env.post(&dpo, &format!("/contacts/{c}/dsr"), &[("kind", "access"), ("channel", "email")]).await;
        let page = r.location().to_owned();
        let shown = env.get(&dpo, &page).await;
        assert!(shown.body.contains("Prepare the export that answers this request"), "{}", shown.body);
        assert_eq!(
            env.post(&dpo, &format!("{page}/export"), &[("format", "pdf")]).await.status,
            StatusCode::UNPROCESSABLE_ENTITY
        );
        assert_eq!(env.post(&dpo, &format!("{page}/export"), &[("format", "csv")]).await.status, StatusCode::SEE_OTHER);
        let shown = env.get(&dpo, &page).await;
        let at = shown.body.find("href=\"/exports/").expect("a prepared file is listed");
        let link: String = shown.body[at + 6..].split('"').next().unwrap().to_owned();
        assert!(shown.body.contains("CSV (access)</a> — available until"), "{}", shown.body);
        let file = env.get(&dpo, &link).await;
        assert_eq!(file.status, StatusCode::OK);
        assert_eq!(file.headers[header::CONTENT_TYPE], "application/zip");
        assert_eq!(env.get(&sales, &link).await.status, StatusCode::FORBIDDEN);
        // An erasure request under a contract basis shows the exception first.
        env.post(
            &dpo,
            "/privacy/purposes",
            &[("name", "Orders"), ("description", "Order handling"), ("default_basis", "contract")],
        )
        .await;
        let purpose = env.app.purposes(&Principal::cli()).await.unwrap()[0].id.to_string();
        let basis = env
            .post(&dpo, &format!("/contacts/{c}/basis"), &[("purpose", purpose.as_str()), ("basis", "contract")])
            .await;
        assert_eq!(basis.status, StatusCode::SEE_OTHER, "{}", basis.body);
        let r = env.post(&dpo, &format!("/contacts/{c}/dsr"), &[("kind", "erasure"), ("channel", "email")]).await;
        let erasure = env.get(&dpo, r.location()).await;
        assert!(
            erasure.body.contains("Before erasing: possible exceptions")
                && erasure.body.contains("Orders: processed for a contract"),
            "{}",
            erasure.body
        );
        // A correction keeps its before and after, shown to the DPO.
        let edit =
            env.post(&sales, &format!("/contacts/{c}"), &[("first_name", "Gemma"), ("last_name", "Lombardo")]).await;
        assert_eq!(edit.status, StatusCode::SEE_OTHER, "{}", edit.body);
        let audit = env.get(&dpo, &format!("/audit?subject={c}")).await;
        let at = audit.body.find("/changes\">changes</a>").expect("a changes link");
        let start = audit.body[..at].rfind("/audit/").unwrap();
        let changes = env.get(&dpo, &format!("{}/changes", &audit.body[start..at])).await;
        assert_eq!(changes.status, StatusCode::OK);
        assert!(changes.body.contains("<td>last name</td><td>Lombardi</td><td>Lombardo</td>"), "{}", changes.body);
        assert_eq!(env.get(&sales, &format!("{}/changes", &audit.body[start..at])).await.status, StatusCode::FORBIDDEN);
    })
    .await;
}

/// Retention through the pages: a rule on the purpose's page (a bad one
/// re-shows the form), the contact's expiry and a legal hold on its page,
/// a dry run listing who would go, marketing kept out, reviews listed.
#[tokio::test]
async fn retention_rules_holds_and_dry_run_pages() {
    on_both("retention_rules_holds_and_dry_run_pages", |env| async move {
        let dpo = env.sign_in_as(Role::Dpo).await;
        let ok = [("name", "Customer care"), ("description", "Support"), ("default_basis", "contract")];
        assert_eq!(env.post(&dpo, "/privacy/purposes", &ok).await.location(), "/privacy/setup");
        let purpose = env.app.purposes(&Principal::cli()).await.unwrap()[0].id;
        let path = format!("/privacy/purposes/{purpose}");
        let mut form = vec![
            ("name", "Customer care"),
            ("description", "Support"),
            ("default_basis", "contract"),
            ("rule_anchor", "created"),
            ("rule_count", "-1"),
            ("rule_unit", "days"),
            ("rule_disposal", "delete"),
        ];
        let bad = env.post(&dpo, &path, &form).await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", bad.body);
        assert!(bad.body.contains("must be a whole number of days from 0 (at once) to"), "{}", bad.body);
        form[4] = ("rule_count", "2");
        form[5] = ("rule_unit", "years");
        assert_eq!(env.post(&dpo, &path, &form).await.location(), "/privacy/setup");
        let edit = env.get(&dpo, &path).await;
        assert!(edit.body.contains("<option value=\"created\" selected>"), "{}", edit.body);
        // "— no rule —" clears it, whatever the other selects send (as a browser does).
        let mut clear = form.clone();
        clear[3] = ("rule_anchor", "");
        clear[6] = ("rule_disposal", "");
        assert_eq!(env.post(&dpo, &path, &clear).await.location(), "/privacy/setup");
        assert!(env.app.purposes(&Principal::cli()).await.unwrap()[0].rule.is_none());
        assert_eq!(env.post(&dpo, &path, &form).await.location(), "/privacy/setup");

        let c = contact(&env, "Ada", "Lovelace", None, &[]).await;
        let pid = purpose.to_string();
        let r = env
            .post(
                &dpo,
                &format!("/contacts/{c}/basis"),
                &[("purpose", pid.as_str()), ("basis", "contract"), ("lia_ref", ""), ("ends_on", "")],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let page = env.get(&dpo, &format!("/contacts/{c}")).await;
        assert!(page.body.contains("Expires on "), "{}", page.body);
        assert!(page.body.contains("2 years after creation, then delete"), "{}", page.body);
        let review_on = (time::OffsetDateTime::now_utc() + time::Duration::days(30)).date().to_string();
        let hold = [("action", "place"), ("reason", "audit by the tax office"), ("review_on", review_on.as_str())];
        assert_eq!(env.post(&dpo, &format!("/contacts/{c}/hold"), &hold).await.status, StatusCode::SEE_OTHER);
        let page = env.get(&dpo, &format!("/contacts/{c}")).await;
        assert!(page.body.contains("Legal hold") && page.body.contains("audit by the tax office"), "{}", page.body);
        let past = [("action", "place"), ("reason", "x"), ("review_on", "2001-01-01")];
        assert_eq!(
            env.post(&dpo, &format!("/contacts/{c}/hold"), &past).await.status,
            StatusCode::UNPROCESSABLE_ENTITY
        );

        let dry = env.post(&dpo, "/privacy/retention", &[("mode", "dry")]).await;
        assert_eq!(dry.status, StatusCode::OK, "{}", dry.body);
        assert!(dry.body.contains("Dry run: 1 contacts checked, 0 would go"), "{}", dry.body);
        assert!(env.get(&dpo, "/privacy/retention").await.body.contains("2 years after creation, then delete"));
        let mk = env.sign_in_as(Role::Marketing).await;
        assert_eq!(env.get(&mk, "/privacy/retention").await.status, StatusCode::FORBIDDEN);
        assert_eq!(env.post(&mk, &format!("/contacts/{c}/hold"), &hold).await.status, StatusCode::FORBIDDEN);
        let sales = env.sign_in_as(Role::Sales).await;
        let reviews = env.get(&sales, "/reviews").await;
        assert_eq!(reviews.status, StatusCode::OK);
        assert!(reviews.body.contains("Nothing to review."), "{}", reviews.body);
    })
    .await;
}
