//! Author names as reference managers want them: family name and given names, or a literal
//! name for groups (`The WAVE-AF Investigators`, `Centers for Disease Control and Prevention`).

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Name {
    Person { family: String, given: String },
    Literal(String),
}

/// Words that make a name a group's, not a person's.
const GROUP_WORDS: &[&str] = &[
    "investigators",
    "group",
    "collaboration",
    "collaborative",
    "consortium",
    "committee",
    "team",
    "network",
    "agency",
    "administration",
    "organization",
    "organisation",
    "centers",
    "centre",
    "center",
    "society",
    "association",
    "institute",
    "department",
    "ministry",
    "council",
    "board",
    "office",
    "authors",
    "editors",
    "fda",
    "who",
    "cdc",
    "nice",
    "mhra",
    "ema",
];

/// Particles that belong to the family name: `Helga G. de Vries`, `Ludwig van Beethoven`.
const PARTICLES: &[&str] = &[
    "de", "van", "von", "der", "den", "da", "di", "del", "la", "le", "du", "dos", "ten", "ter",
];

impl Name {
    pub fn parse(raw: &str) -> Name {
        let name = raw.split_whitespace().collect::<Vec<_>>().join(" ");
        let words: Vec<&str> = name.split(' ').filter(|w| !w.is_empty()).collect();
        let is_group = words.len() > 4
            || words.iter().any(|word| {
                let lower = word
                    .trim_matches(|c: char| !c.is_alphanumeric())
                    .to_lowercase();
                GROUP_WORDS.contains(&lower.as_str()) || word.chars().any(|c| c.is_ascii_digit())
            });
        if is_group || words.is_empty() {
            return Name::Literal(name);
        }
        if let Some((family, given)) = name.split_once(',') {
            return person(family.trim(), given.trim());
        }
        if words.len() == 1 {
            return person(words[0], "");
        }
        // PubMed writes `Osei KA`: family name, then the initials without dots.
        let last = words[words.len() - 1];
        if last.len() <= 3 && last.chars().all(|c| c.is_ascii_uppercase()) {
            return person(&words[..words.len() - 1].join(" "), &dotted_initials(last));
        }
        let mut family_start = words.len() - 1;
        while family_start > 1 && PARTICLES.contains(&words[family_start - 1]) {
            family_start -= 1;
        }
        person(
            &words[family_start..].join(" "),
            &words[..family_start].join(" "),
        )
    }

    /// `Family, Given` (RIS and BibTeX), or the literal name.
    pub fn inverted(&self) -> String {
        match self {
            Name::Person { family, given } if given.is_empty() => family.clone(),
            Name::Person { family, given } => format!("{family}, {given}"),
            Name::Literal(name) => name.clone(),
        }
    }

    /// The family name, or the group's name.
    pub fn family(&self) -> &str {
        match self {
            Name::Person { family, .. } => family,
            Name::Literal(name) => name,
        }
    }
}

fn person(family: &str, given: &str) -> Name {
    Name::Person {
        family: family.to_string(),
        given: given.to_string(),
    }
}

/// `KA` → `K. A.`
fn dotted_initials(initials: &str) -> String {
    initials
        .chars()
        .map(|c| format!("{c}."))
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn family_given(raw: &str) -> (String, String) {
        match Name::parse(raw) {
            Name::Person { family, given } => (family, given),
            Name::Literal(name) => panic!("{raw} became the literal {name}"),
        }
    }

    #[test]
    fn people_in_every_shape_feeds_use() {
        let cases = [
            ("E. Marchetti", ("Marchetti", "E.")),
            ("K.A. Osei", ("Osei", "K.A.")),
            ("Maria L. Okafor", ("Okafor", "Maria L.")),
            ("Osei KA", ("Osei", "K. A.")),
            ("Marchetti E", ("Marchetti", "E.")),
            ("McMurray, John J. V.", ("McMurray", "John J. V.")),
            ("Helga G. de Vries", ("de Vries", "Helga G.")),
            ("Seo-yeon Kim", ("Kim", "Seo-yeon")),
            ("Cher", ("Cher", "")),
        ];
        for (raw, (family, given)) in cases {
            assert_eq!(
                family_given(raw),
                (family.to_string(), given.to_string()),
                "{raw}"
            );
        }
    }

    #[test]
    fn groups_are_literal() {
        for raw in [
            "The WAVE-AF Investigators",
            "Centers for Disease Control and Prevention",
            "FDA",
            "GBD 2021 Collaborators Group",
        ] {
            assert!(matches!(Name::parse(raw), Name::Literal(_)), "{raw}");
        }
        assert_eq!(Name::parse("Osei KA").inverted(), "Osei, K. A.");
        assert_eq!(Name::parse("FDA").inverted(), "FDA");
    }
}
