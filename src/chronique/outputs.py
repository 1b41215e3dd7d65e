"""The outputs as a registry: each file name has a writer, a function from the run's outcome to the bytes.

The full run and the incremental run both build one ``OutputContext``, render every writer
(``render_outputs``) and publish the result as one set (``write_outputs``: see ``files.publish``), so the
files cannot disagree with each other. A new output (``timeline.html``) is one module with a
``(OutputContext) -> bytes`` function and one line in ``WRITERS``; something new a writer needs (the story,
the articles table) is one field of ``OutputContext``. The state file is a member of the set: it must
always describe the timeline beside it.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

import polars as pl

from chronique.articles import empty_articles
from chronique.files import publish
from chronique.markdown import escape_markdown, render_markdown
from chronique.model import Rejection
from chronique.state import STATE_NAME, RunState, state_bytes
from chronique.story_markdown import article_titles, render_story
from chronique.timeline_html import HTML_NAME, render_timeline_html
from chronique.timeline_json import JSON_NAME, render_timeline_json
from chronique.vocabulary import Vocabulary

PARQUET_NAME = "timeline.parquet"
MARKDOWN_NAME = "timeline.md"
REJECTED_NAME = "rejected.md"
STORY_PARQUET_NAME = "story.parquet"
STORY_MARKDOWN_NAME = "story.md"
ARTICLES_NAME = "articles.parquet"


@dataclass(frozen=True, slots=True)
class OutputContext:
    """Everything the writers need: the run's timeline and story, its rejections and state, the vocabulary."""

    timeline: pl.DataFrame
    story: pl.DataFrame  # the timeline's story events (story.build_story), one row per event
    rejections: tuple[Rejection, ...]
    state: RunState
    vocabulary: Vocabulary
    key_dates: int | None = None  # Options.key_dates: how many key dates story.md and timeline.html show
    # articles.parquet: one row per input read or rejected (chronique.articles.build_articles)
    articles: pl.DataFrame = field(default_factory=empty_articles)


Writer = Callable[[OutputContext], bytes]
"""Renders one output file from a run's outcome; pure (the same context gives the same bytes)."""


def parquet_bytes(frame: pl.DataFrame) -> bytes:
    """The frame as Parquet; the same frame gives the same bytes (checked by the tests).

    Polars writes no timestamp; the footer names the Polars version, so bytes can differ across versions.
    """
    buffer = io.BytesIO()
    frame.write_parquet(buffer, compression="zstd", statistics=True)
    return buffer.getvalue()


def render_rejections(rejections: Sequence[Rejection]) -> str:
    """``rejected.md``: one table row per rejected input, or a line saying there is none."""
    lines = ["# Fichiers rejetés (rejected files)", ""]
    if not rejections:
        lines.append("Aucun fichier rejeté.")
    else:
        lines += [
            "| Fichier (file) | Raison (reason) | Correction (fix) |",
            "| --- | --- | --- |",
        ]
        lines += [
            f"| {escape_markdown(r.source)} | {escape_markdown(r.reason)} | {escape_markdown(r.fix)} |"
            for r in rejections
        ]
    return "\n".join(lines) + "\n"


def _timeline_parquet(context: OutputContext) -> bytes:
    return parquet_bytes(context.timeline)


def _timeline_markdown(context: OutputContext) -> bytes:
    return render_markdown(context.timeline, context.vocabulary, context.story).encode("utf-8")


def _story_parquet(context: OutputContext) -> bytes:
    return parquet_bytes(context.story)


def _story_markdown(context: OutputContext) -> bytes:
    return story_markdown_text(context).encode("utf-8")


def story_markdown_text(context: OutputContext) -> str:
    """story.md's text (also the flow's Markdown artifact)."""
    return render_story(
        context.story, context.vocabulary, context.key_dates, article_titles(context.timeline)
    )


def _rejected_markdown(context: OutputContext) -> bytes:
    return render_rejections(context.rejections).encode("utf-8")


def _articles_parquet(context: OutputContext) -> bytes:
    return parquet_bytes(context.articles)


def _timeline_html(context: OutputContext) -> bytes:
    return render_timeline_html(context.story, context.timeline, key_dates=context.key_dates).encode("utf-8")


def _timeline_json(context: OutputContext) -> bytes:
    return render_timeline_json(context.story, context.timeline).encode("utf-8")


def _state_json(context: OutputContext) -> bytes:
    return state_bytes(context.state)


WRITERS: Mapping[str, Writer] = MappingProxyType(
    {
        PARQUET_NAME: _timeline_parquet,
        MARKDOWN_NAME: _timeline_markdown,
        STORY_PARQUET_NAME: _story_parquet,
        STORY_MARKDOWN_NAME: _story_markdown,
        REJECTED_NAME: _rejected_markdown,
        ARTICLES_NAME: _articles_parquet,
        HTML_NAME: _timeline_html,
        JSON_NAME: _timeline_json,
        STATE_NAME: _state_json,
    }
)


def render_outputs(context: OutputContext) -> dict[str, bytes]:
    """Every output file of the run: name → bytes, in ``WRITERS`` order."""
    return {name: write(context) for name, write in WRITERS.items()}


def output_paths(output_dir: Path) -> tuple[Path, ...]:
    """Where the outputs are read: one path per writer (a stable link into the current set)."""
    return tuple(output_dir / name for name in WRITERS)


def write_outputs(output_dir: Path, context: OutputContext) -> tuple[str, ...]:
    """Render every output and publish them as one set; return the names whose bytes changed.

    The caller holds ``output_dir``'s lock (``state.output_lock``). A folder that already holds exactly
    these bytes is left untouched.
    """
    return publish(output_dir, render_outputs(context))
