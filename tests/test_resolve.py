"""Table-driven rows of French: a sentence, its publication date, a time expression and its value.

Every value was worked out by hand from a calendar (10 September 2022 is a Saturday; Easter 2022 was
17 April, Easter 2023 9 April).
"""

from __future__ import annotations

import datetime as dt

import pytest

from chronique.calendar import nth_weekday
from chronique.model import Direction, Relation
from chronique.resolve import year_less_day
from tests.conftest import Analyse

SAT = "2022-09-10"

ROWS = [
    # weekdays: the governing verb's tense gives the direction; the publication weekday is the publication day
    ("Il est arrivé mardi à Paris.", SAT, "mardi", "2022-09-06"),
    ("Il arrivait mardi à Paris.", SAT, "mardi", "2022-09-06"),
    ("Il arriva lundi à Rome.", SAT, "lundi", "2022-09-05"),
    # a conditional the tagger reads as an imperfect is a future in the past; an imperfect stays past
    ("La ministre a annoncé qu'elle irait mardi à Lyon.", SAT, "mardi", "2022-09-13"),
    # a day of a thing put off or brought forward was still to come: the nearest (5 Dec. 2018: a Wednesday)
    (
        "Les rencontres de samedi ont été reportées, a annoncé mardi la Ligue.",
        "2018-12-05",
        "samedi",
        "2018-12-08",
    ),
    ("Le match de dimanche a été avancé à 15 heures.", "2018-12-06", "dimanche", "2018-12-09"),
    ("Le match de samedi a été remporté par Lyon.", "2018-12-05", "samedi", "2018-12-01"),
    ("Le maire a promis qu'il recevrait mardi les familles.", SAT, "mardi", "2022-09-13"),
    ("Le ministre a dit qu'il annoncerait mardi ses mesures.", SAT, "mardi", "2022-09-13"),
    ("La ministre allait mardi à Lyon.", SAT, "mardi", "2022-09-06"),
    ("Le maire recevait mardi les familles.", SAT, "mardi", "2022-09-06"),
    ("Il arrivera mardi à Paris.", SAT, "mardi", "2022-09-13"),
    ("Il va arriver mardi à Paris.", SAT, "mardi", "2022-09-13"),
    ("Le conseil municipal se réunit mardi.", SAT, "mardi", "2022-09-13"),
    ("Il est arrivé jeudi dernier.", SAT, "jeudi dernier", "2022-09-08"),
    ("Il viendra jeudi prochain.", SAT, "jeudi prochain", "2022-09-15"),
    ("Ce jeudi, le conseil s'est réuni.", SAT, "Ce jeudi", "2022-09-08"),
    ("Il est arrivé samedi.", SAT, "samedi", "2022-09-10"),
    ("Il arrivera samedi.", SAT, "samedi", "2022-09-10"),
    ("Le maire a été élu lundi soir.", SAT, "lundi soir", "2022-09-05TEV"),
    # a year-less day told in the past within the coming month is that day (a plan), unless the past is fixed
    ("La CGT a appelé au blocage des raffineries le 7 janvier.", "2020-01-02", "le 7 janvier", "2020-01-07"),
    ("Le Premier ministre a présenté un plan à partir du 11 mai.", "2020-04-28", "11 mai", "2020-05-11"),
    ("Dix personnes sont mortes depuis le 17 novembre.", "2019-11-07", "le 17 novembre", "2018-11-17"),
    ("Le 7 janvier, la CGT a appelé au blocage des raffineries.", "2020-01-02", "Le 7 janvier", "2019-01-07"),
    # after "à partir du", "dès le" (the start of a measure) up to two months ahead; without them a month
    ("Le parc a ouvert les réservations à partir du 15 juillet.", "2020-05-15", "15 juillet", "2020-07-15"),
    ("Le parc a été fermé le 15 juillet.", "2020-05-15", "le 15 juillet", "2019-07-15"),
    (
        "La cour a condamné quatre hooligans pour le lynchage du gendarme, le 21 juin à Lens.",
        "1999-05-27",
        "le 21 juin",
        "1998-06-21",
    ),
    # a passive of the future, whatever the parse labels its "être" (a copula when a date opens the sentence)
    ("Le 20 septembre, les croisières seront de nouveau autorisées.", SAT, "Le 20 septembre", "2022-09-20"),
    ("Le 5 septembre, les croisières ont été de nouveau autorisées.", SAT, "Le 5 septembre", "2022-09-05"),
    ("Ils peuvent rêver du titre dimanche.", "2003-01-15", "dimanche", "2003-01-19"),
    # direction (announcements, previews): the whole clause points the weekday, a plan told in the past
    # ("devait", "qui devait se tenir") and a clause with no tense take the nearest such day
    ("Les ministres se réunissent jeudi à Bruxelles.", SAT, "jeudi", "2022-09-15"),
    ("On va être dès lundi en service normal.", SAT, "lundi", "2022-09-12"),
    ("Il devait être reçu mardi à l'Élysée.", SAT, "mardi", "2022-09-13"),
    ("Le sommet, qui devait se tenir lundi, a été reporté.", SAT, "lundi", "2022-09-12"),
    ("Il devait rentrer jeudi, il a été retenu.", SAT, "jeudi", "2022-09-08"),
    # "la fin de l'année" with no word to say which: told in the past early in a year, the last one's
    (
        "Il poursuit sa remontée après avoir touché son plus bas en fin d'année.",
        "2019-02-25",
        "fin d'année",
        "2018",
    ),
    ("Les travaux reprendront en début d'année.", "2019-11-25", "début d'année", "2020"),
    ("Le contrat sera signé à la fin de l'année.", "2019-02-25", "la fin de l'année", "2019"),
    # a plan's new day after "à", "au": the nearest ("a été repoussé au printemps" in December)
    ("Le festival a été repoussé au printemps.", "2018-12-06", "printemps", "2019-SP"),
    # a plan made in the past is for its own day: the nearest ("avait prévu d'augmenter cette prime en avril")
    ("Le gouvernement avait déjà prévu d'augmenter cette prime en avril.", "2018-12-04", "avril", "2019-04"),
    # a plan told by a passive in the imperfect is a plan told in the past too ("était prévue")
    ("Cette réunion était prévue mardi à Paris.", SAT, "mardi", "2022-09-13"),
    ("La course était programmée lundi.", SAT, "lundi", "2022-09-12"),
    # a day "pour" sets as a target: the nearest such day, whatever the verb's tense
    (
        "La ville redoute la manifestation, annoncée pour le 1er décembre.",
        "2018-11-29",
        "le 1er décembre",
        "2018-12-01",
    ),
    ("Ils ont été convoqués pour mardi.", SAT, "mardi", "2022-09-13"),
    # a passé composé whose participle the tagger read as a noun ("a bien défilé": chronique.nlp.Participles)
    (
        "Elle n'ira plus manifester, selon un communiqué, confirmant qu'elle a bien défilé samedi à Paris.",
        "2019-03-19",
        "samedi",
        "2019-03-16",
    ),
    # an imperfect the tagger read as a present ("se multipliaient": chronique.verb_forms)
    (
        "Dès dimanche, les appels à un Acte 6 se multipliaient sur Facebook.",
        "2018-12-17",
        "dimanche",
        "2018-12-16",
    ),
    # a meeting set ("donner rendez-vous") is dated by the meeting's day, ahead of the telling or not
    ("Ils ont donné rendez-vous samedi devant la mairie.", "2022-09-08", "samedi", "2022-09-10"),
    (
        "Des manifestations sont prévues samedi. Ils ont donné rendez-vous en début d'après-midi.",
        "2022-09-08",
        "début d'après-midi",
        "2022-09-10TAF",
    ),
    ("Récital d'orgue à Metz lundi.", SAT, "lundi", "2022-09-12"),
    ("Ce lundi, récital d'orgue à Metz.", SAT, "Ce lundi", "2022-09-05"),
    # a month after a year written in its sentence is in that year
    (
        "Deux ruptures en 97 : en janvier rue Saint-Dizier, en octobre rue de Metz.",
        "1999-07-29",
        "octobre",
        "1997-10",
    ),
    # direction (year-less dates): the sentence's year only within its phrase, never against the weekday
    ("Trois crues en 2019, deux cette année : le 4 mars et le 12 mai.", SAT, "le 4 mars", "2022-03-04"),
    (
        "Blessé dans un accident en 2008, il a été opéré mardi 2 juillet.",
        "2019-07-11",
        "mardi 2 juillet",
        "2019-07-02",
    ),
    (
        "Vainqueur du tournoi en 2013, elle a été opérée en février.",
        "2016-11-07",
        "février",
        "2016-02",
    ),
    # a weekday one day off the nearest year's date is a typo or a late edition: it does not send the date to
    # the year it fits (10 September 2022 is a Saturday, 10 September 2021 a Friday)
    (
        "Le maire a inauguré la médiathèque vendredi 10 septembre.",
        "2022-09-09",
        "vendredi 10 septembre",
        "2022-09-10",
    ),
    # a year-less date told in the past is the past one, even when the next one is nearer
    ("Le stade avait été évacué le 1er mai.", "2022-12-27", "le 1er mai", "2022-05-01"),
    # a word before the date can settle its direction whatever the verb
    ("Il est sans club depuis janvier.", "2002-09-13", "janvier", "2002-01"),
    (
        "Le gouvernement avait prolongé jusqu'au 13 août l'état d'urgence.",
        "2020-06-18",
        "13 août",
        "2020-08-13",
    ),
    # a date completing a noun in a past clause names that thing's date: a plan of the coming weeks …
    ("Les feux d'artifice du 4 juillet ont été annulés.", "2020-06-30", "4 juillet", "2020-07-04"),
    ("La grève du 12 mars a été votée par les enseignants.", "2022-02-20", "12 mars", "2022-03-12"),
    # … else the past one, even when the next is nearer (21 June 2022 is 189 days back, 2023's 176 ahead)
    (
        "Le supporter a été condamné pour les dégradations commises pendant la fête du 21 juin.",
        "2022-12-27",
        "21 juin",
        "2022-06-21",
    ),
    # … but a noun of the clause's subject is no thing the clause tells: the nearest (64 days ahead)
    (
        "Le porte-parole de la liste pour les municipales du 15 mars a annoncé son départ.",
        "2022-01-10",
        "15 mars",
        "2022-03-15",
    ),
    (
        "Après le vote en décembre du budget, les députés ont quitté l'hémicycle.",
        "2022-07-20",
        "décembre",
        "2021-12",
    ),
    # a past infinitive is past ("soupçonné d'avoir menti en novembre")
    ("Il est soupçonné d'avoir menti en novembre.", "2022-07-20", "novembre", "2021-11"),
    # … and so is an infinitive it governs (March 2022 and March 2023 are as near)
    ("Il est accusé d'avoir tenté de faire sauter un pont en mars.", SAT, "mars", "2022-03"),
    # counted from the last date the text named
    ("Le 3 mai, il a été arrêté. La veille, il avait fui.", SAT, "La veille", "2022-05-02"),
    ("Le 3 mai, il a été arrêté. Le lendemain, il a été libéré.", SAT, "Le lendemain", "2022-05-04"),
    ("Le 3 mai, il a été arrêté. L'avant-veille, il avait fui.", SAT, "L'avant-veille", "2022-05-01"),
    ("Le 3 mai, il a été arrêté. Le surlendemain, il a été libéré.", SAT, "Le surlendemain", "2022-05-05"),
    (
        "Le 3 mai, il a été arrêté. Deux jours plus tard, il a été libéré.",
        SAT,
        "Deux jours plus tard",
        "2022-05-05",
    ),
    (
        "Le 3 mai, il a été arrêté. Trois semaines plus tôt, il avait fui.",
        SAT,
        "Trois semaines plus tôt",
        "2022-04-12",
    ),
    ("Le 3 mai, le juge a ouvert l'audience à 14 h.", SAT, "14 h", "2022-05-03T14:00"),
    # direction (plans): a bare participle of planning names a plan, kept or not: the nearest date
    (
        "Initialement programmée le 5 avril, la course a été annulée.",
        "2020-08-12",
        "le 5 avril",
        "2020-04-05",
    ),
    (
        "Le semi-marathon, reprogrammé le 18 octobre, n'aura pas lieu.",
        "2020-08-12",
        "le 18 octobre",
        "2020-10-18",
    ),
    # direction (anaphoric days): an anaphor set beside a day by a comma is that day
    (
        "La Fifa a voté hier. Le même jour, le 2 décembre 2010, le Qatar a été choisi.",
        SAT,
        "Le même jour",
        "2010-12-02",
    ),
    (
        "Dimanche 4 septembre, au lendemain de la manifestation, il a reçu les syndicats. "
        "Deux jours plus tard, il a tranché.",
        SAT,
        "Deux jours plus tard",
        "2022-09-06",
    ),
    # direction (clock times and parts of day in a narrated day): the day just named, the morning after a
    # night, and not a day that only describes a noun
    ("Les mesures annoncées mardi midi n'ont pas convaincu.", SAT, "midi", "2022-09-06T12:00"),
    (
        "Dans la nuit de lundi à mardi, il a été hospitalisé. Il est mort à 3 h 20.",
        SAT,
        "3 h 20",
        "2022-09-06T03:20",
    ),
    (
        "Le 24 mars, il a passé la nuit chez un ami. En fin d'après-midi, il est reparti.",
        SAT,
        "fin d'après-midi",
        "2022-03-25TAF",
    ),
    (
        "Le débat, lancé le 15 janvier, continue. Dans la soirée, le ministre est arrivé.",
        SAT,
        "la soirée",
        "2022-09-10TEV",
    ),
    # counted from the publication date
    ("Il est arrivé hier.", SAT, "hier", "2022-09-09"),
    ("Il arrive aujourd'hui.", SAT, "aujourd'hui", "2022-09-10"),
    ("Il arrivera demain.", SAT, "demain", "2022-09-11"),
    ("Le ministre a parlé ce matin.", SAT, "ce matin", "2022-09-10TMO"),
    (
        "Des tirs ont été entendus cette nuit.",
        SAT,
        "cette nuit",
        "2022-09-09TNI",
    ),  # told in the past: the night just ended
    ("La semaine dernière, les prix ont flambé.", SAT, "La semaine dernière", "2022-W35"),
    ("Le mois dernier, le chômage a baissé.", SAT, "Le mois dernier", "2022-08"),
    ("L'an dernier, il avait gagné.", SAT, "L'an dernier", "2021"),
    ("L'année prochaine, il se représentera.", SAT, "L'année prochaine", "2023"),
    ("Il est arrivé il y a trois jours.", SAT, "il y a trois jours", "2022-09-07"),
    ("Elle est partie il y a deux semaines.", SAT, "il y a deux semaines", "2022-W34"),
    ("Le texte a été voté il y a un mois.", SAT, "il y a un mois", "2022-08"),
    ("Le verdict sera rendu dans deux semaines.", SAT, "dans deux semaines", "2022-W38"),
    # absolute dates with parts missing: the year from the tense, a bare month is a month
    ("Il est né le 3 mars.", SAT, "le 3 mars", "2022-03-03"),
    ("LE 1ER JUILLET, LES TARIFS ONT CHANGÉ.", SAT, "LE 1ER JUILLET", "2022-07-01"),
    ("Il viendra le 3 mars.", SAT, "le 3 mars", "2023-03-03"),
    ("La ville a été capturée en avril.", SAT, "avril", "2022-04"),
    ("Le chantier reprendra en avril.", SAT, "avril", "2023-04"),
    (
        "Le salon se tiendra les 10 et 11 décembre prochains.",
        SAT,
        "les 10 et 11 décembre prochains",
        "2022-12-10/2022-12-11",
    ),
    ("Le festival aura lieu du 3 au 5 mai.", SAT, "du 3 au 5 mai", "2023-05-03/2023-05-05"),
    ("Le chômage a baissé entre 2019 et 2021.", SAT, "entre 2019 et 2021", "2019/2021"),
    (
        "Les combats ont repris dans la nuit de vendredi à samedi.",
        SAT,
        "la nuit de vendredi à samedi",
        "2022-09-09/2022-09-10",
    ),
    ("La séance a repris à 14h30.", SAT, "14h30", "2022-09-10T14:30"),
    ("Le train est parti vers 8 heures.", SAT, "8 heures", "2022-09-10T08:00"),
    ("L'usine a fermé en 2019.", SAT, "2019", "2019"),
    ("La ville a beaucoup changé dans les années 1990.", SAT, "les années 1990", "199X"),
    ("Le PIB a reculé au premier trimestre.", SAT, "premier trimestre", "2022-Q1"),
    # fuzzy modifiers
    ("Il est parti début septembre.", SAT, "début septembre", "2022-09"),
    ("Les vacanciers sont rentrés mi-août.", SAT, "mi-août", "2022-08"),
    ("Le chantier avait commencé fin 2021.", SAT, "fin 2021", "2021"),
    # seasons and holidays
    ("Les élections auront lieu au printemps.", SAT, "printemps", "2023-SP"),
    ("La sécheresse a frappé cet été.", SAT, "cet été", "2022-SU"),
    ("Les soldes reprendront après Noël.", SAT, "Noël", "2022-12-25"),
    ("Le défilé a eu lieu le 14 juillet.", SAT, "le 14 juillet", "2022-07-14"),
    ("Le cimetière sera fleuri pour la Toussaint.", SAT, "la Toussaint", "2022-11-01"),
    ("Ils se sont retrouvés à Pâques.", SAT, "Pâques", "2022-04-17"),
    ("Ils se retrouveront à Pâques.", SAT, "Pâques", "2023-04-09"),
    # nights, week-ends, seasons: a night is placed by its morning; "ce week-end" by the day of the week
    (
        "Le bar a été incendié dans la nuit de vendredi à samedi.",
        SAT,
        "la nuit de vendredi à samedi",
        "2022-09-09/2022-09-10",
    ),
    (
        "Le vote aura lieu dans la nuit de vendredi à samedi.",
        "2022-09-09",
        "la nuit de vendredi à samedi",
        "2022-09-09/2022-09-10",
    ),
    (
        "Le vote devait s'achever dans la nuit de jeudi à vendredi.",
        "2022-09-09",
        "la nuit de jeudi à vendredi",
        "2022-09-08/2022-09-09",
    ),
    (
        "Un incendie a éclaté dans la nuit du 3 au 4 septembre.",
        SAT,
        "la nuit du 3 au 4 septembre",
        "2022-09-03/2022-09-04",
    ),
    ("Les pompiers sont intervenus dans la nuit.", SAT, "la nuit", "2022-09-09TNI"),
    ("Le gel est attendu cette nuit.", SAT, "cette nuit", "2022-09-10TNI"),
    ("Le tournoi se joue ce week-end.", "2022-09-07", "ce week-end", "2022-W36-WE"),
    ("Le tournoi a été joué ce week-end.", "2022-09-12", "ce week-end", "2022-W36-WE"),
    ("Le tournoi a été annulé ce week-end.", "2022-09-09", "ce week-end", "2022-W36-WE"),
    ("L'hiver dernier a été rude.", "2022-01-15", "L'hiver dernier", "2020-WI"),
    ("L'hiver dernier a été rude.", "2022-12-15", "L'hiver dernier", "2021-WI"),
    ("Il a été soigné il y a une semaine.", SAT, "il y a une semaine", "2022-W35"),
    (
        "Le 3 mai, il a été arrêté. Une semaine plus tard, il a été libéré.",
        SAT,
        "Une semaine plus tard",
        "2022-05-10",
    ),
]


