"""Tests for the output files: atomic writes, the set replaced as a whole, Parquet bytes, the writers."""

from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path

import polars as pl
import pytest

from chronique.articles import build_articles
from chronique.files import CURRENT_NAME, GENERATIONS_NAME, publish, published, write_atomic
from chronique.markdown import render_markdown
from chronique.model import (
    Anchoring,
    Article,
    ArticleResult,
    Event,
    Evidence,
    Grain,
    Rejection,
    ResolvedValue,
    TimexType,
)
from chronique.outputs import WRITERS, OutputContext, parquet_bytes, render_outputs, render_rejections
from chronique.state import STATE_NAME, ArticleState, RunState, read_state
from chronique.story import build_story
from chronique.timeline import build_timeline
from chronique.vocabulary import load
from tests.orchestration import OUTPUT_FILES

D = dt.date


def event(article_id: str, day: dt.date, trigger_start: int = 0) -> Event:
    """A day event with text that Markdown would otherwise interpret."""
    return Event(
        article_id=article_id,
        trigger="annonce",
        lemma="annoncer",
        trigger_start=trigger_start,
        trigger_end=trigger_start + 7,
        resolved=ResolvedValue(day.isoformat(), TimexType.DATE, Grain.DAY, day, day),
        anchoring=Anchoring.DIRECT,
        confidence=0.75,
        summary="Le *ministre* annonce",
        evidence=Evidence("Le ministre annonce | tout.", 0, 27),
        actors=("le ministre",),
        places=("Paris", "Lyon"),
        timex_text="jeudi",
        timex_start=12,
        timex_end=17,
        more_evidence=(Evidence("Encore.", 30, 37),),
    )


def timeline() -> pl.DataFrame:
    results = [
        ArticleResult(
            Article(id=key, published=D(2022, 9, 10), text="…", source=f"{key}.txt", title="Titre", url=None),
            (),
            tuple(event(key, D(2022, 9, day), start) for day, start in ((8, 5), (1, 40))),
        )
        for key in ("b", "a")
    ]
    return build_timeline(results)


def folder_names(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir())


def generations(folder: Path) -> list[str]:
    return sorted(path.name for path in (folder / GENERATIONS_NAME).iterdir())


def test_write_atomic_creates_and_replaces(tmp_path: Path) -> None:
    target = tmp_path / "out.md"
    write_atomic(target, b"premier")
    write_atomic(target, b"second")
    assert target.read_bytes() == b"second"
    assert folder_names(tmp_path) == ["out.md"]


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_new_files_are_readable_by_others(tmp_path: Path) -> None:
    write_atomic(tmp_path / "out.md", b"x")
    publish(tmp_path / "set", {"a.md": b"a"})
    assert (tmp_path / "out.md").stat().st_mode & 0o777 == 0o644
    assert (tmp_path / "set" / "a.md").stat().st_mode & 0o777 == 0o644


@pytest.mark.parametrize("failing", ["replace", "fsync"])
def test_failed_write_keeps_previous_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failing: str
) -> None:
    target = tmp_path / "out.md"
    write_atomic(target, b"ancien")

    def fail(*args: object) -> None:
        raise OSError("disque plein")

    monkeypatch.setattr(os, failing, fail)
    with pytest.raises(OSError, match="disque plein"):
        write_atomic(target, b"nouveau")
    monkeypatch.undo()
    assert target.read_bytes() == b"ancien"
    assert folder_names(tmp_path) == ["out.md"]


OLD = {"a.md": b"ancien a", "b.md": b"ancien b"}
NEW = {"a.md": b"nouveau a", "b.md": b"nouveau b"}


def test_publish_links_stable_names_to_the_current_generation(tmp_path: Path) -> None:
    assert publish(tmp_path, OLD) == ("a.md", "b.md")
    assert publish(tmp_path, {"a.md": b"ancien a", "b.md": b"autre b"}) == ("b.md",)
    assert published(tmp_path, OLD) == {"a.md": b"ancien a", "b.md": b"autre b"}
    assert (tmp_path / "a.md").readlink() == Path(CURRENT_NAME, "a.md")
    # 1: the empty folder's (nothing) as it was taken over, 2: the first set, 3: the second; only 3 is kept
    assert (tmp_path / CURRENT_NAME).readlink() == Path(GENERATIONS_NAME, "3")
    assert generations(tmp_path) == ["3"]
    assert folder_names(tmp_path) == [CURRENT_NAME, GENERATIONS_NAME, "a.md", "b.md"]


def test_publishing_the_same_bytes_touches_nothing(tmp_path: Path) -> None:
    publish(tmp_path, OLD)
    before = {path: path.lstat() for path in sorted(tmp_path.rglob("*"))}
    assert publish(tmp_path, OLD) == ()
    assert {path: path.lstat() for path in sorted(tmp_path.rglob("*"))} == before


