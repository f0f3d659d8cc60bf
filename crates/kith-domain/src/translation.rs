//! A purpose's or subscription type's name and description in another
//! language: what people read on forms, the preference centre, the portal
//! and their receipts.

use crate::error::{text, Invalid};

/// A checked translation: the name one line of 1–200 characters, the
/// description at most 2,000 (line breaks allowed); both trimmed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Translation {
    pub name: String,
    pub description: String,
}

impl Translation {
    pub fn parse(name: &str, description: &str) -> Result<Translation, Invalid> {
        let mut inv = Invalid::default();
        let (mut name, mut description) = (name.to_owned(), description.to_owned());
        text(&mut inv, "name", &mut name, 1, 200);
        if name.contains(['\n', '\r', '\t']) {
            inv.push("name", "must be one line");
        }
        text(&mut inv, "description", &mut description, 0, 2_000);
        inv.into_result()?;
        Ok(Translation { name, description })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_translation_is_checked_and_trimmed() {
        let t = Translation::parse("  Lettre d'information ", " Une fois par mois.\n").unwrap();
        assert_eq!(t.name, "Lettre d'information");
        assert_eq!(t.description, "Une fois par mois.");
        let fields = |e: Invalid| e.0.into_iter().map(|f| f.field).collect::<Vec<_>>();
        assert_eq!(fields(Translation::parse(" ", "").unwrap_err()), ["name"]);
        assert_eq!(fields(Translation::parse("a\nb", "").unwrap_err()), ["name"]);
        assert_eq!(fields(Translation::parse("ok", &"x".repeat(2001)).unwrap_err()), ["description"]);
        assert_eq!(fields(Translation::parse("ok\u{7}", "").unwrap_err()), ["name"]);
    }
}
