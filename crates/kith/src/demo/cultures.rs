//! Where the demo's people come from: names, places and number formats of
//! five cultures, and the people always seeded.

/// Where people come from: names, places and number formats.
#[derive(Clone, Copy)]
pub(super) struct Culture {
    pub(super) weight: u64,
    pub(super) tld: &'static str,
    pub(super) country: &'static str,
    pub(super) male: &'static [&'static str],
    pub(super) female: &'static [&'static str],
    pub(super) surnames: &'static [&'static str],
    /// Appended to a surname for a woman (Петров → Петрова).
    pub(super) feminine_suffix: &'static str,
    /// City, postal code, region.
    pub(super) cities: &'static [(&'static str, &'static str, Option<&'static str>)],
    pub(super) streets: &'static [&'static str],
    /// "12 rue …" rather than "Via … 12".
    pub(super) number_first: bool,
    pub(super) phone: fn(u32) -> String,
}

pub(super) const IT: usize = 0;
pub(super) const BG: usize = 1;
pub(super) const DE: usize = 2;
pub(super) const FR: usize = 3;
pub(super) const ES: usize = 4;

fn phone_it(n: u32) -> String {
    format!("+39 06 0000 {:04}", n % 10_000)
}
fn phone_bg(n: u32) -> String {
    format!("+359 2 000 {:04}", n % 10_000)
}
fn phone_de(n: u32) -> String {
    format!("+49 30 0000 {:04}", n % 10_000)
}
fn phone_fr(n: u32) -> String {
    let n = n % 10_000;
    format!("+33 1 99 00 {:02} {:02}", n / 100, n % 100)
}
fn phone_es(n: u32) -> String {
    format!("+34 91 000 {:04}", n % 10_000)
}

