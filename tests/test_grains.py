"""Every Grain is known to every table that must know it: Markdown headings, anchoring precision, tag output.

A new member of Grain fails here until it has a row below and an entry in each table.
"""

from __future__ import annotations

import datetime as dt

import pytest

from chronique.anchors import GRAIN_PRECISION, UNDATED_GRAINS
from chronique.markdown import GRAIN_HEADINGS, heading
from chronique.model import (
    DAY_GRAINS,
    Fields,
    Grain,
    ResolvedValue,
    RuleKind,
    TimeExpression,
    TimeMention,
    TimexType,
)
from chronique.tagging import timeml_members
from chronique.vocabulary import load
from tests.conftest import Analyse

D = dt.date

# grain → a value of that grain and its heading, worked out by hand (8 September 2022 is a Thursday);
# None: never on a timeline (a REF event is dated to its publication day, a duration dates nothing).
REPRESENTATIVES: dict[Grain, tuple[ResolvedValue, str | None]] = {
    Grain.TIME: (
        ResolvedValue("2022-09-08T14:30", TimexType.TIME, Grain.TIME, D(2022, 9, 8), D(2022, 9, 8)),
        "jeudi 8 septembre 2022",
    ),
    Grain.PART_OF_DAY: (
        ResolvedValue("2022-09-09TEV", TimexType.TIME, Grain.PART_OF_DAY, D(2022, 9, 9), D(2022, 9, 9)),
        "vendredi 9 septembre 2022",
    ),
    Grain.DAY: (
        ResolvedValue("2022-09-10", TimexType.DATE, Grain.DAY, D(2022, 9, 10), D(2022, 9, 10)),
        "samedi 10 septembre 2022",
    ),
    Grain.WEEKEND: (
        ResolvedValue("2022-W36-WE", TimexType.DATE, Grain.WEEKEND, D(2022, 9, 10), D(2022, 9, 11)),
        "week-end du 10 septembre 2022",
    ),
    Grain.WEEK: (
        ResolvedValue("2022-W36", TimexType.DATE, Grain.WEEK, D(2022, 9, 5), D(2022, 9, 11)),
        "semaine du 5 septembre 2022",
    ),
    Grain.MONTH: (
        ResolvedValue("2022-04", TimexType.DATE, Grain.MONTH, D(2022, 4, 1), D(2022, 4, 30)),
        "avril 2022",
    ),
    Grain.QUARTER: (
        ResolvedValue("2022-Q2", TimexType.DATE, Grain.QUARTER, D(2022, 4, 1), D(2022, 6, 30)),
        "2e trimestre 2022",
    ),
    Grain.SEASON: (
        ResolvedValue("2022-SU", TimexType.DATE, Grain.SEASON, D(2022, 6, 1), D(2022, 8, 31)),
        "été 2022",
    ),
    Grain.HALF_YEAR: (
        ResolvedValue("2020-H1", TimexType.DATE, Grain.HALF_YEAR, D(2020, 1, 1), D(2020, 6, 30)),
        "1er semestre 2020",
    ),
    Grain.YEAR: (
        ResolvedValue("2019", TimexType.DATE, Grain.YEAR, D(2019, 1, 1), D(2019, 12, 31)),
        "2019",
    ),
    Grain.DECADE: (
        ResolvedValue("199X", TimexType.DATE, Grain.DECADE, D(1990, 1, 1), D(1999, 12, 31)),
        "années 1990",
    ),
    Grain.CENTURY: (
        ResolvedValue("18XX", TimexType.DATE, Grain.CENTURY, D(1800, 1, 1), D(1899, 12, 31)),
        "XIXe siècle",
    ),
    Grain.INTERVAL: (
        ResolvedValue("2022-09-09/2022-09-10", TimexType.DATE, Grain.INTERVAL, D(2022, 9, 9), D(2022, 9, 10)),
        "du 9 au 10 septembre 2022",
    ),
    Grain.REF: (
        ResolvedValue("PRESENT_REF", TimexType.DATE, Grain.REF, D(2022, 9, 10), D(2022, 9, 10)),
        None,
    ),
    Grain.DURATION: (ResolvedValue("P3D", TimexType.DURATION, Grain.DURATION, None, None), None),
}


@pytest.mark.parametrize("grain", list(Grain))
def test_grain_has_a_markdown_heading_or_is_never_on_a_timeline(grain: Grain) -> None:
    resolved, expected = REPRESENTATIVES[grain]
    assert grain in GRAIN_HEADINGS, f"markdown.GRAIN_HEADINGS has no entry for {grain}"
    if expected is None:
        assert GRAIN_HEADINGS[grain] is None
        return
    assert resolved.date_start is not None and resolved.date_end is not None
    title = heading(grain, resolved.value, resolved.date_start, resolved.date_end, load())
    assert title == expected


@pytest.mark.parametrize("grain", list(Grain))
def test_grain_has_an_anchoring_precision_or_dates_nothing(grain: Grain) -> None:
    assert (grain in GRAIN_PRECISION) != (grain in UNDATED_GRAINS)


@pytest.mark.parametrize("grain", list(Grain))
def test_grain_is_in_the_tag_output(grain: Grain) -> None:
    resolved, _ = REPRESENTATIVES[grain]
    text = "le moment dit"
    mention = TimeMention(0, len(text), text, "any", RuleKind.DATE, Fields())
    members = timeml_members(TimeExpression(mention=mention, resolved=resolved, sentence=0))
    assert [member["grain"] for member in members] == [grain.value]
    assert [member["value"] for member in members] == [resolved.value]


def test_day_grains_are_the_finest() -> None:
    """The grains that share a day's heading and anchor what follows are the three finest."""
    finest = sorted(GRAIN_PRECISION, key=GRAIN_PRECISION.__getitem__)[:3]
    assert frozenset(finest) == DAY_GRAINS


@pytest.mark.parametrize(
    ("sentence", "published", "expected"),
    [
        (
            "Le chiffre d'affaires a baissé au premier semestre.",
            "2020-09-10",
            ("premier semestre", "2020-H1", Grain.HALF_YEAR),
        ),
        (
            "Les ventes reprendront au second semestre 2021.",
            "2020-09-10",
            ("second semestre 2021", "2021-H2", Grain.HALF_YEAR),
        ),
        (
            "Le PIB a reculé au premier trimestre.",
            "2022-09-10",
            ("premier trimestre", "2022-Q1", Grain.QUARTER),
        ),
    ],
)
def test_half_years_have_their_own_grain(
    analysed: Analyse, sentence: str, published: str, expected: tuple[str, str, Grain]
) -> None:
    found = {
        (t.mention.text, t.resolved.value, t.resolved.grain) for t in analysed(sentence, published).timexes
    }
    assert expected in found, sorted(found)
