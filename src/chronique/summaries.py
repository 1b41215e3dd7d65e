"""Clause summaries: what a timeline row says happened, as French a reader accepts — subject + verb group +
object, infinitives with their "à"/"de" and reflexive pronoun, participles with their auxiliary, the head noun
with its determiner, no dangling word (``summary_of``, ``noun_summary``); a saying with what it reports
(``chronique.sayings``); the clause's own words where it gives no subject."""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence

from spacy.tokens import Token

from chronique.clauses import (
    GENITIVE,
    REFLEXIVE_DEPS,
    SummaryWords,
    agrees,
    antecedent_ids,
    completes_time,
    demonstrative_complement,
    inverted_subject,
    is_adverbial_infinitive,
    is_negation,
    is_relative_pronoun,
    locution_noun,
    named_for,
    phrase_ids,
    set_apart_subject,
    subject_before,
    subject_ids,
    subject_in,
    unrestricted_ids,
    verb_group,
)
from chronique.nlp import not_a_name, present_participle
from chronique.phrases import (
    PLACE_CASES,
    SUBJECT_DEPS,
    is_bare_participle,
    is_finite,
    join_tokens,
    noun_phrase_tokens,
    without_fragments,
)
from chronique.sayings import (
    MAX_REPORT_DEPTH,
    governing,
    is_incise,
    reported_clause,
    saying_summary,
    speaker_of,
)

_MAX_SUMMARY_TOKENS = 30
# Without the vocabulary's words (a test of one stage): no verb of saying, no adverb of quantity.
_NO_WORDS = SummaryWords()


# "de"/"à" fused with the article: the article a noun phrase keeps once the preposition is left out.
_CONTRACTED_ARTICLES = {"du": "le", "des": "les", "au": "le", "aux": "les"}

# Feminine endings of a past participle ("proclamée", "prise", "faite"); the model's gender is unreliable.
_FEMININE_ENDINGS = ("ée", "ées", "ie", "ies", "ue", "ues", "se", "ses", "te", "tes")
# Its number: plural endings, and singular ones ("pris", "mis" end in -is whatever their number).
_PLURAL_ENDINGS = ("és", "ées", "ies", "ues", "ses", "tes", "ts", "us")
_SINGULAR_ENDINGS = ("é", "ée", "ie", "ue", "se", "te", "t")


def event_noun_phrase(head: Token, skip: Collection[int] = (), complements: Collection[str] = ()) -> str:
    """An event noun's phrase with its determiner: "lors des manifestations du 1er mai à Paris" gives "les
    manifestations du 1er mai à Paris", not the bare noun (the fused "des" is "de" + "les"). The date that
    completes the noun stays (it names the event), a date elsewhere in the clause does not; a place named
    after à, en or dans stays too; so does a complement opened by one of ``complements`` ("une collision avec
    une camionnette": ``data/summaries.tsv`` event_complement)."""
    ids = _event_noun_ids(head, skip) | _event_complements(head, skip, complements)
    tokens = without_fragments([head.doc[i] for i in sorted(ids)])
    while (
        tokens
        and tokens[0].pos_ in {"ADV", "CCONJ"}
        and tokens[0].i < head.i
        and not (len(tokens) > 1 and tokens[1].lower_ in GENITIVE)  # "près de 500 cas" keeps its "près"
    ):
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


def _event_complements(head: Token, skip: Collection[int], complements: Collection[str]) -> set[int]:
    """The complements after an event noun that say what it is, with whom or against what ("une collision la
    veille avec une camionnette", "sa publication par l'Imperial College"), not the date."""
    ids: set[int] = set()
    for child in head.children:
        cases = {c.lower_ for c in child.children if c.dep_ == "case"}
        if (
            child.dep_ == "nmod"
            and child.i > head.i
            and cases
            and cases <= set(complements)
            and child.i not in skip
        ):
            ids |= phrase_ids(child, skip)
    return ids


def _event_noun_ids(head: Token, skip: Collection[int]) -> set[int]:
    """The words of an event noun's phrase (``event_noun_phrase``): its noun phrase and place, with the date
    that completes it, without a date elsewhere."""
    own = {t.i for t in noun_phrase_tokens(head)}
    ids = own | _place_ids(head, skip)
    if _completes(head, skip, own):
        return ids
    if (
        skip
        and _dates_noun(head, head.doc[min(skip)])
        and _completes(head, skip, {t.i for t in head.subtree})
    ):
        return ids | set(skip)  # "les violences du samedi 1er décembre": the whole date, however deep
    return ids - set(skip)


def _dates_noun(head: Token, first: Token) -> bool:
    """Whether a date's first word completes the noun through "de": "les violences du samedi 1er décembre"."""
    return (
        first.head.i == head.i
        and first.dep_ == "nmod"
        and any(c.dep_ == "case" and c.lower_ in GENITIVE for c in first.children)
    )


