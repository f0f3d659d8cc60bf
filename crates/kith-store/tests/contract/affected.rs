//! The affected-people query of a breach on SQLite and PostgreSQL: the
//! clear facets written with every contact write (and their backfill), each
//! dimension of the query, and the freeze with the erasure afterwards.

use crate::engines::{ctx, on_both};
use kith_domain::breach_query::ACCESS_ACTIONS;
use kith_domain::consent::BasisSource;
use kith_domain::policy::{FieldCategory, FieldDef, FieldKind};
use kith_domain::{Address, Channel, ConsentAction, ConsentMethod, ContactData, LawfulBasis, PurposeId, SubjectId};
use kith_domain::{Provenance, SourceKind};
use kith_store::affected::{result_hash, Access, AffectedFilter};
use kith_store::audit::NewEntry;
use kith_store::consent::{BasisRecord, ConsentWrite, NewConsentEvent, SealedProof};
use kith_store::contacts::ContactInput;
use kith_store::purposes::PurposeInput;
use kith_store::{Ctx, Engine, Store, StoreError};
use time::OffsetDateTime;
use uuid::Uuid;

/// An id as a literal of the engine's id type, for the raw rows below.
fn lit(s: &Store, id: Uuid) -> String {
    match s.engine() {
        Engine::Sqlite => format!("X'{}'", id.simple()),
        Engine::Postgres => format!("'{id}'"),
    }
}

/// A minimal breach row, inserted directly: the breach register (part A of
/// issue 16) is built in parallel; once it lands, switch this to its store
/// function.
pub async fn raw_breach(s: &Store) -> Uuid {
    let id = Uuid::now_v7();
    let sql = format!(
        "INSERT INTO breaches (id, reference, title, body, status, created_at, updated_at) \
         VALUES ({}, 'BR-{}', 'Lost laptop', '{{}}', 'open', 0, 0)",
        lit(s, id),
        id.simple()
    );
    s.raw_execute(&sql).await.unwrap();
    id
}

fn data(first: &str, country: Option<&str>, job: bool) -> ContactData {
    ContactData {
        first_name: Some(first.into()),
        address: country.map(|c| Address { country: Some(c.into()), city: Some("X".into()), ..Address::default() }),
        job_title: job.then(|| "Buyer".into()),
        ..ContactData::default()
    }
}

async fn add(s: &Store, ctx: &Ctx, d: ContactData, source: Option<SourceKind>) -> SubjectId {
    let source = source.map(|kind| Provenance {
        kind,
        reference: None,
        detail: None,
        user: None,
        at: OffsetDateTime::now_utc(),
        created_in_source: None,
    });
    let c = ContactInput { id: SubjectId::new(), owner: None, company: None, tags: vec![], data: d, source };
    s.insert_contacts(ctx, std::slice::from_ref(&c), None).await.unwrap();
    c.id
}

/// The facets of one person as stored: the two columns of their row.
async fn facets(s: &Store, id: SubjectId) -> (Option<String>, String) {
    let (country, fields) = s.raw_facets(id).await.unwrap().expect("the contact is on record");
    (country, fields.expect("facets written"))
}

async fn people(s: &Store, f: AffectedFilter) -> Vec<SubjectId> {
    let mut v = s.affected_preview(&f, 1000).await.unwrap().first;
    v.sort_by_key(|x| x.0);
    v
}

fn sorted(mut v: Vec<SubjectId>) -> Vec<SubjectId> {
    v.sort_by_key(|x| x.0);
    v
}

