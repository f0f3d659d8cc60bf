//! The staff pages as a browser uses them, over any router: sign-in with
//! its form token, cookies, forms with the session's CSRF token. For test
//! files that run on both engines through `common::Env`.
#![allow(dead_code)]

use axum::body::Body;
use axum::http::{header, HeaderMap, Method, Request, StatusCode};
use axum::Router;
use tower::ServiceExt;

pub const PASSWORD: &str = "correct-horse-battery";

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

    /// `name=value` of a cookie the response sets.
    pub fn cookie(&self, name: &str) -> Option<String> {
        self.headers
            .get_all(header::SET_COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .find(|c| c.starts_with(&format!("{name}=")))
            .map(|c| c.split(';').next().unwrap().to_owned())
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

pub async fn send(router: &Router, method: Method, path: &str, cookie: Option<&str>, body: Option<String>) -> Resp {
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
    let res = router.clone().oneshot(req.body(body).unwrap()).await.unwrap();
    let (parts, body) = res.into_parts();
    let bytes = axum::body::to_bytes(body, usize::MAX).await.unwrap();
    Resp { status: parts.status, headers: parts.headers, body: String::from_utf8_lossy(&bytes).into_owned() }
}

/// A browser's session: its cookie and the CSRF token of its pages.
#[derive(Clone, Debug)]
pub struct Browser {
    pub cookie: String,
    pub csrf: String,
}

/// Submits the sign-in form; the response as it comes.
pub async fn try_sign_in(router: &Router, email: &str, password: &str) -> Resp {
    let page = send(router, Method::GET, "/login", None, None).await;
    let login = page.cookie("kith_login").expect("login cookie");
    let body = form_body(&[("email", email), ("password", password), ("csrf", &page.csrf())]);
    send(router, Method::POST, "/login", Some(&login), Some(body)).await
}

/// Signs in with a password only; panics unless a session results.
pub async fn sign_in(router: &Router, email: &str, password: &str) -> Browser {
    let r = try_sign_in(router, email, password).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert_eq!(r.location(), "/contacts");
    let cookie = r.cookie("kith_session").expect("session cookie");
    browser(router, cookie).await
}

/// A browser for a session cookie: reads a CSRF token from a page it may open.
pub async fn browser(router: &Router, cookie: String) -> Browser {
    for path in ["/contacts", "/account/password", "/account"] {
        let page = send(router, Method::GET, path, Some(&cookie), None).await;
        if page.status == StatusCode::OK {
            return Browser { csrf: page.csrf(), cookie };
        }
    }
    panic!("no page opens for this session");
}

/// Submits the second step with `code`, given the first step's response.
pub async fn second_step(router: &Router, first: &Resp, code: &str) -> Resp {
    assert_eq!(first.location(), "/login/code", "{}", first.body);
    let challenge = first.cookie("kith_2fa").expect("challenge cookie");
    let page = send(router, Method::GET, "/login/code", Some(&challenge), None).await;
    assert_eq!(page.status, StatusCode::OK);
    let login = page.cookie("kith_login").expect("form cookie");
    let body = form_body(&[("code", code), ("csrf", &page.csrf())]);
    send(router, Method::POST, "/login/code", Some(&format!("{challenge}; {login}")), Some(body)).await
}

pub async fn get(router: &Router, b: &Browser, path: &str) -> Resp {
    send(router, Method::GET, path, Some(&b.cookie), None).await
}

pub async fn post(router: &Router, b: &Browser, path: &str, fields: &[(&str, &str)]) -> Resp {
    let mut all = vec![("csrf", b.csrf.as_str())];
    all.extend_from_slice(fields);
    send(router, Method::POST, path, Some(&b.cookie), Some(form_body(&all))).await
}

/// The RFC 6238 code (HMAC-SHA-1, 6 digits, 30 s) of a base32 secret at
/// Unix time `t`, computed here independently of Kith.
pub fn totp_code(secret_base32: &str, t: u64) -> String {
    let key = base32_bytes(secret_base32);
    let k = ring::hmac::Key::new(ring::hmac::HMAC_SHA1_FOR_LEGACY_USE_ONLY, &key);
    let mac = ring::hmac::sign(&k, &(t / 30).to_be_bytes());
    let h = mac.as_ref();
    let off = (h[19] & 0x0f) as usize;
    let bin = (u32::from(h[off] & 0x7f) << 24)
        | (u32::from(h[off + 1]) << 16)
        | (u32::from(h[off + 2]) << 8)
        | u32::from(h[off + 3]);
    format!("{:06}", bin % 1_000_000)
}

pub fn base32_bytes(s: &str) -> Vec<u8> {
    let (mut out, mut buf, mut bits) = (Vec::new(), 0u32, 0u32);
    for c in s.trim_end_matches('=').bytes() {
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'2'..=b'7' => c - b'2' + 26,
            _ => panic!("not base32: {c}"),
        };
        buf = (buf << 5) | u32::from(v);
        bits += 5;
        if bits >= 8 {
            bits -= 8;
            out.push((buf >> bits) as u8);
        }
    }
    out
}

pub fn now_secs() -> u64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs()
}
