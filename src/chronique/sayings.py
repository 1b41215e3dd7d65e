"""Summaries of sayings: a verb of saying whose content is the clause it reports tells who said what ("le
préfet a assuré que les routes seraient rouvertes", "il a jugé : « Nous arrivons à un moment dangereux »"):
its speaker (also after an incise, where the model reads it as the object), its verb group, then the reported
clause summarised after "que", or after a colon in « » when it is a direct quotation."""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from typing import Protocol

from spacy.tokens import Token

from chronique.clauses import (
    QUOTE_MARKS,
    REFLEXIVE_DEPS,
    SummaryWords,
    agrees,
    is_inverted_pronoun,
    is_negation,
    lettered_number,
    named_then_described,
    subject_before,
    subject_ids,
    subject_in,
)
from chronique.nlp import entities, not_a_name, present_participle, sentence_of, verb_group_start
from chronique.phrases import (
    SUBJECT_DEPS,
    Acting,
    actors_of,
    is_bare_participle,
    is_finite,
    is_whole,
    join_tokens,
    noun_phrase_tokens,
    overlaps,
    without_fragments,
)
from chronique.voices import quotations


class Summarise(Protocol):
    """``summaries.summary_of``: how the clause a saying reports is summarised."""

    def __call__(
        self,
        trigger: Token,
        clause_head: Token,
        skip: set[int],
        words: SummaryWords,
        *,
        outside: Collection[int],
        depth: int,
    ) -> str: ...


# How many sayings deep a summary tells what is reported ("X a affirmé que Y a annoncé que …").
MAX_REPORT_DEPTH = 2
# Where a verb of saying keeps the clause it reports, and where an incise hangs on the clause before it.
_REPORTED_DEPS = frozenset({"ccomp", "parataxis"})
_INCISE_DEPS = frozenset({"parataxis", "advcl", "conj", "ccomp", "dep", "acl"})
# Where a word heads a clause of its own, with its own "selon X" (a noun coordinated with another is none).
_OWN_CLAUSE_DEPS = frozenset({"acl:relcl", "advcl", "ccomp", "csubj", "parataxis"})
# How far up an incise's clause is looked for.
_MAX_CLIMB = 4
# What heads a clause: a verb, or the attribute of a copula ("les dégâts sont importants").
_CLAUSE_POS = frozenset({"VERB", "AUX", "ADJ", "NOUN", "PROPN"})
# What the model makes of the speaker after an incise's verb ("…, a précisé la préfecture": obj).
_INVERTED_SPEAKER_DEPS = frozenset({"nsubj", "obj", "obl:mod", "nmod", "appos", "flat:name", "dep"})
# The content a verb of saying can have of its own: then it is summarised as any verb ("a annoncé sa
# démission", "a dit craindre une hécatombe").
_OWN_CONTENT_DEPS = frozenset({"obj", "xcomp", "obl:arg"})
# The conjunction that opens reported speech.
_THAT = frozenset({"que", "qu'", "qu’"})
_VOWELS = tuple("aeiouyéèêàâîôûAEIOUYÉÈÊÀÂÎÔÛ")
_CLOSING_QUOTES = frozenset({'"', "»", "”"})
# Where a summary's words break: spaces and elisions ("n'existait" holds "existait").
_WORD_BREAKS = re.compile(r"[\s'’\"«»]+")


def is_incise(verb: Token) -> bool:
    """A verb of saying set apart after what it tells, by a comma or a closing quote, its subject after it:
    "…, a indiqué le maire", "», a-t-il lancé", "», l'a interpellé le journaliste", "», lui a répondu X" (not
    "le directeur, Patrick Strzoda, a affirmé")."""
    first = _with_clitics(verb, verb_group_start(verb))
    told_before = any(
        c.dep_ in SUBJECT_DEPS
        and c.i < first.i
        and _same_voice(c, verb)
        and not _clausal(c)
        and agrees(c, verb)  # a plural noun of the quotation before "…, a annoncé X" is not its subject
        for c in verb.children
    )
    if first.i == 0 or not first.nbor(-1).is_punct or told_before or present_participle(verb):
        return False  # "…, jugeant la mesure tardive": a participle set apart, its subject the verb's before
    # "Ingrid Levavasseur, l'une des figures du mouvement, a annoncé": the comma closes an apposition
    return not named_then_described(subject_before(first, verb, ()), first)


