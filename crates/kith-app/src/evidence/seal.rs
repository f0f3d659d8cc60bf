//! The pack's manifest, its signature and their verification: pure
//! functions over bytes, so `kith evidence verify` needs no database and
//! no network. The manifest lists every other file with its size and
//! SHA-256; `manifest.jws` is a compact JWS (EdDSA) whose payload is
//! exactly the bytes of `manifest.json`; the archive is the canonical
//! layout of [`super::archive`].

use super::archive;
use crate::receipts::compact_jws;
use base64::engine::general_purpose::URL_SAFE_NO_PAD as B64;
use base64::Engine as _;
use ring::signature::{Ed25519KeyPair, KeyPair, UnparsedPublicKey, ED25519};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// The format the manifest declares.
pub const FORMAT: &str = "kith-evidence-pack/1";
/// The key id in the JWS header and the published JWK.
pub const KEY_ID: &str = "kith-evidence-1";
pub const MANIFEST: &str = "manifest.json";
pub const SIGNATURE: &str = "manifest.jws";
/// The signing key's public JWK inside the pack (informative: compare it
/// with the one published at `/.well-known/kith-evidence-key.json`).
pub const KEY_FILE: &str = "evidence-key.json";

/// One file of the pack as the manifest lists it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Listed {
    pub path: String,
    pub size: u64,
    /// SHA-256 of the file's bytes, lowercase hex.
    pub sha256: String,
}

/// What `manifest.json` says.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    pub format: String,
    pub pack_id: uuid::Uuid,
    /// RFC 3339, UTC.
    pub generated_at: String,
    /// The moment the pack states things as of (RFC 3339, UTC).
    pub as_of: String,
    /// The purposes (all when empty) and the period the pack was restricted to.
    pub scope: serde_json::Value,
    pub controller: String,
    pub kith_version: String,
    pub key_id: String,
    pub files: Vec<Listed>,
}

/// A verified pack: its manifest, and which key checked the signature.
#[derive(Clone, Debug)]
pub struct Verified {
    pub manifest: Manifest,
    /// The RFC 7638 thumbprint of the key the signature verified with.
    pub key_thumbprint: String,
    /// The key came from the caller (a published JWK, this deployment's
    /// master key), not from the pack itself.
    pub key_trusted: bool,
}

fn sha256_hex(b: &[u8]) -> String {
    crate::registers::sha256_hex(b)
}

