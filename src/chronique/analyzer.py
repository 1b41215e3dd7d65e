"""The analyzer: everything the analysis loads — spaCy pipeline, vocabulary, grammar, resolver, lexicons —
built once from the ``Options`` and passed to every stage.

This module holds the library's only cache of loaded resources, ``analyzer_for``: one analyzer per
(model, data folder) and process, so that spaCy loads once per process (and so once per Dask worker or
``--n-process`` worker). Tests build their own analyzer from a temporary data folder with ``Analyzer``.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator
from pathlib import Path

from spacy.language import Language

from chronique.anchors import EventLexicon
from chronique.clean import Boilerplate, clean
from chronique.events import find_events
from chronique.grammar import Grammar, parse_grammar
from chronique.model import Article, ArticleResult, Options
from chronique.nlp import load_model, parse, sentences
from chronique.resolve import Resolver
from chronique.tense import TenseLexicon
from chronique.timexes import time_expressions
from chronique.vocabulary import Vocabulary, load_from, read_data_file


class Analyzer:
    """The loaded data of one analysis; ``analyse`` runs it over articles.

    The vocabulary and rules load (and are validated) when the analyzer is made; the spaCy pipeline on
    first use, since rendering outputs needs the vocabulary only.
    """

    def __init__(self, model: str, data_dir: Path | None = None) -> None:
        self.model = model
        self.data_dir = data_dir
        self.vocabulary: Vocabulary = load_from(data_dir)
        text, path = read_data_file("rules.txt", data_dir)
        self.grammar: Grammar = parse_grammar(text, path, self.vocabulary)
        self.resolver = Resolver(self.vocabulary)
        self.tense = TenseLexicon.from_vocabulary(self.vocabulary)
        self.events = EventLexicon.from_vocabulary(self.vocabulary)
        self.boilerplate = Boilerplate.from_vocabulary(self.vocabulary)

    @functools.cached_property
    def nlp(self) -> Language:
        """The spaCy pipeline, loaded on first use."""
        return load_model(self.model, self.events.parse_words)

    def analyse(self, articles: Iterable[Article], *, batch_size: int) -> Iterator[ArticleResult]:
        """Time expressions and events of each article, in input order, streaming (one process)."""
        pairs = ((clean(article.text, self.boilerplate, article.title).text, article) for article in articles)
        for doc, article in parse(pairs, self.nlp, batch_size=batch_size):
            found = sentences(doc)
            expressions = time_expressions(
                doc, article.published, found, grammar=self.grammar, resolver=self.resolver, tense=self.tense
            )
            events, mentions = find_events(article, doc, found, expressions, self.events)
            yield ArticleResult(
                article=article, timexes=tuple(expressions), events=tuple(events), mentions=tuple(mentions)
            )


@functools.cache
def _analyzer(model: str, data_dir: Path | None) -> Analyzer:
    return Analyzer(model, data_dir)


def analyzer_for(options: Options) -> Analyzer:
    """The process's analyzer for these options' model and data folder (made on first call)."""
    return _analyzer(options.model, options.data_dir)


def analyzers_made() -> int:
    """How many analyzers this process has made (each loads its data, and spaCy when it analyses)."""
    return _analyzer.cache_info().misses
