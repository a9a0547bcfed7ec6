//! Author lists as feeds write them: one `dc:creator` per author (PubMed, medRxiv), one
//! element holding everyone (`E. Marchetti, K.A. Osei, H. Nakamura` at NEJM, `;`-joined at
//! JAMA), Atom's one `<author>` each, and `A, B and C`.

use super::person;

/// Every author of an entry, in order, without duplicates; the feed's authors when the entry
/// names none (Atom, JSON Feed inheritance).
pub fn names(own: &[String], inherited: &[String]) -> Vec<String> {
    let people = if own.is_empty() { inherited } else { own };
    let mut names: Vec<String> = Vec::new();
    for shown in people.iter().filter_map(|raw| person::display_name(raw)) {
        for name in split_list(&shown) {
            let name = name.trim_matches(|c: char| c.is_whitespace() || ",;".contains(c));
            if !name.is_empty() && !names.iter().any(|known| known == name) {
                names.push(name.to_string());
            }
        }
    }
    names
}

/// One string naming several people, split; `Smith, John` (one person, inverted) stays whole.
pub fn split_list(text: &str) -> Vec<String> {
    let text = text.trim();
    if text.contains(';') {
        return text.split(';').flat_map(split_and).collect();
    }
    let parts: Vec<&str> = text.split(',').map(str::trim).collect();
    if let Some(pairs) = inverted_pairs(&parts) {
        return pairs;
    }
    let several = parts.len() > 1
        && parts
            .iter()
            .all(|part| part.is_empty() || part.split_whitespace().count() >= 2);
    if several {
        parts.into_iter().flat_map(split_and).collect()
    } else {
        split_and(text)
    }
}

/// medRxiv's `Nguyen, T. H., Osei, A.`: family names and initials, alternating.
fn inverted_pairs(parts: &[&str]) -> Option<Vec<String>> {
    let initials = |part: &str| {
        !part.is_empty()
            && part
                .split(|c: char| c == '.' || c.is_whitespace() || c == '-')
                .filter(|piece| !piece.is_empty())
                .all(|piece| piece.chars().count() == 1 && piece.chars().all(char::is_uppercase))
    };
    let paired = parts.len() >= 2
        && parts.len().is_multiple_of(2)
        && parts
            .chunks(2)
            .all(|pair| !initials(pair[0]) && initials(pair[1]));
    paired.then(|| {
        parts
            .chunks(2)
            .map(|pair| format!("{}, {}", pair[0], pair[1]))
            .collect()
    })
}

/// `Jane Doe and John Roe`, `and John Roe` (the tail of an Oxford list), `A & B`; but
/// `Centers for Disease Control and Prevention` is one name.
fn split_and(text: &str) -> Vec<String> {
    let text = text.trim();
    let text = text
        .strip_prefix("and ")
        .or_else(|| text.strip_prefix("& "))
        .unwrap_or(text);
    let parts: Vec<&str> = text
        .split(" and ")
        .flat_map(|part| part.split(" & "))
        .map(str::trim)
        .collect();
    if parts.len() > 1 && parts.iter().all(|part| looks_like_a_person(part)) {
        parts.into_iter().map(str::to_string).collect()
    } else if text.is_empty() {
        Vec::new()
    } else {
        vec![text.to_string()]
    }
}

/// Two to four capitalised words: `Jane Doe`, `K.A. Osei`, `Maria L. Okafor`.
fn looks_like_a_person(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    (2..=4).contains(&words.len())
        && words
            .iter()
            .all(|word| word.chars().next().is_some_and(char::is_uppercase))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn authors_are_named_once_and_inherited_when_absent() {
        let own = [
            "editor@example.org (The Editor)".to_string(),
            "The Editor".to_string(),
        ];
        assert_eq!(names(&own, &[]), ["The Editor"]);
        let inherited = ["Dr. A".to_string()];
        assert_eq!(names(&[], &inherited), ["Dr. A"]);
        let one_element = ["E. Marchetti, K.A. Osei, H. Nakamura".to_string()];
        assert_eq!(
            names(&one_element, &[]),
            ["E. Marchetti", "K.A. Osei", "H. Nakamura"]
        );
    }

    #[test]
    fn lists_in_one_element() {
        assert_eq!(
            split_list("E. Marchetti, K.A. Osei, H. Nakamura"),
            ["E. Marchetti", "K.A. Osei", "H. Nakamura"]
        );
        assert_eq!(
            split_list("Gabriel D. Almeida; Elena A. Marchetti; Kamau Wanjiku"),
            ["Gabriel D. Almeida", "Elena A. Marchetti", "Kamau Wanjiku"]
        );
        assert_eq!(
            split_list("Marchetti E, Osei KA, Nakamura H"),
            ["Marchetti E", "Osei KA", "Nakamura H"]
        );
        assert_eq!(
            split_list("Jane Doe, John Roe, and Ann Poe"),
            ["Jane Doe", "John Roe", "Ann Poe"]
        );
        assert_eq!(
            split_list("Jane Doe and John Roe"),
            ["Jane Doe", "John Roe"]
        );
    }

    #[test]
    fn one_person_stays_one() {
        assert_eq!(split_list("Smith, John"), ["Smith, John"]);
        assert_eq!(split_list("Marchetti E"), ["Marchetti E"]);
        assert_eq!(
            split_list("The WAVE-AF Investigators"),
            ["The WAVE-AF Investigators"]
        );
        assert_eq!(
            split_list("Centers for Disease Control and Prevention"),
            ["Centers for Disease Control and Prevention"]
        );
        assert_eq!(
            split_list("Food and Drug Administration"),
            ["Food and Drug Administration"]
        );
    }
}