def _completes(head: Token, timex: Collection[int], phrase: Collection[int]) -> bool:
    """Whether a time expression is a complement of the noun, whole and after "de": "la manifestation du 1er
    mai", "les attentats de 2015" (not "l'attaque de Strasbourg mardi", not "la séance, mardi 24 juillet")."""
    doc = head.doc
    if not timex or not set(timex) <= set(phrase):
        return False
    before = min(timex) - 1
    first = doc[min(timex)]
    return first.lower_ in GENITIVE or (before > head.i and doc[before].lower_ in GENITIVE)


# Where an event noun is what its verb is about: its subject, object or argument ("prévoyait un
# rassemblement", "fera une déclaration", "ont été soumises à un vote"); the clause then tells the event.
_CORE_DEPS = frozenset({"nsubj", "nsubj:pass", "obj", "obl:arg", "iobj"})


def noun_summary(noun: Token, skip: set[int], words: SummaryWords = _NO_WORDS) -> str:
    """A timeline row's summary for an event noun: its phrase, with its date and place where they complete
    it (``event_noun_phrase``); a phrase that is only the noun and its determiner ("un rassemblement") is
    told with the clause it is the subject or object of ("… prévoyait un rassemblement")."""
    attribute = any(c.dep_ == "cop" for c in noun.children) and not any(
        c.dep_ == "det" for c in noun.children
    )
    if attribute or any(c.dep_.startswith("aux") for c in noun.children):
        # "qu'elle a bien défilé", "11 malades sont morts": a verb or an attribute the model took for a noun
        return summary_of(noun, noun, skip, words)
    phrase = balanced_quotes(event_noun_phrase(noun, skip))
    if (told := _told_around(noun, phrase, skip, words)) is not None:
        return told
    # told alone, the noun keeps what says what it is ("une collision avec une camionnette")
    whole = balanced_quotes(event_noun_phrase(noun, skip, words.event_complement))
    if len(phrase.split()) > 2:
        return whole
    head = noun
    while _completes_bare(head):
        head = head.head  # "le nombre de décès", "130 cas de contamination": the noun it completes
    if head.i != noun.i:
        phrase = whole = max(phrase, event_noun_phrase(head, skip), key=lambda p: len(p.split()))
    verb = head.head
    if (head.dep_ not in _CORE_DEPS and not locution_noun(head)) or verb.pos_ not in {"VERB", "AUX"}:
        return whole
    told = summary_of(verb, governing(verb), skip, words)  # "devrait faire d'importantes annonces"
    return told if noun.text in told.split() and len(told.split()) > len(phrase.split()) else whole


# The nouns of an event noun's phrase climbed to find the complement its clause holds ("à la fin de la
# manifestation parisienne": the end).
_MAX_CLIMB = 3
# Where an event noun is a complement of its clause's verb.
_OBLIQUE_DEPS = frozenset({"obl", "obl:mod", "obl:arg"})


