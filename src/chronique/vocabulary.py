"""French time vocabulary: the data files under ``chronique/data``, loaded and validated once.

Each ``*.tsv`` file holds one entry a line: a key, then (for some files) fixed attribute columns, then
the French surface forms. Code only knows keys; a new phrase touches only data. Errors name the file
and line at fault.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from importlib import resources
from pathlib import Path

from chronique.model import Relation, Unit

DATA_PACKAGE = "chronique.data"

# Apostrophes are typed both ways in French news; the vocabulary is written with the ASCII one.
_APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'"})


class VocabularyError(ValueError):
    """A data file is malformed; the message names the file and line."""


_NON_WORD = re.compile(r"[^\w'’-]+")


def holds_phrase(text: str, phrases: Iterable[str]) -> bool:
    """Whether one of the words or phrases (normalised forms) stands whole in the text ("à l'époque", not
    "époques"); a phrase ending in an elision runs on into its word ("depuis qu'" in "depuis qu'elle")."""
    padded = " " + _NON_WORD.sub(" ", text.lower()).replace("’", "'") + " "
    return any((f" {phrase}" if phrase.endswith("'") else f" {phrase} ") in padded for phrase in phrases)


def normalise(surface: str) -> str:
    """The key a surface form is looked up by: lower case, one kind of apostrophe, single spaces."""
    return " ".join(surface.translate(_APOSTROPHES).lower().split())


@dataclass(frozen=True, slots=True)
class Entry:
    """One line of a vocabulary file."""

    key: str
    attributes: tuple[str, ...]
    forms: tuple[str, ...]
    line: int


@dataclass(frozen=True, slots=True, eq=False)
class Lexicon:
    """One vocabulary file: its entries, a lookup from surface form to entry, and a regex alternation."""

    name: str
    entries: tuple[Entry, ...]
    by_form: Mapping[str, Entry]

    def lookup(self, surface: str) -> Entry:
        """The entry a matched surface form belongs to."""
        norm = normalise(surface)
        return self.by_form.get(norm) or self.by_form[norm.rstrip(".")]

    def key_of(self, surface: str) -> str:
        """The key of the entry a surface form belongs to."""
        return self.lookup(surface).key

    def alternation(self, keys: frozenset[str] | None = None) -> str:
        """A regex alternation of the forms (longest first, so that the longest form wins)."""
        forms = {form for entry in self.entries if keys is None or entry.key in keys for form in entry.forms}
        return "|".join(_form_pattern(form) for form in sorted(forms, key=lambda f: (-len(f), f)))

    def forms_of(self, key: str) -> frozenset[str]:
        """The normalised forms of one entry."""
        return frozenset(normalise(f) for e in self.entries if e.key == key for f in e.forms)

    def display(self, key: str) -> str:
        """The first form of an entry: the name used in French headings."""
        for entry in self.entries:
            if entry.key == key:
                return entry.forms[0]
        raise KeyError(f"{self.name}: no entry {key!r}")


def _form_pattern(form: str) -> str:
    """A form as a regex: spaces match any run of spaces, apostrophes either kind, hyphens optional spaces."""
    parts = []
    for char in form:
        if char == " ":
            parts.append(r"\s+")
        elif char == "'":
            parts.append("['’]")
        elif char == "-":
            parts.append(r"[-‑–]\s*")
        else:
            parts.append(re.escape(char))
    return "".join(parts)


# Files whose lists may share a form (a lemma can play two roles: "avec" sets an event noun at its clause's
# time and says what it is); lookups by form are not used there.
LISTS_SHARING_FORMS = frozenset({"verbs", "nouns", "cues", "boilerplate", "modality", "summaries"})

# name → number of attribute columns between the key and the forms
LEXICON_COLUMNS: Mapping[str, int] = {
    "months": 0,
    "weekdays": 0,
    "parts_of_day": 0,
    "seasons": 0,
    "relations": 0,
    "units": 0,
    "numbers": 0,
    "modifiers": 0,
    "day_shifts": 2,
    "holidays": 1,
    "refs": 0,
    "clock_words": 0,
    "verbs": 0,
    "cues": 0,
    "nouns": 0,
    "boilerplate": 0,
    "participants": 0,
    "modality": 0,
    "summaries": 0,
}


def parse_lexicon(name: str, text: str, path: str, attribute_columns: int) -> Lexicon:
    """Parse one vocabulary file's text; raise VocabularyError naming path:line on any fault."""
    entries: list[Entry] = []
    by_form: dict[str, Entry] = {}
    for number, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        columns = raw.split("\t")
        where = f"{path}:{number}"
        if len(columns) < 2 + attribute_columns:
            raise VocabularyError(
                f"{where}: expected a key, {attribute_columns} attribute column(s) and at least one form, "
                f"separated by tabs; got {raw!r}"
            )
        if any(not column.strip() for column in columns):
            raise VocabularyError(f"{where}: empty column (two tabs in a row, or a trailing tab) in {raw!r}")
        key = columns[0].strip()
        attributes = tuple(column.strip() for column in columns[1 : 1 + attribute_columns])
        forms = tuple(column.strip() for column in columns[1 + attribute_columns :])
        entry = Entry(key=key, attributes=attributes, forms=forms, line=number)
        for form in forms:
            norm = normalise(form)
            if norm in by_form and by_form[norm].key != key and name not in LISTS_SHARING_FORMS:
                raise VocabularyError(
                    f"{where}: form {form!r} already belongs to key {by_form[norm].key!r} "
                    f"(line {by_form[norm].line})"
                )
            by_form[norm] = entry
        entries.append(entry)
    if not entries:
        raise VocabularyError(f"{path}: no entries")
    return Lexicon(name=name, entries=tuple(entries), by_form=by_form)


