"""The capture slots of ``data/rules.txt``: what each named group sets in ``Fields``, read from the match.

Its own module so that the grammar can check every slot name at load time and extraction can read the
slots, without either importing the other.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from chronique.model import Relation, Unit
from chronique.vocabulary import Vocabulary, normalise

SPAN_OUTSIDE = "outside"  # a group of this name is matched but left out of the span ("vers 14 h")
SLOT_THIS = "this"  # "ce", "cette": the relation THIS, unless the rule also captures a relation word
SLOT_DETERMINER = "det"  # words of an interval member before its first value ("le 15 août"): in its span
SECOND_MEMBER = "_2"  # suffix of the slots of an interval's second member ("{month:month_2}")

_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def roman_to_int(numeral: str) -> int:
    """XIX → 19."""
    total = 0
    values = [_ROMAN[char] for char in numeral.upper()]
    for index, value in enumerate(values):
        total += -value if index + 1 < len(values) and values[index + 1] > value else value
    return total


def _count(surface: str, vocabulary: Vocabulary) -> int:
    return int(surface) if surface.isdigit() else int(vocabulary["numbers"].key_of(surface))


def _number(surface: str) -> int:
    """A day number as written: "1er", "1ER" (titles in capitals), "14"."""
    return int(surface.lower().removesuffix("er"))


def _month(surface: str, vocabulary: Vocabulary) -> int:
    return int(surface) if surface.isdigit() else int(vocabulary["months"].key_of(surface))


def _clock(surface: str, vocabulary: Vocabulary) -> dict[str, object]:
    hour, minute = vocabulary["clock_words"].key_of(surface).split(":")
    return {"hour": int(hour), "minute": int(minute)}


def _shift(surface: str, vocabulary: Vocabulary) -> dict[str, object]:
    entry = vocabulary["day_shifts"].lookup(surface)
    return {
        "shift": int(entry.attributes[0]),
        "shift_unit": Unit.DAY,
        "from_anchor": entry.attributes[1] == "anchor",
    }


def _ordinal(surface: str, vocabulary: Vocabulary) -> int:
    """Which weekday of a month: "premier" 1, "troisième" 3 (numbers.tsv), "dernier" the last (-1)."""
    relation = vocabulary["relations"].by_form.get(normalise(surface))
    return -1 if relation is not None and relation.key == Relation.LAST else _count(surface, vocabulary)


def _key(lexicon: str) -> Callable[[str, Vocabulary], str]:
    return lambda surface, vocabulary: vocabulary[lexicon].key_of(surface)


SlotReader = tuple[str | None, Callable[[str, Vocabulary], object]]

# slot name → (Fields attribute, how to read the matched text); a None attribute means the reader
# returns several attributes at once.
SLOT_READERS: Mapping[str, SlotReader] = {
    "year": ("year", lambda s, v: int(s)),
    "yy": (None, lambda s, v: {"year": int(s.lstrip("'’")), "two_digit_year": True}),
    "month": ("month", _month),
    "day": ("day", lambda s, v: _number(s)),
    "weekday": ("weekday", lambda s, v: int(v["weekdays"].key_of(s))),
    "hour": ("hour", lambda s, v: int(s)),
    "minute": ("minute", lambda s, v: int(s)),
    "clock": (None, _clock),
    "pod": ("part_of_day", _key("parts_of_day")),
    "season": ("season", _key("seasons")),
    "holiday": ("holiday", _key("holidays")),
    "relation": ("relation", lambda s, v: Relation(v["relations"].key_of(s))),
    "modifier": ("modifier", _key("modifiers")),
    "ref": ("ref", _key("refs")),
    "quarter": ("quarter", _count),
    "half": ("half", _count),
    "decade": ("decade", lambda s, v: int(s)),
    "century": ("century", lambda s, v: roman_to_int(s)),
    "shift": (None, _shift),
    "unit": ("shift_unit", lambda s, v: Unit(v["units"].key_of(s))),
    "count": ("shift", _count),
    "ordinal": ("ordinal", _ordinal),
}

# Every name a rule may give a group (an interval's second member adds SECOND_MEMBER).
SLOT_NAMES = frozenset({*SLOT_READERS, SPAN_OUTSIDE, SLOT_THIS, SLOT_DETERMINER})