def _with_clitics(verb: Token, first: Token) -> Token:
    """The first word of a verb group with the object and reflexive pronouns written before it ("l'a
    interpellé", "lui a répondu", "se réjouit"): where an incise begins."""
    clitics = {
        c.i
        for c in verb.children
        if c.pos_ == "PRON" and (c.dep_ in {"obj", "iobj"} or c.dep_ in REFLEXIVE_DEPS) and c.i < first.i
    }
    while first.i - 1 in clitics:
        first = first.nbor(-1)
    return first


def _clausal(subject: Token) -> bool:
    """A clause the model reads as the subject of the verb of saying after it: what it reports ("Ce n'est pas
    vrai, a déclaré mardi Patrick Pelloux"), also a noun attribute with its copula ("C'est une posture de
    prudence", a expliqué le haut fonctionnaire)."""
    attribute = subject.pos_ == "NOUN" and any(c.dep_ == "cop" and c.i < subject.i for c in subject.children)
    return (subject.pos_ in {"ADJ", "VERB"} or attribute) and _conjugated(subject)


def _same_voice(word: Token, verb: Token) -> bool:
    """Whether a word is told by the verb's own voice: a pronoun inside the quotation before an incise
    ("« J'ai des éléments », a insisté maître de Veulle") is the quotation's, not the incise's subject."""
    regions = quotations(verb.doc)
    return regions[word.i] == regions[verb.i] and not (
        word.pos_ == "PRON" and "1" in word.morph.get("Person", []) and word.i < verb.i
    )


def governing(clause: Token) -> Token:
    """An infinitive is told with the verb it completes: "la police a souhaité interroger Myriam"."""
    while clause.dep_ == "xcomp" and "Inf" in clause.morph.get("VerbForm", []) and clause.head.i != clause.i:
        clause = clause.head
    return clause


def reported_clause(verb: Token, saying: Collection[str]) -> Token | None:
    """The clause a verb of saying reports: the clause an incise follows ("« … », a-t-il jugé"), or its
    "que" clause or quotation ("a estimé que …", "a déclaré : « … »"); never the incise of another verb of
    saying ("le confinement se poursuivra …, a prévenu l'Élysée" tells the Élysée's words)."""
    incise = is_incise(verb)
    if as_told(verb):  # "comme l'explique RTL": the clause it is set in, or the one the model hangs on it
        around = [verb.head] if verb.head.i != verb.i else []
        around += [c for c in verb.children if c.dep_ in _INCISE_DEPS and c.i > verb.i]
        clause = next((c for c in around if _conjugated(c)), None)
        return governing(clause) if clause is not None else None
    if verb.dep_ in _INCISE_DEPS and verb.head.i < verb.i and incise:
        clause = _clause_of(verb.head)
        if clause is not None:
            return governing(clause)
    reported = [
        c
        for c in sorted(verb.children, key=lambda t: t.i)
        if _heads_clause(c)
        and not (c.i > verb.i and c.lemma_.lower() in saying and is_incise(c))
        and (
            c.dep_ in _REPORTED_DEPS
            or (c.i > verb.i and c.dep_ == "advcl" and _reports_after(c))
            # « Si …, on va au-devant d'une casse », a averti X: the main clause, not the "si" clause
            or (
                incise
                and c.i < verb.i
                and (c.dep_ in {"advcl", "dep"} or (c.dep_ in SUBJECT_DEPS and _clausal(c)))
                and _conjugated(c)
                and not _is_subordinate(c)
            )
        )
    ]
    return min(reported, key=lambda c: c.dep_ not in _REPORTED_DEPS, default=None)


def _reports_after(clause: Token) -> bool:
    """A clause the model hangs after a verb of saying as an adverbial that is what it reports: opened by
    "que" ("a annoncé lundi qu'elle ne participera plus …"), or a past infinitive ("a annoncé vendredi avoir
    pris des arrêtés")."""
    opened = any(c.dep_ == "mark" and c.lower_ in _THAT for c in clause.children)
    past_infinitive = any(
        c.dep_.startswith("aux") and "Inf" in c.morph.get("VerbForm", []) and c.i < clause.i
        for c in clause.children
    ) and not any(c.dep_ == "mark" for c in clause.children)  # "critiqué pour ne pas avoir …": a cause
    return opened or past_infinitive


def _heads_clause(token: Token) -> bool:
    """A verb, or the attribute of a copula, an impersonal adverb too ("il était trop tôt")."""
    impersonal = any(c.dep_ == "cop" for c in token.children) and any(
        c.dep_ in {"expl:subj", "nsubj"} and c.lower_ == "il" for c in token.children
    )
    return token.pos_ in _CLAUSE_POS or (token.pos_ == "ADV" and impersonal)


