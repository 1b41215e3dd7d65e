"""The ``build-timeline`` flow: a folder of French news articles in, the timeline files brought up to date.

Thin Prefect glue over ``chronique.incremental``: planning (read the inputs and the output
folder's state) and committing (merge, write) are I/O tasks, the only ones with retries; the analysis runs
as one task per batch of new or changed articles, in-process by default or on a Dask cluster when
``CHRONIQUE_DASK_ADDRESS`` names one. The output folder's lock is held for the whole run.
"""

from __future__ import annotations

import os
import re
import sys
import threading
from pathlib import Path
from typing import Any


def start_ephemeral_server() -> threading.Thread | None:
    """Start Prefect's ephemeral server now, in a thread that returns once it answers; None when the flow
    will talk to a server of its own (``PREFECT_API_URL``) or may not start one.

    The server boots in a process of its own (about seven seconds, mostly waited for): started before the
    library and spaCy are imported and loaded, it boots meanwhile on another core, instead of after them
    when the flow's first call asks for it. The flow then finds it running (one server per process)."""
    from prefect.settings import PREFECT_API_URL, PREFECT_SERVER_EPHEMERAL_ENABLED  # noqa: PLC0415

    if PREFECT_API_URL.value() or not PREFECT_SERVER_EPHEMERAL_ENABLED.value():
        return None
    from prefect.server.api.server import SubprocessASGIServer  # noqa: PLC0415

    starting = threading.Thread(target=SubprocessASGIServer().start, name="prefect-server", daemon=True)
    starting.start()
    return starting


# make run: before the imports below (spaCy's French tokenizer alone takes seconds), see the function
SERVER_STARTING = start_ephemeral_server() if __name__ == "__main__" else None

import cloudpickle  # type: ignore[import-untyped]
from prefect import State, Task, flow, get_run_logger, task, unmapped
from prefect.artifacts import create_markdown_artifact, create_table_artifact
from prefect.cache_policies import NO_CACHE
from prefect.client.schemas.objects import TaskRun
from prefect.task_runners import TaskRunner, ThreadPoolTaskRunner

from chronique.analyzer import preload
from chronique.incremental import (
    IncrementalRun,
    RunPlan,
    commit_incremental,
    plan_incremental,
)
from chronique.model import ARTICLES_PER_BATCH, Article, Options
from chronique.pipeline import BatchResult, analyse_batch, batches, rejections_silenced
from chronique.state import output_lock
from chronique.timeline_html import HTML_NAME

DASK_ADDRESS_VARIABLE = "CHRONIQUE_DASK_ADDRESS"
_DEFAULTS = Options()  # the flow's parameters default to the library's options

# Dask workers cannot import this file (Prefect loads it from its path, #16419): send its code by value.
cloudpickle.register_pickle_by_value(sys.modules[__name__])


def task_runner(address: str | None = None) -> TaskRunner[Any]:
    """The Dask cluster at ``address`` (default: $CHRONIQUE_DASK_ADDRESS) if there is one, else in-process."""
    address = address or os.environ.get(DASK_ADDRESS_VARIABLE) or None
    if address:
        from prefect_dask.task_runners import DaskTaskRunner  # noqa: PLC0415  # distributed loads only when used

        runner: TaskRunner[Any] = DaskTaskRunner(address=address)
        return runner
    # One thread: a spaCy pipeline is not thread-safe, and the GIL would run the batches one by one anyway.
    return ThreadPoolTaskRunner(max_workers=1)


def _may_pass(task: Task[Any, Any], task_run: TaskRun, state: State[Any]) -> bool:
    """Retry file-system errors that may pass (a busy share, a full disk); not missing input or bugs."""
    error = state.result(raise_on_failure=False)
    permanent = (FileNotFoundError, NotADirectoryError, IsADirectoryError, PermissionError)
    return isinstance(error, OSError) and not isinstance(error, permanent)


# NO_CACHE: the state file decides what is new; Prefect must neither hash the articles nor reuse a result.
@task(retries=2, retry_delay_seconds=2, retry_condition_fn=_may_pass, cache_policy=NO_CACHE)
def plan_run(input_dir: Path, output_dir: Path, options: Options) -> RunPlan:
    """Read the articles and the output folder's state; pick the new and changed articles."""
    with rejections_silenced():  # the flow logs each rejection to its run
        return plan_incremental(input_dir, output_dir, options)


@task(cache_policy=NO_CACHE)
def analyse_articles(articles: list[Article], options: Options) -> BatchResult:
    """Timeline rows of one batch of articles (an article whose analysis fails is a rejection)."""
    with rejections_silenced():  # the flow logs each rejection to its run
        return analyse_batch(articles, options)


