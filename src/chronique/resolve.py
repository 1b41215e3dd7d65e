"""Resolution: an underspecified time expression plus a reference date and a direction → a TIMEX3 value.

dateparser does what it does well: absolute dates whose day, month and year are all written
(``le 27 mai 1998``, ``02/03/2021``, ``27 mai 98``; it also rejects impossible ones such as ``31 février``),
and day counts from the publication date (``il y a trois jours``). Our French layer decides the rest,
where dateparser alone (``PREFER_DATES_FROM=past``) is wrong for news:

- weekdays: dateparser never returns the publication day (``samedi`` in a Saturday article gave the
  Saturday before); we take the direction from the governing verb's tense and keep a same-day weekday;
- a month or season without a day is a month or season (dateparser gave ``en avril`` → 10 April);
- year-less dates (``le 3 mars``) take their year from the tense, not from a fixed preference;
- anaphoric expressions (``la veille``, ``deux jours plus tard``, a bare ``14 h``) count from the last date
  the text anchored, which dateparser cannot know;
- spans come from our grammar, so dateparser never tags ``samedi une`` as 10 January.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

import dateparser

from chronique import calendar as cal
from chronique.model import Direction, Fields, Grain, ResolvedValue, TimeMention, TimexType
from chronique.vocabulary import Vocabulary


@dataclass(frozen=True, slots=True)
class Context:
    """What a mention is resolved against."""

    published: dt.date
    anchor: dt.date
    direction: Direction = Direction.NONE


@functools.lru_cache(maxsize=4096)
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


@functools.lru_cache(maxsize=1024)
def parse_day_count(text: str, published: dt.date) -> dt.date | None:
    """``il y a trois jours`` / ``dans deux jours`` from the publication date, by dateparser."""
    base = dt.datetime(published.year, published.month, published.day, 12)
    parsed = dateparser.parse(text, languages=["fr"], settings={"RELATIVE_BASE": base})
    return parsed.date() if parsed is not None else None


def choose(
    candidates: Sequence[dt.date], published: dt.date, direction: Direction, relation: str | None
) -> dt.date | None:
    """Among candidate dates, the one the words and the tense point to."""
    if not candidates:
        return None
    if relation == "last":
        before = [c for c in candidates if c < published]
        return max(before) if before else None
    if relation == "next":
        after = [c for c in candidates if c > published]
        return min(after) if after else None
    if direction is Direction.PAST:
        before = [c for c in candidates if c <= published]
        return max(before) if before else None
    if direction is Direction.FUTURE:
        after = [c for c in candidates if c >= published]
        return min(after) if after else None
    return min(candidates, key=lambda c: (abs((c - published).days), c > published))


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


class Resolver:
    """Resolves mentions; configured once with the vocabulary (holiday rules)."""

    def __init__(self, vocabulary: Vocabulary) -> None:
        self._holidays = {e.key: e.attributes[0] for e in vocabulary["holidays"].entries}

    def __call__(self, mention: TimeMention, context: Context) -> ResolvedValue | None:
        """The value of a mention, or None when it names no date we can compute."""
        fields = mention.fields
        if mention.kind == "ref" and fields.ref:
            # "désormais", "actuellement": the present is the publication day; past and future have no date
            today = context.published if fields.ref == "PRESENT_REF" else None
            return ResolvedValue(fields.ref, TimexType.DATE, Grain.REF, today, today)
        if mention.kind in {"duration", "set"}:
            kind = TimexType.DURATION if mention.kind == "duration" else TimexType.SET
            return ResolvedValue(fields.duration or "P1D", kind, Grain.DURATION, None, None)
        if fields.end is not None:
            return self._interval(mention, context)
        if fields.shift_unit is not None:
            return self._shifted(mention, context)
        return self._calendar(mention, context)

    def _interval(self, mention: TimeMention, context: Context) -> ResolvedValue | None:
        start, end = mention.fields, mention.fields.end
        assert end is not None
        if start.weekday is not None and end.weekday is not None:
            first = self._weekday(start, context)
            if first is None or first.date_start is None:
                return None
            last_day = first.date_start + dt.timedelta(days=(end.weekday - start.weekday) % 7)
            return cal.interval_value(first, cal.day_value(last_day))
        if start.day is not None:
            # what one end leaves out, the other says: "du 3 au 5 mai", "les 10 et 11 décembre prochains"
            two_digits = start.two_digit_year or end.two_digit_year
            month, year = end.month or start.month, end.year or start.year
            start = replace(start, end=None, month=month, year=year, two_digit_year=two_digits)
            end = replace(end, month=month, year=year, two_digit_year=two_digits, relation=start.relation)
        else:
            start = replace(start, end=None)
        first = self._calendar(replace(mention, fields=start), context)
        if first is None or first.date_start is None:
            return None
        last = self._calendar(replace(mention, fields=end), replace(context, published=first.date_start))
        if last is None or last.date_end is None or last.date_end < first.date_start:
            return None
        return cal.interval_value(first, last)

    def _shifted(self, mention: TimeMention, context: Context) -> ResolvedValue | None:
        fields = mention.fields
        base = context.anchor if fields.from_anchor else context.published
        shift = fields.shift or 0
        unit = fields.shift_unit
        mod = fields.modifier
        if unit in {"day", "hour", "minute"}:
            day = base + dt.timedelta(days=shift) if unit == "day" else base
            if unit == "day" and not fields.from_anchor and mention.kind in {"ago", "in"}:
                day = parse_day_count(mention.text, context.published) or day
            return self._on_day(day, fields)
        if unit == "week" and mention.kind in {"ago", "in", "later", "earlier"}:
            # a counted number of weeks lands on a day: "il y a une semaine" is seven days ago
            return self._on_day(base + dt.timedelta(weeks=shift), fields)
        if unit == "week":
            return cal.week_value(base + dt.timedelta(weeks=shift), mod=mod)
        if unit == "weekend":
            return cal.weekend_value(self._weekend_saturday(base, fields, context.direction), mod=mod)
        if unit == "month":
            moved = cal.add_months(base, shift)
            return cal.month_value(moved.year, moved.month, mod=mod)
        if unit == "year":
            return cal.year_value(base.year + shift, mod=mod)
        return None

    @staticmethod
    def _weekend_saturday(base: dt.date, fields: Fields, direction: Direction) -> dt.date:
        saturday_this_week = base + dt.timedelta(days=6 - base.isoweekday())
        if base.isoweekday() == 7:  # Sunday: this weekend began yesterday
            saturday_this_week = base - dt.timedelta(days=1)
        if fields.relation == "last" or (fields.relation in {None, "this"} and fields.shift == -1):
            return saturday_this_week - dt.timedelta(weeks=1)
        if fields.relation == "next" or (fields.shift or 0) > 0:
            return saturday_this_week + dt.timedelta(
                weeks=max(fields.shift or 1, 1) - (base.isoweekday() >= 6)
            )
        if direction is Direction.PAST and base < saturday_this_week:
            return saturday_this_week - dt.timedelta(weeks=1)
        return saturday_this_week

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
        if fields.relation == "last":
            day = published - dt.timedelta(days=offset_back or 7)
        elif fields.relation == "next":
            day = published + dt.timedelta(days=(weekday - published.isoweekday()) % 7 or 7)
        elif offset_back == 0:
            day = published  # a weekday equal to the publication's is the publication day
        elif context.direction in {Direction.FUTURE, Direction.PRESENT} or (
            fields.relation == "this"
            and context.direction is Direction.NONE
            and weekday > published.isoweekday()
        ):
            day = published + dt.timedelta(days=(weekday - published.isoweekday()) % 7)
        else:
            day = published - dt.timedelta(days=offset_back)
        return self._on_day(day, fields)

    def _calendar(self, mention: TimeMention, context: Context) -> ResolvedValue | None:
        fields = mention.fields
        published, direction, mod = context.published, context.direction, fields.modifier
        year = _full_year(fields, published)
        if fields.day is not None and fields.month is not None:
            if year is not None:
                day = (
                    parse_absolute(mention.text)
                    if fields.end is None and "/" not in mention.text[:0]
                    else None
                )
                day = day if day is not None and (day.month, day.day) == (fields.month, fields.day) else None
                day = day or _safe_date(year, fields.month, fields.day)
            else:
                candidates = [
                    d for y in _years_around(published) if (d := _safe_date(y, fields.month, fields.day))
                ]
                if fields.weekday is not None:
                    candidates = [d for d in candidates if d.isoweekday() == fields.weekday] or candidates
                    day = choose(candidates, published, Direction.NONE, fields.relation)
                else:
                    day = choose(candidates, published, direction, fields.relation)
            return self._on_day(day, fields) if day else None
        if fields.holiday is not None:
            rule = self._holidays[fields.holiday]
            dates = [self._holiday_date(rule, y) for y in ([year] if year else _years_around(published))]
            day = choose([d for d in dates if d], published, direction, fields.relation)
            return cal.day_value(day, mod=mod) if day else None
        if fields.weekday is not None:
            return self._weekday(fields, context)
        if fields.month is not None:
            return self._period(
                year,
                context,
                fields,
                lambda y: dt.date(y, fields.month or 1, 1),
                lambda y: cal.month_value(y, fields.month or 1, mod=mod),
            )
        if fields.season is not None:
            code = fields.season
            return self._period(
                year,
                context,
                fields,
                lambda y: dt.date(y, cal.SEASON_START_MONTH[code], 1),
                lambda y: cal.season_value(y, code, mod=mod),
            )
        if fields.quarter is not None and 1 <= fields.quarter <= 4:
            quarter = fields.quarter
            return self._period(
                year,
                context,
                fields,
                lambda y: dt.date(y, 3 * quarter - 2, 1),
                lambda y: cal.quarter_value(y, quarter, mod=mod),
            )
        if fields.half is not None and 1 <= fields.half <= 2:
            half = fields.half
            return self._period(
                year,
                context,
                fields,
                lambda y: dt.date(y, 6 * half - 5, 1),
                lambda y: cal.half_value(y, half, mod=mod),
            )
        if year is not None:
            return cal.year_value(year, mod=mod)
        if fields.decade is not None:
            first = fields.decade
            if first < 100:
                first = (published.year // 100) * 100 + first
                first = first - 100 if first > published.year else first
            return cal.decade_value(first, mod=mod)
        if fields.century is not None:
            return cal.century_value(fields.century, mod=mod)
        if fields.hour is not None or fields.part_of_day is not None:
            # "ce soir" is the publication day's; a bare "14 h" or "la nuit" belongs to the last day named
            return self._on_day(published if fields.relation == "this" else context.anchor, fields)
        return None

    @staticmethod
    def _period(
        year: int | None,
        context: Context,
        fields: Fields,
        start_of: Callable[[int], dt.date],
        value_of: Callable[[int], ResolvedValue],
    ) -> ResolvedValue | None:
        """A month, season or quarter: the year is written, or comes from the relation word or the tense."""
        if year is not None:
            return value_of(year)
        published = context.published
        if fields.relation == "this":
            return value_of(published.year)
        candidates = [start_of(y) for y in _years_around(published)]
        current = max(c for c in candidates if c <= published) if fields.relation is None else None
        if fields.relation is None and context.direction is Direction.FUTURE and current is not None:
            # the period under way still lies ahead in part: "en septembre" written in September
            ongoing = value_of(current.year)
            if ongoing.date_end is not None and ongoing.date_end >= published:
                return ongoing
        chosen = choose(candidates, published, context.direction, fields.relation)
        if chosen is None:
            return None
        if fields.relation == "last" and value_of(chosen.year).date_end is not None:
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
