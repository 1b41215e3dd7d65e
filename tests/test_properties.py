"""Properties over generated input: ``chronique tag`` never raises and emits only valid TIMEX3 values;
weekdays resolve on the side of the publication date the verb's tense says; the Markdown escaping and the
input validation hold for any text."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Mapping
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chronique.markdown import escape_markdown
from chronique.model import Article, Options, Rejection
from chronique.outputs import render_rejections
from chronique.tagging import tag_lines
from chronique.validate import article_from_record

SPACY = settings(max_examples=60, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
FAST = settings(max_examples=300, deadline=None, database=None)

# ---- TIMEX3 values --------------------------------------------------------------------------------------

_DAY = r"(?P<day>\d{4}-\d{2}-\d{2})"
_DATE = (
    rf"{_DAY}(?:T(?:\d{{2}}:\d{{2}}|MO|AF|EV|NI|DT|MI))?"  # a day, a clock time, a part of a day
    r"|\d{4}(?:-(?:\d{2}|W\d{2}(?:-WE)?|Q[1-4]|H[12]|SP|SU|FA|WI))?"  # year; month, week, Q, H, season
    r"|\d{3}X|\d{2}XX"  # decade, century
)
_NUMBER = r"\d+(?:\.\d+)?"
TIMEX3_VALUE = re.compile(
    rf"(?:{_DATE})(?:/(?:{_DATE.replace('?P<day>', '')}))?"
    r"|PRESENT_REF|PAST_REF|FUTURE_REF"
    rf"|P(?:(?:{_NUMBER}[YMWD])+(?:T(?:{_NUMBER}[HMS])+)?|T(?:{_NUMBER}[HMS])+)"
)
_PARTS = re.compile(r"(\d{4})-(\d{2})(?:-(\d{2}))?|(\d{4})-W(\d{2})|T(\d{2}):(\d{2})")


def is_timex3_value(value: str) -> bool:
    """The TIMEX3 value forms chronique emits, with real months, days, ISO weeks and clock times."""
    if not TIMEX3_VALUE.fullmatch(value):
        return False
    for match in _PARTS.finditer(value):
        year, month, day, week_year, week, hour, minute = match.groups()
        try:
            if month is not None:
                dt.date(int(year), int(month), int(day or 1))
            elif week is not None:
                dt.date.fromisocalendar(int(week_year), int(week), 1)
            elif not (int(hour) < 24 and int(minute) < 60):
                return False
        except ValueError:
            return False
    return True


@pytest.mark.parametrize(
    "value",
    [
        "2022", "2022-09", "2022-09-08", "2022-W36", "2022-W36-WE", "2022-Q3", "2022-SU", "2022-WI", "196X",
        "18XX", "2022-09-10T14:30", "2022-09-09TEV", "2022-09-09TNI", "2022-09-09/2022-09-10", "2019/2021",
        "2022-04/2022-06", "PRESENT_REF", "PAST_REF", "FUTURE_REF", "P3D", "P2W", "PT5H", "P1Y6M", "PT30M",
    ],
)  # fmt: skip
def test_timex3_value_pattern_accepts(value: str) -> None:
    assert is_timex3_value(value)


@pytest.mark.parametrize(
    "value",
    [
        "", "22", "2022-13", "2022-02-30", "2022-W54", "2022-Q5", "2022-XX", "2022-09-10T25:00",
        "2022-09-10T14:60", "2022-09-10TXX", "P", "PT", "P3", "NOW", "2022-09-10/", "samedi", "2022-09-10 ",
        "2022-9-1",
    ],
)  # fmt: skip
def test_timex3_value_pattern_rejects(value: str) -> None:
    assert not is_timex3_value(value)


# ---- chronique tag on generated documents ---------------------------------------------------------------

TIME_PHRASES = [
    "samedi", "jeudi dernier", "lundi prochain", "Mardi", "en avril", "la veille", "le lendemain",
    "dans la nuit de vendredi à samedi", "début septembre", "fin 2021", "mi-juin", "le 3 mars 2021",
    "le 31 février", "le 29 février 2023", "le 1er mai 2022", "02/03/2021", "31/12/1999", "à 14 h 30",
    "vers 0 h 40", "à 25 h", "hier soir", "demain matin", "ce matin", "cet après-midi", "l'été dernier",
    "cet hiver", "au premier trimestre", "les années 1990", "les années 90", "au XIXe siècle",
    "la semaine dernière", "la semaine prochaine", "le week-end dernier", "ce week-end", "entre 1990 et 1999",
    "du 9 au 10 septembre", "les 6 et 13 avril prochains", "d'avril à juin", "de 2019 à 2021", "actuellement",
    "désormais", "autrefois", "à l'avenir", "pendant trois jours", "depuis deux semaines", "durant 48 heures",
    "chaque semaine", "tous les lundis", "il y a trois jours", "dans deux mois", "trois jours plus tard",
    "deux ans plus tôt", "à Noël", "le 14 juillet", "à Pâques", "en 2019", "en 1800", "en 2100",
    "le mois prochain", "l'an dernier", "l'année suivante", "vers la fin de l'année", "au printemps 2020",
    "le 12 septembre 1800", "en l'an 2000",
]  # fmt: skip
WORDS = [
    "Le ministre", "a annoncé", "annoncera", "annonce", "a été capturée", "sa démission", "les troupes",
    "se réunira", "s'est réuni", "Paris", "la Russie", "qu'il", "que", "et", "mais", ",", ".", "!", "?", ":",
    "«", "»", "—", "(", ")", "\n", "\n\n", "# titre", "<script>", "|", "`", "dot.gif",
    "Commentaires à ceci :",
]  # fmt: skip
SEPARATORS = [" ", "", "\n", "\u00a0", "\t"]


@st.composite
def french_like_text(draw: st.DrawFn) -> str:
    """Time expressions and sentence pieces (twice as likely) mixed with arbitrary Unicode."""
    piece = st.one_of(
        st.sampled_from(TIME_PHRASES),
        st.sampled_from(WORDS),
        st.sampled_from(TIME_PHRASES),
        st.sampled_from(WORDS),
        st.text(max_size=12),
    )
    out = ""
    for item in draw(st.lists(piece, min_size=1, max_size=30)):
        out += draw(st.sampled_from(SEPARATORS)) + item
    return out


DAYS = st.dates(min_value=dt.date(1800, 1, 1), max_value=dt.date(2100, 12, 31)).map(dt.date.isoformat)
PUBLISHED = st.one_of(
    DAYS,
    DAYS,
    st.datetimes(min_value=dt.datetime(1990, 1, 1), max_value=dt.datetime(2035, 12, 31)).map(
        lambda moment: moment.isoformat() + "+02:00"
    ),
    st.text(max_size=12),  # not a date: the line is reported, not tagged
)
DOCUMENT = st.fixed_dictionaries(
    {"published": PUBLISHED, "text": st.one_of(french_like_text(), french_like_text(), st.text())},
    optional={"id": st.one_of(st.text(max_size=8), st.integers()), "doc_id": st.text(max_size=8)},
)
LINE = st.one_of(
    DOCUMENT.map(json.dumps),
    DOCUMENT.map(lambda document: json.dumps(document, ensure_ascii=False)),
    DOCUMENT.map(json.dumps),
    st.text(),  # not JSON
)


def check_tagged(row: Mapping[str, Any], line: str) -> None:
    """One output row: offsets that slice the given text to the span's text, valid TIMEX3 values."""
    assert isinstance(row["doc_id"], str)
    if "error" in row:
        assert row["timexes"] == row["events"] == []
        return
    text = json.loads(line)["text"]
    for timex in row["timexes"]:
        assert 0 <= timex["start"] < timex["end"] <= len(text)
        assert text[timex["start"] : timex["end"]] == timex["text"]
        assert is_timex3_value(timex["value"]), timex
        assert timex["type"] in {"DATE", "TIME", "DURATION", "SET"}
    for event in row["events"]:
        assert 0 <= event["start"] < event["end"] <= len(text)
        assert text[event["start"] : event["end"]] == event["trigger"]
        assert is_timex3_value(event["value"]), event


