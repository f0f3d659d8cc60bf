//! The register of recipients (Art. 28, 26, 4(9)) and their transfers out
//! of the EEA (Chapter V). A recipient in a third country without a
//! transfer mechanism cannot be recorded: [`Recipient::check`] refuses
//! it, naming the field.

use crate::geo::Country;
use crate::policy::FieldCategory;
use crate::{Invalid, PurposeId, RecipientId};
use std::collections::BTreeSet;
use time::Date;

word_enum!(
    /// What a recipient is to the controller.
    RecipientRole {
        Processor => "processor", "Processor (Art. 28)",
        SubProcessor => "sub_processor", "Sub-processor (Art. 28(2), (4))",
        JointController => "joint_controller", "Joint controller (Art. 26)",
        Other => "recipient", "Other recipient (Art. 4(9))",
    }
);

word_enum!(
    /// The Chapter V ground a transfer out of the EEA rests on.
    Mechanism {
        Adequacy => "adequacy", "Adequacy decision (Art. 45)",
        Scc => "scc", "Standard contractual clauses (Art. 46(2)(c))",
        Bcr => "bcr", "Binding corporate rules (Art. 47)",
        Derogation => "derogation", "Derogation for a specific situation (Art. 49)",
    }
);

word_enum!(
    /// The Art. 49(1) derogations.
    Derogation {
        Consent => "a", "(a) explicit consent after being informed of the risks",
        Contract => "b", "(b) necessary for a contract with the person",
        ContractForPerson => "c", "(c) necessary for a contract in the person's interest",
        PublicInterest => "d", "(d) important reasons of public interest",
        LegalClaims => "e", "(e) legal claims",
        VitalInterests => "f", "(f) vital interests",
        PublicRegister => "g", "(g) transfer from a public register",
    }
);

/// The Art. 28(3) items a data-processing agreement must stipulate.
pub const DPA_ITEMS: [(&str, &str); 8] = [
    ("a", "(a) processes only on documented instructions"),
    ("b", "(b) people authorised to process are bound to confidentiality"),
    ("c", "(c) takes the measures Art. 32 requires"),
    ("d", "(d) engages sub-processors only as Art. 28(2) and (4) allow"),
    ("e", "(e) assists with data-subject requests"),
    ("f", "(f) assists with Art. 32–36 obligations"),
    ("g", "(g) deletes or returns the data when the service ends"),
    ("h", "(h) makes information available and allows audits"),
];

/// The SCC modules of Commission Implementing Decision (EU) 2021/914.
pub const SCC_MODULES: [(u8, &str); 4] = [
    (1, "Module 1: controller to controller"),
    (2, "Module 2: controller to processor"),
    (3, "Module 3: processor to processor"),
    (4, "Module 4: processor to controller"),
];

/// A transfer to one country outside the EEA, and what makes it lawful.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Transfer {
    pub country: Country,
    pub mechanism: Mechanism,
    /// The SCC module, for [`Mechanism::Scc`].
    pub scc_module: Option<u8>,
    /// The Art. 49(1) point, for [`Mechanism::Derogation`].
    pub derogation: Option<Derogation>,
    /// Why the derogation applies.
    pub reason: String,
    /// Where the transfer impact assessment is kept.
    pub tia_ref: String,
}

impl Transfer {
    /// The instrument and date of the adequacy decision, or the mechanism
    /// in words: what the register prints.
    pub fn ground(&self) -> String {
        match self.mechanism {
            Mechanism::Adequacy => match self.country.adequacy() {
                Some(a) => format!("{} of {}", a.instrument, a.adopted),
                None => self.mechanism.label().to_owned(),
            },
            Mechanism::Scc => match SCC_MODULES.iter().find(|(m, _)| Some(*m) == self.scc_module) {
                Some((_, label)) => format!("{} ({label})", self.mechanism.label()),
                None => self.mechanism.label().to_owned(),
            },
            Mechanism::Derogation => match self.derogation {
                Some(d) => format!("Art. 49(1){}", d.label()),
                None => self.mechanism.label().to_owned(),
            },
            Mechanism::Bcr => self.mechanism.label().to_owned(),
        }
    }
}

