//! Access and portability exports (Art. 15 and 20): everything Kith holds
//! about one person, in one JSON document of a published, versioned shape
//! (`docs/access-export.schema.json`), and the contact details as vCard 4.0.

use crate::{App, AppError, Principal, Result};
use kith_store::audit::{AuditQuery, NewEntry};
use kith_store::deals::DealFilter;
pub use kith_store::exports::ExportFile;
use serde_json::{json, Value};
use time::OffsetDateTime;

/// The export format's identifier; bump on any incompatible change.
pub const FORMAT: &str = "kith-access-export/1";

fn ts(t: OffsetDateTime) -> String {
    crate::receipts::rfc3339(t)
}

impl App {
    /// Everything about `subject` (admin, dpo; audited as an export).
    /// `portability` keeps only what the person provided and what was
    /// observed about them (no staff notes on the decisions, no audit).
    pub async fn access_export(
        &self,
        p: &Principal,
        subject: kith_domain::SubjectId,
        portability: bool,
    ) -> Result<Value> {
        p.require(p.role.can_manage_privacy(), "export a person's data")?;
        let doc = self.export_document(subject, portability).await?;
        self.store.audit(&p.ctx(), &[NewEntry::subject("contact.export", subject)]).await?;
        Ok(doc)
    }

    /// The export document itself; callers check who asks and audit it.
    pub(crate) async fn export_document(&self, subject: kith_domain::SubjectId, portability: bool) -> Result<Value> {
        let c = self.store.get_contact(subject).await?.ok_or(AppError::NotFound("contact"))?;
        let mut interactions = Vec::new();
        let mut before = None;
        loop {
            let page = self.store.list_interactions(subject, before, 500).await?;
            let done = page.len() < 500;
            before = page.last().map(|i| (kith_store::to_ms(i.occurred_at), i.id.0));
            interactions.extend(page);
            if done {
                break;
            }
        }
        let mut deals = Vec::new();
        let mut after = None;
        loop {
            let f = DealFilter { contact: Some(subject), ..Default::default() };
            let page = self.store.list_deals(&f, after, 200).await?;
            let done = page.len() < 200;
            after = page.last().map(|d| d.id.0);
            deals.extend(page);
            if done {
                break;
            }
        }
        let company = match c.company {
            Some(id) => self.store.get_company(id).await?.map(|co| co.name),
            None => None,
        };
        let purposes = self.store.purposes().await?;
        let recipients = self.store.recipients().await?;
        let bases = self.store.bases_of(subject).await?;
        let events = self.store.consent_events(subject).await?;
        let standing = self.standing(subject, OffsetDateTime::now_utc()).await?;
        let requests = self.store.dsrs_of(subject).await?;
        let mut request_docs = Vec::new();
        for d in &requests {
            let steps = self.store.dsr_steps(d).await?;
            request_docs.push(json!({
                "id": d.id,
                "kind": d.kind.as_str(),
                "channel": d.channel.as_str(),
                "received_at": ts(d.received_at),
                "status": d.status.as_str(),
                "outcome": d.outcome,
                "steps": steps.iter().map(|s| json!({
                    "at": ts(s.at),
                    "action": s.action,
                    "status": s.status.map(|x| x.as_str()),
                    "note": if portability { None } else { s.note.clone() },
                })).collect::<Vec<_>>(),
            }));
        }
        let name_of = |id: kith_domain::PurposeId| purposes.iter().find(|x| x.id == id).map(|x| x.name.clone());
        let mut doc = json!({
            "format": FORMAT,
            "generated_at": ts(OffsetDateTime::now_utc()),
            "kind": if portability { "portability" } else { "access" },
            "controller": {
                "name": self.settings.controller.name,
                "email": self.settings.controller.email,
                "address": self.settings.controller.address,
            },
            "subject_id": subject.0,
            "contact": {
                "data": c.data,
                "company": company,
                "tags": c.tags,
                "created_at": ts(c.created_at),
                "updated_at": ts(c.updated_at),
                "source": c.source.as_ref().map(|s| json!({
                    "kind": s.kind.as_str(),
                    "description": s.describe(),
                    "reference": s.reference,
                    "detail": s.detail,
                    "at": ts(s.at),
                })),
            },
            "interactions": interactions.iter().map(|i| json!({
                "id": i.id.0,
                "kind": i.kind.as_str(),
                "occurred_at": ts(i.occurred_at),
                "body": i.body,
            })).collect::<Vec<_>>(),
            "deals": deals.iter().map(|d| json!({
                "id": d.id.0,
                "title": d.title,
                "stage": d.stage,
                "amount_minor": d.amount_minor,
                "currency": d.currency,
                "created_at": ts(d.created_at),
            })).collect::<Vec<_>>(),
            "lawful_bases": bases.iter().map(|b| json!({
                "purpose": name_of(b.purpose),
                "basis": b.basis.as_str(),
                "source": b.source.as_str(),
                "source_name": b.source_name,
                "legitimate_interest_assessment": b.lia_ref,
                "effective_at": ts(b.effective_at),
            })).collect::<Vec<_>>(),
            "consent_events": events.iter().map(|e| json!({
                "seq": e.seq,
                "id": e.id,
                "purpose": name_of(e.purpose),
                "action": e.action.as_str(),
                "channels": e.channels.iter().map(|c| c.as_str()).collect::<Vec<_>>(),
                "method": e.method.as_str(),
                "at": ts(e.at),
                "until": e.until.map(ts),
                "notice_id": e.notice,
                "global_privacy_control": e.gpc,
                "proof": e.proof.as_ref().map(|p| json!({
                    "affirmative_act": p.affirmative_act,
                    "evidence_ref": p.evidence_ref,
                    "third_parties": p.third_parties,
                    "ip": p.ip,
                    "user_agent": p.user_agent,
                })),
            })).collect::<Vec<_>>(),
            "permissions": standing.iter().map(|s| json!({
                "purpose": s.purpose.name,
                "channels": s.channels.iter().map(|(ch, st, d)| json!({
                    "channel": ch.as_str(), "consent": st.as_str(), "may_contact": d.allowed, "reason": d.explain(),
                })).collect::<Vec<_>>(),
            })).collect::<Vec<_>>(),
            "restricted_since": self.store.restricted_since(subject).await?.map(ts),
            "objections": self.store.objections_of(subject).await?.iter().map(|o| json!({
                "purpose": name_of(o.purpose), "at": ts(o.at), "decision": o.decision.as_str(),
            })).collect::<Vec<_>>(),
            "requests": request_docs,
        });
        if !portability {
            // Art. 15(1): purposes, categories, recipients, retention, source.
            doc["information"] = json!({
                "purposes": purposes.iter().map(|p| json!({
                    "name": p.name,
                    "description": p.description,
                    "default_basis": p.default_basis.as_str(),
                    "data_categories": p.data_categories,
                    "recipients": crate::registers::recipients_in_words(p, &recipients),
                    "retention": p.retention,
                })).collect::<Vec<_>>(),
                "source": "collected by the controller from you or recorded by its staff; each consent event states how it was collected",
                "automated_decisions": "none: Kith makes no automated decisions",
            });
            let audit = self
                .store
                .audit_entries(&AuditQuery { subject: Some(subject), actor: None, after: None, limit: 10_000 })
                .await?;
            doc["access_log"] = json!(audit
                .iter()
                .map(|a| json!({
                    "at": ts(a.at), "actor": a.actor, "action": a.action,
                }))
                .collect::<Vec<_>>());
        }
        Ok(doc)
    }

