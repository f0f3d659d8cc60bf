//! What a demo seed did, and how it is shown to the operator.

use kith_domain::Role;

/// What a seed did.
#[derive(Debug, Default)]
pub struct DemoSummary {
    /// Set when the CRM already held contacts: then nothing was added.
    pub existing_contacts: Option<i64>,
    pub companies: usize,
    pub contacts: usize,
    pub interactions: usize,
    pub deals: usize,
    /// Deals per pipeline stage, in pipeline order.
    pub deals_by_stage: Vec<(&'static str, usize)>,
    /// Stage moves made with `move_deal` (each one is in a deal's history).
    pub stage_moves: usize,
    pub users: Vec<DemoUser>,
    /// Consent events recorded (given, some later withdrawn).
    pub consents: usize,
    /// Data-subject requests filed (one overdue, one waiting, one done, one new).
    pub requests: usize,
    /// Recipients in the register (processors, a sub-processor).
    pub recipients: usize,
    /// Breaches recorded (one closed and notified, one open with its clock running).
    pub breaches: usize,
    /// Mail templates added (a consent request and a newsletter, English and Italian).
    pub templates: usize,
}

/// A demo staff user and, if this seed created it, its password.
pub struct DemoUser {
    pub email: &'static str,
    pub role: Role,
    /// `None` when the user already existed (its password was left alone).
    pub password: Option<String>,
    /// The language set on the account (`None`: the browser's).
    pub language: Option<&'static str>,
}

impl std::fmt::Debug for DemoUser {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "DemoUser({}, {}, <password redacted>)", self.email, self.role.as_str())
    }
}

/// Prints a seed's outcome to stdout (never to the log: it holds passwords).
pub fn print_summary(s: &DemoSummary, listen: &str) {
    if let Some(n) = s.existing_contacts {
        println!("demo data not added: the CRM already holds {n} contacts");
        return;
    }
    println!(
        "demo data added: {} companies, {} contacts, {} interactions, {} deals ({} stage moves)",
        s.companies, s.contacts, s.interactions, s.deals, s.stage_moves
    );
    let stages: Vec<String> = s.deals_by_stage.iter().map(|(k, n)| format!("{k} {n}")).collect();
    println!("deals by stage: {}", stages.join(", "));
    println!(
        "consent: 3 purposes, a notice, 2 subscription types, the public form /f/newsletter, {} consent events (receipts wait in the outbox)",
        s.consents
    );
    println!(
        "data-subject requests: {} in the queue (Privacy → Requests): one overdue, one waiting on the person, one completed",
        s.requests
    );
    println!(
        "registers: the controller and DPO, {} recipients (a US helpdesk under the Data Privacy Framework, a sub-processor in India under SCC, an agreement expiring soon) (Privacy → Record of processing)",
        s.recipients
    );
    println!(
        "breaches: {} (one closed, notified in time; one open with its 72-hour clock running: the banner on every staff page for dpo and admin) (Privacy → Breaches)",
        s.breaches
    );
    println!(
        "marketing: {} mail templates in English and Italian (Templates), each person's language from their country, the shared segments \"May email for Newsletter\" and \"No basis for Newsletter\" (Contacts → Segments)",
        s.templates
    );
    println!("demo users (passwords are shown only now):");
    for u in &s.users {
        let lang = u.language.map_or_else(|| "browser".to_owned(), kith_i18n::language_name);
        match &u.password {
            Some(pw) => println!("  {:<30} {:<10} {:<11} {pw}", u.email, u.role.as_str(), lang),
            None => {
                println!("  {:<30} {:<10} {:<11} (already existed; password unchanged)", u.email, u.role.as_str(), lang)
            }
        }
    }
    println!("Sign in at http://{listen}/login");
}
