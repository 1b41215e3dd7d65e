"""Dates that are not their clause's day: the expression is there, but it dates no event of the clause.

- a bound of a period (``is_bound``): its end ("jusqu'à dimanche", "a prolongé jusqu'au 15 avril"), the start
  a comparison counts from ("le plus bas niveau depuis 2001"), what a comparison measures against ("5 points
  de moins qu'il y a deux semaines", "par rapport à la mobilisation du 5 janvier", "comme samedi dernier"), a
  figure's "au lieu de"; the clause counts as undated (the publication may still date it);
- a running total (``is_running_total``): "depuis" a start and a count ("Depuis le 1er mars, 23.293 personnes
  sont mortes"): no event at all, neither the start's day nor the paper's;
- "these days" (``is_nowadays``): "aujourd'hui" with a state or a generic present, not the paper's day;
- a schedule (``is_scheduled``): a clock time beside a set ("ouvert de 9 h à 19 h tous les jours");
- a habit (``is_habit``): a present or an imperfect with a bare weekday ("qui travaillent le samedi") or a
  word of habit ("en général … vers 16h00");
- a state or an activity since a start, in the present or the imperfect (``is_ongoing``): "le scandale qui
  ébranle l'exécutif depuis l'été", "Depuis septembre, il travaille pour la chaîne".
And for the clauses no expression dates, a cumulative count (``is_cumulative``): "Au total, 64.338 cas ont été
confirmés" is a tally so far, which the publication day does not date.
Their French words are ``data/cues.tsv``'s (``bound``, ``since``, ``comparison``, ``than``, ``like``,
``compared_to``, ``so_far``, ``nowadays``, ``habit``, ``cumulative``) and ``data/nouns.tsv``'s ``tally``.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from chronique.anchors import EventLexicon, apposed_phrase, in_relative_clause, predicate_of
from chronique.model import Direction, Grain, TimeExpression, TimexType, Unit
from chronique.nlp import sentence_of, verb_lemma
from chronique.tense import reads_as_present
from chronique.vocabulary import holds_phrase, normalise

_THAN_WINDOW = 3  # words before a comparison's "que" where its "plus", "moins" stands ("plus nombreux que")
_COMPARED_WINDOW = 8  # words before a date where "par rapport à" opens the comparison it is in
_COMPARED_WORDS = 4  # the longest phrase of data/cues.tsv compared_to, in words
_MAX_CLIMB = 6  # steps from a date up to the verb it hangs on
_FIGURE_GAP = 2  # words between "contre" and its figure ("contre plus de 7.000")
_BOUND_WORDS = 3  # words before a date where a `bound` cue stands, as the parse cuts them ("d'", "ici", "à")


def is_nowadays(trigger: Token, expression: TimeExpression, lexicon: EventLexicon) -> bool:
    """Whether "aujourd'hui" dates a state or a generic present: "these days", not the paper's day. A past
    participle alone ("Aujourd'hui mis en examen"; not a verb of motion: "Arrivé aujourd'hui"), a simple
    present (no tense auxiliary) of a state ("il y a", "nous sommes", "compte 1 200 personnes"), a predicate
    with its copula ("sont plus nombreux"), a present passive ("est fermé"), a verb of knowing ("je sais",
    "on se rend compte"), a generic subject ("on me juge"), or a relative clause ("qui entoure aujourd'hui");
    "Elle va aujourd'hui plus loin" is news."""
    if normalise(expression.mention.text) not in lexicon.nowadays_cues or trigger.pos_ == "NOUN":
        return False
    if _heads_sentence_apart(trigger.doc, expression):
        return True  # "Aujourd'hui, la Bretonne a pris ses distances": now, set against what the text told
    verb = trigger.head if "Inf" in trigger.morph.get("VerbForm", []) else trigger  # "on peut aller"
    group = [verb, *(c for c in verb.children if c.dep_.startswith("aux") or c.dep_ == "cop")]
    if len(group) == 1 and _is_past_participle(verb) and verb.lemma_.lower() not in lexicon.etre_verbs:
        return (
            True  # "Aujourd'hui mis en examen, il …", "l'épidémie, aujourd'hui jugée sous contrôle": a state
        )
    finite = [t for t in group if "Fin" in t.morph.get("VerbForm", [])]
    if not finite or any(c.dep_ == "aux:tense" for c in group):
        return False
    if not all("Pres" in t.morph.get("Tense", []) and "Ind" in t.morph.get("Mood", []) for t in finite):
        return False
    lemma = verb.lemma_.lower()
    objects = [c.lemma_.lower() for c in verb.children if c.dep_ == "obj"]
    figure = any(t.like_num and t.text[:1].isdigit() for c in verb.children for t in c.subtree)
    if verb_lemma(verb) in lexicon.stative_verbs and figure:
        return True  # "la page compte aujourd'hui 1 200 membres": a tally these days ("compte" for "compter")
    return (
        lemma in lexicon.stative_verbs
        or lemma in lexicon.cognition_verbs
        or any(f"{lemma} {noun}" in lexicon.cognition_verbs for noun in objects)
        or any(c.dep_ in {"cop", "aux:pass"} for c in group)
        or any(c.dep_.startswith("nsubj") and c.lower_ in lexicon.generic_subjects for c in verb.children)
        # what describes a noun in the present ("l'incertitude qui entoure aujourd'hui son échéance", "des
        # vélos qui sommeillent aujourd'hui dans des caves"): what it is like these days
        or in_relative_clause(verb)
    )


def _heads_sentence_apart(doc: Doc, expression: TimeExpression) -> bool:
    """Whether an expression opens its sentence, nothing but punctuation before it, and a comma sets it apart
    after ("Aujourd'hui, la Bretonne a pris ses distances", "Aujourd'hui, les Français ont peu préparé leurs
    voyages"): "aujourd'hui" set at the head of its sentence contrasts now with what the text told of
    before, these days; the paper's day is told after the verb ("a annoncé aujourd'hui")."""
    span = doc.char_span(expression.mention.start, expression.mention.end, alignment_mode="expand")
    if span is None or span.end >= len(doc) or doc[span.end].text != ",":
        return False
    sentence = sentence_of(span.root)
    return all(t.is_punct or t.is_space for t in doc[sentence.start : span.start])


def is_ongoing(trigger: Token, expression: TimeExpression, lexicon: EventLexicon) -> bool:
    """Whether a clause in the simple present or the imperfect tells what has been going on since a start
    right after "depuis": a state or an activity that lasts ("le scandale qui ébranle l'exécutif depuis
    l'été", "Depuis septembre, il travaille pour la chaîne", "L'Élysée fait face depuis mercredi à des
    critiques", "il disposait d'un badge depuis juillet", "leurs relations sont tendues depuis 2017"): no
    event of that day. Not a compound tense ("qui a éclaté en juillet", "Depuis samedi, le pays a franchi
    le seuil"), nor a passive, whose act is the start's ("qui est hospitalisé depuis jeudi": hospitalised
    that day)."""
    if trigger.pos_ not in {"VERB", "ADJ"}:
        return False
    span = trigger.doc.char_span(expression.mention.start, expression.mention.end, alignment_mode="expand")
    if span is None or span.start == 0:
        return False
    if normalise(trigger.doc[span.start - 1].text) not in lexicon.since_cues:
        return False
    head = trigger.head
    if trigger.dep_ == "xcomp" and verb_lemma(head) in lexicon.stative_verbs:
        # the attribute of a verb of state ("Le musée reste fermé depuis lundi"): that verb's tense tells
        return _lasting_tense(head, head)
    if trigger.pos_ == "ADJ":
        # an adjective with its copula ("sont tendues"); with none it describes a noun
        copula = next((c for c in trigger.children if c.dep_ == "cop"), None)
        return copula is not None and _lasting_tense(trigger, copula)
    if in_relative_clause(trigger) and not any(c.dep_.startswith("aux") for c in trigger.children):
        # a third person in -e is a present, whatever tense the tagger reads ("ébranle"; the passé simple is
        # "ébranla")
        return reads_as_present(trigger) or (
            "Fin" in trigger.morph.get("VerbForm", []) and trigger.lower_[-1:] == "e"
        )
    return _lasting_tense(trigger, trigger)


def _lasting_tense(predicate: Token, finite: Token) -> bool:
    """Whether a predicate is told in the simple present or the imperfect of its finite verb, no auxiliary
    (a compound tense tells an act done, a passive the act whose result lasts)."""
    if any(c.dep_.startswith("aux") for c in [*predicate.children, *finite.children]):
        return False
    imperfect = "Fin" in finite.morph.get("VerbForm", []) and finite.morph.get("Tense", []) == ["Imp"]
    return reads_as_present(finite) or imperfect


def is_habit(trigger: Token, expression: TimeExpression, lexicon: EventLexicon) -> bool:
    """Whether a present or an imperfect tells what is done as a rule, on no one day: a bare weekday after
    "le" ("les commerçants qui travaillent le samedi", "il venait le dimanche") or a word of habit in the
    sentence ("En général, je me retire vers 16h00"). A compound past tells one day ("Il est arrivé le
    samedi"), and so does a weekday with its number ("le samedi 9 février")."""
    if trigger.pos_ == "NOUN":
        return False
    verb = trigger.head if "Inf" in trigger.morph.get("VerbForm", []) else trigger  # "il venait voir"
    group = [verb, *(c for c in verb.children if c.dep_.startswith("aux") or c.dep_ == "cop")]
    finite = [t for t in group if "Fin" in t.morph.get("VerbForm", [])]
    if not finite or any(c.dep_ == "aux:tense" for c in group):
        return False
    if not all(
        t.morph.get("Tense", []) in (["Pres"], ["Imp"]) and "Ind" in t.morph.get("Mood", []) for t in finite
    ):
        return False
    words = normalise(expression.mention.text).split()
    if len(words) == 2 and words[0] == "le" and words[1] in lexicon.weekdays:
        return True
    return _habit_word_in_clause(verb, trigger, lexicon)


# Where a word of habit no longer tells its verb's habit: it describes a noun or stands in another clause ("un
# avion d'ordinaire utilisé pour …").
_OTHER_CLAUSE_DEPS = frozenset({"acl", "acl:relcl", "advcl", "ccomp", "csubj", "parataxis", "conj"})


def _habit_word_in_clause(verb: Token, trigger: Token, lexicon: EventLexicon) -> bool:
    """A word of habit that hangs on the predicate's own clause ("En général, je me retire vers 16h00", "doit
    d'ordinaire avoir lieu"), not on a clause of its own or a noun's ("Comme le révélait Le Parisien vendredi,
    un avion d'ordinaire utilisé pour …": the telling is no habit)."""
    sentence = sentence_of(trigger)
    text = normalise(sentence.text)
    if not holds_phrase(text, lexicon.habit_cues):
        return False
    own = {verb.i, trigger.i}
    for token in sentence:
        rest = normalise(sentence.doc.text[token.idx : sentence.end_char])
        if not any(rest.startswith(cue) for cue in lexicon.habit_cues):
            continue
        current = token
        for _ in range(_MAX_CLIMB):
            if current.i in own:
                return True
            if current.dep_ in _OTHER_CLAUSE_DEPS or current.head.i == current.i:
                break
            current = current.head
    return False


def _is_past_participle(verb: Token) -> bool:
    return "Part" in verb.morph.get("VerbForm", []) and "Past" in verb.morph.get("Tense", [])


def is_bound(doc: Doc, expression: TimeExpression, lexicon: EventLexicon) -> bool:
    """Whether the expression bounds a period rather than dates its clause: the end of one ("jusqu'à
    dimanche"), its start in a comparison ("le plus bas niveau depuis 2001"), or what a comparison measures
    against ("5 points de moins qu'il y a deux semaines", "par rapport à la mobilisation du 5 janvier")."""
    span = doc.char_span(expression.mention.start, expression.mention.end, alignment_mode="expand")
    if span is None or span.start == 0:
        return False
    before = " " + normalise(doc[max(0, span.start - 2) : span.start].text)
    # the cue's words right before the date, one to three of them, whatever is glued on ('"jusqu'à l'été"')
    starts = range(max(0, span.start - _BOUND_WORDS), span.start)
    befores = [" " + normalise(doc[start : span.start].text) for start in starts]
    if any(b.endswith((f" {cue}", f"'{cue}")) for b in befores for cue in lexicon.bound_cues):
        # "peu après 22h30", "juste après le match": a time told roughly, not a bound
        return normalise(doc[span.start - 2].text) not in lexicon.rough_cues if span.start >= 2 else True
    if _before_stretch(span, expression, lexicon):
        return True  # "la réouverture des écoles avant septembre": not in September
    if _at_distance(span, lexicon):
        return True  # "Pour son acte VI à trois jours de Noël": the landmark, not the day
    if normalise(f"{doc[span.start - 1].text} {span.text}") in lexicon.so_far_cues or _is_like(span, lexicon):
        return True  # "l'ont utilisée à ce jour": so far; "comme samedi dernier": a day compared with
    window = doc[max(sentence_of(span.root).start, span.start - _COMPARED_WINDOW) : span.start]
    if _compared_to(window, lexicon) or _against_figure(window, lexicon):
        return True
    than = doc[span.start - 1]
    if normalise(than.text) in lexicon.than_cues:
        # "de moins qu'il y a deux semaines": the comparison's words just before its "que"
        return any(t.lower_ in lexicon.comparison_cues for t in doc[max(0, than.i - _THAN_WINDOW) : than.i])
    if not any(before.endswith(f" {cue}") for cue in lexicon.since_cues):
        return False
    clause = doc[sentence_of(span.root).start : span.start]
    return any(token.lower_ in lexicon.comparison_cues for token in clause)


# Grains of a stretch: before one is not in it; before a day or an hour is that deadline's (OrangeSum's).
_STRETCH_GRAINS = frozenset(
    {Grain.MONTH, Grain.QUARTER, Grain.SEASON, Grain.HALF_YEAR, Grain.YEAR, Grain.DECADE, Grain.CENTURY}
)


def _before_stretch(span: Span, expression: TimeExpression, lexicon: EventLexicon) -> bool:
    """A month, a season or a year right after "avant" ("avant septembre", "avant l'été"), not told roughly
    ("peu avant")."""
    doc = span.doc
    if expression.resolved.grain not in _STRETCH_GRAINS or span.start < 1:
        return False
    if normalise(doc[span.start - 1].text) not in lexicon.before_stretch_cues:
        return False
    return span.start < 2 or normalise(doc[span.start - 2].text) not in lexicon.rough_cues


# "à", a count, a unit and "de" before the landmark: "à trois jours de Noël".
_DISTANCE_WORDS = 4


def _at_distance(span: Span, lexicon: EventLexicon) -> bool:
    """A date after "à", a count, a unit of time and "de" ("à trois jours de Noël", "à deux semaines du 1er
    mai", "à quelques heures du 14 juillet"): the landmark the clause is measured from, not its day."""
    doc = span.doc
    if span.start < _DISTANCE_WORDS:
        return False
    at, count, unit, of = (normalise(t.text) for t in doc[span.start - _DISTANCE_WORDS : span.start])
    counted = count in lexicon.distance_counts or doc[span.start - 3].like_num
    return (
        at in lexicon.distance_cues
        and counted
        and unit in lexicon.distance_units
        and of in {"de", "d'", "du", "des"}
    )


def completing_bounds(
    text: str, expressions: Sequence[TimeExpression], bounds: frozenset[int]
) -> frozenset[int]:
    """The bounds with the clock times that complete them ("jusqu'au mardi 00h00": the clock time is the
    bound's, a space between), as starts of the expressions."""
    ordered = sorted(expressions, key=lambda e: e.mention.start)
    completing = {
        later.mention.start
        for earlier, later in itertools.pairwise(ordered)
        if earlier.mention.start in bounds
        and later.resolved.type is TimexType.TIME
        and not text[earlier.mention.end : later.mention.start].strip()
    }
    return bounds | completing


def is_running_total(doc: Doc, expression: TimeExpression, lexicon: EventLexicon, published: dt.date) -> bool:
    """Whether the expression is the start of a count told up to now: "depuis" it (or "depuis" a phrase it is
    set beside, ``apposed_phrase``) and a count ("Depuis le 1er mars, 23.293 personnes sont mortes", "24.087
    morts depuis le 1er mars", "le nombre de décès depuis le 1er mars", "Depuis le début du mouvement, le 17
    novembre, 2.448 personnes ont été blessées"): the total runs up to the paper's day, none of it is the
    start's, and the paper's day makes no news of a tally. The start dates it when its month or year holds
    the publication too, as OrangeSum dates it ("Depuis le début de l'année 2018, treize règlements de
    comptes ont eu lieu", written in June 2018: 2018). A state since a day keeps that day ("hospitalisé
    depuis jeudi", "mariée depuis 2002")."""
    resolved = expression.resolved
    start, end = resolved.date_start, resolved.date_end
    if start is not None and end is not None and start <= published <= end:
        return False
    span = doc.char_span(expression.mention.start, expression.mention.end, alignment_mode="expand")
    if span is None or span.start == 0:
        return False
    phrase = apposed_phrase(span, lexicon)
    if phrase is not None:
        since = any(c.dep_ == "case" and c.lower_ in lexicon.since_cues for c in phrase.children)
        predicate = _verb_above(phrase)
    else:
        since = normalise(doc[span.start - 1].text) in lexicon.since_cues
        predicate = predicate_of(span, lexicon)
    if not since or predicate is None:
        return False
    # a change measured since the day ("a bondi depuis le 17 mars") is told up to now as a count is
    return _counts(predicate, lexicon) or verb_lemma(predicate) in lexicon.change_verbs


def records_tally(trigger: Token, lexicon: EventLexicon) -> bool:
    """Whether a verb of recording tells a count of more than one with no word of increment ("En France, onze
    cas de contamination ont été confirmés", "Dans le Morbihan, 14 cas ont été confirmés"): the tally so far,
    no news of the paper's day. The day's new ones ("688 nouveaux cas", "deux autres cas") and a case told
    one by one ("un quatrième cas a été détecté") are."""
    if verb_lemma(trigger) not in lexicon.recording_verbs or not counts(trigger, lexicon):
        return False
    counted = [c for c in trigger.children if c.dep_ in {"nsubj", "nsubj:pass", "obj"}]
    words = [t for c in counted for t in c.subtree]
    if any(normalise(t.text) in lexicon.increment_cues for t in words):
        return False
    # a cardinal, not an ordinal ("un quatrième cas": the like_num of the model holds both)
    return any(
        t.like_num and t.lower_ not in _ARTICLES and (t.pos_ == "NUM" or t.text[:1].isdigit()) for t in words
    )


def changes_since(trigger: Token, lexicon: EventLexicon) -> bool:
    """Whether a verb of change is measured from a start "depuis" names, dated or not ("Les ventes de tabac
    ont bondi de 30 % depuis les mesures de confinement, rapporte Le Parisien jeudi 2 avril", "Le trafic a
    reculé depuis le début de la crise"): a change up to now, no event of the day that reports it."""
    if verb_lemma(trigger) not in lexicon.change_verbs:
        return False
    return any(
        c.dep_.startswith("obl")
        and any(g.dep_ == "case" and normalise(g.text) in lexicon.since_cues for g in c.children)
        for c in trigger.children
    )


def is_cumulative(trigger: Token, lexicon: EventLexicon) -> bool:
    """Whether a predicate tells a count as the total so far: a word of total in its sentence ("Au total",
    "cumulés") and a count it tells (``_counts``: "Au total, 64.338 cas ont été confirmés", "2.000 cas cumulés
    ont été recensés"). Such a tally runs up to the paper's day; it is no event of that day."""
    sentence = sentence_of(trigger)
    # not in a clause of its own under the predicate: "a annoncé 15 nouveaux décès, portant à 48 le nombre de
    # morts depuis le début de l'épidémie" tells the day's count, and the total after it
    own = [t for t in sentence if _clause_verb(t) in {None, trigger.i}]
    text = normalise(" ".join(t.text for t in own))
    return holds_phrase(text, lexicon.cumulative_cues) and _counts(trigger, lexicon)


def tells_total(sentence: Span, lexicon: EventLexicon) -> bool:
    """Whether a sentence tells a count as the total so far: a word of total ("Au total", "depuis le début",
    "à ce jour") and a predicate that counts. What the next sentences count goes on with that tally."""
    text = normalise(sentence.text)
    if not holds_phrase(text, lexicon.cumulative_cues | lexicon.so_far_cues):
        return False
    return any(t.pos_ in {"VERB", "AUX"} and counts(t, lexicon) for t in sentence)


def releases_tally(trigger: Token, lexicon: EventLexicon) -> bool:
    """Whether a bare past participle describes a tally given out again and again ("selon le dernier bilan
    communiqué mardi", "le décompte publié lundi", "les derniers chiffres communiqués dimanche"): the day it
    was released, the source of a count, no event of the story."""
    noun = trigger.head
    # a tally told as the latest ("selon les derniers chiffres communiqués dimanche") is one given out again
    # and again, whatever its noun; "les chiffres rendus publics hier par l'INSEE" is a release (FTiB's event)
    latest = noun.lemma_.lower() in lexicon.tally_nouns and any(
        c.dep_ == "amod" and normalise(c.text) in lexicon.latest_cues for c in noun.children
    )
    if noun.pos_ != "NOUN" or noun.i > trigger.i:
        return False
    if noun.lemma_.lower() not in lexicon.updated_tallies and not latest:
        return False
    if trigger.pos_ == "NOUN":
        # the tagger reads some participles as nouns ("le bilan communiqué lundi"): a noun with neither a
        # determiner nor a preposition, right after the noun it describes
        return trigger.dep_ == "nmod" and not any(c.dep_ in {"det", "case"} for c in trigger.children)
    if trigger.pos_ != "VERB" or "Part" not in trigger.morph.get("VerbForm", []):
        return False
    # with an auxiliary ("le bilan a été publié mardi") the publishing is told as an act
    return trigger.dep_ in {"acl", "amod"} and not any(c.dep_.startswith("aux") for c in trigger.children)


def tells_a_share(trigger: Token, lexicon: EventLexicon) -> bool:
    """Whether a predicate gives a poll's or a statistic's figure: a verb in the present or the imperfect
    whose subject is a share ("75 % des Français déclarent", "la proportion de Français … recule", "la
    moitié des sondés doutent") or a tally ("le nombre de cas s'élève à 1 200"), or a clause such a subject
    says or thinks ("Seuls 19 % des Français estiment que les mesures les ont rassurés"). A figure so far is
    no event of any day; a release told of the poll is ("un sondage publié mardi")."""
    verb = trigger
    for _ in range(_MAX_CLIMB):
        if verb.pos_ not in {"VERB", "AUX", "ADJ"}:
            return False
        subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubj:pass"}), None)
        if subject is not None and _is_share(subject, lexicon):
            copula = next((c for c in verb.children if c.dep_ == "cop"), verb)
            return _lasting_tense(verb, copula)
        head = verb.head
        said = verb.dep_ == "ccomp" and verb_lemma(head) in lexicon.reporting_verbs
        aimed = verb.dep_ == "xcomp" and "Inf" in verb.morph.get("VerbForm", [])
        if not (said or aimed) or head.i == verb.i or head.i > verb.i:
            return False  # only what it says ("estiment que …") or sets out to do ("déclarent essayer")
        verb = head
    return False


def _is_share(subject: Token, lexicon: EventLexicon) -> bool:
    """A subject that is a share or a tally: a percentage in it ("75 %", "10 pour cent"), a noun of share or
    of tally at its head, or a share of those a poll asks ("la moitié des sondés")."""
    words = list(subject.subtree)
    percentage = any(
        "%" in t.text or (t.lower_ == "cent" and t.i > 0 and t.doc[t.i - 1].lower_ == "pour") for t in words
    )
    nouns = lexicon.share_nouns | lexicon.tally_nouns
    asked = any(c.dep_ == "nmod" and c.lower_ in lexicon.share_nouns for c in subject.children)
    return percentage or subject.lemma_.lower() in nouns or asked


# An article, not a count: "une fleur", "un homme" (the model reads "un", "une" as numbers).
_ARTICLES = frozenset({"un", "une"})


def counts(predicate: Token, lexicon: EventLexicon) -> bool:
    """Whether a predicate tells a count (``_counts``) with a figure in its subject or object, not an
    article: "74.117 personnes sont rentrées", "trois patients sont morts"; not "a amené une fleur"."""
    if not _counts(predicate, lexicon):
        return False
    counted = [c for c in predicate.children if c.dep_ in {"nsubj", "nsubj:pass", "obj"}]
    return any(t.like_num and t.lower_ not in _ARTICLES for c in counted for t in c.subtree)


def _clause_verb(token: Token) -> int | None:
    """The index of the verb whose clause holds a token: the first verb at or above it; a past participle
    describing a noun is none ("2.000 cas cumulés": the noun's word)."""
    current = token
    for _ in range(_MAX_CLIMB):
        describing = current.dep_ == "acl" and "Past" in current.morph.get("Tense", [])
        if current.pos_ == "VERB" and not describing:
            return current.i
        if current.head.i == current.i:
            return None
        current = current.head
    return None


def _verb_above(token: Token) -> Token | None:
    """The first verb above a token in the parse."""
    current = token
    for _ in range(_MAX_CLIMB):
        if current.head.i == current.i:
            return None
        current = current.head
        if current.pos_ == "VERB":
            return current
    return None


def _counts(predicate: Token, lexicon: EventLexicon) -> bool:
    """Whether a predicate tells a count: an event noun counted ("24.087 morts", "le nombre de décès"), a
    verb whose subject or object is ("23.293 personnes sont mortes", "a distribué 18 millions de masques"),
    or a relative clause of a counted noun ("10.129 décès qui ont été comptabilisés")."""
    if predicate.pos_ == "NUM":
        return True  # a figure with its copula: "Le bilan est toujours de quatre depuis le 14 février"
    if predicate.pos_ == "NOUN":
        return _is_counted(predicate, lexicon)
    if predicate.dep_ in {"acl", "acl:relcl"} and _is_counted(predicate.head, lexicon):
        return True
    return any(
        child.dep_ in {"nsubj", "nsubj:pass", "obj"} and _is_counted(child, lexicon)
        for child in predicate.children
    )


def _is_counted(noun: Token, lexicon: EventLexicon) -> bool:
    """A number, a noun with its number ("2.448 personnes"), or what a noun of tally counts ("le nombre de
    décès", "le total des morts")."""
    if noun.pos_ == "NUM" or any(c.dep_ in {"nummod", "det"} and c.like_num for c in noun.children):
        return True  # the parse may read "49 000" as determiners
    if noun.like_num and noun.text[:1].isdigit():
        return True  # a figure the parse reads as the noun ("8.911 personnes", "personnes" its flat:name)
    if noun.head.like_num and noun.head.i < noun.i:
        return True  # "ce sont 10.129 décès qui …", the number read as the head
    if noun.i > 0 and noun.doc[noun.i - 1].text[:1].isdigit() and noun.doc[noun.i - 1].like_num:
        return True  # "a causé 25.987 décès", "10.416 résidents": a figure with a dot, whatever its label
    return noun.dep_ == "nmod" and noun.head.lemma_.lower() in lexicon.tally_nouns


# Words that may stand between "comme" and the day it compares with: "comme le 1er décembre", "comme en 2018".
_LIKE_GAP = 1


def _is_like(span: Span, lexicon: EventLexicon) -> bool:
    """A day right after "comme", at most a determiner or a preposition between ("comme samedi dernier",
    "comme en 2018"): a day compared with, no date of the clause ("comme prévu samedi" is the plan's)."""
    doc = span.doc
    for back in range(1, _LIKE_GAP + 2):
        if span.start - back < 0:
            return False
        word = doc[span.start - back]
        if normalise(word.text) in lexicon.like_cues:
            return True
        if word.pos_ not in {"DET", "ADP"}:
            return False
    return False


def _against_figure(before: Span, lexicon: EventLexicon) -> bool:
    """Whether the words before a date set a figure against the clause's ("contre plus de 7.000 à son pic
    début avril", "contre 18 la veille"): a word of `against`, a number at most ``_FIGURE_GAP`` words after
    it, no verb between it and the date but a past participle that describes the figure ("contre quatre
    recensés jeudi": the figure's day, no event of its own)."""
    for index, token in enumerate(before):
        if token.lower_ not in lexicon.against_cues:
            continue
        figure = any(t.like_num for t in before[index + 1 : index + 2 + _FIGURE_GAP])
        verbs = [t for t in before[index:] if t.pos_ in {"VERB", "AUX"} and not _describes_figure(t)]
        if figure and not verbs:
            return True
    return False


def _describes_figure(verb: Token) -> bool:
    """A bare past participle right after a figure that stands for its noun ("quatre recensés", "10.650
    enregistrés"); not one of a noun the figure counts ("contre 4 amendements déposés jeudi": their day)."""
    auxiliaries = any(c.dep_.startswith("aux") for c in verb.children)
    bare = "Part" in verb.morph.get("VerbForm", []) and not auxiliaries
    counted = verb.i > 0 and (verb.head.like_num or verb.doc[verb.i - 1].like_num)
    return bare and "Past" in verb.morph.get("Tense", []) and counted


def _compared_to(before: Span, lexicon: EventLexicon) -> bool:
    """Whether the words before a date open a comparison with it ("par rapport aux 50.000 de la semaine
    précédente"), no verb between."""
    words = [t.lower_.replace("’", "'") for t in before]
    for index in range(len(words)):
        opening = " ".join(words[index : index + _COMPARED_WORDS])
        if any(opening == p or opening.startswith(p + " ") for p in lexicon.compared_to_cues):
            return not any(t.pos_ in {"VERB", "AUX"} for t in before[index:])
    return False


def is_scheduled(expression: TimeExpression, expressions: Sequence[TimeExpression]) -> bool:
    """Whether a clock time with no day of its own belongs to a schedule: a set stands in its sentence ("sera
    ouvert de 9H à 19H00 tous les jours", "ouvert chaque jour de 8 h à 20 h"). It tells the hours of what
    recurs, no day of the clause: no row of the paper's day at that hour."""
    fields = expression.mention.fields
    if expression.resolved.type is not TimexType.TIME or fields.hour is None:
        return False
    if any(
        v is not None for v in (fields.day, fields.weekday, fields.month, fields.shift_unit, fields.relation)
    ):
        return False
    return any(
        other.sentence == expression.sentence and other.resolved.type is TimexType.SET
        for other in expressions
    )


def is_unanchored_sequel(
    doc: Doc, expression: TimeExpression, lexicon: EventLexicon, published: dt.date
) -> bool:
    """Whether a day counted on from the text's last day ("le lendemain", "le surlendemain") falls after the
    paper's day in a clause told in the past: the text named no day before it, so it counts from the
    publication, and a thing told done cannot be the next day's ("Mais le lendemain, un nouvel appel a été
    lancé", the day after some day the article does not give). It dates no row. Not the day after a thing
    the text names ("au lendemain de la quatrième journée de mobilisation"), which is counted as it is."""
    fields = expression.mention.fields
    start = expression.resolved.date_start
    counted_on = fields.from_anchor and fields.shift_unit is Unit.DAY and (fields.shift or 0) > 0
    told_past = expression.direction is Direction.PAST
    if not (counted_on and told_past and start is not None and start > published):
        return False
    span = doc.char_span(expression.mention.start, expression.mention.end, alignment_mode="expand")
    if span is None:
        return False
    after = doc[span.end] if span.end < len(doc) else None
    return after is None or normalise(after.text) not in lexicon.complement_cues
