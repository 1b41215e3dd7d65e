"""The spaCy model, with only the components chronique uses (loaded once per process by the analyzer)."""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, cast

import numpy
import spacy
from spacy.language import Language
from spacy.pipeline import EntityRecognizer
from spacy.tokens import Doc, Span, Token
from thinc.api import Model, NumpyOps
from thinc.types import Floats2d
from threadpoolctl import threadpool_limits

from chronique.glued import GLUED
from chronique.model import Sentence
from chronique.pattern_cache import prime
from chronique.verb_forms import VERB_FORMS
from chronique.vocabulary import Vocabulary, normalise

# The parser gives sentences, heads and dependency labels; the morphologizer gives tense and mood;
# the lemmatizer (through attribute_ruler) gives lemmas. These run on every text parsed.
USED_COMPONENTS = ("tok2vec", "morphologizer", "parser", "attribute_ruler", "lemmatizer")
# ner gives actors and places. It has its own tok2vec, a third of the model's cost, and only the sentences
# that hold an event need names: it runs on those alone (``recognise_entities``).
ENTITY_COMPONENT = "ner"


PARAGRAPHS = "chronique_paragraphs"


@Language.component(PARAGRAPHS)
def mark_paragraphs(doc: Doc) -> Doc:
    """A blank line ends a sentence: titles, datelines and blanked boilerplate never run into the text."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n\n" in previous.text_with_ws or (previous.is_space and "\n" in previous.text):
            token.is_sent_start = True
    return doc


PARTICIPANTS = "chronique_participants"
_NOT_NAMES = "chronique.not_names"
_TITLES = "chronique.titles"
# The prepositions fused with the article "le": "au Monde" is "à" + "Le Monde".
_FUSED_LE = frozenset({"au", "du"})
# A token that is a number or a clock time ("1914", "0h20", "14:30", "3,5"): never a name.
_NUMBER_OR_CLOCK = re.compile(r"\d[\d.,:hH]*")
_SUBJECT_DEPS = frozenset({"nsubj", "nsubj:pass", "csubj", "expl:subj"})
# What the model makes of an inverted subject ("…, a averti jeudi Emmanuel Macron": obj) or of an agent.
_MISREAD_SUBJECT_DEPS = frozenset({"obj", "obl:mod", "nmod"})
_MISREAD_AGENT_DEPS = frozenset({"obl:mod", "obl", "obl:arg"})
_CLAUSE_DEPS = frozenset({"advcl", "ccomp", "parataxis", "csubj", "obj"})
# A phrase set before its clause by a comma ("Samedi, ils ont été dispersés", "Lundi soir, …") that the
# parser cut off as a sentence of its own: at most this many words, and no verb.
_FRONTED_MAX_WORDS = 4
# Verbs that are not the clause a fronted phrase sets: a relative's, a participle's or adjective's, an
# infinitive's ("Lundi, le maire, qui était absent, a …").
_NOT_THE_CLAUSE = frozenset({"acl", "acl:relcl", "amod", "xcomp", "csubj"})
# The verbs whose finite forms are auxiliaries, and the longest phrase set between one and its participle.
_AUXILIARIES = frozenset({"avoir", "être"})
_MAX_ASIDE_WORDS = 4
# The words of an incise between its comma and its verb of saying: "a", "-t", "-il", "avait", "lui".
_INCISE_GROUP = ("aux", "expl", "nsubj", "iobj", "advmod")


@dataclass(frozen=True, slots=True)
class ParseWords:
    """The French words the parse's repairs need: words that name no one (interjections, editorial tags,
    weekdays and months), the agent's preposition ("par"), and the verbs of saying (lemmas)."""

    not_names: frozenset[str] = frozenset()
    # the editorial tags among them, common nouns where a determiner of their own says so ("une vidéo qui
    # montre", "les sources"), tags alone ("Vidéo", "Photo AFP", "(NDLR)")
    editorial: frozenset[str] = frozenset()
    agent_cases: frozenset[str] = frozenset()
    not_agents: frozenset[str] = frozenset()
    reporting_verbs: frozenset[str] = frozenset()
    # papers whose title opens on "Le" ("le monde"): after "au"/"du" the name is still told whole
    titled: frozenset[str] = frozenset()
    # phrases set between an auxiliary and its participle ("a de son côté annoncé")
    asides: frozenset[str] = frozenset()
    # phrases that with "de" make an infinitive's aspect ("en train de frapper")
    aspects: frozenset[str] = frozenset()
    participle_endings: frozenset[str] = frozenset()
    imperfect_endings: frozenset[str] = frozenset()
    present_endings: frozenset[str] = frozenset()
    # words after whose full stop no sentence ends ("art.12"), lower case, no stop
    abbreviations: frozenset[str] = frozenset()

    @classmethod
    def from_vocabulary(cls, vocabulary: Vocabulary) -> ParseWords:
        """From ``data/participants.tsv`` (interjections, editorial tags, the agent's preposition), the
        weekdays, months and parts of day, and the verbs of saying of ``data/verbs.tsv``."""
        participants = vocabulary["participants"]
        # the words of a day counted from another ("demain", "la veille") too: "Demain deux nouveaux TGV
        # partiront" has a time, not a subject, before its verb
        time_words = [vocabulary[name] for name in ("weekdays", "months", "parts_of_day", "day_shifts")]
        not_names = {form for key in ("interjection", "editorial") for form in participants.forms_of(key)}
        not_names |= {normalise(form) for lexicon in time_words for e in lexicon.entries for form in e.forms}
        # calendar units too: "a déclaré le même jour X" has a time, not a subject, after its verb
        not_names |= {normalise(form) for e in vocabulary["units"].entries for form in e.forms}
        return cls(
            not_names=frozenset(not_names),
            editorial=frozenset(normalise(form) for form in participants.forms_of("editorial")),
            agent_cases=participants.forms_of("agent_case"),
            not_agents=participants.forms_of("not_agent"),
            reporting_verbs=vocabulary["verbs"].forms_of("reporting_verbs"),
            titled=participants.forms_of("titled"),
            asides=participants.forms_of("aside"),
            aspects=vocabulary["summaries"].forms_of("aspect"),
            participle_endings=vocabulary["verbs"].forms_of("participle_endings"),
            imperfect_endings=vocabulary["verbs"].forms_of("imperfect_endings"),
            present_endings=vocabulary["verbs"].forms_of("present_endings"),
            abbreviations=frozenset(
                f.lower().rstrip(".") for f in vocabulary["cues"].forms_of("abbreviation")
            ),
        )


