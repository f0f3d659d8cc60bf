#!/usr/bin/env python3
"""Seed a fresh Kith server with a few records before API fuzzing.

Usage: fuzz_seed.py BASE_URL   (e.g. http://127.0.0.1:8080/api/v1)
The bearer token comes from the KITH_FUZZ_TOKEN environment variable.

Schemathesis picks ids up from list responses (GET /contacts, /deals, ...),
so operations on /contacts/{id}, /deals/{id}, ... reach real records
instead of only answering 404. Standard library only.
"""

import json
import os
import sys
import urllib.error
import urllib.request


def call(base, token, method, path, body=None):
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(base + path, data=data, method=method)
    req.add_header("Authorization", "Bearer " + token)
    if data is not None:
        req.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(req, timeout=10) as res:
            raw = res.read()
    except urllib.error.HTTPError as e:
        detail = e.read().decode(errors="replace")[:500]
        sys.exit(f"seed: {method} {path} answered {e.code}: {detail}")
    return json.loads(raw) if raw else None


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    base = sys.argv[1].rstrip("/")
    token = os.environ["KITH_FUZZ_TOKEN"]

    companies = [
        call(base, token, "POST", "/companies", {"name": "Acme Ltd", "domain": "acme.example", "industry": "Tools"}),
        call(base, token, "POST", "/companies", {"name": "Globex", "address": "1 Main Street"}),
    ]
    contacts = [
        call(base, token, "POST", "/contacts", {
            "first_name": "Ada", "last_name": "Lovelace",
            "emails": ["ada@example.com"], "phones": ["+44 20 7946 0000"],
            "company_id": companies[0]["id"], "tags": ["vip", "newsletter"],
            "job_title": "Engineer", "notes": "Met at a conference.",
            "address": {"street": "12 Example Road", "city": "London", "postal_code": "N1 1AA", "country": "GB"},
        }),
        call(base, token, "POST", "/contacts", {"first_name": "Grace", "emails": ["grace@example.org"]}),
        call(base, token, "POST", "/contacts", {"last_name": "Turing", "phones": ["+1 202 555 0100"], "company_id": companies[1]["id"]}),
    ]
    for c in contacts:
        for kind, text in (("note", "First note."), ("call", "Called about the renewal.")):
            call(base, token, "POST", f"/contacts/{c['id']}/interactions", {"kind": kind, "body": text})
    deals = [
        call(base, token, "POST", "/deals", {
            "title": "Renewal 2026", "amount_minor": 120000, "currency": "EUR",
            "company_id": companies[0]["id"], "contact_ids": [contacts[0]["id"]],
        }),
        call(base, token, "POST", "/deals", {"title": "Pilot", "contact_ids": [contacts[1]["id"], contacts[2]["id"]]}),
    ]
    stages = call(base, token, "GET", "/pipeline/stages")
    if isinstance(stages, list) and len(stages) > 1 and isinstance(stages[1], dict) and "key" in stages[1]:
        call(base, token, "POST", f"/deals/{deals[0]['id']}/move", {"stage": stages[1]["key"]})
    # Consent: a purpose, a notice, a subscription type, a form, a basis and
    # a ledger event, so the consent operations reach real records.
    purpose = call(base, token, "POST", "/purposes", {
        "name": "Newsletter", "description": "Monthly news.", "default_basis": "consent",
        "data_categories": ["contact"],
    })
    notice = call(base, token, "POST", "/notices", {"name": "Privacy notice", "language": "en", "body": "We write monthly."})
    sub = call(base, token, "POST", "/subscription-types", {
        "name": "Monthly newsletter", "purpose_id": purpose["id"], "channels": ["email"],
    })
    call(base, token, "POST", "/forms", {
        "slug": "newsletter", "title": "Stay in touch", "subscription_type_ids": [sub["id"]],
        "notice_id": notice["id"], "button": "Subscribe", "language": "en",
    })
    call(base, token, "PUT", f"/contacts/{contacts[0]['id']}/bases", {
        "purpose_id": purpose["id"], "basis": "consent", "source": "manual",
    })
    call(base, token, "POST", f"/contacts/{contacts[0]['id']}/consents", {
        "purpose_id": purpose["id"], "action": "given", "channels": ["email"], "method": "web_form",
        "notice_id": notice["id"], "affirmative_act": "ticked the newsletter box",
        "evidence_ref": "website form submission 1",
    })
    # The breach register: a breach with its clock and an authority notice.
    breach = call(base, token, "POST", "/breaches", {
        "reference": "BR-FUZZ-1", "title": "Export sent to the wrong address",
        "nature": ["confidentiality"], "aware_at": "2026-01-05T09:00:00Z", "aware_evidence": "the recipient replied",
    })
    call(base, token, "POST", f"/breaches/{breach['id']}/notices", {"audience": "authority", "authority": "Garante"})
    print(f"seeded {len(companies)} companies, {len(contacts)} contacts, "
          f"{2 * len(contacts)} interactions, {len(deals)} deals, 1 purpose with its notice, "
          f"subscription type, form, basis and consent")


if __name__ == "__main__":
    main()
