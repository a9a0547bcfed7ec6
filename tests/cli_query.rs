//! `rounds list --query`: every construct of the query language, end to end over local feeds.

mod support;

use support::cli::{Sandbox, write};

const JOURNAL: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Cardiology Letters</title><link>https://cardio.example/</link><description>TOC</description>
<item><title>Empagliflozin in acute heart failure</title><link>https://cardio.example/a1</link><guid>a1</guid>
  <dc:creator>Maria Santos</dc:creator><pubDate>Tue, 24 Nov 2026 09:00:00 GMT</pubDate>
  <description>A randomised trial of SGLT2 inhibition. doi:10.5555/cl.2026.101</description></item>
<item><title>GLP-1 receptor agonists and kidney outcomes</title><link>https://cardio.example/a2</link><guid>a2</guid>
  <dc:creator>Kenji Watanabe</dc:creator><pubDate>Mon, 02 Nov 2026 09:00:00 GMT</pubDate>
  <description>Semaglutide slowed eGFR decline. Retracted after data concerns.</description></item>
<item><title>Atrial fibrillation screening in primary care</title><link>https://pubmed.ncbi.nlm.nih.gov/39000001/</link><guid>a3</guid>
  <dc:creator>Maria Santos, Ola Nordmann</dc:creator><pubDate>Thu, 01 Oct 2026 09:00:00 GMT</pubDate>
  <description>Cluster trial of handheld ECG screening.</description></item>
</channel></rss>"#;

const ALERTS: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Drug Safety Alerts</title><link>https://regulator.example/</link><description>Recalls</description>
<item><title>Recall: insulin pens from one lot (sterility concerns)</title><link>https://regulator.example/r1</link><guid>r1</guid>
  <pubDate>Wed, 25 Nov 2026 15:00:00 GMT</pubDate><description>Class II recall of insulin pens.</description>
  <enclosure url="https://regulator.example/r1.pdf" type="application/pdf" length="1000"/></item>
<item><title>Safety communication: heart failure risk with a new antifungal</title><link>https://regulator.example/r2</link><guid>r2</guid>
  <pubDate>Sat, 21 Nov 2026 10:00:00 GMT</pubDate><description>Prescribers should monitor patients.</description></item>
</channel></rss>"#;

fn seeded() -> Sandbox {
    let sandbox = Sandbox::new();
    write(&sandbox.path("journal.xml"), JOURNAL);
    write(&sandbox.path("alerts.xml"), ALERTS);
    let journal = sandbox.path("journal.xml");
    let alerts = sandbox.path("alerts.xml");
    assert_eq!(
        sandbox
            .run(&["add", journal.to_str().unwrap(), "--category", "journal"])
            .0,
        0
    );
    assert_eq!(
        sandbox
            .run(&[
                "add",
                alerts.to_str().unwrap(),
                "--category",
                "regulator",
                "--tag",
                "safety"
            ])
            .0,
        0
    );
    sandbox
}

fn titles(sandbox: &Sandbox, query: &str) -> Vec<String> {
    let items = sandbox.json(&["list", "--json", "--limit", "100", "--query", query]);
    let mut titles: Vec<String> = items
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["title"].as_str().unwrap().to_string())
        .collect();
    titles.sort();
    titles
}

fn starts(sandbox: &Sandbox, query: &str) -> Vec<String> {
    titles(sandbox, query)
        .into_iter()
        .map(|t| t.split_whitespace().next().unwrap().to_string())
        .collect()
}

#[test]
fn every_construct_of_the_query_language() {
    let s = seeded();
    let id_of = |prefix: &str| -> String {
        let items = s.json(&["list", "--json"]);
        items
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["title"].as_str().unwrap().starts_with(prefix))
            .unwrap()["id"]
            .to_string()
    };
    s.run(&["mark", &id_of("Atrial"), "--read"]);
    s.run(&["mark", &id_of("GLP-1"), "--save"]);
    s.run(&["tag", &id_of("Empagliflozin"), "cardio"]);

    assert_eq!(
        starts(&s, ""),
        ["Atrial", "Empagliflozin", "GLP-1", "Recall:", "Safety"]
    );
    assert_eq!(starts(&s, "semaglutide"), ["GLP-1"], "word in the summary");
    assert_eq!(
        starts(&s, "\"heart failure\""),
        ["Empagliflozin", "Safety"],
        "phrase"
    );
    assert_eq!(starts(&s, "recall OR screening"), ["Atrial", "Recall:"]);
    assert_eq!(starts(&s, "heart -acute"), ["Safety"], "negation with -");
    assert_eq!(
        starts(&s, "heart NOT acute"),
        ["Safety"],
        "negation with NOT"
    );
    assert_eq!(
        starts(&s, "(recall OR trial) insulin"),
        ["Recall:"],
        "grouping"
    );
    assert_eq!(starts(&s, "glp-1"), ["GLP-1"], "hyphenated word");
    assert_eq!(starts(&s, "random*"), ["Empagliflozin"], "prefix");
    assert_eq!(starts(&s, "source:safety"), ["Recall:", "Safety"]);
    assert_eq!(
        starts(&s, "category:journal is:unread"),
        ["Empagliflozin", "GLP-1"]
    );
    assert_eq!(starts(&s, "tag:cardio"), ["Empagliflozin"]);
    assert_eq!(
        starts(&s, "#safety"),
        ["Recall:", "Safety"],
        "a source's tag applies to its items"
    );
    assert_eq!(starts(&s, "author:santos"), ["Atrial", "Empagliflozin"]);
    assert_eq!(starts(&s, "title:failure"), ["Empagliflozin", "Safety"]);
    assert_eq!(starts(&s, "doi:10.5555/CL.2026.101"), ["Empagliflozin"]);
    assert_eq!(starts(&s, "pmid:39000001"), ["Atrial"]);
    assert_eq!(starts(&s, "has:doi"), ["Empagliflozin"]);
    assert_eq!(starts(&s, "has:enclosure"), ["Recall:"]);
    assert_eq!(starts(&s, "is:read"), ["Atrial"]);
    assert_eq!(starts(&s, "is:saved"), ["GLP-1"]);
    assert_eq!(starts(&s, "is:alert").len(), 0, "no watches yet");
    assert_eq!(
        starts(&s, "since:2026-11-21 before:2026-11-25"),
        ["Empagliflozin", "Safety"]
    );
    assert_eq!(starts(&s, "before:2026-10-02"), ["Atrial"]);
    assert_eq!(starts(&s, "since:100000d").len(), 5, "relative ages");
    assert_eq!(
        starts(&s, "https://cardio.example/a1").len(),
        0,
        "a URL is a plain word and never an error"
    );
}

