"""Time expressions of a parsed article: mentions found, directed by tense, resolved in text order.

Each resolved day (or time of day) becomes the anchor for the anaphoric expressions that follow it
(``la veille``, ``deux jours plus tard``, a bare ``14 h``); the publication date is the first anchor.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Doc

from chronique.extract import find_mentions
from chronique.grammar import Grammar
from chronique.model import (
    COUNTED_KINDS,
    DAY_GRAINS,
    Direction,
    Grain,
    ResolvedValue,
    RuleFlag,
    RuleKind,
    Sentence,
    TimeExpression,
    TimeMention,
    Unit,
)
from chronique.resolve import Context, Resolver
from chronique.tense import TenseLexicon, completes_noun, cue_direction, direction_of

# Kinds whose value does not depend on a tense: skip the parse look-up for them.
_DIRECTIONLESS_KINDS = frozenset({RuleKind.REF, RuleKind.DURATION, RuleKind.SET, *COUNTED_KINDS})


def _is_quantity(doc: Doc, mention: TimeMention) -> bool:
    """A bare number read as a year that the parse says counts something: "2000 personnes"."""
    if RuleFlag.QUANTITY_CHECK not in mention.flags:
        return False
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    # a cardinal before its noun counts it ("2000 personnes"); after it, it names a year ("le bilan 2001")
    return span is not None and span.root.dep_ == "nummod" and span.root.head.i > span.root.i


def _direction(doc: Doc, text: str, mention: TimeMention, lexicon: TenseLexicon) -> Direction:
    """Which way the mention points; a calendar date that completes a noun ("l'élection de novembre",
    "les feux du 4 juillet") names that thing's date, which the clause's tense does not place."""
    fields = mention.fields
    if mention.kind in _DIRECTIONLESS_KINDS:
        return Direction.NONE
    names_calendar_date = fields.month is not None or fields.holiday is not None or fields.season is not None
    if names_calendar_date and completes_noun(doc, mention.start, mention.end):
        return cue_direction(text, mention.start, lexicon) or Direction.NONE
    return direction_of(doc, mention.start, mention.end, lexicon, text=text)


def _clock_before_its_day(text: str, mention: TimeMention, following: TimeMention) -> bool:
    """A bare clock time with a day named right after it, separated by at most a comma."""
    fields, day = mention.fields, following.fields
    is_bare_clock = (
        fields.hour is not None and fields.weekday is None and fields.shift is None and fields.day is None
    )
    names_day = day.weekday is not None or day.day is not None or day.shift_unit is Unit.DAY
    gap = text[mention.end : following.start]
    return is_bare_clock and names_day and len(gap) <= 3 and not gap.strip(" ,")


def sentence_index(sentences: Sequence[Sentence], offset: int) -> int:
    """Index of the sentence containing a character offset (the one before it, between sentences)."""
    starts = [s.start for s in sentences]
    return max(bisect.bisect_right(starts, offset) - 1, 0)


def time_expressions(
    doc: Doc,
    published: dt.date,
    sentences: Sequence[Sentence],
    *,
    grammar: Grammar,
    resolver: Resolver,
    tense: TenseLexicon,
) -> list[TimeExpression]:
    """Find and resolve every time expression of a parsed text."""
    anchor = published
    found: list[TimeExpression] = []
    text = doc.text  # spaCy rebuilds Doc.text on every read: read it once
    mentions = [m for m in find_mentions(text, grammar) if not _is_quantity(doc, m)]
    directions = [_direction(doc, text, m, tense) for m in mentions]
    year_named: _YearNamed | None = None  # the last year of the text
    for index, written in enumerate(mentions):
        mention = written
        direction = directions[index]
        following = mentions[index + 1] if index + 1 < len(mentions) else None
        if following is not None and _clock_before_its_day(text, mention, following):
            # "Vers 0 h 40, jeudi": the clock time belongs to the day named right after it
            day = resolver(
                following, Context(published=published, anchor=anchor, direction=directions[index + 1])
            )
            if day is not None and day.date_start is not None:
                anchor = day.date_start
        sentence = sentence_index(sentences, mention.start)
        context = Context(published=published, anchor=anchor, direction=direction)
        resolved = None
        if year_named is not None and year_named.applies_to(doc, sentence, mention):
            # "en 97 (en janvier …, en octobre …)": a month after a year of its sentence is in that year
            in_year = replace(mention, fields=replace(mention.fields, year=year_named.year))
            resolved = resolver(in_year, context)
            if resolved is not None and _weekday_fits(in_year, resolved):
                mention = in_year
            else:
                # "mardi 2 juillet" after "en 2008": a weekday the year contradicts is not of that year
                resolved = None
        if resolved is None:
            resolved = resolver(mention, context)
        if resolved is None:
            continue
        if resolved.grain in DAY_GRAINS and resolved.date_start is not None:
            anchor = resolved.date_start
        if resolved.grain is Grain.YEAR and resolved.date_start is not None:
            # the year being told: written ("en 97") or counted ("cette année", "l'an dernier")
            year_named = _YearNamed(sentence, mention.end, resolved.date_start.year)
        found.append(
            TimeExpression(mention=mention, resolved=resolved, sentence=sentence, direction=direction)
        )
    return found


@dataclass(frozen=True, slots=True)
class _YearNamed:
    """The last year a sentence named, and where its expression ends."""

    sentence: int
    end: int
    year: int

    def applies_to(self, doc: Doc, sentence: int, mention: TimeMention) -> bool:
        """Whether a year-less month or date takes this year: same sentence, and no verb between them,
        so that it is part of the same phrase ("en 97 (en janvier …)"), not of another clause ("le
        tournoi de Wimbledon en 2013, … un virus contracté en février")."""
        if sentence != self.sentence or not _lacks_year(mention):
            return False
        between = doc.char_span(self.end, mention.start, alignment_mode="contract")
        return between is None or not any(t.pos_ in {"VERB", "AUX"} for t in between)


def _weekday_fits(mention: TimeMention, resolved: ResolvedValue) -> bool:
    """Whether a resolved day falls on the weekday written with it (true when none is written)."""
    weekday = mention.fields.weekday
    return weekday is None or resolved.date_start is None or resolved.date_start.isoweekday() == weekday


def _lacks_year(mention: TimeMention) -> bool:
    """A month, season or dated day written without a year or a relation word ("en janvier")."""
    fields = mention.fields
    names_period = fields.month is not None or fields.season is not None
    return names_period and fields.year is None and fields.relation is None and mention.kind is RuleKind.DATE
