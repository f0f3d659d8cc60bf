use super::*;
use proptest::prelude::*;

fn ada() -> MergeFields {
    MergeFields {
        first_name: Some("Ada".into()),
        company: Some("Rossi & Figli".into()),
        confirm_url: Some("https://crm.example.com/c/tok".into()),
        ..Default::default()
    }
}

#[test]
fn check_lists_fields_and_names_the_bad_one() {
    assert_eq!(check("Hi {{first_name}}, {{ company }} {{first_name|friend}}").unwrap(), vec!["first_name", "company"]);
    assert_eq!(check("no fields, {single} braces are text").unwrap(), Vec::<&str>::new());
    let e = check("Hi {{frist_name}}").unwrap_err();
    assert_eq!(e.0[0].field, "");
    assert!(e.0[0].message.contains("{{frist_name}}"), "{}", e.0[0].message);
    // A name that is not shaped like one is never echoed.
    let e = check("Hi {{<script>@x}}").unwrap_err();
    assert!(!e.0[0].message.contains("script"), "{}", e.0[0].message);
    for bad in ["Hi {{first_name", "Hi first_name}}", "}} {{first_name}}", "{{}}", "{{ {{first_name}} }}"] {
        assert!(check(bad).is_err(), "{bad}");
    }
    assert!(check("{{first_name|a{b}}").is_err());
    let mut inv = Invalid::default();
    inv.check("texts.it.body", check("{{nope}}").map(|_| ()));
    assert_eq!(inv.0[0].field, "texts.it.body");
}

#[test]
fn renders_text_subject_and_html() {
    let f = ada();
    assert_eq!(render_text("Ciao {{first_name}} di {{company}}!", &f), "Ciao Ada di Rossi & Figli!");
    assert_eq!(render_text("Hi {{last_name|there}}.", &f), "Hi there.");
    assert_eq!(render_text("Hi {{last_name}}.", &f), "Hi .");
    assert_eq!(render_subject("News for {{first_name}}\r\nBcc: x", &f), "News for Ada Bcc: x");
    let html = render_html("Dear {{first_name}},\n\nFrom {{company}}:\nconfirm {{confirm_url}}", &f);
    assert_eq!(
        html,
        "<p>Dear Ada,</p>\n<p>From Rossi &amp; Figli:<br>\nconfirm <a href=\"https://crm.example.com/c/tok\">https://crm.example.com/c/tok</a></p>"
    );
    // Template text is plain text too: its markup is shown, not run.
    assert_eq!(render_html("<b>{{first_name}}</b>", &f), "<p>&lt;b&gt;Ada&lt;/b&gt;</p>");
    // A link field holding something other than an http(s) address is only text.
    let f = MergeFields { unsubscribe_url: Some("javascript:alert(1)".into()), ..Default::default() };
    assert_eq!(render_html("{{unsubscribe_url}}", &f), "<p>javascript:alert(1)</p>");
}

#[test]
fn values_are_one_line_and_debug_is_redacted() {
    let f = MergeFields { first_name: Some("Ada\n\nBcc: evil@example.com".into()), ..Default::default() };
    assert_eq!(render_text("{{first_name}}", &f), "Ada Bcc: evil@example.com");
    assert_eq!(format!("{f:?}"), "MergeFields(<personal>)");
    assert_eq!(TemplateKind::parse("consent_request"), Some(TemplateKind::ConsentRequest));
}

fn any_fields() -> impl Strategy<Value = MergeFields> {
    let v = || proptest::option::of(prop_oneof![any::<String>(), "(https?://)?[<>\"'&a-z\\r\\n ]{0,20}"]);
    (v(), v(), v(), v(), v(), v(), v(), v(), v()).prop_map(|(a, b, c, d, e, g, h, i, j)| MergeFields {
        first_name: a,
        last_name: b,
        company: c,
        purpose: d,
        controller: e,
        unsubscribe_url: g,
        preferences_url: h,
        portal_url: i,
        confirm_url: j,
    })
}

/// The same fields with every value replaced by a harmless one of the same
/// kind (a link stays a link): the markup a rendering may contain.
fn harmless(f: &MergeFields) -> MergeFields {
    let h = |v: &Option<String>| {
        v.as_ref().map(|s| {
            let s = one_line(s);
            if s.is_empty() {
                String::new()
            } else if s.starts_with("https://") || s.starts_with("http://") {
                "https://x".to_owned()
            } else {
                "x".to_owned()
            }
        })
    };
    MergeFields {
        first_name: h(&f.first_name),
        last_name: h(&f.last_name),
        company: h(&f.company),
        purpose: h(&f.purpose),
        controller: h(&f.controller),
        unsubscribe_url: h(&f.unsubscribe_url),
        preferences_url: h(&f.preferences_url),
        portal_url: h(&f.portal_url),
        confirm_url: h(&f.confirm_url),
    }
}

fn template() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        "[^{}]{0,12}",
        Just("{{first_name}}".to_owned()),
        Just("{{company|acme}}".to_owned()),
        Just("{{confirm_url}}".to_owned()),
        Just("{{unsubscribe_url}}".to_owned()),
        Just("\n\n".to_owned()),
    ];
    proptest::collection::vec(piece, 0..8).prop_map(|v| v.concat())
}

proptest! {
    #[test]
    fn no_value_adds_markup_to_html(t in template(), f in any_fields()) {
        prop_assert!(check(&t).is_ok());
        let real = render_html(&t, &f);
        let safe = render_html(&t, &harmless(&f));
        for c in ['<', '>', '"', '\''] {
            prop_assert_eq!(real.matches(c).count(), safe.matches(c).count(), "{:?} in {:?}", c, real);
        }
    }

    #[test]
    fn no_value_or_text_breaks_a_subject(t in any::<String>(), f in any_fields()) {
        let s = render_subject(&t, &f);
        prop_assert!(!s.contains('\r') && !s.contains('\n'));
        prop_assert!(!s.chars().any(char::is_control));
    }

    #[test]
    fn values_never_span_lines_in_text(f in any_fields()) {
        let s = render_text("{{first_name}}{{last_name}}{{company}}", &f);
        prop_assert!(!s.contains('\r') && !s.contains('\n'));
    }

    #[test]
    fn check_never_panics(t in any::<String>()) {
        let _ = check(&t);
        let _ = render_html(&t, &MergeFields::default());
    }
}
