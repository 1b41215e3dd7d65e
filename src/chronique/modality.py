"""Modality: whether an event's clause states it as a fact, and who says so.

Read off the parse of the trigger's clause, in this order (the first that holds decides):
- question: a ``?`` ends the clause (outside a quotation the trigger is not in), or its subject follows the
  verb, hyphenated (``a-t-il utilisé``), when that is no incise after a quote (``», a-t-il indiqué``);
- hypothetical: a condition opens the clause or a clause governing it (``si``, ``au cas où``, ``en cas de``),
  a subjunctive after ``que`` (``qu'elle soit utilisée``), a conditional or future under a ``si`` clause, a
  conditional of possibility (``pourrait``) — but not after ``même si``, ``bien que``, ``après que``; so is a
  wish or an order (an imperative, ``préparons Noël``; a subjunctive heading its sentence, ``Puisse cette
  année …``) and what happens each time (a present after ``quand``, ``lorsque``: ``Quand ce type de propos
  est suivi le lendemain par …``);
- negated: ``ne`` with ``pas``, ``jamais``, ``plus``, ``rien``, ``aucun`` … on the verb group, or a verb of
  denial above it (``dément les avoir confiés``);
- planned: a future, ``va`` / ``doit`` + infinitive, ``prévoit de`` + infinitive, ``prévue lundi``, a passive
  of planning (``est prévu jeudi``, ``était programmée samedi``, ``est attendu lundi``, ``annoncée pour le 1er
  décembre``), a meeting set (``donnent rendez-vous samedi``), a simple conditional under a verb of saying
  (``a annoncé qu'il démissionnerait``, ``que cinq lieux seraient dévoilés samedi``), a wish (``souhaite
  prolonger``), a future copula (``sera en vigueur samedi``); and, decided where the event is built
  (``chronique.events``), the new day of an event moved (``la date a été avancée au 1er janvier``:
  ``moved_to``) and an aim for a day still to come (``afin de permettre … d'interpeller samedi``: ``is_aim``);
- alleged: the journalistic conditional (``aurait opéré``, ``serait mort``, ``mènerait``);
- reported: a verb of saying governs the clause or follows it as an incise, or ``selon X`` / ``d'après X``;
- asserted: anything else.
The speaker (the subject of the verb of saying, or the X of ``selon X``) is kept whatever the modality.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from spacy.tokens import Span, Token

from chronique.model import Modality
from chronique.nlp import verb_group_start, verb_lemma
from chronique.phrases import SUBJECT_DEPS, actors_of, noun_phrase
from chronique.tense import is_reflexive, reads_as_present, sets_appointment
from chronique.vocabulary import Vocabulary, normalise

# Where a verb of saying keeps the clause it reports.
_REPORTED_DEPS = frozenset({"ccomp", "parataxis", "obl:arg", "xcomp", "obj"})
# A verb of saying beside the clause, after it: "…, a indiqué le maire".
_INCISE_DEPS = frozenset({"parataxis", "conj", "advcl"})
# Dependents that are clauses of their own: they do not open the clause of their head.
_CLAUSE_DEPS = frozenset({"advcl", "ccomp", "conj", "parataxis", "acl:relcl", "csubj", "xcomp"})
# Through these a governing clause's question or condition reaches the clause it governs.
_GOVERNED_DEPS = frozenset({"ccomp", "advcl", "xcomp", "csubj", "conj", "acl"})
_CLOSING_QUOTES = frozenset({"»", "”"})
# The "que" that opens a reported clause; and how the noun the parse hangs such a clause on may stand under
# the verb of saying (its object, or a phrase of place or time: "a précisé dans un communiqué que …").
_QUE = frozenset({"que", "qu'", "qu’"})
_NOUN_OF_SAYING_DEPS = frozenset({"obj", "obl", "obl:mod", "obl:arg"})
_OPENING_QUOTES = frozenset({"«", "“"})
_CLAUSE_ENDS = frozenset({".", "!", ";"})
_MAX_DEPTH = 3
_OPENING_TOKENS = 5


def _phrase(form: str) -> str:
    """A French phrase as the parse's tokens read it: "d'après" → "d' après"."""
    return " ".join(normalise(form).replace("'", "' ").split())


