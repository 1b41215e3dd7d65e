"""Sentences glued by scrapers ("en 2019.En 2020", "grave?Le") are split, offsets kept; abbreviations,
numbers and addresses are not (rows checked by hand)."""

from __future__ import annotations

import pytest

from chronique.analyzer import Analyzer
from chronique.nlp import sentences
from tests.conftest import Analyse


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Il a gagné en 2019.En 2020, il a perdu.", ["Il a gagné en 2019.", "En 2020, il a perdu."]),
        ("Est-ce grave?Le maire répond.", ["Est-ce grave?", "Le maire répond."]),
        ("Quelle joie!Il a gagné.", ["Quelle joie!", "Il a gagné."]),
        ("Il a dit « non ».Le maire est parti.", ["Il a dit « non ».", "Le maire est parti."]),
        ("Parti en avril.En mai, il est revenu.", ["Parti en avril.", "En mai, il est revenu."]),
        # not inside abbreviations, numbers or addresses
        ("M.Dupont est venu mardi.", ["M.Dupont est venu mardi."]),
        ("Les U.S.A. ont voté mardi.", ["Les U.S.A. ont voté mardi."]),
        ("Le taux est passé à 3.5 pour cent.", ["Le taux est passé à 3.5 pour cent."]),
        ("Voir www.site.fr pour le programme.", ["Voir www.site.fr pour le programme."]),
    ],
)
def test_glued_sentences_are_split(analyzer: Analyzer, text: str, expected: list[str]) -> None:
    found = sentences(analyzer.nlp(text))
    assert [s.text for s in found] == expected
    assert all(text[s.start : s.end] == s.text for s in found)  # offsets are the original text's


def test_a_glued_sentence_dates_its_own_event(analysed: Analyse) -> None:
    result = analysed("Le club a gagné la coupe en 2019.En 2020, il a perdu la finale.", "2022-09-10")
    dated = {e.trigger: e.resolved.value for e in result.events}
    assert dated == {"gagné": "2019", "perdu": "2020"}


FRONTED_ROWS = [
    # (text, published, the event's trigger, the date it must get): a phrase before a comma that the
    # parser cut off as a sentence of its own dates the clause after it
    (
        "Samedi, ils ont rapidement été dispersés par les forces de l'ordre.",
        "2018-12-03",
        "dispersés",
        "2018-12-01",
    ),
    # the clause, not the saying in its incise
    (
        "Samedi, 20 personnes ont été interpellées, a précisé la préfecture.",
        "2018-12-03",
        "interpellées",
        "2018-12-01",
    ),
]


@pytest.mark.parametrize("case", FRONTED_ROWS)
def test_a_fronted_phrase_dates_its_clause(
    analyzer: Analyzer, analysed: Analyse, case: tuple[str, str, str, str]
) -> None:
    text, published, trigger, value = case
    assert len(sentences(analyzer.nlp(text))) == 1  # a sentence never starts with a comma
    dated = {e.trigger: e.resolved.value for e in analysed(text, published).events}
    assert dated.get(trigger) == value, dated
