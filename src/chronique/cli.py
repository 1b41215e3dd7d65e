"""The ``chronique`` command: ``run`` builds a timeline with the library alone, ``tag`` tags JSONL documents.

Exit status: 0 when everything was read; 3 when some inputs were rejected (the others were processed and the
outputs written; ``rejected.md`` lists them); 2 for a usage error (missing input folder, bad option).
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Annotated

import typer

from chronique.model import Options

EXIT_REJECTED = 3
EXIT_USAGE = 2

app = typer.Typer(
    add_completion=False, no_args_is_help=True, help="French news articles in, a dated timeline out."
)


def _configure_logging(verbose: bool) -> None:
    logging.basicConfig(
        level=logging.INFO if verbose else logging.WARNING, format="%(levelname)s %(name)s: %(message)s"
    )


@app.command()
def run(
    input_path: Annotated[
        Path, typer.Argument(help="A folder of <id>.txt + <id>.meta.json, or .jsonl files.")
    ],
    output_dir: Annotated[
        Path, typer.Argument(help="Where timeline.parquet, timeline.md and rejected.md go.")
    ],
    batch_size: Annotated[int, typer.Option(min=1, help="Articles per spaCy batch.")] = 32,
    n_process: Annotated[int, typer.Option(min=1, help="spaCy worker processes.")] = 1,
    verbose: Annotated[bool, typer.Option("--verbose", "-v")] = False,
) -> None:
    """Build the timeline of a folder of articles (no Prefect)."""
    from chronique.pipeline import run as run_pipeline  # noqa: PLC0415  # spaCy loads only for real work

    _configure_logging(verbose)
    if not input_path.exists():
        typer.echo(f"{input_path}: no such file or folder — give the folder of articles to read.", err=True)
        raise typer.Exit(EXIT_USAGE)
    report = run_pipeline(input_path, output_dir, Options(batch_size=batch_size, n_process=n_process))
    typer.echo(
        f"{report.articles} articles, {report.timexes} time expressions, {report.events} events; "
        f"{len(report.rejections)} rejected. Wrote: {', '.join(str(p) for p in report.outputs)}"
    )
    for rejection in report.rejections:
        typer.echo(rejection.message(), err=True)
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
    from chronique.tagging import tag_file  # noqa: PLC0415  # spaCy loads only for real work

    _configure_logging(verbose)
    if not input_path.is_file():
        typer.echo(f"{input_path}: no such file — give a JSONL file of documents.", err=True)
        raise typer.Exit(EXIT_USAGE)
    count = tag_file(input_path, output_path, Options(include_durations=durations))
    typer.echo(f"Tagged {count} documents into {output_path}")
