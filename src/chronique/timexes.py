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
from chronique.tense import (
    TenseLexicon,
    completes_noun,
    cue_direction,
    direction_of,
    in_background_clause,
)

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
    story = _Story(published, night=False)
    just_named: ResolvedValue | None = None  # the day of the mention just before, when nothing is between
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
                story = _Story(anchor, night=False)
        sentence = sentence_index(sentences, mention.start)
        day_of = anchor
        if _floats(mention):
            # a bare clock time or part of day: the day named right before it ("mardi midi"), else the day
            # the story is on
            day_of = story.day_for(mention)
            if just_named is not None and just_named.date_start is not None:
                day_of = just_named.date_start
        context = Context(published=published, anchor=day_of, direction=direction)
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
            just_named = None
            continue
        just_named = resolved if _names_day_just_before(text, resolved, mention, following) else None
        if resolved.grain in DAY_GRAINS and resolved.date_start is not None:
            anchor = resolved.date_start
            if not in_background_clause(doc, mention.start, mention.end):
                # "le grand débat lancé le 15 janvier", "un adolescent torturé le 6 novembre": a day that
                # describes a thing the sentence names is not the day the story has come to
                story = _Story(anchor, night=mention.fields.part_of_day == _NIGHT)
        if RuleFlag.NIGHT in mention.flags and resolved.date_start is not None:
            story = _Story(resolved.date_start, night=True)  # "dans la nuit de lundi à mardi"
        if resolved.grain is Grain.YEAR and resolved.date_start is not None:
            # the year being told: written ("en 97") or counted ("cette année", "l'an dernier")
            year_named = _YearNamed(sentence, mention.end, resolved.date_start.year)
        found.append(
            TimeExpression(mention=mention, resolved=resolved, sentence=sentence, direction=direction)
        )
    return found


@dataclass(frozen=True, slots=True)
class _Story:
    """The day the text is telling, for a clock time or part of day that names none: the last day named
    outside a clause that describes a noun (the publication day to begin with)."""

    day: dt.date
    night: bool  # the day was named by its night ("dans la nuit de lundi à mardi")

    def day_for(self, mention: TimeMention) -> dt.date:
        """The day of a bare clock time or part of day."""
        fields = mention.fields
        if self.night and (
            (fields.hour is not None and fields.hour < _NOON) or fields.part_of_day in _DAYTIME
        ):
            # after a night, the morning and the day are the next day's ("3 h 20 du matin", "en fin
            # d'après-midi" after "la nuit de lundi à mardi")
            return self.day + dt.timedelta(days=1)
        return self.day


def _names_day_just_before(
    text: str, resolved: ResolvedValue, mention: TimeMention, following: TimeMention | None
) -> bool:
    """Whether a resolved day is followed at once, with only a space between, by the next mention."""
    return (
        following is not None
        and resolved.grain in DAY_GRAINS
        and not text[mention.end : following.start].strip()
        and len(text[mention.end : following.start]) <= 1
    )


_NIGHT = "NI"
_NOON = 12
_DAYTIME = frozenset({"MO", "AF", "DT", "MI"})


def _floats(mention: TimeMention) -> bool:
    """A clock time or part of day with no day of its own ("vers 10 h 30", "en fin de matinée")."""
    fields = mention.fields
    names_time = fields.hour is not None or fields.part_of_day is not None
    names_day = (
        fields.day is not None
        or fields.weekday is not None
        or fields.shift_unit is not None
        or fields.relation is not None
        or fields.month is not None
    )
    return names_time and not names_day and fields.end is None


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
