"""A run killed at any moment, or two runs at once, never leave a half-written or a mixed set of outputs.

The outputs and the state are published as one set (``files.publish``: a generation folder, then one
atomic swap of the ``.current`` link): whatever moment a run is SIGKILLed, ``timeline.parquet``,
``timeline.md``, ``rejected.md`` and the state file are all the previous run's or all the new run's, and
the next run removes what the killed one left. Killed at each step of a publication in turn, and at
moments of a whole ``chronique run``.
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
from chronique.files import CURRENT_NAME, GENERATIONS_NAME, publish, published
from chronique.outputs import WRITERS

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
SEED_TEXT = SEEDS / "000_b5c863f8a0090c42.txt"
CHRONIQUE = Path(sys.executable).with_name("chronique")
OUTPUT_NAMES = tuple(WRITERS)  # the state file included: it belongs to the set

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


def generations(folder: Path) -> list[str]:
    return sorted(path.name for path in (folder / GENERATIONS_NAME).iterdir())


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
    """The outputs are the old run's set or the new run's, every file complete."""
    frame = pl.read_parquet(output / "timeline.parquet")
    assert frame.equals(old.frame) or frame.equals(new.frame), f"timeline.parquet is neither, killed {when}"
    assert read_outputs(output) in (old.files, new.files), f"neither the old set nor the new, killed {when}"
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
    shutil.copytree(output, reference, symlinks=True)  # the same folder, as the first run left it
    run_in_process(big, reference)
    new = Contents.of(reference)
    assert set(new.frame["article_id"].to_list()) > {"art-0000", "art-0199"}

    report = []
    for name, moment in MOMENTS.items():  # each file old or new, whatever the previous kills left
        when = killed_run(big, output, moment)
        assert_whole(output, old, new, when)
        state = "new" if read_outputs(output) == new.files else "old"
        left = temporaries(output) + generations(output)
        report.append(f"{name}: killed {when}: the {state} set; left: {left}")

    # the next complete run repairs everything: the same files as a run that was never interrupted
    run_in_process(big, output)
    assert read_outputs(output) == new.files
    assert len(generations(output)) == 1
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
    assert len(generations(output)) == 1


# ---- killed at each step of a publication ---------------------------------------------------------------

# Publishes the files of a folder into another and SIGKILLs itself right after the given step.
KILLED_PUBLISH = """
import os, signal, sys
from pathlib import Path
from chronique.files import publish

output, source, kill_after = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
steps = []

def step(done):
    steps.append(done)
    if len(steps) == kill_after:
        os.kill(os.getpid(), signal.SIGKILL)

publish(output, {path.name: path.read_bytes() for path in sorted(source.iterdir())}, on_step=step)
"""

OLD = {name: f"ancien {name}\n".encode() for name in OUTPUT_NAMES}
NEW = {name: f"nouveau {name}\n".encode() for name in OUTPUT_NAMES}


def linked(folder: Path) -> None:
    publish(folder, OLD)


def regular_files(folder: Path) -> None:
    """As written before generations existed: plain files, and no state (full runs wrote none)."""
    folder.mkdir()
    for name, data in OLD.items():
        if name != ".chronique-state.json":
            (folder / name).write_bytes(data)


def empty(folder: Path) -> None:
    folder.mkdir()


def with_leftovers(folder: Path) -> None:
    """The old set, and what killed runs left: a generation never made current, a temporary link."""
    publish(folder, OLD)
    (folder / GENERATIONS_NAME / "9").mkdir()
    (folder / GENERATIONS_NAME / "9" / "timeline.md").write_bytes(b"half")
    (folder / f".{CURRENT_NAME}.link.tmp").symlink_to(f"{GENERATIONS_NAME}/9")


@pytest.mark.parametrize("layout", [linked, regular_files, empty, with_leftovers])
def test_a_publication_killed_at_each_step_shows_the_whole_old_set_or_the_whole_new(
    tmp_path: Path, layout: Callable[[Path], None]
) -> None:
    (tmp_path / "new").mkdir()
    for name, data in NEW.items():
        (tmp_path / "new" / name).write_bytes(data)
    layout(tmp_path / "start")
    old = published(tmp_path / "start", OUTPUT_NAMES)
    steps: list[str] = []
    shutil.copytree(tmp_path / "start", tmp_path / "whole", symlinks=True)
    publish(tmp_path / "whole", NEW, on_step=steps.append)
    # from the swap of the pointer to the new generation on (a take-over's own swap keeps the old bytes)
    [swap] = [
        n for n, step in enumerate(steps, 1) if step.startswith(f"{CURRENT_NAME} -> ") and "taken" not in step
    ]

    for kill_after in range(1, len(steps) + 1):
        output = tmp_path / f"killed-{kill_after}"
        shutil.copytree(tmp_path / "start", output, symlinks=True)
        done = subprocess.run(
            [sys.executable, "-c", KILLED_PUBLISH, str(output), str(tmp_path / "new"), str(kill_after)],
            check=False,
        )
        assert done.returncode == -signal.SIGKILL, f"not killed after {steps[kill_after - 1]}"
        expected = NEW if kill_after >= swap else old
        assert published(output, OUTPUT_NAMES) == expected, f"killed after {steps[kill_after - 1]}"
        # the next run repairs the folder: the new set, one generation, nothing else left behind
        publish(output, NEW)
        assert published(output, OUTPUT_NAMES) == NEW
        assert len(generations(output)) == 1
        assert temporaries(output) == []
