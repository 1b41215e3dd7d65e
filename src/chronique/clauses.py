"""The parts of a clause a summary is made of: the verb group (auxiliaries, reflexive pronoun, negation,
objects, the infinitive it governs), the subject (also where the parse gives none and the text writes one),
the antecedent of a relative clause, and the French words summaries need (``SummaryWords``)."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from chronique.nlp import not_a_name, sentence_of, verb_group_start
from chronique.phrases import (
    QUOTES,
    SUBJECT_DEPS,
    Acting,
    conjuncts,
    is_attribute,
    is_finite,
    noun_phrase_tokens,
    subject_of,
)
from chronique.vocabulary import Vocabulary, normalise
from chronique.voices import quotations

# Reflexive pronouns and negation belong to the verb group: "s'installer", "n'a pas commenté".
REFLEXIVE_DEPS = frozenset({"expl:comp", "expl:pass", "expl", "expl:subj"})
_OBJECT_DEPS = frozenset({"obj", "obl:agent", "obl:arg", "iobj"})
# Clauses of their own beside a verb.
_CLAUSE_DEPS = frozenset({"advcl", "ccomp", "conj", "parataxis", "acl", "acl:relcl", "csubj"})
# The "de" of a quantity: "plus de transparence"; with its article, of a part: "la plupart des manifestants".
_PARTITIVE = frozenset({"de", "d'", "d’"})
# The longest phrase that with "de" makes an infinitive's aspect ("sur le point de").
_MAX_ASPECT_WORDS = 3
GENITIVE = _PARTITIVE | {"du", "des"}
# What opens a noun's infinitive complement: "la nécessité de maintenir", "une maison à vendre".
_INFINITIVE_MARKS = _PARTITIVE | {"à"}
_THAT = frozenset({"que", "qu'", "qu’"})
# Quotation marks (typography): a summary tells the words, without the marks that opened or closed them.
QUOTE_MARKS = QUOTES


@dataclass(frozen=True, slots=True)
class SummaryWords:
    """The French words summaries need (lemmas): the verbs that tell a clause (the verbs of saying of
    ``data/verbs.tsv`` and the ``saying`` words of ``data/summaries.tsv``), those of them that take no
    "que", the adverbs of quantity."""

    saying: frozenset[str] = frozenset()
    without_que: frozenset[str] = frozenset()
    quantity: frozenset[str] = frozenset()
    modal: frozenset[str] = frozenset()
    # the verbs whose subject is what happened, no actor (``data/participants.tsv`` happening; ``happens``)
    happening: frozenset[str] = frozenset()
    # what sets an event noun at its clause's time ("lors de", "pendant"), and the nouns of another time
    # ("au lendemain de")
    same_time: frozenset[str] = frozenset()
    another_time: frozenset[str] = frozenset()
    # the adverbs without which a summary says the opposite ("ont peu préparé", "a presque réussi")
    limiting: frozenset[str] = frozenset()
    # the nouns of people and of what they form, and those that count them (``data/participants.tsv``
    # people, counting; ``phrases.Acting``): a subject with no name acts only when its noun is one
    acting: Acting = field(default_factory=Acting)
    # the adverbs of place told with the place named after their "de" (``data/participants.tsv`` near)
    near: frozenset[str] = frozenset()
    # the prepositions of a complement that says what an event noun is ("une collision avec une camionnette")
    event_complement: frozenset[str] = frozenset()
    # the prepositions of a complement a verb with no object keeps, and an attribute ("installée en terrasse")
    complement: frozenset[str] = frozenset()
    # the phrases that with "de" make an infinitive's aspect ("en train de frapper", "sur le point de signer")
    aspect: frozenset[str] = frozenset()

    @classmethod
    def from_vocabulary(cls, vocabulary: Vocabulary) -> SummaryWords:
        return cls(
            saying=vocabulary["verbs"].forms_of("reporting_verbs")
            | vocabulary["summaries"].forms_of("saying")
            | vocabulary["summaries"].forms_of("without_que"),
            without_que=vocabulary["summaries"].forms_of("without_que"),
            quantity=vocabulary["summaries"].forms_of("quantity"),
            modal=vocabulary["verbs"].forms_of("modal_verbs"),
            happening=vocabulary["participants"].forms_of("happening"),
            same_time=vocabulary["summaries"].forms_of("same_time"),
            another_time=vocabulary["summaries"].forms_of("another_time"),
            limiting=vocabulary["summaries"].forms_of("limiting"),
            acting=Acting(
                people=vocabulary["participants"].forms_of("people"),
                counting=vocabulary["participants"].forms_of("counting"),
            ),
            near=vocabulary["participants"].forms_of("near"),
            event_complement=vocabulary["summaries"].forms_of("event_complement"),
            complement=vocabulary["summaries"].forms_of("complement"),
            aspect=vocabulary["summaries"].forms_of("aspect"),
        )


def happens(verb: Token, words: SummaryWords) -> bool:
    """A verb that tells what happened, its subject the event and not who acted: pronominal ("les événements
    se sont produits", "un point presse s'est tenu") or with no object ("une attente qui débuta"); "le
    ministre a tenu une conférence", "il a tenu à féliciter" have an actor."""
    bare = [
        c.lemma_.lower()
        for c in verb.children
        if c.dep_ == "obj" and c.pos_ == "NOUN" and locution_noun_of(c)
    ]
    if any(f"{verb.lemma_.lower()} {noun}" in words.happening for noun in bare):
        return True  # "les faits ont eu lieu"
    if verb.lemma_.lower() not in words.happening:
        return False
    reflexive = any(c.dep_ in REFLEXIVE_DEPS and _is_reflexive(c) for c in verb.children)
    # "Anne Martin lui a succédé": a person it is done to (an indirect object) makes it an act
    told = {"obj", "xcomp", "ccomp", "obl:arg", "iobj"}
    return reflexive or not any(c.dep_ in told and not _is_reflexive(c) for c in verb.children)


def _is_reflexive(pronoun: Token) -> bool:
    return pronoun.lower_ in {"se", "s'", "s’"}


def is_negation(token: Token) -> bool:
    return token.lower_ in {"n'", "n’", "ne"} or "Neg" in token.morph.get("Polarity", [])


def negation_ids(verb: Token) -> set[int]:
    """The second word of a negation the model does not mark, right after "ne" and its verb: "ne participera
    plus", "n'a jamais été" (the particle alone would leave "ne participera")."""
    particle = next((c for c in verb.children if c.lower_ in {"n'", "n’", "ne"}), None)
    if particle is None:
        return set()
    ids: set[int] = set()
    for child in verb.children:
        if child.pos_ != "ADV" or child.dep_ != "advmod" or child.lower_ in _THAT:
            continue  # "ne parlait que d'une suspension": not without its object
        # "n'en demeure pas moins", "n'a pas encore signé": the model hangs "pas" on the adverb after it,
        # which goes with it
        inner = [
            c.i
            for c in child.children
            if c.pos_ == "ADV" and c.dep_ == "advmod" and particle.i < c.i == child.i - 1 <= verb.i + 1
        ]
        if particle.i < child.i <= verb.i + 1 or inner:
            ids |= {child.i, *inner}
    return ids


def _restrictive_que(verb: Token) -> Token | None:
    """The "que" of "ne … que" ("n'en aurait pris connaissance que le 24 décembre", "ne parlait que d'une
    suspension"): after a verb with "ne" and no other word of negation, hung on the verb or opening a
    complement of it."""
    particle = next((c for c in verb.children if c.lower_ in {"n'", "n’", "ne"}), None)
    if particle is None or negation_ids(verb):
        return None
    for child in verb.children:
        if child.i < verb.i:
            continue
        if child.lower_ in _THAT and child.dep_ == "advmod":
            return child
        opening = next((c for c in child.children if c.dep_ == "mark" and c.lower_ in _THAT), None)
        if (
            opening is not None
            and opening.i == child.left_edge.i
            and child.dep_ in {"ccomp", "obl:mod", "obl"}
        ):
            return opening
    # "il ne persiste dans le fond qu'une colère brute", "il ne restait que quelques manifestants": the
    # model hangs the "que" on a noun phrase of its own, deeper; before a noun it opens no clause
    return next(
        (
            t
            for t in verb.subtree
            if t.i > verb.i
            and t.lower_ in _THAT
            and t.dep_ in {"mark", "advmod"}
            and t.head.pos_ in {"NOUN", "PROPN"}
            and t.head.i > t.i
        ),
        None,
    )


def _restricted(que: Token) -> Token | None:
    """What "ne … que" restricts the verb to: the complement hung on "que", or the one "que" opens."""
    if que.dep_ == "mark":
        return que.head
    return next((c for c in que.children if not c.is_punct), None)


def restriction_ids(verb: Token, skip: Collection[int]) -> set[int]:
    """ "ne … que" with what it restricts the verb to ("ne parlait que d'une suspension"): without them the
    summary says the opposite ("ne parlait"). None where that is the row's date (``unrestricted_ids``)."""
    que = _restrictive_que(verb)
    restricted = _restricted(que) if que is not None else None
    if que is None or restricted is None or restricted.i in skip:
        return set()
    return {que.i} | phrase_ids(restricted, skip)


def unrestricted_ids(verb: Token, skip: Collection[int]) -> set[int]:
    """The "ne" and "que" of "ne … que" where what it restricts the verb to is the row's date, not said
    again: "n'en aurait pris connaissance que le 24 décembre" tells "en aurait pris connaissance" (not "n'en
    aurait pris connaissance", the opposite)."""
    que = _restrictive_que(verb)
    restricted = _restricted(que) if que is not None else None
    if que is None or (restricted is not None and restricted.i not in skip):
        return set()
    return {que.i, *(c.i for c in verb.children if c.lower_ in {"n'", "n’", "ne"})}


def phrase_ids(head: Token, skip: Collection[int]) -> set[int]:
    """A complement's noun phrase with its preposition ("au juge", "par la police")."""
    ids = {t.i for t in noun_phrase_tokens(head)} | demonstrative_complement(head)
    ids.update(c.i for c in head.children if c.dep_ == "case")
    return ids - set(skip)


def verb_group(verb: Token, skip: Collection[int], words: SummaryWords, depth: int = 0) -> set[int]:
    """A verb with what French needs around it: auxiliaries, reflexive pronoun, negation, the ``à``/``de``
    before an infinitive, its objects, and the infinitive or attribute it governs ("commencent à
    s'installer dans …" gives "commencent à s'installer"; "a été proclamé indépendant")."""
    ids = {verb.i} | negation_ids(verb) | restriction_ids(verb, skip)
    if verb.pos_ == "NOUN" and any(c.dep_ == "cop" for c in verb.children):
        # an attribute noun keeps its complements: "l'affaire est aux mains de la justice", "ont été en
        # contact avec le virus"
        ids |= {t.i for t in noun_phrase_tokens(verb) if t.i not in skip}
        ids |= _complement_after(verb, skip, words, every=True)
    for child in verb.children:
        if child.i in skip or "Rel" in child.morph.get("PronType", []):
            continue
        causative = (
            child.lemma_ in {"faire", "laisser"}
            and child.i < verb.i
            and child.pos_ in {"AUX", "VERB"}
            and child.dep_ not in _CLAUSE_DEPS  # "Si on ne fait rien, on va …": a clause, no causative
        )
        if (
            causative  # "fait parvenir l'information"
            or child.dep_.startswith("aux")
            # "a indiqué dimanche avoir débloqué": an auxiliary the model labels dep, right before its verb
            or (child.dep_ == "dep" and child.pos_ == "AUX" and child.i == verb.i - 1)
            or child.dep_ == "cop"  # "sont attendues", "était très faible"
            or child.dep_ in REFLEXIVE_DEPS
            or is_negation(child)
            or (child.dep_ == "mark" and child.head.i > child.i)
        ):
            ids.add(child.i)
        elif _is_infinitive(child) and child.dep_ in _OBJECT_DEPS and depth < 2:
            # "il faut arrêter de les culpabiliser"; a name the tagger read as an infinitive keeps its "sur"
            ids |= verb_group(child, skip, words, depth + 1) | phrase_ids(child, skip)
        elif (
            child.dep_ in _OBJECT_DEPS
            or _second_subject(child)
            or _unmarked_object(child)
            or _object_conjunct(child)
        ):
            ids |= phrase_ids(child, skip) | _noun_infinitive(child, skip, words, depth)
            # the objects coordinated with it, also one the model hangs on the verb ("on voit Emmanuel et
            # Brigitte Macron")
            ids |= _coordinated_ids(child, skip) | {c.i for c in child.children if c.dep_ == "cc"}
        elif (
            verb.lemma_.lower() in words.modal
            and depth < 2
            and child.dep_ == "advcl"
            and child.i > verb.i
            and _is_infinitive(child)
            and not any(c.dep_ == "mark" for c in child.children)
            and not any(c.dep_ == "xcomp" for c in verb.children)
        ):
            # a modal's infinitive set apart by an aside: "le pays doit, selon lui, retrouver les voies …"
            ids |= verb_group(child, skip, words, depth + 1)
        elif locution_noun(child):
            ids.add(child.i)  # "a rendu visite", "ont pris part": a bare noun makes one verb with its verb
        elif child.dep_ == "advmod" and verb.pos_ in {"ADJ", "ADV"} and child.i < verb.i:
            ids.add(child.i)  # the degree of an attribute: "il était beaucoup trop tôt"
        elif child.dep_ == "advmod" and (adverb := _adverb_ids(child, verb, skip, words)):
            ids |= adverb  # "a réclamé plus de transparence", "ont peu préparé leurs voyages"
        elif child.dep_ == "ccomp" and depth < 2 and _clause_told(verb, child):
            # "l'objectif est que chaque Français ait accès à un masque": the clause is the attribute
            ids |= verb_group(child, skip, words, depth + 1) | subject_ids_of(child, skip)
        elif child.dep_ == "ccomp" and _is_infinitive(verb) and depth <= 2 and _opened_by_que(child):
            # an infinitive keeps the "que" clause it governs: "a dit espérer que le protocole pourrait être
            # assoupli", "semble vouloir éviter qu'un nouveau scandale ne se reproduise" (not "espérer" alone)
            ids |= verb_group(child, skip, words, depth) | subject_ids_of(child, skip)
        elif child.dep_ == "xcomp" and depth < 2 and not _participle_clause(child):
            if child.pos_ in {"VERB", "AUX"}:
                ids |= verb_group(child, skip, words, depth + 1)
            else:
                ids |= phrase_ids(child, skip)
                # the copula of the attribute and what opens it: "ça doit être dans un rayon de 1 km", "cela
                # peut être un cercle", "l'a identifié comme étant X"
                ids |= {
                    c.i
                    for c in child.children
                    if (c.dep_ == "cop" or (c.dep_ == "mark" and c.i < child.i)) and c.i not in skip
                }
                for argument in (c for c in child.children if c.dep_ in {"obl:arg", "obj"}):
                    ids |= phrase_ids(argument, skip)  # "on va droit à la catastrophe"
    ids |= _attribute_or_complement(verb, skip, words, depth)
    ids |= _aspect_before(verb, skip, words)
    return with_fixed(ids | _near_ids(ids, verb.doc, skip, words), verb.doc, skip)


def _aspect_before(verb: Token, skip: Collection[int], words: SummaryWords) -> set[int]:
    """The phrase that with an infinitive's "de" makes its aspect ("en train de frapper", "sur le point de
    signer"): the model hangs it on the verb before, and "de" alone would dangle ("Paul Roux de frapper")."""
    mark = next((c for c in verb.children if c.dep_ == "mark" and c.i < verb.i and c.i not in skip), None)
    if mark is None or mark.lower_ not in _PARTITIVE:
        return set()
    doc = mark.doc
    for start in range(max(mark.i - _MAX_ASPECT_WORDS, mark.sent.start), mark.i):
        if normalise(doc[start : mark.i].text) in words.aspect and not any(
            i in skip for i in range(start, mark.i)
        ):
            return set(range(start, mark.i))
    return set()


def _clause_told(verb: Token, clause: Token) -> bool:
    """A "que" clause that is what its verb tells: the attribute of "être" ("l'objectif est que …"), or what
    an impersonal verb says ("il n'en demeure pas moins qu'on reste vigilants", "il semble que la grève se
    durcit": not "il n'en demeure pas moins" alone)."""
    impersonal = any(c.dep_ == "expl:subj" for c in verb.children) and _opened_by_que(clause)
    return verb.pos_ == "AUX" or verb.lemma_ == "être" or impersonal


# What a verb tells beside its subject: with one of these, it needs no other complement.
_TOLD_DEPS = frozenset({*_OBJECT_DEPS, "xcomp", "ccomp", "cop"})


def _attribute_or_complement(verb: Token, skip: Collection[int], words: SummaryWords, depth: int) -> set[int]:
    """A copula the model made the verb, its subject hung on it, tells its attribute ("le couple est sur la
    place de la Contrescarpe"); a verb with no object its first complement (``_complement_after``)."""
    if verb.dep_ == "cop" and verb.head.i > verb.i and any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        head = verb.head
        ids = {head.i, *(t.i for t in noun_phrase_tokens(head))}
        ids |= {c.i for c in head.children if c.dep_ == "case"}
        return (ids | _complement_after(head, skip, words, every=True)) - set(skip)
    told = any(c.dep_ in _TOLD_DEPS for c in verb.children) or _restrictive_que(verb) is not None
    if depth == 0 and verb.pos_ == "VERB" and not told:  # ("ne persiste qu'une colère": "que" tells it)
        return _complement_after(verb, skip, words)  # "était installée en terrasse", "est arrivé en France"
    return set()


def _complement_after(
    verb: Token, skip: Collection[int], words: SummaryWords, *, every: bool = False
) -> set[int]:
    """The complement after a verb with no object, or an attribute, that says where, with whom or against
    what ("Charlotte était installée dès mardi en terrasse de son café", "Il est arrivé le 24 janvier en
    France", also where the model hangs it on the date): opened by one of ``words.complement``, never a date;
    the first one only, unless ``every``."""
    ids: set[int] = set()
    on_date = [c for i in skip for c in verb.doc[i].children if c.dep_ == "nmod" and c.i > verb.i]
    for child in sorted([*verb.children, *on_date], key=lambda t: t.i):
        cases = {c.lower_ for c in child.children if c.dep_ == "case"}
        if (
            child.i > verb.i
            and child.dep_ in {"obl:mod", "obl", "nmod"}
            and child.pos_ in {"NOUN", "PROPN"}
            and child.i not in skip
            and not not_a_name(child)
            and cases
            and cases <= words.complement
        ):
            ids |= phrase_ids(child, skip)
            if not every:
                break
    return ids


def _participle_clause(child: Token) -> bool:
    """A participle set apart by a comma with its own reflexive pronoun, which the tagger reads as an
    attribute ("s'immole par le feu à Lyon, se brûlant à 90%"): a clause of its own, not the verb's (an
    adjective takes no reflexive pronoun)."""
    doc = child.doc
    start = child.left_edge.i
    return (
        child.pos_ not in {"VERB", "AUX"}
        and start > 0
        and doc[start - 1].text == ","
        and any(c.dep_ in REFLEXIVE_DEPS for c in child.children)
    )


def _object_conjunct(child: Token) -> bool:
    """A noun phrase after "et" or "ou" that the model hangs on the verb, right after its object: a second
    object ("on voit Emmanuel et Brigitte Macron")."""
    verb = child.head
    objects = [c for c in verb.children if c.dep_ == "obj" and c.i < child.i]
    return (
        child.dep_ == "conj"
        and child.pos_ in {"NOUN", "PROPN"}
        and child.i > verb.i
        and bool(objects)
        and any(c.dep_ == "cc" and c.i == objects[-1].right_edge.i + 1 for c in child.children)
    )


def _coordinated_ids(head: Token, skip: Collection[int]) -> set[int]:
    """The noun phrases coordinated with an object by "et" or "ou", with the conjunction and the commas of the
    enumeration ("a reçu Angela Merkel et Justin Trudeau", "a interpellé deux hommes et une femme"; was the
    first alone): each is the verb's object too."""
    coordinated = conjuncts(head)[1:]  # nouns, names and pronouns only
    words = {c.lower_ for part in coordinated for c in part.children if c.dep_ == "cc"}
    if not words or not words <= _COORDINATING:
        # no "et", no "ou": an apposition, one thing named twice; "soit", "mais": another, told apart ("a
        # obtenu 12% des voix, soit à peu près le score …")
        return set()
    ids: set[int] = set()
    for part in coordinated:
        if part.i in skip:
            continue
        links = [c for c in part.children if c.dep_ == "cc" or (c.text == "," and c.i < part.i)]
        ids |= phrase_ids(part, skip) | {c.i for c in links}
    return ids - set(skip)


# The conjunctions that coordinate objects of one verb.
_COORDINATING = frozenset({"et", "ou", "ni"})


def _near_ids(ids: Collection[int], doc: Doc, skip: Collection[int], words: SummaryWords) -> set[int]:
    """The place an adverb of place kept names after its "de" ("Des heurts ont éclaté autour de l'Arc de
    Triomphe", never "ont éclaté autour")."""
    return {
        i
        for adverb in (doc[i] for i in ids if doc[i].lower_ in words.near)
        for place in adverb.children
        if place.i > adverb.i and any(c.dep_ == "case" and c.lower_ in GENITIVE for c in place.children)
        for i in phrase_ids(place, skip)
    }


def with_fixed(ids: set[int], doc: Doc, skip: Collection[int] = ()) -> set[int]:
    """The words with the rest of the locution each opens, one word of French in several ("plus de", "à
    travers", "bien que"): "a rassemblé plus de 280.000 personnes", never "a rassemblé plus 280.000
    personnes"."""
    return ids | {c.i for i in ids for c in doc[i].children if c.dep_ == "fixed" and c.i not in skip}


def _adverb_ids(adverb: Token, verb: Token, skip: Collection[int], words: SummaryWords) -> set[int]:
    """An adverb of the verb a summary keeps: one of quantity with the noun it counts, the verb's object ("a
    réclamé plus de transparence"); one that says how nearly, how seldom or how much the verb happened, set
    by the verb (between its auxiliary and it, or right after it: "ont peu préparé", "a presque réussi"),
    without which the summary says the opposite. Nothing for another."""
    if adverb.lower_ in words.quantity and (counted := _counted(adverb, skip)) is not None:
        return {adverb.i} | phrase_ids(counted, skip)
    first = min([verb.i, *(c.i for c in verb.children if c.dep_.startswith("aux"))])
    if adverb.lower_ in words.limiting | words.quantity and first < adverb.i <= verb.i + 1:
        return {adverb.i} | {c.i for c in adverb.children if c.dep_ == "advmod" and c.i not in skip}
    return set()


def _opened_by_que(clause: Token) -> bool:
    return any(c.dep_ == "mark" and c.lower_ in _THAT and c.i < clause.i for c in clause.children)


def _is_infinitive(token: Token) -> bool:
    return token.pos_ in {"VERB", "AUX"} and "Inf" in token.morph.get("VerbForm", [])


def _noun_infinitive(noun: Token, skip: Collection[int], words: SummaryWords, depth: int) -> set[int]:
    """The infinitive a noun governs through "de" or "à", what it names: "la nécessité de maintenir
    l'économie", "l'importance de protéger les soignants" (the noun alone says nothing)."""
    if noun.pos_ != "NOUN" or depth >= 2:
        return set()
    ids: set[int] = set()
    for child in noun.children:
        marked = any(
            c.dep_ == "mark" and c.lower_ in _INFINITIVE_MARKS and c.i < child.i for c in child.children
        )
        if child.dep_ == "acl" and child.i > noun.i and _is_infinitive(child) and marked:
            ids |= verb_group(child, skip, words, depth + 1)
    return ids


def locution_noun_of(noun: Token) -> bool:
    """A noun with no determiner right after its verb (an adverb between), its object: "avoir lieu", "prendre
    part"."""
    return (
        noun.pos_ == "NOUN"
        and noun.i > noun.head.i
        and all(t.pos_ == "ADV" for t in noun.doc[noun.head.i + 1 : noun.i])  # "auront bien lieu"
        and not any(c.dep_ in {"det", "case", "nummod"} for c in noun.children)
    )


def locution_noun(token: Token) -> bool:
    """A noun with no article and no preposition right after its verb: "rendre visite", "prendre part",
    "faire face" (the model reads it as a complement)."""
    return (
        token.dep_ in {"obl", "obl:mod"}
        and token.pos_ == "NOUN"
        and token.i == token.head.i + 1
        and token.head.pos_ == "VERB"
        and not any(c.dep_ in {"det", "case", "nummod"} for c in token.children)
        and not not_a_name(token)  # "sera entendu mardi": a day
    )


def _unmarked_object(token: Token) -> bool:
    """A noun with its determiner and no preposition after a verb with no object, read as a mere complement
    by the model when a date stands between them ("a réuni mardi une soixantaine de décideurs"): its
    object; a time ("la semaine dernière") is none."""
    verb = token.head
    return (
        token.dep_ in {"obl:mod", "obl"}
        and token.pos_ == "NOUN"
        and token.i > verb.i
        and verb.pos_ == "VERB"
        and any(c.dep_ == "det" for c in token.children)
        and not any(c.dep_ == "case" for c in token.children)
        and not not_a_name(token)
        and not any(c.dep_ in {"obj", "ccomp", "xcomp", "aux:pass"} for c in verb.children)
        # "…, un appel relayé par …", "… : l'explosion d'une grenade": an apposition, no object
        # (a quotation mark is no such punctuation: "lance le 15 janvier un "grand débat national"")
        and not any(t.is_punct and t.text not in QUOTE_MARKS for t in token.doc[verb.i + 1 : token.i])
    )


def _second_subject(token: Token) -> bool:
    """A name or noun the model reads as a second subject after a verb whose subject stands before it, or as
    part of the verb's name: its object ("une professeure … interpelle Emmanuel Macron sur Facebook")."""
    verb = token.head
    if token.i < verb.i or token.pos_ not in {"NOUN", "PROPN"} or verb.pos_ not in {"VERB", "AUX"}:
        return False
    if token.dep_ == "flat:name":
        return True  # a name hung on a verb as part of it: "interpelle Emmanuel Macron"
    return token.dep_ == "nsubj" and any(c.dep_ in SUBJECT_DEPS and c.i < verb.i for c in verb.children)


def _counted(adverb: Token, skip: Collection[int]) -> Token | None:
    """The noun an adverb of quantity counts, the verb's object ("plus de transparence", "beaucoup de
    dégâts"): the model hangs it on the adverb."""
    for child in adverb.children:
        cases = [c.lower_ for c in child.children if c.dep_ == "case"]
        if child.i not in skip and child.pos_ == "NOUN" and cases and set(cases) <= _PARTITIVE:
            return child
    return None


# The longest relative clause a demonstrative keeps ("ce que le président devrait annoncer").
_MAX_RELATIVE = 12


def demonstrative_complement(noun: Token) -> set[int]:
    """The complement a demonstrative pronoun needs ("celle du Ralliement d'initiative citoyenne"), however
    the model hangs it: on the pronoun, or on its verb right after the participle set between commas
    ("à celle, annoncée fin janvier, du Ralliement …"); else its relative clause ("ce que le président
    devrait annoncer"); nothing for another word."""
    if noun.pos_ != "PRON":
        return set()
    relative = next((c for c in noun.children if c.dep_ == "acl:relcl" and c.i > noun.i), None)
    if "Dem" not in noun.morph.get("PronType", []):
        # "ce que le président devrait annoncer" (the model gives "ce" no features): its relative clause
        return _relative_ids(relative) if not noun.morph.get("Person", []) else set()
    doc = noun.doc
    aside = {t.i for c in noun.children if c.dep_.startswith("acl") for t in c.subtree}
    for candidate in sorted([*noun.children, *noun.head.children], key=lambda t: t.i):
        cases = [c for c in candidate.children if c.dep_ == "case" and c.lower_ in GENITIVE]
        if candidate.i <= noun.i or candidate.pos_ not in {"NOUN", "PROPN"} or not cases:
            continue
        between = range(noun.i + 1, min(c.i for c in cases))
        if all(doc[i].is_punct or i in aside for i in between):
            return {t.i for t in noun_phrase_tokens(candidate)} | {c.i for c in cases}
    return _relative_ids(relative)


def _relative_ids(relative: Token | None) -> set[int]:
    """A short relative clause, what a pronoun before it stands for ("ce que le président devrait
    annoncer")."""
    if relative is None or len(list(relative.subtree)) > _MAX_RELATIVE:
        return set()
    return {t.i for t in relative.subtree if not t.is_punct}


def completes_time(noun: Token) -> bool:
    """A bare "de" + noun after a time word is its complement, no object: "au lendemain de violences", "cette
    journée de manifestations" (but "de strictes restrictions", "de leurs représentants" are objects)."""
    return any(k.dep_ == "case" and k.lower_ in _PARTITIVE for k in noun.children) and not any(
        k.dep_ == "det" or (k.dep_ == "amod" and k.i < noun.i) for k in noun.children
    )


def is_adverbial_infinitive(verb: Token) -> bool:
    """An infinitive set beside a verb by "avant de", "pour", "afin de", "sans": no subject of its own."""
    return (
        verb.dep_ == "advcl"
        and "Inf" in verb.morph.get("VerbForm", [])
        and verb.head.pos_ in {"VERB", "AUX"}
        and verb.head.i < verb.i
        and any(c.dep_ == "mark" for c in verb.children)
        and not any(c.dep_ in SUBJECT_DEPS for c in verb.children)
    )


def agrees(subject: Token, verb: Token) -> bool:
    """Whether a subject agrees in number with the verb's conjugated form (a coordinated subject is plural
    whatever its head, singular too with "ou" or "ni", and so is a quantity of a plural: "une centaine de
    personnes ont manifesté"; a form with no number, an infinitive, agrees with anything)."""
    finite = [t for t in [verb, *verb.children] if (t.i == verb.i or t.dep_.startswith("aux"))]
    numbers = {n for t in finite if "Fin" in t.morph.get("VerbForm", []) for n in t.morph.get("Number", [])}
    own = set(subject.morph.get("Number", []))
    counted = any(
        c.dep_ == "nmod"
        and "Plur" in c.morph.get("Number", [])
        and any(k.dep_ == "case" and k.lower_ in GENITIVE for k in c.children)
        for c in subject.children
    )
    if counted:
        own.add("Plur")
    links = [
        c.lower_
        for part in conjuncts(subject)[1:]
        if not is_attribute(part, subject)  # "Vincent Lambert, …, et figure du débat, est mort": one man
        for c in part.children
        if c.dep_ == "cc"
    ]
    if links:
        # nouns coordinated by "et", "ainsi que" are plural ("les personnes … ainsi que celles …, assurait le
        # ministre": not the subject of a singular verb); with "ou" or "ni" the verb may be singular too (a
        # name set beside its title by a comma, no conjunction, is one: "Le maire, Christian Estrosi, a dit")
        own = {"Sing", "Plur"} if {"ou", "ni"} & set(links) else {"Plur"}
    if not numbers or not own or subject.pos_ == "PRON":
        return True
    return bool(numbers & own)


def set_apart_subject(subject: Token, verb: Token) -> Token | None:
    """A subject that does not agree with its verb is an apposition the model read as the subject when a noun
    that agrees opens its phrase, set apart from it by a comma ("Ces deux élus, accompagnés d'Éric Woerth,
    président de la commission, ont envoyé": the two elected members); else none."""
    doc = subject.doc
    for token in doc[subject.left_edge.i : subject.i]:
        if token.pos_ in {"NOUN", "PROPN"} and agrees(token, verb) and token.dep_ in {*SUBJECT_DEPS, "appos"}:
            end = token.right_edge.i
            if doc[end].text == "," or (end + 1 < len(doc) and doc[end + 1].text == ","):
                return token
    return None


# Clauses set inside a sentence whose subject pronoun tells of the sentence's own subject.
_INNER_CLAUSE_DEPS = frozenset({"advcl", "acl:relcl", "acl"})
_THIRD_PERSON = {
    "il": ("Masc", "Sing"),
    "elle": ("Fem", "Sing"),
    "ils": ("Masc", "Plur"),
    "elles": ("Fem", "Plur"),
}


def named_for(pronoun: Token, verb: Token) -> Token | None:
    """The noun a subject pronoun stands for where the sentence names it: the subject of the clause that an
    adverbial or relative clause is set in, when it agrees in gender and number ("Lorsqu'il avait été
    auditionné par la commission, Lionel Lavergne avait indiqué", "Le virus, …, où il est apparu en
    décembre, affecte …"); none for a clause a saying reports (who "il" is, the speaker's words say)."""
    wanted = _THIRD_PERSON.get(pronoun.lower_)
    if wanted is None or pronoun.pos_ != "PRON" or verb.dep_ not in _INNER_CLAUSE_DEPS:
        return None
    main = verb.head
    if main.dep_ == "nsubj" and verb.dep_ in {"acl:relcl", "acl"}:
        main = main.head  # a relative clause inside the subject: "Le virus, …, où il est apparu, affecte"
    subject = next((c for c in main.children if c.dep_ in SUBJECT_DEPS and c.i != pronoun.i), None)
    if subject is None or subject.pos_ not in {"NOUN", "PROPN"} or not agrees(subject, verb):
        return None
    if subject.i > main.i:
        return None  # "S'il s'agissait de …, il l'aurait fait", a déclaré le député: the speaker's "il"
    if quotations(pronoun.doc)[pronoun.i] != quotations(pronoun.doc)[subject.i]:
        return None  # a quotation's "il" is its speaker's
    gender, number = wanted
    genders, numbers = subject.morph.get("Gender", []), subject.morph.get("Number", [])
    if subject.pos_ == "PROPN":
        genders = []  # the model's gender of a first name says nothing ("Jean" is feminine to it)
    if (numbers and number not in numbers) or (genders and gender not in genders):
        return None
    return subject


def subject_ids_of(verb: Token, skip: Collection[int]) -> set[int]:
    """The words of a verb's own subject, if it has one."""
    subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS and c.i not in skip), None)
    return subject_ids(subject) if subject is not None else set()