/// The data-processing agreement (Art. 28(3)) or joint-controller
/// arrangement (Art. 26).
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Agreement {
    pub version: String,
    pub signed_on: Option<Date>,
    pub expires_on: Option<Date>,
    /// A link to the signed document, or where it is filed.
    pub reference: String,
    /// The Art. 28(3) points the agreement covers ([`DPA_ITEMS`] keys).
    pub items: BTreeSet<String>,
}

/// A recipient of personal data. Built from input, then [`Recipient::check`]ed
/// before it is stored.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Recipient {
    pub legal_name: String,
    pub role: RecipientRole,
    /// The processor (or sub-processor) a sub-processor works for.
    pub parent: Option<RecipientId>,
    /// Who to write to about privacy matters (a role address, not a person's).
    pub privacy_contact: String,
    pub service: String,
    pub purposes: Vec<PurposeId>,
    pub categories: Vec<FieldCategory>,
    pub processing_countries: Vec<Country>,
    pub storage_countries: Vec<Country>,
    /// Certified under the EU–US Data Privacy Framework.
    pub dpf_certified: bool,
    pub transfers: Vec<Transfer>,
    pub agreement: Agreement,
    /// Hours within which it tells the controller of a breach (Art. 33(2)).
    pub breach_notice_hours: Option<u32>,
    /// Commits to help with data-subject requests (Art. 28(3)(e)).
    pub dsr_assistance: bool,
    pub review_on: Option<Date>,
    /// The mail relay Kith sends through: it receives every address mailed.
    pub mail_relay: bool,
}

impl Recipient {
    /// Every country the data goes to, processing or storage, once.
    pub fn countries(&self) -> BTreeSet<Country> {
        self.processing_countries.iter().chain(&self.storage_countries).copied().collect()
    }

    /// The countries outside the EEA: each needs a transfer mechanism.
    pub fn third_countries(&self) -> BTreeSet<Country> {
        self.countries().into_iter().filter(|c| !c.in_eea()).collect()
    }

    /// Checks the recipient: names, the agreement's dates and points, and
    /// that every third country has a valid transfer mechanism and only
    /// third countries have one. Texts are trimmed.
    pub fn check(mut self) -> Result<Recipient, Invalid> {
        let mut inv = Invalid::default();
        self.legal_name = self.legal_name.trim().to_owned();
        self.privacy_contact = self.privacy_contact.trim().to_owned();
        self.service = self.service.trim().to_owned();
        text(&mut inv, "legal_name", &self.legal_name, 1, 200);
        text(&mut inv, "privacy_contact", &self.privacy_contact, 0, 200);
        text(&mut inv, "service", &self.service, 0, 500);
        text(&mut inv, "agreement.version", &self.agreement.version, 0, 100);
        text(&mut inv, "agreement.reference", &self.agreement.reference, 0, 500);
        match (self.role, self.parent) {
            (RecipientRole::SubProcessor, None) => {
                inv.push("parent", "a sub-processor names the processor it works for")
            }
            (RecipientRole::SubProcessor, Some(_)) | (_, None) => {}
            (_, Some(_)) => inv.push("parent", "only a sub-processor has a parent processor"),
        }
        if self.processing_countries.is_empty() {
            inv.push("processing_countries", "name at least one country where the data is processed");
        }
        if let (Some(s), Some(e)) = (self.agreement.signed_on, self.agreement.expires_on) {
            if e <= s {
                inv.push("agreement.expires_on", "the agreement expires after it was signed");
            }
        }
        for item in &self.agreement.items {
            if !DPA_ITEMS.iter().any(|(k, _)| k == item) {
                inv.push("agreement.items", "unknown Art. 28(3) point");
            }
        }
        if self.breach_notice_hours.is_some_and(|h| h == 0 || h > 24 * 30) {
            inv.push("breach_notice_hours", "between 1 hour and 30 days");
        }
        self.check_transfers(&mut inv);
        self.processing_countries.sort();
        self.processing_countries.dedup();
        self.storage_countries.sort();
        self.storage_countries.dedup();
        self.categories.sort();
        self.categories.dedup();
        self.purposes.sort();
        self.purposes.dedup();
        self.transfers.sort_by_key(|t| t.country);
        inv.into_result().map(|()| self)
    }

