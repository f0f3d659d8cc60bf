//! Signed tokens for links in mail: confirm, preferences, unsubscribe.
//! Each kind has its own key (derived from the master key), binds one
//! subject and one scope (a request, a purpose, or nothing), and expires.
//! Nothing is stored for a token until a single-use one is spent.

use base64::engine::general_purpose::URL_SAFE_NO_PAD as B64;
use base64::Engine as _;
use kith_domain::SubjectId;
use kith_store::Vault;
use uuid::Uuid;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    /// Confirms a double opt-in request (single use, days).
    Confirm,
    /// Opens the preference centre (months).
    Preferences,
    /// One-click unsubscribe (months).
    Unsubscribe,
    /// Signs a person in to the privacy portal (single use, 15 minutes).
    PortalLink,
    /// A signed-in portal visit (the cookie; 30 minutes).
    PortalSession,
    /// A processor's acknowledgement of a request (Art. 19); the scope is
    /// the notice.
    ProcessorAck,
}

impl TokenKind {
    fn label(self) -> &'static str {
        match self {
            Self::Confirm => "confirm",
            Self::Preferences => "preferences",
            Self::Unsubscribe => "unsubscribe",
            Self::PortalLink => "portal-link",
            Self::PortalSession => "portal-session",
            Self::ProcessorAck => "processor-ack",
        }
    }

    fn tag(self) -> u8 {
        match self {
            Self::Confirm => 1,
            Self::Preferences => 2,
            Self::Unsubscribe => 3,
            Self::PortalLink => 4,
            Self::PortalSession => 5,
            Self::ProcessorAck => 6,
        }
    }
}

/// What a valid token says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Claims {
    pub subject: SubjectId,
    pub scope: Uuid,
    /// Unix seconds.
    pub expires: i64,
}

impl Claims {
    /// A stable id for spending a single-use token.
    pub fn use_id(&self, kind: TokenKind) -> Vec<u8> {
        let mut v = vec![kind.tag()];
        v.extend_from_slice(self.subject.0.as_bytes());
        v.extend_from_slice(self.scope.as_bytes());
        v.extend_from_slice(&self.expires.to_be_bytes());
        ring::digest::digest(&ring::digest::SHA256, &v).as_ref().to_vec()
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenError {
    /// Not a token of this kind, or altered.
    Invalid,
    Expired,
}

const LEN: usize = 1 + 16 + 16 + 8;

pub fn sign(vault: &Vault, kind: TokenKind, c: Claims) -> String {
    let mut payload = Vec::with_capacity(LEN);
    payload.push(kind.tag());
    payload.extend_from_slice(c.subject.0.as_bytes());
    payload.extend_from_slice(c.scope.as_bytes());
    payload.extend_from_slice(&c.expires.to_be_bytes());
    let mac = vault.token_mac(kind.label(), &payload);
    format!("{}.{}", B64.encode(&payload), B64.encode(mac))
}

pub fn verify(vault: &Vault, kind: TokenKind, token: &str, now_unix: i64) -> Result<Claims, TokenError> {
    if token.len() > 200 {
        return Err(TokenError::Invalid);
    }
    let (p, m) = token.split_once('.').ok_or(TokenError::Invalid)?;
    let payload = B64.decode(p).map_err(|_| TokenError::Invalid)?;
    let mac = B64.decode(m).map_err(|_| TokenError::Invalid)?;
    if payload.len() != LEN || !kith_store::ct_eq(&vault.token_mac(kind.label(), &payload), &mac) {
        return Err(TokenError::Invalid);
    }
    if payload[0] != kind.tag() {
        return Err(TokenError::Invalid);
    }
    let uuid = |r: std::ops::Range<usize>| Uuid::from_slice(&payload[r]).map_err(|_| TokenError::Invalid);
    let expires = i64::from_be_bytes(payload[33..41].try_into().map_err(|_| TokenError::Invalid)?);
    let c = Claims { subject: SubjectId(uuid(1..17)?), scope: uuid(17..33)?, expires };
    if expires <= now_unix {
        return Err(TokenError::Expired);
    }
    Ok(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_verify_only_for_their_kind_and_unaltered() {
        let v = Vault::from_key(&[3u8; 32]);
        let c = Claims { subject: SubjectId::new(), scope: Uuid::now_v7(), expires: 2_000 };
        let t = sign(&v, TokenKind::Confirm, c);
        assert_eq!(verify(&v, TokenKind::Confirm, &t, 1_000), Ok(c));
        assert_eq!(verify(&v, TokenKind::Confirm, &t, 2_000), Err(TokenError::Expired));
        assert_eq!(verify(&v, TokenKind::Unsubscribe, &t, 1_000), Err(TokenError::Invalid));
        assert_eq!(verify(&Vault::from_key(&[4u8; 32]), TokenKind::Confirm, &t, 1_000), Err(TokenError::Invalid));
        // Flip one character of the payload: refused.
        let mut bytes = t.clone().into_bytes();
        bytes[5] = if bytes[5] == b'A' { b'B' } else { b'A' };
        assert_eq!(verify(&v, TokenKind::Confirm, &String::from_utf8(bytes).unwrap(), 1_000), Err(TokenError::Invalid));
        assert_eq!(verify(&v, TokenKind::Confirm, "nonsense", 1_000), Err(TokenError::Invalid));
        // A longer expiry cannot be grafted on: the MAC covers it.
        let later = sign(&v, TokenKind::Confirm, Claims { expires: 9_000, ..c });
        let forged = format!("{}.{}", later.split_once('.').unwrap().0, t.split_once('.').unwrap().1);
        assert_eq!(verify(&v, TokenKind::Confirm, &forged, 1_000), Err(TokenError::Invalid));
    }
}
