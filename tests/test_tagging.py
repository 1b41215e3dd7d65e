"""`chronique tag`'s output: what the scorer reads, with offsets that are Python str indices."""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

import pytest

from chronique.model import Options
from chronique.tagging import TagReport, tag_file, tag_lines

DOCS = [
    {
        "doc_id": "a",
        "published": "2022-09-10T08:30:00+02:00",
        "text": "\nL'offensive a commencé jeudi à Kiev.",
    },
    {"id": "b", "published": "1999-07-07", "text": "La population a augmenté entre 1990 et 1999."},
    {
        "doc_id": "c",
        "published": "2022-09-10",
        "text": "Les combats ont repris dans la nuit de vendredi à samedi.",
    },
]


def _tag(docs: list[dict[str, str]]) -> list[dict[str, Any]]:
    return list(tag_lines([json.dumps(d, ensure_ascii=False) for d in docs], Options()))


def test_fields_and_offsets() -> None:
    first = _tag(DOCS[:1])[0]
    text = DOCS[0]["text"]
    assert first["doc_id"] == "a"
    (timex,) = first["timexes"]
    assert timex == {
        "start": 24,
        "end": 29,
        "text": "jeudi",
        "value": "2022-09-08",
        "type": "DATE",
        "grain": "day",
    }
    assert text[timex["start"] : timex["end"]] == "jeudi"
    event = next(e for e in first["events"] if e["trigger"] == "commencé")
    assert text[event["start"] : event["end"]] == "commencé" and event["value"] == "2022-09-08"


def test_two_member_interval_is_two_timexes() -> None:
    timexes = _tag(DOCS[1:2])[0]["timexes"]
    assert [(t["text"], t["value"]) for t in timexes] == [("1990", "1990"), ("1999", "1999")]


@pytest.mark.parametrize(
    ("published", "text", "members"),
    [
        # each member keeps its determiner; the linking words (entre, et, du, au) stay outside
        (
            "1999-08-06",
            "Le camping est complet entre le 15 juillet et le 15 août.",
            [("le 15 juillet", "1999-07-15"), ("le 15 août", "1999-08-15")],
        ),
        (
            "2022-09-10",
            "Le musée fermera du 27 juin au 2 juillet.",
            [("27 juin", "2023-06-27"), ("2 juillet", "2023-07-02")],
        ),
        # an enumeration of three days: its first and last day carry the interval's ends, no day between
        (
            "2021-09-10",
            "Les fêtes ont eu lieu les 28, 29 et 30 août 2021.",
            [("les 28", "2021-08-28"), ("30 août 2021", "2021-08-30")],
        ),
        (
            "2019-03-20",
            "Ils se réuniront jeudi et vendredi.",
            [("jeudi", "2019-03-21"), ("vendredi", "2019-03-22")],
        ),
        (
            "2017-08-28",
            "Une actrice des années 1960 et 1970 est morte.",
            [("années 1960", "196X"), ("1970", "197X")],
        ),
        # centuries joined are one TIMEX3: "XVIe" alone is no expression
        (
            "2019-02-28",
            "La réunion se tiendra dans un hôtel des XVIe et XVIIe siècles.",
            [("XVIe et XVIIe siècles", "15XX/16XX")],
        ),
    ],
)
def test_interval_members(published: str, text: str, members: list[tuple[str, str]]) -> None:
    timexes = _tag([{"doc_id": "m", "published": published, "text": text}])[0]["timexes"]
    assert [(t["text"], t["value"]) for t in timexes] == members
    assert all(text[t["start"] : t["end"]] == t["text"] for t in timexes)


def test_night_across_two_days_is_the_first_night() -> None:
    timexes = _tag(DOCS[2:3])[0]["timexes"]
    assert [(t["text"], t["value"]) for t in timexes] == [("la nuit de vendredi à samedi", "2022-09-09TNI")]


def test_bad_line_is_named_in_its_place_and_the_others_are_tagged(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    source = tmp_path / "in.jsonl"
    lines = [
        json.dumps(DOCS[0]),
        "{not json",
        "",
        json.dumps({"doc_id": "x", "published": "demain", "text": "t"}),
    ]
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    with caplog.at_level(logging.ERROR, logger="chronique.tagging"):
        assert tag_file(source, out, Options()) == TagReport(documents=3, rejected=2)
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    errors = [
        f"{source}:2: the line is not valid JSON (Expecting property name enclosed in double quotes: "
        "line 1 column 2 (char 1)) — write one JSON object a line",
        f'{source}:4: "published" is \'demain\', which is not an ISO date — write "published" as '
        '"YYYY-MM-DD" or as a datetime with offset, e.g. "2022-09-10T08:30:00+02:00"',
    ]
    assert rows[0]["doc_id"] == "a" and rows[0]["timexes"]
    assert rows[1:] == [
        {"doc_id": "", "timexes": [], "events": [], "error": errors[0]},
        {"doc_id": "x", "timexes": [], "events": [], "error": errors[1]},
    ]
    assert [record.getMessage() for record in caplog.records] == errors


def test_lines_in_memory_are_validated_as_a_file_is() -> None:
    lines = [json.dumps(DOCS[0]), json.dumps({**DOCS[0], "text": "Il est parti samedi."})]
    assert [row.get("error") for row in tag_lines(lines, Options(), "mem")] == [
        None,
        "mem:2: the id 'a' is already used by mem:1 — give one of the two articles another id, "
        "or remove the duplicate",
    ]


def test_rows_are_the_timeline_events_and_every_mention_is_more() -> None:
    """``--rows``: what a run shows (a dated act, a same-day announcement), found from only the sentences
    that can give a row; by default tag also writes mentions that are no rows (an imparfait carried by the
    last date, a noun)."""
    doc = {
        "doc_id": "r",
        "published": "2022-09-10",  # a Saturday
        "text": "Le pont a été inauguré lundi par le maire. Les habitants dansaient sur la place. "
        "Le préfet a annoncé sa fermeture.",
    }
    line = [json.dumps(doc, ensure_ascii=False)]
    [tagged_rows] = tag_lines(line, Options(), rows=True)
    rows = tagged_rows["events"]
    assert [(e["trigger"], e["value"]) for e in rows] == [
        ("inauguré", "2022-09-05"),
        ("annoncé", "2022-09-10"),
    ]
    [tagged_mentions] = tag_lines(line, Options())
    mentions = tagged_mentions["events"]
    assert {e["trigger"] for e in rows} < {e["trigger"] for e in mentions}
    assert "dansaient" in {e["trigger"] for e in mentions}
