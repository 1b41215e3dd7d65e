"""What ``chronique run`` shows on a terminal: a progress bar while it analyses, a summary table at the end.

Both go to a rich ``Console`` on stderr that the command line creates only when stderr is a terminal (and
not ``--quiet``): nothing of it reaches a pipe, a log file or CI.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table
from rich.text import Text

from chronique.pipeline import Progress as ProgressCallback
from chronique.pipeline import RunReport


class ArticlesPerSecond(ProgressColumn):
    """The analysis speed, in articles per second."""

    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text(f"{speed:.1f} articles/s" if speed else "– articles/s", style="progress.data.speed")


@contextlib.contextmanager
def progress_bar(console: Console, total: int | None) -> Iterator[ProgressCallback]:
    """A bar of articles analysed / total, the speed and the time left; yields the run's progress callback.

    ``total`` is what the command line counted; a run that knows better (an incremental run analyses only
    the new and changed articles) replaces it through the callback.
    """
    columns = (
        TextColumn("Analysing"),
        BarColumn(),
        MofNCompleteColumn(),
        ArticlesPerSecond(),
        TimeElapsedColumn(),
        TextColumn("left"),
        TimeRemainingColumn(),
    )
    with Progress(*columns, console=console, transient=False) as progress:
        task = progress.add_task("articles", total=total)

        def advance(done: int, run_total: int | None) -> None:
            progress.update(task, completed=done, total=run_total if run_total is not None else total)

        yield advance


def file_size(size: int) -> str:
    """``size`` bytes for a person: ``812 B``, ``14.2 kB``, ``3.1 MB``."""
    if size < 1000:
        return f"{size} B"
    scaled = float(size)
    for prefix in ("kB", "MB"):
        scaled /= 1000
        if scaled < 1000:
            return f"{scaled:.1f} {prefix}"
    return f"{scaled / 1000:.1f} GB"


def summary_rows(report: RunReport) -> list[tuple[str, str]]:
    """The end-of-run table's rows: the counts, then each output file with its size."""
    rows = [
        ("articles read", str(report.articles)),
        ("rejected", str(len(report.rejections))),
        ("events", str(report.events)),
        ("story events", str(report.story_events)),
        ("key dates", str(report.key_dates)),
    ]
    rows += [(str(path), _size_of(path)) for path in report.outputs]
    return rows


def _size_of(path: Path) -> str:
    try:
        return file_size(path.stat().st_size)
    except OSError:
        return "missing"


def print_summary(console: Console, report: RunReport) -> None:
    """The end-of-run table on ``console``."""
    table = Table(title="chronique run", show_header=False, title_justify="left")
    table.add_column(style="bold")
    table.add_column(justify="right")
    for name, value in summary_rows(report):
        table.add_row(name, value)
    console.print(table)