def subject_ids(subject: Token) -> set[int]:
    """A subject's words: each coordinated noun phrase and the conjunctions between them."""
    ids: set[int] = set()
    parts = conjuncts(subject)
    if len(parts) > 1 and not any(c.dep_ == "cc" for part in parts[1:] for c in part.children):
        # no "et", no "ou": one thing named twice, a title and a name ("Le maire de Nice, Christian
        # Estrosi, a déclaré", "Pharos, la plateforme de signalement …, a fait état"): the name alone
        named = [  # not "Selon Marianne, Édouard Philippe serait arrivé": who tells it is no subject
            part
            for part in parts
            if part.pos_ == "PROPN" and not any(c.dep_ == "case" for c in part.children)
        ]
        parts = named[:1] or parts[:1]
    for part in parts:
        if is_attribute(part, subject):
            continue  # "Vincent Lambert, …, et figure du débat, est mort": what he is, no second subject
        ids.update(t.i for t in noun_phrase_tokens(part))
        ids |= _count_before(part, ids)
        # the commas of an enumeration: "footballeurs, basketteurs ou handballeurs"
        ids.update(c.i for c in part.children if c.text == "," and c.i == part.left_edge.i and c.i < part.i)
        ids.update(c.i for c in part.children if c.dep_ == "cc")
    return ids