def _conjugated(clause: Token) -> bool:
    """A clause with a conjugated verb: the verb itself, an auxiliary or a copula ("sera disponible")."""
    forms = [clause, *(c for c in clause.children if c.dep_.startswith("aux") or c.dep_ == "cop")]
    return _heads_clause(clause) and any("Fin" in t.morph.get("VerbForm", []) for t in forms)


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


def speaker_of(verb: Token, skip: Collection[int]) -> Token | None:
    """Who says: the verb's subject, wherever it stands (a relative's antecedent: "le directeur, qui
    précise"); after an incise, the name or noun phrase the model read as its object or hung on the date
    ("…, a précisé la préfecture du Maine-et-Loire", "a estimé mercredi 13 mai la ministre du Travail")."""
    # "a-t-il jugé", "jugé-t-il": the inverted pronoun, wherever the model hangs it
    first = verb_group_start(verb)
    inverted = [t for t in verb.doc[first.i : verb.i + 2] if is_inverted_pronoun(t)]
    if inverted:
        return inverted[0]
    own = [  # "…, a annoncé Alexandre Benalla": not the quotation's plural noun the model reads as subject
        c
        for c in verb.children
        if c.dep_ in SUBJECT_DEPS and _same_voice(c, verb) and not _clausal(c) and agrees(c, verb)
    ]
    if any(c.i not in skip for c in own) or not (is_incise(verb) or as_told(verb)):
        # the subject the parse gives, else the noun phrase written before the verb ("Santé publique France
        # annonce dimanche que …", the weekday read as its subject)
        return subject_in(verb, skip) or _head_of(subject_before(first, verb, skip))
    frontier = [verb]
    while frontier:
        node = frontier.pop(0)
        for child in sorted(node.children, key=lambda t: t.i):
            # a name said to ("explique à l'AFP Florence Arnaiz-Maumé"), not any complement ("à l'issue de
            # sa réunion avec le ministre X": X is no speaker)
            addressed = (
                child.i > verb.i
                and child.pos_ == "PROPN"
                and any(c.dep_ == "case" and c.lower_ in {"à", "au"} for c in child.children)
            )
            named = not not_a_name(child) or lettered_number(child) or _one_of(child)
            if child.i in skip or not named or addressed:
                frontier.append(child)  # a date, "à l'AFP", between the verb and its speaker
            elif (
                child.i > verb.i
                # "a révélé jeudi matin BFMTV": a name the model reads as a number describing the date
                and (
                    child.dep_ in _INVERTED_SPEAKER_DEPS or (child.dep_ == "amod" and lettered_number(child))
                )
                and named
                and not any(c.dep_ == "case" for c in child.children)
                and (
                    child.pos_ in {"PROPN", "NUM"}
                    or _one_of(child)
                    or any(c.dep_ == "det" for c in child.children)
                    or any(t.pos_ == "PROPN" for t in child.subtree)  # "maître de Veulle"
                    or _capitalised(child)  # "a averti Matignon": a name the tagger read as a noun
                )
            ):
                return child
    return None


def _one_of(word: Token) -> bool:
    """ "l'un des porte-parole", "l'une des figures": a noun phrase, though the model tags "un" a pronoun."""
    return (
        word.lemma_.lower() == "un"
        and any(c.dep_ == "det" for c in word.children)
        and any(c.dep_ == "nmod" and c.i > word.i for c in word.children)
    )


def _capitalised(noun: Token) -> bool:
    """A common noun of the tagger's written with a capital inside its sentence, no determiner: a name
    ("…, a averti Matignon", "…, a indiqué Bercy")."""
    return (
        noun.pos_ == "NOUN"
        and noun.text[:1].isupper()
        and not noun.is_sent_start
        and not any(c.dep_ == "det" for c in noun.children)
    )


def _head_of(phrase: Sequence[Token]) -> Token | None:
    """The word of a phrase that the others hang on (its head in the parse), or its last name or noun."""
    ids = {t.i for t in phrase}
    heads = [t for t in phrase if t.head.i not in ids and t.pos_ in {"NOUN", "PROPN", "PRON", "NUM"}]
    named = [t for t in phrase if t.pos_ in {"NOUN", "PROPN", "PRON"}]
    return heads[0] if heads else (named[-1] if named else None)