@dataclass(frozen=True, slots=True, eq=False)  # eq=False: hashed by identity, so it can key caches
class Vocabulary:
    """All lexicons, by file name."""

    lexicons: Mapping[str, Lexicon]

    def __getitem__(self, name: str) -> Lexicon:
        return self.lexicons[name]

    def month_name(self, month: int) -> str:
        """French name of a month (1–12)."""
        return self.lexicons["months"].display(str(month))

    def weekday_name(self, iso_weekday: int) -> str:
        """French name of a weekday (ISO, Monday = 1)."""
        return self.lexicons["weekdays"].display(str(iso_weekday))

    def season_name(self, code: str) -> str:
        """French name of a season (TIMEX3 code SP, SU, FA, WI)."""
        return self.lexicons["seasons"].display(code)


def _validate_keys(vocabulary: Vocabulary, path_of: Mapping[str, str]) -> None:
    """Check the keys the code relies on; each error names the file and line."""
    expected: Mapping[str, set[str]] = {
        "months": {str(m) for m in range(1, 13)},
        "weekdays": {str(d) for d in range(1, 8)},
        "seasons": {"SP", "SU", "FA", "WI"},
        "parts_of_day": {"MO", "AF", "EV", "NI", "DT"},
        "verbs": {
            "etre_verbs",
            "asked_verbs",
            "future_governors",
            "recent_past_governors",
            "future_participles",
            "reporting_verbs",
            "modal_verbs",
            "stative_verbs",
            "announcement_verbs",
            "participle_endings",
            "imperfect_endings",
            "present_endings",
            "cognition_verbs",
            "relay_verbs",
            "dating_verbs",
            "change_verbs",
            "recording_verbs",
            "moved_earlier",
            "moved_later",
        },
        "cues": {
            "past",
            "future",
            "none",
            "target",
            "inherit",
            "continuing",
            "backdrop",
            "reminder",
            "background",
            "abbreviation",
            "bound",
            "before_stretch",
            "since",
            "comparison",
            "than",
            "compared_to",
            "against",
            "clock_joiner",
            "opening",
            "rough",
            "like",
            "relating",
            "so_far",
            "distance",
            "distance_count",
            "cumulative",
            "increment",
            "latest",
            "complement",
            "placing",
            "interrupting",
            "relative",
            "nowadays",
            "habit",
            "generic_subject",
        },
        "nouns": {
            "event",
            "institution",
            "place",
            "venue",
            "locution",
            "appointment",
            "tally",
            "updated_tally",
            "share",
            "times",
        },
        "boilerplate": {"line", "comments_start", "comments_count"},
        "participants": {
            "interjection",
            "editorial",
            "agent_case",
            "not_agent",
            "happening",
            "people",
            "counting",
            "near",
            "titled",
            "aside",
        },
        "summaries": {
            "quantity",
            "saying",
            "without_que",
            "same_time",
            "another_time",
            "limiting",
            "event_complement",
            "complement",
            "aspect",
        },
        "modality": {
            "negation_particle",
            "negation",
            "negation_alone",
            "inverted_subject",
            "condition",
            "asking_verb",
            "interrogative",
            "factual_conjunction",
            "planned_governor",
            "planning_verb",
            "denial_form",
            "intention_noun",
            "purpose",
            "moving_verb",
            "moved_case",
            "generic_when",
            "future_auxiliary",
            "planned_participle",
            "planned_passive",
            "decision_governor",
            "plan_case",
            "possibility_verb",
            "counterfactual_verb",
            "denial_verb",
            "without",
            "wish_governor",
            "obligation_verb",
            "overtaking",
            "according_to",
            "future_endings",
            "conditional_endings",
            "imperative_endings",
            "future_stems",
        },
    }
    for name, keys in expected.items():
        found = {entry.key for entry in vocabulary[name].entries}
        if found != keys:
            raise VocabularyError(
                f"{path_of[name]}: keys must be exactly {sorted(keys)}; missing {sorted(keys - found)}, "
                f"unexpected {sorted(found - keys)}"
            )
    for entry in vocabulary["boilerplate"].entries:
        if entry.key == "comments_count" and (
            word := next((f for f in entry.forms if len(f.split()) != 1), None)
        ):
            raise VocabularyError(
                f"{path_of['boilerplate']}:{entry.line}: a comments_count form is one word (the one "
                f"after the number, as in '12 commentaires'); got {word!r}"
            )
    for entry in vocabulary["numbers"].entries:
        if not entry.key.isdigit():
            raise VocabularyError(
                f"{path_of['numbers']}:{entry.line}: key {entry.key!r} is not a whole number"
            )
    for entry in vocabulary["day_shifts"].entries:
        days, reference = entry.attributes
        if not re.fullmatch(r"-?\d+", days) or reference not in {"publication", "anchor"}:
            raise VocabularyError(
                f"{path_of['day_shifts']}:{entry.line}: expected a whole number of days and "
                f"'publication' or 'anchor', got {days!r} and {reference!r}"
            )
    for entry in vocabulary["holidays"].entries:
        (rule,) = entry.attributes
        if not re.fullmatch(r"(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])|easter[+-]\d+", rule):
            raise VocabularyError(
                f"{path_of['holidays']}:{entry.line}: date rule {rule!r} is neither MM-DD nor easter+N"
            )
    _validate_enum_keys(vocabulary["units"], Unit, path_of["units"], every_member=False)
    _validate_enum_keys(vocabulary["relations"], Relation, path_of["relations"], every_member=True)


