use super::*;

const STRICT: TargetPolicy = TargetPolicy { allow_http: false, allow_private: false };
const DEV: TargetPolicy = TargetPolicy { allow_http: true, allow_private: true };

/// What the resolver of these tests answers: hostile names pointing inward.
fn dns(name: &str) -> Vec<IpAddr> {
    let ips: &[&str] = match name {
        "metadata.google.internal" => &["169.254.169.254"],
        "localtest.me" => &["127.0.0.1"],
        "rebind.example" => &["93.184.215.14", "10.0.0.1"],
        "v6only.example" => &["fd00::1"],
        "mapped.example" => &["::ffff:192.168.1.1"],
        "nat64.example" => &["64:ff9b::a9fe:a9fe"],
        "sixtofour.example" => &["2002:7f00:1::"],
        "hooks.example.com" => &["93.184.215.14", "2606:2800:21f:cb07:6820:80da:af6b:8b2c"],
        // Public: a URL with this host is refused for its syntax, not its address.
        "example.com" => &["93.184.215.14"],
        _ => &[],
    };
    ips.iter().map(|s| s.parse().unwrap()).collect()
}

/// Refused at registration, or at delivery by one of the addresses the
/// name resolves to: the reason.
fn refusal(url: &str, policy: TargetPolicy) -> Option<String> {
    let t = match parse_target(url, policy) {
        Ok(t) => t,
        Err(e) => return Some(format!("syntax: {}", e.0[0].message)),
    };
    let addrs = match &t.host {
        Host::Ip(ip) => vec![*ip],
        Host::Name(n) => dns(n),
    };
    // An unknown name would pass vacuously as "refused": the table must know it.
    assert!(!addrs.is_empty(), "{url}: the test resolver does not know this name");
    addrs.into_iter().find_map(|a| check_address(a, policy.allow_private).err().map(|c| c.label().to_owned()))
}

#[test]
fn hostile_urls_are_refused() {
    let hostile = [
        "http://example.com/hook",                              // plain http
        "ftp://example.com/",                                   // another scheme
        "file:///etc/passwd",                                   // a file
        "gopher://127.0.0.1:6379/_INFO",                        // the classic Redis smuggle
        "https://127.0.0.1/",                                   // loopback
        "https://127.1.2.3:8443/x",                             // all of 127/8
        "https://2130706433/",                                  // 127.0.0.1 as one decimal number
        "https://0x7f.1/",                                      // hex and short form
        "https://0177.0.0.1/",                                  // octal
        "https://0x7f000001/",                                  // one hex number
        "https://127.000.000.001/",                             // zero-padded
        "https://[::1]/",                                       // IPv6 loopback
        "https://[::ffff:127.0.0.1]/",                          // IPv4-mapped loopback
        "https://[::ffff:a9fe:a9fe]/",                          // IPv4-mapped metadata
        "https://[fe80::1]/",                                   // link-local
        "https://[fd00::1]/",                                   // unique local
        "https://[::]/",                                        // unspecified
        "https://0.0.0.0/",                                     // unspecified
        "https://169.254.169.254/latest/meta-data/",            // cloud metadata
        "https://metadata.google.internal/computeMetadata/v1/", // resolves to metadata
        "https://localhost/",                                   // this machine by name
        "https://api.localhost/",                               // *.localhost
        "https://localtest.me/",                                // a public name for 127.0.0.1
        "https://10.0.0.1/",                                    // RFC 1918
        "https://172.16.5.4/",                                  // RFC 1918
        "https://172.31.255.255/",                              // RFC 1918, the last of it
        "https://192.168.1.1/",                                 // RFC 1918
        "https://100.64.0.1/",                                  // carrier-grade NAT
        "https://198.18.0.1/",                                  // benchmarking
        "https://192.0.2.10/",                                  // documentation
        "https://224.0.0.1/",                                   // multicast
        "https://255.255.255.255/",                             // broadcast
        "https://240.0.0.1/",                                   // reserved
        "https://user:pass@example.com/",                       // credentials
        "https://example.com@127.0.0.1/",                       // userinfo trick
        "https://example.com:0/",                               // port 0
        "https://example.com:99999/",                           // port out of range
        "https://example.com/#frag",                            // fragment
        "https://rebind.example/",                              // one public and one private answer
        "https://v6only.example/",                              // ULA answer
        "https://mapped.example/",                              // mapped private answer
        "https://nat64.example/",                               // NAT64 of the metadata address
        "https://sixtofour.example/",                           // 6to4 of loopback
        "https://[2001:db8::1]/",                               // documentation
        "https://[ff02::1]/",                                   // multicast
        "https://[fec0::1]/",                                   // site-local
        "https:///nohost",                                      // no host
        "https://exa mple.com/",                                // space
        "https://example.com\\@127.0.0.1/",                     // backslash confusion
    ];
    assert!(hostile.len() >= 20);
    // Refused by the addresses their names resolve to (at delivery); every
    // other one is refused for its syntax, at registration.
    let by_address = [
        "https://metadata.google.internal/computeMetadata/v1/",
        "https://localtest.me/",
        "https://rebind.example/",
        "https://v6only.example/",
        "https://mapped.example/",
        "https://nat64.example/",
        "https://sixtofour.example/",
    ];
    for url in hostile {
        let reason = refusal(url, STRICT).unwrap_or_else(|| panic!("{url} was allowed"));
        if by_address.contains(&url) {
            assert!(!reason.starts_with("syntax:"), "{url}: {reason}");
        } else {
            assert!(reason.starts_with("syntax:"), "{url}: refused for {reason}, not its syntax");
        }
    }
}

