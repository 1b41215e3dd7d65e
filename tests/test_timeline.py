"""Tests for the timeline table: fixed schema, one row per dated event, deterministic order, merging."""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest

from chronique.model import (
    Anchoring,
    Article,
    ArticleResult,
    Event,
    Evidence,
    Grain,
    Modality,
    ResolvedValue,
    TimexType,
)
from chronique.timeline import TIMELINE_SCHEMA, build_timeline, merge_timelines

D = dt.date
PUBLISHED = D(2022, 9, 10)
THURSDAY = D(2022, 9, 8)


def resolved(
    value: str = "2022-09-08",
    grain: Grain = Grain.DAY,
    start: dt.date | None = THURSDAY,
    end: dt.date | None = None,
    mod: str | None = None,
) -> ResolvedValue:
    """A resolved value; ``end`` defaults to ``start`` (a single day)."""
    return ResolvedValue(value, TimexType.DATE, grain, start, end if end is not None else start, mod)


def event(
    article_id: str = "a1",
    value: ResolvedValue | None = None,
    *,
    trigger_start: int = 10,
    summary: str = "Le ministre annonce une réforme",
    anchoring: Anchoring = Anchoring.DIRECT,
) -> Event:
    """An event with plausible defaults."""
    return Event(
        article_id=article_id,
        trigger="annonce",
        lemma="annoncer",
        trigger_start=trigger_start,
        trigger_end=trigger_start + 7,
        resolved=value or resolved(),
        anchoring=anchoring,
        confidence=0.8,
        summary=summary,
        evidence=Evidence("Le ministre annonce jeudi une réforme.", 0, 38),
    )


def result(
    article_id: str, *events: Event, title: str | None = None, url: str | None = None
) -> ArticleResult:
    """An article result holding ``events``."""
    article = Article(
        id=article_id, published=PUBLISHED, text="…", source=f"{article_id}.txt", title=title, url=url
    )
    return ArticleResult(article=article, timexes=(), events=events)


EXPECTED_COLUMNS = [
    ("article_id", pl.String()),
    ("published", pl.Date()),
    ("date_start", pl.Date()),
    ("date_end", pl.Date()),
    ("grain", pl.String()),
    ("value", pl.String()),
    ("mod", pl.String()),
    ("timex_text", pl.String()),
    ("timex_start", pl.Int64()),
    ("timex_end", pl.Int64()),
    ("trigger", pl.String()),
    ("lemma", pl.String()),
    ("trigger_start", pl.Int64()),
    ("trigger_end", pl.Int64()),
    ("anchoring", pl.String()),
    ("confidence", pl.Float64()),
    ("modality", pl.String()),
    ("speaker", pl.String()),
    ("summary", pl.String()),
    ("actors", pl.List(pl.String())),
    ("places", pl.List(pl.String())),
    ("sentence", pl.String()),
    ("sentence_start", pl.Int64()),
    ("sentence_end", pl.Int64()),
    ("other_evidence", pl.List(pl.String())),
    ("title", pl.String()),
    ("url", pl.String()),
    ("source", pl.String()),
]


@pytest.mark.parametrize(
    "results",
    [pytest.param([], id="empty"), pytest.param([result("a1", event())], id="one-event")],
)
def test_schema_is_fixed(results: list[ArticleResult]) -> None:
    frame = build_timeline(results)
    assert list(frame.schema.items()) == EXPECTED_COLUMNS
    assert list(TIMELINE_SCHEMA.items()) == EXPECTED_COLUMNS


def test_row_holds_every_field() -> None:
    full = Event(
        article_id="a1",
        trigger="réunira",
        lemma="réunir",
        trigger_start=40,
        trigger_end=47,
        resolved=resolved("2022-09", Grain.MONTH, D(2022, 9, 1), D(2022, 9, 30), mod="START"),
        anchoring=Anchoring.PUBLICATION,
        confidence=0.5,
        summary="Le conseil se réunira",
        evidence=Evidence("Le conseil se réunira début septembre.", 30, 68),
        actors=("le conseil",),
        places=("Paris", "Lyon"),
        timex_text="début septembre",
        timex_start=52,
        timex_end=67,
        more_evidence=(Evidence("Une autre phrase.", 70, 87),),
        modality=Modality.REPORTED,
        speaker="le maire",
    )
    (row,) = build_timeline([result("a1", full, title="Titre", url="http://x")]).to_dicts()
    assert row == {
        "article_id": "a1",
        "published": D(2022, 9, 10),
        "date_start": D(2022, 9, 1),
        "date_end": D(2022, 9, 30),
        "grain": "month",
        "value": "2022-09",
        "mod": "START",
        "timex_text": "début septembre",
        "timex_start": 52,
        "timex_end": 67,
        "trigger": "réunira",
        "lemma": "réunir",
        "trigger_start": 40,
        "trigger_end": 47,
        "anchoring": "publication",
        "confidence": 0.5,
        "modality": "reported",
        "speaker": "le maire",
        "summary": "Le conseil se réunira",
        "actors": ["le conseil"],
        "places": ["Paris", "Lyon"],
        "sentence": "Le conseil se réunira début septembre.",
        "sentence_start": 30,
        "sentence_end": 68,
        "other_evidence": ["Une autre phrase."],
        "title": "Titre",
        "url": "http://x",
        "source": "a1.txt",
    }


