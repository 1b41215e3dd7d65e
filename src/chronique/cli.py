"""The ``chronique`` command: ``run`` builds a timeline with the library alone, ``tag`` tags JSONL documents.

Exit status: 0 when everything was read; 3 when some inputs were rejected (the others were processed and the
outputs written; ``rejected.md`` lists them, and stderr has one line for each: the file, what is wrong, the
fix); 2 for a usage error (missing or unreadable input, an output path that is not a folder, a bad option);
1 when the outputs could not be written (disk full, no permission): the previous outputs are left whole.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import Annotated

import typer

from chronique.model import Options

EXIT_FAILED = 1
EXIT_REJECTED = 3
EXIT_USAGE = 2

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


def _check_paths(input_path: Path, output_dir: Path) -> None:
    """Usage errors found before any work: a missing or unusable input, an output that is not a folder."""
    if not input_path.exists():
        raise _usage_error(f"{input_path}: no such file or folder — give the folder of articles to read.")
    if not (input_path.is_dir() or (input_path.is_file() and input_path.suffix == ".jsonl")):
        raise _usage_error(
            f"{input_path}: neither a folder nor a .jsonl file — give a folder of <id>.txt + <id>.meta.json "
            "files, or a .jsonl file with one article a line."
        )
    if output_dir.exists() and not output_dir.is_dir():
        raise _usage_error(f"{output_dir}: exists and is not a folder — give a folder for the outputs.")
    for parent in output_dir.parents:
        if parent.exists() and not parent.is_dir():
            raise _usage_error(
                f"{output_dir}: {parent} is a file, not a folder — give a folder for the outputs."
            )


@app.command()
def run(
    input_path: Annotated[
        Path, typer.Argument(help="A folder of <id>.txt + <id>.meta.json, or .jsonl files.")
    ],
    output_dir: Annotated[
        Path, typer.Argument(help="Where timeline.parquet, timeline.md and rejected.md go.")
    ],
    *,
    batch_size: Annotated[int, typer.Option(min=1, help="Articles per spaCy batch.")] = 32,
    n_process: Annotated[int, typer.Option(min=1, help="spaCy worker processes.")] = 1,
    incremental: Annotated[
        bool,
        typer.Option(help="Analyse only new or changed articles and merge them into OUTPUT's timeline."),
    ] = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v")] = False,
) -> None:
    """Build the timeline of a folder of articles (no Prefect)."""
    _configure_logging(verbose)
    _check_paths(input_path, output_dir)

    from chronique.incremental import run_incremental  # noqa: PLC0415  # spaCy loads only for real work
    from chronique.pipeline import rejections_silenced  # noqa: PLC0415
    from chronique.pipeline import run as run_full  # noqa: PLC0415

    run_pipeline = run_incremental if incremental else run_full

    try:
        with rejections_silenced():  # each is printed once below, without a log prefix
            report = run_pipeline(input_path, output_dir, Options(batch_size=batch_size, n_process=n_process))
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
    for rejection in report.rejections:
        _echo_error(rejection.message())
    if report.rejections:
        raise typer.Exit(EXIT_REJECTED)


@app.command()
def tag(
    input_path: Annotated[Path, typer.Argument(help='JSONL: {"doc_id"|"id", "published", "text"} per line.')],
    output_path: Annotated[Path, typer.Argument(help="JSONL: doc_id, timexes, events per line.")],
    durations: Annotated[bool, typer.Option(help="Also emit DURATION and SET expressions.")] = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v")] = False,
) -> None:
    """Tag time expressions (TIMEX3) and dated events, with character offsets."""
    _configure_logging(verbose)
    if not input_path.is_file():
        raise _usage_error(f"{input_path}: no such file — give a JSONL file of documents.")
    if output_path.is_dir():
        raise _usage_error(f"{output_path}: is a folder — give the path of the JSONL file to write.")

    from chronique.tagging import tag_file  # noqa: PLC0415  # spaCy loads only for real work

    try:
        count = tag_file(input_path, output_path, Options(include_durations=durations))
    except UnicodeDecodeError as err:
        raise _usage_error(
            f"{input_path}: not UTF-8 (byte 0x{err.object[err.start]:02x} at offset {err.start}) — "
            "re-save the file as UTF-8."
        ) from None
    except OSError as err:
        _echo_error(f"{output_path}: tagging failed ({err}) — fix the cause and run again.")
        raise typer.Exit(EXIT_FAILED) from None
    typer.echo(one_line(f"Tagged {count} documents into {output_path}"))
