//! The domain's field errors in the reader's words. The domain writes its
//! validation messages in English (the API returns them as they are, under
//! stable field names); the pages show the common ones translated, and any
//! other as written.

use kith_i18n::Tr;

/// `msg`, a message of a `kith_domain::FieldError`, in the reader's words.
pub(crate) fn field_message(tr: &Tr, msg: &str) -> String {
    if tr.lang() == kith_i18n::DEFAULT {
        // The domain writes English: show it exactly as written.
        return msg.to_owned();
    }
    let fixed = match msg {
        "required" | "is required" => Some("validation-required"),
        "control characters are not allowed" | "must not contain control characters" => Some("validation-control"),
        "must be one line" => Some("validation-one-line"),
        "must not be in the future" | "cannot be in the future" => Some("validation-future"),
        "is not a valid email address" => Some("validation-email"),
        "not an ISO 3166-1 alpha-2 country code" => Some("validation-country"),
        "must name at least one channel" => Some("validation-channel"),
        "is too long" => Some("validation-too-long"),
        "must be an id" => Some("validation-id"),
        "your role may not see or change this field" => Some("validation-field-role"),
        "tick at least one subscription to subscribe" => Some("validation-tick"),
        "refers to a notice that does not exist" => Some("validation-no-notice"),
        "refers to a purpose that does not exist" => Some("validation-no-purpose"),
        "refers to a template that does not exist" => Some("validation-no-template"),
        "refers to a subscription type that does not exist" => Some("validation-no-subscription"),
        "refers to a record that does not exist" => Some("validation-no-record"),
        _ => None,
    };
    if let Some(id) = fixed {
        return tr.t(id);
    }
    if let Some(n) = between(msg, &["at most ", "must be at most "], " characters") {
        return tr.t1("validation-at-most", "n", n);
    }
    if let Some(range) = between(msg, &["must be "], " characters") {
        if let Some((a, b)) = range.split_once(" to ") {
            if let (Ok(a), Ok(b)) = (a.parse::<u64>(), b.parse::<u64>()) {
                return tr.t2("validation-length", "min", a, "max", b);
            }
        }
    }
    if let Some(list) = msg.strip_prefix("must be one of ") {
        return tr.t1("validation-one-of", "list", list);
    }
    msg.to_owned()
}

/// The number between one of `starts` and `end` in `msg`, if that is all of it.
fn between<'a>(msg: &'a str, starts: &[&str], end: &str) -> Option<&'a str> {
    let rest = starts.iter().find_map(|s| msg.strip_prefix(s))?;
    let inner = rest.strip_suffix(end)?;
    if starts.len() > 1 && !inner.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    Some(inner)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_domain_messages_are_translated_and_others_kept() {
        let fr = Tr::new("fr");
        assert_eq!(field_message(&fr, "required"), "obligatoire");
        assert_eq!(field_message(&fr, "at most 200 characters"), "200 caractères au maximum");
        assert_eq!(field_message(&fr, "must be 1 to 60 characters"), "de 1 à 60 caractères");
        assert_eq!(field_message(&fr, "must be one of en, it"), "doit être l'une des valeurs suivantes : en, it");
        assert_eq!(field_message(&fr, "something new"), "something new");
        assert_eq!(field_message(&Tr::new("en"), "is required"), "is required");
        assert_eq!(field_message(&Tr::new("en"), "must be 1 to 50 characters"), "must be 1 to 50 characters");
        assert_eq!(field_message(&fr, "at most many characters"), "at most many characters");
    }
}