def _told_around(noun: Token, phrase: str, skip: set[int], words: SummaryWords) -> str | None:
    """An event noun set in its clause by a preposition of the same time ("Lors de sa garde à vue, l'ancien
    chargé de mission a fait part aux enquêteurs de ses interrogations", "Elle a dû s'équiper pour la
    manifestation de samedi", "les images prises lors des cérémonies du 14 juillet"): the clause, with the
    complement as written where it stands (``data/summaries.tsv`` same_time); none after another
    preposition or a noun of another time ("après les manifestations de samedi", "au lendemain des violences":
    another_time), where the clause's verb is no verb, or where the clause says nothing of its own."""
    top = noun
    for _ in range(_MAX_CLIMB):
        # only through "de": "à la fin de la manifestation" (not "une vérification après leur interpellation":
        # "après" sets it at another time)
        through_de = any(c.dep_ == "case" and c.lower_ in GENITIVE for c in top.children)
        if top.dep_ != "nmod" or top.head.pos_ != "NOUN" or not through_de:
            break
        top = top.head
    verb = top.head
    opening = [c for c in top.children if c.dep_ == "case" and c.i < top.i]
    hung = top.dep_ in _OBLIQUE_DEPS
    if verb.pos_ == "ADV" and top.dep_ == "obl:arg":  # "lors des manifestations": the model's adverb
        opening, top, verb = [verb, *opening], verb, verb.head
        hung = True
        if verb.pos_ == "NOUN" and verb.dep_ in {"obj", *_OBLIQUE_DEPS} and verb.i < top.i:
            verb = verb.head  # "a frappé des manifestants lors des manifestations": hung on the object
    opened = {t.lower_ for t in opening} | {
        f.lower_ for t in opening for f in t.children if f.dep_ == "fixed"
    }
    # a conjugated verb or a participle describing a noun ("les images prises lors des cérémonies"), not a
    # gerund or a noun the tagger read as a verb
    conjugated = is_finite(governing(verb)) or is_bare_participle(verb)
    if not hung or verb.pos_ not in {"VERB", "AUX"} or not opening or not conjugated:
        return None
    if not opened <= words.same_time or {noun.lemma_.lower(), top.lemma_.lower()} & words.another_time:
        return None  # "grâce au grand débat", "après les manifestations", "au lendemain des violences"
    if any(t.i in skip for t in opening):
        return None
    # the date that names the event is told with it ("pour la manifestation de samedi")
    clause_skip = skip - _event_noun_ids(noun, skip)
    if top.dep_ != "obl:arg":
        # a complement the verb does not take as its argument is told after the clause as written ("les
        # violences commises en marge du défilé"), not by the clause's own complement (``clauses.verb_group``)
        clause_skip |= {t.i for t in top.subtree}
    told = summary_of(verb, governing(verb), clause_skip, words)
    if noun.text in told.split():  # the clause tells it already: with all its words
        whole = all(w in told.split() for w in phrase.split()[1:])
        return told if whole and len(told.split()) > len(phrase.split()) else None
    dangling = told.split()[-1] == verb.text and verb.lemma_.lower() in words.modal  # "Macron devrait"
    if verb.text not in told.split() or len(told.split()) < 3 or dangling:
        return None
    ids = phrase_ids(top, skip) - {t.i for t in noun.subtree} - {t.i for t in opening}
    ids |= _event_noun_ids(noun, skip)
    opening_ids = {t.i for t in opening} | {f.i for t in opening for f in t.children if f.dep_ == "fixed"}
    written = without_fragments([noun.doc[i] for i in sorted(ids - opening_ids)])
    if not written:
        return None
    # the preposition as written ("Pendant", "lors de", "durant"), then its phrase
    complement = balanced_quotes(
        join_tokens([*(noun.doc[i] for i in sorted(opening_ids) if i < written[0].i), *written])
    )
    if len(told.split()) + len(complement.split()) > _MAX_SUMMARY_TOKENS or noun.text not in complement:
        return None
    if top.i > verb.i:
        return f"{told} {complement}"
    first = told.split(maxsplit=1)[0]
    named = any(t.text == first and t.pos_ == "PROPN" for t in noun.sent)
    told = told if named or (first.isupper() and len(first) > 1) else told[:1].lower() + told[1:]
    return f"{complement[:1].upper()}{complement[1:]}, {told}"


def _completes_bare(noun: Token) -> bool:
    """A noun with no article of its own completing another through a bare "de": "le nombre de décès"."""
    return (
        noun.dep_ == "nmod"
        and noun.head.pos_ == "NOUN"
        and noun.head.i < noun.i
        and not any(c.dep_ == "det" for c in noun.children)
        and any(c.dep_ == "case" and c.lower_ in {"de", "d'", "d’"} for c in noun.children)
    )


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
    return phrase_ids(place, skip) if place is not None else set()


def _participle_number(participle: Token) -> str | None:
    """A past participle's number read off its ending ("prévues", "déplacée"); None where it does not say
    ("pris", "mis" are both)."""
    word = participle.lower_
    if word.endswith(_PLURAL_ENDINGS):
        return "Plur"
    return "Sing" if word.endswith(_SINGULAR_ENDINGS) else None


def _agreeing_noun(participle: Token) -> Token:
    """The noun a participle describes: it agrees with it in gender and number ("l'indépendance de ce pays
    proclamée" describes the independence, not the country; "la baisse des taxes prévue" the fall)."""
    noun = participle.head
    feminine = participle.lower_.endswith(_FEMININE_ENDINGS)
    number = _participle_number(participle)
    past = "Past" in participle.morph.get("Tense", [])  # a present participle agrees with nothing

    def agrees(candidate: Token) -> bool:
        numbers = candidate.morph.get("Number", [])
        genders = candidate.morph.get("Gender", [])
        if not past:
            return number is None or not numbers or number in numbers
        # a masculine form describes no feminine noun: "la fin du confinement, mis en place" is the lockdown
        gender = (
            "Fem" in genders if feminine else "Masc" in genders or (not genders and noun.i == candidate.i)
        )
        return gender and (number is None or not numbers or number in numbers)

    if past and (written := _noun_before(participle)) is not None and written.i != noun.i and agrees(written):
        # right after a noun it agrees with, it describes that noun, wherever the model hangs it ("Benalla
        # voyage avec un passeport diplomatique renouvelé le 24 mai": the passport)
        return written
    if agrees(noun):
        return noun
    current = noun
    for _ in range(3):
        above = current.head
        if (
            current.dep_ in {"obj", "obl:arg"}
            and is_bare_participle(above)
            and above.head.pos_ in {"NOUN", "PROPN"}
        ):
            above = above.head  # "le premier cas avéré de transmission …, annoncé le 30 janvier": the case
        elif current.dep_ != "nmod" or above.i == current.i or above.pos_ not in {"NOUN", "PROPN"}:
            break
        current = above
        if agrees(current):
            return current
    # or a noun complement of the head, just before the participle: "un moratoire sur la hausse prévue"
    for child in sorted(noun.children, key=lambda t: -t.i):
        if child.dep_ == "nmod" and child.i < participle.i and agrees(child):
            return child
    # or, where the model hangs it on a noun it cannot describe, the nearest noun before it that it agrees
    # with, in its clause ("La maire a annoncé la fin du couvre-feu, instauré le 3 mai": the curfew)
    for before in reversed(participle.doc[participle.sent.start : participle.i]):
        if before.pos_ in {"VERB", "AUX"}:
            break
        if before.pos_ == "NOUN" and past and agrees(before):
            return before
    return noun