/// The RFC 7638 thumbprint of an Ed25519 public key: base64url of the
/// SHA-256 of `{"crv":"Ed25519","kty":"OKP","x":"…"}`.
pub fn thumbprint(public: &[u8]) -> String {
    let canonical = format!(r#"{{"crv":"Ed25519","kty":"OKP","x":"{}"}}"#, B64.encode(public));
    B64.encode(ring::digest::digest(&ring::digest::SHA256, canonical.as_bytes()).as_ref())
}

/// The public key of a JWK (`kty` OKP, `crv` Ed25519, `x`).
pub fn key_of_jwk(jwk: &[u8]) -> Result<Vec<u8>, String> {
    let v: serde_json::Value = serde_json::from_slice(jwk).map_err(|_| "the key is not a JSON JWK".to_owned())?;
    if v["kty"] != "OKP" || v["crv"] != "Ed25519" {
        return Err("the key is not an Ed25519 JWK (kty OKP, crv Ed25519)".into());
    }
    let x = v["x"].as_str().and_then(|x| decode_strict(x).ok()).filter(|x| x.len() == 32);
    x.ok_or_else(|| "the key's x is not a 32-byte base64url value".into())
}

/// Base64url without padding, refusing any other spelling of the same
/// bytes (so no character of a signature can change unnoticed).
fn decode_strict(s: &str) -> Result<Vec<u8>, ()> {
    let b = B64.decode(s).map_err(|_| ())?;
    if B64.encode(&b) == s {
        Ok(b)
    } else {
        Err(())
    }
}

/// Makes the pack: the manifest of `files`, its signature, the archive.
/// `manifest` comes with every field but `files`, which this fills.
pub fn seal(key: &Ed25519KeyPair, mut manifest: Manifest, files: Vec<(String, Vec<u8>)>) -> Result<Vec<u8>, String> {
    manifest.key_id = KEY_ID.to_owned();
    manifest.files = files
        .iter()
        .map(|(path, data)| Listed { path: path.clone(), size: data.len() as u64, sha256: sha256_hex(data) })
        .collect();
    let mut body = serde_json::to_vec_pretty(&manifest).map_err(|e| e.to_string())?;
    body.push(b'\n');
    let jws = compact_jws(key, KEY_ID, "JOSE", &body);
    let mut all = Vec::with_capacity(files.len() + 2);
    all.push((MANIFEST.to_owned(), body));
    all.push((SIGNATURE.to_owned(), jws.into_bytes()));
    all.extend(files);
    archive::write(&all)
}

/// Checks a pack: the archive's layout byte for byte, every listed file
/// present with its size and digest, no file unlisted, and the signature
/// over `manifest.json`, with `key` (a raw Ed25519 public key) or, when
/// none is given, the key inside the pack (then `key_trusted` is false).
pub fn verify(bytes: &[u8], key: Option<&[u8]>) -> Result<Verified, String> {
    let files = archive::read(bytes)?;
    let (Some((m_name, m_body)), Some((s_name, s_body))) = (files.first(), files.get(1)) else {
        return Err(format!("the archive does not begin with {MANIFEST} and {SIGNATURE}"));
    };
    if m_name != MANIFEST || s_name != SIGNATURE {
        return Err(format!("the archive does not begin with {MANIFEST} and {SIGNATURE}"));
    }
    let manifest: Manifest =
        serde_json::from_slice(m_body).map_err(|e| format!("{MANIFEST} is not a manifest this version reads ({e})"))?;
    if manifest.format != FORMAT {
        return Err(format!("{MANIFEST} declares format {:?}, not {FORMAT}", manifest.format));
    }
    // Every listed file present, none unlisted, each with its digest.
    let rest = &files[2..];
    let listed: BTreeSet<&str> = manifest.files.iter().map(|f| f.path.as_str()).collect();
    if listed.len() != manifest.files.len() {
        return Err(format!("{MANIFEST} lists a file twice"));
    }
    for (name, _) in rest {
        if !listed.contains(name.as_str()) {
            return Err(format!("{name} is in the archive but not listed in {MANIFEST}"));
        }
    }
    for f in &manifest.files {
        let Some((_, data)) = rest.iter().find(|(n, _)| *n == f.path) else {
            return Err(format!("{} is listed in {MANIFEST} but missing from the archive", f.path));
        };
        if data.len() as u64 != f.size || sha256_hex(data) != f.sha256 {
            return Err(format!("{} does not match its SHA-256 in {MANIFEST}: it was changed", f.path));
        }
    }
    if rest.iter().map(|(n, _)| n.as_str()).ne(manifest.files.iter().map(|f| f.path.as_str())) {
        return Err(format!("the files are not in the order {MANIFEST} lists them"));
    }
    // The signature, over exactly the manifest's bytes.
    let jws = std::str::from_utf8(s_body).map_err(|_| format!("{SIGNATURE} is not text"))?;
    let parts: Vec<&str> = jws.split('.').collect();
    let [h, p, s] = parts[..] else {
        return Err(format!("{SIGNATURE} is not a compact JWS (three parts)"));
    };
    let bad = || format!("{SIGNATURE} is not a well-formed compact JWS");
    let (header, payload, sig) = (
        decode_strict(h).map_err(|_| bad())?,
        decode_strict(p).map_err(|_| bad())?,
        decode_strict(s).map_err(|_| bad())?,
    );
    let header: serde_json::Value = serde_json::from_slice(&header).map_err(|_| bad())?;
    if header["alg"] != "EdDSA" || header["kid"] != manifest.key_id.as_str() {
        return Err(format!("{SIGNATURE}'s header is not alg EdDSA with the manifest's key id"));
    }
    if payload != *m_body {
        return Err(format!("{SIGNATURE} signs something other than {MANIFEST}"));
    }
    let (public, trusted) = match key {
        Some(k) => (k.to_vec(), true),
        None => {
            let Some((_, jwk)) = rest.iter().find(|(n, _)| n == KEY_FILE) else {
                return Err(format!("no key given and the pack holds no {KEY_FILE}"));
            };
            (key_of_jwk(jwk)?, false)
        }
    };
    UnparsedPublicKey::new(&ED25519, &public).verify(format!("{h}.{p}").as_bytes(), &sig).map_err(|_| {
        format!("the signature in {SIGNATURE} does not verify with the key (thumbprint {})", thumbprint(&public))
    })?;
    Ok(Verified { manifest, key_thumbprint: thumbprint(&public), key_trusted: trusted })
}

/// The public key of a key pair (for [`verify`]).
pub fn public_key(key: &Ed25519KeyPair) -> Vec<u8> {
    key.public_key().as_ref().to_vec()
}