# A historical present: a year-less date told in the present (or with no tense) once the story has come to
# a day more than a month before the publication is the first such after that day, when that one is not after
# the publication; otherwise the nearest, as a present's.
NARRATED_ROWS = [
    # a review of the year, written in December
    (
        "Amorcée fin 2021, la grève prend le 8 janvier un tournant. Le 14 mars, une manifestation réunit "
        "la ville. Le 2 mai, le préfet démissionne.",
        "2022-12-28",
        [("le 8 janvier", "2022-01-08"), ("Le 14 mars", "2022-03-14"), ("Le 2 mai", "2022-05-02")],
    ),
    # a review goes back to its themes: the next such day would be after the publication, the last one before
    (
        "Le 2 mai 2022, le préfet démissionne. Le 10 janvier, le maire lance une consultation.",
        "2022-12-28",
        [("Le 10 janvier", "2022-01-10")],
    ),
    # a portrait: where the story began, then what came after
    (
        "Tout a commencé le mardi 12 octobre 2021 par une vidéo. Elle fonde en janvier une association.",
        "2022-10-20",
        [("janvier", "2022-01")],
    ),
    # the story has come to a day near the publication: a present looks ahead, the nearest
    (
        "Le 12 septembre, le gouvernement a présenté la réforme. Elle entre en vigueur en janvier.",
        "2022-09-20",
        [("janvier", "2023-01")],
    ),
    # the first such after the story's day would be after the publication: the nearest
    (
        "Le 2 août, le gouvernement a présenté la réforme. Elle entre en vigueur en janvier.",
        "2022-10-20",
        [("janvier", "2023-01")],
    ),
    # a direct quotation's present is the speaker's now, not the narrator's historical present
    (
        "La vente avait ouvert le 10 mars. « Nous attendons le 2 juin pour connaître les règles », a dit "
        "le PDG.",
        "2020-05-15",
        [("le 2 juin", "2020-06-02")],
    ),
    # with no tense, the nearest ("une première fois au 18 octobre" after "programmée le 5 avril")
    (
        "La course, programmée le 5 avril, a été reportée. Une première fois au 18 octobre, puis au "
        "15 novembre.",
        "2020-08-12",
        [("18 octobre", "2020-10-18"), ("15 novembre", "2020-11-15")],
    ),
    # a year alone sets no point of the story ("depuis 2015": a present there is now)
    (
        "Depuis 2015, il dirige l'entreprise. Il présente en janvier son plan.",
        "2022-10-20",
        [("janvier", "2023-01")],
    ),
]


