#!/usr/bin/env python3
"""Check that Kith's record of processing in DPV JSON-LD expands with a real
JSON-LD processor (pyld), offline.

Usage: ropa_jsonld_check.py BASE_URL   (e.g. http://127.0.0.1:8080/api/v1)
The bearer token comes from KITH_FUZZ_TOKEN. Records a purpose and a
processor in the United States under SCC, downloads
/ropa/export?format=jsonld, expands it with pyld (any attempt to fetch a
remote context fails the check) and asserts the DPV terms come out as
full IRIs: a dpv:Process per purpose with its legal basis (GDPR Art. 6 and
the Art. 46(2)(c) transfer), recipient, third country and measures.
"""

import json
import os
import sys
import urllib.error
import urllib.request

from pyld import jsonld

DPV = "https://w3id.org/dpv#"
GDPR = "https://w3id.org/dpv/legal/eu/gdpr#"
LOC = "https://w3id.org/dpv/loc#"


def call(base, token, method, path, body=None):
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(base + path, data=data, method=method)
    req.add_header("Authorization", "Bearer " + token)
    if data is not None:
        req.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(req, timeout=10) as res:
            return res.read()
    except urllib.error.HTTPError as e:
        sys.exit(f"jsonld check: {method} {path} answered {e.code}: {e.read()[:500]!r}")


def no_remote(url, options=None):
    raise jsonld.JsonLdError(f"the export asked to fetch {url}: its context must be inline", "loading remote context failed")


def main():
    base, token = sys.argv[1], os.environ["KITH_FUZZ_TOKEN"]
    purpose = json.loads(call(base, token, "POST", "/purposes", {
        "name": "Register check", "description": "Checking the DPV export.", "default_basis": "contract",
        "data_categories": [], "retention": "1 year", "direct_marketing": False,
    }))
    call(base, token, "POST", "/recipients", {
        "legal_name": "Transatlantic Mail LLC", "role": "processor", "purpose_ids": [purpose["id"]],
        "processing_countries": ["US"], "storage_countries": ["IE"],
        "transfers": [{"country": "US", "mechanism": "scc", "scc_module": 2, "tia_ref": "TIA-1"}],
    })
    doc = json.loads(call(base, token, "GET", "/ropa/export?format=jsonld"))
    expanded = jsonld.expand(doc, {"documentLoader": no_remote})
    nodes = []

    def walk(v):
        if isinstance(v, dict):
            nodes.append(v)
            for x in v.values():
                walk(x)
        elif isinstance(v, list):
            for x in v:
                walk(x)

    walk(expanded)
    processes = [n for n in nodes if DPV + "Process" in n.get("@type", [])]
    assert processes, "no dpv:Process after expansion"
    mine = [p for p in processes if any(t.get("@value") == "Register check" for t in p.get("http://purl.org/dc/terms/title", []))]
    assert len(mine) == 1, f"the purpose is not one dpv:Process: {len(mine)}"
    p = mine[0]
    bases = {b["@id"] for b in p[DPV + "hasLegalBasis"]}
    assert GDPR + "A6-1-b" in bases and GDPR + "A46-2-c" in bases, bases
    assert {c["@id"] for c in p[DPV + "hasThirdCountry"]} == {LOC + "US"}
    recipients = p[DPV + "hasRecipient"]
    assert any(DPV + "DataProcessor" in r.get("@type", []) for r in recipients), recipients
    assert p[DPV + "hasTechnicalOrganisationalMeasure"], "no measures"
    assert p[DPV + "hasPurpose"][0]["@type"] == [DPV + "Purpose"]
    print(f"JSON-LD expands: {len(processes)} dpv:Process, {len(nodes)} nodes")


if __name__ == "__main__":
    main()
