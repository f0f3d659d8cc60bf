//! A reader: their language and time zone, and the words and formats they
//! read. The patterns of dates, numbers and amounts are messages too
//! (`fmt-*` in each language's `format.ftl`), so a new language brings its
//! own formats without code.

use jiff::tz::TimeZone;
use time::OffsetDateTime;

use crate::catalogue::{get, Arg, ToArg};

/// A reader: the language they read and the time zone they live in.
#[derive(Clone, Debug)]
pub struct Tr {
    lang: &'static str,
    tz: TimeZone,
    tz_name: String,
}

impl Default for Tr {
    fn default() -> Self {
        Tr::new(crate::DEFAULT)
    }
}

impl Tr {
    /// A reader of `lang` (English if not shipped) in UTC.
    pub fn new(lang: &str) -> Tr {
        Tr { lang: crate::supported(lang).unwrap_or(crate::DEFAULT), tz: TimeZone::UTC, tz_name: "UTC".to_owned() }
    }

    /// The same reader in the IANA time zone `name` (UTC if unknown).
    pub fn in_zone(mut self, name: &str) -> Tr {
        if let Some(tz) = zone(name) {
            self.tz = tz;
            self.tz_name = name.to_owned();
        }
        self
    }

    /// The language code (`"fr"`), for `<html lang>` and stored preferences.
    pub fn lang(&self) -> &'static str {
        self.lang
    }

    /// The time zone's IANA name.
    pub fn zone(&self) -> &str {
        &self.tz_name
    }

    /// A message without variables.
    pub fn t(&self, id: &str) -> String {
        get().format(self.lang, id, &[])
    }

    /// A message with one variable.
    pub fn t1(&self, id: &str, k: &str, v: impl ToArg) -> String {
        get().format(self.lang, id, &[(k, v.to_arg())])
    }

    /// A message with two variables.
    pub fn t2(&self, id: &str, k1: &str, v1: impl ToArg, k2: &str, v2: impl ToArg) -> String {
        get().format(self.lang, id, &[(k1, v1.to_arg()), (k2, v2.to_arg())])
    }

    /// A message with three variables.
    #[allow(clippy::too_many_arguments)]
    pub fn t3(&self, id: &str, k1: &str, v1: impl ToArg, k2: &str, v2: impl ToArg, k3: &str, v3: impl ToArg) -> String {
        get().format(self.lang, id, &[(k1, v1.to_arg()), (k2, v2.to_arg()), (k3, v3.to_arg())])
    }

    /// A message with any number of variables.
    pub fn ta(&self, id: &str, args: &[(&str, Arg)]) -> String {
        get().format(self.lang, id, args)
    }

    /// A date in the reader's format and zone: `04/12/2026`, `04.12.2026`.
    pub fn date(&self, t: OffsetDateTime) -> String {
        let z = self.civil(t);
        self.date_of(z.year(), z.month(), z.day())
    }

    /// A calendar date (no zone) in the reader's format.
    pub fn day(&self, d: time::Date) -> String {
        self.date_of(d.year() as i16, u8::from(d.month()) as i8, d.day() as i8)
    }

    /// A date and time in the reader's format and zone, with the zone's
    /// abbreviation: `04/12/2026 14:05 CET`.
    pub fn date_time(&self, t: OffsetDateTime) -> String {
        let z = self.civil(t);
        let date = self.date_of(z.year(), z.month(), z.day());
        let time = format!("{:02}:{:02}", z.hour(), z.minute());
        let zone = self.tz.to_offset_info(z.timestamp()).abbreviation().to_string();
        get().format(
            self.lang,
            "fmt-date-time",
            &[("date", Arg::Str(date)), ("time", Arg::Str(time)), ("zone", Arg::Str(zone))],
        )
    }

    /// An integer with the reader's digit grouping: `1,234`, `1.234`, `1 234`.
    pub fn number(&self, n: i128) -> String {
        let digits = n.unsigned_abs().to_string();
        let sep = self.t("fmt-group");
        let mut out = String::with_capacity(digits.len() + 4);
        if n < 0 {
            out.push('-');
        }
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                out.push_str(&sep);
            }
            out.push(c);
        }
        out
    }

    /// An amount in minor units: `€1,234.50`, `1.234,50 €`, `1 234,50 CHF`.
    pub fn money(&self, minor: i128, currency: &str) -> String {
        let sign = if minor < 0 { "-" } else { "" };
        let m = minor.unsigned_abs();
        let amount = format!(
            "{sign}{}{}{:02}",
            self.number(i128::try_from(m / 100).unwrap_or(i128::MAX)),
            self.t("fmt-decimal"),
            m % 100
        );
        let symbol = match currency.to_ascii_uppercase().as_str() {
            "EUR" => "€".to_owned(),
            "USD" => "$".to_owned(),
            "GBP" => "£".to_owned(),
            other => other.to_owned(),
        };
        let id = if symbol.chars().count() == 1 { "fmt-money-symbol" } else { "fmt-money-code" };
        get().format(self.lang, id, &[("amount", Arg::Str(amount)), ("currency", Arg::Str(symbol))])
    }

    fn civil(&self, t: OffsetDateTime) -> jiff::Zoned {
        let ts = jiff::Timestamp::from_second(t.unix_timestamp()).unwrap_or(jiff::Timestamp::UNIX_EPOCH);
        ts.to_zoned(self.tz.clone())
    }

    fn date_of(&self, y: i16, m: i8, d: i8) -> String {
        get().format(
            self.lang,
            "fmt-date",
            &[("y", Arg::Str(y.to_string())), ("m", Arg::Str(format!("{m:02}"))), ("d", Arg::Str(format!("{d:02}")))],
        )
    }
}

