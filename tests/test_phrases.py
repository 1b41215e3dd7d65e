"""Summaries as French a reader accepts: subject + verb group + object, infinitives with their "à"/"de" and
reflexive pronoun, participles with their auxiliary, whole noun phrases and names, no dangling word.
Every expected summary and place below was written by hand from the sentence, not from the program."""

from __future__ import annotations

import pytest

from chronique.model import Event
from chronique.summaries import balanced_quotes
from tests.conftest import Analyse

SAT = "2022-09-10"

SUMMARY_ROWS = [
    # (sentence, trigger, summary)
    # an incise opens at its reflexive pronoun ("», se réjouit X"), and a verb of feeling that sets a
    # quotation apart tells it after a colon (were "Marc Petit se réjouit", "s'est inquiété le maire")
    (
        "« Les ventes ont doublé », se réjouit lundi Marc Petit, le patron du quotidien.",
        "réjouit",
        "Marc Petit se réjouit : « Les ventes ont doublé »",
    ),
    (
        "« La saison est sauvée », s'est félicité lundi le directeur du festival.",
        "félicité",
        "le directeur du festival s'est félicité : « La saison est sauvée »",
    ),
    (
        "« Rien n'est prêt », s'est inquiété mardi le maire.",
        "inquiété",
        "le maire s'est inquiété : « Rien n'est prêt »",
    ),
    # a past participle opening its sentence describes the subject after its comma, also where the model
    # hangs it as a complement (obl:mod) or cuts it off as a sentence of its own (were "Réunis à Paris",
    # "Placé en garde à vue", no one)
    (
        "Réunis samedi à Paris, les manifestants ont défilé jusqu'à la Bastille.",
        "Réunis",
        "les manifestants réunis à Paris",
    ),
    ("Placé en garde à vue lundi, le suspect a été relâché.", "Placé", "le suspect placé en garde à vue"),
    # after "en train de" the infinitive completes the verb written before the phrase, past an apposition (was
    # "train de frapper des manifestants"), not when the phrase is its own clause's attribute ("alors qu'il
    # était en train de filmer": not "s'est effondré en train de filmer")
    (
        "Après la publication de la vidéo montrant Paul Roux, l'ancien chef de la sécurité, en train de "
        "frapper des manifestants le 1er mai, deux enquêtes ont été ouvertes.",
        "frapper",
        "la vidéo montrant Paul Roux en train de frapper des manifestants",
    ),
    (
        "Présent samedi dans le cortège, Paul Roux, l'une des figures du mouvement, s'est effondré alors "
        "qu'il était en train de filmer la foule.",
        "effondré",
        "Paul Roux s'est effondré",
    ),
    # an incise's subject after its complement is looked for up to its comma, never in a participle's clause
    # after it (was "le nombre de malades a annoncé …"), nor a second agent ("et son homologue")
    (
        "Cinq nouveaux cas ont été repérés, a annoncé samedi 8 février la ministre de la Santé, portant à 11 "
        "le nombre de malades.",
        "annoncé",
        "la ministre de la Santé a annoncé que cinq nouveaux cas ont été repérés",
    ),
    (
        "Le gouvernement a décidé de lever l'état d'urgence, a indiqué mardi Matignon à l'AFP, confirmant "
        "plusieurs informations de presse.",
        "indiqué",
        "Matignon a indiqué que le gouvernement a décidé de lever l'état d'urgence",
    ),
    # an infinitive that completes a participle describing a noun is told with the participle and its noun
    # (were "train de frapper des manifestants", "montrant en train de molester …", "montrant Paul Roux
    # frapper …"); after "en train de" it completes the participle, not "train"
    (
        "Le policier, filmé en train de frapper des manifestants le 1er mai, a été suspendu mardi.",
        "frapper",
        "Le policier filmé en train de frapper des manifestants",
    ),
    (
        "Le policier a été identifié sur une vidéo le montrant en train de molester des manifestants le 1er "
        "mai.",
        "molester",
        "une vidéo le montrant en train de molester des manifestants",
    ),
    (
        "Le maire reste silencieux, trois jours après la diffusion par la chaîne France 3 des premières "
        "images montrant Paul Roux frapper deux passants à Lyon le 2 mai.",
        "frapper",
        "les premières images montrant Paul Roux frapper deux passants",
    ),
    # the phrase that with "de" makes an infinitive's aspect is told with it (was "a filmé Paul Roux de
    # frapper un manifestant"), and the copula of the attribute the infinitive completes (was "Les deux maires
    # en mesure de rouvrir les écoles")
    (
        "Le 1er mai, une vidéo a filmé Paul Roux en train de frapper un manifestant place de la "
        "Contrescarpe.",
        "filmé",
        "une vidéo a filmé Paul Roux en train de frapper un manifestant place de la Contrescarpe",
    ),
    (
        "Les deux maires sont désormais en mesure de rouvrir les écoles dès lundi.",
        "rouvrir",
        "Les deux maires sont en mesure de rouvrir les écoles",
    ),
    # a title and, after its comma, the person's name are one inverted subject (was "Paul Roux assurait le
    # ministre de la Santé", the title read as the object)
    (
        "« Les hôpitaux tiendront », assurait jeudi le ministre de la Santé, Paul Roux.",
        "assurait",
        "le ministre de la Santé assurait : « Les hôpitaux tiendront »",
    ),
    # an incise's subject written after a complement of the verb, which the model hangs inside that complement
    # (were the quotation alone, no one said it)
    (
        "« Le patient est mort dans la nuit », a annoncé mardi lors d'un point presse le directeur de "
        "l'hôpital Paul Roux.",
        "annoncé",
        "le directeur de l'hôpital Paul Roux a annoncé : « Le patient est mort »",
    ),
    (
        "« Nous restons mobilisés », a assuré mardi dans un communiqué la préfecture du Nord.",
        "assuré",
        "la préfecture du Nord a assuré : « Nous restons mobilisés »",
    ),
    # a phrase set between the auxiliary and its participle ("de son côté", "quant à lui") leaves the
    # participle the verb and "a" its auxiliary (were "son côté rencontré", "leur côté appelé à la grève",
    # "Le préfet a lui interdit"); "été" after the phrase is the passive's auxiliary
    (
        "Le maire de Lille a de son côté rencontré jeudi les commerçants du centre-ville.",
        "rencontré",
        "Le maire de Lille a rencontré les commerçants du centre-ville",
    ),
    (
        "Les syndicats ont, de leur côté, appelé mardi à la grève.",
        "appelé",
        "Les syndicats ont appelé à la grève",
    ),
    (
        "Le préfet a quant à lui interdit samedi la manifestation.",
        "interdit",
        "Le préfet a interdit la manifestation",
    ),
    (
        "Les élus avaient de leur côté été reçus lundi à l'Élysée.",
        "reçus",
        "Les élus avaient été reçus à l'Élysée",
    ),
    # "l'un des porte-parole" is a noun phrase, the incise's speaker; a person named in a complement after it
    # ("à l'issue de sa réunion avec le ministre …") is no speaker
    (
        "« Rien n'a changé », a déploré mardi soir l'un des porte-parole du collectif à l'issue de sa "
        "réunion avec le ministre de la Santé Paul Dubois.",
        "déploré",
        "l'un des porte-parole du collectif a déploré : « Rien n'a changé »",
    ),
    # a channel's name the model reads as a number describing the date before it is the incise's speaker
    # (was "Il s'agissait de Paul Martin", no one said it)
    (
        "Il s'agissait de Paul Martin, un proche du maire, a révélé jeudi matin BFMTV.",
        "révélé",
        "BFMTV a révélé qu'il s'agissait de Paul Martin",
    ),
    # a title and the name right after it are one subject, which the model reads as two (was "Le ministre de
    # l'Agriculture a annoncé …", the name lost)
    (
        "Le ministre de l'Agriculture Marc Fesneau a annoncé jeudi que les aides seraient versées.",
        "annoncé",
        "Le ministre de l'Agriculture Marc Fesneau a annoncé que les aides seraient versées",
    ),
    # the clause an incise reports, its subject written before its verb but hung elsewhere by the model (on
    # the complement set before it), still tells something: the saying tells it (were "la Région a indiqué")
    (
        "Faute de moyens, le lancement de la navette, qui devait relier la gare à l'aéroport, a été repoussé "
        "à une date ultérieure, a indiqué mardi la Région.",
        "indiqué",
        "la Région a indiqué que le lancement de la navette a été repoussé à une date ultérieure",
    ),
    (
        "En raison de l'actualité, l'inauguration de la statue, qui devait être installée près de la place "
        "de la Bourse, a été reportée à une date ultérieure, a annoncé jeudi la mairie de Bordeaux.",
        "annoncé",
        "la mairie de Bordeaux a annoncé que l'inauguration de la statue a été reportée à une date "
        "ultérieure",
    ),
    # a relative clause opened by "dont" that completes its subject tells whose it is (were "dont le décès a
    # été annoncé", "dont la maison a brûlé"); with two subjects in the parse, the one "dont" completes is the
    # relative clause's (was "le maire a été arrêté", the opposite of what happened)
    (
        "Deux malades sont morts, dont un enseignant de 60 ans dont le décès a été annoncé mercredi.",
        "annoncé",
        "le décès d'un enseignant de 60 ans a été annoncé",
    ),
    (
        "Le village compte un enseignant dont la maison a brûlé lundi.",
        "brûlé",
        "la maison d'un enseignant a brûlé",
    ),
    (
        "Ils ont rencontré les habitants dont les maisons ont été inondées mardi.",
        "inondées",
        "les maisons des habitants ont été inondées",
    ),
    ("Lundi, le maire, dont le fils a été arrêté, a démissionné.", "arrêté", "le fils du maire a été arrêté"),
    # whom it was said to, named after "à", is no content of the saying (was "a-t-il assuré à l'AFP")
    ("« Tout est prêt », a-t-il assuré lundi à l'AFP.", "assuré", "il a assuré : « Tout est prêt »"),
    # the agency's initials with a determiner: the incise's speaker (was "Le maire de Vannes a démissionné")
    (
        "Le maire de Vannes a démissionné lundi, rapporte l'AFP.",
        "rapporte",
        "l'AFP rapporte que le maire de Vannes a démissionné",
    ),
    # an inverted speaker the model makes the subject of the present participle set apart after it: a
    # participle after a comma has no subject of its own, so the noun before its comma says (was "Il n'en
    # demeure qu' reste", no speaker); "ne … pas moins" is a negation, no "ne … que", and an impersonal verb's
    # "que" clause is what it says
    (
        "« Il n'en demeure pas moins qu'on reste inquiets », a estimé mardi le maire de Lille Paul Roux, "
        "jugeant la décision précipitée.",
        "estimé",
        "le maire de Lille Paul Roux a estimé : « Il n'en demeure pas moins qu'on reste inquiets »",
    ),
    # "pas" the model hangs on the adverb after it is still the negation (was "n'a encore signé")
    ("Lundi, le préfet n'a pas encore signé l'arrêté.", "signé", "le préfet n'a pas encore signé l'arrêté"),
    # a present participle is no incise: the noun after it is its object, its subject the verb's (was "la
    # réforme injuste jugeant que le maire a démissionné")
    (
        "Le maire a démissionné lundi, jugeant la réforme injuste.",
        "jugeant",
        "Le maire jugeant la réforme injuste",
    ),
    # a present participle set apart after an incise tells what the incise's speaker did, not the quotation's
    # subject (were "le syndicaliste Marc Petit a déclaré : Nous ne céderons pas", "Le mouvement est citoyen")
    (
        "« Nous ne céderons pas », a déclaré mardi le syndicaliste Marc Petit, jugeant la réforme injuste.",
        "jugeant",
        "le syndicaliste Marc Petit jugeant la réforme injuste",
    ),
    (
        "« Le mouvement est citoyen », a ajouté cet élu de droite, précisant qu'il ira manifester samedi.",
        "précisant",
        "cet élu de droite précisant qu'il ira manifester",
    ),
    # a person's name set apart before what the person is: the name is the subject (was "l'un des porte-parole
    # du collectif a annoncé")
    (
        "Face aux menaces, Jean Morel, l'un des porte-parole du collectif, a annoncé lundi qu'il quittait le "
        "mouvement.",
        "annoncé",
        "Jean Morel a annoncé qu'il quittait le mouvement",
    ),
    # a pronoun told as the name it stands for: the conjunction that opened its clause opens nothing (was
    # "Marie Durand qu' ne participera plus …"), and the saying that reports the clause keeps it (was "Marie
    # Durand a annoncé")
    (
        "Face aux critiques, Marie Durand, l'une des figures du collectif, a annoncé lundi 3 mai qu'elle ne "
        "participera plus aux réunions.",
        "participera",
        "Marie Durand ne participera plus aux réunions",
    ),
    (
        "Face aux critiques, Marie Durand, l'une des figures du collectif, a annoncé lundi 3 mai qu'elle ne "
        "participera plus aux réunions.",
        "annoncé",
        "Marie Durand a annoncé qu'elle ne participera plus aux réunions",
    ),
    # a participle set apart with its own reflexive pronoun is a clause of its own, not the verb's attribute
    # (was "… à Rouen brûlant à 60%", without its "se")
    (
        "Le 3 mai, Paul K., un lycéen de 17 ans en grande difficulté scolaire, s'immole par le feu à Rouen, "
        "se "
        "brûlant à 60%.",
        "immole",
        "Paul K. s'immole par le feu à Rouen",
    ),
    # a closing quotation mark with no quotation open in its paragraph closes one opened before: the words
    # of its sentence are quoted, not the subject of the verb of saying (was "une posture de prudence a
    # expliqué le haut fonctionnaire"); a noun attribute with its copula is a clause it reports
    (
        'Le maire a parlé lundi. "Les annonces ont conduit à souhaiter que toutes les options soient '
        "étudiées.\n\nC'est une posture de prudence : il s'agit d'anticiper une situation où ces hommes "
        'seraient libérés", a expliqué mardi le haut fonctionnaire.',
        "expliqué",
        "le haut fonctionnaire a expliqué : « C'est une posture de prudence »",
    ),
    # an incise that opens on the pronoun of whom it was said to: its subject follows (was "l'a interpellé la
    # journaliste Marie Dupuis", as if she were the one addressed)
    (
        "« Vous avez menti aux Français », l'a interpellé mardi soir la journaliste Marie Dupuis.",
        "interpellé",
        "la journaliste Marie Dupuis a interpellé",
    ),
    # an editorial word with a determiner of its own is a common noun, no tag: it may be a subject, or the
    # antecedent of "qui" (were "montre son agression", "ont confirmé l'arrestation")
    (
        "Il a été condamné le 2 juin après la diffusion d'une vidéo qui montre son agression contre un "
        "policier "
        "lors de la manifestation du 1er-Mai.",
        "montre",
        "une vidéo montre son agression",
    ),
    (
        "Le 3 mai, les sources de la police ont confirmé l'arrestation.",
        "confirmé",
        "les sources de la police ont confirmé l'arrestation",
    ),
    # an event noun told alone keeps the complement that says what it is, with whom or against what (were
    # "une collision", "Des rassemblements", "leur publication"); one its clause tells keeps the clause
    (
        "Le 20 mai, un motard de 40 ans est mort des suites de ses blessures, après une collision la veille "
        "avec une voiture qui roulait trop vite.",
        "collision",
        "une collision avec une voiture",
    ),
    (
        "Des rassemblements pour le climat le samedi 9 mars",
        "rassemblements",
        "Des rassemblements pour le climat",
    ),
    (
        "Ces travaux ont eu une grande influence après leur publication par l'Institut Pasteur le 16 mars.",
        "publication",
        "leur publication par l'Institut Pasteur",
    ),
    (
        "Le 3 mai, ils ont participé à une manifestation contre la réforme des retraites.",
        "manifestation",
        "ils ont participé à une manifestation",
    ),
    # a past participle the model hangs on the noun before it as an adjective describes that noun (was
    # "détecté mardi")
    (
        "Un autre foyer est signalé en Savoie : la fille et l'ami du couple détecté mardi (un homme de 60 "
        "ans de retour de Milan).",
        "détecté",
        "le couple détecté",
    ),
    # a verb with no object keeps its first complement of place or company, also where the model hangs it on
    # the date (were "Il est arrivé", "Julie était installée"); an attribute keeps its own (was "ont tous été
    # en contact")
    (
        "Il est arrivé le 24 janvier en France pour un séjour de quatre jours et il a séjourné dans la "
        "commune "
        "de Megève.",
        "arrivé",
        "Il est arrivé en France",
    ),
    (
        "A Lyon, près du parc de la Tête d'Or, Julie était installée dès mardi matin en terrasse de son café "
        "préféré avec une amie.",
        "installée",
        "Julie était installée en terrasse de son café",
    ),
    (
        "Des médecins ont indiqué ce jeudi 30 avril que ces patients ont tous été en contact avec le nouveau "
        "virus, soulignant toutefois que le lien n'était pas établi.",
        "indiqué",
        "Des médecins ont indiqué que ces patients ont tous été en contact avec le nouveau virus",
    ),
    # an event noun in a complement of its clause: the clause without the complement, then the complement as
    # written (the clause's own complement rule would take the noun in and lose the clause: "le cortège du 1er
    # mai à Lyon")
    (
        "Trois hommes sont poursuivis depuis le 3 mars dans l'enquête sur les dégradations commises en marge "
        "du "
        "cortège du 1er mai à Lyon.",
        "cortège",
        "les dégradations commises en marge du cortège du 1er mai à Lyon",
    ),
    # the objects coordinated by "et" or "ou" are objects too, also one the model hangs on the verb (were
    # "le président a reçu Angela Merkel", "on voit Emmanuel")
    (
        "Le 3 mai, le président a reçu Angela Merkel et Justin Trudeau.",
        "reçu",
        "le président a reçu Angela Merkel et Justin Trudeau",
    ),
    (
        "Le 3 mai, la police a interpellé deux hommes et une femme.",
        "interpellé",
        "la police a interpellé deux hommes et une femme",
    ),
    (
        "Le 13 juillet, on voit Emmanuel et Brigitte Macron en déplacement privé à Giverny.",
        "voit",
        "on voit Emmanuel et Brigitte Macron",
    ),
    # "soit" sets apart another way to say it, no second object
    (
        "Le 3 mai, l'homme d'affaires avait obtenu 12% des voix, soit à peu près le score de 2017.",
        "obtenu",
        "l'homme d'affaires avait obtenu 12% des voix",
    ),
    # the count written right before the subject, which the model hangs elsewhere, is told with it (was
    # "gilets jaunes ont été comptés")
    (
        '98.450 "gilets jaunes" ont été comptés samedi à 18h00 dans tout le pays, a indiqué le ministère.',
        "comptés",
        "98.450 gilets jaunes ont été comptés dans tout le pays",
    ),
    # where an incise was said ("au micro de …") is not what it says: it tells the quotation before it (was
    # "a-t déclaré au micro de France Info")
    (
        '"Nous partons", a-t-il déclaré mardi au micro de France Info.',
        "déclaré",
        "il a déclaré : « Nous partons »",
    ),
    # "comme l'a dit X" is an incise of saying: X said the clause it is set in
    (
        "Jeudi, comme l'a raconté le maire, les pompiers ont évacué l'école.",
        "raconté",
        "le maire a raconté que les pompiers ont évacué l'école",
    ),
    (
        "Samedi, les routes ont été fermées, comme l'a indiqué la préfecture.",
        "indiqué",
        "la préfecture a indiqué que les routes ont été fermées",
    ),
    # a locution is one word of French in several: its words go together ("plus de", "à travers")
    (
        "Samedi 17 novembre, la mobilisation avait rassemblé plus de 280.000 personnes.",
        "rassemblé",
        "la mobilisation avait rassemblé plus de 280.000 personnes",
    ),
    (
        "Dimanche, les pompiers ont évacué près de 300 habitants.",
        "évacué",
        "les pompiers ont évacué près de 300 habitants",
    ),
    # "ne … que" with the noun phrase "que" opens, which the model hangs deeper than the verb: without it
    # the summary says the opposite ("il ne persiste")
    (
        "Aujourd'hui, il ne persiste dans le fond qu'une colère sourde.",
        "persiste",
        "il ne persiste qu'une colère sourde",
    ),
    # the speaker written after the incise's verb and its date (the model hangs the name elsewhere)
    (
        'La France va fermer "toutes les écoles et les universités du pays", a annoncé jeudi 12 mars '
        "Emmanuel Macron, alors que l'épidémie s'accélère.",
        "annoncé",
        "Emmanuel Macron a annoncé que la France va fermer toutes les écoles et les universités du pays",
    ),
    # an adverb of place is kept with the place its "de" names (was "Des heurts ont éclaté autour")
    (
        "Des heurts ont éclaté samedi autour de l'Arc de Triomphe.",
        "éclaté",
        "Des heurts ont éclaté autour de l'Arc de Triomphe",
    ),
    # a subject the model does not see, written before the verb, may open on an adverb of quantity and
    # its "de" ("Plus de 500 …"): no complement
    (
        'Plus de 1.500 "gilets jaunes" manifestaient à la mi-journée dans la ville pour l\'acte 20, selon la '
        "police.",
        "manifestaient",
        'Plus de 1.500 "gilets jaunes" manifestaient dans la ville',
    ),
    (
        'Moins de 200 "gilets jaunes" manifestaient à la mi-journée dans le centre, selon la préfecture.',
        "manifestaient",
        'Moins de 200 "gilets jaunes" manifestaient dans le centre',
    ),
    # an adverb of time with its own modifiers, which the model reads as the subject, is none: the subject
    # is the noun phrase written before the verb ("Un peu plus tôt dans la journée le ministre …")
    (
        "Un peu plus tôt dans la journée le ministre de la Santé Olivier Véran avait fait état de 73 cas.",
        "fait",
        "le ministre de la Santé Olivier Véran avait fait état de 73 cas",
    ),
    (
        "Plus tard dans la soirée la préfecture a annoncé la fermeture du parc.",
        "annoncé",
        "la préfecture a annoncé la fermeture du parc",
    ),
    ("Beaucoup ont voté dimanche.", "voté", "Beaucoup ont voté"),  # a bare adverb of quantity stays
    # a verb coordinated with another has its own subject when one is written between "et" and it, wherever
    # the model hangs it; else it shares the first verb's
    (
        "Il a ensuite développé des problèmes respiratoires et le test s'est révélé positif le 28 janvier.",
        "révélé",
        "le test s'est révélé positif",
    ),
    ("Le maire est arrivé lundi et a inauguré le pont.", "inauguré", "Le maire a inauguré le pont"),
    (  # the subject's first noun, not a name of its complement
        "En ce qui concerne les morts dans les Ehpad, les derniers chiffres publiés remontent au 2 juin et "
        "leur prochaine actualisation par Santé Publique France est prévue mardi.",
        "prévue",
        "leur prochaine actualisation par Santé Publique France est prévue",
    ),
    # a participle opening its sentence describes the subject after its comma, which ends before the
    # reflexive pronoun of the main verb
    (
        "Interrogé sur RMC mardi matin, le chef d'entreprise s'est montré tout aussi véhément.",
        "Interrogé",
        "le chef d'entreprise interrogé sur RMC",
    ),
    # an infinitive's auxiliary after the date, which the model does not label an auxiliary
    (
        "La ministre du Travail, Muriel Pénicaud, a indiqué dimanche 6 janvier avoir débloqué 32 millions "
        "d'euros pour payer les salaires.",
        "indiqué",
        "Muriel Pénicaud a indiqué avoir débloqué 32 millions d'euros",
    ),
    # a past infinitive after "après" whose subject the summary tells before it: "après" goes
    (
        "Le patient est hospitalisé à Bordeaux après s'être présenté jeudi aux urgences.",
        "présenté",
        "Le patient s'est présenté aux urgences",
    ),
    ("Le maire a démissionné après avoir perdu lundi la majorité.", "perdu", "Le maire a perdu la majorité"),
    # a bare noun completes its noun: after "en" ("mise en liberté"), after "de" however deep ("chargé de
    # mission", the model's argument)
    (
        "Mardi, la justice examinera une nouvelle demande de mise en liberté de l'ancien chargé de mission.",
        "examinera",
        "la justice examinera une nouvelle demande de mise en liberté de l'ancien chargé de mission",
    ),
    (
        "Pour rappel, le chargé de mission de l'Élysée a frappé un manifestant le 1er mai dernier.",
        "frappé",
        "le chargé de mission de l'Élysée a frappé un manifestant",
    ),
    # an event noun after "après" is not told with the clause of the noun it completes (it was said twice)
    (
        "Ces deux personnes ont fait l'objet d'une vérification d'identité après leur interpellation, le"
        " 1er mai.",
        "interpellation",
        "leur interpellation",
    ),
    # a past participle opening its sentence describes the subject written after its comma, with its
    # complement ("Convoqué …" alone is no sentence)
    (
        "Convoqué mercredi devant les sénateurs, le préfet de police a expliqué avoir fait une demande.",
        "Convoqué",
        "le préfet de police convoqué devant les sénateurs",
    ),
    (
        "Interrogée mardi sur RTL, la ministre a indiqué que les écoles rouvriront.",
        "Interrogée",
        "la ministre interrogée sur RTL",
    ),
    # a noun set beside a name by a comma is what the person is, no second subject
    (
        "Christophe Prudhomme, médecin et porte-parole de l'association des médecins urgentistes, s'est"
        " exprimé samedi 25 janvier.",
        "exprimé",
        "Christophe Prudhomme s'est exprimé",
    ),
    # "avancer" a clause is saying it
    (
        "Le confinement devrait être prolongé, avait avancé jeudi la directrice de Santé publique France.",
        "avancé",
        "la directrice de Santé publique France avait avancé que le confinement devrait être prolongé",
    ),
    # an adverb that says how little or how nearly the verb happened stays: without it the summary says the
    # opposite (data/summaries.tsv limiting, and quantity set by the verb)
    (
        "Aujourd'hui, les Français ont peu préparé leurs voyages.",
        "préparé",
        "les Français ont peu préparé leurs voyages",
    ),
    ("Mardi, il a presque réussi son pari.", "réussi", "il a presque réussi son pari"),
    # "ne … que": with what it restricts the verb to; where that is the row's date, neither "ne" nor "que"
    (
        "Le ministre ne parlait que d'une suspension mardi.",
        "parlait",
        "Le ministre ne parlait que d'une suspension",
    ),
    (
        "Le chef de la diplomatie n'en aurait pris connaissance que le 24 décembre, via la presse.",
        "pris",
        "Le chef de la diplomatie en aurait pris connaissance",
    ),
    ("Le ministre n'a pas parlé mardi.", "parlé", "Le ministre n'a pas parlé"),
    # an infinitive keeps its "à" and its reflexive pronoun
    (
        "Le 3 mai, les colons commencent à s'installer dans la vallée.",
        "commencent",
        "les colons commencent à s'installer",
    ),
    (
        "Le 3 mai, les troupes ont commencé à se retirer de la ville.",
        "commencé",
        "les troupes ont commencé à se retirer de la ville",
    ),
    # … and its "de", with its object
    (
        "En 1920, le mandat français décide d'instaurer un nouvel État.",
        "décide",
        "le mandat français décide d'instaurer un nouvel État",
    ),
    (
        "Le président a décidé jeudi de dissoudre l'Assemblée.",
        "décidé",
        "Le président a décidé de dissoudre l'Assemblée",
    ),
    (
        "Samedi, le ministre a refusé de se prononcer sur la réforme.",
        "refusé",
        "le ministre a refusé de se prononcer sur la réforme",
    ),
    # a past infinitive is told with the verb it completes, and its subject
    ("Il est accusé d'avoir volé une voiture le 2 mars.", "volé", "Il est accusé d'avoir volé une voiture"),
    # a participle keeps its auxiliary, and a pronominal verb its "se"
    ("Ils se sont mariés le 3 mai 1990 à Nancy.", "mariés", "Ils se sont mariés à Nancy"),
    (
        "Jeudi, les habitants se sont installés dans la vallée.",
        "installés",
        "les habitants se sont installés dans la vallée",
    ),
    # a passive keeps its attribute
    ("En 1946, ce pays a été proclamé indépendant.", "proclamé", "ce pays a été proclamé indépendant"),
    # the negation stays whole, its second word too where the model does not mark it ("ne … plus")
    (
        "Le 18 mars, la militante a annoncé qu'elle ne participera plus aux manifestations.",
        "annoncé",
        "la militante a annoncé qu'elle ne participera plus aux manifestations",
    ),
    # …
    (
        "Le ministère n'a pas commenté samedi la situation.",
        "commenté",
        "Le ministère n'a pas commenté la situation",
    ),
    # an object pronoun stays before its verb
    ("Samedi, le maire l'a confirmé.", "confirmé", "le maire l'a confirmé"),
    # a participle describing a noun: the noun it agrees with, the participle, where
    ("Hafez al-Assad, né en 1930 à Qardaha, a pris le pouvoir en 1970.", "né", "Hafez al-Assad né à Qardaha"),
    ("Le jeune officier, né en 1930 à Qardaha, a rejoint le parti.", "né", "Le jeune officier né à Qardaha"),
    (
        "L'indépendance de ce pays proclamée en 1946 a changé la région.",
        "proclamée",
        "L'indépendance de ce pays proclamée",
    ),
    # a name inside the phrase is never cut ("de la République" without "de Donetsk")
    (
        "La retraite a été confirmée samedi par le vice-ministre de l'Information "
        "de la République de Donetsk.",
        "confirmée",
        "La retraite a été confirmée par le vice-ministre de l'Information de la République de Donetsk",
    ),
    # a relative clause describing the object is left out
    (
        "Jeudi, la police a arrêté trois suspects qui avaient volé une voiture.",
        "arrêté",
        "la police a arrêté trois suspects",
    ),
    # an adverb opening a complement is no part of the object ("lors d'une manifestation")
    (
        "Le chargé de mission a frappé un jeune homme lors d'une manifestation à Paris le 1er mai dernier.",
        "frappé",
        "Le chargé de mission a frappé un jeune homme",
    ),
    # "N à N" with no determiner is one noun ("garde à vue")
    (
        "Samedi, trois policiers ont été placés en garde à vue.",
        "placés",
        "trois policiers ont été placés en garde à vue",
    ),
    # a causative "faire" stays with its infinitive
    (
        "Alerté, le ministère de l'Intérieur fait parvenir l'information à l'Élysée le 2 mai.",
        "parvenir",
        "le ministère de l'Intérieur fait parvenir l'information à l'Élysée",
    ),
    # an event noun after a fused "du"/"des" keeps its article, and the date that completes it names it
    ("Il était présent lors du défilé du 1er mai à Paris.", "défilé", "le défilé du 1er mai"),
    # … and set in its clause by a preposition of the same time, it is told with that clause, as written
    (
        "Il a frappé des manifestants lors des manifestations du 1er mai.",
        "manifestations",
        "Il a frappé des manifestants lors des manifestations du 1er mai",
    ),
    (
        "Pendant cette rencontre le 26 juillet, interdite par leur contrôle judiciaire, le gendarme Vincent "
        "Crase évoquerait aussi la possibilité de se rendre dans les locaux du parti.",
        "rencontre",
        "Pendant cette rencontre, le gendarme Vincent Crase évoquerait la possibilité de se rendre dans les "
        "locaux du parti",
    ),
    (
        "Selon un sondage réalisé au lendemain des violences qui ont éclaté lors des manifestations du 1er "
        "décembre à Paris, ils les soutiennent.",
        "manifestations",
        "les violences ont éclaté lors des manifestations du 1er décembre",
    ),
    (
        "Les deux personnes frappées par Alexandre Benalla durant la manifestation du 1er mai se sont "
        "constituées parties civiles.",
        "manifestation",
        "Les deux personnes frappées par Alexandre Benalla durant la manifestation du 1er mai",
    ),
    (
        "Elle a dû s'équiper elle-même pour la manifestation de samedi.",
        "manifestation",
        "Elle a dû s'équiper elle-même pour la manifestation de samedi",
    ),
    (
        "Le président interviendra dimanche, après les manifestations de samedi.",
        "manifestations",
        "les manifestations de samedi",
    ),
    # … without the adverb or conjunction before it
    (
        "« J'attends le week-end de mobilisation, et aussi la grève du 5 décembre », confie-t-il.",
        "grève",
        "la grève du 5 décembre",
    ),
    # … a date that does not complete it stays out
    (
        "Avec l'attaque de Strasbourg mardi soir, la situation a changé.",
        "attaque",
        "Avec l'attaque de Strasbourg, la situation a changé",
    ),
    # an event noun with nothing but its determiner is told with the clause it is the object of
    (
        "Le collectif prévoyait un rassemblement samedi 16 février à 13h.",
        "rassemblement",
        "Le collectif prévoyait un rassemblement",
    ),
    (
        "Ce dernier avait participé à une soirée le 15 février.",
        "soirée",
        "Ce dernier avait participé à une soirée",
    ),
    (
        "Le président de la République devrait faire mardi d'importantes annonces.",
        "annonces",
        "Le président de la République devrait faire d'importantes annonces",
    ),
    # deep in a noun's complement, with no subject of its own: the participle it completes with its noun
    (
        "Après la publication d'une vidéo montrant Alexandre Benalla en train de frapper un manifestant "
        "le 1er mai dernier à Paris, certains s'interrogent.",
        "frapper",
        "une vidéo montrant Alexandre Benalla en train de frapper un manifestant",
    ),
    # a copula stays with its attribute
    (
        "Quelque 1.500 actions sont attendues samedi dans l'ensemble du pays.",
        "attendues",
        "Quelque 1.500 actions sont attendues",
    ),
    # a participle agrees with the complement it describes ("la hausse prévue", not "un moratoire prévue") …
    (
        "La plupart des manifestants demandent un moratoire sur la hausse prévue au 1er janvier.",
        "prévue",
        "la hausse prévue",
    ),
    # … and a fronted one follows its noun, without the sentence's capital
    ("Lancée fin mai, la pétition a connu un succès fulgurant.", "Lancée", "la pétition lancée"),
    # a "de" complement of a time word is the time's, not the verb's object; "au lendemain de violences" names
    # no day (no determiner: no dated event to count from), so it stays in the clause, whole …
    (
        "Dimanche, une riposte s'est mise en place au lendemain de violences sans précédent.",
        "mise",
        "une riposte s'est mise en place au lendemain de violences",
    ),
    (
        "Pour cette journée de manifestations multiples à Paris, les autorités disent craindre un retour des "
        "violences.",
        "disent",
        "les autorités disent craindre un retour des violences",
    ),
    # an infinitive after "avant de", "pour" is told with the verb that gives it its subject and tense
    (
        "Fin août, il a participé au contre-sommet du G7, avant de revenir dans les manifestations "
        "parisiennes en septembre.",
        "revenir",
        "il a participé au contre-sommet du G7 avant de revenir dans les manifestations parisiennes",
    ),
    # a verb the parse gives no subject takes the noun phrase written right before it, over an aside …
    (
        "Sur RTL, Jacline Mouraud, qui avait interpellé le président, a tenté jeudi de calmer le jeu.",
        "tenté",
        "Jacline Mouraud a tenté de calmer le jeu",
    ),
    (
        "La ville de Bordeaux est jumelée avec celle de Wuhan et son maire Nicolas Florian a adressé "
        "vendredi un message de soutien.",
        "adressé",
        "son maire Nicolas Florian a adressé un message de soutien",
    ),
    # … quotation marks inside it included
    (
        "Venus de toute la France, quelque 600 « gilets jaunes » sont réunis à partir de vendredi 1er "
        "novembre à Montpellier.",
        "réunis",
        "quelque 600 « gilets jaunes » sont réunis à Montpellier",
    ),
    # … over an apposition: a comma before a verb of saying makes no incise when nothing is reported
    (
        "Plus tôt dans la journée, Paris Musées, l'établissement public gérant plusieurs musées de la "
        "capitale, avait annoncé sur Twitter la fermeture préventive de plusieurs sites.",
        "annoncé",
        "Paris Musées avait annoncé sur Twitter la fermeture préventive de plusieurs sites",
    ),
    # … coordinated before a plural verb
    (
        "Présents la veille dans les locaux de la police, Alexandre Benalla et Vincent Crase ont également "
        "été questionnés jeudi.",
        "questionnés",
        "Alexandre Benalla et Vincent Crase ont été questionnés",
    ),
    # a relative clause whose pronoun is no subject is told with what the pronoun stands for
    ("Il a évoqué le cap que nous avons fixé en mai 2017.", "fixé", "le cap que nous avons fixé"),
    (
        "Elle s'est investie dans la Fondation des Hôpitaux de Paris, dont elle a pris en mai 2019 la "
        "présidence.",
        "pris",
        "la Fondation des Hôpitaux de Paris dont elle a pris la présidence",
    ),
    (
        "Les patients viennent de Wuhan, la ville chinoise où l'épidémie est apparue en décembre.",
        "apparue",
        "la ville chinoise où l'épidémie est apparue",
    ),
    # the object the model hangs on the time expression is still the verb's
    (
        "Yannick Delpech a publié lundi après-midi un message sur Facebook.",
        "publié",
        "Yannick Delpech a publié un message",
    ),
    # a verb the model tags as a noun, with its auxiliary, is told as a verb
    (
        "Levavasseur n'ira plus manifester, selon un communiqué, confirmant qu'elle a bien défilé samedi à "
        "Paris.",
        "défilé",
        "elle a défilé à Paris",
    ),
    # a percentage keeps its sign (the model tags "%" as punctuation)
    ("Jeudi, la mortalité a bondi de 23% en France.", "bondi", "la mortalité a bondi de 23%"),
    # a word that only opens the time expression goes with it ("d'ici" before "la fin du mois")
    (
        "Il devrait notamment lancer d'ici la fin du mois la concertation sur la réforme des retraites.",
        "lancer",
        "Il devrait lancer la concertation",
    ),
    # a demonstrative pronoun keeps its complement, wherever the model hangs it
    (
        "Cette initiative s'ajoute à celle, annoncée fin janvier, du Ralliement d'initiative citoyenne.",
        "annoncée",
        "celle du Ralliement d'initiative citoyenne annoncée",
    ),
    # an inverted speaker leads
    (
        "La menace reste élevée, a averti jeudi Emmanuel Macron.",
        "averti",
        "Emmanuel Macron a averti que la menace reste élevée",
    ),
    # a verb of saying dated itself tells who said what: the clause it reports after "que" …
    (
        "Mercredi, le préfet a assuré que les routes seraient rouvertes.",
        "assuré",
        "le préfet a assuré que les routes seraient rouvertes",
    ),
    # … with its subject, not the weekday the model reads as a second one
    (
        "Jeudi, la ministre Agnès Buzyn a indiqué qu'il y avait eu deux cas suspects.",
        "indiqué",
        "la ministre Agnès Buzyn a indiqué qu'il y avait eu deux cas suspects",
    ),
    # … the clause an incise follows, its speaker first (the model reads it as the object)
    (
        "Le nombre de cas est passé de 18 à 38, a indiqué jeudi le ministre de la Santé.",
        "indiqué",
        "le ministre de la Santé a indiqué que le nombre de cas est passé de 18 à 38",
    ),
    # … "a-t-on appris" is who learnt what
    (
        "La victime a percuté un poids lourd, a-t-on appris vendredi auprès du procureur.",
        "appris",
        "on a appris que la victime a percuté un poids lourd",
    ),
    # … a direct quotation stays one, after a colon: "que je réponds" would change who speaks
    (
        "« Je réponds au peuple français », a lancé mardi le président de la République.",
        "lancé",
        "le président de la République a lancé : « Je réponds au peuple français »",
    ),
    (
        "« Nous arrivons à un moment dangereux », a-t-il jugé mercredi soir sur Franceinfo.",
        "jugé",
        "il a jugé : « Nous arrivons à un moment dangereux »",
    ),
    (
        "« Nous viendrons », a confirmé jeudi le ministre.",
        "confirmé",
        "le ministre a confirmé : « Nous viendrons »",
    ),
    ("« C'est fini ! », a-t-elle lancé jeudi.", "lancé", "elle a lancé : « C'est fini »"),
    # … the main clause an incise follows, not its "si" clause
    (
        "« Si on ne fait rien, on va droit à la catastrophe », a averti lundi le maire.",
        "averti",
        "le maire a averti : « on va droit à la catastrophe »",
    ),
    # … the clause of the word the model hangs an incise on
    (
        "L'ancien boxeur a été suspendu de ses fonctions par la mairie, rapporte franceinfo jeudi.",
        "rapporte",
        "franceinfo rapporte que l'ancien boxeur a été suspendu de ses fonctions par la mairie",
    ),
    # … a verb that takes no "que" tells it after a colon
    (
        "Le déconfinement devra rester prudent, a insisté mercredi Jean Castex.",
        "insisté",
        "Jean Castex a insisté : le déconfinement devra rester prudent",
    ),
    # … its speaker never the quotation's "je"; a speaker with an apposition
    (
        "« J'ai des éléments matériels », a insisté dimanche maître de Veulle.",
        "insisté",
        "maître de Veulle a insisté : « J'ai des éléments matériels »",
    ),
    (
        "« C'est intolérable », a dénoncé lundi soir sur BFMTV Johann Cavallero, délégué national du "
        "syndicat Alliance.",
        "dénoncé",
        "Johann Cavallero a dénoncé : « C'est intolérable »",
    ),
    # … its speaker beyond the words the model hangs between ("à l'AFP"), the clause it reports even where
    # the model reads it as the saying's subject
    (
        "Les professionnels restent inquiets, explique jeudi à l'AFP Florence Arnaiz-Maumé.",
        "explique",
        "Florence Arnaiz-Maumé explique que les professionnels restent inquiets",
    ),
    (
        "Ce n'est pas vrai, a déclaré mardi à l'AFP Patrick Pelloux.",
        "déclaré",
        "Patrick Pelloux a déclaré que ce n'est pas vrai",
    ),
    # … and a speaker the parser cut off into a sentence of its own, as written before the verb
    (
        "Santé publique France annonce dimanche 19 avril que 25 000 diagnostics sont pratiqués "
        "quotidiennement.",
        "annonce",
        "Santé publique France annonce que 25 000 diagnostics sont pratiqués",
    ),
    # … what the model hangs after it as an adverbial: a "que" clause, a past infinitive
    (
        "Face aux explosions de violence qui émaillent les rassemblements, Ingrid Levavasseur, l'une des "
        "figures du mouvement, a annoncé lundi 18 mars qu'elle ne participera plus aux manifestations des "
        "gilets jaunes.",
        "annoncé",
        "Ingrid Levavasseur a annoncé qu'elle ne participera plus aux manifestations des gilets jaunes",
    ),
    (
        "La préfecture a annoncé vendredi 7 décembre avoir pris des arrêtés d'interdiction.",
        "annoncé",
        "La préfecture a annoncé avoir pris des arrêtés d'interdiction",
    ),
    # … but a saying with an object of its own is told as any verb
    ("Le ministre a annoncé jeudi sa démission.", "annoncé", "Le ministre a annoncé sa démission"),
    # a quantity of a plural agrees with a plural verb: it is the subject
    (
        "Mardi soir, une centaine de personnes ont manifesté à Nantes.",
        "manifesté",
        "une centaine de personnes ont manifesté à Nantes",
    ),
    # "ce" stands for its relative clause
    (
        "Europe 1 dévoile ce mardi ce que le président devrait annoncer.",
        "dévoile",
        "Europe 1 dévoile ce que le président devrait annoncer",
    ),
    # a name the model hangs on the verb is its object
    (
        "Ce lundi, une professeure de lettres, mère d'un manifestant, interpelle Emmanuel Macron sur "
        "Facebook.",
        "interpelle",
        "une professeure de lettres interpelle Emmanuel Macron sur Facebook",
    ),
    # "qui" stands for the noun of the phrase that agrees with its verb, with its article ("de vélos qui
    # sommeillent": des vélos); "que" the model reads as a conjunction still has its antecedent
    (
        "Ils financent la remise en état de vélos qui sommeillent dans des caves depuis mars.",
        "sommeillent",
        "des vélos sommeillent dans des caves",
    ),
    (
        "Samedi, les policiers ont dénoncé un durcissement de ce mouvement que le gouvernement "
        "dénonce depuis dimanche.",
        "dénonce",
        "un durcissement de ce mouvement que le gouvernement dénonce",
    ),
    # a name set beside its title or description by commas: the name alone; a title, its complement and the
    # name with no comma: all of them, without the relative clause after the name
    (
        "Jeudi, Pharos, la plateforme de signalement, a fait état d'une centaine de signalements.",
        "fait",
        "Pharos a fait état d'une centaine de signalements",
    ),
    (
        "Dimanche, le ministre de la Santé Olivier Véran, qui était à Lyon, a annoncé de nouvelles mesures.",
        "annoncé",
        "le ministre de la Santé Olivier Véran a annoncé de nouvelles mesures",
    ),
    (
        "Selon Marianne, Édouard Philippe est arrivé samedi à Matignon.",
        "arrivé",
        "Édouard Philippe est arrivé à Matignon",
    ),
    # a noun coordinated with a name, no determiner, is what the person is: no second subject
    (
        "Vincent Lambert, en état végétatif, et figure du débat, est mort jeudi à Reims.",
        "mort",
        "Vincent Lambert est mort",
    ),
    (
        "Le 3 mai, les écoliers et collégiens sont retournés en classe.",
        "retournés",
        "les écoliers et collégiens sont retournés en classe",
    ),
    # a participle agrees with its noun in number too ("prévue": the fall, not the taxes; "déplacée": the
    # sitting, not the questions); a noun with no determiner of its own takes the article its "de" holds
    (
        "Les Français réclament l'annulation de la baisse des taxes prévue en janvier.",
        "prévue",
        "la baisse des taxes prévue",
    ),
    (
        "Les députés auront la primeur avant une séance de questions au gouvernement déplacée mercredi.",
        "déplacée",
        "une séance de questions déplacée",
    ),
    (
        "Le 8 janvier, le gouvernement a annoncé une prolongation des mesures prises à la fin novembre.",
        "prises",
        "les mesures prises",
    ),
    # an object after the date, read as a mere complement by the model (no preposition): the object
    ("Il a réuni mardi une soixantaine de décideurs.", "réuni", "Il a réuni une soixantaine de décideurs"),
    # a saying that reports an impersonal adverb's clause ("il est trop tôt") tells it
    (
        "L'OMS a estimé mercredi qu'il était beaucoup trop tôt pour conclure.",
        "estimé",
        "L'OMS a estimé qu'il était beaucoup trop tôt",
    ),
    # an attribute the model reads as a noun, with its copula and no determiner: the clause
    ("Depuis novembre, 11 malades sont morts samedi.", "morts", "11 malades sont morts"),
    # an adverb of quantity keeps the object the model hangs on it
    (
        "Jeudi, Philippe Bas a réclamé plus de transparence.",
        "réclamé",
        "Philippe Bas a réclamé plus de transparence",
    ),
    # the copula of an attribute a modal governs stays ("doit être", not "doit dans un rayon")
    (
        "Samedi, la sortie doit être dans un rayon d'un kilomètre.",
        "doit",
        "la sortie doit être dans un rayon d'un kilomètre",
    ),
    (
        "« Nous changeons les règles, cela peut être un tournant », a ajouté lundi la ministre.",
        "ajouté",
        "la ministre a ajouté : « cela peut être un tournant »",
    ),
    # an infinitive object keeps its "de" and its object pronoun
    (
        "Mardi, la ministre a appelé à arrêter de les culpabiliser.",
        "appelé",
        "la ministre a appelé à arrêter de les culpabiliser",
    ),
    # a noun object keeps the infinitive it governs through "de" ("la nécessité" alone says nothing)
    (
        "Mardi, le président a rappelé la nécessité de soutenir les entreprises.",
        "rappelé",
        "le président a rappelé la nécessité de soutenir les entreprises",
    ),
    # a modal keeps its infinitive set apart by an aside
    (
        "Le 3 mai, le pays doit, selon lui, retrouver sa prospérité.",
        "doit",
        "le pays doit retrouver sa prospérité",
    ),
    # an adjective after its noun keeps the complement it governs ("dus" alone dangles)
    (
        "Jeudi, le ministre a annoncé 12 nouveaux décès dus au virus.",
        "annoncé",
        "le ministre a annoncé 12 nouveaux décès dus au virus",
    ),
    # an approximate quantity keeps its "de"
    ("Samedi, près de 300 cas ont été confirmés.", "confirmés", "près de 300 cas ont été confirmés"),
    # a masculine participle describes no feminine noun: the complement it agrees with …
    (
        "Le préfet a indiqué que la fin du couvre-feu, instauré depuis le 3 mai, serait repoussée.",
        "instauré",
        "le couvre-feu instauré",
    ),
    # … or the noun a participle describes the object of, with the article its "de" holds
    (
        "Il s'agissait du premier cas de contagion, annoncé le 30 janvier.",
        "annoncé",
        "le premier cas de contagion annoncé",
    ),
    # "qui" the model hangs on no noun stands for the noun before its comma
    (
        "Au cours d'un dîner, qui s'est tenu vendredi, les deux hommes se sont parlé.",
        "tenu",
        "un dîner s'est tenu",
    ),
    (
        "Le Sénat a prévu sa commission d'enquête, qui sera mise en place le 3 mai.",
        "mise",
        "sa commission d'enquête sera mise en place",
    ),
    # … an article the model reads as a pronoun before its noun is the noun's
    (
        "La ville attend impatiemment le déconfinement, qui sera mis en place le 11 mai.",
        "mis",
        "le déconfinement sera mis en place",
    ),
    # an aside set between a subject and its verb, whose nearest noun does not agree, tells of that subject
    (
        "L'essai du vaccin, qui doit concerner 500 patients pendant deux ans, qui devait débuter en "
        "septembre, est reporté.",
        "débuter",
        "L'essai du vaccin devait débuter",
    ),
    # a subject that does not agree with its verb is an apposition when a noun that agrees opens its phrase
    (
        "Ces deux députés, accompagnés d'un sénateur, président de la commission des lois, ont envoyé mardi "
        "un courrier au ministre.",
        "envoyé",
        "Ces deux députés ont envoyé un courrier",
    ),
    # a plural noun of the quotation is not the subject of the singular incise after it: its speaker leads
    (
        "Il a parlé lundi. « C'est-à-dire toutes les questions sur mon rôle à la mairie », a annoncé "
        "Jean Dupont.",
        "annoncé",
        "Jean Dupont a annoncé",
    ),
    # a subject pronoun of a clause set in the sentence stands for the sentence's subject where it agrees …
    (
        "Lorsqu'il a été entendu par les juges le 30 juillet, Jean Martin a nié les faits.",
        "entendu",
        "Jean Martin a été entendu par les juges",
    ),
    (
        "Le commerçant l'assure : il a été menacé samedi par des clients.",
        "menacé",
        "Le commerçant a été menacé par des clients",
    ),
    ("Sa sortie était guettée, elle est arrivée lundi.", "arrivée", "Sa sortie est arrivée"),
    # … not where it does not ("elle" is not the director), nor in a quotation before its incise's speaker
    (
        "Quand elle a été entendue par les juges le 30 juillet, le directeur a nié les faits.",
        "entendue",
        "elle a été entendue par les juges",
    ),
    ("« S'il le voulait, il l'aurait fait lundi », a déclaré le député.", "fait", "il l'aurait fait"),
    # an event noun with no article, completing another through "de", is told with that noun and its clause
    (
        "Le nombre total de décès depuis le 1er mars s'élève désormais à 26.310.",
        "décès",
        "Le nombre total de décès s'élève à 26.310",
    ),
    (
        "La France, qui compte 130 cas de contamination depuis fin janvier, est devenue un foyer du virus.",
        "contamination",
        "La France compte 130 cas de contamination",
    ),
    # a bare noun right after its verb makes one verb with it ("rendre visite")
    (
        "Le président a rendu visite jeudi aux soignants de l'hôpital.",
        "visite",
        "Le président a rendu visite aux soignants de l'hôpital",
    ),
    # "dévoiler" tells what it reveals, "scander" a quotation after a colon (data/summaries.tsv) …
    (
        "Les premiers chiffres sont inquiétants, a dévoilé jeudi Le Monde.",
        "dévoilé",
        "Le Monde a dévoilé que les premiers chiffres sont inquiétants",
    ),
    (
        "« Nous voulons un logement », ont scandé samedi les manifestants.",
        "scandé",
        "les manifestants ont scandé : « Nous voulons un logement »",
    ),
    # … and "ce que" stays what was said, not that it was said
    (
        "Le journal a dévoilé ce dimanche 22 juillet ce que le ministre a déclaré aux enquêteurs.",
        "dévoilé",
        "Le journal a dévoilé ce que le ministre a déclaré aux enquêteurs",
    ),
    # "dont" after a comma links its clause: no part of the subject it opens, which it tells whose it is (was
    # "le président s'est étonné …", of whom not said)
    (
        "Il a expliqué l'affaire aux juges, dont le président s'est étonné samedi du nombre de plaintes.",
        "étonné",
        "le président des juges s'est étonné du nombre de plaintes",
    ),
    # "où" hung on a noun far before it is not told with that noun; right after its noun, it is
    (
        "Un médecin a été contaminé par une personne rentrée en Asie, où elle a déclaré la maladie lundi.",
        "déclaré",
        "elle a déclaré la maladie",
    ),
    (
        "Le ministre s'est rendu dans la ville où l'épidémie est apparue en décembre.",
        "apparue",
        "la ville où l'épidémie est apparue",
    ),
    # a date completing an event noun through "de" names it, whole however deep the model hangs its words
    (
        "Très choqué par les violences du samedi 1er décembre qui ont embrasé Paris, il a démissionné.",
        "violences",
        "les violences du samedi 1er décembre",
    ),
    # the subject of a pronominal verb written after it (the model's object) leads; an impersonal verb's
    # noun stays its object
    ("Mardi, s'est exprimé le maire de la ville.", "exprimé", "le maire de la ville s'est exprimé"),
    ("Samedi, il y aura une réunion des maires.", "aura", "il y aura une réunion des maires"),
    # "réclamer" tells a quotation as a saying, "alerter" after a colon (data/summaries.tsv)
    (
        "« Les médecins ont besoin de masques », réclamait le 2 mars le syndicat de généralistes.",
        "réclamait",
        "le syndicat de généralistes réclamait : « Les médecins ont besoin de masques »",
    ),
    (
        "« Ils n'ont reçu aucun matériel », alertait le 26 février le syndicat.",
        "alertait",
        "le syndicat alertait : « Ils n'ont reçu aucun matériel »",
    ),
    # nouns coordinated by "ainsi que" are plural: not the subject of a singular incise after them
    (
        'La Corse "est prête pour tester massivement" les personnes présentant des symptômes ainsi que '
        "celles avec lesquelles elles ont été en contact, assurait vendredi le ministre de la Santé, "
        "Olivier Véran.",
        "assurait",
        "le ministre de la Santé assurait : « La Corse est prête pour tester »",
    ),
    # a capitalised word after an incise, the tagger's common noun, is its speaker
    (
        '"La hausse des cas reste forte", a averti Matignon dimanche 21 juin.',
        "averti",
        "Matignon a averti : « La hausse des cas reste forte »",
    ),
    (
        '"Les écoles rouvriront lundi", a confirmé Matignon dimanche 21 juin.',
        "confirmé",
        "Matignon a confirmé : « Les écoles rouvriront lundi »",
    ),
    # an infinitive keeps the "que" clause it governs
    (
        "Jeudi, le ministre a dit espérer que les écoles pourront rouvrir.",
        "dit",
        "le ministre a dit espérer que les écoles pourront rouvrir",
    ),
    (
        "Le 3 mai, la mairie semble vouloir éviter qu'un nouveau conflit ne se reproduise.",
        "semble",
        "la mairie semble vouloir éviter qu'un nouveau conflit ne se reproduise",
    ),
    # a day the model reads as a second subject is not the subject
    (
        "Demain deux nouveaux TGV partiront dès demain de Paris vers Bordeaux.",
        "partiront",
        "deux nouveaux TGV partiront de Paris",
    ),
    # a name after "de" completes its noun, whatever the model's label: no "produits place"
    (
        "Il sera entendu jeudi sur les événements qui se sont produits place de la Contrescarpe le 1er mai.",
        "produits",
        "les événements se sont produits place de la Contrescarpe",
    ),
    # an object in quotation marks after the date is the verb's object
    (
        'Emmanuel Macron lance le 15 janvier un "grand débat national" et anime des rencontres.',
        "lance",
        "Emmanuel Macron lance un grand débat national",
    ),
    # a past participle right after a noun it agrees with describes that noun, however the model hangs it
    (
        "Selon le journal, Alexandre Benalla continue de voyager avec un passeport diplomatique renouvelé le "
        "24 mai, après sa mise à pied.",
        "renouvelé",
        "un passeport diplomatique renouvelé",
    ),
    # where it was said ("sur RTL") is no content of a saying: the "que" clause after it is
    (
        "La ministre a indiqué lundi sur RTL que les tests seront gratuits.",
        "indiqué",
        "La ministre a indiqué que les tests seront gratuits",
    ),
    # an attribute noun keeps its complements
    (
        '"L\'enquête est désormais aux mains de la justice", a déclaré jeudi le ministre.',
        "déclaré",
        "le ministre a déclaré : « L'enquête est désormais aux mains de la justice »",
    ),
    # "qui" before a masculine participle after "être" stands for no feminine noun: the one its phrase
    # describes through a participle ("un message jugé raciste par la majorité")
    (
        "Il a dénoncé un message jugé raciste par la majorité qui lui était adressé par le député la veille.",
        "adressé",
        "un message lui était adressé par le député",
    ),
    # a noun coordinated with a noun's complement is part of it
    (
        "Les maires (LR) de Meyzieu et Décines-Charpieu ont demandé mardi aux autorités d'interdire la venue "
        "des supporters.",
        "demandé",
        "Les maires de Meyzieu et Décines-Charpieu ont demandé aux autorités d'interdire la venue des "
        "supporters",
    ),
    # an infinitive completing the verb's indirect object is told with that verb and its "aux"
    (
        "Le maire a demandé mardi aux habitants de rester chez eux.",
        "rester",
        "Le maire a demandé aux habitants de rester",
    ),
    # a past infinitive after "après" tells what the subject of its verb did before: its passé composé
    (
        "Après avoir annoncé le 10 décembre des mesures sociales, Emmanuel Macron a adopté un ton offensif.",
        "annoncé",
        "Emmanuel Macron a annoncé des mesures sociales",
    ),
    (
        "Après avoir quitté la ville le 3 mai, les habitants sont revenus.",
        "quitté",
        "les habitants ont quitté la ville",
    ),
    # a verb given two subjects: the one it agrees with, not the quotation's; "lors" opens a complement, no
    # part of the speaker's name
    (
        "« Vos annonces, c'est du bricolage », a dénoncé mardi la députée Caroline Fiat lors des "
        "questions au gouvernement.",
        "dénoncé",
        "la députée Caroline Fiat a dénoncé",
    ),
]


