//! Mail templates and automatic consent request rules on SQLite and
//! PostgreSQL: create, change, list, delete (refused while a rule uses
//! it), unique names, the audit trail, the rule's scan window, and the
//! language of a person from their latest consent event.

use crate::engines::{ctx, on_both};
use crate::fixtures::{input, person};
use kith_domain::consent::BasisSource;
use kith_domain::template::{TemplateKind, TemplateText};
use kith_domain::{Channel, ConsentAction, ConsentMethod, LawfulBasis, Provenance, PurposeId, SourceKind, SubjectId};
use kith_store::auto_requests::AutoRuleInput;
use kith_store::consent::{BasisRecord, ConsentWrite, NewConsentEvent};
use kith_store::purposes::PurposeInput;
use kith_store::templates::Template;
use kith_store::{Store, StoreError};
use time::{Duration, OffsetDateTime};
use uuid::Uuid;

fn text(lang: &str, subject: &str, body: &str) -> TemplateText {
    TemplateText { language: lang.into(), subject: subject.into(), body: body.into() }
}

fn template(name: &str, kind: TemplateKind) -> Template {
    let now = OffsetDateTime::now_utc();
    Template {
        id: Uuid::now_v7(),
        name: name.into(),
        kind,
        texts: vec![
            text("it", "Ciao {{first_name}}", "Conferma: {{confirm_url}}"),
            text("en", "Hello {{first_name}}", "Confirm: {{confirm_url}}"),
        ],
        created_by: None,
        created_at: now,
        updated_at: now,
    }
}

async fn purpose(s: &Store) -> PurposeId {
    let p = PurposeInput {
        id: PurposeId::new(),
        name: "Newsletter".into(),
        description: "news".into(),
        default_basis: LawfulBasis::Consent,
        data_categories: vec![],
        retention: String::new(),
        rule: None,
        recipients: String::new(),
        direct_marketing: true,
    };
    s.insert_purpose(&ctx(), &p).await.unwrap();
    p.id
}

#[tokio::test]
async fn templates_are_stored_changed_listed_and_deleted_on_both_engines() {
    on_both(|s, _| async move {
        let t = template("Welcome", TemplateKind::ConsentRequest);
        s.insert_template(&ctx(), &t).await.unwrap();
        let got = s.template(t.id).await.unwrap().unwrap();
        assert_eq!(got.name, "Welcome");
        assert_eq!(got.kind, TemplateKind::ConsentRequest);
        // English first, then the other languages.
        assert_eq!(got.texts.iter().map(|x| x.language.as_str()).collect::<Vec<_>>(), ["en", "it"]);
        assert_eq!(got.texts[1].subject, "Ciao {{first_name}}");

        let dup = template("Welcome", TemplateKind::Newsletter);
        assert!(matches!(s.insert_template(&ctx(), &dup).await, Err(StoreError::Conflict("name"))));

        let other = template("Autumn news", TemplateKind::Newsletter);
        s.insert_template(&ctx(), &other).await.unwrap();
        let changed = Template {
            name: "Welcome (v2)".into(),
            texts: vec![text("de", "Hallo", "Bestätigen: {{confirm_url}}")],
            ..got.clone()
        };
        s.update_template(&ctx(), &changed).await.unwrap();
        let got = s.template(t.id).await.unwrap().unwrap();
        assert_eq!(got.name, "Welcome (v2)");
        assert_eq!(got.texts, vec![text("de", "Hallo", "Bestätigen: {{confirm_url}}")]);
        assert!(got.updated_at >= got.created_at);
        let renamed_clash = Template { name: "Autumn news".into(), ..changed.clone() };
        assert!(matches!(s.update_template(&ctx(), &renamed_clash).await, Err(StoreError::Conflict("name"))));

        let names: Vec<String> = s.templates().await.unwrap().into_iter().map(|t| t.name).collect();
        assert_eq!(names, ["Autumn news", "Welcome (v2)"]);

        // A rule using it: no deleting it, no making it another kind.
        let p = purpose(&s).await;
        let notice = s.insert_notice(&ctx(), "Privacy", "en", None, "text").await.unwrap();
        let rule =
            AutoRuleInput { purpose: p, template: t.id, notice: notice.id, wait_days: 14, enabled: true, by: None };
        s.save_auto_rule(&ctx(), &rule).await.unwrap();
        assert!(matches!(s.delete_template(&ctx(), t.id).await, Err(StoreError::Conflict(_))));
        let to_newsletter = Template { kind: TemplateKind::Newsletter, ..changed.clone() };
        assert!(matches!(s.update_template(&ctx(), &to_newsletter).await, Err(StoreError::Conflict(_))));
        // A newsletter template cannot serve a rule.
        let wrong = AutoRuleInput { template: other.id, ..rule.clone() };
        assert!(matches!(s.save_auto_rule(&ctx(), &wrong).await, Err(StoreError::Conflict(_))));
        let missing = AutoRuleInput { template: Uuid::now_v7(), ..rule.clone() };
        assert!(matches!(s.save_auto_rule(&ctx(), &missing).await, Err(StoreError::MissingRef("template_id"))));

        s.delete_template(&ctx(), other.id).await.unwrap();
        assert!(s.template(other.id).await.unwrap().is_none());
        assert!(matches!(s.delete_template(&ctx(), other.id).await, Err(StoreError::NotFound)));
        assert!(matches!(s.update_template(&ctx(), &other).await, Err(StoreError::NotFound)));

        let actions: Vec<String> = s
            .audit_entries(&kith_store::audit::AuditQuery { subject: None, actor: None, after: None, limit: 500 })
            .await
            .unwrap()
            .into_iter()
            .map(|e| e.action)
            .collect();
        for a in ["template.create", "template.update", "template.delete", "consent_auto_rule.save"] {
            assert!(actions.iter().any(|x| x == a), "{a} audited: {actions:?}");
        }
    })
    .await;
}

