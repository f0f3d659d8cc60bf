//! `/users`, `/tokens`, `/field-visibility`: administration.

use super::{BodyErrors, Errors};
use crate::extract::{Auth, Json, Path};
use crate::problem::ApiError;
use axum::extract::State;
use axum::http::StatusCode;
use kith_app::records::{Token, User};
use kith_app::App;
use kith_domain::{Field, FieldError, Role, TokenId, UserId};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;
use uuid::Uuid;

#[derive(Clone, Copy, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum RoleDto {
    Admin,
    Dpo,
    Sales,
    Marketing,
    Support,
    Readonly,
}

impl From<RoleDto> for Role {
    fn from(r: RoleDto) -> Self {
        match r {
            RoleDto::Admin => Role::Admin,
            RoleDto::Dpo => Role::Dpo,
            RoleDto::Sales => Role::Sales,
            RoleDto::Marketing => Role::Marketing,
            RoleDto::Support => Role::Support,
            RoleDto::Readonly => Role::Readonly,
        }
    }
}

impl RoleDto {
    pub fn from_role(r: Role) -> Option<RoleDto> {
        [RoleDto::Admin, RoleDto::Dpo, RoleDto::Sales, RoleDto::Marketing, RoleDto::Support, RoleDto::Readonly]
            .into_iter()
            .find(|d| Role::from(*d) == r)
    }
}

#[derive(Serialize, ToSchema)]
pub struct UserOut {
    pub id: Uuid,
    pub email: String,
    pub role: String,
    pub disabled: bool,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: time::OffsetDateTime,
    /// When the user last signed in to the staff pages (API token use is not a sign-in).
    #[serde(with = "time::serde::rfc3339::option")]
    pub last_sign_in_at: Option<time::OffsetDateTime>,
    /// An admin reset the password: the user must change it at next sign-in.
    pub must_change_password: bool,
    /// The user signs in with a second factor (TOTP).
    pub second_factor: bool,
}

fn user_out(u: User) -> UserOut {
    UserOut {
        id: u.id.0,
        email: u.email,
        role: u.role.as_str().into(),
        disabled: u.disabled,
        created_at: u.created_at,
        last_sign_in_at: u.last_sign_in_at,
        must_change_password: u.must_change_password,
        second_factor: u.second_factor,
    }
}

#[derive(Deserialize, ToSchema, Default)]
#[serde(deny_unknown_fields, default)]
pub struct PasswordResetIn {
    /// Also remove the user's second factor (they lost it). Off by default:
    /// the second factor then still guards the account.
    pub clear_second_factor: bool,
}

#[derive(Serialize, ToSchema)]
pub struct PasswordResetOut {
    /// Shown this once: give it to the user, who must change it at next
    /// sign-in. Their sessions ended and their API tokens were revoked.
    pub temporary_password: String,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UserIn {
    pub email: String,
    pub role: RoleDto,
    /// At least 12 characters; stored as an argon2id hash.
    #[schema(min_length = 12, max_length = 1024)]
    pub password: String,
}

#[derive(Serialize, ToSchema)]
pub struct TokenOut {
    pub id: Uuid,
    pub user_id: Uuid,
    pub name: String,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: time::OffsetDateTime,
    #[serde(with = "time::serde::rfc3339::option")]
    pub revoked_at: Option<time::OffsetDateTime>,
}

fn token_out(t: Token) -> TokenOut {
    TokenOut { id: t.id.0, user_id: t.user.0, name: t.name, created_at: t.created_at, revoked_at: t.revoked_at }
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TokenIn {
    #[schema(min_length = 1, max_length = 100)]
    pub name: String,
    /// Must be the caller's own id if given: tokens are minted by their
    /// user only (a token for someone else would act as them).
    pub user_id: Option<Uuid>,
}

#[derive(Serialize, ToSchema)]
pub struct TokenCreated {
    #[serde(flatten)]
    pub token: TokenOut,
    /// The bearer token. Shown this once; only its hash is stored.
    pub secret: String,
}

/// For each role, for each personal field, whether the role sees it.
#[derive(Serialize, ToSchema)]
pub struct VisibilityOut {
    pub roles: BTreeMap<String, BTreeMap<String, bool>>,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct VisibilityIn {
    pub role: RoleDto,
    /// One of first_name, last_name, emails, phones, address, job_title, notes, interaction_bodies.
    pub field: String,
    pub visible: bool,
}

fn visibility_out(v: &kith_domain::FieldVisibility) -> VisibilityOut {
    VisibilityOut {
        roles: Role::ALL
            .iter()
            .map(|r| {
                (r.as_str().to_owned(), Field::ALL.iter().map(|f| (f.as_str().to_owned(), v.visible(*r, *f))).collect())
            })
            .collect(),
    }
}

pub fn router() -> OpenApiRouter<App> {
    OpenApiRouter::new()
        .routes(routes!(list_users, create_user))
        .routes(routes!(disable_user))
        .routes(routes!(enable_user))
        .routes(routes!(reset_password))
        .routes(routes!(unlock_user))
        .routes(routes!(list_tokens, create_token))
        .routes(routes!(revoke_token))
        .routes(routes!(get_visibility, set_visibility))
}

#[utoipa::path(get, path = "/users", tag = "admin", responses((status = 200, body = Vec<UserOut>), Errors))]
async fn list_users(State(app): State<App>, Auth(p): Auth) -> Result<Json<Vec<UserOut>>, ApiError> {
    Ok(Json(app.list_users(&p).await?.into_iter().map(user_out).collect()))
}

#[utoipa::path(post, path = "/users", tag = "admin", request_body = UserIn,
    responses((status = 201, body = UserOut), (status = 409, description = "A user with this email exists", body = crate::problem::Problem, content_type = "application/problem+json"), Errors, BodyErrors))]
async fn create_user(
    State(app): State<App>,
    Auth(p): Auth,
    Json(b): Json<UserIn>,
) -> Result<(StatusCode, Json<UserOut>), ApiError> {
    let u = app.add_user(&p, &b.email, b.role.into(), &b.password).await?;
    Ok((StatusCode::CREATED, Json(user_out(u))))
}

/// Disable a user: their sessions end and their API tokens are revoked at
/// once. Refused (409) for one's own account and for the last enabled admin.
#[utoipa::path(post, path = "/users/{id}/disable", tag = "admin", params(("id" = Uuid, Path)),
    responses((status = 204, description = "Disabled"), Errors))]
