"""Time expressions of a parsed article: mentions found, directed by tense, resolved in text order.

Each resolved day (or time of day) becomes the anchor for the anaphoric expressions that follow it
(``la veille``, ``deux jours plus tard``, a bare ``14 h``); the publication date is the first anchor.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
from collections.abc import Sequence

from spacy.tokens import Doc

from chronique.extract import find_mentions
from chronique.grammar import Grammar, load_grammar
from chronique.model import Direction, Grain, Sentence, TimeExpression, TimeMention
from chronique.resolve import Context, Resolver
from chronique.tense import direction_of

ANCHORING_GRAINS = frozenset({Grain.DAY, Grain.TIME, Grain.PART_OF_DAY})
# Kinds whose value does not depend on a tense: skip the parse look-up for them.
_DIRECTIONLESS_KINDS = frozenset({"ref", "duration", "set", "ago", "in", "later", "earlier"})


@functools.cache
def default_resolver() -> Resolver:
    """The resolver for the packaged vocabulary, made once."""
    return Resolver(load_grammar().vocabulary)


def _is_quantity(doc: Doc, mention: TimeMention) -> bool:
    """A bare number read as a year that the parse says counts something: "2000 personnes"."""
    if mention.rule != "year_bare":
        return False
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    # a cardinal before its noun counts it ("2000 personnes"); after it, it names a year ("le bilan 2001")
    return span is not None and span.root.dep_ == "nummod" and span.root.head.i > span.root.i


def sentence_index(sentences: Sequence[Sentence], offset: int) -> int:
    """Index of the sentence containing a character offset (the one before it, between sentences)."""
    starts = [s.start for s in sentences]
    return max(bisect.bisect_right(starts, offset) - 1, 0)


def time_expressions(
    doc: Doc,
    published: dt.date,
    sentences: Sequence[Sentence],
    *,
    grammar: Grammar | None = None,
    resolver: Resolver | None = None,
) -> list[TimeExpression]:
    """Find and resolve every time expression of a parsed text."""
    grammar = grammar or load_grammar()
    resolver = resolver or default_resolver()
    anchor = published
    found: list[TimeExpression] = []
    for mention in find_mentions(doc.text, grammar):
        if _is_quantity(doc, mention):
            continue
        direction = (
            Direction.NONE
            if mention.kind in _DIRECTIONLESS_KINDS
            else direction_of(doc, mention.start, mention.end)
        )
        resolved = resolver(mention, Context(published=published, anchor=anchor, direction=direction))
        if resolved is None:
            continue
        if resolved.grain in ANCHORING_GRAINS and resolved.date_start is not None:
            anchor = resolved.date_start
        found.append(
            TimeExpression(
                mention=mention,
                resolved=resolved,
                sentence=sentence_index(sentences, mention.start),
                direction=direction,
            )
        )
    return found
