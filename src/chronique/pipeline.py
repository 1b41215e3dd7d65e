"""The library's pipeline: read → clean → parse → time expressions → events → timeline → files.

Articles stream through in batches; only the timeline rows are kept, never the parsed documents. The
incremental run (``chronique.incremental``) shares ``analyse_batch`` and the outputs with the full run here.
"""

from __future__ import annotations

import contextlib
import functools
import itertools
import logging
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TypeVar

import polars as pl

from chronique.analyzer import analyzer_for, release_memory
from chronique.articles import ArticleInfo, build_articles, events_per_article
from chronique.ingest import read_articles
from chronique.model import ARTICLES_PER_BATCH, Article, ArticleResult, Options, Rejection
from chronique.outputs import STORY_PARQUET_NAME, OutputContext, output_paths, write_outputs
from chronique.parallel import ordered_map
from chronique.state import ArticleState, RunState, analysis_fingerprint, article_digest, output_lock
from chronique.story import build_story, key_date_count, previous_event_ids
from chronique.timeline import build_timeline, concat_timelines

logger = logging.getLogger(__name__)
# One warning per rejected input, on a logger of its own: a caller that shows the rejections itself (the
# command line prints each once, without a log prefix; the flow logs each to its run) silences this one.
rejections_logger = logging.getLogger("chronique.rejections")

T = TypeVar("T")

Progress = Callable[[int, int | None], None]
"""Told after each analysed article: how many are done, and of how many (None when the run cannot tell)."""


@dataclass(frozen=True, slots=True)
class RunReport:
    """What a run read, rejected and wrote."""

    articles: int
    rejections: tuple[Rejection, ...]
    timexes: int
    events: int
    outputs: tuple[Path, ...]  # every file of the output set, rewritten or already so
    story_events: int = 0
    key_dates: int = 0  # the key dates story.md shows


@dataclass(frozen=True, slots=True)
class BatchResult:
    """The timeline rows of a batch of articles, what the state file keeps of each article, and the
    articles whose analysis failed (each a rejection: the state keeps nothing of them, so a later run
    tries them again)."""

    frame: pl.DataFrame
    articles: Mapping[str, ArticleState]
    rejections: tuple[Rejection, ...] = ()


def analyse(
    articles: Iterable[Article], options: Options, *, every_mention: bool = False
) -> Iterator[ArticleResult | Rejection]:
    """Time expressions and events of each article, in input order, streaming (in ``options.n_process``
    worker processes when more than one); an article whose analysis fails is a ``Rejection``. With
    ``every_mention``, every dated predicate mention is described too (``chronique tag``)."""
    if options.n_process > 1:
        yield from ordered_map(
            functools.partial(
                _analyse_batch, options=replace(options, n_process=1), every_mention=every_mention
            ),
            articles,
            processes=options.n_process,
            batch_size=options.batch_size,
        )
        return
    analyzer = analyzer_for(options)
    yield from analyzer.analyse(articles, batch_size=options.batch_size, every_mention=every_mention)


def _analyse_batch(
    articles: list[Article], options: Options, every_mention: bool
) -> list[ArticleResult | Rejection]:
    """One worker process's share (module level, so that it can be sent to the worker)."""
    return list(analyse(articles, options, every_mention=every_mention))


def split_inputs(items: Iterable[T | Rejection], rejections: list[Rejection]) -> Iterator[T]:
    """Pass articles (or results) on; collect rejections (each logged once, naming the file and the fix)."""
    for item in items:
        if isinstance(item, Rejection):
            rejections_logger.warning("%s", item.message())
            rejections.append(item)
        else:
            yield item


def recorded(articles: Iterable[Article], read: list[ArticleInfo]) -> Iterator[Article]:
    """Pass articles on; append what ``articles.parquet`` keeps of each to ``read``."""
    for article in articles:
        read.append(ArticleInfo.of(article))
        yield article


def _dropped(record: logging.LogRecord) -> bool:
    return False


@contextlib.contextmanager
def rejections_silenced() -> Iterator[None]:
    """No warning on ``chronique.rejections`` meanwhile: for a caller that shows each rejection itself."""
    rejections_logger.addFilter(_dropped)
    try:
        yield
    finally:
        rejections_logger.removeFilter(_dropped)


def batches(items: Iterable[T], size: int = ARTICLES_PER_BATCH) -> Iterator[list[T]]:
    """Consecutive runs of at most ``size`` items, streaming."""
    iterator = iter(items)
    while batch := list(itertools.islice(iterator, size)):
        yield batch


def batch_result(results: Iterable[ArticleResult | Rejection]) -> BatchResult:
    """The timeline rows of some results, each article's digest and count of time expressions, and the
    articles whose analysis failed (each logged once)."""
    articles: dict[str, ArticleState] = {}
    failed: list[Rejection] = []

    def recorded(results: Iterable[ArticleResult | Rejection]) -> Iterator[ArticleResult]:
        for result in split_inputs(results, failed):
            articles[result.article.id] = ArticleState(article_digest(result.article), len(result.timexes))
            yield result

    frame = build_timeline(recorded(results))
    return BatchResult(frame=frame, articles=articles, rejections=tuple(failed))


def analyse_batch(articles: Iterable[Article], options: Options) -> BatchResult:
    """Timeline rows and state of a batch of articles (one Prefect task's work)."""
    return batch_result(analyse(articles, options))


def reported(
    results: Iterable[ArticleResult | Rejection], progress: Progress | None, total: int | None
) -> Iterator[ArticleResult | Rejection]:
    """The results, passed on; ``progress`` is told of each (for a progress bar)."""
    for done, result in enumerate(results, start=1):
        if progress is not None:
            progress(done, total)
        yield result


def run(input_path: Path, output_dir: Path, options: Options, progress: Progress | None = None) -> RunReport:
    """Read a folder or JSONL file of articles and replace the outputs in ``output_dir`` with theirs.

    The state file is written too, so that an incremental run can follow; the folder's lock is held while
    the outputs are written. ``progress`` is told of each analysed article (the total is not known: the
    articles stream).
    """
    rejections: list[Rejection] = []
    read: list[ArticleInfo] = []  # the metadata of each article read, for articles.parquet (not its text)
    articles = recorded(split_inputs(read_articles(input_path, options), rejections), read)
    results = reported(analyse(articles, options), progress, None)
    analysed = [batch_result(batch) for batch in batches(results)]
    frame = concat_timelines(batch.frame for batch in analysed)
    rejections += [rejection for batch in analysed for rejection in batch.rejections]
    states = {key: value for batch in analysed for key, value in batch.articles.items()}
    state = RunState(analysis=analysis_fingerprint(options), articles=states)
    failed = {rejection.article_id for batch in analysed for rejection in batch.rejections}
    table = build_articles(
        [info for info in read if info.article_id not in failed],
        rejections,
        status=dict.fromkeys(states, "analysed"),
        timexes={key: value.timexes for key, value in states.items()},
        events=events_per_article(frame),
    )
    with output_lock(output_dir):
        release_memory()  # the parse is done: its freed heap goes back first
        story = build_story(frame, previous_event_ids(output_dir / STORY_PARQUET_NAME))
        vocabulary = analyzer_for(options).vocabulary
        context = OutputContext(
            frame, story, tuple(rejections), state, vocabulary, options.key_dates, articles=table
        )
        write_outputs(output_dir, context)
    return RunReport(
        articles=len(states),
        rejections=tuple(rejections),
        timexes=sum(value.timexes for value in states.values()),
        events=frame.height,
        outputs=output_paths(output_dir),
        story_events=story.height,
        key_dates=key_date_count(story, options.key_dates),
    )