def _count_before(noun: Token, phrase: Collection[int]) -> set[int]:
    """The count written right before a subject noun, which the model hangs elsewhere: a number over a
    quotation mark ('106.301 "gilets jaunes" ont été recensés'), and the adverb of approximation with its
    "de" before it ("Près de 5.000 personnes se déclaraient"): without them the summary tells another
    quantity, or none."""
    doc = noun.doc
    ids: set[int] = set()
    i = min(phrase) - 1
    while i >= 0 and doc[i].text in QUOTE_MARKS and i not in phrase:
        i -= 1
    if i >= 0 and doc[i].like_num and i not in phrase and doc[i].head.i not in phrase:
        ids |= set(range(i, min(phrase)))
        i -= 1
    opening = doc[i] if i >= 0 else None
    if (
        opening is not None
        and opening.dep_ == "fixed"
        and opening.lower_ in _PARTITIVE
        and opening.head.pos_ == "ADV"
        and opening.head.i == i - 1
        and opening.head.head.i == noun.head.i  # hung on the verb the noun is the subject of
    ):
        ids |= {i - 1, i}
    return ids


def _antecedent_before(verb: Token) -> Token | None:
    """What "qui" stands for where the model hangs its clause on no noun: the noun right before it, over a
    comma ("Au cours d'un déjeuner, qui s'est tenu vendredi": the lunch), when it agrees with the verb."""
    relative = next(
        (c for c in verb.children if c.dep_ in SUBJECT_DEPS and c.lower_ == "qui" and c.i < verb.i), None
    )
    if relative is None or verb.dep_ == "acl:relcl" or relative.i < 2:
        return None
    doc = verb.doc
    before = doc[relative.i - 1]
    if before.text == ",":
        before = doc[relative.i - 2]
    if before.pos_ == "ADJ" and before.dep_ == "amod":
        before = before.head
    while (
        before.dep_ == "nmod"
        and before.head.pos_ == "NOUN"
        and not any(c.dep_ == "det" for c in before.children)
    ):
        before = (
            before.head
        )  # "sa commission d'enquête, qui": the commission (a "de" and no article: one name)
    if before.pos_ not in {"NOUN", "PROPN"} or not_a_name(before):
        return None
    return before if agrees(before, verb) else None


