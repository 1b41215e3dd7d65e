"""Verb forms the tagger misreads, repaired after the parse (the tense, the modality and the summary read
them).

- a past participle read as a noun or an adjective although an auxiliary governs it: "Elle a bien défilé
  samedi" ("défilé" a noun, "a" its aux:tense), "Les manifestants sont partis" ("partis" a noun, "sont" its
  aux:pass);
- a past participle read as an infinitive, mostly where it opens its sentence: "Questionné dimanche par Le
  Parisien, le médecin a réfuté";
- an imperfect or a conditional of a verb in -er read as a present: "les appels se multipliaient" (the
  imperfect is the verb's stem and an ending), "ils présenteraient" (the conditional is the infinitive and the
  same ending); a conditional read as an imperfect: "l'avion partirait mercredi" (the infinitive, less the
  "e" of -re: "prendrait");
- a present of a verb in -er read as an adjective or a noun although it has a subject and no copula: "qu'elle
  épouse en 1941", "La floraison dure un mois", "sa dernière allocution remonte au 13 avril", "l'infirmière
  lutte contre la fatigue".
The endings are French data (``data/verbs.tsv`` participle_endings, imperfect_endings, present_endings); the
verbs known are the lemmatizer's.
"""

from __future__ import annotations

from collections.abc import Callable, Container

from spacy.language import Language
from spacy.tokens import Doc, MorphAnalysis, Token

VERB_FORMS = "chronique_verb_forms"
_TENSE_AUXILIARIES = frozenset({"avoir", "être"})
_AUXILIARY_DEPS = frozenset({"aux:tense", "aux:pass"})  # "sont partis" is read as a passive
_FIRST_GROUP = "er"  # the regular verbs, whose stem is the infinitive without it
_THIRD_GROUP = "re"  # verbs whose future stem drops the infinitive's "e" ("prendr|ait")


