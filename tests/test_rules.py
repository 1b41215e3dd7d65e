"""Every example row of data/rules.txt, run through the whole library: the rules' comments are tests.

A row `#> publication | sentence | expression | value` says the sentence yields that expression with that
value; `#>! publication | sentence | word` says the word is not part of any time expression.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from chronique.grammar import load_grammar
from chronique.model import RuleKind
from tests.conftest import ROOT, Analyse


def _rows(negative: bool) -> list[tuple[str, list[str]]]:
    rows = []
    for rule in load_grammar().rules:
        for raw in rule.examples:
            if raw.startswith("#>!") != negative:
                continue
            columns = [c.strip() for c in raw[3 if negative else 2 :].split("|")]
            rows.append((rule.name, columns))
    return rows


def test_every_rule_but_durations_and_sets_has_an_example() -> None:
    undated = {RuleKind.DURATION, RuleKind.SET}
    missing = [r.name for r in load_grammar().rules if not r.examples and r.kind not in undated]
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
