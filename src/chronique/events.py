"""Events: what happened, when, who did it, where, and the sentence saying so.

Three ways an event gets its date (``Anchoring``):
- direct: a time expression of its sentence dates it (``a commencé jeudi``), see ``chronique.anchors``;
- inherited: a sentence with no time expression that continues the story (``La retraite a ensuite été
  confirmée``) takes the last day the text named in the same voice (the narrator's, or the quotation's when
  the cue is the speaker's); a state, an allegation or a plan inherits nothing;
- publication: a clause with no time expression is dated to the publication day, with a low confidence, only
  where French news grammar implies it (``publication_dated``): a passé composé (news' "has happened") in the
  article's opening sentences, or a passé composé announcement anywhere (``a annoncé``, ``a indiqué``) and
  what it reports. Background is not dated: a state (``est resté``, ``a eu``), a present passive (``Il est
  connu``), a clause set in another era or counted from another event (``durant le colonialisme``,
  ``depuis``), a direct quotation (the speaker's past is not the paper's day), an allegation (``aurait été
  faite``) or a plan; the imparfait, plus-que-parfait and present tell no event at all here. Such clauses
  are no timeline rows.
Reported speech: a verb of saying is not the event, what it reports is — unless a time expression dates the
saying itself (``a déclaré vendredi``). The same event told twice in an article (``quitter samedi la ville
d'Izyum`` … ``nous avons quitté Izyum``) is one timeline row with both sentences as evidence.
Every event carries its modality (``chronique.modality``): a question, a negation or a supposition stays a
row, marked, so that what a reader reads can leave it out; a negated clause with no date of its own is no
event at all (it says that nothing happened, and nothing dates it).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from chronique import calendar as cal
from chronique.anchors import (
    Anchor,
    EventLexicon,
    anchors_in,
    carried_date,
    chronology_entry,
    headline_anchors,
    in_relative_clause,
    inherited_anchors,
    is_event_noun,
    predicate_of,
    story_times,
)
from chronique.bounds import (
    changes_since,
    completing_bounds,
    counts,
    is_bound,
    is_cumulative,
    is_habit,
    is_nowadays,
    is_ongoing,
    is_running_total,
    is_scheduled,
    is_unanchored_sequel,
    records_tally,
    releases_tally,
    tells_a_share,
    tells_total,
)
from chronique.clauses import (
    agrees,
    happens,
    phrase_head,
    set_apart_subject,
    subject_in,
    written_subject,
)
from chronique.modality import (
    is_aim,
    is_foretold,
    is_negated,
    is_overtaken,
    is_simple_present,
    modality_of,
    moved_to,
    names_what_is_to_come,
)
from chronique.model import (
    DAY_GRAINS,
    Anchoring,
    Article,
    Direction,
    Event,
    Evidence,
    Grain,
    Modality,
    ResolvedValue,
    Sentence,
    TimeExpression,
)
from chronique.nlp import sentence_of, sentence_spans, verb_group_start
from chronique.phrases import (
    AGENT_DEPS,
    SUBJECT_DEPS,
    actors_of,
    is_bare_participle,
    named_within,
    names_in,
    overlaps,
    people_in,
    places_in,
)
from chronique.retellings import merge_retellings
from chronique.sayings import is_incise, speaker_names
from chronique.summaries import describes_noun_before, noun_summary, opening_participle_subject, summary_of
from chronique.vocabulary import holds_phrase, normalise
from chronique.voices import in_closed_quotation, quotations, tells_the_speakers_now

# Clauses that describe a participant rather than report the event: their places are not the event's.
_ASIDE_DEPS = frozenset({"acl:relcl", "appos", "parataxis", "advcl", "ccomp", "acl"})
# Where a verb of saying keeps what it reports.
_REPORTED_DEPS = frozenset({"ccomp", "parataxis", "obl:arg", "acl", "xcomp", "obj"})
# A verb of saying with one of these reports a clause; with a mere object ("a révélé le plan") it is the act.
_CLAUSE_DEPS = frozenset({"ccomp", "parataxis", "advcl", "obl:arg", "xcomp"})
# Clauses that stand beside the main one and tell events of their own (a quote after ":" parses as advcl).
_MAIN_CLAUSE_DEPS = frozenset({"conj", "parataxis", "ccomp", "advcl"})
# The opening of a news report: its first sentences with a verb tell the day's news (the lead). Three: a
# lead is one or two sentences, and a title line read as a sentence takes one more.
LEAD_SENTENCES = 3
CONFIDENCE = {
    "direct": 0.9,
    "direct_untensed": 0.8,
    "secondary": 0.6,
    "inherited": 0.6,
    "carried": 0.5,  # a predicate of an undated sentence, carried by the last date named before it
    "publication": 0.4,
}


def clause_head_of(trigger: Token) -> Token:
    """The finite verb whose clause holds a trigger: "ont reçu l'ordre de quitter" → reçu."""
    current = trigger
    for _ in range(4):
        # an infinitive, present ("de quitter") or past ("d'avoir volé"), is the clause of the verb above it
        infinitive = "Inf" in current.morph.get("VerbForm", []) or any(
            c.dep_.startswith("aux") and "Inf" in c.morph.get("VerbForm", []) for c in current.children
        )
        # … and so is an infinitive the parse reads as the object of a verb ("devraient pouvoir la
        # télécharger")
        object_of_verb = current.dep_ == "obj" and current.head.pos_ in {"VERB", "AUX"}
        is_dependent = (current.dep_ in {"xcomp", "acl"} or object_of_verb) and infinitive
        if current.pos_ == "NOUN" or is_dependent:
            head = current.head
            if head.i == current.i:
                break
            current = head if head.pos_ in {"VERB", "AUX"} or head.head.i == head.i else head.head
            continue
        break
    return current


def _clause_tokens(head: Token) -> list[Token]:
    """The clause of a verb without its asides (relative clauses, appositions, other clauses)."""
    tokens: list[Token] = [head]
    for child in head.children:
        if child.dep_ in _ASIDE_DEPS or (child.dep_ == "conj" and child.pos_ in {"VERB", "AUX"}):
            continue
        tokens.extend(_clause_tokens(child))
    return tokens


def _evidence(sentences: Sequence[Sentence], offset: int) -> Evidence:
    for sentence in sentences:
        if sentence.start <= offset < sentence.end:
            return Evidence(sentence=sentence.text, start=sentence.start, end=sentence.end)
    return Evidence(sentence="", start=offset, end=offset)


# What a verb of moving tells as done, on the new day it names, is the moved event, still to come.
_TOLD = frozenset({Modality.ASSERTED, Modality.REPORTED})


def build_event(
    article: Article,
    trigger: Token,
    resolved: ResolvedValue,
    *,
    anchoring: Anchoring,
    confidence: float,
    sentences: Sequence[Sentence],
    lexicon: EventLexicon,
    expression: TimeExpression | None = None,
) -> Event:
    """An event from its trigger: who (subject or agent), where, a summary from the clause, the evidence."""
    doc = trigger.doc
    if resolved.grain is Grain.REF and resolved.date_start is not None:
        resolved = cal.day_value(resolved.date_start)  # an event "now" happens on the publication day
    span = (
        doc.char_span(expression.mention.start, expression.mention.end, alignment_mode="expand")
        if expression is not None
        else None
    )
    timex_tokens = {t.i for t in span} if span is not None else set()
    clause_head = clause_head_of(trigger)
    who = _who(trigger, clause_head, timex_tokens, lexicon)
    subject, agents = who.subject, who.agents
    actors = actors_of(subject, agents, lexicon.summary_words.acting)
    if is_bare_participle(trigger):
        # "Hafez al-Assad, né en 1930": the one born (once: "l'annonce faite par X" holds the agent X)
        actors.extend(n for n in named_within(trigger.head) if not overlaps(n, actors))
    participants = {t.i for head in [subject, *agents] if head is not None for t in head.subtree}
    root = clause_head if trigger.pos_ != "NOUN" else trigger
    clause = [t for t in {*_clause_tokens(root), *_clause_tokens(trigger)} if t.i not in participants]
    places = places_in(
        clause,
        lexicon.place_nouns,
        exclude=actors,
        venue_nouns=lexicon.venue_nouns,
        locution_nouns=lexicon.locution_nouns,
        near=lexicon.summary_words.near,
    )
    if trigger.pos_ == "NOUN":
        summary = noun_summary(trigger, timex_tokens, lexicon.summary_words)
    else:
        summary = summary_of(trigger, clause_head, timex_tokens, lexicon.summary_words)
    mention = expression.mention if expression is not None else None
    reading = modality_of(trigger, clause_head, lexicon.modality)
    ahead = resolved.date_start is not None and resolved.date_start >= article.published
    later = (
        expression is not None and resolved.date_start is not None and resolved.date_start > article.published
    )
    if expression is not None and is_overtaken(trigger, clause_head, lexicon.modality):
        # "Le salon, qui devait se tenir du 20 au 23 mars, a été annulé": the plan did not happen on its day
        reading = replace(reading, modality=Modality.NEGATED)
    elif span is not None and reading.modality in _TOLD and moved_to(trigger, span, lexicon.modality):
        # "avancée au 1er janvier": the day is the moved event's, a plan
        reading = replace(reading, modality=Modality.PLANNED)
    elif (
        later
        and reading.modality in _TOLD
        and (tells_the_speakers_now(trigger) or is_simple_present(trigger))
    ):
        # "« Ils m'attendent demain matin »", "La grève commence jeudi", "Le ministre se rend demain à Lyon":
        # a present for a day still to come tells what is planned, not a thing done
        reading = replace(reading, modality=Modality.PLANNED)
    elif (
        ahead and reading.modality is Modality.ALLEGED and is_foretold(trigger, clause_head, lexicon.modality)
    ):
        # "Selon les organisateurs, le cortège partirait samedi", "… partirait à 11h00" (the paper's day): a
        # conditional for a day still to come is a plan reported, not a thing alleged done
        reading = replace(reading, modality=Modality.PLANNED)
    elif ahead and reading.modality in _TOLD and is_aim(trigger, lexicon.modality):
        # "afin de permettre aux policiers d'interpeller samedi": an aim for a day still to come
        reading = replace(reading, modality=Modality.PLANNED)
    elif later and reading.modality in _TOLD and names_what_is_to_come(trigger, lexicon.modality):
        # "a demandé au préfet de se rendre sur place jeudi", "Le préfet fera un point sur la manifestation du
        # 23 mars": an infinitive, or a noun under a plan, dated after the paper names what is still to happen
        reading = replace(reading, modality=Modality.PLANNED)
    elif reading.modality in _TOLD and _done_before(trigger, resolved, article.published, expression):
        # "Le ministère a déjà interdit la place aux manifestants le 24 novembre" (written on the 21st): a
        # thing told done was done by the telling; the later day is that of what it set up, a plan
        reading = replace(reading, modality=Modality.PLANNED)
    # the people and organisations the clause names ("a rencontré Angela Merkel"), and who told it ("selon
    # X", "a indiqué X", chronique.sayings.speaker_names)
    told_by = speaker_names(
        trigger, clause_head, timex_tokens, lexicon.summary_words, lexicon.modality.according_to
    )
    for name in [*names_in(clause, lexicon.venue_nouns), *who.undergoing]:
        if not overlaps(name, actors) and not overlaps(name, places):
            actors.append(name)
    for name in told_by:
        if not overlaps(name, places):
            actors = _with_speaker(actors, name)
    return Event(
        article_id=article.id,
        trigger=trigger.text,
        lemma=trigger.lemma_,
        trigger_start=trigger.idx,
        trigger_end=trigger.idx + len(trigger.text),
        resolved=resolved,
        anchoring=anchoring,
        confidence=confidence,
        summary=summary,
        evidence=_evidence(sentences, trigger.idx),
        actors=tuple(actors),
        places=tuple(places),
        timex_text=mention.text if mention else None,
        timex_start=mention.start if mention else None,
        timex_end=mention.end if mention else None,
        modality=reading.modality,
        speaker=reading.speaker,
    )


# How late after its paper a day may date a thing told done: a late edition reports the evening's news under
# the next day's date ("a déclaré samedi 6 avril" in a paper dated Friday 5).
_LATE_EDITION = dt.timedelta(days=1)


def _done_before(
    trigger: Token, resolved: ResolvedValue, published: dt.date, expression: TimeExpression | None
) -> bool:
    """Whether a verb in a compound past (passé composé "a interdit", plus-que-parfait "avait fixé") is dated
    by its own time expression more than a late edition's day after the paper: what such a tense tells was
    done by the time of telling, so that day is not the act's."""
    start = resolved.date_start
    if expression is None or start is None or start <= published + _LATE_EDITION:
        return False
    if trigger.pos_ != "VERB":
        return False
    # the tense auxiliary, present or imperfect (the tagger may read the participle as finite: "a déjà
    # interdit"); a passive's "est" (aux:pass) alone is a present, a state or a plan ("est prévu")
    return any(
        c.dep_ == "aux:tense"
        and c.lemma_ in {"avoir", "être"}
        and c.morph.get("Tense", []) in (["Pres"], ["Imp"])
        and "Ind" in c.morph.get("Mood", [])
        for c in trigger.children
    )