@dataclass(frozen=True, slots=True)
class ModalityLexicon:
    """The French words the modality stage reads: ``data/modality.tsv`` and the verbs of saying."""

    negation_particles: frozenset[str]
    negations: frozenset[str]
    negations_alone: frozenset[str]
    inverted_subjects: frozenset[str]
    conditions: frozenset[str]  # phrases, spaced as tokens
    asking_verbs: frozenset[str]  # "a demandé pourquoi …": an indirect question
    interrogatives: frozenset[str]  # phrases, spaced as tokens
    factual_conjunctions: frozenset[str]
    planned_governors: frozenset[str]
    planning_verbs: frozenset[str]  # "prévoyait un rassemblement samedi": the object is a plan
    intention_nouns: frozenset[str]  # "son projet d'augmenter": the infinitive is planned
    purposes: tuple[tuple[str, ...], ...]  # "afin de" as its tokens: ("afin", "de")
    moving_verbs: frozenset[str]
    moved_cases: frozenset[str]  # "reporté en 2021": besides "à", "au" (``target_cues``), the new date
    generic_when: frozenset[str]  # phrases, spaced as tokens
    future_auxiliaries: frozenset[str]
    planned_participles: frozenset[str]
    planned_passives: frozenset[str]
    decision_governors: frozenset[str]
    plan_cases: frozenset[str]
    appointment_nouns: frozenset[str]
    possibility_verbs: frozenset[str]
    counterfactual_verbs: frozenset[str]  # "aurait dû épouser": what should have happened did not
    denial_verbs: frozenset[str]
    denial_forms: frozenset[str]  # "Il dément avoir été …": "dément" read as an adjective
    without: frozenset[str]  # "sans renoncer": the infinitive it opens did not happen
    wish_governors: frozenset[str]  # "il faut que …": what they govern is wished, not told
    obligation_verbs: frozenset[str]  # "il faut changer": the infinitive is what must be done
    overtaking: frozenset[str]  # "annulé", "reporté": a former plan beside them did not go as planned
    according_to: frozenset[str]
    future_endings: tuple[str, ...]  # longest first
    conditional_endings: tuple[str, ...]
    imperative_endings: tuple[str, ...]
    target_cues: frozenset[str]  # "au 1er janvier" after a verb of moving: the new day
    future_stems: frozenset[str]
    reporting_verbs: frozenset[str]

    @classmethod
    def from_vocabulary(cls, vocabulary: Vocabulary) -> ModalityLexicon:
        words = vocabulary["modality"]

        def phrases(key: str) -> frozenset[str]:
            return frozenset(_phrase(form) for form in words.forms_of(key))

        def endings(key: str) -> tuple[str, ...]:
            return tuple(sorted(words.forms_of(key), key=lambda e: (-len(e), e)))

        return cls(
            negation_particles=words.forms_of("negation_particle"),
            negations=words.forms_of("negation"),
            negations_alone=words.forms_of("negation_alone"),
            inverted_subjects=words.forms_of("inverted_subject"),
            conditions=phrases("condition"),
            asking_verbs=words.forms_of("asking_verb"),
            interrogatives=phrases("interrogative"),
            factual_conjunctions=phrases("factual_conjunction"),
            planned_governors=words.forms_of("planned_governor"),
            planning_verbs=words.forms_of("planning_verb"),
            intention_nouns=words.forms_of("intention_noun"),
            purposes=tuple(sorted({tuple(_phrase(f).split()) for f in words.forms_of("purpose")}, key=len)),
            moving_verbs=words.forms_of("moving_verb"),
            moved_cases=words.forms_of("moved_case"),
            generic_when=phrases("generic_when"),
            future_auxiliaries=words.forms_of("future_auxiliary"),
            planned_participles=words.forms_of("planned_participle"),
            planned_passives=words.forms_of("planned_passive"),
            decision_governors=words.forms_of("decision_governor"),
            plan_cases=words.forms_of("plan_case"),
            appointment_nouns=vocabulary["nouns"].forms_of("appointment"),
            possibility_verbs=words.forms_of("possibility_verb"),
            counterfactual_verbs=words.forms_of("counterfactual_verb"),
            denial_verbs=words.forms_of("denial_verb"),
            denial_forms=words.forms_of("denial_form"),
            without=words.forms_of("without"),
            wish_governors=words.forms_of("wish_governor"),
            obligation_verbs=words.forms_of("obligation_verb"),
            overtaking=words.forms_of("overtaking"),
            according_to=phrases("according_to"),
            future_endings=endings("future_endings"),
            conditional_endings=endings("conditional_endings"),
            imperative_endings=endings("imperative_endings"),
            target_cues=vocabulary["cues"].forms_of("target"),
            future_stems=words.forms_of("future_stems"),
            reporting_verbs=vocabulary["verbs"].forms_of("reporting_verbs"),
        )


@dataclass(frozen=True, slots=True)
class Reading:
    """What the clause makes of an event: its modality, and who says so when someone does."""

    modality: Modality
    speaker: str | None = None


def _lemma(token: Token) -> str:
    """The token's lemma, a verb's repaired (``chronique.nlp.verb_lemma``: "compte" for "compter")."""
    return verb_lemma(token)


def _group(verbs: list[Token]) -> list[Token]:
    """Verbs with their auxiliaries and copulas: where tense, mood and negation are written. A participle
    coordinated with another shares its auxiliary ("sera présenté samedi et examiné la semaine prochaine":
    both in the future)."""

    def helpers(verb: Token) -> list[Token]:
        return [c for c in verb.children if c.dep_.startswith("aux") or c.dep_ == "cop"]

    shared = [
        c
        for v in verbs
        if v.dep_ == "conj" and "Part" in v.morph.get("VerbForm", []) and not helpers(v)
        for c in helpers(v.head)
    ]
    return [*verbs, *(c for v in verbs for c in helpers(v)), *shared]


def _chain(trigger: Token, clause_head: Token) -> list[Token]:
    """The trigger and the verbs above it up to its clause's head ("doit se tenir": tenir, doit)."""
    chain = [trigger]
    current = trigger
    while current.i not in {clause_head.i, current.head.i} and len(chain) < 6:
        current = current.head
        chain.append(current)
    return chain if chain[-1].i == clause_head.i else [trigger, clause_head]


def _ends_with(token: Token, endings: tuple[str, ...], lexicon: ModalityLexicon) -> bool:
    """A verb form that is its infinitive (or an irregular stem) plus one of the endings."""
    if token.pos_ not in {"VERB", "AUX"}:
        return False
    word, lemma = token.lower_, _lemma(token)
    stems = {lemma, lemma[:-1] if lemma.endswith("re") else lemma}
    for ending in endings:
        if word.endswith(ending):
            stem = word[: -len(ending)]
            return stem in stems or stem in lexicon.future_stems
    return False


