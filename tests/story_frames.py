"""Story frames for the writers' tests, built by hand (``story.STORY_SCHEMA``): no story stage needed."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Sequence
from typing import Any

import polars as pl

from chronique.story import STORY_SCHEMA, build_story
from chronique.timeline import TIMELINE_SCHEMA
from tests.golden_io import GOLDEN

# An article built to break out of every context of the page: HTML text, attributes, <script> JSON, URLs.
HOSTILE_SUMMARY = (
    '</script><script>window.pwned=1</script><img src=x onerror="window.pwned=2"> l\'“attaque” & co'
)
HOSTILE_SENTENCE = (
    "Le 3 mars, <b onmouseover='window.pwned=3'>il</b> a dit \"</script><!--\" & '<svg onload=alert(1)>'"
    "\u2028fin\u2029."
)
HOSTILE_TITLE = '"><img src=x onerror=window.pwned=4> Titre <script>'
HOSTILE_URL = "javascript:window.pwned=5"


def seed_rows() -> list[dict[str, Any]]:
    """The seed's timeline rows (the golden file, checked by tests/test_golden.py)."""
    rows: list[dict[str, Any]] = json.loads((GOLDEN / "timeline.json").read_text(encoding="utf-8"))
    for row in rows:
        for column in ("published", "date_start", "date_end"):
            row[column] = dt.date.fromisoformat(row[column]) if row[column] else None
    return rows


def timeline_frame(rows: Sequence[dict[str, Any]]) -> pl.DataFrame:
    """Timeline rows as a frame (only the columns the writers read: article_id, title, url)."""
    return pl.DataFrame(
        [{"article_id": r["article_id"], "title": r.get("title"), "url": r.get("url")} for r in rows],
        schema={"article_id": pl.String(), "title": pl.String(), "url": pl.String()},
    )


def story_event(  # one argument per story column a test sets
    summary: str,
    start: dt.date,
    end: dt.date | None = None,
    *,
    grain: str = "day",
    article_ids: Sequence[str] = ("a",),
    evidence: Sequence[str] = (),
    actors: Sequence[str] = (),
    places: Sequence[str] = (),
    modality: str = "asserted",
    speaker: str | None = None,
    date_rank: int | None = 1,
    importance: float = 1.0,
) -> dict[str, Any]:
    """One story row."""
    return {
        "event_id": hashlib.sha256(f"{summary}|{start}".encode()).hexdigest()[:16],
        "date_start": start,
        "date_end": end or start,
        "grain": grain,
        "value": start.isoformat() if grain == "day" else start.isoformat()[:7],
        "summary": summary,
        "actors": list(actors),
        "places": list(places),
        "modality": modality,
        "speaker": speaker,
        "n_articles": len(set(article_ids)),
        "n_mentions": len(article_ids),
        "article_ids": list(article_ids),
        "evidence": list(evidence) or [summary + "."],
        "first_reported": start,
        "importance": importance,
        "date_rank": date_rank,
    }


def story_frame(events: Sequence[dict[str, Any]]) -> pl.DataFrame:
    """Story rows as a frame of the story's schema."""
    return pl.DataFrame(list(events), schema=STORY_SCHEMA)


def seed_story() -> pl.DataFrame:
    """The seed's story, built by the story stage from its timeline rows (the golden file)."""
    return build_story(pl.DataFrame(seed_rows(), schema=TIMELINE_SCHEMA))
