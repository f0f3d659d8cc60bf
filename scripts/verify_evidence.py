#!/usr/bin/env python3
"""Verify a Kith evidence pack without Kith.

    python3 verify_evidence.py PACK.zip [--key KEY.jwk]

Checks, as `kith evidence verify` does (the format is docs/evidence-pack.md):
  1. the archive reads as ZIP, every entry's CRC-32 holds, and its bytes are
     exactly the canonical layout of the files it holds (stored entries,
     fixed times, no extra fields or comments), so no byte anywhere can
     change unnoticed;
  2. it begins with manifest.json and manifest.jws, and every other file is
     listed in the manifest, in order, with its size and SHA-256, and none
     is missing or unlisted;
  3. manifest.jws is a compact JWS (alg EdDSA) whose payload is exactly the
     bytes of manifest.json, and its Ed25519 signature verifies with the key
     given (the controller's published /.well-known/kith-evidence-key.json),
     or, without --key, with the pack's own evidence-key.json (then compare
     the printed thumbprint with the published key's).

Needs Python 3.9+ and the `ecdsa` package (pure Python; pinned in
scripts/requirements-evidence.txt). Exit 0: verified; 1: rejected; 2: usage.
"""

import argparse
import base64
import hashlib
import io
import json
import re
import struct
import sys
import zipfile

from ecdsa import BadSignatureError, Ed25519, VerifyingKey

FORMAT = "kith-evidence-pack/1"
MANIFEST, SIGNATURE, KEY_FILE = "manifest.json", "manifest.jws", "evidence-key.json"
NAME = re.compile(r"^[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*$")
# The order of the Ed25519 group: a signature's S must be below it.
L = 2**252 + 27742317777372353535851937790883648493
DOS_DATE = (1 << 5) | 1  # 1980-01-01


class Rejected(Exception):
    pass


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def b64url_decode(s: str) -> bytes:
    """Base64url without padding, refusing any other spelling of the same bytes."""
    if not re.fullmatch(r"[A-Za-z0-9_-]*", s):
        raise ValueError("not base64url")
    data = base64.urlsafe_b64decode(s + "=" * (-len(s) % 4))
    if b64url(data) != s:
        raise ValueError("not the canonical spelling")
    return data


def thumbprint(public: bytes) -> str:
    """RFC 7638 thumbprint of an Ed25519 public key."""
    canonical = '{"crv":"Ed25519","kty":"OKP","x":"%s"}' % b64url(public)
    return b64url(hashlib.sha256(canonical.encode("ascii")).digest())


def key_of_jwk(raw: bytes) -> bytes:
    jwk = json.loads(raw)
    if jwk.get("kty") != "OKP" or jwk.get("crv") != "Ed25519":
        raise Rejected("the key is not an Ed25519 JWK (kty OKP, crv Ed25519)")
    x = b64url_decode(jwk.get("x", ""))
    if len(x) != 32:
        raise Rejected("the key's x is not 32 bytes")
    return x


def canonical(files):
    """The canonical archive of [(name, data)], as Kith writes it."""
    out, central = bytearray(), bytearray()
    for name, data in files:
        n = name.encode("ascii")
        crc = zipfile.crc32(data) & 0xFFFFFFFF
        offset = len(out)
        out += struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 0, 0, DOS_DATE, crc, len(data), len(data), len(n), 0)
        out += n + data
        central += struct.pack(
            "<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 0, 0, DOS_DATE, crc, len(data), len(data), len(n), 0, 0, 0, 0, 0, offset
        )
        central += n
    cd_offset = len(out)
    out += central
    out += struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(files), len(files), len(central), cd_offset, 0)
    return bytes(out)


def read_archive(data: bytes):
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            files = []
            for info in z.infolist():
                name = info.orig_filename
                if not NAME.match(name) or any(p in (".", "..") for p in name.split("/")):
                    raise Rejected("an entry has a name the pack may not hold")
                files.append((name, z.read(info)))
    except Rejected:
        raise
    except Exception as e:  # zipfile raises many kinds on damaged input
        raise Rejected(f"the archive cannot be read as a ZIP file or an entry is damaged ({e})")
    if canonical(files) != data:
        raise Rejected("the archive's bytes differ from the canonical layout of the files it holds: it was changed")
    return files