@pytest.mark.parametrize(
    ("layout", "shown"),
    [
        pytest.param({"a.md": b"ancien a", "b.md": b"ancien b"}, OLD, id="regular files"),
        pytest.param({"a.md": b"ancien a"}, {"a.md": b"ancien a", "b.md": None}, id="one missing"),
        pytest.param({}, {"a.md": None, "b.md": None}, id="empty folder"),
    ],
)
def test_a_folder_of_regular_files_is_taken_over(
    tmp_path: Path, layout: dict[str, bytes], shown: dict[str, bytes | None]
) -> None:
    for name, data in layout.items():
        (tmp_path / name).write_bytes(data)
    (tmp_path / ".a.md.x1y2.tmp").write_bytes(b"left by a killed run of the old layout")
    steps: list[str] = []
    seen: list[dict[str, bytes | None]] = []

    def record(step: str) -> None:
        steps.append(step)
        seen.append(published(tmp_path, NEW))

    publish(tmp_path, NEW, on_step=record)
    assert published(tmp_path, NEW) == NEW
    assert folder_names(tmp_path) == [CURRENT_NAME, GENERATIONS_NAME, "a.md", "b.md"]
    # the old set is shown until the one step that swaps the pointer, the new set from then on
    swap = steps.index(f"{CURRENT_NAME} -> 2")
    assert seen[:swap] == [shown] * swap
    assert seen[swap:] == [NEW] * (len(steps) - swap)


def test_leftovers_of_killed_runs_are_removed(tmp_path: Path) -> None:
    publish(tmp_path, OLD)
    (tmp_path / GENERATIONS_NAME / "7").mkdir()  # a generation a killed run never made current
    (tmp_path / GENERATIONS_NAME / "7" / "a.md").write_bytes(b"half")
    (tmp_path / f".{CURRENT_NAME}.link.tmp").symlink_to("nowhere")
    publish(tmp_path, NEW)
    assert generations(tmp_path) == ["3"]  # 7 removed first; 2 (current) was followed by 3
    assert folder_names(tmp_path) == [CURRENT_NAME, GENERATIONS_NAME, "a.md", "b.md"]


@pytest.mark.parametrize("failing", ["replace", "fsync", "symlink"])
def test_a_failed_publication_keeps_the_old_set_and_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failing: str
) -> None:
    publish(tmp_path, OLD)
    current = generations(tmp_path)

    def fail(*args: object, **kwargs: object) -> None:
        raise OSError("disque plein")

    monkeypatch.setattr(os, failing, fail)
    with pytest.raises(OSError, match="disque plein"):
        publish(tmp_path, NEW)
    monkeypatch.undo()
    assert published(tmp_path, OLD) == OLD
    assert generations(tmp_path) == current
    assert folder_names(tmp_path) == [CURRENT_NAME, GENERATIONS_NAME, "a.md", "b.md"]


@pytest.mark.parametrize(
    "frame", [pytest.param(timeline(), id="rows"), pytest.param(build_timeline([]), id="empty")]
)
def test_parquet_round_trip(tmp_path: Path, frame: pl.DataFrame) -> None:
    target = tmp_path / "timeline.parquet"
    write_atomic(target, parquet_bytes(frame))
    back = pl.read_parquet(target)
    assert back.schema == frame.schema
    assert back.equals(frame)


def test_parquet_bytes_are_the_same_for_the_same_frame() -> None:
    first = parquet_bytes(timeline())
    assert parquet_bytes(timeline()) == first
    # a frame built in pieces (as merge_timelines does) holds several chunks; the bytes must not depend on it
    frame = timeline()
    pieces = pl.concat([frame.head(1), frame.tail(frame.height - 1)], rechunk=False)
    assert parquet_bytes(pieces) == first


def test_rejections_table() -> None:
    text = render_rejections(
        [
            Rejection("bad.txt", "no metadata file bad.meta.json", "add bad.meta.json"),
            Rejection("x|y.json:3", "<b>bad</b> # date", "write `2022-09-10`"),
        ]
    )
    lines = text.splitlines()
    assert lines[0].startswith("# ")
    table = [line for line in lines if line.startswith("|")]
    assert table[2:] == [
        "| bad.txt | no metadata file bad.meta.json | add bad.meta.json |",
        r"| x\|y.json:3 | &lt;b&gt;bad&lt;/b&gt; \# date | write \`2022-09-10\` |",
    ]
    # every row has the header's four unescaped pipes
    assert all(line.replace("\\|", "").count("|") == 4 for line in table)


def test_no_rejections() -> None:
    text = render_rejections([])
    assert "Aucun fichier rejeté." in text
    assert "|" not in text


def context() -> OutputContext:
    state = RunState(analysis="x", articles={"a": ArticleState("1", 2), "b": ArticleState("2", 2)})
    frame = timeline()
    rejections = (Rejection("bad.txt", "empty", "write text"),)
    articles = build_articles([], rejections, status={}, timexes={}, events={})
    return OutputContext(frame, build_story(frame), rejections, state, load(), articles=articles)


def test_every_writer_renders_its_file(tmp_path: Path) -> None:
    files = render_outputs(context())
    names = [*OUTPUT_FILES, STATE_NAME]
    assert list(files) == names == list(WRITERS)
    publish(tmp_path, files)
    assert pl.read_parquet(tmp_path / "timeline.parquet").equals(timeline())
    assert (tmp_path / "timeline.md").read_text(encoding="utf-8") == render_markdown(timeline(), load())
    assert pl.read_parquet(tmp_path / "story.parquet").equals(build_story(timeline()))
    assert (tmp_path / "story.md").read_text(encoding="utf-8").startswith("# Chronologie : les dates clés")
    assert "bad.txt" in (tmp_path / "rejected.md").read_text(encoding="utf-8")
    assert read_state(tmp_path) == context().state
    assert pl.read_parquet(tmp_path / "articles.parquet").equals(context().articles)
    assert render_outputs(context()) == files  # the same outcome gives the same bytes
