"""Incremental runs of the library: only new or changed articles are analysed; a run with nothing new
changes no byte; removed articles keep their rows; two runs into one folder never overlap."""

from __future__ import annotations

import dataclasses
import datetime as dt
import pkgutil
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import polars as pl
import pytest

import chronique
from chronique import incremental, state
from chronique.incremental import plan_incremental, run_incremental
from chronique.model import Article, Options
from chronique.pipeline import rejections_silenced, run
from chronique.state import (
    ANALYSIS_MODULES,
    LOCK_NAME,
    NOT_ANALYSIS_MODULES,
    STATE_NAME,
    ArticleState,
    OutputLockedError,
    RunState,
    analysis_fingerprint,
    article_digest,
    output_lock,
    read_state,
    state_bytes,
)
from tests.orchestration import ARTICLES, snapshot, write_article, write_articles

OPTIONS = Options()
OUTPUTS = ("timeline.parquet", "timeline.md", "story.parquet", "story.md", "rejected.md")


def outputs(folder: Path) -> dict[str, bytes]:
    """The outputs that ``chronique run`` writes too."""
    return {name: (folder / name).read_bytes() for name in OUTPUTS}


def test_the_digest_changes_with_anything_that_reaches_the_rows() -> None:
    article = Article(id="a", published=dt.date(2022, 9, 10), text="Samedi.", source="a.txt", title="T")
    assert article_digest(article) == article_digest(dataclasses.replace(article))
    changes = [
        {"text": "Dimanche."},
        {"published": dt.date(2022, 9, 11)},
        {"title": "U"},
        {"title": None},
        {"url": "https://example.org/a"},
        {"source": "b.txt"},
    ]
    digests = {article_digest(dataclasses.replace(article, **change)) for change in changes}  # type: ignore[arg-type]
    assert len(digests) == len(changes)
    assert article_digest(article) not in digests


def test_the_analysis_fingerprint_ignores_speed_settings_only() -> None:
    assert analysis_fingerprint(Options(batch_size=1, n_process=2)) == analysis_fingerprint(OPTIONS)
    assert analysis_fingerprint(Options(include_durations=True)) != analysis_fingerprint(OPTIONS)


