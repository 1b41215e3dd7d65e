"""The spaCy model, with only the components chronique uses (loaded once per process by the analyzer)."""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator
from typing import TypeVar

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from chronique.model import Sentence

Context = TypeVar("Context")

# The parser gives sentences, heads and dependency labels; the morphologizer gives tense and mood;
# the lemmatizer (through attribute_ruler) gives lemmas; ner gives actors and places.
USED_COMPONENTS = ("tok2vec", "morphologizer", "parser", "attribute_ruler", "lemmatizer", "ner")


PARAGRAPHS = "chronique_paragraphs"


@Language.component(PARAGRAPHS)
def mark_paragraphs(doc: Doc) -> Doc:
    """A blank line ends a sentence: titles, datelines and blanked boilerplate never run into the text."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n\n" in previous.text_with_ws or (previous.is_space and "\n" in previous.text):
            token.is_sent_start = True
    return doc


def load_model(name: str) -> Language:
    """Load a spaCy pipeline with its unused components off (``chronique.analyzer`` keeps it)."""
    nlp = spacy.load(name)
    unused = [pipe for pipe in nlp.pipe_names if pipe not in USED_COMPONENTS]
    for pipe in unused:
        nlp.disable_pipe(pipe)
    nlp.add_pipe(PARAGRAPHS, before="parser")
    return nlp


def parse(
    items: Iterable[tuple[str, Context]], nlp: Language, *, batch_size: int
) -> Iterator[tuple[Doc, Context]]:
    """Parse texts in order, streaming, each with the object it belongs to (one process: see
    ``chronique.parallel`` for both cores)."""
    yield from nlp.pipe(items, batch_size=batch_size, as_tuples=True)


def sentences(doc: Doc) -> list[Sentence]:
    """The sentences of a parsed text, without blank ones, by character offsets."""
    found: list[Sentence] = []
    for span in doc.sents:
        text = span.text.strip()
        if not text:
            continue
        start = span.start_char + (len(span.text) - len(span.text.lstrip()))
        found.append(Sentence(index=len(found), start=start, end=start + len(text), text=text))
    return found


# spaCy rebuilds doc.sents and doc.ents on every access, and Span.sent scans the document: the stages ask
# for them per mention and per event, so they are computed once per document and kept in its user_data.
_SENTENCES = "chronique.sentences"
_ENTITIES = "chronique.entities"


def sentence_spans(doc: Doc) -> list[Span]:
    """The document's sentences (computed once)."""
    cached: list[Span] | None = doc.user_data.get(_SENTENCES)
    if cached is None:
        cached = list(doc.sents)
        doc.user_data[_SENTENCES] = cached
    return cached


def sentence_of(token: Token) -> Span:
    """The sentence a token belongs to."""
    spans = sentence_spans(token.doc)
    index = bisect.bisect_right([span.start for span in spans], token.i) - 1
    return spans[max(index, 0)]


def entities(doc: Doc) -> tuple[Span, ...]:
    """The document's named entities (computed once)."""
    cached: tuple[Span, ...] | None = doc.user_data.get(_ENTITIES)
    if cached is None:
        cached = tuple(doc.ents)
        doc.user_data[_ENTITIES] = cached
    return cached
