//! Small fixes of issue 13 (item 14), through the real router on SQLite
//! and PostgreSQL: an invalid unsubscribe link says so; unreadable public
//! addresses answer a public page, never plain text; bulk counts leave
//! out ids of contacts that do not exist; an uploaded file keeps only its
//! base name. All data fictitious.

use crate::harness::{on_both, Browser, Resp, TestApp, ADMIN_EMAIL, PASSWORD};
use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use kith_app::tokens::{sign, Claims, TokenKind};
use kith_domain::SubjectId;
use serde_json::json;
use time::OffsetDateTime;
use tower::ServiceExt;
use uuid::Uuid;

async fn contact(env: &TestApp, first: &str, email: &str) -> String {
    env.id("/contacts", json!({"first_name": first, "emails": [email]})).await
}

fn token(env: &TestApp, kind: TokenKind, subject: &str) -> String {
    let c = Claims {
        subject: SubjectId(Uuid::parse_str(subject).unwrap()),
        scope: Uuid::nil(),
        expires: OffsetDateTime::now_utc().unix_timestamp() + 3600,
    };
    sign(env.app.store().vault(), kind, c)
}

/// A public page in the public style (never the framework's plain text,
/// nor the staff error page with its link to the contacts).
fn assert_public_page(r: &Resp, status: StatusCode, what: &str) {
    assert_eq!(r.status, status, "{what}: {}", r.body);
    let ctype = r.headers.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or("");
    assert!(ctype.starts_with("text/html"), "{what}: {ctype} {}", r.body);
    assert!(r.body.contains("class=\"narrow public\""), "{what}: {}", r.body);
    assert!(!r.body.contains("/contacts"), "{what}: {}", r.body);
}

#[tokio::test]
async fn an_invalid_unsubscribe_link_says_so() {
    on_both("small-unsubscribe", |env| async move {
        let c = contact(&env, "Marta", "marta.galli@example.it").await;
        let good = token(&env, TokenKind::Unsubscribe, &c);
        let r = env.send(Method::GET, &format!("/u/{good}"), None, None).await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.body);
        assert!(r.body.contains("<button"), "{}", r.body);

        let other_kind = token(&env, TokenKind::Preferences, &c);
        let unknown = token(&env, TokenKind::Unsubscribe, &Uuid::now_v7().to_string());
        for bad in ["garbage", other_kind.as_str(), unknown.as_str(), &format!("{good}x")] {
            let r = env.send(Method::GET, &format!("/u/{bad}"), None, None).await;
            assert_public_page(&r, StatusCode::NOT_FOUND, "invalid unsubscribe link");
            assert!(r.body.contains("This link is not valid"), "{}", r.body);
            assert!(!r.body.contains("<button") && !r.body.contains("<form"), "{}", r.body);
        }
        let r = env.send(Method::GET, "/u/garbage?lang=it", None, None).await;
        assert!(r.body.contains("Questo link non è valido"), "{}", r.body);
    })
    .await;
}

#[tokio::test]
async fn unreadable_public_addresses_answer_a_public_page() {
    on_both("small-paths", |env| async move {
        let c = contact(&env, "Pietro", "pietro.neri@example.com").await;
        let prefs = token(&env, TokenKind::Preferences, &c);
        let not_found = [
            format!("/p/{prefs}/receipts/abc"),
            "/p/garbage/receipts/abc".to_owned(),
            format!("/p/{prefs}/receipts/99999999999999999999"),
            "/p/%FF".to_owned(),
            "/p/%FF/receipts/1".to_owned(),
            "/c/%FF".to_owned(),
            "/u/%FF".to_owned(),
            "/f/%FF".to_owned(),
            "/n/abc".to_owned(),
            "/portal/s/%FF".to_owned(),
            "/portal/me/exports/%FF".to_owned(),
        ];
        for path in &not_found {
            let r = env.send(Method::GET, path, None, None).await;
            assert_public_page(&r, StatusCode::NOT_FOUND, path);
        }
        for path in ["/c/%FF", "/u/%FF", "/p/%FF", "/p/%FF/unsubscribe-all", "/f/%FF", "/portal/s/%FF"] {
            let r = env.send(Method::POST, path, None, Some(String::new())).await;
            assert_public_page(&r, StatusCode::NOT_FOUND, path);
        }
        // A query that cannot be read is a page too.
        for path in
            [format!("/p/{prefs}?lang=en&lang=it"), "/u/garbage?lang=en&lang=it".into(), "/portal?lang=a&lang=b".into()]
        {
            let r = env.send(Method::GET, &path, None, None).await;
            assert_public_page(&r, StatusCode::BAD_REQUEST, &path);
        }
        // A receipt that is not there is a page as well.
        let r = env.send(Method::GET, &format!("/p/{prefs}/receipts/12345"), None, None).await;
        assert_public_page(&r, StatusCode::NOT_FOUND, "unknown receipt");
    })
    .await;
}