def is_conditional(token: Token, lexicon: ModalityLexicon) -> bool:
    """``aurait``, ``démissionnerait`` (the tagger's mood, or the form)."""
    return "Cnd" in token.morph.get("Mood", []) or _ends_with(token, lexicon.conditional_endings, lexicon)


def is_future(token: Token, lexicon: ModalityLexicon) -> bool:
    """``signera``, ``sera`` (the tagger's tense, or the form), not a conditional."""
    if is_conditional(token, lexicon):
        return False
    return "Fut" in token.morph.get("Tense", []) or _ends_with(token, lexicon.future_endings, lexicon)


def is_simple_present(verb: Token) -> bool:
    """A verb in the present indicative, active or passive, without a tense auxiliary ("commence", "se rend",
    "est fermé"; not "a commencé", "est parti" read as a passé composé by its auxiliary ``aux:tense``)."""
    if verb.pos_ != "VERB":
        return False
    helpers = sorted((c for c in verb.children if c.dep_.startswith("aux")), key=lambda t: t.i)
    if any(h.dep_ == "aux:tense" for h in helpers):
        return False
    finite = helpers[0] if helpers else verb
    morph = finite.morph
    return (
        "Fin" in morph.get("VerbForm", [])
        and morph.get("Mood", []) == ["Ind"]
        and morph.get("Tense", []) == ["Pres"]
    )


def is_negated(verb: Token, lexicon: ModalityLexicon) -> bool:
    """``n'a pas commenté``, ``ne signera jamais``, ``n'a fait aucune victime``; not ``ne … que``."""
    words: list[Token] = []
    for token in _group([verb]):
        for child in token.children:
            words.append(child)
            if (
                child.dep_ not in _CLAUSE_DEPS
            ):  # a clause it governs has its own negation ("a annoncé que … ne
                # subiraient plus", "a décidé de ne plus …"): it does not deny the verb
                words.extend(
                    c for c in child.children if c.dep_ in {"det", "advmod"}
                )  # "pas encore", "aucune"
    lowered = {t.lower_ for t in words}
    if any(t.lower_ in lexicon.negations_alone and t.dep_ == "advmod" for t in words):
        return True
    return bool(lowered & lexicon.negation_particles) and bool(lowered & lexicon.negations)


def _is_incise_verb(verb: Token) -> bool:
    """A verb right after a comma or a closing quote (``», a-t-il indiqué``, ``…, a indiqué le maire``)."""
    first = min(_group([verb]), key=lambda t: t.i)
    return first.i > 0 and (first.nbor(-1).is_punct or first.nbor(-1).text in _CLOSING_QUOTES)


def _is_question(trigger: Token, chain: list[Token], lexicon: ModalityLexicon) -> bool:
    depth = 0
    for token in trigger.doc[trigger.i + 1 : trigger.sent.end]:
        if token.text in _OPENING_QUOTES:
            depth += 1
        elif token.text in _CLOSING_QUOTES:
            depth -= 1
            if depth < 0:
                break  # the quotation the trigger was in has closed
        elif depth == 0 and token.text == "?":
            return True
        elif depth == 0 and token.text in _CLAUSE_ENDS:
            break
    return any(
        any(c.lower_ in lexicon.inverted_subjects for c in verb.children) and not _is_incise_verb(verb)
        for verb in chain
    )


def _is_indirect_question(head: Token, lexicon: ModalityLexicon) -> bool:
    """A clause an interrogative word opens under a verb of asking or knowing: "a demandé pourquoi il avait
    frappé", "se demandent comment il a quitté la ville", "ignore ce que le préfet a décidé" (the parse hangs
    such a clause on "ce", the pronoun the verb governs)."""
    governor = head.head
    if head.dep_ in {"acl:relcl", "acl"} and governor.lower_ == "ce":
        governor = governor.head  # "ce que le préfet a décidé"
        opening = "ce " + _opening(head)
    elif head.dep_ in _GOVERNED_DEPS or head.dep_ == "obj":
        opening = _opening(head)
    else:
        return False
    if governor.i == head.i or _lemma(governor) not in lexicon.asking_verbs:
        return False
    first = min(
        t.i for t in [head, *(t for c in head.children if c.dep_ not in _CLAUSE_DEPS for t in c.subtree)]
    )
    if first > 0 and head.doc[first - 1].is_punct:
        return False  # "…, qui doit avoir lieu samedi": a clause set apart, no question
    words = opening.split()
    return any(" ".join(words[: len(p.split())]) == p for p in lexicon.interrogatives)


def _opening(head: Token) -> str:
    """The first words of a clause, without the clauses it governs: "au cas où la réunion"."""
    own = [head, *(t for c in head.children if c.dep_ not in _CLAUSE_DEPS for t in c.subtree)]
    start = min(t.i for t in own)
    return " ".join(t.lower_ for t in head.doc[start : start + _OPENING_TOKENS] if not t.is_punct)


