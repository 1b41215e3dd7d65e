"""Verb forms the tagger misreads, repaired after the parse (chronique.verb_forms): participles read as nouns
or adjectives, imperfects and conditionals read as presents (rows checked by hand)."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from chronique.analyzer import Analyzer
from chronique.verb_forms import VERB_FORMS

# (words, parts of speech, dependencies, heads, lemmas as the tagger gave them; the word to look at, its part
# of speech and lemma after the repair): a participle read as a noun or an adjective after a tense auxiliary
PARTICIPLE_ROWS = [
    # "Elle a bien défilé samedi": a passé composé
    (
        ["Elle", "a", "bien", "défilé", "samedi"],
        ["PRON", "AUX", "ADV", "NOUN", "NOUN"],
        ["nsubj", "aux:tense", "advmod", "ROOT", "obl:mod"],
        [3, 3, 3, 3, 3],
        ["lui", "avoir", "bien", "défilé", "samedi"],
        ("défilé", "VERB", "défiler"),
    ),
    (
        ["Il", "n'", "a", "pas", "compris"],
        ["PRON", "ADV", "AUX", "ADV", "ADJ"],
        ["nsubj", "advmod", "aux:tense", "advmod", "ROOT"],
        [4, 4, 4, 4, 4],
        ["il", "ne", "avoir", "pas", "compris"],
        ("compris", "VERB", "comprendre"),
    ),
    # "Les manifestants sont partis", the auxiliary read as a passive's
    (
        ["Les", "manifestants", "sont", "partis"],
        ["DET", "NOUN", "AUX", "NOUN"],
        ["det", "nsubj", "aux:pass", "ROOT"],
        [1, 3, 3, 3],
        ["le", "manifestant", "être", "parti"],
        ("partis", "VERB", "partir"),
    ),
    # a predicate with its copula stays one ("Il a été maire")
    (
        ["Il", "a", "été", "maire"],
        ["PRON", "AUX", "AUX", "NOUN"],
        ["nsubj", "aux:tense", "cop", "ROOT"],
        [3, 3, 3, 3],
        ["il", "avoir", "être", "maire"],
        ("maire", "NOUN", "maire"),
    ),
    # no participle of the verb the lemmatizer makes of it ("envie" is no form of "envier"'s participle)
    (
        ["Il", "a", "envie"],
        ["PRON", "AUX", "NOUN"],
        ["nsubj", "aux:tense", "ROOT"],
        [2, 2, 2],
        ["il", "avoir", "envie"],
        ("envie", "NOUN", "envie"),
    ),
    # no participle's ending ("ont recours")
    (
        ["Ils", "ont", "recours"],
        ["PRON", "AUX", "NOUN"],
        ["nsubj", "aux:tense", "ROOT"],
        [2, 2, 2],
        ["ils", "avoir", "recours"],
        ("recours", "NOUN", "recours"),
    ),
]


@pytest.mark.parametrize("row", PARTICIPLE_ROWS, ids=[r[-1][0] for r in PARTICIPLE_ROWS])
def test_a_participle_read_as_a_noun_after_a_tense_auxiliary_is_a_participle(
    analyzer: Analyzer,
    row: tuple[list[str], list[str], list[str], list[int], list[str], tuple[str, str, str]],
) -> None:
    words, pos, deps, heads, lemmas, (word, expected_pos, expected_lemma) = row
    doc = Doc(analyzer.nlp.vocab, words=words, pos=pos, deps=deps, heads=heads, lemmas=lemmas)
    analyzer.nlp.get_pipe(VERB_FORMS)(doc)
    token = next(t for t in doc if t.text == word)
    assert (token.pos_, token.lemma_) == (expected_pos, expected_lemma)
    assert ("Part" in token.morph.get("VerbForm", [])) == (expected_pos == "VERB")


# (words, lemmas, the tagger's features of the last word; its features after the repair)
TENSE_ROWS = [
    # an imperfect of a verb in -er: its stem and an ending
    (["les", "appels", "se", "multipliaient"], "multiplier", "Tense=Imp"),
    (["je", "quittais"], "quitter", "Tense=Imp"),
    # a conditional: its infinitive and the same ending
    (["ils", "présenteraient"], "présenter", "Mood=Cnd"),
    # a present stays one ("nous manifestons"), and so does a verb not in -er ("il fait")
    (["nous", "manifestons"], "manifester", "Tense=Pres"),
    (["il", "fait"], "faire", "Tense=Pres"),
]


# (words, lemma, the tagger's features, the feature after the repair): a conditional read as an imperfect is
# one (the infinitive, less the "e" of -re, and the ending); an imperfect stays one; a participle read as an
# infinitive is one
CONDITIONAL_ROWS = [
    (["l'avion", "partirait"], "partir", "Mood=Ind|Tense=Imp|VerbForm=Fin", "Mood=Cnd"),
    (["ils", "prendraient"], "prendre", "Mood=Ind|Tense=Imp|VerbForm=Fin", "Mood=Cnd"),
    (["il", "finirait"], "finir", "Mood=Ind|Tense=Pres|VerbForm=Fin", "Mood=Cnd"),
    (["l'avion", "partait"], "partir", "Mood=Ind|Tense=Imp|VerbForm=Fin", "Mood=Ind"),
    # a participle read as an infinitive where it opens the sentence ("Questionné dimanche, le médecin …")
    (["Questionné"], "questionner", "VerbForm=Inf", "VerbForm=Part"),
    (["Interrogée"], "interroger", "VerbForm=Inf", "Tense=Past"),
    # … not an infinitive ("Manifester samedi, c'est …"), nor a verb not in -er whose form is no participle
    (["Manifester"], "manifester", "VerbForm=Inf", "VerbForm=Inf"),
    (["Partir"], "partir", "VerbForm=Inf", "VerbForm=Inf"),
    (["ils", "prenaient"], "prendre", "Mood=Ind|Tense=Imp|VerbForm=Fin", "Mood=Ind"),
]


@pytest.mark.parametrize(
    ("words", "lemma", "morph", "feature"), CONDITIONAL_ROWS, ids=[r[0][-1] for r in CONDITIONAL_ROWS]
)
def test_a_conditional_read_as_an_imperfect_is_repaired(
    analyzer: Analyzer, words: list[str], lemma: str, morph: str, feature: str
) -> None:
    _check_repair(analyzer, words, lemma, morph, feature)


@pytest.mark.parametrize(("words", "lemma", "feature"), TENSE_ROWS, ids=[r[0][-1] for r in TENSE_ROWS])
def test_an_imperfect_or_a_conditional_read_as_a_present_is_repaired(
    analyzer: Analyzer, words: list[str], lemma: str, feature: str
) -> None:
    _check_repair(analyzer, words, lemma, "Mood=Ind|Tense=Pres|VerbForm=Fin", feature)


def _check_repair(analyzer: Analyzer, words: list[str], lemma: str, morph: str, feature: str) -> None:
    count = len(words)
    doc = Doc(
        analyzer.nlp.vocab,
        words=words,
        pos=[*(["PRON"] * (count - 1)), "VERB"],
        deps=[*(["nsubj"] * (count - 1)), "ROOT"],
        heads=[count - 1] * count,
        lemmas=[*words[:-1], lemma],
        morphs=[*([""] * (count - 1)), morph],
    )
    analyzer.nlp.get_pipe(VERB_FORMS)(doc)
    key, value = feature.split("=")
    assert doc[-1].morph.get(key, []) == [value]


# (words, parts of speech, dependencies, heads; the word to look at, its part of speech, lemma and tense after
# the repair): a present of a verb in -er read as an adjective although it has a subject and no copula
PRESENT_ROWS = [
    # "qu'elle épouse en 1941": "épouser", with its subject
    (
        ["qu'", "elle", "épouse", "en", "1941"],
        ["PRON", "PRON", "ADJ", "ADP", "NUM"],
        ["obj", "nsubj", "ROOT", "case", "obl:mod"],
        [2, 2, 2, 4, 2],
        ("épouse", "VERB", "épouser", ["Pres"]),
    ),
    # "Les douaniers contrôlent les camions": a plural's ending
    (
        ["Les", "douaniers", "contrôlent", "les", "camions"],
        ["DET", "NOUN", "ADJ", "DET", "NOUN"],
        ["det", "nsubj", "ROOT", "det", "obj"],
        [1, 2, 2, 4, 2],
        ("contrôlent", "VERB", "contrôler", ["Pres"]),
    ),
    # a noun too: "l'infirmière lutte contre la fatigue"
    (
        ["l'", "infirmière", "lutte", "contre", "la", "fatigue"],
        ["DET", "NOUN", "NOUN", "ADP", "DET", "NOUN"],
        ["det", "nsubj", "ROOT", "case", "det", "obl:arg"],
        [1, 2, 2, 5, 5, 2],
        ("lutte", "VERB", "lutter", ["Pres"]),
    ),
    # … not a plural noun or adjective in -es ("les routes", no "tu" in news)
    (
        ["elles", "routes"],
        ["PRON", "NOUN"],
        ["nsubj", "ROOT"],
        [1, 1],
        ("routes", "NOUN", "routes", []),
    ),
    # … not an adjective with a copula ("La route est dure"), nor one with no verb in -er ("Le PS, favorable")
    (
        ["La", "route", "est", "dure"],
        ["DET", "NOUN", "AUX", "ADJ"],
        ["det", "nsubj", "cop", "ROOT"],
        [1, 3, 3, 3],
        ("dure", "ADJ", "dure", []),
    ),
    (
        ["Le", "PS", "favorable"],
        ["DET", "PROPN", "ADJ"],
        ["det", "nsubj", "ROOT"],
        [1, 2, 2],
        ("favorable", "ADJ", "favorable", []),
    ),
    # … nor an adjective with no subject ("une position ferme")
    (
        ["une", "position", "ferme"],
        ["DET", "NOUN", "ADJ"],
        ["det", "ROOT", "amod"],
        [1, 1, 1],
        ("ferme", "ADJ", "ferme", []),
    ),
]


@pytest.mark.parametrize("row", PRESENT_ROWS, ids=[r[-1][0] for r in PRESENT_ROWS])
def test_a_present_read_as_an_adjective_with_a_subject_is_a_verb(
    analyzer: Analyzer,
    row: tuple[list[str], list[str], list[str], list[int], tuple[str, str, str, list[str]]],
) -> None:
    words, pos, deps, heads, (word, expected_pos, expected_lemma, tense) = row
    doc = Doc(
        analyzer.nlp.vocab, words=words, pos=pos, deps=deps, heads=heads, lemmas=[w.lower() for w in words]
    )
    analyzer.nlp.get_pipe(VERB_FORMS)(doc)
    token = next(t for t in doc if t.text == word)
    assert (token.pos_, token.lemma_, token.morph.get("Tense", [])) == (expected_pos, expected_lemma, tense)
