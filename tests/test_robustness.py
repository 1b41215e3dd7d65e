"""End to end: ``chronique run`` over a folder where good and bad articles mix, and over hostile text.

Whatever arrives, the run goes on: every good article is in the timeline, every bad input is named with its
fix in ``rejected.md`` and on one line of stderr, the exit status is the documented one, a re-run gives the
same bytes, and nothing an article says can change the structure of ``timeline.md``.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
import sys
import tracemalloc
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import polars as pl
import pytest
from typer.testing import CliRunner

from chronique.cli import EXIT_REJECTED, app
from chronique.ingest import read_articles
from chronique.markdown import escape_markdown, heading
from chronique.model import Article, Options, Rejection
from chronique.vocabulary import load
from tests.orchestration import OUTPUT_FILES

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
CHRONIQUE = Path(sys.executable).with_name("chronique")
OUTPUT_NAMES = sorted(OUTPUT_FILES)  # as a folder lists them

ENGLISH = (
    "The president said on Monday that the army was ready and that the troops are in the city "
    "with their allies, but it has not been confirmed by the ministry."
)
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4
# One line of 20,000 characters: one long sentence, as a scraper that lost the line breaks gives it.
LONG_LINE = "Le ministre a annoncé lundi sa démission, " + "et puis encore, " * 1250 + "sans un mot de plus."


def meta(**fields: object) -> str:
    return json.dumps({"published": "2022-09-10", **fields})


def record(**fields: object) -> str:
    return json.dumps({"published": "2022-09-10", **fields})


# Every good article, by the id it must have in timeline.parquet, with its files.
GOOD_FILES: dict[str, str | bytes] = {
    "good_plain.txt": "Le président a annoncé samedi une réforme des retraites. "
    "Les syndicats ont été reçus jeudi à l'Élysée.",
    "good_plain.meta.json": meta(title="Retraites"),
    "good_bom.txt": "\ufeffLe maire a inauguré mardi le nouveau pont de la ville.".encode(),
    "good_bom.meta.json": ("\ufeff" + meta()).encode(),
    "good_cp1252.txt": "L'été dernier, le préfet a fermé la plage. Elle a rouvert vendredi.".encode("cp1252"),
    "good_cp1252.meta.json": meta(published="2022-09-10T08:30:00+02:00"),
    "good_long_line.txt": LONG_LINE,
    "good_long_line.meta.json": meta(),
    # the id comes from the metadata; a title and url that look like paths are only text
    "renamed.txt": "Les pompiers sont intervenus mercredi dans la zone industrielle.",
    "renamed.meta.json": meta(id="izyum-2022", title="../../etc/passwd", url="file:///etc/passwd"),
}
GOOD_JSONL_LINES = {
    1: record(id="jsonl-a", text="Le conseil municipal a voté lundi le budget de la commune."),
    3: record(doc_id="jsonl-c", text="La ministre se rendra jeudi à Marseille pour rencontrer les élus."),
}
GOOD_IDS = {"good_plain", "good_bom", "good_cp1252", "good_long_line", "izyum-2022", "jsonl-a", "jsonl-c"}

# Every bad input, by its source, with the words its rejection must contain.
BAD_FILES: dict[str, str | bytes] = {
    "nometa.txt": "Le ministre a annoncé samedi sa démission.",
    "orphan.meta.json": meta(),
    "notjson.txt": "Le ministre a annoncé samedi sa démission.",
    "notjson.meta.json": "{published: 2022-09-10",
    "nopub.txt": "Le ministre a annoncé samedi sa démission.",
    "nopub.meta.json": json.dumps({"title": "Sans date"}),
    "baddate.txt": "Le ministre a annoncé samedi sa démission.",
    "baddate.meta.json": meta(published="2022-13-45"),
    "demain.txt": "Le ministre a annoncé samedi sa démission.",
    "demain.meta.json": meta(published="demain"),
    "pathid.txt": "Le ministre a annoncé samedi sa démission.",
    "pathid.meta.json": meta(id="../../x"),
    "unsafeid.txt": "Le ministre a annoncé samedi sa démission.",
    "unsafeid.meta.json": meta(id="x; rm -rf ~"),
    # sorts after good_plain: the second article with an id is the one rejected
    "zz_dup.txt": "Le ministre a annoncé samedi sa démission.",
    "zz_dup.meta.json": meta(id="good_plain"),
    "empty.txt": "",
    "empty.meta.json": meta(),
    "blank.txt": " \n\t\n ",
    "blank.meta.json": meta(),
    "image.txt": PNG,
    "image.meta.json": meta(),
    "english.txt": ENGLISH,
    "english.meta.json": meta(),
    "deep.txt": "Le ministre a annoncé samedi sa démission.",
    "deep.meta.json": "[" * 100_000,
    "bigint.txt": "Le ministre a annoncé samedi sa démission.",
    "bigint.meta.json": '{"published": 1' + "0" * 5000 + "}",
}
BAD_JSONL_LINES = {
    2: '{"id": "jsonl-b", "published": ',
    4: record(id="jsonl-d", text="Le ministre a annoncé samedi \ud800 sa démission."),
    5: '{"id": "jsonl-e", "published": "2022-09-10", "text": 1' + "0" * 5000 + "}",
}
BAD_REASONS = {
    "nometa.txt": "no metadata file nometa.meta.json",
    "orphan.meta.json": "no text file orphan.txt",
    "notjson.meta.json": "not valid JSON",
    "nopub.meta.json": '"published" date is missing',
    "baddate.meta.json": "not a real date",
    "demain.meta.json": "not an ISO date",
    "pathid.meta.json": "not safe",
    "unsafeid.meta.json": "not safe",
    "zz_dup.txt": "already used by",
    "empty.txt": "empty",
    "blank.txt": "only whitespace",
    "image.txt": "binary",
    "english.txt": "'en'",
    "huge.txt": "max_text_chars=1,000,000",
    "deep.meta.json": "not valid JSON",
    "bigint.meta.json": "not valid JSON",
    "batch.jsonl:2": "not valid JSON",
    "batch.jsonl:4": "lone surrogate",
    "batch.jsonl:5": "not valid JSON",
}


def write_files(folder: Path, files: dict[str, str | bytes]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        path = folder / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")


def make_mixed_folder(folder: Path) -> None:
    write_files(folder, {**GOOD_FILES, **BAD_FILES, "huge.meta.json": meta()})
    lines = {**GOOD_JSONL_LINES, **BAD_JSONL_LINES}
    (folder / "batch.jsonl").write_text("\n".join(lines[n] for n in sorted(lines)) + "\n", encoding="utf-8")
    with (folder / "huge.txt").open("w", encoding="utf-8") as handle:  # 20 MB
        for _ in range(20):
            handle.write("Le chat est là. " * 65_536)


def snapshot(folder: Path) -> dict[str, str]:
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def visible(folder: Path) -> list[str]:
    """The files of an output folder, without the dotfiles (state and lock) of incremental runs."""
    return sorted(path.name for path in folder.iterdir() if not path.name.startswith("."))


@dataclass(frozen=True)
class MixedRun:
    root: Path
    inputs: Path
    output: Path
    returncode: int
    stdout: str
    stderr: str
    files: dict[str, bytes]
    inputs_before: dict[str, str]

    def source(self, name: str) -> str:
        return str(self.inputs / name)


@pytest.fixture(scope="module")
def mixed(tmp_path_factory: pytest.TempPathFactory) -> MixedRun:
    """One real ``chronique run`` (a subprocess, as the scheduler starts it) over the mixed folder."""
    if not CHRONIQUE.exists():
        pytest.skip(f"{CHRONIQUE} is not installed")
    root = tmp_path_factory.mktemp("mixed")
    inputs, output = root / "in", root / "out"
    make_mixed_folder(inputs)
    before = snapshot(inputs)
    done = subprocess.run(
        [str(CHRONIQUE), "run", str(inputs), str(output)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
        check=False,
    )
    files = {name: (output / name).read_bytes() for name in OUTPUT_NAMES if (output / name).exists()}
    return MixedRun(root, inputs, output, done.returncode, done.stdout, done.stderr, files, before)


def test_mixed_folder_exits_3_without_a_traceback(mixed: MixedRun) -> None:
    assert mixed.returncode == EXIT_REJECTED, mixed.stderr
    assert "Traceback" not in mixed.stderr
    assert f"{len(BAD_REASONS)} rejected" in mixed.stdout


def test_every_good_article_is_in_the_timeline(mixed: MixedRun) -> None:
    frame = pl.read_parquet(mixed.output / "timeline.parquet")
    assert set(frame["article_id"].unique().to_list()) == GOOD_IDS
    # the text of the cp1252 file was decoded, not mangled
    sentences = frame.filter(pl.col("article_id") == "good_cp1252")["sentence"].to_list()
    assert any("été" in sentence for sentence in sentences)


def test_every_bad_input_is_one_row_of_rejected_md(mixed: MixedRun) -> None:
    text = mixed.files["rejected.md"].decode("utf-8")
    rows = [line for line in text.splitlines() if line.startswith("| ")][2:]  # after the header and rule
    assert len(rows) == len(BAD_REASONS), text
    for name, reason in BAD_REASONS.items():
        [row] = [row for row in rows if row.startswith(f"| {escape_markdown(mixed.source(name))} |")]
        assert escape_markdown(reason) in row, row
        assert not row.endswith("|  |"), "every row has its fix"


def test_stderr_has_one_line_per_problem_naming_the_file_and_the_fix(mixed: MixedRun) -> None:
    lines = mixed.stderr.splitlines()
    unexplained = list(lines)
    for name, reason in BAD_REASONS.items():
        mine = [line for line in lines if line.startswith(f"{mixed.source(name)}: ")]
        assert len(mine) == 1, (name, mine)
        where_what, _, fix = mine[0].partition(" — ")
        assert reason in where_what
        assert fix.strip(), f"no fix for {name}"
        unexplained.remove(mine[0])
    # the cp1252 file is read, with a warning that names it and says what to do
    [warning] = [line for line in unexplained if mixed.source("good_cp1252.txt") in line]
    assert "cp1252" in warning
    assert "re-save it as UTF-8" in warning
    unexplained.remove(warning)
    assert unexplained == []


def test_nothing_is_written_outside_the_output_folder(mixed: MixedRun) -> None:
    assert visible(mixed.output) == OUTPUT_NAMES
    assert snapshot(mixed.inputs) == mixed.inputs_before
    assert sorted(path.name for path in mixed.root.iterdir()) == ["in", "out"]


def test_rerun_gives_byte_identical_files(mixed: MixedRun, tmp_path: Path) -> None:
    """Into the same folder (over the first run's files) and into a new one: the same bytes."""
    for output in (mixed.output, tmp_path / "again"):
        result = CliRunner().invoke(app, ["run", str(mixed.inputs), str(output)])
        assert result.exit_code == EXIT_REJECTED, result.output
        assert {name: (output / name).read_bytes() for name in OUTPUT_NAMES} == mixed.files


# ---- bounded memory, file names that are not UTF-8 -------------------------------------------------------


def test_an_enormous_jsonl_line_is_rejected_without_loading_it(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    with path.open("w", encoding="utf-8") as handle:
        handle.write(record(id="a", text="Le ministre a annoncé samedi sa démission.") + "\n")
        handle.write(
            '{"id": "b", "published": "2022-09-10", "text": "' + "Le chat est là. " * 1_250_000 + '"}\n'
        )
        handle.write(record(id="c", text="La ministre se rendra jeudi à Marseille.") + "\n")
    options = Options(max_text_chars=10_000)  # lines up to 1,060,000 characters
    tracemalloc.start()
    try:
        items = list(read_articles(path, options))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert [item.id for item in items if isinstance(item, Article)] == ["a", "c"]
    [rejection] = [item for item in items if isinstance(item, Rejection)]
    assert rejection.source == f"{path}:2"
    assert "the line has 20,000,0" in rejection.reason
    assert "max_text_chars=10,000" in rejection.reason
    assert peak < 12_000_000, f"{peak:,} bytes at the peak to read past a 20 MB line"


def test_an_enormous_metadata_file_is_rejected(tmp_path: Path) -> None:
    write_files(
        tmp_path,
        {"a.txt": "Le ministre a annoncé samedi sa démission.", "a.meta.json": meta(note="x" * 2_000_000)},
    )
    [rejection] = read_articles(tmp_path, Options())
    assert isinstance(rejection, Rejection)
    assert rejection.source == str(tmp_path / "a.meta.json")
    assert "more than the limit" in rejection.reason


def test_file_names_that_are_not_utf8_are_named_with_escapes(tmp_path: Path) -> None:
    """A scraper on another system writes latin-1 names: the run goes on and names them printably."""
    inputs = tmp_path / "in"
    inputs.mkdir()
    raw = os.fsencode(inputs)
    Path(os.fsdecode(raw + b"/caf\xe9.txt")).write_text(
        "Le ministre a annoncé samedi sa démission.", encoding="utf-8"
    )
    Path(os.fsdecode(raw + b"/caf\xe9.meta.json")).write_text(meta(id="cafe"), encoding="utf-8")
    Path(os.fsdecode(raw + b"/th\xe9.txt")).write_text(
        "Le ministre a annoncé samedi sa démission.", encoding="utf-8"
    )
    result = CliRunner().invoke(app, ["run", str(inputs), str(tmp_path / "out")])
    assert result.exit_code == EXIT_REJECTED, result.output
    assert result.stderr.splitlines() == [
        f"{inputs}/th\\xe9.txt: there is no metadata file th\\xe9.meta.json for this text — "
        'create th\\xe9.meta.json with at least {"published": "YYYY-MM-DD"}'
    ]
    frame = pl.read_parquet(tmp_path / "out" / "timeline.parquet")
    assert frame["source"].unique().to_list() == [f"{inputs}/caf\\xe9.txt"]
    assert "th\\\\xe9.txt" in (tmp_path / "out" / "rejected.md").read_text(encoding="utf-8")


# ---- hostile text ----------------------------------------------------------------------------------------

HOSTILE_TEXT = (
    "# Faux titre\n\n"
    "Le ministre a annoncé samedi <script>alert(1)</script> la # fermeture | du site `x`.\n\n"
    "| a | b |\n|---|---|\n| c | d |\n\n"
    "```\nrm -rf /\n```\n\n"
    "> citation\n\n"
    "Le préfet a ordonné vendredi la fermeture du site &lt;b&gt; **gras** ~~barré~~ _penché_ \\# "
    "<!-- commentaire --> [lien](javascript:alert(1)) ![img](x.png).\n\n"
    "1. Le maire a démissionné jeudi.\n"
    "- Les pompiers sont intervenus mercredi <img src=x onerror=alert(1)>.\n"
    "Titre souligné\n===\n"
)
HOSTILE_NAME = "<img src=x onerror=alert(1)>|`x`\n# titre.txt"
MARKDOWN_SPECIALS = "\\`*_[]#|~"


def unescaped(line: str) -> Iterator[str]:
    """The Markdown special characters of ``line`` that no backslash escapes."""
    index = 0
    while index < len(line):
        if line[index] == "\\":
            index += 2
            continue
        if line[index] in MARKDOWN_SPECIALS:
            yield line[index]
        index += 1


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, str]:
    root = tmp_path_factory.mktemp("hostile")
    inputs, output = root / "in", root / "out"
    write_files(
        inputs,
        {
            "hostile.txt": HOSTILE_TEXT,
            "hostile.meta.json": meta(title="<b>Titre</b> # | `x`", url="javascript:alert(1)"),
            HOSTILE_NAME: "Le ministre a annoncé samedi sa démission.",  # no metadata: rejected
        },
    )
    result = CliRunner().invoke(app, ["run", str(inputs), str(output)])
    assert result.exit_code == EXIT_REJECTED, result.output
    return inputs, output, result.stderr


def test_hostile_article_still_gives_its_events(hostile: tuple[Path, Path, str]) -> None:
    _, output, _ = hostile
    frame = pl.read_parquet(output / "timeline.parquet")
    assert set(frame["article_id"].to_list()) == {"hostile"}
    assert any("<script>" in sentence for sentence in frame["sentence"].to_list())  # the data is kept as is
    assert {"2022-09-10", "2022-09-09"} <= set(frame["value"].to_list())  # samedi, vendredi


def test_hostile_article_cannot_change_the_structure_of_timeline_md(hostile: tuple[Path, Path, str]) -> None:
    _, output, _ = hostile
    frame = pl.read_parquet(output / "timeline.parquet")
    markdown = (output / "timeline.md").read_text(encoding="utf-8")
    lines = markdown.splitlines()
    vocabulary = load()
    chronique_headings = {
        heading(row["grain"], row["value"], row["date_start"], row["date_end"], vocabulary)
        for row in frame.iter_rows(named=True)
    }
    assert lines[0] == "# Chronologie"
    headings = [line[3:] for line in lines if line.startswith("## ")]
    assert set(headings) == chronique_headings
    bullets = [line for line in lines if line.startswith("- ")]
    assert len(bullets) == frame.height
    # every line is the title, a heading chronique wrote, a bullet, or blank: nothing else opens a block
    assert len(lines) == 1 + len(headings) + len(bullets) + sum(1 for line in lines if not line)
    for line in bullets:
        assert list(unescaped(line[2:])) == [], line
    assert "<" not in markdown
    assert ">" not in markdown
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in markdown
    assert "&amp;lt;b&amp;gt;" in markdown  # an entity in the text is shown as written, not decoded


def test_hostile_file_name_cannot_break_rejected_md(hostile: tuple[Path, Path, str]) -> None:
    inputs, output, stderr = hostile
    text = (output / "rejected.md").read_text(encoding="utf-8")
    lines = text.splitlines()
    assert [line for line in lines if line.startswith("#")] == ["# Fichiers rejetés (rejected files)"]
    [row] = lines[4:]
    assert "<" not in text
    cells = "".join(char for char in unescaped(row) if char == "|")
    assert cells == "||||"
    # stderr: one line, the newline of the name written as an escape
    [line] = stderr.splitlines()
    assert line.startswith(str(inputs / HOSTILE_NAME).replace("\n", "\\n") + ": there is no metadata file")


# ---- no unsafe deserialisation or evaluation ------------------------------------------------------------

UNSAFE = {
    "pickle": re.compile(
        r"^\s*(?:import|from)\s+(?:c?pickle|dill|shelve|marshal)\b|\b(?:c?pickle|dill|marshal)\.loads?\("
    ),
    "cloudpickle load": re.compile(r"\bcloudpickle\.loads?\("),
    "unsafe yaml": re.compile(r"\byaml\.(?:unsafe_load|full_load|load_all|load)\((?![^)]*SafeLoader)"),
    "eval": re.compile(r"(?<![\w.])eval\("),
    "exec": re.compile(r"(?<![\w.])exec\("),
    "shell": re.compile(r"\bos\.system\(|\bos\.popen\(|shell\s*=\s*True"),
    "joblib or torch load": re.compile(r"\b(?:joblib|torch)\.load\(|allow_pickle\s*=\s*True"),
}


def test_no_pickle_unsafe_yaml_eval_or_exec_in_the_code() -> None:
    found = [
        f"{path.relative_to(ROOT)}:{number}: {kind}: {line.strip()}"
        for folder in (ROOT / "src", ROOT / "flows")
        for path in sorted(folder.rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        for kind, pattern in UNSAFE.items()
        if pattern.search(line)
    ]
    assert found == []


@pytest.mark.parametrize(
    "line",
    [
        "import pickle",
        "data = pickle.loads(blob)",
        "yaml.load(handle)",
        "eval(text)",
        "exec(code)",
        "subprocess.run(cmd, shell=True)",
    ],
)
def test_the_unsafe_patterns_do_catch_unsafe_code(line: str) -> None:
    assert any(pattern.search(line) for pattern in UNSAFE.values())


@pytest.mark.parametrize(
    "line",
    [
        "yaml.load(handle, Loader=yaml.SafeLoader)",
        "ast.literal_eval(text)",
        "cloudpickle.register_pickle_by_value(m)",
    ],
)
def test_the_unsafe_patterns_let_safe_code_through(line: str) -> None:
    assert not any(pattern.search(line) for pattern in UNSAFE.values())
