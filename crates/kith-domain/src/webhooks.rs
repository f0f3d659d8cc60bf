//! Webhooks: the events Kith sends, and where it may send them.
//!
//! A destination is checked twice. When an endpoint is registered,
//! [`parse_target`] checks the URL's syntax (https only unless the server
//! allows http, no credentials in it, no fragment, a port in range, an IP
//! literal only in its canonical form, never a private one unless allowed).
//! At each delivery the host is resolved and *every* address it resolved
//! to goes through [`check_address`]: loopback, private, shared (CGNAT),
//! link-local (the cloud metadata address 169.254.169.254 among them),
//! unique-local, multicast, documentation and reserved ranges are refused
//! unless the server runs with `--webhook-allow-private`. The connection
//! then goes to the address checked, so a second DNS answer cannot rebind.

use crate::Invalid;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

word_enum!(
    /// What a webhook tells.
    EventType {
        ConsentChanged => "consent.changed", "A consent was recorded",
        SubscriptionChanged => "subscription.changed", "A subscription changed",
        ContactCreated => "contact.created", "A contact was created",
        ContactUpdated => "contact.updated", "A contact was updated",
        SubjectRestricted => "subject.restricted", "Processing of a person was restricted",
        SubjectUnrestricted => "subject.unrestricted", "A restriction was lifted",
        SubjectObjected => "subject.objected", "A person objected",
        SubjectErased => "subject.erased", "A person was erased",
        DsrCompleted => "dsr.completed", "A data-subject request was completed",
        BreachRecorded => "breach.recorded", "A breach was recorded",
        ProcessorRequest => "processor.request", "A request to a processor (Art. 19)",
        Ping => "ping", "A test delivery",
    }
);

impl EventType {
    /// The events an endpoint can subscribe to (a processor request goes
    /// to a processor's endpoint whatever it subscribed to; a ping is sent
    /// on demand).
    pub fn subscribable() -> impl Iterator<Item = EventType> {
        Self::ALL.iter().copied().filter(|e| !matches!(e, EventType::ProcessorRequest | EventType::Ping))
    }
}

word_enum!(
    /// What a processor is asked to do for a person (Art. 19).
    ProcessorAction {
        Erasure => "erasure", "Erase the person (Art. 17)",
        Rectification => "rectification", "Rectify the person's data (Art. 16)",
        Restriction => "restriction", "Restrict processing (Art. 18)",
        Lift => "restriction_lifted", "The restriction is lifted (Art. 18(3))",
    }
);

word_enum!(
    /// What kind of address an IP is.
    AddrClass {
        Public => "public", "a public address",
        Unspecified => "unspecified", "the unspecified address (this host)",
        Loopback => "loopback", "a loopback address",
        Private => "private", "a private address (RFC 1918)",
        Shared => "shared", "a shared address space (carrier-grade NAT, RFC 6598)",
        LinkLocal => "link_local", "a link-local address (cloud metadata lives here)",
        UniqueLocal => "unique_local", "a unique local IPv6 address",
        Multicast => "multicast", "a multicast address",
        Broadcast => "broadcast", "the broadcast address",
        Documentation => "documentation", "a documentation address",
        Reserved => "reserved", "a reserved or special-purpose address",
    }
);

fn v4(ip: Ipv4Addr) -> AddrClass {
    let [a, b, c, _] = ip.octets();
    match (a, b, c) {
        _ if ip.is_broadcast() => AddrClass::Broadcast,
        (0, _, _) => AddrClass::Unspecified,
        (10, _, _) | (172, 16..=31, _) | (192, 168, _) => AddrClass::Private,
        (100, 64..=127, _) => AddrClass::Shared,
        (127, _, _) => AddrClass::Loopback,
        (169, 254, _) => AddrClass::LinkLocal,
        (192, 0, 2) | (198, 51, 100) | (203, 0, 113) => AddrClass::Documentation,
        // IETF protocol assignments, the 6to4 relay anycast, benchmarking.
        (192, 0, 0) | (192, 88, 99) | (198, 18..=19, _) => AddrClass::Reserved,
        (224..=239, _, _) => AddrClass::Multicast,
        (240..=255, _, _) => AddrClass::Reserved,
        _ => AddrClass::Public,
    }
}