def _with_speaker(actors: list[str], speaker: str) -> list[str]:
    """The actors with who told it: a speaker whose words hold a name already listed, a person that completes
    them ("le directeur de cabinet d'Emmanuel Macron"), is that actor told whole, in its place."""
    if not overlaps(speaker, actors):
        return [*actors, speaker]
    held = [a for a in actors if a in speaker and a != speaker]
    if not held:
        return actors
    return [speaker if a == held[0] else a for a in actors if a == held[0] or a not in held]


@dataclass(frozen=True, slots=True)
class _Who:
    """Who an event tells of: the subject that acted, the agents, the people a passive's subject names."""

    subject: Token | None
    agents: list[Token]
    undergoing: list[str]


def _who(trigger: Token, clause_head: Token, timex_tokens: set[int], lexicon: EventLexicon) -> _Who:
    """The subject the summary tells (``clauses.subject_in``: never the date, the one the verb agrees with; or
    the one the text writes before the verb, ``written_subject``), unless it underwent the event or is the
    event; the agents; the people a passive's written subject names."""
    if trigger.pos_ == "NOUN" or describes_noun_before(trigger):  # "un passeport renouvelé": no actor
        return _Who(None, [], [])
    if described := opening_participle_subject(trigger, timex_tokens):
        # "Convoqué devant les sénateurs, l'ex-collaborateur …": who underwent it; the people it names
        return _Who(None, [], people_in(described))
    subject = subject_in(clause_head, timex_tokens) or subject_in(trigger, timex_tokens)
    written = written_subject(trigger, timex_tokens) if subject is None else []
    if written:
        # "…, le coordonnateur … Jean Castex a mis en garde": the model hangs the subject elsewhere
        subject = phrase_head(written)
    agents = [c for c in trigger.children if c.dep_ in AGENT_DEPS]
    saying = trigger.i == clause_head.i and trigger.lemma_.lower() in lexicon.summary_words.saying
    if subject is not None and subject.i < clause_head.i and saying and is_incise(clause_head):
        # "« Vos annonces, c'est du bricolage, un enfumage », a dénoncé la députée": the quotation's words
        # are not who spoke (``speaker_names`` gives the speaker)
        subject = None
    if subject is not None and not written and not agrees(subject, clause_head):
        # "les personnes …, assurait le ministre": no subject of that verb (``summaries`` tells the same)
        subject = set_apart_subject(subject, clause_head)
    # a passive, also one whose subject the parse hangs on a verb above ("D'autres équipes vont être
    # projetées": the subject is "vont"'s, the passive's "être" the participle's)
    passive = any(c.dep_ == "nsubj:pass" for v in (trigger, clause_head) for c in v.children) or (
        trigger.dep_ == "xcomp"  # not "le maire est parti", whose "est" the model also labels aux:pass
        and any(c.dep_ == "aux:pass" for c in trigger.children)
        and not any(c.dep_ in SUBJECT_DEPS for c in trigger.children)
    )
    if written and "Pass" in trigger.morph.get("Voice", []):
        # a written subject of a passive: the people it names ("Alexandre Benalla et Vincent Crase ont été
        # questionnés", as ``names_in`` for the parse's)
        return _Who(None, agents, people_in(written))
    # an attribute of the subject, not of an object ("a rendu public le rapport" is an act)
    attribute = (trigger.pos_ == "ADJ" and any(c.dep_ == "cop" for c in trigger.children)) or (
        any(c.dep_ == "xcomp" and c.pos_ == "ADJ" for c in trigger.children)
        and not any(c.dep_ in {"obj", "ccomp"} for c in trigger.children)
    )
    if subject is not None and attribute:
        # "les résultats de l'essai seraient disponibles", "le test s'est révélé positif": a state its
        # subject is in, no act; the people it names ("Jean Dupont est favorable")
        return _Who(None, agents, people_in(list(subject.subtree)))
    if subject is not None and (subject.dep_ == "nsubj:pass" or passive):
        subject = None  # the passive's subject underwent the event ("Le village a été évacué"): no actor
    if subject is not None and subject.lemma_.lower() in lexicon.event_nouns | lexicon.tally_nouns:
        # "L'offensive a commencé": an event, not an actor; "Le nombre de personnes hospitalisées a continué à
        # refluer": a count
        subject = None
    if subject is not None and any(happens(v, lexicon.summary_words) for v in (trigger, clause_head)):
        subject = None  # "un point presse s'est tenu": what happened, not who acted
    return _Who(subject, agents, [])


