"""Clause summaries: what a timeline row says happened, as French a reader accepts — subject + verb group +
object, infinitives with their "à"/"de" and reflexive pronoun, participles with their auxiliary, the head noun
with its determiner, no dangling word (``summary_of``, ``event_noun_phrase``)."""

from __future__ import annotations

from collections.abc import Collection, Sequence

from spacy.tokens import Token

from chronique.phrases import (
    PLACE_CASES,
    conjuncts,
    is_bare_participle,
    join_tokens,
    noun_phrase,
    noun_phrase_tokens,
    subject_of,
    without_fragments,
)

_MAX_SUMMARY_TOKENS = 30


# "de"/"à" fused with the article: the article a noun phrase keeps once the preposition is left out.
_CONTRACTED_ARTICLES = {"du": "le", "des": "les", "au": "le", "aux": "les"}


def event_noun_phrase(head: Token, skip: Collection[int] = ()) -> str:
    """An event noun's phrase with its determiner: "lors des manifestations du 1er mai" gives "les
    manifestations", not the bare noun (the fused "des" is "de" + "les")."""
    phrase = noun_phrase(head, skip)
    has_det = any(c.dep_ == "det" for c in head.children)
    fused = next(
        (c.lower_ for c in head.children if c.dep_ == "case" and c.lower_ in _CONTRACTED_ARTICLES), None
    )
    if phrase and not has_det and fused is not None:
        article = _CONTRACTED_ARTICLES[fused]
        if article == "le" and head.text[:1].lower() in "aeiouéèêh":
            return "l'" + phrase
        return f"{article} {phrase}"
    return phrase


# Reflexive pronouns and negation belong to the verb group: "s'installer", "n'a pas commenté".
_REFLEXIVE_DEPS = frozenset({"expl:comp", "expl:pass", "expl", "expl:subj"})
_OBJECT_DEPS = frozenset({"obj", "obl:agent", "obl:arg", "iobj"})
# Feminine endings of a past participle ("proclamée", "prise", "faite"); the model's gender is unreliable.
_FEMININE_ENDINGS = ("ée", "ées", "ie", "ies", "ue", "ues", "se", "ses", "te", "tes")


def _is_negation(token: Token) -> bool:
    return token.lower_ in {"n'", "n’", "ne"} or "Neg" in token.morph.get("Polarity", [])


def _phrase_ids(head: Token, skip: Collection[int]) -> set[int]:
    """A complement's noun phrase with its preposition ("au juge", "par la police")."""
    ids = {t.i for t in noun_phrase_tokens(head)}
    ids.update(c.i for c in head.children if c.dep_ == "case")
    return ids - set(skip)


def _verb_group(verb: Token, skip: Collection[int], depth: int = 0) -> set[int]:
    """A verb with what French needs around it: auxiliaries, reflexive pronoun, negation, the ``à``/``de``
    before an infinitive, its objects, and the infinitive or attribute it governs ("commencent à
    s'installer dans …" gives "commencent à s'installer"; "a été proclamé indépendant")."""
    ids = {verb.i}
    for child in verb.children:
        if child.i in skip or "Rel" in child.morph.get("PronType", []):
            continue
        causative = (
            child.lemma_ in {"faire", "laisser"} and child.i < verb.i and child.pos_ in {"AUX", "VERB"}
        )
        if (
            causative  # "fait parvenir l'information"
            or child.dep_.startswith("aux")
            or child.dep_ == "cop"  # "sont attendues", "était très faible"
            or child.dep_ in _REFLEXIVE_DEPS
            or _is_negation(child)
            or (child.dep_ == "mark" and child.head.i > child.i)
        ):
            ids.add(child.i)
        elif child.dep_ in _OBJECT_DEPS:
            ids |= _phrase_ids(child, skip)
        elif child.dep_ == "xcomp" and depth < 2:
            if child.pos_ in {"VERB", "AUX"}:
                ids |= _verb_group(child, skip, depth + 1)
            else:
                ids |= _phrase_ids(child, skip)
    return ids


def _agreeing_noun(participle: Token) -> Token:
    """The noun a participle describes: it agrees with it ("l'indépendance de ce pays proclamée" describes
    the independence, not the country)."""
    noun = participle.head
    if not participle.lower_.endswith(_FEMININE_ENDINGS) or "Fem" in noun.morph.get("Gender", []):
        return noun
    current = noun
    for _ in range(3):
        if current.dep_ != "nmod" or current.head.i == current.i:
            break
        current = current.head
        if "Fem" in current.morph.get("Gender", []):
            return current
    # or a noun complement of the head, just before the participle: "un moratoire sur la hausse prévue"
    for child in sorted(noun.children, key=lambda t: -t.i):
        if child.dep_ == "nmod" and child.i < participle.i and "Fem" in child.morph.get("Gender", []):
            return child
    return noun


def _participle_summary(trigger: Token, skip: Collection[int]) -> str:
    """A participle describing a noun: the noun and the participle, with its agent or object and where
    ("le confinement imposé par …", "Hafez al-Assad né à Qardaha")."""
    chosen = {t.i for t in noun_phrase_tokens(_agreeing_noun(trigger))}
    chosen |= _verb_group(trigger, skip)
    place = next(
        (
            c
            for c in trigger.children
            if c.dep_ in {"obl:mod", "obl"}
            and c.pos_ == "PROPN"
            and any(k.lower_ in PLACE_CASES for k in c.children if k.dep_ == "case")
        ),
        None,
    )
    if place is not None:
        chosen |= _phrase_ids(place, skip)
    # "après le confinement imposé" reads as "le confinement imposé"
    tokens = without_fragments([trigger.doc[i] for i in sorted(chosen - set(skip))])
    noun = _agreeing_noun(trigger)
    if trigger.i < noun.i:  # "Lancée fin mai, la pétition …": the noun first, "la pétition lancée"
        group = [t for t in tokens if t.i < noun.i and t.i not in {n.i for n in noun_phrase_tokens(noun)}]
        rest = [t for t in tokens if t not in group]
        return " ".join(p for p in (join_tokens(rest), join_tokens(group).lower()) if p)
    return join_tokens(tokens)


