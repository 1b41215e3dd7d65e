"""The golden timelines: Markdown as written, Parquet as JSON rows, of each golden input folder."""

from __future__ import annotations

import contextlib
import json
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import polars as pl

from chronique.model import Options
from chronique.pipeline import run

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden"


@dataclass(frozen=True, slots=True)
class GoldenCase:
    """An input folder (relative to the checkout, as a user types it) and where its golden files are."""

    inputs: Path
    folder: Path


GOLDEN_CASES: Mapping[str, GoldenCase] = {
    # the seed article: a real news text, scraping boilerplate included
    "seed": GoldenCase(Path("seeds"), GOLDEN),
    # a hand-written article with a question, a negation, suppositions, a conditional, reported speech,
    # background sentences and a reader comment section (tests/golden/modality/input)
    "modality": GoldenCase(Path("tests/golden/modality/input"), GOLDEN / "modality"),
    # a hand-written story in four articles: one strike reported again and again, referred back to weeks
    # later, with a plan, a denial and a month (tests/golden/story/input)
    "story": GoldenCase(Path("tests/golden/story/input"), GOLDEN / "story"),
}


def frame_as_json(frame: pl.DataFrame) -> str:
    """Rows as JSON, dates as ISO strings, one key order: a readable, diffable golden file."""
    rows = frame.with_columns(pl.col(pl.Date).dt.to_string("%Y-%m-%d")).to_dicts()
    return json.dumps(rows, ensure_ascii=False, indent=1) + "\n"


def golden_outputs(case: GoldenCase) -> tuple[str, str, str]:
    """A golden input's timeline.md, timeline.parquet (as JSON) and story.md, made now."""
    with tempfile.TemporaryDirectory() as folder, contextlib.chdir(ROOT):
        out = Path(folder)
        run(case.inputs, out, Options())  # relative, as a user types it: sources read "seeds/…"
        markdown = (out / "timeline.md").read_text(encoding="utf-8")
        story = (out / "story.md").read_text(encoding="utf-8")
        return markdown, frame_as_json(pl.read_parquet(out / "timeline.parquet")), story


def seed_outputs() -> tuple[str, str]:
    """The seed's timeline.md and timeline.parquet (as JSON), made now."""
    markdown, rows, _ = golden_outputs(GOLDEN_CASES["seed"])
    return markdown, rows
