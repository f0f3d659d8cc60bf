//! What consent is about: purposes, versioned notices, subscription types
//! and public consent forms. None of it is personal data.

use crate::audit::{self, NewEntry};
use crate::db::{Exec, Row};
use crate::{args, from_ms, now_ms, Ctx, Store, StoreError};
use kith_domain::consent::{channels_text, parse_channels};
use kith_domain::retention::{Anchor, Disposal, Period, PeriodUnit, Rule};
use kith_domain::{Channel, LawfulBasis, PurposeId};
use uuid::Uuid;

#[derive(Clone, Debug)]
pub struct Purpose {
    pub id: PurposeId,
    pub name: String,
    pub description: String,
    pub default_basis: LawfulBasis,
    pub data_categories: Vec<String>,
    /// How long data kept for this purpose lives, in words (shown to people).
    pub retention: String,
    /// The rule the retention sweep enforces, if any.
    pub rule: Option<Rule>,
    /// Who receives the data (processors, third parties).
    pub recipients: String,
    /// Direct marketing: an objection to it is absolute (Art. 21(3)).
    pub direct_marketing: bool,
    pub created_at: time::OffsetDateTime,
    pub updated_at: time::OffsetDateTime,
}

#[derive(Clone, Debug)]
pub struct PurposeInput {
    pub id: PurposeId,
    pub name: String,
    pub description: String,
    pub default_basis: LawfulBasis,
    pub data_categories: Vec<String>,
    pub retention: String,
    pub rule: Option<Rule>,
    pub recipients: String,
    pub direct_marketing: bool,
}

/// One version of a privacy notice. Versions are never edited.
#[derive(Clone, Debug)]
pub struct Notice {
    pub id: Uuid,
    pub name: String,
    pub version: i64,
    pub language: String,
    pub url: Option<String>,
    pub body: String,
    pub sha256: Vec<u8>,
    pub created_at: time::OffsetDateTime,
}

#[derive(Clone, Debug)]
pub struct SubscriptionType {
    pub id: Uuid,
    pub name: String,
    pub description: String,
    pub purpose: PurposeId,
    pub channels: Vec<Channel>,
}

#[derive(Clone, Debug)]
pub struct ConsentForm {
    pub id: Uuid,
    pub slug: String,
    pub title: String,
    pub intro: String,
    pub logo_url: Option<String>,
    /// Contact fields the form asks for besides the email: `first_name`, `last_name`, `phone`.
    pub fields: Vec<String>,
    pub subscriptions: Vec<Uuid>,
    pub notice: Uuid,
    /// Third parties the person may agree to share with (a separate, unticked box).
    pub third_parties: Vec<String>,
    pub button: String,
    pub language: String,
    pub active: bool,
}

/// A consent request campaign, as recorded.
#[derive(Clone, Debug)]
pub struct Campaign {
    pub id: Uuid,
    pub purpose: PurposeId,
    pub name: String,
    pub mail_subject: String,
    pub mail_body: String,
    pub wait_days: i64,
    pub created_by: Option<kith_domain::UserId>,
    pub created_at: time::OffsetDateTime,
    pub requested: i64,
    pub skipped: i64,
    /// The template it used (none: free text); the subject and body above
    /// are then its English (or first) text, as sent.
    pub template: Option<Uuid>,
}

const CAMPAIGN_COLS: &str =
    "id, purpose_id, name, mail_subject, mail_body, wait_days, created_by, created_at, requested, skipped, template_id";

fn campaign(r: &Row) -> Result<Campaign, StoreError> {
    Ok(Campaign {
        id: r.get(0)?,
        purpose: PurposeId(r.get(1)?),
        name: r.get(2)?,
        mail_subject: r.get(3)?,
        mail_body: r.get(4)?,
        wait_days: r.get(5)?,
        created_by: r.get::<Option<Uuid>>(6)?.map(kith_domain::UserId),
        created_at: from_ms(r.get(7)?),
        requested: r.get(8)?,
        skipped: r.get(9)?,
        template: r.get(10)?,
    })
}

fn corrupt(what: &'static str) -> impl Fn(serde_json::Error) -> StoreError {
    move |_| StoreError::Corrupt(what)
}

const PURPOSE_COLS: &str = "id, name, description, default_basis, data_categories, retention, recipients, created_at, \
     updated_at, direct_marketing, retention_anchor, retention_count, retention_unit, retention_disposal";

/// A rule's four columns (all or none set).
fn rule_values(r: Option<Rule>) -> [crate::db::Value; 4] {
    match r {
        Some(r) => args![r.anchor.as_str(), i64::from(r.period.count), r.period.unit.as_str(), r.disposal.as_str()],
        None => args![None::<String>, None::<i64>, None::<String>, None::<String>],
    }
}

