//! A contact's retention standing in the reader's words (the privacy
//! panel): which purpose keeps the data, until when, and why not yet.

use crate::pages::policy::{rule_words, word};
use kith_app::retention::Standing;
use kith_domain::retention::Verdict;
use kith_i18n::Tr;

/// The verdict of `s` as a sentence for `tr`.
pub(crate) fn explain(tr: &Tr, s: &Standing) -> String {
    let p = s.purpose.clone().unwrap_or_default();
    match &s.verdict {
        Verdict::NoPurpose => tr.t("retention-explain-no-purpose"),
        Verdict::NoRule => tr.t("retention-explain-no-rule"),
        Verdict::Keep { until: None, rule: Some(r), .. } => {
            tr.t2("retention-explain-kept-rule", "purpose", p, "rule", rule_words(tr, r))
        }
        Verdict::Keep { until: None, rule: None, .. } => tr.t1("retention-explain-kept", "purpose", p),
        Verdict::Keep { until: Some(t), rule, .. } => tr.t3(
            "retention-explain-expires",
            "date",
            tr.date(*t),
            "purpose",
            p,
            "rule",
            rule.as_ref().map(|r| rule_words(tr, r)).unwrap_or_default(),
        ),
        Verdict::Suspended { since, rule, hold: Some(h), .. } => tr.ta(
            "retention-explain-held",
            &[
                ("date", kith_i18n::Arg::Str(tr.date(*since))),
                ("purpose", kith_i18n::Arg::Str(p)),
                ("rule", kith_i18n::Arg::Str(rule_words(tr, rule))),
                ("review", kith_i18n::Arg::Str(tr.date(*h))),
            ],
        ),
        Verdict::Suspended { since, rule, hold: None, .. } => {
            tr.t3("retention-explain-restricted", "date", tr.date(*since), "purpose", p, "rule", rule_words(tr, rule))
        }
        Verdict::Expired { since, rule, .. } => tr.ta(
            "retention-explain-expired",
            &[
                ("date", kith_i18n::Arg::Str(tr.date(*since))),
                ("purpose", kith_i18n::Arg::Str(p)),
                ("rule", kith_i18n::Arg::Str(rule_words(tr, rule))),
                ("disposal", kith_i18n::Arg::Str(word(tr, "privacy-disposal", rule.disposal.as_str()))),
            ],
        ),
    }
}
