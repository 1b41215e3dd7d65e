"""Incremental runs: only the articles that are new or changed since the last run into the same output folder
are analysed; their rows replace theirs in the timeline already there.

Three steps, which the Prefect flow runs as tasks and ``run_incremental`` chains for the command line: plan
(read the inputs and the folder's state, pick the articles to analyse), analyse each batch
(``pipeline.analyse_batch``), commit (merge the rows, publish the outputs and the state as one set, exactly
as the full run does). The folder's lock is held from the plan to the commit.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

import polars as pl

from chronique.analyzer import analyzer_for, release_memory
from chronique.articles import ArticleInfo, build_articles, events_per_article
from chronique.ingest import read_articles
from chronique.markdown import render_markdown
from chronique.model import Article, Options, Rejection
from chronique.outputs import (
    ARTICLES_NAME,
    PARQUET_NAME,
    STORY_PARQUET_NAME,
    OutputContext,
    output_paths,
    story_markdown_text,
    write_outputs,
)
from chronique.pipeline import (
    BatchResult,
    Progress,
    RunReport,
    analyse,
    batch_result,
    batches,
    reported,
    split_inputs,
)
from chronique.state import (
    DEFAULT_LOCK_TIMEOUT,
    RunState,
    analysis_fingerprint,
    article_digest,
    output_lock,
    read_state,
)
from chronique.story import build_story, key_date_count, previous_event_ids
from chronique.timeline import TIMELINE_SCHEMA, concat_timelines, empty_timeline, merge_timelines

logger = logging.getLogger(__name__)


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
    options: Options
    read: tuple[ArticleInfo, ...] = ()  # every article read, in input order, for articles.parquet


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
    written: tuple[Path, ...]  # the outputs whose bytes changed (none when nothing did)
    key_dates: str = ""  # story.md's text: the story's key dates (the flow's Markdown artifact)


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


def _kept_articles(output_dir: Path, table: pl.DataFrame) -> pl.DataFrame:
    """The folder's articles.parquet when it differs from ``table`` in the statuses only.

    A run that analyses nothing and changes nothing else must leave every file as it is (a second run
    changes no byte): its articles would only turn from analysed to unchanged. The file then keeps the
    statuses of the run that wrote it.
    """
    try:
        previous = pl.read_parquet(output_dir / ARTICLES_NAME)
    except (OSError, pl.exceptions.PolarsError):
        return table
    if dict(previous.schema) != dict(table.schema):
        return table
    return previous if previous.drop("status").equals(table.drop("status")) else table


def plan_incremental(input_path: Path, output_dir: Path, options: Options) -> RunPlan:
    """Read the inputs and the state of ``output_dir``; pick the articles that are new or changed.

    Articles in the timeline but no longer in the input keep their rows (the timeline is an archive: an
    inbox may be emptied once read). With another analysis (code, data or model changed), every article
    read is analysed again.
    """
    rejections: list[Rejection] = []
    articles = list(split_inputs(read_articles(input_path, options), rejections))
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
        options=options,
        read=tuple(ArticleInfo.of(article) for article in articles),
    )


def commit_incremental(plan: RunPlan, results: Iterable[BatchResult]) -> IncrementalRun:
    """Merge the analysed batches into the folder's timeline and publish the outputs, state included.

    The outputs and the state are replaced as one set (``files.publish``): after a crash the folder holds
    the old set or the new one, and the state always describes the timeline beside it.
    """
    collected = list(results)
    added = concat_timelines(result.frame for result in collected)
    frame = merge_timelines(plan.timeline, added, [article.id for article in plan.changed])
    failed = tuple(rejection for result in collected for rejection in result.rejections)
    failed_ids = {rejection.article_id for rejection in failed}
    articles = {key: value for key, value in plan.previous.articles.items() if key not in failed_ids}
    for result in collected:
        articles.update(result.articles)
    rejections = plan.rejections + failed
    read_ids = [article_id for article_id in plan.digests if article_id not in failed_ids]
    state = RunState(analysis=plan.analysis, articles=articles)

    per_article = events_per_article(frame)
    table = build_articles(
        [info for info in plan.read if info.article_id not in failed_ids],
        rejections,
        status={key: "unchanged" if seen == "unchanged" else "analysed" for key, seen in plan.status.items()},
        timexes={key: articles[key].timexes for key in read_ids},
        events=per_article,
    )
    output_dir = plan.output_dir
    if not plan.changed:
        table = _kept_articles(output_dir, table)
    # the story of the whole merged timeline; events already in the folder's story keep their ids
    release_memory()  # the parse is done: its freed heap goes back first
    story = build_story(frame, previous_event_ids(output_dir / STORY_PARQUET_NAME))
    vocabulary = analyzer_for(plan.options).vocabulary
    context = OutputContext(
        frame, story, rejections, state, vocabulary, plan.options.key_dates, articles=table
    )
    changed = write_outputs(output_dir, context)
    logger.info("%s: %d events in the timeline; rewrote %d file(s)", output_dir, frame.height, len(changed))

    lines = [
        ArticleLine(
            source=article_id,
            status=plan.status[article_id],
            events=per_article.get(article_id, 0),
            timexes=articles[article_id].timexes,
        )
        for article_id in read_ids
    ]
    lines += [ArticleLine(r.source, "rejected", 0, 0, f"{r.reason} — {r.fix}") for r in rejections]
    report = RunReport(
        articles=len(read_ids),
        rejections=rejections,
        timexes=sum(articles[article_id].timexes for article_id in read_ids),
        events=frame.height,
        outputs=output_paths(output_dir),
        story_events=story.height,
        key_dates=key_date_count(story, plan.options.key_dates),
    )
    written = tuple(output_dir / name for name in changed)
    return IncrementalRun(
        report=report,
        lines=tuple(lines),
        added=added,
        written=written,
        key_dates=story_markdown_text(context),
    )


def run_incremental(
    input_path: Path,
    output_dir: Path,
    options: Options,
    progress: Progress | None = None,
    lock_timeout: float = DEFAULT_LOCK_TIMEOUT,
) -> RunReport:
    """Bring the timeline in ``output_dir`` up to date with the articles of ``input_path``.

    Holds ``output_dir/.chronique.lock`` throughout: a second run into the same folder waits for this one
    (``OutputLockedError`` after ``lock_timeout`` seconds).
    """
    with output_lock(output_dir, lock_timeout):
        plan = plan_incremental(input_path, output_dir, options)
        analysed = reported(analyse(plan.changed, options), progress, len(plan.changed))
        results = [batch_result(batch) for batch in batches(analysed)]
        return commit_incremental(plan, results).report


def newest_markdown(run: IncrementalRun, options: Options, max_rows: int = 500) -> str:
    """The timeline of the rows this run analysed (the latest ``max_rows`` by date), for a run's summary."""
    if run.added.is_empty():
        return "# Chronologie\n\nRien de nouveau : aucun article nouveau ou modifié.\n"
    shown = run.added.tail(max_rows)
    omitted = run.added.height - shown.height
    note = f"\n({omitted} événements plus anciens omis)\n" if omitted else ""
    return render_markdown(shown, analyzer_for(options).vocabulary) + note
