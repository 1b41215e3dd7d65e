"""Clause summaries: what a timeline row says happened, as French a reader accepts — subject + verb group +
object, infinitives with their "à"/"de" and reflexive pronoun, participles with their auxiliary, the head noun
with its determiner, no dangling word (``summary_of``, ``event_noun_phrase``)."""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from spacy.tokens import Token

from chronique.nlp import not_a_name, sentence_of
from chronique.phrases import (
    PLACE_CASES,
    SUBJECT_DEPS,
    conjuncts,
    is_bare_participle,
    is_finite,
    join_tokens,
    noun_phrase_tokens,
    subject_of,
    without_fragments,
)
from chronique.vocabulary import Vocabulary
from chronique.voices import quotations

_MAX_SUMMARY_TOKENS = 30


@dataclass(frozen=True, slots=True)
class SummaryWords:
    """The French words summaries need (lemmas): the verbs that tell a clause (the verbs of saying of
    ``data/verbs.tsv`` and the ``saying`` words of ``data/summaries.tsv``), those of them that take no
    "que", the adverbs of quantity."""

    saying: frozenset[str] = frozenset()
    without_que: frozenset[str] = frozenset()
    quantity: frozenset[str] = frozenset()

    @classmethod
    def from_vocabulary(cls, vocabulary: Vocabulary) -> SummaryWords:
        return cls(
            saying=vocabulary["verbs"].forms_of("reporting_verbs")
            | vocabulary["summaries"].forms_of("saying")
            | vocabulary["summaries"].forms_of("without_que"),
            without_que=vocabulary["summaries"].forms_of("without_que"),
            quantity=vocabulary["summaries"].forms_of("quantity"),
        )


# "de"/"à" fused with the article: the article a noun phrase keeps once the preposition is left out.
_CONTRACTED_ARTICLES = {"du": "le", "des": "les", "au": "le", "aux": "les"}


def event_noun_phrase(head: Token, skip: Collection[int] = ()) -> str:
    """An event noun's phrase with its determiner: "lors des manifestations du 1er mai à Paris" gives "les
    manifestations du 1er mai à Paris", not the bare noun (the fused "des" is "de" + "les"). The date that
    completes the noun stays (it names the event), a date elsewhere in the clause does not; a place named
    after à, en or dans stays too."""
    own = {t.i for t in noun_phrase_tokens(head)}
    ids = own | _place_ids(head, skip)
    if not _completes(head, skip, own):
        ids -= set(skip)
    tokens = without_fragments([head.doc[i] for i in sorted(ids)])
    while tokens and tokens[0].pos_ in {"ADV", "CCONJ"} and tokens[0].i < head.i:
        tokens = tokens[1:]  # "et aussi la grève du 5 décembre" is "la grève du 5 décembre"
    phrase = join_tokens(tokens)
    has_det = any(c.dep_ == "det" for c in head.children)
    fused = next(
        (c.lower_ for c in head.children if c.dep_ == "case" and c.lower_ in _CONTRACTED_ARTICLES), None
    )
    if phrase and not has_det and fused is not None and tokens and tokens[0].i == head.i:
        article = _CONTRACTED_ARTICLES[fused]
        if article == "le" and head.text[:1].lower() in "aeiouéèêh":
            return "l'" + phrase
        return f"{article} {phrase}"
    return phrase


def _completes(head: Token, timex: Collection[int], phrase: Collection[int]) -> bool:
    """Whether a time expression is a complement of the noun, whole and after "de": "la manifestation du 1er
    mai", "les attentats de 2015" (not "l'attaque de Strasbourg mardi", not "la séance, mardi 24 juillet")."""
    doc = head.doc
    if not timex or not set(timex) <= set(phrase):
        return False
    before = min(timex) - 1
    first = doc[min(timex)]
    return first.lower_ in _GENITIVE or (before > head.i and doc[before].lower_ in _GENITIVE)


# Where an event noun is what its verb is about: its subject, object or argument ("prévoyait un
# rassemblement", "fera une déclaration", "ont été soumises à un vote"); the clause then tells the event.
_CORE_DEPS = frozenset({"nsubj", "nsubj:pass", "obj", "obl:arg", "iobj"})


def noun_summary(noun: Token, skip: set[int], words: SummaryWords = SummaryWords()) -> str:
    """A timeline row's summary for an event noun: its phrase, with its date and place where they complete
    it (``event_noun_phrase``); a phrase that is only the noun and its determiner ("un rassemblement") is
    told with the clause it is the subject or object of ("… prévoyait un rassemblement")."""
    if any(c.dep_.startswith("aux") for c in noun.children):
        return summary_of(
            noun, noun, skip, words
        )  # "qu'elle a bien défilé": a verb the model took for a noun
    phrase = event_noun_phrase(noun, skip)
    verb = noun.head
    if len(phrase.split()) > 2 or noun.dep_ not in _CORE_DEPS or verb.pos_ not in {"VERB", "AUX"}:
        return phrase
    told = summary_of(verb, _governing(verb), skip, words)  # "devrait faire d'importantes annonces"
    return told if noun.text in told.split() and len(told.split()) > len(phrase.split()) else phrase


