//! The HTTP layer against a loopback server: validators, redirects, limits, politeness.

mod support;

use chrono::{TimeDelta, Utc};
use rounds::fetch::http::{
    FetchError, FetchOutcome, FetchedBody, HttpClient, HttpOptions, Validators,
};
use std::sync::Arc;
use std::time::Duration;
use support::{Response, TestServer, http_date};

const RSS: &[u8] = b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n\
<rss version=\"2.0\"><channel><title>Revue m\xe9dicale</title>\
<item><title>Sepsis bundles revisited</title><guid>rm-2026-114</guid></item>\
</channel></rss>\n";

fn client_with(options: HttpOptions) -> HttpClient {
    HttpClient::new(options).expect("build the HTTP client")
}

fn client() -> HttpClient {
    client_with(HttpOptions::default())
}

async fn fetch(client: &HttpClient, url: &str) -> Result<FetchOutcome, FetchError> {
    fetch_with(client, url, &Validators::default()).await
}

/// Every test fetch is bounded, so a missing timeout fails the test instead of hanging it.
async fn fetch_with(
    client: &HttpClient,
    url: &str,
    validators: &Validators,
) -> Result<FetchOutcome, FetchError> {
    let bounded = tokio::time::timeout(Duration::from_secs(20), client.fetch(url, validators));
    bounded.await.expect("the fetch finished within 20 s")
}

fn body_of(result: Result<FetchOutcome, FetchError>) -> FetchedBody {
    match result {
        Ok(FetchOutcome::Fetched(body)) => body,
        other => panic!("expected a body, got {other:?}"),
    }
}

fn error_of(result: Result<FetchOutcome, FetchError>) -> FetchError {
    match result {
        Err(error) => error,
        Ok(outcome) => panic!("expected an error, got {outcome:?}"),
    }
}

fn feed_route(etag: &str, modified: &str) -> Response {
    Response::ok("application/rss+xml; charset=ISO-8859-1", RSS)
        .with_etag(etag)
        .with_last_modified(modified)
}

#[tokio::test]
async fn a_200_returns_raw_bytes_validators_and_content_type() {
    let server = TestServer::start();
    server.route(
        "/feed.xml",
        feed_route("\"v1\"", "Mon, 02 Mar 2026 08:00:00 GMT"),
    );

    let body = body_of(fetch(&client(), &server.url("/feed.xml")).await);

    assert_eq!(body.status, 200);
    assert_eq!(body.final_url, server.url("/feed.xml"));
    assert_eq!(body.moved_permanently_to, None);
    assert_eq!(body.validators.etag.as_deref(), Some("\"v1\""));
    assert_eq!(
        body.validators.last_modified.as_deref(),
        Some("Mon, 02 Mar 2026 08:00:00 GMT")
    );
    assert_eq!(body.content_type.as_deref(), Some("application/rss+xml"));
    assert_eq!(body.charset.as_deref(), Some("ISO-8859-1"));
    assert_eq!(body.body, RSS, "the Latin-1 bytes come back untouched");
    let request = &server.requests_for("/feed.xml")[0];
    assert_eq!(request.method, "GET");
    assert!(
        request
            .header("User-Agent")
            .is_some_and(|agent| agent.starts_with("rounds/"))
    );
    assert_eq!(request.header("If-None-Match"), None);
}

#[tokio::test]
async fn a_second_fetch_sends_both_validators_and_gets_not_modified() {
    let server = TestServer::start();
    let modified = "Mon, 02 Mar 2026 08:00:00 GMT";
    server.route("/feed.xml", feed_route("\"v1\"", modified));
    let client = client();
    let first = body_of(fetch(&client, &server.url("/feed.xml")).await);

    let second = fetch_with(&client, &server.url("/feed.xml"), &first.validators).await;

    assert_eq!(second.ok(), Some(FetchOutcome::NotModified));
    let requests = server.requests_for("/feed.xml");
    assert_eq!(requests.len(), 2);
    assert_eq!(requests[1].header("If-None-Match"), Some("\"v1\""));
    assert_eq!(requests[1].header("If-Modified-Since"), Some(modified));
}

