"""The Atom feed of the newest articles (`feed.xml`), a page kind that is not Markdown.

Built with the standard library's ElementTree, so every value is escaped as XML text and the feed
is always well formed. Entry ids are `tag:` URIs from the article's slug (permanent whatever host
serves the site); links are relative to the feed, which Atom allows. The feed's `updated` is the
newest article's date, never the build time, so two builds of one input are byte-identical.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

import jinja2

from generator.models import Article, Page
from generator.pages.views import Catalogue

PATH = "feed.xml"
ATOM = "http://www.w3.org/2005/Atom"
FEED_ID = "tag:channel-record.github.io,2026:feed"
ENTRIES = 50  # the newest articles; the articles index lists them all
UNDATED = "1970-01-01T00:00:00Z"


def rfc3339(published: str | None) -> str:
    """A partial date (YYYY, YYYY-MM, YYYY-MM-DD) as an Atom timestamp, at its first day, noon UTC."""
    if not published:
        return UNDATED
    year, month, day = (published.split("-") + ["01", "01"])[:3]
    return f"{year}-{month}-{day}T12:00:00Z"


def render_feed(env: jinja2.Environment, catalogue: Catalogue) -> list[Page]:
    """`feed.xml`: the newest articles, each with its title, summary, outlet, date and link."""
    ET.register_namespace("", ATOM)
    newest = catalogue.newest_first()[:ENTRIES]
    feed = ET.Element(f"{{{ATOM}}}feed")
    _text(feed, "title", "Channel Crossings Record: new articles")
    _text(feed, "id", FEED_ID)
    _text(feed, "updated", rfc3339(newest[0].annotations.published.value) if newest else UNDATED)
    ET.SubElement(feed, f"{{{ATOM}}}link", href=".", rel="alternate")
    ET.SubElement(feed, f"{{{ATOM}}}link", href=PATH, rel="self")
    for article in newest:
        feed.append(_entry(article))
    ET.indent(feed)
    text = ET.tostring(feed, encoding="unicode", xml_declaration=True) + "\n"
    return [Page(PATH, text, None)]


def _entry(article: Article) -> ET.Element:
    annotations = article.annotations
    entry = ET.Element(f"{{{ATOM}}}entry")
    _text(entry, "title", article.title)
    _text(entry, "id", f"tag:channel-record.github.io,2026:articles/{article.slug}")
    _text(entry, "updated", rfc3339(annotations.published.value))
    ET.SubElement(entry, f"{{{ATOM}}}link", href=f"articles/{article.slug}/", rel="alternate")
    author = ET.SubElement(entry, f"{{{ATOM}}}author")
    _text(author, "name", annotations.outlet.value or "outlet unknown")
    if annotations.summary:
        _text(entry, "summary", " ".join(annotations.summary.split()))
    return entry


def _text(parent: ET.Element, name: str, value: str) -> None:
    ET.SubElement(parent, f"{{{ATOM}}}{name}").text = value