def _speaker_words(speaker: Token, verb: Token, skip: Collection[int]) -> str:
    """The speaker as the subject of a summary: "-il" of "a-t-il dit" is "il"; a speaker the parse does not
    give the verb, as written before it ("Santé publique France annonce")."""
    if speaker.pos_ == "PRON" and (speaker.morph.get("Person", []) or speaker.text.startswith("-")):
        return speaker.text.split("-")[-1]  # a personal pronoun; "l'une des figures" is a noun phrase
    first = verb_group_start(verb)
    if speaker.i < verb.i and speaker.dep_ not in SUBJECT_DEPS:
        written = subject_before(first, verb, skip)
        if speaker in written:
            return join_tokens(written)
    doc = speaker.doc
    return join_tokens(without_fragments([doc[i] for i in sorted(subject_ids(speaker) - set(skip))]))


def _is_quoted(clause: Token, regions: Sequence[int]) -> bool:
    """Whether a reported clause is a direct quotation: inside quotation marks, or closed by one, or told
    in the first or second person ("Je réponds au peuple français", a lancé le président); a "que" clause
    is indirect speech even where some of its words are quoted."""
    if any(c.dep_ == "mark" and c.lower_ in _THAT for c in clause.children):
        return False
    doc = clause.doc
    after = clause.right_edge.i + 1
    persons = {p for t in [clause, *clause.children] for p in t.morph.get("Person", [])}
    return (
        bool(regions[clause.i])
        or (after < len(doc) and doc[after].text in _CLOSING_QUOTES)
        or bool(persons & {"1", "2"})
    )


def saying_summary(
    verb: Token, skip: set[int], words: SummaryWords, depth: int, summarise: Summarise
) -> str | None:
    """A verb of saying whose content is the clause it reports: who said what, that clause summarised
    ("Jeanne d'Hauteserre a affirmé que les dégâts sont importants", "il a jugé : « Nous arrivons à un
    moment »"); the reported clause alone when no speaker is named; an incise whose clause the parse does
    not show, its speaker first ("Matignon a indiqué", not "a indiqué Matignon"). None where the verb has
    content of its own ("a annoncé sa démission") or says nothing the parse shows."""
    speaker = speaker_of(verb, skip)
    reported = reported_clause(verb, words.saying)
    if speaker is None and reported is not None and reported.i > verb.i:
        # a comma before the verb that set off an apposition, no incise: "Ingrid Levavasseur, l'une des
        # figures du mouvement, a annoncé lundi qu'elle …"
        first = verb_group_start(verb)
        speaker = _head_of(subject_before(first, verb, skip))
    owned = [
        c
        for c in verb.children
        if c.dep_ in _OWN_CONTENT_DEPS
        and c.pos_ != "PRON"
        and c.i not in skip
        and not not_a_name(c)  # "le 11 mai" the model hangs on the verb: a date, no content
        and (speaker is None or c.i != speaker.i)
        # "…, a dénoncé Johann Cavallero, délégué national": the speaker's apposition, no content
        and not (speaker is not None and c.i > speaker.i and c.doc[c.left_edge.i - 1].text == ",")
        # "a déclaré sur Radio J qu'il a envie …": where it was said; the "que" clause after it is the content
        # (also "», a-t-il déclaré au micro de France Info": an incise's content is the clause before it)
        and not (
            reported is not None
            and (reported.i > c.i or reported.i < verb.i)
            and c.dep_ == "obl:arg"
            and any(k.dep_ == "case" for k in c.children)
        )
        # "a confirmé à l'AFP", "a-t-il assuré à Franceinfo": whom it was said to, no content
        and not (c.pos_ == "PROPN" and any(k.dep_ == "case" and k.lower_ in {"à", "au"} for k in c.children))
    ]
    if owned or (speaker is not None and reported is not None and speaker.i == reported.i):
        return None
    bare = _who_said(verb, speaker, skip) if speaker is not None and is_incise(verb) else None
    if reported is None:
        return bare
    # the saying's own words (its speaker, its incise) are no part of what it reports
    own_words = {t.i for t in verb.subtree}
    if reported.i in own_words:  # "a affirmé que …": the clause is the saying's; else the saying is an incise
        own_words -= {t.i for t in reported.subtree}
    if speaker is not None:
        own_words |= {t.i for t in speaker.subtree}
    told = summarise(reported, reported, skip, words, outside=own_words, depth=depth + 1)
    if not _tells_something(told, reported, skip | own_words):
        return bare
    told = " ".join(told.translate({ord(mark): " " for mark in QUOTE_MARKS}).split())
    if speaker is None:
        return told
    said = _who_said(verb, speaker, skip)
    if not is_finite(reported) and not _conjugated(reported):
        return f"{said} {told}"  # "a répété être favorable à …", "a annoncé avoir pris des arrêtés"
    if _is_quoted(reported, quotations(verb.doc)):
        return f"{said} : « {told} »"
    told = _lowered(told, reported)
    if any(
        c.dep_ == "obj" and c.lower_ in _THAT and c.i < reported.i and c.pos_ == "PRON"
        for c in reported.children
    ):
        # "a dévoilé ce que l'ex-chargé de mission a déclaré": what he said, not that he said it
        return f"{said} ce qu'{told}" if told.startswith(_VOWELS) else f"{said} ce que {told}"
    if verb.lemma_.lower() in words.without_que:
        return f"{said} : {told}"  # "a insisté : le déconfinement devra rester prudent"
    return f"{said} qu'{told}" if told.startswith(_VOWELS) else f"{said} que {told}"


