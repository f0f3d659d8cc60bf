//! Signed consent receipts (JWS): mailed, published key, downloads.

use super::{link_token, ConsentApp};
use crate::harness::on_both;
use axum::http::{header, Method, StatusCode};
use base64::engine::general_purpose::URL_SAFE_NO_PAD as B64;
use base64::Engine as _;
use serde_json::{json, Value};

/// Verifies a compact EdDSA JWS with the raw Ed25519 public key `pk`;
/// returns the payload's JSON if the signature holds.
pub(super) fn verify_jws(jws: &str, pk: &[u8]) -> Option<Value> {
    let mut parts = jws.split('.');
    let (h, p, s) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() {
        return None;
    }
    let sig = B64.decode(s).ok()?;
    let input = format!("{h}.{p}");
    ring::signature::UnparsedPublicKey::new(&ring::signature::ED25519, pk).verify(input.as_bytes(), &sig).ok()?;
    serde_json::from_slice(&B64.decode(p).ok()?).ok()
}

/// The receipt-signing key as published at the well-known address.
pub(super) async fn receipt_key(env: &ConsentApp) -> Vec<u8> {
    let r = env.page(Method::GET, "/.well-known/kith-receipt-key.json", None, &[]).await.expect(StatusCode::OK);
    let jwk = r.json();
    assert_eq!(
        (jwk["kty"].as_str(), jwk["crv"].as_str(), jwk["alg"].as_str()),
        (Some("OKP"), Some("Ed25519"), Some("EdDSA"))
    );
    let pk = B64.decode(jwk["x"].as_str().expect("x")).expect("x is base64url");
    assert_eq!(pk.len(), 32, "an Ed25519 public key");
    pk
}

/// Records a `given` through the API for a new contact with an email;
/// returns (contact, purpose, seq of the `given`, seq of the `requested` before it).
async fn given_through_the_api(env: &ConsentApp) -> (String, String, i64, i64) {
    let purpose = env.purpose("Newsletter").await;
    let notice = env.notice("Newsletter notice").await;
    let c = env.contact(json!({"first_name": "Sara", "emails": ["sara.gallo@example.it"]})).await;
    let requested = env
        .record(
            &c,
            json!({"purpose_id": purpose, "action": "requested", "channels": ["email"], "method": "web_form", "notice_id": notice}),
        )
        .await;
    let given = env
        .record(
            &c,
            json!({"purpose_id": purpose, "action": "given", "channels": ["email"], "method": "web_form", "evidence_ref": "form system submission 881",
                   "notice_id": notice, "affirmative_act": "ticked the unticked newsletter box",
                   "third_parties": ["Partner Example S.p.A."]}),
        )
        .await;
    (c, purpose, given, requested)
}

/// Checks a receipt (`{receipt, jws}`) against the ledger event it is
/// about and the published key, and that a changed payload fails.
async fn assert_receipt_verifies(env: &ConsentApp, r: &Value, event: &Value, contact: &str) {
    let receipt = &r["receipt"];
    assert_eq!(receipt["version"], json!("KI-CR-v1.1.0"));
    assert_eq!(receipt["consentReceiptID"], event["id"]);
    assert_eq!(receipt["piiPrincipalId"], json!(contact));
    assert_eq!(receipt["collectionMethod"], event["method"]);
    assert_eq!(receipt["kith"]["event"], event["action"]);
    assert_eq!(receipt["services"][0]["purposes"][0]["thirdPartyDisclosure"], json!(true));

    let pk = receipt_key(env).await;
    assert_eq!(receipt["publicKey"].as_str().map(|x| B64.decode(x).unwrap()), Some(pk.clone()));
    let jws = r["jws"].as_str().expect("jws");
    let header: Value = serde_json::from_slice(&B64.decode(jws.split('.').next().unwrap()).unwrap()).unwrap();
    assert_eq!((header["alg"].as_str(), header["kid"].as_str()), (Some("EdDSA"), Some("kith-receipt-1")));
    let payload = verify_jws(jws, &pk).expect("the receipt's signature verifies with the published key");
    assert_eq!(&payload, receipt, "the JWS payload is the receipt");

    // One character of the payload changed: the signature no longer holds.
    let (h, rest) = jws.split_once('.').unwrap();
    let (p, s) = rest.split_once('.').unwrap();
    let mut forged = p.as_bytes().to_vec();
    let i = forged.len() / 2;
    forged[i] = if forged[i] == b'A' { b'B' } else { b'A' };
    let forged = format!("{h}.{}.{s}", String::from_utf8(forged).unwrap());
    assert!(verify_jws(&forged, &pk).is_none(), "a tampered receipt verified");
    // Nor does another key verify the original.
    let mut other = pk.clone();
    other[0] ^= 1;
    assert!(verify_jws(jws, &other).is_none(), "verified with the wrong key");
}

