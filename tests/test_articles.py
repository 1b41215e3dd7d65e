"""``articles.parquet`` and the web inputs end to end: every file of the folder read or named, a folder of
pages and feeds to the timeline (library, command line, incremental run, Prefect flow)."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterator
from pathlib import Path

import polars as pl
import pytest
from prefect.settings import PREFECT_HOME, temporary_settings
from prefect.testing.utilities import prefect_test_harness
from typer.testing import CliRunner

from chronique.articles import ARTICLES_SCHEMA, ArticleInfo, build_articles
from chronique.cli import EXIT_NOTHING_READ, EXIT_REJECTED, app
from chronique.incremental import run_incremental
from chronique.ingest import read_articles
from chronique.model import Article, Options, Rejection
from chronique.pipeline import run
from flows.build_timeline import build_timeline
from tests.web_inputs import copy_web

FRENCH = "Le ministre a annoncé samedi sa démission. Les syndicats ont été reçus jeudi à l'Élysée."
PAGES = ["izioum-jsonld.html", "retraites-opengraph.html", "inondations-time.html", "sans-date.html"]
FEEDS = ["fil.atom"]
# Words of the pages' navigation, cookie banners, comments and related links: none may reach the timeline.
BOILERPLATE = ["cookie", "Accepter", "Bravo aux soldats", "propagande", "Zaporijia", "S'abonner", "Accueil"]


def info(article_id: str) -> ArticleInfo:
    return ArticleInfo(
        article_id, f"{article_id}.html", "T", None, dt.date(2022, 9, 10), "html:url", "fr", 300
    )


def test_build_articles_rows_in_input_order_then_the_rejected() -> None:
    frame = build_articles(
        [info("b"), info("a")],
        [
            Rejection("c.html", "no date", "add c.meta.json", "c"),
            Rejection("d.pdf", "skipped: .pdf", "move"),
        ],
        status={"a": "unchanged", "b": "analysed"},
        timexes={"a": 2, "b": 5},
        events={"b": 3},
    )
    assert dict(frame.schema) == dict(ARTICLES_SCHEMA)
    assert frame.select("article_id", "source", "status", "n_timexes", "n_events", "reason").rows() == [
        ("b", "b.html", "analysed", 5, 3, None),
        ("a", "a.html", "unchanged", 2, 0, None),
        ("c", "c.html", "rejected", None, None, "no date — add c.meta.json"),
        (None, "d.pdf", "rejected", None, None, "skipped: .pdf — move"),
    ]
    assert frame.row(0, named=True)["published"] == dt.date(2022, 9, 10)


def test_build_articles_refuses_an_unknown_status() -> None:
    with pytest.raises(ValueError, match="not analysed or unchanged"):
        build_articles([info("a")], [], status={"a": "new"}, timexes={}, events={})


# files of a folder → for each, what it is: a source read as an article, or named with why
FOLDER_CASES = [
    pytest.param({"a.txt": FRENCH, "a.meta.json": '{"published": "2022-09-10"}'}, {"a.txt": "article"},
                 id="text-and-meta"),
    pytest.param({"notes.pdf": b"%PDF-1.4"}, {"notes.pdf": "skipped: a .pdf file"}, id="pdf"),
    pytest.param({"LISEZMOI": "x"}, {"LISEZMOI": "skipped: a file without a suffix"}, id="no-suffix"),
    pytest.param({"page.html.bak": "x"}, {"page.html.bak": "skipped: a .bak file"}, id="backup"),
    pytest.param({"archives/": ""}, {"archives": "skipped: a folder"}, id="subfolder"),
    pytest.param({".DS_Store": b"\x00\x01"}, {}, id="hidden-file-in-the-log-only"),
    pytest.param({"seul.meta.json": '{"published": "2022-09-10"}'}, {"seul.meta.json": "no text file"},
                 id="orphan-meta"),
]  # fmt: skip


@pytest.mark.parametrize(("files", "expected"), FOLDER_CASES)
def test_every_file_of_the_folder_is_read_or_named(
    tmp_path: Path, files: dict[str, str | bytes], expected: dict[str, str], caplog: pytest.LogCaptureFixture
) -> None:
    for name, content in files.items():
        if name.endswith("/"):
            (tmp_path / name).mkdir()
        elif isinstance(content, bytes):
            (tmp_path / name).write_bytes(content)
        else:
            (tmp_path / name).write_text(content, encoding="utf-8")
    caplog.set_level("INFO", logger="chronique.ingest")
    seen: dict[str, str] = {}
    for item in read_articles(tmp_path, Options()):
        name = Path(item.source).name
        seen[name] = "article" if isinstance(item, Article) else item.reason
    assert seen.keys() == expected.keys()
    for name, what in expected.items():
        assert seen[name].startswith(what) if what.startswith("skipped") else what in seen[name]
    if ".DS_Store" in files:
        assert ".DS_Store: skipped, a hidden file" in caplog.text


def web_folder(folder: Path) -> Path:
    return copy_web(folder, [*PAGES, *FEEDS])


def timeline_text(frame: pl.DataFrame) -> str:
    columns = ["timex_text", "trigger", "summary", "sentence", "title", "speaker"]
    return "\n".join(str(value) for column in columns for value in frame[column].to_list())


def test_a_folder_of_pages_and_feeds_to_the_timeline(tmp_path: Path) -> None:
    folder = web_folder(tmp_path / "in")
    report = run(folder, tmp_path / "out", Options())
    assert report.articles == 5  # three pages, two feed entries
    assert [Path(r.source).name for r in report.rejections] == ["sans-date.html"]

    timeline = pl.read_parquet(tmp_path / "out" / "timeline.parquet")
    by_article = dict(timeline.group_by("article_id").len().iter_rows())
    assert {"izioum-jsonld", "retraites-opengraph", "inondations-time"} <= by_article.keys()
    izioum = timeline.filter(pl.col("article_id") == "izioum-jsonld")
    assert set(izioum["published"].to_list()) == {dt.date(2022, 9, 10)}
    # "samedi" in an article published on Saturday 10 September 2022 is that day
    assert dt.date(2022, 9, 10) in izioum["date_start"].to_list()
    text = timeline_text(timeline)
    for words in BOILERPLATE:
        assert words not in text

    articles = pl.read_parquet(tmp_path / "out" / "articles.parquet")
    assert dict(articles.schema) == dict(ARTICLES_SCHEMA)
    rows = {Path(row["source"]).name: row for row in articles.iter_rows(named=True)}  # fil.atom#1 …
    assert rows.keys() == {*PAGES, "fil.atom#1", "fil.atom#2"}
    assert rows["izioum-jsonld.html"]["published_from"] == "html:json-ld"
    assert rows["retraites-opengraph.html"]["published_from"] == "html:meta:article:published_time"
    assert rows["fil.atom#2"]["published_from"] == "feed:updated"
    assert rows["sans-date.html"]["status"] == "rejected"
    assert "sans-date.meta.json" in rows["sans-date.html"]["reason"]
    analysed = [row for row in rows.values() if row["status"] == "analysed"]
    assert len(analysed) == 5
    for row in analysed:
        assert row["n_events"] == by_article.get(row["article_id"], 0)
        assert row["chars"] > 100 and row["language"] == "fr"
    assert sum(row["n_events"] for row in analysed) == timeline.height


def test_the_command_line_on_pages_and_an_incremental_run_marks_the_unchanged(tmp_path: Path) -> None:
    folder = web_folder(tmp_path / "in")
    first = CliRunner().invoke(app, ["run", str(folder), str(tmp_path / "out"), "--incremental"])
    assert first.exit_code == EXIT_REJECTED, first.output  # sans-date.html
    assert "sans-date.html: no publication date found" in first.stderr
    shutil.copy(folder / "izioum-jsonld.html", folder / "izioum-bis.html")
    copy_web(folder, ["tour-url.html"])
    second = CliRunner().invoke(app, ["run", str(folder), str(tmp_path / "out"), "--incremental"])
    assert second.exit_code == EXIT_REJECTED, second.output
    articles = pl.read_parquet(tmp_path / "out" / "articles.parquet")
    status = dict(articles.select("article_id", "status").drop_nulls("article_id").iter_rows())
    assert status["tour-url"] == status["izioum-bis"] == "analysed"
    assert status["izioum-jsonld"] == status["retraites-opengraph"] == "unchanged"


def test_a_run_that_reads_nothing_says_so_and_fails(tmp_path: Path) -> None:
    folder = copy_web(tmp_path / "in", ["sans-date.html", "plan-du-site.xml"])
    (folder / "notes.pdf").write_bytes(b"%PDF-1.4")
    result = CliRunner().invoke(app, ["run", str(folder), str(tmp_path / "out")])
    assert result.exit_code == EXIT_NOTHING_READ, result.output
    assert f"{folder}: no article was read (3 inputs rejected or skipped" in result.stderr
    (tmp_path / "empty").mkdir()
    empty = CliRunner().invoke(app, ["run", str(tmp_path / "empty"), str(tmp_path / "out2")])
    assert empty.exit_code == EXIT_NOTHING_READ
    assert "no article was read (0 inputs rejected or skipped" in empty.stderr


@pytest.fixture(scope="module")
def harness(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    home = tmp_path_factory.mktemp("prefect-home")
    with temporary_settings({PREFECT_HOME: home}), prefect_test_harness(server_startup_timeout=None):
        yield


@pytest.mark.slow
def test_the_flow_on_pages_writes_what_the_command_line_writes(harness: None, tmp_path: Path) -> None:
    folder = web_folder(tmp_path / "in")
    run_incremental(folder, tmp_path / "cli", Options())
    state = build_timeline(str(folder), str(tmp_path / "flow"), return_state=True)
    assert state.is_completed()
    for name in ("timeline.parquet", "articles.parquet", "rejected.md"):
        assert (tmp_path / "flow" / name).read_bytes() == (tmp_path / "cli" / name).read_bytes(), name
    assert pl.read_parquet(tmp_path / "flow" / "articles.parquet").height == 6
