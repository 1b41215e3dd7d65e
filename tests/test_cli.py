"""The ``chronique`` command line: documented exit statuses, one clear line per problem, never a traceback."""

from __future__ import annotations

import errno
import io
import json
import os
import re
import shutil
from pathlib import Path
from typing import Any

import polars as pl
import pytest
from rich.console import Console
from typer.testing import CliRunner, Result

from chronique import cli
from chronique.cli import EXIT_FAILED, EXIT_NOTHING_READ, EXIT_REJECTED, EXIT_USAGE, app
from chronique.run_display import file_size
from tests.orchestration import OUTPUT_FILES

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
OUTPUT_NAMES = sorted(OUTPUT_FILES)  # as a folder lists them
FRENCH = "Le ministre a annoncé samedi sa démission. Les syndicats ont été reçus jeudi à l'Élysée."


def invoke(*args: object) -> Result:
    return CliRunner().invoke(app, [str(arg) for arg in args])


def assert_clean_exit(result: Result, status: int) -> None:
    """The expected status, reached by a deliberate exit, not by an exception and its traceback."""
    assert result.exit_code == status, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output


def outputs(folder: Path) -> list[str]:
    """The visible files of an output folder (the state and lock of incremental runs are dotfiles)."""
    return sorted(path.name for path in folder.iterdir() if not path.name.startswith("."))


def test_no_arguments_shows_the_help() -> None:
    result = invoke()
    assert_clean_exit(result, EXIT_USAGE)
    assert "run" in result.output
    assert "tag" in result.output


@pytest.mark.parametrize("command", ["run", "tag"])
def test_missing_input_is_a_usage_error(tmp_path: Path, command: str) -> None:
    result = invoke(command, tmp_path / "nowhere", tmp_path / "out")
    assert_clean_exit(result, EXIT_USAGE)
    assert result.stderr.splitlines() == [
        f"{tmp_path / 'nowhere'}: no such file or folder — give the folder of articles to read."
    ]
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("command", ["run", "tag"])
@pytest.mark.parametrize("name", ["articles.csv", "articles.meta.json"])
def test_input_of_no_readable_kind_is_a_usage_error(tmp_path: Path, command: str, name: str) -> None:
    table = tmp_path / name
    table.write_text("id,published\n", encoding="utf-8")
    result = invoke(command, table, tmp_path / "out")
    assert_clean_exit(result, EXIT_USAGE)
    assert result.stderr.splitlines() == [
        f"{table}: neither a folder nor a file chronique reads (.txt, .jsonl, .html, .htm, .xml, .rss, "
        ".atom) — give a folder of articles, an <id>.txt with its <id>.meta.json, a .jsonl file with one "
        "article a line, a saved web page (.html, .htm), or an RSS or Atom feed (.xml, .rss, .atom)."
    ]
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("target", ["file", "file/sub"])
def test_output_that_is_a_file_is_a_usage_error(tmp_path: Path, target: str) -> None:
    (tmp_path / "file").write_text("x", encoding="utf-8")
    result = invoke("run", SEEDS, tmp_path / target)
    assert_clean_exit(result, EXIT_USAGE)
    assert str(tmp_path / target) in result.stderr
    assert "give a folder for the outputs" in result.stderr
    assert (tmp_path / "file").read_text(encoding="utf-8") == "x"


@pytest.mark.parametrize(
    "args",
    [["--batch-size", "0"], ["--n-process", "0"], ["--no-such-option"], []],
    ids=["batch-size-0", "n-process-0", "unknown-option", "missing-output"],
)
def test_bad_option_is_a_usage_error(tmp_path: Path, args: list[str]) -> None:
    result = invoke("run", SEEDS, *([tmp_path / "out"] if args else []), *args)
    assert_clean_exit(result, EXIT_USAGE)
    assert not (tmp_path / "out").exists()


def test_run_on_good_input_exits_0(tmp_path: Path) -> None:
    result = invoke("run", SEEDS, tmp_path / "out")
    assert_clean_exit(result, 0)
    assert result.stderr == ""
    assert "1 articles" in result.stdout
    assert "0 rejected" in result.stdout
    assert outputs(tmp_path / "out") == OUTPUT_NAMES
    assert "Aucun fichier rejeté." in (tmp_path / "out" / "rejected.md").read_text(encoding="utf-8")


