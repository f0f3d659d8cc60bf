//! Setting up consent: purposes, notices, subscription types and public
//! consent forms. Admin and DPO only; nothing here is personal data.

use crate::{App, Principal, Result};
use kith_domain::consent::Channel;
use kith_domain::{Invalid, LawfulBasis, PurposeId};
use kith_store::purposes::{ConsentForm, Notice, Purpose, PurposeInput, SubscriptionType};
use uuid::Uuid;

/// Checks a free-text field: trimmed length within `min..=max`, no control
/// characters except newlines when `multiline`.
pub(crate) fn text(inv: &mut Invalid, field: &str, v: &str, min: usize, max: usize, multiline: bool) {
    let n = v.trim().chars().count();
    if n < min || n > max {
        inv.push(
            field,
            if min == 0 {
                format!("must be at most {max} characters")
            } else {
                format!("must be {min} to {max} characters")
            },
        );
    } else if v.chars().any(|c| c.is_control() && !(multiline && (c == '\n' || c == '\r' || c == '\t'))) {
        inv.push(field, "must not contain control characters");
    }
}

/// An `http(s)://` URL of reasonable length, or an error on `field`.
pub(crate) fn url(inv: &mut Invalid, field: &str, v: &str) {
    let ok = (v.starts_with("https://") || v.starts_with("http://"))
        && v.len() <= 500
        && !v.chars().any(|c| c.is_whitespace() || c.is_control() || c == '"' || c == '<' || c == '>');
    if !ok {
        inv.push(field, "must be an http:// or https:// address");
    }
}

/// Purpose fields as typed.
#[derive(Clone, Debug)]
pub struct PurposeFields {
    pub name: String,
    pub description: String,
    pub default_basis: LawfulBasis,
    pub data_categories: Vec<String>,
    pub retention: String,
    /// The rule the retention sweep enforces (see [`crate::retention::rule_from`]).
    pub rule: Option<kith_domain::retention::Rule>,
    pub recipients: String,
    /// Direct marketing: an objection to it is absolute.
    pub direct_marketing: bool,
}

fn check_purpose(f: &PurposeFields) -> Result<()> {
    let mut inv = Invalid::default();
    text(&mut inv, "name", &f.name, 1, 100, false);
    text(&mut inv, "description", &f.description, 1, 2000, true);
    if f.data_categories.len() > 30 {
        inv.push("data_categories", "at most 30 categories");
    }
    for c in &f.data_categories {
        text(&mut inv, "data_categories", c, 1, 60, false);
    }
    text(&mut inv, "retention", &f.retention, 0, 500, true);
    text(&mut inv, "recipients", &f.recipients, 0, 1000, true);
    inv.into_result().map_err(Into::into)
}

fn input(id: PurposeId, f: PurposeFields) -> PurposeInput {
    let mut cats: Vec<String> = f.data_categories.iter().map(|c| c.trim().to_owned()).collect();
    cats.sort();
    cats.dedup();
    PurposeInput {
        id,
        name: f.name.trim().to_owned(),
        description: f.description.trim().to_owned(),
        default_basis: f.default_basis,
        data_categories: cats,
        retention: f.retention.trim().to_owned(),
        rule: f.rule,
        recipients: f.recipients.trim().to_owned(),
        direct_marketing: f.direct_marketing,
    }
}

#[derive(Clone, Debug)]
pub struct NoticeFields {
    pub name: String,
    pub language: String,
    pub url: Option<String>,
    pub body: String,
}

#[derive(Clone, Debug)]
pub struct SubscriptionFields {
    pub name: String,
    pub description: String,
    pub purpose: PurposeId,
    pub channels: Vec<Channel>,
}

#[derive(Clone, Debug)]
pub struct FormFields {
    pub slug: String,
    pub title: String,
    pub intro: String,
    pub logo_url: Option<String>,
    pub fields: Vec<String>,
    pub subscriptions: Vec<Uuid>,
    pub notice: Uuid,
    pub third_parties: Vec<String>,
    pub button: String,
    pub language: String,
    pub active: bool,
}

