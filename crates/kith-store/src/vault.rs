//! The vault: per-subject data keys, field sealing and blind indexes.
//!
//! - The master key (KEK) never enters the database. It wraps each
//!   subject's random 256-bit data key with AES-256-GCM.
//! - Personal values are sealed with AES-256-GCM under the subject key, with
//!   associated data naming table, column, row and subject, so a ciphertext
//!   moved to another row or person fails to open.
//! - Blind indexes are HMAC-SHA256 of normalised values under keys derived
//!   from the master key, one key per index kind, truncated to
//!   [`BLIND_BITS`] bits so equal values collide on purpose. A lookup opens
//!   the few candidates and compares.
//! - Destroying a subject's wrapped key makes every sealed value of that
//!   subject unreadable, wherever a copy of the ciphertext survives.
//! - Signing keys (consent receipts, evidence packs) and the key of the
//!   evidence pack's pseudonyms are derived from the master key with HKDF,
//!   each under a label of its own, so none can stand in for another.

use crate::StoreError;
use base64::Engine as _;
use kith_domain::SubjectId;
use ring::aead::{self, Aad, LessSafeKey, Nonce, UnboundKey, AES_256_GCM, NONCE_LEN};
use ring::rand::{SecureRandom, SystemRandom};
use ring::{digest, hkdf, hmac};
use std::fmt;
use std::path::Path;

/// Bits kept of each blind-index HMAC. CipherSweet's rule asks for an
/// expected number of coincidences C = R / 2^bits between 2 and √R for R
/// rows: 16 bits gives C ≈ 15 at 10⁶ contacts (and ≈ 1.5 at 10⁵).
pub const BLIND_BITS: u32 = 16;

/// Which blind index a value belongs to; each has its own HMAC key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IndexKind {
    Email = 1,
    Phone = 2,
    /// First 3 characters of a name word (the whole word if shorter).
    Name3 = 3,
    /// First 5 characters of a name word, for words of 5 or more.
    Name5 = 4,
}

impl IndexKind {
    const ALL: [IndexKind; 4] = [IndexKind::Email, IndexKind::Phone, IndexKind::Name3, IndexKind::Name5];

    fn label(self) -> &'static [u8] {
        match self {
            Self::Email => b"email",
            Self::Phone => b"phone",
            Self::Name3 => b"name-prefix-3",
            Self::Name5 => b"name-prefix-5",
        }
    }
}

/// The master key. Its `Debug` shows only the key id.
pub struct Vault {
    kek: LessSafeKey,
    kek_id: String,
    index_keys: Vec<hmac::Key>,
    /// For keyed hashes of values that must not be stored (sign-in throttling keys).
    hash_key: hmac::Key,
    /// Root of the keys derived for signing tokens and receipts.
    prk: hkdf::Prk,
    rng: SystemRandom,
}

impl fmt::Debug for Vault {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Vault(kek_id={})", self.kek_id)
    }
}

struct Len(usize);
impl hkdf::KeyType for Len {
    fn len(&self) -> usize {
        self.0
    }
}

impl Vault {
    pub fn from_key(master: &[u8; 32]) -> Vault {
        let kek = LessSafeKey::new(UnboundKey::new(&AES_256_GCM, master).expect("32-byte key"));
        let id = digest::digest(&digest::SHA256, &[b"kith kek id v1:".as_slice(), master].concat());
        let kek_id: String = id.as_ref()[..6].iter().map(|b| format!("{b:02x}")).collect();
        let prk = hkdf::Salt::new(hkdf::HKDF_SHA256, b"kith blind index v1").extract(master);
        let index_keys = IndexKind::ALL
            .iter()
            .map(|k| {
                let mut bytes = [0u8; 32];
                prk.expand(&[k.label()], Len(32)).and_then(|okm| okm.fill(&mut bytes)).expect("hkdf length is valid");
                hmac::Key::new(hmac::HMAC_SHA256, &bytes)
            })
            .collect();
        let mut bytes = [0u8; 32];
        prk.expand(&[b"keyed-hash"], Len(32)).and_then(|okm| okm.fill(&mut bytes)).expect("hkdf length is valid");
        let hash_key = hmac::Key::new(hmac::HMAC_SHA256, &bytes);
        Vault { kek, kek_id, index_keys, hash_key, prk, rng: SystemRandom::new() }
    }

    /// A fresh random master key, base64-encoded, for a key file.
    pub fn generate_encoded() -> String {
        let mut k = [0u8; 32];
        SystemRandom::new().fill(&mut k).expect("system randomness");
        base64::engine::general_purpose::STANDARD.encode(k)
    }