#[tokio::test]
async fn bulk_counts_only_existing_contacts() {
    on_both("small-bulk", |env| async move {
        let a = contact(&env, "Elena", "elena.ferri@example.it").await;
        let b = contact(&env, "Luca", "luca.moretti@example.com").await;
        let unknown = Uuid::now_v7().to_string();
        let purpose = env
            .id(
                "/purposes",
                json!({"name": "Product news", "description": "What we send and why", "default_basis": "consent",
                   "data_categories": ["contact details"]}),
            )
            .await;
        let basis =
            json!({"purpose_id": purpose, "basis": "legitimate_interests", "source": "manual", "lia_ref": "LIA-1"});
        let bulk =
            |ids: Vec<&str>, dry_run| json!({"selection": {"contact_ids": ids}, "basis": basis, "dry_run": dry_run});

        // The API's dry run counts the two contacts, not the unknown id (nor a repeat).
        let r =
            env.call(Method::POST, "/bases/bulk", Some(bulk(vec![&a, &unknown, &b, &a], true)), StatusCode::OK).await;
        assert_eq!(r, json!({"count": 2}));
        let r = env.call(Method::POST, "/bases/bulk", Some(bulk(vec![&unknown], true)), StatusCode::OK).await;
        assert_eq!(r, json!({"count": 0}));
        // Applying the two alone changes them.
        let r = env.call(Method::POST, "/bases/bulk", Some(bulk(vec![&a, &b], false)), StatusCode::OK).await;
        assert_eq!(r, json!({"count": 2}));

        // The contacts page's confirmation counts the same way.
        let browser = env.sign_in(ADMIN_EMAIL, PASSWORD).await;
        let r = preview(&env, &browser, &[&a, &unknown, &b]).await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.body);
        assert!(r.body.contains("on <strong>2</strong> contacts"), "{}", r.body);
        assert!(r.body.contains("Change 2 contacts"), "{}", r.body);
        let r = preview(&env, &browser, &[&unknown]).await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.body);
        assert!(r.body.contains("None of the ticked contacts exists"), "{}", r.body);
        assert!(!r.body.contains("<button type=\"submit\">Change"), "{}", r.body);
        // So does a consent request's.
        let notice = env
            .id(
                "/notices",
                json!({"name": "Product news notice", "language": "en", "url": "https://privacy.example.com/notice",
                   "body": "Example S.r.l. uses your email address to send product news."}),
            )
            .await;
        let mut fields = vec![
            ("scope", "selected"),
            ("action", "request_consent"),
            ("purpose", purpose.as_str()),
            ("notice", notice.as_str()),
            ("mail_subject", "May we write?"),
            ("mail_body", "We would like to send you product news."),
            ("wait_days", "14"),
        ];
        fields.extend([("ids", a.as_str()), ("ids", unknown.as_str()), ("ids", b.as_str())]);
        let r = env.post(&browser, "/contacts/bulk", &fields).await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.body);
        assert!(r.body.contains("Send to 2 contacts"), "{}", r.body);
    })
    .await;
}

/// The confirmation page of adding a tag to the ticked `ids`.
async fn preview(env: &TestApp, b: &Browser, ids: &[&str]) -> Resp {
    let mut fields = vec![("scope", "selected"), ("action", "add_tag"), ("tag", "fair")];
    fields.extend(ids.iter().map(|i| ("ids", *i)));
    env.post(b, "/contacts/bulk", &fields).await
}

/// Uploads `csv` on the import page under the file name `name`.
async fn upload(env: &TestApp, b: &Browser, name: &str, csv: &str) -> Resp {
    let boundary = "kith-small-fixes-boundary-5Qz";
    let body = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n{}\r\n\
         --{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\n\
         Content-Type: text/csv\r\n\r\n{csv}\r\n--{boundary}--\r\n",
        b.csrf
    );
    let req = Request::builder()
        .method(Method::POST)
        .uri("/import")
        .header(header::COOKIE, &b.cookie)
        .header(header::CONTENT_TYPE, format!("multipart/form-data; boundary={boundary}"))
        .body(Body::from(body))
        .unwrap();
    let res = env.router.clone().oneshot(req).await.unwrap();
    let (parts, body) = res.into_parts();
    let bytes = axum::body::to_bytes(body, usize::MAX).await.unwrap();
    Resp { status: parts.status, headers: parts.headers, body: String::from_utf8_lossy(&bytes).into_owned() }
}

#[tokio::test]
async fn an_uploaded_file_keeps_only_its_base_name() {
    on_both("small-import", |env| async move {
        let b = env.sign_in(ADMIN_EMAIL, PASSWORD).await;
        let csv = "Nome;Email\r\nElisa;elisa.moretti@example.it\r\n";
        for (sent, kept) in [
            (r"C:\Users\elisa.moretti\Desktop\fiera-2026.csv", "fiera-2026.csv"),
            ("/home/elisa.moretti/liste/fiera-2026.csv", "fiera-2026.csv"),
            (r"..\..\mixed/dir\contatti.csv", "contatti.csv"),
            ("contatti.csv", "contatti.csv"),
            (r"C:\Users\elisa.moretti\", "upload.csv"),
        ] {
            let r = upload(&env, &b, sent, csv).await;
            assert_eq!(r.status, StatusCode::SEE_OTHER, "{sent}: {}", r.body);
            let run = env.send(Method::GET, r.location(), Some(&b.cookie), None).await;
            assert_eq!(run.status, StatusCode::OK, "{}", run.body);
            assert!(run.body.contains(&format!("<h1>Import of {kept}</h1>")), "{sent}: {}", run.body);
            assert!(!run.body.contains("elisa.moretti\\") && !run.body.contains("Users"), "{}", run.body);
        }
        let list = env.send(Method::GET, "/import", Some(&b.cookie), None).await;
        assert!(!list.body.contains("Users") && !list.body.contains("/home/"), "{}", list.body);
    })
    .await;
}
