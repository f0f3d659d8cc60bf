//! The staff pages through the real router: sign-in, sessions, CSRF,
//! throttling, escaping, field visibility, bulk actions, saved views,
//! deals and admin. Fresh SQLite store per test; all data fictitious.

use axum::body::Body;
use axum::http::{header, HeaderMap, Method, Request, StatusCode};
use axum::Router;
use kith_app::contacts::NewContact;
use kith_app::{App, Principal};
use kith_domain::{ContactData, Email, Phone, Role};
use std::path::PathBuf;
use tower::ServiceExt;
use uuid::Uuid;

const PASSWORD: &str = "correct-horse-battery";

struct Env {
    dir: PathBuf,
    app: App,
    router: Router,
}

impl Drop for Env {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

async fn setup() -> Env {
    setup_with(kith_web::pages::WebConfig::default()).await
}

async fn setup_with(cfg: kith_web::pages::WebConfig) -> Env {
    let dir = std::env::temp_dir().join(format!("kith-web-pages-{}", Uuid::now_v7()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let url = format!("sqlite:{}", dir.join("kith.db").display());
    let store = kith_store::Store::connect(&url, kith_store::Vault::from_key(&[9u8; 32])).await.expect("connect");
    store.migrate().await.expect("migrate");
    let app = App::new(store);
    let router = kith_web::router_with(app.clone(), cfg);
    Env { dir, app, router }
}

struct Resp {
    status: StatusCode,
    headers: HeaderMap,
    body: String,
}

impl Resp {
    fn location(&self) -> &str {
        self.headers.get(header::LOCATION).and_then(|v| v.to_str().ok()).unwrap_or("")
    }

    /// The value of the first `name="csrf"` field on the page.
    fn csrf(&self) -> String {
        let at = self.body.find("name=\"csrf\" value=\"").expect("a csrf field") + 19;
        self.body[at..].split('"').next().unwrap().to_owned()
    }

    fn cookie(&self, name: &str) -> Option<String> {
        self.headers
            .get_all(header::SET_COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .find(|c| c.starts_with(&format!("{name}=")))
            .map(str::to_owned)
    }
}

fn form_body(fields: &[(&str, &str)]) -> String {
    fields.iter().map(|(k, v)| format!("{}={}", enc(k), enc(v))).collect::<Vec<_>>().join("&")
}

fn enc(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

impl Env {
    async fn send(&self, method: Method, path: &str, cookie: Option<&str>, body: Option<String>) -> Resp {
        let mut req = Request::builder().method(method).uri(path);
        if let Some(c) = cookie {
            req = req.header(header::COOKIE, c);
        }
        let body = match body {
            Some(b) => {
                req = req.header(header::CONTENT_TYPE, "application/x-www-form-urlencoded");
                Body::from(b)
            }
            None => Body::empty(),
        };
        let res = self.router.clone().oneshot(req.body(body).unwrap()).await.unwrap();
        let (parts, body) = res.into_parts();
        let bytes = axum::body::to_bytes(body, usize::MAX).await.unwrap();
        Resp { status: parts.status, headers: parts.headers, body: String::from_utf8_lossy(&bytes).into_owned() }
    }

    async fn user(&self, role: Role) -> String {
        let email = format!("{}-{}@example.com", role.as_str(), Uuid::now_v7().simple());
        self.app.add_user(&Principal::cli(), &email, role, PASSWORD).await.expect("user");
        email
    }

    /// Submits the sign-in form as a browser would.
    async fn try_sign_in(&self, email: &str, password: &str) -> Resp {
        let page = self.send(Method::GET, "/login", None, None).await;
        let login_cookie =
            page.cookie("kith_login").or_else(|| page.cookie("__Host-kith_login")).expect("login cookie");
        let pair = login_cookie.split(';').next().unwrap().to_owned();
        let body = form_body(&[("email", email), ("password", password), ("csrf", &page.csrf())]);
        self.send(Method::POST, "/login", Some(&pair), Some(body)).await
    }

    /// A signed-in session: its cookie and CSRF token.
    async fn sign_in(&self, role: Role) -> Session {
        let email = self.user(role).await;
        let res = self.try_sign_in(&email, PASSWORD).await;
        assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
        let cookie = res.cookie("kith_session").expect("session cookie").split(';').next().unwrap().to_owned();
        let page = self.send(Method::GET, "/contacts", Some(&cookie), None).await;
        assert_eq!(page.status, StatusCode::OK);
        Session { cookie, csrf: page.csrf(), email }
    }

    async fn get(&self, s: &Session, path: &str) -> Resp {
        self.send(Method::GET, path, Some(&s.cookie), None).await
    }

    async fn post(&self, s: &Session, path: &str, fields: &[(&str, &str)]) -> Resp {
        let mut all = vec![("csrf", s.csrf.as_str())];
        all.extend_from_slice(fields);
        self.send(Method::POST, path, Some(&s.cookie), Some(form_body(&all))).await
    }

    /// Submits the field-visibility matrix: the defaults (marketing sees
    /// no phones or addresses) plus one more field hidden from one role.
    async fn save_visibility(&self, s: &Session, also_hidden: (Role, kith_domain::Field)) -> Resp {
        use kith_domain::Field;
        let mut ticked = Vec::new();
        for role in Role::ALL {
            for f in Field::ALL {
                let hidden = (role == Role::Marketing && matches!(f, Field::Phones | Field::Address))
                    || (role, f) == also_hidden;
                if !hidden {
                    ticked.push(format!("{}:{}", role.as_str(), f.as_str()));
                }
            }
        }
        let fields: Vec<(&str, &str)> = ticked.iter().map(|t| ("visible", t.as_str())).collect();
        self.post(s, "/admin/fields", &fields).await
    }

    async fn contact(&self, first: &str, last: &str, phone: Option<&str>, tags: &[&str]) -> Uuid {
        let data = ContactData {
            first_name: Some(first.into()),
            last_name: Some(last.into()),
            emails: vec![Email::parse(&format!("{}@example.it", Uuid::now_v7().simple())).unwrap()],
            phones: phone.map(|p| vec![Phone::parse(p).unwrap()]).unwrap_or_default(),
            ..Default::default()
        };
        let n = NewContact { data, tags: tags.iter().map(|t| t.to_string()).collect(), ..Default::default() };
        self.app.create_contact(&Principal::cli(), n, None).await.expect("contact").id.0
    }
}

struct Session {
    cookie: String,
    csrf: String,
    #[allow(dead_code)]
    email: String,
}

#[tokio::test]
async fn signed_out_visitors_are_sent_to_sign_in() {
    let env = setup().await;
    for path in ["/contacts", "/companies", "/deals", "/audit", "/admin/users", "/contacts/new"] {
        let r = env.send(Method::GET, path, None, None).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{path}");
        assert_eq!(r.location(), "/login", "{path}");
    }
    let r = env.send(Method::GET, "/contacts", Some("kith_session=forged"), None).await;
    assert_eq!(r.location(), "/login");
    let login = env.send(Method::GET, "/login", None, None).await;
    assert_eq!(login.status, StatusCode::OK);
    assert!(login.body.contains("<label for=\"email\">Email</label>"));
}

#[tokio::test]
async fn sign_in_sets_a_hardened_cookie_and_sign_out_ends_the_session() {
    let env = setup().await;
    let email = env.user(Role::Sales).await;
    let r = env.try_sign_in(&email, PASSWORD).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(r.location(), "/contacts");
    let c = r.cookie("kith_session").unwrap();
    assert!(c.contains("HttpOnly") && c.contains("SameSite=Lax") && c.contains("Path=/"), "{c}");
    assert!(!c.contains("Secure"), "no TLS, no Secure: {c}");
    let cookie = c.split(';').next().unwrap().to_owned();
    let page = env.send(Method::GET, "/contacts", Some(&cookie), None).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains(&email));
    let s = Session { cookie: cookie.clone(), csrf: page.csrf(), email };
    let out = env.post(&s, "/logout", &[]).await;
    assert_eq!(out.location(), "/login");
    let after = env.send(Method::GET, "/contacts", Some(&cookie), None).await;
    assert_eq!(after.location(), "/login", "the old cookie no longer works");
}

#[tokio::test]
async fn cookies_are_secure_behind_tls() {
    let env = setup_with(kith_web::pages::WebConfig { secure_cookies: true, ..Default::default() }).await;
    let email = env.user(Role::Sales).await;
    let r = env.try_sign_in(&email, PASSWORD).await;
    let c = r.cookie("__Host-kith_session").expect("__Host- cookie");
    assert!(c.contains("; Secure"), "{c}");
}

#[tokio::test]
async fn bad_credentials_do_not_reveal_whether_the_email_exists() {
    let env = setup().await;
    let email = env.user(Role::Sales).await;
    let wrong = env.try_sign_in(&email, "not-the-password").await;
    let unknown = env.try_sign_in("nobody-here@example.com", "not-the-password").await;
    assert_eq!(wrong.status, StatusCode::UNAUTHORIZED);
    assert_eq!(unknown.status, StatusCode::UNAUTHORIZED);
    let msg = "The email or the password is not correct.";
    assert!(wrong.body.contains(msg) && unknown.body.contains(msg));
    assert!(wrong.cookie("kith_session").is_none());
}

#[tokio::test]
async fn repeated_failures_lock_the_account_out() {
    let env = setup().await;
    let email = env.user(Role::Sales).await;
    for i in 0..5 {
        let r = env.try_sign_in(&email, "wrong-password-123").await;
        assert_eq!(r.status, StatusCode::UNAUTHORIZED, "attempt {i}");
    }
    let sixth = env.try_sign_in(&email, "wrong-password-123").await;
    assert_eq!(sixth.status, StatusCode::TOO_MANY_REQUESTS);
    // Even the right password is refused while locked.
    let right = env.try_sign_in(&email, PASSWORD).await;
    assert_eq!(right.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(right.body.contains("Too many failed attempts"));
    assert!(right.cookie("kith_session").is_none());
    // Another account is not affected.
    let other = env.user(Role::Sales).await;
    assert_eq!(env.try_sign_in(&other, PASSWORD).await.status, StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn sign_in_without_its_form_token_is_refused() {
    let env = setup().await;
    let email = env.user(Role::Sales).await;
    let body = form_body(&[("email", &email), ("password", PASSWORD), ("csrf", "guess")]);
    let r = env.send(Method::POST, "/login", Some("kith_login=other"), Some(body)).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert!(r.cookie("kith_session").is_none());
}

#[tokio::test]
async fn forms_without_the_session_token_change_nothing() {
    let env = setup().await;
    let s = env.sign_in(Role::Sales).await;
    let before = env.app.store().count_contacts().await.unwrap();
    for csrf in ["", "wrong"] {
        let body = form_body(&[("csrf", csrf), ("last_name", "Forgiato")]);
        let r = env.send(Method::POST, "/contacts/new", Some(&s.cookie), Some(body)).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN);
        assert!(r.body.contains("The form has expired"));
    }
    assert_eq!(env.app.store().count_contacts().await.unwrap(), before);
}

#[tokio::test]
async fn pages_escape_names_and_send_a_strict_csp() {
    let env = setup().await;
    let s = env.sign_in(Role::Admin).await;
    let id = env.contact("<script>alert(1)</script>", "<img src=x onerror=alert(2)>", None, &["<b>"]).await;
    for path in ["/contacts".to_owned(), format!("/contacts/{id}"), format!("/audit?subject={id}")] {
        let r = env.get(&s, &path).await;
        assert_eq!(r.status, StatusCode::OK, "{path}");
        assert!(!r.body.contains("<script>alert"), "{path} holds the raw script");
        assert!(!r.body.contains("<img src=x"), "{path} holds the raw img");
        assert!(!r.body.contains("<b>"), "{path} holds the raw tag");
        if !path.starts_with("/audit") {
            assert!(
                r.body.contains("&lt;script&gt;alert(1)&lt;/script&gt;") || r.body.contains("&#60;script&#62;"),
                "{path}"
            );
        }
        let csp = r.headers.get(header::CONTENT_SECURITY_POLICY).unwrap().to_str().unwrap();
        assert!(csp.contains("script-src 'self'") && csp.contains("default-src 'none'") && !csp.contains("unsafe"));
        assert_eq!(r.headers.get(header::X_FRAME_OPTIONS).unwrap(), "DENY");
    }
}

#[tokio::test]
async fn marketing_sees_no_phone_number_anywhere() {
    let env = setup().await;
    let id = env.contact("Ilaria", "Fontanarosa", Some("+39 06 5550 1234"), &[]).await;
    let admin = env.sign_in(Role::Admin).await;
    let seen = env.get(&admin, &format!("/contacts/{id}")).await;
    assert!(seen.body.contains("+39 06 5550 1234"), "admin sees the phone");
    let m = env.sign_in(Role::Marketing).await;
    for path in
        [format!("/contacts/{id}"), "/contacts?cols=phone&cols=email".to_owned(), format!("/contacts/{id}#edit")]
    {
        let r = env.get(&m, &path).await;
        assert_eq!(r.status, StatusCode::OK);
        assert!(r.body.contains("Fontanarosa"));
        // (`value="phone"` of the column chooser; a request's "phone call" channel is not a phone number.)
        for needle in ["5550 1234", "55501234", "name=\"phones\"", ">Phone<", "name=\"cols\" value=\"phone\""] {
            assert!(!r.body.contains(needle), "{path} shows {needle}");
        }
    }
    // Saving the edit form as marketing leaves the hidden phone alone.
    let r =
        env.post(&m, &format!("/contacts/{id}"), &[("first_name", "Ilaria"), ("last_name", "Fontanarosa-Bruni")]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let c = env.app.get_contact(&Principal::cli(), kith_domain::SubjectId(id)).await.unwrap();
    assert_eq!(c.data.phones.len(), 1);
    assert_eq!(c.data.last_name.as_deref(), Some("Fontanarosa-Bruni"));
}

#[tokio::test]
async fn create_find_edit_and_note_a_contact() {
    let env = setup().await;
    let s = env.sign_in(Role::Sales).await;
    let r = env
        .post(
            &s,
            "/contacts/new",
            &[("first_name", "Niccolò"), ("last_name", "Bellè"), ("emails", "niccolo.belle@example.it")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let page = r.location().split('?').next().unwrap().to_owned();
    // Search by name prefix, without accents and in another case: a POST.
    let found = env.post(&s, "/contacts", &[("q", "NICC")]).await;
    assert_eq!(found.status, StatusCode::OK);
    assert!(found.body.contains(&format!("href=\"{page}\"")), "prefix search finds the contact");
    // A search text in the address is ignored (never used, never echoed).
    let r = env.get(&s, "/contacts?q=Zzzz").await;
    assert!(!r.body.contains("Zzzz"));
    // Invalid email: 422, the error next to the field, nothing changed.
    let bad = env.post(&s, &page, &[("first_name", "Niccolò"), ("emails", "not-an-email")]).await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.body.contains("id=\"emails-error\""));
    assert!(bad.body.contains("Nothing was saved"));
    let id = Uuid::parse_str(page.trim_start_matches("/contacts/")).unwrap();
    let c = env.app.get_contact(&Principal::cli(), kith_domain::SubjectId(id)).await.unwrap();
    assert_eq!(c.data.emails[0].as_str(), "niccolo.belle@example.it");
    // Quick-add a call; it shows in the timeline.
    let r = env
        .post(&s, &format!("{page}/interactions"), &[("kind", "call"), ("body", "Chiamata: interessato all'offerta")])
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let shown = env.get(&s, &page).await;
    assert!(
        shown.body.contains("Chiamata: interessato all&#39;offerta")
            || shown.body.contains("Chiamata: interessato all&#x27;offerta")
    );
    // An empty note is refused next to its field.
    let r = env.post(&s, &format!("{page}/interactions"), &[("kind", "note"), ("body", "  ")]).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("id=\"body-error\""));
    // The privacy panel is there, waiting for its badges.
    assert!(shown.body.contains("id=\"privacy\""));
}

#[tokio::test]
async fn bulk_actions_state_the_count_and_change_exactly_the_selection() {
    let env = setup().await;
    let s = env.sign_in(Role::Sales).await;
    let a = env.contact("Anna", "Uno", None, &["prospect"]).await;
    let b = env.contact("Bruno", "Due", None, &["prospect"]).await;
    let c = env.contact("Carla", "Tre", None, &[]).await;
    let ids = [("ids", a.to_string()), ("ids", b.to_string())];
    let mut fields: Vec<(&str, &str)> =
        vec![("scope", "selected"), ("action", "add_tag"), ("tag", "VIP"), ("filter", ""), ("q", "")];
    fields.extend(ids.iter().map(|(k, v)| (*k, v.as_str())));
    let preview = env.post(&s, "/contacts/bulk", &fields).await;
    assert_eq!(preview.status, StatusCode::OK);
    assert!(preview.body.contains("<strong>2</strong> contacts"), "{}", preview.body);
    let tags = |id| {
        let app = env.app.clone();
        async move { app.get_contact(&Principal::cli(), kith_domain::SubjectId(id)).await.unwrap().tags }
    };
    assert!(!tags(a).await.contains(&"vip".to_owned()), "preview changes nothing");
    let done = env.post(&s, "/contacts/bulk/apply", &fields).await;
    assert_eq!(done.status, StatusCode::SEE_OTHER);
    assert!(done.location().contains("notice=bulk&n=2"), "{}", done.location());
    assert!(tags(a).await.contains(&"vip".to_owned()) && tags(b).await.contains(&"vip".to_owned()));
    assert!(!tags(c).await.contains(&"vip".to_owned()));
    // All matching a filter: the tag filter selects a and b.
    let all = [("scope", "all"), ("action", "remove_tag"), ("tag", "prospect"), ("filter", "tag=prospect"), ("q", "")];
    let preview = env.post(&s, "/contacts/bulk", &all).await;
    assert!(preview.body.contains("<strong>2</strong> contacts"));
    env.post(&s, "/contacts/bulk/apply", &all).await;
    assert!(!tags(a).await.contains(&"prospect".to_owned()) && !tags(b).await.contains(&"prospect".to_owned()));
    // Assign an owner to everything matching a name search.
    let owner = env.app.staff_directory(&Principal::cli()).await.unwrap()[0].0.to_string();
    let by_name =
        [("scope", "all"), ("action", "assign_owner"), ("owner", owner.as_str()), ("filter", ""), ("q", "carl")];
    let preview = env.post(&s, "/contacts/bulk", &by_name).await;
    assert!(preview.body.contains("<strong>1</strong> contact."), "{}", preview.body);
    // Readonly staff cannot.
    let ro = env.sign_in(Role::Readonly).await;
    let r = env.post(&ro, "/contacts/bulk", &fields).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn saved_views_keep_filters_but_never_search_text() {
    let env = setup().await;
    let s = env.sign_in(Role::Sales).await;
    let r =
        env.post(&s, "/contacts/views", &[("name", "Prospects"), ("filter", "tag=prospect&cols=phone&q=Rossi")]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let list = env.get(&s, "/contacts").await;
    assert!(list.body.contains("href=\"/contacts?tag=prospect&#38;cols=phone\">Prospects</a>"), "{}", list.body);
    assert!(!list.body.contains("Rossi"));
    // Another user does not see it.
    let other = env.sign_in(Role::Sales).await;
    assert!(!env.get(&other, "/contacts").await.body.contains("Prospects"));
}

#[tokio::test]
async fn deals_move_across_stages_through_plain_forms() {
    let env = setup().await;
    let s = env.sign_in(Role::Sales).await;
    let r = env
        .post(
            &s,
            "/deals",
            &[("title", "Fornitura caffè"), ("stage", "lead"), ("amount", "12,500.50"), ("currency", "EUR")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let deal = r.location().to_owned();
    for stage in ["qualified", "won"] {
        let r = env.post(&s, &format!("{deal}/move"), &[("stage", stage), ("back", "board")]).await;
        assert_eq!(r.location(), "/deals?notice=moved");
    }
    let page = env.get(&s, &deal).await;
    assert!(page.body.contains("<dd id=\"deal-stage\">Won</dd>"));
    assert!(page.body.contains("Lead → Qualified") && page.body.contains("Qualified → Won"));
    let list = env.get(&s, "/deals/list").await;
    assert!(list.body.contains("12,500.50 EUR"));
    // A stage that does not exist is refused and changes nothing.
    let r = env.post(&s, &format!("{deal}/move"), &[("stage", "heaven")]).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    // A bad amount is shown next to its field.
    let r = env.post(&s, "/deals", &[("title", "X"), ("amount", "12.345")]).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("must be an amount"));
}

#[tokio::test]
async fn audit_and_admin_pages_are_for_their_roles() {
    let env = setup().await;
    let sales = env.sign_in(Role::Sales).await;
    for path in ["/audit", "/admin/users", "/admin/fields", "/admin/tokens"] {
        let r = env.get(&sales, path).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{path}");
        assert!(r.body.contains("Not allowed"));
    }
    let dpo = env.sign_in(Role::Dpo).await;
    let audit = env.get(&dpo, "/audit").await;
    assert_eq!(audit.status, StatusCode::OK);
    assert!(audit.body.contains("session.start"));
    let v = env.post(&dpo, "/audit/verify", &[]).await;
    assert!(v.body.contains("The chain is intact"), "{}", v.body);
    assert_eq!(env.get(&dpo, "/admin/users").await.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn admin_creates_a_token_shown_once_and_changes_visibility() {
    let env = setup().await;
    let admin = env.sign_in(Role::Admin).await;
    let users = env.app.staff_directory(&Principal::cli()).await.unwrap();
    let uid = users[0].0.to_string();
    let r = env.post(&admin, "/admin/tokens", &[("user", uid.as_str()), ("name", "newsletter sync")]).await;
    assert_eq!(r.status, StatusCode::OK);
    let at = r.body.find("id=\"new-token\">").expect("token shown") + 15;
    let token = r.body[at..].split('<').next().unwrap().to_owned();
    assert!(token.starts_with("kith_"));
    assert!(!env.get(&admin, "/admin/tokens").await.body.contains(&token), "shown only once");
    assert!(env.app.authenticate(&token, "t".into()).await.is_ok());
    // Field matrix: hide emails from support.
    let r = env.save_visibility(&admin, (Role::Support, kith_domain::Field::Emails)).await;
    assert!(r.body.contains("Saved: 1 change."), "{}", r.body);
    let hidden = env.app.field_visibility_matrix(&Principal::cli()).await.unwrap();
    assert!(!hidden.visible(Role::Support, kith_domain::Field::Emails));
    // Add a user; a duplicate email is shown next to the field.
    let r = env
        .post(
            &admin,
            "/admin/users",
            &[("email", "new.colleague@example.com"), ("role", "support"), ("password", PASSWORD)],
        )
        .await;
    assert!(r.body.contains("User added."));
    let r = env
        .post(
            &admin,
            "/admin/users",
            &[("email", "new.colleague@example.com"), ("role", "support"), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("already exists"));
}

#[tokio::test]
async fn bad_input_gets_a_readable_page_never_a_500() {
    let env = setup().await;
    let s = env.sign_in(Role::Admin).await;
    let cases: Vec<Resp> = vec![
        env.get(&s, "/contacts/not-a-uuid").await,
        env.get(&s, &format!("/contacts/{}", Uuid::now_v7())).await,
        env.get(&s, "/contacts?owner=nope&created_from=31-01-2026").await,
        env.get(&s, "/contacts?cursor=garbage").await,
        env.get(&s, "/nowhere").await,
        env.post(&s, "/contacts/new", &[("last_name", "a\0b")]).await,
        env.send(Method::POST, "/contacts/new", Some(&s.cookie), Some("%%%".into())).await,
        env.get(&s, "/deals/list?cursor=%FF").await,
        env.get(&s, "/audit?subject=123").await,
        env.get(&s, "/contacts/bulk").await,
        env.get(&s, "/logout").await,
    ];
    for r in cases {
        assert!(r.status.is_client_error(), "{} {}", r.status, r.body);
        assert!(r.body.contains("<html"), "an HTML page: {}", r.body);
        assert!(!r.body.contains("panicked"));
    }
    let filters = env.get(&s, "/contacts?owner=nope&created_from=31-01-2026").await;
    assert!(filters.body.contains("must be a date such as 2026-01-31"));
    let stale = env.get(&s, "/contacts?cursor=garbage").await;
    assert!(stale.body.contains("This page link is out of date"), "the reason is shown");
    // A bulk action that cannot succeed is refused before its confirmation.
    let bad_tag = [("scope", "all"), ("action", "add_tag"), ("tag", " "), ("filter", ""), ("q", "")];
    let r = env.post(&s, "/contacts/bulk", &bad_tag).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("must be 1 to 50 characters"));
    // Amounts too large to add up are refused, and the board still renders.
    let r = env.post(&s, "/deals", &[("title", "Troppo"), ("amount", "99999999999999")]).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("at most 10^15"));
    assert_eq!(env.get(&s, "/deals").await.status, StatusCode::OK);
}

#[tokio::test]
async fn double_submits_create_one_record() {
    let env = setup().await;
    let s = env.sign_in(Role::Sales).await;
    let form = env.get(&s, "/contacts/new").await;
    let at = form.body.find("name=\"idem\" value=\"").expect("an idempotency token") + 19;
    let idem = form.body[at..].split('"').next().unwrap().to_owned();
    let before = env.app.store().count_contacts().await.unwrap();
    let first = env.post(&s, "/contacts/new", &[("idem", &idem), ("last_name", "Doppio")]).await;
    let again = env.post(&s, "/contacts/new", &[("idem", &idem), ("last_name", "Doppio")]).await;
    assert_eq!(first.location(), again.location(), "the second submit lands on the same contact");
    assert_eq!(env.app.store().count_contacts().await.unwrap(), before + 1);
    // A role that may not read interaction texts gets no quick-add box and
    // cannot write one either.
    let admin = env.sign_in(Role::Admin).await;
    env.save_visibility(&admin, (Role::Sales, kith_domain::Field::InteractionBodies)).await;
    let page = first.location().split('?').next().unwrap().to_owned();
    let shown = env.get(&s, &page).await;
    assert!(!shown.body.contains("Add to the timeline"), "no quick-add");
    let r = env.post(&s, &format!("{page}/interactions"), &[("kind", "note"), ("body", "blind")]).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
}

#[tokio::test]
async fn empty_states_say_what_to_do_next() {
    let env = setup().await;
    let s = env.sign_in(Role::Sales).await;
    let empty = env.get(&s, "/contacts").await.body;
    assert!(empty.contains("No contacts yet") && empty.contains("an admin or the DPO imports files"), "{empty}");
    let dpo = env.sign_in(Role::Dpo).await;
    assert!(env.get(&dpo, "/contacts").await.body.contains("<a href=\"/import\">Import contacts</a>"));
    assert!(env.get(&s, "/companies").await.body.contains("No companies yet"));
    assert!(env.get(&s, "/contacts?tag=none").await.body.contains("No contacts match"));
}

#[tokio::test]
async fn privacy_setup_bulk_basis_consent_requests_and_badges() {
    use kith_domain::{Channel, LawfulBasis, PurposeId};
    let env = setup().await;
    let dpo = env.sign_in(Role::Dpo).await;
    // Setup through the pages: a purpose, a notice; refusals re-show the page.
    let r =
        env.post(&dpo, "/privacy/purposes", &[("name", ""), ("description", "x"), ("default_basis", "consent")]).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("name: must be 1 to 100 characters"), "{}", r.body);
    let ok = [
        ("name", "Newsletter"),
        ("description", "Monthly news"),
        ("default_basis", "consent"),
        ("categories", "contact"),
    ];
    assert_eq!(env.post(&dpo, "/privacy/purposes", &ok).await.location(), "/privacy/setup");
    let dup = env.post(&dpo, "/privacy/purposes", &ok).await;
    assert_eq!(dup.status, StatusCode::CONFLICT, "{}", dup.body);
    let notice = [("name", "Privacy notice"), ("language", "en"), ("url", ""), ("body", "We write monthly.")];
    assert_eq!(env.post(&dpo, "/privacy/notices", &notice).await.location(), "/privacy/setup");
    let purpose = env.app.purposes(&Principal::cli()).await.unwrap()[0].id;
    let notice_id = env.app.notices(&Principal::cli()).await.unwrap()[0].id;
    // Marketing may not set up consent.
    let mk = env.sign_in(Role::Marketing).await;
    assert_eq!(env.get(&mk, "/privacy/setup").await.status, StatusCode::FORBIDDEN);
    assert_eq!(env.get(&mk, "/outbox").await.status, StatusCode::FORBIDDEN);

    // Bulk "Set lawful basis" on a tag filter: preview counts, changes nothing; apply records.
    let a = env.contact("Anna", "Uno", None, &["club"]).await;
    let b = env.contact("Bruno", "Due", None, &["club"]).await;
    let c = env.contact("Carla", "Tre", None, &[]).await;
    let pid = purpose.to_string();
    let basis = [
        ("scope", "all"),
        ("action", "set_basis"),
        ("filter", "tag=club"),
        ("q", ""),
        ("purpose", pid.as_str()),
        ("basis", "legitimate_interests"),
        ("source", "manual"),
        ("lia_ref", "LIA-2026-01"),
        ("effective", "2026-01-31"),
    ];
    let preview = env.post(&mk, "/contacts/bulk", &basis).await;
    assert!(preview.body.contains("<strong>2</strong> contacts"), "{}", preview.body);
    let standing = |id: Uuid| {
        let app = env.app.clone();
        async move {
            app.permissions(&Principal::cli(), kith_domain::SubjectId(id), time::OffsetDateTime::now_utc())
                .await
                .unwrap()
                .remove(0)
        }
    };
    assert!(standing(a).await.basis.is_none(), "the preview changed nothing");
    let done = env.post(&mk, "/contacts/bulk/apply", &basis).await;
    assert!(done.location().contains("notice=bulk&n=2"), "{}", done.location());
    let s = standing(a).await;
    assert_eq!(s.basis.as_ref().map(|b| b.basis), Some(LawfulBasis::LegitimateInterests));
    assert_eq!(s.basis.unwrap().effective_at.date().to_string(), "2026-01-31");
    assert!(standing(b).await.basis.is_some() && standing(c).await.basis.is_none());
    // Without the assessment reference, legitimate interests are refused.
    let mut no_lia = basis.to_vec();
    no_lia.retain(|(k, _)| *k != "lia_ref");
    assert_eq!(env.post(&mk, "/contacts/bulk", &no_lia).await.status, StatusCode::UNPROCESSABLE_ENTITY);

    // Bulk "Request consent" on ticked rows: a and c get a request by mail.
    let nid = notice_id.to_string();
    let (sa, sc) = (a.to_string(), c.to_string());
    let req = [
        ("scope", "selected"),
        ("ids", sa.as_str()),
        ("ids", sc.as_str()),
        ("action", "request_consent"),
        ("filter", ""),
        ("q", ""),
        ("purpose", pid.as_str()),
        ("notice", nid.as_str()),
        ("mail_subject", "May we keep writing?"),
        ("mail_body", "Line one.\nLine two."),
        ("wait_days", "14"),
    ];
    let preview = env.post(&mk, "/contacts/bulk", &req).await;
    assert!(preview.body.contains("Send to 2 contacts"), "{}", preview.body);
    let done = env.post(&mk, "/contacts/bulk/apply", &req).await;
    assert!(done.location().contains("notice=requested&n=2"), "{}", done.location());
    assert_eq!(env.app.campaigns(&Principal::cli()).await.unwrap()[0].requested, 2);

    // The contact page shows the request as a badge; the privacy page counts it.
    let page = env.get(&mk, &format!("/contacts/{a}")).await;
    assert!(page.body.contains("class=\"badge wait\">Email: Newsletter — awaiting since"), "{}", page.body);
    assert!(page.body.contains("Legitimate interests"));
    let overview = env.get(&mk, "/privacy").await;
    assert_eq!(overview.status, StatusCode::OK);
    assert!(overview.body.contains("<h2>Newsletter</h2>"));

    // Staff record consent given by phone with its evidence; the badge turns ✓.
    let by_phone = [
        ("purpose", pid.as_str()),
        ("action", "given"),
        ("method", "phone"),
        ("channel", "email"),
        ("affirmative_act", "said yes when asked on the phone"),
        ("evidence_ref", "call-2026-0042"),
    ];
    let missing = env.post(&mk, &format!("/contacts/{c}/consent"), &by_phone[..5]).await;
    assert_eq!(missing.status, StatusCode::UNPROCESSABLE_ENTITY, "no evidence, no consent");
    assert_eq!(env.post(&mk, &format!("/contacts/{c}/consent"), &by_phone).await.status, StatusCode::SEE_OTHER);
    let d = env.app.may_contact(
        kith_domain::SubjectId(c),
        Channel::Email,
        PurposeId(purpose.0),
        time::OffsetDateTime::now_utc(),
    );
    // Carla had no basis recorded: her consent became the basis.
    assert!(d.await.unwrap().allowed);
    assert_eq!(standing(c).await.basis.map(|b| b.basis), Some(LawfulBasis::Consent));
    // Setting another basis by hand works too, and an opt-out still wins over it.
    let set = [("purpose", pid.as_str()), ("basis", "contract"), ("lia_ref", "")];
    assert_eq!(env.post(&mk, &format!("/contacts/{c}/basis"), &set).await.status, StatusCode::SEE_OTHER);
    assert_eq!(standing(c).await.basis.map(|b| b.basis), Some(LawfulBasis::Contract));
    let page = env.get(&mk, &format!("/contacts/{c}")).await;
    assert!(page.body.contains("class=\"badge ok\">Email: Newsletter ✓"), "{}", page.body);
    // The history lists the event (without its proof) with a receipt link that downloads the signed receipt.
    assert!(page.body.contains("Newsletter: Given (Email; Phone)"), "{}", page.body);
    assert!(!page.body.contains("call-2026-0042"), "proof is not shown on the page");
    let at = page.body.find(&format!("/contacts/{c}/receipts/")).expect("a receipt link");
    let link: String = page.body[at..].split('"').next().unwrap().to_owned();
    let receipt = env.get(&mk, &link).await;
    assert_eq!(receipt.status, StatusCode::OK);
    assert!(
        receipt.body.contains("\"version\":\"KI-CR-v1.1.0\"") && receipt.body.contains("\"jws\":\"ey"),
        "{}",
        receipt.body
    );

    // The outbox (DPO) lists the queued requests; opening one shows the link.
    env.app.deliver_mail(&kith_app::mailer::Transport::Outbox).await.unwrap();
    let outbox = env.get(&dpo, "/outbox").await;
    assert!(outbox.body.contains("consent_request"), "{}", outbox.body);
    let id =
        env.app.outbox(&Principal::cli()).await.unwrap().into_iter().find(|m| m.kind == "consent_request").unwrap().id;
    let msg = env.get(&dpo, &format!("/outbox/{id}")).await;
    assert!(msg.body.contains("Line one.\nLine two.") && msg.body.contains("/c/"), "{}", msg.body);
}

#[tokio::test]
async fn consent_forms_and_purposes_are_edited_in_place() {
    let env = setup().await;
    let admin = env.sign_in(Role::Admin).await;
    let ok =
        [("name", "Newsletter"), ("description", "Monthly news"), ("default_basis", "consent"), ("categories", "")];
    env.post(&admin, "/privacy/purposes", &ok).await;
    let notice = [("name", "Privacy notice"), ("language", "en"), ("url", ""), ("body", "We write monthly.")];
    env.post(&admin, "/privacy/notices", &notice).await;
    let purpose = env.app.purposes(&Principal::cli()).await.unwrap()[0].id.to_string();
    let sub = [("name", "Monthly"), ("description", ""), ("purpose", purpose.as_str()), ("channel", "email")];
    assert_eq!(env.post(&admin, "/privacy/subscriptions", &sub).await.location(), "/privacy/setup");
    let sub_id = env.app.subscription_types().await.unwrap()[0].id.to_string();
    let notice_id = env.app.notices(&Principal::cli()).await.unwrap()[0].id.to_string();
    let mut form = vec![
        ("slug", "news"),
        ("title", "Stay in touch"),
        ("intro", ""),
        ("sub", sub_id.as_str()),
        ("notice", notice_id.as_str()),
        ("third_parties", ""),
        ("button", "Subscribe"),
        ("language", "it"),
    ];
    assert_eq!(env.post(&admin, "/privacy/forms", &form).await.location(), "/privacy/setup");
    let public = env.send(Method::GET, "/f/news", None, None).await;
    assert_eq!(public.status, StatusCode::OK);
    assert!(public.body.contains("lang=\"it\"") && public.body.contains("Cosa vuoi ricevere?"), "{}", public.body);
    // Edit: deactivate (no "active" field) — the public page stops answering.
    let id = env.app.consent_forms(&Principal::cli()).await.unwrap()[0].id;
    let edit = env.get(&admin, &format!("/privacy/forms/{id}")).await;
    assert!(edit.body.contains("value=\"news\"") && edit.body.contains(" checked> Active"), "{}", edit.body);
    assert_eq!(env.post(&admin, &format!("/privacy/forms/{id}"), &form).await.location(), "/privacy/setup");
    assert_eq!(env.send(Method::GET, "/f/news", None, None).await.status, StatusCode::NOT_FOUND);
    form.push(("active", "yes"));
    form[0] = ("slug", "BAD SLUG");
    let bad = env.post(&admin, &format!("/privacy/forms/{id}"), &form).await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.body.contains("value=\"BAD SLUG\""), "what was typed is kept");
    // Purposes are edited in place; a refused edit keeps what was typed.
    let pid = env.app.purposes(&Principal::cli()).await.unwrap()[0].id;
    let page = env.get(&admin, &format!("/privacy/purposes/{pid}")).await;
    assert!(page.body.contains("value=\"Newsletter\""));
    let renamed = [("name", "Monthly newsletter"), ("description", "News"), ("default_basis", "consent")];
    assert_eq!(env.post(&admin, &format!("/privacy/purposes/{pid}"), &renamed).await.location(), "/privacy/setup");
    assert_eq!(env.app.purposes(&Principal::cli()).await.unwrap()[0].name, "Monthly newsletter");
    let empty = [("name", "  "), ("description", "News"), ("default_basis", "consent")];
    assert_eq!(
        env.post(&admin, &format!("/privacy/purposes/{pid}"), &empty).await.status,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    // Sales may not edit purposes.
    let sales = env.sign_in(Role::Sales).await;
    assert_eq!(env.get(&sales, &format!("/privacy/purposes/{pid}")).await.status, StatusCode::FORBIDDEN);
    assert_eq!(env.post(&sales, &format!("/privacy/purposes/{pid}"), &renamed).await.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn restriction_and_objections_from_the_contact_page() {
    let env = setup().await;
    let dpo = env.sign_in(Role::Dpo).await;
    let sales = env.sign_in(Role::Sales).await;
    let ok = [("name", "Events"), ("description", "Fair invitations"), ("default_basis", "legitimate_interests")];
    env.post(&dpo, "/privacy/purposes", &ok).await;
    let purpose = env.app.purposes(&Principal::cli()).await.unwrap()[0].id.to_string();
    let c = env.contact("Ottavia", "Greco", None, &[]).await;
    let page = format!("/contacts/{c}");
    // Sales cannot restrict; the DPO can, and the page says so.
    assert_eq!(
        env.post(&sales, &format!("{page}/restriction"), &[("restrict", "on")]).await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        env.post(&dpo, &format!("{page}/restriction"), &[("restrict", "on")]).await.status,
        StatusCode::SEE_OTHER
    );
    let shown = env.get(&sales, &page).await;
    assert!(shown.body.contains("Processing restricted</strong> since"), "{}", shown.body);
    let note = env.post(&sales, &format!("{page}/interactions"), &[("kind", "note"), ("body", "Called back")]).await;
    assert_eq!(note.status, StatusCode::CONFLICT);
    assert!(note.body.contains("Processing restricted") && note.body.contains("Art. 18"), "{}", note.body);
    // Lifted: notes work again.
    env.post(&dpo, &format!("{page}/restriction"), &[("restrict", "off")]).await;
    let note = env.post(&sales, &format!("{page}/interactions"), &[("kind", "note"), ("body", "Called back")]).await;
    assert_eq!(note.status, StatusCode::SEE_OTHER);
    // An objection taken down by sales waits for the DPO's decision.
    assert_eq!(
        env.post(&sales, &format!("{page}/objections"), &[("purpose", purpose.as_str())]).await.status,
        StatusCode::SEE_OTHER
    );
    assert!(env.get(&dpo, &page).await.body.contains("Events: Awaiting a decision"));
    let decide = format!("{page}/objections/{purpose}");
    assert_eq!(env.post(&sales, &decide, &[("decision", "upheld")]).await.status, StatusCode::FORBIDDEN);
    assert_eq!(env.post(&dpo, &decide, &[("decision", "upheld")]).await.status, StatusCode::SEE_OTHER);
    assert!(env.get(&dpo, &page).await.body.contains("Events: Upheld: processing stopped"));
}

#[tokio::test]
async fn requests_are_registered_from_the_contact_page_and_handled_from_the_queue() {
    let env = setup().await;
    let support = env.sign_in(Role::Support).await;
    let dpo = env.sign_in(Role::Dpo).await;
    let c = env.contact("Teresa", "Riva", None, &[]).await;
    let r = env
        .post(
            &support,
            &format!("/contacts/{c}/dsr"),
            &[("kind", "erasure"), ("channel", "letter"), ("note", "Letter of 3 May")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let page = r.location().to_owned();
    assert!(page.starts_with("/dsr/"), "{page}");
    let contact_page = env.get(&support, &format!("/contacts/{c}")).await;
    assert!(contact_page.body.contains("Erasure (Art. 17)</a> — Received"), "{}", contact_page.body);
    // Support cannot see the queue; the DPO sees it, and acts.
    assert_eq!(env.get(&support, "/dsr").await.status, StatusCode::FORBIDDEN);
    let q = env.get(&dpo, "/dsr").await;
    assert!(q.body.contains("Erasure (Art. 17)"), "{}", q.body);
    let act = format!("{page}/act");
    assert_eq!(
        env.post(&support, &act, &[("action", "status"), ("status", "in_progress")]).await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        env.post(&dpo, &act, &[("action", "status"), ("status", "waiting_on_subject")]).await.status,
        StatusCode::SEE_OTHER
    );
    let shown = env.get(&dpo, &page).await;
    assert!(shown.body.contains("clock paused") && shown.body.contains("Letter of 3 May"), "{}", shown.body);
    let refused = env.post(&dpo, &act, &[("action", "status"), ("status", "rejected"), ("reason", "")]).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.body.contains("a rejection must state its reason"), "{}", refused.body);
    env.post(&dpo, &act, &[("action", "status"), ("status", "rejected"), ("reason", "Identity could not be verified")])
        .await;
    assert!(env.get(&dpo, "/dsr").await.body.contains("No open requests."));
}

#[tokio::test]
async fn export_files_erasure_exceptions_and_change_details_on_staff_pages() {
    let env = setup().await;
    let dpo = env.sign_in(Role::Dpo).await;
    let sales = env.sign_in(Role::Sales).await;
    let c = env.contact("Gemma", "Lombardi", None, &[]).await;
    let contact_page = env.get(&sales, &format!("/contacts/{c}")).await;
    assert!(contact_page.body.contains("<dd id=\"source\">Entered by staff"), "{}", contact_page.body);
    // An access request is answered with a prepared file.
    let r = env.post(&dpo, &format!("/contacts/{c}/dsr"), &[("kind", "access"), ("channel", "email")]).await;
    let page = r.location().to_owned();
    let shown = env.get(&dpo, &page).await;
    assert!(shown.body.contains("Prepare the export that answers this request"), "{}", shown.body);
    assert_eq!(
        env.post(&dpo, &format!("{page}/export"), &[("format", "pdf")]).await.status,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    assert_eq!(env.post(&dpo, &format!("{page}/export"), &[("format", "csv")]).await.status, StatusCode::SEE_OTHER);
    let shown = env.get(&dpo, &page).await;
    let at = shown.body.find("href=\"/exports/").expect("a prepared file is listed");
    let link: String = shown.body[at + 6..].split('"').next().unwrap().to_owned();
    assert!(shown.body.contains("CSV (access)</a> — available until"), "{}", shown.body);
    let file = env.get(&dpo, &link).await;
    assert_eq!(file.status, StatusCode::OK);
    assert_eq!(file.headers[header::CONTENT_TYPE], "application/zip");
    assert_eq!(env.get(&sales, &link).await.status, StatusCode::FORBIDDEN);
    // An erasure request under a contract basis shows the exception first.
    env.post(
        &dpo,
        "/privacy/purposes",
        &[("name", "Orders"), ("description", "Order handling"), ("default_basis", "contract")],
    )
    .await;
    let purpose = env.app.purposes(&Principal::cli()).await.unwrap()[0].id.to_string();
    let basis =
        env.post(&dpo, &format!("/contacts/{c}/basis"), &[("purpose", purpose.as_str()), ("basis", "contract")]).await;
    assert_eq!(basis.status, StatusCode::SEE_OTHER, "{}", basis.body);
    let r = env.post(&dpo, &format!("/contacts/{c}/dsr"), &[("kind", "erasure"), ("channel", "email")]).await;
    let erasure = env.get(&dpo, r.location()).await;
    assert!(
        erasure.body.contains("Before erasing: possible exceptions")
            && erasure.body.contains("Orders: processed for a contract"),
        "{}",
        erasure.body
    );
    // A correction keeps its before and after, shown to the DPO.
    let edit = env.post(&sales, &format!("/contacts/{c}"), &[("first_name", "Gemma"), ("last_name", "Lombardo")]).await;
    assert_eq!(edit.status, StatusCode::SEE_OTHER, "{}", edit.body);
    let audit = env.get(&dpo, &format!("/audit?subject={c}")).await;
    let at = audit.body.find("/changes\">changes</a>").expect("a changes link");
    let start = audit.body[..at].rfind("/audit/").unwrap();
    let changes = env.get(&dpo, &format!("{}/changes", &audit.body[start..at])).await;
    assert_eq!(changes.status, StatusCode::OK);
    assert!(changes.body.contains("<td>last name</td><td>Lombardi</td><td>Lombardo</td>"), "{}", changes.body);
    assert_eq!(env.get(&sales, &format!("{}/changes", &audit.body[start..at])).await.status, StatusCode::FORBIDDEN);
}

/// A multipart/form-data body with text fields, then a file.
fn multipart(fields: &[(&str, &str)], file: &[u8]) -> (String, Vec<u8>) {
    let boundary = "kith-test-boundary-7MA4YWxkTrZu0gW";
    let mut body = Vec::new();
    for (k, v) in fields {
        body.extend_from_slice(
            format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{k}\"\r\n\r\n{v}\r\n").as_bytes(),
        );
    }
    body.extend_from_slice(
        format!("--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"fiera-2026.csv\"\r\nContent-Type: text/csv\r\n\r\n")
            .as_bytes(),
    );
    body.extend_from_slice(file);
    body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={boundary}"), body)
}

/// Waits for the import's background pass to end; the run's page meanwhile.
async fn settled(env: &Env, s: &Session, path: &str) -> Resp {
    for _ in 0..200 {
        let page = env.get(s, path).await;
        assert_eq!(page.status, StatusCode::OK, "{}", page.body);
        if !page.body.contains("http-equiv=\"refresh\"") {
            return page;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    panic!("the import did not finish");
}

#[tokio::test]
async fn the_import_page_maps_checks_then_imports_a_file_in_the_background() {
    let env = setup().await;
    let dpo = env.sign_in(Role::Dpo).await;
    let sales = env.sign_in(Role::Sales).await;
    assert_eq!(env.get(&sales, "/import").await.status, StatusCode::FORBIDDEN);
    assert_eq!(env.get(&dpo, "/import").await.status, StatusCode::OK);
    let csv =
        "Nome;Cognome;Email;Punteggio\r\nElisa;Moretti;elisa.moretti@example.it;4\r\nPaolo;Gatti;not-an-address;2\r\n";
    let send = |s: &Session, fields: Vec<(&'static str, String)>, file: &'static str| {
        let f: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let (ct, body) = multipart(&f, file.as_bytes());
        let req = Request::builder()
            .method(Method::POST)
            .uri("/import")
            .header(header::COOKIE, &s.cookie)
            .header(header::CONTENT_TYPE, ct)
            .body(Body::from(body))
            .unwrap();
        let router = env.router.clone();
        async move {
            let res = router.oneshot(req).await.unwrap();
            let status = res.status();
            let location = res.headers().get(header::LOCATION).map(|l| l.to_str().unwrap().to_owned());
            let bytes = axum::body::to_bytes(res.into_body(), usize::MAX).await.unwrap();
            (status, location.unwrap_or_default(), String::from_utf8_lossy(&bytes).into_owned())
        }
    };
    // Without the form's token nothing is read.
    let (status, _, _) = send(&dpo, vec![("csrf", "forged".into())], csv).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    // A file without a header line is refused on the upload form.
    let (status, _, body) = send(&dpo, vec![("csrf", dpo.csrf.clone())], "").await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert!(body.contains("The file is empty: choose a CSV file."), "{body}");
    let (status, run, body) = send(&dpo, vec![("csrf", dpo.csrf.clone())], csv).await;
    assert_eq!(status, StatusCode::SEE_OTHER, "{body}");
    assert!(run.starts_with("/import/"), "{run}");

    // The mapping step: recognised columns are chosen, the others ignored.
    let page = env.get(&dpo, &run).await;
    assert!(page.body.contains("Uploaded: map the columns"), "{}", page.body);
    assert!(page.body.contains("<option value=\"first_name\" selected>"), "{}", page.body);
    assert!(page.body.contains("<td>Punteggio</td><td><select name=\"col\" aria-label=\"Field for Punteggio\"><option value=\"\">(ignored)</option><option value=\"first_name\">"), "{}", page.body);
    let cols = |c: [&'static str; 4]| c.iter().map(|v| ("col", *v)).collect::<Vec<_>>();
    // A mapping that cannot be read is re-shown with a reason, nothing started.
    let mut bad = cols(["first_name", "last_name", "email", "no_such_field"]);
    bad.push(("mode", "check"));
    let r = env.post(&dpo, &run, &bad).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    assert!(r.body.contains("Punteggio") && r.body.contains("is mapped to an unknown field."), "{}", r.body);
    // The check runs in the background; the page shows where it stands, then the result.
    let mut check = cols(["first_name", "last_name", "email", ""]);
    check.push(("mode", "check"));
    let r = env.post(&dpo, &run, &check).await;
    assert_eq!((r.status, r.location()), (StatusCode::SEE_OTHER, run.as_str()), "{}", r.body);
    let body = settled(&env, &dpo, &run).await.body;
    assert!(
        body.contains("Check: nothing was written")
            && body.contains("1 would be created, 0 would be updated, 0 skipped, 1 rejected"),
        "{body}"
    );
    assert!(body.contains("<td class=\"num\">3</td><td>rejected</td><td>an email address is not valid</td>"), "{body}");
    assert!(!body.contains("not-an-address"), "a reason repeats no value");
    let find = || async {
        let q =
            kith_app::contacts::ContactQuery { email: Some("elisa.moretti@example.it".into()), ..Default::default() };
        env.app.list_contacts(&Principal::cli(), q).await.unwrap().items.len()
    };
    assert_eq!(find().await, 0, "a check writes nothing");
    // Consent without its proof columns: the pass stops with the reason, nothing written.
    let purpose = {
        let ok = [("name", "Newsletter"), ("description", "News"), ("default_basis", "consent")];
        assert_eq!(env.post(&dpo, "/privacy/purposes", &ok).await.location(), "/privacy/setup");
        env.app.purposes(&Principal::cli()).await.unwrap()[0].id.to_string()
    };
    let mut consent = cols(["first_name", "last_name", "email", ""]);
    consent.extend([("mode", "import"), ("purpose", purpose.as_str()), ("basis", "consent")]);
    // Consent without its notice is refused before anything starts, the choices kept.
    let r = env.post(&dpo, &run, &consent).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    assert!(r.body.contains("Imported consent must name the notice the people saw."), "{}", r.body);
    assert!(r.body.contains("<option value=\"consent\" selected>"), "{}", r.body);
    assert!(env.get(&dpo, &run).await.body.contains("Checked: 1 would be created"), "nothing started");
    assert_eq!(find().await, 0);

    let mut import = cols(["first_name", "last_name", "email", ""]);
    import.push(("mode", "import"));
    assert_eq!(env.post(&dpo, &run, &import).await.status, StatusCode::SEE_OTHER);
    let body = settled(&env, &dpo, &run).await.body;
    assert!(body.contains("1 created, 0 updated, 0 skipped, 1 rejected. Done up to line 3."), "{body}");
    assert!(body.contains("The file is no longer kept."), "an imported file is dropped: {body}");
    assert!(!body.contains("name=\"mode\" value=\"import\""), "nothing left to import: {body}");
    assert_eq!(find().await, 1);
    // Nothing can start again on a dropped file.
    let again = env.post(&dpo, &run, &import).await;
    assert_eq!(again.status, StatusCode::CONFLICT, "{}", again.body);
    assert!(again.body.contains("upload it again"), "{}", again.body);
    // The list shows the run; another file can be discarded unrun.
    assert!(env.get(&dpo, "/import").await.body.contains("Imported: 1 created"));
    let (_, other, _) = send(&dpo, vec![("csrf", dpo.csrf.clone())], csv).await;
    assert_eq!(env.post(&dpo, &other, &[("mode", "discard")]).await.status, StatusCode::SEE_OTHER);
    assert!(env.get(&dpo, &other).await.body.contains("The file is no longer kept."));
    assert_eq!(env.get(&sales, &other).await.status, StatusCode::FORBIDDEN);
    // Erasing a contact drops a kept upload: importing it later would bring the person back.
    let (_, kept, _) = send(&dpo, vec![("csrf", dpo.csrf.clone())], csv).await;
    let q = kith_app::contacts::ContactQuery { email: Some("elisa.moretti@example.it".into()), ..Default::default() };
    let elisa = env.app.list_contacts(&Principal::cli(), q).await.unwrap().items[0].id;
    env.app.delete_contact(&Principal::cli(), elisa).await.unwrap();
    let body = env.get(&dpo, &kept).await.body;
    assert!(body.contains("Dropped: a contact was erased after this file was uploaded"), "{body}");
    assert!(body.contains("The file is no longer kept.") && !body.contains("value=\"import\""), "{body}");
    assert_eq!(env.post(&dpo, &kept, &import).await.status, StatusCode::CONFLICT);
    assert_eq!(find().await, 0, "the erased person did not come back");
}

/// While a large file is imported, its page shows how far it got and
/// refreshes itself; at the end, the counts.
#[tokio::test]
async fn the_import_page_shows_progress_while_it_runs() {
    let env = setup().await;
    let dpo = env.sign_in(Role::Dpo).await;
    let mut csv = String::from("Email,First Name,Last Name\n");
    for i in 0..20_000 {
        csv.push_str(&format!("persona{i}@example.it,Persona,Numero{i}\n"));
    }
    let run = env.app.upload_import(&Principal::cli(), "grande.csv", csv.as_bytes()).await.unwrap();
    let path = format!("/import/{run}");
    let cols = [("col", "email"), ("col", "first_name"), ("col", "last_name"), ("mode", "import")];
    assert_eq!(env.post(&dpo, &path, &cols).await.status, StatusCode::SEE_OTHER);
    let page = env.get(&dpo, &path).await;
    assert!(
        page.body.contains("http-equiv=\"refresh\"") && page.body.contains("<progress id=\"progress\" max=\"100\""),
        "{}",
        page.body
    );
    assert!(page.body.contains("Import running") && page.body.contains("You may leave it"), "{}", page.body);
    // A second start while it runs is refused.
    let again = env.post(&dpo, &path, &cols).await;
    assert_eq!(again.status, StatusCode::CONFLICT, "{}", again.body);
    let mut seen_progress = false;
    for _ in 0..1200 {
        let p = env.get(&dpo, &path).await.body;
        if !p.contains("http-equiv=\"refresh\"") {
            assert!(p.contains("20000 created, 0 updated, 0 skipped, 0 rejected. Done up to line 20001."), "{p}");
            break;
        }
        seen_progress |= !p.contains("<p>0% of the file read");
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert!(seen_progress, "the share of the file read grew while it ran");
}

/// An import whose server stopped shows as interrupted, and resumes after
/// the last line it wrote.
#[tokio::test]
async fn an_interrupted_import_resumes_after_its_last_line_written() {
    let env = setup().await;
    let dpo = env.sign_in(Role::Dpo).await;
    let csv =
        "Email,First Name\nrita.longo@example.it,Rita\nsaverio.marchi@example.it,Saverio\ntea.orsini@example.it,Tea\n";
    let run = env.app.upload_import(&Principal::cli(), "fiera.csv", csv.as_bytes()).await.unwrap();
    let path = format!("/import/{run}");
    // As a server stopped mid-import leaves it: running, written up to line 2, no heartbeat since.
    env.app
        .store()
        .raw_execute(&format!(
            "UPDATE import_runs SET phase = 'running', dry_run = FALSE, created = 1, last_line = 2, heartbeat = 0 WHERE id = X'{}'",
            run.simple()
        ))
        .await
        .unwrap();
    let page = env.get(&dpo, &path).await;
    assert!(
        page.body.contains("Interrupted: done up to line 2") && page.body.contains("value=\"resume\""),
        "{}",
        page.body
    );
    assert!(!page.body.contains("http-equiv=\"refresh\""), "{}", page.body);
    let r = env.post(&dpo, &path, &[("col", "email"), ("col", "first_name"), ("mode", "resume")]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let body = settled(&env, &dpo, &path).await.body;
    assert!(body.contains("3 created, 0 updated, 0 skipped, 0 rejected. Done up to line 4."), "{body}");
    let app = &env.app;
    let found = |email: &'static str| async move {
        let q = kith_app::contacts::ContactQuery { email: Some(email.into()), ..Default::default() };
        app.list_contacts(&Principal::cli(), q).await.unwrap().items.len()
    };
    assert_eq!(found("rita.longo@example.it").await, 0, "lines up to the last one written are not read again");
    assert_eq!(found("tea.orsini@example.it").await, 1);
}

/// Retention through the pages: a rule on the purpose's page (a bad one
/// re-shows the form), the contact's expiry and a legal hold on its page,
/// a dry run listing who would go, marketing kept out, reviews listed.
#[tokio::test]
async fn retention_rules_holds_and_dry_run_pages() {
    let env = setup().await;
    let dpo = env.sign_in(Role::Dpo).await;
    let ok = [("name", "Customer care"), ("description", "Support"), ("default_basis", "contract")];
    assert_eq!(env.post(&dpo, "/privacy/purposes", &ok).await.location(), "/privacy/setup");
    let purpose = env.app.purposes(&Principal::cli()).await.unwrap()[0].id;
    let path = format!("/privacy/purposes/{purpose}");
    let mut form = vec![
        ("name", "Customer care"),
        ("description", "Support"),
        ("default_basis", "contract"),
        ("rule_anchor", "created"),
        ("rule_count", "-1"),
        ("rule_unit", "days"),
        ("rule_disposal", "delete"),
    ];
    let bad = env.post(&dpo, &path, &form).await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", bad.body);
    assert!(bad.body.contains("must be a whole number of days from 0 (at once) to"), "{}", bad.body);
    form[4] = ("rule_count", "2");
    form[5] = ("rule_unit", "years");
    assert_eq!(env.post(&dpo, &path, &form).await.location(), "/privacy/setup");
    let edit = env.get(&dpo, &path).await;
    assert!(edit.body.contains("<option value=\"created\" selected>"), "{}", edit.body);
    // "— no rule —" clears it, whatever the other selects send (as a browser does).
    let mut clear = form.clone();
    clear[3] = ("rule_anchor", "");
    clear[6] = ("rule_disposal", "");
    assert_eq!(env.post(&dpo, &path, &clear).await.location(), "/privacy/setup");
    assert!(env.app.purposes(&Principal::cli()).await.unwrap()[0].rule.is_none());
    assert_eq!(env.post(&dpo, &path, &form).await.location(), "/privacy/setup");

    let c = env.contact("Ada", "Lovelace", None, &[]).await;
    let pid = purpose.to_string();
    let r = env
        .post(
            &dpo,
            &format!("/contacts/{c}/basis"),
            &[("purpose", pid.as_str()), ("basis", "contract"), ("lia_ref", ""), ("ends_on", "")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let page = env.get(&dpo, &format!("/contacts/{c}")).await;
    assert!(page.body.contains("Expires on "), "{}", page.body);
    assert!(page.body.contains("2 years after creation, then delete"), "{}", page.body);
    let review_on = (time::OffsetDateTime::now_utc() + time::Duration::days(30)).date().to_string();
    let hold = [("action", "place"), ("reason", "audit by the tax office"), ("review_on", review_on.as_str())];
    assert_eq!(env.post(&dpo, &format!("/contacts/{c}/hold"), &hold).await.status, StatusCode::SEE_OTHER);
    let page = env.get(&dpo, &format!("/contacts/{c}")).await;
    assert!(page.body.contains("Legal hold") && page.body.contains("audit by the tax office"), "{}", page.body);
    let past = [("action", "place"), ("reason", "x"), ("review_on", "2001-01-01")];
    assert_eq!(env.post(&dpo, &format!("/contacts/{c}/hold"), &past).await.status, StatusCode::UNPROCESSABLE_ENTITY);

    let dry = env.post(&dpo, "/privacy/retention", &[("mode", "dry")]).await;
    assert_eq!(dry.status, StatusCode::OK, "{}", dry.body);
    assert!(dry.body.contains("Dry run: 1 contacts checked, 0 would go"), "{}", dry.body);
    assert!(env.get(&dpo, "/privacy/retention").await.body.contains("2 years after creation, then delete"));
    let mk = env.sign_in(Role::Marketing).await;
    assert_eq!(env.get(&mk, "/privacy/retention").await.status, StatusCode::FORBIDDEN);
    assert_eq!(env.post(&mk, &format!("/contacts/{c}/hold"), &hold).await.status, StatusCode::FORBIDDEN);
    let sales = env.sign_in(Role::Sales).await;
    let reviews = env.get(&sales, "/reviews").await;
    assert_eq!(reviews.status, StatusCode::OK);
    assert!(reviews.body.contains("Nothing to review."), "{}", reviews.body);
}

/// The field policy page: a field without a purpose is refused with the
/// reason, one with a purpose is added; removing a field shows how many
/// contacts hold it before purging; marketing is kept out.
#[tokio::test]
async fn field_policy_page_adds_and_removes_fields() {
    let env = setup().await;
    let dpo = env.sign_in(Role::Dpo).await;
    let page = env.get(&dpo, "/privacy/fields").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("no purpose named yet"), "{}", page.body);
    let ok = [("name", "Events"), ("description", "Our events"), ("default_basis", "consent")];
    assert_eq!(env.post(&dpo, "/privacy/purposes", &ok).await.location(), "/privacy/setup");
    let purpose = env.app.purposes(&Principal::cli()).await.unwrap()[0].id.to_string();
    let field = |purpose: &str| {
        vec![
            ("key", "shoe_size".to_owned()),
            ("label", "Shoe size".to_owned()),
            ("kind", "number".to_owned()),
            ("category", "preferences".to_owned()),
            ("purpose", purpose.to_owned()),
            ("enabled", "yes".to_owned()),
        ]
    };
    let form = field("");
    let pairs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let bad = env.post(&dpo, "/privacy/fields", &pairs).await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.body.contains("a field no purpose needs cannot be enabled"), "{}", bad.body);
    let form = field(&purpose);
    let pairs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    assert_eq!(env.post(&dpo, "/privacy/fields", &pairs).await.location(), "/privacy/fields");
    assert!(env.get(&dpo, "/privacy/fields").await.body.contains("custom.shoe_size"));

    env.contact("Ada", "Lovelace", None, &[]).await;
    let count = env.post(&dpo, "/privacy/fields/remove", &[("key", "last_name")]).await;
    assert!(count.body.contains("<strong>1</strong> contact(s) hold a value"), "{}", count.body);
    let done = env.post(&dpo, "/privacy/fields/remove", &[("key", "last_name"), ("confirm", "yes")]).await;
    assert!(done.body.contains("Removed last_name: 1 value(s) purged"), "{}", done.body);
    let mk = env.sign_in(Role::Marketing).await;
    assert_eq!(env.get(&mk, "/privacy/fields").await.status, StatusCode::FORBIDDEN);
}

/// Custom fields on the contact page: an input of its kind for each field
/// the policy allows (special categories only for the privacy roles);
/// values set, shown, refused with a readable message that keeps the
/// input and changes nothing, cleared by emptying; a multiple choice
/// round-trips exactly; a role that cannot see a field cannot wipe it;
/// the page names the policy version the fields were last written under.
#[tokio::test]
async fn custom_fields_are_edited_on_the_contact_page() {
    use kith_domain::policy::{FieldCategory, FieldDef, FieldKind, SpecialCategory};
    let env = setup().await;
    let dpo = env.sign_in(Role::Dpo).await;
    let ok = [("name", "Events"), ("description", "Our events"), ("default_basis", "consent")];
    assert_eq!(env.post(&dpo, "/privacy/purposes", &ok).await.location(), "/privacy/setup");
    let purpose = env.app.purposes(&Principal::cli()).await.unwrap()[0].id;
    let fields = [
        ("custom.member_since", "Member since", FieldKind::Date, vec![], None),
        ("custom.diet", "Diet", FieldKind::Choice, vec!["vegetarian", "vegan", "none"], None),
        ("custom.sizes", "Sizes", FieldKind::MultiChoice, vec!["S", "M", "L"], None),
        (
            "custom.allergies",
            "Allergies",
            FieldKind::Text,
            vec![],
            Some((SpecialCategory::Health, "Catering at our events must avoid allergens.".to_owned())),
        ),
    ];
    for (key, label, kind, choices, special) in fields {
        let def = FieldDef {
            key: key.into(),
            label: label.into(),
            kind: Some(kind),
            category: FieldCategory::Preferences,
            purposes: vec![purpose],
            special,
            choices: choices.into_iter().map(String::from).collect(),
            enabled: true,
        };
        env.app.save_field(&Principal::cli(), def).await.expect("field saved");
    }
    let id = env.contact("Ada", "Lovelace", None, &[]).await;
    let page = format!("/contacts/{id}");
    let custom = || async {
        env.app.get_contact(&Principal::cli(), kith_domain::SubjectId(id)).await.unwrap().data.custom.clone()
    };
    let sales = env.sign_in(Role::Sales).await;
    let shown = env.get(&sales, &page).await;
    assert!(shown.body.contains("Fields last written under field policy version 5"), "{}", shown.body);
    for needle in [
        "type=\"date\" id=\"custom-member_since\" name=\"custom.member_since\" value=\"\"",
        "<select id=\"custom-diet\" name=\"custom.diet\"",
        "<option value=\"vegan\">vegan</option>",
        "type=\"checkbox\" name=\"custom.sizes\" value=\"M\">",
    ] {
        assert!(shown.body.contains(needle), "{needle} in {}", shown.body);
    }
    assert!(!shown.body.contains("custom.allergies"), "a special category is not shown to sales");

    // Set through the form.
    let r = env
        .post(
            &sales,
            &page,
            &[
                ("custom.member_since", "2024-02-29"),
                ("custom.diet", "vegan"),
                ("custom.sizes", ""),
                ("custom.sizes", "S"),
                ("custom.sizes", "L"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let shown = env.get(&sales, &page).await;
    for needle in [
        "<dt>Member since</dt><dd>2024-02-29</dd>",
        "<dt>Diet</dt><dd>vegan</dd>",
        "<dt>Sizes</dt><dd>S, L</dd>",
        "<option value=\"vegan\" selected>",
        "value=\"L\" checked>",
        "name=\"was.member_since\" value=\"2024-02-29\"",
    ] {
        assert!(shown.body.contains(needle), "{needle} in {}", shown.body);
    }
    assert!(shown.body.contains("value=\"M\">"), "M is not ticked");

    // A bad date and an unknown choice: readable messages next to the
    // inputs, the input kept, nothing changed.
    let bad = env
        .post(
            &sales,
            &page,
            &[
                ("first_name", "Adele"),
                ("custom.member_since", "2024-02-30"),
                ("was.member_since", "2024-02-29"),
                ("custom.diet", "carnivore"),
                ("was.diet", "vegan"),
            ],
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", bad.body);
    for needle in [
        "Nothing was saved",
        "id=\"custom-member_since-error\">must be a date such as 2026-01-31</span>",
        "value=\"2024-02-30\"",
        "id=\"custom-diet-error\">must be one of: vegetarian, vegan, none</span>",
        "<option value=\"carnivore\" selected>carnivore (no longer a choice)</option>",
        "value=\"Adele\"",
    ] {
        assert!(bad.body.contains(needle), "{needle} in {}", bad.body);
    }
    let c = env.app.get_contact(&Principal::cli(), kith_domain::SubjectId(id)).await.unwrap();
    assert_eq!(c.data.first_name.as_deref(), Some("Ada"), "nothing changed");
    assert_eq!(c.data.custom.get("member_since").map(String::as_str), Some("2024-02-29"));

    // The privacy roles see (and admin, who may also write, edits) the
    // special category; sales, saving the form without it, leaves it
    // alone, and may not empty it.
    let shown = env.get(&dpo, &page).await;
    assert!(shown.body.contains("<dt>Member since</dt>"), "{}", shown.body);
    let admin = env.sign_in(Role::Admin).await;
    let shown = env.get(&admin, &page).await;
    assert!(shown.body.contains("name=\"custom.allergies\""), "{}", shown.body);
    assert!(shown.body.contains("(special category: Health)"));
    let r = env.post(&admin, &page, &[("custom.allergies", "peanuts"), ("was.allergies", "")]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let r = env.post(&sales, &page, &[("first_name", "Ada"), ("custom.diet", "none"), ("was.diet", "vegan")]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert_eq!(custom().await.get("allergies").map(String::as_str), Some("peanuts"));
    let r = env.post(&sales, &page, &[("custom.allergies", "")]).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("Allergies: your role may not change special-category fields"), "{}", r.body);
    assert_eq!(custom().await.get("allergies").map(String::as_str), Some("peanuts"));

    // A multiple choice stored in another order (through the API, say)
    // comes back unchanged when the form is saved as shown.
    let patch = kith_app::contacts::ContactPatch {
        custom: Some([("sizes".to_owned(), "L, S".to_owned())].into()),
        ..Default::default()
    };
    env.app.update_contact(&Principal::cli(), kith_domain::SubjectId(id), patch).await.unwrap();
    let shown = env.get(&sales, &page).await;
    assert!(shown.body.contains("name=\"was.sizes\" value=\"L, S\""), "{}", shown.body);
    let as_shown = [("custom.sizes", ""), ("custom.sizes", "S"), ("custom.sizes", "L"), ("was.sizes", "L, S")];
    assert_eq!(env.post(&sales, &page, &as_shown).await.status, StatusCode::SEE_OTHER);
    assert_eq!(custom().await.get("sizes").map(String::as_str), Some("L, S"));

    // Emptying an input removes the value; the others stay.
    let r = env
        .post(&sales, &page, &[("custom.member_since", ""), ("was.member_since", "2024-02-29"), ("custom.sizes", "")])
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let now = custom().await;
    assert_eq!(now.get("member_since"), None);
    assert_eq!(now.get("sizes"), None);
    assert_eq!(now.get("diet").map(String::as_str), Some("none"));
    assert!(!env.get(&sales, &page).await.body.contains("<dt>Member since</dt>"));

    // The new-contact form has the same inputs.
    let form = env.get(&sales, "/contacts/new").await;
    assert!(form.body.contains("name=\"custom.member_since\""), "{}", form.body);
    let r = env
        .post(
            &sales,
            "/contacts/new",
            &[("first_name", "Bruno"), ("custom.diet", "vegetarian"), ("custom.member_since", "")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let created = env.get(&sales, r.location().split('?').next().unwrap()).await;
    assert!(created.body.contains("<dt>Diet</dt><dd>vegetarian</dd>"), "{}", created.body);
    let r = env.post(&sales, "/contacts/new", &[("first_name", "Carla"), ("custom.member_since", "someday")]).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("id=\"custom-member_since-error\">must be a date such as 2026-01-31"), "{}", r.body);
}
