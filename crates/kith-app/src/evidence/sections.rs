//! The files of an evidence pack, section by section, each from what the
//! store holds as of the pack's moment and within its scope. People appear
//! as pseudonyms and counts only; free text written about a person (DSR
//! notes, hold reasons) is never read.

use super::{rfc3339, PrintRegister, Scope};
use crate::registers::formats;
use crate::{App, AppError, Result};
use kith_domain::dsr::due_at;
use kith_domain::ropa::Record;
use kith_domain::PurposeId;
use serde_json::{json, Value};
use std::collections::{BTreeMap, BTreeSet};
use uuid::Uuid;

type Files = Vec<(String, Vec<u8>)>;

fn pretty(v: &Value) -> Vec<u8> {
    let mut b = serde_json::to_vec_pretty(v).unwrap_or_default();
    b.push(b'\n');
    b
}

fn hex(b: &[u8]) -> String {
    b.iter().map(|b| format!("{b:02x}")).collect()
}

/// A stored JSON text as a value (a string if it is not JSON).
fn parsed(s: &str) -> Value {
    serde_json::from_str(s).unwrap_or_else(|_| Value::String(s.to_owned()))
}

fn csv_of(header: &[&str], rows: &[Vec<String>]) -> Vec<u8> {
    let mut w = csv::WriterBuilder::new().quote_style(csv::QuoteStyle::Always).from_writer(Vec::new());
    let _ = w.write_record(header);
    for r in rows {
        // A cell a spreadsheet would run as a formula starts with a quote.
        let _ = w.write_record(r.iter().map(|s| {
            if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
                format!("'{s}")
            } else {
                s.clone()
            }
        }));
    }
    w.into_inner().unwrap_or_default()
}

const README: &str = "Kith evidence pack\n\
==================\n\n\
manifest.json      what the pack is (controller, as-of moment, scope, Kith version) and every other file with its size and SHA-256\n\
manifest.jws       compact JWS (EdDSA, Ed25519) whose payload is exactly the bytes of manifest.json\n\
evidence-key.json  the signing key's public JWK (informative: compare it with the controller's published\n\
                   /.well-known/kith-evidence-key.json, or its RFC 7638 thumbprint)\n\
register/          the record of processing (Art. 30) in force at the as-of moment: CSV, print HTML, DPV JSON-LD, JSON\n\
dpias/             the data-protection impact assessments (Art. 35)\n\
recipients/        recipients with their agreements (Art. 28) and transfer references (Art. 44-49)\n\
consent/           consent per purpose (counts), the notices' texts with their SHA-256\n\
requests/          the data-subject request log; people as keyed pseudonyms\n\
breaches/          the breach register (Art. 33(5)) and its notices; people as counts\n\
retention/         retention runs (counts per rule)\n\
chains/            heads of the audit chain and the consent ledger, as of the moment and when the pack was made\n\n\
To verify: `kith evidence verify FILE.zip --key KEY.jwk`, or without Kith\n\
`python3 verify_evidence.py FILE.zip --key KEY.jwk` (docs/evidence-pack.md in Kith's source).\n\
The archive's layout is canonical: any changed byte anywhere makes verification fail.\n";

impl App {
    /// Every file of the pack but the manifest and its signature, in order.
    pub(super) async fn evidence_files(&self, s: &Scope, print: PrintRegister) -> Result<Files> {
        let mut files: Files = vec![
            ("README.txt".into(), README.as_bytes().to_vec()),
            (super::seal::KEY_FILE.into(), pretty(&self.evidence_public_jwk())),
        ];
        files.extend(self.register_files(s, print).await?);
        files.extend(self.dpia_files(s).await?);
        files.extend(self.recipient_files(s).await?);
        files.extend(self.consent_files(s).await?);
        files.extend(self.request_files(s).await?);
        files.extend(self.breach_files(s).await?);
        files.extend(self.retention_files(s).await?);
        let h = self.store.evidence_heads(s.as_of_ms()).await?;
        let head = |h: &kith_store::evidence::Head| json!({"seq": h.seq, "hash": h.hash});
        files.push((
            "chains/heads.json".into(),
            pretty(&json!({
                "as_of": rfc3339(s.as_of),
                "audit_chain": {"as_of": head(&h.audit_as_of), "at_generation": head(&h.audit_now)},
                "consent_ledger": {"as_of": head(&h.consent_as_of), "at_generation": head(&h.consent_now)},
                "note": "The hash (SHA-256, hex) of the last entry at or before the moment; sequence 0 and a zero hash for an empty chain. `kith audit head` and `kith consent-verify` show and check them on the controller's side.",
            })),
        ));
        Ok(files)
    }