fn v6(ip: Ipv6Addr) -> AddrClass {
    let s = ip.segments();
    let embedded = |hi: u16, lo: u16| Ipv4Addr::new((hi >> 8) as u8, hi as u8, (lo >> 8) as u8, lo as u8);
    if ip.is_unspecified() {
        return AddrClass::Unspecified;
    }
    if ip.is_loopback() {
        return AddrClass::Loopback;
    }
    match s {
        // IPv4-mapped (::ffff:a.b.c.d) and the deprecated IPv4-compatible (::a.b.c.d).
        [0, 0, 0, 0, 0, 0xffff, hi, lo] | [0, 0, 0, 0, 0, 0, hi, lo] => v4(embedded(hi, lo)),
        // NAT64 well-known prefix (RFC 6052) carries an IPv4 address.
        [0x64, 0xff9b, 0, 0, 0, 0, hi, lo] => v4(embedded(hi, lo)),
        // 6to4 (2002::/16) carries one in segments 1 and 2.
        [0x2002, hi, lo, ..] => v4(embedded(hi, lo)),
        // Local-use NAT64 (RFC 8215), discard-only (RFC 6666).
        [0x64, 0xff9b, 1, ..] | [0x100, 0, 0, 0, ..] => AddrClass::Reserved,
        [0x2001, 0xdb8, ..] => AddrClass::Documentation,
        [0x3fff, b, ..] if b < 0x1000 => AddrClass::Documentation,
        // IETF protocol assignments, Teredo among them (2001::/23).
        [0x2001, b, ..] if b < 0x200 => AddrClass::Reserved,
        [a, ..] if a & 0xfe00 == 0xfc00 => AddrClass::UniqueLocal,
        [a, ..] if a & 0xffc0 == 0xfe80 => AddrClass::LinkLocal,
        // Site-local, deprecated (RFC 3879) but still routed inside some networks.
        [a, ..] if a & 0xffc0 == 0xfec0 => AddrClass::Private,
        [a, ..] if a & 0xff00 == 0xff00 => AddrClass::Multicast,
        // Only global unicast (2000::/3) is public.
        [a, ..] if a & 0xe000 == 0x2000 => AddrClass::Public,
        _ => AddrClass::Reserved,
    }
}

/// What kind of address `ip` is.
pub fn classify(ip: IpAddr) -> AddrClass {
    match ip {
        IpAddr::V4(a) => v4(a),
        IpAddr::V6(a) => v6(a),
    }
}

/// Whether Kith may connect to `ip`: a public address always; with
/// `allow_private` (development and tests) anything but the unspecified,
/// multicast and broadcast addresses, which are never a web server.
pub fn check_address(ip: IpAddr, allow_private: bool) -> Result<(), AddrClass> {
    match classify(ip) {
        AddrClass::Public => Ok(()),
        c @ (AddrClass::Unspecified | AddrClass::Multicast | AddrClass::Broadcast) => Err(c),
        _ if allow_private => Ok(()),
        c => Err(c),
    }
}

/// Where deliveries may go, as the server was started.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TargetPolicy {
    /// `--webhook-allow-http`: plain http for development.
    pub allow_http: bool,
    /// `--webhook-allow-private`: private and loopback addresses (tests).
    pub allow_private: bool,
}

/// `s` with every non-ASCII character percent-encoded as UTF-8 bytes.
fn percent_encode_non_ascii(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii() {
            out.push(c);
        } else {
            let mut buf = [0u8; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("%{b:02X}"));
            }
        }
    }
    out
}

/// A host as written in a URL.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Host {
    Ip(IpAddr),
    /// A DNS name, lower case, in ASCII (IDNA).
    Name(String),
}

/// A checked destination.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Target {
    pub https: bool,
    pub host: Host,
    pub port: u16,
    /// The path and query, starting with `/`.
    pub path: String,
}

impl Target {
    /// The `Host` header value.
    pub fn host_header(&self) -> String {
        let h = match &self.host {
            Host::Ip(IpAddr::V6(a)) => format!("[{a}]"),
            Host::Ip(a) => a.to_string(),
            Host::Name(n) => n.clone(),
        };
        let default = if self.https { 443 } else { 80 };
        if self.port == default {
            h
        } else {
            format!("{h}:{}", self.port)
        }
    }
}