    fn check_transfers(&mut self, inv: &mut Invalid) {
        let third = self.third_countries();
        let mut seen = BTreeSet::new();
        for t in &mut self.transfers {
            let at = format!("transfers.{}", t.country.code());
            t.reason = t.reason.trim().to_owned();
            t.tia_ref = t.tia_ref.trim().to_owned();
            text(inv, &format!("{at}.reason"), &t.reason, 0, 1000);
            text(inv, &format!("{at}.tia_ref"), &t.tia_ref, 0, 200);
            if !seen.insert(t.country) {
                inv.push(&at, "one transfer per country");
            }
            if t.country.in_eea() {
                inv.push(&at, "the country is in the EEA: no transfer mechanism is needed");
                continue;
            }
            if !third.contains(&t.country) {
                inv.push(&at, "the country is neither a processing nor a storage country of this recipient");
            }
            let m = format!("{at}.mechanism");
            match t.mechanism {
                Mechanism::Adequacy => match t.country.adequacy() {
                    None => inv.push(&m, "the Commission has no adequacy decision for this country"),
                    Some(a) if a.needs_certification && !self.dpf_certified => {
                        inv.push(&m, "the adequacy decision covers only certified organisations: mark the recipient as certified or choose another mechanism")
                    }
                    Some(_) => {}
                },
                Mechanism::Scc => {
                    if !t.scc_module.is_some_and(|n| (1..=4).contains(&n)) {
                        inv.push(format!("{at}.scc_module"), "choose the SCC module (1 to 4)");
                    }
                }
                Mechanism::Derogation => {
                    if t.derogation.is_none() {
                        inv.push(format!("{at}.derogation"), "choose the Art. 49(1) point");
                    }
                    if t.reason.is_empty() {
                        inv.push(format!("{at}.reason"), "say why the derogation applies");
                    }
                }
                Mechanism::Bcr => {}
            }
        }
        for c in third {
            if !seen.contains(&c) {
                inv.push(
                    format!("transfers.{}.mechanism", c.code()),
                    "a transfer outside the EEA needs a Chapter V mechanism (adequacy, SCC, BCR or an Art. 49 derogation)",
                );
            }
        }
    }

    /// Reminders due on `today`: the agreement expiring within 60 days (or
    /// expired), the review date reached.
    pub fn reminders(&self, today: Date) -> Vec<Reminder> {
        let mut out = Vec::new();
        if let Some(e) = self.agreement.expires_on {
            if e < today {
                out.push(Reminder::AgreementExpired(e));
            } else if e <= today + time::Duration::days(60) {
                out.push(Reminder::AgreementExpiring(e));
            }
        }
        if self.review_on.is_some_and(|r| r <= today) {
            out.push(Reminder::ReviewDue(self.review_on.unwrap_or(today)));
        }
        let needs_agreement = matches!(self.role, RecipientRole::Processor | RecipientRole::SubProcessor);
        if needs_agreement && self.agreement.signed_on.is_none() {
            out.push(Reminder::NoAgreement);
        } else if needs_agreement && self.agreement.items.len() < DPA_ITEMS.len() {
            out.push(Reminder::AgreementIncomplete);
        }
        out
    }
}

/// Something the DPO should act on about a recipient.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reminder {
    AgreementExpiring(Date),
    AgreementExpired(Date),
    ReviewDue(Date),
    NoAgreement,
    AgreementIncomplete,
}

impl Reminder {
    /// Words for the DPO.
    pub fn describe(&self) -> String {
        match self {
            Reminder::AgreementExpiring(d) => format!("the agreement expires on {d}"),
            Reminder::AgreementExpired(d) => format!("the agreement expired on {d}"),
            Reminder::ReviewDue(d) => format!("review due since {d}"),
            Reminder::NoAgreement => "no signed data-processing agreement (Art. 28(3))".to_owned(),
            Reminder::AgreementIncomplete => "the agreement does not cover every Art. 28(3) point".to_owned(),
        }
    }
}

fn text(inv: &mut Invalid, field: &str, v: &str, min: usize, max: usize) {
    let n = v.chars().count();
    if n < min {
        inv.push(field, "required");
    } else if n > max {
        inv.push(field, format!("at most {max} characters"));
    } else if let Some(problem) = crate::contact::line_problem(v) {
        inv.push(field, problem);
    }
}

#[cfg(test)]
mod tests;
