"""Time expressions of a parsed article: mentions found, directed by tense, resolved in text order.

Each resolved day (or time of day) becomes the anchor for the anaphoric expressions that follow it
(``la veille``, ``deux jours plus tard``); the publication date is the first anchor. An anaphor set beside a
day by a comma is that day (``Le même jour, le 2 décembre 2010``). A bare clock time or part of day (``vers
10 h 30``, ``en fin de matinée``) is on the day named right before it (``mardi midi``), else on the day the
story is telling: the last day named, except one that only describes a noun (``le débat lancé le 15
janvier``), and the next day after a night for the morning and the day (``3 h 20`` after ``la nuit de lundi
à mardi``). A month or date without a year takes the year of its own phrase (``en 97 (en janvier …)``), not
one across a verb, and never against the weekday written with it.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token

from chronique import calendar as cal
from chronique.extract import find_mentions
from chronique.grammar import Grammar
from chronique.model import (
    COUNTED_KINDS,
    DAY_GRAINS,
    Direction,
    Grain,
    Relation,
    ResolvedValue,
    RuleFlag,
    RuleKind,
    Sentence,
    TimeExpression,
    TimeMention,
    Unit,
)
from chronique.nlp import sentence_of
from chronique.resolve import Context, Resolver
from chronique.tense import (
    TenseLexicon,
    completes_noun,
    cue_direction,
    direction_of,
    in_background_clause,
    in_reporting_incise,
    moved_direction,
    noun_date_direction,
    opens_a_measure,
    told_done,
)
from chronique.voices import quotations

# Kinds whose value does not depend on a tense: skip the parse look-up for them.
_DIRECTIONLESS_KINDS = frozenset({RuleKind.REF, RuleKind.DURATION, RuleKind.SET, *COUNTED_KINDS})


def _is_quantity(doc: Doc, mention: TimeMention) -> bool:
    """A bare number read as a year that the parse says counts something: "2000 personnes"."""
    if RuleFlag.QUANTITY_CHECK not in mention.flags:
        return False
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    # a cardinal before its noun counts it ("2000 personnes"); after it, it names a year ("le bilan 2001")
    return span is not None and span.root.dep_ == "nummod" and span.root.head.i > span.root.i


# A date completing a noun in a past clause is past, or names a plan the clause announced for the weeks to
# come ("a appelé à une journée d'action le 9 janvier", "une course réservée aux élites le 4 octobre"); the
# same date months ahead is last year's ("les violences du 1er mai" in December).
_PLAN_HORIZON = dt.timedelta(days=60)


def _names_noun_date(doc: Doc, mention: TimeMention) -> bool:
    """A calendar date that completes a noun: "l'élection de novembre", "les feux du 4 juillet"."""
    fields = mention.fields
    names_calendar_date = fields.month is not None or fields.holiday is not None or fields.season is not None
    return names_calendar_date and completes_noun(doc, mention.start, mention.end)


def _direction(doc: Doc, text: str, mention: TimeMention, lexicon: TenseLexicon) -> Direction:
    """Which way the mention points; a calendar date that completes a noun ("l'élection de novembre",
    "les feux du 4 juillet") names that thing's date, which the clause's tense does not place."""
    if mention.kind in _DIRECTIONLESS_KINDS:
        return Direction.NONE
    if mention.fields.weekday is not None and _put_off(doc, mention, lexicon):
        return Direction.NONE
    if _names_noun_date(doc, mention):
        return noun_date_direction(doc, mention.start, mention.end, lexicon, text=text)
    return direction_of(doc, mention.start, mention.end, lexicon, text=text)


def _put_off(doc: Doc, mention: TimeMention, lexicon: TenseLexicon) -> bool:
    """A day that completes the noun of a thing put off or brought forward ("Les rencontres de samedi ont été
    reportées", "le match de dimanche a été avancé"): it was still to come when it was moved, whatever the
    tense; the nearest such day (written on Wednesday, the coming Saturday)."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None or not len(span) or span.root.dep_ != "nmod" or span.root.head.pos_ not in _NOUNS:
        return False
    noun = span.root.head
    while noun.dep_ == "nmod" and noun.head.pos_ in _NOUNS:  # "les rencontres PSG-Lyon de samedi"
        noun = noun.head
    # the thing is what the verb moves: its subject (a passive's) or object, not a noun of another clause
    verb = noun.head
    moved = lexicon.moved_later | lexicon.moved_earlier
    return noun.dep_ in _MOVED_ROLES and verb.pos_ == "VERB" and verb.lemma_ in moved


_NOUNS = frozenset({"NOUN", "PROPN"})
_MOVED_ROLES = frozenset({"nsubj", "nsubj:pass", "obj"})


def _clock_before_its_day(text: str, mention: TimeMention, following: TimeMention) -> bool:
    """A bare clock time with a day named right after it, separated by at most a comma."""
    fields, day = mention.fields, following.fields
    is_bare_clock = (
        fields.hour is not None and fields.weekday is None and fields.shift is None and fields.day is None
    )
    names_day = day.weekday is not None or day.day is not None or day.shift_unit is Unit.DAY
    gap = text[mention.end : following.start]
    in_order = fields.hour is not None and day.hour is not None and fields.hour <= day.hour
    if is_bare_clock and names_day and in_order:
        # "entre 0 h 30 et 4 h mardi": the first clock time of a range is on the day of the second, when it
        # comes earlier in that day (not "de 22 h à 4 h mardi", which starts the evening before)
        words = gap.split()
        return len(words) == 1 and len(words[0]) <= _RANGE_WORD and words[0].isalpha()
    return is_bare_clock and names_day and len(gap) <= 3 and not gap.strip(" ,")


_RANGE_WORD = 2  # "et", "à", "au": the word that joins the two clock times of a range


def _is_day_anaphor(mention: TimeMention) -> bool:
    """A day counted from the anchor: "la veille", "le lendemain", "le même jour"."""
    fields = mention.fields
    return fields.from_anchor and fields.shift_unit is Unit.DAY and fields.hour is None


def _names_a_day(mention: TimeMention) -> bool:
    """A day named by the calendar or counted from the publication: "le 2 décembre 2010", "hier"."""
    fields = mention.fields
    if fields.from_anchor or fields.end is not None:
        return False
    return fields.weekday is not None or fields.day is not None or fields.shift_unit is Unit.DAY


_APPOSITION_GAP = 6  # ", au ", ", à ": a comma and at most a short preposition


def _apposed_day(
    text: str,
    mention: TimeMention,
    following: TimeMention | None,
    *,
    place: _Place,
    context: Context,
    resolver: Resolver,
) -> dt.date | None:
    """The day set beside an anaphor by a comma, after it or before it, if there is one."""
    if (
        following is not None
        and _names_a_day(following)
        and text[mention.end : following.start].strip() == ","
    ):
        day = resolver(following, context)
        if day is not None and day.grain in DAY_GRAINS and day.date_start is not None:
            return day.date_start
    if place.previous is not None:
        before, value = place.previous
        gap = text[before.end : mention.start]
        if _names_a_day(before) and value.grain in DAY_GRAINS and gap.lstrip().startswith(","):
            return value.date_start if len(gap) <= _APPOSITION_GAP else None
    return None


def sentence_index(sentences: Sequence[Sentence], offset: int) -> int:
    """Index of the sentence containing a character offset (the one before it, between sentences)."""
    starts = [s.start for s in sentences]
    return max(bisect.bisect_right(starts, offset) - 1, 0)


@dataclass(slots=True)
class _Place:
    """Where the reading has come to: what the next mention is resolved against."""

    anchor: dt.date  # the last day named: "la veille", "deux jours plus tard" count from it
    story: _Story  # the day being told: a bare clock time or part of day is on it
    previous: tuple[TimeMention, ResolvedValue] | None = None  # the mention just resolved
    just_named: ResolvedValue | None = None  # its day, when only a space parts it from the next mention
    year_named: _YearNamed | None = None  # the last year of the text
    told: dt.date | None = None  # where the story has come to, by the end of its last day or period told
    named: tuple[dt.date, Grain] | None = None  # the start and grain of the last date named, of any grain
    clock: dt.datetime | None = None  # the last clock time named, while the text stays on its day
    telling: dt.date | None = None  # the day of the last incise of saying (", a annoncé mardi le ministère")
    dated: _Dated | None = None  # the last date written with its day and month
    ahead: dt.date | None = None  # the last day named after the publication: a plan's day


def time_expressions(
    doc: Doc,
    published: dt.date,
    sentences: Sequence[Sentence],
    *,
    grammar: Grammar,
    resolver: Resolver,
    tense: TenseLexicon,
    found_in_text: Sequence[TimeMention] | None = None,
) -> list[TimeExpression]:
    """Find and resolve every time expression of a parsed text (``found_in_text``: what the rules found in
    its text before the parse, when they were run then)."""
    place = _Place(anchor=published, story=_Story(published, night=False))
    found: list[TimeExpression] = []
    text = doc.text  # spaCy rebuilds Doc.text on every read: read it once
    candidates = find_mentions(text, grammar) if found_in_text is None else found_in_text
    mentions = [m for m in candidates if not _is_quantity(doc, m)]
    directions = [_direction(doc, text, m, tense) for m in mentions]
    # a past fixed by a word ("depuis le 17 novembre") or by a comma before the date, which recalls the day
    # of a thing known ("le lynchage du gendarme, le 21 juin à Lens"): no plan's coming day (year_less_day)
    past_fixed = [
        cue_direction(text, m.start, tense) is not None or text[: m.start].rstrip().endswith(",")
        for m in mentions
    ]
    opening = [opens_a_measure(text, m.start, tense) for m in mentions]
    # "depuis lundi": the start of a stretch that runs up to where the text is, not a day the story comes to
    starts = [cue_direction(text, m.start, tense) is Direction.PAST for m in mentions]
    # a past participle used alone in a past clause tells a thing done ("sur les violences commises en marge
    # du défilé du 1er mai"): no plan, no leeway
    leeways = [
        _PLAN_HORIZON
        if d is Direction.PAST and _names_noun_date(doc, m) and not told_done(doc, m.start, m.end, tense)
        else dt.timedelta(0)
        for m, d in zip(mentions, directions, strict=True)
    ]
    regions = quotations(doc)
    # "Invité mercredi 21 novembre sur RTL, le ministre …": an interview's day is the day its guest spoke
    asked = grammar.vocabulary["verbs"].forms_of("asked_verbs")
    for index, written in enumerate(mentions):
        direction = directions[index]
        following = mentions[index + 1] if index + 1 < len(mentions) else None
        if following is not None and _clock_before_its_day(text, written, following):
            # "Vers 0 h 40, jeudi": the clock time belongs to the day named right after it
            day = resolver(
                following, Context(published=published, anchor=place.anchor, direction=directions[index + 1])
            )
            if day is not None and day.date_start is not None:
                place.anchor = day.date_start
                place.story = _Story(place.anchor, night=False)
        elif _is_day_anaphor(written) and written.fields.shift is not None:
            apposed = _apposed_day(
                text,
                written,
                following,
                place=place,
                context=Context(published, place.anchor),
                resolver=resolver,
            )
            if apposed is not None:
                # "Le même jour, le 2 décembre 2010", "Dimanche 2 décembre, au lendemain de l'acte 3": an
                # anaphor set beside a day by a comma is that day
                place.anchor = apposed - dt.timedelta(days=written.fields.shift)
        sentence = sentence_index(sentences, written.start)
        quoted = _quoted(doc, written, regions)
        speaking_day = _speaking_day(written, place, published) if quoted else None
        context = Context(
            speaking_day or published,
            _day_of(written, place, direction, published),
            direction,
            leeways[index],
            chronicle=_opens_sentence(text, written, sentences[sentence] if sentences else None),
            past_fixed=past_fixed[index],
            opening=opening[index],
        )
        read = (
            _moved(doc, written, sentence, tense, place=place, resolver=resolver)
            or _weekday_of_dated_week(
                doc, text, written, sentence, tense, place=place, resolver=resolver, published=published
            )
            or (
                None
                if quoted
                else _narrated(
                    doc, written, sentence, direction, place=place, published=published, resolver=resolver
                )
            )
            or _resolve(doc, written, sentence, context=context, place=place, resolver=resolver)
        )
        if read is None:
            place.just_named = place.previous = None
            continue
        mention, resolved = read
        resolved = _counted_from_clock(mention, resolved, place)
        _move(
            doc,
            text,
            place,
            mention=mention,
            resolved=resolved,
            sentence=sentence,
            following=following,
            published=published,
            tense=tense,
            start_of_stretch=starts[index],
            asked=asked,
        )
        found.append(
            TimeExpression(mention=mention, resolved=resolved, sentence=sentence, direction=direction)
        )
    return found


def _quoted(doc: Doc, mention: TimeMention, regions: Sequence[int]) -> bool:
    """Whether a mention stands in a direct quotation: its present is the speaker's now, never the narrator's
    historical present ("« Nous attendons le 2 juin pour connaître les nouvelles règles », a précisé le PDG"
    after a story told back to 10 March is the coming 2 June)."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None or not len(span) or regions[span.start] == 0:
        return False
    sentence = sentence_of(span.root)
    region = regions[span.start]
    opened_before = sentence.start > 0 and regions[sentence.start - 1] == region
    closed_after = sentence.end < len(doc) and regions[sentence.end] == region
    return not (opened_before or closed_after) or _closed_quotation(doc, regions, region)


_CLOSING_MARKS = frozenset({'"', "»", "”"})
_BEFORE_OPENING = frozenset({":", "(", "«", "“"})
_QUOTED_SENTENCES = 3  # a quotation over more sentences than this is more likely a quote mark misread


def _closed_quotation(doc: Doc, regions: Sequence[int], region: int) -> bool:
    """Whether a quotation that runs over several sentences is one: a closing mark ends it and it spans at
    most ``_QUOTED_SENTENCES`` sentences ('« … ce (jeudi) soir. La buvette sera fermée demain », ajoute le
    communiqué'); one the text seems to leave open across sentences ('le mot "attaque".Ébranlé par …') or
    that a paragraph break ends is more likely a quote mark misread."""
    tokens = [i for i, r in enumerate(regions) if r == region]
    after = tokens[-1] + 1
    if after >= len(doc) or doc[after].text not in _CLOSING_MARKS:
        return False
    # opened by a mark set after a space, a colon or nothing, before a word: not a closing mark misread as
    # opening ('le mot "attaque".Ébranlé par le mouvement, … lance le 15 janvier un "grand débat"')
    if tokens[0] == 0 or doc[tokens[0]].is_punct:
        return False
    if any(mark in doc[i].text for i in tokens for mark in _CLOSING_MARKS):
        return False  # a mark the tokenizer left on a word ('le mot "attaque".Hier'): the marks are misread
    opening = doc[tokens[0] - 1]
    before = doc[opening.i - 1] if opening.i else None
    if before is not None and not before.whitespace_ and before.text not in _BEFORE_OPENING:
        return False
    return len({doc[i].sent.start for i in tokens}) <= _QUOTED_SENTENCES


def _speaking_day(mention: TimeMention, place: _Place, published: dt.date) -> dt.date | None:
    """The day a direct quotation was spoken, for its own "hier", "demain", "aujourd'hui", "ce matin": the
    day of the text's last incise of saying ("…, a annoncé mercredi le ministère. « testé hier »": Tuesday);
    else the day the text is telling when that is the day before the publication (a dispatch of the evening
    before, printed the next morning: "des chutes de neige ont été observées samedi 29 août. « revoilà la
    neige ce matin … depuis hier »" is Saturday's morning); None when the speaker's now is the
    publication's."""
    fields = mention.fields
    deictic_day = fields.shift_unit is Unit.DAY and not fields.from_anchor and fields.shift is not None
    this_part = (
        fields.relation is Relation.THIS
        and fields.part_of_day is not None
        and fields.weekday is None
        and fields.day is None
    )
    if not (deictic_day or this_part):
        return None
    if place.telling is not None:
        return place.telling  # the day the text says its sources spoke ("a annoncé mercredi le ministère")
    day = place.story.day
    return day if day == published - dt.timedelta(days=1) else None


def _opens_sentence(text: str, mention: TimeMention, sentence: Sentence | None) -> bool:
    """Whether a date opens its sentence, set apart by a comma ("Le 16 mars, une flambée …")."""
    if sentence is None or text[sentence.start : mention.start].strip(' \t\n"«“-—–•*'):
        return False
    return text[mention.end : mention.end + 2].lstrip().startswith(",")


def _moved(
    doc: Doc, mention: TimeMention, sentence: int, tense: TenseLexicon, *, place: _Place, resolver: Resolver
) -> tuple[TimeMention, ResolvedValue] | None:
    """The new day of an event moved, written without its year: before the old day when it was brought
    forward, after it when put off; the old day is the last date the text named ("L'exécutif prévoyait de
    supprimer au 1er septembre 2019 les cotisations. La date a finalement été avancée au 1er janvier":
    January 2019, in an article of November). None when nothing was named before or no move is told."""
    if place.told is None or not _lacks_year(mention):
        return None
    side = moved_direction(doc, mention.start, mention.end, tense)
    if side is None:
        return None
    return _resolve(
        doc, mention, sentence, context=Context(place.told, place.told, side), place=place, resolver=resolver
    )


# A day written with its month more than this before the publication frames the bare weekdays of its sentence.
_FAR_DAY = dt.timedelta(days=7)


def _weekday_of_dated_week(
    doc: Doc,
    text: str,
    mention: TimeMention,
    sentence: int,
    tense: TenseLexicon,
    *,
    place: _Place,
    resolver: Resolver,
    published: dt.date,
) -> tuple[TimeMention, ResolvedValue] | None:
    """A bare weekday in the sentence of a day written with its month, weeks before the publication, is the
    one of that day's week, Monday to Sunday ("avait engagé mardi 2 juillet un arrêt des traitements, effectif
    depuis mercredi soir", written on 11 July: Wednesday 3 July): the weekdays of a sentence that names a far
    day tell that day's story, not the paper's week. Not the day of an incise of saying (", a rappelé mercredi
    le ministre": the telling's), nor one listed with it ("le 6 juin et mardi soir"), nor one outside the
    date's clause ("Le musée, qui avait fermé le 14 mars, a rouvert lundi"). None when the mention is no bare
    weekday or no such day frames it."""
    fields = mention.fields
    bare_weekday = (
        fields.weekday is not None
        and fields.day is None
        and fields.month is None
        and fields.relation is None
        and fields.shift is None
        and fields.end is None
    )
    if not bare_weekday or place.dated is None:
        return None
    dated = place.dated
    if dated.sentence != sentence or published - dated.day <= _FAR_DAY:
        return None
    if any(stop in text[dated.end : mention.start] for stop in _STOPS):
        return None  # a sentence the parse did not part from the date's ("(...).Jeudi, le ministre")
    if in_reporting_incise(doc, mention.start, mention.end, tense):
        return None
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None or span.root.dep_ == "conj":
        return None  # a list of days, each its own event ("le 6 juin cours Léopold et mardi soir")
    if not any(token.i == dated.verb for token in (span.root, *span.root.ancestors)):
        return None  # in another clause ("Le musée, qui avait fermé le 14 mars, a rouvert lundi")
    monday = dated.day - dt.timedelta(days=dated.day.isoweekday() - 1)
    resolved = resolver(mention, Context(monday, monday, Direction.FUTURE))  # that week's, Monday to Sunday
    return None if resolved is None else (mention, resolved)


@dataclass(frozen=True, slots=True)
class _Dated:
    """A date written with its day and month: its sentence, its day, the verb of its clause, its end."""

    sentence: int
    day: dt.date
    verb: int
    end: int


_STOPS = ".!?;"


def _clause_verb(doc: Doc, mention: TimeMention) -> Token | None:
    """The verb of the clause a mention stands in: the first verb above it, else the sentence's root."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    above = [span.root, *span.root.ancestors]
    return next((t for t in above if t.pos_ in {"VERB", "AUX"}), above[-1])


# A text whose story has come to a day more than this before its publication is telling the past: a present
# there is a historical present.
_NARRATED_PAST = dt.timedelta(days=30)


def _narrated(
    doc: Doc,
    mention: TimeMention,
    sentence: int,
    direction: Direction,
    *,
    place: _Place,
    published: dt.date,
    resolver: Resolver,
) -> tuple[TimeMention, ResolvedValue] | None:
    """A year-less month or date told in the present of a story set in the past (a historical present: "Le 16
    mars, une flambée de violences coûte son poste au préfet. Le 1er mai, le ministre évoque …" in a review of
    the year written in December, after "Entamé fin 2018, le mouvement …"; "Tout est parti le jeudi 18 octobre
    2018 … elle lance en janvier un micro-parti" written in October 2019): the first such day after where the
    story has come to (the end of the last day or period told up to the publication, a year only with "début",
    "fin": "en 2015" sets no point of a story), or, when that one is after the publication, the last one
    before it (a review goes back to its themes: "… Le 1er mai, … Emmanuel Macron lance le 15 janvier un grand
    débat"). Only a present: a date with no tense ("jusqu'au 30 juin", "puis au 15 novembre") is the nearest,
    as elsewhere. None when the story is not in the past or neither reading fits."""
    story_day = place.told
    if direction is not Direction.PRESENT or not _lacks_year(mention) or story_day is None:
        return None
    if published - story_day <= _NARRATED_PAST:
        return None
    for side in (Direction.FUTURE, Direction.PAST):
        context = Context(story_day, story_day, side)
        read = _resolve(doc, mention, sentence, context=context, place=place, resolver=resolver)
        if read is not None and read[1].date_start is not None and read[1].date_start <= published:
            return read
    return None


# the grains a month counted from the text's last date may start from ("le mois suivant" after "en mars 2015",
# "le 3 mai"); a year counts from a date of any grain ("l'année suivante" after "en 1987")
_MONTH_BASES = frozenset({*DAY_GRAINS, Grain.WEEKEND, Grain.WEEK, Grain.MONTH})


def _period_base(mention: TimeMention, place: _Place) -> dt.date | None:
    """The date a month or a year is counted from when the text counts it from its own last date
    ("l'année suivante", "deux ans plus tard" after "en 1987"), whatever that date's grain: the last day
    named would be the publication when the text has named only years."""
    fields = mention.fields
    if not fields.from_anchor or place.named is None:
        return None
    start, grain = place.named
    if fields.shift_unit is Unit.YEAR or (fields.shift_unit is Unit.MONTH and grain in _MONTH_BASES):
        return start
    return None


_CLOCK_CHARS = len("2019-05-03T10:30")
_FROM_TEXT_KINDS = frozenset({RuleKind.LATER, RuleKind.EARLIER})  # "plus tard", "plus tôt"
_CLOCK_UNITS = {Unit.HOUR: dt.timedelta(hours=1), Unit.MINUTE: dt.timedelta(minutes=1)}


def _counted_from_clock(mention: TimeMention, resolved: ResolvedValue, place: _Place) -> ResolvedValue:
    """Hours or minutes counted from the clock time the text last named are a clock time ("Il a été arrêté
    à 10h30. Une heure plus tard, il a été libéré": 11:30 that day); without one, the day as resolved."""
    fields = mention.fields
    step = _CLOCK_UNITS.get(fields.shift_unit) if fields.shift_unit is not None else None
    if mention.kind not in _FROM_TEXT_KINDS or step is None or fields.shift is None or place.clock is None:
        return resolved
    moment = place.clock + fields.shift * step
    return cal.time_value(moment.date(), moment.hour, moment.minute, mod=resolved.mod)


def _day_of(mention: TimeMention, place: _Place, direction: Direction, published: dt.date) -> dt.date:
    """The day a mention counts from: the anchor; for a day counted from it and told ahead while the anchor
    is past, the last day named ahead (« je célébrerai la messe ce mercredi 6 décembre », a-t-il écrit mardi.
    … « cette intention s'insérera … ce jour-là »: the Wednesday of the mass); for a bare clock time or part
    of day, the day named right before it ("mardi midi"), else the day the story is on."""
    period = _period_base(mention, place)
    if period is not None:
        return period
    ahead = place.ahead
    if _is_day_anaphor(mention) and direction is Direction.FUTURE and ahead is not None:
        return ahead if place.anchor < published else place.anchor
    if not _floats(mention):
        return place.anchor
    if place.just_named is not None and place.just_named.date_start is not None:
        return place.just_named.date_start
    return place.story.day_for(mention)


def _resolve(
    doc: Doc, mention: TimeMention, sentence: int, *, context: Context, place: _Place, resolver: Resolver
) -> tuple[TimeMention, ResolvedValue] | None:
    """The mention as read (with the year of its sentence, if it takes it) and its value."""
    named = place.year_named
    if named is not None and named.applies_to(doc, sentence, mention):
        # "en 97 (en janvier …, en octobre …)": a month after a year of its sentence is in that year
        in_year = replace(mention, fields=replace(mention.fields, year=named.year))
        resolved = resolver(in_year, context)
        # "mardi 2 juillet" after "en 2008": a weekday the year contradicts is not of that year
        if resolved is not None and _weekday_fits(in_year, resolved):
            return in_year, resolved
    resolved = resolver(mention, context)
    return None if resolved is None else (mention, resolved)


def _move(
    doc: Doc,
    text: str,
    place: _Place,
    *,
    mention: TimeMention,
    resolved: ResolvedValue,
    sentence: int,
    following: TimeMention | None,
    published: dt.date,
    tense: TenseLexicon,
    start_of_stretch: bool = False,
    asked: frozenset[str] = frozenset(),
) -> None:
    """Where the reading comes to after a resolved mention."""
    place.previous = (mention, resolved)
    day = resolved.date_start
    written_day = mention.fields.day is not None and mention.fields.month is not None
    a_day = resolved.grain in DAY_GRAINS
    # the clause's verb, for both uses below: the parse walked once
    verb = _clause_verb(doc, mention) if day is not None and (written_day or a_day) else None
    if day is not None and written_day:
        one_day = mention.fields.end is None  # not "du 2 décembre au 16 janvier"
        dated = _Dated(sentence, day, verb.i, mention.end) if verb is not None and one_day else None
        place.dated = dated
    if resolved.date_start is not None and resolved.grain not in {Grain.REF, Grain.DURATION}:
        place.named = (resolved.date_start, resolved.grain)
    if resolved.grain is Grain.TIME:
        place.clock = dt.datetime.fromisoformat(resolved.value[:_CLOCK_CHARS])
    elif resolved.grain in DAY_GRAINS:
        place.clock = None  # another day, or a part of day: no clock time to count from
    joined = _names_day_just_before(text, resolved, mention, following, tense.clock_joiners)
    place.just_named = resolved if joined else None
    if day is not None and a_day:
        place.anchor = day
        if day > published:
            place.ahead = day
        incise = in_reporting_incise(doc, mention.start, mention.end, tense)
        if incise or (verb is not None and verb.lemma_.lower() in asked):
            # the day of an incise of saying, or of the interview a participle names ("Invité mercredi 21
            # novembre de L'Opinion, le ministre a dit « Hier, j'ai écouté … »"): the day its sources spoke
            place.telling = resolved.date_start
        if not (incise or start_of_stretch or in_background_clause(doc, mention.start, mention.end)):
            # "le grand débat lancé le 15 janvier", "un adolescent torturé le 6 novembre": a day that
            # describes a thing the sentence names is not the day the story has come to; nor is the day of
            # an incise of saying ("…, rapporte France Bleu, mercredi 31 janvier. … à 3h20 du matin"), nor
            # the start of a stretch up to now ("on a perdu 20 degrés depuis vendredi")
            part = mention.fields.part_of_day
            place.story = _Story(place.anchor, night=part == _NIGHT, evening=part == _EVENING)
    if RuleFlag.NIGHT in mention.flags and resolved.date_start is not None:
        place.story = _Story(resolved.date_start, night=True)  # "dans la nuit de lundi à mardi"
    if resolved.grain is Grain.YEAR and resolved.date_start is not None:
        # the year being told: written ("en 97") or counted ("cette année", "l'an dernier")
        place.year_named = _YearNamed(sentence, mention.end, resolved.date_start.year)
    end = resolved.date_end or resolved.date_start
    # a day or a period the story has come to; a year only with "début", "fin" ("fin 2018", not "en 2015")
    told = resolved.grain is not Grain.YEAR or mention.fields.modifier is not None
    if (
        told
        and end is not None
        and end <= published
        and not in_background_clause(doc, mention.start, mention.end)
    ):
        place.told = end


@dataclass(frozen=True, slots=True)
class _Story:
    """The day the text is telling, for a clock time or part of day that names none: the last day named
    outside a clause that describes a noun (the publication day to begin with)."""

    day: dt.date
    night: bool  # the day was named by its night ("dans la nuit de lundi à mardi")
    evening: bool = False  # … or by its evening ("lundi soir")

    def day_for(self, mention: TimeMention) -> dt.date:
        """The day of a bare clock time or part of day."""
        fields = mention.fields
        if self.night and (
            (fields.hour is not None and fields.hour < _NOON) or fields.part_of_day in _DAYTIME
        ):
            # after a night, the morning and the day are the next day's ("3 h 20 du matin", "en fin
            # d'après-midi" after "la nuit de lundi à mardi")
            return self.day + dt.timedelta(days=1)
        if self.evening and (
            (fields.hour is not None and fields.hour < _NOON) or fields.part_of_day == _MORNING
        ):
            # after an evening the story goes on to the next morning ("blessé lundi soir … Vers 10h30, un
            # hélicoptère a survolé l'île": Tuesday), as after a night
            return self.day + dt.timedelta(days=1)
        return self.day


def _names_day_just_before(
    text: str,
    resolved: ResolvedValue,
    mention: TimeMention,
    following: TimeMention | None,
    joiners: frozenset[str],
) -> bool:
    """Whether a resolved day is followed at once by the next mention: a space between, or a comma and a word
    that joins a clock time to its day ("le 19 juillet, à 12 h 59", "samedi, vers 15 h": one date)."""
    if following is None or resolved.grain not in DAY_GRAINS:
        return False
    gap = text[mention.end : following.start]
    if len(gap) <= 1 and not gap.strip():
        return True
    words = gap.replace(",", " ").split()
    return len(gap) <= _JOINED_GAP and " ".join(words).lower() in joiners


_JOINED_GAP = 8  # ", vers ": the longest gap between a day and the clock time a joining word gives it
_NIGHT = "NI"
_EVENING = "EV"
_MORNING = "MO"
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