def _marks(head: Token) -> set[str]:
    """The clause's subordinating words, each with its fixed parts: "si", "même si", "qu'"."""
    found: set[str] = set()
    for child in head.children:
        if child.dep_ == "mark":
            parts = sorted([child, *(c for c in child.children if c.dep_ == "fixed")], key=lambda t: t.i)
            before = child.doc[child.i - 1].lower_ if child.i > 0 else ""
            found.add(" ".join(t.lower_ for t in parts))
            found.add(f"{before} {' '.join(t.lower_ for t in parts)}")
    return found


def _starts(opening: str, phrases: frozenset[str]) -> bool:
    return any(opening == p or opening.startswith(p + " ") for p in phrases if " " in p)


def _is_factual(head: Token, lexicon: ModalityLexicon) -> bool:
    """A clause opened by ``même si``, ``bien que``, ``après que``: a fact, whatever its mood."""
    return bool(_marks(head) & lexicon.factual_conjunctions) or _starts(
        _opening(head), lexicon.factual_conjunctions
    )


@functools.cache
def _one_word(phrases: frozenset[str]) -> frozenset[str]:
    """The phrases of one word ("si", "quand"): the marks a clause's head may hold (computed once a list)."""
    return frozenset(p for p in phrases if " " not in p)


def _is_condition(head: Token, lexicon: ModalityLexicon) -> bool:
    """A clause opened by ``si``, ``au cas où``, ``à condition que`` … and not by ``même si``."""
    if _is_factual(head, lexicon):
        return False
    single = _one_word(lexicon.conditions)
    return bool(_marks(head) & single) or _starts(_opening(head), lexicon.conditions)


def _is_supposed(chain: list[Token], head: Token, lexicon: ModalityLexicon) -> bool:
    """A condition, a subjunctive after "que", a "si" clause's consequence, a conditional "pourrait"."""
    if _is_condition(head, lexicon):
        return True
    group = _group(chain)
    marks = _marks(head)
    subjunctive = any("Sub" in t.morph.get("Mood", []) for t in group)
    after_que = any(m.endswith(("que", "qu'")) for m in marks) and not _is_factual(head, lexicon)
    if after_que and (subjunctive or _is_wished(head, lexicon)):
        return True
    tensed = any(is_conditional(t, lexicon) or is_future(t, lexicon) for t in group)
    if tensed and any(c.dep_ == "advcl" and _is_condition(c, lexicon) for c in head.children):
        return True
    if tensed and _condition_follows(group, lexicon):
        return True  # "dépasseront cette cible le 18 mai si les prévisions sont atteintes, a indiqué …"
    # the possibility itself in the conditional ("pourrait démissionner", "aurait pu"); not a possibility
    # under another verb's conditional ("devraient pouvoir la télécharger dès ce weekend": a forecast, a plan)
    return any(
        _lemma(v) in lexicon.possibility_verbs and any(is_conditional(t, lexicon) for t in _group([v]))
        for v in chain
    )


def _condition_follows(group: list[Token], lexicon: ModalityLexicon) -> bool:
    """A "si" right after a clause in the future or the conditional, no other finite verb between: the
    condition it is under, wherever the parse hangs it (often on an incise of saying after it). Not "même
    si" (``factual_conjunction``)."""
    own = {t.i for t in group}
    last = max(own)
    single = _one_word(lexicon.conditions)
    doc = group[0].doc
    for token in doc[last + 1 : group[0].sent.end]:
        if token.text in _CLAUSE_ENDS or token.text == ":" or (_is_finite(token) and token.i not in own):
            return False
        if token.dep_ == "mark" and token.lower_ in single:
            governor = token.head.head
            if _lemma(governor) in lexicon.asking_verbs or _is_infinitive(governor):
                # "pour savoir s'ils disposent d'anticorps", "pour décider si la fête a lieu": the "si" of
                # an infinitive's indirect question, no condition of the future before it
                return False
            before = doc[token.i - 1].lower_
            return f"{before} {token.lower_}" not in lexicon.factual_conjunctions
    return False


def _is_counterfactual(chain: list[Token], lexicon: ModalityLexicon) -> bool:
    """A compound conditional of a verb of ``counterfactual_verb`` with its infinitive ("aurait dû épouser",
    "auraient dû se tenir"): what should have happened, and did not."""
    for verb in chain:
        if _lemma(verb) not in lexicon.counterfactual_verbs:
            continue
        auxiliaries = [c for c in verb.children if c.dep_ == "aux:tense"]
        infinitive = any(c.dep_ == "xcomp" and _is_infinitive(c) for c in verb.children)
        if infinitive and any(is_conditional(a, lexicon) for a in auxiliaries):
            return True
    return False


def _is_wished(head: Token, lexicon: ModalityLexicon) -> bool:
    """A clause after "que" governed by a verb of wishing, fearing or requiring ("il faut que les mesures
    commencent dès le 1er janvier"): a subjunctive, even where the tagger reads the form as an indicative
    (the two are one form for most verbs in -er)."""
    if any("Imp" in t.morph.get("Tense", []) and "Ind" in t.morph.get("Mood", []) for t in _group([head])):
        return False  # "il fallait savoir que j'arrivais à cette heure-ci": an imperfect tells what was
    governed = head.dep_ in _GOVERNED_DEPS and head.head.i != head.i
    return governed and _lemma(head.head) in lexicon.wish_governors


def _is_finite(token: Token) -> bool:
    return token.pos_ in {"VERB", "AUX"} and "Fin" in token.morph.get("VerbForm", [])


