"""Calendar arithmetic and TIMEX3 value formatting: no language, no parsing."""

from __future__ import annotations

import datetime as dt

from chronique.model import Grain, ResolvedValue, TimexType

# Meteorological seasons: the months each covers (winter runs into the next year).
SEASON_START_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
# The TIMEX3 part-of-day code of a night, which runs into the next day (2018-01-29TNI = 29-30 January).
NIGHT = "NI"


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` later (clamped to the month's end)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return dt.date(year, month + 1, min(day.day, days_in_month(year, month + 1)))


def days_in_month(year: int, month: int) -> int:
    """28 to 31."""
    following = dt.date(year + (month == 12), month % 12 + 1, 1)
    return (following - dt.timedelta(days=1)).day


def month_end(year: int, month: int) -> dt.date:
    """The last day of a month."""
    return dt.date(year, month, days_in_month(year, month))


def easter(year: int) -> dt.date:
    """Western Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    el = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * el) // 451
    month, day = divmod(h + el - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def day_value(day: dt.date, *, mod: str | None = None) -> ResolvedValue:
    """A calendar day."""
    return ResolvedValue(day.isoformat(), TimexType.DATE, Grain.DAY, day, day, mod)


def time_value(day: dt.date, hour: int, minute: int, *, mod: str | None = None) -> ResolvedValue:
    """A clock time on a day."""
    return ResolvedValue(
        f"{day.isoformat()}T{hour:02d}:{minute:02d}", TimexType.TIME, Grain.TIME, day, day, mod
    )


def part_of_day_value(day: dt.date, code: str, *, mod: str | None = None) -> ResolvedValue:
    """A part of a day: 2022-09-09TEV."""
    return ResolvedValue(f"{day.isoformat()}T{code}", TimexType.TIME, Grain.PART_OF_DAY, day, day, mod)


def week_value(day: dt.date, *, mod: str | None = None) -> ResolvedValue:
    """The ISO week containing a day: 2022-W36."""
    year, week, weekday = day.isocalendar()
    monday = day - dt.timedelta(days=weekday - 1)
    return ResolvedValue(
        f"{year}-W{week:02d}", TimexType.DATE, Grain.WEEK, monday, monday + dt.timedelta(days=6), mod
    )


def weekend_value(saturday: dt.date, *, mod: str | None = None) -> ResolvedValue:
    """The weekend starting on a Saturday: 2003-W05-WE."""
    year, week, _ = saturday.isocalendar()
    return ResolvedValue(
        f"{year}-W{week:02d}-WE",
        TimexType.DATE,
        Grain.WEEKEND,
        saturday,
        saturday + dt.timedelta(days=1),
        mod,
    )


def month_value(year: int, month: int, *, mod: str | None = None) -> ResolvedValue:
    """A month: 2022-04."""
    return ResolvedValue(
        f"{year:04d}-{month:02d}",
        TimexType.DATE,
        Grain.MONTH,
        dt.date(year, month, 1),
        month_end(year, month),
        mod,
    )


def quarter_value(year: int, quarter: int, *, mod: str | None = None) -> ResolvedValue:
    """A quarter: 2022-Q1."""
    first = 3 * (quarter - 1) + 1
    return ResolvedValue(
        f"{year:04d}-Q{quarter}",
        TimexType.DATE,
        Grain.QUARTER,
        dt.date(year, first, 1),
        month_end(year, first + 2),
        mod,
    )


def half_value(year: int, half: int, *, mod: str | None = None) -> ResolvedValue:
    """A half-year: 2020-H1."""
    first = 6 * (half - 1) + 1
    return ResolvedValue(
        f"{year:04d}-H{half}",
        TimexType.DATE,
        Grain.HALF_YEAR,
        dt.date(year, first, 1),
        month_end(year, first + 5),
        mod,
    )


def season_value(year: int, code: str, *, mod: str | None = None) -> ResolvedValue:
    """A season: 2022-SU (winter YYYY-WI runs from December YYYY to February YYYY+1)."""
    start = dt.date(year, SEASON_START_MONTH[code], 1)
    end = add_months(start, 3) - dt.timedelta(days=1)
    return ResolvedValue(f"{year:04d}-{code}", TimexType.DATE, Grain.SEASON, start, end, mod)


def year_value(year: int, *, mod: str | None = None) -> ResolvedValue:
    """A year: 2019."""
    return ResolvedValue(
        f"{year:04d}", TimexType.DATE, Grain.YEAR, dt.date(year, 1, 1), dt.date(year, 12, 31), mod
    )


def decade_value(first_year: int, *, mod: str | None = None) -> ResolvedValue:
    """A decade: 196X (the form French TimeBank uses)."""
    return ResolvedValue(
        f"{first_year // 10:03d}X",
        TimexType.DATE,
        Grain.DECADE,
        dt.date(first_year, 1, 1),
        dt.date(first_year + 9, 12, 31),
        mod,
    )


def century_value(century: int, *, mod: str | None = None) -> ResolvedValue:
    """A century: the XIXe siècle is 18XX."""
    first = (century - 1) * 100
    return ResolvedValue(
        f"{century - 1:02d}XX",
        TimexType.DATE,
        Grain.CENTURY,
        dt.date(max(first, 1), 1, 1),
        dt.date(first + 99, 12, 31),
        mod,
    )


def interval_value(first: ResolvedValue, last: ResolvedValue) -> ResolvedValue:
    """From the start of one value to the end of another: 2022-09-09/2022-09-10."""
    return ResolvedValue(
        f"{first.value}/{last.value}",
        TimexType.DATE,
        Grain.INTERVAL,
        first.date_start,
        last.date_end,
        first.mod,
    )


def nth_weekday(year: int, month: int, weekday: int, ordinal: int) -> dt.date | None:
    """The ``ordinal``-th ISO ``weekday`` of a month (-1: its last), or None when the month has no such day
    (a fifth Monday)."""
    if not 1 <= month <= 12:
        return None
    first = dt.date(year, month, 1)
    days = [first + dt.timedelta(days=i) for i in range(31) if (first + dt.timedelta(days=i)).month == month]
    matching = [d for d in days if d.isoweekday() == weekday]
    if ordinal == -1:
        return matching[-1]
    return matching[ordinal - 1] if 1 <= ordinal <= len(matching) else None
