"""The library's pipeline: read → clean → parse → time expressions → events → timeline → files.

Articles stream through in batches; only the timeline rows are kept, never the parsed documents.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TypeVar

import polars as pl

from chronique.analyzer import analyzer_for
from chronique.files import (
    MARKDOWN_NAME,
    PARQUET_NAME,
    REJECTED_NAME,
    parquet_bytes,
    render_rejections,
    write_outputs,
)
from chronique.ingest import read_articles
from chronique.markdown import render_markdown
from chronique.model import Article, ArticleResult, Options, Rejection
from chronique.parallel import ordered_map
from chronique.state import (
    DEFAULT_LOCK_TIMEOUT,
    STATE_NAME,
    ArticleState,
    RunState,
    analysis_fingerprint,
    article_digest,
    output_lock,
    read_state,
    replace_if_changed,
    state_bytes,
)
from chronique.timeline import TIMELINE_SCHEMA, build_timeline, empty_timeline, merge_timelines
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
    """Time expressions and events of each article, in input order, streaming (in ``options.n_process``
    worker processes when more than one)."""
    if options.n_process > 1:
        yield from ordered_map(
            functools.partial(_analyse_batch, options=replace(options, n_process=1)),
            articles,
            processes=options.n_process,
            batch_size=options.batch_size,
        )
        return
    yield from analyzer_for(options).analyse(articles, batch_size=options.batch_size)


def _analyse_batch(articles: list[Article], options: Options) -> list[ArticleResult]:
    """One worker process's share (module level, so that it can be sent to the worker)."""
    return list(analyse(articles, options))


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


# Incremental runs: only the articles that are new or changed since the last run into the same output folder
# are analysed; their rows replace theirs in the timeline already there. The Prefect flow calls the three
# steps (plan, analyse each batch, commit) as tasks; ``run_incremental`` chains them for the CLI.


@dataclass(frozen=True, slots=True)
class BatchResult:
    """The timeline rows of one batch of articles, and each article's count of time expressions."""

    frame: pl.DataFrame
    timexes: Mapping[str, int]


@dataclass(frozen=True, slots=True)
class RunPlan:
    """What an incremental run has to do: what it read, which articles to analyse, what the folder holds."""

    output_dir: Path
    digests: Mapping[str, str]  # every article read, in input order: id → digest
    rejections: tuple[Rejection, ...]
    changed: tuple[Article, ...]  # the articles to analyse
    status: Mapping[str, str]  # id → new, changed, reanalysed or unchanged
    previous: RunState  # what the folder holds (nothing when it starts afresh)
    timeline: pl.DataFrame  # the folder's timeline (empty when it starts afresh)
    analysis: str  # the fingerprint of this run's analysis


@dataclass(frozen=True, slots=True)
class ArticleLine:
    """One line of a run's summary: an article read and what became of it, or a rejected input."""

    source: str
    status: str
    events: int
    timexes: int
    reason: str = ""


@dataclass(frozen=True, slots=True)
class IncrementalRun:
    """An incremental run's outcome: the report, a line per input, and the rows this run analysed."""

    report: RunReport
    lines: tuple[ArticleLine, ...]
    added: pl.DataFrame
    written: tuple[Path, ...]  # the outputs whose bytes changed


def analyse_batch(articles: Iterable[Article], options: Options) -> BatchResult:
    """Timeline rows and time-expression counts of a batch of articles (one Prefect task's work)."""
    counts: dict[str, int] = {}

    def counted(results: Iterable[ArticleResult]) -> Iterator[ArticleResult]:
        for result in results:
            counts[result.article.id] = len(result.timexes)
            yield result

    frame = build_timeline(counted(analyse(articles, options)))
    return BatchResult(frame=frame, timexes=counts)


def _previous_timeline(output_dir: Path, state: RunState | None) -> tuple[RunState, pl.DataFrame]:
    """The folder's state and timeline, or nothing when either is missing or unusable (start afresh)."""
    nothing = RunState(analysis="", articles={})
    if state is None:
        return nothing, empty_timeline()
    path = output_dir / PARQUET_NAME
    try:
        frame = pl.read_parquet(path)
    except (OSError, pl.exceptions.PolarsError) as err:
        logger.warning("%s cannot be read (%s): the timeline is rebuilt from the articles read", path, err)
        return nothing, empty_timeline()
    if dict(frame.schema) != TIMELINE_SCHEMA:
        logger.warning("%s has another schema: the timeline is rebuilt from the articles read", path)
        return nothing, empty_timeline()
    return state, frame