def _validate_enum_keys(lexicon: Lexicon, enum: type[StrEnum], path: str, *, every_member: bool) -> None:
    """Each key must name a member of the enum the code knows; ``every_member``: each member needs words."""
    known = {member.value for member in enum}
    for entry in lexicon.entries:
        if entry.key not in known:
            raise VocabularyError(
                f"{path}:{entry.line}: unknown {enum.__name__.lower()} key {entry.key!r}; "
                f"known: {', '.join(sorted(known))}"
            )
    missing = known - {entry.key for entry in lexicon.entries}
    if every_member and missing:
        raise VocabularyError(f"{path}: no line for key(s) {sorted(missing)}; each needs its French words")


def read_data_file(file_name: str, folder: Path | None = None) -> tuple[str, str]:
    """The text of a data file (packaged, or in ``folder``) and a path to name it by in errors."""
    if folder is not None:
        path = folder / file_name
        return path.read_text(encoding="utf-8"), str(path)
    resource = resources.files(DATA_PACKAGE).joinpath(file_name)
    return resource.read_text(encoding="utf-8"), str(resource)


def load_from(folder: Path | None = None) -> Vocabulary:
    """Load every lexicon, from the package data or from another folder (tests); validate it."""
    lexicons: dict[str, Lexicon] = {}
    paths: dict[str, str] = {}
    for name, columns in LEXICON_COLUMNS.items():
        text, path = read_data_file(f"{name}.tsv", folder)
        paths[name] = path
        lexicons[name] = parse_lexicon(name, text, path, columns)
    vocabulary = Vocabulary(lexicons=lexicons)
    _validate_keys(vocabulary, paths)
    return vocabulary


def load() -> Vocabulary:
    """The packaged vocabulary, loaded afresh (the analysis keeps its own: ``chronique.analyzer``)."""
    return load_from(None)