#[test]
fn public_destinations_are_allowed() {
    for url in [
        "https://hooks.example.com/kith",
        "https://hooks.example.com:8443/kith?x=1",
        "https://93.184.215.14/",
        "https://[2606:2800:21f:cb07:6820:80da:af6b:8b2c]/in",
        "HTTPS://Hooks.Example.COM/Path",
    ] {
        assert_eq!(refusal(url, STRICT), None, "{url}");
    }
    let t = parse_target("https://hooks.example.com:8443/kith?x=1", STRICT).unwrap();
    assert_eq!(t.host, Host::Name("hooks.example.com".into()));
    assert_eq!((t.port, t.path.as_str(), t.https), (8443, "/kith?x=1", true));
    assert_eq!(t.host_header(), "hooks.example.com:8443");
    let t = parse_target("https://hooks.example.com?a=b", STRICT).unwrap();
    assert_eq!(t.path, "/?a=b");
    // Non-ASCII in the path or query is sent percent-encoded (valid HTTP).
    let t = parse_target("https://hooks.example.com/città?q=perché", STRICT).unwrap();
    assert_eq!(t.path, "/citt%C3%A0?q=perch%C3%A9");
    assert!(t.path.is_ascii());
}

#[test]
fn a_development_server_may_use_http_and_private_addresses() {
    assert_eq!(refusal("http://127.0.0.1:8080/hook", DEV), None);
    assert_eq!(refusal("http://[::1]:9/", DEV), None);
    assert_eq!(refusal("https://localtest.me/", DEV), None);
    // Never a web server, even in development.
    assert!(refusal("http://0.0.0.0/", DEV).is_some());
    assert!(refusal("http://224.0.0.1/", DEV).is_some());
    // http alone does not open private addresses.
    let http_only = TargetPolicy { allow_http: true, allow_private: false };
    assert!(refusal("http://127.0.0.1/", http_only).is_some());
    assert_eq!(refusal("http://hooks.example.com/", http_only), None);
}

#[test]
fn addresses_are_classified() {
    let c = |s: &str| classify(s.parse().unwrap());
    assert_eq!(c("8.8.8.8"), AddrClass::Public);
    assert_eq!(c("172.15.0.1"), AddrClass::Public);
    assert_eq!(c("172.32.0.1"), AddrClass::Public);
    assert_eq!(c("100.63.255.255"), AddrClass::Public);
    assert_eq!(c("100.128.0.0"), AddrClass::Public);
    assert_eq!(c("169.254.169.254"), AddrClass::LinkLocal);
    assert_eq!(c("::ffff:10.1.2.3"), AddrClass::Private);
    assert_eq!(c("::ffff:8.8.8.8"), AddrClass::Public);
    assert_eq!(c("fc12::1"), AddrClass::UniqueLocal);
    assert_eq!(c("febf::1"), AddrClass::LinkLocal);
    assert_eq!(c("2001::1"), AddrClass::Reserved);
    assert_eq!(c("2a00:1450::1"), AddrClass::Public);
    assert_eq!(c("4000::1"), AddrClass::Reserved);
}

#[test]
fn event_words_round_trip() {
    for e in EventType::ALL {
        assert_eq!(EventType::parse(e.as_str()), Some(*e));
    }
    assert!(EventType::subscribable().all(|e| e != EventType::Ping && e != EventType::ProcessorRequest));
    assert_eq!(EventType::subscribable().count(), 10);
}