class Participants:
    """After the parse: the words that name no one are marked ("NDLR", "Ouais", "0h20": no entity is made of
    them alone, ``recognise_entities``), an inverted subject after a verb of saying is labelled the subject
    ("…, a averti jeudi Emmanuel Macron"), and a passive's "par" complement its agent ("évacué samedi par
    les gendarmes")."""

    def __init__(self, words: ParseWords) -> None:
        self.words = words

    def __call__(self, doc: Doc) -> Doc:
        self._join_comma_fragments(doc)
        _join_cut_subjects(doc)
        excluded = frozenset(t.i for t in doc if self._names_no_one(t))
        doc.user_data[_NOT_NAMES] = excluded
        doc.user_data[_TITLES] = {
            t.i: f"Le {t.text}"
            for t in doc[1:]
            if doc[t.i - 1].lower_ in _FUSED_LE
            and t.text[:1].isupper()
            and f"le {normalise(t.text)}" in self.words.titled
        }
        for token in doc:
            self._aside_before_participle(token)
            self._aspect_of_verb(token)
        for token in doc:
            self._participle_of_incise(token)
            self._title_and_name(token)
            verb = self._agent_of(token, excluded)
            if verb is not None:
                token.head = verb
                token.dep_ = "obl:agent"
            elif token.dep_ == "obl:agent" and self._adverbial(token):
                token.dep_ = "obl:mod"  # "reporté par la suite": an adverb, no agent
            if token.dep_ == "nsubj" and present_participle(token.head) and token.head.i < token.i:
                token.dep_ = "obj"  # "…, jugeant la mesure tardive": no subject follows a present participle
            subject = self._inverted_subject(token, excluded)
            if subject is not None:
                subject.head = token  # a name after the incise the model hung elsewhere is its subject
                subject.dep_ = "nsubj"
        return doc

    def _join_comma_fragments(self, doc: Doc) -> None:
        """A sentence never starts with a comma: where the parser starts one there, what comes before belongs
        to it. Before an incise of saying (« … », a précisé la préfecture) it is what the verb reports
        (``ccomp``); a short phrase with no verb ("Samedi, 20 personnes ont été interpellées, a précisé la
        préfecture") is a complement set before the next clause, and hangs on its first verb (``obl:mod``):
        it dates the arrests, not the saying."""
        for before, after in itertools.pairwise(list(doc.sents)):
            if after[0].text != ",":
                continue
            saying = self._incise_verb(after)
            if saying is not None:
                before.root.head = saying
                before.root.dep_ = "ccomp"
            elif len(before) <= _FRONTED_MAX_WORDS and not any(t.pos_ in {"VERB", "AUX"} for t in before):
                verbs = (t for t in after if t.pos_ == "VERB" and t.dep_ not in _NOT_THE_CLAUSE)
                before.root.head = next(verbs, after.root)
                before.root.dep_ = "obl:mod"
            elif _opening_participle(before) and after.root.pos_ in {"VERB", "AUX"}:
                # "Placé en garde à vue lundi, le suspect a été relâché": the participle set apart describes
                # the subject of the clause after its comma
                before.root.head = after.root
                before.root.dep_ = "advcl"

    def _aside_before_participle(self, form: Token) -> None:
        """A phrase set between an auxiliary and its participle ("Le maire a de son côté annoncé", "a, pour
        sa part, décidé", "a quant à lui interdit") leaves the participle the verb and the form of "avoir" or
        "être" its auxiliary: the model reads "a" as the verb, the phrase as its object and the participle
        as the phrase's adjective ("son côté rencontré", the subject lost), or "lui" as an object."""
        if form.lemma_ not in _AUXILIARIES or "Fin" not in form.morph.get("VerbForm", []):
            return
        doc = form.doc
        start = form.i + 1 + (form.i + 1 < len(doc) and doc[form.i + 1].text == ",")
        phrase = next(
            (
                doc[start:end]
                for end in range(start + 1, min(start + _MAX_ASIDE_WORDS, len(doc)) + 1)
                if normalise(doc[start:end].text) in self.words.asides
            ),
            None,
        )
        if phrase is None:
            return
        after = phrase.end + (phrase.end < len(doc) and doc[phrase.end].text == ",")
        participle = doc[after] if after < len(doc) else None
        if participle is not None and participle.lemma_ == "être" and after + 1 < len(doc):
            participle = doc[after + 1]  # "avaient de leur côté été reçus": "été" is the passive's
        if participle is None or participle.pos_ != "VERB":
            return
        words = {t.i for t in phrase}
        if form.head.i == participle.i and form.dep_.startswith("aux"):
            pass  # the model saw the auxiliary ("a quant à lui interdit"), not the phrase
        elif "Part" not in participle.morph.get("VerbForm", []) or "Past" not in participle.morph.get(
            "Tense", []
        ):
            return
        elif form in participle.ancestors or participle.head.i in words:
            # the participle takes the role the model gave the auxiliary
            root = form.head.i == form.i or form.head.i in words or form.head.i == participle.i
            participle.head = participle if root else form.head
            participle.dep_ = "ROOT" if root else form.dep_
        if not form.dep_.startswith("aux"):
            for child in list(form.children):
                if child.i not in words and child.i != participle.i:
                    child.head = participle  # its subject, its comma
            form.head = participle
            form.dep_ = "aux:tense" if form.lemma_ == "avoir" else "aux:pass"
            form.pos_ = "AUX"
        head = next((t for t in phrase if t.pos_ == "NOUN"), phrase[0])
        for word in phrase:
            if word.i != head.i and not (word.dep_ in {"case", "det"} and word.head.i == head.i):
                word.head = head
                word.dep_ = "fixed"  # "quant à lui": "lui" is no object of the verb
        head.head = participle
        head.dep_ = "obl:mod" if head.pos_ == "NOUN" else "advmod"

    def _aspect_of_verb(self, infinitive: Token) -> None:
        """An infinitive after "en train de", "sur le point de" completes the verb before the phrase, not
        the phrase's noun ("filmé en train de frapper des manifestants": the model hangs "frapper" on
        "train", and the summary of "frapper" loses who was filmed doing it)."""
        noun = infinitive.head
        if "Inf" not in infinitive.morph.get("VerbForm", []) or noun.pos_ != "NOUN" or noun.i > infinitive.i:
            return
        doc = infinitive.doc
        mark = doc[infinitive.i - 1] if infinitive.i > 0 else None
        if mark is None or mark.dep_ != "mark" or mark.head.i != infinitive.i or noun.head.i == noun.i:
            return
        if any(c.dep_ == "cop" or c.dep_ in _SUBJECT_DEPS for c in noun.children):
            return  # "alors qu'il était en train de filmer": the phrase is its own clause's attribute
        # the verb written nearest before it ("montrant X, son collaborateur, en train de frapper")
        verb = next((t for t in reversed(doc[infinitive.sent.start : noun.i]) if t.pos_ == "VERB"), None)
        if verb is None:
            return
        phrase = (
            doc[start : mark.i]
            for start in range(max(mark.i - _MAX_ASIDE_WORDS, infinitive.sent.start), mark.i)
        )
        if any(noun.i in range(p.start, p.end) and normalise(p.text) in self.words.aspects for p in phrase):
            infinitive.head = verb
            infinitive.dep_ = "xcomp"

    @staticmethod
    def _title_and_name(verb: Token) -> None:
        """A title and the name right after it, no comma nor "et" between, are one subject, the name in
        apposition ("Le ministre de la Santé Olivier Véran a rappelé": the model reads two subjects)."""
        subjects = sorted((c for c in verb.children if c.dep_ in {"nsubj", "nsubj:pass"}), key=lambda t: t.i)
        for title, name in itertools.pairwise(subjects):
            if (
                title.pos_ == "NOUN"
                and name.pos_ == "PROPN"
                and title.right_edge.i + 1 == name.left_edge.i == name.i
                and any(c.dep_ == "det" for c in title.children)
            ):
                name.head = title
                name.dep_ = "appos"

    def _participle_of_incise(self, participle: Token) -> None:
        """A present participle set apart after an incise of saying tells what its speaker did (« … », a
        ajouté l'élu, précisant qu'il ira manifester): the model hangs it on the quotation's verb, whose
        subject is not the speaker; it is the incise's."""
        head = participle.head
        if not present_participle(participle) or head.i >= participle.i or participle.i == 0:
            return
        if not participle.doc[participle.i - 1].is_punct:
            return
        incise = [
            t
            for t in participle.doc[head.i + 1 : participle.i]
            if t.pos_ == "VERB" and t.lemma_.lower() in self.words.reporting_verbs and t.head.i == head.i
        ]
        if incise:
            participle.head = incise[-1]
            participle.dep_ = "advcl"

    def _incise_verb(self, after: Span) -> Token | None:
        """The verb of saying right after the comma that starts ``after`` (", a-t-il précisé"), if any."""
        for token in after[1:]:
            if token.pos_ == "VERB":
                return token if token.lemma_.lower() in self.words.reporting_verbs else None
            if not (token.dep_.startswith(_INCISE_GROUP) or token.pos_ in {"AUX", "PRON"}):
                return None
        return None

    def _names_no_one(self, token: Token) -> bool:
        return (
            token.pos_ in {"INTJ", "NUM", "PRON"}
            or token.like_num
            or _NUMBER_OR_CLOCK.fullmatch(token.text) is not None
            or (normalise(token.text) in self.words.not_names and not self._common_noun(token))
        )

    def _common_noun(self, token: Token) -> bool:
        """An editorial word with a determiner of its own is a common noun or a name, no tag: "une vidéo qui
        montre sa participation" names a thing (and may be a subject), "Vidéo" alone tags the page; "rapporte
        l'AFP", "selon l'AFP" name the agency, "(AFP)" and "Photo AFP" sign the page."""
        doc = token.doc
        # a piece of a name cut at its hyphen ("AP" of "l'AP-HP") is none
        cut = not token.whitespace_ and token.i + 1 < len(doc) and doc[token.i + 1].text == "-"
        return (
            normalise(token.text) in self.words.editorial
            and not cut
            and any(c.dep_ == "det" for c in token.children)
        )

    def _agent_of(self, token: Token, excluded: frozenset[int]) -> Token | None:
        """The passive verb or participle whose agent a "par" complement is, where the model read it as a
        mere complement of the verb, or hung it on the verb's own complement before it ("suspendu de ses
        fonctions par la mairie")."""
        if token.dep_ not in _MISREAD_AGENT_DEPS and token.dep_ != "nmod":
            return None  # first the cheap test: this runs on every word
        verb = token.head
        if token.dep_ == "nmod":
            hung = verb.dep_ in _MISREAD_AGENT_DEPS and verb.i < token.i and verb.head.i < verb.i
            if not hung or any(c.dep_ == "obl:agent" for c in verb.head.children):
                return None
            verb = verb.head
        passive = any(c.dep_ == "aux:pass" for c in verb.children) or (
            verb.dep_ == "acl" and "Part" in verb.morph.get("VerbForm", [])
        )
        agent = (
            passive
            and token.i not in excluded
            and not self._adverbial(token)
            and (token.pos_ == "PROPN" or any(c.dep_ == "det" for c in token.children))
            and any(c.dep_ == "case" and c.lower_ in self.words.agent_cases for c in token.children)
        )
        return verb if agent else None

    def _adverbial(self, token: Token) -> bool:
        """ "par la suite", "par la force", "par tous les moyens": an adverb, not an agent; but a plural
        with its complement names a group ("frappé par les forces de l'ordre")."""
        if token.lemma_.lower() not in self.words.not_agents:
            return False
        return "Plur" not in token.morph.get("Number", []) or not any(
            c.dep_ == "nmod" for c in token.children
        )

    def _inverted_subject(self, verb: Token, excluded: frozenset[int]) -> Token | None:
        """The subject after a verb of saying that follows what it reports, read as its object by the
        model: « … », a averti jeudi Emmanuel Macron / La menace reste élevée, a averti le ministre."""
        if (
            verb.pos_ != "VERB"
            or verb.lemma_.lower() not in self.words.reporting_verbs
            or any(c.dep_ in _SUBJECT_DEPS for c in verb.children)
        ):
            return None
        reports_before = any(
            c.i < verb.i and c.dep_ in _CLAUSE_DEPS and c.pos_ != "PRON" for c in verb.children
        ) or (verb.dep_ in {"parataxis", "ccomp", "advcl"} and verb.head.i < verb.i)
        group = [c.i for c in verb.children if c.i < verb.i and c.dep_.startswith(("aux", "expl", "iobj"))]
        before = min([verb.i, *group]) - 1
        if not reports_before or before < 0 or not verb.doc[before].is_punct:
            return None
        candidates = [
            c
            for c in [*verb.children, *self._participle_subjects(verb)]
            if c.i > verb.i
            and c.dep_ in {*_MISREAD_SUBJECT_DEPS, "nsubj"}
            and c.i not in excluded
            and not any(g.dep_ == "case" for g in c.children)
        ]
        names = [c for c in candidates if c.pos_ == "PROPN"]
        nouns = [c for c in candidates if c.pos_ == "NOUN" and any(g.dep_ == "det" for g in c.children)]
        titled = next(((t, n) for t in nouns for n in names if _title_before(t, n)), None)
        if titled is not None:
            title, name = titled
            name.head = title
            name.dep_ = "appos"
            return title
        if names or len(nouns) == 1:
            return names[0] if names else nouns[0]
        return self._name_after(verb, excluded) or self._subject_after_complement(verb, excluded)

    @staticmethod
    def _subject_after_complement(verb: Token, excluded: frozenset[int]) -> Token | None:
        """The noun phrase written after the incise's complement, which the model hangs inside it (« … », a
        annoncé lors d'un point presse le directeur de l'hôpital / a déclaré sur France Inter la cheffe du
        service): an inverted subject has no preposition of its own, so the first noun with its determiner
        and none, after a complement opened by one, is who said it."""
        complement = False
        for token in verb.doc[verb.i + 1 : verb.right_edge.i + 1]:
            if token.text == ",":
                return None  # the incise ends at its comma ("…, confirmant plusieurs informations")
            if token.i in excluded or (token.head.i == verb.i and token.dep_ not in _MISREAD_SUBJECT_DEPS):
                complement = complement or any(c.dep_ == "case" for c in token.children)
                continue
            cases = [c for c in token.children if c.dep_ == "case"]
            complement = complement or bool(cases)
            if (
                complement
                and token.pos_ in {"NOUN", "PROPN"}
                and not cases
                and token.dep_ != "conj"  # "par le président … et son homologue": one agent and another
                and token.head.i != verb.i
                and token.head.i < token.i
                and any(c.dep_ == "det" and c.i < token.i for c in token.children)
            ):
                return token
        return None

    @staticmethod
    def _participle_subjects(verb: Token) -> list[Token]:
        """The noun the model makes the subject of a present participle set apart after the incise (« … », a
        estimé vendredi le député Paul Roux, jugeant la mesure tardive): a participle set apart by a comma
        has the subject of the verb it follows, so the noun before its comma is the incise's subject."""
        found: list[Token] = []
        for clause in verb.children:
            if clause.i < verb.i or not present_participle(clause) or not clause.doc[clause.i - 1].is_punct:
                continue
            found += [c for c in clause.children if c.dep_ == "nsubj" and verb.i < c.i < clause.i]
        return found

    @staticmethod
    def _name_after(verb: Token, excluded: frozenset[int]) -> Token | None:
        """A person's name written right after the incise's verb and its date, up to the comma or the end,
        which the model hangs on no word of the incise (« … », a annoncé mardi 3 mars Emmanuel Macron, alors
        que …): the speaker."""
        doc = verb.doc
        after = max(t.i for t in verb.subtree) + 1
        if after >= len(doc) or after in excluded:
            return None
        name = doc[after]
        parts = [c for c in name.children if c.dep_ == "flat:name"]
        end = max([name.i, *(c.i for c in parts)]) + 1
        return (
            name
            if name.pos_ == "PROPN"
            and name.text[:1].isupper()
            and parts
            and verb not in name.subtree
            and name.head.i not in range(verb.left_edge.i, after)
            and (end >= len(doc) or doc[end].is_punct)
            else None
        )