#[test]
fn a_bad_query_exits_2_and_points_at_the_column() {
    let s = seeded();
    let (code, stdout, stderr) = s.run(&["list", "--query", "sepsis (fever OR"]);
    assert_eq!(code, 2);
    assert!(stdout.is_empty());
    assert!(stderr.contains("column"), "{stderr}");
    let caret_line = stderr
        .lines()
        .find(|l| l.trim() == "^")
        .expect("a caret line");
    let query_line = stderr
        .lines()
        .find(|l| l.contains("sepsis (fever OR"))
        .unwrap();
    let column = caret_line.find('^').unwrap() - query_line.find('s').unwrap() + 1;
    assert!(
        stderr.contains(&format!("column {column}")),
        "caret under the reported column: {stderr}"
    );
    let (code, _, stderr) = s.run(&["list", "--query", "colour:red"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("column 1"), "{stderr}");
}

#[test]
fn list_prints_newest_first_and_survives_a_closed_pipe() {
    let s = seeded();
    let (code, stdout, _) = s.run(&["list", "--limit", "2"]);
    assert_eq!(code, 0);
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 3, "a header and two items: {stdout}");
    assert!(lines[0].contains("NEW SAVED"), "{stdout}");
    assert!(lines[1].contains("Recall: insulin pens"), "{stdout}");
    assert!(lines[2].contains("Empagliflozin"), "{stdout}");
    // The reader is gone before rounds writes (`rounds list | head -0`): it ends quietly with 0.
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    let output = s.std_command(&["list"]).stdout(writer).output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    assert!(
        output.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

#[test]
fn category_matches_the_way_people_write_it() {
    let s = Sandbox::new();
    write(&s.path("journal.xml"), JOURNAL);
    write(&s.path("alerts.xml"), ALERTS);
    for (file, category) in [
        ("journal.xml", "Journals"),
        ("alerts.xml", "Regulatory agencies"),
    ] {
        let path = s.path(file);
        let (code, _, stderr) = s.run(&["add", path.to_str().unwrap(), "--category", category]);
        assert_eq!(code, 0, "{stderr}");
    }
    let journal = ["Atrial", "Empagliflozin", "GLP-1"];
    let regulator = ["Recall:", "Safety"];
    for query in ["category:journal", "category:JOURNALS", "category:Journ"] {
        assert_eq!(starts(&s, query), journal, "{query}");
    }
    for query in [
        "category:regulator",
        "category:agency",
        "category:agencies",
        "category:\"regulatory agency\"",
    ] {
        assert_eq!(starts(&s, query), regulator, "{query}");
    }
    for query in ["category:urnal", "category:journalism", "category:preprint"] {
        assert!(starts(&s, query).is_empty(), "{query}");
    }
    assert_eq!(
        starts(&s, "category:journal OR category:regulators").len(),
        5
    );
}

/// NOT and `-` find exactly what the term does not, on every field, including items that lack
/// what the field asks about (no author, no DOI, no journal, no PMID). A query given first with
/// a `-` is a query, not an unknown option.
#[test]
fn a_negated_term_finds_exactly_the_other_items() {
    let s = seeded();
    let all = titles(&s, "");
    assert_eq!(all.len(), 5);
    for term in [
        "source:cardiology",
        "source:\"drug safety\"",
        "author:santos",
        "author:\",\"",
        "journal:cardiology",
        "doi:10.5555/cl.2026.101",
        "pmid:39000001",
        "category:journal",
        "tag:safety",
        "title:recall",
        "has:doi",
        "since:2026-11-22",
    ] {
        let found = titles(&s, term);
        let mut complement: Vec<String> =
            all.iter().filter(|t| !found.contains(t)).cloned().collect();
        complement.sort();
        assert!(
            !found.is_empty() && !complement.is_empty(),
            "{term}: {found:?}"
        );
        assert_eq!(titles(&s, &format!("-{term}")), complement, "-{term}");
        assert_eq!(titles(&s, &format!("NOT {term}")), complement, "NOT {term}");
    }
    let (code, _, stderr) = s.run(&["list", "--query", "-source:cardiology", "--json"]);
    assert_eq!(code, 0, "{stderr}");
    let (code, _, stderr) = s.run(&["watch", "add", "not-cardio", "-source:cardiology"]);
    assert_eq!(code, 0, "{stderr}");
}
