"""Sentences glued by scrapers ("en 2019.En 2020", "grave?Le", "à distanceSamedi 14 mars") are split, offsets
kept; abbreviations, numbers, addresses, names and brands are not (rows checked by hand)."""

from __future__ import annotations

import pytest

from chronique.analyzer import Analyzer
from chronique.glued import glued_headings
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
        ("Il l'a dit à l'AFP.En mai, il est revenu.", ["Il l'a dit à l'AFP.", "En mai, il est revenu."]),
        # a word with a hyphen ends a sentence, and the next may open on an elided capital
        (
            "Elle a contracté le Covid-19.L'édile a été testée lundi.",
            ["Elle a contracté le Covid-19.", "L'édile a été testée lundi."],
        ),
        (
            "Il habite à Saint-Denis.D'après lui, tout va bien.",
            ["Il habite à Saint-Denis.", "D'après lui, tout va bien."],
        ),
        # a number with its thousands' dots ends a sentence too
        (
            "Les décès s'élèvent à 18.859.En mai, ils ont baissé.",
            ["Les décès s'élèvent à 18.859.", "En mai, ils ont baissé."],
        ),
        ("Le bilan passe à 1.500.000 morts.", ["Le bilan passe à 1.500.000 morts."]),
        # a figure written with a dot keeps its noun: no sentence starts at a word in lower case after it
        ("Le virus a causé 25.987 décès en France.", ["Le virus a causé 25.987 décès en France."]),
        (
            "Au total, 17.287 cas ont été recensés. 10.416 résidents sont décédés.",
            ["Au total, 17.287 cas ont été recensés.", "10.416 résidents sont décédés."],
        ),
        # a quotation glued to the next sentence: the sentence starts after its closing mark
        (
            '"Nous ne sommes qu\'au début"Mardi 10 mars, le président a parlé.',
            ['"Nous ne sommes qu\'au début"', "Mardi 10 mars, le président a parlé."],
        ),
        # two quotations glued: the second, opening its sentence, is a sentence of its own
        (
            '"Il faut rééquilibrer les choses""Dans les quartiers, rien ne change", dit le maire.',
            ['"Il faut rééquilibrer les choses"', '"Dans les quartiers, rien ne change", dit le maire.'],
        ),
        # a list's items, each a sentence, their headings glued to their text
        (
            "Le plan a été annoncé.• Hausse du prix du tabacDès ce mercredi, le paquet coûte plus.",
            ["Le plan a été annoncé.", "• Hausse du prix du tabac", "Dès ce mercredi, le paquet coûte plus."],
        ),
        # a live blog's entry glued to the sentence before it opens at its clock time
        (
            "Des tags ont été faits sur le bâtiment.16h45 : la place est évacuée.",
            ["Des tags ont été faits sur le bâtiment.", "16h45 : la place est évacuée."],
        ),
        ("Le cortège est parti à 14h.15h : il arrive.", ["Le cortège est parti à 14h.", "15h : il arrive."]),
        # a bracket closed before the glued stop
        (
            "Elle a critiqué ces précautions (refus de consoler un petit...).Jeudi, le ministre a parlé.",
            [
                "Elle a critiqué ces précautions (refus de consoler un petit...).",
                "Jeudi, le ministre a parlé.",
            ],
        ),
        ("Il l'a dit (AFP).Le ministre a parlé.", ["Il l'a dit (AFP).", "Le ministre a parlé."]),
        # a sentence opening on a figure glued to the one before
        (
            "Le bilan a été donné par le directeur de la santé.3500 personnes sont encore hospitalisées.",
            [
                "Le bilan a été donné par le directeur de la santé.",
                "3500 personnes sont encore hospitalisées.",
            ],
        ),
        (
            '"Tout va bien", a-t-il ajouté.2019 a été une année record.',
            ['"Tout va bien", a-t-il ajouté.', "2019 a été une année record."],
        ),
        # … not a decimal, nor after an abbreviation
        ("Il a couru en 3.26 secondes samedi.", ["Il a couru en 3.26 secondes samedi."]),
        ("Voir l'art.12 du code civil.", ["Voir l'art.12 du code civil."]),
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
    # a live blog's entry: its clock time is no time of the sentence before it
    text = "Samedi, des tags ont été faits sur le bâtiment.16h45 : à Paris, la place d'Italie a été évacuée."
    result = analysed(text, "2019-11-16")
    dated = {e.trigger: e.resolved.value for e in result.events}
    assert dated == {"faits": "2019-11-16", "évacuée": "2019-11-16T16:45"}


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


