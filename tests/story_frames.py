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
    reported: dt.date | None = None,
) -> dict[str, Any]:
    """One story row; ``reported``: its first article's publication day (default: its own day)."""
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
        "first_reported": reported or start,
        "importance": importance,
        "date_rank": date_rank,
    }


def story_frame(events: Sequence[dict[str, Any]]) -> pl.DataFrame:
    """Story rows as a frame of the story's schema."""
    return pl.DataFrame(list(events), schema=STORY_SCHEMA)


def seed_story() -> pl.DataFrame:
    """The seed's story, built by the story stage from its timeline rows (the golden file)."""
    return build_story(pl.DataFrame(seed_rows(), schema=TIMELINE_SCHEMA))


FIRST_SATURDAY = dt.date(2018, 11, 17)
SATURDAYS = 28


def saturdays_story() -> pl.DataFrame:
    """A story like the gilets jaunes': 28 Saturdays of protest, weekly from 17 November 2018 to 25 May
    2019, ranked in date order (the first Saturday rank 1), each told by three of 30 articles (``a00`` to
    ``a29``), amid what a collection also dates: a call to protest on 12 November 2018 (rank 29), a fire on
    27 August 2011 recalled in one article (rank 30), a monument built in 1836 and the strikes of 1995
    (years: no rank), fuel taxes raised from 2016 to 2018 (a period: no rank), and a question about 1 June
    2019 (rank 31: a day of questions only ranks last).

    Its default number of key dates (``story_rank.default_key_dates``), by hand: 30 articles give
    round(2 × √30) = 11; 28 days have two articles or more; the articles span 12 November 2018 to 1 June
    2019, 29 weeks; at most 40: min(40, 11, 29, 28) = 11.
    """
    recalled = dt.date(2018, 11, 20)  # the background is recalled by an article of the story
    events = [
        story_event(
            "ce monument construit",
            dt.date(1836, 1, 1),
            dt.date(1836, 12, 31),
            grain="year",
            article_ids=["a03"],
            date_rank=None,
            reported=recalled,
        ),
        story_event(
            "les grandes grèves",
            dt.date(1995, 1, 1),
            dt.date(1995, 12, 31),
            grain="year",
            article_ids=["a03"],
            date_rank=None,
            reported=recalled,
        ),
        story_event(
            "Le restaurant avait subi un incendie",
            dt.date(2011, 8, 27),
            article_ids=["a04"],
            date_rank=30,
            reported=recalled,
        ),
        story_event(
            "les taxes sur le carburant ont augmenté",
            dt.date(2016, 1, 1),
            dt.date(2018, 12, 31),
            grain="interval",
            article_ids=["a03"],
            date_rank=None,
            reported=recalled,
        ),
        story_event(
            "Un appel à bloquer les routes a été lancé",
            dt.date(2018, 11, 12),
            article_ids=["a00"],
            date_rank=29,
        ),
        *(
            story_event(
                f"Acte {week + 1} : les gilets jaunes ont manifesté",
                FIRST_SATURDAY + dt.timedelta(weeks=week),
                article_ids=[f"a{week + k:02d}" for k in range(3)],
                actors=["les gilets jaunes"],
                date_rank=week + 1,
            )
            for week in range(SATURDAYS)
        ),
        story_event(
            "Y aura-t-il un acte 29",
            dt.date(2019, 6, 1),
            article_ids=["a29"],
            modality="question",
            date_rank=31,
        ),
    ]
    return story_frame(events)