def _opening_participle(phrase: Span) -> bool:
    """A past participle that opens its sentence, with neither auxiliary nor subject ("Placé en garde à vue
    lundi")."""
    root = phrase.root
    return (
        root.i == phrase.start
        and root.pos_ == "VERB"
        and "Part" in root.morph.get("VerbForm", [])
        and "Past" in root.morph.get("Tense", [])
        and not any(c.dep_.startswith("aux") or c.dep_ in _SUBJECT_DEPS for c in root.children)
    )


def _join_cut_subjects(doc: Doc) -> None:
    """A sentence ends on a stop: where the parser cuts a short noun phrase, with no verb and no stop, from
    the conjugated verb right after it that has no subject ("Santé publique France | annonce dimanche que
    …"), the phrase is that verb's subject."""
    for before, after in itertools.pairwise(list(doc.sents)):
        verb = after.root
        if (
            not 1 < len(before) <= _FRONTED_MAX_WORDS  # one word alone ("Tu", "Me") is no cut phrase
            or "\n" in before[-1].text_with_ws
            or any(t.like_num for t in before)
            or any(t.is_punct or t.pos_ in {"VERB", "AUX"} for t in before)
            or before.root.pos_ not in {"NOUN", "PROPN"}
            or after[0].i != verb.i
            or verb.pos_ != "VERB"
            or "Fin" not in verb.morph.get("VerbForm", [])
            or any(c.dep_ in _SUBJECT_DEPS for c in verb.children)
        ):
            continue
        before.root.head = verb
        before.root.dep_ = "nsubj"