/// The rule stored from column `at` on.
pub(crate) fn rule_at(r: &Row, at: usize) -> Result<Option<Rule>, StoreError> {
    let anchor: Option<String> = r.get(at)?;
    let (Some(anchor), Some(count), Some(unit), Some(disposal)) =
        (anchor, r.get::<Option<i64>>(at + 1)?, r.get::<Option<String>>(at + 2)?, r.get::<Option<String>>(at + 3)?)
    else {
        return Ok(None);
    };
    let bad = || StoreError::Corrupt("retention rule");
    Ok(Some(Rule {
        anchor: Anchor::parse(&anchor).ok_or_else(bad)?,
        period: Period::new(count, PeriodUnit::parse(&unit).ok_or_else(bad)?).map_err(|_| bad())?,
        disposal: Disposal::parse(&disposal).ok_or_else(bad)?,
    }))
}

fn purpose(r: &Row) -> Result<Purpose, StoreError> {
    let basis: String = r.get(3)?;
    let cats: String = r.get(4)?;
    Ok(Purpose {
        id: PurposeId(r.get(0)?),
        name: r.get(1)?,
        description: r.get(2)?,
        default_basis: LawfulBasis::parse(&basis).ok_or(StoreError::Corrupt("purpose basis"))?,
        data_categories: serde_json::from_str(&cats).map_err(corrupt("purpose categories"))?,
        retention: r.get(5)?,
        recipients: r.get(6)?,
        created_at: from_ms(r.get(7)?),
        updated_at: from_ms(r.get(8)?),
        direct_marketing: r.get(9)?,
        rule: rule_at(r, 10)?,
    })
}

const NOTICE_COLS: &str = "id, name, version, language, url, body, sha256, created_at";

fn notice(r: &Row) -> Result<Notice, StoreError> {
    Ok(Notice {
        id: r.get(0)?,
        name: r.get(1)?,
        version: r.get(2)?,
        language: r.get(3)?,
        url: r.get(4)?,
        body: r.get(5)?,
        sha256: r.get(6)?,
        created_at: from_ms(r.get(7)?),
    })
}

const SUB_COLS: &str = "id, name, description, purpose_id, channels";

fn subscription(r: &Row) -> Result<SubscriptionType, StoreError> {
    let ch: String = r.get(4)?;
    Ok(SubscriptionType {
        id: r.get(0)?,
        name: r.get(1)?,
        description: r.get(2)?,
        purpose: PurposeId(r.get(3)?),
        channels: parse_channels(&ch).ok_or(StoreError::Corrupt("subscription channels"))?,
    })
}

const FORM_COLS: &str =
    "id, slug, title, intro, logo_url, fields, subscriptions, notice_id, third_parties, button, language, active";

fn form(r: &Row) -> Result<ConsentForm, StoreError> {
    let fields: String = r.get(5)?;
    let subs: String = r.get(6)?;
    let third: String = r.get(8)?;
    Ok(ConsentForm {
        id: r.get(0)?,
        slug: r.get(1)?,
        title: r.get(2)?,
        intro: r.get(3)?,
        logo_url: r.get(4)?,
        fields: serde_json::from_str(&fields).map_err(corrupt("form fields"))?,
        subscriptions: serde_json::from_str(&subs).map_err(corrupt("form subscriptions"))?,
        notice: r.get(7)?,
        third_parties: serde_json::from_str(&third).map_err(corrupt("form third parties"))?,
        button: r.get(9)?,
        language: r.get(10)?,
        active: r.get(11)?,
    })
}

fn json(v: &impl serde::Serialize) -> String {
    serde_json::to_string(v).expect("plain values serialise")
}

/// A unique-constraint violation names what collided.
fn unique(e: StoreError, what: &'static str) -> StoreError {
    match e {
        StoreError::Db(sqlx::Error::Database(d)) if d.is_unique_violation() => StoreError::Conflict(what),
        e => e,
    }
}

impl Store {
    pub async fn insert_purpose(&self, ctx: &Ctx, p: &PurposeInput) -> Result<(), StoreError> {
        let mut tx = self.pools.write.begin().await?;
        let now = now_ms();
        tx.execute(
            &format!(
                "INSERT INTO purposes ({PURPOSE_COLS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8, $9, $10, $11, $12, $13)"
            ),
            &[
                args![
                    p.id.0,
                    p.name.as_str(),
                    p.description.as_str(),
                    p.default_basis.as_str(),
                    json(&p.data_categories),
                    p.retention.as_str(),
                    p.recipients.as_str(),
                    now,
                    p.direct_marketing
                ]
                .as_slice(),
                &rule_values(p.rule),
            ]
            .concat(),
        )
        .await
        .map_err(|e| unique(e, "name"))?;
        audit::append(&mut tx, ctx, &[NewEntry::object("purpose.create", "purpose", p.id)]).await?;
        tx.commit().await
    }

