//! `kith bench`'s compliance figure: the summary counts over every contact,
//! against a bare `COUNT(*)` of the contacts measured in the same run.

use super::stats::median;
use crate::error::CliError;
use kith_app::purposes::PurposeFields;
use kith_app::{App, Principal};
use kith_domain::LawfulBasis;
use kith_store::{Engine, Store};
use std::time::{Duration, Instant};

pub struct Figures {
    pub summary: Duration,
    pub count_all: Duration,
    pub with_basis: i64,
}

/// The benchmarks' consent-based purpose.
pub(super) fn newsletter() -> PurposeFields {
    PurposeFields {
        name: "Bench newsletter".into(),
        description: "Benchmark purpose".into(),
        default_basis: LawfulBasis::Consent,
        data_categories: vec!["contact".into()],
        retention: String::new(),
        rule: None,
        recipients: String::new(),
        direct_marketing: true,
    }
}

/// Gives a third of the contacts consent, a third legitimate interests and
/// leaves a third without basis; spreads consent states over the consenting
/// third (written in bulk by SQL: the figure is about reading), then times
/// the summary.
pub async fn measure(app: &App, store: &Store, p: &Principal) -> Result<Figures, CliError> {
    let purpose = app.create_purpose(p, newsletter()).await?;
    let id = match store.engine() {
        Engine::Sqlite => format!("x'{}'", purpose.id.0.simple()),
        Engine::Postgres => format!("'{}'::uuid", purpose.id.0),
    };
    let bases = format!(
        "INSERT INTO contact_bases (subject_id, purpose_id, basis, source, source_name, lia_ref, effective_at, set_by, set_at) \
         SELECT id, {id}, CASE WHEN created_at % 3 = 0 THEN 'consent' ELSE 'legitimate_interests' END, 'import', 'bench', 'LIA-1', 0, NULL, 0 \
         FROM contacts WHERE created_at % 3 <> 2"
    );
    let with_basis = store.raw_execute(&bases).await? as i64;
    let states = format!(
        "INSERT INTO consent_state (subject_id, purpose_id, channel, state, since, until_at) \
         SELECT id, {id}, 'email', CASE created_at % 4 WHEN 0 THEN 'given' WHEN 1 THEN 'awaiting' WHEN 2 THEN 'withdrawn' ELSE 'refused' END, \
         created_at, CASE WHEN created_at % 8 = 0 THEN created_at + 1000 ELSE NULL END \
         FROM contacts WHERE created_at % 3 = 0"
    );
    store.raw_execute(&states).await?;
    let mut summary = Vec::new();
    let mut count_all = Vec::new();
    for _ in 0..7 {
        let t = Instant::now();
        let s = app.compliance_summary(p).await?;
        summary.push(t.elapsed());
        if s.purposes.is_empty() {
            return Err(CliError::Other("the summary lists no purpose".into()));
        }
        let t = Instant::now();
        store.count_contacts().await?;
        count_all.push(t.elapsed());
    }
    Ok(Figures { summary: median(&mut summary), count_all: median(&mut count_all), with_basis })
}
