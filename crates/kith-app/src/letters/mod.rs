//! The fixed words of the mail Kith writes to people (and to processors),
//! in the language each reader reads: messages in every language's
//! `mail.ftl`. Texts staff write (templates, campaign bodies, purpose
//! names) are data and pass through as they are.

pub mod art14;
pub mod erasure;

use crate::{App, Result};
use kith_domain::{Channel, SubjectId};
use kith_i18n::Tr;

impl App {
    /// The language to write in when a person's is `known`: it, if Kith
    /// speaks it, else the controller's default language, else English.
    pub fn mail_lang(&self, known: Option<&str>) -> &'static str {
        known
            .and_then(kith_i18n::supported)
            .or_else(|| kith_i18n::supported(self.settings.language))
            .unwrap_or(kith_i18n::DEFAULT)
    }

    /// The reader of mail to a person: their language (see
    /// [`App::person_language`]), else the controller's default.
    pub async fn mail_reader(&self, subject: SubjectId) -> Result<Tr> {
        let known = self.person_language(subject).await?;
        Ok(Tr::new(self.mail_lang(known.as_deref())))
    }

    /// The reader of mail to processors and others Kith has no language
    /// for: the controller's default language.
    pub fn controller_reader(&self) -> Tr {
        Tr::new(self.mail_lang(None))
    }
}

/// Channels in words (`email, phone`).
pub(crate) fn channels(tr: &Tr, channels: &[Channel]) -> String {
    channels.iter().map(|c| tr.t(&format!("mail-channel-{}", c.as_str()))).collect::<Vec<_>>().join(", ")
}
