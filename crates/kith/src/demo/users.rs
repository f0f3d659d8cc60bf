//! The demo's staff users, and the contacts' owners among them.

use super::summary::DemoUser;
use crate::error::CliError;
use crate::rng::Rng;
use kith_app::{App, AppError, Principal};
use kith_domain::Role;

/// Email, role, and the language and time zone set on their account (the
/// admin follows the browser): a French sales person, a Bulgarian marketer
/// and an Italian DPO, as the first users are.
/// A language code and an IANA time zone.
type Locale = Option<(&'static str, &'static str)>;

const USERS: [(&str, Role, Locale); 4] = [
    ("demo-admin@kith.example", Role::Admin, None),
    ("demo-sales@kith.example", Role::Sales, Some(("fr", "Europe/Paris"))),
    ("demo-marketing@kith.example", Role::Marketing, Some(("bg", "Europe/Sofia"))),
    ("demo-dpo@kith.example", Role::Dpo, Some(("it", "Europe/Rome"))),
];

/// The demo users who may own contacts and deals, acting as themselves.
pub(super) struct Owners(pub(super) Vec<Principal>);

impl Owners {
    /// An owner (its index): sales `sales_pct` times in 100, marketing and
    /// admin sharing the rest.
    pub(super) fn pick(&self, rng: &mut Rng, sales_pct: u64) -> usize {
        let r = rng.range(0, 99);
        let role = if r < sales_pct {
            Role::Sales
        } else if r < sales_pct + (100 - sales_pct) / 2 {
            Role::Marketing
        } else {
            Role::Admin
        };
        self.0.iter().position(|o| o.role == role).unwrap_or(0)
    }
}

/// Adds the demo users (a user that already exists keeps its password).
pub(super) async fn seed_users(app: &App, p: &Principal) -> Result<(Owners, Vec<DemoUser>), CliError> {
    let mut owners = Vec::new();
    let mut users = Vec::new();
    for (email, role, locale) in USERS {
        let password = kith_app::new_secret();
        let (id, password) = match app.add_user(p, email, role, &password).await {
            Ok(u) => (u.id, Some(password)),
            Err(AppError::Conflict(_)) => {
                (app.user_by_email(p, email).await.map_err(CliError::app("demo data: cannot find a user"))?.id, None)
            }
            Err(e) => return Err(CliError::app("demo data: cannot add a user")(e)),
        };
        let me = Principal { user: id, role, request_id: uuid::Uuid::now_v7().to_string(), token: None };
        if let (Some((lang, zone)), Some(_)) = (locale, &password) {
            app.set_my_locale(&me, lang, zone).await.map_err(CliError::app("demo data: cannot set a language"))?;
        }
        if role.can_write_crm() {
            owners.push(me);
        }
        users.push(DemoUser { email, role, password, language: locale.map(|(l, _)| l) });
    }
    Ok((Owners(owners), users))
}
