"""The publication date of a saved page, and where in the page it was found.

htmldate returns a date only; chronique must say where it came from (``articles.parquet``'s
``published_from``), so the places a news page states its own date are checked here first, in the order of
their trust: the JSON-LD ``datePublished`` of the article, the ``article:published_time`` and other meta
tags, a ``<time>`` element, the URL. Only a page that has none of them is left to htmldate's search of its
elements and text (``html:text``). Each place gives the original date, never ``dateModified`` or
``article:modified_time``. The clock is never read: the latest date accepted is the file's own time.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from htmldate import find_date
from lxml.html import HtmlElement

from chronique.validate import InvalidInput

# JSON-LD types of an article whose datePublished is the page's (schema.org's Article and its subtypes).
_ARTICLE_TYPE = re.compile(r"(Article|BlogPosting|LiveBlogPosting|Report)$")
# Meta tags that state the original publication, most trusted first; (attribute, value) pairs.
_META_TAGS = (
    ("property", "article:published_time"),
    ("property", "og:article:published_time"),
    ("itemprop", "datePublished"),
    ("name", "article:published_time"),
    ("name", "pubdate"),
    ("name", "publishdate"),
    ("name", "publication_date"),
    ("name", "parsely-pub-date"),
    ("name", "sailthru.date"),
    ("name", "dc.date.issued"),
    ("name", "dcterms.issued"),
    ("name", "date"),
)
_ISO_START = re.compile(r"\s*(\d{4})-(\d{2})-(\d{2})")
# /2022/09/10/, -2022-09-10-, /20220910/ in a URL's path
_URL_DATE = re.compile(r"[/_-](\d{4})[/_-]?(\d{2})[/_-]?(\d{2})(?=[/_.-]|$)")
_MAX_JSON_LD_CHARS = 1_000_000
# A page saved just after it was published may carry the second of its publication; clocks drift.
_CLOCK_SLACK = dt.timedelta(hours=1)
# A day given without its time may be the local day of a zone up to 14 hours ahead of UTC.
_DAY_SLACK = dt.timedelta(hours=14)
# htmldate's own floor: before the web, a date in a page's text is history, not its publication.
_HTMLDATE_MIN = "1995-01-01"


@dataclass(frozen=True, slots=True)
class FoundDate:
    """A publication date, the moment when the page gives one with its offset, and where it was found."""

    day: dt.date
    moment: dt.datetime | None
    source: str  # articles.parquet's published_from: "meta", "html:json-ld", "html:url", …


def file_time(path: Path) -> dt.datetime:
    """The file's modification time (UTC): the latest a date in it can be, since it was saved then."""
    return dt.datetime.fromtimestamp(path.stat().st_mtime, tz=dt.UTC)


def parse_date(text: str, source: str) -> FoundDate | None:
    """An ISO 8601 date or datetime as a page writes it; None for anything else (not a date, a bad year).

    A time without an offset keeps its day only: the zone it means is unknown.
    """
    match = _ISO_START.match(text)
    if match is None:
        return None
    try:
        day = dt.date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None
    if not 1800 <= day.year <= 2100:
        return None
    try:
        moment = dt.datetime.fromisoformat(text.strip().replace(" ", "T", 1))
    except ValueError:
        return FoundDate(day, None, source)
    if moment.tzinfo is None:
        return FoundDate(day, None, source)
    return FoundDate(moment.date(), moment, source)


def find_published(
    tree: HtmlElement, data: bytes, url: str | None, saved_at: dt.datetime
) -> FoundDate | None:
    """The page's publication date, from the most trusted place that has one; None if none has."""
    page_url = url or _canonical_url(tree)
    for found in (_json_ld(tree), _meta(tree), _time_element(tree), _url_date(page_url)):
        if found is not None:
            return found
    return _htmldate(data, page_url, saved_at)


def check_not_after(found: FoundDate, saved_at: dt.datetime) -> None:
    """Refuse a publication date after the file was saved: the page cannot have been published later."""
    late = (
        found.moment > saved_at + _CLOCK_SLACK
        if found.moment is not None
        else found.day > (saved_at + _DAY_SLACK).date()
    )
    if late:
        stated = found.moment.isoformat() if found.moment is not None else found.day.isoformat()
        raise InvalidInput(
            f"the publication date {stated} ({found.source}) is after the file's own time "
            f"{saved_at:%Y-%m-%d %H:%M} UTC: a page cannot be published after it was saved",
            'check the page\'s date, or give the right one in <id>.meta.json: {"published": "YYYY-MM-DD"}',
        )


