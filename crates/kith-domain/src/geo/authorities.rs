//! The supervisory authorities of the EEA (Art. 51): one per country, the
//! one a breach is notified to (Art. 33). Germany has a federal commissioner
//! and one authority per Land for the private sector; the table names the
//! federal one, and the register's record says which Land's applies.

/// A supervisory authority: its country (ISO 3166-1 alpha-2), its name as
/// it calls itself (with the English name where that is not English), and
/// its website.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Authority {
    pub country: &'static str,
    pub name: &'static str,
    pub website: &'static str,
}

/// When the table was last checked against the EDPB's list of members.
pub const AUTHORITIES_AS_OF: &str = "2026-12-01";

/// The 30 EEA authorities, by country code.
pub const AUTHORITIES: &[Authority] = &[
    a("AT", "Österreichische Datenschutzbehörde (Austrian Data Protection Authority)", "https://www.dsb.gv.at"),
    a(
        "BE",
        "Autorité de protection des données / Gegevensbeschermingsautoriteit (Data Protection Authority)",
        "https://www.dataprotectionauthority.be",
    ),
    a("BG", "Commission for Personal Data Protection (Комисия за защита на личните данни)", "https://www.cpdp.bg"),
    a("CY", "Commissioner for Personal Data Protection", "https://www.dataprotection.gov.cy"),
    a("CZ", "Úřad pro ochranu osobních údajů (Office for Personal Data Protection)", "https://uoou.gov.cz"),
    a(
        "DE",
        "Der Bundesbeauftragte für den Datenschutz und die Informationsfreiheit (BfDI)",
        "https://www.bfdi.bund.de",
    ),
    a("DK", "Datatilsynet (Danish Data Protection Agency)", "https://www.datatilsynet.dk"),
    a("EE", "Andmekaitse Inspektsioon (Estonian Data Protection Inspectorate)", "https://www.aki.ee"),
    a("ES", "Agencia Española de Protección de Datos (AEPD)", "https://www.aepd.es"),
    a("FI", "Tietosuojavaltuutetun toimisto (Office of the Data Protection Ombudsman)", "https://tietosuoja.fi"),
    a("FR", "Commission Nationale de l'Informatique et des Libertés (CNIL)", "https://www.cnil.fr"),
    a(
        "GR",
        "Αρχή Προστασίας Δεδομένων Προσωπικού Χαρακτήρα (Hellenic Data Protection Authority)",
        "https://www.dpa.gr",
    ),
    a("HR", "Agencija za zaštitu osobnih podataka (AZOP, Personal Data Protection Agency)", "https://azop.hr"),
    a("HU", "Nemzeti Adatvédelmi és Információszabadság Hatóság (NAIH)", "https://naih.hu"),
    a("IE", "Data Protection Commission", "https://www.dataprotection.ie"),
    a("IS", "Persónuvernd (Icelandic Data Protection Authority)", "https://www.personuvernd.is"),
    a("IT", "Garante per la protezione dei dati personali", "https://www.garanteprivacy.it"),
    a("LI", "Datenschutzstelle Liechtenstein (Data Protection Authority)", "https://www.datenschutzstelle.li"),
    a("LT", "Valstybinė duomenų apsaugos inspekcija (State Data Protection Inspectorate)", "https://vdai.lrv.lt"),
    a("LU", "Commission Nationale pour la Protection des Données (CNPD)", "https://cnpd.public.lu"),
    a("LV", "Datu valsts inspekcija (Data State Inspectorate)", "https://www.dvi.gov.lv"),
    a("MT", "Information and Data Protection Commissioner (IDPC)", "https://idpc.org.mt"),
    a(
        "NL",
        "Autoriteit Persoonsgegevens (Dutch Data Protection Authority)",
        "https://www.autoriteitpersoonsgegevens.nl",
    ),
    a("NO", "Datatilsynet (Norwegian Data Protection Authority)", "https://www.datatilsynet.no"),
    a("PL", "Urząd Ochrony Danych Osobowych (UODO, Personal Data Protection Office)", "https://uodo.gov.pl"),
    a("PT", "Comissão Nacional de Proteção de Dados (CNPD)", "https://www.cnpd.pt"),
    a(
        "RO",
        "Autoritatea Națională de Supraveghere a Prelucrării Datelor cu Caracter Personal (ANSPDCP)",
        "https://www.dataprotection.ro",
    ),
    a("SE", "Integritetsskyddsmyndigheten (IMY, Swedish Authority for Privacy Protection)", "https://www.imy.se"),
    a("SI", "Informacijski pooblaščenec (Information Commissioner)", "https://www.ip-rs.si"),
    a(
        "SK",
        "Úrad na ochranu osobných údajov Slovenskej republiky (Office for Personal Data Protection)",
        "https://dataprotection.gov.sk",
    ),
];

const fn a(country: &'static str, name: &'static str, website: &'static str) -> Authority {
    Authority { country, name, website }
}

/// The authority of an EEA country; none outside the EEA.
pub fn authority_of(country: &str) -> Option<&'static Authority> {
    AUTHORITIES.iter().find(|a| a.country == country)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_authority_per_eea_country_and_none_elsewhere() {
        assert_eq!(AUTHORITIES.len(), 30);
        for c in super::super::EEA {
            assert!(authority_of(c).is_some(), "{c} has no authority");
        }
        for a in AUTHORITIES {
            assert!(super::super::EEA.contains(&a.country), "{} is not in the EEA", a.country);
            assert!(a.website.starts_with("https://"));
        }
        assert!(authority_of("GB").is_none());
        assert_eq!(authority_of("IT").map(|a| a.name), Some("Garante per la protezione dei dati personali"));
        assert!(authority_of("FR").is_some_and(|a| a.name.contains("CNIL")));
        assert!(authority_of("BG").is_some_and(|a| a.name.starts_with("Commission for Personal Data Protection")));
    }
}