def _title_before(title: Token, name: Token) -> bool:
    """A title and, after its comma, the person's name are one inverted subject, the name in apposition («
    … », assurait vendredi le ministre de la Santé, Olivier Véran: was "Olivier Véran assurait le ministre de
    la Santé")."""
    comma = name.left_edge.i - 1
    return title.right_edge.i + 1 == comma and title.doc[comma].text == ","


def present_participle(token: Token) -> bool:
    """A present participle ("jugeant", "ajoutant"), not a gerund's or a finite verb."""
    return "Part" in token.morph.get("VerbForm", []) and "Pres" in token.morph.get("Tense", [])


def written_name(name: Span) -> str:
    """A name as it is written whole: "Le Monde" for the "Monde" of "a indiqué au Monde" (``Participants``:
    the papers of ``data/participants.tsv`` titled); else its words."""
    titles: dict[int, str] = name.doc.user_data.get(_TITLES, {})
    return titles.get(name.start, name.text) if len(name) == 1 else name.text


def not_a_name(token: Token) -> bool:
    """Whether a token names no one (an interjection, an editorial tag, a number or clock time, a weekday
    or month, a pronoun), as ``Participants`` marked it."""
    excluded: frozenset[int] | None = token.doc.user_data.get(_NOT_NAMES)
    if excluded is None:
        return token.pos_ in {"INTJ", "NUM", "PRON"} or token.like_num
    return token.i in excluded


