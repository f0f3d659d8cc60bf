//! `/contacts`: listing and searching (filters, sorts, a page of contacts).

#[allow(clippy::wildcard_imports)]
use super::*;

#[derive(Serialize, ToSchema)]
pub struct ContactList {
    pub items: Vec<ContactOut>,
    /// Pass as `cursor` for the next page; absent on the last page.
    pub next_cursor: Option<String>,
}

#[derive(Clone, Copy, Default, Deserialize, ToSchema)]
pub enum SortDto {
    #[default]
    #[serde(rename = "created")]
    Created,
    #[serde(rename = "-created")]
    CreatedDesc,
    #[serde(rename = "updated")]
    Updated,
    #[serde(rename = "-updated")]
    UpdatedDesc,
}

impl From<SortDto> for ContactSort {
    fn from(s: SortDto) -> Self {
        match s {
            SortDto::Created => ContactSort::CreatedAsc,
            SortDto::CreatedDesc => ContactSort::CreatedDesc,
            SortDto::Updated => ContactSort::UpdatedAsc,
            SortDto::UpdatedDesc => ContactSort::UpdatedDesc,
        }
    }
}

/// How a contact entered Kith: manual, web_form, import or api.
#[derive(Clone, Copy, Deserialize, ToSchema)]
#[serde(try_from = "String")]
#[schema(value_type = String, example = "import")]
pub struct SourceDto(SourceKind);

impl TryFrom<String> for SourceDto {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        SourceKind::parse(&s).map(SourceDto).ok_or_else(|| "must be manual, web_form, import or api".into())
    }
}

/// Filters shared by listing and searching. Times are RFC 3339; `_from`
/// is inclusive, `_to` exclusive.
#[derive(Clone, Default, Deserialize, IntoParams, ToSchema)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct ListParams {
    pub owner: Option<Uuid>,
    #[param(max_length = 50)]
    pub tag: Option<String>,
    pub company: Option<Uuid>,
    /// Where the contacts came from.
    #[param(inline)]
    pub source: Option<SourceDto>,
    pub created_from: Option<String>,
    pub created_to: Option<String>,
    pub updated_from: Option<String>,
    pub updated_to: Option<String>,
    #[param(inline)]
    pub sort: Option<SortDto>,
    pub cursor: Option<String>,
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<i64>,
    /// Segment: the lawful basis for a purpose, `<purpose id>:<basis>`
    /// (`none`: no basis). Every segment key may repeat; all must hold.
    #[serde(default)]
    pub basis: Vec<String>,
    /// Segment: the consent state, `<purpose id>:<channel>:<state>` (none,
    /// awaiting, not_responded, given, refused, withdrawn, expired).
    #[serde(default)]
    pub consent: Vec<String>,
    /// Segment: may be contacted, `<purpose id>:<channel>` (the rule every send uses).
    #[serde(default)]
    pub may: Vec<String>,
    /// Segment: may not be contacted, `<purpose id>:<channel>`.
    #[serde(default)]
    pub may_not: Vec<String>,
    /// Segment: processing restricted (`1`) or not (`0`).
    #[serde(default)]
    pub restricted: Vec<String>,
    /// Segment: objected to a purpose (`<purpose id>`, or `any`).
    #[serde(default)]
    pub objected: Vec<String>,
    /// Segment: consent given for the purpose under a notice older than its latest version.
    #[serde(default)]
    pub old_notice: Vec<String>,
    /// Segment: the record's periodic review is due (`1`).
    #[serde(default)]
    pub review_due: Vec<String>,
}

impl ListParams {
    /// The segment keys as pairs.
    pub(super) fn segment_pairs(&self) -> Vec<(&'static str, &str)> {
        let keys: [(&'static str, &Vec<String>); 8] = [
            ("basis", &self.basis),
            ("consent", &self.consent),
            ("may", &self.may),
            ("may_not", &self.may_not),
            ("restricted", &self.restricted),
            ("objected", &self.objected),
            ("old_notice", &self.old_notice),
            ("review_due", &self.review_due),
        ];
        keys.iter().flat_map(|(k, v)| v.iter().map(move |x| (*k, x.as_str()))).collect()
    }

    pub(super) fn filter(&self) -> Result<ContactFilter, ApiError> {
        Ok(ContactFilter {
            owner: self.owner.map(UserId),
            tag: self.tag.as_deref().map(kith_app::records::normalise_tag),
            company: self.company.map(CompanyId),
            source: self.source.map(|s| s.0),
            created_from: parse_time("created_from", self.created_from.as_deref())?,
            created_to: parse_time("created_to", self.created_to.as_deref())?,
            updated_from: parse_time("updated_from", self.updated_from.as_deref())?,
            updated_to: parse_time("updated_to", self.updated_to.as_deref())?,
            segment: None,
        })
    }
}

/// A search by personal values, sent in the body so they stay out of URLs
/// and logs. Give one of `email`, `phone` or `q`. `q` may itself be an
/// email, a phone number or name prefixes ("ros" finds "Mario Rossi";
/// case- and accent-insensitive; each word at least matches a name word's
/// start).
#[derive(Clone, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SearchIn {
    #[schema(max_length = 100)]
    pub q: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub owner: Option<Uuid>,
    #[schema(max_length = 50)]
    pub tag: Option<String>,
    pub company: Option<Uuid>,
    pub source: Option<SourceDto>,
    pub created_from: Option<String>,
    pub created_to: Option<String>,
    pub updated_from: Option<String>,
    pub updated_to: Option<String>,
    pub cursor: Option<String>,
    #[schema(minimum = 1, maximum = 200)]
    pub limit: Option<i64>,
}
