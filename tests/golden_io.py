"""The seed's timeline as golden files: Markdown as written, Parquet as JSON rows."""

from __future__ import annotations

import contextlib
import json
import tempfile
from pathlib import Path

import polars as pl

from chronique.model import Options
from chronique.pipeline import run

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden"


def frame_as_json(frame: pl.DataFrame) -> str:
    """Rows as JSON, dates as ISO strings, one key order: a readable, diffable golden file."""
    rows = frame.with_columns(pl.col(pl.Date).dt.to_string("%Y-%m-%d")).to_dicts()
    return json.dumps(rows, ensure_ascii=False, indent=1) + "\n"


def seed_outputs() -> tuple[str, str]:
    """The seed's timeline.md and timeline.parquet (as JSON), made now."""
    with tempfile.TemporaryDirectory() as folder, contextlib.chdir(ROOT):
        out = Path(folder)
        run(Path("seeds"), out, Options())  # relative, as a user types it: sources read "seeds/…"
        markdown = (out / "timeline.md").read_text(encoding="utf-8")
        return markdown, frame_as_json(pl.read_parquet(out / "timeline.parquet"))
