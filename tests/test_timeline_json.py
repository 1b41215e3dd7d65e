"""``timeline.json``: TimelineJS 3's documented fields and types, on the seed and on a multi-article story."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest

from chronique.outputs import WRITERS
from chronique.timeline_json import JSON_NAME, render_timeline_json, timeline_date
from tests.story_frames import (
    HOSTILE_SENTENCE,
    HOSTILE_SUMMARY,
    HOSTILE_TITLE,
    HOSTILE_URL,
    seed_rows,
    seed_story,
    story_event,
    story_frame,
    timeline_frame,
)

DATE_KEYS = {"year", "month", "day", "hour", "minute", "second", "millisecond", "display_date", "format"}


def check_date(date: dict[str, Any]) -> None:
    """A TimelineJS date object: ``year`` required, every part a number, months 1-12, days 1-31."""
    assert set(date) <= DATE_KEYS
    assert isinstance(date["year"], int)
    assert all(isinstance(date[key], int) for key in set(date) - {"display_date", "format"})
    assert 1 <= date.get("month", 1) <= 12 and 1 <= date.get("day", 1) <= 31


def check_document(document: dict[str, Any]) -> None:
    """The documented shape: ``events`` (slides), an optional ``title`` slide; a slide's fields and types."""
    assert set(document) <= {"events", "title", "eras", "scale"}
    assert isinstance(document["title"]["text"]["headline"], str)
    assert isinstance(document["events"], list)
    for slide in document["events"]:
        assert set(slide) <= {
            "start_date",
            "end_date",
            "text",
            "media",
            "group",
            "display_date",
            "background",
            "autolink",
            "unique_id",
        }
        check_date(slide["start_date"])
        if "end_date" in slide:
            check_date(slide["end_date"])
            start, end = slide["start_date"], slide["end_date"]
            assert (start["year"], start.get("month", 1), start.get("day", 1)) <= (
                end["year"],
                end.get("month", 1),
                end.get("day", 1),
            )
        assert set(slide["text"]) == {"headline", "text"}
        assert all(isinstance(value, str) for value in slide["text"].values())
        assert isinstance(slide["group"], str) and slide["group"]
        assert isinstance(slide["unique_id"], str) and slide["unique_id"]
        assert slide["autolink"] is False
    ids = [slide["unique_id"] for slide in document["events"]]
    assert len(ids) == len(set(ids))


def test_timeline_json_is_a_registered_output() -> None:
    assert JSON_NAME in WRITERS


@pytest.mark.parametrize(
    ("grain", "expected"),
    [
        ("day", {"year": 2022, "month": 9, "day": 10}),
        ("week", {"year": 2022, "month": 9, "day": 10}),
        ("month", {"year": 2022, "month": 9}),
        ("quarter", {"year": 2022, "month": 9}),
        ("year", {"year": 2022}),
        ("decade", {"year": 2022}),
    ],
)
def test_a_date_says_what_its_grain_says(grain: str, expected: dict[str, int]) -> None:
    assert timeline_date(dt.date(2022, 9, 10), grain) == expected


def test_the_seed() -> None:
    document = json.loads(render_timeline_json(seed_story(), timeline_frame(seed_rows())))
    check_document(document)
    slides = document["events"]
    assert [slide["start_date"] for slide in slides] == [
        {"year": 2022, "month": 4},
        {"year": 2022, "month": 9, "day": 8},
        {"year": 2022, "month": 9, "day": 9},
        {"year": 2022, "month": 9, "day": 10},
        {"year": 2022, "month": 9, "day": 10},
        {"year": 2022, "month": 9, "day": 10},
    ]
    assert "end_date" not in slides[1]
    assert slides[0]["end_date"] == {"year": 2022, "month": 4}
    headline = "L&#x27;offensive ukrainienne a commencé dans la région de Kharkov"
    assert slides[1]["text"]["headline"] == headline
    assert slides[1]["text"]["text"].startswith("<p>« L&#x27;offensive ukrainienne à grande échelle")
    assert {slide["group"] for slide in slides} == {"Faits", "Propos rapportés"}


def test_a_multi_article_story_cites_every_source_and_leaves_out_unfactual_events() -> None:
    story = story_frame(
        [
            story_event(
                "Le pont est inauguré",
                dt.date(2022, 9, 10),
                article_ids=["a", "b"],
                evidence=["Le maire a inauguré samedi le pont.", "Le pont a été inauguré samedi."],
            ),
            story_event("Le maire a-t-il menti", dt.date(2022, 9, 11), modality="question"),
            story_event(
                "La grève durera",
                dt.date(2022, 9, 12),
                dt.date(2022, 9, 20),
                modality="planned",
                article_ids=["b"],
            ),
        ]
    )
    timeline = timeline_frame(
        [
            {"article_id": "a", "title": "Lyon inaugure", "url": "https://exemple.fr/a"},
            {"article_id": "b", "title": "Le pont & la ville", "url": None},
        ]
    )
    document = json.loads(render_timeline_json(story, timeline))
    check_document(document)
    first, second = document["events"]
    assert first["text"]["text"] == (
        "<p>« Le maire a inauguré samedi le pont. »</p><p>« Le pont a été inauguré samedi. »</p>"
        '<p>Sources : <a href="https://exemple.fr/a" rel="noopener noreferrer">Lyon inaugure</a> ; '
        "Le pont &amp; la ville</p>"
    )
    assert (second["group"], second["end_date"]) == ("Prévu", {"year": 2022, "month": 9, "day": 20})


def test_hostile_text_is_escaped_for_timelinejs_html() -> None:
    story = story_frame(
        [story_event(HOSTILE_SUMMARY, dt.date(2023, 3, 3), article_ids=["evil"], evidence=[HOSTILE_SENTENCE])]
    )
    timeline = timeline_frame([{"article_id": "evil", "title": HOSTILE_TITLE, "url": HOSTILE_URL}])
    document = json.loads(render_timeline_json(story, timeline))
    [slide] = document["events"]
    rendered = slide["text"]["headline"] + slide["text"]["text"]
    assert "<script" not in rendered and "<img" not in rendered and "<b " not in rendered
    assert "href" not in rendered  # a javascript: URL is never a link
    assert "&lt;/script&gt;" in slide["text"]["headline"]