    async fn register_files(&self, s: &Scope, print: PrintRegister) -> Result<Files> {
        let Some(v) = self.store.register_version_as_of(s.as_of).await? else {
            let note =
                json!({"version": null, "note": "no version of the record of processing existed at the as-of moment"});
            return Ok(vec![("register/version.json".into(), pretty(&note))]);
        };
        let mut record: Record =
            serde_json::from_str(&v.body).map_err(|_| AppError::Conflict("register version unreadable".into()))?;
        let scoped = !s.purposes.is_empty();
        record.activities.retain(|a| s.covers(a.purpose_id));
        let day = s.as_of.date().to_string();
        let meta = json!({
            "version": v.version,
            "recorded_at": rfc3339(v.created_at),
            "cause": v.cause,
            "sha256": v.sha256,
            "activities": record.activities.len(),
            "restricted_to_scope": scoped,
            "note": "sha256 is of the version's canonical JSON (record-of-processing.json when the pack is not restricted to purposes)",
        });
        let mut files: Files = vec![
            ("register/version.json".into(), pretty(&meta)),
            ("register/record-of-processing.csv".into(), formats::to_csv(&record, &v).into_bytes()),
            ("register/record-of-processing.jsonld".into(), pretty(&formats::to_jsonld(&record, &v))),
        ];
        let html = print(record, v.clone(), &day).map_err(|e| AppError::Conflict(format!("print view: {e}")))?;
        files.push(("register/record-of-processing.html".into(), html.into_bytes()));
        if !scoped {
            files.push(("register/record-of-processing.json".into(), v.body.into_bytes()));
        }
        Ok(files)
    }

    async fn dpia_files(&self, s: &Scope) -> Result<Files> {
        let (record, v) = self.current_record().await?;
        let mut out = Vec::new();
        for d in self.store.dpias().await? {
            if d.created_at > s.as_of || !(s.purposes.is_empty() || d.dpia.purposes.iter().any(|p| s.covers(*p))) {
                continue;
            }
            let view = self.dpia_view(d, &record, v.version);
            let mut j = crate::dpia::to_json(&view);
            if let Some(by) = j.pointer_mut("/sign_off/by") {
                if let Some(u) = by.as_str().and_then(|u| Uuid::parse_str(u).ok()) {
                    *by = Value::String(self.actor_pseudonym(&format!("user:{u}")));
                }
            }
            out.push(j);
        }
        Ok(vec![("dpias/dpias.json".into(), pretty(&Value::Array(out)))])
    }

    async fn recipient_files(&self, s: &Scope) -> Result<Files> {
        let names: BTreeMap<PurposeId, String> =
            self.store.purposes().await?.into_iter().map(|p| (p.id, p.name)).collect();
        let mut json_out = Vec::new();
        let mut rows = Vec::new();
        for r in self.store.recipients().await? {
            let rc = &r.recipient;
            if r.created_at > s.as_of || !(s.purposes.is_empty() || rc.purposes.iter().any(|p| s.covers(*p))) {
                continue;
            }
            let purposes: Vec<&str> = rc.purposes.iter().filter_map(|p| names.get(p).map(String::as_str)).collect();
            let transfers: Vec<String> = rc
                .transfers
                .iter()
                .map(|t| {
                    let tia = if t.tia_ref.is_empty() { String::new() } else { format!(", TIA {}", t.tia_ref) };
                    format!("{}: {}{tia}", t.country.code(), t.ground())
                })
                .collect();
            let all_countries = rc.countries();
            let countries: Vec<&str> = all_countries.iter().map(|c| c.code()).collect();
            rows.push(vec![
                rc.legal_name.clone(),
                rc.role.label().to_owned(),
                rc.service.clone(),
                purposes.join("; "),
                countries.join(", "),
                rc.agreement.reference.clone(),
                rc.agreement.version.clone(),
                rc.agreement.signed_on.map(|d| d.to_string()).unwrap_or_default(),
                rc.agreement.expires_on.map(|d| d.to_string()).unwrap_or_default(),
                transfers.join("; "),
            ]);
            json_out.push(json!({
                "id": r.id.0,
                "recipient": rc,
                "purpose_names": purposes,
                "transfer_grounds": transfers,
                "needs_review": r.needs_review,
                "created_at": rfc3339(r.created_at),
                "updated_at": rfc3339(r.updated_at),
            }));
        }
        let header = [
            "Recipient",
            "Role",
            "Service",
            "Purposes",
            "Countries",
            "DPA reference",
            "DPA version",
            "DPA signed",
            "DPA expires",
            "Transfers (ground, TIA)",
        ];
        Ok(vec![
            ("recipients/recipients.json".into(), pretty(&Value::Array(json_out))),
            ("recipients/recipients.csv".into(), csv_of(&header, &rows)),
        ])
    }

