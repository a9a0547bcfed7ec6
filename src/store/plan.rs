//! A query as a boolean structure over its leaves: full-text leaves, each one FTS5 expression,
//! and SQL leaves. The river renders it as one SQL condition (`search`); the watches evaluate
//! it over a transaction's new items, the leaves in SQL and the structure here (`alert_match`).
//!
//! Full-text terms combined only with AND, OR and NOT become one FTS5 expression, so the index
//! is probed once for them: `recall OR withdrawal` is one leaf, not two, and `tuberculosis
//! -vaccine` is `("tuberculosis") NOT ("vaccine")`. FTS5 answers such an expression with the
//! same set of items as the SQL over the separate terms, which are never NULL.

use super::search::Compiled;
use super::terms::{fts_expression, reads_alerts, term_condition};
use crate::query::{Expr, Field, Term};

/// How deep merged full-text expressions nest. FTS5's parser has a small stack of its own;
/// anything deeper stays separate leaves joined in SQL.
const MAX_TEXT_DEPTH: usize = 8;

#[derive(Debug, Clone, PartialEq)]
pub(super) enum Node {
    True,
    /// The items the full-text index finds for this FTS5 expression: never NULL.
    Text(String),
    /// A condition over `i` (never NULL: `terms` makes every leaf true or false), and what
    /// its value depends on.
    Sql(Compiled, Reads),
    Not(Box<Node>),
    And(Vec<Node>),
    Or(Vec<Node>),
}

/// What an SQL leaf's value on an item depends on, which tells the watches how often to read it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Reads {
    /// The item's own columns (or its tags): read on every item.
    Item,
    /// Only the item's source, except for the kept items of removed sources, which answer to
    /// their former source's name (`source:`): read once per source.
    Source,
    /// Alerts, which change as the watches raise them: read per watch, when it is tested.
    Alerts,
}

impl Reads {
    fn of(term: &Term) -> Reads {
        if reads_alerts(term) {
            Reads::Alerts
        } else if matches!(term, Term::Field(Field::Source | Field::Category, _)) {
            Reads::Source
        } else {
            Reads::Item
        }
    }
}

/// The plan of a query; relative times (`since:7d`) are taken from `now` (unix seconds).
pub(super) fn plan(expr: &Expr, now: i64) -> Node {
    if let Some(text) = text_of(expr, 0) {
        return Node::Text(text);
    }
    match expr {
        Expr::All => Node::True,
        Expr::Term(term) => Node::Sql(term_condition(term, now), Reads::of(term)),
        Expr::Not(inner) => Node::Not(Box::new(plan(inner, now))),
        Expr::Or(children) => or_node(children, now),
        Expr::And(children) => and_node(children, now),
    }
}

/// A disjunction: its full-text children as one leaf, then the others.
fn or_node(children: &[Expr], now: i64) -> Node {
    let (texts, others): (Vec<_>, Vec<_>) = children
        .iter()
        .map(|child| (child, text_of(child, 0)))
        .partition(|(_, text)| text.is_some());
    let texts: Vec<String> = texts.into_iter().filter_map(|(_, text)| text).collect();
    let mut nodes = Vec::new();
    if !texts.is_empty() {
        nodes.push(Node::Text(join(&texts, " OR ")));
    }
    nodes.extend(others.into_iter().map(|(child, _)| plan(child, now)));
    Node::Or(nodes)
}

/// A conjunction: its full-text children and negated full-text children as one leaf (the
/// negated ones alone as one negated leaf), then the others.
fn and_node(children: &[Expr], now: i64) -> Node {
    let mut positive = Vec::new();
    let mut negative = Vec::new();
    let mut others = Vec::new();
    for child in children {
        match text_parts(child, 0) {
            Some(Part::Positive(text)) => positive.push(text),
            Some(Part::Negative(text)) => negative.push(text),
            None => others.push(plan(child, now)),
        }
    }
    let mut nodes = Vec::new();
    if !positive.is_empty() {
        nodes.push(Node::Text(conjunction(&positive, &negative)));
    } else if !negative.is_empty() {
        nodes.push(Node::Not(Box::new(Node::Text(join(&negative, " OR ")))));
    }
    nodes.extend(others);
    Node::And(nodes)
}

/// A conjunct as the index sees it: a full-text expression, or the negation of one.
enum Part {
    Positive(String),
    Negative(String),
}

fn text_parts(expr: &Expr, depth: usize) -> Option<Part> {
    match expr {
        Expr::Not(inner) => text_of(inner, depth).map(Part::Negative),
        other => text_of(other, depth).map(Part::Positive),
    }
}

