//! The message bundles, built once from the embedded files.

use std::{collections::HashMap, sync::OnceLock};

use fluent_bundle::{concurrent::FluentBundle, FluentArgs, FluentResource, FluentValue};
use unic_langid::LanguageIdentifier;

include!(concat!(env!("OUT_DIR"), "/catalogue.rs"));

/// A variable's value: text, or a number (which plural rules can select on).
#[derive(Debug, Clone, PartialEq)]
pub enum Arg {
    Str(String),
    Num(f64),
}

/// What a template or handler may pass as a message variable.
pub trait ToArg {
    fn to_arg(&self) -> Arg;
}

impl ToArg for Arg {
    fn to_arg(&self) -> Arg {
        self.clone()
    }
}
impl ToArg for str {
    fn to_arg(&self) -> Arg {
        Arg::Str(self.to_owned())
    }
}
impl ToArg for String {
    fn to_arg(&self) -> Arg {
        Arg::Str(self.clone())
    }
}
impl<T: ToArg + ?Sized> ToArg for &T {
    fn to_arg(&self) -> Arg {
        (**self).to_arg()
    }
}
macro_rules! numeric {
    ($($t:ty),*) => {$(
        impl ToArg for $t {
            #[allow(clippy::cast_precision_loss, clippy::cast_lossless)]
            fn to_arg(&self) -> Arg {
                Arg::Num(*self as f64)
            }
        }
    )*};
}
numeric!(i32, i64, u8, u16, u32, u64, usize, f64);

pub(crate) struct Catalogue {
    pub(crate) languages: Vec<&'static str>,
    bundles: HashMap<&'static str, FluentBundle<FluentResource>>,
}

static CATALOGUE: OnceLock<Catalogue> = OnceLock::new();

pub(crate) fn get() -> &'static Catalogue {
    CATALOGUE.get_or_init(build)
}

fn build() -> Catalogue {
    let mut languages: Vec<&'static str> = Vec::new();
    let mut bundles: HashMap<&'static str, FluentBundle<FluentResource>> = HashMap::new();
    for (lang, _file, text) in FILES {
        if !languages.contains(lang) {
            languages.push(lang);
        }
        let bundle = bundles.entry(lang).or_insert_with(|| {
            let id: LanguageIdentifier = lang.parse().unwrap_or_default();
            let mut b = FluentBundle::new_concurrent(vec![id]);
            // The text goes into HTML (escaped by the template) and mail
            // bodies; Unicode isolation marks would show up as stray bytes.
            b.set_use_isolating(false);
            b
        });
        // A file with a syntax error still gives the messages it parsed; the
        // catalogue test fails the build on the error itself.
        let resource = FluentResource::try_new((*text).to_owned()).unwrap_or_else(|(partial, _)| partial);
        bundle.add_resource_overriding(resource);
    }
    languages.sort_by_key(|l| (*l != crate::DEFAULT, *l));
    Catalogue { languages, bundles }
}

impl Catalogue {
    pub(crate) fn has(&self, lang: &str, id: &str) -> bool {
        self.bundles.get(lang).is_some_and(|b| b.has_message(id))
    }

    pub(crate) fn format(&self, lang: &str, id: &str, args: &[(&str, Arg)]) -> String {
        let bundle = match self.bundles.get(lang) {
            Some(b) if b.has_message(id) => b,
            _ => match self.bundles.get(crate::DEFAULT) {
                Some(b) if b.has_message(id) => b,
                _ => return id.to_owned(),
            },
        };
        let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
            return id.to_owned();
        };
        let mut fargs = FluentArgs::new();
        for (k, v) in args {
            match v {
                Arg::Str(s) => fargs.set(*k, FluentValue::from(s.as_str())),
                Arg::Num(n) => fargs.set(*k, FluentValue::from(*n)),
            }
        }
        let mut errors = Vec::new();
        bundle.format_pattern(pattern, Some(&fargs), &mut errors).into_owned()
    }
}
