//! Mail templates: a subject and a body per language, with merge fields
//! such as `{{first_name}}` filled in per person.
//!
//! The template text is plain text. A merge field is `{{name}}` or
//! `{{name|fallback}}` (the fallback shows when the person has no such
//! value). [`check`] refuses an unknown field or an unbalanced `{{`/`}}`,
//! naming the field. Rendering never lets a value change the message's
//! structure: [`render_html`] escapes every value, [`render_subject`] turns
//! line breaks and control characters into spaces so a value cannot add a
//! header, and every value is made one line everywhere.

use crate::error::Invalid;
use std::fmt;

word_enum!(
    /// What a template is for.
    TemplateKind {
        Newsletter => "newsletter", "Newsletter",
        ConsentRequest => "consent_request", "Consent request",
        Notice => "notice", "Notice",
    }
);

/// A template's subject and body in one language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TemplateText {
    /// One of [`LANGUAGES`].
    pub language: String,
    pub subject: String,
    pub body: String,
}

/// Checks a template's texts (trimmed in place): at least one, each in a
/// known language once, a subject of one line and a body, each checked by
/// [`check`]; a consent request's body must hold `{{confirm_url}}`. Errors
/// name the text: `texts.it.body`.
pub fn check_texts(kind: TemplateKind, texts: &mut [TemplateText]) -> Result<(), Invalid> {
    let mut inv = Invalid::default();
    if texts.is_empty() {
        inv.push("texts", "give a subject and a body in at least one language");
    }
    let mut seen: Vec<String> = Vec::new();
    for (i, t) in texts.iter_mut().enumerate() {
        t.language = t.language.trim().to_ascii_lowercase();
        let at = if LANGUAGES.contains(&t.language.as_str()) {
            if seen.contains(&t.language) {
                inv.push(format!("texts.{}", t.language), "a language may have only one text");
            }
            seen.push(t.language.clone());
            format!("texts.{}", t.language)
        } else {
            inv.push(format!("texts.{i}.language"), format!("must be one of {}", LANGUAGES.join(", ")));
            format!("texts.{i}")
        };
        crate::error::text(&mut inv, &format!("{at}.subject"), &mut t.subject, 1, MAX_SUBJECT);
        if t.subject.contains(['\r', '\n']) {
            inv.push(format!("{at}.subject"), "must be one line");
        }
        crate::error::text(&mut inv, &format!("{at}.body"), &mut t.body, 1, MAX_BODY);
        inv.check(&format!("{at}.subject"), check(&t.subject).map(|_| ()));
        match check(&t.body) {
            Ok(used) => {
                if kind == TemplateKind::ConsentRequest && !used.contains(&"confirm_url") {
                    inv.push(
                        format!("{at}.body"),
                        "a consent request must hold the merge field {{confirm_url}} (the link that confirms consent)",
                    );
                }
            }
            Err(e) => {
                inv.check(&format!("{at}.body"), Err::<(), _>(e));
            }
        }
    }
    inv.into_result()
}

/// The text to write to a person in: their language if the template has
/// it, else English, else the first.
pub fn text_for<'a>(texts: &'a [TemplateText], language: Option<&str>) -> Option<&'a TemplateText> {
    let lang = language.map(|l| l.split(['-', '_']).next().unwrap_or("").to_ascii_lowercase());
    lang.and_then(|l| texts.iter().find(|t| t.language == l))
        .or_else(|| texts.iter().find(|t| t.language == "en"))
        .or_else(|| texts.first())
}

/// The languages a template may have a text in.
pub const LANGUAGES: [&str; 6] = ["en", "it", "fr", "bg", "de", "es"];

/// The name of a language, in English, for staff pages.
pub fn language_label(lang: &str) -> &'static str {
    match lang {
        "en" => "English",
        "it" => "Italian",
        "fr" => "French",
        "bg" => "Bulgarian",
        "de" => "German",
        "es" => "Spanish",
        _ => "Other",
    }
}

/// Every merge field, with what it holds (for the list staff see).
pub const FIELDS: [(&str, &str); 9] = [
    ("first_name", "the person's first name"),
    ("last_name", "the person's last name"),
    ("company", "the name of the person's company"),
    ("purpose", "the name of the purpose the mail is about"),
    ("controller", "the controller's name (who sends the mail)"),
    ("confirm_url", "the link that confirms consent (consent requests only; required in them)"),
    ("unsubscribe_url", "the one-click unsubscribe link"),
    ("preferences_url", "the link to the person's preference centre"),
    ("portal_url", "the privacy portal, where the person sees their data and files requests"),
];

