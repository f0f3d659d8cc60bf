//! Lawful bases, the consent ledger's vocabulary, the fold that turns a
//! person's consent events into their current state, and the one rule that
//! answers "may we contact this person?".
//!
//! Everything here is pure: the store appends events and the app asks these
//! functions what they mean.

mod fold;
mod permission;
mod proof;

pub use fold::{fold, fold_all, ConsentFact, ConsentState};
pub use permission::{may_contact, Decision, ObjectionDecision, PermissionFacts, Reason};
pub use proof::{check_event, ProofCheck};

word_enum!(
    /// Why processing for a purpose is lawful (GDPR Art. 6(1)).
    LawfulBasis {
        NotApplicable => "not_applicable", "Not applicable",
        Consent => "consent", "Consent",
        Contract => "contract", "Contract",
        LegalObligation => "legal_obligation", "Legal obligation",
        VitalInterests => "vital_interests", "Vital interests",
        PublicTask => "public_task", "Public task",
        LegitimateInterests => "legitimate_interests", "Legitimate interests",
    }
);

word_enum!(
    /// Where a basis assignment came from.
    BasisSource {
        WebForm => "web_form", "Web form",
        Import => "import", "Import",
        Manual => "manual", "Manual entry",
        ApiClient => "api_client", "API client",
    }
);

word_enum!(
    /// A way of reaching a person.
    Channel {
        Email => "email", "Email",
        Phone => "phone", "Phone",
        Sms => "sms", "SMS",
        Post => "post", "Post",
    }
);

word_enum!(
    /// What a consent event records.
    ConsentAction {
        Requested => "requested", "Requested",
        Given => "given", "Given",
        Refused => "refused", "Refused",
        Withdrawn => "withdrawn", "Withdrawn",
        Expired => "expired", "Expired",
    }
);

word_enum!(
    /// How the person expressed (or was asked for) their choice.
    ConsentMethod {
        WebForm => "web_form", "Web form",
        DoubleOptIn => "double_opt_in", "Double opt-in",
        Portal => "portal", "Privacy portal",
        Phone => "phone", "Phone",
        Paper => "paper", "Paper form",
        Import => "import", "Import",
        Api => "api", "API",
    }
);

/// Parses a comma-separated channel list (the stored form); `None` if any
/// part is unknown or the list is empty.
pub fn parse_channels(s: &str) -> Option<Vec<Channel>> {
    let v: Option<Vec<Channel>> = s.split(',').map(Channel::parse).collect();
    v.filter(|v| !v.is_empty())
}

/// The stored form of a channel list.
pub fn channels_text(channels: &[Channel]) -> String {
    channels.iter().map(|c| c.as_str()).collect::<Vec<_>>().join(",")
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::{Duration, OffsetDateTime};

    /// A test's clock: minutes after a fixed instant.
    pub(super) fn t(min: i64) -> OffsetDateTime {
        OffsetDateTime::from_unix_timestamp(1_700_000_000).unwrap() + Duration::minutes(min)
    }

    #[test]
    fn channel_lists_round_trip() {
        assert_eq!(parse_channels("email,sms"), Some(vec![Channel::Email, Channel::Sms]));
        assert_eq!(parse_channels(""), None);
        assert_eq!(parse_channels("email,fax"), None);
        assert_eq!(channels_text(&[Channel::Phone, Channel::Post]), "phone,post");
    }
}
