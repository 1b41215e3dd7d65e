"""``articles.parquet``: one row per input article (or feed entry) read, and per input rejected.

It says what became of each input: analysed this run, unchanged since the last (incremental runs), or
rejected with the reason and the fix; where its publication date was found (``published_from``); how many
time expressions and events it gave. Rows come in input order, the rejected inputs after the articles.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import polars as pl

from chronique.model import Article, Rejection

ARTICLES_SCHEMA: Mapping[str, pl.DataType] = {
    "article_id": pl.String(),
    "source": pl.String(),  # the file; for a feed entry FILE#N
    "title": pl.String(),
    "url": pl.String(),
    "published": pl.Date(),
    "published_from": pl.String(),  # meta, jsonl, feed, feed:updated, html:json-ld, html:meta:…, html:time, …
    "language": pl.String(),  # fr, or unknown (too short to tell)
    "chars": pl.Int64(),  # characters of the text analysed
    "n_timexes": pl.Int64(),
    "n_events": pl.Int64(),
    "status": pl.String(),  # analysed, unchanged, rejected
    "reason": pl.String(),  # why rejected, and the fix; null otherwise
}
STATUSES = ("analysed", "unchanged", "rejected")


@dataclass(frozen=True, slots=True)
class ArticleInfo:
    """What ``articles.parquet`` keeps of an article read: its metadata, not its text."""

    article_id: str
    source: str
    title: str | None
    url: str | None
    published: dt.date
    published_from: str
    language: str
    chars: int

    @classmethod
    def of(cls, article: Article) -> ArticleInfo:
        return cls(
            article.id,
            article.source,
            article.title,
            article.url,
            article.published,
            article.published_from,
            article.language,
            len(article.text),
        )


def empty_articles() -> pl.DataFrame:
    """An ``articles.parquet`` frame with no row."""
    return pl.DataFrame(schema=dict(ARTICLES_SCHEMA))


def build_articles(
    read: Iterable[ArticleInfo],
    rejections: Iterable[Rejection],
    *,
    status: Mapping[str, str],
    timexes: Mapping[str, int],
    events: Mapping[str, int],
) -> pl.DataFrame:
    """The frame of the articles read (``status``: id → analysed or unchanged) and of the inputs rejected."""
    rows: list[dict[str, object]] = []
    for info in read:
        state = status[info.article_id]
        if state not in STATUSES[:2]:
            raise ValueError(f"article {info.article_id}: status {state!r} is not analysed or unchanged")
        rows.append(
            {
                "article_id": info.article_id,
                "source": info.source,
                "title": info.title,
                "url": info.url,
                "published": info.published,
                "published_from": info.published_from,
                "language": info.language,
                "chars": info.chars,
                "n_timexes": timexes.get(info.article_id, 0),
                "n_events": events.get(info.article_id, 0),
                "status": state,
                "reason": None,
            }
        )
    for rejection in rejections:
        rows.append(
            {
                "article_id": rejection.article_id,
                "source": rejection.source,
                "status": "rejected",
                "reason": f"{rejection.reason} — {rejection.fix}",
            }
        )
    if not rows:
        return empty_articles()
    return pl.DataFrame(rows, schema=dict(ARTICLES_SCHEMA))


def events_per_article(timeline: pl.DataFrame) -> dict[str, int]:
    """article_id → its number of rows (events) in a timeline frame."""
    counts = timeline.group_by("article_id").len()
    return dict(zip(counts["article_id"].to_list(), counts["len"].to_list(), strict=True))