def _is_compound_past(verb: Token, etre_verbs: frozenset[str] = frozenset()) -> bool:
    """Passé composé: a present auxiliary avoir/être before a past participle (a publié, est parti).

    With ``etre_verbs`` given, être + participle is a passé composé only for those verbs and pronominal
    ones (est parti, s'est formée, a été arrêté); otherwise it is a present passive, a state (est connu)."""
    auxiliaries = [c for c in verb.children if c.dep_.startswith("aux")]
    if not auxiliaries or "Part" not in verb.morph.get("VerbForm", []):
        return False
    first = min(auxiliaries, key=lambda t: t.i)
    if first.lemma_ not in {"avoir", "être"} or "Pres" not in first.morph.get("Tense", []):
        return False
    if len(auxiliaries) > 1:
        # "a été arrêté": the second auxiliary is the participle "été"; two finite ones are a misparse ("c'est
        # là que sont ancrés": a cleft and a present passive, a state)
        return any("Part" in a.morph.get("VerbForm", []) for a in auxiliaries if a.i != first.i)
    if first.lemma_ == "avoir":
        return first.dep_ == "aux:tense"
    if not etre_verbs:
        return True
    pronominal = any(
        c.dep_ in {"expl:comp", "expl:pass", "expl"} or (c.i < verb.i and "Yes" in c.morph.get("Reflex", []))
        for c in verb.children
    )  # "s'est formée"; "se sont donné la mort", where the parse reads "se" as an indirect object
    return pronominal or verb.lemma_.lower() in etre_verbs