def test_optional_fields_are_null() -> None:
    (row,) = build_timeline([result("a1", event())]).to_dicts()
    optional = ("mod", "timex_text", "timex_start", "timex_end", "title", "url", "speaker")
    assert {name: row[name] for name in optional} == dict.fromkeys(optional)
    assert row["modality"] == "asserted"  # Event.modality's default
    assert (row["actors"], row["places"], row["other_evidence"]) == ([], [], [])


SEPTEMBER = resolved("2022-09", Grain.MONTH, D(2022, 9, 1), D(2022, 9, 30))
SEPT_1 = resolved("2022-09-01", Grain.DAY, D(2022, 9, 1))
SEPT_8 = resolved("2022-09-08", Grain.DAY, D(2022, 9, 8))
SEPT_9 = resolved("2022-09-09", Grain.DAY, D(2022, 9, 9))


def keys(frame: pl.DataFrame) -> list[tuple[str, str, int]]:
    return list(zip(frame["article_id"], frame["value"], frame["trigger_start"], strict=True))


@pytest.mark.parametrize(
    ("results", "expected"),
    [
        pytest.param(
            [result("a1", event("a1", SEPT_8), event("a1", SEPTEMBER))],
            [("a1", "2022-09", 10), ("a1", "2022-09-08", 10)],
            id="month-starts-before-its-8th-day",
        ),
        pytest.param(
            [result("a1", event("a1", SEPTEMBER), event("a1", SEPT_1))],
            [("a1", "2022-09-01", 10), ("a1", "2022-09", 10)],
            id="same-start-shorter-range-first",
        ),
        pytest.param(
            [result("b", event("b", SEPT_8)), result("a", event("a", SEPT_8))],
            [("a", "2022-09-08", 10), ("b", "2022-09-08", 10)],
            id="two-articles-same-date-by-article-id",
        ),
        pytest.param(
            [result("a", event("a", SEPT_8, trigger_start=90), event("a", SEPT_8, trigger_start=5))],
            [("a", "2022-09-08", 5), ("a", "2022-09-08", 90)],
            id="same-article-same-date-by-trigger",
        ),
        pytest.param(
            [result("z", event("z", SEPT_8)), result("a", event("a", SEPT_9))],
            [("z", "2022-09-08", 10), ("a", "2022-09-09", 10)],
            id="date-before-article-id",
        ),
    ],
)
def test_sort_order(results: list[ArticleResult], expected: list[tuple[str, str, int]]) -> None:
    assert keys(build_timeline(results)) == expected


def test_sort_is_stable_for_full_ties() -> None:
    first, second = event(summary="premier"), event(summary="second")
    assert build_timeline([result("a1", first, second)])["summary"].to_list() == ["premier", "second"]


@pytest.mark.parametrize(
    "undated",
    [
        pytest.param(ResolvedValue("PAST_REF", TimexType.DATE, Grain.REF, None, None), id="ref"),
        pytest.param(ResolvedValue("P3D", TimexType.DURATION, Grain.DURATION, None, None), id="duration"),
        pytest.param(
            ResolvedValue("2022-09-08", TimexType.DATE, Grain.DAY, D(2022, 9, 8), None), id="no-end"
        ),
    ],
)
def test_undated_events_are_skipped(undated: ResolvedValue) -> None:
    frame = build_timeline([result("a1", event(value=undated), event(value=SEPT_8))])
    assert frame["value"].to_list() == ["2022-09-08"]


def test_merge_replaces_articles_and_resorts() -> None:
    old = build_timeline(
        [result("a1", event("a1", SEPT_9)), result("a2", event("a2", SEPT_8, summary="ancien"))]
    )
    new = build_timeline(
        [result("a2", event("a2", SEPT_9, summary="nouveau")), result("a3", event("a3", SEPT_1))]
    )
    merged = merge_timelines(old, new, replaced_articles={"a2"})
    assert list(zip(merged["article_id"], merged["summary"], strict=True)) == [
        ("a3", "Le ministre annonce une réforme"),
        ("a1", "Le ministre annonce une réforme"),
        ("a2", "nouveau"),
    ]
    assert merged.schema == new.schema


@pytest.mark.parametrize(
    ("replaced", "expected"),
    [
        pytest.param({"a1"}, [], id="replaced-article-now-without-events"),
        pytest.param(set(), ["a1"], id="nothing-replaced"),
    ],
)
def test_merge_with_empty_new(replaced: set[str], expected: list[str]) -> None:
    old = build_timeline([result("a1", event("a1", SEPT_8))])
    assert merge_timelines(old, build_timeline([]), replaced)["article_id"].to_list() == expected


def test_merge_never_duplicates_an_article_present_in_new() -> None:
    old = build_timeline([result("a1", event("a1", SEPT_8))])
    assert merge_timelines(old, old, replaced_articles=()).height == 1


def test_merge_rejects_a_frame_of_another_schema() -> None:
    with pytest.raises(ValueError, match="old timeline"):
        merge_timelines(pl.DataFrame({"article_id": ["a1"]}), build_timeline([]), ())