    /// The contact details as a vCard 4.0 (RFC 6350) (admin, dpo; audited).
    pub async fn vcard(&self, p: &Principal, subject: kith_domain::SubjectId) -> Result<String> {
        p.require(p.role.can_manage_privacy(), "export a person's data")?;
        let v = self.vcard_text(subject).await?;
        self.store.audit(&p.ctx(), &[NewEntry::subject("contact.export", subject)]).await?;
        Ok(v)
    }

    async fn vcard_text(&self, subject: kith_domain::SubjectId) -> Result<String> {
        let c = self.store.get_contact(subject).await?.ok_or(AppError::NotFound("contact"))?;
        let esc = |s: &str| {
            s.replace('\\', "\\\\").replace(',', "\\,").replace(';', "\\;").replace('\n', "\\n").replace('\r', "")
        };
        let d = &c.data;
        let first = d.first_name.as_deref().unwrap_or("");
        let last = d.last_name.as_deref().unwrap_or("");
        let full = format!("{first} {last}").trim().to_owned();
        let mut v = String::from("BEGIN:VCARD\r\nVERSION:4.0\r\n");
        v.push_str(&format!(
            "FN:{}\r\nN:{};{};;;\r\n",
            esc(if full.is_empty() { "-" } else { &full }),
            esc(last),
            esc(first)
        ));
        for e in &d.emails {
            v.push_str(&format!("EMAIL:{}\r\n", esc(e.as_str())));
        }
        for ph in &d.phones {
            v.push_str(&format!("TEL;VALUE=uri:tel:{}\r\n", ph.as_str().replace(' ', "")));
        }
        if let Some(a) = &d.address {
            let f = |o: &Option<String>| esc(o.as_deref().unwrap_or(""));
            v.push_str(&format!(
                "ADR:;;{};{};{};{};{}\r\n",
                f(&a.street),
                f(&a.city),
                f(&a.region),
                f(&a.postal_code),
                f(&a.country)
            ));
        }
        if let Some(t) = &d.job_title {
            v.push_str(&format!("TITLE:{}\r\n", esc(t)));
        }
        v.push_str(&format!("UID:urn:uuid:{}\r\nEND:VCARD\r\n", subject.0));
        Ok(v)
    }
}

