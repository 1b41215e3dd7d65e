"""The time-expression grammar: ``data/rules.txt`` compiled against the vocabulary, once.

A rule line is ``name <TAB> kind <TAB> pattern``; its placeholders (``{month:month}``, ``{@pod}``) are
expanded here from the vocabulary, so no French word is written in this module.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from chronique.vocabulary import Vocabulary, VocabularyError, load, read_data_file

RULE_KINDS = frozenset(
    {"date", "time", "interval", "ago", "in", "later", "earlier", "duration", "set", "ref", "negative"}
)

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
SPAN_OUTSIDE = "outside"  # a group of this name is matched but left out of the span


@dataclass(frozen=True, slots=True)
class Rule:
    """One compiled rule."""

    name: str
    kind: str
    order: int
    regex: re.Pattern[str]
    line: int
    examples: tuple[str, ...]


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


def parse_grammar(text: str, path: str, vocabulary: Vocabulary) -> Grammar:
    """Compile a rules file; every error names path:line."""
    macros: dict[str, str] = {}
    rules: list[Rule] = []
    names: set[str] = set()
    pending: list[tuple[str, int, str, str, str]] = []
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
        if len(columns) != 3:
            raise VocabularyError(
                f"{where}: a rule line is 'name<TAB>kind<TAB>pattern', got {len(columns)} columns"
            )
        name, kind, pattern = columns
        if kind not in RULE_KINDS:
            raise VocabularyError(f"{where}: unknown kind {kind!r}; known: {', '.join(sorted(RULE_KINDS))}")
        if name in names:
            raise VocabularyError(f"{where}: rule name {name!r} is used twice")
        names.add(name)
        examples[name] = []
        last_rule = name
        pending.append((name, number, kind, pattern, where))
    for order, (name, number, kind, pattern, where) in enumerate(pending):
        expanded = _expand(pattern, macros, vocabulary, where)
        try:
            regex = re.compile(rf"(?<![\w-])(?:{expanded})(?![\w-])", re.IGNORECASE)
        except re.error as error:
            raise VocabularyError(
                f"{where}: rule {name!r} is not a valid regex after expansion: {error}"
            ) from error
        rules.append(Rule(name, kind, order, regex, number, tuple(examples[name])))
    return Grammar(rules=tuple(rules), vocabulary=vocabulary, path=path)


def load_grammar() -> Grammar:
    """The packaged grammar, compiled afresh (the analysis keeps its own: ``chronique.analyzer``)."""
    text, path = read_data_file("rules.txt")
    return parse_grammar(text, path, load())