def subject_in(verb: Token, skip: Collection[int]) -> Token | None:
    """The verb's subject (``subject_of``), but never its date: "Jeudi, devant la presse, la ministre a
    indiqué", "Demain deux nouveaux TGV partiront" (the model reads the day as a second subject), "Samedi
    dernier, 120 gilets jaunes se sont retrouvés" (it hangs the subject on the weekday); a "qui" the model
    hangs on no noun stands for the noun before it."""
    if (own := _subject_after_conjunction(verb, skip)) is not None:
        return own
    subject = subject_of(verb) or _antecedent_before(verb)
    whose = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS and c.i not in skip and _whose(c)), None)
    if subject is not None and whose is not None and whose.i > subject.i:
        subject = whose  # "le maire, dont le fils a été arrêté, a démissionné": the son was arrested
    if subject is not None and subject.pos_ != "PRON" and not agrees(subject, verb):
        # two subjects in the model's parse, one that does not agree: the other ("« Vos annonces, c'est du
        # bricolage », a dénoncé mardi la députée")
        subject = next(
            (
                c
                for c in verb.children
                if c.dep_ in SUBJECT_DEPS and c.i != subject.i and c.i not in skip and agrees(c, verb)
            ),
            subject,
        )
    if subject is not None and (written := _subject_after_clause(subject, verb, skip)) is not None:
        return written
    if subject is not None and (name := _name_set_apart(subject)) is not None:
        return name
    # "Demain deux nouveaux TGV partiront": a day the model reads as a subject beside the real one; "Un peu
    # plus tôt dans la journée le ministre … avait fait état": an adverb of time with its own modifiers
    timed = subject is not None and (
        (subject.pos_ in {"NOUN", "PROPN", "ADV"} and not_a_name(subject)) or _adverb_of_time(subject)
    )
    if subject is None:
        return inverted_subject(verb, skip)  # "Ainsi s'est exprimé mardi le chef de l'État"
    if subject.i not in skip and not timed:
        return subject
    others = [
        c for c in subject.head.children if c.dep_ in SUBJECT_DEPS and c.i not in skip and c.i != subject.i
    ]
    hung = [
        c
        for c in subject.children
        if c.i not in skip
        and c.pos_ in {"NOUN", "PROPN"}
        and c.dep_ in {"nmod", "appos", "flat:name", "conj"}
        and not any(k.dep_ == "case" for k in c.children)
    ]
    return next(iter(others or hung), None)


