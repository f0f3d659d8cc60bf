//! The register of data-subject requests through the API: registering,
//! the clock (pause while the person is asked, one extension), transitions
//! and their refusals, notes sealed under the person's key, mail to the
//! person on completion, roles, and the register outliving an erasure.

use crate::harness::{on_both, TestApp};
use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use kith_app::Principal;
use kith_domain::Role;
use serde_json::{json, Value};
use tower::ServiceExt;
use uuid::Uuid;

/// Calls `/api/v1{path}` with `token`; the status and the JSON body (null if none).
async fn call(env: &TestApp, token: &str, method: Method, path: &str, body: Option<Value>) -> (StatusCode, Value) {
    let mut b = Request::builder()
        .method(method)
        .uri(format!("/api/v1{path}"))
        .header(header::AUTHORIZATION, format!("Bearer {token}"));
    let body = match body {
        Some(v) => {
            b = b.header(header::CONTENT_TYPE, "application/json");
            Body::from(v.to_string())
        }
        None => Body::empty(),
    };
    let (status, _, bytes) = env.respond(b.body(body).unwrap()).await;
    (status, if bytes.is_empty() { Value::Null } else { serde_json::from_slice(&bytes).unwrap_or(Value::Null) })
}

#[tokio::test]
async fn requests_are_registered_clocked_handled_and_outlive_erasure() {
    on_both("requests_are_registered_clocked_handled_and_outlive_erasure", |env| async move {
        let dpo = env.token_for(Role::Dpo).await;
        let sales = env.token_for(Role::Sales).await;
        let ro = env.token_for(Role::Readonly).await;
        let (s, c) = call(
            &env,
            &sales,
            Method::POST,
            "/contacts",
            Some(json!({"first_name": "Teresa", "emails": ["teresa.riva@example.it"]})),
        )
        .await;
        assert_eq!(s, StatusCode::CREATED);
        let c = c["id"].as_str().unwrap().to_owned();

        // Sales takes a request down by phone, received ten days ago; readonly may not.
        let received = (time::OffsetDateTime::now_utc() - time::Duration::days(10))
            .format(&time::format_description::well_known::Rfc3339)
            .unwrap();
        let body = json!({"contact_id": c, "kind": "access", "channel": "phone", "received_at": received,
            "note": "Asked for a copy of her data; call from +39 02 5550 1234"});
        assert_eq!(call(&env, &ro, Method::POST, "/dsr", Some(body.clone())).await.0, StatusCode::FORBIDDEN);
        let (s, r) = call(&env, &sales, Method::POST, "/dsr", Some(body)).await;
        assert_eq!(s, StatusCode::CREATED, "{r}");
        let id = r["id"].as_str().unwrap().to_owned();
        assert_eq!((r["status"].clone(), r["verified"].clone()), (json!("received"), json!("unverified")));
        let due = |v: &Value| {
            time::OffsetDateTime::parse(v["due_at"].as_str().unwrap(), &time::format_description::well_known::Rfc3339)
                .unwrap()
        };
        let first_due = due(&r);
        let rec = time::OffsetDateTime::parse(
            r["received_at"].as_str().unwrap(),
            &time::format_description::well_known::Rfc3339,
        )
        .unwrap();
        assert_eq!(first_due, kith_domain::dsr::add_months(rec, 1), "one calendar month from receipt");
        // Bad input is refused.
        let (s, p) = call(
            &env,
            &sales,
            Method::POST,
            "/dsr",
            Some(json!({"contact_id": c, "kind": "gossip", "channel": "phone"})),
        )
        .await;
        assert_eq!((s, p["errors"][0]["field"].clone()), (StatusCode::UNPROCESSABLE_ENTITY, json!("kind")));
        assert_eq!(
            call(
                &env,
                &sales,
                Method::POST,
                "/dsr",
                Some(json!({"contact_id": Uuid::now_v7(), "kind": "access", "channel": "phone"}))
            )
            .await
            .0,
            StatusCode::NOT_FOUND
        );

        // Only admin and dpo act; the queue is theirs.
        let act = |b: Value| (format!("/dsr/{id}/actions"), b);
        let (path, b) = act(json!({"action": "status", "status": "verifying"}));
        assert_eq!(call(&env, &sales, Method::POST, &path, Some(b.clone())).await.0, StatusCode::FORBIDDEN);
        assert_eq!(call(&env, &sales, Method::GET, "/dsr", None).await.0, StatusCode::FORBIDDEN);
        let (s, r) = call(&env, &dpo, Method::POST, &path, Some(b)).await;
        assert_eq!(s, StatusCode::OK, "{r}");
        assert_eq!(r["paused"], json!(true), "asking for identity pauses the clock");
        let (_, q) = call(&env, &dpo, Method::GET, "/dsr", None).await;
        assert_eq!(q.as_array().unwrap().len(), 1);
        // Verified, back in progress: the due date moved back by the pause.
        call(
            &env,
            &dpo,
            Method::POST,
            &path,
            Some(json!({"action": "verified", "method": "call-back to the number on file"})),
        )
        .await;
        let (_, r) =
            call(&env, &dpo, Method::POST, &path, Some(json!({"action": "status", "status": "in_progress"}))).await;
        assert!(due(&r) >= first_due && r["paused"] == json!(false), "{r}");
        // Extended once, with a reason; a second extension is refused.
        let (s, r) = call(
            &env,
            &dpo,
            Method::POST,
            &path,
            Some(json!({"action": "extend", "months": 2, "reason": "Several systems to search"})),
        )
        .await;
        assert_eq!(s, StatusCode::OK, "{r}");
        // Three months from receipt, plus the pause (a few milliseconds here).
        let extended = due(&r) - kith_domain::dsr::add_months(rec, 3);
        assert!(extended >= time::Duration::ZERO && extended < time::Duration::minutes(1), "{r}");
        let (s, _) =
            call(&env, &dpo, Method::POST, &path, Some(json!({"action": "extend", "months": 1, "reason": "again"})))
                .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
        // A rejection needs its reason; completing it mails the person.
        let (s, _) =
            call(&env, &dpo, Method::POST, &path, Some(json!({"action": "status", "status": "rejected"}))).await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
        let (s, r) = call(
            &env,
            &dpo,
            Method::POST,
            &path,
            Some(json!({"action": "status", "status": "completed", "reason": "Export sent by registered mail"})),
        )
        .await;
        assert_eq!(s, StatusCode::OK, "{r}");
        assert_eq!(
            call(&env, &dpo, Method::POST, &path, Some(json!({"action": "status", "status": "in_progress"}))).await.0,
            StatusCode::UNPROCESSABLE_ENTITY
        );
        env.app.deliver_mail(&kith_app::mailer::Transport::Outbox).await.unwrap();
        let mails = env.app.outbox(&Principal::cli()).await.unwrap();
        let kinds: Vec<&str> = mails.iter().map(|m| m.kind.as_str()).collect();
        assert_eq!(kinds.iter().filter(|k| **k == "dsr").count(), 2, "extension notice and completion: {kinds:?}");
        // Steps hold every change with its operator; the note is readable while the person exists.
        let (_, d) = call(&env, &dpo, Method::GET, &format!("/dsr/{id}"), None).await;
        let steps = d["steps"].as_array().unwrap();
        assert_eq!(steps.len(), 6, "{d}");
        assert!(steps[0]["note"].as_str().unwrap().contains("+39 02 5550 1234"));
        let (_, q) = call(&env, &dpo, Method::GET, "/dsr", None).await;
        assert!(q.as_array().unwrap().is_empty(), "completed requests leave the queue");
        let (_, mine) = call(&env, &sales, Method::GET, &format!("/dsr?contact_id={c}"), None).await;
        assert_eq!(mine.as_array().unwrap().len(), 1);

        // The note is sealed: its text is not in the database.
        assert!(!env.stored_bytes().await.windows(9).any(|w| w == b"5550 1234"), "the note is stored in clear");

        // Erasure: the register stays (proof of handling), the note is unreadable.
        assert_eq!(call(&env, &dpo, Method::DELETE, &format!("/contacts/{c}"), None).await.0, StatusCode::NO_CONTENT);
        let (s, d) = call(&env, &dpo, Method::GET, &format!("/dsr/{id}"), None).await;
        assert_eq!(s, StatusCode::OK);
        assert_eq!(d["status"], json!("completed"));
        assert!(d["steps"][0]["note"].is_null(), "{d}");
    })
    .await;
}

