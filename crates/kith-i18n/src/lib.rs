//! Every word a person reads, in every shipped language: Project Fluent
//! message files (`locales/<language>/*.ftl`) compiled into the binary, the
//! choice of a reader's language (`Accept-Language`, a profile, a form), and
//! the reader's formats for dates, times, numbers and amounts ([`Tr`]).
//!
//! A language is a folder of message files; adding one needs no code. English
//! is the fallback for a message a language lacks (a test keeps every
//! language complete, so the fallback is a safety net, not a feature).

mod catalogue;
mod format;

pub use catalogue::{Arg, ToArg};
pub use format::{server_zone, zones, Tr};

/// The language of last resort, and of the CLI.
pub const DEFAULT: &str = "en";

/// The shipped languages (the folders under `locales/`), English first.
pub fn languages() -> &'static [&'static str] {
    catalogue::get().languages.as_slice()
}

/// `lang` as a shipped language code, if it is one (case-insensitive,
/// region ignored: `fr-BE` is `fr`).
pub fn supported(lang: &str) -> Option<&'static str> {
    let primary = lang.trim().split(['-', '_']).next()?.to_ascii_lowercase();
    languages().iter().copied().find(|l| *l == primary)
}

/// The first language of an `Accept-Language` header Kith speaks, by the
/// weights the browser gave, or `None`.
pub fn from_accept_language(header: &str) -> Option<&'static str> {
    let mut tags: Vec<(f32, usize, &str)> = header
        .split(',')
        .enumerate()
        .filter_map(|(i, part)| {
            let mut bits = part.split(';');
            let tag = bits.next()?.trim();
            let q =
                bits.find_map(|b| b.trim().strip_prefix("q=")).map_or(Some(1.0), |q| q.trim().parse::<f32>().ok())?;
            (q > 0.0 && !tag.is_empty()).then_some((q, i, tag))
        })
        .collect();
    tags.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    tags.into_iter().find_map(|(_, _, tag)| supported(tag))
}

/// A language's own name for itself ("Italiano", "Български").
pub fn language_name(lang: &str) -> String {
    Tr::new(supported(lang).unwrap_or(DEFAULT)).t("language-name")
}

/// One message in `lang` without variables (English if `lang` is not shipped).
pub fn t(lang: &str, id: &str) -> String {
    catalogue::get().format(supported(lang).unwrap_or(DEFAULT), id, &[])
}

/// One message in `lang` with variables.
pub fn t_args(lang: &str, id: &str, args: &[(&str, Arg)]) -> String {
    catalogue::get().format(supported(lang).unwrap_or(DEFAULT), id, args)
}

/// Whether the English catalogue has a message `id` (for tests that check
/// every id the code uses exists).
pub fn has_message(id: &str) -> bool {
    catalogue::get().has(DEFAULT, id)
}

/// The embedded message files, for the catalogue's own checks.
pub fn files() -> &'static [(&'static str, &'static str, &'static str)] {
    catalogue::FILES
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accept_language_picks_the_best_language_kith_speaks() {
        assert_eq!(from_accept_language("fr-CH, fr;q=0.9, en;q=0.8"), Some("fr"));
        assert_eq!(from_accept_language("ja, bg;q=0.5, de;q=0.7"), Some("de"));
        assert_eq!(from_accept_language("ja, zh"), None);
        assert_eq!(from_accept_language("it;q=0, es"), Some("es"));
        assert_eq!(from_accept_language(""), None);
        assert_eq!(supported("BG-bg"), Some("bg"));
        assert_eq!(supported("xx"), None);
    }

    #[test]
    fn six_languages_ship_english_first() {
        assert_eq!(languages()[0], "en");
        for l in ["en", "it", "fr", "bg", "de", "es"] {
            assert!(languages().contains(&l), "{l} ships");
        }
        assert_eq!(language_name("it"), "Italiano");
        assert_eq!(language_name("bg"), "Български");
    }

    #[test]
    fn a_missing_message_falls_back_to_english_then_to_its_id() {
        assert_eq!(t("xx", "language-name"), "English");
        assert_eq!(t("fr", "no-such-message"), "no-such-message");
    }
}