#[tokio::test]
async fn last_modified_alone_is_enough_for_not_modified() {
    let server = TestServer::start();
    let modified = "Mon, 02 Mar 2026 08:00:00 GMT";
    server.route(
        "/feed.xml",
        Response::ok("application/rss+xml", RSS).with_last_modified(modified),
    );
    let validators = Validators {
        etag: None,
        last_modified: Some(modified.to_string()),
    };

    let outcome = fetch_with(&client(), &server.url("/feed.xml"), &validators).await;

    assert_eq!(outcome.ok(), Some(FetchOutcome::NotModified));
}

#[tokio::test]
async fn a_changed_feed_is_fetched_again_with_its_new_validators() {
    let server = TestServer::start();
    server.route(
        "/feed.xml",
        feed_route("\"v1\"", "Mon, 02 Mar 2026 08:00:00 GMT"),
    );
    let client = client();
    let first = body_of(fetch(&client, &server.url("/feed.xml")).await);
    let changed = Response::ok("application/rss+xml", "<rss version=\"2.0\"/>")
        .with_etag("\"v2\"")
        .with_last_modified("Tue, 03 Mar 2026 08:00:00 GMT");
    server.route("/feed.xml", changed);

    let second = body_of(fetch_with(&client, &server.url("/feed.xml"), &first.validators).await);

    assert_eq!(second.body, b"<rss version=\"2.0\"/>");
    assert_eq!(second.validators.etag.as_deref(), Some("\"v2\""));
}

#[tokio::test]
async fn a_chain_of_permanent_redirects_reports_the_new_address() {
    let server = TestServer::start();
    server.route("/old", Response::redirect(301, "/older"));
    server.route("/older", Response::redirect(308, &server.url("/feed.xml")));
    server.route("/feed.xml", Response::ok("application/atom+xml", "<feed/>"));

    let body = body_of(fetch(&client(), &server.url("/old")).await);

    assert_eq!(body.final_url, server.url("/feed.xml"));
    assert_eq!(body.moved_permanently_to, Some(server.url("/feed.xml")));
    assert_eq!(body.body, b"<feed/>");
}

#[tokio::test]
async fn a_temporary_redirect_keeps_the_stored_address() {
    let server = TestServer::start();
    server.route("/feed", Response::redirect(302, "feed.xml"));
    server.route("/feed.xml", Response::ok("application/atom+xml", "<feed/>"));

    let body = body_of(fetch(&client(), &server.url("/feed")).await);

    assert_eq!(body.final_url, server.url("/feed.xml"));
    assert_eq!(body.moved_permanently_to, None);
}

#[tokio::test]
async fn a_permanent_then_a_temporary_hop_keeps_the_stored_address() {
    let server = TestServer::start();
    server.route("/a", Response::redirect(301, "/b"));
    server.route("/b", Response::redirect(302, "/feed.xml"));
    server.route("/feed.xml", Response::ok("application/atom+xml", "<feed/>"));

    let body = body_of(fetch(&client(), &server.url("/a")).await);

    assert_eq!(body.final_url, server.url("/feed.xml"));
    assert_eq!(body.moved_permanently_to, None);
}

fn route_redirect_chain(server: &TestServer, hops: usize) {
    for hop in 0..hops {
        server.route(
            &format!("/hop/{hop}"),
            Response::redirect(307, &format!("/hop/{}", hop + 1)),
        );
    }
    server.route(
        &format!("/hop/{hops}"),
        Response::ok("application/rss+xml", RSS),
    );
}

