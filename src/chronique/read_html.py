"""Reader of saved web pages, ``<id>.html`` / ``<id>.htm``: one article each, its main text by trafilatura,
its publication date from the page's own markup (`chronique.web_dates`).

An ``<id>.meta.json`` beside the page overrides what the page says (``published``, ``url``, ``title``).
Nothing is fetched and no script runs: the libraries are given the page's bytes, never a URL to open.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import trafilatura
from lxml.html import HtmlElement
from trafilatura.utils import load_html

from chronique.model import Article, Options, Rejection
from chronique.validate import (
    InvalidInput,
    check_id,
    check_text,
    language_of,
    load_meta,
    meta_path,
    optional_string,
    parse_published,
    words_file,
)
from chronique.web_dates import FoundDate, check_not_after, file_time, find_published, paywalled

SUFFIXES = (".html", ".htm")
# A saved page carries its scripts, styles and inline images: many times its text. Its cap follows the
# text's (max_text_chars), so that one option bounds both.
HTML_BYTES_PER_TEXT_CHAR = 8
# Shorter than this, what trafilatura keeps is a teaser, a list of links or a stub, not an article
# (trafilatura's own minimum for a whole extraction is 250 characters, MIN_EXTRACTED_SIZE).
MIN_ARTICLE_CHARS = 250
# A subscribers-only page (schema.org isAccessibleForFree: false) shorter than this is the paywall's teaser.
PAYWALL_STUB_CHARS = 1500
_CLOSING_TAG = re.compile(rb"</(html|body)\s*>", re.IGNORECASE)
_OPENING_TAG = re.compile(rb"<(html|body)[\s>]", re.IGNORECASE)
_META_FIX = '"published": "YYYY-MM-DD"'


@dataclass(frozen=True, slots=True)
class PageMeta:
    """What an ``<id>.meta.json`` beside a page says; None for a field it leaves to the page."""

    article_id: str
    published: FoundDate | None
    title: str | None
    url: str | None


def read_html_page(path: Path, options: Options) -> Iterator[Article | Rejection]:
    """The one article of a saved page, or the one rejection naming the file at fault and the fix."""
    suffix = next(s for s in SUFFIXES if path.name.endswith(s))
    meta_file = meta_path(path, suffix)
    source = meta_file
    try:
        meta = _page_meta(meta_file, path.name.removesuffix(suffix))
        source = path
        yield _article(path, meta, options)
    except InvalidInput as bad:
        yield bad.rejection(str(source))
    except OSError as err:
        yield Rejection(str(source), f"cannot read the file ({err.strerror})", "check that it is readable")


def _page_meta(meta_file: Path, default_id: str) -> PageMeta:
    if not meta_file.is_file():
        return PageMeta(check_id(default_id), None, None, None)
    record = load_meta(meta_file)
    published = None
    if record.get("published") is not None:
        day, when = parse_published(record["published"])
        published = FoundDate(day, when, "meta")
    article_id = check_id(default_id if record.get("id") is None else record["id"])
    return PageMeta(article_id, published, optional_string(record, "title"), optional_string(record, "url"))


def capped_bytes(path: Path, options: Options, what: str, fix: str) -> bytes:
    """The file's bytes, refused when over ``HTML_BYTES_PER_TEXT_CHAR × max_text_chars`` (a page or a feed:
    ``what``; ``fix``: what the user can do besides raising the option)."""
    limit = HTML_BYTES_PER_TEXT_CHAR * options.max_text_chars
    size = path.stat().st_size
    if size > limit:
        raise InvalidInput(
            f"the {what} is {size:,} bytes, more than the limit of {limit:,} "
            f"({HTML_BYTES_PER_TEXT_CHAR} bytes per character of max_text_chars={options.max_text_chars:,})",
            f"{fix}, or raise max_text_chars",
        )
    return path.read_bytes()


def _parse(data: bytes) -> HtmlElement:
    if not data.strip():
        raise InvalidInput("the page is empty", "save the page again, or remove the file")
    if b"\x00" in data[:8192]:
        raise InvalidInput("the file is binary data, not an HTML page", "save the page from the browser")
    # A page cut short (a download stopped half-way) still parses; its closing tags are what is missing.
    if _OPENING_TAG.search(data) and not _CLOSING_TAG.search(data):
        raise InvalidInput(
            "the page is truncated or broken: it opens <html> or <body> but never closes them",
            "save the page again in full (the browser's “Save page as…”, HTML only)",
        )
    tree = load_html(data)  # decodes by the page's declared charset, else by detection
    if tree is None:
        raise InvalidInput("the file is not an HTML page lxml can parse", "save the page again as HTML")
    return tree


def _extract(tree: HtmlElement, url: str | None) -> Any:  # trafilatura's Document (untyped)
    """trafilatura's extraction of the main text, title and URL. Each option is explicit, with why."""
    return trafilatura.bare_extraction(
        tree,
        url=url,  # only a name for the page (metadata, relative links); trafilatura never opens it
        with_metadata=True,  # the title and the canonical URL
        include_comments=False,  # readers' comments are not the article (issue 14)
        # Precision over recall: a lost paragraph costs less than an event taken from an "À lire aussi"
        # list, a cookie banner or a teaser of another article.
        favor_precision=True,
        fast=False,  # keep the fallback extractors (readability, jusText) for pages of unusual layout
        # Tables of news pages are results and schedules: their cells are not sentences, and dates in them
        # would date the wrong predicate.
        include_tables=False,
        include_images=False,
        include_links=False,
        include_formatting=False,
        # Deduplication keeps a cache across pages: the text of a page would depend on the pages read before.
        deduplicate=False,
        # The language is checked by chronique's own words (data/language_words.tsv), as for every input.
        target_language=None,
        # The date is chronique's (web_dates.find_published); trafilatura's own call to htmldate is kept
        # off the clock and to the markup only, which is cheap.
        date_extraction_params={"extensive_search": False, "original_date": True, "max_date": "2100-12-31"},
    )