@Language.factory(PARTICIPANTS, default_config={"words": {}})
def make_participants(nlp: Language, name: str, words: dict[str, list[str]]) -> Participants:
    """The ``Participants`` component; ``words`` maps each ``ParseWords`` field to its words (``load_model``
    gives chronique's)."""
    return Participants(
        ParseWords(
            not_names=frozenset(normalise(w) for w in words.get("not_names", [])),
            editorial=frozenset(normalise(w) for w in words.get("editorial", [])),
            agent_cases=frozenset(normalise(w) for w in words.get("agent_cases", [])),
            not_agents=frozenset(normalise(w) for w in words.get("not_agents", [])),
            reporting_verbs=frozenset(w.lower() for w in words.get("reporting_verbs", [])),
            titled=frozenset(normalise(w) for w in words.get("titled", [])),
            asides=frozenset(normalise(w) for w in words.get("asides", [])),
            aspects=frozenset(normalise(w) for w in words.get("aspects", [])),
        )
    )


class MatmulOps(NumpyOps):  # type: ignore[misc]  # thinc's Ops classes are Cython, untyped
    """thinc's CPU operations with its matrix products through numpy's BLAS: on the x86-64 machines this
    runs on, the blis kernels thinc ships are about three times slower for these shapes (tok2vec and ner
    are mostly matrix products). The same products: the parse and the entities do not change."""

    name = "chronique_matmul"

    def gemm(
        self,
        x: Floats2d,
        y: Floats2d,
        out: Floats2d | None = None,
        trans1: bool = False,
        trans2: bool = False,
    ) -> Floats2d:
        """``x @ y`` (each transposed when asked), into ``out`` when given."""
        left: numpy.ndarray[Any, Any] = numpy.asarray(x.T if trans1 else x)
        right: numpy.ndarray[Any, Any] = numpy.asarray(y.T if trans2 else y)
        if out is None:
            return cast(Floats2d, numpy.matmul(left, right))
        numpy.matmul(left, right, out=numpy.asarray(out))
        return out


