//! Citation keys: `marchetti2026semaglutide` (first author's family name, year, first
//! significant word of the title), ASCII only, unique within an export (`…a`, `…b` in item
//! order) and the same for the same items.

use super::reference::Reference;
use std::collections::HashMap;

const STOP_WORDS: &[&str] = &[
    "a", "an", "the", "of", "in", "on", "for", "and", "to", "with", "by", "at", "from", "after",
    "versus", "vs", "is", "are", "among", "as", "or", "into", "its", "their", "new", "how", "why",
    "what", "when", "do", "does", "can", "should",
];

pub fn citation_keys(references: &[Reference]) -> Vec<String> {
    let bases: Vec<String> = references.iter().map(base_key).collect();
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for base in &bases {
        *counts.entry(base.as_str()).or_default() += 1;
    }
    // Suffixes follow item ids, so the same items get the same keys whatever their order.
    let mut order: Vec<usize> = (0..references.len()).collect();
    order.sort_by_key(|&index| (bases[index].clone(), references[index].item_id));
    let mut seen: HashMap<&str, usize> = HashMap::new();
    let mut taken: std::collections::HashSet<String> = bases
        .iter()
        .filter(|base| counts[base.as_str()] == 1)
        .cloned()
        .collect();
    let mut keys = vec![String::new(); references.len()];
    for index in order {
        let base = bases[index].as_str();
        if counts[base] == 1 {
            keys[index] = base.to_string();
            continue;
        }
        // A lettered key could meet another item's own base (`smith2026triala`): skip it.
        let nth = seen.entry(base).or_default();
        let mut key = format!("{base}{}", suffix(*nth));
        while taken.contains(&key) {
            *nth += 1;
            key = format!("{base}{}", suffix(*nth));
        }
        *nth += 1;
        taken.insert(key.clone());
        keys[index] = key;
    }
    keys
}

fn base_key(reference: &Reference) -> String {
    let who = reference
        .authors
        .first()
        .map(|name| ascii_word(name.family()))
        .filter(|word| !word.is_empty())
        .or_else(|| {
            let source = ascii_word(
                reference
                    .source
                    .split_whitespace()
                    .find(|w| !STOP_WORDS.contains(&w.to_lowercase().as_str()))
                    .unwrap_or(""),
            );
            (!source.is_empty()).then_some(source)
        })
        .unwrap_or_else(|| "ref".to_string());
    let year = reference
        .year()
        .map(|year| year.to_string())
        .unwrap_or_else(|| "nd".to_string());
    let word = reference
        .title
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .map(ascii_word)
        .find(|word| word.len() > 1 && !STOP_WORDS.contains(&word.as_str()))
        .unwrap_or_default();
    format!("{who}{year}{word}")
}

/// 0 → a, 25 → z, 26 → aa …
fn suffix(mut index: usize) -> String {
    let mut letters = Vec::new();
    loop {
        letters.push(char::from(b'a' + (index % 26) as u8));
        if index < 26 {
            break;
        }
        index = index / 26 - 1;
    }
    letters.iter().rev().collect()
}

/// Lower-case ASCII letters and digits of a word, accents folded (`Schäfer` → `schafer`).
pub fn ascii_word(word: &str) -> String {
    let mut out = String::new();
    for c in word.chars().flat_map(char::to_lowercase) {
        match c {
            'a'..='z' | '0'..='9' => out.push(c),
            _ => out.push_str(fold(c)),
        }
    }
    out
}

fn fold(c: char) -> &'static str {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
        'æ' => "ae",
        'ç' | 'ć' | 'č' => "c",
        'ď' | 'đ' | 'ð' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => "e",
        'ğ' => "g",
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'ı' => "i",
        'ł' | 'ľ' => "l",
        'ñ' | 'ń' | 'ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => "o",
        'œ' => "oe",
        'ř' => "r",
        'ś' | 'š' | 'ş' => "s",
        'ß' => "ss",
        'ť' | 'ţ' => "t",
        'þ' => "th",
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' => "u",
        'ý' | 'ÿ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        _ => "",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::reference::tests::example as reference;

    #[test]
    fn keys_read_like_citations() {
        let references = [
            reference(1, "John J. V. McMurray", "Dapagliflozin in Heart Failure"),
            reference(2, "I. Schäfer", "The Ölvi Trial"),
        ];
        assert_eq!(
            citation_keys(&references),
            ["mcmurray2026dapagliflozin", "schafer2026olvi"]
        );
    }

    #[test]
    fn collisions_get_letters_in_item_order() {
        let references = [
            reference(9, "E. Marchetti", "Semaglutide and AF"),
            reference(3, "E. Marchetti", "Semaglutide and AF"),
            reference(5, "E. Marchetti", "Semaglutide and AF"),
        ];
        assert_eq!(
            citation_keys(&references),
            [
                "marchetti2026semaglutidec",
                "marchetti2026semaglutidea",
                "marchetti2026semaglutideb"
            ]
        );
        assert_eq!(suffix(0), "a");
        assert_eq!(suffix(25), "z");
        assert_eq!(suffix(26), "aa");
        assert_eq!(suffix(27), "ab");
    }
}
