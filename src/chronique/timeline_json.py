"""``timeline.json``: the story in TimelineJS 3's JSON format, to load into TimelineJS as it is.

One slide per story event: ``start_date``/``end_date`` as ``{year, month, day}`` numbers (a month or a year
event leaves out what its grain does not say), ``text.headline`` (the summary) and ``text.text`` (the
evidence and sources), ``group`` (the modality, in French), ``unique_id`` (the story's ``event_id``).
TimelineJS renders ``headline`` and ``text`` as HTML, so every article string is escaped for HTML here.
Unfactual events (questions, negations, hypotheses) are left out: TimelineJS shows every slide as a fact.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import polars as pl

from chronique.model import UNFACTUAL_MODALITIES, Grain, Modality
from chronique.timeline_html import article_sources, escape_html

JSON_NAME = "timeline.json"

MODALITY_GROUPS = {
    Modality.ASSERTED: "Faits",
    Modality.REPORTED: "Propos rapportés",
    Modality.ALLEGED: "Allégations",
    Modality.PLANNED: "Prévu",
}

# What each grain says of a date: a month event has no day, a year event no month.
_YEAR_ONLY = frozenset({Grain.YEAR, Grain.DECADE, Grain.CENTURY, Grain.HALF_YEAR})
_NO_DAY = frozenset({Grain.MONTH, Grain.QUARTER, Grain.SEASON})


def timeline_date(day: dt.date, grain: str) -> dict[str, int]:
    """A TimelineJS date object: ``year``, and ``month``/``day`` when the grain says them."""
    if grain in _YEAR_ONLY:
        return {"year": day.year}
    if grain in _NO_DAY:
        return {"year": day.year, "month": day.month}
    return {"year": day.year, "month": day.month, "day": day.day}


def _slide_text(row: dict[str, Any], sources: dict[str, tuple[str | None, str | None]]) -> str:
    parts = [f"<p>« {escape_html(sentence)} »</p>" for sentence in row["evidence"] or []]
    if row["speaker"]:
        parts.append(f"<p>Selon : {escape_html(row['speaker'])}</p>")
    cited = []
    for article_id in row["article_ids"] or []:
        title, url = sources.get(article_id, (None, None))
        name = escape_html(title or article_id)
        if url and url.startswith(("https://", "http://")):
            cited.append(f'<a href="{escape_html(url)}" rel="noopener noreferrer">{name}</a>')
        else:
            cited.append(name)
    if cited:
        parts.append("<p>Sources : " + " ; ".join(cited) + "</p>")
    return "".join(parts)


def story_timelinejs(
    story: pl.DataFrame, timeline: pl.DataFrame, title: str = "Chronologie"
) -> dict[str, Any]:
    """The TimelineJS document of a story frame (``story.STORY_SCHEMA``); sources from ``timeline``."""
    sources = article_sources(timeline)
    events: list[dict[str, Any]] = []
    ordered = story.sort(["date_start", "date_end", "event_id"], nulls_last=True)
    for row in ordered.iter_rows(named=True):
        if row["modality"] in UNFACTUAL_MODALITIES or row["date_start"] is None:
            continue
        slide: dict[str, Any] = {
            "start_date": timeline_date(row["date_start"], row["grain"]),
            "text": {"headline": escape_html(row["summary"] or ""), "text": _slide_text(row, sources)},
            "group": MODALITY_GROUPS.get(row["modality"], "Faits"),
            "unique_id": row["event_id"],
            "autolink": False,
        }
        if row["date_end"] is not None and row["date_end"] != row["date_start"]:
            slide["end_date"] = timeline_date(row["date_end"], row["grain"])
        events.append(slide)
    headline = escape_html(title)
    return {
        "title": {"text": {"headline": headline, "text": f"<p>{len(events)} événements</p>"}},
        "events": events,
    }


def render_timeline_json(story: pl.DataFrame, timeline: pl.DataFrame, title: str = "Chronologie") -> str:
    """``timeline.json``: the TimelineJS document, UTF-8 JSON, one key order."""
    return json.dumps(story_timelinejs(story, timeline, title), ensure_ascii=False, indent=1) + "\n"
