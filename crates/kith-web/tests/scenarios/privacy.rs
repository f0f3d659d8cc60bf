//! Personal data written through the API is never stored in clear: the raw
//! bytes of the SQLite file and its WAL, and every row of every PostgreSQL
//! table, are searched for the values. Deleting the contact through the API
//! leaves neither its key nor its sealed data behind.

use crate::harness::{on_both, TestApp};
use axum::http::{Method, StatusCode};
use kith_domain::SubjectId;
use kith_store::Engine;
use serde_json::json;

const VALUES: [&str; 7] = [
    "Ottavia",
    "Quartararo",
    "ottavia.quartararo@example.it",
    "+39 347 555 0199",
    "Via dei Sette Nani 7",
    "Castelfiorito",
    "allergica ai crostacei",
];

/// Writes the values through the API; returns the contact id.
async fn write_through_api(env: &TestApp) -> SubjectId {
    let id = env
        .id(
            "/contacts",
            json!({
                "first_name": VALUES[0], "last_name": VALUES[1], "emails": [VALUES[2]], "phones": [VALUES[3]],
                "address": {"street": VALUES[4], "city": VALUES[5]}, "notes": "no notes"
            }),
        )
        .await;
    let note = json!({"kind": "note", "body": format!("Mentioned she is {}", VALUES[6])});
    env.call(Method::POST, &format!("/contacts/{id}/interactions"), Some(note), StatusCode::CREATED).await;
    let found = env.call(Method::POST, "/contacts/search", Some(json!({"q": VALUES[2]})), StatusCode::OK).await;
    assert_eq!(found["items"][0]["last_name"], VALUES[1], "the value is there, readable through the API");
    SubjectId(id.parse().unwrap())
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

fn hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}

/// Bytes as stored: raw in SQLite's file, hex in PostgreSQL's rows.
fn present(hay: &[u8], b: &[u8]) -> bool {
    contains(hay, b) || contains(hay, hex(b).as_bytes())
}

fn assert_no_values(hay: &[u8]) {
    for v in VALUES {
        for form in [v.to_owned(), v.to_lowercase(), hex(v.as_bytes())] {
            assert!(!contains(hay, form.as_bytes()), "a personal value is stored in clear");
        }
    }
}

#[tokio::test]
async fn stored_bytes_hold_no_personal_value_and_deletion_leaves_no_key() {
    on_both("privacy", |env| async move {
        let id = write_through_api(&env).await;
        let before = env.stored_bytes().await;
        if env.engine() == Engine::Sqlite {
            assert!(before.len() > 100_000, "the probe reads the real files");
        }
        assert_no_values(&before);

        let (wrapped, sealed) = env.store.raw_contact_bytes(id).await.unwrap().unwrap();
        assert!(present(&before, &wrapped) && present(&before, &sealed), "the probe sees stored bytes");
        env.call(Method::DELETE, &format!("/contacts/{}", id.0), None, StatusCode::NO_CONTENT).await;
        let after = env.stored_bytes().await;
        assert!(!present(&after, &wrapped), "the subject key survives deletion");
        assert!(!present(&after, &sealed), "the sealed record survives deletion");
        assert_no_values(&after);
    })
    .await;
}