def _who_said(verb: Token, speaker: Token, skip: Collection[int]) -> str:
    """The speaker and the verb group of saying, in that order: "il a jugé", "Matignon a indiqué"."""
    group = [
        c
        for c in verb.children
        if (c.dep_.startswith("aux") or c.dep_ in REFLEXIVE_DEPS or is_negation(c) or c.dep_ == "iobj")
        and c.i not in skip
        and c.pos_ in {"AUX", "VERB", "ADV", "PRON"}
        and not (c.pos_ == "PRON" and c.i > verb.i)  # "a-t-il": the inverted "-t" and "-il"
        and not c.text.startswith("-")
        and c.i != speaker.i
    ]
    who = _speaker_words(speaker, verb, skip)
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
    # the subject the parse gives, or the noun phrase written before the verb, which the model hangs
    # elsewhere ("…, l'inauguration de la fresque a été reportée, a annoncé la mairie")
    subject = (
        subject_in(reported, skip)
        or next((c for c in reported.children if c.dep_ == "expl:subj"), None)
        or _head_of(subject_before(verb_group_start(reported), reported, skip))
    )
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


def reporter_of(clause: Token, saying: Collection[str]) -> Token | None:
    """The verb of saying that reports a clause: the verb whose "que" clause or quotation it is ("a estimé
    que …"), or an incise of its sentence that tells it ("…, a précisé la préfecture", "…, rapporte
    franceinfo" however the model hangs it)."""
    candidates = [clause.head] if clause.head.i != clause.i else []
    candidates += [t for t in sentence_of(clause) if t.i > clause.i and t.i != clause.head.i]
    for verb in candidates:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in saying:
            continue
        reported = reported_clause(verb, saying)
        if reported is not None and reported.i == clause.i:
            return verb
    # "Comme l'avait annoncé la ministre, la priorité est donnée …", "…, comme l'explique RTL, les magistrats
    # se sont rendu compte": the clause it is set in, or the one the model hangs on it
    return next(
        (
            c
            for c in [*clause.children, *([clause.head] if clause.head.i != clause.i else [])]
            if c.lemma_.lower() in saying and as_told(c)
        ),
        None,
    )


def as_told(verb: Token) -> bool:
    """A verb of saying opened by "comme" and the neuter "le" that stands for the clause around it: an
    incise, its speaker after it ("comme l'explique RTL", "Comme l'avait annoncé la ministre")."""
    before = [c for c in verb.children if c.i < verb.i]
    return any(c.dep_ == "mark" and c.lower_ == "comme" for c in before) and any(
        c.pos_ == "PRON" and c.lemma_ == "le" and not c.morph.get("Reflex", []) for c in before
    )