def matrix_products_through_numpy(nlp: Language) -> None:
    """Every model of the pipeline computes with ``MatmulOps``, and numpy's BLAS keeps to one thread (a
    process is one core: ``--n-process`` is how chronique uses more)."""
    threadpool_limits(limits=1, user_api="blas")
    ops = MatmulOps()
    for _, component in nlp.components:
        model = getattr(component, "model", None)
        if isinstance(model, Model):
            for node in model.walk():
                node.ops = ops


def _index_as_sets(nlp: Language) -> None:
    """spaCy's French lemmatizer tests every candidate lemma against a list of up to 66,000 known forms
    (``form in index``): as sets, the same lemmas come about ten times faster."""
    if "lemmatizer" not in nlp.pipe_names:
        return
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index"):
        return
    index = lookups.get_table("lemma_index")
    for key, forms in list(index.items()):
        index[key] = frozenset(forms)


def load_model(name: str, words: ParseWords | None = None) -> Language:
    """Load a spaCy pipeline with its unused components off, and chronique's own (``chronique.analyzer``
    keeps it)."""
    prime(name)  # spaCy's tokenizer pattern, compiled once per machine (seconds at every start otherwise)
    nlp = spacy.load(name)
    _index_as_sets(nlp)
    matrix_products_through_numpy(nlp)
    unused = [pipe for pipe in nlp.pipe_names if pipe not in USED_COMPONENTS]  # ner included: see above
    for pipe in unused:
        nlp.disable_pipe(pipe)
    words = words or ParseWords()
    nlp.add_pipe(GLUED, first=True, config={"abbreviations": sorted(words.abbreviations)})
    nlp.add_pipe(PARAGRAPHS, before="parser")
    fields = (
        "not_names",
        "editorial",
        "agent_cases",
        "not_agents",
        "reporting_verbs",
        "titled",
        "asides",
        "aspects",
    )
    config = {"words": {field: sorted(getattr(words, field)) for field in fields}}
    endings = {
        "participles": sorted(words.participle_endings),
        "imperfect": sorted(words.imperfect_endings),
        "present": sorted(words.present_endings),
    }
    nlp.add_pipe(VERB_FORMS, last=True, config=endings)
    nlp.add_pipe(PARTICIPANTS, last=True, config=config)
    return nlp