#[tokio::test]
async fn the_access_export_holds_everything_about_the_person_and_nobody_else() {
    on_both("the_access_export_holds_everything_about_the_person_and_nobody_else", |env| async move {
        let dpo = env.token_for(Role::Dpo).await;
        let sales = env.token_for(Role::Sales).await;
        let mk = |first: &str, email: &str, phone: &str| {
            json!({"first_name": first, "last_name": "Export", "emails": [email], "phones": [phone],
                "job_title": format!("{first} title"), "notes": format!("{first} notes"),
                "address": {"street": format!("Via {first} 1"), "city": "Trieste", "country": "IT"}})
        };
        let (_, a) = call(
            &env,
            &sales,
            Method::POST,
            "/contacts",
            Some(mk("Azzurra", "azzurra@example.it", "+39 040 555 0101")),
        )
        .await;
        let (_, b) = call(
            &env,
            &sales,
            Method::POST,
            "/contacts",
            Some(mk("Bartolo", "bartolo@example.it", "+39 040 555 0202")),
        )
        .await;
        let (a, b) = (a["id"].as_str().unwrap().to_owned(), b["id"].as_str().unwrap().to_owned());
        for (who, text) in [(&a, "Azzurra called about invoice"), (&b, "Bartolo called about shipping")] {
            call(
                &env,
                &sales,
                Method::POST,
                &format!("/contacts/{who}/interactions"),
                Some(json!({"kind": "call", "body": text})),
            )
            .await;
        }
        call(&env, &sales, Method::POST, "/deals", Some(json!({"title": "Azzurra renewal", "contact_ids": [a]}))).await;
        call(&env, &sales, Method::POST, "/deals", Some(json!({"title": "Bartolo pilot", "contact_ids": [b]}))).await;
        let (_, purpose) = call(
            &env,
            &dpo,
            Method::POST,
            "/purposes",
            Some(json!({"name": "Newsletter", "description": "News", "default_basis": "consent"})),
        )
        .await;
        let (_, notice) =
            call(&env, &dpo, Method::POST, "/notices", Some(json!({"name": "N", "language": "en", "body": "text"})))
                .await;
        for (who, ip) in [(&a, "192.0.2.11"), (&b, "192.0.2.22")] {
            let e = json!({"purpose_id": purpose["id"], "action": "given", "channels": ["email"], "method": "web_form",
                "notice_id": notice["id"], "affirmative_act": "ticked", "ip": ip, "evidence_ref": "form log 9"});
            assert_eq!(
                call(&env, &sales, Method::POST, &format!("/contacts/{who}/consents"), Some(e)).await.0,
                StatusCode::CREATED
            );
        }
        call(
            &env,
            &sales,
            Method::POST,
            "/dsr",
            Some(json!({"contact_id": a, "kind": "access", "channel": "email", "note": "Azzurra asked by email"})),
        )
        .await;

        assert_eq!(
            call(&env, &sales, Method::GET, &format!("/contacts/{a}/export"), None).await.0,
            StatusCode::FORBIDDEN
        );
        let (s, doc) = call(&env, &dpo, Method::GET, &format!("/contacts/{a}/export"), None).await;
        assert_eq!(s, StatusCode::OK);
        assert_eq!(doc["format"], json!("kith-access-export/1"));
        // Every top-level field the published schema requires is there.
        let schema: Value = serde_json::from_str(include_str!("../../../../docs/access-export.schema.json")).unwrap();
        assert_eq!(schema["$id"], doc["format"]);
        for field in schema["required"].as_array().unwrap() {
            assert!(doc.get(field.as_str().unwrap()).is_some(), "the export lacks {field}");
        }
        let text = doc.to_string();
        for mine in [
            "azzurra@example.it",
            "+39 040 555 0101",
            "Azzurra title",
            "Via Azzurra 1",
            "Azzurra notes",
            "Azzurra called about invoice",
            "Azzurra renewal",
            "192.0.2.11",
            "Azzurra asked by email",
            "Newsletter",
        ] {
            assert!(text.contains(mine), "missing from the export: {mine}");
        }
        for theirs in ["bartolo", "Bartolo", "555 0202", "192.0.2.22"] {
            assert!(!text.contains(theirs), "another person's data in the export: {theirs}");
        }
        assert_eq!(doc["interactions"].as_array().unwrap().len(), 1);
        assert_eq!(doc["deals"].as_array().unwrap().len(), 1);
        assert_eq!(doc["consent_events"].as_array().unwrap().len(), 1);
        assert_eq!(doc["requests"].as_array().unwrap().len(), 1);
        assert!(doc["access_log"].as_array().unwrap().iter().any(|e| e["action"] == json!("contact.create")));
        assert!(doc["information"]["purposes"].as_array().unwrap().len() == 1);
        // Portability: the person's data, not the controller's log or information.
        let (_, port) = call(&env, &dpo, Method::GET, &format!("/contacts/{a}/export?kind=portability"), None).await;
        assert_eq!(port["kind"], json!("portability"));
        assert!(port.get("access_log").is_none() && port.get("information").is_none());
        assert_eq!(
            call(&env, &dpo, Method::GET, &format!("/contacts/{a}/export?kind=everything"), None).await.0,
            StatusCode::UNPROCESSABLE_ENTITY
        );
        // vCard 4.0 of the contact details.
        let res = env
            .router
            .clone()
            .oneshot(
                Request::builder()
                    .uri(format!("/api/v1/contacts/{a}/vcard"))
                    .header(header::AUTHORIZATION, format!("Bearer {dpo}"))
                    .body(Body::empty())
                    .unwrap(),
            )
            .await
            .unwrap();
        assert_eq!(res.headers()[header::CONTENT_TYPE], "text/vcard; charset=utf-8");
        let v = String::from_utf8(axum::body::to_bytes(res.into_body(), usize::MAX).await.unwrap().to_vec()).unwrap();
        assert!(
            v.starts_with("BEGIN:VCARD\r\nVERSION:4.0\r\n")
                && v.contains("FN:Azzurra Export\r\n")
                && v.contains("EMAIL:azzurra@example.it"),
            "{v}"
        );
        assert!(v.contains("TEL;VALUE=uri:tel:+390405550101") && v.ends_with("END:VCARD\r\n"), "{v}");
        // Exports are audited.
        let entries = env
            .app
            .store()
            .audit_entries(&kith_store::audit::AuditQuery {
                subject: Some(kith_domain::SubjectId(Uuid::parse_str(&a).unwrap())),
                actor: None,
                after: None,
                limit: 1000,
            })
            .await
            .unwrap();
        assert_eq!(entries.iter().filter(|e| e.action == "contact.export").count(), 3);
    })
    .await;
}

