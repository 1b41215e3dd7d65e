"""Every example row of data/rules.txt, run through the whole library: the rules' comments are tests.

A row `#> publication | sentence | expression | value` says the sentence yields that expression with that
value; `#>! publication | sentence | word` says the word is not part of any time expression.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest

from chronique.analyzer import analyzer_for
from chronique.extract import find_mentions
from chronique.grammar import literal_needs, lowered_pattern
from chronique.model import Options, RuleKind
from tests.conftest import ROOT, Analyse


def _rows(negative: bool) -> list[tuple[str, list[str]]]:
    rows = []
    for rule in analyzer_for(Options()).grammar.rules:
        for raw in rule.examples:
            if raw.startswith("#>!") != negative:
                continue
            columns = [c.strip() for c in raw[3 if negative else 2 :].split("|")]
            rows.append((rule.name, columns))
    return rows


def test_every_rule_but_durations_and_sets_has_an_example() -> None:
    undated = {RuleKind.DURATION, RuleKind.SET}
    missing = [
        r.name for r in analyzer_for(Options()).grammar.rules if not r.examples and r.kind not in undated
    ]
    assert missing == []


# What code that switched on rule names or on strings of kinds, units and relations looked like:
# `mention.rule == "year_bare"`, `rule.kind == "negative"`, `kind in {"ago", "in"}`, `unit == "day"`,
# `fields.relation == "last"`. Behaviour goes by RuleKind, RuleFlag, Unit and Relation instead.
_STRINGLY = re.compile(
    r"\.rule\s*(?:==|!=|in\b)"
    r"|\b(?:kind|unit|shift_unit|relation)\s*(?:==|!=)\s*[\"']"
    r"|\b(?:kind|unit|shift_unit|relation)\s+in\s+\{\s*[\"']"
)


@pytest.mark.parametrize("module", sorted((ROOT / "src" / "chronique").glob("*.py")), ids=lambda p: p.name)
def test_no_code_tests_rule_names_or_kind_strings(module: Path) -> None:
    offending = [line for line in module.read_text(encoding="utf-8").splitlines() if _STRINGLY.search(line)]
    assert offending == []


@pytest.mark.parametrize(
    ("rule", "row"), _rows(negative=False), ids=lambda v: v if isinstance(v, str) else v[1]
)
def test_rule_example(analysed: Analyse, rule: str, row: list[str]) -> None:
    published, sentence, expression, value = row
    result = analysed(sentence, published)
    found = {(t.mention.text, t.resolved.value) for t in result.timexes}
    assert (expression, value) in found, f"rule {rule}: got {sorted(found)}"


@pytest.mark.parametrize(
    ("rule", "row"), _rows(negative=True), ids=lambda v: v if isinstance(v, str) else v[1]
)
def test_negative_example(analysed: Analyse, rule: str, row: list[str]) -> None:
    published, sentence, word = row
    result = analysed(sentence, published)
    assert not any(word in t.mention.text for t in result.timexes), f"rule {rule} let {word!r} through"


# Not years: a four-digit number is a year only in a year context. One table a context, each row
# (sentence, the number, whether it is a year); a year row beside each shows the context does not over-reach.
NOT_A_YEAR_ROWS = {
    "counted_noun": [
        ("Plus de 2000 personnes ont manifesté à Lyon.", "2000", False),
        ("L'amende s'élève à 1500 euros.", "1500", False),
        ("La tour mesure 1800 mètres.", "1800", False),
        ("Le séisme a fait 1900 morts.", "1900", False),
        ("La ville compte 2016 habitants.", "2016", False),
        ("Le séisme a eu lieu en 1900 dans la région.", "1900", True),
    ],
    "identifier_word": [
        ("Le Conseil de sécurité a voté la résolution 2254.", "2254", False),
        ("Le vol 4590 s'est écrasé.", "4590", False),
        ("L'article 1240 du Code civil s'applique.", "1240", False),
        ("L'amendement 1789 a été rejeté.", "1789", False),
        ("Le train 1815 est arrivé en retard.", "1815", False),
        ("L'accident a eu lieu sur la route 1955.", "1955", False),
        ("La loi n° 2016 a été votée.", "2016", False),
        ("La loi a été votée en 2016.", "2016", True),
    ],
    "number_range": [
        ("Entre 1500 et 2000 manifestants ont défilé.", "1500", False),
        ("De 1200 à 1800 salariés sont concernés.", "1200", False),
        ("Le prix varie entre 800 et 1500 selon la saison.", "1500", False),
        ("Il a régné de 1920 à 1946.", "1920", True),
    ],
    "no_year_context": [
        ("Il faudrait environ 1500 pour tout réparer.", "1500", False),
        ("Le groupe en a vendu plus de 2000 cette année.", "2000", False),
        ("Il en reste à peine 1800 dans le pays.", "1800", False),
        ("L'usine a fermé depuis 2011.", "2011", True),
        ("Il est né en 1973 à Lyon.", "1973", True),
        ("Elle a été élue en mars 2019.", "2019", True),
    ],
}


@pytest.mark.parametrize(
    ("sentence", "number", "is_year"),
    [row for rows in NOT_A_YEAR_ROWS.values() for row in rows],
    ids=[f"{context}-{i}" for context, rows in NOT_A_YEAR_ROWS.items() for i in range(len(rows))],
)
def test_four_digits_are_a_year_only_in_a_year_context(
    analysed: Analyse, sentence: str, number: str, is_year: bool
) -> None:
    found = [t for t in analysed(sentence, "2022-09-10").timexes if number in t.mention.text]
    assert bool(found) == is_year, [(t.mention.text, t.resolved.value) for t in found]
    assert all(number in t.resolved.value for t in found)


@pytest.mark.parametrize(
    ("pattern", "lowered"),
    [
        (
            r"(?P<month>Mars|avril)\s+(?P<year>\d{4})",
            r"(?P<month>mars|avril)\s+(?P<year>\d{4})",
        ),  # names kept
        (r"[A-Z]\w+(?:-[A-Z])?", r"[a-z]\w+(?:-[a-z])?"),
        (r"(?P<day>\d+)(?P=day)", r"(?P<day>\d+)(?P=day)"),
        (r"Noël|(?-i:Pâques)", None),  # a case-sensitive part: the rule runs on the text as written
        (r"\W+Mai", None),  # an escape a lower case would change (\W → \w)
    ],
)
def test_lowered_pattern(pattern: str, lowered: str | None) -> None:
    assert lowered_pattern(pattern) == lowered


@pytest.mark.parametrize(
    "text",
    [
        "LE 3 MARS 2020, Lundi 4 Mai, à 14 H 30, EN DÉCEMBRE 1999.",
        "L'İSTANBUL DU 3 MARS 2020",  # "İ".lower() is two letters: the offsets would move, so no folding
        "Le 1ER JANVIER, la Saint-Sylvestre, Noël, à Pâques.",
    ],
)
def test_rules_find_the_same_on_folded_text(text: str) -> None:
    """Each rule that can runs on the lower-cased text: the same mentions, with the words as written."""
    grammar = analyzer_for(Options()).grammar
    as_written = replace(grammar, rules=tuple(replace(rule, lowered=None) for rule in grammar.rules))
    found = find_mentions(text, grammar)
    assert found and found == find_mentions(text, as_written)
    assert all(text[m.start : m.end] == m.text for m in found)


@pytest.mark.parametrize(
    ("pattern", "needs"),
    [
        (r"il\s+y\s+a\s+(?P<count>\d+)", [{"il"}]),  # runs of one letter ("y", "a") tell too little
        (r"(?:le\s+)?siècle", [{"siècle"}]),  # an optional part is needed by no match
        (r"(?P<month>janvier|févr\.|mars)\s+\d{4}", [{"janvier", "févr.", "mars"}]),  # one of them
        (r"(?:mi-)?(?:janvier|[0-9]+)", []),  # a branch with no literal opening: no need
        (r"(?:plus\s+)+tard", [{"plus"}, {"tard"}]),  # repeated at least once
    ],
)
def test_literal_needs(pattern: str, needs: list[set[str]]) -> None:
    assert [set(need) for need in literal_needs(pattern)] == needs
