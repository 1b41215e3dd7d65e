"""The ``chronique`` command: ``run`` builds a timeline with the library alone, ``tag`` tags JSONL documents.

Exit status: 0 when everything was read; 3 when some inputs were rejected (the others were processed and the
outputs written; ``rejected.md`` lists them, and stderr has one line for each: the file, what is wrong, the
fix); 2 for a usage error (missing or unreadable input, an output path that is not a folder, a bad option);
1 when the outputs could not be written (disk full, no permission): the previous outputs are left whole;
4 when ``run`` read no article at all (an empty folder, or every input rejected or skipped).
``tag`` reads and validates what ``run`` does and exits the same way; a rejected document's line in its
output holds the error instead of tags.
"""

from __future__ import annotations

import contextlib
import dataclasses
import logging
import re
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from chronique.ingest import is_readable, unreadable_message
from chronique.model import Options

EXIT_FAILED = 1
EXIT_REJECTED = 3
EXIT_USAGE = 2
EXIT_NOTHING_READ = 4

# No local variables in a traceback: they would print article text (and anything else in memory) to stderr.
app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_show_locals=False,
    help="French news articles in, a dated timeline out.",
)


# C0 and C1 controls, DEL and the Unicode line separators: a file name may hold any of them (a newline, a
# terminal escape), and none may split a message's line or reach the terminal raw.
_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def one_line(text: str) -> str:
    """``text`` on one line, its control characters written as escapes (``\\n``, ``\\x1b``)."""
    return _UNPRINTABLE.sub(lambda match: match[0].encode("unicode_escape").decode("ascii"), text)


def _echo_error(message: str) -> None:
    typer.echo(one_line(message), err=True)


class _OneLineFormatter(logging.Formatter):
    """Log messages (which name input files) on one line each, like the rejections."""

    def formatMessage(self, record: logging.LogRecord) -> str:  # noqa: N802  # logging's own name
        record.message = one_line(record.message)
        return super().formatMessage(record)


def _configure_logging(verbose: bool) -> None:
    handler = logging.StreamHandler()
    handler.setFormatter(_OneLineFormatter("%(levelname)s %(name)s: %(message)s"))
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING, handlers=[handler])


def _usage_error(message: str) -> typer.Exit:
    _echo_error(message)
    return typer.Exit(EXIT_USAGE)


def _check_input(input_path: Path) -> None:
    """The usage errors of an input, the same for ``run`` and ``tag``: missing, or of no readable kind."""
    if not input_path.exists():
        raise _usage_error(f"{input_path}: no such file or folder — give the folder of articles to read.")
    if not is_readable(input_path):
        raise _usage_error(unreadable_message(input_path))


def _check_paths(input_path: Path, output_dir: Path) -> None:
    """Usage errors found before any work: a missing or unusable input, an output that is not a folder."""
    _check_input(input_path)
    if output_dir.exists() and not output_dir.is_dir():
        raise _usage_error(f"{output_dir}: exists and is not a folder — give a folder for the outputs.")
    for parent in output_dir.parents:
        if parent.exists() and not parent.is_dir():
            raise _usage_error(
                f"{output_dir}: {parent} is a file, not a folder — give a folder for the outputs."
            )


# Every Options field is a flag of both commands, its default taken from Options itself.
_DEFAULTS = Options()
BatchSize = Annotated[int, typer.Option(min=1, help="Articles per spaCy batch (nlp.pipe's batch_size).")]
NProcess = Annotated[
    int,
    typer.Option(
        min=1,
        help="chronique's worker processes: each analyses whole batches of articles (parse, time "
        "expressions, events); 1 analyses in this process.",
    ),
]
MaxTextChars = Annotated[
    int, typer.Option(min=1, help="Longest article text accepted, in characters; a longer one is rejected.")
]
IncludeDurations = Annotated[
    bool,
    typer.Option(
        "--include-durations/--no-include-durations",
        "--durations/--no-durations",
        help="Also emit DURATION and SET expressions (chronique tag).",
    ),
]
KeyDates = Annotated[
    int | None,
    typer.Option(
        min=1,
        help="How many key dates story.md shows and timeline.html marks (chronique run); default: as many "
        "as the collection's span and density call for, a few pages at most.",
    ),
]
Model = Annotated[str, typer.Option(help="The spaCy pipeline: an installed package's name or a folder.")]
DataDir = Annotated[
    Path | None,
    typer.Option(
        exists=True,
        file_okay=False,
        help="A folder of vocabulary (*.tsv) and rules (rules.txt) to use instead of chronique's own.",
    ),
]


OPTION_FIELDS = tuple(field.name for field in dataclasses.fields(Options))


def _options(arguments: Mapping[str, object]) -> Options:
    """The options among a command's arguments (its ``locals()``: each flag is named as its ``Options``
    field, so a new field is one flag per command); a bad value is a usage error."""
    fields = {name: arguments[name] for name in OPTION_FIELDS}
    try:
        return Options(**fields)  # type: ignore[arg-type]  # typer has checked each flag's type
    except ValueError as err:
        raise _usage_error(f"bad option: {err}") from None


def terminal_console() -> Console | None:
    """A console on stderr for the progress bar and the summary, when stderr is a terminal; else None."""
    return Console(stderr=True) if sys.stderr.isatty() else None


