"""An article whose analysis raises (in spaCy or in one of our stages) is a rejection; the run goes on."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import polars as pl
import pytest

import chronique.analyzer as analyzer_module
from chronique.events import plan_events
from chronique.incremental import run_incremental
from chronique.model import Options
from chronique.pipeline import RunReport, run
from chronique.state import read_state
from chronique.tagging import tag_file
from tests.orchestration import write_article

BROKEN = "PANNE"  # the article that makes the patched stage raise
ARTICLES = {
    "avant": ("2022-09-10", "Le ministre a démissionné samedi."),
    "casse": ("2022-09-10", f"Le maire a inauguré lundi la nouvelle école. {BROKEN}"),
    "apres": ("2022-09-10", "La réunion aura lieu le 3 octobre à Paris."),
}


def _raising(stage: Callable[..., Any], error: type[Exception]) -> Callable[..., Any]:
    """The stage, raising ``error`` when the broken article is among its texts or articles."""

    def patched(*args: Any, **kwargs: Any) -> Any:
        if BROKEN in repr(args[:2]):
            raise error("panne simulée")
        return stage(*args, **kwargs)

    return patched


# stage patched in chronique.analyzer → the error it raises: the parse (spaCy, a whole batch and then the
# article alone), the time expressions, the events found, their names, the events described
STAGES = [
    ("parse", MemoryError),
    ("parse", ValueError),
    ("time_expressions", KeyError),
    ("plan_events", RuntimeError),
    (
        "recognise_entities",
        ValueError,
    ),  # ner on the events' sentences, for the batch, then article by article
    ("built_events", RuntimeError),
]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    for article_id, (published, text) in ARTICLES.items():
        write_article(tmp_path / "in", article_id, published, text)
    return tmp_path / "in"


def _check(report: RunReport, output: Path, error: type[Exception]) -> None:
    assert report.articles == 2
    [rejection] = report.rejections
    assert rejection.article_id == "casse"
    assert rejection.source.endswith("casse.txt")
    assert error.__name__ in rejection.reason
    assert "every other article was analysed" in rejection.fix
    timeline = pl.read_parquet(output / "timeline.parquet")
    assert set(timeline["article_id"]) == {"avant", "apres"}
    assert "casse.txt" in (output / "rejected.md").read_text(encoding="utf-8")
    table = pl.read_parquet(output / "articles.parquet")
    statuses = dict(zip(table["article_id"].to_list(), table["status"].to_list(), strict=True))
    assert statuses == {"avant": "analysed", "apres": "analysed", "casse": "rejected"}
    state = read_state(output)
    assert state is not None
    assert set(state.articles) == {"avant", "apres"}  # the next run tries it again


ENTRIES = {"run": run, "incremental": run_incremental}


@pytest.mark.parametrize(("stage", "error"), STAGES)
@pytest.mark.parametrize("entry", sorted(ENTRIES))
def test_a_failing_article_is_rejected_and_the_others_analysed(
    folder: Path, monkeypatch: pytest.MonkeyPatch, stage: str, error: type[Exception], entry: str
) -> None:
    monkeypatch.setattr(analyzer_module, stage, _raising(getattr(analyzer_module, stage), error))
    output = folder.parent / "out"
    report = ENTRIES[entry](folder, output, Options(batch_size=4))
    _check(report, output, error)


def test_a_failing_article_is_tried_again_by_the_next_incremental_run(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    output = tmp_path / "out"
    with monkeypatch.context() as patch:
        patch.setattr(analyzer_module, "plan_events", _raising(plan_events, RuntimeError))
        run_incremental(folder, output, Options())
    report = run_incremental(folder, output, Options())
    assert report.rejections == ()
    state = read_state(output)
    assert state is not None
    assert set(state.articles) == set(ARTICLES)
    assert "casse" in set(pl.read_parquet(output / "timeline.parquet")["article_id"])


@pytest.mark.parametrize(("stage", "error"), STAGES)
def test_tag_writes_the_failure_on_the_article_line(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, stage: str, error: type[Exception]
) -> None:
    monkeypatch.setattr(analyzer_module, stage, _raising(getattr(analyzer_module, stage), error))
    report = tag_file(folder, tmp_path / "tags.jsonl", Options(batch_size=4))
    lines = [json.loads(line) for line in (tmp_path / "tags.jsonl").read_text(encoding="utf-8").splitlines()]
    assert (report.documents, report.rejected) == (3, 1)
    by_id = {line["doc_id"]: line for line in lines}
    assert error.__name__ in by_id["casse"]["error"]
    assert by_id["avant"]["timexes"] and by_id["apres"]["timexes"]
    assert "error" not in by_id["avant"] and "error" not in by_id["apres"]
