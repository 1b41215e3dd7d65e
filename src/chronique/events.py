"""Events: the predicates that time expressions anchor, with who did what, where, and the sentence saying so.

A time expression dates the verb (or event noun: ``l'offensive``, ``les attentats``) that governs it in the
parse. When several expressions date the same predicate (``mardi vers 21 h 45``), the most precise wins.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from chronique.model import Anchoring, Article, Direction, Event, Evidence, Grain, Sentence, TimeExpression
from chronique.phrases import AGENT_DEPS, actors_of, places_in, subject_of, summary_of
from chronique.vocabulary import Vocabulary, load

# Finer first: when two expressions date one predicate, the finer one is kept.
GRAIN_PRECISION = {
    Grain.TIME: 0,
    Grain.PART_OF_DAY: 1,
    Grain.DAY: 2,
    Grain.WEEKEND: 3,
    Grain.WEEK: 4,
    Grain.MONTH: 5,
    Grain.QUARTER: 6,
    Grain.SEASON: 7,
    Grain.YEAR: 8,
    Grain.INTERVAL: 3,
    Grain.DECADE: 9,
    Grain.CENTURY: 10,
}
_UNDATABLE = frozenset({Grain.REF, Grain.DURATION})
# Clauses that describe a participant rather than report the event: their places are not the event's.
_ASIDE_DEPS = frozenset({"acl:relcl", "appos", "parataxis", "advcl", "ccomp", "acl"})
_MAX_CLIMB = 6


@dataclass(frozen=True, slots=True)
class EventLexicon:
    """The French nouns that name events or introduce places, from the vocabulary."""

    event_nouns: frozenset[str]
    place_nouns: frozenset[str]

    @classmethod
    def from_vocabulary(cls, vocabulary: Vocabulary) -> EventLexicon:
        nouns = vocabulary["nouns"]
        return cls(event_nouns=nouns.forms_of("event"), place_nouns=nouns.forms_of("place"))


@functools.cache
def default_event_lexicon() -> EventLexicon:
    """The packaged lexicon, built once."""
    return EventLexicon.from_vocabulary(load())


def predicate_of(token: Token, lexicon: EventLexicon) -> Token | None:
    """The verb or event noun a time expression's head token depends on."""
    current = token
    for _ in range(_MAX_CLIMB):
        if current.head is current:
            return (
                current if current is not token and current.pos_ in {"VERB", "AUX", "ADJ", "NOUN"} else None
            )
        current = current.head
        if current.pos_ in {"VERB", "AUX"}:
            return current
        if current.pos_ == "NOUN" and current.lemma_.lower() in lexicon.event_nouns:
            return current
    return None


def clause_head_of(trigger: Token) -> Token:
    """The finite verb whose clause holds a trigger: "ont reçu l'ordre de quitter" → reçu."""
    current = trigger
    for _ in range(4):
        is_dependent = current.dep_ in {"xcomp", "acl"} and "Inf" in current.morph.get("VerbForm", [])
        if current.pos_ == "NOUN" or is_dependent:
            head = current.head
            if head is current:
                break
            current = head if head.pos_ in {"VERB", "AUX"} or head.head is head else head.head
            continue
        break
    return current


def _clause_tokens(head: Token) -> list[Token]:
    """The clause of a verb without its asides (relative clauses, appositions, other clauses)."""
    tokens: list[Token] = [head]
    for child in head.children:
        if child.dep_ in _ASIDE_DEPS or (child.dep_ == "conj" and child.pos_ in {"VERB", "AUX"}):
            continue
        tokens.extend(_clause_tokens(child))
    return tokens


def _evidence(sentences: Sequence[Sentence], index: int) -> Evidence:
    sentence = sentences[index] if sentences else Sentence(0, 0, 0, "")
    return Evidence(sentence=sentence.text, start=sentence.start, end=sentence.end)


def _confidence(expression: TimeExpression) -> float:
    """Direct anchoring is sure when the tense agreed with the value or no tense was needed."""
    return 0.9 if expression.direction is not Direction.NONE else 0.8


def direct_events(
    article: Article,
    doc: Doc,
    sentences: Sequence[Sentence],
    expressions: Sequence[TimeExpression],
    lexicon: EventLexicon | None = None,
) -> list[Event]:
    """One event per predicate that a time expression anchors, in text order."""
    lexicon = lexicon or default_event_lexicon()
    best: dict[int, tuple[TimeExpression, Token]] = {}
    for expression in expressions:
        resolved = expression.resolved
        if resolved.grain in _UNDATABLE or resolved.date_start is None:
            continue
        span = doc.char_span(expression.mention.start, expression.mention.end, alignment_mode="expand")
        if span is None:
            continue
        trigger = predicate_of(span.root, lexicon)
        if trigger is None or trigger.i in range(span.start, span.end):
            continue
        kept = best.get(trigger.i)
        if kept is None or GRAIN_PRECISION[resolved.grain] < GRAIN_PRECISION[kept[0].resolved.grain]:
            best[trigger.i] = (expression, trigger)
    events = [
        _event(article, doc=doc, sentences=sentences, expression=expression, trigger=trigger, lexicon=lexicon)
        for expression, trigger in best.values()
    ]
    return sorted(events, key=lambda e: e.trigger_start)


def _event(
    article: Article,
    *,
    doc: Doc,
    sentences: Sequence[Sentence],
    expression: TimeExpression,
    trigger: Token,
    lexicon: EventLexicon,
) -> Event:
    mention = expression.mention
    timex_tokens = {t.i for t in doc.char_span(mention.start, mention.end, alignment_mode="expand") or []}
    clause_head = clause_head_of(trigger)
    if trigger.pos_ == "NOUN":
        subject: Token | None = None
        agents: list[Token] = []
        summary_root = trigger
    else:
        subject = subject_of(clause_head) or subject_of(trigger)
        agents = [c for c in trigger.children if c.dep_ in AGENT_DEPS]
        summary_root = clause_head
        if agents and subject is not None and subject.dep_ == "nsubj:pass":
            subject = None  # the passive's subject underwent the event; the agent did it
    actors = actors_of(subject, agents)
    participants = {t.i for head in [subject, *agents] if head is not None for t in head.subtree}
    clause = [t for t in {*_clause_tokens(summary_root), *_clause_tokens(trigger)} if t.i not in participants]
    places = places_in(clause, lexicon.place_nouns, exclude=actors)
    summary = (
        summary_of(trigger, summary_root, timex_tokens)
        if trigger.pos_ != "NOUN"
        else " ".join(
            t.text for t in sorted(clause, key=lambda t: t.i) if t.i not in timex_tokens and not t.is_punct
        )
    )
    return Event(
        article_id=article.id,
        trigger=trigger.text,
        lemma=trigger.lemma_,
        trigger_start=trigger.idx,
        trigger_end=trigger.idx + len(trigger.text),
        resolved=expression.resolved,
        anchoring=Anchoring.DIRECT,
        confidence=_confidence(expression),
        summary=summary,
        evidence=_evidence(sentences, expression.sentence),
        actors=tuple(actors),
        places=tuple(places),
        timex_text=mention.text,
        timex_start=mention.start,
        timex_end=mention.end,
    )
