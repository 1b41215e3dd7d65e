"""Both cores: batches analysed in worker processes come back complete and in input order."""

from __future__ import annotations

import datetime as dt

from chronique.model import Article, ArticleResult, Options
from chronique.parallel import ordered_map
from chronique.pipeline import analyse


def _squares(batch: list[int]) -> list[int]:
    return [n * n for n in batch]


def test_ordered_map_keeps_order_across_uneven_batches() -> None:
    assert list(ordered_map(_squares, range(23), processes=2, batch_size=4)) == [n * n for n in range(23)]


def test_ordered_map_of_nothing_is_nothing() -> None:
    assert list(ordered_map(_squares, [], processes=2, batch_size=4)) == []


def test_two_processes_give_what_one_gives() -> None:
    texts = [
        "Le ministre a démissionné samedi.",
        "La réunion aura lieu le 3 octobre à Paris.",
        "Les pompiers sont intervenus hier soir vers 22 h.",
    ]
    articles = [
        Article(id=f"a{i}", published=dt.date(2022, 9, 10), text=text, source="test")
        for i, text in enumerate(texts * 2)
    ]
    one = list(analyse(articles, Options(batch_size=2)))
    two = list(analyse(articles, Options(batch_size=2, n_process=2)))
    assert all(isinstance(r, ArticleResult) for r in one)
    assert [r.article.id for r in two if isinstance(r, ArticleResult)] == [a.id for a in articles]
    assert two == one
