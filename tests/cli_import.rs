//! `import` of files someone else wrote: hostile addresses are refused with their line, local
//! feeds are named only in the ways a shared file may, and a cut-off or broken file imports
//! nothing and says why in words.

mod support;

use support::cli::{Sandbox, write};

fn opml(outlines: &str) -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<opml version=\"2.0\">\n<head><title>Shared</title></head>\n<body>\n{outlines}\n</body>\n</opml>\n"
    )
}

/// Imports `text` written to `name` in the sandbox: (exit code, stdout, stderr).
fn import(sandbox: &Sandbox, name: &str, text: &str) -> (i32, String, String) {
    let path = sandbox.path(name);
    write(&path, text);
    sandbox.run(&["import", path.to_str().unwrap()])
}

fn source_count(sandbox: &Sandbox) -> usize {
    sandbox
        .json(&["sources", "--json"])
        .as_array()
        .unwrap()
        .len()
}

#[test]
fn an_escape_sequence_in_an_address_is_refused_with_its_line() {
    let s = Sandbox::new();
    let text = opml(
        "<outline text=\"Fine\" xmlUrl=\"https://fine.example/rss\"/>\n\
         <outline text=\"Painted\" xmlUrl=\"https://evil.example/&#27;[31mred\"/>",
    );
    let (code, stdout, stderr) = import(&s, "painted.opml", &text);
    assert_eq!(code, 2, "{stdout}{stderr}");
    assert!(stderr.contains("line 6"), "{stderr}");
    assert!(stderr.contains("control character U+001B"), "{stderr}");
    assert!(!stderr.contains('\u{1b}') && !stdout.contains('\u{1b}'));
    assert_eq!(source_count(&s), 0, "all or nothing");
}

#[test]
fn addresses_are_stored_parsed_and_normalised() {
    let s = Sandbox::new();
    let text = opml(
        "<outline text=\"NEJM\" xmlUrl=\"HTTPS://WWW.NEJM.ORG/action/showFeed?jc=nejm&amp;type=etoc\"/>",
    );
    let (code, _, stderr) = import(&s, "subs.opml", &text);
    assert_eq!(code, 0, "{stderr}");
    let sources = s.json(&["sources", "--json"]);
    assert_eq!(
        sources[0]["url"],
        "https://www.nejm.org/action/showFeed?jc=nejm&type=etoc"
    );
}

#[test]
fn a_truncated_opml_imports_nothing_and_names_where_it_ends() {
    let s = Sandbox::new();
    let whole = opml(
        "<outline text=\"Journals\">\n\
         <outline text=\"NEJM\" xmlUrl=\"https://www.nejm.org/rss\"/>\n\
         <outline text=\"BMJ\" xmlUrl=\"https://www.bmj.com/rss\"/>\n\
         </outline>",
    );
    let cut = &whole[..whole.find("</body>").unwrap()];
    let (code, stdout, stderr) = import(&s, "cut.opml", cut);
    assert_eq!(code, 2, "{stdout}{stderr}");
    let last_line = cut.trim_end().lines().count();
    assert!(
        stderr.contains(&format!("line {last_line}")) && stderr.contains("cut off"),
        "{stderr}"
    );
    assert_eq!(source_count(&s), 0, "nothing imported");
}

#[test]
fn a_bare_ampersand_is_explained_in_words_with_its_line() {
    let s = Sandbox::new();
    let text = opml(
        "<outline text=\"BMJ\" xmlUrl=\"https://www.bmj.com/rss\"/>\n\
         <outline text=\"NEJM\" xmlUrl=\"https://www.nejm.org/action/showFeed?jc=nejm&type=etoc\"/>",
    );
    let (code, _, stderr) = import(&s, "amp.opml", &text);
    assert_eq!(code, 2);
    assert!(stderr.contains("line 6"), "{stderr}");
    assert!(stderr.contains("&amp;"), "{stderr}");
    assert!(!stderr.contains("range"), "no parser jargon: {stderr}");
    assert_eq!(source_count(&s), 0);
}

#[test]
fn local_feeds_come_only_as_file_urls_or_paths_inside_the_folder_and_are_listed() {
    let s = Sandbox::new();
    std::fs::create_dir(s.path("feeds")).unwrap();
    write(
        &s.path("feeds/ward.xml"),
        &support::feeds::journal_rss(2, 1),
    );
    write(&s.path("other.xml"), &support::feeds::journal_rss(1, 1));
    let other_url = url::Url::from_file_path(s.path("other.xml")).unwrap();
    let text = opml(&format!(
        "<outline text=\"Ward\" xmlUrl=\"feeds/ward.xml\"/>\n\
         <outline text=\"Other\" xmlUrl=\"{other_url}\"/>"
    ));
    let (code, stdout, stderr) = import(&s, "local.opml", &text);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stdout.contains("2 feeds will be read from this computer"),
        "{stdout}"
    );
    assert!(
        stdout.contains(s.path("feeds/ward.xml").to_str().unwrap()),
        "{stdout}"
    );
    assert!(
        stdout.contains(s.path("other.xml").to_str().unwrap()),
        "{stdout}"
    );
    assert!(
        stdout.contains("run `rounds refresh` to fetch them"),
        "{stdout}"
    );
    let (code, stdout, _) = s.run(&["refresh"]);
    assert_eq!(code, 0, "{stdout}");
    assert!(stdout.contains("3 new items"), "{stdout}");

    for (refused, why) in [
        ("/etc/passwd", "absolute path"),
        ("../escape.xml", "leaves the folder"),
        ("file:///dev/zero", "not a regular file"),
        ("feeds", "not a regular file"),
    ] {
        let fresh = Sandbox::new();
        std::fs::create_dir(fresh.path("feeds")).unwrap();
        let text = opml(&format!("<outline text=\"Bad\" xmlUrl=\"{refused}\"/>"));
        let (code, _, stderr) = import(&fresh, "bad.opml", &text);
        assert_eq!(code, 2, "{refused}: {stderr}");
        assert!(
            stderr.contains("line 5") && stderr.contains(why),
            "{refused}: {stderr}"
        );
    }
}

#[test]
fn a_urls_file_line_that_is_no_address_says_what_would_be() {
    let s = Sandbox::new();
    write(&s.path("ward.xml"), &support::feeds::journal_rss(1, 1));
    let (code, stdout, stderr) = import(
        &s,
        "urls",
        "https://ok.example/feed.xml\nward.xml local\nnot-a-url tag\n",
    );
    assert_eq!(code, 2, "{stdout}{stderr}");
    assert!(stderr.contains("line 3"), "{stderr}");
    assert!(!stderr.contains("http(s) feed address"), "{stderr}");
    assert!(
        stderr.contains("neither a web address nor a file"),
        "{stderr}"
    );
    let (code, stdout, stderr) =
        import(&s, "urls2", "https://ok.example/feed.xml\nward.xml local\n");
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stdout.contains("1 feed will be read from this computer"),
        "{stdout}"
    );
}
