//! Every command reads the config file, and honours `ROUNDS_TIMEOUT`.

mod support;

use std::time::Duration;
use support::cli::{Sandbox, write};
use support::{Response, TestServer};

/// Far more than any command here needs, far less than the 60 s default request limit.
const DEADLINE: Duration = Duration::from_secs(20);

#[test]
fn a_bad_config_stops_every_command_with_its_line() {
    let sandbox = Sandbox::new();
    let feed = sandbox.path("feed.xml");
    write(&feed, &support::feeds::journal_rss(2, 1));
    let urls = sandbox.path("urls");
    write(&urls, "https://journal.example/rss\n");
    let config = sandbox.path("config.toml");
    write(
        &config,
        "refresh_on_start = true\n[keys]\nsave = \"hyper-s\"\n",
    );
    let feed = feed.to_str().unwrap();
    let urls = urls.to_str().unwrap();
    let commands: Vec<Vec<&str>> = vec![
        vec!["sources"],
        vec!["add", feed, "--no-fetch"],
        vec!["remove", "1"],
        vec!["import", urls],
        vec!["export", "opml"],
        vec!["refresh"],
        vec!["list"],
        vec!["show", "1"],
        vec!["mark", "1", "--read"],
        vec!["tag", "1", "cardio"],
    ];
    for args in &commands {
        let mut with_config = vec!["--config", config.to_str().unwrap()];
        with_config.extend(args);
        let (code, stdout, stderr) = sandbox.run(&with_config);
        assert_eq!(code, 2, "rounds {args:?}: {stdout}{stderr}");
        assert!(
            stderr.contains("config.toml line 3") && stderr.contains("hyper-s"),
            "rounds {args:?}: {stderr}"
        );
        // The environment variable names the same file.
        let from_env = sandbox.run_with(args, &[("ROUNDS_CONFIG", config.to_str().unwrap())]);
        assert_eq!(
            from_env.0, 2,
            "ROUNDS_CONFIG rounds {args:?}: {}",
            from_env.2
        );
    }
    // Nothing was done: the add above was refused.
    assert_eq!(sandbox.json(&["sources", "--json"]), serde_json::json!([]));
}

#[test]
fn add_honours_rounds_timeout() {
    let server = TestServer::start();
    server.route(
        "/slow.rss",
        Response::ok("application/rss+xml", "").stall_before_headers(),
    );
    let sandbox = Sandbox::new();
    let output = sandbox
        .rounds(&["add", &server.url("/slow.rss")])
        .env("ROUNDS_TIMEOUT", "0.5")
        .timeout(DEADLINE)
        .output()
        .expect("rounds runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("timed out"), "{stderr}");
}

/// An option that would do nothing is refused, never ignored.
#[test]
fn export_opml_refuses_a_query_instead_of_ignoring_it() {
    let sandbox = Sandbox::new();
    let (code, stdout, stderr) = sandbox.run(&["export", "opml", "--query", "tag:cardio"]);
    assert_eq!(code, 2, "{stdout}");
    assert!(stdout.is_empty(), "{stdout}");
    assert!(stderr.contains("--query"), "{stderr}");
}
