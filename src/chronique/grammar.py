"""The time-expression grammar: ``data/rules.txt`` compiled against the vocabulary, once.

A rule line is ``name <TAB> kind <TAB> flags <TAB> pattern``; its placeholders (``{month:month}``,
``{@pod}``) are expanded here from the vocabulary, so no French word is written in this module. Kinds,
flags and slot names are checked at load, each error naming ``rules.txt:LINE``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from re import _constants as sre  # type: ignore[attr-defined]  # the parsed form of a pattern
from re import _parser as sre_parse  # type: ignore[attr-defined]  # (literal_needs)
from typing import Any, TypeVar

from chronique.model import RuleFlag, RuleKind
from chronique.slots import SECOND_MEMBER, SLOT_NAMES
from chronique.vocabulary import Vocabulary, VocabularyError

NO_FLAGS = "-"  # the flags column of a rule that has none
_Choice = TypeVar("_Choice", RuleKind, RuleFlag)

# Number patterns: language-neutral, so they live in code.
NUMERIC_CLASSES: Mapping[str, str] = {
    "daynum": r"(?:1er|0?[1-9]|[12]\d|3[01])(?!\d)",
    "daynum2": r"(?:0[1-9]|[12]\d|3[01])",
    "monthnum": r"(?:0?[1-9]|1[0-2])",
    "monthnum2": r"(?:0[1-9]|1[0-2])",
    "year": r"(?:1[5-9]\d\d|20\d\d)(?!\d)",
    "yy": r"\d\d",
    "hour": r"(?:[01]?\d|2[0-3])",
    "minute": r"[0-5]\d",
    "roman": r"[IVXLC]+",
    "decade": r"(?:1[5-9]\d0|20[0-9]0|[1-9]0)(?!\d)",
}

# Placeholder class → vocabulary file; `count` also takes digits.
LEXICAL_CLASSES: Mapping[str, str] = {
    "month": "months",
    "weekday": "weekdays",
    "pod": "parts_of_day",
    "season": "seasons",
    "relation": "relations",
    "unit": "units",
    "count": "numbers",
    "modifier": "modifiers",
    "shift": "day_shifts",
    "holiday": "holidays",
    "ref": "refs",
    "clock": "clock_words",
}

_PLACEHOLDER = re.compile(r"\{(@?)([a-z_0-9]+)(?:\[([A-Za-z0-9_,:]+)\])?(?::([a-z_0-9]+))?\}")
SLOT_NAME = re.compile(r"[a-z]+(?:_2)?")


@dataclass(frozen=True, slots=True)
class Rule:
    """One compiled rule."""

    name: str
    kind: RuleKind
    order: int
    regex: re.Pattern[str]
    line: int
    examples: tuple[str, ...]
    flags: frozenset[RuleFlag] = frozenset()
    # The same rule for lower-cased text, case-sensitive (a third faster: no case folding at every step),
    # or None when the pattern has a case-sensitive part ("(?-i:…)") or an escape a lower case would change.
    lowered: re.Pattern[str] | None = None
    # What a lower-cased text must hold for ``lowered`` to match: for each set, one of its strings ("siècle";
    # one of the month names). A text without them is not searched (most rules, in most texts).
    needs: tuple[frozenset[str], ...] = ()


# The pieces of a pattern that lower-casing must leave alone: escapes and group names.
_PATTERN_PIECES = re.compile(r"\\.|\(\?P<[^>]+>|\(\?P=[^)]+\)|[^\\(]+|\(")


def lowered_pattern(pattern: str) -> str | None:
    """The pattern for lower-cased text: its letters in lower case, escapes and group names unchanged; None
    when it cannot be (a case-sensitive part, an escape such as ``\\W`` that a lower case would change)."""
    if "(?-i:" in pattern or re.search(r"\\[A-Z]", pattern):
        return None
    pieces = _PATTERN_PIECES.findall(pattern)
    return "".join(p if p.startswith(("\\", "(?P")) else p.lower() for p in pieces)


def literal_needs(pattern: str) -> tuple[frozenset[str], ...]:
    """The strings a match of ``pattern`` (case-sensitive) surely contains: each run of two or more literal
    characters that every match has, and for an alternation every branch of which opens with such a run, the
    set of those openings (one of them is in the match)."""
    found: list[frozenset[str]] = []

    def sequence(items: Iterable[tuple[Any, Any]]) -> None:
        run: list[str] = []

        def flush() -> None:
            if len(run) >= 2:
                found.append(frozenset({"".join(run)}))
            run.clear()

        for op, value in items:
            if op is sre.LITERAL:
                run.append(chr(value))
                continue
            flush()
            if op is sre.SUBPATTERN:
                sequence(value[-1])
            elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT) and value[0] >= 1:
                sequence(value[2])
            elif op is sre.BRANCH:
                openings = [_opening(branch) for branch in value[1]]
                if all(len(opening) >= 2 for opening in openings):
                    found.append(frozenset(openings))
        flush()

    sequence(sre_parse.parse(pattern))
    return tuple(found)


def _opening(branch: Iterable[tuple[Any, Any]]) -> str:
    """The literal characters a branch of an alternation opens with."""
    opening: list[str] = []
    for op, value in branch:
        if op is not sre.LITERAL:
            break
        opening.append(chr(value))
    return "".join(opening)


@dataclass(frozen=True, slots=True)
class Grammar:
    """All rules, in file order, and the vocabulary they were compiled with."""

    rules: tuple[Rule, ...]
    vocabulary: Vocabulary
    path: str


def _class_pattern(name: str, keys: str | None, vocabulary: Vocabulary, where: str) -> str:
    if name in NUMERIC_CLASSES:
        if keys:
            raise VocabularyError(f"{where}: number class {{{name}}} takes no key filter")
        return NUMERIC_CLASSES[name]
    lexicon_name = LEXICAL_CLASSES.get(name)
    if name in {"shift_pub", "shift_anchor"}:
        reference = name.removeprefix("shift_").replace("pub", "publication")
        lexicon = vocabulary["day_shifts"]
        wanted = frozenset(e.key for e in lexicon.entries if e.attributes[1] == reference)
        return lexicon.alternation(wanted)
    if lexicon_name is None:
        known = sorted([*NUMERIC_CLASSES, *LEXICAL_CLASSES, "shift_pub", "shift_anchor"])
        raise VocabularyError(f"{where}: unknown placeholder class {{{name}}}; known: {', '.join(known)}")
    lexicon = vocabulary[lexicon_name]
    selected = None
    if keys:
        selected = frozenset(keys.split(","))
        unknown = selected - {e.key for e in lexicon.entries}
        if unknown:
            raise VocabularyError(
                f"{where}: {{{name}[…]}} names keys not in {lexicon_name}.tsv: {sorted(unknown)}"
            )
    alternation = lexicon.alternation(selected)
    if name == "count":
        alternation = rf"\d{{1,3}}|{alternation}"
    return alternation


def _spaces(pattern: str) -> str:
    """Outside character classes and lookbehinds: a space matches white space, an apostrophe either kind."""
    out: list[str] = []
    index = 0
    in_class = False
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            out.append(pattern[index : index + 2])
            index += 2
            continue
        if not in_class and pattern.startswith(("(?<=", "(?<!"), index):
            close = pattern.index(")", index)
            out.append(pattern[index : close + 1])
            index = close + 1
            continue
        if char == "[":
            in_class = True
        elif char == "]":
            in_class = False
        elif not in_class and char == " " and pattern.startswith(" ?", index):
            char = r"\s*"
            index += 1
        elif not in_class and char == " ":
            char = r"\s+"
        elif not in_class and char == "'":
            char = "['’]"
        out.append(char)
        index += 1
    return "".join(out)


def _expand(
    pattern: str, macros: Mapping[str, str], vocabulary: Vocabulary, where: str, depth: int = 0
) -> str:
    if depth > 5:
        raise VocabularyError(f"{where}: macros nest too deep (a macro that uses itself?)")

    def replace(match: re.Match[str]) -> str:
        is_macro, name, keys, slot = match.groups()
        if is_macro:
            if name not in macros:
                raise VocabularyError(f"{where}: unknown macro {{@{name}}}")
            body = _expand(macros[name], macros, vocabulary, where, depth + 1)
            if slot == "2":
                body = re.sub(r"\(\?P<([a-z]+)>", r"(?P<\1_2>", body)
            elif slot:
                raise VocabularyError(f"{where}: a macro takes only the suffix :2, not :{slot}")
            return f"(?:{body})"
        body = _class_pattern(name, keys, vocabulary, where)
        if slot:
            if not SLOT_NAME.fullmatch(slot):
                raise VocabularyError(
                    f"{where}: slot name {slot!r} must be lower-case letters, optionally _2"
                )
            return f"(?P<{slot}>{body})"
        return f"(?:{body})"

    return _PLACEHOLDER.sub(replace, _spaces(pattern) if depth == 0 else pattern)


def _choice(enum: type[_Choice], word: str, what: str, where: str) -> _Choice:
    """The member of an enum a word of the file names."""
    try:
        return enum(word)
    except ValueError:
        known = ", ".join(member.value for member in enum)
        raise VocabularyError(f"{where}: unknown {what} {word!r}; known: {known}") from None


def _flags(column: str, where: str) -> frozenset[RuleFlag]:
    if column == NO_FLAGS:
        return frozenset()
    return frozenset(_choice(RuleFlag, word.strip(), "flag", where) for word in column.split(","))


def _check_slots(regex: re.Pattern[str], where: str) -> None:
    """Every named group must be a slot extraction can read (an interval's second member adds _2)."""
    for group in regex.groupindex:
        if group.removesuffix(SECOND_MEMBER) not in SLOT_NAMES:
            raise VocabularyError(f"{where}: unknown slot {group!r}; known: {', '.join(sorted(SLOT_NAMES))}")


@dataclass(frozen=True, slots=True)
class _RuleLine:
    """A rule line read, before its pattern is expanded (macros may be defined further down)."""

    name: str
    kind: RuleKind
    flags: frozenset[RuleFlag]
    pattern: str
    line: int
    where: str


def _rule_line(columns: list[str], number: int, where: str) -> _RuleLine:
    if len(columns) != 4:
        raise VocabularyError(
            f"{where}: a rule line is 'name<TAB>kind<TAB>flags<TAB>pattern' (flags '{NO_FLAGS}' for none), "
            f"got {len(columns)} columns"
        )
    name, kind, flags, pattern = columns
    return _RuleLine(
        name, _choice(RuleKind, kind, "kind", where), _flags(flags, where), pattern, number, where
    )


def parse_grammar(text: str, path: str, vocabulary: Vocabulary) -> Grammar:
    """Compile a rules file; every error names path:line."""
    macros: dict[str, str] = {}
    rules: list[Rule] = []
    pending: list[_RuleLine] = []
    examples: dict[str, list[str]] = {}
    last_rule: str | None = None
    for number, raw in enumerate(text.splitlines(), start=1):
        where = f"{path}:{number}"
        if raw.startswith("#>"):
            if last_rule is None:
                raise VocabularyError(f"{where}: an example row must follow a rule")
            examples[last_rule].append(raw)
            continue
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        columns = raw.split("\t")
        if raw.startswith("@"):
            if len(columns) != 2:
                raise VocabularyError(f"{where}: a macro line is '@name<TAB>pattern', got {raw!r}")
            macros[columns[0][1:]] = _spaces(columns[1])
            continue
        rule_line = _rule_line(columns, number, where)
        if rule_line.name in examples:
            raise VocabularyError(f"{where}: rule name {rule_line.name!r} is used twice")
        examples[rule_line.name] = []
        last_rule = rule_line.name
        pending.append(rule_line)
    for order, line in enumerate(pending):
        expanded = _expand(line.pattern, macros, vocabulary, line.where)
        try:
            # never part of a number: "lundi 10.308 décès" is no 10th, "1.500 personnes" no year 1500
            # (a date glued to the next sentence, "le 17 janvier.7-10 janvier", still ends at its stop)
            regex = re.compile(
                rf"(?<![\w-])(?!(?<=\d[.,])\d)(?:{expanded})(?![\w-])(?!(?<=\d)[.,]\d)", re.IGNORECASE
            )
        except re.error as error:
            raise VocabularyError(
                f"{line.where}: rule {line.name!r} is not a valid regex after expansion: {error}"
            ) from error
        _check_slots(regex, line.where)
        lowered = lowered_pattern(regex.pattern)
        rules.append(
            Rule(
                line.name,
                line.kind,
                order,
                regex,
                line.line,
                tuple(examples[line.name]),
                line.flags,
                re.compile(lowered) if lowered is not None else None,
                literal_needs(lowered) if lowered is not None else (),
            )
        )
    return Grammar(rules=tuple(rules), vocabulary=vocabulary, path=path)
