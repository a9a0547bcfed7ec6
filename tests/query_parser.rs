//! Examples of the query language: every construct, precedence, and every error with its column.

use rounds::query::{Attribute, Expr, Field, Flag, MAX_NESTING, Term, TimeBound, parse};

fn word(text: &str) -> Expr {
    Expr::Term(Term::Word(text.to_string()))
}

fn phrase(text: &str) -> Expr {
    Expr::Term(Term::Phrase(text.to_string()))
}

fn field(field: Field, value: &str) -> Expr {
    Expr::Term(Term::Field(field, value.to_string()))
}

fn not(expr: Expr) -> Expr {
    Expr::Not(Box::new(expr))
}

fn ok(input: &str) -> Expr {
    parse(input).unwrap_or_else(|error| panic!("{input:?} should parse, got {error}"))
}

/// The column and message of the error `input` must produce.
fn error(input: &str) -> (usize, String) {
    match parse(input) {
        Ok(expr) => panic!("{input:?} should fail, parsed to {expr:?}"),
        Err(error) => (error.column, error.message),
    }
}

fn error_column(input: &str) -> usize {
    error(input).0
}

#[test]
fn blank_queries_match_everything() {
    for input in ["", "   ", "\t\n", "\u{7}\u{1b} "] {
        assert_eq!(ok(input), Expr::All, "{input:?}");
    }
}

#[test]
fn words_are_kept_as_typed() {
    for text in [
        "measles",
        "GLP-1",
        "covid-19",
        "10.1056/nejmoa2034577",
        "sept*",
        "crohn's",
        "a+b",
        "naïve",
        "ниацин",
        "肺炎",
        "il-6/",
        "or",
        "and",
        "not",
        "Or",
    ] {
        assert_eq!(ok(text), word(text), "{text:?}");
    }
}

#[test]
fn phrases_keep_their_inner_text() {
    assert_eq!(ok("\"heart failure\""), phrase("heart failure"));
    assert_eq!(ok("\" heart  failure \""), phrase(" heart  failure "));
    assert_eq!(ok("\"OR\""), phrase("OR"));
    assert_eq!(ok("\"source:nejm\""), phrase("source:nejm"));
}

#[test]
fn a_quote_ends_a_word_and_starts_a_phrase() {
    assert_eq!(
        ok("heart\"failure\"x"),
        Expr::And(vec![word("heart"), phrase("failure"), word("x")])
    );
}

#[test]
fn adjacent_terms_are_anded() {
    assert_eq!(ok("a b"), Expr::And(vec![word("a"), word("b")]));
    assert_eq!(ok("a AND b"), Expr::And(vec![word("a"), word("b")]));
    assert_eq!(
        ok("a AND b c"),
        Expr::And(vec![word("a"), word("b"), word("c")])
    );
    assert_eq!(
        ok("a and b"),
        Expr::And(vec![word("a"), word("and"), word("b")])
    );
}

#[test]
fn or_binds_looser_than_and() {
    let a_b = Expr::And(vec![word("a"), word("b")]);
    let b_c = Expr::And(vec![word("b"), word("c")]);
    assert_eq!(ok("a b OR c"), Expr::Or(vec![a_b.clone(), word("c")]));
    assert_eq!(ok("a OR b c"), Expr::Or(vec![word("a"), b_c]));
    assert_eq!(ok("a AND b OR c"), Expr::Or(vec![a_b, word("c")]));
    assert_eq!(
        ok("a or b"),
        Expr::And(vec![word("a"), word("or"), word("b")])
    );
}

#[test]
fn parentheses_group() {
    assert_eq!(
        ok("(a OR b) c"),
        Expr::And(vec![Expr::Or(vec![word("a"), word("b")]), word("c")])
    );
    assert_eq!(
        ok("sglt2 (glp-1 OR \"heart failure\")"),
        Expr::And(vec![
            word("sglt2"),
            Expr::Or(vec![word("glp-1"), phrase("heart failure")])
        ])
    );
    assert_eq!(ok("((a))"), word("a"));
}

#[test]
fn same_kind_nodes_flatten() {
    let abc = vec![word("a"), word("b"), word("c")];
    assert_eq!(ok("(a b) c"), Expr::And(abc.clone()));
    assert_eq!(ok("a (b (c))"), Expr::And(abc.clone()));
    assert_eq!(ok("a OR (b OR c)"), Expr::Or(abc.clone()));
    assert_eq!(ok("(a OR b) OR c"), Expr::Or(abc));
}