def parse(texts: list[str], nlp: Language, *, batch_size: int) -> list[Doc]:
    """Parse a batch of texts, in order (one process: see ``chronique.parallel`` for both cores)."""
    return list(nlp.pipe(texts, batch_size=batch_size))


def sentences(doc: Doc) -> list[Sentence]:
    """The sentences of a parsed text, without blank ones, by character offsets."""
    found: list[Sentence] = []
    for span in doc.sents:
        text = span.text.strip()
        if not text:
            continue
        start = span.start_char + (len(span.text) - len(span.text.lstrip()))
        found.append(Sentence(index=len(found), start=start, end=start + len(text), text=text))
    return found


# spaCy rebuilds doc.sents and doc.ents on every access, and Span.sent scans the document: the stages ask
# for them per mention and per event, so they are computed once per document and kept in its user_data.
_SENTENCES = "chronique.sentences"
_ENTITIES = "chronique.entities"


def sentence_spans(doc: Doc) -> list[Span]:
    """The document's sentences (computed once)."""
    cached: list[Span] | None = doc.user_data.get(_SENTENCES)
    if cached is None:
        cached = list(doc.sents)
        doc.user_data[_SENTENCES] = cached
    return cached


def verb_group_start(verb: Token) -> Token:
    """The first word of a verb with its auxiliaries ("a" of "a annoncé", "a" of "a-t-il été")."""
    return min([verb, *(c for c in verb.children if c.dep_.startswith("aux"))], key=lambda t: t.i)


