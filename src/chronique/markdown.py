"""``timeline.md``: the timeline as a French chronology, one heading per date, one bullet per event.

Article text is untrusted: every field taken from an article goes through ``escape_markdown`` so that a
headline such as ``# titre`` or ``<script>`` can never change the structure of the page.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import polars as pl

from chronique.model import DAY_GRAINS, UNFACTUAL_MODALITIES, Grain, Modality
from chronique.story import build_story
from chronique.vocabulary import Vocabulary

logger = logging.getLogger(__name__)

EMPTY = "# Chronologie\n\n_Aucun événement daté._\n"

# Backslash-escaped (CommonMark: any ASCII punctuation may be escaped); < > & become HTML entities instead,
# since a backslash before an entity would show the entity's name.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]#|~])")
# At the start of a field, these would open a list, a heading or a quote when the field starts a line.
_LEADING_BLOCK = re.compile(r"^(\d+)([.)])|^([-+=])")
# C0/C1 control characters other than whitespace (whitespace is collapsed first)
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")

_MOD_NOTES: Mapping[str, str] = {"START": "(début)", "MID": "(mi-)", "END": "(fin)"}
# Every Modality: how its bullet says it (after the summary), or None when the Markdown leaves it out —
# a question, a negation or a supposition is never shown as a fact (it stays in timeline.parquet).
# A reported event names its speaker ("selon le maire") when the text does, whatever its modality.
MODALITY_NOTES: Mapping[str, str | None] = {
    Modality.ASSERTED: "",
    Modality.REPORTED: "(rapporté)",
    Modality.ALLEGED: "(au conditionnel)",
    Modality.PLANNED: "(prévu)",
    Modality.QUESTION: None,
    Modality.NEGATED: None,
    Modality.HYPOTHETICAL: None,
}
# How coarse a heading is, used only to break ties between groups with the same calendar range
# A story event several articles report lists this many of their ids, and this many other sentences.
ARTICLES_SHOWN = 5
OTHER_EVIDENCE_SHOWN = 2
_COARSENESS: Mapping[str, int] = {str(grain): rank for rank, grain in enumerate(Grain)}
_CLOCK = re.compile(r"T(\d{2}):(\d{2})")
_PART_OF_DAY = re.compile(r"T([A-Z]{2})$")
_SEASON = re.compile(r"^(\d{4})-(SP|SU|FA|WI)$")


def escape_markdown(text: str) -> str:
    """``text`` as inert Markdown on one line: specials escaped, ``<>&`` as entities, newlines as spaces."""
    text = _CONTROL.sub("", " ".join(text.split()))
    text = _MARKDOWN_SPECIAL.sub(r"\\\1", text)
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _LEADING_BLOCK.sub(lambda m: f"{m[1]}\\{m[2]}" if m[1] else f"\\{m[3]}", text)


def _ordinal(number: int) -> str:
    """A day of the month as French writes it: ``1er``, ``2``, … ``31``."""
    return "1er" if number == 1 else str(number)


def _day_month(day: dt.date, vocabulary: Vocabulary) -> str:
    """``8 septembre`` / ``1er septembre``."""
    return f"{_ordinal(day.day)} {vocabulary.month_name(day.month)}"


def _full_date(day: dt.date, vocabulary: Vocabulary) -> str:
    """``8 septembre 2022``."""
    return f"{_day_month(day, vocabulary)} {day.year}"


def _de(word: str) -> str:
    """``de`` with elision before a vowel: ``d'avril``, ``de mai``."""
    return f"d'{word}" if word[:1].lower() in "aeiouyéèêàâîôû" else f"de {word}"


def _months_heading(start: dt.date, end: dt.date, vocabulary: Vocabulary) -> str:
    """A range of whole months: ``d'avril à juin 2022``, ``de 2019 à 2021``, ``avril 2022``."""
    if start.month == 1 and end.month == 12:
        return str(start.year) if start.year == end.year else f"de {start.year} à {end.year}"
    first, last = vocabulary.month_name(start.month), vocabulary.month_name(end.month)
    if (start.year, start.month) == (end.year, end.month):
        return f"{first} {start.year}"
    if start.year == end.year:
        return f"{_de(first)} à {last} {end.year}"
    return f"{_de(first)} {start.year} à {last} {end.year}"


def _interval_heading(value: str, start: dt.date, end: dt.date, vocabulary: Vocabulary) -> str:
    """``du 9 au 10 septembre 2022``, ``du 30 août au 2 septembre 2022``, or a range of whole months."""
    if start == end:
        return day_heading(start, vocabulary)
    if start.day == 1 and (end + dt.timedelta(days=1)).day == 1:
        return _months_heading(start, end, vocabulary)
    if (start.year, start.month) == (end.year, end.month):
        return f"du {_ordinal(start.day)} au {_full_date(end, vocabulary)}"
    if start.year == end.year:
        return f"du {_day_month(start, vocabulary)} au {_full_date(end, vocabulary)}"
    return f"du {_full_date(start, vocabulary)} au {_full_date(end, vocabulary)}"


