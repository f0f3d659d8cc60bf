//! A template filled in for a real contact (preview), and a test of it
//! sent to oneself through SMTP.

use crate::mailer::{hide_links, Transport};
use crate::templates::Rendered;
use crate::{App, AppError, Principal, Result};
use kith_domain::template::{MergeFields, TemplateKind};
use kith_domain::{Invalid, SubjectId};
use kith_store::audit::NewEntry;
use uuid::Uuid;

impl App {
    /// A template filled in for a real contact, as staff may see it (an
    /// audited read of the contact; fields hidden from the role stay empty;
    /// links acting as the person are hidden). `language`: the text to use,
    /// by default the person's.
    pub async fn preview_template(
        &self,
        p: &Principal,
        id: Uuid,
        contact: SubjectId,
        language: Option<&str>,
    ) -> Result<Rendered> {
        let t = self.template(p, id).await?;
        if language.is_some_and(|l| !t.texts.iter().any(|x| x.language == l)) {
            return Err(Invalid::one("language", "the template has no text in this language").into());
        }
        let c = self.get_contact(p, contact).await.map_err(|e| match e {
            AppError::NotFound(_) => Invalid::one("contact", "refers to a contact that does not exist").into(),
            e => e,
        })?;
        self.store.audit(&p.ctx(), &[NewEntry::subject("template.preview", contact)]).await?;
        let lang = match language {
            Some(l) => Some(l.to_owned()),
            None => self.person_language(contact).await?,
        };
        let mut f = self.merge_fields(contact, &c, Uuid::nil()).await?;
        f.confirm_url = (t.kind == TemplateKind::ConsentRequest)
            .then(|| format!("{}/c/preview", self.settings.public_url.trim_end_matches('/')));
        let mut r = Rendered::of(self.template_for(&t, lang.as_deref()), &f);
        if !self.settings.outbox_shows_links {
            r.text = hide_links(&r.text);
            r.html = hide_links(&r.html);
        }
        Ok(r)
    }

    /// Sends the template, filled in with sample values (no person's data),
    /// to the signed-in user's own address through SMTP. Staff are not data
    /// subjects, so the (per-person sealed) outbox cannot hold it: without
    /// SMTP configured, this is refused and the preview shows the mail.
    pub async fn test_send_template(&self, p: &Principal, id: Uuid, language: Option<&str>) -> Result<String> {
        p.require(p.role.can_manage_templates(), "send a test of a mail template")?;
        let t = self.template(p, id).await?;
        if language.is_some_and(|l| !t.texts.iter().any(|x| x.language == l)) {
            return Err(Invalid::one("language", "the template has no text in this language").into());
        }
        let user = match p.author() {
            Some(u) => self.store.get_user(u).await?.ok_or(AppError::NotFound("user"))?,
            None => return Err(AppError::Conflict("a test mail goes to a signed-in user's own address".into())),
        };
        let Some(Transport::Smtp(smtp)) = self.staff_mail.as_ref() else {
            return Err(AppError::Conflict(
                "no SMTP server is configured, so no test mail can leave; the preview shows the mail".into(),
            ));
        };
        let r = Rendered::of(self.template_for(&t, language), &MergeFields::sample(&self.settings.public_url));
        let m = crate::mailer::staff_message(
            &self.settings.mail_from,
            &user.email,
            &kith_i18n::Tr::new(&r.language).t1("mail-test-subject", "subject", r.subject.as_str()),
            &r.text,
            Some(&r.html),
        )
        .map_err(|e| AppError::Conflict(e.into()))?;
        use lettre::AsyncTransport;
        smtp.send(m).await.map_err(|_| {
            tracing::warn!(template.id = %id, "a template test mail was not taken by the SMTP server");
            AppError::Conflict("the SMTP server did not take the test mail; try again later".into())
        })?;
        self.store.audit(&p.ctx(), &[NewEntry::object("template.test_send", "template", id)]).await?;
        Ok(user.email)
    }
}