#[tokio::test]
async fn auto_rules_scan_new_contacts_without_a_basis_on_both_engines() {
    on_both(|s, _| async move {
        let p = purpose(&s).await;
        let notice = s.insert_notice(&ctx(), "Privacy", "it", None, "testo").await.unwrap();
        let t = template("Ask", TemplateKind::ConsentRequest);
        s.insert_template(&ctx(), &t).await.unwrap();
        let before = input(person("Old", "Contact", "old@example.com", "+39 02 1234 5678"));
        s.insert_contacts(&ctx(), std::slice::from_ref(&before), None).await.unwrap();
        tokio::time::sleep(std::time::Duration::from_millis(5)).await;

        let rule =
            AutoRuleInput { purpose: p, template: t.id, notice: notice.id, wait_days: 10, enabled: true, by: None };
        s.save_auto_rule(&ctx(), &rule).await.unwrap();
        let saved = s.auto_rule(p).await.unwrap().unwrap();
        assert!(saved.enabled);
        assert_eq!(s.enabled_auto_rules().await.unwrap().len(), 1);
        tokio::time::sleep(std::time::Duration::from_millis(5)).await;

        let source = |kind| Provenance {
            kind,
            reference: None,
            detail: None,
            user: None,
            at: OffsetDateTime::now_utc(),
            created_in_source: None,
        };
        let mut manual = input(person("Mario", "Rossi", "mario@example.it", "+39 02 1111 2222"));
        manual.source = Some(source(SourceKind::Manual));
        let mut imported = input(person("Anna", "Bianchi", "anna@example.it", "+39 02 3333 4444"));
        imported.source = Some(source(SourceKind::Import));
        let mut web = input(person("Web", "Form", "web@example.it", "+39 02 5555 6666"));
        web.source = Some(source(SourceKind::WebForm));
        let mut based = input(person("Has", "Basis", "based@example.it", "+39 02 7777 8888"));
        based.source = Some(source(SourceKind::Manual));
        s.insert_contacts(&ctx(), &[manual.clone(), imported.clone(), web.clone(), based.clone()], None).await.unwrap();
        let now = OffsetDateTime::now_utc();
        let b = BasisRecord {
            purpose: p,
            basis: LawfulBasis::Contract,
            source: BasisSource::Manual,
            source_name: None,
            lia_ref: None,
            effective_at: now,
            ends_at: None,
            set_by: None,
            set_at: now,
        };
        s.set_bases(&ctx(), &[based.id], &b).await.unwrap();

        let to = now + Duration::seconds(1);
        let found = s.auto_request_candidates(p, (saved.scanned_to, None), to, 10).await.unwrap();
        let mut ids: Vec<SubjectId> = found.iter().map(|(id, _)| *id).collect();
        ids.sort();
        let mut want = vec![manual.id, imported.id];
        want.sort();
        assert_eq!(ids, want, "staff-entered and imported contacts without a basis, created since the rule");
        // Paging: after the first, the second.
        let one = s.auto_request_candidates(p, (saved.scanned_to, None), to, 1).await.unwrap();
        let rest = s.auto_request_candidates(p, (one[0].1, Some(one[0].0)), to, 10).await.unwrap();
        assert_eq!(rest.len(), 1);
        assert_ne!(rest[0].0, one[0].0);

        // The scan moves forward, never back, and only from where it was.
        s.advance_auto_rule(p, saved.scanned_to, to).await.unwrap();
        let moved = s.auto_rule(p).await.unwrap().unwrap();
        assert_eq!(kith_store::to_ms(moved.scanned_to), kith_store::to_ms(to));
        s.advance_auto_rule(p, saved.scanned_to, now).await.unwrap();
        assert_eq!(s.auto_rule(p).await.unwrap().unwrap().scanned_to, moved.scanned_to);

        // Saving it again while on keeps the position; off and on restarts it.
        s.save_auto_rule(&ctx(), &AutoRuleInput { wait_days: 20, ..rule.clone() }).await.unwrap();
        assert_eq!(s.auto_rule(p).await.unwrap().unwrap().scanned_to, moved.scanned_to);
        s.save_auto_rule(&ctx(), &AutoRuleInput { enabled: false, ..rule.clone() }).await.unwrap();
        assert!(s.enabled_auto_rules().await.unwrap().is_empty());
        s.save_auto_rule(&ctx(), &rule).await.unwrap();
        assert!(s.auto_rule(p).await.unwrap().unwrap().scanned_to > saved.scanned_to);
    })
    .await;
}