/// Contact fields a public form may ask for besides the email.
pub const FORM_FIELDS: [&str; 3] = ["first_name", "last_name", "phone"];
/// A notice's, form's or subscription type's language must be one Kith
/// ships (the public pages speak it and the mail is written in it).
fn language(inv: &mut Invalid, field: &str, v: &str) {
    if !kith_i18n::languages().contains(&v) {
        inv.push(field, format!("must be one of {}", kith_i18n::languages().join(", ")));
    }
}

impl App {
    pub async fn create_purpose(&self, p: &Principal, f: PurposeFields) -> Result<Purpose> {
        p.require(p.role.can_manage_privacy(), "manage purposes")?;
        check_purpose(&f)?;
        let id = PurposeId::new();
        self.store.insert_purpose(&p.ctx(), &input(id, f)).await?;
        self.register_changed("purpose.create").await;
        self.get_purpose(p, id).await
    }

    pub async fn update_purpose(&self, p: &Principal, id: PurposeId, f: PurposeFields) -> Result<Purpose> {
        p.require(p.role.can_manage_privacy(), "manage purposes")?;
        check_purpose(&f)?;
        self.store
            .update_purpose(&p.ctx(), &input(id, f))
            .await
            .map_err(crate::AppError::from)
            .map_err(crate::missing("purpose"))?;
        self.register_changed("purpose.update").await;
        self.get_purpose(p, id).await
    }

    /// Sets (or with `None` removes) a purpose's retention rule, leaving the rest as it is.
    pub async fn set_purpose_rule(
        &self,
        p: &Principal,
        id: PurposeId,
        rule: Option<kith_domain::retention::Rule>,
    ) -> Result<Purpose> {
        let cur = self.get_purpose(p, id).await?;
        let f = PurposeFields {
            name: cur.name,
            description: cur.description,
            default_basis: cur.default_basis,
            data_categories: cur.data_categories,
            retention: cur.retention,
            rule,
            recipients: cur.recipients,
            direct_marketing: cur.direct_marketing,
        };
        self.update_purpose(p, id, f).await
    }

    /// Every purpose, by name. Any staff member may read them.
    pub async fn purposes(&self, _p: &Principal) -> Result<Vec<Purpose>> {
        Ok(self.store.purposes().await?)
    }

    pub async fn get_purpose(&self, _p: &Principal, id: PurposeId) -> Result<Purpose> {
        self.store.get_purpose(id).await?.ok_or(crate::AppError::NotFound("purpose"))
    }

    pub(crate) async fn require_purpose(&self, id: PurposeId) -> Result<Purpose> {
        self.store
            .get_purpose(id)
            .await?
            .ok_or_else(|| Invalid::one("purpose_id", "refers to a purpose that does not exist").into())
    }

    /// Publishes the next version of a notice (versions are never edited).
    pub async fn create_notice(&self, p: &Principal, f: NoticeFields) -> Result<Notice> {
        p.require(p.role.can_manage_privacy(), "manage notices")?;
        let mut inv = Invalid::default();
        text(&mut inv, "name", &f.name, 1, 100, false);
        language(&mut inv, "language", &f.language);
        if let Some(u) = &f.url {
            url(&mut inv, "url", u);
        }
        text(&mut inv, "body", &f.body, 1, 50_000, true);
        inv.into_result()?;
        Ok(self.store.insert_notice(&p.ctx(), f.name.trim(), &f.language, f.url.as_deref(), &f.body).await?)
    }

    pub async fn notices(&self, _p: &Principal) -> Result<Vec<Notice>> {
        Ok(self.store.notices().await?)
    }

    pub async fn create_subscription_type(&self, p: &Principal, f: SubscriptionFields) -> Result<SubscriptionType> {
        p.require(p.role.can_manage_privacy(), "manage subscription types")?;
        let mut inv = Invalid::default();
        text(&mut inv, "name", &f.name, 1, 100, false);
        text(&mut inv, "description", &f.description, 0, 1000, true);
        if f.channels.is_empty() {
            inv.push("channels", "must name at least one channel");
        }
        inv.into_result()?;
        if self.store.get_purpose(f.purpose).await?.is_none() {
            return Err(Invalid::one("purpose_id", "refers to a purpose that does not exist").into());
        }
        let mut channels = f.channels.clone();
        channels.sort();
        channels.dedup();
        let s = SubscriptionType {
            id: Uuid::now_v7(),
            name: f.name.trim().to_owned(),
            description: f.description.trim().to_owned(),
            purpose: f.purpose,
            channels,
        };
        self.store.insert_subscription_type(&p.ctx(), &s).await.map_err(|e| match e {
            kith_store::StoreError::Conflict(_) => {
                crate::AppError::Conflict("a subscription type with this name or purpose already exists".into())
            }
            e => e.into(),
        })?;
        Ok(s)
    }