    async fn consent_files(&self, s: &Scope) -> Result<Files> {
        let tallies = self.store.evidence_consent_tallies(s.start_ms(), s.end_ms()).await?;
        let counts = self.store.consent_counts(s.as_of).await?;
        let notices: Vec<_> = self.store.notices().await?.into_iter().filter(|n| n.created_at <= s.as_of).collect();
        let mut used: BTreeSet<Uuid> = BTreeSet::new();
        let mut purposes = Vec::new();
        for p in self.store.purposes().await? {
            if !s.covers(p.id) || p.created_at > s.as_of {
                continue;
            }
            let events: Vec<Value> = tallies
                .iter()
                .filter(|t| t.purpose == p.id.0)
                .map(|t| {
                    used.extend(t.notice);
                    let n = t.notice.and_then(|id| notices.iter().find(|n| n.id == id));
                    json!({
                        "action": t.action,
                        "notice_id": t.notice,
                        "notice": n.map(|n| format!("{} v{}", n.name, n.version)),
                        "events": t.events,
                        "people": t.people,
                        "first_at": rfc3339(t.first_at),
                        "last_at": rfc3339(t.last_at),
                    })
                })
                .collect();
            purposes.push(json!({
                "id": p.id.0,
                "name": p.name,
                "description": p.description,
                "default_basis": p.default_basis.as_str(),
                "direct_marketing": p.direct_marketing,
                "ledger_events_in_period": events,
                "people_by_basis_at_generation": counts.bases.get(&p.id),
                "people_by_channel_and_state_at_generation": counts.consent.get(&p.id),
            }));
        }
        let mut files: Files = vec![("consent/purposes.json".into(), pretty(&Value::Array(purposes)))];
        let mut listed = Vec::new();
        for n in notices.iter().filter(|n| s.purposes.is_empty() || used.contains(&n.id)) {
            let path = format!("consent/notices/{}.txt", n.id);
            listed.push(json!({
                "id": n.id,
                "name": n.name,
                "version": n.version,
                "language": n.language,
                "url": n.url,
                "sha256": hex(&n.sha256),
                "created_at": rfc3339(n.created_at),
                "text": path,
            }));
            files.push((path, n.body.clone().into_bytes()));
        }
        files.insert(1, ("consent/notices.json".into(), pretty(&Value::Array(listed))));
        Ok(files)
    }

