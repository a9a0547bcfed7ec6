//! Watches end to end: the real binary against a loopback server. Alerts on arrival only,
//! the refresh report, `ack`, the first-fetch window, backfill, errors, and the notification
//! command.

mod support;

use serde_json::Value;
use support::cli::{Sandbox, write};
use support::feeds::{Notice, agency_rss, journal_rss};
use support::{Response, TestServer};

const RSS: &str = "application/rss+xml";

fn notice<'a>(guid: &'a str, title: &'a str, hours_ago: i64) -> Notice<'a> {
    Notice {
        guid,
        title,
        hours_ago,
    }
}

fn publish(server: &TestServer, notices: &[Notice]) {
    server.route(
        "/recalls.rss",
        Response::ok(RSS, agency_rss("Device recalls", notices)),
    );
}

/// Item ids matching a query, newest first.
fn ids(sandbox: &Sandbox, query: &str) -> Vec<i64> {
    let items = sandbox.json(&["list", "--json", "--limit", "500", "--query", query]);
    items
        .as_array()
        .unwrap()
        .iter()
        .map(|item| item["id"].as_i64().unwrap())
        .collect()
}

fn id_of(sandbox: &Sandbox, title: &str) -> i64 {
    let items = sandbox.json(&["list", "--json", "--limit", "500"]);
    items
        .as_array()
        .unwrap()
        .iter()
        .find(|item| item["title"] == title)
        .unwrap_or_else(|| panic!("no item {title}"))["id"]
        .as_i64()
        .unwrap()
}

/// A sandbox without the default watches, following the recalls feed and a journal.
fn following(server: &TestServer) -> Sandbox {
    let sandbox = Sandbox::new();
    for name in ["safety", "outbreaks"] {
        assert_eq!(sandbox.run(&["watch", "remove", name]).0, 0);
    }
    for path in ["/recalls.rss", "/journal.rss"] {
        let (code, _, stderr) = sandbox.run(&["add", &server.url(path), "--no-fetch"]);
        assert_eq!(code, 0, "{stderr}");
    }
    sandbox
}