#[test]
fn negation_binds_tightest() {
    assert_eq!(ok("-retracted"), not(word("retracted")));
    assert_eq!(ok("NOT retracted"), not(word("retracted")));
    assert_eq!(ok("NOT a b"), Expr::And(vec![not(word("a")), word("b")]));
    assert_eq!(ok("NOT a OR b"), Expr::Or(vec![not(word("a")), word("b")]));
    assert_eq!(ok("a -b"), Expr::And(vec![word("a"), not(word("b"))]));
    assert_eq!(ok("-(a b)"), not(Expr::And(vec![word("a"), word("b")])));
    assert_eq!(ok("NOT(a OR b)"), not(Expr::Or(vec![word("a"), word("b")])));
    assert_eq!(ok("-\"heart failure\""), not(phrase("heart failure")));
    assert_eq!(ok("-source:nejm"), not(field(Field::Source, "nejm")));
    assert_eq!(ok("-#cardio"), not(field(Field::Tag, "cardio")));
}

#[test]
fn double_negations_cancel() {
    assert_eq!(ok("--a"), word("a"));
    assert_eq!(ok("NOT -a"), word("a"));
    assert_eq!(ok("-(-a)"), word("a"));
    assert_eq!(ok("NOT NOT NOT a"), not(word("a")));
}

#[test]
fn a_hyphen_inside_or_after_a_word_is_part_of_it() {
    assert_eq!(ok("glp-1"), word("glp-1"));
    assert_eq!(ok("a- b"), Expr::And(vec![word("a-"), word("b")]));
    assert_eq!(ok("a--b"), word("a--b"));
}

#[test]
fn free_fields() {
    let cases = [
        ("source:nejm", Field::Source, "nejm"),
        ("category:journal", Field::Category, "journal"),
        ("tag:cardio", Field::Tag, "cardio"),
        ("#cardio", Field::Tag, "cardio"),
        ("author:smith", Field::Author, "smith"),
        ("title:covid", Field::Title, "covid"),
        (
            "doi:10.1056/NEJMoa2034577",
            Field::Doi,
            "10.1056/NEJMoa2034577",
        ),
        ("pmid:38000000", Field::Pmid, "38000000"),
        ("nct:NCT01234567", Field::Nct, "NCT01234567"),
        ("journal:lancet", Field::Journal, "lancet"),
        ("Journal:\"the lancet\"", Field::Journal, "the lancet"),
        ("SOURCE:NEJM", Field::Source, "NEJM"),
        ("Title:Covid*", Field::Title, "Covid*"),
        ("source:\"new england\"", Field::Source, "new england"),
        ("#\"heart failure\"", Field::Tag, "heart failure"),
        (
            "source:https://www.nejm.org/",
            Field::Source,
            "https://www.nejm.org/",
        ),
        ("doi:10.1000/x:y", Field::Doi, "10.1000/x:y"),
    ];
    for (input, expected_field, value) in cases {
        assert_eq!(ok(input), field(expected_field, value), "{input:?}");
    }
}

#[test]
fn parentheses_closed_inside_a_value_or_word_belong_to_it() {
    let doi = "10.1016/S0140-6736(20)30183-5";
    assert_eq!(ok(&format!("doi:{doi}")), field(Field::Doi, doi));
    assert_eq!(ok(&format!("(doi:{doi})")), field(Field::Doi, doi));
    assert_eq!(ok(doi), word(doi));
    assert_eq!(
        ok("a(b c)"),
        Expr::And(vec![word("a"), word("b"), word("c")])
    );
}

#[test]
fn flags_and_attributes() {
    let flags = [
        ("is:unread", Flag::Unread),
        ("is:read", Flag::Read),
        ("is:saved", Flag::Saved),
        ("is:alert", Flag::Alert),
        ("IS:Urgent", Flag::Urgent),
        ("is:preprint", Flag::Preprint),
        ("is:Retracted", Flag::Retracted),
    ];
    for (input, flag) in flags {
        assert_eq!(ok(input), Expr::Term(Term::Is(flag)), "{input:?}");
    }
    let attributes = [
        ("has:doi", Attribute::Doi),
        ("has:pmid", Attribute::Pmid),
        ("has:tag", Attribute::Tag),
        ("Has:ENCLOSURE", Attribute::Enclosure),
        ("has:pmcid", Attribute::Pmcid),
        ("has:nct", Attribute::Nct),
    ];
    for (input, attribute) in attributes {
        assert_eq!(ok(input), Expr::Term(Term::Has(attribute)), "{input:?}");
    }
}