def test_a_data_folder_of_ones_own_is_fingerprinted(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(state._PACKAGE / "data", data, ignore=shutil.ignore_patterns("__pycache__"))
    own = Options(data_dir=data)
    before = analysis_fingerprint(own)
    assert before != analysis_fingerprint(OPTIONS)
    (data / "salience.tsv").write_text("decisive\tvoter\n", encoding="utf-8")
    assert analysis_fingerprint(own) == before  # only the story reads it, and it is redone every run
    (data / "months.tsv").write_text("1\tjanvier\n", encoding="utf-8")
    assert analysis_fingerprint(own) != before


def test_every_module_of_the_package_is_analysis_or_not() -> None:
    """A new module must be classified: fingerprinted (its change re-analyses everything) or not."""
    modules = {module.name for module in pkgutil.iter_modules(chronique.__path__)} | {"__init__"}
    assert ANALYSIS_MODULES.isdisjoint(NOT_ANALYSIS_MODULES)
    assert modules == ANALYSIS_MODULES | NOT_ANALYSIS_MODULES


@pytest.mark.parametrize(
    ("path", "reanalyses"),
    [
        ("resolve.py", True),
        ("model.py", True),
        ("data/months.tsv", True),
        ("data/rules.txt", True),
        ("data/new_words.tsv", True),  # a new vocabulary file is data too
        ("data/salience.tsv", False),  # the story's own words: the story is redone on every run
        ("outputs.py", False),
        ("markdown.py", False),
        ("incremental.py", False),
        ("html_page.py", False),  # a new output module (until classified it is not fingerprinted)
    ],
)
def test_the_fingerprint_covers_the_analysis_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, path: str, reanalyses: bool
) -> None:
    package = tmp_path / "chronique"
    shutil.copytree(state._PACKAGE, package, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(state, "_PACKAGE", package)
    before = analysis_fingerprint(OPTIONS)
    with (package / path).open("a", encoding="utf-8") as handle:
        handle.write("\n# changed\n")
    assert (analysis_fingerprint(OPTIONS) != before) is reanalyses


def test_state_file_round_trips_and_bad_ones_mean_start_afresh(tmp_path: Path) -> None:
    state = RunState(analysis="x", articles={"b": ArticleState("2", 0), "a": ArticleState("1", 3)})
    (tmp_path / STATE_NAME).write_bytes(state_bytes(state))
    assert read_state(tmp_path) == state
    assert state_bytes(state).index(b'"a"') < state_bytes(state).index(b'"b"')  # sorted: stable bytes
    for bad in ("{", "[]", '{"format": 99, "analysis": "x", "articles": {}}', '{"format": 1}'):
        (tmp_path / STATE_NAME).write_text(bad, encoding="utf-8")
        assert read_state(tmp_path) is None
    assert read_state(tmp_path / "missing") is None


def test_first_run_writes_what_chronique_run_writes_and_a_second_changes_no_byte(tmp_path: Path) -> None:
    articles = write_articles(tmp_path / "in")
    run(articles, tmp_path / "full", OPTIONS)
    report = run_incremental(articles, tmp_path / "out", OPTIONS)
    assert report.articles == len(ARTICLES)
    assert report.events > 0
    assert outputs(tmp_path / "out") == outputs(tmp_path / "full")
    assert (tmp_path / "out" / STATE_NAME).is_file()
    before = snapshot(tmp_path / "out")

    assert plan_incremental(articles, tmp_path / "out", OPTIONS).changed == ()
    again = run_incremental(articles, tmp_path / "out", OPTIONS)
    assert snapshot(tmp_path / "out") == before  # bytes and modification times
    assert (again.articles, again.events, again.timexes) == (report.articles, report.events, report.timexes)


def test_new_and_changed_articles_are_merged_as_a_full_run_would_write_them(tmp_path: Path) -> None:
    folder = write_articles(tmp_path / "in", ("lyon", "marseille", "budget"))
    run_incremental(folder, tmp_path / "out", OPTIONS)
    write_article(folder, "donges", *ARTICLES["donges"])
    write_article(folder, "lyon", "2022-09-10", "Le maire de Lyon a inauguré dimanche le pont Schuman.")

    plan = plan_incremental(folder, tmp_path / "out", OPTIONS)
    assert sorted(article.id for article in plan.changed) == ["donges", "lyon"]
    assert plan.status == {
        "lyon": "changed",
        "marseille": "unchanged",
        "budget": "unchanged",
        "donges": "new",
    }

    run_incremental(folder, tmp_path / "out", OPTIONS)
    run(folder, tmp_path / "full", OPTIONS)
    assert outputs(tmp_path / "out") == outputs(tmp_path / "full")
    lyon = pl.read_parquet(tmp_path / "out" / "timeline.parquet").filter(pl.col("article_id") == "lyon")
    assert lyon.height > 0
    assert all("dimanche" in sentence for sentence in lyon.get_column("sentence").to_list())


def test_a_full_run_writes_the_state_of_what_it_read(tmp_path: Path) -> None:
    """After ``chronique run`` the state describes its timeline, not an earlier run's: an incremental run
    that follows analyses what the full run did not hold."""
    folder = write_articles(tmp_path / "in", ("lyon", "budget"))
    run_incremental(folder, tmp_path / "out", OPTIONS)
    for path in folder.glob("budget.*"):
        path.unlink()
    run(folder, tmp_path / "out", OPTIONS)
    after_full = read_state(tmp_path / "out")
    assert after_full is not None
    assert sorted(after_full.articles) == ["lyon"]
    write_articles(folder, ("budget",))
    assert plan_incremental(folder, tmp_path / "out", OPTIONS).status == {
        "lyon": "unchanged",
        "budget": "new",
    }


def test_removed_articles_keep_their_rows(tmp_path: Path) -> None:
    folder = write_articles(tmp_path / "in", ("lyon", "budget"))
    run_incremental(folder, tmp_path / "out", OPTIONS)
    before = pl.read_parquet(tmp_path / "out" / "timeline.parquet")
    for path in folder.glob("lyon.*"):
        path.unlink()

    report = run_incremental(folder, tmp_path / "out", OPTIONS)
    assert report.articles == 1
    assert pl.read_parquet(tmp_path / "out" / "timeline.parquet").equals(before)
    state = read_state(tmp_path / "out")
    assert state is not None
    assert sorted(state.articles) == ["budget", "lyon"]


def test_rejected_inputs_are_listed_and_the_rest_is_still_incremental(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    folder = write_articles(tmp_path / "in", ("lyon",))
    (folder / "orphan.txt").write_text("Un texte sans métadonnées.", encoding="utf-8")
    first = run_incremental(folder, tmp_path / "out", OPTIONS)
    assert [rejection.source for rejection in first.rejections] == [str(folder / "orphan.txt")]
    # each rejection is logged once, on the logger a caller that prints them itself silences
    logged = [r.getMessage() for r in caplog.records if r.name == "chronique.rejections"]
    assert logged == [first.rejections[0].message()]
    caplog.clear()
    with rejections_silenced():
        plan_incremental(folder, tmp_path / "out", OPTIONS)
    assert [r for r in caplog.records if r.name == "chronique.rejections"] == []
    assert "orphan.txt" in (tmp_path / "out" / "rejected.md").read_text(encoding="utf-8")
    before = snapshot(tmp_path / "out")
    run_incremental(folder, tmp_path / "out", OPTIONS)
    assert snapshot(tmp_path / "out") == before


def test_another_analysis_reanalyses_every_article_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = write_articles(tmp_path / "in", ("lyon", "budget"))
    run_incremental(folder, tmp_path / "out", OPTIONS)
    before = outputs(tmp_path / "out")
    monkeypatch.setattr(incremental, "analysis_fingerprint", lambda options: "new rules")
    plan = plan_incremental(folder, tmp_path / "out", OPTIONS)
    assert set(plan.status.values()) == {"reanalysed"}
    run_incremental(folder, tmp_path / "out", OPTIONS)
    assert outputs(tmp_path / "out") == before  # same rules in truth: same rows
    state = read_state(tmp_path / "out")
    assert state is not None
    assert state.analysis == "new rules"


def test_a_lost_timeline_or_state_rebuilds_from_the_articles_read(tmp_path: Path) -> None:
    folder = write_articles(tmp_path / "in", ("lyon",))
    run_incremental(folder, tmp_path / "out", OPTIONS)
    expected = outputs(tmp_path / "out")
    (tmp_path / "out" / "timeline.parquet").unlink()
    assert [a.id for a in plan_incremental(folder, tmp_path / "out", OPTIONS).changed] == ["lyon"]
    run_incremental(folder, tmp_path / "out", OPTIONS)
    assert outputs(tmp_path / "out") == expected
    (tmp_path / "out" / STATE_NAME).write_text("not json", encoding="utf-8")
    run_incremental(folder, tmp_path / "out", OPTIONS)
    assert outputs(tmp_path / "out") == expected


def test_a_second_run_waits_for_the_first(tmp_path: Path) -> None:
    folder = write_articles(tmp_path / "in", ("lyon",))
    held = threading.Event()
    release = threading.Event()

    def first_run() -> None:
        with output_lock(tmp_path / "out"):
            held.set()
            release.wait(timeout=30)

    holder = threading.Thread(target=first_run)
    holder.start()
    assert held.wait(timeout=30)
    threading.Timer(1.0, release.set).start()
    started = time.monotonic()
    report = run_incremental(folder, tmp_path / "out", OPTIONS, lock_timeout=60)
    holder.join()
    assert time.monotonic() - started >= 1.0
    assert report.articles == 1
    assert (tmp_path / "out" / "timeline.parquet").is_file()


def test_a_run_gives_up_with_a_clear_message_when_another_process_holds_the_folder(tmp_path: Path) -> None:
    folder = write_articles(tmp_path / "in", ("lyon",))
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time; from pathlib import Path; from chronique.state import output_lock\n"
            "with output_lock(Path(sys.argv[1])):\n    print('held', flush=True); time.sleep(60)",
            str(tmp_path / "out"),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "held"
        with pytest.raises(OutputLockedError, match=r"being written by another chronique run") as caught:
            run_incremental(folder, tmp_path / "out", OPTIONS, lock_timeout=0.5)
        assert str(tmp_path / "out" / LOCK_NAME) in str(caught.value)
        assert not (tmp_path / "out" / "timeline.parquet").exists()
    finally:
        holder.kill()
        holder.wait(timeout=30)
    # the lock dies with its process: nothing stale is left behind
    assert run_incremental(folder, tmp_path / "out", OPTIONS, lock_timeout=5).articles == 1