def inverted_subject(verb: Token, skip: Collection[int]) -> Token | None:
    """The subject of a pronominal verb written after it, which the model reads as its object ("Samedi 8
    juin, s'est tenu l'acte 30 du mouvement": the reflexive pronoun holds the object's place)."""
    reflexive = any(c.dep_ in REFLEXIVE_DEPS and _is_reflexive(c) for c in verb.children)
    if not reflexive or any(c.dep_ == "expl:subj" for c in verb.children):
        return None  # "il y aura la mise …", "il fallait un lieu": impersonal, the noun is the object
    after = [
        c
        for c in verb.children
        if c.dep_ == "obj" and c.i > verb.i and c.pos_ in {"NOUN", "PROPN"} and c.i not in skip
    ]
    if len(after) != 1 or not any(k.dep_ == "det" for k in after[0].children) or not agrees(after[0], verb):
        return None
    return after[0]


def _whose(noun: Token) -> bool:
    """A noun "dont" completes: the subject of the relative clause it opens ("dont le fils a été arrêté")."""
    return any(c.lower_ == "dont" and c.i < noun.i and c.dep_ == "nmod" for c in noun.children)


def _subject_after_conjunction(verb: Token, skip: Collection[int]) -> Token | None:
    """The own subject of a verb coordinated with another, written between "et" and it, which the model
    hangs elsewhere ("Il a développé des problèmes respiratoires et le test s'est révélé positif": the test,
    not "il"); none when the verb shares the first one's subject ("Il est arrivé et a demandé")."""
    if verb.dep_ != "conj" or any(c.dep_ in SUBJECT_DEPS for c in verb.children) or not is_finite(verb):
        return None
    group = [
        c for c in verb.children if c.dep_.startswith("aux") or c.dep_ in REFLEXIVE_DEPS or is_negation(c)
    ]
    first = min([verb, *(c for c in group if c.i < verb.i)], key=lambda t: t.i)
    phrase = subject_before(first, verb, skip)
    if not phrase or phrase[0].i == 0 or verb.doc[phrase[0].i - 1].pos_ != "CCONJ":
        return None
    # its first noun ("leur prochaine actualisation par Santé publique France": the update, not France),
    # whose phrase is the whole written one (else the words as written tell it: ``written_subject``)
    head = next((t for t in phrase if t.pos_ in {"NOUN", "PROPN"}), None)
    if head is None or not agrees(head, verb):
        return None
    return head if {t.i for t in phrase} <= {t.i for t in noun_phrase_tokens(head)} else None