def _is_gerund(token: Token) -> bool:
    """A present participle: "montrant", "expliquant"."""
    return "Part" in token.morph.get("VerbForm", []) and "Pres" in token.morph.get("Tense", [])


def _agrees(subject: Token, verb: Token) -> bool:
    """Whether a subject agrees in number with the verb's conjugated form (a coordinated subject is plural
    whatever its head; a form with no number, an infinitive, agrees with anything)."""
    finite = [t for t in [verb, *verb.children] if (t.i == verb.i or t.dep_.startswith("aux"))]
    numbers = {n for t in finite if "Fin" in t.morph.get("VerbForm", []) for n in t.morph.get("Number", [])}
    own = set(subject.morph.get("Number", []))
    if not numbers or not own or subject.pos_ == "PRON" or len(conjuncts(subject)) > 1:
        return True
    return bool(numbers & own)


def _clean_span(trigger: Token, tokens: Sequence[Token]) -> str | None:
    """The text itself where a clause with no subject gives no summary: a lone word ("incendié", "peut
    faire") takes the trigger's own words as written; a present participle ("montrant … de frapper un
    manifestant") the words from the first chosen to the last."""
    doc = trigger.doc
    if len(tokens) <= 2:
        span = [t for t in doc[trigger.left_edge.i : trigger.right_edge.i + 1] if not t.is_space]
        if len(tokens) < len(span) <= _MAX_SUMMARY_TOKENS:
            return join_tokens(without_fragments(span))
    if tokens and _is_gerund(tokens[0]):
        span = [t for t in doc[tokens[0].i : tokens[-1].i + 1] if not t.is_space]
        if len(span) <= _MAX_SUMMARY_TOKENS:
            return join_tokens(without_fragments(span))
    return None


def summary_of(trigger: Token, clause_head: Token, skip: set[int]) -> str:
    """A short French summary built from the clause itself: subject + verb group + object."""
    if is_bare_participle(trigger):
        return _participle_summary(trigger, skip)
    chosen: set[int] = set()
    path: list[Token] = []
    node = trigger
    while node.i not in {clause_head.i, node.head.i} and len(path) < 6:
        path.append(node)
        node = node.head
    path.append(clause_head)
    if any(n.pos_ in {"NOUN", "PROPN"} and n.dep_ != "obj" for n in path[1:-1]):
        # deep in a noun's complement ("après la publication d'une vidéo montrant X en train de frapper"):
        # the clause above tells another event; the trigger's own verb group is the summary
        clause_head, path = trigger, [trigger]
    subject = subject_of(clause_head) or subject_of(trigger)
    if subject is not None and not _agrees(subject, clause_head):
        subject = None  # "Un cinquième homme … ont été communiquées": not its subject
    subject_ids: set[int] = set()
    if subject is not None:
        for part in conjuncts(subject):
            subject_ids.update(t.i for t in noun_phrase_tokens(part))
            subject_ids.update(c.i for c in part.children if c.dep_ == "cc")
    chosen.update(subject_ids)
    for node in path:
        chosen.add(node.i)
        for child in node.children:
            if (
                child.dep_.startswith("aux")
                or child.dep_ in {"mark", "det"}
                or child.dep_ in _REFLEXIVE_DEPS
                or _is_negation(child)
            ):
                chosen.add(child.i)
    chosen |= _verb_group(trigger, skip)
    has_object = any(c.dep_ == "obj" for c in trigger.children)
    for token in (trigger.doc[i] for i in skip if not has_object):
        for child in token.children:  # the model hangs the object on the time: "a utilisé jeudi des armes"
            if child.i not in skip and child.dep_ == "nmod" and child.pos_ == "NOUN" and child.i > token.i:
                chosen |= _phrase_ids(child, skip)
    doc = trigger.doc
    tokens = [doc[i] for i in sorted(chosen - set(skip)) if not doc[i].is_space]
    while tokens and (tokens[0].dep_ in {"mark", "cc"} or tokens[0].is_punct):
        tokens = tokens[1:]  # "que les troupes ont subi …" reads as "les troupes ont subi …"
    tokens = without_fragments(tokens[:_MAX_SUMMARY_TOKENS])
    if subject is None and (span := _clean_span(trigger, tokens)) is not None:
        return span
    if subject is not None and subject.i > trigger.i:  # "…, a averti jeudi Emmanuel Macron"
        return _subject_first(tokens, subject_ids)
    return join_tokens(tokens)


def _subject_first(tokens: Sequence[Token], subject_ids: Collection[int]) -> str:
    """An inverted subject put before its verb: "Emmanuel Macron a averti", "la pétition lancée"."""
    said = [t for t in tokens if t.i not in subject_ids]
    told = join_tokens(said)
    if said and said[0].is_sent_start and said[0].pos_ != "PROPN":
        told = told[:1].lower() + told[1:]  # moved after the subject, the first word loses its capital
    return " ".join(p for p in (join_tokens(t for t in tokens if t.i in subject_ids), told) if p)