def sentence_of(token: Token) -> Span:
    """The sentence a token belongs to."""
    spans = sentence_spans(token.doc)
    index = bisect.bisect_right([span.start for span in spans], token.i) - 1
    return spans[max(index, 0)]


def verb_lemma(token: Token) -> str:
    """The token's lemma; a finite verb in -e the lemmatizer left as it stands ("La Ville compte bien fêter",
    "L'agence indique que …": "compte", "indique") is the present of a verb in -er."""
    lemma = token.lemma_.lower()
    finite = token.pos_ == "VERB" and "Fin" in token.morph.get("VerbForm", [])
    if finite and lemma == token.lower_ and lemma.endswith("e"):
        return lemma + "r"
    return lemma


def recognise_entities(
    nlp: Language, wanted: Sequence[tuple[Doc, Sequence[Span]]], *, batch_size: int
) -> None:
    """Run the model's ner on the given sentences of each document (a copy of each sentence, all in one
    batch) and keep their entities as the document's (``entities``), without the words that name no one
    (``Participants``) at their edges ("Edouard Philippe mardi" is "Edouard Philippe"); an entity made only
    of such words is dropped. Its window is four words: a sentence alone reads as in its
    text."""
    ner = nlp.get_pipe(ENTITY_COMPONENT)
    assert isinstance(ner, EntityRecognizer), ner
    pieces = [(doc, sentence) for doc, sentences in wanted for sentence in sentences]
    # the ner has its own embedding of the words (no listener of the shared tok2vec): a copy of the words
    # is all it reads, ten times cheaper to make than ``Span.as_doc`` (which copies every annotation)
    copies = ner.pipe((_words_of(sentence) for _, sentence in pieces), batch_size=batch_size)
    found: dict[int, list[Span]] = {id(doc): [] for doc, _ in wanted}
    for (doc, sentence), copy in zip(pieces, copies, strict=True):
        excluded: frozenset[int] = doc.user_data.get(_NOT_NAMES, frozenset())
        for ent in copy.ents:
            start, end = sentence.start + ent.start, sentence.start + ent.end
            # a name ends before a word that names no one at its edge: "Edouard Philippe mardi" (not a number:
            # "Europe 1", "France 2")
            while end > start and doc[end - 1].i in excluded and not doc[end - 1].like_num:
                end -= 1
            while start < end and doc[start].i in excluded and not doc[start].like_num:
                start += 1
            span = Span(doc, start, end, label=ent.label)
            if end > start and not all(t.i in excluded or t.is_punct for t in span):
                found[id(doc)].append(span)
    for doc, _ in wanted:
        doc.user_data[_ENTITIES] = tuple(found[id(doc)])


def _words_of(sentence: Span) -> Doc:
    """A new document of the sentence's words and spaces, nothing else."""
    return Doc(
        sentence.doc.vocab,
        words=[token.text for token in sentence],
        spaces=[bool(token.whitespace_) for token in sentence],
    )


def entities(doc: Doc) -> tuple[Span, ...]:
    """The document's named entities: those ``recognise_entities`` found, or the document's own when a
    full pipeline parsed it."""
    cached: tuple[Span, ...] | None = doc.user_data.get(_ENTITIES)
    if cached is None:
        cached = tuple(doc.ents)
        doc.user_data[_ENTITIES] = cached
    return cached
