"""Social accounts: Mastodon account and hashtag RSS, Bluesky profile RSS."""

from .markup import attr, digest, esc, rfc822, when, write
from content import bluesky, mastodon_account, mastodon_tag


def mastodon_id(moment, salt):
    return (int(moment.timestamp() * 1000) << 16) + digest(salt) % 65536


def mastodon_item(post, default_author=None):
    """One status as Mastodon renders it in RSS; returns (moment, xml)."""
    moment = when(post)
    host, user = post.get("author", default_author)
    status = "https://%s/@%s/%d" % (host, user, mastodon_id(moment, post["text"]))
    tags = mastodon_account.hashtags(post["text"])
    body = mastodon_account.render(post["text"], tags, host)
    media = ""
    if post.get("image"):
        media = ('\n<media:content url="%s" type="image/jpeg" fileSize="%d" medium="image">'
                 '<media:rating scheme="urn:simple">nonadult</media:rating>'
                 '<media:description type="plain">%s</media:description></media:content>'
                 % (attr(post["image"][0]), 180000 + digest(post["text"]) % 240000,
                    esc(post["image"][1])))
    cats = "".join("\n<category>%s</category>" % esc(t.lower()) for t in tags)
    return moment, (
        '<item>\n<guid isPermaLink="true">%s</guid>\n<link>%s</link>\n<pubDate>%s</pubDate>\n'
        "<description>%s</description>%s%s\n</item>"
        % (status, status, rfc822(moment), esc(body), media, cats))


def write_mastodon_account():
    host, user = mastodon_account.ACCOUNT
    pairs = [mastodon_item(p, mastodon_account.ACCOUNT) for p in mastodon_account.POSTS]
    pairs.sort(key=lambda p: p[0], reverse=True)
    avatar = ("https://%s/system/accounts/avatars/111/402/337/905/118/202/original/7c1e2b9d40a3f5e6.jpg"
              % host)
    text = (
        '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" '
        'xmlns:webfeeds="http://webfeeds.org/rss/1.0" xmlns:media="http://search.yahoo.com/mrss/">\n'
        "<channel>\n<title>%s</title>\n<description>Public posts from @%s@%s</description>\n"
        "<link>https://%s/@%s</link>\n<image>\n<url>%s</url>\n<title>%s</title>\n"
        "<link>https://%s/@%s</link>\n</image>\n<lastBuildDate>%s</lastBuildDate>\n"
        "<webfeeds:icon>%s</webfeeds:icon>\n%s\n</channel>\n</rss>\n"
        % (esc(mastodon_account.DISPLAY_NAME), user, host, host, user, avatar,
           esc(mastodon_account.DISPLAY_NAME), host, user, rfc822(pairs[0][0]), avatar,
           "\n".join(p[1] for p in pairs)))
    return write("mastodon-hokafor.rss", text), len(pairs)


def write_mastodon_tag():
    host = mastodon_tag.INSTANCE
    pairs = [mastodon_item(p) for p in mastodon_tag.POSTS]
    pairs.sort(key=lambda p: p[0], reverse=True)
    text = (
        '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" '
        'xmlns:webfeeds="http://webfeeds.org/rss/1.0" xmlns:media="http://search.yahoo.com/mrss/">\n'
        "<channel>\n<title>#doctoctoc</title>\n<description>Public posts tagged #doctoctoc</description>\n"
        "<link>https://%s/tags/doctoctoc</link>\n<lastBuildDate>%s</lastBuildDate>\n"
        "<generator>Mastodon v4.5.2</generator>\n%s\n</channel>\n</rss>\n"
        % (host, rfc822(pairs[0][0]), "\n".join(p[1] for p in pairs)))
    return write("mastodon-doctoctoc.rss", text), len(pairs)


TID_ALPHABET = "234567abcdefghijklmnopqrstuvwxyz"


def bluesky_tid(moment, salt):
    """A Bluesky record key: microseconds since the epoch and a clock id, base32-sortable."""
    value = (int(moment.timestamp()) * 1_000_000 + digest(salt) % 1_000_000) << 10
    value |= digest(salt, "clock") % 1024
    out = ""
    for _ in range(13):
        out = TID_ALPHABET[value % 32] + out
        value //= 32
    return out


def write_bluesky():
    handle, did = bluesky.HANDLE, bluesky.DID
    out = []
    for post in sorted(bluesky.POSTS, key=lambda p: when(p), reverse=True):
        moment = when(post)
        rkey = bluesky_tid(moment, post["text"])
        text = post["text"]
        if post.get("embed"):
            text += "\n\n[contains quote post or other embedded content]"
        out.append(
            "<item><link>https://bsky.app/profile/%s/post/%s</link><description>%s</description>"
            '<pubDate>%s</pubDate><guid isPermaLink="false">at://%s/app.bsky.feed.post/%s</guid></item>'
            % (handle, rkey, esc(text).replace("\n", "&#xA;"),
               moment.strftime("%d %b %Y %H:%M +0000"), did, rkey))
    text = (
        '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><description>%s'
        "</description><link>https://bsky.app/profile/%s</link><title>@%s - %s</title>%s"
        "</channel></rss>\n"
        % (esc(bluesky.BIO).replace("\n", "&#xA;"), handle, handle, esc(bluesky.DISPLAY_NAME),
           "".join(out)))
    return write("bluesky-rnair.rss", text), len(out)