@SPACY
@given(lines=st.lists(LINE, min_size=1, max_size=4))
def test_tag_never_raises_and_emits_only_timex3_values(lines: list[str]) -> None:
    lines = [line.replace("\n", " ").replace("\r", " ") for line in lines]  # one JSONL line each
    rows = list(tag_lines(lines, Options(include_durations=True)))
    kept = [line for line in lines if line.strip()]
    assert len(rows) == len(kept)
    for row, line in zip(rows, kept, strict=True):
        check_tagged(row, line)
        json.dumps(row, ensure_ascii=False).encode("utf-8")  # what tag_file writes


WEEKDAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
PUBLICATION = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2035, 12, 31))


def weekday_value(sentence: str, weekday: str, published: dt.date) -> dt.date:
    """The date ``chronique tag`` gives the weekday of ``sentence`` published on ``published``."""
    line = json.dumps({"id": "t", "published": published.isoformat(), "text": sentence})
    [row] = tag_lines([line], Options())
    [value] = [timex["value"] for timex in row["timexes"] if timex["text"] == weekday]
    day = dt.date.fromisoformat(value)
    assert day.isoweekday() == WEEKDAYS.index(weekday) + 1, (sentence, published, value)
    return day


@SPACY
@given(weekday=st.sampled_from(WEEKDAYS), published=PUBLICATION)
def test_past_tense_weekday_is_never_after_publication(weekday: str, published: dt.date) -> None:
    day = weekday_value(f"Le ministre a annoncé {weekday} sa démission.", weekday, published)
    assert published - dt.timedelta(days=6) <= day <= published


@SPACY
@given(weekday=st.sampled_from(WEEKDAYS), published=PUBLICATION)
def test_future_tense_weekday_is_never_before_publication(weekday: str, published: dt.date) -> None:
    day = weekday_value(f"Le ministre annoncera {weekday} sa démission.", weekday, published)
    assert published <= day <= published + dt.timedelta(days=7)


