//! Mail templates: create, change, delete and list them (marketing, dpo,
//! admin), pick the text for a person's language, and fill in a person's
//! merge fields. (Preview and test send: [`crate::template_send`].)

use crate::purposes::text;
use crate::{App, AppError, Principal, Result};
use kith_domain::template::{self, check_texts, MergeFields, TemplateKind, TemplateText};
use kith_domain::{Invalid, PurposeId, SubjectId};
use kith_store::contacts::Contact;
pub use kith_store::templates::Template;
use uuid::Uuid;

/// What a template is made of, as a user gives it.
#[derive(Clone, Debug)]
pub struct TemplateInput {
    pub name: String,
    pub kind: TemplateKind,
    pub texts: Vec<TemplateText>,
}

/// A template filled in for one person.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rendered {
    /// The language of the text used.
    pub language: String,
    pub subject: String,
    pub text: String,
    pub html: String,
}

impl Rendered {
    /// Renders `t` with `f`.
    pub fn of(t: &TemplateText, f: &MergeFields) -> Rendered {
        Rendered {
            language: t.language.clone(),
            subject: template::render_subject(&t.subject, f),
            text: template::render_text(&t.body, f),
            html: template::render_html(&t.body, f),
        }
    }
}

/// What stands for a template without any text (none is stored so; a
/// damaged row renders as nothing rather than failing).
static NO_TEXT: TemplateText = TemplateText { language: String::new(), subject: String::new(), body: String::new() };

fn check_input(mut i: TemplateInput) -> Result<TemplateInput> {
    let mut inv = Invalid::default();
    i.name = i.name.trim().to_owned();
    text(&mut inv, "name", &i.name, 1, 100, false);
    inv.check("", check_texts(i.kind, &mut i.texts));
    inv.into_result()?;
    Ok(i)
}

impl App {
    pub(crate) fn may_read_templates(p: &Principal) -> Result<()> {
        p.require(p.role.can_manage_templates() || p.role.can_record_consent(), "read mail templates")
    }

    /// Every template, by name (roles that manage templates or send consent requests).
    pub async fn templates(&self, p: &Principal) -> Result<Vec<Template>> {
        Self::may_read_templates(p)?;
        Ok(self.store.templates().await?)
    }

    pub async fn template(&self, p: &Principal, id: Uuid) -> Result<Template> {
        Self::may_read_templates(p)?;
        self.store.template(id).await?.ok_or(AppError::NotFound("template"))
    }

    pub async fn create_template(&self, p: &Principal, input: TemplateInput) -> Result<Template> {
        p.require(p.role.can_manage_templates(), "manage mail templates")?;
        let i = check_input(input)?;
        let now = time::OffsetDateTime::now_utc();
        let t = Template {
            id: Uuid::now_v7(),
            name: i.name,
            kind: i.kind,
            texts: i.texts,
            created_by: p.author(),
            created_at: now,
            updated_at: now,
        };
        self.store.insert_template(&p.ctx(), &t).await?;
        self.store.template(t.id).await?.ok_or(AppError::NotFound("template"))
    }

    /// Replaces a template's name, kind and texts.
    pub async fn update_template(&self, p: &Principal, id: Uuid, input: TemplateInput) -> Result<Template> {
        p.require(p.role.can_manage_templates(), "manage mail templates")?;
        let i = check_input(input)?;
        let old = self.store.template(id).await?.ok_or(AppError::NotFound("template"))?;
        let t = Template { name: i.name, kind: i.kind, texts: i.texts, ..old };
        self.store.update_template(&p.ctx(), &t).await.map_err(|e| crate::missing("template")(e.into()))?;
        self.store.template(id).await?.ok_or(AppError::NotFound("template"))
    }

    /// Deletes a template; refused while an automatic consent request
    /// rule uses it.
    pub async fn delete_template(&self, p: &Principal, id: Uuid) -> Result<()> {
        p.require(p.role.can_manage_templates(), "manage mail templates")?;
        self.store.delete_template(&p.ctx(), id).await.map_err(|e| crate::missing("template")(e.into()))
    }

    /// The text to write to a person in: `language` (theirs) if the
    /// template has it, else English, else the first.
    pub fn template_for<'a>(&self, template: &'a Template, language: Option<&str>) -> &'a TemplateText {
        template::text_for(&template.texts, language).unwrap_or(&NO_TEXT)
    }

    /// A person's merge fields: names, company, the controller, and their
    /// own unsubscribe (for `scope`: a purpose, or nil for everything),
    /// preference centre and portal links. `scope` also names the purpose
    /// when it is one. `confirm_url` is left to the consent request.
    pub async fn merge_fields(&self, subject: SubjectId, contact: &Contact, scope: Uuid) -> Result<MergeFields> {
        let company = match contact.company {
            Some(c) => self.store.get_company(c).await?.map(|c| c.name),
            None => None,
        };
        let purpose = match scope.is_nil() {
            true => None,
            false => self.store.get_purpose(PurposeId(scope)).await?.map(|p| p.name),
        };
        Ok(self.fields_of(subject, contact, scope, company, purpose))
    }

    /// [`App::merge_fields`] with the company's and the purpose's names
    /// already looked up (a campaign looks each up once).
    pub(crate) fn fields_of(
        &self,
        subject: SubjectId,
        contact: &Contact,
        scope: Uuid,
        company: Option<String>,
        purpose: Option<String>,
    ) -> MergeFields {
        MergeFields {
            first_name: contact.data.first_name.clone(),
            last_name: contact.data.last_name.clone(),
            company,
            purpose,
            controller: Some(self.settings.controller.name.clone()),
            unsubscribe_url: Some(self.unsubscribe_link(subject, scope)),
            preferences_url: Some(self.preferences_link(subject)),
            portal_url: Some(format!("{}/portal", self.settings.public_url.trim_end_matches('/'))),
            confirm_url: None,
        }
    }

    /// The language Kith writes to a person in (see [`App::template_for`]):
    /// the later of the language of the form or notice of their latest
    /// consent event and the one staff chose for them, else an import's
    /// language column, if any.
    pub async fn person_language(&self, subject: SubjectId) -> Result<Option<String>> {
        Ok(self.store.languages_of(&[subject]).await?.remove(&subject))
    }

    /// Records the language Kith writes to each person in (a shipped
    /// language, `fr-BE` read as `fr`), e.g. from what staff know or
    /// demonstration data.
    pub async fn set_contact_languages(&self, p: &Principal, languages: &[(SubjectId, String)]) -> Result<()> {
        p.require(p.role.can_write_crm(), "set a contact's language")?;
        let mut checked = Vec::with_capacity(languages.len());
        for (s, l) in languages {
            match kith_i18n::supported(l) {
                Some(l) => checked.push((*s, l.to_owned())),
                None => {
                    return Err(Invalid::one(
                        "language",
                        format!("must be one of {}", kith_i18n::languages().join(", ")),
                    )
                    .into())
                }
            }
        }
        self.store.set_contact_languages(&p.ctx(), &checked, "staff").await?;
        Ok(())
    }
}
