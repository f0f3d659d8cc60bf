//! The proof a new consent event must carry.

use super::{Channel, ConsentAction, ConsentMethod};
use crate::Invalid;
use time::OffsetDateTime;

/// The proof a new consent event carries (the checkable part of it).
#[derive(Clone, Debug, Default)]
pub struct ProofCheck<'a> {
    pub method: Option<ConsentMethod>,
    /// The notice (privacy text) the person saw, by id.
    pub has_notice: bool,
    /// What the person did, in words ("ticked the unticked newsletter box").
    pub affirmative_act: Option<&'a str>,
    /// The box was ticked before the person touched it.
    pub pre_ticked: bool,
    /// Call-recording id, scanned form, original system's record…
    pub evidence_ref: Option<&'a str>,
    pub channels: &'a [Channel],
    pub at: Option<OffsetDateTime>,
    pub until: Option<OffsetDateTime>,
}

/// The rules every new ledger event must pass. A `given` needs an
/// affirmative act on record, never a pre-ticked box; consent collected
/// online names the notice shown; consent by phone or paper names its
/// evidence; imported consent carries all of its original proof.
pub fn check_event(action: ConsentAction, p: &ProofCheck<'_>, now: OffsetDateTime) -> Result<(), Invalid> {
    let mut inv = Invalid::default();
    if p.channels.is_empty() {
        inv.push("channels", "must name at least one channel");
    }
    let Some(method) = p.method else {
        inv.push("method", "is required");
        return inv.into_result();
    };
    if let Some(at) = p.at {
        if at > now + time::Duration::minutes(5) {
            inv.push("at", "must not be in the future");
        }
    }
    let at = p.at.unwrap_or(now);
    if let Some(u) = p.until {
        if u <= at {
            inv.push(
                if action == ConsentAction::Requested { "respond_by" } else { "expires_at" },
                "must be after the event",
            );
        }
    }
    let blank = |s: Option<&str>| s.is_none_or(|s| s.trim().is_empty());
    match action {
        ConsentAction::Given => {
            if p.pre_ticked {
                inv.push("pre_ticked", "consent from a pre-ticked box is not consent");
            }
            if blank(p.affirmative_act) {
                inv.push(
                    "affirmative_act",
                    "consent needs the person's affirmative act on record (what they did to say yes)",
                );
            }
            if matches!(method, ConsentMethod::WebForm | ConsentMethod::DoubleOptIn | ConsentMethod::Portal)
                && !p.has_notice
            {
                inv.push("notice_id", "consent given online must name the notice the person saw");
            }
            if method == ConsentMethod::Api {
                if !p.has_notice {
                    inv.push("notice_id", "consent recorded through the API must name the notice the person saw");
                }
                if blank(p.evidence_ref) {
                    inv.push(
                        "evidence_ref",
                        "consent recorded through the API must name its evidence (the client's record)",
                    );
                }
            }
            if matches!(method, ConsentMethod::Phone | ConsentMethod::Paper) && blank(p.evidence_ref) {
                inv.push("evidence_ref", "consent by phone or on paper must name its evidence (recording, scan)");
            }
            if method == ConsentMethod::Import {
                if !p.has_notice {
                    inv.push("notice_id", "imported consent must carry the notice the person saw");
                }
                if blank(p.evidence_ref) {
                    inv.push("evidence_ref", "imported consent must carry the original record's reference");
                }
                if p.at.is_none() {
                    inv.push("at", "imported consent must carry the original time it was given");
                }
            }
        }
        ConsentAction::Requested => {
            if !matches!(method, ConsentMethod::WebForm | ConsentMethod::DoubleOptIn) && blank(p.evidence_ref) {
                inv.push("evidence_ref", "a request sent outside Kith must name its evidence");
            }
        }
        ConsentAction::Refused | ConsentAction::Withdrawn | ConsentAction::Expired => {}
    }
    inv.into_result()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::consent::tests::t;

    #[test]
    fn given_needs_an_affirmative_act_and_its_proof() {
        let now = t(0);
        let chans = [Channel::Email];
        let base = ProofCheck {
            method: Some(ConsentMethod::WebForm),
            has_notice: true,
            affirmative_act: Some("ticked the newsletter box"),
            channels: &chans,
            ..Default::default()
        };
        assert!(check_event(ConsentAction::Given, &base, now).is_ok());
        let fields = |p: &ProofCheck<'_>| {
            check_event(ConsentAction::Given, p, now).unwrap_err().0.into_iter().map(|e| e.field).collect::<Vec<_>>()
        };
        assert_eq!(fields(&ProofCheck { pre_ticked: true, ..base.clone() }), ["pre_ticked"]);
        assert_eq!(fields(&ProofCheck { affirmative_act: Some("  "), ..base.clone() }), ["affirmative_act"]);
        assert_eq!(fields(&ProofCheck { has_notice: false, ..base.clone() }), ["notice_id"]);
        assert_eq!(
            fields(&ProofCheck { method: Some(ConsentMethod::Phone), has_notice: false, ..base.clone() }),
            ["evidence_ref"]
        );
        assert_eq!(
            fields(&ProofCheck { method: Some(ConsentMethod::Import), has_notice: false, ..base.clone() }),
            ["notice_id", "evidence_ref", "at"]
        );
        assert_eq!(fields(&ProofCheck { channels: &[], ..base.clone() }), ["channels"]);
        assert_eq!(fields(&ProofCheck { at: Some(t(60)), ..base.clone() }), ["at"]);
        assert_eq!(fields(&ProofCheck { until: Some(t(-1)), ..base.clone() }), ["expires_at"]);
        // Withdrawing never needs anything but a method and a channel.
        let bare = ProofCheck { method: Some(ConsentMethod::Api), channels: &chans, ..Default::default() };
        assert!(check_event(ConsentAction::Withdrawn, &bare, now).is_ok());
    }
}