def _place_ids(head: Token, skip: Collection[int]) -> set[int]:
    """The place a word names after à, en or dans ("à Qardaha", "à Paris"), with its preposition."""
    place = next(
        (
            c
            for c in head.children
            if c.dep_ in {"obl:mod", "obl", "nmod"}
            and c.pos_ == "PROPN"
            and c.i not in skip
            and any(k.lower_ in PLACE_CASES for k in c.children if k.dep_ == "case")
        ),
        None,
    )
    return _phrase_ids(place, skip) if place is not None else set()


# Reflexive pronouns and negation belong to the verb group: "s'installer", "n'a pas commenté".
_REFLEXIVE_DEPS = frozenset({"expl:comp", "expl:pass", "expl", "expl:subj"})
_OBJECT_DEPS = frozenset({"obj", "obl:agent", "obl:arg", "iobj"})
# Clauses of their own beside a verb.
_CLAUSE_DEPS = frozenset({"advcl", "ccomp", "conj", "parataxis", "acl", "acl:relcl", "csubj"})
# Feminine endings of a past participle ("proclamée", "prise", "faite"); the model's gender is unreliable.
# The "de" of a quantity: "plus de transparence"; with its article, of a part: "la plupart des manifestants".
_PARTITIVE = frozenset({"de", "d'", "d’"})
_GENITIVE = _PARTITIVE | {"du", "des"}
_FEMININE_ENDINGS = ("ée", "ées", "ie", "ies", "ue", "ues", "se", "ses", "te", "tes")


def _is_negation(token: Token) -> bool:
    return token.lower_ in {"n'", "n’", "ne"} or "Neg" in token.morph.get("Polarity", [])


def _phrase_ids(head: Token, skip: Collection[int]) -> set[int]:
    """A complement's noun phrase with its preposition ("au juge", "par la police")."""
    ids = {t.i for t in noun_phrase_tokens(head)} | _demonstrative_complement(head)
    ids.update(c.i for c in head.children if c.dep_ == "case")
    return ids - set(skip)


def _verb_group(verb: Token, skip: Collection[int], words: SummaryWords, depth: int = 0) -> set[int]:
    """A verb with what French needs around it: auxiliaries, reflexive pronoun, negation, the ``à``/``de``
    before an infinitive, its objects, and the infinitive or attribute it governs ("commencent à
    s'installer dans …" gives "commencent à s'installer"; "a été proclamé indépendant")."""
    ids = {verb.i}
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
            or child.dep_ == "cop"  # "sont attendues", "était très faible"
            or child.dep_ in _REFLEXIVE_DEPS
            or _is_negation(child)
            or (child.dep_ == "mark" and child.head.i > child.i)
        ):
            ids.add(child.i)
        elif child.dep_ in _OBJECT_DEPS or _second_subject(child):
            ids |= _phrase_ids(child, skip)
        elif (
            child.dep_ == "advmod"
            and child.lower_ in words.quantity
            and (counted := _counted(child, skip)) is not None
        ):
            ids |= {child.i} | _phrase_ids(counted, skip)  # "a réclamé plus de transparence"
        elif child.dep_ == "xcomp" and depth < 2:
            if child.pos_ in {"VERB", "AUX"}:
                ids |= _verb_group(child, skip, words, depth + 1)
            else:
                ids |= _phrase_ids(child, skip)
                for argument in (c for c in child.children if c.dep_ in {"obl:arg", "obj"}):
                    ids |= _phrase_ids(argument, skip)  # "on va droit à la catastrophe"
    return ids


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


def _participle_summary(trigger: Token, skip: Collection[int], words: SummaryWords) -> str:
    """A participle describing a noun: the noun and the participle, with its agent or object and where
    ("le confinement imposé par …", "Hafez al-Assad né à Qardaha")."""
    noun = _agreeing_noun(trigger)
    complement = _demonstrative_complement(noun)
    phrase = {t.i for t in noun_phrase_tokens(noun)} | complement
    chosen = phrase | _verb_group(trigger, skip, words) | _place_ids(trigger, skip)
    # "après le confinement imposé" reads as "le confinement imposé"
    tokens = without_fragments([trigger.doc[i] for i in sorted(chosen - set(skip))])
    if trigger.i < noun.i or complement:
        # "Lancée fin mai, la pétition …": the noun first, "la pétition lancée"; "celle, annoncée fin
        # janvier, du Ralliement …": "celle du Ralliement … annoncée"
        group = [t for t in tokens if t.i not in phrase]
        rest = [t for t in tokens if t.i in phrase]
        told = join_tokens(group)
        if trigger.i < noun.i:
            told = told.lower()
        return " ".join(p for p in (join_tokens(rest), told) if p)
    return join_tokens(tokens)