#[tokio::test]
async fn ten_redirects_are_followed_and_eleven_are_too_many() {
    let server = TestServer::start();
    route_redirect_chain(&server, 11);
    let client = client();

    let ten = body_of(fetch(&client, &server.url("/hop/1")).await);
    let eleven = error_of(fetch(&client, &server.url("/hop/0")).await);

    assert_eq!(ten.final_url, server.url("/hop/11"));
    assert!(matches!(eleven, FetchError::TooManyRedirects { max: 10 }));
    assert_eq!(eleven.to_string(), "too many redirects (more than 10)");
}

#[tokio::test]
async fn a_redirect_loop_ends_in_the_too_many_error() {
    let server = TestServer::start();
    server.route("/a", Response::redirect(301, "/b"));
    server.route("/b", Response::redirect(301, "/a"));

    let error = error_of(fetch(&client(), &server.url("/a")).await);

    assert_eq!(error.to_string(), "too many redirects (more than 10)");
    assert_eq!(
        server.requests().len(),
        11,
        "the first request and ten hops"
    );
}

#[tokio::test]
async fn a_redirect_away_from_the_web_is_refused() {
    let server = TestServer::start();
    server.route(
        "/feed",
        Response::redirect(302, "ftp://files.example.org/feed.xml"),
    );

    let error = error_of(fetch(&client(), &server.url("/feed")).await);

    assert!(
        matches!(error, FetchError::BadRedirect { status: 302, .. }),
        "{error:?}"
    );
    assert_eq!(error.status(), Some(302));
}

#[tokio::test]
async fn error_statuses_are_reported_with_their_status() {
    let server = TestServer::start();
    server.route("/gone", Response::status(404));
    server.route("/broken", Response::status(500));
    let client = client();

    let not_found = error_of(fetch(&client, &server.url("/gone")).await);
    let broken = error_of(fetch(&client, &server.url("/broken")).await);

    assert_eq!(not_found.status(), Some(404));
    assert_eq!(
        not_found.to_string(),
        "the server answered HTTP 404 Not Found"
    );
    assert_eq!(broken.status(), Some(500));
    assert_eq!(
        broken.to_string(),
        "the server answered HTTP 500 Internal Server Error"
    );
}

#[tokio::test]
async fn a_stalled_server_times_out() {
    let server = TestServer::start();
    server.route(
        "/no-headers",
        Response::ok("application/rss+xml", RSS).stall_before_headers(),
    );
    server.route(
        "/no-body",
        Response::ok("application/rss+xml", RSS).stall_after_headers(),
    );
    let timeout = Duration::from_millis(300);
    let client = client_with(HttpOptions {
        timeout,
        ..HttpOptions::default()
    });

    for path in ["/no-headers", "/no-body"] {
        let error = error_of(fetch(&client, &server.url(path)).await);
        assert!(
            matches!(error, FetchError::TimedOut { after } if after == timeout),
            "{path}: {error:?}"
        );
        assert_eq!(error.to_string(), "timed out after 300 ms");
        assert_eq!(error.status(), None);
    }
}

#[tokio::test]
async fn a_body_over_the_limit_is_refused() {
    let server = TestServer::start();
    let seventeen_mib = 17 * 1024 * 1024;
    server.route("/declared", Response::oversized(seventeen_mib));
    server.route(
        "/streamed",
        Response::oversized(seventeen_mib).close_delimited(),
    );
    let client = client();

    for path in ["/declared", "/streamed"] {
        let error = error_of(fetch(&client, &server.url(path)).await);
        assert!(
            matches!(error, FetchError::TooLarge { status: 200, .. }),
            "{path}: {error:?}"
        );
        assert_eq!(error.to_string(), "the response is larger than 16 MiB");
    }
}