#[tokio::test]
async fn erasure_restriction_and_withdrawal_requests_are_performed_in_one_step() {
    on_both("erasure_restriction_and_withdrawal_requests_are_performed_in_one_step", |env| async move {
        let dpo = env.token_for(Role::Dpo).await;
        let sales = env.token_for(Role::Sales).await;
        let new_contact = |first: &'static str| {
            let env = &env;
            let sales = sales.clone();
            async move {
                let (_, c) = call(
                    env,
                    &sales,
                    Method::POST,
                    "/contacts",
                    Some(json!({"first_name": first, "emails": [format!("{}@example.it", first.to_lowercase())]})),
                )
                .await;
                c["id"].as_str().unwrap().to_owned()
            }
        };
        let request = |c: String, kind: &'static str| {
            let env = &env;
            let dpo = dpo.clone();
            async move {
                let (s, r) = call(
                    env,
                    &dpo,
                    Method::POST,
                    "/dsr",
                    Some(json!({"contact_id": c, "kind": kind, "channel": "email"})),
                )
                .await;
                assert_eq!(s, StatusCode::CREATED, "{r}");
                r["id"].as_str().unwrap().to_owned()
            }
        };
        let verify = |id: String| {
            let env = &env;
            let dpo = dpo.clone();
            async move {
                call(
                    env,
                    &dpo,
                    Method::POST,
                    &format!("/dsr/{id}/actions"),
                    Some(json!({"action": "verified", "method": "reply from the address on file"})),
                )
                .await;
            }
        };
        // Erasure: refused until identity is verified; then the person is gone and the request completed.
        let c = new_contact("Erminia").await;
        let id = request(c.clone(), "erasure").await;
        let (s, p) = call(&env, &dpo, Method::POST, &format!("/dsr/{id}/perform"), None).await;
        assert_eq!((s, p["errors"][0]["field"].clone()), (StatusCode::UNPROCESSABLE_ENTITY, json!("verified")));
        verify(id.clone()).await;
        let (s, p) = call(&env, &dpo, Method::POST, &format!("/dsr/{id}/perform"), None).await;
        assert_eq!((s, p["performed"].clone()), (StatusCode::OK, json!("erased")));
        assert_eq!(call(&env, &dpo, Method::GET, &format!("/contacts/{c}"), None).await.0, StatusCode::NOT_FOUND);
        let (_, d) = call(&env, &dpo, Method::GET, &format!("/dsr/{id}"), None).await;
        assert_eq!(d["status"], json!("completed"));
        assert_eq!(
            call(&env, &dpo, Method::POST, &format!("/dsr/{id}/perform"), None).await.0,
            StatusCode::UNPROCESSABLE_ENTITY
        );
        // Restriction.
        let c = new_contact("Renata").await;
        let id = request(c.clone(), "restriction").await;
        verify(id.clone()).await;
        let (_, p) = call(&env, &dpo, Method::POST, &format!("/dsr/{id}/perform"), None).await;
        assert_eq!(p["performed"], json!("restricted"));
        let (_, r) = call(&env, &dpo, Method::GET, &format!("/contacts/{c}/restriction"), None).await;
        assert_eq!(r["restricted"], json!(true));
        // Withdraw consent: every given consent is withdrawn.
        let c = new_contact("Wanda").await;
        let (_, purpose) = call(
            &env,
            &dpo,
            Method::POST,
            "/purposes",
            Some(json!({"name": "News", "description": "x", "default_basis": "consent"})),
        )
        .await;
        let (_, notice) =
            call(&env, &dpo, Method::POST, "/notices", Some(json!({"name": "N", "language": "en", "body": "t"}))).await;
        let given = json!({"purpose_id": purpose["id"], "action": "given", "channels": ["email", "sms"],
            "method": "paper", "affirmative_act": "signed", "evidence_ref": "scan 9", "notice_id": notice["id"]});
        assert_eq!(
            call(&env, &dpo, Method::POST, &format!("/contacts/{c}/consents"), Some(given)).await.0,
            StatusCode::CREATED
        );
        let id = request(c.clone(), "withdraw_consent").await;
        verify(id.clone()).await;
        let (_, p) = call(&env, &dpo, Method::POST, &format!("/dsr/{id}/perform"), None).await;
        assert_eq!((p["performed"].clone(), p["count"].clone()), (json!("withdrawn"), json!(1)));
        let (_, perms) = call(&env, &dpo, Method::GET, &format!("/contacts/{c}/permissions?channel=sms"), None).await;
        assert_eq!(perms[0]["consent"], json!("withdrawn"));
        // Access is answered with the export, not performed.
        let id = request(c.clone(), "access").await;
        verify(id.clone()).await;
        assert_eq!(
            call(&env, &dpo, Method::POST, &format!("/dsr/{id}/perform"), None).await.0,
            StatusCode::UNPROCESSABLE_ENTITY
        );
    })
    .await;
}