# The longest relative clause a demonstrative keeps ("ce que le président devrait annoncer").
_MAX_RELATIVE = 12


def _demonstrative_complement(noun: Token) -> set[int]:
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
        cases = [c for c in candidate.children if c.dep_ == "case" and c.lower_ in _GENITIVE]
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


def _completes_time(noun: Token) -> bool:
    """A bare "de" + noun after a time word is its complement, no object: "au lendemain de violences", "cette
    journée de manifestations" (but "de strictes restrictions", "de leurs représentants" are objects)."""
    return any(k.dep_ == "case" and k.lower_ in _PARTITIVE for k in noun.children) and not any(
        k.dep_ == "det" or (k.dep_ == "amod" and k.i < noun.i) for k in noun.children
    )


def _is_adverbial_infinitive(verb: Token) -> bool:
    """An infinitive set beside a verb by "avant de", "pour", "afin de", "sans": no subject of its own."""
    return (
        verb.dep_ == "advcl"
        and "Inf" in verb.morph.get("VerbForm", [])
        and verb.head.pos_ in {"VERB", "AUX"}
        and verb.head.i < verb.i
        and any(c.dep_ == "mark" for c in verb.children)
        and not any(c.dep_ in SUBJECT_DEPS for c in verb.children)
    )


def _is_gerund(token: Token) -> bool:
    """A present participle: "montrant", "expliquant"."""
    return "Part" in token.morph.get("VerbForm", []) and "Pres" in token.morph.get("Tense", [])


def _agrees(subject: Token, verb: Token) -> bool:
    """Whether a subject agrees in number with the verb's conjugated form (a coordinated subject is plural
    whatever its head, and so is a quantity of a plural: "une centaine de personnes ont manifesté"; a form
    with no number, an infinitive, agrees with anything)."""
    finite = [t for t in [verb, *verb.children] if (t.i == verb.i or t.dep_.startswith("aux"))]
    numbers = {n for t in finite if "Fin" in t.morph.get("VerbForm", []) for n in t.morph.get("Number", [])}
    own = set(subject.morph.get("Number", []))
    counted = any(
        c.dep_ == "nmod"
        and "Plur" in c.morph.get("Number", [])
        and any(k.dep_ == "case" and k.lower_ in _GENITIVE for k in c.children)
        for c in subject.children
    )
    if counted:
        own.add("Plur")
    if not numbers or not own or subject.pos_ == "PRON" or len(conjuncts(subject)) > 1:
        return True
    return bool(numbers & own)


def _run_around(trigger: Token, start: int, end: int, outside: Collection[int]) -> list[Token]:
    """The words from ``start`` to ``end`` as written, cut to the run around the trigger that holds no word
    from ``outside`` (a saying's incise inside the clause it reports: "A ce jour, a-t-il ajouté, …")."""
    doc = trigger.doc
    span = [t for t in doc[start : end + 1] if not t.is_space]
    left = [t.i for t in span if t.i in outside and t.i < trigger.i]
    right = [t.i for t in span if t.i in outside and t.i > trigger.i]
    low, high = max(left, default=start - 1), min(right, default=end + 1)
    return [t for t in span if low < t.i < high]


def _clean_span(trigger: Token, tokens: Sequence[Token], outside: Collection[int] = ()) -> str | None:
    """The text itself where a clause with no subject gives no summary: a lone word ("incendié", "peut
    faire") takes the trigger's own words as written; a present participle ("montrant … de frapper un
    manifestant") the words from the first chosen to the last."""
    if len(tokens) <= 2:
        span = _run_around(trigger, trigger.left_edge.i, trigger.right_edge.i, outside)
        if len(tokens) < len(span) <= _MAX_SUMMARY_TOKENS:
            return join_tokens(without_fragments(span))
    if tokens and _is_gerund(tokens[0]):
        span = _run_around(trigger, tokens[0].i, tokens[-1].i, outside)
        if len(span) <= _MAX_SUMMARY_TOKENS:
            return join_tokens(without_fragments(span))
    return None