@task(retries=2, retry_delay_seconds=2, retry_condition_fn=_may_pass, cache_policy=NO_CACHE)
def write_run(plan: RunPlan, results: list[BatchResult]) -> IncrementalRun:
    """Merge the new rows into the timeline; publish the outputs and the state as one set."""
    return commit_incremental(plan, results)


def page_link(output_dir: str) -> str:
    """The artifact's first line: a link to the run's ``timeline.html`` (opens where the folder is local)."""
    page = (Path(output_dir) / HTML_NAME).resolve()
    return f"**[Ouvrir la chronologie : {HTML_NAME}]({page.as_uri()})** — `{page}`\n\n"


def artifact_key(kind: str, output_dir: str) -> str:
    """``timeline-output``: Prefect keys allow lowercase letters, digits and dashes only."""
    name = re.sub(r"[^a-z0-9]+", "-", Path(output_dir).resolve().name.lower()).strip("-")
    return f"{kind}-{name or 'root'}"[:100]


@flow(name="build-timeline", task_runner=task_runner())
def build_timeline(
    input_dir: str = "seeds",
    output_dir: str = "output",
    articles_per_task: int = ARTICLES_PER_BATCH,
    *,
    batch_size: int = _DEFAULTS.batch_size,
    n_process: int = _DEFAULTS.n_process,
    max_text_chars: int = _DEFAULTS.max_text_chars,
    include_durations: bool = _DEFAULTS.include_durations,
    key_dates: int | None = _DEFAULTS.key_dates,
    model: str = _DEFAULTS.model,
    data_dir: str | None = None,
) -> int:
    """Bring the timeline in ``output_dir`` up to date with the articles of ``input_dir``; return its size.

    ``articles_per_task`` articles make one analysis task; the other parameters are ``chronique.Options``.
    """
    logger = get_run_logger()
    options = Options(
        batch_size=batch_size,
        n_process=n_process,
        max_text_chars=max_text_chars,
        include_durations=include_durations,
        key_dates=key_dates,
        model=model,
        data_dir=Path(data_dir) if data_dir else None,
    )
    with output_lock(Path(output_dir)):
        plan = plan_run(Path(input_dir), Path(output_dir), options)
        for rejection in plan.rejections:
            logger.warning("%s", rejection.message())
        futures = analyse_articles.map(list(batches(plan.changed, articles_per_task)), unmapped(options))
        run = write_run(plan, futures.result())
    report = run.report
    for rejection in report.rejections[len(plan.rejections) :]:  # the articles whose analysis failed
        logger.warning("%s", rejection.message())
    if report.articles == 0:  # the command line exits 4; a scheduled run over an empty inbox only warns
        logger.warning(
            "%s: no article was read (%d inputs rejected or skipped)", input_dir, len(plan.rejections)
        )
    logger.info(
        "%d articles read (%d analysed), %d rejected; %d events, %d story events, %d key dates in %s "
        "(%d file(s) rewritten)",
        report.articles,
        len(plan.changed),
        len(report.rejections),
        report.events,
        report.story_events,
        report.key_dates,
        output_dir,
        len(run.written),
    )
    for path in report.outputs:
        logger.info("%s: %d bytes", path, path.stat().st_size if path.exists() else 0)
    create_markdown_artifact(
        page_link(output_dir) + run.key_dates,
        key=artifact_key("timeline", output_dir),
        description=f"The story's key dates ({output_dir}/story.md); every event: {output_dir}/timeline.md",
    )
    create_table_artifact(
        [
            {
                "article": line.source,
                "status": line.status,
                "events": line.events,
                "time expressions": line.timexes,
                "reason": line.reason,
            }
            for line in run.lines
        ],
        key=artifact_key("articles", output_dir),
        description=f"Articles read from {input_dir}, rejected inputs with the reason",
    )
    return report.events


if __name__ == "__main__":
    # make run: python flows/build_timeline.py [INPUT_DIR [OUTPUT_DIR]]
    arguments = sys.argv[1:3] + ["seeds", "output"][len(sys.argv[1:3]) :]
    # Prefect's ephemeral server is booting (SERVER_STARTING): spaCy's pipeline loads meanwhile, instead of
    # after it in the first batch's task; the flow starts once the server answers.
    preload(_DEFAULTS)
    if SERVER_STARTING is not None:
        SERVER_STARTING.join()
    build_timeline(input_dir=arguments[0], output_dir=arguments[1])
