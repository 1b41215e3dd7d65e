"""Shared test helpers: the library run on one French sentence with a publication date."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from chronique.analyzer import Analyzer, analyzer_for
from chronique.model import Article, ArticleResult, Options
from chronique.pipeline import analyse

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"

Analyse = Callable[[str, str], ArticleResult]


def analyse_text(text: str, published: str) -> ArticleResult:
    """Time expressions and events of one text published on an ISO date."""
    article = Article(id="t", published=dt.date.fromisoformat(published), text=text, source="test")
    result = next(analyse([article], Options(), every_mention=True))
    assert isinstance(result, ArticleResult), result
    return result


@pytest.fixture(scope="session")
def analyzer() -> Analyzer:
    """The process's analyzer (the one the library itself uses), for tests of one stage."""
    return analyzer_for(Options())


@pytest.fixture(scope="session")
def analysed() -> Analyse:
    """The library on one text (the spaCy model loads once per session)."""
    return analyse_text