def summary_of(
    trigger: Token,
    clause_head: Token,
    skip: set[int],
    words: SummaryWords = SummaryWords(),
    *,
    outside: Collection[int] = (),
    depth: int = 0,
) -> str:
    """A short French summary built from the clause itself: subject + verb group + object; a participle
    with the noun it describes; a verb of saying that tells only what it reports, with what it reports
    (``_saying_summary``). ``skip``: the words of the time expression that dates the row, not said again;
    ``outside``: words that are not the clause's (the incise of a saying that reports it)."""
    if is_bare_participle(trigger):
        return _participle_summary(trigger, skip, words)
    if (
        trigger.lemma_.lower() in words.saying
        and depth < _MAX_REPORT_DEPTH
        and (is_finite(trigger) or _is_gerund(trigger))
    ):
        told = _saying_summary(trigger, skip | set(outside), words, depth)
        if told is not None:
            return told
    return _clause_summary(trigger, clause_head, skip, words, outside)


def _clause_summary(
    trigger: Token, clause_head: Token, timex: set[int], words: SummaryWords, outside: Collection[int]
) -> str:
    """Subject + verb group + object, from the clause of the trigger."""
    skip = timex | set(outside)
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
    if _is_adverbial_infinitive(trigger) and clause_head.i == trigger.i:
        # "il a participé au contre-sommet, avant de revenir …": the infinitive has its subject and tense
        # from the verb it depends on, which is told with it ("il a participé …, avant de revenir …")
        clause_head = trigger.head
        path.append(clause_head)
        chosen |= _verb_group(clause_head, skip, words)
    subject = _subject(clause_head, skip) or _subject(trigger, skip)
    if subject is not None and not _agrees(subject, clause_head):
        subject = None  # "Un cinquième homme … ont été communiquées": not its subject
    subject_ids = _subject_ids(subject) if subject is not None else set()
    chosen.update(subject_ids)
    antecedent = _antecedent_ids(clause_head, skip)  # "le cap que nous avons fixé"
    chosen |= antecedent
    for node in path:
        chosen.add(node.i)
        for child in node.children:
            if (
                child.dep_.startswith("aux")
                or child.dep_ in {"mark", "det"}
                or (child.dep_ == "case" and any(k.dep_ == "cop" for k in node.children))
                or child.dep_ in _REFLEXIVE_DEPS
                or _is_negation(child)
            ):
                chosen.add(child.i)
    chosen |= _verb_group(trigger, skip, words)
    has_object = any(c.dep_ == "obj" and c.i not in skip for c in trigger.children)
    for token in (trigger.doc[i] for i in skip if not has_object):
        for child in token.children:  # the model hangs the object on the time: "a utilisé jeudi des armes"
            if (
                child.i not in skip
                and child.dep_ in {"nmod", "obj"}
                and child.pos_ == "NOUN"
                and child.i > token.i
                and not _completes_time(child)
            ):
                chosen |= _phrase_ids(child, skip)
    doc = trigger.doc
    tokens = [doc[i] for i in sorted(chosen - set(skip)) if not doc[i].is_space]
    while tokens and (tokens[0].dep_ in {"mark", "cc"} or tokens[0].is_punct):
        tokens = tokens[1:]  # "que les troupes ont subi …" reads as "les troupes ont subi …"
    tokens = without_fragments(tokens[:_MAX_SUMMARY_TOKENS])
    speaker = _speaker(clause_head, skip) if clause_head.lemma_.lower() in words.saying else None
    told_after = (
        speaker is not None
        and speaker.i > clause_head.i
        and _is_incise(clause_head)
        and _reported_clause(clause_head, words.saying) is not None
    )
    group = [t for t in tokens if t.pos_ in {"AUX", "VERB"} or _is_negation(t) or t.dep_ in _REFLEXIVE_DEPS]
    conjugated = any("Fin" in t.morph.get("VerbForm", []) for t in group)
    if subject is None and group and conjugated and is_finite(clause_head) and not told_after:
        # the parse gives the verb no subject, the text does: the noun phrase right before the verb group
        # ("…, Jean-Luc Mélenchon a tancé"; not after "…, a estimé le député", whose subject follows)
        before = [t for t in _subject_before(group[0], clause_head, skip) if t not in tokens]
        tokens = sorted([*before, *tokens], key=lambda t: t.i)
        subject = before[0] if before else None
    if subject is None and (span := _clean_span(trigger, tokens, outside)) is not None:
        return span
    if (
        subject is not None and subject.i > trigger.i and not antecedent
    ):  # "…, a averti jeudi Emmanuel Macron"
        return _subject_first(tokens, subject_ids)
    return join_tokens(tokens)


# The longest noun phrase taken for a subject from the text before its verb.
_MAX_SUBJECT_WORDS = 10


