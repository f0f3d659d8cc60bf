//! Opaque pagination cursors: a tag naming the listing and its order, and
//! the position after which the next page starts. They carry ids and
//! timestamps only, never personal values.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use kith_domain::Invalid;

/// Separates the parts; validated text never holds control characters.
const SEP: char = '\u{1f}';

pub fn encode(tag: &str, parts: &[String]) -> String {
    let mut s = String::from(tag);
    for p in parts {
        s.push(SEP);
        s.push_str(p);
    }
    URL_SAFE_NO_PAD.encode(s)
}

/// The parts of a cursor made for `tag`, or a clear error.
pub fn decode(tag: &str, cursor: &str, n: usize) -> Result<Vec<String>, Invalid> {
    let bad = || Invalid::one("cursor", "is not a cursor returned by this listing with these parameters");
    let raw = URL_SAFE_NO_PAD.decode(cursor).map_err(|_| bad())?;
    let s = String::from_utf8(raw).map_err(|_| bad())?;
    if s.chars().any(|c| c.is_control() && c != SEP) {
        return Err(bad());
    }
    let mut parts = s.split(SEP);
    if parts.next() != Some(tag) {
        return Err(bad());
    }
    let rest: Vec<String> = parts.map(str::to_owned).collect();
    if rest.len() != n {
        return Err(bad());
    }
    Ok(rest)
}

pub fn uuid(s: &str) -> Result<uuid::Uuid, Invalid> {
    uuid::Uuid::parse_str(s).map_err(|_| Invalid::one("cursor", "is not a cursor returned by this listing"))
}

pub fn int(s: &str) -> Result<i64, Invalid> {
    s.parse().map_err(|_| Invalid::one("cursor", "is not a cursor returned by this listing"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_tag_check() {
        let c = encode("contacts:created", &["12".into(), "a|b".into()]);
        assert_eq!(decode("contacts:created", &c, 2).unwrap(), vec!["12", "a|b"]);
        assert!(decode("contacts:created", &URL_SAFE_NO_PAD.encode("contacts:created\u{1f}1\u{1f}\0"), 2).is_err());
        assert!(decode("contacts:updated", &c, 2).is_err());
        assert!(decode("contacts:created", "!!!", 2).is_err());
    }
}