def according_to(trigger: Token, clause: Token, cases: Collection[str]) -> Token | None:
    """The X of "selon X", "d'après X" among the complements of a clause's verbs (``cases``: the phrases of
    ``data/modality.tsv`` according_to)."""
    verbs = [trigger]
    while verbs[-1].i != clause.i and verbs[-1].head.i != verbs[-1].i and len(verbs) < _MAX_CLIMB:
        verbs.append(verbs[-1].head)
    for verb in verbs:
        # on the verb, or deeper in its complements, where the model hangs a "selon X" that ends the clause
        # ("… s'était soldée par 320 blessés, 1 082 personnes interpellées selon le parquet de Paris": on
        # "personnes" or on the participle that describes them); never in a clause of its own (a relative, a
        # conjugated verb: their "selon" is theirs)
        frontier = list(verb.children)
        while frontier:
            child = frontier.pop(0)
            opening = [c for c in child.children if c.dep_ == "case" and c.i < child.i]
            words = [*opening, *(f for c in opening for f in c.children if f.dep_ == "fixed")]
            phrase = " ".join(t.lower_.replace("’", "'") for t in sorted(words, key=lambda t: t.i))
            if phrase.replace(" '", "'").replace("' ", "'") in cases and child.pos_ != "PRON":
                return child
            nominal = child.pos_ in {"NOUN", "PROPN", "NUM"} and child.dep_ not in _OWN_CLAUSE_DEPS
            if nominal or (child.dep_ == "acl" and is_bare_participle(child)):
                frontier.extend(child.children)
    return None


def _author(source: Token, acting: Acting) -> list[str]:
    """Who a source that is a thing tells for: "selon les données de l'ARS", "selon le dernier bilan des
    autorités", "selon un sondage Elabe", "selon une information LCI et BFMTV" (a document cannot say; the
    people or organisation its "de" or the name beside it names do). Nothing for a source that can act."""
    if actors_of(source, [], acting) or not acting.people:
        return []
    for child in source.children:
        cases = {c.lower_ for c in child.children if c.dep_ == "case"}
        named = child.pos_ == "PROPN" and not cases and child.dep_ in {"nmod", "appos", "flat:name"}
        whose = bool(cases) and cases <= {"de", "d'", "d’", "du", "des"} and child.dep_ == "nmod"
        if child.i > source.i and (named or whose):
            return actors_of(child, [], acting)
    return []


def speaker_names(
    trigger: Token, clause: Token, skip: Collection[int], words: SummaryWords, cases: Collection[str]
) -> list[str]:
    """Who tells the event, as actors: the speaker of a saying that is the row's own event ("…, a estimé
    mercredi la ministre du Travail"), of the saying that reports its clause ("…, a précisé la DGS"), or
    the X of "selon X"; a pronoun names no one, a name the model reads as a number does ("franceinfo")."""
    reporter: Token | None = trigger
    saying = trigger.lemma_.lower() in words.saying
    if not saying or (reported_clause(trigger, words.saying) is None and not is_incise(trigger)):
        # "interroger le suspect" reports nothing; an incise whose clause the parse does not show still has
        # its speaker ("« Vos annonces, c'est du bricolage », a dénoncé la députée")
        reporter = reporter_of(clause, words.saying)
    heads = [
        speaker_of(reporter, skip) if reporter is not None else None,
        according_to(trigger, clause, cases),
    ]
    if reporter is not None and not (is_finite(reporter) or present_participle(reporter)):
        heads[0] = None  # "la décrue observée": a participle describing a noun, no saying
    elif (
        reporter is trigger
        and heads[0] is not None
        and heads[0].dep_ not in SUBJECT_DEPS
        and not (is_incise(trigger) or as_told(trigger))
    ):
        heads[0] = None  # a word after a saying that is no incise: its object, not who spoke
    names: list[str] = []
    for head in heads:
        if head is None or head.dep_ == "nsubj:pass":
            continue  # "dix cas ont été confirmés": what was told, not who told it
        found = [head.text] if lettered_number(head) else actors_of(head, [], words.acting)
        found = found or _author(head, words.acting)
        if reporter is not None and head.i < reporter.i and head.head.i != reporter.i:
            found = _written_speaker(head, reporter, skip) or found
        names.extend(n for n in found if not overlaps(n, names))
    return names


def _written_speaker(head: Token, verb: Token, skip: Collection[int]) -> list[str]:
    """A speaker the parse hangs elsewhere (on the date before the verb: "Dimanche 25 novembre, le ministre
    de l'Économie Bruno Le Maire a indiqué"), as the text writes it before its verb: the people it names,
    else its words."""
    first = verb_group_start(verb)
    written = subject_before(first, verb, skip)
    if head not in written or not_a_name(head) or written[-1].i + 1 != first.i:
        return []  # not the words right before the verb ("Le secrétaire …, Lloyd Austin, a déclaré")
    ids = {t.i for t in written}
    people = [
        e.text
        for e in entities(head.doc)
        if e.label_ == "PER" and set(range(e.start, e.end)) <= ids and is_whole(e)
    ]
    return people or [join_tokens(without_fragments(written))]
