"""What the parser reads: the sentences cut by punctuation alone, and which of them can give a row."""

from __future__ import annotations

import pytest

from chronique.analyzer import Analyzer
from chronique.extract import find_mentions
from chronique.glued import glued_headings
from chronique.scope import LEAD_SENTENCES, parse_scope, rough_sentences

FILLER = "Le temps était doux."  # a sentence that can give no row: no date, no announcement, no cue


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("Il pleut. Il vente.", ["Il pleut. ", "Il vente."]),
        ("Quoi ? Non ! Si… Bon.", ["Quoi ? ", "Non ! ", "Si… ", "Bon."]),
        ("« C'est fini. » Il est parti.", ["« C'est fini. » ", "Il est parti."]),  # a quote's stop
        ("Il a dit : « Non. » Puis il est parti.", ["Il a dit : « Non. » ", "Puis il est parti."]),
        ("M. Dupont est venu. Mme. Durand aussi.", ["M. Dupont est venu. ", "Mme. Durand aussi."]),
        ("J. Chirac a parlé.", ["J. Chirac a parlé."]),  # an initial
        ("Des fruits, des légumes, etc. Tout y était.", ["Des fruits, des légumes, etc. Tout y était."]),
        ("Il a 3.5 points. Bien.", ["Il a 3.5 points. ", "Bien."]),  # no end inside a number
        ("Il est venu en 2019. 2020 fut pire.", ["Il est venu en 2019. ", "2020 fut pire."]),
        ("Titre sans point\n\nLe texte commence.", ["Titre sans point\n\n", "Le texte commence."]),
        ("il pleut. et il vente.", ["il pleut. et il vente."]),  # no capital: not surely an end
        ("en avril.En mai", ["en avril.En mai"]),  # glued: the parser splits it (nlp.GLUED), not this cut
        ("voir www.site.fr. Merci.", ["voir www.site.fr. ", "Merci."]),
    ],
)
def test_rough_sentences(analyzer: Analyzer, text: str, sentences: list[str]) -> None:
    spans = rough_sentences(text, analyzer.scope.abbreviations)
    assert [text[start:end] for start, end in spans] == sentences


def _scoped(analyzer: Analyzer, sentences: list[str]) -> list[bool]:
    """Which of these sentences, after a lead of fillers, the parser reads."""
    text = " ".join([FILLER] * LEAD_SENTENCES + sentences)
    scope = parse_scope(text, find_mentions(text, analyzer.grammar), analyzer.scope)
    assert len(scope.text) == len(text)
    return [sentence in scope.text for sentence in sentences]


@pytest.mark.parametrize(
    ("sentence", "parsed"),
    [
        ("Le maire a inauguré l'école lundi.", True),  # a time expression
        ("La loi date de 1905.", True),
        ("Le 3 mars, il pleuvait.", True),
        ("La préfecture a annoncé la fermeture du pont.", True),  # an announcement in the passé composé
        ("Il a été précisé que le pont restait ouvert.", True),
        ("« Nous irons », a-t-il déclaré.", True),
        ("Les pompiers ont ensuite évacué l'immeuble.", True),  # the story goes on: it inherits a date
        ("Le même jour, la police est intervenue.", True),
        ("Le pont est fermé.", False),  # a state, no date: no row
        ("Les habitants sont inquiets.", False),
        ("Le public était nombreux.", False),  # "public" is no participle of "publier"
        ("Il annonce une hausse.", False),  # a present: no passé composé of announcement
    ],
)
def test_parse_scope_keeps_what_can_give_a_row(analyzer: Analyzer, sentence: str, parsed: bool) -> None:
    assert _scoped(analyzer, [sentence]) == [parsed]


def test_the_lead_is_read_and_the_blanks_keep_every_offset(analyzer: Analyzer) -> None:
    text = " ".join([FILLER] * (LEAD_SENTENCES + 2))
    scope = parse_scope(text, [], analyzer.scope)
    assert scope.text.startswith(" ".join([FILLER] * LEAD_SENTENCES))
    assert FILLER not in scope.text[len(" ".join([FILLER] * LEAD_SENTENCES)) :]
    assert len(scope.text) == len(text)
    assert (scope.sentences, scope.parsed) == (LEAD_SENTENCES + 2, LEAD_SENTENCES)
    # a blanked sentence opens with a line break: the parser starts a sentence after it
    assert scope.text[len(" ".join([FILLER] * LEAD_SENTENCES)) + 1] == "\n"


def test_a_glued_heading_is_cut_before_the_parse_and_its_dates_found(analyzer: Analyzer) -> None:
    text = (
        "Les mesures à distanceSamedi 14 mars, il a parlé. "
        "Il vient le dimanche 17 févrierNéanmoins, il pleut."
    )
    seams = glued_headings(text, analyzer.french_words)
    assert [text[start:end] for start, end in rough_sentences(text, analyzer.scope.abbreviations, seams)] == [
        "Les mesures à distance",
        "Samedi 14 mars, il a parlé. ",
        "Il vient le dimanche 17 février",
        "Néanmoins, il pleut.",
    ]
    # without the seams, "Samedi 14 mars" and "le dimanche 17 février" are not whole words
    assert [m.text for m in find_mentions(text, analyzer.grammar)] == ["14 mars", "le dimanche"]
    assert [m.text for m in find_mentions(text, analyzer.grammar, seams)] == [
        "Samedi 14 mars",
        "le dimanche 17 février",
    ]
