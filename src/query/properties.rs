//! Property tests: no input panics, errors point inside the input, parsed trees are in normal
//! form, and a tree written back as a query parses to the same tree.

use proptest::prelude::*;
use proptest::sample::select;

use super::{Attribute, Expr, Field, Flag, Term, TimeBound, parse};

/// Pieces of the language itself, so that random strings hit its interesting corners.
const FRAGMENTS: &[&str] = &[
    "(",
    ")",
    "\"",
    "-",
    "#",
    "*",
    ":",
    "/",
    "OR",
    "AND",
    "NOT",
    "or",
    "-(",
    "source:nejm",
    "#cardio",
    "source:\"new",
    "title:",
    "is:",
    "is:unread",
    "has:doi",
    "since:7d",
    "before:2026-11-01",
    "since:2026-02-30",
    "foo:",
    "https://",
    "glp-1",
    "é",
    "肺炎",
    "doi:10.1016/S0140-6736(20)30183-5",
];
const SEPARATORS: &[&str] = &["", "", " ", " ", "\t", "\u{0}"];
const FIELDS: &[Field] = &[
    Field::Source,
    Field::Category,
    Field::Tag,
    Field::Author,
    Field::Title,
    Field::Doi,
    Field::Pmid,
    Field::Nct,
    Field::Journal,
    Field::Watch,
];
const FLAGS: &[Flag] = &[
    Flag::Unread,
    Flag::Read,
    Flag::Saved,
    Flag::Alert,
    Flag::Urgent,
    Flag::Preprint,
    Flag::Retracted,
];
const ATTRIBUTES: &[Attribute] = &[
    Attribute::Doi,
    Attribute::Pmid,
    Attribute::Tag,
    Attribute::Enclosure,
    Attribute::Pmcid,
    Attribute::Nct,
];
const WORDS: &[&str] = &[
    "glp-1",
    "10.1016/S0140-6736(20)30183-5",
    "https://www.nejm.org/x",
    "10.1000/x:y",
    "12:30",
    "naïve",
    "肺炎",
    "or",
    "sept*",
];

fn token_soup() -> impl Strategy<Value = String> {
    let token = prop_oneof![
        select(FRAGMENTS).prop_map(str::to_string),
        "[a-zA-Z]{1,4}",
        "[0-9]{1,3}[a-z]?",
        any::<char>().prop_map(String::from),
    ];
    prop::collection::vec((token, select(SEPARATORS)), 0..40).prop_map(|pieces| {
        pieces
            .into_iter()
            .map(|(token, separator)| token + separator)
            .collect()
    })
}

fn term() -> impl Strategy<Value = Term> {
    let time = prop_oneof![
        (0i64..1_000_000_000).prop_map(|minutes| TimeBound::Ago(minutes * 60)),
        // Days from 0000-01-01 to 9999-12-31, counted from 1970-01-01.
        (-719_528i64..2_932_897).prop_map(|days| TimeBound::At(days * 86_400)),
    ];
    prop_oneof![
        "[a-z][a-z0-9'.+/-]{0,8}\\*?".prop_map(Term::Word),
        select(WORDS).prop_map(|word| Term::Word(word.to_string())),
        "[a-z][a-zA-Z0-9 ():#-]{0,10}".prop_map(Term::Phrase),
        (select(FIELDS), "[a-z0-9][a-z0-9 :/().-]{0,10}")
            .prop_map(|(field, value)| Term::Field(field, value)),
        select(FLAGS).prop_map(Term::Is),
        select(ATTRIBUTES).prop_map(Term::Has),
        time.clone().prop_map(Term::Since),
        time.prop_map(Term::Before),
    ]
}

/// Any tree, including ones the parser would never build (one-child `And`, `Not(Not(_))`).
fn tree() -> impl Strategy<Value = Expr> {
    term()
        .prop_map(Expr::Term)
        .prop_recursive(5, 48, 4, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 1..4).prop_map(Expr::And),
                prop::collection::vec(inner.clone(), 1..4).prop_map(Expr::Or),
                inner.prop_map(|expr| Expr::Not(Box::new(expr))),
            ]
        })
}

/// What the parser makes of a tree: the rules stated on [`parse`].
fn normalize(expr: Expr) -> Expr {
    match expr {
        Expr::And(children) => flatten(children, true),
        Expr::Or(children) => flatten(children, false),
        Expr::Not(inner) => match normalize(*inner) {
            Expr::Not(twice) => *twice,
            other => Expr::Not(Box::new(other)),
        },
        other => other,
    }
}

