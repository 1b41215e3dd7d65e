"""Time-expression extraction: the grammar's rules run over a text, giving spans with underspecified values.

Extraction only reads the text; resolving a mention against a date is ``chronique.resolve``'s job.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import replace

from chronique.grammar import Grammar, Rule
from chronique.model import Fields, TimeMention
from chronique.vocabulary import Vocabulary

_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
_DURATION_CODES = {
    "day": "D",
    "week": "W",
    "weekend": "D",
    "month": "M",
    "year": "Y",
    "hour": "H",
    "minute": "M",
}


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
        "shift_unit": "day",
        "from_anchor": entry.attributes[1] == "anchor",
    }


def _key(lexicon: str) -> Callable[[str, Vocabulary], str]:
    return lambda surface, vocabulary: vocabulary[lexicon].key_of(surface)


# slot name → (Fields attribute, how to read the matched text); a None attribute means the reader
# returns several attributes at once.
_SLOT_READERS: Mapping[str, tuple[str | None, Callable[[str, Vocabulary], object]]] = {
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
    "relation": ("relation", _key("relations")),
    "modifier": ("modifier", _key("modifiers")),
    "ref": ("ref", _key("refs")),
    "quarter": ("quarter", _count),
    "half": ("half", _count),
    "decade": ("decade", lambda s, v: int(s)),
    "century": ("century", lambda s, v: roman_to_int(s)),
    "shift": (None, _shift),
    "unit": ("shift_unit", _key("units")),
    "count": ("shift", _count),
}


def fields_from_slots(slots: Mapping[str, str], kind: str, vocabulary: Vocabulary) -> Fields:
    """Turn a match's named groups into the fields of an underspecified value."""
    updates: dict[str, object] = {}
    for slot, surface in slots.items():
        if slot == "outside":
            continue
        if slot == "this":
            updates.setdefault("relation", "this")
            continue
        attribute, read = _SLOT_READERS[slot]
        value = read(surface, vocabulary)
        if attribute is None:
            updates.update(value)  # type: ignore[call-overload]  # the multi-attribute readers return dicts
        else:
            updates[attribute] = value
    fields = replace(Fields(), **updates)  # type: ignore[arg-type]  # keys are Fields' own attribute names
    return _apply_kind(fields, kind)


def _apply_kind(fields: Fields, kind: str) -> Fields:
    """What the rule's kind says about direction and reference of a counted shift."""
    count = fields.shift if fields.shift is not None else 1
    if kind == "ago":
        return replace(fields, shift=-count)
    if kind == "in":
        return replace(fields, shift=count)
    if kind == "later":
        return replace(fields, shift=count, from_anchor=True)
    if kind == "earlier":
        return replace(fields, shift=-count, from_anchor=True)
    if kind in {"duration", "set"}:
        unit = fields.shift_unit or "day"
        prefix = "PT" if unit in {"hour", "minute"} else "P"
        return replace(fields, duration=f"{prefix}{count}{_DURATION_CODES[unit]}", shift=None)
    if fields.shift_unit is not None and fields.shift is None:
        # "la semaine dernière", "cette année", "la fin de l'année": a unit moved by a relation word
        step = {"last": -1, "next": 1}.get(fields.relation or "this", 0)
        return replace(fields, shift=step)
    return fields


def _split_interval(slots: Mapping[str, str]) -> tuple[dict[str, str], dict[str, str]]:
    start = {k: v for k, v in slots.items() if not k.endswith("_2")}
    end = {k.removesuffix("_2"): v for k, v in slots.items() if k.endswith("_2")}
    return start, end


def _mention(match: re.Match[str], rule: Rule, vocabulary: Vocabulary) -> TimeMention:
    slots = {k: v for k, v in match.groupdict().items() if v is not None}
    parts = None
    if rule.kind == "interval":
        start_slots, end_slots = _split_interval(slots)
        end = fields_from_slots(end_slots, "date", vocabulary)
        fields = replace(fields_from_slots(start_slots, "date", vocabulary), end=end)
        parts = _member_spans(match, start_slots, end_slots)
    else:
        fields = fields_from_slots(slots, rule.kind, vocabulary)
    # a leading group named "outside" (e.g. "vers ") sets a field but stays out of the span, as in TimeML
    start = match.end("outside") if slots.get("outside") else match.start()
    return TimeMention(
        start=start,
        end=match.end(),
        text=match.string[start : match.end()],
        rule=rule.name,
        kind=rule.kind,
        fields=fields,
        parts=parts,
    )


def _member_spans(
    match: re.Match[str], start_slots: Mapping[str, str], end_slots: Mapping[str, str]
) -> tuple[tuple[int, int], tuple[int, int]]:
    """Where an interval's two members stand: from its first slot to the last slot of the first member,
    and from the second member's first slot to the end of the match."""
    second = min(match.start(f"{slot}_2") for slot in end_slots)
    first_groups = [slot for slot in start_slots if match.start(slot) < second]
    first_start = min((match.start(slot) for slot in first_groups), default=match.start())
    first_end = max((match.end(slot) for slot in first_groups), default=second)
    if match.group(0)[: first_start - match.start()].strip().lower() in {"les", "le"}:
        first_start = match.start()  # a determiner belongs to the first member: "les 6"
    return (first_start, first_end), (second, match.end())


def find_mentions(text: str, grammar: Grammar) -> list[TimeMention]:
    """All time expressions in a text, in order: longest match first, negative rules veto what they cover."""
    candidates: list[tuple[int, int, Rule, re.Match[str]]] = []
    vetoes: list[tuple[int, int]] = []
    for rule in grammar.rules:
        for match in rule.regex.finditer(text):
            if match.end() == match.start():
                continue
            if rule.kind == "negative":
                vetoes.append((match.start(), match.end()))
            else:
                candidates.append((match.start(), match.end(), rule, match))
    candidates.sort(key=lambda c: (c[0] - c[1], c[2].order, c[0]))
    taken: list[tuple[int, int]] = []
    chosen: list[TimeMention] = []
    for start, end, rule, match in candidates:
        if any(start < b and a < end for a, b in taken):
            continue
        if any(start < b and a < end for a, b in vetoes):
            continue
        taken.append((start, end))
        chosen.append(_mention(match, rule, grammar.vocabulary))
    chosen.sort(key=lambda m: m.start)
    return chosen