def _season_heading(value: str, start: dt.date, end: dt.date, vocabulary: Vocabulary) -> str:
    """``été 2022``; winter spans two years (December to February), so ``hiver 2022-2023``."""
    match = _SEASON.match(value)
    if match is None:
        return escape_markdown(value)
    year, code = int(match[1]), match[2]
    years = f"{year}-{year + 1}" if code == "WI" else str(year)
    return f"{vocabulary.season_name(code)} {years}"


def day_heading(day: dt.date, vocabulary: Vocabulary) -> str:
    """``jeudi 8 septembre 2022``."""
    return f"{vocabulary.weekday_name(day.isoweekday())} {_full_date(day, vocabulary)}"


_Heading = Callable[[str, dt.date, dt.date, Vocabulary], str]


def _part_of_year(months: int, noun: str) -> _Heading:
    """``1er trimestre 2022``, ``2e semestre 2020``: which part of ``months`` months the range starts in."""

    def part_heading(value: str, start: dt.date, end: dt.date, vocabulary: Vocabulary) -> str:
        number = (start.month - 1) // months + 1
        return f"{number}{'er' if number == 1 else 'e'} {noun} {start.year}"

    return part_heading


_ROMAN_DIGITS = (
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
)


def _roman(number: int) -> str:
    """19 → XIX (centuries: up to C)."""
    digits = []
    for value, numeral in _ROMAN_DIGITS:
        count, number = divmod(number, value)
        digits.append(numeral * count)
    return "".join(digits)


def _century_heading(value: str, start: dt.date, end: dt.date, vocabulary: Vocabulary) -> str:
    """``XIXe siècle`` for the years 1800 to 1899."""
    return f"{_roman(end.year // 100 + 1)}e siècle"


# Every Grain, with its heading; None for the grains that never reach a timeline row: an event dated by
# a "désormais" (REF) is dated to its publication day (events.py), and a duration dates nothing (anchors.py).
GRAIN_HEADINGS: Mapping[str, _Heading | None] = {
    # timed events go under their day's heading; the time is shown in the bullet
    Grain.TIME: lambda value, start, end, vocabulary: day_heading(start, vocabulary),
    Grain.PART_OF_DAY: lambda value, start, end, vocabulary: day_heading(start, vocabulary),
    Grain.DAY: lambda value, start, end, vocabulary: day_heading(start, vocabulary),
    Grain.MONTH: lambda value, start, end, vocabulary: f"{vocabulary.month_name(start.month)} {start.year}",
    Grain.WEEK: lambda value, start, end, vocabulary: f"semaine du {_full_date(start, vocabulary)}",
    Grain.WEEKEND: lambda value, start, end, vocabulary: f"week-end du {_full_date(start, vocabulary)}",
    Grain.SEASON: _season_heading,
    Grain.QUARTER: _part_of_year(3, "trimestre"),
    Grain.HALF_YEAR: _part_of_year(6, "semestre"),
    Grain.YEAR: lambda value, start, end, vocabulary: str(start.year),
    Grain.DECADE: lambda value, start, end, vocabulary: f"années {start.year}",
    Grain.CENTURY: _century_heading,
    Grain.INTERVAL: _interval_heading,
    Grain.REF: None,
    Grain.DURATION: None,
}


def heading(grain: str, value: str, start: dt.date, end: dt.date, vocabulary: Vocabulary) -> str:
    """The French heading of a group of events sharing one date."""
    make = GRAIN_HEADINGS.get(grain)
    if make is None:  # a grain that is never on a timeline: the TIMEX3 value says it exactly
        return escape_markdown(value)
    return make(value, start, end, vocabulary)


def _clock(grain: str, value: str, vocabulary: Vocabulary) -> str | None:
    """``14 h 30``, ``9 h``, or the part of the day (``soir``) for events timed within their day."""
    if grain == Grain.TIME and (match := _CLOCK.search(value)):
        hour, minute = int(match[1]), int(match[2])
        return f"{hour} h {minute:02d}" if minute else f"{hour} h"
    if grain == Grain.PART_OF_DAY and (match := _PART_OF_DAY.search(value)):
        try:
            return vocabulary["parts_of_day"].display(match[1])
        except KeyError:  # a code the vocabulary has no name for (MI): the heading's day is enough
            return None
    return None