# An event's new day after a verb that moves it ("avancée au", "reporté au"), written without its year: before
# the old day (the last date named) when brought forward, after it when put off, whenever it was written.
MOVED_ROWS = [
    (
        "La mairie prévoyait de fermer la piscine au 1er septembre 2022. La date a été avancée au 1er juin.",
        "2022-11-20",
        [("1er juin", "2022-06-01")],
    ),
    (
        "Le 3 février, la préfecture a annoncé que la course était reportée au 15 mars.",
        "2022-02-04",
        [("15 mars", "2022-03-15")],
    ),
    (
        "Le 20 octobre, le club a annoncé que le match, prévu le 2 novembre, était repoussé au 10 janvier.",
        "2022-10-21",
        [("10 janvier", "2023-01-10")],
    ),
]


# A direct quotation's "hier", "demain", "aujourd'hui", "ce matin" count from the day it was spoken: the day
# the text tells when that is the eve of the publication (an evening dispatch printed the next morning);
# otherwise from the publication. 10 September 2022 is a Saturday: its eve Friday the 9th.
SPOKEN_ROWS = [
    (
        "Le maire a été réélu vendredi 9 septembre. « Je remercie ceux qui ont voté hier », a-t-il dit.",
        SAT,
        [("hier", "2022-09-08")],
    ),
    (
        "La neige est tombée vendredi sur les Pyrénées. « Revoilà la neige ce matin », a écrit "
        "Météo Pyrénées.",
        SAT,
        [("ce matin", "2022-09-09TMO")],
    ),
    (
        "L'Assemblée a annoncé un cas vendredi soir. « La buvette sera fermée demain », ajoute le "
        "communiqué.",
        SAT,
        [("demain", "2022-09-10")],
    ),
    # the text is on the publication day, or on a day further back: the publication's "hier"
    (
        "Le maire a été réélu samedi. « Je remercie ceux qui ont voté hier », a-t-il dit.",
        SAT,
        [("hier", "2022-09-09")],
    ),
    (
        "Le maire a été réélu mardi 6 septembre. « Nous avons fêté la victoire hier », a dit son adjoint.",
        SAT,
        [("hier", "2022-09-09")],
    ),
    # the sources spoke on the day of the last incise of saying, whatever day the story is on
    (
        "Le patient est mort vendredi 9 septembre, a annoncé samedi 10 septembre le ministère. "
        "« Il avait été testé hier », a précisé le directeur.",
        SAT,
        [("hier", "2022-09-09")],
    ),
    # a quotation over several sentences, closed by its mark, is one speaker's words all through
    (
        "Le club a prévenu ses joueurs vendredi soir. « Les joueurs sont informés. Le stade sera fermé "
        "demain », ajoute le communiqué.",
        SAT,
        [("demain", "2022-09-10")],
    ),
    (
        "Le maire a été réélu vendredi 9 septembre. « C'est une belle victoire. Je remercie ceux qui ont "
        "voté hier », a-t-il dit.",
        SAT,
        [("hier", "2022-09-08")],
    ),
    # the day of the interview a participle names is the day its guest spoke, whatever day the story is on
    (
        "Le ministre, invité mercredi 21 novembre sur RTL, est revenu sur la présence des manifestants "
        "sur le plateau la veille. « Hier, j'ai regardé l'émission. Elle était mauvaise », a-t-il dit.",
        "2018-11-21",
        [("Hier", "2018-11-20")],
    ),
    # … not one a paragraph break leaves open: more likely a quote mark misread
    (
        "Le maire a été réélu vendredi 9 septembre. « C'est une belle victoire. Je remercie ceux qui ont "
        "voté hier.\nLe conseil se réunira lundi.",
        SAT,
        [("hier", "2022-09-09")],
    ),
    # … nor a closing mark glued to a stop and read as opening: a review told in the historical present
    (
        'Le club a gagné vendredi 9 septembre. Le ministre regrette le mot "attaque".Hier, le président a '
        'lancé un "grand débat" et a parlé aux maires.',
        SAT,
        [("Hier", "2022-09-09")],
    ),
    # outside a quotation "hier" is the narrator's: the day before the publication
    (
        "Le maire a été réélu vendredi 9 septembre. Il a remercié hier ses électeurs.",
        SAT,
        [("hier", "2022-09-09")],
    ),
]