    /// Parses a base64-encoded 32-byte key.
    pub fn from_encoded(s: &str) -> Result<Vault, StoreError> {
        let bytes = base64::engine::general_purpose::STANDARD
            .decode(s.trim())
            .map_err(|_| StoreError::Config("the master key is not valid base64".into()))?;
        let key: [u8; 32] =
            bytes.try_into().map_err(|_| StoreError::Config("the master key must be 32 bytes".into()))?;
        Ok(Vault::from_key(&key))
    }

    /// Reads the key file at `path`, creating it (mode 0600) with a fresh key
    /// if it does not exist.
    pub fn load_or_create(path: &Path) -> Result<Vault, StoreError> {
        match Vault::load(path)? {
            Some(v) => Ok(v),
            None => {
                let encoded = Vault::generate_encoded();
                Vault::write_key_file(path, &encoded)?;
                Vault::from_encoded(&encoded)
            }
        }
    }

    /// Reads the key file at `path`; `None` if there is none.
    pub fn load(path: &Path) -> Result<Option<Vault>, StoreError> {
        match std::fs::read_to_string(path) {
            Ok(s) => Vault::from_encoded(&s).map(Some),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(StoreError::Config(format!("cannot read the master key file: {e}"))),
        }
    }

    /// Writes a new key file (mode 0600); never replaces one.
    pub fn write_key_file(path: &Path, encoded: &str) -> Result<(), StoreError> {
        use std::io::Write;
        let mut opts = std::fs::OpenOptions::new();
        opts.write(true).create_new(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut opts, 0o600);
        let mut f =
            opts.open(path).map_err(|e| StoreError::Config(format!("cannot create the master key file: {e}")))?;
        f.write_all(encoded.as_bytes())
            .and_then(|_| f.sync_all())
            .map_err(|e| StoreError::Config(format!("cannot write the master key file: {e}")))
    }

    pub fn kek_id(&self) -> &str {
        &self.kek_id
    }

    fn nonce(&self) -> [u8; NONCE_LEN] {
        let mut n = [0u8; NONCE_LEN];
        self.rng.fill(&mut n).expect("system randomness");
        n
    }

    /// A new random data key for `subject` and its wrapped form to store.
    pub fn new_subject_key(&self, subject: SubjectId) -> (SubjectKey, Vec<u8>) {
        let mut raw = [0u8; 32];
        self.rng.fill(&mut raw).expect("system randomness");
        let wrapped = seal_with(&self.kek, self.nonce(), &wrap_ad(subject), &raw);
        (SubjectKey::new(&raw, self.nonce_source()), wrapped)
    }

    /// Unwraps a stored data key.
    pub fn unwrap_key(&self, subject: SubjectId, wrapped: &[u8]) -> Result<SubjectKey, StoreError> {
        let raw = open_with(&self.kek, &wrap_ad(subject), wrapped)?;
        let raw: [u8; 32] = raw.try_into().map_err(|_| StoreError::Crypto)?;
        Ok(SubjectKey::new(&raw, self.nonce_source()))
    }

    fn nonce_source(&self) -> SystemRandom {
        self.rng.clone()
    }

    /// A full-length keyed hash (HMAC-SHA-256) of `value` under `label`:
    /// a stable key for a value that must not be stored in clear and that
    /// nobody without the master key can recompute from a guess.
    pub fn keyed_hash(&self, label: &str, value: &str) -> Vec<u8> {
        let mut ctx = hmac::Context::with_key(&self.hash_key);
        ctx.update(&(label.len() as u64).to_be_bytes());
        ctx.update(label.as_bytes());
        ctx.update(value.as_bytes());
        ctx.sign().as_ref().to_vec()
    }

    fn derived(&self, label: &[u8]) -> [u8; 32] {
        let mut bytes = [0u8; 32];
        self.prk.expand(&[label], Len(32)).and_then(|okm| okm.fill(&mut bytes)).expect("hkdf length is valid");
        bytes
    }

    /// The MAC of a token's payload under the key of the token's purpose
    /// (`confirm`, `preferences`, `unsubscribe`…): a token made for one
    /// purpose never verifies for another.
    pub fn token_mac(&self, purpose: &str, payload: &[u8]) -> Vec<u8> {
        let key = hmac::Key::new(hmac::HMAC_SHA256, &self.derived(format!("token:{purpose}").as_bytes()));
        hmac::sign(&key, payload).as_ref().to_vec()
    }

