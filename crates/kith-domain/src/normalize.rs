//! Normalisation used for matching: search is case- and accent-insensitive,
//! so "Rossi", "ROSSI" and "Róssi" fold to the same key.

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// Folds text for matching: compatibility decomposition, combining marks
/// dropped, lower-cased. Works for Latin, Cyrillic, Greek and other cased
/// scripts; scripts without case pass through unchanged.
pub fn fold(s: &str) -> String {
    s.nfkd().filter(|c| !is_combining_mark(*c)).flat_map(char::to_lowercase).collect()
}

/// The folded words of a name: runs of letters and digits. "Anna-Maria
/// dell'Orto" gives `anna`, `maria`, `dell`, `orto`.
pub fn words(s: &str) -> Vec<String> {
    fold(s).split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_owned).collect()
}

/// The first `n` characters of a folded word (or the whole word if shorter).
pub fn prefix(word: &str, n: usize) -> &str {
    match word.char_indices().nth(n) {
        Some((i, _)) => &word[..i],
        None => word,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_and_accents() {
        assert_eq!(fold("Róssi"), "rossi");
        assert_eq!(fold("ÉLODIE"), "elodie");
        assert_eq!(fold("Йорданка"), "иорданка");
        assert_eq!(words("Anna-Maria dell'Orto"), vec!["anna", "maria", "dell", "orto"]);
    }

    #[test]
    fn prefix_counts_characters_not_bytes() {
        assert_eq!(prefix("иорданка", 3), "иор");
        assert_eq!(prefix("li", 3), "li");
    }

    proptest::proptest! {
        #[test]
        fn fold_is_idempotent(s in "\\PC{0,40}") {
            let once = fold(&s);
            proptest::prop_assert_eq!(fold(&once), once);
        }

        #[test]
        fn prefix_is_a_prefix(s in "\\PC{0,20}", n in 0usize..8) {
            let w = fold(&s);
            proptest::prop_assert!(w.starts_with(prefix(&w, n)));
            proptest::prop_assert!(prefix(&w, n).chars().count() <= n);
        }
    }
}