@pytest.mark.parametrize(
    ("published", "text"),
    [
        ("0001-01-01", "Le ministre a démissionné lundi dernier."),
        ("9999-12-31", "Il partira lundi prochain."),
    ],
)
def test_tag_survives_a_publication_date_at_the_edge_of_the_calendar(published: str, text: str) -> None:
    line = json.dumps({"id": "t", "published": published, "text": text})
    [row] = tag_lines([line], Options())
    assert "error" in row or all(is_timex3_value(timex["value"]) for timex in row["timexes"])


def test_tag_survives_a_lone_surrogate() -> None:
    lines = [
        json.dumps({"id": "a", "published": "2022-09-10", "text": "Il est parti samedi \ud800."}),
        json.dumps({"id": "b", "published": "2022-09-10", "text": "Il est parti samedi."}),
    ]
    rows = list(tag_lines(lines, Options()))
    assert rows[0]["timexes"] == []
    assert [timex["value"] for timex in rows[1]["timexes"]] == ["2022-09-10"]


# ---- Markdown escaping ----------------------------------------------------------------------------------

MARKDOWN_SPECIALS = "\\`*_[]#|~"
ANY_TEXT = st.text(st.characters(codec="utf-8"), max_size=200)
HOSTILE_TEXT = st.lists(
    st.one_of(
        st.sampled_from(["#", "- ", "1. ", "> ", "|", "`", "```", "<", ">", "&", "\\", "\n", "=", "*"]),
        ANY_TEXT,
    ),
    max_size=12,
).map("".join)


def unescaped_specials(text: str) -> list[str]:
    found: list[str] = []
    index = 0
    while index < len(text):
        if text[index] == "\\":
            index += 2
            continue
        if text[index] in MARKDOWN_SPECIALS:
            found.append(text[index])
        index += 1
    return found


@settings(FAST)
@given(text=st.one_of(ANY_TEXT, HOSTILE_TEXT))
def test_escaped_text_is_one_inert_line(text: str) -> None:
    escaped = escape_markdown(text)
    assert escaped == escape_markdown(text)
    assert len(escaped.splitlines()) <= 1
    assert "<" not in escaped
    assert ">" not in escaped
    assert unescaped_specials(escaped) == []
    assert not re.match(r"[-+=>]|\d+[.)]", escaped), "a field must not open a list, a quote or a heading"


@settings(FAST)
@given(rows=st.lists(st.tuples(HOSTILE_TEXT, HOSTILE_TEXT, HOSTILE_TEXT), max_size=5))
def test_rejected_md_keeps_one_table_row_per_rejection(rows: list[tuple[str, str, str]]) -> None:
    lines = render_rejections([Rejection(*row) for row in rows]).splitlines()
    assert lines[0] == "# Fichiers rejetés (rejected files)"
    if rows:
        assert len(lines) == 4 + len(rows)
        assert all(unescaped_specials(line).count("|") == 4 for line in lines[2:])
        assert not any(line.startswith("#") for line in lines[1:])


# ---- input validation -----------------------------------------------------------------------------------

JSON_SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=20),
    st.text(st.characters(categories=["Cs"]), min_size=1, max_size=2),  # lone surrogates, as "\ud800" gives
)  # fmt: skip
JSON_VALUES = st.recursive(
    JSON_SCALARS,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
)
FIELD_VALUES: dict[str, st.SearchStrategy[object]] = {
    "id": st.one_of(st.sampled_from(["a", "izyum-2022", "../../x", "a b", "", "..", "x" * 201]), JSON_VALUES),
    "doc_id": st.one_of(st.sampled_from(["b", "c/d"]), JSON_VALUES),
    "published": st.one_of(
        st.sampled_from(["2022-09-10", "2022-13-45", "demain", "2022-09-10T08:30:00+02:00", "1799-12-31"]),
        st.dates().map(dt.date.isoformat),
        JSON_VALUES,
    ),
    "text": st.one_of(st.sampled_from(["Le ministre a annoncé samedi sa démission.", "", " "]), JSON_VALUES),
    "title": JSON_VALUES,
    "url": JSON_VALUES,
    "language": st.one_of(st.sampled_from(["fr", "fr-FR", "en", "FR_be"]), JSON_VALUES),
}
_SAFE_ID = re.compile(r"[A-Za-z0-9_.-]{1,200}")
_SURROGATE = re.compile(r"[\ud800-\udfff]")


@settings(FAST)
@given(record=st.fixed_dictionaries({}, optional=FIELD_VALUES))
def test_any_json_record_is_an_article_or_one_rejection(record: dict[str, object]) -> None:
    item = article_from_record(record, "mem:1", Options())
    if isinstance(item, Rejection):
        assert item.reason
        assert item.fix
        item.message().encode("utf-8")
        return
    assert isinstance(item, Article)
    assert _SAFE_ID.fullmatch(item.id)
    assert ".." not in item.id
    assert 1800 <= item.published.year <= 2100
    assert item.text.strip()
    for value in (item.id, item.text, item.title, item.url, item.source):
        assert value is None or not _SURROGATE.search(value)
