"""Reader of feeds, ``.xml`` / ``.rss`` / ``.atom`` (RSS 0.9x–2.0, Atom): an article per entry, by feedparser.

Each entry is one article, or one rejection named ``FILE#N`` (N counts the entries from 1): its text is its
content, else its summary; its date is its own ``pubDate``/``published`` (``published_from`` ``feed``), else
its ``updated`` (``feed:updated``). Its id is the feed's name and a hash of the entry's guid (or link), so
that it stays the same when the feed gains entries. Nothing is fetched: feedparser gets the bytes, and a feed
that declares XML entities (a bomb, or an entity naming a file or URL) is refused before it is parsed.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import hashlib
import re
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import defusedxml.ElementTree
import feedparser
import lxml.html
from defusedxml import DefusedXmlException

from chronique.model import Article, Options, Rejection
from chronique.read_html import capped_bytes
from chronique.validate import InvalidInput, check_id, check_text, language_of, words_file
from chronique.web_dates import FoundDate, check_not_after, file_time, parse_date

SUFFIXES = (".xml", ".rss", ".atom")
# An entity declaration in any form: a feed needs none, and they are what XML bombs and external entities
# are made of. Checked on the bytes, so that even a feed no XML parser accepts is refused before feedparser's
# lenient parser sees it.
_ENTITY_DECLARATION = re.compile(rb"<!ENTITY", re.IGNORECASE)
_BLOCK_TAGS = ("p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "section", "article")
_SPACES = re.compile(r"[ \t\r\f\v\xa0]+")
_BLANK_LINES = re.compile(r"\n\s*\n\s*")


def read_feed(path: Path, options: Options) -> Iterator[Article | Rejection]:
    """The entries of a feed, in the feed's order; a feed that cannot be read is one rejection."""
    try:
        feed = _parse(capped_bytes(path, options, "feed", "split the feed"))
        saved_at = file_time(path)
    except InvalidInput as bad:
        yield bad.rejection(str(path))
        return
    except OSError as err:
        yield Rejection(str(path), f"cannot read the file ({err.strerror})", "check that it is readable")
        return
    stem = re.sub(r"[^A-Za-z0-9_.-]", "_", path.stem)[:150] or "feed"
    for number, entry in enumerate(feed.entries, start=1):
        source = f"{path}#{number}"
        try:
            yield _article(entry, stem, source, saved_at, options)
        except InvalidInput as bad:
            yield bad.rejection(source)


def _refuse_entities(data: bytes) -> None:
    """Refuse entity declarations (billion laughs, ``SYSTEM "file:///etc/passwd"``) and external DTDs."""
    refusal = InvalidInput(
        "the feed declares XML entities or loads an external DTD (<!ENTITY …>, <!DOCTYPE … SYSTEM …>); "
        "chronique refuses them, since they can expand without end or name files and URLs",
        "remove the <!DOCTYPE …> block from the feed: an RSS or Atom feed needs none",
    )
    if _ENTITY_DECLARATION.search(data):
        raise refusal
    try:
        # defusedxml's hardened expat: entities and external references raise; a DTD alone is allowed
        # (RSS 0.91 declares Netscape's).
        defusedxml.ElementTree.fromstring(data, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except DefusedXmlException:
        raise refusal from None
    except defusedxml.ElementTree.ParseError:
        pass  # not well-formed: feedparser's lenient parser tries, and says below if it is no feed


def _parse(data: bytes) -> Any:  # feedparser's FeedParserDict (untyped)
    if not data.strip():
        raise InvalidInput("the feed is empty", "save the feed again, or remove the file")
    _refuse_entities(data)
    feed = feedparser.parse(
        data,  # bytes, never a URL or a path: feedparser opens nothing
        sanitize_html=True,  # scripts, styles and event handlers out of the entries' HTML
        resolve_relative_uris=False,  # links are not followed, so there is nothing to resolve them against
        response_headers={"content-type": "application/xml"},  # no HTTP: the bytes say their own encoding
    )
    if not feed.version and not feed.entries:
        problem = f" ({feed.bozo_exception})" if feed.bozo else ""
        raise InvalidInput(
            f"the file is not an RSS or Atom feed feedparser can read{problem}",
            "give an RSS 2.0 or Atom feed as saved from its address, or move the file out of the folder",
        )
    return feed


def _article(entry: Any, stem: str, source: str, saved_at: dt.datetime, options: Options) -> Article:
    text = _entry_text(entry)
    if not text:
        raise InvalidInput("the entry has no text (neither content nor summary)", "give the article's page")
    check_text(text, options)
    found = _entry_date(entry)
    if found is None:
        raise InvalidInput(
            "the entry has no date (no pubDate, published or updated)",
            "save the article's page (.html) instead, or add the entry's <pubDate>",
        )
    check_not_after(found, saved_at)
    key = str(entry.get("id") or entry.get("link") or text)
    article_id = check_id(f"{stem}-{hashlib.sha256(key.encode('utf-8')).hexdigest()[:12]}")
    return Article(
        article_id,
        found.day,
        text,
        source,
        title=_plain(entry.get("title")),
        url=_plain(entry.get("link")),
        published_at=found.moment,
        published_from=found.source,
        language=language_of(text, words_file(options.data_dir)),
    )


def _entry_text(entry: Any) -> str:
    """The entry's full content if it has one, else its summary, as plain text with paragraph breaks."""
    for content in entry.get("content") or []:
        if text := _fragment_text(str(content.get("value") or "")):
            return text
    return _fragment_text(str(entry.get("summary") or ""))


def _fragment_text(fragment: str) -> str:
    if not fragment.strip():
        return ""
    root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    for element in root.iter(*_BLOCK_TAGS):
        element.tail = "\n\n" + (element.tail or "")
    for element in root.iter("br"):
        element.tail = "\n" + (element.tail or "")
    lines = (_SPACES.sub(" ", line).strip() for line in root.text_content().split("\n"))
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


def _entry_date(entry: Any) -> FoundDate | None:
    for key, source in (("published", "feed"), ("updated", "feed:updated")):
        raw = str(entry.get(key) or "").strip()
        if not raw:
            continue
        # The date as written keeps its offset, hence its local day; feedparser's *_parsed is in UTC.
        if found := parse_date(raw, source):
            return found
        try:
            moment = email.utils.parsedate_to_datetime(raw)  # RFC 822, RSS's pubDate
        except (TypeError, ValueError):
            moment = None
        if moment is not None and moment.tzinfo is not None and 1800 <= moment.year <= 2100:
            return FoundDate(moment.date(), moment, source)
        parsed: time.struct_time | None = entry.get(f"{key}_parsed")
        if parsed is not None:  # another format feedparser knows; its UTC day
            day = dt.date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday)
            return FoundDate(day, None, source)
    return None


def _plain(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None