def _articles_to_read(input_path: Path, options: Options) -> int:
    """How many articles the input holds (one quick reading pass, for the progress bar's total)."""
    from chronique.ingest import read_articles  # noqa: PLC0415
    from chronique.model import Article  # noqa: PLC0415

    return sum(isinstance(item, Article) for item in read_articles(input_path, options))


@app.command()
def run(
    input_path: Annotated[
        Path, typer.Argument(help="A folder of .txt + .meta.json, .jsonl, .html pages, feeds; or one file.")
    ],
    output_dir: Annotated[
        Path, typer.Argument(help="Where timeline.parquet, timeline.md and rejected.md go.")
    ],
    *,
    batch_size: BatchSize = _DEFAULTS.batch_size,
    n_process: NProcess = _DEFAULTS.n_process,
    max_text_chars: MaxTextChars = _DEFAULTS.max_text_chars,
    include_durations: IncludeDurations = _DEFAULTS.include_durations,
    key_dates: KeyDates = _DEFAULTS.key_dates,
    model: Model = _DEFAULTS.model,
    data_dir: DataDir = _DEFAULTS.data_dir,
    incremental: Annotated[
        bool,
        typer.Option(help="Analyse only new or changed articles and merge them into OUTPUT's timeline."),
    ] = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v")] = False,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="No progress bar and no summary table on the terminal.")
    ] = False,
) -> None:
    """Build the timeline of a folder of articles (no Prefect).

    On a terminal, stderr shows a progress bar and, at the end, a table of the counts and output files.
    """
    _configure_logging(verbose)
    _check_paths(input_path, output_dir)

    from chronique.incremental import run_incremental  # noqa: PLC0415  # spaCy loads only for real work
    from chronique.pipeline import rejections_silenced  # noqa: PLC0415
    from chronique.pipeline import run as run_full  # noqa: PLC0415

    run_pipeline = run_incremental if incremental else run_full

    options = _options(locals())
    console = None if quiet else terminal_console()
    try:
        with rejections_silenced(), contextlib.ExitStack() as stack:  # rejections: printed once below
            progress = None
            if console is not None:
                from chronique.run_display import progress_bar  # noqa: PLC0415

                progress = stack.enter_context(progress_bar(console, _articles_to_read(input_path, options)))
            report = run_pipeline(input_path, output_dir, options, progress)
    except OSError as err:
        _echo_error(
            f"{output_dir}: the run failed ({err}) — fix the cause and run again; "
            "the outputs already there were left whole."
        )
        raise typer.Exit(EXIT_FAILED) from None
    typer.echo(
        one_line(
            f"{report.articles} articles, {report.timexes} time expressions, {report.events} events; "
            f"{len(report.rejections)} rejected. Wrote: {', '.join(str(p) for p in report.outputs)}"
        )
    )
    if console is not None:
        from chronique.run_display import print_summary  # noqa: PLC0415

        print_summary(console, report)
    for rejection in report.rejections:
        _echo_error(rejection.message())
    if report.articles == 0:
        _echo_error(
            f"{input_path}: no article was read ({len(report.rejections)} inputs rejected or skipped, "
            "above) — "
            "give .txt with .meta.json, .jsonl, .html/.htm pages or .xml/.rss/.atom feeds"
        )
        raise typer.Exit(EXIT_NOTHING_READ)
    if report.rejections:
        raise typer.Exit(EXIT_REJECTED)


@app.command()
def tag(
    input_path: Annotated[
        Path,
        typer.Argument(help='JSONL: {"doc_id"|"id", "published", "text"} per line (or any input of run).'),
    ],
    output_path: Annotated[Path, typer.Argument(help="JSONL: doc_id, timexes, events per line.")],
    *,
    batch_size: BatchSize = _DEFAULTS.batch_size,
    n_process: NProcess = _DEFAULTS.n_process,
    max_text_chars: MaxTextChars = _DEFAULTS.max_text_chars,
    include_durations: IncludeDurations = _DEFAULTS.include_durations,
    key_dates: KeyDates = _DEFAULTS.key_dates,
    model: Model = _DEFAULTS.model,
    data_dir: DataDir = _DEFAULTS.data_dir,
    rows: Annotated[
        bool,
        typer.Option(
            "--rows",
            help="Events: only the timeline's rows, found as `run` finds them (default: every mention).",
        ),
    ] = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v")] = False,
) -> None:
    """Tag time expressions (TIMEX3) and dated events, with character offsets."""
    _configure_logging(verbose)
    _check_input(input_path)
    if output_path.is_dir():
        raise _usage_error(f"{output_path}: is a folder — give the path of the JSONL file to write.")

    from chronique.tagging import tag_file  # noqa: PLC0415  # spaCy loads only for real work

    options = _options(locals())
    try:
        report = tag_file(input_path, output_path, options, rows=rows)
    except OSError as err:
        _echo_error(f"{output_path}: tagging failed ({err}) — fix the cause and run again.")
        raise typer.Exit(EXIT_FAILED) from None
    typer.echo(
        one_line(f"Tagged {report.documents} documents into {output_path}; {report.rejected} rejected.")
    )
    if report.rejected:  # each was logged with its fix, and has its line in the output
        raise typer.Exit(EXIT_REJECTED)