    pub async fn update_purpose(&self, ctx: &Ctx, p: &PurposeInput) -> Result<(), StoreError> {
        let mut tx = self.pools.write.begin().await?;
        let n = tx
            .execute(
                "UPDATE purposes SET name = $1, description = $2, default_basis = $3, data_categories = $4, \
                 retention = $5, recipients = $6, updated_at = $7, direct_marketing = $9, retention_anchor = $10, \
                 retention_count = $11, retention_unit = $12, retention_disposal = $13 WHERE id = $8",
                &[
                    args![
                        p.name.as_str(),
                        p.description.as_str(),
                        p.default_basis.as_str(),
                        json(&p.data_categories),
                        p.retention.as_str(),
                        p.recipients.as_str(),
                        now_ms(),
                        p.id.0,
                        p.direct_marketing
                    ]
                    .as_slice(),
                    &rule_values(p.rule),
                ]
                .concat(),
            )
            .await
            .map_err(|e| unique(e, "name"))?;
        if n == 0 {
            return Err(StoreError::NotFound);
        }
        // Whether the purpose is direct marketing decides what an objection to it stops.
        crate::permissions::refresh_selected(
            &mut tx,
            "SELECT subject_id FROM objections WHERE purpose_id = $1",
            &args![p.id.0],
        )
        .await?;
        audit::append(&mut tx, ctx, &[NewEntry::object("purpose.update", "purpose", p.id)]).await?;
        tx.commit().await
    }

    pub async fn purposes(&self) -> Result<Vec<Purpose>, StoreError> {
        let sql = format!("SELECT {PURPOSE_COLS} FROM purposes ORDER BY name");
        self.pools.read.conn().await?.fetch_all(&sql, &[]).await?.iter().map(purpose).collect()
    }

    pub async fn get_purpose(&self, id: PurposeId) -> Result<Option<Purpose>, StoreError> {
        let sql = format!("SELECT {PURPOSE_COLS} FROM purposes WHERE id = $1");
        self.pools.read.conn().await?.fetch_optional(&sql, &args![id.0]).await?.as_ref().map(purpose).transpose()
    }

    /// Adds the next version of the notice called `name`.
    pub async fn insert_notice(
        &self,
        ctx: &Ctx,
        name: &str,
        language: &str,
        url: Option<&str>,
        body: &str,
    ) -> Result<Notice, StoreError> {
        let mut tx = self.pools.write.begin().await?;
        let id = Uuid::now_v7();
        let sha = ring::digest::digest(&ring::digest::SHA256, body.as_bytes()).as_ref().to_vec();
        // Two writers adding a version at once: the UNIQUE (name, version)
        // turns the loser into a conflict the client may retry.
        let next: i64 = tx
            .fetch_optional("SELECT COALESCE(MAX(version), 0) + 1 FROM notices WHERE name = $1", &args![name])
            .await?
            .ok_or(StoreError::NotFound)?
            .get(0)?;
        let now = now_ms();
        tx.execute(
            &format!("INSERT INTO notices ({NOTICE_COLS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)"),
            &args![id, name, next, language, url.map(str::to_owned), body, sha.clone(), now],
        )
        .await
        .map_err(|e| unique(e, "version"))?;
        audit::append(&mut tx, ctx, &[NewEntry::object("notice.create", "notice", id)]).await?;
        tx.commit().await?;
        Ok(Notice {
            id,
            name: name.to_owned(),
            version: next,
            language: language.to_owned(),
            url: url.map(str::to_owned),
            body: body.to_owned(),
            sha256: sha,
            created_at: from_ms(now),
        })
    }

    pub async fn notices(&self) -> Result<Vec<Notice>, StoreError> {
        let sql = format!("SELECT {NOTICE_COLS} FROM notices ORDER BY name, version DESC");
        self.pools.read.conn().await?.fetch_all(&sql, &[]).await?.iter().map(notice).collect()
    }

    pub async fn get_notice(&self, id: Uuid) -> Result<Option<Notice>, StoreError> {
        let sql = format!("SELECT {NOTICE_COLS} FROM notices WHERE id = $1");
        self.pools.read.conn().await?.fetch_optional(&sql, &args![id]).await?.as_ref().map(notice).transpose()
    }