#[tokio::test]
async fn facets_are_written_with_every_write_backfilled_and_erased_on_both_engines() {
    on_both(|s, _| async move {
        let a = add(&s, &ctx(), data("Ada", Some("Italy"), true), None).await;
        assert_eq!(facets(&s, a).await, (Some("IT".into()), ",address,first_name,job_title,".into()));
        // An update rewrites them.
        s.modify_contact(&ctx(), a, |c| {
            let mut d = c.data;
            d.address = Some(Address { country: Some("fr".into()), ..Address::default() });
            d.job_title = None;
            Ok::<_, StoreError>(ContactInput {
                id: c.id,
                owner: None,
                company: None,
                tags: vec![],
                data: d,
                source: None,
            })
        })
        .await
        .unwrap();
        assert_eq!(facets(&s, a).await, (Some("FR".into()), ",address,first_name,".into()));
        // An unknown country is no country.
        let b = add(&s, &ctx(), data("Bea", Some("Atlantis"), false), None).await;
        assert_eq!(facets(&s, b).await, (None, ",address,first_name,".into()));
        // The import path (prepared batches) writes them too.
        let batch = s
            .prepare_new(vec![ContactInput {
                id: SubjectId::new(),
                owner: None,
                company: None,
                tags: vec![],
                data: data("Cy", Some("DE"), false),
                source: None,
            }])
            .unwrap();
        let c = batch.items()[0].id;
        s.insert_import_batch(&ctx(), None, &batch, None, &[], "file.csv", &Default::default()).await.unwrap();
        assert_eq!(facets(&s, c).await, (Some("DE".into()), ",address,first_name,".into()));
        assert_eq!(s.affected_preview(&AffectedFilter::default(), 10).await.unwrap().not_indexed, 0);
        // As if written before migration 0020: the preview says how many
        // are not indexed yet; start-up (migrate) does not wait to open them,
        // the background fill does.
        s.raw_execute("UPDATE contacts SET facet_country = NULL, facet_fields = NULL").await.unwrap();
        let fr_only = AffectedFilter { countries: vec!["FR".into()], ..Default::default() };
        let before = s.affected_preview(&fr_only, 10).await.unwrap();
        assert!(before.first.is_empty());
        assert_eq!(before.not_indexed, 3);
        assert_eq!(s.facets_pending().await.unwrap(), 3);
        s.migrate().await.unwrap();
        assert_eq!(s.raw_facets(a).await.unwrap(), Some((None, None)));
        assert_eq!(s.fill_facets().await.unwrap(), 3);
        assert_eq!(facets(&s, a).await, (Some("FR".into()), ",address,first_name,".into()));
        assert_eq!(facets(&s, c).await, (Some("DE".into()), ",address,first_name,".into()));
        assert_eq!(s.affected_preview(&fr_only, 10).await.unwrap().not_indexed, 0);
        // Rows an older server writes later (a rolling upgrade) are filled
        // by the next run too: there is no "done once" marker.
        s.raw_execute("UPDATE contacts SET facet_country = NULL, facet_fields = NULL").await.unwrap();
        assert_eq!(s.fill_facets().await.unwrap(), 3);
        assert_eq!(facets(&s, c).await, (Some("DE".into()), ",address,first_name,".into()));
        assert_eq!(s.fill_facets().await.unwrap(), 0);
        // Erased with the person (they are columns of the row).
        s.delete_contact(&ctx(), a).await.unwrap();
        assert!(people(&s, AffectedFilter { countries: vec!["FR".into()], ..Default::default() }).await.is_empty());
    })
    .await;
}

