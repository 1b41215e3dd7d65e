"""A run killed at any moment, or two runs at once, never leave a half-written timeline.

The outputs are written to temporary files in the output folder, flushed, then renamed over the old ones:
whatever moment a ``chronique run`` is SIGKILLed, ``timeline.parquet``, ``timeline.md`` and ``rejected.md``
each hold either the previous run's complete content or the new run's, and the next run repairs the rest.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import polars as pl
import pytest
from typer.testing import CliRunner

from chronique.cli import app

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
SEED_TEXT = SEEDS / "000_b5c863f8a0090c42.txt"
CHRONIQUE = Path(sys.executable).with_name("chronique")
OUTPUT_NAMES = ("timeline.parquet", "timeline.md", "rejected.md")

pytestmark = pytest.mark.skipif(not CHRONIQUE.exists(), reason=f"{CHRONIQUE} is not installed")


def build_articles(folder: Path, count: int) -> set[str]:
    """``count`` articles made of the seed's paragraphs, each with its own id and publication date."""
    paragraphs = [
        p.strip() for p in SEED_TEXT.read_text(encoding="utf-8").split("\n\n") if len(p.strip()) > 80
    ]
    folder.mkdir(parents=True)
    ids = set()
    for number in range(count):
        article_id = f"art-{number:04d}"
        published = dt.date(2022, 9, 10) - dt.timedelta(days=number)
        (folder / f"{article_id}.txt").write_text(paragraphs[number % len(paragraphs)], encoding="utf-8")
        (folder / f"{article_id}.meta.json").write_text(
            json.dumps({"published": published.isoformat(), "title": f"Article {number}"}), encoding="utf-8"
        )
        ids.add(article_id)
    return ids


def run_in_process(inputs: Path, output: Path) -> None:
    result = CliRunner().invoke(app, ["run", str(inputs), str(output)])
    assert result.exit_code == 0, result.output


@dataclass(frozen=True)
class Contents:
    """The three output files of one complete run."""

    frame: pl.DataFrame
    files: dict[str, bytes]

    @classmethod
    def of(cls, folder: Path) -> Contents:
        return cls(pl.read_parquet(folder / "timeline.parquet"), read_outputs(folder))


def read_outputs(folder: Path) -> dict[str, bytes]:
    return {name: (folder / name).read_bytes() for name in OUTPUT_NAMES}


def temporaries(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir() if path.name.endswith(".tmp"))


def fingerprints(folder: Path) -> dict[str, tuple[int, int]]:
    """Inode and modification time of each output: a rename or a rewrite changes them."""
    found = {}
    for name in OUTPUT_NAMES:
        try:
            stat = (folder / name).stat()
        except FileNotFoundError:
            continue
        found[name] = (stat.st_ino, stat.st_mtime_ns)
    return found


def kill_after(seconds: float) -> Callable[[subprocess.Popen[bytes], Path], str]:
    def wait(process: subprocess.Popen[bytes], output: Path) -> str:
        try:
            process.wait(timeout=seconds)
        except subprocess.TimeoutExpired:
            return f"after {seconds:g} s"
        return "never (the run had finished)"

    return wait


def kill_when_replaced(process: subprocess.Popen[bytes], output: Path) -> str:
    """Kill as soon as one of the outputs has been replaced (its inode or modification time changed)."""
    before = fingerprints(output)
    while process.poll() is None:
        if (now := fingerprints(output)) != before:
            moved = [name for name in OUTPUT_NAMES if now.get(name) != before.get(name)]
            return f"right after {', '.join(moved)} moved"
        time.sleep(0.0005)
    return "never (the run had finished before a change was seen)"


def killed_run(inputs: Path, output: Path, moment: Callable[[subprocess.Popen[bytes], Path], str]) -> str:
    process = subprocess.Popen(
        [str(CHRONIQUE), "run", str(inputs), str(output)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        when = moment(process, output)
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGKILL)
        process.wait(timeout=60)
    return when


def assert_whole(output: Path, old: Contents, new: Contents, when: str) -> None:
    """Each output file is the old run's or the new run's, complete."""
    frame = pl.read_parquet(output / "timeline.parquet")
    assert frame.equals(old.frame) or frame.equals(new.frame), f"timeline.parquet is neither, killed {when}"
    for name in OUTPUT_NAMES:
        data = (output / name).read_bytes()
        assert data in (old.files[name], new.files[name]), f"{name} is neither old nor new, killed {when}"
    markdown = (output / "timeline.md").read_text(encoding="utf-8")
    assert markdown.startswith("# Chronologie\n")
    assert markdown.endswith("\n")


# During start-up, during the analysis (or still the start-up, on a slow machine), and between two renames.
MOMENTS = {"1s": kill_after(1.0), "3s": kill_after(3.0), "replaced": kill_when_replaced}


def test_a_killed_run_leaves_the_previous_timeline_whole(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    big = tmp_path / "big"
    build_articles(big, 200)
    output, reference = tmp_path / "out", tmp_path / "reference"
    run_in_process(SEEDS, output)
    old = Contents.of(output)
    shutil.copytree(output, reference)  # the same folder, with whatever state the first run left
    run_in_process(big, reference)
    new = Contents.of(reference)
    assert set(new.frame["article_id"].to_list()) > {"art-0000", "art-0199"}

    report = []
    for name, moment in MOMENTS.items():  # each file old or new, whatever the previous kills left
        when = killed_run(big, output, moment)
        assert_whole(output, old, new, when)
        state = {n: "new" if (output / n).read_bytes() == new.files[n] else "old" for n in OUTPUT_NAMES}
        report.append(f"{name}: killed {when}: {state}; temporary files left: {temporaries(output)}")

    # the next complete run repairs everything: the same files as a run that was never interrupted
    run_in_process(big, output)
    assert read_outputs(output) == new.files
    with capsys.disabled():
        print("\n" + "\n".join(report))


def test_two_runs_at_once_into_one_folder_leave_whole_files(tmp_path: Path) -> None:
    small = tmp_path / "small"
    small_ids = build_articles(small, 3)
    big = tmp_path / "big"
    big_ids = build_articles(big, 40)
    for path in small.iterdir():  # other ids: the two inputs do not share articles
        path.rename(small / path.name.replace("art-", "autre-"))
    small_ids = {article_id.replace("art-", "autre-") for article_id in small_ids}
    output = tmp_path / "out"
    runs = [
        subprocess.Popen(
            [str(CHRONIQUE), "run", str(inputs), str(output)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )
        for inputs in (big, small)
    ]
    for process in runs:
        _, stderr = process.communicate(timeout=300)
        assert process.returncode == 0, stderr.decode()
    frame = pl.read_parquet(output / "timeline.parquet")
    assert frame.height > 0
    assert set(frame["article_id"].to_list()) <= small_ids | big_ids
    markdown = (output / "timeline.md").read_text(encoding="utf-8")
    lines = markdown.splitlines()
    assert lines[0] == "# Chronologie"
    assert all(line == "" or line.startswith(("## ", "- ")) for line in lines[1:])
    assert "Aucun fichier rejeté." in (output / "rejected.md").read_text(encoding="utf-8")
    assert temporaries(output) == []