    pub async fn insert_subscription_type(&self, ctx: &Ctx, s: &SubscriptionType) -> Result<(), StoreError> {
        let mut tx = self.pools.write.begin().await?;
        tx.execute(
            &format!("INSERT INTO subscription_types ({SUB_COLS}, created_at) VALUES ($1, $2, $3, $4, $5, $6)"),
            &args![s.id, s.name.as_str(), s.description.as_str(), s.purpose.0, channels_text(&s.channels), now_ms()],
        )
        .await
        .map_err(|e| unique(e, "name or purpose"))?;
        audit::append(&mut tx, ctx, &[NewEntry::object("subscription_type.create", "subscription_type", s.id)]).await?;
        tx.commit().await
    }

    pub async fn subscription_types(&self) -> Result<Vec<SubscriptionType>, StoreError> {
        let sql = format!("SELECT {SUB_COLS} FROM subscription_types ORDER BY name");
        self.pools.read.conn().await?.fetch_all(&sql, &[]).await?.iter().map(subscription).collect()
    }

    /// Creates or replaces a form (by id).
    pub async fn save_form(&self, ctx: &Ctx, f: &ConsentForm) -> Result<(), StoreError> {
        let mut tx = self.pools.write.begin().await?;
        let now = now_ms();
        let vals = args![
            f.id,
            f.slug.as_str(),
            f.title.as_str(),
            f.intro.as_str(),
            f.logo_url.clone(),
            json(&f.fields),
            json(&f.subscriptions),
            f.notice,
            json(&f.third_parties),
            f.button.as_str(),
            f.language.as_str(),
            f.active,
            now
        ];
        tx.execute(
            &format!(
                "INSERT INTO consent_forms ({FORM_COLS}, created_at, updated_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13) \
                 ON CONFLICT (id) DO UPDATE SET slug = $2, title = $3, intro = $4, logo_url = $5, fields = $6, \
                 subscriptions = $7, notice_id = $8, third_parties = $9, button = $10, language = $11, active = $12, \
                 updated_at = $13"
            ),
            &vals,
        )
        .await
        .map_err(|e| unique(e, "slug"))?;
        audit::append(&mut tx, ctx, &[NewEntry::object("consent_form.save", "consent_form", f.id)]).await?;
        tx.commit().await
    }

    pub async fn consent_forms(&self) -> Result<Vec<ConsentForm>, StoreError> {
        let sql = format!("SELECT {FORM_COLS} FROM consent_forms ORDER BY slug");
        self.pools.read.conn().await?.fetch_all(&sql, &[]).await?.iter().map(form).collect()
    }

    pub async fn form_by_slug(&self, slug: &str) -> Result<Option<ConsentForm>, StoreError> {
        let sql = format!("SELECT {FORM_COLS} FROM consent_forms WHERE slug = $1");
        self.pools.read.conn().await?.fetch_optional(&sql, &args![slug]).await?.as_ref().map(form).transpose()
    }

    pub async fn get_form(&self, id: Uuid) -> Result<Option<ConsentForm>, StoreError> {
        let sql = format!("SELECT {FORM_COLS} FROM consent_forms WHERE id = $1");
        self.pools.read.conn().await?.fetch_optional(&sql, &args![id]).await?.as_ref().map(form).transpose()
    }

    pub async fn insert_campaign(&self, ctx: &Ctx, c: &Campaign) -> Result<(), StoreError> {
        let mut tx = self.pools.write.begin().await?;
        tx.execute(
            &format!(
                "INSERT INTO consent_campaigns ({CAMPAIGN_COLS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)"
            ),
            &args![
                c.id,
                c.purpose.0,
                c.name.as_str(),
                c.mail_subject.as_str(),
                c.mail_body.as_str(),
                c.wait_days,
                c.created_by.map(|u| u.0),
                crate::to_ms(c.created_at),
                c.requested,
                c.skipped,
                c.template
            ],
        )
        .await?;
        audit::append(&mut tx, ctx, &[NewEntry::object("consent_campaign.send", "consent_campaign", c.id)]).await?;
        tx.commit().await
    }

    pub async fn campaigns(&self, limit: i64) -> Result<Vec<Campaign>, StoreError> {
        let sql = format!("SELECT {CAMPAIGN_COLS} FROM consent_campaigns ORDER BY created_at DESC, id DESC LIMIT $1");
        self.pools.read.conn().await?.fetch_all(&sql, &args![limit]).await?.iter().map(campaign).collect()
    }
}