#[test]
fn time_bounds() {
    let since = |bound| Expr::Term(Term::Since(bound));
    assert_eq!(ok("since:30m"), since(TimeBound::Ago(30 * 60)));
    assert_eq!(ok("since:24h"), since(TimeBound::Ago(24 * 3600)));
    assert_eq!(ok("since:7d"), since(TimeBound::Ago(7 * 86_400)));
    assert_eq!(ok("since:2w"), since(TimeBound::Ago(14 * 86_400)));
    assert_eq!(ok("since:1y"), since(TimeBound::Ago(365 * 86_400)));
    assert_eq!(ok("since:0d"), since(TimeBound::Ago(0)));
    assert_eq!(ok("since:2026-11-01"), since(TimeBound::At(1_793_491_200)));
    assert_eq!(ok("since:1970-01-01"), since(TimeBound::At(0)));
    assert_eq!(
        ok("before:2024-02-29"),
        Expr::Term(Term::Before(TimeBound::At(1_709_164_800)))
    );
}

#[test]
fn bad_time_bounds_say_what_is_accepted() {
    for input in [
        "since:7x",
        "since:yesterday",
        "since:7D",
        "since:1.5d",
        "before:2026-1-1",
    ] {
        let (column, message) = error(input);
        assert_eq!(column, input.find(':').unwrap_or(0) + 2, "{input:?}");
        assert!(
            message.contains("7d") && message.contains("2026-11-01"),
            "{message}"
        );
    }
    assert_eq!(
        error("since:2026-02-30"),
        (7, "no such date '2026-02-30'".into())
    );
    assert_eq!(error("since:2026-13-01").0, 7);
    let (column, message) = error("before:99999999999999999999d");
    assert_eq!(column, 8);
    assert!(message.contains("too far back"), "{message}");
}

#[test]
fn bad_flags_and_attributes_say_what_is_accepted() {
    let (column, message) = error("a is:new");
    assert_eq!(column, 6);
    assert_eq!(
        message,
        "is: expects unread, read, saved, alert, urgent, preprint or retracted"
    );
    let (column, message) = error("has:abstract");
    assert_eq!(column, 5);
    assert_eq!(
        message,
        "has: expects doi, pmid, pmcid, nct, tag or enclosure"
    );
}

#[test]
fn colons_that_do_not_follow_a_field_name_are_plain_words() {
    for text in [
        "https://www.nejm.org/doi/full/10.1056/NEJMoa2034577",
        "http://example.org",
        "10.1000/x:y",
        "12:30",
        ":foo",
        "il-6:receptor",
        "médecine:x",
    ] {
        assert_eq!(ok(text), word(text), "{text:?}");
    }
}

#[test]
fn unknown_fields_are_errors_listing_the_known_ones() {
    let (column, message) = error("heart foo:bar");
    assert_eq!(column, 7);
    assert!(message.starts_with("unknown field 'foo'"), "{message}");
    for known in [
        "source", "category", "tag", "author", "title", "doi", "pmid", "is", "has",
    ] {
        assert!(message.contains(known), "{message} lacks {known}");
    }
    assert!(message.contains("since") && message.contains("before"));
    assert!(error("Urn:isbn:1").1.starts_with("unknown field 'Urn'"));
    assert_eq!(error_column("é -note: x"), 4);
    assert_eq!(ok("\"foo:bar\""), phrase("foo:bar"));
}

#[test]
fn empty_values_are_errors_at_the_field() {
    assert_eq!(
        error("tag:"),
        (1, "tag: needs a value right after the colon".into())
    );
    assert_eq!(error_column("a source:"), 3);
    assert_eq!(error_column("tag: cardio"), 1);
    assert_eq!(error_column("(tag:)"), 2);
    assert_eq!(error_column("x tag:\"\""), 3);
    assert_eq!(error_column("is:"), 1);
    assert_eq!(error_column("since: 7d"), 1);
    assert_eq!(
        error("a #"),
        (3, "# needs a tag name right after it".into())
    );
    assert_eq!(error_column("# cardio"), 1);
}