# The day of an incise of saying (the verb after what it reports, its subject after it) is the telling's, not
# a day the story comes to: a bare clock time after it stays on the story's day. 31 January 2018 is a
# Wednesday.
INCISE_ROWS = [
    (
        "Une fillette est morte dans la nuit de lundi à mardi, rapporte France Bleu, mercredi 31 janvier. "
        "Elle a été emmenée aux urgences à 3h20 du matin.",
        "2018-01-31",
        [("3h20 du matin", "2018-01-30T03:20")],
    ),
    (
        "Le club a gagné lundi 29 janvier, a annoncé mardi 30 janvier la Ligue. Vers 22 h, les supporters "
        "ont fêté la victoire.",
        "2018-01-31",
        [("22 h", "2018-01-29T22:00")],
    ),
    # the saying is the news, its subject before it: the story comes to its day
    (
        "Le ministre a annoncé mardi 30 janvier la fermeture des écoles. Vers 15 h, il s'est rendu à Lyon.",
        "2018-01-31",
        [("15 h", "2018-01-30T15:00")],
    ),
]


def values_of(analysed: Analyse, text: str, published: str) -> set[tuple[str, str]]:
    """The (expression, value) pairs of a text published on an ISO date."""
    return {(t.mention.text, t.resolved.value) for t in analysed(text, published).timexes}