def _is_infinitive(token: Token) -> bool:
    """An infinitive, as tagged or as written: a verb form that is its own lemma ("d'interpeller", which the
    tagger sometimes reads as finite)."""
    if token.pos_ not in {"VERB", "AUX"}:
        return False
    return "Inf" in token.morph.get("VerbForm", []) or token.lower_ == _lemma(token)


def _infinitive_group(verb: Token) -> bool:
    """An infinitive, or a participle with an infinitive auxiliary ("être allégées", "avoir fini")."""
    if "Inf" in verb.morph.get("VerbForm", []):
        return True
    return any(c.dep_.startswith("aux") and "Inf" in c.morph.get("VerbForm", []) for c in verb.children)


def _is_order_or_wish(head: Token, lexicon: ModalityLexicon) -> bool:
    """An order or a wish heads the clause: an imperative (the tagger's mood, or a finite verb in -ons, -ez
    with no subject, coordinated to none: "Acte 6 : préparons Noël à Paris"), or a subjunctive heading its
    sentence with no "que" ("Puisse cette année être la vôtre")."""
    if not _is_finite(head) or any(c.dep_.startswith("aux") for c in head.children):
        return False
    if "Imp" in head.morph.get("Mood", []):
        return True
    if head.dep_ == "conj" or any(
        c.dep_.startswith(("nsubj", "expl")) or c.dep_ == "mark" for c in head.children
    ):
        return False
    if "Sub" in head.morph.get("Mood", []):
        return head.dep_ == "ROOT"
    return head.dep_ in {"ROOT", "parataxis"} and head.lower_.endswith(lexicon.imperative_endings)


def _is_obligation(chain: list[Token], lexicon: ModalityLexicon) -> bool:
    """An infinitive under a verb of obligation in a simple tense ("il faut le changer", "il faudra
    rouvrir", "il faudrait attendre"): what must be done, an exhortation; "il a fallu évacuer" tells it done,
    "il fallait" a past need."""
    for verb in chain[1:]:
        if _lemma(verb) not in lexicon.obligation_verbs or not _is_finite(verb):
            continue
        if any(c.dep_.startswith("aux") for c in verb.children) or "Imp" in verb.morph.get("Tense", []):
            continue
        if any(c.dep_ == "xcomp" and _is_infinitive(c) for c in verb.children):
            return True
    return False


def _is_generic(head: Token, lexicon: ModalityLexicon) -> bool:
    """What happens each time: a clause in the simple present opened by "quand", "lorsque", "chaque fois que"
    ("Quand ce type de propos est suivi le lendemain par des violences"); "quand il est arrivé" tells once."""
    single = _one_word(lexicon.generic_when)
    if not (_marks(head) & single or _starts(_opening(head), lexicon.generic_when)):
        return False
    group = _group([head])
    if any(c.dep_ == "aux:tense" for c in group):
        return False
    finite = [t for t in group if _is_finite(t)]
    return bool(finite) and all(reads_as_present(t) for t in finite)


def is_aim(trigger: Token, lexicon: ModalityLexicon) -> bool:
    """An aim: an infinitive opened by "pour", "afin de", "en vue de" with only its own words between ("afin
    de permettre aux policiers d'interpeller samedi des casseurs"); a past infinitive after them tells a cause
    ("condamné pour avoir frappé"), a fact. For a day still to come, an aim is a plan (``chronique.events``);
    for a day gone by, the act done for it tells it ("a envoyé un message le 30 janvier pour l'avertir")."""
    if not _is_infinitive(trigger) or any(c.dep_.startswith("aux") for c in trigger.children):
        return False
    words: list[str] = []
    for token in reversed(trigger.doc[trigger.sent.start : trigger.i]):
        if token.is_punct or _is_finite(token):
            return False
        words.insert(0, token.lower_.replace("’", "'"))
        if any(tuple(words[: len(p)]) == p for p in lexicon.purposes):
            return True
    return False


def names_what_is_to_come(trigger: Token, lexicon: ModalityLexicon) -> bool:
    """A present infinitive, which carries no tense of its own, or an event noun under a verb that tells a
    plan: for a day after the paper they name what is still to happen ("a demandé au préfet de se rendre sur
    place jeudi", "fera un point sur la préparation de la manifestation du 23 mars"; ``chronique.events``). A
    noun under a verb told as done keeps that verb's reading ("la CGT appelle à une grève le 5 février": the
    day of the strike, which the story weighs as news); a past infinitive ("pour avoir frappé") tells a thing
    done. A verb of planning and its object name what is planned ("prévoyait un rassemblement samedi")."""
    if _lemma(trigger) in lexicon.planning_verbs:
        return True  # "La page prévoyait un rassemblement samedi 16 février": dated by what it plans
    if trigger.pos_ == "NOUN":
        verb = _verb_above(trigger)
        if verb is not None and trigger.dep_ == "obj" and _lemma(verb) in lexicon.planning_verbs:
            return True  # "les gilets jaunes préparent un rassemblement samedi"
        planned = verb is not None and _verb_reading(verb, _top_of(verb), lexicon, 1).modality
        return planned is Modality.PLANNED
    return "Inf" in trigger.morph.get("VerbForm", []) and not any(
        c.dep_.startswith("aux") for c in trigger.children
    )


def _nearest_finite(trigger: Token) -> Token | None:
    """The finite verb nearest an infinitive the parse left with none above it ("L'interdiction de manifester
    sera en vigueur toute la journée de samedi": the date hangs on "manifester", the tense is "sera")."""
    finite = [t for t in trigger.sent if _is_finite(t)]
    return min(finite, key=lambda t: abs(t.i - trigger.i)) if finite else None


