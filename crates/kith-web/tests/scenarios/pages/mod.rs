//! The staff pages through the real router, on SQLite and on PostgreSQL:
//! sign-in, sessions, CSRF, throttling, escaping, field visibility, bulk
//! actions, saved views, deals, admin, privacy work, imports and fields.
//! All data fictitious.

mod contacts;
mod crm_imports;
mod fields;
mod imports;
mod overview;
mod privacy;
mod sign_in;

use crate::harness::{Browser, Resp, TestApp};
use kith_app::contacts::NewContact;
use kith_app::Principal;
use kith_domain::{ContactData, Email, Phone, Role};
use uuid::Uuid;

/// Submits the field-visibility matrix: the defaults (marketing sees
/// no phones or addresses) plus one more field hidden from one role.
async fn save_visibility(env: &TestApp, s: &Browser, also_hidden: (Role, kith_domain::Field)) -> Resp {
    use kith_domain::Field;
    let mut ticked = Vec::new();
    for role in Role::ALL {
        for f in Field::ALL {
            let hidden =
                (role == Role::Marketing && matches!(f, Field::Phones | Field::Address)) || (role, f) == also_hidden;
            if !hidden {
                ticked.push(format!("{}:{}", role.as_str(), f.as_str()));
            }
        }
    }
    let fields: Vec<(&str, &str)> = ticked.iter().map(|t| ("visible", t.as_str())).collect();
    env.post(s, "/admin/fields", &fields).await
}

/// A contact created through the app.
async fn contact(env: &TestApp, first: &str, last: &str, phone: Option<&str>, tags: &[&str]) -> Uuid {
    let data = ContactData {
        first_name: Some(first.into()),
        last_name: Some(last.into()),
        emails: vec![Email::parse(&format!("{}@example.it", Uuid::now_v7().simple())).unwrap()],
        phones: phone.map(|p| vec![Phone::parse(p).unwrap()]).unwrap_or_default(),
        ..Default::default()
    };
    let n = NewContact { data, tags: tags.iter().map(|t| t.to_string()).collect(), ..Default::default() };
    env.app.create_contact(&Principal::cli(), n, None).await.expect("contact").id.0
}