#[tokio::test]
async fn a_persons_language_is_that_of_their_latest_consent_event_on_both_engines() {
    on_both(|s, _| async move {
        let p = purpose(&s).await;
        let en = s.insert_notice(&ctx(), "Privacy EN", "en", None, "text").await.unwrap();
        let it = s.insert_notice(&ctx(), "Privacy IT", "it", None, "testo").await.unwrap();
        let a = input(person("Lucia", "Verdi", "lucia@example.it", "+39 02 1212 3434"));
        let b = input(person("Tom", "Smith", "tom@example.com", "+44 20 7946 0000"));
        let none = input(person("No", "Events", "none@example.com", "+44 20 7946 0001"));
        s.insert_contacts(&ctx(), &[a.clone(), b.clone(), none.clone()], None).await.unwrap();
        let ev = |who: SubjectId, notice: Uuid, secs: i64| NewConsentEvent {
            id: Uuid::now_v7(),
            subject: who,
            purpose: p,
            action: ConsentAction::Given,
            channels: vec![Channel::Email],
            method: ConsentMethod::Api,
            at: OffsetDateTime::now_utc() + Duration::seconds(secs),
            until: None,
            notice: Some(notice),
            form: None,
            actor_user: None,
            gpc: false,
            request: None,
            proof: Default::default(),
        };
        let w = ConsentWrite {
            events: vec![ev(a.id, en.id, 0), ev(a.id, it.id, 1), ev(b.id, en.id, 0)],
            ..Default::default()
        };
        s.write_consent(&ctx(), w).await.unwrap();
        let langs = s.languages_of(&[a.id, b.id, none.id]).await.unwrap();
        assert_eq!(langs.get(&a.id).map(String::as_str), Some("it"));
        assert_eq!(langs.get(&b.id).map(String::as_str), Some("en"));
        assert!(!langs.contains_key(&none.id));
        // A language chosen later (staff) wins over the consent event's;
        // an import's only fills a gap.
        s.set_contact_languages(&ctx(), &[(a.id, "bg".into())], "staff").await.unwrap();
        s.set_contact_languages(&ctx(), &[(b.id, "de".into()), (none.id, "fr".into())], "import").await.unwrap();
        let langs = s.languages_of(&[a.id, b.id, none.id]).await.unwrap();
        assert_eq!(langs.get(&a.id).map(String::as_str), Some("bg"));
        assert_eq!(langs.get(&b.id).map(String::as_str), Some("en"));
        assert_eq!(langs.get(&none.id).map(String::as_str), Some("fr"));
    })
    .await;
}
