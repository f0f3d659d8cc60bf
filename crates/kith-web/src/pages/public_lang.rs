//! The reader of a public page (consent forms, the preference centre, the
//! privacy portal…): the language chosen for them, and the list of all
//! languages that keeps their place. Only a shipped language (checked by
//! [`kith_i18n::supported`]) ever reaches a page, a link or a form.

use axum::http::HeaderMap;
use kith_i18n::Tr;

/// The frame of a public page: the reader (`l.t(id)` in templates) and the
/// language switcher.
pub(crate) struct Public {
    pub tr: Tr,
    /// Every language, by its own name, linking to the same place in it.
    pub switch: Vec<Switch>,
}

/// One entry of the language switcher.
pub(crate) struct Switch {
    pub lang: &'static str,
    pub name: String,
    pub href: String,
    pub current: bool,
}

impl std::ops::Deref for Public {
    type Target = Tr;
    fn deref(&self) -> &Tr {
        &self.tr
    }
}

/// `explicit` (a `?lang=` or a form's `lang`) if Kith speaks it, else the
/// best language of `Accept-Language`, else English.
pub(crate) fn choose(explicit: Option<&str>, headers: &HeaderMap) -> &'static str {
    explicit
        .and_then(kith_i18n::supported)
        .or_else(|| super::lang::accept_language(headers))
        .unwrap_or(kith_i18n::DEFAULT)
}

impl Public {
    /// A reader of `lang` at `path?query`: the switcher links to the same
    /// path and query with `lang` replaced.
    pub(crate) fn at(lang: &str, path: &str, query: Option<&str>) -> Public {
        let tr = Tr::new(lang);
        let kept: Vec<&str> =
            query.unwrap_or("").split('&').filter(|p| !p.is_empty() && p.split('=').next() != Some("lang")).collect();
        let switch = kith_i18n::languages()
            .iter()
            .map(|&code| {
                let mut q = kept.clone();
                let pair = format!("lang={code}");
                q.push(&pair);
                Switch {
                    lang: code,
                    name: kith_i18n::language_name(code),
                    href: format!("{path}?{}", q.join("&")),
                    current: code == tr.lang(),
                }
            })
            .collect();
        Public { tr, switch }
    }

    /// A reader of a page whose language is fixed (a form's, a notice's):
    /// no switcher, the page would not change.
    pub(crate) fn fixed(lang: &str) -> Public {
        Public { tr: Tr::new(lang), switch: Vec::new() }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::header;

    #[test]
    fn the_switcher_keeps_the_place_and_replaces_the_language() {
        let p = Public::at("de", "/portal/me", Some("lang=xx&ready=1&lang=it"));
        assert_eq!(p.lang(), "de");
        let hrefs: Vec<&str> = p.switch.iter().map(|s| s.href.as_str()).collect();
        assert_eq!(hrefs.len(), kith_i18n::languages().len());
        assert!(hrefs.contains(&"/portal/me?ready=1&lang=bg"), "{hrefs:?}");
        assert!(p.switch.iter().any(|s| s.current && s.lang == "de" && s.name == "Deutsch"));
        assert_eq!(Public::at("xx", "/p/t", None).lang(), "en");
    }

    #[test]
    fn only_languages_kith_speaks_are_chosen() {
        let mut h = HeaderMap::new();
        assert_eq!(choose(Some("xx"), &h), "en");
        assert_eq!(choose(Some("\"><script>"), &h), "en");
        h.insert(header::ACCEPT_LANGUAGE, "ja, bg;q=0.8".parse().unwrap());
        assert_eq!(choose(Some("xx"), &h), "bg");
        assert_eq!(choose(Some("de-AT"), &h), "de");
        assert_eq!(choose(None, &h), "bg");
    }
}
