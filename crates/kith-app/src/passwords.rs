//! The password rule, applied wherever a staff password is set (`kith user
//! add`, `kith user set-password`, an admin's reset, one's own change): at
//! least [`MIN_PASSWORD`] characters, and not guessable — neither on the
//! list of common and breached passwords Kith ships (zxcvbn's, ~30,000 from
//! leaked password sets, with its English words, names and keyboard
//! patterns) nor estimated to fall within 10¹⁰ guesses (zxcvbn score
//! below 3). The strength meter on the forms asks the server the same.

use kith_domain::Invalid;
use zxcvbn::feedback::Warning;

pub const MIN_PASSWORD: usize = 12;
pub const MAX_PASSWORD_BYTES: usize = 1024;
/// How many leading characters zxcvbn rates (see [`strength`]).
pub const ESTIMATED_CHARS: usize = 32;
/// zxcvbn's score (0–4) a password needs: more than 10¹⁰ guesses.
pub const MIN_SCORE: u8 = 3;

/// What the meter shows and the rule decides.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Strength {
    /// zxcvbn's 0–4 (0 also for a password that is too short).
    pub score: u8,
    /// Whether the password may be set.
    pub acceptable: bool,
    /// Why not, or how to improve it; empty when nothing to say.
    pub message: String,
}

/// Rates `password`; `related` are words about its user (the email and
/// its parts), which make a password easy to guess.
pub fn strength(password: &str, related: &[&str]) -> Strength {
    let chars = password.chars().count();
    if chars < MIN_PASSWORD {
        return Strength {
            score: 0,
            acceptable: false,
            message: format!("must be at least {MIN_PASSWORD} characters ({chars} so far)"),
        };
    }
    if password.len() > MAX_PASSWORD_BYTES {
        return Strength {
            score: 0,
            acceptable: false,
            message: format!("must be at most {MAX_PASSWORD_BYTES} bytes"),
        };
    }
    // zxcvbn's time grows steeply with length (an 84-character string of
    // punctuation took 1.5 s): it rates the first characters only, which
    // bounds a request to tens of milliseconds. A password whose first
    // ESTIMATED_CHARS are strong is at least as strong whole.
    let head: String = password.chars().take(ESTIMATED_CHARS).collect();
    let e = zxcvbn::zxcvbn(&head, related);
    let score = e.score() as u8;
    if score >= MIN_SCORE {
        return Strength { score, acceptable: true, message: String::new() };
    }
    let warning = e.feedback().and_then(|f| f.warning());
    let message = match warning {
        Some(Warning::ThisIsATop10Password | Warning::ThisIsATop100Password | Warning::ThisIsACommonPassword) => {
            "is on a list of common or breached passwords; choose another".to_owned()
        }
        Some(Warning::ThisIsSimilarToACommonlyUsedPassword) => {
            "is too close to a common or breached password; choose another".to_owned()
        }
        Some(w) => format!("is too easy to guess ({}); a few unrelated words make a strong password", lower_first(&w)),
        None => "is too easy to guess; a few unrelated words make a strong password".to_owned(),
    };
    Strength { score, acceptable: false, message }
}

#[cfg(test)]
mod bounded {
    #[test]
    fn a_long_hostile_password_is_rated_quickly() {
        let p: String = " .,?!'-/_:;+()@$\"#&*<>=[]\\~%^{}|1234567890".repeat(30).chars().take(1000).collect();
        let t = std::time::Instant::now();
        let s = super::strength(&p, &[]);
        // Unbounded, this took seconds; bounded, a few tens of milliseconds
        // (the margin is for a loaded machine).
        assert!(t.elapsed() < std::time::Duration::from_millis(800), "{:?}", t.elapsed());
        assert!(s.acceptable);
    }
}

fn lower_first(w: &Warning) -> String {
    let s = w.to_string();
    let s = s.trim_end_matches('.');
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_lowercase().chain(c).collect(),
        None => String::new(),
    }
}

/// The words about a user that a password should not be built from.
pub fn related_words(email: &str) -> Vec<String> {
    let mut v = vec![email.to_owned()];
    if let Some((local, domain)) = email.split_once('@') {
        v.push(local.to_owned());
        v.extend(local.split(['.', '-', '_', '+']).filter(|w| w.len() > 2).map(str::to_owned));
        v.extend(domain.split('.').filter(|w| w.len() > 2).map(str::to_owned));
    }
    v.push("kith".to_owned());
    v
}

/// Refuses a password the rule does not accept, naming the `password` field.
pub(crate) fn check(password: &str, email: &str) -> Result<(), Invalid> {
    let related = related_words(email);
    let related: Vec<&str> = related.iter().map(String::as_str).collect();
    let s = strength(password, &related);
    if s.acceptable {
        Ok(())
    } else {
        Err(Invalid::one("password", s.message))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_common_and_guessable_passwords_are_refused() {
        assert!(!strength("short", &[]).acceptable);
        for common in ["password1234", "qwertyuiop123", "123456789012", "aaaaaaaaaaaaaaa", "Password1234!"] {
            let s = strength(common, &[]);
            assert!(!s.acceptable, "{common} was accepted");
            assert!(!s.message.is_empty());
        }
        let s = strength("iloveyou1234", &[]);
        assert!(!s.acceptable);
        // Built from the user's own email.
        assert!(check("anna.kowalska2024", "anna.kowalska@example.com").is_err());
    }

    #[test]
    fn long_unrelated_passphrases_pass() {
        for good in [
            "correct-horse-battery",
            "tulip gravel kettle orbit",
            "Zq8!vR2#mW5pL0xT",
            "two-servers-4242-password",
            "fuzz-1760000000-31337-password",
        ] {
            let s = strength(good, &[]);
            assert!(s.acceptable, "{good} was refused: {}", s.message);
        }
    }
}
