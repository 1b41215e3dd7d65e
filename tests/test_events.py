"""Events: each anchoring rule (direct, inherited, publication), reported speech, retellings, and the seed."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from chronique.anchors import is_describing_participle
from chronique.model import Anchoring, Event, Modality
from tests.conftest import ROOT, Analyse

SAT = "2022-09-10"


def _by_trigger(events: tuple[Event, ...], trigger: str) -> Event:
    matches = [e for e in events if e.trigger == trigger]
    assert matches, f"no event {trigger!r} among {[e.trigger for e in events]}"
    return matches[0]


ANCHORING_ROWS = [
    # (text, trigger, value, anchoring)
    ("L'offensive a commencé jeudi dans la région de Kharkov.", "commencé", "2022-09-08", Anchoring.DIRECT),
    (
        "Le 3 mai, l'armée a quitté la ville. La retraite a ensuite été confirmée par le ministre.",
        "confirmée",
        "2022-05-03",
        Anchoring.INHERITED,
    ),
    ("Les pompiers ont éteint l'incendie de l'entrepôt.", "éteint", SAT, Anchoring.PUBLICATION),
    # reported speech: what was said is the event, not the saying …
    ("Les habitants ont quitté le village, a indiqué le maire.", "quitté", SAT, Anchoring.PUBLICATION),
    # … unless a time expression dates the saying itself
    ("Le ministre a déclaré vendredi que la ville était libérée.", "déclaré", "2022-09-09", Anchoring.DIRECT),
    # a speech is an event noun: its date dates it (data/nouns.tsv, event)
    (
        "Lors de son allocution du jeudi 8 septembre, le président a confirmé la reprise des écoles.",
        "allocution",
        "2022-09-08",
        Anchoring.DIRECT,
    ),
    ("Le discours du 6 septembre a surpris les élus.", "discours", "2022-09-06", Anchoring.DIRECT),
    # violence, a round of demonstrations, a lockdown are events a later article dates by a noun
    ("Les violences du samedi 3 septembre ont choqué la ville.", "violences", "2022-09-03", Anchoring.DIRECT),
    (
        "Lors de l'acte 11 du mouvement le 3 septembre, un manifestant avait été blessé.",
        "acte",
        "2022-09-03",
        Anchoring.DIRECT,
    ),
    (
        "La levée du confinement le 5 septembre a soulagé les commerçants.",
        "levée",
        "2022-09-05",
        Anchoring.DIRECT,
    ),
    # a time opened by "à", "vers" places the verb's event, whatever noun the parse hangs it on (data/cues.tsv
    # placing): the emergency ward did not happen at 3h20
    (
        "Une fillette est morte dans la nuit de jeudi à vendredi. "
        "Elle a été emmenée aux urgences à 3h20 du matin.",
        "emmenée",
        "2022-09-09T03:20",
        Anchoring.DIRECT,
    ),
    # an imperfect's scene interrupted by a past after "quand", "lorsque": the time dates what happened
    # (data/cues.tsv interrupting)
    (
        "Le cycliste roulait sur la départementale samedi 3 septembre quand il a été percuté par un camion.",
        "percuté",
        "2022-09-03",
        Anchoring.DIRECT,
    ),
    (
        "Vendredi soir, le maire rentrait chez lui lorsqu'il a été agressé par deux hommes.",
        "agressé",
        "2022-09-09TEV",
        Anchoring.DIRECT,
    ),
    # a capitalised event noun that names an institution is no event (data/nouns.tsv institution)
    (
        "Un député est hospitalisé, a annoncé la présidence de l'Assemblée jeudi soir.",
        "annoncé",
        "2022-09-08TEV",
        Anchoring.DIRECT,
    ),
    # the interview a participle opening the sentence names is the occasion of what the main clause says
    # (data/verbs.tsv asked_verbs); a participle with an event of its own keeps its date
    (
        "Interrogé jeudi sur France Inter, le ministre a affirmé que la réforme serait maintenue.",
        "affirmé",
        "2022-09-08",
        Anchoring.DIRECT,
    ),
    ("Né le 3 mars 1950 à Lyon, le cinéaste a tourné trente films.", "Né", "1950-03-03", Anchoring.DIRECT),
    # quotation marks around an event noun do not change what the date right after them completes
    ('La CGT appelle à une "grève générale" le 15 septembre.', "grève", "2022-09-15", Anchoring.DIRECT),
    # a bare noun object makes one verb with its verb ("avoir lieu"): the date dates that verb
    (
        "Un homme est recherché. La scène a lieu samedi 3 septembre à Lyon.",
        "a",
        "2022-09-03",
        Anchoring.DIRECT,
    ),
]


@pytest.mark.parametrize(
    ("text", "trigger", "value", "anchoring"), ANCHORING_ROWS, ids=[r[1] for r in ANCHORING_ROWS]
)
def test_anchoring(analysed: Analyse, text: str, trigger: str, value: str, anchoring: Anchoring) -> None:
    event = _by_trigger(analysed(text, SAT).events, trigger)
    assert (event.resolved.value, event.anchoring) == (value, anchoring)


def test_saying_is_not_the_event(analysed: Analyse) -> None:
    events = analysed("Les habitants ont quitté le village, a indiqué le maire.", SAT).events
    assert "indiqué" not in [e.trigger for e in events]


SUMMARY_ROWS = [
    # the event that interrupts an imperfect's scene, its pronoun subject named before "quand"
    (
        "La passante se trouvait sur le quai, vers 2 heures, quand elle a été renversée par un scooter.",
        "renversée",
        "La passante a été renversée par un scooter",
        (),
    ),
    # a participle describing a noun: the noun and the participle, no actor
    ("Les animaux sont sortis après le confinement imposé en mars.", "imposé", "le confinement imposé", ()),
    # a relative clause's subject is its antecedent
    (
        "Le maire, qui a démissionné lundi, quitte la ville.",
        "démissionné",
        "Le maire a démissionné",
        ("Le maire",),
    ),
]


@pytest.mark.parametrize(
    ("text", "trigger", "summary", "actors"), SUMMARY_ROWS, ids=[r[1] for r in SUMMARY_ROWS]
)
def test_summary_and_actors(
    analysed: Analyse, text: str, trigger: str, summary: str, actors: tuple[str, ...]
) -> None:
    event = _by_trigger(analysed(text, SAT).events, trigger)
    assert (event.summary, event.actors) == (summary, actors)


def test_incise_after_a_quote_is_no_event(analysed: Analyse) -> None:
    events = analysed(
        "« Nous ne testons que trente personnes par jour aujourd'hui », a-t-il indiqué.", SAT
    ).events
    assert "indiqué" not in [e.trigger for e in events]


def test_negated_verb_is_a_row_marked_negated(analysed: Analyse) -> None:
    # it stays in timeline.parquet, marked, and timeline.md leaves it out (tests/test_markdown.py)
    events = analysed("Le ministère n'a pas commenté samedi la situation.", SAT).events
    assert [(e.trigger, e.modality) for e in events] == [("commenté", Modality.NEGATED)]


def test_undated_negated_verb_is_no_event(analysed: Analyse) -> None:
    # no date of its own, and it says nothing happened: not dated by the publication day
    events = analysed("Le ministère n'a pas commenté la situation.", SAT).events
    assert events == ()


@pytest.mark.parametrize(
    "text",
    [
        "Les violences qui entachent chaque samedi les manifestations inquiètent le maire.",  # a set
        "Ils défilent tous les samedis dans le centre.",
        "Une intervention suivie de 3h30 d'interventions des groupes politiques.",  # a duration
        "Les avocats dénoncent ses 15 h de garde à vue.",
        # a habit: the weekday of every week, the end of every month
        "Deux sondés sur trois estiment que les manifestations du samedi sont éloignées des revendications.",
        "Il y a juste l'envie partagée par les citoyens d'arriver à manger en fin de mois.",
        # the hours of a schedule: a clock time beside a set in its sentence
        "Le magasin est ouvert chaque jour de 8 h à 20 h.",
        "Le numéro vert sera ouvert de 9 h à 19 h tous les jours.",
    ],
)
def test_what_recurs_or_lasts_dates_no_event(analysed: Analyse, text: str) -> None:
    assert analysed(text, SAT).events == ()


def dated_rows(analysed: Analyse, text: str) -> list[tuple[str, str]]:
    """The (trigger, value) of each timeline row of a text published on ``SAT``."""
    return [(e.trigger, e.resolved.value) for e in analysed(text, SAT).events]


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        # the end of a period ("jusqu'à") or the start a comparison counts from ("le plus … depuis") is not
        # the day of what the clause tells
        ("Le déficit affichait son plus bas niveau depuis 2001.", []),
        ("C'est la plus faible mobilisation enregistrée depuis le début de l'année.", []),
        # (its clause is then undated: a lead's passé composé is the day's news)
        ("Une affluence record a été enregistrée depuis mars.", [("enregistrée", "2022-09-10")]),
        ("L'assemblée, qui dure jusqu'à dimanche, réunit deux cents délégués.", []),
        # what a comparison measures against: "que" after "plus", "moins"
        ("Le soutien reste majoritaire, mais c'est 5 points de moins qu'il y a deux semaines.", []),
        ("Les manifestants étaient plus nombreux que samedi dernier.", []),
        ("Une mobilisation en hausse par rapport aux 50.000 de la semaine précédente.", []),
        # a deadline: the clause may still be the day's news (a lead's passé composé)
        ("L'ordre a été donné de raser leurs installations d'ici mercredi.", [("donné", "2022-09-10")]),
        ("Le groupe a confirmé la fermeture de six réacteurs d'ici à 2030.", [("confirmé", "2022-09-10")]),
        ("Le chantier doit être achevé d'ici au 15 octobre.", []),
        # … whatever mark is glued before the cue
        ("Le ministre prévoit une première phase, suivie d'une deuxième \"jusqu'à l'été\".", []),
        # the start of a period otherwise dates it, at its grain
        ("Depuis 2002, elle était mariée à un architecte.", [("mariée", "2002")]),
        # a count since a start whose year holds the publication (OrangeSum's): that year
        ("Depuis le début de l'année 2022, treize règlements de comptes ont eu lieu.", [("eu", "2022")]),
        # the clause may still be the day's news: the publication dates it (a lead's passé composé)
        ("Le préfet a prolongé jusqu'au 15 avril l'interdiction.", [("prolongé", "2022-09-10")]),
        # past a day is its end too
        ("Le préfet souhaite maintenir la fermeture au-delà du 15 octobre.", []),
        # … and so is what comes after it; "peu après" a clock time tells that time roughly
        ("Cette mesure restera en vigueur après le 15 octobre.", []),
        ("Les écoles rouvriront après le 15 octobre.", []),
        ("Le ministre est arrivé peu après 22h30 à la préfecture.", [("arrivé", "2022-09-10T22:30")]),
        # … and what comes before a month, a season, a year is not in it; before a day it is that deadline's
        # day (OrangeSum's); "peu avant" is rough
        ("Le maire s'oppose à la réouverture des écoles avant l'automne.", []),
        ("Le maire refuse de rouvrir les écoles avant octobre.", []),
        ("L'association doit déposer son dossier avant le 25 septembre.", [("déposer", "2022-09-25")]),
        ("Les invités sont arrivés peu avant 21h à la mairie.", [("arrivés", "2022-09-10T21:00")]),
        # the clock time that completes a bound is the bound's
        ("Il faudra attendre jusqu'au mardi 00h00 pour entrer en Autriche.", []),
        # "à ce jour": so far, what is counted up to now (the lead's passé composé is the day's news)
        ("Seules 68 personnes ont utilisé l'application à ce jour.", [("utilisé", "2022-09-10")]),
        # … also where the capital "À" opening the sentence lost its accent
        ("A ce jour, le bilan est de 56 morts.", []),
        # a day compared with: right after "comme" (a verb between is the plan's: "comme prévu samedi")
        ("Il y aura un rassemblement, comme samedi dernier, devant la mairie.", []),
        ("Comme en 2018, les routiers bloquent les dépôts.", []),
        # a change in points or per cent since a day is measured from it
        ("La cote du ministre perd encore 5 points depuis lundi.", []),
        # … and so is a change named ("en recul", "son recul", "en hausse")
        ("La part de Français satisfaits est en recul depuis mercredi.", []),
        ("L'hospitalisation en réanimation continue son recul depuis début avril.", []),
        # what a figure stands "au lieu de" is what it is compared with
        ("La note moyenne retombe à 6,2 au lieu de 6,4 hier.", []),
        # a figure set "contre" the clause's is counted on its own day (data/cues.tsv against) …
        ("Les hospitalisations sont repassées sous la barre des 1.000, contre plus de 7.000 début août.", []),
        # … and so is one a bare participle completes, the figure standing for its noun
        ("Il y a 6 cas à Annecy (contre quatre recensés jeudi).", []),
        ("Le ministère compte 10.308 décès, contre 10.650 enregistrés lundi.", []),
        # … not a participle of the noun a figure counts: its own day
        ("Le député a voté contre 4 amendements déposés jeudi.", [("déposés", "2022-09-08")]),
        # … "contre" with no figure is "against"
        ("Les syndicats ont défilé contre la réforme le 5 septembre.", [("défilé", "2022-09-05")]),
        # a day after a day the text does not give ("le lendemain" with no date before it), in a clause told
        # in the past: not the day after the paper's; counted from a day named, or in a plan, it dates its
        # clause
        (
            "Le premier recours a été rejeté. Mais le lendemain, un nouvel appel a été lancé.",
            [("rejeté", SAT)],
        ),
        # … the day after a day named by a noun is left to its rule (rules.txt anaphor_of_event), which counts
        # it from the last day named, here the paper's
        (
            "Au lendemain de la quatrième journée de mobilisation, la ministre a exclu tout coup de pouce.",
            [("exclu", "2022-09-11")],
        ),
        (
            "Le 5 septembre, le premier recours a été rejeté. Le lendemain, un nouvel appel a été lancé.",
            [("rejeté", "2022-09-05"), ("lancé", "2022-09-06")],
        ),
        (
            "Le ministre recevra les syndicats. Le lendemain, il présentera son plan.",
            [("présentera", "2022-09-11")],
        ),
        # a tally given out again and again: the day a participle gives it is its release, no event; told with
        # its auxiliary, the release is an act
        ("Selon le dernier bilan communiqué lundi par la préfecture, trois personnes ont été blessées.", []),
        ("Selon le décompte publié lundi par le syndicat, 40 écoles sont fermées.", []),
        ("Le bilan a été publié lundi par la préfecture.", [("publié", "2022-09-05")]),
        # … so is any tally told as the latest (data/cues.tsv latest); a figure's release told otherwise stays
        ("Selon les derniers chiffres communiqués dimanche, le virus a fait 278 cas supplémentaires.", []),
        (
            "Selon les chiffres rendus publics hier par l'Insee, le chômage a reculé.",
            [("rendus", "2022-09-09")],
        ),
        # a landmark the clause is measured from ("à trois jours de Noël"), no day of the clause
        (
            "Pour son acte VI à trois jours de Noël, la mobilisation a baissé samedi 10 septembre.",
            [("baissé", SAT)],
        ),
        ("Les routiers défilent pour leur acte VI, à trois jours de Noël.", []),
        # (a holiday, not a day written with its month: a bare weekday beside one far back is of its week)
        (
            "À quelques jours de Noël, le préfet a interdit les feux d'artifice lundi.",
            [("interdit", "2022-09-05")],
        ),
        # a date that is no bound still dates its clause
        ("Il est parti dimanche à Lyon.", [("parti", "2022-09-04")]),
        ("Comme prévu samedi, les routiers ont levé le barrage.", [("prévu", "2022-09-10")]),
        # the new day of an event moved ("déplacée à lundi") is the nearest, not the last one behind
        ("La séance de questions a été déplacée à lundi.", [("déplacée", "2022-09-12")]),
    ],
)
def test_a_bound_dates_no_row(analysed: Analyse, text: str, rows: list[tuple[str, str]]) -> None:
    assert dated_rows(analysed, text) == rows


# (text, rows): a count since a start runs up to the paper's day: no event, neither the start's nor (its
# clause is dated) the paper's day, unless the start's year or month holds the publication
RUNNING_TOTAL_ROWS = [
    ("Depuis le 1er mars, 2.300 personnes ont été hospitalisées dans la région.", []),
    ("Depuis lundi, la région a distribué deux millions de masques.", []),
    ("Treize règlements de comptes ont eu lieu depuis 2018.", []),
    # … and so is a start set beside its phrase ("depuis le début du mouvement, le 3 septembre")
    ("Depuis le début du mouvement, le 3 septembre, 240 manifestants ont été blessés.", []),
    # a counted event noun, what a noun of tally counts, a number the parse reads as determiners
    ("Le bilan de l'épidémie s'établit désormais à 24.087 morts depuis le 1er mars.", []),
    ("Cela porte à 8.911 le nombre de décès depuis le 1er mars.", []),
    ("Le ministre a déploré 49 000 morts en Europe depuis le 1er mars.", []),
    # a figure written with a dot, which the parse labels as it likes
    ("Le virus a causé 25.987 décès depuis le 1er mars, soit 178 de plus.", []),
    # a figure with its copula
    ("Le bilan des décès lié à l'épidémie est toujours de quatre depuis le 1er septembre.", []),
    (
        "Le ministère a recensé 17.287 nouveaux cas. 10.416 résidents sont décédés depuis le 1er mars.",
        [("recensé", SAT)],
    ),
    # told as the total so far ("Au total"), the first count is no row either (PUBLICATION_ROWS)
    ("Au total, 17.287 cas ont été recensés. 10.416 résidents sont décédés depuis le 1er mars.", []),
    # … whatever the parse makes of the figure (here "8.911", a noun with "personnes" as its name)
    ("Au total, depuis le 1er mars, 8.911 personnes sont mortes du Covid-19 en France.", []),
    # a change measured since a day (data/verbs.tsv change_verbs), not on it; an act since a day is on it
    ("Depuis le 17 août, le nombre d'excès de vitesse a bondi en France.", []),
    ("Le profil des patients a beaucoup évolué depuis mi-août.", []),
    # … also from a start with no date, and when a paper relays it on its day
    ("Le trafic a fortement reculé depuis le début de la crise.", []),
    (
        "Les ventes de tabac ont bondi de 30 % depuis les mesures de confinement, rapporte Le Parisien "
        "jeudi 8 septembre.",
        [],
    ),
    ("Les ventes ont bondi de 30 % jeudi 8 septembre.", [("bondi", "2022-09-08")]),
    (
        "Depuis le 1er septembre, les Français ont retrouvé le droit de circuler.",
        [("retrouvé", "2022-09-01")],
    ),
    # a state since a day keeps that day (OrangeSum: "hospitalisé depuis ce jeudi soir")
    ("Depuis le 1er septembre, le patient est hospitalisé à Lyon.", [("hospitalisé", "2022-09-01")]),
    ("Le patient, qui est hospitalisé depuis jeudi, va mieux.", [("hospitalisé", "2022-09-08")]),
    ("Le musée est fermé depuis dimanche.", [("fermé", "2022-09-04")]),
    # … but a clause in the simple present or the imperfect tells what has been going on since: no event that
    # day (a relative clause, a main clause, a verb of state with its attribute, an adjective with its copula)
    ("Le scandale qui ébranle le gouvernement depuis juillet n'est pas fini.", []),
    ("Ce fut le point de départ du scandale qui ébranle l'exécutif depuis l'été.", []),
    ("Depuis septembre, il travaille pour une chaîne de télévision.", []),
    ("L'Élysée fait face depuis mercredi à une avalanche de critiques.", []),
    ("Il disposait d'un badge depuis juillet 2021.", []),
    ("Le musée reste fermé depuis lundi.", []),
    ("Leurs relations sont tendues depuis 2017.", []),
    # a compound past since a day tells the act of that day
    ("Depuis samedi, le pays a franchi le seuil des mille cas.", [("franchi", "2022-09-10")]),
    ("Le scandale qui a éclaté en juillet n'est pas fini.", [("éclaté", "2022-07")]),
]


@pytest.mark.parametrize(("text", "rows"), RUNNING_TOTAL_ROWS, ids=[r[0][:40] for r in RUNNING_TOTAL_ROWS])
def test_a_count_since_a_start_runs_up_to_the_paper_s_day(
    analysed: Analyse, text: str, rows: list[tuple[str, str]]
) -> None:
    assert dated_rows(analysed, text) == rows


# (text, rows): a poll's or a statistic's figure (a subject that is a share, a percentage or a tally, in the
# present or the imperfect, and what such a subject says) is no event of any day; a release told of the poll,
# a compound past of a tally and a percentage elsewhere than the subject are
SHARE_ROWS = [
    ("Début septembre, 75 % des Français déclaraient acheter local.", []),
    ("Alors que 38 % des Français partageaient cette opinion le 1er septembre, ils sont 42 % à présent.", []),
    ("Seuls 19 % des Français estiment que les mesures annoncées les ont rassurés.", []),
    ("La proportion de Français inquiets recule mardi à 40 %.", []),
    ("La moitié des sondés doutent lundi de la capacité du gouvernement.", []),
    ("Selon le ministère, le nombre de cas s'élève mardi à 1.200.", []),
    ("Le taux d'incidence atteint lundi 52 cas pour 100.000 habitants.", []),
    ("Le nombre de morts a dépassé le millier mardi.", [("dépassé", "2022-09-06")]),
    ("Un sondage publié mardi donne le maire en tête.", [("publié", "2022-09-06")]),
    # only a clause the share says ("estiment que") is its figure; an event beside the poll's figures is one
    (
        "Les sondés ne s'y sentent pas en sécurité.Alors que les bars ont rouvert le 2 septembre, un "
        "Français sur 10 s'y est rendu.",
        [("rouvert", "2022-09-02")],
    ),
    (
        "Les deux entreprises ont annoncé mardi le licenciement de 25 % de leurs effectifs.",
        [("annoncé", "2022-09-06")],
    ),
]


@pytest.mark.parametrize(("text", "rows"), SHARE_ROWS, ids=[r[0][:40] for r in SHARE_ROWS])
def test_a_poll_s_figure_is_no_event(analysed: Analyse, text: str, rows: list[tuple[str, str]]) -> None:
    assert dated_rows(analysed, text) == rows


# (text, rows as trigger, value, modality): a former plan its own sentence tells overtaken (cancelled, moved)
# did not happen on its day: its row is negated (kept, not shown; OrangeSum dates "qui devait se tenir ce
# week-end" by the plan's day); the sentence counts as undated, so the lead's passé composé of the
# cancellation is the paper's day's news. A plan still standing, or only possibly moved, stays a plan.
_NEG, _PLAN, _DONE = Modality.NEGATED, Modality.PLANNED, Modality.ASSERTED
OVERTAKEN_ROWS = [
    (
        "Le congrès, qui devait se tenir du 20 au 23 septembre, a été annulé.",
        [("tenir", "2022-09-20/2022-09-23", _NEG), ("annulé", SAT, _DONE)],
    ),
    (
        "Le match devait avoir lieu dimanche, mais il a été reporté.",
        [("avoir", "2022-09-11", _NEG), ("reporté", SAT, _DONE)],
    ),
    ("Prévu le 5 octobre, le concert a été annulé.", [("Prévu", "2022-10-05", _NEG), ("annulé", SAT, _DONE)]),
    # a present passive of moving tells the plan overtaken too ("est reportée au plus tard en janvier")
    (
        "L'essai, qui devait débuter en octobre, est reporté à janvier.",
        [("débuter", "2022-10", _NEG), ("reporté", "2023-01", _PLAN)],
    ),
    (
        "Le congrès, qui devait se tenir le 20 septembre, a réuni 300 délégués.",
        [("tenir", "2022-09-20", _PLAN)],
    ),
    (
        "Le congrès doit se tenir le 20 septembre, mais il pourrait être reporté.",
        [("tenir", "2022-09-20", _PLAN)],
    ),
]


@pytest.mark.parametrize(("text", "rows"), OVERTAKEN_ROWS, ids=[r[0][:40] for r in OVERTAKEN_ROWS])
def test_a_plan_overtaken_in_its_sentence_is_negated(
    analysed: Analyse, text: str, rows: list[tuple[str, str, Modality]]
) -> None:
    assert [(e.trigger, e.resolved.value, e.modality) for e in analysed(text, SAT).events] == rows


# (text, rows): a date set beside a phrase by commas, after "depuis", "après", "avant", is that phrase's (its
# event noun's row, or none), not the clause's
APPOSED_ROWS = [
    (
        "Sept semaines après le début du confinement, le 17 mars dernier, le pays doit retrouver le chemin "
        "de l'école.",
        [("confinement", "2022-03-17")],
    ),
    (
        "Sous le feu des critiques depuis les révélations du journal, le 18 juillet dernier, le ministre a "
        "pris la parole.",
        [("révélations", "2022-07-18")],
    ),
    ("Depuis le début du mouvement, le 3 septembre, les routiers bloquent les dépôts.", []),
    # beside a noun no such word opens, beside a day, or after "lors de": the clause's
    ("Le préfet, le 2 septembre, a signé l'arrêté.", [("signé", "2022-09-02")]),
    ("Les vidéos ont été rendues lundi, le 5 septembre.", [("rendues", "2022-09-05")]),
    ("Lors de la manifestation, le 3 septembre, un policier a été blessé.", [("blessé", "2022-09-03")]),
]


@pytest.mark.parametrize(("text", "rows"), APPOSED_ROWS, ids=[r[0][:40] for r in APPOSED_ROWS])
def test_a_date_beside_a_phrase_is_that_phrase_s(
    analysed: Analyse, text: str, rows: list[tuple[str, str]]
) -> None:
    assert dated_rows(analysed, text) == rows


# (text, rows): a participle of dating gives its noun's date, not the clause's
DATING_ROWS = [
    ("Le journal a eu connaissance d'un épisode datant de 2016.", []),
    ("Trois policiers sont soupçonnés d'avoir extrait des images datant du 1er mai.", []),
    ("Le juge a évoqué une affaire remontant à 2016.", []),
    ("Le juge a évoqué une agression datant du 3 mars.", [("agression", "2022-03-03")]),  # an event noun's
]


@pytest.mark.parametrize(("text", "rows"), DATING_ROWS, ids=[r[0][:40] for r in DATING_ROWS])
def test_a_dating_participle_gives_its_noun_s_date(
    analysed: Analyse, text: str, rows: list[tuple[str, str]]
) -> None:
    assert dated_rows(analysed, text) == rows


# (text, published, date, its value): a noun's date in a clause told in the past may name a plan of the coming
# weeks, but not under a past participle alone, which tells a thing done; in a present clause it may be ahead
NOUN_DATE_ROWS = [
    (
        "Il devait être interrogé sur les violences commises en marge du défilé du 1er mai.",
        "2022-03-20",
        "1er mai",
        "2021-05-01",
    ),
    (
        "Le marathon résiste avec une course réservée aux athlètes d'élite le 4 octobre.",
        "2022-08-12",
        "le 4 octobre",
        "2022-10-04",
    ),
]


@pytest.mark.parametrize(("text", "published", "date", "value"), NOUN_DATE_ROWS, ids=["commises", "réservée"])
def test_a_participle_alone_in_a_past_clause_tells_a_thing_done(
    analysed: Analyse, text: str, published: str, date: str, value: str
) -> None:
    assert [t.resolved.value for t in analysed(text, published).timexes if t.mention.text == date] == [value]


# (text, rows), written on Friday 5 April 2019: a day after the publication set before a passé composé of
# saying is the day of what it announces for later; after the saying, or with nothing announced, the saying's
FRIDAY = "2019-04-05"
ANNOUNCED_ROWS = [
    (
        "Samedi 6 avril, la préfecture a déjà annoncé que les manifestations seront interdites sur la place.",
        [("interdites", "2019-04-06", Modality.PLANNED)],
    ),
    (
        "Samedi 6 avril, la préfecture a annoncé la fermeture du parc.",
        [("annoncé", "2019-04-06", Modality.ASSERTED)],
    ),
    (
        "Le ministre a déclaré samedi 6 avril que la réforme sera votée.",
        [("déclaré", "2019-04-06", Modality.ASSERTED)],
    ),
    (
        "Lundi 1er avril, la préfecture a annoncé que les manifestations seront interdites sur la place.",
        [("annoncé", "2019-04-01", Modality.ASSERTED)],
    ),
]


@pytest.mark.parametrize(("text", "rows"), ANNOUNCED_ROWS, ids=[r[0][:40] for r in ANNOUNCED_ROWS])
def test_a_day_after_the_paper_is_what_a_saying_announces(
    analysed: Analyse, text: str, rows: list[tuple[str, str, Modality]]
) -> None:
    assert [(e.trigger, e.resolved.value, e.modality) for e in analysed(text, FRIDAY).events] == rows


def test_a_reported_clause_is_one_row(analysed: Analyse) -> None:
    # "quitté" is the main clause's and what "a indiqué" reports: one row, not two
    events = analysed("Le maire a indiqué que les habitants ont quitté le village.", SAT).events
    assert [(e.trigger, e.anchoring) for e in events] == [("quitté", Anchoring.PUBLICATION)]


def test_one_event_told_twice_is_one_row_with_both_sentences(analysed: Analyse) -> None:
    text = (
        "L'armée a reçu l'ordre de quitter samedi la ville d'Izyum. "
        "Le retrait a ensuite été confirmé par un officier, qui a déclaré : « Nous avons quitté Izyum ». "
    )
    events = analysed(text, SAT).events
    leaving = [e for e in events if e.lemma == "quitter"]
    assert len(leaving) == 1
    assert leaving[0].resolved.value == SAT
    assert [e.sentence.startswith("Le retrait") for e in leaving[0].more_evidence] == [True]


def test_actors_and_places(analysed: Analyse) -> None:
    event = _by_trigger(
        analysed(
            "Le secrétaire américain à la Défense, Lloyd Austin, a déclaré vendredi à Kiev.", SAT
        ).events,
        "déclaré",
    )
    assert event.actors == ("Lloyd Austin",)
    assert event.places == ("Kiev",)


SEED = ROOT / "seeds" / "000_b5c863f8a0090c42.txt"
# The five dated events of the seed, read off the article by hand: trigger, value, actors, places.
SEED_EVENTS = [
    ("capturée", "2022-04", ("la Russie",), ()),
    ("commencé", "2022-09-08", (), ("la région de Kharkov",)),
    ("déclaré", "2022-09-09", ("Lloyd Austin",), ()),
    # who told it is an actor too: "…, ont indiqué plusieurs journalistes"
    (
        "quitter",
        "2022-09-10",
        ("L'armée russe", "les forces alliées", "plusieurs journalistes"),
        ("la ville d'Izyum",),
    ),
    ("publié", "2022-09-10", ("Le ministère russe de la Défense",), ()),
]


def test_seed_dated_events(analysed: Analyse) -> None:
    events = analysed(Path(SEED).read_text(encoding="utf-8"), SAT).events
    direct = [
        (e.trigger, e.resolved.value, e.actors, e.places) for e in events if e.anchoring is Anchoring.DIRECT
    ]
    order = sorted(direct, key=lambda row: row[1])
    assert order == SEED_EVENTS
    for event in events:
        assert "dot.gif" not in event.evidence.sentence and "Commentaires" not in event.evidence.sentence


# Three dated sentences first: the sentence after them is past the lead of the report.
_LEAD = "Le 3 mai, le maire a ouvert la salle. Le 4 mai, il a visité l'école. Le 5 mai, il a reçu les élus. "
_TALLY = (
    "Depuis le début de l'épidémie, 10.741 personnes ont été hospitalisées en France. 7.117 personnes sont "
    "rentrées à domicile. 2.617 personnes sont décédées."
)
PUBLICATION_ROWS = [
    # (text, trigger, dated by the publication day): French news grammar, not a fallback for every clause
    ("Les pompiers ont éteint l'incendie de l'entrepôt.", "éteint", True),  # the lead's passé composé
    ("Le suspect s'est rendu à la police.", "rendu", True),  # pronominal passé composé in the lead
    ("Deux policiers se sont donné la mort.", "donné", True),  # "se" read as an indirect object
    # a count of more than one recorded (data/verbs.tsv recording_verbs) with no release told and no word of
    # increment is a tally so far; the day's new ones, a case told one by one and a release told are news
    ("En France, onze cas de contamination ont été confirmés.", "confirmés", False),
    ("Dans la région, 14 décès ont été enregistrés.", "enregistrés", False),
    ("Et 688 nouveaux cas ont été confirmés, soit un total de 1 975 cas.", "confirmés", True),
    ("En France, deux autres cas ont été confirmés à Paris.", "confirmés", True),
    ("Un quatrième cas de contamination a été détecté en France.", "détecté", True),
    ("Onze cas ont été confirmés en France, a annoncé la ministre.", "confirmés", True),
    ("Quatre individus ont incendié une cabane à Saint-Etienne.", "incendié", True),
    # … also after a date of the lead further back than a few days: background, the paper's day is the news
    (
        "Le maire a signé le contrat le 1er septembre. Les opposants ont dénoncé un passage en force.",
        "dénoncé",
        True,
    ),
    # a state reached ("est devenu une obsession") is no news of the paper's day (verbs.tsv stative_verbs)
    ("La réouverture des plages est devenue une obsession pour les maires.", "devenue", False),
    # a stretch of recent weeks with no day is background
    ("Depuis quelques semaines, les élèves ont adopté un nouveau jeu.", "adopté", False),
    # what a relative clause tells describes a noun: background (its main clause is the news)
    ("Les habitants ont quitté les zones où ont été signalés des incendies.", "signalés", False),
    ("Les habitants ont quitté les zones où ont été signalés des incendies.", "quitté", True),
    ("Les élus de la région, d'où l'épidémie est partie, ont demandé des masques.", "partie", False),
    # how often something happened is a tally up to now, not the day's news
    ("La vidéo a été vue près de 700.000 fois sur les réseaux sociaux.", "vue", False),
    ("Le suspect a été condamné à trois reprises pour violences.", "condamné", False),
    ("Le suspect a été condamné pour violences.", "condamné", True),
    # a count told as the total so far is a tally up to now, whatever the lead
    ("Au total, 64.338 cas ont été confirmés dans le pays.", "confirmés", False),
    ("Au total, 120 personnes ont été interpellées à Paris.", "interpellées", False),
    ("Plus de 2.000 cas cumulés ont été recensés dans la région.", "recensés", False),
    # a count since an undated start, or up to now, is a total so far too
    (
        "Depuis le début de l'épidémie, 10.741 personnes ont été hospitalisées en France.",
        "hospitalisées",
        False,
    ),
    ("Jusqu'à présent, 120 cas ont été confirmés dans le département.", "confirmés", False),
    ("Jusqu'ici, trois patients sont morts à l'hôpital de Lyon.", "morts", False),
    # a reminder is background, whatever the lead (data/cues.tsv reminder)
    ("Pour rappel, l'épidémie a fait 175 morts en France.", "fait", False),
    ("Pour mémoire, le maire avait été élu en mars.", "élu", False),
    # … and a count right after such a total is a next line of that tally (``bounds.tells_total``)
    (_TALLY, "rentrées", False),
    (_TALLY, "décédées", False),
    (
        "Au total, 120 personnes ont été interpellées à Paris. Le préfet a dénoncé des violences.",
        "dénoncé",
        True,
    ),
    ("Trois policiers ont été blessés à Paris. Deux manifestants ont été interpellés.", "interpellés", True),
    # "une" is an article, not a count: no total before
    (
        "Ils invitent à amener une fleur pour les blessés depuis le début du mouvement. Au moins 2.400 "
        "internautes ont annoncé leur venue.",
        "annoncé",
        True,
    ),
    # … not the day's count a clause of its own completes with the total
    (
        "Le ministre a annoncé 15 nouveaux décès en France, portant à 48 le nombre de morts depuis le début.",
        "annoncé",
        True,
    ),
    # … not with no count
    ("Depuis le début de la crise, le maire a fermé les écoles.", "fermé", True),
    ("Deux cents personnes ont été interpellées à Paris.", "interpellées", True),  # the day's count
    ("Au total, le maire a fermé les écoles de la ville.", "fermé", True),  # "au total" with no count
    ("Le maire est resté strictement dans le cadre de la légalité.", "resté", False),  # a state
    ("Le village a eu une école pendant un siècle.", "eu", False),  # avoir: a state
    ("Il est connu pour ses positions tranchées.", "connu", False),  # present passive: a state
    ("La confrérie s'est formée durant le colonialisme britannique.", "formée", False),  # another era
    ("Le rayon beauté a fait le yoyo pendant la crise sanitaire.", "fait", False),  # a stretch, as "durant"
    ("Une minorité de comptes ont inondé les réseaux pendant l'affaire.", "inondé", False),
    ("À l'époque, les habitants ont quitté le village.", "quitté", False),  # another era
    # a stretch of recent weeks with no day: background, not the day's news
    ("Ces dernières semaines, le mouvement a montré des signes d'essoufflement.", "montré", False),
    ("Depuis plusieurs mois, les habitants quittent le village.", "quittent", False),
    ("Les habitants avaient quitté le village.", "quitté", False),  # plus-que-parfait: background
    ("Les habitants quittaient le village.", "quittaient", False),  # imparfait: background
    (_LEAD + "Les pompiers ont éteint l'incendie.", "éteint", False),  # past the lead, nothing dates it
    (_LEAD + "Le ministre a annoncé sa démission.", "annoncé", True),  # the day's announcement
    (_LEAD + "Les habitants ont quitté le village, a indiqué le maire.", "quitté", True),  # what it tells
    (_LEAD + "Le maire a rappelé que les habitants ont quitté le village.", "quitté", False),  # a reminder
    # a speaker's past is not the paper's day, even in the lead …
    ("« Des inconnus ont saccagé la salle. »", "saccagé", False),
    # … nor when the sentence announces it: the saying is the day's news, not what the speaker tells …
    ("« Les habitants ont quitté le village », a indiqué le maire.", "quitté", False),
    ("« Les habitants ont quitté le village », a indiqué le maire.", "indiqué", True),
    (_LEAD + "« Nous avons tout perdu », a-t-il déclaré.", "perdu", False),
    (_LEAD + "« Nous avons tout perdu », a-t-il déclaré.", "déclaré", True),
    # … but told by the narrator it is ("que", no quotation), and so is a participle quoted after the
    # narrator's auxiliary
    (_LEAD + "Le maire a indiqué que les habitants ont quitté le village.", "quitté", True),
    ("Le procureur précise que la voiture a été « percutée à son tour ».", "percutée", True),
    # … but the saying is the teller's act, even where the quotation is left open before it
    (
        '"On nous renvoie vers Nantes, on va encore se retrouver coincés, a expliqué l\'un des "routiers".',
        "expliqué",
        True,
    ),
    # an allegation in the conditional is no news of the day
    ("Les gendarmes auraient interpellé deux suspects.", "interpellé", False),
    # a change that took its time is background
    ("Le maire a pris de plus en plus de place dans le parti.", "pris", False),
    ("Le quartier s'est peu à peu vidé de ses commerces.", "vidé", False),
    # a time counted from another event is not the paper's day
    ("Dans les jours qui ont suivi, les journaux se sont intéressés à son rôle.", "intéressés", False),
    # … and so is what has gone on since another event ("depuis que", "depuis qu'")
    ("La réforme a divisé la majorité depuis qu'elle a été présentée.", "divisé", False),
    ("Le village a beaucoup changé depuis que l'usine a fermé.", "changé", False),
    # … and so is a time counted back from another event ("quelques heures avant", "deux jours avant"); one
    # counted on from it may be the day's news
    ("Cet incident est survenu quelques heures avant la manifestation.", "survenu", False),
    ("Le suspect a remis les clés deux jours avant le cambriolage.", "remis", False),
    ("Deux mois après le scandale, le ministre s'est exprimé sur son départ.", "exprimé", True),
]


@pytest.mark.parametrize(
    ("text", "trigger", "dated"),
    PUBLICATION_ROWS,
    ids=[f"{i}-{row[1]}" for i, row in enumerate(PUBLICATION_ROWS)],
)
def test_publication_day_only_where_news_grammar_implies_it(
    analysed: Analyse, text: str, trigger: str, dated: bool
) -> None:
    events = analysed(text, SAT).events
    found = [e for e in events if e.trigger == trigger and e.anchoring is Anchoring.PUBLICATION]
    assert bool(found) == dated, [(e.trigger, e.anchoring) for e in events]
    assert all(e.resolved.value == SAT for e in found)


# (text, trigger, the date it inherits or None for no event): what continues the story and what does not
INHERIT_ROWS = [
    ("Le 3 mai, le maire a signé le contrat. Il a alors quitté la salle.", "quitté", "2022-05-03"),
    # a pronoun's "ainsi", "également" goes on with the day the sentence before told (cues.tsv continuing)
    (
        "« Nous sommes prêts », a déclaré le 3 mai le ministre. Il a ainsi justifié un calendrier prudent.",
        "justifié",
        "2022-05-03",
    ),
    ("Le 3 mai, le maire a signé le contrat. Il a également annoncé une aide.", "annoncé", "2022-05-03"),
    # … an incise of saying however the parse hangs it (here on the quoted clause)
    (
        'Après deux mois de travaux, "la route est rouverte", a constaté le 3 mai le maire. Il a ainsi salué '
        "les ouvriers.",
        "salué",
        "2022-05-03",
    ),
    # … not a present passive (a state), nor after a date of a clause inside the sentence before
    ("Le 3 mai, un arrêté a été publié. Il est aussi délivré aux ministres.", "délivré", None),
    (
        _LEAD
        + "La vidéo le montrant en train de frapper un passant le 1er mai a circulé, l'avocate a déposé "
        "une demande. Elle a notamment listé des produits.",
        "listé",
        None,
    ),
    # … not a subject named anew, nor after a sentence with no date
    (_LEAD + "Le 3 mai, le maire a signé le contrat. La région a également versé une aide.", "versé", None),
    # the lead goes on with the day its first date gives its news, just before the paper's (an event noun of
    # the main clause, or its verb), not with the paper's day
    (
        "La manifestation s'est terminée par des violences vendredi 9 septembre. La préfecture mentionne des "
        "dégâts. Les manifestants ont aussi incendié des barricades.",
        "incendié",
        "2022-09-09",
    ),
    (
        "Un cycliste a été renversé jeudi soir à Lyon. Il a été transporté à l'hôpital.",
        "transporté",
        "2022-09-08",
    ),
    # a reminder does not go on with the story (data/cues.tsv reminder)
    ("Le 3 mai, le maire a signé le contrat. Pour rappel, il a alors quitté le parti.", "quitté", None),
    # an event noun's date does not set the story's time ("la manifestation du 1er avril")
    (
        "Le 3 mai, le maire a été mis en examen pour la manifestation du 1er avril. Il a ensuite quitté "
        "la salle.",
        "quitté",
        "2022-05-03",
    ),
    # a clause goes on from its own voice's dates: the narrator's not from a quotation's, nor the reverse
    (
        _LEAD + "Le 6 mai, il a été élu. « Le 2 juin, nous avons perdu. » Il a ensuite quitté la salle.",
        "quitté",
        "2022-05-06",
    ),
    (
        _LEAD + "Le 6 mai, il a été élu. « Nous avons ensuite quitté la salle », a-t-il raconté.",
        "quitté",
        None,
    ),
    # the narrator's "ensuite" of an incise after a quotation places the saying, not what is said
    (
        _LEAD + "Le 6 mai, il a été élu. « J'ai mal réagi, mais je me suis défendu », précise-t-il ensuite.",
        "défendu",
        None,
    ),
    # the narrator's before it does: the quotation goes on from the narrator's day
    (
        _LEAD + "Le 6 mai, il a été élu. Il a ensuite confié : « Nous avons quitté la salle ».",
        "quitté",
        "2022-05-06",
    ),
    # a state goes on, it happens on no day
    (_LEAD + "Le 6 mai, il a été élu. Il aurait alors habité un appartement en ville.", "habité", None),
    (_LEAD + "Le 6 mai, il a été élu. Il a ensuite vécu à Lyon.", "vécu", None),
    # an allegation or a plan is no step of the story
    (_LEAD + "Le 6 mai, il a été élu. Il lui aurait alors expliqué son plan.", "expliqué", None),
    # a sentence opening with "Alors que" sets a backdrop: its "alors" is "while", not "then"
    (
        _LEAD + "Le 6 mai, il a été élu. Alors que les travaux se poursuivent, le maire a évoqué le dossier.",
        "évoqué",
        None,
    ),
    (_LEAD + "Le 6 mai, il a été élu. Le maire a alors évoqué le dossier.", "évoqué", "2022-05-06"),
]


@pytest.mark.parametrize(
    ("text", "trigger", "value"), INHERIT_ROWS, ids=[f"{i}-{row[1]}" for i, row in enumerate(INHERIT_ROWS)]
)
def test_inherited(analysed: Analyse, text: str, trigger: str, value: str | None) -> None:
    found = [(e.resolved.value, e.anchoring) for e in analysed(text, SAT).events if e.trigger == trigger]
    assert found == ([(value, Anchoring.INHERITED)] if value else []), found


_CONFIRMED = (
    "Sept établissements administrés par la Ville de Paris confirment, jeudi 8 septembre, qu'ils seront "
    "fermés : le Petit Palais et les Catacombes."
)
# (text, trigger, its row's date or None for no row): which predicate a date leads a row for
_TOO_EARLY = (
    "Le ministre a souligné qu'il était « trop tôt pour tirer des conclusions » sanitaires de la levée du "
    "confinement, le 5 septembre, même si la situation reste calme."
)
_ESTIMATED = (
    "L'agence indique qu'il « est estimé que 300 malades ont consulté un médecin » du 5 au 9 septembre."
)
LEADING_ROWS = [
    # a date heading its sentence frames the clause told, not the incise of saying at its end, wherever the
    # parse hangs it (a cleft "ce sont … qui" too); its direction is that clause's (SAT is a Saturday)
    (
        'Dès lundi, ce sont "plus de 50 écoles" qui se joindront au mouvement, a indiqué le syndicat.',
        "joindront",
        "2022-09-12",
    ),
    (
        'Dès lundi, ce sont "plus de 50 écoles" qui se joindront au mouvement, a indiqué le syndicat.',
        "indiqué",
        None,
    ),
    ("Le ministre a démissionné, a indiqué lundi le syndicat.", "indiqué", "2022-09-05"),
    # … a verb of saying with its subject before it is the main verb, no incise
    (
        "Lundi, un deuxième cas de grippe, un enfant de Lyon, a été annoncé par l'agence.",
        "annoncé",
        "2022-09-05",
    ),
    # an incise of saying right before the date: the date is the report's, not what it tells (a plan here)
    ("Le ministre devrait démissionner, rapporte Le Figaro, jeudi 8 septembre.", "démissionner", None),
    ("Le ministre devrait démissionner, rapporte Le Figaro, jeudi 8 septembre.", "rapporte", "2022-09-08"),
    ("Le ministre a démissionné jeudi 8 septembre, rapporte Le Figaro.", "démissionné", "2022-09-08"),
    # … but a newspaper relaying news told as done is no event: the news is, on the day of the report
    (
        "Deux hommes ont été interpellés dans l'enquête, rapporte RTL vendredi 9 septembre.",
        "interpellés",
        "2022-09-09",
    ),
    ("Deux hommes ont été interpellés dans l'enquête, rapporte RTL vendredi 9 septembre.", "rapporte", None),
    ("Le maire est visé par une enquête, a-t-on appris vendredi 9 septembre.", "visé", "2022-09-09"),
    # a date set apart by commas right after the phrase of an infinitive opening the sentence (an aim, "pour",
    # "afin de") dates the main clause it stands before, in that clause's tense; without the commas it stays
    # the infinitive's
    (
        "Pour justifier son absence, lundi 5 septembre, le ministre a évoqué un agenda chargé.",
        "évoqué",
        "2022-09-05",
    ),
    (
        "Pour justifier son absence, lundi 5 septembre, le ministre a évoqué un agenda chargé.",
        "justifier",
        None,
    ),
    ("Afin de rassurer les commerçants, mardi, la maire a annoncé un plan d'aide.", "annoncé", "2022-09-06"),
    (
        "Pour justifier son absence lundi 5 septembre, le ministre a évoqué un agenda.",
        "justifier",
        "2022-09-05",
    ),
    # a date set apart by commas right after a verb (its negation between) dates that verb's clause, not
    # another verb the parse hangs it on: no row of the forecast "aurons"
    (
        "« Nous aurons des cas possibles, mais il n'y a pas, aujourd'hui, de cas en France », a déclaré le "
        "ministre.",
        "aurons",
        None,
    ),
    (
        "Elle n'a jamais quitté son village puisqu'elle y épousa, le 3 septembre 1953, un voisin.",
        "épousa",
        "1953-09-03",
    ),
    # … a finite verb, or a participle with its finite auxiliary: not a bare participle describing a noun, nor
    # a gerund
    (
        "En l'absence de cas identifié, le 5 septembre, le commandement a pris la décision d'assouplir les "
        "règles.",
        "pris",
        "2022-09-05",
    ),
    (
        "Le président devrait donner un signal en recevant, lundi 12 septembre, les membres du conseil.",
        "recevant",
        None,
    ),
    # a date set apart by commas right after a verb of saying, before what it tells, dates the saying
    (_CONFIRMED, "confirment", "2022-09-08"),
    (_CONFIRMED, "fermés", None),  # a plan it reports has a day of its own
    # … and when the news has its own day, the relay's date is the relaying's, not the news's
    (
        "Une réunion mardi soir a tourné au pugilat, rapporte l'AFP ce vendredi 9 septembre.",
        "tourné",
        "2022-09-06TEV",
    ),
    (
        "Une réunion mardi soir a tourné au pugilat, rapporte l'AFP ce vendredi 9 septembre.",
        "rapporte",
        "2022-09-09",
    ),
    (
        "Une rencontre des élus mardi soir a tourné au pugilat, rapporte l'AFP ce vendredi 9 septembre.",
        "tourné",
        None,
    ),
    (
        "Une rencontre des élus mardi soir a tourné au pugilat, rapporte l'AFP ce vendredi 9 septembre.",
        "rapporte",
        "2022-09-09",
    ),
    # a date inside the clause a verb of saying reports dates what is told, not the telling
    ("Le témoin assure que le président était au courant le soir même.", "assure", None),
    ("Le témoin assure que le maire a signé le contrat le 3 mai.", "signé", "2022-05-03"),
    # … also where the narrator quotes the reported words and sets the date after the quotation
    (_ESTIMATED, "consulté", "2022-09-05/2022-09-09"),
    (_ESTIMATED, "indique", None),
    ("Le ministre affirme que les habitants « ont quitté le village » lundi.", "quitté", "2022-09-05"),
    ("Le ministre affirme que les habitants « ont quitté le village » lundi.", "affirme", None),
    # … only right after the closing mark: further on, the date is the narrator's words' (here the lifting's)
    (_TOO_EARLY, "tirer", None),
    # a date set apart after the main verb, closing a phrase that completes a noun, is the event noun's up its
    # complements, however many stand last ("… de la levée du confinement de la population, le 5 septembre")
    (
        "Le ministre a souligné qu'il était trop tôt pour tirer des conclusions de la levée partielle du "
        "confinement de la population, le 5 septembre, même si la situation reste calme.",
        "levée",
        "2022-09-05",
    ),
    (
        "Le ministre a souligné qu'il était trop tôt pour tirer des conclusions de la levée partielle du "
        "confinement de la population, le 5 septembre, même si la situation reste calme.",
        "souligné",
        None,
    ),
    # a date does not date across a quotation mark: inside it, the quotation's predicate
    ("Un coffre où il rangeait ses fusils : « Le 3 juin, mon voisin m'a appelé. »", "rangeait", None),
    ("Un coffre où il rangeait ses fusils : « Le 3 juin, mon voisin m'a appelé. »", "appelé", "2022-06-03"),
    ("Il a déclaré lundi : « Nous partirons. »", "déclaré", "2022-09-05"),
    # a quoted phrase with no verb is a name, not speech: the date outside it dates it
    ("« L'attaque surprise » de lundi a échoué.", "attaque", "2022-09-05"),
    # a date closing a phrase set apart before the main clause dates that clause, whatever noun of the phrase
    # the parse hangs it on
    (
        "Invité du journal de 20 heures lundi 5 septembre, le ministre a annoncé un durcissement des règles.",
        "annoncé",
        "2022-09-05",
    ),
    (
        "La confirmation de seize nouveaux cas, samedi 3 septembre, a incité le ministre à agir.",
        "incité",
        "2022-09-03",
    ),
    ("Sur RTL mercredi matin, le ministre a trouvé ces réactions ignobles.", "trouvé", "2022-09-07TMO"),
    # … unless the phrase places the clause relative to the date, or the date is someone's word's
    ("Après la réouverture des parcs jeudi 8 septembre, les plages ont rouvert.", "rouvert", None),
    ("Depuis le début du mouvement le 3 septembre, dix manifestants ont été blessés.", "blessés", None),
    ("Selon la ministre ce lundi 5 septembre, le commandement a eu une confiance excessive.", "eu", None),
    # a date set apart at the end of its sentence dates the clause, whatever noun the parse hangs it on
    ("Le maire a dîné avec les familles sinistrées, lundi 5 septembre.", "dîné", "2022-09-05"),
    (
        "Le ministre s'est entretenu avec les représentants des entreprises touchées, lundi 5 septembre.",
        "entretenu",
        "2022-09-05",
    ),
]


# A date that opens its line before a colon heads a chronology entry: the entry's first verb, else the noun
# that heads it, is what happened that day (a line of "les dates clés" has often no verb).
CHRONOLOGY_ROWS = [
    ("15 mars 2011 : début de la révolte à Deraa.", "début", "2011-03-15"),
    ("Le 3 mai : manifestation à Paris contre la réforme.", "manifestation", "2022-05-03"),
    ("- 22 décembre 2016 : le régime reprend le contrôle d'Alep.", "reprend", "2016-12-22"),
    ("Mercredi 7 septembre 18h30 : le préfet prend la parole.", "prend", "2022-09-07T18:30"),
    # a date that does not open its line is no entry's: a noun that names no event makes no row
    ("Le bilan du 3 mai : trois blessés.", "bilan", None),
]


@pytest.mark.parametrize(
    ("text", "trigger", "value"),
    LEADING_ROWS + CHRONOLOGY_ROWS,
    ids=[f"{i}-{row[1]}" for i, row in enumerate(LEADING_ROWS + CHRONOLOGY_ROWS)],
)
def test_leading_predicate(analysed: Analyse, text: str, trigger: str, value: str | None) -> None:
    found = [e.resolved.value for e in analysed(text, SAT).events if e.trigger == trigger]
    assert found == ([value] if value else []), [
        (e.trigger, e.resolved.value) for e in analysed(text, SAT).events
    ]


_HEARING = "Le juge a entendu les témoins mardi. "
STORY_TIME_ROWS = [
    # (text, trigger, value, anchoring): the trigger's first mention (what `chronique tag` gives); None: any
    # the pronominal passé composé the model reads as an adjective ("se sont mariés") is a dated predicate
    ("Ils se sont mariés le 3 mai 1990 à Nancy.", "mariés", "1990-05-03", Anchoring.DIRECT),
    # a headline's predicate, retold with a date by the lead, is that event
    (
        "Trois cambrioleurs arrêtés à Lyon.\nTrois cambrioleurs ont été arrêtés jeudi à Lyon par la police.",
        "arrêtés",
        "2022-09-08",
        Anchoring.INHERITED,
    ),
    # a plus-que-parfait's date is a step back: the next passé composé goes on from the story's date …
    (
        _HEARING + "L'accusé avait avoué le 2 mars. Le procureur a alors requis dix ans de prison.",
        "requis",
        "2022-09-06",
        Anchoring.INHERITED,
    ),
    (
        _HEARING + "L'accusé avait avoué le 2 mars. Le procureur réclame dix ans.",
        "réclame",
        "2022-09-06",
        None,
    ),
    # … and so is a past infinitive's ("accusé d'avoir volé")
    (
        _HEARING + "Il est accusé d'avoir volé une voiture en mars. Le procureur réclame dix ans.",
        "réclame",
        "2022-09-06",
        None,
    ),
    # a clock time completing a day ("mardi vers 21 h 45", "vendredi à 20 h") is the date of that day's event
    ("Le blessé a été transporté mardi vers 21 h 45 à l'hôpital.", "transporté", "2022-09-06T21:45", None),
    ("Le concert commencera vendredi à 20 h au stade.", "commencera", "2022-09-16T20:00", Anchoring.DIRECT),
    # … and so does a clock time a comma and "à", "vers" join to the day before, whatever that day describes
    (
        "Le 5 septembre, le maire a présenté le débat lancé le 1er septembre, vers 15 h, devant les élus.",
        "lancé",
        "2022-09-01T15:00",
        None,
    ),
    (
        "Le maire a présenté lundi le film tourné le 1er septembre, à 12 h 59, par un passant.",
        "film",
        "2022-09-01T12:59",
        None,
    ),
    # … but a clock time of another clause is that clause's
    (
        "Le blessé a été transporté mardi à l'hôpital, où il est mort vers 23 h.",
        "transporté",
        "2022-09-06",
        None,
    ),
    # … and so are the infinitives a past infinitive governs ("d'avoir tenté de faire sauter en mars")
    (
        _HEARING + "La salle était comble. Il est accusé d'avoir tenté de faire sauter un pont en mars. "
        "Le procureur a requis dix ans, alors que la défense plaide la relaxe.",
        "requis",
        "2022-09-06",
        None,
    ),
    # … while a plus-que-parfait that follows goes on with the step back
    (_HEARING + "L'accusé avait avoué le 2 mars. Il avait ensuite fui.", "fui", "2022-03-02", None),
    # a participle describing a noun, whatever label the parse gives it, does not move the story's day: a
    # clock time after it is the paper's day's
    (
        "Les policiers ont dispersé les manifestants, malgré l'interdiction formulée vendredi par la "
        "préfecture. Vers 11h30, des heurts ont été signalés.",
        "signalés",
        "2022-09-10T11:30",
        Anchoring.DIRECT,
    ),
]


@pytest.mark.parametrize(
    ("text", "trigger", "value", "anchoring"),
    STORY_TIME_ROWS,
    ids=[f"{i}-{row[1]}" for i, row in enumerate(STORY_TIME_ROWS)],
)
def test_story_time(
    analysed: Analyse, text: str, trigger: str, value: str, anchoring: Anchoring | None
) -> None:
    result = analysed(text, SAT)
    found = [(e.resolved.value, e.anchoring) for e in result.mentions if e.trigger == trigger]
    assert found, [e.trigger for e in result.mentions]
    assert found[0][0] == value
    if anchoring is not None:
        assert found[0][1] is anchoring


LOCUTION_ROWS = [
    # (sentence, published, the event's trigger, its date): a date after a locution ("en place", "en
    # examen", "en garde à vue") dates the verb, not the noun of the locution
    ("Une riposte s'est mise en place samedi à Paris.", "2018-12-03", "mise", "2018-12-01"),
    ("Il a été mis en examen vendredi pour violences.", "2018-12-03", "mis", "2018-11-30"),
]


@pytest.mark.parametrize("case", LOCUTION_ROWS, ids=[row[0][:40] for row in LOCUTION_ROWS])
def test_a_locution_is_part_of_its_verb(analysed: Analyse, case: tuple[str, str, str, str]) -> None:
    text, published, trigger, value = case
    dated = {e.trigger: e.resolved.value for e in analysed(text, published).events}
    assert dated.get(trigger) == value, dated


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        # "aujourd'hui" with a state or a generic present is "these days": no row
        ("AUjourd'hui, on se rend compte qu'il y a une tension terrible lors des manifestations.", []),
        ("Mais aujourd'hui, il y a beaucoup plus de colère, estime-t-il.", []),
        ("Les radicaux sont plus nombreux aujourd'hui parmi les manifestants.", []),
        ("Aujourd'hui, je sais que c'est lui.", []),
        ("Un bureau de tabac sur deux est aujourd'hui fermé.", []),
        # a wish or a fear in the present is a state of mind
        ("L'opinion veut aujourd'hui voir en elle une ministre prudente.", []),
        ("La journaliste regrette aujourd'hui ses propos.", []),
        # a state with a figure is a tally these days, whatever form the lemmatizer leaves ("compte" for
        # "compter"); with no figure OrangeSum dates it ("il reste aujourd'hui peu de place")
        ("Créée en 2020, la page compte aujourd'hui 1 200 membres.", [("Créée", "2020")]),
        # a past participle alone is a state ("Aujourd'hui mis en examen"), unless of motion ("Arrivé …")
        ("Aujourd'hui mis en examen, l'ancien collaborateur reconnaît une erreur.", []),
        ("L'épidémie, aujourd'hui jugée sous contrôle par les experts, recule.", []),
        ("Arrivé aujourd'hui à Lyon, le ministre a visité l'usine.", [("Arrivé", SAT)]),
        # a relative clause in the present describes its noun these days
        ("Le maire veut réparer les vélos qui dorment aujourd'hui dans des caves.", []),
        ("Le retard tient à l'incertitude qui entoure aujourd'hui la date du scrutin.", []),
        # an act told in the present or the passé composé is the day's news
        ("Elle va aujourd'hui plus loin, dans une interview au Parisien.", [("va", SAT)]),
        ("Le conseil municipal se réunit aujourd'hui à Lyon.", [("réunit", SAT)]),
        ("Le ministre a annoncé aujourd'hui sa démission.", [("annoncé", SAT)]),
        # "Aujourd'hui," set apart at the head of its sentence sets now against what the text told before,
        # whatever the tense; without the comma the day's news may open on it
        ("Aujourd'hui, la militante a pris ses distances avec le mouvement.", []),
        ("Aujourd'hui, les Français ont peu préparé leurs voyages.", []),
        ("Aujourd'hui le ministre a annoncé sa démission.", [("annoncé", SAT)]),
    ],
)
def test_nowadays_is_no_day(analysed: Analyse, text: str, rows: list[tuple[str, str]]) -> None:
    assert dated_rows(analysed, text) == rows


# What is done as a rule happens on no one day: a present or an imperfect with a bare weekday after "le", or a
# word of habit in the sentence. A compound past or a weekday with its number tells one day.
HABIT_ROWS = [
    ("Les commerçants qui travaillent le samedi ne manifestent pas.", []),
    ("Le marché ouvre le dimanche sur la place de la mairie.", []),
    ("Il venait le samedi voir ses parents.", []),
    ("En général, le maire quitte la mairie vers 16h00.", []),
    ("D'habitude, la préfecture publie ses chiffres à 20 heures.", []),
    ("Le préfet a visité samedi la mairie.", [("visité", "2022-09-10")]),
    # a word of habit that describes a noun tells no habit of the clause
    (
        "Comme le révélait Le Parisien samedi, un avion d'ordinaire réservé à l'armée a été réquisitionné.",
        [("révélait", SAT)],
    ),
    ("Le marché ouvre le samedi 17 septembre.", [("ouvre", "2022-09-17")]),
    ("Le préfet a publié les chiffres vers 16h00.", [("publié", "2022-09-10T16:00")]),
]


@pytest.mark.parametrize(("text", "rows"), HABIT_ROWS)
def test_a_habit_dates_no_row(analysed: Analyse, text: str, rows: list[tuple[str, str]]) -> None:
    assert dated_rows(analysed, text) == rows


# A direct quotation's present or imperfect is the speaker's state, opinion or habit: no row on a day up to
# the paper's; one dated ahead is a plan. Its compound past, plus-que-parfait and future are told as any
# other.
QUOTED_NOW_ROWS = [
    ("« Ce soir, j'ai un sentiment de colère », a commenté le maire.", []),
    # a state of mind dated ahead is no plan: the day is another clause's (data/verbs.tsv cognition_verbs)
    (
        "« Voyons-nous demain soir, je trouve cette idée très bonne », a écrit un militant.",
        [("écrit", "2019-03-12", "asserted")],
    ),
    # … also where the quotation runs on past its sentence
    ("Il a répondu : « Voyons-nous demain soir, je trouve cette idée très bonne. Nous verrons. »", []),
    ("« Lundi, j'étais à la manifestation », a raconté Paul.", []),
    ("« Aujourd'hui, je suis inquiète pour mes enfants », a confié une mère.", []),
    (
        "« Je suis passée à midi devant la mairie », a raconté une voisine.",
        [("passée", "2019-03-12T12:00", "reported")],
    ),
    (
        "« Nous manifestons samedi à Paris », a annoncé l'organisateur.",
        [("manifestons", "2019-03-16", "planned")],
    ),
    (
        "« Ils m'attendent demain matin au commissariat », a-t-il dit.",
        [("attendent", "2019-03-13TMO", "planned")],
    ),
    (
        "« Le 3 mars, la police m'a arrêté devant chez moi », a expliqué le manifestant.",
        [("arrêté", "2019-03-03", "reported")],
    ),
    (
        "« On va vivre la même saison que l'an dernier », s'inquiète un supporter.",
        [("vivre", "2018", "planned")],
    ),
    # a mark left open is no quotation: the narrator's present goes on, and a quote that opens closes nothing
    (
        'Le chef de l\'État a parlé d\'une "crise. Le 11 mars, il lance un "grand débat" à Paris.',
        [("parlé", "2019-03-12", "asserted"), ("lance", "2019-03-11", "asserted")],
    ),
    (
        'Le 2 mars, le chanteur annule son concert. Il reste à "son hôtel. Vers 23 heures, il appelle SOS.',
        [("annule", "2019-03-02", "asserted"), ("appelle", "2019-03-02T23:00", "asserted")],
    ),
    ("« Lundi, j'avais prévenu le préfet », a-t-il dit.", [("prévenu", "2019-03-11", "reported")]),
    (
        "« Samedi, nous défilerons à Paris », a promis l'organisateur.",
        [("défilerons", "2019-03-16", "planned")],
    ),
]


# A present for a day still to come tells what is planned, not a thing done ("La grève commence jeudi");
# for a day past it is the narrator's present, a fact.
PRESENT_AHEAD_ROWS = [
    ("La grève commence jeudi dans les transports.", [("commence", "2019-03-14", "planned")]),
    ("Le ministre se rend demain à Lyon.", [("rend", "2019-03-13", "planned")]),
    ("Le musée est fermé samedi pour travaux.", [("fermé", "2019-03-16", "planned")]),
    ("Le 2 mars, le chanteur annule son concert.", [("annule", "2019-03-02", "asserted")]),
    # an event noun or an infinitive after the paper's day names what is still to happen, whatever the tense
    # of the verb above it; for a day past it is a thing done
    (
        "Le préfet fera jeudi un point sur la préparation de la manifestation du 23 mars.",
        [("fera", "2019-03-14", "planned"), ("manifestation", "2019-03-23", "planned")],
    ),
    ("Le ministre a demandé au préfet de se rendre sur place jeudi.", [("rendre", "2019-03-14", "planned")]),
    (
        "La manifestation de samedi a rassemblé 3.000 personnes.",
        [("manifestation", "2019-03-09", "asserted")],
    ),
    # the object of a verb of planning names what is planned (data/modality.tsv planning_verb); for a day past
    # it was done
    (
        "La page prévoyait un rassemblement samedi 16 mars à 13h.",
        [("rassemblement", "2019-03-16T13:00", "planned")],
    ),
    (
        "Les gilets jaunes préparent un rassemblement samedi 16 mars à Paris.",
        [("rassemblement", "2019-03-16", "planned")],
    ),
    (
        "Les gilets jaunes ont préparé un rassemblement samedi 9 mars à Paris.",
        [("rassemblement", "2019-03-09", "asserted")],
    ),
]


@pytest.mark.parametrize(("text", "rows"), PRESENT_AHEAD_ROWS)
def test_a_present_ahead_is_a_plan(analysed: Analyse, text: str, rows: list[tuple[str, str, str]]) -> None:
    events = analysed(text, "2019-03-12").events  # a Tuesday
    assert [(e.trigger, e.resolved.value, str(e.modality)) for e in events] == rows


@pytest.mark.parametrize(("text", "rows"), QUOTED_NOW_ROWS)
def test_a_quotations_present_is_the_speakers_now(
    analysed: Analyse, text: str, rows: list[tuple[str, str, str]]
) -> None:
    events = analysed(text, "2019-03-12").events  # a Tuesday
    assert [(e.trigger, e.resolved.value, e.modality.value) for e in events] == rows


# (text, rows): a quotation's future for a period that holds the paper's day is the speaker's forecast, no
# row; a day is a plan's, and so is the narrator's future
FORECAST_ROWS = [
    ("« Cette année, il y aura des milliers de morts », a estimé le médecin.", []),
    ("« Ce mois-ci, la grippe fera des milliers de morts », a estimé le médecin.", []),
    # the "partir" of "à partir de" is no verb: the date goes to the speaker's "nous allons", now
    ("« A partir d'aujourd'hui, nous allons entrer dans une période plus calme », a estimé le maire.", []),
    (
        "« Samedi, nous défilerons à Paris », a promis l'organisateur.",
        [("défilerons", "2019-03-16", "planned")],
    ),
    (
        "Le gouvernement présentera cette année une réforme des retraites.",
        [("présentera", "2019", "planned")],
    ),
]


@pytest.mark.parametrize(("text", "rows"), FORECAST_ROWS)
def test_a_quotations_forecast_is_no_row(
    analysed: Analyse, text: str, rows: list[tuple[str, str, str]]
) -> None:
    events = analysed(text, "2019-03-12").events
    assert [(e.trigger, e.resolved.value, e.modality.value) for e in events] == rows


def test_a_date_after_du_dates_the_noun_it_completes(analysed: Analyse) -> None:
    # the parse hangs "16-17 novembre" on "attends": the date is the mobilisation's, not the waiting's
    text = (
        "« J'attends avec impatience le week-end de mobilisation du 16-17 novembre, et aussi la grève du "
        "5 décembre », confie-t-il."
    )
    rows = [(e.trigger, e.resolved.value) for e in analysed(text, "2019-11-17").events]
    assert rows == [("mobilisation", "2019-11-16/2019-11-17"), ("grève", "2019-12-05")]


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        # a count on a day, "être" with a number: the day's turnout
        (
            "Ils étaient 40 500 sur tout le territoire lors de l'acte 19, samedi 23 mars.",
            [("500", "2019-03-23")],
        ),
        ("Ils étaient 282.000 le 17 novembre.", [("282.000", "2018-11-17")]),
        # a number that counts a noun is no predicate
        ("Les 500 manifestants ont défilé samedi 23 mars.", [("défilé", "2019-03-23")]),
    ],
)
def test_a_count_on_a_day_is_a_row(analysed: Analyse, text: str, rows: list[tuple[str, str]]) -> None:
    assert [(e.trigger, e.resolved.value) for e in analysed(text, "2019-03-29").events] == rows


def test_two_finite_auxiliaries_are_no_passe_compose(analysed: Analyse) -> None:
    # "c'est là que sont ancrés": a cleft read as two auxiliaries of one participle; a present passive, a
    # state, is no news of the day, announced or not
    text = (
        "« Les débats auront lieu dans les territoires car c'est là que sont ancrés les manifestants », "
        "a-t-il ajouté."
    )
    assert "ancrés" not in [e.trigger for e in analysed(text, SAT).events]


def test_a_describing_participle_passes_the_date_up(analysed: Analyse) -> None:
    # "surplombant la Seine" tells what the footbridge is like: the date is the blows'
    text = (
        "Il a été condamné pour avoir asséné des coups à un gendarme sur une passerelle surplombant la Seine "
        "le 5 septembre."
    )
    triggers = {e.trigger: e.resolved.value for e in analysed(text, SAT).events}
    assert "surplombant" not in triggers
    assert triggers.get("asséné") == "2022-09-05"


@pytest.mark.parametrize(
    ("word", "describing"),
    [
        ("surplombant", True),  # a present participle: what the noun is like
        ("portant", True),
        ("déconfinement", False),  # a noun the tagger may read as a participle: it ends in -ment, not -ant
        ("rassemblement", False),
    ],
)
def test_a_describing_participle_ends_in_ant(word: str, describing: bool) -> None:
    doc = Doc(
        Vocab(),
        words=["une", "passerelle", word, "la", "Seine"],
        pos=["DET", "NOUN", "VERB", "DET", "PROPN"],
        deps=["det", "ROOT", "acl", "det", "obj"],
        heads=[1, 1, 1, 4, 2],
        morphs=["", "", "Tense=Pres|VerbForm=Part", "", ""],
    )
    assert is_describing_participle(doc[2]) is describing


def test_a_date_after_du_completes_the_nearest_noun_only(analysed: Analyse) -> None:
    # "la mesure du 3 septembre" is the poll the fall is measured against, not the fall's day
    text = (
        "53 % des sondés approuvent le mouvement, soit une baisse de 8 points par rapport à la mesure du 3 "
        "septembre."
    )
    assert "baisse" not in [e.trigger for e in analysed(text, SAT).events]


def test_a_year_after_a_noun_is_that_noun_s(analysed: Analyse) -> None:
    # "le projet de budget 2023" names the budget: the year is no day of the withdrawal
    events = analysed("Le gouvernement a sorti mercredi la taxe du projet de budget 2023.", SAT).events
    assert [(e.trigger, e.resolved.value) for e in events] == [("sorti", "2022-09-07")]
    # alone, it dates nothing (it was the year of the withdrawal)
    assert analysed("Le gouvernement a sorti la taxe du projet de budget 2023.", SAT).events == ()
    # nor does a year joined to it ("les lois de finances 2021 et 2022")
    text = "Les économistes ont intégré les mesures prévues par les lois de finances 2021 et 2022."
    assert analysed(text, SAT).events == ()


CHRONICLE_ROWS = [
    # (published, text, trigger, value): a date that opens its sentence before a comma, its clause in the
    # present, is a chronology's entry: a day ahead only within a month (a schedule), else the day gone by
    ("2022-12-29", "Le 16 mars, une flambée de violences coûte son poste au préfet.", "coûte", "2022-03-16"),
    ("2022-12-29", "Le 1er mai, le ministre évoque à tort une attaque de l'hôpital.", "évoque", "2022-05-01"),
    ("2022-09-02", "Le 12 septembre, le procès s'ouvre devant la cour d'assises.", "ouvre", "2022-09-12"),
    # not fronted: a present with a day far ahead is the plan it tells
    (
        "2022-04-28",
        "Le ministre repousse la fin de l'état d'urgence au 25 juillet.",
        "repousse",
        "2022-07-25",
    ),
]


@pytest.mark.parametrize(("published", "text", "trigger", "value"), CHRONICLE_ROWS)
def test_a_chronology_entry_in_the_present(
    analysed: Analyse, published: str, text: str, trigger: str, value: str
) -> None:
    event = _by_trigger(analysed("Retour sur l'année. " + text, published).mentions, trigger)
    assert event.resolved.value == value
