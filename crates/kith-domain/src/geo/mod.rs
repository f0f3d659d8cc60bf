//! Countries and where the GDPR lets personal data go (Chapter V): the
//! EEA, and the countries the Commission has found adequate, shipped as data
//! with their instruments and dates so a transfer check is a real check.

mod authorities;
mod iso3166;

use crate::Invalid;
pub use authorities::{authority_of, Authority, AUTHORITIES, AUTHORITIES_AS_OF};
pub use iso3166::COUNTRIES;

/// An ISO 3166-1 alpha-2 country code, checked against the assigned codes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(into = "String")]
pub struct Country([u8; 2]);

impl Country {
    /// Parses a code such as `IT` or `it`; refuses codes ISO does not assign.
    pub fn parse(s: &str) -> Result<Country, Invalid> {
        let up = s.trim().to_ascii_uppercase();
        match COUNTRIES.binary_search_by(|(c, _)| (*c).cmp(up.as_str())) {
            Ok(_) => {
                let b = up.as_bytes();
                Ok(Country([b[0], b[1]]))
            }
            Err(_) => Err(Invalid::one("", "not an ISO 3166-1 alpha-2 country code")),
        }
    }

    pub fn code(&self) -> &str {
        // Only ASCII letters are ever stored.
        std::str::from_utf8(&self.0).unwrap_or("??")
    }

    /// The short English name (ISO 3166-1).
    pub fn name(&self) -> &'static str {
        COUNTRIES.iter().find(|(c, _)| *c == self.code()).map(|(_, n)| *n).unwrap_or("")
    }

    /// In the European Economic Area: no Chapter V transfer.
    pub fn in_eea(&self) -> bool {
        EEA.contains(&self.code())
    }

    /// The Commission's adequacy decision for this country, if any.
    pub fn adequacy(&self) -> Option<&'static Adequacy> {
        ADEQUACY.iter().find(|a| a.country == self.code())
    }
}

impl From<Country> for String {
    fn from(c: Country) -> String {
        c.code().to_owned()
    }
}

impl<'de> serde::Deserialize<'de> for Country {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Country::parse(&s).map_err(|_| serde::de::Error::custom("not an ISO 3166-1 alpha-2 country code"))
    }
}

/// When the EEA list below was last checked against the EEA Agreement
/// (the United Kingdom left the EU on 31 January 2020).
pub const EEA_AS_OF: &str = "2020-02-01";

/// The 27 member states of the EU, and Iceland, Liechtenstein and Norway.
pub const EEA: &[&str] = &[
    "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU", "IE", "IS", "IT", "LI", "LT",
    "LU", "LV", "MT", "NL", "NO", "PL", "PT", "RO", "SE", "SI", "SK",
];

/// A Commission decision that a country ensures an adequate level of
/// protection (Art. 45).
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Adequacy {
    pub country: &'static str,
    /// The instrument, as the Official Journal names it.
    pub instrument: &'static str,
    /// Date of adoption (YYYY-MM-DD).
    pub adopted: &'static str,
    /// Who it covers when it does not cover every recipient in the country.
    pub scope: Option<&'static str>,
    /// The recipient must itself be certified (the EU–US Data Privacy
    /// Framework covers only organisations on the DPF list).
    pub needs_certification: bool,
}

/// When [`ADEQUACY`] was last checked against the Commission's list.
pub const ADEQUACY_AS_OF: &str = "2025-09-01";

const fn full(country: &'static str, instrument: &'static str, adopted: &'static str) -> Adequacy {
    Adequacy { country, instrument, adopted, scope: None, needs_certification: false }
}

/// The adequacy decisions in force, by country.
pub const ADEQUACY: &[Adequacy] = &[
    full("AD", "Commission Decision 2010/625/EU", "2010-10-19"),
    full("AR", "Commission Decision 2003/490/EC", "2003-06-30"),
    Adequacy {
        country: "CA",
        instrument: "Commission Decision 2002/2/EC",
        adopted: "2001-12-20",
        scope: Some("commercial organisations subject to PIPEDA"),
        needs_certification: false,
    },
    full("CH", "Commission Decision 2000/518/EC", "2000-07-26"),
    full("FO", "Commission Decision 2010/146/EU", "2010-03-05"),
    full("GB", "Commission Implementing Decision (EU) 2021/1772", "2021-06-28"),
    full("GG", "Commission Decision 2003/821/EC", "2003-11-21"),
    full("IL", "Commission Decision 2011/61/EU", "2011-01-31"),
    full("IM", "Commission Decision 2004/411/EC", "2004-04-28"),
    full("JE", "Commission Decision 2008/393/EC", "2008-05-08"),
    full("JP", "Commission Implementing Decision (EU) 2019/419", "2019-01-23"),
    full("KR", "Commission Implementing Decision (EU) 2022/254", "2021-12-17"),
    full("NZ", "Commission Decision 2013/65/EU", "2012-12-19"),
    Adequacy {
        country: "US",
        instrument: "Commission Implementing Decision (EU) 2023/1795 (EU–US Data Privacy Framework)",
        adopted: "2023-07-10",
        scope: Some("organisations certified under the EU–US Data Privacy Framework"),
        needs_certification: true,
    },
    full("UY", "Commission Decision 2012/484/EU", "2012-08-21"),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_sorted_unique_and_two_letters() {
        for w in COUNTRIES.windows(2) {
            assert!(w[0].0 < w[1].0, "{} before {}", w[0].0, w[1].0);
        }
        assert!(COUNTRIES.iter().all(|(c, _)| c.len() == 2 && c.bytes().all(|b| b.is_ascii_uppercase())));
        assert_eq!(COUNTRIES.len(), 249);
    }

    #[test]
    fn eea_and_adequacy_name_assigned_codes_and_do_not_overlap() {
        assert_eq!(EEA.len(), 30);
        for c in EEA {
            assert!(Country::parse(c).is_ok(), "{c}");
        }
        for a in ADEQUACY {
            let c = Country::parse(a.country).unwrap();
            assert!(!c.in_eea(), "{} is in the EEA", a.country);
        }
    }

    #[test]
    fn parse_accepts_lower_case_and_refuses_unassigned() {
        assert_eq!(Country::parse("it").unwrap().code(), "IT");
        assert_eq!(Country::parse("IT").unwrap().name(), "Italy");
        assert!(Country::parse("XX").is_err());
        assert!(Country::parse("ITA").is_err());
        assert!(Country::parse("").is_err());
        assert!(Country::parse("UK").is_err(), "the ISO code is GB");
    }

    #[test]
    fn adequacy_lookup() {
        assert!(Country::parse("JP").unwrap().adequacy().is_some());
        assert!(Country::parse("US").unwrap().adequacy().unwrap().needs_certification);
        assert!(Country::parse("IN").unwrap().adequacy().is_none());
        assert!(Country::parse("FR").unwrap().in_eea());
        assert!(!Country::parse("CH").unwrap().in_eea());
    }
}
