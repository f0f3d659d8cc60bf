//! Administration (`admin` only): users and their roles, the
//! field-visibility matrix, and API tokens (shown once when created).

use super::form::{Errors, NoFields, StaffForm};
use super::session::{layout, Staff};
use super::view::{self, Layout};
use super::{render, render_status, Id, PageError, PageResult};
use askama::Template;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect};
use axum::routing::{get, post};
use axum::Router;
use kith_app::deletion::DELEGABLE;
use kith_app::sessions::Session;
use kith_app::{App, AppError};
use kith_domain::{Field, Role, TokenId, UserId};
use kith_i18n::Tr;
use serde::Deserialize;
use uuid::Uuid;

pub(super) fn router() -> Router<App> {
    Router::new()
        .route("/admin/users", get(users).post(add_user))
        .route("/admin/users/{id}/role", post(set_role))
        .route("/admin/users/{id}/disable", post(disable_user))
        .route("/admin/users/{id}/enable", post(enable_user))
        .route("/admin/users/{id}/password-reset", post(reset_password))
        .route("/admin/users/{id}/unlock", post(unlock_user))
        .route("/admin/fields", get(fields).post(save_fields))
        .route("/admin/deletion", post(save_deletion))
        .route("/admin/tokens", get(tokens).post(create_token))
        .route("/admin/tokens/{id}/revoke", post(revoke_token))
}

fn admin_only(s: &Session) -> Result<(), PageError> {
    if s.role().can_administer() {
        Ok(())
    } else {
        Err(AppError::Forbidden("administer Kith").into())
    }
}

/// A role's name as the reader reads it (`role-*` messages).
fn role_name(tr: &Tr, r: Role) -> String {
    tr.t(&format!("role-{}", r.as_str()))
}

/// Every role: its code and its name.
fn roles(tr: &Tr) -> Vec<(&'static str, String)> {
    Role::ALL.iter().map(|r| (r.as_str(), role_name(tr, *r))).collect()
}

// ----------------------------------------------------------------- users

struct UserRow {
    id: String,
    email: String,
    role: &'static str,
    created: String,
    disabled: bool,
    last_sign_in: String,
    must_change_password: bool,
    second_factor: bool,
    /// Until when sign-in waits after failed attempts, if it does.
    locked_until: String,
    is_me: bool,
}

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
struct NewUser {
    email: String,
    role: String,
    password: String,
}

