"""Time-expression extraction: the grammar's rules run over a text, giving spans with underspecified values.

Extraction only reads the text; resolving a mention against a date is ``chronique.resolve``'s job.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from chronique.grammar import Grammar, Rule
from chronique.model import Fields, Relation, RuleKind, TimeMention, Unit
from chronique.slots import SECOND_MEMBER, SLOT_DETERMINER, SLOT_READERS, SLOT_THIS, SPAN_OUTSIDE
from chronique.vocabulary import Vocabulary

_DURATION_CODES: Mapping[Unit, str] = {
    Unit.DAY: "D",
    Unit.WEEK: "W",
    Unit.WEEKEND: "D",
    Unit.MONTH: "M",
    Unit.YEAR: "Y",
    Unit.HOUR: "H",
    Unit.MINUTE: "M",
}
_CLOCK_UNITS = frozenset({Unit.HOUR, Unit.MINUTE})  # a duration in these is written PT…, not P…
# kind of a counted shift → (sign of the count, counted from the last date named rather than publication)
_COUNTED: Mapping[RuleKind, tuple[int, bool]] = {
    RuleKind.AGO: (-1, False),
    RuleKind.IN: (1, False),
    RuleKind.LATER: (1, True),
    RuleKind.EARLIER: (-1, True),
}
_RELATION_STEP: Mapping[Relation, int] = {
    Relation.LAST: -1,
    Relation.NEXT: 1,
    Relation.THIS: 0,
    Relation.PRECEDING: -1,
    Relation.FOLLOWING: 1,
}
# "précédent", "suivant" count a unit from the date the text last named ("l'année suivante"); after a
# weekday, a day or a month ("le mardi précédent") they are read as "dernier", "prochain" are.
_ANAPHORIC_AS_DEICTIC: Mapping[Relation, Relation] = {
    Relation.PRECEDING: Relation.LAST,
    Relation.FOLLOWING: Relation.NEXT,
}
# parts of day that put a clock hour written under twelve in the afternoon: "8 heures du soir" is 20:00
_AFTER_NOON = frozenset({"AF", "EV"})


def fields_from_slots(slots: Mapping[str, str], kind: RuleKind, vocabulary: Vocabulary) -> Fields:
    """Turn a match's named groups into the fields of an underspecified value."""
    updates: dict[str, object] = {}
    for slot, surface in slots.items():
        if slot in {SPAN_OUTSIDE, SLOT_DETERMINER}:
            continue
        if slot == SLOT_THIS:
            updates.setdefault("relation", Relation.THIS)
            continue
        attribute, read = SLOT_READERS[slot]
        value = read(surface, vocabulary)
        if attribute is None:
            updates.update(value)  # type: ignore[call-overload]  # the multi-attribute readers return dicts
        else:
            updates[attribute] = value
    fields = replace(Fields(), **updates)  # type: ignore[arg-type]  # keys are Fields' own attribute names
    if fields.hour is not None and fields.hour < 12 and fields.part_of_day in _AFTER_NOON:
        fields = replace(fields, hour=fields.hour + 12)
    return _apply_kind(fields, kind)


def _apply_kind(fields: Fields, kind: RuleKind) -> Fields:
    """What the rule's kind says about direction and reference of a counted shift."""
    count = fields.shift if fields.shift is not None else 1
    if kind in _COUNTED:
        sign, from_anchor = _COUNTED[kind]
        return replace(fields, shift=sign * count, from_anchor=from_anchor or fields.from_anchor)
    if kind in {RuleKind.DURATION, RuleKind.SET}:
        unit = fields.shift_unit or Unit.DAY
        prefix = "PT" if unit in _CLOCK_UNITS else "P"
        return replace(fields, duration=f"{prefix}{count}{_DURATION_CODES[unit]}", shift=None)
    if fields.shift_unit is not None and fields.shift is None:
        # "la semaine dernière", "cette année", "la fin de l'année": a unit moved by a relation word
        anaphoric = fields.relation in _ANAPHORIC_AS_DEICTIC
        return replace(
            fields,
            shift=_RELATION_STEP[fields.relation or Relation.THIS],
            from_anchor=fields.from_anchor or anaphoric,
        )
    deictic = _ANAPHORIC_AS_DEICTIC.get(fields.relation) if fields.relation is not None else None
    return fields if deictic is None else replace(fields, relation=deictic)


def _split_interval(slots: Mapping[str, str]) -> tuple[dict[str, str], dict[str, str]]:
    start = {k: v for k, v in slots.items() if not k.endswith(SECOND_MEMBER)}
    end = {k.removesuffix(SECOND_MEMBER): v for k, v in slots.items() if k.endswith(SECOND_MEMBER)}
    return start, end