/// Recording a `given` mails the person a Kantara v1.1 receipt, signed
/// with Ed25519 as a compact JWS that verifies with the key published at
/// `/.well-known/kith-receipt-key.json` — and only while unchanged.
#[tokio::test]
async fn mailed_receipts_are_signed_and_verify_with_the_published_key() {
    on_both("mailed_receipts_are_signed_and_verify_with_the_published_key", |t| async move {
        let env = ConsentApp::new(t);
        let (c, _, seq, _) = given_through_the_api(&env).await;
        let event = env.consents(&c).await.into_iter().find(|e| e["seq"] == json!(seq)).unwrap();
        env.deliver().await;
        let mails = env.mails("receipt", Some(&c)).await;
        assert_eq!(mails.len(), 1, "one receipt, for the `given` only");
        assert_eq!(mails[0].to, "sara.gallo@example.it");
        let (name, ctype, body) = &mails[0].attachments[0];
        assert_eq!((name.as_str(), ctype.as_str()), ("consent-receipt.json", "application/json"));
        let r: Value = serde_json::from_str(body).expect("the attachment is JSON");
        assert_receipt_verifies(&env, &r, &event, &c).await;
    })
    .await;
}

/// Staff download a receipt through the API, the person from the
/// preference centre; only `given` and `withdrawn` events have one.
#[tokio::test]
async fn receipts_download_through_the_api_and_the_preference_centre() {
    on_both("receipts_download_through_the_api_and_the_preference_centre", |t| async move {
        let env = ConsentApp::new(t);
        let (c, purpose, seq, requested) = given_through_the_api(&env).await;
        let event = env.consents(&c).await.into_iter().find(|e| e["seq"] == json!(seq)).unwrap();
        let r = env.get(&format!("/contacts/{c}/consents/{seq}/receipt")).await;
        assert_receipt_verifies(&env, &r, &event, &c).await;
        assert_eq!(r["receipt"]["policyUrl"], json!("https://privacy.example.com/notice"));
        assert_eq!(r["receipt"]["kith"]["purposeId"], json!(purpose));

        env.api(Method::GET, &format!("/contacts/{c}/consents/{requested}/receipt"), None)
            .await
            .expect(StatusCode::NOT_FOUND);
        let other = env.contact(json!({"first_name": "Paolo"})).await;
        env.api(Method::GET, &format!("/contacts/{other}/consents/{seq}/receipt"), None)
            .await
            .expect(StatusCode::NOT_FOUND);

        env.deliver().await;
        let prefs = link_token(&env.mails("receipt", Some(&c)).await[0].text, "/p/");
        let r = env.page(Method::GET, &format!("/p/{prefs}/receipts/{seq}"), None, &[]).await.expect(StatusCode::OK);
        assert!(r.headers[header::CONTENT_DISPOSITION].to_str().unwrap().contains("consent-receipt.json"));
        assert_receipt_verifies(&env, &r.json(), &event, &c).await;
    })
    .await;
}