def _article(path: Path, meta: PageMeta, options: Options) -> Article:
    data = capped_bytes(path, options, "page", "save the article's page alone (not a whole site or archive)")
    saved_at = file_time(path)
    tree = _parse(data)
    # The dates first: trafilatura prunes the tree it is given.
    found = meta.published or find_published(tree, data, meta.url, saved_at)
    subscribers_only = paywalled(tree)
    headline = _headline(tree)
    document = _extract(tree, meta.url)
    # One paragraph a line from trafilatura; a blank line between them, as in a .txt article.
    lines = (document.text or "").splitlines() if document is not None else []
    text = "\n\n".join(line.strip() for line in lines if line.strip())
    if len(text) < MIN_ARTICLE_CHARS:
        raise InvalidInput(
            f"the page has no article text: its main content is {len(text)} characters (fewer than "
            f"{MIN_ARTICLE_CHARS}); a list of links, a policy or a paywall stub",
            "give the article's own page, saved after it has loaded in full",
        )
    if subscribers_only and len(text) < PAYWALL_STUB_CHARS:
        raise InvalidInput(
            f"the page is a paywall stub: it is marked for subscribers only and holds {len(text)} characters",
            "save the page while signed in, so that it holds the whole article",
        )
    check_text(text, options)
    if found is None:
        raise InvalidInput(
            "no publication date found in the page (JSON-LD, meta tags, <time>, the URL or the text)",
            f"add {meta_path(path, path.suffix).name} with {{{_META_FIX}}}",
        )
    if found.source != "meta":
        check_not_after(found, saved_at)
    return Article(
        meta.article_id,
        found.day,
        text,
        str(path),
        title=meta.title or headline or _clean(document.title),
        url=meta.url or _clean(document.url),
        published_at=found.moment,
        published_from=found.source,
        language=language_of(text, words_file(options.data_dir)),
    )


def _headline(tree: HtmlElement) -> str | None:
    """The page's own headline: its Open Graph title, else its first <h1>. trafilatura's title comes last:
    on a live blog it can take the headline of one of the posts (their JSON-LD)."""
    for tag in tree.iter("meta"):
        is_og_title = (tag.get("property") or "").strip().lower() == "og:title"
        if is_og_title and (title := _clean(tag.get("content"))):
            return title
    for heading in tree.iter("h1"):
        if title := _clean(" ".join(heading.text_content().split())):
            return title
    return None


def _clean(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None