    pub async fn subscription_types(&self) -> Result<Vec<SubscriptionType>> {
        Ok(self.store.subscription_types().await?)
    }

    /// Creates (`id` None) or replaces a consent form.
    pub async fn save_form(&self, p: &Principal, id: Option<Uuid>, f: FormFields) -> Result<ConsentForm> {
        p.require(p.role.can_manage_privacy(), "manage consent forms")?;
        let mut inv = Invalid::default();
        let slug_ok = (1..=60).contains(&f.slug.len())
            && f.slug.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
        if !slug_ok {
            inv.push("slug", "must be 1 to 60 lowercase letters, digits or dashes");
        }
        text(&mut inv, "title", &f.title, 1, 200, false);
        text(&mut inv, "intro", &f.intro, 0, 5000, true);
        if let Some(u) = &f.logo_url {
            url(&mut inv, "logo_url", u);
        }
        if f.fields.iter().any(|x| !FORM_FIELDS.contains(&x.as_str())) {
            inv.push("fields", format!("may only be {}", FORM_FIELDS.join(", ")));
        }
        if f.subscriptions.is_empty() || f.subscriptions.len() > 20 {
            inv.push("subscriptions", "must list 1 to 20 subscription types");
        }
        if f.third_parties.len() > 20 {
            inv.push("third_parties", "at most 20");
        }
        for t in &f.third_parties {
            text(&mut inv, "third_parties", t, 1, 200, false);
        }
        text(&mut inv, "button", &f.button, 1, 60, false);
        language(&mut inv, "language", &f.language);
        inv.into_result()?;
        // A form asks only for fields the policy allows (and always for an email).
        let policy = self.store.field_policy().await?;
        for field in f.fields.iter().map(|x| if x == "phone" { "phones" } else { x.as_str() }).chain(["emails"]) {
            if !policy.field(field).is_some_and(|d| d.enabled) {
                return Err(Invalid::one(
                    "fields",
                    format!("the field policy (version {}) does not allow {field}", policy.version),
                )
                .into());
            }
        }
        let subs = self.store.subscription_types().await?;
        if f.subscriptions.iter().any(|s| !subs.iter().any(|x| x.id == *s)) {
            return Err(Invalid::one("subscriptions", "refers to a subscription type that does not exist").into());
        }
        if self.store.get_notice(f.notice).await?.is_none() {
            return Err(Invalid::one("notice_id", "refers to a notice that does not exist").into());
        }
        if let Some(id) = id {
            if self.store.get_form(id).await?.is_none() {
                return Err(crate::AppError::NotFound("consent form"));
            }
        }
        let mut fields = f.fields.clone();
        fields.sort();
        fields.dedup();
        let mut subscriptions = f.subscriptions.clone();
        subscriptions.dedup();
        let form = ConsentForm {
            id: id.unwrap_or_else(Uuid::now_v7),
            slug: f.slug,
            title: f.title.trim().to_owned(),
            intro: f.intro.trim().to_owned(),
            logo_url: f.logo_url,
            fields,
            subscriptions,
            notice: f.notice,
            third_parties: f.third_parties.iter().map(|t| t.trim().to_owned()).collect(),
            button: f.button.trim().to_owned(),
            language: f.language,
            active: f.active,
        };
        self.store.save_form(&p.ctx(), &form).await.map_err(|e| match e {
            kith_store::StoreError::Conflict(_) => {
                crate::AppError::Conflict("a form with this slug already exists".into())
            }
            e => e.into(),
        })?;
        Ok(form)
    }

    pub async fn consent_forms(&self, p: &Principal) -> Result<Vec<ConsentForm>> {
        p.require(p.role.can_manage_privacy(), "manage consent forms")?;
        Ok(self.store.consent_forms().await?)
    }
}