#[tokio::test]
async fn a_gzip_body_is_decoded() {
    let server = TestServer::start();
    server.route("/feed.xml", Response::ok("application/rss+xml", RSS).gzip());
    server.route(
        "/repeated",
        Response::gzip_of_repeated("text/plain", b'a', 100_000),
    );
    let client = client();

    let feed = body_of(fetch(&client, &server.url("/feed.xml")).await);
    let repeated = body_of(fetch(&client, &server.url("/repeated")).await);

    assert_eq!(feed.body, RSS);
    assert_eq!(repeated.body, vec![b'a'; 100_000]);
    let request = &server.requests_for("/feed.xml")[0];
    assert!(
        request
            .header("Accept-Encoding")
            .is_some_and(|codings| codings.contains("gzip"))
    );
}

#[tokio::test]
async fn a_corrupt_gzip_body_is_a_decompression_error() {
    let server = TestServer::start();
    let mut gzip = support::gzip::encode_stored(RSS);
    let crc_at = gzip.len() - 8;
    gzip[crc_at] ^= 0xff;
    server.route(
        "/feed.xml",
        Response::ok("application/rss+xml", gzip).with_header("Content-Encoding", "gzip"),
    );

    let error = error_of(fetch(&client(), &server.url("/feed.xml")).await);

    assert!(
        matches!(error, FetchError::Decode { status: 200, .. }),
        "{error:?}"
    );
    assert!(
        error
            .to_string()
            .starts_with("the response could not be decompressed: ")
    );
}

#[tokio::test]
async fn the_size_limit_applies_after_decompression() {
    let server = TestServer::start();
    let limit = 64 * 1024;
    let one_mib = 1024 * 1024;
    assert!(
        support::gzip::encode_repeated(b'a', one_mib).len() < limit,
        "small on the wire"
    );
    server.route(
        "/bomb",
        Response::gzip_of_repeated("application/xml", b'a', one_mib),
    );
    let client = client_with(HttpOptions {
        max_body_bytes: limit,
        ..HttpOptions::default()
    });

    let error = error_of(fetch(&client, &server.url("/bomb")).await);

    assert_eq!(error.to_string(), "the response is larger than 64 KiB");
}

#[tokio::test]
async fn retry_after_in_seconds_says_when_to_come_back() {
    let server = TestServer::start();
    server.route("/busy", Response::status(429).with_retry_after("120"));
    let before = Utc::now();

    let outcome = fetch(&client(), &server.url("/busy")).await;

    let after = Utc::now();
    let Ok(FetchOutcome::RetryLater { status, until }) = outcome else {
        panic!("expected RetryLater, got {outcome:?}");
    };
    assert_eq!(status, 429);
    let wait = TimeDelta::seconds(120);
    assert!(before + wait <= until && until <= after + wait, "{until}");
}

#[tokio::test]
async fn retry_after_as_a_date_says_when_to_come_back() {
    let server = TestServer::start();
    let date = http_date(Utc::now() + TimeDelta::hours(2));
    server.route(
        "/maintenance",
        Response::status(503).with_retry_after(&date),
    );

    let outcome = fetch(&client(), &server.url("/maintenance")).await;

    let Ok(FetchOutcome::RetryLater { status, until }) = outcome else {
        panic!("expected RetryLater, got {outcome:?}");
    };
    assert_eq!(status, 503);
    assert_eq!(http_date(until), date);
}