class VerbForms:
    """The repairs: participles read as nouns (``_is_participle_read_as_noun``), imperfects and conditionals
    read as presents (``_misread_present``), presents read as adjectives or nouns
    (``_present_read_as_adjective``)."""

    def __init__(
        self,
        nlp: Language,
        participles: tuple[str, ...],
        imperfect: tuple[str, ...],
        present: tuple[str, ...] = (),
    ) -> None:
        self.participles = participles
        self.imperfect = imperfect
        self.present = present
        lemmatizer = nlp.get_pipe("lemmatizer") if nlp.has_pipe("lemmatizer") else None
        self.lemmatize: Callable[[Token], list[str]] | None = getattr(lemmatizer, "rule_lemmatize", None)
        lookups = getattr(lemmatizer, "lookups", None)
        self.verbs: Container[str] = frozenset()
        self.irregular: Container[str] = frozenset()
        if lookups is not None and lookups.has_table("lemma_index"):
            self.verbs = lookups.get_table("lemma_index").get("verb", frozenset())
        if lookups is not None and lookups.has_table("lemma_exc"):
            self.irregular = lookups.get_table("lemma_exc").get("verb", {})

    def __call__(self, doc: Doc) -> Doc:
        for token in doc:
            if token.pos_ in {"NOUN", "ADJ", "PROPN"} and self._is_participle_read_as_noun(token):
                assert self.lemmatize is not None
                token.lemma_ = self.lemmatize(token)[0]
                _set(token, Tense="Past", VerbForm="Part")
            elif token.pos_ in {"ADJ", "NOUN"} and (verb := self._present_read_as_adjective(token)):
                token.pos_ = "VERB"
                token.lemma_ = verb
                number = "Plur" if token.lower_.endswith("ent") else "Sing"
                _set(token, Mood="Ind", Tense="Pres", VerbForm="Fin", Person="3", Number=number)
            elif token.pos_ == "VERB" and self._is_participle_read_as_infinitive(token):
                _set(token, Tense="Past", VerbForm="Part")
            elif token.pos_ in {"VERB", "AUX"} and (repair := self._misread_present(token)):
                _set(token, **repair)
        return doc

    def _is_participle_read_as_noun(self, token: Token) -> bool:
        """A word an auxiliary governs, with no copula ("a été maire"), a participle's ending, and a verb the
        lemmatizer knows whose participle it is ("défilé" of "défiler"; not "a envie": "envié")."""
        if self.lemmatize is None or not self.participles or not token.lower_.endswith(self.participles):
            return False
        children = list(token.children)
        governed = any(c.dep_ in _AUXILIARY_DEPS and c.lemma_ in _TENSE_AUXILIARIES for c in children)
        if not governed or any(c.dep_ == "cop" for c in children):
            return False
        read_as = token.pos_
        token.pos_ = "VERB"
        lemmas = self.lemmatize(token)
        if lemmas and self._participle_of(token.lower_, lemmas[0]):
            return True
        token.pos_ = read_as
        return False

    def _is_participle_read_as_infinitive(self, token: Token) -> bool:
        """A participle the tagger read as an infinitive, mostly where it opens the sentence ("Questionné
        dimanche par Le Parisien, le médecin a réfuté"): a participle's form of its lemma, not the lemma."""
        if token.morph.get("VerbForm", []) != ["Inf"] or not self.participles:
            return False
        form, lemma = token.lower_, token.lemma_.lower()
        return form != lemma and form.endswith(self.participles) and self._participle_of(form, lemma)

    def _participle_of(self, form: str, lemma: str) -> bool:
        """A known verb's stem (its last two letters off) and an ending ("défil|é", "ralent|i", "contred|it"),
        or, for a verb not in -er, a form of the lemmatizer's table of verb forms ("compris", "ouvert"); not
        "envie" (a present of "envier", whose participle is "envié")."""
        stem = lemma[:-2]
        regular = len(form) > len(stem) and form.startswith(stem) and form[len(stem) :] in self.participles
        if regular and (lemma in self.verbs or form in self.irregular):
            return True
        return not lemma.endswith(_FIRST_GROUP) and form in self.irregular

    def _present_read_as_adjective(self, token: Token) -> str | None:
        """The verb in -er whose present the adjective (or noun) is, when it has a subject and no copula
        ("qu'elle épouse en 1941": "épouser"), or None ("le PS, historiquement favorable": no verb)."""
        form = token.lower_
        # the form first: most nouns and adjectives are no verb's present, and their children cost more
        verb = next(
            (
                form[: -len(ending)] + _FIRST_GROUP
                for ending in self.present
                if form.endswith(ending) and len(form) > len(ending) + 1
            ),
            None,
        )
        if verb is None or verb not in self.verbs:
            return None
        children = list(token.children)
        if not any(c.dep_.startswith("nsubj") for c in children) or any(c.dep_ == "cop" for c in children):
            return None
        return verb

    def _misread_present(self, token: Token) -> dict[str, str] | None:
        """The features of a present that is an imperfect ("multipliaient": Tense=Imp) of a verb in -er, or of
        a present or an imperfect that is a conditional ("présenteraient", "partirait", "prendrait":
        Mood=Cnd, the infinitive, less the "e" of -re, and an imperfect's ending), or None."""
        morph = token.morph
        tense = morph.get("Tense", [])
        if tense not in (["Pres"], ["Imp"]) or morph.get("Mood", []) != ["Ind"]:
            return None
        lemma, form = token.lemma_.lower(), token.lower_
        ending = next((e for e in self.imperfect if form.endswith(e)), None)
        if ending is None:
            return None
        future_stem = lemma[:-1] if lemma.endswith(_THIRD_GROUP) else lemma
        if form == future_stem + ending:
            return {"Mood": "Cnd"}
        if (
            tense == ["Pres"]
            and lemma.endswith(_FIRST_GROUP)
            and form == lemma[: -len(_FIRST_GROUP)] + ending
        ):
            return {"Tense": "Imp"}
        return None


def _set(token: Token, **features: str) -> None:
    token.morph = MorphAnalysis(token.doc.vocab, {**token.morph.to_dict(), **features})


@Language.factory(VERB_FORMS, default_config={"participles": [], "imperfect": [], "present": []})
def make_verb_forms(
    nlp: Language, name: str, participles: list[str], imperfect: list[str], present: list[str]
) -> VerbForms:
    """The ``VerbForms`` component; the endings are French data (``load_model`` gives chronique's)."""
    return VerbForms(nlp, _longest_first(participles), _longest_first(imperfect), _longest_first(present))


def _longest_first(endings: list[str]) -> tuple[str, ...]:
    return tuple(sorted(endings, key=len, reverse=True))
