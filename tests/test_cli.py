"""The ``chronique`` command line: documented exit statuses, one clear line per problem, never a traceback."""

from __future__ import annotations

import errno
import json
import os
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from chronique.cli import EXIT_FAILED, EXIT_REJECTED, EXIT_USAGE, app

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
OUTPUT_NAMES = ["rejected.md", "timeline.md", "timeline.parquet"]
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


def test_missing_input_is_a_usage_error(tmp_path: Path) -> None:
    result = invoke("run", tmp_path / "nowhere", tmp_path / "out")
    assert_clean_exit(result, EXIT_USAGE)
    assert f"{tmp_path / 'nowhere'}: no such file or folder" in result.stderr
    assert not (tmp_path / "out").exists()


def test_input_neither_folder_nor_jsonl_is_a_usage_error(tmp_path: Path) -> None:
    table = tmp_path / "articles.csv"
    table.write_text("id,published\n", encoding="utf-8")
    result = invoke("run", table, tmp_path / "out")
    assert_clean_exit(result, EXIT_USAGE)
    assert f"{table}: neither a folder nor a .jsonl file" in result.stderr
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
    assert_clean_exit(result, EXIT_REJECTED)
    [line] = result.stderr.splitlines()
    assert "\x1b" not in line
    assert line.startswith(f"{folder}/a\\n# b\\x1b[31m.txt: there is no metadata file")


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
    assert_clean_exit(result, 0)
    rows = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [row["doc_id"] for row in rows] == ["a", "", "c"]
    assert [t["text"] for t in rows[0]["timexes"]] == ["samedi", "jeudi"]
    assert rows[1]["error"].startswith(f"{source}:2: not JSON")
    assert [(t["text"], t["value"]) for t in rows[2]["timexes"]] == [("lundi", "2022-09-12")]


def test_tag_missing_input_is_a_usage_error(tmp_path: Path) -> None:
    result = invoke("tag", tmp_path / "nowhere.jsonl", tmp_path / "out.jsonl")
    assert_clean_exit(result, EXIT_USAGE)
    assert f"{tmp_path / 'nowhere.jsonl'}: no such file" in result.stderr


def test_tag_output_that_is_a_folder_is_a_usage_error(tmp_path: Path) -> None:
    source = write_jsonl(
        tmp_path / "in.jsonl", [json.dumps({"id": "a", "published": "2022-09-10", "text": "x"})]
    )
    result = invoke("tag", source, tmp_path)
    assert_clean_exit(result, EXIT_USAGE)
    assert "is a folder" in result.stderr


def test_tag_input_not_utf8_is_a_usage_error(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_bytes(
        json.dumps({"id": "a", "published": "2022-09-10", "text": "été"}, ensure_ascii=False).encode("cp1252")
    )
    result = invoke("tag", source, tmp_path / "out.jsonl")
    assert_clean_exit(result, EXIT_USAGE)
    assert f"{source}: not UTF-8 (byte 0xe9 at offset" in result.stderr
    assert not (tmp_path / "out.jsonl").exists()


def test_incremental_run_twice_changes_no_byte(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert_clean_exit(invoke("run", "--incremental", SEEDS, out), 0)
    first = {name: (out / name).read_bytes() for name in outputs(out)}
    stamps = {name: (out / name).stat().st_mtime_ns for name in outputs(out)}
    assert_clean_exit(invoke("run", "--incremental", SEEDS, out), 0)
    assert {name: (out / name).read_bytes() for name in outputs(out)} == first
    assert {name: (out / name).stat().st_mtime_ns for name in outputs(out)} == stamps