    /// Seals a staff member's secret (the TOTP secret) under a key derived
    /// from the master key for `purpose`, bound to `owner` (a user id): a
    /// sealed value copied to another user's row does not open.
    pub fn seal_secret(&self, purpose: &str, owner: uuid::Uuid, plain: &[u8]) -> Vec<u8> {
        seal_with(&self.secret_key(purpose), self.nonce(), &secret_ad(purpose, owner), plain)
    }

    /// Opens what [`Vault::seal_secret`] sealed for the same purpose and owner.
    pub fn open_secret(&self, purpose: &str, owner: uuid::Uuid, sealed: &[u8]) -> Result<Vec<u8>, StoreError> {
        open_with(&self.secret_key(purpose), &secret_ad(purpose, owner), sealed)
    }

    fn secret_key(&self, purpose: &str) -> LessSafeKey {
        let raw = self.derived(format!("staff-secret:{purpose}").as_bytes());
        LessSafeKey::new(UnboundKey::new(&AES_256_GCM, &raw).expect("32-byte key"))
    }

    /// The Ed25519 key that signs consent receipts, derived from the master key.
    pub fn receipt_signer(&self) -> ring::signature::Ed25519KeyPair {
        ring::signature::Ed25519KeyPair::from_seed_unchecked(&self.derived(b"consent-receipt-ed25519"))
            .expect("a 32-byte seed is a valid Ed25519 seed")
    }

    /// The Ed25519 key that signs evidence packs: a key of its own (not the
    /// receipts' key), derived from the master key, so it can be published,
    /// rotated with the master key and told apart from receipt signatures.
    pub fn evidence_signer(&self) -> ring::signature::Ed25519KeyPair {
        ring::signature::Ed25519KeyPair::from_seed_unchecked(&self.derived(b"evidence-pack-ed25519"))
            .expect("a 32-byte seed is a valid Ed25519 seed")
    }

    /// The pseudonym of an id in an evidence pack: HMAC-SHA-256 of `kind`
    /// and the id's bytes under a key derived from the master key, the
    /// first 16 bytes in hex. Stable across packs (the authority can follow
    /// one person through the logs); only the master key's holder can
    /// recompute it from an id.
    pub fn evidence_pseudonym(&self, kind: &str, id: &[u8]) -> String {
        let key = hmac::Key::new(hmac::HMAC_SHA256, &self.derived(b"evidence-pseudonym"));
        let mut ctx = hmac::Context::with_key(&key);
        ctx.update(&(kind.len() as u64).to_be_bytes());
        ctx.update(kind.as_bytes());
        ctx.update(id);
        ctx.sign().as_ref()[..16].iter().map(|b| format!("{b:02x}")).collect()
    }

    /// The blind-index bucket of a normalised value: the index kind in the
    /// high 32 bits, the truncated HMAC in the low bits.
    pub fn bucket(&self, kind: IndexKind, normalised: &str) -> i64 {
        let tag = hmac::sign(&self.index_keys[kind as usize - 1], normalised.as_bytes());
        let t = tag.as_ref();
        let v = u32::from_be_bytes([t[0], t[1], t[2], t[3]]) >> (32 - BLIND_BITS);
        ((kind as i64) << 32) | i64::from(v)
    }
}

fn wrap_ad(subject: SubjectId) -> Vec<u8> {
    format!("kith/v1/subject_keys/{}", subject.0).into_bytes()
}

fn secret_ad(purpose: &str, owner: uuid::Uuid) -> Vec<u8> {
    [b"kith staff secret v1:".as_slice(), purpose.as_bytes(), b":", owner.as_bytes()].concat()
}

fn seal_with(key: &LessSafeKey, nonce: [u8; NONCE_LEN], ad: &[u8], plain: &[u8]) -> Vec<u8> {
    let mut buf = Vec::with_capacity(NONCE_LEN + plain.len() + AES_256_GCM.tag_len());
    buf.extend_from_slice(&nonce);
    buf.extend_from_slice(plain);
    let tag = key
        .seal_in_place_separate_tag(Nonce::assume_unique_for_key(nonce), Aad::from(ad), &mut buf[NONCE_LEN..])
        .expect("plaintext within AES-GCM limits");
    buf.extend_from_slice(tag.as_ref());
    buf
}