def _subject_before(first: Token, verb: Token, skip: Collection[int]) -> list[Token]:
    """The noun phrase written right before a verb group the parse gives no subject ("…, Jean-Luc Mélenchon
    a tancé", "son maire Nicolas Florian a adressé"), over an aside between commas ("Jacline Mouraud, qui
    avait interpellé le chef de l'État, a tenté"); coordinated ("Alexandre Benalla et Vincent Crase ont été
    questionnés") only before a plural verb. Nothing when the words before are no noun phrase."""
    doc = first.doc
    start = sentence_of(first).start
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
            token.text in _QUOTE_MARKS
            and phrase
            and phrase[0].text[:1].isupper()
            and phrase[0].pos_ != "PROPN"
        ):
            break  # a headline glued before the sentence: « La "stratégie de l'épuisement" Deux autres … »
        coordinated = token.pos_ == "CCONJ" and plural and bool(phrase)
        if (
            token.i in skip
            or (token.is_punct and token.text not in {"-", "'", *_QUOTE_MARKS})
            or _relative(token)  # "le cap que nous avons fixé": a relative clause's own subject, or none
            or (token.pos_ in {"CCONJ", "SCONJ", "VERB", "AUX"} and not coordinated)
        ):
            break
        phrase.insert(0, token)
        i -= 1
    while phrase and (phrase[0].pos_ == "CCONJ" or phrase[0].text in _QUOTE_MARKS):
        phrase = phrase[1:]
    if sum(t.text in _QUOTE_MARKS for t in phrase) % 2:  # a quotation open before the phrase: its end only
        phrase = phrase[max(i for i, t in enumerate(phrase) if t.text in _QUOTE_MARKS) + 1 :]
    if not phrase or phrase[0].pos_ == "ADP" or (len(phrase) > 1 and phrase[1].pos_ == "ADP"):
        return []  # "Sur RTL", "lors d'un rassemblement": a complement, no subject
    named = [
        t for t in phrase if t.pos_ in {"NOUN", "PROPN", "NUM"} or (t.pos_ == "PRON" and not _relative(t))
    ]
    dated = any(t.pos_ == "NOUN" and not_a_name(t) for t in phrase)  # "le 1er mai 2018": a date
    if not named or dated or len(phrase) > _MAX_SUBJECT_WORDS:
        return []
    numbers = set(named[-1].morph.get("Number", []))
    coordinated = any(t.pos_ == "CCONJ" for t in phrase)
    if numbers and _verb_numbers(verb) and not numbers & _verb_numbers(verb) and not coordinated:
        return []
    return phrase


def _antecedent_ids(verb: Token, skip: Collection[int]) -> set[int]:
    """A relative clause whose pronoun is not its subject is told with what the pronoun stands for: "le cap
    que nous avons fixé", "l'hypothèse dans laquelle nous sommes" (not "nous avons fixé")."""
    if verb.dep_ != "acl:relcl" or verb.head.pos_ not in {"NOUN", "PROPN", "PRON"}:
        return set()
    pronoun = next(
        (c for c in verb.children if _relative(c) and c.dep_ not in SUBJECT_DEPS and c.i < verb.i), None
    )
    if pronoun is None:
        return set()
    # the antecedent without its own preposition or a negation of its clause ("ce n'est pas l'hypothèse")
    ids = {t.i for t in noun_phrase_tokens(verb.head) if not _is_negation(t)}
    ids |= {pronoun.i} | {c.i for c in pronoun.children if c.dep_ == "case"}
    return ids - set(skip)


def _relative(token: Token) -> bool:
    return "Rel" in token.morph.get("PronType", [])


def _verb_numbers(verb: Token) -> set[str]:
    """The number of a verb's conjugated form (its own or its auxiliary's)."""
    finite = [verb, *(c for c in verb.children if c.dep_.startswith("aux") or c.dep_ == "cop")]
    return {n for t in finite if "Fin" in t.morph.get("VerbForm", []) for n in t.morph.get("Number", [])}


def _subject_first(tokens: Sequence[Token], subject_ids: Collection[int]) -> str:
    """An inverted subject put before its verb: "Emmanuel Macron a averti", "la pétition lancée"."""
    said = [t for t in tokens if t.i not in subject_ids]
    told = join_tokens(said)
    if said and said[0].is_sent_start and said[0].pos_ != "PROPN":
        told = told[:1].lower() + told[1:]  # moved after the subject, the first word loses its capital
    return " ".join(p for p in (join_tokens(t for t in tokens if t.i in subject_ids), told) if p)


