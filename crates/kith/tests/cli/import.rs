//! `kith import contacts` through the real binary on a messy file: a BOM,
//! `;` separators, CRLF, a quoted newline, blank lines, a bad address, a
//! duplicate within the file, a Google-style multi-address cell. A dry run
//! writes nothing; a real run creates what it reported, with provenance
//! and the chosen basis; a second run skips what is already there; a
//! later file updates the contacts its addresses match; an interrupted
//! import resumes after a line.

use crate::run::{kith, temp_dir};
use kith_domain::Email;
use kith_store::{Store, Vault};
use std::path::Path;

const MESSY: &[u8] = b"\xef\xbb\xbfFirst Name;Last Name;E-mail 1 - Value;Phone 1 - Value;Job Title;Lead Score\r\n\
Giulia;Bianchi;giulia.bianchi@example.it;+39 02 5550 1111;\"Buyer; EMEA\";7\r\n\
\r\n\
Marco;Rossi;marco.rossi@example.it;;;\"3\nhigh\"\r\n\
Bad;Email;not-an-email;;;1\r\n\
Dup;Licate;giulia.bianchi@EXAMPLE.it;;;2\r\n\
Anna;Neri;anna.neri@example.it ::: a.neri@example.it;;=cmd();9";

/// Runs `kith ARGS`: whether it succeeded, and its output and errors.
fn kith_text(dir: &Path, args: &[&str]) -> (bool, String) {
    let out = kith(dir, &[], args);
    let text = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    (out.status.success(), text)
}

async fn store(dir: &Path) -> Store {
    let vault = Vault::load_or_create(&dir.join("master.key")).unwrap();
    Store::connect(&format!("sqlite:{}", dir.join("kith.db").display()), vault).await.unwrap()
}

#[tokio::test]
async fn a_messy_file_is_imported_as_its_dry_run_said() {
    let dir = temp_dir("import");
    let file = dir.join("crm-export.csv");
    std::fs::write(&file, MESSY).unwrap();
    let f = file.to_str().unwrap();
    let (ok, out) = kith_text(
        &dir,
        &["purpose", "add", "--name", "Customer care", "--description", "Support", "--default-basis", "contract"],
    );
    assert!(ok, "{out}");

    // Consent is never imported without its proof.
    let (ok, out) = kith_text(&dir, &["import", "contacts", f, "--purpose", "Customer care", "--basis", "consent"]);
    assert!(!ok && out.contains("imported consent must name the notice the people saw"), "{out}");

    let report = dir.join("report.csv");
    let (ok, out) = kith_text(&dir, &["import", "contacts", f, "--dry-run", "--report", report.to_str().unwrap()]);
    assert!(ok, "{out}");
    assert!(out.contains("3 would be created, 0 would be updated, 0 skipped, 2 rejected"), "{out}");
    assert!(out.contains("line 6: rejected: an email address is not valid"), "{out}");
    assert!(out.contains("line 7: rejected: the same email address is on an earlier line of the file"), "{out}");
    assert!(out.contains("Lead Score") && out.contains("(ignored)"), "{out}");
    let lines = std::fs::read_to_string(&report).unwrap();
    assert_eq!(lines.lines().count(), 6, "{lines}");
    assert!(
        lines.contains("4,would create") && lines.contains("8,would create"),
        "lines of multi-line and last records: {lines}"
    );
    assert!(!lines.contains("example.it") && !out.contains("not-an-email"), "the report repeats no value");
    {
        let s = store(&dir).await;
        assert_eq!(s.count_contacts().await.unwrap(), 0, "a dry run writes nothing");
        s.close().await;
    }

    // Two rows per transaction: batches are checked while the one before is written.
    let (ok, out) = kith_text(
        &dir,
        &["import", "contacts", f, "--purpose", "Customer care", "--basis", "legitimate_interests", "--batch", "2"],
    );
    assert!(ok, "{out}");
    assert!(out.contains("3 created, 0 updated, 0 skipped, 2 rejected"), "{out}");
    assert!(out.contains("done up to line 8"), "{out}");
    {
        let s = store(&dir).await;
        let found = s.find_by_email(&Email::parse("marco.rossi@example.it").unwrap()).await.unwrap();
        assert_eq!(found.len(), 1);
        let c = &found[0];
        assert_eq!(c.data.last_name.as_deref(), Some("Rossi"));
        let src = c.source.as_ref().expect("provenance");
        assert_eq!(src.describe(), "Import: crm-export.csv, line 4");
        let bases = s.bases_of(c.id).await.unwrap();
        assert!(bases.iter().any(|b| b.basis == kith_domain::LawfulBasis::LegitimateInterests), "{bases:?}");
        let anna = s.find_by_email(&Email::parse("a.neri@example.it").unwrap()).await.unwrap();
        assert_eq!(anna.len(), 1);
        assert_eq!(anna[0].data.emails.len(), 2, "both addresses of a multi-address cell");
        assert_eq!(s.count_contacts().await.unwrap(), 3);
        s.close().await;
    }

    // Again: everything is there already with the same values; resuming after the last line does nothing.
    let (ok, out) = kith_text(&dir, &["import", "contacts", f]);
    assert!(ok && out.contains("0 created, 0 updated, 3 skipped, 2 rejected"), "{out}");
    assert!(out.contains("line 2: skipped: already in Kith with the same values"), "{out}");
    // A later file updates the contact its address matches: its values win, addresses are added.
    let update = dir.join("update.csv");
    std::fs::write(
        &update,
        "Email,Job Title,Phone
marco.rossi@EXAMPLE.IT,Head of sales,+39 06 5550 2222
",
    )
    .unwrap();
    let (ok, out) = kith_text(&dir, &["import", "contacts", update.to_str().unwrap(), "--dry-run"]);
    assert!(ok && out.contains("line 2: would update: job_title, phones"), "{out}");
    let (ok, out) = kith_text(&dir, &["import", "contacts", update.to_str().unwrap()]);
    assert!(ok && out.contains("0 created, 1 updated, 0 skipped, 0 rejected"), "{out}");
    {
        let s = store(&dir).await;
        let marco = s.find_by_email(&Email::parse("marco.rossi@example.it").unwrap()).await.unwrap();
        assert_eq!(marco[0].data.job_title.as_deref(), Some("Head of sales"));
        assert_eq!(marco[0].data.phones.len(), 1);
        assert_eq!(marco[0].data.last_name.as_deref(), Some("Rossi"), "fields the file leaves empty stay");
        s.close().await;
    }
    let (ok, out) = kith_text(&dir, &["import", "contacts", f, "--resume-after-line", "8"]);
    assert!(ok && out.contains("0 created, 0 updated, 0 skipped, 0 rejected"), "{out}");

    // An import interrupted after line 5 resumes with the lines after it only.
    let other = dir.join("resumed");
    std::fs::create_dir_all(&other).unwrap();
    let cut = MESSY.windows(8).position(|w| w == b"Bad;Emai").unwrap();
    let first_part = dir.join("first-part.csv");
    std::fs::write(&first_part, &MESSY[..cut]).unwrap();
    let (ok, out) = kith_text(&other, &["import", "contacts", first_part.to_str().unwrap()]);
    assert!(ok && out.contains("2 created, 0 updated, 0 skipped, 0 rejected"), "{out}");
    let (ok, out) = kith_text(&other, &["import", "contacts", f, "--resume-after-line", "5"]);
    assert!(ok, "{out}");
    assert!(out.contains("1 created, 0 updated, 0 skipped, 2 rejected"), "only lines 6 to 8: {out}");
    // Line 7 repeats Giulia's address from line 2: rejected, as in a run never interrupted.
    assert!(
        out.contains("line 7: rejected: the same email address is on an earlier line of the file")
            && out.contains("line 6: rejected"),
        "{out}"
    );
    // A file with no usable column is refused before anything is read.
    std::fs::write(&file, "Lead Score,Stage\n1,won\n").unwrap();
    let (ok, out) = kith_text(&dir, &["import", "contacts", f]);
    assert!(!ok && out.contains("no column holds a name, an email or a phone"), "{out}");
    std::fs::remove_dir_all(&dir).unwrap();
}