def _noun_before(participle: Token) -> Token | None:
    """The common noun written right before a participle, adjectives between ("un passeport diplomatique
    renouvelé"); none where a comma or another word stands between."""
    i = participle.i - 1
    while i >= participle.sent.start and participle.doc[i].pos_ == "ADJ":
        i -= 1
    before = participle.doc[i] if i >= participle.sent.start else None
    return before if before is not None and before.pos_ == "NOUN" else None


def opening_participle_subject(verb: Token, skip: Collection[int]) -> list[Token]:
    """The subject a past participle opening its sentence describes, set apart by a comma ("Convoqué
    mercredi devant les sénateurs, l'ex-collaborateur d'Emmanuel Macron a expliqué …": the former aide): the
    noun phrase written right after the comma, before the main verb, agreeing with the participle in number
    and gender; none for a participle with an auxiliary or a subject of its own."""
    main = verb.head
    if (
        verb.dep_ not in {"advcl", "obl:mod"}  # "Réunis samedi à Paris, les manifestants …": obl:mod
        or "Part" not in verb.morph.get("VerbForm", [])
        or "Past" not in verb.morph.get("Tense", [])
        or any(c.dep_.startswith("aux") or c.dep_ in {"nsubj", "nsubj:pass", "cop"} for c in verb.children)
        or verb.left_edge.i != verb.sent.start
        or main.i < verb.i
        or main.pos_ not in {"VERB", "AUX"}
    ):
        return []
    doc = verb.doc
    comma = next((t for t in doc[verb.i : main.i] if t.text == "," and t.i > verb.right_edge.i - 1), None)
    # the verb group opens at its auxiliary, its reflexive pronoun or its negation ("le chef d'entreprise
    # s'est montré": "s'" is no part of the subject)
    group = [
        c for c in main.children if c.dep_.startswith("aux") or c.dep_ in REFLEXIVE_DEPS or is_negation(c)
    ]
    first = min([main, *(c for c in group if c.i < main.i)], key=lambda t: t.i)
    if comma is None:
        return []
    phrase = subject_before(first, main, skip)
    if not phrase or phrase[0].i != comma.i + 1:
        return []
    ids = {t.i for t in phrase}
    head = next((t for t in phrase if t.head.i not in ids and t.pos_ in {"NOUN", "PROPN"}), None)
    if head is None:
        return []
    number = _participle_number(verb)
    numbers = head.morph.get("Number", [])
    # the article says the gender of an epicene noun ("la ministre"), which the model's tag does not
    articles = [g for c in head.children if c.dep_ == "det" for g in c.morph.get("Gender", [])]
    genders = [] if head.pos_ == "PROPN" else articles or head.morph.get("Gender", [])
    feminine = verb.lower_.endswith(_FEMININE_ENDINGS)
    if (number is not None and numbers and number not in numbers) or (
        genders and ("Fem" in genders) != feminine
    ):
        return []
    return phrase


def _complement_ids(verb: Token, skip: Collection[int]) -> set[int]:
    """A verb's complements after it opened by a preposition, no time ("convoqué devant les sénateurs",
    "interrogée sur RTL")."""
    ids: set[int] = set()
    # also those the model hangs on the date: "convoqué mercredi devant les sénateurs"
    dated = [c for t in verb.children if t.i in skip for c in t.children if c.dep_ == "nmod"]
    for child in [*verb.children, *dated]:
        cases = [c.lower_ for c in child.children if c.dep_ == "case"]
        complement = child.dep_ in {"obl", "obl:mod", "nmod"} and cases and not set(cases) <= GENITIVE
        after = child.i > verb.i and child.i not in skip
        if complement and after and child.pos_ in {"NOUN", "PROPN"} and not not_a_name(child):
            ids |= phrase_ids(child, skip)
    return ids


