"""Journal tables of contents, a journal podcast, a PubMed search and a preprint server."""

import datetime as dt

from .markup import EST, NOW, attr, cdata, digest, esc, html_paragraphs, iso, rfc822, when, write
from content import bmj, jama, lancet, medrxiv, nejm, nejm_podcast, people, pubmed


def nejm_doi(item):
    if "doi" in item:
        return item["doi"]
    code = nejm.DOI_CODES[item["section"]]
    return "10.1056/%s26%05d" % (code, 1000 + digest(item["title"]) % 12000)


def nejm_issue(date_text):
    """Volume 395 began on Thursday 2 July 2026; one issue a week."""
    day = dt.date.fromisoformat(date_text[:10])
    return (day - dt.date(2026, 7, 2)).days // 7 + 1


def write_nejm():
    # Newest issue first; inside an issue, table-of-contents order.
    items = sorted(nejm.ITEMS, key=lambda i: (-dt.date.fromisoformat(i["date"]).toordinal(),
                                              i.get("order", 0)))
    page = {}
    entries, seq = [], []
    for item in sorted(items, key=lambda i: (i["date"], i.get("order", 50))):
        if item.get("ahead"):
            continue
        issue = nejm_issue(item["date"])
        start = page.get(issue, 1501 + (issue - 17) * 100)
        length = nejm.PAGES[item["section"]]
        item["_pages"] = (start, start + length - 1)
        page[issue] = start + length
    for item in items:
        doi = nejm_doi(item)
        url = "https://www.nejm.org/doi/full/%s?af=R" % doi
        day = dt.date.fromisoformat(item["date"])
        if item.get("ahead"):
            where = "New England Journal of Medicine, Ahead of Print. <br/>"
        else:
            first, last = item["_pages"]
            where = ("New England Journal of Medicine, Volume 395, Issue %d, Page %d-%d, %s. <br/>"
                     % (nejm_issue(item["date"]), first, last,
                        day.strftime("%B %-d, %Y")))
        authors = item.get("authors") or people.nejm_names(item["title"], item.get("n", 6))
        seq.append('<rdf:li rdf:resource="%s"/>' % attr(url))
        prism = ""
        if not item.get("ahead"):
            prism = ("\n<prism:volume>395</prism:volume>\n<prism:number>%d</prism:number>"
                     "\n<prism:startingPage>%d</prism:startingPage>\n<prism:endingPage>%d</prism:endingPage>"
                     % (nejm_issue(item["date"]), *item["_pages"]))
        entries.append(
            '<item rdf:about="%s">\n<title>%s</title>\n<link>%s</link>\n<description>%s</description>\n'
            "<dc:title>%s</dc:title>\n<dc:creator>%s</dc:creator>\n<dc:identifier>doi:%s</dc:identifier>\n"
            "<dc:source>New England Journal of Medicine</dc:source>\n<dc:date>%s</dc:date>\n"
            "<prism:publicationName>New England Journal of Medicine</prism:publicationName>\n"
            "<prism:doi>%s</prism:doi>\n<prism:url>%s</prism:url>\n<prism:coverDate>%s</prism:coverDate>"
            "%s\n<prism:section>%s</prism:section>\n</item>"
            % (attr(url), esc(item["title"]), esc(url), esc(where + item["abstract"]),
               esc(item["title"]), esc(", ".join(authors)), doi, day.isoformat(), doi, esc(url),
               day.isoformat(), prism, esc(item["section"])))
    channel_url = "https://www.nejm.org/action/showFeed?type=etoc&feed=rss&jc=nejm"
    text = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
        'xmlns="http://purl.org/rss/1.0/" xmlns:content="http://purl.org/rss/1.0/modules/content/" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:prism="http://prismstandard.org/namespaces/basic/2.0/" '
        'xmlns:taxo="http://purl.org/rss/1.0/modules/taxonomy/">\n'
        '<channel rdf:about="%s">\n'
        "<title>The New England Journal of Medicine: Table of Contents</title>\n"
        "<description>Table of Contents for The New England Journal of Medicine. List of articles "
        "from both the latest and ahead of print issues.</description>\n"
        "<link>https://www.nejm.org/toc/nejm/current?af=R</link>\n"
        "<dc:title>The New England Journal of Medicine: Table of Contents</dc:title>\n"
        "<dc:publisher>Massachusetts Medical Society</dc:publisher>\n"
        "<dc:language>en-US</dc:language>\n"
        "<prism:publicationName>New England Journal of Medicine</prism:publicationName>\n"
        "<items>\n<rdf:Seq>\n%s\n</rdf:Seq>\n</items>\n</channel>\n%s\n</rdf:RDF>\n"
        % (attr(channel_url), "\n".join(seq), "\n".join(entries)))
    return write("nejm.rdf", text), len(entries)