/// Longest subject, in characters.
pub const MAX_SUBJECT: usize = 200;
/// Longest body, in characters.
pub const MAX_BODY: usize = 20_000;
/// Longest fallback inside `{{name|fallback}}`, in characters.
pub const MAX_FALLBACK: usize = 100;

/// The values merged into a template for one person. Missing values render
/// as the field's fallback (`{{first_name|friend}}`) or as nothing. Its
/// `Debug` shows no value (they are personal data).
#[derive(Clone, Default, PartialEq, Eq)]
pub struct MergeFields {
    pub first_name: Option<String>,
    pub last_name: Option<String>,
    pub company: Option<String>,
    pub purpose: Option<String>,
    pub controller: Option<String>,
    pub unsubscribe_url: Option<String>,
    pub preferences_url: Option<String>,
    pub portal_url: Option<String>,
    pub confirm_url: Option<String>,
}

impl fmt::Debug for MergeFields {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("MergeFields(<personal>)")
    }
}

impl MergeFields {
    /// The value of field `name` (a name from [`FIELDS`]), if set and not blank.
    pub fn get(&self, name: &str) -> Option<&str> {
        let v = match name {
            "first_name" => &self.first_name,
            "last_name" => &self.last_name,
            "company" => &self.company,
            "purpose" => &self.purpose,
            "controller" => &self.controller,
            "unsubscribe_url" => &self.unsubscribe_url,
            "preferences_url" => &self.preferences_url,
            "portal_url" => &self.portal_url,
            "confirm_url" => &self.confirm_url,
            _ => &None,
        };
        v.as_deref().filter(|s| !s.trim().is_empty())
    }

    /// Sample values (no person's data): what a test send to oneself shows.
    pub fn sample(public_url: &str) -> MergeFields {
        let base = public_url.trim_end_matches('/');
        MergeFields {
            first_name: Some("Ada".into()),
            last_name: Some("Lovelace".into()),
            company: Some("Example Ltd".into()),
            purpose: Some("Newsletter".into()),
            controller: Some("Example Controller".into()),
            unsubscribe_url: Some(format!("{base}/u/sample")),
            preferences_url: Some(format!("{base}/p/sample")),
            portal_url: Some(format!("{base}/portal")),
            confirm_url: Some(format!("{base}/c/sample")),
        }
    }
}

/// One piece of a parsed template.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Piece<'a> {
    Text(&'a str),
    Field { name: &'a str, fallback: &'a str },
}

/// Whether `name` looks like a field name (so an error may quote it:
/// anything else could be text someone pasted, never echoed).
fn quotable(name: &str) -> bool {
    (1..=40).contains(&name.len()) && name.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

fn known(name: &str) -> bool {
    FIELDS.iter().any(|(n, _)| *n == name)
}

fn parse(text: &str) -> Result<Vec<Piece<'_>>, Invalid> {
    let mut out = Vec::new();
    let mut rest = text;
    loop {
        let open = rest.find("{{");
        let close = rest.find("}}");
        match (open, close) {
            (None, None) => {
                if !rest.is_empty() {
                    out.push(Piece::Text(rest));
                }
                return Ok(out);
            }
            (None, Some(_)) => return Err(Invalid::one("", "a \"}}\" has no \"{{\" before it")),
            (Some(o), Some(c)) if c < o => return Err(Invalid::one("", "a \"}}\" has no \"{{\" before it")),
            (Some(_), None) => return Err(Invalid::one("", "a \"{{\" is not closed with \"}}\"")),
            (Some(o), Some(c)) => {
                if o > 0 {
                    out.push(Piece::Text(&rest[..o]));
                }
                let inner = &rest[o + 2..c];
                if inner.contains("{{") {
                    return Err(Invalid::one("", "a \"{{\" is not closed with \"}}\" before the next \"{{\""));
                }
                let (name, fallback) = match inner.split_once('|') {
                    Some((n, f)) => (n.trim(), f.trim()),
                    None => (inner.trim(), ""),
                };
                if name.is_empty() {
                    return Err(Invalid::one("", "a merge field \"{{}}\" has no name"));
                }
                if !known(name) {
                    let msg = if quotable(name) {
                        format!("unknown merge field {{{{{name}}}}}; the fields are {}", field_list())
                    } else {
                        format!("a merge field name is not one of {}", field_list())
                    };
                    return Err(Invalid::one("", msg));
                }
                if fallback.chars().count() > MAX_FALLBACK
                    || fallback.chars().any(|ch| ch.is_control() || ch == '{' || ch == '}' || ch == '|')
                {
                    return Err(Invalid::one(
                        "",
                        format!("the fallback of {{{{{name}}}}} must be one line of at most {MAX_FALLBACK} characters without braces"),
                    ));
                }
                out.push(Piece::Field { name, fallback });
                rest = &rest[c + 2..];
            }
        }
    }
}

