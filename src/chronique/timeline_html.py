"""``timeline.html``: the story as one self-contained page (data, CSS and JavaScript inline; no request).

The page's code lives in ``web/timeline.js`` and ``web/timeline.css`` (package data); this module turns the
story frame into the JSON the page reads and inlines everything. Article text reaches the page only as JSON
in a ``<script type="application/json">`` block, escaped so that nothing in it can end that block, and the
page writes it with ``textContent`` only. A Content-Security-Policy with the hashes of the inline code
forbids every other script, style and request.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
from collections.abc import Mapping
from importlib.resources import files
from typing import Any

import polars as pl

from chronique.model import UNFACTUAL_MODALITIES
from chronique.story import key_date_count

HTML_NAME = "timeline.html"

# In JSON inside <script>: "<" could start "</script>" or "<!--", ">" and "&" are escaped alike, and U+2028/9
# end a line in old JavaScript parsers. JSON's \uXXXX escapes keep the data identical after JSON.parse.
_SCRIPT_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
_SCRIPT_UNSAFE = str.maketrans(_SCRIPT_ESCAPES)

_HTML_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;"})


def escape_html(text: str) -> str:
    """``text`` safe as HTML text and as a quoted attribute value."""
    return text.translate(_HTML_ESCAPES)


def script_json(value: object) -> str:
    """``value`` as JSON that is safe inside a ``<script>`` element (it cannot close or comment it)."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).translate(_SCRIPT_UNSAFE)


def _asset(name: str) -> str:
    return files("chronique").joinpath("web", name).read_text(encoding="utf-8")


def _csp_hash(code: str) -> str:
    digest = hashlib.sha256(code.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day is not None else None


def article_sources(timeline: pl.DataFrame) -> dict[str, tuple[str | None, str | None]]:
    """Each article's title and URL, from the timeline rows (the first row of an article that has them)."""
    sources: dict[str, tuple[str | None, str | None]] = {}
    for article_id, title, url in timeline.select("article_id", "title", "url").iter_rows():
        known = sources.get(article_id)
        if known is None or (known == (None, None) and (title or url)):
            sources[article_id] = (title, url)
    return sources


def story_payload(
    story: pl.DataFrame,
    timeline: pl.DataFrame,
    title: str = "Chronologie",
    *,
    key_dates: int | None = None,
) -> dict[str, Any]:
    """The data the page reads: the events (chronological), the articles they cite, the story's title, and
    how many key dates it marks.

    Articles are listed once and cited by index, so that a story of many events stays small. ``key_dates``
    is the run's ``Options.key_dates`` (``--key-dates``); the page marks the number ``story.md`` shows
    (``story.key_date_count``), so that both name the same days: the best-ranked days with a fact.
    """
    sources = article_sources(timeline)
    article_index: dict[str, int] = {}
    articles: list[dict[str, str | None]] = []
    events: list[dict[str, Any]] = []
    ordered = story.sort(
        ["date_start", "date_end", "importance", "event_id"],
        descending=[False, False, True, False],
        nulls_last=True,
    )
    for row in ordered.iter_rows(named=True):
        cited: list[int] = []
        for article_id in row["article_ids"] or []:
            if article_id not in article_index:
                article_index[article_id] = len(articles)
                title_of, url = sources.get(article_id, (None, None))
                articles.append({"id": article_id, "title": title_of, "url": url})
            cited.append(article_index[article_id])
        events.append(
            {
                "id": row["event_id"],
                "start": _iso(row["date_start"]),
                "end": _iso(row["date_end"]),
                "grain": row["grain"],
                "value": row["value"],
                "summary": row["summary"] or "",
                "actors": list(row["actors"] or []),
                "places": list(row["places"] or []),
                "modality": row["modality"],
                "speaker": row["speaker"],
                "evidence": list(row["evidence"] or []),
                "articles": cited,
                "nArticles": row["n_articles"],
                "firstReported": _iso(row["first_reported"]),
                "importance": row["importance"],
                "rank": row["date_rank"],
            }
        )
    return {
        "title": title,
        "events": events,
        "articles": articles,
        "unfactual": sorted(UNFACTUAL_MODALITIES),
        "keyDates": key_date_count(story, key_dates),
    }


def render_page(payload: Mapping[str, Any], script: str, style: str) -> str:
    """The whole page: the data block, the inline CSS and JavaScript, and the policy that pins them."""
    policy = "; ".join(
        [
            "default-src 'none'",
            f"script-src {_csp_hash(script)}",
            f"style-src {_csp_hash(style)}",
            "img-src data:",
            "base-uri 'none'",
            "form-action 'none'",
        ]
    )
    title = escape_html(str(payload["title"]))
    return _asset("timeline.html").format(
        policy=escape_html(policy),
        title=title,
        style=style,
        data=script_json(payload),
        script=script,
    )


def render_timeline_html(
    story: pl.DataFrame,
    timeline: pl.DataFrame,
    title: str = "Chronologie",
    *,
    key_dates: int | None = None,
) -> str:
    """``timeline.html`` of a story (``story.STORY_SCHEMA``); sources' titles and URLs from ``timeline``;
    ``key_dates``: the run's ``--key-dates`` (``None``: the story's default, as in ``story.md``)."""
    payload = story_payload(story, timeline, title, key_dates=key_dates)
    return render_page(payload, _asset("timeline.js"), _asset("timeline.css"))