async fn disable_user(State(app): State<App>, Auth(p): Auth, Path(id): Path<Uuid>) -> Result<StatusCode, ApiError> {
    app.disable_user(&p, UserId(id)).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(post, path = "/users/{id}/enable", tag = "admin", params(("id" = Uuid, Path)),
    responses((status = 204, description = "Enabled"), Errors))]
async fn enable_user(State(app): State<App>, Auth(p): Auth, Path(id): Path<Uuid>) -> Result<StatusCode, ApiError> {
    app.enable_user(&p, UserId(id)).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Reset a user's password to a generated temporary one, which they must
/// change at next sign-in. Their sessions end and their API tokens are
/// revoked. Send `{}` to keep their second factor. Not for one's own
/// account (409): change it on the My account page.
#[utoipa::path(post, path = "/users/{id}/password-reset", tag = "admin", params(("id" = Uuid, Path)), request_body = PasswordResetIn,
    responses((status = 200, body = PasswordResetOut), Errors, BodyErrors))]
async fn reset_password(
    State(app): State<App>,
    Auth(p): Auth,
    Path(id): Path<Uuid>,
    Json(b): Json<PasswordResetIn>,
) -> Result<Json<PasswordResetOut>, ApiError> {
    let temporary_password = app.reset_password(&p, UserId(id), b.clear_second_factor).await?;
    Ok(Json(PasswordResetOut { temporary_password }))
}

/// Forget a user's failed sign-in and second-factor attempts, so a
/// locked-out user can sign in at once.
#[utoipa::path(post, path = "/users/{id}/unlock", tag = "admin", params(("id" = Uuid, Path)),
    responses((status = 204, description = "Unlocked"), Errors))]
async fn unlock_user(State(app): State<App>, Auth(p): Auth, Path(id): Path<Uuid>) -> Result<StatusCode, ApiError> {
    app.unlock_user(&p, UserId(id)).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Tokens: all for admins, one's own for everyone else.
#[utoipa::path(get, path = "/tokens", tag = "admin", responses((status = 200, body = Vec<TokenOut>), Errors))]
async fn list_tokens(State(app): State<App>, Auth(p): Auth) -> Result<Json<Vec<TokenOut>>, ApiError> {
    Ok(Json(app.list_tokens(&p, None).await?.into_iter().map(token_out).collect()))
}

/// Mint a token for oneself (403 for another user's id: no one mints a
/// token that acts as someone else). Requests made with it are audited
/// with its id and name beside its user.
#[utoipa::path(post, path = "/tokens", tag = "admin", request_body = TokenIn, responses((status = 201, body = TokenCreated), Errors, BodyErrors))]
async fn create_token(
    State(app): State<App>,
    Auth(p): Auth,
    Json(b): Json<TokenIn>,
) -> Result<(StatusCode, Json<TokenCreated>), ApiError> {
    let user = b.user_id.map(UserId).unwrap_or(p.user);
    let (t, secret) = app.create_token(&p, user, &b.name).await?;
    Ok((StatusCode::CREATED, Json(TokenCreated { token: token_out(t), secret })))
}

/// Revoke a token: one's own, or any (admin).
#[utoipa::path(delete, path = "/tokens/{id}", tag = "admin", params(("id" = Uuid, Path)), responses((status = 204, description = "Revoked"), Errors))]
async fn revoke_token(State(app): State<App>, Auth(p): Auth, Path(id): Path<Uuid>) -> Result<StatusCode, ApiError> {
    app.revoke_token(&p, TokenId(id)).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(get, path = "/field-visibility", tag = "admin", responses((status = 200, body = VisibilityOut), Errors))]
async fn get_visibility(State(app): State<App>, Auth(p): Auth) -> Result<Json<VisibilityOut>, ApiError> {
    Ok(Json(visibility_out(&app.field_visibility_matrix(&p).await?)))
}

/// Show or hide one personal field for one role.
#[utoipa::path(put, path = "/field-visibility", tag = "admin", request_body = VisibilityIn, responses((status = 200, body = VisibilityOut), Errors, BodyErrors))]
async fn set_visibility(
    State(app): State<App>,
    Auth(p): Auth,
    Json(b): Json<VisibilityIn>,
) -> Result<Json<VisibilityOut>, ApiError> {
    let field = Field::parse(&b.field)
        .ok_or_else(|| ApiError::invalid(vec![FieldError::new("field", "is not a personal field")]))?;
    Ok(Json(visibility_out(&app.set_field_visibility(&p, b.role.into(), field, b.visible).await?)))
}
