use super::parse_timestamp;

fn at(text: &str) -> String {
    parse_timestamp(text).map_or("none".to_string(), |date| date.to_rfc3339())
}

#[test]
fn rfc3339_and_iso_variants() {
    assert_eq!(at("2025-06-10T04:00:00Z"), "2025-06-10T04:00:00+00:00");
    assert_eq!(at("2024-03-02T15:38:20+00:00"), "2024-03-02T15:38:20+00:00");
    assert_eq!(at("2017-11-20T10:30:00+10:30"), "2017-11-20T00:00:00+00:00");
    assert_eq!(at("2025-06-10T04:00:00"), "2025-06-10T04:00:00+00:00");
    assert_eq!(at("2025-06-10 04:00"), "2025-06-10T04:00:00+00:00");
    assert_eq!(
        at("2025-06-10T04:00:00.123+0200"),
        "2025-06-10T02:00:00+00:00"
    );
}

#[test]
fn date_only_and_date_with_zone() {
    assert_eq!(at("2019-08-27"), "2019-08-27T00:00:00+00:00");
    assert_eq!(at("2018-12-17-08:00"), "2018-12-17T08:00:00+00:00");
    assert_eq!(at(" \n 2024-05-22 \t"), "2024-05-22T00:00:00+00:00");
}

#[test]
fn rfc2822_with_named_zones_and_odd_spacing() {
    assert_eq!(
        at("Wed, 5 Nov 2025 13:52:10  EST"),
        "2025-11-05T18:52:10+00:00"
    );
    assert_eq!(
        at("Thu, 20 Aug 2026 17:21:47 +0000"),
        "2026-08-20T17:21:47+00:00"
    );
    assert_eq!(
        at("Tue, 10 Jun 2025 04:00:00 GMT"),
        "2025-06-10T04:00:00+00:00"
    );
    assert_eq!(
        at("Mon, 01 Jan 2024 09:00:00 PDT"),
        "2024-01-01T16:00:00+00:00"
    );
    assert_eq!(
        at("Thurs, 13 Jul 2011 07:38:00 GMT"),
        "2011-07-13T07:38:00+00:00"
    );
    assert_eq!(at("Sat, 25 Aug 12 10:00:00 Z"), "2012-08-25T10:00:00+00:00");
}

#[test]
fn missing_weekday_or_seconds_as_bluesky_writes_them() {
    assert_eq!(at("14 Jan 2026 16:33 +0000"), "2026-01-14T16:33:00+00:00");
    assert_eq!(
        at("14 January 2026 9:05:01 -03:00"),
        "2026-01-14T12:05:01+00:00"
    );
}

#[test]
fn portuguese_and_other_languages() {
    assert_eq!(
        at("Seg, 24 Set 2018 19:42:40 -0300"),
        "2018-09-24T22:42:40+00:00"
    );
    assert_eq!(
        at("Sáb, 01 Dez 2018 08:00:00 -0200"),
        "2018-12-01T10:00:00+00:00"
    );
    assert_eq!(
        at("mar., 3 févr. 2024 10:00:00 +0100"),
        "2024-02-03T09:00:00+00:00"
    );
    assert_eq!(at("3 juillet 2024"), "2024-07-03T00:00:00+00:00");
    assert_eq!(at("3 juin 2024"), "2024-06-03T00:00:00+00:00");
    assert_eq!(
        at("Di, 15 Okt 2024 12:00:00 +0200"),
        "2024-10-15T10:00:00+00:00"
    );
}

#[test]
fn month_first_english() {
    assert_eq!(at("June 10, 2025"), "2025-06-10T00:00:00+00:00");
    assert_eq!(at("Jun 10 2025 04:00:00 GMT"), "2025-06-10T04:00:00+00:00");
    assert_eq!(
        at("Tuesday, June 10, 2025 4:30 PM EDT"),
        "2025-06-10T20:30:00+00:00"
    );
    assert_eq!(at("March 3rd, 2024"), "2024-03-03T00:00:00+00:00");
}

#[test]
fn html_time_element_gives_its_datetime() {
    let drupal = r#"<time datetime="2019-05-03T19:21:28Z">Fri, 05/03/2019 - 15:21</time>"#;
    assert_eq!(at(drupal), "2019-05-03T19:21:28+00:00");
    assert_eq!(at("<span>10 Jun 2025</span>"), "2025-06-10T00:00:00+00:00");
}

#[test]
fn nonsense_is_none() {
    for text in [
        "",
        "   ",
        "yesterday",
        "Fri, 05/03/2019 - 15:21",
        "32 Jan 2024",
        "2024-13-01",
        "99 Foo 2024",
    ] {
        assert_eq!(at(text), "none", "{text:?}");
    }
}

#[test]
fn unknown_zone_names_are_read_as_utc() {
    assert_eq!(at("10 Jun 2025 04:00:00 XYZT"), "2025-06-10T04:00:00+00:00");
}
