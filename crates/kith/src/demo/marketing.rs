//! The demo's marketing: each person's language, mail templates (a consent
//! request and a newsletter, in English and Italian) and saved segments
//! shared with the team ("May email for Newsletter", "No basis for
//! Newsletter").

use super::people::Contacts;
use crate::error::CliError;
use kith_app::templates::TemplateInput;
use kith_app::{App, Principal};
use kith_domain::segment::{Condition, Segment};
use kith_domain::template::{TemplateKind, TemplateText};
use kith_domain::{Channel, PurposeId};

fn text(language: &str, subject: &str, body: &str) -> TemplateText {
    TemplateText { language: language.into(), subject: subject.into(), body: body.into() }
}

/// Seeds languages, templates and segments; the number of templates.
pub(super) async fn seed_marketing(
    app: &App,
    p: &Principal,
    admin: &Principal,
    contacts: &Contacts,
) -> Result<usize, CliError> {
    let languages: Vec<_> = contacts.ids.iter().zip(&contacts.language).map(|(id, l)| (*id, (*l).to_owned())).collect();
    app.set_contact_languages(p, &languages).await.map_err(CliError::app("demo data: cannot set languages"))?;
    let templates = [
        TemplateInput {
            name: "Newsletter consent request".into(),
            kind: TemplateKind::ConsentRequest,
            texts: vec![
                text(
                    "en",
                    "May we send you our newsletter?",
                    "Hello {{first_name|there}},\n\n{{controller}} would like to send you {{purpose}}. \
                     Nothing is sent unless you agree.\n\nTo agree, open this link and press \"Confirm\":\n\
                     {{confirm_url}}\n\nYour choices: {{preferences_url}}\nYour privacy portal: {{portal_url}}",
                ),
                text(
                    "it",
                    "Possiamo inviarle la nostra newsletter?",
                    "Gentile {{first_name|cliente}},\n\n{{controller}} vorrebbe inviarle: {{purpose}}. \
                     Non invieremo nulla senza il suo consenso.\n\nPer acconsentire apra questo link e prema \
                     \"Conferma\":\n{{confirm_url}}\n\nLe sue preferenze: {{preferences_url}}\n\
                     Il suo portale privacy: {{portal_url}}",
                ),
            ],
        },
        TemplateInput {
            name: "Monthly newsletter".into(),
            kind: TemplateKind::Newsletter,
            texts: vec![
                text(
                    "en",
                    "News from {{controller}}",
                    "Hello {{first_name|there}},\n\nThis month: our stand at the spring trade fair and two new \
                     product lines.\n\nUnsubscribe with one click: {{unsubscribe_url}}\n\
                     Your choices: {{preferences_url}}\nYour privacy portal: {{portal_url}}",
                ),
                text(
                    "it",
                    "Novità da {{controller}}",
                    "Gentile {{first_name|cliente}},\n\nQuesto mese: il nostro stand alla fiera di primavera e due \
                     nuove linee di prodotti.\n\nDisiscriviti con un clic: {{unsubscribe_url}}\n\
                     Le sue preferenze: {{preferences_url}}\nIl suo portale privacy: {{portal_url}}",
                ),
            ],
        },
    ];
    let n = templates.len();
    for t in templates {
        app.create_template(p, t).await.map_err(CliError::app("demo data: cannot add a template"))?;
    }
    let purposes = app.store().purposes().await.map_err(CliError::store("demo data: cannot read purposes"))?;
    if let Some(news) = purposes.iter().find(|pu| pu.name == "Newsletter") {
        let news: PurposeId = news.id;
        for (name, c) in [
            (
                "May email for Newsletter",
                Condition::MayContact { purpose: news, channel: Channel::Email, allowed: true },
            ),
            ("No basis for Newsletter", Condition::Basis { purpose: news, basis: None }),
        ] {
            let query = Segment { conditions: vec![c] }.to_query();
            app.create_segment(admin, name, &query, true)
                .await
                .map_err(CliError::app("demo data: cannot save a segment"))?;
        }
    }
    Ok(n)
}
