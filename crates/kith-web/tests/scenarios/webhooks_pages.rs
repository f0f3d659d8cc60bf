//! **Admin → Webhooks** as a browser uses it (both engines): register an
//! endpoint (the secret shown once), send a test ping to a real receiver,
//! read the delivery log, redeliver; refused input named on the form;
//! admin only.

use crate::harness::on_both;
use crate::webhooks::{receiver, settings, verify, DEV};
use axum::http::{Method, StatusCode};
use kith_app::mailer::Transport;
use kith_domain::Role;

#[tokio::test]
async fn admins_register_test_and_redeliver_from_the_pages() {
    on_both("webhooks_pages", |env| async move {
        let env = env.with_settings(settings(DEV));
        let (url, got, _) = receiver().await;
        let admin = env.sign_in(crate::harness::ADMIN_EMAIL, crate::harness::PASSWORD).await;
        let list = env.get(&admin, "/admin/webhooks").await;
        assert_eq!(list.status, StatusCode::OK);
        assert!(list.body.contains("Register an endpoint"));

        let refused = env
            .post(&admin, "/admin/webhooks", &[("url", "ftp://hooks.example.com/"), ("events", "contact.created")])
            .await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            refused.body.contains("wh-url-error") && refused.body.contains("must start with https://"),
            "{}",
            refused.body
        );

        let created = env
            .post(
                &admin,
                "/admin/webhooks",
                &[("url", &url), ("description", "Mirror"), ("events", "contact.created"), ("active", "on")],
            )
            .await;
        assert_eq!(created.status, StatusCode::OK, "{}", created.body);
        let secret = created.text_of("new-secret").expect("the secret shown once");
        assert!(secret.starts_with("whsec_"));
        let list = env.get(&admin, "/admin/webhooks").await;
        assert!(list.body.contains(&url) && !list.body.contains(&secret), "shown only once");
        let at = list.body.find("/admin/webhooks/").unwrap();
        let id: String = list.body[at + 16..].chars().take_while(|c| *c != '"').collect();

        let tested = env.post(&admin, &format!("/admin/webhooks/{id}/test"), &[]).await;
        assert!(tested.body.contains("A ping is queued"), "{}", tested.body);
        env.app.run_webhooks(&Transport::Outbox).await.unwrap();
        let (headers, body) = got.all().pop().expect("the ping arrived");
        assert!(verify(&secret, &headers, &body, time::OffsetDateTime::now_utc().unix_timestamp()));
        let page = env.get(&admin, &format!("/admin/webhooks/{id}")).await;
        assert!(page.body.contains("delivered") && page.body.contains("<code>ping</code>"), "{}", page.body);
        let at = page.body.find("/deliveries/").unwrap();
        let delivery: String = page.body[at + 12..].chars().take_while(|c| *c != '/').collect();
        let again = env.post(&admin, &format!("/admin/webhooks/{id}/deliveries/{delivery}/redeliver"), &[]).await;
        assert!(again.body.contains("queued again"), "{}", again.body);
        env.app.run_webhooks(&Transport::Outbox).await.unwrap();
        assert_eq!(got.all().len(), 2);

        let sales = env.sign_in_as(Role::Sales).await;
        assert_eq!(env.get(&sales, "/admin/webhooks").await.status, StatusCode::FORBIDDEN);
        let removed = env.post(&admin, &format!("/admin/webhooks/{id}/delete"), &[]).await;
        assert_eq!(removed.status, StatusCode::SEE_OTHER);
        assert!(!env.get(&admin, "/admin/webhooks").await.body.contains(&url));
    })
    .await;
}

/// An endpoint that does not answer costs one attempt per run: its other
/// deliveries are pushed back untried, and processor mail is not held up.
#[tokio::test]
async fn an_unreachable_endpoint_is_tried_once_per_run() {
    crate::harness::on_both("webhooks_unreachable", |env| async move {
        let env = env.with_settings(crate::webhooks::settings(crate::webhooks::DEV));
        let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let port = closed.local_addr().unwrap().port();
        drop(closed);
        let hook = env
            .id(
                "/webhooks",
                serde_json::json!({"url": format!("http://127.0.0.1:{port}/hook"), "events": ["contact.created"]}),
            )
            .await;
        for _ in 0..3 {
            env.call(Method::POST, &format!("/webhooks/{hook}/test"), None, StatusCode::ACCEPTED).await;
        }
        env.app.run_webhooks(&kith_app::mailer::Transport::Outbox).await.unwrap();
        let log = env.call(Method::GET, &format!("/webhooks/{hook}/deliveries"), None, StatusCode::OK).await;
        let mut attempts: Vec<i64> = log.as_array().unwrap().iter().map(|d| d["attempts"].as_i64().unwrap()).collect();
        attempts.sort();
        assert_eq!(attempts, [0, 0, 1], "{log}");
    })
    .await;
}

#[tokio::test]
async fn an_update_without_active_keeps_a_paused_endpoint_paused() {
    on_both("webhooks_keep_paused", |env| async move {
        let env = env.with_settings(settings(DEV));
        let body = |active: Option<bool>| {
            let mut b = serde_json::json!({"url": "http://127.0.0.1:9/hook", "events": ["contact.created"]});
            if let Some(a) = active {
                b["active"] = a.into();
            }
            b
        };
        let hook = env.id("/webhooks", body(Some(false))).await;
        let put = env.call(Method::PUT, &format!("/webhooks/{hook}"), Some(body(None)), StatusCode::OK).await;
        assert_eq!(put["active"], false, "{put}");
        let put = env.call(Method::PUT, &format!("/webhooks/{hook}"), Some(body(Some(true))), StatusCode::OK).await;
        assert_eq!(put["active"], true, "{put}");
    })
    .await;
}