#[test]
fn a_watch_alerts_exactly_the_new_matching_items_of_a_refresh() {
    let server = TestServer::start();
    server.route("/journal.rss", Response::ok(RSS, journal_rss(2, 1)));
    publish(
        &server,
        &[
            notice("r1", "Acme recalls insulin pens", 30),
            notice("g1", "Hand hygiene guidance", 40),
        ],
    );
    let sandbox = following(&server);
    let (code, stdout, _) = sandbox.run(&["refresh"]);
    assert_eq!(code, 0);
    assert!(
        stdout.contains("4 new items") && stdout.ends_with("0 alerts\n"),
        "{stdout}"
    );

    // Watches added now do not alert what is already stored.
    let (code, stdout, stderr) =
        sandbox.run(&["watch", "add", "Recalls", "title:recall", "--urgent"]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(stdout, "added watch recalls (urgent): title:recall\n");
    assert_eq!(
        sandbox.run(&["watch", "add", "pens", "\"insulin pens\""]).0,
        0
    );

    // New items, an updated one that matches, one unchanged, one that matches nothing.
    publish(
        &server,
        &[
            notice("r1", "Acme recalls insulin pens (expanded to lot 7)", 30),
            notice("r2", "Beta recalls saline flushes", 3),
            notice("r3", "Insulin pens: storage advice", 2),
            notice("r4", "Hand hygiene week", 1),
            notice("g1", "Hand hygiene guidance", 40),
        ],
    );
    server.route("/journal.rss", Response::ok(RSS, journal_rss(3, 1)));
    let (code, stdout, stderr) = sandbox.run(&["refresh"]);
    assert_eq!(code, 0, "{stderr}");
    let lines: Vec<&str> = stdout.lines().collect();
    let beta = id_of(&sandbox, "Beta recalls saline flushes");
    let storage = id_of(&sandbox, "Insulin pens: storage advice");
    let url = |guid: &str| format!("<https://agency.example/notices/{guid}>");
    let alert_lines: Vec<&&str> = lines
        .iter()
        .filter(|l| l.starts_with("URGENT") || l.starts_with("alert"))
        .collect();
    assert_eq!(
        alert_lines,
        [
            &format!(
                "URGENT [recalls] {beta}: Beta recalls saline flushes (Device recalls) {}",
                url("r2")
            )
            .as_str(),
            &format!(
                "alert  [pens] {storage}: Insulin pens: storage advice (Device recalls) {}",
                url("r3")
            )
            .as_str(),
        ],
        "{stdout}"
    );
    assert!(
        lines.last().unwrap().ends_with("2 alerts (1 urgent)"),
        "{stdout}"
    );
    assert_eq!(ids(&sandbox, "watch:recalls"), [beta]);
    assert_eq!(ids(&sandbox, "watch:pens"), [storage]);
    assert_eq!(ids(&sandbox, "is:urgent"), [beta]);

    // Refreshed again with only an update: nothing new alerts.
    publish(
        &server,
        &[
            notice("r1", "Acme recalls insulin pens (expanded to lot 7)", 30),
            notice("r2", "Beta recalls saline flushes and syringes", 3),
            notice("r3", "Insulin pens: storage advice", 2),
            notice("r4", "Hand hygiene week", 1),
            notice("g1", "Hand hygiene guidance", 40),
        ],
    );
    let report = sandbox.json(&["refresh", "--json"]);
    assert_eq!(report["summary"]["updated_items"], 1, "{report:#}");
    assert_eq!(report["alerts"], serde_json::json!([]));
    let watches = sandbox.json(&["watch", "list", "--json"]);
    assert_eq!(watches[0]["name"], "recalls");
    assert_eq!(
        (&watches[0]["alerts"], &watches[0]["unacknowledged"]),
        (&Value::from(1), &Value::from(1))
    );
    assert_eq!(ids(&sandbox, "is:alert").len(), 2);
}

#[test]
fn refresh_json_lists_the_alerts_and_ack_unpins() {
    let server = TestServer::start();
    server.route("/journal.rss", Response::ok(RSS, journal_rss(1, 1)));
    publish(&server, &[notice("g1", "Hand hygiene guidance", 40)]);
    let sandbox = following(&server);
    assert_eq!(sandbox.run(&["refresh"]).0, 0);
    sandbox.run(&["watch", "add", "recalls", "title:recall", "--urgent"]);
    sandbox.run(&["watch", "add", "heparin", "heparin"]);
    publish(
        &server,
        &[
            notice("r5", "Gamma recalls heparin vials", 4),
            notice("r6", "Delta recalls test strips", 5),
            notice("g1", "Hand hygiene guidance", 40),
        ],
    );
    let report = sandbox.json(&["refresh", "--json"]);
    let alerts = report["alerts"].as_array().unwrap();
    let gamma = id_of(&sandbox, "Gamma recalls heparin vials");
    let delta = id_of(&sandbox, "Delta recalls test strips");
    assert_eq!(alerts.len(), 3, "{report:#}");
    assert!(
        alerts[..2].iter().all(|a| a["urgent"] == true) && alerts[2]["urgent"] == false,
        "urgent first: {report:#}"
    );
    let heparin = &alerts[2];
    assert_eq!(heparin["item_id"], gamma);
    assert_eq!(heparin["watch"], "heparin");
    assert_eq!(heparin["title"], "Gamma recalls heparin vials");
    assert_eq!(heparin["source"], "Device recalls");
    assert_eq!(heparin["url"], "https://agency.example/notices/r5");
    assert!(heparin["published"].as_str().unwrap().ends_with('Z'));
    assert_eq!(report["summary"]["alerts"], 3);

    // The item JSON names its watches; ack unpins without reading.
    assert_eq!(ids(&sandbox, "is:urgent"), [gamma, delta]);
    let (code, stdout, _) = sandbox.run(&["ack", &gamma.to_string()]);
    assert_eq!((code, stdout.as_str()), (0, "acknowledged 1 item\n"));
    assert_eq!(ids(&sandbox, "is:urgent"), [delta]);
    let shown = sandbox.json(&["show", &gamma.to_string(), "--json"]);
    assert_eq!(shown["read"], false, "acknowledging does not read");
    let watches: Vec<(&str, bool, bool)> = shown["alerts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            (
                a["watch"].as_str().unwrap(),
                a["urgent"].as_bool().unwrap(),
                a["acknowledged"].as_bool().unwrap(),
            )
        })
        .collect();
    assert_eq!(watches, [("heparin", false, true), ("recalls", true, true)]);

    // Reading does not acknowledge.
    assert_eq!(sandbox.run(&["mark", &delta.to_string(), "--read"]).0, 0);
    assert_eq!(ids(&sandbox, "is:urgent"), [delta]);

    let hygiene = id_of(&sandbox, "Hand hygiene guidance");
    let (code, _, stderr) = sandbox.run(&["ack", &hygiene.to_string(), "999999"]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains(&format!("item {hygiene} has no alert")),
        "{stderr}"
    );
    assert!(stderr.contains("no item with id 999999"), "{stderr}");
    let (code, stdout, _) = sandbox.run(&["ack", "--all", "--watch", "recalls"]);
    assert_eq!((code, stdout.as_str()), (0, "acknowledged 1 item\n"));
    assert!(ids(&sandbox, "is:urgent").is_empty());
}