def _adverb_of_time(subject: Token) -> bool:
    """An adverb the model reads as a subject with an adverb or a complement of its own ("Un peu plus tôt
    dans la journée", "Plus tard"): a time, not who acted; a bare one stays ("Beaucoup ont voté", "beaucoup
    de manifestants")."""
    return subject.pos_ == "ADV" and any(c.dep_ in {"advmod", "obl:mod", "obl"} for c in subject.children)


def _subject_after_clause(subject: Token, verb: Token, skip: Collection[int]) -> Token | None:
    """The subject written right before its verb, after the comma that closes a clause opened by a
    conjunction, where the model makes the whole sentence that clause and takes the clause's subject for
    the verb's ("Alors que l'épidémie continue à progresser, le secrétaire d'État a assuré …": the
    secretary); none where no conjunction opens the sentence before the subject."""
    doc = verb.doc
    first = verb_group_start(verb)
    opened = any(c.dep_ == "mark" and c.i < subject.i for c in verb.children)
    if not opened or subject.i > first.i or not any(t.text == "," for t in doc[subject.i : first.i]):
        return None
    phrase = subject_before(first, verb, skip)
    if not phrase or subject in phrase:
        return None
    ids = {t.i for t in phrase}
    heads = [t for t in phrase if t.head.i not in ids and t.pos_ in {"NOUN", "PROPN"}]
    return heads[0] if heads and agrees(heads[0], verb) else None