def test_run_with_a_rejection_exits_3(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    shutil.copytree(SEEDS, folder)
    (folder / "orphelin.txt").write_text(FRENCH, encoding="utf-8")
    result = invoke("run", folder, tmp_path / "out")
    assert_clean_exit(result, EXIT_REJECTED)
    assert result.stderr.splitlines() == [
        f"{folder / 'orphelin.txt'}: there is no metadata file orphelin.meta.json for this text — "
        'create orphelin.meta.json with at least {"published": "YYYY-MM-DD"}'
    ]
    assert "1 rejected" in result.stdout


def test_control_characters_in_a_file_name_stay_on_one_line(tmp_path: Path) -> None:
    """A scraper's file name can hold a newline or a terminal escape: stderr still gets one line for it."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a\n# b\x1b[31m.txt").write_text(FRENCH, encoding="utf-8")
    result = invoke("run", folder, tmp_path / "out")
    assert_clean_exit(result, EXIT_NOTHING_READ)  # its one file rejected, the run read nothing
    [line, nothing] = result.stderr.splitlines()
    assert "\x1b" not in line
    assert line.startswith(f"{folder}/a\\n# b\\x1b[31m.txt: there is no metadata file")
    assert nothing.startswith(f"{folder}: no article was read (1 inputs rejected or skipped")


def test_write_failure_exits_1_and_keeps_the_previous_outputs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    assert_clean_exit(invoke("run", SEEDS, out), 0)
    before = {name: (out / name).read_bytes() for name in OUTPUT_NAMES}
    folder = tmp_path / "in"
    shutil.copytree(SEEDS, folder)
    (folder / "autre.txt").write_text(FRENCH, encoding="utf-8")
    (folder / "autre.meta.json").write_text('{"published": "2022-09-11"}', encoding="utf-8")

    def disk_full(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "replace", disk_full)
    result = invoke("run", folder, out)
    monkeypatch.undo()
    assert_clean_exit(result, EXIT_FAILED)
    [line] = result.stderr.splitlines()
    assert line.startswith(f"{out}: the run failed")
    assert "No space left on device" in line
    assert {name: (out / name).read_bytes() for name in OUTPUT_NAMES} == before
    assert sorted(path.name for path in out.iterdir() if path.suffix == ".tmp") == []


def write_jsonl(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_tag_writes_one_line_per_document(tmp_path: Path) -> None:
    source = write_jsonl(
        tmp_path / "in.jsonl",
        [
            json.dumps({"doc_id": "a", "published": "2022-09-10", "text": FRENCH}),
            "pas du JSON",
            json.dumps({"id": "c", "published": "2022-09-10", "text": "Il viendra lundi."}),
        ],
    )
    result = invoke("tag", source, tmp_path / "out.jsonl")
    assert_clean_exit(result, EXIT_REJECTED)
    assert result.stdout == f"Tagged 3 documents into {tmp_path / 'out.jsonl'}; 1 rejected.\n"
    rows = read_jsonl(tmp_path / "out.jsonl")
    assert [row["doc_id"] for row in rows] == ["a", "", "c"]
    assert [t["text"] for t in rows[0]["timexes"]] == ["samedi", "jeudi"]
    assert rows[1] == {
        "doc_id": "",
        "timexes": [],
        "events": [],
        "error": f"{source}:2: the line is not valid JSON (Expecting value: line 1 column 1 (char 0)) — "
        "write one JSON object a line",
    }
    assert [(t["text"], t["value"]) for t in rows[2]["timexes"]] == [("lundi", "2022-09-12")]


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def record(**fields: str) -> str:
    return json.dumps({"id": "r", "published": "2022-09-10", "text": FRENCH, **fields})


ENGLISH = "The minister said on Monday that the talks are over and that the unions have not been heard."
GOOD = record(id="good")


# Bad lines, each in a file after a good one: the id tag writes out, and the reason run gives (by hand).
@pytest.mark.parametrize(
    ("line", "doc_id", "reason"),
    [
        (record(published="2022-02-30"), "r", "\"published\" is '2022-02-30', not a real date"),
        (record(published="1799-12-31"), "r", "outside the accepted years 1800–2100"),
        (record(text="Il est parti samedi \ud800."), "r", "the lone surrogate \\ud800 at position 20"),
        ("pas du JSON", "", "the line is not valid JSON (Expecting value: line 1 column 1 (char 0))"),
        ('["a", "2022-09-10"]', "", "the line is a JSON list, not an object"),
        (record(text=ENGLISH), "r", "the text is not French: its function words are those of language 'en'"),
        (GOOD, "good", "the id 'good' is already used by"),
    ],
    ids=[
        "impossible-date",
        "year-out-of-range",
        "lone-surrogate",
        "not-json",
        "not-object",
        "english",
        "dup",
    ],
)
def test_tag_rejects_what_run_rejects_with_the_same_message(
    tmp_path: Path, line: str, doc_id: str, reason: str
) -> None:
    source = write_jsonl(tmp_path / "in.jsonl", [GOOD, line])
    ran = invoke("run", source, tmp_path / "out")
    tagged = invoke("tag", source, tmp_path / "out.jsonl")
    assert_clean_exit(ran, EXIT_REJECTED)
    assert_clean_exit(tagged, EXIT_REJECTED)
    [message] = ran.stderr.splitlines()
    assert message.startswith(f"{source}:2: ") and reason in message and " — " in message
    good, bad = read_jsonl(tmp_path / "out.jsonl")
    assert good["doc_id"] == "good" and good["timexes"]
    assert bad == {"doc_id": doc_id, "timexes": [], "events": [], "error": message}


def test_tag_output_that_is_a_folder_is_a_usage_error(tmp_path: Path) -> None:
    source = write_jsonl(
        tmp_path / "in.jsonl", [json.dumps({"id": "a", "published": "2022-09-10", "text": "x"})]
    )
    result = invoke("tag", source, tmp_path)
    assert_clean_exit(result, EXIT_USAGE)
    assert "is a folder" in result.stderr


def test_tag_input_not_utf8_is_one_rejection(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_bytes(
        json.dumps({"id": "a", "published": "2022-09-10", "text": "été"}, ensure_ascii=False).encode("cp1252")
    )
    result = invoke("tag", source, tmp_path / "out.jsonl")
    assert_clean_exit(result, EXIT_REJECTED)
    # 48 bytes of {"id": "a", "published": "2022-09-10", "text": " come before the é.
    assert read_jsonl(tmp_path / "out.jsonl") == [
        {
            "doc_id": "",
            "timexes": [],
            "events": [],
            "error": f"{source}: the JSONL file is not valid UTF-8 (bad byte at offset 48) — "
            "re-save the file as UTF-8",
        }
    ]


def test_tag_reads_a_folder_as_run_does(tmp_path: Path) -> None:
    result = invoke("tag", SEEDS, tmp_path / "out.jsonl")
    assert_clean_exit(result, 0)
    [row] = read_jsonl(tmp_path / "out.jsonl")
    assert row["doc_id"] == "000_b5c863f8a0090c42"
    assert "error" not in row and row["timexes"]


def test_incremental_run_twice_changes_no_byte(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert_clean_exit(invoke("run", "--incremental", SEEDS, out), 0)
    first = {name: (out / name).read_bytes() for name in outputs(out)}
    stamps = {name: (out / name).stat().st_mtime_ns for name in outputs(out)}
    assert_clean_exit(invoke("run", "--incremental", SEEDS, out), 0)
    assert {name: (out / name).read_bytes() for name in outputs(out)} == first
    assert {name: (out / name).stat().st_mtime_ns for name in outputs(out)} == stamps


@pytest.mark.parametrize(
    ("size", "shown"),
    [
        (0, "0 B"),
        (999, "999 B"),
        (1000, "1.0 kB"),
        (14_230, "14.2 kB"),
        (3_100_000, "3.1 MB"),
        (2 * 10**12, "2000.0 GB"),
    ],
)
def test_file_sizes_for_people(size: int, shown: str) -> None:
    assert file_size(size) == shown


def terminal(monkeypatch: pytest.MonkeyPatch) -> io.StringIO:
    """Make ``chronique run`` believe stderr is a terminal; what it shows there lands in the buffer."""
    screen = io.StringIO()
    console = Console(file=screen, force_terminal=True, width=120, color_system=None)
    monkeypatch.setattr(cli, "terminal_console", lambda: console)
    return screen


@pytest.mark.parametrize("mode", [[], ["--incremental"]])
def test_a_terminal_shows_progress_and_the_summary_table(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, mode: list[str]
) -> None:
    screen = terminal(monkeypatch)
    result = invoke("run", SEEDS, tmp_path / "out", *mode)
    assert_clean_exit(result, 0)
    shown = screen.getvalue()
    assert re.search(r"Analysing .* 1/1 .*articles/s", shown), shown
    rows = {
        line.strip("│ ").split("│")[0].strip(): line.strip("│ ").split("│")[-1].strip()
        for line in shown.splitlines()
        if line.count("│") == 3
    }
    assert rows["articles read"] == "1"
    assert rows["rejected"] == "0"
    assert rows["events"] == str(pl.read_parquet(tmp_path / "out" / "timeline.parquet").height)
    assert {"story events", "key dates"} <= set(rows)
    for name in ("timeline.parquet", "timeline.md", "timeline.html", "timeline.json", "rejected.md"):
        size = (tmp_path / "out" / name).stat().st_size
        assert rows[str(tmp_path / "out" / name)] == file_size(size), name
    assert "articles read" not in result.stderr  # on the console, not in the captured stream


def test_quiet_shows_nothing_on_the_terminal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    screen = terminal(monkeypatch)
    result = invoke("run", SEEDS, tmp_path / "out", "--quiet")
    assert_clean_exit(result, 0)
    assert screen.getvalue() == ""
    assert result.stdout.startswith("1 articles,")


def test_no_progress_or_table_off_a_terminal(tmp_path: Path) -> None:
    result = invoke("run", SEEDS, tmp_path / "out")  # CliRunner's stderr is not a terminal
    assert_clean_exit(result, 0)
    assert result.stderr == ""
    assert "Analysing" not in result.stdout and "articles read" not in result.stdout