# How many sayings deep a summary tells what is reported ("X a affirmé que Y a annoncé que …").
_MAX_REPORT_DEPTH = 2
# Where a verb of saying keeps the clause it reports, and where an incise hangs on the clause before it.
_REPORTED_DEPS = frozenset({"ccomp", "parataxis"})
_INCISE_DEPS = frozenset({"parataxis", "advcl", "conj", "ccomp", "dep", "acl"})
# How far up an incise's clause is looked for.
_MAX_CLIMB = 4
# What heads a clause: a verb, or the attribute of a copula ("les dégâts sont importants").
_CLAUSE_POS = frozenset({"VERB", "AUX", "ADJ", "NOUN", "PROPN"})
# What the model makes of the speaker after an incise's verb ("…, a précisé la préfecture": obj).
_INVERTED_SPEAKER_DEPS = frozenset({"nsubj", "obj", "obl:mod", "nmod", "appos", "flat:name"})
# The content a verb of saying can have of its own: then it is summarised as any verb ("a annoncé sa
# démission", "a dit craindre une hécatombe").
_OWN_CONTENT_DEPS = frozenset({"obj", "xcomp", "obl:arg"})
_VOWELS = tuple("aeiouyéèêàâîôûAEIOUYÉÈÊÀÂÎÔÛ")
# Quotation marks (typography): a summary tells the words, without the marks that opened or closed them.
_QUOTE_MARKS = ('"', "«", "»", "“", "”")
_CLOSING_QUOTES = frozenset({'"', "»", "”"})
# Where a summary's words break: spaces and elisions ("n'existait" holds "existait").
_WORD_BREAKS = re.compile(r"[\s'’\"«»]+")


def _is_incise(verb: Token) -> bool:
    """A verb of saying set apart after what it tells, by a comma or a closing quote, its subject after it:
    "…, a indiqué le maire", "», a-t-il lancé" (not "le directeur, Patrick Strzoda, a affirmé")."""
    first = min([verb, *(c for c in verb.children if c.dep_.startswith("aux"))], key=lambda t: t.i)
    told_before = any(
        c.dep_ in SUBJECT_DEPS and c.i < first.i and _same_voice(c, verb) for c in verb.children
    )
    return first.i > 0 and first.nbor(-1).is_punct and not told_before


def _same_voice(word: Token, verb: Token) -> bool:
    """Whether a word is told by the verb's own voice: a pronoun inside the quotation before an incise
    ("« J'ai des éléments », a insisté maître de Veulle") is the quotation's, not the incise's subject."""
    regions = quotations(verb.doc)
    return regions[word.i] == regions[verb.i] and not (
        word.pos_ == "PRON" and "1" in word.morph.get("Person", []) and word.i < verb.i
    )


def _governing(clause: Token) -> Token:
    """An infinitive is told with the verb it completes: "la police a souhaité interroger Myriam"."""
    while clause.dep_ == "xcomp" and "Inf" in clause.morph.get("VerbForm", []) and clause.head.i != clause.i:
        clause = clause.head
    return clause


def _reported_clause(verb: Token, saying: Collection[str]) -> Token | None:
    """The clause a verb of saying reports: the clause an incise follows ("« … », a-t-il jugé"), or its
    "que" clause or quotation ("a estimé que …", "a déclaré : « … »"); never the incise of another verb of
    saying ("le confinement se poursuivra …, a prévenu l'Élysée" tells the Élysée's words)."""
    incise = _is_incise(verb)
    if verb.dep_ in _INCISE_DEPS and verb.head.i < verb.i and incise:
        clause = _clause_of(verb.head)
        if clause is not None:
            return _governing(clause)
    reported = [
        c
        for c in sorted(verb.children, key=lambda t: t.i)
        if c.pos_ in _CLAUSE_POS
        and not (c.i > verb.i and c.lemma_.lower() in saying and _is_incise(c))
        and (
            c.dep_ in _REPORTED_DEPS
            # « Si …, on va au-devant d'une casse », a averti X: the main clause, not the "si" clause
            or (
                incise
                and c.i < verb.i
                and c.dep_ in {"advcl", "dep"}
                and _conjugated(c)
                and not _is_subordinate(c)
            )
        )
    ]
    return min(reported, key=lambda c: c.dep_ not in _REPORTED_DEPS, default=None)


def _conjugated(clause: Token) -> bool:
    """A clause with a conjugated verb: the verb itself, an auxiliary or a copula ("sera disponible")."""
    forms = [clause, *(c for c in clause.children if c.dep_.startswith("aux") or c.dep_ == "cop")]
    return clause.pos_ in _CLAUSE_POS and any("Fin" in t.morph.get("VerbForm", []) for t in forms)


def _is_subordinate(clause: Token) -> bool:
    """A clause opened by a subordinating conjunction ("si", "quand", "parce que"): not what is reported."""
    return any(c.dep_ == "mark" and c.pos_ == "SCONJ" for c in clause.children)


