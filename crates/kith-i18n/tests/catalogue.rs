//! The catalogue is whole: every file parses, every language has every
//! English message with the same variables, in the same file, and says it in
//! its own words (a text identical to English must be marked
//! `# same as English` above it: names, loanwords, Art. numbers).

use std::collections::{BTreeMap, BTreeSet};

use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};

struct Msg {
    file: &'static str,
    vars: BTreeSet<String>,
    text: String,
    same_ok: bool,
}

fn vars_of(p: &Pattern<&str>, out: &mut BTreeSet<String>) {
    for el in &p.elements {
        if let PatternElement::Placeable { expression } = el {
            expr_vars(expression, out);
        }
    }
}

fn expr_vars(e: &Expression<&str>, out: &mut BTreeSet<String>) {
    match e {
        Expression::Select { selector, variants } => {
            inline_vars(selector, out);
            for v in variants {
                vars_of(&v.value, out);
            }
        }
        Expression::Inline(i) => inline_vars(i, out),
    }
}

fn inline_vars(i: &InlineExpression<&str>, out: &mut BTreeSet<String>) {
    match i {
        InlineExpression::VariableReference { id } => {
            out.insert(id.name.to_owned());
        }
        InlineExpression::Placeable { expression } => expr_vars(expression, out),
        InlineExpression::FunctionReference { arguments, .. } => {
            for a in &arguments.positional {
                inline_vars(a, out);
            }
        }
        _ => {}
    }
}

fn text_of(p: &Pattern<&str>) -> String {
    p.elements
        .iter()
        .map(|el| match el {
            PatternElement::TextElement { value } => (*value).to_owned(),
            PatternElement::Placeable { .. } => "{}".to_owned(),
        })
        .collect()
}

fn catalogue() -> BTreeMap<&'static str, BTreeMap<String, Msg>> {
    let mut langs: BTreeMap<&'static str, BTreeMap<String, Msg>> = BTreeMap::new();
    for (lang, file, text) in kith_i18n::files() {
        let res = match fluent_syntax::parser::parse(*text) {
            Ok(r) => r,
            Err((_, errors)) => panic!("{lang}/{file} does not parse: {errors:?}"),
        };
        let msgs = langs.entry(lang).or_default();
        for entry in res.body {
            if let Entry::Message(m) = entry {
                let id = m.id.name.to_owned();
                let value = m.value.as_ref().unwrap_or_else(|| panic!("{lang}/{file}: {id} has no value"));
                let mut vars = BTreeSet::new();
                vars_of(value, &mut vars);
                let same_ok =
                    m.comment.as_ref().is_some_and(|c| c.content.iter().any(|l| l.contains("same as English")));
                let msg = Msg { file, vars, text: text_of(value), same_ok };
                assert!(msgs.insert(id.clone(), msg).is_none(), "{lang}: {id} is defined twice");
            }
        }
    }
    langs
}

#[test]
fn every_language_has_every_message_with_the_same_variables() {
    let langs = catalogue();
    let en = &langs["en"];
    assert!(langs.len() >= 6, "six languages ship: {:?}", langs.keys());
    let mut problems = Vec::new();
    for (lang, msgs) in &langs {
        for (id, m) in en {
            match msgs.get(id) {
                None => problems.push(format!("{lang}: {id} is missing (in {})", m.file)),
                Some(t) if t.vars != m.vars => {
                    problems.push(format!("{lang}: {id} has variables {:?}, English {:?}", t.vars, m.vars));
                }
                Some(t) if t.file != m.file => {
                    problems.push(format!("{lang}: {id} is in {}, English in {}", t.file, m.file))
                }
                Some(_) => {}
            }
        }
        for id in msgs.keys().filter(|id| !en.contains_key(*id)) {
            problems.push(format!("{lang}: {id} is not in English"));
        }
    }
    assert!(problems.is_empty(), "{} problems:\n{}", problems.len(), problems.join("\n"));
}

#[test]
fn no_language_copies_english_unless_marked() {
    let langs = catalogue();
    let en = &langs["en"];
    let mut copies = Vec::new();
    for (lang, msgs) in langs.iter().filter(|(l, _)| **l != "en") {
        for (id, m) in msgs {
            let Some(e) = en.get(id) else { continue };
            let wordy = e.text.chars().filter(|c| c.is_alphabetic()).count() >= 2;
            if wordy && m.text == e.text && !m.same_ok && !id.starts_with("fmt-") {
                copies.push(format!("{lang}: {id} = {:?}", m.text));
            }
        }
    }
    assert!(
        copies.is_empty(),
        "{} messages are English (translate, or mark `# same as English`):\n{}",
        copies.len(),
        copies.join("\n")
    );
}
