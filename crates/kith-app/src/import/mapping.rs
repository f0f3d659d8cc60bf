//! Where a file's columns go: the fields Kith knows, recognised by header.

/// Where a column's values go.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    /// A custom field of the field policy, by name (`custom.<name>`).
    Custom(String),
    FirstName,
    LastName,
    /// "First Last" in one column, split at the last space.
    FullName,
    Email,
    Phone,
    JobTitle,
    Street,
    PostalCode,
    City,
    Region,
    Country,
    Notes,
    /// When the person gave the consent being imported (its original time).
    ConsentAt,
    /// The original system's record of the consent.
    ConsentEvidence,
    /// What the person did to consent, in words.
    ConsentAct,
    /// The channels consented to (`email`, `phone`, `sms`, `post`).
    ConsentChannels,
    /// When the consent expires.
    ConsentExpiresAt,
    /// The address the consent was given from.
    ConsentIp,
    /// The company's name: found (case-insensitive) or created, and linked.
    Company,
    /// When the record was created in the system the file comes from.
    SourceCreatedAt,
    /// The lifecycle stage there (lead, customer…), kept as a tag.
    LifecycleStage,
    /// The export's lawful basis for the purpose chosen at import.
    LawfulBasis,
    /// The person's language (`en`, `it`, "Italian"…).
    Language,
}

