"""Which time expression dates which predicate.

The predicate a time expression hangs on in the parse is the one it dates first (``a commencé jeudi``);
every other predicate of the sentence (a coordinated verb, a modal, an event noun) takes the time
expression nearest to it in the dependency tree. Only the first kind leads a timeline row.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from chronique.clauses import SummaryWords
from chronique.modality import ModalityLexicon
from chronique.model import Grain, TimeExpression
from chronique.nlp import ParseWords, sentence_of, sentence_spans, verb_group_start
from chronique.phrases import is_locution
from chronique.tense import main_verb_after_infinitive, passive_subject_before
from chronique.vocabulary import Vocabulary, normalise
from chronique.voices import (
    is_incise_saying,
    quotation_reported,
    quotations,
    reported_head,
    saying_before,
    saying_set_apart,
)

# Finer first: when two expressions are equally near a predicate, the finer one dates it.
GRAIN_PRECISION: Mapping[Grain, int] = {
    Grain.TIME: 0,
    Grain.PART_OF_DAY: 1,
    Grain.DAY: 2,
    Grain.INTERVAL: 3,
    Grain.WEEKEND: 3,
    Grain.WEEK: 4,
    Grain.MONTH: 5,
    Grain.QUARTER: 6,
    Grain.SEASON: 7,
    Grain.HALF_YEAR: 8,
    Grain.YEAR: 9,
    Grain.DECADE: 10,
    Grain.CENTURY: 11,
    Grain.REF: 12,  # "désormais": dates an event to the publication day, when nothing closer does
}
# Grains that date no predicate: a duration is a length, not a date. Every Grain is in one of the two.
UNDATED_GRAINS = frozenset({Grain.DURATION})
_MAX_CLIMB = 6
# The sentences after a headline that tell its news (the lead).
_HEADLINE_LEAD = 2
# How many infinitives up a past infinitive governs a date ("d'avoir tenté de faire sauter").
_INFINITIVE_CHAIN = 3
# How far up its complements a date after "du" looks for an event noun: one step ("la manifestation des
# pompiers du 15 octobre"; not "une baisse de 8 points par rapport à la mesure du 13 mars").
_NOUN_CHAIN = 1


@dataclass(frozen=True, slots=True)
class EventLexicon:
    """The French words the event stage uses, from the vocabulary."""

    event_nouns: frozenset[str]
    place_nouns: frozenset[str]
    reporting_verbs: frozenset[str]
    modal_verbs: frozenset[str]
    inherit_cues: frozenset[str]
    modality: ModalityLexicon
    parse_words: ParseWords = field(default_factory=ParseWords)  # for ``chronique.nlp.Participants``
    # for the publication day (``chronique.events``): what news grammar dates by it, and what it does not
    etre_verbs: frozenset[str] = frozenset()
    stative_verbs: frozenset[str] = frozenset()
    change_verbs: frozenset[str] = frozenset()  # "a bondi depuis le 17 mars": measured from that day
    recording_verbs: frozenset[str] = frozenset()  # "onze cas ont été confirmés": a count recorded
    increment_cues: frozenset[str] = frozenset()  # "688 nouveaux cas": the day's new ones
    latest_cues: frozenset[str] = frozenset()  # "les derniers chiffres communiqués": an updated tally
    announcement_verbs: frozenset[str] = frozenset()
    background_cues: frozenset[str] = frozenset()
    venue_nouns: frozenset[str] = frozenset()  # for places: "au centre hospitalier de Belfort"
    bound_cues: frozenset[str] = frozenset()  # "jusqu'à dimanche": the end of a period dates no row
    before_stretch_cues: frozenset[str] = frozenset()  # "avant l'été": before a stretch, not in it
    rough_cues: frozenset[str] = frozenset()  # "peu après 22h30": a time told roughly, no bound
    since_cues: frozenset[str] = frozenset()  # "depuis": a bound only in a comparison
    comparison_cues: frozenset[str] = frozenset()  # "le plus bas niveau depuis 2001"
    locution_nouns: frozenset[str] = frozenset()  # "mise en place", "mis en examen": part of the verb
    than_cues: frozenset[str] = frozenset()  # "5 points de moins qu'il y a deux semaines"
    compared_to_cues: frozenset[str] = frozenset()  # "par rapport à la mobilisation du 5 janvier"
    against_cues: frozenset[str] = frozenset()  # "955 malades, contre plus de 7.000 début avril"
    like_cues: frozenset[str] = frozenset()  # "comme samedi dernier": a day compared with
    relating_cues: frozenset[str] = frozenset()  # "Après la réouverture samedi, …": no date of the clause
    so_far_cues: frozenset[str] = frozenset()  # "à ce jour": so far
    distance_cues: frozenset[str] = frozenset()  # "à trois jours de Noël": the "à" of a landmark
    distance_counts: frozenset[str] = frozenset()  # "trois", "quelques": how far from the landmark
    distance_units: frozenset[str] = frozenset()  # "jours", "semaines": the unit of that distance
    cumulative_cues: frozenset[str] = frozenset()  # "au total", "cumulés": a count so far
    complement_cues: frozenset[str] = frozenset()  # "la grève du 5 décembre": the date completes the noun
    placing_cues: frozenset[str] = frozenset()  # "emmenée aux urgences à 3h20": the time is the verb's
    interrupting_cues: frozenset[str] = frozenset()  # "il rentrait quand il a été agressé": the event
    tally_nouns: frozenset[str] = frozenset()  # "le nombre de décès depuis le 1er mars": a count
    updated_tallies: frozenset[str] = frozenset()  # "le dernier bilan communiqué mardi": a count's source
    share_nouns: frozenset[str] = frozenset()  # "la proportion de Français qui …": a poll's figure
    times_nouns: frozenset[str] = frozenset()  # "vue près de 700.000 fois": how often, a tally
    backdrop_cues: frozenset[str] = frozenset()  # "Alors que …," opening a sentence: no continuation
    reminder_cues: frozenset[str] = frozenset()  # "Pour rappel, …" opening a sentence: background
    relative_cues: frozenset[str] = frozenset()  # "depuis le début, le 17 novembre,": the phrase's date
    nowadays_cues: frozenset[str] = frozenset()  # "aujourd'hui" with a state: "these days"
    generic_subjects: frozenset[str] = frozenset()  # "on se rend compte"
    habit_cues: frozenset[str] = frozenset()  # "en général …": what is done as a rule
    opening_cues: frozenset[str] = frozenset()  # "à partir de", "dès le": a preposition, no predicate
    continuing_cues: frozenset[str] = frozenset()  # "Il a ainsi justifié …": goes on with the sentence before
    weekdays: frozenset[str] = frozenset()  # "qui travaillent le samedi": a bare weekday of a habit
    cognition_verbs: frozenset[str] = frozenset()  # "je sais", "on se rend compte"
    summary_words: SummaryWords = field(default_factory=SummaryWords)  # for ``chronique.summaries``
    relay_verbs: frozenset[str] = frozenset()  # "…, rapporte RTL vendredi": the relayed clause is the event
    dating_verbs: frozenset[str] = frozenset()  # "un épisode datant de 2016": the noun's date
    asked_verbs: frozenset[str] = frozenset()  # "Interrogé lundi sur RTL, le ministre a affirmé"
    institution_nouns: frozenset[str] = frozenset()  # "l'Assemblée": a name, no "assemblée générale"

    @classmethod
    def from_vocabulary(cls, vocabulary: Vocabulary) -> EventLexicon:
        nouns, verbs = vocabulary["nouns"], vocabulary["verbs"]
        return cls(
            event_nouns=nouns.forms_of("event"),
            institution_nouns=nouns.forms_of("institution"),
            place_nouns=nouns.forms_of("place"),
            reporting_verbs=verbs.forms_of("reporting_verbs"),
            modal_verbs=verbs.forms_of("modal_verbs"),
            inherit_cues=vocabulary["cues"].forms_of("inherit"),
            modality=ModalityLexicon.from_vocabulary(vocabulary),
            parse_words=ParseWords.from_vocabulary(vocabulary),
            etre_verbs=verbs.forms_of("etre_verbs"),
            stative_verbs=verbs.forms_of("stative_verbs"),
            change_verbs=verbs.forms_of("change_verbs"),
            recording_verbs=verbs.forms_of("recording_verbs"),
            increment_cues=vocabulary["cues"].forms_of("increment"),
            latest_cues=vocabulary["cues"].forms_of("latest"),
            announcement_verbs=verbs.forms_of("announcement_verbs"),
            background_cues=vocabulary["cues"].forms_of("background"),
            venue_nouns=nouns.forms_of("venue"),
            bound_cues=vocabulary["cues"].forms_of("bound"),
            before_stretch_cues=vocabulary["cues"].forms_of("before_stretch"),
            rough_cues=vocabulary["cues"].forms_of("rough"),
            since_cues=vocabulary["cues"].forms_of("since"),
            comparison_cues=vocabulary["cues"].forms_of("comparison"),
            locution_nouns=nouns.forms_of("locution"),
            than_cues=vocabulary["cues"].forms_of("than"),
            compared_to_cues=vocabulary["cues"].forms_of("compared_to"),
            against_cues=vocabulary["cues"].forms_of("against"),
            like_cues=vocabulary["cues"].forms_of("like"),
            relating_cues=vocabulary["cues"].forms_of("relating"),
            so_far_cues=vocabulary["cues"].forms_of("so_far"),
            distance_cues=vocabulary["cues"].forms_of("distance"),
            distance_counts=vocabulary["cues"].forms_of("distance_count")
            | frozenset(normalise(f) for e in vocabulary["numbers"].entries for f in e.forms),
            distance_units=frozenset(normalise(f) for e in vocabulary["units"].entries for f in e.forms),
            cumulative_cues=vocabulary["cues"].forms_of("cumulative"),
            complement_cues=vocabulary["cues"].forms_of("complement"),
            placing_cues=vocabulary["cues"].forms_of("placing"),
            interrupting_cues=vocabulary["cues"].forms_of("interrupting"),
            relative_cues=vocabulary["cues"].forms_of("relative"),
            backdrop_cues=vocabulary["cues"].forms_of("backdrop"),
            reminder_cues=vocabulary["cues"].forms_of("reminder"),
            tally_nouns=vocabulary["nouns"].forms_of("tally"),
            updated_tallies=vocabulary["nouns"].forms_of("updated_tally"),
            share_nouns=vocabulary["nouns"].forms_of("share"),
            times_nouns=vocabulary["nouns"].forms_of("times"),
            nowadays_cues=vocabulary["cues"].forms_of("nowadays"),
            generic_subjects=vocabulary["cues"].forms_of("generic_subject"),
            habit_cues=vocabulary["cues"].forms_of("habit"),
            opening_cues=vocabulary["cues"].forms_of("opening"),
            continuing_cues=vocabulary["cues"].forms_of("continuing"),
            weekdays=frozenset(f for d in range(1, 8) for f in vocabulary["weekdays"].forms_of(str(d))),
            cognition_verbs=verbs.forms_of("cognition_verbs"),
            summary_words=SummaryWords.from_vocabulary(vocabulary),
            relay_verbs=verbs.forms_of("relay_verbs"),
            dating_verbs=verbs.forms_of("dating_verbs"),
            asked_verbs=verbs.forms_of("asked_verbs"),
        )


@dataclass(frozen=True, slots=True)
class Anchor:
    """A predicate and the time expression that dates it."""

    trigger: Token
    expression: TimeExpression
    primary: bool  # the expression hangs on this predicate in the parse


def is_noun_participle(token: Token) -> bool:
    """A participle with a determiner is a noun ("un manifestant", "les blessés"): a person, no event."""
    return "Part" in token.morph.get("VerbForm", []) and any(c.dep_ == "det" for c in token.children)


def is_describing_participle(token: Token) -> bool:
    """A present participle describing a noun ("une passerelle surplombant la Seine", "un homme portant un
    gilet"): what the noun is like, not what happened; a date after it dates the clause around it."""
    return (
        token.dep_ == "acl"
        and "Part" in token.morph.get("VerbForm", [])
        and "Pres" in token.morph.get("Tense", [])
        # a French present participle ends in -ant: not a noun the tagger read as one ("déconfinement")
        and token.text.lower().endswith("ant")
    )


def in_relative_clause(verb: Token) -> bool:
    """Whether a verb heads a relative clause: a relative pronoun before it, only its subject, auxiliaries
    and their words between ("les zones où ont été signalés des cas", "la Chine, d'où l'épidémie est partie",
    "l'homme qui a été arrêté"), whatever the parse hung them on."""
    for token in reversed(verb.doc[verb.sent.start : verb.i]):
        if "Rel" in token.morph.get("PronType", []):
            return True
        if token.is_punct or token.pos_ in {"VERB", "SCONJ", "CCONJ"}:
            return False
    return False


def is_event_noun(token: Token, lexicon: EventLexicon) -> bool:
    """A noun of ``event_nouns`` ("la grève", "une assemblée générale"), not the capitalised name of an
    institution it also is (``institution_nouns``) inside a sentence ("l'Assemblée", "le Conseil d'État")."""
    lemma = token.lemma_.lower()
    if lemma not in lexicon.event_nouns:
        return False
    named = token.text[:1].isupper() and not token.text.isupper() and not token.is_sent_start
    return not (named and lemma in lexicon.institution_nouns)


def is_predicate(token: Token, lexicon: EventLexicon) -> bool:
    """A verb (not an auxiliary), an event noun, a predicate adjective with its copula, or a number with its
    copula (a count on a day: "Ils étaient 40 500 samedi 23 mars")."""
    if token.pos_ == "VERB":
        return not token.dep_.startswith("aux") and not is_noun_participle(token)
    if token.pos_ == "AUX":
        return token.dep_ == "ROOT" and not any(c.pos_ == "VERB" for c in token.children)
    if token.pos_ == "NOUN":
        return is_event_noun(token, lexicon)
    if token.pos_ == "ADJ":
        # a copula ("était très faible"), or a tense auxiliary: "ils se sont mariés" is a passé composé the
        # model reads as an adjective
        return any(child.dep_ in {"cop", "aux:tense"} for child in token.children)
    if token.pos_ in {"NUM", "PRON"} and "Card" in token.morph.get("NumType", []):
        # "être" with a number, read as a copula or as a passive's auxiliary ("Ils étaient 282.000")
        return any(c.dep_ in {"cop", "aux:pass"} and c.lemma_ == "être" for c in token.children)
    return False


def is_bare_object(token: Token, lexicon: EventLexicon) -> bool:
    """A noun with no determiner as a verb's object makes one verb with it ("a lieu", "prend part", "fait
    face"): what the verb tells, not an event of its own."""
    return (
        token.pos_ == "NOUN"
        and token.dep_ == "obj"
        and token.head.pos_ in {"VERB", "AUX"}
        and not is_event_noun(token, lexicon)
        and not any(c.dep_ in {"det", "nummod", "amod"} for c in token.children)
    )


def predicate_of(span: Span, lexicon: EventLexicon, timex_tokens: Collection[int] = ()) -> Token | None:
    """The verb or event noun a time expression hangs on: the first one above it in the parse.

    A noun the expression directly completes names what happened then ("le recensement de 1990", and right
    after "du", "de", whatever the parse: ``_completed_noun``); another
    time expression it hangs on is no predicate ("vendredi à 20 h": the hour goes on up to the verb).
    """
    entry = chronology_entry(span)
    if entry is not None:
        return entry
    completed = _completed_noun(span, lexicon)
    if completed is not None:
        return completed
    phrase = apposed_phrase(span, lexicon)
    if phrase is not None:
        return _event_within(phrase, lexicon)
    before = _set_apart_after_verb(span, lexicon) or _set_apart_after_event(span, lexicon)
    if before is not None:
        return before
    root = span.root
    current = root
    opening = _opening_words(span, lexicon)
    for step in range(_MAX_CLIMB):
        if current.head.i == current.i:
            return None
        current = current.head
        if current.i in range(span.start, span.end) or current.i in timex_tokens or current.i in opening:
            continue
        if current.dep_ == "acl" and current.lemma_.lower() in lexicon.dating_verbs:
            # "un épisode datant de 2016", "des images datant du 1er mai": the noun's date, the event it names
            # or none; never the clause's ("Le Monde a eu écho d'un épisode datant de 2016")
            noun = current.head
            return noun if noun.pos_ == "NOUN" and is_event_noun(noun, lexicon) else None
        if is_describing_participle(current):
            continue  # "une passerelle surplombant la Seine le 5 janvier": the date goes on up
        if (current.pos_ in {"VERB", "AUX"} and not is_noun_participle(current)) or (
            current.pos_ in {"ADJ", "NUM", "PRON"} and is_predicate(current, lexicon)
        ):
            return main_verb_after_infinitive(span, current) or current
        if (
            current.pos_ == "NOUN"
            and current.head.i != current.i
            and is_locution(current, lexicon.locution_nouns)
        ):
            continue  # "s'est mise en place samedi": the date goes on up to the verb
        if is_bare_object(current, lexicon):
            continue  # "La scène a lieu samedi": "avoir lieu" is the verb
        if current.pos_ == "NOUN" and (
            is_event_noun(current, lexicon)
            or (
                step == 0
                and root.dep_ in {"nmod", "obl"}
                and not _places_the_verb(span, current, lexicon)
                and not _closes_phrase(span, current, lexicon)
                and not _closes_sentence_apart(span)
            )
        ):
            return _governing_event(current, lexicon)
    return None


def _set_apart_after_verb(span: Span, lexicon: EventLexicon) -> Token | None:
    """The verb right before a date set apart by commas, its negation between them ("mais il n'y a pas,
    aujourd'hui, de cas supplémentaires", "Le ministre a démenti, lundi, toute démission"): the date tells
    when that verb's clause holds, whatever other verb of the sentence the parse hangs it on ("« nous aurons
    des cas possibles mais il n'y a pas, aujourd'hui, de cas »": not the day of "aurons")."""
    doc = span.doc
    if span.start < 2 or span.end >= len(doc) or doc[span.start - 1].text != ",":
        return None
    if doc[span.end].text != ",":
        return None
    verb = doc[span.start - 2]
    while verb.lower_ in lexicon.modality.negations and verb.i > sentence_of(span.root).start:
        verb = doc[verb.i - 1]  # "il n'y a pas, aujourd'hui,"
    if verb.pos_ != "VERB":
        return None
    # a finite verb, or a participle with its finite auxiliary ("a démenti, lundi,"); not a bare participle
    # describing a noun ("en l'absence de cas identifié, le 30 mars, le commandement a pris …"), a gerund
    # ("en recevant, lundi 29 juin, …") or an infinitive, whose clause the date does not close
    group = [verb, *(c for c in verb.children if c.dep_.startswith("aux"))]
    return verb if any("Fin" in t.morph.get("VerbForm", []) for t in group) else None


def _set_apart_after_event(span: Span, lexicon: EventLexicon) -> Token | None:
    """The event noun a phrase names, when a date set apart by commas closes that phrase after the main verb
    ("a souligné qu'il était trop tôt pour tirer des conclusions de la levée partielle du confinement de la
    population, le 11 mai, même si …": the lifting's day, not the saying's), whatever noun of its
    complements stands last. Not a phrase fronted before the main verb ("Lors de la manifestation, le 3
    septembre, un policier a été blessé": the clause's day), nor a verb's object."""
    doc = span.doc
    if span.start < 2 or span.end >= len(doc) or doc[span.start - 1].text != ",":
        return None
    if doc[span.end].text != "," or span.start < sentence_of(span.root).root.i:
        return None
    noun = doc[span.start - 2]
    if noun.pos_ != "NOUN":
        return None
    event = _event_noun_up(noun, lexicon)
    if not is_event_noun(event, lexicon):
        return None
    event = _governing_event(event, lexicon)
    # only a phrase completing another noun ("des conclusions … de la levée"); a verb's object keeps what the
    # parse gives it
    return event if event.dep_ == "nmod" else None


# The most words of a preposition that opens a time expression ("à partir d'").
_OPENING_WORDS = 3


def _opening_words(span: Span, lexicon: EventLexicon) -> frozenset[int]:
    """The words right before an expression that make the preposition opening it ("A partir d'aujourd'hui,
    on va rentrer …", "à partir du 18 mai"): the "partir" of "à partir de" is no verb, whatever the tagger
    reads; a capital "A" is written without its accent."""
    doc = span.doc
    for size in range(_OPENING_WORDS, 0, -1):
        start = span.start - size
        if start < 0:
            continue
        words = normalise(" ".join(t.text for t in doc[start : span.start])).replace("' ", "'")
        if doc[start].text == "A":
            words = "à" + words[1:]
        if words in lexicon.opening_cues:
            return frozenset(range(start, span.start))
    return frozenset()


# what may stand before a chronology entry's date on its line: a bullet or a dash
_ENTRY_BULLETS = frozenset({"-", "–", "—", "•", "*", "·"})


def chronology_entry(span: Span) -> Token | None:
    """The event of a chronology entry, a date that opens its line before a colon ("15 mars 2011 : début de
    la révolte à Deraa", "- 21 août 2013 : une attaque chimique frappe la Ghouta", "Le 3 mai : manifestation
    à Paris"): the entry's first verb, else, when it has none, the noun that heads it (an entry names what
    happened that day, whatever the parse makes of a line without a verb). None for any other date."""
    doc = span.doc
    if span.end >= len(doc) or doc[span.end].text != ":":
        return None
    sentence = sentence_of(span.root)
    if any(t.text not in _ENTRY_BULLETS and not t.is_space for t in doc[sentence.start : span.start]):
        return None
    entry = [t for t in doc[span.end + 1 : sentence.end] if not t.is_punct and not t.is_space]
    verbs = [t for t in entry if t.pos_ in {"VERB", "AUX"} and not is_noun_participle(t)]
    if verbs:
        return verbs[0] if verbs[0].pos_ == "VERB" or verbs[0].head.i == verbs[0].i else verbs[0].head
    nouns = [t for t in entry if t.pos_ == "NOUN"]
    return nouns[0] if nouns else None


def _closes_phrase(span: Span, noun: Token, lexicon: EventLexicon) -> bool:
    """Whether the date closes a phrase set apart before the main clause's verb ("Invité du 20 heures de TF1
    lundi 23 mars, le ministre a annoncé", "La confirmation de 16 cas, samedi 29 février, a incité"): it
    tells when the clause happened, whatever noun of the phrase the parse hangs it on. Not when that noun is
    the clause's own predicate ("L'hiver dernier, le bilan avait été d'une surmortalité"), nor when an event
    noun stands between them ("le début du déconfinement le 11 mai, Emmanuel Macron …": the start's day), nor
    when a word of ``relating_cues`` ("après", "depuis", "selon") places the clause relative to the date."""
    doc = span.doc
    if span.end >= len(doc) or doc[span.end].text != ",":
        return False
    sentence = sentence_of(span.root)
    root = sentence.root
    if noun.i == root.i or any(c.dep_ == "cop" for c in noun.children) or span.end > root.i:
        return False
    phrase = doc[sentence.start : span.start]
    return not any(normalise(t.text) in lexicon.relating_cues for t in phrase) and not any(
        t.pos_ == "NOUN" and is_event_noun(t, lexicon) for t in doc[noun.i : span.start]
    )


def _places_the_verb(span: Span, noun: Token, lexicon: EventLexicon) -> bool:
    """Whether a date the parse hangs on a noun that names no event goes on up to the verb: a preposition
    places it (``_placed_by_preposition``), and the noun neither governs an event ("le début du
    déconfinement le 11 mai"), nor is a predicate with its copula ("était en service le 4 mars"), nor
    stands in a phrase a relative cue opens ("depuis le début du mouvement le 3 mai")."""
    return (
        _placed_by_preposition(span, lexicon)
        and not is_event_noun(_governing_event(noun, lexicon), lexicon)
        and _event_within(noun, lexicon) is None
        and not any(c.dep_ == "cop" for c in noun.children)
        and not _opened_relative(noun, lexicon)
    )


def _placed_by_preposition(span: Span, lexicon: EventLexicon) -> bool:
    """Whether the date places the clause's event in time, whatever noun that names no event the parse hangs
    it on: a word of ``placing_cues`` opens it ("emmenée aux urgences à 3h20 du matin", "arrivé à l'hôpital
    vers 10 heures"), or none does ("il roulait sur la départementale samedi quand il a été percuté"). A date
    after "de" ("l'ordre du jour de jeudi") or "en" ("son premier succès en 1975") completes the noun."""
    cases = [c for c in span.root.children if c.dep_ == "case" and c.i < span.root.i]
    before = span.doc[min([span.start, *(c.i for c in cases)]) - 1] if span.start > 0 else None
    if before is None or before.text == ",":
        return False  # "le film tourné le 1er septembre, à 12 h 59": the time of the day before it
    if not cases:
        return before.pos_ in {"NOUN", "PROPN"}
    return cases[0].lower_ in lexicon.placing_cues


def _opened_relative(noun: Token, lexicon: EventLexicon) -> bool:
    """Whether a word of ``relative_cues`` opens the noun's phrase, up its complements to the verb ("depuis le
    début du mouvement le 3 septembre"): a date in that phrase is the phrase's, never the clause's day."""
    return _phrase_a_cue_opens(noun, lexicon, _COMPLEMENT) is not None


# The links up which a phrase a relative cue opens is sought: a noun's complement, and (for a date set apart
# after it) a name's parts ("depuis l'élection d'Emmanuel Macron, le 7 mai").
_COMPLEMENT = frozenset({"nmod"})
_COMPLEMENT_OR_NAME = frozenset({"nmod", "flat:name"})


def _phrase_a_cue_opens(noun: Token, lexicon: EventLexicon, links: frozenset[str]) -> Token | None:
    """The noun whose phrase a word of ``relative_cues`` opens, from ``noun`` up its chain of complements
    (the ``links`` dependencies, nouns and names only, ``_APPOSED_CHAIN`` at most): "depuis le début du
    mouvement" from "mouvement"; None when no cue opens the chain."""
    current = noun
    for _ in range(_APPOSED_CHAIN):
        if any(c.dep_ == "case" and c.lower_ in lexicon.relative_cues for c in current.children):
            return current
        head = current.head
        if current.dep_ not in links or head.i == current.i or head.pos_ not in {"NOUN", "PROPN"}:
            return None
        current = head
    return None


def _closes_sentence_apart(span: Span) -> bool:
    """Whether the date is set apart at the end of its sentence, a comma before it and nothing but
    punctuation after it ("Le maire a dîné avec les familles, lundi 5 septembre."): it tells when the clause
    happened, not what the noun before it is (an event noun there still takes it: "lors d'une manifestation à
    Paris, le 5 janvier dernier")."""
    doc = span.doc
    if span.start == 0 or doc[span.start - 1].text != ",":
        return False
    sentence = sentence_of(span.root)
    return all(t.is_punct or t.is_space for t in doc[span.end : sentence.end])


def _governing_event(noun: Token, lexicon: EventLexicon) -> Token:
    """The event noun that governs an event noun as its complement ("la levée du confinement le 5 mai": the
    lifting happened that day, not the lockdown), else the noun."""
    head = noun.head
    if (
        noun.dep_ == "nmod"
        and head.pos_ == "NOUN"
        and is_event_noun(head, lexicon)
        and any(c.dep_ == "case" and c.lower_ in {"de", "du", "des", "d'"} for c in noun.children)
    ):
        return head
    return noun


_CLOSING_QUOTES = frozenset({'"', "»", "”"})


def _completed_noun(span: Span, lexicon: EventLexicon) -> Token | None:
    """The noun a date right after "du", "de", "d'" completes ("la grève du 5 décembre", "le week-end de
    mobilisation du 16-17 novembre", "les violences de samedi"), or a year right after a noun ("le projet de
    budget 2019", "les lois de finances 2018 et 2019"), wherever the parse hangs the date: the date is that
    noun's, not the verb's ("J'attends … le week-end de mobilisation du 16-17 novembre")."""
    if span.start < 1:
        return None
    if span.text.isdigit() and span.doc[span.start - 1].pos_ == "NOUN":
        # "le projet de budget 2019": the budget's year
        return _event_noun_up(span.doc[span.start - 1], lexicon)
    if span.text.isdigit() and span.start >= 3 and span.doc[span.start - 1].pos_ == "CCONJ":
        # "les lois de finances 2018 et 2019": a year joined to a noun's year is that noun's too
        first = span.doc[span.start - 2]
        if first.text.isdigit() and span.doc[span.start - 3].pos_ == "NOUN":
            return _event_noun_up(span.doc[span.start - 3], lexicon)
    if span.start < 2:
        return None
    closing = span.doc[span.start - 1]
    if closing.text in _CLOSING_QUOTES and closing.head.i < closing.i and closing.head.pos_ == "NOUN":
        # an event noun quoted as the press writes it ('appelle à une "grève générale" le 5 février'): the
        # marks do not change what the date right after them completes, whatever the parse hangs it on
        quoted = closing.head
        return quoted if is_event_noun(quoted, lexicon) else None
    case, noun = span.doc[span.start - 1], span.doc[span.start - 2]
    if case.pos_ != "ADP" or case.lower_.replace("’", "'") not in lexicon.complement_cues:
        return None
    return _event_noun_up(noun, lexicon) if noun.pos_ == "NOUN" else None


# How far up its complements the noun before a comma may stand from the head of its phrase ("depuis les
# révélations du journal Le Monde, le 18 juillet": Monde → journal → révélations).
_APPOSED_CHAIN = 3


def apposed_phrase(span: Span, lexicon: EventLexicon) -> Token | None:
    """The head of the phrase a date is set beside by commas, when a preposition of ``relative_cues`` opens
    that phrase ("depuis le début du mouvement, le 17 novembre, 2.448 personnes ont été blessées", "sept
    semaines après le début du confinement, le 17 mars dernier, le pays doit"): the date is that phrase's,
    and the clause is placed before or after it, not on it. A date beside a time expression ("dès le
    lendemain, le 20 juillet") or after a noun that no such preposition opens ("Le président, le 12 mars, a
    annoncé") is the clause's."""
    doc = span.doc
    if span.start < 2 or doc[span.start - 1].text != ",":
        return None
    if span.end < len(doc) and not doc[span.end].is_punct:
        return None  # an apposition ends at a comma or with its sentence
    current = doc[span.start - 2]
    if current.pos_ == "ADJ" and current.dep_ == "amod":
        current = current.head  # "depuis le début du confinement généralisé, le 17 mars"
    if current.pos_ not in {"NOUN", "PROPN"} or current.i >= span.start:
        return None
    phrase = _phrase_a_cue_opens(current, lexicon, _COMPLEMENT_OR_NAME)
    return phrase if phrase is not None and phrase.i < span.start else None


def _event_within(phrase: Token, lexicon: EventLexicon) -> Token | None:
    """The event a phrase names: its head, else a noun it governs through "de" ("le début du confinement"),
    else none ("le début du mouvement")."""
    for token in [phrase, *(t for t in phrase.subtree if t.dep_ == "nmod" and t.i > phrase.i)]:
        if token.pos_ == "NOUN" and is_event_noun(token, lexicon):
            return token
    return None


def _event_noun_up(noun: Token, lexicon: EventLexicon) -> Token:
    """The event a noun phrase names, up its complements ("la manifestation des pompiers du 15 octobre"); the
    noun itself when none is."""
    current = noun
    for _ in range(_NOUN_CHAIN):
        if is_event_noun(current, lexicon) or current.dep_ != "nmod" or current.head.pos_ != "NOUN":
            break
        current = current.head
    return current if is_event_noun(current, lexicon) else noun


def _path_to_root(token: Token) -> list[int]:
    path = [token.i]
    while token.head.i != token.i:
        token = token.head
        path.append(token.i)
    return path


def tree_distance(a: Token, b: Token) -> int:
    """Edges between two tokens of one sentence in the dependency tree."""
    up_a, up_b = _path_to_root(a), _path_to_root(b)
    depth_b = {index: depth for depth, index in enumerate(up_b)}
    for depth_a, index in enumerate(up_a):
        if index in depth_b:
            return depth_a + depth_b[index]
    return len(up_a) + len(up_b)


def _nearest(trigger: Token, candidates: Sequence[tuple[TimeExpression, Span]]) -> TimeExpression:
    def key(candidate: tuple[TimeExpression, Span]) -> tuple[int, int, int]:
        expression, span = candidate
        return (
            tree_distance(trigger, span.root),
            GRAIN_PRECISION[expression.resolved.grain],
            abs(span.root.i - trigger.i),
        )

    best, best_span = min(candidates, key=key)
    for expression, span in candidates:
        if (
            _completes(span, best_span)
            and GRAIN_PRECISION[expression.resolved.grain] < GRAIN_PRECISION[best.resolved.grain]
        ):
            return expression  # "mardi vers 21 h 45": the clock time of that day dates it
    return best


# Words that may join a day and the clock time that completes it: "mardi à 21 h", "samedi vers 15 h 45".
_CLOCK_JOINERS = frozenset({"à", "vers", "dès", "aux", "environ"})


def _completes(span: Span, day: Span) -> bool:
    """Whether an expression follows a day with no punctuation between, only "à"/"vers": one date."""
    if span.start < day.end:
        return False
    between = span.doc[day.end : span.start]
    return all(t.lower_ in _CLOCK_JOINERS for t in between)


def _nearest_in_quotation(
    span: Span, regions: Sequence[int], lexicon: EventLexicon, timex_tokens: Collection[int]
) -> Token | None:
    """The predicate nearest an expression in the tree among those of its own quotation (or outside all)."""
    region = regions[span.start]
    own = [
        t
        for t in sentence_of(span.root)
        if regions[t.i] == region and t.i not in timex_tokens and is_predicate(t, lexicon)
    ]
    if not own:
        return None
    return min(own, key=lambda t: (tree_distance(t, span.root), abs(t.i - span.root.i)))


def _primary_predicate(
    span: Span, regions: Sequence[int], lexicon: EventLexicon, timex_tokens: Collection[int]
) -> Token | None:
    """The predicate an expression dates first: the one it hangs on in the parse, unless an incise of saying
    stands between them (then the saying) or it stands in the clause a saying reports (then that clause),
    and never across a quotation mark ("Un coffre où il rangeait ses
    armes : « Le 19 juillet, ma femme m'a appelé »": the date is the quotation's)."""
    trigger = predicate_of(span, lexicon, timex_tokens)
    if apposed_phrase(span, lexicon) is not None:
        return trigger  # the phrase's date: no saying around it takes it
    saying = lexicon.reporting_verbs
    trigger = (
        saying_set_apart(span, saying | lexicon.announcement_verbs)
        or saying_before(span, trigger, saying)
        or reported_head(span, trigger, saying)
        or trigger
    )
    if trigger is not None and (told := _told_before_incise(span, trigger, regions, lexicon)) is not None:
        return told
    if trigger is not None and is_incise_saying(trigger, lexicon.relay_verbs):
        own_day = any(i < trigger.i and i not in range(span.start, span.end) for i in timex_tokens)
        # when the news has a day of its own ("mardi soir …, rapporte l'AFP ce mercredi", "placé fin juillet
        # …, a appris jeudi l'AFP"), the relay's date is the relaying's (as OrangeSum dates it)
        trigger = trigger if own_day else (_relayed(trigger, lexicon) or trigger)
    if trigger is not None and regions[trigger.i] != regions[span.start]:
        if regions[span.start] == 0 and quotation_reported(trigger, span, saying):
            # "indique qu'il « est estimé que … ont consulté un médecin » du 16 au 22 mars": what is reported
            return trigger if is_predicate(trigger, lexicon) else _verb_of(trigger, regions)
        return _nearest_in_quotation(span, regions, lexicon, timex_tokens)
    return trigger


def _told_before_incise(
    span: Span, trigger: Token, regions: Sequence[int], lexicon: EventLexicon
) -> Token | None:
    """The clause a date heading its sentence frames, when the parse hung that date on the incise of saying
    at the sentence's end ("Dès lundi, ce sont plus de 50 écoles qui se joindront au mouvement, a indiqué le
    syndicat": the Monday is the joining's, a plan; the incise's own day stands by it, "a indiqué lundi").
    The first verb after the date, before the incise, in the date's voice."""
    if not is_incise_saying(trigger, lexicon.reporting_verbs) or passive_subject_before(trigger):
        return None  # "Mardi, un quatrième décès …, a été annoncé par le ministère": the main verb
    sentence = sentence_of(trigger)
    # before the date, at most its preposition ("Dès lundi")
    opening = [
        t
        for t in sentence[: span.start - sentence.start]
        if not (t.is_punct or t.is_space or t.pos_ == "ADP")
    ]
    incise = verb_group_start(trigger)
    if opening or span.end >= incise.i:
        return None
    for token in span.doc[span.end : incise.i]:
        if token.pos_ == "VERB" and regions[token.i] == regions[span.start] and is_predicate(token, lexicon):
            return token
    return None


def _verb_of(token: Token, regions: Sequence[int]) -> Token:
    """The verb a word of a quotation belongs to: the first above it in the same quotation ("ont consulté un
    médecin": consulté), else the word."""
    for verb in token.ancestors:
        if regions[verb.i] != regions[token.i]:
            break
        if verb.pos_ == "VERB":
            return verb
    return token


def _relayed(relay: Token, lexicon: EventLexicon) -> Token | None:
    """The clause a newspaper's relaying follows, told as news ("Deux personnes ont été interpellées …,
    rapporte RTL vendredi 22 mars", "Éric Drouet est visé par une enquête, a-t-on appris vendredi"): the
    sentence's main predicate before the relay, in the passé composé or the present; the relay's date is that
    news's day. A plan or an allegation it relays ("devrait être entendu, rapporte BFMTV, mercredi 19
    septembre") is not on the report's day: the relay keeps the date."""
    root = sentence_of(relay).root
    if root.i >= relay.i or root.pos_ != "VERB" or not is_predicate(root, lexicon):
        return None
    auxiliaries = sorted((c for c in root.children if c.dep_.startswith("aux")), key=lambda t: t.i)
    finite = auxiliaries[0] if auxiliaries else root
    present = "Pres" in finite.morph.get("Tense", []) and "Ind" in finite.morph.get("Mood", [])
    return root if present and (not auxiliaries or finite.lemma_ in {"avoir", "être"}) else None


def interrupting_event(backdrop: Token, lexicon: EventLexicon) -> Token | None:
    """The event told in the past after "quand", "lorsque" (``interrupting_cues``) set on an imperfect: what
    happened while the imperfect's scene went on ("La victime se trouvait sur le port vers 2 heures quand
    elle a été tuée", "Il rentrait chez lui samedi lorsqu'il a été agressé"); none for another predicate."""
    if backdrop.pos_ not in {"VERB", "AUX"} or "Imp" not in backdrop.morph.get("Tense", []):
        return None
    for clause in backdrop.children:
        if clause.dep_ != "advcl" or clause.pos_ != "VERB" or "Past" not in clause.morph.get("Tense", []):
            continue
        marks = [c for c in clause.children if c.dep_ == "mark"]
        group = [c for c in clause.children if c.dep_.startswith("aux")]
        if (
            marks
            and normalise(marks[0].text) in lexicon.interrupting_cues
            and not any("Imp" in t.morph.get("Tense", []) for t in group)
        ):
            return clause
    return None


def framed_event(participle: Token, lexicon: EventLexicon) -> Token | None:
    """The main verb a past participle of ``asked_verbs`` opening its sentence frames, set apart by a comma
    ("Interrogé lundi sur France Inter, le ministre a affirmé …", "Questionné ce dimanche par Le Parisien, le
    médecin a réfuté …"): the interview is the occasion, what was said on it the news. None for a participle
    with an auxiliary or a subject of its own, or not opening its sentence ("Né le 27 novembre 1925, …")."""
    main = participle.head
    if (
        participle.dep_ != "advcl"
        or participle.lemma_.lower() not in lexicon.asked_verbs
        or "Part" not in participle.morph.get("VerbForm", [])
        or "Past" not in participle.morph.get("Tense", [])
        or any(
            c.dep_.startswith("aux") or c.dep_ in {"nsubj", "nsubj:pass", "cop"} for c in participle.children
        )
        or participle.left_edge.i != participle.sent.start
        or main.i < participle.i
        or main.pos_ != "VERB"
    ):
        return None
    between = participle.doc[participle.right_edge.i + 1 : main.i]
    return (
        main
        if any(t.text == "," for t in between) or participle.doc[participle.right_edge.i].text == ","
        else None
    )


def anchors_in(doc: Doc, expressions: Sequence[TimeExpression], lexicon: EventLexicon) -> list[Anchor]:
    """Every predicate of every sentence that has a datable time expression, with the one that dates it."""
    regions = quotations(doc)
    by_sentence: dict[int, list[tuple[TimeExpression, Span]]] = {}
    for expression in expressions:
        if expression.resolved.grain not in GRAIN_PRECISION or expression.resolved.date_start is None:
            continue
        span = doc.char_span(expression.mention.start, expression.mention.end, alignment_mode="expand")
        if span is not None:
            by_sentence.setdefault(sentence_of(span.root).start, []).append((expression, span))
    anchors: list[Anchor] = []
    for candidates in by_sentence.values():
        primaries: dict[int, list[tuple[TimeExpression, Span]]] = {}
        all_timex = {t.i for _, other in candidates for t in other}
        for expression, span in candidates:
            trigger = _primary_predicate(span, regions, lexicon, all_timex)
            if trigger is not None:
                trigger = interrupting_event(trigger, lexicon) or framed_event(trigger, lexicon) or trigger
                primaries.setdefault(trigger.i, []).append((expression, span))
        sentence = sentence_of(candidates[0][1].root)
        timex_tokens = {t.i for _, span in candidates for t in span}
        for token in sentence:
            if token.i in primaries:
                anchors.append(Anchor(token, _nearest(token, primaries[token.i]), primary=True))
            elif token.i not in timex_tokens and is_predicate(token, lexicon):
                anchors.append(Anchor(token, _nearest(token, candidates), primary=False))
    return anchors


def is_pluperfect(verb: Token) -> bool:
    """Plus-que-parfait: an imparfait auxiliary before a participle ("avait plaidé", "était parti")."""
    auxiliaries = [c for c in verb.children if c.dep_.startswith("aux")]
    if not auxiliaries:
        return False
    first = min(auxiliaries, key=lambda t: t.i)
    return first.lemma_ in {"avoir", "être"} and "Imp" in first.morph.get("Tense", [])


def _is_past_infinitive(verb: Token) -> bool:
    return any(c.dep_.startswith("aux") and "Inf" in c.morph.get("VerbForm", []) for c in verb.children)


def _is_anterior(verb: Token) -> bool:
    """A clause told as before the story's time: a plus-que-parfait ("avait plaidé coupable le 22
    octobre") or a past infinitive, with the infinitives it governs ("accusé d'avoir tenté de faire sauter
    en décembre 2001 un avion": the date hangs on "sauter")."""
    if is_pluperfect(verb):
        return True
    current = verb
    for _ in range(_INFINITIVE_CHAIN):
        if _is_past_infinitive(current):
            return True
        if "Inf" not in current.morph.get("VerbForm", []) or current.head.i == current.i:
            return False
        current = current.head
    return False


def story_times(
    doc: Doc, expressions: Sequence[TimeExpression], lexicon: EventLexicon
) -> list[TimeExpression]:
    """The expressions that set the story's time: not those dating a step back before it, nor those naming
    a noun's date ("mis en examen pour les violences du 1er mai": the story is not on 1 May)."""
    kept: list[TimeExpression] = []
    for expression in expressions:
        span = doc.char_span(expression.mention.start, expression.mention.end, alignment_mode="expand")
        predicate = predicate_of(span, lexicon) if span is not None else None
        names_noun = predicate is not None and is_event_noun(predicate, lexicon)
        if span is not None and apposed_phrase(span, lexicon) is not None:
            continue  # "depuis le début du mouvement, le 17 novembre": that phrase's date
        if predicate is None or not (_is_anterior(predicate) or (predicate.pos_ == "NOUN" and names_noun)):
            kept.append(expression)
    return kept


def carried_date(
    predicate: Token, before: Sequence[TimeExpression], story: Sequence[TimeExpression]
) -> TimeExpression | None:
    """The date an undated predicate goes on from: the story's last one; a plus-que-parfait continues a
    step back, so it takes the last date named, whatever it dated."""
    kept = before if is_pluperfect(predicate) else ([e for e in before if e in story] or before)
    return kept[-1] if kept else None


def inherited_anchors(doc: Doc, expressions: Sequence[TimeExpression], lexicon: EventLexicon) -> list[Anchor]:
    """Predicates of sentences with no datable expression take the last date the story named before them
    (``carried_date``)."""
    datable = [
        e for e in expressions if e.resolved.grain in GRAIN_PRECISION and e.resolved.date_start is not None
    ]
    story = story_times(doc, datable, lexicon)
    anchors: list[Anchor] = []
    for sentence in sentence_spans(doc):
        inside = [e for e in datable if sentence.start_char <= e.mention.start < sentence.end_char]
        before = [e for e in datable if e.mention.end <= sentence.start_char]
        if inside or not before:
            continue
        for token in sentence:
            carried = carried_date(token, before, story) if is_predicate(token, lexicon) else None
            if carried is not None:
                anchors.append(Anchor(token, carried, primary=False))
    return anchors


def headline_anchors(doc: Doc, dated: Sequence[Anchor], lexicon: EventLexicon) -> list[Anchor]:
    """The predicates of an article's first sentence (its headline, or its lead's opening) that its next
    sentences retell with a date ("Quatre mineurs écroués …. Quatre mineurs ont été écroués samedi"): a
    headline tells the lead's news, so the retelling's date is the headline's."""
    spans = [s for s in sentence_spans(doc) if s.text.strip()]
    if len(spans) < 2:
        return []
    first, lead = spans[0], spans[1 : 1 + _HEADLINE_LEAD]
    has_date = {a.trigger.i for a in dated}
    in_lead = [a for a in dated if any(s.start <= a.trigger.i < s.end for s in lead) and a.primary]
    anchors: list[Anchor] = []
    for token in first:
        if token.i in has_date or not is_predicate(token, lexicon):
            continue
        retold = next((a for a in in_lead if a.trigger.lemma_.lower() == token.lemma_.lower()), None)
        if retold is not None:
            anchors.append(Anchor(token, retold.expression, primary=False))
    return anchors
