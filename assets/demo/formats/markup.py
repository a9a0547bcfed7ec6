"""Shared pieces of the writers: escaping, stable pseudo-random times, date formats, output."""

import datetime as dt
import hashlib
import os

OUT_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

UTC = dt.timezone.utc
EST = dt.timezone(dt.timedelta(hours=-5))
EDT = dt.timezone(dt.timedelta(hours=-4))
NOW = dt.datetime(2026, 11, 27, 18, 0, tzinfo=UTC)  # "build time" of every feed


def esc(text):
    """Escape text for an XML element body."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def attr(text):
    return esc(text).replace('"', "&quot;")


def cdata(text):
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def digest(*parts):
    return int(hashlib.sha256("|".join(parts).encode()).hexdigest(), 16)


def when(item, hours=(7, 19), tz=UTC):
    """The item's moment: 'YYYY-MM-DD HH:MM' as written (UTC), or a date with a stable,
    title-derived time of day inside `hours` (local to tz) so the river does not line up
    on midnight."""
    raw = item["date"]
    if " " in raw:  # a written time to the minute; the second comes from the text
        second = digest(item.get("title") or item.get("text", ""), raw) % 60
        return dt.datetime.fromisoformat(raw).replace(second=second, tzinfo=UTC)
    day = dt.date.fromisoformat(raw)
    seed = digest(item.get("title") or item.get("text", ""), raw)
    minute = hours[0] * 60 + seed % ((hours[1] - hours[0]) * 60)
    local = dt.datetime(day.year, day.month, day.day, minute // 60, minute % 60,
                        (seed // 7919) % 60, tzinfo=tz)
    return local.astimezone(UTC)


def rfc822(moment, tz=UTC, zone_name=None, seconds=True):
    local = moment.astimezone(tz)
    fmt = "%a, %d %b %Y %H:%M:%S" if seconds else "%a, %d %b %Y %H:%M"
    zone = zone_name or local.strftime("%z")
    return local.strftime(fmt) + " " + zone


def iso(moment, tz=UTC):
    text = moment.astimezone(tz).isoformat(timespec="seconds")
    return text.replace("+00:00", "Z") if tz is UTC else text


def us_eastern(moment):
    """FDA and CDC stamp their feeds in US Eastern time with a named zone."""
    dst_end = dt.datetime(2026, 11, 1, 6, 0, tzinfo=UTC)  # first Sunday of November
    return (EDT, "EDT") if moment < dst_end else (EST, "EST")


def write(name, text):
    path = os.path.join(OUT_DIR, name)
    with open(path, "w", encoding="utf-8", newline="\n") as out:
        out.write(text)
    return path


def html_paragraphs(text):
    """Blank-line separated prose to <p> blocks; blocks starting with '<' are kept as HTML."""
    blocks = [b.strip() for b in text.strip().split("\n\n")]
    return "".join(b if b.startswith("<") else "<p>" + b + "</p>" for b in blocks)
