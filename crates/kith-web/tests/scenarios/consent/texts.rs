//! Purposes and subscription types in other languages: the privacy roles set
//! a name and description per language, others read them, bad input changes
//! nothing.

use crate::harness::on_both;
use axum::http::{Method, StatusCode};
use kith_domain::Role;
use serde_json::json;

#[tokio::test]
async fn purposes_and_subscription_types_have_texts_per_language() {
    on_both("purposes_and_subscription_types_have_texts_per_language", |env| async move {
        let purpose = env
            .id("/purposes", json!({"name": "Newsletter", "description": "Monthly news", "default_basis": "consent"}))
            .await;
        let path = format!("/purposes/{purpose}/texts");
        let fr = json!({"name": " Lettre d'information ", "description": "Les nouvelles du mois."});
        let v = env.call(Method::PUT, &format!("{path}/fr"), Some(fr), StatusCode::OK).await;
        assert_eq!(v, json!([{"language": "fr", "name": "Lettre d'information", "description": "Les nouvelles du mois."}]));
        let bg = json!({"name": "Бюлетин"});
        env.call(Method::PUT, &format!("{path}/bg"), Some(bg), StatusCode::OK).await;
        let v = env.call(Method::GET, &path, None, StatusCode::OK).await;
        let langs: Vec<&str> = v.as_array().unwrap().iter().map(|t| t["language"].as_str().unwrap()).collect();
        assert_eq!(langs, ["bg", "fr"]);

        // Bad input: an unknown language, a name on two lines, no such purpose, a role that may not.
        for (lang, body) in [("xx", json!({"name": "x"})), ("FR", json!({"name": "x"})), ("de", json!({"name": "a\nb"}))] {
            let v = env.call(Method::PUT, &format!("{path}/{lang}"), Some(body), StatusCode::UNPROCESSABLE_ENTITY).await;
            assert_eq!(v["type"], "https://kith.invalid/problems/validation", "{v}");
        }
        let nobody = uuid::Uuid::now_v7();
        env.call(Method::PUT, &format!("/purposes/{nobody}/texts/de"), Some(json!({"name": "x"})), StatusCode::NOT_FOUND)
            .await;
        let sales = env.token_for(Role::Sales).await;
        let body = Some(json!({"name": "Verkauf"}));
        env.call_as(&sales, Method::PUT, &format!("{path}/de"), body, StatusCode::FORBIDDEN).await;
        let v = env.call_as(&sales, Method::GET, &path, None, StatusCode::OK).await;
        assert_eq!(v.as_array().unwrap().len(), 2, "nothing changed, and sales may read");

        // An empty text removes the language.
        let empty = json!({"name": "", "description": ""});
        let v = env.call(Method::PUT, &format!("{path}/bg"), Some(empty), StatusCode::OK).await;
        assert_eq!(v.as_array().unwrap().len(), 1);

        // Subscription types the same way.
        let sub = env
            .id(
                "/subscription-types",
                json!({"name": "Monthly newsletter", "description": "Once a month", "purpose_id": purpose, "channels": ["email"]}),
            )
            .await;
        let body = Some(json!({"name": "Monatlicher Newsletter", "description": "Einmal im Monat"}));
        let v = env.call(Method::PUT, &format!("/subscription-types/{sub}/texts/de"), body, StatusCode::OK).await;
        assert_eq!(v[0]["name"], "Monatlicher Newsletter");
        let texts = env.app.texts_in(kith_app::texts::TextOwner::SubscriptionType, "de").await.unwrap();
        assert_eq!(texts.len(), 1);
    })
    .await;
}