def moved_to(trigger: Token, date: Span, lexicon: ModalityLexicon) -> bool:
    """Whether a date is the new day of an event a verb moves ("la date a été avancée au 1er janvier",
    "reporté au 15 mars", "décalé à lundi", "reporté en 2021"): "à", "au", "en" right before it, the trigger a
    verb of moving. That day is the moved event's, still to come when it was moved: a plan, not the day of
    the decision."""
    # the event a verb of moving moves, its object ("a décalé sa prise de parole à lundi"), is on the new day
    mover = trigger.head if trigger.pos_ == "NOUN" and trigger.dep_ == "obj" else trigger
    if date.start == 0 or _lemma(mover) not in lexicon.moving_verbs:
        return False
    if is_reflexive(mover):
        return False  # "le président s'est déplacé à 15h à l'hôpital": one who travels moves no event
    return date.doc[date.start - 1].lower_ in lexicon.target_cues | lexicon.moved_cases


def _is_denied(chain: list[Token], head: Token, lexicon: ModalityLexicon) -> bool:
    """What a verb of denial governs: "dément les avoir confiés", "nie qu'il ait été présent"; also an
    infinitive after a denial's form the tagger read as another word, no verb between ("Il dément dans un
    premier temps avoir été sur le terrain": "dément" the adjective)."""
    governors = [*chain[1:]]
    if head.head.i != head.i and head.dep_ in _REPORTED_DEPS:
        governors.append(head.head)
    if any(_lemma(verb) in lexicon.denial_verbs for verb in governors):
        return True
    first = verb_group_start(chain[0])
    if not _infinitive_group(chain[0]):
        return False
    for token in reversed(first.doc[first.sent.start : first.i]):
        if token.pos_ in {"VERB", "AUX"} or token.is_punct:
            return False
        if token.lower_ in lexicon.denial_forms:
            return True
    return False


def _is_without(chain: list[Token], lexicon: ModalityLexicon) -> bool:
    """An infinitive "sans" opens ("sans toutefois renoncer à sa stratégie", "est reparti sans avoir payé"),
    or one it governs ("sans chercher à fuir"): what did not happen, not a thing done."""

    def opens(verb: Token) -> bool:
        return any(
            c.dep_ in {"mark", "case"} and c.i < verb.i and c.lower_ in lexicon.without for c in verb.children
        )

    return any(_infinitive_group(verb) and opens(verb) for verb in chain)


def _is_planned_passive(trigger: Token, lexicon: ModalityLexicon) -> bool:
    """A plan told by a passive: "est prévu jeudi", "était programmée samedi", "est attendu lundi" (not in a
    compound tense: "a été reporté" tells the decision); or by a bare participle whose day "pour" gives ("la
    manifestation, annoncée pour le 1er décembre")."""
    if _lemma(trigger) not in lexicon.planned_passives or "Part" not in trigger.morph.get("VerbForm", []):
        return False
    auxiliaries = [c for c in trigger.children if c.dep_.startswith("aux")]
    if auxiliaries:
        return all(c.dep_ == "aux:pass" for c in auxiliaries)
    return trigger.dep_ in {"acl", "advcl"} and any(
        g.dep_ == "case" and g.lower_ in lexicon.plan_cases for c in trigger.children for g in c.children
    )


# The "de" that opens an infinitive completing a noun.
_OF = frozenset({"de", "d'", "d’"})


def _completes_intention(trigger: Token, lexicon: ModalityLexicon) -> bool:
    """An infinitive after "de" that completes a noun of intention ("son projet d'augmenter", "leur intention
    de défiler", "sa promesse de baisser"): what is intended, still to come, whatever tense the verb above
    has."""
    if not _is_infinitive(trigger):
        return False
    marks = [c for c in trigger.children if c.dep_ == "mark" and c.lower_ in _OF and c.i < trigger.i]
    if not marks or marks[0].i == 0:
        return False
    # the noun right before "de", whatever the parse hangs the infinitive on (often the verb, as an xcomp)
    noun = trigger.doc[marks[0].i - 1]
    return noun.pos_ == "NOUN" and noun.lemma_.lower() in lexicon.intention_nouns


def _is_planned(chain: list[Token], lexicon: ModalityLexicon) -> bool:
    trigger = chain[0]
    group = _group(chain)
    if not any(_is_finite(t) for t in group) and _is_infinitive(trigger):
        nearest = _nearest_finite(trigger)
        group = group if nearest is None else [*group, nearest]
    if any(is_future(t, lexicon) for t in group) or _is_planned_passive(trigger, lexicon):
        return True
    if sets_appointment(trigger, lexicon.appointment_nouns):
        return True  # "ils donnent rendez-vous samedi"
    if (
        _lemma(trigger) in lexicon.planned_participles
        and trigger.dep_ == "acl"
        and "Part" in trigger.morph.get("VerbForm", [])
        and not any(c.dep_.startswith("aux") for c in trigger.children)
    ):
        return True
    if _completes_intention(trigger, lexicon):
        return True  # "maintient son projet d'augmenter la taxe au 1er janvier": the act is intended
    governors = chain[1:] if len(chain) > 1 else []
    if any(_lemma(verb) in lexicon.decision_governors for verb in governors):
        return True  # "a décidé de reconduire en 2020 ce dispositif": what is decided is still to come
    if any(c.dep_ == "xcomp" and _infinitive_group(c) for c in trigger.children):
        governors = [trigger, *governors]  # the trigger is "doit" itself ("vont être allégées" too)
    for verb in governors:
        if _lemma(verb) in lexicon.planned_governors:
            return True
        compound = "Part" in verb.morph.get("VerbForm", []) or any(
            c.dep_.startswith("aux") for c in verb.children
        )
        if _lemma(verb) in lexicon.future_auxiliaries and not compound:
            return True
    return False


