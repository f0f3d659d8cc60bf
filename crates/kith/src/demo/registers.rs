//! The demo's accountability registers: the controller and its DPO, the
//! purposes each built-in field serves, and recipients — a mail relay in
//! the EU, a helpdesk in the US under the Data Privacy Framework with a
//! sub-processor in India under SCC, an event partner in the UK whose
//! agreement expires soon — and one Art. 30(2) entry.

use crate::error::CliError;
use kith_app::{App, Principal};
use kith_domain::geo::Country;
use kith_domain::policy::FieldCategory;
use kith_domain::recipients::{Agreement, Mechanism, Recipient, RecipientRole, Transfer, DPA_ITEMS};
use kith_domain::ropa::{Controller, ProcessorActivity};
use kith_domain::PurposeId;

fn country(code: &str) -> Country {
    Country::parse(code).expect("a demo country code")
}

fn recipient(name: &str, role: RecipientRole, countries: &[&str], purposes: Vec<PurposeId>) -> Recipient {
    let today = time::OffsetDateTime::now_utc().date();
    Recipient {
        legal_name: name.into(),
        role,
        parent: None,
        privacy_contact: format!(
            "privacy@{}.example",
            name.split_whitespace().next().unwrap_or("vendor").to_lowercase()
        ),
        service: String::new(),
        purposes,
        categories: vec![FieldCategory::Identity, FieldCategory::Contact],
        processing_countries: countries.iter().map(|c| country(c)).collect(),
        storage_countries: vec![],
        dpf_certified: false,
        transfers: vec![],
        agreement: Agreement {
            version: "2025-1".into(),
            signed_on: Some(today - time::Duration::days(400)),
            expires_on: Some(today + time::Duration::days(700)),
            reference: "Contracts folder, DPA binder".into(),
            items: DPA_ITEMS.iter().map(|(k, _)| (*k).to_owned()).collect(),
        },
        breach_notice_hours: Some(24),
        dsr_assistance: true,
        review_on: Some(today + time::Duration::days(180)),
        mail_relay: false,
    }
}

fn transfer(code: &str, mechanism: Mechanism, scc_module: Option<u8>, tia: &str) -> Transfer {
    Transfer {
        country: country(code),
        mechanism,
        scc_module,
        derogation: None,
        reason: String::new(),
        tia_ref: tia.into(),
    }
}

/// Seeds the registers; returns how many recipients it recorded.
pub(super) async fn seed_registers(app: &App, p: &Principal) -> Result<usize, CliError> {
    let err = |what: &'static str| CliError::app(what);
    let purposes = app.purposes(p).await.map_err(err("demo data: cannot read purposes"))?;
    let id = |name: &str| purposes.iter().find(|x| x.name == name).map(|x| x.id);
    let (Some(news), Some(service), Some(events)) = (id("Newsletter"), id("Customer service"), id("Event invitations"))
    else {
        return Err(CliError::Other("demo data: the demo purposes are missing".into()));
    };
    // Which purposes need each built-in field.
    let policy = app.field_policy(p).await.map_err(err("demo data: cannot read the field policy"))?;
    for mut f in policy.fields {
        f.purposes = match f.key.as_str() {
            "first_name" | "last_name" | "emails" => vec![news, service, events],
            "phones" | "address" | "notes" => vec![service],
            "job_title" => vec![events],
            _ => continue,
        };
        app.save_field(p, f).await.map_err(err("demo data: cannot set the field policy"))?;
    }
    let controller = Controller {
        name: "Torrefazione Demo srl".into(),
        address: "Via Po 12, 10123 Torino, Italy".into(),
        contact: "privacy@torrefazione-demo.example".into(),
        country: Some(country("IT")),
        representative: String::new(),
        dpo_name: "Studio Privacy Bianchi (external DPO)".into(),
        dpo_contact: "dpo@studio-bianchi.example".into(),
        subject_categories: "Customers, prospects, business contacts of client companies, newsletter subscribers"
            .into(),
    };
    app.set_controller_identity(p, controller).await.map_err(err("demo data: cannot set the controller"))?;

    let mut relay = recipient("Postino Mail SAS", RecipientRole::Processor, &["FR"], vec![news, service]);
    relay.service = "Email delivery (the SMTP relay Kith sends through)".into();
    relay.mail_relay = true;
    app.create_recipient(p, relay).await.map_err(err("demo data: cannot add a recipient"))?;

    let mut desk = recipient("CloudDesk Inc.", RecipientRole::Processor, &["US"], vec![service]);
    desk.service = "Customer-service helpdesk".into();
    desk.storage_countries = vec![country("IE")];
    desk.dpf_certified = true;
    desk.transfers = vec![transfer("US", Mechanism::Adequacy, None, "TIA-2025-04")];
    let desk_id = app.create_recipient(p, desk).await.map_err(err("demo data: cannot add a recipient"))?;

    let mut analytics = recipient("Nimbus Analytics Pvt Ltd", RecipientRole::SubProcessor, &["IN"], vec![service]);
    analytics.parent = Some(desk_id);
    analytics.service = "Ticket analytics for CloudDesk".into();
    analytics.categories = vec![FieldCategory::Contact];
    analytics.transfers = vec![transfer("IN", Mechanism::Scc, Some(3), "TIA-2025-05")];
    app.create_recipient(p, analytics).await.map_err(err("demo data: cannot add a recipient"))?;

    let mut badges = recipient("EventBadge Ltd", RecipientRole::Processor, &["GB"], vec![events]);
    badges.service = "Badges and registration at trade fairs".into();
    badges.transfers = vec![transfer("GB", Mechanism::Adequacy, None, "")];
    badges.agreement.expires_on = Some(time::OffsetDateTime::now_utc().date() + time::Duration::days(30));
    app.create_recipient(p, badges).await.map_err(err("demo data: cannot add a recipient"))?;

    let other = ProcessorActivity {
        controller_name: "Caffè Centrale snc (a client café)".into(),
        controller_contact: "titolare@caffecentrale.example".into(),
        representative: String::new(),
        categories_of_processing: "Sending the client's loyalty newsletter on its behalf, to its own subscribers"
            .into(),
        transfers: "None".into(),
        measures: "As for our own processing (see the measures above)".into(),
    };
    app.save_processor_activity(p, None, other).await.map_err(err("demo data: cannot add an Art. 30(2) entry"))?;
    Ok(4)
}