# A heading glued to its sentence with no stop parts from it, where "|" stands in each row; a name or a brand
# whose letters turn to upper case does not (each row checked by hand)
HEADING_ROWS = [
    "enseignement à distance|Samedi 14 mars, lors d'une conférence",
    "sur son casier judiciaire|Habitué des coups d'éclat",
    "Des mesures en faveur des ménages|Il s'agira",
    "plus de 65 ans|Une hausse",
    "à l'exécutif|Le 8 janvier, le gouvernement",
    "le dimanche 17 février|Néanmoins, à Paris",
    "Une réplique|L'une des figures",  # an elided capital
    "170 gardes à vue samedi|À l'issue de l'acte 19",  # a one-letter word
    "Quels en seront les axes ? Santé|Sans surprise, c'est",  # a one-word heading
    "la loi.Référendum|Pour répondre aux critiques",
    "DE RUGY ET LES HOMARDS|Le 16 juillet, le ministre démissionne",  # a heading in capitals
    # a quotation glued to the sentence after it: its closing mark right after a word or a stop
    "\"Nous ne sommes qu'au début\"|Mardi 10 mars, lors d'un déplacement",
    '"Cela ne gênerait personne"|Guy Lefrand s\'est présenté vendredi',
    "« C'est fini »|Le ministre a parlé",
    # two quotations glued, the second opening its sentence: the seam is between the two marks
    '"Il faut rééquilibrer les choses"|"Dans les quartiers, rien ne change", dit-il.',
    'Il ne mâche pas ses mots."|"Le seul problème, c\'est le prix", ajoute-t-il.',
    # … not a quoted word followed by a quoted word in lower case
    'Il a crié "non""non" deux fois.',
    # … not an opening quote after a colon, nor a quoted word inside the sentence
    'Il a dit :"Nous viendrons" demain, et l\'"acte I" a eu lieu.',
    # a name ending a heading, before a function word that opens the sentence
    "Les mesures pour les personnes revenant de Chine|La veille, la ministre a parlé.",
    "Intrusion à la Salpêtrière|Lors du défilé, des manifestants sont entrés.",
    "Les nouvelles de France|Le gouvernement a tranché.",
    "Le film est sur DisneyPlus et la région GrandEst le diffuse.",  # names and brands: no seam
    # a heading ending on a figure, before a function word
    "EDF épinglée en 2007|En 2007, l'Autorité a critiqué EDF.",
    "146 propositions retenues sur 149|Le chef de l'Etat a parlé.",
    # a list's bullet opens an item (not the text's first character)
    "Ils crient aux forces de l'ordre |► Intrusion à l'hôpital",
    "Un plan a été annoncé.|• Hausse du prix du tabac",
    "• Hausse du prix du tabac",
    # names, brands, hashtags, handles, identifiers: no seam
    "La Mercedes 4Matic roule, selon 20Minutes et 9News, en 2019.",
    "Il a un iPhone, un MacBook et mange chez McDonald.",
    "Les élus LaREM et DeGaulle, sur YouTube et WhatsApp.",
    "La compagnie easyJet a vendu ses avions à TotalEnergies.",
    "L'application StopCovid est lancée. StopCovid a été téléchargée.",
    "Le tirage de l'EuroMillions. EuroMillions a payé.",  # French words, but no function word after
    "Il a écrit #GiletsJaunes à @NunezLaurent, sur Lopinion.frDisinfoLab.",
    "selon le ministre Christophe CastanerSamedi dernier",  # a name: no French word before the seam
    "Les élus LREMLe soutiennent, la SNCFLe dit.",  # an acronym in capitals is no known word
]


@pytest.mark.parametrize("marked", HEADING_ROWS)
def test_glued_headings(analyzer: Analyzer, marked: str) -> None:
    seams = [index - number for number, index in enumerate(i for i, c in enumerate(marked) if c == "|")]
    assert glued_headings(marked.replace("|", ""), analyzer.french_words) == tuple(seams)


def test_a_glued_heading_is_its_own_sentence_and_its_date_dates_the_next(
    analyzer: Analyzer, analysed: Analyse
) -> None:
    heading = "Classes virtuelles, enseignement à distance"
    text = heading + (
        "Samedi 14 mars, lors d'une conférence de presse, le ministre a annoncé la fermeture des écoles."
    )
    assert [s.text for s in sentences(analyzer.nlp(text))] == [heading, text[len(heading) :]]
    result = analysed(text, "2020-03-16")
    assert [e.mention.text for e in result.timexes] == ["Samedi 14 mars"]
    assert [(e.trigger, e.resolved.value) for e in result.events] == [("annoncé", "2020-03-14")]