def write_lancet():
    items = sorted(lancet.ITEMS, key=lambda i: i["date"], reverse=True)
    out = []
    for item in items:
        pii = lancet.pii(item)
        doi = "10.1016/" + pii
        url = "https://www.thelancet.com/journals/lancet/article/PII%s/fulltext?rss=yes" % pii
        moment = when(item, hours=(0, 1))
        authors = item.get("authors") or people.full_names(item["title"], item.get("n", 5))
        out.append(
            "<item>\n<title>%s</title>\n<link>%s</link>\n<description>%s</description>\n"
            '<guid isPermaLink="true">%s</guid>\n<pubDate>%s</pubDate>\n'
            "<category>%s</category>\n<dc:creator>%s</dc:creator>\n<dc:identifier>%s</dc:identifier>\n"
            "<prism:doi>%s</prism:doi>\n</item>"
            % (esc(item["title"]), esc(url), esc(item["abstract"]), esc(url),
               rfc822(moment, zone_name="GMT"), esc(item["type"]), esc(", ".join(authors)), doi, doi))
    text = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:prism="http://prismstandard.org/namespaces/basic/2.0/">\n<channel>\n'
        "<title>The Lancet Online First</title>\n<link>https://www.thelancet.com</link>\n"
        "<description>The Lancet RSS feed. Online First articles, available ahead of print."
        "</description>\n<language>en</language>\n<copyright>© 2026 Elsevier Ltd. All rights reserved."
        "</copyright>\n<lastBuildDate>%s</lastBuildDate>\n"
        "<image>\n<url>https://www.thelancet.com/pb-assets/Lancet/lancet-logo.gif</url>\n"
        "<title>The Lancet</title>\n<link>https://www.thelancet.com</link>\n</image>\n"
        "%s\n</channel>\n</rss>\n" % (rfc822(NOW, zone_name="GMT"), "\n".join(out)))
    return write("lancet.rss", text), len(out)


def write_bmj():
    items = sorted(bmj.ITEMS, key=lambda i: i["date"], reverse=True)
    out = []
    for item in items:
        doi, path = bmj.identifiers(item)
        url = "https://www.bmj.com/content/395/" + path
        moment = when(item, hours=(6, 22), tz=dt.timezone(dt.timedelta(0)))
        authors = item.get("authors") or people.full_names(item["title"], item.get("n", 4))
        day = moment.strftime("%-d %B %Y")
        cite = ("<p><em>BMJ</em> 2026;395:%s doi: <a href=\"https://doi.org/%s\">%s</a> "
                "(Published %s)</p>" % (bmj.citation(item, path), doi, doi, day))
        author_xml = "".join("<author><name>%s</name></author>" % esc(a) for a in authors)
        out.append(
            "<entry>\n<id>%s</id>\n<title>%s</title>\n"
            '<link rel="alternate" type="text/html" href="%s"/>\n'
            "<published>%s</published>\n<updated>%s</updated>\n%s\n"
            '<category term="%s"/>\n<summary type="html">%s</summary>\n</entry>'
            % (esc(url), esc(item["title"]), attr(url), iso(moment), iso(moment), author_xml,
               attr(item["type"]), esc(html_paragraphs(item["abstract"]) + cite)))
    text = (
        '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom" '
        'xml:lang="en">\n<title>The BMJ latest articles</title>\n'
        "<subtitle>Research, education, news, comment and analysis from The BMJ</subtitle>\n"
        '<link rel="self" type="application/atom+xml" href="https://www.bmj.com/rss/recent.xml"/>\n'
        '<link rel="alternate" type="text/html" href="https://www.bmj.com/"/>\n'
        "<id>https://www.bmj.com/</id>\n<updated>%s</updated>\n"
        "<icon>https://www.bmj.com/sites/default/files/favicon.ico</icon>\n"
        "<rights>Copyright 2026 BMJ Publishing Group Ltd</rights>\n%s\n</feed>\n"
        % (iso(NOW), "\n".join(out)))
    return write("bmj.atom", text), len(out)