def _is_incise(verb: Token) -> bool:
    """A verb whose subject follows it, after a quote: « … », a-t-il lancé."""
    return any(c.dep_ in {"nsubj", "expl:subj"} and c.i > verb.i and c.pos_ == "PRON" for c in verb.children)


def _told_events(verb: Token, lexicon: EventLexicon, depth: int = 0) -> list[Token]:
    """The past events a clause tells: its own verb, or, for a verb of saying, what it reports."""
    if depth > 3 or verb.pos_ != "VERB" or is_negated(verb, lexicon.modality) or _is_incise(verb):
        return []
    reported = [c for c in verb.children if c.dep_ in _CLAUSE_DEPS and c.pos_ in {"VERB", "AUX", "ADJ"}]
    if verb.lemma_.lower() in lexicon.reporting_verbs and reported:
        found: list[Token] = []
        for child in verb.children:
            if child.dep_ in _REPORTED_DEPS:
                targets = [child] if child.pos_ == "VERB" else [c for c in child.children if c.pos_ == "VERB"]
                for target in targets:
                    found.extend(_told_events(target, lexicon, depth + 1))
        return found
    if verb.lemma_.lower() in lexicon.modal_verbs:
        return [t for c in verb.children if c.dep_ == "xcomp" for t in _told_events(c, lexicon, depth + 1)]
    if verb.lemma_.lower() in lexicon.reporting_verbs and not any(c.dep_ == "obj" for c in verb.children):
        return []  # "qui a déclaré :" says nothing by itself
    return [verb] if _is_compound_past(verb) else []


def _main_verbs(sentence: Span, lexicon: EventLexicon) -> list[Token]:
    """The sentence's main verbs, and any verb of saying in it (what it reports may be news)."""
    root = sentence.root
    main = [
        root,
        *[c for c in root.children if c.dep_ in _MAIN_CLAUSE_DEPS and c.pos_ == "VERB"],
    ]
    seen = {t.i for t in main}
    return main + [t for t in sentence if t.i not in seen and t.lemma_.lower() in lexicon.reporting_verbs]


def _continues(tokens: Sequence[Token], lexicon: EventLexicon) -> bool:
    """Whether these words hold a cue that continues the story ("ensuite", "dans la foulée")."""
    text = " " + " ".join(t.lower_ for t in tokens).replace("’", "'") + " "
    return any(f" {cue} " in text for cue in lexicon.inherit_cues)


def _recalls(sentence: Span, lexicon: EventLexicon) -> bool:
    """Whether a sentence opens with a word of reminder ("Pour rappel, …", "Rappelons que …")."""
    words = [t.lower_.replace("’", "'") for t in sentence if not t.is_space and not t.is_punct][:3]
    opening = " ".join(words).replace("' ", "'")
    return any(f"{opening} ".startswith(f"{cue} ") or opening == cue for cue in lexicon.reminder_cues)


def _dates_telling(
    doc: Doc, expression: TimeExpression, regions: Sequence[int], lexicon: EventLexicon
) -> bool:
    """Whether a narrator's date dates its sentence's main verb or a verb of saying ("…, a constaté jeudi le
    ministre"), not a noun or a clause inside it ("la vidéo le montrant en train de molester des manifestants
    le 1er mai, l'avocate a déposé …")."""
    span = doc.char_span(expression.mention.start, expression.mention.end, alignment_mode="expand")
    if span is None or not len(span) or regions[span.start] != 0:
        return False
    predicate = predicate_of(span, lexicon)
    if predicate is None:
        return False
    # the main verb, an incise after a comma or a quotation mark ("», a constaté jeudi le ministre", whatever
    # the parse hangs it on), or a verb of saying
    first = verb_group_start(predicate)
    incise = first.i > 0 and (doc[first.i - 1].is_punct or doc[first.i - 1].is_quote)
    main = predicate.i == sentence_of(predicate).root.i or (predicate.pos_ == "VERB" and incise)
    return main or predicate.lemma_.lower() in lexicon.reporting_verbs


def _goes_on(sentence: Span, lexicon: EventLexicon) -> bool:
    """Whether a sentence goes on with what the one before told: its main verb a passé composé, its subject a
    personal pronoun, an adverb of ``continuing_cues`` on it ("Il a ainsi justifié", "Elle a également
    annoncé")."""
    root = sentence.root
    if not _is_compound_past(root, lexicon.etre_verbs):
        return False  # "il est aussi délivré …": a present passive, a state
    pronoun = any(
        c.dep_.startswith("nsubj") and c.pos_ == "PRON" and bool(c.morph.get("Person", []))
        for c in root.children
    )
    return pronoun and any(
        c.dep_ == "advmod" and normalise(c.text) in lexicon.continuing_cues for c in root.children
    )