fn open_with(key: &LessSafeKey, ad: &[u8], sealed: &[u8]) -> Result<Vec<u8>, StoreError> {
    if sealed.len() < NONCE_LEN + AES_256_GCM.tag_len() {
        return Err(StoreError::Crypto);
    }
    let nonce = Nonce::try_assume_unique_for_key(&sealed[..NONCE_LEN]).map_err(|_| StoreError::Crypto)?;
    let mut buf = sealed[NONCE_LEN..].to_vec();
    let plain = key.open_in_place(nonce, Aad::from(ad), &mut buf).map_err(|_| StoreError::Crypto)?;
    let n = plain.len();
    buf.truncate(n);
    Ok(buf)
}

/// Where a sealed value lives; bound into the ciphertext.
pub struct Place<'a> {
    pub table: &'a str,
    pub column: &'a str,
    pub row: uuid::Uuid,
    pub subject: SubjectId,
}

impl Place<'_> {
    fn ad(&self) -> Vec<u8> {
        format!("kith/v1/{}/{}/{}/{}", self.table, self.column, self.row, self.subject.0).into_bytes()
    }
}

/// One subject's data key, unwrapped.
pub struct SubjectKey {
    key: LessSafeKey,
    rng: SystemRandom,
}

impl fmt::Debug for SubjectKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("SubjectKey(<secret>)")
    }
}

impl SubjectKey {
    fn new(raw: &[u8; 32], rng: SystemRandom) -> Self {
        SubjectKey { key: LessSafeKey::new(UnboundKey::new(&aead::AES_256_GCM, raw).expect("32-byte key")), rng }
    }

    pub fn seal(&self, place: &Place<'_>, plain: &[u8]) -> Vec<u8> {
        let mut n = [0u8; NONCE_LEN];
        self.rng.fill(&mut n).expect("system randomness");
        seal_with(&self.key, n, &place.ad(), plain)
    }

    pub fn open(&self, place: &Place<'_>, sealed: &[u8]) -> Result<Vec<u8>, StoreError> {
        open_with(&self.key, &place.ad(), sealed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vault() -> Vault {
        Vault::from_key(&[7u8; 32])
    }

    #[test]
    fn staff_secrets_open_only_for_their_owner_and_purpose() {
        let v = vault();
        let (a, b) = (uuid::Uuid::now_v7(), uuid::Uuid::now_v7());
        let sealed = v.seal_secret("totp", a, b"twenty bytes of key!");
        assert!(!sealed.windows(20).any(|w| w == b"twenty bytes of key!"));
        assert_eq!(v.open_secret("totp", a, &sealed).unwrap(), b"twenty bytes of key!");
        assert!(v.open_secret("totp", b, &sealed).is_err());
        assert!(v.open_secret("other", a, &sealed).is_err());
        assert!(Vault::from_key(&[8u8; 32]).open_secret("totp", a, &sealed).is_err());
    }

    #[test]
    fn seal_binds_place() {
        let v = vault();
        let s = SubjectId::new();
        let (k, wrapped) = v.new_subject_key(s);
        let row = uuid::Uuid::now_v7();
        let p = Place { table: "contacts", column: "sealed", row, subject: s };
        let sealed = k.seal(&p, b"Mario Rossi");
        assert!(!sealed.windows(5).any(|w| w == b"Mario"));
        let k2 = v.unwrap_key(s, &wrapped).unwrap();
        assert_eq!(k2.open(&p, &sealed).unwrap(), b"Mario Rossi");
        let other = Place { row: uuid::Uuid::now_v7(), ..p };
        assert!(k2.open(&other, &sealed).is_err());
        assert!(v.unwrap_key(SubjectId::new(), &wrapped).is_err());
        assert!(Vault::from_key(&[8u8; 32]).unwrap_key(s, &wrapped).is_err());
    }

    #[test]
    fn buckets_are_stable_and_separate_per_kind() {
        let v = vault();
        let a = v.bucket(IndexKind::Email, "mario@example.it");
        assert_eq!(a, v.bucket(IndexKind::Email, "mario@example.it"));
        assert_eq!(a >> 32, 1);
        assert!(a & 0xffff_ffff < 1 << BLIND_BITS);
        assert_eq!(v.bucket(IndexKind::Phone, "mario@example.it") >> 32, 2);
        assert_ne!(a, Vault::from_key(&[8u8; 32]).bucket(IndexKind::Email, "mario@example.it"));
    }

    #[test]
    fn key_file_is_private_and_reused() {
        let dir = std::env::temp_dir().join(format!("kith-vault-{}", uuid::Uuid::now_v7()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("master.key");
        let a = Vault::load_or_create(&path).unwrap();
        let b = Vault::load_or_create(&path).unwrap();
        assert_eq!(a.kek_id(), b.kek_id());
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            assert_eq!(std::fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o600);
        }
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