def write_jama():
    items = sorted(jama.ITEMS, key=lambda i: i["date"], reverse=True)
    out = []
    for item in items:
        number, doi, cite = jama.identifiers(item)
        url = "https://jamanetwork.com/journals/jama/fullarticle/%d" % number
        moment = when(item, hours=(11, 12), tz=EST)
        authors = item.get("authors") or people.full_names(item["title"], item.get("n", 5))
        body = jama.body(item) + "<p>%s</p>" % esc(cite)
        out.append(
            "<item>\n<title>%s</title>\n<link>%s</link>\n<description>%s</description>\n"
            '<guid isPermaLink="false">jama-%d</guid>\n<pubDate>%s</pubDate>\n'
            "<category>%s</category>\n<dc:creator>%s</dc:creator>\n</item>"
            % (esc(item["title"]), esc(url), cdata(body), number, rfc822(moment, zone_name="GMT"),
               esc(item["type"]), esc("; ".join(authors))))
    text = (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:atom="http://www.w3.org/2005/Atom">\n<channel>\n'
        "<title>JAMA Current Issue</title>\n<link>https://jamanetwork.com/journals/jama</link>\n"
        '<atom:link href="https://jamanetwork.com/rss/site_3/67.xml" rel="self" type="application/rss+xml"/>\n'
        "<description>JAMA: The Journal of the American Medical Association - Current Issue"
        "</description>\n<language>en-us</language>\n<copyright>Copyright 2026 American Medical "
        "Association. All Rights Reserved.</copyright>\n<lastBuildDate>%s</lastBuildDate>\n"
        "<ttl>60</ttl>\n%s\n</channel>\n</rss>\n" % (rfc822(NOW, zone_name="GMT"), "\n".join(out)))
    return write("jama.rss", text), len(out)


def write_podcast():
    items = sorted(nejm_podcast.ITEMS, key=lambda i: i["date"], reverse=True)
    out = []
    for item in items:
        moment = when(item, hours=(17, 18), tz=EST)
        out.append(
            "<item>\n<title>%s</title>\n<link>%s</link>\n<description>%s</description>\n"
            "<content:encoded>%s</content:encoded>\n"
            '<enclosure url="%s" length="%d" type="audio/mpeg"/>\n'
            '<guid isPermaLink="false">%s</guid>\n<pubDate>%s</pubDate>\n'
            "<itunes:duration>%s</itunes:duration>\n<itunes:episode>%d</itunes:episode>\n"
            "<itunes:explicit>false</itunes:explicit>\n<itunes:summary>%s</itunes:summary>\n</item>"
            % (esc(item["title"]), esc(item["link"]), esc(item["summary"]),
               cdata(html_paragraphs(item["notes"])), attr(item["audio"]), item["bytes"],
               item["guid"], rfc822(moment, EST), item["duration"], item["episode"],
               esc(item["summary"])))
    text = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
        'xmlns:atom="http://www.w3.org/2005/Atom">\n<channel>\n'
        "<title>NEJM This Week</title>\n<link>https://www.nejm.org/podcasts</link>\n"
        '<atom:link href="https://feeds.nejm.org/nejm-this-week.rss" rel="self" type="application/rss+xml"/>\n'
        "<description>Audio summaries of each week's issue of the New England Journal of "
        "Medicine, with the editors' picks and interviews with authors.</description>\n"
        "<language>en-us</language>\n<copyright>© 2026 Massachusetts Medical Society</copyright>\n"
        "<itunes:author>NEJM Group</itunes:author>\n"
        '<itunes:image href="https://www.nejm.org/pb-assets/podcasts/nejm-this-week-3000.jpg"/>\n'
        '<itunes:category text="Health &amp; Fitness"><itunes:category text="Medicine"/></itunes:category>\n'
        "<itunes:explicit>false</itunes:explicit>\n<itunes:type>episodic</itunes:type>\n"
        "%s\n</channel>\n</rss>\n" % "\n".join(out))
    return write("nejm-this-week.rss", text), len(out)