def _clause_of(token: Token) -> Token | None:
    """The nearest head of a clause above a word an incise hangs on: a conjugated verb, or the attribute of
    a copula ("…de ses fonctions, rapporte franceinfo": the clause of "a été suspendu"; "… a téléphoné à
    Gérard Larcher pour calmer les esprits, rapporte l'Obs": of "a téléphoné")."""
    current = token
    for _ in range(_MAX_CLIMB):
        if _conjugated(current):
            return current
        if current.head.i == current.i:
            return None
        current = current.head
    return None


def _speaker(verb: Token, skip: Collection[int]) -> Token | None:
    """Who says: the verb's subject, wherever it stands (a relative's antecedent: "le directeur, qui
    précise"); after an incise, the name or noun phrase the model read as its object or hung on the date
    ("…, a précisé la préfecture du Maine-et-Loire", "a estimé mercredi 13 mai la ministre du Travail")."""
    # "a-t-il jugé", "jugé-t-il": the inverted pronoun, wherever the model hangs it
    first = min([verb, *(c for c in verb.children if c.dep_.startswith("aux"))], key=lambda t: t.i)
    inverted = [t for t in verb.doc[first.i : verb.i + 2] if _is_inverted_pronoun(t)]
    if inverted:
        return inverted[0]
    own = [c for c in verb.children if c.dep_ in SUBJECT_DEPS and _same_voice(c, verb)]
    if any(c.i not in skip for c in own) or not _is_incise(verb):
        return _subject(verb, skip)
    frontier = [verb]
    while frontier:
        node = frontier.pop(0)
        for child in sorted(node.children, key=lambda t: t.i):
            if child.i in skip:
                frontier.append(child)  # a date between the verb and its speaker
            elif (
                child.i > verb.i
                and child.dep_ in _INVERTED_SPEAKER_DEPS
                and (not not_a_name(child) or _lettered_number(child))
                and not any(c.dep_ == "case" for c in child.children)
                and (
                    child.pos_ in {"PROPN", "NUM"}
                    or any(c.dep_ == "det" for c in child.children)
                    or any(t.pos_ == "PROPN" for t in child.subtree)  # "maître de Veulle"
                )
            ):
                return child
    return None


def _lettered_number(token: Token) -> bool:
    """A word the model tags as a number but written in letters only: a name ("rapporte franceinfo")."""
    return token.pos_ == "NUM" and token.text.isalpha() and not token.like_num


def _is_inverted_pronoun(token: Token) -> bool:
    """The subject pronoun of an inverted verb, written with its hyphen: "-il", "-elle", "-on" (not the
    euphonic "-t")."""
    return token.pos_ == "PRON" and token.text.startswith("-") and len(token.text.strip("-")) > 1


def _subject_ids(subject: Token) -> set[int]:
    """A subject's words: each coordinated noun phrase and the conjunctions between them."""
    ids: set[int] = set()
    for part in conjuncts(subject):
        ids.update(t.i for t in noun_phrase_tokens(part))
        ids.update(c.i for c in part.children if c.dep_ == "cc")
    return ids


def _subject(verb: Token, skip: Collection[int]) -> Token | None:
    """The verb's subject (``subject_of``), but never its date: "Jeudi, devant la presse, la ministre a
    indiqué" (the model reads the weekday as a second subject), "Samedi dernier, 120 gilets jaunes se sont
    retrouvés" (it hangs the subject on the weekday)."""
    subject = subject_of(verb)
    if subject is None or subject.i not in skip:
        return subject
    others = [c for c in subject.head.children if c.dep_ in SUBJECT_DEPS and c.i not in skip]
    hung = [
        c
        for c in subject.children
        if c.i not in skip
        and c.pos_ in {"NOUN", "PROPN"}
        and c.dep_ in {"nmod", "appos", "flat:name", "conj"}
        and not any(k.dep_ == "case" for k in c.children)
    ]
    return next(iter(others or hung), None)


def _speaker_words(speaker: Token, skip: Collection[int]) -> str:
    """The speaker as the subject of a summary: "-il" of "a-t-il dit" is "il"."""
    if speaker.pos_ == "PRON":
        return speaker.text.split("-")[-1]
    doc = speaker.doc
    return join_tokens(without_fragments([doc[i] for i in sorted(_subject_ids(speaker) - set(skip))]))


def _is_quoted(clause: Token, regions: Sequence[int]) -> bool:
    """Whether a reported clause is a direct quotation: inside quotation marks, or closed by one, or told
    in the first or second person ("Je réponds au peuple français", a lancé le président); a "que" clause
    is indirect speech even where some of its words are quoted."""
    if any(c.dep_ == "mark" and c.lower_ in {"que", "qu'", "qu’"} for c in clause.children):
        return False
    doc = clause.doc
    after = clause.right_edge.i + 1
    persons = {p for t in [clause, *clause.children] for p in t.morph.get("Person", [])}
    return (
        bool(regions[clause.i])
        or (after < len(doc) and doc[after].text in _CLOSING_QUOTES)
        or bool(persons & {"1", "2"})
    )


