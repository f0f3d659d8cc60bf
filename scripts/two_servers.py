"""Two `kith serve` processes on one PostgreSQL database, side by side.

Usage: two_servers.py BASE_A BASE_B TOKEN. Writes through one server, reads
and changes through the other, and checks the audit chain stays intact.
Exits non-zero with a message on the first failure.
"""
import json
import sys
import urllib.error
import urllib.request

A, B, TOKEN = sys.argv[1], sys.argv[2], sys.argv[3]


def call(base, method, path, body=None):
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(base + "/api/v1" + path, data=data, method=method)
    req.add_header("Authorization", "Bearer " + TOKEN)
    if data is not None:
        req.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(req, timeout=10) as r:
            return r.status, json.loads(r.read() or b"null")
    except urllib.error.HTTPError as e:
        return e.code, json.loads(e.read() or b"null")


def check(cond, what):
    if not cond:
        print("two servers: FAILED:", what)
        sys.exit(1)
    print("two servers: ok:", what)


ids = []
for i in range(20):
    server = A if i % 2 == 0 else B
    s, c = call(server, "POST", "/contacts", {"first_name": "Paola", "last_name": f"Parallela{i}", "emails": [f"paola{i}@example.it"]})
    check(s == 201, f"create {i} on server {'A' if server == A else 'B'}")
    ids.append(c["id"])
s, found = call(B, "POST", "/contacts/search", {"email": "paola0@example.it"})
check(s == 200 and [c["id"] for c in found["items"]] == [ids[0]], "B finds by email what A created")
s, c = call(B, "PATCH", f"/contacts/{ids[0]}", {"job_title": "Buyer"})
check(s == 200, "B changes it")
s, c = call(A, "GET", f"/contacts/{ids[0]}")
check(s == 200 and c.get("job_title") == "Buyer", "A reads B's change")
s, page = call(A, "GET", "/contacts?limit=200")
check(s == 200 and len(page["items"]) == 20, "A lists all 20 contacts")
s, v = call(B, "GET", "/audit/verify")
check(s == 200 and v["intact"], "the audit chain written by both is intact")
s, _ = call(A, "DELETE", f"/contacts/{ids[1]}")
check(s == 204, "A deletes one")
s, _ = call(B, "GET", f"/contacts/{ids[1]}")
check(s == 404, "B no longer finds it")
print("two servers: every check passed")
