//! Data the contracts are written with.

use crate::engines::ctx;
use kith_domain::{ContactData, Email, Phone, Role, SubjectId, UserId};
use kith_store::contacts::ContactInput;
use kith_store::staff::User;
use kith_store::Store;

pub fn person(first: &str, last: &str, email: &str, phone: &str) -> ContactData {
    ContactData {
        first_name: Some(first.into()),
        last_name: Some(last.into()),
        emails: vec![Email::parse(email).unwrap()],
        phones: vec![Phone::parse(phone).unwrap()],
        address: None,
        job_title: Some("Buyer".into()),
        notes: Some(format!("met {first} at the fair")),
        custom: Default::default(),
    }
}

pub fn input(data: ContactData) -> ContactInput {
    ContactInput { id: SubjectId::new(), owner: None, company: None, tags: vec![], data, source: None }
}

pub async fn add_user(s: &Store) -> UserId {
    let u = User {
        id: UserId::new(),
        email: format!("{}@example.com", uuid::Uuid::now_v7().simple()),
        role: Role::Sales,
        password_hash: "x".into(),
        created_at: time::OffsetDateTime::now_utc(),
        disabled: false,
        must_change_password: false,
        last_sign_in_at: None,
        second_factor: false,
    };
    s.insert_user(&ctx(), &u).await.unwrap();
    u.id
}
