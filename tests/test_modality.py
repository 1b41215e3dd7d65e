"""Modality: one table per modality, each row a French sentence read by hand, and the data file's keys."""

from __future__ import annotations

import pytest

from chronique.model import Event, Modality
from tests.conftest import Analyse

WED = "2023-03-15"


def _mention(events: tuple[Event, ...], trigger: str) -> Event:
    matches = [e for e in events if e.trigger == trigger]
    assert matches, f"no event {trigger!r} among {[e.trigger for e in events]}"
    return matches[0]


# (sentence, trigger, speaker or None); every sentence has a date, so each trigger is a dated mention
ROWS: dict[Modality, list[tuple[str, str, str | None]]] = {
    Modality.ASSERTED: [
        # "dément" the adjective, an infinitive after a verb: no denial
        ("Un homme dément a voulu partir lundi de l'hôpital.", "partir", None),
        ("Le ministre a condamné mardi une attaque.", "condamné", None),
        # "il a fallu" tells the obligation met, the act done
        ("Il a fallu évacuer le bâtiment lundi.", "évacuer", None),
        ("Le texte a été présenté lundi en Conseil des ministres et adopté mardi au Sénat.", "adopté", None),
        # "a dû" in the indicative tells what had to be done, and was
        ("Le pilote a dû atterrir mardi à Lyon.", "atterrir", None),
        # one who travels ("se déplacer") moves no event: "à 15h" is when he went
        ("Le président s'est déplacé à 15h à l'hôpital.", "déplacé", None),
        # "même si" opens a fact
        ("Même si le club a perdu dimanche, il reste en tête.", "perdu", None),
        # "ne … que" restricts, it does not deny
        ("Le suspect n'a été interpellé que jeudi.", "interpellé", None),
        # a verb of saying dated by its own time expression is the fact
        ("Le ministre a déclaré vendredi que la ville était libérée.", "déclaré", None),
        # a denial is a fact; what it denies is not
        ("Mardi, le ministère a démenti avoir confié les clés au suspect en octobre.", "démenti", None),
        # a negation inside the clause it reports or governs does not deny the saying or the decision
        ("Le président a annoncé lundi que les retraités ne paieraient plus la taxe.", "annoncé", None),
        ("Le maire a décidé mardi de ne plus fermer l'école.", "décidé", None),
        # a participle of announcing dated by its own day is the announcing, done
        ("La mesure, annoncée mardi par le Premier ministre, a été saluée.", "annoncée", None),
        # a passive of planning in a compound tense tells the decision, a fact
        ("La manifestation a été reportée lundi par la préfecture.", "reportée", None),
        # a wish in a compound tense tells an attempt made
        ("Deux procureurs ont voulu perquisitionner lundi les locaux du journal.", "perquisitionner", None),
        # a past infinitive after "pour" tells a cause, not an aim
        ("Il a été condamné pour avoir frappé un policier le 5 mars.", "frappé", None),
        # what a noun's complement names is no part of the verb's plan
        ("Le président présidera la commémoration de la victoire de 1945.", "victoire", None),
        # an imperfect after "il fallait … que" tells what was, no wish
        ("Il fallait savoir que j'arrivais à cette heure-ci au restaurant.", "arrivais", None),
        # "sans" negates the infinitive it opens, not the verb beside it nor a noun it names
        ("Le client est reparti mardi sans avoir payé l'addition.", "reparti", None),
        ("Des débats ont eu lieu l'an dernier, sans oublier les violences de mars.", "violences", None),
        ("Sans surprise, le maire a été réélu dimanche.", "réélu", None),
        # an infinitive after a noun that names no intention tells what was done
        ("Il a eu le courage de démissionner mardi.", "démissionner", None),
        # a thing told done dated the day after the paper (WED): a late edition's news, still a fact
        ("Le maire a déclaré jeudi 16 mars que la piscine était fermée.", "déclaré", None),
    ],
    Modality.REPORTED: [
        ("Les habitants ont quitté le village lundi, a indiqué le maire.", "quitté", "le maire"),
        ("D'après la police, le suspect a été arrêté jeudi.", "arrêté", "la police"),
        # what a verb of explaining tells after "pourquoi" is a fact, no question
        ("Le maire a expliqué pourquoi il a démissionné lundi.", "démissionné", "Le maire"),
        ("Selon l'OSDH, une attaque a frappé lundi la ville.", "frappé", "l'OSDH"),
    ],
    Modality.ALLEGED: [
        ("Selon l'OSDH, l'aviation aurait bombardé la ville mardi.", "bombardé", "l'OSDH"),
        ("Le chef rebelle serait parti lundi pour la Turquie.", "parti", None),
        ("Selon la police, le suspect serait arrivé lundi à Lyon.", "arrivé", "la police"),
    ],
    Modality.PLANNED: [
        ("Le sommet doit se tenir lundi à Bruxelles.", "tenir", None),
        # "savoir si" opens an indirect question, no condition
        (
            "Le ministère proposera samedi un test pour savoir si les soignants sont immunisés.",
            "proposera",
            None,
        ),
        ("Un examen sera réalisé samedi pour décider si la fête peut avoir lieu.", "réalisé", None),
        # "même si" after a future opens a fact, no condition of it
        ("Les écoles rouvriront le 20 mars, même si la situation reste fragile.", "rouvriront", None),
        # a possibility under the conditional of "devoir" is a forecast; the infinitive the parse reads as the
        # object of "pouvoir" is in the clause of "devraient"
        ("Les abonnés devraient pouvoir la télécharger dès samedi.", "télécharger", None),
        # "reporté en 2024" names the new date, as "reporté au 5 avril" does
        ("Le festival a été reporté en 2024.", "reporté", None),
        ("Le président va signer le décret lundi, a indiqué son porte-parole.", "signer", "son porte-parole"),
        ("L'entreprise prévoit de fermer l'usine en mai.", "fermer", None),
        # an infinitive completing a noun of intention is intended, whatever the verb above tells
        # (data/modality.tsv intention_noun)
        ("Le maire maintient son projet de fermer l'école le 1er avril.", "fermer", None),
        ("Le ministre a renouvelé sa promesse de baisser les impôts en 2024.", "baisser", None),
        ("Le gouvernement a réaffirmé mardi sa volonté de réformer les retraites en 2024.", "réformer", None),
        # a finite verb in -e the lemmatizer leaves as it stands ("compte" for "compter") still plans
        ("La Ville de Paris compte bien fêter le passage à l'année 2019.", "fêter", None),
        # "aller" before a passive infinitive, when the parse makes "vont" the trigger
        ("Mardi, les règles vont être allégées.", "vont", None),
        ("Lundi, les écoles vont être rouvertes.", "vont", None),
        ("Le président signera le décret lundi.", "signera", None),
        # a participle coordinated with another shares its auxiliary, and so its future
        ("Le texte sera présenté samedi au Conseil des ministres et examiné lundi.", "examiné", None),
        # the conditional of a future seen from a past saying
        ("Le ministre a annoncé qu'il démissionnerait lundi.", "démissionnerait", "Le ministre"),
        # a passive of planning, as "doit se tenir" (data/modality.tsv planned_passive)
        ("Un conseil est prévu jeudi à l'Élysée.", "prévu", None),
        ("Leur prochaine actualisation est prévue mardi.", "prévue", None),
        ("Cette réunion était programmée samedi à Paris.", "programmée", None),
        ("Le ministre est attendu jeudi à Marseille.", "attendu", None),
        ("Le rendez-vous est fixé au 5 avril devant la mairie.", "fixé", None),
        ("Des rassemblements sont annoncés samedi à Bordeaux.", "annoncés", None),
        # a meeting set
        ("Les syndicats donnent rendez-vous jeudi devant la mairie.", "donnent", None),
        # what is decided is still to come (the decision itself is a fact: ASSERTED above)
        ("Le gouvernement a décidé de reconduire en 2024 ce dispositif.", "reconduire", None),
        # a participle alone, when "pour" gives its day
        ("La ville redoute la prochaine manifestation, annoncée pour le 1er avril.", "annoncée", None),
        # a simple conditional under a verb of saying, passive too
        ("Le porte-parole a indiqué que les résultats seraient publiés jeudi.", "publiés", "Le porte-parole"),
        # … also where the parse hangs the clause after "que" on a noun of the saying ("dans un communiqué")
        (
            "La Commission européenne a précisé dans un communiqué que ce premier avion partirait de France "
            "mercredi matin.",
            "partirait",
            "Commission européenne",
        ),
        (
            "La ministre avait annoncé plus tôt dans la journée qu'un avion rentrerait vendredi.",
            "rentrerait",
            "La ministre",
        ),
        # a simple conditional for a day still to come is foreseen, not alleged (``modality.is_foretold``)
        (
            "Selon les organisateurs, le cortège partirait samedi de la place de la République.",
            "partirait",
            "les organisateurs",
        ),
        (
            "Selon les organisateurs, le cortège partirait à 11h00 de la place de la République.",
            "partirait",
            "les organisateurs",
        ),
        # a future copula, even where the parse hangs the date on an infinitive with no finite verb above it
        ("La nouvelle règle sera en vigueur dès lundi.", "vigueur", None),
        ("L'interdiction de circuler sera en vigueur toute la journée de dimanche.", "circuler", None),
        # the new day of an event moved ("à", "au" after a verb of moving): the moved event's, a plan
        ("La date a finalement été avancée au 1er avril.", "avancée", None),
        ("Le concert a été reporté au 20 mai.", "reporté", None),
        ("La réunion a été décalée à jeudi.", "décalée", None),
        # … and so is the event it moves, its object
        ("Le président a décalé sa prise de parole à lundi.", "prise", None),
        ("La ville a reporté le concert au 20 mai.", "concert", None),
        # "déplacer" moves an event too (WED: the coming Friday, not the one before)
        ("La séance de questions a été déplacée à vendredi.", "déplacée", None),
        # a compound past dated days after the paper (WED): what was done sets up that later day
        # (``events._done_before``)
        (
            "Ce sera à Paris le 25 mars et la préfecture a déjà interdit la place aux manifestants.",
            "interdit",
            None,
        ),
        ("La commission avait fixé l'audition du ministre au 28 mars.", "fixé", None),
        # a clause set apart by a comma under a verb of asking is no indirect question
        ("Le maire a demandé la réouverture du stade, où doit avoir lieu le match samedi.", "match", None),
        # a wish or an aim
        ("Le maire souhaite rouvrir la piscine le 1er juin.", "rouvrir", None),
        ("Le gouvernement veut rendre le masque obligatoire dès lundi.", "rendre", None),
        (
            "Le préfet a pris un arrêté afin de permettre aux gendarmes d'intervenir samedi.",
            "intervenir",
            None,
        ),
    ],
    Modality.QUESTION: [
        ("Bachar al-Assad a-t-il utilisé mardi des armes chimiques contre son peuple ?", "utilisé", None),
        ("Qui a tiré mardi sur la foule ?", "tiré", None),
        # an indirect question: an interrogative word opens the clause under a verb of asking or knowing
        # (data/modality.tsv asking_verb, interrogative)
        ("Le juge lui a demandé pourquoi il avait frappé le policier le 1er mars.", "frappé", None),
        ("Les enquêteurs se demandent comment le suspect a quitté la ville mardi.", "quitté", None),
        ("Le ministre ignore ce que le préfet a décidé lundi.", "décidé", None),
        ("Le juge a demandé lundi s'il allait démissionner.", "démissionner", None),
    ],
    Modality.NEGATED: [
        ("Le gouvernement n'a pas commenté mardi ces accusations.", "commenté", None),
        ("Le ministère n'a pas encore commenté mardi la situation.", "commenté", None),
        ("Il ne signera jamais l'accord lundi.", "signera", None),
        # what a verb of denial governs
        ("Mardi, le ministère a démenti avoir confié les clés au suspect en octobre.", "confié", None),
        ("Le suspect nie avoir frappé samedi le policier.", "frappé", None),
        # … also after a denial's form the tagger reads as an adjective ("dément"), no verb between
        ("Le policier dément dans un premier temps avoir été sur le terrain samedi.", "été", None),
        ("Le ministre dément avoir reçu le rapport lundi.", "reçu", None),
        # a plan its own sentence tells overtaken did not happen on its day (``modality.is_overtaken``)
        ("La réunion prévue lundi a été reportée.", "prévue", None),
        ("Le salon, qui devait ouvrir lundi, a été annulé.", "ouvrir", None),
        # an infinitive "sans" opens did not happen (data/modality.tsv without)
        ("Le client est reparti mardi sans avoir payé l'addition.", "payé", None),
        ("Lundi, le maire a quitté la salle sans chercher à convaincre les élus.", "convaincre", None),
        ("Le ministre a présenté lundi son plan, sans renoncer à la réforme.", "renoncer", None),
    ],
    Modality.HYPOTHETICAL: [
        ("L'attaque, si elle est confirmée jeudi par les enquêteurs, serait grave.", "confirmée", None),
        # a future right before a "si", wherever the parse hangs the condition (here on the incise after it)
        (
            "Les ventes dépasseront ce seuil le 20 mars si les livraisons arrivent, a précisé le groupe.",
            "dépasseront",
            None,
        ),
        ("Les écoles rouvriront le 20 mars si la situation le permet.", "rouvriront", None),
        # an infinitive under "il faut", "il faudra": what must be done, an exhortation
        ("Il faudra fermer les écoles lundi, a estimé le médecin.", "fermer", None),
        ("« Il faut tout vérifier pour parer à un incident samedi », a dit le préfet.", "parer", None),
        ("Washington craint qu'une arme soit utilisée vendredi contre les civils.", "utilisée", None),
        # what a verb of wishing or requiring governs after "que", whatever mood the tagger reads
        ("Il faut que les mesures commencent dès le 1er avril.", "commencent", None),
        ("Le maire souhaite que les écoles rouvrent le 3 avril.", "rouvrent", "Le maire"),
        ("En cas de victoire dimanche, le club sera champion.", "victoire", None),
        ("Au cas où la réunion serait annulée lundi, le vote aura lieu mardi.", "annulée", None),
        ("Il pourrait démissionner lundi.", "démissionner", None),
        ("Le maire aurait pu démissionner lundi.", "démissionner", None),
        # a compound conditional of "devoir": what should have happened did not
        ("Le 21 juillet dernier, le député aurait dû épouser sa compagne.", "épouser", None),
        ("Les élèves auraient dû rentrer lundi en classe.", "rentrer", None),
        # an order or a wish: no event
        ("Acte 8 : manifestons samedi devant la préfecture.", "manifestons", None),
        ("Puisse l'année 2024 vous apporter la paix.", "Puisse", None),
        # what happens each time: a present after "quand", "lorsque"
        ("Quand un match est reporté le lendemain, les supporters protestent.", "reporté", None),
        (
            "Lorsque la préfecture interdit une manifestation samedi, les militants se réunissent ailleurs.",
            "interdit",
            None,
        ),
    ],
}
CASES = [(modality, *row) for modality, rows in ROWS.items() for row in rows]


def test_every_modality_has_rows() -> None:
    assert set(ROWS) == set(Modality)


@pytest.mark.parametrize(("modality", "text", "trigger", "speaker"), CASES, ids=[c[2] for c in CASES])
def test_modality(
    analysed: Analyse, modality: Modality, text: str, trigger: str, speaker: str | None
) -> None:
    event = _mention(analysed(text, WED).mentions, trigger)
    assert (event.modality, event.speaker) == (modality, speaker)


def test_a_question_is_still_dated(analysed: Analyse) -> None:
    # undated, it is told as news dated by the publication day: a row, marked, that timeline.md leaves out
    (event,) = analysed("Bachar al-Assad a-t-il utilisé des armes chimiques contre son peuple ?", WED).events
    assert (event.trigger, event.resolved.value, event.modality) == ("utilisé", WED, Modality.QUESTION)


def test_a_denial_is_no_retelling(analysed: Analyse) -> None:
    text = "Les rebelles ont quitté Douma lundi. Le gouvernement n'a pas quitté Douma mardi."
    rows = [(e.trigger_start, e.modality) for e in analysed(text, WED).events if e.lemma == "quitter"]
    assert [modality for _, modality in rows] == [Modality.ASSERTED, Modality.NEGATED]
