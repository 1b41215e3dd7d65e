"""The library's pipeline: read → clean → parse → time expressions → events → timeline → files.

Articles stream through in batches; only the timeline rows are kept, never the parsed documents.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

import polars as pl

from chronique.clean import clean
from chronique.events import direct_events
from chronique.files import write_outputs
from chronique.ingest import read_articles
from chronique.model import Article, ArticleResult, Options, Rejection
from chronique.nlp import parse, sentences
from chronique.timeline import TIMELINE_SCHEMA, build_timeline
from chronique.timexes import time_expressions
from chronique.vocabulary import load

logger = logging.getLogger(__name__)

T = TypeVar("T")
TIMELINE_ORDER = ["date_start", "date_end", "article_id", "trigger_start"]


@dataclass(frozen=True, slots=True)
class RunReport:
    """What a run read, rejected and wrote."""

    articles: int
    rejections: tuple[Rejection, ...]
    timexes: int
    events: int
    outputs: tuple[Path, ...]


def analyse(articles: Iterable[Article], options: Options) -> Iterator[ArticleResult]:
    """Time expressions and events of each article, in input order, streaming."""
    pairs = ((clean(article.text, article.title).text, article) for article in articles)
    for doc, article in parse(
        pairs, options.model, batch_size=options.batch_size, n_process=options.n_process
    ):
        found = sentences(doc)
        expressions = time_expressions(doc, article.published, found)
        events = direct_events(article, doc, found, expressions)
        yield ArticleResult(article=article, timexes=tuple(expressions), events=tuple(events))


def split_inputs(items: Iterable[Article | Rejection], rejections: list[Rejection]) -> Iterator[Article]:
    """Pass articles on; collect rejections (each logged once, naming the file and the fix)."""
    for item in items:
        if isinstance(item, Rejection):
            logger.warning("%s", item.message())
            rejections.append(item)
        else:
            yield item


def batches(items: Sequence[T], size: int) -> list[list[T]]:
    """Consecutive slices of at most ``size`` items."""
    return [list(items[start : start + size]) for start in range(0, len(items), size)]


def timeline_batch(articles: Iterable[Article], options: Options) -> pl.DataFrame:
    """The timeline rows of a batch of articles (one Prefect task's work)."""
    return build_timeline(analyse(articles, options))


def timeline_of_frames(frames: Iterable[pl.DataFrame]) -> pl.DataFrame:
    """Batches' rows as one timeline, in timeline order."""
    collected = list(frames)
    frame = pl.concat(collected) if collected else pl.DataFrame(schema=TIMELINE_SCHEMA)
    return frame.sort(TIMELINE_ORDER, maintain_order=True)


def timeline_of(results: Iterable[ArticleResult], batch_size: int = 256) -> tuple[pl.DataFrame, int, int]:
    """The timeline of many results, batched, with the counts of articles and time expressions."""
    frames: list[pl.DataFrame] = []
    batch: list[ArticleResult] = []
    articles = timexes = 0
    for result in results:
        articles += 1
        timexes += len(result.timexes)
        batch.append(result)
        if len(batch) >= batch_size:
            frames.append(build_timeline(batch))
            batch = []
    frames.append(build_timeline(batch))
    return timeline_of_frames(frames), articles, timexes


def run(input_path: Path, output_dir: Path, options: Options) -> RunReport:
    """Read a folder or JSONL file of articles and write the timeline files into ``output_dir``."""
    rejections: list[Rejection] = []
    articles = split_inputs(read_articles(input_path, options), rejections)
    frame, count, timexes = timeline_of(analyse(articles, options))
    outputs = write_outputs(frame, rejections, output_dir, load())
    return RunReport(
        articles=count,
        rejections=tuple(rejections),
        timexes=timexes,
        events=frame.height,
        outputs=tuple(outputs),
    )
