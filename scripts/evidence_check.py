#!/usr/bin/env python3
"""The evidence pack, end to end against a running `kith serve` (a step of
scripts/test.sh): fetch a fresh pack from /api/v1/evidence with the token in
KITH_FUZZ_TOKEN and the published key from
/.well-known/kith-evidence-key.json, then

  - scripts/verify_evidence.py accepts the pack, and refuses it after a byte
    is changed at each of ~2,000 positions spread over the whole archive
    (every byte of the first and last 300 among them);
  - `kith evidence verify` (the binary given) accepts it and refuses a copy
    with one byte changed, exiting non-zero.

    evidence_check.py BASE_URL KITH_BINARY WORK_DIR
"""

import json
import os
import subprocess
import sys
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import verify_evidence  # noqa: E402


def fetch(url, token=None, body=None):
    req = urllib.request.Request(url, data=body, method="POST" if body is not None else "GET")
    if token:
        req.add_header("Authorization", f"Bearer {token}")
    if body is not None:
        req.add_header("Content-Type", "application/json")
    with urllib.request.urlopen(req, timeout=60) as r:
        return r.read()


def main():
    base, kith, work = sys.argv[1], sys.argv[2], sys.argv[3]
    token = os.environ["KITH_FUZZ_TOKEN"]
    pack = fetch(f"{base}/api/v1/evidence", token, json.dumps({}).encode())
    jwk = fetch(f"{base}/.well-known/kith-evidence-key.json")
    pack_path, key_path, changed_path = (os.path.join(work, n) for n in ("pack.zip", "key.jwk", "changed.zip"))
    with open(pack_path, "wb") as f:
        f.write(pack)
    with open(key_path, "wb") as f:
        f.write(jwk)
    key = verify_evidence.key_of_jwk(jwk)

    # The auditor's script: accepts the pack as made.
    script = os.path.join(os.path.dirname(os.path.abspath(__file__)), "verify_evidence.py")
    subprocess.run([sys.executable, script, pack_path, "--key", key_path], check=True)
    manifest, _, trusted = verify_evidence.verify(pack, key)
    assert trusted and len(manifest["files"]) > 10, manifest

    # ... and refuses any changed byte.
    n = len(pack)
    step = max(1, n // 2000)
    positions = sorted({i for i in range(n) if i < 300 or i >= n - 300 or i % step == 0})
    for i in positions:
        b = bytearray(pack)
        b[i] ^= 0x01
        try:
            verify_evidence.verify(bytes(b), key)
        except verify_evidence.Rejected:
            continue
        sys.exit(f"verify_evidence.py accepted the pack with byte {i} of {n} changed")
    print(f"verify_evidence.py refused all {len(positions)} single-byte changes of a {n}-byte pack")

    # One changed byte, through the script's command line and through `kith evidence verify`.
    b = bytearray(pack)
    b[n // 2] ^= 0x01
    with open(changed_path, "wb") as f:
        f.write(b)
    r = subprocess.run([sys.executable, script, changed_path, "--key", key_path], capture_output=True, text=True)
    assert r.returncode == 1 and "REJECTED" in r.stderr, (r.returncode, r.stderr)
    subprocess.run([kith, "evidence", "verify", pack_path, "--key", key_path], check=True)
    r = subprocess.run([kith, "evidence", "verify", changed_path, "--key", key_path], capture_output=True, text=True)
    assert r.returncode != 0 and "REJECTED" in r.stderr, (r.returncode, r.stderr)
    print("evidence pack: accepted as made, refused after a change, by both verifiers")


if __name__ == "__main__":
    main()
