//! Feed documents for the CLI tests, written here: small, realistic, and easy to vary.

/// An RSS 2.0 journal table of contents with `count` articles, newest first, each with a DOI.
/// `revision` changes the abstract text, as a publisher's correction would.
pub fn journal_rss(count: usize, revision: u32) -> String {
    let mut items = String::new();
    for n in (1..=count).rev() {
        items.push_str(&format!(
            "<item><title>Trial {n}: SGLT2 inhibition in heart failure with preserved ejection fraction</title>\
             <link>https://journal.example/doi/full/10.5555/jx.2026.{n:04}</link>\
             <guid isPermaLink=\"false\">jx-2026-{n:04}</guid>\
             <dc:creator>A. Okafor, M. Lindqvist</dc:creator>\
             <pubDate>{day:02} Nov 2026 0{hour}:00:00 GMT</pubDate>\
             <description>&lt;p&gt;Randomised trial {n}, revision {revision}: fewer worsening heart-failure events.&lt;/p&gt; doi:10.5555/jx.2026.{n:04}</description></item>",
            day = n.min(27),
            hour = n % 10,
        ));
    }
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\
         <channel><title>Journal of Cardiac Trials</title><link>https://journal.example/</link>\
         <description>Online first</description>{items}</channel></rss>"
    )
}

/// An Atom feed of public-health notices.
pub fn notices_atom() -> String {
    r#"<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Outbreak notices</title>
  <link href="https://health.example/notices"/>
  <id>tag:health.example,2026:notices</id>
  <updated>2026-11-26T10:00:00Z</updated>
  <entry>
    <title>Measles: exposures at a regional airport</title>
    <id>tag:health.example,2026:notice-311</id>
    <link href="/notices/311"/>
    <updated>2026-11-26T10:00:00Z</updated>
    <summary>Travellers through terminal 2 on 21 November should check their vaccination status.</summary>
  </entry>
  <entry>
    <title>Avian influenza A(H5N1) in dairy herds: guidance update</title>
    <id>tag:health.example,2026:notice-310</id>
    <link href="/notices/310"/>
    <updated>2026-11-24T16:30:00Z</updated>
    <summary>Updated PPE advice for farm workers.</summary>
  </entry>
</feed>
"#
    .to_string()
}

/// Not well-formed and beyond repair: the download stops in the middle of an element.
pub fn malformed_rss() -> String {
    "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Broken</title>\
     <item><title>Open item</title><link>https://broken.example/1</link><description>Cut off in the mid"
        .to_string()
}

/// One entry of `agency_rss`: guid, title, and how many hours before now it was published.
#[derive(Debug, Clone, Copy)]
pub struct Notice<'a> {
    pub guid: &'a str,
    pub title: &'a str,
    pub hours_ago: i64,
}

/// The moment `agency_rss` counts back from: fixed for the whole test binary, so publishing
/// the same notice twice gives the same date.
fn now() -> chrono::DateTime<chrono::Utc> {
    static NOW: std::sync::OnceLock<chrono::DateTime<chrono::Utc>> = std::sync::OnceLock::new();
    *NOW.get_or_init(chrono::Utc::now)
}

/// An RSS feed of regulator notices dated relative to now, so first-fetch windows and "newer
/// than" orderings hold whatever day the tests run.
pub fn agency_rss(title: &str, notices: &[Notice]) -> String {
    let now = now();
    let items: String = notices
        .iter()
        .map(|notice| {
            let date = (now - chrono::Duration::hours(notice.hours_ago)).to_rfc2822();
            format!(
                "<item><title>{}</title><link>https://agency.example/notices/{}</link>\
                 <guid isPermaLink=\"false\">{}</guid><pubDate>{date}</pubDate>\
                 <description>&lt;p&gt;{} Notice for healthcare professionals.&lt;/p&gt;</description></item>",
                notice.title, notice.guid, notice.guid, notice.title
            )
        })
        .collect();
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel><title>{title}</title>\
         <link>https://agency.example/</link><description>Notices</description>{items}</channel></rss>"
    )
}
