"""The story: the timeline's events merged across articles into story events, and the story's key dates.

``STORY_SCHEMA`` is the contract of ``story.parquet`` (one row per story event) and of every writer that
renders the story (``story.md``, ``timeline.html``, ``timeline.json``).
"""

from __future__ import annotations

import polars as pl

STORY_SCHEMA: dict[str, pl.DataType] = {
    "event_id": pl.String(),  # stable across runs: a digest of the event's first evidence
    "date_start": pl.Date(),
    "date_end": pl.Date(),  # inclusive
    "grain": pl.String(),  # a Grain
    "value": pl.String(),  # TIMEX3 value
    "summary": pl.String(),  # French: the representative evidence's summary
    "actors": pl.List(pl.String()),
    "places": pl.List(pl.String()),
    "modality": pl.String(),  # a Modality: the most factual of the merged mentions
    "speaker": pl.String(),  # who says so, for a reported or alleged event
    "n_articles": pl.Int64(),  # distinct articles that report it
    "n_mentions": pl.Int64(),  # timeline rows merged into it
    "article_ids": pl.List(pl.String()),
    "evidence": pl.List(pl.String()),  # sentences, the representative one first
    "first_reported": pl.Date(),  # the earliest publication date among its articles
    "importance": pl.Float64(),
    "date_rank": pl.Int64(),  # 1 = the story's most important date; all events of one date share it
}


def empty_story() -> pl.DataFrame:
    """A story with no events and the fixed schema."""
    return pl.DataFrame(schema=STORY_SCHEMA)