/// The file formats of a prepared export.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportFormat {
    /// The JSON document of the published schema.
    Json,
    /// One CSV file per record type, zipped.
    Csv,
    /// The contact details as vCard 4.0.
    Vcard,
}

impl ExportFormat {
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "json" => Some(Self::Json),
            "csv" => Some(Self::Csv),
            "vcard" => Some(Self::Vcard),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Json => "json",
            Self::Csv => "csv",
            Self::Vcard => "vcard",
        }
    }

    /// Media type and file name of a download.
    pub fn media(format: &str) -> (&'static str, &'static str) {
        match format {
            "csv" => ("application/zip", "kith-export.zip"),
            "vcard" => ("text/vcard; charset=utf-8", "kith-contact.vcf"),
            _ => ("application/json", "kith-export.json"),
        }
    }
}

/// A value made safe for spreadsheets: one starting with `=`, `+`, `-`,
/// `@`, a tab or a carriage return is prefixed with `'` so it is never
/// taken for a formula (CSV injection).
pub fn neutralise_formula(v: &str) -> std::borrow::Cow<'_, str> {
    match v.as_bytes().first() {
        Some(b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r') => format!("'{v}").into(),
        _ => v.into(),
    }
}

fn cell(v: &Value) -> String {
    let s = match v {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        Value::Bool(_) | Value::Number(_) => v.to_string(),
        Value::Array(_) | Value::Object(_) => v.to_string(),
    };
    neutralise_formula(&s).into_owned()
}

/// Rows of `(column, value)` for one record: nested objects are flattened
/// with dotted names, arrays of plain values joined with "; ".
fn flatten(prefix: &str, v: &Value, out: &mut Vec<(String, String)>) {
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                let name = if prefix.is_empty() { k.clone() } else { format!("{prefix}.{k}") };
                flatten(&name, x, out);
            }
        }
        Value::Array(a) if a.iter().all(|x| !x.is_object() && !x.is_array()) => {
            let joined = a.iter().map(|x| x.as_str().map(str::to_owned).unwrap_or_else(|| x.to_string()));
            out.push((prefix.to_owned(), neutralise_formula(&joined.collect::<Vec<_>>().join("; ")).into_owned()));
        }
        _ => out.push((prefix.to_owned(), cell(v))),
    }
}

fn csv_bytes(records: &[Vec<(String, String)>]) -> std::result::Result<Vec<u8>, csv::Error> {
    let mut columns: Vec<String> = Vec::new();
    for r in records {
        for (k, _) in r {
            if !columns.contains(k) {
                columns.push(k.clone());
            }
        }
    }
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(&columns)?;
    for r in records {
        w.write_record(columns.iter().map(|c| r.iter().find(|(k, _)| k == c).map(|(_, v)| v.as_str()).unwrap_or("")))?;
    }
    w.into_inner().map_err(|e| csv::Error::from(e.into_error()))
}

