"""The story across runs: an incremental run merges new articles into the folder's story, ids stay."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import polars as pl

from chronique.incremental import run_incremental
from chronique.model import Options
from chronique.story import build_story

STORY_INPUT = Path(__file__).parent / "golden" / "story" / "input"
MARCH_11 = dt.date(2024, 3, 11)


def copy_articles(names: list[str], folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        for suffix in (".txt", ".meta.json"):
            shutil.copy(STORY_INPUT / f"{name}{suffix}", folder / f"{name}{suffix}")


def march_11(story: pl.DataFrame) -> dict[str, object]:
    rows = story.filter((pl.col("date_start") == MARCH_11) & pl.col("summary").str.contains("syndicats"))
    assert rows.height == 1, rows
    return rows.row(0, named=True)


def test_incremental_run_keeps_event_ids_and_updates_ranks(tmp_path: Path) -> None:
    inbox, out = tmp_path / "inbox", tmp_path / "out"
    copy_articles(["greve-bus-3", "greve-bus-4"], inbox)
    run_incremental(inbox, out, Options())
    before = pl.read_parquet(out / "story.parquet")
    assert march_11(before)["article_ids"] == ["greve-bus-3"]
    # article 2, published on 8 March, announced the meeting of Monday 11 March: an earlier evidence
    copy_articles(["greve-bus-2"], inbox)
    # every day in story.md (the merged event is what is checked here, not how its day ranks)
    run_incremental(inbox, out, Options(key_dates=4))
    after = pl.read_parquet(out / "story.parquet")
    merged = march_11(after)
    assert merged["article_ids"] == ["greve-bus-2", "greve-bus-3"]
    assert merged["first_reported"] == dt.date(2024, 3, 8)
    assert merged["event_id"] == march_11(before)["event_id"]  # the id stayed
    assert set(before.get_column("event_id")) <= set(after.get_column("event_id"))
    # from scratch, the same event would be named after its new first evidence
    fresh = build_story(pl.read_parquet(out / "timeline.parquet"))
    assert march_11(fresh)["event_id"] != merged["event_id"]
    assert after.get_column("n_mentions").sum() == pl.read_parquet(out / "timeline.parquet").height
    story_md = (out / "story.md").read_text(encoding="utf-8")
    assert "## lundi 11 mars 2024" in story_md and "sources : 2 articles" in story_md
