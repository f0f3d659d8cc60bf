//! What other CRMs' exports say about a person beyond their name and
//! address: the lawful-basis column of HubSpot, Zoho and Salesforce, read
//! by its normalised text (never guessed), and the export it came from.

use crate::LawfulBasis;

/// What an export's lawful-basis cell claims.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ClaimedBasis {
    /// A basis Kith records as it is (contract, legitimate interests…).
    Basis(LawfulBasis),
    /// Consent, claimed without its proof: not recorded as consent.
    Consent,
    /// The export says no basis applies (or consent is pending, refused
    /// or withdrawn): nothing is recorded.
    None,
}

/// Lower case, letters and digits only: "Legitimate interest – prospect/lead"
/// and "legitimate interest - prospect / lead" read the same.
pub fn normalise(s: &str) -> String {
    s.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

/// The basis a cell of an export's lawful-basis column claims, by its
/// normalised text; `None` for a value Kith does not know (reported, not
/// guessed).
pub fn claimed_basis(value: &str) -> Option<ClaimedBasis> {
    use ClaimedBasis::*;
    Some(match normalise(value).as_str() {
        // HubSpot ("Legal basis for processing contact's data").
        "legitimateinterestprospectlead"
        | "legitimateinterestexistingcustomer"
        | "legitimateinterestother"
        // Zoho ("Data Processing Basis") and Salesforce ("Legal Basis").
        | "legitimateinterests"
        | "legitimateinterest" => Basis(LawfulBasis::LegitimateInterests),
        "performanceofacontract" | "contract" | "contractual" | "contractualnecessity" => {
            Basis(LawfulBasis::Contract)
        }
        "legalobligation" | "compliancewithalegalobligation" => Basis(LawfulBasis::LegalObligation),
        "vitalinterests" | "vitalinterest" => Basis(LawfulBasis::VitalInterests),
        "publicinterests" | "publicinterest" | "publictask" => Basis(LawfulBasis::PublicTask),
        "freelygivenconsentfromcontact" | "consentobtained" | "consent" | "consentgiven" => Consent,
        "notapplicable" | "none" | "consentpending" | "consentnotresponded" | "consentwithdrawn"
        | "consentdenied" => None,
        _ => return Option::None,
    })
}

/// The export a lawful-basis column comes from, by its header: named as
/// the source of the legitimate-interest assessment it claims.
pub fn export_name(header: &str) -> &'static str {
    match normalise(header).as_str() {
        "legalbasisforprocessingcontactsdata" => "HubSpot export",
        "dataprocessingbasis" => "Zoho export",
        "legalbasis" => "Salesforce export",
        _ => "CRM export",
    }
}

/// A language cell as a lower-case language code: a code as written
/// (`en`, `it-IT`, `pt_BR` give `en`, `it`, `pt`) or a language's name in
/// English or in itself ("Italian", "Italiano"); `None` otherwise.
pub fn language_code(value: &str) -> Option<String> {
    let v = value.trim();
    // "Italian - Italy", "Italiano (Italia)": the language's name comes first.
    let first_word: String = v.split(|c: char| !c.is_alphabetic()).next().unwrap_or("").to_owned();
    let name = |n: &str| match normalise(n).as_str() {
        "english" | "inglese" => Some("en"),
        "italian" | "italiano" => Some("it"),
        "german" | "deutsch" | "tedesco" => Some("de"),
        "french" | "francais" | "français" | "francese" => Some("fr"),
        "spanish" | "espanol" | "español" | "spagnolo" => Some("es"),
        "portuguese" | "portugues" | "português" | "portoghese" => Some("pt"),
        "dutch" | "nederlands" | "olandese" => Some("nl"),
        _ => None,
    };
    if let Some(n) = name(v).or_else(|| name(&first_word)) {
        return Some(n.to_owned());
    }
    let primary = v.split(['-', '_']).next().unwrap_or("");
    let rest_ok = v[primary.len()..].chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    ((2..=3).contains(&primary.len()) && primary.chars().all(|c| c.is_ascii_alphabetic()) && rest_ok && v.len() <= 35)
        .then(|| primary.to_ascii_lowercase())
}

/// The values a lawful-basis column may hold, for the reason a row with
/// another value is rejected.
pub const KNOWN_VALUES: &str = "contract, legitimate interest(s), legal obligation, vital interests, public task, \
     consent, not applicable (as HubSpot, Zoho and Salesforce write them)";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_values_of_three_crms_map_to_bases() {
        let li = Some(ClaimedBasis::Basis(LawfulBasis::LegitimateInterests));
        for (v, want) in [
            ("Legitimate interest – prospect/lead", li),
            ("Legitimate interest – existing customer", li),
            ("Performance of a contract", Some(ClaimedBasis::Basis(LawfulBasis::Contract))),
            ("Freely given consent from contact", Some(ClaimedBasis::Consent)),
            ("Not applicable", Some(ClaimedBasis::None)),
            ("Legitimate Interests", li),
            ("Contract", Some(ClaimedBasis::Basis(LawfulBasis::Contract))),
            ("Legal Obligation", Some(ClaimedBasis::Basis(LawfulBasis::LegalObligation))),
            ("Consent - Obtained", Some(ClaimedBasis::Consent)),
            ("Not Applicable", Some(ClaimedBasis::None)),
            ("Public Task", Some(ClaimedBasis::Basis(LawfulBasis::PublicTask))),
            ("they said yes probably", None),
        ] {
            assert_eq!(claimed_basis(v), want, "{v}");
        }
        assert_eq!(export_name("Legal basis for processing contact's data"), "HubSpot export");
        assert_eq!(export_name("Data Processing Basis"), "Zoho export");
        assert_eq!(export_name("Legal Basis"), "Salesforce export");
    }

    #[test]
    fn languages_are_read_as_codes_or_names() {
        for (v, want) in [
            ("it", Some("it")),
            ("en-US", Some("en")),
            ("pt_BR", Some("pt")),
            ("Italiano", Some("it")),
            ("English", Some("en")),
            ("Italian - Italy", Some("it")),
        ] {
            assert_eq!(language_code(v).as_deref(), want, "{v}");
        }
        assert_eq!(language_code("Klingon please"), None);
        assert_eq!(language_code("12"), None);
    }
}