def _quote(sentence: str) -> str:
    return f"« {escape_markdown(sentence)} »"


def _bullet(row: Mapping[str, Any], vocabulary: Vocabulary) -> str:
    """One event: summary, who, where, the sentence that says it, and where it comes from."""
    clock = _clock(row["grain"], row["value"], vocabulary)
    summary = escape_markdown(row["summary"])
    if row["speaker"]:
        summary += f", selon {escape_markdown(row['speaker'])}"
    note = MODALITY_NOTES.get(row["modality"]) or ""
    if note and not (row["modality"] == Modality.REPORTED and row["speaker"]):
        summary += f" {note}"
    parts = [f"{clock} : {summary}" if clock else summary]
    if row["actors"]:
        parts.append("acteurs : " + ", ".join(escape_markdown(actor) for actor in row["actors"]))
    if row["places"]:
        parts.append("lieux : " + ", ".join(escape_markdown(place) for place in row["places"]))
    parts.append(f"{_quote(row['sentence'])} {_sources(row['article_ids'])}")
    line = "- " + " — ".join(parts)
    if row["anchoring"] == "publication":
        line += " _(daté par la date de publication)_"
    if row["mod"] in _MOD_NOTES:
        line += " " + _MOD_NOTES[row["mod"]]
    if row["other_evidence"]:
        line += " (aussi : " + " ; ".join(_quote(sentence) for sentence in row["other_evidence"]) + ")"
    return line


def _sources(article_ids: list[str]) -> str:
    """``(article a)``, or ``(3 articles : a, b, c)`` for an event several articles report."""
    if len(article_ids) == 1:
        return f"(article {escape_markdown(article_ids[0])})"
    shown = ", ".join(escape_markdown(article) for article in article_ids[:ARTICLES_SHOWN])
    more = ", …" if len(article_ids) > ARTICLES_SHOWN else ""
    return f"({len(article_ids)} articles : {shown}{more})"


def _story_row(event: Mapping[str, Any]) -> dict[str, Any]:
    """A story event in the fields a bullet reads (its representative sentence first, a few others after)."""
    return {
        **event,
        "sentence": event["evidence"][0],
        "other_evidence": event["evidence"][1 : 1 + OTHER_EVIDENCE_SHOWN],
    }


@dataclass(frozen=True, slots=True)
class _Group:
    """Events under one heading."""

    start: dt.date
    end: dt.date
    coarseness: int
    title: str


def _group_of(row: Mapping[str, Any], vocabulary: Vocabulary) -> _Group:
    start: dt.date = row["date_start"]
    end: dt.date = row["date_end"]
    grain = row["grain"]
    title = heading(grain, row["value"], start, end, vocabulary)
    # timed events and same-day intervals share their day's heading, so they must share its key too
    if grain in DAY_GRAINS or (grain == Grain.INTERVAL and start == end):
        return _Group(start, start, _COARSENESS[Grain.DAY], title)
    return _Group(start, end, _COARSENESS.get(grain, len(_COARSENESS)), title)


def _group_order(group: _Group) -> tuple[dt.date, int, int, str]:
    """By start; at equal start the wider range first (``avril 2022`` before ``vendredi 1er avril``)."""
    return (group.start, -group.end.toordinal(), -group.coarseness, group.title)


def render_markdown(frame: pl.DataFrame, vocabulary: Vocabulary, story: pl.DataFrame | None = None) -> str:
    """The timeline as a French chronology in Markdown, one bullet per story event with its articles;
    the same frame always gives the same text.

    ``story``: the timeline's story (``story.build_story(frame)``, built here when not given). Events that
    are no facts (``UNFACTUAL_MODALITIES``) are left out; the frames keep them."""
    events = build_story(frame) if story is None else story
    events = events.filter(~pl.col("modality").is_in([str(m) for m in UNFACTUAL_MODALITIES]))
    if events.height == 0:
        return EMPTY
    # keyed by heading so that one date never gets two headings; its earliest member places it
    groups: dict[str, _Group] = {}
    bullets: dict[str, list[str]] = {}
    # within a heading: the events most articles report first, then in the story's order
    ordered = events.with_row_index("_order").sort(["n_articles", "_order"], descending=[True, False])
    for event in ordered.iter_rows(named=True):
        row = _story_row(event)
        group = _group_of(row, vocabulary)
        groups[group.title] = min(groups.get(group.title, group), group, key=_group_order)
        bullets.setdefault(group.title, []).append(_bullet(row, vocabulary))
    lines = ["# Chronologie", ""]
    for group in sorted(groups.values(), key=_group_order):
        lines += [f"## {group.title}", "", *bullets[group.title], ""]
    return "\n".join(lines)