def plan_incremental(input_path: Path, output_dir: Path, options: Options) -> RunPlan:
    """Read the inputs and the state of ``output_dir``; pick the articles that are new or changed.

    Articles in the timeline but no longer in the input keep their rows (the timeline is an archive: an
    inbox may be emptied once read). With another analysis (code, data or model changed), every article
    read is analysed again.
    """
    articles: list[Article] = []
    rejections: list[Rejection] = []
    for item in read_articles(input_path, options):
        if isinstance(item, Rejection):
            rejections.append(item)
        else:
            articles.append(item)
    previous, timeline = _previous_timeline(output_dir, read_state(output_dir))
    analysis = analysis_fingerprint(options)
    digests = {article.id: article_digest(article) for article in articles}
    status: dict[str, str] = {}
    for article in articles:
        known = previous.articles.get(article.id)
        if known is None:
            status[article.id] = "new"
        elif known.digest != digests[article.id]:
            status[article.id] = "changed"
        elif previous.analysis != analysis:
            status[article.id] = "reanalysed"
        else:
            status[article.id] = "unchanged"
    changed = tuple(article for article in articles if status[article.id] != "unchanged")
    gone = len(set(previous.articles) - set(digests))
    logger.info(
        "%s: %d articles read, %d to analyse, %d rejected; %d in the timeline but not in the input (kept)",
        input_path,
        len(articles),
        len(changed),
        len(rejections),
        gone,
    )
    return RunPlan(
        output_dir=output_dir,
        digests=digests,
        rejections=tuple(rejections),
        changed=changed,
        status=status,
        previous=previous,
        timeline=timeline,
        analysis=analysis,
    )


def commit_incremental(plan: RunPlan, results: Iterable[BatchResult]) -> IncrementalRun:
    """Merge the analysed batches into the folder's timeline; write the outputs that changed, state last.

    The state file is written last: after a crash the next run analyses the same articles again, and
    ``merge_timelines`` replaces their rows rather than adding them twice.
    """
    collected = list(results)
    added = timeline_of_frames(result.frame for result in collected)
    counts: dict[str, int] = {}
    for result in collected:
        counts.update(result.timexes)
    frame = merge_timelines(plan.timeline, added, [article.id for article in plan.changed])
    articles = dict(plan.previous.articles)
    for article in plan.changed:
        articles[article.id] = ArticleState(plan.digests[article.id], counts.get(article.id, 0))
    state = RunState(analysis=plan.analysis, articles=articles)

    output_dir = plan.output_dir
    output_dir.mkdir(parents=True, exist_ok=True)
    contents = {
        output_dir / PARQUET_NAME: parquet_bytes(frame),
        output_dir / MARKDOWN_NAME: render_markdown(frame, load()).encode("utf-8"),
        output_dir / REJECTED_NAME: render_rejections(plan.rejections).encode("utf-8"),
        output_dir / STATE_NAME: state_bytes(state),  # last: see the docstring
    }
    written = tuple(path for path, data in contents.items() if replace_if_changed(path, data))
    logger.info("%s: %d events in the timeline; rewrote %d file(s)", output_dir, frame.height, len(written))

    events = frame.group_by("article_id").len()
    per_article = dict(zip(events["article_id"].to_list(), events["len"].to_list(), strict=True))
    lines = [
        ArticleLine(
            source=article_id,
            status=plan.status[article_id],
            events=per_article.get(article_id, 0),
            timexes=articles[article_id].timexes,
        )
        for article_id in plan.digests
    ]
    lines += [ArticleLine(r.source, "rejected", 0, 0, f"{r.reason} — {r.fix}") for r in plan.rejections]
    report = RunReport(
        articles=len(plan.digests),
        rejections=plan.rejections,
        timexes=sum(articles[article_id].timexes for article_id in plan.digests),
        events=frame.height,
        outputs=tuple(contents),
    )
    return IncrementalRun(report=report, lines=tuple(lines), added=added, written=written)


def run_incremental(
    input_path: Path, output_dir: Path, options: Options, lock_timeout: float = DEFAULT_LOCK_TIMEOUT
) -> RunReport:
    """Bring the timeline in ``output_dir`` up to date with the articles of ``input_path``.

    Holds ``output_dir/.chronique.lock`` throughout: a second run into the same folder waits for this one
    (``OutputLockedError`` after ``lock_timeout`` seconds).
    """
    with output_lock(output_dir, lock_timeout):
        plan = plan_incremental(input_path, output_dir, options)
        results = [analyse_batch(batch, options) for batch in batches(plan.changed, 256)]
        return commit_incremental(plan, results).report


def newest_markdown(run: IncrementalRun, max_rows: int = 500) -> str:
    """The timeline of the rows this run analysed (the latest ``max_rows`` by date), for a run's summary."""
    if run.added.is_empty():
        return "# Chronologie\n\nRien de nouveau : aucun article nouveau ou modifié.\n"
    shown = run.added.tail(max_rows)
    omitted = run.added.height - shown.height
    note = f"\n({omitted} événements plus anciens omis)\n" if omitted else ""
    return render_markdown(shown, load()) + note
