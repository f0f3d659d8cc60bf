//! Reading the consent bodies' words, channels and times, naming the field
//! of each one that is not valid.

use crate::api::parse_time;
use crate::problem::ApiError;
use kith_domain::{Channel, Invalid, LawfulBasis};

pub(super) type Rfc3339 = time::OffsetDateTime;

pub(super) fn word<T: Copy>(
    inv: &mut Invalid,
    field: &str,
    v: &str,
    parse: fn(&str) -> Option<T>,
    all: &[T],
    name: fn(T) -> &'static str,
) -> Option<T> {
    let r = parse(v);
    if r.is_none() {
        let names: Vec<&str> = all.iter().map(|x| name(*x)).collect();
        inv.push(field, format!("must be one of {}", names.join(", ")));
    }
    r
}

pub(super) fn basis(inv: &mut Invalid, field: &str, v: &str) -> Option<LawfulBasis> {
    word(inv, field, v, LawfulBasis::parse, LawfulBasis::ALL, LawfulBasis::as_str)
}

pub(super) fn channels(inv: &mut Invalid, field: &str, v: &[String]) -> Vec<Channel> {
    v.iter().filter_map(|c| word(inv, field, c, Channel::parse, Channel::ALL, Channel::as_str)).collect()
}

pub(super) fn time_field(inv: &mut Invalid, field: &str, v: Option<&str>) -> Option<Rfc3339> {
    match parse_time(field, v) {
        Ok(t) => t.map(kith_app::records::from_ms),
        Err(_) => {
            inv.push(field, "must be an RFC 3339 date-time such as 2026-01-31T09:00:00Z");
            None
        }
    }
}

pub(super) fn done(inv: Invalid) -> Result<(), ApiError> {
    inv.into_result().map_err(|e| ApiError::invalid(e.0))
}