BALANCED_ROWS = [
    # (summary, without the half of a quotation whose other mark it does not hold)
    ('les choses vont rester stables" qui a progressé', "les choses vont rester stables qui a progressé"),
    ('qui "ont perdu, en un an, 70% de leur chiffre', "qui ont perdu, en un an, 70% de leur chiffre"),
    ('a indiqué avoir décidé de déstocker des masques".', "a indiqué avoir décidé de déstocker des masques."),
    ("en phase d'aggravation\"Le ministre a prévenu", "en phase d'aggravation Le ministre a prévenu"),
    ("les soignants » ont été applaudis", "les soignants ont été applaudis"),
    ("il a dit : « nous verrons", "il a dit : nous verrons"),
    # whole quotations stay
    ("il a jugé : « Nous arrivons à un moment »", "il a jugé : « Nous arrivons à un moment »"),
    ('il a dénoncé des "contrevérités"', 'il a dénoncé des "contrevérités"'),
]


@pytest.mark.parametrize(("summary", "balanced"), BALANCED_ROWS)
def test_half_quotations_go(summary: str, balanced: str) -> None:
    assert balanced_quotes(summary) == balanced


def _event(events: tuple[Event, ...], trigger: str) -> Event:
    matches = [e for e in events if e.trigger == trigger]
    assert matches, f"no event {trigger!r} among {[e.trigger for e in events]}"
    return matches[0]