def describes_noun_before(verb: Token) -> bool:
    """A past participle with no auxiliary and no subject of its own, right after a noun it agrees with: it
    describes that noun even where the model reads it as a clause of the verb before ("voyage avec un
    passeport diplomatique renouvelé le 24 mai")."""
    if verb.dep_ not in {"advcl", "conj"} or "Part" not in verb.morph.get("VerbForm", []):
        return False
    if "Past" not in verb.morph.get("Tense", []) or any(
        c.dep_.startswith("aux") or c.dep_ in {"nsubj", "nsubj:pass", "cop"} for c in verb.children
    ):
        return False
    noun = _noun_before(verb)
    return noun is not None and _agreeing_noun(verb).i == noun.i


def _adjective_participle(verb: Token) -> bool:
    """A past participle the model hangs on the noun before it as an adjective ("la fille du couple détecté
    mardi"): it describes that noun, told with it ("le couple détecté", not "détecté mardi")."""
    return (
        verb.dep_ == "amod"
        and verb.pos_ == "VERB"
        and "Part" in verb.morph.get("VerbForm", [])
        and verb.head.pos_ == "NOUN"
        and verb.head.i < verb.i
        and not any(c.dep_.startswith("aux") for c in verb.children)
    )


def _participle_summary(trigger: Token, skip: Collection[int], words: SummaryWords) -> str:
    """A participle describing a noun: the noun and the participle, with its agent or object and where
    ("le confinement imposé par …", "Hafez al-Assad né à Qardaha")."""
    noun = _agreeing_noun(trigger)
    complement = demonstrative_complement(noun)
    phrase = {t.i for t in noun_phrase_tokens(noun)} | complement
    chosen = phrase | verb_group(trigger, skip, words) | _place_ids(trigger, skip)
    # "après le confinement imposé" reads as "le confinement imposé"
    tokens = without_fragments([trigger.doc[i] for i in sorted(chosen - set(skip))])
    # "premier cas annoncé" opens with its noun's phrase: "le premier cas annoncé"
    opens = bool(tokens) and tokens[0].i <= noun.i and tokens[0].i in phrase and tokens[0].dep_ != "case"
    if opens and (article := _article(noun, tokens[0])):
        return article + join_tokens(tokens)  # "des taxes prévues" (of "la baisse de taxes prévues")
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
    if tokens and present_participle(tokens[0]):
        span = _run_around(trigger, tokens[0].i, tokens[-1].i, outside)
        if len(span) <= _MAX_SUMMARY_TOKENS:
            return join_tokens(without_fragments(span))
    return None


def summary_of(
    trigger: Token,
    clause_head: Token,
    skip: set[int],
    words: SummaryWords = _NO_WORDS,
    *,
    outside: Collection[int] = (),
    depth: int = 0,
) -> str:
    """A short French summary built from the clause itself: subject + verb group + object; a participle
    with the noun it describes; a verb of saying that tells only what it reports, with what it reports
    (``saying_summary``). ``skip``: the words of the time expression that dates the row, not said again;
    ``outside``: words that are not the clause's (the incise of a saying that reports it)."""
    attribute = trigger.head if trigger.dep_ == "cop" and trigger.head.i > trigger.i else None
    if attribute is not None and not any(c.dep_ in SUBJECT_DEPS for c in trigger.children):
        # "la situation est sous contrôle": the copula tells its attribute, which heads the clause (its
        # subject hung on the copula, ``clauses.verb_group`` tells the attribute)
        head = attribute
        return summary_of(
            head, head if clause_head.i == trigger.i else clause_head, skip, words, outside=outside
        )
    if is_bare_participle(trigger) or describes_noun_before(trigger) or _adjective_participle(trigger):
        return balanced_quotes(_participle_summary(trigger, skip, words))
    if (
        trigger.dep_ == "xcomp"
        and "Inf" in trigger.morph.get("VerbForm", [])
        and is_bare_participle(trigger.head)
    ):
        # "le policier, filmé en train de frapper des manifestants": the infinitive is told with the
        # participle it completes and the noun that describes (was "filmé en train de frapper …")
        return balanced_quotes(_participle_summary(trigger.head, skip, words))
    if described := opening_participle_subject(trigger, skip):
        # "Convoqué mercredi devant les sénateurs, l'ex-collaborateur … a expliqué": the one convoked
        group = verb_group(trigger, skip, words) | _complement_ids(trigger, skip)
        words_told = join_tokens(without_fragments([trigger.doc[i] for i in sorted(group - skip)]))
        return balanced_quotes(f"{join_tokens(described)} {words_told[:1].lower()}{words_told[1:]}")
    if (
        trigger.lemma_.lower() in words.saying
        and depth < MAX_REPORT_DEPTH
        and (is_finite(trigger) or present_participle(trigger))
    ):
        told = saying_summary(trigger, skip | set(outside), words, depth, summary_of)
        if told is not None:
            return balanced_quotes(told)
    return balanced_quotes(_done_before(trigger, _clause_summary(trigger, clause_head, skip, words, outside)))


