"""The ``build-timeline`` flow: a folder of French news articles in, the timeline files out.

Thin Prefect glue over ``chronique.pipeline``: reading and writing are their own tasks (the only ones with
retries, for I/O); the analysis runs as one task per batch of articles.
"""

from __future__ import annotations

import sys
from pathlib import Path

import polars as pl
from prefect import flow, get_run_logger, task

from chronique.files import write_outputs
from chronique.ingest import read_articles
from chronique.model import Article, Options, Rejection
from chronique.pipeline import batches, timeline_batch, timeline_of_frames
from chronique.vocabulary import load

BATCH_SIZE = 200


@task(retries=2, retry_delay_seconds=2)
def read_inputs(input_dir: Path, options: Options) -> list[Article | Rejection]:
    """Read and validate every article of the input folder."""
    return list(read_articles(input_dir, options))


@task
def analyse_batch(articles: list[Article], options: Options) -> pl.DataFrame:
    """Timeline rows of one batch of articles."""
    return timeline_batch(articles, options)


@task(retries=2, retry_delay_seconds=2)
def write_files(frame: pl.DataFrame, rejections: list[Rejection], output_dir: Path) -> list[Path]:
    """Write timeline.parquet, timeline.md and rejected.md atomically."""
    return write_outputs(frame, rejections, output_dir, load())


@flow(name="build-timeline", log_prints=False)
def build_timeline(input_dir: str = "seeds", output_dir: str = "output") -> list[str]:
    """Build the timeline of the articles in ``input_dir`` into ``output_dir``."""
    logger = get_run_logger()
    options = Options()
    items = read_inputs(Path(input_dir), options)
    rejections = [item for item in items if isinstance(item, Rejection)]
    for rejection in rejections:
        logger.warning(rejection.message())
    articles = [item for item in items if isinstance(item, Article)]
    frames = [analyse_batch(batch, options) for batch in batches(articles, BATCH_SIZE)]
    frame = timeline_of_frames(frames)
    written = write_files(frame, rejections, Path(output_dir))
    logger.info("%d articles, %d events, %d rejected", len(articles), frame.height, len(rejections))
    return [str(path) for path in written]


if __name__ == "__main__":
    build_timeline(*sys.argv[1:3])
