"""Actors and places: the subject, the passive's agent, the inverted speaker, named people and organisations;
never a time, a number, an interjection, an editorial tag or a lone pronoun (rows checked by hand)."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from chronique.analyzer import Analyzer
from chronique.model import Event
from chronique.nlp import ParseWords, Participants, recognise_entities
from chronique.nlp import entities as nlp_entities
from tests.conftest import Analyse

SAT = "2022-09-10"

ROWS = [
    # (sentence, trigger, actors, places)
    # an organisation's name keeps the adjectives after it that the model's entity leaves out (was "Conseil")
    ("La décision du Conseil constitutionnel est tombée jeudi.", "tombée", ("Conseil constitutionnel",), ()),
    # one adjective, none after a name that ends on its own: "électrique" describes the sitting
    (
        "« Rien ne change », a affirmé mardi le Premier ministre Paul Roux devant une Assemblée nationale "
        "électrique.",
        "affirmé",
        ("Paul Roux", "Assemblée nationale"),
        (),
    ),
    # a verb of what happens with an indirect object is an act ("qui lui a succédé": was no actor); "se sont
    # succédé" still tells what happened
    (
        "La commission entendra mercredi l'ancien directeur de l'agence Paul Roux, puis Anne Martin, qui lui "
        "a succédé en novembre.",
        "succédé",
        ("Anne Martin",),
        (),
    ),
    ("Les manifestations se sont succédé samedi dans toute la France.", "succédé", (), ("la France",)),
    # a noun phrase the parser cuts from its verb with no stop between is its subject; a bare capitalised
    # common noun names an organisation; a name never opens on the adjective of the noun before (was none)
    (
        "Santé publique France annonce mardi que 400 nouveaux cas ont été recensés.",
        "annonce",
        ("Santé publique France",),
        (),
    ),
    # a capitalised noun with a number is a thing counted, no name ("TGV": no actor)
    ("Deux TGV médicalisés partiront lundi vers la Bretagne.", "partiront", (), ("la Bretagne",)),
    # the incise's subject after its complement, hung inside it by the model (was no actor)
    (
        "« Nous restons mobilisés », a assuré mardi à ses proches le maire de Brest.",
        "assuré",
        ("le maire de Brest",),
        (),
    ),
    # a phrase set between the auxiliary and its participle: the subject is still the verb's (was none)
    (
        "Anne Durand a de son côté visité lundi l'hôpital de Nantes.",
        "visité",
        ("Anne Durand",),
        ("hôpital de Nantes",),
    ),
    # a paper whose title opens on "Le", its article fused with "à" or "de", is still named whole (was
    # "Monde")
    (
        "Alexandre Martin a accordé lundi une interview au Monde.",
        "accordé",
        ("Alexandre Martin", "Le Monde"),
        (),
    ),
    (
        "Ce mardi, dans les colonnes du Monde, la ministre se confie sur l'épidémie.",
        "confie",
        ("la ministre", "Le Monde"),
        (),
    ),
    # the person's name the model's organisation runs into, after the title and its complement (were "la
    # présidente du Rassemblement national Marine Le Pen", "Rassemblement national Marine Le Pen")
    (
        "« Le gouvernement a échoué », a argué mardi la présidente du Rassemblement national Marine Le Pen.",
        "argué",
        ("Marine Le Pen",),
        (),
    ),
    (
        "La présidente du Rassemblement national Marine Le Pen a argué mardi que le gouvernement a échoué.",
        "argué",
        ("Marine Le Pen",),
        (),
    ),
    # the name right after its title, which the model reads as a second subject: who acted (was the title)
    (
        "Le ministre de l'Agriculture Marc Fesneau a annoncé jeudi que les aides seraient versées.",
        "annoncé",
        ("Marc Fesneau",),
        (),
    ),
    # the clause a participle set apart after an incise reports is told by the incise's speaker (was no actor)
    (
        "« Le mouvement est citoyen », a ajouté cet élu de droite, précisant qu'il ira manifester samedi.",
        "manifester",
        ("cet élu de droite",),
        (),
    ),
    # the subject of a pronominal verb written after it, which the model reads as its object: who acted (was
    # no actor; the summary already told it first)
    (
        "Jeudi soir s'est exprimé le porte-parole du gouvernement.",
        "exprimé",
        ("le porte-parole du gouvernement",),
        (),
    ),
    # "dont" links its clause, no part of the subject's name (was "dont le conducteur")
    (
        "On a retrouvé la voiture dont le conducteur avait pris la fuite vendredi.",
        "pris",
        ("le conducteur",),
        (),
    ),
    # an agency's initials with a determiner name it ("rapporte l'AFP", "selon l'AFP": were no actor);
    # "Photo AFP" and "(AFP)" still sign the page
    (
        "Le maire de Vannes a démissionné lundi, rapporte l'AFP.",
        "démissionné",
        ("Le maire de Vannes", "AFP"),
        (),
    ),
    ("Selon l'AFP, deux trains ont déraillé mardi près de Lyon.", "déraillé", ("AFP",), ("près de Lyon",)),
    ("Photo AFP Le président a parlé samedi à Lyon.", "parlé", ("Le président",), ("Lyon",)),
    # the speaker after an incise, whom the model makes the subject of the participle set apart after it
    (
        "« Il n'en demeure pas moins qu'on reste inquiets », a estimé mardi le maire de Lille Paul Roux, "
        "jugeant la décision précipitée.",
        "estimé",
        ("Paul Roux",),
        (),
    ),
    # "selon X" tells who says the whole clause, wherever the model hangs it (on a complement, on the
    # participle that describes it); a relative clause's own "selon" is not the main clause's
    (
        "Samedi, les heurts ont fait 20 blessés et 300 personnes interpellées selon le parquet.",
        "fait",
        ("le parquet",),
        (),
    ),
    (
        "Samedi, la manifestation s'était soldée par 20 blessés, 300 personnes interpellées et plus de 90 "
        "gardes à vue selon le parquet de Lyon.",
        "soldée",
        ("le parquet de Lyon",),
        (),
    ),
    ("Lundi, le maire a reçu les habitants qui manifestaient selon la police.", "reçu", ("le maire",), ()),
    # a document cannot say: who it tells for is whom its "de" or the name beside it names
    (
        "Lundi, douze décès ont été enregistrés dans la région, selon les chiffres de la préfecture.",
        "enregistrés",
        ("la préfecture",),
        ("la région",),
    ),
    ("Mardi, le trafic a repris sur la ligne, selon un communiqué de la SNCF.", "repris", ("SNCF",), ()),
    ("Selon une enquête Ifop, la confiance dans le gouvernement a reculé en mars.", "reculé", ("Ifop",), ()),
    ("Le 3 mai, selon la répartition par âge, les jeunes ont moins voté.", "voté", ("les jeunes",), ()),
    # a person's name set apart before what the person is: the name is the subject, wherever the model hangs
    # it (was "l'une des fondatrices", no actor); a name set apart after a title, which the model reads as a
    # second subject, is who the title is
    (
        "Face aux menaces, Jean Morel, l'un des porte-parole du collectif, a annoncé lundi qu'il quittait le "
        "mouvement.",
        "annoncé",
        ("Jean Morel",),
        (),
    ),
    (
        "Le 3 mai, Paul K., un lycéen de 17 ans en grande difficulté scolaire, s'immole par le feu à Rouen, "
        "se "
        "brûlant à 60%.",
        "immole",
        ("Paul K.",),
        ("Rouen",),
    ),
    ("Lundi, la maire, Anne Hidalgo, a inauguré le pont.", "inauguré", ("Anne Hidalgo",), ()),
    # the comma before the verb closes the apposition: no incise, whose speaker would follow
    (
        "Face aux explosions de colère qui émaillent les cortèges, Julie Martin, l'une des figures du "
        "collectif, a annoncé lundi 18 mars qu'elle ne participera plus aux marches.",
        "annoncé",
        ("Julie Martin",),
        (),
    ),
    # the words before a closing quotation mark whose quotation opened before are quoted: not who spoke
    (
        'Le maire a parlé lundi. "Les annonces ont conduit à souhaiter que toutes les options soient '
        "étudiées.\n\nC'est une posture de prudence : il s'agit d'anticiper une situation où ces hommes "
        'seraient libérés", a expliqué mardi le haut fonctionnaire.',
        "expliqué",
        ("le haut fonctionnaire",),
        (),
    ),
    # an incise may open on the pronoun of whom it was said to ("», l'a interpellé X"), and a verb that tells
    # how it was said is one of saying ("a taclé", "a raillé"): who follows spoke
    (
        "« Vous avez menti aux Français », l'a interpellé mardi soir la journaliste Marie Dupuis.",
        "interpellé",
        ("Marie Dupuis",),
        (),
    ),
    ("« Quelle hypocrisie ! », a taclé lundi le député Jean Morel.", "taclé", ("Jean Morel",), ()),
    # a name coordinated with a participant takes part too
    (
        "Le 3 mai, le président a reçu Angela Merkel et Justin Trudeau.",
        "reçu",
        ("le président", "Angela Merkel", "Justin Trudeau"),
        (),
    ),
    # a first name alone coordinated with a first name and the family name they share is told with it; the
    # second, hung on the verb after "et", takes part too (was "Emmanuel")
    (
        "Le 13 juillet, on voit Emmanuel et Brigitte Macron en déplacement privé à Giverny.",
        "voit",
        ("Emmanuel Macron", "Brigitte Macron"),
        ("Giverny",),
    ),
    # "…, a dénombré X": who counted told it
    (
        "106.302 manifestants ont été recensés samedi à 17h00 dans toute la France, dont 8.000 à Paris, a "
        "dénombré le ministre de l'Intérieur Christophe Castaner, évoquant un affaiblissement.",
        "recensés",
        ("Christophe Castaner",),
        ("la France",),
    ),
    # "comme l'a dit X", set in the clause or hung on it: X told it
    (
        "Jeudi, comme l'a raconté le maire, les pompiers ont évacué l'école.",
        "évacué",
        ("les pompiers", "le maire"),
        (),
    ),
    (
        "Comme l'avait annoncé le ministre de l'Intérieur, Gérald Darmanin, les policiers ont été déployés "
        "samedi à Nantes.",
        "déployés",
        ("Gérald Darmanin",),
        ("Nantes",),
    ),
    # a person's name opens on a capital: "général de la Santé", cut from its title, is no one
    (
        "Dans son point quotidien, mercredi 22 avril, le directeur général de la Santé, Jérôme Salomon, a "
        "indiqué que les hôpitaux étaient moins fréquentés.",
        "indiqué",
        ("Jérôme Salomon",),
        (),
    ),
    (
        "Lundi, la directrice générale de l'agence, Geneviève Chêne, a présenté le bilan.",
        "présenté",
        ("Geneviève Chêne",),
        (),
    ),
    # an adverb of time the model reads as the subject: the title and the name written before the verb
    (
        "Un peu plus tôt dans la journée le ministre de la Santé Olivier Véran avait fait état de 73 cas.",
        "fait",
        ("Olivier Véran",),
        (),
    ),
    # a passive under "aller": its subject underwent it, as under "être" alone; a piece of a name cut at its
    # hyphen ("-HP" of "l'AP-HP") names no one
    (
        "D'autres équipes soignantes, en particulier de l'AP-HP, vont être projetées à partir de cette "
        "semaine.",
        "projetées",
        (),
        (),
    ),
    ("Les élèves vont être accueillis lundi dans les écoles.", "accueillis", (), ("les écoles",)),
    ("Le maire va partir lundi aux Antilles.", "partir", ("Le maire",), ("Antilles",)),
    # a title the model reads as an organisation before the person's name is no one else; two names
    # coordinated after "de" are two ("de l'Économie et de l'Intérieur"), neither an actor of its own
    (
        "Comme le ministre de l'Intérieur Christophe Castaner la veille, le Premier ministre Édouard "
        "Philippe a mis en garde ce mercredi 14 novembre les collectifs de citoyens.",
        "mis",
        ("Édouard Philippe",),
        (),
    ),
    (
        "Lundi, le ministre de l'Intérieur Christophe Castaner a reçu les syndicats de police.",
        "reçu",
        ("Christophe Castaner",),
        (),
    ),
    (
        "Lundi, les syndicats ont écrit aux ministres de l'Économie et de l'Intérieur.",
        "écrit",
        ("les syndicats",),
        (),
    ),
    # a word of title the model reads as a name of its own, right before the person's name
    (
        '"Rien ne sera disponible avant la fin du mois", a prévenu mercredi la Pr Florence Ader qui pilote '
        "l'essai.",
        "prévenu",
        ("Florence Ader",),
        (),
    ),
    # the speaker's name set apart after a title and a comma, which the model hangs on no word of it
    (
        '"Il faut rester prudent", a déclaré mercredi le ministre de la Santé, Olivier Véran.',
        "déclaré",
        ("Olivier Véran",),
        (),
    ),
    # an organisation after "sur" is where it was said or shown, no one who acted; a person, a target
    (
        "Il avait assuré, jeudi soir, en direct sur BFMTV, qu'il voulait rentrer dans l'Élysée.",
        "assuré",
        (),
        (),
    ),
    ("Lundi, le policier a tiré sur Jérôme Rodrigues.", "tiré", ("le policier", "Jérôme Rodrigues"), ()),
    # a name the model hangs on a venue noun is the venue's ("au CHU Pellegrin"), no one
    ("Jeudi, il a été hospitalisé au CHU Pellegrin.", "hospitalisé", (), ("CHU Pellegrin",)),
    # an adjective attribute tells a state of its subject, no act: a thing is no actor, a person named is
    ("Samedi, les vaccins étaient disponibles dans les pharmacies.", "disponibles", (), ()),
    ("Le test s'est révélé positif le 28 janvier.", "révélé", (), ()),  # a verb of state, its attribute
    ("Lundi, le ministre a rendu public le rapport.", "rendu", ("le ministre",), ()),  # an object's: an act
    (
        "Le président a annoncé que les résultats de l'essai Discovery seraient disponibles le 14 mai.",
        "disponibles",
        ("Le président",),
        (),
    ),
    # the agent of a participle is named once, though the noun it describes holds it too
    ("Elle a confirmé l'annonce faite par Emmanuel Macron le 2 avril.", "faite", ("Emmanuel Macron",), ()),
    # a count is no actor, nor are rules that apply ("s'appliquer" tells what happens); who applies them is
    ("Le nombre de personnes hospitalisées a continué à refluer le 3 mai.", "refluer", (), ()),
    ("Ces nouvelles règles s'appliqueront dès le 3 mai.", "appliqueront", (), ()),
    ("Le maire appliquera la nouvelle loi le 3 mai.", "appliquera", ("Le maire",), ()),
    # a speaker whose words hold a name the clause gives is that actor, told whole
    (
        "Il a touché son salaire intégral, a annoncé mercredi le directeur de cabinet d'Emmanuel Macron.",
        "annoncé",
        ("le directeur de cabinet d'Emmanuel Macron",),
        (),
    ),
    # the one an opening participle describes underwent it: the people it names, no thing (the union is
    # an organisation the clause names)
    (
        "Reçue mardi par la CGT, Agnès Buzyn a promis des mesures.",
        "Reçue",
        ("CGT", "Agnès Buzyn"),
        (),
    ),
    # an interview is the occasion of what is said (its date is the saying's, anchors.framed_event); the
    # channel it was given on is no actor
    (
        "Interrogée mardi sur RTL, Agnès Buzyn a indiqué que les écoles rouvriront.",
        "indiqué",
        ("Agnès Buzyn",),
        (),
    ),
    # the subject the text writes before its verb, where the model hangs it elsewhere; of a passive, the
    # people it names
    (
        "A quelques jours de la sortie du confinement, le coordonnateur national à la stratégie de"
        " déconfinement Jean Castex a mis en garde les Français le 6 mai.",
        "mis",
        ("Jean Castex",),
        (),
    ),
    (
        "Présents la veille dans les locaux de la police, Alexandre Benalla et Vincent Crase ont"
        " également été questionnés mardi.",
        "questionnés",
        ("Alexandre Benalla", "Vincent Crase"),
        (),
    ),
    # a people is no place ("les Français"), "aux Antilles" is
    (
        "Comme tous les Français, Brigitte Macron est confinée depuis le 17 mars.",
        "confinée",
        ("Brigitte Macron",),
        (),
    ),
    ("Le 3 mai, le maire est parti aux Antilles.", "parti", ("le maire",), ("Antilles",)),
    # the channel a speaker speaks to is no part of who spoke ("garde à vue" is one noun)
    (
        "Il a reçu sa convocation le 6 septembre, a indiqué son avocat à LCI ce lundi 10 septembre.",
        "indiqué",
        ("son avocat",),
        (),
    ),
    # the speaker after a verb of saying, inverted, read by the model as its object
    ("La menace reste élevée, a averti jeudi Emmanuel Macron.", "averti", ("Emmanuel Macron",), ()),
    ("« La situation est grave », a averti jeudi le ministre.", "averti", ("le ministre",), ()),
    # … but a real object, with the subject before the verb, stays the object: named, it takes part, after
    (
        "Le ministre a averti jeudi Emmanuel Macron du danger.",
        "averti",
        ("Le ministre", "Emmanuel Macron"),
        (),
    ),
    # the agent of a passive, "par X", read by the model as a mere complement: who did it
    ("Le village a été évacué samedi par les gendarmes.", "évacué", ("les gendarmes",), ()),
    ("Le texte a été adopté mardi par le Sénat.", "adopté", ("Sénat",), ()),
    # "par la suite" is an adverb, not an agent
    ("Le concert a été reporté samedi par la suite.", "reporté", (), ()),
    # "par la force" is how, "par les forces de l'ordre" who: a plural with its complement names a group
    ("Les manifestants ont été dispersés samedi par la force.", "dispersés", (), ()),
    ("Un homme a été frappé samedi par les forces de l'ordre.", "frappé", ("les forces de l'ordre",), ()),
    # a time after the verb of saying is no inverted subject ("le même jour", "la semaine dernière")
    ("« La situation est grave », a averti le même jour le ministre.", "averti", ("le ministre",), ()),
    ("« Je ne tolère plus cela », a déclaré le même jour l'élue.", "déclaré", ("l'élue",), ()),
    # a clock time is no actor; an interjection is no place
    ("0h20 a sonné samedi à Nice.", "sonné", (), ("Nice",)),
    ("Ouais, ils sont partis samedi à Ouais.", "partis", (), ()),
    ("Ouais, on est allés à Lyon samedi.", "allés", (), ("Lyon",)),
    # a lone pronoun is no actor; a number inside a noun phrase is fine
    ("Bah, ils ont gagné samedi à Lens.", "gagné", (), ("Lens",)),
    (
        "Les 300 manifestants ont défilé samedi à Marseille.",
        "défilé",
        ("Les 300 manifestants",),
        ("Marseille",),
    ),
    ("Vers 0h20, les pompiers sont intervenus samedi à Nice.", "intervenus", ("les pompiers",), ("Nice",)),
    # the people and organisations the clause names take part, after the subject; a name is whole even
    # where the model splits it ("Emmanuel" / "Macron")
    (
        "Jeudi, Emmanuel Macron a rencontré Angela Merkel à Berlin.",
        "rencontré",
        ("Emmanuel Macron", "Angela Merkel"),
        ("Berlin",),
    ),
    ("L'ONU a condamné jeudi l'attaque du Hamas.", "condamné", ("L'ONU", "Hamas"), ()),
    # a title and a name: the person
    (
        "Le président syrien Bachar al-Assad a utilisé jeudi des armes chimiques.",
        "utilisé",
        ("Bachar al-Assad",),
        (),
    ),
    # who told it (Event.speaker) is an actor too, after the subject; "selon Moscou" is no place
    ("Selon Moscou, les troupes ont quitté samedi la ville.", "quitté", ("les troupes", "Moscou"), ()),
    (
        "Les enquêteurs ont interrogé mardi le suspect, a indiqué le procureur de Paris.",
        "interrogé",
        ("Les enquêteurs", "le procureur de Paris"),
        (),
    ),
    # … the speaker of an incise, of the saying itself or of the clause it tells, however the model hangs
    # it (on the date: "a estimé mercredi 13 mai la ministre"), each of coordinated speakers
    (
        "Les demandes ont atteint un palier, a estimé mercredi 13 mai la ministre du Travail "
        "Muriel Pénicaud.",
        "estimé",
        ("Muriel Pénicaud",),
        (),
    ),
    (
        "Quatre personnes ont été interpellées samedi, a précisé la préfecture.",
        "interpellées",
        ("la préfecture",),
        (),
    ),
    (
        "Huit foyers ont été identifiés dans la région, ont annoncé mardi l'Agence régionale de santé et la "
        "préfecture.",
        "annoncé",
        ("l'Agence régionale de santé", "la préfecture"),
        (),
    ),
    # a passive's subject underwent the event: no actor without an agent, but a person it names takes part
    ("Le village a été évacué samedi.", "évacué", (), ()),
    (
        "Agnès Buzyn sera entendue mardi par la commission d'enquête.",
        "entendue",
        ("la commission d'enquête", "Agnès Buzyn"),
        (),
    ),
    # the agent the model hangs on the verb's complement; the day it hangs on the agent is no part of it
    ("Jeudi, l'ancien boxeur a été suspendu de ses fonctions par la mairie.", "suspendu", ("la mairie",), ()),
    # … but a complement after "de" is part of the phrase
    (
        "Samedi, les travailleurs de nuit ont fait grève.",
        "fait",
        ("les travailleurs de nuit",),
        (),
    ),
    # a thing cannot say, decide or act: a subject with no name is an actor only when its noun is one of
    # people, of their roles or of what they form (data/participants.tsv people), or counts people
    # (counting); a thing is no actor
    ("Samedi, le stock d'heures supplémentaires a atteint un record.", "atteint", (), ()),
    ("Le Smic augmentera de 1,2 % le 1er janvier.", "augmentera", (), ()),
    ("Les bars ont fermé samedi soir à Lille.", "fermé", (), ("Lille",)),
    ("Lundi, le moral des Français a chuté.", "chuté", (), ()),
    ("Des milliers de masques sont arrivés lundi à Roissy.", "arrivés", (), ("Roissy",)),
    ("Le ministre a annoncé lundi la fermeture des écoles.", "annoncé", ("Le ministre",), ()),
    ("Les syndicats ont appelé mardi à la grève.", "appelé", ("Les syndicats",), ()),
    # a person's name written right after the incise's verb and its date, which the model hangs on no word of
    # the incise, is who spoke
    (
        'La France va fermer "toutes les écoles et les universités du pays", a annoncé jeudi 12 mars '
        "Emmanuel Macron, alors que l'épidémie s'accélère.",
        "annoncé",
        ("Emmanuel Macron",),
        (),
    ),
    # a plural the model lemmatises as a verb ("passants": "passer") is read by its form
    ("Lundi, des passants ont alerté les pompiers à Rouen.", "alerté", ("des passants",), ("Rouen",)),
    (
        "Plusieurs centaines de manifestants ont défilé samedi à Nantes.",
        "défilé",
        ("Plusieurs centaines de manifestants",),
        ("Nantes",),
    ),
    # a speaker is someone too: "selon les chiffres" names no one, "selon le préfet" does
    (
        "Selon le préfet, 300 personnes ont manifesté dimanche.",
        "manifesté",
        ("300 personnes", "le préfet"),
        (),
    ),
    # a title, its complement and the name: the person; a noun coordinated with a name is what he is
    (
        "Dimanche, le ministre de la Santé Olivier Véran, qui était à Lyon, a annoncé de nouvelles mesures.",
        "annoncé",
        ("Olivier Véran",),
        (),
    ),
    (
        "Vincent Lambert, en état végétatif, et figure du débat, est mort jeudi à Reims.",
        "mort",
        ("Vincent Lambert",),
        ("Reims",),
    ),
    # a participle describing a person: that person
    (
        "Hafez al-Assad, né en 1930 à Qardaha, a pris le pouvoir en 1970.",
        "né",
        ("Hafez al-Assad",),
        ("Qardaha",),
    ),
    # a venue after "à", "en", "dans" is the place, named or not
    (
        "Hier, la police a arrêté le suspect dans un appartement de la rue de Danjoutin.",
        "arrêté",
        ("la police",),
        ("un appartement de la rue de Danjoutin",),
    ),
    ("Une cellule de crise a été mise en place lundi à la préfecture.", "mise", (), ("la préfecture",)),
    # "en place" with no determiner is a locution of the verb ("mise en place"), not a place
    ("Une riposte s'est mise en place samedi à Paris.", "mise", (), ("Paris",)),  # a thing: no actor
    # a name ends before the day the model reads with it
    (
        "« Cela n'a pas de sens », a déclaré le Premier ministre Edouard Philippe mardi.",
        "déclaré",
        ("Edouard Philippe",),
        (),
    ),
    # a capitalised word after an incise is its speaker, who tells the quotation's event too
    (
        '"Les écoles rouvriront lundi", a confirmé Matignon dimanche 21 juin.',
        "rouvriront",
        ("Les écoles", "Matignon"),
        (),
    ),
    # the subject of a verb that tells what happened is no actor ("se tenir", "avoir lieu"); with an object,
    # "tenir" has one
    ("Lors d'un point presse qui s'est tenu mardi, le ministre a parlé.", "tenu", (), ()),
    (
        "« Il est en garde à vue, les faits ont eu lieu dimanche matin », a déclaré le procureur.",
        "eu",
        ("le procureur",),
        (),
    ),
    ("Mardi, le maire a tenu une conférence de presse.", "tenu", ("le maire",), ()),
    ("Les premières animations commenceront à 23h20.", "commenceront", (), ()),
    # a passive's subject is no actor, also where it is the antecedent of "qui"; its agent is
    (
        "Il a dénoncé un message jugé raciste par la majorité qui lui était adressé par le député le 3 mai.",
        "adressé",
        ("le député",),
        (),
    ),
    # a person named after "de" to complete a common noun is not who acted: the phrase is
    (
        "L'épouse d'Emmanuel Macron a reçu l'hebdomadaire à domicile vendredi 24 avril.",
        "reçu",
        ("L'épouse d'Emmanuel Macron",),
        (),
    ),
    (
        "Nous réfléchissons à un format\", a annoncé mardi l'entourage d'Emmanuel Macron.",
        "annoncé",
        ("l'entourage d'Emmanuel Macron",),
        (),
    ),
    # a participle describing the noun before it tells what that noun underwent: no actor
    (
        "Selon le journal, Alexandre Benalla continue de voyager avec un passeport diplomatique renouvelé le "
        "24 mai, après sa mise à pied.",
        "renouvelé",
        (),
        (),
    ),
    # the quotation's noun the model reads as an incise's subject is not who spoke
    (
        "« Vos annonces, c'est du bricolage », a dénoncé mardi la députée Caroline Fiat lors des "
        "questions au gouvernement.",
        "dénoncé",
        ("Caroline Fiat",),
        (),
    ),
]


def _event(events: tuple[Event, ...], trigger: str) -> Event:
    matches = [e for e in events if e.trigger == trigger]
    assert matches, f"no event {trigger!r} among {[e.trigger for e in events]}"
    return matches[0]


@pytest.mark.parametrize(("text", "trigger", "actors", "places"), ROWS, ids=[r[0][:40] for r in ROWS])
def test_actors_and_places(
    analysed: Analyse, text: str, trigger: str, actors: tuple[str, ...], places: tuple[str, ...]
) -> None:
    event = _event(analysed(text, SAT).events, trigger)
    assert (event.actors, event.places) == (actors, places)


def test_a_quotation_mark_is_no_part_of_a_name(analysed: Analyse) -> None:
    # the quoted clause's subject is an actor without the mark that opens the quotation; who said it too
    result = analysed(
        "« Les habitants ont quitté la ville samedi », a déclaré le maire dans un communiqué.", SAT
    )
    assert _event(result.mentions, "quitté").actors == ("Les habitants", "le maire")


def test_an_inverted_speaker_leads_the_summary(analysed: Analyse) -> None:
    event = _event(analysed("La menace reste élevée, a averti jeudi Emmanuel Macron.", SAT).events, "averti")
    # not "a averti Emmanuel Macron": he was not warned; and what he warned of follows
    assert event.summary == "Emmanuel Macron a averti que la menace reste élevée"


@pytest.mark.parametrize(
    ("text", "entities"),
    [
        ("NDLR, le maire a parlé samedi à Lyon.", [("Lyon", "LOC")]),  # the model: NDLR a person
        ("Hein ? Il a quitté samedi Nantes.", [("Nantes", "LOC")]),  # the model: Hein a person
        ("Photo AFP Le président a parlé samedi.", []),  # the model: AFP an organisation
        ("Bah Ouais, les pompiers sont arrivés samedi.", []),
        ("En 1914, la guerre a éclaté en Europe.", [("Europe", "LOC")]),
    ],
)
def test_names_that_name_no_one_are_no_entities(
    analyzer: Analyzer, text: str, entities: list[tuple[str, str]]
) -> None:
    doc = analyzer.nlp(text)
    recognise_entities(analyzer.nlp, [(doc, list(doc.sents))], batch_size=8)
    assert [(e.text, e.label_) for e in nlp_entities(doc)] == entities


def test_names_of_a_sentence_alone_are_the_full_pipelines(analyzer: Analyzer) -> None:
    """``recognise_entities`` gives the ner only the sentence's words: the same names as the model's whole
    pipeline finds in that sentence (its ner embeds the words itself, it reads nothing of the parse)."""
    text = "Le préfet Michel Delpuech a été entendu lundi par la commission de l'Assemblée nationale à Paris."
    doc = analyzer.nlp(text)
    recognise_entities(analyzer.nlp, [(doc, list(doc.sents))], batch_size=8)
    expected = [(e.text, e.label_) for e in analyzer.nlp.get_pipe("ner")(analyzer.nlp(text)).ents]
    assert [(e.text, e.label_) for e in nlp_entities(doc)] == expected
    assert ("Michel Delpuech", "PER") in expected


# Parses as the model gives them (written out by hand), and what Participants makes of them: (why, words with
# their part of speech, lemma, head index, label and, where it matters, morphology, the arcs that must come
# out as (word, label, head word))
_QUOTE = [
    ('"', "PUNCT", '"', 2, "punct"),
    ("Il", "PRON", "il", 2, "nsubj"),
    ("pleut", "VERB", "pleuvoir", 2, "ROOT"),
    ('"', "PUNCT", '"', 2, "punct"),
    (",", "PUNCT", ",", 6, "punct"),
    ("a", "AUX", "avoir", 6, "aux:tense"),
]
PARSE_REPAIR_ROWS = [
    (
        "a past participle opening its sentence, cut off by the model before its comma: the clause's",
        [
            ("Arrêté", "VERB", "arrêter", 0, "ROOT", "Tense=Past|VerbForm=Part"),
            ("lundi", "NOUN", "lundi", 0, "obl:mod"),
            (",", "PUNCT", ",", 5, "punct"),
            ("il", "PRON", "il", 5, "nsubj"),
            ("a", "AUX", "avoir", 5, "aux:tense"),
            ("avoué", "VERB", "avouer", 5, "ROOT"),
            (".", "PUNCT", ".", 5, "punct"),
        ],
        {("Arrêté", "advcl", "avoué")},
    ),
    (
        "a noun phrase cut by the parser from the verb right after it, with no stop: the verb's subject",
        [
            ("Santé", "NOUN", "santé", 0, "ROOT"),
            ("publique", "ADJ", "public", 0, "amod"),
            ("annonce", "VERB", "annoncer", 2, "ROOT", "Mood=Ind|Tense=Pres|VerbForm=Fin"),
            ("dix", "NUM", "dix", 4, "nummod"),
            ("cas", "NOUN", "cas", 2, "obj"),
            (".", "PUNCT", ".", 2, "punct"),
        ],
        {("Santé", "nsubj", "annonce")},
    ),
    (
        "an incise's title and, after its comma, the name: the title is the subject, the name its apposition",
        [
            *_QUOTE,
            ("assurait", "VERB", "assurer", 6, "ROOT"),
            ("le", "DET", "le", 8, "det"),
            ("maire", "NOUN", "maire", 6, "obj"),
            (",", "PUNCT", ",", 6, "punct"),
            ("Paul", "PROPN", "Paul", 6, "obj"),
            (".", "PUNCT", ".", 6, "punct"),
        ],
        {("maire", "nsubj", "assurait"), ("Paul", "appos", "maire")},
    ),
    (
        "a phrase between the auxiliary and its participle, read as the object of 'a': 'a' is its auxiliary",
        [
            ("Paul", "PROPN", "Paul", 1, "nsubj"),
            ("a", "VERB", "avoir", 1, "ROOT", "Mood=Ind|Tense=Pres|VerbForm=Fin"),
            ("de", "ADP", "de", 4, "case"),
            ("son", "DET", "son", 4, "det"),
            ("côté", "NOUN", "côté", 1, "obj"),
            ("parlé", "VERB", "parler", 4, "acl", "Tense=Past|VerbForm=Part"),
            (".", "PUNCT", ".", 1, "punct"),
        ],
        {
            ("parlé", "ROOT", "parlé"),
            ("a", "aux:tense", "parlé"),
            ("Paul", "nsubj", "parlé"),
            ("côté", "obl:mod", "parlé"),
        },
    ),
    (
        "a title and the name right after it, read as two subjects: the name is the title's apposition",
        [
            ("Le", "DET", "le", 1, "det"),
            ("ministre", "NOUN", "ministre", 4, "nsubj"),
            ("Paul", "PROPN", "Paul", 4, "nsubj"),
            ("a", "AUX", "avoir", 4, "aux:tense"),
            ("parlé", "VERB", "parler", 4, "ROOT"),
            (".", "PUNCT", ".", 4, "punct"),
        ],
        {("Paul", "appos", "ministre")},
    ),
    (
        "a present participle set apart after an incise, hung on the quotation's verb: the incise's",
        [
            *_QUOTE,
            ("déclaré", "VERB", "déclarer", 2, "parataxis"),
            ("la", "DET", "le", 8, "det"),
            ("ministre", "NOUN", "ministre", 6, "nsubj"),
            (",", "PUNCT", ",", 10, "punct"),
            ("précisant", "VERB", "préciser", 2, "parataxis", "Tense=Pres|VerbForm=Part"),
            (".", "PUNCT", ".", 2, "punct"),
        ],
        {("précisant", "advcl", "déclaré"), ("ministre", "nsubj", "déclaré")},
    ),
    (
        "a noun after a present participle is its object; the noun before its comma, after an incise, is the "
        "incise's subject (the model: the participle's subject)",
        [
            *_QUOTE,
            ("déclaré", "VERB", "déclarer", 6, "ROOT"),
            ("la", "DET", "le", 8, "det"),
            ("ministre", "NOUN", "ministre", 10, "nsubj"),
            (",", "PUNCT", ",", 10, "punct"),
            ("jugeant", "VERB", "juger", 6, "advcl", "Tense=Pres|VerbForm=Part"),
            ("la", "DET", "le", 12, "det"),
            ("pluie", "NOUN", "pluie", 10, "nsubj"),
            (".", "PUNCT", ".", 6, "punct"),
        ],
        {("ministre", "nsubj", "déclaré"), ("pluie", "obj", "jugeant")},
    ),
    (
        "an incise the model hangs on the quotation as a clause of its own (advcl): its noun is its subject",
        [
            *_QUOTE,
            ("déclaré", "VERB", "déclarer", 2, "advcl"),
            ("la", "DET", "le", 8, "det"),
            ("ministre", "NOUN", "ministre", 6, "obj"),
            (".", "PUNCT", ".", 2, "punct"),
        ],
        {("ministre", "nsubj", "déclaré")},
    ),
    (
        "an incise the model cut off as a sentence starting with its comma: the quotation is what it reports",
        [
            *_QUOTE,
            ("déclaré", "VERB", "déclarer", 6, "ROOT"),
            ("la", "DET", "le", 8, "det"),
            ("ministre", "NOUN", "ministre", 6, "obj"),
            (".", "PUNCT", ".", 6, "punct"),
        ],
        {("pleut", "ccomp", "déclaré"), ("ministre", "nsubj", "déclaré")},
    ),
    (
        "a day set before its clause, cut off by the model: it dates the clause's first verb, not the incise",
        [
            ("Samedi", "PROPN", "samedi", 0, "ROOT"),
            (",", "PUNCT", ",", 5, "punct"),
            ("ils", "PRON", "il", 5, "nsubj:pass"),
            ("ont", "AUX", "avoir", 5, "aux:tense"),
            ("été", "AUX", "être", 5, "aux:pass"),
            ("arrêtés", "VERB", "arrêter", 9, "advcl"),
            (",", "PUNCT", ",", 9, "punct"),
            ("a", "AUX", "avoir", 9, "aux:tense"),
            ("précisé", "VERB", "préciser", 9, "ROOT"),  # "la préfecture" left out: only the day matters here
            (".", "PUNCT", ".", 9, "punct"),
        ],
        {("Samedi", "obl:mod", "arrêtés")},
    ),
    (
        "a passive's agent the model hangs on the verb's complement: the verb's agent",
        [
            ("Il", "PRON", "il", 3, "nsubj:pass"),
            ("a", "AUX", "avoir", 3, "aux:tense"),
            ("été", "AUX", "être", 3, "aux:pass"),
            ("suspendu", "VERB", "suspendre", 3, "ROOT"),
            ("de", "ADP", "de", 6, "case"),
            ("ses", "DET", "son", 6, "det"),
            ("fonctions", "NOUN", "fonction", 3, "obl:arg"),
            ("par", "ADP", "par", 9, "case"),
            ("la", "DET", "le", 9, "det"),
            ("mairie", "NOUN", "mairie", 6, "nmod"),
            (".", "PUNCT", ".", 3, "punct"),
        ],
        {("mairie", "obl:agent", "suspendu")},
    ),
]


@pytest.mark.parametrize(
    ("why", "tokens", "arcs"), PARSE_REPAIR_ROWS, ids=[r[0][:50] for r in PARSE_REPAIR_ROWS]
)
def test_parse_repairs(
    why: str,
    tokens: list[tuple[str, str, str, int, str] | tuple[str, str, str, int, str, str]],
    arcs: set[tuple[str, str, str]],
) -> None:
    # a word's morphology, where the repair reads it, is a sixth column
    words, pos, lemmas, heads, deps = (list(column) for column in zip(*(t[:5] for t in tokens), strict=True))
    morphs = [t[5] if len(t) > 5 else "" for t in tokens]  # the sixth, when given
    doc = Doc(
        spacy.blank("fr").vocab, words=words, pos=pos, lemmas=lemmas, heads=heads, deps=deps, morphs=morphs
    )
    Participants(
        ParseWords(
            reporting_verbs=frozenset({"déclarer", "préciser", "assurer"}),
            agent_cases=frozenset({"par"}),
            asides=frozenset({"de son côté"}),
        )
    )(doc)
    assert arcs <= {(t.text, t.dep_, t.head.text) for t in doc}, why
    assert len(list(doc.sents)) == 1, why  # a sentence never starts with a comma