/// The IANA zone `name`, if the embedded time-zone database knows it.
pub fn zone(name: &str) -> Option<TimeZone> {
    if name.is_empty() || name.len() > 64 {
        return None;
    }
    jiff::tz::db().get(name).ok()
}

/// The server's IANA time zone (`TZ`, else the system's), else `UTC`: the
/// default of staff who chose none.
pub fn server_zone() -> String {
    static ZONE: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    ZONE.get_or_init(|| {
        std::env::var("TZ")
            .ok()
            .filter(|z| zone(z).is_some())
            .or_else(|| TimeZone::try_system().ok().and_then(|z| z.iana_name().map(str::to_owned)))
            .unwrap_or_else(|| "UTC".to_owned())
    })
    .clone()
}

/// Every IANA zone name the embedded database knows, sorted.
pub fn zones() -> Vec<String> {
    let mut v: Vec<String> = jiff::tz::db().available().map(|n| n.to_string()).collect();
    v.sort();
    v
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    #[test]
    fn dates_numbers_and_amounts_follow_the_reader() {
        let t = datetime!(2026-12-04 13:05 UTC);
        assert_eq!(Tr::new("it").date(t), "04/12/2026");
        assert_eq!(Tr::new("de").date(t), "04.12.2026");
        assert_eq!(Tr::new("it").money(123_450, "EUR"), "1.234,50 €");
        assert_eq!(Tr::new("en").money(123_450, "EUR"), "€1,234.50");
        assert_eq!(Tr::new("fr").number(1_234_567), "1\u{202f}234\u{202f}567");
        assert_eq!(Tr::new("de").money(-5, "CHF"), "-0,05 CHF");
        assert_eq!(Tr::new("en").number(-1000), "-1,000");
    }

    #[test]
    fn times_are_shown_in_the_readers_zone() {
        let t = datetime!(2026-12-04 13:05 UTC);
        assert_eq!(Tr::new("en").date_time(t), "04/12/2026 13:05 UTC");
        let rome = Tr::new("it").in_zone("Europe/Rome");
        assert_eq!(rome.zone(), "Europe/Rome");
        assert_eq!(rome.date_time(t), "04/12/2026, 14:05 CET");
        let late = datetime!(2026-12-31 23:30 UTC);
        assert_eq!(Tr::new("bg").in_zone("Europe/Sofia").date(late), "01.01.2027 г.");
        assert_eq!(Tr::new("en").in_zone("Mars/Base").zone(), "UTC", "an unknown zone keeps UTC");
        assert!(zones().iter().any(|z| z == "Europe/Paris"));
    }
}