@pytest.mark.parametrize(("text", "trigger", "summary"), SUMMARY_ROWS, ids=[r[0][:40] for r in SUMMARY_ROWS])
def test_summary(analysed: Analyse, text: str, trigger: str, summary: str) -> None:
    result = analysed(text, SAT)
    assert _event(result.mentions or result.events, trigger).summary == summary


PLACE_ROWS = [
    # (sentence, trigger, places): location entities, and "à"/"en"/"dans" + a venue or place noun
    # a city after "à" the model hangs on the object as its conjunct, past the date: still the place
    ("Il avait frappé deux gendarmes le 8 janvier à Paris lors d'une manifestation.", "frappé", ("Paris",)),
    ("Le 3 mai, le maire a reçu les habitants de Nice et de Cannes.", "reçu", ()),  # "de": whose, not where
    ("Le 3 mai, le maire est parti en Espagne.", "parti", ("Espagne",)),
    # French names a square or a street where it happened with no article nor preposition
    (
        "Samedi, les manifestants se sont rassemblés place de la République.",
        "rassemblés",
        ("place de la République",),
    ),
    ("Le cortège doit se rassembler à partir de 11 heures place Denfert.", "rassembler", ("place Denfert",)),
    (
        "Un photographe a été blessé samedi place de la Bastille à Paris.",
        "blessé",
        ("place de la Bastille", "Paris"),
    ),
    ("Samedi, le maire a fermé la place du marché.", "fermé", ()),  # with its article: what was closed
    # the square or street as written, however the model hangs its words (on "charge", on the date, on the
    # object): were no place
    (
        "Samedi, un manifestant blessé a été pris en charge place de la Nation.",
        "pris",
        ("place de la Nation",),
    ),
    (
        "Elle a raconté les violences subies le 1er mai place de la Contrescarpe.",
        "subies",
        ("place de la Contrescarpe",),
    ),
    ("Le préfet a interdit samedi tout rassemblement rue de Rivoli.", "interdit", ("rue de Rivoli",)),
    ("Les secours ont pris place mardi dans la salle.", "pris", ("la salle",)),  # "pris place": no street
    # an adverb of place with the place its "de" names: near it, told with it; a person is no place
    ("Un péage a été incendié samedi près de Narbonne.", "incendié", ("près de Narbonne",)),
    ("Un camion s'est renversé mardi non loin de Lyon.", "renversé", ("non loin de Lyon",)),
    ("Il est resté samedi près de sa mère.", "resté", ()),
    ("Des heurts ont éclaté samedi autour de l'Arc de Triomphe.", "éclaté", ("autour de l'Arc de Triomphe",)),
    ("Le 3 mai, les soldats sont entrés dans Kharkov.", "entrés", ("Kharkov",)),
    (
        "Jeudi, les habitants se sont installés dans la vallée de la Roya.",
        "installés",
        ("la vallée de la Roya",),
    ),
    (
        "Mardi, il a été transporté au centre hospitalier de Belfort par les pompiers.",
        "transporté",
        ("centre hospitalier de Belfort",),
    ),
    (
        "Ses obsèques seront célébrées lundi en l'église de La Neuveville.",
        "célébrées",
        ("l'église de La Neuveville",),
    ),
    # an indefinite "un nouvel État" is a thing founded, not the place of the event
    ("En 1920, le mandat français décide d'instaurer un nouvel État.", "décide", ()),
    # a place in a relative clause is that clause's, not the event's
    ("Lundi, le ministre est arrivé à Paris, où il a rencontré le président.", "arrivé", ("Paris",)),
]