/// The export document as a zip of CSV files: one per list of records
/// (interactions, deals, consent events…), one for each single record
/// (contact, controller, information), with the same names and values as
/// the JSON.
pub fn csv_zip(doc: &Value) -> std::io::Result<Vec<u8>> {
    use std::io::Write;
    let Value::Object(top) = doc else { return Err(std::io::Error::other("the export is not an object")) };
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    let mut scalars = Vec::new();
    for (name, v) in top {
        let records: Vec<Vec<(String, String)>> = match v {
            Value::Array(a) => a
                .iter()
                .map(|x| {
                    let mut r = Vec::new();
                    flatten("", x, &mut r);
                    r
                })
                .collect(),
            Value::Object(_) => {
                let mut r = Vec::new();
                flatten("", v, &mut r);
                vec![r]
            }
            _ => {
                scalars.push((name.clone(), cell(v)));
                continue;
            }
        };
        let bytes = csv_bytes(&records).map_err(std::io::Error::other)?;
        zip.start_file(format!("{name}.csv"), opts).map_err(std::io::Error::other)?;
        zip.write_all(&bytes)?;
    }
    let bytes = csv_bytes(&[scalars]).map_err(std::io::Error::other)?;
    zip.start_file("export.csv", opts).map_err(std::io::Error::other)?;
    zip.write_all(&bytes)?;
    Ok(zip.finish().map_err(std::io::Error::other)?.into_inner())
}

impl App {
    /// Prepares an export file for the person, sealed at rest, kept for
    /// the configured number of days (admin, dpo; audited).
    pub async fn prepare_export(
        &self,
        p: &Principal,
        subject: kith_domain::SubjectId,
        portability: bool,
        format: ExportFormat,
    ) -> Result<ExportFile> {
        p.require(p.role.can_manage_privacy(), "export a person's data")?;
        self.write_export(&p.ctx(), subject, portability, format).await
    }

    pub(crate) async fn write_export(
        &self,
        ctx: &kith_store::Ctx,
        subject: kith_domain::SubjectId,
        portability: bool,
        format: ExportFormat,
    ) -> Result<ExportFile> {
        let bytes = match format {
            ExportFormat::Json => {
                let doc = self.export_document(subject, portability).await?;
                serde_json::to_vec_pretty(&doc)
                    .map_err(|_| AppError::Conflict("the export could not be written".into()))?
            }
            ExportFormat::Csv => {
                let doc = self.export_document(subject, portability).await?;
                csv_zip(&doc).map_err(|_| AppError::Conflict("the export could not be written".into()))?
            }
            ExportFormat::Vcard => self.vcard_text(subject).await?.into_bytes(),
        };
        let now = OffsetDateTime::now_utc();
        let f = ExportFile {
            id: uuid::Uuid::now_v7(),
            subject,
            kind: if portability { "portability" } else { "access" }.into(),
            format: format.as_str().into(),
            created_at: now,
            expires_at: now + time::Duration::days(self.settings.export_days),
            size: bytes.len() as i64,
        };
        self.store.insert_export(ctx, &f, &bytes).await?;
        Ok(f)
    }

    /// The person's prepared exports that have not expired (admin, dpo).
    pub async fn exports_of(&self, p: &Principal, subject: kith_domain::SubjectId) -> Result<Vec<ExportFile>> {
        p.require(p.role.can_manage_privacy(), "export a person's data")?;
        Ok(self.store.exports_of(subject).await?)
    }

    /// A prepared export and its bytes (admin, dpo; the download is audited).
    pub async fn download_export(&self, p: &Principal, id: uuid::Uuid) -> Result<(ExportFile, Vec<u8>)> {
        p.require(p.role.can_manage_privacy(), "export a person's data")?;
        self.store.open_export(&p.ctx(), id).await?.ok_or(AppError::NotFound("export"))
    }

    /// Deletes expired exports (the server runs this hourly).
    pub async fn purge_expired_exports(&self) -> Result<usize> {
        let ctx = kith_store::Ctx { actor: "system".into(), request_id: uuid::Uuid::now_v7().to_string(), token: None };
        let mut total = 0;
        loop {
            let n = self.store.purge_expired_exports(&ctx).await?;
            total += n;
            if n < 1000 {
                return Ok(total);
            }
        }
    }
}