def write_pubmed():
    items = sorted(pubmed.ITEMS, key=lambda i: i["date"], reverse=True)
    query_id = "1xG7mRk0qPzLw3VfN8sTbYc2HdJ5eUa9oQiKr4WnZy6MvCl"
    out = []
    for rank, item in enumerate(items):
        pmid, doi = pubmed.identifiers(item)
        moment = dt.datetime.fromisoformat(item["date"] + " 06:00").replace(tzinfo=EST)
        stamp = moment.strftime("%Y%m%d")
        link = ("https://pubmed.ncbi.nlm.nih.gov/%d/?utm_source=Other&utm_medium=rss"
                "&utm_campaign=pubmed-2&utm_content=%s&fc=%s000000&ff=%s000000&v=2.18.0.post9"
                % (pmid, query_id, stamp, stamp))
        authors = item.get("authors") or people.pubmed_names(item["title"], item.get("n", 6))
        body = ('<div><p style="color: #4aa564;">%s</p><p>%s</p>'
                '<p style="color: lightgray">PMID:<a href="https://pubmed.ncbi.nlm.nih.gov/%d/">%d</a>'
                ' | DOI:<a href=https://doi.org/%s>%s</a></p></div>'
                % (esc(item["citation"]), html_paragraphs(item["abstract"])[3:-4], pmid, pmid, doi, doi))
        creators = "".join("<dc:creator>%s</dc:creator>\n" % esc(a) for a in authors)
        out.append(
            "<item>\n<title>%s</title>\n<link>%s</link>\n<description>%s</description>\n"
            "<content:encoded>%s</content:encoded>\n%s<dc:date>%s</dc:date>\n"
            "<dc:source>%s</dc:source>\n<dc:identifier>pmid:%d</dc:identifier>\n"
            "<dc:identifier>doi:%s</dc:identifier>\n<guid isPermaLink=\"false\">pubmed:%d</guid>\n"
            "<pubDate>%s</pubDate>\n</item>"
            % (esc(item["title"]), esc(link), esc(body), cdata(body), creators,
               moment.date().isoformat(), esc(item["journal"]), pmid, doi, pmid,
               rfc822(moment, EST)))
    term = ('("heart failure"[MeSH Terms] OR "atrial fibrillation"[MeSH Terms]) AND (sglt2 OR '
            '"sodium-glucose" OR glp-1 OR semaglutide OR tirzepatide OR finerenone)')
    text = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/">\n<channel>\n'
        "<title>cardiometabolic drugs in HF and AF - PubMed</title>\n"
        "<link>https://pubmed.ncbi.nlm.nih.gov/rss/search/%s/?limit=50&amp;utm_campaign=pubmed-2"
        "&amp;fc=20261127000000</link>\n<description>NCBI: db=pubmed; Term=%s</description>\n"
        "<language>en-us</language>\n<lastBuildDate>%s</lastBuildDate>\n<pubDate>%s</pubDate>\n"
        "<docs>https://validator.w3.org/feed/docs/rss2.html</docs>\n<generator>PubMed RSS feeds (2.18.0.post9)</generator>\n"
        "<ttl>120</ttl>\n%s\n</channel>\n</rss>\n"
        % (query_id, esc(term), rfc822(NOW, EST), rfc822(NOW, EST), "\n".join(out)))
    return write("pubmed-cardiometabolic.rss", text), len(out)


def write_medrxiv():
    items = sorted(medrxiv.ITEMS, key=lambda i: i["date"], reverse=True)
    seq, out = [], []
    for item in items:
        doi = medrxiv.doi(item)
        url = "http://medrxiv.org/cgi/content/short/%sv%d?rss=1" % (doi[len("10.1101/"):],
                                                                   item.get("version", 1))
        authors = item.get("authors") or people.full_names(item["title"], item.get("n", 7))
        seq.append('<rdf:li rdf:resource="%s"/>' % attr(url))
        out.append(
            '<item rdf:about="%s">\n<title>%s</title>\n<link>%s</link>\n<description>%s</description>\n'
            "<dc:creator>%s</dc:creator>\n<dc:date>%s</dc:date>\n<dc:identifier>doi:%s</dc:identifier>\n"
            "<dc:title>%s</dc:title>\n<dc:publisher>Cold Spring Harbor Laboratory Press</dc:publisher>\n"
            "<prism:publicationDate>%s</prism:publicationDate>\n<prism:section>%s</prism:section>\n</item>"
            % (attr(url), cdata(item["title"]), esc(url), cdata(item["abstract"]),
               cdata(", ".join(authors)), item["date"], doi, cdata(item["title"]), item["date"],
               cdata(item["subject"])))
    text = (
        '<rdf:RDF xmlns:admin="http://webns.net/mvcb/" xmlns="http://purl.org/rss/1.0/" '
        'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
        'xmlns:prism="http://purl.org/rss/1.0/modules/prism/" '
        'xmlns:taxo="http://purl.org/rss/1.0/modules/taxonomy/" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:syn="http://purl.org/rss/1.0/modules/syndication/">\n'
        '<channel rdf:about="http://medrxiv.org">\n'
        '<admin:errorReportsTo rdf:resource="mailto:medrxiv@cshlpress.edu"/>\n'
        "<title>medRxiv Subject Collection: All Subjects</title>\n<link>http://medrxiv.org</link>\n"
        "<description>\nThis feed contains articles for medRxiv Subject Collection \"All Subjects\"\n"
        "</description>\n\n<items>\n<rdf:Seq>\n%s\n</rdf:Seq>\n</items>\n"
        "<prism:eIssn/>\n<prism:publicationName>medRxiv</prism:publicationName>\n"
        "<prism:issn/>\n</channel>\n%s\n</rdf:RDF>\n" % ("\n".join(seq), "\n".join(out)))
    return write("medrxiv.rdf", text), len(out)