# The passé composé of the past infinitive's auxiliary, singular and plural: "avoir annoncé" → "a annoncé".
_CONJUGATED_AUXILIARIES = {"avoir": ("a", "ont"), "être": ("est", "sont")}


def _done_before(trigger: Token, told: str) -> str:
    """A past infinitive after "après" tells what the subject of the verb it completes did before: its passé
    composé ("Après avoir annoncé des mesures, Emmanuel Macron a adopté un ton offensif" → "Emmanuel Macron a
    annoncé des mesures", "après s'être présenté" → "s'est présenté"; was "Emmanuel Macron avoir annoncé")."""
    aux = next(
        (
            c
            for c in trigger.children
            if c.dep_.startswith("aux")
            and "Inf" in c.morph.get("VerbForm", [])
            and c.lemma_ in {"avoir", "être"}
        ),
        None,
    )
    after = any(c.dep_ == "mark" and c.lower_ == "après" for c in trigger.children)
    subject = subject_in(trigger.head, ()) if trigger.dep_ == "advcl" else None
    if aux is None or not after or subject is None or subject.pos_ not in {"NOUN", "PROPN", "PRON"}:
        return told
    words = told.split(" ")
    at = next(
        (i for i, w in enumerate(words) if w == aux.text or w.endswith(("'" + aux.text, "’" + aux.text))),
        None,
    )
    if at is not None and at > 1 and words[at - 1].lower() == "après":
        # "Il est hospitalisé après s'être présenté": the subject told before "après", which goes
        del words[at - 1]
        at -= 1
    if at is None or at == 0 or words[at - 1].lower() == "après":
        return told  # no subject before it: the clause's own words, left as they are
    plural = "Plur" in subject.morph.get("Number", []) or any(
        c.dep_ == "cc" for k in subject.children for c in k.children if k.dep_ == "conj"
    )
    form = _CONJUGATED_AUXILIARIES[aux.lemma_][plural]
    words[at] = words[at][: len(words[at]) - len(aux.text)] + form
    if form == "sont" and words[at].startswith(("s'", "s’")):
        words[at : at + 1] = ["se", "sont"]  # "se sont présentés"
    return " ".join(words)


# Quotation marks that open and close one another (typography); a straight quote does both.
_QUOTE_PAIRS = (("«", "»"), ("“", "”"))
_GLUED_STRAIGHT_QUOTE = re.compile(r'(?<=\w)"(?=\w)')