pub(super) static CULTURES: [Culture; 5] = [
    Culture {
        weight: 35,
        tld: "example.it",
        country: "Italia",
        male: &[
            "Niccolò",
            "Gianluca",
            "Mattia",
            "Lorenzo",
            "Alessandro",
            "Davide",
            "Tommaso",
            "Gabriele",
            "Riccardo",
            "Andrea",
            "Federico",
            "Salvatore",
        ],
        female: &[
            "Ilaria",
            "Caterina",
            "Giulia",
            "Chiara",
            "Federica",
            "Martina",
            "Beatrice",
            "Elisa",
            "Sofia",
            "Noemi",
            "Francesca",
            "Rosalba",
        ],
        surnames: &[
            "De Santis",
            "Bellè",
            "Rossi",
            "Esposito",
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
            "Fontana",
            "Caruso",
            "D'Angelo",
            "Lucà",
            "Santoro",
            "Parisi",
            "Sanò",
            "Cantù",
        ],
        feminine_suffix: "",
        cities: &[
            ("Roma", "00185", Some("RM")),
            ("Milano", "20121", Some("MI")),
            ("Bologna", "40121", Some("BO")),
            ("Torino", "10121", Some("TO")),
            ("Firenze", "50122", Some("FI")),
            ("Napoli", "80133", Some("NA")),
        ],
        streets: &[
            "Via Fittizia",
            "Via dei Mille Finti",
            "Corso Immaginario",
            "Piazza dell'Esempio",
            "Viale Inventato",
        ],
        number_first: false,
        phone: phone_it,
    },
    Culture {
        weight: 25,
        tld: "example.bg",
        country: "България",
        male: &["Иван", "Георги", "Димитър", "Николай", "Стоян", "Петър", "Христо", "Тодор", "Калоян", "Борислав"],
        female: &[
            "Мария",
            "Цветелина",
            "Елена",
            "Десислава",
            "Радостина",
            "Йорданка",
            "Гергана",
            "Милена",
            "Надежда",
            "Виолета",
        ],
        surnames: &[
            "Петров",
            "Георгиев",
            "Димитров",
            "Иванов",
            "Стоянов",
            "Николов",
            "Тодоров",
            "Христов",
            "Колев",
            "Ангелов",
            "Попов",
            "Маринов",
        ],
        feminine_suffix: "а",
        cities: &[
            ("София", "1000", None),
            ("Пловдив", "4000", None),
            ("Варна", "9000", None),
            ("Бургас", "8000", None),
            ("Русе", "7000", None),
        ],
        streets: &["ул. „Измислена“", "бул. „Примерен“", "ул. „Несъществуваща“", "ул. „Въображаема“"],
        number_first: false,
        phone: phone_bg,
    },
    Culture {
        weight: 15,
        tld: "example.org",
        country: "Deutschland",
        male: &["Jürgen", "Lukas", "Maximilian", "Jörg", "Felix", "Tobias", "Matthias"],
        female: &["Anneliese", "Sophie", "Lena", "Käthe", "Hannah", "Jana", "Ute"],
        surnames: &[
            "Müller",
            "Schäfer",
            "Weiß",
            "Köhler",
            "Hoffmann",
            "Becker",
            "Schröder",
            "Fuchs",
            "Groß",
            "Zimmermann",
        ],
        feminine_suffix: "",
        cities: &[
            ("Berlin", "10115", None),
            ("München", "80331", None),
            ("Hamburg", "20095", None),
            ("Köln", "50667", None),
            ("Leipzig", "04109", None),
        ],
        streets: &["Musterstraße", "Beispielweg", "Erfundene Allee", "Am Platzhalter"],
        number_first: false,
        phone: phone_de,
    },
    Culture {
        weight: 13,
        tld: "example.com",
        country: "France",
        male: &["Benoît", "Théo", "François", "Jérôme", "Gaël", "Loïc"],
        female: &["Élodie", "Chloé", "Amélie", "Hélène", "Camille", "Léa"],
        surnames: &["Lefèvre", "Dubois", "Moreau", "Girard", "Rousseau", "Fournier", "Mercier", "Bonnet", "Faure"],
        feminine_suffix: "",
        cities: &[
            ("Paris", "75011", None),
            ("Lyon", "69002", None),
            ("Marseille", "13001", None),
            ("Toulouse", "31000", None),
            ("Nantes", "44000", None),
        ],
        streets: &["rue Imaginaire", "avenue Fictive", "boulevard de l'Exemple", "place Inventée"],
        number_first: true,
        phone: phone_fr,
    },
    Culture {
        weight: 12,
        tld: "example.com",
        country: "España",
        male: &["José", "Álvaro", "Sergio", "Jesús", "Íñigo", "Andrés"],
        female: &["Lucía", "María José", "Inés", "Nuria", "Pilar", "Begoña"],
        surnames: &[
            "García",
            "Fernández",
            "López",
            "Martínez",
            "Sánchez",
            "Pérez",
            "Gómez",
            "Muñoz",
            "Núñez",
            "Ibáñez",
        ],
        feminine_suffix: "",
        cities: &[
            ("Madrid", "28001", None),
            ("Barcelona", "08001", None),
            ("Valencia", "46001", None),
            ("Sevilla", "41001", None),
            ("Bilbao", "48001", None),
        ],
        streets: &["Calle Ficticia", "Avenida del Ejemplo", "Plaza Inventada", "Paseo Imaginario"],
        number_first: false,
        phone: phone_es,
    },
];

/// Always seeded, so the examples in the docs and the test find them.
pub(super) const SHOWCASE: [(usize, &str, &str); 10] = [
    (BG, "Иван", "Петров"),
    (BG, "Мария", "Георгиева"),
    (BG, "Цветелина", "Димитрова"),
    (IT, "Niccolò", "Lucà"),
    (IT, "Caterina", "De Santis"),
    (IT, "Mattia", "Bellè"),
    (IT, "Ilaria", "D'Angelo"),
    (DE, "Jürgen", "Weiß"),
    (FR, "Élodie", "Lefèvre"),
    (ES, "Lucía", "Núñez"),
];