def _continued_voices(sentence: Span, regions: Sequence[int], lexicon: EventLexicon) -> dict[int, int]:
    """For each voice of the sentence (0 the narrator, else a quotation) whose clauses continue the story, the
    voice whose dates they go on from: their own when their own words continue (a quotation's "ensuite" is the
    speaker's story); a quotation's, the narrator's when the narrator's words before it do ("Le retrait a
    ensuite été confirmé par un officier : « Nous avons quitté Izyum »"), never the words of the incise
    after it ("« … je me suis défendu », précise-t-il ensuite": that "ensuite" places the saying, not what
    is said). A sentence opening with a backdrop ("Alors que …", ``backdrop_cues``) does not continue by
    it."""
    words = [t for t in sentence if not t.is_space]
    opening = " ".join(t.lower_.replace("’", "'") for t in words[:3])
    backdrop = next((p for p in lexicon.backdrop_cues if f"{opening} ".startswith(f"{p} ")), "")
    # "Alors que les travaux se poursuivent, le président a évoqué …": its "alors" continues nothing
    told = words[len(backdrop.split()) :]
    narrator = [t for t in told if regions[t.i] == 0]
    sources: dict[int, int] = {}
    for voice in sorted({regions[t.i] for t in told}):
        own = [t for t in told if regions[t.i] == voice]
        if _continues(own, lexicon):
            sources[voice] = voice
        elif voice != 0 and _continues([t for t in narrator if t.i < own[0].i], lexicon):
            sources[voice] = 0
    return sources


@dataclass(frozen=True, slots=True)
class Telling:
    """Where an undated clause stands in its article, for ``publication_dated``."""

    in_lead: bool  # among the article's first ``LEAD_SENTENCES`` sentences with a verb
    announced: bool  # its sentence has a passé composé announcement ("a annoncé que", ", a indiqué le maire")
    background: bool  # the sentence sets itself in another era or in no time ("durant", "à l'époque")
    quoted: bool = False  # the clause stands inside a direct quotation (« … »)


# An allegation in the conditional (``aurait été faite``) or a plan is no news of the day; a question, a
# denial or a supposition still makes a row, marked, which what a reader reads leaves out.
_NOT_NEWS = frozenset({Modality.ALLEGED, Modality.PLANNED})


def publication_dated(trigger: Token, telling: Telling, lexicon: EventLexicon) -> bool:
    """Whether French news grammar dates an undated told event by the publication day.

    A real passé composé of an event verb (not a state, not a present passive, not alleged), in a
    sentence that is not background, outside a direct quotation (a speaker's past is not the paper's day, «
    Des gens ont écrit une histoire », « Les gilets jaunes nous ont ouvert les yeux », a déclaré le ministre:
    the saying is the day's, ``_announcing``), and either in the lead of the report or in a sentence that
    announces (``a annoncé``, ``a indiqué``: a same-day report, the announcement and what it tells)."""
    if telling.background or telling.quoted or trigger.lemma_.lower() in lexicon.stative_verbs:
        return False
    if any(c.lemma_.lower() in lexicon.times_nouns and c.dep_.startswith("obl") for c in trigger.children):
        return False  # "la vidéo a été vue près de 700.000 fois": a tally up to now, not the day's news
    if is_cumulative(trigger, lexicon):
        return False  # "Au total, 64.338 cas ont été confirmés": the count so far, not the day's news
    if records_tally(trigger, lexicon) and not _released(trigger, lexicon):
        return False  # "En France, onze cas de contamination ont été confirmés": a tally, no release told
    if tells_a_share(trigger, lexicon) or changes_since(trigger, lexicon):
        # "Seuls 19 % des Français estiment que les mesures les ont rassurés": a poll's figure; "Le trafic a
        # reculé depuis le début de la crise": a change up to now
        return False
    if in_relative_clause(trigger):
        return False  # "dans les zones où ont été signalés des cas": what describes a noun is background
    if not _is_compound_past(trigger, lexicon.etre_verbs):
        return False
    if not (telling.in_lead or telling.announced):
        return False
    return _is_news(trigger, lexicon)


def _released(trigger: Token, lexicon: EventLexicon) -> bool:
    """Whether another verb of the sentence announces what the trigger records ("Onze cas ont été confirmés,
    a annoncé la ministre"): the release is the day's news."""
    return any(
        t.i != trigger.i and t.pos_ == "VERB" and t.lemma_.lower() in lexicon.announcement_verbs
        for t in sentence_of(trigger)
    )


def _is_news(trigger: Token, lexicon: EventLexicon) -> bool:
    """Not an allegation or a plan: the story's day or the paper's may date it."""
    return modality_of(trigger, clause_head_of(trigger), lexicon.modality).modality not in _NOT_NEWS


def _announcing(sentence: Span, regions: Sequence[int], lexicon: EventLexicon) -> list[Token]:
    """The narrator's passés composés of announcement in a sentence: "a annoncé", "…, a indiqué le maire"."""
    return [
        t
        for t in sentence
        if t.pos_ == "VERB"
        and regions[t.i] == 0
        and t.lemma_.lower() in lexicon.announcement_verbs
        and _is_compound_past(t, lexicon.etre_verbs)
        and not is_negated(t, lexicon.modality)
    ]


def _last_anchor_before(
    trigger: Token, expressions: Sequence[TimeExpression], story: Sequence[TimeExpression], offset: int
) -> ResolvedValue | None:
    before = [e for e in expressions if e.mention.end <= offset and e.resolved.grain in DAY_GRAINS]
    carried = carried_date(trigger, before, story)
    if carried is None or carried.resolved.date_start is None:
        return None
    return cal.day_value(carried.resolved.date_start)


@dataclass(frozen=True, slots=True)
class PlannedEvent:
    """An event found but not yet described: its actors and places need the names of its sentence, and
    names are recognised only for the sentences that hold an event (``chronique.nlp.recognise_entities``)."""

    trigger: Token
    resolved: ResolvedValue
    anchoring: Anchoring
    confidence: float
    on_timeline: bool  # a timeline row, or only a mention (for ``chronique tag``)
    expression: TimeExpression | None = None


