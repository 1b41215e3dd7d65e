"""The analyzer: everything the analysis loads — spaCy pipeline, vocabulary, grammar, resolver, lexicons —
built once from the ``Options`` and passed to every stage.

This module holds the library's only cache of loaded resources, ``analyzer_for``: one analyzer per
(model, data folder) and process, so that spaCy loads once per process (and so once per Dask worker or
``--n-process`` worker). Tests build their own analyzer from a temporary data folder with ``Analyzer``.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import functools
import gc
import itertools
import logging
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from spacy.language import Language
from spacy.tokens import Doc, Span

from chronique.anchors import EventLexicon
from chronique.clean import Boilerplate, clean
from chronique.events import PlannedEvent, built_events, event_sentences, plan_events
from chronique.extract import find_mentions
from chronique.glued import FrenchWords, glued_headings
from chronique.grammar import Grammar, parse_grammar
from chronique.model import (
    Article,
    ArticleResult,
    Options,
    Rejection,
    Sentence,
    TimeExpression,
    TimeMention,
)
from chronique.nlp import load_model, parse, recognise_entities, sentences
from chronique.resolve import Resolver
from chronique.scope import ScopeWords, parse_scope
from chronique.tense import TenseLexicon
from chronique.timexes import time_expressions
from chronique.vocabulary import Vocabulary, load_from, read_data_file

logger = logging.getLogger(__name__)

ANALYSIS_FIX = "report it to chronique's developers with this file; every other article was analysed"


def analysis_failure(article: Article, error: Exception) -> Rejection:
    """The rejection of an article whose analysis raised: the run goes on without it."""
    return Rejection(
        source=article.source,
        reason=f"the analysis failed ({type(error).__name__}: {error})",
        fix=ANALYSIS_FIX,
        article_id=article.id,
    )


class Analyzer:
    """The loaded data of one analysis; ``analyse`` runs it over articles.

    The vocabulary and rules load (and are validated) when the analyzer is made; the spaCy pipeline on
    first use, since rendering outputs needs the vocabulary only.
    """

    def __init__(self, model: str, data_dir: Path | None = None) -> None:
        self._loading = threading.Lock()
        self._nlp: Language | None = None
        self.model = model
        self.data_dir = data_dir
        self.vocabulary: Vocabulary = load_from(data_dir)
        text, path = read_data_file("rules.txt", data_dir)
        self.grammar: Grammar = parse_grammar(text, path, self.vocabulary)
        self.resolver = Resolver(self.vocabulary)
        self.tense = TenseLexicon.from_vocabulary(self.vocabulary)
        self.events = EventLexicon.from_vocabulary(self.vocabulary)
        self.boilerplate = Boilerplate.from_vocabulary(self.vocabulary)
        self.scope = ScopeWords.from_vocabulary(self.vocabulary)

    @property
    def nlp(self) -> Language:
        """The spaCy pipeline, loaded on first use (once: a second thread waits for the first's load)."""
        with self._loading:
            if self._nlp is None:
                self._nlp = load_model(self.model, self.events.parse_words)
                # the model's hundreds of thousands of objects live as long as the process: out of the
                # collector's sight, its full collections cost 0.05 s instead of 0.37 s per 300 articles
                gc.collect()
                gc.freeze()
            return self._nlp

    @functools.cached_property
    def french_words(self) -> FrenchWords:
        """The French words the model knows (to find where a heading glued to its sentence ends)."""
        return FrenchWords(self.nlp)

    def analyse(
        self, articles: Iterable[Article], *, batch_size: int, every_mention: bool = False
    ) -> Iterator[ArticleResult | Rejection]:
        """Time expressions and events of each article, in input order, streaming (one process); with
        ``every_mention``, every dated predicate mention too (``chronique tag``).

        A fault barrier per article: an article whose parse or stages raise is a ``Rejection`` naming the
        error, and the others are analysed as if it were not there.
        """
        iterator = iter(articles)
        while batch := list(itertools.islice(iterator, batch_size)):
            texts = [clean(article.text, self.boilerplate, article.title).text for article in batch]
            seams = [glued_headings(text, self.french_words) for text in texts]
            written = [
                find_mentions(text, self.grammar, found) for text, found in zip(texts, seams, strict=True)
            ]
            # every mention is read where it is, in undated sentences too (they carry the last date); the
            # timeline's rows need only the sentences that can give one (``chronique.scope``)
            read = texts if every_mention else list(map(self._scoped, texts, written, seams))
            parsed = self._parsed(read, batch, batch_size)
            found: list[_Found | Rejection] = []
            for article, doc, mentions in zip(batch, parsed, written, strict=True):
                if isinstance(doc, Exception):
                    found.append(analysis_failure(article, doc))
                    continue
                step = functools.partial(self._found, article, doc, mentions, every_mention)
                found.append(_barrier(article, step))
            for item in self._named(found, batch_size):
                if isinstance(item, Rejection):
                    yield item
                    continue
                result = _barrier(item.article, item.result)
                # the sentences and names cached in user_data hold the document (a reference cycle): freed
                # now rather than at the next full garbage collection, memory stays flat over a long run
                item.doc.user_data.clear()
                yield result

    def _scoped(self, text: str, written: list[TimeMention], seams: tuple[int, ...]) -> str:
        return parse_scope(text, written, self.scope, seams).text

    def _parsed(self, texts: list[str], batch: list[Article], batch_size: int) -> list[Doc | Exception]:
        """The batch's parses; when spaCy fails on the batch, each text alone, so that one bad article
        costs only itself."""
        try:
            return list(parse(texts, self.nlp, batch_size=batch_size))
        except Exception:
            logger.debug("the parse of a batch failed; parsing its %d articles one by one", len(batch))
        parsed: list[Doc | Exception] = []
        for text, article in zip(texts, batch, strict=True):
            try:
                parsed.append(parse([text], self.nlp, batch_size=1)[0])
            except Exception as error:
                logger.debug("parse of %s failed", article.source, exc_info=True)
                parsed.append(error)
        return parsed

    def _found(self, article: Article, doc: Doc, written: list[TimeMention], every_mention: bool) -> _Found:
        found = sentences(doc)
        expressions = time_expressions(
            doc,
            article.published,
            found,
            grammar=self.grammar,
            resolver=self.resolver,
            tense=self.tense,
            found_in_text=written,
        )
        planned = plan_events(article, doc, expressions, self.events, every_mention=every_mention)
        return _Found(article, doc, found, expressions, planned, self.events, every_mention)

    def _named(self, found: list[_Found | Rejection], batch_size: int) -> list[_Found | Rejection]:
        """The names of the sentences that hold events, for the whole batch at once; when that fails, for
        each article alone (the one that fails is rejected)."""
        ready = [item for item in found if isinstance(item, _Found)]
        try:
            recognise_entities(self.nlp, [item.wanted() for item in ready], batch_size=batch_size)
            return found
        except Exception:
            logger.debug("naming a batch failed; naming its %d articles one by one", len(ready))
        return [
            item
            if isinstance(item, Rejection)
            else _barrier(item.article, functools.partial(self._named_alone, item, batch_size))
            for item in found
        ]

    def _named_alone(self, item: _Found, batch_size: int) -> _Found:
        recognise_entities(self.nlp, [item.wanted()], batch_size=batch_size)
        return item


T = TypeVar("T")


def _barrier(article: Article, step: Callable[[], T]) -> T | Rejection:
    """The fault barrier: a bug in a stage rejects one article, not the run."""
    try:
        return step()
    except Exception as error:
        logger.debug("analysis of %s failed", article.source, exc_info=True)
        return analysis_failure(article, error)


@dataclass(frozen=True, slots=True)
class _Found:
    """An article parsed, its time expressions resolved and its events found, before their names."""

    article: Article
    doc: Doc
    sentences: list[Sentence]
    expressions: list[TimeExpression]
    planned: list[PlannedEvent]
    lexicon: EventLexicon
    every_mention: bool

    def wanted(self) -> tuple[Doc, list[Span]]:
        """The document and the sentences whose names its events need."""
        return self.doc, event_sentences(self.planned)

    def result(self) -> ArticleResult:
        """The article's results, its events described (actors, places, summary)."""
        events, mentions = built_events(self.article, self.planned, self.sentences, self.lexicon)
        return ArticleResult(
            article=self.article,
            timexes=tuple(self.expressions),
            events=tuple(events),
            mentions=tuple(mentions) if self.every_mention else (),
        )


_MAKING = threading.Lock()


@functools.cache
def _analyzer(model: str, data_dir: Path | None) -> Analyzer:
    return Analyzer(model, data_dir)


def analyzer_for(options: Options) -> Analyzer:
    """The process's analyzer for these options' model and data folder (made on first call; a thread that
    asks while another makes it waits, so there is one)."""
    with _MAKING:
        return _analyzer(options.model, options.data_dir)


def preload(options: Options) -> None:
    """Make the analyzer and load its spaCy pipeline now (seconds), e.g. while an orchestrator starts."""
    _ = analyzer_for(options).nlp


def release_memory() -> bool:
    """Give the memory the parse freed back to the system, before the story and the writers take theirs.

    The parse of each batch leaves the C heap grown by its documents, freed but kept by the allocator (on
    5,000 articles 918 MiB resident when the story began, against 620 once released): the story's and the
    writers' memory came on top of it, and the run's peak grew with its length. glibc's ``malloc_trim``
    returns it; elsewhere (no such call) nothing is done. True when it was released."""
    gc.collect()
    name = ctypes.util.find_library("c")
    trim = getattr(ctypes.CDLL(name), "malloc_trim", None) if name else None
    if trim is None:
        return False
    trim(0)
    return True


def analyzers_made() -> int:
    """How many analyzers this process has made (each loads its data, and spaCy when it analyses)."""
    return _analyzer.cache_info().misses