# The longest noun phrase taken for a subject from the text before its verb.
_MAX_SUBJECT_WORDS = 10


def subject_before(first: Token, verb: Token, skip: Collection[int]) -> list[Token]:
    """The noun phrase written right before a verb group the parse gives no subject ("…, Jean-Luc Mélenchon
    a tancé", "son maire Nicolas Florian a adressé"), over an aside between commas ("Jacline Mouraud, qui
    avait interpellé le chef de l'État, a tenté"); coordinated ("Alexandre Benalla et Vincent Crase ont été
    questionnés") only before a plural verb. Nothing when the words before are no noun phrase."""
    doc = first.doc
    start = sentence_of(first).start
    if start > 0 and not doc[start - 1].is_punct and "\n" not in doc[start - 1].text_with_ws:
        start = sentence_of(doc[start - 1]).start  # a sentence the parser cut where no punctuation ends it
    plural = "Plur" in _verb_numbers(verb)
    i = first.i - 1
    if i > start and doc[i].text == ",":  # an aside: the words before its opening comma
        i -= 1
        while i > start and doc[i].text != ",":
            i -= 1
        i -= 1
    phrase: list[Token] = []
    while i >= start:
        token = doc[i]
        if (
            token.text in QUOTE_MARKS
            and phrase
            and phrase[0].text[:1].isupper()
            and phrase[0].pos_ != "PROPN"
        ):
            break  # a headline glued before the sentence: « La "stratégie de l'épuisement" Deux autres … »
        coordinated = token.pos_ == "CCONJ" and plural and bool(phrase)
        if (
            token.i in skip
            or (token.is_punct and token.text not in {"'", *QUOTE_MARKS} and not _joins(token))
            # "le cap que nous avons fixé": a relative clause's own subject, or none
            or is_relative_pronoun(token)
            or (token.pos_ in {"CCONJ", "SCONJ", "VERB", "AUX"} and not coordinated)
        ):
            break
        phrase.insert(0, token)
        i -= 1
    while phrase and (phrase[0].pos_ == "CCONJ" or phrase[0].text in QUOTE_MARKS):
        phrase = phrase[1:]
    if sum(t.text in QUOTE_MARKS for t in phrase) % 2:  # a quotation open before the phrase: its end only
        phrase = phrase[max(i for i, t in enumerate(phrase) if t.text in QUOTE_MARKS) + 1 :]
    # "Plus de 2.000 gilets jaunes manifestaient", "Près de 800 …": the "de" after an adverb of quantity
    # opens no complement
    quantity = len(phrase) > 1 and phrase[0].pos_ == "ADV" and phrase[1].lower_ in _PARTITIVE
    if (
        not phrase
        or phrase[0].pos_ == "ADP"
        or (len(phrase) > 1 and phrase[1].pos_ == "ADP" and not quantity)
    ):
        return []  # "Sur RTL", "lors d'un rassemblement": a complement, no subject
    named = [
        t
        for t in phrase
        if t.pos_ in {"NOUN", "PROPN", "NUM"} or (t.pos_ == "PRON" and not is_relative_pronoun(t))
    ]
    dated = any(t.pos_ == "NOUN" and not_a_name(t) for t in phrase)  # "le 1er mai 2018": a date
    if not named or dated or len(phrase) > _MAX_SUBJECT_WORDS:
        return []
    numbers = set(named[-1].morph.get("Number", []))
    coordinated = any(t.pos_ == "CCONJ" for t in phrase)
    if numbers and _verb_numbers(verb) and not numbers & _verb_numbers(verb) and not coordinated:
        return []
    return phrase