def undated_events(
    article: Article,
    doc: Doc,
    expressions: Sequence[TimeExpression],
    lexicon: EventLexicon,
    bounds: frozenset[int],
) -> list[PlannedEvent]:
    """Inherited and publication-dated events of the sentences that have no time expression (``bounds``:
    where the expressions that are bounds of a period start, ``chronique.bounds.is_bound``)."""
    # a bound ("prolongé jusqu'au 15 avril") is no date of the clause: the publication may still date it
    dated = {e.mention.start for e in expressions if e.mention.start not in bounds}
    events: list[PlannedEvent] = []
    publication = cal.day_value(article.published)
    story = story_times(doc, expressions, lexicon)
    regions = quotations(doc)
    # the dates each voice told, the narrator's (0) and each quotation's: a clause goes on from its own voice
    voices: dict[int, list[TimeExpression]] = {}
    for expression in expressions:
        span = doc.char_span(expression.mention.start, expression.mention.end, alignment_mode="expand")
        voice = regions[span.start] if span is not None and len(span) else 0
        voices.setdefault(voice, []).append(expression)
    with_verb = 0
    # the sentence before told a total so far ("Depuis le début de l'épidémie, 103.741 personnes ont été
    # hospitalisées"), or went on with one: a count right after it is another line of that tally
    tally = False
    # the sentence before (a date of the narrator's there: "Il a ainsi justifié" goes on with it)
    previous: Span | None = None
    # the day the lead's first date gives its news, just before the paper's: the lead goes on with it
    lead_day = _lead_day(
        doc,
        [e for e in expressions if e.mention.start in dated],
        regions=regions,
        lexicon=lexicon,
        published=article.published,
    )
    for sentence in sentence_spans(doc):
        in_lead = with_verb < LEAD_SENTENCES
        with_verb += any(t.pos_ in {"VERB", "AUX"} for t in sentence)
        if not sentence.text.strip():
            continue
        after_tally, tally = tally, tells_total(sentence, lexicon)
        before, previous = previous, sentence
        if any(sentence.start_char <= start < sentence.end_char for start in dated):
            continue
        if _recalls(sentence, lexicon):
            continue  # "Pour rappel, l'épidémie a fait 175 morts": what the reader knows, no news
        sources = _continued_voices(sentence, regions, lexicon)
        if (
            before is not None
            and 0 not in sources
            and _goes_on(sentence, lexicon)
            and any(
                before.start_char <= e.mention.start < before.end_char
                and e.mention.start in dated
                and _dates_telling(doc, e, regions, lexicon)
                for e in expressions
            )
        ):
            # the sentence before has a date of the narrator's (tested only when needed: it walks the parse)
            sources[0] = 0  # "…, a constaté jeudi le ministre. Il a ainsi justifié …": the same Thursday
        announcing = _announcing(sentence, regions, lexicon)
        telling = Telling(
            in_lead=in_lead,
            announced=bool(announcing),
            background=holds_phrase(sentence.text, lexicon.background_cues),
        )
        told = [trigger for verb in _main_verbs(sentence, lexicon) for trigger in _told_events(verb, lexicon)]
        seen: set[int] = set()
        for trigger in told:
            if trigger.i in seen:
                continue  # told twice: its own verb, and what a verb of saying reports
            seen.add(trigger.i)
            if after_tally and regions[trigger.i] == 0 and counts(trigger, lexicon):
                # "74.117 personnes sont rentrées à domicile. 29.617 personnes sont décédées": the tally's
                # next lines, no news of the paper's day
                tally = True
                continue
            # a state goes on, it happens on no day; an allegation ("lui aurait alors expliqué") or a plan
            # is no step of the story
            source = sources.get(regions[trigger.i])
            dates = voices.get(source, []) if source is not None else None
            inherited = (
                _last_anchor_before(trigger, dates, story, sentence.start_char)
                if dates is not None
                and trigger.lemma_.lower() not in lexicon.stative_verbs
                and _is_news(trigger, lexicon)
                else None
            )
            # a verb of saying is the teller's act, even where a quotation left open seems to hold it; a
            # participle quoted after its auxiliary ("a été « percutée à son tour »") is the narrator's
            auxiliaries = [c for c in trigger.children if c.dep_.startswith("aux")]
            quoted = (
                regions[trigger.i] != 0
                and trigger.lemma_.lower() not in lexicon.reporting_verbs
                and all(regions[a.i] == regions[trigger.i] for a in auxiliaries)
            )
            telling = replace(telling, quoted=quoted)
            if quoted and telling.announced and not inherited:
                # « … », a indiqué l'Élysée: the saying is the day's news, not what the speaker tells
                told.extend(t for t in announcing if t.i not in seen and _is_news(t, lexicon))
            if not inherited and not publication_dated(trigger, telling, lexicon):
                continue
            # "… par des violences samedi 19 janvier. … Les manifestants ont aussi incendié des barricades":
            # the lead's passé composé goes on with the day of its news, not the paper's
            inherited = inherited or (lead_day.value if in_lead and lead_day.start < trigger.idx else None)
            anchoring = Anchoring.INHERITED if inherited else Anchoring.PUBLICATION
            events.append(
                PlannedEvent(trigger, inherited or publication, anchoring, CONFIDENCE[anchoring.value], True)
            )
    return events


# How many days before the paper the lead's date may lie for the lead to go on with it: the day before, or a
# Saturday in a Monday paper; further back, its undated sentences tell later steps, or background ("Le 17
# novembre, premier jour du mouvement").
_LEAD_DAYS = dt.timedelta(days=2)


@dataclass(frozen=True, slots=True)
class _LeadDay:
    """The day a lead's news is told on, and where its date stands in the text."""

    value: ResolvedValue | None
    start: int = 0