def _saying_summary(verb: Token, skip: set[int], words: SummaryWords, depth: int) -> str | None:
    """A verb of saying whose content is the clause it reports: who said what, that clause summarised
    ("Jeanne d'Hauteserre a affirmé que les dégâts sont importants", "il a jugé : « Nous arrivons à un
    moment »"); the reported clause alone when no speaker is named; an incise whose clause the parse does
    not show, its speaker first ("Matignon a indiqué", not "a indiqué Matignon"). None where the verb has
    content of its own ("a annoncé sa démission") or says nothing the parse shows."""
    speaker = _speaker(verb, skip)
    reported = _reported_clause(verb, words.saying)
    owned = [
        c
        for c in verb.children
        if c.dep_ in _OWN_CONTENT_DEPS
        and c.pos_ != "PRON"
        and (speaker is None or c.i != speaker.i)
        # "…, a dénoncé Johann Cavallero, délégué national": the speaker's apposition, no content
        and not (speaker is not None and c.i > speaker.i and c.doc[c.left_edge.i - 1].text == ",")
    ]
    if owned or (speaker is not None and reported is not None and speaker.i == reported.i):
        return None
    bare = _who_said(verb, speaker, skip) if speaker is not None and _is_incise(verb) else None
    if reported is None:
        return bare
    # the saying's own words (its speaker, its incise) are no part of what it reports
    own_words = {t.i for t in verb.subtree}
    if reported.i in own_words:  # "a affirmé que …": the clause is the saying's; else the saying is an incise
        own_words -= {t.i for t in reported.subtree}
    if speaker is not None:
        own_words |= {t.i for t in speaker.subtree}
    told = summary_of(reported, reported, skip, words, outside=own_words, depth=depth + 1)
    if not _tells_something(told, reported, skip | own_words):
        return bare
    told = " ".join(told.translate({ord(mark): " " for mark in _QUOTE_MARKS}).split())
    if speaker is None:
        return told
    said = _who_said(verb, speaker, skip)
    if "Inf" in reported.morph.get("VerbForm", []) and not is_finite(reported):
        return f"{said} {told}"  # "a répété être favorable à …"
    if _is_quoted(reported, quotations(verb.doc)):
        return f"{said} : « {told} »"
    told = _lowered(told, reported)
    if verb.lemma_.lower() in words.without_que:
        return f"{said} : {told}"  # "a insisté : le déconfinement devra rester prudent"
    return f"{said} qu'{told}" if told.startswith(_VOWELS) else f"{said} que {told}"


def _who_said(verb: Token, speaker: Token, skip: Collection[int]) -> str:
    """The speaker and the verb group of saying, in that order: "il a jugé", "Matignon a indiqué"."""
    group = [
        c
        for c in verb.children
        if (c.dep_.startswith("aux") or c.dep_ in _REFLEXIVE_DEPS or _is_negation(c) or c.dep_ == "iobj")
        and c.i not in skip
        and c.pos_ in {"AUX", "VERB", "ADV", "PRON"}
        and not (c.pos_ == "PRON" and c.i > verb.i)  # "a-t-il": the inverted "-t" and "-il"
        and not c.text.startswith("-")
        and c.i != speaker.i
    ]
    who = _speaker_words(speaker, skip)
    said = join_tokens([*group, verb])
    return f"{who}{said}" if who.endswith(("'", "’")) else f"{who} {said}"


def _tells_something(told: str, reported: Token, skip: Collection[int]) -> bool:
    """Whether a reported clause's summary can follow "que" or a colon: it has a verb, and its subject where
    the verb is conjugated ("a été levée" has none: no "que a été levée")."""
    said = set(_WORD_BREAKS.split(told))
    if not any(t.pos_ in {"VERB", "AUX"} and t.text.strip("'’") in said for t in reported.subtree):
        return False
    if not is_finite(reported):
        return True
    subject = _subject(reported, skip) or next((c for c in reported.children if c.dep_ == "expl:subj"), None)
    return subject is not None and any(
        t.text.strip("-'’\"«") in said for t in [subject, *noun_phrase_tokens(subject)]
    )


def _lowered(told: str, reported: Token) -> str:
    """A reported clause after "que" loses the capital of its first word, unless a name or an acronym."""
    first = told.split(maxsplit=1)[0]
    named = any(t.pos_ == "PROPN" for t in reported.subtree if t.text == first)
    if not first[:1].isupper() or named or (first.isupper() and len(first) > 1):
        return told
    return told[:1].lower() + told[1:]