def _speaker_of(verb: Token) -> str | None:
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    if not subjects:
        return None
    actors = actors_of(subjects[0], [])
    return " et ".join(actors) if actors else None


def _reporter(chain: list[Token], head: Token, lexicon: ModalityLexicon) -> Token | None:
    """The verb of saying that reports the clause: above it, or an incise after it."""
    for child in head.children:
        if (
            child.dep_ in _INCISE_DEPS
            and child.i > head.i
            and _lemma(child) in lexicon.reporting_verbs
            and _is_incise_verb(child)
            and not any(c.dep_ in {"ccomp", "obj"} for c in child.children)
        ):
            return child
    governor, dep = head.head, head.dep_
    if dep == "acl" and governor.pos_ == "NOUN" and governor.head.i != governor.i:
        governor, dep = governor.head, governor.dep_  # "insisté sur le fait que …"
    if governor.i != head.i and dep in _REPORTED_DEPS and _lemma(governor) in lexicon.reporting_verbs:
        return governor
    return _reporter_across_noun(head, lexicon)


def _reporter_across_noun(head: Token, lexicon: ModalityLexicon) -> Token | None:
    """The verb of saying whose clause after "que" the parse hung on a noun of the sentence, as if it were a
    relative clause ("avait annoncé plus tôt dans la journée qu'un premier avion rentrerait vendredi", "a
    précisé dans un communiqué que ce premier avion partirait mercredi"): a relative "que" is a pronoun, the
    "que" of a reported clause a conjunction."""
    if head.dep_ not in {"acl", "acl:relcl"} or head.head.pos_ not in {"NOUN", "PROPN"}:
        return None
    if not any(c.dep_ == "mark" and c.pos_ == "SCONJ" and c.lower_ in _QUE for c in head.children):
        return None
    noun = head.head
    verb = noun.head
    if noun.dep_ not in _NOUN_OF_SAYING_DEPS or verb.i == noun.i:
        return None
    return verb if _lemma(verb) in lexicon.reporting_verbs else None


def _according_to(chain: list[Token], lexicon: ModalityLexicon) -> str | None:
    """The X of "selon X" or "d'après X" in the clause."""
    for verb in chain:
        for child in verb.children:
            case = [c for c in child.children if c.dep_ == "case" and c.i < child.i]
            words = [*case, *(f for c in case for f in c.children if f.dep_ == "fixed")]  # "d'" + "après"
            cases = " ".join(t.lower_ for t in sorted(words, key=lambda t: t.i))
            if cases and _phrase(cases) in lexicon.according_to and child.pos_ != "PRON":
                return noun_phrase(child, skip={t.i for t in words}) or None
    return None


def _verb_reading(trigger: Token, clause_head: Token, lexicon: ModalityLexicon, depth: int) -> Reading:
    chain = _chain(trigger, clause_head)
    reporter = _reporter(chain, clause_head, lexicon)
    speaker = _according_to(chain, lexicon) or (_speaker_of(reporter) if reporter is not None else None)
    governed = clause_head.dep_ in _GOVERNED_DEPS and clause_head.head.i != clause_head.i
    if _is_question(trigger, chain, lexicon) or _is_indirect_question(clause_head, lexicon):
        return Reading(Modality.QUESTION, speaker)
    if (
        _is_supposed(chain, clause_head, lexicon)
        or _is_counterfactual(chain, lexicon)
        or _is_order_or_wish(clause_head, lexicon)
        or _is_obligation(chain, lexicon)
        or _is_generic(clause_head, lexicon)
    ):
        return Reading(Modality.HYPOTHETICAL, speaker)
    above = clause_head.head
    if governed and depth < _MAX_DEPTH and above.pos_ in {"VERB", "AUX", "ADJ"}:
        outer = _verb_reading(above, _top_of(above), lexicon, depth + 1).modality
        if outer in {Modality.QUESTION, Modality.HYPOTHETICAL}:
            return Reading(outer, speaker)
    if (
        any(is_negated(verb, lexicon) for verb in chain)
        or _is_denied(chain, clause_head, lexicon)
        or (depth == 0 and _is_without(chain, lexicon))  # not a noun under it: "sans oublier les violences"
    ):
        return Reading(Modality.NEGATED, speaker)
    group = _group(chain)
    if _is_planned(chain, lexicon):
        return Reading(Modality.PLANNED, speaker)
    if any(is_conditional(t, lexicon) for t in group):
        simple = not any(t.dep_ == "aux:tense" for t in group)  # "seraient dévoilés" is simple, passive
        governs = reporter is not None and any(a.i == reporter.i for a in clause_head.ancestors)
        future_in_past = simple and governs
        return Reading(Modality.PLANNED if future_in_past else Modality.ALLEGED, speaker)
    if reporter is not None or speaker is not None:
        return Reading(Modality.REPORTED, speaker)
    return Reading(Modality.ASSERTED)