#[tokio::test]
async fn each_dimension_selects_its_people_and_a_freeze_keeps_count_after_erasure_on_both_engines() {
    on_both(|s, _| async move {
        let it = add(&s, &ctx(), data("Ada", Some("IT"), true), None).await;
        let fr = add(&s, &ctx(), data("Bea", Some("FR"), false), Some(SourceKind::WebForm)).await;
        let none = add(&s, &ctx(), data("Cy", None, false), None).await;
        let all = sorted(vec![it, fr, none]);
        assert_eq!(people(&s, AffectedFilter::default()).await, all);

        // Country and fields.
        assert_eq!(people(&s, AffectedFilter { countries: vec!["IT".into(), "FR".into()], ..Default::default() }).await, sorted(vec![it, fr]));
        let job = AffectedFilter { fields: Some(vec!["job_title".into()]), ..Default::default() };
        assert_eq!(people(&s, job).await, vec![it]);
        assert!(people(&s, AffectedFilter { fields: Some(vec![]), ..Default::default() }).await.is_empty());
        // A field key is matched literally (no LIKE wildcards).
        assert!(people(&s, AffectedFilter { fields: Some(vec!["job%".into()]), ..Default::default() }).await.is_empty());
        // Source.
        let web = AffectedFilter { source_kind: Some("web_form".into()), ..Default::default() };
        assert_eq!(people(&s, web).await, vec![fr]);
        // Existence in a window: created before its end.
        let past = AffectedFilter { created_before: Some(0), ..Default::default() };
        assert!(people(&s, past).await.is_empty());

        // Who accessed: user X opened Ada and exported Cy; someone else opened Bea.
        let x = Ctx { actor: "user:x".into(), request_id: "r-x".into(), token: None };
        let y = Ctx { actor: "user:y".into(), request_id: "r-y".into(), token: None };
        s.audit(&x, &[NewEntry::subject("contact.read", it), NewEntry::subject("contact.export", none)]).await.unwrap();
        s.audit(&x, &[NewEntry::subject("contact.update", fr)]).await.unwrap();
        s.audit(&y, &[NewEntry::subject("contact.read", fr)]).await.unwrap();
        let now = kith_store::to_ms(OffsetDateTime::now_utc());
        let access = |from: i64, to: i64| AffectedFilter {
            access: Some(Access { actor: "user:x".into(), from, to, actions: ACCESS_ACTIONS.to_vec() }),
            ..Default::default()
        };
        assert_eq!(people(&s, access(now - 60_000, now + 60_000)).await, sorted(vec![it, none]));
        assert!(people(&s, access(now - 120_000, now - 60_000)).await.is_empty());

        // Recipient: a basis for, or consent given to, a purpose it receives.
        let purpose = PurposeId::new();
        s.insert_purpose(
            &ctx(),
            &PurposeInput {
                id: purpose,
                name: "Newsletter".into(),
                description: "why".into(),
                default_basis: LawfulBasis::Consent,
                data_categories: vec!["contact".into()],
                retention: String::new(),
                rule: None,
                recipients: String::new(),
                direct_marketing: true,
            },
        )
        .await
        .unwrap();
        let rec = Uuid::now_v7();
        s.raw_execute(&format!(
            "INSERT INTO recipients (id, legal_name, role, parent_id, body, mail_relay, needs_review, created_at, updated_at) \
             VALUES ({}, 'Mailer Ltd', 'processor', NULL, '{{}}', FALSE, FALSE, 0, 0)",
            lit(&s, rec)
        ))
        .await
        .unwrap();
        s.raw_execute(&format!(
            "INSERT INTO purpose_recipients (purpose_id, recipient_id) VALUES ({}, {})",
            lit(&s, purpose.0),
            lit(&s, rec)
        ))
        .await
        .unwrap();
        let now_t = OffsetDateTime::now_utc();
        let basis = BasisRecord {
            purpose,
            basis: LawfulBasis::LegitimateInterests,
            source: BasisSource::Manual,
            source_name: None,
            lia_ref: None,
            effective_at: now_t,
            ends_at: None,
            set_by: None,
            set_at: now_t,
        };
        s.set_bases(&ctx(), &[it], &basis).await.unwrap();
        // Bea gives consent through a form.
        let form = Uuid::now_v7();
        let ev = NewConsentEvent {
            id: Uuid::now_v7(),
            subject: fr,
            purpose,
            action: ConsentAction::Given,
            channels: vec![Channel::Email],
            method: ConsentMethod::WebForm,
            at: now_t,
            until: None,
            notice: None,
            form: Some(form),
            actor_user: None,
            gpc: false,
            request: None,
            proof: SealedProof { affirmative_act: Some("ticked".into()), ..Default::default() },
        };
        s.write_consent(&ctx(), ConsentWrite { events: vec![ev], ..Default::default() }).await.unwrap();
        assert_eq!(people(&s, AffectedFilter { recipient: Some(rec), ..Default::default() }).await, sorted(vec![it, fr]));
        assert!(people(&s, AffectedFilter { recipient: Some(Uuid::now_v7()), ..Default::default() }).await.is_empty());
        assert_eq!(people(&s, AffectedFilter { form: Some(form), ..Default::default() }).await, vec![fr]);

        // An import run: what its pass created after its `import.run` entry.
        let run = Uuid::now_v7();
        let pass = Ctx { actor: "user:x".into(), request_id: "r-import".into(), token: None };
        s.audit(&pass, &[NewEntry::object("import.run", "import_run", run)]).await.unwrap();
        let imported = add(&s, &pass, data("Dee", Some("IT"), false), Some(SourceKind::Import)).await;
        let by_run = AffectedFilter { import_run: Some(run), ..Default::default() };
        assert_eq!(people(&s, by_run.clone()).await, vec![imported]);

        // Dimensions combine with AND.
        let both = AffectedFilter { countries: vec!["IT".into()], recipient: Some(rec), ..Default::default() };
        assert_eq!(people(&s, both).await, vec![it]);

        // Freeze: count, hash of the sorted ids, the people linked; audited.
        let breach = raw_breach(&s).await;
        let it_fr = AffectedFilter { countries: vec!["IT".into(), "FR".into()], ..Default::default() };
        let q = s
            .freeze_affected(&ctx(), breach, &it_fr, "{\"countries\":[\"IT\",\"FR\"]}", None, |g, pending| {
                assert_eq!(pending, 0);
                assert_eq!(g.iter().map(|x| x.2).sum::<i64>(), 3);
                Ok(format!("{{\"groups\":{}}}", g.len()))
            })
            .await
            .unwrap();
        assert_eq!(q.people, 3);
        let expected: Vec<Uuid> = vec![it.0, fr.0, imported.0];
        assert_eq!(q.result_hash, result_hash(&expected));
        assert_eq!(q.result_hash.len(), 32);
        assert_eq!(sorted(s.breach_affected(breach, None, 100).await.unwrap()), sorted(vec![it, fr, imported]));
        let frozen = s.breach_queries(breach).await.unwrap();
        assert_eq!(frozen.len(), 1);
        assert_eq!(frozen[0], q);
        // The breach's history records the freeze: query id, count, hash, no people.
        let history = s.breach_history(breach).await.unwrap();
        let h = history.iter().find(|h| h.change == "affected.frozen").expect("affected.frozen in the history");
        assert_eq!(h.detail["query"], serde_json::json!(q.id));
        assert_eq!(h.detail["people"], 3);
        let hex: String = q.result_hash.iter().map(|b| format!("{b:02x}")).collect();
        assert_eq!(h.detail["result_hash"], serde_json::json!(hex));
        for p in [it, fr, imported] {
            assert!(!h.detail.to_string().contains(&p.0.to_string()));
        }
        // A link names a person on record (a freeze racing an erasure
        // cannot link someone already erased).
        let ghost = format!(
            "INSERT INTO breach_affected (breach_id, subject_id) VALUES ({}, {})",
            lit(&s, breach),
            lit(&s, Uuid::now_v7())
        );
        assert!(s.raw_execute(&ghost).await.is_err());
        // A second query adds its people once.
        let second = s.freeze_affected(&ctx(), breach, &by_run, "{}", None, |_, _| Ok("{}".into())).await.unwrap();
        assert_eq!(second.people, 1);
        assert_eq!(second.result_hash, result_hash(&[imported.0]));
        assert_eq!(s.breach_affected(breach, None, 100).await.unwrap().len(), 3);
        let seqs: Vec<i64> = s.breach_history(breach).await.unwrap().iter().map(|h| h.seq).collect();
        assert_eq!(seqs, (1..=seqs.len() as i64).collect::<Vec<_>>());
        // An unknown breach is refused, nothing written.
        let unknown = s.freeze_affected(&ctx(), Uuid::now_v7(), &it_fr, "{}", None, |_, _| Ok("{}".into())).await;
        assert!(matches!(unknown, Err(StoreError::NotFound)));
        // Erasing a person unlinks them; the frozen count stays.
        s.delete_contact(&ctx(), fr).await.unwrap();
        assert_eq!(sorted(s.breach_affected(breach, None, 100).await.unwrap()), sorted(vec![it, imported]));
        let after = s.breach_queries(breach).await.unwrap();
        assert_eq!(after.iter().find(|f| f.id == q.id).unwrap().people, 3);
        // References that name nothing.
        let refs = kith_store::affected::QueryRefs { recipient: Some(Uuid::now_v7()), form: Some(Uuid::now_v7()), ..Default::default() };
        assert_eq!(s.unknown_refs(&refs).await.unwrap(), vec!["recipient", "form"]);
        assert!(s.breach_on_record(breach).await.unwrap());
    })
    .await;
}

