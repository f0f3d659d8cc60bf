//! Closed vocabularies: enums with a stored spelling and a label for people.

/// Declares an enum whose variants each have a stored/wire spelling
/// (`as_str`, `parse`) and words for people (`label`), plus `ALL`.
macro_rules! word_enum {
    ($(#[$m:meta])* $name:ident { $($v:ident => $s:literal, $label:literal),* $(,)? }) => {
        $(#[$m])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($v),* }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$v),*];

            /// The stored and wire spelling.
            pub fn as_str(self) -> &'static str {
                match self { $(Self::$v => $s),* }
            }

            /// Words for people.
            pub fn label(self) -> &'static str {
                match self { $(Self::$v => $label),* }
            }

            pub fn parse(s: &str) -> Option<Self> {
                Self::ALL.iter().copied().find(|v| v.as_str() == s)
            }
        }
    };
}