def is_foretold(trigger: Token, clause_head: Token, lexicon: ModalityLexicon) -> bool:
    """A simple conditional ("partirait", "seraient publiés"; not "aurait quitté"): for a day still to come it
    tells what is foreseen, a plan reported ("Selon les organisateurs, le cortège partirait samedi de la
    place"), not the journalistic conditional of a thing alleged done (``chronique.events``)."""
    group = _group(_chain(trigger, clause_head))
    return any(is_conditional(t, lexicon) for t in group) and not any(t.dep_ == "aux:tense" for t in group)


def _top_of(verb: Token) -> Token:
    """A verb's clause head: up through the infinitives it completes ("ordre de quitter" → reçu)."""
    current = verb
    for _ in range(4):
        infinitive = current.dep_ in {"xcomp", "acl"} and "Inf" in current.morph.get("VerbForm", [])
        if not infinitive or current.head.i == current.i:
            break
        current = current.head if current.head.pos_ in {"VERB", "AUX"} else current.head.head
    return current


def _verb_above(noun: Token) -> Token | None:
    """The verb a noun's phrase hangs on ("fera un point sur la préparation de l'étape": fera)."""
    verb = noun.head
    for _ in range(4):
        if verb.pos_ in {"VERB", "AUX"} or verb.head.i == verb.i:
            break
        verb = verb.head
    return verb if verb.pos_ in {"VERB", "AUX"} and verb.i != noun.i else None


def _noun_reading(trigger: Token, lexicon: ModalityLexicon) -> Reading:
    """An event noun: a question or a condition around it, else its verb's modality (not the negation of a
    verb it is the subject of: "l'attaque n'a pas fait de victime" does not deny the attack)."""
    if _is_question(trigger, [], lexicon):
        return Reading(Modality.QUESTION)
    start = min(t.i for t in trigger.subtree if not (t.dep_ == "case" and t.head.i == trigger.i))
    before = " ".join(t.lower_ for t in trigger.doc[max(0, start - 3) : start])
    if any(before == p or before.endswith(" " + p) for p in lexicon.conditions if " " in p):
        return Reading(Modality.HYPOTHETICAL)
    if any(c.dep_ == "cop" for c in trigger.children):
        return _verb_reading(trigger, trigger, lexicon, 0)  # a predicate noun: its copula's tense and mood
    verb = _verb_above(trigger)
    if verb is None:
        return Reading(Modality.ASSERTED)
    reading = _verb_reading(verb, _top_of(verb), lexicon, 1)
    denied_subject = reading.modality is Modality.NEGATED and trigger.dep_ in SUBJECT_DEPS
    # what a noun's complement names is no part of the plan or the allegation of the verb: "présidera la
    # commémoration de la victoire de 1945" plans the commemoration, not the victory
    inner = trigger.dep_ == "nmod" and reading.modality in {Modality.PLANNED, Modality.ALLEGED}
    return Reading(Modality.ASSERTED) if denied_subject or inner else reading


def modality_of(trigger: Token, clause_head: Token, lexicon: ModalityLexicon) -> Reading:
    """How the clause of ``trigger`` (whose finite verb is ``clause_head``) tells its event."""
    if trigger.pos_ == "NOUN":
        return _noun_reading(trigger, lexicon)
    return _verb_reading(trigger, clause_head, lexicon, 0)


def is_overtaken(trigger: Token, clause_head: Token, lexicon: ModalityLexicon) -> bool:
    """Whether a plan told in the imperfect ("devait se tenir", "était prévu", "prévoyait de") is overtaken in
    its own sentence: a word of ``overtaking`` outside the plan's verbs, told as done ("Le salon, qui devait
    se tenir du 20 au 23 mars, a été annulé", "prévu le 5 avril, le match a été reporté", "l'annulation du
    concert qui devait avoir lieu samedi"). The plan did not happen on its day: that day is no row."""
    chain = _chain(trigger, clause_head)
    if not _is_former_plan(trigger, chain, clause_head, lexicon):
        return False
    own = {t.i for t in chain}
    for token in trigger.sent:
        if token.i in own or _lemma(token) not in lexicon.overtaking:
            continue
        if token.pos_ == "NOUN":
            return True
        if token.pos_ == "VERB" and modality_of(token, token, lexicon).modality in _DONE:
            return True
    return False


def _is_former_plan(trigger: Token, chain: list[Token], clause_head: Token, lexicon: ModalityLexicon) -> bool:
    """A plan told in the imperfect ("devait se tenir", "était prévu"), or a participle of planning alone
    ("Prévu le 5 avril, le match …")."""
    alone = "Part" in trigger.morph.get("VerbForm", []) and not any(
        c.dep_.startswith("aux") for c in trigger.children
    )
    if trigger.pos_ == "VERB" and _lemma(trigger) in lexicon.planned_participles and alone:
        return True
    if modality_of(trigger, clause_head, lexicon).modality is not Modality.PLANNED:
        return False
    return any("Imp" in t.morph.get("Tense", []) and _is_finite(t) for t in _group(chain))


# How an overtaking verb tells the plan's end: as a fact, as someone's word, or as a decision ("est reportée",
# "sera annulé": a present passive of moving reads as a plan of the new day); not supposed, denied or alleged.
_DONE = frozenset({Modality.ASSERTED, Modality.REPORTED, Modality.PLANNED})
