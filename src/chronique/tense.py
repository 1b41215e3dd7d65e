"""Which way a time expression points, from the tense of the verb that governs it (spaCy morphology).

passé composé, plus-que-parfait, imparfait, passé simple → past; futur, futur proche (aller + infinitive),
conditionnel présent → future; présent → present (read as future for a weekday, nearest for a date).
A word just before the expression can settle it whatever the verb (``depuis`` → past, ``d'ici`` → future).
The French words involved live in ``data/verbs.tsv`` and ``data/cues.tsv``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from chronique.model import Direction
from chronique.nlp import sentence_of, verb_group_start
from chronique.vocabulary import Vocabulary

# spaCy reads these endings as passé simple; in news they are nearly always présent (il réunit, il dit).
_AMBIGUOUS_PAST_ENDINGS = ("it", "is", "issent")
_MAX_CLIMB = 8
_CUE_WINDOW = 24  # characters before a mention searched for a cue word
_DIRECTION_CUES = frozenset({"past", "future", "none"})
_NOUN_CLAUSES = frozenset({"acl"})  # a participle clause that completes a noun
_MISREAD_NOUN_CLAUSES = frozenset({"nmod", "amod"})  # how the parse sometimes labels such a participle
_INFINITIVE_CHAIN = 3  # infinitives up from a date to the past infinitive that governs them
_WORDS_TO_VERB = 5  # steps from a date that completes a noun up to the verb whose tense places it


@dataclass(frozen=True, slots=True)
class TenseLexicon:
    """The verb lists and cue words the tense reading uses, from the vocabulary."""

    etre_verbs: frozenset[str]
    future_governors: frozenset[str]
    recent_past_governors: frozenset[str]
    future_participles: frozenset[str]
    reporting_verbs: frozenset[str]
    appointment_nouns: frozenset[str]
    target_cues: frozenset[str]
    moved_earlier: frozenset[str]
    moved_later: frozenset[str]
    cue: re.Pattern[str]
    cue_direction: dict[str, Direction]
    # the conditional the tagger reads as an imperfect ("qu'elle irait mercredi"): its endings and the
    # irregular future stems (data/modality.tsv)
    conditional_endings: tuple[str, ...] = ()
    future_stems: frozenset[str] = frozenset()
    clock_joiners: frozenset[str] = frozenset()  # "le 19 juillet, à 12 h 59": one date
    opening: re.Pattern[str] | None = None  # "à partir du", "dès le" ending the text before a date

    @classmethod
    def from_vocabulary(cls, vocabulary: Vocabulary) -> TenseLexicon:
        verbs, cues = vocabulary["verbs"], vocabulary["cues"]
        return cls(
            etre_verbs=verbs.forms_of("etre_verbs"),
            future_governors=verbs.forms_of("future_governors"),
            recent_past_governors=verbs.forms_of("recent_past_governors"),
            future_participles=verbs.forms_of("future_participles"),
            reporting_verbs=verbs.forms_of("reporting_verbs"),
            appointment_nouns=vocabulary["nouns"].forms_of("appointment"),
            target_cues=cues.forms_of("target"),
            moved_earlier=verbs.forms_of("moved_earlier"),
            moved_later=verbs.forms_of("moved_later"),
            cue=re.compile(rf"(?<![\w])({cues.alternation(_DIRECTION_CUES)})\s+$", re.IGNORECASE),
            cue_direction={form: Direction(key) for key in _DIRECTION_CUES for form in cues.forms_of(key)},
            conditional_endings=tuple(
                sorted(vocabulary["modality"].forms_of("conditional_endings"), key=lambda e: (-len(e), e))
            ),
            future_stems=vocabulary["modality"].forms_of("future_stems"),
            clock_joiners=cues.forms_of("clock_joiner"),
            opening=re.compile(rf"(?:^|\W)(?:{cues.alternation(frozenset({'opening'}))})\s*$", re.IGNORECASE),
        )


def _morph(token: Token, key: str) -> str | None:
    values = token.morph.get(key, [])
    return values[0] if values else None


def is_reflexive(verb: Token) -> bool:
    """A pronominal verb: "se" before it ("s'est déplacé", "se sont avancés")."""
    return any(
        child.dep_ in {"expl:comp", "expl:pv", "expl"} or child.lower_ in {"se", "s'", "s’"}
        for child in verb.children
        if child.i < verb.i
    )


def _compound_direction(
    verb: Token, first: Token, auxiliaries: list[Token], lexicon: TenseLexicon
) -> Direction | None:
    """Direction of a verb with auxiliaries; ``first`` is the leftmost one, which carries the tense."""
    if _morph(first, "Tense") == "Fut":
        return Direction.FUTURE
    if _morph(first, "Mood") == "Cnd":
        return Direction.PAST  # conditionnel passé: "aurait été tué"
    if first.dep_ == "aux:tense" and first.lemma_ in {"avoir", "être"}:
        return Direction.PAST  # a compound past, whatever the parse made of the participle
    if _morph(verb, "VerbForm") != "Part":
        return verb_direction(first, lexicon)
    is_compound_past = (
        first.lemma_ == "avoir"
        or len(auxiliaries) > 1
        or verb.lemma_ in lexicon.etre_verbs
        or is_reflexive(verb)
    )
    if is_compound_past:
        return Direction.PAST  # a quitté, est parti, s'est ralentie, avait été élu
    # être + participle of another verb is a passive, of the auxiliary's tense (est prévue, soit rendu)
    aux_direction = verb_direction(first, lexicon)
    if aux_direction is Direction.PRESENT and verb.lemma_ in lexicon.future_participles:
        return Direction.FUTURE  # "est prévue le 16 juillet"
    if aux_direction is Direction.PAST and verb.lemma_ in lexicon.future_participles:
        # "était prévue samedi", "était programmé mardi": a plan told in the past, kept, cancelled or still
        # ahead — the day nearest the publication, as for "devait se tenir samedi"
        return Direction.NONE
    return aux_direction


def _is_auxiliary_of(child: Token, verb: Token) -> bool:
    """An auxiliary of the verb; also "être" the parse labels a copula over a participle read as a verb ("Le
    11 juillet, les croisières seront de nouveau autorisées": a passive of the future, not a past)."""
    if child.dep_.startswith("aux"):
        return True
    return (
        child.dep_ == "cop"
        and child.lemma_ == "être"
        and verb.pos_ == "VERB"
        and _morph(verb, "VerbForm") == "Part"
    )


def verb_direction(verb: Token, lexicon: TenseLexicon) -> Direction | None:
    """Direction of a verb's tense, or None when the verb does not say (infinitive, present participle)."""
    auxiliaries = sorted((c for c in verb.children if _is_auxiliary_of(c, verb)), key=lambda t: t.i)
    if auxiliaries:
        return _compound_direction(verb, auxiliaries[0], auxiliaries, lexicon)
    form, tense = _morph(verb, "VerbForm"), _morph(verb, "Tense")
    if form == "Fin":
        if tense == "Fut" or _morph(verb, "Mood") == "Cnd":
            return Direction.FUTURE
        if tense == "Imp":
            # "a annoncé qu'elle irait mercredi": a conditional read as an imperfect is a future in the past
            return Direction.FUTURE if _reads_as_conditional(verb, lexicon) else Direction.PAST
        if tense == "Past":
            return Direction.PRESENT if verb.lower_.endswith(_AMBIGUOUS_PAST_ENDINGS) else Direction.PAST
        if tense == "Pres":
            return Direction.FUTURE if _morph(verb, "Mood") == "Sub" else Direction.PRESENT
        return None
    if form == "Part" and tense == "Past":
        # a participle used alone: "élu le 6 mai" is past; "prévue le 15 septembre", "reprogrammé le 18
        # octobre" name a plan, kept or not, which need not lie ahead ("initialement programmée le 5 avril,
        # elle a été reportée"): the nearest date
        return Direction.NONE if verb.lemma_ in lexicon.future_participles else Direction.PAST
    return None


def _reads_as_conditional(verb: Token, lexicon: TenseLexicon) -> bool:
    """A form that is its infinitive (a verb in -re without its e) or an irregular future stem plus a
    conditional ending ("irait", "annoncerait", "prendrait"); an imperfect's stem is none of them ("allait",
    "annonçait", "prenait")."""
    word, lemma = verb.lower_, verb.lemma_.lower()
    stems = {lemma, lemma[:-1] if lemma.endswith("re") else lemma}
    for ending in lexicon.conditional_endings:
        if word.endswith(ending):
            stem = word[: -len(ending)]
            return stem in stems or stem in lexicon.future_stems
    return False


def reads_as_present(verb: Token) -> bool:
    """A finite verb in the present indicative, including the forms the tagger reads as passé simple ("il
    interdit", "il réunit": in news nearly always present)."""
    if _morph(verb, "VerbForm") != "Fin" or _morph(verb, "Mood") not in {"Ind", None}:
        return False
    tense = _morph(verb, "Tense")
    return tense == "Pres" or (tense == "Past" and verb.lower_.endswith(_AMBIGUOUS_PAST_ENDINGS))


def _nearest_verb(doc: Doc, start: int, end: int) -> Token | None:
    """The verb nearest above the expression at [start, end) (``_governing_verbs``' first), if any."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    verbs = _governing_verbs(span.root)
    return verbs[0] if verbs else None


def _governing_verbs(token: Token) -> list[Token]:
    """The verbs above a token, nearest first."""
    verbs: list[Token] = []
    current = token
    for _ in range(_MAX_CLIMB):
        if current.pos_ in {"VERB", "AUX"}:
            verbs.append(current)
        else:
            # a predicate adjective or noun takes its tense from its copula: "sont incertains samedi"
            verbs.extend(child for child in current.children if child.dep_ == "cop")
        if current.head.i == current.i:
            break
        current = current.head
    return verbs


def opens_a_measure(text: str, start: int, lexicon: TenseLexicon) -> bool:
    """Whether the words just before offset ``start`` name the start of a measure ("à partir du")."""
    before = text[max(0, start - _CUE_WINDOW) : start]
    return lexicon.opening is not None and lexicon.opening.search(before) is not None


def cue_direction(text: str, start: int, lexicon: TenseLexicon) -> Direction | None:
    """The direction a cue word just before offset ``start`` fixes ("depuis" → past), if there is one."""
    cue = lexicon.cue.search(text[max(0, start - _CUE_WINDOW) : start])
    if cue is None:
        return None
    return lexicon.cue_direction[" ".join(cue.group(1).lower().replace("’", "'").split())]


def direction_of(doc: Doc, start: int, end: int, lexicon: TenseLexicon, text: str | None = None) -> Direction:
    """The direction of the mention at character offsets [start, end) of a parsed text."""
    # Doc.text rebuilds the whole string on each read: callers that loop pass it in
    cue = cue_direction(doc.text if text is None else text, start, lexicon)
    if cue is not None:
        return cue
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return Direction.NONE
    framed = _framed_before_incise(span, lexicon)
    if framed is not None and (told := verb_direction(framed, lexicon)) is not None:
        return (
            told  # "Dès lundi, 50 écoles se joindront au mouvement, a indiqué le syndicat": the coming Monday
        )
    above = next(iter(_governing_verbs(span.root)), None)
    main = main_verb_after_infinitive(span, above) if above is not None else None
    if main is not None and (told := verb_direction(main, lexicon)) is not None:
        return told  # "Afin de rassurer les commerçants, mardi, la maire a annoncé": the past Tuesday
    before = span.doc[span.start - 1].lower_ if span.start else ""
    direction = _direction_above(span.root, lexicon, target=before in lexicon.target_cues)
    return _nearest_direction(span, lexicon) if direction is None else direction


def main_verb_after_infinitive(span: Span, verb: Token) -> Token | None:
    """The main clause's verb, when the date is set apart by commas right after the phrase of an infinitive
    ``verb`` that opens the sentence before it ("Pour justifier son absence, lundi 5 septembre, le ministre
    a évoqué …", "Afin de rassurer les commerçants, mardi, la maire a annoncé …"): a date between commas
    tells when the clause it stands before happened, not when its aim is to be reached. None for any other
    date (``chronique.anchors`` dates that verb the same)."""
    doc = span.doc
    if _morph(verb, "VerbForm") != "Inf" or verb.i > span.start or span.start == 0:
        return None
    if doc[span.start - 1].text != "," or span.end >= len(doc) or doc[span.end].text != ",":
        return None
    current = verb
    for _ in range(_MAX_CLIMB):
        if current.head.i == current.i:
            return None
        current = current.head
        if current.i > span.end and current.pos_ in {"VERB", "AUX"}:
            return None if _morph(current, "VerbForm") == "Inf" else current
    return None


def passive_subject_before(verb: Token) -> bool:
    """Whether a verb has its subjects before it only: the sentence's main verb ("un décès … a été annoncé"),
    no incise of saying, whose subject follows it ("…, a indiqué le syndicat")."""
    subjects = [c.i for c in verb.children if c.dep_.startswith("nsubj")]
    # a passive's subject (an incise is active; the parse may read a cleft's noun as an active subject)
    passive = any(c.dep_ == "nsubj:pass" for c in verb.children)
    return passive and max(subjects) < verb.i


def _framed_before_incise(span: Span, lexicon: TenseLexicon) -> Token | None:
    """The verb of the clause a date heading its sentence frames, when the parse hangs the date on the incise
    of saying at the sentence's end ("Dès lundi, 50 écoles se joindront au mouvement, a indiqué le
    syndicat"): the first verb after the date, before the incise (``chronique.anchors`` dates it the same)."""
    sentence = sentence_of(span.root)
    if any(
        not (t.is_punct or t.is_space or t.pos_ == "ADP") for t in sentence[: span.start - sentence.start]
    ):
        return None
    saying = next(iter(_governing_verbs(span.root)), None)  # the nearest verb above the date
    if saying is None or saying.lemma_ not in lexicon.reporting_verbs:
        return None
    if passive_subject_before(saying):
        return None  # the main verb with its subject before it ("un décès … a été annoncé"), no incise
    first = verb_group_start(saying).i
    if first <= span.end or span.doc[first - 1].text not in _INCISE_OPENERS:
        return None
    return next((t for t in span.doc[span.end : first] if t.pos_ == "VERB"), None)


def _nearest_direction(span: Span, lexicon: TenseLexicon) -> Direction:
    """When the parse hangs the expression on no verb, the nearest verb of its sentence decides."""
    sentence = sentence_of(span.root)
    verbs = sorted(
        (t for t in sentence if t.pos_ in {"VERB", "AUX"}),
        key=lambda t: min(abs(t.i - span.start), abs(t.i - span.end + 1)),
    )
    for verb in verbs:
        head = verb.head if verb.dep_.startswith("aux") else verb
        direction = verb_direction(head, lexicon)
        if direction is not None:
            return direction
    return Direction.NONE


def _is_infinitive(verb: Token) -> bool:
    """An infinitive, active or compound: "quitter", "être présenté", "avoir quitté"; with a finite auxiliary
    it is none, whatever the tagger says of the verb ("avait été évacué" tagged as an infinitive)."""
    auxiliaries = sorted((c for c in verb.children if c.dep_.startswith("aux")), key=lambda t: t.i)
    if auxiliaries:
        return _morph(auxiliaries[0], "VerbForm") == "Inf"
    return _morph(verb, "VerbForm") == "Inf"


def _is_past_infinitive(verb: Token) -> bool:
    """A past infinitive, or an infinitive it governs: the tense auxiliary avoir or être in the infinitive
    ("d'avoir obtenu", "après être parti", "d'avoir tenté de faire sauter"); not a passive ("être vu")."""
    current = verb
    for _ in range(_INFINITIVE_CHAIN):
        if any(
            c.dep_ == "aux:tense" and c.lemma_ in {"avoir", "être"} and _morph(c, "VerbForm") == "Inf"
            for c in current.children
        ):
            return True
        if _morph(current, "VerbForm") != "Inf" or current.head.i == current.i:
            return False
        current = current.head
    return False


def sets_appointment(verb: Token, appointment_nouns: frozenset[str]) -> bool:
    """Whether a verb sets a meeting: its object is "rendez-vous" ("ils donnent rendez-vous samedi")."""
    return any(c.dep_ == "obj" and c.lemma_.lower() in appointment_nouns for c in verb.children)


def _infinitive_governor(verb: Token) -> Token:
    """The verb an infinitive depends on; a copula's is its predicate's ("va être dès samedi en service")."""
    governor = verb.head
    if verb.dep_ == "cop" and governor.head.i != governor.i:
        governor = governor.head
    return governor


def _direction_above(token: Token, lexicon: TenseLexicon, *, target: bool = False) -> Direction | None:
    """The direction of the nearest verb above a token that has one; None when no verb is above it
    (``target``: the date follows "à", "au": a plan's new day after a verb of planning, "repoussé au
    printemps")."""
    for verb in _governing_verbs(token):
        if sets_appointment(verb, lexicon.appointment_nouns):
            return Direction.NONE  # "ils donnent rendez-vous samedi": the meeting's day, not the telling's
        if target and verb.lemma_ in lexicon.future_participles:
            return Direction.NONE  # "a été repoussé au printemps": the new day, ahead or behind
        if _is_infinitive(verb):
            governor = _infinitive_governor(verb)
            if governor.i != verb.i and governor.lemma_ in lexicon.future_governors:
                if _morph(governor, "Tense") == "Imp" and _morph(governor, "VerbForm") == "Fin":
                    # "devait être présenté mardi", "qui devait se tenir samedi": a plan told in the past,
                    # kept, cancelled or still ahead: the day nearest the publication
                    return Direction.NONE
                direction = verb_direction(governor, lexicon)
                if direction is Direction.PAST and governor.lemma_ in lexicon.future_participles:
                    # "avait prévu d'augmenter cette prime en avril": a plan, whenever it was made, is for
                    # its own day, ahead or behind: the nearest
                    return Direction.NONE
                # "va quitter" is future; "a dû quitter" stays past
                return Direction.PAST if direction is Direction.PAST else Direction.FUTURE
            if governor.i != verb.i and governor.lemma_ in lexicon.recent_past_governors:
                return Direction.PAST
            if _is_past_infinitive(verb):
                return Direction.PAST  # "soupçonné d'avoir obtenu en juin", "après avoir affirmé en mai"
            return Direction.NONE  # an infinitive has no tense, and its governor's need not be its own
        direction = verb_direction(verb, lexicon)
        if direction is not None:
            return direction
    return None


def moved_direction(doc: Doc, start: int, end: int, lexicon: TenseLexicon) -> Direction | None:
    """Which side of the old day an event's new day lies, when the expression at [start, end) is that new day:
    after "à", "au" and a verb that moves a date earlier ("avancée au 1er janvier": PAST) or later ("reporté
    au 15 mars": FUTURE); None otherwise."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if (
        span is None
        or len(span) == 0
        or span.start == 0
        or doc[span.start - 1].lower_ not in lexicon.target_cues
    ):
        return None
    verbs = _governing_verbs(span.root)
    lemma = verbs[0].lemma_.lower() if verbs else ""
    if lemma in lexicon.moved_earlier:
        return Direction.PAST
    return Direction.FUTURE if lemma in lexicon.moved_later else None


def noun_date_direction(
    doc: Doc, start: int, end: int, lexicon: TenseLexicon, text: str | None = None
) -> Direction:
    """The direction of a date that completes a noun ("les violences du 1er mai", "les feux du 4 juillet"):
    it names that thing's date, which the clause places only when it tells the thing as past — a past
    verb right above it that does not act on a plan (``reportée``, ``prévue``: a plan's day may lie
    ahead); otherwise the nearest such date. (How far ahead a past clause's noun may still lie is the
    resolver's ``Context.leeway``.)"""
    cue = cue_direction(doc.text if text is None else text, start, lexicon)
    if cue is not None:
        return cue
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0 or not _told_by_verb(span.root):
        return Direction.NONE
    verbs = _governing_verbs(span.root)
    if not verbs or verbs[0].lemma_ in lexicon.future_participles:
        return Direction.NONE
    return Direction.PAST if _direction_above(span.root, lexicon) is Direction.PAST else Direction.NONE


def _told_by_verb(date: Token) -> bool:
    """Whether the noun a date completes is what the verb tells of: its complement, or a complement's
    ("mis en examen pour des violences lors des manifestations du 1er mai"), not a noun of its subject
    ("le directeur de la liste pour les élections du 26 mai a annoncé")."""
    current = date
    for _ in range(_WORDS_TO_VERB):
        if current.dep_.startswith("nsubj") or current.head.i == current.i:
            return False
        current = current.head
        if current.pos_ in {"VERB", "AUX", "ADJ"}:
            return True
    return False


def told_done(doc: Doc, start: int, end: int, lexicon: TenseLexicon) -> bool:
    """Whether the verb nearest above the expression at [start, end) is a past participle used alone, no
    auxiliary, in a clause told in the past ("il devait être interrogé sur les violences commises en marge du
    défilé du 1er mai"): a thing done, no plan (a participle of planning, "la manifestation prévue le 1er
    mai", is ``future_participles``'). In a present clause it may describe what is ahead ("Le marathon fait
    de la résistance avec une course réservée aux athlètes le 4 octobre")."""
    first = _nearest_verb(doc, start, end)
    if first is None:
        return False
    alone = not any(c.dep_.startswith("aux") or c.dep_ == "cop" for c in first.children)
    if not alone or _morph(first, "VerbForm") != "Part" or _morph(first, "Tense") != "Past":
        return False
    current = first
    while current.head.i != current.i:  # the clause's tense: the first verb above that has one
        current = current.head
        direction = verb_direction(current, lexicon) if current.pos_ in {"VERB", "AUX"} else None
        if direction is not None:
            return direction is Direction.PAST
    return False


def completes_noun(doc: Doc, start: int, end: int) -> bool:
    """Whether the expression at [start, end) is the complement of a noun ("l'élection de novembre")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and span.root.dep_ == "nmod" and span.root.head.pos_ == "NOUN"


_INCISE_OPENERS = frozenset({",", '"', "»", "”"})


def in_reporting_incise(doc: Doc, start: int, end: int, lexicon: TenseLexicon) -> bool:
    """Whether the expression at [start, end) dates a verb of saying set after what it reports, its subject
    after it ("…, rapporte France Bleu, mercredi 31 janvier", "…, a annoncé mardi la Ligue"): the day of the
    telling, not a day the story comes to."""
    verb = _nearest_verb(doc, start, end)
    if verb is None or verb.lemma_ not in lexicon.reporting_verbs:
        return False
    subjects = [child.i for child in verb.children if child.dep_.startswith("nsubj")]
    if subjects:
        return max(subjects) > verb.i  # "rapporte France Bleu"; not "Christian Estrosi, contaminé, a déclaré"
    # the parse may miss the subject after the date ("a annoncé mardi 30 janvier la Ligue"): a verb group with
    # no subject set after a comma or a closing quotation mark is an incise all the same
    first = verb_group_start(verb).i
    return first > 0 and doc[first - 1].text in _INCISE_OPENERS


def in_background_clause(doc: Doc, start: int, end: int) -> bool:
    """Whether the expression at [start, end) dates a clause that describes a noun ("le grand débat lancé
    le 15 janvier", "l'adolescent, torturé le 6 novembre", "qui avait été élu mardi") rather than the
    sentence's own predicate."""
    verb = _nearest_verb(doc, start, end)
    if verb is None:
        return False
    if verb.dep_ in _NOUN_CLAUSES:
        return True
    # a participle alone the parse hangs on its noun by another label ("malgré l'interdiction formulée
    # vendredi par la PP", read as nmod): it describes the noun all the same
    return (
        verb.dep_ in _MISREAD_NOUN_CLAUSES
        and verb.head.pos_ == "NOUN"
        and "Part" in verb.morph.get("VerbForm", [])
        and not any(c.dep_.startswith("aux") for c in verb.children)
    )
