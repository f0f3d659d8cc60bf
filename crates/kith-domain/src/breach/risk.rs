//! The risk to the people from a breach, by a declared method: the
//! likelihood × severity matrix (each 1 negligible to 4 maximum, the
//! scale of the CNIL and of the EDPB guidelines 9/2022), whose product
//! decides the level. The method is named in the record so a later method
//! can sit beside it.

word_enum!(
    /// How the risk level was derived.
    RiskMethod {
        Matrix => "likelihood_severity_4x4", "Likelihood × severity matrix (1–4 each)",
    }
);

word_enum!(
    /// The risk to the rights and freedoms of the people (Art. 33(1), 34(1)).
    RiskLevel {
        Unlikely => "unlikely", "Unlikely to result in a risk",
        Risk => "risk", "A risk",
        High => "high", "A high risk",
    }
);

/// The words of the 1–4 scale.
pub const SCALE: [(u8, &str); 4] = [(1, "Negligible"), (2, "Limited"), (3, "Significant"), (4, "Maximum")];

/// The risk level by `method`: on the matrix, likelihood × severity up to
/// 2 is unlikely (negligible on both, or limited on one), from 8 up (both
/// at least limited and one maximum, or both significant) is high, and a
/// risk between. `None` when a score is outside 1–4.
pub fn risk_level(method: RiskMethod, likelihood: u8, severity: u8) -> Option<RiskLevel> {
    match method {
        RiskMethod::Matrix => {
            if !(1..=4).contains(&likelihood) || !(1..=4).contains(&severity) {
                return None;
            }
            Some(match likelihood * severity {
                0..=2 => RiskLevel::Unlikely,
                3..=6 => RiskLevel::Risk,
                _ => RiskLevel::High,
            })
        }
    }
}