def balanced_quotes(summary: str) -> str:
    """A summary without the half of a quotation whose other mark is not in it: the sentence quoted more than
    the summary keeps ('les choses vont rester stables" qui a progressé', 'qui "ont perdu … 70%'), or a
    quotation opened in a sentence left unparsed (``chronique.scope``). Whole quotations stay."""
    words = summary.split(" ")
    for opening, closing in _QUOTE_PAIRS:
        depth = 0
        kept: list[str] = []
        for word in words:
            if word == opening:
                depth += 1
            elif word == closing:
                if depth == 0:
                    continue  # a closing mark with no opening one
                depth -= 1
            kept.append(word)
        while depth:  # an opening mark with no closing one: the last such
            last = max(i for i, w in enumerate(kept) if w == opening)
            kept.pop(last)
            depth -= 1
        words = kept
    text = " ".join(words)
    if text.count('"') % 2:  # a straight quote between two words parts them; elsewhere it goes
        text = " ".join(_GLUED_STRAIGHT_QUOTE.sub(" ", text).replace('"', "").split())
    return text


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
    if any(n.pos_ in {"NOUN", "PROPN"} and n.dep_ not in {"obj", "obl:arg", "iobj"} for n in path[1:-1]):
        # deep in a noun's complement ("après la publication d'une vidéo montrant X en train de frapper"):
        # the clause above tells another event; the trigger's own verb group is the summary
        clause_head, path = trigger, [trigger]
    if is_adverbial_infinitive(trigger) and clause_head.i == trigger.i:
        # "il a participé au contre-sommet, avant de revenir …": the infinitive has its subject and tense
        # from the verb it depends on, which is told with it ("il a participé …, avant de revenir …")
        clause_head = trigger.head
        path.append(clause_head)
        chosen |= verb_group(clause_head, skip, words)
    subject = subject_in(clause_head, skip) or subject_in(trigger, skip)
    if subject is not None and not agrees(subject, clause_head):
        # "Un cinquième homme … ont été communiquées": not its subject; "Ces deux élus, accompagnés d'Éric
        # Woerth, président de la commission, ont envoyé": the apposition read as the subject, whose noun
        # before its comma agrees
        subject = set_apart_subject(subject, clause_head)
    if subject is None:
        subject = inverted_subject(clause_head, skip)  # "Samedi 8 juin, s'est tenu l'acte 30 du mouvement"
    named = _named_subject(subject, clause_head, skip)
    subject = named or subject
    subject_words = subject_ids(subject) if subject is not None else set()
    chosen.update(subject_words)
    antecedent = antecedent_ids(clause_head, skip)  # "le cap que nous avons fixé"
    chosen |= antecedent
    for node in path:
        chosen.add(node.i)
        for child in node.children:
            if (
                child.dep_.startswith("aux")
                or child.dep_ in {"mark", "det"}
                or (child.dep_ == "case" and any(k.dep_ == "cop" for k in node.children))
                # "Les maires sont en mesure de rouvrir": the copula of the attribute the infinitive completes
                or (child.dep_ == "cop" and node.i != trigger.i and node.pos_ == "NOUN")
                # "ont demandé aux autorités d'interdire …": the noun the infinitive completes, with its "aux"
                or (child.dep_ == "case" and node.pos_ in {"NOUN", "PROPN"} and node.i != trigger.i)
                or child.dep_ in REFLEXIVE_DEPS
                or is_negation(child)
            ):
                chosen.add(child.i)
    chosen |= verb_group(trigger, skip, words) | _object_on_time(trigger, skip)
    doc = trigger.doc
    # "n'en aurait pris connaissance que [le 24 décembre]": neither "ne" nor "que"
    unrestricted = unrestricted_ids(trigger, skip) | unrestricted_ids(clause_head, skip)
    # the name told first, the conjunction that opened the clause opens nothing ("Marie Durand ne participera
    # plus", not "Marie Durand qu' ne participera plus")
    opening = {c.i for c in clause_head.children if c.dep_ == "mark" and c.i < clause_head.i and named}
    tokens = [doc[i] for i in sorted(chosen - set(skip) - unrestricted - opening) if not doc[i].is_space]
    while tokens and (tokens[0].dep_ in {"mark", "cc"} or tokens[0].is_punct):
        tokens = tokens[1:]  # "que les troupes ont subi …" reads as "les troupes ont subi …"
    # "lancer d'ici [la fin du mois] la concertation": a word that only opens the time expression goes with it
    tokens = [t for t in tokens if not _opens_time(t, skip)]
    tokens = without_fragments(tokens[:_MAX_SUMMARY_TOKENS])
    speaker = speaker_of(clause_head, skip) if clause_head.lemma_.lower() in words.saying else None
    told_after = (
        speaker is not None
        and speaker.i > clause_head.i
        and is_incise(clause_head)
        and reported_clause(clause_head, words.saying) is not None
    )
    group = [t for t in tokens if t.pos_ in {"AUX", "VERB"} or is_negation(t) or t.dep_ in REFLEXIVE_DEPS]
    conjugated = any("Fin" in t.morph.get("VerbForm", []) for t in group)
    if subject is None and group and conjugated and is_finite(clause_head) and not told_after:
        # the parse gives the verb no subject, the text does: the noun phrase right before the verb group
        # ("…, Jean-Luc Mélenchon a tancé"; not after "…, a estimé le député", whose subject follows)
        before = [t for t in subject_before(group[0], clause_head, skip) if t not in tokens]
        tokens = sorted([*before, *tokens], key=lambda t: t.i)
        subject = before[0] if before else None
    if subject is None and (span := _clean_span(trigger, tokens, outside)) is not None:
        return span
    if (
        subject is not None and subject.i > trigger.i and not antecedent
    ):  # "…, a averti jeudi Emmanuel Macron"
        return _subject_first(tokens, subject_words)
    if subject is not None and (whose := _whose(subject, tokens, subject_words)) is not None:
        return whose
    article = _article(subject) if subject is not None and tokens and tokens[0].i == subject.i else ""
    return article + join_tokens(tokens)


# "de" with the article it fuses with, before a noun phrase told as whose ("la maison du maire").
_FUSED_DE = {"le": "du", "les": "des"}


