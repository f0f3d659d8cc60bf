//! The one HTTP request a webhook needs: a POST with a JSON body, answered
//! by a status. hyper's low-level HTTP/1.1 client connection runs over a
//! stream opened here (and rustls for https) rather than a pooled client
//! that resolves names itself, so that the address checked is the address
//! connected to:
//! the host is resolved here, every address it resolved to is checked
//! ([`kith_domain::webhooks::check_address`]), and the connection goes to
//! one of those addresses — a second DNS answer cannot rebind it. Redirects
//! are never followed. Errors are words without personal data.

use kith_domain::webhooks::{check_address, parse_target, Host, Target, TargetPolicy};
use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;
use std::time::Duration;
use tokio::io::{AsyncRead, AsyncWrite};
use tokio::net::TcpStream;
use tokio_rustls::rustls;

/// How long a whole attempt may take.
const TIMEOUT: Duration = Duration::from_secs(15);

/// Why an attempt did not get a 2xx.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Failure {
    /// Refused before connecting (the URL or an address it resolved to).
    Refused(String),
    /// Answered with a status other than 2xx.
    Status(u16),
    /// No answer: could not resolve, connect, complete TLS, or timed out.
    Network(String),
}

impl Failure {
    pub fn describe(&self) -> String {
        match self {
            Failure::Refused(m) => format!("refused: {m}"),
            Failure::Status(s) if (300..400).contains(s) => format!("answered {s}: redirects are not followed"),
            Failure::Status(s) => format!("answered {s}"),
            Failure::Network(m) => m.clone(),
        }
    }

    pub fn status(&self) -> Option<i64> {
        match self {
            Failure::Status(s) => Some(i64::from(*s)),
            _ => None,
        }
    }
}

/// Names answered without DNS (`--webhook-resolve`-style overrides for
/// tests): `(host, addresses)`.
pub type Overrides = [(String, Vec<IpAddr>)];

/// Resolves `host` and checks every address; the addresses to connect to.
pub async fn resolve(
    host: &Host,
    port: u16,
    policy: TargetPolicy,
    overrides: &Overrides,
) -> Result<Vec<IpAddr>, Failure> {
    let addrs: Vec<IpAddr> = match host {
        Host::Ip(ip) => vec![*ip],
        Host::Name(n) => match overrides.iter().find(|(h, _)| h == n) {
            Some((_, ips)) => ips.clone(),
            None => {
                let found = tokio::time::timeout(Duration::from_secs(5), tokio::net::lookup_host((n.as_str(), port)))
                    .await
                    .map_err(|_| Failure::Network("the host name did not resolve in time".into()))?
                    .map_err(|_| Failure::Network("the host name does not resolve".into()))?;
                found.map(|a| a.ip()).collect()
            }
        },
    };
    if addrs.is_empty() {
        return Err(Failure::Network("the host name does not resolve".into()));
    }
    for a in &addrs {
        if let Err(c) = check_address(*a, policy.allow_private) {
            return Err(Failure::Refused(format!("the host resolves to {}", c.label())));
        }
    }
    Ok(addrs)
}

/// POSTs `body` with `headers` to `url`; the 2xx status, or why not.
pub async fn post(
    url: &str,
    headers: &[(&str, String)],
    body: &str,
    policy: TargetPolicy,
    overrides: &Overrides,
) -> Result<u16, Failure> {
    match tokio::time::timeout(TIMEOUT, attempt(url, headers, body, policy, overrides)).await {
        Ok(r) => r,
        Err(_) => Err(Failure::Network("no answer in time".into())),
    }
}

async fn attempt(
    url: &str,
    headers: &[(&str, String)],
    body: &str,
    policy: TargetPolicy,
    overrides: &Overrides,
) -> Result<u16, Failure> {
    let target = parse_target(url, policy)
        .map_err(|e| Failure::Refused(e.0.first().map(|f| f.message.clone()).unwrap_or_default()))?;
    let addrs = resolve(&target.host, target.port, policy, overrides).await?;
    let mut stream = None;
    for a in addrs {
        if let Ok(Ok(s)) =
            tokio::time::timeout(Duration::from_secs(5), TcpStream::connect(SocketAddr::new(a, target.port))).await
        {
            stream = Some(s);
            break;
        }
    }
    let tcp = stream.ok_or_else(|| Failure::Network("could not connect".into()))?;
    let status = if target.https {
        let name = match &target.host {
            Host::Ip(ip) => rustls::pki_types::ServerName::IpAddress((*ip).into()),
            Host::Name(n) => rustls::pki_types::ServerName::try_from(n.clone())
                .map_err(|_| Failure::Refused("not a valid TLS server name".into()))?,
        };
        let tls = tokio_rustls::TlsConnector::from(tls_config())
            .connect(name, tcp)
            .await
            .map_err(|_| Failure::Network("the TLS handshake failed (certificate not trusted or no TLS)".into()))?;
        exchange(tls, &target, headers, body).await?
    } else {
        exchange(tcp, &target, headers, body).await?
    };
    if (200..300).contains(&status) {
        Ok(status)
    } else {
        Err(Failure::Status(status))
    }
}

fn tls_config() -> Arc<rustls::ClientConfig> {
    static CONFIG: std::sync::OnceLock<Arc<rustls::ClientConfig>> = std::sync::OnceLock::new();
    CONFIG
        .get_or_init(|| {
            let roots = rustls::RootCertStore { roots: webpki_roots::TLS_SERVER_ROOTS.to_vec() };
            let provider = Arc::new(rustls::crypto::ring::default_provider());
            Arc::new(
                rustls::ClientConfig::builder_with_provider(provider)
                    .with_safe_default_protocol_versions()
                    .expect("ring supports the default protocol versions")
                    .with_root_certificates(roots)
                    .with_no_client_auth(),
            )
        })
        .clone()
}

/// Sends the request over the connected (address-checked) stream with
/// hyper's HTTP/1.1 client connection, and reads the status. Redirects are
/// not followed (a 3xx is an answer like any other non-2xx).
async fn exchange<S>(s: S, target: &Target, headers: &[(&str, String)], body: &str) -> Result<u16, Failure>
where
    S: AsyncRead + AsyncWrite + Unpin + Send + 'static,
{
    let (mut sender, conn) = hyper::client::conn::http1::handshake(hyper_util::rt::TokioIo::new(s))
        .await
        .map_err(|_| Failure::Network("the HTTP connection failed".into()))?;
    let driver = tokio::spawn(async move {
        let _ = conn.await;
    });
    let mut req = hyper::Request::post(target.path.as_str())
        .header(hyper::header::HOST, target.host_header())
        .header(hyper::header::USER_AGENT, "Kith-Webhooks/1")
        .header(hyper::header::CONTENT_TYPE, "application/json")
        .header(hyper::header::CONNECTION, "close");
    for (k, v) in headers {
        req = req.header(*k, v.as_str());
    }
    let req = req
        .body(http_body_util::Full::new(bytes::Bytes::from(body.to_owned())))
        .map_err(|_| Failure::Refused("the request could not be built".into()))?;
    let answer = sender.send_request(req).await;
    driver.abort();
    match answer {
        Ok(r) => Ok(r.status().as_u16()),
        Err(e) if e.is_parse() => Err(Failure::Network("the answer was not HTTP".into())),
        Err(_) => Err(Failure::Network("the connection failed while sending or reading".into())),
    }
}
