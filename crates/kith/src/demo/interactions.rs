//! The demo's interactions: one to five per contact over the past year,
//! recorded by the contact's owner (the operator at the command line is no
//! user, so an interaction could not name it as its author).

use super::people::Contacts;
use super::users::Owners;
use crate::error::CliError;
use crate::rng::Rng;
use kith_app::interactions::NewInteraction;
use kith_app::App;
use kith_domain::{InteractionKind, SubjectId};

/// Records the interactions, 500 per batch; returns how many.
pub(super) async fn seed_interactions(
    app: &App,
    rng: &mut Rng,
    owners: &Owners,
    contacts: &Contacts,
) -> Result<usize, CliError> {
    let now = time::OffsetDateTime::now_utc();
    let mut by_owner: Vec<Vec<(SubjectId, NewInteraction)>> = vec![Vec::new(); owners.0.len()];
    for (id, o) in contacts.ids.iter().zip(&contacts.owner) {
        for _ in 0..rng.range(1, 5) {
            let (kind, bodies) = match rng.below(4) {
                0 => (InteractionKind::Note, &NOTE_BODIES),
                1 => (InteractionKind::Call, &CALL_BODIES),
                2 => (InteractionKind::Email, &EMAIL_BODIES),
                _ => (InteractionKind::Meeting, &MEETING_BODIES),
            };
            let ago = time::Duration::minutes(rng.range(30, 365 * 24 * 60) as i64);
            by_owner[*o]
                .push((*id, NewInteraction { kind, occurred_at: Some(now - ago), body: (*rng.pick(bodies)).into() }));
        }
    }
    let mut n = 0;
    for (author, mut items) in owners.0.iter().zip(by_owner) {
        n += items.len();
        while !items.is_empty() {
            let tail = items.split_off(items.len().min(500));
            app.create_interactions(author, items)
                .await
                .map_err(CliError::app("demo data: cannot record interactions"))?;
            items = tail;
        }
    }
    Ok(n)
}

const NOTE_BODIES: [&str; 6] = [
    "Prefers to be contacted in the morning.",
    "Asked for the updated price list for next quarter.",
    "Budget approval expected after the board meeting.",
    "Interested in the loyalty programme; follow up in two weeks.",
    "Moved to a new office; delivery address to be confirmed.",
    "Mentioned a competitor's offer, about 10% cheaper.",
];

const CALL_BODIES: [&str; 6] = [
    "Intro call: walked through the catalogue, asked for samples.",
    "Short call about the delayed delivery; apologised and rescheduled.",
    "Discussed volumes for the summer season.",
    "Called to confirm the meeting; left a voicemail.",
    "Negotiated payment terms: 60 days agreed in principle.",
    "Обаждане: иска оферта до края на месеца.",
];

const EMAIL_BODIES: [&str; 6] = [
    "Sent the quote and the product sheet.",
    "Received the signed NDA.",
    "Follow-up after the trade fair, with the brochure attached.",
    "Newsletter feedback: monthly is enough.",
    "Shared the invoice copy requested by accounting.",
    "Inviata la proposta aggiornata con i nuovi prezzi.",
];

const MEETING_BODIES: [&str; 6] = [
    "Met at their office; toured the production line.",
    "Lunch meeting: discussed a pilot at two locations.",
    "Demo of the new range; very positive on quality.",
    "Quarterly review: satisfied, wants faster delivery.",
    "Met at the Fictitious Expo 2026, stand B12.",
    "Workshop with their team on the onboarding plan.",
];