/// Consent comes from a file only with its proof: the notice chosen once,
/// and per row the original time and record. Rows without them are
/// rejected by name of the missing column; the others get a ledger event
/// (method `import`, at the original time) and consent as their basis, in
/// the same transaction as the contact; a row matching a contact in Kith
/// records the consent on it.
#[tokio::test]
async fn consent_is_imported_with_its_proof_or_not_at_all() {
    let dir = temp_dir("import-consent");
    let (ok, out) = kith_text(
        &dir,
        &["purpose", "add", "--name", "Newsletter", "--description", "Monthly news", "--default-basis", "consent"],
    );
    assert!(ok, "{out}");
    let notice = {
        let s = store(&dir).await;
        s.migrate().await.unwrap();
        let app = kith_app::App::new(s.clone());
        let n = app
            .create_notice(
                &kith_app::Principal::cli(),
                kith_app::purposes::NoticeFields {
                    name: "Old site newsletter box".into(),
                    language: "en".into(),
                    url: None,
                    body: "We send our news monthly; unsubscribe at any time.".into(),
                },
            )
            .await
            .unwrap();
        s.close().await;
        n.id.to_string()
    };
    let file = dir.join("optins.csv");
    std::fs::write(
        &file,
        "Email,First Name,Opt-in Date,Consent Ref,Consent Channels,Consent IP\n\
         livia.conti@example.it,Livia,2023-05-04 10:15,old-site#4411,email,192.0.2.10\n\
         piero.galli@example.it,Piero,,old-site#4412,email,\n\
         nadia.ferri@example.it,Nadia,04/05/2023,,email sms,\n\
         ugo.sala@example.it,Ugo,2023-05-06T08:00:00Z,old-site#4414,fax,\n\
         ada.riva@example.it,Ada,45050,old-site#4415,,\n",
    )
    .unwrap();
    let f = file.to_str().unwrap();
    let base = ["import", "contacts", f, "--purpose", "Newsletter", "--basis", "consent"];

    // Without the notice, or without saying what people did, nothing is read.
    let (ok, out) = kith_text(&dir, &base);
    assert!(!ok && out.contains("imported consent must name the notice"), "{out}");
    let with_notice: Vec<&str> = base.iter().copied().chain(["--notice", notice.as_str()]).collect();
    let (ok, out) = kith_text(&dir, &with_notice);
    assert!(!ok && out.contains("consent_act, or say once what the people did"), "{out}");
    // Consent columns without the consent basis are refused, not silently dropped.
    let (ok, out) = kith_text(&dir, &["import", "contacts", f, "--dry-run"]);
    assert!(!ok && out.contains("is part of a consent's proof"), "{out}");

    let full: Vec<&str> = with_notice
        .iter()
        .copied()
        .chain(["--consent-act", "ticked the unticked newsletter box", "--consent-channels", "email"])
        .collect();
    let dry: Vec<&str> = full.iter().copied().chain(["--dry-run"]).collect();
    let (ok, out) = kith_text(&dir, &dry);
    assert!(ok, "{out}");
    assert!(out.contains("2 would be created, 0 would be updated, 0 skipped, 3 rejected"), "{out}");
    assert!(out.contains("line 3: rejected: consent_at: imported consent must carry the original time"), "{out}");
    assert!(out.contains("line 4: rejected: consent_evidence: imported consent must carry"), "{out}");
    assert!(out.contains("line 5: rejected: consent_channels: name email, phone, sms or post"), "{out}");
    assert!(!out.contains("old-site#") && !out.contains("example.it"), "reasons repeat no value: {out}");

    let (ok, out) = kith_text(&dir, &full);
    assert!(ok && out.contains("2 created, 0 updated, 0 skipped, 3 rejected"), "{out}");
    {
        let s = store(&dir).await;
        let livia = &s.find_by_email(&Email::parse("livia.conti@example.it").unwrap()).await.unwrap()[0];
        let events = s.consent_events(livia.id).await.unwrap();
        assert_eq!(events.len(), 1, "{events:?}");
        let e = &events[0];
        assert_eq!(e.method, kith_domain::ConsentMethod::Import);
        assert_eq!(e.action, kith_domain::ConsentAction::Given);
        assert_eq!(e.at, time::macros::datetime!(2023-05-04 10:15 UTC), "the original time");
        assert_eq!(e.notice.map(|n| n.to_string()), Some(notice.clone()));
        let proof = e.proof.as_ref().expect("proof opened");
        assert_eq!(proof.evidence_ref.as_deref(), Some("old-site#4411"));
        assert_eq!(proof.affirmative_act.as_deref(), Some("ticked the unticked newsletter box"));
        assert_eq!(proof.ip.as_deref(), Some("192.0.2.10"));
        let bases = s.bases_of(livia.id).await.unwrap();
        assert!(
            bases.iter().any(|b| b.basis == kith_domain::LawfulBasis::Consent
                && b.source == kith_domain::consent::BasisSource::Import
                && b.source_name.as_deref().is_some_and(|n| n.starts_with("CSV import of "))),
            "{bases:?}"
        );
        // A spreadsheet serial day is the original date.
        let ada = &s.find_by_email(&Email::parse("ada.riva@example.it").unwrap()).await.unwrap()[0];
        let events = s.consent_events(ada.id).await.unwrap();
        assert_eq!(events[0].at.date(), time::macros::date!(2023 - 05 - 04));
        assert!(
            matches!(s.consent_verify().await.unwrap(), kith_store::audit::Verdict::Intact { .. }),
            "the ledger's chain holds"
        );
        s.close().await;
    }

    // A later file with Piero's proof: his row now creates him; Livia's row,
    // already in Kith with the same values, records the new consent on her.
    std::fs::write(
        &file,
        "Email,First Name,Consent At,Consent Evidence\n\
         livia.conti@example.it,Livia,2024-01-10 09:00,crm-2#1\n\
         piero.galli@example.it,Piero,2024-01-11 09:00,crm-2#2\n",
    )
    .unwrap();
    let (ok, out) = kith_text(&dir, &full);
    assert!(ok && out.contains("1 created, 1 updated, 0 skipped, 0 rejected"), "{out}");
    assert!(out.contains("line 2: updated: consent"), "{out}");
    // The same file again (an import repeated or resumed): no consent is recorded twice.
    let (ok, out) = kith_text(&dir, &full);
    assert!(ok && out.contains("0 created, 0 updated, 2 skipped, 0 rejected"), "{out}");
    {
        let s = store(&dir).await;
        let livia = &s.find_by_email(&Email::parse("livia.conti@example.it").unwrap()).await.unwrap()[0];
        assert_eq!(s.consent_events(livia.id).await.unwrap().len(), 2);
        s.close().await;
    }
    std::fs::remove_dir_all(&dir).unwrap();
}