/// The whole expression as one FTS5 expression, if the index can answer all of it: full-text
/// terms under AND, OR and NOT, where every NOT has something positive beside it (FTS5's NOT
/// is binary: "a NOT b").
fn text_of(expr: &Expr, depth: usize) -> Option<String> {
    match expr {
        Expr::Term(term) => fts_expression(term),
        _ if depth >= MAX_TEXT_DEPTH => None,
        Expr::Or(children) if !children.is_empty() => {
            let texts = children
                .iter()
                .map(|child| text_of(child, depth + 1))
                .collect::<Option<Vec<_>>>()?;
            Some(join(&texts, " OR "))
        }
        Expr::And(children) => {
            let (mut positive, mut negative) = (Vec::new(), Vec::new());
            for child in children {
                match text_parts(child, depth + 1)? {
                    Part::Positive(text) => positive.push(text),
                    Part::Negative(text) => negative.push(text),
                }
            }
            (!positive.is_empty()).then(|| conjunction(&positive, &negative))
        }
        _ => None,
    }
}

/// `(p1) AND (p2) NOT ((n1) OR (n2))`: what all the positive parts find and none of the
/// negative ones do.
fn conjunction(positive: &[String], negative: &[String]) -> String {
    let found = join(positive, " AND ");
    if negative.is_empty() {
        found
    } else {
        format!("({found}) NOT ({})", join(negative, " OR "))
    }
}

/// The parts, each in parentheses so FTS5's own precedence never regroups them; one part
/// alone as it is.
fn join(parts: &[String], operator: &str) -> String {
    match parts {
        [one] => one.clone(),
        _ => parts
            .iter()
            .map(|part| format!("({part})"))
            .collect::<Vec<_>>()
            .join(operator),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::watch::parse_query;

    fn text(query: &str) -> Node {
        plan(&parse_query(query).unwrap(), 0)
    }

    #[test]
    fn full_text_terms_under_and_or_not_are_one_leaf() {
        assert_eq!(
            text("recall OR withdrawal"),
            Node::Text(r#"("recall") OR ("withdrawal")"#.into())
        );
        assert_eq!(
            text("tuberculosis -vaccine"),
            Node::Text(r#"("tuberculosis") NOT ("vaccine")"#.into())
        );
        assert_eq!(
            text(r#"(title:recall "insulin pens" OR sept*) -"AND""#),
            Node::Text(
                r#"(((title : "recall") AND ("insulin pens")) OR ("sept" *)) NOT ("AND")"#.into()
            )
        );
    }

    #[test]
    fn the_river_probes_the_index_once_for_merged_terms() {
        for query in [
            r#"recall OR withdrawal OR "drug safety""#,
            "tuberculosis -vaccine",
            "title:recall (pens OR saline) -insulin",
        ] {
            let expr = parse_query(query).unwrap();
            let sql = crate::store::compile(&expr, chrono::Utc::now()).sql;
            assert_eq!(sql.matches("MATCH").count(), 1, "{query}: {sql}");
        }
    }

    #[test]
    fn other_terms_stay_beside_the_merged_leaf() {
        let Node::Or(nodes) = text(r#"recall OR "drug safety" OR source:medwatch"#) else {
            panic!("a disjunction");
        };
        assert_eq!(
            nodes[0],
            Node::Text(r#"("recall") OR ("drug safety")"#.into())
        );
        assert!(
            matches!(&nodes[1], Node::Sql(sql, Reads::Source) if sql.sql.contains("source_id"))
        );
        let Node::And(nodes) = text("-recall -withdrawal is:alert") else {
            panic!("a conjunction");
        };
        assert_eq!(
            nodes[0],
            Node::Not(Box::new(Node::Text(
                r#"("recall") OR ("withdrawal")"#.into()
            )))
        );
        assert!(
            matches!(&nodes[1], Node::Sql(_, Reads::Alerts)),
            "is:alert reads alerts"
        );
    }

    #[test]
    fn deep_nesting_is_cut_into_leaves_fts5_can_parse() {
        // c OR (d AND (c OR (d AND ...))): nothing for the parser to flatten.
        let query = format!("{}a{}", "(c OR (d ".repeat(20), "))".repeat(20));
        let mut node = text(&query);
        let mut levels = 0;
        loop {
            node = match node {
                Node::Or(mut nodes) | Node::And(mut nodes) => nodes.pop().unwrap(),
                Node::Text(_) => break,
                other => panic!("{other:?}"),
            };
            levels += 1;
        }
        let Node::Text(expression) = node else {
            unreachable!()
        };
        let nesting = expression
            .chars()
            .scan(0i32, |open, c| {
                *open += match c {
                    '(' => 1,
                    ')' => -1,
                    _ => 0,
                };
                Some(*open)
            })
            .max();
        assert!(levels > 30, "{levels} levels outside the leaf");
        assert!(
            nesting <= Some(2 * MAX_TEXT_DEPTH as i32 + 1),
            "{expression}"
        );
    }
}
