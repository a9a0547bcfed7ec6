"""Colleagues' blogs: an Atom blog and a JSON Feed newsletter."""

import json

from .markup import NOW, attr, esc, html_paragraphs, iso, when, write
from content import blog, json_blog


def write_blog():
    out = []
    for item in sorted(blog.ITEMS, key=lambda i: i["date"], reverse=True):
        moment = when(item)
        url = "https://wardroundnotes.net/%s/%s/" % (moment.strftime("%Y/%m"), item["slug"])
        cats = "".join('<category term="%s"/>' % attr(c) for c in item["tags"])
        updated = item.get("updated")
        updated_at = when({"date": updated, "title": item["title"]}) if updated else moment
        out.append(
            "<entry>\n<title type=\"html\">%s</title>\n"
            '<link rel="alternate" type="text/html" href="%s"/>\n'
            "<id>tag:wardroundnotes.net,2026:%s</id>\n<published>%s</published>\n<updated>%s</updated>\n"
            "<author><name>Dr Miriam Castellanos</name><uri>https://wardroundnotes.net/about/</uri></author>\n"
            '%s\n<summary type="html">%s</summary>\n<content type="html" xml:base="%s">%s</content>\n</entry>'
            % (esc(item["title"]), attr(url), item["slug"], iso(moment, blog.TZ),
               iso(updated_at, blog.TZ), cats, esc(item["summary"]), attr(url),
               esc(html_paragraphs(item["body"]))))
    text = (
        '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">\n'
        "<title>Ward Round Notes</title>\n<subtitle>General medicine, cardiology and the evidence "
        "behind the morning ward round. Personal views, not medical advice.</subtitle>\n"
        '<link href="https://wardroundnotes.net/feed.xml" rel="self" type="application/atom+xml"/>\n'
        '<link href="https://wardroundnotes.net/" rel="alternate" type="text/html"/>\n'
        "<id>https://wardroundnotes.net/feed.xml</id>\n<updated>%s</updated>\n"
        '<generator uri="https://jekyllrb.com/" version="4.4.1">Jekyll</generator>\n'
        "<author><name>Dr Miriam Castellanos</name></author>\n%s\n</feed>\n"
        % (iso(NOW, blog.TZ), "\n".join(out)))
    return write("wardroundnotes.atom", text), len(out)


def write_json_blog():
    items = []
    for item in sorted(json_blog.ITEMS, key=lambda i: i["date"], reverse=True):
        moment = when(item, hours=(5, 8), tz=json_blog.TZ)
        url = "https://shiftchange.email/p/" + item["slug"]
        entry = {
            "id": url,
            "url": url,
            "title": item["title"],
            "content_html": html_paragraphs(item["body"]),
            "summary": item["summary"],
            "date_published": iso(moment, json_blog.TZ),
            "tags": item["tags"],
        }
        if item.get("image"):
            entry["image"] = item["image"]
        if item.get("external_url"):
            entry["external_url"] = item["external_url"]
        items.append(entry)
    feed = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": "Shift Change",
        "home_page_url": "https://shiftchange.email/",
        "feed_url": "https://shiftchange.email/feed.json",
        "description": "A weekly letter from the emergency department: one case, three papers, "
                       "and what changed on our shop floor.",
        "icon": "https://shiftchange.email/static/icon-512.png",
        "favicon": "https://shiftchange.email/static/favicon-64.png",
        "language": "en-US",
        "authors": [{"name": "Dr Kwame Asante-Boateng", "url": "https://shiftchange.email/about",
                     "avatar": "https://shiftchange.email/static/kwame.jpg"}],
        "items": items,
    }
    return write("shiftchange.json", json.dumps(feed, indent=2, ensure_ascii=False) + "\n"), len(items)