def _lead_day(
    doc: Doc,
    dated: Sequence[TimeExpression],
    *,
    regions: Sequence[int],
    lexicon: EventLexicon,
    published: dt.date,
) -> _LeadDay:
    """The day the narrator dates the lead's news by ("La manifestation s'est terminée par des violences
    samedi 19 janvier", in Sunday's paper), when it lies just before the paper's day (at most
    ``_LEAD_DAYS``): the first date of the lead's sentences that dates a main verb, a saying or an event
    noun of the main clause. Only a first date: a later one dates a step of the story."""
    with_verb = 0
    for sentence in sentence_spans(doc):
        if with_verb >= LEAD_SENTENCES:
            break
        with_verb += any(t.pos_ in {"VERB", "AUX"} for t in sentence)
        own = [e for e in dated if sentence.start_char <= e.mention.start < sentence.end_char]
        if not own:
            continue
        first = min(own, key=lambda e: e.mention.start)
        start = first.resolved.date_start
        if first.resolved.grain not in DAY_GRAINS or start is None:
            return _LeadDay(None)
        if not published - _LEAD_DAYS <= start < published:
            return _LeadDay(None)
        telling = _dates_telling(doc, first, regions, lexicon) or _dates_main_noun(
            doc, first, regions, lexicon
        )
        return _LeadDay(cal.day_value(start), first.mention.start) if telling else _LeadDay(None)
    return _LeadDay(None)


def _dates_main_noun(
    doc: Doc, expression: TimeExpression, regions: Sequence[int], lexicon: EventLexicon
) -> bool:
    """Whether a narrator's date dates an event noun of its sentence's main clause ("La manifestation s'est
    terminée par des violences samedi 19 janvier")."""
    span = doc.char_span(expression.mention.start, expression.mention.end, alignment_mode="expand")
    if span is None or not len(span) or regions[span.start] != 0:
        return False
    predicate = predicate_of(span, lexicon)
    if predicate is None or predicate.pos_ != "NOUN":
        return False
    return clause_head_of(predicate).i == sentence_of(predicate).root.i


def _can_lead(
    trigger: Token, expression: TimeExpression, lexicon: EventLexicon, bounds: frozenset[int]
) -> bool:
    """Whether a dated predicate makes a timeline row: not the "a-t-il indiqué" after a quote, not a noun
    that names no event ("l'ordre du jour de jeudi"), not a state of "now" ("on est actuellement …").
    A negated one ("n'a pas commenté samedi") makes a row, marked ``negated`` (``Event.modality``)."""
    if _is_incise(trigger) or expression.resolved.grain is Grain.REF:
        return False
    if expression.mention.start in bounds or is_nowadays(trigger, expression, lexicon):
        return False
    if is_habit(trigger, expression, lexicon):
        return False  # "qui travaillent le samedi": done as a rule, on no one day
    if releases_tally(trigger, lexicon):
        return False  # "selon le dernier bilan communiqué mardi": the source of a count, no event
    if is_ongoing(trigger, expression, lexicon):
        return False  # "le scandale qui ébranle l'exécutif depuis l'été": what the noun is like since
    if tells_a_share(trigger, lexicon):
        return False  # "Début avril, 75 % des Français déclaraient acheter local": a poll's figure
    if changes_since(trigger, lexicon):
        return False  # "Les ventes ont bondi de 30 % depuis les mesures, rapporte Le Parisien jeudi"
    if trigger.pos_ != "NOUN" or is_event_noun(trigger, lexicon):
        return True
    # a noun heading a chronology entry names what happened that day ("15 mars 2011 : début de la révolte")
    span = trigger.doc.char_span(expression.mention.start, expression.mention.end, alignment_mode="expand")
    return span is not None and chronology_entry(span) == trigger


def plan_events(
    article: Article,
    doc: Doc,
    expressions: Sequence[TimeExpression],
    lexicon: EventLexicon,
    *,
    every_mention: bool,
) -> list[PlannedEvent]:
    """The timeline's events of an article and, with ``every_mention``, every other dated predicate mention
    too (``chronique tag`` writes them; a run needs only the timeline's)."""
    planned: list[PlannedEvent] = []
    bounds = frozenset(
        e.mention.start
        for e in expressions
        if is_bound(doc, e, lexicon)
        or is_scheduled(e, expressions)
        or is_unanchored_sequel(doc, e, lexicon, article.published)
    )
    bounds = completing_bounds(doc.text, expressions, bounds)  # "jusqu'au mardi 00h00": the clock too
    # a count since a start is no event: neither the start's nor, its clause being dated, the paper's day
    totals = frozenset(
        e.mention.start for e in expressions if is_running_total(doc, e, lexicon, article.published)
    )
    direct = _announced_days(anchors_in(doc, expressions, lexicon), article.published, lexicon)
    # a former plan its sentence tells overtaken ("qui devait se tenir du 20 au 23 mars, a été annulé"): its
    # row is negated (``build_event``), and the sentence counts as undated (the cancellation may be the
    # paper's day's news)
    overtaken = frozenset(
        a.expression.mention.start
        for a in direct
        if a.primary and is_overtaken(a.trigger, clause_head_of(a.trigger), lexicon.modality)
    )
    for anchor in direct:
        expression = anchor.expression
        leads = anchor.primary and _can_lead(anchor.trigger, expression, lexicon, bounds | totals)
        if leads and _speakers_now(anchor.trigger, expression, article.published, lexicon):
            leads = False  # "« Ce soir, j'ai un sentiment de colère »": a state of the speaker's, no event
        if leads and _forecast(anchor.trigger, expression, article.published, lexicon):
            leads = False  # "« Il y aura cette année des milliers de morts »": the speaker's forecast
        if leads:
            kind = "direct" if expression.direction is not Direction.NONE else "direct_untensed"
        elif not every_mention:
            continue
        else:
            kind = "secondary"
        planned.append(
            PlannedEvent(
                anchor.trigger, expression.resolved, Anchoring.DIRECT, CONFIDENCE[kind], leads, expression
            )
        )
    undated = undated_events(article, doc, expressions, lexicon, bounds | overtaken)
    planned.extend(undated)
    if not every_mention:
        return planned
    told = {event.trigger.idx for event in undated}
    # a headline's predicate retold with a date is a mention of that event (the row is the retelling's);
    # other predicates of an undated sentence are mentions dated by an expression of another clause
    for anchor in headline_anchors(doc, direct, lexicon):
        told.add(anchor.trigger.idx)
        planned.append(_carried(anchor, "inherited"))
    for anchor in inherited_anchors(doc, expressions, lexicon):
        if anchor.trigger.idx not in told:
            planned.append(_carried(anchor, "carried"))
    return planned


