"""``chronique tag``: time expressions and events of each document, as TIMEX3 spans with offsets.

Documents are read and validated as ``chronique run`` reads them (`chronique.ingest`); an input rejected
there still gets its output line, in its place, with an empty tagging and the rejection's message and fix.

Output follows TimeML's span conventions, which the scorer reads: an interval written with two members
(``entre 1990 et 1999``, ``les 6 et 13 avril``) is two TIMEX3, one a member (not centuries: ``des XVIe et
XVIIe siècles`` is one); a night across two days
(``la nuit de lundi à mardi``) is the first day's night, ``1999-08-23TNI``. Offsets are Python ``str``
indices into the given text.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from chronique.files import write_atomic
from chronique.ingest import read_articles, unique_printable
from chronique.model import Article, ArticleResult, Options, Rejection, RuleFlag, TimeExpression, TimexType
from chronique.pipeline import analyse
from chronique.read_jsonl import jsonl_records

logger = logging.getLogger(__name__)

_DATED_TYPES = frozenset({TimexType.DATE, TimexType.TIME})


def timeml_members(expression: TimeExpression) -> list[dict[str, Any]]:
    """The TIMEX3 one resolved expression stands for, in TimeML's conventions."""
    mention, resolved = expression.mention, expression.resolved
    base: dict[str, Any] = {"type": resolved.type.value, "grain": resolved.grain.value}
    if resolved.mod:
        base["mod"] = resolved.mod
    if RuleFlag.NIGHT in mention.flags and resolved.date_start is not None:
        night = f"{resolved.date_start.isoformat()}TNI"
        return [{"start": mention.start, "end": mention.end, "text": mention.text, "value": night, **base}]
    # centuries joined ("des XVIe et XVIIe siècles") are one TIMEX3: the first member ("XVIe") is no
    # expression without its noun, and a stretch of centuries has no day or year of its own to split at
    whole_centuries = mention.fields.century is not None
    if mention.parts is not None and "/" in resolved.value and not whole_centuries:
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
            "modality": str(event.modality),
        }
        for event in result.mentions or result.events
    ]
    return {"doc_id": result.article.id, "timexes": timexes, "events": events}


def tag_items(
    items: Iterable[Article | Rejection], options: Options, *, rows: bool = False
) -> Iterator[dict[str, Any]]:
    """One output line per item read, in order: an article's tags, or a rejection's message (logged). Its
    events are every dated predicate mention or, with ``rows``, only the timeline's rows, found as ``chronique
    run`` finds them (reading only the sentences that can give one)."""
    pending = list(items)
    articles = (item for item in pending if isinstance(item, Article))
    results = analyse(articles, options, every_mention=not rows)
    for item in pending:
        if isinstance(item, Rejection):
            logger.error("%s", item.message())
            yield {"doc_id": item.article_id or "", "timexes": [], "events": [], "error": item.message()}
        elif isinstance(result := next(results), Rejection):
            logger.error("%s", result.message())
            yield {"doc_id": item.id, "timexes": [], "events": [], "error": result.message()}
        else:
            yield tagged(result, options)


def tag_lines(
    lines: Iterable[str], options: Options, name: str = "<input>", *, rows: bool = False
) -> Iterator[dict[str, Any]]:
    """Tag JSONL lines already read, validated as ``chronique run`` validates a JSONL file."""
    return tag_items(unique_printable(jsonl_records(lines, name, options)), options, rows=rows)


@dataclass(frozen=True, slots=True)
class TagReport:
    """What ``chronique tag`` wrote: one line per document, of which ``rejected`` hold an error."""

    documents: int
    rejected: int


def tag_file(input_path: Path, output_path: Path, options: Options, *, rows: bool = False) -> TagReport:
    """Tag what `read_articles` reads from ``input_path`` (a JSONL file, a folder…) into a JSONL file."""
    tagged_lines = list(tag_items(read_articles(input_path, options), options, rows=rows))
    lines = [json.dumps(line, ensure_ascii=False) for line in tagged_lines]
    write_atomic(output_path, ("\n".join(lines) + ("\n" if lines else "")).encode("utf-8"))
    return TagReport(documents=len(tagged_lines), rejected=sum("error" in line for line in tagged_lines))