#[derive(Template)]
#[template(path = "admin_users.html")]
struct UsersPage {
    l: Layout,
    users: Vec<UserRow>,
    roles: Vec<(&'static str, String)>,
    f: NewUser,
    errors: Errors,
    notice: Option<String>,
}

async fn users_page(app: &App, s: Session, f: NewUser, errors: Errors, notice: Option<String>) -> PageResult {
    admin_only(&s)?;
    let mut users = Vec::new();
    for u in app.list_users(&s.principal).await? {
        let locked = app.locked_until(&s.principal, &u).await?;
        users.push(UserRow {
            id: u.id.to_string(),
            is_me: u.id == s.principal.user,
            email: u.email,
            role: u.role.as_str(),
            created: s.tr.date(u.created_at),
            disabled: u.disabled,
            last_sign_in: u.last_sign_in_at.map(|t| s.tr.date_time(t)).unwrap_or_else(|| s.tr.t("admin-users-never")),
            must_change_password: u.must_change_password,
            second_factor: u.second_factor,
            locked_until: locked.map(|t| s.tr.date_time(t)).unwrap_or_default(),
        });
    }
    let status = errors.status();
    let f = NewUser { password: String::new(), ..f };
    let roles = roles(&s.tr);
    Ok(render_status(status, &UsersPage { l: layout(&s, "admin"), users, roles, f, errors, notice }))
}

/// A user action's outcome, shown on the users page; a refusal (the last
/// admin, one's own account) is shown there too, not as an error page.
async fn after_action(app: &App, s: Session, r: kith_app::Result<String>) -> PageResult {
    match r {
        Ok(notice) => users_page(app, s, NewUser::default(), Errors::default(), Some(notice)).await,
        Err(AppError::Conflict(m)) => {
            let mut res = users_page(app, s, NewUser::default(), Errors(vec![(String::new(), m)]), None).await?;
            *res.status_mut() = axum::http::StatusCode::CONFLICT;
            Ok(res)
        }
        Err(e) => Err(e.into()),
    }
}

async fn disable_user(
    State(app): State<App>,
    Id(id): Id<Uuid>,
    StaffForm { staff, .. }: StaffForm<NoFields>,
) -> PageResult {
    admin_only(&staff)?;
    let r = app.disable_user(&staff.principal, UserId(id)).await;
    let notice = staff.tr.t("admin-users-disabled-notice");
    after_action(&app, staff, r.map(|_| notice)).await
}

async fn enable_user(
    State(app): State<App>,
    Id(id): Id<Uuid>,
    StaffForm { staff, .. }: StaffForm<NoFields>,
) -> PageResult {
    admin_only(&staff)?;
    let r = app.enable_user(&staff.principal, UserId(id)).await;
    let notice = staff.tr.t("admin-users-enabled-notice");
    after_action(&app, staff, r.map(|_| notice)).await
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct ResetForm {
    /// "on" when the user's second factor goes too (they lost it).
    clear_second_factor: String,
}

async fn reset_password(
    State(app): State<App>,
    Id(id): Id<Uuid>,
    StaffForm { staff, form }: StaffForm<ResetForm>,
) -> PageResult {
    admin_only(&staff)?;
    let clear = !form.clear_second_factor.is_empty();
    let msg = if clear { "admin-users-reset-2fa-notice" } else { "admin-users-reset-notice" };
    let tr = staff.tr.clone();
    let r = app.reset_password(&staff.principal, UserId(id), clear).await.map(|temp| tr.t1(msg, "password", temp));
    after_action(&app, staff, r).await
}

async fn unlock_user(
    State(app): State<App>,
    Id(id): Id<Uuid>,
    StaffForm { staff, .. }: StaffForm<NoFields>,
) -> PageResult {
    admin_only(&staff)?;
    let r = app.unlock_user(&staff.principal, UserId(id)).await;
    let notice = staff.tr.t("admin-users-unlocked-notice");
    after_action(&app, staff, r.map(|_| notice)).await
}

async fn users(State(app): State<App>, Staff(s): Staff) -> PageResult {
    users_page(&app, s, NewUser { role: "sales".into(), ..Default::default() }, Errors::default(), None).await
}

async fn add_user(State(app): State<App>, StaffForm { staff, form }: StaffForm<NewUser>) -> PageResult {
    admin_only(&staff)?;
    let Some(role) = Role::parse(&form.role) else {
        let e = Errors(vec![("role".into(), staff.tr.t("admin-users-choose-role"))]);
        return users_page(&app, staff, form, e, None).await;
    };
    match app.add_user(&staff.principal, &form.email, role, &form.password).await {
        Ok(_) => {
            let notice = Some(staff.tr.t("admin-users-added-notice"));
            users_page(&app, staff, NewUser::default(), Errors::default(), notice).await
        }
        Err(AppError::Invalid(inv)) => users_page(&app, staff, form, Errors::from_invalid(&inv), None).await,
        Err(AppError::Conflict(_)) => {
            let e = Errors(vec![("email".into(), staff.tr.t("admin-users-email-taken"))]);
            users_page(&app, staff, form, e, None).await
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct RoleForm {
    role: String,
}

async fn set_role(
    State(app): State<App>,
    Id(id): Id<Uuid>,
    StaffForm { staff, form }: StaffForm<RoleForm>,
) -> PageResult {
    admin_only(&staff)?;
    let role = Role::parse(&form.role).ok_or_else(PageError::bad_form)?;
    app.set_user_role(&staff.principal, UserId(id), role).await?;
    Ok(Redirect::to("/admin/users").into_response())
}

// -------------------------------------------------------- field matrix

struct MatrixRow {
    label: String,
    /// `role:field`, visible, the box's label.
    cells: Vec<(String, bool, String)>,
}

#[derive(Template)]
#[template(path = "admin_fields.html")]
struct FieldsPage {
    l: Layout,
    roles: Vec<(&'static str, String)>,
    rows: Vec<MatrixRow>,
    /// (role, its name, allowed to delete directly) for the roles it can be given to.
    deletion: Vec<(&'static str, String, bool)>,
    notice: Option<String>,
}

async fn fields_page(app: &App, s: Session, notice: Option<String>) -> PageResult {
    admin_only(&s)?;
    let m = app.field_visibility_matrix(&s.principal).await?;
    let rows = Field::ALL
        .iter()
        .map(|f| {
            let label = view::field_label(&s.tr, f.as_str());
            let cells = Role::ALL
                .iter()
                .map(|r| {
                    let aria = s.tr.t2("admin-fields-visible-to", "field", &label, "role", role_name(&s.tr, *r));
                    (format!("{}:{}", r.as_str(), f.as_str()), m.visible(*r, *f), aria)
                })
                .collect();
            MatrixRow { label, cells }
        })
        .collect();
    let direct = app.direct_deletion_roles(&s.principal).await?;
    let deletion = DELEGABLE.iter().map(|r| (r.as_str(), role_name(&s.tr, *r), direct.contains(r))).collect();
    let roles = roles(&s.tr);
    Ok(render(&FieldsPage { l: layout(&s, "admin"), roles, rows, deletion, notice }))
}

async fn fields(State(app): State<App>, Staff(s): Staff) -> PageResult {
    fields_page(&app, s, None).await
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct MatrixForm {
    /// `role:field` for every ticked box.
    visible: Vec<String>,
}

async fn save_fields(State(app): State<App>, StaffForm { staff, form }: StaffForm<MatrixForm>) -> PageResult {
    admin_only(&staff)?;
    let current = app.field_visibility_matrix(&staff.principal).await?;
    let mut changed = 0;
    for r in Role::ALL {
        for f in Field::ALL {
            let want = form.visible.iter().any(|v| v == &format!("{}:{}", r.as_str(), f.as_str()));
            if current.visible(r, f) != want {
                app.set_field_visibility(&staff.principal, r, f, want).await?;
                changed += 1;
            }
        }
    }
    let notice = Some(staff.tr.t1("admin-fields-saved", "n", changed));
    fields_page(&app, staff, notice).await
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct DeletionForm {
    /// Every role ticked.
    direct: Vec<String>,
}

async fn save_deletion(State(app): State<App>, StaffForm { staff, form }: StaffForm<DeletionForm>) -> PageResult {
    admin_only(&staff)?;
    let roles: Vec<Role> = DELEGABLE.iter().copied().filter(|r| form.direct.iter().any(|d| d == r.as_str())).collect();
    app.set_direct_deletion_roles(&staff.principal, &roles).await?;
    let notice = Some(staff.tr.t("admin-deletion-saved"));
    fields_page(&app, staff, notice).await
}

// ---------------------------------------------------------------- tokens

struct TokenRow {
    id: String,
    name: String,
    user: String,
    created: String,
    revoked: String,
}

#[derive(Template)]
#[template(path = "admin_tokens.html")]
struct TokensPage {
    l: Layout,
    tokens: Vec<TokenRow>,
    /// What was typed, kept when the form is refused.
    f: NewToken,
    errors: Errors,
    created: Option<(String, String)>,
}

async fn tokens_page(
    app: &App,
    s: Session,
    f: NewToken,
    errors: Errors,
    created: Option<(String, String)>,
) -> PageResult {
    admin_only(&s)?;
    let dir = super::names::staff(app, &s.principal).await?;
    let email = |u: UserId| dir.get(&u.0).cloned().unwrap_or_default();
    let tokens = app
        .list_tokens(&s.principal, None)
        .await?
        .into_iter()
        .map(|t| TokenRow {
            id: t.id.to_string(),
            name: t.name,
            user: email(t.user),
            created: s.tr.date(t.created_at),
            revoked: t.revoked_at.map(|r| s.tr.date(r)).unwrap_or_default(),
        })
        .collect();
    let status = errors.status();
    Ok(render_status(status, &TokensPage { l: layout(&s, "admin"), tokens, f, errors, created }))
}

async fn tokens(State(app): State<App>, Staff(s): Staff) -> PageResult {
    tokens_page(&app, s, NewToken::default(), Errors::default(), None).await
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct NewToken {
    name: String,
}

async fn create_token(State(app): State<App>, StaffForm { staff, form }: StaffForm<NewToken>) -> PageResult {
    admin_only(&staff)?;
    // For oneself only: a token made for another user would act as them.
    match app.create_token(&staff.principal, staff.principal.user, &form.name).await {
        Ok((t, secret)) => {
            tokens_page(&app, staff, NewToken::default(), Errors::default(), Some((t.name, secret))).await
        }
        Err(AppError::Invalid(inv)) => tokens_page(&app, staff, form, Errors::from_invalid(&inv), None).await,
        Err(e) => Err(e.into()),
    }
}

async fn revoke_token(
    State(app): State<App>,
    Id(id): Id<Uuid>,
    StaffForm { staff, .. }: StaffForm<NoFields>,
) -> PageResult {
    admin_only(&staff)?;
    app.revoke_token(&staff.principal, TokenId(id)).await?;
    Ok(Redirect::to("/admin/tokens").into_response())
}