# The tables of whole texts, by the rule each shows; every row's values must all be found
# A bare weekday in the sentence of a day written with its month, weeks back, is of that day's week (2 July
# 2019 is a Tuesday; the articles are of Thursday 11 July); not an incise's day, nor a day listed with it.
DATED_WEEK_ROWS = [
    (
        "Le médecin avait engagé mardi 2 juillet un arrêt des traitements, effectif depuis mercredi soir.",
        "2019-07-11",
        [("mercredi soir", "2019-07-03TEV")],
    ),
    (
        "Le chantier a commencé le lundi 1er juillet et la route a rouvert vendredi, avant les vacances.",
        "2019-07-11",
        [("vendredi", "2019-07-05")],
    ),
    (
        "Le contrat avait été signé le 2 juillet, a rappelé mercredi le ministre.",
        "2019-07-11",
        [("mercredi", "2019-07-10")],
    ),
    (
        "Deux canalisations ont cédé en moins de deux mois : le 6 juin rue Jeanne-d'Arc et mardi soir, "
        "boulevard Foch.",
        "2019-07-11",
        [("mardi soir", "2019-07-09TEV")],
    ),
    # … nor one in another clause than the date's
    (
        "Le musée, qui avait fermé ses portes le 14 mars, a retrouvé lundi ses visiteurs.",
        "2020-06-15",
        [("lundi", "2020-06-15")],
    ),
    (
        "Dans les communes où les conseils avaient été élus dès le 15 mars, les maires ont été investis "
        "samedi.",
        "2020-05-24",
        [("samedi", "2020-05-23")],
    ),
    (
        "Comme annoncé le 28 mai, les cinémas vont rouvrir lundi.",
        "2020-06-20",
        [("lundi", "2020-06-22")],
    ),
    # a day of this week: the weekday is the paper's, as elsewhere
    (
        "Le texte présenté le 8 juillet a été voté mercredi.",
        "2019-07-11",
        [("mercredi", "2019-07-10")],
    ),
]