fn flatten(children: Vec<Expr>, conjunction: bool) -> Expr {
    let mut flat = Vec::new();
    for child in children.into_iter().map(normalize) {
        match child {
            Expr::And(grandchildren) if conjunction => flat.extend(grandchildren),
            Expr::Or(grandchildren) if !conjunction => flat.extend(grandchildren),
            other => flat.push(other),
        }
    }
    match (flat.len(), conjunction) {
        (1, _) => flat.remove(0),
        (_, true) => Expr::And(flat),
        (_, false) => Expr::Or(flat),
    }
}

fn is_normal(expr: &Expr) -> bool {
    match expr {
        Expr::And(children) => {
            children.len() >= 2
                && children
                    .iter()
                    .all(|child| !matches!(child, Expr::And(_) | Expr::All) && is_normal(child))
        }
        Expr::Or(children) => {
            children.len() >= 2
                && children
                    .iter()
                    .all(|child| !matches!(child, Expr::Or(_) | Expr::All) && is_normal(child))
        }
        Expr::Not(inner) => !matches!(**inner, Expr::Not(_) | Expr::All) && is_normal(inner),
        Expr::All | Expr::Term(_) => true,
    }
}

/// Writes a tree back as query text, with parentheses only where precedence needs them.
fn render(expr: &Expr) -> String {
    let operand = |parent_is_not: bool, child: &Expr| match child {
        Expr::Or(_) => format!("({})", render(child)),
        // `-(-a)` rather than `--a`, to go through the group path of double negation.
        Expr::And(_) | Expr::Not(_) if parent_is_not => format!("({})", render(child)),
        _ => render(child),
    };
    match expr {
        Expr::All => String::new(),
        Expr::Term(term) => render_term(term),
        Expr::And(children) => join(children.iter().map(|child| operand(false, child)), " "),
        Expr::Or(children) => join(children.iter().map(render), " OR "),
        Expr::Not(inner) => format!("-{}", operand(true, inner)),
    }
}

fn join(parts: impl Iterator<Item = String>, separator: &str) -> String {
    parts.collect::<Vec<_>>().join(separator)
}

fn render_term(term: &Term) -> String {
    match term {
        Term::Word(word) => word.clone(),
        Term::Phrase(phrase) => format!("\"{phrase}\""),
        Term::Field(field, value) => format!("{}:\"{value}\"", field_name(*field)),
        Term::Is(flag) => format!("is:{flag:?}"),
        Term::Has(attribute) => format!("has:{attribute:?}"),
        Term::Since(bound) => format!("since:{}", render_time(*bound)),
        Term::Before(bound) => format!("before:{}", render_time(*bound)),
    }
}

fn field_name(field: Field) -> &'static str {
    match field {
        Field::Source => "source",
        Field::Category => "category",
        Field::Tag => "tag",
        Field::Author => "author",
        Field::Title => "title",
        Field::Doi => "doi",
        Field::Pmid => "pmid",
        Field::Nct => "nct",
        Field::Journal => "journal",
        Field::Watch => "watch",
    }
}

/// Ages come out of the parser in whole minutes, dates at midnight UTC.
fn render_time(bound: TimeBound) -> String {
    match bound {
        TimeBound::Ago(seconds) => format!("{}m", seconds / 60),
        TimeBound::At(unix) => chrono::DateTime::from_timestamp(unix, 0)
            .map(|time| time.format("%Y-%m-%d").to_string())
            .unwrap_or_default(),
    }
}

fn check_outcome(input: &str) -> Result<(), TestCaseError> {
    match parse(input) {
        Ok(expr) => {
            prop_assert!(is_normal(&expr), "not normal: {expr:?}");
            let rendered = render(&expr);
            prop_assert_eq!(parse(&rendered), Ok(expr), "rendered as {:?}", rendered);
        }
        Err(error) => {
            let length = input.chars().count();
            prop_assert!(
                (1..=length).contains(&error.column),
                "{error} in {length} chars"
            );
            prop_assert!(!error.message.is_empty());
        }
    }
    Ok(())
}

proptest! {
    #[test]
    fn any_string_parses_or_fails_cleanly(input in any::<String>()) {
        check_outcome(&input)?;
    }

    #[test]
    fn token_soup_parses_or_fails_cleanly(input in token_soup()) {
        check_outcome(&input)?;
    }

    #[test]
    fn rendered_trees_parse_back_normalized(expr in tree()) {
        let rendered = render(&expr);
        prop_assert_eq!(parse(&rendered), Ok(normalize(expr)), "rendered as {:?}", rendered);
    }
}
