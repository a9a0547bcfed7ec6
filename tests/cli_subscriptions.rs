//! `import`, `export opml`, `sources`, `remove`: subscriptions in and out, all or nothing.

mod support;

use support::cli::{Sandbox, write};

const OPML: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0">
  <head><title>Ward subscriptions</title></head>
  <body>
    <outline text="Journals">
      <outline type="rss" text="NEJM" xmlUrl="https://www.nejm.org/action/showFeed?jc=nejm&amp;type=etoc&amp;feed=rss" category="/cardio,/weekly"/>
      <outline type="rss" text="The BMJ" xmlUrl="https://www.bmj.com/rss/recent.xml"/>
    </outline>
    <outline text="Regulators">
      <outline type="rss" text="FDA recalls" xmlUrl="https://www.fda.gov/about-fda/contact-fda/stay-informed/rss-feeds/drug-recalls/rss.xml"/>
    </outline>
    <outline type="rss" text="Uncategorised blog" xmlUrl="https://blog.example.org/feed.xml"/>
  </body>
</opml>"#;

#[test]
fn opml_imports_with_categories_and_tags_and_exports_back() {
    let s = Sandbox::new();
    write(&s.path("subs.opml"), OPML);
    let (code, stdout, stderr) = s.run(&["import", s.path("subs.opml").to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("imported 4 sources"), "{stdout}");
    let sources = s.json(&["sources", "--json"]);
    let nejm = sources
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["title"] == "NEJM")
        .unwrap();
    assert_eq!(nejm["category"], "Journals");
    assert_eq!(nejm["tags"], serde_json::json!(["cardio", "weekly"]));
    assert_eq!(
        nejm["url"],
        "https://www.nejm.org/action/showFeed?jc=nejm&type=etoc&feed=rss"
    );

    // Importing again adds nothing.
    let (_, stdout, _) = s.run(&["import", s.path("subs.opml").to_str().unwrap()]);
    assert!(
        stdout.contains("imported 0 sources (4 already followed"),
        "{stdout}"
    );

    // Export, then import the export into a fresh database: the same subscriptions.
    let exported = s.path("out.opml");
    assert_eq!(
        s.run(&["export", "opml", "-o", exported.to_str().unwrap()])
            .0,
        0
    );
    let fresh = Sandbox::new();
    assert_eq!(fresh.run(&["import", exported.to_str().unwrap()]).0, 0);
    let summarize = |sources: serde_json::Value| {
        let mut rows: Vec<String> = sources
            .as_array()
            .unwrap()
            .iter()
            .map(|s| {
                format!(
                    "{} {} {} {}",
                    s["url"], s["title"], s["category"], s["tags"]
                )
            })
            .collect();
        rows.sort();
        rows
    };
    assert_eq!(
        summarize(fresh.json(&["sources", "--json"])),
        summarize(s.json(&["sources", "--json"]))
    );
}

#[test]
fn a_bad_opml_imports_nothing_and_names_the_line() {
    let s = Sandbox::new();
    let broken = OPML.replace(
        "https://www.bmj.com/rss/recent.xml",
        "ftp://www.bmj.com/rss",
    );
    write(&s.path("bad.opml"), &broken);
    let (code, _, stderr) = s.run(&["import", s.path("bad.opml").to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("line 7") && stderr.contains("nothing was imported"),
        "{stderr}"
    );
    let unclosed = OPML.replace(
        "</outline>\n    <outline text=\"Regulators\">",
        "\n    <outline text=\"Regulators\">",
    );
    write(&s.path("unclosed.opml"), &unclosed);
    let (code, _, stderr) = s.run(&["import", s.path("unclosed.opml").to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(stderr.contains("line "), "{stderr}");
    assert_eq!(s.json(&["sources", "--json"]), serde_json::json!([]));
}

#[test]
fn newsboat_urls_import_with_tags_and_titles() {
    let s = Sandbox::new();
    write(
        &s.path("urls"),
        "# newsboat urls\nhttps://www.thelancet.com/rssfeed/lancet_online.xml journal \"~The Lancet\"\n\
         https://tools.cdc.gov/api/v2/resources/media/132608.rss cdc alerts\n\"query:Unread:unread = \\\"yes\\\"\"\n",
    );
    let (code, stdout, stderr) = s.run(&["import", s.path("urls").to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stdout.contains("imported 2 sources (0 already followed, 1 skipped)"),
        "{stdout}"
    );
    assert!(
        stderr.contains("query:"),
        "skipped lines are reported: {stderr}"
    );
    let sources = s.json(&["sources", "--json"]);
    let lancet = sources
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["title"] == "The Lancet")
        .expect("title from ~");
    assert_eq!(lancet["tags"], serde_json::json!(["journal"]));

    write(
        &s.path("bad-urls"),
        "https://ok.example/feed.xml\nnot a url at all\n",
    );
    let (code, _, stderr) = s.run(&["import", s.path("bad-urls").to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(stderr.contains("line 2"), "{stderr}");
    assert_eq!(
        s.json(&["sources", "--json"]).as_array().unwrap().len(),
        2,
        "the bad file added nothing"
    );
}

#[test]
fn remove_by_id_or_url_and_unknown_ones_fail_clearly() {
    let s = Sandbox::new();
    s.run(&["add", "https://a.example/feed.xml", "--no-fetch"]);
    s.run(&["add", "https://b.example/feed.xml", "--no-fetch"]);
    assert_eq!(s.run(&["remove", "1"]).0, 0);
    assert_eq!(s.run(&["remove", "https://b.example/feed.xml"]).0, 0);
    let (code, _, stderr) = s.run(&["remove", "https://c.example/feed.xml"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("no source matches"), "{stderr}");
    let (code, stdout, _) = s.run(&["sources"]);
    assert_eq!(code, 0);
    assert!(
        stdout.contains("rounds add"),
        "the empty state says what to do: {stdout}"
    );
}