# After an evening the story goes on to the next morning, as after a night; the first clock time of a range is
# on the day of the second when it comes earlier that day (30 October 2018 is a Tuesday, 24 August 1999 too).
EVENING_ROWS = [
    (
        "Un homme a été blessé lundi soir à Bastia. Vers 10h30, un hélicoptère a survolé l'île.",
        "2018-10-30",
        [("10h30", "2018-10-30T10:30")],
    ),
    (
        "Le club a gagné lundi soir à Lyon. Vers 23 h, les supporters ont fêté la victoire.",
        "2018-10-30",
        [("23 h", "2018-10-29T23:00")],
    ),
    (
        "Ils ont été interpellés mardi soir. Les vols ont été commis entre 0 h 30 et 4 h mardi.",
        "1999-08-27",
        [("0 h 30", "1999-08-24T00:30"), ("4 h mardi", "1999-08-24T04:00")],
    ),
]

# "depuis lundi" starts a stretch that runs up to where the text is: the story does not come to that day; a
# day counted from the anchor and told ahead counts from the last day named ahead (30 November 2017 is a
# Thursday).
STRETCH_ROWS = [
    (
        "Des chutes de neige ont été observées samedi 29 août. « On a perdu 20 degrés depuis vendredi », "
        "soulignent les prévisionnistes. « L'épisode devrait se terminer demain », a ajouté Météo Pyrénées.",
        "2020-08-30",
        [("demain", "2020-08-30")],
    ),
    (
        "Le trafic a repris samedi 29 août. Il était interrompu depuis jeudi. Vers 10 h, les premiers trains "
        "sont partis.",
        "2020-08-30",
        [("10 h", "2020-08-29T10:00")],
    ),
    (
        "« Je célébrerai la messe ce mercredi 6 décembre », a-t-il écrit mardi. Mercredi, il a précisé que "
        "l'intention s'insérera dans les autres ce jour-là.",
        "2017-11-30",
        [("ce jour-là", "2017-12-06")],
    ),
    (
        "La réunion aura lieu le 6 décembre. Le 28 novembre, le maire avait été élu. Ce jour-là, il avait "
        "remercié ses électeurs.",
        "2017-11-30",
        [("Ce jour-là", "2017-11-28")],
    ),
]

