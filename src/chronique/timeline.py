"""The timeline table: one row per dated event, in a fixed schema, in a deterministic order.

The frame is what ``timeline.parquet`` holds and what ``timeline.md`` is rendered from.
"""

from __future__ import annotations

import logging
from collections.abc import Collection, Iterable
from typing import Any

import polars as pl

from chronique.model import ArticleResult, Event

logger = logging.getLogger(__name__)

TIMELINE_SCHEMA: dict[str, pl.DataType] = {
    "article_id": pl.String(),
    "published": pl.Date(),
    "date_start": pl.Date(),
    "date_end": pl.Date(),  # inclusive
    "grain": pl.String(),
    "value": pl.String(),
    "mod": pl.String(),
    "timex_text": pl.String(),
    "timex_start": pl.Int64(),
    "timex_end": pl.Int64(),
    "trigger": pl.String(),
    "lemma": pl.String(),
    "trigger_start": pl.Int64(),
    "trigger_end": pl.Int64(),
    "anchoring": pl.String(),
    "confidence": pl.Float64(),
    "modality": pl.String(),  # a Modality: filter out question, negated, hypothetical for facts only
    "speaker": pl.String(),  # who says so, for reported and alleged events, when the text names them
    "summary": pl.String(),
    "actors": pl.List(pl.String()),
    "places": pl.List(pl.String()),
    "sentence": pl.String(),
    "sentence_start": pl.Int64(),
    "sentence_end": pl.Int64(),
    "other_evidence": pl.List(pl.String()),
    "title": pl.String(),
    "url": pl.String(),
    "source": pl.String(),
}

SORT_COLUMNS = ("date_start", "date_end", "article_id", "trigger_start")


def empty_timeline() -> pl.DataFrame:
    """A timeline with no rows and the fixed schema."""
    return pl.DataFrame(schema=TIMELINE_SCHEMA)


def sort_timeline(frame: pl.DataFrame) -> pl.DataFrame:
    """Rows by date_start, date_end, article_id, trigger_start; ties keep their order (stable)."""
    return frame.sort(list(SORT_COLUMNS), maintain_order=True)


def concat_timelines(frames: Iterable[pl.DataFrame]) -> pl.DataFrame:
    """Several batches' rows as one timeline, sorted (an empty timeline when there is none)."""
    collected = list(frames)
    return sort_timeline(pl.concat(collected) if collected else empty_timeline())


def _event_row(result: ArticleResult, event: Event) -> dict[str, Any]:
    """One event as a row of the timeline (the caller has checked it is dated)."""
    article = result.article
    resolved = event.resolved
    return {
        "article_id": event.article_id,
        "published": article.published,
        "date_start": resolved.date_start,
        "date_end": resolved.date_end,
        "grain": str(resolved.grain),
        "value": resolved.value,
        "mod": resolved.mod,
        "timex_text": event.timex_text,
        "timex_start": event.timex_start,
        "timex_end": event.timex_end,
        "trigger": event.trigger,
        "lemma": event.lemma,
        "trigger_start": event.trigger_start,
        "trigger_end": event.trigger_end,
        "anchoring": str(event.anchoring),
        "confidence": float(event.confidence),
        "modality": str(event.modality),
        "speaker": event.speaker,
        "summary": event.summary,
        "actors": list(event.actors),
        "places": list(event.places),
        "sentence": event.evidence.sentence,
        "sentence_start": event.evidence.start,
        "sentence_end": event.evidence.end,
        "other_evidence": [evidence.sentence for evidence in event.more_evidence],
        "title": article.title,
        "url": article.url,
        "source": article.source,
    }


def build_timeline(results: Iterable[ArticleResult]) -> pl.DataFrame:
    """One row per event that has a calendar range, in the fixed schema, sorted (see ``sort_timeline``)."""
    columns: dict[str, list[Any]] = {name: [] for name in TIMELINE_SCHEMA}
    skipped = 0
    for result in results:
        for event in result.events:
            if event.resolved.date_start is None or event.resolved.date_end is None:
                # a reference ("récemment") or a bare duration has no place on a calendar
                skipped += 1
                continue
            for name, value in _event_row(result, event).items():
                columns[name].append(value)
    if skipped:
        logger.debug("skipped %d event(s) without a calendar range", skipped)
    # strict: a value of the wrong type is a bug upstream, better raised here than written to disk
    frame = pl.DataFrame(columns, schema=TIMELINE_SCHEMA, strict=True)
    return sort_timeline(frame)


def _check_schema(frame: pl.DataFrame, name: str) -> None:
    """Raise ValueError when a frame is not a timeline (e.g. a parquet file from another version)."""
    if dict(frame.schema) != TIMELINE_SCHEMA:
        raise ValueError(
            f"{name} timeline does not have the timeline schema: expected {list(TIMELINE_SCHEMA.items())}, "
            f"got {list(frame.schema.items())}"
        )


def merge_timelines(old: pl.DataFrame, new: pl.DataFrame, replaced_articles: Collection[str]) -> pl.DataFrame:
    """The old timeline without the rows of replaced articles, plus the new rows, re-sorted.

    Articles present in ``new`` also count as replaced, so that re-reading an article never duplicates
    its rows even if the caller forgot to list it.
    """
    _check_schema(old, "old")
    _check_schema(new, "new")
    dropped = sorted(set(replaced_articles) | set(new.get_column("article_id").to_list()))
    kept = old.filter(~pl.col("article_id").is_in(dropped))
    return sort_timeline(pl.concat([kept, new], how="vertical"))