def paywalled(tree: HtmlElement) -> bool:
    """Whether the page's JSON-LD marks it for subscribers only (schema.org ``isAccessibleForFree``)."""
    return any(
        str(item.get("isAccessibleForFree")).strip().lower() == "false" for item in _json_ld_objects(tree)
    )


def _json_ld_objects(tree: HtmlElement) -> Iterator[dict[str, object]]:
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json" or not script.text:
            continue
        if len(script.text) > _MAX_JSON_LD_CHARS:
            continue
        try:
            # strict=False: CMSs write raw newlines and tabs inside JSON-LD strings
            data: object = json.loads(script.text, strict=False)
        except (ValueError, RecursionError):
            continue  # a broken block is no evidence; the other places are checked
        yield from _objects(data)


def _objects(data: object) -> Iterator[dict[str, object]]:
    """Every JSON object of a JSON-LD block: the top one, those of its @graph or of a list of them, and the
    article a WebPage names as its ``mainEntity`` (not the other nested objects: videos, posts, authors)."""
    stack = [data]
    while stack:
        item = stack.pop(0)
        if isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, dict):
            yield item
            if isinstance(item.get("@graph"), list):
                stack.extend(item["@graph"])
            if isinstance(item.get("mainEntity"), dict | list):
                stack.append(item["mainEntity"])


def _types(item: dict[str, object]) -> list[str]:
    kind = item.get("@type")
    return [str(k) for k in kind] if isinstance(kind, list) else [str(kind)]


def _json_ld(tree: HtmlElement) -> FoundDate | None:
    dated = [item for item in _json_ld_objects(tree) if isinstance(item.get("datePublished"), str)]
    # The article's own object first: a page also describes its site, its breadcrumbs, its videos.
    dated.sort(key=lambda item: not any(_ARTICLE_TYPE.search(kind) for kind in _types(item)))
    for item in dated:
        if found := parse_date(str(item["datePublished"]), "html:json-ld"):
            return found
    return None


def _meta(tree: HtmlElement) -> FoundDate | None:
    tags = [(tag.attrib, (tag.get("content") or "").strip()) for tag in tree.iter("meta")]
    for attribute, wanted in _META_TAGS:
        for attributes, content in tags:
            named = (attributes.get(attribute) or "").strip().lower() == wanted.lower()
            if named and content and (found := parse_date(content, f"html:meta:{wanted}")):
                return found
    return None


def _time_element(tree: HtmlElement) -> FoundDate | None:
    times = [t for t in tree.iter("time") if t.get("datetime")]
    # The one marked as the publication, else the first of the article (a "mis à jour" comes after it).
    marked = [t for t in times if t.get("itemprop") == "datePublished" or t.get("pubdate") is not None]
    in_article = [t for t in times if any(a.tag in {"article", "main"} for a in t.iterancestors())]
    for element in marked + in_article[:1] + times[:1]:
        if found := parse_date(element.get("datetime", ""), "html:time"):
            return found
    return None


def _canonical_url(tree: HtmlElement) -> str | None:
    for link in tree.iter("link"):
        if (link.get("rel") or "").strip().lower() == "canonical" and link.get("href"):
            return str(link.get("href"))
    for tag in tree.iter("meta"):
        if (tag.get("property") or "").strip().lower() == "og:url" and tag.get("content"):
            return str(tag.get("content"))
    return None


def _url_date(url: str | None) -> FoundDate | None:
    if not url:
        return None
    path = re.sub(r"^[a-z]+://[^/]*", "", url)
    if (match := _URL_DATE.search(path)) is None:
        return None
    return parse_date(f"{match[1]}-{match[2]}-{match[3]}", "html:url")


def _htmldate(data: bytes, url: str | None, saved_at: dt.datetime) -> FoundDate | None:
    """htmldate's search of the page's elements and text, for a page that states its date nowhere else."""
    found = find_date(
        data,  # the bytes: htmldate parses its own copy, and fetches nothing
        url=url,  # only read for a date in it, never opened
        extensive_search=True,  # the fallback's point: dates in the elements and the text
        original_date=True,  # the first publication, not the last update
        outputformat="%Y-%m-%d",
        min_date=_HTMLDATE_MIN,
        # Not the clock (htmldate's default): a date after the file was saved is not its publication.
        max_date=saved_at.strftime("%Y-%m-%d"),
        deferred_url_extractor=False,
        verbose=False,
    )
    return parse_date(found, "html:text") if found else None
