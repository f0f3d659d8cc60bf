//! Every word a person reads comes from the message catalogue: no template
//! holds literal prose (text, or the placeholder, title, aria-label, alt of
//! an element) beyond a short allow-list of names, and every message id the
//! templates and the code ask for exists in English (the catalogue's own
//! test then holds every language to English).

use std::{fs, path::Path};

/// Names that read the same in every language.
const ALLOWED: &[&str] = &[
    "Kith",
    "HubSpot",
    "Zoho",
    "Salesforce",
    "CSV",
    "JSON",
    "JSON-LD",
    "PDF",
    "SVG",
    "API",
    "URL",
    "HTTP",
    "HTTPS",
    "SMTP",
    "TOTP",
    "OpenAPI",
    "IANA",
    "UTC",
    "ISO",
    "DPV",
    "ID",
    "OK",
    "example.com",
    "name@example.com",
];

/// A template still in English is marked so by its last line; the marker
/// must be gone from every template before the languages issue is done.
const PENDING: &str = "{# i18n: pending #}";

fn strip_askama(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    loop {
        let next = ["{{", "{%", "{#"].iter().filter_map(|o| rest.find(o).map(|i| (i, *o))).min();
        let Some((i, open)) = next else {
            out.push_str(rest);
            return out;
        };
        out.push_str(&rest[..i]);
        let close = match open {
            "{{" => "}}",
            "{%" => "%}",
            _ => "#}",
        };
        match rest[i..].find(close) {
            Some(j) => {
                out.push(' ');
                rest = &rest[i + j + 2..];
            }
            None => return out,
        }
    }
}

fn drop_blocks(mut s: String, tag: &str) -> String {
    while let Some(i) = s.find(&format!("<{tag}")) {
        let end = s[i..].find(&format!("</{tag}>")).map_or(s.len(), |j| i + j + tag.len() + 3);
        s.replace_range(i..end, " ");
    }
    s
}

fn prose(text: &str) -> Option<String> {
    let text = text.replace("&nbsp;", " ").replace("&amp;", "&");
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || "()[],;:!?·—–…\"'«»/|*+=<>".contains(c))
        .map(|w| w.trim_matches(|c: char| c == '.' || c == '-'))
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 2)
        .filter(|w| !ALLOWED.contains(w) && !w.starts_with('&') && !w.starts_with('#'))
        .collect();
    (!words.is_empty()).then(|| words.join(" "))
}

/// The literal prose of a template, one finding per piece.
fn findings(src: &str) -> Vec<String> {
    let s = strip_askama(src);
    let s = drop_blocks(drop_blocks(s, "script"), "style");
    let mut out = Vec::new();
    let mut rest = s.as_str();
    while !rest.is_empty() {
        let (text, tag) = match rest.find('<') {
            Some(i) => (&rest[..i], &rest[i..]),
            None => (rest, ""),
        };
        out.extend(prose(text));
        if tag.is_empty() {
            break;
        }
        let end = tag.find('>').map_or(tag.len(), |j| j + 1);
        let element = &tag[..end];
        for attr in ["placeholder", "title", "aria-label", "alt", "label"] {
            let key = format!(" {attr}=\"");
            if let Some(k) = element.find(&key) {
                let v = &element[k + key.len()..];
                out.extend(prose(&v[..v.find('"').unwrap_or(v.len())]));
            }
        }
        if element.contains("type=\"submit\"") || element.contains("type=\"button\"") {
            if let Some(k) = element.find(" value=\"") {
                let v = &element[k + 8..];
                out.extend(prose(&v[..v.find('"').unwrap_or(v.len())]));
            }
        }
        rest = &tag[end..];
    }
    out
}

fn templates() -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("templates");
    let mut v: Vec<_> = fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| (e.file_name().to_string_lossy().into_owned(), fs::read_to_string(e.path()).unwrap()))
        .collect();
    v.sort();
    v
}

#[test]
fn templates_hold_no_literal_prose() {
    let mut bad = Vec::new();
    for (name, src) in templates() {
        if src.trim_end().ends_with(PENDING) {
            continue;
        }
        for f in findings(&src) {
            bad.push(format!("{name}: {f}"));
        }
    }
    assert!(bad.is_empty(), "literal prose in templates (use l.t(\"id\")):\n{}", bad.join("\n"));
}

#[test]
fn the_prose_finder_finds_prose_and_nothing_else() {
    assert_eq!(findings("<p>Hello {{ x }}</p>"), vec!["Hello"]);
    assert_eq!(findings("<input placeholder=\"Search…\" value=\"{{ q }}\">"), vec!["Search"]);
    assert_eq!(findings("<b>{{ l.t(\"a-b\") }}</b> · Kith 42 %"), Vec::<String>::new());
    assert_eq!(findings("<script>let a = 'words';</script>{# note #}"), Vec::<String>::new());
}

/// `.t("id"` and its siblings in a file, with the id.
fn ids_in(src: &str) -> Vec<String> {
    let mut out = Vec::new();
    for call in [".t(\"", ".t1(\"", ".t2(\"", ".t3(\"", ".ta(\""] {
        let mut rest = src;
        while let Some(i) = rest.find(call) {
            let after = &rest[i + call.len()..];
            if let Some(j) = after.find('"') {
                out.push(after[..j].to_owned());
            }
            rest = after;
        }
    }
    out
}

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for e in fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

#[test]
fn every_message_the_code_asks_for_exists() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap().to_owned();
    let mut files = Vec::new();
    for krate in ["kith-web", "kith-app", "kith-domain"] {
        rust_files(&root.join(krate).join("src"), &mut files);
    }
    let mut missing = Vec::new();
    for p in files {
        for id in ids_in(&fs::read_to_string(&p).unwrap()) {
            if !kith_i18n::has_message(&id) {
                missing.push(format!("{}: {id}", p.display()));
            }
        }
    }
    for (name, src) in templates() {
        for id in ids_in(&src) {
            if !kith_i18n::has_message(&id) {
                missing.push(format!("{name}: {id}"));
            }
        }
    }
    assert!(missing.is_empty(), "message ids not in the English catalogue:\n{}", missing.join("\n"));
}
