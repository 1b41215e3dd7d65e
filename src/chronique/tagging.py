"""``chronique tag``: time expressions and events of JSONL documents, as TIMEX3 spans with offsets.

Output follows TimeML's span conventions, which the scorer reads: an interval written with two members
(``entre 1990 et 1999``, ``les 6 et 13 avril``) is two TIMEX3, one a member; a night across two days
(``la nuit de lundi à mardi``) is the first day's night, ``1999-08-23TNI``. Offsets are Python ``str``
indices into the given text.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from chronique.files import write_atomic
from chronique.model import Article, ArticleResult, Options, RuleFlag, TimeExpression, TimexType
from chronique.pipeline import analyse

logger = logging.getLogger(__name__)

_DATED_TYPES = frozenset({TimexType.DATE, TimexType.TIME})
MIN_YEAR, MAX_YEAR = 1800, 2100  # the publication years ingest accepts
_SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass(frozen=True, slots=True)
class BadLine:
    """A JSONL line that could not be tagged, with why."""

    doc_id: str
    message: str


def timeml_members(expression: TimeExpression) -> list[dict[str, Any]]:
    """The TIMEX3 one resolved expression stands for, in TimeML's conventions."""
    mention, resolved = expression.mention, expression.resolved
    base: dict[str, Any] = {"type": resolved.type.value, "grain": resolved.grain.value}
    if resolved.mod:
        base["mod"] = resolved.mod
    if RuleFlag.NIGHT in mention.flags and resolved.date_start is not None:
        night = f"{resolved.date_start.isoformat()}TNI"
        return [{"start": mention.start, "end": mention.end, "text": mention.text, "value": night, **base}]
    if mention.parts is not None and "/" in resolved.value:
        first, last = resolved.value.split("/", 1)
        text = mention.text
        return [
            {"start": s, "end": e, "text": text[s - mention.start : e - mention.start], "value": v, **base}
            for (s, e), v in zip(mention.parts, (first, last), strict=True)
        ]
    return [
        {"start": mention.start, "end": mention.end, "text": mention.text, "value": resolved.value, **base}
    ]


def tagged(result: ArticleResult, options: Options) -> dict[str, Any]:
    """One output line: the document's TIMEX3 and events."""
    timexes = [
        member
        for expression in result.timexes
        if options.include_durations or expression.resolved.type in _DATED_TYPES
        for member in timeml_members(expression)
    ]
    events = [
        {
            "start": event.trigger_start,
            "end": event.trigger_end,
            "trigger": event.trigger,
            "value": event.resolved.value,
            "summary": event.summary,
        }
        for event in result.mentions or result.events
    ]
    return {"doc_id": result.article.id, "timexes": timexes, "events": events}


def _record_article(line: str, source: str) -> Article | BadLine:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        return BadLine("", f"{source}: not JSON ({error.msg})")
    if not isinstance(record, dict):
        return BadLine("", f"{source}: a line must be a JSON object")
    doc_id = str(record.get("doc_id", record.get("id", "")))
    text, published = record.get("text"), record.get("published")
    if not isinstance(text, str) or not isinstance(published, str):
        return BadLine(doc_id, f"{source}: needs string fields 'text' and 'published'")
    try:
        day = dt.date.fromisoformat(published[:10])
    except ValueError:
        return BadLine(doc_id, f"{source}: 'published' must start with YYYY-MM-DD, got {published[:40]!r}")
    if not MIN_YEAR <= day.year <= MAX_YEAR:
        # "lundi dernier" from 0001-01-01 would fall off the calendar
        return BadLine(
            doc_id, f"{source}: 'published' must be a year from {MIN_YEAR} to {MAX_YEAR}, got {day}"
        )
    if _SURROGATE.search(text):
        return BadLine(
            doc_id, f"{source}: 'text' holds a lone UTF-16 surrogate (\\ud800–\\udfff); fix its encoding"
        )
    return Article(id=doc_id, published=day, text=text, source=source)


def tag_lines(lines: Iterable[str], options: Options, name: str = "<input>") -> Iterator[dict[str, Any]]:
    """Tag JSONL lines in order; a bad line yields an empty result and a logged error naming it."""
    pending: list[Article | BadLine] = []
    for number, line in enumerate(lines, start=1):
        if line.strip():
            pending.append(_record_article(line, f"{name}:{number}"))
    articles = (item for item in pending if isinstance(item, Article))
    results = analyse(articles, options)
    for item in pending:
        if isinstance(item, BadLine):
            logger.error("%s", item.message)
            yield {"doc_id": item.doc_id, "timexes": [], "events": [], "error": item.message}
        else:
            yield tagged(next(results), options)


def tag_file(input_path: Path, output_path: Path, options: Options) -> int:
    """Tag a JSONL file into another; returns the number of documents written."""
    with input_path.open(encoding="utf-8-sig") as handle:
        rows = [json.dumps(row, ensure_ascii=False) for row in tag_lines(handle, options, str(input_path))]
    write_atomic(output_path, ("\n".join(rows) + ("\n" if rows else "")).encode("utf-8"))
    return len(rows)
