"""`chronique tag`'s output: what the scorer reads, with offsets that are Python str indices."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from chronique.model import Options
from chronique.tagging import tag_file, tag_lines

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


def test_night_across_two_days_is_the_first_night() -> None:
    timexes = _tag(DOCS[2:3])[0]["timexes"]
    assert [(t["text"], t["value"]) for t in timexes] == [("la nuit de vendredi à samedi", "2022-09-09TNI")]


def test_bad_line_is_named_and_the_others_are_tagged(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    lines = [
        json.dumps(DOCS[0]),
        "{not json",
        json.dumps({"doc_id": "x", "published": "demain", "text": "t"}),
    ]
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert tag_file(source, out, Options()) == 3
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert rows[0]["timexes"] and rows[1]["error"].endswith(
        "in.jsonl:2: not JSON (Expecting property name enclosed in double quotes)"
    )
    assert "in.jsonl:3: 'published' must start with YYYY-MM-DD" in rows[2]["error"]