TEXT_TABLES = {
    "stretch": STRETCH_ROWS,
    "evening": EVENING_ROWS,
    "incise": INCISE_ROWS,
    "dated_week": DATED_WEEK_ROWS,
    "spoken": SPOKEN_ROWS,
    "moved": MOVED_ROWS,
    "narrated": NARRATED_ROWS,
}
TEXT_ROWS = [(name, *row) for name, table in TEXT_TABLES.items() for row in table]


@pytest.mark.parametrize(
    ("table", "text", "published", "values"), TEXT_ROWS, ids=[f"{r[0]}-{r[1][:40]}" for r in TEXT_ROWS]
)
def test_values_of_a_text(
    analysed: Analyse, table: str, text: str, published: str, values: list[tuple[str, str]]
) -> None:
    found = values_of(analysed, text, published)
    assert set(values) <= found, (table, sorted(found))


@pytest.mark.parametrize(("text", "published", "expression", "value"), ROWS, ids=[r[0] for r in ROWS])
def test_value(analysed: Analyse, text: str, published: str, expression: str, value: str) -> None:
    found = values_of(analysed, text, published)
    assert (expression, value) in found, sorted(found)


MODS = [
    ("Il est parti début septembre.", "début septembre", "START"),
    ("Les vacanciers sont rentrés mi-août.", "mi-août", "MID"),
    ("Le chantier avait commencé fin 2021.", "fin 2021", "END"),
    ("Le train est parti vers 8 heures.", "8 heures", "APPROX"),
]


@pytest.mark.parametrize(("text", "expression", "mod"), MODS, ids=[r[0] for r in MODS])
def test_modifier(analysed: Analyse, text: str, expression: str, mod: str) -> None:
    found = {(t.mention.text, t.resolved.mod) for t in analysed(text, SAT).timexes}
    assert (expression, mod) in found, sorted(found)


NOT_DATES = [
    ("La sonde a atterri sur Mars en douceur.", "Mars"),
    ("Avril Lavigne a chanté à Paris.", "Avril"),
    ("Selon France-Soir, le ministre a menti.", "Soir"),
    ("Il l'a confié à La Tribune Dimanche.", "Dimanche"),
    ("La boîte de nuit a été fermée.", "nuit"),
    ("La maison du Maine a brûlé.", "ai"),
    ("Il a 45 ans et 2000 personnes l'attendaient.", "2000"),
    ("Ils ont marché pendant trois jours.", "trois jours"),
]


