"""Regulators and public health agencies: FDA, MHRA (GOV.UK), NICE, WHO, CDC."""

import datetime as dt

from .markup import EST, NOW, attr, cdata, esc, html_paragraphs, iso, rfc822, us_eastern, when, write
from content import nice, who_don


def fda_channel(title, self_url, items, name):
    out = []
    for item in sorted(items, key=lambda i: i["date"], reverse=True):
        moment = when(item, hours=(9, 18), tz=EST)
        tz, zone = us_eastern(moment)
        url = "https://www.fda.gov/" + item["path"]
        out.append(
            "<item>\n<title>%s</title>\n<link>%s</link>\n<description>%s</description>\n"
            "<pubDate>%s</pubDate>\n<dc:creator>FDA</dc:creator>\n"
            '<guid isPermaLink="true">%s</guid>\n</item>'
            % (esc(item["title"]), esc(url), esc(item["summary"]), rfc822(moment, tz, zone),
               esc(url)))
    text = (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<rss xmlns:dc="http://purl.org/dc/elements/1.1/" version="2.0" xml:base="%s">\n'
        "<channel>\n<title>%s</title>\n<link>%s</link>\n<description/>\n<language>en</language>\n"
        "%s\n</channel>\n</rss>\n" % (attr(self_url), esc(title), esc(self_url), "\n".join(out)))
    return write(name, text), len(out)


def write_govuk_atom(module, name):
    out = []
    for item in sorted(module.ITEMS, key=lambda i: i["date"], reverse=True):
        moment = when(item, hours=(9, 17))
        url = "https://www.gov.uk/drug-safety-update/" + item["slug"]
        body = html_paragraphs(item["body"])
        out.append(
            "<entry>\n<id>%s#%s</id>\n<updated>%s</updated>\n"
            '<link rel="alternate" type="text/html" href="%s"/>\n<title>%s</title>\n'
            '<summary type="html">%s</summary>\n<content type="html">%s</content>\n</entry>'
            % (esc(url), iso(moment), iso(moment, dt.timezone(dt.timedelta(0))).replace("Z", "+00:00"),
               attr(url), esc(item["title"]), esc(item["summary"]), esc(body)))
    text = (
        '<?xml version="1.0" encoding="UTF-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom" '
        'xml:lang="en">\n<id>https://www.gov.uk/drug-safety-update</id>\n'
        '<link rel="alternate" type="text/html" href="https://www.gov.uk/drug-safety-update"/>\n'
        '<link rel="self" type="application/atom+xml" href="https://www.gov.uk/drug-safety-update.atom"/>\n'
        "<title>Drug Safety Update</title>\n<updated>%s</updated>\n"
        "<author><name>HM Government</name></author>\n%s\n</feed>\n"
        % (iso(NOW).replace("Z", "+00:00"), "\n".join(out)))
    return write(name, text), len(out)


def write_nice():
    out = []
    for item in sorted(nice.ITEMS, key=lambda i: i["date"], reverse=True):
        moment = when(item, hours=(0, 1))
        url = "https://www.nice.org.uk/guidance/" + item["code"].lower()
        out.append(
            "<item>\n<title>%s</title>\n<link>%s</link>\n<description>%s</description>\n"
            "<category>%s</category>\n<pubDate>%s</pubDate>\n"
            '<guid isPermaLink="true">%s</guid>\n</item>'
            % (esc("%s (%s)" % (item["title"], item["code"])), esc(url), esc(item["summary"]),
               esc(item["type"]), rfc822(moment, zone_name="GMT"), esc(url)))
    text = (
        '<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0">\n<channel>\n'
        "<title>NICE - Published guidance</title>\n"
        "<link>https://www.nice.org.uk/guidance/published</link>\n"
        "<description>Guidance published by the National Institute for Health and Care "
        "Excellence</description>\n<language>en-gb</language>\n<lastBuildDate>%s</lastBuildDate>\n"
        "%s\n</channel>\n</rss>\n" % (rfc822(NOW, zone_name="GMT"), "\n".join(out)))
    return write("nice-guidance.rss", text), len(out)


def write_who():
    out = []
    for item in sorted(who_don.ITEMS, key=lambda i: i["date"], reverse=True):
        moment = when(item, hours=(10, 17))
        url = "https://www.who.int/emergencies/disease-outbreak-news/item/" + item["slug"]
        body = html_paragraphs(item["body"])
        out.append(
            "<item>\n<guid isPermaLink=\"false\">%s</guid>\n<link>%s</link>\n<category>%s</category>\n"
            "<title>%s</title>\n<description>%s</description>\n<pubDate>%s</pubDate>\n</item>"
            % (item["slug"], esc(url), esc(item["disease"]), esc(item["title"]), cdata(body),
               rfc822(moment, zone_name="GMT")))
    text = (
        '<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0" '
        'xmlns:a10="http://www.w3.org/2005/Atom">\n<channel>\n'
        "<title>Disease Outbreak News</title>\n"
        "<link>https://www.who.int/emergencies/disease-outbreak-news</link>\n"
        "<description>Disease Outbreak News (DONs) relate to confirmed acute public health events "
        "or potential events of concern.</description>\n<language>en</language>\n"
        "<copyright>© 2026 WHO</copyright>\n<lastBuildDate>%s</lastBuildDate>\n"
        "<image>\n<url>https://www.who.int/images/default-source/infographics/who-emblem.png</url>\n"
        "<title>Disease Outbreak News</title>\n"
        "<link>https://www.who.int/emergencies/disease-outbreak-news</link>\n</image>\n"
        "%s\n</channel>\n</rss>\n" % (rfc822(NOW, zone_name="GMT"), "\n".join(out)))
    return write("who-don.rss", text), len(out)


def cdc_channel(module, name, title, link, description):
    out = []
    for item in sorted(module.ITEMS, key=lambda i: i["date"], reverse=True):
        moment = when(item, hours=(9, 17), tz=EST)
        out.append(
            "<item>\n<title>%s</title>\n<description>%s</description>\n<link>%s</link>\n"
            '<guid isPermaLink="false">%s</guid>\n<pubDate>%s</pubDate>\n</item>'
            % (esc(item["title"]), esc(html_paragraphs(item["body"])), esc(item["link"]),
               item["guid"], rfc822(moment, zone_name="GMT")))
    text = (
        '<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0">\n<channel>\n'
        "<title>%s</title>\n<link>%s</link>\n<description>%s</description>\n"
        "<language>en-us</language>\n<copyright>Centers for Disease Control and Prevention"
        "</copyright>\n<lastBuildDate>%s</lastBuildDate>\n%s\n</channel>\n</rss>\n"
        % (esc(title), esc(link), esc(description), rfc822(NOW, zone_name="GMT"), "\n".join(out)))
    return write(name, text), len(out)