/// Checks a webhook URL's syntax under `policy`; the message names what is
/// wrong, under the field `url`. A host name is accepted here and checked
/// by its addresses at each delivery; an IP literal is checked now.
pub fn parse_target(url: &str, policy: TargetPolicy) -> Result<Target, Invalid> {
    let bad = |m: &str| Invalid::one("url", m);
    let url = url.trim();
    if url.is_empty() || url.len() > 2000 {
        return Err(bad("an https:// address of at most 2000 characters"));
    }
    if url.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(bad("must not contain spaces or control characters"));
    }
    let lower = url.to_ascii_lowercase();
    let (https, rest) = if lower.starts_with("https://") {
        (true, &url[8..])
    } else if lower.starts_with("http://") {
        if !policy.allow_http {
            return Err(bad("must start with https:// (plain http is allowed only on a development server)"));
        }
        (false, &url[7..])
    } else {
        return Err(bad("must start with https://"));
    };
    if rest.contains('#') {
        return Err(bad("must not contain a fragment (#)"));
    }
    if rest.contains('\\') {
        return Err(bad("must not contain a backslash"));
    }
    let end = rest.find(['/', '?']).unwrap_or(rest.len());
    let (authority, path) = rest.split_at(end);
    let path = if path.is_empty() {
        "/".to_owned()
    } else if path.starts_with('?') {
        format!("/{path}")
    } else {
        path.to_owned()
    };
    // A request line is ASCII: other characters go percent-encoded (UTF-8).
    let path = percent_encode_non_ascii(&path);
    if authority.contains('@') {
        return Err(bad("must not contain a user name or password"));
    }
    let (host, port) = split_port(authority).map_err(bad)?;
    let port = port.unwrap_or(if https { 443 } else { 80 });
    let host = parse_host(host).map_err(bad)?;
    if let Host::Ip(ip) = host {
        if let Err(c) = check_address(ip, policy.allow_private) {
            return Err(bad(&format!("must not point to {}", c.label())));
        }
    }
    if let Host::Name(n) = &host {
        if !policy.allow_private && (n == "localhost" || n.ends_with(".localhost")) {
            return Err(bad("must not point to this machine (localhost)"));
        }
    }
    Ok(Target { https, host, port, path })
}

fn split_port(authority: &str) -> Result<(&str, Option<u16>), &'static str> {
    let (host, port) = if let Some(rest) = authority.strip_prefix('[') {
        let close = rest.find(']').ok_or("an IPv6 address must be closed with ]")?;
        let after = &rest[close + 1..];
        let port = match after {
            "" => None,
            p => Some(p.strip_prefix(':').ok_or("unexpected text after the IPv6 address")?),
        };
        (&authority[..close + 2], port)
    } else {
        match authority.rsplit_once(':') {
            Some((h, p)) => (h, Some(p)),
            None => (authority, None),
        }
    };
    let port = match port {
        None => None,
        Some(p) if !p.is_empty() && p.len() <= 5 && p.bytes().all(|b| b.is_ascii_digit()) => match p.parse::<u16>() {
            Ok(n) if n > 0 => Some(n),
            _ => return Err("the port must be between 1 and 65535"),
        },
        Some(_) => return Err("the port must be a number between 1 and 65535"),
    };
    Ok((host, port))
}

fn parse_host(host: &str) -> Result<Host, &'static str> {
    if host.is_empty() {
        return Err("names no host");
    }
    if let Some(inner) = host.strip_prefix('[').and_then(|h| h.strip_suffix(']')) {
        return inner.parse::<Ipv6Addr>().map(|a| Host::Ip(IpAddr::V6(a))).map_err(|_| "not a valid IPv6 address");
    }
    let ascii = idna::domain_to_ascii(host).map_err(|_| "not a valid host name")?;
    let ascii = ascii.trim_end_matches('.').to_owned();
    if ascii.is_empty() || ascii.len() > 253 {
        return Err("not a valid host name");
    }
    let labels: Vec<&str> = ascii.split('.').collect();
    // A last label that is numeric (or hex) makes the whole host an IPv4
    // address to many resolvers (2130706433, 0x7f.1, 0177.0.0.1…): only
    // the canonical dotted-decimal form is taken.
    let last = labels.last().copied().unwrap_or("");
    let numeric = |l: &str| {
        !l.is_empty()
            && (l.bytes().all(|b| b.is_ascii_digit())
                || (l.len() > 2 && l[..2].eq_ignore_ascii_case("0x") && l[2..].bytes().all(|b| b.is_ascii_hexdigit())))
    };
    if numeric(last) {
        return match ascii.parse::<Ipv4Addr>() {
            Ok(a) if a.to_string() == ascii => Ok(Host::Ip(IpAddr::V4(a))),
            _ => Err("an IPv4 address must be written as four decimal numbers (such as 203.0.113.7)"),
        };
    }
    for l in &labels {
        let ok = !l.is_empty()
            && l.len() <= 63
            && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
            && !l.starts_with('-')
            && !l.ends_with('-');
        if !ok {
            return Err("not a valid host name");
        }
    }
    Ok(Host::Name(ascii))
}

#[cfg(test)]
#[path = "webhooks_tests.rs"]
mod tests;
