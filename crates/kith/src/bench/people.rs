//! The benchmarks' synthetic people: names from across Europe (and a few
//! beyond), unique email addresses and phone numbers, the same on every run.

use crate::rng::Rng;

const FIRST: [&str; 48] = [
    "Mario",
    "Giulia",
    "Luca",
    "Francesca",
    "Marco",
    "Chiara",
    "Alessandro",
    "Sara",
    "Matteo",
    "Elena",
    "Lorenzo",
    "Martina",
    "Élodie",
    "Camille",
    "Théo",
    "Léa",
    "Hugo",
    "Chloé",
    "Lukas",
    "Anna",
    "Jonas",
    "Lena",
    "Felix",
    "Marie",
    "Йорданка",
    "Георги",
    "Мария",
    "Иван",
    "Елена",
    "Димитър",
    "Lucía",
    "Javier",
    "Carmen",
    "Pablo",
    "Zofia",
    "Jakub",
    "Agnieszka",
    "Piotr",
    "Sofie",
    "Lars",
    "Ingrid",
    "Mikkel",
    "Joana",
    "Tiago",
    "Inês",
    "Ana",
    "Li",
    "Wei",
];
const LAST: [&str; 64] = [
    "Rossi",
    "Russo",
    "Ferrari",
    "Esposito",
    "Bianchi",
    "Romano",
    "Colombo",
    "Ricci",
    "Marino",
    "Greco",
    "Bruno",
    "Gallo",
    "Conti",
    "De Luca",
    "Mancini",
    "Costa",
    "Giordano",
    "Rizzo",
    "Lombardi",
    "Moretti",
    "Martin",
    "Bernard",
    "Dubois",
    "Thomas",
    "Robert",
    "Richard",
    "Petit",
    "Durand",
    "Leroy",
    "Moreau",
    "Müller",
    "Schmidt",
    "Schneider",
    "Fischer",
    "Weber",
    "Meyer",
    "Wagner",
    "Becker",
    "Schulz",
    "Hoffmann",
    "Петрова",
    "Иванов",
    "Георгиев",
    "Димитрова",
    "Николов",
    "Стоянова",
    "García",
    "Fernández",
    "González",
    "Rodríguez",
    "López",
    "Martínez",
    "Nowak",
    "Kowalski",
    "Wiśniewska",
    "Wójcik",
    "Jensen",
    "Nielsen",
    "Hansen",
    "Pedersen",
    "Silva",
    "Santos",
    "Ferreira",
    "Pereira",
];
const TITLES: [&str; 8] =
    ["Buyer", "Head of Purchasing", "CTO", "Office Manager", "Sales Director", "Engineer", "Founder", "Accountant"];

pub(super) struct Person {
    pub(super) first: &'static str,
    pub(super) last: &'static str,
    pub(super) email: String,
    pub(super) phone: String,
    pub(super) title: &'static str,
}

fn ascii_slug(s: &str) -> String {
    kith_domain::normalize::fold(s).chars().filter(|c| c.is_ascii_alphanumeric()).collect()
}

pub(super) fn people(n: usize) -> Vec<Person> {
    people_iter(n).collect()
}

/// The same people as [`people`], one at a time (constant memory).
pub(super) fn people_iter(n: usize) -> impl Iterator<Item = Person> {
    let mut rng = Rng::new(0x4b17_4b17);
    (0..n).map(move |i| {
        let first = *rng.pick(&FIRST);
        let last = *rng.pick(&LAST);
        let (f, l) = (ascii_slug(first), ascii_slug(last));
        let local = if f.is_empty() || l.is_empty() { format!("contact{i}") } else { format!("{f}.{l}{i}") };
        let phone = format!("+39 3{:02} {:07}", rng.next() % 100, i);
        let title = *rng.pick(&TITLES);
        Person { first, last, email: format!("{local}@example-{}.test", i % 97), phone, title }
    })
}