@pytest.mark.parametrize(("text", "word"), NOT_DATES, ids=[r[0] for r in NOT_DATES])
def test_not_a_date(analysed: Analyse, text: str, word: str) -> None:
    dated = [t for t in analysed(text, SAT).timexes if t.resolved.type.value in {"DATE", "TIME"}]
    assert not any(word in t.mention.text for t in dated), [t.mention.text for t in dated]


YearRow = tuple[int, int, str, Direction, Relation | None, int | None, str]
# (month, day, published, direction, relation, weekday 1-7, the date): worked out from a calendar
# (8 February 2019 is a Friday, 9 February 2019 a Saturday, 9 February 2018 a Friday; 4 July 2022 is a Monday,
# 7 January 2022 a Friday, 7 January 2023 a Saturday; 1 May 2022 is a Sunday)
YEAR_ROWS: list[YearRow] = [
    # told in the past, one day after the publication: a late edition, not last year's Friday
    (2, 9, "2019-02-08", Direction.PAST, None, 5, "2019-02-09"),
    (2, 9, "2019-02-08", Direction.NONE, None, 5, "2019-02-09"),
    # told in the past, the past occurrence however near the next one is
    (5, 1, "2022-12-27", Direction.PAST, None, None, "2022-05-01"),
    # no tense: the nearest
    (5, 1, "2022-12-27", Direction.NONE, None, None, "2023-05-01"),
    # a future: the next one
    (3, 15, "2022-09-10", Direction.FUTURE, None, None, "2023-03-15"),
    # the late edition is the past's only: a future is not placed the day before
    (9, 9, "2022-09-10", Direction.FUTURE, None, None, "2023-09-09"),
    (9, 11, "2022-09-10", Direction.PAST, None, None, "2022-09-11"),
    # told in the past, within the coming month: that coming day (a plan the clause tells), not eleven months
    # back, which would have been written with its year; beyond a month, the past one
    (9, 12, "2022-09-10", Direction.PAST, None, None, "2022-09-12"),
    (1, 7, "2020-01-02", Direction.PAST, None, None, "2020-01-07"),
    (2, 1, "2020-01-02", Direction.PAST, None, None, "2020-02-01"),
    (2, 15, "2020-01-02", Direction.PAST, None, None, "2019-02-15"),
    # at comparable distances the weekday decides: a Saturday 7 January is 2023's …
    (1, 7, "2022-07-04", Direction.NONE, None, 6, "2023-01-07"),
    (1, 7, "2022-07-04", Direction.NONE, None, 5, "2022-01-07"),
    # … and a weekday that fits neither year leaves the nearest
    (1, 7, "2022-07-04", Direction.NONE, None, 1, "2022-01-07"),
    # "dernier": strictly before the publication, on the weekday written
    (2, 9, "2019-02-08", Direction.NONE, Relation.LAST, 5, "2018-02-09"),
]


# … unless a word ("depuis") or the date's place at the head of its sentence fixes the past
PAST_FIXED_ROWS: list[YearRow] = [
    (9, 12, "2022-09-10", Direction.PAST, None, None, "2021-09-12"),
    (1, 7, "2020-01-02", Direction.PAST, None, None, "2019-01-07"),
]


@pytest.mark.parametrize("row", PAST_FIXED_ROWS, ids=[f"{r[0]}-{r[1]}-{r[2]}" for r in PAST_FIXED_ROWS])
def test_a_fixed_past_is_not_the_coming_day(row: YearRow) -> None:
    month, day, published, direction, relation, weekday, value = row
    published_on = dt.date.fromisoformat(published)
    found = year_less_day(
        month, day, published_on, direction, relation=relation, weekday=weekday, past_fixed=True
    )
    assert found == dt.date.fromisoformat(value)


@pytest.mark.parametrize("row", YEAR_ROWS, ids=[f"{r[0]}-{r[1]}-{r[2]}-{r[3]}-{r[5]}" for r in YEAR_ROWS])
def test_year_of_a_year_less_date(row: YearRow) -> None:
    month, day, published, direction, relation, weekday, value = row
    found = year_less_day(
        month, day, dt.date.fromisoformat(published), direction, relation=relation, weekday=weekday
    )
    assert found == dt.date.fromisoformat(value)


# (year, month, ISO weekday, which, the day): worked out from a calendar (March 2024 has five Fridays,
# from the 1st; its Mondays are the 4th, 11th, 18th and 25th)
NTH_WEEKDAY_ROWS = [
    (2024, 3, 5, 1, "2024-03-01"),
    (2024, 3, 5, 5, "2024-03-29"),
    (2024, 3, 1, 2, "2024-03-11"),
    (2024, 3, 1, -1, "2024-03-25"),
    (2024, 3, 1, 5, None),  # no fifth Monday
]


@pytest.mark.parametrize(("year", "month", "weekday", "which", "day"), NTH_WEEKDAY_ROWS)
def test_nth_weekday_of_a_month(year: int, month: int, weekday: int, which: int, day: str | None) -> None:
    found = nth_weekday(year, month, weekday, which)
    assert found == (dt.date.fromisoformat(day) if day else None)