#[tokio::test]
async fn busy_without_retry_after_is_a_plain_error() {
    let server = TestServer::start();
    server.route("/busy", Response::status(503));

    let error = error_of(fetch(&client(), &server.url("/busy")).await);

    assert_eq!(error.status(), Some(503));
    assert_eq!(
        error.to_string(),
        "the server answered HTTP 503 Service Unavailable"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn at_most_two_requests_are_in_flight_to_one_host() {
    let server = TestServer::start();
    let fetches = 6;
    server.route("/ping", Response::ok("text/plain", "pong"));
    for n in 0..fetches {
        server.route(
            &format!("/held/{n}"),
            Response::ok("application/rss+xml", RSS).held_until_released(),
        );
    }
    let client = Arc::new(client());
    let tasks: Vec<_> = (0..fetches)
        .map(|n| {
            let client = Arc::clone(&client);
            let url = server.url(&format!("/held/{n}"));
            tokio::spawn(async move { fetch(&client, &url).await })
        })
        .collect();

    // Before releasing anything, give an unlimited client every chance to send a third
    // request: complete a few exchanges with another host name on the same runtime.
    server.wait_for_held(2);
    let other_host = format!("http://localhost:{}/ping", server.address().port());
    for _ in 0..3 {
        assert_eq!(body_of(fetch(&client, &other_host).await).body, b"pong");
    }
    // Then release one at a time, each time once the client has refilled its two slots.
    for released in 0..fetches {
        server.wait_for_held(2.min(fetches - released));
        server.release_one();
    }
    for task in tasks {
        let outcome = task.await.expect("the fetch task finished");
        assert_eq!(body_of(outcome).body, RSS);
    }

    assert_eq!(server.max_held(), 2);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_busy_host_does_not_hold_the_shared_slots() {
    // Two slots in all, one per host. Three requests to a stalled host: one holds a slot, the
    // two waiting for that host must not take the other slot from a second host.
    let server = TestServer::start();
    server.route("/ping", Response::ok("text/plain", "pong"));
    for n in 0..3 {
        server.route(
            &format!("/held/{n}"),
            Response::ok("application/rss+xml", RSS).held_until_released(),
        );
    }
    let client = Arc::new(client_with(HttpOptions {
        per_host: 1,
        max_in_flight: 2,
        ..HttpOptions::default()
    }));
    let tasks: Vec<_> = (0..3)
        .map(|n| {
            let client = Arc::clone(&client);
            let url = server.url(&format!("/held/{n}"));
            tokio::spawn(async move { fetch(&client, &url).await })
        })
        .collect();
    server.wait_for_held(1);
    let other_host = format!("http://localhost:{}/ping", server.address().port());
    assert_eq!(body_of(fetch(&client, &other_host).await).body, b"pong");
    server.release_all();
    for task in tasks {
        assert_eq!(
            body_of(task.await.expect("the fetch task finished")).body,
            RSS
        );
    }
    assert_eq!(server.max_held(), 1);
}

#[tokio::test]
async fn a_body_cut_short_is_an_error() {
    let server = TestServer::start();
    server.route(
        "/cut",
        Response::ok("application/rss+xml", RSS).truncated_after(40),
    );

    let error = error_of(fetch(&client(), &server.url("/cut")).await);

    assert!(
        matches!(error, FetchError::Body { status: 200, .. }),
        "{error:?}"
    );
    assert!(
        error
            .to_string()
            .starts_with("the connection broke while reading the response")
    );
}

#[tokio::test]
async fn a_refused_connection_says_where_and_why() {
    let closed_port = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind a loopback port");
        listener.local_addr().expect("read the port").port()
    };

    let error = error_of(fetch(&client(), &format!("http://127.0.0.1:{closed_port}/feed")).await);

    assert_eq!(
        error.to_string(),
        format!("could not connect to 127.0.0.1:{closed_port}: connection refused")
    );
    assert_eq!(error.status(), None);
}

#[tokio::test]
async fn a_failed_tls_handshake_is_a_tls_error() {
    let server = TestServer::start();
    let https = server.url("/feed.xml").replacen("http://", "https://", 1);

    let error = error_of(fetch(&client(), &https).await);

    assert!(matches!(error, FetchError::Tls { .. }), "{error:?}");
    let address = server.address().to_string();
    assert!(
        error
            .to_string()
            .starts_with(&format!("the secure connection to {address} failed: "))
    );
}

#[tokio::test]
async fn only_web_addresses_are_fetched() {
    let error = error_of(fetch(&client(), "file:///etc/hosts").await);

    assert!(matches!(error, FetchError::InvalidUrl { .. }), "{error:?}");
}
