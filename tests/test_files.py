"""Tests for the output files: atomic writes, Parquet round trip and byte-identical re-writes."""

from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path

import polars as pl
import pytest

from chronique.files import (
    parquet_bytes,
    write_atomic,
    write_outputs,
    write_parquet_atomic,
    write_rejections,
)
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
from chronique.timeline import build_timeline
from chronique.vocabulary import load

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


def test_write_atomic_creates_and_replaces(tmp_path: Path) -> None:
    target = tmp_path / "out.md"
    write_atomic(target, b"premier")
    write_atomic(target, b"second")
    assert target.read_bytes() == b"second"
    assert folder_names(tmp_path) == ["out.md"]


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_new_file_is_readable_by_others(tmp_path: Path) -> None:
    target = tmp_path / "out.md"
    write_atomic(target, b"x")
    assert target.stat().st_mode & 0o777 == 0o644


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


def test_failed_parquet_write_keeps_previous_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "timeline.parquet"
    write_parquet_atomic(build_timeline([]), target)
    before = target.read_bytes()

    def fail(*args: object) -> None:
        raise OSError("coupure")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(OSError, match="coupure"):
        write_parquet_atomic(timeline(), target)
    monkeypatch.undo()
    assert target.read_bytes() == before
    assert folder_names(tmp_path) == ["timeline.parquet"]


@pytest.mark.parametrize(
    "frame", [pytest.param(timeline(), id="rows"), pytest.param(build_timeline([]), id="empty")]
)
def test_parquet_round_trip(tmp_path: Path, frame: pl.DataFrame) -> None:
    target = tmp_path / "timeline.parquet"
    write_parquet_atomic(frame, target)
    back = pl.read_parquet(target)
    assert back.schema == frame.schema
    assert back.equals(frame)


def test_parquet_rewrite_is_byte_identical(tmp_path: Path) -> None:
    first, second = tmp_path / "1.parquet", tmp_path / "2.parquet"
    write_parquet_atomic(timeline(), first)
    write_parquet_atomic(timeline(), second)
    assert first.read_bytes() == second.read_bytes()
    # a frame built in pieces (as merge_timelines does) holds several chunks; the bytes must not depend on it
    frame = timeline()
    pieces = pl.concat([frame.head(1), frame.tail(frame.height - 1)], rechunk=False)
    assert parquet_bytes(pieces) == first.read_bytes()


def test_rejections_table(tmp_path: Path) -> None:
    target = tmp_path / "rejected.md"
    write_rejections(
        [
            Rejection("bad.txt", "no metadata file bad.meta.json", "add bad.meta.json"),
            Rejection("x|y.json:3", "<b>bad</b> # date", "write `2022-09-10`"),
        ],
        target,
    )
    lines = target.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("# ")
    table = [line for line in lines if line.startswith("|")]
    assert table[2:] == [
        "| bad.txt | no metadata file bad.meta.json | add bad.meta.json |",
        r"| x\|y.json:3 | &lt;b&gt;bad&lt;/b&gt; \# date | write \`2022-09-10\` |",
    ]
    # every row has the header's four unescaped pipes
    assert all(line.replace("\\|", "").count("|") == 4 for line in table)


def test_no_rejections(tmp_path: Path) -> None:
    target = tmp_path / "rejected.md"
    write_rejections([], target)
    text = target.read_text(encoding="utf-8")
    assert "Aucun fichier rejeté." in text
    assert "|" not in text


def test_write_outputs(tmp_path: Path) -> None:
    output_dir = tmp_path / "sortie" / "2022"
    frame = timeline()
    paths = write_outputs(frame, [Rejection("bad.txt", "empty", "write text")], output_dir, load())
    assert paths == [output_dir / "timeline.parquet", output_dir / "timeline.md", output_dir / "rejected.md"]
    assert folder_names(output_dir) == ["rejected.md", "timeline.md", "timeline.parquet"]
    assert pl.read_parquet(paths[0]).equals(frame)
    assert paths[1].read_text(encoding="utf-8") == render_markdown(frame, load())
    assert "bad.txt" in paths[2].read_text(encoding="utf-8")


def test_write_outputs_twice_gives_identical_files(tmp_path: Path) -> None:
    first = write_outputs(timeline(), [], tmp_path / "1", load())
    second = write_outputs(timeline(), [], tmp_path / "2", load())
    assert [path.read_bytes() for path in first] == [path.read_bytes() for path in second]
