//! The pages as a browser uses them: requests with a cookie and a form
//! body, sign-in with its form token, forms with the session's CSRF token,
//! and the second sign-in step.

use super::{TestApp, PASSWORD};
use axum::body::Body;
use axum::http::{header, HeaderMap, Method, Request, StatusCode};
use kith_domain::Role;

/// A page's response, its body as text.
pub struct Resp {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: String,
}

impl Resp {
    pub fn location(&self) -> &str {
        self.headers.get(header::LOCATION).and_then(|v| v.to_str().ok()).unwrap_or("")
    }

    /// The value of the first `name="csrf"` field on the page.
    pub fn csrf(&self) -> String {
        let at = self.body.find("name=\"csrf\" value=\"").expect("a csrf field") + 19;
        self.body[at..].split('"').next().unwrap().to_owned()
    }

    /// The whole `Set-Cookie` header of the cookie `name`, attributes included.
    pub fn set_cookie(&self, name: &str) -> Option<String> {
        self.headers
            .get_all(header::SET_COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .find(|c| c.starts_with(&format!("{name}=")))
            .map(str::to_owned)
    }

    /// `name=value` of a cookie the response sets.
    pub fn cookie(&self, name: &str) -> Option<String> {
        self.set_cookie(name).map(|c| c.split(';').next().unwrap().to_owned())
    }

    /// The text of the element with `id` (up to the next tag).
    pub fn text_of(&self, id: &str) -> Option<String> {
        let marker = format!("id=\"{id}\"");
        let at = self.body.find(&marker)? + marker.len();
        let rest = &self.body[at..];
        let start = rest.find('>')? + 1;
        Some(rest[start..].split('<').next().unwrap_or("").to_owned())
    }
}

/// A browser's session: its cookie and the CSRF token of its pages.
#[derive(Clone, Debug)]
pub struct Browser {
    pub cookie: String,
    pub csrf: String,
}

/// `fields` as an `application/x-www-form-urlencoded` body.
pub fn form_body(fields: &[(&str, &str)]) -> String {
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

impl TestApp {
    /// A page request: method, path, cookie, form body.
    pub async fn send(&self, method: Method, path: &str, cookie: Option<&str>, body: Option<String>) -> Resp {
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
        let (status, headers, bytes) = self.respond(req.body(body).unwrap()).await;
        Resp { status, headers, body: String::from_utf8_lossy(&bytes).into_owned() }
    }

    /// [`TestApp::send`] with a form body and cookie given as text, as a
    /// tuple of the status, the headers and the body.
    pub async fn page(
        &self,
        method: Method,
        path: &str,
        form: Option<&str>,
        cookie: Option<&str>,
    ) -> (StatusCode, HeaderMap, String) {
        let r = self.send(method, path, cookie, form.map(str::to_owned)).await;
        (r.status, r.headers, r.body)
    }

    /// Submits the sign-in form as a browser would; the response as it comes.
    pub async fn try_sign_in(&self, email: &str, password: &str) -> Resp {
        let page = self.send(Method::GET, "/login", None, None).await;
        let login = page.cookie("kith_login").or_else(|| page.cookie("__Host-kith_login")).expect("login cookie");
        let body = form_body(&[("email", email), ("password", password), ("csrf", &page.csrf())]);
        self.send(Method::POST, "/login", Some(&login), Some(body)).await
    }

    /// Signs in with a password only; panics unless a session results.
    pub async fn sign_in(&self, email: &str, password: &str) -> Browser {
        let r = self.try_sign_in(email, password).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        assert_eq!(r.location(), "/contacts");
        let cookie = r.cookie("kith_session").expect("session cookie");
        self.browser(cookie).await
    }

    /// A new staff member of `role`, signed in.
    pub async fn sign_in_as(&self, role: Role) -> Browser {
        let (_, email) = self.add_user(role).await;
        self.sign_in(&email, PASSWORD).await
    }

    /// A browser for a session cookie: reads a CSRF token from a page it may open.
    pub async fn browser(&self, cookie: String) -> Browser {
        for path in ["/contacts", "/account/password", "/account"] {
            let page = self.send(Method::GET, path, Some(&cookie), None).await;
            if page.status == StatusCode::OK {
                return Browser { csrf: page.csrf(), cookie };
            }
        }
        panic!("no page opens for this session");
    }

    /// Submits the second step with `code`, given the first step's response.
    pub async fn second_step(&self, first: &Resp, code: &str) -> Resp {
        assert_eq!(first.location(), "/login/code", "{}", first.body);
        let challenge = first.cookie("kith_2fa").expect("challenge cookie");
        let page = self.send(Method::GET, "/login/code", Some(&challenge), None).await;
        assert_eq!(page.status, StatusCode::OK);
        let login = page.cookie("kith_login").expect("form cookie");
        let body = form_body(&[("code", code), ("csrf", &page.csrf())]);
        self.send(Method::POST, "/login/code", Some(&format!("{challenge}; {login}")), Some(body)).await
    }

    /// Opens `path` in the browser `b`.
    pub async fn get(&self, b: &Browser, path: &str) -> Resp {
        self.send(Method::GET, path, Some(&b.cookie), None).await
    }

    /// Submits a form of `b`'s session to `path`.
    pub async fn post(&self, b: &Browser, path: &str, fields: &[(&str, &str)]) -> Resp {
        let mut all = vec![("csrf", b.csrf.as_str())];
        all.extend_from_slice(fields);
        self.send(Method::POST, path, Some(&b.cookie), Some(form_body(&all))).await
    }
}