#[tokio::test]
async fn facets_of_a_contact_with_100_long_custom_fields_are_written_on_both_engines() {
    on_both(|s, _| async move {
        // The most the policy allows: 100 custom fields, names of 40 characters.
        let purpose = PurposeId::new();
        s.insert_purpose(
            &ctx(),
            &PurposeInput {
                id: purpose,
                name: "Events".into(),
                description: "why".into(),
                default_basis: LawfulBasis::Consent,
                data_categories: vec!["other".into()],
                retention: String::new(),
                rule: None,
                recipients: String::new(),
                direct_marketing: false,
            },
        )
        .await
        .unwrap();
        // Names that do not compress: PostgreSQL compresses a long index
        // entry before it checks its size.
        let names: Vec<String> = (0..100)
            .map(|i| format!("f{i:03}_{}{}", Uuid::new_v4().simple(), &Uuid::new_v4().simple().to_string()[..3]))
            .collect();
        let mut d = data("Ada", Some("IT"), false);
        for (i, name) in names.iter().enumerate() {
            let name = name.clone();
            let def = FieldDef {
                key: format!("custom.{name}"),
                label: format!("Field {i}"),
                kind: Some(FieldKind::Text),
                category: FieldCategory::Other,
                purposes: vec![purpose],
                special: None,
                choices: vec![],
                enabled: true,
            };
            def.check().unwrap();
            s.save_field(&ctx(), &def, "added").await.unwrap();
            d.custom.insert(name, "value".into());
        }
        let facet = kith_domain::breach_query::facet_fields(&d);
        assert!(facet.len() > 4000, "{} bytes", facet.len());
        let a = add(&s, &ctx(), d, None).await;
        assert_eq!(facets(&s, a).await, (Some("IT".into()), facet));
        let key = format!("custom.{}", names[42]);
        assert_eq!(people(&s, AffectedFilter { fields: Some(vec![key]), ..Default::default() }).await, vec![a]);
        let c = s.get_contact(a).await.unwrap().unwrap();
        assert_eq!(c.data.custom.len(), 100);
    })
    .await;
}