impl Target {
    pub const ALL: [(&'static str, Target); 23] = [
        ("first_name", Target::FirstName),
        ("last_name", Target::LastName),
        ("full_name", Target::FullName),
        ("email", Target::Email),
        ("phone", Target::Phone),
        ("job_title", Target::JobTitle),
        ("street", Target::Street),
        ("postal_code", Target::PostalCode),
        ("city", Target::City),
        ("region", Target::Region),
        ("country", Target::Country),
        ("notes", Target::Notes),
        ("consent_at", Target::ConsentAt),
        ("consent_evidence", Target::ConsentEvidence),
        ("consent_act", Target::ConsentAct),
        ("consent_channels", Target::ConsentChannels),
        ("consent_expires_at", Target::ConsentExpiresAt),
        ("consent_ip", Target::ConsentIp),
        ("company", Target::Company),
        ("source_created_at", Target::SourceCreatedAt),
        ("lifecycle_stage", Target::LifecycleStage),
        ("lawful_basis", Target::LawfulBasis),
        ("language", Target::Language),
    ];

    /// Part of a consent's proof rather than of the contact.
    pub fn is_consent(&self) -> bool {
        matches!(
            self,
            Target::ConsentAt
                | Target::ConsentEvidence
                | Target::ConsentAct
                | Target::ConsentChannels
                | Target::ConsentExpiresAt
                | Target::ConsentIp
        )
    }

    /// A field's name, or `custom.<name>` for a custom field.
    pub fn parse(s: &str) -> Option<Target> {
        if let Some(name) = s.strip_prefix(kith_domain::policy::CUSTOM).filter(|n| !n.is_empty()) {
            return Some(Target::Custom(name.to_owned()));
        }
        Self::ALL.iter().find(|(n, _)| *n == s).map(|(_, t)| t.clone())
    }

    pub fn name(&self) -> String {
        match self {
            Target::Custom(n) => format!("{}{n}", kith_domain::policy::CUSTOM),
            t => Self::ALL.iter().find(|(_, x)| x == t).map(|(n, _)| (*n).to_owned()).unwrap_or_default(),
        }
    }
}

/// The field a header names, if Kith knows it: lower case, letters and
/// digits only, so "E-mail 1 - Value" (Google), "Email Address" and
/// "MailingCity" (Salesforce) all match.
pub fn detect(header: &str) -> Option<Target> {
    let h: String = header.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect();
    Some(match h.as_str() {
        "firstname" | "givenname" | "first" | "nome" | "vorname" | "prenom" => Target::FirstName,
        "lastname" | "familyname" | "surname" | "last" | "cognome" | "nachname" | "nom" => Target::LastName,
        "name" | "fullname" | "contactname" | "displayname" => Target::FullName,
        "email" | "emailaddress" | "email1" | "email1value" | "primaryemail" | "workemail" | "email2value"
        | "secondaryemail" | "mail" => Target::Email,
        "phone" | "phonenumber" | "mobile" | "mobilephone" | "mobilephonenumber" | "phone1value" | "phone2value"
        | "businessphone" | "workphone" | "telefono" | "cellulare" => Target::Phone,
        "jobtitle" | "title" | "organization1title" | "position" | "ruolo" => Target::JobTitle,
        "street" | "streetaddress" | "mailingstreet" | "address1street" | "address" | "indirizzo" => Target::Street,
        "zip"
        | "zipcode"
        | "postalcode"
        | "postcode"
        | "mailingpostalcode"
        | "mailingzip"
        | "address1postalcode"
        | "mailingzippostalcode"
        | "zippostalcode"
        | "cap" => Target::PostalCode,
        "city" | "mailingcity" | "address1city" | "town" | "citta" => Target::City,
        "state" | "region" | "stateregion" | "mailingstate" | "address1region" | "province" | "provincia" => {
            Target::Region
        }
        "country" | "mailingcountry" | "countryregion" | "address1country" | "paese" => Target::Country,
        "notes" | "note" | "description" | "comments" => Target::Notes,
        "consentat" | "consentgivenat" | "consentdate" | "consenttimestamp" | "consenttime" | "optindate"
        | "optintimestamp" | "gdprconsentdate" => Target::ConsentAt,
        "consentevidence" | "consentref" | "consentreference" | "consentrecord" | "consentid" | "optinid" => {
            Target::ConsentEvidence
        }
        "consentact" | "affirmativeact" | "consentaction" => Target::ConsentAct,
        "consentchannels" | "consentchannel" | "optinchannel" | "optinchannels" => Target::ConsentChannels,
        "consentexpiresat" | "consentexpires" | "consentexpiry" | "consentuntil" => Target::ConsentExpiresAt,
        "consentip" | "optinip" | "consentipaddress" => Target::ConsentIp,
        "companyname" | "company" | "accountname" | "organization1name" | "organisation" | "organization"
        | "azienda" => Target::Company,
        "createdate" | "createddate" | "createdtime" | "createdat" | "datecreated" | "creationdate" => {
            Target::SourceCreatedAt
        }
        "lifecyclestage" | "lifecycle" => Target::LifecycleStage,
        "legalbasisforprocessingcontactsdata" | "dataprocessingbasis" | "legalbasis" | "lawfulbasis" => {
            Target::LawfulBasis
        }
        "preferredlanguage" | "language" | "lingua" | "languagepreference" => Target::Language,
        _ => return None,
    })
}

/// Where each column goes: the explicit choice for its header, else the
/// field its name is recognised as.
/// A choice given for every column in order (the upload page's) applies
/// by position, so columns with the same or no name each keep their own.
pub fn map_headers(headers: &[String], explicit: &[(String, Option<Target>)]) -> Vec<(String, Option<Target>)> {
    let by_position =
        explicit.len() == headers.len() && explicit.iter().zip(headers).all(|((n, _), h)| n.eq_ignore_ascii_case(h));
    headers
        .iter()
        .enumerate()
        .map(|(i, h)| {
            let chosen = if by_position {
                Some(&explicit[i])
            } else {
                explicit.iter().find(|(name, _)| name.eq_ignore_ascii_case(h))
            };
            match chosen {
                Some((_, t)) => (h.clone(), t.clone()),
                None => (h.clone(), detect(h)),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_of_common_exports_are_recognised() {
        for (h, t) in [
            ("First Name", Target::FirstName),
            ("Given Name", Target::FirstName),
            ("Last Name", Target::LastName),
            ("Family Name", Target::LastName),
            ("E-mail 1 - Value", Target::Email),
            ("Email Address", Target::Email),
            ("Phone 1 - Value", Target::Phone),
            ("Mobile Phone", Target::Phone),
            ("MailingCity", Target::City),
            ("Mailing Zip/Postal Code", Target::PostalCode),
            ("Organization 1 - Title", Target::JobTitle),
            ("Job Title", Target::JobTitle),
        ] {
            assert_eq!(detect(h), Some(t), "{h}");
        }
        assert_eq!(detect("Lead Score"), None);
        for (h, t) in [
            ("Company Name", Target::Company),
            ("Create Date", Target::SourceCreatedAt),
            ("Lifecycle Stage", Target::LifecycleStage),
            ("Legal basis for processing contact's data", Target::LawfulBasis),
            ("Data Processing Basis", Target::LawfulBasis),
            ("Legal Basis", Target::LawfulBasis),
            ("Preferred language", Target::Language),
        ] {
            assert_eq!(detect(h), Some(t), "{h}");
        }
    }

    #[test]
    fn columns_chosen_in_order_keep_their_own_choice_whatever_their_names() {
        let headers: Vec<String> = ["Email", "", "", "Date"].iter().map(|h| (*h).to_owned()).collect();
        let chosen = vec![
            ("Email".to_owned(), Some(Target::Email)),
            (String::new(), Some(Target::ConsentAt)),
            (String::new(), Some(Target::ConsentEvidence)),
            ("Date".to_owned(), None),
        ];
        let m = map_headers(&headers, &chosen);
        assert_eq!(m, chosen, "two unnamed columns keep different fields");
        // By name (the CLI's --map), an unnamed header takes the first choice for it.
        let by_name = map_headers(&headers, &chosen[1..2]);
        assert_eq!(by_name[2].1, Some(Target::ConsentAt));
    }
}