@pytest.mark.parametrize(("text", "trigger", "places"), PLACE_ROWS, ids=[r[0][:40] for r in PLACE_ROWS])
def test_places(analysed: Analyse, text: str, trigger: str, places: tuple[str, ...]) -> None:
    assert _event(analysed(text, SAT).events, trigger).places == places


def test_a_participle_with_a_determiner_is_a_person_not_an_event(analysed: Analyse) -> None:
    # "un manifestant", "les blessés": nouns, whatever the model's tag
    result = analysed("Il a frappé un manifestant le 1er mai dernier à Paris.", SAT)
    assert "manifestant" not in [e.trigger for e in result.mentions]


def test_a_subject_that_does_not_agree_is_not_the_subject(analysed: Analyse) -> None:
    # a headline glued to the sentence ("… en garde à vueSelon …"): the model takes its singular noun for the
    # subject of a plural verb; French agreement says it is not
    text = (
        "Un cinquième homme, employé de LREM en garde à vueSelon la préfecture de police, des images de "
        "vidéo-surveillance ont été communiquées jeudi à un tiers."
    )
    summary = _event(analysed(text, SAT).events, "communiquées").summary
    assert "homme" not in summary and summary.endswith("ont été communiquées à un tiers")


def test_a_time_expressions_complement_is_not_the_object(analysed: Analyse) -> None:
    # "au lendemain des scènes": the scenes complete the time expression; the verb has its own object (set
    # beside "Dimanche" the anaphor is a date; alone it would name no day, see rules.txt's anaphor_of_event)
    text = (
        "Dimanche, au lendemain des impressionnantes scènes de violences à Paris, des gilets jaunes veulent "
        "un retour au calme."
    )
    summary = _event(analysed(text, SAT).events, "veulent").summary
    assert "scènes" not in summary and "veulent un retour" in summary


def test_the_subject_of_a_clause_opened_by_a_conjunction_is_not_the_main_verbs(analysed: Analyse) -> None:
    # the model makes the whole sentence the "Alors que" clause and takes its subject for the main verb's: the
    # subject is the noun phrase written right before the verb, after the comma that closes the clause
    text = (
        "Alors que l'épidémie de coronavirus continue à progresser en France et partout dans le monde, le "
        "secrétaire d'État aux Transports Jean Dupont a assuré lundi 2 mars au micro d'Europe 1 que les "
        "trains circuleront."
    )
    event = _event(analysed(text, SAT).events, "assuré")
    assert event.summary.startswith("le secrétaire d'État a assuré")
    assert event.actors == ("le secrétaire d'État",)


def test_an_event_noun_after_a_preposition_of_no_time_is_not_told_with_the_clause(analysed: Analyse) -> None:
    # "grâce à" sets no time: the clause the model hangs the noun on ("ils se trompent") is not the event's
    text = (
        "Si le petit cercle qui l'entoure croit que grâce au 'grand débat', dans un mois ou deux, il sera "
        "peinard, ils se trompent!"
    )
    summary = _event(analysed(text, SAT).mentions, "débat").summary
    assert "débat" in summary and "trompent" not in summary