def verify(data: bytes, key: bytes = None):
    """Returns (manifest, thumbprint, key_trusted); raises Rejected."""
    files = read_archive(data)
    if len(files) < 2 or files[0][0] != MANIFEST or files[1][0] != SIGNATURE:
        raise Rejected(f"the archive does not begin with {MANIFEST} and {SIGNATURE}")
    body, jws = files[0][1], files[1][1]
    try:
        manifest = json.loads(body)
    except ValueError:
        raise Rejected(f"{MANIFEST} is not JSON")
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise Rejected(f"{MANIFEST} does not declare format {FORMAT}")
    listed = manifest.get("files")
    if not isinstance(listed, list):
        raise Rejected(f"{MANIFEST} lists no files")
    rest = dict(files[2:])
    paths = [f.get("path") for f in listed]
    if len(set(paths)) != len(paths) or len(rest) != len(files) - 2:
        raise Rejected("a file is listed or held twice")
    for name in rest:
        if name not in paths:
            raise Rejected(f"{name} is in the archive but not listed in {MANIFEST}")
    for f in listed:
        got = rest.get(f.get("path"))
        if got is None:
            raise Rejected(f"{f.get('path')} is listed in {MANIFEST} but missing from the archive")
        if len(got) != f.get("size") or hashlib.sha256(got).hexdigest() != f.get("sha256"):
            raise Rejected(f"{f['path']} does not match its SHA-256 in {MANIFEST}: it was changed")
    if [n for n, _ in files[2:]] != paths:
        raise Rejected(f"the files are not in the order {MANIFEST} lists them")
    try:
        h, p, s = jws.decode("ascii").split(".")
        header, payload, sig = json.loads(b64url_decode(h)), b64url_decode(p), b64url_decode(s)
    except ValueError:
        raise Rejected(f"{SIGNATURE} is not a well-formed compact JWS")
    if not isinstance(header, dict) or header.get("alg") != "EdDSA" or header.get("kid") != manifest.get("key_id"):
        raise Rejected(f"{SIGNATURE}'s header is not alg EdDSA with the manifest's key id")
    if payload != body:
        raise Rejected(f"{SIGNATURE} signs something other than {MANIFEST}")
    trusted = key is not None
    if key is None:
        if KEY_FILE not in rest:
            raise Rejected(f"no key given and the pack holds no {KEY_FILE}")
        key = key_of_jwk(rest[KEY_FILE])
    if len(sig) != 64 or int.from_bytes(sig[32:], "little") >= L:
        raise Rejected(f"the signature in {SIGNATURE} is malformed")
    try:
        VerifyingKey.from_string(key, curve=Ed25519).verify(sig, f"{h}.{p}".encode("ascii"))
    except (BadSignatureError, Exception):
        raise Rejected(f"the signature in {SIGNATURE} does not verify with the key (thumbprint {thumbprint(key)})")
    return manifest, thumbprint(key), trusted


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description="Verify a Kith evidence pack offline.")
    ap.add_argument("pack")
    ap.add_argument("--key", help="the controller's published JWK (/.well-known/kith-evidence-key.json)")
    a = ap.parse_args(argv)
    try:
        with open(a.pack, "rb") as f:
            data = f.read()
        key = None
        if a.key:
            with open(a.key, "rb") as f:
                key = key_of_jwk(f.read())
        manifest, thumb, trusted = verify(data, key)
    except Rejected as e:
        print(f"evidence pack {a.pack} REJECTED: {e}", file=sys.stderr)
        return 1
    except (OSError, ValueError) as e:
        print(f"cannot check {a.pack}: {e}", file=sys.stderr)
        return 2
    print(f"evidence pack {a.pack} verified: {len(manifest['files'])} files, key thumbprint {thumb}")
    print(f"pack {manifest.get('pack_id')} of {manifest.get('controller')}, as of {manifest.get('as_of')}")
    if not trusted:
        print("warning: no --key, so the signature was checked with the key inside the pack: compare the "
              "thumbprint with the controller's published key", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
