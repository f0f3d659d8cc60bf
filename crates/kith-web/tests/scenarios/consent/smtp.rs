//! A real SMTP round trip through `scripts/smtp_sink.py`: the double
//! opt-in's mails as a mail server receives them.

use super::receipts::{receipt_key, verify_jws};
use super::{link_token, newest_confirm_contact, newsletter_kit, signup, ConsentApp, PUBLIC_URL};
use crate::harness::on_both;
use axum::http::{Method, StatusCode};
use base64::engine::general_purpose::STANDARD as B64_STD;
use base64::Engine as _;
use kith_app::mailer::Transport;
use serde_json::{json, Value};
use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};
use uuid::Uuid;

const SMTP_SINK: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../scripts/smtp_sink.py");

/// `scripts/smtp_sink.py` running on a free port; killed (and its
/// directory removed) on drop, also when the test panics.
pub(crate) struct SmtpSink {
    child: Child,
    dir: PathBuf,
    port: u16,
}

impl Drop for SmtpSink {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// A Python that can import aiosmtpd: `$KITH_TEST_PYTHON`, then Debian's
/// `/usr/bin/python3` (where python3-aiosmtpd installs, even when another
/// python3 comes first on PATH), then `python3`.
fn python_with_aiosmtpd() -> String {
    let mut tried = Vec::new();
    let candidates = std::env::var("KITH_TEST_PYTHON").into_iter().chain(["/usr/bin/python3".into(), "python3".into()]);
    for py in candidates {
        let ok = Command::new(&py)
            .args(["-c", "import aiosmtpd.controller"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        if ok {
            return py;
        }
        tried.push(py);
    }
    panic!(
        "the SMTP round-trip test needs python3 with aiosmtpd, and none of {tried:?} has it: \
         install Debian's python3-aiosmtpd (`apt-get install python3-aiosmtpd`; scripts/test.sh installs it), \
         or point KITH_TEST_PYTHON at a python3 that can `import aiosmtpd`"
    );
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").expect("bind").local_addr().unwrap().port()
}

impl SmtpSink {
    pub(crate) fn start() -> SmtpSink {
        SmtpSink::start_rejecting("")
    }

    /// A sink that refuses (550) recipients whose address contains `reject`.
    pub(crate) fn start_rejecting(reject: &str) -> SmtpSink {
        let python = python_with_aiosmtpd();
        let dir = std::env::temp_dir().join(format!("kith-smtp-sink-{}", Uuid::now_v7()));
        let mail_dir = dir.join("mail");
        std::fs::create_dir_all(&mail_dir).expect("sink dir");
        let log = std::fs::File::create(dir.join("sink.log")).expect("sink log");
        let port = free_port();
        let mut child = Command::new(&python)
            .arg(SMTP_SINK)
            .arg(&mail_dir)
            .arg(port.to_string())
            .env("SMTP_SINK_REJECT", reject)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::from(log))
            .spawn()
            .unwrap_or_else(|e| panic!("could not start {python} {SMTP_SINK}: {e}"));
        let stdout = child.stdout.take().expect("stdout");
        let sink = SmtpSink { child, dir, port };
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines() {
                let Ok(line) = line else { break };
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match rx.recv_timeout(left) {
                Ok(line) if line.trim() == "ready" => return sink,
                Ok(_) => {}
                Err(_) => panic!(
                    "smtp_sink.py did not print \"ready\" within 30 s; its log:\n{}",
                    std::fs::read_to_string(sink.dir.join("sink.log")).unwrap_or_default()
                ),
            }
        }
    }

    pub(crate) fn url(&self) -> String {
        format!("smtp://127.0.0.1:{}", self.port)
    }

    /// The raw messages received so far, in arrival order.
    pub(crate) fn messages(&self) -> Vec<String> {
        let mut files: Vec<(u64, PathBuf)> = std::fs::read_dir(self.dir.join("mail"))
            .expect("sink dir")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter_map(|p| {
                let n = p.file_name()?.to_str()?.strip_suffix(".eml")?.parse().ok()?;
                Some((n, p))
            })
            .collect();
        files.sort();
        files.into_iter().map(|(_, p)| std::fs::read_to_string(p).expect("read .eml")).collect()
    }

    /// Waits (a few seconds at most) until `n` messages have arrived.
    pub(crate) async fn wait_for(&self, n: usize) -> Vec<String> {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let m = self.messages();
            if m.len() >= n || Instant::now() > deadline {
                assert_eq!(m.len(), n, "messages received by the SMTP sink");
                return m;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }
}

/// One MIME part: its header block and its decoded body.
pub(crate) struct Part {
    headers: String,
    pub(crate) body: String,
}

impl Part {
    /// A header's value, continuation lines unfolded.
    pub(crate) fn header(&self, name: &str) -> Option<String> {
        header_value(&self.headers, name)
    }
}

/// A raw message's own header block.
pub(crate) fn top_headers(raw: &str) -> String {
    let raw = raw.replace("\r\n", "\n");
    raw.split("\n\n").next().unwrap_or_default().to_owned()
}

/// A header's value in a header block, continuation lines unfolded.
pub(crate) fn header_value(headers: &str, name: &str) -> Option<String> {
    let mut out: Option<String> = None;
    let mut in_it = false;
    for line in headers.lines() {
        if line.starts_with([' ', '\t']) {
            if in_it {
                out.as_mut().unwrap().push_str(line.trim_start());
            }
            continue;
        }
        in_it = false;
        if let Some((k, v)) = line.split_once(':') {
            if out.is_none() && k.trim().eq_ignore_ascii_case(name) {
                out = Some(v.trim().to_owned());
                in_it = true;
            }
        }
    }
    out
}

/// The leaf parts of a raw message (the message itself if not multipart),
/// bodies decoded from base64 or quoted-printable.
pub(crate) fn mime_parts(raw: &str) -> Vec<Part> {
    let raw = raw.replace("\r\n", "\n");
    let (headers, body) = raw.split_once("\n\n").unwrap_or((raw.as_str(), ""));
    let ctype = header_value(headers, "Content-Type").unwrap_or_default();
    if ctype.to_ascii_lowercase().starts_with("multipart/") {
        let boundary = ctype
            .split(';')
            .filter_map(|p| p.trim().strip_prefix("boundary="))
            .next()
            .expect("multipart boundary")
            .trim_matches('"')
            .to_owned();
        let delimiter = format!("--{boundary}");
        return body
            .split(&delimiter)
            .skip(1)
            .take_while(|p| !p.starts_with("--"))
            .flat_map(|p| mime_parts(p.strip_prefix('\n').unwrap_or(p)))
            .collect();
    }
    let encoding = header_value(headers, "Content-Transfer-Encoding").unwrap_or_default().to_ascii_lowercase();
    let body = match encoding.as_str() {
        "base64" => {
            let compact: String = body.chars().filter(|c| !c.is_whitespace()).collect();
            String::from_utf8(B64_STD.decode(compact).expect("base64 body")).expect("utf-8 body")
        }
        "quoted-printable" => quoted_printable(body),
        _ => body.to_owned(),
    };
    vec![Part { headers: headers.to_owned(), body }]
}

fn quoted_printable(s: &str) -> String {
    let s = s.replace("=\n", "");
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'=' && i + 2 < b.len() {
            if let Some(v) = std::str::from_utf8(&b[i + 1..i + 3]).ok().and_then(|h| u8::from_str_radix(h, 16).ok()) {
                out.push(v);
                i += 3;
                continue;
            }
        }
        out.push(b[i]);
        i += 1;
    }
    String::from_utf8(out).expect("utf-8 body")
}

pub(crate) fn message_text(parts: &[Part]) -> String {
    parts
        .iter()
        .find(|p| p.header("Content-Type").is_some_and(|t| t.starts_with("text/plain")))
        .map(|p| p.body.clone())
        .expect("a text/plain part")
}

/// The double opt-in through a real SMTP server: the confirmation mail
/// arrives, its link works through the router, and the receipt arrives
/// with its signed attachment.
#[tokio::test]
async fn double_opt_in_over_real_smtp() {
    on_both("double_opt_in_over_real_smtp", |t| async move {
        let env = ConsentApp::new(t);
        let sink = SmtpSink::start();
        let transport = Transport::from_url(Some(&sink.url())).expect("smtp transport");
        let kit = newsletter_kit(&env).await;

        env.page(Method::POST, &format!("/f/{}", kit.slug), Some(signup(&kit, "giorgio.marino@example.it")), &[])
            .await
            .expect(StatusCode::OK);
        let contact = newest_confirm_contact(&env).await;
        assert_eq!(env.app.deliver_mail(&transport).await.expect("deliver"), 1);
        let sent = env.outbox().await;
        assert_eq!(sent[0]["status"], json!("sent"), "{sent:?}");

        let raw = sink.wait_for(1).await.remove(0);
        let parts = mime_parts(&raw);
        let top = top_headers(&raw);
        assert_eq!(header_value(&top, "To").as_deref(), Some("giorgio.marino@example.it"));
        assert_eq!(header_value(&top, "From").as_deref(), Some("Kith <no-reply@example.com>"));
        assert_eq!(header_value(&top, "Subject").as_deref(), Some("Please confirm your subscription"));
        let text = message_text(&parts);
        let token = link_token(&text, "/c/");
        assert!(text.contains(&format!("{PUBLIC_URL}/c/{token}")), "{text}");

        env.page(Method::POST, &format!("/c/{token}"), None, &[]).await.expect(StatusCode::OK);
        assert_eq!(env.permission(&contact, &kit.purpose, "email", None).await["allowed"], json!(true));
        assert_eq!(env.app.deliver_mail(&transport).await.expect("deliver"), 1);

        let raw = sink.wait_for(2).await.remove(1);
        let top = top_headers(&raw);
        assert_eq!(header_value(&top, "To").as_deref(), Some("giorgio.marino@example.it"));
        assert_eq!(header_value(&top, "Subject").as_deref(), Some("Your consent receipt: Newsletter"));
        let parts = mime_parts(&raw);
        assert!(
            message_text(&parts).contains(&format!("{PUBLIC_URL}/p/")),
            "the receipt links to the preference centre"
        );
        let attachment = parts
            .iter()
            .find(|p| p.header("Content-Disposition").is_some_and(|d| d.contains("filename=\"consent-receipt.json\"")))
            .unwrap_or_else(|| panic!("no consent-receipt.json attachment in:\n{raw}"));
        assert!(attachment.header("Content-Type").unwrap_or_default().starts_with("application/json"));
        let receipt: Value = serde_json::from_str(&attachment.body).expect("the attachment is JSON");
        let payload = verify_jws(receipt["jws"].as_str().unwrap(), &receipt_key(&env).await)
            .expect("the mailed receipt verifies");
        assert_eq!(payload, receipt["receipt"]);
        assert_eq!(payload["kith"]["event"], json!("given"));
        assert_eq!(payload["piiPrincipalId"], json!(contact));
        assert!(env.outbox().await.iter().all(|m| m["status"] == json!("sent")));
        drop(sink);
    })
    .await;
}
