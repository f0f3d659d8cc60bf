//! Standard Webhooks signatures: `webhook-signature: v1,<base64>` where the
//! base64 is HMAC-SHA256 under the secret's bytes of `{id}.{timestamp}.{body}`;
//! the secret is shown once as `whsec_<base64>`.

use base64::engine::general_purpose::STANDARD as B64;
use base64::Engine as _;
use ring::hmac;

/// The prefix of a secret as shown to the admin.
pub const PREFIX: &str = "whsec_";

/// 32 fresh random bytes: a new endpoint's secret.
pub fn new_secret() -> Vec<u8> {
    let mut b = [0u8; 32];
    ring::rand::SecureRandom::fill(&ring::rand::SystemRandom::new(), &mut b).expect("the system's random source works");
    b.to_vec()
}

/// The secret as shown once: `whsec_<base64>`.
pub fn display(secret: &[u8]) -> String {
    format!("{PREFIX}{}", B64.encode(secret))
}

/// The bytes of a shown secret (with or without its prefix).
pub fn parse(shown: &str) -> Option<Vec<u8>> {
    B64.decode(shown.strip_prefix(PREFIX).unwrap_or(shown)).ok()
}

/// The `webhook-signature` header value for one message.
pub fn signature(secret: &[u8], id: &str, timestamp: i64, body: &str) -> String {
    let key = hmac::Key::new(hmac::HMAC_SHA256, secret);
    let mut ctx = hmac::Context::with_key(&key);
    ctx.update(id.as_bytes());
    ctx.update(b".");
    ctx.update(timestamp.to_string().as_bytes());
    ctx.update(b".");
    ctx.update(body.as_bytes());
    format!("v1,{}", B64.encode(ctx.sign().as_ref()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The example of the Standard Webhooks specification's reference libraries.
    #[test]
    fn the_specification_vector() {
        let secret = parse("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw").unwrap();
        let sig = signature(&secret, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, r#"{"test": 2432232314}"#);
        assert_eq!(sig, "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
        assert_eq!(display(&secret), "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
        assert_ne!(new_secret(), new_secret());
    }
}