def _speakers_now(
    trigger: Token, expression: TimeExpression, published: dt.date, lexicon: EventLexicon
) -> bool:
    """A quotation's present or imperfect dated by a day not after the paper's (``tells_the_speakers_now``):
    the speaker's state, opinion or habit; one dated ahead is a plan (``build_event``), unless it tells a
    state of mind ("« Parlons-en demain soir, je trouve cela très intéressant »": the day is another
    clause's)."""
    start = expression.resolved.date_start
    if start is not None and start > published and _state_of_mind(trigger, lexicon):
        return True  # also in a quotation that runs on past its sentence, a simple present
    return tells_the_speakers_now(trigger) and (start is None or start <= published)


def _state_of_mind(trigger: Token, lexicon: EventLexicon) -> bool:
    """A speaker's present of a verb of cognition, in a quotation, with no infinitive to do ("« … je trouve
    cela très intéressant", not "« je pense partir demain »", an intention): a state of mind, which no coming
    day dates. The narrator's wish for a day ahead stays a plan ("Dimanche, des gilets jaunes veulent un
    retour au calme")."""
    if trigger.lemma_.lower() not in lexicon.cognition_verbs or quotations(trigger.doc)[trigger.i] == 0:
        return False
    if any(c.dep_ == "xcomp" and "Inf" in c.morph.get("VerbForm", []) for c in trigger.children):
        return False
    return tells_the_speakers_now(trigger) or is_simple_present(trigger)


# Periods a speaker's forecast names (a week or a day is a plan's: "« Cette semaine, nous allons rouvrir »").
_FORECAST_GRAINS = frozenset(
    {Grain.MONTH, Grain.QUARTER, Grain.SEASON, Grain.HALF_YEAR, Grain.YEAR, Grain.DECADE, Grain.CENTURY}
)


def _forecast(trigger: Token, expression: TimeExpression, published: dt.date, lexicon: EventLexicon) -> bool:
    """A direct quotation's future for a period that holds the paper's day, with no day of its own ("« Il y
    aura cette année plusieurs milliers de morts »", "« Ce mois-ci, les hôpitaux vont être saturés »"): what
    the speaker foresees, no plan with a day ("« Samedi, nous défilerons »" is one)."""
    resolved = expression.resolved
    start, end = resolved.date_start, resolved.date_end
    if resolved.grain not in _FORECAST_GRAINS or start is None or end is None:
        return False
    if not start <= published <= end:
        return False
    if not in_closed_quotation(trigger):
        return False
    return modality_of(trigger, clause_head_of(trigger), lexicon.modality).modality is Modality.PLANNED


def _announced_days(anchors: list[Anchor], published: dt.date, lexicon: EventLexicon) -> list[Anchor]:
    """The anchors, a day after the publication moved from a passé composé of saying to what it announces
    (``_announced``); the moved day is then that clause's only."""
    moved = [_announced(anchor, published, lexicon) for anchor in anchors]
    taken = {anchor.trigger.i for anchor, old in zip(moved, anchors, strict=True) if anchor is not old}
    return [anchor for anchor in moved if anchor.primary or anchor.trigger.i not in taken]


def _announced(anchor: Anchor, published: dt.date, lexicon: EventLexicon) -> Anchor:
    """A day after the publication dates no passé composé of saying, done by the time the paper was: it is the
    day of what the saying announces for later ("Samedi 6 avril, la préfecture a d'ores et déjà annoncé que
    les manifestations seront interdites", written on Friday 5 April: Saturday's ban, a plan). Only a day set
    before the saying, framing the sentence: after it, or with nothing announced for later, it is the
    saying's, told in a late edition ("a déclaré samedi 6 avril que …" in a paper dated Friday 5)."""
    trigger, start = anchor.trigger, anchor.expression.resolved.date_start
    if not anchor.primary or start is None or start <= published or not _is_compound_past(trigger):
        return anchor
    if anchor.expression.mention.start > trigger.idx:
        return anchor
    if trigger.lemma_.lower() not in lexicon.reporting_verbs | lexicon.announcement_verbs:
        return anchor
    for child in trigger.children:
        if child.dep_ not in _CLAUSE_DEPS or child.pos_ not in {"VERB", "AUX", "ADJ"}:
            continue
        if modality_of(child, clause_head_of(child), lexicon.modality).modality is Modality.PLANNED:
            return Anchor(child, anchor.expression, primary=True)
    return anchor


def _carried(anchor: Anchor, confidence: str) -> PlannedEvent:
    """A mention dated by an expression of another clause (a headline's retelling, a later clause)."""
    resolved = anchor.expression.resolved
    return PlannedEvent(anchor.trigger, resolved, Anchoring.INHERITED, CONFIDENCE[confidence], False)


def event_sentences(planned: Sequence[PlannedEvent]) -> list[Span]:
    """The sentences whose names the planned events need (each once, in text order)."""
    spans = {sentence_of(event.trigger).start: sentence_of(event.trigger) for event in planned}
    return [spans[start] for start in sorted(spans)]


def built_events(
    article: Article, planned: Sequence[PlannedEvent], sentences: Sequence[Sentence], lexicon: EventLexicon
) -> tuple[list[Event], list[Event]]:
    """The timeline's events (a retelling merged into its first telling) and every mention, once their
    sentences' names are known."""
    built = [
        (
            plan.on_timeline,
            build_event(
                article,
                plan.trigger,
                plan.resolved,
                anchoring=plan.anchoring,
                confidence=plan.confidence,
                sentences=sentences,
                lexicon=lexicon,
                expression=plan.expression,
            ),
        )
        for plan in planned
    ]
    timeline = merge_retellings([event for on_timeline, event in built if on_timeline])
    return timeline, sorted((event for _, event in built), key=lambda e: e.trigger_start)