    async fn request_files(&self, s: &Scope) -> Result<Files> {
        let mut rows = Vec::new();
        let mut list = Vec::new();
        for d in self.store.evidence_requests(s.start_ms(), s.end_ms()).await? {
            let months = d.extension_months.clamp(0, 2) as u8;
            let due = due_at(d.received_at, &d.changes, months, s.as_of);
            let last = d.changes.last();
            // Registered after the moment (a back-dated request): received then.
            let status = last.map(|(_, st)| st.as_str()).unwrap_or("received").to_owned();
            let completed = last.filter(|(_, st)| st.is_final()).map(|(at, _)| *at);
            let outcome = completed.and(d.outcome.clone()).unwrap_or_default();
            let person = self.subject_pseudonym(d.subject.0);
            let row = vec![
                d.id.to_string(),
                person.clone(),
                d.kind.clone(),
                d.channel.clone(),
                rfc3339(d.received_at),
                rfc3339(due),
                months.to_string(),
                completed.map(rfc3339).unwrap_or_default(),
                status.clone(),
                d.verified.clone(),
                outcome.clone(),
            ];
            list.push(json!({
                "id": d.id, "person": person, "kind": d.kind, "channel": d.channel,
                "received_at": rfc3339(d.received_at), "due_at": rfc3339(due),
                "extended_months": months, "completed_at": completed.map(rfc3339),
                "status": status, "verified": d.verified, "outcome": outcome,
                "overdue": completed.map_or(due < s.as_of, |c| c > due),
            }));
            rows.push(row);
        }
        let header = [
            "Request",
            "Person (pseudonym)",
            "Right",
            "Channel",
            "Received",
            "Due",
            "Extended (months)",
            "Completed",
            "Status",
            "Identity",
            "Outcome",
        ];
        Ok(vec![
            ("requests/requests.csv".into(), csv_of(&header, &rows)),
            ("requests/requests.json".into(), pretty(&Value::Array(list))),
        ])
    }

    async fn breach_files(&self, s: &Scope) -> Result<Files> {
        let (from, to) = (s.start_ms(), s.end_ms());
        let mut list = Vec::new();
        let mut files: Files = Vec::new();
        for b in self.store.evidence_breaches(s.as_of_ms()).await? {
            let when = kith_store::to_ms(b.aware_at.unwrap_or(b.created_at));
            if when < from || when > to {
                continue;
            }
            let notices: Vec<Value> = b
                .notices
                .iter()
                .map(|n| {
                    let path = format!("breaches/notices/{}.json", n.id);
                    files.push((path.clone(), n.body.clone().into_bytes()));
                    json!({
                        "id": n.id, "audience": n.audience, "kind": n.kind, "follows": n.follows,
                        "authority": n.authority, "content_sha256": n.content_hash, "body": path,
                        "sent_at": n.sent_at.map(rfc3339), "delay_reason": n.delay_reason,
                        "created_at": rfc3339(n.created_at), "people_mailed": n.people,
                    })
                })
                .collect();
            let history: Vec<Value> = b
                .history
                .iter()
                .map(|h| {
                    json!({"seq": h.seq, "at": rfc3339(h.at), "actor": self.actor_pseudonym(&h.actor),
                           "change": h.change, "detail": parsed(&h.detail)})
                })
                .collect();
            let queries: Vec<Value> = b
                .queries
                .iter()
                .map(|(people, breakdown, hash, at)| {
                    json!({"people": people, "breakdown": parsed(breakdown), "result_sha256": hash, "frozen_at": rfc3339(*at)})
                })
                .collect();
            list.push(json!({
                "id": b.id, "reference": b.reference, "title": b.title, "status": b.status,
                "detected_at": b.detected_at.map(rfc3339), "aware_at": b.aware_at.map(rfc3339),
                "authority_deadline": b.aware_at.map(|a| rfc3339(a + time::Duration::hours(72))),
                "aware_evidence": b.aware_evidence, "closed_at": b.closed_at.map(rfc3339),
                "created_at": rfc3339(b.created_at), "updated_at": rfc3339(b.updated_at),
                "record": parsed(&b.body), "people_affected": b.affected, "affected_queries": queries,
                "history": history, "notices": notices,
            }));
        }
        files.insert(0, ("breaches/breaches.json".into(), pretty(&Value::Array(list))));
        Ok(files)
    }

    async fn retention_files(&self, s: &Scope) -> Result<Files> {
        let runs: Vec<Value> = self
            .store
            .evidence_retention_runs(s.start_ms(), s.end_ms())
            .await?
            .into_iter()
            .map(|r| {
                json!({
                    "id": r.id, "dry_run": r.dry_run, "started_by": self.actor_pseudonym(&r.started_by),
                    "started_at": rfc3339(r.started_at), "finished_at": r.finished_at.map(rfc3339),
                    "contacts_checked": r.checked, "report": parsed(&r.report),
                })
            })
            .collect();
        Ok(vec![("retention/runs.json".into(), pretty(&Value::Array(runs)))])
    }
}