#[test]
fn a_new_source_alerts_only_its_last_days_and_backfill_reaches_further() {
    let server = TestServer::start();
    publish(
        &server,
        &[
            notice("a1", "Zeta recalls infusion sets", 5),
            notice("a2", "Eta recalls eye drops", 50),
            notice("a3", "Theta recalls staplers", 24 * 10),
            notice("a4", "Iota recalls pacemaker leads", 24 * 30),
        ],
    );
    let sandbox = Sandbox::new();
    // The default safety watch is urgent and catches recalls.
    let (code, stdout, stderr) = sandbox.run(&["add", &server.url("/recalls.rss")]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(stdout.matches("URGENT [safety]").count(), 2, "{stdout}");
    assert!(stdout.contains("Zeta recalls") && stdout.contains("Eta recalls"));
    assert_eq!(ids(&sandbox, "is:urgent").len(), 2);

    let (code, stdout, _) = sandbox.run(&[
        "watch",
        "add",
        "devices",
        "staplers OR pacemaker OR infusion",
        "--backfill",
        "15",
    ]);
    assert_eq!(code, 0);
    assert!(
        stdout.ends_with("; 2 alerts from the last 15 days\n"),
        "{stdout}"
    );
}

#[test]
fn bad_watches_are_refused_with_exit_2() {
    let sandbox = Sandbox::new();
    let (code, stdout, stderr) = sandbox.run(&["watch", "add", "pens", "insulin (pens OR"]);
    assert_eq!(code, 2);
    assert!(stdout.is_empty());
    let caret = stderr.lines().find(|l| l.trim() == "^").expect("a caret");
    let query = stderr
        .lines()
        .find(|l| l.contains("insulin (pens"))
        .unwrap();
    let column = caret.find('^').unwrap() - query.find('i').unwrap() + 1;
    assert!(
        stderr.contains(&format!("column {column}")),
        "caret under the column: {stderr}"
    );
    let (code, _, stderr) = sandbox.run(&["watch", "add", "safety", "recall"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("already exists"), "{stderr}");
    let (code, _, stderr) = sandbox.run(&["watch", "add", "blood donation", "donors"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("one word"), "{stderr}");
    let (code, _, stderr) = sandbox.run(&["watch", "add", "empty", "  "]);
    assert_eq!(code, 2);
    assert!(stderr.contains("needs a query"), "{stderr}");
    let (code, _, stderr) = sandbox.run(&["watch", "edit", "nothing", "--urgent"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("no watch is named \"nothing\""), "{stderr}");
    let (code, _, stderr) = sandbox.run(&["watch", "edit", "safety", "--query", "recall ("]);
    assert_eq!(code, 2);
    assert!(stderr.contains("column 8"), "{stderr}");
    let (code, _, stderr) = sandbox.run(&["watch", "edit", "safety"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("nothing to change"), "{stderr}");

    let (code, stdout, _) = sandbox.run(&[
        "watch",
        "edit",
        "outbreaks",
        "--urgent",
        "--rename",
        "epidemics",
    ]);
    assert_eq!(code, 0);
    assert!(
        stdout.starts_with("changed watch epidemics (urgent): "),
        "{stdout}"
    );
    let (code, stdout, _) = sandbox.run(&["watch", "remove", "epidemics"]);
    assert_eq!(
        (code, stdout.as_str()),
        (0, "removed watch epidemics and its 0 alerts\n")
    );
    let watches = sandbox.json(&["watch", "list", "--json"]);
    assert_eq!(watches.as_array().unwrap().len(), 1);
}

/// A notification script that appends its arguments (and two variables) to a file.
fn notify_script(sandbox: &Sandbox, exit_code: i32) -> std::path::PathBuf {
    let log = sandbox.path("notifications.log");
    let script = sandbox.path("notify.sh");
    write(
        &script,
        &format!(
            "#!/bin/sh\nfor argument in \"$@\"; do printf '%s|' \"$argument\" >> '{log}'; done\n\
             printf 'env=%s,%s\\n' \"$ROUNDS_ALERT_WATCH\" \"$ROUNDS_ALERT_COUNT\" >> '{log}'\nexit {exit_code}\n",
            log = log.display()
        ),
    );
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
    script
}

fn notify_config(sandbox: &Sandbox, script: &std::path::Path, burst: usize) -> String {
    let config = sandbox.path("config.toml");
    write(
        &config,
        &format!(
            "notify_command = [\"{}\", \"{{watch}}\", \"{{urgent}}\", \"{{id}}\", \"{{title}}\", \
             \"{{source}}\", \"{{url}}\", \"{{count}}\"]\nnotify_burst_limit = {burst}\n",
            script.display()
        ),
    );
    config.display().to_string()
}

fn log_lines(sandbox: &Sandbox) -> Vec<String> {
    std::fs::read_to_string(sandbox.path("notifications.log"))
        .unwrap_or_default()
        .lines()
        .map(str::to_string)
        .collect()
}

#[test]
fn notify_command_runs_once_per_alert_and_once_for_a_burst() {
    let server = TestServer::start();
    server.route("/journal.rss", Response::ok(RSS, journal_rss(1, 1)));
    publish(&server, &[notice("g1", "Hand hygiene guidance", 24 * 5)]);
    let sandbox = following(&server);
    let config = notify_config(&sandbox, &notify_script(&sandbox, 0), 2);
    sandbox.run(&["watch", "add", "recalls", "title:recall", "--urgent"]);
    sandbox.run(&["watch", "add", "hygiene", "hygiene"]);
    assert_eq!(sandbox.run(&["--config", &config, "refresh"]).0, 0);
    assert!(log_lines(&sandbox).is_empty(), "nothing new, nothing sent");

    publish(
        &server,
        &[
            notice("h2", "Hand hygiene week", 2),
            notice("r7", "Kappa recalls catheters", 3),
            notice("g1", "Hand hygiene guidance", 24 * 5),
        ],
    );
    let (code, _, stderr) = sandbox.run(&["--config", &config, "refresh"]);
    assert_eq!(code, 0, "{stderr}");
    let kappa = id_of(&sandbox, "Kappa recalls catheters");
    let week = id_of(&sandbox, "Hand hygiene week");
    assert_eq!(
        log_lines(&sandbox),
        [
            format!(
                "recalls|true|{kappa}|Kappa recalls catheters|Device recalls|https://agency.example/notices/r7|1|env=recalls,1"
            ),
            format!(
                "hygiene|false|{week}|Hand hygiene week|Device recalls|https://agency.example/notices/h2|1|env=hygiene,1"
            ),
        ]
    );

    // Three alerts, above the burst limit of 2: one summary.
    std::fs::remove_file(sandbox.path("notifications.log")).unwrap();
    publish(
        &server,
        &[
            notice("r8", "Lambda recalls gloves", 1),
            notice("r9", "Mu recalls masks", 1),
            notice("h3", "Hygiene audit results", 1),
            notice("g1", "Hand hygiene guidance", 24 * 5),
        ],
    );
    assert_eq!(sandbox.run(&["--config", &config, "refresh"]).0, 0);
    assert_eq!(
        log_lines(&sandbox),
        ["recalls, hygiene|true||3 new alerts, 2 urgent|Device recalls||3|env=recalls, hygiene,3"]
    );

    // A failing command is reported and logged; the refresh still succeeds.
    let failing = notify_config(&sandbox, &notify_script(&sandbox, 3), 2);
    publish(&server, &[notice("r10", "Nu recalls gowns", 1)]);
    let (code, stdout, stderr) = sandbox.run(&["--config", &failing, "refresh"]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(stdout.contains("URGENT [recalls]"), "{stdout}");
    assert!(
        stderr.contains("notification failed") && stderr.contains("exited with"),
        "{stderr}"
    );
}