def _whose(subject: Token, tokens: Sequence[Token], subject_words: Collection[int]) -> str | None:
    """A relative clause opened by "dont" that completes its subject tells whose it is: "un enseignant dont
    le décès a été annoncé" → "le décès d'un enseignant a été annoncé" (was "dont le décès a été annoncé"),
    the antecedent the noun phrase written right before "dont", however the model hangs the clause."""
    whose = next((c for c in subject.children if c.lower_ == "dont" and is_relative_pronoun(c)), None)
    said = [t for t in tokens if t.i != whose.i] if whose is not None else []
    if whose is None or whose.i == 0 or not said or said[0].i != whose.i + 1:
        return None  # "dont" opens what is told (not "le trentenaire dont l'état …", told whose already)
    antecedent = subject.doc[whose.i - 1]
    if antecedent.text == "," and whose.i > 1:
        antecedent = subject.doc[whose.i - 2]  # "le maire, dont le fils …"
    while (
        antecedent.head.i < whose.i
        and antecedent.head.pos_ in {"NOUN", "PROPN"}
        and antecedent.dep_ == "nmod"
        and any(c.dep_ == "case" and c.lower_ in {"de", "d'", "d’"} for c in antecedent.children)
    ):
        antecedent = antecedent.head  # "un enseignant de 60 ans dont …": the teacher
    if antecedent.pos_ not in {"NOUN", "PROPN"}:
        return None
    own = [t for t in noun_phrase_tokens(antecedent) if t.i < whose.i and not is_relative_pronoun(t)]
    phrase = without_fragments(sorted(own, key=lambda t: t.i))
    if not phrase or not_a_name(antecedent):
        return None
    owner = _article(antecedent, phrase[0]) + join_tokens(phrase)  # "aux juges, dont …": "les juges"
    first, _, rest = owner.partition(" ")
    if first.lower() in _FUSED_DE:
        owner = f"{_FUSED_DE[first.lower()]} {rest}"
    elif owner[:1].lower() in "aeiouyéèêh":
        owner = "d'" + owner
    else:
        owner = "de " + owner
    subject_told = join_tokens(t for t in said if t.i in subject_words)
    told = join_tokens(t for t in said if t.i not in subject_words)
    return " ".join(p for p in (subject_told, owner, told) if p)


def _named_subject(subject: Token | None, verb: Token, skip: Collection[int]) -> Token | None:
    """The name a subject pronoun stands for (``named_for``: "Lorsqu'il avait été auditionné …, Lionel
    Lavergne avait indiqué"), unless it is left out (the speaker of the saying that reports the clause)."""
    named = named_for(subject, verb) if subject is not None else None
    return named if named is not None and named.i not in skip else None


def _object_on_time(verb: Token, skip: Collection[int]) -> set[int]:
    """The object the model hangs on the time expression, the verb having none: "a utilisé jeudi des
    armes"."""
    if any(c.dep_ == "obj" and c.i not in skip for c in verb.children):
        return set()
    ids: set[int] = set()
    for token in (verb.doc[i] for i in skip):
        for child in token.children:
            if (
                child.i not in skip
                and child.dep_ in {"nmod", "obj"}
                and child.pos_ == "NOUN"
                and child.i > token.i
                and not completes_time(child)
            ):
                ids |= phrase_ids(child, skip)
    return ids


def _article(noun: Token, first: Token | None = None) -> str:
    """The article a noun with none needs to open a summary: the one fused with its "de" or "à" ("la remise
    en état des vélos qui sommeillent" → "les vélos"), "des" for a plural after a bare "de" ("de vélos qui
    sommeillent" → "des vélos", but "de 18 à 38 cas": a number is their determiner); nothing for a name or a
    noun that has its determiner. ``first``: the word the article stands before, if not the noun
    ("l'ancien", "le nouvel avis")."""
    if noun.pos_ != "NOUN" or any(c.dep_ == "det" for c in noun.children):
        return ""
    cases = [c.lower_ for c in noun.children if c.dep_ == "case" and c.i < noun.i]
    if not cases:
        return ""
    if cases[-1] in _CONTRACTED_ARTICLES:
        article = _CONTRACTED_ARTICLES[cases[-1]]
        word = (first or noun).text
        return "l'" if article == "le" and word[:1].lower() in "aeiouéèêh" else article + " "
    plural = "Plur" in noun.morph.get("Number", [])
    counted = any(c.dep_ == "nummod" or c.pos_ == "NUM" for c in noun.children if c.i < noun.i)
    return "des " if plural and not counted and cases[-1] in {"de", "d'", "d’"} else ""


def _opens_time(token: Token, skip: Collection[int]) -> bool:
    """A preposition or prepositional adverb right before the time expression, with nothing of its own after
    it: "d'ici" before "la fin du mois", a "dès" the model hangs on the date."""
    if token.i in skip or token.i + 1 not in skip or is_negation(token):
        return False
    own = [c for c in token.children if c.dep_ not in {"case", "fixed"} and c.i not in skip]
    locution = token.pos_ == "ADV" and any(c.dep_ in {"case", "fixed"} for c in token.children)
    return not own and ((token.pos_ == "ADP" and token.head.i in skip) or locution)


def _subject_first(tokens: Sequence[Token], subject_words: Collection[int]) -> str:
    """An inverted subject put before its verb: "Emmanuel Macron a averti", "la pétition lancée"."""
    said = [t for t in tokens if t.i not in subject_words]
    told = join_tokens(said)
    if said and said[0].is_sent_start and said[0].pos_ != "PROPN":
        told = told[:1].lower() + told[1:]  # moved after the subject, the first word loses its capital
    return " ".join(p for p in (join_tokens(t for t in tokens if t.i in subject_words), told) if p)