#[test]
fn a_field_cannot_take_a_group() {
    let (column, message) = error("title:(covid OR flu)");
    assert_eq!(column, 7);
    assert!(message.contains("(title:a OR title:b)"), "{message}");
}

#[test]
fn unterminated_quotes_point_at_the_opening_quote() {
    assert_eq!(error("\"heart failure"), (1, "unterminated quote".into()));
    assert_eq!(error_column("a \"b\" \"c"), 7);
    assert_eq!(error_column("é \"x"), 3);
    assert_eq!(error_column("source:\"new england"), 8);
    assert_eq!(error("a \"\""), (3, "empty phrase".into()));
    assert_eq!(error_column("\" \t \""), 1);
}

#[test]
fn unbalanced_parentheses_point_at_the_unmatched_one() {
    assert_eq!(error("(a"), (1, "unmatched '('".into()));
    assert_eq!(error_column("a (b (c)"), 3);
    assert_eq!(error_column("((a)"), 1);
    assert_eq!(error("a)"), (2, "unmatched ')'".into()));
    assert_eq!(error_column("(a)) b"), 4);
    assert_eq!(error_column(")"), 1);
    assert_eq!(error_column("ü)"), 2);
}

#[test]
fn empty_parentheses_are_errors() {
    assert_eq!(error("()"), (1, "empty parentheses".into()));
    assert_eq!(error_column("a ( )"), 3);
    assert_eq!(error_column("(())"), 2);
    assert_eq!(error_column("-()"), 2);
}

#[test]
fn operators_need_operands() {
    let cases = [
        ("OR a", 1, "nothing before OR"),
        ("a OR", 3, "nothing after OR"),
        ("a OR OR b", 3, "nothing after OR"),
        ("(OR a)", 2, "nothing before OR"),
        ("a (b OR)", 6, "nothing after OR"),
        ("a OR -", 6, "nothing after -"),
        ("AND a", 1, "nothing before AND"),
        ("a AND", 3, "nothing after AND"),
        ("a AND OR b", 3, "nothing after AND"),
        ("NOT", 1, "nothing after NOT"),
        ("a NOT", 3, "nothing after NOT"),
        ("NOT NOT", 5, "nothing after NOT"),
        ("(a NOT) b", 4, "nothing after NOT"),
        ("NOT OR a", 1, "nothing after NOT"),
        ("-", 1, "nothing after -"),
        (
            "a - b",
            3,
            "- must touch the term it excludes, as in -retracted",
        ),
        (
            "- ",
            1,
            "- must touch the term it excludes, as in -retracted",
        ),
        ("(-)", 2, "nothing after -"),
    ];
    for (input, column, message) in cases {
        assert_eq!(error(input), (column, message.to_string()), "{input:?}");
    }
}

#[test]
fn errors_display_with_their_column() {
    let error = parse("a OR").expect_err("dangling OR");
    assert_eq!(error.to_string(), "column 3: nothing after OR");
}

#[test]
fn the_first_error_in_reading_order_wins() {
    assert_eq!(error_column("a OR foo:bar"), 6);
    assert_eq!(error_column("a OR \"foo"), 6);
    assert_eq!(error_column("foo:bar OR"), 1);
    assert_eq!(error_column("(\"x"), 2);
}

#[test]
fn nesting_is_limited() {
    let nested = |depth: usize| format!("{}a{}", "(".repeat(depth), ")".repeat(depth));
    assert_eq!(ok(&nested(MAX_NESTING)), word("a"));
    let (column, message) = error(&nested(MAX_NESTING + 1));
    assert_eq!(column, MAX_NESTING + 1);
    assert!(message.contains("nested too deep"), "{message}");
    assert_eq!(error_column(&"(".repeat(100_000)), MAX_NESTING + 1);
    assert_eq!(error_column(&"a(".repeat(100_000)), 2 * MAX_NESTING + 2);
}

#[test]
fn huge_inputs_parse_without_trouble() {
    assert_eq!(ok(&format!("{}a", "NOT ".repeat(100_001))), not(word("a")));
    assert_eq!(error_column(&"-".repeat(100_000)), 100_000);
    match ok(&"x ".repeat(200_000)) {
        Expr::And(children) => assert_eq!(children.len(), 200_000),
        other => panic!("expected a conjunction, got {other:?}"),
    }
    let long_word = "é".repeat(1_000_000);
    assert_eq!(ok(&long_word), word(&long_word));
}