#[tokio::test]
async fn the_portal_signs_in_by_a_one_time_link_shows_the_data_and_files_requests() {
    on_both("the_portal_signs_in_by_a_one_time_link_shows_the_data_and_files_requests", |env| async move {
        let sales = env.token_for(Role::Sales).await;
        let (_, c) = call(
            &env,
            &sales,
            Method::POST,
            "/contacts",
            Some(json!({"first_name": "Paola", "emails": ["paola.conti@example.it"], "job_title": "Buyer"})),
        )
        .await;
        let c = c["id"].as_str().unwrap().to_owned();
        // Known and unknown addresses get the same answer; only the known one gets mail.
        let (s1, _, known) =
            env.page(Method::POST, "/portal", Some("email=paola.conti%40example.it&lang=en"), None).await;
        let (s2, _, unknown) = env.page(Method::POST, "/portal", Some("email=nobody%40example.it&lang=en"), None).await;
        assert_eq!((s1, s2), (StatusCode::OK, StatusCode::OK));
        assert_eq!(known, unknown, "the answer reveals whether the address is known");
        // The link is queued after the answer (so timing reveals nothing): wait for it.
        let mut portal = Vec::new();
        for _ in 0..100 {
            env.app.deliver_mail(&kith_app::mailer::Transport::Outbox).await.unwrap();
            portal =
                env.app.outbox(&Principal::cli()).await.unwrap().into_iter().filter(|m| m.kind == "portal").collect();
            if !portal.is_empty() {
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(20)).await;
        }
        assert_eq!(portal.len(), 1);
        let (_, mail) = env.app.outbox_message(&Principal::cli(), portal[0].id).await.unwrap();
        let at = mail.text.find("/portal/s/").unwrap();
        let link: String = mail.text[at..].split_whitespace().next().unwrap().to_owned();
        // GET shows a button and signs nobody in; POST signs in once.
        let (s, h, body) = env.page(Method::GET, &link, None, None).await;
        assert_eq!(s, StatusCode::OK);
        assert!(h.get(header::SET_COOKIE).is_none() && body.contains("Sign in"));
        let (s, h, _) = env.page(Method::POST, &link, Some("lang=en"), None).await;
        assert_eq!(s, StatusCode::SEE_OTHER);
        let set = h.get(header::SET_COOKIE).unwrap().to_str().unwrap().to_owned();
        assert!(set.contains("HttpOnly") && set.contains("SameSite=Strict"), "{set}");
        let cookie = set.split(';').next().unwrap().to_owned();
        let (s, _, _) = env.page(Method::POST, &link, Some("lang=en"), None).await;
        assert_eq!(s, StatusCode::NOT_FOUND, "a sign-in link works once");
        // Signed in: the data, in Italian on request.
        let (s, _, me) = env.page(Method::GET, "/portal/me?lang=it", None, Some(&cookie)).await;
        assert_eq!(s, StatusCode::OK);
        assert!(
            me.contains("paola.conti@example.it") && me.contains("Buyer") && me.contains("I dati che conserviamo"),
            "{me}"
        );
        // Without the cookie, back to the start.
        assert_eq!(env.page(Method::GET, "/portal/me", None, None).await.0, StatusCode::SEE_OTHER);
        assert_eq!(
            env.page(Method::GET, "/portal/me", None, Some("kith_portal=forged.token")).await.0,
            StatusCode::SEE_OTHER
        );
        // Asking for the data: an access request, registered and completed, and
        // a file (a GET changes nothing; the preparation is a POST).
        assert_eq!(
            env.page(Method::GET, "/portal/me/export", None, Some(&cookie)).await.0,
            StatusCode::METHOD_NOT_ALLOWED
        );
        let (s, h, _) = env.page(Method::POST, "/portal/me/export", Some("format=json&lang=en"), Some(&cookie)).await;
        assert_eq!(s, StatusCode::SEE_OTHER, "redirected after the POST, so a reload prepares nothing");
        let ready = h[header::LOCATION].to_str().unwrap().to_owned();
        let (_, _, body) = env.page(Method::GET, &ready, None, Some(&cookie)).await;
        assert!(body.contains("Your file is ready"), "{body}");
        let at = body.find("/portal/me/exports/").expect("a download link");
        let link: String = body[at..].split('"').next().unwrap().to_owned();
        let (s, h, doc) = env.page(Method::GET, &link, None, Some(&cookie)).await;
        assert_eq!(s, StatusCode::OK);
        assert!(h[header::CONTENT_DISPOSITION].to_str().unwrap().contains("attachment"));
        assert!(doc.contains("kith-access-export/1") && doc.contains("paola.conti@example.it"));
        assert_eq!(env.page(Method::GET, &link, None, None).await.0, StatusCode::SEE_OTHER, "not without the session");
        // Someone else's file is not reachable from this session.
        let (_, other) = call(
            &env,
            &sales,
            Method::POST,
            "/contacts",
            Some(json!({"first_name": "Ugo", "emails": ["ugo.neri@example.it"]})),
        )
        .await;
        let dpo = env.token_for(Role::Dpo).await;
        let (s, f) = call(
            &env,
            &dpo,
            Method::POST,
            &format!("/contacts/{}/exports", other["id"].as_str().unwrap()),
            Some(json!({"format": "json"})),
        )
        .await;
        assert_eq!(s, StatusCode::CREATED, "{f}");
        let foreign = format!("/portal/me/exports/{}", f["id"].as_str().unwrap());
        assert_eq!(env.page(Method::GET, &foreign, None, Some(&cookie)).await.0, StatusCode::NOT_FOUND);
        // A rectification needs its details; an erasure request lands in the register as verified.
        let (s, _, body) =
            env.page(Method::POST, "/portal/me/request", Some("kind=rectification&note=&lang=en"), Some(&cookie)).await;
        assert!(s == StatusCode::OK && body.contains("say what should be corrected"), "{body}");
        let (s, _, body) = env
            .page(Method::POST, "/portal/me/request", Some("kind=erasure&note=Please+forget+me&lang=en"), Some(&cookie))
            .await;
        assert!(s == StatusCode::OK && body.contains("Your request is registered"), "{body}");
        let (_, mine) = call(&env, &dpo, Method::GET, &format!("/dsr?contact_id={c}"), None).await;
        let list = mine.as_array().unwrap();
        let kinds: Vec<(&str, &str, &str)> = list
            .iter()
            .map(|d| (d["kind"].as_str().unwrap(), d["channel"].as_str().unwrap(), d["status"].as_str().unwrap()))
            .collect();
        assert!(kinds.contains(&("access", "portal", "completed")), "{kinds:?}");
        assert!(kinds.contains(&("erasure", "portal", "received")), "{kinds:?}");
        assert!(list.iter().all(|d| d["verified"] == json!("verified")));
        // Signing out revokes the session on the server: a kept copy of the cookie no longer works.
        assert_eq!(env.page(Method::POST, "/portal/sign-out", Some(""), Some(&cookie)).await.0, StatusCode::SEE_OTHER);
        assert_eq!(env.page(Method::GET, "/portal/me", None, Some(&cookie)).await.0, StatusCode::SEE_OTHER);
        // The address is rate-limited: the fourth link request in 15 minutes is refused.
        for _ in 0..2 {
            env.page(Method::POST, "/portal", Some("email=paola.conti%40example.it"), None).await;
        }
        let (s, _, _) = env.page(Method::POST, "/portal", Some("email=paola.conti%40example.it"), None).await;
        assert_eq!(s, StatusCode::TOO_MANY_REQUESTS);
    })
    .await;
}
