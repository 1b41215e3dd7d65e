"""Resolution: an underspecified time expression plus a reference date and a direction → a TIMEX3 value.

dateparser does what it does well: absolute dates whose day, month and year are all written
(``le 27 mai 1998``, ``02/03/2021``, ``27 mai 98``; it also rejects impossible ones such as ``31 février``),
and day counts from the publication date (``il y a trois jours``). Our French layer decides the rest,
where dateparser alone (``PREFER_DATES_FROM=past``) is wrong for news:

- weekdays: dateparser never returns the publication day (``samedi`` in a Saturday article gave the
  Saturday before); we take the direction from the governing verb's tense and keep a same-day weekday,
  and where no tense says (a headline, a plan told with ``devait``) the nearest such day;
- a month or season without a day is a month or season (dateparser gave ``en avril`` → 10 April);
- year-less dates (``le 3 mars``) take their year from the tense, not from a fixed preference; a weekday
  written with one picks between two years only at comparable distances, never against the nearest
  (``year_less_day``: ``vendredi 9 février`` in a report of Friday 8 February is that week's);
- anaphoric expressions (``la veille``, ``deux jours plus tard``, a bare ``14 h``) count from the last date
  the text anchored, which dateparser cannot know;
- spans come from our grammar, so dateparser never tags ``samedi une`` as 10 January;
- intervals are ours (dateparser reads no ranges): the first member is placed like a date of its own, the
  second is the first such date on or after it (``du 27 décembre au 3 janvier``), and a year written on the
  end only makes the start the latest such date before it;
- a weekday with a bare day number (``le mercredi 26``) is the day of that number nearest the anchor that
  falls on that weekday.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import ClassVar

import dateparser

from chronique import calendar as cal
from chronique.model import (
    COUNTED_KINDS,
    Direction,
    Fields,
    Grain,
    Relation,
    ResolvedValue,
    RuleFlag,
    RuleKind,
    TimeMention,
    TimexType,
    Unit,
)
from chronique.vocabulary import Vocabulary

_END, _START = "END", "START"  # TIMEX3 modifiers: "fin", "début"
_HALF_YEAR = 6


@dataclass(frozen=True, slots=True)
class Context:
    """What a mention is resolved against."""

    published: dt.date
    anchor: dt.date
    direction: Direction = Direction.NONE
    # how far after the publication a date told in the past may still lie: a noun's date can name a plan
    # the clause announced (``a appelé à une journée d'action le 9 janvier``)
    leeway: dt.timedelta = dt.timedelta(0)
    # a date that opens its sentence before a comma, its clause in the present ("Le 16 mars, une flambée de
    # violences coûte son poste au préfet"): a chronology's entry, told in the historical present
    chronicle: bool = False
    # the past is fixed: by a word just before the date ("depuis le 17 novembre": a start), by a comma before
    # it ("le lynchage du gendarme, le 21 juin": the day of a thing known); see ``year_less_day``
    past_fixed: bool = False
    # the words before the date name the start of a measure ("à partir du 15 juillet"): see ``year_less_day``
    opening: bool = False


def parse_absolute(text: str) -> dt.date | None:
    """An absolute date with day, month and year written, by dateparser; None when impossible."""
    parsed = dateparser.parse(
        text,
        languages=["fr"],
        settings={
            "DATE_ORDER": "DMY",
            "REQUIRE_PARTS": ["day", "month", "year"],
            "PREFER_DAY_OF_MONTH": "first",
        },
    )
    return parsed.date() if parsed is not None else None


def parse_day_count(text: str, published: dt.date) -> dt.date | None:
    """``il y a trois jours`` / ``dans deux jours`` from the publication date, by dateparser."""
    base = dt.datetime(published.year, published.month, published.day, 12)
    parsed = dateparser.parse(text, languages=["fr"], settings={"RELATIVE_BASE": base})
    return parsed.date() if parsed is not None else None


def choose(
    candidates: Sequence[dt.date],
    published: dt.date,
    direction: Direction,
    relation: Relation | None,
    leeway: dt.timedelta = dt.timedelta(0),
) -> dt.date | None:
    """Among candidate dates, the one the words and the tense point to (a past one may lie ``leeway``
    after the publication)."""
    if not candidates:
        return None
    if relation is Relation.LAST:
        before = [c for c in candidates if c < published]
        return max(before) if before else None
    if relation is Relation.NEXT:
        after = [c for c in candidates if c > published]
        return min(after) if after else None
    if direction is Direction.PAST:
        before = [c for c in candidates if c <= published + leeway]
        return min(before, key=lambda c: abs((c - published).days)) if before else None
    if direction is Direction.FUTURE:
        after = [c for c in candidates if c >= published]
        return min(after) if after else None
    return min(candidates, key=lambda c: (abs((c - published).days), c > published))


# A date written one day after the publication may still be told in the past: the paper's date is often the
# day before the French calendar day (a late edition, a time stamp in UTC), as "vendredi 9 février" in a
# report dated Friday 8 February tells that Friday's verdict.
_LATE_EDITION = dt.timedelta(days=1)
_HOURS_A_DAY = 24
# How far ahead a year-less day told in the past may lie (see ``year_less_day``): the same day eleven months
# back would have been written with its year.
_COMING_MONTH = dt.timedelta(days=31)
# … and a start of a measure up to this far ("a autorisé les réservations à partir du 15 juillet", on 15 May)
_COMING_OPENING = dt.timedelta(days=62)
# How far ahead a chronology's entry in the present may still be a schedule (see ``year_less_day``).
_CHRONICLE_HORIZON = dt.timedelta(days=31)
# The weekday written with a year-less date picks the year only between two candidates at comparable
# distances: the one it names is at most this many times farther than the nearest (else it is a typo).
_WEEKDAY_REACH = 2


def year_less_day(
    month: int,
    day: int,
    published: dt.date,
    direction: Direction,
    *,
    relation: Relation | None = None,
    weekday: int | None = None,
    leeway: dt.timedelta = dt.timedelta(0),
    chronicle: bool = False,
    past_fixed: bool = False,
    coming: dt.timedelta = _COMING_MONTH,
) -> dt.date | None:
    """The year of a date written without one (``le 1er mai``, ``vendredi 9 février``).

    The nearest such date that fits the tense (told in the past: not after the publication, one day of
    late edition allowed, or the ``leeway`` if longer; in the future: not before it); the weekday written
    with it may pick instead the date on the other side of the publication, when it names that one exactly
    and it is not much farther (``_WEEKDAY_REACH``; ``devrait démissionner, rapporte Le Figaro, jeudi 8
    septembre`` written on Saturday 10 is that Thursday): a weekday that fits no nearby year, or only a far
    one, is a typo.
    ``dernier`` / ``prochain`` choose strictly before or after the publication. A ``chronicle`` entry in the
    present names a day ahead only within ``_CHRONICLE_HORIZON`` (a schedule: "Le 12 septembre, le procès
    s'ouvre"); farther, it is a day gone by, told in the historical present.
    A day told in the past that falls in the ``coming`` month (``_COMING_MONTH``; two after "à partir du",
    ``_COMING_OPENING``) is that coming day, not the same
    day eleven months back, which a journalist writes with its year ("le 7 janvier 2019"): what the clause
    tells is a plan ("a appelé au blocage des raffineries le 7 janvier", written on 2 January; "a présenté un
    plan de déconfinement à partir du 11 mai", on 28 April). Not when the past is fixed (``past_fixed``): by a
    word ("depuis le 17 novembre": a start), by a comma before the date ("le lynchage du gendarme, le 21 juin
    à Lens", written in May: the day of a thing known) or by the date's place at the head of its sentence
    ("Le 10 janvier, le maire a lancé …": the day of the clause's own event, not of a plan)."""
    candidates = [d for y in _years_around(published) if (d := _safe_date(y, month, day))]
    if relation in {Relation.LAST, Relation.NEXT}:
        named = [d for d in candidates if d.isoweekday() == weekday] if weekday is not None else []
        return choose(named or candidates, published, direction, relation)
    if direction is Direction.PAST:
        fitting = [d for d in candidates if d <= published + max(leeway, _LATE_EDITION)]
        ahead = [d for d in candidates if published < d <= published + coming]
        if ahead and not past_fixed:
            fitting = [*fitting, *ahead]
    elif direction is Direction.FUTURE:
        fitting = [d for d in candidates if d >= published]
    elif chronicle:
        fitting = [d for d in candidates if d <= published + _CHRONICLE_HORIZON]
    else:
        fitting = candidates
    ordered = sorted(fitting or candidates, key=lambda d: (abs((d - published).days), d > published))
    if not ordered:
        return None
    chosen = ordered[0]
    if weekday is None or chosen.isoweekday() == weekday:
        return chosen
    # the other of the two dates around the publication: the one the weekday may name instead
    side = [d for d in candidates if (d > published) != (chosen > published)]
    other = min(side, key=lambda d: abs((d - published).days), default=None)
    reach = _WEEKDAY_REACH * max(abs((chosen - published).days), 1)
    if other is not None and other.isoweekday() == weekday and abs((other - published).days) <= reach:
        return other
    return chosen


def _year_edge(fields: Fields, base: dt.date, direction: Direction) -> int:
    """The year "la fin de l'année" or "le début de l'année" names when no word says which ("cette",
    "dernière"): the end told in the past in the year's first half is the last year's ("après avoir touché
    son plus bas en fin d'année", in February), the start told ahead in its second half the next year's ("en
    début d'année", in November); otherwise this year's (-1, +1 or 0 years)."""
    if fields.relation is not None or fields.shift:
        return 0
    if fields.modifier == _END and direction is Direction.PAST and base.month <= _HALF_YEAR:
        return -1
    if fields.modifier == _START and direction is Direction.FUTURE and base.month > _HALF_YEAR:
        return 1
    return 0


def _full_year(fields: Fields, published: dt.date) -> int | None:
    if fields.year is None:
        return None
    if not fields.two_digit_year:
        return fields.year
    # "octobre 98", "le 10 novembre 93": the latest century that keeps the year at most ten years ahead
    year = (published.year // 100) * 100 + fields.year
    return year - 100 if year > published.year + 10 else year


def _years_around(published: dt.date) -> range:
    return range(published.year - 1, published.year + 2)


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


# Counted from the publication date, a number of units names the unit it counts, as a whole: "il y a une
# semaine" is that week, "dans un mois" that month (counted from the text's own date they land on a day).
_COUNTED_AT_UNIT_GRAIN = frozenset({RuleKind.AGO, RuleKind.IN})

# A method of Resolver that resolves one shape of calendar Fields.
_Shape = Callable[["Resolver", TimeMention, Context], ResolvedValue | None]


class Resolver:
    """Resolves mentions; configured once with the vocabulary (holiday rules)."""

    def __init__(self, vocabulary: Vocabulary) -> None:
        # dateparser takes about a millisecond a call and news repeats its dates: each resolver (one per
        # analyzer, see chronique.analyzer) remembers the answers, within a bound
        self._absolute = functools.lru_cache(maxsize=4096)(parse_absolute)
        self._day_count = functools.lru_cache(maxsize=1024)(parse_day_count)
        self._holidays = {e.key: e.attributes[0] for e in vocabulary["holidays"].entries}

    def __call__(self, mention: TimeMention, context: Context) -> ResolvedValue | None:
        """The value of a mention, or None when it names no date we can compute."""
        fields = mention.fields
        if mention.kind is RuleKind.REF and fields.ref:
            # "désormais", "actuellement": the present is the publication day; past and future have no date
            today = context.published if fields.ref == "PRESENT_REF" else None
            return ResolvedValue(fields.ref, TimexType.DATE, Grain.REF, today, today)
        if mention.kind is RuleKind.SET and fields.weekday is not None:
            # "chaque samedi": TimeML's every Saturday
            return ResolvedValue(f"XXXX-WXX-{fields.weekday}", TimexType.SET, Grain.DURATION, None, None)
        if mention.kind in {RuleKind.DURATION, RuleKind.SET}:
            kind = TimexType.DURATION if mention.kind is RuleKind.DURATION else TimexType.SET
            return ResolvedValue(fields.duration or "P1D", kind, Grain.DURATION, None, None)
        if fields.end is not None:
            return self._interval(mention, context)
        if fields.shift_unit is not None:
            return self._shifted(mention, context)
        return self._calendar(mention, context)

    def _interval(self, mention: TimeMention, context: Context) -> ResolvedValue | None:
        """Two members: the first placed by the context, the second the first such date on or after it.

        What one member leaves out, the other says ("du 3 au 5 mai": the month; "du 27 décembre au
        3 janvier 2020": the year, the start then being the latest such day not after the end).
        """
        if RuleFlag.NIGHT in mention.flags:
            return self._night(mention, context)
        start, end = replace(mention.fields, end=None), mention.fields.end
        assert end is not None
        if start.weekday is not None and end.weekday is not None and start.day is None and end.day is None:
            first = self._weekday(start, context)
            if first is None or first.date_start is None:
                return None
            last_day = first.date_start + dt.timedelta(days=(end.weekday - start.weekday) % 7)
            return cal.interval_value(first, self._on_day(last_day, end))
        if start.day is not None and start.month is None:
            start = replace(start, month=end.month)
        if end.day is not None and end.month is None:
            end = replace(end, month=start.month)
        end = replace(end, relation=None)
        if start.year is None and end.year is not None:
            return self._interval_back(mention, start, end, context)
        first = self._calendar(replace(mention, fields=start), context)
        if first is None or first.date_start is None:
            return None
        # the end lies on or after the start: "du 27 décembre au 3 janvier", "de juin à la mi-juillet"
        if end.year is None and start.year is not None and end.month is not None and start.month is not None:
            end = replace(end, year=first.date_start.year + (end.month < start.month), two_digit_year=False)
        following = replace(
            context, published=first.date_start, anchor=first.date_start, direction=Direction.FUTURE
        )
        last = self._calendar(replace(mention, fields=end), following)
        if last is None or last.date_end is None or last.date_end < first.date_start:
            return None
        return cal.interval_value(first, last)

    def _interval_back(
        self, mention: TimeMention, start: Fields, end: Fields, context: Context
    ) -> ResolvedValue | None:
        """The year written on the end only: the start is the latest such date not after the end."""
        last = self._calendar(replace(mention, fields=end), context)
        if last is None or last.date_end is None:
            return None
        year = last.date_end.year
        for candidate in (year, year - 1):
            first = self._calendar(
                replace(mention, fields=replace(start, year=candidate, two_digit_year=False)), context
            )
            if first is not None and first.date_start is not None and first.date_start <= last.date_end:
                return cal.interval_value(first, last)
        return None

    def _night(self, mention: TimeMention, context: Context) -> ResolvedValue | None:
        """A night is placed by its morning, the day it ends: "la nuit de jeudi à vendredi" written on that
        Friday is the night just ended, not the one a week ahead; "la nuit du 28 février au 1er mars"."""
        start, end = mention.fields, mention.fields.end
        assert end is not None
        morning_fields = replace(
            end,
            year=end.year or start.year,
            two_digit_year=start.two_digit_year or end.two_digit_year,
            modifier=start.modifier,
        )
        morning = self._calendar(replace(mention, fields=morning_fields), context)
        if morning is None or morning.date_start is None:
            return None
        evening = cal.day_value(morning.date_start - dt.timedelta(days=1), mod=start.modifier)
        return cal.interval_value(evening, cal.day_value(morning.date_start))

    def _shifted(self, mention: TimeMention, context: Context) -> ResolvedValue | None:
        fields = mention.fields
        shift = fields.shift or 0
        unit = fields.shift_unit
        mod = fields.modifier
        if fields.day is not None and fields.month is not None and unit in {Unit.WEEK, Unit.WEEKEND}:
            return self._week_of_day(mention, context)
        # "pour le week-end", "à la fin du week-end": a week-end named without "ce" is the text's own
        anchored = fields.from_anchor or (unit is Unit.WEEKEND and fields.relation is None and shift == 0)
        base = context.anchor if anchored else context.published
        if unit in {Unit.DAY, Unit.HOUR, Unit.MINUTE}:
            day = base + dt.timedelta(days=shift) if unit is Unit.DAY else base
            if unit is Unit.HOUR:
                # "il y a 48 heures": whole days back or ahead; "il y a deux heures" stays on the day
                day = base + dt.timedelta(days=int(shift / _HOURS_A_DAY))
            if unit is Unit.DAY and not fields.from_anchor and mention.kind in {RuleKind.AGO, RuleKind.IN}:
                day = self._day_count(mention.text, context.published) or day
            return self._on_day(day, fields)
        if unit is Unit.WEEK and mention.kind in COUNTED_KINDS - _COUNTED_AT_UNIT_GRAIN:
            # weeks counted from a date the text gave land on a day: "une semaine plus tard"
            return self._on_day(base + dt.timedelta(weeks=shift), fields)
        if unit is Unit.WEEK:
            return cal.week_value(base + dt.timedelta(weeks=shift), mod=mod)
        if unit is Unit.WEEKEND:
            saturday = self._weekend_saturday(base, fields, context.direction, anchored=anchored)
            past = context.direction is Direction.PAST
            if anchored and past and saturday > context.published + _LATE_EDITION:
                # "sont allés durant le week-end" in a Wednesday's paper with no day before it: told in the
                # past, the week-end just gone, not the coming one
                saturday -= dt.timedelta(weeks=1)
            return cal.weekend_value(saturday, mod=mod)
        if unit is Unit.MONTH:
            moved = cal.add_months(base, shift)
            return cal.month_value(moved.year, moved.month, mod=mod)
        if unit is Unit.YEAR:
            return cal.year_value(base.year + shift + _year_edge(fields, base, context.direction), mod=mod)
        return None

    def _week_of_day(self, mention: TimeMention, context: Context) -> ResolvedValue | None:
        """``la semaine du 13 janvier``, ``le week-end du 17 septembre``: the week or week-end of a date."""
        fields = mention.fields
        named = self._calendar(replace(mention, fields=replace(fields, shift_unit=None, shift=None)), context)
        if named is None or named.date_start is None:
            return None
        if fields.shift_unit is Unit.WEEKEND:
            saturday = self._weekend_saturday(named.date_start, Fields(), context.direction, anchored=True)
            return cal.weekend_value(saturday, mod=fields.modifier)
        return cal.week_value(named.date_start, mod=fields.modifier)

    @staticmethod
    def _weekend_saturday(base: dt.date, fields: Fields, direction: Direction, *, anchored: bool) -> dt.date:
        """The Saturday of the week-end meant, from the day it is counted from."""
        weekday = base.isoweekday()
        saturday_this_week = base + dt.timedelta(days=6 - weekday)
        if weekday == 7:  # Sunday: this weekend began yesterday
            saturday_this_week = base - dt.timedelta(days=1)
        if fields.relation is Relation.LAST or (
            fields.relation in {None, Relation.THIS} and fields.shift == -1
        ):
            return saturday_this_week - dt.timedelta(weeks=1)
        if fields.relation is Relation.NEXT or (fields.shift or 0) > 0:
            return saturday_this_week + dt.timedelta(weeks=max(fields.shift or 1, 1) - (weekday >= 6))
        previous = saturday_this_week - dt.timedelta(weeks=1)
        if fields.relation is Relation.THIS:
            # "ce week-end": on Saturday or Sunday the one under way; early in the week the one just past
            # unless the verb looks ahead; from Wednesday on, the coming one
            if weekday >= 3:
                return saturday_this_week
            return saturday_this_week if direction in {Direction.FUTURE, Direction.PRESENT} else previous
        if anchored:
            return saturday_this_week  # the week-end of the day the text is telling about
        return previous if direction is Direction.PAST and base < saturday_this_week else saturday_this_week

    def _on_day(self, day: dt.date, fields: Fields) -> ResolvedValue:
        """A day, or a time or part of that day when the expression gives one."""
        if fields.hour is not None:
            return cal.time_value(day, fields.hour, fields.minute or 0, mod=fields.modifier)
        if fields.part_of_day is not None:
            return cal.part_of_day_value(day, fields.part_of_day, mod=fields.modifier)
        return cal.day_value(day, mod=fields.modifier)

    def _weekday(self, fields: Fields, context: Context) -> ResolvedValue | None:
        published, weekday = context.published, fields.weekday
        assert weekday is not None
        offset_back = (published.isoweekday() - weekday) % 7
        if fields.relation is Relation.LAST:
            day = published - dt.timedelta(days=offset_back or 7)
        elif fields.relation is Relation.NEXT:
            day = published + dt.timedelta(days=(weekday - published.isoweekday()) % 7 or 7)
        elif offset_back == 0:
            day = published  # a weekday equal to the publication's is the publication day
        elif context.direction in {Direction.FUTURE, Direction.PRESENT}:
            day = published + dt.timedelta(days=(weekday - published.isoweekday()) % 7)
        elif context.direction is Direction.NONE:
            # no tense says (a headline, "le match de samedi", "devait se tenir dimanche"): the nearest such
            # day; with "ce", the one of the publication week
            ahead = 7 - offset_back
            if fields.relation is Relation.THIS:
                goes_ahead = weekday > published.isoweekday()
            else:
                goes_ahead = ahead < offset_back
            day = (
                published + dt.timedelta(days=ahead)
                if goes_ahead
                else published - dt.timedelta(days=offset_back)
            )
        else:
            day = published - dt.timedelta(days=offset_back)
        return self._on_day(day, fields)

    def _calendar(self, mention: TimeMention, context: Context) -> ResolvedValue | None:
        """A date named by calendar fields: resolved by the first shape of ``_SHAPES`` its fields have."""
        for has_shape, resolve in self._SHAPES:
            if has_shape(mention.fields):
                return resolve(self, mention, context)
        return None

    def _day_of_month(self, mention: TimeMention, context: Context) -> ResolvedValue | None:
        """``le 27 mai 1998``, ``le 3 mars``, ``le samedi 5 juin``."""
        fields, published = mention.fields, context.published
        assert fields.day is not None and fields.month is not None
        year = _full_year(fields, published)
        if year is not None:
            parsed = self._absolute(mention.text) if fields.end is None else None
            # dateparser reads the whole text: trust it only where it agrees with the fields on the day
            agrees = parsed is not None and (parsed.month, parsed.day) == (fields.month, fields.day)
            day = parsed if agrees else _safe_date(year, fields.month, fields.day)
        else:
            day = year_less_day(
                fields.month,
                fields.day,
                published,
                context.direction,
                relation=fields.relation,
                weekday=fields.weekday,
                leeway=context.leeway,
                chronicle=context.chronicle and context.direction is Direction.PRESENT,
                past_fixed=context.past_fixed or context.chronicle,
                coming=_COMING_OPENING if context.opening else _COMING_MONTH,
            )
        return self._on_day(day, fields) if day else None

    def _nth_weekday(self, mention: TimeMention, context: Context) -> ResolvedValue | None:
        """``le premier dimanche de mars``, ``le dernier samedi d'août 2019``: that weekday of the month, in
        the year written, else in the year the tense points to (as a year-less day: ``choose``)."""
        fields, published = mention.fields, context.published
        assert fields.ordinal is not None and fields.weekday is not None and fields.month is not None
        year = _full_year(fields, published)
        years = [year] if year is not None else [published.year - 1, published.year, published.year + 1]
        candidates = [
            d for y in years if (d := cal.nth_weekday(y, fields.month, fields.weekday, fields.ordinal))
        ]
        day = candidates[0] if year is not None and candidates else None
        if year is None:
            day = choose(candidates, published, context.direction, None, max(context.leeway, _LATE_EDITION))
        return self._on_day(day, fields) if day else None

    def _weekday_and_day(self, mention: TimeMention, context: Context) -> ResolvedValue | None:
        """``le mercredi 26``: the day of that number nearest the anchor that falls on that weekday."""
        fields, anchor = mention.fields, context.anchor
        assert fields.day is not None and fields.weekday is not None
        months = (cal.add_months(anchor.replace(day=1), step) for step in range(-6, 7))
        candidates = [
            d
            for m in months
            if (d := _safe_date(m.year, m.month, fields.day)) and d.isoweekday() == fields.weekday
        ]
        if not candidates:
            return None
        return self._on_day(min(candidates, key=lambda d: (abs((d - anchor).days), d > anchor)), fields)

    def _holiday(self, mention: TimeMention, context: Context) -> ResolvedValue | None:
        """``Noël``, ``le 14-Juillet``, ``Pâques 2023``."""
        fields, published = mention.fields, context.published
        assert fields.holiday is not None
        rule = self._holidays[fields.holiday]
        year = _full_year(fields, published)
        dates = [self._holiday_date(rule, y) for y in ([year] if year else _years_around(published))]
        day = choose([d for d in dates if d], published, context.direction, fields.relation, context.leeway)
        return cal.day_value(day, mod=fields.modifier) if day else None

    def _named_weekday(self, mention: TimeMention, context: Context) -> ResolvedValue | None:
        """``jeudi``, ``vendredi dernier``."""
        return self._weekday(mention.fields, context)

    def _month(self, mention: TimeMention, context: Context) -> ResolvedValue | None:
        """``en avril``, ``mai 2021``."""
        month, mod = mention.fields.month, mention.fields.modifier
        assert month is not None
        return self._period(mention.fields, context, lambda y: cal.month_value(y, month, mod=mod))

    def _season(self, mention: TimeMention, context: Context) -> ResolvedValue | None:
        """``cet été``, ``l'hiver 2021``."""
        code, mod = mention.fields.season, mention.fields.modifier
        assert code is not None
        return self._period(mention.fields, context, lambda y: cal.season_value(y, code, mod=mod))

    def _quarter(self, mention: TimeMention, context: Context) -> ResolvedValue | None:
        """``au premier trimestre``."""
        quarter, mod = mention.fields.quarter, mention.fields.modifier
        assert quarter is not None
        return self._period(mention.fields, context, lambda y: cal.quarter_value(y, quarter, mod=mod))

    def _half(self, mention: TimeMention, context: Context) -> ResolvedValue | None:
        """``au premier semestre 2020``."""
        half, mod = mention.fields.half, mention.fields.modifier
        assert half is not None
        return self._period(mention.fields, context, lambda y: cal.half_value(y, half, mod=mod))

    def _year(self, mention: TimeMention, context: Context) -> ResolvedValue | None:
        """``en 2019``, ``en 98``."""
        year = _full_year(mention.fields, context.published)
        return cal.year_value(year, mod=mention.fields.modifier) if year is not None else None

    def _decade(self, mention: TimeMention, context: Context) -> ResolvedValue | None:
        """``les années 1990``; ``les années 90``: the latest such decade not after the publication."""
        first, published = mention.fields.decade, context.published
        assert first is not None
        if first < 100:
            first = (published.year // 100) * 100 + first
            first = first - 100 if first > published.year else first
        return cal.decade_value(first, mod=mention.fields.modifier)

    def _century(self, mention: TimeMention, context: Context) -> ResolvedValue | None:
        """``au XIXe siècle``."""
        assert mention.fields.century is not None
        return cal.century_value(mention.fields.century, mod=mention.fields.modifier)

    def _time_of_day(self, mention: TimeMention, context: Context) -> ResolvedValue | None:
        """``ce soir`` is the publication day's; a bare ``14 h`` or ``la nuit``, the last day named's."""
        fields = mention.fields
        published = context.published
        day = published if fields.relation is Relation.THIS else context.anchor
        if fields.hour is None and fields.part_of_day is not None:
            # a part of day told in the past is not after the publication day, whatever date the text named
            # last ("plus tôt dans la journée" after a forecast for Sunday); a future one may lie before it,
            # in a narrative ("il dormira jusqu'au lendemain")
            if context.direction is Direction.PAST and day > published:
                day = published
            # … and one told ahead is not before it: a plan of the paper's day ("Une information judiciaire
            # doit être ouverte dans la journée" after a story told back to Wednesday); the eve's stays, as a
            # dispatch of the evening before, printed the next morning, tells it ("Le ministre a annoncé
            # vendredi un plan. Les maires seront informés dans la journée" is Friday's)
            told_day = RuleFlag.TOLD_DAY in mention.flags  # "il ne jouerait pas le soir même"
            before_eve = day < published - _LATE_EDITION
            if context.direction is Direction.FUTURE and before_eve and not told_day:
                day = published
            if fields.part_of_day == cal.NIGHT and context.direction is Direction.PAST and day == published:
                # "cette nuit", "dans la nuit" told in the past on the publication day: the night that
                # ended that morning
                day = published - dt.timedelta(days=1)
        return self._on_day(day, fields)

    # The shapes of calendar Fields, most specific first: a mention is resolved by the first it has.
    _SHAPES: ClassVar[tuple[tuple[Callable[[Fields], bool], _Shape], ...]] = (
        (lambda f: f.day is not None and f.month is not None, _day_of_month),
        (lambda f: f.holiday is not None, _holiday),
        (lambda f: f.ordinal is not None and f.weekday is not None and f.month is not None, _nth_weekday),
        (lambda f: f.day is not None and f.weekday is not None, _weekday_and_day),
        (lambda f: f.weekday is not None, _named_weekday),
        (lambda f: f.month is not None, _month),
        (lambda f: f.season is not None, _season),
        (lambda f: f.quarter is not None and 1 <= f.quarter <= 4, _quarter),
        (lambda f: f.half is not None and 1 <= f.half <= 2, _half),
        (lambda f: f.year is not None, _year),
        (lambda f: f.decade is not None, _decade),
        (lambda f: f.century is not None, _century),
        (lambda f: f.hour is not None or f.part_of_day is not None, _time_of_day),
    )

    @staticmethod
    def _period(
        fields: Fields, context: Context, value_of: Callable[[int], ResolvedValue]
    ) -> ResolvedValue | None:
        """A month, season, quarter or half-year: the year is written, or comes from the relation word or
        the tense."""
        year = _full_year(fields, context.published)
        if year is not None:
            return value_of(year)

        def start_of(year: int) -> dt.date:
            start = value_of(year).date_start
            assert start is not None  # a month, season, quarter or half-year always has its range
            return start

        published = context.published
        if fields.relation is Relation.THIS:
            # "cet hiver" in January is the winter that began in December
            under_way = value_of(published.year - 1)
            if under_way.date_end is not None and under_way.date_end >= published:
                return under_way
            return value_of(published.year)
        # from two years back: in January "l'hiver dernier" is the winter that ended a year ago
        candidates = [start_of(y) for y in range(published.year - 2, published.year + 2)]
        current = max(c for c in candidates if c <= published) if fields.relation is None else None
        if fields.relation is None and context.direction is Direction.FUTURE and current is not None:
            # the period under way still lies ahead in part: "en septembre" written in September
            ongoing = value_of(current.year)
            if ongoing.date_end is not None and ongoing.date_end >= published:
                return ongoing
        chosen = choose(candidates, published, context.direction, fields.relation, context.leeway)
        if chosen is None:
            return None
        if fields.relation is Relation.LAST and value_of(chosen.year).date_end is not None:
            ended = [
                c
                for c in candidates
                if (v := value_of(c.year)).date_end is not None and v.date_end < published
            ]
            chosen = max(ended) if ended else chosen
        return value_of(chosen.year)

    @staticmethod
    def _holiday_date(rule: str, year: int) -> dt.date | None:
        if rule.startswith("easter"):
            return cal.easter(year) + dt.timedelta(days=int(rule.removeprefix("easter")))
        month, day = rule.split("-")
        return _safe_date(year, int(month), int(day))