fn field_list() -> String {
    FIELDS.iter().map(|(n, _)| *n).collect::<Vec<_>>().join(", ")
}

/// Checks a template text: every `{{…}}` names a known field and braces
/// are balanced. Returns the fields used, each once, in order of first use.
/// The error's field name is empty: the caller names where the text is
/// (`texts.it.body`) through [`Invalid::check`].
pub fn check(text: &str) -> Result<Vec<&str>, Invalid> {
    let mut used: Vec<&str> = Vec::new();
    for p in parse(text)? {
        if let Piece::Field { name, .. } = p {
            if !used.contains(&name) {
                used.push(name);
            }
        }
    }
    Ok(used)
}

/// A value made one line: control characters (line breaks included) become
/// spaces, runs of spaces one.
fn one_line(v: &str) -> String {
    let mut out = String::with_capacity(v.len());
    for ch in v.chars() {
        let ch = if ch.is_control() || ch == '\u{2028}' || ch == '\u{2029}' { ' ' } else { ch };
        if ch == ' ' && out.ends_with(' ') {
            continue;
        }
        out.push(ch);
    }
    out.trim().to_owned()
}

fn value(f: &MergeFields, name: &str, fallback: &str) -> String {
    f.get(name).map(one_line).filter(|v| !v.is_empty()).unwrap_or_else(|| one_line(fallback))
}

/// Renders pieces, passing literal text through `lit` and values through `val`.
fn render_with(
    text: &str,
    f: &MergeFields,
    lit: impl Fn(&str) -> String,
    val: impl Fn(&str, String) -> String,
) -> String {
    match parse(text) {
        Ok(pieces) => pieces
            .into_iter()
            .map(|p| match p {
                Piece::Text(t) => lit(t),
                Piece::Field { name, fallback } => val(name, value(f, name, fallback)),
            })
            .collect(),
        // A text that does not check (stored before a rule changed) is
        // shown as it is, with no value merged in.
        Err(_) => lit(text),
    }
}

/// The plain-text body for one person.
pub fn render_text(text: &str, f: &MergeFields) -> String {
    render_with(text, f, str::to_owned, |_, v| v)
}

/// A subject line for one person: one line, no control characters, so no
/// value (nor the template) can add a header.
pub fn render_subject(text: &str, f: &MergeFields) -> String {
    one_line(&render_with(text, f, str::to_owned, |_, v| v))
}

/// Escapes text for HTML content and attribute values.
pub fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(ch),
        }
    }
    out
}

/// The HTML body for one person: the plain text in paragraphs (a blank line
/// starts a new one, a line break is `<br>`), every value escaped, and
/// link fields holding an http(s) address as links.
pub fn render_html(text: &str, f: &MergeFields) -> String {
    let lit = |t: &str| escape_html(t).replace("\r\n", "\n").replace('\r', "\n");
    let val = |name: &str, v: String| {
        let is_link = name.ends_with("_url") && (v.starts_with("https://") || v.starts_with("http://"));
        if is_link {
            let e = escape_html(&v);
            format!("<a href=\"{e}\">{e}</a>")
        } else {
            escape_html(&v)
        }
    };
    let body = render_with(text, f, lit, val);
    body.split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|p| format!("<p>{}</p>", p.split('\n').map(str::trim_end).collect::<Vec<_>>().join("<br>\n")))
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
#[path = "template_tests.rs"]
mod tests;