def written_subject(verb: Token, skip: Collection[int]) -> list[Token]:
    """The subject the text writes right before a conjugated verb the parse gives no subject
    (``subject_before``: "A quelques jours de la sortie du confinement, le coordonnateur national … Jean
    Castex a mis en garde les Français", the model's conjunct of "sortie"); none for an incise, whose subject
    follows it, nor where the parse gives one."""
    own = subject_of(verb)
    if (own is not None and not _adverb_of_time(own)) or not is_finite(verb):
        return []
    if any(c.dep_ in SUBJECT_DEPS and c.i > verb.i for c in verb.children):
        return []
    group = [verb, *(c for c in verb.children if c.dep_.startswith("aux") or c.dep_ in REFLEXIVE_DEPS)]
    group += [c for c in verb.children if is_negation(c)]
    first = min((t for t in group if t.i <= verb.i), key=lambda t: t.i)
    phrase = subject_before(first, verb, skip)
    if first.i > 0 and first.doc[first.i - 1].text == "," and not named_then_described(phrase, first):
        return []  # "…, a indiqué son avocat", "…, a-t-il ajouté": the speaker follows
    return phrase


def named_then_described(phrase: Sequence[Token], first: Token) -> bool:
    """A name followed by what it is, set apart between commas before the verb ("Anas K., un étudiant de 22
    ans, s'immole"): the name is the subject; the aside is a noun phrase opened by its determiner."""
    doc = first.doc
    if not phrase or phrase[-1].pos_ != "PROPN" or phrase[-1].i + 2 >= first.i - 1:
        return False
    aside = doc[phrase[-1].i + 2 : first.i - 1]
    return (
        doc[phrase[-1].i + 1].text == ","
        and aside[0].pos_ == "DET"
        and not any(t.pos_ in {"VERB", "AUX"} or is_relative_pronoun(t) for t in aside)
    )


def _name_set_apart(subject: Token) -> Token | None:
    """A person's name written before the subject and its comma, which the model hangs elsewhere: the subject
    is what the person is ("Ingrid Levavasseur, l'une des figures du mouvement, a annoncé": her, not "l'une");
    the apposition is a phrase opened by its determiner, closed by a comma."""
    doc = subject.doc
    start, end = subject.left_edge.i, subject.right_edge.i
    if start < 2 or doc[start - 1].text != "," or end + 1 >= len(doc) or doc[end + 1].text != ",":
        return None
    last = doc[start - 2]
    name = last.head if last.dep_ == "flat:name" else last
    opening = sentence_of(subject).start
    if (
        last.pos_ != "PROPN"
        or name.pos_ != "PROPN"
        or name.i in {t.i for t in subject.subtree}
        or name.dep_ in SUBJECT_DEPS
        or not (name.i == opening or doc[name.i - 1].text == ",")
        or not any(c.dep_ == "det" and c.i == start for c in subject.children)
    ):
        return None
    return name


def phrase_head(phrase: Collection[Token]) -> Token | None:
    """The noun a phrase hangs on: the first of its nouns whose head is outside it."""
    ids = {t.i for t in phrase}
    return next(
        (t for t in sorted(phrase, key=lambda t: t.i) if t.head.i not in ids and t.pos_ in {"NOUN", "PROPN"}),
        None,
    )


def _joins(token: Token) -> bool:
    """A hyphen inside a word, no space on either side ("Cohn-Bendit"); a dash between spaces is no word's."""
    doc = token.doc
    return token.text == "-" and token.i > 0 and not doc[token.i - 1].whitespace_ and not token.whitespace_


def antecedent_ids(verb: Token, skip: Collection[int]) -> set[int]:
    """A relative clause whose pronoun is not its subject is told with what the pronoun stands for: "le cap
    que nous avons fixé", "l'hypothèse dans laquelle nous sommes" (not "nous avons fixé")."""
    if verb.dep_ != "acl:relcl" or verb.head.pos_ not in {"NOUN", "PROPN", "PRON"}:
        return set()
    pronoun = next(
        (
            c
            for c in verb.children
            if c.i < verb.i
            and c.dep_ not in SUBJECT_DEPS
            # "ce mouvement que le gouvernement dénonce": the model sometimes reads "que" as a conjunction
            and (is_relative_pronoun(c) or (c.dep_ == "obj" and c.lower_ in {"que", "qu'", "qu’"}))
        ),
        None,
    )
    if pronoun is None:
        return set()
    # the antecedent without its own preposition or a negation of its clause ("ce n'est pas l'hypothèse")
    ids = {t.i for t in noun_phrase_tokens(verb.head) if not is_negation(t)}
    gap = [t for t in verb.doc[max(ids) + 1 : pronoun.i] if not t.is_punct] if ids else []
    if pronoun.lower_ in _PLACE_RELATIVES and gap:
        # "un médecin contaminé par une personne rentrée en Asie, où elle a déclaré la maladie": the model
        # hangs "où" on a noun far before it, which is not where; the clause alone ("la ville où …" stays)
        return set()
    ids |= {pronoun.i} | {c.i for c in pronoun.children if c.dep_ == "case"}
    return ids - set(skip)


# Relative pronouns that stand for a place or a complement, not for an object the clause tells.
_PLACE_RELATIVES = frozenset({"où", "dont"})


def is_relative_pronoun(token: Token) -> bool:
    """A relative pronoun: "qui", "que", "dont", "où", "lequel"."""
    return "Rel" in token.morph.get("PronType", [])


def _verb_numbers(verb: Token) -> set[str]:
    """The number of a verb's conjugated form (its own or its auxiliary's)."""
    finite = [verb, *(c for c in verb.children if c.dep_.startswith("aux") or c.dep_ == "cop")]
    return {n for t in finite if "Fin" in t.morph.get("VerbForm", []) for n in t.morph.get("Number", [])}


def lettered_number(token: Token) -> bool:
    """A word the model tags as a number but written in letters only: a name ("rapporte franceinfo")."""
    return token.pos_ == "NUM" and token.text.isalpha() and not token.like_num


def is_inverted_pronoun(token: Token) -> bool:
    """The subject pronoun of an inverted verb, written with its hyphen: "-il", "-elle", "-on" (not the
    euphonic "-t")."""
    return token.pos_ == "PRON" and token.text.startswith("-") and len(token.text.strip("-")) > 1
