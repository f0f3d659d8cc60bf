use std::fmt;

/// One field that failed validation. The message never echoes the value:
/// values may be personal data and errors end up in logs and responses.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct FieldError {
    pub field: String,
    pub message: String,
}

impl FieldError {
    pub fn new(field: impl Into<String>, message: impl Into<String>) -> Self {
        Self { field: field.into(), message: message.into() }
    }
}

/// A validation failure listing every offending field.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Invalid(pub Vec<FieldError>);

impl Invalid {
    pub fn one(field: impl Into<String>, message: impl Into<String>) -> Self {
        Self(vec![FieldError::new(field, message)])
    }

    pub fn push(&mut self, field: impl Into<String>, message: impl Into<String>) {
        self.0.push(FieldError::new(field, message));
    }

    /// Collects the error of `r` under `field` (prefixing nested names) and
    /// returns its value if it was valid.
    pub fn check<T>(&mut self, field: &str, r: Result<T, Invalid>) -> Option<T> {
        match r {
            Ok(v) => Some(v),
            Err(e) => {
                for fe in e.0 {
                    let name = match (field.is_empty(), fe.field.is_empty()) {
                        (_, true) => field.to_owned(),
                        (true, false) => fe.field,
                        (false, false) => format!("{field}.{}", fe.field),
                    };
                    self.0.push(FieldError::new(name, fe.message));
                }
                None
            }
        }
    }

    pub fn into_result(self) -> Result<(), Invalid> {
        if self.0.is_empty() {
            Ok(())
        } else {
            Err(self)
        }
    }
}

impl fmt::Display for Invalid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let names: Vec<&str> = self.0.iter().map(|e| e.field.as_str()).collect();
        write!(f, "invalid fields: {}", names.join(", "))
    }
}

impl std::error::Error for Invalid {}

/// The longest short text of a record (a title, a name), in characters.
pub(crate) const SHORT: usize = 200;
/// The longest free text of a record (a description), in characters.
pub(crate) const LONG: usize = 20_000;

/// Trims a record's text field in place and checks it: at least `min` and
/// at most `max` characters, no control characters but line breaks and tabs.
pub(crate) fn text(inv: &mut Invalid, field: &str, v: &mut String, min: usize, max: usize) {
    *v = v.trim().to_owned();
    let n = v.chars().count();
    if n < min {
        inv.push(field, "required");
    } else if n > max {
        inv.push(field, format!("at most {max} characters"));
    } else if v.chars().any(|c| c.is_control() && c != '\n' && c != '\r' && c != '\t') {
        inv.push(field, "control characters are not allowed");
    }
}