def _mention(match: re.Match[str], rule: Rule, vocabulary: Vocabulary, text: str) -> TimeMention:
    """The mention a rule's match makes; its words are read from ``text`` (the match may be on a lower-cased
    copy of it, of the same length)."""
    slots = {k: text[match.start(k) : match.end(k)] for k, v in match.groupdict().items() if v is not None}
    parts = None
    if rule.kind is RuleKind.INTERVAL:
        start_slots, end_slots = _split_interval(slots)
        end = fields_from_slots(end_slots, RuleKind.DATE, vocabulary)
        fields = replace(fields_from_slots(start_slots, RuleKind.DATE, vocabulary), end=end)
        parts = _member_spans(match, start_slots, end_slots)
    else:
        fields = fields_from_slots(slots, rule.kind, vocabulary)
    # a leading group named "outside" (e.g. "vers ") sets a field but stays out of the span, as in TimeML
    start = match.end(SPAN_OUTSIDE) if slots.get(SPAN_OUTSIDE) else match.start()
    return TimeMention(
        start=start,
        end=match.end(),
        text=text[start : match.end()],
        rule=rule.name,
        kind=rule.kind,
        fields=fields,
        parts=parts,
        flags=rule.flags,
    )


def _member_spans(
    match: re.Match[str], start_slots: Mapping[str, str], end_slots: Mapping[str, str]
) -> tuple[tuple[int, int], tuple[int, int]]:
    """Where an interval's two members stand: from its first slot to the last slot of the first member,
    and from the second member's first slot to the end of the match. A member's determiner (the slot
    ``det``, ``det_2``: "les 6", "le 15 août") is inside its span, the linking words outside."""
    second = min(match.start(f"{slot}{SECOND_MEMBER}") for slot in end_slots)
    first_groups = [slot for slot in start_slots if match.start(slot) < second]
    first_start = min((match.start(slot) for slot in first_groups), default=match.start())
    first_end = max((match.end(slot) for slot in first_groups if slot != SLOT_DETERMINER), default=second)
    return (first_start, first_end), (second, match.end())


def _holds(text: str, need: frozenset[str], held: dict[frozenset[str], bool]) -> bool:
    if need not in held:
        held[need] = any(word in text for word in need)
    return held[need]


def find_mentions(text: str, grammar: Grammar, seams: Sequence[int] = ()) -> list[TimeMention]:
    """All time expressions in a text, in order: longest match first, negative rules veto what they cover.
    No expression crosses a seam (a heading glued to its sentence, ``chronique.glued``), and one may start or
    end at it ("distance|Samedi 14 mars"): the rules run on each piece between seams."""
    candidates: list[tuple[int, int, Rule, re.Match[str], _Piece]] = []
    vetoes: list[tuple[int, int]] = []
    folded = text.lower()
    same_offsets = len(folded) == len(text)  # lower() may lengthen a rare letter ("İ"): then, no folding
    held: dict[frozenset[str], bool] = {}  # many rules need the same words (a month, a weekday)
    cuts = [0, *sorted({s for s in seams if 0 < s < len(text)}), len(text)]
    pieces = [_Piece(a, text[a:b], folded[a:b]) for a, b in itertools.pairwise(cuts)] if seams else []
    pieces = pieces or [_Piece(0, text, folded)]
    for rule in grammar.rules:
        on_folded = rule.lowered is not None and same_offsets
        if on_folded and not all(_holds(folded, need, held) for need in rule.needs):
            continue  # it cannot match: a word every match has is not in the text
        for piece in pieces:
            if on_folded and rule.lowered:
                matches = rule.lowered.finditer(piece.folded)
            else:
                matches = rule.regex.finditer(piece.text)
            for match in matches:
                if match.end() == match.start():
                    continue
                start, end = piece.start + match.start(), piece.start + match.end()
                if rule.kind is RuleKind.NEGATIVE:
                    vetoes.append((start, end))
                else:
                    candidates.append((start, end, rule, match, piece))
    candidates.sort(key=lambda c: (c[0] - c[1], c[2].order, c[0]))
    taken: list[tuple[int, int]] = []
    chosen: list[TimeMention] = []
    for start, end, rule, match, piece in candidates:
        if any(start < b and a < end for a, b in taken):
            continue
        if any(start < b and a < end for a, b in vetoes):
            continue
        taken.append((start, end))
        chosen.append(_shifted(_mention(match, rule, grammar.vocabulary, piece.text), piece.start))
    chosen.sort(key=lambda m: m.start)
    return chosen


@dataclass(frozen=True, slots=True)
class _Piece:
    """A stretch of the text between seams, as written and lower-cased."""

    start: int
    text: str
    folded: str


def _shifted(mention: TimeMention, offset: int) -> TimeMention:
    """A mention found in a piece of the text, at its offsets in the whole text."""
    if offset == 0:
        return mention
    parts = mention.parts
    if parts is not None:
        (a, b), (c, d) = parts
        parts = ((a + offset, b + offset), (c + offset, d + offset))
    return replace(mention, start=mention.start + offset, end=mention.end + offset, parts=parts)
